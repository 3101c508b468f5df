"""Data validation: every editor mistake is reported with file, line and an exact message."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from nmm_site.errors import Problem, ProblemsFound
from nmm_site.facts import loader
from nmm_site.facts.config import FactsConfig
from nmm_site.facts.loader import load
from tests.facts.conftest import base_files, config_for, write_data

ROOT = Path(__file__).resolve().parents[2]
NAME = "tay:\n  name: {vi: Tày, en: Tay, fr: Tày}\n"
NO_SOURCE = (
    "x-y:\n  name: {vi: Hà Giang, en: Hà Giang, fr: Hà Giang}\n  population: {value: 854679, year: 2019}\n"
)


def real_data(tmp_path: Path) -> tuple[Path, FactsConfig]:
    """A copy of the project's data/, checked against its real schemas."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    return data, FactsConfig(data_dir=data, languages=("vi", "en", "fr"), schemas_dir=ROOT / "schemas")


def problems_for(tmp_path: Path, **replace: str) -> list[tuple[str, int | None, str]]:
    files = base_files()
    files.update({name.replace("__", "/").replace("_", "-") + ".yml": text for name, text in replace.items()})
    with pytest.raises(ProblemsFound) as found:
        load(config_for(write_data(tmp_path, files)))
    return [(p.path.name, p.line, p.message) for p in found.value.problems]


def test_fact_without_source(tmp_path: Path) -> None:
    bad = NO_SOURCE
    assert problems_for(tmp_path, peoples=bad) == [
        ("peoples.yml", 3, "fact 'peoples.x-y.population' has no source")
    ]


def test_localised_text_missing_french(tmp_path: Path) -> None:
    bad = "tay:\n  name:\n    vi: Tày\n    en: Tay\n"
    assert problems_for(tmp_path, peoples=bad) == [
        ("peoples.yml", 3, "localised text 'peoples.tay.name' is missing 'fr'")
    ]


def test_unknown_source_id_suggests_the_close_one(tmp_path: Path) -> None:
    bad = NAME + "  population:\n    value: 1845492\n    source: census-2009\n"
    assert problems_for(tmp_path, peoples=bad) == [
        (
            "peoples.yml",
            5,
            "fact 'peoples.tay.population' cites unknown source 'census-2009' (did you mean 'census-2019'?)",
        )
    ]


def test_part_of_must_exist_in_provinces_2025(tmp_path: Path) -> None:
    bad = base_files()["provinces.yml"].replace("part_of: thai-nguyen", "part_of: thai-nguyenn")
    assert problems_for(tmp_path, provinces=bad) == [
        (
            "provinces.yml",
            11,
            "'provinces.bac-kan.part_of' refers to unknown provinces-2025 id 'thai-nguyenn' "
            "(did you mean 'thai-nguyen'?)",
        )
    ]


def test_unknown_fact_key_unit_and_bad_date(tmp_path: Path) -> None:
    bad = (
        "tay:\n  name: {vi: Tày, en: Tay, fr: Tày}\n"
        "  area: {value: 12, unit: km², source: census-2019, aprox: true}\n"
        "  since: {value: 2025-13-01, source: census-2019}\n"
    )
    assert problems_for(tmp_path, peoples=bad) == [
        ("peoples.yml", 3, "fact 'peoples.tay.area' has unknown key 'aprox' (did you mean 'approx'?)"),
        ("peoples.yml", 3, "fact 'peoples.tay.area' has unknown unit 'km²'"),
        ("peoples.yml", 4, "fact 'peoples.tay.since' has '2025-13-01', not a valid date"),
    ]


def test_duplicate_keys_and_yaml_syntax(tmp_path: Path) -> None:
    bad = "tay:\n  name: {vi: Tày, en: Tay, fr: Tày}\n  name: {vi: Tày, en: Tay, fr: Tày}\n"
    assert problems_for(tmp_path, peoples=bad) == [("peoples.yml", 3, "duplicate key 'name'")]
    broken = "tay:\n  name: {vi: Tày, en: Tay\n"
    assert problems_for(tmp_path, peoples=broken)[0][:2] == ("peoples.yml", 3)


def test_flow_mapping_comma_in_a_note_is_caught(tmp_path: Path) -> None:
    # An unquoted comma inside {…} splits the note: a real mistake seen in the data.
    bad = NAME + "  n: {value: 47, source: census-2019, note: Committee, Paris.}\n"
    assert problems_for(tmp_path, peoples=bad) == [
        ("peoples.yml", 3, "fact 'peoples.tay.n' has unknown key 'Paris.'")
    ]


def test_sources_registry(tmp_path: Path) -> None:
    other = (
        "census-2019:\n  title: Dup\n  publisher: X\n  accessed: 2026-11-26\n"
        "no-date:\n  title: T\n  publisher: P\n  url: ftp://x\n  accessed: soon\n"
    )
    assert problems_for(tmp_path, sources__zz=other) == [
        ("zz.yml", 1, "source id 'census-2019' is already defined in general.yml:1"),
        ("zz.yml", 8, "source 'no-date' has an invalid url 'ftp://x'"),
        ("zz.yml", 9, "source 'no-date' has accessed 'soon', not a date"),
    ]


def test_problem_report_names_file_line_and_fix(tmp_path: Path) -> None:
    bad = NO_SOURCE
    with pytest.raises(ProblemsFound) as found:
        load(config_for(write_data(tmp_path, {**base_files(), "peoples.yml": bad})))
    report = found.value.report(root=tmp_path)
    assert report == (
        "1 problem found:\n"
        "data/peoples.yml:3: fact 'peoples.x-y.population' has no source\n"
        "    fix: add `source: <id>` naming an entry of data/sources/*.yml"
    )


def test_passed_schema_checks_are_remembered_for_the_same_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, config = real_data(tmp_path)
    checked: list[int] = []
    real = loader._Validator.schemas
    monkeypatch.setattr(loader._Validator, "schemas", lambda self: checked.append(1) or real(self))
    first = load(config)
    monkeypatch.setattr(loader, "_CACHE", {})  # the next build: a new process
    assert load(config).datasets == first.datasets
    assert checked == [1]  # the second build did not check the schemas again
    with (data / "provinces.yml").open("a", encoding="utf-8") as handle:
        handle.write("thu-nghiem:\n  name: {vi: Thử nghiệm, en: Thử nghiệm, fr: Thử nghiệm}\n")
    with pytest.raises(ProblemsFound) as found:
        load(config)
    assert checked == [1, 1]
    assert "'provinces.thu-nghiem': 'part_of' is a required property" in [
        p.message for p in found.value.problems
    ]


def test_checked_data_are_read_back_by_the_next_build_with_their_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, config = real_data(tmp_path)
    first = load(config)
    stored = list((tmp_path / ".cache" / "facts").glob("*.pickle"))
    assert len(stored) == 1
    parsed: list[Path] = []
    real_yaml = loader.load_yaml
    monkeypatch.setattr(loader, "load_yaml", lambda path: parsed.append(path) or real_yaml(path))
    monkeypatch.setattr(loader, "_CACHE", {})  # the next build: a new process
    second = load(config)
    assert parsed == []  # nothing parsed or checked again
    assert second is not first and second.datasets == first.datasets and second.sources == first.sources
    entity = second.entity("provinces", "ha-giang")
    assert entity.line == first.entity("provinces", "ha-giang").line  # problems still name the line
    assert entity.key_lines == first.entity("provinces", "ha-giang").key_lines
    # A damaged file is not trusted: the files are loaded again.
    stored[0].write_bytes(b"not a pickle")
    monkeypatch.setattr(loader, "_CACHE", {})
    assert load(config).datasets == first.datasets and parsed
    # An edit is a new key: the edited file is read, and a mistake in it is found.
    parsed.clear()
    monkeypatch.setattr(loader, "_CACHE", {})
    with (data / "provinces.yml").open("a", encoding="utf-8") as handle:
        handle.write("thu-nghiem:\n  name: {vi: Thử nghiệm, en: Thử nghiệm, fr: Thử nghiệm}\n")
    with pytest.raises(ProblemsFound, match="part_of"):
        load(config)
    assert data / "provinces.yml" in parsed


def test_schema_errors_name_the_line(tmp_path: Path) -> None:
    data = write_data(tmp_path, base_files())
    with (data / "provinces.yml").open("a", encoding="utf-8") as handle:
        handle.write("lai-chau:\n  name: {vi: Lai Châu, en: Lai Châu, fr: Lai Châu}\n")
    config = FactsConfig(data_dir=data, languages=("vi", "en", "fr"), schemas_dir=ROOT / "schemas")
    with pytest.raises(ProblemsFound) as found:
        load(config)
    # (the fixture's provinces-2025.yml is deliberately minimal: only provinces.yml problems matter here)
    assert [
        (p.path.name, p.line, p.message) for p in found.value.problems if p.path.name == "provinces.yml"
    ] == [("provinces.yml", 19, "'provinces.lai-chau': 'part_of' is a required property")]


@pytest.mark.parametrize(
    ("field", "written", "message", "fix"),
    [
        ("population", "85467x", "'85467x' is not of type 'integer'", "digits only"),
        ("population", "854 679", "'854 679' is not of type 'integer'", "digits only"),
        ("population", "854.679", "854.679 is not of type 'integer'", "digits only"),  # a thousands dot
        ("population", "-854679", "-854679 is less than the minimum of 0", "cannot be negative"),
        ("area_km2", "7 929,5", "'7 929,5' is not of type 'number'", "a point before any decimals"),
        ("area_km2", "0", "0 is less than or equal to the minimum of 0", "more than zero"),
    ],
)
def test_a_mistyped_number_stops_the_build_at_its_line(
    tmp_path: Path, field: str, written: str, message: str, fix: str
) -> None:
    data, config = real_data(tmp_path)
    path = data / "provinces.yml"
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(n for n, line in enumerate(lines) if line.startswith(f"  {field}: {{value: "))
    start = lines[number].index("value: ") + len("value: ")
    end = lines[number].index(",", start)
    lines[number] = (
        lines[number][:start] + (f'"{written}"' if " " in written else written) + lines[number][end:]
    )
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(ProblemsFound) as found:
        load(config)
    # (an area with a unit is also reported by the facts check: "has a unit but its value is not a number")
    [problem] = [p for p in found.value.problems if p.message.endswith(message)]
    assert (problem.path, problem.line) == (path, number + 1)
    assert problem.message.endswith(message) and f".{field}.value'" in problem.message
    assert fix in problem.fix


def test_cache_reloads_when_a_file_changes(data_dir: Path) -> None:
    config = config_for(data_dir)
    first = load(config)
    assert load(config) is first
    path = data_dir / "provinces.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("854679", "854680"), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    second = load(config)
    assert second is not first
    assert second.entity("provinces", "ha-giang")["population"]["value"] == 854680


def test_problem_type_is_the_shared_one(tmp_path: Path) -> None:
    bad = "tay:\n  name: {vi: Tày, en: Tay}\n"
    with pytest.raises(ProblemsFound) as found:
        load(config_for(write_data(tmp_path, {**base_files(), "peoples.yml": bad})))
    assert all(isinstance(p, Problem) for p in found.value.problems)


def test_the_remembered_pass_is_found_by_the_next_process() -> None:
    # A key must not depend on the process (set order changes with the hash seed): the next build is one.
    script = (
        "from pathlib import Path; from nmm_site.facts import config, loader; "
        "c = config.for_project(Path('.').resolve()); "
        "print(loader._pass_key(c, sorted(c.data_dir.glob('*.yml'))))"
    )
    keys = {
        subprocess.run(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(keys) == 1 and len(next(iter(keys)).strip()) == 40
