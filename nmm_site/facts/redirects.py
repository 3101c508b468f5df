"""Redirect pages so old URLs never break: former province names, renamed pages, current provinces.

Scheme (the same in every language tree, under its prefix: "" for vi, "en/", "fr/"):
- `provinces/<former-name-slug>/` → `provinces/<id>/` for every `former_names` entry of data/provinces.yml;
- `provinces/now/<current-id>/` → `provinces/#now-<current-id>` for every province of
  data/provinces-2025.yml (the provinces index has one section per current province, anchor `now-<id>`);
- `<old path>/` → the page, for each entry of a page's front matter `redirect_from:`.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from nmm_site.content.slugs import slugify
from nmm_site.errors import Problem, ProblemsFound
from nmm_site.facts.loader import FactData, is_text
from nmm_site.i18n.messages import ui_text

GENERATOR = "nmm-redirect"  # marks our redirect pages, so a rebuild may overwrite them (and nothing else)
_PATH_RE = re.compile(r"^(?:[a-z0-9]+(?:-[a-z0-9]+)*/)+$")


@dataclass(frozen=True, order=True)
class Redirect:
    source: str  # path relative to the language root, ending with "/" (e.g. "provinces/bac-can/")
    target: str  # path relative to the language root, may end with "#anchor" (e.g. "provinces/bac-kan/")
    origin: Path | None = None  # the file that asked for it (for error messages)
    line: int | None = None


def former_name_slugs(entry: object, languages: tuple[str, ...]) -> list[str]:
    """Slugs of one `former_names` item: its `slug`, else the slug of each spelling it gives."""
    if isinstance(entry, str):
        return [slugify(entry)]
    if not isinstance(entry, dict):
        return []
    if entry.get("slug"):
        return [str(entry["slug"])]
    name = entry.get("name", entry)
    if isinstance(name, str):
        return [slugify(name)]
    if is_text(name, languages):
        return list(dict.fromkeys(slugify(str(name[lang])) for lang in languages if name.get(lang)))
    return []


def data_redirects(data: FactData, languages: tuple[str, ...]) -> list[Redirect]:
    """Redirects the data asks for: former province names and current province ids."""
    redirects: list[Redirect] = []
    for stem in data.stems("provinces"):
        for pid, entity in data.datasets[stem].items():
            former = entity.get("former_names") or [] if isinstance(entity, dict) else []
            for index, item in enumerate(former):
                line = former.item_lines[index] if hasattr(former, "item_lines") else None
                for slug in former_name_slugs(item, languages):
                    if slug != pid:
                        redirects.append(
                            Redirect(f"provinces/{slug}/", f"provinces/{pid}/", data.files[stem], line)
                        )
    for stem in data.stems("provinces-2025"):
        for cid in data.datasets[stem]:
            line = data.datasets[stem].key_lines.get(cid)
            redirects.append(
                Redirect(f"provinces/now/{cid}/", f"provinces/#now-{cid}", data.files[stem], line)
            )
    return redirects


def page_redirects(meta: dict, page_path: str, origin: Path) -> tuple[list[Redirect], list[Problem]]:
    """Redirects asked by a page's front matter `redirect_from:` (paths relative to the language root)."""
    raw = meta.get("redirect_from") or []
    if isinstance(raw, str):
        raw = [raw]
    redirects, problems = [], []
    for old in raw:
        old_path = str(old).strip().lstrip("/")
        old_path = old_path[:-3] + "/" if old_path.endswith(".md") else old_path
        old_path = old_path if old_path.endswith("/") else old_path + "/"
        if not _PATH_RE.match(old_path):
            problems.append(
                Problem(
                    origin,
                    None,
                    f"redirect_from entry {old!r} is not a site path",
                    "write the old address relative to the language root, e.g. provinces/bac-can/",
                )
            )
            continue
        redirects.append(Redirect(old_path, page_path, origin))
    return redirects, problems


def check_conflicts(redirects: list[Redirect]) -> list[Problem]:
    """Two redirects from one address to different places."""
    seen: dict[str, Redirect] = {}
    problems = []
    for redirect in redirects:
        other = seen.setdefault(redirect.source, redirect)
        if other.target != redirect.target:
            problems.append(
                Problem(
                    redirect.origin or Path("."),
                    redirect.line,
                    f"{redirect.source} would redirect both to {other.target} and to {redirect.target}",
                    "give each former name or old address to one page only",
                )
            )
    return problems


def relative_url(source: str, target: str) -> str:
    """Link from the directory page `source` to `target` (both relative to the same root)."""
    path, _, anchor = target.partition("#")
    rel = posixpath.relpath("/" + path, "/" + source)
    rel = rel + "/" if path.endswith("/") and not rel.endswith("/") else rel
    if rel in ("./", "."):
        rel = "./"
    return rel + (f"#{anchor}" if anchor else "")


def redirect_html(source: str, target: str, lang: str, canonical: str, title: str) -> str:
    """A small redirect page: meta refresh, canonical, noindex and a visible link."""
    url = html.escape(relative_url(source, target))
    moved = ui_text(lang, "This page has moved to")
    return (
        "<!doctype html>\n"
        f'<html lang="{html.escape(lang)}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n"
        f'<meta name="generator" content="{GENERATOR}">\n'
        '<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{html.escape(canonical)}">\n'
        f'<meta http-equiv="refresh" content="0; url={url}">\n'
        "</head>\n"
        f'<body><p>{html.escape(moved)} <a href="{url}">{html.escape(title)}</a>.</p></body>\n'
        "</html>\n"
    )


def write_redirects(
    site_dir: Path, lang: str, prefix: str, site_url: str, redirects: list[Redirect], titles: dict[str, str]
) -> list[Path]:
    """Write every redirect under site_dir/prefix; never overwrite a real page (ProblemsFound instead)."""
    problems = check_conflicts(redirects)
    written: list[Path] = []
    unique = {redirect.source: redirect for redirect in reversed(redirects)}  # first one asked wins
    for redirect in sorted(unique.values()):
        out = site_dir / prefix / redirect.source / "index.html"
        if out.exists() and GENERATOR not in out.read_text(encoding="utf-8", errors="replace")[:2000]:
            problems.append(
                Problem(
                    redirect.origin or out,
                    redirect.line,
                    f"the redirect from {prefix}{redirect.source} would overwrite a real page",
                    "remove the former name / redirect_from entry, or rename the page",
                )
            )
            continue
        if problems:
            continue
        canonical = f"{site_url}{prefix}{redirect.target.partition('#')[0]}"
        title = titles.get(redirect.target, redirect.target)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(
            redirect_html(redirect.source, redirect.target, lang, canonical, title), encoding="utf-8"
        )
        written.append(out)
    if problems:
        raise ProblemsFound(problems)
    return written
