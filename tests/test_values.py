"""Cell parsers (audit/values.py): what the reader hands over, and what each column expects."""
import time
from datetime import date, datetime, timedelta
from datetime import time as clock
from pathlib import Path

import openpyxl
import pytest

from audit.importer.schema import CHANNEL_KINDS
from audit.importer.workbook import read_sheets
from audit.values import (
    boolean,
    choice,
    day,
    duration_minutes,
    id_list,
    id_text,
    normalize_word,
    number,
    text,
    whole_number,
)


def test_the_reader_hands_numbers_as_floats_and_dates_as_dates(tmp_path: Path):
    wb = openpyxl.Workbook()
    wb.active.append([101, 1.5, True, date(2026, 5, 31), datetime(2026, 5, 31, 10, 30), clock(0, 30), 46173])
    wb.save(tmp_path / "v.xlsx")
    (sheet,) = read_sheets(tmp_path / "v.xlsx")
    (row,) = sheet.rows
    assert row == [101.0, 1.5, True, date(2026, 5, 31), datetime(2026, 5, 31, 10, 30), clock(0, 30), 46173.0]
    assert type(row[0]) is float  # the trap `text` exists for
    assert [text(v) for v in row] == ["101", "1.5", "yes", "2026-05-31", "2026-05-31 10:30:00", "00:30:00", "46173"]


@pytest.mark.parametrize("raw, expected", [
    (101.0, "101"), (101, "101"), (-3.0, "-3"), (1.5, "1.5"), (None, ""), (float("nan"), ""), ("  vip  ", "vip"),
    (True, "yes"), (False, "no"), (datetime(2026, 5, 31), "2026-05-31"), (date(2026, 1, 2), "2026-01-02"),
])
def test_text(raw, expected):
    assert text(raw) == expected


def test_id_text_collapses_inner_whitespace_and_keeps_case():
    assert id_text("  Email \n list ") == "Email list"
    assert id_text(101.0) == "101"
    assert id_text(None) == ""


@pytest.mark.parametrize("raw, expected", [
    ("a, b;c\nd", ["a", "b", "c", "d"]),
    ("S1\r\nS2", ["S1", "S2"]),
    ("vip;;  new ,\n", ["vip", "new"]),
    ("  two   words , x", ["two words", "x"]),
    ("Active", ["Active"]),
    (101.0, ["101"]),
    ("", []),
    (None, []),
])
def test_list_cells_split_on_comma_semicolon_and_new_lines(raw, expected):
    assert id_list(raw) == expected


@pytest.mark.parametrize("raw", ["yes", "Yes", "YES.", "y", "true", "TRUE", "1", "да", "Да", "ДА", "+", "x", "on",
                                 "да ✓", "✓ yes", True, 1.0, 1])
def test_true_spellings(raw):
    assert boolean(raw) is True


@pytest.mark.parametrize("raw", ["no", "No", "n", "false", "False", "0", "нет", "Нет", "-", "—", "off",
                                 "нет ✗", False, 0.0, 0])
def test_false_spellings(raw):
    assert boolean(raw) is False


@pytest.mark.parametrize("raw", [None, "", "   "])
def test_blank_boolean_is_none(raw):
    assert boolean(raw) is None


@pytest.mark.parametrize("raw", ["maybe", "возможно", "2", 2.0, "yes please", "да/нет", "да нет"])
def test_bad_boolean_raises(raw):
    with pytest.raises(ValueError, match="not a yes/no value"):
        boolean(raw)


@pytest.mark.parametrize("raw, expected", [
    (1200.0, 1200.0), ("1 200", 1200.0), ("1\u00a0200", 1200.0), ("1,5", 1.5), ("12k", 12000.0),
    ("~1,5 млн", 1500000.0), ("300 тыс.", 300000.0), ("25 ₽", 25.0), ("", None), (None, None),
])
def test_number(raw, expected):
    assert number(raw) == expected


@pytest.mark.parametrize("raw", ["many", True, "1.2.3"])
def test_bad_number(raw):
    with pytest.raises(ValueError, match="not a number"):
        number(raw)


def test_whole_number():
    assert whole_number(50.0) == 50 and whole_number("1 200") == 1200 and whole_number("") is None
    for bad in (1.5, "-1", -2.0):
        with pytest.raises(ValueError, match="not a whole number"):
            whole_number(bad)


@pytest.mark.parametrize("raw, minutes", [
    ("0", 0), (0.0, 0), ("30m", 30), ("30 min", 30), ("2h", 120), ("1d", 1440), ("1w", 10080),
    ("2ч", 120), ("1д", 1440), ("3 дня", 4320), ("2 часа 30 минут", 150), ("1d 12h", 2160), ("1,5ч", 90),
    ("1.5h", 90), ("2 недели", 20160), ("1 сутки", 1440), ("сразу", 0), ("Immediately", 0),
    ("2", 2880), (2.0, 2880), (2, 2880),  # a bare number is days
    (0.5, 720),  # a float cell: half a day
    (clock(0, 30), 30), (timedelta(days=1, hours=12), 2160),  # time-formatted cells
    ("", None), (None, None),
])
def test_durations(raw, minutes):
    assert duration_minutes(raw) == minutes


@pytest.mark.parametrize("raw, reason", [
    ("soon", "not a duration"), ("через день", "not a duration"), ("-1", "not a duration"),
    ("2 года", "unknown time unit 'года'"), (-1.0, "a negative duration"), (True, "not a duration"),
    (date(2026, 1, 1), "not a duration"),
])
def test_bad_durations(raw, reason):
    with pytest.raises(ValueError, match=reason):
        duration_minutes(raw)


@pytest.mark.parametrize("raw, expected", [
    (date(2026, 5, 31), date(2026, 5, 31)),
    (datetime(2026, 5, 31, 23, 59), date(2026, 5, 31)),
    ("2026-05-31", date(2026, 5, 31)),
    ("31.05.2026", date(2026, 5, 31)),
    (" 31.05.2026 ", date(2026, 5, 31)),
    ("31.05.26", date(2026, 5, 31)),
    ("31/05/2026", date(2026, 5, 31)),
    # a US export: month first where the day cannot come first; an ambiguous one stays day first
    ("05/31/2026", date(2026, 5, 31)), ("10/22/2026", date(2026, 10, 22)), ("05/06/2026", date(2026, 6, 5)),
    ("2026-05-31 00:00:00", date(2026, 5, 31)),
    # Excel serials: 45658 is 2025-01-01, +365 is 2026-01-01, +150 days is 31 May
    (45658.0, date(2025, 1, 1)), (46023.0, date(2026, 1, 1)), (46173.0, date(2026, 5, 31)), (46173, date(2026, 5, 31)),
    ("", None), (None, None),
])
def test_dates(raw, expected):
    assert day(raw) == expected


@pytest.mark.parametrize("raw", ["31.02.2026", "2026-13-01", "9/31/2026", "31/31/2026", "вчера", 0.0, -5.0, True])
def test_bad_dates(raw):
    with pytest.raises(ValueError, match="not a date"):
        day(raw)


def test_choice_matches_aliases_and_client_spellings():
    assert choice("Email", CHANNEL_KINDS, "channel kind") == "email"
    assert choice("E-mail рассылка", CHANNEL_KINDS, "channel kind") == "email"
    assert choice("СМС", CHANNEL_KINDS, "channel kind") == "sms"
    assert choice("", CHANNEL_KINDS, "channel kind") is None
    with pytest.raises(ValueError, match="unknown channel kind 'факс'"):
        choice("факс", CHANNEL_KINDS, "channel kind")


def test_normalize_word_ignores_case_spaces_punctuation_and_yo():
    assert normalize_word("Дата_ревизии ") == "датаревизии"
    assert normalize_word("Исключён") == normalize_word("исключен") == "исключен"
    assert normalize_word("Next-Step (id)") == "nextstepid"


@pytest.mark.parametrize("raw", ["inf", "nan", "1e999", float("inf")])
def test_infinity_and_nan_are_not_numbers(raw):
    with pytest.raises(ValueError, match="not a number"):
        number(raw)


def test_nan_cell_is_a_blank_duration_and_infinity_is_no_duration():
    assert duration_minutes(float("nan")) is None
    with pytest.raises(ValueError, match="not a duration"):
        duration_minutes(float("inf"))


def test_a_long_run_of_digits_is_rejected_at_once():
    # the old pattern tried every split of the digits: 25 digits took tens of seconds
    started = time.perf_counter()
    for raw in ("1" * 25 + "!", "1" * 5000 + "x!", "2ч " * 2000 + "?"):
        with pytest.raises(ValueError, match="not a duration"):
            duration_minutes(raw)
    assert time.perf_counter() - started < 0.5


def test_a_workbook_writing_dates_month_first_is_read_so_throughout():
    from audit.values import SLASH_MONTH_FIRST, slashed_month_first, text_date

    assert slashed_month_first(["6/1/2026", "9/18/2026", "x"]) is True
    assert slashed_month_first(["6/1/2026", "18/9/2026"]) is False  # day first somewhere: not month first
    assert slashed_month_first(["6/1/2026"]) is False  # nothing says: day first, as before
    assert text_date("6/1/2026") == date(2026, 1, 6)
    token = SLASH_MONTH_FIRST.set(True)
    try:
        assert text_date("6/1/2026") == date(2026, 6, 1)
        assert text_date("31.05.2026") == date(2026, 5, 31)
    finally:
        SLASH_MONTH_FIRST.reset(token)
