"""Journeys drawn as swimlanes: a lane per channel down the side, the journey's moments across the top.

A retail team draws each journey on a sheet of its own, its facts above the lanes:

    Journey | J03 Basket abandon
    Trigger | Basket abandoned
    …
    Lane              | +1h                          | Day 1                               | Day 3
    👤 Customer action | Adds to bag, leaves          |                                     |
    📧 Email           | [service] 'You left …'       | If no order: [service] 'Saved …'    | If no order: [promo] '10% off'
    📱 Push            |                              |                                     |

Each filled cell of a channel's lane is a touch on that channel at the moment its column names: its
condition is what it says before a colon ("If no order:"), its message type the tag in brackets, its
message the rest. Touches follow each other column by column, lane by lane. A cell that only sends the
customer back ("↻ back to Day 0 and run the journey again") is where the touch before it goes next. Lanes
that are no channel ("Customer action", «Действие клиента») are the customer's side, not touches.

The sheet is rewritten as the facts above and a table of those touches, which the scenario-sheet reader
then reads like any sheet per scenario.
"""
from __future__ import annotations

import re

from audit import values
from audit.importer.workbook import RawSheet

HEAD_SCAN = 40  # rows looked at for the lanes' header
SAMPLE_ROWS = 200  # rows a layout is decided on: a 100,000-row sheet is not parsed cell by cell to be recognised
_NOT_A_LANE = re.compile(r"customer|client|клиент|покупател|гост[ья]|action|действи|trigger|триггер|событи|event|"
                         r"goal|цель|notes?\b|примечан|коммент", re.IGNORECASE)
_CONDITION = re.compile(r"^\s*(?P<condition>(?:if|only if|unless|если|только если)\b[^:]*?)\s*:\s*", re.IGNORECASE)
_TAG = re.compile(r"\[(?P<tag>[^\[\]]{2,24})\]")
_LOOP = re.compile(r"↻|↺|🔁|\bback to\b|\bstart over\b|\brun the journey again\b|заново|вернуться к|снова с",
                   re.IGNORECASE)
_QUOTES = "'\"«»“”‘’"
HEADER = ["Step", "Channel", "When", "Condition", "Message", "Message type", "Next"]


def swimlanes(sheet: RawSheet) -> RawSheet | None:
    """The sheet as its facts and a table of its touches, when it draws a journey as lanes; else None."""
    from audit.importer.recognize import names_channel

    rows = sheet.rows
    for index in _header_candidates(rows, 3):
        header = [values.text(c) for c in rows[index]]
        moments = [col for col, text in enumerate(header) if col and text and _moment(text)]
        named = [col for col, text in enumerate(header) if col and text and not _NOT_A_LANE.search(text)]
        if len(moments) < 2 or not header[0] or len(moments) * 5 < len(named) * 3:
            continue  # most of the header after the lanes' label must be moments: "Канал | Тихие часы | …" is none
        lanes = _lanes(rows, index)
        channels = [(row, _bare(values.text(rows[row][0]))) for row in lanes]
        channels = [(row, name) for row, name in channels if names_channel(name) or not _NOT_A_LANE.search(name)]
        if sum(1 for _, name in channels if names_channel(name)) < 2:
            continue
        columns = [col for col in range(moments[0], moments[-1] + 1) if header[col]]
        said = [values.text(rows[row][col]) for row, _ in channels for col in columns if col < len(rows[row])]
        said = [text for text in said if text]
        if not said or sum(1 for text in said if re.search(r"[^\W\d_]{3}", text)) * 2 < len(said):
            continue  # lanes of numbers (limits, costs) are a table of channels, not a journey
        return RawSheet(sheet.name, [list(r) for r in rows[:index]] + [HEADER] + _touches(rows, header, columns,
                                                                                              channels), {})
    return None


def _header_candidates(rows: list[list[object]], filled: int, tried: int = 3) -> list[int]:
    """The first few rows that could head a table: `filled` cells at least, the first of them filled."""
    found = []
    for index in range(min(HEAD_SCAN, len(rows))):
        row = rows[index]
        if row and values.text(row[0]) and sum(1 for c in row if values.text(c)) >= filled:
            found.append(index)
            if len(found) == tried:
                break
    return found


def _lanes(rows: list[list[object]], header: int) -> list[int]:
    """The rows below the header up to the first blank one: the lanes."""
    lanes = []
    for row in range(header + 1, len(rows)):
        if not any(values.text(c) for c in rows[row]):
            break
        if values.text(rows[row][0]):
            lanes.append(row)
    return lanes


def _touches(rows: list[list[object]], header: list[str], columns: list[int],
             channels: list[tuple[int, str]]) -> list[list[object]]:
    from audit.timing import parse_timing

    touches: list[list[object]] = []
    first_in: dict[int, int] = {}  # column → the number of its first touch
    at: dict[int, list[tuple[str, int]]] = {}  # column → (channel, touch number) of its touches
    for col in columns:
        when = header[col] if parse_timing(header[col]).understood else ""  # "At signup": when the journey starts
        cells = [(channel, text) for row, channel in channels
                 if (text := values.text(rows[row][col]) if col < len(rows[row]) else "")]
        cells.sort(key=lambda item: bool(_CONDITION.match(item[1])))  # a fallback after what it waits on
        for channel, text in cells:
            if _LOOP.search(text) and not _TAG.search(text):
                target = next((c for c in columns if header[c] and header[c].casefold() in text.casefold()), None)
                if touches and target is not None and target in first_in and not touches[-1][6]:
                    touches[-1][6] = str(first_in[target])  # «↻ back to Day 0»: the loop
                continue
            condition = _CONDITION.match(text)
            rest = text[condition.end():] if condition else text
            tag = _TAG.search(rest)
            message = (rest[:tag.start()] + rest[tag.end():]) if tag else rest
            first_in.setdefault(col, len(touches) + 1)
            at.setdefault(col, []).append((channel, len(touches) + 1))
            touches.append([len(touches) + 1, channel, when, condition["condition"] if condition else "",
                            message.strip(" :—–-" + _QUOTES), tag["tag"] if tag else "", ""])
    for touch in touches:  # "If Day 1 email not opened": the email of the Day 1 column, by its number
        touch[3] = _moment_named(str(touch[3]), header, at)
    return touches


def _moment_named(condition: str, header: list[str], at: dict[int, list[tuple[str, int]]]) -> str:
    """A condition naming the awaited touch by its column ("If Day 5 email not opened") names it by number."""
    if not condition:
        return condition
    for col in sorted(at, key=lambda c: -len(header[c])):
        found = re.search(rf"(?<!\w){re.escape(header[col])}(?!\w)", condition, re.IGNORECASE)
        if found is None:
            continue
        rest = condition[:found.start()] + condition[found.end():]
        number = next((n for channel, n in at[col] if re.search(rf"(?<!\w){re.escape(channel)}(?!\w)", rest,
                                                                re.IGNORECASE)), at[col][0][1])
        return f"{condition[:found.start()]}step {number}{condition[found.end():]}"
    return condition


def _moment(text: str) -> bool:
    """A header naming a moment of the journey: "+1h", "Day 3", «День 2», "7 days before", "On the day"."""
    from audit.importer.recognize import day_header
    from audit.timing import parse_timing

    return day_header(text) is not None or parse_timing(text).understood


def _bare(label: str) -> str:
    """A lane's label without its icon: «📧 Email» → Email."""
    return re.sub(r"^[^\w]+", "", label).strip()


# --- a sales pipeline's stages as columns ---------------------------------------------------------------

STAGE = "Этап"
_TOUCH_PARTS = ("channel", "delay", "condition", "message", "next", "trigger")
_TOUCH_HEADERS = ("Канал", "Когда", "Условие", "Сообщение", "Следующий шаг", "Событие-триггер")
_STAGE_FACTS = ("next_stages", "final")


def pipeline_columns(sheet: RawSheet) -> list[RawSheet] | None:
    """A CRM pipeline exported with its stages as columns («Новая заявка | Квалификация | КП отправлено …»)
    and each robot written in its stage's column, a row per step («Робот: при переходе на этап — письмо
    клиенту «…» (Unisender)»): the sheet with those columns folded into a stage column and a touch column,
    and, when rows under the header say where each stage leads («Переход на этап →») or which is final
    («Семантика этапа»), a stages sheet of its own. None for any other sheet."""
    from audit.importer.flat import packed_touch
    from audit.importer.recognize import header_scores

    rows = sheet.rows
    for index in _header_candidates(rows, 4):
        header = [values.text(c) for c in rows[index]]
        below = rows[index + 1:]
        sample = [r for r in below[:SAMPLE_ROWS] if not _stage_fact(r, header_scores)]  # decided on the first rows
        stages = [col for col, text in enumerate(header) if text and _touch_column(sample, col, packed_touch)]
        if len(stages) < 3 or not _one_per_row(sample, stages):
            continue
        facts: dict[str, dict[int, str]] = {}
        body: list[list[object]] = []
        for row in below:
            cells = {col: values.text(row[col]) if col < len(row) else "" for col in stages}
            said = _stage_fact(row, header_scores)
            if said:
                facts.setdefault(said, cells)  # «Переход на этап →»: a fact of each stage
                continue
            filled = [col for col in stages if cells[col]]
            kept = [cell for col, cell in enumerate(row) if col not in stages]
            touch = (packed_touch(cells[filled[0]]) or {"message": cells[filled[0]]}) if filled else {}
            if touch.get("delay"):  # «при переходе на этап»: onto this column's stage
                touch["delay"] = _STAGE_ENTRY.sub(lambda m: f"{m.group(0)} «{header[filled[0]]}»", touch["delay"])
            body.append(kept + [header[filled[0]] if filled else ""] + [touch.get(f, "") for f in _TOUCH_PARTS])
        kept_header = [text for col, text in enumerate(header) if col not in stages]
        out = [RawSheet(sheet.name, [list(r) for r in rows[:index]] + [kept_header + [STAGE, *_TOUCH_HEADERS]] + body,
                        {})]
        if facts:
            table = [[STAGE, *(("Следующий этап", "Финальный этап")[i] for i, f in enumerate(_STAGE_FACTS)
                               if f in facts)]]
            table += [[header[col], *(facts[f][col] for f in _STAGE_FACTS if f in facts)] for col in stages]
            out.append(RawSheet(f"{sheet.name} › {STAGE}", table, {}))
        return out
    return None


def _stage_fact(row: list[object], header_scores) -> str | None:
    """The stage fact a row under a pipeline's header gives («Переход на этап →»: next stages; «Семантика этапа»:
    final), by the label in its first cell; None for a row of steps."""
    label = values.text(row[0]) if row else ""
    if not label:
        return None
    said = {f: v for f, v in header_scores(label, "stages").items() if f in _STAGE_FACTS}
    return max(said, key=said.get) if said else None


_STAGE_ENTRY = re.compile(r"переход\w*\s+(?:на|в)\s+(?:этап|стади\w*)(?!\s*[«\"“])|(?:moved|moves|move)\s+to\s+"
                          r"(?:the\s+)?stage(?!\s*[«\"“])|stage\s+change", re.IGNORECASE)
_CHAIN_ARROW = re.compile(r"→|->|=>|⇒|➝|⟶")
_ROBOT = re.compile(r"^\s*(?:робот|триггер|automation|robot|trigger)\s*[:：]", re.IGNORECASE)


def _touch_column(body: list[list[object]], col: int, packed_touch) -> bool:
    """Whether a column's cells are whole touches or robots, sparsely (a pipeline stage's steps)."""
    said = [values.text(r[col]) for r in body if col < len(r) and values.text(r[col])][:40]
    if any(_CHAIN_ARROW.search(text) for text in said):
        return False  # «W1 Welcome: email (сразу) → email (через 1 д)»: a matrix's whole chains, not a stage's robots
    touches = sum(1 for text in said if _ROBOT.match(text) or packed_touch(text) is not None)
    return touches >= 1 and touches * 5 >= len(said) * 3


def _one_per_row(below: list[list[object]], stages: list[int]) -> bool:
    """Whether the rows fill at most one of the stage columns each (a step belongs to one stage)."""
    counts = [sum(1 for col in stages if col < len(r) and values.text(r[col])) for r in below]
    filled = [n for n in counts if n]
    return bool(filled) and sum(1 for n in filled if n == 1) * 10 >= len(filled) * 8


# --- events down, segments across: what each segment gets ------------------------------------------------

_TYPE_LETTER = re.compile(r"^\s*\[(?P<tag>[^\[\]]{1,24})\]\s*")
_LETTERS = {"s": "service", "m": "promo", "p": "promo", "i": "info", "c": "content", "n": "news", "t": "transactional"}
_SEGMENT_HEADERS = ("Segment", "Step", "Channel", "When", "Condition", "Message", "Message type")


def segment_columns(sheet: RawSheet, segment_names: frozenset[str]) -> RawSheet | None:
    """A message matrix: a row per scenario (its trigger event, goal, owner…) and a column per segment of the map,
    each cell what that segment gets («1) [S] Email D0: … 2) [S] SMS D+1, if email not opened: …», «—» for
    nothing). The sheet as a row per touch, each chain of a row and a segment a scenario of its own
    (`MM-02 · Small business`), for that segment. None for any other sheet."""
    from audit.importer.flat import numbered_touches, packed_touch

    rows = sheet.rows
    for index in range(min(HEAD_SCAN, len(rows))):
        header = [values.text(c) for c in rows[index]]
        columns = [col for col, text in enumerate(header) if col and values.normalize_word(text) in segment_names]
        if len(columns) < 2 or not _touch_cells(rows[index + 1:index + 1 + SAMPLE_ROWS], columns, packed_touch):
            continue
        kept_cols = [col for col in range(len(header)) if col not in columns]
        out = [list(r) for r in rows[:index]] + [[header[c] for c in kept_cols] + list(_SEGMENT_HEADERS)]
        for raw in rows[index + 1:]:
            kept = [raw[c] if c < len(raw) else "" for c in kept_cols]
            for col in columns:
                cell = values.text(raw[col]) if col < len(raw) else ""
                if not cell or values.placeholder(cell):
                    continue
                for number, item in numbered_touches(cell) or [(1, cell)]:
                    tag = _TYPE_LETTER.match(item)
                    kind = _LETTERS.get(tag["tag"].casefold(), tag["tag"]) if tag else ""
                    touch = packed_touch(item[tag.end():] if tag else item) or {"message": item}
                    row = list(kept)
                    row[0] = f"{values.text(kept[0])} · {header[col]}" if kept and values.text(kept[0]) else header[col]
                    out.append(row + [header[col], number, touch.get("channel", ""), touch.get("delay", ""),
                                      touch.get("condition", ""), touch.get("message", ""),
                                      kind or touch.get("message_type", "")])
        return RawSheet(sheet.name, out, {})
    return None


def _touch_cells(below: list[list[object]], columns: list[int], packed_touch) -> bool:
    """Whether the cells under the segment columns say touches (most of those that say anything)."""
    said = [values.text(r[c]) for r in below for c in columns if c < len(r) and values.text(r[c])
            and not values.placeholder(values.text(r[c]))]
    touches = 0
    for text in said:
        first = re.split(r"\n|\s(?=\d{1,2}\)\s)", text.strip())[0]
        first = re.sub(r"^\s*\d{1,2}[.)]\s*", "", first)
        tag = _TYPE_LETTER.match(first)
        touches += packed_touch(first[tag.end():] if tag else first) is not None
    return bool(said) and touches * 2 >= len(said)


def segment_names_of(sheets: list[RawSheet]) -> frozenset[str]:
    """The names a map's segment sheets list in their first two columns (before recognition reads them)."""
    from audit.importer.recognize import sheet_name_score

    names = set()
    for sheet in sheets:
        if sheet_name_score(sheet.name, "segments") >= 0.5:
            names.update(values.normalize_word(values.text(c)) for r in sheet.rows[1:] for c in r[:2] if values.text(c))
    return frozenset(n for n in names if n)
