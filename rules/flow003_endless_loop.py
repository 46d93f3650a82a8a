"""FLOW003 endless-loop.

**What it catches.** Steps of a scenario whose `next` links form a cycle ("repeat until the
customer opens it") that nothing ends: the scenario has no stop event and no step inside the
cycle has a condition. A cycle is ended by a stop event of the scenario (the customer bought,
the promo code expired) or by a condition on a step in it (the loop only continues while the
customer does not react).

**Why it matters.** The seeds describe cascades repeated "until the customer opens it or the
promo code expires". Drawn without that stop, the loop sends the same message every cycle,
forever: the fastest route to unsubscribes and spam complaints.

**Fix.** Add a stop event to the scenario (purchase, code expired), or a condition on a step of
the loop such as `not opened S1`.
"""
from __future__ import annotations

from collections.abc import Iterator

from audit.findings import Finding, Severity
from audit.rule import Rule, RuleContext


class EndlessLoop(Rule):
    code = "FLOW003"
    slug = "endless-loop"
    default_severity = Severity.ERROR
    title = {"en": "Endless loop of steps", "ru": "Бесконечный цикл шагов"}
    message = {
        "en": "Steps {cycle} of scenario '{scenario}' repeat in a loop that no stop event or condition ends.",
        "ru": "Шаги {cycle} сценария «{scenario}» повторяются по кругу, и ни стоп-событие, ни условие "
              "цикл не прерывают.",
    }
    fix = {
        "en": "Add a stop event to '{scenario}' (e.g. purchase, code expired) or a condition on a step of the loop.",
        "ru": "Добавьте стоп-событие в «{scenario}» (покупка, истёк промокод) или условие на шаг цикла.",
    }
    doc_ru = """**Что находит.** Шаги сценария, чьи «следующие» образуют цикл («повторять, пока клиент не
откроет»), который ничто не прерывает: у сценария нет стоп-события и ни у одного шага цикла нет
условия. Цикл прерывают стоп-событие (клиент купил, промокод истёк) или условие на шаге цикла.

**Почему это важно.** В практике каскады повторяют «пока клиент не откроет или не истечёт
промокод». Нарисованный без такой остановки цикл шлёт одно и то же сообщение каждый круг —
бесконечно: самый быстрый путь к отпискам и жалобам на спам.

**Как исправить.** Добавьте сценарию стоп-событие (покупка, истёк промокод) или условие на шаг
цикла, например «не открыл S1»."""
    examples = {
        "bad": {"scenarios": [{"id": "promo", "type": "trigger", "trigger": "code_issued", "segments": "*"}],
                "steps": [{"scenario": "promo", "step": "S1", "channel": "email", "next": "S2"},
                          {"scenario": "promo", "step": "S2", "channel": "push", "delay": "1d", "next": "S1"}]},
        "good": {"scenarios": [{"id": "promo", "type": "trigger", "trigger": "code_issued", "segments": "*",
                                "stop_event": "order_paid, code_expired"}],
                 "steps": [{"scenario": "promo", "step": "S1", "channel": "email", "next": "S2"},
                           {"scenario": "promo", "step": "S2", "channel": "push", "delay": "1d", "next": "S1"}]},
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        g = ctx.graph
        for scenario_key, cycles in sorted(g.step_cycles.items()):
            scenario = g.scenarios.get(scenario_key)
            if scenario is not None and scenario.stop_events:
                continue
            for cycle in cycles:
                if any(step.condition_text for step in cycle):
                    continue
                label = scenario.label if scenario is not None else cycle[0].scenario
                yield self.finding(cycle[0], "next", cycle=" → ".join(s.id for s in cycle), scenario=label)
