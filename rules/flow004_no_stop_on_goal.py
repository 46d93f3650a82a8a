"""FLOW004 no-stop-on-goal.

**What it catches.** A scenario with a goal event that is not among its stop events (ids compared
the way all ids are: trimmed, case-insensitive), when it has more than one step. A one-step
scenario is left alone: after its only message there is nothing left to send, so stopping on the
goal changes nothing — unless that step repeats (its next step is itself: "remind weekly until
they order") or waits an hour or more before it goes (browse abandonment's "Still deciding?" four
hours after the visit reaches whoever bought in those four hours). Scenarios of every status are checked.

**Why it matters.** The practice gives every element of the map a clear goal, and trigger
messages exist to "motivate the customer to the target action". Once the customer has done it —
paid the order, registered for the webinar — the rest of the chain is noise: "you forgot your
cart" after the purchase, a reminder about a webinar they already joined, a discount for someone
who has just paid full price. Reaching the goal must take the customer out of the chain.

**Fix.** Add the goal event to the scenario's stop events.
"""
from __future__ import annotations

from collections.abc import Iterator

from audit.findings import Finding, Severity
from audit.model import id_key
from audit.rule import Rule, RuleContext


class NoStopOnGoal(Rule):
    code = "FLOW004"
    slug = "no-stop-on-goal"
    default_severity = Severity.WARNING
    title = {"en": "Scenario does not stop on its goal", "ru": "Сценарий не останавливается по цели"}
    message = {
        "en": "Scenario '{name}' aims at '{goal}' but does not stop on it: a customer who converted still "
              "gets the remaining steps.",
        "ru": "Цель сценария «{name}» — «{goal}», но он на ней не останавливается: клиент, который уже "
              "выполнил цель, получит оставшиеся шаги.",
    }
    fix = {
        "en": "Add '{goal}' to the stop events of '{name}'.",
        "ru": "Добавьте «{goal}» в стоп-события сценария «{name}».",
    }
    doc_ru = """**Что находит.** Сценарий с целевым событием, которого нет среди его стоп-событий
(идентификаторы сравниваются как всегда: без пробелов по краям и без учёта регистра), если в нём
больше одного шага. Сценарий из одного шага не отмечается: после единственного сообщения
отправлять нечего, и остановка по цели ничего не меняет, — если только этот шаг не повторяется
(следующий шаг — он сам: «напоминаем раз в неделю, пока не оформит») или не ждёт час и больше
перед отправкой («Ещё думаете?» через четыре часа после просмотра получит и тот, кто за эти четыре
часа уже купил). Проверяются сценарии в
любом статусе.

**Почему это важно.** Практика требует у каждого элемента карты чёткую цель, а триггерные
сообщения существуют, чтобы «мотивировать на выполнение целевого действия». Когда клиент его
выполнил — оплатил заказ, зарегистрировался на вебинар, — остаток цепочки становится шумом: «вы
забыли корзину» после покупки, напоминание о вебинаре, на который он уже записан, скидка тому,
кто только что заплатил полную цену. Достижение цели должно выводить клиента из цепочки.

**Как исправить.** Добавьте целевое событие в стоп-события сценария."""
    examples = {
        "bad": {"scenarios": [{"id": "cart", "type": "trigger", "trigger": "cart_abandoned", "segments": "*",
                               "goal_event": "order_paid", "stop_event": "cart_emptied"}],
                "steps": [{"scenario": "cart", "step": "S1", "channel": "email"},
                          {"scenario": "cart", "step": "S2", "channel": "push", "delay": "1d"}]},
        "good": {"scenarios": [{"id": "cart", "type": "trigger", "trigger": "cart_abandoned", "segments": "*",
                                "goal_event": "order_paid", "stop_event": "cart_emptied, Order_Paid"}],
                 "steps": [{"scenario": "cart", "step": "S1", "channel": "email"},
                           {"scenario": "cart", "step": "S2", "channel": "push", "delay": "1d"}]},
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        steps_by_scenario = ctx.graph.steps_by_scenario
        for scenario in ctx.map.scenarios:
            steps = steps_by_scenario.get(scenario.key, ())
            if not scenario.goal_event or (len(steps) < 2 and not _repeats(steps) and not _waits(steps)):
                continue
            if id_key(scenario.goal_event) not in {id_key(e) for e in scenario.stop_events}:
                field = "stop_event" if "stop_event" in scenario.source.columns else "goal_event"
                yield self.finding(scenario, field, name=scenario.label, goal=scenario.goal_event)


def _waits(steps) -> bool:
    """A lone step sent an hour or more after the trigger: whoever converts meanwhile still gets it."""
    return any((step.delay_minutes or 0) >= 60 for step in steps)


def _repeats(steps) -> bool:
    """A lone step whose next step is itself: sent again and again."""
    return any(step.next and any(id_key(n) == step.key[1] for n in step.next) for step in steps)
