"""INT003 feedback-not-reported.

**What it catches.** A condition on feedback that the awaited step's channel never reports:
"not opened" after an SMS (an SMS reports delivery, never an open), "read" after an email,
"answered" after a push. What each channel reports: email — delivered, opened, clicked,
bounced, unsubscribed; SMS — delivered; push — delivered, opened; messenger — delivered, read,
clicked, replied; call — answered; web, ads, social, offline — nothing. A Channels sheet column
`feedback` or a platform profile may say otherwise. Skipped when the map describes no systems.

**Why it matters.** A cascade "SMS; if not opened → call" can never take its branch as drawn:
every customer looks like one who did not open, so everyone gets the expensive call.

**Fix.** Condition on feedback the channel gives ("not delivered" for SMS, "not clicked" on a
link in it), or put a channel that reports opens first.
"""
from __future__ import annotations

from collections.abc import Iterator

from audit.feasibility import step_blockers
from audit.findings import Finding, Severity
from audit.rule import Rule, RuleContext
from rules._common import feedback_word


class FeedbackNotReported(Rule):
    code = "INT003"
    slug = "feedback-not-reported"
    default_severity = Severity.ERROR
    title = {"en": "Condition on feedback the channel never reports",
             "ru": "Условие на обратную связь, которой канал не даёт"}
    message = {
        "en": "Step '{step}' waits for '{feedback}' of step '{source}', but {kind} channel '{channel}' "
              "reports only: {reported}.",
        "ru": "Шаг «{step}» ждёт «{feedback}» от шага «{source}», но канал «{channel}» ({kind}) "
              "сообщает только: {reported}.",
    }
    fix = {
        "en": "Condition on feedback '{channel}' reports ({reported}), or start the cascade with a channel "
              "that reports '{feedback}'.",
        "ru": "Используйте обратную связь, которую даёт «{channel}» ({reported}), или начните каскад с канала, "
              "который сообщает «{feedback}».",
    }
    _nothing = {"en": "nothing", "ru": "ничего"}
    requires = ("platform",)

    doc_ru = """**Что находит.** Условие на обратную связь, которую канал ожидаемого шага никогда не сообщает:
«не открыл» после SMS (SMS сообщает о доставке, но не об открытии), «прочитал» после письма,
«дозвон» после пуша. По умолчанию: email — доставлено, открыто, клик, отказ, отписка; SMS —
доставлено; пуш — доставлено, открыто; мессенджер — доставлено, прочитано, клик, ответ; звонок —
дозвон; сайт, реклама, соцсети, офлайн — ничего. Столбец «обратная связь» листа каналов или
профиль платформы могут уточнить. Пропускается, если системы не описаны.

**Почему это важно.** Каскад «SMS; если не открыл — звонок» не может сработать как нарисован:
каждый клиент выглядит «не открывшим», и дорогой звонок получают все.

**Как исправить.** Ставьте условие на то, что канал сообщает («не доставлено» для SMS, «не
кликнул» по ссылке в нём), или начинайте каскад с канала, который сообщает об открытии."""
    examples = {'bad': {'channels': [{'id': 'sms', 'kind': 'sms'}, {'id': 'call', 'kind': 'call'}],
             'systems': [{'id': 'cc', 'channels': 'sms, call', 'orchestration': 'да'}],
             'scenarios': [{'id': 'vip', 'type': 'trigger', 'trigger': 'vip_order', 'segments': '*'}],
             'steps': [{'scenario': 'vip', 'step': 'S1', 'channel': 'sms'},
                       {'scenario': 'vip', 'step': 'S2', 'channel': 'call', 'condition': 'не открыл S1'}]},
     'good': {'channels': [{'id': 'sms', 'kind': 'sms'}, {'id': 'call', 'kind': 'call'}],
              'systems': [{'id': 'cc', 'channels': 'sms, call', 'orchestration': 'да'}],
              'scenarios': [{'id': 'vip', 'type': 'trigger', 'trigger': 'vip_order', 'segments': '*'}],
              'steps': [{'scenario': 'vip', 'step': 'S1', 'channel': 'sms'},
                        {'scenario': 'vip', 'step': 'S2', 'channel': 'call', 'condition': 'не доставлено S1'}]}}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for blocker in step_blockers(ctx.graph, "feedback"):
            channel = blocker.channel
            reported = ctx.graph.feedback_of_step(blocker.source_step)
            yield self.finding(blocker.step, "condition", step=blocker.step.ref, source=blocker.source_step.ref,
                               feedback=feedback_word(blocker.feedback, self.lang), channel=channel.id,
                               kind=channel.kind.value, reported=", ".join(
                                   feedback_word(f, self.lang) for f in sorted(reported)) or self._nothing[self.lang])
