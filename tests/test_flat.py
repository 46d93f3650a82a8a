"""Single-sheet trigger maps and `--columns` mappings."""
import json
from collections import Counter
from pathlib import Path

import openpyxl
import pytest

from audit.cli import main
from audit.errors import MapReadError
from audit.importer import load_column_mapping, load_map

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def findings(tmp_path, path: Path, *extra: str) -> Counter:
    out = tmp_path / f"{path.stem}.json"
    main(["audit", str(path), "--format", "json", "-o", str(out), "--today", "2026-11-23", "--select", "all",
          "--fail-on", "never", "-q", *extra])
    return Counter((f["rule"], f["entity"]["kind"], f["entity"]["id"])
                   for f in json.loads(out.read_text(encoding="utf-8"))["findings"])


def test_flat_form_of_the_sample_audits_to_the_same_findings(tmp_path):
    normalized = findings(tmp_path, SAMPLES / "ru_ecommerce.xlsx")
    flat = findings(tmp_path, SAMPLES / "ru_ecommerce_flat.xlsx")
    assert flat == normalized and sum(flat.values()) == 20


def one_sheet_map(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Карта коммуникаций"
    ws.append(["Триггерная карта интернет-магазина"])
    ws.append(["Сегмент", "Этап", "Сценарий", "Триггер", "Канал", "Тип", "Задержка", "Условие", "Цель", "Заметки"])
    ws.append(["Новые", "Выбор", "Приветствие", "Регистрация", "Письмо", "контентное", "0", None, "Первая покупка", "x"])
    ws.append([None, None, None, None, "Пуш", "акционное", "1д", "если не открыл письмо", None, None])
    ws.append(["Активные", "Покупка", "Брошенная корзина", "Брошенная корзина", "E-mail", "информационное", "1ч",
               None, "Возврат", None])
    ws.append(["Геймеры", None, None, None, "SMS", "акционное", "1д", "не открыл предыдущее", None, None])
    ws.append([None, None, None, None, "Telegram", "акционное", "2д", "не прочитал 2", None, None])
    ws.merge_cells("C5:C7")
    wb.save(path)
    return path


def test_one_wide_sheet_derives_everything(tmp_path):
    m = load_map(one_sheet_map(tmp_path / "flat.xlsx"))
    assert m.language == "ru"
    assert [(s.id, s.type.value, s.segments, s.stage, s.trigger, s.goal) for s in m.scenarios] == [
        ("Приветствие", "trigger", ["Новые"], "Выбор", "Регистрация", "Первая покупка"),
        ("Брошенная корзина", "trigger", ["Активные", "Геймеры"], "Покупка", "Брошенная корзина", "Возврат"),
    ]
    assert [(s.scenario, s.id, s.channel, s.message_type.value) for s in m.steps] == [
        ("Приветствие", "1", "Письмо", "content"), ("Приветствие", "2", "Пуш", "promo"),
        ("Брошенная корзина", "1", "E-mail", "info"), ("Брошенная корзина", "2", "SMS", "promo"),
        ("Брошенная корзина", "3", "Telegram", "promo"),
    ]
    assert [c.kind.value for c in m.channels] == ["email", "push", "email", "sms", "messenger"]
    assert {s.id for s in m.segments} == {"Новые", "Активные", "Геймеры"}
    assert {e.id for e in m.events} == {"Регистрация", "Брошенная корзина"}
    # a notes column is recognised as notes: placed, and read into nothing
    (sheet,) = [p for p in m.reading.sheets if p.name == "Карта коммуникаций"]
    assert {c.header: c.field for c in sheet.columns}["Заметки"] == "notes"
    assert not m.ignored_columns
    assert m.steps[4].condition.feedback == "read" and m.steps[4].condition.step_ref == "2"
    assert m.steps[1].source.row == 4 and m.scenarios[1].source.row == 5


def test_column_mapping_reads_a_clients_own_headers(tmp_path, capsys):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Лист1"
    ws.append(["Кому шлём", "Что за цепочка", "Через что", "Текст", "Пометки"])
    ws.append(["vip", "Звонок VIP", "звонок", "Персональное предложение", ""])
    path = tmp_path / "client.xlsx"
    wb.save(path)
    # recognised from the header words alone: audience, chain, "through what", text
    assert [(s.scenario, s.channel, s.message) for s in load_map(path).steps] == [
        ("Звонок VIP", "звонок", "Персональное предложение")]
    mapping = tmp_path / "mapping.toml"
    mapping.write_text('[columns]\n"Кому шлём" = "segments"\n"Что за цепочка" = "scenario"\n'
                       '"Через что" = "channel"\n"Текст" = "message"\n', encoding="utf-8")
    m = load_map(path, load_column_mapping(mapping))
    assert [(s.scenario, s.channel, s.message) for s in m.steps] == [("Звонок VIP", "звонок", "Персональное предложение")]
    assert main(["audit", str(path), "--columns", str(mapping), "--format", "text", "-o", "-", "-q"]) in (0, 1)
    out = capsys.readouterr().out
    assert "Пометки" in out


@pytest.mark.parametrize("text, key", [
    ('[columns]\n"Кому" = "colour"\n', "columns.Кому"),
    ('[sheets]\n"Лист1" = "budget"\n', "sheets.Лист1"),
    ('[other]\n', "unknown table"),
])
def test_bad_column_mapping(tmp_path, text, key):
    mapping = tmp_path / "m.toml"
    mapping.write_text(text, encoding="utf-8")
    with pytest.raises(MapReadError, match=key):
        load_column_mapping(mapping)


def test_touches_packed_as_text_in_a_column_per_touch_become_steps(tmp_path):
    import openpyxl

    from audit.importer import load_map

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Каскады"
    ws.append(["Каскады касаний"])
    ws.append(["Сценарий", "Сегмент", "Старт", "Касание 1", "Касание 2", "Касание 3", "Статус"])
    ws.append(["Корзина", "Активные", "Брошенная корзина", "через 1 ч → Email «Вы кое-что забыли»",
               "если не открыл за 24 ч → Push «Товары ждут»", "через 3 дня, если не купил → SMS «-5% по коду»",
               "работает"])
    ws.append(["Реактивация", "Спящие; Стоп-лист (жалобы, отписки)", "Нет покупок 90 дней",
               "сразу → SMS «Скучаем!»", "если SMS не доставлено → Email «Скучаем!»", "", "работает"])
    ws.append(["Welcome", "Новички", "Регистрация", "Email, сразу: «Добро пожаловать»", "", "", "работает"])
    path = tmp_path / "cascade.xlsx"
    wb.save(path)
    m = load_map(path)
    plan = m.reading.sheets[0]
    assert plan.role == "flat" and {n: t[:2] for n, t in plan.touches().items()} == {
        1: (3, "Касание 1"), 2: (4, "Касание 2"), 3: (5, "Касание 3")}
    steps = [(s.scenario, s.id, s.channel, s.delay_minutes, s.condition_text, s.message) for s in m.steps]
    assert steps == [
        ("Корзина", "1", "Email", 60, "", "«Вы кое-что забыли»"),
        ("Корзина", "2", "Push", None, "если не открыл за 24 ч", "«Товары ждут»"),
        ("Корзина", "3", "SMS", 3 * 24 * 60, "если не купил", "«-5% по коду»"),
        ("Реактивация", "1", "SMS", 0, "", "«Скучаем!»"),
        ("Реактивация", "2", "Email", None, "если SMS не доставлено", "«Скучаем!»"),
        ("Welcome", "1", "Email", 0, "", "«Добро пожаловать»"),
    ]
    second = m.steps[1].condition
    assert (second.negated, second.feedback, second.within_minutes) == (True, "opened", 24 * 60)
    # a comma inside brackets does not split a list cell
    assert [s.segments for s in m.scenarios][1] == ["Спящие", "Стоп-лист (жалобы, отписки)"]
    assert {s.source.row for s in m.steps if s.scenario == "Корзина"} == {3}


def test_one_numbered_column_or_plain_text_is_no_packed_touch(tmp_path):
    import openpyxl

    from audit.importer import load_map
    from audit.importer.flat import packed_touch

    assert packed_touch("Просто текст письма") is None and packed_touch("Welcome-серия") is None
    assert packed_touch("SMS через 2 дня")["delay"] == "через 2 дня"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Сценарий", "Шаг", "Канал", "Сообщение 1"])
    ws.append(["Корзина", 1, "Email", "через 1 ч → Email «Вы кое-что забыли»"])
    ws.append(["Корзина", 2, "SMS", "через 1 день → SMS «Ждём»"])
    path = tmp_path / "plain.xlsx"
    wb.save(path)
    m = load_map(path)
    assert m.reading.sheets[0].touches() == {}
    assert [(s.id, s.channel) for s in m.steps] == [("1", "Email"), ("2", "SMS")]


def test_a_chain_written_as_a_numbered_list_in_one_cell_is_the_scenarios_steps(tmp_path):
    import openpyxl

    from audit.importer import load_map

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Сценарии"
    ws.append(["№", "Сценарий", "Сегмент", "Триггер", "Цепочка", "Тип сообщения", "Статус"])
    ws.append([1, "Онбординг", "Новые", "Регистрация",
               "1) Email, сразу — «Привет»\n2) Push, через 1 день, если не открыл письмо — «Мы рядом»\n"
               "3) SMS, через 2 дня, если нет «Покупка» — «Скидка 5%» → затем снова шаг 2", "сервисное", "активен"])
    ws.append([2, "Дайджест", "Все", "", "1. Email, по пятницам в 10:00 — «Новости недели» [promo]", "контент",
               "активен"])
    ws.append([3, "Возврат", "Спящие", "Нет покупок 60 дней", "Шаг 1: SMS — «Скучаем»\nШаг 2: Email, через 3 дня: "
               "«Вернитесь»", "", "активен"])
    path = tmp_path / "list.xlsx"
    wb.save(path)
    m = load_map(path)
    plan = m.reading.sheets[0]
    assert plan.role == "flat" and [(c.header, c.chain) for c in plan.columns if c.touch] == [("Цепочка", True)]
    steps = [(s.scenario, s.id, s.channel, s.delay_minutes, s.condition_text, s.message,
              s.message_type.value if s.message_type else None, s.next) for s in m.steps]
    assert steps == [
        ("Онбординг", "1", "Email", 0, "", "«Привет»", "service", None),
        ("Онбординг", "2", "Push", 1440, "если не открыл письмо", "«Мы рядом»", "service", None),
        ("Онбординг", "3", "SMS", 2880, "если нет «Покупка»", "«Скидка 5%»", "service", ["2"]),
        ("Дайджест", "1", "Email", None, "", "«Новости недели»", "promo", None),  # the touch's own tag wins
        ("Возврат", "1", "SMS", None, "", "«Скучаем»", None, None),
        ("Возврат", "2", "Email", 3 * 1440, "", "«Вернитесь»", None, None),
    ]
    assert m.steps[1].condition is not None and m.steps[1].condition.feedback == "opened"
    assert {s.source.row for s in m.steps if s.scenario == "Онбординг"} == {2}


def test_a_timelines_day_columns_are_steps_timed_by_their_day(tmp_path):
    import openpyxl

    from audit.importer import load_map

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Timeline"
    ws.append(["Lifecycle timeline"])
    ws.append(["Legend: cell = 'Channel: message'"])
    ws.append([])
    ws.append(["Scenario", "Segment", "Trigger", "Day 0", "Day 2", "D+7", "Week", "Status"])
    ws.append(["Welcome", "New", "Signed up", "Email: Welcome [content]", None,
               "Push (if email not opened): Come back [promo]", "weekly", "live"])
    ws.append(["Cart", "All", "Cart abandoned", None, "Email: You forgot something", "SMS: -5% today", None, "live"])
    path = tmp_path / "timeline.xlsx"
    wb.save(path)
    m = load_map(path)
    plan = m.reading.sheets[0]
    assert plan.role == "flat" and plan.header_row == 3
    assert [(c.header, c.touch, c.day) for c in plan.columns if c.touch] == [
        ("Day 0", 1, "Day 0"), ("Day 2", 2, "Day 2"), ("D+7", 3, "D+7")]
    steps = [(s.scenario, s.id, s.channel, s.delay_minutes, s.condition_text, s.message,
              s.message_type.value if s.message_type else None) for s in m.steps]
    assert steps == [
        ("Welcome", "1", "Email", 0, "", "Welcome", "content"),
        ("Welcome", "2", "Push", 7 * 1440, "if email not opened", "Come back", "promo"),
        ("Cart", "1", "Email", 2 * 1440, "", "You forgot something", None),
        ("Cart", "2", "SMS", 7 * 1440, "", "-5% today", None),
    ]


def test_packed_touch_reads_a_bracketed_condition_a_type_tag_and_where_the_chain_goes_next():
    from audit.importer.flat import numbered_touches, packed_touch

    assert packed_touch("Email (if push not opened)") == {
        "channel": "Email", "message": "", "delay": "", "condition": "if push not opened", "message_type": "",
        "next": ""}
    assert packed_touch("SMS (if no app): Get the app: rn.tv/app [svc]")["message"] == "Get the app: rn.tv/app"
    assert packed_touch("SMS (if no app): Get the app [svc]")["message_type"] == "svc"
    # a bracket that says neither when nor on what condition is the message
    assert packed_touch("если не прочитал → Звонок КЦ (скрипт «Вакцинация»)")["message"] == "(скрипт «Вакцинация»)"
    # a quoted event in the condition is not the message: the spaced dash starts it
    touch = packed_touch("Push, через 3 дня, если нет «Оплата» — «Оплатите» → затем снова шаг 2")
    assert (touch["condition"], touch["message"], touch["next"]) == ("если нет «Оплата»", "«Оплатите»",
                                                                     "затем снова шаг 2")
    assert packed_touch("Push, в 17:00 — «Скидка»")["delay"] == "в 17:00"
    assert numbered_touches("1) Email — a\nstill a\n2. SMS — b") == [(1, "Email — a still a"), (2, "SMS — b")]
    assert numbered_touches("Email — a\n2) SMS") == []


def test_group_headings_totals_and_scenarios_without_steps_make_no_steps(tmp_path):
    """A wide sheet as clients keep it: «ONBOARDING» alone on a row heads a group; «Итого» sums the
    table up; a planned scenario whose steps are not written yet is a scenario with no steps."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Flows"
    ws.append(["Flow", "Audience", "Trigger", "Step #", "Channel", "Message", "Status"])
    ws.append(["ONBOARDING"])
    ws.append(["Welcome", "New", "first_open", 1, "Push", "Welcome aboard", "Live"])
    ws.append(["Welcome", "New", "first_open", 2, "Email", "Finish the tutorial", "Live"])
    ws.append(["Refer a friend", "Owners", "referral_lead", None, None, None, "Planned"])
    ws.append(["Итого", "2 цепочки, 2 шага"])
    path = tmp_path / "map.xlsx"
    wb.save(path)
    m = load_map(path)
    assert [(s.scenario, s.id, s.channel) for s in m.steps] == [("Welcome", "1", "Push"), ("Welcome", "2", "Email")]
    assert sorted(s.id for s in m.scenarios) == ["Refer a friend", "Welcome"]
    assert [p.code for p in m.problems if p.code in ("MAP004", "MAP003")] == []


def test_a_task_tracker_export_reads_as_a_wide_map(tmp_path):
    """A Jira/Asana-style export: the item's title is the touch, its parent (epic) the scenario, the
    assignee the owner; a condition or `next` naming the code that begins a title names that step."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Jira export"
    ws.append(["Summary", "Epic Link", "Channel", "Trigger", "Audience", "Assignee", "Next", "Condition"])
    ws.append(["CB-1 Reminder email", "Cart rescue", "Email", "Cart abandoned", "Shoppers", "Ann", "CB-2", ""])
    ws.append(["CB-2 Nudge push", "Cart rescue", "Push", "Cart abandoned", "Shoppers", "Ann", "",
               "not opened CB-1"])
    ws.append(["WL-1 Hello email", "Welcome", "Email", "Signed up", "New", "Bob", "", ""])
    path = tmp_path / "tracker.xlsx"
    wb.save(path)
    m = load_map(path)
    plan = {c.header: c.field for c in m.reading.sheets[0].columns}
    assert plan["Summary"] == "step" and plan["Epic Link"] == "scenario" and plan["Assignee"] == "owner"
    assert [(s.id, s.owner) for s in m.scenarios] == [("Cart rescue", "Ann"), ("Welcome", "Bob")]
    steps = {s.id: s for s in m.steps}
    assert steps["CB-1 Reminder email"].next == ["CB-2 Nudge push"]
    assert steps["CB-2 Nudge push"].condition.step_ref == "CB-1 Reminder email"


def two_level_map(path: Path) -> Path:
    """One row per scenario under a two-row header: channel titles merged over «Когда | Текст | Условие»."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Сценарии"
    ws.append(["Карта рассылок школы"])
    ws.append(["Сценарий", None, None, "E-mail", None, None, "SMS", None, None, "Push", None, None])
    ws.append(["Название", "Сегмент", "Триггер", "Когда", "Текст", "Условие", "Когда", "Текст", "Условие",
               "Когда", "Текст", "Условие"])
    ws.append(["Брошенная заявка", "Лиды", "Заявка", "через 1 день после SMS", "Письмо с программой",
               "если не открыл SMS", "сразу", "Вы оставили заявку", "—", None, None, None])
    ws.append(["Онбординг", "Ученики", "Оплата", "сразу", "Доступ в кабинет", "—", None, None, None,
               "каждые 3 дня", "Новый урок ждёт", "если не заходил"])
    ws.append(["* Push — через приложение, см. лист «Платформы»"])
    ws.merge_cells("A2:C2")
    ws.merge_cells("D2:F2")
    ws.merge_cells("G2:I2")
    ws.merge_cells("J2:L2")
    wb.save(path)
    return path


def test_a_two_level_header_of_channel_titles_reads_as_a_column_group_per_channel(tmp_path):
    m = load_map(two_level_map(tmp_path / "two_level.xlsx"))
    sheet = m.reading.sheets[0]
    assert (sheet.role, sheet.header_row, sheet.header_rows) == ("flat", 2, 2)
    assert {c.header: (c.group, c.field) for c in sheet.columns if c.group} == {
        "E-mail: Когда": ("E-mail", "delay"), "E-mail: Текст": ("E-mail", "message"),
        "E-mail: Условие": ("E-mail", "condition"), "SMS: Когда": ("SMS", "delay"), "SMS: Текст": ("SMS", "message"),
        "SMS: Условие": ("SMS", "condition"), "Push: Когда": ("Push", "delay"), "Push: Текст": ("Push", "message"),
        "Push: Условие": ("Push", "condition")}
    # the note under the table is no scenario
    assert [s.id for s in m.scenarios] == ["Брошенная заявка", "Онбординг"]
    steps = [(s.scenario, s.id, s.channel, s.message, s.condition_text) for s in m.steps]
    # the e-mail goes a day after the SMS it waits on: it follows it, whatever the columns' order; «—» is no condition
    assert steps == [
        ("Брошенная заявка", "1", "SMS", "Вы оставили заявку", ""),
        ("Брошенная заявка", "2", "E-mail", "Письмо с программой", "если не открыл SMS"),
        ("Онбординг", "1", "E-mail", "Доступ в кабинет", ""),
        ("Онбординг", "2", "Push", "Новый урок ждёт", "если не заходил"),
    ]
    assert m.steps[1].condition.step_ref == "1"
    # a chain's step that goes every 3 days repeats: it follows itself, every 3 days
    assert (m.steps[3].next, m.steps[3].delay_minutes) == (["2"], 3 * 1440)
    found = findings(tmp_path, tmp_path / "two_level.xlsx")
    assert found[("FLOW003", "step", "Онбординг/2")] == 1
    assert found[("COST001", "step", "Брошенная заявка/2")] == 1  # the SMS goes first
    assert {c.header: c.field for c in sheet.columns if not c.group} == {
        "Сценарий › Название": "scenario_name", "Сценарий › Сегмент": "segments", "Сценарий › Триггер": "trigger"}


def owner_sheet(path: Path) -> Path:
    """A shop owner's one sheet: a wide table with merged scenario cells, then its bases and its events
    stacked below it under block titles with an emoji and a dash or bracket after the kind."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Лист1"
    ws.append(["РАССЫЛКИ 🛋️ магазин — обновил 02.11.2026"])
    ws.append([])
    ws.append(["№", "Рассылка", "Кому", "Повод", "Когда", "Канал", "Если", "Тип", "Зачем", "Ждём что", "Стоп",
               "Смотрим", "Кто", "Статус"])
    ws.append(["1.1", "Спасибо", "Покупатели", "заказ оформлен", "сразу", "смс", None, "сервис", "чтобы знал",
               "оплата", "оплата", "оплаты", "я", "работает"])
    ws.append(["1.2", None, None, None, "сразу", "ватсап", "если смс не дошла", "сервис"])
    ws.append(["2.1", "Корзина", "Сайт", "брошенная корзина", "через 2 часа", "почта", None, "инфо", "дооформить",
               "заказ оформлен", "заказ оформлен", "возвраты", "Оля", "вкл"])
    for column in "BCDIJKLMN":
        ws.merge_cells(f"{column}4:{column}5")
    ws.append([])
    ws.append([None, "👥 БАЗЫ (кому пишем)"])
    ws.append([None, "База", "Сколько", "Что это", "НЕ ПИСАТЬ"])
    ws.append([None, "Покупатели", "≈3200", "все с телефоном"])
    ws.append([None, "Сайт", 600, "заявки"])
    ws.append([None, "ЧС", 27, "просили не писать", "✓"])
    ws.append([])
    ws.append(["📊 СОБЫТИЯ — что видим и откуда"])
    ws.append(["Событие", "Откуда берём", "Видим?"])
    ws.append(["заказ оформлен", "МойСклад", "да"])
    ws.append(["оплата", "касса", "+"])
    ws.append(["брошенная корзина", "сайт", "НЕТ (не отдаёт)"])
    wb.save(path)
    return path


def test_bases_and_events_stacked_under_a_wide_sheet_are_read_as_their_own_tables(tmp_path):
    path = owner_sheet(tmp_path / "рассылки.xlsx")
    m = load_map(path)
    assert [(s.id, s.trigger, s.goal_event, s.stop_events, s.kpi, s.owner) for s in m.scenarios] == [
        ("Спасибо", "заказ оформлен", "оплата", ["оплата"], "оплаты", "я"),
        ("Корзина", "брошенная корзина", "заказ оформлен", ["заказ оформлен"], "возвраты", "Оля"),
    ]
    assert [(s.scenario, s.id, s.channel) for s in m.steps] == [
        ("Спасибо", "1.1", "смс"), ("Спасибо", "1.2", "ватсап"), ("Корзина", "2.1", "почта")]
    assert [(s.id, s.size, s.excluded) for s in m.segments] == [
        ("Покупатели", 3200, False), ("Сайт", 600, False), ("ЧС", 27, True)]
    assert [(e.id, e.source_name, e.tracked) for e in m.events] == [
        ("заказ оформлен", "МойСклад", True), ("оплата", "касса", True), ("брошенная корзина", "сайт", False)]
    assert m.meta.last_reviewed.isoformat() == "2026-11-02"
    found = findings(tmp_path, path)
    # «смс не дошла» is SMS delivery feedback: an SMS first, then the cheaper WhatsApp
    assert found[("COST001", "step", "Спасибо/1.2")] == 1
    assert found[("TRK002", "scenario", "Корзина")] == 1
    assert not [key for key in found if key[0] in ("MAP005", "CNT001", "CNT003", "GOV003", "TRK004", "MAP006")]


def test_a_columns_file_written_for_a_sheet_of_stacked_tables_reads_it_the_same(tmp_path):
    path = owner_sheet(tmp_path / "рассылки.xlsx")
    toml_path = tmp_path / "columns.toml"
    assert main(["inspect", str(path), "--write-columns", str(toml_path), "-o", str(tmp_path / "out.txt")]) == 0
    again = load_map(path, load_column_mapping(toml_path))
    assert [(p.role, p.header_row) for p in again.reading.sheets] == [("flat", 2), ("segments", 8), ("events", 14)]
    assert [s.id for s in again.scenarios] == ["Спасибо", "Корзина"] and len(again.segments) == 3
