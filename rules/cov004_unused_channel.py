"""COV004 unused-channel.

**What it catches.** A channel on the Channels sheet that no step uses. A step of a paused or
switched-off scenario still counts as a use: the channel has a role, the scenario is only on
hold. Channels the map merely derives from the Steps sheet (no Channels sheet) are used by
definition and never reported.

**Why it matters.** The practice chooses CRM channels deliberately — "which channel for which
segment and at which moment" — and a communication map is also a budget tool: it shows which
channels bring the response worth paying for. A declared channel no step uses is either paid
for and connected but forgotten by the map (a messenger nobody writes in, an app push nobody
sends), or a leftover that misleads the team and the platform choice about what the brand really
uses. Either is worth a decision at the six-month review.

**Fix.** Give the channel a role in a scenario (e.g. push as a cheap reminder before SMS), or
remove it from the Channels sheet.
"""
from __future__ import annotations

from collections.abc import Iterator

from audit.findings import Finding, Severity
from audit.model import id_key
from audit.rule import Rule, RuleContext


class UnusedChannel(Rule):
    code = "COV004"
    slug = "unused-channel"
    default_severity = Severity.INFO
    title = {"en": "Channel no step uses", "ru": "Канал не используется"}
    message = {
        "en": "Channel '{name}' is declared but no step sends through it.",
        "ru": "Канал «{name}» описан, но ни один шаг через него не отправляется.",
    }
    fix = {
        "en": "Give '{name}' a role in a scenario or remove it from the Channels sheet.",
        "ru": "Дайте каналу «{name}» роль в сценарии или уберите его с листа каналов.",
    }
    doc_ru = """**Что находит.** Канал на листе каналов, через который не отправляется ни один шаг. Шаг
приостановленного или выключенного сценария тоже считается: у канала есть роль, сценарий лишь на
паузе. Каналы, выведенные из листа шагов (листа каналов нет), используются по определению и не
отмечаются.

**Почему это важно.** Практика выбирает CRM-каналы осознанно — «какой канал для какого сегмента
и в какой момент», — а карта коммуникаций ещё и инструмент бюджета: она показывает, какие каналы
дают отклик, за который стоит платить. Описанный канал без шагов — либо подключён и оплачен, но
забыт картой (мессенджер, в который никто не пишет; пуш, который никто не шлёт), либо остаток,
вводящий в заблуждение команду и выбор платформы. И то и другое стоит решить на ревизии раз в
полгода.

**Как исправить.** Дайте каналу роль в сценарии (например, пуш как дешёвое напоминание перед SMS)
или уберите его с листа каналов."""
    examples = {
        "bad": {"channels": [{"id": "email", "kind": "email"}, {"id": "tg", "kind": "messenger"}],
                "scenarios": [{"id": "a", "type": "trigger", "trigger": "signup", "segments": "*"}],
                "steps": [{"scenario": "a", "step": "S1", "channel": "email"}]},
        "good": {"channels": [{"id": "email", "kind": "email"}, {"id": "tg", "kind": "messenger"}],
                 "scenarios": [{"id": "a", "type": "trigger", "trigger": "signup", "segments": "*"}],
                 "steps": [{"scenario": "a", "step": "S1", "channel": "email"},
                           {"scenario": "a", "step": "S2", "channel": "TG"}]},
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        used = {id_key(step.channel) for step in ctx.map.steps}
        for channel in ctx.map.channels:
            if channel.declared and channel.key not in used:
                yield self.finding(channel, "id", name=channel.label)
