"""The festival calendar: the Vietnamese lunar calendar, date rules, event pages and iCalendar files."""
