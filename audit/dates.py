"""Calendar arithmetic for the six-month refresh rule (GOV001, GOV002, diff)."""
from __future__ import annotations

import calendar
from datetime import date


def add_months(day: date, months: int) -> date:
    """The same day `months` calendar months later, clamped to the month's end (Aug 31 + 6 → Feb 28)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def is_stale(reviewed: date, today: date, max_age_months: int) -> bool:
    """Reviewed more than `max_age_months` calendar months before `today` (exactly that many is not stale)."""
    return add_months(reviewed, max_age_months) < today


def whole_months_between(earlier: date, later: date) -> int:
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if later.day < earlier.day:
        months -= 1
    return max(0, months)
