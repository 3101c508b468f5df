"""Read and validate image sidecars (alt text, caption, rights, consent) against the JSON Schema."""

from __future__ import annotations

import copy
import datetime as dt
import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from nmm_site import fast_yaml
from nmm_site.errors import Problem
from nmm_site.site_config import ROOT
from nmm_site.stamps import PassStamps, code_digest

# jsonschema is imported where a sidecar is validated: a build whose sidecars passed before skips it.
if TYPE_CHECKING:
    import jsonschema

SCHEMA_PATH = ROOT / "schemas" / "image-sidecar.schema.json"
SCHEMA_HINT = "schemas/image-sidecar.schema.json"
LOCALISED = ("alt", "caption")
_WHAT = {"alt": "alt text", "caption": "caption"}

_CC_SPDX = re.compile(r"^CC-(BY(?:-NC)?(?:-SA|-ND)?)-(\d\.\d)(?:-([A-Z]{2,3}))?$")
_CC_URI = re.compile(r"^https?://creativecommons\.org/licenses/([a-z-]+)/(\d\.\d)(?:/|$)")
_CC0_URI = re.compile(r"^https?://creativecommons\.org/publicdomain/(zero|mark)/1\.0(?:/|$)")
_RS_URI = re.compile(r"^https?://rightsstatements\.org/vocab/([A-Za-z-]+)/1\.0/?$")


@dataclass(frozen=True)
class Sidecar:
    path: Path
    alt: dict[str, str]
    caption: dict[str, str]
    creator: str
    licence: str  # as written: SPDX id or URI
    source: str
    date: str
    place: str | dict[str, str]  # one text, or one per language
    people: str
    explicit_licence_url: str | None = None

    @property
    def licence_url(self) -> str:
        return self.explicit_licence_url or licence_url(self.licence)

    def place_in(self, lang: str) -> str:
        return self.place if isinstance(self.place, str) else self.place[lang]

    @property
    def licence_label(self) -> str:
        return licence_label(self.licence)


def licence_url(licence: str) -> str:
    """A URL for the licence: the Creative Commons deed, the RightsStatements.org page or SPDX."""
    if licence.startswith(("http://", "https://")):
        return "https://" + licence.split("://", 1)[1].rstrip("/") + "/"
    if licence == "CC0-1.0":
        return "https://creativecommons.org/publicdomain/zero/1.0/"
    if licence == "PDM-1.0":
        return "https://creativecommons.org/publicdomain/mark/1.0/"
    if m := _CC_SPDX.match(licence):
        kind, version, port = m.groups()
        tail = f"{port.lower()}/" if port else ""
        return f"https://creativecommons.org/licenses/{kind.lower()}/{version}/{tail}"
    return f"https://spdx.org/licenses/{licence}.html"


def licence_label(licence: str) -> str:
    """Short human label: "CC BY-SA 4.0", "CC0 1.0", "InC-EDU"."""
    if m := _CC_SPDX.match(licence):
        kind, version, port = m.groups()
        return f"CC {kind} {version}" + (f" {port}" if port else "")
    if licence == "CC0-1.0":
        return "CC0 1.0"
    if m := _CC_URI.match(licence):
        return f"CC {m.group(1).upper()} {m.group(2)}"
    if m := _CC0_URI.match(licence):
        return "CC0 1.0" if m.group(1) == "zero" else "Public Domain Mark 1.0"
    if m := _RS_URI.match(licence):
        return m.group(1)
    return licence


@functools.cache
def _schema(languages: tuple[str, ...]) -> dict[str, Any]:
    # The language list is defined once (mkdocs.yml): the schema file's list is patched to match it.
    schema = copy.deepcopy(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    localised = schema["$defs"]["localised"]
    localised["required"] = list(languages)
    localised["properties"] = {lang: {"type": "string", "minLength": 1} for lang in languages}
    return schema


def _line_of(node: yaml.Node | None, path: list[str | int]) -> int | None:
    """1-based line of the value at `path` (or of its deepest existing parent key)."""
    line = node.start_mark.line + 1 if node is not None else None
    for key in path:
        if not isinstance(node, yaml.MappingNode):
            break
        for k, v in node.value:
            if k.value == key:
                line, node = k.start_mark.line + 1, v
                break
        else:
            break
    return line


def _message(error: jsonschema.ValidationError) -> tuple[str, str, list[str | int]]:
    """(message, fix, path) in an editor's words for one schema error."""
    path = list(error.absolute_path)
    dotted = ".".join(str(p) for p in path)
    if error.validator == "required":
        missing = re.search(r"'([^']+)' is a required property", error.message)
        key = missing.group(1) if missing else "?"
        if path and path[0] in LOCALISED:
            return (
                f"{_WHAT[str(path[0])]} missing in `{key}`",
                f"add `{key}: …` under `{path[0]}:`",
                path,
            )
        if key in LOCALISED:
            return (f"{_WHAT[key]} missing", f"add `{key}:` with one text per language", path)
        if key == "licence":
            return (
                "licence missing",
                "add `licence:` with an SPDX id (CC-BY-SA-4.0, CC0-1.0) or a Creative Commons / "
                "RightsStatements.org URI; without a licence the image cannot be published",
                path,
            )
        return (f"`{key}` missing", f"add `{key}:` ({SCHEMA_HINT})", path)
    if error.validator == "minLength":
        if path and path[0] in LOCALISED:
            return (f"{_WHAT[str(path[0])]} empty in `{path[-1]}`", f"write the text for `{dotted}`", path)
        return (f"`{dotted}` is empty", f"fill in `{dotted}`", path)
    if error.validator == "additionalProperties":
        extra = re.findall(r"'([^']+)'", error.message.split("(")[-1])
        return (
            f"unknown field(s) {', '.join(f'`{e}`' for e in extra)}" + (f" in `{dotted}`" if dotted else ""),
            f"remove or rename them (allowed fields: {SCHEMA_HINT})",
            path + extra[:1],
        )
    if error.validator == "enum" and dotted == "people":
        return (
            f"`people: {error.instance}` is not one of none, consented, not-consented",
            "write `people: none` (no identifiable person) or `people: consented`",
            path,
        )
    if dotted == "licence":
        return (
            f"licence {error.instance!r} is neither an SPDX id nor a Creative Commons / "
            "RightsStatements.org URI",
            "write e.g. `licence: CC-BY-SA-4.0` or `licence: https://rightsstatements.org/vocab/InC/1.0/`",
            path,
        )
    if dotted == "place":
        return (
            "`place` must be one text or one text per language",
            "write e.g. `place: Đồng Văn, Hà Giang`",
            path,
        )
    if dotted == "date":
        return (
            f"date {error.instance!r} is not YYYY, YYYY-MM or YYYY-MM-DD",
            "write e.g. `date: 2019-10-12` or `date: 2019`",
            path,
        )
    return (f"`{dotted or 'sidecar'}`: {error.message}", f"see {SCHEMA_HINT}", path)


def _plain(value: Any) -> Any:
    # YAML turns 2019-10-12 into a date and 2019 into an int: the schema speaks strings.
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def _check_key(text: str, languages: tuple[str, ...]) -> str:
    """What the schema check of one sidecar depends on: its text, the schema, the languages, this code."""
    code = code_digest(Path(__file__))
    return PassStamps.key([text, SCHEMA_PATH.read_text(encoding="utf-8"), *languages, code])


def sidecar_path(image: Path) -> Path:
    return image.with_suffix(".yml")


def load_sidecar(
    image: Path, languages: tuple[str, ...], passed: PassStamps | None = None
) -> tuple[Sidecar | None, list[Problem]]:
    """Read the sidecar of `image`; every problem names the sidecar (or the image) and the fix.

    With `passed`, a sidecar whose exact text passed the schema before (same schema, languages and
    code) is not validated again."""
    path = sidecar_path(image)
    stub = "\n".join(
        ["alt:", *(f"  {lang}: …" for lang in languages), "caption:", *(f"  {lang}: …" for lang in languages)]
        + ["creator: …", "licence: CC-BY-SA-4.0", "source: https://…", "date: 2024-05-01", "place: …"]
        + ["people: none"]
    )
    if not path.is_file():
        return None, [
            Problem(
                image,
                None,
                f"no sidecar: {path.name} is missing, so the image has no alt text, credit or licence",
                f"create {path.name} beside it ({SCHEMA_HINT}):\n"
                + "\n".join(f"      {s}" for s in stub.split("\n")),
            )
        ]
    text = path.read_text(encoding="utf-8")
    try:
        node = fast_yaml.compose(text)
        data = fast_yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return None, [
            Problem(
                path,
                mark.line + 1 if mark else None,
                f"not valid YAML: {getattr(exc, 'problem', exc)}",
                "fix the indentation or quoting (text containing ': ' needs quotes)",
            )
        ]
    if not isinstance(data, dict):
        return None, [Problem(path, 1, "the sidecar must be a mapping of fields", f"start from:\n{stub}")]
    data = _plain(data)
    problems = []
    key = _check_key(text, languages)
    if passed is None or not passed.passed(key):
        import jsonschema

        validator = jsonschema.Draft202012Validator(_schema(languages))
        for error in sorted(validator.iter_errors(data), key=lambda e: (list(e.absolute_path), e.message)):
            message, fix, where = _message(error)
            problems.append(Problem(path, _line_of(node, where), message, fix))
        if passed is not None and not problems:
            passed.record(key)
    if data.get("people") == "not-consented":
        problems.append(
            Problem(
                path,
                _line_of(node, ["people"]),
                "identifiable people did not consent (`people: not-consented`): "
                "the image cannot be published",
                "remove the image and its uses, or obtain consent and write `people: consented`",
            )
        )
    if problems:
        return None, problems
    return Sidecar(
        path=path,
        alt={lang: data["alt"][lang].strip() for lang in languages},
        caption={lang: data["caption"][lang].strip() for lang in languages},
        creator=data["creator"].strip(),
        licence=data["licence"].strip(),
        source=data["source"].strip(),
        date=data["date"],
        place=data["place"].strip() if isinstance(data["place"], str) else dict(data["place"]),
        people=data["people"],
        explicit_licence_url=data.get("licence_url"),
    ), []
