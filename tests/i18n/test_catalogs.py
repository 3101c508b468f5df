"""gettext catalogs: strings from templates and Python, completeness check, compilation, ui_text."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from nmm_site.errors import ProblemsFound
from nmm_site.i18n import catalogs
from nmm_site.site_config import Language, SiteConfig


@pytest.fixture
def site(tmp_path: Path) -> SiteConfig:
    (tmp_path / "overrides").mkdir()
    (tmp_path / "overrides" / "page.html").write_text("<p>{{ _('Sources') }}</p>\n", encoding="utf-8")
    (tmp_path / "nmm_site").mkdir()
    (tmp_path / "nmm_site" / "mod.py").write_text(
        'from nmm_site.i18n.messages import ui_text\n\nX = ui_text(lang, "Key facts")\nY = other("Not me")\n',
        encoding="utf-8",
    )
    return SiteConfig(
        root=tmp_path,
        site_url="https://nmm.example.org/",
        site_name="NMM",
        languages=(
            Language("vi", "Tiếng Việt", True),
            Language("en", "English", False),
            Language("fr", "Français", False),
        ),
    )


def write_catalog(site: SiteConfig, code: str, strings: dict[str, str]) -> None:
    catalog = Catalog(locale=code)
    for msgid, msgstr in strings.items():
        catalog.add(msgid, msgstr)
    path = catalogs.po_path(site, code)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        write_po(fh, catalog)


def test_extraction_finds_template_and_python_strings_only(site: SiteConfig) -> None:
    found = {message.id: message.locations for message in catalogs.extract(site) if message.id}
    assert found == {"Sources": [("overrides/page.html", 1)], "Key facts": [("nmm_site/mod.py", 3)]}


def test_a_missing_translation_stops_compilation_naming_the_string(site: SiteConfig) -> None:
    write_catalog(site, "vi", {"Sources": "Nguồn", "Key facts": "Thông tin chính"})
    write_catalog(site, "en", {"Sources": "Sources", "Key facts": "Key facts"})
    write_catalog(site, "fr", {"Sources": "Sources"})
    with pytest.raises(ProblemsFound) as error:
        catalogs.compile_all(site)
    assert [p.message for p in error.value.problems] == [
        "no fr translation for 'Key facts' (used in nmm_site/mod.py:3)"
    ]


def test_compiled_catalogs_translate_and_are_reused(site: SiteConfig) -> None:
    write_catalog(site, "vi", {"Sources": "Nguồn", "Key facts": "Thông tin chính"})
    write_catalog(site, "en", {"Sources": "Sources", "Key facts": "Key facts"})
    write_catalog(site, "fr", {"Sources": "Sources", "Key facts": "Repères"})
    written = catalogs.compile_all(site)
    assert [p.relative_to(site.root).as_posix() for p in written] == [
        f"overrides/locales/{code}/LC_MESSAGES/messages.mo" for code in ("vi", "en", "fr")
    ]
    assert catalogs.translations(site, "vi").gettext("Key facts") == "Thông tin chính"
    assert catalogs.translations(site, "fr").gettext("Key facts") == "Repères"
    before = [p.stat().st_mtime_ns for p in written]
    catalogs.compile_all(site)  # nothing changed: nothing is written again
    assert [p.stat().st_mtime_ns for p in written] == before
