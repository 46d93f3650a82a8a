"""Calendar arithmetic for the six-month refresh (GOV001, GOV002, the diff review).

Months are calendar months, not 30-day blocks: a review on 2026-05-23 is due on 2026-11-23; one
on the 31st of a month is due on the last day of a shorter month (2026-08-31 + 6 → 2027-02-28).
"""
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
    try:
        return add_months(reviewed, max_age_months) < today
    except ValueError:  # past year 9999: a date that far ahead is not stale
        return False
