"""GOV002 stale-scenario.

**What it catches.** A scenario whose own review date is more than six calendar months before the
audit date. Scenarios without a review date are not reported (GOV001 covers the map as a whole).
Not in the `recommended` preset; run it with `--select all` or `--select GOV002`.

**Why it matters.** Individual chains age at their own pace: texts mention last season's
collection, promo codes expire, the offer changes. The six-month refresh the seeds ask for
applies to each chain, not only to the map's cover page.

**Fix.** Review the scenario (texts, offer, KPI results) and update its review date.

**Options.** `max_age_months` (default 6).
"""
from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from audit.dates import is_stale, whole_months_between
from audit.findings import Finding, Severity
from audit.rule import Rule, RuleContext


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")

    max_age_months: int = Field(6, ge=1, description="calendar months a review stays valid")


class StaleScenario(Rule):
    code = "GOV002"
    slug = "stale-scenario"
    default_severity = Severity.INFO
    recommended = False
    title = {"en": "Scenario not reviewed for over six months", "ru": "Сценарий не пересматривался больше полугода"}
    message = {
        "en": "Scenario '{name}' was last reviewed on {date}, {months} months before the audit.",
        "ru": "Последняя ревизия сценария «{name}» — {date}, за {months} мес. до аудита.",
    }
    fix = {
        "en": "Review '{name}' (texts, offer, KPI results) and update its review date.",
        "ru": "Пересмотрите «{name}» (тексты, предложение, результаты по KPI) и обновите дату ревизии.",
    }
    Options = Options
    doc_ru = """**Что находит.** Сценарий, собственная дата ревизии которого больше чем на шесть календарных
месяцев раньше даты аудита. Сценарии без даты ревизии не отмечаются (карту в целом проверяет
GOV001). Не входит в набор `recommended`; запускается с `--select all` или `--select GOV002`.

**Почему это важно.** Цепочки стареют с разной скоростью: тексты упоминают прошлый сезон,
промокоды истекают, предложение меняется. Обновление раз в полгода, которого требует практика,
относится к каждой цепочке, а не только к обложке карты.

**Как исправить.** Пересмотрите сценарий (тексты, предложение, результаты по KPI) и обновите дату
ревизии.

**Параметры.** `max_age_months` (по умолчанию 6)."""
    examples = {
        "bad": {"scenarios": [{"id": "a", "type": "trigger", "trigger": "signup", "segments": "*",
                               "last_reviewed": "2025-12-01"}],
                "steps": [{"scenario": "a", "step": "S1", "channel": "email"}]},
        "good": {"scenarios": [{"id": "a", "type": "trigger", "trigger": "signup", "segments": "*",
                                "last_reviewed": "2026-10-01"}],
                 "steps": [{"scenario": "a", "step": "S1", "channel": "email"}]},
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        limit = self.options.max_age_months
        for scenario in ctx.map.scenarios:
            reviewed = scenario.last_reviewed
            if reviewed is not None and is_stale(reviewed, ctx.today, limit):
                yield self.finding(scenario, "last_reviewed", name=scenario.label, date=reviewed.isoformat(),
                                   months=whole_months_between(reviewed, ctx.today))
