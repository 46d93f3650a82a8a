"""FLOW004 no-stop-on-goal."""
from rules.flow004_no_stop_on_goal import NoStopOnGoal
from tests.builders import build_map, codes_by_entity, run_rule, scn, step

TWO_STEPS = [step("a", "S1"), step("a", "S2", "push")]


def test_goal_event_missing_from_the_stop_events_is_reported():
    m = build_map(scenarios=[scn("a", name="Брошенная корзина", goal_event="order_paid", stop_event="cart_emptied")],
                  steps=TWO_STEPS)
    findings = run_rule(NoStopOnGoal, m)
    assert codes_by_entity(findings) == {("FLOW004", "a")}
    (finding,) = findings
    assert finding.entity.kind == "scenario"
    assert (finding.location.sheet, finding.location.row, finding.location.column) == ("Scenarios", 2, "stop_event")
    assert finding.message == ("Scenario 'Брошенная корзина (a)' aims at 'order_paid' but does not stop on it: "
                               "a customer who converted still gets the remaining steps.")
    assert finding.hint == "Add 'order_paid' to the stop events of 'Брошенная корзина (a)'."


def test_goal_among_the_stop_events_in_another_case_is_not_reported():
    m = build_map(scenarios=[scn("a", goal_event="order_paid", stop_event="cart_emptied; ORDER_PAID ")],
                  steps=TWO_STEPS)
    assert run_rule(NoStopOnGoal, m) == []


def test_one_step_scenario_and_scenario_without_goal_event_are_not_reported():
    m = build_map(scenarios=[scn("one", goal_event="order_paid"), scn("nogoal", goal="more orders")],
                  steps=[step("one", "S1"), step("nogoal", "S1"), step("nogoal", "S2")])
    assert run_rule(NoStopOnGoal, m) == []


def test_steps_are_counted_per_scenario_and_every_status_is_checked():
    m = build_map(scenarios=[scn("one", goal_event="order_paid"), scn("b", goal_event="webinar_joined",
                                                                      status="paused")],
                  steps=[step("one", "S1"), step("b", "S1"), step("b", "S2"), step("b", "S3")])
    assert codes_by_entity(run_rule(NoStopOnGoal, m)) == {("FLOW004", "b")}


def test_without_a_stop_event_column_the_finding_points_at_the_goal_event():
    (finding,) = run_rule(NoStopOnGoal, build_map(scenarios=[scn("a", goal_event="order_paid")], steps=TWO_STEPS))
    assert finding.location.column == "goal_event"


def test_russian_message():
    m = build_map(scenarios=[scn("a", goal_event="order_paid")], steps=TWO_STEPS)
    (finding,) = run_rule(NoStopOnGoal, m, lang="ru")
    assert finding.message == ("Цель сценария «a» — «order_paid», но он на ней не останавливается: клиент, который "
                               "уже выполнил цель, получит оставшиеся шаги.")
