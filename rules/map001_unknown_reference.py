"""MAP001 unknown-reference.

**What it catches.** A cell names a segment, stage, channel, step, scenario or system id that
the map does not define: a scenario for segment `vip_clients` when the Segments sheet says
`vip`, a step on channel `emial`, a `next` step that does not exist. The closest defined id is
suggested. (References to events are TRK001's.)

**Why it matters.** A map is a set of agreements between marketing, analytics and IT; a
reference that points nowhere is an agreement nobody can implement — the scenario goes to
nobody, the step has no channel. Such slips multiply when a map grows past one person's memory.

**Fix.** Correct the id to one that is defined, or add the missing row to its sheet.

A reference is checked only when the map has the sheet it points into: a map without a
Channels sheet may name channels freely on its steps.
"""
from __future__ import annotations

from collections.abc import Iterator

from audit.feasibility import source_names
from audit.findings import Finding, Severity
from audit.model import ChannelKind, id_key
from audit.rule import Rule, RuleContext
from rules._common import Suggester, column_name, kind_name


class UnknownReference(Rule):
    code = "MAP001"
    slug = "unknown-reference"
    default_severity = Severity.ERROR
    title = {"en": "Reference to an undefined id", "ru": "Ссылка на неописанный идентификатор"}
    message = {
        "en": "'{ref}' in column '{column}' is not a defined {kind}{suggestion}.",
        "ru": "«{ref}» в столбце «{column}»: такого идентификатора нет (ожидается {kind}){suggestion}.",
    }
    fix = {
        "en": "Correct the id to a defined {kind}, or add '{ref}' to the {kind} list.",
        "ru": "Исправьте идентификатор на существующий или добавьте «{ref}» в список (тип: {kind}).",
    }

    doc_ru = """**Что находит.** Ячейка ссылается на сегмент, этап, канал, шаг, сценарий или систему, которых
в карте нет: сценарий для сегмента `vip_clients`, когда на листе сегментов он называется `vip`;
шаг в канале `emial`; следующий шаг, которого нет. Подсказывается ближайший существующий
идентификатор. (Ссылки на события проверяет TRK001.)

**Почему это важно.** Карта — договорённость маркетинга, аналитики и IT; ссылка в никуда —
договорённость, которую невозможно реализовать: сценарий уходит никому, у шага нет канала.

**Как исправить.** Исправьте идентификатор на существующий или добавьте недостающую строку
на соответствующий лист."""
    examples = {'bad': {'channels': [{'id': 'email', 'kind': 'email'}],
             'scenarios': [{'id': 'cart', 'type': 'trigger', 'trigger': 'cart_abandoned', 'segments': '*'}],
             'steps': [{'scenario': 'cart', 'step': 'S1', 'channel': 'emial'}]},
     'good': {'channels': [{'id': 'email', 'kind': 'email'}],
              'scenarios': [{'id': 'cart', 'type': 'trigger', 'trigger': 'cart_abandoned', 'segments': '*'}],
              'steps': [{'scenario': 'cart', 'step': 'S1', 'channel': 'Email'}]}}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        m, g = ctx.map, ctx.graph
        suggest = Suggester(self.lang)
        ids = {
            "segment": ({s.key: s.id for s in m.segments}, m.has_sheet("segments")),
            "stage": ({s.key: s.id for s in m.stages}, m.has_sheet("stages")),
            "channel": ({c.key: c.id for c in m.channels}, m.has_sheet("channels")),
            "scenario": ({s.key: s.id for s in m.scenarios}, m.has_sheet("scenarios")),
            "system": ({s.key: s.id for s in m.systems}, m.has_sheet("systems")),
        }

        unknown_cells: dict[tuple[str, str | None], bool] = {}  # (kind, cell) → unknown; steps repeat cells

        def is_unknown(kind: str, ref: str | None) -> bool:
            found = unknown_cells.get((kind, ref))
            if found is None:
                known, checked = ids[kind]
                found = unknown_cells[(kind, ref)] = bool(checked and ref and id_key(ref) not in known)
            return found

        def unknown(record, fld: str, kind: str, refs) -> Iterator[Finding]:
            for ref in refs:
                if is_unknown(kind, ref):
                    yield self.finding(record, fld, ref=ref, kind=kind_name(kind, self.lang),
                                       column=column_name(record.source, fld, self.lang),
                                       suggestion=suggest(ref, ids[kind][0]))

        for seg in m.segments:
            yield from unknown(seg, "parent", "segment", [seg.parent])
            yield from unknown(seg, "stage", "stage", [seg.stage])
        for stage in m.stages:
            yield from unknown(stage, "next", "stage", stage.next)
        for channel in m.channels:
            yield from unknown(channel, "system", "system", [channel.system])
        for scenario in m.scenarios:
            yield from unknown(scenario, "segments", "segment", scenario.segments)
            yield from unknown(scenario, "stage", "stage", [scenario.stage])
        for step in m.steps:
            for fld, ref in (("scenario", step.scenario), ("channel", step.channel), ("system", step.system)):
                if is_unknown(fld, ref):
                    yield from unknown(step, fld, fld, [ref])
            if step.next or (step.condition is not None and step.condition.step_ref):
                yield from self._step_refs(step, g, suggest)
        kinds = {kind.value for kind in ChannelKind}
        for system in m.systems:
            # a system may list channel kinds (`sms`) as well as channel ids
            yield from unknown(system, "channels", "channel", [r for r in system.channels if id_key(r) not in kinds])
        # a data source the map names where its events come from («OMS», "Segment") may feed a system
        # without sending anything itself: it needs no row on the Systems sheet
        sources = {name for event in m.events for name in source_names(event.source_name)} | {
            name for system in m.systems for item in system.receives for name in source_names(item)}
        for integration in m.integrations:
            for fld, ref in (("from", integration.from_system), ("to", integration.to_system)):
                if id_key(ref) not in sources:
                    yield from unknown(integration, fld, "system", [ref])

    def _step_refs(self, step, g, suggest) -> Iterator[Finding]:
        """`next` ids and the step a feedback condition names must be steps of the same scenario."""
        index = g.step_index(step.key[0])
        kind = kind_name("step", self.lang)
        refs = [("next", ref) for ref in step.next or []]
        condition = step.condition
        if condition is not None and condition.step_ref:
            refs.append(("condition", condition.step_ref))
        for fld, ref in refs:
            if id_key(ref) not in index:
                known = g.memo(f"step ids:{step.key[0]}", lambda: {key: s.id for key, s in index.items()})
                yield self.finding(step, fld, ref=ref, kind=kind, column=column_name(step.source, fld, self.lang),
                                   suggestion=suggest(ref, known))
