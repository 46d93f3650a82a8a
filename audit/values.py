"""Reading one cell's value: text, ids, lists, booleans, durations, dates, numbers.

The reader hands us whatever the spreadsheet held: str, float (every number), bool, date,
datetime, time or timedelta. Each parser returns the value or raises `ValueError` with a short
reason; the importer turns that into a MAP003 finding at the cell.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable
from contextvars import ContextVar
from functools import lru_cache
from datetime import date, datetime, time, timedelta

_LIST_SPLIT = re.compile(r"[,;\n\r]+")

TRUE_WORDS = frozenset({"yes", "y", "true", "1", "да", "д", "+", "x", "х", "✓", "✔", "✅", "☑", "истина", "on",
                        "есть", "checked"})  # "checked": a checkbox as Airtable and Smartsheet export it
FALSE_WORDS = frozenset({"no", "n", "false", "0", "нет", "н", "-", "–", "—", "ложь", "off", "❌", "✗", "✘", "✖", "⛔",
                         "unchecked"})
PLACEHOLDERS = frozenset({"-", "–", "—", "−", "--", "n/a", "н/д", "н/п"})  # a cell filled to say "nothing here"


def placeholder(value: object) -> bool:
    """Whether a cell holds only a dash or "n/a": written so as not to leave it blank, it says nothing."""
    return text(value).casefold() in PLACEHOLDERS


def text(value: object) -> str:
    """A cell as text: numbers that are whole become integers (`101.0` → `"101"`), blanks become ''."""
    if type(value) is str:  # most cells: decided before the chain of type tests
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


_SUMMARY_WORDS = frozenset({"итого", "итог", "всего", "total", "totals", "grandtotal", "sum", "сумма"})


def summary_row(row: list[object]) -> bool:
    """A row that sums the table up: its first filled cell says «Итого», "Total"."""
    first = next((cell for cell in row if text(cell)), None)
    return first is not None and normalize_word(text(first)) in _SUMMARY_WORDS


def id_text(value: object) -> str:
    """An id as written, whitespace collapsed."""
    if type(value) is str:
        return " ".join(value.split())
    return " ".join(text(value).split())


_BRACKETED = re.compile(r"\([^()\n]*\)")


def id_list(value: object) -> list[str]:
    """A list cell: items separated by `,` `;` or new lines; blanks dropped; order kept. A separator inside
    brackets is part of its item: «Активные; Стоп-лист (жалобы, отписки)» names two segments."""
    raw = text(value)
    if not raw:
        return []
    if "(" in raw:
        raw = _BRACKETED.sub(lambda m: m.group().replace(",", "\0").replace(";", "\1"), raw)
        return [" ".join(part.split()).replace("\0", ",").replace("\1", ";")
                for part in _LIST_SPLIT.split(raw) if part.strip()]
    return [" ".join(part.split()) for part in _LIST_SPLIT.split(raw) if part.strip()]


def boolean(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    word = text(value).casefold().rstrip(".")
    if not word:
        return None
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    # "No – not live yet (ticket CRM-412)", "Да, с марта": the first word answers
    first = re.match(r"([^\W_]+|[+✓✔])\s*[–—,(:;-]", word)
    if first:
        if first.group(1) in TRUE_WORDS:
            return True
        if first.group(1) in FALSE_WORDS or first.group(1) in ("not", "не", "пока"):
            return False
    # «да ✓», "✓ yes", "no ✗": a word and a mark that say the same
    parts = word.split()
    if len(parts) == 2 and all(p in TRUE_WORDS for p in parts):
        return True
    if len(parts) == 2 and all(p in FALSE_WORDS for p in parts):
        return False
    # "✅ Live", "❌ Not implemented", "⛔ blocked": a mark before words says it
    if parts and parts[0] in _MARKS:
        return parts[0] in TRUE_WORDS
    raise ValueError("not a yes/no value")


def live(value: object) -> bool | None:
    """Whether an event is tracked, as a tracking plan says it: yes/no, or its status in words ("Live",
    "Not implemented", «в разработке»)."""
    try:
        return boolean(value)
    except ValueError:
        word = text(value).casefold().rstrip(".")
        if word in _LIVE_WORDS:
            return _LIVE_WORDS[word]
        raise


_MARKS = frozenset({"✓", "✔", "✅", "☑", "❌", "✗", "✘", "✖", "⛔", "+", "-"})
# a tracking plan's status in words: implemented (yes) or not yet (no)
_LIVE_WORDS = {"live": True, "implemented": True, "in prod": True, "in production": True, "в проде": True,
               "внедрено": True, "внедрен": True, "работает": True, "not implemented": False, "not live": False,
               "planned": False, "в плане": False, "не внедрено": False, "не работает": False, "todo": False,
               "to do": False, "in progress": False, "в работе": False, "в разработке": False}


_THOUSANDS = re.compile(r"^[~≈]?\d{1,3}(?:,\d{3})+(?:\.\d+)?\D*$")  # 1,240,000 and 12,500+


_NUMBER_THEN_WORDS = re.compile(r"^(\d+(?:\.\d+)?)[^\W\d_]{3,}$")
_CURRENCY = re.compile(r"[₽$€£]|руб|rub|usd|eur", re.IGNORECASE)
_FREE = frozenset({"бесплатно", "бесплатный", "бесплатная", "free", "freeofcharge", "0₽"})


def number(value: object) -> float | None:
    if isinstance(value, bool):
        raise ValueError("not a number")
    if isinstance(value, (int, float)):
        if not math.isfinite(value):
            raise ValueError("not a number")
        return float(value)
    raw = text(value)
    if not raw:
        return None
    cleaned = raw.replace("\u00a0", "").replace("\u202f", "").replace(" ", "").lstrip("~≈")
    cleaned = cleaned.replace(",", "") if _THOUSANDS.match(cleaned) else cleaned.replace(",", ".")
    cleaned = re.sub(r"[₽$€£]|руб\.?|rub", "", cleaned, flags=re.IGNORECASE)
    cleaned = re.sub(r"(?:/|в|per|a)(?:мес\w*|month|нед\w*|week|год|year)\.?$", "", cleaned, flags=re.IGNORECASE)
    cleaned = re.sub(r"(?:за|per|/)[^\d]+$", "", cleaned, flags=re.IGNORECASE)  # «0,9 ₽ за сессию», "$0.01 per msg"
    cleaned = re.sub(r"(?:чел|человек|клиент\w*|гост\w*|people|customers|users|contacts)\.?$", "", cleaned,
                     flags=re.IGNORECASE)  # «~350 чел.»: a size with its unit
    scale = 1.0
    suffix = re.search(r"(k|к|тыс\.?|thousand|m|млн\.?|million)$", cleaned, re.IGNORECASE)
    if suffix:
        scale = 1_000_000.0 if suffix.group(1).casefold().startswith(("m", "млн")) else 1_000.0
        cleaned = cleaned[: suffix.start()]
    try:
        result = float(cleaned) * scale
    except ValueError:
        words = _NUMBER_THEN_WORDS.match(cleaned)  # «45 ₽ минута оператора»: the number, then what it is per
        if cleaned.casefold() in _FREE:
            result = 0.0
        elif words and not suffix and _CURRENCY.search(raw):  # a price with words after it, not "3 days"
            result = float(words.group(1))
        else:
            raise ValueError("not a number") from None
    if not math.isfinite(result):  # `inf`, `nan` and `1e999` are words float() knows, not numbers
        raise ValueError("not a number")
    return result


def whole_number(value: object) -> int | None:
    result = number(value)
    if result is None:
        return None
    if result < 0 or not float(result).is_integer():
        raise ValueError("not a whole number")
    return int(result)


# Units of a duration, in minutes. Checked after lower-casing; longest spelling first.
_UNITS: dict[str, int] = {}
for _minutes, _names in (
    (1, "m min mins minute minutes мин минута минуты минут м"),
    (60, "h hr hrs hour hours ч час часа часов"),
    (1440, "d day days д дн день дня дней сут сутки суток"),
    (10080, "w wk week weeks нед неделя недели недель"),
):
    for _name in _names.split():
        _UNITS[_name] = _minutes
_DURATION_PART = re.compile(r"(\d+(?:[.,]\d+)?)\s*([a-zа-яё]*)\.?", re.IGNORECASE)
# Possessive quantifiers: with plain ones a cell of thirty digits and a stray character takes
# the regex engine minutes (each split of the digits into parts is tried).
_DURATION_WHOLE = re.compile(r"^(?:\s*+\d++(?:[.,]\d++)?+\s*+[a-zа-яё]*+\.?+\s*+)++$", re.IGNORECASE)


def duration_minutes(value: object) -> int | None:
    """`30m`, `2h`, `1d`, `1w`, `2ч`, `3 дня`, `1d 12h`; a bare number is days. Returns minutes."""
    if isinstance(value, str):
        return _duration_text(value)
    if isinstance(value, bool):
        raise ValueError("not a duration")
    if isinstance(value, (int, float)):
        if value != value:  # NaN: an empty cell, as `text` reads it
            return None
        if value < 0:
            raise ValueError("a negative duration")
        if value == float("inf") or value * 1440 > MAX_DURATION_MINUTES:
            raise ValueError("not a duration")
        return round(value * 1440)
    if isinstance(value, timedelta):
        return round(value.total_seconds() / 60)
    if isinstance(value, time):
        return value.hour * 60 + value.minute
    return _duration_text(text(value))


@lru_cache(maxsize=4096)
def _duration_text(value: str) -> int | None:
    raw = value.strip().casefold()
    if not raw:
        return None
    if raw in ("immediately", "сразу", "immediate", "now", "instantly", "мгновенно"):
        return 0
    if not _DURATION_WHOLE.match(raw):
        raise ValueError("not a duration (write e.g. 30m, 2h, 1d, 1w, 2ч, 3 дня)")
    total = 0.0
    for amount, unit in _DURATION_PART.findall(raw):
        if unit and unit not in _UNITS:
            raise ValueError(f"unknown time unit '{unit}'")
        total += float(amount.replace(",", ".")) * _UNITS.get(unit, 1440)
    if total > MAX_DURATION_MINUTES:
        raise ValueError("not a duration (longer than ten years)")
    return round(total)


MAX_DURATION_MINUTES = 10 * 366 * 1440  # a longer "delay" is a number typed in the wrong cell


_EXCEL_EPOCH = date(1899, 12, 30)
# day first wherever it can be; "10/22/2026" can only be the US month first (and "9/31/2026" is no date)
_DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y", "%d/%m/%Y", "%m/%d/%Y", "%Y/%m/%d", "%Y-%m-%d %H:%M:%S", "%Y-%m")


def day(value: object) -> date | None:
    """A date: a real spreadsheet date, an Excel serial number, or text (ISO, dd.mm.yyyy, dd/mm/yyyy)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise ValueError("not a date")
    if isinstance(value, (int, float)):
        if 1 <= value < 2958466:
            return _EXCEL_EPOCH + timedelta(days=int(value))
        raise ValueError("not a date")
    raw = text(value)
    if not raw:
        return None
    found = text_date(raw)
    if found is None:
        raise ValueError("not a date (write e.g. 2026-05-31 or 31.05.2026)")
    return found


_MONTHS = {
    "янв": 1, "фев": 2, "мар": 3, "апр": 4, "ма": 5, "июн": 6, "июл": 7, "авг": 8, "сен": 9, "окт": 10, "ноя": 11,
    "дек": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
_MONTH_WORD = r"([a-zа-яё]{3,9})\.?"
_DAY_MONTH_YEAR = re.compile(rf"^(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH_WORD},?\s+(\d{{4}})")
_MONTH_DAY_YEAR = re.compile(rf"^{_MONTH_WORD}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})")
_MONTH_YEAR = re.compile(rf"^{_MONTH_WORD}\s+(\d{{4}})")


def _month(word: str) -> int | None:
    word = word.casefold()
    if word.startswith("ма") and word not in ("мар", "март", "марта", "марте"):
        return 5 if word in ("май", "мая", "мае", "ма") else None
    for prefix, number in _MONTHS.items():
        if len(prefix) == 3 and word.startswith(prefix):
            return number
    return None


# A workbook whose slashed dates put the month first somewhere ("9/18/2026") and the day first nowhere
# writes them all month first: its "6/1/2026" is the 1st of June (set per workbook by the importer).
SLASH_MONTH_FIRST: ContextVar[bool] = ContextVar("slash_month_first", default=False)
_US_DATE_FORMATS = tuple(sorted(_DATE_FORMATS, key=lambda fmt: fmt != "%m/%d/%Y"))
_SLASHED = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/\d{2,4}\b")


def slashed_month_first(cells: Iterable[object]) -> bool:
    """Whether text dates with slashes put the month first: some cannot be read day first, and none
    cannot be read month first."""
    month_first = day_first = False
    for cell in cells:
        if type(cell) is str and "/" in cell:
            match = _SLASHED.match(cell)
            if match:
                month_first |= int(match.group(2)) > 12
                day_first |= int(match.group(1)) > 12
    return month_first and not day_first


def text_date(raw: str) -> date | None:
    """A date written as text: `2025-02-14`, `14.02.2025`, `14 февраля 2025 г.`, `Feb 14, 2025`, `14 Feb 2025`,
    `март 2025` (the first of the month), US `10/22/2026` when the day cannot come first (and `6/1/2026`
    too in a workbook that writes its dates so); None when the text is no date."""
    return _text_date(raw, SLASH_MONTH_FIRST.get())


@lru_cache(maxsize=4096)
def _text_date(raw: str, month_first: bool) -> date | None:
    cleaned = " ".join(raw.strip().split())
    if not any(ch.isdigit() for ch in cleaned):
        return None  # every date form has a day or a year in digits
    for fmt in _US_DATE_FORMATS if month_first else _DATE_FORMATS:
        try:
            return datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    head = re.match(r"^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|^\d{4}-\d{2}-\d{2}", cleaned)
    if head and head.group(0) != cleaned:
        return _text_date(head.group(0), month_first)
    for pattern, order in ((_DAY_MONTH_YEAR, "dmy"), (_MONTH_DAY_YEAR, "mdy"), (_MONTH_YEAR, "my")):
        match = pattern.match(cleaned.casefold())
        if not match:
            continue
        parts = dict(zip(order, match.groups()))
        month = _month(parts["m"])
        if month is None:
            continue
        try:
            return date(int(parts["y"]), month, int(parts.get("d", 1)))
        except ValueError:
            return None
    return None


class UnknownWord(ValueError):
    """A cell holding a word of no known value: the row stays usable, so the importer warns."""


def choice(value: object, aliases: dict[str, str], what: str, fuzzy: bool = True) -> str | None:
    """One of a fixed set of words, matched through `aliases` (normalized spelling → canonical).

    Client spellings such as "E-mail рассылка" or "Акционное письмо" match when exactly one
    canonical value has an alias (of four letters or more) inside the cell's text; a small typo
    ("активнй") matches the closest alias. Anything else raises `UnknownWord` with a suggestion.
    """
    raw = text(value)
    if not raw:
        return None
    word = normalize_word(raw)
    found = aliases.get(word)
    if found is None:
        found = _contained_alias(word, _items(aliases))
    if found is None:
        found = _part_alias(raw, aliases)
    if found is None:
        found, suggestion = _closest_alias(word, _items(aliases)) if fuzzy else (None, None)
        if found is None:
            hint = f" (closest known: '{suggestion}')" if suggestion else ""
            raise UnknownWord(f"unknown {what} '{raw}'{hint}")
    return found


class _Items(tuple):
    """A vocabulary's (alias, canonical) pairs, hashed once: the caches below key on it per cell."""

    def __new__(cls, pairs):
        self = super().__new__(cls, pairs)
        self._hash = hash(tuple(pairs))
        return self

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other) -> bool:
        return self is other or tuple.__eq__(self, other)


_VOCABULARIES: dict[int, tuple[dict, _Items]] = {}  # id → (the dict, kept alive so the id stays its own; pairs)


def _items(aliases: dict[str, str]) -> _Items:
    known = _VOCABULARIES.get(id(aliases))
    if known is None or known[0] is not aliases or len(known[1]) != len(aliases):
        known = _VOCABULARIES[id(aliases)] = (aliases, _Items(aliases.items()))
    return known[1]


@lru_cache(maxsize=4096)
def _closest_alias(word: str, aliases: tuple[tuple[str, str], ...]) -> tuple[str | None, str | None]:
    """(the canonical value of an alias one typo away, or None; the nearest canonical value as a hint)."""
    from rapidfuzz import fuzz, process

    if len(word) < 4:
        return None, None
    match = process.extractOne(word, [alias for alias, _ in aliases], scorer=fuzz.ratio)
    if match is None:
        return None, None
    canonical = aliases[match[2]][1]
    return (canonical if match[1] >= 88 else None), (canonical if match[1] >= 60 else None)


_PARTS = re.compile(r"\([^)]*\)|→|->|/|,|;|\bи\b|\band\b")


def _part_alias(raw: str, aliases: dict[str, str]) -> str | None:
    """"CRM (ночной пересчёт)", «эквайринг → CRM», «форма / сайт»: one part of the cell is a known
    word (the brackets hold a remark); found only when the known parts agree."""
    hits = {aliases[w] for part in _PARTS.split(raw) if (w := normalize_word(part)) in aliases}
    return hits.pop() if len(hits) == 1 else None


@lru_cache(maxsize=4096)
def _contained_alias(word: str, aliases: tuple[tuple[str, str], ...]) -> str | None:
    hits = {canonical for alias, canonical in aliases if len(alias) >= 4 and alias in word}
    return hits.pop() if len(hits) == 1 else None


@lru_cache(maxsize=1 << 16)
def normalize_word(raw: str) -> str:
    """Case-, space- and punctuation-insensitive spelling used to match headers and keywords."""
    return re.sub(r"[\W_]+", "", raw.casefold().replace("ё", "е"))
