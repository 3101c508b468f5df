"""Per-language search indexes with diacritic folding (pure functions on a small combined index)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nmm_site.search.index import FOLDED_BOOST, folded_keywords, split_index, write_indexes

COMBINED = {
    "config": {
        "lang": ["en", "vi", "fr"],
        "separator": "[\\s\\-]+",
        "pipeline": ["stopWordFilter"],
        "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}},
    },
    "docs": [
        {"location": "", "title": "Trung du", "text": "<p>Ruộng bậc thang ở Mù Cang Chải</p>"},
        {"location": "provinces/ha-giang/", "title": "Hà Giang", "text": "<p>Cao nguyên đá Đồng Văn</p>"},
        {"location": "provinces/ha-giang/#lich-su", "title": "Lịch sử", "text": "<p>Điện Biên Phủ</p>"},
        {"location": "en/", "title": "Northern Midlands", "text": "<p>Rice terraces of Mù Cang Chải</p>"},
        {
            "location": "fr/",
            "title": "Moyennes terres",
            "text": "<p>Les rizières en terrasses, Điện Biên Phủ</p>",
        },
        {"location": "fr/provinces/ha-giang/", "title": "Hà Giang", "text": "<p>Le plateau karstique</p>"},
    ],
}


def test_folded_keywords_keep_only_changed_words_once() -> None:
    assert folded_keywords(["<p>Ruộng bậc thang, ruộng</p>", "Đồng Văn &amp; Hà Giang"]) == (
        "ruong bac dong van ha"
    )


def test_each_language_gets_its_own_documents_and_language() -> None:
    indexes = split_index(COMBINED, ("vi", "en", "fr"), "vi")
    assert [d["location"] for d in indexes["vi"]["docs"]] == [
        "",
        "provinces/ha-giang/",
        "provinces/ha-giang/#lich-su",
    ]
    assert [d["location"] for d in indexes["fr"]["docs"]] == ["", "provinces/ha-giang/"]
    for code in ("vi", "en", "fr"):
        assert indexes[code]["config"]["lang"] == [code]
        assert indexes[code]["config"]["fields"]["folded"] == {"boost": FOLDED_BOOST}


def test_missing_translations_are_searchable_as_fallback_pages() -> None:
    en = split_index(COMBINED, ("vi", "en", "fr"), "vi")["en"]
    # en has no Hà Giang page: the Vietnamese entries are served at /en/provinces/ha-giang/.
    assert [d["location"] for d in en["docs"]] == ["", "provinces/ha-giang/", "provinces/ha-giang/#lich-su"]


def test_folded_field_lets_plain_ascii_queries_match() -> None:
    vi = split_index(COMBINED, ("vi", "en", "fr"), "vi")["vi"]
    assert vi["docs"][0]["folded"] == "ruong bac o mu chai"
    assert vi["docs"][1]["folded"] == "ha nguyen da dong van"
    fr = split_index(COMBINED, ("vi", "en", "fr"), "vi")["fr"]
    assert "rizieres" in fr["docs"][0]["folded"].split() and "dien" in fr["docs"][0]["folded"].split()


def test_extra_keywords_make_former_names_searchable() -> None:
    extra = {("vi", "provinces/ha-giang/"): ["Hà Tuyên"]}
    vi = split_index(COMBINED, ("vi", "en", "fr"), "vi", extra)["vi"]
    assert vi["docs"][1]["folded"].split()[-2:] == ["hà", "tuyên"]
    assert "tuyen" in vi["docs"][1]["folded"].split()
    # The names also get a field of their own, weighted above the running text.
    assert vi["docs"][1]["keywords"] == "hà tuyên ha tuyen"
    assert vi["config"]["fields"]["keywords"]["boost"] > vi["config"]["fields"]["text"]["boost"]
    assert "keywords" not in vi["docs"][0]


def test_indexes_are_written_under_each_language_root_as_plain_utf8(tmp_path: Path) -> None:
    written = write_indexes(tmp_path, split_index(COMBINED, ("vi", "en", "fr"), "vi"), "vi")
    assert [p.relative_to(tmp_path).as_posix() for p in written] == [
        "search/search_index.json",
        "en/search/search_index.json",
        "fr/search/search_index.json",
    ]
    text = written[0].read_text(encoding="utf-8")
    assert "Hà Giang" in text and "\\u" not in text
    assert json.loads(text)["config"]["lang"] == ["vi"]


def test_folded_keywords_kept_on_disk_give_the_same_indexes_and_skip_the_folding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nmm_site.search import index

    memo_path = tmp_path / "folded.json"
    fresh = split_index(json.loads(json.dumps(COMBINED)), ("vi", "en", "fr"), "vi")
    first = index.FoldedMemo(memo_path)
    assert split_index(json.loads(json.dumps(COMBINED)), ("vi", "en", "fr"), "vi", memo=first) == fresh
    first.save()
    # The next build folds nothing it folded before.
    monkeypatch.setattr(index, "folded_keywords", lambda texts: pytest.fail(f"folded again: {texts}"))
    second = index.FoldedMemo(memo_path)
    assert split_index(json.loads(json.dumps(COMBINED)), ("vi", "en", "fr"), "vi", memo=second) == fresh
    # An edited entry is folded again; the others still come from the memo.
    monkeypatch.undo()
    edited = json.loads(json.dumps(COMBINED))
    edited["docs"][1]["text"] = "<p>Cao nguyên đá Đồng Văn, Mèo Vạc</p>"
    third = index.FoldedMemo(memo_path)
    memoised = split_index(json.loads(json.dumps(edited)), ("vi", "en", "fr"), "vi", memo=third)
    assert memoised == split_index(edited, ("vi", "en", "fr"), "vi")
    assert "meo vac" in json.dumps(memoised["vi"], ensure_ascii=False)
    # Another version of the folding code folds everything again.
    third.save()
    monkeypatch.setattr(index, "_code_version", lambda: "other")
    real, folded = index.folded_keywords, []
    monkeypatch.setattr(index, "folded_keywords", lambda texts: folded.append(texts) or real(texts))
    split_index(json.loads(json.dumps(edited)), ("vi", "en", "fr"), "vi", memo=index.FoldedMemo(memo_path))
    again = len(folded)
    folded.clear()
    empty = index.FoldedMemo(tmp_path / "none.json")
    split_index(json.loads(json.dumps(edited)), ("vi", "en", "fr"), "vi", memo=empty)
    assert again == len(folded) > 0  # as many as with no memo at all
