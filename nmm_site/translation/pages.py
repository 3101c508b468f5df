"""What the build needs about translations: the status of a page being built and the editors' page."""

from __future__ import annotations

import html
from pathlib import PurePosixPath

from nmm_site.content.config import ContentConfig
from nmm_site.translation.status import PageStatus, Status, summary

EDITORS_PAGE = "_editors/translation-status/"  # site path of the editors' page (not in nav, search, sitemap)


def page_url(rel: PurePosixPath | str, use_directory_urls: bool = True) -> str:
    """The URL of a page path relative to its language root: provinces/ha-giang.md → provinces/ha-giang/."""
    rel = PurePosixPath(rel)
    stem_path = rel.with_suffix("")
    if not use_directory_urls:
        return stem_path.as_posix() + ".html"
    if rel.stem in ("index", "README"):
        parent = rel.parent.as_posix()
        return "" if parent == "." else f"{parent}/"
    return f"{stem_path.as_posix()}/"


def build_meta(
    config: ContentConfig,
    statuses: dict[PurePosixPath, PageStatus],
    build_lang: str,
    file_lang: str,
    rel: PurePosixPath,
    use_directory_urls: bool = True,
) -> dict[str, str | None]:
    """page.meta["nmm_translation"] for `rel` read from the `file_lang` tree, built for `build_lang`."""
    source_url = page_url(rel, use_directory_urls) if (rel in statuses or file_lang == build_lang) else None
    if build_lang == config.source_language:
        status = "source"
    elif file_lang != build_lang:
        status = "fallback"  # static-i18n serves the Vietnamese file: no translation exists
    else:
        entry = statuses.get(rel)
        state = entry.languages.get(build_lang) if entry else None
        status = state.status.value if state else Status.ORPHANED.value
        if state and state.status is Status.ORPHANED:
            source_url = None
    return {"status": status, "source_url": source_url}


def editors_page_html(
    statuses: list[PageStatus], config: ContentConfig, stylesheets: list[str], site_name: str
) -> str:
    """The editors' translation-status page: a standalone HTML page styled by the site's stylesheets."""
    up = "../" * EDITORS_PAGE.count("/")
    langs = config.translations

    def link(lang: str, rel: PurePosixPath, text: str) -> str:
        prefix = "" if lang == config.source_language else f"{lang}/"
        return f'<a href="{html.escape(up + prefix + page_url(rel))}">{html.escape(text)}</a>'

    head_cells = "".join(f"<th>{html.escape(lang)}</th>" for lang in langs)
    rows = []
    for entry in statuses:
        cells = []
        for lang in langs:
            if lang not in entry.languages:
                cells.append("<td>—</td>")
                continue
            state = entry.languages[lang].status
            label = state.value if state is Status.ORPHANED else link(lang, entry.rel, state.value)
            cells.append(f'<td class="nmm-status nmm-status--{state.value}">{label}</td>')
        has_source = any(s.status is not Status.ORPHANED for s in entry.languages.values())
        first = (
            link(config.source_language, entry.rel, str(entry.rel))
            if has_source
            else html.escape(str(entry.rel))
        )
        rows.append(
            f"<tr><td>{first}</td><td><code>{html.escape(entry.page_id or '')}</code></td>"
            + "".join(cells)
            + "</tr>"
        )
    totals = "".join(
        f"<li><strong>{html.escape(lang)}</strong>: "
        + ", ".join(f"{n} {html.escape(status)}" for status, n in counts.items())
        + "</li>"
        for lang, counts in summary(statuses, config).items()
    )
    links = "".join(f'<link rel="stylesheet" href="{html.escape(up + sheet)}">' for sheet in stylesheets)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex,nofollow">
<title>Translation status · {html.escape(site_name)}</title>
{links}
</head>
<body dir="ltr">
<div class="md-container"><main class="md-main"><div class="md-main__inner md-grid"><div class="md-content">
<article class="md-content__inner md-typeset">
<h1>Translation status</h1>
<p>For editors. <em>current</em>: follows the Vietnamese page; <em>outdated</em>: the Vietnamese page changed
since (update the translation, then run <code>nmm mark-translated PATH</code>); <em>missing</em>: readers see
the Vietnamese page with a notice; <em>orphaned</em>: no Vietnamese page at that path.</p>
<ul>{totals}</ul>
<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table>
<thead><tr><th>Page</th><th>id</th>{head_cells}</tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table></div></div>
</article></div></div></main></div>
</body>
</html>
"""
