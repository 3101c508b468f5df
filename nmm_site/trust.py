"""Files the build refuses whatever their content: links that lead outside the project, text with NUL bytes.

A symbolic link in docs/ or assets/ pointing outside the checkout would publish whatever it points at
(`docs/vi/notes.md -> ~/.ssh/id_rsa`, `assets/images/x.jpg -> /etc/passwd`): MkDocs and Python follow
links. A link inside the project is fine (it publishes a file the project already has).
"""

from __future__ import annotations

import os
from pathlib import Path

from nmm_site.errors import Problem

# The folders whose files reach the site.
PUBLISHED = ("docs", "assets", "overrides", "data")


def link_problem(path: Path, root: Path) -> Problem | None:
    """A Problem when `path` is a symbolic link leading outside `root` (or to nothing)."""
    if not path.is_symlink():
        return None
    target = os.readlink(path)
    resolved = path.resolve()
    if not resolved.exists():
        return Problem(
            path,
            None,
            f"a symbolic link to {target}, which does not exist",
            f"delete the link, or put the real file here: `rm {path.name}` then copy the file in",
        )
    if resolved.is_relative_to(root.resolve()):
        return None
    return Problem(
        path,
        None,
        f"a symbolic link to {resolved}, outside the project: the build would publish a file from "
        "elsewhere on this computer",
        f"replace the link by a copy of the file you mean (`cp --remove-destination {resolved} {path}`), "
        "or delete it",
    )


def outside_links(root: Path, folders: tuple[str, ...] = PUBLISHED) -> list[Problem]:
    """Every symbolic link under root/<folder> that leads outside `root` (links are not followed)."""
    problems = []
    for folder in folders:
        base = root / folder
        if base.is_symlink():
            found = link_problem(base, root)
            if found:
                problems.append(found)
                continue
        for directory, dirs, files in os.walk(base):
            for name in sorted(dirs + files):
                found = link_problem(Path(directory) / name, root)
                if found:
                    problems.append(found)
            dirs[:] = [d for d in dirs if not d.startswith(".") and not (Path(directory) / d).is_symlink()]
    return problems


def nul_problem(path: Path, text: str) -> Problem | None:
    """A Problem when a text file holds a NUL byte (binary data, or a file saved as UTF-16)."""
    index = text.find("\x00")
    if index < 0:
        return None
    return Problem(
        path,
        text.count("\n", 0, index) + 1,
        "the file contains a NUL byte: it is binary data or was saved as UTF-16, not UTF-8 text",
        "open it in your editor, delete the invisible character on this line (or paste the text into a "
        "new file) and save it as UTF-8",
    )
