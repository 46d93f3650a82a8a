"""TRK002 untracked-event.

**What it catches.** A scenario depends on an event that is not collected: its trigger, a stop
event, or a step's `event X` / `no event X` condition names an event marked not tracked on the
Events sheet, or absent from the tracking plan given with `--tracking-plan` (matched by the
event's analytics key, else its id). Goal events are TRK004's concern.

**Why it matters.** A trigger chain on an event the site never sends never fires; a stop event
that is not tracked never stops the chain, so a customer who already bought keeps getting
"complete your order". The seeds' practice: check with the analytics team that every event the
map needs is really tracked before launching.

**Fix.** Set up tracking of the event (site tag, app SDK, CRM export) and mark it tracked, or
base the scenario on an event that is collected.
"""
from __future__ import annotations

from collections.abc import Iterator

from audit.findings import Finding, Severity
from audit.model import id_key
from audit.rule import Rule, RuleContext


class UntrackedEvent(Rule):
    code = "TRK002"
    slug = "untracked-event"
    default_severity = Severity.ERROR
    title = {"en": "Scenario depends on an untracked event", "ru": "Сценарий зависит от неотслеживаемого события"}
    message = {
        "en": "'{owner}' depends on event '{event}' ({role}), which is not tracked{plan}.",
        "ru": "«{owner}» зависит от события «{event}» ({role}), которое не отслеживается{plan}.",
    }
    fix = {
        "en": "Set up tracking of '{event}' with analytics/IT and mark it tracked, or use a collected event.",
        "ru": "Настройте сбор события «{event}» вместе с аналитиками и IT и отметьте его отслеживаемым "
              "или используйте собираемое событие.",
    }
    _roles = {
        "trigger": {"en": "trigger", "ru": "триггер"},
        "stop_event": {"en": "stop event", "ru": "стоп-событие"},
        "condition": {"en": "condition", "ru": "условие"},
    }
    _plan = {"en": " (not in the tracking plan)", "ru": " (нет в плане трекинга)"}

    doc_ru = """**Что находит.** Сценарий зависит от несобираемого события: его триггер, стоп-событие или
условие шага `событие X` / `нет события X` ссылается на событие, отмеченное как
неотслеживаемое, или отсутствующее в плане трекинга (`--tracking-plan`; сравнивается ключ
события в аналитике, иначе его идентификатор). Целевыми событиями занимается TRK004.

**Почему это важно.** Цепочка на событии, которое сайт не передаёт, никогда не запустится;
неотслеживаемое стоп-событие не остановит цепочку, и купивший клиент продолжит получать
«завершите заказ». Практика: до запуска проверить с аналитиками, что каждое нужное карте
событие действительно собирается.

**Как исправить.** Настройте сбор события (тег на сайте, SDK приложения, выгрузка из CRM) и
отметьте его отслеживаемым или постройте сценарий на собираемом событии."""
    examples = {'bad': {'events': [{'id': 'app_open', 'source': 'app', 'tracked': 'нет'}],
             'scenarios': [{'id': 'hello', 'type': 'trigger', 'trigger': 'app_open', 'segments': '*'}],
             'steps': [{'scenario': 'hello', 'step': 'S1', 'channel': 'push'}]},
     'good': {'events': [{'id': 'app_open', 'source': 'app', 'tracked': 'да'}],
              'scenarios': [{'id': 'hello', 'type': 'trigger', 'trigger': 'app_open', 'segments': '*'}],
              'steps': [{'scenario': 'hello', 'step': 'S1', 'channel': 'push'}]}}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        events = ctx.graph.events

        def report(record, owner: str, fld: str, refs) -> Iterator[Finding]:
            for ref in refs:
                event = events.get(id_key(ref)) if ref else None
                if event is not None and not ctx.is_tracked(event):
                    in_plan = event.tracked is not False
                    yield self.finding(record, fld, owner=owner, event=event.label,
                                       role=self._roles[fld][self.lang], plan=self._plan[self.lang] if in_plan else "")

        for scenario in ctx.map.scenarios:
            yield from report(scenario, scenario.label, "trigger", [scenario.trigger])
            yield from report(scenario, scenario.label, "stop_event", scenario.stop_events)
        for step in ctx.map.steps:
            if step.condition is not None and step.condition.event:
                yield from report(step, step.ref, "condition", [step.condition.event])
