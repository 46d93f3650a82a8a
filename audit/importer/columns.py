"""`--columns mapping.toml`: a client's own headers (and sheet names) mapped to commap's.

    [columns]
    "Цепочка" = "scenario"         # header as the client wrote it = a field name of SPEC §2
    "Канал связи" = "channel"
    [sheets]
    "Лист1" = "flat"               # a sheet = an entity (segments, steps, …) or "flat" for a wide table

Headers are matched like every header (case, spaces and punctuation ignored). A mapped header
is used on any sheet that has that field; the mapping wins over the built-in aliases.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from audit.errors import MapReadError
from audit.importer.schema import SHEETS, SheetSpec
from audit.values import normalize_word

ENTITIES = {spec.entity for spec in SHEETS} | {"flat"}


@dataclass
class ColumnMapping:
    headers: dict[str, str] = field(default_factory=dict)  # normalized header → field name
    sheets: dict[str, str] = field(default_factory=dict)  # normalized sheet name → entity

    def field_for(self, header: str, spec: SheetSpec) -> str | None:
        mapped = self.headers.get(normalize_word(header))
        if mapped is not None and mapped in spec.fields:
            return mapped
        return spec.field_for(header)

    def entity_for(self, sheet_name: str) -> str | None:
        return self.sheets.get(normalize_word(sheet_name))


def load_column_mapping(path: str | Path) -> ColumnMapping:
    from audit.importer.flat import FLAT

    path = Path(path)
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise MapReadError(path, f"cannot read the column mapping ({exc.strerror or exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise MapReadError(path, f"not valid TOML: {exc}") from None
    unknown = set(data) - {"columns", "sheets"}
    if unknown:
        raise MapReadError(path, f"unknown table(s) {sorted(unknown)}; expected [columns] and [sheets]")
    fields = {name for spec in (*SHEETS, FLAT) for name in spec.fields}
    mapping = ColumnMapping()
    for header, name in data.get("columns", {}).items():
        if name not in fields:
            raise MapReadError(path, f"key 'columns.{header}': unknown field '{name}' "
                                     f"(known: {', '.join(sorted(fields))})")
        mapping.headers[normalize_word(header)] = name
    for sheet, entity in data.get("sheets", {}).items():
        if entity not in ENTITIES:
            raise MapReadError(path, f"key 'sheets.{sheet}': unknown sheet kind '{entity}' "
                                     f"(known: {', '.join(sorted(ENTITIES))})")
        mapping.sheets[normalize_word(sheet)] = entity
    return mapping
