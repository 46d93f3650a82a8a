"""COV001 segment-without-scenario and FLOW001 dead-end-stage."""
from rules.cov001_segment_without_scenario import SegmentWithoutScenario
from rules.flow001_dead_end_stage import DeadEndStage
from tests.builders import build_map, codes_by_entity, run_rule, scn, step


def test_segment_reached_only_by_paused_scenario_is_reported():
    m = build_map(segments=[{"id": "vip"}, {"id": "new"}],
                  scenarios=[scn("welcome", segments="new"), scn("vipcall", segments="vip", status="paused")],
                  steps=[step("welcome", "S1"), step("vipcall", "S1", "call")])
    assert codes_by_entity(run_rule(SegmentWithoutScenario, m)) == {("COV001", "vip")}


def test_child_covered_through_its_parent_is_not_reported():
    m = build_map(segments=[{"id": "active"}, {"id": "gamers", "parent": "active"}],
                  scenarios=[scn("digest", segments="active", status="planned")],
                  steps=[step("digest", "S1")])
    assert run_rule(SegmentWithoutScenario, m) == []


def test_star_scenario_does_not_count_and_excluded_segment_is_not_reported():
    m = build_map(segments=[{"id": "sleeping"}, {"id": "stop", "excluded": "yes"}],
                  scenarios=[scn("digest", segments="*")], steps=[step("digest", "S1")])
    assert codes_by_entity(run_rule(SegmentWithoutScenario, m)) == {("COV001", "sleeping")}


def test_parent_cycle_does_not_hang():
    m = build_map(segments=[{"id": "a", "parent": "b"}, {"id": "b", "parent": "a"}],
                  scenarios=[scn("x", segments="c")], steps=[step("x", "S1")])
    assert codes_by_entity(run_rule(SegmentWithoutScenario, m)) == {("COV001", "a"), ("COV001", "b")}


def test_dead_end_stage_but_final_stage_is_not():
    m = build_map(stages=[
        {"id": "need", "next": "choice"}, {"id": "choice", "next": "purchase"},
        {"id": "purchase"}, {"id": "loyalty", "final": "yes"},
    ], scenarios=[scn("a")], steps=[step("a", "S1")])
    findings = run_rule(DeadEndStage, m)
    assert codes_by_entity(findings) == {("FLOW001", "purchase")}
    assert findings[0].location.column == "next"


def test_without_any_final_stage_the_last_by_order_is_final():
    m = build_map(stages=[
        {"id": "loyalty", "order": 5}, {"id": "need", "order": 1, "next": "purchase"},
        {"id": "purchase", "order": 2}, {"id": "experience", "order": 3, "next": "loyalty"},
    ], scenarios=[scn("a")], steps=[step("a", "S1")])
    assert codes_by_entity(run_rule(DeadEndStage, m)) == {("FLOW001", "purchase")}


def test_loop_journey_has_no_dead_end():
    m = build_map(stages=[
        {"id": "evaluation", "next": "purchase"}, {"id": "purchase", "next": "experience"},
        {"id": "experience", "next": "loyalty; evaluation"}, {"id": "loyalty", "next": "purchase"},
    ], scenarios=[scn("a")], steps=[step("a", "S1")])
    assert run_rule(DeadEndStage, m) == []


def test_a_mailing_to_the_root_of_every_segment_covers_none_of_them():
    # «Все клиенты ФЛ» sits above every other segment: a tariff notice to it is a catch-all, like `*`
    segments = [{"id": "all", "name": "Все клиенты ФЛ"}, {"id": "salary", "parent": "all"},
                {"id": "mortgage", "parent": "all"}, {"id": "selfemployed", "parent": "all"}]
    m = build_map(segments=segments,
                  scenarios=[scn("tariffs", segments="all"), scn("pay", segments="salary"),
                             scn("home", segments="mortgage")],
                  steps=[step("tariffs", "S1"), step("pay", "S1"), step("home", "S1")])
    assert codes_by_entity(run_rule(SegmentWithoutScenario, m)) == {("COV001", "selfemployed")}


def test_a_parent_that_is_not_the_root_of_everything_still_covers_its_children():
    # look-alike: «Премиум» holds two of four segments; a scenario for it is written for them
    segments = [{"id": "premium"}, {"id": "private", "parent": "premium"}, {"id": "gold", "parent": "premium"},
                {"id": "new"}]
    m = build_map(segments=segments, scenarios=[scn("club", segments="premium"), scn("welcome", segments="new")],
                  steps=[step("club", "S1"), step("welcome", "S1")])
    assert run_rule(SegmentWithoutScenario, m) == []
