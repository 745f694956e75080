"""Find trigger, actor and source mentions in the folded text of a report.

Every function here is pure: text in, mentions (with offsets into the same folded text) out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from processors.extract.lexicon import (
    ACTOR_RULES,
    ANAPHOR_PATTERN,
    SOURCE_PATTERN,
    TRIGGER_RULES,
    TriggerRule,
)


# Groups that reports call "the organization" / "the group".
ANAPHOR_TARGETS = frozenset({"Islamic State", "Hayat Tahrir al-Sham", "Jabhat al-Nusra", "PKK",
                             "Ahrar al-Sham", "Jaysh al-Islam", "Faylaq al-Rahman"})


@dataclass(frozen=True)
class TriggerMention:
    """A word or phrase that says an event of ``rule.sub_event_type`` happened."""

    start: int
    end: int
    rule: TriggerRule

    @property
    def sub_event_type(self) -> str:
        return self.rule.sub_event_type


@dataclass(frozen=True)
class ActorMention:
    """A name of a canonical actor (``anaphoric`` when it was "the organization" resolved)."""

    start: int
    end: int
    name: str
    anaphoric: bool = False


@lru_cache(maxsize=1)
def _trigger_regex() -> re.Pattern[str]:
    parts = [f"(?P<t{i}>{rule.pattern})" for i, rule in enumerate(TRIGGER_RULES)]
    return re.compile("|".join(parts))


@lru_cache(maxsize=1)
def _actor_regex() -> re.Pattern[str]:
    parts = [f"(?P<a{i}>{rule.pattern})" for i, rule in enumerate(ACTOR_RULES)]
    parts.append(f"(?P<anaphor>{ANAPHOR_PATTERN})")
    return re.compile("|".join(parts))


def find_triggers(folded: str) -> list[TriggerMention]:
    """Trigger mentions, left to right; where rules overlap the earlier rule (stronger) wins."""
    regex = _trigger_regex()
    found: list[TriggerMention] = []
    pos = 0
    while True:
        match = regex.search(folded, pos)
        if match is None:
            break
        rule = TRIGGER_RULES[int(match.lastgroup[1:])]  # type: ignore[index]
        # A longer reading by a stronger rule at the same start ("تفجير انتحاري") wins.
        best = (match.end(), rule)
        for i, other in enumerate(TRIGGER_RULES):
            if other is rule:
                continue
            alt = _single_trigger(i).match(folded, match.start())
            if alt and (alt.end() > best[0] or (alt.end() == best[0] and other.strength > best[1].strength)):
                best = (alt.end(), other)
        found.append(TriggerMention(match.start(), best[0], best[1]))
        pos = max(best[0], match.start() + 1)
    return found


@lru_cache(maxsize=64)
def _single_trigger(index: int) -> re.Pattern[str]:
    return re.compile(TRIGGER_RULES[index].pattern)


def find_sources(folded: str) -> list[tuple[int, int]]:
    """Spans naming a reporting outlet, monitor or official: they are never actors."""
    return [(m.start(), m.end()) for m in SOURCE_PATTERN.finditer(folded)]


def find_actors(folded: str, sources: list[tuple[int, int]] | None = None) -> list[ActorMention]:
    """Actor mentions left to right, outside source spans; "التنظيم"/"the group" resolved to the
    armed group named before (Islamic State when none was)."""
    sources = sources or []
    regex = _actor_regex()
    found: list[ActorMention] = []
    last_group = ""
    for match in regex.finditer(folded):
        start, end = match.span()
        if any(s <= start < e or s < end <= e for s, e in sources):
            continue
        if match.lastgroup == "anaphor":
            name = last_group or "Islamic State"
            found.append(ActorMention(start, end, name, anaphoric=True))
            continue
        name = ACTOR_RULES[int(match.lastgroup[1:])].canonical  # type: ignore[index]
        if name in ANAPHOR_TARGETS:
            last_group = name
        found.append(ActorMention(start, end, name))
    return found
