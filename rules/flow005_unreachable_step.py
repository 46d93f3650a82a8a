"""FLOW005 unreachable-step.

**What it catches.** A step of a scenario that no path from the scenario's first step (its first
row) reaches by `next` links — each step's explicit `next` ids, or the next row of the scenario
where `next` is empty. A step whose `next` says `end` leads nowhere. Without any `next` written
each row leads to the next one and everything is reachable, so this only happens where `next` is
used. Scenarios of every status are checked.

**Why it matters.** The practice builds trigger chains as a sequence of touches — email, then
push if it was not opened, then SMS — each with a message, a delay and a goal. An unreachable
touchpoint still looks planned on the map: a designer writes its text, a manager counts it in the
contact plan and the budget, yet no customer will ever receive it. Usually a branch was rewired
and this step was left behind, or a `next` id is misspelt.

**Fix.** Link the step from the step that should precede it (add its id to that step's `next`),
or delete it.
"""
from __future__ import annotations

from collections.abc import Iterator

from audit.findings import Finding, Severity
from audit.graph import step_node
from audit.rule import Rule, RuleContext


class UnreachableStep(Rule):
    code = "FLOW005"
    slug = "unreachable-step"
    default_severity = Severity.WARNING
    title = {"en": "Step no path reaches", "ru": "Недостижимый шаг"}
    message = {
        "en": "Step '{step}' cannot be reached from the first step '{first}' of its scenario.",
        "ru": "До шага «{step}» нельзя дойти от первого шага сценария «{first}».",
    }
    fix = {
        "en": "Add '{id}' to the next steps of the step that should lead to it, or delete the step.",
        "ru": "Добавьте «{id}» в следующие шаги того шага, что должен к нему вести, или удалите шаг.",
    }
    doc_ru = """**Что находит.** Шаг сценария, до которого не доходит ни один путь от первого шага (первой
строки сценария) по ссылкам «следующий» — явным идентификаторам в «следующий» или, где он пуст,
следующей строке сценария. Шаг, у которого «следующий» — `конец`, никуда не ведёт. Без
заполненного «следующий» каждая строка ведёт к следующей и достижимо всё, так что это бывает
только там, где «следующий» используется. Проверяются сценарии в любом статусе.

**Почему это важно.** Практика строит триггерные цепочки как последовательность касаний — письмо,
пуш, если письмо не открыли, затем SMS, — у каждого сообщение, задержка и цель. Недостижимое
касание всё равно выглядит запланированным: дизайнер пишет текст, менеджер учитывает его в
контакт-плане и бюджете, но его не получит ни один клиент. Обычно ветку перестроили, а шаг
забыли, или в «следующий» опечатка.

**Как исправить.** Свяжите шаг с тем, что должен ему предшествовать (добавьте его в «следующий»
того шага), или удалите его."""
    examples = {
        "bad": {"scenarios": [{"id": "a", "type": "trigger", "trigger": "signup", "segments": "*"}],
                "steps": [{"scenario": "a", "step": "S1", "channel": "email", "next": "S3"},
                          {"scenario": "a", "step": "S2", "channel": "push", "next": "S3"},
                          {"scenario": "a", "step": "S3", "channel": "sms", "next": "end"}]},
        "good": {"scenarios": [{"id": "a", "type": "trigger", "trigger": "signup", "segments": "*"}],
                 "steps": [{"scenario": "a", "step": "S1", "channel": "email", "next": "S2, S3"},
                           {"scenario": "a", "step": "S2", "channel": "push", "next": "S3"},
                           {"scenario": "a", "step": "S3", "channel": "sms", "next": "end"}]},
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        graph = ctx.graph.graph
        for steps in ctx.graph.steps_by_scenario.values():
            if all(step.next is None for step in steps):
                continue  # each row leads to the next one: the whole chain is reachable
            first = steps[0]
            seen = {step_node(first)}
            stack = [step_node(first)]
            while stack:
                current = stack.pop()
                for _, successor, data in graph.out_edges(current, data=True):
                    if data.get("kind") == "next" and successor not in seen:
                        seen.add(successor)
                        stack.append(successor)
            for step in steps[1:]:
                if step_node(step) not in seen:
                    yield self.finding(step, "step", step=step.ref, first=first.id, id=step.id)
