"""Reading real workbooks: aliases, title rows, blank rows, numbers, dates, merged and error cells, CSV."""
import re
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from audit.cli import main
from audit.conditions import parse_condition
from audit.errors import MapReadError
from audit.importer import load_map
from audit.model import ConditionKind
from audit.values import boolean, day, duration_minutes, id_list, text


def save(workbook, path: Path) -> Path:
    workbook.save(path)
    return path


def ru_workbook(path: Path) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
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
    scn = wb.create_sheet("Сценарии")
    scn.append(["id", "Тип", "Сегменты", "Триггер", "Дата ревизии", "Статус"])
    scn.append(["cart", "триггерный", "vip; 101", "cart_abandoned", "15.10.2026", "на паузе"])
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
    assert [(s.id, s.size, s.excluded, s.source.row) for s in m.segments] == [
        ("VIP", 1200, True, 4), ("101", 50, False, 6)]
    assert m.segments[0].source.columns["id"] == "ИД"
    (scenario,) = m.scenarios
    assert scenario.segments == ["vip", "101"] and scenario.last_reviewed == date(2026, 10, 15)
    assert scenario.status.value == "paused" and scenario.type.value == "trigger"
    assert [(s.scenario, s.id, s.channel, s.delay_minutes) for s in m.steps] == [
        ("cart", "S1", "E-mail", 60), ("cart", "S2", "пуш", 1440), ("cart", "S3", "смс", 3 * 1440)]
    assert [c.kind.value for c in m.channels] == ["email", "push", "sms"]
    assert m.steps[1].condition.feedback == "opened" and m.steps[1].condition.within_minutes == 1440
    assert m.steps[2].condition.negated and m.steps[2].condition.step_ref is None
    assert m.steps[2].next == []
    ignored = {(loc.sheet, loc.column) for loc in m.ignored_columns}
    assert ("Сегменты", "Комментарий") in ignored


def test_english_aliases_case_and_punctuation(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "STEPS"
    ws.append(["Scenario ID", "Step_ID", "Channel", "Message Type", "Delay", "Next Step"])
    ws.append(["Cart", "s1", "email", "Promotional", "30m", "s2"])
    ws.append(["cart", "S2", "Email", "service", "2h", None])
    m = load_map(save(wb, tmp_path / "en.xlsx"))
    assert m.language == "en"
    assert [(s.scenario, s.id, s.message_type.value, s.delay_minutes) for s in m.steps] == [
        ("Cart", "s1", "promo", 30), ("cart", "S2", "service", 120)]
    assert len(m.channels) == 1 and len(m.scenarios) == 1  # `Email` is `email`, `Cart` is `cart`


def test_problems_point_at_their_cells(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Segments"
    ws.append(["id", "size", "excluded"])
    ws.append(["vip", "many", "maybe"])
    ws.append(["vip", 10, "no"])
    ws.append([None, 5, "no"])
    steps = wb.create_sheet("Steps")
    steps.append(["scenario", "step", "channel", "delay"])
    steps.append(["a", "S1", "email", "soon"])
    m = load_map(save(wb, tmp_path / "bad.xlsx"))
    found = sorted((p.code, p.location.sheet, p.location.row, p.location.column) for p in m.problems)
    assert found == [
        ("MAP002", "Segments", 3, "id"),
        ("MAP003", "Segments", 2, "excluded"), ("MAP003", "Segments", 2, "size"),
        ("MAP003", "Steps", 2, "delay"),
        ("MAP004", "Segments", 4, "id"),
    ]


def with_error_cell(path: Path, sheet_xml: str, cell: str, error: str) -> None:
    """Rewrite one cell of a saved workbook into an error cell, as Excel stores `#REF!`."""
    with zipfile.ZipFile(path) as archive:
        items = {name: archive.read(name) for name in archive.namelist()}
    xml = items[sheet_xml].decode()
    xml, count = re.subn(rf'<c r="{cell}"[^>]*?(/>|>.*?</c>)', f'<c r="{cell}" t="e"><v>{error}</v></c>', xml)
    assert count == 1
    items[sheet_xml] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in items.items():
            archive.writestr(name, data)


def test_error_cell_is_reported_not_read_as_empty(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Steps"
    ws.append(["scenario", "step", "channel", "delay"])
    ws.append(["a", "S1", "email", "1d"])
    ws.append(["a", "S2", "sms", "2d"])
    path = save(wb, tmp_path / "err.xlsx")
    with_error_cell(path, "xl/worksheets/sheet1.xml", "D3", "#REF!")
    m = load_map(path)
    (problem,) = m.problems
    assert (problem.code, problem.location.sheet, problem.location.row, problem.location.column) == (
        "MAP003", "Steps", 3, "delay")
    assert problem.params["value"] == "#REF!"
    assert m.steps[1].delay_minutes is None


def test_csv_folder_utf8_comma_and_cp1251_semicolon(tmp_path):
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "Scenarios.csv").write_text("id,type,segments,trigger\ncart,trigger,*,cart_abandoned\n",
                                          encoding="utf-8")
    (folder / "Шаги.csv").write_bytes("Сценарий;Шаг;Канал;Условие\ncart;S1;email;\ncart;S2;смс;не открыл S1\n"
                                      .encode("cp1251"))
    m = load_map(folder)
    assert [s.id for s in m.scenarios] == ["cart"]
    assert [(s.id, s.channel) for s in m.steps] == [("S1", "email"), ("S2", "смс")]
    assert m.steps[1].condition.kind is ConditionKind.FEEDBACK


@pytest.mark.parametrize("raw, minutes", [("0", 0), ("30m", 30), ("2h", 120), ("1d", 1440), ("1w", 10080),
                                          ("2ч", 120), ("1д", 1440), ("3 дня", 4320), ("1d 12h", 2160),
                                          (2.0, 2880), (0.5, 720)])
def test_durations(raw, minutes):
    assert duration_minutes(raw) == minutes


@pytest.mark.parametrize("raw", ["soon", "через день", "-1", True])
def test_bad_durations(raw):
    with pytest.raises(ValueError):
        duration_minutes(raw)


def test_values():
    assert text(101.0) == "101" and text(1.5) == "1.5" and text("") == ""
    assert [boolean(v) for v in ("yes", "Нет", "+", "-", "1", 0.0, "TRUE", "да")] == [
        True, False, True, False, True, False, True, True]
    with pytest.raises(ValueError):
        boolean("maybe")
    assert day("31.05.2026") == date(2026, 5, 31) and day(46000.0) == date(2025, 12, 9)
    with pytest.raises(ValueError):
        day("31.02.2026")
    assert id_list("a, b;c\nd") == ["a", "b", "c", "d"]


@pytest.mark.parametrize("raw, expected", [
    ("not opened S1", ("feedback", True, "opened", "S1", None, None)),
    ("не открыл S1 в течение 24ч", ("feedback", True, "opened", "S1", None, 1440)),
    ("clicked S2", ("feedback", False, "clicked", "S2", None, None)),
    ("дозвон S4", ("feedback", False, "answered", "S4", None, None)),
    ("no event order_paid within 3d", ("no_event", False, None, None, "order_paid", 4320)),
    ("нет события order_paid в течение 3 дней", ("no_event", False, None, None, "order_paid", 4320)),
    ("событие order_paid", ("event", False, None, None, "order_paid", None)),
    ("если не открыл письмо", ("feedback", True, "opened", None, None, None)),
    ("if the email was not opened", ("feedback", True, "opened", None, None, None)),
    ("не открыл предыдущее", ("feedback", True, "opened", None, None, None)),
    ("если не кликнул по ссылке", ("feedback", True, "clicked", None, None, None)),
    ("если не прочитал сообщение в течение суток", ("feedback", True, "read", None, None, 1440)),
    ("not opened within a day", ("feedback", True, "opened", None, None, 1440)),
    ("если не совершил покупку в течение 3 дней", ("no_event", False, None, None, "purchase", 4320)),
    ("did not buy within 3 days", ("no_event", False, None, None, "purchase", 4320)),
])
def test_condition_grammar(raw, expected):
    c = parse_condition(raw)
    assert (c.kind.value, c.negated, c.feedback, c.step_ref, c.event, c.within_minutes) == expected


@pytest.mark.parametrize("raw", ["если клиент заинтересовался", "clicked the banner on the homepage twice", "soon"])
def test_free_text_stays_unparsed(raw):
    assert parse_condition(raw) is None


@pytest.mark.parametrize("make, message", [
    (lambda p: None, "no such file or folder"),
    (lambda p: p.write_bytes(b""), "the file is empty"),
    (lambda p: p.write_bytes(bytes(range(256)) * 10), "not a spreadsheet"),
    (lambda p: p.write_text("segment,scenario\nvip,cart\n"), "not a spreadsheet"),
])
def test_unreadable_files_exit_2_with_one_line(tmp_path, capsys, make, message):
    path = tmp_path / "map.xlsx"
    make(path)
    assert main(["audit", str(path), "-o", str(tmp_path / "out.html")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("commap: ") and err.count("\n") == 1 and message in err and str(path) in err
    assert "Traceback" not in err and not (tmp_path / "out.html").exists()


def test_truncated_workbook_and_unknown_sheets(tmp_path, capsys):
    good = ru_workbook(tmp_path / "good.xlsx")
    truncated = tmp_path / "truncated.xlsx"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    assert main(["audit", str(truncated)]) == 2
    assert "damaged or truncated" in capsys.readouterr().err
    wb = openpyxl.Workbook()
    wb.active.title = "Бюджет"
    wb.active.append(["статья", "сумма"])
    other = save(wb, tmp_path / "budget.xlsx")
    with pytest.raises(MapReadError, match="no sheet of a communication map found .*'Бюджет'"):
        load_map(other)


def test_recognised_sheet_without_its_required_column(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "Steps"
    wb.active.append(["scenario", "message"])
    with pytest.raises(MapReadError) as caught:
        load_map(save(wb, tmp_path / "x.xlsx"))
    assert "sheet 'Steps'" in str(caught.value) and "'step'" in str(caught.value)


@pytest.mark.parametrize("raw, minutes", [("нет покупки 3 дня", 4320), ("no purchase within 3 days", 4320),
                                          ("не было заказа в течение 7 дней", 10080), ("no order in 7d", 10080)])
def test_no_purchase_phrasings_wait_for_the_maps_purchase_event(raw, minutes):
    from tests.builders import build_map, scn, step

    events = [{"id": "cart_abandoned", "name": "Брошенная корзина"}, {"id": "paid", "name": "Заказ оплачен"}]
    m = build_map(events=events, scenarios=[scn("cart", trigger="cart_abandoned")],
                  steps=[step("cart", "S1"), step("cart", "S2", condition=raw)])
    condition = m.steps[1].condition
    assert (condition.kind, condition.event, condition.within_minutes) == (ConditionKind.NO_EVENT, "paid", minutes)
    without = build_map(scenarios=[scn("cart")], steps=[step("cart", "S1"), step("cart", "S2", condition=raw)])
    assert without.steps[1].condition.event == "purchase"


def test_client_spellings_of_kinds_types_statuses_and_sizes():
    from tests.builders import build_map, scn, step

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
