"""Matching rules for unusual Latin spellings of place names (our own sentences)."""

from __future__ import annotations

from processors.extract.places import find_places


def _names(text: str) -> list[str]:
    return [m.location.name for m in find_places(text, "en")]


def test_misspelt_article_between_hyphens() -> None:
    assert "Jisr Ash-Shugur" in _names("Jets struck the market of Jisr-Ah-Shughur on Monday.")
    assert "Deir ez-Zor" in _names("Two soldiers died in an ambush outside Deir-e-Zor.")


def test_hyphen_syllable_is_no_article_outside_a_name() -> None:
    assert _names("The convoy went a-e-i without stopping.") == []


def test_article_glued_with_the_name_capital() -> None:
    assert "Al Kubar" in _names("A patrol was attacked in AlKubar late at night.")
