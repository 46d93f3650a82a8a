"""FLOW004 no-stop-on-goal.

**What it catches.** A scenario with a goal event that is not among its stop events, and more
than one step (a one-step scenario has nothing left to send after the goal).

**Why it matters.** Once the customer did what the chain asked — paid the order, registered for
the webinar — the rest of the chain is noise: "you forgot your cart" after the purchase, a
reminder about a webinar they already joined. Every element of the map has a goal; reaching it
must end the chain.

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
    doc_ru = """**Что находит.** Сценарий с целевым событием, которого нет среди его стоп-событий, и больше
чем одним шагом (сценарию из одного шага после цели нечего отправлять).

**Почему это важно.** Когда клиент сделал то, к чему вела цепочка, — оплатил заказ,
зарегистрировался на вебинар, — остаток цепочки становится шумом: «вы забыли корзину» после
покупки, напоминание о вебинаре, на который он уже записан. У каждого элемента карты есть цель;
её достижение должно останавливать цепочку.

**Как исправить.** Добавьте целевое событие в стоп-события сценария."""
    examples = {
        "bad": {"scenarios": [{"id": "cart", "type": "trigger", "trigger": "cart_abandoned", "segments": "*",
                               "goal_event": "order_paid"}],
                "steps": [{"scenario": "cart", "step": "S1", "channel": "email"},
                          {"scenario": "cart", "step": "S2", "channel": "push", "delay": "1d"}]},
        "good": {"scenarios": [{"id": "cart", "type": "trigger", "trigger": "cart_abandoned", "segments": "*",
                                "goal_event": "order_paid", "stop_event": "Order_Paid"}],
                 "steps": [{"scenario": "cart", "step": "S1", "channel": "email"},
                           {"scenario": "cart", "step": "S2", "channel": "push", "delay": "1d"}]},
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for scenario in ctx.map.scenarios:
            if not scenario.goal_event or len(ctx.graph.steps_by_scenario.get(scenario.key, [])) < 2:
                continue
            if id_key(scenario.goal_event) not in {id_key(e) for e in scenario.stop_events}:
                yield self.finding(scenario, "stop_event" if "stop_event" in scenario.source.columns else "goal_event",
                                   name=scenario.label, goal=scenario.goal_event)
