"""COV002–COV004 and FLOW002–FLOW005."""
from rules.cov002_stage_without_scenario import StageWithoutScenario
from rules.cov003_excluded_segment_targeted import ExcludedSegmentTargeted
from rules.cov004_unused_channel import UnusedChannel
from rules.flow002_unreachable_stage import UnreachableStage
from rules.flow003_endless_loop import EndlessLoop
from rules.flow004_no_stop_on_goal import NoStopOnGoal
from rules.flow005_unreachable_step import UnreachableStep
from tests.builders import build_map, codes_by_entity, run_rule, scn, step

STAGES = [{"id": "need", "order": 1, "next": "buy"}, {"id": "buy", "order": 2, "next": "loyal"},
          {"id": "loyal", "order": 3, "final": "yes"}]


def test_stage_served_only_by_paused_scenario_is_reported():
    m = build_map(stages=STAGES, scenarios=[scn("a", stage="need"), scn("b", stage="BUY", status="planned"),
                                            scn("c", stage="loyal", status="paused")],
                  steps=[step("a", "S1"), step("b", "S1"), step("c", "S1")])
    assert codes_by_entity(run_rule(StageWithoutScenario, m)) == {("COV002", "loyal")}


def test_promo_through_parent_reaches_excluded_child_but_service_and_star_do_not():
    segments = [{"id": "all"}, {"id": "stop", "parent": "all", "excluded": "yes"}, {"id": "vip"}]
    m = build_map(segments=segments, scenarios=[
        scn("sale", segments="all", type="regular", schedule="weekly"),
        scn("digest", segments="*", type="regular", schedule="weekly"),
        scn("order", segments="all", type="service"),
        scn("direct", segments="stop, vip"),
        scn("old", segments="stop", status="off"),
    ], steps=[
        step("sale", "S1", message_type="promo"), step("sale", "S2", message_type="service"),
        step("digest", "S1", message_type="news"),
        step("order", "S1", message_type="transactional"),
        step("direct", "S1", message_type="контентное"),
        step("old", "S1", message_type="promo"),
    ])
    findings = run_rule(ExcludedSegmentTargeted, m)
    assert codes_by_entity(findings) == {("COV003", "sale/S1"), ("COV003", "direct/S1")}
    assert "'stop'" in findings[0].message


def test_unused_channel_only_for_declared_channels():
    m = build_map(channels=[{"id": "email"}, {"id": "push"}, {"id": "viber"}], scenarios=[scn("a")],
                  steps=[step("a", "S1", "Email"), step("a", "S2", "PUSH")])
    assert codes_by_entity(run_rule(UnusedChannel, m)) == {("COV004", "viber")}
    derived = build_map(scenarios=[scn("a")], steps=[step("a", "S1", "email")])
    assert run_rule(UnusedChannel, derived) == []


def test_unreachable_stage_from_the_lowest_order():
    stages = [{"id": "buy", "order": 2, "next": "loyal"}, {"id": "need", "order": 1, "next": "buy"},
              {"id": "loyal", "order": 3, "final": "yes"}, {"id": "winback", "order": 4, "next": "buy"}]
    m = build_map(stages=stages, scenarios=[scn("a")], steps=[step("a", "S1")])
    findings = run_rule(UnreachableStage, m)
    assert codes_by_entity(findings) == {("FLOW002", "winback")}
    assert "'need'" in findings[0].message


def test_loop_without_stop_is_reported_once_with_stop_or_limit_is_not():
    loop = [step("a", "S1", next="S2"), step("a", "S2", next="S3"), step("a", "S3", next="S2")]
    m = build_map(scenarios=[scn("a")], steps=loop)
    findings = run_rule(EndlessLoop, m)
    assert codes_by_entity(findings) == {("FLOW003", "a/S2")}
    assert "S2 → S3" in findings[0].message
    with_stop = build_map(scenarios=[scn("a", stop_event="order_paid")], steps=loop)
    assert run_rule(EndlessLoop, with_stop) == []
    # a reaction condition does not end the loop (SPEC FLOW003): who never opens S2 stays in it
    conditioned = [step("a", "S1", next="S2"), step("a", "S2", next="S3"),
                   step("a", "S3", next="S2", condition="not opened S2")]
    assert codes_by_entity(run_rule(EndlessLoop, build_map(scenarios=[scn("a")], steps=conditioned))) == {
        ("FLOW003", "a/S2")}
    limited = [step("a", "S1", next="S2"), step("a", "S2", next="S3", message="Напоминание, до 3 раз"),
               step("a", "S3", next="S2", condition="not opened S2")]
    assert run_rule(EndlessLoop, build_map(scenarios=[scn("a")], steps=limited)) == []


def test_self_loop_is_a_loop():
    m = build_map(scenarios=[scn("a")], steps=[step("a", "S1", next="S1")])
    assert codes_by_entity(run_rule(EndlessLoop, m)) == {("FLOW003", "a/S1")}


def test_goal_event_not_among_stop_events():
    m = build_map(scenarios=[
        scn("a", goal_event="order_paid", stop_event="refund"),
        scn("b", goal_event="order_paid", stop_event="ORDER_PAID"),
        scn("c", goal_event="order_paid"),  # one step: nothing left to send
    ], steps=[step("a", "S1"), step("a", "S2"), step("b", "S1"), step("b", "S2"), step("c", "S1")])
    assert codes_by_entity(run_rule(NoStopOnGoal, m)) == {("FLOW004", "a")}


def test_unreachable_step_needs_explicit_next():
    m = build_map(scenarios=[scn("a"), scn("b")], steps=[
        step("a", "S1", next="S3"), step("a", "S2"), step("a", "S3", next="end"),
        step("b", "S1"), step("b", "S2"),
    ])
    # a/S2 is skipped by S1's next; its own default next (S3) does not make it reachable
    assert codes_by_entity(run_rule(UnreachableStep, m)) == {("FLOW005", "a/S2")}
