"""The Nu Html Checker over the whole built site in one run; only stock Material's known error is ignored."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from nmm_site.sitecheck.config import SYSTEM_DEPS_HINT, SiteCheckConfig
from nmm_site.sitecheck.validity import run_vnu

CONFIG = SiteCheckConfig()
MATERIAL_TOGGLES = "\n".join(CONFIG.vnu_ignored_elements)


@pytest.fixture(scope="module", autouse=True)
def _needs_java() -> None:
    if shutil.which("java") and CONFIG.vnu_jar.exists():
        return
    message = f"the Nu Html Checker is not installed: {SYSTEM_DEPS_HINT}"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def page(body: str) -> str:
    return (
        f"<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'><title>Hà Giang</title></head>"
        f"<body>{body}</body></html>"
    )


def test_only_materials_two_toggles_are_ignored_and_real_errors_are_reported(tmp_path: Path) -> None:
    (tmp_path / "ok.html").write_text(page(MATERIAL_TOGGLES + "<p>Điện Biên Phủ</p>"), encoding="utf-8")
    bad = MATERIAL_TOGGLES + '<input type="checkbox" id="x" autocomplete="off"><label tabindex="">x</label>'
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "bad.html").write_text(page(bad), encoding="utf-8")
    problems = run_vnu(tmp_path)
    assert [(p.file, p.message.split(":")[0]) for p in problems] == [
        ("en/bad.html", CONFIG.vnu_ignored_message),
        ("en/bad.html", "Bad value “” for attribute “tabindex” on element “label”"),
    ]


@pytest.mark.slow
def test_built_site_is_valid_html(built_site: Path) -> None:
    problems = run_vnu(built_site)
    assert not problems, f"{len(problems)} HTML errors:\n" + "\n".join(map(str, problems[:40]))
