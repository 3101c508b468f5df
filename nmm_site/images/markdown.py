"""Turn editors' plain Markdown images of assets/images/ originals into `<picture>` HTML."""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from nmm_site.errors import Problem
from nmm_site.images.library import ImageLibrary

_IMAGE = re.compile(
    r"!\[(?P<alt>[^\]\n]*)\]\((?P<url><[^>\n]*>|[^)\s]+)(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)"
    r"(?P<attrs>\{[^}\n]*\})?"
)
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n.*?\n(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


@dataclass
class PageImages:
    markdown: str
    used: list[str] = field(default_factory=list)  # original names, in page order, once each
    problems: list[Problem] = field(default_factory=list)


def body_line_offset(source: str) -> int:
    """Lines before the Markdown body (the YAML front matter MkDocs strips)."""
    m = _FRONT_MATTER.match(source)
    return m.group(0).count("\n") if m else 0


def _target(url: str, page_path: Path, root: Path) -> Path:
    url = unquote(url.strip("<>")).split("#", 1)[0].split("?", 1)[0]
    if url.startswith("/"):
        return Path(os.path.normpath(root / url.lstrip("/")))
    return Path(os.path.normpath(page_path.parent / url))


def rewrite_markdown(
    markdown: str,
    *,
    page_path: Path,
    root: Path,
    library: ImageLibrary,
    lang: str,
    page_url: str,
    line_offset: int = 0,
    eager_first: bool = True,
) -> PageImages:
    """Replace images of assets/images/ originals; a missing or misplaced one is a Problem with its line."""
    images_dir = Path(os.path.normpath(root / "assets" / "images"))
    out = PageImages(markdown="")
    lines = markdown.split("\n")
    fence: str | None = None
    eager_left = eager_first

    def replace(match: re.Match[str], line_no: int, standalone: bool) -> str:
        nonlocal eager_left
        url = match.group("url")
        if re.match(r"^<?(https?:|data:|//)", url):
            return match.group(0)
        target = _target(url, page_path, root)
        if target.parent != images_dir:
            if "assets/images/" not in url:
                return match.group(0)  # not ours: MkDocs validates other image links itself
            right = os.path.relpath(images_dir / target.name, page_path.parent).replace(os.sep, "/")
            out.problems.append(
                Problem(
                    page_path,
                    line_no,
                    f"image path {url!r} does not lead to assets/images/ (it points to {target})",
                    f"write ![]({right}) (relative to this page) or ![](/assets/images/{target.name})",
                )
            )
            return match.group(0)
        name = target.name
        if name not in library:
            if target.is_file():
                return match.group(0)  # the pipeline already reported what is wrong with it
            close = difflib.get_close_matches(name, library.names(), n=1)
            hint = f"did you mean {close[0]}? " if close else ""
            out.problems.append(
                Problem(
                    page_path,
                    line_no,
                    f"image {url!r} does not exist (no assets/images/{name})",
                    f"{hint}correct the path, or add assets/images/{name} "
                    f"with its sidecar {Path(name).stem}.yml",
                )
            )
            return match.group(0)
        if name not in out.used:
            out.used.append(name)
        eager = eager_left and library.is_large(name)
        eager_left = eager_left and not eager
        html = library.picture(name, lang, page_url, eager=eager, figure=standalone)
        return f"\n{html}\n" if standalone else html

    for index, line in enumerate(lines):
        if m := _FENCE.match(line):
            marker = m.group(1)
            if fence is None:
                fence = marker[0] * len(marker)
            elif marker.startswith(fence):
                fence = None
            out_line = line
        elif fence is not None or "![" not in line:
            out_line = line
        else:
            line_no = line_offset + index + 1
            # A figure needs its own block: only an image alone on an unindented line becomes one.
            standalone = bool(_IMAGE.fullmatch(line.rstrip())) and not line[:1].isspace()
            out_line = _IMAGE.sub(lambda match, n=line_no, s=standalone: replace(match, n, s), line)
        lines[index] = out_line
    out.markdown = "\n".join(lines)
    return out
