"""FLOW002 unreachable-stage.

**What it catches.** A journey stage that cannot be reached from the first stage by following
the stages' `next` links. The first stage is the one with the lowest `order` (the first such row
on a tie), or the first row when no stage has an order. Loops back (experience → evaluation) are
followed like any other link. Stages the map only derives from other sheets (no Stages sheet)
are not judged, and a map with fewer than two stages has nothing to connect.

**Why it matters.** The normative customer journey the practice works with is connected: need →
evaluation → purchase → experience → the loyalty loop, and a bad experience sends the customer
back to evaluation. A stage no path leads to is either a broken link in the map (a misspelt or
forgotten `next`) or an island — its scenarios wait for customers the journey never sends
there, and the coverage the map promises for that stage is on paper only.

**Fix.** Add the stage to the `next` list of the stage before it (or of the stage a customer
returns from), or correct the misspelt id.
"""
from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from audit.findings import Finding, Severity
from audit.graph import node
from audit.rule import Rule, RuleContext


class UnreachableStage(Rule):
    code = "FLOW002"
    slug = "unreachable-stage"
    default_severity = Severity.WARNING
    title = {"en": "Stage no path reaches", "ru": "Недостижимый этап"}
    message = {
        "en": "Stage '{name}' cannot be reached from the first stage '{first}'.",
        "ru": "До этапа «{name}» нельзя дойти от первого этапа «{first}».",
    }
    fix = {
        "en": "Add '{name}' to the next stages of the stage before it, or correct the misspelt id.",
        "ru": "Добавьте «{name}» в следующие этапы предыдущего этапа или исправьте опечатку в идентификаторе.",
    }
    doc_ru = """**Что находит.** Этап пути клиента, до которого нельзя дойти от первого этапа по ссылкам
«следующие». Первый этап — с наименьшим порядком (при равенстве — первая такая строка), а если
порядок не указан ни у одного этапа — первая строка. Возвраты назад (опыт → оценка) учитываются
как любые другие ссылки. Этапы, выведенные из других листов (листа этапов нет), не оцениваются;
карте меньше чем из двух этапов нечего связывать.

**Почему это важно.** Нормативный путь клиента, с которым работает практика, связен:
осмысление потребности → оценка → покупка → опыт → петля лояльности, а негативный опыт
возвращает клиента к оценке. Этап, к которому не ведёт ни один путь, — либо обрыв в карте
(опечатка или забытое «следующие»), либо остров: его сценарии ждут клиентов, которых путь туда
не приводит, и покрытие этого этапа существует только на бумаге.

**Как исправить.** Добавьте этап в «следующие» предыдущего этапа (или того, откуда клиент
возвращается) или исправьте опечатку в идентификаторе."""
    examples = {
        "bad": {"stages": [{"id": "need", "order": 1, "next": "purchase"},
                           {"id": "purchase", "order": 2, "final": "yes"},
                           {"id": "loyalty", "order": 3, "final": "yes"}],
                "scenarios": [{"id": "a", "type": "trigger", "trigger": "signup", "segments": "*"}],
                "steps": [{"scenario": "a", "step": "S1", "channel": "email"}]},
        "good": {"stages": [{"id": "need", "order": 1, "next": "purchase"},
                            {"id": "purchase", "order": 2, "next": "loyalty"},
                            {"id": "loyalty", "order": 3, "final": "yes"}],
                 "scenarios": [{"id": "a", "type": "trigger", "trigger": "signup", "segments": "*"}],
                 "steps": [{"scenario": "a", "step": "S1", "channel": "email"}]},
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        stages = [s for s in ctx.map.stages if s.declared]
        if len(stages) < 2:
            return
        ordered = [s for s in stages if s.order is not None]
        first = min(ordered, key=lambda s: s.order) if ordered else stages[0]
        graph = ctx.graph.graph
        journey = nx.subgraph_view(graph, filter_edge=lambda a, b: graph.edges[a, b].get("kind") == "stage")
        start = node("stage", first.key)
        reached = nx.descendants(journey, start) | {start}
        for stage in stages:
            if node("stage", stage.key) not in reached:
                yield self.finding(stage, "id", name=stage.label, first=first.label)
