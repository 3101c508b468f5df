"""Decode one original safely, normalise it (orientation, sRGB, 8-bit, no metadata) and write its variants."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageCms, ImageFile, ImageOps, UnidentifiedImageError
from pillow_heif import register_heif_opener

from nmm_site.files import atomic_write
from nmm_site.images.config import ImageConfig
from nmm_site.images.names import SVG_SUFFIX, output_name
from nmm_site.images.svg import UnsafeSvg, check_svg

# HEIC/HEIF photos from phones: pillow-heif decodes them for Pillow (the primary image, with its EXIF
# and colour profile; orientation is applied by exif_transpose like any JPEG).
register_heif_opener()

# Formats Pillow may decode for us; MPO is what many cameras write for plain JPEGs.
ACCEPTED_FORMATS = {"JPEG", "MPO", "PNG", "WEBP", "GIF", "TIFF", "AVIF", "HEIF"}
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
_EXT = {"avif": "AVIF", "webp": "WEBP", "jpeg": "JPEG", "png": "PNG"}
_FILE_EXT = {"avif": "avif", "webp": "webp", "jpeg": "jpg", "png": "png"}


class BadImage(ValueError):
    """An original we refuse, with the fix an editor can apply."""

    def __init__(self, message: str, fix: str, line: int | None = None):
        self.fix = fix
        self.line = line
        super().__init__(message)

    def __reduce__(self) -> tuple[type[BadImage], tuple[str, str, int | None]]:
        # Raised in worker processes: must unpickle in the parent with every field.
        return (BadImage, (str(self), self.fix, self.line))


@dataclass
class Variant:
    format: str  # avif | webp | jpeg | png | svg
    width: int
    height: int
    file: str  # name in the cache directory
    bytes: int


@dataclass
class Encoded:
    name: str  # the original's file name
    key: str
    kind: str  # raster | svg
    width: int  # oriented size of the original
    height: int
    alpha: bool
    qualities: dict[str, int] = field(default_factory=dict)
    variants: list[Variant] = field(default_factory=list)


def decode(data: bytes, max_pixels: int, max_aspect: float = 0) -> Image.Image:
    """Open, check and fully load an original; BadImage for anything we will not publish.

    `max_aspect` (long side / short side; 0: no limit) refuses strips like 1×20000."""
    if not data:
        raise BadImage("the file is empty (0 bytes)", "replace it with the real image file")
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    Image.MAX_IMAGE_PIXELS = max_pixels
    bomb = BadImage(
        f"the image has more than {max_pixels // 1_000_000} million pixels (a decompression bomb or an "
        "unreasonably large file)",
        "resize it to at most 6000 px on the long side before adding it",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            im = Image.open(io.BytesIO(data))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise bomb from None
        except UnidentifiedImageError:
            raise BadImage(
                "unknown or unreadable image format",
                "export it as JPEG (photos) or PNG (graphics) and replace the file",
            ) from None
        if im.format not in ACCEPTED_FORMATS:
            raise BadImage(
                f"unsupported format {im.format}",
                "export it as JPEG (photos) or PNG (graphics)",
            )
        if im.width * im.height > max_pixels:
            raise bomb
        long, short = max(im.size), min(im.size)
        if max_aspect and long > short * max_aspect:
            raise BadImage(
                f"the image is {im.width}×{im.height} px: a strip {long / max(short, 1):.0f} times longer "
                f"than wide, which no page can show (at most {max_aspect:g}:1)",
                f"crop it to at most {max_aspect:g}:1 (e.g. 2400×{round(2400 / max_aspect)} px for a "
                "banner); a divider or line is drawn with CSS, not an image",
            )
        # MPO is a camera JPEG with extra preview frames: its first frame is the photo itself.
        if getattr(im, "n_frames", 1) > 1 and im.format != "MPO":
            raise BadImage(
                f"animated {im.format} ({im.n_frames} frames): animations are rejected, not cut to their "
                "first frame, because a still of an animation silently changes what the editor chose",
                "export the frame you want as PNG or JPEG (or use a short video)",
            )
        try:
            im.load()
        except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
            raise BadImage(
                f"the file is truncated or corrupt ({exc})",
                "copy the original again from its source (the upload or download was incomplete)",
            ) from None
    return im


def normalise(im: Image.Image) -> Image.Image:
    """Apply EXIF orientation, convert to 8-bit sRGB (RGBA if truly transparent), drop all metadata."""
    im = ImageOps.exif_transpose(im)
    icc = im.info.get("icc_profile")
    if im.mode in ("I;16", "I;16L", "I;16B", "I;16N", "I", "F"):
        import numpy as np  # only when an image needs encoding: a warm build never loads numpy

        arr = np.asarray(im, dtype=np.float64)
        # 16-bit data spans 0–65535: scale, do not clip (Pillow's convert("L") would clip at 255).
        if arr.max(initial=0) > 255:
            arr = arr / 257.0
        im = Image.fromarray(np.clip(np.rint(arr), 0, 255).astype(np.uint8), "L")
        icc = None
    if im.mode == "1":
        im = im.convert("L")
    if im.mode in ("P", "PA"):
        im = im.convert("RGBA" if "transparency" in im.info or im.mode == "PA" else "RGB")
    if im.mode == "LA":
        im = im.convert("RGBA")
    if icc and im.mode in ("RGB", "RGBA", "L", "CMYK"):
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            out_mode = "RGBA" if im.mode == "RGBA" else "RGB"
            im = ImageCms.profileToProfile(im, source, _SRGB, outputMode=out_mode)
        except (ImageCms.PyCMSError, OSError) as exc:
            raise BadImage(
                f"the embedded colour profile cannot be used ({exc})",
                "re-export the image in sRGB",
            ) from None
    if im.mode not in ("RGB", "RGBA"):
        im = im.convert("RGB")
    if im.mode == "RGBA" and im.getchannel("A").getextrema()[0] == 255:
        im = im.convert("RGB")
    # A fresh image: Pillow encoders copy EXIF, XMP and ICC from `info`, and resize() copies `info`.
    clean = Image.new(im.mode, im.size)
    clean.paste(im)
    return clean


def widths_for(width: int, cfg: ImageConfig) -> list[int]:
    """Output widths for a source width: never upscaled, no near-duplicate of the top width."""
    top = min(width, max(cfg.widths))
    return sorted({w for w in cfg.widths if w < top * cfg.min_step} | {top})


def _encode(im: Image.Image, fmt: str, quality: int | None, cfg: ImageConfig) -> bytes:
    buf = io.BytesIO()
    if fmt == "avif":
        im.save(buf, "AVIF", quality=quality, speed=cfg.avif_speed, max_threads=cfg.avif_threads)
    elif fmt == "webp":
        im.save(buf, "WEBP", quality=quality, method=cfg.webp_method)
    elif fmt == "jpeg":
        im.save(buf, "JPEG", quality=quality, optimize=True, progressive=True)
    else:
        im.save(buf, "PNG", optimize=True)
    return buf.getvalue()


def choose_quality(probe: Image.Image, fmt: str, cfg: ImageConfig) -> int:
    """Lowest quality (on a grid of 5) whose SSIM against the probe reaches the target; else the top."""
    lo, hi = getattr(cfg, f"quality_range_{fmt}")
    from nmm_site.images.ssim import ssim  # numpy: loaded only when an image is encoded

    grid = [*range(lo, hi, 5), hi]
    best = len(grid) - 1
    left, right = 0, len(grid) - 2  # the top is the answer when nothing below reaches the target
    while left <= right:
        mid = (left + right) // 2
        decoded = Image.open(io.BytesIO(_encode(probe, fmt, grid[mid], cfg)))
        if ssim(probe, decoded.convert(probe.mode)) >= cfg.target_ssim:
            best, right = mid, mid - 1
        else:
            left = mid + 1
    return grid[best]


def encode_file(path: Path, key: str, cfg: ImageConfig) -> Encoded:
    """Write every variant of one original into cfg.cache_dir; BadImage when it cannot be published."""
    data = path.read_bytes()
    stem = path.stem
    if path.suffix.lower() == SVG_SUFFIX:
        if not data:
            raise BadImage("the file is empty (0 bytes)", "replace it with the real SVG file")
        try:
            width, height = check_svg(data)
        except UnsafeSvg as exc:
            raise BadImage(
                f"unsafe SVG rejected: {exc}",
                "remove it in your editor (Inkscape: File → Save As → Optimized/Plain SVG) or export a PNG",
                exc.line,
            ) from None
        name = output_name(stem, key, None, "svg")
        atomic_write(cfg.cache_dir / name, data)
        variant = Variant("svg", width, height, name, len(data))
        return Encoded(path.name, key, "svg", width, height, False, {}, [variant])

    im = normalise(decode(data, cfg.max_pixels, cfg.max_aspect))
    alpha = im.mode == "RGBA"
    formats = ("avif", "webp", "png") if alpha else ("avif", "webp", "jpeg")
    widths = widths_for(im.width, cfg)
    # Resize in a chain, largest first: each step starts from a smaller image, which is much cheaper.
    resized: dict[int, Image.Image] = {}
    current = im
    for w in reversed(widths):
        h = max(1, round(im.height * w / im.width))
        current = (
            current if current.size == (w, h) else current.resize((w, h), Image.LANCZOS, reducing_gap=3.0)
        )
        resized[w] = current
    probe_src = next((resized[w] for w in widths if w >= cfg.probe_width), resized[widths[-1]])
    if probe_src.width > cfg.probe_width:
        ph = max(1, round(probe_src.height * cfg.probe_width / probe_src.width))
        probe = probe_src.resize((cfg.probe_width, ph), Image.LANCZOS)
    else:
        probe = probe_src
    qualities = {fmt: choose_quality(probe, fmt, cfg) for fmt in formats if fmt != "png"}
    result = Encoded(path.name, key, "raster", im.width, im.height, alpha, qualities)
    for w in widths:
        variant = resized[w]
        for fmt in formats:
            name = output_name(stem, key, w, _FILE_EXT[fmt])
            blob = _encode(variant, fmt, qualities.get(fmt), cfg)
            atomic_write(cfg.cache_dir / name, blob)
            result.variants.append(Variant(fmt, w, variant.height, name, len(blob)))
    return result
