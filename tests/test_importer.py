"""Reading real workbooks and CSV folders through `load_map`: sheet and column aliases, title and
blank rows, ids, numbers, dates, merged and error cells, problems at their cells, language."""
import re
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from audit.errors import MapReadError
from audit.importer import load_map
from audit.model import ConditionKind
from tests.builders import audit, build_map, scn, step


def save(workbook, path: Path) -> Path:
    workbook.save(path)
    return path


def new_workbook() -> openpyxl.Workbook:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    return wb


def with_error_cell(path: Path, sheet_xml: str, cell: str, error: str = "#REF!") -> Path:
    """Rewrite one cell of a saved workbook into an error cell, as Excel stores a broken formula."""
    with zipfile.ZipFile(path) as archive:
        items = {name: archive.read(name) for name in archive.namelist()}
    xml = items[sheet_xml].decode()
    xml, count = re.subn(rf'<c r="{cell}"[^>]*?(/>|>.*?</c>)', f'<c r="{cell}" t="e"><v>{error}</v></c>', xml)
    assert count == 1, f"{cell} not found in {sheet_xml}"
    items[sheet_xml] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in items.items():
            archive.writestr(name, data)
    return path


def problems(commap) -> list[tuple]:
    return sorted((p.code, p.location.sheet, p.location.row, p.location.column) for p in commap.problems)


def ru_workbook(path: Path) -> Path:
    wb = new_workbook()
    meta = wb.create_sheet("Карта")
    meta.append(["Название", "Тестовая карта"])
    meta.append(["Дата ревизии", date(2026, 9, 1)])
    seg = wb.create_sheet("Сегменты")
    seg.append(["Сегменты магазина"])  # title row
    seg.append([])
    seg.append(["ИД", "Название", "Размер", "Исключён", "Комментарий"])
    seg.append([" VIP ", "Вип", 1200, "да", "лишний столбец"])
    seg.append([])  # blank row between records
    seg.append([101, "Сегмент с числовым id", 50.0, "нет", None])
    scn_sheet = wb.create_sheet("Сценарии")
    scn_sheet.append(["id", "Тип", "Сегменты", "Триггер", "Дата ревизии", "Статус"])
    scn_sheet.append(["cart", "триггерный", "vip; 101", "cart_abandoned", "15.10.2026", "на паузе"])
    steps = wb.create_sheet("Шаги (касания)")
    steps.append(["Сценарий", "Шаг", "Канал", "Задержка", "Условие", "Следующий"])
    steps.append(["cart", "S1", "E-mail", "1ч", None, None])
    steps.append([None, "S2", "пуш", 1, "не открыл S1 в течение 24ч", None])
    steps.append([None, "S3", "смс", "3 дня", "если письмо не открыто", "конец"])
    steps.merge_cells("A2:A4")  # the scenario column merged over its three steps
    return save(wb, path)


def test_russian_workbook_with_title_rows_merged_cells_and_numbers(tmp_path):
    m = load_map(ru_workbook(tmp_path / "ru.xlsx"))
    assert m.language == "ru"
    assert m.meta.name == "Тестовая карта" and m.meta.last_reviewed == date(2026, 9, 1)
    assert [(s.id, s.name, s.size, s.excluded, s.source.sheet, s.source.row) for s in m.segments] == [
        ("VIP", "Вип", 1200, True, "Сегменты", 4), ("101", "Сегмент с числовым id", 50, False, "Сегменты", 6)]
    assert m.segments[0].source.columns == {"id": "ИД", "name": "Название", "size": "Размер", "excluded": "Исключён",
                                            "notes": "Комментарий"}
    (scenario,) = m.scenarios
    assert scenario.segments == ["vip", "101"] and scenario.last_reviewed == date(2026, 10, 15)
    assert scenario.status.value == "paused" and scenario.type.value == "trigger"
    assert scenario.trigger == "cart_abandoned"
    assert [(s.scenario, s.id, s.channel, s.delay_minutes, s.source.row) for s in m.steps] == [
        ("cart", "S1", "E-mail", 60, 2), ("cart", "S2", "пуш", 1440, 3), ("cart", "S3", "смс", 3 * 1440, 4)]
    assert all(s.source.sheet == "Шаги (касания)" for s in m.steps)
    assert [(c.id, c.kind.value, c.declared) for c in m.channels] == [
        ("E-mail", "email", False), ("пуш", "push", False), ("смс", "sms", False)]
    assert m.steps[1].condition.feedback == "opened" and m.steps[1].condition.within_minutes == 1440
    assert m.steps[1].condition.step_ref == "S1" and m.steps[1].condition.negated
    # «если письмо не открыто» on the SMS waits for the latest earlier e-mail, S1 (S2 is a push)
    assert m.steps[2].condition.negated and m.steps[2].condition.step_ref == "S1"
    assert m.steps[0].next is None and m.steps[2].next == []  # default: next row; `конец` = the end
    assert m.ignored_columns == []  # «Комментарий» is recognised as notes: placed, read into nothing
    assert m.problems == []
    assert m.counts() == {"segments": 2, "stages": 0, "scenarios": 1, "steps": 3, "channels": 3, "events": 1}


def test_english_aliases_are_case_space_and_punctuation_insensitive(tmp_path):
    wb = new_workbook()
    ch = wb.create_sheet("CHANNELS ")
    ch.append(["Channel ID", "Kind", "Cost per contact"])
    ch.append(["email", "E-mail", "0,5"])
    ch.append(["sms", "SMS", 3])
    ws = wb.create_sheet("Steps (touchpoints)")
    ws.append(["Scenario ID", "Step_ID", "CHANNEL", "Message-Type", " delay ", "Next Step"])
    ws.append(["Cart", "s1", "email", "Promotional", "30m", "s2"])
    ws.append(["cart", "S2", "Email", "service", "2h", None])
    ws.append([" cart ", "S3", " SMS ", "info", "1d", None])
    m = load_map(save(wb, tmp_path / "en.xlsx"))
    assert m.language == "en"
    assert [(c.id, c.kind.value, c.cost) for c in m.channels] == [("email", "email", 0.5), ("sms", "sms", 3.0)]
    assert [(s.scenario, s.id, s.channel, s.message_type.value, s.delay_minutes) for s in m.steps] == [
        ("Cart", "s1", "email", "promo", 30), ("cart", "S2", "Email", "service", 120),
        ("cart", "S3", "SMS", "info", 1440)]
    assert m.steps[0].source.columns["message_type"] == "Message-Type"
    assert [s.id for s in m.scenarios] == ["Cart"]  # `Cart`, `cart`, ` cart ` are one scenario, as first written
    # `Email` and ` SMS ` on steps are the channels `email` and `sms`: no unknown reference
    assert [f.rule for f in audit(m, select=["MAP"])] == []


def test_russian_aliases_with_yo_and_alternative_sheet_names(tmp_path):
    wb = new_workbook()
    seg = wb.create_sheet("аудитории")
    seg.append(["Код", "Наименование", "Стоп-лист", "Уровень"])
    seg.append(["stop", "Отказ от рекламы", "+", "Низкий"])
    systems = wb.create_sheet("Системы")
    systems.append(["ИД", "Каналы", "Оркестрация", "Принимает"])
    systems.append(["esp", "email", "да", "Сайт, CRM"])
    systems.append(["sms_gw", "sms", "нет", ""])
    integ = wb.create_sheet("ИНТЕГРАЦИИ")
    integ.append(["Откуда", "Куда", "Передаёт"])  # ё in the header; the alias is written both ways
    integ.append(["esp", "sms_gw", "открыл; clicked"])
    steps = wb.create_sheet("касания")
    steps.append(["Цепочка", "Номер шага", "Канал", "Тип сообщения", "Задержка"])
    steps.append(["welcome", 1, "email", "Акционное", "0"])
    m = load_map(save(wb, tmp_path / "ru2.xlsx"))
    assert [(s.id, s.name, s.excluded, s.tier.value) for s in m.segments] == [("stop", "Отказ от рекламы", True, "low")]
    assert [(s.id, s.channels, s.orchestration, s.receives) for s in m.systems] == [
        ("esp", ["email"], True, ["site", "crm"]), ("sms_gw", ["sms"], False, [])]
    (integration,) = m.integrations
    assert (integration.from_system, integration.to_system, integration.carries) == ("esp", "sms_gw",
                                                                                      ["opened", "clicked"])
    assert integration.source.columns["carries"] == "Передаёт"
    assert [(s.scenario, s.id, s.message_type.value, s.delay_minutes) for s in m.steps] == [
        ("welcome", "1", "promo", 0)]
    assert m.language == "ru"


def test_header_found_below_title_and_blank_rows_and_right_of_empty_columns(tmp_path):
    wb = new_workbook()
    ws = wb.create_sheet("Steps")
    ws["A1"] = "Communication map of Acme — steps"
    ws["C5"], ws["D5"], ws["E5"], ws["F5"] = "scenario", "step", "channel", "message"
    ws["C6"], ws["D6"], ws["E6"], ws["F6"] = "trial", "T1", "email", "Welcome"
    ws["C8"], ws["D8"], ws["E8"] = "trial", "T2", "email"  # row 7 is blank between records
    m = load_map(save(wb, tmp_path / "offset.xlsx"))
    assert [(s.id, s.message, s.source.row) for s in m.steps] == [("T1", "Welcome", 6), ("T2", "", 8)]
    assert m.steps[0].source.columns == {"scenario": "scenario", "step": "step", "channel": "channel",
                                         "message": "message"}
    assert m.problems == []


def test_a_column_marked_id_wins_over_a_name_column_with_the_same_alias(tmp_path):
    wb = new_workbook()
    seg = wb.create_sheet("Сегменты")
    seg.append(["Сегмент", "Код", "Размер"])  # `Сегмент` is an alias of the id too; here it holds names
    seg.append(["VIP-клиенты", "vip", 10])
    steps = wb.create_sheet("Steps")
    steps.append(["Scenario", "Scenario ID", "Step", "ID", "Channel"])
    steps.append(["Abandoned cart", "cart", "S1", 17, "email"])
    m = load_map(save(wb, tmp_path / "ids.xlsx"))
    assert [(s.id, s.name, s.source.columns) for s in m.segments] == [
        ("vip", "VIP-клиенты", {"name": "Сегмент", "id": "Код", "size": "Размер"})]
    # `Scenario ID` is the scenario; a bare `ID` does not displace `Step`
    assert [(s.scenario, s.id, s.source.columns) for s in m.steps] == [
        ("cart", "S1", {"scenario": "Scenario ID", "step": "Step", "channel": "Channel"})]
    assert [loc.column for loc in m.ignored_columns] == ["Scenario", "ID"]


def test_numeric_ids_and_references_read_as_written_integers(tmp_path):
    wb = new_workbook()
    scn_sheet = wb.create_sheet("Scenarios")
    scn_sheet.append(["id", "segments", "trigger"])
    scn_sheet.append([7, 101, "signup"])
    steps = wb.create_sheet("Steps")
    steps.append(["scenario", "step", "channel", "next"])
    steps.append([7.0, 1, "email", 3])
    steps.append([7, 2, "email", None])
    steps.append([7, 3, "push", "2, 1"])
    m = load_map(save(wb, tmp_path / "numbers.xlsx"))
    assert m.scenarios[0].id == "7" and m.scenarios[0].segments == ["101"]
    assert [(s.scenario, s.id, s.next) for s in m.steps] == [("7", "1", ["3"]), ("7", "2", None),
                                                             ("7", "3", ["2", "1"])]


def test_real_date_cells_and_text_dates(tmp_path):
    wb = new_workbook()
    meta = wb.create_sheet("Map")
    meta.append(["name", "Bookstore"])
    meta.append(["last reviewed", "31.05.2026"])
    ws = wb.create_sheet("Scenarios")
    ws.append(["id", "segments", "trigger", "last_reviewed"])
    ws.append(["a", "*", "e1", date(2026, 5, 31)])
    ws.append(["b", "*", "e2", "2026-05-31"])
    ws.append(["c", "*", "e3", "31.05.2026"])
    ws.append(["d", "*", "e4", 46173])  # a serial number the cell lost its date format for
    ws.append(["e", "*", "e5", "31.02.2026"])
    wb.create_sheet("Steps").append(["scenario", "step", "channel"])
    m = load_map(save(wb, tmp_path / "dates.xlsx"))
    assert m.meta.last_reviewed == date(2026, 5, 31) and m.meta.source.row == 2
    assert [s.last_reviewed for s in m.scenarios] == [date(2026, 5, 31)] * 4 + [None]
    (problem,) = m.problems
    assert (problem.code, problem.entity_id, problem.location.row, problem.location.column) == (
        "MAP003", "e", 6, "last_reviewed")
    assert problem.params["value"] == "31.02.2026"


def test_merged_scenario_cells_fill_down_only_over_their_rows(tmp_path):
    wb = new_workbook()
    ws = wb.create_sheet("Шаги")
    ws.append(["Сценарий", "Шаг", "Канал"])
    ws.append(["cart", "S1", "email"])
    ws.append([None, "S2", "push"])
    ws.append([None, "S3", "sms"])
    ws.append(["welcome", "W1", "email"])
    ws.append([None, "W2", "email"])
    ws.append([None, "X1", "email"])  # not merged: stays empty → MAP004
    ws.merge_cells("A2:A4")
    ws.merge_cells("A5:A6")
    m = load_map(save(wb, tmp_path / "merged.xlsx"))
    assert [(s.scenario, s.id, s.source.row) for s in m.steps] == [
        ("cart", "S1", 2), ("cart", "S2", 3), ("cart", "S3", 4), ("welcome", "W1", 5), ("welcome", "W2", 6)]
    assert problems(m) == [("MAP004", "Шаги", 7, "Сценарий")]


def test_error_cell_in_the_step_column_is_reported_not_read_as_empty(tmp_path):
    wb = new_workbook()
    ws = wb.create_sheet("Steps")
    ws.append(["scenario", "Step ID", "channel", "delay"])
    ws.append(["a", "S1", "email", "1d"])
    ws.append(["a", "S2", "sms", "2d"])
    path = with_error_cell(save(wb, tmp_path / "err.xlsx"), "xl/worksheets/sheet1.xml", "B3", "#REF!")
    m = load_map(path)
    (problem,) = m.problems
    assert (problem.code, problem.location.sheet, problem.location.row, problem.location.column) == (
        "MAP003", "Steps", 3, "Step ID")
    assert problem.params == {"column": "Step ID", "field": "step", "value": "#REF!", "reason": "spreadsheet error"}
    assert [s.id for s in m.steps] == ["S1"]  # not a step with an empty id, nor a MAP004


def test_error_cells_in_text_columns_and_the_map_sheet_are_reported(tmp_path):
    wb = new_workbook()
    meta = wb.create_sheet("Map")
    meta.append(["name", "Bookstore"])
    meta.append(["client", "=1/0"])
    scenarios = wb.create_sheet("Scenarios")
    scenarios.append(["id", "name", "trigger", "segments"])
    scenarios.append(["cart", "Cart", "cart_abandoned", "*"])
    scenarios.append(["welcome", "Welcome", "signup", "*"])
    steps = wb.create_sheet("Steps")
    steps.append(["scenario", "step", "channel", "message", "delay"])
    steps.append(["cart", "S1", "email", "Come back", "1d"])
    steps.append(["cart", "S2", "push", "Still there?", "2d"])
    path = save(wb, tmp_path / "errors.xlsx")
    with_error_cell(path, "xl/worksheets/sheet1.xml", "B2", "#DIV/0!")
    with_error_cell(path, "xl/worksheets/sheet2.xml", "B3", "#REF!")
    with_error_cell(path, "xl/worksheets/sheet3.xml", "D3", "#N/A")
    m = load_map(path)
    assert sorted((p.code, p.entity_kind, p.entity_id, p.location.sheet, p.location.row, p.location.column,
                   p.params["value"]) for p in m.problems) == [
        ("MAP003", "map", "Bookstore", "Map", 2, "client", "#DIV/0!"),
        ("MAP003", "scenario", "welcome", "Scenarios", 3, "name", "#REF!"),
        ("MAP003", "step", "cart/S2", "Steps", 3, "message", "#N/A"),
    ]
    assert m.meta.client == "" and m.scenarios[1].name == "" and m.steps[1].message == ""


def test_error_cell_on_a_single_wide_sheet_is_reported_at_its_row(tmp_path):
    wb = new_workbook()
    ws = wb.create_sheet("Карта касаний")
    ws.append(["Сегмент", "Сценарий", "Триггер", "Канал", "Задержка"])
    ws.append(["new", "welcome", "signup", "email", "0"])
    ws.append([None, "welcome", None, "push", "1д"])
    ws.append(["vip", "cart", "cart_abandoned", "email", "1ч"])
    path = with_error_cell(save(wb, tmp_path / "flat.xlsx"), "xl/worksheets/sheet1.xml", "C4", "#REF!")
    m = load_map(path)
    assert [(p.code, p.location.sheet, p.location.row, p.location.column, p.params["value"])
            for p in m.problems] == [("MAP003", "Карта касаний", 4, "Триггер", "#REF!")]
    assert [(s.scenario, s.id) for s in m.steps] == [("welcome", "1"), ("welcome", "2"), ("cart", "1")]


def test_problems_point_at_their_cells(tmp_path):
    wb = new_workbook()
    ws = wb.create_sheet("Segments")
    ws.append(["id", "size", "excluded"])
    ws.append(["vip", "many", "maybe"])
    ws.append(["VIP ", 10, "no"])  # the same id, trimmed and case-insensitive
    ws.append([None, 5, "no"])
    steps = wb.create_sheet("Steps")
    steps.append(["Scenario", "Step", "Channel", "Delay"])
    steps.append(["a", "S1", "email", "soon"])
    steps.append(["a", "s1", "sms", "1d"])
    steps.append(["a", "S3", None, "1d"])
    m = load_map(save(wb, tmp_path / "bad.xlsx"))
    assert problems(m) == [
        ("MAP002", "Segments", 3, "id"),
        ("MAP002", "Steps", 3, "Step"),
        ("MAP003", "Segments", 2, "excluded"), ("MAP003", "Segments", 2, "size"),
        ("MAP003", "Steps", 2, "Delay"),
        ("MAP004", "Segments", 4, "id"),
        ("MAP004", "Steps", 4, "Channel"),
    ]
    by_key = {(p.code, p.location.sheet, p.location.row): p for p in m.problems}
    assert by_key[("MAP002", "Segments", 3)].params == {"first_row": "2"}
    assert by_key[("MAP002", "Segments", 3)].entity_id == "VIP"
    assert by_key[("MAP002", "Steps", 3)].entity_id == "a/s1"
    assert by_key[("MAP003", "Steps", 2)].params == {
        "column": "Delay", "field": "delay", "value": "soon", "reason": "not a duration (write e.g. 30m, 2h, 1d, 1w, 2ч, 3 дня)"}
    assert by_key[("MAP003", "Segments", 2)].params["value"] in ("many", "maybe")
    assert [s.id for s in m.segments] == ["vip"] and m.segments[0].size is None
    assert [s.id for s in m.steps] == ["S1"]


def test_every_record_keeps_its_sheet_row_and_headers(tmp_path):
    wb = new_workbook()
    tables = {
        "Segments": (["Segment ID", "Name"], [["vip", "VIP"]]),
        "Stages": (["Stage", "Order", "Next"], [["need", 1, "buy"], ["buy", 2, None]]),
        "Channels": (["Channel", "Kind"], [["email", "email"]]),
        "Events": (["Event", "Source", "Tracked"], [["signup", "site", "yes"]]),
        "Scenarios": (["Scenario", "Segments", "Trigger"], [["welcome", "vip", "signup"]]),
        "Steps": (["Scenario", "Step", "Channel"], [["welcome", "W1", "email"]]),
        "Systems": (["System", "Channels"], [["esp", "email"]]),
        "Integrations": (["From", "To"], [["esp", "esp"]]),
    }
    for name, (header, rows) in tables.items():
        ws = wb.create_sheet(name)
        ws.append(["(title)"])
        ws.append(header)
        for row in rows:
            ws.append(row)
    m = load_map(save(wb, tmp_path / "all.xlsx"))
    records = [*m.segments, *m.stages, *m.channels, *m.events, *m.scenarios, *m.steps, *m.systems, *m.integrations]
    assert len(records) == 9
    for record in records:
        sheet = record.source.sheet
        header, _ = tables[sheet]
        assert record.source.row in (3, 4)
        assert sorted(record.source.columns.values()) == sorted(header), sheet
    assert m.stages[1].source.row == 4 and m.stages[0].source.columns == {"id": "Stage", "order": "Order",
                                                                           "next": "Next"}
    assert m.problems == [] and m.sheets == sorted(e.lower() for e in tables)


LONG_MESSAGE = ("Вы забыли: книги, блокноты, ручки, карандаши, ластики, краски, кисти, альбомы, тетради, папки, "
                "линейки, циркули, скрепки и ещё кое-что")


def test_csv_folder_utf8_comma_and_cp1251_semicolon(tmp_path):
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "Scenarios.csv").write_text("id,type,segments,trigger\ncart,trigger,*,cart_abandoned\n",
                                          encoding="utf-8")
    # a Russian Excel export: `;` between columns, and more commas than semicolons inside the texts
    (folder / "Шаги.csv").write_bytes(
        ("Сценарий;Шаг;Канал;Сообщение;Условие\n"
         f"cart;S1;email;{LONG_MESSAGE};\n"
         "cart;S2;смс;\"Скидка 10%; только сегодня, завтра, послезавтра\";не открыл S1\n").encode("cp1251"))
    (folder / "notes.txt").write_text("not a sheet")
    m = load_map(folder)
    assert [(s.id, s.type.value, s.trigger) for s in m.scenarios] == [("cart", "trigger", "cart_abandoned")]
    assert [(s.id, s.channel, s.message) for s in m.steps] == [
        ("S1", "email", LONG_MESSAGE),
        ("S2", "смс", "Скидка 10%; только сегодня, завтра, послезавтра")]
    assert m.steps[1].condition.kind is ConditionKind.FEEDBACK and m.steps[1].condition.step_ref == "S1"
    assert [(s.source.sheet, s.source.row) for s in m.steps] == [("Шаги", 2), ("Шаги", 3)]
    assert m.problems == [] and len(m.sha256) == 64


def test_csv_with_bom_tabs_and_a_title_row(tmp_path):
    folder = tmp_path / "tabs"
    folder.mkdir()
    (folder / "steps.csv").write_bytes("\ufeffExport 2026-05-31\n\nscenario\tstep\tchannel\ncart\tS1\temail\n"
                                       .encode("utf-8"))
    m = load_map(folder)
    assert [(s.scenario, s.id, s.channel, s.source.row) for s in m.steps] == [("cart", "S1", "email", 4)]


def test_google_sheets_csv_download_names(tmp_path):
    """Google Sheets names each downloaded CSV `<spreadsheet> - <sheet>.csv`."""
    folder = tmp_path / "google"
    folder.mkdir()
    (folder / "Карта коммуникаций - Карта.csv").write_text("Название,Полка\nДата ревизии,01.09.2026\n",
                                                           encoding="utf-8")
    (folder / "Карта коммуникаций - Сценарии.csv").write_text("id,type,segments,trigger\ncart,trigger,*,cart_abandoned\n",
                                                              encoding="utf-8")
    (folder / "Карта коммуникаций - Шаги.csv").write_text("Сценарий,Шаг,Канал\ncart,S1,email\n", encoding="utf-8")
    (folder / "Карта коммуникаций - Бюджет.csv").write_text("статья,сумма\nSMS,100\n", encoding="utf-8")
    m = load_map(folder)
    assert (m.meta.name, m.meta.last_reviewed) == ("Полка", date(2026, 9, 1))
    assert [(s.id, s.trigger) for s in m.scenarios] == [("cart", "cart_abandoned")]
    assert [(s.id, s.source.sheet, s.source.row) for s in m.steps] == [("S1", "Карта коммуникаций - Шаги", 2)]
    assert m.sheets == ["scenarios", "steps"]


@pytest.mark.parametrize("sheet, headers, expected", [
    ("Шаги", ["Сценарий", "Шаг", "Канал"], "ru"),
    ("Steps", ["Сценарий", "Шаг", "Канал"], "ru"),  # three Russian words of four
    ("Steps", ["scenario", "step", "channel"], "en"),
    ("Шаги", ["scenario", "step", "channel"], "en"),
])
def test_language_follows_the_sheet_and_header_words(tmp_path, sheet, headers, expected):
    wb = new_workbook()
    ws = wb.create_sheet(sheet)
    ws.append(headers)
    ws.append(["a", "1", "email"])
    assert load_map(save(wb, tmp_path / "lang.xlsx")).language == expected


def test_recognised_sheet_without_its_required_column_names_sheet_and_column(tmp_path):
    wb = new_workbook()
    ws = wb.create_sheet("Steps")
    ws.append(["scenario", "message", "comment"])
    ws.append(["cart", "Hello", ""])
    with pytest.raises(MapReadError) as caught:
        load_map(save(wb, tmp_path / "x.xlsx"))
    assert caught.value.sheet == "Steps" and caught.value.row == 1
    assert str(caught.value) == (f"{tmp_path / 'x.xlsx'}, sheet 'Steps', row 1: no header row with the required "
                                 f"column(s) 'channel' in the first 30 rows")


def test_steps_without_step_numbers_are_numbered_within_their_scenario(tmp_path):
    wb = new_workbook()
    ws = wb.create_sheet("Steps")
    ws.append(["scenario", "channel", "message"])
    ws.append(["cart", "email", "Hello"])
    ws.append(["cart", "sms", "Still there?"])
    ws.append(["welcome", "email", "Hi"])
    m = load_map(save(wb, tmp_path / "x.xlsx"))
    assert [(s.scenario, s.id, s.channel) for s in m.steps] == [
        ("cart", "1", "email"), ("cart", "2", "sms"), ("welcome", "1", "email")]


def test_workbook_without_a_map_sheet(tmp_path):
    wb = new_workbook()
    ws = wb.create_sheet("Бюджет")
    ws.append(["статья", "сумма"])
    with pytest.raises(MapReadError, match=r"no sheet of a communication map found \(sheets: 'Бюджет'; expected "):
        load_map(save(wb, tmp_path / "budget.xlsx"))


@pytest.mark.parametrize("raw, minutes", [("нет покупки 3 дня", 4320), ("no purchase within 3 days", 4320),
                                          ("не было заказа в течение 7 дней", 10080), ("no order in 7d", 10080),
                                          ("если не совершил покупку в течение 3 дней", 4320)])
def test_no_purchase_phrasings_wait_for_the_maps_purchase_event(raw, minutes):
    events = [{"id": "cart_abandoned", "name": "Брошенная корзина"}, {"id": "paid", "name": "Заказ оплачен"}]
    m = build_map(events=events, scenarios=[scn("cart", trigger="cart_abandoned")],
                  steps=[step("cart", "S1"), step("cart", "S2", condition=raw)])
    condition = m.steps[1].condition
    assert (condition.kind, condition.event, condition.within_minutes) == (ConditionKind.NO_EVENT, "paid", minutes)
    without = build_map(scenarios=[scn("cart")], steps=[step("cart", "S1"), step("cart", "S2", condition=raw)])
    assert without.steps[1].condition.event == "purchase"


def test_an_explicit_event_named_purchase_is_not_taken_for_the_phrase():
    events = [{"id": "order_paid"}, {"id": "cart_abandoned"}]
    m = build_map(events=events, scenarios=[scn("cart", trigger="cart_abandoned")],
                  steps=[step("cart", "S1"), step("cart", "S2", condition="no event purchase within 1d"),
                         step("cart", "S3", condition="event purchase")])
    assert [(s.condition.kind.value, s.condition.event) for s in m.steps[1:]] == [
        ("no_event", "purchase"), ("event", "purchase")]
    assert ("TRK001", "cart/S2") in {(f.rule, f.entity.id) for f in audit(m, select=["TRK001"])}


def test_a_feedback_word_before_an_ordinary_word_is_free_text_not_a_step():
    m = build_map(scenarios=[scn("cart")], steps=[
        step("cart", "S1"),
        step("cart", "S2", condition="если получил скидку"),
        step("cart", "S3", condition="если ответ положительный"),
        step("cart", "reminder", condition="не открыл S11"),  # a typo of a step id: kept for MAP001
        step("cart", "S5", condition="не открыл remindr"),  # a near miss of `reminder`: kept for MAP001
        step("cart", "S6", condition="не открыл Reminder"),
    ])
    assert [s.condition is None for s in m.steps] == [True, True, True, False, False, False]
    found = sorted((f.rule, f.entity.id) for f in audit(m, select=["MAP001", "MAP006"]))
    assert found == [("MAP001", "cart/S5"), ("MAP001", "cart/reminder"), ("MAP006", "cart/S2"), ("MAP006", "cart/S3")]


def test_client_spellings_of_kinds_types_statuses_and_sizes():
    m = build_map(
        segments=[{"id": "a", "size": "12k"}, {"id": "b", "size": "~1,5 млн"}, {"id": "c", "size": "300 тыс."}],
        channels=[{"id": "mail", "kind": "E-mail рассылка"}, {"id": "fax", "kind": "факс"}],
        scenarios=[scn("x", status="Запущен в работу")],
        steps=[step("x", "S1", "mail", message_type="Акционное письмо")],
    )
    assert [s.size for s in m.segments] == [12000, 1500000, 300000]
    assert m.channels[0].kind.value == "email" and m.scenarios[0].status.value == "active"
    assert m.steps[0].message_type.value == "promo"
    assert [(p.code, p.entity_id, p.params["value"]) for p in m.problems] == [("MAP003", "fax", "факс")]


def write_ods(path: Path, sheet: str, rows: list[list[str]]) -> Path:
    """A minimal OpenDocument spreadsheet, written by hand (no office suite needed)."""
    from xml.sax.saxutils import escape

    body = "".join(
        "<table:table-row>" + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{escape(cell)}</text:p></table:table-cell>'
            for cell in row) + "</table:table-row>"
        for row in rows)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="{escape(sheet)}">{body}</table:table>'
        '</office:spreadsheet></office:body></office:document-content>')
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        '</manifest:manifest>')
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    return path


def test_opendocument_spreadsheet_is_read(tmp_path):
    path = write_ods(tmp_path / "map.ods", "Шаги", [["Сценарий", "Шаг", "Канал", "Условие"],
                                                    ["cart", "S1", "email", ""], ["cart", "S2", "смс", "не открыл S1"]])
    m = load_map(path)
    assert [(s.scenario, s.id, s.channel) for s in m.steps] == [("cart", "S1", "email"), ("cart", "S2", "смс")]
    assert m.steps[1].condition.feedback == "opened" and m.language == "ru"


def test_a_description_column_is_notes_and_a_note_under_a_table_is_no_record(tmp_path):
    wb = new_workbook()
    stages = wb.create_sheet("Customer stages")
    stages.append(["Stage ID", "Stage", "Next stage(s)", "Description"])
    stages.append(["ST-1", "First order", "ST-2", "Buys for the first time"])
    stages.append(["ST-2", "Advocate", "(final)", "Refers friends"])
    stages.append([])
    stages.append(["The referral programme starts in Q3; its comms are not written yet."])
    steps = wb.create_sheet("Steps")
    steps.append(["scenario", "step", "channel"])
    steps.append(["welcome", "S1", "email"])
    m = load_map(save(wb, tmp_path / "stages.xlsx"))
    assert [(s.id, s.name, s.final) for s in m.stages] == [("ST-1", "First order", False), ("ST-2", "Advocate", True)]
    assert m.problems == []


def test_owner_and_date_on_a_read_me_sheet_are_map_facts(tmp_path):
    wb = new_workbook()
    readme = wb.create_sheet("Read me")
    readme.append(["Ridgeline Coffee Co. — CRM map"])
    readme.append(["Owner", "Maya Chen"])
    readme.append(["Last updated", "2026-10-02"])
    readme.append(["How to use", "One row per message."])
    steps = wb.create_sheet("Steps")
    steps.append(["scenario", "step", "channel"])
    steps.append(["welcome", "S1", "email"])
    m = load_map(save(wb, tmp_path / "readme.xlsx"))
    assert (m.meta.owner, m.meta.last_reviewed) == ("Maya Chen", date(2026, 10, 2))
    assert (m.meta.source.sheet, m.meta.source.row) == ("Read me", 3)


def test_a_change_log_dates_the_map_over_a_cover_date_it_repeats_or_outdates(tmp_path):
    wb = new_workbook()
    cover = wb.create_sheet("Титул")
    cover.append(["Карта коммуникаций «Ромашка»"])
    cover.append(["Дата последней ревизии карты:", "01.03.2026"])
    log = wb.create_sheet("История версий")
    log.append(["Версия", "Дата", "Автор", "Что изменили"])
    log.append(["v1", "20.01.2026", "И. Петров", "первая версия"])
    log.append(["v3", datetime(2026, 4, 14), "М. Лыкова", "новые этапы"])
    log.append(["v2", "03.03.2026", "И. Петров", "должники"])
    steps = wb.create_sheet("Steps")
    steps.append(["scenario", "step", "channel"])
    steps.append(["welcome", "S1", "email"])
    m = load_map(save(wb, tmp_path / "log.xlsx"))
    # the latest change, 14.04 on the log's third row, not the cover's older 01.03; its author owns the map
    assert (m.meta.last_reviewed, m.meta.owner) == (date(2026, 4, 14), "М. Лыкова")
    assert (m.meta.source.sheet, m.meta.source.row) == ("История версий", 3)
    cover["B2"] = "01.05.2026"  # a cover dated after the log's last entry keeps its date
    m = load_map(save(wb, tmp_path / "log2.xlsx"))
    assert m.meta.last_reviewed == date(2026, 5, 1) and m.meta.source.sheet == "Титул"


def test_a_sheet_per_stage_gives_its_scenarios_that_stage(tmp_path):
    wb = new_workbook()
    stages = wb.create_sheet("Этапы")
    stages.append(["Этап", "Дальше"])
    stages.append(["Онбординг", "Удержание"])
    stages.append(["Удержание", ""])
    for name, scenario, stage in (("Онбординг", "Спасибо за визит", ""), ("Удержание", "Акции", "Онбординг")):
        ws = wb.create_sheet(name)
        ws.append(["Сценарий", "Сегмент", "Этап", "Шаг", "Канал", "Текст"])
        ws.append([scenario, "Все", stage, 1, "SMS", "Привет"])
    m = load_map(save(wb, tmp_path / "stages.xlsx"))
    # the sheet's name where the row names no stage; the row's own stage where it does
    assert {s.id: s.stage for s in m.scenarios} == {"Спасибо за визит": "Онбординг", "Акции": "Онбординг"}


def test_a_map_without_a_date_of_its_own_was_reviewed_with_its_latest_scenario(tmp_path):
    wb = new_workbook()
    ws = wb.create_sheet("Flows")
    ws.append(["Flow", "Audience", "Trigger", "Chnl", "Last reviewd"])
    ws.append(["Welcome", "new", "signup", "push", "2025-01-20"])
    ws.append(["Energy full", "players", "energy_full", "push", "2025-04-03"])
    m = load_map(save(wb, tmp_path / "flows.xlsx"))
    assert m.meta.last_reviewed == date(2025, 4, 3) and (m.meta.source.sheet, m.meta.source.row) == ("Flows", 3)


def test_client_words_for_tier_and_tracking(tmp_path):
    wb = new_workbook()
    seg = wb.create_sheet("Сегменты")
    seg.append(["Сегмент", "Размер", "Приоритет"])
    seg.append(["Ипотека одобрена", 1150, "высокий"])
    events = wb.create_sheet("События")
    events.append(["Событие", "Передаётся в Mindbox"])
    events.append(["Окончание курса препарата", "нет"])
    steps = wb.create_sheet("Шаги")
    steps.append(["Сценарий", "Канал"])
    steps.append(["welcome", "email"])
    m = load_map(save(wb, tmp_path / "words.xlsx"))
    assert [(s.id, s.tier.value) for s in m.segments] == [("Ипотека одобрена", "high")]
    assert [(e.id, e.tracked) for e in m.events] == [("Окончание курса препарата", False)]


def test_a_journey_matrix_adds_segments_and_stages_and_declares_the_scenarios_it_alone_names(tmp_path):
    wb = new_workbook()
    matrix = wb.create_sheet("Лист1")
    matrix.append(["Сегмент", "Интерес", "Сделка", "Заселение"])
    matrix.append(["Новые лиды", "Новый лид (звонок → email)", "", ""])
    matrix.append(["Покупатели", "", "Добро пожаловать (email)", "Приведи соседа [план]\nНовоселам"])
    stages = wb.create_sheet("этапы")
    stages.append(["Этап", "След. этап"])
    for row in (["Интерес", "Сделка"], ["Сделка", "Заселение"], ["Заселение", "—"]):
        stages.append(row)
    steps = wb.create_sheet("Лист2")
    steps.append(["Цепочка", "Сегмент", "Канал", "Текст"])
    steps.append(["Новый лид", "Новые лиды", "Звонок", "Уточнить бюджет"])
    steps.append(["Добро пожаловать", "Покупатели", "Email", "Спасибо за покупку"])
    m = load_map(save(wb, tmp_path / "matrix.xlsx"))
    assert [p.role for p in m.reading.sheets] == ["matrix", "stages", "flat"]
    scenarios = {s.id: (s.segments, s.stage, s.status.value) for s in m.scenarios}
    # the wide sheet's scenarios gain their stage; the two only the matrix names are declared there
    assert scenarios == {"Новый лид": (["Новые лиды"], "Интерес", "active"),
                         "Добро пожаловать": (["Покупатели"], "Сделка", "active"),
                         "Приведи соседа": (["Покупатели"], "Заселение", "planned"),
                         "Новоселам": (["Покупатели"], "Заселение", "active")}
    assert {s.scenario for s in m.steps} == {"Новый лид", "Добро пожаловать"}


def test_scenarios_written_as_blocks_one_under_another(tmp_path):
    wb = new_workbook()
    ws = wb.create_sheet("Цепочки")
    ws.append(["«Остров» — карта коммуникаций"])
    ws.append([])
    for name, segment, steps in (("Купон на первый визит", "Подписчики", [("1", "Email", "сразу"), ("2", "Email", "Д+5 11:00")]),
                                 ("Продление", "Владельцы абонементов", [("1", "SMS", "Д-7 10:00")])):
        ws.append(["Цепочка", "Сегмент", "Запуск (событие)", "Ответственный"])
        ws.append([name, segment, "Подписка на сайте", "Марина"])
        ws.append(["Шаг", "Канал", "Когда"])
        for row in steps:
            ws.append(list(row))
        ws.append([])
    m = load_map(save(wb, tmp_path / "blocks.xlsx"))
    assert [p.role for p in m.reading.sheets] == ["blocks"]
    assert [(s.id, s.segments, s.owner) for s in m.scenarios] == [
        ("Купон на первый визит", ["Подписчики"], "Марина"), ("Продление", ["Владельцы абонементов"], "Марина")]
    assert [(s.scenario, s.id, s.channel, s.source.row) for s in m.steps] == [
        ("Купон на первый визит", "1", "Email", 6), ("Купон на первый визит", "2", "Email", 7), ("Продление", "1", "SMS", 12)]
    assert m.problems == []  # «Д-7 10:00» (7 days before) and «Д+5 11:00» are understood timings


def test_a_known_word_inside_a_remark_and_sizes_per_month(tmp_path):
    from audit import values
    from audit.importer.schema import EVENT_SOURCES

    assert values.choice("CRM (ночной пересчёт)", EVENT_SOURCES, "source") == "crm"
    assert values.choice("эквайринг → CRM", EVENT_SOURCES, "source") == "crm"
    with pytest.raises(ValueError):  # two different known words: no guess
        values.choice("сайт и приложение", EVENT_SOURCES, "source")
    assert values.number("~1,8 тыс./мес") == 1800 and values.number("12k per month") == 12000


def test_descriptions_bounds_in_next_cells_and_a_schedule_in_the_trigger_cell(tmp_path):
    wb = new_workbook()
    seg = wb.create_sheet("Сегменты")
    seg.append(["Сегмент", "Кто входит"])  # «Кто входит» describes the segment: no parent
    seg.append(["Новые подписчики", "Подписались на рассылку, покупок нет"])
    seg.append(["VIP", "Оборот от 60 000 ₽ в год"])
    ws = wb.create_sheet("Карта")
    ws.append(["Сегмент", "Цепочка", "Тип", "Что запускает", "Шаг", "Канал", "Когда отправляем", "Дальше"])
    ws.append(["Новые подписчики", "Корзина", "триггерная", "Корзина брошена", 1, "Email", "через 1 час", "2"])
    ws.append(["Новые подписчики", "Корзина", "триггерная", "Корзина брошена", 2, "SMS", "через 1 день",
               "не более 2 раз"])
    ws.append(["VIP", "Закрытые продажи", "регулярная", "Старт распродажи (4 раза в год)", 1, "Email",
               "первый четверг месяца, 10:00", ""])
    m = load_map(save(wb, tmp_path / "words.xlsx"))
    assert [(s.id, s.parent) for s in m.segments] == [("Новые подписчики", None), ("VIP", None)]
    assert [p for p in m.problems if p.code in ("MAP001", "MAP003", "MAP004")] == []
    cart_s2 = next(s for s in m.steps if s.scenario == "Корзина" and s.id == "2")
    assert cart_s2.next == [] or cart_s2.next is None
    assert cart_s2.next_text == "не более 2 раз"
    (vip,) = [s for s in m.scenarios if s.id == "Закрытые продажи"]
    assert vip.schedule == "4 раза в год"


def test_touch_codes_a_chain_number_and_a_latin_letter_in_a_russian_header(tmp_path):
    wb = new_workbook()
    ws = wb.create_sheet("Матрица касаний")
    ws.append(["№", "Цепочка", "Сегмент", "К#", "Канл", "Условиe"])  # «Условиe» ends in a Latin e
    ws.append([1, "Welcome", "Новые", "К1", "Email", ""])
    ws.append([1, "Welcome", "Новые", "К2", "Push", "К1 не открыто"])
    ws.append([2, "Бонус", "Новые", "К1", "SMS", ""])
    ws.append([3, "Корзина", "Активные", "К1", "Email", ""])
    ws.append([3, "Корзина", "Активные", "К2", "Push", "К1 не открыто"])
    m = load_map(save(wb, tmp_path / "touches.xlsx"))
    fields = {c.header: c.field for c in m.reading.sheets[0].columns}
    assert (fields["№"], fields["К#"], fields["Условиe"]) == (None, "step", "condition")
    assert [(s.scenario, s.id) for s in m.steps][:3] == [("Welcome", "К1"), ("Welcome", "К2"), ("Бонус", "К1")]


def test_a_sheet_per_programme_without_facts_joins_the_overview_by_its_title(tmp_path):
    wb = new_workbook()
    overview = wb.create_sheet("Programme overview")
    overview.append(["Prog #", "Programme", "Audience", "Entry trigger", "Objective", "Owner"])
    overview.append(["P1", "Welcome series", "New", "signup", "First order", "Ann"])
    p1 = wb.create_sheet("P1 Welcome")
    p1.append(["P1 — Welcome series"])
    p1.append([])
    p1.append(["Step", "Send after", "Chanel", "Condition", "Subject / copy"])  # "Chanel" sic
    p1.append([1, "Immediately", "Email", "", "Welcome"])
    p1.append([2, "2 days", "Email", "No order yet", "Your code"])
    m = load_map(save(wb, tmp_path / "programmes.xlsx"))
    assert [p.role for p in m.reading.sheets] == ["scenarios", "scenario_sheet"]
    assert [s.id for s in m.scenarios] == ["P1"] and {s.scenario for s in m.steps} == {"P1"}
    assert [p for p in m.problems if p.code in ("MAP001", "MAP005")] == []


def test_a_transposed_sheet_is_read_one_record_per_column(tmp_path):
    wb = new_workbook()
    flows = wb.create_sheet("Programmes")
    flows.append(["Acme — CRM map — last full review: 12 Mar 2026"])  # a title line that carries a fact
    flows.append([])
    for row in (["Programme", "Welcome", "Win-back", "Newsletter"],
                ["Type", "Triggered", "Triggered", "Broadcast"],
                ["Audience", "New", "Lapsed", "New; Lapsed"],
                ["Starts when…", "Signed up", "No order in 60 days", ""],
                ["Success event", "Order placed", "Order placed", ""],
                ["Exit when", "Order placed", "", ""],
                ["Owner", "Ann", "Bob", "Ann"],
                ["Status", "Live", "Paused", "Live"],
                ["Last reviewed", "2 Oct 2026", "20 Jan 2026", "1 Sep 2026"]):
        flows.append(row)
    steps = wb.create_sheet("Touchpoints")
    steps.append(["Programme", "Step", "Channel", "Send after"])
    steps.append(["Welcome", 1, "Email", "immediately"])
    steps.append(["Win-back", 1, "SMS", "immediately"])
    steps.append(["Newsletter", 1, "Email", "monthly"])
    m = load_map(save(wb, tmp_path / "transposed.xlsx"))
    plan = m.reading.sheets[0]
    assert (plan.role, plan.turned_at, plan.header_row) == ("scenarios", 2, 2)
    fields = {c.header: c.field for c in plan.columns}
    assert (fields["Starts when…"], fields["Exit when"], fields["Last reviewed"]) == (
        "trigger", "stop_event", "last_reviewed")
    read = {s.id: (s.type.value, s.segments, s.trigger, s.stop_events, s.owner, s.status.value, s.last_reviewed)
            for s in m.scenarios}
    assert read == {
        "Welcome": ("trigger", ["New"], "Signed up", ["Order placed"], "Ann", "active", date(2026, 10, 2)),
        "Win-back": ("trigger", ["Lapsed"], "No order in 60 days", [], "Bob", "paused", date(2026, 1, 20)),
        "Newsletter": ("regular", ["New", "Lapsed"], None, [], "Ann", "active", date(2026, 9, 1)),
    }
    # a record written down a column is found on the row that names it
    assert {s.source.row for s in m.scenarios} == {3}
    assert m.meta.last_reviewed == date(2026, 3, 12)
    assert m.meta.name == "Acme — CRM map"  # the fact after the title is read, not kept in the name


def test_a_key_value_block_and_an_ordinary_table_are_not_transposed(tmp_path):
    wb = new_workbook()
    about = wb.create_sheet("Sheet1")
    for row in (["Owner", "Ann"], ["Status", "Live"], ["Audience", "everyone"], ["Last reviewed", "2 Oct 2026"]):
        about.append(row)
    seg = wb.create_sheet("Segments")
    seg.append(["Segment", "Size"])
    seg.append(["New", 100])
    seg.append(["Lapsed", 200])
    steps = wb.create_sheet("Steps")
    steps.append(["Scenario", "Step", "Channel"])
    steps.append(["Welcome", 1, "Email"])
    m = load_map(save(wb, tmp_path / "plain.xlsx"))
    assert all(p.turned_at is None for p in m.reading.sheets)
    assert [s.id for s in m.segments] == ["New", "Lapsed"]


def test_a_stage_marked_final_by_its_kind_in_words(tmp_path):
    wb = new_workbook()
    stages = wb.create_sheet("Этапы")
    stages.append(["Этап", "Следующий этап", "Тип этапа"])
    stages.append(["Знакомство", "Покупка", "обычный"])
    stages.append(["Покупка", "", "финальный"])
    stages.append(["Возврат", "", "обычный"])
    steps = wb.create_sheet("Шаги")
    steps.append(["Сценарий", "Шаг", "Канал"])
    steps.append(["Welcome", 1, "Email"])
    m = load_map(save(wb, tmp_path / "stages.xlsx"))
    assert [(s.id, s.final) for s in m.stages] == [("Знакомство", False), ("Покупка", True), ("Возврат", False)]
    assert [p for p in m.problems if p.code == "MAP003"] == []


def test_a_legend_sheet_that_decodes_channel_abbreviations_is_the_channels_sheet(tmp_path):
    wb = new_workbook()
    legend = wb.create_sheet("Легенда")
    legend.append(["Легенда"])
    legend.append([])
    legend.append(["Обозн.", "Канал", "Тип канала", "Цена, ₽"])
    for row in (["E", "Email", "email", 0.2], ["S", "SMS", "sms", 3.1], ["З", "Звонок администратора", "звонок", 40]):
        legend.append(row)
    systems = wb.create_sheet("Системы")
    systems.append(["Платформа", "Что отправляет"])
    systems.append(["UniSender", "E"])
    systems.append(["Mango", "З"])
    steps = wb.create_sheet("Карта")
    steps.append(["Сценарий", "Кому", "№ шага", "Канал", "Когда"])
    steps.append(["Лид", "Лиды", 1, "E", "сразу"])
    steps.append(["Лид", "Лиды", 2, "З", "через 15 мин"])
    m = load_map(save(wb, tmp_path / "legend.xlsx"))
    assert [p.role for p in m.reading.sheets] == ["channels", "systems", "flat"]
    assert [(c.id, c.name, c.kind.value, c.cost) for c in m.channels] == [
        ("E", "Email", "email", 0.2), ("S", "SMS", "sms", 3.1), ("З", "Звонок администратора", "call", 40)]
    assert [(s.id, s.channels) for s in m.systems] == [("UniSender", ["E"]), ("Mango", ["З"])]


def test_a_step_name_is_the_step_id_only_when_nothing_else_numbers_the_steps(tmp_path):
    wb = new_workbook()
    named = wb.create_sheet("Touchpoints")
    named.append(["Flow", "Step name", "Channel", "Then go to"])
    named.append(["Welcome", "Welcome #1", "Email", "Welcome #2"])
    named.append(["Welcome", "Welcome #2", "Push", "end"])
    m = load_map(save(wb, tmp_path / "named.xlsx"))
    assert [(s.id, s.next) for s in m.steps] == [("Welcome #1", ["Welcome #2"]), ("Welcome #2", [])]
    wb = new_workbook()
    both = wb.create_sheet("Steps")
    both.append(["Step ID", "Journey", "Step name", "Channel"])
    both.append(["LN-1", "Lead nurture", "Lead nurture – level test", "Email"])
    both.append(["LN-2", "Lead nurture", "Lead nurture – push nudge", "Push"])
    m = load_map(save(wb, tmp_path / "both.xlsx"))
    fields = {c.header: c.field for c in m.reading.sheets[0].columns}
    assert (fields["Step ID"], fields["Step name"]) == ("step", "name")
    assert [s.id for s in m.steps] == ["LN-1", "LN-2"]


def cards_workbook(path: Path) -> Path:
    """A card per scenario sheet, an overview with the map's facts and an index, and a reference sheet of
    four tables stacked under block titles."""
    wb = openpyxl.Workbook()
    overview = wb.active
    overview.title = "Обзор"
    for row in (["Зоомаркет — карта рассылок"], [], ["Карта актуальна на:", "05.11.2026"],
                ["Владелец карты:", "Игорь"], [], ["№", "Сценарий", "Лист"], [1, "Приветствие", "Приветствие"],
                [2, "Опрос", "Опрос"]):
        overview.append(row)
    refs = wb.create_sheet("Справочники")
    for row in (["АУДИТОРИИ"], ["Сегмент", "Кол-во, чел.", "Стоп-лист"], ["Новые", "1 200", "нет"],
                ["Отписались", "300", "да"], [], ["ЭТАПЫ"], ["Этап", "Следующий этап"], ["Знакомство", "Покупка"],
                ["Покупка", ""], [], [], ["КАНАЛЫ"], ["Канал", "Вид канала"], ["Письмо", "email"], ["Смс", "sms"],
                [], ["СОБЫТИЯ"], ["Событие", "Откуда", "Отслеживается?"], ["Подписка", "Сайт", "да"],
                ["Отзыв", "Сайт", "нет"]):
        refs.append(row)
    for name, steps in (("Приветствие", [[1, "Письмо", "сразу", "Добро пожаловать"]]), ("Опрос", [])):
        card = wb.create_sheet(name)
        for row in ([f"Карточка: {name}"], [], ["Сценарий:", name], ["Аудитория:", "Новые"],
                    ["Триггер:", "Подписка" if steps else "—"], ["Цель:", "Первая покупка"], [],
                    ["№ шага", "Канал", "Когда", "Сообщение"], *steps):
            card.append(row)
    wb.save(path)
    return path


def test_stacked_reference_tables_under_titles_and_cards_with_an_overview(tmp_path):
    m = load_map(cards_workbook(tmp_path / "cards.xlsx"))
    roles = [(p.name, p.role, p.header_row) for p in m.reading.sheets if p.name in ("Обзор", "Справочники")]
    assert roles == [("Обзор", "meta", None), ("Справочники", "segments", 1), ("Справочники", "stages", 6),
                     ("Справочники", "channels", 12), ("Справочники", "events", 17)]
    assert [(s.id, s.size, s.excluded) for s in m.segments] == [("Новые", 1200, False), ("Отписались", 300, True)]
    assert [s.id for s in m.stages] == ["Знакомство", "Покупка"]  # the channels below are no stages
    assert [(c.id, c.kind.value) for c in m.channels] == [("Письмо", "email"), ("Смс", "sms")]
    assert [(e.id, e.tracked) for e in m.events] == [("Подписка", True), ("Отзыв", False)]
    # the overview's labels are the map's facts, its title the map's name (a card's title names its scenario)
    assert (m.meta.name, m.meta.owner, m.meta.last_reviewed) == ("Зоомаркет — карта рассылок", "Игорь",
                                                                date(2026, 11, 5))
    # a card whose steps table is empty still declares its scenario; «—» is no trigger
    scenarios = {s.id: s for s in m.scenarios}
    assert set(scenarios) == {"Приветствие", "Опрос"} and scenarios["Опрос"].trigger is None
    assert scenarios["Опрос"].source.row == 3
    assert [s.scenario for s in m.steps] == ["Приветствие"]
    found = {(f.rule, f.entity.id) for f in audit(m)}
    assert ("MAP005", "Опрос") in found and not any(rule == "TRK001" for rule, _ in found)


SHEETS_EXPORT = {
    "Events": "Event,Description,Source,Tracked?,Notes\n"
              "trial_booked,Free trial booked (site form),Website,Yes,\n"
              "homework_submitted,Homework submitted,LMS,Yes,app + web\n",
    "Platforms": "Platform,Sends,Receives events from,Pushes data to,Notes\n"
                 'HubSpot,Email,"Website, LMS",OneSignal,audiences synced to OneSignal\n'
                 'OneSignal,App push,"LMS, HubSpot",,no export back yet\n',
    "Scenarios": "Scenario ID,Name,Segments,Trigger,Status\n"
                 "S1,Win-back,*,trial_booked,Live\nS2,Digest,*,trial_booked,Live\n",
    "Steps": "Step ID,Scenario,Channel,When,Condition,Message type,Message\n"
             "S1-1,S1,Email,+1 day,,info,What is new\n"
             "S1-2,S1,App push,+5 days,no lesson_booked,promo,First lesson back free\n"
             "S1-3,S1,App push,+7 days,homework_submitted not received,info,Homework is waiting\n"
             "S2-1,S2,Email,+1 day,,content,Monthly progress\n"
             "S2-2,S2,App push,+3 days,email S2-1 not opened,content,Progress is ready\n",
}


def sheets_export(folder: Path) -> Path:
    """A Google Sheets download of each tab, as `<book> - <tab>.csv`."""
    folder.mkdir()
    for tab, text in SHEETS_EXPORT.items():
        (folder / f"Kids map - {tab}.csv").write_text(text, encoding="utf-8")
    return folder


def test_a_condition_naming_an_event_key_waits_on_that_event_declared_or_not(tmp_path):
    m = load_map(sheets_export(tmp_path / "export"))
    conditions = {s.id: s.condition for s in m.steps}
    assert (conditions["S1-2"].kind, conditions["S1-2"].event) == (ConditionKind.NO_EVENT, "lesson_booked")
    assert (conditions["S1-3"].kind, conditions["S1-3"].event) == (ConditionKind.NO_EVENT, "homework_submitted")
    found = {(f.rule, f.entity.id) for f in audit(m)}
    assert [key for key in found if key[0] in ("TRK001", "MAP006")] == [("TRK001", "S1/S1-2")]


def test_a_system_that_syncs_its_audiences_passes_its_feedback_on(tmp_path):
    m = load_map(sheets_export(tmp_path / "export"))
    assert [(i.from_system, i.to_system, i.carries) for i in m.integrations] == [("HubSpot", "OneSignal", ["*"])]
    assert not any(f.rule == "INT002" for f in audit(m))


def test_a_description_beside_a_notes_column_names_the_record(tmp_path):
    m = load_map(sheets_export(tmp_path / "export"))
    assert [(e.id, e.name) for e in m.events] == [("trial_booked", "Free trial booked (site form)"),
                                                  ("homework_submitted", "Homework submitted")]
    events = next(p for p in m.reading.sheets if p.role == "events")
    assert [(c.header, c.field) for c in events.columns] == [
        ("Event", "id"), ("Description", "name"), ("Source", "source"), ("Tracked?", "tracked"), ("Notes", "notes")]


def test_an_about_sheet_with_a_row_of_labels_over_a_row_of_values_names_and_dates_the_map(tmp_path):
    wb = new_workbook()
    about = wb.create_sheet("О документе")
    about.append(["Документ", "Дата последней актуализации", "Ответственный", "Примечание"])
    about.append(["Карта коммуникаций «Опора»", "15.04.2026", "Отдел CRM", "владельцы правят сами"])
    steps = wb.create_sheet("Steps")
    steps.append(["scenario", "step", "channel"])
    steps.append(["welcome", "S1", "email"])
    m = load_map(save(wb, tmp_path / "about.xlsx"))
    assert (m.meta.name, m.meta.last_reviewed, m.meta.owner) == ("Карта коммуникаций «Опора»", date(2026, 4, 15),
                                                                 "Отдел CRM")
