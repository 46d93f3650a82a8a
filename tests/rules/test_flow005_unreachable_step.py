"""FLOW005 unreachable-step."""
from rules.flow005_unreachable_step import UnreachableStep
from tests.builders import build_map, codes_by_entity, run_rule, scn, step


def test_step_every_next_skips_is_reported_even_if_it_leads_on():
    m = build_map(scenarios=[scn("a")],
                  steps=[step("a", "S1", next="S3"), step("a", "S2", next="S3"), step("a", "S3", next="end")])
    findings = run_rule(UnreachableStep, m)
    assert codes_by_entity(findings) == {("FLOW005", "a/S2")}
    (finding,) = findings
    assert (finding.location.sheet, finding.location.row, finding.location.column) == ("Steps", 3, "step")
    assert finding.message == "Step 'a/S2' cannot be reached from the first step 'S1' of its scenario."
    assert finding.hint == "Add 'S2' to the next steps of the step that should lead to it, or delete the step."


def test_branches_that_merge_and_default_next_rows_are_reachable():
    m = build_map(scenarios=[scn("a"), scn("b")], steps=[
        step("a", "S1", next="S2, S3"), step("a", "S2", next="S3"), step("a", "S3", next="end"),
        # b/S2 has no next of its own: it leads to the next row, b/S3
        step("b", "S1", next="S2"), step("b", "S2"), step("b", "S3", next="стоп"),
    ])
    assert run_rule(UnreachableStep, m) == []


def test_a_chain_without_any_next_column_is_all_reachable():
    m = build_map(scenarios=[scn("a")], steps=[step("a", "S1"), step("a", "S2"), step("a", "S3")])
    assert run_rule(UnreachableStep, m) == []


def test_a_first_step_that_ends_the_chain_leaves_the_rest_unreachable():
    m = build_map(scenarios=[scn("a")], steps=[step("a", "S1", next="end"), step("a", "S2"), step("a", "S3")])
    assert codes_by_entity(run_rule(UnreachableStep, m)) == {("FLOW005", "a/S2"), ("FLOW005", "a/S3")}


def test_a_loop_off_the_main_path_and_a_misspelt_next_are_unreachable():
    m = build_map(scenarios=[scn("a"), scn("b")], steps=[
        step("a", "S1", next="end"), step("a", "S2", next="S3"), step("a", "S3", next="S2"),
        step("b", "S1", next="S2x"), step("b", "S2", next="end"),
    ])
    assert codes_by_entity(run_rule(UnreachableStep, m)) == {
        ("FLOW005", "a/S2"), ("FLOW005", "a/S3"), ("FLOW005", "b/S2")}


def test_the_same_step_id_in_another_scenario_does_not_make_a_step_reachable():
    m = build_map(scenarios=[scn("a"), scn("b")], steps=[
        step("a", "S1", next="S3"), step("a", "S2", next="end"), step("a", "S3", next="end"),
        step("b", "S1", next="S2"), step("b", "S2", next="end"),
    ])
    assert codes_by_entity(run_rule(UnreachableStep, m)) == {("FLOW005", "a/S2")}


def test_russian_message():
    m = build_map(scenarios=[scn("a")], steps=[step("a", "S1", next="end"), step("a", "S2")])
    (finding,) = run_rule(UnreachableStep, m, lang="ru")
    assert finding.message == "До шага «a/S2» нельзя дойти от первого шага сценария «S1»."
