"""FREQ001 contact-pressure.

**What it catches.** A segment whose estimated worst-case contacts per customer per week exceed
the cap, per channel kind (email 3, SMS 2, push 5, messenger 3, call 1) and in total (10). The
estimate: a regular mailing sends once per schedule period (`weekly` = 1, `2/week` = 2,
`monthly` ≈ 0.23, `daily` = 7; an unreadable schedule counts as weekly and is marked assumed);
a trigger or service scenario fires `trigger_firings_per_week` times (default 1); every step is
one contact per firing, cascade steps included (the worst case is the customer who never
reacts); a loop among a scenario's steps is unbounded. A segment receives the live scenarios
that target it, its parents, or `*`. The finding names the biggest contributors.

**Why it matters.** Each scenario looks reasonable on its own; together they bury the customer.
The seeds' warning about omnichannel: communications across channels must be coordinated so the
customer is not "attacked" from every side — pressure beyond what a segment tolerates turns into
unsubscribes, blocked push and spam complaints.

**Fix.** Lower the frequency of regular mailings for the segment, add stop events and
conditions so cascades end early, move steps to other channels, or exclude the segment from
overlapping scenarios.

**Options.** `caps` (per channel kind and `total`), `trigger_firings_per_week`.
"""
from __future__ import annotations

import math
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field, field_validator

from audit.findings import Finding, Severity
from audit.pressure import contact_pressure
from audit.rule import Rule, RuleContext
from rules._common import quote

DEFAULT_CAPS = {"email": 3.0, "sms": 2.0, "push": 5.0, "messenger": 3.0, "call": 1.0, "total": 10.0}


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")

    caps: dict[str, float] = Field(default_factory=lambda: dict(DEFAULT_CAPS),
                                   description="contacts per customer per week, per channel kind and 'total'")
    trigger_firings_per_week: float = Field(1.0, ge=0, description="how often a trigger scenario fires per customer")

    @field_validator("caps")
    @classmethod
    def _merge(cls, value: dict[str, float]) -> dict[str, float]:
        return {**DEFAULT_CAPS, **value}


def _number(value: float, lang: str) -> str:
    if math.isinf(value):
        return "unbounded" if lang == "en" else "без ограничения"
    return f"{value:.1f}".rstrip("0").rstrip(".")


class ContactPressure(Rule):
    code = "FREQ001"
    slug = "contact-pressure"
    default_severity = Severity.WARNING
    title = {"en": "Too many contacts per week", "ru": "Слишком много контактов в неделю"}
    message = {
        "en": "Segment '{name}' may get {value} {channel} contacts per customer per week (cap {cap}): {how}.",
        "ru": "Сегмент «{name}» может получать {value} контактов ({channel}) на клиента в неделю "
              "(предел {cap}): {how}.",
    }
    fix = {
        "en": "Reduce mailings for '{name}', stop cascades earlier, or move steps to other channels.",
        "ru": "Сократите рассылки для «{name}», останавливайте каскады раньше или перенесите шаги в другие каналы.",
    }
    Options = Options
    doc_ru = """**Что находит.** Сегмент, у которого оценка контактов на клиента в неделю в худшем случае
превышает предел — по типу канала (email 3, SMS 2, пуш 5, мессенджер 3, звонок 1) и в сумме (10).
Оценка: регулярная рассылка — раз в период расписания (`weekly` = 1, `2/week` = 2, `monthly` ≈
0,23, `ежедневно` = 7; нераспознанное расписание считается еженедельным и помечается как
допущение); триггерный или сервисный сценарий срабатывает `trigger_firings_per_week` раз (по
умолчанию 1); каждый шаг — один контакт за срабатывание, включая шаги каскада (худший случай —
клиент, который не реагирует); цикл шагов — без ограничения. Сегмент получает живые сценарии,
направленные на него, на его родителей или на всех (`*`). В замечании названы главные источники.

**Почему это важно.** Каждый сценарий по отдельности выглядит разумно, вместе они заваливают
клиента. Предупреждение практиков об омниканальности: коммуникации в разных каналах надо
согласовывать, чтобы клиента не «атаковали» со всех сторон; давление сверх допустимого
оборачивается отписками, отключёнными пушами и жалобами на спам.

**Как исправить.** Снизьте частоту регулярных рассылок для сегмента, добавьте стоп-события и
условия, чтобы каскады заканчивались раньше, перенесите шаги в другие каналы или исключите
сегмент из пересекающихся сценариев.

**Параметры.** `caps` (по типам каналов и `total`), `trigger_firings_per_week`."""
    examples = {
        "bad": {"segments": [{"id": "active"}],
                "scenarios": [{"id": "news", "type": "regular", "schedule": "2/week", "segments": "active"},
                              {"id": "sale", "type": "regular", "schedule": "2/week", "segments": "*"}],
                "steps": [{"scenario": "news", "step": "S1", "channel": "email"},
                          {"scenario": "sale", "step": "S1", "channel": "email"}]},
        "good": {"segments": [{"id": "active"}],
                 "scenarios": [{"id": "news", "type": "regular", "schedule": "weekly", "segments": "active"},
                               {"id": "sale", "type": "regular", "schedule": "weekly", "segments": "*"}],
                 "steps": [{"scenario": "news", "step": "S1", "channel": "email"},
                           {"scenario": "sale", "step": "S1", "channel": "email"}]},
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        caps = self.options.caps
        pressure = contact_pressure(ctx.graph, self.options.trigger_firings_per_week)
        for segment in ctx.map.segments:
            if segment.excluded or segment.key not in pressure:
                continue
            seg = pressure[segment.key]
            for kind in sorted(seg.per_kind):
                if kind in caps and seg.per_kind[kind] > caps[kind]:
                    yield self._finding(segment, kind, seg.per_kind[kind], caps[kind],
                                        [(c, c.per_kind.get(kind, 0.0)) for c in seg.contributors[kind]])
            if seg.total > caps["total"]:
                total_name = "total" if self.lang == "en" else "всего"
                yield self._finding(segment, total_name, seg.total, caps["total"],
                                    [(c, c.total) for c in seg.scenarios])

    def _finding(self, segment, channel: str, value: float, cap: float, parts) -> Finding:
        parts = sorted(parts, key=lambda p: (-p[1], p[0].scenario.key))
        shown = []
        for contacts, amount in parts[:3]:
            assumed = (" (schedule assumed weekly)" if self.lang == "en" else " (расписание принято еженедельным)") \
                if contacts.assumed else ""
            shown.append(f"{quote(contacts.scenario.label, self.lang)} {_number(amount, self.lang)}{assumed}")
        if len(parts) > 3:
            shown.append(f"+{len(parts) - 3}")
        return self.finding(segment, "id", name=segment.label, value=_number(value, self.lang), channel=channel,
                            cap=_number(cap, self.lang), how=" + ".join(shown))
