"""GOV003 missing-owner.

**What it catches.** An active scenario on the Scenarios sheet without an owner. Planned, paused
and switched-off scenarios are not reported (nothing is being sent yet or any more). The map's
own owner on the Map sheet does not stand in for the scenarios': a map spanning several teams
needs to know who runs each chain.

**Why it matters.** A running chain nobody owns is one nobody watches: when the platform
changes, the promo expires or the KPI drops, there is no one to notice. The seeds describe maps
that gather the outgoing messages of several business units into one system and review them in
regular meetings with marketing, business and sales — which works only if each chain has a
person to answer for it at the six-month review.

**Fix.** Write the responsible person or team in the owner column.
"""
from __future__ import annotations

from collections.abc import Iterator

from audit.findings import Finding, Severity
from audit.model import Status
from audit.rule import Rule, RuleContext


class MissingOwner(Rule):
    code = "GOV003"
    slug = "missing-owner"
    default_severity = Severity.INFO
    title = {"en": "Active scenario without an owner", "ru": "У активного сценария нет ответственного"}
    message = {"en": "Active scenario '{name}' has no owner.",
               "ru": "У активного сценария «{name}» не указан ответственный."}
    fix = {"en": "Write who is responsible for '{name}' in the owner column.",
           "ru": "Укажите ответственного за «{name}» в столбце «ответственный»."}
    doc_ru = """**Что находит.** Активный сценарий на листе «Сценарии» без ответственного. Запланированные,
приостановленные и выключенные сценарии не отмечаются (они ещё или уже ничего не отправляют).
Ответственный за карту на листе «Карта» не заменяет ответственных за сценарии: карте нескольких
команд нужно знать, кто ведёт каждую цепочку.

**Почему это важно.** Работающую цепочку, у которой нет владельца, никто не отслеживает: сменится
платформа, истечёт акция, упадёт KPI — и никто не заметит. Практика описывает карты, которые
собирают исходящие сообщения нескольких подразделений в одну систему и регулярно обсуждаются с
маркетингом, бизнесом и продажами, — это работает, только если за каждую цепочку есть кому
ответить на ревизии раз в полгода.

**Как исправить.** Укажите ответственного человека или команду в столбце «ответственный»."""
    examples = {
        "bad": {"scenarios": [{"id": "a", "type": "trigger", "trigger": "signup", "segments": "*",
                               "status": "active"}],
                "steps": [{"scenario": "a", "step": "S1", "channel": "email"}]},
        "good": {"scenarios": [{"id": "a", "type": "trigger", "trigger": "signup", "segments": "*",
                                "status": "active", "owner": "CRM team"}],
                 "steps": [{"scenario": "a", "step": "S1", "channel": "email"}]},
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for scenario in ctx.map.scenarios:
            if scenario.declared and scenario.status is Status.ACTIVE and not scenario.owner:
                yield self.finding(scenario, "owner", name=scenario.label)
