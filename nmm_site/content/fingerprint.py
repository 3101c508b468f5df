"""A cheap fingerprint of the content inputs (names, sizes, mtimes), to skip re-checking unchanged trees."""

from __future__ import annotations

import hashlib

from nmm_site.content.config import ContentConfig


def tree_fingerprint(config: ContentConfig) -> str:
    """Changes whenever a page, data file, image or schema is added, removed or edited."""
    digest = hashlib.sha256()
    folders = (config.docs_dir, config.data_dir, config.images_dir, config.schemas_dir)
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                stat = path.stat()
                digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()
