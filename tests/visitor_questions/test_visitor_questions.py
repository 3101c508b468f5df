"""The questions a visitor asks (questions.yml): each page of the built site must carry the answer."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from nmm_site.site_config import load

QUESTIONS = Path(__file__).resolve().parent / "questions.yml"
MIN_PER_LANGUAGE = 30
# Typography the build applies (curly quotes and apostrophes, French spacing) is read as plain text.
_PLAIN = str.maketrans(
    {"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"', "\u00a0": " ", "\u202f": " "}
)


_BLOCK_TAG = re.compile(
    r"</?(?:p|li|dt|dd|h[1-6]|div|section|aside|nav|td|th|tr|br|ul|ol|dl|table|figure|figcaption|blockquote)\b[^>]*>"
)


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(text).translate(_PLAIN)).strip().casefold()


def page_text(page_html: str) -> str:
    """The visible text of the page's article (not the head, menus or scripts)."""
    start = page_html.find("<article")
    end = page_html.find("</article>", start)
    article = page_html[start:end] if start >= 0 and end > start else page_html
    article = re.sub(r"<(script|style)\b.*?</\1>", " ", article, flags=re.DOTALL)
    article = re.sub(_BLOCK_TAG, " ", article)  # blocks separate words; inline tags (<em>, <a>) do not
    return normalise(re.sub(r"<[^>]+>", "", article))


def questions() -> dict[str, list[dict[str, str]]]:
    return yaml.safe_load(QUESTIONS.read_text(encoding="utf-8"))


def test_every_language_has_enough_well_formed_questions() -> None:
    site = load()
    data = questions()
    assert set(data) == set(site.codes), "one list of questions per site language"
    for lang, items in data.items():
        assert len(items) >= MIN_PER_LANGUAGE, f"{lang}: {len(items)} questions, at least {MIN_PER_LANGUAGE}"
        prefix = site.lang_prefix(lang)
        for item in items:
            assert set(item) == {"q", "page", "phrase"}, item
            assert all(isinstance(item[key], str) and item[key].strip() for key in item), item
            assert item["page"].endswith("/") and item["page"].startswith(prefix), item
            other = [p for p in (site.lang_prefix(c) for c in site.codes) if p and p != prefix]
            assert not any(item["page"].startswith(p) for p in other), item
        asked = [item["q"] for item in items]
        assert len(asked) == len(set(asked)), f"{lang}: a question is listed twice"


def test_the_checker_reads_typography_and_tags_as_plain_text() -> None:
    page = (
        "<html><head><title>x</title></head>"
        "<article><p>L\u2019<em>hiver</em>\u00a0:  «\u202fneige\u202f»</p><p>Fin</p></article>"
    )
    assert page_text(page) == 'l\'hiver : " neige " fin'

    assert "title" not in page_text(page)


@pytest.mark.parametrize("lang", sorted(load().codes))
def test_the_built_site_answers_every_question(built_site: Path, lang: str) -> None:
    unanswered = []
    for item in questions()[lang]:
        path = built_site / item["page"] / "index.html"
        if not path.is_file():
            unanswered.append(f"{item['q']} → {item['page']} does not exist")
        elif normalise(item["phrase"]) not in page_text(path.read_text(encoding="utf-8")):
            unanswered.append(f"{item['q']} → {item['page']} does not say “{item['phrase']}”")
    assert not unanswered, f"{len(unanswered)} visitor question(s) unanswered:\n" + "\n".join(unanswered)
