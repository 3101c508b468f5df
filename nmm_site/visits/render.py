"""The "Plan your visit" section and the summary box of a page, as HTML, in one language.

Markup contract with the theme (overrides/assets/stylesheets): `section.nmm-visit#plan-your-visit` holds
four `section`s (#dont-miss, #when-to-go, #getting-there, #respect); places are `ul.nmm-visit__places`
(each `li#dont-miss-<id>`), seasons `ul.nmm-visit__months`; the summary is `aside.nmm-plan`. Semantic
HTML that reads well unstyled. Month names come from Babel, labels from the gettext catalogs (ui_text).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from babel.dates import format_date
from babel.lists import format_list
from babel.units import format_unit

from nmm_site.facts.loader import LineDict
from nmm_site.facts.render import APPROX, NBSP, babel_locale, format_number
from nmm_site.i18n.messages import ui_text
from nmm_site.visits import model

# A place's `page` (heritage/ba-be) → its URL relative to the current page, or None (no link).
Link = Callable[[str], str | None]
DASH = "\u2013"  # en dash between the months of a range


def _labels(lang: str) -> dict[str, str]:
    # Literal ui_text calls, so that `nmm extract-messages` finds every message.
    return {
        "plan": ui_text(lang, "Plan your visit"),
        "glance": ui_text(lang, "At a glance"),
        "dont_miss": ui_text(lang, "Don't miss"),
        "seasons": ui_text(lang, "When to go"),
        "getting_there": ui_text(lang, "Getting there"),
        "respect": ui_text(lang, "Respect"),
        "best_months": ui_text(lang, "Best months"),
        "all_year": ui_text(lang, "All year"),
        "from_hanoi": ui_text(lang, "From Hà Nội"),
        "road": ui_text(lang, "By road"),
        "rail": ui_text(lang, "By rail"),
        "air": ui_text(lang, "By air"),
    }


def _e(text: Any) -> str:
    """Text content: escaped, apostrophes kept as they are (they read in the page source too)."""
    return html.escape(str(text), quote=False)


def _attr(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _head(text: str) -> str:
    """A list item's first words start with a capital: "col de Mã Pí Lèng" → "Col de Mã Pí Lèng"."""
    return text[:1].upper() + text[1:]


def _text(node: Any, lang: str) -> str:
    return str(node.get(lang, "")) if isinstance(node, dict) else str(node or "")


# Months ---------------------------------------------------------------------------------------------


def month_name(month: int, lang: str, context: str = "stand-alone") -> str:
    """The month's full name from Babel: 9 → "September" / "septembre" / "Tháng 9"."""
    pattern = "LLLL" if context == "stand-alone" else "MMMM"
    return format_date(dt.date(2001, month, 1), pattern, locale=babel_locale(lang))


def runs(months: list[int]) -> list[tuple[int, int]]:
    """Consecutive months as (first, last) runs, in the order written; 12 → 1 continues a run."""
    result: list[tuple[int, int]] = []
    for month in months:
        if result and month == result[-1][1] % 12 + 1:
            result[-1] = (result[-1][0], month)
        else:
            result.append((month, month))
    return result


def calendar_runs(months: set[int]) -> list[tuple[int, int]]:
    """The runs of a set of months around the year (Dec–Feb is one run); [] for an empty set."""
    if not months or len(months) == 12:
        return []
    # Start after a month that is not in the set, so that a run across the new year stays whole.
    start = next(m for m in range(1, 13) if (m - 2) % 12 + 1 not in months and m in months)
    ordered = [(start - 1 + i) % 12 + 1 for i in range(12)]
    return runs([m for m in ordered if m in months])


def month_range(first: int, last: int, lang: str, context: str = "stand-alone") -> str:
    """ "September–October", "septembre–octobre", "Tháng 9–tháng 10"; one month alone by its name.
    `context="format"` for a range inside a sentence or list ("tháng 4–tháng 5")."""
    if first == last:
        return month_name(first, lang, context)
    return f"{month_name(first, lang, context)}{DASH}{month_name(last, lang, 'format')}"


def month_list(month_runs: list[tuple[int, int]], lang: str, conjunction: bool = False) -> str:
    """Runs as one text: the first as it starts a line, the others as inside a sentence."""
    parts = [
        month_range(a, b, lang, "stand-alone" if i == 0 else "format") for i, (a, b) in enumerate(month_runs)
    ]
    if conjunction and len(parts) > 1:
        return format_list(parts, locale=babel_locale(lang))
    return ", ".join(parts)


def best_months(seasons: list[Any], lang: str, labels: dict[str, str]) -> str:
    """Every month a season names, as short ranges around the year ("Jan – Feb, Apr – May and …")."""
    months = {m for season in seasons if isinstance(season, dict) for m in season.get("months") or []}
    if not months:
        return ""
    if len(months) == 12:
        return labels["all_year"]
    return month_list(calendar_runs(months), lang, conjunction=True)


# Travel --------------------------------------------------------------------------------------------


def hours_text(value: float, lang: str, approx: bool) -> str:
    """7 → "7 hours" / "7 heures" / "7 giờ" (Babel units; the short form where Babel has no long one)."""
    locale = babel_locale(lang)
    text = format_unit(value, "duration-hour", length="long", locale=locale)
    if "duration-" in text:
        text = format_unit(value, "duration-hour", length="short", locale=locale)
    text = text.replace(" ", NBSP, 1)
    return f"{APPROX}{text}" if approx else text


def _fact_number(fact: Any) -> tuple[float, bool] | None:
    if isinstance(fact, dict) and isinstance(fact.get("value"), int | float):
        return fact["value"], bool(fact.get("approx"))
    return None


def travel_figures(item: Any, lang: str) -> list[str]:
    """The distance and time of one way to travel, as texts ("≈ 300 km", "≈ 7 hours")."""
    parts = []
    distance = _fact_number(item.get("distance_km"))
    if distance:
        parts.append(format_number(distance[0], lang, "km", distance[1]))
    hours = _fact_number(item.get("hours"))
    if hours:
        parts.append(hours_text(hours[0], lang, hours[1]))
    return parts


def quickest(getting_there: list[Any], lang: str) -> str:
    """The shortest sourced travel time from Hà Nội with its mode ("≈ 7 hours by road"), or ""."""
    timed = [
        (item["hours"]["value"], item)
        for item in getting_there
        if isinstance(item, dict) and _fact_number(item.get("hours"))
    ]
    if not timed:
        return ""
    _, item = min(timed, key=lambda pair: pair[0])
    hours = _fact_number(item["hours"])
    assert hours is not None
    time = hours_text(hours[0], lang, hours[1])
    by_mode = {
        "road": ui_text(lang, "{time} by road"),
        "rail": ui_text(lang, "{time} by rail"),
        "air": ui_text(lang, "{time} by air"),
    }
    return by_mode.get(str(item.get("mode")), "{time}").format(time=time)


# Sources --------------------------------------------------------------------------------------------


def sources_of(entity: LineDict) -> list[str]:
    """Every source id the blocks of an entity cite, in page order, once each."""
    found: list[str] = []
    for block in model.BLOCKS:
        for item in entity.get(block) or []:
            if not isinstance(item, dict):
                continue
            for node in (item, item.get("distance_km"), item.get("hours")):
                source = node.get("source") if isinstance(node, dict) else None
                if isinstance(source, str) and source not in found:
                    found.append(source)
    return found


# HTML ----------------------------------------------------------------------------------------------


@dataclass
class Plan:
    """The HTML for one page: the section, the summary box, and the TOC entries of the section."""

    section: str
    summary: str
    title: str  # "Plan your visit" in the page's language (the TOC entry of the section)
    blocks: list[tuple[str, str]] = field(default_factory=list)  # (anchor, title) of each block shown
    sources: list[str] = field(default_factory=list)


def _places(items: list[Any], lang: str, link: Link) -> str:
    rows = []
    for item in items:
        name = _e(_head(_text(item.get("name"), lang)))
        url = link(str(item["page"])) if item.get("page") else None
        if url:
            name = f'<a href="{_attr(url)}">{name}</a>'
        css = "nmm-visit__place nmm-visit__place--featured" if item.get("featured") else "nmm-visit__place"
        rows.append(
            f'<li id="dont-miss-{_attr(item.get("id", ""))}" class="{css}">'
            f'<strong class="nmm-visit__name">{name}</strong>{NBSP}— '
            f'<span class="nmm-visit__why">{_e(_text(item.get("why"), lang))}</span></li>'
        )
    return '<ul class="nmm-visit__places">\n' + "\n".join(rows) + "\n</ul>"


def _seasons(items: list[Any], lang: str) -> str:
    rows = []
    for item in items:
        months = [m for m in item.get("months") or [] if isinstance(m, int)]
        when = month_list(runs(months), lang)
        rows.append(
            f'<li><strong class="nmm-visit__when">{_e(when)}</strong>{NBSP}— '
            f"{_e(_text(item.get('what'), lang))}</li>"
        )
    return '<ul class="nmm-visit__months">\n' + "\n".join(rows) + "\n</ul>"


def _travel(items: list[Any], lang: str, labels: dict[str, str]) -> str:
    order = {mode: i for i, mode in enumerate(model.MODES)}
    rows = []
    for item in sorted(items, key=lambda i: order.get(str(i.get("mode")), len(order))):
        figures = travel_figures(item, lang)
        numbers = f" ({_e(', '.join(figures))})" if figures else ""
        rows.append(
            f'<li class="nmm-visit__mode nmm-visit__mode--{_attr(item.get("mode", ""))}">'
            f"<strong>{_e(labels.get(str(item.get('mode')), item.get('mode', '')))}</strong>{numbers}{NBSP}— "
            f"{_e(_text(item.get('how'), lang))}</li>"
        )
    return '<ul class="nmm-visit__travel">\n' + "\n".join(rows) + "\n</ul>"


def _respect(items: list[Any], lang: str) -> str:
    rows = [f"<li>{_e(_text(item.get('text'), lang))}</li>" for item in items]
    return '<ul class="nmm-visit__respect">\n' + "\n".join(rows) + "\n</ul>"


def plan(entity: LineDict, lang: str, link: Link) -> Plan | None:
    """The visitor blocks of one entity in `lang`, or None when it has none of the four blocks."""
    labels = _labels(lang)
    parts: list[str] = []
    shown: list[tuple[str, str]] = []
    for block in model.BLOCKS:
        items = [item for item in entity.get(block) or [] if isinstance(item, dict)]
        if not items:
            continue
        anchor = model.ANCHORS[block]
        if block == "dont_miss":
            body = _places(items, lang, link)
        elif block == "seasons":
            body = _seasons(items, lang)
        elif block == "getting_there":
            body = _travel(items, lang, labels)
        else:
            body = _respect(items, lang)
        parts.append(
            f'<section id="{anchor}" class="nmm-visit__block nmm-visit__block--{anchor}">\n'
            f"<h3>{_e(labels[block])}</h3>\n{body}\n</section>"
        )
        shown.append((anchor, labels[block]))
    if not parts:
        return None
    title = labels["plan"]
    section = (
        f'<section id="{model.SECTION_ID}" class="nmm-visit" aria-labelledby="{model.SECTION_ID}-title">\n'
        f'<h2 id="{model.SECTION_ID}-title">{_e(title)}</h2>\n' + "\n".join(parts) + "\n</section>\n"
    )
    return Plan(section, summary(entity, lang, shown, labels), title, shown, sources_of(entity))


def summary(entity: LineDict, lang: str, shown: list[tuple[str, str]], labels: dict[str, str]) -> str:
    """The `aside.nmm-plan` box: best months, quickest time from Hà Nội, links to the blocks."""
    rows = []
    months = best_months(list(entity.get("seasons") or []), lang, labels)
    if months:
        rows.append(f"<dt>{_e(labels['best_months'])}</dt><dd>{_e(months)}</dd>")
    time = quickest(list(entity.get("getting_there") or []), lang)
    if time:
        rows.append(f"<dt>{_e(labels['from_hanoi'])}</dt><dd>{_e(time)}</dd>")
    facts = f'<dl class="nmm-plan__facts">{"".join(rows)}</dl>\n' if rows else ""
    links = "".join(f'<li><a href="#{anchor}">{_e(title)}</a></li>' for anchor, title in shown)
    return (
        f'<aside class="nmm-plan" aria-labelledby="nmm-plan-title">\n'
        f'<p class="nmm-plan__title" id="nmm-plan-title"><strong>{_e(labels["glance"])}</strong></p>\n'
        f"{facts}"
        f'<nav class="nmm-plan__links" aria-label="{_attr(labels["plan"])}"><ul>{links}</ul></nav>\n'
        "</aside>\n"
    )
