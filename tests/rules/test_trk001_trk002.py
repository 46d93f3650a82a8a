"""TRK001 undefined-event and TRK002 untracked-event."""
from rules.trk001_undefined_event import UndefinedEvent
from rules.trk002_untracked_event import UntrackedEvent
from tests.builders import audit, build_map, codes_by_entity, run_rule, scn, step

EVENTS = [
    {"id": "cart_abandoned", "source": "site", "tracked": "yes", "key": "CartAbandon"},
    {"id": "order_paid", "source": "crm", "tracked": "да"},
    {"id": "app_open", "source": "app", "tracked": "нет"},
]


def test_undefined_trigger_stop_and_condition_events_with_suggestion():
    m = build_map(events=EVENTS, scenarios=[
        scn("cart", trigger="cart_abandonned", stop_event="order_paid, refund", goal_event="Order_Paid"),
    ], steps=[step("cart", "S1"), step("cart", "S2", condition="no event order_payd within 3d")])
    findings = run_rule(UndefinedEvent, m)
    assert sorted((f.entity.id, f.location.column) for f in findings) == [
        ("cart", "stop_event"), ("cart", "trigger"), ("cart/S2", "condition"),
    ]
    trigger = next(f for f in findings if f.location.column == "trigger")
    assert "did you mean 'cart_abandoned'" in trigger.message


def test_undefined_event_needs_an_events_sheet():
    m = build_map(scenarios=[scn("cart", trigger="whatever")], steps=[step("cart", "S1")])
    assert "TRK001" not in {f.rule for f in audit(m)}
    m2 = build_map(events=EVENTS, scenarios=[scn("cart", trigger="whatever")], steps=[step("cart", "S1")])
    assert ("TRK001", "cart") in codes_by_entity(audit(m2))


def test_trigger_on_untracked_event_is_reported_tracked_is_not():
    m = build_map(events=EVENTS, scenarios=[
        scn("app", trigger="app_open"), scn("cart", trigger="cart_abandoned", stop_event="app_open"),
        scn("ok", trigger="order_paid"),
    ], steps=[step("app", "S1", "push"), step("cart", "S1"), step("ok", "S1")])
    findings = run_rule(UntrackedEvent, m)
    assert sorted((f.entity.id, f.location.column) for f in findings) == [("app", "trigger"), ("cart", "stop_event")]


def test_tracking_plan_uses_the_analytics_key():
    m = build_map(events=EVENTS, scenarios=[scn("cart", trigger="cart_abandoned"), scn("ok", trigger="order_paid")],
                  steps=[step("cart", "S1"), step("ok", "S1")])
    plan = frozenset({"cartabandon"})
    findings = run_rule(UntrackedEvent, m, tracking_plan=plan)
    assert codes_by_entity(findings) == {("TRK002", "ok")}
    assert "not in the tracking plan" in findings[0].message


def test_condition_event_untracked():
    m = build_map(events=EVENTS, scenarios=[scn("cart", trigger="cart_abandoned")],
                  steps=[step("cart", "S1"), step("cart", "S2", condition="нет события app_open в течение 2 дней")])
    assert codes_by_entity(run_rule(UntrackedEvent, m)) == {("TRK002", "cart/S2")}
