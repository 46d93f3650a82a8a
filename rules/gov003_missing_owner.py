"""GOV003 missing-owner.

**What it catches.** An active scenario without an owner.

**Why it matters.** A live chain nobody owns is one nobody watches: when the platform changes,
the promo expires or the KPI drops, there is no one to notice. The seeds' maps name who is
responsible for each element so the six-month review has someone to ask.

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
    doc_ru = """**Что находит.** Активный сценарий без ответственного.

**Почему это важно.** Живую цепочку, у которой нет владельца, никто не отслеживает: сменится
платформа, истечёт акция, упадёт KPI — и никто не заметит. В картах из практики у каждого элемента
указан ответственный, чтобы на ревизии было кого спросить.

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
