"""Near-duplicate reports: MinHash/LSH over normalized shingles, windowed, revision-aware."""

from __future__ import annotations

from datetime import timedelta

from fusion_factories import BASE_DAY, at, make_report

from processors.fusion import FusionSettings, ReportDeduper, dedup_bucket

WIRE = (
    "Air strikes hit the town of Ariha in Idlib province on Tuesday, killing at least seven civilians "
    "including two children, a war monitor said. The strikes targeted a market and a residential street "
    "in the centre of the town, rescue workers said, and several people were still missing under the rubble. "
    "Government forces and their allies have stepped up bombardment of the area in recent days."
)
EDITED = (
    WIRE.replace("on Tuesday", "on Tuesday morning").replace("a war monitor said", "the monitor said")
    + " The town has been hit repeatedly this month."
)
OTHER = (
    "Kurdish-led fighters clashed with Islamic State militants near Hajin in the eastern Deir ez-Zor "
    "countryside overnight, and the coalition carried out several strikes on positions of the group along "
    "the Euphrates river valley, according to a statement released by the alliance on Wednesday."
)
ARABIC = (
    "قتل سبعة مدنيين بينهم طفلان جراء غارات جوية استهدفت سوقا شعبيا وشارعا سكنيا في مدينة أريحا بريف "
    "إدلب الجنوبي صباح اليوم، ولا يزال عدد من الأشخاص مفقودين تحت الأنقاض بحسب فرق الإنقاذ"
)


def deduper(**changes: object) -> tuple[ReportDeduper, dict[str, object]]:
    store: dict[str, object] = {}
    return ReportDeduper(FusionSettings(**changes), store), store  # type: ignore[arg-type]


def test_identical_story_on_another_site_is_a_duplicate_of_the_first() -> None:
    dd, _ = deduper()
    first = dd.check(make_report("r1", WIRE, source="reuters"), at(BASE_DAY))
    second = dd.check(make_report("r2", WIRE, source="ahram"), at(BASE_DAY, 14))
    third = dd.check(make_report("r3", WIRE, source="trt"), at(BASE_DAY, 15))
    assert first.duplicate_of is None
    assert second.duplicate_of == "r1" and second.similarity == 1.0
    assert third.duplicate_of == "r1"
    assert third.also_reported_by == ["ahram", "trt"]


def test_lightly_edited_repost_is_a_duplicate() -> None:
    dd, _ = deduper()
    dd.check(make_report("r1", WIRE), at(BASE_DAY))
    verdict = dd.check(make_report("r2", EDITED, title="Strikes on Ariha"), at(BASE_DAY, 13))
    assert verdict.duplicate_of == "r1"
    assert 0.7 <= verdict.similarity < 1.0


def test_different_stories_and_languages_are_not_duplicates() -> None:
    dd, _ = deduper()
    dd.check(make_report("r1", WIRE), at(BASE_DAY))
    assert dd.check(make_report("r2", OTHER), at(BASE_DAY, 13)).duplicate_of is None
    assert dd.check(make_report("r3", ARABIC), at(BASE_DAY, 13)).duplicate_of is None
    assert dedup_bucket(make_report("r3", ARABIC)) == "ar"
    assert dedup_bucket(make_report("r1", WIRE)) == "en"


def test_arabic_copy_with_other_spelling_and_diacritics_is_a_duplicate() -> None:
    dd, _ = deduper()
    dd.check(make_report("r1", ARABIC), at(BASE_DAY))
    respelled = ARABIC.replace("أريحا", "اريحا").replace("إدلب", "ادلب").replace("مدنيين", "مدنيِّين")
    assert dd.check(make_report("r2", respelled), at(BASE_DAY, 9)).duplicate_of == "r1"


def test_revision_of_a_report_is_not_a_duplicate_of_itself_and_replaces_it() -> None:
    dd, store = deduper()
    assert dd.check(make_report("r1", WIRE), at(BASE_DAY)).duplicate_of is None
    assert dd.check(make_report("r1", EDITED, revision=2), at(BASE_DAY, 13)).duplicate_of is None
    # the replaced signature is gone: only one report's bands are indexed
    sigs = [k for k in store if k.startswith("rd|en|sig|")]
    assert sigs == ["rd|en|sig|r1"]
    assert dd.check(make_report("r2", EDITED), at(BASE_DAY, 14)).duplicate_of == "r1"


def test_replay_gives_the_same_verdicts_and_the_same_state() -> None:
    dd, store = deduper()
    reports = [make_report("r1", WIRE, source="a"), make_report("r2", WIRE, source="b"),
               make_report("r3", OTHER, source="c")]
    first = [dd.check(r, at(BASE_DAY)) for r in reports]
    snapshot = dict(store)
    again = [dd.check(r, at(BASE_DAY)) for r in reports]
    assert [v.duplicate_of for v in again] == [v.duplicate_of for v in first] == [None, "r1", None]
    assert store == snapshot


def test_window_evicts_old_reports_and_bounds_the_state() -> None:
    dd, store = deduper(window_days=7)
    dd.check(make_report("r1", WIRE), at(BASE_DAY))
    later = at(BASE_DAY + timedelta(days=8))
    assert dd.check(make_report("r2", WIRE, published=later), later).duplicate_of is None
    assert not any("|r1" in k for k in store)
    dd.evict("en", later + timedelta(days=8))
    assert set(store) == {"rd|en|slots"} and store["rd|en|slots"] == []


def test_short_texts_match_only_when_identical() -> None:
    dd, _ = deduper()
    dd.check(make_report("r1", "Clashes in Douma"), at(BASE_DAY))
    assert dd.check(make_report("r2", "Clashes in Douma"), at(BASE_DAY)).duplicate_of == "r1"
    assert dd.check(make_report("r3", "Clashes in Hajin"), at(BASE_DAY)).duplicate_of is None
