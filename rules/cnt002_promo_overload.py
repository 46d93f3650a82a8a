"""CNT002 promo-overload.

**What it catches.** A segment where promo messages make up more than the threshold (default
60 %) of the steps it receives from active and planned scenarios (its own, its parents' and
`*`). Only steps with a message type count.

**Why it matters.** The seeds ask for sensible proportions of message types — promo,
informational, news, service, content. A base that hears only "sale!" learns to ignore the
brand; useful and service messages are what keep the promo ones opened.

**Fix.** Replace some promo steps with content or informational ones (guides, reviews,
selections), or reduce promo frequency for the segment.

**Options.** `max_promo_share` (default 0.6).
"""
from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from audit.findings import Finding, Severity
from audit.model import MessageType
from audit.rule import Rule, RuleContext


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")

    max_promo_share: float = Field(0.6, ge=0, le=1, description="largest acceptable share of promo steps")


class PromoOverload(Rule):
    code = "CNT002"
    slug = "promo-overload"
    default_severity = Severity.WARNING
    title = {"en": "Too much promo for a segment", "ru": "Слишком много акций для сегмента"}
    message = {
        "en": "{share} of the steps segment '{name}' receives are promo ({promo} of {total}; limit {limit}).",
        "ru": "{share} шагов, которые получает сегмент «{name}», — акционные ({promo} из {total}; предел {limit}).",
    }
    fix = {
        "en": "Swap some promo steps for '{name}' for content or informational ones.",
        "ru": "Замените часть акционных шагов для «{name}» контентными или информационными.",
    }
    Options = Options
    doc_ru = """**Что находит.** Сегмент, у которого акционные сообщения составляют больше порога (по умолчанию
60 %) шагов, получаемых им от активных и запланированных сценариев (своих, родительских и `*`).
Учитываются только шаги с указанным типом сообщения.

**Почему это важно.** Практика требует разумных пропорций типов сообщений — акционные,
информационные, новостные, сервисные, контентные. База, которая слышит только «скидки!», учится
бренд игнорировать; полезные и сервисные сообщения — то, благодаря чему открывают и акционные.

**Как исправить.** Замените часть акционных шагов контентными или информационными (гайды, обзоры,
подборки) или снизьте частоту акций для сегмента.

**Параметры.** `max_promo_share` (по умолчанию 0.6)."""
    examples = {
        "bad": {"segments": [{"id": "active"}],
                "scenarios": [{"id": "sale", "type": "regular", "schedule": "weekly", "segments": "active"}],
                "steps": [{"scenario": "sale", "step": "S1", "channel": "email", "message_type": "promo"},
                          {"scenario": "sale", "step": "S2", "channel": "push", "message_type": "акционное"}]},
        "good": {"segments": [{"id": "active"}],
                 "scenarios": [{"id": "sale", "type": "regular", "schedule": "weekly", "segments": "active"}],
                 "steps": [{"scenario": "sale", "step": "S1", "channel": "email", "message_type": "promo"},
                           {"scenario": "sale", "step": "S2", "channel": "push", "message_type": "content"}]},
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        g = ctx.graph
        typed: dict[str, tuple[int, int]] = {}
        for scenario in ctx.map.scenarios:
            steps = [s for s in g.steps_by_scenario.get(scenario.key, []) if s.message_type is not None]
            typed[scenario.key] = (sum(1 for s in steps if s.message_type is MessageType.PROMO), len(steps))
        limit = self.options.max_promo_share
        for segment in ctx.map.segments:
            if segment.excluded:
                continue
            promo = total = 0
            for scenario in g.live_scenarios_by_segment.get(segment.key, []):
                p, n = typed[scenario.key]
                promo, total = promo + p, total + n
            if total and promo / total > limit:
                yield self.finding(segment, "id", name=segment.label, share=f"{promo / total:.0%}", promo=promo,
                                   total=total, limit=f"{limit:.0%}")
