"""GOV001 stale-map.

**What it catches.** The map was last reviewed more than six calendar months before the audit
date (`--today`, default today), or its review date is not recorded at all (the `last reviewed`
row of the Map sheet, or no Map sheet) — a map that cannot say when it was last checked is
treated as overdue. Calendar months: reviewed on 2026-05-23, the review is due on 2026-11-23 and
the map is stale from 2026-11-24; a review on 31 August is due on the last day of February. A
review date that cannot be read is MAP003's finding, not this one.

**Why it matters.** The seeds are explicit: "the speed at which communication channels and
customer groups change is so high that the maps must be updated at least once every six months,
so as not to miss new and effective solutions" — and sales and support gather new experience in
every period. A map older than that describes segments, channels, events and a platform that
have since changed, and the team stops trusting it.

**Fix.** Review the map with marketing, analytics and IT, update it, and record the review date
on the Map sheet.

**Options.** `max_age_months` (default 6).
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from audit.dates import add_months, is_stale
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
        "stale": {"en": "last reviewed on {date}; the review every {limit} months was due on {due}.",
                  "ru": "последняя ревизия — {date}; срок ревизии раз в {limit} мес. истёк {due}."},
        "never": {"en": "the review date was never recorded, so nobody can tell when the map was last checked.",
                  "ru": "дата ревизии не записана — неизвестно, когда карту проверяли."},
    }
    Options = Options
    doc_ru = """**Что находит.** Последняя ревизия карты была больше шести календарных месяцев до даты аудита
(`--today`, по умолчанию сегодня), или дата ревизии вообще не записана (строка «дата ревизии»
листа «Карта» или самого листа нет) — карта, по которой нельзя понять, когда её проверяли,
считается просроченной. Календарные месяцы: при ревизии 2026-05-23 срок следующей — 2026-11-23, и
карта устаревает с 2026-11-24; для ревизии 31 августа срок — последний день февраля. Нечитаемая
дата ревизии — замечание MAP003, а не этого правила.

**Почему это важно.** Практика прямо говорит: «скорость изменения каналов коммуникаций и
характеристик групп клиентов настолько высока, что необходимо не реже одного раза в полгода
проводить актуализацию», чтобы не упустить новые и эффективные решения, — а продажи и поддержка
за каждый период накапливают новый опыт. Карта старше этого описывает сегменты, каналы, события
и платформу, которые с тех пор изменились, и команда перестаёт ей доверять.

**Как исправить.** Пересмотрите карту вместе с маркетингом, аналитикой и IT, обновите её и
запишите дату ревизии на листе «Карта».

**Параметры.** `max_age_months` (по умолчанию 6)."""
    examples = {
        "bad": {"meta": {"name": "Shop", "last_reviewed": date(2026, 5, 22)},
                "scenarios": [{"id": "a", "type": "trigger", "trigger": "signup", "segments": "*"}],
                "steps": [{"scenario": "a", "step": "S1", "channel": "email"}]},
        "good": {"meta": {"name": "Shop", "last_reviewed": date(2026, 5, 23)},
                 "scenarios": [{"id": "a", "type": "trigger", "trigger": "signup", "segments": "*"}],
                 "steps": [{"scenario": "a", "step": "S1", "channel": "email"}]},
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        meta = ctx.map.meta
        entity = Entity(kind="map", id=meta.name or "map")
        location = meta.source.at("last_reviewed")
        reviewed = meta.last_reviewed
        if reviewed is None:
            header = meta.source.columns.get("last_reviewed")
            if header is not None and any(p.code == "MAP003" and p.entity_kind == "map" and p.location.column == header
                                          for p in ctx.map.problems):
                return  # a date that is there but cannot be read is MAP003's
            yield self.finding(meta, entity=entity, location=location, why=self._why["never"][self.lang])
            return
        limit = self.options.max_age_months
        if is_stale(reviewed, ctx.today, limit):
            why = self._why["stale"][self.lang].format(date=reviewed.isoformat(), limit=limit,
                                                       due=add_months(reviewed, limit).isoformat())
            yield self.finding(meta, entity=entity, location=location, why=why)
