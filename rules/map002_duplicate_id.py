"""MAP002 duplicate-id.

**What it catches.** Two rows of one sheet define the same id (ids compare trimmed and
case-insensitively: `Email` and `email` are one channel); for steps, the same step id twice in
one scenario. The first row is kept, later ones are reported.

**Why it matters.** Every later check, and every implementation, needs one meaning per id.
When two rows say different things about `vip`, whichever one the platform team reads is a
coin toss.

**Fix.** Rename one of the rows or merge them.
"""
from __future__ import annotations

from collections.abc import Iterator

from audit.findings import Entity, Finding, Severity
from audit.rule import Rule, RuleContext


class DuplicateId(Rule):
    code = "MAP002"
    slug = "duplicate-id"
    default_severity = Severity.ERROR
    title = {"en": "Duplicate id", "ru": "Повторяющийся идентификатор"}
    message = {
        "en": "'{id}' is defined again; the first definition is on row {first_row}, this row is ignored.",
        "ru": "«{id}» описан повторно; первое описание — в строке {first_row}, эта строка не учитывается.",
    }
    fix = {
        "en": "Rename one of the two rows or merge them into one.",
        "ru": "Переименуйте одну из строк или объедините их.",
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for problem in ctx.map.problems:
            if problem.code == self.code:
                yield self.finding(
                    None,
                    entity=Entity(kind=problem.entity_kind, id=problem.entity_id),
                    location=problem.location,
                    id=problem.entity_id,
                    first_row=problem.params.get("first_row", "?"),
                )
