"""MAP005 scenario-without-steps.

**What it catches.** A scenario on the Scenarios sheet that no row of the Steps sheet belongs to.

**Why it matters.** A scenario with a goal and a segment but no touchpoints is an intention, not
a communication: the customer receives nothing. Often the steps exist under a misspelt scenario
id (then MAP001 points at them).

**Fix.** Add the scenario's steps, or correct the scenario id on its steps.
"""
from __future__ import annotations

from collections.abc import Iterator

from audit.findings import Finding, Severity
from audit.rule import Rule, RuleContext


class ScenarioWithoutSteps(Rule):
    code = "MAP005"
    slug = "scenario-without-steps"
    default_severity = Severity.ERROR
    title = {"en": "Scenario without steps", "ru": "Сценарий без шагов"}
    message = {
        "en": "Scenario '{name}' has no steps: no row of the Steps sheet belongs to it.",
        "ru": "У сценария «{name}» нет шагов: ни одна строка листа шагов к нему не относится.",
    }
    fix = {
        "en": "Add the touchpoints of '{name}' to the Steps sheet, or correct the scenario id on its steps.",
        "ru": "Добавьте касания сценария «{name}» на лист шагов или исправьте идентификатор сценария в шагах.",
    }

    doc_ru = """**Что находит.** Сценарий на листе сценариев, к которому не относится ни одна строка листа шагов.

**Почему это важно.** Сценарий с целью и сегментом, но без касаний — намерение, а не
коммуникация: клиент ничего не получит. Часто шаги есть, но под опечаткой в идентификаторе
сценария (тогда на них укажет MAP001).

**Как исправить.** Добавьте шаги сценария или исправьте идентификатор сценария в шагах."""
    examples = {'bad': {'scenarios': [{'id': 'cart', 'type': 'trigger', 'trigger': 'cart_abandoned', 'segments': '*'},
                           {'id': 'welcome', 'type': 'trigger', 'trigger': 'signup', 'segments': '*'}],
             'steps': [{'scenario': 'cart', 'step': 'S1', 'channel': 'email'}]},
     'good': {'scenarios': [{'id': 'cart', 'type': 'trigger', 'trigger': 'cart_abandoned', 'segments': '*'},
                            {'id': 'welcome', 'type': 'trigger', 'trigger': 'signup', 'segments': '*'}],
              'steps': [{'scenario': 'cart', 'step': 'S1', 'channel': 'email'},
                        {'scenario': 'welcome', 'step': 'S1', 'channel': 'email'}]}}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        if not ctx.map.has_sheet("steps"):
            return
        for scenario in ctx.map.scenarios:
            if not ctx.graph.steps_by_scenario.get(scenario.key):
                yield self.finding(scenario, "id", name=scenario.label)
