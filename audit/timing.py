"""Reading a "when" cell: the timing of a step, in the words clients write (SPEC §2).

A cell such as «через 2 часа после оформления заявки», «по вторникам в 11:00» or
"3 days before renewal" is split into the parts people write:

* **anchor** — after / before an event or a date: `anchor_relation` ("after" / "before"),
  `anchor_text` (the event phrase as written) and `offset_minutes` («через полгода после покупки»:
  six months after «покупки»; none written: None);
* **delay** — `delay_minutes`: «сразу», «через 2 часа», «на следующий день», «+2ч», "2 hours
  later", "day 3" (day N is N days after day 0, the trigger's day), and every form
  `values.duration_minutes` reads (`30m`, `2h`, `3 дня`, a bare number = days, a time cell);
* **send time** — `send_time` as "HH:MM": «в 11:00», «в 9 утра», "at 10am", "10:00";
* **recurrence** — `recurrence` (the phrase as written), `per_week` and `weekdays` (0 = Monday):
  «по вторникам», «1 раз в 2 недели», «ежедневно», "every Monday", "twice a month";
* **send date** — `send_date`, a calendar day: «29.11», «27.11.2026 10:00», "2026-11-27», «29 ноября»,
  "Nov 29", or a spreadsheet date. A date is the day a one-off mailing goes out, never a delay: «29.11»
  is not 29.11 days (a decimal of days needs no two-digit fraction naming a month).

Whatever none of these explains is `unread` ("" when the whole cell was understood), with a
`reason`, so the importer reports only what stays unreadable. The phrases live in
`audit/vocab/timing.toml`. `schedule_per_week`, FREQ001's reading of a Schedule cell, is the
recurrence part of the same grammar.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from functools import cache, lru_cache

from audit import values, vocab
from audit.loops import repeat_spans

NOT_A_TIMING = "not a duration (write e.g. 30m, 2h, 1d, 1w, 2ч, 3 дня)"
_MINUTES_PER_WEEK = 10080
MAX_TIMING_CHARS = 500  # longer text is a note, not a timing; the patterns are quadratic in the worst case
_TAKEN = "\x00"  # marks characters a part has explained; neither a word nor a space to the patterns


@dataclass(frozen=True, slots=True)
class Timing:
    """The parts of one timing cell; every part None (or empty) when the cell does not name it."""

    text: str = ""
    delay_minutes: int | None = None
    anchor_relation: str | None = None  # "after" | "before"
    anchor_text: str | None = None
    offset_minutes: int | None = None
    send_time: str | None = None  # "HH:MM"
    recurrence: str | None = None
    per_week: float | None = None
    weekdays: tuple[int, ...] = ()
    send_date: str | None = None  # "YYYY-MM-DD", or "--MM-DD" when no year is written
    unread: str = ""
    reason: str = ""  # why `unread` could not be read; "" when everything was

    @property
    def understood(self) -> bool:
        return not self.unread and not self.reason


_REMARK = re.compile(r"\s*\([^()]*\)")


def parse_timing(value: object) -> Timing:
    """The parts of a timing cell; what cannot be read is in `unread` / `reason`, never raised."""
    if isinstance(value, str):
        timing = _parse_text(value)
        if timing.reason and (remark := _REMARK.search(value)):
            # «сразу после оформления (на КАЖДЫЙ заказ)»: a remark in brackets beside a timing read whole
            bare = _parse_text(value[:remark.start()] + value[remark.end():])
            if not bare.reason:
                return replace(bare, text=timing.text)
        return timing
    if value is None:
        return Timing()
    if isinstance(value, date):  # a spreadsheet date: the day it goes out, at its time when it has one
        written = values.text(value)
        day = value.date() if isinstance(value, datetime) else value
        clock = value.time() if isinstance(value, datetime) and value.time() != time() else None
        return Timing(text=written, send_date=day.isoformat(),
                      send_time=clock.strftime("%H:%M") if clock is not None else None)
    written = values.text(value)
    if isinstance(value, float) and _numeric_date(written):
        return _parse_text(written)  # 29.11 typed into a number cell: the 29th of November
    try:
        minutes = values.duration_minutes(value)
    except ValueError as exc:
        return Timing(text=written, unread=written, reason=str(exc))
    return Timing(text=written, delay_minutes=minutes)


def schedule_per_week(text: str | None) -> float | None:
    """Sends per week for a regular mailing's schedule, or None when the text is not understood.

    `weekly` = 1, `2/week` = 2, `daily` = 7, `monthly` = 12/52, `every 2 weeks` = 0.5, `every Monday
    and Thursday` = 2, `пн-пт` = 5, and the Russian forms (`2 раза в неделю`, `раз в месяц`, `по будням`…).
    """
    if not text:
        return None
    return _recurrence(_Cell(text)).per_week


# --- the grammar, compiled once from the vocabulary --------------------------------------------------


def _word(spelling: str) -> str:
    """One spelling: `*` at the end matches any ending; a trailing dot is optional."""
    if spelling.endswith("*") and len(spelling) > 1:
        return re.escape(spelling[:-1]) + r"\w*"
    return re.escape(spelling)


def _phrase(text: str) -> str:
    return r"\s+".join(_word(word) for word in values.text(text).casefold().replace("ё", "е").split())


def _any(phrases) -> str:
    """The phrases as one alternation, longest first so that «раза» is tried before «раз»."""
    return "(?:" + "|".join(_phrase(p) for p in sorted(set(phrases), key=len, reverse=True)) + ")"


def _bounded(pattern: str) -> str:
    return rf"(?<!\w)(?:{pattern})(?!\w)"


@dataclass(frozen=True)
class _Grammar:
    numbers: dict[str, float]
    units: dict[str, int]  # unit word → minutes
    durations: dict[str, int]  # one-word durations → minutes
    delay_phrases: dict[str, int]
    eve: dict[str, int]
    ambiguous: dict[str, str]
    fillers: frozenset[str]
    weekday_of: list[tuple[re.Pattern, int]]
    range_words: frozenset[str]
    part: re.Pattern
    duration_any: str  # a duration («2 часа», "1d 12h", «полчаса») or a unit alone («час», "an hour")
    times_per: re.Pattern
    every: re.Pattern
    rates: list[tuple[re.Pattern, float]]
    day_sets: list[tuple[re.Pattern, tuple[int, ...]]]
    weekday_group: re.Pattern
    weekday_word: re.Pattern
    clock: re.Pattern
    clock_dotted: re.Pattern
    clocks_in_words: tuple[re.Pattern, ...]
    anchor: re.Pattern
    anchor_eve: re.Pattern
    ahead: re.Pattern  # «за 2 ч» with no «до …»: that long before the date the chain counts to
    anchor_on_day: re.Pattern
    delays: list[tuple[str, re.Pattern]]
    ambiguous_re: re.Pattern | None
    dates: tuple[re.Pattern, ...]  # a calendar day, in numbers or with a month's name
    month_of: dict[str, int]  # a month's spelling (folded, `*` kept) → its number


def _fold(text: str) -> str:
    """Lower case with ё = е, keeping every character's position (so spans map back to the cell)."""
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text).replace("ё", "е").replace("\u00a0", " ")


@cache
def _grammar() -> _Grammar:
    data = vocab.load("timing")
    months = data["date"]["months"]
    numbers = {_fold(k): float(v) for k, v in data["numbers"].items()}
    units = {_fold(word): int(unit["minutes"]) for unit in data["units"] for word in unit["words"]}
    long_units = [word for word in units if len(word) >= 3]
    durations = {" ".join(_fold(k).split()): int(v) for k, v in data["durations"].items()}
    number = rf"(?:\d+(?:[.,]\d+)?|{_any(numbers)}(?!\w))"
    unit = rf"{_any(units)}\.?(?!\w)"
    # Each space belongs to exactly one `\s` here: with `\s*-?\s*` or `\s*(?:и)?\s*` a cell of many
    # parts («1 день 1 день …») has exponentially many ways to fail, and the regex engine tries them all.
    part = rf"{number}\s*(?:-\s*)?{unit}"
    duration = rf"(?:{_any(durations)}(?!\w)|{part}(?:\s+(?:(?:и|and)\s+)?{part})*)"
    duration_any = rf"(?:{duration}|(?:(?:an?|one)\s+)?{_any(long_units)}(?!\w))"

    delay = data["delay"]
    immediate = _any(delay["immediate"])
    phrases = {" ".join(_fold(k).split()): int(v) for k, v in delay["phrases"].items()}
    words_before = [w for w in delay["before"] if w != "+"]
    marked = rf"(?:(?:{_any(words_before)})\s+|\+\s*){duration_any}"
    ordinal = _any(delay["ordinal_endings"])
    day_word = _any(delay["day"])
    nth_day = (rf"{_any(delay['day_lead'])}\s+\d+(?:\s*-\s*)?(?:{ordinal})?\s+{day_word}"  # «на 3-й день»
               rf"|\d+(?:\s*-\s*)?{ordinal}\s+{day_word}")  # «3-й день», "3rd day"; «3 дня» is a duration
    # «день 3», "day 3", "D+3" — tried after durations: «1 день 12 часов» is no «день 12»
    day_number = rf"{day_word}\s+\d+|{_any(delay['day_plus'])}\s*\+\s*\d+"
    day_n = f"{nth_day}|{day_number}"
    offset = rf"(?:{immediate}|{_any(phrases)}|{day_n}|{marked}|{duration_any})"

    anchor = data["anchor"]
    relation = rf"(?P<after>{_any(anchor['after'])})|(?P<before>{_any(anchor['before'])})"
    event = r"(?P<event>[^\x00,;()\[\]\n]*[^\W_][^\x00,;()\[\]\n]*)"
    recurrence = data["recurrence"]
    per_symbols = [w for w in recurrence["per"] if not re.search(r"\w", w)]
    per_words = [w for w in recurrence["per"] if re.search(r"\w", w)]
    # "2/week", but «2 раза в неделю» with spaces: "10am" is a time, not ten a minute
    per = rf"\s*{_any(per_symbols)}\s*|\s+{_any(per_words)}\s+"
    times, every = _any(recurrence["times"]), _any(recurrence["every"])
    weekday_forms = list(recurrence["weekdays"].values())
    day_word = _any([form for forms in weekday_forms for form in forms])
    lead = _any(recurrence["weekday_lead"])
    separator = _any([*recurrence["weekday_list"], *recurrence["weekday_range"]])
    send = data["send_time"]
    hour = r"(?P<h>[01]?\d|2[0-3])"
    ampm = (rf"(?P<morning>{_any(send['morning'])})|(?P<evening>{_any(send['evening'])})"
            rf"|(?P<night>{_any(send['night'])})")
    send_lead = _any(send["lead"])
    ambiguous = {" ".join(_fold(k).split()): v for k, v in data["ambiguous"].items()}
    return _Grammar(
        numbers=numbers,
        units=units,
        durations=durations,
        delay_phrases=phrases,
        eve={" ".join(_fold(k).split()): int(v) for k, v in anchor["eve"].items()},
        ambiguous=ambiguous,
        fillers=frozenset(_fold(w) for w in data["fillers"]["words"]),
        weekday_of=[(re.compile(rf"^{_any(forms)}$"), index) for index, forms in enumerate(weekday_forms)],
        range_words=frozenset(_fold(w) for w in recurrence["weekday_range"]),
        part=re.compile(rf"(?<!\w)(?P<n>{number})?\s*(?:-\s*)?(?P<u>{_any(units)})\.?(?!\w)"),
        duration_any=duration_any,
        times_per=re.compile(rf"(?<!\w)(?P<n>{number})(?:\s*{times}(?!\w))?(?:{per})"
                             rf"(?:(?P<m>{number})\s*)?(?P<u>{_any(units)})\.?(?!\w)"),
        every=re.compile(rf"(?<!\w)(?:{every})\s*(?:(?P<m>{number})\s*)?(?P<u>{_any(units)})\.?(?!\w)"),
        rates=[(re.compile(_bounded(_any(rate["phrases"]))), float(rate["per_week"])) for rate in recurrence["rates"]],
        # "weekdays", «по будням» — but "2 business days" is a duration
        day_sets=[(re.compile(r"(?<!\d )(?<!\d\u00a0)" + _bounded(_any(s["phrases"]))), tuple(s["days"]))
                  for s in recurrence["day_sets"]],
        weekday_group=re.compile(
            rf"(?<!\w)(?:{lead}\s+)?{day_word}\.?(?:\s*(?:{separator})\s*(?:{lead}\s+)?{day_word}\.?)*(?!\w)"),
        weekday_word=re.compile(rf"(?<!\w)(?P<day>{day_word})(?!\w)|(?P<sep>{separator})"),
        clock=re.compile(rf"(?<![\w:.,])(?:{send_lead}\s*)?{hour}:(?P<m>[0-5]\d)(?:\s*(?:{ampm}))?"
                         rf"(?:\s*[-–—]\s*(?:[01]?\d|2[0-3]):[0-5]\d)?(?![\w:])"),
        clock_dotted=re.compile(rf"(?<!\w){send_lead}\s*{hour}\.(?P<m>[0-5]\d)(?![\w.,])"),
        clocks_in_words=(
            re.compile(rf"(?<![\w.,])(?:{send_lead}\s*)?{hour}\s*(?:{ampm})(?!\w)"),  # «в 9 утра», "10am"
            re.compile(rf"(?<!\w)(?:в|во|at|@)\s*{hour}\s*(?:{_any(send['hours'])})(?!\w)"),  # «в 10 часов»
            re.compile(rf"(?<!\w)(?:at|@)\s*{hour}(?![\w:.,])"),  # "at 10"
        ),
        anchor=re.compile(rf"(?<!\w)(?:(?P<lead>{_any(anchor['offset_lead'])})\s+)?(?:(?P<offset>{offset})\s+)?"
                          rf"(?:{relation})\s+{event}"),
        # «за 2 ч», and "7 days before" / "2h prior" with no event after it
        ahead=re.compile(rf"(?<!\w)(?:{_any(anchor['offset_lead'])})\s+(?P<d>{duration_any})(?!\w)"
                         rf"|(?<!\w)(?P<d2>{duration_any})\s+(?:before|prior|ahead|beforehand)\s*$"),
        anchor_eve=re.compile(rf"(?<!\w)(?P<eve>{_any(anchor['eve'])})\s+{event}"),
        anchor_on_day=re.compile(rf"(?<!\w){_any(anchor['on_day_lead'])}\s+"
                                 rf"(?P<event>{_any(anchor['on_day'])}\s+(?:of\s+)?[^\W\d_][^\x00,;()\[\]\n]*)"),
        delays=[
            ("phrase", re.compile(_bounded(_any(phrases)))),
            ("immediate", re.compile(_bounded(immediate))),
            ("marked", re.compile(rf"(?<!\w)(?:(?:{_any(words_before)})\s+|\+\s*)(?P<d>{duration_any})(?!\w)")),
            ("later", re.compile(rf"(?<!\w)(?P<d>{duration_any})\s+(?:{_any(delay['after'])})(?!\w)")),
            ("day", re.compile(_bounded(nth_day))),
            ("bare", re.compile(rf"(?<!\w)(?P<d>{duration})(?!\w)")),
            ("day", re.compile(_bounded(day_number))),
        ],
        ambiguous_re=re.compile(_bounded(_any(ambiguous))) if ambiguous else None,
        dates=_date_patterns(months),
        month_of={_fold(spelling): int(number) for number, spellings in months.items() for spelling in spellings},
    )


_NUMERIC_DATES = (
    # «29.11», «27.11.2026»: the month in two digits, so that «1.5» stays a day and a half
    r"(?<![\w.,:/+-])(?P<d>\d{1,2})\.(?P<m>\d{2})(?:\.(?P<y>\d{4}|\d{2}))?(?![\w,:/]|\.\d)",
    r"(?<![\w.,:/+-])(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})(?![\w/])",  # «29/11/2026»; «2/10» may be a rate
    r"(?<![\w.,:/+-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\w-])",  # ISO
)


def _date_patterns(months: dict[str, list[str]]) -> tuple[re.Pattern, ...]:
    month = rf"(?P<mw>{_any([s for spellings in months.values() for s in spellings])})\.?"
    return tuple(re.compile(p) for p in (
        *_NUMERIC_DATES,
        rf"(?<![\w.,:])(?P<d>\d{{1,2}})(?:-?(?:го|е|st|nd|rd|th))?\s+{month}(?:\s+(?P<y>\d{{4}}))?(?!\w)",
        rf"(?<!\w){month}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{{4}}))?(?![\w:])",
    ))


def _numeric_date(text: str) -> bool:
    """Whether `text` is written as a calendar day in numbers alone («29.11», «27.11.2026»; «31.02» too, a
    day that does not exist and is then left unread, never taken for 31 days)."""
    match = re.fullmatch(_NUMERIC_DATES[0], text.strip())
    return match is not None and 1 <= int(match.group("d")) <= 31 and 1 <= int(match.group("m")) <= 12


def _calendar_day(match: re.Match, month_of: dict[str, int]) -> str | None:
    """The matched day as "YYYY-MM-DD" ("--MM-DD" without a year), or None when no such day exists."""
    groups = match.groupdict()
    if groups.get("mw"):
        word = " ".join(groups["mw"].split())
        number = month_of.get(word) or next((n for spelling, n in month_of.items() if spelling.endswith("*")
                                             and word.startswith(spelling[:-1])), None)
    else:
        number = int(groups["m"])
        if number > 12 and int(groups["d"]) <= 12:  # "11/30/2026": written month first
            number, groups = int(groups["d"]), {**groups, "d": groups["m"]}
    year = groups.get("y")
    if year is not None and len(year) == 2:
        year = "20" + year
    try:
        day = date(int(year) if year else 2000, number or 0, int(groups["d"]))  # 2000: the 29th of February exists
    except (TypeError, ValueError):
        return None
    return day.isoformat() if year else day.strftime("--%m-%d")


# --- reading one cell ---------------------------------------------------------------------------------


class _Cell:
    """A cell being read: `work` is its folded text with the explained characters taken out."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.work = _fold(text)

    def take(self, start: int, end: int) -> None:
        self.work = self.work[:start] + _TAKEN * (end - start) + self.work[end:]

    def written(self, start: int, end: int) -> str:
        return " ".join(self.text[start:end].split())


@dataclass
class _Recurrence:
    spans: list[tuple[int, int]]
    per_week: float | None
    weekdays: tuple[int, ...]


def _amount(text: str | None) -> float:
    if not text:
        return 1.0
    grammar = _grammar()
    return grammar.numbers.get(text, None) or float(text.replace(",", "."))


def _duration_minutes(text: str) -> int:
    """Minutes in a duration the grammar matched: «2 часа», "1d 12h", «полгода», «час»."""
    grammar = _grammar()
    folded = " ".join(text.split())
    if folded in grammar.durations:
        return grammar.durations[folded]
    total = 0.0
    for match in grammar.part.finditer(folded):
        total += _amount(match.group("n")) * grammar.units[match.group("u")]
    return round(total)


def _offset_minutes(text: str) -> int:
    """Minutes in an anchor's offset: a delay phrase («через 2 часа», «сразу», «на следующий день»)."""
    grammar = _grammar()
    for kind, pattern in grammar.delays:
        match = pattern.fullmatch(text.strip())
        if match:
            return _delay_value(kind, match)
    return _duration_minutes(text)


def _delay_value(kind: str, match: re.Match) -> int:
    grammar = _grammar()
    if kind == "phrase":
        return grammar.delay_phrases[" ".join(match.group(0).split())]
    if kind == "immediate":
        return 0
    if kind == "day":
        return int(re.search(r"\d+", match.group(0)).group(0)) * 1440
    return _duration_minutes(match.group("d"))


_NTH_OF_MONTH = re.compile(
    r"(?<!\w)(?:(?:каждый|каждую|каждое|every)\s+)?(?:перв\w*|втор\w*|трет\w*|четв[её]рт\w*|последн\w*|first|second|"
    r"third|fourth|last|1-?(?:й|я|е|st)|2-?(?:й|я|е|nd)|3-?(?:й|я|е|rd)|4-?(?:й|я|е|th))\s+"
    r"(?P<day>[^\W\d_]+)\s+(?:(?:каждого\s+)?месяца|of\s+(?:the|each|every)\s+month|in\s+the\s+month)(?!\w)",
    re.IGNORECASE)


_DAY_OF_MONTH = re.compile(
    r"(?<!\w)(?:(?:каждое|каждого)\s+)?\d{1,2}(?:-?(?:го|е))?\s+числа(?:\s+(?:каждого\s+)?месяца)?(?!\w)"
    r"|(?<!\w)on\s+the\s+\d{1,2}(?:st|nd|rd|th)(?:\s+of\s+(?:each|every|the)\s+month)?(?!\w)", re.IGNORECASE)


# "Every other Thursday", «каждый второй четверг»: every two weeks on that day
_EVERY_OTHER = re.compile(r"(?<!\w)(?:every\s+other|every\s+second|каждую\s+вторую|каждый\s+второй|каждое\s+второе)\s+"
                          r"(?P<day>[^\W\d_]+)", re.IGNORECASE)
# "1st Tue", "First Saturday", «первая суббота»: a month's first such day (once a month)
_NTH_WEEKDAY = re.compile(r"(?<!\w)(?:перв\w*|последн\w*|first|last|1-?(?:й|я|st))\s+(?P<day>[^\W\d_]+)",
                          re.IGNORECASE)


def _weekday_word(word: str) -> bool:
    return any(pattern.match(_fold(word)) for pattern, _ in _grammar().weekday_of)


def _recurrence(cell: _Cell) -> _Recurrence:
    """Schedule phrases, in the order of precedence that gives the rate: "<n> per <unit>", "every
    <unit>", adverbs, then named days (their count)."""
    grammar = _grammar()
    spans: list[tuple[int, int]] = []
    rate: float | None = None

    def take(match: re.Match) -> None:
        spans.append(match.span())
        cell.take(*match.span())

    for match in grammar.times_per.finditer(cell.work):
        per = _amount(match.group("m")) * grammar.units[match.group("u")] / _MINUTES_PER_WEEK
        if rate is None and per:
            rate = _amount(match.group("n")) / per
        take(match)
    for match in grammar.every.finditer(cell.work):
        per = _amount(match.group("m")) * grammar.units[match.group("u")] / _MINUTES_PER_WEEK
        if rate is None and per:
            rate = 1 / per
        take(match)
    for pattern, per_week in grammar.rates:
        for match in pattern.finditer(cell.work):
            rate = per_week if rate is None else rate
            take(match)
    for pattern in (_NTH_OF_MONTH, _DAY_OF_MONTH):  # «первый четверг месяца», «1-го числа»: once a month
        for match in pattern.finditer(cell.work):
            rate = 12 / 52 if rate is None else rate
            take(match)
    for pattern, per_week in ((_EVERY_OTHER, 0.5), (_NTH_WEEKDAY, 12 / 52)):
        for match in pattern.finditer(cell.work):
            if _weekday_word(match.group("day")):
                rate = per_week if rate is None else rate
                take(match)
    days: set[int] = set()
    for pattern, named in grammar.day_sets:
        for match in pattern.finditer(cell.work):
            days.update(named)
            take(match)
    for match in grammar.weekday_group.finditer(cell.work):
        days.update(_days_in(match.group(0)))
        take(match)
    if rate is None and days:
        rate = float(len(days))
    return _Recurrence(sorted(spans), rate, tuple(sorted(days)))


def _days_in(group: str) -> set[int]:
    """Days a weekday group names: a list («пн, чт») or a range («пн-пт», «с понедельника по пятницу»)."""
    grammar = _grammar()
    days: set[int] = set()
    previous: int | None = None
    separator: str | None = None  # the first one after the previous day; a later «по» leads the next day
    for match in grammar.weekday_word.finditer(group):
        if match.group("sep"):
            separator = separator or " ".join(match.group("sep").split())
            continue
        day = next(index for pattern, index in grammar.weekday_of if pattern.match(match.group("day")))
        if separator in grammar.range_words and previous is not None:
            step = previous
            while step != day:
                step = (step + 1) % 7
                days.add(step)
        days.add(day)
        previous, separator = day, None
    return days


def _send_time(cell: _Cell) -> str | None:
    grammar = _grammar()
    for pattern in (grammar.clock, grammar.clock_dotted, *grammar.clocks_in_words):
        match = pattern.search(cell.work)
        if match is None:
            continue
        hour = int(match.group("h"))
        minute = int(match.groupdict().get("m") or 0)
        if match.groupdict().get("morning") and hour == 12:
            hour = 0
        elif match.groupdict().get("evening") and hour < 12:
            hour += 12
        elif match.groupdict().get("night"):
            hour = 0 if hour == 12 else hour + 12 if hour >= 9 else hour
        if hour > 23:
            continue
        cell.take(*match.span())
        return f"{hour:02d}:{minute:02d}"
    return None


def _anchor(cell: _Cell) -> tuple[str, str, int | None] | None:
    """(relation, event as written, offset) of the first anchor: «за 3 дня до сгорания баллов»."""
    grammar = _grammar()
    for match in grammar.anchor.finditer(cell.work):
        start, end = _event_span(cell, match)
        if start == end:
            continue
        offset = match.group("offset")
        if match.group("before") is not None and offset is None and \
                " ".join(match.group("before").split()) in _before_needing_offset():
            continue
        if offset is None and re.fullmatch(grammar.duration_any, cell.work[start:end]):
            continue  # "after 1 week" is a delay, not an event called "1 week"
        cell.take(match.start(), end)
        relation = "before" if match.group("before") is not None else "after"
        return relation, cell.written(start, end), _offset_minutes(offset) if offset else None
    for match in grammar.anchor_eve.finditer(cell.work):
        start, end = _event_span(cell, match)
        if start != end:
            cell.take(match.start(), end)
            return "before", cell.written(start, end), grammar.eve[" ".join(match.group("eve").split())]
    for match in grammar.anchor_on_day.finditer(cell.work):
        start, end = _event_span(cell, match)
        if start != end:
            cell.take(match.start(), end)
            return "after", cell.written(start, end), 0
    match = _ON_EVENT_KEY.search(cell.work)  # "On order_dispatched": «on» before an analytics key is the event
    if match:
        cell.take(match.start(), match.end())
        return "after", cell.written(*match.span("event")), 0
    return None


_ON_EVENT_KEY = re.compile(r"(?<!\w)(?:on|upon|по)\s+(?P<event>[a-z][a-z0-9]*(?:[_.][a-z0-9]+)+)(?![\w.])")


@cache
def _before_needing_offset() -> frozenset[str]:
    return frozenset(_fold(w) for w in vocab.load("timing")["anchor"]["before_needs_offset"])


def _event_span(cell: _Cell, match: re.Match) -> tuple[int, int]:
    """The event phrase, cut before a delay written after it («после покупки через 2 дня») and
    trimmed of trailing punctuation and filler words."""
    grammar = _grammar()
    start, end = match.span("event")
    later = re.search(rf"\s(?:через|спустя|in|after)\s+{grammar.duration_any}(?!\w)", cell.work[start:end])
    if later:
        end = start + later.start()
    words = list(re.finditer(r"\w+(?:[-'’]\w+)*", cell.work[start:end]))
    while words and words[-1].group(0) in grammar.fillers:
        words.pop()
    if not words:
        return start, start
    return start + words[0].start(), start + words[-1].end()


def _delay(cell: _Cell) -> tuple[int | None, list[tuple[int, int]]]:
    """The first delay; any further delay phrase is returned as a span left unread (two delays
    in one cell contradict each other)."""
    grammar = _grammar()
    found: int | None = None
    extra: list[tuple[int, int]] = []
    for kind, pattern in grammar.delays:
        for match in pattern.finditer(cell.work):
            value = _delay_value(kind, match)
            if found is None or found == 0 or value == 0:  # "Day 0, within 10 minutes": day 0 says no other delay
                found = value if found is None or found == 0 else found
            else:
                extra.append(match.span())
            cell.take(*match.span())
    return found, extra


def _unread(cell: _Cell, also: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of the cell that no part explained, without fillers and punctuation around them."""
    grammar = _grammar()
    spans = list(also)
    for run in re.finditer(r"[^\x00]+", cell.work):
        words = [w for w in re.finditer(r"\w+(?:[-'’]\w+)*|[^\w\s]", run.group(0))
                 if re.search(r"\w", w.group(0)) and w.group(0) not in grammar.fillers]
        if words:
            start, end = run.start() + words[0].start(), run.start() + words[-1].end()
            while start > run.start() and cell.work[start - 1] not in _EDGE:  # keep "-1" whole
                start -= 1
            while end < run.end() and cell.work[end] not in _EDGE:
                end += 1
            spans.append((start, end))
    return sorted(spans)


_EDGE = frozenset(" \t\n,;:.!?()[]«»\"'")


@lru_cache(maxsize=1 << 14)
def _parse_text(text: str) -> Timing:
    written = " ".join(text.split())
    if not written:
        return Timing()
    if len(written) > MAX_TIMING_CHARS:
        return Timing(text=written, unread=written, reason=NOT_A_TIMING)
    if not _numeric_date(written):  # «29.11» is a day of November, not 29.11 days
        try:
            minutes = values.duration_minutes(written)
        except ValueError:
            pass
        else:
            return Timing(text=written, delay_minutes=minutes)
    grammar = _grammar()
    cell = _Cell(written)
    doubtful: list[tuple[int, int]] = []
    reason = ""
    if grammar.ambiguous_re is not None:
        for match in grammar.ambiguous_re.finditer(cell.work):
            doubtful.append(match.span())
            reason = reason or (f"'{cell.written(*match.span())}' is ambiguous: "
                                f"{grammar.ambiguous[' '.join(match.group(0).split())]}")
            cell.take(*match.span())
    recurrence = _recurrence(cell)
    send_time = _send_time(cell)
    anchor = _day_before(cell) or _anchor(cell) or _ahead(cell) or _named_offset(cell)
    send_date = _send_date(cell)
    day_zero = _day_numbered(cell)
    delay, extra_delays = _delay(cell)
    if delay is None:
        delay = day_zero
    for span in repeat_spans(cell.work):  # "(max 3 times)": the loop's bound, which audit/loops.py reads
        cell.take(*span)
    if anchor and anchor[0] == "after" and anchor[2] is None and delay is not None:
        anchor, delay = (anchor[0], anchor[1], delay), None  # «после покупки через 2 дня»: the offset comes last
    understood = bool(recurrence.spans or send_time or anchor or delay is not None or send_date)
    unread_spans = _unread(cell, [*doubtful, *extra_delays])
    if unread_spans and not understood:
        unread_spans = [(0, len(written))]  # nothing read: the whole cell, fillers and all
    unread = " ".join(cell.written(*span) for span in unread_spans)
    if unread and not reason:
        reason = f"'{unread}' is not understood" if understood else NOT_A_TIMING
    return Timing(
        text=written,
        delay_minutes=delay,
        anchor_relation=anchor[0] if anchor else None,
        anchor_text=anchor[1] if anchor else None,
        offset_minutes=anchor[2] if anchor else None,
        send_time=send_time,
        recurrence=_phrase_of(cell, recurrence.spans),
        per_week=recurrence.per_week,
        weekdays=recurrence.weekdays,
        send_date=send_date,
        unread=unread,
        reason=reason,
    )


def _send_date(cell: _Cell) -> str | None:
    """The first calendar day written in the cell (a one-off send date), taken out of it."""
    grammar = _grammar()
    for pattern in grammar.dates:
        for match in pattern.finditer(cell.work):
            found = _calendar_day(match, grammar.month_of)
            if found is not None:
                cell.take(*match.span())
                return found
    return None


def _ahead(cell: _Cell) -> tuple[str, str, int] | None:
    """«за 2 ч», «за 14 дней» with no event after them: that long before the date the chain counts to
    (a lesson, a renewal) — the scenario's own, as «Д-7» is."""
    match = _grammar().ahead.search(cell.work)
    if match is None:
        return None
    cell.take(*match.span())
    return "before", "", _duration_minutes(match.group("d") or match.group("d2"))


_DAY_BEFORE = re.compile(r"(?<!\w)(?:d|д|t|т)\s*-\s*(\d{1,3})\s*(?:(?P<hours>h|hrs?|hours?|ч|час\w*)|d|д|дн\w*|days?)?(?!\w)",
                         re.IGNORECASE)


_DAY_NUMBERED = re.compile(r"(?<!\w)(?:d|д)\s*(\d{1,3})(?!\w)", re.IGNORECASE)


def _day_numbered(cell: _Cell) -> int | None:
    """«Д0», "D3": day N of the chain, N days after the trigger's day."""
    match = _DAY_NUMBERED.search(cell.work)
    if match is None:
        return None
    cell.take(*match.span())
    return int(match.group(1)) * 1440


_NAMED_OFFSET = re.compile(r"(?P<anchor>[^\W\d_][^\d,;()+−–]*?)\s+(?P<sign>[+\-−–])\s*(?P<n>\d{1,3})(?!\d)"
                           r"(?:\s*(?P<unit>[^\W\d_]+))?")


def _named_offset(cell: _Cell) -> tuple[str, str, int] | None:
    """"Drop day −1", "Predicted run-out −3 days", "Start of next term +2 days": N (days, unless a
    unit follows) before or after a day the map names in words."""
    for match in _NAMED_OFFSET.finditer(cell.work):
        unit = match.group("unit")
        minutes = _grammar().units.get(_fold(unit)) if unit else None
        if unit and minutes is None:
            continue  # "−1 ET": not a unit — the day alone
        end = match.end() if minutes is not None else match.end("n")
        cell.take(match.start(), end)
        relation = "after" if match.group("sign") == "+" else "before"
        return relation, cell.written(match.start("anchor"), match.end("anchor")).strip(), \
            int(match.group("n")) * (minutes or 1440)
    return None


def _day_before(cell: _Cell) -> tuple[str, str, int] | None:
    """«Д-7», "D-2", "T-7d", "T-2h": that long before the date the chain counts to (a renewal, a visit, a
    birthday) — named by the words before it when there are some ("Renewal due (T-10d)")."""
    match = _DAY_BEFORE.search(cell.work)
    if match is None:
        return None
    minutes = int(match.group(1)) * (60 if match.group("hours") else 1440)
    lead = cell.work[:match.start()]
    if lead.rstrip().endswith("(") and re.search(r"[^\W\d_]", lead) and not re.search(r"\d", lead) \
            and not _grammar().anchor.search(lead) and not _grammar().anchor_eve.search(lead):
        cell.take(0, match.end())
        return "before", cell.written(0, len(lead.rstrip(" ([-—–:"))).strip(), minutes
    cell.take(*match.span())
    return "before", "", minutes


def _phrase_of(cell: _Cell, spans: list[tuple[int, int]]) -> str | None:
    """The recurrence as written: neighbouring phrases joined over the commas and «и» between them."""
    if not spans:
        return None
    pieces: list[list[int]] = []
    for start, end in spans:
        if pieces and not re.sub(r"[\s,;]|\b(?:и|and)\b", "", cell.text[pieces[-1][1]:start]):
            pieces[-1][1] = max(pieces[-1][1], end)
        else:
            pieces.append([start, end])
    return ", ".join(cell.written(start, end) for start, end in pieces)
