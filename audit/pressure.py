"""Estimated worst-case contacts per customer per week, per segment and channel kind (FREQ001, HTML).

How the number is made:

* a regular scenario sends once per schedule period: `weekly` = 1/week, `2/week` = 2,
  `daily` = 7, `monthly` = 12/52, `biweekly` / `every 2 weeks` = 0.5, `quarterly` = 4/52,
  `twice a month`, `every Monday and Thursday` (2), Russian forms too (`еженедельно`,
  `2 раза в неделю`, `ежедневно`, `раз в месяц`, `раз в две недели`, `по будням`…); a schedule
  that is empty or not understood counts as once a week and is marked *assumed*;
* a trigger or service scenario fires `trigger_firings_per_week` times (default 1) — service
  messages are contacts too; a scenario of no stated type with a schedule is read as regular;
* every step is one contact in its channel's kind per firing — conditional cascade steps too,
  since the worst case is the customer who never reacts;
* a step on a loop among the scenario's steps sends without bound (infinity) when FLOW003 reports
  the loop — nothing ends it (`audit/loops.py`, the one answer both use); a loop with a repeat
  limit («до 3 раз») sends its steps that many times per firing; a loop ended by a stop event or a
  deadline sends each of its steps once a round, a round being the sum of the loop's delays, for
  a whole week in the worst case (at least once per firing; once per firing when it has no delays);
* a segment receives the live (active or planned) scenarios that target it, its parent
  segments, or `*` (`audit.reach`, linear in the map).
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from audit.graph import MapGraph
from audit.loops import REPEAT, scenario_loops
from audit.model import Scenario, ScenarioType
from audit.reach import tally_by_segment
from audit.timing import schedule_per_week  # the recurrence grammar of timing cells, one reader for both

LEADERS = 3  # contributors a finding names
WEEK_MINUTES = 7 * 24 * 60


@dataclass
class ScenarioContacts:
    """What one live scenario sends a customer per week."""

    scenario: Scenario
    index: int  # position on the Scenarios sheet
    firings: float  # sends or firings per week
    basis: str  # "schedule", "assumed" (schedule empty or not understood: weekly) or "trigger"
    steps: Counter  # steps per channel kind
    looping: Counter  # of those, steps on a loop nothing ends (unbounded)
    bounded: Counter = field(default_factory=Counter)  # contacts a week from steps on bounded loops
    bounded_steps: Counter = field(default_factory=Counter)  # how many steps those are
    per_kind: dict[str, float] = field(default_factory=dict)

    @property
    def assumed(self) -> bool:
        return self.basis == "assumed"

    @property
    def total(self) -> float:
        return sum(self.per_kind.values())


@dataclass
class SegmentPressure:
    """Contacts per customer per week in one segment, and the scenarios they come from."""

    per_kind: dict[str, float]
    leaders: dict[str, list[ScenarioContacts]]  # per kind and "total": the biggest contributors first
    counts: dict[str, int]  # per kind and "total": how many scenarios contribute

    @property
    def total(self) -> float:
        return sum(self.per_kind.values())


def firings_per_week(scenario: Scenario, trigger_firings_per_week: float = 1.0) -> tuple[float, str]:
    """(how often the scenario sends or fires a week, on what basis): a regular one by its schedule
    ("assumed" weekly when the schedule is empty or not understood), a trigger one as configured."""
    if scenario.type is ScenarioType.REGULAR or (scenario.type is None and scenario.schedule):
        rate = schedule_per_week(scenario.schedule)
        return (1.0, "assumed") if rate is None else (rate, "schedule")
    return trigger_firings_per_week, "trigger"


def scenario_contacts(graph: MapGraph, scenario: Scenario, index: int,
                      trigger_firings_per_week: float) -> ScenarioContacts:
    rate, basis = firings_per_week(scenario, trigger_firings_per_week)
    per_week: dict[int, float | None] = {}  # id(step) → its contacts a week on a bounded loop; None: unbounded
    for loop in scenario_loops(graph).get(scenario.key, []):
        if loop.endless:
            sends = None
        elif loop.bound == REPEAT:
            sends = rate * loop.times
        else:
            round_minutes = sum(step.delay_minutes or 0 for step in loop.steps)
            sends = max(rate, WEEK_MINUTES / round_minutes) if round_minutes and rate else rate
        per_week.update((id(step), sends) for step in loop.steps)
    looping: Counter = Counter()
    bounded: Counter = Counter()
    bounded_steps: Counter = Counter()
    scenario_steps = graph.steps_by_scenario.get(scenario.key, [])
    steps = Counter(map(graph.kind_of, scenario_steps))
    plain: Counter = Counter() if per_week else Counter(steps)
    for step in scenario_steps if per_week else ():
        kind = graph.kind_of(step)
        if id(step) not in per_week:
            plain[kind] += 1
        elif per_week[id(step)] is None:
            looping[kind] += 1
        else:
            bounded[kind] += per_week[id(step)]
            bounded_steps[kind] += 1
    per_kind = {kind: math.inf if looping[kind] and rate else rate * plain[kind] + bounded[kind] for kind in steps}
    return ScenarioContacts(scenario, index, rate, basis, steps, looping, bounded=bounded,
                            bounded_steps=bounded_steps, per_kind=per_kind)


def contact_pressure(graph: MapGraph, trigger_firings_per_week: float = 1.0) -> dict[str, SegmentPressure]:
    """Pressure per segment key, for every segment a live scenario reaches (excluded ones included)."""
    def compute() -> dict[str, SegmentPressure]:
        contacts: dict[int, ScenarioContacts] = {}
        position = {id(s): i for i, s in enumerate(graph.map.scenarios)}

        def amounts(scenario: Scenario) -> dict[str, float]:
            item = contacts[position[id(scenario)]] = scenario_contacts(
                graph, scenario, position[id(scenario)], trigger_firings_per_week)
            return {**item.per_kind, "total": item.total} if item.per_kind else {}

        result: dict[str, SegmentPressure] = {}
        for key, tally in tally_by_segment(graph, amounts, LEADERS).items():
            per_kind = {kind: value for kind, value in tally.amounts.items() if kind != "total"}
            leaders = {name: [contacts[index] for _, index in best] for name, best in tally.leaders.items()}
            result[key] = SegmentPressure(per_kind, leaders, dict(tally.counts))
        return result

    return graph.memo(f"pressure:{trigger_firings_per_week}", compute)
