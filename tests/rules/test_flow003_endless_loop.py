"""FLOW003 endless-loop."""
from rules.flow003_endless_loop import EndlessLoop
from tests.builders import build_map, codes_by_entity, run_rule, scn, step

RING = [step("a", "S1", next="S2"), step("a", "S2", "push", next="S1")]


def test_ring_without_a_stop_is_reported_once_at_its_first_row():
    findings = run_rule(EndlessLoop, build_map(scenarios=[scn("a", name="Промокод")], steps=RING))
    assert codes_by_entity(findings) == {("FLOW003", "a/S1")}
    (finding,) = findings
    assert (finding.location.sheet, finding.location.row, finding.location.column) == ("Steps", 2, "next")
    assert finding.message == ("Steps S1 → S2 → S1 of scenario 'Промокод (a)' repeat in a loop that no stop event "
                               "or condition ends.")


def test_a_stop_event_ends_the_loop():
    assert run_rule(EndlessLoop, build_map(scenarios=[scn("a", stop_event="code_expired")], steps=RING)) == []


def test_a_goal_event_alone_does_not_end_the_loop():
    m = build_map(scenarios=[scn("a", goal_event="order_paid")], steps=RING)
    assert codes_by_entity(run_rule(EndlessLoop, m)) == {("FLOW003", "a/S1")}


def test_a_condition_inside_the_cycle_ends_it_one_outside_does_not():
    inside = [step("a", "S1", next="S2"), step("a", "S2", next="S1", condition="not opened S1")]
    assert run_rule(EndlessLoop, build_map(scenarios=[scn("a")], steps=inside)) == []
    free_text = [step("a", "S1", next="S2"), step("a", "S2", next="S1", condition="пока не купит")]
    assert run_rule(EndlessLoop, build_map(scenarios=[scn("a")], steps=free_text)) == []
    # S2's condition sits on the way into the loop S3 ⇄ S4, not on the loop itself
    outside = [step("a", "S1"), step("a", "S2", condition="not opened S1"), step("a", "S3", next="S4"),
               step("a", "S4", next="S3")]
    assert codes_by_entity(run_rule(EndlessLoop, build_map(scenarios=[scn("a")], steps=outside))) == {
        ("FLOW003", "a/S3")}


def test_the_ring_is_walked_in_link_order_from_its_first_row():
    steps = [step("a", "S1", next="S3"), step("a", "S2", next="S1"), step("a", "S3", next="S2")]
    (finding,) = run_rule(EndlessLoop, build_map(scenarios=[scn("a")], steps=steps))
    assert finding.entity.id == "a/S1"
    assert "Steps S1 → S3 → S2 → S1 of" in finding.message


def test_a_tangle_that_is_not_one_ring_is_listed_in_row_order():
    steps = [step("a", "S1", next="S2"), step("a", "S2", next="S1, S3"), step("a", "S3", next="S1")]
    (finding,) = run_rule(EndlessLoop, build_map(scenarios=[scn("a")], steps=steps))
    assert finding.entity.id == "a/S1"
    assert "Steps S1, S2, S3 of" in finding.message


def test_a_step_leading_to_itself_is_a_loop():
    m = build_map(scenarios=[scn("a")], steps=[step("a", "S0"), step("a", "S1", next="S1")])
    (finding,) = run_rule(EndlessLoop, m)
    assert finding.entity.id == "a/S1"
    assert "Steps S1 → S1 of" in finding.message


def test_two_separate_loops_are_two_findings_and_paused_scenarios_are_checked():
    steps = [step("a", "S1", next="S2"), step("a", "S2", next="S1, S3"), step("a", "S3", next="S4"),
             step("a", "S4", next="S3"), step("b", "S1", next="S1")]
    m = build_map(scenarios=[scn("a"), scn("b", status="paused")], steps=steps)
    assert codes_by_entity(run_rule(EndlessLoop, m)) == {("FLOW003", "a/S1"), ("FLOW003", "a/S3"),
                                                         ("FLOW003", "b/S1")}


def test_chains_and_branches_without_a_cycle_are_not_loops():
    chain = [step("a", "S1"), step("a", "S2"), step("a", "S3")]
    branches = [step("b", "S1", next="S2, S3"), step("b", "S2", next="S3"), step("b", "S3", next="end")]
    m = build_map(scenarios=[scn("a"), scn("b")], steps=chain + branches)
    assert run_rule(EndlessLoop, m) == []


def test_steps_with_the_same_ids_in_other_scenarios_do_not_join_a_loop():
    steps = [step("a", "S1", next="S2"), step("a", "S2", next="end"), step("b", "S2", next="S1"), step("b", "S1")]
    assert run_rule(EndlessLoop, build_map(scenarios=[scn("a"), scn("b")], steps=steps)) == []


def test_russian_message():
    (finding,) = run_rule(EndlessLoop, build_map(scenarios=[scn("a")], steps=RING), lang="ru")
    assert finding.message == ("Шаги S1 → S2 → S1 сценария «a» повторяются по кругу, и ни стоп-событие, ни условие "
                               "цикл не прерывают.")
