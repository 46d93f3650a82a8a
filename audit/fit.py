"""`commap fit`: which platform can run the map, and what each would take to run all of it.

For every profile the map is re-pointed at the profile's systems (`apply_profile`), each
scenario is classified runnable or blocked (`feasibility.scenario_blockers`), platforms are
ranked by runnable scenarios (ties: fewer blockers, then name), and the additions that would
unblock everything are worked out:

* a channel no system sends → add that channel kind to a system;
* feedback that does not reach the next system → the cheapest change in integrations: add the
  feedback to the hops of an existing integration path that lack it (0-1 BFS over the
  integrations, a hop that already carries it costs nothing), or a new direct integration
  when no path exists; the same system without orchestration → enable orchestration;
* an event source not received → that system must receive the source;
* feedback a channel never reports → no platform can fix it: the map's condition must change.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from audit.config import AuditConfig
from audit.engine import AuditResult, run
from audit.feasibility import Blocker, scenario_blockers, source_of
from audit.graph import MapGraph, node
from audit.model import CommMap, Scenario
from audit.platform import PlatformProfile, apply_profile

PLATFORM_RULES = ["INT", "TRK003"]


@dataclass(frozen=True, order=True)
class Addition:
    """One change to the platform (or, for `map`, to the map) that removes blockers."""

    kind: str  # channel | carries | integration | orchestration | receives | map
    system: str = ""
    target: str = ""
    item: str = ""  # channel kind, feedback name, event source, or the step ref for `map`


@dataclass
class ScenarioFit:
    scenario: Scenario
    blockers: list[Blocker]

    @property
    def runnable(self) -> bool:
        return not self.blockers


@dataclass
class PlatformFit:
    profile: PlatformProfile
    result: AuditResult
    scenarios: list[ScenarioFit]
    additions: list[Addition] = field(default_factory=list)

    @property
    def runnable(self) -> int:
        return sum(1 for s in self.scenarios if s.runnable)

    @property
    def blocker_count(self) -> int:
        return sum(len(s.blockers) for s in self.scenarios)


def fit(commap: CommMap, profiles: list[PlatformProfile], config: AuditConfig) -> list[PlatformFit]:
    fits = []
    for profile in profiles:
        applied = apply_profile(commap, profile)
        graph = MapGraph(applied)
        scenarios = [ScenarioFit(s, sorted(scenario_blockers(graph, s), key=Blocker.sort_key))
                     for s in applied.scenarios]
        platform_config = config.model_copy(update={"select": PLATFORM_RULES, "platform_name": profile.name})
        result = run(applied, platform_config)
        fits.append(PlatformFit(profile, result, scenarios, additions_for(graph, scenarios)))
    fits.sort(key=lambda f: (-f.runnable, f.blocker_count, f.profile.name))
    return fits


def additions_for(graph: MapGraph, scenarios: list[ScenarioFit]) -> list[Addition]:
    found: set[Addition] = set()
    for scenario in scenarios:
        for blocker in scenario.blockers:
            found.update(_additions(graph, blocker))
    return sorted(found)


def _additions(graph: MapGraph, blocker: Blocker) -> list[Addition]:
    if blocker.kind == "channel":
        return [Addition("channel", item=blocker.channel.kind.value)]
    if blocker.kind == "feedback":
        return [Addition("map", item=blocker.step.ref)]
    if blocker.kind == "source":
        return [Addition("receives", system=blocker.target.id, item=source_of(blocker.event))]
    origin, target, feedback = blocker.origin, blocker.target, blocker.feedback
    if origin.key == target.key:
        return [Addition("orchestration", system=origin.id)]
    hops = _cheapest_path(graph, origin.key, target.key, feedback)
    if hops is None or len(hops) > 1:  # a new direct integration is one change too
        return [Addition("integration", system=origin.id, target=target.id, item=feedback)]
    return [Addition("carries", system=a, target=b, item=feedback) for a, b in hops]


def _cheapest_path(graph: MapGraph, origin: str, target: str, feedback: str) -> list[tuple[str, str]] | None:
    """Hops lacking `feedback` on the integration path that lacks it least (0-1 BFS); None if no path."""
    g = graph.graph
    best = {origin: 0}
    previous: dict[str, tuple[str, bool]] = {}
    queue = deque([origin])
    while queue:
        current = queue.popleft()
        for _, successor, data in g.out_edges(node("system", current), data=True):
            if data.get("kind") != "integration":
                continue
            key = successor.split(":", 1)[1]
            missing = not ("*" in data["carries"] or feedback in data["carries"])
            cost = best[current] + (1 if missing else 0)
            if cost < best.get(key, 1 << 30):
                best[key] = cost
                previous[key] = (current, missing)
                (queue.append if missing else queue.appendleft)(key)
    if target not in best:
        return None
    hops = []
    current = target
    while current != origin:
        before, missing = previous[current]
        if missing:
            hops.append((graph.systems[before].id, graph.systems[current].id))
        current = before
    return list(reversed(hops))
