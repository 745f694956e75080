"""The rules file: the documented example loads; every mistake names its line and key."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from processors.alerts import RulesError, RuleSet, load_rules, parse_rules


def rules_error(text: str) -> RulesError:
    with pytest.raises(RulesError) as caught:
        parse_rules(textwrap.dedent(text), "rules.yaml")
    return caught.value


def test_the_example_rules_file_loads(example_rules: RuleSet) -> None:
    assert example_rules.names() == ["deadly-clashes-deir-ez-zor", "near-tal-rifaat", "surge-idlib"]
    deadly = example_rules.get("deadly-clashes-deir-ez-zor")
    assert deadly is not None and not deadly.is_surge
    assert deadly.when.sub_event_type == ["Armed clash", "Air/drone strike"]
    assert deadly.when.fatalities_at_least == 5 and deadly.escalate_by == 5
    assert deadly.notify == ["console", "webhook"]
    near = example_rules.get("near-tal-rifaat")
    assert near is not None and near.when.near is not None and near.when.near.km == 30
    surge = example_rules.get("surge-idlib")
    assert surge is not None and surge.is_surge and surge.when.count_at_least == 3


def test_a_single_value_stands_for_a_list() -> None:
    rules = parse_rules("rules:\n  - name: r\n    when: {admin1: Idleb}\n    notify: email\n")
    assert rules.rules[0].when.admin1 == ["Idleb"] and rules.rules[0].notify == ["email"]


def test_notify_defaults_to_console() -> None:
    assert parse_rules("rules:\n  - name: r\n    when: {}\n").rules[0].notify == ["console"]


def test_an_unknown_key_is_named_with_its_line_and_a_suggestion() -> None:
    error = rules_error("""\
        rules:
          - name: r
            when:
              admin1: [Idleb]
              fatalities_atleast: 5
    """)
    assert error.line == 5
    assert error.key == "rules[0].when.fatalities_atleast"
    assert "did you mean 'fatalities_at_least'" in str(error)
    assert str(error).startswith("rules.yaml:5: rules[0].when.fatalities_atleast: unknown key")


def test_a_wrong_value_names_the_line_and_what_was_given() -> None:
    error = rules_error("""\
        rules:
          - name: ok
            when: {admin1: [Idleb]}
          - name: r
            when:
              fatalities_at_least: five
    """)
    assert (error.line, error.key) == (6, "rules[1].when.fatalities_at_least")
    assert "'five'" in str(error)


def test_a_misspelt_sub_event_type_gets_the_right_spelling() -> None:
    error = rules_error("""\
        rules:
          - name: r
            when:
              sub_event_type: [Armed clash,
                               Airstrike]
    """)
    assert error.key == "rules[0].when.sub_event_type"
    assert error.line == 4
    assert "unknown sub_event_type 'Airstrike'" in str(error)
    assert "did you mean 'Air/drone strike'" in str(error)


def test_an_unknown_notifier_points_at_the_item() -> None:
    error = rules_error("""\
        rules:
          - name: r
            when: {}
            notify:
              - console
              - pager
    """)
    assert (error.line, error.key) == (6, "rules[0].notify[1]")
    assert "unknown notifier 'pager'" in str(error)


def test_a_missing_name_points_at_the_rule() -> None:
    error = rules_error("""\
        rules:
          - name: a
            when: {}
          - when: {admin1: [Idleb]}
    """)
    assert (error.line, error.key) == (4, "rules[1].name")
    assert "required key is missing" in str(error)


def test_near_needs_lat_lon_and_km() -> None:
    error = rules_error("""\
        rules:
          - name: r
            when:
              near: {lat: 36.47, lon: 37.10}
    """)
    assert error.key == "rules[0].when.near.km" and error.line == 4


def test_a_surge_needs_both_count_and_window() -> None:
    error = rules_error("""\
        rules:
          - name: r
            when:
              count_at_least: 3
    """)
    assert error.key == "rules[0].when" and error.line == 3
    assert "within_hours missing" in str(error)


def test_escalation_is_refused_on_a_surge_rule() -> None:
    error = rules_error("""\
        rules:
          - name: r
            when: {count_at_least: 3, within_hours: 24}
            escalate_by: 2
    """)
    assert error.key == "rules[0]" and error.line == 2
    assert "escalate_by applies to single events" in str(error)


def test_duplicate_rule_names_are_refused() -> None:
    error = rules_error("""\
        rules:
          - name: twice
            when: {}
          - name: twice
            when: {}
    """)
    assert (error.line, error.key) == (4, "rules[1].name")


def test_a_key_given_twice_is_refused_rather_than_silently_overridden() -> None:
    error = rules_error("""\
        rules:
          - name: r
            when:
              admin1: [Idleb]
              admin1: [Aleppo]
    """)
    assert (error.line, error.key) == (5, "admin1")


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("rules:\n  - name: r\n    when: {admin1: [Idleb]\n", 4, "not valid YAML"),
        ("", 1, "empty"),
        ("- name: r\n", 1, "top level must be a mapping"),
        ("rules: []\n", 1, "defines no rules"),
        ("rule:\n  - name: r\n", 1, "unknown key 'rule'"),
    ],
)
def test_broken_files_get_one_clear_line(text: str, line: int, fragment: str) -> None:
    error = rules_error(text)
    assert error.line == line and fragment in str(error)
    assert "\n" not in str(error)


def test_a_missing_file_names_the_setting(tmp_path: Path) -> None:
    with pytest.raises(RulesError, match="SITREP_ALERTS__RULES_PATH"):
        load_rules(tmp_path / "nope.yaml")


def test_near_misses_of_acled_names_are_warned_with_their_line() -> None:
    rules = parse_rules(
        textwrap.dedent("""\
        rules:
          - name: r
            when:
              admin1: [Idleb, Idlib, Nineveh]
              actor:
                - Islamic state
                - Hayat Tahrir al Sham
    """),
        "rules.yaml",
    )
    assert rules.warnings == (
        "rules.yaml:4: rules[0].when.admin1[1]: 'Idlib' is not an ACLED governorate name"
        " (did you mean 'Idleb'?); events never carry it",
        "rules.yaml:7: rules[0].when.actor[1]: 'Hayat Tahrir al Sham' is not an ACLED canonical actor name"
        " (did you mean 'Hayat Tahrir al-Sham'?); events never carry it",
    )


def test_the_example_rules_have_no_warnings(example_rules: RuleSet) -> None:
    assert example_rules.warnings == ()
