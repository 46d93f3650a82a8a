"""Load a communication map from a workbook or a folder of CSV files (SPEC §2)."""
from __future__ import annotations

import hashlib
import re
from operator import itemgetter
from pathlib import Path

from audit import values
from audit.errors import MapReadError
from audit.importer.normalized import Row, Table, build_commap
from audit.importer.columns import ColumnMapping, load_column_mapping
from audit.importer.flat import (SCENARIO_FIELDS, STEP_FIELDS, flat_tables, is_note, packed_touch,
                                 split_channel_groups, split_touches)
from audit.importer.recognize import (
    split_side_tables,
    ReadingPlan,
    SheetPlan,
    missing_columns,
    recognise,
    names_channel,
    scenario_head,
    sheet_as_read,
    sheet_name_score,
    stage_word,
)
from audit.importer.workbook import RawSheet, read_sheets
from audit.model import CommMap, ImportProblem, MapMeta, Source
from audit.findings import Location
from audit.gcpause import collector_paused

__all__ = ["ColumnMapping", "load_column_mapping", "load_map", "recognise"]
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


def load_map(path: str | Path, columns: ColumnMapping | None = None, *, complete: bool = True) -> CommMap:
    """Read a map; raises `MapReadError` (file, sheet, row, column) when it cannot be read at all.

    Named entity sheets are read first; a workbook without a Steps sheet is then searched for a
    single wide sheet of touchpoints (audit/importer/flat.py).
    """
    path = Path(path)
    with collector_paused():
        commap = map_from_sheets(path, read_sheets(path), columns, complete=complete)
    commap.sha256 = _sha256(path)
    return commap


def map_from_sheets(path: Path, sheets: list[RawSheet], columns: ColumnMapping | None = None, *,
                    complete: bool = True) -> CommMap:
    """The map in raw sheets (cell values as the reader gives them); `path` only names the file in messages.
    Slashed text dates are read in the order the workbook writes them (`values.SLASH_MONTH_FIRST`)."""
    token = values.SLASH_MONTH_FIRST.set(values.slashed_month_first(
        cell for sheet in sheets for row in sheet.rows[:DATE_ORDER_ROWS] for cell in row))
    try:
        sheets = split_side_tables(sheets, columns)
        return build_from_plan(path, sheets, recognise(str(path), sheets, columns), complete=complete)
    finally:
        values.SLASH_MONTH_FIRST.reset(token)


DATE_ORDER_ROWS = 500  # rows per sheet looked at to tell how the workbook writes its slashed dates


def build_from_plan(path: Path, sheets: list[RawSheet], plan: ReadingPlan, *, complete: bool = True) -> CommMap:
    """Read the sheets the way the plan says, then build the map's records. Without `complete` (inspect), a map
    with nothing to audit is still built, so that its reading can be shown and corrected."""
    tables: list[Table] = []
    ignored: list[Location] = []
    words: list[str] = []
    by_name = {sheet.name: sheet for sheet in sheets}
    for sheet_plan in plan.sheets:
        sheet = sheet_as_read(by_name[sheet_plan.name], sheet_plan)
        if sheet_plan.end_row is not None:  # a table with another below it: read it alone
            sheet = RawSheet(sheet.name, sheet.rows[:sheet_plan.end_row], sheet.errors)
        if sheet_plan.header_row is None:
            continue
        below = range(sheet_plan.header_row + 1, len(sheet.rows))
        error_rows = {row for row, _ in sheet.errors}  # an error cell such as #REF! reads as ''
        sheet_plan.rows_read = sum(1 for i in below if i in error_rows or any(values.text(c) for c in sheet.rows[i]))
        sheet_plan.rows_skipped = len(below) - sheet_plan.rows_read
        read = _tables(sheet, sheet_plan)
        if sheet_plan.turned_at is not None:  # a record written down a column: found on the row naming it
            for table in read:
                for row in table.rows:
                    row.number = sheet_plan.turned_at + 1
        tables.extend(read)
        ignored.extend(Location(sheet=sheet.name, row=sheet_plan.header_row + 1, column=c.header)
                       for c in sheet_plan.columns if c.field is None and c.header)
        words.extend((sheet.name, *(c.header for c in sheet_plan.columns if c.field)))
    _stage_from_sheet_name(tables)
    # a real Scenarios sheet keeps precedence for scenario attributes over a wide sheet's; the wide sheet fills
    # what it leaves empty (audit/importer/normalized.py `_merge_derived_scenarios`)
    if not tables and complete:
        _explain_unread_sheet(path, sheets)
        known = "Segments, Stages, Channels, Events, Scenarios, Steps, Systems, Integrations"
        names = ", ".join(f"'{s.name}'" for s in sheets) or "none"
        raise MapReadError(path, f"no sheet of a communication map found (sheets: {names}; expected {known}, "
                                 f"or one wide sheet with segment, scenario and channel columns)")
    if complete and not any(t.entity in ("steps", "scenarios") for t in tables):
        raise MapReadError(path, "the map has no Steps or Scenarios sheet, so there is nothing to audit "
                                 f"(`commap inspect {path}` shows how each sheet was read)")
    meta, meta_problems = _meta_from_facts(plan)
    commap = build_commap(tables, meta)
    _review_from_scenarios(commap)
    commap.problems = [*meta_problems, *commap.problems]
    commap.path = str(path)
    russian = sum(1 for word in words if _CYRILLIC.search(word))
    commap.language = "ru" if russian * 2 > len(words) else "en"
    commap.ignored_columns = ignored
    commap.reading = plan
    return commap


def _stage_from_sheet_name(tables: list[Table]) -> None:
    """A sheet per journey stage («Онбординг», «Удержание», named as on the Stages sheet): the scenarios
    written on it are at that stage, unless a cell of theirs names another."""
    stages = {values.normalize_word(values.text(row.cells.get(f, ""))) for t in tables if t.entity == "stages"
              for row in t.rows for f in ("id", "name")} - {""}
    for table in tables:
        if table.entity != "scenarios" or values.normalize_word(table.sheet) not in stages:
            continue
        for row in table.rows:
            if not values.text(row.cells.get("stage", "")):
                row.cells["stage"] = table.sheet
                row.headers.setdefault("stage", table.sheet)


def _explain_unread_sheet(path: Path, sheets: list[RawSheet]) -> None:
    """A sheet named like an entity sheet whose header lacks what that sheet needs: say which column."""
    for sheet in sheets:
        for role in ("steps", "scenarios", "segments", "events", "channels", "stages", "systems", "integrations"):
            if sheet_name_score(sheet.name, role) >= 0.9:
                row, missing = missing_columns(sheet, role)
                if missing:
                    raise MapReadError(path, "no header row with the required column(s) "
                                       + ", ".join(f"'{m}'" for m in missing) + " in the first 30 rows",
                                       sheet=sheet.name, row=row)


_RENAMED = {"stages": {"next_stages": "next"}}


def _tables(sheet: RawSheet, plan: SheetPlan) -> list[Table]:
    columns = plan.fields()
    if plan.role == "matrix":
        return _touch_grid_tables(sheet, plan) if plan.columns[0].field == "channel" else [_matrix_table(sheet, plan)]
    if plan.role == "blocks":
        return _block_tables(sheet, plan, columns)
    ticks = [c for c in plan.columns if c.tick]
    if ticks:  # "Push ✓ | Email ✓ | SMS ✓": the channel ticked on each row
        sheet = _ticked_channel(sheet, plan.header_row, ticks)
        columns["channel"] = (len(sheet.rows[plan.header_row]) - 1, f"{ticks[0].header}–{ticks[-1].header}")
    if plan.channel is not None:  # a sheet per channel: every row goes through the sheet's channel
        sheet = _with_column(sheet, plan.header_row, plan.channel)
        columns["channel"] = (len(sheet.rows[plan.header_row]) - 1, sheet.name)
    calendar = [c.index for c in plan.columns if c.calendar]
    if calendar:  # a content calendar: a mailing's issues week by week give its message and type
        sheet = _calendar_issue(sheet, plan.header_row, calendar, columns)
    touches = plan.touches()
    if touches:  # a column per touch, each cell a whole touch as text: a row is a step per touch it fills
        rows, numbers, errors = split_touches(sheet.rows, plan.header_row, columns, touches, sheet.errors)
        return flat_tables(sheet.name, rows, plan.header_row, columns, errors, numbers)
    groups = plan.groups()
    if groups:  # a column group per channel: a row is a step on the channel whose group it fills
        rows, numbers, errors = split_channel_groups(sheet.rows, plan.header_row, columns, groups, sheet.errors)
        return flat_tables(sheet.name, rows, plan.header_row, columns, errors, numbers)
    if plan.role == "steps" and "id" in columns:  # a record's technical id ("Record ID"), not the step's number
        columns["record"] = columns.pop("id")
    if plan.role == "steps" and "name" in columns and "step" not in columns:
        columns["step"] = columns.pop("name")  # a step's name is its id when no column numbers the steps
    if plan.role == "flat" or (plan.role == "steps" and "step" not in columns):
        # steps without numbers are numbered within their scenario, as on a wide sheet
        return flat_tables(sheet.name, sheet.rows, plan.header_row, columns, sheet.errors)
    if plan.role == "scenario_sheet":
        return _scenario_sheet_tables(sheet, plan, columns)
    for old, new in _RENAMED.get(plan.role, {}).items():
        if old in columns:
            columns[new] = columns.pop(old)
    if "id" not in columns and "name" in columns:
        columns["id"] = columns["name"]  # a sheet of names only: the name is the id
    if plan.role in ("segments", "systems"):  # a segment's description may say it is a stop list, a
        # system's which feedback it passes on
        columns.update({c.field: (c.index, c.header) for c in plan.columns if c.field == "notes"})
    return [_read_table(sheet, plan.role, plan.header_row, columns)]


_PLANNED_MARK = re.compile(r"\[(?:план|в плане|идея|plan|planned|idea|draft)\]", re.IGNORECASE)


def _matrix_table(sheet: RawSheet, plan: SheetPlan) -> Table:
    """A journey matrix's cells as (scenario, segment, stage) rows; `Name (email → WA) [план]` names
    the scenario "Name", planned."""
    if plan.columns[0].field == "stage":
        return _stage_rows_table(sheet, plan)
    stages = {c.index: c.header for c in plan.columns if c.field == "stage"}
    headers = {"scenario": plan.columns[0].header, "segments": plan.columns[0].header, "stage": "stage"}
    rows = []
    for index, first, col, item in _grid_items(sheet, plan, list(stages), r"[\n;]+"):
        name = re.sub(r"\([^)]*\)|\[[^\]]*\]", "", item).strip(" .,-—")
        if name:
            rows.append(Row(sheet=sheet.name, number=index + 1, headers={**headers, "stage": stages[col]},
                            cells={"scenario": name, "segments": values.id_text(first), "stage": stages[col],
                                   "status": "planned" if _PLANNED_MARK.search(item) else ""}))
    return Table("matrix", sheet.name, rows, derived=True)


def _grid_items(sheet: RawSheet, plan: SheetPlan, cols: list[int], split: str):
    """(row index, the row's first cell, column, one item of the cell) for every filled cell of `cols` on the
    rows below a grid's header whose first cell is filled; a cell's items are its parts between `split`."""
    for index in range(plan.header_row + 1, len(sheet.rows)):
        raw = sheet.rows[index]
        if not raw or not values.text(raw[0]):
            continue
        for col in cols:
            for item in re.split(split, values.text(raw[col]) if col < len(raw) else ""):
                if item.strip():
                    yield index, raw[0], col, item


_TOUCH_CODE = re.compile(r"^\s*(?P<code>[^\W\d_]{1,12}[-‑–]?\d{1,3}(?:\.\d{1,3})*)(?![\w.])\s*[·:—–-]?\s*")


def _touch_grid_tables(sheet: RawSheet, plan: SheetPlan) -> list[Table]:
    """Channels down, stages across, each cell the touches of that channel at that stage, a line each, each
    led by its code: «ЗН-1.2 · через 1 день, если письмо ЗН-1.1 не открыто · «Ваши −15%…» [промо]». The
    code names the touch and, without its last number, its chain (ЗН-1.2 → ЗН-1; РЕГ-1 is a chain of one
    touch); the rest reads as a packed touch on the row's channel. Each chain also takes the stage of the
    column it first appears in, when the map says no other (matrix rows for known chains only)."""
    stages = {c.index: stage_word(c.header) for c in plan.columns if c.field == "stage"}
    channel_header = plan.columns[0].header
    steps: list[tuple[tuple, Row]] = []
    staged: list[Row] = []
    for index, first, col, line in _grid_items(sheet, plan, list(stages), r"\n"):
        channel = re.sub(r"^[^\w]+", "", values.text(first))  # «✉️ Email»: the channel's word
        found = _TOUCH_CODE.match(line)
        if not names_channel(channel) or found is None:
            continue
        code, stage = found.group("code"), stages[col]
        scenario, dot, number = code.rpartition(".")
        scenario = scenario if dot else code
        parts = [p.strip() for p in line[found.end():].split("·") if p.strip() and not _status_word(p.strip())]
        if not parts:
            continue
        said = f"{channel}, {', '.join(parts[:-1])} — {parts[-1]}" if len(parts) > 1 else f"{channel} — {parts[0]}"
        touch = packed_touch(said) or {"channel": channel, "message": parts[-1]}
        cells = {"scenario": scenario, "step": code, **{k: v for k, v in touch.items() if v}, "channel": channel}
        headers = {fld: channel_header if fld == "channel" else stage for fld in cells}
        order = (scenario, int(number) if dot and number.isdigit() else 0, index, col)
        steps.append((order, Row(sheet=sheet.name, number=index + 1, cells=cells, headers=headers)))
        staged.append(Row(sheet=sheet.name, number=index + 1,
                          headers={"scenario": stage, "segments": stage, "stage": stage},
                          cells={"scenario": scenario, "stage": stage, "known_only": "1", "segments": "", "status": ""}))
    steps.sort(key=lambda item: item[0])
    return [Table("steps", sheet.name, [row for _, row in steps]), Table("matrix", sheet.name, staged, derived=True)]


def _status_word(text: str) -> bool:
    """«⏸ ПАУЗА», «в разработке»: a clause that only says the touch's status."""
    from audit.importer.schema import STATUSES

    word = values.normalize_word(text)
    return bool(word) and word in STATUSES


def _stage_rows_table(sheet: RawSheet, plan: SheetPlan) -> Table:
    """A matrix with the stages down its first column: each scenario named in a row's cells serves that stage
    (and the segment a column names). Only scenarios the map describes elsewhere count: the cells of such a
    grid are as often prose about the touches as names."""
    rows = []
    columns = {c.index: c for c in plan.columns[1:]}
    for index, first, col, item in _grid_items(sheet, plan, list(columns), r"[\n;]+"):
        name = re.sub(r"\[[^\]]*\]", "", item).strip(" .,-—")  # «Платёж не прошёл (Enterprise)» whole
        column = columns[col]
        if name:
            rows.append(Row(sheet=sheet.name, number=index + 1,
                            headers={"scenario": column.header, "segments": column.header,
                                     "stage": plan.columns[0].header},
                            cells={"scenario": name, "stage": values.id_text(first), "known_only": "1",
                                   "alias": re.sub(r"\([^)]*\)", "", name).strip(" .,-—"),
                                   "segments": column.header if column.field == "segments" else "",
                                   "status": "planned" if _PLANNED_MARK.search(item) else ""}))
    return Table("matrix", sheet.name, rows, derived=True)


def _block_tables(sheet: RawSheet, plan: SheetPlan, columns: dict[str, tuple[int, str]]) -> list[Table]:
    """Scenarios as blocks: each steps row, with its block's facts row added as scenario-level columns."""
    from audit.importer.recognize import row_signature

    head = plan.head_fields()
    width = max((len(r) for r in sheet.rows), default=0)
    head_signature = None
    for row in sheet.rows:
        signature = row_signature(row)
        if signature and all(values.normalize_word(c.header) in signature for c in plan.columns if c.head):
            head_signature = signature
            break
    steps_signature = row_signature(sheet.rows[plan.header_row])
    columns = dict(columns)
    for offset, (fld, (_, label)) in enumerate(head.items()):
        columns[fld] = (width + offset, label)
    rows: list[list[object]] = [list(sheet.rows[plan.header_row])]
    numbers = [plan.header_row + 1]
    facts: list[object] | None = None
    in_steps = False
    index = 0
    while index < len(sheet.rows):
        raw = sheet.rows[index]
        signature = row_signature(raw)
        if signature == head_signature:
            following = sheet.rows[index + 1] if index + 1 < len(sheet.rows) else []
            facts = [following[col] if col < len(following) else "" for col, _ in head.values()]
            in_steps = False
            index += 2
            continue
        if signature == steps_signature:
            in_steps = True
        elif not signature:
            in_steps = False
        elif in_steps and facts is not None:
            rows.append(list(raw) + [""] * (width - len(raw)) + facts)
            numbers.append(index + 1)
        index += 1
    return flat_tables(sheet.name, rows, 0, columns, {}, numbers)


_ISSUE_TAG = re.compile(r"\(([^()]{1,40})\)\s*$")


def _calendar_issue(sheet: RawSheet, header_row: int, calendar: list[int],
                    columns: dict[str, tuple[int, str]]) -> RawSheet:
    """A content calendar's rows with the mailing's issue in columns of their own: its message (the first week's,
    where the row has no message column), its type (the type most of its issues are tagged with: «Новогодний
    sale (email, промо)»), and its channel where the row names none."""
    from audit.importer.flat import packed_touch_tag

    width = max((len(r) for r in sheet.rows), default=0)
    rows = [list(r) + [""] * (width - len(r)) for r in sheet.rows]
    added = [fld for fld in ("message", "message_type", "channel") if fld not in columns]
    header = rows[header_row][calendar[0]] if header_row < len(rows) else ""
    for offset, fld in enumerate(added):
        columns[fld] = (width + offset, values.text(header))
    for index, row in enumerate(rows):
        if index <= header_row:
            row.extend([""] * len(added))
            continue
        issues = [values.text(row[col]) for col in calendar if col < len(row) and values.text(row[col])]
        tags = [packed_touch_tag(m.group(1)) for text in issues if (m := _ISSUE_TAG.search(text))]
        kinds = [t[1] for t in tags if t[1]]
        channels = [t[0] for t in tags if t[0]]
        said = {"message": _ISSUE_TAG.sub("", issues[0]).strip() if issues else "",
                "message_type": max(set(kinds), key=lambda k: (kinds.count(k), k)) if kinds else "",
                "channel": channels[0] if channels else ""}
        row.extend(said[fld] for fld in added)
    return RawSheet(sheet.name, rows, sheet.errors)


def _ticked_channel(sheet: RawSheet, header_row: int, ticks: list) -> RawSheet:
    """The sheet with one more column: the channel whose column is ticked on each row (the first, if several);
    the tick's mark stripped from its header ("Push ✓" → Push)."""
    width = max((len(r) for r in sheet.rows), default=0)
    rows = [list(r) + [""] * (width - len(r)) for r in sheet.rows]
    names = [(c.index, re.sub(r"[^\w\s-]+", "", c.header).strip() or c.header) for c in ticks]
    for index, row in enumerate(rows):
        ticked = [name for col, name in names if index > header_row and values.boolean(row[col]) is True]
        row.append(ticked[0] if ticked else "")
    return RawSheet(sheet.name, rows, sheet.errors)


def _with_column(sheet: RawSheet, header_row: int, value: object) -> RawSheet:
    """The sheet with one more column holding `value` on every row below the header that holds something."""
    width = max((len(r) for r in sheet.rows), default=0)
    rows = [list(r) + [""] * (width - len(r)) for r in sheet.rows]
    for index, row in enumerate(rows):
        row.append(value if index > header_row and any(values.text(c) for c in row) else "")
    return RawSheet(sheet.name, rows, sheet.errors)


def _scenario_sheet_tables(sheet: RawSheet, plan: SheetPlan, columns: dict[str, tuple[int, str]]) -> list[Table]:
    """One scenario per sheet: its key–value head becomes scenario-level columns of its step rows."""
    head = scenario_head(sheet, plan.header_row - plan.header_rows + 1)
    width = max((len(r) for r in sheet.rows), default=0)
    code = head.pop("id", None)  # «ID: SC10» beside «Сценарий: Бонусы сгорают»: the code is the id, the name its title
    if code is not None and not values.text(code[0]):
        code = None
    if code is not None and "name" in head:
        head["scenario_name"] = head["name"]
        head["name"] = code
    elif code is not None:
        head["name"] = code
    if "name" not in head:  # no facts above the steps: the title line above them, else the sheet, names it
        titles = [values.text(c) for r in sheet.rows[:plan.header_row - plan.header_rows + 1]
                  for c in r if values.text(c)][:1]
        head["name"] = (titles[0] if titles else sheet.name, 0, "", "")
    extra = {"scenario": (head["name"][0], head["name"][2] or sheet.name)}
    extra.update({fld: (value, label) for fld, (value, _, label, _) in head.items()
                  if fld != "name" and fld in (*SCENARIO_FIELDS, *STEP_FIELDS)})
    columns = dict(columns)
    rows = [list(r) for r in sheet.rows]
    for offset, (fld, (value, label)) in enumerate(extra.items()):
        columns[fld] = (width + offset, label)
    filler = [value for value, _ in extra.values()]
    steps = 0
    for index in range(plan.header_row + 1, len(rows)):
        row = rows[index]
        if any(values.text(c) for c in row):
            rows[index] = row + [""] * (width - len(row)) + filler
            steps += 1
    if steps:
        return flat_tables(sheet.name, rows, plan.header_row, columns, sheet.errors)
    # a card whose steps table is still empty declares its scenario all the same (MAP005 says it has no steps)
    head_row = head["name"][1] or plan.header_row + 1  # the row naming the scenario
    card = [""] * width + filler
    numbers = [*range(1, plan.header_row + 2), head_row]
    tables = flat_tables(sheet.name, [*rows[:plan.header_row + 1], card], plan.header_row, columns, {}, numbers)
    return [t for t in tables if t.entity == "scenarios"]


def _review_from_scenarios(commap: CommMap) -> None:
    """A map that states no review date of its own was last reviewed when its latest scenario was."""
    if commap.meta.last_reviewed is not None:
        return
    reviewed = [s for s in commap.scenarios if s.last_reviewed is not None]
    if reviewed:
        latest = max(reviewed, key=lambda s: s.last_reviewed)
        commap.meta.last_reviewed = latest.last_reviewed
        commap.meta.source = Source(sheet=latest.source.sheet, row=latest.source.row,
                                    columns={"last_reviewed": latest.source.columns.get("last_reviewed", "")})


def _meta_from_facts(plan: ReadingPlan) -> tuple[MapMeta, list[ImportProblem]]:
    """The map's facts, wherever the plan found them (the Map sheet first, then title lines); a fact
    on the Map sheet that cannot be read is MAP003 at its cell, reported under the map's name."""
    columns = {fact.field: fact.label for fact in plan.facts}
    meta = MapMeta(source=Source(sheet=plan.facts[0].sheet if plan.facts else None, columns=columns))
    problems = []
    for fact in sorted(plan.facts, key=lambda f: f.field != "name"):
        if fact.error:
            problems.append(ImportProblem(
                code="MAP003", entity_kind="map", entity_id=meta.name or fact.sheet,
                location=Location(sheet=fact.sheet, row=fact.row, column=fact.label),
                params={"column": fact.label, "value": values.text(fact.value), "reason": fact.error},
            ))
        elif fact.field == "last_reviewed":
            meta.last_reviewed = fact.value
            meta.source = Source(sheet=fact.sheet, row=fact.row, columns=columns)
        else:
            setattr(meta, fact.field, values.text(fact.value))
    return meta, problems


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    files = sorted(p for p in path.iterdir() if p.suffix.casefold() == ".csv") if path.is_dir() else [path]
    for file in files:
        with file.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def _read_table(sheet: RawSheet, entity: str, header_index: int, columns: dict[str, tuple[int, str]]) -> Table:
    headers = {fld: header for fld, (_, header) in columns.items()}
    rows = []
    fields = tuple(columns)
    indexes = [col for col, _ in columns.values()]
    # the cells of a row, in the fields' order: one C-level pick per row when the row is wide enough
    if len(indexes) > 1:
        pick = itemgetter(*indexes)
    else:
        pick = (lambda raw: (raw[indexes[0]],)) if indexes else (lambda raw: ())
    widest = max(indexes) if indexes else -1
    for index in range(header_index + 1, len(sheet.rows)):
        raw = sheet.rows[index]
        if len(columns) > 1 and is_note(raw):
            continue
        if len(raw) > widest:
            cells = dict(zip(fields, pick(raw)))
        else:
            cells = {fld: (raw[col] if col < len(raw) else "") for fld, (col, _) in columns.items()}
        errors = {fld: sheet.errors[(index, col)] for fld, (col, _) in columns.items()
                  if (index, col) in sheet.errors} if sheet.errors else {}
        rows.append(Row(sheet=sheet.name, number=index + 1, cells=cells, headers=headers, errors=errors))
    return Table(entity, sheet.name, rows)
