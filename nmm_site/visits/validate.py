"""Every check of the visits data, reported as `Problem`s with the file and line to edit."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nmm_site.errors import Problem, ProblemsFound
from nmm_site.facts.loader import ID_RE, FactData, LineDict, LineList, close, is_fact
from nmm_site.visits import model

_BLOCK_NAMES = ", ".join(model.BLOCKS)


@dataclass
class _Checker:
    data: FactData
    languages: tuple[str, ...]
    docs_dir: Path | None  # docs/<lang>/<page>.md must exist for `page:`; None skips the check
    images_dir: Path | None  # assets/images/<image> must exist for `image:`; None skips the check
    problems: list[Problem] = field(default_factory=list)

    def add(self, path: Path, line: int | None, message: str, fix: str) -> None:
        self.problems.append(Problem(path, line, message, fix))

    # Whole family
    def run(self) -> list[Problem]:
        visits = model.entities(self.data)
        for eid, entity in visits.items():
            self.entity(eid, entity)
        self.complete_owners(visits)
        return self.problems

    def complete_owners(self, visits: dict[str, LineDict]) -> None:
        """Every owner of a complete type (every province as defined in 2024) has all four blocks."""
        files = [self.data.files[stem] for stem in self.data.stems(model.FAMILY)]
        where = files[0].name if len(files) == 1 else f"one of {', '.join(p.name for p in files)}"
        for page_type in sorted(model.COMPLETE_TYPES):
            dataset = model.OWNER_TYPES[page_type]
            for eid in self.data.ids(dataset):
                if eid in visits:
                    continue
                path = self.data.entity_file(dataset, eid)
                owner = self.data.entity(dataset, eid)
                stem = path.stem if path else dataset
                line = self.data.datasets[stem].key_lines.get(eid) if stem in self.data.datasets else None
                self.add(
                    path or Path(dataset),
                    line or getattr(owner, "line", None),
                    f"{page_type} '{eid}' has no visitor essentials",
                    f"add `{eid}:` with {_BLOCK_NAMES} to {where}",
                )

    # One entity
    def entity(self, eid: str, entity: LineDict) -> None:
        path = self.data.entity_file(model.FAMILY, eid) or Path("data")
        line = entity.line
        page_type = model.owner_type(self.data, eid)
        if page_type is None:
            candidates = [i for d in model.OWNER_TYPES.values() for i in self.data.ids(d)]
            self.add(
                path,
                self._key_line(eid) or line,
                f"visitor essentials for unknown id '{eid}'{close(eid, candidates)}",
                "use the id of a province (data/provinces.yml) or of a heritage entry (data/heritage*.yml)",
            )
        for key in entity:
            if key not in model.BLOCKS and key not in model.OTHER_ENTITY_KEYS:
                self.add(
                    path,
                    entity.key_lines[key],
                    f"'{eid}' has unknown block '{key}'{close(str(key), list(model.BLOCKS))}",
                    f"the blocks are {_BLOCK_NAMES} (and `history` for dated facts)",
                )
        for block in model.BLOCKS:
            items = entity.get(block)
            if block not in entity:
                if page_type in model.COMPLETE_TYPES:
                    self.add(
                        path,
                        line,
                        f"{page_type} '{eid}' has no '{block}' block",
                        f"add `{block}:` with at least one item under '{eid}'",
                    )
                continue
            block_line = entity.key_lines[block]
            if not isinstance(items, LineList) or not items:
                self.add(
                    path,
                    block_line,
                    f"'{eid}.{block}' must be a list of items",
                    f"write each item under `{block}:` as `- {model.REQUIRED_KEYS[block][0]}: …`",
                )
                continue
            seen: dict[str, int] = {}
            for index, (item, item_line) in enumerate(zip(items, items.item_lines, strict=True)):
                self.item(path, f"{eid}.{block}.{index}", block, item, item_line, seen)

    def _key_line(self, eid: str) -> int | None:
        for stem in self.data.stems(model.FAMILY):
            if eid in self.data.datasets[stem]:
                return self.data.datasets[stem].key_lines.get(eid)
        return None

    # One item of a block
    def item(self, path: Path, where: str, block: str, item: Any, line: int, seen: dict[str, int]) -> None:
        if not isinstance(item, LineDict):
            self.add(
                path,
                line,
                f"'{where}' must be a mapping of fields",
                f"start the item with `- {model.REQUIRED_KEYS[block][0]}: …` and indent its other fields",
            )
            return
        allowed = model.ITEM_KEYS[block]
        for key in item:
            if key not in allowed:
                self.add(
                    path,
                    item.key_lines[key],
                    f"'{where}' has unknown field '{key}'{close(str(key), sorted(allowed))}",
                    f"the fields of a {block} item are: {', '.join(sorted(allowed))}",
                )
        for key in model.REQUIRED_KEYS[block]:
            if item.get(key) in (None, ""):
                self.add(path, line, f"'{where}' has no '{key}'", f"add `{key}: …` to the item")
        for key in model.TEXT_KEYS[block]:
            if key in item:
                self.text(path, f"{where}.{key}", item[key], item.key_lines[key])
        source = item.get("source")
        if source is not None and source not in self.data.sources:
            self.add(
                path,
                item.key_lines["source"],
                f"'{where}' cites unknown source '{source}'{close(str(source), sorted(self.data.sources))}",
                "use an id defined in data/sources/*.yml, or add the source there",
            )
        getattr(self, f"_{block}")(path, where, item, line, seen)

    def text(self, path: Path, where: str, node: Any, line: int) -> None:
        if not isinstance(node, LineDict):
            self.add(
                path,
                line,
                f"'{where}' is not written in every language",
                f"write it as {{{', '.join(f'{lang}: …' for lang in self.languages)}}}",
            )
            return
        for lang in self.languages:
            value = node.get(lang)
            if not isinstance(value, str) or not value.strip():
                self.add(
                    path,
                    node.key_lines.get(lang, line),
                    f"'{where}' has no {lang} text",
                    f"add `{lang}: …` with the text in that language",
                )

    # Block-specific rules
    def _dont_miss(self, path: Path, where: str, item: LineDict, line: int, seen: dict[str, int]) -> None:
        pid = item.get("id")
        if pid is not None:
            id_line = item.key_lines["id"]
            if not isinstance(pid, str) or not ID_RE.match(pid):
                self.add(
                    path,
                    id_line,
                    f"'{where}' has id {pid!r}, not a lower-case ASCII id",
                    "use letters a-z, digits and hyphens, e.g. ma-pi-leng (the anchor is #dont-miss-<id>)",
                )
            elif pid in seen:
                self.add(
                    path,
                    id_line,
                    f"'{where}' repeats the place id '{pid}' (line {seen[pid]})",
                    "give each place of a page its own id",
                )
            else:
                seen[pid] = id_line
        featured = item.get("featured")
        if featured is not None and not isinstance(featured, bool):
            self.add(
                path,
                item.key_lines["featured"],
                f"'{where}' has featured: {featured!r}, not true/false",
                "write `featured: true` or remove the line",
            )
        page = item.get("page")
        if page is not None:
            self.page(path, where, page, item.key_lines["page"])
        image = item.get("image")
        if image is not None and self.images_dir is not None and not self._image_exists(image):
            self.add(
                path,
                item.key_lines["image"],
                f"'{where}' names image {image!r}, which is not in assets/images/",
                "write the file name of an image in assets/images/ (with its .yml sidecar)",
            )

    def _image_exists(self, image: Any) -> bool:
        assert self.images_dir is not None
        return isinstance(image, str) and "/" not in image and (self.images_dir / image).is_file()

    def page(self, path: Path, where: str, page: Any, line: int) -> None:
        if not isinstance(page, str) or page.endswith(".md") or page.startswith("/"):
            self.add(
                path,
                line,
                f"'{where}' has page {page!r}",
                "write the page's path inside a language folder, without .md, e.g. heritage/ba-be",
            )
            return
        if self.docs_dir is None:
            return
        missing = [lang for lang in self.languages if not (self.docs_dir / lang / f"{page}.md").is_file()]
        if len(missing) == len(self.languages):
            self.add(
                path,
                line,
                f"'{where}' links to page '{page}', which does not exist",
                f"use the path of a page under docs/{self.languages[0]}/ without .md, e.g. heritage/ba-be",
            )

    def _seasons(self, path: Path, where: str, item: LineDict, line: int, seen: dict[str, int]) -> None:
        months = item.get("months")
        if months is None:
            return
        month_line = item.key_lines["months"]
        if not isinstance(months, list) or not months:
            self.add(
                path,
                month_line,
                f"'{where}.months' must be a list of month numbers",
                "write the months as numbers from 1 to 12, e.g. months: [9, 10]",
            )
            return
        for month in months:
            if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
                self.add(
                    path,
                    month_line,
                    f"'{where}.months' has {month!r}, not a month from 1 to 12",
                    "write the months as numbers from 1 to 12, e.g. months: [9, 10]",
                )
        if len(set(map(repr, months))) != len(months):
            self.add(path, month_line, f"'{where}.months' repeats a month", "list each month once")

    def _getting_there(self, path: Path, where: str, item: LineDict, line: int, seen: dict[str, int]) -> None:
        mode = item.get("mode")
        if mode is not None and mode not in model.MODES:
            self.add(
                path,
                item.key_lines["mode"],
                f"'{where}' has mode {mode!r}{close(str(mode), list(model.MODES))}",
                f"use one of: {', '.join(model.MODES)}",
            )
        for key, unit in model.FACT_UNITS.items():
            fact = item.get(key)
            if fact is None:
                continue
            if not is_fact(fact) or isinstance(fact.get("value"), bool):
                self.add(
                    path,
                    item.key_lines[key],
                    f"'{where}.{key}' must be a fact with a number and a source",
                    f"write {{value: …, unit: {unit}, source: <id>}} (add approx: true for a typical figure)",
                )
                continue
            value = fact.get("value")
            if not isinstance(value, int | float) or value <= 0:
                self.add(
                    path,
                    item.key_lines[key],
                    f"'{where}.{key}' has value {value!r}, not a positive number",
                    f"write the number of {'kilometres' if unit == 'km' else 'hours'}, e.g. value: 7",
                )
            if fact.get("unit") != unit:
                self.add(
                    path,
                    fact.key_lines.get("unit", item.key_lines[key]),
                    f"'{where}.{key}' needs unit: {unit}",
                    f"add `unit: {unit}` to the fact",
                )

    def _respect(self, path: Path, where: str, item: LineDict, line: int, seen: dict[str, int]) -> None:
        return None


def check(
    data: FactData,
    languages: tuple[str, ...],
    docs_dir: Path | None = None,
    images_dir: Path | None = None,
) -> list[Problem]:
    """Every problem of the visits family in loaded data (nothing when the family does not exist)."""
    if not data.stems(model.FAMILY):
        return []
    found = _Checker(data, languages, docs_dir, images_dir).run()
    return sorted(found, key=lambda p: (str(p.path), p.line or 0, p.message))


def check_project(root: Path) -> list[Problem]:
    """Load the data of the project at `root` and check its visits family (for `nmm check-content`).

    A project without data/visits-*.yml has nothing to check. Problems the facts loader finds first
    (YAML syntax, unknown sources of facts, …) are returned as they are.
    """
    if not any((root / "data").glob(f"{model.FAMILY}*.yml")):
        return []
    try:
        data = model.load_data(root)
    except ProblemsFound as found:
        return list(found.problems)
    settings = model.facts_settings(root)
    return check(data, settings.languages, root / "docs", root / "assets" / "images")
