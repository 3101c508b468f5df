"""The calendar's own words in each language (names, places and descriptions come from the data)."""

from __future__ import annotations

from babel.dates import format_interval, format_skeleton, get_month_names

TEXTS: dict[str, dict[str, str]] = {
    "vi": {
        "filters": "Lọc lịch",
        "province": "Tỉnh (năm 2024)",
        "kind": "Loại sự kiện",
        "all_provinces": "Tất cả các tỉnh",
        "all_kinds": "Tất cả các loại",
        "count": "{n} sự kiện",
        "count_one": "{n} sự kiện",
        "none": "Không có sự kiện nào phù hợp với bộ lọc này.",
        "weekly": "Hằng tuần",
        "every": "{day} hằng tuần",
        "dates": "Ngày",
        "vietnamese_name": "Tên tiếng Việt",
        "place": "Địa điểm",
        "provinces": "Tỉnh",
        "peoples": "Dân tộc",
        "source": "Nguồn",
        "lunar_day": "ngày {d} tháng {m} âm lịch",
        "lunar_days_same": "ngày {d1}–{d2} tháng {m} âm lịch",
        "lunar_days": "từ ngày {d1} tháng {m1} đến ngày {d2} tháng {m2} âm lịch",
        "lunar_month": "tháng {m} âm lịch",
        "lunar_months": "tháng {m1} đến tháng {m2} âm lịch",
        "computed": "Ngày dương lịch của các năm {first}–{last} được tính từ âm lịch Việt Nam (múi giờ "
        "UTC+7), không gõ tay. Mỗi sự kiện được xếp vào tháng của lần tổ chức tiếp theo (hoặc đang diễn "
        "ra) tính đến ngày {today}.",
        "seasons": "Mùa đẹp của cảnh quan",
        "seasons_intro": "Theo tháng, cảnh sắc của từng tỉnh (trích từ phần chuẩn bị chuyến đi của "
        "trang tỉnh).",
        "source_short": "nguồn",
        "subscribe": "Thêm vào lịch của bạn",
        "subscribe_help": "Mở tệp .ics bằng ứng dụng lịch, hoặc sao chép địa chỉ liên kết để đăng ký: "
        "lịch sẽ tự cập nhật.",
        "subscribe_all": "Tất cả sự kiện (.ics)",
        "by_province": "Theo tỉnh (năm 2024):",
        "next_dates": "Những ngày sắp tới",
        "see_calendar": "Xem lịch lễ hội",
        "add_province": "Thêm các ngày này vào lịch của bạn (.ics)",
        "calendar_name": "Lễ hội và chợ phiên – Trung du và miền núi phía Bắc",
        "calendar_name_province": "Lễ hội và chợ phiên – {province}",
        "more": "Xem thêm: {url}",
    },
    "en": {
        "filters": "Filter the calendar",
        "province": "Province (as of 2024)",
        "kind": "Kind of event",
        "all_provinces": "All provinces",
        "all_kinds": "All kinds",
        "count": "{n} events",
        "count_one": "{n} event",
        "none": "No event matches these filters.",
        "weekly": "Every week",
        "every": "Every {day}",
        "dates": "Dates",
        "vietnamese_name": "In Vietnamese",
        "place": "Place",
        "provinces": "Province",
        "peoples": "Peoples",
        "source": "Source",
        "lunar_day": "day {d} of lunar month {m}",
        "lunar_days_same": "days {d1}–{d2} of lunar month {m}",
        "lunar_days": "from day {d1} of lunar month {m1} to day {d2} of lunar month {m2}",
        "lunar_month": "lunar month {m}",
        "lunar_months": "lunar months {m1} to {m2}",
        "computed": "The Gregorian dates for {first}–{last} are computed from the Vietnamese lunar "
        "calendar (UTC+7), never typed. Each event is listed under the month of its next occurrence, "
        "or of the one under way, as of {today}.",
        "seasons": "Seasons of the landscapes",
        "seasons_intro": "Month by month, what each province is at its best for (from the province "
        "pages' trip planning).",
        "source_short": "source",
        "subscribe": "Add to your calendar",
        "subscribe_help": "Open an .ics file with your calendar app, or copy the link address to "
        "subscribe: the calendar then updates itself.",
        "subscribe_all": "All events (.ics)",
        "by_province": "By province (as of 2024):",
        "next_dates": "Next dates",
        "see_calendar": "See the festival calendar",
        "add_province": "Add these dates to your calendar (.ics)",
        "calendar_name": "Festivals and markets – Northern Midlands and Mountains of Viet Nam",
        "calendar_name_province": "Festivals and markets – {province}",
        "more": "More: {url}",
    },
    "fr": {
        "filters": "Filtrer le calendrier",
        "province": "Province (en 2024)",
        "kind": "Type d'événement",
        "all_provinces": "Toutes les provinces",
        "all_kinds": "Tous les types",
        "count": "{n} événements",
        "count_one": "{n} événement",
        "none": "Aucun événement ne correspond à ces filtres.",
        "weekly": "Chaque semaine",
        "every": "Chaque {day}",
        "dates": "Dates",
        "vietnamese_name": "En vietnamien",
        "place": "Lieu",
        "provinces": "Province",
        "peoples": "Peuples",
        "source": "Source",
        "lunar_day": "{d_fr} jour du {m_fr} mois lunaire",
        "lunar_days_same": "du {d1_fr} au {d2_fr} jour du {m_fr} mois lunaire",
        "lunar_days": "du {d1_fr} jour du {m1_fr} mois au {d2_fr} jour du {m2_fr} mois lunaire",
        "lunar_month": "{m_fr} mois lunaire",
        "lunar_months": "du {m1_fr} au {m2_fr} mois lunaire",
        "computed": "Les dates du calendrier grégorien de {first} à {last} sont calculées d'après le "
        "calendrier lunaire vietnamien (UTC+7), jamais saisies à la main. Chaque événement figure au mois "
        "de sa prochaine édition, ou de celle en cours, au {today}.",
        "seasons": "Saisons des paysages",
        "seasons_intro": "Mois par mois, ce que chaque province offre de mieux (d'après la préparation "
        "du voyage des pages des provinces).",
        "source_short": "source",
        "subscribe": "Ajouter à votre agenda",
        "subscribe_help": "Ouvrez un fichier .ics avec votre agenda, ou copiez l'adresse du lien pour "
        "vous abonner : l'agenda se met alors à jour.",
        "subscribe_all": "Tous les événements (.ics)",
        "by_province": "Par province (en 2024) :",
        "next_dates": "Prochaines dates",
        "see_calendar": "Voir le calendrier des fêtes",
        "add_province": "Ajouter ces dates à votre agenda (.ics)",
        "calendar_name": "Fêtes et marchés – Moyennes et hautes terres du Nord du Viêt Nam",
        "calendar_name_province": "Fêtes et marchés – {province}",
        "more": "En savoir plus : {url}",
    },
}

KIND_NAMES: dict[str, dict[str, str]] = {
    "vi": {"festival": "Lễ hội", "market": "Chợ phiên", "ceremony": "Nghi lễ", "performance": "Biểu diễn"},
    "en": {"festival": "Festival", "market": "Market", "ceremony": "Ceremony", "performance": "Performance"},
    "fr": {"festival": "Fête", "market": "Marché", "ceremony": "Cérémonie", "performance": "Spectacle"},
}

WEEKDAY_NAMES: dict[str, tuple[str, ...]] = {
    "vi": ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
}


def title(name: str) -> str:
    """A name as a heading or a list entry: its first letter capitalised (French names are stored in
    lower case, "fête de Thành Tuyên", to sit inside a sentence)."""
    return name[:1].upper() + name[1:]


def text(lang: str, key: str, **values: object) -> str:
    words = TEXTS.get(lang, TEXTS["en"])[key]
    return words.format(**values) if values else words


def count(lang: str, n: int) -> str:
    return text(lang, "count_one" if n == 1 else "count", n=n)


def kind_name(lang: str, kind: str) -> str:
    return KIND_NAMES.get(lang, KIND_NAMES["en"]).get(kind, kind)


def _ordinal_fr(number: int) -> str:
    return "1er" if number == 1 else f"{number}e"


def rule_text(lang: str, rule) -> str:  # type: ignore[no-untyped-def]
    """The rule in words (lunar rules only: a solar rule is its dates)."""
    if rule.weekly:
        day = WEEKDAY_NAMES.get(lang, WEEKDAY_NAMES["en"])[rule.weekday]
        sentence = text(lang, "every", day=day)
        return sentence[0].upper() + sentence[1:]
    if rule.calendar != "lunar":
        return ""
    (m1, d1), (m2, d2) = rule.start, rule.end
    values = {
        "m": m1, "d": d1, "m1": m1, "d1": d1, "m2": m2, "d2": d2,
        "m_fr": _ordinal_fr(m1), "d_fr": _ordinal_fr(d1), "m1_fr": _ordinal_fr(m1),
        "d1_fr": _ordinal_fr(d1), "m2_fr": _ordinal_fr(m2), "d2_fr": _ordinal_fr(d2),
    }  # fmt: skip
    if rule.whole_months:
        return text(lang, "lunar_month" if m1 == m2 else "lunar_months", **values)
    if (m1, d1) == (m2, d2):
        return text(lang, "lunar_day", **values)
    return text(lang, "lunar_days_same" if m1 == m2 else "lunar_days", **values)


def month_heading(lang: str, year: int, month: int) -> str:
    import datetime as dt

    words = format_skeleton("yMMMM", dt.date(year, month, 1), locale=lang)
    return words[0].upper() + words[1:]


def month_name(lang: str, month: int) -> str:
    """The month's name, capitalised: "Tháng 1", "January", "Janvier"."""
    words = get_month_names("wide", "stand-alone", locale=lang)[month]
    return words[0].upper() + words[1:]


def date_text(lang: str, start, end) -> str:  # type: ignore[no-untyped-def]
    """A day or a range of days, with the year: "17 thg 2, 2026", "Sep 11 – Oct 9, 2026"."""
    if start == end:
        return format_skeleton("yMMMd", start, locale=lang)
    return format_interval(start, end, "yMMMd", locale=lang)
