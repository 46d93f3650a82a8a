"""COV002 stage-without-scenario.

**What it catches.** A journey stage on the Stages sheet that no active or planned scenario
serves (no scenario names it in its `stage` column). Final stages count too: loyalty is where
retention lives.

**Why it matters.** A communication map is a plan for the whole customer life cycle — first
purchase, repeat purchase, loyalty, win-back. A stage with no scenario is a part of the journey
where the brand has decided to stay silent, usually the later ones (experience, loyalty), where
the seeds say the money from an existing base is made.

**Fix.** Write a scenario for the stage (a post-purchase review request, a loyalty-points
reminder, a win-back chain), or remove the stage from the map if it is not part of the journey.
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
    doc_ru = """**Что находит.** Этап пути клиента, на котором не работает ни один активный или запланированный
сценарий (ни один сценарий не указывает его в столбце «этап»). Финальные этапы тоже считаются:
на лояльности живёт удержание.

**Почему это важно.** Карта коммуникаций — план на весь жизненный цикл клиента: первая покупка,
повторная, лояльность, возврат. Этап без сценария — часть пути, где бренд решил молчать, чаще
всего поздние этапы (опыт, лояльность), где, по практике, и зарабатываются деньги на базе.

**Как исправить.** Напишите сценарий для этапа (просьба об отзыве после покупки, напоминание о
баллах, реактивация) или уберите этап из карты, если он не входит в путь."""
    examples = {
        "bad": {"stages": [{"id": "purchase", "next": "loyalty"}, {"id": "loyalty", "final": "yes"}],
                "scenarios": [{"id": "cart", "type": "trigger", "trigger": "cart_abandoned", "segments": "*",
                               "stage": "purchase"}],
                "steps": [{"scenario": "cart", "step": "S1", "channel": "email"}]},
        "good": {"stages": [{"id": "purchase", "next": "loyalty"}, {"id": "loyalty", "final": "yes"}],
                 "scenarios": [{"id": "cart", "type": "trigger", "trigger": "cart_abandoned", "segments": "*",
                                "stage": "purchase"},
                               {"id": "points", "type": "regular", "schedule": "monthly", "segments": "*",
                                "stage": "loyalty"}],
                 "steps": [{"scenario": "cart", "step": "S1", "channel": "email"},
                           {"scenario": "points", "step": "S1", "channel": "email"}]},
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        served = {id_key(s.stage) for s in ctx.map.scenarios if s.stage and s.status.live}
        for stage in ctx.map.stages:
            if stage.declared and stage.key not in served:
                yield self.finding(stage, "id", name=stage.label)
