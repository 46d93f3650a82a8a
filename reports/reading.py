"""How the map was read: the importer's reading plan as plain rows for the HTML and text reports.

The importer decides once what each sheet and column means (`audit/importer/recognize.py`); the
reports only show that decision in the report language, so a user can see a misread column before
trusting the findings. Maps built in memory have no plan and get no section.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from reports.i18n import evidence_label, fact_label, field_label, role_label

CONFIDENT = 0.75  # below this a read column is marked doubtful and the section opens
MAX_COLUMNS_PER_SHEET = 200
WIDE_ROLES = ("flat", "scenario_sheet")


@dataclass
class ColumnRow:
    index: int  # 0-based
    letter: str  # the spreadsheet's column letter (on a transposed sheet, the row number of the label)
    header: str
    field: str | None
    field_label: str
    confidence: int  # percent
    evidence: str
    evidence_label: str
    doubtful: bool

    @property
    def unread(self) -> bool:
        return self.field is None


@dataclass
class SheetRow:
    name: str
    role: str
    role_label: str
    header_rows: tuple[int, ...]  # 1-based spreadsheet rows of the header; empty for meta/ignore sheets
    by_mapping: bool
    columns: list[ColumnRow] = field(default_factory=list)
    turned: bool = False  # a transposed sheet: labels down column A, one record per column

    @property
    def header_key(self) -> str:
        """The label that says where the header is (an i18n key taking `rows`)."""
        if self.turned:
            return "header_turned"
        return "header_rows" if len(self.header_rows) > 1 else "header_row"

    @property
    def shown_columns(self) -> list[ColumnRow]:
        return self.columns[:MAX_COLUMNS_PER_SHEET]

    @property
    def hidden_columns(self) -> int:
        return max(0, len(self.columns) - MAX_COLUMNS_PER_SHEET)

    @property
    def read(self) -> int:
        return sum(1 for c in self.columns if not c.unread)

    @property
    def unread(self) -> list[ColumnRow]:
        return [c for c in self.columns if c.unread]


@dataclass
class FactRow:
    field: str
    label: str  # the fact's name in the report language
    written_as: str  # the label the map wrote
    value: str
    sheet: str
    row: int


@dataclass
class Reading:
    sheets: list[SheetRow]
    facts: list[FactRow]

    @property
    def columns(self) -> int:
        return sum(len(s.columns) for s in self.sheets)

    @property
    def read(self) -> int:
        return sum(s.read for s in self.sheets)

    @property
    def unread(self) -> list[tuple[SheetRow, ColumnRow]]:
        return [(s, c) for s in self.sheets for c in s.unread]

    @property
    def doubtful(self) -> int:
        return sum(1 for s in self.sheets for c in s.columns if c.doubtful)

    @property
    def confident(self) -> bool:
        """Every column with a header was read, none below CONFIDENT: the section may stay folded."""
        return not self.unread and not self.doubtful


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def one_line(text: object) -> str:
    """A header as one line: two-row headers and cells with line breaks keep their words."""
    return " ".join(str(text or "").split())


def _value(value: object) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return one_line(value)


def _column(column, lang: str) -> ColumnRow | None:
    header = one_line(column.header)
    if not header and column.field is None:
        return None  # an empty spacer column: nothing was there to read
    confidence = max(0.0, min(1.0, float(column.confidence or 0.0)))
    return ColumnRow(
        index=column.index,
        letter=column_letter(column.index),
        header=header,
        field=column.field,
        field_label=field_label(column.field, lang) if column.field else "",
        confidence=round(confidence * 100),
        evidence=column.evidence or "",
        evidence_label=evidence_label(column.evidence if column.field else "", lang),
        doubtful=column.field is not None and confidence < CONFIDENT,
    )


def _sheet(plan, lang: str) -> SheetRow:
    header_rows: tuple[int, ...] = ()
    if plan.header_row is not None:
        lower = plan.header_row + 1
        header_rows = tuple(range(lower - max(1, plan.header_rows) + 1, lower + 1))
    columns = [row for row in (_column(c, lang) for c in sorted(plan.columns, key=lambda c: c.index)) if row]
    turned_at = getattr(plan, "turned_at", None)
    if turned_at is not None:  # a label's place is its row
        for column in columns:
            column.letter = str(turned_at + column.index + 1)
    return SheetRow(
        name=plan.name,
        role=plan.role,
        role_label=role_label(plan.role, lang),
        header_rows=header_rows,
        by_mapping=bool(getattr(plan, "by_mapping", False)),
        columns=columns,
        turned=turned_at is not None,
    )


def reading(commap, lang: str) -> Reading | None:
    """The map's reading plan in the report language, or None for a map built in memory."""
    plan = getattr(commap, "reading", None)
    if plan is None:
        return None
    facts = [
        FactRow(field=f.field, label=fact_label(f.field, lang), written_as=one_line(f.label),
                value=_value(f.value), sheet=f.sheet, row=f.row)
        for f in plan.facts
    ]
    return Reading(sheets=[_sheet(s, lang) for s in plan.sheets], facts=facts)
