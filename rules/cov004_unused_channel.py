"""COV004 unused-channel.

**What it catches.** A channel on the Channels sheet that no step uses.

**Why it matters.** Either a channel was paid for and connected but the map forgot it (a
messenger nobody writes in, an app push nobody sends), or it is a leftover that misleads the team
about what the brand really uses. Omnichannel communication means each channel has a role in the
map; a channel with no role is either an opportunity or clutter.

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
    doc_ru = """**Что находит.** Канал на листе каналов, через который не отправляется ни один шаг.

**Почему это важно.** Либо канал подключён и оплачен, но карта о нём забыла (мессенджер, в который
никто не пишет; пуш, который никто не шлёт), либо это остаток, вводящий команду в заблуждение.
В омниканальной коммуникации у каждого канала своя роль; канал без роли — это либо возможность,
либо мусор.

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
