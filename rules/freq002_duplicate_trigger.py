"""FREQ002 duplicate-trigger.

**What it catches.** Two active scenarios fire on the same trigger event (ids compared as usual:
`Signup` = `signup`) for the same segment: their segments overlap, a child segment counting as
reached by its parents' scenarios and `*` as every segment not excluded. Planned, paused and
switched-off scenarios are not running, so they do not count. One finding per scenario that
duplicates an earlier one (Scenarios sheet order), on its trigger cell; it names every earlier
scenario it collides with and a segment they share.

**Why it matters.** When the same event starts two chains, the customer gets both: two "you left
something in your cart" emails, a welcome from marketing and another from the loyalty team. The
seeds' practice of collecting every outgoing message of every business unit in one system and
one map exists so that "the customer receives a single message" — two chains on one event are
exactly the gap it closes.

**Fix.** Merge the scenarios into one chain (with branches per segment if they differ), split
the segments so they do not overlap (e.g. exclude the child segment from the general chain), or
give one of them another trigger.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from audit.findings import Finding, Severity
from audit.model import Scenario, Status, id_key
from audit.reach import SegmentForest, segment_forest
from audit.rule import Rule, RuleContext
from rules._common import counted, more, quote

SHOWN = 3  # earlier scenarios a message names


class DuplicateTrigger(Rule):
    code = "FREQ002"
    slug = "duplicate-trigger"
    default_severity = Severity.WARNING
    title = {"en": "Two scenarios on one trigger", "ru": "Два сценария на одном триггере"}
    message = {
        "en": "Scenario '{name}' fires on '{event}' for the same customers as {others}: one event, {chains}.",
        "ru": "Сценарий «{name}» запускается событием «{event}» для тех же клиентов, что и {others}: "
              "одно событие — {chains}.",
    }
    fix = {
        "en": "Merge '{name}' with {first}, split their segments so they do not overlap, or change one trigger.",
        "ru": "Объедините «{name}» с {first}, разделите их сегменты, чтобы они не пересекались, или смените "
              "один из триггеров.",
    }
    _pair = {"en": "{scenario} (segment {segment})", "ru": "{scenario} (сегмент {segment})"}
    _scenarios = {"en": ("scenario", "scenarios"), "ru": ("сценарий", "сценария", "сценариев")}
    _and = {"en": " and ", "ru": " и "}
    _chains = {"en": ("chain", "chains"), "ru": ("цепочка", "цепочки", "цепочек")}
    doc_ru = """**Что находит.** Два активных сценария запускаются одним событием (идентификаторы сравниваются
как обычно: `Signup` = `signup`) для одного сегмента: их сегменты пересекаются, причём дочерний
сегмент получает сценарии родителей, а `*` — это все неисключённые сегменты. Запланированные,
приостановленные и выключенные сценарии не работают и не учитываются. Одно замечание на сценарий,
повторяющий более ранний (по порядку листа «Сценарии»), в ячейке его триггера; в нём названы все
более ранние сценарии, с которыми он пересекается, и общий сегмент.

**Почему это важно.** Когда одно событие запускает две цепочки, клиент получает обе: два письма
«вы забыли корзину», приветствие от маркетинга и ещё одно от программы лояльности. Практика
собирать все исходящие сообщения всех подразделений в одной системе и одной карте нужна, чтобы
«клиенты получали единое сообщение», — две цепочки на одном событии и есть тот разрыв, который она
закрывает.

**Как исправить.** Объедините сценарии в одну цепочку (с ветками по сегментам, если они
различаются), разделите сегменты, чтобы они не пересекались (например, исключите дочерний сегмент
из общей цепочки), или смените триггер у одного из них."""
    examples = {
        "bad": {"segments": [{"id": "active"}, {"id": "gamers", "parent": "active"}],
                "scenarios": [{"id": "cart", "type": "trigger", "trigger": "cart_abandoned", "segments": "*"},
                              {"id": "gamers_cart", "type": "trigger", "trigger": "Cart_Abandoned",
                               "segments": "gamers"}],
                "steps": [{"scenario": "cart", "step": "S1", "channel": "email"},
                          {"scenario": "gamers_cart", "step": "S1", "channel": "email"}]},
        "good": {"segments": [{"id": "active"}, {"id": "gamers", "parent": "active"}],
                 "scenarios": [{"id": "cart", "type": "trigger", "trigger": "cart_abandoned", "segments": "*"},
                               {"id": "gamers_cart", "type": "trigger", "trigger": "cart_abandoned",
                                "segments": "gamers", "status": "planned"}],
                 "steps": [{"scenario": "cart", "step": "S1", "channel": "email"},
                           {"scenario": "gamers_cart", "step": "S1", "channel": "email"}]},
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        forest = segment_forest(ctx.graph)
        by_event: dict[str, list[tuple[int, Scenario]]] = defaultdict(list)
        for index, scenario in enumerate(ctx.map.scenarios):
            if scenario.status is Status.ACTIVE and scenario.trigger:
                by_event[id_key(scenario.trigger)].append((index, scenario))
        collisions: dict[int, dict[int, str]] = defaultdict(dict)  # later → earlier → a shared segment key
        for group in by_event.values():
            if len(group) > 1:
                for earlier, later, shared in _overlaps(forest, ctx, group):
                    collisions[later].setdefault(earlier, shared)
        scenarios = ctx.map.scenarios
        for later in sorted(collisions):
            scenario = scenarios[later]
            partners = sorted(collisions[later].items())
            named = [self._pair[self.lang].format(scenario=quote(scenarios[i].label, self.lang),
                                                  segment=quote(ctx.graph.segments[k].label, self.lang))
                     for i, k in partners[:SHOWN]]
            if len(partners) > SHOWN:
                named.append(more(len(partners) - SHOWN, self._scenarios[self.lang], self.lang))
            others = ", ".join(named[:-1]) + self._and[self.lang] + named[-1] if len(named) > 1 else named[0]
            yield self.finding(scenario, "trigger", name=scenario.label, event=scenario.trigger, others=others,
                               first=quote(scenarios[partners[0][0]].label, self.lang),
                               chains=counted(len(partners) + 1, self._chains[self.lang], self.lang))


def _overlaps(forest: SegmentForest, ctx: RuleContext, group: list[tuple[int, Scenario]]):
    """(earlier index, later index, shared segment key) for each pair of the group whose reach overlaps.

    A named scenario reaches the subtrees of its outermost targets; two subtrees of a forest
    overlap only when one holds the other, so a sweep over the subtrees in depth-first order finds
    every pair, sharing the inner target. `*` shares any segment not excluded that the other reaches.
    """
    graph = ctx.graph
    starred = [index for index, s in group if s.all_segments]
    intervals = []
    open_segment: dict[int, str | None] = {}  # named scenario → a segment not excluded it reaches
    for index, scenario in group:
        if scenario.all_segments:
            continue
        targets = forest.outermost(graph.scenario_segment_keys(scenario))
        open_segment[index] = next((forest.first_open[t] for t in targets if forest.first_open[t]), None)
        intervals.extend((forest.enter[t], -forest.leave[t], index, t) for t in targets)
    intervals.sort()
    stack: list[tuple[int, int]] = []  # (leave, scenario index) of the subtrees holding the current one
    for enter, minus_leave, index, target in intervals:
        while stack and stack[-1][0] <= enter:
            stack.pop()
        for _, outer in stack:
            if outer != index:
                yield min(outer, index), max(outer, index), forest.members[target][0]
        stack.append((-minus_leave, index))
    for star in starred:
        for index, scenario in group:
            if index == star or (scenario.all_segments and index < star):
                continue
            shared = forest.any_open if scenario.all_segments else open_segment[index]
            if shared is not None:
                yield min(star, index), max(star, index), shared
