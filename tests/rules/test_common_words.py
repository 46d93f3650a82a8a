"""rules/_common.py: one plural and list-tail helper for every message with counts, RU and EN."""
import pytest

from audit import AuditConfig, load_map, run
from reports import render
from reports.i18n import COUNT_WORDS, count_word
from rules._common import counted, listing, more, number, plural
from tests.builders import TODAY, build_map, scn, step
from tests.rules.test_freq001_contact_pressure import CHANNELS

RU_STEP = ("шаг", "шага", "шагов")
EN_STEP = ("step", "steps")


@pytest.mark.parametrize(("count", "ru", "en"), [
    (1, "1 шаг", "1 step"), (2, "2 шага", "2 steps"), (5, "5 шагов", "5 steps"), (11, "11 шагов", "11 steps"),
    (21, "21 шаг", "21 steps"), (3.2, "3,2 шага", "3.2 steps"),
    (12, "12 шагов", "12 steps"), (22, "22 шага", "22 steps"), (111, "111 шагов", "111 steps"),
    (0, "0 шагов", "0 steps"),
])
def test_counted_in_both_languages(count, ru, en):
    assert counted(count, RU_STEP, "ru") == ru
    assert counted(count, EN_STEP, "en") == en


@pytest.mark.parametrize(("count", "ru", "en"), [
    (1, "ещё 1 сценарий", "1 more scenario"), (2, "ещё 2 сценария", "2 more scenarios"),
    (5, "ещё 5 сценариев", "5 more scenarios"), (11, "ещё 11 сценариев", "11 more scenarios"),
    (21, "ещё 21 сценарий", "21 more scenarios"),
])
def test_list_tail(count, ru, en):
    assert more(count, COUNT_WORDS["scenarios"]["ru"], "ru") == ru
    assert more(count, COUNT_WORDS["scenarios"]["en"], "en") == en


def test_list_tail_with_an_amount_and_a_listing():
    contacts = counted(3.2, ("контакт", "контакта", "контактов"), "ru")
    assert more(1, ("сценарий", "сценария", "сценариев"), "ru", amount=contacts) == "ещё 1 сценарий (3,2 контакта)"
    names = ["'a'", "'b'", "'c'", "'d'", "'e'"]
    assert listing(names, "en", limit=2, forms=("scenario", "scenarios")) == "'a', 'b' and 3 more scenarios"
    assert listing(names[:2], "en", limit=2, forms=("scenario", "scenarios")) == "'a', 'b'"
    assert listing(["«a»"], "ru", limit=1, forms=("сценарий", "сценария", "сценариев"), total=22) \
        == "«a» и ещё 21 сценарий"


def test_numbers_use_the_report_languages_decimal_mark():
    assert number(3.2, "ru") == "3,2" and number(3.2, "en") == "3.2" and number(3.0, "ru") == "3"
    assert number(0.2308, "en") == "0.23"
    assert plural(3.2, ("контакт", "контакта", "контактов"), "ru") == "контакта"


def test_map_counts_agree_with_their_numbers():
    assert [f"{n} {count_word('scenarios', n, 'ru')}" for n in (1, 2, 5, 11, 21)] == [
        "1 сценарий", "2 сценария", "5 сценариев", "11 сценариев", "21 сценарий"]
    assert f"1 {count_word('segments', 1, 'en')}" == "1 segment"
    m = build_map(segments=[{"id": "a"}], channels=CHANNELS, scenarios=[scn(f"x{i}", segments="a") for i in range(21)],
                  steps=[step("x0", "S1", "email"), step("x0", "S2", "email")])
    text = render(run(m, AuditConfig(today=TODAY, lang="ru", select=["MAP"])), "text")
    assert "1 сегмент · 0 этапов · 21 сценарий · 2 шага" in text


def test_freq001_tails_and_plurals_in_the_terminal_summary():
    """The RU sample's `new` segment: «… + ещё 1 сценарий (0,23 контакта)», never a bare number or «+ +»."""
    from pathlib import Path

    sample = Path(__file__).resolve().parents[2] / "samples" / "ru_ecommerce.xlsx"
    text = render(run(load_map(sample), AuditConfig(today=TODAY)), "text")
    line = next(line for line in text.splitlines() if "«Новые клиенты (new)»" in line)
    assert "получает 3,23 контакта в неделю" in line
    assert line.endswith("«Брошенная корзина (cart)» 1 срабатывание/нед. × 1 шаг + ещё 1 сценарий (0,23 контакта).")
    assert "+ +" not in line and "контактов" not in line


def test_a_loop_only_scenario_is_not_times_zero_steps():
    """Every step on a loop with a limit: "1 firing/week: 3/week from its loop…", not "× 0 steps + 3/week"."""
    from rules.freq001_contact_pressure import ContactPressure
    from tests.builders import run_rule

    m = build_map(segments=[{"id": "a"}], channels=CHANNELS, scenarios=[scn("x", segments="a")],
                  steps=[step("x", "S1", "sms"),
                         step("x", "S2", "sms", condition="not opened S1", next="S1, до 3 раз")])
    assert [f.message for f in run_rule(ContactPressure, m)] == [
        "Segment 'a' may get 6 sms contacts per customer per week (cap 2): "
        "'x' 1 firing/week: 6/week from its loop with a stop or limit."]
