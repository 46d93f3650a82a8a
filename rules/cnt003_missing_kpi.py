"""CNT003 missing-kpi.

**What it catches.** A scenario without a KPI.

**Why it matters.** A goal says what the chain is for; a KPI says how to tell whether it works —
open rate of the first email, conversion to purchase within 7 days, share of customers who came
to the webinar. The seeds tie every element of the map to a measurable KPI; without one the
six-month review cannot decide what to keep.

**Fix.** Write the metric and, ideally, its target in the KPI column.
"""
from __future__ import annotations

from collections.abc import Iterator

from audit.findings import Finding, Severity
from audit.rule import Rule, RuleContext


class MissingKpi(Rule):
    code = "CNT003"
    slug = "missing-kpi"
    default_severity = Severity.INFO
    title = {"en": "Scenario without a KPI", "ru": "Сценарий без KPI"}
    message = {"en": "Scenario '{name}' has no KPI.", "ru": "У сценария «{name}» не указан KPI."}
    fix = {
        "en": "Write how the success of '{name}' is measured (e.g. conversion to purchase in 7 days).",
        "ru": "Запишите, как измеряется успех «{name}» (например, конверсия в покупку за 7 дней).",
    }
    doc_ru = """**Что находит.** Сценарий без KPI.

**Почему это важно.** Цель говорит, зачем цепочка; KPI — как понять, работает ли она: открываемость
первого письма, конверсия в покупку за 7 дней, доля пришедших на вебинар. Практика привязывает
каждый элемент карты к измеримому KPI; без него ревизии через полгода нечем решать, что оставить.

**Как исправить.** Запишите метрику и, желательно, её целевое значение в столбце KPI."""
    examples = {
        "bad": {"scenarios": [{"id": "cart", "type": "trigger", "trigger": "cart_abandoned", "segments": "*"}],
                "steps": [{"scenario": "cart", "step": "S1", "channel": "email"}]},
        "good": {"scenarios": [{"id": "cart", "type": "trigger", "trigger": "cart_abandoned", "segments": "*",
                                "kpi": "Cart recovery rate ≥ 8%"}],
                 "steps": [{"scenario": "cart", "step": "S1", "channel": "email"}]},
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for scenario in ctx.map.scenarios:
            if scenario.declared and not scenario.kpi:
                yield self.finding(scenario, "kpi", name=scenario.label)
