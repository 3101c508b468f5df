"""Links and anchors of the built site (templates and raw HTML included), and the local test server."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from nmm_site.sitecheck.links import check_links
from nmm_site.sitecheck.server import serve

SITE_URL = "https://nmm.example.org/"


def write(root: Path, rel: str, body: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"<!doctype html><html lang='vi'><head><title>t</title></head><body>{body}</body></html>",
        encoding="utf-8",
    )


@pytest.fixture
def tiny_site(tmp_path: Path) -> Path:
    write(
        tmp_path,
        "index.html",
        "<h1 id='ha-giang'>Hà Giang</h1><a href='en/'>English</a>"
        "<a href='provinces/dien-bien/#lich-su'>Điện Biên</a><a href='#ha-giang'>top</a>"
        "<img src='assets/x.jpg' srcset='assets/x.jpg 480w, assets/x.jpg 960w' alt=''>"
        f"<link rel='canonical' href='{SITE_URL}'><a href='https://example.com/'>ext</a>"
        "<a href='mailto:a@b.c'>mail</a>",
    )
    write(tmp_path, "en/index.html", "<a href='../'>Tiếng Việt</a>")
    write(tmp_path, "provinces/dien-bien/index.html", "<h2 id='lich-su'>Lịch sử</h2>")
    write(tmp_path, "404.html", "<h1>Không tìm thấy trang</h1><a href='/'>home</a>")
    write(tmp_path, "en/404.html", "<h1>Page not found</h1>")
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "x.jpg").write_bytes(b"\xff\xd8")
    (tmp_path / "assets" / "site.css").write_text("body{color:#111}" * 200, encoding="utf-8")
    return tmp_path


def test_a_clean_site_has_no_problem(tiny_site: Path) -> None:
    assert check_links(tiny_site, SITE_URL) == []


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("<a href='../../provinces/ha-giang/'>Hà Giang</a>", "no such file in the built site"),
        ("<a href='/provinces/dien-bien/#khong-co'>x</a>", "no element with id “khong-co”"),
        ("<a href='#nowhere'>x</a>", "no element with id “nowhere”"),
        ("<img src='../../assets/missing.webp' alt=''>", "no such file in the built site"),
        (
            "<picture><source srcset='../../assets/x.jpg 1x, ../../assets/y.avif 2x'></picture>",
            "no such file",
        ),
        (f"<link rel='alternate' hreflang='fr' href='{SITE_URL}fr/'>", "no such file in the built site"),
        ("<a href='../../provinces/dien-bien'>x</a>", "without its trailing slash"),
        ("<meta http-equiv='refresh' content='0; url=../../provinces/yen-bai/'>", "no such file"),
    ],
)
def test_a_broken_link_written_by_a_template_is_reported_with_file_and_line(
    tiny_site: Path, body: str, problem: str
) -> None:
    write(tiny_site, "en/broken/index.html", body)
    problems = check_links(tiny_site, SITE_URL)
    assert len(problems) == 1, problems
    assert problems[0].file == "en/broken/index.html"
    assert problems[0].line == 1
    assert problem in problems[0].problem


def test_server_serves_pages_folders_and_per_language_404s(tiny_site: Path) -> None:
    with serve(tiny_site) as site:
        assert site.url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(site.url + "provinces/dien-bien/") as response:
            assert "Lịch sử" in response.read().decode()
        with urllib.request.urlopen(site.url + "en") as response:  # folder without slash: redirected
            assert response.url == site.url + "en/"
        for path, heading in (
            ("khong-co/", "Không tìm thấy trang"),
            ("en/missing/", "Page not found"),
            ("fr/absent/", "Không tìm thấy trang"),
        ):
            with pytest.raises(urllib.error.HTTPError) as error:
                urllib.request.urlopen(site.url + path)
            assert error.value.code == 404
            assert heading in error.value.read().decode()


def test_server_compresses_text_when_asked_and_never_images(tiny_site: Path) -> None:
    with serve(tiny_site) as site:
        request = urllib.request.Request(site.url + "assets/site.css", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            body = response.read()
        assert gzip.decompress(body) == (tiny_site / "assets" / "site.css").read_bytes()
        assert len(body) < 200
        request = urllib.request.Request(site.url + "assets/x.jpg", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] is None
            assert response.headers["Content-Type"] == "image/jpeg"


@pytest.mark.slow
def test_built_site_has_no_broken_internal_link_or_anchor(built_site: Path) -> None:
    problems = check_links(built_site, SITE_URL)
    assert not problems, f"{len(problems)} broken links:\n" + "\n".join(map(str, problems[:60]))
