"""Alert rules: the YAML rules file, parsed and validated into a `RuleSet`.

A rule says *which* canonical events matter (``when``) and *who* hears about them (``notify``)::

    rules:
      - name: deadly-clashes-deir-ez-zor
        when:
          sub_event_type: [Armed clash, Air/drone strike]   # any of
          actor: [Islamic State]                            # any actor of the event
          admin1: [Deir ez-Zor]
          fatalities_at_least: 5
          min_confidence: 0.5
        escalate_by: 5
        notify: [console, webhook]

A rule with ``count_at_least`` and ``within_hours`` is a *surge* rule: it fires when that many
distinct matching events fall inside a window of event dates. Every error names the file, the line
and the key (``rules.yaml:7: rules[0].when.fatalities_at_least: ...``), found from the YAML node
marks, so a user can go straight to the mistake.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from processors.alerts.errors import RulesError
from sitrep.records import SUB_EVENT_TYPES

# ACLED's spellings (DOMAIN.md); a rule naming a near miss ("Idlib") would silently never match.
GOVERNORATES: tuple[str, ...] = (
    "Aleppo",
    "Al-Hasakeh",
    "Ar-Raqqa",
    "As-Sweida",
    "Damascus",
    "Dar'a",
    "Deir ez-Zor",
    "Hama",
    "Homs",
    "Idleb",
    "Lattakia",
    "Quneitra",
    "Rif Dimashq",
    "Tartous",
)
CANONICAL_ACTORS: tuple[str, ...] = (
    "Military Forces of Syria",
    "Militia (Pro-Government)",
    "Islamic State",
    "Syrian Democratic Forces",
    "YPG",
    "Asayish",
    "Hayat Tahrir al-Sham",
    "Jabhat al-Nusra",
    "Opposition Rebels",
    "Jaysh al-Islam",
    "Faylaq al-Rahman",
    "Ahrar al-Sham",
    "Syrian National Army",
    "Military Forces of Russia",
    "Military Forces of Turkey",
    "Military Forces of Iran",
    "Military Forces of Israel",
    "Military Forces of Iraq",
    "Police Forces of Iraq",
    "Hezbollah",
    "PKK",
    "KDPI",
    "Military Forces of the United States",
    "Coalition",
    "Unidentified Armed Group",
    "Civilians",
)

NotifierName = Literal["console", "webhook", "slack", "email"]
NOTIFIER_NAMES: tuple[str, ...] = ("console", "webhook", "slack", "email")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _as_list(value: Any) -> Any:
    """Let a single value stand for a one-element list (``admin1: Idleb``)."""
    return [value] if isinstance(value, str) else value


class Near(_Strict):
    """A circle on the map: events whose location lies within ``km`` of (lat, lon)."""

    lat: Annotated[float, Field(ge=-90, le=90)]
    lon: Annotated[float, Field(ge=-180, le=180)]
    km: Annotated[float, Field(gt=0, le=20000)]


class Conditions(_Strict):
    """The ``when`` block of a rule; every condition given must hold (lists are any-of)."""

    sub_event_type: list[str] | None = None
    actor: list[str] | None = None
    admin1: list[str] | None = None
    fatalities_at_least: Annotated[int, Field(ge=0)] | None = None
    min_confidence: Annotated[float, Field(ge=0, le=1)] | None = None
    near: Near | None = None
    count_at_least: Annotated[int, Field(ge=1)] | None = None
    within_hours: Annotated[float, Field(gt=0)] | None = None

    _listify = field_validator("sub_event_type", "actor", "admin1", mode="before")(_as_list)

    @field_validator("sub_event_type")
    @classmethod
    def _known_sub_event_types(cls, values: list[str] | None) -> list[str] | None:
        for value in values or []:
            if value not in SUB_EVENT_TYPES:
                close = difflib.get_close_matches(value, list(SUB_EVENT_TYPES), n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else " (see ACLED's 25 sub-event types)"
                raise ValueError(f"unknown sub_event_type {value!r}{hint}")
        return values

    @field_validator("actor", "admin1")
    @classmethod
    def _not_empty(cls, values: list[str] | None) -> list[str] | None:
        if values is not None and not values:
            raise ValueError("an empty list matches nothing; leave the key out to match any")
        if values and any(not str(v).strip() for v in values):
            raise ValueError("names must not be blank")
        return values

    @model_validator(mode="after")
    def _surge_pair(self) -> Conditions:
        if (self.count_at_least is None) != (self.within_hours is None):
            missing = "within_hours" if self.within_hours is None else "count_at_least"
            raise ValueError(f"a surge rule needs both count_at_least and within_hours ({missing} missing)")
        return self


class Rule(_Strict):
    """One alert rule."""

    name: Annotated[str, Field(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")]
    description: str = ""
    when: Conditions = Field(default_factory=Conditions)
    escalate_by: Annotated[int, Field(ge=1)] | None = None
    notify: list[NotifierName] = Field(default_factory=lambda: list[NotifierName](["console"]))

    _listify = field_validator("notify", mode="before")(_as_list)

    @field_validator("notify")
    @classmethod
    def _some_notifier(cls, values: list[str]) -> list[str]:
        if not values:
            raise ValueError(f"name at least one of {', '.join(NOTIFIER_NAMES)}")
        return list(dict.fromkeys(values))

    @model_validator(mode="after")
    def _escalation_is_per_event(self) -> Rule:
        if self.escalate_by is not None and self.is_surge:
            raise ValueError("escalate_by applies to single events, not to surge rules")
        return self

    @property
    def is_surge(self) -> bool:
        """True for a rule that counts events in a window instead of alerting on each one."""
        return self.when.count_at_least is not None


class _RulesFile(_Strict):
    rules: list[Rule]

    @field_validator("rules")
    @classmethod
    def _some_rules(cls, rules: list[Rule]) -> list[Rule]:
        if not rules:
            raise ValueError("the file defines no rules")
        return rules


@dataclass(frozen=True)
class RuleSet:
    """The validated rules of one file, in file order."""

    rules: tuple[Rule, ...]
    path: str = ""
    # Likely mistakes that are still valid (a near miss of an ACLED name), one line each.
    warnings: tuple[str, ...] = ()

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def names(self) -> list[str]:
        return [rule.name for rule in self.rules]

    def get(self, name: str) -> Rule | None:
        return next((rule for rule in self.rules if rule.name == name), None)


def load_rules(path: Path | str) -> RuleSet:
    """Read and validate a rules file; raises `RulesError` naming the line and key of the first error."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RulesError("no such rules file (set SITREP_ALERTS__RULES_PATH or pass --rules)", path) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RulesError(f"cannot read the rules file: {exc}", path) from None
    return parse_rules(text, path)


def parse_rules(text: str, path: Path | str = "rules.yaml") -> RuleSet:
    """Validate rules given as YAML text (`load_rules` without the file)."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise RulesError("the file is empty; it needs a top-level 'rules:' list", path, 1)
        _refuse_duplicate_keys(node, path)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise RulesError(f"not valid YAML: {exc.problem or exc.context}", path, line) from None
    except yaml.YAMLError as exc:
        raise RulesError(f"not valid YAML: {exc}", path) from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise RulesError(
            "the top level must be a mapping with a 'rules:' list", path, node.start_mark.line + 1
        )
    try:
        parsed = _RulesFile.model_validate(data)
    except ValidationError as exc:
        raise _rules_error(exc, node, path) from None
    seen: dict[str, int] = {}
    for index, rule in enumerate(parsed.rules):
        if rule.name in seen:
            line = _line_of(node, ("rules", index, "name"))
            raise RulesError(
                f"duplicate rule name {rule.name!r} (first used by rules[{seen[rule.name]}])",
                path,
                line,
                f"rules[{index}].name",
            )
        seen[rule.name] = index
    return RuleSet(tuple(parsed.rules), str(path), tuple(_near_misses(parsed.rules, node, path)))


def _near_misses(rules: Sequence[Rule], root: yaml.Node, path: Path | str) -> Iterator[str]:
    """Warnings for names that are not ACLED's but close to one (they would never match)."""
    checks = (("admin1", GOVERNORATES, "governorate"), ("actor", CANONICAL_ACTORS, "canonical actor"))
    for index, rule in enumerate(rules):
        for key, known, what in checks:
            folded = {name.casefold() for name in known}
            for position, name in enumerate(getattr(rule.when, key) or []):
                if name.casefold() in folded:
                    continue
                close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
                if close:
                    line = _line_of(root, ("rules", index, "when", key, position))
                    yield (
                        f"{path}:{line}: rules[{index}].when.{key}[{position}]: {name!r} is not an ACLED "
                        f"{what} name (did you mean {close[0]!r}?); events never carry it"
                    )


def _rules_error(exc: ValidationError, root: yaml.Node, path: Path | str) -> RulesError:
    errors = exc.errors()
    # An unknown key usually explains a "missing" one (a typo), and comes with a suggestion.
    first = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
    loc = tuple(part for part in first["loc"] if not (isinstance(part, str) and "[" in part))
    message = str(first["msg"]).removeprefix("Value error, ")
    if first["type"] == "extra_forbidden":
        message = f"unknown key {loc[-1]!r}" + _key_hint(str(loc[-1]), loc)
    elif first["type"] == "missing":
        message = "required key is missing"
    elif first["type"] == "literal_error" and len(loc) >= 3 and loc[-2] == "notify":
        message = f"unknown notifier {first.get('input')!r} (use {', '.join(NOTIFIER_NAMES)})"
    elif "input" in first and not isinstance(first["input"], dict | list):
        message = f"{message} (got {first['input']!r})"
    return RulesError(message, path, _line_of(root, loc), _dotted(loc))


def _key_hint(key: str, loc: Sequence[Any]) -> str:
    scope: type[BaseModel] = _RulesFile
    if "near" in loc:
        scope = Near
    elif "when" in loc:
        scope = Conditions
    elif "rules" in loc:
        scope = Rule
    close = difflib.get_close_matches(key, list(scope.model_fields), n=1)
    return f" (did you mean {close[0]!r}?)" if close else f" (allowed: {', '.join(scope.model_fields)})"


def _dotted(loc: Sequence[Any]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _line_of(root: yaml.Node, loc: Sequence[Any]) -> int:
    """1-based line of the deepest YAML node along a pydantic error location."""
    node = root
    line = node.start_mark.line
    for part in loc:
        child: yaml.Node | None = None
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if getattr(key_node, "value", None) == str(part):
                    line, child = key_node.start_mark.line, value_node
                    break
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            child = node.value[part]
            line = child.start_mark.line
        if child is None:
            break
        node = child
    return int(line) + 1


def _refuse_duplicate_keys(node: yaml.Node, path: Path | str) -> None:
    """YAML silently keeps the last of two equal keys; in a rules file that hides a mistake."""
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
        for key_node, value_node in node.value:
            key = getattr(key_node, "value", None)
            if key in seen:
                raise RulesError(
                    "key appears twice in the same mapping", path, key_node.start_mark.line + 1, str(key)
                )
            seen.add(key)
            _refuse_duplicate_keys(value_node, path)
    elif isinstance(node, yaml.SequenceNode):
        for child in node.value:
            _refuse_duplicate_keys(child, path)
