"""Load a communication map from a workbook or a folder of CSV files (SPEC §2)."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from audit import values
from audit.errors import MapReadError
from audit.importer.normalized import Row, Table, build_commap
from audit.importer.columns import ColumnMapping, load_column_mapping
from audit.importer.flat import FLAT, flat_tables, is_flat_header
from audit.importer.schema import SHEETS, SheetSpec, spec_for_sheet
from audit.importer.workbook import RawSheet, read_sheets
from audit.model import CommMap, ImportProblem, MapMeta, Source
from audit.findings import Location
from audit.gcpause import collector_paused

HEADER_SCAN_ROWS = 30
SPEC_BY_ENTITY = {spec.entity: spec for spec in SHEETS}
__all__ = ["ColumnMapping", "load_column_mapping", "load_map"]
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


def load_map(path: str | Path, columns: ColumnMapping | None = None) -> CommMap:
    """Read a map; raises `MapReadError` (file, sheet, row, column) when it cannot be read at all.

    Named entity sheets are read first; a workbook without a Steps sheet is then searched for a
    single wide sheet of touchpoints (audit/importer/flat.py).
    """
    path = Path(path)
    with collector_paused():
        commap = map_from_sheets(path, read_sheets(path), columns)
    commap.sha256 = _sha256(path)
    return commap


def map_from_sheets(path: Path, sheets: list[RawSheet], columns: ColumnMapping | None = None) -> CommMap:
    """The map in raw sheets (cell values as the reader gives them); `path` only names the file in messages."""
    mapping = columns or ColumnMapping()
    tables: list[Table] = []
    meta = MapMeta()
    meta_problems: list[ImportProblem] = []
    ignored: list[Location] = []
    words: list[str] = []
    candidates: list[RawSheet] = []
    for sheet in sheets:
        entity = mapping.entity_for(sheet.name)
        spec = SPEC_BY_ENTITY.get(entity) if entity else spec_for_sheet(sheet.name)
        if entity == "flat" or spec is None or spec.key_value or spec.entity == "scenarios":
            candidates.append(sheet)
        if spec is None or entity == "flat":
            continue
        if spec.key_value:
            continue
        table, header_cells, unknown = _read_table(path, sheet, spec, mapping)
        tables.append(table)
        ignored.extend(unknown)
        words.extend((sheet.name, *header_cells))
    flat_sheet = None
    if not any(t.entity == "steps" for t in tables):
        for sheet in candidates:
            found = _find_header(sheet, FLAT, mapping, is_flat_header)
            if found is not None:
                header_index, found_columns = found
                # a wide sheet that was taken for a Scenarios sheet by its name is read as the wide sheet;
                # a separate, real Scenarios sheet keeps precedence for scenario attributes
                tables = [t for t in tables if t.sheet != sheet.name]
                tables.extend(flat_tables(sheet.name, sheet.rows, header_index, found_columns, sheet.errors))
                ignored.extend(_unknown_headers(sheet, header_index, found_columns))
                words.extend((sheet.name, *(h for _, h in found_columns.values())))
                flat_sheet = sheet
                break
    for sheet in candidates:
        spec = spec_for_sheet(sheet.name)
        if sheet is not flat_sheet and spec is not None and spec.key_value:
            meta, meta_problems = _read_meta(sheet, spec)
    if not tables:
        known = ", ".join(spec.aliases[0].capitalize() for spec in SHEETS[1:])
        names = ", ".join(f"'{s.name}'" for s in sheets) or "none"
        raise MapReadError(path, f"no sheet of a communication map found (sheets: {names}; expected {known}, "
                                 f"or one wide sheet with segment, scenario and channel columns)")
    if not any(t.entity in ("steps", "scenarios") for t in tables):
        raise MapReadError(path, "the map has no Steps or Scenarios sheet, so there is nothing to audit")
    commap = build_commap(tables, meta)
    commap.problems = [*meta_problems, *commap.problems]
    commap.path = str(path)
    russian = sum(1 for word in words if _CYRILLIC.search(word))
    commap.language = "ru" if russian * 2 > len(words) else "en"
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


def _find_header(sheet: RawSheet, spec: SheetSpec, mapping: ColumnMapping,
                 accept=None) -> tuple[int, dict[str, tuple[int, str]]] | None:
    """The first row, among the first rows, that names every required column of the sheet."""
    accept = accept or (lambda columns: all(req in columns for req in spec.required))
    for index, row in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
        columns: dict[str, tuple[int, str]] = {}
        ranks: dict[str, int] = {}
        displaced_id: tuple[int, str] | None = None
        for col, cell in enumerate(row):
            header = values.text(cell)
            if not header:
                continue
            fld = mapping.field_for(header, spec)
            if not fld:
                continue
            rank = _header_rank(header, fld, mapping)
            if fld not in columns or rank < ranks[fld]:
                if fld == "id" and fld in columns and displaced_id is None:
                    displaced_id = columns[fld]
                columns[fld] = (col, header)
                ranks[fld] = rank
            elif fld == "id" and displaced_id is None:
                displaced_id = (col, header)
        if displaced_id is not None and "name" in spec.fields and "name" not in columns:
            columns["name"] = displaced_id  # `Сегмент | Код`: the column beside the code names the segment
        if columns and accept(columns):
            return index, columns
    return None


_ID_WORDS = frozenset({"id", "ид", "код", "code"})


def _header_rank(header: str, fld: str, mapping: ColumnMapping) -> int:
    """Which of two headers naming one field is read: the --columns mapping, then one that says ID.

    `Сегмент | Код` or `Scenario | Scenario ID`: the first column holds the name people read,
    the one marked ID holds the id the other sheets refer to. A bare `ID` only counts so for the
    `id` field (on Steps, `Шаг | ID` keeps `Шаг`). Otherwise the leftmost wins.
    """
    if values.normalize_word(header) in mapping.headers:
        return 0
    words = [w for w in re.split(r"[\W_]+", header.casefold()) if w]
    if _ID_WORDS & set(words) and (fld == "id" or len(words) > 1):
        return 1
    return 2


def _unknown_headers(sheet: RawSheet, header_index: int, columns: dict[str, tuple[int, str]]) -> list[Location]:
    known_cols = {col for col, _ in columns.values()}
    return [
        Location(sheet=sheet.name, row=header_index + 1, column=values.text(cell))
        for col, cell in enumerate(sheet.rows[header_index])
        if col not in known_cols and values.text(cell)
    ]


def _read_table(path: Path, sheet: RawSheet, spec: SheetSpec,
                mapping: ColumnMapping) -> tuple[Table, list[str], list[Location]]:
    found = _find_header(sheet, spec, mapping)
    if found is None:
        best = _find_header(sheet, spec, mapping, accept=lambda columns: bool(set(columns) & set(spec.required)))
        missing = [r for r in spec.required if best is None or r not in best[1]]
        raise MapReadError(
            path,
            "no header row with the required column(s) " + ", ".join(f"'{r}'" for r in missing)
            + f" in the first {HEADER_SCAN_ROWS} rows",
            sheet=sheet.name,
            row=best[0] + 1 if best else None,
        )
    header_index, columns = found
    unknown = _unknown_headers(sheet, header_index, columns)
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
    errors: dict[str, str] = {}  # field → spreadsheet error in its value cell
    for index, row in enumerate(sheet.rows[:200]):
        cells = [(col, c) for col, c in enumerate(row) if values.text(c) or (index, col) in sheet.errors]
        if len(cells) >= 2:
            fld = spec.field_for(values.text(cells[0][1]))
            if fld and fld not in found:
                found[fld] = (cells[1][1], index + 1, values.text(cells[0][1]))
                if (index, cells[1][0]) in sheet.errors:
                    errors[fld] = sheet.errors[(index, cells[1][0])]
    if not found and sheet.rows:
        header = _find_header(sheet, spec, ColumnMapping())
        if header and header[0] + 1 < len(sheet.rows):
            index, columns = header
            data = sheet.rows[index + 1]
            for fld, (col, text) in columns.items():
                found[fld] = (data[col] if col < len(data) else "", index + 2, text)
                if (index + 1, col) in sheet.errors:
                    errors[fld] = sheet.errors[(index + 1, col)]
    meta = MapMeta(source=Source(sheet=sheet.name, row=None, columns={k: v[2] for k, v in found.items()}))
    problems = []
    # the map's name first: the other fields' problems are reported under it
    for fld, (value, row_number, header) in sorted(found.items(), key=lambda item: item[0] != "name"):
        if fld in errors:
            problems.append(ImportProblem(
                code="MAP003", entity_kind="map", entity_id=meta.name or sheet.name,
                location=Location(sheet=sheet.name, row=row_number, column=header),
                params={"column": header, "value": errors[fld], "reason": "spreadsheet error"},
            ))
            continue
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
