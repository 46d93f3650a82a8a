"""COV003 excluded-segment-targeted.

**What it catches.** A promo, news or content step of an active or planned scenario that reaches
a segment marked excluded (the stop list). A scenario reaches a stop-listed segment when it
names it, when it names a parent segment the excluded one sits under (a parent's scenarios reach
its children), or when it names a child of an excluded segment (a child is a part of its parent,
so its customers are on the stop list too). The message says which way each one is reached.
Scenarios for every segment (`*`) skip excluded segments and are not reported for them; segments
a `*` scenario also names explicitly are checked. A scenario for the whole base («вся база», «все
клиенты», "all customers", "everyone") reaches the stop list as well — that is what the words say —
unless an exception after them names it («вся база, кроме стоп-листа»). A segment counts as
excluded when its `excluded` cell says so, or, with that cell blank, when its id, name or
description names the stop list («Стоп-лист», «отказ от рекламы», "Do not contact", "Employees"). Service, transactional and informational steps
may reach the stop list (an order confirmation still goes out); steps without a message type are
not judged, since nothing says they are marketing. Paused and switched-off scenarios are not
checked.

**Why it matters.** The practice segments a base into VIP, active, churning, "never opened an
email" and so on, and builds scenarios per segment. The stop list exists because those customers
must receive no marketing: they refused advertising, complained, or are employees or partners.
When a promotion goes to a parent segment the stop list hangs under ("all active
buyers", with "refused advertising" as a child), the platform sends it to them too: spam
complaints, unsubscribes and, for email, a damaged sender reputation.

**Fix.** Remove the stop-listed segment from the scenario, target a segment that does not
contain it (or exclude it explicitly in the platform and move the stop list out from under the
parent in the map), or make the step a service message if that is what it really is.
"""
from __future__ import annotations

from collections.abc import Iterator

from audit.findings import Finding, Severity
from audit.graph import MapGraph
from audit.model import MessageType, Scenario, Segment, id_key
from audit.rule import Rule, RuleContext
from rules._common import quote

MARKETING = (MessageType.PROMO, MessageType.NEWS, MessageType.CONTENT)


class ExcludedSegmentTargeted(Rule):
    code = "COV003"
    slug = "excluded-segment-targeted"
    default_severity = Severity.ERROR
    title = {"en": "Marketing reaches the stop list", "ru": "Маркетинг уходит в стоп-лист"}
    message = {
        "en": "Step '{step}' ({type}) reaches excluded segment(s): {segments}.",
        "ru": "Шаг «{step}» ({type}) доходит до исключённых сегментов: {segments}.",
    }
    fix = {
        "en": "Remove the excluded segment from scenario '{scenario}' or target a segment without it.",
        "ru": "Уберите исключённый сегмент из сценария «{scenario}» или выберите сегмент без него.",
    }
    _inside = {"en": "{segment} (inside targeted {parent})", "ru": "{segment} (входит в {parent})"}
    _part_of = {"en": "{segment} (part of excluded {parent})", "ru": "{segment} (часть исключённого {parent})"}
    _whole_base = {"en": "{segment} (in the whole base)", "ru": "{segment} (входит во всю базу)"}
    _type_names = {
        "en": {MessageType.PROMO: "promo", MessageType.NEWS: "news", MessageType.CONTENT: "content"},
        "ru": {MessageType.PROMO: "акционное", MessageType.NEWS: "новостное", MessageType.CONTENT: "контентное"},
    }

    doc_ru = """**Что находит.** Акционный, новостной или контентный шаг активного или запланированного
сценария, который доходит до сегмента, отмеченного исключённым (стоп-лист). Сценарий доходит до
сегмента из стоп-листа, если называет его, если называет родительский сегмент, под которым он
находится (сценарии родителя доходят до дочерних сегментов), или если называет дочерний сегмент
исключённого (дочерний сегмент — часть родителя, его клиенты тоже в стоп-листе). Сообщение
говорит, каким путём найден каждый. Сценарии «для всех» (`*`) исключённые сегменты пропускают и
за них не отмечаются; сегменты, которые такой сценарий называет явно, проверяются. Сценарий на всю
базу («вся база», «все клиенты», "all customers", "everyone") доходит и до стоп-листа — так сказано
словами, — если только исключение после них его не называет («вся база, кроме стоп-листа»).
Сегмент считается исключённым, если так сказано в столбце «исключён», а при пустой ячейке — если его
id, название или описание называют стоп-лист («Стоп-лист», «отказ от рекламы», «сотрудники»). Сервисные,
транзакционные и информационные сообщения в стоп-лист отправлять можно (подтверждение заказа всё
равно уходит); шаги без типа сообщения не оцениваются — ничто не говорит, что это маркетинг.
Приостановленные и выключенные сценарии не проверяются.

**Почему это важно.** Практика делит базу на VIP, активных, уходящих, «ни разу не открывших
письмо» и так далее и строит сценарии для сегментов. Стоп-лист существует потому, что этим
клиентам нельзя отправлять маркетинг: они отказались от рекламы, жаловались, это сотрудники или
партнёры. Если акция идёт в родительский сегмент, под которым висит стоп-лист («все активные
покупатели» с дочерним «отказались от рекламы»), платформа отправит её и им: жалобы на спам,
отписки и испорченная репутация отправителя.

**Как исправить.** Уберите сегмент из стоп-листа из сценария, выберите сегмент, который его не
содержит (или исключите его в платформе явно и выведите стоп-лист из-под родителя в карте), или
сделайте шаг сервисным, если он действительно сервисный."""
    examples = {
        "bad": {"segments": [{"id": "all_clients"}, {"id": "stop", "parent": "all_clients", "excluded": "да"}],
                "scenarios": [{"id": "sale", "type": "regular", "schedule": "weekly", "segments": "all_clients"}],
                "steps": [{"scenario": "sale", "step": "S1", "channel": "email", "message_type": "promo"}]},
        "good": {"segments": [{"id": "all_clients"}, {"id": "stop", "parent": "all_clients", "excluded": "да"}],
                 "scenarios": [{"id": "sale", "type": "regular", "schedule": "weekly", "segments": "*"},
                               {"id": "order", "type": "service", "trigger": "order_paid",
                                "segments": "all_clients"}],
                 "steps": [{"scenario": "sale", "step": "S1", "channel": "email", "message_type": "promo"},
                           {"scenario": "order", "step": "S1", "channel": "email",
                            "message_type": "transactional"}]},
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        g = ctx.graph
        reach = _StopListReach(g)
        for scenario in ctx.map.scenarios:
            if not scenario.status.live:
                continue
            marketing = [s for s in g.steps_by_scenario.get(scenario.key, ()) if s.message_type in MARKETING]
            if not marketing:
                continue
            reached = reach.of(scenario)
            if not reached:
                continue
            names = ", ".join(self._describe_entry(segment, via, kind) for segment, via, kind in reached)
            types = self._type_names[self.lang]
            for step in marketing:
                yield self.finding(step, "message_type", step=step.ref, type=types[step.message_type],
                                   segments=names, scenario=scenario.label)

    def _describe(self, segment: Segment, via: Segment | None, kind: str) -> str:
        text = quote(segment.label, self.lang)
        if via is None:
            return text
        template = self._inside if kind == "inside" else self._part_of
        return template[self.lang].format(segment=text, parent=quote(via.label, self.lang))

    def _describe_entry(self, segment: Segment, via: Segment | None, kind: str) -> str:
        if kind == "whole_base":
            return self._whole_base[self.lang].format(segment=quote(segment.label, self.lang))
        return self._describe(segment, via, kind)


class _StopListReach:
    """Which stop-listed segments a scenario's named segments reach, each answer cached per segment key.

    An entry is (segment, via, kind): the excluded segment itself (via None), an excluded segment
    inside a targeted parent (kind "inside"), or a targeted segment under an excluded one
    (kind "part_of", via = the excluded ancestor).
    """

    def __init__(self, graph: MapGraph) -> None:
        self.graph = graph
        self._stop_root: dict[str, Segment | None] = {}
        self._below: dict[str, list[Segment]] = {}

    def of(self, scenario: Scenario) -> list[tuple[Segment, Segment | None, str]]:
        g = self.graph
        # `*` is resolved by the importer into all_segments; what remains in `segments` was named
        named = [k for k in dict.fromkeys(id_key(r) for r in scenario.segments) if k in g.segments]
        found: dict[str, tuple[Segment, Segment | None, str]] = {}
        listed = []
        for key in named:
            root = self.stop_root(key)
            if root is None:
                listed.append(key)
            elif root.key == key:
                found.setdefault(key, (root, None, ""))
            else:
                found.setdefault(key, (g.segments[key], root, "part_of"))
        for key in listed:
            for excluded in self.excluded_below(key):
                found.setdefault(excluded.key, (excluded, g.segments[key], "inside"))
        if scenario.whole_base:  # «вся база»: every topmost stop list, in map order
            for segment in g.map.segments:
                if segment.excluded and self.stop_root(segment.key) is segment and segment.key not in found:
                    parent = id_key(segment.parent) if segment.parent else None
                    if parent is None or parent not in g.segments or self.stop_root(parent) is None:
                        found[segment.key] = (segment, None, "whole_base")
        return list(found.values())

    def stop_root(self, key: str) -> Segment | None:
        """The nearest segment at or above `key` marked excluded; linear overall thanks to the cache."""
        g = self.graph
        chain: list[str] = []
        on_chain: set[str] = set()
        current: str | None = key
        answer: Segment | None = None
        while current is not None:
            if current in self._stop_root:
                answer = self._stop_root[current]
                break
            segment = g.segments[current]
            chain.append(current)
            if segment.excluded:
                answer = segment
                break
            on_chain.add(current)
            parent = id_key(segment.parent) if segment.parent else None
            current = parent if parent in g.segments and parent not in on_chain else None
        for walked in chain:  # none of them but the last can be excluded: the walk stops there
            self._stop_root[walked] = answer
        return answer

    def excluded_below(self, key: str) -> list[Segment]:
        """The topmost excluded segments under `key` (their own excluded children add nothing)."""
        if key not in self._below:
            segments = self.graph.segments
            self._below[key] = [
                segments[k] for k in self.graph.descendants(key)[1:]
                if segments[k].excluded and self.stop_root(id_key(segments[k].parent)) is None
            ]
        return self._below[key]
