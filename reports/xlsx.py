"""The findings workbook a consultant can filter and send: Summary, Findings, Rules sheets.

Every cell holding text is written as text: a value starting with `=`, `+`, `-` or `@` from a
client's map never becomes a live formula (CSV/formula injection).
"""
from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from audit.engine import AuditResult
from reports.i18n import t

FILLS = {"error": "FDE2E1", "warning": "FEF0C7", "info": "D1E9FF"}
HEADERS = {
    "en": ["Severity", "Rule", "Title", "Entity", "Sheet", "Row", "Column", "Message", "How to fix"],
    "ru": ["Важность", "Правило", "Название", "Элемент", "Лист", "Строка", "Столбец", "Что не так", "Как исправить"],
}
WIDTHS = [10, 9, 34, 30, 16, 7, 16, 70, 60]
_FORMULA_START = ("=", "+", "-", "@")


def set_text(cell: Cell, value: object) -> None:
    """Write a value; text is always stored as a string, never as a formula."""
    cell.value = value
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        cell.data_type = "s"


def _header(sheet, names: list[str], widths: list[int]) -> None:
    sheet.append(names)
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="EAECF0")
    sheet.freeze_panes = "A2"


def _row(sheet, values: list[object]) -> list[Cell]:
    sheet.append([None] * len(values))
    cells = list(sheet[sheet.max_row])
    for cell, value in zip(cells, values):
        set_text(cell, value)
    return cells


def render(result: AuditResult) -> bytes:
    lang = result.lang
    titles = {rule.code: rule.title[lang] for rule in result.rules}
    workbook = Workbook()
    summary = workbook.active
    summary.title = "Summary" if lang == "en" else "Сводка"
    meta = result.map.meta
    counts = result.summary()
    rows = [
        (t("report_title", lang), meta.name or result.map.path),
        (t("client", lang), meta.client),
        (t("file", lang), result.map.path),
        (t("audit_date", lang), result.audit_date.isoformat()),
        (t("platform", lang), result.platform or t("not_given", lang)),
        *((t(sev, lang), counts[sev]) for sev in ("error", "warning", "info", "suppressed")),
        *((t(key, lang), n) for key, n in result.map.counts().items()),
    ]
    for label, value in rows:
        _row(summary, [label, value])
    summary.column_dimensions["A"].width = 28
    summary.column_dimensions["B"].width = 60
    for cell in summary["A"]:
        cell.font = Font(bold=True)

    findings = workbook.create_sheet("Findings" if lang == "en" else "Замечания")
    _header(findings, HEADERS[lang], WIDTHS)
    wrap = Alignment(wrap_text=True, vertical="top")
    for f in result.findings:
        cells = _row(findings, [f.severity.value, f.rule, titles.get(f.rule, f.slug), f"{f.entity.kind}:{f.entity.id}",
                                f.location.sheet or "", f.location.row, f.location.column or "", f.message, f.hint])
        cells[0].fill = PatternFill("solid", fgColor=FILLS[f.severity.value])
        for cell in cells[7:]:
            cell.alignment = wrap
    findings.auto_filter.ref = f"A1:{get_column_letter(len(WIDTHS))}{max(1, findings.max_row)}"

    fired = workbook.create_sheet("Rules" if lang == "en" else "Правила")
    _header(fired, ["Rule", "Slug", "Severity", "Title", "Findings"] if lang == "en"
            else ["Правило", "Код", "Важность", "Название", "Замечаний"], [9, 30, 10, 50, 10])
    per_rule: dict[str, int] = {}
    for f in result.findings:
        per_rule[f.rule] = per_rule.get(f.rule, 0) + 1
    for rule in result.rules:
        if rule.code in per_rule:
            _row(fired, [rule.code, rule.slug, rule.severity.value, rule.title[lang], per_rule[rule.code]])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
