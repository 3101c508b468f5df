"""A static file server for a built site on 127.0.0.1 (ephemeral port, in a thread), like GitHub Pages."""

from __future__ import annotations

import gzip
import http.server
import mimetypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Text types are served gzip-compressed when the client accepts it, as GitHub Pages does.
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".webmanifest")
TYPES = {".webp": "image/webp", ".avif": "image/avif", ".svg": "image/svg+xml", ".js": "text/javascript"}


@dataclass(frozen=True)
class ServedSite:
    root: Path
    url: str  # "http://127.0.0.1:PORT/"
    port: int


def resolve(root: Path, url_path: str) -> tuple[Path | None, str | None]:
    """The file a request path maps to, or (None, redirect) for a folder without its slash.

    Returns (None, None) when nothing exists: the caller serves the 404 page.
    """
    path = unquote(urlsplit(url_path).path)
    parts = [p for p in path.split("/") if p not in ("", ".")]
    if ".." in parts:
        return None, None
    target = root.joinpath(*parts)
    if target.is_dir():
        if not path.endswith("/"):
            return None, path + "/"
        target = target / "index.html"
    return (target, None) if target.is_file() else (None, None)


def not_found_page(root: Path, url_path: str) -> Path | None:
    """The 404 page for a missing path: /<lang>/404.html under a language folder, else /404.html.

    Hosting expectation (documented in tests/browser/README.md): the host serves the language's
    own 404 page for missing paths under /en/ and /fr/; GitHub Pages serves only the root one.
    """
    first = unquote(urlsplit(url_path).path).lstrip("/").split("/", 1)[0]
    if first and first not in ("..", ".") and (root / first / "404.html").is_file():
        return root / first / "404.html"
    page = root / "404.html"
    return page if page.is_file() else None


@lru_cache(maxsize=4096)
def _gzipped(path: Path, mtime_ns: int) -> bytes:
    # mtime_ns is part of the cache key so a rebuilt file is compressed again.
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


class _Handler(http.server.BaseHTTPRequestHandler):
    root: Path
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature of the base class
        pass  # quiet: the tests report what matters

    def do_HEAD(self) -> None:
        self._serve(body=False)

    def do_GET(self) -> None:
        self._serve(body=True)

    def _serve(self, body: bool) -> None:
        target, redirect = resolve(self.root, self.path)
        status = 200
        if redirect:
            self.send_response(301)
            self.send_header("Location", redirect)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if target is None:
            status = 404
            target = not_found_page(self.root, self.path)
            if target is None:
                self.send_error(404)
                return
        suffix = target.suffix.lower()
        ctype = TYPES.get(suffix) or mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or suffix in (".json", ".svg", ".xml", ".js"):
            ctype += "; charset=utf-8"
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if suffix in COMPRESSIBLE and accepts_gzip:
            data = _gzipped(target, target.stat().st_mtime_ns)
            encoding = "gzip"
        else:
            data = target.read_bytes()
            encoding = None
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "max-age=600")
        if encoding:
            self.send_header("Content-Encoding", encoding)
            self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        if body:
            self.wfile.write(data)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    # Chromium opens many connections at once; the default backlog of 5 drops some under load.
    request_queue_size = 128


@contextmanager
def serve(root: Path) -> Iterator[ServedSite]:
    """Serve the built site `root` on 127.0.0.1 with an ephemeral port until the block ends."""
    root = Path(root).resolve()
    if not (root / "index.html").is_file():
        raise FileNotFoundError(f"{root}: no index.html; build the site first (`make build`)")
    handler = type("Handler", (_Handler,), {"root": root})
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name=f"sitecheck-server-{root.name}", daemon=True)
    thread.start()
    port = server.server_address[1]
    try:
        yield ServedSite(root=root, url=f"http://127.0.0.1:{port}/", port=port)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
