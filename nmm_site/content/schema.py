"""Front matter validation against schemas/page-<type>.schema.json, with messages an editor can act on."""

from __future__ import annotations

import difflib
import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nmm_site.content.config import SCHEMAS_DIR
from nmm_site.content.frontmatter import FrontMatter
from nmm_site.errors import Problem

# jsonschema is imported where a page is validated: listing the page types (every build) does not need it.
if TYPE_CHECKING:
    import jsonschema
    from referencing import Registry

_COMMON = "common"  # page-common.schema.json holds shared definitions, not a page type

_PLAIN_TYPES = {
    "string": "text",
    "array": "a list, e.g. `[a, b]`",
    "object": "a group of indented `field: value` lines",
    "boolean": "`true` or `false`",
    "number": "a number",
    "integer": "a whole number",
}


@dataclass(frozen=True)
class Schemas:
    """The page-type schemas, loaded once; the page types are the schema file names."""

    by_type: dict[str, dict[str, Any]]
    registry: Registry

    @property
    def types(self) -> tuple[str, ...]:
        return tuple(sorted(self.by_type))

    def field_schema(self, page_type: str, name: str) -> dict[str, Any]:
        """The (dereferenced) schema of a top-level field, {} when unknown."""
        prop = self.by_type[page_type].get("properties", {}).get(name, {})
        if "$ref" in prop:
            resolved = self.registry.resolver().lookup(prop["$ref"]).contents
            prop = {**resolved, **{k: v for k, v in prop.items() if k != "$ref"}}
        return prop


@functools.cache
def load_schemas(schemas_dir: Path = SCHEMAS_DIR) -> Schemas:
    """Read every schemas/page-*.schema.json."""
    import jsonschema
    from referencing import Registry, Resource

    by_type: dict[str, dict[str, Any]] = {}
    resources = []
    for path in sorted(schemas_dir.glob("page-*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        resources.append((schema["$id"], Resource.from_contents(schema)))
        name = path.name.removeprefix("page-").removesuffix(".schema.json")
        if name != _COMMON:
            by_type[name] = schema
    return Schemas(by_type=by_type, registry=Registry().with_resources(resources))


@functools.cache
def page_types(schemas_dir: Path = SCHEMAS_DIR) -> tuple[str, ...]:
    """The page types, one per schema file (home, region, province, heritage, people, page).

    From the file names alone: every page of every build asks, and reading the schemas needs jsonschema."""
    names = (
        path.name.removeprefix("page-").removesuffix(".schema.json")
        for path in schemas_dir.glob("page-*.schema.json")
    )
    return tuple(sorted(name for name in names if name != _COMMON))


def _chars(n: int) -> str:
    return f"{n} character{'s' if n != 1 else ''}"


def _problem_for(
    error: jsonschema.ValidationError, front: FrontMatter, path: Path, page_type: str, schemas: Schemas
) -> Problem:
    where = tuple(error.absolute_path)
    name = ".".join(str(part) for part in where) or "front matter"
    rule = error.schema.get("x-rule", "") if isinstance(error.schema, dict) else ""
    why = error.schema.get("x-why", "") if isinstance(error.schema, dict) else ""
    line = front.line(*where)
    kind = error.validator
    value = error.instance

    if kind == "required":
        missing = next(key for key in error.validator_value if key not in (value or {}))
        about = schemas.field_schema(page_type, missing).get("description", "")
        return Problem(
            path,
            line,
            f"the required field `{missing}` is missing",
            f"add a line `{missing}: …` to the front matter. {about}".strip(),
        )
    if kind == "additionalProperties":
        known = list(error.schema.get("properties", {}))
        extra = sorted(key for key in value if key not in known)[0]
        line = front.line(*where, extra)
        close = difflib.get_close_matches(extra, known, n=1)
        hint = f"did you mean `{close[0]}`? " if close else ""
        scope = f"a {page_type} page" if not where else f"`{name}`"
        return Problem(
            path,
            line,
            f"`{extra}` is not a field of {scope}",
            f"{hint}Correct or delete the line; the fields are: {', '.join(known)}",
        )
    if kind in ("minLength", "maxLength"):
        low, high = error.schema.get("minLength", 0), error.schema.get("maxLength")
        because = f" {why}" if why else ""
        if not value.strip():
            return Problem(path, line, f"{name} is empty", f"write the {name}")
        span = f"between {low} and {high}" if high is not None else f"at least {low}"
        return Problem(
            path,
            line,
            f"{name} is {_chars(len(value))}; keep it {span}{because}",
            f"rewrite the {name} to {span} characters",
        )
    if kind == "pattern":
        return Problem(
            path,
            line,
            f"{name} `{value}` is not valid",
            f"write {rule or 'a value matching ' + error.validator_value}",
        )
    if kind == "const":
        return Problem(
            path,
            line,
            f"{name} must be `{error.validator_value}`",
            f"write `{name}: {error.validator_value}`",
        )
    if kind == "enum":
        options = ", ".join(f"`{option}`" for option in error.validator_value)
        return Problem(path, line, f"{name} `{value}` is not allowed", f"use one of: {options}")
    if kind == "type":
        expected = error.validator_value
        plain = _PLAIN_TYPES.get(expected, expected) if isinstance(expected, str) else expected
        hint = " (put dates and numbers in double quotes)" if expected == "string" else ""
        return Problem(path, line, f"{name} must be {plain}{hint}", f"rewrite the `{name}` line as {plain}")
    if kind == "minItems":
        return Problem(
            path,
            line,
            f"{name} is empty",
            f"list at least {error.validator_value} id(s), e.g. `{name}: [census-2019]`",
        )
    if kind == "uniqueItems":
        return Problem(path, line, f"{name} lists the same entry twice", "delete the repeated entry")
    return Problem(path, line, f"{name}: {error.message}", "correct the value (see EDITORS.md)")


def validate(path: Path, front: FrontMatter, schemas_dir: Path = SCHEMAS_DIR) -> list[Problem]:
    """Validate one page's front matter against the schema of its `type`."""
    schemas = load_schemas(schemas_dir)
    page_type = front.data.get("type")
    if page_type is None:
        return [
            Problem(
                path,
                front.open_line,
                "the required field `type` is missing",
                f"add a line `type: …` with one of: {', '.join(schemas.types)}",
            )
        ]
    if page_type not in schemas.by_type:
        close = difflib.get_close_matches(str(page_type), schemas.types, n=1)
        hint = f"did you mean `{close[0]}`? " if close else ""
        return [
            Problem(
                path,
                front.line("type"),
                f"type `{page_type}` is not a page type",
                f"{hint}Use one of: {', '.join(schemas.types)}",
            )
        ]
    import jsonschema

    validator = jsonschema.Draft202012Validator(schemas.by_type[page_type], registry=schemas.registry)
    errors = sorted(
        validator.iter_errors(front.data), key=lambda e: (list(map(str, e.absolute_path)), e.validator)
    )
    return [_problem_for(error, front, path, page_type, schemas) for error in errors]
