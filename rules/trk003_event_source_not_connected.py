"""TRK003 event-source-not-connected.

**What it catches.** An event reaches the wrong system: the trigger's source (site, app, CRM,
POS) is not among the sources received by the system that sends the scenario's first step; or a
stop event's source is not received by the system of a step it must stop; or an `event X` /
`no event X` condition's source is not received by the system of its step. A system receives a
source it lists, and whatever an integration brings it from the system the event comes from
(«Сайт → Mindbox»; a system named like a source kind feeds that kind); a source cell names every
part it holds («Website / App (Segment)» comes through Segment), an event of the sending system's
own is received, and «через Орбиту» / "via Segment" in a system's list means what that system
receives. Events without a source,
and `platform` events (the sending platform's own), are not judged; nor is a map whose systems
list no received sources at all — its silence says nothing — unless the event comes from a system
whose "sends data to" links the map lists: its events reach those systems only. Skipped when the map
describes no systems, and when its systems are only named on the steps' rows (a "Platform" /
"Sent via" column, no Systems sheet): the rows do not say which event sources a system receives,
and guessing would turn every sourced event into a warning.

**Why it matters.** The site tracks "cart abandoned", but the ESP that sends the email never
gets it; the CRM records the purchase, but the SMS gateway keeps sending "complete your order".
The seeds' advice is to agree with IT, before launch, which system receives which events — this
is the check for that agreement.

**Fix.** Connect the event source to the sending system (tracking script, SDK, CRM
integration), or send the step from a system that receives it.
"""
from __future__ import annotations

from collections.abc import Iterator

from audit.feasibility import event_source_blockers, source_of
from audit.findings import Finding, Severity
from audit.rule import Rule, RuleContext


class EventSourceNotConnected(Rule):
    code = "TRK003"
    slug = "event-source-not-connected"
    default_severity = Severity.WARNING
    title = {"en": "Event source not connected to the sending system",
             "ru": "Источник события не подключён к отправляющей системе"}
    message = {
        "en": "Event '{event}' ({role}) comes from {source}, but '{system}', which sends {where}, does not "
              "receive {source} events.",
        "ru": "Событие «{event}» ({role}) приходит из источника {source}, но «{system}», которая отправляет "
              "{where}, не принимает события из {source}.",
    }
    fix = {
        "en": "Connect {source} events to '{system}' (tracking, SDK or integration) or send from a system that "
              "receives them.",
        "ru": "Подключите события из {source} к «{system}» (трекинг, SDK или интеграция) или отправляйте из "
              "системы, которая их получает.",
    }
    _roles = {"trigger": {"en": "trigger", "ru": "триггер"}, "stop_event": {"en": "stop event", "ru": "стоп-событие"},
              "condition": {"en": "condition", "ru": "условие"}}
    _where = {"trigger": {"en": "the first step", "ru": "первый шаг"},
              "stop_event": {"en": "step '{step}'", "ru": "шаг «{step}»"},
              "condition": {"en": "step '{step}'", "ru": "шаг «{step}»"}}
    requires = ("platform", "system_sources")
    doc_ru = """**Что находит.** Событие приходит не в ту систему: источник триггера (сайт, приложение, CRM,
касса) не входит в источники, которые принимает система, отправляющая первый шаг сценария; или
источник стоп-события не принимает система шага, который оно должно остановить; или источник
события в условии `событие X` / `нет события X` не принимает система этого шага. Система
принимает источники, которые перечислены у неё, и всё, что приходит к ней по интеграции из системы,
откуда событие (интеграция «Сайт → Mindbox»; система, названная как тип источника, передаёт события
этого типа); ячейка источника называет каждую свою часть («Website / App (Segment)» приходит
через Segment), событие самой отправляющей системы она получает, а «через Орбиту» / "via Segment"
в списке системы означает то, что принимает названная система. События без источника и события самой платформы (`platform`) не оцениваются; карта, в
которой ни у одной системы не указано, что она принимает, тоже: её молчание ничего не говорит, — кроме
событий системы, для которой карта указывает, куда она передаёт данные: они приходят только туда.
Пропускается, если системы не
описаны, а также если системы названы только в строках шагов (столбец «Платформа» / «Сервис
рассылки», листа «Системы» нет): строки не говорят, какие источники событий система принимает,
а догадка превратила бы каждое событие с источником в предупреждение.

**Почему это важно.** Сайт отслеживает «брошенную корзину», но ESP, отправляющая письмо, его не
получает; CRM фиксирует покупку, а SMS-шлюз продолжает слать «завершите заказ». Практика —
до запуска договориться с IT, какая система какие события получает; это проверка такой
договорённости.

**Как исправить.** Подключите источник события к отправляющей системе (скрипт трекинга, SDK,
интеграция с CRM) или отправляйте шаг из системы, которая его получает."""
    examples = {
        "bad": {"channels": [{"id": "email", "kind": "email"}],
                "events": [{"id": "app_open", "source": "app", "tracked": "да"}],
                "systems": [{"id": "esp", "channels": "email", "orchestration": "да", "receives": "site"}],
                "scenarios": [{"id": "hello", "type": "trigger", "trigger": "app_open", "segments": "*"}],
                "steps": [{"scenario": "hello", "step": "S1", "channel": "email"}]},
        "good": {"channels": [{"id": "email", "kind": "email"}],
                 "events": [{"id": "app_open", "source": "app", "tracked": "да"}],
                 "systems": [{"id": "esp", "channels": "email", "orchestration": "да", "receives": "site, app"}],
                 "scenarios": [{"id": "hello", "type": "trigger", "trigger": "app_open", "segments": "*"}],
                 "steps": [{"scenario": "hello", "step": "S1", "channel": "email"}]},
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for scenario in ctx.map.scenarios:
            reported: set[tuple[str, str, str]] = set()
            for blocker in event_source_blockers(ctx.graph, scenario):
                key = (blocker.role, blocker.event.key, blocker.target.key)
                if blocker.role == "stop_event" and key in reported:
                    continue  # one finding per stop event and system, not per step
                reported.add(key)
                record, fld = (scenario, "trigger") if blocker.role == "trigger" else (
                    (scenario, "stop_event") if blocker.role == "stop_event" else (blocker.step, "condition"))
                yield self.finding(
                    record, fld, event=blocker.event.label, role=self._roles[blocker.role][self.lang],
                    source=source_of(blocker.event), system=blocker.target.id,
                    where=self._where[blocker.role][self.lang].format(step=blocker.step.ref),
                )
