"""GOV001 stale-map.

**What it catches.** The map was last reviewed more than six calendar months before the audit
date (`--today`, default today), or its review date is not recorded at all (the `last reviewed`
row of the Map sheet). Calendar months: reviewed on 2026-05-23, the map is stale from
2026-11-24; a review on 31 August runs out at the end of February.

**Why it matters.** The seeds insist the map is refreshed at least every six months: segments
drift, channels change price, new events get tracked, the platform changes. A map older than
that describes a business that no longer exists, and the team stops trusting it.

**Fix.** Review the map with marketing, analytics and IT, update it, and record the review date
on the Map sheet.

**Options.** `max_age_months` (default 6).
"""
from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from audit.dates import is_stale, whole_months_between
from audit.findings import Entity, Finding, Severity
from audit.rule import Rule, RuleContext


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")

    max_age_months: int = Field(6, ge=1, description="calendar months a review stays valid")


class StaleMap(Rule):
    code = "GOV001"
    slug = "stale-map"
    default_severity = Severity.WARNING
    title = {"en": "Map not reviewed for over six months", "ru": "Карта не пересматривалась больше полугода"}
    message = {
        "en": "Map review overdue: {why}",
        "ru": "Ревизия карты просрочена: {why}",
    }
    fix = {
        "en": "Review the map with marketing, analytics and IT and record the review date on the Map sheet.",
        "ru": "Проведите ревизию карты с маркетингом, аналитикой и IT и запишите дату ревизии на листе «Карта».",
    }
    _why = {
        "stale": {"en": "last reviewed on {date}, {months} months before the audit (limit {limit}).",
                  "ru": "последняя ревизия — {date}, за {months} мес. до аудита (предел {limit})."},
        "never": {"en": "no review date is recorded, so nobody can tell when the map was last checked.",
                  "ru": "дата ревизии не записана — неизвестно, когда карту проверяли."},
    }
    Options = Options
    doc_ru = """**Что находит.** Последняя ревизия карты была больше шести календарных месяцев до даты аудита
(`--today`, по умолчанию сегодня), или дата ревизии вообще не записана (строка «дата ревизии»
листа «Карта»). Календарные месяцы: при ревизии 2026-05-23 карта устаревает с 2026-11-24; ревизия
31 августа действует до конца февраля.

**Почему это важно.** Практика требует обновлять карту минимум раз в полгода: сегменты дрейфуют,
каналы меняют цену, появляются новые события, меняется платформа. Карта старше этого описывает
бизнес, которого уже нет, и команда перестаёт ей доверять.

**Как исправить.** Пересмотрите карту вместе с маркетингом, аналитикой и IT, обновите её и
запишите дату ревизии на листе «Карта».

**Параметры.** `max_age_months` (по умолчанию 6)."""
    examples = {
        "bad": {"meta": {"name": "Shop", "last_reviewed": "2026-04-01"},
                "scenarios": [{"id": "a", "type": "trigger", "trigger": "signup", "segments": "*"}],
                "steps": [{"scenario": "a", "step": "S1", "channel": "email"}]},
        "good": {"meta": {"name": "Shop", "last_reviewed": "2026-05-23"},
                 "scenarios": [{"id": "a", "type": "trigger", "trigger": "signup", "segments": "*"}],
                 "steps": [{"scenario": "a", "step": "S1", "channel": "email"}]},
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        meta = ctx.map.meta
        entity = Entity(kind="map", id=meta.name or "map")
        location = meta.source.at("last_reviewed")
        reviewed = meta.last_reviewed
        if reviewed is None:
            if any(p.code == "MAP003" and p.entity_kind == "map" for p in ctx.map.problems):
                return  # an unreadable date is MAP003's
            yield self.finding(meta, entity=entity, location=location, why=self._why["never"][self.lang])
            return
        limit = self.options.max_age_months
        if is_stale(reviewed, ctx.today, limit):
            why = self._why["stale"][self.lang].format(date=reviewed.isoformat(), limit=limit,
                                                       months=whole_months_between(reviewed, ctx.today))
            yield self.finding(meta, entity=entity, location=location, why=why)
