"""FLOW003 endless-loop.

**What it catches.** Steps of a scenario whose `next` links form a cycle — "repeat until the
customer opens it" — with nothing to end it. A cycle is ended (`audit/loops.py`) by

* a stop event of the scenario (the customer bought, the promo code expired): the platform
  takes the customer out of the chain when it fires; or
* a bound written in the loop's own words: a repeat limit («до 3 раз», «не более 3 раз», "max 3
  times", "up to 3 times") or an expiry or a date («пока не истечёт промокод», «до 31.12»,
  "until the code expires") — in the condition, `next` cell, message or goal of a step of the
  loop, or in the scenario's name, goal or schedule.

A reaction condition on a step of the loop (`not opened S1`, `no event order_paid`) does **not**
end it: it only says who goes round — and the customer who never opens goes round for ever. The
message says who stays in the loop ("customers who never open S1"). The contact-pressure estimate
(FREQ001, the HTML report) counts exactly the loops reported here as unbounded.

The cycle is reported once, at its first step in row order; the message lists its steps (in the
order they follow each other when the cycle is a simple ring). A step whose `next` is itself is a
cycle too. The goal event alone does not end a loop (that is FLOW004's concern: add it to the
stop events). Scenarios of every status are checked: a paused loop is still drawn wrong.

**Why it matters.** The practice draws cascades that repeat "until the customer opens it or the
promo code expires", and loyalty chains where "after the customer uses the points we award new
ones and the cycle repeats" — every such loop hangs on the customer's action *or* a deadline.
The action alone is not enough: the customer who never opens is exactly the one the loop keeps
messaging, every round, for ever — the fastest route to unsubscribes and spam complaints, and a
chain the platform team cannot implement as drawn.

**Fix.** Add a stop event to the scenario (purchase, code expired), or write the limit into the
loop: "up to 3 times", «до 3 раз», "until the code expires".
"""
from __future__ import annotations

from collections.abc import Iterator

from audit.findings import Finding, Severity
from audit.graph import MapGraph, step_node
from audit.loops import scenario_loops
from audit.model import ConditionKind, Step
from audit.rule import Rule, RuleContext
from rules._common import quote


class EndlessLoop(Rule):
    code = "FLOW003"
    slug = "endless-loop"
    default_severity = Severity.ERROR
    title = {"en": "Endless loop of steps", "ru": "Бесконечный цикл шагов"}
    message = {
        "en": "Steps {cycle} of scenario '{scenario}' repeat in a loop that no stop event, repeat limit or "
              "expiry ends: {who} stay in it for ever.",
        "ru": "Шаги {cycle} сценария «{scenario}» повторяются по кругу, и ни стоп-событие, ни лимит повторов, "
              "ни срок цикл не прерывают: {who} останутся в нём навсегда.",
    }
    fix = {
        "en": "Add a stop event to '{scenario}' (e.g. purchase, code expired) or a limit such as 'up to 3 times'; "
              "a condition like 'not opened S1' does not end the loop.",
        "ru": "Добавьте стоп-событие в «{scenario}» (покупка, истёк промокод) или лимит вроде «до 3 раз»; "
              "условие вроде «не открыл S1» цикл не прерывает.",
    }
    doc_ru = """**Что находит.** Шаги сценария, чьи ссылки «следующий» образуют цикл («повторять, пока
клиент не откроет»), который ничто не прерывает. Цикл прерывает (`audit/loops.py`):

* стоп-событие сценария (клиент купил, промокод истёк): платформа выводит клиента из цепочки,
  когда оно наступает; или
* ограничение, записанное словами цикла: лимит повторов («до 3 раз», «не более 3 раз», "max 3
  times", "up to 3 times") или срок либо дата («пока не истечёт промокод», «до 31.12», "until the
  code expires") — в условии, ячейке «следующий», сообщении или цели шага цикла либо в названии,
  цели или расписании сценария.

Условие реакции на шаге цикла («не открыл S1», «нет события order_paid») цикл **не** прерывает:
оно лишь говорит, кто идёт по кругу, — а клиент, который так и не открыл письмо, идёт по кругу
вечно. Сообщение говорит, кто остаётся в цикле («клиенты, которые так и не открыли S1»). Оценка
нагрузки (FREQ001, HTML-отчёт) считает неограниченными ровно те циклы, что отмечены здесь.

Цикл отмечается один раз — на его первом по порядку строк шаге; сообщение перечисляет шаги цикла
(в порядке следования, если цикл — простое кольцо). Шаг, чей «следующий» — он сам, тоже цикл.
Одно целевое событие цикл не прерывает (это забота FLOW004: добавьте его в стоп-события).
Проверяются сценарии в любом статусе: приостановленный цикл всё равно нарисован неверно.

**Почему это важно.** Практика рисует каскады, которые повторяются «пока клиент не откроет
письмо или не истечёт промокод», и цепочки лояльности, где «после того как клиент использует
баллы, мы начисляем новые, и цикл повторяется», — каждый такой цикл держится на действии клиента
*или* сроке. Одного действия мало: клиент, который так и не открывает, — ровно тот, кому цикл шлёт
сообщение каждый круг, бесконечно: самый быстрый путь к отпискам и жалобам на спам, и цепочка,
которую нельзя внедрить так, как она нарисована.

**Как исправить.** Добавьте сценарию стоп-событие (покупка, истёк промокод) или запишите лимит в
цикл: «до 3 раз», "up to 3 times", «пока не истечёт промокод»."""
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
        for scenario_key, loops in scenario_loops(g).items():
            for loop in loops:
                if not loop.endless:
                    continue
                cycle = list(loop.steps)
                label = loop.scenario.label if loop.scenario is not None else cycle[0].scenario
                yield self.finding(cycle[0], "next", cycle=_describe(g, cycle), scenario=label,
                                   who=self._who_stays(g, cycle))

    def _who_stays(self, g: MapGraph, cycle: list[Step]) -> str:
        """Who goes round for ever: the customers every reaction condition of the loop lets through."""
        lang = self.lang
        clauses: list[str] = []
        for step in cycle:
            clause = self._clause(g, step)
            if clause and clause not in clauses:
                clauses.append(clause)
        if not clauses:
            return _WHO[lang]["everyone"]
        return _WHO[lang]["customers"].format(clauses=_WHO[lang]["and"].join(clauses))

    def _clause(self, g: MapGraph, step: Step) -> str:
        words = _WHO[self.lang]
        condition = step.condition
        if condition is None:
            return words["text"].format(text=quote(step.condition_text, self.lang)) if step.condition_text else ""
        if condition.kind is ConditionKind.FEEDBACK:
            source = g.referenced_step(step)
            ref = condition.step_ref or (source.id if source is not None else words["previous"])
            verbs = words["never" if condition.negated else "every"]
            verb = verbs.get(condition.feedback or "", verbs["default"])
            return verb.format(step=ref, feedback=condition.feedback or "")
        if condition.kind is ConditionKind.NO_EVENT or (condition.kind is ConditionKind.EVENT and condition.negated):
            return words["no_event"].format(event=quote(condition.event or "", self.lang))
        if condition.kind is ConditionKind.EVENT:
            return words["event"].format(event=quote(condition.event or "", self.lang))
        return words["text"].format(text=quote(step.condition_text, self.lang))


_WHO = {
    "en": {
        "everyone": "all customers who enter it", "customers": "customers who {clauses}", "and": " and ",
        "previous": "the previous step",
        "never": {"opened": "never open {step}", "clicked": "never click {step}", "read": "never read {step}",
                  "replied": "never reply to {step}", "answered": "never answer call {step}",
                  "delivered": "never get {step} delivered", "default": "never show '{feedback}' on {step}"},
        "every": {"opened": "open {step} every time", "clicked": "click {step} every time",
                  "read": "read {step} every time", "replied": "reply to {step} every time",
                  "delivered": "get {step} delivered every time", "default": "show '{feedback}' on {step} every time"},
        "no_event": "never reach event {event}", "event": "reach event {event} every round",
        "text": "meet the condition {text} every round",
    },
    "ru": {
        "everyone": "все клиенты, попавшие в него,", "customers": "клиенты, которые {clauses},", "and": " и ",
        "previous": "предыдущий шаг",
        "never": {"opened": "так и не открыли {step}", "clicked": "так и не кликнули в {step}",
                  "read": "так и не прочитали {step}", "replied": "так и не ответили на {step}",
                  "answered": "так и не ответили на звонок {step}", "delivered": "так и не получили {step}",
                  "default": "так и не дали «{feedback}» по {step}"},
        "every": {"opened": "каждый раз открывают {step}", "clicked": "каждый раз кликают в {step}",
                  "read": "каждый раз читают {step}", "replied": "каждый раз отвечают на {step}",
                  "delivered": "каждый раз получают {step}", "default": "каждый раз дают «{feedback}» по {step}"},
        "no_event": "так и не совершили событие {event}", "event": "каждый круг совершают событие {event}",
        "text": "каждый круг подходят под условие {text}",
    },
}


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
