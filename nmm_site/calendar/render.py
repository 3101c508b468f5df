"""HTML of the calendar page (by month, with filters) and of the "next dates" section of a page.

Everything is plain HTML that works without JavaScript: the filter form is `hidden` until
overrides/assets/javascripts/calendar.js shows it, so a reader without JavaScript sees the whole list.
"""

from __future__ import annotations

import html
from collections import defaultdict

from nmm_site.calendar import texts
from nmm_site.calendar.events import KINDS, Event
from nmm_site.calendar.model import Calendar
from nmm_site.calendar.rules import Occurrence

PLACEHOLDER = "{{ calendar() }}"
ICS_ALL = "events.ics"  # beside the calendar page of each language
SECTION_ID = "next-dates"


def ics_name(province: str) -> str:
    return f"{province}.ics"


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _when(lang: str, occurrence: Occurrence) -> str:
    return (
        f'<time datetime="{occurrence.start.isoformat()}">'
        f"{_e(texts.date_text(lang, occurrence.start, occurrence.end))}</time>"
    )


def _event_item(calendar: Calendar, event: Event, lang: str, root: str, pages: frozenset[str]) -> str:
    t = lambda key: _e(texts.text(lang, key))  # noqa: E731
    rule = texts.rule_text(lang, event.rule)
    parts = [
        f'<li class="nmm-event" data-provinces="{_e(" ".join(event.provinces))}" '
        f'data-kind="{_e(event.kind)}">',
        f'<h3 id="{_e(event.id)}">{_e(texts.title(event.name[lang]))}</h3>',
        '<dl class="nmm-event__facts">',
        f"<dt>{t('kind')}</dt>\n<dd>{_e(texts.kind_name(lang, event.kind))}</dd>",
    ]
    if lang != "vi" and "vi" in event.name:
        parts.append(f'<dt>{t("vietnamese_name")}</dt>\n<dd lang="vi">{_e(event.name["vi"])}</dd>')
    when = [f"<span>{_e(rule)}</span>"] if rule else []
    if not event.rule.weekly:
        # This year's dates stay listed (the rule shows in them), marked when they are over.
        past = f' <span class="nmm-event__past">{t("past")}</span>'
        when += [
            _when(lang, occurrence) + (past if occurrence.end < calendar.today else "")
            for occurrence in calendar.occurrences(event)
        ]
    dates = "<br>\n".join(when)
    parts.append(f"<dt>{t('dates')}</dt>\n<dd>{dates}</dd>")
    if event.place:
        parts.append(f"<dt>{t('place')}</dt>\n<dd>{_e(event.place[lang])}</dd>")
    provinces = ", ".join(
        f'<a href="{root}provinces/{_e(p)}/">{_e(calendar.province_names.get(p, {}).get(lang, p))}</a>'
        if f"provinces/{p}" in pages
        else _e(calendar.province_names.get(p, {}).get(lang, p))
        for p in event.provinces
    )
    parts.append(f"<dt>{t('provinces')}</dt>\n<dd>{provinces}</dd>")
    if event.peoples:
        peoples = ", ".join(
            f'<a href="{root}peoples/{_e(p)}/">{_e(calendar.people_names.get(p, {}).get(lang, p))}</a>'
            if f"peoples/{p}" in pages
            else _e(calendar.people_names.get(p, {}).get(lang, p))
            for p in event.peoples
        )
        parts.append(f"<dt>{t('peoples')}</dt>\n<dd>{peoples}</dd>")
    parts.append("</dl>")
    parts.append(f'<p class="nmm-event__description">{_e(event.description[lang])}</p>')
    if event.date_note:
        parts.append(f'<p class="nmm-event__note">{_e(event.date_note[lang])}</p>')
    source = calendar.sources.get(event.source, {})
    title = _e(source.get("title", event.source))
    publisher = f", {_e(source['publisher'])}" if source.get("publisher") else ""
    # <cite>: the build's typography leaves source titles exactly as written.
    cited = (
        f'<a href="{_e(source["url"])}"><cite>{title}</cite></a>'
        if source.get("url")
        else f"<cite>{title}</cite>"
    )
    parts.append(f'<p class="nmm-event__source">{t("source")}: {cited}{publisher}</p>')
    parts.append("</li>")
    return "\n".join(parts)


def _by_month(calendar: Calendar) -> list[tuple[tuple[int, int], list[Event]]]:
    months: dict[tuple[int, int], list[tuple[Occurrence, Event]]] = defaultdict(list)
    for event in calendar.events:
        if event.rule.weekly:
            continue
        occurrence = calendar.next_occurrence(event)
        months[(occurrence.start.year, occurrence.start.month)].append((occurrence, event))
    return [
        (month, [e for _o, e in sorted(items, key=lambda pair: (pair[0].start, pair[1].id))])
        for month, items in sorted(months.items())
    ]


def _filters(calendar: Calendar, lang: str) -> str:
    t = lambda key: _e(texts.text(lang, key))  # noqa: E731
    provinces = "\n".join(
        f'<option value="{_e(p)}">{_e(calendar.province_names[p].get(lang, p))}</option>'
        for p in calendar.provinces()
    )
    used = {e.kind for e in calendar.events}
    kinds = "\n".join(
        f'<option value="{k}">{_e(texts.kind_name(lang, k))}</option>' for k in KINDS if k in used
    )
    return (
        f'<form class="nmm-calendar__filters" data-nmm-filters hidden aria-label="{t("filters")}">'
        f'<p><label for="nmm-calendar-province">{t("province")}</label> '
        f'<select id="nmm-calendar-province" name="province"><option value="">{t("all_provinces")}</option>'
        f"{provinces}</select></p>"
        f'<p><label for="nmm-calendar-kind">{t("kind")}</label> '
        f'<select id="nmm-calendar-kind" name="kind"><option value="">{t("all_kinds")}</option>'
        f"{kinds}</select></p>"
        f'<p class="nmm-calendar__count" data-nmm-count aria-live="polite" '
        f'data-one="{_e(texts.text(lang, "count_one"))}" '
        f'data-many="{_e(texts.text(lang, "count"))}"></p>'
        "</form>"
        f'<p class="nmm-calendar__empty" data-nmm-empty hidden>{t("none")}</p>'
    )


def _seasons(calendar: Calendar, lang: str, root: str, pages: frozenset[str]) -> str:
    """The season strip: month by month, the provinces' landscapes at their best (filtered by province)."""
    if not calendar.seasons:
        return ""
    t = lambda key: _e(texts.text(lang, key))  # noqa: E731
    rows = []
    for month in range(1, 13):
        items = []
        for season in calendar.seasons:
            if month not in season.months:
                continue
            name = _e(calendar.province_names.get(season.province, {}).get(lang, season.province))
            where = (
                f'<a href="{root}provinces/{_e(season.province)}/">{name}</a>'
                if f"provinces/{season.province}" in pages
                else name
            )
            source = calendar.sources.get(season.source, {})
            cite = (
                f' <a class="nmm-season__source" href="{_e(source["url"])}" '
                f'title="{_e(source.get("title", ""))}">{t("source_short")}</a>'
                if source.get("url")
                else ""
            )
            items.append(
                f'<li class="nmm-season" data-provinces="{_e(season.province)}">'
                f"{_e(season.what.get(lang, ''))} ({where}){cite}</li>"
            )
        if items:
            heading = texts.month_name(lang, month)
            rows.append(
                f"<div data-nmm-season-month><dt>{_e(heading)}</dt>\n"
                f"<dd><ul>\n{chr(10).join(items)}\n</ul></dd></div>"
            )
    return (
        '<section class="nmm-calendar__seasons" aria-labelledby="seasons">'
        f'<h2 id="seasons">{t("seasons")}</h2>\n'
        f"<p>{t('seasons_intro')}</p>\n"
        f'<dl class="nmm-seasons">\n{chr(10).join(rows)}\n</dl>'
        "</section>"
    )


def _subscribe(calendar: Calendar, lang: str) -> str:
    t = lambda key: _e(texts.text(lang, key))  # noqa: E731
    provinces = " · ".join(
        f'<a href="{ics_name(p)}" type="text/calendar">{_e(calendar.province_names[p].get(lang, p))}</a>'
        for p in calendar.provinces()
    )
    return (
        '<section class="nmm-calendar__subscribe" aria-labelledby="subscribe">'
        f'<h2 id="subscribe">{t("subscribe")}</h2>'
        f"<p>{t('subscribe_help')}</p>"
        f'<p><a href="{ICS_ALL}" type="text/calendar" class="nmm-calendar__ics">{t("subscribe_all")}</a></p>'
        f"<p>{t('by_province')} {provinces}</p>"
        "</section>"
    )


def calendar_html(
    calendar: Calendar, lang: str, root: str, script: str, pages: frozenset[str] | None = None
) -> str:
    """The calendar page's body: note, filters, months, weekly events, subscription links.

    `root` leads from the page to its language root ("../" from calendar/), `script` to calendar.js;
    `pages` ("provinces/ha-giang", "peoples/mong"…) are the pages a province or people name links to
    (None: every one)."""
    if pages is None:
        pages = frozenset(
            [f"provinces/{p}" for p in calendar.province_names]
            + [f"peoples/{p}" for p in calendar.people_names]
        )
    today = texts.date_text(lang, calendar.today, calendar.today)
    parts = [
        f'<div class="nmm-calendar" data-nmm-calendar data-total="{len(calendar.events)}">',
        '<p class="nmm-calendar__note">'
        + _e(texts.text(lang, "computed", first=calendar.first_year, last=calendar.last_year, today=today))
        + "</p>",
        _filters(calendar, lang),
    ]
    for (year, month), events in _by_month(calendar):
        anchor = f"month-{year}-{month:02d}"
        parts.append(f'<section class="nmm-calendar__month" data-nmm-month aria-labelledby="{anchor}">')
        parts.append(f'<h2 id="{anchor}">{_e(texts.month_heading(lang, year, month))}</h2>')
        parts.append('<ul class="nmm-calendar__events">')
        parts += [_event_item(calendar, event, lang, root, pages) for event in events]
        parts.append("</ul></section>")
    weekly = [e for e in calendar.events if e.rule.weekly]
    if weekly:
        weekly.sort(key=lambda e: (e.rule.weekday, e.id))
        parts.append('<section class="nmm-calendar__month" data-nmm-month aria-labelledby="every-week">')
        parts.append(f'<h2 id="every-week">{_e(texts.text(lang, "weekly"))}</h2>')
        parts.append('<ul class="nmm-calendar__events">')
        parts += [_event_item(calendar, event, lang, root, pages) for event in weekly]
        parts.append("</ul></section>")
    parts.append(_seasons(calendar, lang, root, pages))
    parts.append(_subscribe(calendar, lang))
    parts.append("</div>")
    parts.append(f'<script src="{_e(script)}" defer></script>')
    return "\n".join(parts)


def next_dates_html(
    calendar: Calendar, events: list[Event], lang: str, root: str, province: str | None = None
) -> str:
    """The `<section id="next-dates">` of a province or heritage page ("" when it has no event)."""
    if not events:
        return ""
    t = lambda key: _e(texts.text(lang, key))  # noqa: E731
    yearly = sorted(
        (e for e in events if not e.rule.weekly), key=lambda e: (calendar.next_occurrence(e).start, e.id)
    )
    weekly = sorted((e for e in events if e.rule.weekly), key=lambda e: (e.rule.weekday, e.id))
    items = []
    for event in [*yearly, *weekly]:
        link = f'<a href="{root}calendar/#{_e(event.id)}">{_e(texts.title(event.name[lang]))}</a>'
        rule = texts.rule_text(lang, event.rule)
        if event.rule.weekly:
            when = _e(rule)
        else:
            when = _when(lang, calendar.next_occurrence(event)) + (f" ({_e(rule)})" if rule else "")
        items.append(f"<li>{link}: {when}</li>")
    links = [f'<a href="{root}calendar/">{t("see_calendar")}</a>']
    if province:
        links.append(
            f'<a href="{root}calendar/{ics_name(province)}" type="text/calendar">{t("add_province")}</a>'
        )
    return (
        f'<section id="{SECTION_ID}" class="nmm-next-dates" aria-labelledby="{SECTION_ID}-title">'
        f'<h2 id="{SECTION_ID}-title">{t("next_dates")}</h2>'
        f"<ul>\n{chr(10).join(items)}\n</ul>\n"
        f"<p>{' · '.join(links)}</p>"
        "</section>"
    )


def insert_section(page_html: str, section: str) -> str:
    """`section` before the page's last `<h2`, or at the end when the page has no h2."""
    if not section:
        return page_html
    at = page_html.rfind("<h2")
    if at == -1:
        return f"{page_html}\n{section}"
    return f"{page_html[:at]}{section}\n{page_html[at:]}"
