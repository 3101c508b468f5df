"""Side-by-side review pages, written into a tiny hand-built site."""

from __future__ import annotations

from pathlib import Path

from nmm_site.review.sidebyside import heading_text, rebase, split_sections, write_review_pages

PAGE = """<!doctype html><html><body><header>menu</header>
<article class="md-content__inner md-typeset">
<h1 id="{h1id}">{h1}<a class="headerlink" href="#{h1id}" title="Permanent link">#</a></h1>
<p>{intro} <img src="{up}assets/img/dong-van-480.jpg" srcset="{up}assets/img/dong-van-480.jpg 480w, {up}assets/img/dong-van-960.jpg 960w"></p>
{sections}
</article><footer>footer</footer></body></html>
"""  # noqa: E501


def _page(site: Path, path: str, h1: str, intro: str, headings: list[str]) -> None:
    sections = "\n".join(f'<h2 id="s{i}">{h}</h2>\n<p>{h} …</p>' for i, h in enumerate(headings))
    target = site / path / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        PAGE.format(
            h1id="t",
            h1=h1,
            intro=intro,
            sections=sections,
            up="../" * path.count("/") + ("../" if path else ""),
        ),
        encoding="utf-8",
    )


def test_review_page_aligns_sections(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "assets" / "stylesheets").mkdir(parents=True)
    (site / "assets" / "stylesheets" / "main.css").write_text("body{}", encoding="utf-8")
    (site / "index.html").write_text("home", encoding="utf-8")
    _page(site, "lich-su", "Lịch sử Điện Biên Phủ", "Mở đầu", ["Hà Giang", "Điện Biên Phủ"])
    _page(site, "en/lich-su", "History of Điện Biên Phủ", "Intro", ["Hà Giang", "Điện Biên Phủ"])
    _page(
        site, "fr/lich-su", "Lịch sử Điện Biên Phủ", "Mở đầu", ["Hà Giang", "Điện Biên Phủ"]
    )  # fallback copy
    written = write_review_pages(
        site, ["lich-su.md"], ("vi", "en", "fr"), {"lich-su.md": frozenset({"vi", "en"})}
    )
    assert [p.relative_to(site).as_posix() for p in written] == [
        "_review/lich-su/index.html",
        "_review/index.html",
    ]
    page = written[0].read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex,nofollow">' in page
    assert '<link rel="stylesheet" href="../../assets/stylesheets/main.css">' in page
    rows = page.split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]
    assert len(rows) == 3  # the intro, then one row per h2
    assert rows[1].count('<td lang="vi">') == 1 and rows[1].count('<td lang="en">') == 1
    assert '<h2 id="vi-s0">Hà Giang</h2>' in rows[1] and '<h2 id="en-s0">Hà Giang</h2>' in rows[1]
    assert '<h2 id="vi-s1">Điện Biên Phủ</h2>' in rows[2]
    assert "No translation yet" in rows[0] and "menu" not in page and "footer" not in page
    assert '<th lang="en"><a href="../../en/lich-su/">en</a> — History of Điện Biên Phủ</th>' in page
    # Images are rebased from /lich-su/ to /_review/lich-su/.
    assert 'src="../../assets/img/dong-van-480.jpg"' in page
    assert 'srcset="../../assets/img/dong-van-480.jpg 480w, ../../assets/img/dong-van-960.jpg 960w"' in page
    index = (site / "_review" / "index.html").read_text(encoding="utf-8")
    assert '<a href="lich-su/"><code>lich-su.md</code></a> — Lịch sử Điện Biên Phủ' in index


def test_home_page_has_its_own_review_path(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _page(site, "", "Trung du", "Mở đầu", ["Các tỉnh"])
    written = write_review_pages(site, ["index.md"], ("vi", "en", "fr"), {"index.md": frozenset({"vi"})})
    assert written[0].relative_to(site).as_posix() == "_review/_home/index.html"
    assert 'src="../../assets/img/dong-van-480.jpg"' in written[0].read_text(encoding="utf-8")


def test_split_and_headings() -> None:
    article = (
        '<h1>Hà Giang<a class="headerlink" href="#x">#</a></h1><p>a</p><h2 id="b">B &amp; c</h2><p>b</p>'
    )
    sections = split_sections(article)
    assert sections == [
        '<h1>Hà Giang<a class="headerlink" href="#x">#</a></h1><p>a</p>',
        '<h2 id="b">B &amp; c</h2><p>b</p>',
    ]
    assert [heading_text(s) for s in sections] == ["Hà Giang", "B & c"]


def test_rebase_leaves_absolute_urls() -> None:
    fragment = '<a href="https://example.org/">x</a><a href="#b">b</a><a href="../heritage/">h</a>'
    assert rebase(fragment, "en/provinces/ha-giang/", "_review/provinces/ha-giang/", "en") == (
        '<a href="https://example.org/">x</a><a href="#en-b">b</a>'
        '<a href="../../../en/provinces/heritage/">h</a>'
    )
