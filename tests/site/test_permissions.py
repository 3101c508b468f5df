"""Every file of the built site can be read by a web server running as another user."""

from __future__ import annotations

import stat
from pathlib import Path


def test_every_built_file_is_readable_by_others(built_site: Path) -> None:
    # A file written through a private temporary file (mode 0600) would be served as 403 by nginx.
    private = [
        str(path.relative_to(built_site))
        for path in built_site.rglob("*")
        if path.is_file() and not path.stat().st_mode & stat.S_IROTH
    ]
    assert private == []
