"""Editor mistakes in data/events-*.yml: each one a Problem with the file, the line and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from nmm_site.calendar.events import check_events, load_events
from nmm_site.errors import ProblemsFound
from nmm_site.facts import config as site_facts
from tests.calendar.conftest import EVENTS, facts_config, write_data


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    position = -1
    for _ in range(occurrence):
        position = text.index(needle, position + 1)
    return text.count("\n", 0, position) + 1


def problems_for(tmp_path: Path, events: str) -> list:
    return check_events(facts_config(write_data(tmp_path, events)))


def test_the_test_data_is_valid(data_dir: Path) -> None:
    events = load_events(facts_config(data_dir))
    assert [e.id for e in events] == [
        "hung-kings-commemoration",
        "spring-season",
        "sunday-market",
        "victory-day",
    ]
    assert check_events(facts_config(data_dir)) == []


def test_the_sites_events_are_valid() -> None:
    config = site_facts.default()
    assert check_events(config) == []
    assert len(load_events(config)) >= 30


@pytest.mark.parametrize(
    ("old", "new", "message", "fix"),
    [
        ("date: lunar 3/10", "date: lunar 13/10", "month 13 does not exist", "month/day"),
        ("date: lunar 3/10", "date: full moon of March", "cannot be read", "lunar 3/10"),
        (
            "kind: festival",
            "kind: festivel",
            "unknown kind 'festivel' (did you mean 'festival'?)",
            "use one of",
        ),
        ("source: src-a", "source: src-z", "unknown source 'src-z'", "data/sources"),
        ("  heritage: [hung-kings-worship]", "  heritage: hung-kings-worship", "must be a list", "brackets"),
        ("  place: {vi", "  plac: {vi", "unknown field 'plac' (did you mean 'place'?)", "the fields"),
    ],
)
def test_calendar_mistakes_name_the_line(tmp_path: Path, old: str, new: str, message: str, fix: str) -> None:
    events = EVENTS.replace(old, new, 1)
    (problem,) = problems_for(tmp_path, events)
    assert problem.path.name == "events-1.yml"
    assert problem.line == line_of(events, new)
    assert message in problem.message
    assert fix in problem.fix


def test_a_missing_field(tmp_path: Path) -> None:
    events = EVENTS.replace("  date: every Sunday\n", "", 1)
    (problem,) = problems_for(tmp_path, events)
    assert problem.line == line_of(events, "sunday-market:")
    assert "has no 'date'" in problem.message


def test_unknown_ids_and_missing_translations_with_the_calendars_own_problems(tmp_path: Path) -> None:
    events = (
        EVENTS.replace("province_2024: [phu-tho]", "province_2024: [phu-thoo]", 1)
        .replace("peoples: [mong]", "peoples: [hmong]", 1)
        .replace("heritage: [hung-kings-worship]", "heritage: [hung-kings]", 1)
        .replace(", fr: marché du dimanche}", "}", 1)
        .replace("date: solar 5/7", "date: solar 5/32", 1)
    )
    problems = problems_for(tmp_path, events)
    found = {(p.line, p.message) for p in problems}
    assert (line_of(events, "[phu-thoo]"), "'events-1.hung-kings-commemoration.province_2024.0' refers to "
            "unknown provinces id 'phu-thoo' (did you mean 'phu-tho'?)") in found  # fmt: skip
    assert any(p.line == line_of(events, "[hmong]") and "'hmong'" in p.message for p in problems)
    assert any(p.line == line_of(events, "[hung-kings]") and "'hung-kings'" in p.message for p in problems)
    assert any(
        p.line == line_of(events, "name: {vi: Chợ phiên") and "missing 'fr'" in p.message for p in problems
    )
    # The date rule is reported in the same run, although the loader stopped on the others.
    assert any(p.line == line_of(events, "solar 5/32") and "day 32" in p.message for p in problems)
    assert all(p.fix for p in problems)


def test_load_events_raises_every_problem(tmp_path: Path) -> None:
    events = EVENTS.replace("lunar 3/10", "lunar 3/40", 1).replace("kind: market", "kind: fair", 1)
    with pytest.raises(ProblemsFound) as raised:
        load_events(facts_config(write_data(tmp_path, events)))
    assert len(raised.value.problems) == 2
    assert "events-1.yml:" in raised.value.report()


def test_check_content_reports_event_problems(tmp_path: Path, tree: Path) -> None:
    from nmm_site.checks.run import check_content
    from nmm_site.content.config import ContentConfig

    write_data(tree, EVENTS.replace("lunar 3/10", "lunar 3/40", 1))
    report = check_content(ContentConfig.from_root(tree), fix=False, numbers=False)
    messages = [p.format(tree) for p in report.problems]
    assert any("data/events-1.yml:" in m and "day 40 of month 3" in m for m in messages), messages
