"""Loops among a scenario's steps and what bounds them — one answer for FLOW003 and the
contact-pressure estimate (`audit/pressure.py`, FREQ001, the HTML report), so they cannot disagree.

A loop is a cycle of `next` links (`MapGraph.step_cycles`). It is bounded when

* the scenario has a stop event (bought, code expired): the platform takes the customer out; or
* a text of the loop states a bound — a repeat limit («до 3 раз», «не более 3 раз», "max 3 times",
  "up to 3 times") or an expiry or a date («пока не истечёт промокод», «до 31.12», "until the code
  expires") — in the condition, timing, `next` cell, message or goal of a step of the loop, or in the
  scenario's name, goal or schedule (words in `audit/vocab/loops.toml`).

A reaction condition on a step of the loop (`not opened S1`) does **not** bound it: it only says
who stays in the loop — the customer who never opens stays there for ever.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from audit import vocab
from audit.graph import MapGraph
from audit.model import Scenario, Step

STOP_EVENT, REPEAT, EXPIRY = "stop_event", "repeat", "expiry"


@dataclass(frozen=True)
class Loop:
    scenario: Scenario | None
    steps: tuple[Step, ...]  # in row order
    bound: str | None  # STOP_EVENT, REPEAT, EXPIRY, or None: nothing ends it
    times: int | None = None  # the repeat limit, when one is stated

    @property
    def endless(self) -> bool:
        return self.bound is None


@cache
def _patterns() -> tuple[tuple[re.Pattern, ...], tuple[re.Pattern, ...], dict[str, int]]:
    table = vocab.load("loops")
    numbers = {word.replace("ё", "е"): value for word, value in table["numbers"].items()}
    number = r"(?P<n>\d+|" + "|".join(sorted(numbers, key=len, reverse=True)) + r")"
    repeat = tuple(re.compile(r"(?<!\w)" + p.replace("{n}", number), re.IGNORECASE) for p in table["repeat"])
    expiry = tuple(re.compile(r"(?<!\w)" + p, re.IGNORECASE) for p in table["expiry"])
    return repeat, expiry, numbers


def text_bound(text: str) -> tuple[str, int | None] | None:
    """(REPEAT, limit) or (EXPIRY, None) when the text states a bound, else None."""
    if not text:
        return None
    cleaned = " ".join(text.casefold().replace("ё", "е").split())
    repeat, expiry, numbers = _patterns()
    for pattern in repeat:
        match = pattern.search(cleaned)
        if match:
            word = match.group("n")
            times = int(word) if word.isdigit() else numbers[word]
            if times > 0:
                return REPEAT, times
    if any(pattern.search(cleaned) for pattern in expiry):
        return EXPIRY, None
    return None


def repeat_spans(text: str) -> list[tuple[int, int]]:
    """Where a folded text states a repeat limit ("every 7 days (max 3 times)"): a timing cell's part
    that bounds the loop rather than times the step."""
    repeat, _, _ = _patterns()
    return [match.span() for pattern in repeat for match in pattern.finditer(text)]


def _loop_texts(scenario: Scenario | None, cycle: list[Step]):
    for step in cycle:
        yield step.condition_text
        yield step.timing_text
        yield from step.next or ()
        yield step.next_text
        yield step.message
        yield step.goal
    if scenario is not None:
        yield scenario.name
        yield scenario.goal
        yield scenario.schedule or ""


def loop_bound(scenario: Scenario | None, cycle: list[Step]) -> tuple[str | None, int | None]:
    """What ends a cycle: (STOP_EVENT | REPEAT | EXPIRY, repeat limit) or (None, None)."""
    found: tuple[str, int | None] | None = None
    for text in _loop_texts(scenario, cycle):
        bound = text_bound(text)
        if bound is not None and (found is None or (bound[0] == REPEAT and found[0] != REPEAT)
                                  or (bound[0] == REPEAT and bound[1] < found[1])):
            found = bound
    if found is not None and found[0] == REPEAT:
        return found  # a stated repeat limit is the tightest answer, with or without a stop event
    if scenario is not None and scenario.stop_events:
        return STOP_EVENT, None
    return found if found is not None else (None, None)


def scenario_loops(graph: MapGraph) -> dict[str, list[Loop]]:
    """Per scenario key, its loops with their bounds (computed once per audit)."""
    def compute() -> dict[str, list[Loop]]:
        result: dict[str, list[Loop]] = {}
        for scenario_key, cycles in graph.step_cycles.items():
            scenario = graph.scenarios.get(scenario_key)
            result[scenario_key] = [Loop(scenario, tuple(cycle), *loop_bound(scenario, cycle)) for cycle in cycles]
        return result

    return graph.memo("scenario_loops", compute)
