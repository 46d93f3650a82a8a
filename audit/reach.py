"""What reaches each segment, answered in time linear in the map (FREQ001, FREQ002, CNT002, HTML).

A scenario reaches the segments it names and every segment below them (children receive their
parents' scenarios); `*` reaches every segment not marked excluded, the whole base («вся база»)
every segment — `MapGraph.reached_segments`.
Listing those (scenario, segment) pairs costs scenarios × segments on a large map, so the
questions here are answered on the **segment forest** instead: segments on a parent cycle are
collapsed into one node (each of them is the others' ancestor), and every node is numbered in
depth-first order so that a subtree is an interval `[enter, leave)`. A scenario then reaches the
subtrees of its *outermost* targets (a target under another target adds nothing), and a sum over
the scenarios reaching a segment is the sum over its node and the nodes above it, plus the `*`
scenarios when the segment is not excluded (the whole-base ones when it is).
"""
from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from audit.graph import MapGraph
from audit.model import Scenario, id_key


class SegmentForest:
    """Segments as a forest of nodes; a node is one segment, or all the segments of a parent cycle."""

    def __init__(self, graph: MapGraph) -> None:
        segments = graph.segments
        keys = list(segments)
        parent_of: dict[str, str | None] = {}
        for key in keys:
            ref = segments[key].parent
            parent = id_key(ref) if ref else None
            parent_of[key] = parent if parent in segments and parent != key else None

        self.node: dict[str, int] = {}
        self.members: list[list[str]] = []
        on_cycle: set[str] = set()
        state: dict[str, int] = {}  # 1 on the current walk, 2 done
        for start in keys:
            path: list[str] = []
            current: str | None = start
            while current is not None and current not in state:
                state[current] = 1
                path.append(current)
                current = parent_of[current]
            if current is not None and state[current] == 1:  # the walk closed a parent cycle
                cycle = path[path.index(current):]
                on_cycle.update(cycle)
                self.node.update((k, len(self.members)) for k in cycle)
                self.members.append(cycle)
            for key in path:
                state[key] = 2
        order = {key: index for index, key in enumerate(keys)}
        for key in keys:
            if key not in self.node:
                self.node[key] = len(self.members)
                self.members.append([key])
        for members in self.members:
            members.sort(key=order.__getitem__)
        self.parent: list[int] = [-1] * len(self.members)
        children: list[list[int]] = [[] for _ in self.members]
        for key in keys:
            if key not in on_cycle and parent_of[key] is not None:
                here, above = self.node[key], self.node[parent_of[key]]
                self.parent[here] = above
                children[above].append(here)

        # depth-first numbering: the subtree of n is the nodes whose `enter` lies in [enter[n], leave[n])
        self.preorder: list[int] = []
        self.enter = [0] * len(self.members)
        self.leave = [0] * len(self.members)
        for root in range(len(self.members)):
            if self.parent[root] != -1:
                continue
            stack = [(root, False)]
            while stack:
                current, done = stack.pop()
                if done:
                    self.leave[current] = len(self.preorder)
                    continue
                self.enter[current] = len(self.preorder)
                self.preorder.append(current)
                stack.append((current, True))
                stack.extend((child, False) for child in reversed(children[current]))

        # the first segment not excluded in each subtree (depth-first), for "which segment do they share"
        self.first_open: list[str | None] = [None] * len(self.members)
        for current in reversed(self.preorder):
            self.first_open[current] = next((k for k in self.members[current] if not segments[k].excluded), None) \
                or next((self.first_open[c] for c in children[current] if self.first_open[c]), None)
        self.any_open: str | None = next((k for k in keys if not segments[k].excluded), None)

    def contains(self, outer: int, inner: int) -> bool:
        return self.enter[outer] <= self.enter[inner] < self.leave[outer]

    def outermost(self, segment_keys: Iterable[str]) -> list[int]:
        """Nodes of the given segments, without those inside another one's subtree, in depth-first order."""
        nodes = sorted({self.node[k] for k in segment_keys if k in self.node}, key=self.enter.__getitem__)
        kept: list[int] = []
        for current in nodes:
            if not kept or self.enter[current] >= self.leave[kept[-1]]:
                kept.append(current)
        return kept


def segment_forest(graph: MapGraph) -> SegmentForest:
    return graph.memo("segment_forest", lambda: SegmentForest(graph))


@dataclass
class Tally:
    """The sum of some per-scenario amounts over the live scenarios reaching one segment."""

    amounts: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))  # scenarios adding to each amount
    leaders: dict[str, list[tuple[float, int]]] = field(default_factory=dict)  # per amount: (-amount, index)
    scenarios: int = 0  # live scenarios reaching the segment

    def biggest(self, name: str, scenarios: list[Scenario]) -> list[Scenario]:
        """The scenarios adding most to `name`, biggest first (ties in map order)."""
        return [scenarios[index] for _, index in self.leaders.get(name, [])]

    def _add(self, other: Tally, keep: int) -> None:
        self.scenarios += other.scenarios
        for name, amount in other.amounts.items():
            self.amounts[name] += amount
            self.counts[name] += other.counts[name]
        if keep:
            for name, best in other.leaders.items():
                mine = self.leaders.get(name)
                self.leaders[name] = heapq.nsmallest(keep, mine + best) if mine else list(best)


def tally_by_segment(
    graph: MapGraph, amounts_of: Callable[[Scenario], Mapping[str, float]], leaders: int = 3
) -> dict[str, Tally]:
    """Per segment key reached by a live scenario: the sums of `amounts_of(scenario)` over the live
    scenarios reaching it, how many add to each sum, and the `leaders` biggest contributors.

    Linear in the map: each scenario's amounts are computed once and added at its outermost
    targets; sums flow down the forest parent-first; `*` scenarios are summed once.
    """
    forest = segment_forest(graph)
    scenarios = graph.map.scenarios
    own: dict[int, list[tuple[int, Mapping[str, float]]]] = defaultdict(list)
    star: list[tuple[int, Mapping[str, float]]] = []
    whole: list[tuple[int, Mapping[str, float]]] = []  # of those, the whole base: the stop list too
    for index, scenario in enumerate(scenarios):
        if not scenario.status.live:
            continue
        amounts = amounts_of(scenario)
        if scenario.all_segments:
            star.append((index, amounts))
            if scenario.whole_base:
                whole.append((index, amounts))
            continue
        for target in forest.outermost(graph.scenario_segment_keys(scenario)):
            own[target].append((index, amounts))

    def tally(items: list[tuple[int, Mapping[str, float]]]) -> Tally:
        result = Tally(scenarios=len(items))
        ranked: dict[str, list[tuple[float, int]]] = defaultdict(list)
        for index, amounts in items:
            for name, amount in amounts.items():
                result.amounts[name] += amount
                if amount:
                    result.counts[name] += 1
                    ranked[name].append((-amount, index))
        if leaders:
            result.leaders = {name: heapq.nsmallest(leaders, entries) for name, entries in ranked.items()}
        return result

    by_node: list[Tally | None] = [None] * len(forest.members)
    for current in forest.preorder:
        above = by_node[forest.parent[current]] if forest.parent[current] != -1 else None
        if current in own:
            mine = tally(own[current])
            if above is not None:
                mine._add(above, leaders)
            by_node[current] = mine
        else:
            by_node[current] = above
    everyone = tally(star) if star else None
    whole_base = tally(whole) if whole else None

    result: dict[str, Tally] = {}
    for key, segment in graph.segments.items():
        reached = by_node[forest.node[key]]
        extra = whole_base if segment.excluded else everyone
        if extra is not None:
            if reached is None:
                reached = extra
            else:
                combined = Tally()
                combined._add(reached, leaders)
                combined._add(extra, leaders)
                reached = combined
        if reached is not None:
            result[key] = reached
    return result
