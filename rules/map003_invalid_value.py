"""MAP003 invalid-value.

**What it catches.** A cell whose value cannot be read: a channel kind `fax`, a date
`31.02.2026`, a yes/no column holding `maybe`, a size that is not a number, or a spreadsheet error
such as `#REF!` or `#N/A` where a value should be (the reader would otherwise see an empty cell).
A step's timing cell is read in words (delay, trigger event, send time, recurrence: «через 2 часа
после оформления заявки», «по вторникам в 11:00»); what stays unread in it, such as `soon` or
«по согласованию», is reported at most as a warning.

**Why it matters.** The audit cannot reason about what it cannot read; neither can the platform
that will run the map. A `#REF!` usually means a formula lost its source when rows were moved.

**Fix.** Write the value in one of the accepted forms (delays `30m`, `2h`, `1d`, `1w`, `2ч`,
`3 дня`, «через 2 часа», «на следующий день»; dates `2026-05-31` or `31.05.2026`; yes/no, да/нет)
or repair the formula.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from audit.findings import Entity, Finding, Severity
from audit.rule import Rule, RuleContext
from rules._common import field_name

# The importer's reasons are English; these are their Russian forms.
_RU_REASONS = (
    (r"^spreadsheet error$", "ошибка в ячейке таблицы"),
    (r"^not a yes/no value$", "ожидается да/нет"),
    (r"^not a whole number$", "ожидается целое число"),
    (r"^not a number$", "ожидается число"),
    (r"^a negative duration$", "отрицательная задержка"),
    (r"^not a duration.*$", "не задержка (пишите, например, 30m, 2h, 1d, 2ч, 3 дня)"),
    (r"^unknown time unit '(.*)'$", r"неизвестная единица времени «\1»"),
    (r"^'(.*)' is not understood$", r"не понятно «\1»"),
    (r"^'(.*)' is ambiguous: .*$", r"«\1» можно понять двояко — запишите однозначно (например, 1d)"),
    (r"^not a date.*$", "не дата (пишите, например, 2026-05-31 или 31.05.2026)"),
    (r"^unknown (.*?) '(.*)'$", r"неизвестное значение «\2» (\1)"),
)


# What an unknown word was expected to be (audit/importer/normalized.py), in Russian.
_RU_WHAT = {
    "scenario type (trigger, regular, service)": "тип сценария: триггерный, регулярный, сервисный",
    "status (active, planned, paused, off)": "статус: активен, в плане, на паузе, выключен",
    "tier (vip, high, regular, low)": "уровень ценности: VIP, высокий, обычный, низкий",
    "message type": "тип сообщения", "channel kind": "тип канала", "event source": "источник события",
}
_CLOSEST = re.compile(r" \(closest known: '(.*)'\)$")


def reason_in(lang: str, reason: str) -> str:
    if lang != "ru":
        return reason
    closest = _CLOSEST.search(reason)
    if closest:  # "unknown status 'активнй' (closest known: 'active')"
        return f"{reason_in(lang, reason[:closest.start()])}, ближе всего «{closest.group(1)}»"
    unknown = re.match(r"^unknown (.*?) '(.*)'$", reason)
    if unknown:
        return f"неизвестное значение «{unknown.group(2)}» ({_RU_WHAT.get(unknown.group(1), unknown.group(1))})"
    for pattern, replacement in _RU_REASONS:
        if re.match(pattern, reason):
            return re.sub(pattern, replacement, reason)
    return reason


class InvalidValue(Rule):
    code = "MAP003"
    slug = "invalid-value"
    default_severity = Severity.ERROR
    title = {"en": "Value that cannot be read", "ru": "Значение не распознано"}
    message = {
        "en": "Cannot read '{value}' in column '{column}': {reason}.",
        "ru": "Не удалось прочитать «{value}» в столбце «{column}»: {reason}.",
    }
    fix = {
        "en": "Write the value in an accepted form (see the rule reference) or repair the formula.",
        "ru": "Запишите значение в допустимом виде (см. справку по правилу) или исправьте формулу.",
    }

    doc_ru = """**Что находит.** Значение, которое нельзя прочитать: тип канала «факс», дата 31.02.2026,
«может быть» в столбце да/нет, размер сегмента не числом, или ошибка электронной таблицы
(`#REF!`, `#N/A`) там, где должно быть значение. Время шага читается словами (задержка,
событие-триггер, время отправки, периодичность: «через 2 часа после оформления заявки»,
«по вторникам в 11:00»); то, что в нём осталось непонятым («скоро», «по согласованию»),
сообщается не строже предупреждения.

**Почему это важно.** Аудит не может проверить то, что не может прочитать, — как и платформа,
которая будет исполнять карту. `#REF!` обычно означает, что формула потеряла источник при
переносе строк.

**Как исправить.** Запишите значение в допустимом виде (задержки `30m`, `2h`, `1d`, `2ч`,
`3 дня`, «через 2 часа», «на следующий день»; даты `2026-05-31` или `31.05.2026`; да/нет) или
исправьте формулу."""
    examples = {'bad': {'scenarios': [{'id': 'cart', 'type': 'trigger', 'trigger': 'cart_abandoned', 'segments': '*'}],
             'steps': [{'scenario': 'cart', 'step': 'S1', 'channel': 'email', 'delay': 'soon'}]},
     'good': {'scenarios': [{'id': 'cart', 'type': 'trigger', 'trigger': 'cart_abandoned', 'segments': '*'}],
              'steps': [{'scenario': 'cart', 'step': 'S1', 'channel': 'email', 'delay': '2ч'}]}}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for problem in ctx.map.problems:
            if problem.code != self.code:
                continue
            finding = self.finding(None, entity=Entity(kind=problem.entity_kind, id=problem.entity_id),
                                   location=problem.location, value=problem.params.get("value", ""),
                                   column=problem.params.get("column") or field_name(problem.params.get("field", ""), self.lang),
                                   reason=reason_in(self.lang, problem.params.get("reason", "")))
            # the importer may cap a problem's severity (an unread timing cell is a warning);
            # the configured severity still applies when it is the milder one
            if problem.severity is not None and problem.severity.rank > finding.severity.rank:
                finding = replace(finding, severity=problem.severity)
            yield finding
