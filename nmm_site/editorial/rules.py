"""Read the editorial lists in data/editorial/*.yml; a malformed list is a Problem, never a crash."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nmm_site.errors import Problem, ProblemsFound
from nmm_site.facts.loader import LineDict, LineList, load_yaml

HEDGES_FILE = "hedges.yml"
TERMS_FILE = "terms.yml"
SOURCES_FILE = "sources.yml"


@dataclass(frozen=True)
class Phrase:
    text: str  # as the editor wrote it
    line: int  # its line in the rules file
    pattern: re.Pattern[str]  # whole words, any case, any whitespace between words, ' or ’


@dataclass(frozen=True)
class Term:  # cached_property needs a __dict__: not slots
    id: str
    line: int
    preferred: dict[str, str]  # lang → the one rendering
    variants: dict[str, tuple[Phrase, ...]]  # lang → renderings to flag
    allow: dict[str, tuple[Phrase, ...]]  # lang → contexts where a variant is right (quoted titles…)
    names: bool = False  # a variant next to a capitalised word is part of a proper name: not flagged
    why: str = ""

    @functools.cached_property
    def variant_patterns(self) -> dict[str, re.Pattern[str]]:
        return {lang: p for lang, phrases in self.variants.items() if (p := any_of(phrases))}

    @functools.cached_property
    def variant_keys(self) -> dict[str, tuple[str, ...]]:
        return {lang: keys_of(phrases) for lang, phrases in self.variants.items()}

    @functools.cached_property
    def allow_patterns(self) -> dict[str, re.Pattern[str]]:
        """Per language: the allowed contexts and the preferred rendering, where no variant counts."""
        found = {}
        for lang in {*self.allow, *self.preferred}:
            phrases = self.allow.get(lang, ())
            if lang in self.preferred:
                phrases = (
                    *phrases,
                    Phrase(self.preferred[lang], self.line, phrase_pattern(self.preferred[lang])),
                )
            if (pattern := any_of(phrases)) is not None:
                found[lang] = pattern
        return found


@dataclass(frozen=True)
class DeniedHost:
    host: str  # the host or any of its subdomains
    why: str
    line: int


@dataclass
class Rules:
    hedges: dict[str, tuple[Phrase, ...]] = field(default_factory=dict)
    terms: tuple[Term, ...] = ()
    skip_fields: frozenset[str] = frozenset()  # data fields whose texts are names in other systems
    denied_hosts: tuple[DeniedHost, ...] = ()
    require_path: bool = False  # set by data/editorial/sources.yml (true unless it says otherwise)
    problems: list[Problem] = field(default_factory=list)

    @functools.cached_property
    def hedge_patterns(self) -> dict[str, re.Pattern[str]]:
        return {lang: p for lang, phrases in self.hedges.items() if (p := any_of(phrases))}

    @functools.cached_property
    def hedge_keys(self) -> dict[str, tuple[str, ...]]:
        return {lang: keys_of(phrases) for lang, phrases in self.hedges.items()}


_APOSTROPHES = "'’"


def phrase_regex(text: str) -> str:
    """A phrase as whole words, across line breaks, with either apostrophe (as a regex source)."""
    parts = []
    for word in text.split():
        parts.append("".join(f"[{_APOSTROPHES}]" if ch in _APOSTROPHES else re.escape(ch) for ch in word))
    return r"(?<![\w])" + r"\s+".join(parts) + r"(?![\w])"


@functools.lru_cache(maxsize=4096)
def phrase_pattern(text: str) -> re.Pattern[str]:
    """A phrase as whole words, case-insensitive, across line breaks, with either apostrophe."""
    return re.compile(phrase_regex(text), re.IGNORECASE)


def keys_of(phrases: tuple[Phrase, ...]) -> tuple[str, ...]:
    """Lower-case words one of which a text must contain for any phrase to match (a cheap pre-filter)."""
    keys = set()
    for phrase in phrases:
        words = re.findall(r"\w+", phrase.text.lower())
        keys.add(max(words, key=len) if words else phrase.text.lower())
    return tuple(sorted(keys))


def any_of(phrases: tuple[Phrase, ...]) -> re.Pattern[str] | None:
    """One pattern matching any of the phrases (longest first), or None for no phrase.

    Case-sensitive on lower-case phrases: search it in the lower-cased text (`lowered`), which is much
    faster than an IGNORECASE alternation."""
    if not phrases:
        return None
    texts = sorted({p.text.lower() for p in phrases}, key=len, reverse=True)
    body = "|".join(
        r"\s+".join(
            "".join(f"[{_APOSTROPHES}]" if ch in _APOSTROPHES else re.escape(ch) for ch in word)
            for word in t.split()
        )
        for t in texts
    )
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


def lowered(text: str) -> str:
    """The text in lower case, offsets unchanged (a character whose lower case is longer stays as is)."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def _phrases(path: Path, node: Any, where: str, problems: list[Problem]) -> tuple[Phrase, ...]:
    if node is None:
        return ()
    if isinstance(node, str):
        node = [node]
    if not isinstance(node, LineList):
        problems.append(
            Problem(
                path,
                getattr(node, "line", None),
                f"{where} must be a list of phrases",
                "write `- phrase` lines",
            )
        )
        return ()
    found = []
    for item, line in zip(node, node.item_lines, strict=True):
        if not isinstance(item, str) or not item.strip():
            problems.append(
                Problem(path, line, f"{where}: {item!r} is not a phrase", "write the phrase as text")
            )
            continue
        found.append(Phrase(item.strip(), line, phrase_pattern(item.strip())))
    return tuple(found)


def _by_language(
    path: Path, node: Any, where: str, languages: tuple[str, ...], problems: list[Problem]
) -> dict[str, tuple[Phrase, ...]]:
    if node is None:
        return {}
    if not isinstance(node, LineDict):
        problems.append(
            Problem(
                path, getattr(node, "line", None), f"{where} must map languages to phrases", "write `vi: […]`"
            )
        )
        return {}
    result: dict[str, tuple[Phrase, ...]] = {}
    for lang, value in node.items():
        if lang == "all":
            continue
        if lang not in languages:
            problems.append(
                Problem(
                    path,
                    node.key_lines[lang],
                    f"{where}: `{lang}` is not a language of the site",
                    f"use one of {', '.join(languages)} (or `all`)",
                )
            )
            continue
        result[lang] = _phrases(path, value, f"{where}.{lang}", problems)
    if "all" in node:
        shared = _phrases(path, node["all"], f"{where}.all", problems)
        for lang in languages:
            result[lang] = (*result.get(lang, ()), *shared)
    return result


def _load(path: Path, problems: list[Problem]) -> Any:
    if not path.is_file():
        return None
    try:
        return load_yaml(path)
    except ProblemsFound as found:
        problems.extend(found.problems)
        return None


def load_rules(data_dir: Path, languages: tuple[str, ...]) -> Rules:
    """The three lists under data_dir/editorial/ (a missing file means no rule of that kind)."""
    folder = data_dir / "editorial"
    rules = Rules()
    problems = rules.problems

    path = folder / HEDGES_FILE
    raw = _load(path, problems)
    if raw is not None:
        rules.hedges = _by_language(path, raw, "hedges", languages, problems)

    path = folder / TERMS_FILE
    raw = _load(path, problems)
    if isinstance(raw, LineDict):
        rules.skip_fields = frozenset(str(f) for f in raw.get("skip_fields") or ())
        rules.terms = tuple(_terms(path, raw.get("terms"), languages, problems))
    elif raw is not None:
        problems.append(Problem(path, 1, "terms.yml must be a mapping with `terms:`", "see EDITORS.md"))

    path = folder / SOURCES_FILE
    raw = _load(path, problems)
    if isinstance(raw, LineDict):
        rules.require_path = bool(raw.get("require_path", True))
        rules.denied_hosts = tuple(_hosts(path, raw.get("deny_hosts"), problems))
    elif raw is not None:
        problems.append(
            Problem(path, 1, "sources.yml must be a mapping with `deny_hosts:`", "see EDITORS.md")
        )
    return rules


def _terms(path: Path, node: Any, languages: tuple[str, ...], problems: list[Problem]) -> list[Term]:
    if not isinstance(node, LineDict):
        problems.append(
            Problem(path, None, "terms.yml has no `terms:` mapping", "add `terms:` with one entry per term")
        )
        return []
    terms = []
    for term_id, entry in node.items():
        line = node.key_lines[term_id]
        if not isinstance(entry, LineDict):
            problems.append(Problem(path, line, f"term `{term_id}` must be a mapping", "see EDITORS.md"))
            continue
        preferred = {lang: str(entry[lang]) for lang in languages if isinstance(entry.get(lang), str)}
        missing = [lang for lang in languages if lang not in preferred]
        if missing:
            problems.append(
                Problem(
                    path,
                    line,
                    f"term `{term_id}` has no rendering for {', '.join(missing)}",
                    "write the one rendering of each language (`vi:`, `en:`, `fr:`)",
                )
            )
        terms.append(
            Term(
                id=str(term_id),
                line=line,
                preferred=preferred,
                variants=_by_language(
                    path, entry.get("variants"), f"{term_id}.variants", languages, problems
                ),
                allow=_by_language(path, entry.get("allow"), f"{term_id}.allow", languages, problems),
                names=bool(entry.get("names", False)),
                why=str(entry.get("why", "")),
            )
        )
    return terms


def _hosts(path: Path, node: Any, problems: list[Problem]) -> list[DeniedHost]:
    if not isinstance(node, LineList):
        problems.append(Problem(path, None, "sources.yml has no `deny_hosts:` list", "add `deny_hosts:`"))
        return []
    hosts = []
    for item, line in zip(node, node.item_lines, strict=True):
        if isinstance(item, str):
            host, why = item, ""
        elif isinstance(item, dict) and isinstance(item.get("host"), str):
            host, why = item["host"], str(item.get("why", ""))
        else:
            problems.append(
                Problem(path, line, f"{item!r} is not a host", "write `- {host: example.com, why: …}`")
            )
            continue
        hosts.append(DeniedHost(host.strip().lower().lstrip("."), why, line))
    return hosts
