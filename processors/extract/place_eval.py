"""Developer evaluation of `find_places` / `find_dates` on ACLED notes (evaluation data, read only).

ACLED rows are used to MEASURE only: the note goes in, the row's coordinates and date are compared
with what came out. Nothing here feeds the gazetteer. Develop on 2017-2018, report 2019 as test.

    python -m processors.extract.place_eval [--csv ../shared/data/acled_syria.csv] [--years 2019]
"""

from __future__ import annotations

import argparse
import csv
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Final

from processors.extract.dates import find_dates
from processors.extract.gazetteer import distance_km
from processors.extract.places import PlaceMention, find_places
from sitrep.textnorm import clean_text

DEFAULT_CSV: Final = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "acled_syria.csv"


@dataclass(frozen=True)
class PlaceScore:
    """Counts of one evaluation run."""

    rows: int
    with_place: int
    place_within_25km: int
    date_exact: int
    with_date: int = 0

    @property
    def place_accuracy(self) -> float:
        return self.place_within_25km / self.rows if self.rows else 0.0

    @property
    def date_accuracy(self) -> float:
        """Exact first date among the notes that name a date at all."""
        return self.date_exact / self.with_date if self.with_date else 0.0


def main_place(mentions: list[PlaceMention]) -> PlaceMention | None:
    """The place an event is coded at: the first town-level mention, else the first mention."""
    for mention in mentions:
        if mention.location.geo_precision == 1:
            return mention
    return mentions[0] if mentions else None


def evaluate(rows: Iterable[dict[str, str]], km: float = 25.0) -> PlaceScore:
    """Score the main place and the first date of each note against the row."""
    n = with_place = near = date_ok = with_date = 0
    for row in rows:
        n += 1
        text = clean_text(row["notes"])
        event_day = datetime.strptime(row["event_date"], "%d %B %Y").replace(tzinfo=UTC)
        place = main_place(find_places(text, "en"))
        if place is not None and place.location.lat is not None and place.location.lon is not None:
            with_place += 1
            if distance_km(place.location.lat, place.location.lon, float(row["latitude"]),
                           float(row["longitude"])) <= km:
                near += 1
        # ACLED notes are written after the fact: take the publication as a few days later.
        dates = find_dates(text, "en", event_day + timedelta(days=2))
        if dates:
            with_date += 1
            date_ok += dates[0].date == event_day.date()
    return PlaceScore(n, with_place, near, date_ok, with_date)


def read_rows(path: Path, years: set[int]) -> list[dict[str, str]]:
    """ACLED rows of the given years."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [r for r in csv.DictReader(handle) if int(r["year"]) in years]


def _main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--years", default="2017,2018")
    args = parser.parse_args()
    years = {int(y) for y in args.years.split(",")}
    score = evaluate(read_rows(args.csv, years))
    print(f"years={sorted(years)} rows={score.rows} with_place={score.with_place} "
          f"place@25km={score.place_accuracy:.3f} notes_with_date={score.with_date} "
          f"date_exact={score.date_accuracy:.3f}")


if __name__ == "__main__":
    _main()
