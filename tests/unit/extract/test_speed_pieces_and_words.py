"""Speed shortcuts of the ninth round give the results of the code they replace (sentences written for these
tests): `searcher`/`matcher` on a whole report test each piece for literals, not the report; `PhraseIndex.find_all`
picks the words that start an alternative in C; `quick` patterns open with a look-ahead for their first characters;
`_NEVER` is refused at once."""

from __future__ import annotations

import re

from processors.extract import casualties, dates, events, roles
from processors.extract.fastre import _NEVER, matcher, quick, search_span, searcher
from processors.extract.lexicon import TRIGGER_RULES
from processors.extract.mentions import _WORD, PhraseIndex, _index, _may_start_at

_ENGLISH = (
    "Monitors said on Tuesday that jets struck Tell Rifaat twice, killing at least 9 fighters of the group, "
    "while government troops - supported by allied militiamen - shelled Mare'; several families from Azaz "
    "fled to the border. The toll rose to nearly 14, a medic said, and about 20 others were hurt during the "
    "past two days across the northern countryside. Rebels returned fire and seized two posts held by the army. "
    "A spokesman for the opposition said its men killed five soldiers and captured another near the highway."
)
_ARABIC = (
    "أفاد مراقبون أن طائرات حربية استهدفت بلدة تل رفعت مرتين، ما أسفر عن مقتل 9 عناصر على الأقل من الفصيل، "
    "فيما قصفت القوات الحكومية بلدة مارع؛ ونزحت عائلات من أعزاز نحو الحدود، وارتفع عدد القتلى إلى 14 خلال يومين، "
    "كما أصيب نحو عشرين آخرين في ريف حلب الشمالي، وقال متحدث إن مقاتليه قتلوا خمسة جنود وأسروا آخر قرب الطريق. "
    "وفي وقت لاحق اندلعت اشتباكات عنيفة بين الفصائل وقوات النظام على أطراف البلدة، وسيطر المقاتلون على نقطتين."
)
_MIXED = _ARABIC + " " + _ENGLISH


def _windows(text: str) -> list[tuple[int, int]]:
    return [(a, b) for a in range(0, len(text), 5) for b in (a + 8, a + 30, a + 60, a + 90) if b <= len(text)]


def _module_patterns() -> list[re.Pattern[str]]:
    return [p for module in (roles, casualties) for p in vars(module).values() if isinstance(p, re.Pattern)]


def test_searchers_on_a_long_text_find_what_the_pattern_finds() -> None:
    for text in (_ENGLISH, _ARABIC, _MIXED):
        assert len(text) > 400  # a whole report's length: no test of the literals over the whole text
        windows = _windows(text)
        for pattern in _module_patterns():
            search, match = searcher(pattern, text), matcher(pattern, text)
            for a, b in windows:
                piece = text[a:b]
                want, got = pattern.search(piece), search(piece)
                assert (got and got.span()) == (want and want.span()), (pattern.pattern[:40], piece)
                want, got = pattern.match(piece), match(piece)
                assert (got and got.span()) == (want and want.span()), (pattern.pattern[:40], piece)


def _find_all_word_by_word(index: PhraseIndex, text: str) -> list[tuple[int, int, int]]:
    found: list[tuple[int, int, int]] = []
    for word in _WORD.finditer(text):  # every alternative of the word's keys, none left out by `_may_start_at`
        for key in index._keys(word.group()):
            for label, compiled in index.index.get(key, ()):
                match = compiled.match(text, word.start())
                if match and match.end() > word.start():
                    found.append((word.start(), match.end(), label))
    for label, compiled in index.residual:
        found.extend((m.start(), m.end(), label) for m in compiled.finditer(text) if m.end() > m.start())
    return sorted(found, key=lambda f: (f[0], f[0] - f[1], f[2]))


def test_find_all_is_the_word_by_word_search() -> None:
    index = _index()
    for text in (_ENGLISH, _ARABIC, _MIXED, "", "...", _ENGLISH[:57], _ARABIC[3:99]):
        assert index.find_all(text) == _find_all_word_by_word(index, text)


def test_find_all_with_a_full_word_cache() -> None:
    labelled = [(label, rule.pattern) for label, rule in enumerate(TRIGGER_RULES)]
    index = PhraseIndex(labelled)
    expected = {text: index.find_all(text) for text in (_ENGLISH, _ARABIC, _MIXED)}
    index._by_word.update({f"filler{i}": () for i in range(200_000)})  # `_tries` keeps no new word now
    for text, found in expected.items():
        fresh = PhraseIndex(labelled)
        fresh._by_word.update({f"filler{i}": () for i in range(200_000)})
        assert fresh.find_all(text) == found
        assert index.find_all(text) == found



def test_quick_patterns_find_the_same_matches() -> None:
    patterns = _module_patterns() + [p for module in (events, dates) for p in vars(module).values()
                                     if isinstance(p, re.Pattern)]
    patterns += [rule.pattern for rule in dates._EN_RULES + dates._AR_RULES]
    patterns += [twin for rule in dates._EN_RULES + dates._AR_RULES if (twin := dates._lower_twin(rule.pattern))]
    quickened = 0
    for pattern in patterns:
        fast = quick(pattern)
        quickened += fast is not pattern
        assert fast.groups == pattern.groups and fast.groupindex == pattern.groupindex
        for text in (_ENGLISH, _ARABIC, _MIXED, _ENGLISH.lower(), "on 12 March, 2018-03-14 and 3-5 April", ""):
            want = [(m.span(), m.groups()) for m in pattern.finditer(text)]
            assert [(m.span(), m.groups()) for m in fast.finditer(text)] == want, pattern.pattern[:60]
            for a, b in _windows(text)[::7]:
                want_at = pattern.match(text, a, b)
                got_at = fast.match(text, a, b)
                assert (got_at and got_at.span()) == (want_at and want_at.span()), pattern.pattern[:60]
    assert quickened > 50


def test_quick_reads_the_first_characters() -> None:
    assert quick(re.compile(r"\b(?:kill|dead)\b")).pattern.startswith("(?=[")
    assert quick(re.compile(r"(?<!\w)(?:the\s+)?(\d+) (?:fighters|troops)")).search("of the 12 troops").group(1) == "12"
    for unknown in (r"\w+ killed", r"(?:x)?", r"[^a]b", r"(?i)\bkill", r".ab"):
        assert quick(re.compile(unknown)).pattern == unknown


def test_never_matches_anything() -> None:
    for text in ("", "x", "x" * 70_000, _ENGLISH):
        assert _NEVER.search(text) is None and _NEVER.match(text) is None and not list(_NEVER.finditer(text))


def test_alternatives_left_out_at_a_word_cannot_start_there() -> None:
    take = re.compile(r"\b(?:t(?:ake|ook|aken) back)\b")
    named = re.compile(r"\b(?:(?:the )?river shield)\b")
    assert not _may_start_at(take, "the") and _may_start_at(take, "took") and not _may_start_at(take, "tookback")
    assert _may_start_at(named, "the") and _may_start_at(named, "river") and not _may_start_at(named, "rivers")
    assert _may_start_at(re.compile(r"\bkill"), "killed") and not _may_start_at(re.compile(r"\bkill"), "kin")
    assert _may_start_at(re.compile(r"in-?fighting"), "in") and _may_start_at(re.compile(r"\w+ed"), "the")
    assert _may_start_at(re.compile(r"kill", re.I), "KILL")  # (case folded: not read)
    words = [w.group() for w in _WORD.finditer(_ENGLISH.lower() + " " + _ARABIC)]
    patterns = [compiled for alternatives in _index().index.values() for _, compiled in alternatives]
    for pattern in patterns[::3]:
        for word in words:
            if not _may_start_at(pattern, word):
                for text in (word, word + " ", word + ", x", word + "-y"):
                    assert pattern.match(text) is None, (pattern.pattern, word)


def test_search_span_is_the_pattern_s_search() -> None:
    patterns = [events._CONDEMNED_BEFORE_EN, events._MOURNED_BEFORE_EN, events._DAYS_AFTER_EN] + _module_patterns()
    for text in (_ENGLISH, _ENGLISH.lower(), _ARABIC, _MIXED):
        for pattern in patterns:
            for a, b in _windows(text)[::3]:
                want, got = pattern.search(text, a, b), search_span(pattern, text, a, b)
                assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups())), pattern.pattern
