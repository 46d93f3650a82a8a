"""The "How this map was read" section of the HTML report and the reading lines of the text summary."""
import re
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest

from audit import AuditConfig, load_map, run
from audit.importer.recognize import ColumnPlan, MapFact, ReadingPlan, SheetPlan
from reports import render
from reports.i18n import EVIDENCE, FACTS, FIELDS, ROLES
from tests.builders import TODAY, build_map, scn, step

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
CLIENT_HEADER = ["Сценарий", "Шаг", "Кому шлём", "Канал\nотправки", "Когда", "Условие", "Непонятная колонка"]
CLIENT_ROWS = [
    ["Приветствие", 1, "Новые", "Email", "сразу", "", "abc"],
    ["Приветствие", 2, "Новые", "SMS", "через 2 дня", "если не открыл письмо", "def"],
    ["Брошенная корзина", 1, "Все", "Push", "через 1 час", "", "xyz"],
    ["Брошенная корзина", 2, "Все", "Email", "через 1 день", "если не открыл push", "qq"],
]


def client_workbook(path: Path, header=CLIENT_HEADER, rows=CLIENT_ROWS, titles=("Актуально на: 01.03.2026",)) -> Path:
    """A wide map as a client writes it: title rows above, their own words in a header with line breaks."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Карта касаний"
    for title in titles:
        sheet.append([title])
    sheet.append([])
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def html_of(workbook: Path, **config) -> str:
    return render(run(load_map(workbook), AuditConfig(today=TODAY, **config)), "html")


def section(html: str) -> str:
    found = re.search(r'<section id="reading">.*?</section>', html, re.S)
    assert found, "no reading section"
    return found.group(0)


def is_open(html: str) -> bool:
    tag = re.search(r'<details class="reading"[^>]*>', section(html)).group(0)
    return " open" in tag


class _Rows(HTMLParser):
    """Table rows of the section as (row classes, [cell texts]) and the text not written by the client."""

    CLIENT = {"header", "sheet-name", "value", "letter"}
    VOID = {"br", "img", "input", "meta", "hr", "col", "wbr"}

    def __init__(self):
        super().__init__()
        self.stack: list[set[str]] = []
        self.rows: list[tuple[set[str], list[str]]] = []
        self.in_cell = False
        self.own_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        classes = set((dict(attrs).get("class") or "").split())
        if tag == "tr":
            self.rows.append((classes, []))
        elif tag in ("td", "th") and self.rows:
            self.rows[-1][1].append("")
            self.in_cell = True
        if tag not in self.VOID:
            self.stack.append(classes)

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self.in_cell = False
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if self.in_cell:
            self.rows[-1][1][-1] += data
        if not any(classes & self.CLIENT for classes in self.stack):
            self.own_text.append(data)


def parsed(html: str) -> _Rows:
    parser = _Rows()
    parser.feed(section(html))
    return parser


def column_rows(html: str) -> dict[str, tuple[set[str], list[str]]]:
    """Header → (row classes, [letter, header, read as, confidence, evidence])."""
    return {cells[1].strip(): (classes, [c.strip() for c in cells])
            for classes, cells in parsed(html).rows if len(cells) == 5 and classes & {"read", "unread", "doubtful"}}


@pytest.fixture
def client_map(tmp_path):
    return client_workbook(tmp_path / "client.xlsx")


def test_client_header_is_listed_with_fields_and_the_unknown_column_marked(client_map):
    html = html_of(client_map)
    text = section(html)
    assert is_open(html)  # a column was not read
    assert "Как прочитана карта" in text and 'href="#reading"' in html
    assert "Карта касаний" in text and "широкая карта касаний (одна строка — одно касание)" in text
    assert "заголовок в строке 3" in text  # a title row and a blank row above the header
    rows = column_rows(html)
    assert rows["Кому шлём"][1][2] == "сегменты (кому)"
    assert rows["Канал отправки"][1][2] == "канал"  # the line break inside the header is kept as a space
    assert rows["Когда"][1][2] == "когда (задержка)"
    assert rows["Условие"][1][2] == "условие"
    assert rows["Канал отправки"][1][3].endswith("%") and rows["Канал отправки"][1][4] in (
        "по заголовку", "по значениям", "по заголовку и значениям")
    classes, cells = rows["Непонятная колонка"]
    assert "unread" in classes and cells[2] == "не прочитан" and cells[0] == "G"
    assert all("unread" not in classes for header, (classes, _) in rows.items() if header != "Непонятная колонка")
    facts = {cells[0]: cells for classes, cells in parsed(html).rows if len(cells) == 3 and cells[0] != "Сведение"}
    assert facts["Дата ревизии"][1] == "2026-03-01"
    assert facts["Дата ревизии"][2].startswith("Карта касаний, строка 1")


def test_section_is_folded_when_every_column_was_read_confidently():
    sample = SAMPLES / "ru_ecommerce.xlsx"
    plan = load_map(sample).reading
    columns = [c for s in plan.sheets for c in s.columns if c.header]
    assert columns and all(c.field and c.confidence >= 0.75 for c in columns)  # what the sample holds today
    html = html_of(sample)
    assert not is_open(html)
    text = section(html)
    for name, role in [("Карта", "паспорт карты"), ("Сегменты", "лист сегментов"), ("Шаги", "шаги сценариев"),
                       ("Сценарии", "лист сценариев")]:
        assert re.search(rf'<span class="sheet-name">{name}</span> — <span class="role">{role}</span>', text)
    facts = {cells[0]: cells for classes, cells in parsed(html).rows if len(cells) == 3 and cells[0] != "Сведение"}
    assert facts["Клиент"][1] == "ООО «Полка»" and facts["Клиент"][2].startswith("Карта, строка 2")
    assert facts["Ответственный"][1].startswith("Анна Смирнова")
    assert facts["Дата ревизии"][1] == "2026-03-15" and facts["Название карты"][2].startswith("Карта, строка 1")


def test_english_sample_opens_on_its_unread_column_and_speaks_english():
    html = html_of(SAMPLES / "en_b2b_saas.xlsx")
    plan = load_map(SAMPLES / "en_b2b_saas.xlsx").reading
    unread = [(s.name, c.header) for s in plan.sheets for c in s.columns if c.header and c.field is None]
    assert is_open(html) == bool(unread)
    text = section(html)
    assert "How this map was read" in text and "segment list" in text and "by header and values" in text
    assert not re.search(r"[а-яё]", " ".join(parsed(html).own_text), re.I)  # no Russian word of ours


def test_russian_section_has_no_english_label(client_map):
    for html in (html_of(client_map), html_of(SAMPLES / "ru_ecommerce.xlsx")):
        own = " ".join(parsed(html).own_text)
        for allowed in ("commap inspect --write-columns", "--columns", "KPI"):
            own = own.replace(allowed, "")
        assert not re.search(r"[A-Za-z]", own), own
        english = {v["en"] for table in (ROLES, FIELDS, EVIDENCE, FACTS) for v in table.values() if v["en"] != v["ru"]}
        ours = {cells[i] for _, cells in column_rows(html).values() for i in (2, 4)}
        ours |= {cells[0].strip() for _, cells in parsed(html).rows if len(cells) == 3}
        assert ours and not ours & english


def test_english_report_of_a_russian_map_labels_in_english(client_map):
    html = html_of(client_map, lang="en")
    rows = column_rows(html)
    assert rows["Кому шлём"][1][2] == "segments (who gets it)" and rows["Когда"][1][2] == "when (delay)"
    assert rows["Непонятная колонка"][1][2] == "not read"
    assert "wide touch map (one row per touch)" in section(html) and "header in row 3" in section(html)


def test_header_and_facts_with_markup_stay_text(tmp_path):
    evil = '<script>window.__pwned = 1</script>'
    header = [*CLIENT_HEADER[:-1], evil]
    workbook = client_workbook(tmp_path / "evil.xlsx", header=header,
                               titles=("Актуально на: 01.03.2026", 'Клиент: <img src=x onerror="alert(1)">'))
    html = html_of(workbook)
    text = section(html)
    assert "<script>" not in text and "<img" not in text
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in text
    assert html.count("<script>") == 1  # the report's own filter script, nothing else
    assert evil in render(run(load_map(workbook), AuditConfig(today=TODAY)), "text")  # the terminal shows it as written


def test_map_built_in_memory_has_no_reading_section():
    commap = build_map(segments=[{"id": "new"}], scenarios=[scn("welcome", segments="new")],
                       steps=[step("welcome", "S1")])
    html = render(run(commap, AuditConfig(today=TODAY)), "html")
    assert 'id="reading"' not in html and 'href="#reading"' not in html
    assert "Columns that could not be placed" not in render(run(commap, AuditConfig(today=TODAY)), "text")


def planned_map(columns: list[ColumnPlan], header_rows: int = 1, role: str = "steps"):
    commap = build_map(segments=[{"id": "new"}], scenarios=[scn("welcome", segments="new")],
                       steps=[step("welcome", "S1")])
    commap.reading = ReadingPlan(path="m.xlsx", sheets=[
        SheetPlan(name="Шаги", role=role, header_row=3, header_rows=header_rows, columns=columns, confidence=5.0),
        SheetPlan(name="Оглавление", role="ignore"),
    ], facts=[MapFact(field="owner", value="Анна", sheet="Паспорт", row=4, label="Ответственный")])
    commap.language = "ru"
    return commap


def test_a_doubtful_column_opens_the_section_and_two_header_rows_are_named():
    sure = [ColumnPlan(0, "Сценарий", "scenario", 1.0, "header"), ColumnPlan(1, "Канал", "channel", 0.9, "both"),
            ColumnPlan(2, "", None, 0.0, "")]  # an empty spacer column is not listed
    folded = render(run(planned_map(sure), AuditConfig(today=TODAY)), "html")
    assert not is_open(folded) and "Оглавление" in section(folded) and "не читается (оглавление/заметки)" in folded
    assert len(column_rows(folded)) == 2
    doubtful = [*sure, ColumnPlan(3, "Когда слать", "delay", 0.6, "values"),
                ColumnPlan(4, "Платформа", "system", 1.0, "mapping"),
                ColumnPlan(5, "Прочее", "future_field", 0.8, "header")]
    html = render(run(planned_map(doubtful, header_rows=2), AuditConfig(today=TODAY)), "html")
    assert is_open(html) and "заголовок в строках 3–4" in section(html)
    rows = column_rows(html)
    assert "doubtful" in rows["Когда слать"][0] and rows["Когда слать"][1][3] == "60%"
    assert rows["Когда слать"][1][4] == "по значениям" and rows["Платформа"][1][4] == "из файла сопоставления"
    assert rows["Прочее"][1][2] == "future_field"  # a field without a label shows as its name


def test_text_summary_names_unplaced_columns_and_the_wide_sheet(client_map):
    result = run(load_map(client_map), AuditConfig(today=TODAY))
    text = render(result, "text")
    assert "Столбцы, которые не удалось сопоставить" in text and "Карта касаний: Непонятная колонка" in text
    assert ("Лист «Карта касаний»: широкая карта касаний (одна строка — одно касание), заголовок в строке 3, "
            "прочитано столбцов: 6 из 7") in text
    english = render(run(load_map(client_map), AuditConfig(today=TODAY, lang="en")), "text")
    assert "Columns that could not be placed" in english and "Sheet 'Карта касаний': wide touch map" in english
    entity_sheets = render(run(load_map(SAMPLES / "ru_ecommerce.xlsx"), AuditConfig(today=TODAY)), "text")
    assert "Лист «" not in entity_sheets and "не удалось сопоставить" not in entity_sheets


def test_text_summary_caps_unplaced_columns(tmp_path):
    header = [*CLIENT_HEADER[:-1], *(f"Странное поле {n}" for n in range(11))]
    rows = [[*row[:-1], *("x" for _ in range(11))] for row in CLIENT_ROWS]
    text = render(run(load_map(client_workbook(tmp_path / "wide.xlsx", header=header, rows=rows)),
                      AuditConfig(today=TODAY)), "text")
    line = next(line for line in text.splitlines() if line.startswith("Столбцы, которые не удалось сопоставить"))
    assert line.count("Карта касаний:") == 8 and line.endswith("(+3)")
