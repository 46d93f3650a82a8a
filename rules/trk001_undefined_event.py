"""TRK001 undefined-event.

**What it catches.** A scenario's trigger, goal event or stop event, or a step's `event X` /
`no event X` condition, names an event that the Events sheet does not define. Needs an Events
sheet; the closest defined event is suggested.

**Why it matters.** Every trigger chain rests on an event the site, app, CRM or till really
sends. The seeds' advice is to agree the list of events with analytics and IT before drawing
chains on them; an event missing from that list is one nobody was asked to implement.

**Fix.** Add the event to the Events sheet (with its source and whether it is tracked), or
correct the id to a defined event.
"""
from __future__ import annotations

from collections.abc import Iterator

from audit.findings import Finding, Severity
from audit.model import id_key
from audit.rule import Rule, RuleContext
from rules._common import Suggester, column_name


class UndefinedEvent(Rule):
    code = "TRK001"
    slug = "undefined-event"
    default_severity = Severity.ERROR
    title = {"en": "Event not defined", "ru": "Событие не описано"}
    message = {
        "en": "Event '{event}' in column '{column}' is not on the Events sheet{suggestion}.",
        "ru": "Событие «{event}» в столбце «{column}» не описано на листе событий{suggestion}.",
    }
    fix = {
        "en": "Add '{event}' to the Events sheet with its source and tracking status, or correct the id.",
        "ru": "Добавьте «{event}» на лист событий (с источником и статусом отслеживания) или исправьте идентификатор.",
    }
    requires = ("events",)

    doc_ru = """**Что находит.** Триггер, целевое или стоп-событие сценария либо условие шага `событие X` /
`нет события X` ссылается на событие, которого нет на листе событий. Нужен лист событий;
подсказывается ближайшее описанное событие.

**Почему это важно.** Каждая триггерная цепочка опирается на событие, которое реально
передают сайт, приложение, CRM или касса. Практика — согласовать список событий с аналитиками
и IT до того, как рисовать на них цепочки; события нет в списке — значит, его никто не
просил внедрить.

**Как исправить.** Добавьте событие на лист событий (с источником и статусом отслеживания)
или исправьте идентификатор."""
    examples = {'bad': {'events': [{'id': 'cart_abandoned', 'source': 'site', 'tracked': 'да'}],
             'scenarios': [{'id': 'cart', 'type': 'trigger', 'trigger': 'cart_abandonned', 'segments': '*'}],
             'steps': [{'scenario': 'cart', 'step': 'S1', 'channel': 'email'}]},
     'good': {'events': [{'id': 'cart_abandoned', 'source': 'site', 'tracked': 'да'}],
              'scenarios': [{'id': 'cart', 'type': 'trigger', 'trigger': 'cart_abandoned', 'segments': '*'}],
              'steps': [{'scenario': 'cart', 'step': 'S1', 'channel': 'email'}]}}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        known = {e.key: e.id for e in ctx.map.events}
        suggest = Suggester(self.lang)

        def report(record, fld: str, refs) -> Iterator[Finding]:
            for ref in refs:
                if ref and id_key(ref) not in known:
                    yield self.finding(record, fld, event=ref, column=column_name(record.source, fld, self.lang),
                                       suggestion=suggest(ref, known))

        for scenario in ctx.map.scenarios:
            yield from report(scenario, "trigger", [scenario.trigger])
            yield from report(scenario, "goal_event", [scenario.goal_event])
            yield from report(scenario, "stop_event", scenario.stop_events)
        for step in ctx.map.steps:
            if step.condition is not None and step.condition.event:
                yield from report(step, "condition", [step.condition.event])
