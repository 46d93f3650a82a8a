"""COST002 call-for-mass-segment.

**What it catches.** A call step in an active or planned scenario that reaches a segment which is
neither VIP nor high tier and has more customers than the threshold (default 1,000). Segments
whose size is not given are not judged (fill in the size to get the check).

**Why it matters.** A call is the most expensive touchpoint and the most intrusive; the seeds
reserve calls and personal managers for VIP customers and the most valuable moments. A call in a
mass scenario either never happens (the call centre cannot cope) or eats the budget the rest of
the map needed.

**Fix.** Limit the call to VIP/high-tier segments, or replace it with a messenger or SMS step for
the mass segment.

**Options.** `max_segment_size` (default 1000).
"""
from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from audit.findings import Finding, Severity
from audit.model import ChannelKind, Tier
from audit.rule import Rule, RuleContext
from rules._common import quote


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")

    max_segment_size: int = Field(1000, ge=0, description="calls to non-VIP segments larger than this are reported")


class CallForMassSegment(Rule):
    code = "COST002"
    slug = "call-for-mass-segment"
    default_severity = Severity.WARNING
    title = {"en": "Call to a mass segment", "ru": "Звонок массовому сегменту"}
    message = {
        "en": "Call step '{step}' reaches {segments}: not VIP/high tier and over {limit} customers.",
        "ru": "Шаг-звонок «{step}» доходит до сегментов {segments}: не VIP и не высокий уровень, больше {limit} "
              "клиентов.",
    }
    fix = {
        "en": "Limit the call to VIP or high-tier segments, or use a messenger or SMS step for the rest.",
        "ru": "Оставьте звонок только для VIP или сегментов высокого уровня, остальным — мессенджер или SMS.",
    }
    Options = Options
    doc_ru = """**Что находит.** Шаг-звонок в активном или запланированном сценарии, который доходит до сегмента
не VIP и не высокого уровня, где клиентов больше порога (по умолчанию 1 000). Сегменты без
указанного размера не оцениваются (заполните размер, чтобы проверка работала).

**Почему это важно.** Звонок — самое дорогое и самое навязчивое касание; практика оставляет звонки
и персональных менеджеров для VIP и самых ценных моментов. Звонок в массовом сценарии либо не
состоится (колл-центр не справится), либо съест бюджет, нужный остальной карте.

**Как исправить.** Оставьте звонок только VIP или сегментам высокого уровня, массовому сегменту —
мессенджер или SMS.

**Параметры.** `max_segment_size` (по умолчанию 1000)."""
    examples = {
        "bad": {"segments": [{"id": "active", "size": 50000, "tier": "regular"}],
                "scenarios": [{"id": "call", "type": "trigger", "trigger": "order_paid", "segments": "active"}],
                "steps": [{"scenario": "call", "step": "S1", "channel": "call"}]},
        "good": {"segments": [{"id": "vip", "size": 50000, "tier": "vip"}],
                 "scenarios": [{"id": "call", "type": "trigger", "trigger": "order_paid", "segments": "vip"}],
                 "steps": [{"scenario": "call", "step": "S1", "channel": "call"}]},
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        g = ctx.graph
        limit = self.options.max_segment_size
        for scenario in ctx.map.scenarios:
            if not scenario.status.live:
                continue
            calls = [s for s in g.steps_by_scenario.get(scenario.key, [])
                     if (c := g.channel_of(s)) is not None and c.kind is ChannelKind.CALL]
            if not calls:
                continue
            mass = [g.segments[k] for k in g.reached_segments(scenario)
                    if not g.segments[k].excluded and g.segments[k].tier not in (Tier.VIP, Tier.HIGH)
                    and g.segments[k].size is not None and g.segments[k].size > limit]
            if not mass:
                continue
            names = ", ".join(f"{quote(s.label, self.lang)} ({s.size:,})".replace(",", " ") for s in mass[:5])
            for step in calls:
                yield self.finding(step, "channel", step=step.ref, segments=names, limit=f"{limit:,}".replace(",", " "))
