"""CNT002 promo-overload.

**What it catches.** A segment where promo steps make up more than the threshold (default 60 %)
of the steps it receives from active and planned scenarios — its own, its parent segments' and
those sent to everyone (`*`). Each step counts once per scenario, however often the scenario
sends (contact frequency is FREQ001's concern). Only steps with a message type count, in the
numerator and the denominator: an untyped step says nothing about the mix, and a map without
message types is not reported. Excluded segments are not checked (COV003 reports promo sent to
them). The message names the scenarios bringing the most promo steps.

**Why it matters.** The seeds list "setting the proportions between message types
(informational, promo, news…) and their volumes" among the things a communication map is for. A
base that hears only "sale!" learns to ignore the brand; useful, news and service messages are
what keep the promo ones opened — and a segment fed mostly promo churns to unsubscribes first.

**Fix.** Replace some promo steps with content or informational ones (guides, reviews,
selections), mark untyped steps with their type, or take the segment out of some promo
scenarios.

**Options.** `max_promo_share` (default 0.6: more than 60 % promo is reported, exactly 60 % is not);
`min_steps` (default 3: a segment that receives fewer typed steps is not judged — one promo mailing
out of one is no overload — unless its promo goes out at least that many times a week, as a daily
offer does).
"""
from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from audit.findings import Finding, Severity
from audit.model import MessageType, Scenario
from audit.pressure import firings_per_week
from audit.reach import tally_by_segment
from audit.rule import Rule, RuleContext
from rules._common import quote

SHOWN = 2  # promo sources a message names


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")

    max_promo_share: float = Field(0.6, ge=0, le=1, description="largest acceptable share of promo steps")
    min_steps: int = Field(3, ge=1, description="fewest typed steps a segment must receive to be judged")


class PromoOverload(Rule):
    code = "CNT002"
    slug = "promo-overload"
    default_severity = Severity.WARNING
    title = {"en": "Too much promo for a segment", "ru": "Слишком много акций для сегмента"}
    message = {
        "en": "{share} of the typed steps segment '{name}' receives are promo ({promo} of {total}, limit {limit}); "
              "most come from {sources}.",
        "ru": "{share} шагов с типом сообщения, которые получает сегмент «{name}», — акционные ({promo} из {total}, "
              "предел {limit}); больше всего их в {sources}.",
    }
    fix = {
        "en": "Swap some promo steps '{name}' receives (from {sources}) for content or informational ones, "
              "or take '{name}' out of some promo scenarios.",
        "ru": "Замените часть акционных шагов, которые получает «{name}» (из {sources}), контентными или "
              "информационными либо выведите «{name}» из части акционных сценариев.",
    }
    Options = Options
    doc_ru = """**Что находит.** Сегмент, у которого акционные шаги составляют больше порога (по умолчанию
60 %) шагов, получаемых им от активных и запланированных сценариев, — своих, родительских
сегментов и отправляемых всем (`*`). Каждый шаг считается один раз на сценарий, как бы часто тот ни
отправлялся (частота — забота FREQ001). Учитываются только шаги с указанным типом сообщения — и в
числителе, и в знаменателе: шаг без типа ничего не говорит о пропорциях, а карта без типов
сообщений не отмечается. Исключённые сегменты не проверяются (акции им отмечает COV003). В
сообщении названы сценарии, дающие больше всего акционных шагов.

**Почему это важно.** Практика называет среди задач карты коммуникаций «установить пропорции между
разными типами сообщений (информационные, акционные, новостные и т. д.) и их объемами». База,
которая слышит только «скидки!», учится бренд игнорировать; полезные, новостные и сервисные
сообщения — то, благодаря чему открывают и акционные, а сегмент, которого кормят одними акциями,
первым уходит в отписки.

**Как исправить.** Замените часть акционных шагов контентными или информационными (гайды, обзоры,
подборки), укажите тип у шагов без типа или выведите сегмент из части акционных сценариев.

**Параметры.** `max_promo_share` (по умолчанию 0.6: больше 60 % акций — замечание, ровно 60 % — нет);
`min_steps` (по умолчанию 3: сегмент, которому приходит меньше шагов с типом, не оценивается —
одна акционная рассылка из одной ещё не перегрузка, — если только акции не уходят ему хотя бы
столько раз в неделю, как ежедневное предложение)."""
    examples = {
        "bad": {"segments": [{"id": "active"}],
                "scenarios": [{"id": "sale", "type": "regular", "schedule": "weekly", "segments": "active"},
                              {"id": "digest", "type": "regular", "schedule": "monthly", "segments": "*"}],
                "steps": [{"scenario": "sale", "step": "S1", "channel": "email", "message_type": "promo"},
                          {"scenario": "sale", "step": "S2", "channel": "push", "message_type": "акционное"},
                          {"scenario": "digest", "step": "S1", "channel": "email", "message_type": "news"}]},
        "good": {"segments": [{"id": "active"}],
                 "scenarios": [{"id": "sale", "type": "regular", "schedule": "weekly", "segments": "active"},
                               {"id": "digest", "type": "regular", "schedule": "monthly", "segments": "*"}],
                 "steps": [{"scenario": "sale", "step": "S1", "channel": "email", "message_type": "promo"},
                           {"scenario": "sale", "step": "S2", "channel": "push", "message_type": "контентное"},
                           {"scenario": "digest", "step": "S1", "channel": "email", "message_type": "news"}]},
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        g = ctx.graph
        limit = self.options.max_promo_share

        def typed_steps(scenario: Scenario) -> dict[str, float]:
            steps = [s for s in g.steps_by_scenario.get(scenario.key, []) if s.message_type is not None]
            promo = sum(1 for s in steps if s.message_type is MessageType.PROMO)
            return {"promo": promo, "typed": len(steps), "promo_week": promo * firings_per_week(scenario)[0]}

        tallies = tally_by_segment(g, typed_steps, leaders=SHOWN)
        scenarios = ctx.map.scenarios
        for segment in ctx.map.segments:
            tally = tallies.get(segment.key)
            if segment.excluded or tally is None:
                continue
            promo, total = int(tally.amounts.get("promo", 0)), int(tally.amounts.get("typed", 0))
            # a few steps say little about a share — unless the promo among them goes out often (a daily offer)
            judged = total >= self.options.min_steps or tally.amounts.get("promo_week", 0) >= self.options.min_steps
            if total and judged and promo / total > limit:
                sources = ", ".join(f"{quote(s.label, self.lang)}" for s in tally.biggest("promo", scenarios))
                yield self.finding(segment, "id", name=segment.label, share=f"{promo / total:.0%}", promo=promo,
                                   total=total, limit=f"{limit:.0%}", sources=sources)
