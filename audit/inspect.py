"""`commap inspect`: how a map was read, as plain data (the reading plan made printable).

`describe(commap)` turns the importer's reading plan (`commap.reading`), the map's facts and
the cells it could not read into one JSON-ready structure; `columns_toml(commap)` writes the
same reading as a `--columns` file the user can correct and pass back. Both are pure functions
of the map: the command line only renders and writes them.
"""
from __future__ import annotations

import datetime as dt
import re

from audit import values
from audit.importer.columns import header_key
from audit.importer.workbook import column_letter

MAX_UNREAD_GROUPS = 50
UNREAD_COLUMN = "column not recognised"
FREE_TEXT_CONDITION = "condition in free text"
_DEFAULT_REASONS = {"MAP002": "duplicate id", "MAP004": "required value missing"}
_META_FIELDS = ("name", "client", "version", "owner", "last_reviewed", "platform")


def _plain(value: object) -> object:
    """A value as JSON holds it: dates in ISO form, everything else as the text the cell showed."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if value is None:
        return None
    return values.text(value)


def _sheet(plan) -> dict:
    header_row = plan.header_row + 1 if plan.header_row is not None else None
    columns = [
        {"index": c.index + 1, "letter": column_letter(c.index), "header": c.header, "field": c.field,
         "confidence": float(c.confidence or 0.0), "evidence": c.evidence or ""}
        for c in sorted(plan.columns, key=lambda c: c.index)
    ]
    return {
        "name": plan.name,
        "role": plan.role,
        "by_mapping": bool(plan.by_mapping),
        "header_row": header_row,
        "header_rows": plan.header_rows if header_row is not None else 0,
        "transposed": plan.turned_at is not None,
        "confidence": float(plan.confidence or 0.0),
        "columns": columns,
        "rows": {"read": getattr(plan, "rows_read", 0), "skipped": getattr(plan, "rows_skipped", 0)},
    }


def _meta(commap) -> dict:
    meta = {}
    for name in _META_FIELDS:
        value = getattr(commap.meta, name)
        if value:
            meta[name] = _plain(value)
    return meta


def unread_cells(commap) -> list[dict]:
    """Every cell or column commap did not take in: import problems, free-text conditions, unread columns."""
    cells = []
    for problem in commap.problems:
        where = problem.location
        params = problem.params
        cells.append({
            "sheet": where.sheet, "row": where.row, "column": where.column or params.get("column") or params.get("field") or None,
            "value": params.get("value"), "reason": params.get("reason") or _DEFAULT_REASONS.get(problem.code, ""),
            "code": problem.code,
        })
    for step in commap.steps:
        if step.condition_text and step.condition is None:
            where = step.source.at("condition")
            cells.append({"sheet": where.sheet, "row": where.row, "column": where.column,
                          "value": step.condition_text, "reason": FREE_TEXT_CONDITION, "code": "MAP006"})
    for where in commap.ignored_columns:
        cells.append({"sheet": where.sheet, "row": where.row, "column": where.column, "value": None,
                      "reason": UNREAD_COLUMN, "code": None})
    return cells


def unread_groups(commap, limit: int = MAX_UNREAD_GROUPS) -> list[dict]:
    """Unread cells grouped by (sheet, column, reason): the first row and value, and how many cells.

    Workbook order of sheets, then first row; beyond `limit` groups a last `{"more": N}` says how
    many groups were left off."""
    order = {plan.name: i for i, plan in enumerate(getattr(commap.reading, "sheets", []) or [])}
    groups: dict[tuple, dict] = {}
    for cell in unread_cells(commap):
        key = (cell["sheet"], cell["column"], cell["reason"])
        group = groups.get(key)
        if group is None:
            groups[key] = {**cell, "count": 1}
        else:
            group["count"] += 1
            if (cell["row"] or 0) < (group["row"] or 0):
                group["row"], group["value"], group["code"] = cell["row"], cell["value"], cell["code"]
    ordered = sorted(groups.values(), key=lambda g: (order.get(g["sheet"], len(order)), g["sheet"] or "",
                                                     g["row"] or 0, g["column"] or "", g["reason"]))
    shown = [{k: g[k] for k in ("sheet", "row", "column", "value", "reason", "code", "count")}
             for g in ordered[:limit]]
    if len(ordered) > limit:
        shown.append({"more": len(ordered) - limit})
    return shown


def describe(commap) -> dict:
    """The reading of a map as JSON-ready data (see `commap inspect --format json`)."""
    plan = commap.reading
    sheets = [_sheet(s) for s in plan.sheets] if plan is not None else []
    facts = [{"field": f.field, "value": _plain(f.value), "sheet": f.sheet, "row": f.row, "label": f.label}
             for f in (plan.facts if plan is not None else [])]
    return {
        "path": commap.path,
        "language": commap.language,
        "sheets": sheets,
        "meta": _meta(commap),
        "facts": facts,
        "unread": unread_groups(commap),
        "auditable": bool(commap.steps or commap.scenarios),  # what `commap audit` needs to run
    }


# --- the reading as a --columns file ----------------------------------------------------------------

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
_NEEDS_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f]')


def toml_string(text: str) -> str:
    """`text` as a TOML basic string: quotes, backslashes and control characters escaped."""
    def escape(match: re.Match) -> str:
        char = match.group()
        return _ESCAPES.get(char) or f"\\u{ord(char):04x}"

    return '"' + _NEEDS_ESCAPE.sub(escape, text) + '"'


def _comment(text: str) -> str:
    return " ".join(str(text).split())


def columns_toml(commap) -> str:
    """The reading as a `--columns` file: every sheet's role, every column's field (or "ignore")."""
    plan = commap.reading
    lines = [
        "# How commap read this map, as a --columns file (written by `commap inspect --write-columns`).",
        f"# Map: {_comment(commap.path)}",
        "# Correct a sheet's role under [sheets] or a column's field under its [sheet_columns.\"…\"] table",
        "# (\"ignore\" leaves a column unread), then pass the file back:",
        f"#     commap audit {_comment(commap.path) or 'MAP'} --columns THIS_FILE.toml",
        "# Roles: segments, stages, channels, events, scenarios, steps, systems, integrations, flat (a wide",
        "# table, one row per touch), scenario_sheet (one scenario per sheet), meta (about the map), ignore.",
        "",
        "[sheets]",
    ]
    tables: dict[str, list] = {}  # sheet name → its tables (a sheet may hold two, one below the other)
    for sheet in plan.sheets if plan is not None else []:
        tables.setdefault(sheet.name, []).append(sheet)
    for name, plans in tables.items():
        if len(plans) == 1:
            lines.append(f"{toml_string(name)} = {toml_string(plans[0].role)}")
        else:  # [sheets] gives a sheet one role: a sheet of several tables is left to recognition
            lines.append(f"# {toml_string(name)} holds {len(plans)} tables "
                         f"({', '.join(p.role for p in plans)}); its role is left to recognition")
    for name, plans in tables.items():
        plans = [p for p in plans if p.header_row is not None]
        if not plans:
            continue
        lines.append("")
        for sheet in plans:
            lower = sheet.header_row + 1
            rows = f"rows {lower - sheet.header_rows + 1}–{lower}" if sheet.header_rows > 1 else f"row {lower}"
            lines.append(f"# {_comment(name)}: {sheet.role}, header in {rows}")
        lines.append(f"[sheet_columns.{toml_string(name)}]")
        written: dict[str, str] = {}
        for sheet in plans:
            for column in sorted(sheet.columns, key=lambda c: c.index):
                if not column.header:
                    continue
                fld = column.field or "ignore"
                word = header_key(column.header)
                if word in written:
                    # headers are matched without case, spaces and punctuation: one line serves them all
                    if written[word] != fld:  # a mapping names headers: the first column of a name reads it
                        lines.append(f"# column {column_letter(column.index)} {toml_string(column.header)} was "
                                     f"read as {fld}; a header written twice is read in its first column only")
                    continue
                written[word] = fld
                lines.append(f"{toml_string(column.header)} = {toml_string(fld)}  # {column_letter(column.index)}")
    return "\n".join(lines) + "\n"
