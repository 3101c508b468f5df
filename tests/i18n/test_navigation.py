"""Navigation order and section names per language (plain objects standing in for MkDocs' nav)."""

from __future__ import annotations

from dataclasses import dataclass, field

from nmm_site.i18n.navigation import reorder, title_key


@dataclass
class File:
    src_uri: str


@dataclass
class Page:
    file: File
    title: str = ""


@dataclass
class Section:
    title: str
    children: list = field(default_factory=list)


def page(src: str, title: str) -> Page:
    return Page(File(src), title)


TITLES = {
    "vi/peoples/index.md": "Các dân tộc",
    "vi/peoples/dao.md": "Người Dao",
    "vi/peoples/tay.md": "Người Tày",
    "vi/provinces/index.md": "Các tỉnh",
    "vi/provinces/dien-bien.md": "Điện Biên",
    "vi/provinces/cao-bang.md": "Cao Bằng",
    "vi/provinces/bac-kan.md": "Bắc Kạn",
    "vi/provinces/bac-giang.md": "Bắc Giang",
    "vi/provinces/ha-giang.md": "Hà Giang",
    "vi/provinces/hoa-binh.md": "Hòa Bình",
    "vi/index.md": "Trang chủ",
    "vi/region.md": "Vùng",
    "vi/about.md": "Giới thiệu",
}


def name_of(item: Page) -> str:
    return TITLES[item.file.src_uri]


def test_sections_take_their_index_title_and_sort_in_vietnamese_order() -> None:
    provinces = Section("Provinces", [page(s, "") for s in TITLES if s.startswith("vi/provinces/")])
    peoples = Section(
        "Peoples",
        [page("vi/peoples/tay.md", ""), page("vi/peoples/dao.md", ""), page("vi/peoples/index.md", "")],
    )
    top = [page("vi/about.md", ""), peoples, provinces, page("vi/region.md", ""), page("vi/index.md", "")]
    ordered = reorder(top, "vi", name_of, top=("index.md", "region.md", "provinces", "heritage", "peoples"))
    shown = [item.title if isinstance(item, Section) else name_of(item) for item in ordered]
    assert shown == ["Trang chủ", "Vùng", "Các tỉnh", "Các dân tộc", "Giới thiệu"]
    # Index first, then a ă â b c d đ … with tones after letters: Bắc Giang < Bắc Kạn, Cao < Điện < Hà < Hòa.
    assert [name_of(p) for p in provinces.children] == [
        "Các tỉnh",
        "Bắc Giang",
        "Bắc Kạn",
        "Cao Bằng",
        "Điện Biên",
        "Hà Giang",
        "Hòa Bình",
    ]
    assert [name_of(p) for p in peoples.children] == ["Các dân tộc", "Người Dao", "Người Tày"]


def test_leading_articles_do_not_decide_the_order() -> None:
    titles = ["The Thái", "The Dao", "Art of Xòe Thái", "Ba Bể Lake"]
    assert sorted(titles, key=lambda t: title_key(t, "en")) == [
        "Art of Xòe Thái",
        "Ba Bể Lake",
        "The Dao",
        "The Thái",
    ]
    french = ["Les Tày", "L’art du xòe", "Le chant xoan", "Géoparc de Lạng Sơn", "Les Dao"]
    assert sorted(french, key=lambda t: title_key(t, "fr")) == [
        "L’art du xòe",
        "Le chant xoan",
        "Les Dao",
        "Géoparc de Lạng Sơn",
        "Les Tày",
    ]
