"""Atom feeds: structure, ids, languages, dates from git (or the file's mtime) written in each language."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from nmm_site.publications.feeds import git_dates
from tests.publications.conftest import SITE_URL

A = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$")


@pytest.mark.parametrize(
    ("name", "lang", "titles", "dated"),
    [
        ("feed.xml", "vi", {"Hà Giang", "Di tích Điện Biên Phủ"}, "Cập nhật 26 tháng 11 năm 2026"),
        ("en/feed.xml", "en", {"Hà Giang", "Điện Biên Phủ battlefield"}, "Updated 26 November 2026"),
        ("fr/feed.xml", "fr", {"Hà Giang"}, "Mis à jour le 26 novembre 2026"),
    ],
)
def test_feed_is_valid_atom(built, name: str, lang: str, titles: set[str], dated: str) -> None:
    _, site, _ = built
    feed = etree.parse(str(site / name)).getroot()
    assert feed.tag == f"{A}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    for required in ("id", "title", "updated", "author"):
        assert feed.find(f"{A}{required}") is not None, required
    assert feed.find(f"{A}link[@rel='self']").get("href") == f"{SITE_URL}{name}"
    entries = feed.findall(f"{A}entry")
    ids = [e.findtext(f"{A}id") for e in entries]
    assert len(ids) == len(set(ids)) and all(i.startswith("tag:nmm.example.org,2026:") for i in ids)
    found = {e.findtext(f"{A}title") for e in entries}
    assert titles <= found
    # Fallback copies are not new content: the French feed has no page that exists only in Vietnamese.
    assert ("Di tích Điện Biên Phủ" in found) == (lang == "vi")
    for entry in entries:
        for required in ("id", "title", "updated", "published", "summary"):
            assert entry.find(f"{A}{required}") is not None, required
        assert RFC3339.match(entry.findtext(f"{A}updated"))
        assert entry.find(f"{A}link[@rel='alternate']").get("href").startswith(SITE_URL)
        assert dated in entry.findtext(f"{A}content")
    assert RFC3339.match(feed.findtext(f"{A}updated"))


def test_git_dates_first_and_last_commit(tmp_path: Path) -> None:
    page = tmp_path / "docs" / "vi" / "ha-giang.md"
    page.parent.mkdir(parents=True)
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}

    def git(*args: str, when: str | None = None) -> None:
        extra = {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when} if when else {}
        subprocess.run(
            ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
            cwd=tmp_path,
            env={**env, **extra},
            check=True,
            capture_output=True,
        )

    git("init", "-q")
    page.write_text("một\n", encoding="utf-8")
    git("add", ".")
    git("commit", "-qm", "first", when="2026-03-01T10:00:00+07:00")
    page.write_text("hai\n", encoding="utf-8")
    git("commit", "-qam", "second", when="2026-11-26T09:00:00+07:00")
    dates = git_dates(page, tmp_path)
    assert dates.published == dt.datetime(2026, 3, 1, 3, tzinfo=dt.UTC)
    assert dates.updated == dt.datetime(2026, 11, 26, 2, tzinfo=dt.UTC)


def test_dates_fall_back_to_mtime_outside_git(tmp_path: Path) -> None:
    page = tmp_path / "p.md"
    page.write_text("x", encoding="utf-8")
    os.utime(page, (1795683600, 1795683600))
    dates = git_dates(page, tmp_path)
    assert dates.published == dates.updated == dt.datetime(2026, 11, 26, 9, tzinfo=dt.UTC)
