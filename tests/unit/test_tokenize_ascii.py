"""The ASCII tokenizer gives the tokens of the general one on every ASCII text."""

import random
import re

from processors.extract.casualties import _TOKEN_SPLIT, _TOKEN_SPLIT_ASCII, tokenize


def test_each_ascii_character_splits_alike() -> None:
    for code in range(128):
        char = chr(code)
        for text in (char, f"a{char}b", f"7{char}3", f"{char}{char}x", f"1,{char}00"):
            assert _TOKEN_SPLIT_ASCII.split(text) == _TOKEN_SPLIT.split(text), repr(text)


def test_random_ascii_texts_split_alike() -> None:
    rng = random.Random(5)
    alphabet = "ab Z_9017,.'-\t\n\x1c\x1f\"()%:;/"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert _TOKEN_SPLIT_ASCII.split(text) == _TOKEN_SPLIT.split(text), repr(text)


def test_tokens_of_a_sentence() -> None:
    text = "Shelling killed 1,250 fighters and 3.5 others in al-Bab's west (Tuesday)."
    tokens = tokenize(text, 9, len(text))
    assert [t.text for t in tokens][:4] == ["killed", "1,250", "fighters", "and"]
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert [t.text for t in tokenize("ok\u00e9 2", 0)] == ["ok\u00e9", "2"]  # not ASCII: the general tokenizer
    assert re.ASCII & _TOKEN_SPLIT_ASCII.flags


def test_place_tokens_of_ascii_texts_split_alike() -> None:
    from processors.extract import places

    rng = random.Random(11)
    alphabet = "ab sZ_90'-\t.\x1c"
    pairs = (
        (places._TOKEN_SPLIT, places._TOKEN_SPLIT_ASCII),
        (places._TOKEN_FAST_SPLIT, places._TOKEN_FAST_SPLIT_ASCII),
    )
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        for general, ascii_only in pairs:
            assert ascii_only.split(text) == general.split(text), repr(text)
    for code in range(128):
        text = f"x{chr(code)}s y's {chr(code)}"
        for general, ascii_only in pairs:
            assert ascii_only.split(text) == general.split(text), repr(text)


def test_tokenize_finds_the_tokens_of_finditer() -> None:
    from processors.extract.casualties import TOKEN

    rng = random.Random(7)
    alphabet = "ab Z_9017,.'-\t\n\x1c\"(\u00e9\u0648\u0628\u0642\u062a\u0644 \u00a0"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        expected = [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]
        assert [tuple(t) for t in tokenize(text)] == expected, repr(text)
