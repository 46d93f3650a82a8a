"""The map as a typed networkx graph, and the questions rules ask of it.

Nodes are `"kind:key"` strings with attributes `kind` and `record`. Edges carry `kind`:

* `targets`   segment → scenario         `parent`    parent segment → child segment
* `fires`     event → scenario           `first`     scenario → its first step
* `next`      step → step (attr `condition`)
* `stage`     stage → stage (next stage) `serves`    scenario → stage
* `sent_by`   channel → system           `integration` system → system (attr `carries`)

`MapGraph` builds the graph once per audit and answers the shared questions — who sends a
step, what feedback a channel reports, whether feedback from one system reaches another,
which segments live scenarios reach — each computed once and cached. Rules only read it.
"""
from __future__ import annotations

from collections import defaultdict, deque
from functools import cached_property

import networkx as nx

from audit.model import Channel, ChannelKind, CommMap, Scenario, Segment, Step, System, id_key

# What each channel kind reports by default (SPEC §2); a profile or the Channels sheet may override.
DEFAULT_FEEDBACK: dict[ChannelKind, frozenset[str]] = {
    ChannelKind.EMAIL: frozenset({"delivered", "opened", "clicked", "bounced", "unsubscribed"}),
    ChannelKind.SMS: frozenset({"delivered"}),
    ChannelKind.PUSH: frozenset({"delivered", "opened"}),
    ChannelKind.MESSENGER: frozenset({"delivered", "read", "clicked", "replied"}),
    ChannelKind.CALL: frozenset({"answered"}),
}


# kinds a reply can come back to, when the sending tool reads the replies (an inbox, two-way SMS)
_REPLIES_LOGGED = frozenset({ChannelKind.EMAIL, ChannelKind.SMS, ChannelKind.SOCIAL, ChannelKind.MESSENGER})


def node(kind: str, key: str) -> str:
    return f"{kind}:{key}"


def step_node(step: Step) -> str:
    return "step:%s/%s" % step.key


class MapGraph:
    """The typed graph plus indexes; built once per audit, read-only afterwards."""

    def __init__(self, commap: CommMap) -> None:
        self.map = commap
        self.segments = {s.key: s for s in commap.segments}
        self.stages = {s.key: s for s in commap.stages}
        self.channels = {c.key: c for c in commap.channels}
        self.events = {e.key: e for e in commap.events}
        self.scenarios = {s.key: s for s in commap.scenarios}
        self.systems = {s.key: s for s in commap.systems}
        self.steps_by_scenario: dict[str, list[Step]] = defaultdict(list)
        for step in commap.steps:
            self.steps_by_scenario[step.key[0]].append(step)
        # a step's channel and sender by the cells as written: rules ask for every step, and a map
        # of 100,000 steps writes a few dozen distinct channel and system cells
        self._channel_by_cell: dict[str, Channel | None] = {}
        self._kind_by_cell: dict[str, str] = {}
        self._sender_by_cells: dict[tuple[str | None, str], System | None] = {}
        self.graph = nx.DiGraph()
        self._build()

    # ---- building -------------------------------------------------------------------------
    def _build(self) -> None:
        g = self.graph
        m = self.map
        for kind, records in (
            ("segment", m.segments), ("stage", m.stages), ("channel", m.channels), ("event", m.events),
            ("scenario", m.scenarios), ("system", m.systems),
        ):
            g.add_nodes_from((node(kind, r.key), {"kind": kind, "record": r}) for r in records)
        step_nodes = [step_node(s) for s in m.steps]
        g.add_nodes_from(zip(step_nodes, ({"kind": "step", "record": s} for s in m.steps)))
        name_of = dict(zip(map(id, m.steps), step_nodes))  # each step's node named once

        for seg in m.segments:
            if seg.parent and id_key(seg.parent) in self.segments:
                g.add_edge(node("segment", id_key(seg.parent)), node("segment", seg.key), kind="parent")
        for stage in m.stages:
            for nxt in stage.next:
                if id_key(nxt) in self.stages:
                    g.add_edge(node("stage", stage.key), node("stage", id_key(nxt)), kind="stage")
        for channel in m.channels:
            system = self.system_of_channel(channel)
            if system is not None:
                g.add_edge(node("channel", channel.key), node("system", system.key), kind="sent_by")
        for integration in m.integrations:
            origin, target = id_key(integration.from_system), id_key(integration.to_system)
            if origin in self.systems and target in self.systems:
                a, b = node("system", origin), node("system", target)
                carried = set(integration.carries)
                unknown = integration.carries_unknown
                if g.has_edge(a, b):
                    carried |= g.edges[a, b]["carries"]
                    unknown = unknown or g.edges[a, b]["unknown"]
                g.add_edge(a, b, kind="integration", carries=frozenset(carried), unknown=unknown)
        for scenario in m.scenarios:
            s_node = node("scenario", scenario.key)
            for seg_key in self.scenario_segment_keys(scenario):
                g.add_edge(node("segment", seg_key), s_node, kind="targets")
            if scenario.trigger and id_key(scenario.trigger) in self.events:
                g.add_edge(node("event", id_key(scenario.trigger)), s_node, kind="fires")
            if scenario.stage and id_key(scenario.stage) in self.stages:
                g.add_edge(s_node, node("stage", id_key(scenario.stage)), kind="serves")
            steps = self.steps_by_scenario.get(scenario.key, [])
            if steps:
                g.add_edge(s_node, name_of[id(steps[0])], kind="first")
        g.add_edges_from(
            (name_of[id(step)], name_of[id(successor)], {"kind": "next", "condition": successor.condition})
            for steps in self.steps_by_scenario.values() for step, successor in self._step_edges(steps))

    def _step_edges(self, steps: list[Step]):
        """Explicit `next` ids, or else the next row of the same scenario."""
        index = self.step_index(steps[0].key[0])
        for position, step in enumerate(steps):
            if step.next is None:
                if position + 1 < len(steps):
                    yield step, steps[position + 1]
                continue
            for ref in step.next:
                successor = index.get(id_key(ref))
                if successor is not None:
                    yield step, successor

    def memo(self, name: str, compute):
        """A fact several rules share, computed by `compute()` once per audit."""
        memo = self.__dict__.setdefault("_memo", {})
        if name not in memo:
            memo[name] = compute()
        return memo[name]

    # ---- lookups --------------------------------------------------------------------------
    def step_index(self, scenario_key: str) -> dict[str, Step]:
        """Steps of a scenario by step key (built once per audit)."""
        return self._step_indexes.get(scenario_key, {})

    @cached_property
    def _step_indexes(self) -> dict[str, dict[str, Step]]:
        return {key: {s.key[1]: s for s in steps} for key, steps in self.steps_by_scenario.items()}

    def predecessors(self, step: Step) -> list[Step]:
        return [
            self.graph.nodes[p]["record"]
            for p in self.graph.predecessors(step_node(step))
            if self.graph.nodes[p]["kind"] == "step"
        ]

    def referenced_step(self, step: Step) -> Step | None:
        """The step whose feedback a feedback condition waits for: the named one, or the one before."""
        condition = step.condition
        if condition is None or condition.step_ref is None:
            previous = self.predecessors(step)
            return previous[0] if len(previous) == 1 else None
        return self.step_index(step.key[0]).get(id_key(condition.step_ref))

    def channel_of(self, step: Step) -> Channel | None:
        try:
            return self._channel_by_cell[step.channel]
        except KeyError:
            found = self._channel_by_cell[step.channel] = self.channels.get(id_key(step.channel))
            return found

    def kind_of(self, step: Step) -> str:
        """The step's channel kind ("email", "sms"…), "other" for a channel the map does not define."""
        try:
            return self._kind_by_cell[step.channel]
        except KeyError:
            channel = self.channel_of(step)
            found = self._kind_by_cell[step.channel] = channel.kind.value if channel is not None else "other"
            return found

    def scenario_segment_keys(self, scenario: Scenario) -> list[str]:
        """Segment keys a scenario names directly; `*` means every segment not excluded, the whole
        base («вся база») every segment."""
        if scenario.all_segments:
            return [s.key for s in self.map.segments if scenario.whole_base or not s.excluded]
        return [k for k in dict.fromkeys(id_key(r) for r in scenario.segments) if k in self.segments]

    # ---- platform -------------------------------------------------------------------------
    @property
    def has_platform(self) -> bool:
        return bool(self.map.systems)

    @cached_property
    def systems_from_rows(self) -> bool:
        """The only systems are those the steps' rows name (no Systems sheet, no profile).

        They list just the channels they were seen sending and say nothing about the event sources
        they receive: INT001 and TRK003 cannot judge them, and INT002 only suspects.
        """
        return bool(self.map.systems) and not any(s.declared for s in self.map.systems)

    def system_of_channel(self, channel: Channel) -> System | None:
        """The Channels sheet's `system`, else the first system listing the channel's id or kind; a
        channel the steps name without declaring it, else one listing a declared channel of its kind. A
        declared channel no system lists is sent by none: "Email, Push, SMS, WhatsApp" is no Telegram."""
        if channel.system:
            return self.systems.get(id_key(channel.system))
        listed, by_kind = self._systems_by_channel
        found = listed.get(channel.key) or listed.get(channel.kind.value)
        return found if found is not None or channel.declared else by_kind.get(channel.kind.value)

    @cached_property
    def _systems_by_channel(self) -> tuple[dict[str, System], dict[str, System]]:
        """Channel ids and kinds each system lists; and channel kinds through the channels listed."""
        listed: dict[str, System] = {}
        by_kind: dict[str, System] = {}
        for system in self.map.systems:
            for ref in system.channels:
                key = id_key(ref)
                listed.setdefault(key, system)
                if key in self.channels:
                    by_kind.setdefault(self.channels[key].kind.value, system)
            for kind in self._channel_refs(system) - {id_key(ref) for ref in system.channels}:
                by_kind.setdefault(kind, system)  # "Phone call" on a system's list: it sends calls
        return listed, by_kind

    def sends(self, system: System, channel: Channel) -> bool:
        """Whether the system lists the channel (by id or kind, "Phone call" for calls), or the Channels sheet
        assigns it there."""
        refs = self._channel_refs(system)
        return channel.key in refs or channel.kind.value in refs or (
            bool(channel.system) and id_key(channel.system) == system.key)

    def _channel_refs(self, system: System) -> frozenset[str]:
        """What a system's channel list names: each item, and the kind of an item that is no channel of the
        map ("Phone call" → call, "App push" → push)."""
        found = self._refs_by_system.get(system.key)
        if found is None:
            from audit.importer.normalized import infer_channel_kind

            refs = {id_key(ref) for ref in system.channels}
            refs |= {infer_channel_kind(ref).value for ref in system.channels if id_key(ref) not in self.channels}
            found = self._refs_by_system[system.key] = frozenset(refs - {"other"})
        return found

    @cached_property
    def _refs_by_system(self) -> dict[str, frozenset[str]]:
        return {}

    def system_of_step(self, step: Step) -> System | None:
        """The system named on the step's row, else the one sending its channel.

        When the systems come from the rows only, a row that names none has an unknown sender: a
        system seen sending the same kind elsewhere is no evidence it sends this step.
        """
        cells = (step.system, step.channel)
        try:
            return self._sender_by_cells[cells]
        except KeyError:
            found = self._sender_by_cells[cells] = self._system_of_step(step)
            return found

    def _system_of_step(self, step: Step) -> System | None:
        if step.system:
            return self.systems.get(id_key(step.system))
        channel = self.channel_of(step)
        if channel is None:
            return None
        if self.systems_from_rows:
            return self.systems.get(id_key(channel.system)) if channel.system else None
        return self.system_of_channel(channel)

    def feedback_of(self, channel: Channel) -> frozenset[str]:
        """Feedback the channel reports: the sheet's own list, the system's override, or the SPEC default."""
        cached = self._feedback_cache.get(channel.key)
        if cached is None:
            cached = self._feedback_cache[channel.key] = self._feedback_of(channel)
        return cached

    def feedback_of_step(self, step: Step) -> frozenset[str]:
        """Feedback a step's channel reports as the system sending it is set up: the channel's, and a reply to
        an email, SMS or social message when that system's notes say it logs replies (a sales-engagement tool:
        "replies and call outcomes logged to SFDC")."""
        channel = self.channel_of(step)
        if channel is None:
            return frozenset()
        reported = self.feedback_of(channel)
        if "replied" not in reported and channel.kind in _REPLIES_LOGGED:
            system = self.system_of_step(step)
            if system is not None and "replied" in system.passes:
                return reported | {"replied"}
        return reported

    @cached_property
    def _feedback_cache(self) -> dict[str, frozenset[str]]:
        return {}

    def _feedback_of(self, channel: Channel) -> frozenset[str]:
        if channel.feedback is not None:
            return frozenset(channel.feedback)
        system = self.system_of_channel(channel)
        if system is not None:
            override = system.feedback.get(channel.kind.value) or system.feedback.get(channel.key)
            if override is not None:
                return frozenset(override)
        return DEFAULT_FEEDBACK.get(channel.kind, frozenset())

    def feedback_reaches(self, origin: System, target: System, feedback: str) -> bool:
        """Whether `feedback` from `origin`'s channels can drive a step sent by `target`.

        The same system needs orchestration to branch on its own feedback; another system needs
        a path of integrations each carrying that feedback (or `*`), over any number of hops.
        """
        if origin.key == target.key:
            return origin.orchestration
        return target.key in self._reachable_with(origin.key, feedback)

    def feedback_holders(self, origin: System, feedback: str) -> frozenset[str]:
        """The keys of the systems `feedback` from `origin`'s channels reaches: the origin itself, and every
        system a path of integrations carrying it (or `*`) leads to."""
        return self._reachable_with(origin.key, feedback) | {origin.key}

    def feedback_may_reach(self, origin: System, target: System, feedback: str) -> bool:
        """Whether a path of integrations reaches `target` when the ones whose content the map does not
        state ("sends data to Y") are taken to carry it: the map is silent there, not wrong."""
        return target.key in self._reachable_with(origin.key, feedback, assume_unknown=True)

    def _reachable_with(self, origin_key: str, feedback: str, assume_unknown: bool = False) -> frozenset[str]:
        cache_key = (origin_key, feedback, assume_unknown)
        cached = self._reach_cache.get(cache_key)
        if cached is not None:
            return cached
        seen = {origin_key}
        queue = deque([origin_key])
        while queue:
            current = queue.popleft()
            for _, successor, data in self.graph.out_edges(node("system", current), data=True):
                if data.get("kind") != "integration":
                    continue
                carried = data["carries"]
                key = successor.split(":", 1)[1]
                if key not in seen and ("*" in carried or feedback in carried
                                        or (assume_unknown and data.get("unknown"))):
                    seen.add(key)
                    queue.append(key)
        result = frozenset(seen - {origin_key})
        self._reach_cache[cache_key] = result
        return result

    @cached_property
    def _reach_cache(self) -> dict[tuple[str, str], frozenset[str]]:
        return {}

    # ---- coverage -------------------------------------------------------------------------
    @cached_property
    def segments_reached_by_live_scenarios(self) -> frozenset[str]:
        """Segment keys an active or planned scenario targets, directly or through a parent segment.

        `*` scenarios are left out on purpose: a catch-all digest is not a scenario written for
        the segment (COV001's definition). So is a segment named as the whole base («Все
        клиенты», "All customers") for the segments under it: it is reached, they are not.
        """
        from audit import segment_words

        catch_all = {seg.key for seg in self.map.segments
                     if any(text and segment_words.whole_base(text) is not None for text in (seg.id, seg.name))}
        # the root every other segment sits under is the whole base too, whatever its name («Все клиенты ФЛ»)
        others = [seg for seg in self.map.segments if seg.parent]
        if len(others) >= 3 and len(others) == len(self.map.segments) - 1:
            roots = {ancestors[-1] for ancestors in (self.ancestors(seg) for seg in others) if ancestors}
            if len(roots) == 1:
                catch_all |= roots
        direct = {
            id_key(ref)
            for scenario in self.map.scenarios
            if scenario.status.live
            for ref in scenario.segments
            if id_key(ref) in self.segments
        }
        reached = set(direct)
        for seg in self.map.segments:
            if seg.key in reached:
                continue
            if any(ancestor in direct and ancestor not in catch_all for ancestor in self.ancestors(seg)):
                reached.add(seg.key)
        return frozenset(reached)

    def ancestors(self, segment: Segment) -> list[str]:
        """Parent segment keys, nearest first; stops at a cycle."""
        found: list[str] = []
        current = segment
        while current.parent:
            key = id_key(current.parent)
            if key in found or key == segment.key or key not in self.segments:
                break
            found.append(key)
            current = self.segments[key]
        return found

    # ---- reach: which segments a scenario's messages arrive at ---------------------------
    @cached_property
    def children(self) -> dict[str, list[str]]:
        """Child segment keys of each segment key, in map order."""
        found: dict[str, list[str]] = defaultdict(list)
        for seg in self.map.segments:
            if seg.parent and id_key(seg.parent) in self.segments and id_key(seg.parent) != seg.key:
                found[id_key(seg.parent)].append(seg.key)
        return found

    def descendants(self, segment_key: str) -> list[str]:
        """The segment and every segment below it (children receive their parents' scenarios)."""
        cache = self.__dict__.setdefault("_descendants_cache", {})
        if segment_key not in cache:
            cache[segment_key] = self._descendants(segment_key)
        return cache[segment_key]

    def _descendants(self, segment_key: str) -> list[str]:
        seen = [segment_key]
        known = {segment_key}
        index = 0
        while index < len(seen):
            for child in self.children.get(seen[index], ()):
                if child not in known:
                    known.add(child)
                    seen.append(child)
            index += 1
        return seen

    def reached_segments(self, scenario: Scenario) -> list[str]:
        """Segment keys the scenario's messages reach: its segments and their descendants, excluded ones
        included (COV003 must see them); `*` reaches every segment not excluded, the whole base every one."""
        if scenario.all_segments:
            return [s.key for s in self.map.segments if scenario.whole_base or not s.excluded]
        reached: dict[str, None] = {}
        for key in self.scenario_segment_keys(scenario):
            for descendant in self.descendants(key):
                reached.setdefault(descendant)
        return list(reached)

    @cached_property
    def live_scenarios_by_segment(self) -> dict[str, list[Scenario]]:
        """Active and planned scenarios reaching each segment key (through parents and `*` too)."""
        found: dict[str, list[Scenario]] = defaultdict(list)
        for scenario in self.map.scenarios:
            if scenario.status.live:
                for key in self.reached_segments(scenario):
                    found[key].append(scenario)
        return found

    @cached_property
    def step_cycles(self) -> dict[str, list[list[Step]]]:
        """Per scenario key, the cycles among its steps (strongly connected components with a loop)."""
        found: dict[str, list[list[Step]]] = {}
        for scenario_key, steps in self.steps_by_scenario.items():
            if all(step.next is None for step in steps):
                continue  # each row leads to the next one: a chain cannot loop
            nodes = [step_node(step) for step in steps]
            local = self.graph.subgraph(nodes)
            order = {n: i for i, n in enumerate(nodes)}
            for component in nx.strongly_connected_components(local):
                if len(component) == 1:
                    (only,) = component
                    if not local.has_edge(only, only):
                        continue
                ordered = sorted(component, key=order.__getitem__)
                found.setdefault(scenario_key, []).append([self.graph.nodes[n]["record"] for n in ordered])
        return found

