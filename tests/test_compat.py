"""nmm_site/compat.py against the installed MkDocs, Material and static-i18n: versions, attributes, files."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from mkdocs.theme import Theme
from mkdocs.utils.meta import YAML_RE

from nmm_site import compat
from nmm_site import compat as mp
from nmm_site.errors import ProblemsFound
from nmm_site.facts.markdown import FRONT_MATTER_RE

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("dist", sorted(compat.WRITTEN_FOR))
def test_installed_version_is_the_one_compat_was_written_for(dist: str) -> None:
    assert version(dist) == compat.WRITTEN_FOR[dist], (
        f"{dist} {version(dist)} is installed: review every {dist} section of nmm_site/compat.py, "
        "then update its version there"
    )


def test_the_front_matter_rule_is_mkdocs_own() -> None:
    # nmm_site/facts/markdown.py mirrors MkDocs' rule so that its line numbers agree with the build.
    assert (FRONT_MATTER_RE.pattern, FRONT_MATTER_RE.flags) == (YAML_RE.pattern, YAML_RE.flags)


# static-i18n: a real two-language build of a tiny project (default theme: no Vietnamese strings, so en and
# fr), recording what compat reads in each build.
RECORDER = """
from pathlib import Path
from nmm_site import compat

def on_pre_build(config):
    with Path(config.config_file_path).with_name("seen.txt").open("a", encoding="utf-8") as out:
        out.write(f"{compat.language_being_built(config)} {compat.nested_language_build(config)}\\n")
"""
I18N_PROJECT = """site_name: Hà Giang
hooks: [recorder.py]
plugins:
  - i18n:
      docs_structure: folder
      languages:
        - {locale: en, default: true, name: English, build: true}
        - {locale: fr, name: Français, build: true}
"""


def test_static_i18n_flags_follow_each_language_build(tmp_path: Path) -> None:
    for lang, title in (("en", "Điện Biên Phủ"), ("fr", "Điện Biên Phủ")):
        (tmp_path / "docs" / lang).mkdir(parents=True)
        (tmp_path / "docs" / lang / "index.md").write_text(f"# {title}\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(I18N_PROJECT, encoding="utf-8")
    (tmp_path / "recorder.py").write_text(RECORDER, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "seen.txt").read_text(encoding="utf-8").split("\n") == ["en False", "fr True", ""]


def test_outside_static_i18n_nothing_is_being_built() -> None:
    class Config:
        plugins: dict = {}

    assert compat.language_being_built(Config()) is None
    assert compat.nested_language_build(Config()) is False


# Material: the search worker, read from the installed theme.


def test_the_search_worker_is_found_in_the_installed_material() -> None:
    dirs = Theme(name="material").dirs
    worker = compat.search_worker(dirs)
    assert worker.startswith("assets/javascripts/workers/search.") and worker.endswith(".min.js")
    assert any((Path(folder) / worker).is_file() for folder in dirs)


def test_the_first_theme_folder_with_a_worker_wins_and_two_are_refused(tmp_path: Path) -> None:
    custom, theme = tmp_path / "overrides", tmp_path / "material"
    workers = theme / "assets" / "javascripts" / "workers"
    workers.mkdir(parents=True)
    custom.mkdir()
    (workers / "search.0123abcd.min.js").write_text("", encoding="utf-8")
    assert compat.search_worker([custom, theme]) == "assets/javascripts/workers/search.0123abcd.min.js"
    (workers / "search.4567ef01.min.js").write_text("", encoding="utf-8")
    with pytest.raises(ProblemsFound, match="2 search workers"):
        compat.search_worker([custom, theme])
    with pytest.raises(ProblemsFound, match="no search worker"):
        compat.search_worker([custom])


# Material: the search index entries the page cache stores and puts back.


def _search_build(tmp_path: Path, plugins: str):
    from types import SimpleNamespace

    from mkdocs.config import load_config

    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: t\ntheme: {{name: material}}\nplugins: {plugins}\n", encoding="utf-8"
    )
    config = load_config(str(tmp_path / "mkdocs.yml"))
    config = config.plugins.on_config(config)

    def page(meta: dict):
        html = '<h1 id="a">Hà Giang</h1><p>Đồng Văn</p><h2 id="b">Mèo Vạc</h2><p>chợ</p>'
        return SimpleNamespace(meta=meta, content=html, toc=[], url="ha-giang/", title="Hà Giang")

    return config, page


def test_search_entries_are_the_list_the_installed_search_plugin_fills(tmp_path: Path) -> None:
    config, page = _search_build(tmp_path, "[search]")
    entries = compat.search_entries(config)
    assert entries == []
    config.plugins.on_page_context({}, page=page({}), config=config, nav=None)
    assert [e["location"] for e in entries] == ["ha-giang/", "ha-giang/#b"]  # one per section, in order
    assert entries[1]["title"] == "Mèo Vạc" and "chợ" in entries[1]["text"]
    # `search: exclude` front matter: the plugin adds nothing (a reused page's entries go back instead).
    config.plugins.on_page_context({}, page=page({"search": {"exclude": True}}), config=config, nav=None)
    assert len(entries) == 2
    assert compat.search_entries(config) is entries


def test_without_the_search_plugin_there_are_no_entries(tmp_path: Path) -> None:
    config, _ = _search_build(tmp_path, "[]")
    assert compat.search_entries(config) is None


# Material: the bundle patches, on the installed bundle itself and on a small imitation of it.


def test_the_patches_apply_once_to_the_installed_bundle(tmp_path: Path) -> None:
    found = [
        b for d in Theme(name="material").dirs for b in Path(d).glob("assets/javascripts/bundle.*.min.js")
    ]
    assert len(found) == 1
    text = found[0].read_text(encoding="utf-8")
    patched = mp.patch_text(text, found[0])
    for anchor, replacement, _ in mp.PATCHES:
        assert patched.count(replacement) == 1 and anchor not in patched
    assert mp.patch_text(patched, found[0]) == patched


# The pieces of the real bundle the patches touch or rely on, in the order Material has them.
BUNDLE = (
    "function to(e,t){return new F(r=>{let o=new XMLHttpRequest;o.open()})}"
    'var a=M("link[rel=alternate]");'
    'function ks(){return location.protocol==="file:"?_t(x).pipe(m(()=>__index),Z(1)):ze(y)}'
    'var Or=Te(),zi=document.forms.namedItem("search")?ks():tt,fo=new T;'
)


def write_bundle(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "assets" / "javascripts"
    folder.mkdir(parents=True)
    bundle = folder / "bundle.0123abcd.min.js"
    bundle.write_text(text, encoding="utf-8")
    return bundle


def test_both_patches_are_applied_and_a_second_run_changes_nothing(tmp_path: Path) -> None:
    bundle = write_bundle(tmp_path, BUNDLE)
    mp.patch_bundle(tmp_path)
    once = bundle.read_text(encoding="utf-8")
    assert mp.SITEMAP_REPLACEMENT in once and mp.SITEMAP_ANCHOR not in once
    assert mp.SEARCH_REPLACEMENT in once and mp.SEARCH_ANCHOR not in once
    mp.patch_bundle(tmp_path)
    assert bundle.read_text(encoding="utf-8") == once


def test_the_index_download_waits_for_search_intent(tmp_path: Path) -> None:
    patched = mp.patch_text(BUNDLE, tmp_path / "bundle.js")
    lazy = patched[patched.index("zi=") :]
    for trigger in ('"focusin"', '"pointerdown"', '"change"', "[?&]q="):
        assert trigger in lazy
    assert "ks().subscribe" in lazy  # the fetch happens inside the trigger, not at load


@pytest.mark.parametrize(
    ("broken", "what"),
    [
        (BUNDLE.replace("?ks():tt", "?Ks():tt"), "search index download"),
        (BUNDLE.replace('M("link[rel=alternate]")', 'N("link")'), "sitemap fetch"),
        (BUNDLE.replace("new F(r=>", "new G(r=>"), "relies on"),
    ],
)
def test_an_upgraded_material_stops_the_build_with_a_fix(tmp_path: Path, broken: str, what: str) -> None:
    write_bundle(tmp_path, broken)
    with pytest.raises(ProblemsFound) as caught:
        mp.patch_bundle(tmp_path)
    text = str(caught.value)
    assert what in text and "nmm_site/compat.py" in text and compat.MATERIAL in text


def test_no_bundle_is_a_named_problem(tmp_path: Path) -> None:
    (tmp_path / "assets" / "javascripts").mkdir(parents=True)
    with pytest.raises(ProblemsFound, match="expected one Material bundle"):
        mp.patch_bundle(tmp_path)
