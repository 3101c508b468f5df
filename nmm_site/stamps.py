"""Remember that a check passed for exact inputs, so the next build (or a parallel worker) skips it."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from nmm_site.files import atomic_write


def code_digest(*sources: Path) -> str:
    """A hash of the Python sources of `sources` (packages, or single modules): a changed check
    invalidates what it passed, a changed renderer what it stored."""
    digest = hashlib.sha256()
    for source in sources:
        for path in [source] if source.is_file() else sorted(source.rglob("*.py")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


class PassStamps:
    """Empty files named by a hash of the inputs in `folder`; only passes are recorded."""

    def __init__(self, folder: Path, keep: int = 20) -> None:
        self.folder = folder
        self.keep = keep  # a few: switching branches back and forth stays warm

    @staticmethod
    def key(parts: Iterable[str]) -> str:
        digest = hashlib.sha256()
        for part in parts:
            digest.update(part.encode("utf-8") + b"\0")
        return digest.hexdigest()[:40]

    def passed(self, key: str) -> bool:
        return (self.folder / key).is_file()

    def record(self, key: str) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        atomic_write(self.folder / key, b"")
        stamps = sorted(
            (p for p in self.folder.iterdir() if not p.name.startswith(".")), key=lambda p: p.stat().st_mtime
        )
        for old in stamps[: -self.keep]:
            old.unlink(missing_ok=True)
