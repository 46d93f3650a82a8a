"""CNT001 missing-goal.

**What it catches.** A scenario without a goal. Steps inherit their scenario's goal, so a
scenario with an empty goal whose every step states its own goal is fine.

**Why it matters.** The seeds are blunt: every element of the map needs a goal — conversion to a
webinar visit, reactivation, a review request. A chain without one cannot be judged, tuned or
retired, and tends to become a "let's remind them of us" mailing.

**Fix.** Write the scenario's goal in its goal column (one sentence: what the customer should do).
"""
from __future__ import annotations

from collections.abc import Iterator

from audit.findings import Finding, Severity
from audit.rule import Rule, RuleContext


class MissingGoal(Rule):
    code = "CNT001"
    slug = "missing-goal"
    default_severity = Severity.WARNING
    title = {"en": "Scenario without a goal", "ru": "Сценарий без цели"}
    message = {"en": "Scenario '{name}' has no goal.", "ru": "У сценария «{name}» не указана цель."}
    fix = {
        "en": "Write what '{name}' should make the customer do in its goal column.",
        "ru": "Запишите в столбце «цель», что сценарий «{name}» должен побудить клиента сделать.",
    }
    doc_ru = """**Что находит.** Сценарий без цели. Шаги наследуют цель сценария, поэтому сценарий с пустой
целью, у каждого шага которого цель своя, допустим.

**Почему это важно.** Практика однозначна: у каждого элемента карты должна быть цель — переход на
вебинар, реактивация, запрос отзыва. Цепочку без цели нельзя оценить, настроить или выключить, и
она превращается в рассылку «напомнить о себе».

**Как исправить.** Запишите цель сценария (одно предложение: что должен сделать клиент)."""
    examples = {
        "bad": {"scenarios": [{"id": "news", "type": "regular", "schedule": "weekly", "segments": "*"}],
                "steps": [{"scenario": "news", "step": "S1", "channel": "email"}]},
        "good": {"scenarios": [{"id": "news", "type": "regular", "schedule": "weekly", "segments": "*",
                                "goal": "Repeat purchase"}],
                 "steps": [{"scenario": "news", "step": "S1", "channel": "email"}]},
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for scenario in ctx.map.scenarios:
            if not scenario.declared or scenario.goal:
                continue
            steps = ctx.graph.steps_by_scenario.get(scenario.key, [])
            if steps and all(step.goal for step in steps):
                continue
            yield self.finding(scenario, "goal", name=scenario.label)
