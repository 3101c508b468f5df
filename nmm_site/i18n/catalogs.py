"""gettext catalogs for template strings: extract from overrides/, compile locales/*.po to .mo files."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from babel.support import Translations

from nmm_site.errors import Problem, ProblemsFound
from nmm_site.files import atomic_write
from nmm_site.site_config import SiteConfig

DOMAIN = "messages"
# UI strings come from the Jinja templates in overrides/ and from `ui_text(lang, "…")` calls in nmm_site/.
_TEMPLATE_MAP = [("**.html", "jinja2")]
_TEMPLATE_OPTIONS = {"**.html": {"extensions": "jinja2.ext.i18n"}}
_PYTHON_MAP = [("**.py", "python")]
# ui_text(lang, message, **values): the message is the second argument; N_(message) marks a stored message.
_PYTHON_KEYWORDS = {"ui_text": (2,), "N_": None}


def po_path(site: SiteConfig, code: str) -> Path:
    return site.root / "locales" / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_dir(site: SiteConfig) -> Path:
    """Where compiled catalogs go: inside the theme custom_dir, where MkDocs looks for `locales/`."""
    return site.root / "overrides" / "locales"


def extract(site: SiteConfig) -> Catalog:
    """Every translatable string in the templates, with its template and line."""
    catalog = Catalog(project="nmm-site", domain=DOMAIN)
    sources = [
        ("overrides", extract_from_dir(site.root / "overrides", _TEMPLATE_MAP, _TEMPLATE_OPTIONS)),
        ("nmm_site", extract_from_dir(site.root / "nmm_site", _PYTHON_MAP, keywords=_PYTHON_KEYWORDS)),
    ]
    for folder, found in sources:
        for filename, lineno, message, comments, context in found:
            catalog.add(
                message, None, [(f"{folder}/{filename}", lineno)], auto_comments=comments, context=context
            )
    return catalog


def update_po_files(site: SiteConfig) -> list[Path]:
    """Write locales/messages.pot and merge it into each language's .po (new strings left empty)."""
    template = extract(site)
    pot = site.root / "locales" / f"{DOMAIN}.pot"
    pot.parent.mkdir(parents=True, exist_ok=True)
    with pot.open("wb") as fh:
        write_po(fh, template, omit_header=True, sort_output=True)
    written = [pot]
    for code in site.codes:
        path = po_path(site, code)
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            with path.open("rb") as fh:
                catalog = read_po(fh, locale=code)
            catalog.update(template, no_fuzzy_matching=True)
        else:
            catalog = Catalog(locale=code, domain=DOMAIN)
            catalog.update(template, no_fuzzy_matching=True)
        with path.open("wb") as fh:
            write_po(fh, catalog, omit_header=True, sort_output=True, ignore_obsolete=True)
        written.append(path)
    return written


def check_complete(site: SiteConfig) -> list[Problem]:
    """Every template string has a translation in every language (the source strings are English)."""
    template = extract(site)
    problems: list[Problem] = []
    for code in site.codes:
        path = po_path(site, code)
        if not path.exists():
            problems.append(
                Problem(
                    path,
                    None,
                    f"the {code} catalog is missing",
                    "run `nmm extract-messages`, then translate the new entries",
                )
            )
            continue
        with path.open("rb") as fh:
            catalog = read_po(fh, locale=code)
        for message in template:
            if not message.id:
                continue
            entry = catalog.get(message.id, context=message.context)
            if entry is None or not entry.string or entry.fuzzy:
                where = ", ".join(f"{f}:{n}" for f, n in message.locations)
                problems.append(
                    Problem(
                        path,
                        entry.lineno if entry else None,
                        f"no {code} translation for {message.id!r} (used in {where})",
                        f"run `nmm extract-messages`, then write the msgstr for it in {path.name}",
                    )
                )
    return problems


def _inputs_fingerprint(site: SiteConfig) -> str:
    """Changes when a template, a Python module or a catalog changes (what compile_all reads)."""
    digest = hashlib.sha256()
    for folder, pattern in (("overrides", "*.html"), ("nmm_site", "*.py"), ("locales", "*.po")):
        for path in sorted((site.root / folder).rglob(pattern)):
            stat = path.stat()
            digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def compile_all(site: SiteConfig) -> list[Path]:
    """Compile each language's .po into overrides/locales/<lang>/LC_MESSAGES/messages.mo.

    Checking that every string is translated means extracting them all, which takes a second: it is
    skipped when no template, module or catalog changed since the last successful compilation.
    """
    stamp = site.cache_dir / "catalogs.stamp"
    fingerprint = _inputs_fingerprint(site)
    targets = [mo_dir(site) / code / "LC_MESSAGES" / f"{DOMAIN}.mo" for code in site.codes]
    if all(t.exists() for t in targets) and stamp.exists() and stamp.read_text() == fingerprint:
        return targets
    problems = check_complete(site)
    if problems:
        raise ProblemsFound(problems)
    written = []
    for code in site.codes:
        with po_path(site, code).open("rb") as fh:
            catalog = read_po(fh, locale=code)
        target = mo_dir(site) / code / "LC_MESSAGES" / f"{DOMAIN}.mo"
        target.parent.mkdir(parents=True, exist_ok=True)
        compiled = io.BytesIO()
        write_mo(compiled, catalog, use_fuzzy=False)
        atomic_write(target, compiled.getvalue())
        written.append(target)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(fingerprint)
    return written


def translations(site: SiteConfig, code: str) -> Translations:
    """The compiled catalog of one language (compile first)."""
    loaded = Translations.load(str(mo_dir(site)), [code], domain=DOMAIN)
    if not isinstance(loaded, Translations):
        raise ProblemsFound(
            [Problem(mo_dir(site), None, f"no compiled {code} catalog", "run `nmm compile-catalogs`")]
        )
    return loaded
