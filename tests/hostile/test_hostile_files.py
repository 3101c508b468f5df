"""Hostile and odd files: each is processed correctly or refused with a Problem naming the file and the fix;
originals are never modified (hashed before and after)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
import yaml
from PIL import Image

from nmm_site import fast_yaml
from nmm_site.checks.run import check_content
from nmm_site.content.config import ContentConfig
from nmm_site.errors import Problem, ProblemsFound
from nmm_site.facts.loader import load_yaml
from nmm_site.images.config import ImageConfig
from nmm_site.images.pipeline import run
from nmm_site.images.sidecar import load_sidecar
from tests.hostile.conftest import digests

# Refused images: name → words of the message, words of the fix.
REFUSED = {
    "animated.gif": ("animated GIF (3 frames)", "export the frame you want"),
    "animated-webp.webp": ("animated WEBP (3 frames)", "export the frame you want"),
    "bomb.png": ("decompression bomb", "resize it to at most 6000 px"),
    "strip.png": ("1×20000 px", "crop it to at most 12:1"),
    "script.svg": ("<script>", "export a PNG"),
    "handler.svg": ("onclick", "export a PNG"),
    "external.svg": ("external reference", "export a PNG"),
    "foreign.svg": ("<foreignobject>", "export a PNG"),
}
PROCESSED = (
    "cmyk.jpg",
    "gray16.png",
    "gray16-tiff.tif",
    "palette-transparent.png",
    "phone.heic",
    "photo.jpg",
)


@pytest.fixture(scope="module")
def outcome(image_cfg: ImageConfig) -> tuple[dict[str, Problem], dict, dict[str, str], dict[str, str]]:
    before = digests(image_cfg.source_dir)
    with pytest.raises(ProblemsFound) as caught:
        run(image_cfg)
    after = digests(image_cfg.source_dir)
    problems = {p.path.name: p for p in caught.value.problems}
    manifest = json.loads((image_cfg.cache_dir / "manifest.json").read_text(encoding="utf-8"))["images"]
    return problems, manifest, before, after


def _variant(cfg: ImageConfig, entry: dict, fmt: str) -> Image.Image:
    name = max((v for v in entry["variants"] if v["format"] == fmt), key=lambda v: v["width"])["file"]
    im = Image.open(cfg.cache_dir / name)
    im.load()
    return im


def test_originals_are_never_modified(outcome) -> None:
    _, _, before, after = outcome
    assert before == after and len(before) == 2 * 14  # every image and its sidecar


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_with_the_file_and_the_fix(outcome, name: str) -> None:
    problems, manifest, _, _ = outcome
    message, fix = REFUSED[name]
    assert name in problems, f"{name} was not refused"
    assert message in problems[name].message and fix in problems[name].fix
    assert name not in manifest  # nothing of it is published


def test_only_the_refused_files_are_reported(outcome) -> None:
    problems, manifest, _, _ = outcome
    assert sorted(problems) == sorted(REFUSED)
    assert sorted(manifest) == sorted(PROCESSED)


def test_cmyk_becomes_srgb(outcome, image_cfg: ImageConfig) -> None:
    _, manifest, _, _ = outcome
    im = _variant(image_cfg, manifest["cmyk.jpg"], "jpeg")
    assert im.mode == "RGB" and "icc_profile" not in im.info
    r, g, b = im.getpixel((im.width // 2, im.height // 2))
    assert r > 200 and g < 80 and b < 80


@pytest.mark.parametrize("name", ["gray16.png", "gray16-tiff.tif"])
def test_16_bit_is_scaled_not_clipped(outcome, image_cfg: ImageConfig, name: str) -> None:
    _, manifest, _, _ = outcome
    im = _variant(image_cfg, manifest[name], "jpeg").convert("L")
    assert 100 < im.getpixel((im.width // 2, 10)) < 160 and im.getpixel((im.width - 1, 10)) > 240


def test_palette_transparency_is_kept(outcome, image_cfg: ImageConfig) -> None:
    _, manifest, _, _ = outcome
    entry = manifest["palette-transparent.png"]
    assert entry["alpha"] is True and {v["format"] for v in entry["variants"]} == {"avif", "webp", "png"}
    im = _variant(image_cfg, entry, "png")
    assert im.mode == "RGBA" and im.getpixel((0, 0))[3] == 0 and im.getpixel((100, 50))[3] == 255


def test_heic_from_a_phone_is_accepted(outcome, image_cfg: ImageConfig) -> None:
    _, manifest, _, _ = outcome
    entry = manifest["phone.heic"]
    assert (entry["width"], entry["height"]) == (240, 320)  # the phone's orientation, applied once
    assert {v["format"] for v in entry["variants"]} == {"avif", "webp", "jpeg"}
    im = _variant(image_cfg, entry, "jpeg")
    top, bottom = im.getpixel((120, 40)), im.getpixel((120, 280))
    assert top[0] > 170 and top[2] < 80 and bottom[2] > 170 and bottom[0] < 80
    assert not im.getexif() and "icc_profile" not in im.info  # no GPS or other metadata published


# Symbolic links ---------------------------------------------------------------------------------


def test_a_link_out_of_assets_images_is_refused_and_not_read(tmp_path: Path, image_cfg: ImageConfig) -> None:
    import dataclasses

    source = tmp_path / "assets" / "images"
    source.mkdir(parents=True)
    outside = tmp_path.parent / f"{tmp_path.name}-outside.jpg"
    shutil.copy(image_cfg.source_dir / "photo.jpg", outside)
    (source / "stolen.jpg").symlink_to(outside)
    shutil.copy(image_cfg.source_dir / "photo.yml", source / "stolen.yml")
    cfg = dataclasses.replace(image_cfg, source_dir=source, cache_dir=tmp_path / ".cache" / "images")
    with pytest.raises(ProblemsFound) as caught:
        run(cfg)
    (problem,) = caught.value.problems
    assert problem.path.name == "stolen.jpg" and "outside the project" in problem.message
    assert "cp --remove-destination" in problem.fix
    assert json.loads((cfg.cache_dir / "manifest.json").read_text())["images"] == {}


@pytest.fixture
def content_tree(tree: Path) -> Path:
    """The small trilingual content tree (passes every check), to add one bad file to."""
    assert _content_problems(tree) == []
    return tree


def _content_problems(root: Path) -> list[Problem]:
    """Every problem `nmm check-content` reports (the data loaders raise theirs: the CLI prints both)."""
    try:
        return list(check_content(ContentConfig.from_root(root)).problems)
    except ProblemsFound as found:
        return list(found.problems)


def test_a_link_out_of_docs_is_refused(content_tree: Path, tmp_path_factory) -> None:
    secret = tmp_path_factory.mktemp("elsewhere") / "notes.md"
    secret.write_text("---\ntype: page\n---\nprivate\n", encoding="utf-8")
    link = content_tree / "docs" / "vi" / "notes.md"
    link.symlink_to(secret)
    dangling = content_tree / "assets" / "logo.png"
    dangling.symlink_to(content_tree.parent / "missing.png")
    problems = {(p.path, p.message.split(",")[0]) for p in _content_problems(content_tree)}
    assert problems == {
        (link, f"a symbolic link to {secret.resolve()}"),
        (dangling, f"a symbolic link to {content_tree.parent / 'missing.png'}"),
    }


def test_a_link_inside_the_project_is_fine(content_tree: Path) -> None:
    (content_tree / "assets" / "karst-copy.jpg").symlink_to(Path("images") / "ha-giang-karst.jpg")
    assert _content_problems(content_tree) == []


# Markdown ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("junk", "message", "fix"),
    [
        (b"Ha\x00Giang\n", "NUL byte", "save it as UTF-8"),
        (b"caf\xe9 au lait\n", "not valid UTF-8", "save it with the UTF-8 encoding"),
        ("Hà Giang\n".encode("utf-16"), "not valid UTF-8", "save it with the UTF-8 encoding"),
        ("Ha Giang\n".encode("utf-16-le"), "NUL byte", "save it as UTF-8"),
    ],
)
def test_markdown_with_nul_or_invalid_utf8_is_refused(
    content_tree: Path, junk: bytes, message: str, fix: str
) -> None:
    page = content_tree / "docs" / "vi" / "provinces" / "dien-bien.md"
    page.write_bytes(page.read_bytes() + junk)
    before = page.read_bytes()
    problems = [p for p in _content_problems(content_tree) if p.path == page]
    assert problems and message in problems[0].message and fix in problems[0].fix
    assert problems[0].line is not None and problems[0].line > 1
    assert page.read_bytes() == before  # the check never rewrites a file it refuses


# YAML -------------------------------------------------------------------------------------------

ALIAS_BOMB = (
    "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
    "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
    "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
)


@pytest.mark.parametrize(
    ("text", "words", "line"),
    [
        ("title: Hà Giang\ntype: province\ntitle: Lào Cai\n", "written twice", 3),
        (ALIAS_BOMB, "aliases are not allowed", 1),
        ("base: &base {x: 1}\nother:\n  <<: *base\n", "aliases are not allowed", 1),
    ],
)
def test_fast_yaml_refuses_duplicates_and_aliases(text: str, words: str, line: int) -> None:
    with pytest.raises(yaml.MarkedYAMLError) as caught:
        fast_yaml.safe_load(text)
    assert words in caught.value.problem and caught.value.problem_mark.line + 1 == line


def test_data_file_alias_bomb_is_refused(content_tree: Path) -> None:
    data = content_tree / "data" / "provinces.yml"
    data.write_text(data.read_text(encoding="utf-8") + ALIAS_BOMB, encoding="utf-8")
    problems = [p for p in _content_problems(content_tree) if p.path == data]
    assert problems and "aliases are not allowed" in problems[0].message
    with pytest.raises(ProblemsFound) as caught:  # the facts loader (data/*.yml for {{ fact() }})
        load_yaml(data)
    assert "aliases are not allowed" in caught.value.problems[0].message


def test_data_file_duplicate_key_is_refused(content_tree: Path) -> None:
    data = content_tree / "data" / "provinces.yml"
    data.write_text(data.read_text(encoding="utf-8") + "ha-giang:\n  name: {vi: X}\n", encoding="utf-8")
    problems = [p for p in _content_problems(content_tree) if p.path == data]
    assert problems and problems[0].line == 5
    assert (
        "'ha-giang' is written twice" in problems[0].message
        or "duplicate key 'ha-giang'" in problems[0].message
    )


def test_front_matter_duplicate_key_is_refused(content_tree: Path) -> None:
    page = content_tree / "docs" / "vi" / "provinces" / "dien-bien.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("---\n", "---\ntype: page\n", 1), encoding="utf-8")
    problems = [p for p in _content_problems(content_tree) if p.path == page]
    assert problems and "`type` is written twice" in problems[0].message


def test_sidecar_alias_is_refused(tmp_path: Path) -> None:
    image = tmp_path / "karst.jpg"
    Image.new("RGB", (8, 8)).save(image)
    image.with_suffix(".yml").write_text("alt: &t {vi: a, en: a, fr: a}\ncaption: *t\n", encoding="utf-8")
    sidecar, problems = load_sidecar(image, ("vi", "en", "fr"))
    assert sidecar is None and "aliases are not allowed" in problems[0].message


def test_symlink_check_does_not_follow_links_to_folders(content_tree: Path, tmp_path_factory) -> None:
    outside = tmp_path_factory.mktemp("outside-folder")
    (outside / "big.md").write_text("x", encoding="utf-8")
    (content_tree / "docs" / "fr" / "extra").symlink_to(outside, target_is_directory=True)
    problems = [p for p in _content_problems(content_tree) if "symbolic link" in p.message]
    assert [p.path.name for p in problems] == ["extra"]
    assert os.path.islink(content_tree / "docs" / "fr" / "extra")


def test_the_build_hook_refuses_a_link_even_when_the_content_check_passed_before(content_tree: Path) -> None:
    """hooks/content.py checks links on every build: a new link changes no page (no fingerprint change)."""
    from types import SimpleNamespace

    from mkdocs.exceptions import PluginError

    from hooks import content as hook

    config = SimpleNamespace(config_file_path=str(content_tree / "mkdocs.yml"))
    hook.on_pre_build(config)  # passes, and is remembered as passed
    (content_tree / "assets" / "passwd.png").symlink_to("/etc/passwd")
    with pytest.raises(PluginError, match="symbolic link to /etc/passwd, outside the project"):
        hook.on_pre_build(config)
