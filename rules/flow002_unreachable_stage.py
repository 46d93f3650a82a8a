"""FLOW002 unreachable-stage.

**What it catches.** A journey stage that cannot be reached from the first stage by following
the `next` stages. The first stage is the one with the lowest `order`, else the first row.

**Why it matters.** A normative customer journey is connected: need → evaluation → purchase →
experience → loyalty, with loops back. A stage no path leads to is either a broken link in the
map (a misspelt `next`) or an island — scenarios written for it will wait for customers the
journey never sends there.

**Fix.** Add the stage to the `next` list of the stage before it, or correct the misspelt id.
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
    doc_ru = """**Что находит.** Этап пути клиента, до которого нельзя дойти от первого этапа по цепочке
«следующих». Первый этап — с наименьшим порядком, иначе первая строка.

**Почему это важно.** Нормативный путь клиента связен: потребность → выбор → покупка → опыт →
лояльность, с возвратами назад. Этап, к которому не ведёт ни один путь, — либо обрыв в карте
(опечатка в «следующих»), либо остров: его сценарии ждут клиентов, которых путь туда не приводит.

**Как исправить.** Добавьте этап в «следующие» предыдущего этапа или исправьте опечатку."""
    examples = {
        "bad": {"stages": [{"id": "need", "order": 1, "next": "purchase"}, {"id": "purchase", "order": 2,
                                                                               "final": "yes"},
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
        reached = nx.descendants(ctx.graph.graph, node("stage", first.key)) | {node("stage", first.key)}
        for stage in stages:
            if node("stage", stage.key) not in reached:
                yield self.finding(stage, "id", name=stage.label, first=first.label)
