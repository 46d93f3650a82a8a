"""Tables of the normalized workbook → a `CommMap`.

A `Table` is one entity sheet after its header row was found: each `Row` maps canonical field
names to raw cell values and remembers the header each came from. Builders in the tests create
tables directly, so in-memory maps go through exactly the same record-building code as files.
Cells that cannot be read become `ImportProblem`s (MAP002/MAP003/MAP004) at their cell.
"""
from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from audit import values
from audit.conditions import PURCHASE, PURCHASE_UNRESOLVED, canonical_feedback, parse_condition
from audit.importer.schema import (
    CHANNEL_KINDS,
    EVENT_SOURCES,
    MESSAGE_TYPES,
    SCENARIO_TYPES,
    STATUSES,
    TIERS,
)
from audit.model import (
    MessageType,
    Channel,
    ChannelKind,
    CommMap,
    ConditionKind,
    Event,
    ImportProblem,
    Integration,
    MapMeta,
    Scenario,
    Segment,
    Source,
    Stage,
    Step,
    System,
    id_key,
)

END_WORDS = frozenset({"end", "stop", "конец", "стоп", "нет", "none", "-", "–", "—", "finish", "exit", "выход"})
ALL_SEGMENTS = frozenset({"*", "all", "все", "всем", "все сегменты", "all segments", "everyone"})


@dataclass
class Row:
    sheet: str
    number: int
    cells: dict[str, object]
    headers: dict[str, str]
    errors: dict[str, str] = field(default_factory=dict)

    def source(self) -> Source:
        # rows of one sheet share their headers dict: a map of 100,000 steps keeps one copy
        return Source.model_construct(sheet=self.sheet, row=self.number, columns=self.headers)

    def is_blank(self) -> bool:
        return not self.errors and all(values.text(v) == "" for v in self.cells.values())


@dataclass
class Table:
    entity: str
    sheet: str
    rows: list[Row]


class _Builder:
    """Turns rows into records, collecting problems instead of raising."""

    def __init__(self) -> None:
        self.problems: list[ImportProblem] = []
        self._errors_reported: set[tuple[int, str]] = set()  # (id(row), field) of error cells reported

    def problem(self, code: str, kind: str, entity_id: str, row: Row, fld: str | None, **params: str) -> None:
        column = row.headers.get(fld) if fld else None
        self.problems.append(
            ImportProblem(
                code=code,
                entity_kind=kind,
                entity_id=entity_id,
                location=row.source().at(fld) if fld else row.source().at(),
                params={"column": column or fld or "", **params},
            )
        )

    def read(self, row: Row, fld: str, parse: Callable[[object], object], kind: str, entity_id: str) -> object:
        """The parsed cell, or None (with a MAP003 problem) when it cannot be read."""
        if fld in row.errors:
            self.error_cell(row, fld, kind, entity_id)
            return None
        raw = row.cells.get(fld, "")
        try:
            return parse(raw)
        except ValueError as exc:
            self.problem("MAP003", kind, entity_id, row, fld, value=values.text(raw), reason=str(exc))
            return None

    def required_id(self, row: Row, fld: str, kind: str, label: str) -> str | None:
        """The id in a required cell; MAP004 when it is empty but the row holds something."""
        if fld in row.errors:
            self.error_cell(row, fld, kind, label)
            return None
        written = values.id_text(row.cells.get(fld, ""))
        if not written:
            self.problem("MAP004", kind, label, row, fld)
            return None
        return written

    def error_cell(self, row: Row, fld: str, kind: str, entity_id: str) -> None:
        """MAP003 for a spreadsheet error (`#REF!`, `#N/A`) in a cell; once per cell."""
        if (id(row), fld) in self._errors_reported:
            return
        self._errors_reported.add((id(row), fld))
        self.problem("MAP003", kind, entity_id, row, fld, value=row.errors[fld], reason="spreadsheet error")

    def records(self, rows: Iterable[Row], build: Callable[["_Builder", Row], object], kind: str) -> Iterable:
        """Records built from rows; an error cell in any read column is MAP003, not an empty value.

        Parsed columns report their error cells as they read them; plain text columns (name,
        message, goal, trigger…) would otherwise read `#REF!` as an empty cell, so the rest of
        the row's error cells are reported here.
        """
        for row in rows:
            record = build(self, row)
            if row.errors:
                if record is None:
                    entity_id = _row_label(row)
                else:
                    entity_id = getattr(record, "ref", None) or record.id
                for fld in row.errors:
                    self.error_cell(row, fld, kind, entity_id)
            if record is not None:
                yield record

    def unique(self, records: Iterable, kind: str) -> list:
        """First definition wins; later rows with the same id are MAP002."""
        seen: dict[object, object] = {}
        kept = []
        for record in records:
            first = seen.get(record.key)
            if first is not None:
                self.problems.append(
                    ImportProblem(
                        code="MAP002",
                        entity_kind=kind,
                        entity_id=getattr(record, "ref", record.id),
                        location=record.source.at("id" if kind != "step" else "step"),
                        params={"first_row": str(first.source.row or "")},
                    )
                )
                continue
            seen[record.key] = record
            kept.append(record)
        return kept


def _row_label(row: Row) -> str:
    return f"{row.sheet}!{row.number}"


def build_commap(tables: Iterable[Table], meta: MapMeta | None = None) -> CommMap:
    """Records from tables, then entities derived for sheets the workbook does not have."""
    builder = _Builder()
    by_entity: dict[str, Table] = {}
    for table in tables:
        by_entity.setdefault(table.entity, table)
    rows = {entity: [r for r in table.rows if not r.is_blank()] for entity, table in by_entity.items()}

    segments = builder.unique(builder.records(rows.get("segments", []), _segment, "segment"), "segment")
    stages = builder.unique(builder.records(rows.get("stages", []), _stage, "stage"), "stage")
    channels = builder.unique(builder.records(rows.get("channels", []), _channel, "channel"), "channel")
    events = builder.unique(builder.records(rows.get("events", []), _event, "event"), "event")
    scenarios = builder.unique(builder.records(rows.get("scenarios", []), _scenario, "scenario"), "scenario")
    steps = builder.unique(builder.records(rows.get("steps", []), _step, "step"), "step")
    systems = builder.unique(builder.records(rows.get("systems", []), _system, "system"), "system")
    integrations = list(builder.records(rows.get("integrations", []), _integration, "integration"))
    _resolve_all_segments(scenarios, {s.key for s in segments})
    _resolve_purchase_conditions(steps, events)
    _word_refs_to_free_text(steps)

    commap = CommMap(
        meta=meta or MapMeta(),
        segments=segments,
        stages=stages,
        channels=channels,
        events=events,
        scenarios=scenarios,
        steps=steps,
        systems=systems,
        integrations=integrations,
        problems=builder.problems,
        sheets=sorted(by_entity),
    )
    derive_undeclared(commap)
    return commap


def _resolve_all_segments(scenarios: list[Scenario], segment_keys: set[str]) -> None:
    """`*` means every segment; so do words like `all` / `все` — unless the map has a segment by that id."""
    for scenario in scenarios:
        everyone = [ref for ref in scenario.segments
                    if ref == "*" or (values.normalize_word(ref) in ALL_SEGMENTS and id_key(ref) not in segment_keys)]
        if everyone:
            scenario.all_segments = True
            scenario.segments = [ref for ref in scenario.segments if ref not in everyone]


_PURCHASE_WORDS = ("order_paid", "purchase", "paid", "order", "покуп", "оплат", "заказ", "checkout", "buy")


def _resolve_purchase_conditions(steps: list[Step], events: list[Event]) -> None:
    """`нет покупки 3 дня` waits for the map's purchase event; without one, for an event `purchase`."""
    waiting = [s for s in steps if s.condition is not None and s.condition.event == PURCHASE]
    if not waiting:
        return
    target = None
    for word in _PURCHASE_WORDS:  # the most specific spelling first
        target = next((e for e in events if any(word in id_key(text) for text in
                                                (e.id, e.name, e.analytics_key or ""))), None)
        if target is not None:
            break
    event = target.id if target is not None else PURCHASE_UNRESOLVED
    for step in waiting:
        step.condition = step.condition.model_copy(update={"event": event})


def _word_refs_to_free_text(steps: list[Step]) -> None:
    """A feedback condition whose "step" is an ordinary word is free text, not a reference.

    `если получил скидку`, `если ответ положительный`, `open the app` read like a feedback word and
    a step id; when the word is no step of the scenario, holds no digit and is not a near-miss of
    a step id (a typo MAP001 should point out), the condition is left to MAP006 as free text.
    """
    ids_by_scenario: dict[str, list[str]] = {}
    for step in steps:
        ids_by_scenario.setdefault(id_key(step.scenario), []).append(id_key(step.id))
    for step in steps:
        condition = step.condition
        if condition is None or condition.kind is not ConditionKind.FEEDBACK or not condition.step_ref:
            continue
        ref = id_key(condition.step_ref)
        ids = ids_by_scenario[id_key(step.scenario)]
        if ref in ids or any(ch.isdigit() for ch in ref):
            continue
        if difflib.get_close_matches(ref, ids, n=1, cutoff=0.75):
            continue
        step.condition = None


def derive_undeclared(commap: CommMap) -> None:
    """Entities a sheet-less map only mentions: scenarios from steps, channels from steps, and so on.

    A map without a Channels sheet still says "email" on its steps; those become channels of the
    inferred kind, marked `declared=False`, so reference checks only run where a sheet exists.
    """
    if not commap.has_sheet("scenarios"):
        seen: dict[str, Scenario] = {}
        for step in commap.steps:
            if id_key(step.scenario) not in seen:
                seen[id_key(step.scenario)] = Scenario(id=step.scenario, declared=False, source=step.source)
        commap.scenarios = list(seen.values())
    if not commap.has_sheet("channels"):
        seen_channels: dict[str, Channel] = {}
        for step in commap.steps:
            key = id_key(step.channel)
            if key and key not in seen_channels:
                seen_channels[key] = Channel(
                    id=step.channel, kind=infer_channel_kind(step.channel), declared=False, source=step.source
                )
        commap.channels = list(seen_channels.values())
    if not commap.has_sheet("segments"):
        seen_segments: dict[str, Segment] = {}
        for scenario in commap.scenarios:
            for ref in scenario.segments:
                seen_segments.setdefault(id_key(ref), Segment(id=ref, declared=False, source=scenario.source))
        commap.segments = list(seen_segments.values())
    if not commap.has_sheet("stages"):
        seen_stages: dict[str, Stage] = {}
        for record in (*commap.scenarios, *commap.segments):
            if record.stage:
                seen_stages.setdefault(id_key(record.stage), Stage(id=record.stage, declared=False,
                                                                   source=record.source))
        commap.stages = list(seen_stages.values())
    if not commap.has_sheet("events"):
        seen_events: dict[str, Event] = {}
        for scenario in commap.scenarios:
            for ref in (scenario.trigger, scenario.goal_event, *scenario.stop_events):
                if ref:
                    seen_events.setdefault(id_key(ref), Event(id=ref, declared=False, source=scenario.source))
        for step in commap.steps:
            if step.condition and step.condition.event:
                ref = step.condition.event
                seen_events.setdefault(id_key(ref), Event(id=ref, declared=False, source=step.source))
        commap.events = list(seen_events.values())


def infer_channel_kind(label: str) -> ChannelKind:
    """The kind a channel's name suggests: `e-mail`, `письмо` → email; `Telegram` → messenger."""
    word = values.normalize_word(label)
    if word in CHANNEL_KINDS:
        return ChannelKind(CHANNEL_KINDS[word])
    for alias, kind in CHANNEL_KINDS.items():
        if len(alias) >= 3 and alias in word:
            return ChannelKind(kind)
    return ChannelKind.OTHER


def _choice(aliases: dict[str, str], what: str) -> Callable[[object], str | None]:
    return lambda raw: values.choice(raw, aliases, what)


def _segment(b: _Builder, row: Row) -> Segment | None:
    ident = b.required_id(row, "id", "segment", _row_label(row))
    if ident is None:
        return None
    parent = values.id_text(row.cells.get("parent", "")) or None
    tier = b.read(row, "tier", _choice(TIERS, "tier (vip, high, regular, low)"), "segment", ident)
    return Segment(
        id=ident,
        name=values.text(row.cells.get("name", "")),
        parent=parent,
        size=b.read(row, "size", values.whole_number, "segment", ident),
        tier=tier,
        excluded=bool(b.read(row, "excluded", values.boolean, "segment", ident)),
        stage=values.id_text(row.cells.get("stage", "")) or None,
        source=row.source(),
    )


def _stage(b: _Builder, row: Row) -> Stage | None:
    ident = b.required_id(row, "id", "stage", _row_label(row))
    if ident is None:
        return None
    return Stage(
        id=ident,
        name=values.text(row.cells.get("name", "")),
        order=b.read(row, "order", values.number, "stage", ident),
        next=[n for n in values.id_list(row.cells.get("next", "")) if id_key(n) not in END_WORDS],
        final=bool(b.read(row, "final", values.boolean, "stage", ident)),
        source=row.source(),
    )


def _channel(b: _Builder, row: Row) -> Channel | None:
    ident = b.required_id(row, "id", "channel", _row_label(row))
    if ident is None:
        return None
    kind = b.read(row, "kind", _choice(CHANNEL_KINDS, "channel kind"), "channel", ident)
    if kind is None and not values.text(row.cells.get("kind", "")):
        kind = infer_channel_kind(values.text(row.cells.get("name", "")) or ident)
    feedback_cell = values.id_list(row.cells.get("feedback", ""))
    return Channel(
        id=ident,
        name=values.text(row.cells.get("name", "")),
        kind=kind or ChannelKind.OTHER,
        system=values.id_text(row.cells.get("system", "")) or None,
        cost=b.read(row, "cost", values.number, "channel", ident),
        feedback=[values.normalize_word(f) for f in feedback_cell] if "feedback" in row.headers and feedback_cell
        else None,
        source=row.source(),
    )


def _event(b: _Builder, row: Row) -> Event | None:
    ident = b.required_id(row, "id", "event", _row_label(row))
    if ident is None:
        return None
    return Event(
        id=ident,
        name=values.text(row.cells.get("name", "")),
        event_source=b.read(row, "source", _choice(EVENT_SOURCES, "event source"), "event", ident),
        tracked=b.read(row, "tracked", values.boolean, "event", ident),
        analytics_key=values.id_text(row.cells.get("key", "")) or None,
        source=row.source(),
    )


def _scenario(b: _Builder, row: Row) -> Scenario | None:
    ident = b.required_id(row, "id", "scenario", _row_label(row))
    if ident is None:
        return None
    segment_refs = values.id_list(row.cells.get("segments", ""))
    status = b.read(row, "status", _choice(STATUSES, "status (active, planned, paused, off)"), "scenario", ident)
    return Scenario(
        id=ident,
        name=values.text(row.cells.get("name", "")),
        type=b.read(row, "type", _choice(SCENARIO_TYPES, "scenario type (trigger, regular, service)"),
                    "scenario", ident),
        segments=segment_refs,
        stage=values.id_text(row.cells.get("stage", "")) or None,
        trigger=values.id_text(row.cells.get("trigger", "")) or None,
        schedule=values.text(row.cells.get("schedule", "")) or None,
        goal=values.text(row.cells.get("goal", "")),
        goal_event=values.id_text(row.cells.get("goal_event", "")) or None,
        stop_events=values.id_list(row.cells.get("stop_event", "")),
        kpi=values.text(row.cells.get("kpi", "")),
        owner=values.text(row.cells.get("owner", "")),
        status=status or "active",
        last_reviewed=b.read(row, "last_reviewed", values.day, "scenario", ident),
        source=row.source(),
    )


def _step(b: _Builder, row: Row) -> Step | None:
    scenario = b.required_id(row, "scenario", "step", _row_label(row))
    step_id = b.required_id(row, "step", "step", f"{scenario or _row_label(row)}/?")
    if scenario is None or step_id is None:
        return None
    ref = f"{scenario}/{step_id}"
    channel = b.required_id(row, "channel", "step", ref)
    if channel is None:
        return None
    condition_text = values.text(row.cells.get("condition", ""))
    next_cell = row.cells.get("next", "")
    next_steps = values.id_list(next_cell)
    explicit_end = bool(next_steps) and all(id_key(n) in END_WORDS for n in next_steps)
    message_type = b.read(row, "message_type", _choice(MESSAGE_TYPES, "message type"), "step", ref)
    # Steps are the bulk of a big map: every value is already parsed and typed here, so the
    # model is built without a second validation pass.
    return Step.model_construct(
        scenario=scenario,
        id=step_id,
        channel=channel,
        message=values.text(row.cells.get("message", "")),
        message_type=MessageType(message_type) if message_type else None,
        delay_minutes=b.read(row, "delay", values.duration_minutes, "step", ref),
        condition_text=condition_text,
        condition=parse_condition(condition_text) if condition_text else None,
        next=[] if explicit_end else ([n for n in next_steps if id_key(n) not in END_WORDS] or None),
        goal=values.text(row.cells.get("goal", "")),
        source=row.source(),
    )


def _system(b: _Builder, row: Row) -> System | None:
    ident = b.required_id(row, "id", "system", _row_label(row))
    if ident is None:
        return None
    return System(
        id=ident,
        name=values.text(row.cells.get("name", "")),
        channels=values.id_list(row.cells.get("channels", "")),
        orchestration=bool(b.read(row, "orchestration", values.boolean, "system", ident)),
        receives=[_event_source_word(s) for s in values.id_list(row.cells.get("receives", ""))],
        source=row.source(),
    )


def _event_source_word(raw: str) -> str:
    return EVENT_SOURCES.get(values.normalize_word(raw), id_key(raw))


def _integration(b: _Builder, row: Row) -> Integration | None:
    label = _row_label(row)
    origin = b.required_id(row, "from", "integration", label)
    target = b.required_id(row, "to", "integration", label)
    if origin is None or target is None:
        return None
    carries = [c.strip() for c in values.id_list(row.cells.get("carries", ""))]
    return Integration(
        from_system=origin,
        to_system=target,
        carries=[c if c == "*" else _carried_word(c) for c in carries],
        source=row.source(),
    )


def _carried_word(raw: str) -> str:
    """Feedback names carried by an integration, canonical where they are a known feedback word."""
    return canonical_feedback(raw) or id_key(raw)
