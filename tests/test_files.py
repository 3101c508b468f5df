"""nmm_site.files: a file is replaced whole or not at all (atomic_write, place)."""

from __future__ import annotations

from pathlib import Path

import pytest

from nmm_site import files


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    files.atomic_write(target, b"one")
    files.atomic_write(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.json"
    target.write_bytes(b"old")

    def refuse(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(files.os, "replace", refuse)
    with pytest.raises(OSError):
        files.atomic_write(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_place_links_a_cached_file_once(tmp_path: Path) -> None:
    cached = tmp_path / "cache" / "card.jpg"
    cached.parent.mkdir()
    cached.write_bytes(b"card")
    dest = tmp_path / "site" / "cards" / "card.jpg"
    assert files.place(cached, dest) is True
    assert dest.read_bytes() == b"card" and dest.samefile(cached)  # a hard link, not a copy
    assert files.place(cached, dest) is False  # already there
    assert sorted(p.name for p in dest.parent.iterdir()) == ["card.jpg"]  # no temporary file left


def test_place_replaces_other_bytes_and_copies_where_links_fail(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cached = tmp_path / "card.jpg"
    cached.write_bytes(b"new")
    dest = tmp_path / "site" / "card.jpg"
    dest.parent.mkdir()
    dest.write_bytes(b"old")

    def no_links(src: Path, dst: Path) -> None:
        raise OSError("cross-device link")

    monkeypatch.setattr(files.os, "link", no_links)
    assert files.place(cached, dest) is True
    assert dest.read_bytes() == b"new" and not dest.samefile(cached)
    assert sorted(p.name for p in dest.parent.iterdir()) == ["card.jpg"]


def test_a_written_file_is_readable_like_any_new_file(tmp_path: Path) -> None:
    # Not a private temporary file's 0600: the web server serving the site must read it.
    plain = tmp_path / "plain.json"
    plain.write_bytes(b"x")
    target = tmp_path / "search_index.json"
    files.atomic_write(target, b"x")
    assert target.stat().st_mode & 0o777 == plain.stat().st_mode & 0o777


def test_place_makes_a_private_cached_file_readable(tmp_path: Path) -> None:
    cached = tmp_path / "photo-960.avif"
    cached.write_bytes(b"avif")
    cached.chmod(0o600)  # as the image cache wrote them before
    dest = tmp_path / "site" / "photo-960.avif"
    files.place(cached, dest)
    assert dest.stat().st_mode & 0o444 == 0o444
