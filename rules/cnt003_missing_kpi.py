"""CNT003 missing-kpi.

**What it catches.** A scenario on the Scenarios sheet without a KPI, whatever its status.
Scenarios only derived from other sheets (no Scenarios sheet) are not reported.

**Why it matters.** A goal says what the chain is for; a KPI says how to tell whether it works —
open rate of the first email, conversion to purchase within 7 days, share of customers who came
to the webinar. The seeds ask to "define quantitative indicators of your achievements for each
stage" and to "set up analytics to evaluate the effectiveness of communications and correct the
strategy in time"; the map is also how a team sees "which channels bring the most response" to
spend its budget. Without a KPI the six-month review cannot decide what to keep.

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
    doc_ru = """**Что находит.** Сценарий на листе «Сценарии» без KPI, в любом статусе. Сценарии, выведенные
из других листов (листа «Сценарии» нет), не отмечаются.

**Почему это важно.** Цель говорит, зачем цепочка; KPI — как понять, работает ли она: открываемость
первого письма, конверсия в покупку за 7 дней, доля пришедших на вебинар. Практика требует
«определить количественные показатели ваших достижений для каждого этапа» и «настроить аналитику
для оценки эффективности коммуникаций и своевременной корректировки стратегии»; по карте же видно,
какие каналы дают наибольший отклик, чтобы распределять бюджет. Без KPI ревизии через полгода
нечем решать, что оставить.

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
