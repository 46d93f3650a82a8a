"""`commap audit MAP --annotate OUT.xlsx`: the client's own workbook, with every offending row
highlighted, a comment carrying its findings, and a Findings sheet linking to the rows.

The input is opened read-only by path and never written; the copy is built in memory and the
CLI writes it atomically to a different path.
"""
from __future__ import annotations

import io
from collections import defaultdict
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.hyperlink import Hyperlink

from audit.engine import AuditResult
from audit.errors import CommapError
from audit.findings import Finding
from reports.xlsx import FILLS, set_text

HEADER_SCAN_ROWS = 30


def annotate(path: Path, result: AuditResult) -> bytes:
    if path.suffix.casefold() not in (".xlsx", ".xlsm"):
        raise CommapError(f"{path}: --annotate needs an .xlsx or .xlsm workbook")
    try:
        workbook = load_workbook(path, keep_vba=path.suffix.casefold() == ".xlsm", rich_text=True)
    except Exception as exc:  # openpyxl raises many kinds on odd files
        raise CommapError(f"{path}: cannot open the workbook to annotate ({exc})") from None
    by_cell: dict[tuple[str, int], list[Finding]] = defaultdict(list)
    for finding in result.findings:
        loc = finding.location
        if loc.sheet in workbook.sheetnames and loc.row:
            by_cell[(loc.sheet, loc.row)].append(finding)
    links = []
    for (sheet_name, row), findings in sorted(by_cell.items()):
        sheet = workbook[sheet_name]
        worst = min(findings, key=lambda f: f.severity.rank).severity.value
        fill = PatternFill("solid", fgColor=FILLS[worst])
        for column in range(1, max(1, sheet.max_column) + 1):
            sheet.cell(row=row, column=column).fill = fill
        column = _column_of(sheet, row, findings[0].location.column)
        text = "\n".join(f"{f.rule} ({f.severity.value}): {f.message}" for f in findings)
        sheet.cell(row=row, column=column).comment = Comment(text[:30000], "commap", width=400, height=160)
        links.append((sheet_name, row, column, findings))
    _findings_sheet(workbook, links, result.lang)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _column_of(sheet, row: int, header: str | None) -> int:
    """The column whose header (in a row above) is `header`; column A when not found."""
    if header:
        for header_row in sheet.iter_rows(min_row=1, max_row=min(row - 1, HEADER_SCAN_ROWS)):
            for cell in header_row:
                if isinstance(cell.value, str) and cell.value.strip() == header.strip():
                    return cell.column
    return 1


def _findings_sheet(workbook, links, lang: str) -> None:
    name = "commap findings" if lang == "en" else "Замечания commap"
    if name in workbook.sheetnames:
        del workbook[name]
    sheet = workbook.create_sheet(name)
    sheet.append(["Cell", "Severity", "Rule", "Entity", "Message", "How to fix"] if lang == "en"
                 else ["Ячейка", "Важность", "Правило", "Элемент", "Что не так", "Как исправить"])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for sheet_name, row, column, findings in links:
        target = f"{sheet_name}!{get_column_letter(column)}{row}"
        for finding in findings:
            sheet.append([None] * 6)
            cells = sheet[sheet.max_row]
            for cell, value in zip(cells, [target, finding.severity.value, finding.rule,
                                           f"{finding.entity.kind}:{finding.entity.id}", finding.message,
                                           finding.hint]):
                set_text(cell, value)
            cells[0].hyperlink = Hyperlink(ref=cells[0].coordinate,
                                           location=f"{quote_sheetname(sheet_name)}!{get_column_letter(column)}{row}")
            cells[0].font = Font(color="175CD3", underline="single")
    for letter, width in zip("ABCDEF", (18, 10, 9, 28, 70, 60)):
        sheet.column_dimensions[letter].width = width
