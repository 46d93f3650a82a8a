"""GOV002 stale-scenario.

**What it catches.** A scenario whose own review date (`last reviewed` column) is more than six
calendar months before the audit date — reviewed on 2026-05-22, it is stale on 2026-11-23;
reviewed on 2026-05-23, it is not yet. Scenarios of every status are checked. Scenarios without a
review date are not reported: many maps date only the whole map, and GOV001 covers that. In the
`recommended` preset: the six-month review is one of the three things commap is for.

**Why it matters.** Individual chains age at their own pace: texts mention last season's
collection, promo codes expire, the offer and the channels change. The seeds' rule — refresh
"not less than once every six months", because channels and customer groups change that fast —
applies to each chain, not only to the map's cover page; a map reviewed last month can still
carry a chain nobody has opened in a year.

**Fix.** Review the scenario (texts, offer, KPI results) and update its review date.

**Options.** `max_age_months` (default 6).
"""
from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from audit.dates import add_months, is_stale
from audit.findings import Finding, Severity
from audit.rule import Rule, RuleContext


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")

    max_age_months: int = Field(6, ge=1, description="calendar months a review stays valid")


class StaleScenario(Rule):
    code = "GOV002"
    slug = "stale-scenario"
    default_severity = Severity.INFO
    title = {"en": "Scenario not reviewed for over six months", "ru": "Сценарий не пересматривался больше полугода"}
    message = {
        "en": "Scenario '{name}' was last reviewed on {date}; the review every {limit} months was due on {due}.",
        "ru": "Последняя ревизия сценария «{name}» — {date}; срок ревизии раз в {limit} мес. истёк {due}.",
    }
    fix = {
        "en": "Review '{name}' (texts, offer, KPI results) and update its review date.",
        "ru": "Пересмотрите «{name}» (тексты, предложение, результаты по KPI) и обновите дату ревизии.",
    }
    Options = Options
    doc_ru = """**Что находит.** Сценарий, собственная дата ревизии которого (столбец «дата ревизии») больше
чем на шесть календарных месяцев раньше даты аудита: ревизия 2026-05-22 устарела 2026-11-23, а
ревизия 2026-05-23 — ещё нет. Проверяются сценарии в любом статусе. Сценарии без даты ревизии не
отмечаются: во многих картах датирована только карта целиком, это проверяет GOV001. Входит в набор
`recommended`: ревизия раз в полгода — одна из трёх задач, ради которых есть commap.

**Почему это важно.** Цепочки стареют с разной скоростью: тексты упоминают прошлый сезон,
промокоды истекают, меняются предложение и каналы. Правило практики — актуализировать «не реже
одного раза в полгода», потому что каналы и группы клиентов меняются так быстро, — относится к
каждой цепочке, а не только к обложке карты: в карте, пересмотренной в прошлом месяце, может
остаться цепочка, которую никто не открывал год.

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
                                   limit=limit, due=add_months(reviewed, limit).isoformat())
