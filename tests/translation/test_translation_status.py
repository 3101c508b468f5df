"""Translation status on the fixture tree: current, outdated, missing, orphaned; reports and CLI."""

import json
import shutil

from nmm_site.content.config import ContentConfig
from nmm_site.translation.status import Status, translation_status


def statuses(root):
    return {
        entry.rel.as_posix(): {lang: s.status for lang, s in entry.languages.items()}
        for entry in translation_status(ContentConfig.from_root(root))
    }


def test_fixture_statuses(tree):
    assert statuses(tree) == {
        "index.md": {"en": Status.CURRENT, "fr": Status.CURRENT},
        "provinces/dien-bien.md": {"en": Status.MISSING, "fr": Status.MISSING},
        "provinces/ha-giang.md": {"en": Status.CURRENT, "fr": Status.OUTDATED},
        "provinces/index.md": {"en": Status.MISSING, "fr": Status.MISSING},
    }


def test_editing_the_source_outdates_translations_and_orphans_are_found(tree):
    page = tree / "docs/vi/index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Xem", "Mời xem"), encoding="utf-8")
    shutil.copy(tree / "docs/en/index.md", tree / "docs/en/about.md")
    result = statuses(tree)
    assert result["index.md"] == {"en": Status.OUTDATED, "fr": Status.OUTDATED}
    assert result["about.md"] == {"en": Status.ORPHANED}


def test_cli_prints_table_and_writes_reports(tree, cli, capsys):
    assert cli(["translation-status", "--root", str(tree)]) == 0
    out = capsys.readouterr().out
    assert "provinces/ha-giang.md   current   outdated" in out
    assert "fr: 1 current, 1 outdated, 2 missing, 0 orphaned" in out
    report = json.loads((tree / ".cache/reports/translation-status.json").read_text(encoding="utf-8"))
    entry = next(page for page in report["pages"] if page["path"] == "provinces/ha-giang.md")
    assert entry["id"] == "ha-giang"
    assert entry["languages"]["fr"] == {
        "status": "outdated",
        "recorded_hash": "0123456789abcdef",
        "current_hash": "b8d01aa5b5f4494b",
    }
    markdown = (tree / ".cache/reports/translation-status.md").read_text(encoding="utf-8")
    assert "| provinces/ha-giang.md | ha-giang | current | outdated |" in markdown
    # Deterministic: the same tree writes the same bytes.
    before = (tree / ".cache/reports/translation-status.json").read_bytes()
    cli(["translation-status", "--root", str(tree)])
    assert (tree / ".cache/reports/translation-status.json").read_bytes() == before
