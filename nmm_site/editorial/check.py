"""The editorial checks of `nmm check-content`: hedges, terminology and sources, each a Problem with
file, line and fix."""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterable
from pathlib import Path

from nmm_site.content.config import ContentConfig
from nmm_site.content.pages import Page, Trees
from nmm_site.editorial.rules import Rules, load_rules, lowered
from nmm_site.editorial.texts import ReaderText, data_texts, load_data, page_texts
from nmm_site.errors import Problem, ProblemsFound
from nmm_site.facts.loader import LineDict, load_yaml

HEDGE_FIX = "move it to the fact's `note`, or drop the sentence"


def _where(text: ReaderText) -> str:
    return f" (data text `{text.field}`)" if text.field and text.path.suffix == ".yml" else ""


def _shown(matched: str) -> str:
    return " ".join(matched.split())


def check_hedges(texts: Iterable[ReaderText], rules: Rules) -> list[Problem]:
    """A research-state phrase in reader text ("not verified", "chưa xác minh"…)."""
    problems = []
    patterns, keys = rules.hedge_patterns, rules.hedge_keys
    for text in texts:
        pattern = patterns.get(text.lang)
        if pattern is None:
            continue
        lower = lowered(text.text)
        if not any(key in lower for key in keys[text.lang]):
            continue
        for match in pattern.finditer(lower):
            problems.append(
                Problem(
                    text.path,
                    text.line_at(match.start()),
                    f"research-state phrase “{_shown(text.text[match.start() : match.end()])}” in reader "
                    f"text{_where(text)}: uncertainty belongs in the data, not in the prose",
                    HEDGE_FIX,
                )
            )
    return problems


_WORD_BEFORE = re.compile(r"(\w+)\s+$")
_WORD_AFTER = re.compile(r"\s+(\w+)")
_OPENING_QUOTES = "\"“«‘'"
_CLOSING_QUOTES = "\"”»’'"


def _in_a_name(text: str, start: int, end: int) -> bool:
    """The match sits next to a capitalised word: part of a proper name (Thái Nguyên, An Thái).

    A capitalised word that opens a sentence ("The Tai …", "Les Thái …") is not a name."""
    window = max(0, start - 40)
    before = _WORD_BEFORE.search(text[window:start])
    if before:
        prefix = text[window : window + before.start(1)].rstrip()
        gap = text[window + len(prefix) : window + before.start(1)]
        opens_sentence = (not prefix and window == 0) or "\n\n" in gap or prefix[-1:] in tuple(".!?*#>|-")
        if before.group(1)[0].isupper() and not opens_sentence:
            return True
    after = _WORD_AFTER.match(text, end)
    return bool(after and after.group(1)[0].isupper())


def _quoted(text: str, start: int, end: int) -> bool:
    """The match is a quoted mention ("Thái" is the official name), not a use."""
    before = text[:start].rstrip(" \u00a0\u202f")[-1:]
    after = text[end:].lstrip(" \u00a0\u202f")[:1]
    return bool(before) and before in _OPENING_QUOTES and bool(after) and after in _CLOSING_QUOTES


def _blank(text: str, pattern: re.Pattern[str], lower: str) -> str:
    """The text with every match of `pattern` (searched in its lower case) blanked out."""
    chars = list(text)
    for match in pattern.finditer(lower):
        for index in range(match.start(), match.end()):
            if chars[index] != "\n":
                chars[index] = " "
    return "".join(chars)


def check_terminology(texts: Iterable[ReaderText], rules: Rules) -> list[Problem]:
    """A variant of a term (data/editorial/terms.yml) in the language it is listed for."""
    problems = []
    for text in texts:
        lower = lowered(text.text)
        for term in rules.terms:
            variants = term.variant_patterns.get(text.lang)
            if variants is None or not any(key in lower for key in term.variant_keys[text.lang]):
                continue
            if not variants.search(lower):
                continue
            allowed = term.allow_patterns.get(text.lang)
            masked = _blank(text.text, allowed, lower) if allowed is not None else text.text
            for match in variants.finditer(lowered(masked)):
                if _quoted(masked, match.start(), match.end()):
                    continue
                if term.names and _in_a_name(masked, match.start(), match.end()):
                    continue
                why = f" ({term.why})" if term.why else ""
                problems.append(
                    Problem(
                        text.path,
                        text.line_at(match.start()),
                        f"“{_shown(masked[match.start() : match.end()])}” is not the site's {text.lang} "
                        f"rendering of `{term.id}`{_where(text)}{why}",
                        f"write “{term.preferred.get(text.lang, '')}” (one rendering per language: "
                        "data/editorial/terms.yml)",
                    )
                )
    return problems


_HOME_SEGMENTS = {"en", "vi", "fr", "home", "index.html", "index.htm", "index.php", "trang-chu"}


def url_problem(url: object) -> str | None:
    """Why a source URL is not a specific page (None when it is one)."""
    if not isinstance(url, str) or not url.strip():
        return "has no `url`: a source is a specific page a reader can open"
    try:
        parts = urllib.parse.urlsplit(url.strip())
        parts.hostname  # noqa: B018 (raises on a malformed address)
    except ValueError:
        return f"`{url}` is not a valid web address"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"`{url}` is not a web address (http or https)"
    segments = [s for s in parts.path.split("/") if s]
    if not parts.query and (not segments or (len(segments) == 1 and segments[0].lower() in _HOME_SEGMENTS)):
        return f"`{url}` is a site's home page, not the page that supports the fact"
    return None


def check_source_urls(data_dir: Path, rules: Rules) -> list[Problem]:
    """Every source in data/sources/*.yml: a specific page (with a path), from a host not denied."""
    problems: list[Problem] = []
    for path in sorted((data_dir / "sources").glob("*.yml")):
        try:
            raw = load_yaml(path)
        except ProblemsFound:  # the content check already reports invalid YAML with its line
            continue
        if not isinstance(raw, LineDict):
            continue
        for source_id, entry in raw.items():
            if not isinstance(entry, LineDict):
                continue
            url = entry.get("url")
            line = entry.key_lines.get("url", raw.key_lines[source_id])
            reason = url_problem(url) if rules.require_path else None
            if reason:
                problems.append(
                    Problem(
                        path,
                        line,
                        f"source `{source_id}` {reason}",
                        "give the address of the article or document itself; if none can be found, cite "
                        "another source of data/sources that supports the fact, or drop the fact (never "
                        "invent an address)",
                    )
                )
            if not isinstance(url, str):
                continue
            try:
                host = (urllib.parse.urlsplit(url.strip()).hostname or "").lower()
            except ValueError:
                continue
            for denied in rules.denied_hosts:
                if host == denied.host or host.endswith("." + denied.host):
                    why = f" ({denied.why})" if denied.why else ""
                    problems.append(
                        Problem(
                            path,
                            line,
                            f"source `{source_id}` is on {host}, a host an official reader does not "
                            f"accept{why}",
                            "cite a page from a government portal, the statistics office, UNESCO, national "
                            "press, a museum or academic work (another source of data/sources that supports "
                            "the fact), or drop the fact; the deny-list is data/editorial/sources.yml",
                        )
                    )
                    break
    return problems


def check_editorial_data(config: ContentConfig) -> tuple[Rules, list[Problem]]:
    """The rules, and what they find in the data texts and the source registry (no page)."""
    rules = load_rules(config.data_dir, config.languages)
    problems = list(rules.problems)
    loaded, found = load_data(config.data_dir)
    problems.extend(found)
    texts = list(data_texts(loaded, config.languages, rules.skip_fields))
    problems.extend(check_hedges(texts, rules))
    problems.extend(check_terminology(texts, rules))
    problems.extend(check_source_urls(config.data_dir, rules))
    return rules, problems


def check_page_editorial(page: Page, rules: Rules) -> list[Problem]:
    """Hedges and terminology in one page's title, description and body."""
    texts = list(page_texts(page))
    return check_hedges(texts, rules) + check_terminology(texts, rules)


def check_editorial(config: ContentConfig, trees: Trees) -> list[Problem]:
    """Hedges and terminology in every page and data text, and the source registry's URLs."""
    rules, problems = check_editorial_data(config)
    for pages in trees.pages.values():
        for page in pages.values():
            problems.extend(check_page_editorial(page, rules))
    return problems
