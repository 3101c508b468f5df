"""QR codes (SVG and PNG) of the short links, made with segno; same URL, same bytes."""

from __future__ import annotations

import functools
import io

import segno


@functools.lru_cache(maxsize=256)
def _code(url: str) -> segno.QRCode:
    # One encoding per URL for its SVG, PNG and data: URI (segno takes about 7 ms to encode one).
    return segno.make(url, error="m", micro=False)


def qr_svg(url: str, title: str | None = None) -> bytes:
    """A scalable QR code of `url` (error correction M, quiet zone 4), no XML declaration."""
    buffer = io.BytesIO()
    _code(url).save(
        buffer, kind="svg", scale=4, border=4, light="#fff", xmldecl=False, svgns=True, title=title, unit=None
    )
    return buffer.getvalue()


def qr_png(url: str, scale: int = 10) -> bytes:
    """A PNG QR code of `url`, `scale` pixels per module."""
    buffer = io.BytesIO()
    _code(url).save(buffer, kind="png", scale=scale, border=4, light="#fff")
    return buffer.getvalue()


def qr_data_uri(url: str) -> str:
    """The SVG QR code as a data: URI (embedded in the PDFs, which fetch nothing else)."""
    return _code(url).svg_data_uri(scale=4, border=4)
