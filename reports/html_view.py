"""What the HTML report shows besides the findings, computed from the audit's graph.

Every table here is bounded for large maps: rows beyond the limits are counted, not drawn
(the JSON report has everything).
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from audit.engine import AuditResult
from audit.feasibility import scenario_blockers
from audit.findings import Finding, Severity
from audit.graph import MapGraph
from audit.model import id_key
from audit.pressure import contact_pressure
from audit.rule import event_is_tracked

MAX_MATRIX_ROWS = 60
MAX_MATRIX_COLUMNS = 20
MAX_TABLE_ROWS = 300
KINDS = ("email", "sms", "push", "messenger", "call", "web", "ads", "social", "offline", "other")
MESSAGE_TYPES = ("promo", "info", "news", "service", "content", "transactional")


def worst_by_entity(findings: list[Finding]) -> dict[tuple[str, str], str]:
    """(kind, id case-folded) → the most severe severity of its findings."""
    worst: dict[tuple[str, str], Severity] = {}
    for finding in findings:
        key = (finding.entity.kind, finding.entity.id.casefold())
        if key not in worst or finding.severity.rank < worst[key].rank:
            worst[key] = finding.severity
    return {key: severity.value for key, severity in worst.items()}


def ordered_stages(graph: MapGraph):
    stages = list(graph.map.stages)
    if any(s.order is not None for s in stages):
        stages.sort(key=lambda s: (s.order is None, s.order if s.order is not None else 0))
    return stages


@dataclass
class Coverage:
    stages: list
    rows: list[tuple[object, list[list[str]]]]  # (segment, per stage: scenario labels)
    hidden_rows: int = 0
    hidden_columns: int = 0
    peak: int = 1


def coverage(graph: MapGraph) -> Coverage:
    stages = ordered_stages(graph)
    shown_stages = stages[:MAX_MATRIX_COLUMNS]
    column = {s.key: i for i, s in enumerate(shown_stages)}
    cells: dict[str, list[list[str]]] = defaultdict(lambda: [[] for _ in shown_stages])
    for scenario in graph.map.scenarios:
        if not scenario.status.live or not scenario.stage or id_key(scenario.stage) not in column:
            continue
        index = column[id_key(scenario.stage)]
        for segment_key in graph.reached_segments(scenario):
            cells[segment_key][index].append(scenario.label)
    segments = [s for s in graph.map.segments if not s.excluded]
    rows = [(s, cells[s.key]) for s in segments[:MAX_MATRIX_ROWS]]
    peak = max((len(c) for _, row in rows for c in row), default=1) or 1
    return Coverage(shown_stages, rows, max(0, len(segments) - MAX_MATRIX_ROWS),
                    max(0, len(stages) - MAX_MATRIX_COLUMNS), peak)


@dataclass
class Mix:
    kinds: list[str]
    types: list[str]
    rows: list[tuple[object, Counter, Counter]]
    hidden: int = 0


def mix(graph: MapGraph) -> Mix:
    per_scenario: dict[str, tuple[Counter, Counter]] = {}
    for scenario in graph.map.scenarios:
        steps = graph.steps_by_scenario.get(scenario.key, [])
        kinds = Counter(map(graph.kind_of, steps))
        # counted by the enum members, named once per distinct member
        types = Counter({(kind.value if kind else "—"): n for kind, n in Counter(s.message_type for s in steps).items()})
        per_scenario[scenario.key] = (kinds, types)
    rows = []
    segments = [s for s in graph.map.segments if not s.excluded]
    for segment in segments[:MAX_TABLE_ROWS]:
        kinds, types = Counter(), Counter()
        for scenario in graph.live_scenarios_by_segment.get(segment.key, []):
            k, t = per_scenario[scenario.key]
            kinds.update(k)
            types.update(t)
        rows.append((segment, kinds, types))
    used_kinds = [k for k in KINDS if any(r[1][k] for r in rows)]
    used_types = [t for t in (*MESSAGE_TYPES, "—") if any(r[2][t] for r in rows)]
    return Mix(used_kinds, used_types, rows, max(0, len(segments) - MAX_TABLE_ROWS))


@dataclass
class Pressure:
    caps: dict[str, float]
    kinds: list[str]
    rows: list[tuple[object, dict[str, float], float]]
    firings: float = 1.0
    hidden: int = 0


def pressure(result: AuditResult, graph: MapGraph) -> Pressure | None:
    rule = next((r for r in result.rules if r.code == "FREQ001"), None)
    if rule is None:
        return None
    caps = dict(rule.options.caps)
    firings = rule.options.trigger_firings_per_week
    numbers = contact_pressure(graph, firings)
    segments = [s for s in graph.map.segments if not s.excluded and s.key in numbers]
    rows = [(s, dict(numbers[s.key].per_kind), numbers[s.key].total) for s in segments[:MAX_TABLE_ROWS]]
    kinds = [k for k in KINDS if any(row[1].get(k) for row in rows)]
    return Pressure(caps, kinds, rows, firings, max(0, len(segments) - MAX_TABLE_ROWS))


def number(value: float) -> str:
    if math.isinf(value):
        return "∞"
    return f"{value:.1f}".rstrip("0").rstrip(".")


@dataclass
class UndefinedEvent:
    """An event the map refers to but does not define, as a row of the events table."""

    label: str
    event_source: None = None


@dataclass
class EventRow:
    event: object
    status: str  # tracked | untracked | unused | undefined
    used_by: list[str] = field(default_factory=list)


def events(result: AuditResult, graph: MapGraph) -> list[EventRow]:
    used: dict[str, list[str]] = defaultdict(list)
    for scenario in graph.map.scenarios:
        for ref in (scenario.trigger, scenario.goal_event, *scenario.stop_events):
            if ref and scenario.label not in used[id_key(ref)]:
                used[id_key(ref)].append(scenario.label)
    for step in graph.map.steps:
        if step.condition is not None and step.condition.event:
            used[id_key(step.condition.event)].append(step.ref)
    rows = []
    has_sheet = graph.map.has_sheet("events")
    for event in graph.map.events[:MAX_TABLE_ROWS]:
        if has_sheet and not event.declared:
            status = "undefined"
        elif not event_is_tracked(event, result.tracking_plan):
            status = "untracked"
        elif not used.get(event.key):
            status = "unused"
        else:
            status = "tracked"
        rows.append(EventRow(event, status, used.get(event.key, [])[:6]))
    if has_sheet:
        known = {e.key for e in graph.map.events}
        for key, users in sorted(used.items()):
            if key not in known and len(rows) < MAX_TABLE_ROWS:
                rows.append(EventRow(UndefinedEvent(key), "undefined", users[:6]))
    return rows


@dataclass
class Feasibility:
    runnable: int
    total: int
    blocked: list[tuple[object, list]]


def feasibility(graph: MapGraph) -> Feasibility | None:
    if not graph.has_platform:
        return None
    blocked = []
    for scenario in graph.map.scenarios:
        found = scenario_blockers(graph, scenario)
        if found:
            blocked.append((scenario, found))
    return Feasibility(len(graph.map.scenarios) - len(blocked), len(graph.map.scenarios), blocked[:MAX_TABLE_ROWS])


def finding_segments(result: AuditResult, graph: MapGraph) -> dict[int, str]:
    """For the segment filter: per finding (by position), the segment keys it concerns."""
    out: dict[int, str] = {}
    for index, finding in enumerate(result.findings):
        kind, ident = finding.entity.kind, id_key(finding.entity.id)
        keys: list[str] = []
        if kind == "segment":
            keys = [ident]
        elif kind in ("scenario", "step"):
            scenario = graph.scenarios.get(ident.split("/", 1)[0] if kind == "step" else ident)
            if scenario is not None:
                keys = graph.reached_segments(scenario)[:50]
        out[index] = " ".join(keys)
    return out
