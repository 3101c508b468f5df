"""A small project for the cards: three provinces, two current provinces, pages in vi and en."""

from __future__ import annotations

from pathlib import Path

import pytest

from nmm_site.cards.data import Project
from nmm_site.facts.loader import FactData


def page(root: Path, lang: str, rel: str, **front: str) -> None:
    path = root / "docs" / lang / f"{rel}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["---", *(f"{k}: {v}" for k, v in front.items()), "---", "", "Text."]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def place(pid: str, name: str, featured: bool = True, **extra) -> dict:
    return {
        "id": pid,
        "name": {"vi": name, "en": name},
        "why": {"vi": f"Vì {name}", "en": f"Because of {name}"},
        "source": "s",
        **({"featured": True} if featured else {}),
        **extra,
    }


def name(text: str) -> dict:
    return {"vi": text, "en": text}


@pytest.fixture
def project(tmp_path: Path) -> Project:
    root = tmp_path
    for lang in ("vi", "en"):
        page(root, lang, "index", type="home", id="home", title="Vùng", hero="landscape-terraces.jpg")
        page(root, lang, "provinces/index", type="page", id="provinces", title="Tỉnh", hero="valley.jpg")
        page(root, lang, "heritage/index", type="page", id="heritage", title="Di sản", hero="forest.jpg")
        page(root, lang, "peoples/index", type="page", id="peoples", title="Dân tộc", hero="valley.jpg")
        page(
            root,
            lang,
            "provinces/ha-giang",
            type="province",
            id="ha-giang",
            title="Hà Giang",
            description=f"Đá {lang}",
            hero="karst.jpg",
        )
        page(
            root,
            lang,
            "provinces/bac-kan",
            type="province",
            id="bac-kan",
            title="Bắc Kạn",
            description="Hồ",
            hero="lake.jpg",
        )
        page(root, lang, "heritage/ba-be", type="heritage", id="ba-be", title="Ba Bể", hero="lake.jpg")
        page(root, lang, "peoples/mong", type="people", id="mong", title="Mông", hero="peaks.jpg")
    # A province with a Vietnamese page only: the English cards fall back to it.
    page(root, "vi", "provinces/cao-bang", type="province", id="cao-bang", title="Cao Bằng", hero="falls.jpg")
    facts = FactData(
        datasets={
            "provinces": {
                "ha-giang": {"name": name("Hà Giang"), "part_of": "tuyen-quang"},
                "cao-bang": {"name": name("Cao Bằng"), "part_of": "cao-bang"},
                "bac-kan": {"name": name("Bắc Kạn"), "part_of": "thai-nguyen"},
                "lao-cai": {"name": name("Lào Cai"), "part_of": "lao-cai"},  # no page: no card
            },
            "provinces-2025": {
                "tuyen-quang": {"name": name("Tuyên Quang")},
                "cao-bang": {"name": name("Cao Bằng")},
                "thai-nguyen": {"name": name("Thái Nguyên")},
                "lao-cai": {"name": name("Lào Cai")},
            },
            "heritage": {"ba-be": {"name": name("Hồ Ba Bể"), "province_now": ["thai-nguyen"]}},
            "heritage-2": {"hidden": {"name": name("Không có trang"), "province_now": ["lao-cai"]}},
            "peoples": {
                "mong": {
                    "name": name("Mông"),
                    "has_page": True,
                    "main_provinces": ["ha-giang", "bac-kan", "lao-cai"],
                },
                "kinh": {"name": name("Kinh"), "has_page": False},
            },
            "visits-1": {
                "ha-giang": {
                    "dont_miss": [
                        place("ma-pi-leng", "Mã Pí Lèng", page="heritage/ba-be"),
                        place("lung-cu", "Lũng Cú", featured=False),
                    ]
                },
                "bac-kan": {"dont_miss": [place("ba-be-lake", "Hồ Ba Bể", page="heritage/ba-be")]},
                "cao-bang": {"dont_miss": [place("ban-gioc", "Bản Giốc")]},
            },
            "visits-2": {
                "ba-be": {"dont_miss": [place("boat", "Thuyền", image="boat.jpg")]},
                "mong": {"dont_miss": [place("market", "Chợ phiên", page="peoples/index")]},
            },
        }
    )
    return Project(root, facts, "vi")
