"""The two patches to Material's bundle: applied once, idempotent, and loud when Material changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.errors import ProblemsFound
from scripts.i18n import material_patch as mp

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
    assert what in text and "material_patch.py" in text


def test_no_bundle_is_a_named_problem(tmp_path: Path) -> None:
    (tmp_path / "assets" / "javascripts").mkdir(parents=True)
    with pytest.raises(ProblemsFound, match="expected one Material bundle"):
        mp.patch_bundle(tmp_path)
