"""COV003 excluded-segment-targeted.

**What it catches.** A promo, news or content step of an active or planned scenario reaches a
segment marked excluded (the stop list): the scenario names the excluded segment, or names a
parent segment the excluded one belongs to. Scenarios for every segment (`*`) skip excluded
segments and are not reported; service, transactional and informational steps may reach the
stop list; steps without a message type are not judged.

**Why it matters.** The stop list exists because those customers must not receive marketing —
they unsubscribed, complained, or are employees or partners. Sending them a promotion is the
fastest way to spam complaints, unsubscribes and, for email, a damaged sender reputation.

**Fix.** Remove the excluded segment from the scenario, target a segment that does not contain
it, or make the step a service message if that is what it really is.
"""
from __future__ import annotations

from collections.abc import Iterator

from audit.findings import Finding, Severity
from audit.model import MessageType
from audit.rule import Rule, RuleContext
from rules._common import quote

MARKETING = (MessageType.PROMO, MessageType.NEWS, MessageType.CONTENT)


class ExcludedSegmentTargeted(Rule):
    code = "COV003"
    slug = "excluded-segment-targeted"
    default_severity = Severity.ERROR
    title = {"en": "Marketing reaches the stop list", "ru": "Маркетинг уходит в стоп-лист"}
    message = {
        "en": "Step '{step}' ({type}) reaches excluded segment(s) {segments}.",
        "ru": "Шаг «{step}» ({type}) доходит до исключённых сегментов: {segments}.",
    }
    fix = {
        "en": "Remove the excluded segment from scenario '{scenario}' or target a segment without it.",
        "ru": "Уберите исключённый сегмент из сценария «{scenario}» или выберите сегмент без него.",
    }
    doc_ru = """**Что находит.** Акционный, новостной или контентный шаг активного или запланированного сценария
доходит до сегмента, отмеченного исключённым (стоп-лист): сценарий называет этот сегмент или его
родительский сегмент. Сценарии «для всех» (`*`) исключённые сегменты пропускают; сервисные,
транзакционные и информационные сообщения в стоп-лист можно; шаги без типа сообщения не
оцениваются.

**Почему это важно.** Стоп-лист существует потому, что этим клиентам нельзя отправлять
маркетинг: они отписались, жаловались, это сотрудники или партнёры. Акция для них — быстрый путь к
жалобам на спам, отпискам и испорченной репутации отправителя.

**Как исправить.** Уберите исключённый сегмент из сценария, выберите сегмент без него или
сделайте шаг сервисным, если он действительно сервисный."""
    examples = {
        "bad": {"segments": [{"id": "all_clients"}, {"id": "stop", "parent": "all_clients", "excluded": "да"}],
                "scenarios": [{"id": "sale", "type": "regular", "schedule": "weekly", "segments": "all_clients"}],
                "steps": [{"scenario": "sale", "step": "S1", "channel": "email", "message_type": "promo"}]},
        "good": {"segments": [{"id": "all_clients"}, {"id": "stop", "excluded": "да"}],
                 "scenarios": [{"id": "sale", "type": "regular", "schedule": "weekly", "segments": "*"}],
                 "steps": [{"scenario": "sale", "step": "S1", "channel": "email", "message_type": "promo"}]},
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        g = ctx.graph
        for scenario in ctx.map.scenarios:
            if not scenario.status.live or scenario.all_segments:
                continue
            excluded = [g.segments[k] for k in g.reached_segments(scenario) if g.segments[k].excluded]
            if not excluded:
                continue
            names = ", ".join(quote(s.label, self.lang) for s in excluded)
            for step in g.steps_by_scenario.get(scenario.key, []):
                if step.message_type in MARKETING:
                    yield self.finding(step, "message_type", step=step.ref, type=step.message_type.value,
                                       segments=names, scenario=scenario.label)
