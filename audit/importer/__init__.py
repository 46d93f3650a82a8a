"""Load a communication map from a workbook or a folder of CSV files (SPEC §2)."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from audit import values
from audit.errors import MapReadError
from audit.importer.normalized import Row, Table, build_commap
from audit.importer.schema import SHEETS, SheetSpec, spec_for_sheet
from audit.importer.workbook import RawSheet, read_sheets
from audit.model import CommMap, ImportProblem, MapMeta, Source
from audit.findings import Location

HEADER_SCAN_ROWS = 30
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


def load_map(path: str | Path) -> CommMap:
    """Read a map; raises `MapReadError` (file, sheet, row, column) when it cannot be read at all."""
    path = Path(path)
    sheets = read_sheets(path)
    tables: list[Table] = []
    meta = MapMeta()
    meta_problems: list[ImportProblem] = []
    ignored: list[Location] = []
    russian_words = english_words = 0
    for sheet in sheets:
        spec = spec_for_sheet(sheet.name)
        if spec is None:
            continue
        if spec.key_value:
            meta, meta_problems = _read_meta(sheet, spec)
            continue
        table, header_cells, unknown = _read_table(path, sheet, spec)
        tables.append(table)
        ignored.extend(unknown)
        for text in (sheet.name, *header_cells):
            if _CYRILLIC.search(text):
                russian_words += 1
            else:
                english_words += 1
    if not tables:
        known = ", ".join(spec.aliases[0].capitalize() for spec in SHEETS[1:])
        names = ", ".join(f"'{s.name}'" for s in sheets) or "none"
        raise MapReadError(path, f"no sheet of a communication map found (sheets: {names}; expected {known})")
    if not any(t.entity in ("steps", "scenarios") for t in tables):
        raise MapReadError(path, "the map has no Steps or Scenarios sheet, so there is nothing to audit")
    commap = build_commap(tables, meta)
    commap.problems = [*meta_problems, *commap.problems]
    commap.path = str(path)
    commap.sha256 = _sha256(path)
    commap.language = "ru" if russian_words > english_words else "en"
    commap.ignored_columns = ignored
    return commap


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    files = sorted(p for p in path.iterdir() if p.suffix.casefold() == ".csv") if path.is_dir() else [path]
    for file in files:
        with file.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def _find_header(sheet: RawSheet, spec: SheetSpec) -> tuple[int, dict[str, tuple[int, str]]] | None:
    """The first row, among the first rows, that names every required column of the sheet."""
    best: tuple[int, dict[str, tuple[int, str]]] | None = None
    for index, row in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
        columns: dict[str, tuple[int, str]] = {}
        for col, cell in enumerate(row):
            header = values.text(cell)
            if not header:
                continue
            fld = spec.field_for(header)
            if fld and fld not in columns:
                columns[fld] = (col, header)
        if all(req in columns for req in spec.required):
            return index, columns
        if columns and (best is None or len(columns) > len(best[1])):
            best = (index, columns)
    return best if best and all(r in best[1] for r in spec.required) else None


def _read_table(path: Path, sheet: RawSheet, spec: SheetSpec) -> tuple[Table, list[str], list[Location]]:
    found = _find_header(sheet, spec)
    if found is None:
        missing = ", ".join(f"'{r}'" for r in spec.required)
        raise MapReadError(
            path,
            f"no header row with the required column(s) {missing} in the first {HEADER_SCAN_ROWS} rows",
            sheet=sheet.name,
        )
    header_index, columns = found
    known_cols = {col for col, _ in columns.values()}
    unknown = [
        Location(sheet=sheet.name, row=header_index + 1, column=values.text(cell))
        for col, cell in enumerate(sheet.rows[header_index])
        if col not in known_cols and values.text(cell)
    ]
    headers = {fld: header for fld, (_, header) in columns.items()}
    rows = []
    for index in range(header_index + 1, len(sheet.rows)):
        raw = sheet.rows[index]
        cells = {fld: (raw[col] if col < len(raw) else "") for fld, (col, _) in columns.items()}
        errors = {fld: sheet.errors[(index, col)] for fld, (col, _) in columns.items() if (index, col) in sheet.errors}
        rows.append(Row(sheet=sheet.name, number=index + 1, cells=cells, headers=headers, errors=errors))
    return Table(spec.entity, sheet.name, rows), list(headers.values()), unknown


def _read_meta(sheet: RawSheet, spec: SheetSpec) -> tuple[MapMeta, list[ImportProblem]]:
    """Key–value rows (`Клиент | ООО Ромашка`), or a header row with one row of values under it."""
    found: dict[str, tuple[object, int, str]] = {}
    for index, row in enumerate(sheet.rows[:200]):
        cells = [(col, c) for col, c in enumerate(row) if values.text(c)]
        if len(cells) >= 2:
            fld = spec.field_for(values.text(cells[0][1]))
            if fld and fld not in found:
                found[fld] = (cells[1][1], index + 1, values.text(cells[0][1]))
    if not found and sheet.rows:
        header = _find_header(sheet, spec)
        if header and header[0] + 1 < len(sheet.rows):
            index, columns = header
            data = sheet.rows[index + 1]
            for fld, (col, text) in columns.items():
                found[fld] = (data[col] if col < len(data) else "", index + 2, text)
    meta = MapMeta(source=Source(sheet=sheet.name, row=None, columns={k: v[2] for k, v in found.items()}))
    problems = []
    for fld, (value, row_number, header) in found.items():
        if fld != "last_reviewed":
            setattr(meta, fld, values.text(value))
            continue
        meta.source = Source(sheet=sheet.name, row=row_number, columns=meta.source.columns)
        try:
            meta.last_reviewed = values.day(value)
        except ValueError as exc:
            problems.append(ImportProblem(
                code="MAP003", entity_kind="map", entity_id=meta.name or sheet.name,
                location=Location(sheet=sheet.name, row=row_number, column=header),
                params={"column": header, "value": values.text(value), "reason": str(exc)},
            ))
    return meta, problems
