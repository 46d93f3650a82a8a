"""Can the platform run the map? Blockers per step and scenario, shared by INT001–INT003 and `fit`.

A blocker is one reason a scenario cannot run as drawn on the platform:

* `channel`  — no system sends through the step's channel, or the system named on the step's
  row does not (INT001);
* `feedback` — the condition waits for feedback the awaited step's channel never reports (INT003);
* `carry`    — the feedback is reported, but does not reach the system sending the step: no
  integration path carries it, or the same system lacks orchestration (INT002);
* `source`   — an event's source is not received by the system that must act on it (TRK003):
  the trigger by the system sending the first step, a stop or condition event by the system of
  each step it governs. Events without a source, and `platform` events, are not judged.

Systems named only in the steps' rows (`MapGraph.systems_from_rows`) list just the channels
they were seen sending and no event sources, so they give no `channel` or `source` blockers.

The reasoning itself (who sends a step, what a channel reports, multi-hop integration paths)
is `MapGraph`'s; this module only names the outcomes.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from audit.graph import MapGraph
from audit.importer.schema import EVENT_SOURCES
from audit.model import Channel, ConditionKind, Event, EventSource, Scenario, Step, System, id_key
from audit.values import normalize_word


@dataclass(frozen=True)
class Blocker:
    kind: str  # channel | feedback | carry | source
    scenario: Scenario
    step: Step | None
    channel: Channel | None = None
    source_step: Step | None = None
    feedback: str | None = None
    origin: System | None = None
    target: System | None = None
    event: Event | None = None
    role: str | None = None  # trigger | stop_event | condition

    def sort_key(self) -> tuple:
        return (self.scenario.key, self.step.key if self.step else ("", ""), self.kind, self.role or "")


def step_channel_blocker(g: MapGraph, scenario: Scenario, step: Step) -> Blocker | None:
    if g.systems_from_rows:
        return None  # such systems list only what they were seen sending: a missing channel proves nothing
    channel = g.channel_of(step)
    if channel is None:
        return None
    if step.system:
        # the system named on the row must send the channel; an undefined one is MAP001's
        named = g.systems.get(id_key(step.system))
        if named is not None and not g.sends(named, channel):
            return Blocker("channel", scenario, step, channel=channel, target=named)
        return None
    if g.system_of_channel(channel) is None:
        return Blocker("channel", scenario, step, channel=channel)
    return None


def step_feedback_blocker(g: MapGraph, scenario: Scenario, step: Step) -> Blocker | None:
    """`feedback` or `carry` for a step conditioned on another step's feedback, else None."""
    condition = step.condition
    if condition is None or condition.kind is not ConditionKind.FEEDBACK:
        return None
    source_step = g.referenced_step(step)
    source_channel = g.channel_of(source_step) if source_step is not None else None
    if source_channel is None:
        return None
    if condition.feedback not in g.feedback_of_step(source_step):
        return Blocker("feedback", scenario, step, channel=source_channel, source_step=source_step,
                       feedback=condition.feedback)
    origin, target = g.system_of_step(source_step), g.system_of_step(step)
    if origin is None or target is None:
        return None  # a `channel` blocker says it already
    if not g.feedback_reaches(origin, target, condition.feedback) and not _decided_elsewhere(
            g, origin, target, condition.feedback):
        return Blocker("carry", scenario, step, source_step=source_step, feedback=condition.feedback,
                       origin=origin, target=target)
    return None


def _decided_elsewhere(g: MapGraph, origin: System, target: System, feedback: str) -> bool:
    """Whether a system that has the feedback — the one that sent the awaited step, or a hub the feedback is
    carried to (ESP → CDP: opens) — orchestrates and drives the system sending this step (CDP → SMS gateway:
    "send commands"): it decides, and the gateway only sends."""
    for key in sorted(g.feedback_holders(origin, feedback)):
        holder = g.systems.get(key)
        if holder is not None and holder.key != target.key and holder.orchestration and drives(g, holder, target):
            return True
    return False


def drives(g: MapGraph, origin: System, target: System) -> bool:
    """Whether `origin` can tell `target` to send when no integration is said to carry the feedback: a link
    from the one to the other whose content the map does not give ("Sends data to: Edna", «Интеграции:
    SMS Aero»), or — with no integration between them stated — `target` listing `origin` among what it
    receives («Edna: получает данные из 1С, Altcraft»). An orchestrating origin branches on its own
    channels' feedback and has the other system send: "the email was not opened" never has to leave the
    system that sent the email. An integration whose content the map states is taken at its word."""
    stated = g.memo("integrations by pair", lambda: _integrations_by_pair(g)).get((origin.key, target.key))
    if stated is not None:
        return all(i.carries_unknown for i in stated)
    return any(origin.key in source_names(item) for item in target.receives)


def _integrations_by_pair(g: MapGraph) -> dict[tuple[str, str], list]:
    found: dict[tuple[str, str], list] = {}
    for integration in g.map.integrations:
        found.setdefault((id_key(integration.from_system), id_key(integration.to_system)), []).append(integration)
    return found


def system_receives(g: MapGraph, system: System, event: Event) -> bool:
    """Whether the system gets the event: a source it lists as received, or an integration into it
    from the system the event comes from («Сайт → Mindbox»); platform events and unknown sources
    pass. A map whose systems state no received sources at all is not judged by its silence — unless
    the event comes from a system whose integrations the map lists: its events go where they go.
    Decided once per system and event: a stop event is asked about for every step it governs."""
    memo = g.memo("system receives", dict)
    pair = (system.key, event.key)
    found = memo.get(pair)
    if found is None:
        found = memo[pair] = _receives(g, system, event)
    return found


def _receives(g: MapGraph, system: System, event: Event) -> bool:
    receives = _relayed(g).get(system.key, system.receives)
    if _fed(g, system, event):
        return True
    written = source_names(event.source_name)
    if system.key in written or written & {name for item in receives for name in source_names(item)}:
        return True  # "Bloomreach (computed)" for Bloomreach; "Website / App (Segment)" when it receives Segment
    senders = g.memo("integrated from", lambda: frozenset(id_key(i.from_system) for i in g.map.integrations))
    if not receives and event.event_source is None and written & senders:
        return False  # "Stripe" sends data to HubSpot only: not to this system, which lists nothing it receives
    if _listed(system, receives, event):
        return True
    return not g.memo("receives stated", lambda: any(s.receives for s in g.map.systems))


def source_names(text: str) -> frozenset[str]:
    """The names a source cell holds: the whole, each part between "/", "→", "," and each bracket's
    content — «Website / App (Segment)» names Website, App and Segment."""
    if not text:
        return frozenset()
    parts = re.split(r"[/,;→()]|->", text)
    return frozenset(key for key in (id_key(text), *(id_key(part) for part in parts)) if key)


def _fed(g: MapGraph, system: System, event: Event) -> bool:
    """An integration into `system` comes from the event's source: the system of that name, or one
    whose name is the source's kind («Сайт» for site events)."""
    feeders = g.memo("feeders", lambda: _feeders(g)).get(system.key, frozenset())
    kind = {event.event_source.value} if event.event_source is not None else set()
    return bool(feeders) and bool((source_names(event.source_name) | kind) & feeders)


def _feeders(g: MapGraph) -> dict[str, frozenset[str]]:
    """Per system key, the systems integrated into it, directly or through others: their keys, and the source
    kind each one's name says (a system «Сайт» feeds site events)."""
    found: dict[str, set[str]] = {}
    for integration in g.map.integrations:
        origin = id_key(integration.from_system)
        system = g.systems.get(origin)  # an integration from no declared system is MAP001's
        names = {origin, *(id_key(text) for text in ((system.id, system.name) if system else ()) if text)}
        kinds = {EVENT_SOURCES[word] for name in names if (word := normalize_word(name)) in EVENT_SOURCES}
        found.setdefault(id_key(integration.to_system), set()).update(names | kinds)
    changed = True
    while changed:  # Stripe → Segment → Braze: what feeds a feeder feeds the system too
        changed = False
        for key, names in found.items():
            for feeder in [name for name in names if name in found and name != key]:
                if not found[feeder] <= names:
                    names |= found[feeder]
                    changed = True
    return {key: frozenset(value) for key, value in found.items()}


_RELAY = re.compile(r"^(?:через|via|through)\s+(?P<system>.+)$", re.IGNORECASE)


def _relayed(g: MapGraph) -> dict[str, list[str]]:
    """Per system key, what it receives once «через Орбиту» / "via Segment" — or another system of the map
    named in its list ("Bitrix24", "Bloomreach (daily call list)") — is replaced by what that system
    receives: the events come to it through the other one, which decides for it (a gateway that
    Bitrix24 drives sends when Bitrix24 has seen the order)."""
    def compute() -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for system in g.map.systems:
            items, seen, queue = [], {system.key}, list(system.receives)
            while queue:
                item = queue.pop(0)
                match = _RELAY.match(item)
                relay = (g.systems.get(_system_key(g, match["system"])) if match
                         else None if item in _SOURCE_KINDS  # "crm" is the kind of source, even beside a system "crm"
                         else next((g.systems[k] for k in sorted(source_names(item)) if k in g.systems), None))
                if relay is None:
                    items.append(item)
                elif relay.key not in seen:
                    seen.add(relay.key)
                    items.append(relay.key)
                    queue.extend(relay.receives)
            found[system.key] = items
        return found

    return g.memo("relayed receives", compute)


def _system_key(g: MapGraph, words: str) -> str:
    """The key of the system `words` name — by id, name, or a Russian case ending away («Орбиту»)."""
    key = id_key(words)
    if key in g.systems:
        return key
    return next((k for k in g.systems if len(k) >= 4 and key[:-1] and k.startswith(key[:-1])), key)


def _listed(system: System, receives: list[str], event: Event) -> bool:
    """A source written as a system's name («Brightpearl») is judged against a `receives` list that
    names systems too (Klaviyo receives «Shopify Plus, Yotpo»); against a list of source kinds
    alone it stays unknown."""
    source = event.event_source
    if source is not None:
        return source.value == "platform" or source.value in receives
    named = [r for r in receives if r not in _SOURCE_KINDS]
    if not event.source_name or not named:
        return True
    written = id_key(event.source_name)
    return written == system.key or any(r == written or r in written or written in r for r in named)


_SOURCE_KINDS = frozenset(kind.value for kind in EventSource)


def source_of(event: Event) -> str:
    """An event's source as messages name it: its kind ("site"), else the system written ("Brightpearl")."""
    return event.event_source.value if event.event_source is not None else event.source_name


def event_source_blockers(g: MapGraph, scenario: Scenario) -> list[Blocker]:
    """`source` blockers of a scenario, worked out once per audit (TRK003, `fit` and the report ask)."""
    memo = g.memo("source_blockers", dict)
    found = memo.get(scenario.key)
    if found is None:
        found = memo[scenario.key] = list(_event_source_blockers(g, scenario))
    return found


def _event_source_blockers(g: MapGraph, scenario: Scenario) -> Iterator[Blocker]:
    steps = g.steps_by_scenario.get(scenario.key, [])
    if not steps or (g.systems_from_rows and not g.map.integrations):
        return  # systems named only in the rows do not say which event sources they receive; integrations do
    if scenario.trigger:
        event = g.events.get(id_key(scenario.trigger))
        system = g.system_of_step(steps[0])
        if event is not None and system is not None and not system_receives(g, system, event):
            yield Blocker("source", scenario, steps[0], event=event, target=system, role="trigger")
    for ref in scenario.stop_events:
        event = g.events.get(id_key(ref))
        if event is None:
            continue
        for step in steps:
            system = g.system_of_step(step)
            if system is not None and not system_receives(g, system, event):
                yield Blocker("source", scenario, step, event=event, target=system, role="stop_event")
    for step in steps:
        condition = step.condition
        if condition is None or not condition.event:
            continue
        event = g.events.get(id_key(condition.event))
        system = g.system_of_step(step)
        if event is not None and system is not None and not system_receives(g, system, event):
            yield Blocker("source", scenario, step, event=event, target=system, role="condition")


def scenario_blockers(g: MapGraph, scenario: Scenario) -> list[Blocker]:
    """Every blocker of a scenario: its steps' in step order, then its event sources'."""
    return [*_step_blockers_by_scenario(g).get(scenario.key, []), *event_source_blockers(g, scenario)]


def step_blockers(g: MapGraph, kind: str) -> list[Blocker]:
    """Every step blocker of one kind (channel, feedback, carry), in map order; computed once per audit."""
    return g.memo("step_blockers", lambda: _by_kind(_step_blockers_by_scenario(g))).get(kind, [])


def _by_kind(by_scenario: dict[str, list[Blocker]]) -> dict[str, list[Blocker]]:
    found: dict[str, list[Blocker]] = {}
    for blockers in by_scenario.values():
        for blocker in blockers:
            found.setdefault(blocker.kind, []).append(blocker)
    return found


def _step_blockers_by_scenario(g: MapGraph) -> dict[str, list[Blocker]]:
    """Per scenario key, its steps' channel, feedback and carry blockers; once per audit, shared by
    INT001–INT003, `fit` and the report's feasibility table."""
    return g.memo("step_blockers_by_scenario", lambda: _all_step_blockers(g))


def _all_step_blockers(g: MapGraph) -> dict[str, list[Blocker]]:
    found: dict[str, list[Blocker]] = {}
    for scenario_key, steps in g.steps_by_scenario.items():
        scenario = g.scenarios.get(scenario_key) or Scenario(id=steps[0].scenario, declared=False)
        for step in steps:
            for blocker in (step_channel_blocker(g, scenario, step), step_feedback_blocker(g, scenario, step)):
                if blocker is not None:
                    found.setdefault(scenario_key, []).append(blocker)
    return found
