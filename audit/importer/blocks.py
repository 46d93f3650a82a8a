"""Flow diagrams as rows: a whiteboard or journey-canvas export where each row is one box of a chain.

Miro, Lucidchart, draw.io and the journey builders of CRM platforms export a chain as its boxes —
a trigger, waits, messages, yes/no checks, exits — each with the boxes its arrows lead to:

    Фрейм | Блок | Тип блока | Текст                                   | Канал | Ведёт в     | Ветка
    F1    | F1-1 | триггер   | Событие: app_installed                  |       | F1-2        |
    F1    | F1-2 | ожидание  | через 30 минут                          |       | F1-3        |
    F1    | F1-3 | сообщение | Добро пожаловать в Тарелку!             | Push  | F1-4        |
    F1    | F1-4 | условие   | Сделал заказ? (order_created)           |       | F1-5, F1-6  | да, нет
    F1    | F1-5 | выход     | Заказал — выходим                       |       |             |
    F1    | F1-6 | сообщение | −300 ₽ на первый заказ                  | Push  | F1-7        |

A sheet with a column of box kinds (`block`) is read here before its rows become steps: each
message box is a step, sent after the waits on the way to it (its delay) and only on the branch
that leads to it (its condition: «Сделал заказ? (order_created)» answered «нет» waits on the
absence of order_created, «Открыл письмо?» answered «нет» is «не открыл письмо»); its next steps
are the message boxes its arrows reach through waits and checks; an arrow into an exit ends the
branch. A trigger box names the chain's trigger event. Rows without a box kind stay as they are.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace
from typing import Any

from audit import values
from audit.conditions import canonical_feedback
from audit.model import id_key

Row = Any  # audit.importer.normalized.Row (which imports this module)

# what a box's kind says, by its word (stems, Russian and English)
_KINDS = (
    ("trigger", ("триггер", "старт", "вход", "запуск", "событ", "trigger", "start", "entry", "event")),
    ("wait", ("ожидан", "задержк", "пауз", "ждать", "таймер", "wait", "delay", "timer", "pause")),
    ("check", ("услов", "провер", "развилк", "ветвлен", "сплит", "condition", "check", "branch", "split", "decision",
               "if")),
    ("exit", ("выход", "конец", "финиш", "стоп", "завершен", "exit", "end", "finish", "stop")),
    ("message", ("сообщен", "касан", "отправ", "рассылк", "message", "send", "touch", "action", "email", "push",
                 "sms")),
)
_NO = frozenset({"нет", "no", "false", "ложь", "n", "н"})
_EVENT_KEY = re.compile(r"\(([a-z][a-z0-9]*(?:[_.][a-z0-9]+)+)\)|\b([a-z][a-z0-9]*(?:[_.][a-z0-9]+)+)\b")
_TRIGGER_LEAD = re.compile(r"^\s*(?:событие|event|триггер|trigger)\s*[:—–-]\s*", re.IGNORECASE)
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


def block_kind(text: str) -> str | None:
    word = values.normalize_word(text)
    if not word:
        return None
    parts = text.split()
    if len(parts) < 2 or _CYRILLIC.search(text):
        for kind, stems in _KINDS:
            if any(word.startswith(stem) for stem in stems):
                return kind
    for part in reversed(parts):  # "Time delay", "Trigger split": an English compound says it last
        word = values.normalize_word(part)
        for kind, stems in _KINDS:
            if word and any(word.startswith(stem) for stem in stems):
                return kind
    return None


@dataclass
class _Box:
    row: Row
    key: str
    kind: str | None
    targets: list[str] = field(default_factory=list)
    answers: list[str] = field(default_factory=list)


def steps_from_blocks(rows: list[Row]) -> tuple[list[Row], dict[str, str | None]]:
    """The step rows of a flow diagram (its message boxes, each with its delay, condition and next steps),
    and each chain's trigger as its trigger box writes it (None for an empty trigger box). Rows of a
    sheet without box kinds are returned as they are."""
    rows = _kinds_in_cells(rows)
    kinds = {block_kind(values.text(row.cells["block"])) for row in rows if "block" in row.cells}
    if not kinds & {"trigger", "wait", "check", "exit"}:
        return rows, {}  # no box but messages (a "Step type" column of promo/info): an ordinary steps table
    chains: dict[str, list[_Box]] = {}
    kept: list[Row] = []
    for row in rows:
        kind_text = values.text(row.cells.get("block", ""))
        if not kind_text:
            kept.append(row)
            continue
        box = _Box(row, id_key(values.text(row.cells.get("step", ""))), block_kind(kind_text),
                   values.id_list(row.cells.get("next", "")), values.id_list(row.cells.get("branch", "")))
        chains.setdefault(id_key(values.text(row.cells.get("scenario", ""))), []).append(box)
    triggers: dict[str, str | None] = {}
    for chain, boxes in chains.items():
        kept.extend(_chain_steps(boxes))
        starts = [b for b in boxes if b.kind == "trigger"]
        if starts:
            triggers[chain] = _trigger_event(values.text(starts[0].row.cells.get("message", "")))
    kept.sort(key=lambda r: (r.sheet, r.number))
    return kept, triggers


_LABELLED = re.compile(r"^\s*([^:：]{2,40}?)\s*[:：]\s*(\S.*)$", re.DOTALL)


def _kinds_in_cells(rows: list[Row]) -> list[Row]:
    """A journey builder's export writes each box as its kind and its content in one cell ("Email: Welcome 1",
    "Time delay: 2 days", "Conditional split: Has opened Email … at least once"): when a sheet's channel
    cells read so, each row becomes a box of that kind — a message box keeps the channel and takes the text
    as its message, a wait or check takes the text as what it says."""
    if any(values.text(row.cells.get("block", "")) for row in rows):
        return rows
    said: dict[int, tuple[str, str, str]] = {}  # row → (box kind, channel, text)
    read: dict[str, tuple[str, str, str] | None] = {}  # a channel cell → what it says, once per distinct cell
    boxes = filled = 0
    for index, row in enumerate(rows):
        cell = values.text(row.cells.get("channel", ""))
        filled += bool(cell)
        if cell not in read:
            read[cell] = _box_in_cell(cell)
        if read[cell] is not None:
            said[index] = read[cell]
            boxes += read[cell][0] != "message"
        elif index >= 1000 and not boxes:
            return rows  # a thousand rows and no box written in a cell: an ordinary steps table
    if boxes < 2 or len(said) * 2 < filled:
        return rows  # "Email: тема" alone is a channel with its subject, not a diagram
    changed = []
    for index, row in enumerate(rows):
        if index not in said:
            changed.append(row)
            continue
        kind, channel, text = said[index]
        cells = dict(row.cells)
        cells["block"] = kind
        cells["channel"] = channel
        if kind != "message" or not values.text(cells.get("message", "")):
            cells["message"] = text
        changed.append(replace(row, cells=cells))
    return changed


def _box_in_cell(cell: str) -> tuple[str, str, str] | None:
    """(box kind, channel, text) of a cell written "Kind: content", or None."""
    match = _LABELLED.match(cell)
    if match is None:
        return None
    label, text = match.group(1).strip(), match.group(2).strip()
    if _names_channel(label):
        return "message", label, text
    kind = block_kind(label)
    return (kind, "", text) if kind in ("wait", "check", "trigger", "exit") else None


def _names_channel(text: str) -> bool:
    from audit.importer.schema import CHANNEL_KINDS

    return values.normalize_word(text) in CHANNEL_KINDS


def _chain_steps(boxes: list[_Box]) -> list[Row]:
    for index, box in enumerate(boxes):
        box.key = box.key or f"\0{index}"  # a box the sheet gives no id
    if not any(box.targets for box in boxes):  # no arrows written: each box leads to the row below it
        _rows_in_order(boxes)
    by_key = {b.key: b for b in boxes}
    incoming: dict[str, list[tuple[_Box, str | None]]] = {}  # box → (the box whose arrow leads in, its answer)
    for box in boxes:
        for index, target in enumerate(box.targets):
            answer = box.answers[index] if index < len(box.answers) else None
            incoming.setdefault(id_key(target), []).append((box, answer))
    steps = []
    for box in boxes:
        if box.kind not in ("message", None) or not values.text(box.row.cells.get("channel", "")):
            continue  # waits, checks, triggers and exits are no touches; a box with no channel says nothing sent
        cells = dict(box.row.cells)
        waits, conditions = _way_in(box, incoming)
        if waits and not values.text(cells.get("delay", "")):
            cells["delay"] = ", ".join(waits)
        if conditions and not values.text(cells.get("condition", "")):
            cells["condition"] = "; ".join(conditions)
        cells["next"] = ", ".join(_next_messages(box, by_key)) or "end"
        for fld in ("block", "branch"):
            cells.pop(fld, None)
        steps.append(replace(box.row, cells=cells))
    return steps


def _rows_in_order(boxes: list[_Box]) -> None:
    """Boxes without arrows lead each to the row below, but the boxes after a check that carry an answer of
    their own ("Yes", "No": the branch they sit on) are its branches: the check leads to the first box of
    each answer, the boxes of one answer follow each other, and a branch ends with its last box."""
    index = 0
    while index < len(boxes):
        box = boxes[index]
        run = []
        if box.kind == "check" and not box.answers:
            run = list(itertools.takewhile(lambda b: b.answers, boxes[index + 1:]))
        if not run:
            if index + 1 < len(boxes):
                box.targets = [boxes[index + 1].key]
            index += 1
            continue
        box.targets, box.answers = [], []
        for answer, group in itertools.groupby(run, key=lambda b: b.answers[0].casefold()):
            group = list(group)
            box.targets.append(group[0].key)
            box.answers.append(answer)
            for first, second in zip(group, group[1:]):
                first.targets = [second.key]
        for branch_box in run:
            branch_box.answers = []
        index += 1 + len(run)


def _way_in(box: _Box, incoming: dict[str, list[tuple[_Box, str | None]]]) -> tuple[list[str], list[str]]:
    """The waits and checks on the one way into a message box from the box before it that is a message or
    the trigger (walking back while exactly one arrow leads in)."""
    waits: list[str] = []
    conditions: list[str] = []
    current, seen = box, {box.key}
    while True:
        arrows = incoming.get(current.key, [])
        if len(arrows) != 1:
            break
        before, answer = arrows[0]
        if before.key in seen or before.kind in ("message", "trigger", None):
            break
        seen.add(before.key)
        text = values.text(before.row.cells.get("message", ""))
        if before.kind == "wait" and text:
            waits.insert(0, text)
        elif before.kind == "check" and text:
            conditions.insert(0, _answered(text, answer))
        current = before
    return waits, conditions


def _next_messages(box: _Box, by_key: dict[str, _Box]) -> list[str]:
    """The message boxes the box's arrows reach through waits and checks (not through another message)."""
    found: list[str] = []
    queue, seen = [id_key(t) for t in box.targets], set()  # an arrow back to the box itself is a loop
    while queue:
        key = queue.pop(0)
        if key in seen:
            continue
        seen.add(key)
        target = by_key.get(key)
        if target is None:
            found.append(key)  # an arrow to a box the sheet does not have: MAP001 says so
        elif target.kind in ("message", None):
            if values.text(target.row.cells.get("step", "")):
                found.append(values.text(target.row.cells["step"]))
        elif target.kind in ("wait", "check"):
            queue.extend(id_key(t) for t in target.targets)
    return list(dict.fromkeys(found))


def _answered(question: str, answer: str | None) -> str:
    """A check and the answer its arrow carries, as a condition: «Сделал заказ? (order_created)» + «нет» →
    «нет события order_created»; «Открыл письмо?» + «нет» → «не открыл письмо»; "Opened?" + "yes" → "opened"."""
    if not answer or not answer.strip():
        return question.strip()  # a check whose arrow says no answer: the question as written (MAP006 asks)
    said = answer.strip().casefold()
    counted = _counted_feedback(question)
    if counted is not None:  # "Has opened Email: … zero times since starting this flow"
        feedback, happened = counted
        if said in _NO:
            happened = not happened
        russian = bool(_CYRILLIC.search(question))
        return feedback if happened else f"{'не' if russian else 'not'} {feedback}"
    event = _EVENT_KEY.search(question)
    russian = bool(_CYRILLIC.search(question))
    if event:
        key = event.group(1) or event.group(2)
        if said in _NO:
            return f"нет события {key}" if russian else f"no event {key}"
        return f"событие {key}" if russian else f"event {key}"
    words = question.strip().rstrip("?？").strip()
    if said not in _NO:
        return words
    negation = "не" if russian else "not"
    tokens = words.split()
    # the "not" goes before the feedback word: «Push доставлен?» → «Push не доставлен»
    at = next((i for i, token in enumerate(tokens) if canonical_feedback(token.strip(".,!?").casefold())), 0)
    return " ".join([*tokens[:at], negation, tokens[at][:1].lower() + tokens[at][1:] if at == 0 else tokens[at],
                     *tokens[at + 1:]])


_NEVER = re.compile(r"\b(?:zero times|0 times|never)\b|\bни разу\b|\b0 раз\b", re.IGNORECASE)
_AT_LEAST = re.compile(r"\b(?:at least once|at least 1 times?|one or more times|1\+ times?)\b|\bхотя бы (?:один )?раз\b"
                       r"|\bот 1 раза\b", re.IGNORECASE)


def _counted_feedback(question: str) -> tuple[str, bool] | None:
    """A split on how often a message drew a reaction ("Has opened Email: We miss you at least once",
    «Открыл письмо ни разу»): (the reaction as the conditions write it, whether the question asks that it
    happened); None for another question."""
    never, at_least = _NEVER.search(question), _AT_LEAST.search(question)
    if bool(never) == bool(at_least):
        return None
    for token in re.findall(r"\w+", question):
        feedback = canonical_feedback(token)
        if feedback:
            return token.casefold() if _CYRILLIC.search(token) else feedback, bool(at_least)
    return None


def _trigger_event(text: str) -> str | None:
    """«Событие: app_installed (установил приложение)» → app_installed; «Событие: Заказ доставлен» → the words."""
    if not text:
        return None
    event = _EVENT_KEY.search(text)
    if event:
        return event.group(1) or event.group(2)
    words = _TRIGGER_LEAD.sub("", text).strip()
    return re.sub(r"\s*\([^)]*\)\s*$", "", words) or None
