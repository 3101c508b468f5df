"""File-name rules, deterministic names and sidecar validation with exact messages."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml

from nmm_site.images.names import check_name, content_key, output_name, suggested_name
from nmm_site.images.sidecar import licence_label, licence_url, load_sidecar

LANGS = ("vi", "en", "fr")


@pytest.mark.parametrize(
    ("name", "fixed"),
    [
        ("Hà Giang ruộng.jpg", "ha-giang-ruong.jpg"),
        (unicodedata.normalize("NFD", "Điện Biên Phủ.JPG"), "dien-bien-phu.jpg"),
        ("ban gioc.png", "ban-gioc.png"),
        ("Moc_Chau.jpeg", "moc-chau.jpeg"),
    ],
)
def test_names_that_are_not_slugs_are_rejected_with_the_slug_as_fix(name: str, fixed: str) -> None:
    assert suggested_name(name) == fixed
    problem = check_name(Path("/x/assets/images") / name)
    assert problem is not None
    assert "not a lower-case ASCII slug" in problem.message
    assert f'git mv "{name}" {fixed}' in problem.fix


def test_slug_names_are_accepted() -> None:
    assert check_name(Path("ha-giang-karst.jpg")) is None
    assert check_name(Path("dien-bien-phu-1954.png")) is None


def test_output_names_are_pinned() -> None:
    key = content_key("Hà Giang".encode(), "settings")
    assert key[:8] == "32a408c3"
    assert output_name("ha-giang", key, 960, "avif") == "ha-giang-32a408c3-960.avif"
    assert output_name("ban-do", key, None, "svg") == "ban-do-32a408c3.svg"
    # The settings are part of the name: other settings, other files.
    assert content_key("Hà Giang".encode(), "other")[:8] != "32a408c3"


@pytest.mark.parametrize(
    ("licence", "url", "label"),
    [
        ("CC-BY-SA-4.0", "https://creativecommons.org/licenses/by-sa/4.0/", "CC BY-SA 4.0"),
        ("CC0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/", "CC0 1.0"),
        ("CC-BY-2.0", "https://creativecommons.org/licenses/by/2.0/", "CC BY 2.0"),
        (
            "http://rightsstatements.org/vocab/InC-EDU/1.0/",
            "https://rightsstatements.org/vocab/InC-EDU/1.0/",
            "InC-EDU",
        ),
        (
            "https://creativecommons.org/licenses/by-nc/3.0",
            "https://creativecommons.org/licenses/by-nc/3.0/",
            "CC BY-NC 3.0",
        ),
    ],
)
def test_licence_urls_and_labels(licence: str, url: str, label: str) -> None:
    assert licence_url(licence) == url
    assert licence_label(licence) == label


def _write(tmp_path: Path, data: dict | str) -> Path:
    image = tmp_path / "ha-giang.jpg"
    text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    image.with_suffix(".yml").write_text(text, encoding="utf-8")
    return image


def _messages(tmp_path: Path, data: dict | str) -> list[tuple[int | None, str]]:
    sidecar, problems = load_sidecar(_write(tmp_path, data), LANGS)
    assert sidecar is None
    return [(p.line, p.message) for p in problems]


def test_valid_sidecar_loads(tmp_path: Path, sidecar_data: dict) -> None:
    sidecar, problems = load_sidecar(_write(tmp_path, sidecar_data), LANGS)
    assert problems == []
    assert sidecar is not None
    assert sidecar.alt["vi"] == "Ruộng bậc thang Hoàng Su Phì mùa lúa chín"
    assert sidecar.licence_url == "https://creativecommons.org/licenses/by-sa/4.0/"


def test_yaml_dates_and_years_are_accepted(tmp_path: Path, sidecar_data: dict) -> None:
    text = yaml.safe_dump({**sidecar_data, "date": "X"}, allow_unicode=True, sort_keys=False)
    sidecar, problems = load_sidecar(_write(tmp_path, text.replace("date: X", "date: 2019-10-12")), LANGS)
    assert problems == [] and sidecar and sidecar.date == "2019-10-12"
    sidecar, problems = load_sidecar(_write(tmp_path, text.replace("date: X", "date: 1954")), LANGS)
    assert problems == [] and sidecar and sidecar.date == "1954"


def test_missing_sidecar_names_the_image_and_gives_a_template(tmp_path: Path) -> None:
    image = tmp_path / "ha-giang.jpg"
    sidecar, problems = load_sidecar(image, LANGS)
    assert sidecar is None
    [problem] = problems
    assert problem.path == image
    assert (
        problem.message
        == "no sidecar: ha-giang.yml is missing, so the image has no alt text, credit or licence"
    )
    assert "create ha-giang.yml beside it" in problem.fix
    assert "licence: CC-BY-SA-4.0" in problem.fix


def test_missing_alt_in_one_language_names_the_line(tmp_path: Path, sidecar_data: dict) -> None:
    data = {**sidecar_data, "alt": {"vi": "Ruộng bậc thang", "en": "Rice terraces"}}
    assert _messages(tmp_path, data) == [(1, "alt text missing in `fr`")]


def test_empty_caption_and_missing_licence(tmp_path: Path, sidecar_data: dict) -> None:
    data = {k: v for k, v in sidecar_data.items() if k != "licence"}
    data["caption"] = {**sidecar_data["caption"], "en": ""}
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    caption_en = text.split("\n").index("  en: ''") + 1
    assert _messages(tmp_path, text) == [(1, "licence missing"), (caption_en, "caption empty in `en`")]


def test_not_consented_is_an_error(tmp_path: Path, sidecar_data: dict) -> None:
    text = yaml.safe_dump({**sidecar_data, "people": "not-consented"}, allow_unicode=True, sort_keys=False)
    line = text.split("\n").index("people: not-consented") + 1
    assert _messages(tmp_path, text) == [
        (
            line,
            "identifiable people did not consent (`people: not-consented`): the image cannot be published",
        )
    ]


def test_bad_licence_date_people_and_unknown_field(tmp_path: Path, sidecar_data: dict) -> None:
    data = {
        **sidecar_data,
        "licence": "all rights reserved",
        "date": "12/10/2019",
        "people": "yes",
        "tác giả": "x",
    }
    assert [m for _, m in _messages(tmp_path, data)] == [
        "unknown field(s) `tác giả`",
        "date '12/10/2019' is not YYYY, YYYY-MM or YYYY-MM-DD",
        "licence 'all rights reserved' is neither an SPDX id nor a Creative Commons / "
        "RightsStatements.org URI",
        "`people: yes` is not one of none, consented, not-consented",
    ]


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    assert _messages(tmp_path, "alt:\n  vi: a\n caption: [\n") == [
        (3, "not valid YAML: expected <block end>, but found '<block mapping start>'")
    ]


def test_schema_file_is_a_valid_json_schema() -> None:
    import json

    import jsonschema

    from nmm_site.images.sidecar import SCHEMA_PATH

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$defs"]["localised"]["required"] == list(LANGS)


def test_ssim_is_one_for_identical_images_and_drops_with_noise(textured) -> None:
    import numpy as np
    from PIL import Image

    from nmm_site.images.ssim import ssim

    a = textured(200, 150)
    noisy = np.clip(np.asarray(a, np.int16) + np.random.default_rng(1).normal(0, 25, (150, 200, 3)), 0, 255)
    b = Image.fromarray(noisy.astype(np.uint8), "RGB")
    assert ssim(a, a) == pytest.approx(1.0)
    assert 0.2 < ssim(a, b) < 0.9
    with pytest.raises(ValueError, match="sizes differ"):
        ssim(a, b.resize((100, 75)))


def test_place_per_language_and_explicit_licence_url(tmp_path: Path, sidecar_data: dict) -> None:
    place = {"vi": "Hồ Ba Bể", "en": "Ba Bể Lake", "fr": "Lac Ba Bể"}
    data = {
        **sidecar_data,
        "place": place,
        "licence": "LicenseRef-VNA",
        "licence_url": "https://example.org/l",
    }
    sidecar, problems = load_sidecar(_write(tmp_path, data), LANGS)
    assert problems == [] and sidecar is not None
    assert sidecar.place_in("fr") == "Lac Ba Bể" and sidecar.licence_url == "https://example.org/l"
    assert _messages(tmp_path, {**sidecar_data, "place": {"vi": "Hồ Ba Bể"}}) == [
        (13, "`place` must be one text or one text per language")  # the `place:` key line
    ]


def test_a_sidecar_that_passed_is_not_validated_again_until_it_changes(
    tmp_path: Path, sidecar_data: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nmm_site.images import sidecar as module
    from nmm_site.stamps import PassStamps

    image = tmp_path / "ha-giang.jpg"
    image.write_bytes(b"")
    image.with_suffix(".yml").write_text(yaml.safe_dump(sidecar_data, allow_unicode=True), encoding="utf-8")
    passed = PassStamps(tmp_path / "checks")
    first, problems = load_sidecar(image, LANGS, passed)
    assert first is not None and problems == []
    real = module._schema
    monkeypatch.setattr(module, "_schema", lambda languages: pytest.fail("validated again"))
    assert load_sidecar(image, LANGS, passed) == (first, [])
    # An edited sidecar is validated again, and its mistake reported.
    del sidecar_data["creator"]
    image.with_suffix(".yml").write_text(yaml.safe_dump(sidecar_data, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(module, "_schema", real)
    sidecar, problems = load_sidecar(image, LANGS, passed)
    assert sidecar is None and [p.message for p in problems] == ["`creator` missing"]
