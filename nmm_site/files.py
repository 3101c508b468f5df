"""Writing files so that a reader (a build, a server, another process) never sees half of one."""

from __future__ import annotations

import os
import secrets
import shutil
import stat
from pathlib import Path


def _temporary(path: Path) -> Path:
    """A new name beside `path` (same folder, so the rename is atomic)."""
    return path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: readers never see half a file.

    The file gets the permissions of any new file (the umask's), not a private temporary file's 0600:
    the site's files must stay readable by the web server."""
    tmp = _temporary(path)
    try:
        with open(tmp, "xb") as handle:  # x: never an existing file
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def place(cached: Path, dest: Path) -> bool:
    """Put a cached file at `dest` (a hard link when the file system allows, else a copy), atomically;
    False when `dest` already holds it."""
    if dest.is_file() and (os.path.samefile(cached, dest) or dest.read_bytes() == cached.read_bytes()):
        return False
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = _temporary(dest)
    try:
        os.link(cached, tmp)
    except OSError:
        shutil.copyfile(cached, tmp)
    try:
        # Caches written before atomic_write followed the umask hold 0600 files: the site's copy (and
        # so the cached file it links to) must be readable by the web server.
        mode = stat.S_IMODE(tmp.stat().st_mode)
        if not mode & stat.S_IROTH:
            os.chmod(tmp, mode | 0o444)
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return True
