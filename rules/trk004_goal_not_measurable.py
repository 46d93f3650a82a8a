"""TRK004 goal-not-measurable.

**What it catches.** An active scenario without a goal event, or whose goal event is defined but
not tracked (marked not tracked, or absent from the `--tracking-plan`). Goal events the Events
sheet does not define are TRK001's.

**Why it matters.** Every element of a communication map needs a goal and a measurable KPI; a
goal without an event to count it is an opinion. Without it nobody can say whether the abandoned
cart chain returns customers or whether the second SMS is worth its price — and the six-month
review has nothing to compare.

**Fix.** Name the event that marks success (order paid, webinar attended) in the goal event
column and make sure it is tracked.
"""
from __future__ import annotations

from collections.abc import Iterator

from audit.findings import Finding, Severity
from audit.model import Status, id_key
from audit.rule import Rule, RuleContext


class GoalNotMeasurable(Rule):
    code = "TRK004"
    slug = "goal-not-measurable"
    default_severity = Severity.WARNING
    title = {"en": "Goal cannot be measured", "ru": "Цель нельзя измерить"}
    message = {
        "en": "Active scenario '{name}' {why}.",
        "ru": "У активного сценария «{name}» {why}.",
    }
    fix = {
        "en": "Name the event that marks success in the goal event column and make sure it is tracked.",
        "ru": "Укажите событие, означающее успех, в столбце «целевое событие» и убедитесь, что оно собирается.",
    }
    _why = {
        "none": {"en": "has no goal event", "ru": "нет целевого события"},
        "untracked": {"en": "measures its goal by '{event}', which is not tracked",
                      "ru": "цель измеряется событием «{event}», которое не отслеживается"},
    }
    doc_ru = """**Что находит.** Активный сценарий без целевого события или с целевым событием, которое
описано, но не отслеживается (отмечено неотслеживаемым или отсутствует в плане трекинга).
Неописанными целевыми событиями занимается TRK001.

**Почему это важно.** У каждого элемента карты должны быть цель и измеримый KPI; цель без события,
которым её считают, — это мнение. Без него нельзя сказать, возвращает ли цепочка брошенной
корзины клиентов и окупается ли второе SMS, а ревизии через полгода нечего сравнивать.

**Как исправить.** Укажите событие, означающее успех (заказ оплачен, клиент пришёл на вебинар), в
столбце «целевое событие» и убедитесь, что оно собирается."""
    examples = {
        "bad": {"scenarios": [{"id": "cart", "type": "trigger", "trigger": "cart_abandoned", "segments": "*",
                               "status": "active"}],
                "steps": [{"scenario": "cart", "step": "S1", "channel": "email"}]},
        "good": {"events": [{"id": "cart_abandoned", "tracked": "да"}, {"id": "order_paid", "tracked": "да"}],
                 "scenarios": [{"id": "cart", "type": "trigger", "trigger": "cart_abandoned", "segments": "*",
                                "status": "active", "goal_event": "order_paid", "stop_event": "order_paid"}],
                 "steps": [{"scenario": "cart", "step": "S1", "channel": "email"}]},
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for scenario in ctx.map.scenarios:
            if scenario.status is not Status.ACTIVE or not scenario.declared:
                continue
            if not scenario.goal_event:
                yield self.finding(scenario, "goal_event", name=scenario.label, why=self._why["none"][self.lang])
                continue
            event = ctx.graph.events.get(id_key(scenario.goal_event))
            if event is not None and not ctx.is_tracked(event):
                why = self._why["untracked"][self.lang].format(event=event.label)
                yield self.finding(scenario, "goal_event", name=scenario.label, why=why)
