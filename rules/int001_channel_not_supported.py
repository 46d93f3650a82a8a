"""INT001 channel-not-supported.

**What it catches.** A step goes out through a channel that no system of the platform sends
through: an SMS step when the map's systems (or the `--platform` profile) have no SMS gateway,
or a channel whose `system` column names a system that is not described. Skipped when the map
describes no systems.

**Why it matters.** The seeds warn that a map is often drawn first and checked against the
platform only at implementation — where it turns out a channel simply is not there. Finding it
on paper costs a line in a spreadsheet; finding it at launch costs the scenario.

**Fix.** Connect a system that sends through this channel (and list the channel on its row),
or move the step to a channel the platform has.
"""
from __future__ import annotations

from collections.abc import Iterator

from audit.findings import Finding, Severity
from audit.rule import Rule, RuleContext


class ChannelNotSupported(Rule):
    code = "INT001"
    slug = "channel-not-supported"
    default_severity = Severity.ERROR
    title = {"en": "No system sends through the channel", "ru": "Канал не поддерживается платформой"}
    message = {
        "en": "Step '{step}' goes out by '{channel}' ({kind}), but no system of the platform sends through it.",
        "ru": "Шаг «{step}» отправляется через «{channel}» ({kind}), но ни одна система платформы "
              "не отправляет через этот канал.",
    }
    fix = {
        "en": "Connect a system that sends {kind} and list '{channel}' on it, or move the step to another channel.",
        "ru": "Подключите систему, которая отправляет {kind}, и укажите в ней «{channel}», "
              "или перенесите шаг в другой канал.",
    }
    requires = ("platform",)

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        g = ctx.graph
        for step in ctx.map.steps:
            channel = g.channel_of(step)
            if channel is not None and g.system_of_channel(channel) is None:
                yield self.finding(step, "channel", step=step.ref, channel=channel.id, kind=channel.kind.value)
