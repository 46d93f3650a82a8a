"""Raw reading: a workbook file or a folder of CSV files → sheets of cell values.

Workbooks are read with python-calamine (xlsx, xlsm, xls, ods). Its traps are handled here:
every number arrives as a float (callers use `values.text`), merged ranges leave their covered
cells empty (we fill them down from the top cell, as a reader of the sheet sees them), and error
cells such as `#REF!` arrive as '' — so for xlsx we look for `t="e"` cells in the sheet XML and
report them instead of reading an empty value.
"""
from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from defusedxml import ElementTree as SafeET

from audit.errors import MapReadError

# Limits against zip bombs and absurd files; documented in README "Limits".
MAX_UNPACKED_BYTES = 1_500_000_000
MAX_COMPRESSION_RATIO = 200
MAX_CELLS = 20_000_000
MAX_FILE_BYTES = 500_000_000

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".xlsb")


@dataclass
class RawSheet:
    name: str
    rows: list[list[object]]
    errors: dict[tuple[int, int], str] = field(default_factory=dict)  # (row0, col0) → "#REF!"


def read_sheets(path: Path) -> list[RawSheet]:
    """Every sheet of a workbook, or every CSV file of a folder, in order."""
    if not path.exists():
        raise MapReadError(path, "no such file or folder")
    if path.is_dir():
        return _read_csv_folder(path)
    size = path.stat().st_size
    if size == 0:
        raise MapReadError(path, "the file is empty")
    if size > MAX_FILE_BYTES:
        raise MapReadError(path, f"the file is larger than {MAX_FILE_BYTES // 1_000_000} MB")
    suffix = path.suffix.casefold()
    if suffix == ".csv":
        return [_read_csv_file(path)]
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(b"PK"):
        errors = _check_zip_and_find_errors(path)
    elif head.startswith(b"\xd0\xcf\x11\xe0"):
        if suffix in (".xlsx", ".xlsm"):
            raise MapReadError(path, "the workbook is encrypted or password-protected; save an unprotected copy")
        errors = {}
    else:
        raise MapReadError(path, "not a spreadsheet (expected .xlsx, .xlsm, .xls, .ods or a folder of .csv files)")
    return _read_with_calamine(path, errors)


def _read_with_calamine(path: Path, errors: dict[str, dict[tuple[int, int], str]]) -> list[RawSheet]:
    import python_calamine

    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    except python_calamine.PasswordError:
        raise MapReadError(path, "the workbook is password-protected; save an unprotected copy") from None
    except Exception as exc:  # the reader's own error types vary by format and version
        raise MapReadError(path, f"cannot read the workbook ({_short(exc)}); is the file damaged?") from None
    sheets = []
    cells = 0
    try:
        for name in workbook.sheet_names:
            sheet = workbook.get_sheet_by_name(name)
            cells += sheet.height * sheet.width
            if cells > MAX_CELLS:
                raise MapReadError(path, f"the workbook has more than {MAX_CELLS:,} cells", sheet=name)
            rows = sheet.to_python(skip_empty_area=False)
            _fill_merged(rows, sheet.merged_cell_ranges or [])
            sheets.append(RawSheet(name, rows, errors.get(name, {})))
    except MapReadError:
        raise
    except Exception as exc:
        raise MapReadError(path, f"cannot read the workbook ({_short(exc)}); is the file damaged?") from None
    finally:
        workbook.close()
    return sheets


def _fill_merged(rows: list[list[object]], ranges: list) -> None:
    """A vertically merged cell reads, to a person, as the same value on every row it spans."""
    for (top, left), (bottom, _right) in ranges:
        if top >= len(rows) or left >= len(rows[top]):
            continue
        value = rows[top][left]
        for row_index in range(top + 1, min(bottom, len(rows) - 1) + 1):
            row = rows[row_index]
            if left < len(row) and row[left] in ("", None):
                row[left] = value


def _short(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__


_CELL_REF = re.compile(r"([A-Z]+)(\d+)")
_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def _check_zip_and_find_errors(path: Path) -> dict[str, dict[tuple[int, int], str]]:
    """Refuse zip bombs before the reader unpacks anything; find error cells per sheet name."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        raise MapReadError(path, "the file is damaged or truncated (not a readable zip archive)") from None
    with archive:
        infos = archive.infolist()
        total = sum(info.file_size for info in infos)
        packed = max(1, sum(info.compress_size for info in infos))
        if total > MAX_UNPACKED_BYTES or (total > 50_000_000 and total / packed > MAX_COMPRESSION_RATIO):
            raise MapReadError(path, f"refused: the workbook unpacks to {total:,} bytes (a zip bomb?)")
        names = {info.filename for info in infos}
        if "xl/workbook.xml" not in names:
            if "content.xml" in names:
                return {}  # OpenDocument
            raise MapReadError(path, "not a spreadsheet: the zip archive holds no workbook")
        for info in infos:
            if info.filename.endswith((".xml", ".rels")):
                with archive.open(info) as member:
                    head = member.read(4096)
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    raise MapReadError(path, f"refused: {info.filename} declares a DTD or entities "
                                             f"(an XML entity attack?)")
        try:
            return _error_cells(archive, names)
        except MapReadError:
            raise
        except Exception as exc:  # defusedxml refusals, damaged XML
            raise MapReadError(path, f"the workbook's XML is damaged or unsafe ({_short(exc)})") from None


def _error_cells(archive: zipfile.ZipFile, names: set[str]) -> dict[str, dict[tuple[int, int], str]]:
    workbook = SafeET.fromstring(archive.read("xl/workbook.xml"))
    rels_name = "xl/_rels/workbook.xml.rels"
    targets: dict[str, str] = {}
    if rels_name in names:
        for rel in SafeET.fromstring(archive.read(rels_name)):
            target = rel.get("Target", "")
            full = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
            targets[rel.get("Id", "")] = full
    found: dict[str, dict[tuple[int, int], str]] = {}
    sheets = workbook.find(f"{_NS_MAIN}sheets")
    for sheet in sheets if sheets is not None else []:
        xml_name = targets.get(sheet.get(f"{_NS_REL}id", ""))
        if not xml_name or xml_name not in names:
            continue
        data = archive.read(xml_name)
        if b't="e"' not in data:
            continue
        cells: dict[tuple[int, int], str] = {}
        for cell in SafeET.fromstring(data).iter(f"{_NS_MAIN}c"):
            if cell.get("t") != "e":
                continue
            match = _CELL_REF.fullmatch(cell.get("r", ""))
            if not match:
                continue
            value = cell.find(f"{_NS_MAIN}v")
            cells[(int(match.group(2)) - 1, _column_index(match.group(1)))] = (
                value.text if value is not None and value.text else "#ERROR"
            )
        if cells:
            found[sheet.get("name", "")] = cells
    return found


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + (ord(letter) - 64)
    return index - 1


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


CSV_DELIMITERS = (",", ";", "\t")


def sniff_delimiter(content: str, lines: int = 50) -> str:
    """The delimiter that splits the first rows into the most rows of one same width.

    Counting delimiter characters is not enough: a `;` export from a Russian Excel has commas in
    every message text, often more of them than semicolons.
    """
    best, best_score = CSV_DELIMITERS[0], (0, 0)
    for delimiter in CSV_DELIMITERS:
        widths: dict[int, int] = {}
        try:
            for index, row in enumerate(csv.reader(io.StringIO(content[:100_000], newline=""), delimiter=delimiter)):
                if index >= lines:
                    break
                if len(row) > 1:
                    widths[len(row)] = widths.get(len(row), 0) + 1
        except csv.Error:
            continue
        if not widths:
            continue
        width, rows = max(widths.items(), key=lambda item: (item[1], item[0]))
        if (rows, width) > best_score:
            best, best_score = delimiter, (rows, width)
    return best


def _read_csv_folder(folder: Path) -> list[RawSheet]:
    files = sorted(p for p in folder.iterdir() if p.suffix.casefold() == ".csv" and p.is_file())
    if not files:
        raise MapReadError(folder, "the folder holds no .csv files")
    return [_read_csv_file(p) for p in files]


def _read_csv_file(path: Path) -> RawSheet:
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise MapReadError(path, "not a CSV text file (binary content)")
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            content = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # cp1251 decodes nearly everything; this is for completeness
        raise MapReadError(path, "cannot decode the CSV file (expected UTF-8 or Windows-1251)")
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=sniff_delimiter(content))
    try:
        rows: list[list[object]] = [list(row) for row in reader]
    except csv.Error as exc:
        raise MapReadError(path, f"cannot read the CSV file ({_short(exc)})") from None
    return RawSheet(path.stem, rows)
