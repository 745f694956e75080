"""Work skipped for speed changes no result: the mention index's joined prefilters, the trigger probe
that lets `extract` stop before finding mentions, and the early exits of `extract`."""

from __future__ import annotations

from datetime import UTC, datetime

from processors.extract import extract_events
from processors.extract.events import prepare
from processors.extract.mentions import _WORD, _index, find_mentions, triggers_may_start_in
from sitrep.records import Report
from sitrep.textnorm import fold_with_offsets, split_sentences

_TEXTS = [
    "Syrian army troops and allied militias shelled rebel-held villages near Saraqeb on Friday.",
    "The regime's air force struck a market in the town, killing nine civilians, a war monitor said.",
    "The minister met the envoy in Geneva; the talks will resume next month, a spokesman said.",
    "قصفت قوات النظام بالمدفعية الثقيلة مناطق في ريف حماة الشمالي، ما أدى لمقتل رجلين.",
    "واندلعت اشتباكات بين الفصائل المقاتلة وعناصر تنظيم داعش على أطراف البلدة الشرقية.",
    "وزير الخارجية يلتقي نظيره في العاصمة لبحث ملفات التعاون الاقتصادي بين البلدين.",
]
_PUBLISHED = datetime(2018, 5, 2, 9, tzinfo=UTC)


def _naive_find_all(text: str) -> list[tuple[int, int, int]]:
    """Every alternative of every word tried, no joined prefilter."""
    index = _index()
    found = []
    for word in _WORD.finditer(text):
        for _, alternatives in index._tries(word.group()):
            for label, compiled in alternatives:
                match = compiled.match(text, word.start())
                if match and match.end() > word.start():
                    found.append((word.start(), match.end(), label))
    return sorted(found, key=lambda f: (f[0], f[0] - f[1], f[2]))


def test_joined_prefilters_find_what_every_alternative_finds() -> None:
    for text in _TEXTS:
        folded = fold_with_offsets(text)[0]
        assert _index().find_all(folded) == _naive_find_all(folded), text


def test_trigger_probe_never_misses_a_trigger() -> None:
    folded = fold_with_offsets(" ".join(_TEXTS))[0]
    triggers = find_mentions(folded).triggers
    spans = split_sentences(folded) + [(a, a + 25) for a in range(0, len(folded), 9)]
    for start, end in spans:
        if any(start <= t.start < end for t in triggers):
            assert triggers_may_start_in(folded, [(start, end)]), folded[start:end]
    assert not triggers_may_start_in(folded, [])


def test_trigger_probe_says_no_for_a_calm_sentence() -> None:
    for text in (_TEXTS[2], _TEXTS[5]):
        folded = fold_with_offsets(text)[0]
        assert not triggers_may_start_in(folded, [(0, len(folded))])


def _report(title: str, text: str) -> Report:
    return Report(report_id="probe-1", title=title, text=text, published_at=_PUBLISHED, fetched_at=_PUBLISHED)


def test_no_violence_in_title_or_lead_no_event() -> None:
    report = _report(_TEXTS[5], f"{_TEXTS[2]} Later the army shelled two villages, killing three people.")
    doc = prepare(report)
    assert doc.triggers  # a trigger further down the body ...
    assert extract_events(report) == []  # ... is not what the report is about


def test_violence_in_the_lead_still_yields_its_event() -> None:
    report = _report("Strikes on the town", f"{_TEXTS[1]} {_TEXTS[0]}")
    events = extract_events(report)
    assert events and events[0].sub_event_type == "Air/drone strike"
