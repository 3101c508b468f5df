"""Card data from data files and front matter: sections, highlights, discover cards."""

from __future__ import annotations

from nmm_site.cards import data
from tests.cards.conftest import page


def test_province_cards_come_from_data_with_their_province_since_2025(project) -> None:
    cards = data.section_cards(project, "en", "provinces")
    # Lào Cai has no page: no card. Cards are in alphabetical order of titles (Vietnamese order).
    assert [c.id for c in cards] == ["bac-kan", "cao-bang", "ha-giang"]
    by_id = {c.id: c for c in cards}
    assert by_id["ha-giang"].now == (("tuyen-quang", "Tuyên Quang"),)
    assert by_id["ha-giang"].text == "Đá en"  # the page's description, in the page's language
    assert by_id["ha-giang"].image == "karst.jpg"
    assert by_id["ha-giang"].path == "provinces/ha-giang/"
    # No English page: the Vietnamese original's front matter is used.
    assert by_id["cao-bang"].title == "Cao Bằng" and by_id["cao-bang"].image == "falls.jpg"


def test_heritage_and_peoples_cards_name_every_current_province_once(project) -> None:
    heritage = data.section_cards(project, "vi", "heritage")
    assert [(c.id, c.now) for c in heritage] == [("ba-be", (("thai-nguyen", "Thái Nguyên"),))]
    peoples = data.section_cards(project, "vi", "peoples")
    assert [c.id for c in peoples] == ["mong"]  # the Kinh have no page
    assert [now_id for now_id, _ in peoples[0].now] == ["lao-cai", "thai-nguyen", "tuyen-quang"]
    assert data.provinces_now(peoples) == peoples[0].now


def test_highlights_are_featured_places_with_different_pictures(project) -> None:
    cards = data.highlights(project, "en")
    ids = [c.id for c in cards]
    # Lũng Cú is not featured; provinces come before other subjects; Hồ Ba Bể and the boat link to
    # the page Mã Pí Lèng links to, so they only fill up the row after the others.
    assert "lung-cu" not in ids
    assert ids == ["ma-pi-leng", "ban-gioc", "market", "ba-be-lake", "boat"]
    by_id = {c.id: c for c in cards}
    assert by_id["ma-pi-leng"].path == "heritage/ba-be/" and by_id["ma-pi-leng"].image == "lake.jpg"
    assert by_id["ma-pi-leng"].kicker == "Hà Giang"  # the page of the subject the place belongs to
    assert by_id["ma-pi-leng"].text == "Because of Mã Pí Lèng"
    assert by_id["boat"].image == "boat.jpg"  # a place's own image wins over the page's hero
    assert by_id["market"].path == "peoples/"
    assert by_id["ban-gioc"].path == "provinces/cao-bang/"


def test_highlights_stop_at_the_limit_and_need_at_least_three(project) -> None:
    assert len(data.highlights(project, "en", limit=2)) == 0  # fewer than three: no row at all
    assert len(data.highlights(project, "en", limit=3)) == 3


def test_discover_cards_have_pictures_of_their_own_and_the_calendar_only_when_built(project) -> None:
    cards = data.discover(project, "vi", calendar=False)
    assert [c.id for c in cards] == ["provinces", "heritage", "peoples"]
    # The peoples index shares the provinces hero: its card takes the first people page's picture.
    assert [c.image for c in cards] == ["valley.jpg", "forest.jpg", "peaks.jpg"]
    assert [c.path for c in cards] == ["provinces/", "heritage/", "peoples/"]
    with_calendar = data.discover(project, "vi", calendar=True)
    assert [c.id for c in with_calendar][-1] == "calendar"
    assert with_calendar[-1].path == "calendar/"


def test_a_section_without_an_index_page_has_no_discover_card(project) -> None:
    for lang in ("vi", "en"):
        (project.root / "docs" / lang / "heritage" / "index.md").unlink()
    page(project.root, "vi", "calendar", type="page", id="calendar", title="Lịch", hero="tea.jpg")
    cards = data.discover(data.Project(project.root, project.facts, "vi"), "en", calendar=True)
    assert [c.id for c in cards] == ["provinces", "peoples", "calendar"]
    assert cards[-1].image == "tea.jpg"
