"""The review report on a temporary git repository with known changes."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from nmm_site.review import commands
from nmm_site.review.config import ReviewConfig
from nmm_site.review.report import build_report, status_changes, to_markdown
from tests.review.conftest import Repo

PREVIEW = "https://example.github.io/nmm/pr-7/"


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    commands.register(parser.add_subparsers())
    args = parser.parse_args(argv)
    return args.handler(args)


def _config(repo: Repo, preview: str | None = PREVIEW) -> ReviewConfig:
    config = ReviewConfig.for_root(repo.root, "main", preview)
    return ReviewConfig(**{**config.__dict__, "content_numbers": False})


def test_report_json(review_repo: Repo) -> None:
    doc = build_report(_config(review_repo))
    url = PREVIEW
    assert doc["base"] == {"ref": "main", "commit": review_repo.base}
    assert doc["pages"] == [
        {
            "lang": "vi",
            "path": "index.md",
            "change": "changed",
            "old_path": None,
            "url": url,
            "review_url": f"{url}_review/_home/",
        },
        {
            "lang": "en",
            "path": "lich-su.md",
            "change": "added",
            "old_path": None,
            "url": f"{url}en/lich-su/",
            "review_url": f"{url}_review/lich-su/",
        },
        {
            "lang": "fr",
            "path": "tay-bac.md",
            "change": "added",
            "old_path": None,
            "url": f"{url}fr/tay-bac/",
            "review_url": f"{url}_review/tay-bac/",
        },
    ]
    assert doc["translations"] == [
        {"path": "index.md", "lang": "en", "change": "outdated", "before": "current", "now": "outdated",
         "url": f"{url}en/"},
        {"path": "index.md", "lang": "fr", "change": "outdated", "before": "current", "now": "outdated",
         "url": f"{url}fr/"},
        {"path": "lich-su.md", "lang": "en", "change": "fixed", "before": "missing", "now": "current",
         "url": f"{url}en/lich-su/"},
        {"path": "tay-bac.md", "lang": "fr", "change": "orphaned", "before": None, "now": "orphaned",
         "url": f"{url}fr/tay-bac/"},
    ]  # fmt: skip
    assert doc["facts"] == [
        {
            "path": "provinces.ha-giang.population",
            "before": {"value": 854679, "year": 2019, "source": "census-2019"},
            "now": {"value": 855000, "year": 2019, "source": "census-2019"},
            "pages": [
                {"lang": "vi", "path": "lich-su.md", "url": f"{url}lich-su/"},
                {"lang": "en", "path": "lich-su.md", "url": f"{url}en/lich-su/"},
            ],
        }
    ]
    size = (review_repo.root / "assets/images/dong-van.jpg").stat().st_size
    assert doc["images"] == [
        {
            "path": "assets/images/dong-van.jpg",
            "change": "added",
            "bytes": size,
            "creator": "Trần Thị Bình",
            "licence": "CC BY-SA 4.0",
            "source": "own work",
            "problems": [],
        }
    ]
    content = doc["checks"]["content"]
    assert (content["problems"], content["pages"]) == (1, 6)
    assert content["listed"] == [
        "docs/fr/tay-bac.md: orphaned translation: there is no Vietnamese page docs/vi/tay-bac.md"
    ]
    assert doc["checks"]["budgets"] == {"status": "not measured in this run"}
    assert doc["review_index_url"] == f"{url}_review/"
    assert doc["summary"] == (
        "pages: 2 added, 1 changed · translations: 2 newly outdated, 1 orphaned, 1 fixed · "
        "1 fact changed · 1 image added or replaced · content checks: ❌ 1 problem · "
        "budgets: not measured in this run"
    )


def test_report_markdown(review_repo: Repo) -> None:
    doc = build_report(_config(review_repo))
    lines = to_markdown(doc).splitlines()
    assert lines[0] == f"**Review report** — {doc['summary']}"
    assert f"| `index.md` | [vi]({PREVIEW}) changed | [vi · en · fr]({PREVIEW}_review/_home/) |" in lines
    assert f"| [`index.md`]({PREVIEW}en/) | en | current | **outdated** (outdated) |" in lines
    assert (
        "| `provinces.ha-giang.population` | 854679 (year 2019) | 855000 (year 2019) |  | "
        f"`lich-su.md` ([vi]({PREVIEW}lich-su/), [en]({PREVIEW}en/lich-su/)) |"
    ) in lines
    size = doc["images"][0]["bytes"]
    assert (
        f"| `assets/images/dong-van.jpg` (added) | {size:,} | Trần Thị Bình, CC BY-SA 4.0, own work |"
        in lines
    )
    assert "- Budgets: not measured in this run" in lines


def test_no_preview_url_means_no_links(review_repo: Repo) -> None:
    doc = build_report(_config(review_repo, preview=None))
    assert {p["url"] for p in doc["pages"]} == {None}
    assert doc["review_index_url"] is None
    assert "](" not in to_markdown(doc)


def test_budgets_are_read_when_measured(review_repo: Repo) -> None:
    reports = review_repo.root / ".cache" / "reports"
    reports.mkdir(parents=True)
    # What benchmarks/budgets_benchmark.py writes.
    rows = [
        {"budget": "phone first view /provinces/ha-giang/ (KB)", "value": 210.5, "baseline": 240.7,
         "limit": "≤ 200", "pass": False, "largest": []},
        {"budget": "performance vi province", "value": 97, "baseline": 94, "limit": "≥ 95", "pass": True,
         "runs": [97, 98, 96]},
    ]  # fmt: skip
    report = {"runs": 3, "languages": ["vi"], "seconds": 1.0, "rows": rows, "pass": False}
    (reports / "budgets.json").write_text(json.dumps(report), encoding="utf-8")
    doc = build_report(_config(review_repo))
    budgets = doc["checks"]["budgets"]
    assert (budgets["passed"], budgets["failed"]) == (1, 1)
    assert budgets["failures"] == [
        {"name": "phone first view /provinces/ha-giang/ (KB)", "actual": 210.5, "budget": "≤ 200"}
    ]
    lines = to_markdown(doc).splitlines()
    assert "- Budgets: 1 within, 1 over (Lighthouse median of 3 runs; vi)" in lines
    assert "  - ❌ phone first view /provinces/ha-giang/ (KB): 210.5 (budget ≤ 200)" in lines
    assert "| performance vi province | 97 | 94 | ≥ 95 | ✅ |" in lines


def test_a_budgets_file_of_another_shape_is_said_unreadable(review_repo: Repo) -> None:
    reports = review_repo.root / ".cache" / "reports"
    reports.mkdir(parents=True)
    (reports / "budgets.json").write_text(json.dumps({"budgets": []}), encoding="utf-8")
    status = build_report(_config(review_repo))["checks"]["budgets"]["status"]
    assert status.startswith("unreadable") and "budgets.json" in status


def test_command_writes_both_files(review_repo: Repo, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "out"
    code = _run(
        ["review-report", "--base", "main", "--preview-url", PREVIEW.rstrip("/"), "--out-dir", str(out),
         "--root", str(review_repo.root)]
    )  # fmt: skip
    assert code == 0
    doc = json.loads((out / "review-report.json").read_text(encoding="utf-8"))
    assert doc["preview_url"] == PREVIEW
    assert (
        (out / "review-report.md")
        .read_text(encoding="utf-8")
        .startswith("**Review report** — pages: 2 added")
    )
    assert capsys.readouterr().out.splitlines()[0] == doc["summary"]


def test_unknown_base_names_the_fix(review_repo: Repo) -> None:
    from nmm_site.errors import ProblemsFound

    with pytest.raises(ProblemsFound, match="give an existing ref with --base"):
        build_report(_config(review_repo).__class__(**{**_config(review_repo).__dict__, "base": "nope"}))


@pytest.mark.parametrize(
    ("before", "now", "expected"),
    [
        ("current", "outdated", "outdated"),
        (None, "missing", "missing"),
        ("outdated", "current", "fixed"),
        ("orphaned", None, "fixed"),
        ("missing", None, None),  # the Vietnamese page was removed: listed with the pages, not here
        ("outdated", "outdated", None),
    ],
)
def test_status_changes(before: str | None, now: str | None, expected: str | None) -> None:
    old = {("a.md", "en"): before} if before else {}
    new = {("a.md", "en"): now} if now else {}
    found = status_changes(old, new)
    assert [entry["change"] for entry in found] == ([expected] if expected else [])


def test_a_phone_photo_in_heic_is_listed_with_its_credit(review_repo: Repo) -> None:
    from nmm_site.review.git import Change
    from nmm_site.review.report import image_changes
    from tests.review.conftest import SIDECAR

    images = review_repo.root / "assets" / "images"
    (images / "market-day.heic").write_bytes(b"\0\0\0\x18ftypheic")  # only the name and size are read
    (images / "market-day.yml").write_text(SIDECAR % "Lò Văn C", encoding="utf-8")
    listed = image_changes(_config(review_repo), [Change("A", "assets/images/market-day.heic")])
    assert [(i["path"], i["creator"]) for i in listed] == [("assets/images/market-day.heic", "Lò Văn C")]


def test_a_theme_change_lists_the_preview_screenshots(review_repo: Repo, tmp_path: Path) -> None:
    assert build_report(_config(review_repo))["theme"] is None  # overrides/ untouched: no section
    (review_repo.root / "overrides").mkdir()
    (review_repo.root / "overrides" / "main.html").write_text("{% extends 'base.html' %}\n", encoding="utf-8")
    shots = tmp_path / "site" / "_review" / "screenshots"
    config = ReviewConfig(**{**_config(review_repo).__dict__, "screenshots_dir": shots})
    untaken = build_report(config)
    assert untaken["theme"] == {"taken": False, "pages": {}}
    assert "no screenshots were taken" in to_markdown(untaken)
    shots.mkdir(parents=True)
    for name in ("en-home-laptop.png", "en-home-phone.png", "vi-province-phone.png"):
        (shots / name).write_bytes(b"\x89PNG\r\n\x1a\n")
    markdown = to_markdown(build_report(config))
    assert "### Theme" in markdown and "screenshots of 2 pages on phone and laptop" in markdown
    assert f"| en-home | [laptop]({PREVIEW}_review/screenshots/en-home-laptop.png) · [phone](" in markdown
    assert f"| vi-province | [phone]({PREVIEW}_review/screenshots/vi-province-phone.png) |" in markdown
