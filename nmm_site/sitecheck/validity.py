"""Run the Nu Html Checker once over a built site and return its errors as parsed problems."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from nmm_site.sitecheck.config import SYSTEM_DEPS_HINT, SiteCheckConfig


@dataclass(frozen=True)
class HtmlProblem:
    file: str  # relative to the site folder
    line: int
    message: str
    extract: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}\n    {' '.join(self.extract.split())}"


def ignored(message: dict, config: SiteCheckConfig) -> bool:
    """Stock Material's known error on its two toggles, and nothing else."""
    return message.get("message") == config.vnu_ignored_message and any(
        element in message.get("extract", "") for element in config.vnu_ignored_elements
    )


def parse_report(report: dict, site_dir: Path, config: SiteCheckConfig) -> list[HtmlProblem]:
    """Problems from vnu's JSON report, minus the ignored ones, sorted by file and line."""
    problems = []
    root = site_dir.resolve()
    for message in report.get("messages", []):
        if message.get("type") not in ("error", "non-document-error") or ignored(message, config):
            continue
        path = Path(unquote(urlsplit(message.get("url", "")).path))
        try:
            shown = str(path.relative_to(root))
        except ValueError:
            shown = str(path)
        problems.append(
            HtmlProblem(
                shown, int(message.get("lastLine", 0)), message.get("message", ""), message.get("extract", "")
            )
        )
    return sorted(problems, key=lambda p: (p.file, p.line, p.message))


def run_vnu(site_dir: Path, config: SiteCheckConfig | None = None) -> list[HtmlProblem]:
    """Validate every HTML file under `site_dir` in one JVM; return the errors that count."""
    config = config or SiteCheckConfig()
    java = shutil.which("java")
    if java is None or not config.vnu_jar.exists():
        raise RuntimeError(f"the Nu Html Checker needs Java and {config.vnu_jar}: {SYSTEM_DEPS_HINT}")
    result = subprocess.run(
        [
            java,
            "-jar",
            str(config.vnu_jar),
            "--skip-non-html",
            "--errors-only",
            "--format",
            "json",
            str(site_dir),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    # vnu writes its JSON report to stderr and exits 1 when it found errors.
    try:
        report = json.loads(result.stderr or result.stdout)
    except json.JSONDecodeError as error:
        raise RuntimeError(
            f"vnu did not return JSON (exit {result.returncode}): {result.stderr[-2000:]}"
        ) from error
    return parse_report(report, Path(site_dir), config)
