"""The parallel build and the assembled per-language builds give the sequential build's site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.buildtools.assemble import combined_search, move_tree, ordered
from scripts.buildtools.config import BuildConfig
from scripts.buildtools.parallel import plan
from scripts.buildtools.partial import Manifest
from scripts.errors import ProblemsFound
from scripts.site_config import load
from tests.conftest import FIXTURES, ROOT, make_fixture_project, mkdocs_build

ENV = {"SITE_URL": "https://nmm.example.org/"}


def nmm(project: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "scripts", *args, "--root", str(project)],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT), **ENV, **(env or {})},
        capture_output=True,
        text=True,
        timeout=600,
    )


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, bytes]]:
    """The fixture site built three ways in one project (warm caches after the first build)."""
    tmp = tmp_path_factory.mktemp("buildtools")
    (tmp / "project").mkdir()
    project = make_fixture_project(tmp / "project", FIXTURES / "site" / "docs")
    cache = ROOT / ".cache" / "images"
    if cache.is_dir():  # the encoded images, hard-linked: the fixture's own cache, warm
        shutil.copytree(cache, project / ".cache" / "images", copy_function=os.link)
    sequential = mkdocs_build(project, tmp / "sequential", env=ENV)
    assert sequential.returncode == 0, sequential.stderr[-3000:]
    parallel = nmm(project, "build-site", "--jobs", "2", "--site-dir", str(tmp / "parallel"))
    assert parallel.returncode == 0, parallel.stderr[-3000:]
    assert "with 2 processes" in parallel.stdout
    # Workers as new interpreters (what other systems than Linux get) instead of forked processes.
    spawned = nmm(
        project, "build-site", "--jobs", "3", "--site-dir", str(tmp / "spawned"), env={"NMM_BUILD_FORK": "0"}
    )
    assert spawned.returncode == 0, spawned.stderr[-3000:]
    for code in ("fr", "vi", "en"):  # one CI job per language
        part = nmm(project, "build-site", "--languages", code, "--partial", str(tmp / "parts" / code))
        assert part.returncode == 0, part.stderr[-3000:]
    parts = [str(tmp / "parts" / code) for code in ("en", "fr", "vi")]  # any order
    assembled = nmm(project, "assemble-site", *parts, "--site-dir", str(tmp / "assembled"))
    assert assembled.returncode == 0, assembled.stderr[-3000:]
    return {name: files(tmp / name) for name in ("sequential", "parallel", "spawned", "assembled")}


@pytest.mark.slow
@pytest.mark.parametrize("way", ["parallel", "spawned", "assembled"])
def test_same_files(builds: dict[str, dict[str, bytes]], way: str) -> None:
    assert sorted(builds[way]) == sorted(builds["sequential"])


KEY_FILES = [
    "index.html",
    "lich-su/index.html",
    "en/index.html",
    "en/lich-su/index.html",
    "fr/lich-su/index.html",
    "404.html",
    "en/404.html",
    "fr/404.html",
    "sitemap.xml",
    "en/sitemap.xml",
    "fr/sitemap.xml",
    "search/search_index.json",
    "en/search/search_index.json",
    "fr/search/search_index.json",
    "_editors/translation-status/index.html",
    "feed.xml",
]


@pytest.mark.slow
@pytest.mark.parametrize("way", ["parallel", "spawned", "assembled"])
@pytest.mark.parametrize("key", KEY_FILES)
def test_key_files_identical(builds: dict[str, dict[str, bytes]], way: str, key: str) -> None:
    assert key in builds["sequential"]
    assert builds[way][key] == builds["sequential"][key]


@pytest.mark.slow
@pytest.mark.parametrize("way", ["parallel", "spawned", "assembled"])
def test_every_file_identical(builds: dict[str, dict[str, bytes]], way: str) -> None:
    differ = [name for name, data in builds["sequential"].items() if builds[way].get(name) != data]
    assert differ == []


@pytest.mark.slow
def test_404_pages_are_per_language(builds: dict[str, dict[str, bytes]]) -> None:
    site = builds["assembled"]
    assert b'lang="en"' in site["en/404.html"] and b'lang="vi"' in site["404.html"]


# Units ------------------------------------------------------------------------------------------


def test_plan_keeps_build_order_and_the_default_language_alone() -> None:
    assert plan(("vi", "en", "fr"), 1) == [["vi", "en", "fr"]]
    assert plan(("vi", "en", "fr"), 2) == [["vi"], ["en", "fr"]]
    assert plan(("vi", "en", "fr"), 3) == [["vi"], ["en"], ["fr"]]
    assert plan(("vi", "en", "fr"), 8) == [["vi"], ["en"], ["fr"]]


def test_auto_jobs_one_process_per_language_on_two_cores_or_more() -> None:
    assert BuildConfig.auto_jobs(3, cores=1) == 1
    assert BuildConfig.auto_jobs(3, cores=2) == 3
    assert BuildConfig.auto_jobs(3, cores=16) == 3
    assert BuildConfig.auto_jobs(1, cores=4) == 1


def _manifest(*languages: str, url: str = "https://nmm.example.org/") -> Manifest:
    return Manifest(languages=list(languages), site_url=url)


def test_ordered_puts_partials_in_build_order(tmp_path: Path) -> None:
    site = load()
    parts = [(tmp_path / "fr", _manifest("fr")), (tmp_path / "vi", _manifest("vi", "en"))]
    assert [m.languages for _, m in ordered(site, parts)] == [["vi", "en"], ["fr"]]


def test_ordered_names_the_missing_language_and_the_command(tmp_path: Path) -> None:
    with pytest.raises(ProblemsFound) as caught:
        ordered(load(), [(tmp_path / "vi", _manifest("vi")), (tmp_path / "en", _manifest("en"))])
    report = caught.value.report()
    assert "no partial build of fr" in report
    assert "nmm build-site --languages fr --partial DIR" in report


def test_ordered_refuses_a_language_twice_and_mixed_site_urls(tmp_path: Path) -> None:
    parts = [
        (tmp_path / "a", _manifest("vi", "en")),
        (tmp_path / "b", _manifest("en", "fr", url="https://other.example/")),
    ]
    with pytest.raises(ProblemsFound) as caught:
        ordered(load(), parts)
    report = caught.value.report()
    assert "language en is also in" in report
    assert "different site URLs" in report


def test_manifest_round_trip_and_format_check(tmp_path: Path) -> None:
    manifest = Manifest(languages=["vi"], site_url="u/", not_found={"vi": "<p>Không tìm thấy</p>"})
    (tmp_path / "manifest.json").write_text(manifest.to_json(1), encoding="utf-8")
    assert Manifest.read(tmp_path / "manifest.json", 1) == manifest
    with pytest.raises(ProblemsFound, match="manifest format is not 2"):
        Manifest.read(tmp_path / "manifest.json", 2)
    with pytest.raises(ProblemsFound, match="not a partial build"):
        Manifest.read(tmp_path / "missing.json", 1)


def test_combined_search_removes_default_language_duplicates() -> None:
    vi = {"location": "lich-su/", "title": "Lịch sử Điện Biên Phủ", "text": "Nội dung"}
    en_copy = {**vi, "location": "en/lich-su/"}  # a fallback copy: same text as the Vietnamese page
    en_own = {"location": "en/", "title": "Home", "text": "Welcome"}
    manifests = [
        Manifest(["vi"], "u/", search_config={"lang": ["vi"]}, search_docs={"vi": [vi]}),
        Manifest(["en"], "u/", search_docs={"en": [en_copy, en_own]}),
    ]
    combined = combined_search(load(), manifests)
    assert combined == {"config": {"lang": ["vi"]}, "docs": [vi, en_own]}


def test_move_tree_merges_and_replaces(tmp_path: Path) -> None:
    src, dest = tmp_path / "src", tmp_path / "dest"
    (src / "en").mkdir(parents=True)
    (src / "en" / "hà-giang.html").write_text("mới", encoding="utf-8")
    (src / "404.html").write_text("en", encoding="utf-8")
    (dest / "en").mkdir(parents=True)
    (dest / "en" / "old.html").write_text("cũ", encoding="utf-8")
    (dest / "404.html").write_text("vi", encoding="utf-8")
    move_tree(src, dest)
    assert sorted(p.relative_to(dest).as_posix() for p in dest.rglob("*") if p.is_file()) == [
        "404.html",
        "en/hà-giang.html",
        "en/old.html",
    ]
    assert (dest / "404.html").read_text(encoding="utf-8") == "en"


def test_partial_needs_languages_and_folder(tmp_path: Path) -> None:
    result = nmm(ROOT, "build-site", "--languages", "en")
    assert result.returncode == 2
    assert "--languages and --partial go together" in result.stdout


def test_partial_refuses_unknown_language(tmp_path: Path) -> None:
    result = nmm(ROOT, "build-site", "--languages", "de", "--partial", str(tmp_path / "de"))
    assert result.returncode == 1
    assert "cannot build languages ['de']" in result.stderr


@pytest.mark.slow
def test_a_failing_language_stops_the_parallel_build_with_its_message(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(FIXTURES / "site" / "docs", docs)
    page = docs / "fr" / "index.md"
    # A link to a page that exists in no tree: the build stops, naming the file.
    page.write_text(page.read_text(encoding="utf-8") + "\n[Hà Giang](khong-co.md)\n", encoding="utf-8")
    (tmp_path / "project").mkdir()
    project = make_fixture_project(tmp_path / "project", docs)
    result = nmm(project, "build-site", "--jobs", "3", "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 1
    assert "khong-co.md" in result.stderr
    assert "failed (see above)" in result.stderr
    # Every worker finds the same content problem: it is shown once, with their languages.
    assert result.stderr.count("docs/fr/index.md") == 1 and "[vi,en,fr]" in result.stderr
    assert not list(tmp_path.glob(".site-parts-*"))  # the work folder is removed
    assert not (tmp_path / "site" / "index.html").exists()
