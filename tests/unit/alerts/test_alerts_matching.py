"""Rule conditions against events: each condition, any-of lists, case, missing data."""

from __future__ import annotations

import pytest
from alerts_factories import EventFactory

from processors.alerts.matching import distance_km, matches
from processors.alerts.rules import Conditions, Near


def when(**conditions: object) -> Conditions:
    return Conditions.model_validate(conditions)


def test_empty_conditions_match_everything(event: EventFactory) -> None:
    assert matches(when(), event())


@pytest.mark.parametrize(
    ("conditions", "expected"),
    [
        ({"sub_event_type": ["Armed clash", "Air/drone strike"]}, True),
        ({"sub_event_type": ["Air/drone strike"]}, False),
        ({"actor": ["Syrian Democratic Forces", "Military Forces of Syria"]}, True),
        ({"actor": ["islamic state"]}, True),
        ({"actor": ["Hezbollah"]}, False),
        ({"admin1": ["deir ez-zor"]}, True),
        ({"admin1": ["Idleb"]}, False),
        ({"fatalities_at_least": 6}, True),
        ({"fatalities_at_least": 7}, False),
        ({"min_confidence": 0.8}, True),
        ({"min_confidence": 0.81}, False),
        ({"near": {"lat": 35.0, "lon": 40.45, "km": 5}}, True),
        ({"near": {"lat": 36.47, "lon": 37.10, "km": 30}}, False),
    ],
)
def test_each_condition(event: EventFactory, conditions: dict[str, object], expected: bool) -> None:
    assert matches(when(**conditions), event()) is expected


def test_all_conditions_must_hold(event: EventFactory) -> None:
    conditions = when(admin1=["Deir ez-Zor"], fatalities_at_least=10)
    assert not matches(conditions, event(fatalities=6))
    assert matches(conditions, event(fatalities=10))


def test_an_actor_from_the_role_list_counts(event: EventFactory) -> None:
    clash = event(actors=("Islamic State",))
    clash = clash.model_copy(
        update={"actors": [*clash.actors, clash.actors[0].model_copy(update={"name": "Coalition"})]}
    )
    assert matches(when(actor=["Coalition"]), clash)


def test_unknown_toll_is_not_deadly(event: EventFactory) -> None:
    assert not matches(when(fatalities_at_least=1), event(fatalities=None))
    assert matches(when(fatalities_at_least=0), event(fatalities=None))


def test_near_needs_coordinates(event: EventFactory) -> None:
    assert not matches(when(near={"lat": 35.0, "lon": 40.45, "km": 500}), event(lat=None, lon=None))


def test_near_tal_rifaat_radius(event: EventFactory) -> None:
    near = Near(lat=36.47, lon=37.10, km=30)
    azaz = event(place="Azaz", admin1="Aleppo", lat=36.5866, lon=37.0463)  # ~14 km
    aleppo = event(place="Aleppo", admin1="Aleppo", lat=36.2021, lon=37.1343)  # ~30 km
    manbij = event(place="Manbij", admin1="Aleppo", lat=36.5281, lon=37.9549)  # ~77 km
    assert matches(when(near=near.model_dump()), azaz)
    assert not matches(when(near=near.model_dump()), manbij)
    assert distance_km(36.47, 37.10, 36.2021, 37.1343) == pytest.approx(29.9, abs=0.3)
    assert matches(when(near={"lat": 36.47, "lon": 37.10, "km": 30.5}), aleppo)


def test_distance_is_symmetric_and_zero_on_the_spot() -> None:
    assert distance_km(35.0, 40.0, 35.0, 40.0) == 0
    assert distance_km(35.0, 40.0, 36.0, 41.0) == pytest.approx(distance_km(36.0, 41.0, 35.0, 40.0))
