"""Responsive images: a phone fetches the small variants, a desktop the large ones; nothing shifts."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from tests.browser.conftest import PHONE, RETINA_DESKTOP

pytestmark = pytest.mark.browser

PAGES = ("provinces/ha-giang/", "heritage/dong-van-karst-plateau/", "en/provinces/ha-giang/")
# Slow enough that images arrive after the first layout, as on a phone network.
SLOW_NETWORK = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 400 * 1024,
    "uploadThroughput": 100 * 1024,
}


def fetched_image_widths(session) -> dict[str, int]:
    """Pixel width of every image the page actually downloaded from the site (SVG icons aside)."""
    widths = {}
    for response in session.log.responses:
        if response.request.resource_type != "image" or response.status != 200:
            continue
        if "svg" in (response.headers.get("content-type") or ""):
            continue
        widths[response.url] = Image.open(io.BytesIO(response.body())).width
    return widths


def load(session, url: str):
    tab = session.page()
    tab.goto(url, wait_until="load")
    tab.wait_for_load_state("networkidle")
    return tab


@pytest.mark.parametrize("path", PAGES)
def test_phone_downloads_smaller_variants_than_a_desktop(site, make_session, path: str) -> None:
    phone, desktop = make_session(**PHONE), make_session(**RETINA_DESKTOP)
    tab = load(phone, site.url + path)
    candidates = tab.evaluate(
        "[...document.querySelectorAll('main img[srcset], main picture source[srcset]')].length"
    )
    assert candidates, f"/{path}: no responsive image (img/source with srcset) in the main content"
    on_phone = fetched_image_widths(phone)
    load(desktop, site.url + path)
    on_desktop = fetched_image_widths(desktop)
    assert on_phone and on_desktop, (on_phone, on_desktop)
    # The hero is the widest picture on the page; each context should fetch exactly one variant of it.
    assert max(on_phone.values()) < max(on_desktop.values()), (on_phone, on_desktop)
    # A 390 px wide layout at DPR 2 needs at most ~780 device pixels: allow the next size up, not more.
    assert max(on_phone.values()) <= 1200, on_phone


@pytest.mark.parametrize("path", PAGES)
def test_nothing_shifts_as_images_load(site, make_session, path: str) -> None:
    phone = make_session(**PHONE)
    tab = phone.page()
    cdp = phone.context.new_cdp_session(tab)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_NETWORK)
    tab.goto(site.url + path, wait_until="load")
    tab.wait_for_load_state("networkidle")
    tab.wait_for_timeout(300)  # layout-shift entries are delivered asynchronously
    shift = tab.evaluate("window.__nmmShifts || []")
    main = sum(s["value"] for s in shift if s["inMain"])
    assert main < 0.01, f"/{path}: CLS {main:.3f} in the main content: {shift}"
