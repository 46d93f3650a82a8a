"""FREQ001 contact-pressure, and the numbers behind it (audit/pressure.py, audit/reach.py)."""
import math
import random

import pytest
from pydantic import ValidationError

from audit.graph import MapGraph
from audit.pressure import contact_pressure, scenario_contacts, schedule_per_week
from rules.freq001_contact_pressure import ContactPressure
from tests.builders import build_map, codes_by_entity, run_rule, scn, step

CHANNELS = [{"id": "email", "kind": "email"}, {"id": "sms", "kind": "sms"}, {"id": "push", "kind": "push"},
            {"id": "site", "kind": "web"}]


@pytest.mark.parametrize("text, rate", [
    ("weekly", 1), ("Weekly (Fri 10:00)", 1), ("2/week", 2), ("2x/week", 2), ("2 per week", 2), ("daily", 7),
    ("every day", 7), ("monthly", 12 / 52), ("1/month", 12 / 52), ("twice a month", 24 / 52), ("3 per month", 36 / 52),
    ("biweekly", 0.5), ("bi-weekly", 0.5), ("every 2 weeks", 0.5), ("every other week", 0.5), ("once a week", 1),
    ("quarterly", 4 / 52), ("every Monday and Thursday", 2), ("weekdays", 5),
    ("еженедельно", 1), ("еженедельно по пятницам", 1), ("2 раза в неделю", 2), ("1 раз в неделю", 1),
    ("ежедневно", 7), ("каждый день", 7), ("ежемесячно", 12 / 52), ("раз в месяц", 12 / 52), ("2 раза в месяц", 24 / 52),
    ("раз в две недели", 0.5), ("раз в 2 недели", 0.5), ("каждые 3 дня", 7 / 3), ("раз в год", 1 / 52),
    ("по будням", 5), ("пн, чт", 2), ("1,5/week", 1.5),
    ("whenever", None), ("по ситуации", None), ("", None), (None, None),
])
def test_schedule_per_week(text, rate):
    assert schedule_per_week(text) == (pytest.approx(rate) if rate is not None else None)


def test_child_gets_parent_and_star_scenarios_and_the_message_says_how():
    # active: digest 2/week × 1 email + promo 1/week × 2 email = 4 > 3
    # gamers: the same 4 + game 1 firing × 1 email = 5 > 3; the stop list is not reported
    m = build_map(segments=[{"id": "active"}, {"id": "gamers", "parent": "active"}, {"id": "stop", "excluded": "y"}],
                  channels=CHANNELS, scenarios=[
                      scn("digest", segments="*", type="regular", schedule="2/week"),
                      scn("promo", segments="active, stop", type="regular", schedule="weekly"),
                      scn("game", segments="gamers"),
                  ], steps=[step("digest", "S1"), step("promo", "S1"), step("promo", "S2", condition="not opened S1"),
                            step("game", "S1")])
    findings = run_rule(ContactPressure, m)
    assert [(f.entity.kind, f.entity.id, f.location.sheet, f.location.row, f.location.column) for f in findings] == [
        ("segment", "active", "Segments", 2, "id"), ("segment", "gamers", "Segments", 3, "id")]
    assert findings[0].message == ("Segment 'active' may get 4 email contacts per customer per week (cap 3): "
                                   "'digest' 2/week × 1 step + 'promo' 1/week × 2 steps.")
    assert findings[1].message == ("Segment 'gamers' may get 5 email contacts per customer per week (cap 3): "
                                   "'digest' 2/week × 1 step + 'promo' 1/week × 2 steps + 'game' 1 firing/week × 1 step.")


def test_a_look_alike_at_the_cap_is_not_reported():
    # 3 email a week is exactly the cap: weekly digest + a trigger with 2 email steps
    m = build_map(segments=[{"id": "a"}], channels=CHANNELS, scenarios=[
        scn("digest", segments="a", type="regular", schedule="еженедельно"), scn("cart", segments="a"),
    ], steps=[step("digest", "S1"), step("cart", "S1"), step("cart", "S2"), step("cart", "S3", "push")])
    assert run_rule(ContactPressure, m) == []


def test_only_live_scenarios_count_and_service_scenarios_do():
    m = build_map(segments=[{"id": "a"}], channels=CHANNELS, scenarios=[
        scn("order", segments="a", type="service", trigger="order_paid"),
        scn("paused", segments="a", status="paused"), scn("off", segments="a", status="off"),
        scn("planned", segments="a", status="planned"),
    ], steps=[step("order", "S1", "sms"), step("order", "S2", "sms"), step("paused", "S1", "sms"),
              step("off", "S1", "sms"), step("planned", "S1", "sms")])
    (finding,) = run_rule(ContactPressure, m)
    assert finding.message == ("Segment 'a' may get 3 sms contacts per customer per week (cap 2): "
                               "'order' 1 firing/week × 2 steps + 'planned' 1 firing/week × 1 step.")


def test_total_cap_counts_every_channel():
    # 2 email + 2 sms + 5 push + 2 web = 11 > 10, no channel over its own cap (web has none)
    m = build_map(segments=[{"id": "a"}], channels=CHANNELS, scenarios=[scn("x", segments="a")],
                  steps=[step("x", "E1"), step("x", "E2"), step("x", "S1", "sms"), step("x", "S2", "sms"),
                         *[step("x", f"P{i}", "push") for i in range(5)], step("x", "W1", "site"),
                         step("x", "W2", "site")])
    (finding,) = run_rule(ContactPressure, m)
    assert finding.message == ("Segment 'a' may get 11 contacts across all channels per customer per week (cap 10): "
                               "'x' 1 firing/week × 11 steps.")


def test_more_contributors_than_shown_are_summed_up():
    m = build_map(segments=[{"id": "a"}], channels=CHANNELS,
                  scenarios=[scn(f"x{i}", segments="a") for i in range(1, 6)],
                  steps=[step(f"x{i}", "S1", "sms") for i in range(1, 6)])
    (finding,) = run_rule(ContactPressure, m)
    assert finding.message == ("Segment 'a' may get 5 sms contacts per customer per week (cap 2): "
                               "'x1' 1 firing/week × 1 step + 'x2' 1 firing/week × 1 step + "
                               "'x3' 1 firing/week × 1 step + 2 more scenarios (2 contacts).")


def test_monthly_is_12_of_52():
    # 3 triggers × 1 email + a monthly digest = 3 + 12/52 = 3.23 (the RU sample's "new" segment)
    m = build_map(segments=[{"id": "new"}], channels=CHANNELS, scenarios=[
        scn("cart", segments="*"), scn("browse", segments="new"), scn("welcome", segments="new"),
        scn("digest", segments="*", type="regular", schedule="раз в месяц"),
    ], steps=[step(s, "S1") for s in ("cart", "browse", "welcome", "digest")])
    (finding,) = run_rule(ContactPressure, m)
    assert finding.message.startswith("Segment 'new' may get 3.23 email contacts")
    assert finding.message.endswith("+ 1 more scenario (0.23 contacts).")


def test_a_loop_is_unbounded_but_only_for_the_looping_steps():
    # S1 email once, then S2 sms ↔ S3 sms forever: sms and total unbounded, email 1 is fine
    m = build_map(segments=[{"id": "a"}], channels=CHANNELS, scenarios=[scn("x", segments="a")],
                  steps=[step("x", "S1", next="S2"), step("x", "S2", "sms", next="S3"),
                         step("x", "S3", "sms", next="S2")])
    findings = run_rule(ContactPressure, m)
    # one finding for the segment: the sms over its cap, then the total
    assert [f.message for f in findings] == [
        "Segment 'a' may get an unbounded number of sms contacts per customer per week (cap 2): "
        "'x' loops among its steps (unbounded). "
        "Segment 'a' may get an unbounded number of contacts across all channels per customer per week (cap 10): "
        "'x' loops among its steps (unbounded).",
    ]


def test_unreadable_or_missing_schedule_is_assumed_weekly_and_said_so():
    m = build_map(segments=[{"id": "a"}], channels=CHANNELS, scenarios=[
        scn("x", segments="a", type="regular", schedule="when needed"), scn("y", segments="a", type="regular"),
    ], steps=[step("x", "S1", "sms"), step("x", "S2", "sms"), step("y", "S1", "sms")])
    (finding,) = run_rule(ContactPressure, m)
    assert finding.message == (
        "Segment 'a' may get 3 sms contacts per customer per week (cap 2): "
        "'x' (schedule 'when needed' not understood, assumed 1/week) × 2 steps + "
        "'y' (no schedule, assumed 1/week) × 1 step.")


def test_options_firings_and_caps():
    m = build_map(segments=[{"id": "a"}], channels=CHANNELS, scenarios=[scn("x", segments="a")],
                  steps=[step("x", f"S{i}", "push") for i in range(1, 5)] + [step("x", "W1", "site")])
    assert run_rule(ContactPressure, m) == []  # 4 push ≤ 5, total 5 ≤ 10, web has no cap
    found = run_rule(ContactPressure, m, options={"trigger_firings_per_week": 3, "caps": {"total": 20}})
    assert [f.message.split(" per customer")[0] for f in found] == ["Segment 'a' may get 12 push contacts"]
    assert run_rule(ContactPressure, m, options={"trigger_firings_per_week": 3, "caps": {"Push": 12, "total": 15}}) == []
    web = run_rule(ContactPressure, m, options={"caps": {"web": 0.5}})
    assert [f.message.split(" per customer")[0] for f in web] == ["Segment 'a' may get 1 web contact"]


def test_caps_must_name_channel_kinds():
    assert ContactPressure.Options(caps={"email": 2}).caps == {
        "email": 2, "sms": 2, "push": 5, "messenger": 3, "call": 1, "total": 10}
    with pytest.raises(ValidationError, match="emial"):
        ContactPressure.Options(caps={"emial": 2})
    with pytest.raises(ValidationError):
        ContactPressure.Options(caps={"sms": -1})
    with pytest.raises(ValidationError):
        ContactPressure.Options(cap={"sms": 1})


def test_russian_message():
    m = build_map(segments=[{"id": "a", "name": "Активные"}], channels=CHANNELS, scenarios=[scn("x", segments="a")],
                  steps=[step("x", f"S{i}", "sms") for i in range(1, 4)])
    (finding,) = run_rule(ContactPressure, m, lang="ru")
    assert finding.message == ("Сегмент «Активные (a)» в худшем случае получает 3 контакта в неделю на клиента "
                               "по каналу sms (предел 2): «x» 1 срабатывание/нед. × 3 шага.")


def test_segments_on_a_parent_cycle_share_their_scenarios():
    # a ↔ b is a parent cycle: each is the other's ancestor, so both get x and y (2 sms each); c under b too
    m = build_map(segments=[{"id": "a", "parent": "b"}, {"id": "b", "parent": "a"}, {"id": "c", "parent": "b"}],
                  channels=CHANNELS, scenarios=[scn("x", segments="a"), scn("y", segments="b, c")],
                  steps=[step("x", "S1", "sms"), step("y", "S1", "sms"), step("y", "S2", "sms")])
    assert codes_by_entity(run_rule(ContactPressure, m)) == {("FREQ001", "a"), ("FREQ001", "b"), ("FREQ001", "c")}
    pressure = contact_pressure(MapGraph(m))
    assert {key: p.per_kind for key, p in pressure.items()} == {"a": {"sms": 3}, "b": {"sms": 3}, "c": {"sms": 3}}


def _random_map(rng: random.Random):
    count = rng.randint(1, 8)
    segments = []
    for i in range(count):
        row = {"id": f"s{i}"}
        if rng.random() < 0.6:
            row["parent"] = f"s{rng.randrange(count + 1)}"  # may be itself, a cycle, or unknown (s{count})
        if rng.random() < 0.2:
            row["excluded"] = "yes"
        segments.append(row)
    scenarios, steps = [], []
    for j in range(rng.randint(1, 7)):
        targets = "*" if rng.random() < 0.25 else ", ".join(
            f"s{rng.randrange(count + 1)}" for _ in range(rng.randint(1, 3)))
        kind = rng.choice(["trigger", "regular", "service"])
        extra = {"schedule": rng.choice(["weekly", "2/week", "monthly", "??"])} if kind == "regular" else {}
        scenarios.append(scn(f"c{j}", segments=targets, type=kind, trigger=f"e{rng.randrange(3)}",
                             status=rng.choice(["active", "active", "planned", "paused", "off"]), **extra))
        for k in range(rng.randint(0, 3)):
            steps.append(step(f"c{j}", f"S{k}", rng.choice(["email", "sms", "push"])))
    return build_map(segments=segments, channels=CHANNELS, scenarios=scenarios, steps=steps)


def test_linear_pressure_matches_listing_every_scenario_segment_pair():
    rng = random.Random(20261123)
    for _ in range(300):
        m = _random_map(rng)
        graph = MapGraph(m)
        expected = {}
        for key, scenarios in graph.live_scenarios_by_segment.items():
            sums = {}
            for scenario in scenarios:
                for kind, value in scenario_contacts(graph, scenario, 0, 1.0).per_kind.items():
                    sums[kind] = sums.get(kind, 0.0) + value
            expected[key] = sums
        got = contact_pressure(graph)
        assert set(got) == set(expected)
        for key, sums in expected.items():
            assert set(got[key].per_kind) == set(sums), key
            for kind, value in sums.items():
                assert math.isclose(got[key].per_kind[kind], value), (key, kind)
