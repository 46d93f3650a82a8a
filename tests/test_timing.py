"""Timing cells in words (audit/timing.py) and how the importer uses them."""
from datetime import time as clock
from datetime import timedelta
from pathlib import Path

import openpyxl
import pytest

from audit.config import AuditConfig
from audit.engine import run
from audit.importer import load_map
from audit.pressure import schedule_per_week
from audit.timing import NOT_A_TIMING, Timing, parse_timing
from tests.builders import TODAY

H, D, W = 60, 1440, 10080
MONTH = 43680  # a twelfth of a 52-week year

# cell → the parts expected; every part not named must be empty, and `unread` is "" unless named
CASES = [
    # anchor / trigger
    ("после оформления заявки", dict(anchor_relation="after", anchor_text="оформления заявки")),
    ("через полгода после покупки", dict(anchor_relation="after", anchor_text="покупки", offset_minutes=6 * MONTH)),
    ("за 3 дня до сгорания баллов",
     dict(anchor_relation="before", anchor_text="сгорания баллов", offset_minutes=3 * D)),
    ("за 5 дней до окончания подписки",
     dict(anchor_relation="before", anchor_text="окончания подписки", offset_minutes=5 * D)),
    ("Через 2 часа после оформления заявки",
     dict(anchor_relation="after", anchor_text="оформления заявки", offset_minutes=2 * H)),
    ("сразу после регистрации", dict(anchor_relation="after", anchor_text="регистрации", offset_minutes=0)),
    ("через неделю после регистрации", dict(anchor_relation="after", anchor_text="регистрации", offset_minutes=W)),
    ("после покупки через 2 дня", dict(anchor_relation="after", anchor_text="покупки", offset_minutes=2 * D)),
    ("на следующий день после покупки в 10:00",
     dict(anchor_relation="after", anchor_text="покупки", offset_minutes=D, send_time="10:00")),
    ("накануне дня рождения", dict(anchor_relation="before", anchor_text="дня рождения", offset_minutes=D)),
    ("в день рождения", dict(anchor_relation="after", anchor_text="день рождения", offset_minutes=0)),
    ("перед вебинаром", dict(anchor_relation="before", anchor_text="вебинаром")),
    ("3 days before renewal", dict(anchor_relation="before", anchor_text="renewal", offset_minutes=3 * D)),
    ("after sign-up", dict(anchor_relation="after", anchor_text="sign-up")),
    ("1 day after checkout", dict(anchor_relation="after", anchor_text="checkout", offset_minutes=D)),
    # delay
    ("сразу", dict(delay_minutes=0)),
    ("моментально", dict(delay_minutes=0)),
    ("immediately", dict(delay_minutes=0)),
    ("ASAP", dict(delay_minutes=0)),
    ("через 2 часа", dict(delay_minutes=2 * H)),
    ("через 15 минут", dict(delay_minutes=15)),
    ("через час", dict(delay_minutes=H)),
    ("через пару дней", dict(delay_minutes=2 * D)),
    ("спустя 3 дня", dict(delay_minutes=3 * D)),
    ("на следующий день", dict(delay_minutes=D)),
    ("в тот же день", dict(delay_minutes=0)),
    ("на 3-й день", dict(delay_minutes=3 * D)),
    ("+2ч", dict(delay_minutes=2 * H)),
    ("2 hours later", dict(delay_minutes=2 * H)),
    ("in an hour", dict(delay_minutes=H)),
    ("next day", dict(delay_minutes=D)),
    ("day 3", dict(delay_minutes=3 * D)),
    ("D+1", dict(delay_minutes=D)),
    ("after 1 week", dict(delay_minutes=W)),  # a delay, not an event called "1 week"
    ("полчаса", dict(delay_minutes=30)),
    ("30m", dict(delay_minutes=30)),
    ("2h", dict(delay_minutes=2 * H)),
    ("1d 12h", dict(delay_minutes=D + 12 * H)),
    ("1 день 12 часов в 10:00", dict(delay_minutes=D + 12 * H, send_time="10:00")),  # no «день 12»
    ("3 дня", dict(delay_minutes=3 * D)),
    ("2", dict(delay_minutes=2 * D)),  # a bare number is days
    # send time
    ("в 11:00", dict(send_time="11:00")),
    ("11:00", dict(send_time="11:00")),  # a time of day, not a delay of eleven hours
    ("в 9 утра", dict(send_time="09:00")),
    ("в 6 вечера", dict(send_time="18:00")),
    ("в 11.30", dict(send_time="11:30")),
    ("at 10am", dict(send_time="10:00")),
    ("10 pm", dict(send_time="22:00")),
    ("Day 1 at 9am", dict(delay_minutes=D, send_time="09:00")),
    # recurrence
    ("по вторникам в 11:00", dict(recurrence="по вторникам", per_week=1, weekdays=(1,), send_time="11:00")),
    ("во вторник", dict(recurrence="во вторник", per_week=1, weekdays=(1,))),
    ("каждый вторник", dict(recurrence="каждый вторник", per_week=1, weekdays=(1,))),
    ("по вторникам и по четвергам", dict(recurrence="по вторникам и по четвергам", per_week=2, weekdays=(1, 3))),
    ("с понедельника по пятницу", dict(recurrence="с понедельника по пятницу", per_week=5, weekdays=(0, 1, 2, 3, 4))),
    ("пн-пт в 10:00", dict(recurrence="пн-пт", per_week=5, weekdays=(0, 1, 2, 3, 4), send_time="10:00")),
    ("по выходным", dict(recurrence="по выходным", per_week=2, weekdays=(5, 6))),
    ("1 раз в 2 недели", dict(recurrence="1 раз в 2 недели", per_week=0.5)),
    ("2 раза в неделю", dict(recurrence="2 раза в неделю", per_week=2)),
    ("ежедневно", dict(recurrence="ежедневно", per_week=7)),
    ("каждый день в 9 утра", dict(recurrence="каждый день", per_week=7, send_time="09:00")),
    ("раз в месяц", dict(recurrence="раз в месяц", per_week=12 / 52)),
    ("weekly", dict(recurrence="weekly", per_week=1)),
    ("every Monday", dict(recurrence="every Monday", per_week=1, weekdays=(0,))),
    ("twice a month", dict(recurrence="twice a month", per_week=24 / 52)),
    ("Weekly (Fri 10:00)", dict(recurrence="Weekly, Fri", per_week=1, weekdays=(4,), send_time="10:00")),
    # a calendar day: the date a one-off mailing goes out, never a delay in days
    ("29.11", dict(send_date="--11-29")),  # not 29.11 days
    ("27.11.2026 10:00", dict(send_date="2026-11-27", send_time="10:00")),
    ("05.03.26", dict(send_date="2026-03-05")),
    ("2026-12-01", dict(send_date="2026-12-01")),
    ("14 февраля в 9 утра", dict(send_date="--02-14", send_time="09:00")),
    ("Dec 3, 2026", dict(send_date="2026-12-03")),
    ("за 3 дня до 29.11", dict(anchor_relation="before", anchor_text="29.11", offset_minutes=3 * D)),
    ("1.5", dict(delay_minutes=1.5 * D)),  # a one-digit fraction: a day and a half, as ever
    ("31.02", dict(unread="31.02")),  # written as a date, but no such day: unread, never 31 days
    ("за 2 ч", dict(anchor_relation="before", anchor_text="", offset_minutes=2 * H)),  # before the chain's date
    ("1-го числа, 11:00", dict(recurrence="1-го числа", per_week=12 / 52, send_time="11:00")),
    ("каждые 2 дня (повтор)", dict(recurrence="каждые 2 дня", per_week=3.5)),
    # look-alikes: what is not a timing stays unread
    ("по согласованию", dict(unread="по согласованию")),
    ("когда будет время", dict(unread="когда будет время")),
    ("soon", dict(unread="soon")),
    ("утром", dict(unread="утром")),
    ("до окончания подписки", dict(unread="до окончания подписки")),  # «до» alone: too common to be an anchor
    ("через 2 дня если получится", dict(delay_minutes=2 * D, unread="если получится")),
    ("через день", dict(unread="через день")),  # in a day, or every other day: reported, not guessed
]


def parts(timing: Timing) -> dict:
    empty = Timing()
    return {name: getattr(timing, name) for name in Timing.__slots__
            if name not in ("text", "reason") and getattr(timing, name) != getattr(empty, name)}


@pytest.mark.parametrize("cell, expected", CASES, ids=[c for c, _ in CASES])
def test_timing_cell_parts(cell, expected):
    timing = parse_timing(cell)
    got = parts(timing)
    if "per_week" in expected:
        assert got.pop("per_week") == pytest.approx(expected["per_week"])
        expected = {k: v for k, v in expected.items() if k != "per_week"}
    assert got == expected
    assert timing.understood == (not expected.get("unread"))
    assert bool(timing.reason) == bool(expected.get("unread"))


def test_the_table_is_big_enough_and_bilingual():
    assert len(CASES) >= 40
    assert any("ы" in cell or "я" in cell for cell, _ in CASES) and any(cell.isascii() for cell, _ in CASES)


@pytest.mark.parametrize("cell, reason", [
    ("когда будет время", NOT_A_TIMING),
    ("через 2 дня если получится", "'если получится' is not understood"),
    ("через день", "'через день' is ambiguous: in a day, or every other day"),
    (-1.0, "a negative duration"),
    (True, "not a duration"),
])
def test_what_stays_unread_has_a_reason(cell, reason):
    assert parse_timing(cell).reason == reason


@pytest.mark.parametrize("cell, minutes", [
    (1.5, 1.5 * D), (0, 0), (timedelta(hours=3), 3 * H), (clock(0, 30), 30), (None, None), ("", None), ("  ", None),
])
def test_cells_that_are_not_text_read_as_before(cell, minutes):
    timing = parse_timing(cell)
    assert timing.delay_minutes == minutes and timing.understood


def test_spreadsheet_dates_in_a_timing_cell_are_send_dates():
    from datetime import date, datetime

    assert parts(parse_timing(date(2026, 11, 29))) == {"send_date": "2026-11-29"}
    assert parts(parse_timing(datetime(2026, 11, 27, 18, 30))) == {"send_date": "2026-11-27", "send_time": "18:30"}
    assert parts(parse_timing(29.11)) == {"send_date": "--11-29"}  # typed into a number cell
    assert parts(parse_timing(2.5)) == {"delay_minutes": 2.5 * D}


def wide_map(path: Path, rows: list[list[str]]):
    """A wide sheet «Сегмент | Сценарий | Канал | Когда» with `rows` under its header, read."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Карта касаний"
    ws.append(["Сегмент", "Сценарий", "Канал", "Когда"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return load_map(path)


def test_a_one_off_mailing_dated_in_its_timing_cells_has_no_delays_and_no_warning(tmp_path):
    m = wide_map(tmp_path / "sale.xlsx", [["Активные", "Распродажа", "email", "04.12.2026 10:00"],
                                          ["Активные", "Распродажа", "push", "05.12"],
                                          ["Активные", "Распродажа", "sms", "6 декабря"]])
    assert [(s.delay_minutes, s.send_time) for s in m.steps] == [(None, "10:00"), (None, None), (None, None)]
    assert not [p for p in m.problems if p.code == "MAP003"]


def test_long_and_repetitive_cells_are_read_quickly():
    import time

    started = time.perf_counter()
    for cell in ("1 день " * 70 + "!", "1 m " * 120 + "zz", "по вторникам и " * 30 + "x", "a" * 20_000):
        parse_timing(cell)
    assert time.perf_counter() - started < 2  # generous: exponential backtracking takes minutes


def test_the_same_text_is_read_once():
    assert parse_timing("по вторникам в 11:00") is parse_timing("по вторникам в 11:00")


def test_schedule_per_week_is_the_recurrence_of_a_timing_cell():
    for cell in ("1 раз в 2 недели", "пн-пт", "twice a month", "каждый вторник", "ежедневно в 10:00"):
        assert schedule_per_week(cell) == pytest.approx(parse_timing(cell).per_week)


# --- through a real workbook --------------------------------------------------------------------------


def timing_workbook(path: Path) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    scenarios = wb.create_sheet("Сценарии")
    scenarios.append(["ID", "Название", "Сегменты", "Триггер", "Расписание"])
    scenarios.append(["lead", "Заявка", "*", None, None])
    scenarios.append(["digest", "Дайджест", "*", None, None])
    scenarios.append(["cart", "Корзина", "*", "cart_abandoned", None])
    steps = wb.create_sheet("Шаги")
    steps.append(["Сценарий", "Шаг", "Канал", "Задержка"])
    steps.append(["lead", "S1", "email", "после оформления заявки"])
    steps.append(["lead", "S2", "sms", "через 2 часа"])
    steps.append(["digest", "S1", "email", "1 раз в 2 недели, по вторникам в 11:00"])
    steps.append(["cart", "S1", "email", "через 2 часа после ухода с сайта"])  # the scenario keeps its trigger
    steps.append(["cart", "S2", "push", "когда будет время"])
    wb.save(path)
    return path


def test_timing_cells_of_a_workbook_fill_trigger_and_schedule_and_warn_only_on_what_stays_unread(tmp_path):
    m = load_map(timing_workbook(tmp_path / "timing.xlsx"))
    scenarios = {s.id: s for s in m.scenarios}
    assert scenarios["lead"].trigger == "оформления заявки"
    assert scenarios["digest"].schedule == "1 раз в 2 недели, по вторникам"
    assert scenarios["cart"].trigger == "cart_abandoned"
    steps = {s.ref: s for s in m.steps}
    assert (steps["lead/S1"].delay_minutes, steps["lead/S1"].timing_text) == (None, "после оформления заявки")
    assert steps["lead/S2"].delay_minutes == 2 * H
    assert steps["digest/S1"].send_time == "11:00"
    assert steps["cart/S1"].delay_minutes == 2 * H  # the offset after the event is the step's delay
    # no Events sheet: the trigger read from the timing becomes an (undeclared) event
    assert "оформления заявки" in {e.id for e in m.events}

    (problem,) = m.problems
    assert (problem.code, problem.entity_id, problem.location.row, problem.location.column) == (
        "MAP003", "cart/S2", 6, "Задержка")
    assert problem.params["value"] == "когда будет время"

    findings = [f for f in run(m, AuditConfig(today=TODAY)).findings if f.rule == "MAP003"]
    assert [(f.severity.value, f.entity.id) for f in findings] == [("warning", "cart/S2")]
    assert "когда будет время" in findings[0].message
    # the configured severity still wins when it is the milder one
    milder = run(m, AuditConfig(today=TODAY, severity={"MAP003": "info"})).findings
    assert [f.severity.value for f in milder if f.rule == "MAP003"] == ["info"]


def test_a_trigger_in_words_names_the_declared_event(tmp_path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    events = wb.create_sheet("Events")
    events.append(["ID", "Name"])
    events.append(["renewal_due", "Renewal"])
    scenarios = wb.create_sheet("Scenarios")
    scenarios.append(["ID", "Segments"])
    scenarios.append(["renew", "*"])
    steps = wb.create_sheet("Steps")
    steps.append(["Scenario", "Step", "Channel", "Delay"])
    steps.append(["renew", "S1", "email", "3 days before renewal at 10am"])
    wb.save(tmp_path / "renew.xlsx")
    m = load_map(tmp_path / "renew.xlsx")
    assert m.scenarios[0].trigger == "renewal_due" and not m.problems
    assert (m.steps[0].delay_minutes, m.steps[0].send_time) == (None, "10:00")


def test_a_wide_sheet_takes_the_trigger_from_its_first_step(tmp_path):
    m = wide_map(tmp_path / "wide.xlsx", [["Новые", "Приветствие", "email", "сразу после регистрации"],
                                          ["Новые", "Приветствие", "push", "на следующий день в 10:00"],
                                          ["Все", "Новости", "email", "каждый четверг в 12:00"]])
    scenarios = {s.id: s for s in m.scenarios}
    assert scenarios["Приветствие"].trigger == "регистрации" and scenarios["Приветствие"].schedule is None
    assert scenarios["Новости"].schedule == "каждый четверг" and scenarios["Новости"].trigger is None
    assert [(s.delay_minutes, s.send_time) for s in m.steps] == [(0, None), (D, "10:00"), (None, "12:00")]
    assert not [p for p in m.problems if p.code == "MAP003"]


@pytest.mark.parametrize("text, delay, before", [
    ("D0", 0, None), ("Д0", 0, None), ("D3 10:00", 4320, None),  # day N of the chain
    ("Д-7 10:00", None, 10080), ("T-7d", None, 10080), ("d-2", None, 2880),  # N days before
])
def test_day_numbers_and_days_before(text, delay, before):
    timing = parse_timing(text)
    assert (timing.delay_minutes, timing.offset_minutes if timing.anchor_relation == "before" else None,
            timing.unread) == (delay, before, "")


@pytest.mark.parametrize("text, relation, anchor, delay", [
    ("When fulfilled", "after", "fulfilled", None),
    ("when parcel scanned", "after", "parcel scanned", None),
    ("upon first login", "after", "first login", None),
    ("при оформлении заказа", "after", "оформлении заказа", None),
    ("в момент оплаты", "after", "оплаты", None),
    ("within 1 hour", None, None, 60),
    ("в течение 15 мин", None, None, 15),
])
def test_event_words_and_within(text, relation, anchor, delay):
    timing = parse_timing(text)
    assert (timing.anchor_relation, timing.anchor_text, timing.delay_minutes, timing.reason) == (
        relation, anchor, delay, "")


@pytest.mark.parametrize("text, send_time", [("по расписанию", None), ("10:00 по мск", "10:00"),
                                             ("7am ET", "07:00"), ("4pm CET", "16:00")])
def test_schedule_words_and_time_zones_leave_nothing_unread(text, send_time):
    timing = parse_timing(text)
    assert (timing.send_time, timing.delay_minutes, timing.reason) == (send_time, None, "")


@pytest.mark.parametrize("text, relation, anchor, offset, send_time", [
    ("Drop day −1, 9am ET", "before", "Drop day", 1440, "09:00"),
    ("Predicted run-out −5 days", "before", "Predicted run-out", 7200, None),
    ("Start of next term +2 days", "after", "Start of next term", 2880, None),
    ("Renewal due (T-10d)", "before", "Renewal due", 14400, None),
    ("T-2h", "before", "", 120, None),
])
def test_a_named_day_plus_or_minus_an_offset(text, relation, anchor, offset, send_time):
    timing = parse_timing(text)
    assert (timing.anchor_relation, timing.anchor_text, timing.offset_minutes, timing.send_time, timing.reason) == (
        relation, anchor, offset, send_time, "")


def test_a_plain_delay_after_a_plus_is_no_named_day():
    assert (parse_timing("+2 дня").delay_minutes, parse_timing("+2 дня").anchor_relation) == (2880, None)


@pytest.mark.parametrize("text, per_week", [("1st Tue 10:00", 12 / 52), ("First Saturday 08:00", 12 / 52),
                                            ("Every other Thursday, 7am", 0.5), ("каждый второй четверг, 12:00", 0.5)])
def test_a_months_first_weekday_and_every_other_weekday(text, per_week):
    timing = parse_timing(text)
    assert (round(timing.per_week, 4), timing.reason) == (round(per_week, 4), "")


def test_an_ordinal_before_a_word_that_is_no_weekday_is_no_schedule():
    assert parse_timing("first day").per_week is None
