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

from audit.findings import Finding, Severity
from audit.rule import Rule, RuleContext
from rules._common import problem_findings


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

    doc_ru = """**Что находит.** Две строки одного листа описывают один и тот же идентификатор (сравнение без
учёта регистра и пробелов: `Email` и `email` — один канал); для шагов — один номер шага дважды
в одном сценарии. Учитывается первая строка, остальные отмечаются.

**Почему это важно.** Каждой проверке и каждой реализации нужен один смысл на идентификатор.
Если две строки по-разному описывают `vip`, команда платформы прочтёт какую-то одну.

**Как исправить.** Переименуйте одну из строк или объедините их."""
    examples = {'bad': {'segments': [{'id': 'vip'}, {'id': 'VIP'}],
             'scenarios': [{'id': 'call', 'segments': 'vip', 'type': 'service'}],
             'steps': [{'scenario': 'call', 'step': 'S1', 'channel': 'call'}]},
     'good': {'segments': [{'id': 'vip'}, {'id': 'vip_plus'}],
              'scenarios': [{'id': 'call', 'segments': 'vip', 'type': 'service'}],
              'steps': [{'scenario': 'call', 'step': 'S1', 'channel': 'call'}]}}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        yield from problem_findings(self, ctx, id=lambda p: p.entity_id,
                                    first_row=lambda p: p.params.get("first_row", "?"))
