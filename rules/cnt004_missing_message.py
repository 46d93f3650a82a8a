"""CNT004 missing-message.

**What it catches.** A step without a message: the touchpoint has a channel and a place in the
chain, but nobody wrote down what the customer receives. Every step is checked, whatever its
scenario's status. Not in the `recommended` preset (early drafts of a map often leave texts for
later); run it with `--select all` or `--select CNT004`.

**Why it matters.** The seeds name messages "a key element" of the communication map: each one
"must take the target audience's needs into account … and be adapted to the specific
channel". The map is the brief for copywriters and designers; a step with no message is a
touchpoint that will be written in a hurry at launch, usually as a generic "don't miss out",
and nobody can check whether the cascade's SMS says the same as the email before it.

**Fix.** Write the step's message or at least its subject and offer.
"""
from __future__ import annotations

from collections.abc import Iterator

from audit.findings import Finding, Severity
from audit.rule import Rule, RuleContext


class MissingMessage(Rule):
    code = "CNT004"
    slug = "missing-message"
    default_severity = Severity.INFO
    recommended = False
    title = {"en": "Step without a message", "ru": "Шаг без сообщения"}
    message = {"en": "Step '{step}' has no message.", "ru": "У шага «{step}» не описано сообщение."}
    fix = {
        "en": "Write what the customer receives in step '{step}' (subject and offer at least).",
        "ru": "Опишите, что получает клиент в шаге «{step}» (хотя бы тему и предложение).",
    }
    doc_ru = """**Что находит.** Шаг без сообщения: у касания есть канал и место в цепочке, но не записано,
что получает клиент. Проверяются все шаги, в каком бы статусе ни был сценарий. Не входит в набор
`recommended` (в черновиках карт тексты часто оставляют на потом); запускается с `--select all`
или `--select CNT004`.

**Почему это важно.** Практика называет сообщения «ключевым элементом» карты коммуникаций: каждое
«должно учитывать потребности целевой аудитории … а также быть адаптированным под конкретные
каналы коммуникации». Карта — бриф для копирайтеров и дизайнеров; шаг без сообщения — касание,
которое напишут в спешке перед запуском, обычно как безликое «не пропустите», и никто не
проверит, что SMS каскада говорит то же, что письмо перед ним.

**Как исправить.** Запишите сообщение шага или хотя бы тему и предложение."""
    examples = {
        "bad": {"scenarios": [{"id": "cart", "type": "trigger", "trigger": "cart_abandoned", "segments": "*"}],
                "steps": [{"scenario": "cart", "step": "S1", "channel": "email"}]},
        "good": {"scenarios": [{"id": "cart", "type": "trigger", "trigger": "cart_abandoned", "segments": "*"}],
                 "steps": [{"scenario": "cart", "step": "S1", "channel": "email",
                            "message": "You left items in your cart"}]},
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for step in ctx.map.steps:
            if not step.message:
                yield self.finding(step, "message", step=step.ref)
