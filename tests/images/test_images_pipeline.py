"""The pipeline on good and bad originals: conversions, metadata stripping, names, cache, errors."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import unicodedata
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageCms

from nmm_site import cli
from nmm_site.errors import ProblemsFound
from nmm_site.images.config import ImageConfig
from nmm_site.images.pipeline import run
from nmm_site.site_config import Language, SiteConfig

AddImage = Callable[..., Path]


def _problems(cfg: ImageConfig) -> list[tuple[str, int | None, str]]:
    with pytest.raises(ProblemsFound) as info:
        run(cfg)
    return [(p.path.name, p.line, p.message) for p in info.value.problems]


def _files(cfg: ImageConfig) -> list[str]:
    return sorted(p.name for p in cfg.cache_dir.iterdir() if p.name != "manifest.json")


def _open(cfg: ImageConfig, name: str) -> Image.Image:
    im = Image.open(cfg.cache_dir / name)
    im.load()
    return im


# Good input ---------------------------------------------------------------------------------------


def test_orientation_applied_then_all_metadata_stripped(
    cfg: ImageConfig, add_image: AddImage, photo_with_exif: Callable[[Path], Path]
) -> None:
    source = photo_with_exif(cfg.source_dir / "dong-van.jpg")
    add_image("dong-van.jpg", source.read_bytes())
    before = source.read_bytes()
    run(cfg)
    assert source.read_bytes() == before  # originals are never modified
    outputs = _files(cfg)
    assert [n.rsplit("-", 1)[-1] for n in outputs] == [
        "160.avif",
        "160.jpg",
        "160.webp",
        "200.avif",
        "200.jpg",
        "200.webp",
    ]
    serial = b"SN-4711-HAGIANG"
    for name in outputs:
        data = (cfg.cache_dir / name).read_bytes()
        assert serial not in data and b"Canon" not in data and b"Exif" not in data
        im = _open(cfg, name)
        # 400×200 stored with orientation 6 → shown 200×400, the red left half on top.
        width = int(name.rsplit("-", 1)[-1].split(".")[0])
        assert im.size == (width, 2 * width)
        assert not im.getexif()
        assert "exif" not in im.info and "icc_profile" not in im.info and "xmp" not in im.info
        rgb = im.convert("RGB")
        top, bottom = rgb.getpixel((width // 2, width // 4)), rgb.getpixel((width // 2, width * 7 // 4))
        assert top[0] > 150 and top[2] < 100, top
        assert bottom[2] > 150 and bottom[0] < 100, bottom


def test_widths_never_upscale_and_names_are_pinned(cfg: ImageConfig, add_image: AddImage, textured) -> None:
    add_image("ha-giang.png", textured(500, 250, seed=3), format="PNG")
    result = run(cfg)
    key = result.entries["ha-giang.png"]["key"][:8]
    assert key == "e3cc081e"
    assert _files(cfg) == sorted(
        f"ha-giang-{key}-{w}.{e}" for w in (160, 320, 500) for e in ("avif", "webp", "jpg")
    )
    assert _open(cfg, f"ha-giang-{key}-320.jpg").size == (320, 160)
    manifest = json.loads((cfg.cache_dir / "manifest.json").read_text())
    assert set(manifest["images"]["ha-giang.png"]["qualities"]) == {"avif", "webp", "jpeg"}


def test_quality_is_measured_not_fixed(cfg: ImageConfig, add_image: AddImage, textured) -> None:
    add_image("song-da.png", textured(320, 240), format="PNG")
    easy = run(dataclasses.replace(cfg, target_ssim=0.8)).entries["song-da.png"]["qualities"]
    strict = dataclasses.replace(cfg, target_ssim=0.99)
    hard = run(strict).entries["song-da.png"]["qualities"]
    assert all(hard[f] > easy[f] for f in easy), (easy, hard)


def test_cmyk_with_profile_16_bit_and_palette_transparency(cfg: ImageConfig, add_image: AddImage) -> None:
    cmyk = Image.new("CMYK", (200, 100), (0, 255, 255, 0))  # pure red ink
    add_image("cmyk.jpg", cmyk, format="JPEG", quality=95)
    gray16 = Image.fromarray(np.tile(np.linspace(0, 65535, 200).astype(np.uint16), (100, 1)))
    assert gray16.mode == "I;16"
    add_image("gray16.png", gray16, format="PNG")
    palette = Image.new("P", (200, 100), 0)
    palette.putpalette([255, 255, 255, 20, 120, 60] + [0] * 762)
    palette.paste(1, (50, 25, 150, 75))
    add_image("logo.png", palette, format="PNG", transparency=0)
    result = run(cfg)

    red = _open(cfg, next(n for n in _files(cfg) if n.startswith("cmyk-") and n.endswith(".jpg"))).convert(
        "RGB"
    )
    r, g, b = red.getpixel((100, 50))
    assert r > 200 and g < 80 and b < 80
    gray = _open(cfg, next(n for n in _files(cfg) if n.startswith("gray16-") and n.endswith(".jpg"))).convert(
        "L"
    )
    # Scaled from 16 bits, not clipped: the middle is mid-grey, not white.
    assert 100 < gray.getpixel((gray.width // 2, 20)) < 160
    assert gray.getpixel((gray.width - 1, 20)) > 240
    logo = result.entries["logo.png"]
    assert logo["alpha"] is True
    assert {v["format"] for v in logo["variants"]} == {"avif", "webp", "png"}
    png = _open(cfg, next(v["file"] for v in logo["variants"] if v["format"] == "png"))
    assert png.mode == "RGBA" and png.getpixel((0, 0))[3] == 0 and png.getpixel((100, 50))[3] == 255


def test_embedded_profile_is_applied_then_dropped(cfg: ImageConfig, add_image: AddImage) -> None:
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    add_image(
        "profile.jpg", Image.new("RGB", (120, 80), (200, 30, 30)), format="JPEG", quality=95, icc_profile=srgb
    )
    run(cfg)
    out = _open(cfg, next(n for n in _files(cfg) if n.endswith(".jpg")))
    assert "icc_profile" not in out.info
    r, g, b = out.convert("RGB").getpixel((60, 40))
    assert abs(r - 200) < 12 and g < 50 and b < 50


def test_unusable_profile_is_an_error_naming_the_file(cfg: ImageConfig, add_image: AddImage) -> None:
    lab = ImageCms.ImageCmsProfile(ImageCms.createProfile("LAB")).tobytes()  # not an RGB profile
    add_image("profile.jpg", Image.new("RGB", (120, 80), (200, 30, 30)), format="JPEG", icc_profile=lab)
    [(name, _, message)] = _problems(cfg)
    assert name == "profile.jpg" and message.startswith("the embedded colour profile cannot be used")


def test_safe_svg_is_copied_through(cfg: ImageConfig, add_image: AddImage) -> None:
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 150">'
        b'<use href="#a"/><circle id="a" r="5"/></svg>'
    )
    add_image("ban-do.svg", svg)
    result = run(cfg)
    entry = result.entries["ban-do.svg"]
    assert (entry["width"], entry["height"]) == (300, 150)
    [name] = _files(cfg)
    assert name.startswith("ban-do-") and name.endswith(".svg")
    assert (cfg.cache_dir / name).read_bytes() == svg


# Cache --------------------------------------------------------------------------------------------


def test_cache_unchanged_changed_touched_removed(cfg: ImageConfig, add_image: AddImage, textured) -> None:
    a = add_image("ha-giang.jpg", textured(400, 300, seed=1), format="JPEG")
    b = add_image("cao-bang.jpg", textured(400, 300, seed=2), format="JPEG")
    first = run(cfg)
    assert (first.encoded, first.cached) == (2, 0)
    files = _files(cfg)

    second = run(cfg)
    assert (second.encoded, second.cached) == (0, 2)
    assert _files(cfg) == files
    assert second.summary().startswith("images: 2 images, 2 cached, 0 encoded, ")

    # Same bytes, new mtime: the key is the content hash, so nothing is re-encoded.
    os.utime(b, ns=(1, 1))
    assert run(cfg).encoded == 0

    textured(400, 300, seed=9).save(a, "JPEG")
    third = run(cfg)
    assert third.encoded_names == ["ha-giang.jpg"] and third.cached == 1
    assert [n for n in _files(cfg) if n.startswith("cao-bang")] == [
        n for n in files if n.startswith("cao-bang")
    ]
    assert not set(n for n in files if n.startswith("ha-giang")) & set(_files(cfg))

    a.unlink()
    a.with_suffix(".yml").unlink()
    fourth = run(cfg)
    assert fourth.encoded == 0 and list(fourth.entries) == ["cao-bang.jpg"]
    assert all(n.startswith("cao-bang") for n in _files(cfg))


def test_a_deleted_output_is_rebuilt(cfg: ImageConfig, add_image: AddImage) -> None:
    add_image("tan-trao.jpg", format="JPEG")
    run(cfg)
    (cfg.cache_dir / _files(cfg)[0]).unlink()
    assert run(cfg).encoded == 1


def test_empty_source_folder(cfg: ImageConfig) -> None:
    result = run(cfg)
    assert result.entries == {} and result.summary().startswith("images: 0 images, 0 cached, 0 encoded")


# Bad input ----------------------------------------------------------------------------------------


def test_truncated_and_zero_byte_files(cfg: ImageConfig, add_image: AddImage, textured) -> None:
    buf = io.BytesIO()
    textured(400, 300).save(buf, "JPEG")
    add_image("cut.jpg", buf.getvalue()[: len(buf.getvalue()) // 2])
    add_image("empty.png", b"")
    problems = _problems(cfg)
    assert [p[0] for p in problems] == ["cut.jpg", "empty.png"]
    assert problems[0][2].startswith("the file is truncated or corrupt (")
    assert problems[1][2] == "the file is empty (0 bytes)"


def test_decompression_bomb(cfg: ImageConfig, add_image: AddImage) -> None:
    add_image("bomb.png", Image.new("1", (10_000, 6_000)), format="PNG")  # 60 MP of nothing, a few KB
    assert _problems(cfg) == [
        (
            "bomb.png",
            None,
            "the image has more than 50 million pixels (a decompression bomb or an unreasonably large file)",
        )
    ]


def test_far_over_the_cap_is_also_caught(cfg: ImageConfig, add_image: AddImage) -> None:
    add_image("bomb.png", Image.new("1", (10_000, 6_000)), format="PNG")
    # Over twice the cap Pillow raises DecompressionBombError instead of warning.
    [(name, _, message)] = _problems(dataclasses.replace(cfg, max_pixels=20_000_000))
    assert name == "bomb.png" and message.startswith("the image has more than 20 million pixels")


def test_animated_gif_is_rejected_with_the_reason(cfg: ImageConfig, add_image: AddImage) -> None:
    frames = [Image.new("RGB", (40, 40), colour) for colour in ("red", "green", "blue")]
    buf = io.BytesIO()
    frames[0].save(buf, "GIF", save_all=True, append_images=frames[1:], duration=100)
    add_image("xoe.gif", buf.getvalue())
    [(name, _, message)] = _problems(cfg)
    assert name == "xoe.gif"
    assert message.startswith(
        "animated GIF (3 frames): animations are rejected, not cut to their first frame"
    )


def test_unknown_formats(cfg: ImageConfig, add_image: AddImage) -> None:
    add_image("not-a-photo.jpg", "Hà Giang".encode() * 20)
    add_image("layers.psd", b"8BPS\x00\x01")
    assert _problems(cfg) == [
        (
            "layers.psd",
            None,
            "unknown image format '.psd': only JPEG, PNG, WebP, AVIF, HEIC, GIF, TIFF and SVG originals "
            "are published",
        ),
        ("not-a-photo.jpg", None, "unknown or unreadable image format"),
    ]


@pytest.mark.parametrize(
    ("svg", "reason"),
    [
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">\n'
            b"<script>alert(1)</script></svg>",
            "<script>",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">\n<rect onload="x()"/></svg>',
            "onload",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" '
            b'height="10">\n<image xlink:href="https://example.com/x.png"/></svg>',
            "external reference href='https://example.com/x.png'",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">\n<foreignObject/></svg>',
            "<foreignobject>",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">\n<style>a{fill:url(http://x/y)}</style></svg>',
            "CSS url(",
        ),
        (b'<!DOCTYPE svg [<!ENTITY a "b">]>\n<svg xmlns="http://www.w3.org/2000/svg"/>', "DOCTYPE"),
    ],
)
def test_unsafe_svg_is_rejected_with_its_line(
    cfg: ImageConfig, add_image: AddImage, svg: bytes, reason: str
) -> None:
    add_image("ban-do.svg", svg)
    [(name, line, message)] = _problems(cfg)
    assert name == "ban-do.svg"
    assert message.startswith("unsafe SVG rejected: ") and reason in message
    assert line in (1, 2)


def test_names_with_spaces_diacritics_and_nfd(cfg: ImageConfig, add_image: AddImage) -> None:
    add_image("Hà Giang ruộng.jpg", format="JPEG")
    add_image(unicodedata.normalize("NFD", "điện-biên-phủ.jpg"), format="JPEG")
    problems = _problems(cfg)
    assert len(problems) == 2
    assert all("is not a lower-case ASCII slug" in message for _, _, message in problems)
    with pytest.raises(ProblemsFound) as info:
        run(cfg)
    fixes = " ".join(p.fix for p in info.value.problems)
    assert "ha-giang-ruong.jpg" in fixes and "dien-bien-phu.jpg" in fixes


def test_missing_sidecar_and_bad_image_are_all_reported_together(
    cfg: ImageConfig, add_image: AddImage
) -> None:
    add_image("lao-cai.jpg", format="JPEG", sidecar=False)
    add_image("empty.png", b"")
    good = add_image("yen-bai.jpg", format="JPEG")
    names = [p[0] for p in _problems(cfg)]
    assert names == ["empty.png", "lao-cai.jpg"]
    # The valid image was still encoded, so the next run only redoes the broken ones.
    assert any(n.startswith("yen-bai-") for n in _files(cfg)) and good.exists()


def test_cli_reports_without_traceback_and_exits_1(
    cfg: ImageConfig, add_image: AddImage, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = cfg.source_dir.parent.parent
    add_image("empty.png", b"")
    site = SiteConfig(root, "http://x/", "x", tuple(Language(c, c, c == "vi") for c in ("vi", "en", "fr")))
    monkeypatch.setattr("nmm_site.images.commands.site_config.load", lambda: site)
    assert cli.main(["optimize-images", "--workers", "1"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("1 problem found:\n")
    assert "empty.png: the file is empty (0 bytes)" in err and "Traceback" not in err

    (cfg.source_dir / "empty.png").unlink()
    assert cli.main(["optimize-images"]) == 0
    assert capsys.readouterr().out.startswith("images: 0 images, 0 cached, 0 encoded")
