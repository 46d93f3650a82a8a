"""CNT001 missing-goal.

**What it catches.** A scenario on the Scenarios sheet without a goal. Steps inherit their
scenario's goal, so a scenario with an empty goal whose every step states its own goal is fine.
A goal event alone is no goal: it says how success is counted, not what the chain is for (a
client writes both, and an empty goal beside a filled goal event is the gap a consultant points
at). Scenarios of every status are checked: a paused chain without a goal cannot
be judged at the review either. Scenarios only derived from other sheets (no Scenarios sheet)
are not reported.

**Why it matters.** The seeds are blunt: "each element of interaction must have a clear goal",
and the map is where a team states "which task each scenario solves (conversion to a webinar
visitor, reactivation, a feedback request…)". A chain without one cannot be judged, tuned or
retired, and drifts into a "let's remind them of us" mailing.

**Fix.** Write the scenario's goal in its goal column — one sentence on what the customer should
do.
"""
from __future__ import annotations

from collections.abc import Iterator

from audit.findings import Finding, Severity
from audit.rule import Rule, RuleContext
from rules._common import plural


class MissingGoal(Rule):
    code = "CNT001"
    slug = "missing-goal"
    default_severity = Severity.WARNING
    title = {"en": "Scenario without a goal", "ru": "Сценарий без цели"}
    message = {"en": "Scenario '{name}' has no goal{detail}.", "ru": "У сценария «{name}» не указана цель{detail}."}
    fix = {
        "en": "Write what '{name}' should make the customer do in its goal column.",
        "ru": "Запишите в столбце «цель», что сценарий «{name}» должен побудить клиента сделать.",
    }
    _partly = {"en": " (only {some} of its {steps} {steps_word} {have} a goal of {own} own)",
               "ru": " (своя цель есть только у {some} из {steps} {steps_word})"}
    # "of its 1 step has", «из 1 шага», «из 5 шагов», «из 21 шага»: after «из» the genitive
    _steps_word = {"en": ("step", "steps"), "ru": ("шага", "шагов", "шагов")}
    doc_ru = """**Что находит.** Сценарий на листе «Сценарии» без цели. Шаги наследуют цель сценария, поэтому
сценарий с пустой целью, у каждого шага которого цель своя, допустим. Одно целевое событие целью не
считается: оно говорит, как считать успех, а не зачем цепочка (пустая цель рядом с заполненным
целевым событием — именно тот пробел, на который укажет консультант). Проверяются
сценарии в любом статусе: приостановленную цепочку без цели на ревизии тоже не оценить. Сценарии,
выведенные из других листов (листа «Сценарии» нет), не отмечаются.

**Почему это важно.** Практика однозначна: «каждый элемент взаимодействия должен иметь чёткие
цели», а карта — место, где команда записывает, «какие задачи решает тот или иной сценарий
(конверсия в посетителя вебинара, реактивация, запрос ОС и т. д.)». Цепочку без цели нельзя
оценить, настроить или выключить, и она превращается в рассылку «напомнить о себе».

**Как исправить.** Запишите цель сценария (одно предложение: что должен сделать клиент)."""
    examples = {
        "bad": {"scenarios": [{"id": "news", "type": "regular", "schedule": "weekly", "segments": "*"}],
                "steps": [{"scenario": "news", "step": "S1", "channel": "email", "goal": "Open the digest"},
                          {"scenario": "news", "step": "S2", "channel": "push"}]},
        "good": {"scenarios": [{"id": "news", "type": "regular", "schedule": "weekly", "segments": "*"}],
                 "steps": [{"scenario": "news", "step": "S1", "channel": "email", "goal": "Open the digest"},
                           {"scenario": "news", "step": "S2", "channel": "push", "goal": "Visit the catalogue"}]},
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for scenario in ctx.map.scenarios:
            if not scenario.declared or scenario.goal:
                continue
            steps = ctx.graph.steps_by_scenario.get(scenario.key, [])
            with_goal = sum(1 for step in steps if step.goal)
            if steps and with_goal == len(steps):
                continue
            detail = self._partly[self.lang].format(
                some=with_goal, steps=len(steps), steps_word=plural(len(steps), self._steps_word[self.lang], self.lang),
                have="has" if with_goal == 1 else "have",
                own="its" if with_goal == 1 else "their") if with_goal else ""
            yield self.finding(scenario, "goal", name=scenario.label, detail=detail)
