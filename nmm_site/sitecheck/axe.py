"""Run axe-core (injected from node_modules) in a Playwright page and describe its violations."""

from __future__ import annotations

import json

from nmm_site.sitecheck.config import SiteCheckConfig


def run_axe(page, config: SiteCheckConfig | None = None) -> list[dict]:
    """axe-core's violations for the page as it is now, with the configured WCAG tags, no rule excluded."""
    config = config or SiteCheckConfig()
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(config.axe_js))
    options = {"runOnly": {"type": "tag", "values": list(config.axe_tags)}, "resultTypes": ["violations"]}
    result = page.evaluate(f"axe.run(document, {json.dumps(options)})")
    return result["violations"]


def describe(violations: list[dict], where: str = "") -> str:
    """One block per failing node: rule, impact, selector, HTML and axe's summary (colours for contrast)."""
    lines = []
    for violation in violations:
        for node in violation["nodes"]:
            data = next((c.get("data") for c in node.get("any", []) if c.get("data")), None)
            colours = ""
            if isinstance(data, dict) and "fgColor" in data:
                colours = (
                    f" [fg {data['fgColor']} on bg {data['bgColor']}, ratio {data.get('contrastRatio')},"
                    f" needs {data.get('expectedContrastRatio')}]"
                )
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(
                f"{where} {violation['id']} ({violation.get('impact')}): {' '.join(map(str, node['target']))}"
                f"{colours}\n    {node['html'][:200]}\n    {summary[:300]}"
            )
    return "\n".join(lines)
