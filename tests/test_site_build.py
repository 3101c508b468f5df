"""`nmm build-site`: plain `mkdocs build --strict`, swapped in only when it succeeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from nmm_site.cli import main
from nmm_site.site_build import swap_in


def _project(tmp_path: Path, link: str) -> Path:
    """A tiny MkDocs project (default theme, no hooks): a page linking to `link`."""
    root = tmp_path / "project"
    (root / "docs").mkdir(parents=True)
    (root / "mkdocs.yml").write_text("site_name: Hà Giang\nstrict: true\n", encoding="utf-8")
    (root / "docs" / "index.md").write_text(f"# Điện Biên Phủ\n\n[Hà Giang]({link})\n", encoding="utf-8")
    (root / "docs" / "hà-giang.md").write_text("# Hà Giang\n", encoding="utf-8")
    return root


def _previous_site(root: Path) -> Path:
    site = root / "site"
    (site / "old").mkdir(parents=True)
    (site / "old" / "index.html").write_text("previous", encoding="utf-8")
    (site / ".nojekyll").write_text("", encoding="utf-8")
    return site


def _leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".site."))


def test_a_failing_build_keeps_the_previous_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _project(tmp_path, "missing.md")  # a broken link: a warning, so the strict build fails
    site = _previous_site(root)
    assert main(["build-site", "--root", str(root)]) == 1
    assert (site / "old" / "index.html").read_text(encoding="utf-8") == "previous"
    assert not (site / "index.html").exists()
    assert _leftovers(root) == []
    assert "site was left as it was" in capsys.readouterr().err


def test_a_successful_build_replaces_the_site_and_keeps_hidden_files(tmp_path: Path) -> None:
    root = _project(tmp_path, "hà-giang.md")
    site = _previous_site(root)
    assert main(["build-site", "--root", str(root)]) == 0
    assert (site / "index.html").is_file()
    assert (site / "hà-giang" / "index.html").is_file()
    assert not (site / "old").exists()
    assert (site / ".nojekyll").is_file()  # MkDocs keeps hidden entries of the site folder too
    assert _leftovers(root) == []


def test_swap_in_without_a_previous_site(tmp_path: Path) -> None:
    new = tmp_path / ".site.new-1"
    new.mkdir()
    (new / "index.html").write_text("Hà Giang", encoding="utf-8")
    swap_in(new, tmp_path / "site")
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "Hà Giang"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_swap_in_prefers_the_new_build_hidden_files(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / ".hidden").write_text("old", encoding="utf-8")
    new = tmp_path / ".site.new-1"
    new.mkdir()
    (new / ".hidden").write_text("new", encoding="utf-8")
    swap_in(new, site)
    assert (site / ".hidden").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
