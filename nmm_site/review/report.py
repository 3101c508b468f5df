"""The review report of a pull request: what changed in pages, translations, facts, images and checks."""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from nmm_site.checks.run import check_content
from nmm_site.content.config import ContentConfig
from nmm_site.content.pages import read_trees
from nmm_site.errors import Problem, ProblemsFound, problem_order
from nmm_site.images.names import RASTER_SUFFIXES, SVG_SUFFIX
from nmm_site.images.sidecar import licence_label, load_sidecar
from nmm_site.review import facts as facts_diff
from nmm_site.review import git
from nmm_site.review.config import ReviewConfig
from nmm_site.review.paths import REVIEW_PREFIX, SCREENSHOTS_PREFIX, page_path, review_path
from nmm_site.translation.status import Status, translation_status

# The pipeline's own list (HEIC from phones included), so the report shows every image it publishes.
IMAGE_SUFFIXES = frozenset({*RASTER_SUFFIXES, SVG_SUFFIX})
BUDGETS_FILE = Path(".cache/reports/budgets.json")
NOT_MEASURED = "not measured in this run"
FOLD_ROWS = 15  # tables longer than this are folded in a <details> block in the comment
MAX_ROWS = 150  # GitHub refuses comments over 65,536 characters; the JSON keeps every row
# The order changes are listed in, within one page.
_CHANGE_ORDER = {"added": 0, "renamed": 1, "changed": 2, "removed": 3}
_NOT_CURRENT = frozenset({Status.OUTDATED.value, Status.MISSING.value, Status.ORPHANED.value})


@dataclass(frozen=True)
class PageChange:
    lang: str
    rel: str  # path inside the language tree, e.g. provinces/ha-giang.md
    change: str  # added | changed | removed | renamed
    old_rel: str | None = None  # for renamed: the path at the base


# Pages ---------------------------------------------------------------------------------------------


def _split_docs(path: str, languages: tuple[str, ...]) -> tuple[str, str] | None:
    parts = PurePosixPath(path).parts
    if len(parts) < 3 or parts[0] != "docs" or parts[1] not in languages or not path.endswith(".md"):
        return None
    return parts[1], PurePosixPath(*parts[2:]).as_posix()


def page_changes(config: ReviewConfig, changes: list[git.Change]) -> list[PageChange]:
    """Pages added, changed, removed or renamed per language (a move across trees: removed + added)."""
    found: list[PageChange] = []
    names = {"A": "added", "M": "changed", "D": "removed"}
    for change in changes:
        now = _split_docs(change.path, config.languages)
        if change.status == "R":
            old = _split_docs(change.old_path or "", config.languages)
            if now and old and now[0] == old[0]:
                found.append(PageChange(now[0], now[1], "renamed", old[1]))
                continue
            if old:
                found.append(PageChange(old[0], old[1], "removed"))
            if now:
                found.append(PageChange(now[0], now[1], "added"))
        elif now and change.status in names:
            found.append(PageChange(now[0], now[1], names[change.status]))
    order = {lang: i for i, lang in enumerate(config.languages)}
    return sorted(found, key=lambda p: (p.rel, order[p.lang], _CHANGE_ORDER[p.change]))


def review_rels(changed: list[PageChange]) -> list[str]:
    """Page paths that get a side-by-side page: every page added, changed or renamed in any language."""
    return sorted({p.rel for p in changed if p.change != "removed"})


# Translations --------------------------------------------------------------------------------------


def _statuses(content: ContentConfig) -> dict[tuple[str, str], str]:
    return {
        (str(entry.rel), lang): state.status.value
        for entry in translation_status(content)
        for lang, state in entry.languages.items()
    }


def status_changes(before: dict[tuple[str, str], str], now: dict[tuple[str, str], str]) -> list[dict]:
    """Translations newly outdated, missing or orphaned, and fixed ones (now current, or orphan removed)."""
    found = []
    for rel, lang in sorted(set(before) | set(now)):
        old, new = before.get((rel, lang)), now.get((rel, lang))
        if old == new:
            continue
        if new in _NOT_CURRENT:
            change = new
        elif old in _NOT_CURRENT and (new == Status.CURRENT.value or old == Status.ORPHANED.value):
            change = "fixed"
        else:
            continue
        found.append({"path": rel, "lang": lang, "change": change, "before": old, "now": new})
    return found


# Images --------------------------------------------------------------------------------------------


def image_changes(config: ReviewConfig, changes: list[git.Change]) -> list[dict]:
    """Images added or replaced in assets/images/, with their size and the credit from their sidecar."""
    found = []
    for change in changes:
        path = PurePosixPath(change.path)
        if path.parent != PurePosixPath("assets/images") or path.suffix.lower() not in IMAGE_SUFFIXES:
            continue
        if change.status not in ("A", "M", "R"):
            continue
        image = config.root / path
        sidecar, problems = load_sidecar(image, config.languages)
        entry: dict[str, Any] = {
            "path": path.as_posix(),
            "change": "added" if change.status in ("A", "R") else "changed",
            "bytes": image.stat().st_size,
            "creator": sidecar.creator if sidecar else None,
            "licence": licence_label(sidecar.licence) if sidecar else None,
            "source": sidecar.source if sidecar else None,
            "problems": [_problem_line(p, config.root) for p in problems],
        }
        found.append(entry)
    return found


# Checks --------------------------------------------------------------------------------------------


def _problem_line(problem: Problem, root: Path) -> str:
    return problem.format(root).splitlines()[0]


def content_checks(config: ReviewConfig) -> dict:
    """The content checks, read-only: how many problems, and the first ones."""
    try:
        report = check_content(
            ContentConfig.from_root(config.root), fix=False, numbers=config.content_numbers
        )
        problems, pages = list(report.problems), report.pages
    except ProblemsFound as found:
        problems, pages = found.problems, None
    problems = sorted(problems, key=problem_order)
    return {
        "problems": len(problems),
        "pages": pages,
        "listed": [_problem_line(p, config.root) for p in problems[: config.max_problems_listed]],
    }


def budgets(config: ReviewConfig) -> dict:
    """The page-weight and Lighthouse budgets of `make bench-budgets` (benchmarks/budgets_benchmark.py).

    Its JSON: {"runs": 3, "languages": [...], "rows": [{"budget", "value", "baseline", "limit", "pass"}]}.
    """
    path = config.root / BUDGETS_FILE
    if not path.is_file():
        return {"status": NOT_MEASURED}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        return {"status": f"unreadable {BUDGETS_FILE} ({error.msg}, line {error.lineno})"}
    rows = data.get("rows") if isinstance(data, dict) else None
    if not isinstance(rows, list) or not rows or not all(isinstance(r, dict) and "budget" in r for r in rows):
        return {"status": f"unreadable {BUDGETS_FILE} (no budget rows)"}
    table = [
        {
            "name": str(r["budget"]),
            "actual": r.get("value"),
            "baseline": r.get("baseline"),
            "budget": r.get("limit"),
            "passed": bool(r.get("pass")),
        }
        for r in rows
    ]
    failed = [r for r in table if not r["passed"]]
    return {
        "status": "measured",
        "runs": data.get("runs"),
        "languages": data.get("languages"),
        "passed": len(table) - len(failed),
        "failed": len(failed),
        "failures": [{k: r[k] for k in ("name", "actual", "budget")} for r in failed],
        "rows": table,
    }


# Theme -----------------------------------------------------------------------------------------------


def theme_screenshots(config: ReviewConfig, commit: str) -> dict | None:
    """When the pull request changes the theme (overrides/): the screenshots taken of the preview, by
    page and device (`make screenshots`, file names `<lang>-<page>-<device>.png`), else None."""
    if not git.changes(config.root, commit, ("overrides",)):
        return None
    shots: dict[str, dict[str, str | None]] = {}
    folder = config.screenshots_dir
    for png in sorted(folder.glob("*.png")) if folder is not None and folder.is_dir() else []:
        page, _, device = png.stem.rpartition("-")
        if page:
            shots.setdefault(page, {})[device] = _url(config, SCREENSHOTS_PREFIX + png.name)
    return {"taken": bool(shots), "pages": shots}


# The report ----------------------------------------------------------------------------------------


def _url(config: ReviewConfig, site_path: str) -> str | None:
    return f"{config.preview_url}{site_path}" if config.preview_url else None


def build_report(config: ReviewConfig) -> dict:
    """Compare the base with the working tree; return the report as JSON-ready data (deterministic)."""
    commit = git.resolve_base(config.root, config.base)
    changes = git.changes(config.root, commit, ("docs", "data", "assets/images"))
    content_now = ContentConfig(config.root, config.source_language, config.translations)
    with tempfile.TemporaryDirectory(prefix="nmm-review-") as tmp:
        base_root = Path(tmp)
        git.extract(config.root, commit, ("docs", "data"), base_root)
        status_before = _statuses(ContentConfig(base_root, config.source_language, config.translations))
        facts_before = facts_diff.flatten(base_root / "data")
    status_now = _statuses(content_now)
    facts_now = facts_diff.flatten(config.root / "data")

    changed = page_changes(config, changes)
    reviewed = set(review_rels(changed))
    pages = [
        {
            "lang": p.lang,
            "path": p.rel,
            "change": p.change,
            "old_path": p.old_rel,
            "url": None
            if p.change == "removed"
            else _url(config, page_path(config.lang_prefix(p.lang), p.rel)),
            "review_url": _url(config, review_path(p.rel)) if p.rel in reviewed else None,
        }
        for p in changed
    ]
    translations = [
        {**entry, "url": _url(config, page_path(config.lang_prefix(entry["lang"]), entry["path"]))}
        for entry in status_changes(status_before, status_now)
    ]
    all_pages = [page for tree in read_trees(content_now).pages.values() for page in tree.values()]
    order = {lang: i for i, lang in enumerate(config.languages)}
    facts = []
    for change in facts_diff.diff(facts_before, facts_now):
        shown = sorted(
            facts_diff.pages_showing(change.path, all_pages), key=lambda s: (str(s[1]), order[s[0]])
        )
        facts.append(
            {
                "path": change.path,
                "before": change.before,
                "now": change.now,
                "pages": [
                    {
                        "lang": lang,
                        "path": str(rel),
                        "url": _url(config, page_path(config.lang_prefix(lang), str(rel))),
                    }
                    for lang, rel in shown
                ],
            }
        )
    document = {
        "base": {"ref": config.base, "commit": commit},
        "preview_url": config.preview_url,
        "review_index_url": _url(config, REVIEW_PREFIX) if reviewed else None,
        "pages": pages,
        "translations": translations,
        "facts": facts,
        "images": image_changes(config, changes),
        "theme": theme_screenshots(config, commit),
        "checks": {"content": content_checks(config), "budgets": budgets(config)},
    }
    document["summary"] = summary_line(document)
    return document


def _count(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def summary_line(doc: dict) -> str:
    """One line: what changed and whether the checks pass."""
    kinds = [p["change"] for p in doc["pages"]]
    parts = []
    if kinds:
        counted = ", ".join(f"{kinds.count(k)} {k}" for k in _CHANGE_ORDER if kinds.count(k))
        parts.append(f"pages: {counted}")
    else:
        parts.append("no page changed")
    states = [t["change"] for t in doc["translations"]]
    if states:
        named = {"outdated": "newly outdated", "missing": "missing", "orphaned": "orphaned", "fixed": "fixed"}
        parts.append(
            "translations: "
            + ", ".join(f"{states.count(k)} {v}" for k, v in named.items() if states.count(k))
        )
    if doc["facts"]:
        parts.append(_count(len(doc["facts"]), "fact") + " changed")
    if doc["images"]:
        parts.append(_count(len(doc["images"]), "image") + " added or replaced")
    problems = doc["checks"]["content"]["problems"]
    parts.append(
        "content checks: ✅ pass" if not problems else f"content checks: ❌ {_count(problems, 'problem')}"
    )
    budget = doc["checks"]["budgets"]
    if budget.get("failed"):
        parts.append(f"budgets: ❌ {budget['failed']} over")
    elif "passed" in budget:
        parts.append("budgets: ✅ within")
    else:
        parts.append(f"budgets: {budget['status']}")
    return " · ".join(parts)


# Markdown ------------------------------------------------------------------------------------------


def _link(text: str, url: str | None) -> str:
    return f"[{text}]({url})" if url else text


def _value(fact: dict | None) -> str:
    if fact is None:
        return "—"
    text = str(fact.get("value"))
    extras = [f"{k} {fact[k]}" for k in ("unit", "year") if k in fact]
    return f"{text} ({', '.join(extras)})" if extras else text


def _fact_note(before: dict | None, now: dict | None) -> str:
    # Besides the value: which other fields (source, year, note…) changed.
    if before is None or now is None:
        return "added" if before is None else "removed"
    keys = sorted(k for k in set(before) | set(now) if k != "value" and before.get(k) != now.get(k))
    return ", ".join(f"{k}: {before.get(k, '—')} → {now.get(k, '—')}" for k in keys)


def _shown_on(pages: list[dict]) -> str:
    by_rel: dict[str, list[dict]] = {}
    for p in pages:
        by_rel.setdefault(p["path"], []).append(p)
    return (
        "<br>".join(
            f"`{rel}` (" + ", ".join(_link(p["lang"], p["url"]) for p in entries) + ")"
            for rel, entries in by_rel.items()
        )
        or "—"
    )


def _folded(table: list[str], label: str) -> list[str]:
    # Long tables are folded so the comment stays short; the JSON has every row anyway.
    if len(table) - 2 > MAX_ROWS:
        table = [*table[: MAX_ROWS + 2], f"| … {len(table) - 2 - MAX_ROWS} more rows in review-report.json |"]
    if len(table) - 2 <= FOLD_ROWS:
        return [*table, ""]
    return [f"<details><summary>{label}</summary>", "", *table, "", "</details>", ""]


def to_markdown(doc: dict) -> str:
    """The pull-request comment: GitHub-flavoured Markdown, summary line first."""
    lines = [f"**Review report** — {doc['summary']}", ""]
    base = doc["base"]
    where = f"Compared with `{base['ref']}` (`{base['commit'][:10]}`)"
    if doc["preview_url"]:
        where += f" · [preview]({doc['preview_url']})"
    if doc["review_index_url"]:
        where += f" · [changed pages side by side]({doc['review_index_url']})"
    lines += [where + ".", ""]
    if doc["pages"]:
        by_rel: dict[str, list[dict]] = {}
        for p in doc["pages"]:
            by_rel.setdefault(p["path"], []).append(p)
        table = ["| Page | Changes (link: preview) | Side by side |", "|---|---|---|"]
        for rel, entries in by_rel.items():
            changes = " · ".join(
                _link(p["lang"], p["url"])
                + f" {p['change']}"
                + (f" from `{p['old_path']}`" if p["old_path"] else "")
                for p in entries
            )
            review = next((p["review_url"] for p in entries if p["review_url"]), None)
            table.append(f"| `{rel}` | {changes} | {_link('vi · en · fr', review) if review else ''} |")
        lines += ["### Pages", ""]
        lines += _folded(table, f"{_count(len(by_rel), 'page')} changed")
    if doc["translations"]:
        table = ["| Page | Language | Before | Now |", "|---|---|---|---|"]
        for t in doc["translations"]:
            table.append(
                f"| {_link('`' + t['path'] + '`', t['url'])} | {t['lang']} | {t['before'] or '—'} | "
                f"**{t['change']}** ({t['now'] or 'gone'}) |"
            )
        lines += ["### Translations", ""]
        lines += _folded(table, f"{_count(len(doc['translations']), 'translation')} changed status")
        lines += ["After updating a translation: `nmm mark-translated docs/<lang>/<page>.md`.", ""]
    if doc["facts"]:
        table = ["| Fact | Before | Now | Also changed | Shown on |", "|---|---|---|---|---|"]
        for f in doc["facts"]:
            table.append(
                f"| `{f['path']}` | {_value(f['before'])} | {_value(f['now'])} | "
                f"{_fact_note(f['before'], f['now'])} | {_shown_on(f['pages'])} |"
            )
        lines += ["### Facts", ""]
        lines += _folded(table, f"{_count(len(doc['facts']), 'fact')} changed")
    if doc["images"]:
        lines += ["### Images", "", "| Image | Bytes | Credit |", "|---|---|---|"]
        for i in doc["images"]:
            credit = (
                f"{i['creator']}, {i['licence']}, {i['source']}"
                if i["creator"]
                else "❌ " + "; ".join(i["problems"])
            )
            lines.append(f"| `{i['path']}` ({i['change']}) | {i['bytes']:,} | {credit} |")
        lines.append("")
    theme = doc.get("theme")
    if theme is not None:
        lines += ["### Theme", ""]
        if theme["taken"]:
            table = ["| Page | Screenshots |", "|---|---|"]
            for page, devices in theme["pages"].items():
                table.append(
                    f"| {page} | " + " · ".join(_link(d, u) for d, u in sorted(devices.items())) + " |"
                )
            count = _count(len(theme["pages"]), "page")
            lines += [
                f"`overrides/` changed: screenshots of {count} on phone and laptop, in the preview.",
                "",
            ]
            lines += _folded(table, "Screenshots")
        else:
            lines += ["`overrides/` changed; no screenshots were taken (`make screenshots SITE=site`).", ""]
    content = doc["checks"]["content"]
    lines += ["### Checks", ""]
    if content["problems"]:
        lines.append(f"- Content checks: ❌ {_count(content['problems'], 'problem')} (`make check`):")
        lines += [f"  - `{line}`" for line in content["listed"]]
        if content["problems"] > len(content["listed"]):
            lines.append(f"  - … and {content['problems'] - len(content['listed'])} more")
    else:
        lines.append(f"- Content checks: ✅ no problems ({content['pages']} pages)")
    budget = doc["checks"]["budgets"]
    if "passed" in budget:
        how = ""
        if budget.get("runs") and budget.get("languages"):
            runs, langs = budget["runs"], ", ".join(budget["languages"])
            how = f" (Lighthouse median of {_count(runs, 'run')}; {langs})"
        lines.append(f"- Budgets: {budget['passed']} within, {budget['failed']} over{how}")
        lines += [f"  - ❌ {b['name']}: {b['actual']} (budget {b['budget']})" for b in budget["failures"]]
        table = ["| budget | this PR | plain Material | limit | |", "|---|---|---|---|---|"]
        for b in budget["rows"]:
            mark = "✅" if b["passed"] else "❌"
            table.append(f"| {b['name']} | {b['actual']} | {b['baseline']} | {b['budget']} | {mark} |")
        lines += ["", *_folded(table, "Every budget, beside plain Material")]
    else:
        lines.append(f"- Budgets: {budget['status']}")
    return "\n".join(lines) + "\n"


def to_json(doc: dict) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_report(doc: dict, out_dir: Path) -> tuple[Path, Path]:
    """Write review-report.md and review-report.json into `out_dir`; return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    md, js = out_dir / "review-report.md", out_dir / "review-report.json"
    md.write_text(to_markdown(doc), encoding="utf-8")
    js.write_text(to_json(doc), encoding="utf-8")
    return md, js
