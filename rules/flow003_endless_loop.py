"""FLOW003 endless-loop.

**What it catches.** Steps of a scenario whose `next` links form a cycle — "repeat until the
customer opens it" — that nothing ends. A cycle is ended by either:

* a stop event of the scenario (the customer bought, the promo code expired): the platform
  takes the customer out of the chain when it fires; or
* a condition on a link inside the cycle, i.e. on any step of the cycle (a condition belongs to
  the link into its step): the loop only goes round while the customer does not react, e.g.
  `not opened S1` or `no event order_paid`. Any condition counts, even one in free text.

Otherwise the cycle is reported once, at its first step in row order; the message lists its
steps (in the order they follow each other when the cycle is a simple ring). A step whose `next`
is itself is a cycle too. The goal event alone does not end a loop (that is FLOW004's concern:
add it to the stop events). Scenarios of every status are checked: a paused loop is still
drawn wrong.

**Why it matters.** The practice draws cascades that repeat "until the customer opens it or the
promo code expires", and loyalty chains where "after the customer uses the points we award new
ones and the cycle repeats" — every such loop hangs on the customer's action or a deadline.
Drawn without that stop, the loop sends the same message every round, forever: the fastest route
to unsubscribes and spam complaints, and a chain the platform team cannot implement as drawn.

**Fix.** Add a stop event to the scenario (purchase, code expired), or a condition on a step of
the loop such as `not opened S1`.
"""
from __future__ import annotations

from collections.abc import Iterator

from audit.findings import Finding, Severity
from audit.graph import MapGraph, step_node
from audit.model import Step
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
    doc_ru = """**Что находит.** Шаги сценария, чьи ссылки «следующий» образуют цикл («повторять, пока
клиент не откроет»), который ничто не прерывает. Цикл прерывает одно из двух:

* стоп-событие сценария (клиент купил, промокод истёк): платформа выводит клиента из цепочки,
  когда оно наступает;
* условие на ссылке внутри цикла, то есть на любом шаге цикла (условие относится к ссылке, ведущей
  в его шаг): цикл идёт, только пока клиент не реагирует, например «не открыл S1» или «нет
  события order_paid». Считается любое условие, даже записанное свободным текстом.

Иначе цикл отмечается один раз — на его первом по порядку строк шаге; сообщение перечисляет шаги
цикла (в порядке следования, если цикл — простое кольцо). Шаг, чей «следующий» — он сам, тоже
цикл. Одно целевое событие цикл не прерывает (это забота FLOW004: добавьте его в стоп-события).
Проверяются сценарии в любом статусе: приостановленный цикл всё равно нарисован неверно.

**Почему это важно.** Практика рисует каскады, которые повторяются «пока клиент не откроет
письмо или не истечёт промокод», и цепочки лояльности, где «после того как клиент использует
баллы, мы начисляем новые, и цикл повторяется», — каждый такой цикл держится на действии клиента
или сроке. Нарисованный без такой остановки цикл шлёт одно и то же сообщение каждый круг —
бесконечно: самый быстрый путь к отпискам и жалобам на спам, и цепочка, которую нельзя внедрить
так, как она нарисована.

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
        for scenario_key, cycles in g.step_cycles.items():
            scenario = g.scenarios.get(scenario_key)
            if scenario is not None and scenario.stop_events:
                continue
            for cycle in cycles:
                if any(step.condition_text for step in cycle):
                    continue
                label = scenario.label if scenario is not None else cycle[0].scenario
                yield self.finding(cycle[0], "next", cycle=_describe(g, cycle), scenario=label)


def _describe(g: MapGraph, cycle: list[Step]) -> str:
    """`S1 → S2 → S1` when the cycle is one ring (walked from its first row), else the steps in row order."""
    by_node = {step_node(step): step for step in cycle}
    graph = g.graph
    successors = {}
    for name in by_node:
        inside = [s for s in graph.successors(name) if s in by_node and graph.edges[name, s].get("kind") == "next"]
        if len(inside) != 1:
            return ", ".join(step.id for step in cycle)
        successors[name] = inside[0]
    start = step_node(cycle[0])
    ring = [cycle[0].id]
    current = successors[start]
    while current != start:
        ring.append(by_node[current].id)
        current = successors[current]
    if len(ring) != len(cycle):  # not a single ring after all
        return ", ".join(step.id for step in cycle)
    return " → ".join([*ring, cycle[0].id])
