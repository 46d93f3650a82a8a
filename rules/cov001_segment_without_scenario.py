"""COV001 segment-without-scenario.

**What it catches.** A segment, not marked excluded, that no active or planned scenario targets —
neither directly nor through a parent segment. Scenarios sent to every segment (`*`) do not
count: a catch-all digest is not communication written for the segment.

**Why it matters.** Segmentation is the point of a communication map: each segment — new,
active, churning, VIP, "never opened an email", gamers and streamers — needs its own scenarios
at its own stage. A segment the map names but nobody wrote a scenario for is a group of
customers the business decided to talk to and then forgot.

**Fix.** Write a scenario for the segment (or add it to an existing one), or mark the segment
excluded if it must receive nothing.
"""
from __future__ import annotations

from collections.abc import Iterator

from audit.findings import Finding, Severity
from audit.rule import Rule, RuleContext


class SegmentWithoutScenario(Rule):
    code = "COV001"
    slug = "segment-without-scenario"
    default_severity = Severity.WARNING
    title = {"en": "Segment without a scenario", "ru": "Сегмент без сценария"}
    message = {
        "en": "No active or planned scenario targets segment '{name}' (directly or through a parent segment).",
        "ru": "Ни один активный или запланированный сценарий не направлен на сегмент «{name}» "
              "(ни напрямую, ни через родительский сегмент).",
    }
    fix = {
        "en": "Add a scenario for '{name}' or mark it excluded.",
        "ru": "Добавьте сценарий для «{name}» или отметьте сегмент исключённым.",
    }

    doc_ru = """**Что находит.** Сегмент (не исключённый), на который не направлен ни один активный или
запланированный сценарий — ни напрямую, ни через родительский сегмент. Сценарии «для всех» (`*`)
не считаются: общий дайджест — не коммуникация, написанная для сегмента.

**Почему это важно.** Сегментация — смысл карты коммуникаций: новым, активным, уходящим, VIP,
«не открывающим письма», геймерам и стримерам нужны свои сценарии на своём этапе. Сегмент, для
которого никто не написал сценарий, — клиенты, с которыми решили говорить и забыли.

**Как исправить.** Напишите сценарий для сегмента (или добавьте сегмент в существующий) либо
отметьте сегмент исключённым, если ему ничего нельзя отправлять."""
    examples = {'bad': {'segments': [{'id': 'new'}, {'id': 'gamers'}],
             'scenarios': [{'id': 'welcome', 'type': 'trigger', 'trigger': 'signup', 'segments': 'new'}],
             'steps': [{'scenario': 'welcome', 'step': 'S1', 'channel': 'email'}]},
     'good': {'segments': [{'id': 'new'}, {'id': 'gamers', 'parent': 'new'}],
              'scenarios': [{'id': 'welcome', 'type': 'trigger', 'trigger': 'signup', 'segments': 'new'}],
              'steps': [{'scenario': 'welcome', 'step': 'S1', 'channel': 'email'}]}}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        reached = ctx.graph.segments_reached_by_live_scenarios
        for segment in ctx.map.segments:
            if segment.declared and not segment.excluded and segment.key not in reached:
                yield self.finding(segment, "id", name=segment.label)
