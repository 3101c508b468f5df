"""Markdown images → `<picture>` markup, page-relative URLs, credits and metadata (parsed, not grepped)."""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from nmm_site.images.config import ImageConfig
from nmm_site.images.library import ImageLibrary, credits_html, relative_url
from nmm_site.images.markdown import body_line_offset, rewrite_markdown
from nmm_site.images.pipeline import run


class _Tree(HTMLParser):
    """Collects (tag, attrs, depth-path) so tests can check nesting."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.elements: list[tuple[str, dict[str, str | None], tuple[str, ...]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs), tuple(self.stack)))
        if tag not in ("img", "source"):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, (self.stack, tag)
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> _Tree:
    tree = _Tree()
    tree.feed(html)
    tree.close()
    assert tree.stack == []
    return tree


@pytest.fixture
def library(cfg: ImageConfig, add_image: Callable[..., Path], textured) -> ImageLibrary:
    add_image("ha-giang.jpg", textured(800, 400), format="JPEG")
    add_image("icon.png", textured(100, 100), format="PNG")
    return ImageLibrary.from_run(run(cfg), cfg)


def _page(cfg: ImageConfig) -> Path:
    return cfg.source_dir.parent.parent / "docs" / "vi" / "heritage" / "ba-be.md"


@pytest.mark.parametrize(
    ("page_url", "prefix"),
    [("heritage/ba-be/", "../../"), ("en/heritage/ba-be/", "../../../"), ("", ""), ("fr/", "../")],
)
def test_picture_markup_for_a_page(
    cfg: ImageConfig, library: ImageLibrary, page_url: str, prefix: str
) -> None:
    markdown = "# Ba Bể\n\nHồ Ba Bể.\n\n![](../../../assets/images/ha-giang.jpg)\n\nVăn bản.\n"
    out = rewrite_markdown(
        markdown,
        page_path=_page(cfg),
        root=cfg.source_dir.parent.parent,
        library=library,
        lang="fr",
        page_url=page_url,
    )
    assert out.problems == [] and out.used == ["ha-giang.jpg"]
    assert "\n\n<figure" in out.markdown and "</figure>\n\n" in out.markdown
    tree = parse(out.markdown)
    tags = [(tag, path) for tag, _, path in tree.elements]
    assert ("figure", ("h1",)) not in tags
    sources = [a for t, a, _ in tree.elements if t == "source"]
    assert [s["type"] for s in sources] == ["image/avif", "image/webp"]
    [img] = [(a, p) for t, a, p in tree.elements if t == "img"]
    attrs, path = img
    assert path == ("figure", "picture")
    key = library.entries["ha-giang.jpg"]["key"][:8]
    assert attrs["src"] == f"{prefix}assets/img/ha-giang-{key}-640.jpg"
    assert attrs["srcset"] == ", ".join(
        f"{prefix}assets/img/ha-giang-{key}-{w}.jpg {w}w" for w in (160, 320, 640)
    )
    assert sources[0]["srcset"].split(", ")[0] == f"{prefix}assets/img/ha-giang-{key}-160.avif 160w"
    assert attrs["sizes"] == cfg.sizes
    assert (attrs["width"], attrs["height"]) == ("640", "320")
    assert attrs["alt"] == "Rizières en terrasses de Hoàng Su Phì à la récolte"
    # The first large image of a page without a hero is the one the browser should fetch first.
    assert attrs["loading"] == "eager" and attrs["fetchpriority"] == "high" and "decoding" not in attrs
    text = " ".join("".join(tree.text).split())
    assert "Rizières en terrasses à Hà Giang" in text and "Image: Nguyễn Văn Điện" in text
    [licence] = [a for t, a, _ in tree.elements if t == "a"]
    assert licence == {"href": "https://creativecommons.org/licenses/by-sa/4.0/", "rel": "license"}


def test_second_image_and_small_images_are_lazy(cfg: ImageConfig, library: ImageLibrary) -> None:
    markdown = "\n\n".join(
        f"![{alt}](/assets/images/{n})"
        for alt, n in [("", "icon.png"), ("", "ha-giang.jpg"), ("x", "ha-giang.jpg")]
    )
    out = rewrite_markdown(
        markdown,
        page_path=_page(cfg),
        root=cfg.source_dir.parent.parent,
        library=library,
        lang="vi",
        page_url="heritage/ba-be/",
    )
    imgs = [a for t, a, _ in parse(out.markdown).elements if t == "img"]
    assert [(i["loading"], i.get("decoding")) for i in imgs] == [
        ("lazy", "async"),
        ("eager", None),
        ("lazy", "async"),
    ]
    assert out.used == ["icon.png", "ha-giang.jpg"]
    assert imgs[0]["alt"] == "Ruộng bậc thang Hoàng Su Phì mùa lúa chín"


def test_no_eager_image_when_the_page_has_a_hero(cfg: ImageConfig, library: ImageLibrary) -> None:
    out = rewrite_markdown(
        "![](/assets/images/ha-giang.jpg)\n",
        page_path=_page(cfg),
        root=cfg.source_dir.parent.parent,
        library=library,
        lang="vi",
        page_url="",
        eager_first=False,
    )
    [img] = [a for t, a, _ in parse(out.markdown).elements if t == "img"]
    assert img["loading"] == "lazy"


def test_inline_and_fenced_images(cfg: ImageConfig, library: ImageLibrary) -> None:
    markdown = "Xem ![](/assets/images/icon.png) nhé.\n\n```md\n![](/assets/images/missing.jpg)\n```\n"
    out = rewrite_markdown(
        markdown,
        page_path=_page(cfg),
        root=cfg.source_dir.parent.parent,
        library=library,
        lang="en",
        page_url="en/",
    )
    assert out.problems == []
    first = out.markdown.split("\n")[0]
    assert first.startswith("Xem <picture>") and first.endswith("</picture> nhé.") and "<figure" not in first
    assert "```md\n![](/assets/images/missing.jpg)\n```" in out.markdown


def test_missing_image_and_wrong_relative_path_name_page_and_line(
    cfg: ImageConfig, library: ImageLibrary
) -> None:
    source = (
        "---\ntitle: Ba Bể\n---\n# Ba Bể\n\n"
        "![](../../../assets/images/ha-giang.jpeg)\n\n![](../../assets/images/ha-giang.jpg)\n"
    )
    offset = body_line_offset(source)
    assert offset == 3
    out = rewrite_markdown(
        source.split("---\n", 2)[2],
        page_path=_page(cfg),
        root=cfg.source_dir.parent.parent,
        library=library,
        lang="vi",
        page_url="heritage/ba-be/",
        line_offset=offset,
    )
    assert [(p.path, p.line) for p in out.problems] == [(_page(cfg), 6), (_page(cfg), 8)]
    missing, wrong = out.problems
    assert (
        missing.message
        == "image '../../../assets/images/ha-giang.jpeg' does not exist (no assets/images/ha-giang.jpeg)"
    )
    assert missing.fix.startswith("did you mean ha-giang.jpg? ")
    assert wrong.message.startswith(
        "image path '../../assets/images/ha-giang.jpg' does not lead to assets/images/"
    )
    assert wrong.fix.startswith("write ![](../../../assets/images/ha-giang.jpg)")


def test_other_images_are_left_to_mkdocs(cfg: ImageConfig, library: ImageLibrary) -> None:
    markdown = "![](img/so-do.png)\n"
    out = rewrite_markdown(
        markdown,
        page_path=_page(cfg),
        root=cfg.source_dir.parent.parent,
        library=library,
        lang="vi",
        page_url="",
    )
    assert out.markdown == markdown and out.problems == []


def test_meta_credits_and_relative_urls(library: ImageLibrary) -> None:
    meta = library.meta("ha-giang.jpg", "en")
    key = library.entries["ha-giang.jpg"]["key"][:8]
    assert meta["alt"] == "Rice terraces of Hoàng Su Phì at harvest time"
    assert meta["licence_url"] == "https://creativecommons.org/licenses/by-sa/4.0/"
    assert meta["credit"] == "Image: Nguyễn Văn Điện (CC BY-SA 4.0)"
    assert meta["content_url"] == f"assets/img/ha-giang-{key}-640.jpg"
    assert meta["og_image"] == {"url": meta["content_url"], "width": 640, "height": 320, "type": "image/jpeg"}
    assert len(meta["variants"]) == 9

    html = credits_html([meta, library.meta("icon.png", "en"), meta], "vi")
    tree = parse(html)
    assert [t for t, _, _ in tree.elements].count("li") == 2
    assert "Nguồn ảnh" in tree.text
    assert credits_html([], "fr") == ""

    assert relative_url("assets/img/x.jpg", "fr/provinces/ha-giang/") == "../../../assets/img/x.jpg"
    assert relative_url("assets/img/x.jpg", "provinces/ha-giang.html") == "../assets/img/x.jpg"
    hero = library.picture(
        "ha-giang.jpg", "vi", "provinces/ha-giang/", eager=True, css_class="nmm-figure nmm-hero"
    )
    [figure] = [a for t, a, _ in parse(hero).elements if t == "figure"]
    assert figure["class"] == "nmm-figure nmm-hero"
