"""The single-sheet trigger map (SPEC §2): one wide table, one row per touchpoint.

Recognition (audit/importer/recognize.py) decides that a sheet is in this form and which column
holds which field; this module only turns its rows into scenario and step rows. Scenarios, steps — and, through `derive_undeclared`, segments,
stages, channels and events — come from the distinct values. Rows continuing a scenario with
blank cells (merged-cell style) inherit the scenario and its scenario-level cells from above.
The scenario's id is the scenario cell as written (a name is fine); its segments are the union
of the segment cells of its rows. Missing step ids are numbered 1, 2, 3… within the scenario.
Scenario-level columns of the normalized Scenarios sheet (type, trigger, schedule, goal event,
stop event, KPI, owner, status, review date) may appear on the wide sheet too.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from audit import values
from audit.conditions import channel_word
from audit.importer.normalized import Row, Table
from audit.importer.schema import CHANNEL_KINDS, GO_BACK

STEP_FIELDS = ("step", "channel", "message", "message_type", "delay", "condition", "next", "system", "block", "branch")
_TOUCH_FIELDS = ("channel", "message", "message_type", "delay", "condition", "trigger")
_STEP_TOUCH_FIELDS = ("channel", "message", "delay", "condition", "next", "system")  # what makes a row a step
SCENARIO_FIELDS = ("scenario_name", "type", "segments", "stage", "trigger", "schedule", "goal", "goal_event",
                   "stop_event", "kpi", "owner", "status", "last_reviewed")

def is_note(row: list[object]) -> bool:
    """A row holding one long sentence and nothing else is a note under a table, not a record."""
    first = row[0] if row else None
    if not isinstance(first, str) or len(first) <= 40 or " " not in first:
        return False  # the usual record starts with a short id: decided on its first cell alone
    return all(c in ("", None) for c in row[1:])


def flat_tables(sheet_name: str, rows: list[list[object]], header_index: int,
                columns: dict[str, tuple[int, str]], errors: dict[tuple[int, int], str],
                numbers: list[int] | None = None) -> list[Table]:
    """Scenario, step and declared-segment rows of a wide sheet; `numbers` gives each row's number on
    the sheet when `rows` is not the sheet as it stands (rows split by channel group)."""
    if "scenario" not in columns and "scenario_name" in columns:
        columns["scenario"] = columns.pop("scenario_name")  # the scenario's name alone serves as its id
    headers = {fld: header for fld, (_, header) in columns.items()}
    scenario_rows: dict[str, Row] = {}
    segments: dict[str, dict[str, None]] = {}
    step_rows: list[Row] = []
    declared: list[Row] = []
    size_headers = {"segments": headers.get("segments", "segments"), "size": headers.get("size", "size")}
    counters: dict[str, int] = {}
    carry: dict[str, object] = {}
    group = ""  # the segment a row of its own named above: the chains under it are for it
    group_title = ""  # a row holding one word above a group of rows («Lead», «Онбординг»): the stage, if one is so named
    header_texts = [values.text(c) for c in rows[header_index]] if header_index < len(rows) else []
    above = next((i for i in range(header_index - 1, -1, -1) if any(values.text(c) for c in rows[i])), None)
    titled = _segment_title(rows[above]) if above is not None else None
    if titled is not None:  # the first block's title stands above the header
        declared.append(_titled_segment(sheet_name, numbers[above] if numbers else above + 1, titled))
        group = titled["segments"][1]
    for index in range(header_index + 1, len(rows)):
        raw = rows[index]
        cells = {fld: (raw[col] if col < len(raw) else "") for fld, (col, _) in columns.items()}
        cell_errors = {fld: errors[(index, col)] for fld, (col, _) in columns.items() if (index, col) in errors}
        if not cell_errors and all(values.text(v) == "" for v in cells.values()):
            continue
        if not cell_errors and values.summary_row(raw):
            continue  # «Итого: 13 цепочек» closes the table, it describes no scenario
        titled = _segment_title(raw)
        if titled is not None:  # «Сегмент: Новички | Размер: 48 200 чел. | Стоп-лист: нет» over a block of chains
            declared.append(_titled_segment(sheet_name, numbers[index] if numbers else index + 1, titled))
            carry = {}
            group = titled["segments"][1]
            continue
        if header_texts and [values.text(c) for c in raw] == header_texts:
            carry = {}  # the header written again over the next block
            continue
        if is_note(raw) and columns.get("segments", (None,))[0] != 0:
            continue  # «* Telegram — через бота, см. лист …» under the table; a long segment name stays one
        scenario = values.id_text(cells.get("scenario", ""))
        segment = values.id_text(cells.get("segments", ""))
        filled = [fld for fld, v in cells.items() if values.text(v) != ""]
        if not cell_errors and len(columns) >= 4 and len(filled) == 1 and filled[0] in ("scenario", "step", "counter"):
            carry = {}  # a lone word in the scenario column («ONBOARDING») heads a group of rows: perhaps a stage
            group_title = values.text(cells[filled[0]])
            continue
        if segment and not scenario and not any(values.text(cells.get(f, "")) for f in _TOUCH_FIELDS):
            # a row that only names a segment declares it; it also closes the block above, and heads the
            # chains below it that name no segment of their own (an outline: segment, its chains, their touches)
            declared.append(Row(sheet=sheet_name, number=numbers[index] if numbers else index + 1,
                                headers=size_headers,
                                cells={"segments": segment, "size": cells.get("size", "")}))
            carry = {}
            group = segment
            continue
        if scenario and not segment and group and scenario != carry.get("scenario"):
            cells["segments"] = segment = group
        if segment and not scenario and segment != values.id_text(carry.get("segments", "")):
            carry = {}  # a new segment block: the scenario above does not run on into it
        if not scenario or scenario == carry.get("scenario"):
            for fld in ("scenario", *SCENARIO_FIELDS):
                if values.text(cells.get(fld, "")) == "" and fld in carry:
                    cells[fld] = carry[fld]
        else:
            carry = {}
        carry.update({fld: cells[fld] for fld in ("scenario", *SCENARIO_FIELDS)
                      if fld in cells and values.text(cells[fld]) != ""})
        scenario = values.id_text(cells.get("scenario", ""))
        number = numbers[index] if numbers else index + 1
        if scenario:
            key = scenario.casefold()
            counters[key] = counters.get(key, 0) + 1
            if values.text(cells.get("step", "")) == "":
                cells["step"] = str(counters[key])
                cells["numbered"] = "row"  # numbered by its row: the sheet writes no step number
            segments.setdefault(key, {}).update(dict.fromkeys(values.id_list(cells.get("segments", ""))))
            if segment and values.text(cells.get("size", "")):
                # the size written beside a segment on a wide sheet sizes that segment
                declared.append(Row(sheet=sheet_name, number=number, headers=size_headers,
                                    cells={"segments": segment, "size": cells["size"], "known": "yes"}))
            if key not in scenario_rows:
                scenario_rows[key] = Row(sheet=sheet_name, number=number, cells={}, headers={})
            _merge_scenario(scenario_rows[key], cells, headers, scenario)
            if group_title and not values.text(cells.get("stage", "")):
                scenario_rows[key].cells.setdefault("stage_group", group_title)
        if scenario and not cell_errors and not any(values.text(cells.get(f, "")) for f in _STEP_TOUCH_FIELDS):
            continue  # the scenario is written down, its steps are not yet («шаги распишем после согласования»)
        step_cells = {fld: cells.get(fld, "") for fld in ("scenario", *STEP_FIELDS, "record", "numbered") if fld in cells}
        step_cells.setdefault("step", cells.get("step", ""))
        # error cells of scenario-level columns are reported on this row too, where they are
        step_headers = {fld: headers.get(fld, fld) for fld in (*step_cells, *cell_errors)}
        for touch in _touches_by_line(step_cells, counters, scenario.casefold() if scenario else ""):
            touch = _step_said(touch)
            touch_headers = step_headers if touch.keys() <= step_headers.keys() else {
                **step_headers, **{fld: headers.get("step", fld) for fld in touch if fld not in step_headers}}
            step_rows.append(Row(sheet=sheet_name, number=number, cells=touch, headers=touch_headers,
                                 errors=cell_errors))
    sheet_kind = _kind_of_sheet(sheet_name)
    for key, row in scenario_rows.items():
        row.cells["segments"] = ", ".join(segments.get(key, {}))
        if not values.text(row.cells.get("type", "")):
            row.cells["type"] = "trigger" if values.text(row.cells.get("trigger", "")) else (
                "regular" if values.text(row.cells.get("schedule", "")) else sheet_kind)
    return [Table("scenarios", sheet_name, list(scenario_rows.values()), derived=True),
            Table("steps", sheet_name, step_rows, derived=True),
            Table("declared_segments", sheet_name, declared, derived=True)]


_LINE_FIELDS = ("step", "channel", "message", "message_type", "delay", "condition", "system")


def _touches_by_line(cells: dict[str, object], counters: dict[str, int], key: str) -> list[dict[str, object]]:
    """A row whose channel cell lists several channels a line each («Email\nApp push\nSMS») holds that many
    touches, line by line, in every cell that has as many lines (the others hold for each): an owner's sheet
    writing a flow's touches in one row. Steps numbered by the row are numbered on; written ones take their line."""
    channels = str(cells.get("channel", "")).splitlines() if isinstance(cells.get("channel"), str) else []
    channels = [c for c in channels if c.strip()]
    if len(channels) < 2:
        return _touches_by_arrow(cells, counters, key)
    lines = {}
    for fld in _LINE_FIELDS:
        value = cells.get(fld)
        if isinstance(value, str) and "\n" in value:
            split = [line.strip() for line in value.splitlines() if line.strip()]
            if len(split) == len(channels):
                lines[fld] = split
    touches = []
    for index in range(len(channels)):
        touch = {**cells, **{fld: split[index] for fld, split in lines.items()}}
        if index and "step" not in lines:
            touch["step"] = _next_step_number(cells, counters, key, index)
        touches.append(touch)
    return touches


def _next_step_number(cells: dict[str, object], counters: dict[str, int], key: str, index: int) -> str:
    """The step id of the `index`-th touch a row holds: numbered on when the row's step was numbered by the
    row, else the row's step with the touch's place (`3.2`)."""
    if cells.get("numbered") == "row" and key:
        counters[key] = counters.get(key, 0) + 1
        return str(counters[key])
    return f"{values.text(cells.get('step', ''))}.{index + 1}"


def _touches_by_arrow(cells: dict[str, object], counters: dict[str, int], key: str) -> list[dict[str, object]]:
    """A row whose channel cell is a whole chain written with arrows («email сразу → push +1 д (если не открыл) →
    SMS +3 д»): a touch per part, each with its channel, timing and condition; a cell listing as many items
    split by «;» (templates, messages) gives each touch its own."""
    text = cells.get("channel")
    if not isinstance(text, str):
        return [cells]
    if not _ARROW.search(text):  # «push через 2 ч»: one touch, its channel and timing in the channel cell
        touch = packed_touch(text) if len(text.split()) > 1 else None
        if touch is None or not (touch["delay"] or touch["condition"]) or touch["message"] \
                or not _all_when(", ".join(t for t in (touch["delay"], touch["condition"]) if t)):
            return [cells]  # "Store staff": a channel of two words, not a channel and when
        said = {**cells, "channel": touch["channel"]}
        for fld in ("delay", "condition"):
            if touch[fld] and not values.text(cells.get(fld, "")):
                said[fld] = touch[fld]
        return [said]
    parts = [p for p in _ARROW.split(" ".join(text.split())) if p.strip()]
    touches = [packed_touch(p) for p in parts]
    if len(parts) < 2 or any(t is None for t in touches):
        return [cells]
    listed = {fld: [i.strip() for i in re.split(r"\s*;\s*", value) if i.strip()]
              for fld in ("message", "message_type") if isinstance(value := cells.get(fld), str)}
    out = []
    for index, touch in enumerate(touches):
        row = {**cells, "channel": touch["channel"], "delay": touch["delay"] or cells.get("delay", "")}
        if touch["condition"]:
            row["condition"] = touch["condition"]
        for fld, items in listed.items():
            if len(items) == len(parts):
                row[fld] = items[index]
        if index:
            row["step"] = _next_step_number(cells, counters, key, index)
        out.append(row)
    return out


_CLAUSE_SPLIT = re.compile(r"\s*[,;]\s*|\s+[–—-]\s+|\s+(?=(?:only\s+if|только\s+если)\b)"
                           r"|(?<!only)(?<!только)\s+(?=(?:if|unless|если)\b)", re.IGNORECASE)



def _step_said(cells: dict[str, object]) -> dict[str, object]:
    """A touch described in its step cell where the sheet has no timing column ("Day 2, 6pm – only if the welcome
    email wasn't open", "Day 0: welcome email with the app link"): its timing and condition, read from the words
    before a colon, clause by clause."""
    text = values.text(cells.get("step", ""))
    if "delay" in cells or len(text.split()) < 2:
        return cells
    from audit.timing import parse_timing

    head, colon, rest = text.partition(":")
    delay, condition = [], []
    loop = None
    # its timing before a colon; a condition anywhere ("Next morning 10am: email … – only if the SMS wasn't delivered")
    condition += [c.strip() for c in _CLAUSE_SPLIT.split(rest) if c and c.strip() and _CONDITION_CLAUSE.match(c.strip())]
    for clause in (c.strip() for c in _CLAUSE_SPLIT.split(head) if c and c.strip()):
        back = GO_BACK.search(clause)
        if back:
            loop = re.sub(r"\s+(?:and|и|then|затем)\s.*$", "", (back.group("target") or back.group("ru"))).strip(" .")
            continue
        if _CONDITION_CLAUSE.match(clause):
            condition.append(clause)
        elif parse_timing(clause).understood:
            delay.append(clause)
    if not delay and not condition and not loop:
        return cells
    said = {**cells, "delay": ", ".join(delay)}
    if loop and not values.text(cells.get("next", "")):
        said["next"] = loop
    if condition and not values.text(cells.get("condition", "")):
        said["condition"] = ", ".join(condition)
    return said


_SEGMENT_TITLE = re.compile(r"^\s*(?P<label>сегмент|аудитория|база|segment|audience|cohort)\s*[:：]\s*(?P<rest>\S.*)$",
                            re.IGNORECASE | re.DOTALL)
_TITLE_PARTS = re.compile(r"\s*[|·•]\s*")
_SEGMENT_FACTS = ("size", "tier", "excluded", "parent", "notes")


def _segment_title(raw: list[object]) -> dict[str, tuple[str, str]] | None:
    """A row of one cell that names a segment and says its facts, heading the chains below it: «Сегмент:
    Новички | Размер: 48 200 чел. | Уровень: обычный | Стоп-лист: нет» → field → (label, value)."""
    texts = [values.text(c) for c in raw if values.text(c)]
    if len(texts) != 1 or not (found := _SEGMENT_TITLE.match(texts[0])):
        return None
    from audit.importer.recognize import header_scores

    parts = _TITLE_PARTS.split(found.group("rest").strip())
    said = {"segments": (found.group("label"), parts[0].strip())}
    for part in parts[1:]:
        label, colon, value = part.partition(":")
        scores = {f: v for f, v in header_scores(label.strip(), "segments").items() if f in _SEGMENT_FACTS}
        if colon and scores and value.strip():
            said.setdefault(max(scores, key=scores.get), (label.strip(), value.strip()))
    return said if said["segments"][1] else None


def _titled_segment(sheet_name: str, number: int, titled: dict[str, tuple[str, str]]) -> Row:
    return Row(sheet=sheet_name, number=number, headers={fld: label for fld, (label, _) in titled.items()},
               cells={fld: value for fld, (_, value) in titled.items()})


def _kind_of_sheet(name: str) -> str:
    """«Триггеры», "Trigger flows": every scenario of the sheet is a trigger chain (one with its trigger cell left
    empty is MAP004's); «Рассылки», "Newsletters": regular mailings. '' when the name says neither."""
    word = values.normalize_word(name)
    if "триггер" in word or "trigger" in word:
        return "trigger"
    if word.startswith(("рассылк", "newsletter", "broadcast")):
        return "regular"
    return ""


def _merge_scenario(row: Row, cells: dict[str, object], headers: dict[str, str], scenario: str) -> None:
    """The scenario's cells: its id, and each scenario-level field from the first row that fills it."""
    row.cells.setdefault("id", scenario)
    row.headers.setdefault("id", headers.get("scenario", "scenario"))
    for fld in SCENARIO_FIELDS:
        target = "name" if fld == "scenario_name" else fld
        if values.text(cells.get(fld, "")) != "" and values.text(row.cells.get(target, "")) == "":
            row.cells[target] = cells[fld]
            row.headers[target] = headers.get(fld, fld)
        elif fld in headers:
            row.headers.setdefault(target, headers[fld])  # the column is there, left empty for this scenario


def split_channel_groups(rows: list[list[object]], header_index: int, columns: dict[str, tuple[int, str]],
                         groups: dict[str, dict[str, tuple[int, str]]], errors: dict[tuple[int, int], str]
                         ) -> tuple[list[list[object]], list[int], dict[tuple[int, int], str]]:
    """A sheet with a column group per channel ("Email: тема | Email: когда | SMS: текст…"): each row
    becomes one row per channel group it fills, with that channel and the group's cells in columns
    of their own (added to `columns`). Returns the rows, each one's number on the sheet, the errors."""
    width = max((len(r) for r in rows), default=0)
    fields = sorted({f for group in groups.values() for f in group})
    plain = {f: columns.get(f) for f in fields}
    columns["channel"] = (width, next(iter(groups)))
    for offset, fld in enumerate(fields, 1):
        columns[fld] = (width + offset, plain[fld][1] if plain[fld] else fld)
    step_col = columns.get("step", (None,))[0]
    out: list[list[object]] = [list(r) for r in rows[:header_index + 1]]
    numbers = list(range(1, header_index + 2))
    moved: dict[tuple[int, int], str] = {(i, c): e for (i, c), e in errors.items() if i <= header_index}
    for index in range(header_index + 1, len(rows)):
        raw = list(rows[index]) + [""] * (width - len(rows[index]))
        filled = [(label, cols) for label, cols in groups.items()
                  if any(values.text(raw[c]) and not values.placeholder(raw[c]) for c, _ in cols.values() if c < len(raw))]
        filled = _in_sending_order(filled, raw)
        for position, (label, cols) in enumerate(filled or [(None, {})]):
            row = list(raw) + [label or ""] + [
                raw[cols[f][0]] if f in cols else (raw[plain[f][0]] if plain[f] else "") for f in fields]
            if position and step_col is not None and values.text(raw[step_col]):
                row[step_col] = f"{values.text(raw[step_col])}.{position + 1}"  # two channels on one row
            moved.update({(len(out), c): e for (i, c), e in errors.items() if i == index})
            out.append(row)
            numbers.append(index + 1)
    return out, numbers, moved


def _in_sending_order(filled: list[tuple[str, dict[str, tuple[int, str]]]], raw: list[object]
                      ) -> list[tuple[str, dict[str, tuple[int, str]]]]:
    """A row's channel groups in the order their touches go out. The columns' order says nothing of it
    when a group's timing is written after another channel of the row («+1 день после SMS» under
    "Email", left of "SMS"): that group goes right after the one it names."""
    from audit.timing import parse_timing

    order = list(filled)
    names = {values.normalize_word(label): label for label, _ in filled}
    for label, cols in filled:
        if "delay" not in cols:
            continue
        timing = parse_timing(raw[cols["delay"][0]])
        after = names.get(values.normalize_word(timing.anchor_text or "")) if timing.anchor_relation == "after" else None
        if after is None or after == label:
            continue
        group = next(g for g in order if g[0] == label)
        order.remove(group)
        order.insert(next(i for i, g in enumerate(order) if g[0] == after) + 1, group)
    return order


# --- touches packed as text, a column per touch («Касание 1 | Касание 2»: "через 2 дня → Email «…»") ----

_ARROW = re.compile(r"\s*(?:→|->|=>|⟶|➝|➔|⇒)\s*")
_QUOTE = re.compile(r"[«\"“„(]")
_OPENING, _CLOSING = "«“„([", "»”)]"
_CONDITION_CLAUSE = re.compile(r"^(?:если|if|unless|не\s|not\s|no\s|нет\s|only|только|when not|didn)", re.IGNORECASE)
_TRAILING_BRACKET = re.compile(r"\s*\(([^()]*)\)\s*$")
_TRAILING_TAG = re.compile(r"\s*[\[(]([^\[\]()]{1,30})[\])]\s*$")
_AFTER_CHANNEL = re.compile(r"^(?P<head>[^()«\"“„:—–]*?)\s*\((?P<clause>[^()]*)\)(?P<rest>.*)$")
_GOES_TO_STEP = re.compile(r"\b(?:шаг\w*|step|касани\w*|touch)\s*№?\s*\d+", re.IGNORECASE)
_LOOP_TAIL = re.compile(r"(?:[;.]|,(?=\s*(?:затем|потом|после\s+чего|then|and\s+then)\b))\s*"
                        r"(?P<tail>[^;.]*\b(?:снова|опять|again|back\s+to|заново)\b[^;]*"
                        r"\b(?:шаг\w*|step|касани\w*|touch)\s*№?\s*\d+[^;]*)$", re.IGNORECASE)
_INLINE_ITEM = re.compile(r"\s+(?=\d{1,2}\)\s)")
_LIST_ITEM = re.compile(r"^\s*(?:(?:шаг|step|касание|touch|t|к)\s*)?(\d{1,2})\s*[).:]\s*(?=\S)", re.IGNORECASE)
PACKED_FIELDS = ("channel", "message", "delay", "condition")
PACKED_EXTRA = ("message_type", "next")  # what a touch may say of itself; else the row's own column says it


class TouchColumn(NamedTuple):
    """A column holding touches as text: one touch a cell («Касание 2»), the whole chain as a numbered
    list in one cell (`chain`), or a timeline's day column whose header is the touch's timing (`day`)."""
    col: int
    header: str
    day: str | None = None
    chain: bool = False


def _names_channel(text: str) -> bool:
    """Whether `text` is a channel's name ("Email", «Звонок КЦ», "Telegram-бот"), not a phrase holding one."""
    words = text.split()
    if not words or len(words) > 3 or "," in text or any(ch.isdigit() for ch in text):
        return False
    return values.normalize_word(text) in CHANNEL_KINDS or channel_word(words[0]) is not None


def _message_start(what: str) -> int | None:
    """Where the message begins in "Channel, when — message": the first colon or spaced dash outside
    quotes and brackets (a quoted event name in a condition is no message), else the first quote."""
    depth = 0
    for index, ch in enumerate(what):
        if ch in _OPENING or (ch == '"' and depth == 0):
            depth += 1
        elif ch in _CLOSING or (ch == '"' and depth > 0):
            depth = max(0, depth - 1)
        elif depth == 0 and ((ch == ":" and not what[index + 1:index + 2].isdigit())
                             or (ch in "—–" and index and what[index - 1] == " ")):
            return index
    quote = _QUOTE.search(what)
    return quote.start() if quote else None


def _message_type_tag(text: str) -> tuple[str, str]:
    """A trailing tag naming the message's type ("… [promo]", «… [сервис]»): (text without it, the type)."""
    from audit.importer.schema import MESSAGE_TYPES

    match = _TRAILING_TAG.search(text)
    if match is None:
        return text, ""
    try:
        known = values.choice(match.group(1), MESSAGE_TYPES, "", fuzzy=False)
    except ValueError:
        known = None
    return (text[:match.start()], match.group(1).strip()) if known is not None else (text, "")


@lru_cache(maxsize=1 << 14)
def packed_touch(text: str) -> dict[str, str] | None:
    """A whole touch written in one cell, as cascade tables do: "через 3 дня, если не открыл письмо →
    Push «Ваши -10%»", "Email, сразу: «Welcome»", "Push (if email not opened): Pick up [promo]" →
    channel, message, timing (`delay`) and condition, each as written, for the usual readers of those
    cells. The channel is what the arrow leads to (or the first word when there is no arrow), up to the
    message (a colon or spaced dash outside quotes, else a quote or bracket); before the arrow, clauses
    starting with a condition word (если, if, не…) are the condition and the rest the timing, and so is
    a bracketed condition or timing right after the channel. A trailing "[promo]" naming a message type is the
    `message_type`; a last arrow leading to no channel («→ затем снова шаг 2») is the `next`. None
    when no channel is named: that cell is no packed touch."""
    text = " ".join(text.split())
    labelled = _ROBOT_LABEL.match(text)
    if labelled:  # «Робот: при переходе на этап — письмо …»; «Триггер: сделка на этапе > 5 дней — письмо …»
        text = text[labelled.end():]
        said_trigger = _TRIGGER_SAID.match(text) if labelled.group(1).casefold() in ("триггер", "trigger") else None
        if said_trigger and not _all_when(said_trigger.group("head")):
            touch = packed_touch(said_trigger.group("rest"))
            return {**touch, "trigger": said_trigger.group("head").strip()} if touch else None
    numbered = _LIST_ITEM.match(text)
    if numbered and numbered.end() < len(text) and not text[numbered.end()].isdigit():  # «28.11.2026» is a date
        text = text[numbered.end():]  # «2) SMS через 2 часа — «…»»: one item of a list written a row each
    parts = _ARROW.split(text)
    following = ""
    if len(parts) > 1 and not _leads_to_channel(parts[-1]) and (
            _leads_to_channel(parts[-2]) or _GOES_TO_STEP.search(parts[-1])):
        following, parts = parts[-1], parts[:-1]  # "… → then back to step 2": where the chain goes next
    elif (loop := _LOOP_TAIL.search(parts[-1])) is not None:
        # «…(акция); если нет события «Бонусы списаны» — через 4 дня снова шаг 1»: the chain loops back
        following, parts = loop.group("tail").strip(), [*parts[:-1], parts[-1][:loop.start()]]
    when, what = " → ".join(parts[:-1]), parts[-1]
    what, message_type = _message_type_tag(what)
    tail = _TRAILING_BRACKET.search(what)
    if tail and _CONDITION_CLAUSE.match(tail.group(1).strip()):  # "push +1 д (если не открыл)": its condition
        when, what = ", ".join(c for c in (when, tail.group(1).strip()) if c), what[:tail.start()]
    clause = _AFTER_CHANNEL.match(what)
    if clause and _names_channel(clause.group("head").strip(" ,;")) and _says_when(clause.group("clause")):
        # "Push (if email not opened): …": a condition (or timing) on the channel, then the message
        when = ", ".join(c for c in (when, clause.group("clause")) if c.strip())
        what = clause.group("head").strip(" ,;") + clause.group("rest")
    cut = _message_start(what)
    head, message = (what[:cut], what[cut:]) if cut is not None else (what, "")
    head = head.strip(" ,.;")
    first_clause, comma, later = head.partition(",")
    words = first_clause.split()
    for at in range(1, len(words)):  # «SMS сразу», «Звонок менеджера через 3 часа, если…»: the channel, then when
        if _names_channel(" ".join(words[:at])) and _says_when(" ".join(words[at:])):
            head = " ".join(words[:at])
            when = ", ".join(c.strip() for c in (" ".join(words[at:]), later, when) if c.strip())
            break
    if not _names_channel(head) and message and len(parts) == 1:
        # «через 1 час — email «Вы кое-что забыли»»: the timing, a dash, then the channel and its message
        rest = message.lstrip(" :—–")
        channel, _, after = rest.partition(" ")
        named = _compound_channel(channel.strip(",;:"))
        if named is not None and _all_when(head):
            after = re.sub(r"^\s*\([^()]*\)", "", after)  # «VK-рассылка (Senler): …»: the sender in brackets
            head, when, message = named[0], head, " ".join(p for p in (named[1], after.lstrip(" :")) if p)
        elif _all_when(head) and (at_end := _CHANNEL_AT_END.search(rest)) and _names_channel(at_end.group(1)):
            head, when, message = at_end.group(1), head, rest  # «если не прочитал — дублируем в Telegram»
        elif _all_when(head) and (word := _one_channel_word(rest)) is not None:
            head, when, message = word, head, rest  # «через 1 час — задача менеджеру: позвонить клиенту»
    dashed = re.match(r"^(?P<when>.+?)\s+[—–-]\s+(?P<channel>[^\s()]+)(?:\s*\([^()]*\))?$", head)
    if not _names_channel(head) and dashed and _all_when(dashed.group("when")) \
            and (named := _compound_channel(dashed.group("channel"))) is not None:
        # «12:00 — VK-рассылка (Senler): анонс…»: when, a dash, the channel (its sender in brackets), the message
        when = ", ".join(c for c in (dashed.group("when"), when) if c)
        head, message = named[0], " ".join(p for p in (named[1], message.lstrip(" :")) if p)
    if not _names_channel(head) and (named := _compound_channel(head)) is not None:
        head, message = named[0], " ".join(p for p in (named[1], message.lstrip(" :")) if p)  # «WA-напоминание: …»
    if not _names_channel(head):
        if len(parts) > 1:
            return None
        first, _, rest = head.partition(" ")  # "Email, через 2 дня «…»": the channel first, then when
        first = first.strip(",;")
        if not _names_channel(first):
            return None
        rest = rest.strip(" ,;")
        if rest and not _says_when(rest) and _LABEL_AFTER_CHANNEL.fullmatch(rest):
            rest = ""  # "Email #1 – …", "LinkedIn touch": the touch's label, not when it goes
        head, when = first, ", ".join(c for c in (rest, when) if c)
    clauses = [c.strip() for c in re.split(r";\s*|,(?!\d)\s*", when) if c.strip()]  # «через 1,5 часа» is one
    return {"channel": head,
            "message": message.strip(" :—–").strip(),
            "delay": ", ".join(c for c in clauses if not _CONDITION_CLAUSE.match(c)),
            "condition": ", ".join(c for c in clauses if _CONDITION_CLAUSE.match(c)),
            "message_type": message_type,
            "next": following}


def packed_touch_tag(text: str) -> tuple[str, str]:
    """A calendar issue's bracketed tag «email, промо» / "push, promo": (its channel, its message type), each ''
    when the tag does not say it."""
    from audit.importer.schema import MESSAGE_TYPES

    channel = kind = ""
    for part in re.split(r"[,;/]\s*", text):
        part = part.strip()
        if not channel and _names_channel(part):
            channel = part
            continue
        try:
            found = values.choice(part, MESSAGE_TYPES, "", fuzzy=False)
        except ValueError:
            found = None
        if found and not kind:
            kind = part
    return channel, kind


# words after a channel that label the touch: "#1", "№2", "touch", "message", «касание», «сообщение 2»
_LABEL_AFTER_CHANNEL = re.compile(r"(?:[#№]\s*\d{1,2}|(?:touch|message|msg|step|touchpoint|касание|сообщение|шаг)"
                                  r"(?:\s*[#№]?\s*\d{1,2})?)", re.IGNORECASE)


_ROBOT_LABEL = re.compile(r"^\s*(робот|триггер|автоматизация|правило|robot|trigger|automation|rule)\s*[:：]\s*",
                          re.IGNORECASE)
_TRIGGER_SAID = re.compile(r"^(?P<head>[^«\"“—–]+?)\s+[—–-]\s+(?P<rest>\S.*)$")


def _one_channel_word(text: str) -> str | None:
    """The one word naming a channel in what a robot does before its message («задача менеджеру позвонить
    клиенту», "create a task: call the lead"): None when it names none, or channels of two kinds."""
    said = re.split(r"[«\"“„(]", text, maxsplit=1)[0]
    words = [w for w in re.findall(r"[^\W\d_][\w-]*", said) if _names_channel(w)]
    kinds = {CHANNEL_KINDS.get(values.normalize_word(w), values.normalize_word(w)) for w in words}
    return words[0] if len(kinds) == 1 else None


_CHANNEL_AT_END = re.compile(r"(?:^|\s)(?:в|во|на|через|via|by|to|in)\s+([^\W_][\w-]*)\s*$", re.IGNORECASE)


def _compound_channel(word: str) -> tuple[str, str] | None:
    """A channel, or a channel hyphened to what goes through it («WA-напоминание», «VK-рассылка»,
    "SMS-reminder"): (the channel, the rest); None when the word names no channel."""
    word = word.strip(",;:")
    if _names_channel(word):
        return word, ""
    first, dash, rest = word.partition("-")
    if dash and rest and _names_channel(first):
        return first, rest
    return None


def _all_when(text: str) -> bool:
    """Whether every clause of a text is a timing or a condition («через 3 дня, если не купил»)."""
    clauses = [c for c in re.split(r";\s*|,(?!\d)\s*", text) if c.strip()]
    return bool(clauses) and all(_says_when(c) for c in clauses)


def _says_when(clause: str) -> bool:
    """Whether a bracketed clause after a channel is its condition or timing ("if email not opened",
    «через 2 дня»), not the message («скрипт «Вакцинация»»)."""
    from audit.timing import parse_timing

    return bool(_CONDITION_CLAUSE.match(clause.strip())) or parse_timing(clause).understood and bool(clause.strip())


def _leads_to_channel(part: str) -> bool:
    """Whether an arrow's part begins with a channel's name ("Push «…»", "Email, через 2 дня")."""
    head = re.split(r"[«\"“„(:—–,;\[]", part, maxsplit=1)[0].strip()
    return bool(head) and (_names_channel(head) or _names_channel(head.split()[0]))


def numbered_touches(text: str) -> list[tuple[int, str]]:
    """A chain written as a numbered list in one cell ("1) Email, сразу — «…»\n2) Push, через 1 день…",
    «1. …», "Step 1: …"): (number, item) in order; a line without a number continues the item above.
    Empty when the cell does not begin with a numbered item."""
    items: list[list] = []
    # «1) через 1 час — email «…» 2) через 1 день — push»: items written on one line split before each number
    lines = [part for line in str(text).splitlines() for part in _INLINE_ITEM.split(line)]
    for line in lines:
        match = _LIST_ITEM.match(line)
        if match:
            items.append([int(match.group(1)), line[match.end():].strip()])
        elif items and line.strip():
            items[-1][1] += " " + line.strip()
        elif line.strip():
            return []
    return [(number, item) for number, item in items]


def chain_cell(text: str) -> bool:
    """Whether a cell holds a chain as a numbered list of whole touches (most items name their channel) — or
    one numbered item of such a list, when an outline writes a touch a row («2) SMS через 2 часа — …»)."""
    items = numbered_touches(text)
    return bool(items) and sum(1 for _, item in items if packed_touch(item) is not None) * 2 > len(items)


# an item of a chain that sends nothing but says the chain starts over («повторяем с п.1», "repeat from step 1")
_REPEAT_ITEM = re.compile(r"повтор\w*|снова|заново|again|repeat\w*|back\s+to|start\s+over", re.IGNORECASE)


def _repeats_as_next(held: list[tuple[int, dict[str, str]]]) -> list[tuple[int, dict[str, str]]]:
    """An item of a chain that sends nothing but starts the chain over («3) не купил → через 14 дней повторяем с
    п.1, не более 2 раз») is where the touch before it goes next, not a touch of its own."""
    kept: list[tuple[int, dict[str, str]]] = []
    for number, touch in held:
        if not touch["channel"] and kept and _REPEAT_ITEM.search(touch["message"]) and not kept[-1][1]["next"]:
            kept[-1][1]["next"] = touch["message"]
            continue
        kept.append((number, touch))
    return kept


def _cell_touches(text: str, number: int, column: TouchColumn) -> list[tuple[int, dict[str, str]]]:
    """The touches one cell holds, numbered: its list's items, or the one touch (a day column's timed by
    its header, before the cell's own timing)."""
    items = numbered_touches(text) if column.chain else []
    found: list[tuple[int, dict[str, str]]] = []
    for item_number, item in items or [(number, text)]:
        touch = packed_touch(item)
        if touch is None:  # no channel in it: the text is the message, MAP004 names the channel
            touch = {"channel": "", "message": item, "delay": "", "condition": "", "message_type": "", "next": ""}
        if column.day is not None:
            touch = {**touch, "delay": ", ".join(t for t in (column.day, touch["delay"]) if t)}
        found.append((item_number, touch))
    return found


def split_touches(rows: list[list[object]], header_index: int, columns: dict[str, tuple[int, str]],
                  touches: dict[int, TouchColumn], errors: dict[tuple[int, int], str]
                  ) -> tuple[list[list[object]], list[int], dict[tuple[int, int], str]]:
    """A table of one row per scenario with its touches written as text — a column per touch, a numbered
    list in one cell, or a timeline's day columns: each row becomes one row per touch it holds, numbered
    by its column («Касание 2» → step 2), its place in the list, or (on a timeline) in the row, with the
    touch's channel, message, timing and condition in columns of their own (added to `columns`); its
    message type and next step where the touch says them, else the row's. Returns the rows, each one's
    number on the sheet, and the errors."""
    width = max((len(r) for r in rows), default=0)
    numbers_written = sorted(touches)
    first = touches[numbers_written[0]].header
    label = first if len(touches) == 1 else f"{first}–{touches[numbers_written[-1]].header}"
    own = {f: columns.get(f, (None,))[0] for f in PACKED_EXTRA}  # the row's own message type, next
    for offset, fld in enumerate(("step", *PACKED_FIELDS, *PACKED_EXTRA)):
        columns[fld] = (width + offset, label)
    in_row_order = any(t.day is not None for t in touches.values())
    out: list[list[object]] = [list(r) for r in rows[:header_index + 1]]
    numbers = list(range(1, header_index + 2))
    moved: dict[tuple[int, int], str] = {(i, c): e for (i, c), e in errors.items() if i <= header_index}
    for index in range(header_index + 1, len(rows)):
        raw = list(rows[index]) + [""] * (width - len(rows[index]))
        held = _repeats_as_next([touch for n, column in sorted(touches.items()) if (text := values.text(raw[column.col]))
                                 for touch in _cell_touches(text, n, column)])
        if in_row_order:
            held = [(position, touch) for position, (_, touch) in enumerate(held, 1)]
        for number, touch in held or [(None, None)]:
            extra = [str(number) if number is not None else ""] + [
                touch[f] if touch else "" for f in PACKED_FIELDS] + [
                (touch[f] if touch and touch[f] else (raw[own[f]] if own[f] is not None else "")) for f in PACKED_EXTRA]
            moved.update({(len(out), c): e for (i, c), e in errors.items() if i == index})
            out.append(raw + extra)
            numbers.append(index + 1)
    return out, numbers, moved
