"""The page-type schemas and the plain-words messages made from their errors."""

import json
from pathlib import Path

import jsonschema
import pytest

from nmm_site.content.frontmatter import parse
from nmm_site.content.schema import SCHEMAS_DIR, page_types, validate

PAGE = Path("docs/vi/provinces/ha-giang.md")
GOOD = {
    "type": "province",
    "id": "ha-giang",
    "title": "Hà Giang",
    "description": "Hà Giang, tỉnh cực bắc của Việt Nam, với cao nguyên đá Đồng Văn và những ruộng "
    "bậc thang.",
    "sources": ["census-2019"],
}


def problems_for(lines: str):
    parsed = parse(PAGE, f"---\n{lines}---\n")
    assert parsed.problems == ()
    return validate(PAGE, parsed.front_matter)


def front(**changes) -> str:
    data = {**GOOD, **changes}
    return "".join(
        f"{key}: {json.dumps(value, ensure_ascii=False)}\n"
        for key, value in data.items()
        if value is not None
    )


def test_page_types_come_from_the_schema_files():
    assert page_types() == ("heritage", "home", "page", "people", "province", "region")


@pytest.mark.parametrize("path", sorted(SCHEMAS_DIR.glob("page-*.schema.json")), ids=lambda p: p.name)
def test_schemas_are_valid_and_documented(path):
    schema = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == path.name
    assert schema["title"] and schema["description"]


def test_valid_front_matter_has_no_problem():
    assert problems_for(front()) == []


def test_description_length_message():
    [problem] = problems_for(front(description="x" * 212))
    assert problem.line == 5
    assert problem.message == (
        "description is 212 characters; keep it between 50 and 160 so search results "
        "and share cards show it whole"
    )
    assert problem.fix == "rewrite the description to between 50 and 160 characters"


def test_missing_field_and_unknown_field():
    [problem] = problems_for(front(sources=None))
    assert problem.message == "the required field `sources` is missing"
    assert problem.fix.startswith("add a line `sources: …` to the front matter.")
    [typo] = problems_for(front() + "titel: Hà Giang\n")
    assert (typo.line, typo.message) == (7, "`titel` is not a field of a province page")
    assert typo.fix.startswith("did you mean `title`?")


def test_id_pattern_type_and_empty_sources():
    [bad_id] = problems_for(front(id="Hà Giang"))
    assert (bad_id.line, bad_id.message) == (3, "id `Hà Giang` is not valid")
    assert bad_id.fix == "write lower-case ASCII letters, digits and single hyphens, e.g. `ha-giang`"
    [as_text] = problems_for(front(sources="census-2019"))
    assert as_text.message == "sources must be a list, e.g. `[a, b]`"
    [empty] = problems_for(front(sources=[]))
    assert empty.message == "sources is empty"


def test_unknown_type_and_bad_hash():
    [problem] = problems_for(front(type="provence"))
    assert problem.message == "type `provence` is not a page type"
    assert problem.fix.startswith("did you mean `province`?")
    [bad_hash] = problems_for(front() + "translation:\n  source_hash: abc\n")
    assert (bad_hash.line, bad_hash.message) == (8, "translation.source_hash `abc` is not valid")
    [number] = problems_for(front() + "translation:\n  source_hash: 12\n")
    assert number.message == "translation.source_hash must be text (put dates and numbers in double quotes)"


def test_plain_pages_accept_material_keys():
    lines = front(type="page", sources=None) + "hide: [navigation, toc]\nsearch:\n  exclude: true\n"
    assert problems_for(lines) == []
    [bad] = problems_for(front(type="page", sources=None) + "hide: [sidebar]\n")
    assert bad.message == "hide.0 `sidebar` is not allowed"
