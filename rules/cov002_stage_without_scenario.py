"""COV002 stage-without-scenario.

**What it catches.** A journey stage on the Stages sheet that no active or planned scenario
serves: no live scenario names it in its `stage` column. Paused and switched-off scenarios do not
count. Final stages count too — loyalty and retention live there. Stages the map only derives
from other sheets (no Stages sheet) are not judged.

**Why it matters.** The practice builds a map stage by stage: describe the funnel, the
customer's goal at each stage, and "which channels work best for each group of clients at each
stage"; for every stage of the funnel the team plans its own touches. A stage with no scenario is
a part of the journey where the brand decided to stay silent — most often the later ones
(experience, the loyalty loop), where the money from an existing base is made.

**Fix.** Write a scenario for the stage (a post-purchase review request, a loyalty-points
reminder, a win-back chain) and set its `stage`, resume the paused one, or remove the stage from
the map if it is not part of the journey.
"""
from __future__ import annotations

from collections.abc import Iterator

from audit.findings import Finding, Severity
from audit.model import id_key
from audit.rule import Rule, RuleContext


class StageWithoutScenario(Rule):
    code = "COV002"
    slug = "stage-without-scenario"
    default_severity = Severity.WARNING
    title = {"en": "Journey stage without a scenario", "ru": "Этап пути без сценария"}
    message = {
        "en": "No active or planned scenario serves stage '{name}'.",
        "ru": "Ни один активный или запланированный сценарий не работает на этапе «{name}».",
    }
    fix = {
        "en": "Add a scenario for stage '{name}' (set its stage column) or remove the stage from the journey.",
        "ru": "Добавьте сценарий для этапа «{name}» (укажите этап в сценарии) или уберите этап из пути клиента.",
    }
    doc_ru = """**Что находит.** Этап пути клиента на листе этапов, на котором не работает ни один активный
или запланированный сценарий: ни один живой сценарий не указывает его в столбце «этап».
Приостановленные и выключенные сценарии не считаются. Финальные этапы тоже проверяются — на них
живут лояльность и удержание. Этапы, выведенные из других листов (листа этапов нет), не
оцениваются.

**Почему это важно.** Практика строит карту поэтапно: описать воронку, цель клиента на каждом
этапе и «какие каналы максимально работают для каждой группы клиентов в каждый из этапов»; для
каждого этапа воронки продумываются свои касания. Этап без сценария — часть пути, где бренд решил
молчать, чаще всего поздние этапы (опыт, петля лояльности), где и зарабатываются деньги на базе.

**Как исправить.** Напишите сценарий для этапа (просьба об отзыве после покупки, напоминание о
баллах, реактивация) и укажите в нём этап, возобновите приостановленный или уберите этап из
карты, если он не входит в путь."""
    examples = {
        "bad": {"stages": [{"id": "purchase", "next": "loyalty"}, {"id": "loyalty", "final": "yes"}],
                "scenarios": [{"id": "cart", "type": "trigger", "trigger": "cart_abandoned", "segments": "*",
                               "stage": "purchase"},
                              {"id": "points", "type": "regular", "schedule": "monthly", "segments": "*",
                               "stage": "loyalty", "status": "paused"}],
                "steps": [{"scenario": "cart", "step": "S1", "channel": "email"},
                          {"scenario": "points", "step": "S1", "channel": "email"}]},
        "good": {"stages": [{"id": "purchase", "next": "loyalty"}, {"id": "loyalty", "final": "yes"}],
                 "scenarios": [{"id": "cart", "type": "trigger", "trigger": "cart_abandoned", "segments": "*",
                                "stage": "purchase"},
                               {"id": "points", "type": "regular", "schedule": "monthly", "segments": "*",
                                "stage": "loyalty", "status": "planned"}],
                 "steps": [{"scenario": "cart", "step": "S1", "channel": "email"},
                           {"scenario": "points", "step": "S1", "channel": "email"}]},
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        served = {id_key(s.stage) for s in ctx.map.scenarios if s.stage and s.status.live}
        for stage in ctx.map.stages:
            if stage.declared and stage.key not in served:
                yield self.finding(stage, "id", name=stage.label)
