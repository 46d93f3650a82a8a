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
* a step on a loop among the scenario's steps sends without bound (infinity);
* a segment receives the live (active or planned) scenarios that target it, its parent
  segments, or `*` (`audit.reach`, linear in the map).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from audit.graph import MapGraph
from audit.model import Scenario, ScenarioType
from audit.reach import tally_by_segment

LEADERS = 3  # contributors a finding names

_NUMBER_WORDS = {
    "once": 1, "twice": 2, "thrice": 3, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "один": 1, "одна": 1, "одну": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6,
    "семь": 7, "other": 2,
}
_NUM = r"\d+(?:[.,]\d+)?|" + "|".join(_NUMBER_WORDS)
_UNITS = (  # (pattern, weeks in one unit)
    (r"d|days?|день|дня|дней|сутки|суток", 1 / 7),
    (r"w|wk|weeks?|нед|недел[юияь]|недель", 1.0),
    (r"mo|months?|мес|месяц|месяца|месяцев", 52 / 12),
    (r"quarters?|квартал|квартала|кварталов", 13.0),
    (r"y|yr|years?|год|года|лет", 52.0),
)
_UNIT = "|".join(f"(?P<u{i}>{pattern})" for i, (pattern, _) in enumerate(_UNITS))
# "2/week", "2 per week", "twice a month", "2 раза в неделю", "3 раза за 2 недели"
_TIMES_PER = re.compile(
    rf"(?:^|(?<=\s))(?P<n>{_NUM})\s*(?:x|×|times?|раза?|раз)?\s*(?:/|per|an?|в|во|за)\s*(?:(?P<m>{_NUM})\s*)?"
    rf"(?:{_UNIT})\b"
)
# "once a week", "раз в 2 недели", "every 2 weeks", "every other week", "каждые 3 дня", "каждую неделю"
_EVERY = re.compile(
    rf"(?:^|(?<=\s))(?:every|each|раз\s+в|раз\s+во|каждые|каждый|каждую|каждое)\s*(?:(?P<m>{_NUM})\s*)?(?:{_UNIT})\b"
)
_ADVERBS = (  # checked in this order: "biweekly" before "weekly"
    (r"bi-?weekly|fortnightly|раз в две недели|раз в 2 недели|дважды в месяц", 0.5),
    (r"weekdays|every weekday|по будням|в будни|каждый будний день", 5.0),
    (r"daily|ежедневн\w*", 7.0),
    (r"weekly|еженедельн\w*", 1.0),
    (r"bi-?monthly|раз в два месяца", 6 / 52),
    (r"monthly|ежемесячн\w*", 12 / 52),
    (r"quarterly|ежеквартальн\w*", 4 / 52),
    (r"yearly|annually|ежегодн\w*", 1 / 52),
)
_WEEKDAYS = (
    r"mon(?:day)?s?|понедельник\w*|пн", r"tue(?:s|sday)?s?|вторник\w*|вт", r"wed(?:nesday)?s?|сред[аыу]|ср",
    r"thu(?:rs|rsday)?s?|четверг\w*|чт", r"fri(?:day)?s?|пятниц\w*|пт", r"sat(?:urday)?s?|суббот\w*|сб",
    r"sun(?:day)?s?|воскресень\w*|вс",
)


def _number(text: str | None, default: float = 1.0) -> float:
    if not text:
        return default
    if text in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[text])
    return float(text.replace(",", "."))


def _weeks(match: re.Match) -> float:
    for index, (_, weeks) in enumerate(_UNITS):
        if match.group(f"u{index}"):
            return weeks
    raise AssertionError("a unit always matches")  # pragma: no cover


def schedule_per_week(text: str | None) -> float | None:
    """Sends per week for a regular mailing's schedule, or None when the text is not understood."""
    if not text:
        return None
    cleaned = " ".join(text.casefold().replace("ё", "е").split())
    match = _TIMES_PER.search(cleaned)
    if match:
        per = _number(match.group("m")) * _weeks(match)
        return _number(match.group("n")) / per if per else None
    match = _EVERY.search(cleaned)
    if match:
        per = _number(match.group("m")) * _weeks(match)
        return 1 / per if per else None
    for pattern, rate in _ADVERBS:
        if re.search(rf"\b(?:{pattern})\b", cleaned):
            return rate
    days = sum(1 for pattern in _WEEKDAYS if re.search(rf"\b(?:{pattern})\b", cleaned))
    return float(days) if days else None


@dataclass
class ScenarioContacts:
    """What one live scenario sends a customer per week."""

    scenario: Scenario
    index: int  # position on the Scenarios sheet
    firings: float  # sends or firings per week
    basis: str  # "schedule", "assumed" (schedule empty or not understood: weekly) or "trigger"
    steps: Counter  # steps per channel kind
    looping: Counter  # of those, steps on a loop (unbounded)
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


def scenario_contacts(graph: MapGraph, scenario: Scenario, index: int,
                      trigger_firings_per_week: float) -> ScenarioContacts:
    if scenario.type is ScenarioType.REGULAR or (scenario.type is None and scenario.schedule):
        rate = schedule_per_week(scenario.schedule)
        basis = "schedule" if rate is not None else "assumed"
        rate = 1.0 if rate is None else rate
    else:
        rate, basis = trigger_firings_per_week, "trigger"
    loop_steps = {id(step) for cycle in graph.step_cycles.get(scenario.key, []) for step in cycle}
    steps: Counter = Counter()
    looping: Counter = Counter()
    for step in graph.steps_by_scenario.get(scenario.key, []):
        channel = graph.channel_of(step)
        kind = channel.kind.value if channel is not None else "other"
        steps[kind] += 1
        if id(step) in loop_steps:
            looping[kind] += 1
    per_kind = {kind: math.inf if looping[kind] and rate else rate * count for kind, count in steps.items()}
    return ScenarioContacts(scenario, index, rate, basis, steps, looping, per_kind)


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
