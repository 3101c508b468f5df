"""A cheap fingerprint of the content inputs (names, sizes, mtimes), to skip re-checking unchanged trees."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from nmm_site.content.config import ContentConfig


def tree_fingerprint(config: ContentConfig) -> str:
    """Changes whenever a page, data file, image or schema is added, removed or edited."""
    digest = hashlib.sha256()
    add_files(digest, (config.docs_dir, config.data_dir, config.images_dir, config.schemas_dir))
    return digest.hexdigest()


def add_files(digest: hashlib._Hash, folders: Iterable[Path], *, names_only: bool = False) -> None:
    """Add every file under `folders` to `digest`: its path, and its size and modification time
    unless `names_only` (which files exist, not what they hold)."""
    for folder in folders:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
            if not path.is_file():
                continue
            if names_only:
                digest.update(f"{path}\n".encode())
            else:
                stat = path.stat()
                digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
