"""Matching form with offsets, clitics, sentence and clause splitting (sitrep.textnorm)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.textnorm import (
    detect_language,
    fold_with_offsets,
    normalize_arabic,
    normalize_for_match,
    original_span,
    split_clauses,
    split_sentences,
    strip_clitics,
)

ARABIC_AND_LATIN = st.text(
    alphabet=st.sampled_from(
        list("ابتثجحخدذرسشصضطظعغفقكلمنهويىةأإآءئؤ")
        + list("\u064b\u064e\u0651\u0640")
        + list("٠١٢٣٤٥٦٧٨٩۱۲")
        + list(" \n،؛؟.,\u00a0abcXYZ\u201c\u201d")
    ),
    max_size=60,
)


@given(ARABIC_AND_LATIN)
@settings(max_examples=200, deadline=None)
def test_normalization_is_idempotent(text: str) -> None:
    assert normalize_arabic(normalize_arabic(text)) == normalize_arabic(text)
    assert normalize_for_match(normalize_for_match(text)) == normalize_for_match(text)
    folded, _ = fold_with_offsets(text)
    assert fold_with_offsets(folded)[0] == folded


@given(ARABIC_AND_LATIN)
@settings(max_examples=200, deadline=None)
def test_fold_positions_point_back_to_the_source_character(text: str) -> None:
    folded, positions = fold_with_offsets(text)
    if positions is None:
        assert len(folded) == len(text)
        return
    assert len(positions) == len(folded)
    assert positions == sorted(positions)
    for i, ch in enumerate(folded):
        assert fold_with_offsets(text[positions[i]])[0] == ch


def test_fold_drops_diacritics_and_maps_spans_back() -> None:
    text = "قُتِلَ خمسةُ عناصر"
    folded, positions = fold_with_offsets(text)
    assert folded == "قتل خمسه عناصر"
    start = folded.index("خمسه")
    o_start, o_end = original_span(positions, start, start + 4)
    assert text[o_start:o_end] == "خمسة"


def test_fold_digits_quotes_and_arabic_punctuation() -> None:
    folded, positions = fold_with_offsets("مقتل ١٢ عنصراً، “داعش”؟")
    assert folded.startswith("مقتل 12 عنصرا,")
    assert '"داعش"?' in folded


def test_strip_clitics() -> None:
    assert strip_clitics("وبالقصف") == "قصف"
    assert strip_clitics("للنظام") == "نظام"
    assert strip_clitics("فالتنظيم") == "تنظيم"
    assert strip_clitics("قصف") == "قصف"
    assert strip_clitics("army") == "army"


def test_sentences_respect_abbreviations_and_lines() -> None:
    text = "Gen. Ali said U.S. jets struck at 3.5 km. Two died!\nسطر ثان؟ نعم"
    spans = [text[a:b] for a, b in split_sentences(text)]
    assert spans == ["Gen. Ali said U.S. jets struck at 3.5 km.", "Two died!", "سطر ثان؟", "نعم"]


def test_clauses_split_at_connectives() -> None:
    folded, _ = fold_with_offsets("اندلعت اشتباكات في البلدة، فيما قصفت الطائرات قرية مجاورة، كما قتل شخص")
    clauses = [folded[a:b] for a, b in split_clauses(folded)]
    assert len(clauses) == 3
    assert clauses[1].startswith("فيما")


def test_detect_language() -> None:
    assert detect_language("قصفت الطائرات البلدة") == "ar"
    assert detect_language("Jets struck the town") == "en"
    assert detect_language("123 !!") == ""
