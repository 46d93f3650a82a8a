"""FLOW002 unreachable-stage."""
from rules.flow002_unreachable_stage import UnreachableStage
from tests.builders import build_map, codes_by_entity, run_rule, scn, step

SCENARIOS = {"scenarios": [scn("a")], "steps": [step("a", "S1")]}


def test_stage_nothing_leads_to_is_reported_from_the_lowest_order_not_the_first_row():
    stages = [{"id": "buy", "order": 2, "next": "loyal"}, {"id": "need", "name": "Потребность", "order": 1,
                                                           "next": "buy"},
              {"id": "loyal", "order": 3, "final": "yes"}, {"id": "winback", "order": 4, "next": "buy"}]
    findings = run_rule(UnreachableStage, build_map(stages=stages, **SCENARIOS))
    # winback leads into the journey, but nothing leads to winback
    assert codes_by_entity(findings) == {("FLOW002", "winback")}
    (finding,) = findings
    assert (finding.location.sheet, finding.location.row, finding.location.column) == ("Stages", 5, "id")
    assert finding.message == "Stage 'winback' cannot be reached from the first stage 'Потребность (need)'."


def test_without_any_order_the_first_row_starts_the_journey():
    stages = [{"id": "buy", "next": "loyal"}, {"id": "need", "next": "buy"}, {"id": "loyal", "final": "yes"}]
    assert codes_by_entity(run_rule(UnreachableStage, build_map(stages=stages, **SCENARIOS))) == {("FLOW002", "need")}


def test_a_tie_on_the_lowest_order_goes_to_the_first_row():
    stages = [{"id": "b", "order": 1}, {"id": "a", "order": 1, "next": "b"}]
    assert codes_by_entity(run_rule(UnreachableStage, build_map(stages=stages, **SCENARIOS))) == {("FLOW002", "a")}


def test_stage_reached_only_through_a_loop_back_is_not_reported():
    # normative CJM: a bad experience sends the customer back to evaluation, which only that loop reaches
    stages = [{"id": "need", "order": 1, "next": "purchase"}, {"id": "evaluation", "order": 2, "next": "purchase"},
              {"id": "purchase", "order": 3, "next": "experience"},
              {"id": "experience", "order": 4, "next": "loyalty, evaluation"},
              {"id": "loyalty", "order": 5, "next": "Purchase", "final": "yes"}]
    assert run_rule(UnreachableStage, build_map(stages=stages, **SCENARIOS)) == []


def test_a_misspelt_next_cuts_off_everything_behind_it():
    stages = [{"id": "need", "next": "by"}, {"id": "buy", "next": "loyal"}, {"id": "loyal", "final": "yes"}]
    assert codes_by_entity(run_rule(UnreachableStage, build_map(stages=stages, **SCENARIOS))) == {
        ("FLOW002", "buy"), ("FLOW002", "loyal")}


def test_serving_scenarios_do_not_make_a_stage_reachable():
    stages = [{"id": "need", "order": 1, "next": "buy"}, {"id": "buy", "order": 2, "final": "yes"},
              {"id": "loyal", "order": 3, "final": "yes"}]
    m = build_map(stages=stages, scenarios=[scn("a", stage="need"), scn("b", stage="loyal")],
                  steps=[step("a", "S1"), step("b", "S1")])
    assert codes_by_entity(run_rule(UnreachableStage, m)) == {("FLOW002", "loyal")}


def test_single_stage_and_derived_stages_are_not_judged():
    assert run_rule(UnreachableStage, build_map(stages=[{"id": "only"}], **SCENARIOS)) == []
    derived = build_map(scenarios=[scn("a", stage="need"), scn("b", stage="buy")],
                        steps=[step("a", "S1"), step("b", "S1")])
    assert len(derived.stages) == 2
    assert run_rule(UnreachableStage, derived) == []


def test_russian_message():
    stages = [{"id": "need", "next": "mid"}, {"id": "mid", "final": "yes"}, {"id": "island"}]
    (finding,) = run_rule(UnreachableStage, build_map(stages=stages, **SCENARIOS), lang="ru")
    assert finding.message == "До этапа «island» нельзя дойти от первого этапа «need»."


def test_a_list_of_stages_that_names_no_next_stage_is_that_sequence():
    """A CJM written as numbered stages with no "next" column: each leads to the one after it."""
    stages = [{"id": "activation", "order": 2}, {"id": "onboarding", "order": 1}, {"id": "growth", "order": 3}]
    m = build_map(stages=stages, **SCENARIOS)
    assert {s.id: s.next for s in m.stages} == {"onboarding": ["activation"], "activation": ["growth"], "growth": []}
    assert run_rule(UnreachableStage, m) == []
