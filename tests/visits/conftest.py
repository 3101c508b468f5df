"""The small visits fixture project (tests/visits/fixtures/project), copied so a test may break it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from nmm_site.facts.config import FactsConfig
from nmm_site.facts.loader import FactData, load

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "project"
LANGUAGES = ("vi", "en", "fr")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    return root


def load_project(root: Path) -> FactData:
    return load(FactsConfig(data_dir=root / "data", languages=LANGUAGES))


def line_of(path: Path, text: str, occurrence: int = 1) -> int:
    """The 1-based line of the `occurrence`-th line containing `text` (so tests name lines by content)."""
    seen = 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(f"{text!r} not in {path}")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def labels(monkeypatch: pytest.MonkeyPatch) -> dict[str, dict[str, str]]:
    """UI labels from a small table instead of the compiled catalogs: the English message, except the
    Vietnamese entries listed here (proves the labels go through ui_text in the page's language)."""
    table = {
        "vi": {"Plan your visit": "Chuẩn bị chuyến đi", "Don't miss": "Không thể bỏ qua"},
    }

    def fake(lang: str, message: str, **values: object) -> str:
        text = table.get(lang, {}).get(message, message)
        return text.format(**values) if values else text

    import nmm_site.visits.offices as offices
    import nmm_site.visits.render as render

    monkeypatch.setattr(render, "ui_text", fake)
    monkeypatch.setattr(offices, "ui_text", fake)
    return table
