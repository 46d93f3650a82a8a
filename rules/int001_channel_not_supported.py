"""INT001 channel-not-supported.

**What it catches.** A step goes out through a channel that no system of the platform sends
through: an SMS step when the map's systems (or the `--platform` profile) have no SMS gateway,
or a channel whose `system` column names a system that is not described; or a step whose row
names its sending system (a "Platform" / "Sent via" column) when that system, as the Systems
sheet describes it, does not send through the step's channel. Skipped when the map
describes no systems, and when its systems are only named on the steps' rows (a "Platform" /
"Sent via" column, no Systems sheet): such a system is known to send just what the map shows it
sending, so a channel missing from it proves nothing.

**Why it matters.** The seeds warn that a map is often drawn first and checked against the
platform only at implementation — where it turns out a channel simply is not there. Finding it
on paper costs a line in a spreadsheet; finding it at launch costs the scenario.

**Fix.** Connect a system that sends through this channel (and list the channel on its row),
or move the step to a channel the platform has.
"""
from __future__ import annotations

from collections.abc import Iterator

from audit.feasibility import step_blockers
from audit.findings import Finding, Severity
from audit.rule import Rule, RuleContext


class ChannelNotSupported(Rule):
    code = "INT001"
    slug = "channel-not-supported"
    default_severity = Severity.ERROR
    title = {"en": "No system sends through the channel", "ru": "Канал не поддерживается платформой"}
    message = {
        "en": "Step '{step}' goes out by '{channel}' ({kind}), but {why}.",
        "ru": "Шаг «{step}» отправляется через «{channel}» ({kind}), но {why}.",
    }
    _why_none = {"en": "no system of the platform sends through it",
                 "ru": "ни одна система платформы не отправляет через этот канал"}
    _why_named = {"en": "'{system}', named on its row, does not send through it",
                  "ru": "«{system}», указанная в его строке, не отправляет через этот канал"}
    fix = {
        "en": "Connect a system that sends {kind} and list '{channel}' on it, or move the step to another channel.",
        "ru": "Подключите систему, которая отправляет {kind}, и укажите в ней «{channel}», "
              "или перенесите шаг в другой канал.",
    }
    requires = ("platform", "system_channels")

    doc_ru = """**Что находит.** Шаг отправляется через канал, через который не отправляет ни одна система
платформы: SMS-шаг, когда в системах карты (или в профиле `--platform`) нет SMS-шлюза, или канал,
чей столбец «система» называет неописанную систему; или шаг, в строке которого названа
отправляющая система (столбец «Платформа» / «Сервис рассылки»), когда эта система по листу
«Системы» не отправляет через канал шага. Пропускается, если системы не описаны, а
также если системы названы только в строках шагов (столбец «Платформа» / «Сервис рассылки»,
листа «Системы» нет): о такой системе известно лишь то, что она отправляет в этой карте, и
отсутствие канала у неё ничего не доказывает.

**Почему это важно.** Частая история: карту рисуют, а с платформой сверяют только на внедрении —
и оказывается, что канала просто нет. Найти это на бумаге стоит строки в таблице; найти на
запуске — стоит сценария.

**Как исправить.** Подключите систему, которая отправляет через этот канал (и укажите канал в
её строке), или перенесите шаг в канал, который есть на платформе."""
    examples = {'bad': {'channels': [{'id': 'email', 'kind': 'email'}, {'id': 'sms', 'kind': 'sms'}],
             'systems': [{'id': 'esp', 'channels': 'email', 'orchestration': 'да'}],
             'scenarios': [{'id': 'pickup', 'type': 'trigger', 'trigger': 'order_ready', 'segments': '*'}],
             'steps': [{'scenario': 'pickup', 'step': 'S1', 'channel': 'email'},
                       {'scenario': 'pickup', 'step': 'S2', 'channel': 'sms', 'delay': '1d'}]},
     'good': {'channels': [{'id': 'email', 'kind': 'email'}, {'id': 'sms', 'kind': 'sms'}],
              'systems': [{'id': 'esp', 'channels': 'email, sms', 'orchestration': 'да'}],
              'scenarios': [{'id': 'pickup', 'type': 'trigger', 'trigger': 'order_ready', 'segments': '*'}],
              'steps': [{'scenario': 'pickup', 'step': 'S1', 'channel': 'email'},
                        {'scenario': 'pickup', 'step': 'S2', 'channel': 'sms', 'delay': '1d'}]}}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for blocker in step_blockers(ctx.graph, "channel"):
            channel = blocker.channel
            why = self._why_named if blocker.target is not None else self._why_none
            system = blocker.target.id if blocker.target is not None else ""
            yield self.finding(blocker.step, "channel", step=blocker.step.ref, channel=channel.id,
                               kind=channel.kind.value, why=why[self.lang].format(system=system))
