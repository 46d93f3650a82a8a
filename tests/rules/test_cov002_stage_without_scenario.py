"""COV002 stage-without-scenario."""
from rules.cov002_stage_without_scenario import StageWithoutScenario
from tests.builders import build_map, codes_by_entity, run_rule, scn, step

JOURNEY = [{"id": "need", "order": 1, "next": "buy"}, {"id": "buy", "order": 2, "next": "loyal"},
           {"id": "loyal", "name": "Лояльность", "order": 3, "final": "yes"}]


def test_final_stage_served_only_by_a_paused_scenario_is_reported():
    m = build_map(stages=JOURNEY,
                  scenarios=[scn("a", stage="need"), scn("b", stage="buy", status="planned"),
                             scn("c", stage="loyal", status="paused")],
                  steps=[step("a", "S1"), step("b", "S1"), step("c", "S1")])
    findings = run_rule(StageWithoutScenario, m)
    assert codes_by_entity(findings) == {("COV002", "loyal")}
    (finding,) = findings
    assert finding.entity.kind == "stage"
    assert (finding.location.sheet, finding.location.row, finding.location.column) == ("Stages", 4, "id")
    assert finding.message == "No active or planned scenario serves stage 'Лояльность (loyal)'."


def test_every_stage_served_by_a_live_scenario_written_in_another_case_is_not_reported():
    m = build_map(stages=JOURNEY,
                  scenarios=[scn("a", stage="NEED"), scn("b", stage=" Buy ", status="planned"),
                             scn("c", stage="Loyal", status="active")],
                  steps=[step("a", "S1"), step("b", "S1"), step("c", "S1")])
    assert run_rule(StageWithoutScenario, m) == []


def test_switched_off_scenario_and_misspelt_stage_do_not_serve():
    m = build_map(stages=JOURNEY,
                  scenarios=[scn("a", stage="need", status="off"), scn("b", stage="buyy"), scn("c", stage="loyal")],
                  steps=[step("a", "S1"), step("b", "S1"), step("c", "S1")])
    assert codes_by_entity(run_rule(StageWithoutScenario, m)) == {("COV002", "need"), ("COV002", "buy")}


def test_stages_derived_without_a_stages_sheet_are_not_judged():
    # "orphan" is only named by a segment: without a Stages sheet it is a derived stage, not a declared one
    m = build_map(segments=[{"id": "new", "stage": "orphan"}],
                  scenarios=[scn("a", segments="new", stage="buy")], steps=[step("a", "S1")])
    assert {s.id for s in m.stages} == {"orphan", "buy"}
    assert run_rule(StageWithoutScenario, m) == []


def test_russian_message():
    m = build_map(stages=JOURNEY[:1], scenarios=[scn("a")], steps=[step("a", "S1")])
    (finding,) = run_rule(StageWithoutScenario, m, lang="ru")
    assert finding.message == "Ни один активный или запланированный сценарий не работает на этапе «need»."
