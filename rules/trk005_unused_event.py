"""TRK005 unused-event.

**What it catches.** A tracked event on the Events sheet that triggers, conditions, stops or
measures nothing: no scenario's trigger, goal event or stop event names it, and no step
condition waits for it.

**Why it matters.** Tracking costs developer time and clutters analytics. An event collected but
unused is either a scenario nobody wrote yet (a "product viewed" with no browse-abandonment
chain) or a leftover that can go. Both are worth knowing at the six-month review.

**Fix.** Build a scenario on the event (trigger, stop or goal), or stop listing it in the map.
"""
from __future__ import annotations

from collections.abc import Iterator

from audit.findings import Finding, Severity
from audit.model import id_key
from audit.rule import Rule, RuleContext


class UnusedEvent(Rule):
    code = "TRK005"
    slug = "unused-event"
    default_severity = Severity.INFO
    title = {"en": "Tracked event nothing uses", "ru": "Отслеживаемое событие не используется"}
    message = {
        "en": "Event '{name}' is tracked but no scenario or condition uses it.",
        "ru": "Событие «{name}» отслеживается, но его не использует ни один сценарий или условие.",
    }
    fix = {
        "en": "Build a scenario on '{name}' (trigger, stop or goal) or remove it from the map.",
        "ru": "Постройте сценарий на событии «{name}» (триггер, стоп или цель) или уберите его из карты.",
    }
    requires = ("events",)
    doc_ru = """**Что находит.** Отслеживаемое событие с листа событий, которое ничего не запускает, не
останавливает, не измеряет и не участвует в условиях.

**Почему это важно.** Трекинг стоит времени разработчиков и засоряет аналитику. Собираемое, но
неиспользуемое событие — это либо ненаписанный сценарий («просмотр товара» без цепочки брошенного
просмотра), либо остаток, который можно убрать. И то и другое полезно знать на ревизии.

**Как исправить.** Постройте на событии сценарий (триггер, стоп или цель) или уберите его из карты."""
    examples = {
        "bad": {"events": [{"id": "signup", "tracked": "да"}, {"id": "product_view", "tracked": "да"}],
                "scenarios": [{"id": "welcome", "type": "trigger", "trigger": "signup", "segments": "*"}],
                "steps": [{"scenario": "welcome", "step": "S1", "channel": "email"}]},
        "good": {"events": [{"id": "signup", "tracked": "да"}, {"id": "product_view", "tracked": "нет"}],
                 "scenarios": [{"id": "welcome", "type": "trigger", "trigger": "signup", "segments": "*"}],
                 "steps": [{"scenario": "welcome", "step": "S1", "channel": "email"}]},
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        used: set[str] = set()
        for scenario in ctx.map.scenarios:
            used.update(id_key(e) for e in (scenario.trigger, scenario.goal_event, *scenario.stop_events) if e)
        for step in ctx.map.steps:
            if step.condition is not None and step.condition.event:
                used.add(id_key(step.condition.event))
        for event in ctx.map.events:
            if event.declared and event.key not in used and ctx.is_tracked(event):
                yield self.finding(event, "id", name=event.label)
