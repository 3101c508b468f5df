"""Front matter parsing: values, key lines, and bad YAML reported as a Problem (never a traceback)."""

from pathlib import Path

from nmm_site.content.frontmatter import parse

PAGE = Path("docs/vi/provinces/ha-giang.md")


def test_values_and_key_lines():
    text = (
        "---\ntype: province\nid: ha-giang\ntitle: Hà Giang\nsources:\n  - census-2019\n  - wiki\n"
        "translation:\n  source_hash: abc\n---\nBody\n"
    )
    parsed = parse(PAGE, text)
    front = parsed.front_matter
    assert parsed.problems == ()
    assert front.data["title"] == "Hà Giang"
    assert front.line("title") == 4
    assert front.line("sources", 1) == 7
    assert front.line("translation", "source_hash") == 9
    assert front.line("hero") == 1  # absent: the opening fence
    assert front.body == "Body\n"
    assert front.body_line == 11


def test_bad_yaml_names_the_line_and_the_fix():
    text = "---\ntype: province\ntitle: Điện Biên Phủ: chiến thắng\n---\n"
    parsed = parse(PAGE, text)
    assert parsed.front_matter is None
    [problem] = parsed.problems
    assert problem.line == 3
    assert problem.message == "the front matter is not valid YAML (mapping values are not allowed here)"
    assert 'title: "Hà Giang: the stone plateau"' in problem.fix


def test_tab_indentation_is_reported_not_raised():
    [problem] = parse(PAGE, "---\ntranslation:\n\tsource_hash: x\n---\n").problems
    assert problem.line == 3
    assert problem.message.startswith("the front matter is not valid YAML")


def test_missing_unclosed_duplicate_and_bom():
    [missing] = parse(PAGE, "# Hà Giang\n").problems
    assert missing.message == "the page has no front matter (it must start with a `---` line)"
    [unclosed] = parse(PAGE, "---\ntitle: Hà Giang\n").problems
    assert (unclosed.line, unclosed.message) == (1, "the front matter opened on this line is never closed")
    duplicate = parse(PAGE, "---\ntitle: A\nid: a\ntitle: B\n---\n")
    [twice] = duplicate.problems
    assert (twice.line, twice.message) == (4, "the field `title` is written twice")
    [bom] = parse(PAGE, "\ufeff---\ntitle: A\n---\n").problems
    assert bom.message == "the file starts with an invisible byte-order mark (BOM)"


def test_front_matter_must_be_a_mapping():
    [problem] = parse(PAGE, "---\n- a\n- b\n---\n").problems
    assert problem.message == "the front matter must be a list of `field: value` lines"
