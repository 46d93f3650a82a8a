"""FLOW001 dead-end-stage.

**What it catches.** A journey stage, not marked final, with no next stage: the customer gets
there and the map has nowhere to take them. When no stage of the map is marked final, the last
stage (by `order`, else the last row) is taken as the final one — unless the map answers "no" for every
stage: then it says no stage is final.

**Why it matters.** A normative CJM is a loop, not a funnel that stops at purchase: need →
evaluation → purchase → experience → loyalty, and a bad experience sends the customer back to
evaluation. A stage with no way onward is where customers are dropped — usually right after the
first purchase, where retention should begin.

**Fix.** Add the stage's next stage(s) — for example experience → loyalty, or back to
evaluation — or mark it final if the journey really ends there.
"""
from __future__ import annotations

from collections.abc import Iterator

from audit.findings import Finding, Severity
from audit.rule import Rule, RuleContext


class DeadEndStage(Rule):
    code = "FLOW001"
    slug = "dead-end-stage"
    default_severity = Severity.ERROR
    title = {"en": "Dead-end journey stage", "ru": "Тупиковый этап пути клиента"}
    message = {
        "en": "Stage '{name}' is not final but has no next stage: customers who reach it go nowhere.",
        "ru": "Этап «{name}» не финальный, но у него нет следующего этапа: клиенту отсюда некуда двигаться.",
    }
    fix = {
        "en": "Name the next stage(s) of '{name}' (e.g. on to loyalty or back to evaluation), or mark it final.",
        "ru": "Укажите следующий этап для «{name}» (например, к лояльности или обратно к выбору) "
              "или отметьте этап финальным.",
    }

    doc_ru = """**Что находит.** Этап пути клиента, не отмеченный финальным, без следующего этапа: клиент
дошёл — и карте некуда его вести. Если ни один этап не отмечен финальным, финальным считается
последний (по порядку, иначе по строке) — если только карта не ответила «нет» про каждый этап: тогда
она прямо говорит, что финального этапа нет.

**Почему это важно.** Нормативная CJM — петля, а не воронка, обрывающаяся на покупке:
потребность → выбор → покупка → опыт → лояльность, а плохой опыт возвращает клиента к выбору.
Этап без продолжения — место, где клиентов теряют, обычно сразу после первой покупки, где
должно начинаться удержание.

**Как исправить.** Укажите следующий этап (например, опыт → лояльность или обратно к выбору)
или отметьте этап финальным, если путь действительно заканчивается здесь."""
    examples = {'bad': {'stages': [{'id': 'choice', 'next': 'purchase'},
                        {'id': 'purchase'},
                        {'id': 'loyalty', 'final': 'да'}],
             'scenarios': [{'id': 'cart',
                            'type': 'trigger',
                            'trigger': 'cart_abandoned',
                            'segments': '*',
                            'stage': 'purchase'}],
             'steps': [{'scenario': 'cart', 'step': 'S1', 'channel': 'email'}]},
     'good': {'stages': [{'id': 'choice', 'next': 'purchase'},
                         {'id': 'purchase', 'next': 'loyalty'},
                         {'id': 'loyalty', 'final': 'да'}],
              'scenarios': [{'id': 'cart',
                             'type': 'trigger',
                             'trigger': 'cart_abandoned',
                             'segments': '*',
                             'stage': 'purchase'}],
              'steps': [{'scenario': 'cart', 'step': 'S1', 'channel': 'email'}]}}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        stages = [s for s in ctx.map.stages if s.declared]
        if not stages:
            return
        implicit_final = None
        if not any(s.final or s.final_said for s in stages):  # a map answering "no" for every stage means it
            ordered = [s for s in stages if s.order is not None]
            implicit_final = max(ordered, key=lambda s: s.order).key if ordered else stages[-1].key
        for stage in stages:
            if not stage.final and not stage.next and stage.key != implicit_final:
                yield self.finding(stage, "next" if "next" in stage.source.columns else "id", name=stage.label)
