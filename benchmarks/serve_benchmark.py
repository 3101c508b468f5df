"""Preview benchmark: from saving a Markdown file to seeing the change in the browser, `make serve`.

Starts `mkdocs serve --livereload` as `make serve` does (PDFs skipped) on a copy of the project, one
language with LANG_ONLY as editors preview (and all three with --all-languages), opens a page in
Debian's Chromium, appends a sentence to the page's Markdown and times until the open tab shows it
(MkDocs rebuilds, the tab reloads itself). Target (issue 7): one language within a second or two.
Run with `make bench-serve`.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from build_benchmark import copy_project  # noqa: E402

from nmm_site.sitecheck.browser import launch  # noqa: E402
from nmm_site.sitecheck.config import SiteCheckConfig  # noqa: E402

PAGE = "provinces/ha-giang"
TARGET_SECONDS = 2.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_served(url: str, server: subprocess.Popen, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"mkdocs serve stopped:\n{server.stdout.read() if server.stdout else ''}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - our local server
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"mkdocs serve did not answer {url} within {timeout:.0f} s")


def measure(project: Path, lang: str | None, edits: int, browser) -> list[float]:
    """Seconds from each saved edit to the text in the open tab."""
    port = free_port()
    # As `make serve` runs it: PDFs skipped unless NMM_PUBLICATIONS is set (see the Makefile).
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    env.setdefault("NMM_PUBLICATIONS", "0")
    env.update(SITE_URL=f"http://127.0.0.1:{port}/", NMM_ALLOW_LOCAL_LINKS="1")  # as `make serve`
    if lang:
        env["BUILD_ONLY_LOCALE"] = lang
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    # With one language, static-i18n serves it at the root; the page's source is in its folder.
    source = project / "docs" / (lang or "vi") / f"{PAGE}.md"
    url = f"http://127.0.0.1:{port}/{PAGE}/"
    times = []
    try:
        wait_until_served(url, server)
        context = browser.new_context()
        tab = context.new_page()
        tab.goto(url, wait_until="load")
        original = source.read_text(encoding="utf-8")
        for n in range(edits):
            token = f"Preview check {n} {time.time_ns()}."
            tab.wait_for_timeout(1500)  # the watcher settles after the previous rebuild
            start = time.perf_counter()
            source.write_text(original + f"\n{token}\n", encoding="utf-8")
            tab.wait_for_function(
                "token => document.body && document.body.innerText.includes(token)", arg=token, timeout=60_000
            )
            times.append(time.perf_counter() - start)
        source.write_text(original, encoding="utf-8")
        context.close()
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=5, help="edits timed per preview (median reported)")
    parser.add_argument("--lang", default="en", help="the one language previewed (LANG_ONLY)")
    parser.add_argument("--all-languages", action="store_true", help="also time the three-language preview")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory(prefix="nmm-serve-") as tmp, sync_playwright() as playwright:
        project = copy_project(Path(tmp) / "project")
        browser = launch(playwright, SiteCheckConfig())
        previews = [args.lang, *([None] if args.all_languages else [])]
        for lang in previews:
            times = measure(project, lang, args.edits, browser)
            rows.append((f"LANG_ONLY={lang}" if lang else "all languages", times))
        browser.close()
    print(f"{'preview':<16} {'median':>7} {'best':>6} {'worst':>6}  edit → visible in the open tab")
    for name, times in rows:
        print(f"{name:<16} {statistics.median(times):>6.2f}s {min(times):>5.2f}s {max(times):>5.2f}s")
    one = statistics.median(rows[0][1])
    verdict = "PASS" if one <= TARGET_SECONDS else "FAIL"
    print(f"target: one language ≤ {TARGET_SECONDS:.0f} s (median) — {verdict}")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    raise SystemExit(main())
