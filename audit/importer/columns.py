"""`--columns mapping.toml`: a client's own headers (and sheet names) mapped to commap's.

    [columns]
    "Цепочка" = "scenario"         # header as the client wrote it = a field name
    "Канал связи" = "channel"
    "Комментарий" = "ignore"       # a column to leave unread
    [sheets]
    "Лист1" = "flat"               # a sheet = a role: an entity (segments, steps, …), "flat" for a wide
                                   # table, "scenario_sheet", "meta" or "ignore"
    [sheet_columns."Лист1"]        # headers of one sheet only (what `commap inspect --write-columns` writes)
    "Канал" = "channel"

Headers are matched like every header (case, spaces and punctuation ignored), except that a number
sign counts: "Action #" and "Action" are two columns. A mapped header wins over recognition;
everything not mapped is still recognised (audit/importer/recognize.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from audit import vocab
from audit.errors import MapReadError
from audit.tomlfile import read_toml
from audit.values import normalize_word


_NOT_KEY = re.compile(r"[^\w#№]+|_")


def header_key(header: str) -> str:
    """How a mapping file names a header: case, spaces and punctuation ignored, a number sign kept ("Action #"
    beside "Action")."""
    return _NOT_KEY.sub("", header.casefold().replace("ё", "е"))


@cache
def known_roles() -> frozenset[str]:
    return frozenset(vocab.load("headers")["roles"])


@cache
def known_fields() -> frozenset[str]:
    roles = vocab.load("headers")["roles"].values()
    return frozenset(f for role in roles for f in role.get("fields", [])) | {"ignore"}


@dataclass
class ColumnMapping:
    headers: dict[str, str] = field(default_factory=dict)  # normalized header → field name
    sheets: dict[str, str] = field(default_factory=dict)  # normalized sheet name → role
    sheet_headers: dict[str, dict[str, str]] = field(default_factory=dict)  # sheet → header → field

    def field_for_header(self, header: str, sheet_name: str) -> str | None:
        """The field a mapping gives a header on a sheet (`ignore` to leave it unread), or None: by its key
        (`header_key`), else by its words alone ("Msg" in the file for "Msg #" on the sheet)."""
        key = header_key(header)
        own = self.sheet_headers.get(normalize_word(sheet_name), {})
        found = own.get(key) or self.headers.get(key)
        if found is None:
            word = normalize_word(header)
            found = next((f for k, f in own.items() if normalize_word(k) == word), None) or next(
                (f for k, f in self.headers.items() if normalize_word(k) == word), None)
        return found

    def entity_for(self, sheet_name: str) -> str | None:
        return self.sheets.get(normalize_word(sheet_name))


def load_column_mapping(path: str | Path) -> ColumnMapping:
    path = Path(path)
    data = read_toml(path, "the column mapping")
    unknown = set(data) - {"columns", "sheets", "sheet_columns"}
    if unknown:
        raise MapReadError(path, f"unknown table(s) {sorted(unknown)}; expected [columns], [sheets] "
                                 f"and [sheet_columns.\"SHEET\"]")
    mapping = ColumnMapping()
    mapping.headers = _headers(path, "columns", data.get("columns", {}))
    for sheet, headers in data.get("sheet_columns", {}).items():
        if not isinstance(headers, dict):
            raise MapReadError(path, f"key 'sheet_columns.{sheet}': expected a table of header = field")
        mapping.sheet_headers[normalize_word(sheet)] = _headers(path, f"sheet_columns.{sheet}", headers)
    for sheet, role in data.get("sheets", {}).items():
        if role not in known_roles():
            raise MapReadError(path, f"key 'sheets.{sheet}': unknown sheet kind '{role}' "
                                     f"(known: {', '.join(sorted(known_roles()))})")
        mapping.sheets[normalize_word(sheet)] = role
    return mapping


def _headers(path: Path, table: str, headers: dict) -> dict[str, str]:
    result = {}
    for header, name in headers.items():
        if name not in known_fields():
            raise MapReadError(path, f"key '{table}.{header}': unknown field '{name}' "
                                     f"(known: {', '.join(sorted(known_fields()))})")
        result[header_key(header)] = name
    return result
