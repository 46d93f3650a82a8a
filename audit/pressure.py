"""Estimated worst-case contacts per customer per week, per segment and channel kind (FREQ001, HTML).

How the number is made:

* a regular scenario sends once per schedule period: `weekly` = 1/week, `2/week` = 2,
  `daily` = 7, `monthly` = 12/52, `biweekly` = 0.5, `quarterly` = 4/52, Russian forms too
  (`еженедельно`, `2 раза в неделю`, `ежедневно`, `раз в месяц`…); an unreadable schedule
  counts as once a week and is marked "assumed";
* a trigger or service scenario fires `trigger_firings_per_week` times (default 1);
* every step is one contact in its channel's kind per firing — conditional cascade steps too,
  since the worst case is the customer who never reacts;
* a loop among a scenario's steps makes its contacts unbounded (infinity);
* a segment receives the live scenarios that target it, its parent segments, or `*`.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

from audit.graph import MapGraph
from audit.model import Scenario, ScenarioType

WEEKS_PER_MONTH = 52 / 12

_PERIODS = (
    (r"daily|every ?day|ежедневно|каждый день|ежедн\w*", 7.0),
    (r"weekly|every ?week|еженедельно|каждую неделю|раз в неделю", 1.0),
    (r"bi-?weekly|fortnightly|every ?2 ?weeks|раз в (?:2|две) недели", 0.5),
    (r"monthly|every ?month|ежемесячно|раз в месяц|каждый месяц", 12 / 52),
    (r"quarterly|ежеквартально|раз в квартал", 4 / 52),
    (r"yearly|annually|ежегодно|раз в год", 1 / 52),
)
_PER = re.compile(
    r"^(\d+(?:[.,]\d+)?)\s*(?:x|×|times|раза?|раз)?\s*(?:/|per|a|в|in)\s*"
    r"(day|d|день|сутки|week|wk|w|неделю|нед|month|mo|m|месяц|мес)\.?$"
)
_UNIT_PER_WEEK = {"day": 7, "d": 7, "день": 7, "сутки": 7, "week": 1, "wk": 1, "w": 1, "неделю": 1, "нед": 1,
                  "month": 12 / 52, "mo": 12 / 52, "m": 12 / 52, "месяц": 12 / 52, "мес": 12 / 52}


def schedule_per_week(text: str | None) -> float | None:
    """Sends per week for a regular mailing's schedule, or None when the text is not understood."""
    if not text:
        return None
    cleaned = " ".join(text.casefold().replace("ё", "е").split())
    match = _PER.match(cleaned)
    if match:
        return float(match.group(1).replace(",", ".")) * _UNIT_PER_WEEK[match.group(2)]
    for pattern, rate in _PERIODS:
        if re.fullmatch(pattern, cleaned):
            return rate
    return None


@dataclass
class ScenarioContacts:
    scenario: Scenario
    firings: float  # per week
    assumed: bool  # schedule not understood, counted as weekly
    per_kind: dict[str, float]  # contacts per week by channel kind (inf for a loop)

    @property
    def total(self) -> float:
        return sum(self.per_kind.values())


@dataclass
class SegmentPressure:
    per_kind: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    contributors: dict[str, list[ScenarioContacts]] = field(default_factory=lambda: defaultdict(list))
    scenarios: list[ScenarioContacts] = field(default_factory=list)

    @property
    def total(self) -> float:
        return sum(self.per_kind.values())


def scenario_contacts(graph: MapGraph, scenario: Scenario, trigger_firings_per_week: float) -> ScenarioContacts:
    assumed = False
    if scenario.type is ScenarioType.REGULAR:
        rate = schedule_per_week(scenario.schedule)
        if rate is None:
            rate, assumed = 1.0, True
    else:
        rate = trigger_firings_per_week
    per_kind: dict[str, float] = defaultdict(float)
    looping = scenario.key in graph.step_cycles
    for step in graph.steps_by_scenario.get(scenario.key, []):
        channel = graph.channel_of(step)
        kind = channel.kind.value if channel is not None else "other"
        per_kind[kind] += math.inf if looping else rate
    return ScenarioContacts(scenario, rate, assumed, dict(per_kind))


def contact_pressure(graph: MapGraph, trigger_firings_per_week: float = 1.0) -> dict[str, SegmentPressure]:
    """Pressure per segment key, for every segment any live scenario reaches."""
    def compute() -> dict[str, SegmentPressure]:
        contacts = {s.key: scenario_contacts(graph, s, trigger_firings_per_week)
                    for s in graph.map.scenarios if s.status.live}
        result: dict[str, SegmentPressure] = {}
        for segment_key, scenarios in graph.live_scenarios_by_segment.items():
            pressure = SegmentPressure()
            for scenario in scenarios:
                item = contacts[scenario.key]
                pressure.scenarios.append(item)
                for kind, value in item.per_kind.items():
                    pressure.per_kind[kind] += value
                    pressure.contributors[kind].append(item)
            result[segment_key] = pressure
        return result

    return graph.memo(f"pressure:{trigger_firings_per_week}", compute)
