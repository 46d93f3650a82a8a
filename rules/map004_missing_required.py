"""MAP004 missing-required.

**What it catches.** A required cell left empty in a row that holds something: a segment row
without an id, a step without its scenario or channel, an integration without its target — and
the cells a scenario's type makes required: a trigger scenario without its trigger event, a
regular mailing without a schedule.

**Why it matters.** A trigger chain with no trigger never starts; a regular mailing with no
schedule cannot be planned or counted in contact pressure. The map reads as complete and is not.

**Fix.** Fill in the cell, or delete the half-written row.
"""
from __future__ import annotations

from collections.abc import Iterator

from audit.findings import Finding, Severity
from audit.model import ScenarioType
from audit.rule import Rule, RuleContext
from rules._common import column_name, field_name, problem_findings

_BY_TYPE = {ScenarioType.TRIGGER: "trigger", ScenarioType.REGULAR: "schedule"}


class MissingRequired(Rule):
    code = "MAP004"
    slug = "missing-required"
    default_severity = Severity.ERROR
    title = {"en": "Required value missing", "ru": "Не заполнено обязательное поле"}
    message = {
        "en": "Column '{column}' is empty but required{why}.",
        "ru": "Столбец «{column}» не заполнен, а он обязателен{why}.",
    }
    fix = {
        "en": "Fill in '{column}' or delete the incomplete row.",
        "ru": "Заполните «{column}» или удалите неполную строку.",
    }
    _why = {
        "trigger": {"en": " for a trigger scenario", "ru": " для триггерного сценария"},
        "schedule": {"en": " for a regular mailing", "ru": " для регулярной рассылки"},
    }

    doc_ru = """**Что находит.** Пустую обязательную ячейку в строке, где что-то заполнено: сегмент без
идентификатора, шаг без сценария или канала, интеграцию без получателя — и ячейки, которые
обязательны для типа сценария: триггерный сценарий без события-триггера, регулярная рассылка
без расписания.

**Почему это важно.** Триггерная цепочка без триггера никогда не запустится; рассылку без
расписания нельзя спланировать и учесть в контактной нагрузке.

**Как исправить.** Заполните ячейку или удалите недописанную строку."""
    examples = {'bad': {'scenarios': [{'id': 'cart', 'type': 'trigger', 'segments': '*'}],
             'steps': [{'scenario': 'cart', 'step': 'S1', 'channel': 'email'}]},
     'good': {'scenarios': [{'id': 'cart', 'type': 'trigger', 'trigger': 'cart_abandoned', 'segments': '*'}],
              'steps': [{'scenario': 'cart', 'step': 'S1', 'channel': 'email'}]}}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        yield from problem_findings(self, ctx, column=lambda p: p.params.get("column") or field_name(p.params.get("field", ""), self.lang), why=lambda p: "")
        for scenario in ctx.map.scenarios:
            needed = _BY_TYPE.get(scenario.type)
            if needed and not getattr(scenario, needed) and scenario.declared:
                yield self.finding(
                    scenario, needed, column=column_name(scenario.source, needed, self.lang),
                    why=self._why[needed][self.lang],
                )
