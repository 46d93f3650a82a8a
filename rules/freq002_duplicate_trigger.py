"""FREQ002 duplicate-trigger.

**What it catches.** Two active scenarios fire on the same trigger event for the same segment
(their segments overlap, counting children of targeted segments and `*` as every segment not
excluded). Reported once per pair, on the later scenario.

**Why it matters.** When the same event starts two chains, the customer gets both: two "you left
something in your cart" emails, a welcome from marketing and another from the loyalty team. The
seeds' practice of one map for all teams exists to catch exactly this.

**Fix.** Merge the scenarios into one chain, split the segments so they do not overlap, or give
one of them another trigger.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from audit.findings import Finding, Severity
from audit.model import Status, id_key
from audit.rule import Rule, RuleContext


class DuplicateTrigger(Rule):
    code = "FREQ002"
    slug = "duplicate-trigger"
    default_severity = Severity.WARNING
    title = {"en": "Two scenarios on one trigger", "ru": "Два сценария на одном триггере"}
    message = {
        "en": "Scenarios '{first}' and '{second}' both fire on '{event}' for segment '{segment}'.",
        "ru": "Сценарии «{first}» и «{second}» оба запускаются событием «{event}» для сегмента «{segment}».",
    }
    fix = {
        "en": "Merge '{first}' and '{second}', split their segments, or change one trigger.",
        "ru": "Объедините «{first}» и «{second}», разделите их сегменты или смените один из триггеров.",
    }
    doc_ru = """**Что находит.** Два активных сценария запускаются одним событием для одного сегмента (их
сегменты пересекаются с учётом дочерних сегментов и `*` как всех неисключённых). Отмечается
один раз на пару, на более позднем сценарии.

**Почему это важно.** Когда одно событие запускает две цепочки, клиент получает обе: два письма
«вы забыли корзину», приветствие от маркетинга и ещё одно от программы лояльности. Единая карта
для всех команд нужна именно для того, чтобы ловить такое.

**Как исправить.** Объедините сценарии в одну цепочку, разделите сегменты или смените триггер
у одного из них."""
    examples = {
        "bad": {"segments": [{"id": "new"}],
                "scenarios": [{"id": "welcome", "type": "trigger", "trigger": "signup", "segments": "new"},
                              {"id": "bonus", "type": "trigger", "trigger": "Signup", "segments": "*"}],
                "steps": [{"scenario": "welcome", "step": "S1", "channel": "email"},
                          {"scenario": "bonus", "step": "S1", "channel": "email"}]},
        "good": {"segments": [{"id": "new"}, {"id": "vip"}],
                 "scenarios": [{"id": "welcome", "type": "trigger", "trigger": "signup", "segments": "new"},
                               {"id": "bonus", "type": "trigger", "trigger": "signup", "segments": "vip"}],
                 "steps": [{"scenario": "welcome", "step": "S1", "channel": "email"},
                           {"scenario": "bonus", "step": "S1", "channel": "email"}]},
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        g = ctx.graph
        by_event: dict[str, list] = defaultdict(list)
        for scenario in ctx.map.scenarios:
            if scenario.status is Status.ACTIVE and scenario.trigger:
                by_event[id_key(scenario.trigger)].append(scenario)
        for scenarios in by_event.values():
            if len(scenarios) < 2:
                continue
            reach = [(s, g.reached_segments(s)) for s in scenarios]
            for index, (second, second_reach) in enumerate(reach):
                second_set = set(second_reach)
                for first, first_reach in reach[:index]:
                    shared = next((k for k in first_reach if k in second_set), None)
                    if shared is not None:
                        yield self.finding(second, "trigger", first=first.label, second=second.label,
                                           event=second.trigger, segment=g.segments[shared].label)
