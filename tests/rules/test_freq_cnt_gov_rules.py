"""FREQ001–FREQ002, CNT001–CNT004, GOV001–GOV003."""
from datetime import date

import pytest

from audit.dates import add_months, is_stale
from audit.pressure import schedule_per_week
from rules.cnt001_missing_goal import MissingGoal
from rules.cnt002_promo_overload import PromoOverload
from rules.cnt003_missing_kpi import MissingKpi
from rules.cnt004_missing_message import MissingMessage
from rules.freq001_contact_pressure import ContactPressure
from rules.freq002_duplicate_trigger import DuplicateTrigger
from rules.gov001_stale_map import StaleMap
from rules.gov002_stale_scenario import StaleScenario
from rules.gov003_missing_owner import MissingOwner
from tests.builders import build_map, codes_by_entity, run_rule, scn, step

CHANNELS = [{"id": "email", "kind": "email"}, {"id": "sms", "kind": "sms"}, {"id": "push", "kind": "push"}]


@pytest.mark.parametrize("text, rate", [
    ("weekly", 1), ("2/week", 2), ("2 раза в неделю", 2), ("ежедневно", 7), ("monthly", 12 / 52),
    ("раз в месяц", 12 / 52), ("biweekly", 0.5), ("3 per month", 36 / 52), ("whenever", None), ("", None),
])
def test_schedules(text, rate):
    assert schedule_per_week(text) == (pytest.approx(rate) if rate is not None else None)


def test_pressure_adds_parents_star_and_triggers_per_channel():
    # child "gamers" gets: digest 2/week × 1 email + parent's promo weekly × 2 email + trigger 1 × 1 email = 5 > 3
    m = build_map(segments=[{"id": "active"}, {"id": "gamers", "parent": "active"}, {"id": "stop", "excluded": "y"}],
                  channels=CHANNELS, scenarios=[
                      scn("digest", segments="*", type="regular", schedule="2/week"),
                      scn("promo", segments="active", type="regular", schedule="weekly"),
                      scn("game", segments="gamers"),
                  ], steps=[step("digest", "S1"), step("promo", "S1"), step("promo", "S2", condition="not opened S1"),
                            step("game", "S1")])
    findings = run_rule(ContactPressure, m)
    assert codes_by_entity(findings) == {("FREQ001", "active"), ("FREQ001", "gamers")}
    gamers = next(f for f in findings if f.entity.id == "gamers")
    assert "5 email" in gamers.message and "cap 3" in gamers.message
    assert "'digest' 2/week × 1 step" in gamers.message and "'promo' 1/week × 2 steps" in gamers.message
    # active: 2 + 2 = 4 > 3; the stop list gets nothing
    assert "4 email" in next(f for f in findings if f.entity.id == "active").message


def test_pressure_options_and_total_cap():
    m = build_map(segments=[{"id": "a"}], channels=CHANNELS, scenarios=[scn("x", segments="a")],
                  steps=[step("x", f"S{i}", "push") for i in range(1, 5)])
    assert run_rule(ContactPressure, m) == []  # 4 push ≤ 5
    found = run_rule(ContactPressure, m, options={"trigger_firings_per_week": 3, "caps": {"total": 20}})
    assert [f.message.split(" contacts")[0] for f in found] == ["Segment 'a' may get 12 push"]


def test_step_loop_is_unbounded_pressure():
    m = build_map(segments=[{"id": "a"}], channels=CHANNELS, scenarios=[scn("x", segments="a")],
                  steps=[step("x", "S1", "sms", next="S1")])
    (message,) = [f.message for f in run_rule(ContactPressure, m)]  # one finding per segment
    assert message.count("unbounded number of") == 2 and "sms contacts" in message and "all channels" in message


def test_unreadable_schedule_is_assumed_weekly_and_said_so():
    m = build_map(segments=[{"id": "a"}], channels=CHANNELS,
                  scenarios=[scn("x", segments="a", type="regular", schedule="when needed")],
                  steps=[step("x", f"S{i}", "sms") for i in range(1, 4)])
    (finding,) = run_rule(ContactPressure, m)
    assert "3 sms" in finding.message and "not understood, assumed 1/week" in finding.message


def test_duplicate_trigger_for_overlapping_segments_only():
    m = build_map(segments=[{"id": "new"}, {"id": "vip"}, {"id": "kids", "parent": "new"}], scenarios=[
        scn("w1", segments="new", trigger="signup"), scn("w2", segments="vip", trigger="signup"),
        scn("w3", segments="kids", trigger="SIGNUP"), scn("w4", segments="new", trigger="signup", status="planned"),
    ], steps=[step(s, "S1") for s in ("w1", "w2", "w3", "w4")])
    findings = run_rule(DuplicateTrigger, m)
    assert codes_by_entity(findings) == {("FREQ002", "w3")}
    assert "'w1'" in findings[0].message and "'kids'" in findings[0].message


def test_missing_goal_unless_every_step_has_one():
    m = build_map(scenarios=[scn("a"), scn("b"), scn("c", goal="Second purchase")],
                  steps=[step("a", "S1"), step("b", "S1", goal="Open"), step("b", "S2", goal="Click"),
                         step("c", "S1")])
    assert codes_by_entity(run_rule(MissingGoal, m)) == {("CNT001", "a")}


def test_promo_share_per_segment_counts_typed_steps_only():
    m = build_map(segments=[{"id": "a"}, {"id": "b"}], scenarios=[
        scn("sale", segments="a"), scn("guide", segments="b"), scn("all", segments="*"),
    ], steps=[step("sale", "S1", message_type="promo"), step("sale", "S2", message_type="promo"),
              step("sale", "S3"), step("all", "S1", message_type="content"),
              step("guide", "S1", message_type="content"), step("guide", "S2", message_type="promo")])
    findings = run_rule(PromoOverload, m)
    # a: 2 promo of 3 typed = 67 % > 60 %; b: 1 of 3 = 33 %
    assert codes_by_entity(findings) == {("CNT002", "a")}
    assert "67%" in findings[0].message
    assert run_rule(PromoOverload, m, options={"max_promo_share": 0.7}) == []


def test_missing_kpi_message_owner():
    m = build_map(scenarios=[scn("a", kpi="CR", owner="Anna"), scn("b"), scn("c", status="planned", kpi="x")],
                  steps=[step("a", "S1", message="Hi"), step("b", "S1"), step("c", "S1", message="Hi")])
    assert codes_by_entity(run_rule(MissingKpi, m)) == {("CNT003", "b")}
    assert codes_by_entity(run_rule(MissingMessage, m)) == {("CNT004", "b/S1")}
    assert codes_by_entity(run_rule(MissingOwner, m)) == {("GOV003", "b")}  # c is planned, not active


def test_calendar_months():
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert not is_stale(date(2026, 5, 23), date(2026, 11, 23), 6)
    assert is_stale(date(2026, 5, 22), date(2026, 11, 23), 6)


def test_stale_map_exactly_six_months_is_not_stale_and_missing_date_is_reported():
    def meta_map(meta):
        return build_map(meta=meta, scenarios=[scn("a")], steps=[step("a", "S1")])

    assert run_rule(StaleMap, meta_map({"name": "Shop", "last_reviewed": date(2026, 5, 23)})) == []
    stale = run_rule(StaleMap, meta_map({"name": "Shop", "last_reviewed": date(2026, 5, 22)}))
    assert codes_by_entity(stale) == {("GOV001", "Shop")} and "2026-05-22" in stale[0].message
    never = run_rule(StaleMap, meta_map({"name": "Shop"}), lang="ru")
    assert codes_by_entity(never) == {("GOV001", "Shop")} and "не записана" in never[0].message
    assert run_rule(StaleMap, meta_map({"last_reviewed": date(2026, 1, 1)}), options={"max_age_months": 12}) == []


def test_stale_scenario_only_with_a_date():
    m = build_map(scenarios=[scn("old", last_reviewed="01.03.2026"), scn("fresh", last_reviewed="2026-10-01"),
                             scn("undated")], steps=[step(s, "S1") for s in ("old", "fresh", "undated")])
    assert codes_by_entity(run_rule(StaleScenario, m)) == {("GOV002", "old")}


def test_gov002_is_in_the_recommended_preset():
    from tests.builders import audit
    m = build_map(scenarios=[scn("a", last_reviewed="2025-12-01")], steps=[step("a", "S1")])
    assert ("GOV002", "a") in codes_by_entity(audit(m))
    assert ("GOV002", "a") not in codes_by_entity(audit(m, ignore=["GOV002"]))


def test_a_goal_event_alone_is_no_goal():
    from rules.cnt001_missing_goal import MissingGoal

    m = build_map(scenarios=[scn("card", goal_event="order_paid"), scn("welcome", goal="First order in 14 days")],
                  steps=[step("card", "S1"), step("welcome", "S1")])
    assert codes_by_entity(run_rule(MissingGoal, m)) == {("CNT001", "card")}


def test_promo_share_needs_a_few_steps_to_mean_anything():
    """One or two promo mailings out of as many say nothing about overload; three of three do."""

    def audit(count: int):
        m = build_map(segments=[{"id": "lapsed"}], scenarios=[scn("winback", segments="lapsed")],
                      steps=[step("winback", f"S{i}", message_type="promo") for i in range(1, count + 1)])
        return run_rule(PromoOverload, m)
    assert audit(2) == []
    assert [f.entity.id for f in audit(3)] == ["lapsed"]
    assert run_rule(PromoOverload, build_map(segments=[{"id": "lapsed"}], scenarios=[scn("w", segments="lapsed")],
                                             steps=[step("w", "S1", message_type="promo")]),
                    options={"min_steps": 1}) != []


def test_a_daily_promo_is_judged_though_it_is_one_step():
    m = build_map(segments=[{"id": "wa"}],
                  scenarios=[{"id": "deal", "type": "regular", "schedule": "каждый день 12:00", "segments": "wa"}],
                  steps=[step("deal", "S1", message_type="promo")])
    assert [f.entity.id for f in run_rule(PromoOverload, m)] == ["wa"]
