"""The publications' caches (feed dates, QR codes) give what the uncached code gives, and skip the work."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from nmm_site.publications import build, feeds, qr
from nmm_site.publications.config import PublicationsConfig
from tests.conftest import ROOT


def _git_repo(tmp_path: Path) -> Path:
    page = tmp_path / "docs" / "vi" / "hà-giang.md"
    page.parent.mkdir(parents=True)
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    when = "2026-03-01T10:00:00+07:00"

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
            cwd=tmp_path,
            env={**env, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when},
            check=True,
            capture_output=True,
        )

    git("init", "-q")
    page.write_text("Điện Biên Phủ\n", encoding="utf-8")
    git("add", ".")
    git("commit", "-qm", "first")
    return page


def test_feed_dates_are_kept_per_commit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = _git_repo(tmp_path)
    untracked = tmp_path / "docs" / "vi" / "moi.md"
    untracked.write_text("mới", encoding="utf-8")
    cache = tmp_path / "cache"
    first = feeds.page_dates([page, untracked], tmp_path, cache_dir=cache)
    assert first[page].published == dt.datetime(2026, 3, 1, 3, tzinfo=dt.UTC)
    assert [p.name for p in cache.iterdir()] == [f"{feeds.git_head(tmp_path)}.json"]
    asked: list[Path] = []
    real = feeds.git_dates
    monkeypatch.setattr(feeds, "git_dates", lambda path, root: asked.append(path) or real(path, root))
    again = feeds.page_dates([page, untracked], tmp_path, cache_dir=cache)
    assert again == first
    assert asked == [untracked]  # the committed page from the cache; the untracked one asked again


def test_outside_git_the_dates_are_mtimes_without_a_git_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tmp_path / "docs" / "vi" / "moi.md"
    page.parent.mkdir(parents=True)
    page.write_text("mới", encoding="utf-8")
    os.utime(page, (1_780_000_000, 1_780_000_000))
    monkeypatch.setattr(feeds, "git_head", lambda root: None)  # as in a copy of the project without .git
    monkeypatch.setattr(feeds, "git_dates", lambda path, root: pytest.fail("git asked outside git"))
    dates = feeds.page_dates([page], tmp_path, cache_dir=tmp_path / "cache")
    when = dt.datetime.fromtimestamp(1_780_000_000, tz=dt.UTC)
    assert dates == {page: feeds.Dates(when, when, "mtime")}
    assert not (tmp_path / "cache").exists()


def test_qr_codes_come_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = PublicationsConfig.for_root(ROOT, "https://nmm.example.org/")
    monkeypatch.setattr(PublicationsConfig, "cache_dir", property(lambda self: tmp_path))
    url = "https://nmm.example.org/go/dien-bien-phu/"
    assert build.cached_qr(cfg, "svg", url, "Điện Biên Phủ") == qr.qr_svg(url, "Điện Biên Phủ")
    assert build.cached_qr(cfg, "png", url) == qr.qr_png(url, cfg.qr_png_scale)
    assert build.cached_qr(cfg, "uri", url).decode() == qr.qr_data_uri(url)
    assert len(list((tmp_path / "qr").iterdir())) == 3
    monkeypatch.setattr(qr, "qr_svg", lambda *a: pytest.fail("encoded again"))
    assert build.cached_qr(cfg, "svg", url, "Điện Biên Phủ").startswith(b"<svg")
