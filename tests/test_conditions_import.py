"""Conditions in words through a real workbook: the awaited step found by channel word or ordinal.

"если не открыл письмо", "не прочитал в Viber", "второе SMS" name no step id; the importer
(audit/importer/normalized.py, `_resolve_step_words`) gives them the id of the step they mean, so
the cascade checks (INT003, COST001…) run on them and neither MAP001 nor MAP006 reports them. A
step id that names nothing stays MAP001; a channel word with no such earlier step is MAP006.
"""
from pathlib import Path

import openpyxl

from audit.importer import load_map
from audit.model import ConditionKind
from tests.builders import audit


def sheet(wb: openpyxl.Workbook, title: str, rows: list[list]) -> None:
    ws = wb.create_sheet(title)
    for row in rows:
        ws.append(row)


def ru_map(path: Path) -> Path:
    """No Channels sheet: the kinds come from the channel cells of the steps."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    sheet(wb, "Сценарии", [
        ["ID", "Тип", "Сегменты", "Триггер"],
        ["cart", "триггерный", "*", "cart_abandoned"],
        ["literal", "триггерный", "*", "cart_abandoned"],
        ["cascade", "триггерный", "*", "cart_abandoned"],
        ["app", "триггерный", "*", "cart_abandoned"],
        ["smsfirst", "триггерный", "*", "cart_abandoned"],
    ])
    sheet(wb, "Шаги", [
        ["Сценарий", "Шаг", "Канал", "Задержка", "Условие"],
        ["cart", "S1", "Email", "0", None],
        ["cart", "S2", "Viber", "1д", "если не открыл письмо"],
        ["cart", "S3", "SMS", "1д", "если не прочитал в Viber"],
        ["cart", "S4", "Email", "2д", "если SMS №1 не доставлено"],
        ["cart", "S5", "пуш", "1д", "если не открыл второе письмо в течение суток"],
        ["cart", "S6", "Email", "1д", "не открыл S9"],  # a step id naming nothing: MAP001
        # the cascade as the issue wrote it: the Viber step cannot wait for a Viber message before it
        ["literal", "S1", "Email", "0", None],
        ["literal", "S2", "SMS", "1д", "если не открыл письмо"],
        ["literal", "S3", "Viber", "1д", "если не прочитал в Viber"],
        # cascade checks now run on words: a messenger never reports "opened" (INT003), an SMS
        # first with email as its fallback (COST001)
        ["cascade", "S1", "Viber", "0", None],
        ["cascade", "S2", "SMS", "1д", "если не открыл сообщение в вайбере"],
        ["cascade", "S3", "Email", "1д", "если смс не доставлено"],
        # an audience filter: neither a condition on feedback nor free text
        ["app", "S1", "пуш", "0", "только тем, у кого есть приложение"],
        ["app", "S2", "Email", "1д", "если не кликнул по пушу"],
        # SMS first, e-mail as its fallback: the expensive channel goes first (COST001)
        ["smsfirst", "S1", "SMS", "0", None],
        ["smsfirst", "S2", "Email", "1д", "если смс не доставлено"],
    ])
    sheet(wb, "Системы", [
        ["ID", "Каналы", "Оркестрация"],
        ["cdp", "email, sms, viber, пуш", "да"],
    ])
    wb.save(path)
    return path


def en_map(path: Path) -> Path:
    """A Channels sheet with ids that say nothing: the kinds come from the sheet."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    sheet(wb, "Channels", [
        ["ID", "Name", "Kind"],
        ["c1", "Main newsletter", "email"],
        ["c2", "WhatsApp Business", "messenger"],
        ["c3", "Telegram bot", "messenger"],
        ["c4", "Text gateway", "sms"],
    ])
    sheet(wb, "Scenarios", [
        ["ID", "Type", "Segments", "Trigger"],
        ["trial", "trigger", "*", "signup"],
    ])
    sheet(wb, "Steps", [
        ["Scenario", "Step", "Channel", "Delay", "Condition"],
        ["trial", "S1", "c1", "0", None],
        ["trial", "S2", "c2", "1d", "if the email was not opened"],
        ["trial", "S3", "c3", "1d", "didn't click the first email"],
        ["trial", "S4", "c4", "1d", "if the WhatsApp message was not read within 2h"],
        ["trial", "S5", "c1", "1d", "for app users only"],
        ["trial", "S6", "c4", "1d", "not opened S9"],  # MAP001
    ])
    wb.save(path)
    return path


def refs(commap, scenario: str) -> list:
    return [(s.id, s.condition and (s.condition.kind.value, s.condition.negated, s.condition.feedback,
                                    s.condition.step_ref))
            for s in commap.steps if s.scenario == scenario]


def findings(commap, *codes: str) -> set[tuple[str, str]]:
    return {(f.rule, f.entity.id) for f in audit(commap, select=list(codes))}


def test_russian_words_resolve_to_the_steps_they_mean(tmp_path):
    m = load_map(ru_map(tmp_path / "ru.xlsx"))
    assert refs(m, "cart") == [
        ("S1", None),
        ("S2", ("feedback", True, "opened", "S1")),  # письмо: the latest earlier email
        ("S3", ("feedback", True, "read", "S2")),  # в Viber: the latest earlier messenger step
        ("S4", ("feedback", True, "delivered", "S3")),  # SMS №1
        ("S5", ("feedback", True, "opened", "S4")),  # второе письмо
        ("S6", ("feedback", True, "opened", "S9")),  # kept as written, for MAP001
    ]
    assert m.steps[4].condition.within_minutes == 1440
    assert refs(m, "literal")[1:] == [("S2", ("feedback", True, "opened", "S1")), ("S3", None)]
    assert refs(m, "cascade")[1:] == [("S2", ("feedback", True, "opened", "S1")),
                                      ("S3", ("feedback", True, "delivered", "S2"))]
    assert refs(m, "app") == [("S1", ("filter", False, None, None)), ("S2", ("feedback", True, "clicked", "S1"))]


def test_russian_words_leave_only_the_real_problems(tmp_path):
    m = load_map(ru_map(tmp_path / "ru.xlsx"))
    assert findings(m, "MAP001", "MAP006") == {
        ("MAP001", "cart/S6"),  # не открыл S9: S9 is no step
        ("MAP006", "literal/S3"),  # в Viber, with no Viber step before it: nothing to check
    }
    got = findings(m, "INT003", "COST001")
    assert ("INT003", "cascade/S2") in got  # a Viber message is read, never "opened"
    assert ("COST001", "smsfirst/S2") in got  # SMS first, email as its fallback
    # Viber → SMS → email (cascade) and email → Viber → SMS → email (cart) began cheap: the SMS is
    # itself a fallback, so its own fallback to email is no expensive channel first; a push reports
    # delivered and opened, never a click (app/S2)
    assert {f for f in got if f[1].startswith(("cart/", "app/", "cascade/"))} == {
        ("INT003", "cascade/S2"), ("INT003", "app/S2")}


def test_an_audience_filter_is_no_condition_on_feedback(tmp_path):
    m = load_map(ru_map(tmp_path / "ru.xlsx"))
    (app,) = [s for s in m.steps if s.ref == "app/S1"]
    assert app.condition.kind is ConditionKind.FILTER and app.condition_text.startswith("только тем")
    assert not [f for f in audit(m) if f.entity.id == "app/S1" and f.rule in ("MAP006", "INT002", "INT003")]


def test_english_words_use_the_channels_sheet(tmp_path):
    m = load_map(en_map(tmp_path / "en.xlsx"))
    assert refs(m, "trial") == [
        ("S1", None),
        ("S2", ("feedback", True, "opened", "S1")),
        ("S3", ("feedback", True, "clicked", "S1")),
        ("S4", ("feedback", True, "read", "S2")),  # the WhatsApp step, not the later Telegram one
        ("S5", ("filter", False, None, None)),
        ("S6", ("feedback", True, "opened", "S9")),
    ]
    assert m.steps[3].condition.within_minutes == 120
    assert findings(m, "MAP001", "MAP006") == {("MAP001", "trial/S6")}
