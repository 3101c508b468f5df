"""static-i18n's removal of duplicated search entries, with the same result in linear time.

static-i18n 1.3.1 (`reconfigure_search_duplicates`) compares every default-language entry with every
entry of the other languages: quadratic, seconds on a large site, and it runs once per full build
and in `nmm assemble-site`. Its loop also removes items from the list it is iterating over, so the
entry right after a removed one is not examined for that default entry; we reproduce that too, so
that the index stays byte-identical (tests/buildtools/test_searchdedupe.py compares both).
"""

from __future__ import annotations

from collections.abc import Sequence


def remove_duplicates(entries: list[dict], languages: Sequence[str]) -> None:
    """Remove, in place, the other languages' entries that repeat a default-language entry."""
    prefixes = tuple(f"{lang}/" for lang in languages)
    is_target = [e["location"].startswith(prefixes) for e in entries]
    targets = [i for i, flag in enumerate(is_target) if flag]
    locations = [entries[i]["location"] for i in targets]
    last_default = max((i for i, flag in enumerate(is_target) if not flag), default=-1)
    # The fast path needs what static-i18n's builds give: the other languages after the default one,
    # and no two equal entries (list.remove() removes the first equal one).
    if len(set(locations)) != len(locations) or (targets and targets[0] < last_default):
        _quadratic(entries, prefixes)
        return
    count = len(targets)
    alive = [True] * count
    following = list(range(1, count + 2))  # union-find "next alive position" pointers

    def next_alive(position: int) -> int:
        root = position
        while root < count and not alive[root]:
            root = following[root]
        while position != root:  # path compression
            following[position], position = root, following[position]
        return root

    by_key: dict[tuple[str, str], list[int]] = {}
    for position, index in enumerate(targets):
        entry = entries[index]
        by_key.setdefault((entry["title"], entry["text"]), []).append(position)
    for index, flag in enumerate(is_target):
        if flag:
            continue
        default = entries[index]
        skip = None
        for position in by_key.get((default["title"], default["text"]), ()):
            if not alive[position]:
                continue
            if position == skip:
                skip = None  # static-i18n's iterator steps over the entry after a removed one
                continue
            if locations[position].endswith(default["location"]):
                alive[position] = False
                following[position] = position + 1
                skip = next_alive(position + 1)
    removed = {targets[p] for p in range(count) if not alive[p]}
    entries[:] = [entry for i, entry in enumerate(entries) if i not in removed]


def _quadratic(entries: list[dict], prefixes: tuple[str, ...]) -> None:
    """static-i18n's algorithm as written (lazy filters over lists that shrink while iterated)."""
    defaults = filter(lambda x: not x["location"].startswith(prefixes), entries)
    targets = list(filter(lambda x: x["location"].startswith(prefixes), entries))
    for default in defaults:
        duplicated = filter(
            lambda x, d=default: (
                x["title"] == d["title"] and x["location"].endswith(d["location"]) and x["text"] == d["text"]
            ),
            targets,
        )
        for entry in duplicated:
            entries.remove(entry)
            targets.remove(entry)


def _static_i18n_original():  # type: ignore[no-untyped-def]
    from mkdocs_static_i18n.reconfigure import ExtendedPlugin

    method = ExtendedPlugin.reconfigure_search_duplicates
    return getattr(method, "_nmm_original", method)


# static-i18n's own method, kept for the tests and for versions we have not compared against.
ORIGINAL = _static_i18n_original()
VERIFIED_VERSION = "1.3.1"  # the pinned version whose algorithm remove_duplicates reproduces


def install() -> bool:
    """Make static-i18n use remove_duplicates (same result, linear time); False on another version."""
    from importlib.metadata import version

    from mkdocs_static_i18n.reconfigure import ExtendedPlugin

    if getattr(ExtendedPlugin.reconfigure_search_duplicates, "_nmm_original", None) is not None:
        return True
    if version("mkdocs-static-i18n") != VERIFIED_VERSION:
        return False

    def reconfigure_search_duplicates(self, search_index_entries):  # type: ignore[no-untyped-def]
        remove_duplicates(search_index_entries, self.build_languages)

    reconfigure_search_duplicates._nmm_original = ORIGINAL  # type: ignore[attr-defined]
    ExtendedPlugin.reconfigure_search_duplicates = reconfigure_search_duplicates  # type: ignore[method-assign]
    return True
