"""The hooks: page.meta["nmm_translation"], the editors' page, and the build stopping on a bad page."""

import importlib.util
import json
import subprocess
import sys
from pathlib import Path, PurePosixPath
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from nmm_site.content.config import ContentConfig
from nmm_site.translation.pages import build_meta, editors_page_html, page_url
from nmm_site.translation.status import translation_status

ROOT = Path(__file__).resolve().parents[2]


def load_hook(name: str):
    # The way MkDocs loads a hook file: by path, as its own module.
    spec = importlib.util.spec_from_file_location(f"hooks_{name}", ROOT / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_page_url():
    assert page_url("index.md") == ""
    assert page_url("provinces/index.md") == "provinces/"
    assert page_url("provinces/ha-giang.md") == "provinces/ha-giang/"
    assert page_url("provinces/ha-giang.md", use_directory_urls=False) == "provinces/ha-giang.html"


def test_build_meta_per_language(tree):
    config = ContentConfig.from_root(tree)
    by_rel = {entry.rel: entry for entry in translation_status(config)}
    ha_giang = PurePosixPath("provinces/ha-giang.md")
    dien_bien = PurePosixPath("provinces/dien-bien.md")
    assert build_meta(config, by_rel, "vi", "vi", ha_giang) == {
        "status": "source",
        "source_url": "provinces/ha-giang/",
    }
    assert build_meta(config, by_rel, "en", "en", ha_giang)["status"] == "current"
    assert build_meta(config, by_rel, "fr", "fr", ha_giang)["status"] == "outdated"
    assert build_meta(config, by_rel, "fr", "vi", dien_bien) == {
        "status": "fallback",
        "source_url": "provinces/dien-bien/",
    }


def test_editors_page_links_every_page(tree):
    config = ContentConfig.from_root(tree)
    page = editors_page_html(translation_status(config), config, ["assets/stylesheets/main.css"], "NMM")
    assert '<link rel="stylesheet" href="../../assets/stylesheets/main.css">' in page
    assert '<meta name="robots" content="noindex,nofollow">' in page
    assert (
        '<td class="nmm-status nmm-status--outdated"><a href="../../fr/provinces/ha-giang/">outdated</a></td>'
        in page
    )
    assert "http" not in page


def test_content_hook_stops_the_build_with_the_report(tree):
    hook = load_hook("content")
    config = SimpleNamespace(config_file_path=str(tree / "mkdocs.yml"))
    hook.on_pre_build(config)  # clean: no error
    page = tree / "docs/vi/provinces/ha-giang.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("id: ha-giang", "id: Ha Giang"), encoding="utf-8"
    )
    with pytest.raises(PluginError) as error:
        hook.on_pre_build(config)
    assert "docs/vi/provinces/ha-giang.md:3: id `Ha Giang` is not valid" in str(error.value)


PROBE_HOOK = """
import json
from pathlib import Path

def on_page_context(context, page, config, nav):
    out = Path(config.config_file_path).parent / "meta.jsonl"
    with out.open("a", encoding="utf-8") as f:
        f.write(json.dumps([page.file.dest_uri, page.meta.get("nmm_translation")]) + "\\n")
"""


@pytest.mark.slow
def test_build_sets_meta_and_writes_editors_page(tree):
    (tree / "probe.py").write_text(PROBE_HOOK, encoding="utf-8")
    config = (tree / "mkdocs.yml").read_text(encoding="utf-8")
    config += (
        f"theme:\n  name: material\nhooks:\n  - {ROOT / 'hooks/content.py'}\n"
        f"  - {ROOT / 'hooks/translation.py'}\n  - probe.py\n"
    )
    (tree / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
        cwd=tree,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": ""},
    )
    assert result.returncode == 0, result.stderr
    meta = dict(json.loads(line) for line in (tree / "meta.jsonl").read_text(encoding="utf-8").splitlines())
    assert meta["provinces/ha-giang/index.html"] == {"status": "source", "source_url": "provinces/ha-giang/"}
    assert meta["en/provinces/ha-giang/index.html"]["status"] == "current"
    assert meta["fr/provinces/ha-giang/index.html"]["status"] == "outdated"
    assert meta["en/provinces/dien-bien/index.html"] == {
        "status": "fallback",
        "source_url": "provinces/dien-bien/",
    }
    editors = (tree / "site/_editors/translation-status/index.html").read_text(encoding="utf-8")
    assert "provinces/ha-giang.md" in editors
    assert "_editors" not in (tree / "site/sitemap.xml").read_text(encoding="utf-8")
    assert "_editors" not in (tree / "site/search/search_index.json").read_text(encoding="utf-8")
