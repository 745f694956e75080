"""Find trigger, actor and source mentions in the folded text of a report.

Every function here is pure: text in, mentions (with offsets into the same folded text) out.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any, Final

from processors.extract.fastre import for_text, matcher
from processors.extract.lexicon import (
    ACTOR_RULES,
    ANAPHOR_PATTERN,
    ARMY_ANAPHOR_PATTERN,
    PRONOUN_ANAPHOR_PATTERN,
    SOURCE_FORMS,
    TRIGGER_RULES,
    TriggerRule,
)

# Groups that reports call "the organization" / "the group".
ANAPHOR_TARGETS: Final = frozenset(
    {
        "Islamic State",
        "Hayat Tahrir al-Sham",
        "Jabhat al-Nusra",
        "PKK",
        "Ahrar al-Sham",
        "Jaysh al-Islam",
        "Faylaq al-Rahman",
    }
)


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


_WORD: Final = re.compile(r"\w+")
_WORD_SPLIT: Final = re.compile(r"(\w+)")
_CLITIC_PREFIX: Final = re.compile("^[\u0648\u0641]?[\u0628\u0644\u0643]?$")


# A run of a word's alternatives, with the regex joining them (a prefilter: see `PhraseIndex._group`).
_Group = tuple[re.Pattern[str] | None, tuple[tuple[int, re.Pattern[str]], ...]]
_GROUP_SIZE: Final = 12


class PhraseIndex:
    """Leftmost-longest matching of many alternatives, indexed by their first letters.

    One big alternation is slow in Python's ``re`` (every alternative is tried at every word);
    here each alternative is tried only at words whose first letters (after Arabic proclitics
    and article) can start it. Alternatives without known first letters run as plain regexes.
    """

    def __init__(self, labelled: list[tuple[int, Any]]) -> None:
        self.index: dict[str, list[tuple[int, re.Pattern[str]]]] = {}
        self.residual: list[tuple[int, re.Pattern[str]]] = []
        self._by_word: dict[str, tuple[_Group, ...]] = {}
        self._joined: dict[tuple[int, ...], re.Pattern[str] | None] = {}  # keyed by the ids of a run's patterns
        for label, pattern in labelled:
            items = getattr(pattern, "items", ()) or (("", str(pattern)),)
            for key, regex in items:
                compiled = re.compile(regex)
                if key:
                    self.index.setdefault(key, []).append((label, compiled))
                else:
                    self.residual.append((label, compiled))

    @staticmethod
    @lru_cache(maxsize=100_000)
    def _keys(word: str) -> frozenset[str]:
        if word.isascii():
            return frozenset((word[:1], word[:2], word[:3]))
        stems = []
        for i in range(0, min(3, len(word) - 1)):
            if i and not _CLITIC_PREFIX.match(word[:i]):
                continue
            rest = word[i:]
            stems.append(rest)
            if rest.startswith("\u0627\u0644") or rest.startswith("\u0644\u0644"):
                stems.append(rest[2:])
        return frozenset(k for stem in stems if len(stem) >= 2 for k in (stem[:2], stem[:3]))

    def _tries(self, word: str) -> tuple[_Group, ...]:
        """The alternatives to try at a word, in runs that share a prefilter (cached per word: most words
        recur)."""
        cached = self._by_word.get(word)
        if cached is None:
            alternatives = tuple(
                item for key in self._keys(word) for item in self.index.get(key, ()) if _may_start_at(item[1], word)
            )
            cached = tuple(
                self._group(alternatives[i : i + _GROUP_SIZE]) for i in range(0, len(alternatives), _GROUP_SIZE)
            )
            if len(self._by_word) < 200_000:
                self._by_word[word] = cached
        return cached

    def _group(self, alternatives: tuple[tuple[int, re.Pattern[str]], ...]) -> _Group:
        """A run of alternatives with one regex that matches at a position exactly when one of them does
        (None when a run is too short to gain from it, or the alternatives do not join safely)."""
        key = tuple(id(compiled) for _, compiled in alternatives)
        if key in self._joined:
            return self._joined[key], alternatives
        joined: re.Pattern[str] | None = None
        flags = {compiled.flags for _, compiled in alternatives}
        if len(alternatives) >= 3 and len(flags) == 1 and all(c.groups == 0 for _, c in alternatives):
            try:  # no groups: no group numbers or names to clash
                joined = re.compile("|".join(f"(?:{c.pattern})" for _, c in alternatives), flags.pop())
            except re.error:
                joined = None
        self._joined[key] = joined
        return joined, alternatives

    def find_all(self, text: str) -> list[tuple[int, int, int]]:
        """Every ``(start, end, label)`` match, overlapping ones included, sorted by start."""
        found: list[tuple[int, int, int]] = []
        by_word = self._by_word
        # One split gives [gap, word, gap, ..., word, gap]: the words of `_WORD.finditer`, their offsets running sums
        # of the lengths. The few words that start an alternative are picked in C from `_tries`'s cache, filled
        # first with the words new to it (a word it could not keep, the cache being full, is looked up one by one).
        parts = _WORD_SPLIT.split(text)
        words = parts[1::2]
        missing = set(words).difference(by_word)
        for surface in missing:
            self._tries(surface)
        bounds = list(accumulate(map(len, parts), initial=0))
        if any(surface not in by_word for surface in missing):
            tried = list(map(self._tries, words))
        else:
            tried = list(map(by_word.__getitem__, words))
        for j in compress(range(len(words)), tried):
            _matches_at(text, bounds[2 * j + 1], tried[j], found)
        for label, compiled in self.residual:  # (`for_text`: the same matches; none of an Arabic one in English)
            found.extend(
                (m.start(), m.end(), label) for m in for_text(compiled, text).finditer(text) if m.end() > m.start()
            )
        found.sort(key=lambda f: (f[0], f[0] - f[1], f[2]))
        return found

    def may_start_in(self, text: str, spans: list[tuple[int, int]], below: int) -> bool:
        """False when no match of an alternative labelled below ``below`` starts in one of ``spans`` (the
        matches `find_all` would give); True when one may."""
        for start, end in spans:
            for word in _WORD.finditer(text, start):
                at = word.start()
                if at >= end:
                    break
                for joined, alternatives in self._tries(word.group()):
                    if joined is not None and joined.match(text, at) is None:
                        continue
                    for label, compiled in alternatives:
                        if label < below and (match := compiled.match(text, at)) and match.end() > at:
                            return True
            for label, compiled in self.residual:
                if label < below and (match := compiled.search(text, start)) and match.start() < end:
                    return True  # (it may be empty or give way to an earlier match: True is safe)
        return False

    def find(self, text: str) -> list[tuple[int, int, int]]:
        """Non-overlapping ``(start, end, label)`` matches, leftmost-longest, ties to the lower label."""
        return leftmost_longest(self.find_all(text))


# The strings a match of an alternative starts with (see `_leads`), by the pattern's id; None: not known.
_LEADS: Final[dict[int, tuple[re.Pattern[str], tuple[str, ...] | None]]] = {}
_MAX_LEADS: Final = 64


def _leads(seq: Any) -> tuple[list[str], bool] | None:
    """Strings one of which every match of the parsed sequence ``seq`` starts with, and whether each match is one
    of them exactly (the sequence is literals, optional or alternative literals only); None when too many."""
    out = [""]
    for op, av in seq:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # (consumes nothing)
        if op is sre.LITERAL:
            out = [prefix + chr(av) for prefix in out]
            continue
        if op is sre.SUBPATTERN and not av[1] and not av[2]:
            inner = _leads(av[3])
        elif op is sre.BRANCH:
            branches = [_leads(branch) for branch in av[1]]
            inner = None
            if all(branch is not None for branch in branches):
                inner = ([s for b in branches for s in b[0]], all(b[1] for b in branches))  # type: ignore[index]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] == 0 and av[1] == 1:
            inner = _leads(av[2])
            if inner is not None:
                inner = (inner[0] + [""], inner[1])
        else:
            return out, False
        if inner is None:
            return out, False
        out = [prefix + s for prefix in out for s in inner[0]]
        if len(out) > _MAX_LEADS:
            return None
        if not inner[1]:
            return out, False
    return out, True


def _may_start_at(compiled: re.Pattern[str], word: str) -> bool:
    """False when no match of ``compiled`` can start at a word ``word`` of a text (a whole run of ``\\w``,
    so the text goes on with a character outside ``\\w``, or ends): every match starts with one of its `_leads`,
    and none of them fits the word."""
    entry = _LEADS.get(id(compiled))
    if entry is None or entry[0] is not compiled:
        leads: tuple[str, ...] | None = None
        if not compiled.flags & re.IGNORECASE:
            try:
                found = _leads(_parser.parse(compiled.pattern, compiled.flags & ~re.UNICODE))
            except re.error:
                found = None
            if found is not None and "" not in found[0]:
                leads = tuple(found[0])
        entry = _LEADS[id(compiled)] = (compiled, leads)
    leads = entry[1]
    if leads is None:
        return True
    size = len(word)
    return any(
        word.startswith(lead)
        or (lead.startswith(word) and not (lead[size].isalnum() or lead[size] == "_"))  # (\\w: alnum or "_")
        for lead in leads
    )


def _matches_at(text: str, start: int, groups: tuple[_Group, ...], found: list[tuple[int, int, int]]) -> None:
    """Add to ``found`` the non-empty matches at ``start`` of the alternatives of ``groups`` (`PhraseIndex._tries`)."""
    for joined, alternatives in groups:
        if joined is not None and joined.match(text, start) is None:
            continue  # none of the run's alternatives matches here
        for label, compiled in alternatives:
            match = compiled.match(text, start)
            if match:
                end = match.end()
                if end > start:
                    found.append((start, end, label))


def leftmost_longest(found: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Keep non-overlapping matches from a list sorted by (start, -length, label)."""
    chosen: list[tuple[int, int, int]] = []
    end = -1
    for item in found:
        if item[0] >= end:
            chosen.append(item)
            end = item[1]
    return chosen


_ACTOR_BASE: Final = 1_000
_ANAPHOR_LABEL: Final = 10_000
_PRONOUN_LABEL: Final = 9_999
_ARMY_LABEL: Final = 9_998
_SOURCE_LABEL: Final = 20_000


@lru_cache(maxsize=1)
def _index() -> PhraseIndex:
    """One index for triggers, actors and sources: the text is walked once."""
    labelled: list[tuple[int, Any]] = [(i, rule.pattern) for i, rule in enumerate(TRIGGER_RULES)]
    labelled += [(_ACTOR_BASE + i, rule.pattern) for i, rule in enumerate(ACTOR_RULES)]
    labelled.append((_ANAPHOR_LABEL, ANAPHOR_PATTERN))
    labelled.append((_PRONOUN_LABEL, PRONOUN_ANAPHOR_PATTERN))
    labelled.append((_ARMY_LABEL, ARMY_ANAPHOR_PATTERN))
    labelled.append((_SOURCE_LABEL, SOURCE_FORMS))
    return PhraseIndex(labelled)


@dataclass(frozen=True)
class Mentions:
    """Everything the lexicon finds in one folded text."""

    triggers: list[TriggerMention]
    actors: list[ActorMention]
    sources: list[tuple[int, int]]


def find_mentions(folded: str) -> Mentions:
    """Triggers, actors (outside source spans) and sources of a folded text, in one pass."""
    found = _index().find_all(folded)
    triggers = [
        TriggerMention(s, e, TRIGGER_RULES[label])
        for s, e, label in leftmost_longest([f for f in found if f[2] < _ACTOR_BASE])
    ]
    sources = [(s, e) for s, e, _ in leftmost_longest([f for f in found if f[2] == _SOURCE_LABEL])]
    actor_hits = leftmost_longest([f for f in found if _ACTOR_BASE <= f[2] <= _ANAPHOR_LABEL])
    actors = _resolve_actors(actor_hits, sources, folded)
    # A trigger word inside a name ("هيئة تحرير الشام", "Free Syrian Army") is part of the name.
    names = [(a.start, a.end) for a in actors if not a.anaphoric] + sources
    # ...but a trigger that heads a descriptive phrase ("Turkish air strikes") stays a trigger.
    inside = _Inside(names)
    triggers = [
        t
        for t in triggers
        if t.rule.name == "disrupted"  # "الدفاعات الجوية السورية": the defences act, whoever they belong to
        or (t.rule.name == "air" and any(s == t.start for s, _ in names))  # "طائرات النظام" are the strike
        or not inside.ends_within(t.start, t.end)
        # ("US drone" + "drone strike": a trigger running past the name is the name's act)
    ]

    return Mentions(triggers, actors, sources)


class _Inside:
    """Whether a span ends strictly inside one of ``spans`` and starts inside or before it: for a
    non-empty span, ``(s <= start < e or s < end <= e) and end != e and end <= e`` comes to
    ``s < end < e``, found by bisection over the spans sorted by start."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach: list[int] = []  # the furthest end among the spans up to each one
        furthest = -1
        for _, e in ordered:
            furthest = max(furthest, e)
            self.reach.append(furthest)

    def ends_within(self, start: int, end: int) -> bool:
        if start >= end:  # (triggers are never empty)
            return any((s <= start < e or s < end <= e) and end != e and end <= e for s, e in self.spans)
        k = bisect_left(self.starts, end)  # the spans with s < end
        return k > 0 and self.reach[k - 1] > end


def triggers_may_start_in(folded: str, spans: list[tuple[int, int]]) -> bool:
    """False when `find_mentions` surely finds no trigger starting in one of ``spans`` of ``folded``: no
    trigger word is there (cheaper than finding every mention of the text)."""
    return _index().may_start_in(folded, spans, _ACTOR_BASE)


def find_triggers(folded: str) -> list[TriggerMention]:
    """Trigger mentions, left to right; where readings overlap the longest wins, then the rule
    listed first (the more specific: "تفجير انتحاري" is a suicide bombing, not an IED)."""
    return find_mentions(folded).triggers


def find_sources(folded: str) -> list[tuple[int, int]]:
    """Spans naming a reporting outlet, monitor or official: they are never actors."""
    return find_mentions(folded).sources


def find_actors(folded: str) -> list[ActorMention]:
    """Actor mentions left to right, outside source spans; "التنظيم"/"the group" resolved to the
    armed group named before (Islamic State when none was)."""
    return find_mentions(folded).actors


_GENERIC_GROUP: Final = re.compile(
    r"^(?:militants|jihadists?|terrorists?|insurgents?|fighters|rebels?|[وفبل]?(?:ال)?"
    r"(?:مسلحين|مسلحي|ارهابيين|الارهابيين|عناصر|مقاتلي|مقاتلين))$"
)
_FACTIONS_OF_AR: Final = re.compile(r"^[وفبل]?(?:ال)?(?:فصائل|فصيل)$")
_VERB_GAP: Final = re.compile(
    r"\b(?:\w+ed|pounds?|hits?|kills?|attacks?|shells?|bombs?|strikes?|targets?|raids?|and|or|with|against|on|by)\b"
)
_POLITICAL_COALITION: Final = re.compile(r"\b(?:syrian|national|opposition) coalition$")
_OF_GROUP: Final = re.compile(r"\s+(?:from|of|belonging to|affiliated (?:with|to))\s+(?:the\s+)?")
_GENERIC_EN: Final = re.compile(r"^(?:militants|jihadists?|terrorists?|insurgents?)$")
# "مسلحون من ابناء العشائر", "مسلحين تابعين لهيئه تحرير الشام": gunmen of that group, one actor
_ARTICLE_START: Final = re.compile(r"[وفبل]?(?:ال|لل)")
_GUNMEN_AR: Final = re.compile(r"^[وفبل]?(?:ال)?(?:مسلحين|مسلحون|مسلحي)$")
_OF_GROUP_AR = re.compile(r"\s+(?:من\s+(?:ابناء\s+|صفوف\s+)?|(?:ال)?تابعين\s+|(?:ال)?تابعون\s+|ينتمون\s+(?:الي\s+)?)")
_ADJOINING: Final = re.compile(r"\s+(?:\(?\w+\)?\s+)?")
_STATE_FORCE: Final = re.compile(r"(?:Military|Police) Forces of|Coalition$|Civilians$")
_OUTLET_AFTER: Final = re.compile(
    r"\s+(?:\w+\s+)?(?:ministry|minister|spokes\w+|state (?:tv|media|television)|"
    r"news agency|media|officials?|embassy|envoy|diplomats?|(?:coordination|reconciliation) cent(?:er|re))\b"
)


# "القوات التركية والفصائل الموالية لها", "قوات النظام والمسلحين الموالين لها": a group loyal to "it" joined to
# the actor named just before it is that actor's ally on its side, whatever a fixed reading of the phrase says.
_LOYAL_TO_IT: Final = re.compile(r"(?:موال|مدعوم)\S*(?:\s+(?:لها|له))?$")
_IT_AFTER: Final = re.compile(r"\s+(?:لها|له)(?!\w)")
_IT_AT_END: Final = re.compile(r"\s(?:لها|له)$")
_JOINED_BY_AND: Final = re.compile(r"\s*[,،]?\s*(?:و\s*)?")
# "القوات الحكومية ومسلحين متحالفين معها", "الجيش والميليشيات الحليفة له": allied "with it" after the name.
_ALLIED_WITH_IT_AFTER: Final = re.compile(r"\s+(?:ال)?(?:متحالف|حليف|موال)\S*\s+(?:معها|معه|لها|له)(?!\w)")
_ALLY_OF: Final = {
    "Military Forces of Turkey": "Syrian National Army",
    "Military Forces of Syria": "Militia (Pro-Government)",
    "Military Forces of Russia": "Militia (Pro-Government)",
    "Military Forces of Iran": "Militia (Pro-Government)",
    "Syrian Democratic Forces": "Syrian Democratic Forces",
    "YPG": "Syrian Democratic Forces",
    "Hayat Tahrir al-Sham": "Opposition Rebels",
    "Opposition Rebels": "Opposition Rebels",
    "Islamic State": "Islamic State",
}


def _ally_named_before(folded: str, start: int, end: int, found: list[ActorMention]) -> str:
    """The ally a "loyal to it" group names, when it is joined to the state force named just before it."""
    if not found or found[-1].name not in _ALLY_OF or not _JOINED_BY_AND.fullmatch(folded, found[-1].end, start):
        return ""
    text = folded[start:end]
    if _ALLIED_WITH_IT_AFTER.match(folded, end):
        return _ALLY_OF[found[-1].name]
    if not _LOYAL_TO_IT.search(text) or not (_IT_AT_END.search(text) or _IT_AFTER.match(folded, end)):
        return ""
    return _ALLY_OF[found[-1].name]


_BARE_NATIONALITY: Final = re.compile(
    r"^[وفبلك]?(?:ال)?(?:تركي|تركيه|روسي|روسيه|ايراني|ايرانيه|اسرائيلي|اسرائيليه|امريكي|امريكيه|اميركي|اميركيه|"
    r"عراقي|عراقيه|سوري|سوريه)$"
)
# "الغارات الروسية", "القصف التركي": a definite nationality adjective names a state's forces only after
# a noun of force or attack ("الرئيس الروسي", "القنصلية الإيرانية" are no forces).
_DEFINITE_NATIONALITY: Final = re.compile(
    r"^[وفبلك]?(?:ال|لل)(?:روسي|روسيه|تركي|تركيه|اسرائيلي|اسرائيليه|ايراني|ايرانيه|امريكي|امريكيه|اميركي|اميركيه)$"
)
_FORCE_NOUN_BEFORE: Final = re.compile(
    r"(?<!\w)[وفبل]?(?:ال|لل)(?:غارات|غاره|قصف|ضربات|ضربه|هجمات|هجوم|صواريخ|صاروخ|مدفعيه|طائرات|طائره|طيران|"
    r"مقاتلات|مروحيات|قوات|جيش|جنود|عسكريين|مستشارين|دوريه|دوريات|قاعده|قواعد|مواقع|اهداف|بوارج|سفن الحربيه|"
    r"قذائف|مسيره|مسيرات|عمليه العسكريه|اعتداءات|اعتداء|عدوان|اراضي)\s+(?:\S+\s+)?$"
)
_CIVIL_NOUN_BEFORE: Final = re.compile(
    r"(?<!\w)[وفبل]?(?:ال)?(?:مواطن\S*|رجل|رجال|شاب|شبان|امراه|سيده|طفل|اطفال|فتاه|لاجئ\S*|مهاجر\S*|سائح\S*|"
    r"صحفي\S*|طالب|طلاب|ناشط\S*|رعايا|جنسيه|شركه|شركات|سفينه|سفن|دبلوماسي\S*|صحيفه|صحف|وكاله|اعلام|"
    r"تلفزيون|قناه|مصادر|مصدر|عائله|عائلات|اسره|تاجر|رهينه|رهائن|زوار|حجاج|عمال|عامل|قنصليه|سفاره|سفير)\s+$"
)


# A jihadist group the lexicon has no name for ("حراس الدين", "تنظيم أنصار التوحيد"): "التنظيم" after it is that
# group, not the Islamic State. (Not a bare "القاعدة": also "the base"; "تنظيم القاعدة" is caught as "تنظيم" + a name.)
_OTHER_ORGANISATION_AR: Final = re.compile(
    r"(?<!\w)[وفبل]?(?:ال)?(?:حراس الدين|انصار التوحيد|جند الاقصي|الحزب الاسلامي التركستاني|الحزب التركستاني|"
    r"انصار الاسلام|انصار الدين|جند الشام)(?!\w)"
)
_NAME_AFTER = re.compile(r"\s+[\"'«“”]?\s*(?!الدوله|داعش|الدول|الاسلامي|المتطرف|الجهادي|الارهابي)[\u0621-\u064a]{3,}")


def _resolve_actors(
    hits: list[tuple[int, int, int]], sources: list[tuple[int, int]], folded: str = ""
) -> list[ActorMention]:
    found: list[ActorMention] = []
    last_group = last_armed = last_army = ""
    last_group_at = other_at = -1  # where the last known group was named; where a group we cannot name was
    others = [m.start() for m in _OTHER_ORGANISATION_AR.finditer(folded)] if "ال" in folded else []
    rebels_named = False  # rebels named as such ("rebels", "the FSA"), not only by a generic noun
    for start, end, label in hits:
        if any(s <= start < e or s < end <= e for s, e in sources):
            continue
        if folded and _OUTLET_AFTER.match(folded, end):  # "the Russian defence ministry said"
            continue
        if folded and _POLITICAL_COALITION.search(folded, max(0, start - 12), end):
            continue  # "the Syrian Coalition condemned ...": the opposition's political body, not the US-led one
        if any(0 <= start - e <= 2 and not folded[s:e].isascii() for s, e in sources):
            # "الإعلام الحربي لحزب الله": the outlet's owner (not "AFP Syrian government air strikes")
            continue
        if (
            folded
            and matcher(_BARE_NATIONALITY, folded)(folded[start:end])
            and _CIVIL_NOUN_BEFORE.search(folded, max(0, start - 24), start)
        ):
            continue  # "مواطن تركي", "مصادر ايرانيه": a person's or an outlet's nationality, not the state's forces
        if (
            folded
            and matcher(_DEFINITE_NATIONALITY, folded)(folded[start:end])
            and not _FORCE_NOUN_BEFORE.search(folded, max(0, start - 30), start)
        ):
            continue
        if label == _ANAPHOR_LABEL:
            if folded[start:end].lstrip("وفبل") == "تنظيم" and _NAME_AFTER.match(folded, end):
                other_at = start  # "تنظيم حراس الدين": a group by a name we do not know
                continue
            other_at = max([other_at] + [o for o in others if o < start])
            if other_at > last_group_at:
                continue  # "شن حراس الدين هجوما ... عناصر التنظيم": that group's, not the Islamic State's
            name = last_group or "Islamic State"
            found.append(ActorMention(start, end, name, anaphoric=True))
            continue
        if label == _ARMY_LABEL:  # a bare "الجيش": the state army named as an army before it
            if last_army:
                found.append(ActorMention(start, end, last_army, anaphoric=True))
            continue
        if label == _PRONOUN_LABEL:  # "عناصره": its fighters, of the armed actor named last
            if last_armed:
                found.append(ActorMention(start, end, last_armed, anaphoric=True))
            continue
        name = ACTOR_RULES[label - _ACTOR_BASE].canonical
        if folded and (ally := _ally_named_before(folded, start, end, found)):
            name = ally
        if (
            found
            and name == "Opposition Rebels"
            and _GENERIC_GROUP.match(folded[start:end])
            and _ADJOINING.fullmatch(folded[found[-1].end : start])
            and not _STATE_FORCE.match(found[-1].name)  # "Russian jets pound rebel areas": two sides
            and not _VERB_GAP.search(folded, found[-1].end, start)  # "allied militias shelled rebel-held"
        ):
            # "ISIS militants", "Daesh takfiri terrorists": one name, not a second actor
            found[-1] = ActorMention(found[-1].start, end, found[-1].name, found[-1].anaphoric)
            continue
        if (
            name == "Opposition Rebels"
            and last_group
            and last_group != name
            and _GENERIC_GROUP.match(folded[start:end])
            and (folded[max(0, start - 4) : start] == "the " or _ARTICLE_START.match(folded[start:end]))
        ):
            # "the militants" after Islamic State was named: that group again, not the rebels
            found.append(ActorMention(start, end, last_group, anaphoric=True))
            continue
        if (
            name == "Opposition Rebels"
            and last_group
            and not rebels_named
            and _GENERIC_EN.match(folded[start:end])
        ):
            # "IS ... destroyed over 60 terrorists": with only that group named, English reports'
            # "terrorists" / "militants" are its fighters, not the rebels
            found.append(ActorMention(start, end, last_group, anaphoric=True))
            continue
        if (
            found
            and name != "Opposition Rebels"
            and not _STATE_FORCE.match(name)
            and found[-1].name == "Opposition Rebels"
            and _GENERIC_GROUP.match(folded[found[-1].start : found[-1].end])
            and _OF_GROUP.fullmatch(folded[found[-1].end : start])
        ):
            start = found.pop().start  # "jihadists from Hayat Tahrir al-Sham": that group's fighters
        elif (
            found
            and name not in ("Civilians", "Opposition Rebels", "Unidentified Armed Group")
            and not _STATE_FORCE.match(name)
            and found[-1].name == "Opposition Rebels"
            and _FACTIONS_OF_AR.match(folded[found[-1].start : found[-1].end])
            and not folded[found[-1].end : start].strip()
        ):
            start = found.pop().start  # "فصائل الجيش الوطني", "فصائل هيئة تحرير الشام": that group's factions
        elif (
            found
            and name not in ("Civilians", "Unidentified Armed Group")
            and found[-1].name == "Unidentified Armed Group"
            and _GUNMEN_AR.match(folded[found[-1].start : found[-1].end])
            and _OF_GROUP_AR.fullmatch(folded[found[-1].end : start])
        ):
            start = found.pop().start  # "مسلحون من ابناء العشائر": that group's gunmen
        if name == "Opposition Rebels" and not _GENERIC_GROUP.match(folded[start:end]):
            rebels_named = True
        if name in ANAPHOR_TARGETS:
            last_group, last_group_at = name, start
        if name != "Civilians":
            last_armed = name
        if name.startswith("Military Forces of") and "جيش" in folded[start:end]:
            last_army = name
        found.append(ActorMention(start, end, name))
    return found
