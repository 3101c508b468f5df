"""The ten stylised landscapes: layered ridgelines, gradients, mist and a motif per scene."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from tools.artwork.canvas import Canvas, mix, rgb
from tools.artwork.noise import clamp01, noise_1d, noise_2d, ramp, triangle


def _ridge(c: Canvas, base: float, amplitude: float, cells: float, octaves: int = 4) -> np.ndarray:
    """A ridgeline: y of the crest for each column (y grows downwards)."""
    return base * c.height - amplitude * c.height * noise_1d(c.rng, c.width, cells, octaves)


def _bumps(
    c: Canvas, centres: list[float], widths: list[float], heights: list[float], shape: str
) -> np.ndarray:
    """Upper envelope of bumps (fractions of the canvas): "cone" (karst), "round", "dome" (haystacks)."""
    x = c.xs[0] / c.width
    envelope = np.zeros(c.width, dtype=np.float32)
    for centre, width, height in zip(centres, widths, heights, strict=True):
        t = clamp01(1.0 - ((x - centre) / width) ** 2)
        profiles = {"cone": t * t * t, "round": np.sqrt(t), "dome": t * np.sqrt(t)}
        profile = profiles[shape]
        envelope = np.maximum(envelope, height * profile)
    return envelope * c.height


def _random_bumps(c: Canvas, count: int, width: tuple[float, float], height: tuple[float, float]) -> tuple:
    centres = list(c.rng.uniform(-0.05, 1.05, count))
    widths = list(c.rng.uniform(*width, count))
    heights = list(c.rng.uniform(*height, count))
    return centres, widths, heights


def karst_plateau(c: Canvas) -> None:
    c.sky([(0.0, "#c9d6e3"), (0.45, "#f3dcc6"), (0.7, "#f7e6d2"), (1.0, "#f7e6d2")])
    c.glow(0.7 * c.width, 0.36 * c.height, 0.18 * c.width, "#fff3df", 0.9)
    c.disk(0.7 * c.width, 0.36 * c.height, 46, "#fff8ec", 0.9)
    c.clouds(0.08, 0.3, "#ffffff", 0.35, 0.35)
    layers = [
        (0.62, 0.30, "#b7c0cf", "#c9cfd8", 9),
        (0.70, 0.32, "#9aa8b8", "#b5bfcb", 11),
        (0.80, 0.34, "#7e8f9a", "#9eabb2", 12),
        (0.92, 0.36, "#5f7468", "#7d8e84", 10),
        (1.04, 0.40, "#415a4a", "#4c6554", 8),
    ]
    for i, (base, peak, top, bottom, count) in enumerate(layers):
        bumps = _bumps(c, *_random_bumps(c, count, (0.04, 0.09), (peak * 0.45, peak)), shape="cone")
        ridge = base * c.height - bumps - 0.02 * c.height * noise_1d(c.rng, c.width, 30, 3)
        c.layer(ridge, top, bottom, 0.35 * c.height, texture=0.06 + 0.03 * i, light=0.25, cells=(30, 80))
        if i < len(layers) - 1:
            c.haze(
                ridge.min() + 0.25 * c.height, base * c.height + 0.04 * c.height, "#f4ece3", 0.55 - 0.08 * i
            )


def _terraced_hill(
    c: Canvas, ridge: np.ndarray, light: str, dark: str, edge: str, rows: float, haze: float
) -> None:
    """A hillside whose field lines follow the crest: terrace walls are contour lines of a warped field."""
    cover, top = c.coverage(ridge)
    ys = c.ys[top:]
    span = (c.height - ridge)[None, :]
    warp = noise_2d(c.rng, (c.height - top, c.width), (3, 5), octaves=2)
    field = clamp01((ys - ridge[None, :]) / span)
    field = np.sqrt(field) + 0.06 * (warp - 0.5)
    level = field * rows
    band = level - np.floor(level)
    index = np.floor(level)
    parity = index - 2.0 * np.floor(index / 2.0)
    # Pixel thickness of the wall: bands get thicker towards the viewer.
    wall = clamp01((band - 0.86) / 0.05) * clamp01((1.0 - band) / 0.02 + 0.3)
    tint = noise_2d(c.rng, (c.height - top, c.width), (6, 10), octaves=3)
    colour = mix(rgb(light), rgb(dark), clamp01(0.35 * parity + 0.5 * (tint - 0.3)))
    colour = mix(colour, rgb(edge), wall * 0.85)
    colour = mix(colour, rgb("#d9e4ea"), haze)
    c.blend(cover, colour, top)


def terraces(c: Canvas) -> None:
    c.sky([(0.0, "#bcd3e4"), (0.5, "#e3ecef"), (1.0, "#eef1ea")])
    c.clouds(0.05, 0.25, "#ffffff", 0.4, 0.5)
    c.layer(_ridge(c, 0.42, 0.18, 3, 4), "#9fb3c4", "#b8c6cf", 0.3 * c.height, texture=0.04)
    c.haze(0.33 * c.height, 0.5 * c.height, "#eef2f0", 0.5)
    c.layer(_ridge(c, 0.5, 0.16, 4, 4), "#7f9d9a", "#97ada6", 0.3 * c.height, texture=0.05, light=0.2)
    c.haze(0.42 * c.height, 0.6 * c.height, "#eef2f0", 0.4)
    hills = [
        (_bumps(c, [0.25], [0.55], [0.22], shape="round"), 0.62, "#c9cf7e", "#a9b65c", "#6d7a3a", 14, 0.25),
        (_bumps(c, [0.85], [0.5], [0.26], shape="round"), 0.66, "#d8c86a", "#b8b452", "#70733a", 16, 0.12),
        (_bumps(c, [0.4], [0.75], [0.3], shape="round"), 0.82, "#e0c85c", "#9fb04a", "#5d6a2e", 18, 0.0),
    ]
    for bumps, base, light, dark, edge, rows, haze in hills:
        ridge = base * c.height - bumps - 0.015 * c.height * noise_1d(c.rng, c.width, 25, 3)
        _terraced_hill(c, ridge, light, dark, edge, rows, haze)


def _scenery_above(c: Canvas, horizon: float) -> None:
    c.sky([(0.0, "#a9c5dd"), (0.55, "#dce8ee"), (1.0, "#e9efee")])
    c.glow(0.3 * c.width, 0.25 * c.height, 0.2 * c.width, "#fffaf0", 0.6)
    c.clouds(0.06, 0.3, "#ffffff", 0.4, 0.55)
    c.layer(
        _ridge(c, horizon - 0.1, 0.25, 3, 5), "#8fa6bb", "#a6b8c6", 0.3 * c.height, texture=0.04, light=0.2
    )
    c.haze((horizon - 0.2) * c.height, horizon * c.height, "#e6edef", 0.45)
    c.layer(
        _ridge(c, horizon - 0.02, 0.2, 5, 5), "#5f7f76", "#6f8c80", 0.2 * c.height, texture=0.1, light=0.3
    )
    c.layer(_ridge(c, horizon + 0.005, 0.08, 9, 4), "#3f5f4f", "#47685a", 0.1 * c.height, texture=0.14)


def _reflect(c: Canvas, horizon: int, water: str, ripple: float) -> None:
    """Mirror everything above the horizon into the water, with wavy rows and light streaks."""
    depth = c.height - horizon
    rows = np.arange(depth)
    source = np.clip(horizon - 1 - rows, 0, horizon - 1)
    wave = noise_2d(c.rng, (depth, c.width), (depth / 6, 12), octaves=2)
    shift = np.floor((wave - 0.5) * ripple * (1.0 + rows[:, None] / depth * 3.0)).astype(np.int64)
    columns = np.clip(np.arange(c.width)[None, :] + shift, 0, c.width - 1)
    mirrored = c.pixels[source[:, None], columns]
    distance = (rows / depth).astype(np.float32)[:, None, None]
    tinted = mix(mirrored, rgb(water), 0.25 + 0.45 * distance)
    streaks = noise_2d(c.rng, (depth, c.width), (depth / 3, 4), octaves=2)
    tinted = tinted + 0.06 * ramp(streaks, 0.62, 0.8)[..., None]
    c.pixels[horizon:] = tinted


def lake(c: Canvas) -> None:
    horizon = 0.6
    _scenery_above(c, horizon)
    _reflect(c, int(horizon * c.height), "#6f8f96", 6)
    # A darker near shore keeps the eye inside the picture.
    shore = (0.95 * c.height - 0.06 * c.height * noise_1d(c.rng, c.width, 6, 3)).astype(np.float32)
    c.layer(shore, "#3d5a47", "#2f4a3a", 0.1 * c.height, texture=0.18, cells=(60, 200))


def waterfall(c: Canvas) -> None:
    c.sky([(0.0, "#b8d0e0"), (0.6, "#e4eeee"), (1.0, "#e4eeee")])
    c.clouds(0.03, 0.22, "#ffffff", 0.4, 0.5)
    c.layer(_ridge(c, 0.3, 0.15, 4, 4), "#93aab6", "#a9bbc3", 0.2 * c.height, texture=0.04)
    c.layer(_ridge(c, 0.4, 0.12, 8, 4), "#5d806c", "#6e8f79", 0.2 * c.height, texture=0.12, light=0.2)
    x = c.xs[0] / c.width
    # Three crescent-shaped tiers, each lower and wider, like a wide multi-step fall.
    tiers = [(0.4, 0.55, 0.46, 0.2), (0.56, 0.71, 0.53, 0.3), (0.73, 0.87, 0.48, 0.38)]
    for number, (top, bottom, centre, half) in enumerate(tiers):
        bend = 0.05 * c.height * ((x - centre) / half) ** 2
        lip = top * c.height + bend + 0.01 * c.height * noise_1d(c.rng, c.width, 24, 3)
        foot = bottom * c.height + bend
        y0, y1 = int(lip.min()) - 2, min(int(foot.max()) + 2, c.height)
        ys = c.ys[y0:y1]
        ragged = 0.04 * noise_1d(c.rng, c.width, 12, 2)
        inside = ramp(half - np.abs(x - centre) + ragged, 0.0, 0.03)
        face = clamp01(ys - lip[None, :] + 0.5) * clamp01(foot[None, :] - ys + 0.5) * inside[None, :]
        # Wet dark rock shows just under each lip; lower down the fall runs over the green slope.
        under_lip = clamp01(1.2 - (ys - lip[None, :]) / (0.1 * c.height)) * face
        rock = noise_2d(c.rng, (y1 - y0, c.width), (12, 40), octaves=3)
        c.blend(under_lip * 0.9, mix(rgb("#4a5248"), rgb("#858676"), rock), y0)
        # Water strands: soft-edged, streaked downwards, brightest where they leave the lip.
        flow = noise_1d(c.rng, c.width, 30 + 10 * number, 3)
        strands = ramp(flow, 0.4, 0.56) * inside
        streak = noise_2d(c.rng, (y1 - y0, c.width), (2, 300), octaves=3)
        # Thin strands thin out before they reach the foot; full ones run all the way down.
        reach = lip + (foot - lip) * (0.5 + 0.5 * ramp(flow, 0.45, 0.65))
        fading = clamp01((reach[None, :] - ys) / (0.04 * c.height) + 0.2)
        fall = clamp01((ys - lip[None, :]) / 3.0) * face * strands[None, :] * fading
        water = mix(rgb("#dcebef"), rgb("#ffffff"), ramp(streak, 0.3, 0.6))
        c.blend(fall * 0.96, water, y0)
        # Bushes on the ledge between the strands.
        ledge = (
            clamp01(1.0 - np.abs(ys - lip[None, :] + 6.0) / 12.0) * inside[None, :] * (1.0 - strands[None, :])
        )
        leaves = noise_2d(c.rng, (y1 - y0, c.width), (20, 200), octaves=2)
        c.blend(ledge * ramp(leaves, 0.3, 0.5), mix(rgb("#3f6a48"), rgb("#5f8a55"), leaves), y0)
        # Foam and spray along the foot of the tier.
        foam = noise_2d(c.rng, (y1 - y0, c.width), (12, 160), octaves=2)
        near_foot = clamp01(1.0 - np.abs(ys - foot[None, :] + 10.0) / 24.0) * inside[None, :]
        c.blend(near_foot * ramp(foam, 0.25, 0.6) * 0.9, rgb("#f6fafb"), y0)
    # Forest framing both sides, continuous so no seam shows, and mist rising from the pools.
    frame = ramp(0.24 - x, 0.0, 0.24) + ramp(x - 0.84, 0.0, 0.16)
    green = c.height * (1.05 - 0.75 * frame) - 0.05 * c.height * noise_1d(c.rng, c.width, 30, 3)
    c.layer(green.astype(np.float32), "#3f6a4c", "#2f5640", 0.3 * c.height, texture=0.2, cells=(80, 160))
    c.haze(0.8 * c.height, 1.0 * c.height, "#f2f6f5", 0.5)
    c.layer(_ridge(c, 1.0, 0.05, 12, 3), "#3a5e45", "#2c4a36", 0.1 * c.height, texture=0.2, cells=(60, 200))


def high_peaks(c: Canvas) -> None:
    c.sky([(0.0, "#8fa9cc"), (0.4, "#d9c7d6"), (0.62, "#f6d9bf"), (1.0, "#fbe9d6")])
    c.glow(0.25 * c.width, 0.55 * c.height, 0.25 * c.width, "#fff0d8", 0.8)
    peaks = [
        (0.56, 0.36, "#98a2bd", "#b2b8cb", 2.3, 0.0),
        (0.68, 0.36, "#75839f", "#8e99b2", 3.1, 0.4),
        (0.82, 0.38, "#55647f", "#6c7891", 4.2, 0.7),
    ]
    for base, height, top, bottom, waves, offset in peaks:
        x = c.xs[0] / c.width
        wobble = 0.25 * noise_1d(c.rng, c.width, waves * 2, 2)
        crest = 1.0 - triangle(x * waves + offset + wobble)
        crest = 0.65 * crest * crest + 0.35 * (1.0 - triangle(x * waves * 2.3 + offset)) * crest
        crest = crest * (0.55 + 0.45 * noise_1d(c.rng, c.width, waves, 2))
        jag = noise_1d(c.rng, c.width, 90, 4)
        ridge = base * c.height - height * c.height * clamp01(crest) - 0.02 * c.height * jag
        c.layer(
            ridge.astype(np.float32), top, bottom, 0.3 * c.height, texture=0.05, light=0.6, cells=(40, 60)
        )
        # A sea of cloud swallows the foot of each range: billows along its top, shading below.
        position = x * 26.0 * (1.0 + base) + 0.6 * noise_1d(c.rng, c.width, 8, 2)
        cell = np.floor(position)
        size = c.rng.uniform(0.3, 1.0, int(position.max()) + 2)[cell.astype(np.int64)]
        billow = np.sqrt(clamp01(1.0 - (2.0 * (position - cell) - 1.0) ** 2)) * size
        cloud_top = (base + 0.03) * c.height - 0.05 * c.height * noise_1d(c.rng, c.width, 6, 3)
        cloud_top = cloud_top - 0.018 * c.height * billow
        c.layer(
            cloud_top.astype(np.float32),
            "#fffaf3",
            "#dcdde8",
            0.3 * c.height,
            texture=0.12,
            softness=4,
            cells=(12, 30),
        )


def _tea_dome(c: Canvas, cx: float, cy: float, a: float, b: float, rows: float, haze: float) -> None:
    """A rounded hill (half ellipse) striped with tea rows that follow its contours."""
    x = c.xs[0] / c.width
    t = clamp01(1.0 - ((x - cx) / a) ** 2)
    ridge = (cy - b * np.sqrt(t)) * c.height
    ridge = np.where(t > 0, ridge, c.height + 10.0).astype(np.float32)
    cover, top = c.coverage(ridge)
    dx = (c.xs - cx * c.width) / (a * c.width)
    dy = (c.ys[top:] - cy * c.height) / (b * c.height)
    radius = np.sqrt(dx * dx + dy * dy)
    wobble = noise_2d(c.rng, (c.height - top, c.width), (6, 10), octaves=2)
    stripe = (radius + 0.02 * wobble) * rows
    phase = stripe - np.floor(stripe)
    bush = ramp(phase, 0.12, 0.3) * (1.0 - ramp(phase, 0.72, 0.9))
    leaf = noise_2d(c.rng, (c.height - top, c.width), (120, 400), octaves=2)
    shade = clamp01(0.5 + 0.5 * dx)  # the right flank is in shadow
    colour = mix(rgb("#4d6b34"), rgb("#8fbf4f"), (bush * (0.75 + 0.35 * leaf))[..., None])
    colour = colour * (1.0 - 0.18 * shade[..., None])
    colour = mix(colour, rgb("#dfe8e4"), haze)
    c.blend(cover, colour, top)


def tea_hills(c: Canvas) -> None:
    c.sky([(0.0, "#b6cfe2"), (0.5, "#e1ebef"), (1.0, "#eef2ec")])
    c.glow(0.8 * c.width, 0.2 * c.height, 0.2 * c.width, "#fffbef", 0.6)
    c.clouds(0.05, 0.28, "#ffffff", 0.38, 0.5)
    c.layer(_ridge(c, 0.45, 0.14, 3, 4), "#a4b8c6", "#bac8cf", 0.3 * c.height, texture=0.04)
    c.haze(0.35 * c.height, 0.55 * c.height, "#eef2f0", 0.5)
    domes = [
        (0.15, 0.62, 0.2, 0.16, 14, 0.45),
        (0.5, 0.6, 0.24, 0.17, 16, 0.45),
        (0.86, 0.64, 0.22, 0.15, 14, 0.45),
        (0.3, 0.8, 0.26, 0.2, 18, 0.2),
        (0.75, 0.84, 0.28, 0.22, 18, 0.18),
        (0.05, 1.02, 0.3, 0.26, 20, 0.0),
        (0.55, 1.1, 0.42, 0.3, 24, 0.0),
    ]
    for cx, cy, a, b, rows, haze in domes:
        _tea_dome(c, cx, cy, a, b, rows, haze)


def valley(c: Canvas) -> None:
    c.sky([(0.0, "#a8c3da"), (0.5, "#e0e9ec"), (1.0, "#edefe6")])
    c.clouds(0.05, 0.3, "#ffffff", 0.42, 0.55)
    c.layer(_ridge(c, 0.42, 0.2, 3, 5), "#95a9bd", "#aab9c6", 0.3 * c.height, texture=0.04, light=0.3)
    c.haze(0.3 * c.height, 0.5 * c.height, "#edf1f0", 0.45)
    # The valley floor: fields in bands narrowing towards the horizon, and a river.
    floor_top = int(0.47 * c.height)
    rows = c.height - floor_top
    depth = (c.ys[floor_top:] - floor_top) / rows
    band = np.sqrt(clamp01(depth)) * 11.0 + 0.25 * noise_2d(c.rng, (rows, c.width), (3, 12), octaves=2)
    plots = noise_2d(c.rng, (rows, c.width), (2, 40))
    tone = 0.55 * (band - np.floor(band)) + 0.45 * plots
    colour = mix(rgb("#9fbf6a"), rgb("#d9cf7e"), ramp(tone, 0.35, 0.75))
    colour = mix(colour, rgb("#dfe6df"), 0.45 * (1.0 - clamp01(depth * 3.0)))
    c.blend(np.ones((rows, c.width), dtype=np.float32), colour, floor_top)
    meander = noise_1d(c.rng, c.height, 4, 2)[floor_top:]
    centre = c.width * (0.5 + (meander - 0.5) * (0.05 + 0.3 * depth[:, 0]))
    width = 4.0 + 90.0 * depth[:, 0]
    river = clamp01(width[:, None] / 2 - np.abs(c.xs - centre[:, None]) + 0.5)
    c.blend(river, mix(rgb("#c4d8e0"), rgb("#8fb2c2"), depth * np.ones((1, c.width))), floor_top)
    x = c.xs[0] / c.width
    # Slopes closing in from both sides, the nearer ones steeper and darker.
    slopes = [
        (0.28 + 0.55 * x, "#7d9c78", "#6a8a68", 0.35),
        (0.26 + 0.55 * (1.0 - x), "#739573", "#5f815f", 0.3),
        (0.38 + 1.5 * x, "#4f7656", "#355a40", 0.0),
        (0.34 + 1.5 * (1.0 - x), "#48704f", "#2f523a", 0.0),
    ]
    for line, top, bottom, haze in slopes:
        ridge = (line * c.height - 0.05 * c.height * noise_1d(c.rng, c.width, 14, 4)).astype(np.float32)
        c.layer(ridge, top, bottom, 0.5 * c.height, texture=0.16, light=0.4, cells=(50, 90))
        if haze:
            c.haze(ridge.min(), ridge.min() + 0.25 * c.height, "#eef2ef", haze)


def river_midlands(c: Canvas) -> None:
    c.sky([(0.0, "#b1c9dd"), (0.45, "#e7ecec"), (1.0, "#f1eee2")])
    c.glow(0.6 * c.width, 0.3 * c.height, 0.25 * c.width, "#fff6e4", 0.6)
    c.clouds(0.05, 0.3, "#ffffff", 0.4, 0.55)
    hills = [(0.46, 0.06, "#a6b9c2", 0.6), (0.5, 0.07, "#8ea99f", 0.45), (0.55, 0.06, "#7d9c80", 0.3)]
    for base, amplitude, colour, haze in hills:
        ridge = _ridge(c, base, amplitude, 4, 3)
        c.layer(ridge, colour, colour, 0.2 * c.height, texture=0.08, light=0.3)
        c.haze(ridge.min() + 0.02 * c.height, base * c.height + 0.05 * c.height, "#eef0ea", haze * 0.5)
    top = int(0.54 * c.height)
    depth = ((c.ys[top:] - top) / (c.height - top)).astype(np.float32)
    fields = noise_2d(c.rng, (c.height - top, c.width), (5, 14), octaves=3)
    ground = mix(rgb("#a7bf73"), rgb("#6f9450"), ramp(fields, 0.3, 0.75)[..., None])
    ground = mix(ground, rgb("#cfd8c0"), (0.5 * (1.0 - depth) ** 2)[..., None])
    c.blend(np.ones((c.height - top, c.width), dtype=np.float32), ground, top)
    # The river meanders towards the viewer and widens with perspective.
    meander = noise_1d(c.rng, c.height, 4, 2)[top:]
    centre = c.width * (0.5 + (meander - 0.5) * (0.3 + 1.2 * depth[:, 0]))
    width = 30.0 + 520.0 * depth[:, 0] ** 2
    distance = np.abs(c.xs - centre[:, None]) - width[:, None] / 2
    bank = clamp01(8.0 - distance) * clamp01(distance + 10.0)
    c.blend(bank * 0.9, rgb("#8f8a62"), top)
    water = mix(rgb("#d8e4e6"), rgb("#8fb0bb"), depth[..., None] * np.ones((1, c.width, 1)))
    shimmer = noise_2d(c.rng, (c.height - top, c.width), (40, 6), octaves=2)
    water = water + 0.05 * ramp(shimmer, 0.6, 0.8)[..., None]
    c.blend(clamp01(0.5 - distance), water, top)
    c.layer(_ridge(c, 1.02, 0.08, 5, 4), "#567a4c", "#45663e", 0.1 * c.height, texture=0.2, cells=(60, 200))


def limestone_hills(c: Canvas) -> None:
    c.sky([(0.0, "#b9cde0"), (0.55, "#eef0ea"), (1.0, "#f3efe2")])
    c.clouds(0.05, 0.28, "#ffffff", 0.4, 0.5)
    horizon = int(0.66 * c.height)
    hills = [
        (7, 0.05, 0.34, "#a9b8c2", "#bcc6cc"),
        (6, 0.06, 0.32, "#7f9a8f", "#93a79c"),
        (4, 0.07, 0.36, "#56725f", "#6a8270"),
    ]
    for count, width, height, top, bottom in hills:
        centres = list((np.arange(count) + c.rng.uniform(0.1, 0.9, count)) / count)
        widths = list(c.rng.uniform(width * 1.2, width * 2.0, count))
        heights = list(c.rng.uniform(height * 0.5, height, count))
        tall = _bumps(c, centres, widths, heights, shape="dome")
        ridge = (horizon - tall - 0.006 * c.height * noise_1d(c.rng, c.width, 50, 3)).astype(np.float32)
        c.layer(ridge, top, bottom, 0.3 * c.height, texture=0.12, light=0.5, cells=(40, 120))
        c.haze(horizon - 0.2 * c.height, horizon + 5, "#eef1ec", 0.3)
    _reflect(c, horizon, "#9fb8b8", 4)
    # Flooded paddies: bunds spaced by perspective, rice already green in some plots.
    rows = c.height - horizon
    depth = clamp01((c.ys[horizon:] - horizon) / rows)
    level = np.sqrt(depth) * 12.0 + 0.15 * noise_2d(c.rng, (rows, c.width), (2, 8))
    plot = np.floor(level)
    row_line = clamp01(1.0 - np.abs(level - np.floor(level + 0.5)) * (40.0 / (1.0 + 12.0 * depth)))
    fan = (c.xs - 0.5 * c.width) / (40.0 + depth * c.height * 1.2) * 1.6
    fan_line = clamp01(1.0 - np.abs(fan - np.floor(fan + 0.5)) * (30.0 / (1.0 + 8.0 * depth)))
    planted = noise_2d(c.rng, (rows, c.width), (3, 10))
    green = ramp(planted + 0.1 * (plot - 2.0 * np.floor(plot / 2.0)), 0.5, 0.6) * clamp01(depth * 4.0)
    rice = noise_2d(c.rng, (rows, c.width), (rows / 3, 600))
    c.blend(green * 0.85, mix(rgb("#8fae5a"), rgb("#b5c978"), rice), horizon)
    lines = clamp01(row_line + 0.6 * fan_line) * clamp01(depth * 20.0)
    c.blend(lines * 0.6, rgb("#6f8049"), horizon)


def forest_hills(c: Canvas) -> None:
    c.sky([(0.0, "#9fbad3"), (0.5, "#dfe8ec"), (1.0, "#eef0ea")])
    c.glow(0.75 * c.width, 0.22 * c.height, 0.18 * c.width, "#fffbee", 0.5)
    c.clouds(0.04, 0.25, "#ffffff", 0.38, 0.5)
    layers = [
        (0.42, 0.16, "#9cb2c4", "#b3c3cf", 14, 0.04),
        (0.52, 0.15, "#7f9fa6", "#93aeb1", 22, 0.08),
        (0.63, 0.14, "#5f8577", "#6f9184", 30, 0.1),
        (0.76, 0.14, "#406a52", "#4f7a5e", 40, 0.14),
        (0.9, 0.12, "#2c513b", "#365d45", 52, 0.18),
    ]
    for i, (base, amplitude, top, bottom, crowns, crown_size) in enumerate(layers):
        ridge = _ridge(c, base, amplitude, 3 + i, 4)
        # Tree crowns: rounded bumps of varying size along the crest.
        position = c.xs[0] / c.width * crowns * 6
        cell = np.floor(position).astype(np.int64)
        size = c.rng.uniform(0.4, 1.0, int(crowns * 6) + 2)[cell]
        arc = clamp01(1.0 - (2.0 * (position - cell) - 1.0) ** 2)
        ridge = ridge - np.sqrt(arc) * size * crown_size * 0.08 * c.height
        c.layer(
            ridge.astype(np.float32),
            top,
            bottom,
            0.3 * c.height,
            texture=0.1 + 0.05 * i,
            light=0.25,
            cells=(40 + 20 * i, 90 + 60 * i),
        )
        if i < len(layers) - 1:
            c.haze(
                ridge.min() + 0.12 * c.height, base * c.height + 0.08 * c.height, "#eef2f1", 0.5 - 0.07 * i
            )


SCENES: dict[str, Callable[[Canvas], None]] = {
    "landscape-karst-plateau": karst_plateau,
    "landscape-terraces": terraces,
    "landscape-lake": lake,
    "landscape-waterfall": waterfall,
    "landscape-high-peaks": high_peaks,
    "landscape-tea-hills": tea_hills,
    "landscape-valley": valley,
    "landscape-river-midlands": river_midlands,
    "landscape-limestone-hills": limestone_hills,
    "landscape-forest-hills": forest_hills,
}
