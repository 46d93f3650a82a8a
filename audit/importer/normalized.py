"""Tables of the normalized workbook → a `CommMap`.

A `Table` is one entity sheet after its header row was found: each `Row` maps canonical field
names to raw cell values and remembers the header each came from. Builders in the tests create
tables directly, so in-memory maps go through exactly the same record-building code as files.
Cells that cannot be read become `ImportProblem`s (MAP002/MAP003/MAP004) at their cell.
"""
from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from audit import segment_words, values, vocab
from audit.loops import text_bound
from audit.conditions import (
    FEEDBACKS,
    PAYMENT,
    PAYMENT_EVENT_WORDS,
    PURCHASE,
    PURCHASE_UNRESOLVED,
    QUOTES,
    canonical_feedback,
    channel_kind,
    channel_word,
    event_in_words,
    parse_condition,
)
from audit.findings import Severity
from audit.importer.schema import (
    CHANNEL_KINDS,
    EVENT_SOURCES,
    GO_BACK,
    MESSAGE_TYPES,
    SCENARIO_TYPES,
    STATUSES,
    TIERS,
)
from audit.model import (
    ScenarioType,
    MessageType,
    Channel,
    ChannelKind,
    CommMap,
    Condition,
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
from audit.timing import Timing, parse_timing
from audit.importer.blocks import steps_from_blocks
from audit.importer.business import feedback_of_no_step, negative_name, resolve_outcome_conditions

END_WORDS = frozenset({"end", "stop", "конец", "стоп", "нет", "none", "-", "–", "—", "finish", "exit", "выход"})
NO_CONDITION_WORDS = frozenset({"нет", "none", "no", "без условия", "без условий", "всем", "always", "всегда", "no condition"})
ALL_SEGMENTS = frozenset({"*", "all", "все", "всем", "всесегменты", "allsegments"})  # after normalize_word


@dataclass(slots=True)
class Row:
    sheet: str
    number: int
    cells: dict[str, object]
    headers: dict[str, str]
    errors: dict[str, str] = field(default_factory=dict)

    def source(self) -> Source:
        # rows of one sheet share their headers dict: a map of 100,000 steps keeps one copy
        return Source(sheet=self.sheet, row=self.number, columns=self.headers)

    def is_blank(self) -> bool:
        return not self.errors and all(values.text(v) == "" for v in self.cells.values())


@dataclass
class Table:
    entity: str
    sheet: str
    rows: list[Row]
    derived: bool = False  # made from a wide sheet's rows, not read from a sheet of its own


class _Builder:
    """Turns rows into records, collecting problems instead of raising."""

    def __init__(self) -> None:
        self.problems: list[ImportProblem] = []
        self._errors_reported: set[tuple[int, str]] = set()  # (id(row), field) of error cells reported

    def problem(self, code: str, kind: str, entity_id: str, row: Row, fld: str | None, *,
                severity: Severity | None = None, **params: str) -> None:
        column = row.headers.get(fld) if fld else None
        self.problems.append(
            ImportProblem(
                code=code,
                entity_kind=kind,
                entity_id=entity_id,
                location=row.source().at(fld) if fld else row.source().at(),
                params={"column": column or "", "field": fld or "", **params},
                severity=severity,
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
        except values.UnknownWord as exc:  # the row stays usable: a warning with the closest known word
            self.problem("MAP003", kind, entity_id, row, fld, severity=Severity.WARNING,
                         value=values.text(raw), reason=str(exc))
            return None
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
    rows: dict[str, list[Row]] = {}
    derived: set[int] = set()  # scenario rows made from a wide sheet's rows
    for table in tables:  # several sheets may hold one entity (a sheet per scenario, a wide sheet per group)
        rows.setdefault(table.entity, []).extend(r for r in table.rows if not r.is_blank())
        if table.derived and table.entity == "scenarios":
            derived.update(id(r) for r in table.rows)
    if "scenarios" in rows:
        rows["scenarios"] = _merge_derived_scenarios(rows["scenarios"], derived)
    declared_segments = rows.pop("declared_segments", [])
    matrix = rows.pop("matrix", [])
    _resolve_record_links(rows)

    block_triggers: dict[str, str | None] = {}
    if "steps" in rows:  # a flow diagram's boxes: its message boxes become the steps
        rows["steps"], block_triggers = steps_from_blocks(rows["steps"])
        rows["steps"] = _register_steps(rows["steps"], rows.get("scenarios", []))
    segments = builder.unique(builder.records(rows.get("segments", []), _segment, "segment"), "segment")
    stages = builder.unique(builder.records(rows.get("stages", []), _stage, "stage"), "stage")
    channels = builder.unique(builder.records(rows.get("channels", []), _channel, "channel"), "channel")
    events = builder.unique(builder.records(_unticked(rows.get("events", []), "tracked"), _event, "event"), "event")
    scenarios = builder.unique(builder.records(rows.get("scenarios", []), _scenario, "scenario"), "scenario")
    _link_scenario_titles(rows.get("steps", []), scenarios)
    steps = _order_across_sheets(builder.unique(builder.records(rows.get("steps", []), _step, "step"), "step"))
    systems = builder.unique(builder.records(rows.get("systems", []), _system, "system"), "system")
    integrations = list(builder.records(rows.get("integrations", []), _integration, "integration"))
    integrations += _integrations_from_systems(systems, integrations)
    scenarios += _scenarios_from_matrix(scenarios, matrix)
    _channels_in_actions(steps, channels, systems)
    _resolve_names(segments, stages, channels, events, scenarios, steps)
    _stages_from_group_titles(scenarios, rows.get("scenarios", []), stages)
    _systems_from_scenarios(steps, rows.get("scenarios", []), systems, channels)
    _resolve_joined_systems(steps, systems, channels)
    _channels_of_several_systems(channels, systems)
    _resolve_all_segments(scenarios, segments)
    _implied_journey(stages)
    _resolve_purchase_conditions(steps, events, scenarios)
    _resolve_event_words(steps, events)
    _resolve_payment_conditions(steps, events, scenarios)
    resolve_outcome_conditions(steps, events, scenarios)
    _resolve_step_codes(steps)
    _resolve_step_words(steps, channels)
    _word_refs_to_free_text(steps)
    _resolve_next_words(steps)
    _repeating_steps(steps, scenarios)

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
        sheets=sorted(rows),
    )
    derive_undeclared(commap)
    _triggers_from_blocks(commap, block_triggers)
    _scenario_timing_from_steps(commap)
    _add_declared_segments(commap, declared_segments)
    return commap


# cells that refer to another record: what a linked-record export writes as «Name (recXXXXXXXX)»
_LINK_FIELDS = ("scenario", "segments", "stage", "trigger", "goal_event", "stop_event", "parent", "next", "channel",
                "channels", "system", "sends_to", "receives", "source", "from", "to")
_LINKED = re.compile(r"^(.*?)\s*\(([^()\s]+)\)$")
# the tables a linked cell's record may come from
_LINKED_ENTITIES = {
    "scenario": ("scenarios",), "segments": ("segments",), "parent": ("segments",), "stage": ("stages",),
    "trigger": ("events",), "goal_event": ("events",), "stop_event": ("events",), "next": ("steps", "stages"),
    "channel": ("channels",), "channels": ("channels",), "system": ("systems",), "sends_to": ("systems",),
    "receives": ("systems", "events"), "source": ("systems", "events"), "from": ("systems",), "to": ("systems",),
}
# a technical id in brackets that no table of the export holds: letters and digits, long, or a page's address
_RECORD_ID_SHAPE = re.compile(r"^(?=[^\W_]*\d)(?=[^\W_]*[^\W\d_])[^\W_]{8,}$|^https?://")


def _resolve_record_links(rows: dict[str, list[Row]]) -> None:
    """Linked-record exports (Airtable, Notion relations, SmartSuite) write a reference as the record's name
    and its technical id in brackets: «Email (rec8sd9F2kLq)», «HubSpot (recHb…), Postmark (recPm…)». The id
    resolves the reference to the record whose id column holds it — a step to its number in its scenario;
    an id no table holds leaves the name («Email»). Other brackets («Стоп-лист (жалобы)») stay as written."""
    link_fields = frozenset(_LINK_FIELDS)
    linked = [(row, fld) for entity_rows in rows.values() for row in entity_rows for fld, value in row.cells.items()
              if type(value) is str and value.endswith(")") and fld in link_fields]
    if not linked:
        return  # no cell ends in a bracket: nothing to resolve (most maps, and every 100,000-step one so far)
    targets: dict[str, dict[str, str]] = {}  # entity → record id as the export writes it → the id commap reads
    for entity, entity_rows in rows.items():
        own, into = ("record", "step") if entity == "steps" else ("id", "id")
        found = targets.setdefault(entity, {})
        for row in entity_rows:
            token = values.id_text(row.cells.get(own, ""))
            if token and " " not in token:
                found[token.casefold()] = values.id_text(row.cells.get(into, "")) or token

    def resolved(item: str, fld: str) -> str:
        match = _LINKED.match(item)
        if match is None or not match.group(1):
            return item
        # only a record of the table the column refers to: «Send push (Intercom)» names no channel record
        found = next((t[key] for entity in _LINKED_ENTITIES.get(fld, ()) if (t := targets.get(entity))
                      and (key := match.group(2).casefold()) in t), None)
        if found is None and not _RECORD_ID_SHAPE.match(match.group(2)):
            return item
        return found or match.group(1)

    cache: dict[tuple[str, str], str] = {}
    copied: set[int] = set()
    for row, fld in linked:
        value = row.cells[fld]
        if (value, fld) not in cache:
            cache[value, fld] = ", ".join(resolved(item, fld) for item in values.id_list(value))
        if cache[value, fld] != value:
            if id(row) not in copied:
                copied.add(id(row))
                row.cells = dict(row.cells)  # a merged cell's rows may share their cells
            row.cells[fld] = cache[value, fld]


_TICKS = frozenset({"checked", "✓", "✔", "✅", "☑", "☒", "x", "х"})


def _unticked(rows: list[Row], fld: str) -> list[Row]:
    """A checkbox column exported as "checked" or nothing (Airtable, Smartsheet), or ticked by hand with ✓: an
    empty box is a "no" where other rows of its sheet are ticked and none says "no" in words."""
    by_sheet: dict[str, list[Row]] = {}
    for row in rows:
        if fld in row.cells:
            by_sheet.setdefault(row.sheet, []).append(row)
    for sheet_rows in by_sheet.values():
        said = [values.text(r.cells[fld]).casefold() for r in sheet_rows]
        if any(s in _TICKS for s in said) and all(s in _TICKS or not s for s in said):
            for row in sheet_rows:
                if not values.text(row.cells[fld]):
                    row.cells[fld] = "no"
    return rows


def _add_declared_segments(commap: CommMap, rows: list[Row]) -> None:
    """Segments a wide sheet names on a row of their own (no scenario, no channel): nothing targets them
    yet; and the sizes a wide sheet writes beside its segments (rows marked `known`)."""
    known = {s.key: s for s in commap.segments}
    ids = {s.key: s.key for s in commap.segments}
    sheet = commap.has_sheet("segments")  # a Segments sheet lists them all: a segment it lacks is MAP001's
    for row in rows:
        names = values.id_list(row.cells.get("segments", ""))
        try:
            size = values.whole_number(row.cells.get("size", "")) if len(names) == 1 else None
        except ValueError:
            size = None
        for name in names:
            segment = known.get(id_key(name)) or known.get(code_first(name, ids) or "")
            if segment is None and not row.cells.get("known") and not sheet:
                segment = known[id_key(name)] = Segment(id=name, source=row.source())
                segment.excluded = segment_words.means_excluded(name, "", "")
                commap.segments.append(segment)
            if segment is not None and segment.size is None and size is not None:
                segment.size = size
            if segment is not None and not sheet:  # a block's title says the segment's tier and stop list
                _declared_facts(segment, row)


def _declared_facts(segment: Segment, row: Row) -> None:
    tier, excluded = values.text(row.cells.get("tier", "")), values.text(row.cells.get("excluded", ""))
    if tier and segment.tier is None:
        try:
            segment.tier = _choice(TIERS, "tier")(tier)
        except ValueError:
            pass
    if excluded:
        try:
            segment.excluded = bool(values.boolean(excluded))
        except ValueError:
            pass


_TITLE_SPLIT = re.compile(r"\s+[—–-]\s+|\s*[:.]\s+|\s+")


def _link_scenario_titles(rows: list[Row], scenarios: list[Scenario]) -> None:
    """Steps on a sheet titled «P1 — Welcome series» belong to scenario P1 of the overview sheet: a
    scenario named by no id or name is the one whose id begins the title, or whose name it holds. A
    step naming its scenario by the scenario's unique name belongs to the scenario of that id."""
    if not scenarios:
        return
    by_id = {s.key: s.id for s in scenarios}
    by_name = [(id_key(s.name), s.id) for s in scenarios if len(s.name) >= 5]
    cache: dict[str, str | None] = {}
    for scenario in scenarios:
        key = id_key(scenario.name)
        if scenario.name and key not in by_id:
            cache[key] = None if key in cache and cache[key] != scenario.id else scenario.id
    for row in rows:
        ref = values.id_text(row.cells.get("scenario", ""))
        key = id_key(ref)
        if not ref or key in by_id:
            continue
        if key not in cache:
            first = id_key(_TITLE_SPLIT.split(ref.strip(), maxsplit=1)[0])
            found = {by_id[first]} if first in by_id and first != key else set()
            found |= {ident for name, ident in by_name if name in key}
            cache[key] = found.pop() if len(found) == 1 else None
        if cache[key] is not None:
            row.cells = {**row.cells, "scenario": cache[key]}


def _merge_derived_scenarios(rows: list[Row], derived: set[int]) -> list[Row]:
    """One scenario written on several wide sheets (a sheet per channel) is one scenario: its rows
    merge, the first sheet's cells first, the segments of all. A scenario sheet's own rows stay apart."""
    first: dict[str, Row] = {}
    declared = {}  # a Scenarios sheet's row: the wide sheet's row of the same chain only fills what it leaves empty
    for row in rows:
        key = id_key(values.id_text(row.cells.get("id", "")))
        if id(row) not in derived and key:
            declared.setdefault(key, row)
    kept = []
    for row in rows:
        key = id_key(values.id_text(row.cells.get("id", "")))
        if id(row) not in derived or not key:
            kept.append(row)
            continue
        if key in declared:  # «Цепочки» lists Ц1 with its goal; the robots sheet says who gets it and at which stage
            into = declared[key]
            for fld, value in row.cells.items():
                if not values.text(into.cells.get(fld, "")) and values.text(value):
                    into.cells = {**into.cells, fld: value}
                    into.headers = {**into.headers, fld: row.headers.get(fld, fld)}
            continue
        if declared:
            continue  # a Scenarios sheet lists the scenarios: a wide sheet's chain it does not name adds none
        if key not in first:
            first[key] = row
            kept.append(row)
            continue
        into = first[key]
        for fld, value in row.cells.items():
            if fld == "segments":
                merged = dict.fromkeys([*values.id_list(into.cells.get(fld, "")), *values.id_list(value)])
                into.cells[fld] = ", ".join(merged)
            elif not values.text(into.cells.get(fld, "")) and values.text(value):
                into.cells[fld] = value
                into.headers = {**into.headers, fld: row.headers.get(fld, fld)}
    return kept


def _order_across_sheets(steps: list[Step]) -> list[Step]:
    """Steps of one scenario spread over several sheets (a sheet per channel) follow their numbers,
    not the order of the sheets; each scenario keeps the places its steps held."""
    by_scenario: dict[str, list[int]] = {}
    for position, step in enumerate(steps):
        by_scenario.setdefault(step.key[0], []).append(position)
    ordered = list(steps)
    for positions in by_scenario.values():
        group = [steps[p] for p in positions]
        if len({s.source.sheet for s in group}) < 2:
            continue
        try:
            numbers = [float(s.id.replace(",", ".")) for s in group]
        except ValueError:
            continue  # ids that are no numbers say nothing about their order
        for position, (_, step) in zip(positions, sorted(zip(numbers, group), key=lambda item: item[0])):
            ordered[position] = step
    return ordered


def _scenarios_from_matrix(scenarios: list[Scenario], rows: list[Row]) -> list[Scenario]:
    """A journey matrix says which scenario serves which segment at which stage: it adds the segment
    and (when none is given) the stage to the scenario of that id or name; a scenario the rest of
    the map does not describe is declared there, with no steps (MAP005 reports it)."""
    known: dict[str, Scenario] = {}
    for scenario in scenarios:
        for text in (scenario.id, scenario.name):
            if text:
                known.setdefault(id_key(text), scenario)
    added: list[Scenario] = []
    for row in rows:
        name = values.text(row.cells["scenario"])
        scenario = known.get(id_key(name)) or known.get(id_key(values.text(row.cells.get("alias", ""))))
        if scenario is None and row.cells.get("known_only"):
            continue  # a stage-by-channel grid's cell naming no scenario of the map: prose, not a declaration
        if scenario is None:
            scenario = known[id_key(name)] = Scenario(
                id=name, status=row.cells["status"] or "active", source=row.source())
            added.append(scenario)
        segment = values.text(row.cells["segments"])
        if segment and id_key(segment) not in {id_key(s) for s in scenario.segments}:
            scenario.segments.append(segment)
        scenario.stage = scenario.stage or values.text(row.cells["stage"])
    return added


def _by_name(records: list) -> Callable[[str], str]:
    """A reference → the id it means: itself when it is an id, the id of the record so named when a
    name is unique and no id ("Первый вход в мобильный банк" → E07), else itself (MAP001/TRK001 judge).
    A reference in quotes («Покупка») means the same without them."""
    ids = {r.key: r.id for r in records}
    names: dict[str, str | None] = {}
    for record in records:
        if record.name and id_key(record.name) not in ids:
            key = id_key(record.name)
            names[key] = None if key in names and names[key] != record.id else record.id

    def resolve(ref: str) -> str:
        key = id_key(ref)
        if key in ids:
            return ref
        found = names.get(key)
        if found is None and ref[:1] in QUOTES:
            bare = id_key(ref.strip(QUOTES + " "))
            found = ids.get(bare) or names.get(bare)
        if found is None:
            found = code_first(ref, ids)
        if found is None:  # "New members – everyone who joined in the last 60 days", «Лояльные (2+ заказа)»
            head = _GLOSSED.split(ref, 1)[0].strip()
            if head and head != ref:
                found = ids.get(id_key(head)) or names.get(id_key(head))
        return found or ref
    return resolve


_GLOSSED = re.compile(r"\s+[–—-]\s+|\s*\(")


def _register_steps(steps: list[Row], scenarios: list[Row]) -> list[Row]:
    """A register of communications (a row each, with its channels) beside a sheet detailing the chains touch
    by touch: the register's row is no step of a chain the detail sheet holds, nor of a trigger chain — those
    are detailed on their own sheet, and one it lacks has no steps (MAP005); a mass mailing's row stays its send.
    A register: a sheet whose rows are one step per scenario, numbered by no column (a sheet per channel numbers
    the steps it holds), two or more of them detailed on another sheet."""
    if len({row.sheet for row in steps}) < 2:
        return steps  # one sheet of steps: no register beside it
    by_sheet: dict[str, dict[str, int]] = {}
    numbered = {row.sheet for row in steps if row.cells.get("numbered") != "row"}  # a sheet that numbers its steps
    for row in steps:
        key = id_key(values.text(row.cells.get("scenario", "")))
        if key:
            counts = by_sheet.setdefault(row.sheet, {})
            counts[key] = counts.get(key, 0) + 1
    if len(by_sheet) < 2:
        return steps
    drop: dict[str, set[str]] = {}
    for sheet, counts in by_sheet.items():
        if any(n > 1 for n in counts.values()) or sheet in numbered:
            continue  # a sheet with several steps for a chain, or numbering its steps, details chains: no register
        detailed = {key for other, found in by_sheet.items() if other != sheet for key in found} & set(counts)
        if len(detailed) < 2:
            continue
        triggers = {id_key(values.text(r.cells.get("id", ""))) for r in scenarios if r.sheet == sheet
                    and values.normalize_word(values.text(r.cells.get("type", ""))) in _TRIGGER_TYPES}
        drop[sheet] = detailed | (triggers & set(counts))
    if not drop:
        return steps
    return [row for row in steps
            if id_key(values.text(row.cells.get("scenario", ""))) not in drop.get(row.sheet, ())]


_TRIGGER_TYPES = frozenset(word for word, kind in SCENARIO_TYPES.items() if kind == "trigger")


_CODE_FIRST = re.compile(r"^\s*(\S+?)[:.,]?\s+\S")


def code_first(ref: str, ids: dict[str, str]) -> str | None:
    """«ST3 Регулярное обслуживание», «SEG-LEAD Лиды с сайта (оставили заявку)»: a reference written as a
    record's code and then its name or a remark means the record of that code."""
    match = _CODE_FIRST.match(ref)
    return ids.get(id_key(match.group(1).strip("—–-"))) if match else None


_ARROW = re.compile(r"\s*(?:→|->|=>|⇒)\s*")
_EVENT_LEAD = re.compile(r"^\s*(?:(?:custom\s+|behavioral\s+|пользовательское\s+)?(?:event|событие|trigger|триггер)"
                         r"(?:\s+name)?\s*:\s*|(?:has\s+|did\s+)?perform(?:s|ed)?\s+)", re.IGNORECASE)
_TRAILING_REMARK = re.compile(r"\s*\([^()]*\)\s*$")
_KEY_TOKEN = re.compile(r"(?<![\w.])[a-z][a-z0-9]*(?:[_.][a-z0-9]+)+(?![\w.])")


def _event_in_cell(resolve: Callable[[str], str], known: set[str],
                   names: tuple[str, ...] = ()) -> Callable[[str], str]:
    """An event reference as a tool's export writes it, once the cell names no event as a whole: "Custom event:
    trial_started", "Meeting booked → demo_booked" (the key after the arrow), "nps_submitted (score ≥ 9)" (a
    remark in brackets), or the one analytics key written inside. Only an event of the map counts."""
    def event(ref: str) -> str:
        found = resolve(ref)
        if id_key(found) in known or not known:
            return found
        candidates = [_ARROW.split(ref)[-1], _EVENT_LEAD.sub("", ref)]
        candidates += [_TRAILING_REMARK.sub("", c) for c in list(candidates)]
        candidates += _KEY_TOKEN.findall(ref)
        for candidate in candidates:
            if candidate and candidate != ref and id_key(resolved := resolve(candidate.strip())) in known:
                return resolved
        if ref not in inside:
            inside[ref] = _name_inside(ref, names)
        return resolve(inside[ref]) if inside[ref] else found
    inside: dict[str, str | None] = {}
    return event


# how an ESP's filter counts an event after its name: "Placed Order zero times since starting this flow",
# "Opened Email at least once in the last 30 days", «Оформил заказ ни разу за 30 дней»
_COUNT_TAIL = re.compile(r"\s*(?:zero times|\d+\+? times?|at least|at most|more than|fewer than|less than|equals?\b|"
                         r"is (?:at least|at most|greater|less|equal)|has (?:not )?happened|since|in the last|"
                         r"over all time|ни разу|хотя бы|не менее|не более|больше|меньше|\d+ раз|с момента|за последни)",
                         re.IGNORECASE)


def _name_inside(ref: str, names: tuple[str, ...]) -> str | None:
    """The event name a filter's cell begins with, counted after it ("Placed Order zero times since starting
    this flow" → Placed Order); the longest such name."""
    text = ref.casefold()
    found = [name for name in names if text.startswith(name.casefold())
             and _COUNT_TAIL.match(ref[len(name):])]
    return max(found, key=len) if found else None


def _resolve_names(segments: list[Segment], stages: list[Stage], channels: list[Channel], events: list[Event],
                   scenarios: list[Scenario], steps: list[Step]) -> None:
    """Client maps refer to segments, stages, channels and events by name as often as by code."""
    segment, stage, channel = _by_name(segments), _by_name(stages), _by_name(channels)
    event = _event_in_cell(_by_name(events), {e.key for e in events},
                           tuple(text for e in events for text in (e.id, e.name) if text and len(text) >= 4))
    event_keys = {e.key for e in events}
    for record in segments:
        record.parent = segment(record.parent) if record.parent else record.parent
        record.stage = stage(record.stage) if record.stage else record.stage
    stage_keys = {key for s in stages for key in (s.key, id_key(s.name)) if key}
    for record in stages:  # «КП отправлено / Отказ»: two stages, when the whole names none
        record.next = [stage(part) for n in record.next
                       for part in (n.split(" / ") if " / " in n and id_key(n) not in stage_keys else [n])]
    segment_keys = {id_key(text) for s in segments for text in (s.id, s.name) if text}
    for scenario in scenarios:
        scenario.segments = [segment(ref) for ref in _rejoined(scenario.segments, segment_keys)]
        scenario.stage = stage(scenario.stage) if scenario.stage else scenario.stage
        scenario.trigger = event(scenario.trigger) if scenario.trigger else scenario.trigger
        scenario.goal_event = event(scenario.goal_event) if scenario.goal_event else scenario.goal_event
        if not scenario.goal_event and scenario.goal and id_key(named := event(scenario.goal)) in event_keys:
            scenario.goal_event = named  # "Goal: trial_converted": the goal named as one of the map's events
        scenario.stop_events = [event(ref) for ref in scenario.stop_events]
    for step in steps:
        step.channel = channel(step.channel)
        if step.condition is not None and step.condition.event:
            step.condition = replace(step.condition, event=event(step.condition.event))


_JOINED = re.compile(r"\s*(?:\+|&|/|,|;|\s(?:и|and)\s)\s*")


_ACTION_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_ACTION_VERB = re.compile(r"\b(?:send|create|make|trigger|отправ\w*|создат\w*|позвонит\w*|написат\w*)\b", re.IGNORECASE)
_ACTION_SYSTEM = re.compile(r"\(([^()]+)\)|\b(?:via|through|через|from|из)\s+([^\W_][\w.\- ]*)", re.IGNORECASE)


def _channels_in_actions(steps: list[Step], channels: list[Channel], systems: list[System]) -> None:
    """A workflow tool's action names the channel among other words: "Send marketing email: Trial onboarding
    #1", "Create task for SDR: call", "Send push (Intercom)", «Отправить SMS через SMSC». A channel cell that
    is no channel of the map and holds the words of exactly one channel kind is that channel, as written
    ("email", "call", "push") — or the map's one channel of that kind («Задача менеджеру: позвонить» is its
    «Звонок»); a system of the map in brackets or after "via" / «через» sends the step."""
    declared = {key for c in channels for key in (c.key, id_key(c.name)) if key}
    declared |= {id_key(item) for s in systems for item in s.channels}  # "App push" a system sends is a channel
    system_ids = {key: s.id for s in systems for key in (s.key, id_key(s.name)) if key}
    of_kind: dict[str, list[str]] = {}  # a declared channel of each kind: «Письмо клиенту» is the map's Email
    for c in channels:
        of_kind.setdefault(c.kind.value, []).append(c.id)
    seen: dict[str, tuple[str, str | None] | None] = {}
    for step in steps:
        cell = step.channel
        if cell not in seen:
            action = len(cell.split()) >= 3 or any(mark in cell for mark in ":(") or bool(_ACTION_VERB.search(cell))
            found = None
            if id_key(cell) not in declared and (action or (channels and len(cell.split()) >= 2)):
                found = _channel_in_action(cell, system_ids)
            if found is not None and channels:
                kind = CHANNEL_KINDS[values.normalize_word(found[0])]
                same = of_kind.get(kind, [])
                found = (same[0], found[1]) if len(same) == 1 else found
            seen[cell] = found
        found = seen[cell]
        if found is None:
            continue
        step.channel = found[0]
        if found[1] and not step.system:
            step.system = found[1]


def _channel_in_action(text: str, system_ids: dict[str, str]) -> tuple[str, str | None] | None:
    words = [w for w in _ACTION_WORD.findall(text) if values.normalize_word(w) in CHANNEL_KINDS]
    kinds = {CHANNEL_KINDS[values.normalize_word(w)] for w in words}
    if len(kinds) != 1:
        return None
    system = None
    for match in _ACTION_SYSTEM.finditer(text):
        named = system_ids.get(id_key(match.group(1) or match.group(2) or ""))
        if named is not None:
            system = named
            break
    return words[0], system


def _stages_from_group_titles(scenarios: list[Scenario], rows: list[Row], stages: list[Stage]) -> None:
    """Rows grouped under a title row («Lead», «Free prep») on a wide sheet with no stage column: the title is
    their scenarios' stage when the map has a stage of that id or name; any other title only groups rows."""
    titles = {id_key(values.id_text(r.cells.get("id", ""))): values.text(r.cells["stage_group"]) for r in rows
              if values.text(r.cells.get("stage_group", ""))}
    if not titles or not stages:
        return
    stage = _by_name(stages)
    known = {s.key for s in stages}
    for scenario in scenarios:
        title = titles.get(scenario.key)
        if title and not scenario.stage and id_key(found := stage(title)) in known:
            scenario.stage = found


def _systems_from_scenarios(steps: list[Step], rows: list[Row], systems: list[System],
                            channels: list[Channel]) -> None:
    """A scenario row's platform («Sent via: Outreach») sends its steps that name none, on the channels that
    platform sends (an SMS step of a chain "sent via" an ESP that has no SMS stays with the SMS sender)."""
    said = {id_key(values.id_text(r.cells.get("id", ""))): values.id_text(r.cells.get("system", "")) for r in rows
            if values.id_text(r.cells.get("system", ""))}
    if not said or not systems:
        return
    by_key = {s.key: s for s in systems}
    kinds = {c.key: c.kind.value for c in channels}
    for step in steps:
        named = said.get(id_key(step.scenario))
        if step.system or not named:
            continue
        wanted = {id_key(step.channel), kinds.get(id_key(step.channel)) or infer_channel_kind(step.channel).value}
        for part in [p for p in _JOINED.split(named) if p.strip()]:
            system = by_key.get(id_key(part))
            if system is not None and wanted & _sent_kinds(system):
                step.system = system.id
                break


def _sent_kinds(system: System) -> set[str]:
    """A system's channels as ids and kinds, without remarks: "Email (1:1)" → email."""
    bare = [_TRAILING_REMARK.sub("", c) or c for c in system.channels]
    return {id_key(c) for c in bare} | {infer_channel_kind(c).value for c in bare}


def _resolve_joined_systems(steps: list[Step], systems: list[System], channels: list[Channel]) -> None:
    """A platform cell naming several systems («Mindbox + Oktell») on a row of a scenario that uses
    both: each step is sent by the one of them that sends its channel (else the first named)."""
    if not systems:
        return
    by_key = {s.key: s for s in systems}
    kinds = {c.key: c.kind.value for c in channels}
    chosen: dict[tuple[str, str], str] = {}
    for step in steps:
        if not step.system or id_key(step.system) in by_key:
            continue
        cells = (step.system, step.channel)
        if cells not in chosen:
            parts = [by_key.get(id_key(part)) for part in _JOINED.split(step.system) if part.strip()]
            if len(parts) < 2 or any(part is None for part in parts):
                chosen[cells] = step.system  # not a list of the map's systems: MAP001 judges the cell
            else:
                kind = kinds.get(id_key(step.channel)) or infer_channel_kind(step.channel).value
                wanted = {id_key(step.channel), kind}
                sender = next((p for p in parts if wanted & {id_key(c) for c in p.channels}), parts[0])
                chosen[cells] = sender.id
        step.system = chosen[cells]


def _channels_of_several_systems(channels: list[Channel], systems: list[System]) -> None:
    """A Channels row naming several systems («HubSpot, Postmark») has no one sender: each of them sends
    the channel (it joins their lists of channels), and each step's own system cell says which one."""
    by_key = {s.key: s for s in systems}
    for channel in channels:
        if not channel.system or id_key(channel.system) in by_key:
            continue
        parts = [by_key.get(id_key(part)) for part in _JOINED.split(channel.system) if part.strip()]
        if len(parts) < 2 or any(part is None for part in parts):
            continue  # not a list of the map's systems: MAP001 judges the cell
        for system in parts:
            if not {channel.key, channel.kind.value} & {id_key(c) for c in system.channels}:
                system.channels.append(channel.id)
        channel.system = None


def _implied_journey(stages: list[Stage]) -> None:
    """A CJM written as a list of stages (numbered, or one under another) and no stage naming its next
    one is that sequence: each stage leads to the one after it (FLOW001/FLOW002 then judge only a map
    that draws its own ways onward)."""
    if len(stages) < 2 or any(stage.next for stage in stages):
        return
    ordered = sorted(stages, key=lambda s: s.order) if all(s.order is not None for s in stages) else stages
    for stage, following in zip(ordered, ordered[1:]):
        if not stage.final:
            stage.next = [following.id]


def _rejoined(parts: list[str], known: set[str]) -> list[str]:
    """A list cell split at a comma that belongs to a name: «Verified, no ride yet» is one segment
    when the map declares it so, not "Verified" and "no ride yet". Parts that are known alone stay."""
    if len(parts) < 2:
        return parts
    found: list[str] = []
    index = 0
    while index < len(parts):
        longest = None
        if id_key(parts[index]) not in known:
            for end in range(len(parts), index + 1, -1):
                joined = ", ".join(parts[index:end])
                if id_key(joined) in known:
                    longest = (joined, end)
                    break
        if longest is None:
            found.append(parts[index])
            index += 1
        else:
            found.append(longest[0])
            index = longest[1]
    return found


def _resolve_all_segments(scenarios: list[Scenario], segments: list[Segment]) -> None:
    """`*` means every segment not excluded; so do `all` / `все`. The whole base («вся база», "all
    customers", "everyone") means every segment, the stop list included — unless an exception after
    it («вся база, кроме стоп-листа», "all customers except unsubscribed") names the stop list.

    None of these words counts when the map has a segment by that id or name: then it is that segment.
    """
    declared = {id_key(s.id) for s in segments} | {id_key(s.name) for s in segments if s.name}
    parents = {id_key(s.parent) for s in segments if s.parent}
    # a declared root segment called «Вся база» / "All customers" is the whole base, stop list included
    roots = {id_key(text) for s in segments if not s.parent and not s.excluded and s.key not in parents
             and any(t and segment_words.whole_base(t) is not None for t in (s.id, s.name))
             for text in (s.id, s.name) if text}
    stop_list = {values.normalize_word(text) for s in segments if s.excluded for text in (s.id, s.name) if text}
    for scenario in scenarios:
        everyone: list[str] = []
        whole = False
        spares_stop_list = False
        for index, ref in enumerate(scenario.segments):
            if id_key(ref) in declared:
                if id_key(ref) in roots:
                    scenario.all_segments = scenario.whole_base = True
                continue
            if ref == "*" or values.normalize_word(ref) in ALL_SEGMENTS:
                everyone.append(ref)
                continue
            base = segment_words.whole_base(ref)
            if base is not None:
                everyone.append(ref)
                whole = True
                # «вся база, кроме стоп-листа»: the list splits the exception into the next item
                following = scenario.segments[index + 1] if index + 1 < len(scenario.segments) else ""
                exception = base.exception or _exception_text(following)
                if exception and not base.exception:
                    everyone.append(following)
                if exception and (segment_words.means_excluded(exception)
                                  or values.normalize_word(exception) in stop_list):
                    spares_stop_list = True
        if everyone:
            scenario.all_segments = True
            scenario.whole_base = whole and not spares_stop_list
            scenario.segments = [ref for ref in scenario.segments if ref not in everyone]


def _exception_text(ref: str) -> str:
    """What an item such as «кроме стоп-листа» or "except unsubscribed" excepts, else ''."""
    words = segment_words.words_of(ref)
    skip = segment_words.exception_at(words, 0) if words else 0
    return " ".join(words[skip:]) if skip else ""


_PURCHASE_WORDS = ("order_paid", "purchase", "paid", "order", "покуп", "оплат", "заказ", "checkout", "buy")


def _resolve_purchase_conditions(steps: list[Step], events: list[Event], scenarios: list[Scenario]) -> None:
    """`нет покупки 3 дня` waits for a purchase: the scenario's goal or stop event when it names one («Покупка
    продлённой гарантии»), else the map's purchase event; without one, for an event `purchase`. An event
    whose own name is negative («Нет покупок 90 дней») is a trigger of its own, never the purchase."""
    waiting = [s for s in steps if s.condition is not None and s.condition.event == PURCHASE]
    if not waiting:
        return
    by_id = {e.key: e for e in events}

    def purchase(candidates: list[Event]) -> Event | None:
        for word in _PURCHASE_WORDS:  # the most specific spelling first
            found = next((e for e in candidates if not negative_name(e) and any(
                word in id_key(text) for text in (e.id, e.name, e.analytics_key or ""))), None)
            if found is not None:
                return found
        return None

    fallback = purchase(events)
    own = {s.key: [by_id[id_key(ref)] for ref in (s.goal_event, *s.stop_events) if ref and id_key(ref) in by_id]
           for s in scenarios}
    for step in waiting:
        target = purchase(own.get(id_key(step.scenario), [])) or fallback
        step.condition = replace(step.condition, event=target.id if target is not None else PURCHASE_UNRESOLVED)


_EVENT_KEY = re.compile(r"^[a-z][a-z0-9]*(?:[_.][a-z0-9]+)+$")  # lesson_booked, order.paid: an analytics key


def _resolve_event_words(steps: list[Step], events: list[Event]) -> None:
    """A free-text condition written around one of the map's events — "No Ride completed",
    «нет события «Отзыв оставлен»», "Licence verified has not happened", «после события «Заказ
    передан курьеру»» — waits for (or on the absence of) that event. Only a declared event's id,
    name or analytics key counts, or words written as an event's key ("no lesson_booked": snake_case or
    dotted, no spaces), declared or not (TRK001 reports an undeclared one): other words stay free text (MAP006)."""
    known = {values.normalize_word(text): event.id for event in events
             for text in (event.id, event.name, event.analytics_key) if text}
    step_ids = {id_key(step.id) for step in steps}
    for step in steps:
        if not step.condition_text or (step.condition is not None
                                       and not feedback_of_no_step(step.condition, step_ids)):
            continue
        for text in _condition_and_gloss(step.condition_text):
            found = event_in_words(text)
            if found is None:
                continue
            kind, words = found
            event = known.get(values.normalize_word(words)) or (
                words if _EVENT_KEY.match(words) or _NAMES_AN_EVENT.search(text) else None)
            if event is not None:
                step.condition = Condition(kind=kind, event=event)
                break


# "Has performed Recipe Saved", «нет события «X»»: the words after these name an event, declared or not (TRK001)
_NAMES_AN_EVENT = re.compile(r"\b(?:perform(?:s|ed)?|event|событи[ея])\b", re.IGNORECASE)
_GLOSS = re.compile(r"^(?P<said>.+?)\s*\((?P<gloss>[^()]+)\)\s*$")


def _condition_and_gloss(text: str) -> list[str]:
    """A condition and, when it ends in brackets, what the brackets say: «если не выбрал дату доставки (нет
    события «Выбрана дата доставки»)» states its event in the gloss."""
    match = _GLOSS.match(text)
    return [match["gloss"], text] if match else [text]


_NEXT_REF = re.compile(r"(?:касани\w*|шаг\w*|сообщени\w*|письм\w*|пункт\w*|\bп\.|step|touch|message|email|#|№|\bк\b|\bto\b|\bна\b)"
                       r"\s*(?:№|#|no\.?)?\s*([^\W_]*\d+)", re.IGNORECASE)
_NEXT_END = re.compile(r"\b(?:stop|end|exit|finish|конец|стоп|выход|выйти|заверш\w*|прекрат\w*|останов\w*)\b",
                       re.IGNORECASE)
_NEXT_REPEAT = re.compile(r"повтор\w*|снова|ещё раз|еще раз|again|repeat\w*|resend\w*|back to|назад", re.IGNORECASE)


_LEADING_ARROW = re.compile(r"^\s*(?:→|->|=>|⇒|➝|⟶|↺|↻|⟲|⟳|🔁)\s*")
# "1 after 7 days", «2 через 3 дня»: a step's number, then when
_LEADING_STEP = re.compile(r"^\s*([^\W_]*\d+)\s+(?:after|in|then|через|спустя|затем|потом)\b", re.IGNORECASE)


def _resolve_next_words(steps: list[Step]) -> None:
    """`next` cells in words: «снова шаг 1 через 7 дней», "back to touch 1 — max 2 resends", "then stop".

    A phrase naming a step of the scenario (by its id, or "touch/шаг/step N") links to it; a phrase
    that only says stop/конец ends the chain; «повторять касание 2 каждые 5 дней» on step 2 links it
    to itself. What is left in words is kept as `next_text` (a repeat limit there bounds the loop);
    a phrase naming no step at all stays a reference, for MAP001.
    """
    ids: dict[str, dict[str, str]] = {}
    for step in steps:
        ids.setdefault(id_key(step.scenario), {})[id_key(step.id)] = step.id
    for step in steps:
        if not step.next:
            continue
        own = ids[id_key(step.scenario)]
        linked: list[str] = []
        words: list[str] = []
        for item in step.next:
            item = _LEADING_ARROW.sub("", item) or item  # "→ 2", "→ 1 after 7 days"
            if id_key(item) in own:
                linked.append(item)
                continue
            lead = _LEADING_STEP.match(item)
            if lead and id_key(lead.group(1)) in own:
                linked.append(own[id_key(lead.group(1))])
                words.append(item)  # its timing stays in words ("after 7 days")
                continue
            nth = _nth_step(item, own)
            if nth is not None:
                linked.append(nth)
                continue
            refs = [own[id_key(r)] for r in _NEXT_REF.findall(item) if id_key(r) in own]
            refs = refs or [nth for r in _NEXT_REF.findall(item) if (nth := _nth_step(r, own)) is not None]
            if not refs and _NEXT_REPEAT.search(item):
                refs = [step.id]
            if refs:
                linked.extend(refs)
                words.append(item)
            elif _NEXT_END.search(item) or (words and not re.search(r"\d", item)) or text_bound(item):
                words.append(item)  # "then stop"; «пока не оставит отзыв» after a repeat; «не более 2 раз»
            else:
                linked.append(item)
        if words or linked != step.next:
            step.next = list(dict.fromkeys(linked))
        if words:
            step.next_text = "; ".join(words)


def _nth_step(ref: str, own: dict[str, str]) -> str | None:
    """A bare number naming a step of a scenario whose steps carry names, not numbers ("3" when the
    steps are «You're approved», «How to unlock»…): the id of its N-th step, in the order written."""
    ref = ref.strip().rstrip(".")
    if not ref.isdigit() or any(key.isdigit() for key in own):
        return None
    number = int(ref)
    return list(own.values())[number - 1] if 1 <= number <= len(own) else None


def _repeating_steps(steps: list[Step], scenarios: list[Scenario]) -> None:
    """A step of a trigger chain whose timing says how often it goes («каждые 2 дня», "every 3 days")
    repeats: it follows itself, every period, and its timing is read for a bound like any `next` in words
    («каждые 2 дня, не более 3 раз»). The chain's first step is left alone: its recurrence is the
    scenario's schedule (`_scenario_timing_from_steps`); a regular mailing's steps go out on its schedule."""
    regular = {s.key for s in scenarios if s.type is ScenarioType.REGULAR or s.schedule}
    seen: set[str] = set()
    for step in steps:
        scenario = step.key[0]
        first = scenario not in seen
        seen.add(scenario)
        if first or scenario in regular or step.next is not None or not step.timing_text:
            continue
        timing = parse_timing(step.timing_text)
        if not timing.per_week or timing.weekdays:  # «по вторникам» on a chain's step is a send day, no loop
            continue
        step.next = [step.id]
        step.next_text = step.next_text or step.timing_text
        if step.delay_minutes is None:
            step.delay_minutes = round(10080 / timing.per_week)


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


def _resolve_payment_conditions(steps: list[Step], events: list[Event], scenarios: list[Scenario]) -> None:
    """`не оплатил подписку` waits for the map's payment event (an Events row, or an event a scenario
    names); a map without one leaves the condition as free text for MAP006."""
    waiting = [s for s in steps if s.condition is not None and s.condition.event == PAYMENT]
    if not waiting:
        return
    candidates = [(e.id, (e.id, e.name, e.analytics_key or "")) for e in events]
    candidates += [(ref, (ref,)) for scenario in scenarios
                   for ref in (scenario.trigger, scenario.goal_event, *scenario.stop_events) if ref]
    target = None
    for word in PAYMENT_EVENT_WORDS:  # the most specific spelling first
        target = next((ident for ident, texts in candidates if any(word in id_key(text) for text in texts)), None)
        if target is not None:
            break
    for step in waiting:
        step.condition = replace(step.condition, event=target) if target is not None else None


_STEP_CODE = re.compile(r"^\s*([^\W\d_]{1,4}\s?[-.#№]?\s?\d{1,3})[\s:.—–-]+\S")


def _resolve_step_codes(steps: list[Step]) -> None:
    """A step titled with its code first ("TO-2 Recipe push", «К3 — Напоминание»), as trackers name
    their items, is referred to by that code too: a condition or `next` naming the code names the step.
    Only a code that begins one step of the scenario counts."""
    codes: dict[str, dict[str, str | None]] = {}
    for step in steps:
        match = _STEP_CODE.match(step.id)
        if match:
            own = codes.setdefault(step.key[0], {})
            code = id_key(match.group(1))
            own[code] = None if code in own else step.id  # a code two steps begin with names neither
    if not codes:
        return
    for step in steps:
        own = codes.get(step.key[0])
        if not own:
            continue
        condition = step.condition
        if condition is not None and condition.step_ref and own.get(id_key(condition.step_ref)):
            step.condition = replace(condition, step_ref=own[id_key(condition.step_ref)])
        if step.next:
            step.next = [own.get(id_key(item)) or item for item in step.next]


def _resolve_step_words(steps: list[Step], channels: list[Channel]) -> None:
    """Feedback conditions naming the awaited step in words get its id (audit/conditions.py).

    A channel word (`не открыл письмо`, `не прочитал в Viber`) names the latest earlier step of
    the scenario on a channel of that kind — on the very messenger named, when there is one; an
    ordinal (`второе письмо`, `first email`) the n-th step of that kind (of any kind without a
    channel word), which must come before this one. The kind is the Channels sheet's, else the one
    the channel's name suggests. A step id written as well wins when it names a step or looks like
    a misspelt one (MAP001); an ordinary word beside a channel word only describes the message.
    Words that find no step leave the condition as free text for MAP006 — except a channel word
    without an ordinal when an earlier step's kind is unknown: that keeps meaning the step before.
    `ответил` (replied) awaited from a call is `answered`.
    """
    declared = {c.key: c for c in channels}
    kinds: dict[str, str] = {}

    def kind_of(step: Step) -> str:
        key = id_key(step.channel)
        if key not in kinds:
            channel = declared.get(key)
            kind = channel.kind if channel is not None else ChannelKind.OTHER
            if kind is ChannelKind.OTHER:
                kind = infer_channel_kind(step.channel)
            if kind is ChannelKind.OTHER and channel is not None and channel.name:
                kind = infer_channel_kind(channel.name)
            kinds[key] = kind.value
        return kinds[key]

    def names(step: Step, word: str) -> bool:
        channel = declared.get(id_key(step.channel))
        return word in (channel_word(step.channel), channel_word(channel.name) if channel is not None else None)

    by_scenario: dict[str, list[Step]] = {}
    for step in steps:
        by_scenario.setdefault(id_key(step.scenario), []).append(step)
    for scenario_steps in by_scenario.values():
        ids = {s.key[1]: position for position, s in enumerate(scenario_steps)}
        explicit_next = any(s.next is not None for s in scenario_steps)
        # row positions of the scenario's steps per channel kind (None: every step) and per named messenger
        by_kind: dict[str | None, list[int]] = {None: list(range(len(scenario_steps)))}
        for position, s in enumerate(scenario_steps):
            by_kind.setdefault(kind_of(s), []).append(position)
        by_name: dict[str, list[int]] = {}
        first_unknown = next(iter(by_kind.get(ChannelKind.OTHER.value, ())), None)
        for position, step in enumerate(scenario_steps):
            condition = step.condition
            if condition is None or condition.kind is not ConditionKind.FEEDBACK:
                continue
            ref = id_key(condition.step_ref) if condition.step_ref else None
            in_words = condition.channel is not None or condition.ordinal is not None
            nth = _nth_step(ref, {s.key[1]: s.id for s in scenario_steps}) if ref is not None else None
            if ref is not None and ref in ids:
                target = scenario_steps[ids[ref]]
            elif nth is not None and ids[id_key(nth)] < position:
                target = scenario_steps[ids[id_key(nth)]]
                condition = replace(condition, step_ref=target.id)
            elif ref is not None and not any(ch.isdigit() for ch in ref) and \
                    (named_step := _message_naming(scenario_steps[:position], condition.step_ref)) is not None:
                target = named_step  # "if checklist not opened" after «In-app – welcome checklist»
                condition = replace(condition, step_ref=target.id)
            elif ref is not None and (not in_words or any(ch.isdigit() for ch in ref)
                                      or difflib.get_close_matches(ref, list(ids), n=1, cutoff=0.75)):
                target = None  # a misspelt id stays for MAP001, an ordinary word for _word_refs_to_free_text
            elif not in_words:
                # no step named at all: the step before
                target = scenario_steps[position - 1] if position and not explicit_next else None
            else:
                kind = channel_kind(condition.channel)
                pool = by_kind.get(kind, [])
                found = None
                if condition.ordinal is not None:
                    if len(pool) >= condition.ordinal and pool[condition.ordinal - 1] < position:
                        found = pool[condition.ordinal - 1]
                else:
                    if condition.channel != kind:  # a messenger by name: that messenger's steps first
                        if condition.channel not in by_name:
                            by_name[condition.channel] = [i for i in pool if names(scenario_steps[i], condition.channel)]
                        named = by_name[condition.channel]
                        if named and named[0] < position:
                            pool = named
                    earlier = bisect.bisect_left(pool, position)
                    found = pool[earlier - 1] if earlier else None
                if found is None:
                    if condition.ordinal is None and first_unknown is not None and first_unknown < position:
                        step.condition = replace(condition, step_ref=None)
                    else:
                        step.condition = None
                    continue
                target = scenario_steps[found]
                condition = replace(condition, step_ref=target.id)
            if target is not None and condition.feedback == "replied" and kind_of(target) == ChannelKind.CALL.value:
                condition = replace(condition, feedback="answered")
            step.condition = condition

def _message_naming(earlier: list[Step], word: str) -> Step | None:
    """The latest earlier step whose message holds the word a condition names it by ("checklist")."""
    if len(word) < 4:
        return None
    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
    return next((s for s in reversed(earlier) if pattern.search(s.message)), None)


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
        # a Systems sheet listing a channel kind no step uses ("Push" on the CRM's row): a channel the map
        # declares there, which COV004 asks about
        used_kinds = {channel.kind for channel in seen_channels.values()}
        for system in commap.systems:
            if not system.declared:
                continue
            for item in system.channels:
                kind = infer_channel_kind(item)
                if kind is not ChannelKind.OTHER and kind not in used_kinds and id_key(item) not in seen_channels:
                    seen_channels[id_key(item)] = Channel(id=item, kind=kind, system=system.id, source=system.source)
                    used_kinds.add(kind)
        commap.channels = list(seen_channels.values())
    if not commap.has_sheet("segments"):
        seen_segments: dict[str, Segment] = {}
        for scenario in commap.scenarios:
            for ref in scenario.segments:
                if id_key(ref) not in seen_segments:  # a wide sheet's segment cell: its words say what it is
                    seen_segments[id_key(ref)] = Segment(
                        id=ref, declared=False, source=scenario.source, excluded=segment_words.means_excluded(ref),
                        tier="vip" if segment_words.means_vip(ref) else None)
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
    if not commap.has_sheet("systems") and not commap.systems:
        commap.systems = systems_from_rows(commap)


def systems_from_rows(commap: CommMap) -> list[System]:
    """Systems a map without a Systems sheet names on its steps ("Платформа", "Sent via"), in map order.

    Such a system sends the kinds of the channels its steps use; it branches on its own channels'
    feedback (a sending platform does), and what event sources it receives is unknown — so the
    rules that need a complete list of channels or sources (INT001, TRK003) do not judge it.
    """
    kinds = {c.key: c.kind.value for c in commap.channels}
    found: dict[str, System] = {}
    for step in commap.steps:
        if not step.system:
            continue
        system = found.get(id_key(step.system))
        if system is None:
            system = found[id_key(step.system)] = System(id=step.system, declared=False, orchestration=True,
                                                          source=step.source)
        kind = kinds.get(id_key(step.channel)) or infer_channel_kind(step.channel).value
        if kind not in system.channels:
            system.channels.append(kind)
    return list(found.values())


def infer_channel_kind(label: str) -> ChannelKind:
    """The kind a channel's name suggests: `e-mail`, `письмо` → email; `Telegram` → messenger."""
    word = values.normalize_word(label)
    if word in CHANNEL_KINDS:
        return ChannelKind(CHANNEL_KINDS[word])
    for alias, kind in CHANNEL_KINDS.items():
        if len(alias) >= 3 and alias in word:
            return ChannelKind(kind)
    return ChannelKind.OTHER


_CHOOSERS: dict[tuple[int, str], Callable[[object], str | None]] = {}


def _choice(aliases: dict[str, str], what: str) -> Callable[[object], str | None]:
    """`values.choice` over `aliases`, read once per distinct cell value: a column of 100,000
    steps holds a handful of message types, and fuzzy matching is what costs."""
    chooser = _CHOOSERS.get((id(aliases), what))
    if chooser is None:
        seen: dict[tuple[type, object], str | None | ValueError] = {}

        def chooser(raw: object) -> str | None:
            key = (type(raw), raw)
            found = seen.get(key, seen)
            if found is seen:
                try:  # «—», "n/a": written so as not to leave it blank, it names nothing
                    found = None if values.placeholder(raw) else values.choice(raw, aliases, what)
                except ValueError as exc:
                    found = exc
                seen[key] = found
            if isinstance(found, ValueError):
                raise type(found)(*found.args)
            return found

        _CHOOSERS[(id(aliases), what)] = chooser
    return chooser


def _segment(b: _Builder, row: Row) -> Segment | None:
    ident = b.required_id(row, "id", "segment", _row_label(row))
    if ident is None:
        return None
    parent = values.id_text(row.cells.get("parent", "")) or None
    name = values.text(row.cells.get("name", ""))
    tier = b.read(row, "tier", _choice(TIERS, "tier (vip, high, regular, low)"), "segment", ident)
    excluded = b.read(row, "excluded", values.boolean, "segment", ident)
    # a cell the sheet filled in wins («Стоп-лист» with excluded = нет stays in); a blank one is
    # read from the segment's own words: «Стоп-лист», "Do-not-contact", «VIP-клиенты»
    if _blank(row, "excluded"):
        notes = values.text(row.cells.get("notes", "")) or values.text(row.cells.get("description", ""))
        excluded = segment_words.means_excluded(ident, name, notes)
    if _blank(row, "tier") and segment_words.means_vip(ident, name):
        tier = "vip"
    return Segment(
        id=ident,
        name=name,
        parent=parent,
        size=b.read(row, "size", values.whole_number, "segment", ident),
        tier=tier,
        excluded=bool(excluded),
        stage=values.id_text(row.cells.get("stage", "")) or None,
        source=row.source(),
    )


def _blank(row: Row, fld: str) -> bool:
    return fld not in row.errors and values.text(row.cells.get(fld, "")) == ""


_FINAL_WORDS = frozenset({"final", "финал", "финальный", "конечный", "terminal", "last", "последний"})
_ORDINARY_WORDS = frozenset({"обычный", "промежуточный", "regular", "normal", "ordinary", "intermediate", "middle"})


def _final_flag(value: object) -> bool | None:
    """A stage's final mark: yes/no, or its kind in words (`финальный` / `обычный`, "terminal" / "regular")."""
    word = id_key(values.text(value)).strip("()[] .")
    if word in _FINAL_WORDS:
        return True
    if word in _ORDINARY_WORDS:
        return False
    try:
        return values.boolean(value)
    except ValueError:
        # Bitrix24's stage semantics: «успешный (финал)», «провальный (финал)», «в работе»
        said = values.text(value).casefold()
        if re.search(r"\bфинал|\bfinal\b|\bterminal\b|\bwon\b|\blost\b|успешн|провальн", said):
            return True
        if re.search(r"в работе|in progress|open|промежуточн|обычн", said):
            return False
        raise


def _end_word(ref: str) -> str | None:
    """"end" for a word that ends a chain (`конец`, `-`), "final" for one that marks the last stage (`(final)`)."""
    word = id_key(ref).strip("()[] .")
    if word in _FINAL_WORDS:
        return "final"
    if word in END_WORDS or id_key(ref) in END_WORDS:
        return "end"
    remark = re.fullmatch(r"\s*[—–-]?\s*\(([^()]*)\)\s*", ref)  # «— (финальный этап)»: a dash and why
    if remark and re.match(r"[—–-]", ref.strip()):
        said = id_key(remark.group(1))
        return "final" if any(said.startswith(w) for w in _FINAL_WORDS if len(w) >= 5) else "end"
    return None


def _stage(b: _Builder, row: Row) -> Stage | None:
    ident = b.required_id(row, "id", "stage", _row_label(row))
    if ident is None:
        return None
    return Stage(
        id=ident,
        name=values.text(row.cells.get("name", "")),
        order=b.read(row, "order", values.number, "stage", ident),
        next=[n for n in values.id_list(row.cells.get("next", "")) if _end_word(n) is None],
        final=bool(b.read(row, "final", _final_flag, "stage", ident))
        or any(_end_word(n) == "final" for n in values.id_list(row.cells.get("next", ""))),
        final_said=bool(values.text(row.cells.get("final", ""))),
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
        feedback=[_feedback_word(f) for f in feedback_cell] if "feedback" in row.headers and feedback_cell
        else None,
        source=row.source(),
    )


def _source_kind(row: Row) -> str | None:
    """The kind an event's source cell names (site, app, CRM…); any other words name the source
    itself («OMS», «1С», "Bloomreach (catalogue)") — kept as written in `source_name`, no problem."""
    if "source" in row.errors:
        return None  # reported once as an error cell by `records`
    try:
        return _choice(EVENT_SOURCES, "event source")(row.cells.get("source", ""))
    except ValueError:
        return None


def _event(b: _Builder, row: Row) -> Event | None:
    ident = b.required_id(row, "id", "event", _row_label(row))
    if ident is None:
        return None
    return Event(
        id=ident,
        name=values.text(row.cells.get("name", "")),
        event_source=_source_kind(row),
        source_name=values.text(row.cells.get("source", "")),
        tracked=b.read(row, "tracked", values.live, "event", ident),
        analytics_key=values.id_text(row.cells.get("key", "")) or None,
        source=row.source(),
    )


_ALTERNATIVES = re.compile(r"\s+(?:or|или|либо)\s+", re.IGNORECASE)  # "Booking cancelled or trip completed"


_STATUS_CHOICE = _choice(STATUSES, "status (active, planned, paused, off)")


def _status_word(raw: object) -> str | None:
    """A status cell, or a yes/no answer to «Живая?» / "Live?": yes is active, no is off."""
    try:
        said = values.boolean(raw)
    except ValueError:
        said = None
    if said is not None:
        return "active" if said else "off"
    return _STATUS_CHOICE(raw)


def _scenario(b: _Builder, row: Row) -> Scenario | None:
    ident = b.required_id(row, "id", "scenario", _row_label(row))
    if ident is None:
        return None

    def cell(fld: str) -> object:  # «—», "n/a": written so as not to leave it blank, it names nothing
        value = row.cells.get(fld, "")
        return "" if values.placeholder(value) else value

    segment_refs = values.id_list(cell("segments"))
    status = b.read(row, "status", _status_word, "scenario", ident)
    return Scenario(
        id=ident,
        name=values.text(row.cells.get("name", "")),
        type=b.read(row, "type", _choice(SCENARIO_TYPES, "scenario type (trigger, regular, service)"),
                    "scenario", ident),
        segments=segment_refs,
        stage=values.id_text(cell("stage")) or None,
        trigger=values.id_text(cell("trigger")) or None,
        schedule=values.text(cell("schedule")) or None,
        goal=values.text(cell("goal")),
        goal_event=values.id_text(cell("goal_event")) or None,
        stop_events=[part for item in values.id_list(cell("stop_event"))
                     for part in _ALTERNATIVES.split(item) if part.strip()],
        kpi=values.text(cell("kpi")),
        owner=values.text(cell("owner")),
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
    if condition_text and (values.placeholder(condition_text) or id_key(condition_text) in NO_CONDITION_WORDS):
        condition_text = ""  # «—», «нет», "none": sent to everyone, no condition
    next_cell = row.cells.get("next", "")
    condition_text, loop = _loop_in_condition(condition_text)
    if loop and not values.text(next_cell):
        next_cell = loop  # "if no lesson_completed since step 1; then wait 4 days and go back to step 1"
    next_steps = values.id_list(next_cell)
    explicit_end = bool(next_steps) and all(id_key(n) in END_WORDS for n in next_steps)
    message_type = b.read(row, "message_type", _choice(MESSAGE_TYPES, "message type"), "step", ref)
    timing = _read_timing(b, row, ref)
    return Step(
        scenario=scenario,
        id=step_id,
        channel=channel,
        message=values.text(row.cells.get("message", "")),
        message_type=MessageType(message_type) if message_type else None,
        # «через 2 часа после оформления заявки»: the offset after the trigger is the step's delay
        delay_minutes=timing.delay_minutes if timing.delay_minutes is not None
        else timing.offset_minutes if timing.anchor_relation == "after" else None,
        send_time=timing.send_time,
        timing_text=timing.text,
        condition_text=condition_text,
        condition=parse_condition(condition_text) if condition_text else None,
        next=[] if explicit_end else ([n for n in next_steps if id_key(n) not in END_WORDS] or None),
        goal=values.text(row.cells.get("goal", "")),
        system=values.id_text(row.cells.get("system", "")) or None,
        source=row.source(),
    )


@lru_cache(maxsize=1 << 12)
def _loop_in_condition(text: str) -> tuple[str, str]:
    """A condition cell that also says where the chain goes next ("…; then wait 4 days and go back to step 1",
    «…, затем вернуться к шагу 1»): (the condition, the clause that loops back); ('' for no loop)."""
    if not text or not GO_BACK.search(text):
        return text, ""
    clauses = [c.strip() for c in re.split(r"\s*[;\n]\s*|\s*,\s*(?=(?:then|затем|потом|и затем)\b)", text) if c.strip()]
    kept = [c for c in clauses if not GO_BACK.search(c)]
    looped = [c for c in clauses if GO_BACK.search(c)]
    if not kept or not looped:
        return text, ""
    return ", ".join(kept), looped[0]


def _read_timing(b: _Builder, row: Row, ref: str) -> Timing:
    """The step's timing cell in its parts; only what stays unread is reported (MAP003, a warning)."""
    if "delay" in row.errors:
        b.error_cell(row, "delay", "step", ref)
        return Timing()
    raw = row.cells.get("delay", "")
    timing = parse_timing(raw)
    if timing.reason:
        b.problem("MAP003", "step", ref, row, "delay", severity=Severity.WARNING, value=values.text(raw),
                  reason=timing.reason)
    return timing


def _triggers_from_blocks(commap: CommMap, triggers: dict[str, str | None]) -> None:
    """A flow diagram's trigger box names its chain's trigger event (audit/importer/blocks.py); an empty one
    leaves a trigger chain without it (MAP004). A map without an Events sheet gets the event too."""
    if not triggers:
        return
    known = {e.key for e in commap.events}
    for scenario in commap.scenarios:
        if scenario.trigger or scenario.key not in triggers:
            continue
        if scenario.type is None:
            scenario.type = ScenarioType.TRIGGER
        event = triggers[scenario.key]
        if event is None:
            continue
        scenario.trigger = event
        if not commap.has_sheet("events") and id_key(event) not in known:
            known.add(id_key(event))
            commap.events.append(Event(id=event, declared=False, source=scenario.source))


def _scenario_timing_from_steps(commap: CommMap) -> None:
    """A scenario without a trigger or a schedule takes them from its first step's timing cell:
    «после оформления заявки» → trigger «оформления заявки» (the id of a declared event of that id
    or name), «1 раз в 2 недели» → schedule. A map without an Events sheet gets the event too."""
    first: dict[str, Step] = {}
    for step in commap.steps:
        first.setdefault(id_key(step.scenario), step)
    events = {values.normalize_word(text): event.id for event in commap.events
              for text in (event.id, event.name, event.analytics_key) if text}
    for scenario in commap.scenarios:
        _trigger_or_schedule(scenario, events)
        step = first.get(scenario.key)
        if step is None or not step.timing_text or (scenario.trigger and scenario.schedule):
            continue
        timing = parse_timing(step.timing_text)
        if not scenario.schedule and timing.recurrence:
            scenario.schedule = timing.recurrence
        elif not scenario.schedule and scenario.type is ScenarioType.REGULAR and (
                timing.send_date or _ONE_OFF.search(step.timing_text)):
            scenario.schedule = step.timing_text  # «разово, 01.12.2026»: a one-off mailing, sent on its day
        if scenario.trigger or not timing.anchor_text or scenario.type is ScenarioType.REGULAR:
            continue  # a regular mailing's «за 3 дня до старта» counts from a date, not an event
        if timing.anchor_relation == "before" and "trigger" in scenario.source.columns:
            continue  # «за 7 дней до сгорания» with the trigger cell left empty: a date nobody named (MAP004)
        scenario.trigger = events.get(values.normalize_word(timing.anchor_text)) or _quoted_event(
            timing.anchor_text, commap.events) or timing.anchor_text
        if not commap.has_sheet("events") and values.normalize_word(scenario.trigger) not in events:
            events[values.normalize_word(scenario.trigger)] = scenario.trigger
            commap.events.append(Event(id=scenario.trigger, declared=False, source=scenario.source))


def _quoted_event(anchor: str, events: list[Event]) -> str | None:
    """«переходе на этап «Квалификация»»: the one event of the map whose name holds the quoted name
    («Сделка перешла на этап «Квалификация»»)."""
    quoted = re.search(r"[«\"“]([^»\"”]+)[»\"”]?", anchor)  # (the timing may have dropped the closing mark)
    if quoted is None:
        return None
    name = quoted.group(1).strip().casefold()
    found = [e.id for e in events if any(text.casefold() == name or re.search(
        rf"[«\"“]{re.escape(name)}[»\"”]", text.casefold()) for text in (e.id, e.name) if text)]
    return found[0] if len(found) == 1 else None


_ONE_OFF = re.compile(r"\b(?:разово|разовая|разовый|единоразово|однократно|one[- ]off|one[- ]time|single send)\b",
                     re.IGNORECASE)


def _trigger_or_schedule(scenario: Scenario, events: dict[str, str]) -> None:
    """One column «Триггер / расписание» holds either, row by row. A trigger cell that says how often
    («каждый пн 10:00», "Every Mon, Wed and Fri at 11:00") and names no event of the map is the
    schedule of a regular mailing; a schedule cell of a trigger scenario that says no recurrence
    ("Tour booked") is its trigger. A mailing whose trigger cell also says how often («Старт
    распродажи (4 раза в год)») keeps the trigger and takes the schedule."""
    if scenario.trigger and not scenario.schedule and scenario.type is not ScenarioType.SERVICE:
        an_event = values.normalize_word(scenario.trigger) in events
        if an_event and scenario.type is not ScenarioType.REGULAR:
            return  # a trigger scenario on one of the map's events: nothing to read in its cell
        said = parse_timing(scenario.trigger)
        if said.recurrence and not said.anchor_text:
            scenario.schedule = said.recurrence
            if not an_event:
                scenario.type = ScenarioType.REGULAR  # the cell was no event: a mailing on a schedule
                scenario.trigger = None
    elif scenario.schedule and not scenario.trigger and scenario.type is ScenarioType.TRIGGER:
        if not parse_timing(scenario.schedule).recurrence:
            scenario.trigger = events.get(values.normalize_word(scenario.schedule), scenario.schedule)
            scenario.schedule = None


def _system(b: _Builder, row: Row) -> System | None:
    ident = b.required_id(row, "id", "system", _row_label(row))
    if ident is None:
        return None
    return System(
        id=ident,
        name=values.text(row.cells.get("name", "")),
        channels=[c for c in values.id_list(row.cells.get("channels", "")) if not values.placeholder(c)],
        # a system the sheet does not describe is taken to branch on its own channels' feedback:
        # the map is audited for what it states, and only a written "no" says it cannot
        orchestration=b.read(row, "orchestration", values.boolean, "system", ident) is not False,
        receives=[_event_source_word(s) for s in values.id_list(row.cells.get("receives", "")) if not values.placeholder(s)],
        sends_to=[t for t in _bracketed_list(values.text(row.cells.get("sends_to", ""))) if not values.placeholder(t)],
        passes=list(dict.fromkeys([*_feedback_named(values.text(row.cells.get("notes", ""))),
                                   *_passed_feedback(values.text(row.cells.get("carries", "")))])),
        source=row.source(),
    )


def _feedback_named(text: str) -> list[str]:
    """The feedback a note names word for word ("webhooks open/click" → opened, clicked); a note that the
    system syncs its audiences on ("audiences synced to OneSignal", «сегменты выгружаются в Mindbox") passes
    every feedback: the lists it builds from its steps' feedback ("did not open") reach the other system."""
    found = [canonical_feedback(word) for word in re.findall(r"[^\W\d_]+", text.casefold())]
    if _AUDIENCE_SYNC.search(text):
        found.append("*")
    return list(dict.fromkeys(f for f in found if f))


def _passed_feedback(text: str) -> list[str]:
    """The feedback a system's «Что передаёт» / "Passes" cell names, beside where its data goes: «статусы
    доставки и открытий писем» → delivered, opened."""
    return [f for item in values.id_list(text) for f in _carried_words(item) if f in FEEDBACKS]


def _audience_sync_pattern() -> re.Pattern:
    table = vocab.load("conditions")["audience_sync"]
    audience, sync = "|".join(table["audience"]), "|".join(table["sync"])
    near = r"\b(?:\W+\w+){0,2}?\W+(?:"  # up to two words between: "audiences are synced", «выгружаем списки»
    return re.compile(rf"\b(?:{audience}){near}{sync})\b|\b(?:{sync}){near}{audience})\b", re.IGNORECASE)


_AUDIENCE_SYNC = _audience_sync_pattern()


def _feedback_word(item: str) -> str:
    """One item of a channel's feedback cell: "delivered only", «статус доставки» → the feedback it
    names (the first such word); an item naming none stays as written, normalised."""
    words = (canonical_feedback(word) for word in re.findall(r"[^\W_]+", item))
    return next((w for w in words if w), None) or values.normalize_word(item)


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
        carries=list(dict.fromkeys(word for c in carries for word in ((c,) if c == "*" else _carried_words(c)))),
        source=row.source(),
    )


_FEEDBACK_STEMS = (("открыт", "opened"), ("открыв", "opened"), ("доставл", "delivered"), ("доставк", "delivered"), ("прочт", "read"),
                   ("прочит", "read"), ("клик", "clicked"), ("переход", "clicked"), ("ответ", "replied"),
                   ("дозвон", "answered"), ("open", "opened"), ("deliver", "delivered"), ("click", "clicked"),
                   ("repl", "replied"), ("answer", "answered"))


def _bracketed_list(text: str) -> list[str]:
    """`Naumen (статусы, клики), SMS-шлюз`: a list whose items may hold commas in brackets."""
    items, depth, current = [], 0, []
    for char in text:
        depth += (char == "(") - (char == ")")
        if char in ",;\n" and depth <= 0:
            items.append("".join(current))
            current = []
        else:
            current.append(char)
    items.append("".join(current))
    return [" ".join(item.split()) for item in items if item.strip()]


_CARRIED_PART = re.compile(r"^(?P<target>[^()]+?)\s*(?:\((?P<what>[^)]*)\))?\s*$")


def _integrations_from_systems(systems: list[System], stated: list[Integration]) -> list[Integration]:
    """"Sends data to: Naumen (статусы доставки)" on a Systems sheet: an integration to each system
    named; what it carries is what the brackets name, else the feedback the system's notes say it passes
    on, else unknown (INT002 then only warns)."""
    pairs = {(id_key(i.from_system), id_key(i.to_system)) for i in stated}
    found = []
    for system in systems:
        for item in system.sends_to:
            match = _CARRIED_PART.match(item)
            if match is None or id_key(match["target"]) in END_WORDS:
                continue
            target = match["target"].strip()
            if (system.key, id_key(target)) in pairs or id_key(target) == system.key:
                continue
            pairs.add((system.key, id_key(target)))
            # no brackets: what the system's notes say it passes on ("webhooks open/click"), else unknown
            carries = _carried_words(match["what"]) if match["what"] else list(system.passes)
            found.append(Integration(from_system=system.id, to_system=target, carries=carries,
                                     carries_unknown=not carries, source=system.source))
    return found


def _carried_words(raw: str) -> list[str]:
    """What an integration carries: the item as written, and every feedback it names inside
    («статусы писем (доставлено, открыто)» carries delivered and opened)."""
    found = [canonical_feedback(raw) or id_key(raw)]
    for word in re.findall(r"[^\W_]+", raw.casefold()):
        feedback = canonical_feedback(word) or next((f for stem, f in _FEEDBACK_STEMS if word.startswith(stem)), None)
        if feedback:
            found.append(feedback)
    return list(dict.fromkeys(found))
