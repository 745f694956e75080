"""The shared normalizer: idempotent, folds what Arabic spelling varies on."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sitrep.textnorm import clean_text, detect_language, normalize_arabic, normalize_for_match

ARABIC_ALPHABET = st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF) | st.sampled_from(" \n.,"))


def test_folds_alef_ya_ta_marbuta_diacritics_tatweel_digits() -> None:
    assert normalize_arabic("إدلب") == normalize_arabic("ادلب")
    assert normalize_arabic("مصطفى") == normalize_arabic("مصطفي")
    assert normalize_arabic("مدينة") == normalize_arabic("مدينه")
    assert normalize_arabic("قَصْفٌ") == "قصف"
    assert normalize_arabic("قـــصف") == "قصف"
    assert normalize_arabic("٤٦") == "46" and normalize_arabic("۴۶") == "46"


@given(ARABIC_ALPHABET)
def test_normalization_is_idempotent_arabic(text: str) -> None:
    assert normalize_arabic(normalize_arabic(text)) == normalize_arabic(text)
    assert normalize_for_match(normalize_for_match(text)) == normalize_for_match(text)
    assert clean_text(clean_text(text)) == clean_text(text)


@given(st.text())
def test_normalization_is_idempotent_any_text(text: str) -> None:
    assert normalize_for_match(normalize_for_match(text)) == normalize_for_match(text)


def test_detect_language() -> None:
    assert detect_language("اشتباكات عنيفة في ريف دير الزور") == "ar"
    assert detect_language("Clashes in rural Deir ez-Zor") == "en"
    assert detect_language("123 !!") == ""


@given(st.text() | ARABIC_ALPHABET)
def test_matching_form_of_cleaned_text_needs_no_second_cleaning(text: str) -> None:
    # The sink indexes reports the worker cleaned: it skips cleaning them again.
    cleaned = clean_text(text)
    assert normalize_for_match(cleaned, cleaned=True) == normalize_for_match(cleaned) == normalize_for_match(text)
