"""TRK003–TRK005, COST001–COST002."""
from rules.cost001_expensive_channel_first import ExpensiveChannelFirst
from rules.cost002_call_for_mass_segment import CallForMassSegment
from rules.trk003_event_source_not_connected import EventSourceNotConnected
from rules.trk004_goal_not_measurable import GoalNotMeasurable
from rules.trk005_unused_event import UnusedEvent
from tests.builders import build_map, codes_by_entity, run_rule, scn, step

EVENTS = [{"id": "cart", "source": "site"}, {"id": "paid", "source": "crm"}, {"id": "own", "source": "platform"},
          {"id": "nosrc"}, {"id": "app_open", "source": "app", "tracked": "no"}]
CHANNELS = [{"id": "email", "kind": "email"}, {"id": "sms", "kind": "sms"}, {"id": "push", "kind": "push"},
            {"id": "call", "kind": "call"}, {"id": "tg", "kind": "messenger"}]


def test_event_sources_against_the_receiving_system():
    systems = [{"id": "esp", "channels": "email", "orchestration": "yes", "receives": "site"},
               {"id": "gw", "channels": "sms", "receives": "crm"}]
    m = build_map(events=EVENTS, channels=CHANNELS, systems=systems, scenarios=[
        scn("cart", trigger="cart", stop_event="paid"),       # esp gets no crm events: stop event
        scn("sms", trigger="cart"),                           # gw gets no site events: trigger
        scn("ok", trigger="own", stop_event="nosrc"),         # platform and unknown sources are not judged
        scn("cond", trigger="cart"),
    ], steps=[step("cart", "S1", "email"), step("cart", "S2", "email"), step("sms", "S1", "sms"),
              step("ok", "S1", "sms"), step("cond", "S1", "email"),
              step("cond", "S2", "email", condition="no event paid within 2d")])
    found = sorted((f.entity.id, f.location.column) for f in run_rule(EventSourceNotConnected, m))
    assert found == [("cart", "stop_event"), ("cond/S2", "condition"), ("sms", "trigger")]


def test_goal_not_measurable():
    m = build_map(events=EVENTS, scenarios=[
        scn("none"), scn("untracked", goal_event="app_open"), scn("ok", goal_event="paid"),
        scn("paused", status="paused"), scn("planned", status="planned"),
    ], steps=[step(s, "S1") for s in ("none", "untracked", "ok", "paused", "planned")])
    assert codes_by_entity(run_rule(GoalNotMeasurable, m)) == {("TRK004", "none"), ("TRK004", "untracked")}
    plan = frozenset({"cart"})
    assert ("TRK004", "ok") in codes_by_entity(run_rule(GoalNotMeasurable, m, tracking_plan=plan))


def test_unused_event_skips_untracked_and_used_ones():
    m = build_map(events=EVENTS, scenarios=[scn("a", trigger="cart", goal_event="paid")],
                  steps=[step("a", "S1"), step("a", "S2", condition="event own within 1d")])
    assert codes_by_entity(run_rule(UnusedEvent, m)) == {("TRK005", "nosrc")}


def test_sms_first_falling_back_to_email_but_email_to_push_is_fine():
    m = build_map(channels=CHANNELS, scenarios=[scn("a"), scn("b"), scn("c")], steps=[
        step("a", "S1", "sms"), step("a", "S2", "email", condition="not delivered S1"),
        step("b", "S1", "email"), step("b", "S2", "push", condition="not opened S1"),
        step("c", "S1", "call"), step("c", "S2", "tg", condition="not answered S1"),
    ])
    assert codes_by_entity(run_rule(ExpensiveChannelFirst, m)) == {("COST001", "a/S2"), ("COST001", "c/S2")}


def test_channel_costs_override_the_default_order():
    channels = [{"id": "sms", "kind": "sms", "cost": 0.5}, {"id": "tg", "kind": "messenger", "cost": 0.9}]
    m = build_map(channels=channels, scenarios=[scn("a")],
                  steps=[step("a", "S1", "sms"), step("a", "S2", "tg", condition="not delivered S1")])
    assert run_rule(ExpensiveChannelFirst, m) == []


def test_call_for_mass_segment_with_threshold_tier_and_unknown_size():
    segments = [{"id": "all", "size": 50000}, {"id": "vip", "size": 5000, "tier": "vip"},
                {"id": "small", "size": 800}, {"id": "unknown"}, {"id": "kids", "parent": "all", "size": 2000}]
    m = build_map(segments=segments, channels=CHANNELS, scenarios=[
        scn("mass", segments="all"), scn("vipcall", segments="vip"), scn("few", segments="small, unknown"),
        scn("off", segments="all", status="off"),
    ], steps=[step("mass", "S1", "call"), step("mass", "S2", "email"), step("vipcall", "S1", "call"),
              step("few", "S1", "call"), step("off", "S1", "call")])
    findings = run_rule(CallForMassSegment, m)
    assert codes_by_entity(findings) == {("COST002", "mass/S1")}
    assert "'all'" in findings[0].message and "'kids'" in findings[0].message
    assert codes_by_entity(run_rule(CallForMassSegment, m, options={"max_segment_size": 500})) == {
        ("COST002", "mass/S1"), ("COST002", "few/S1")}


# ---- VIP segments by name (issue 13) ------------------------------------------------------------

def test_cost001_skips_a_cascade_aimed_only_at_vip_segments_named_so():
    steps = lambda s: [step(s, "S1", "sms"), step(s, "S2", "email", condition="not delivered S1")]  # noqa: E731
    segments = [{"id": "vip", "name": "VIP-клиенты"}, {"id": "keys", "name": "Key accounts"},
                {"id": "mass", "name": "Активные"}, {"id": "vipassana", "name": "Vipassana fans"}]
    m = build_map(channels=CHANNELS, segments=segments,
                  scenarios=[scn("ru", segments="vip"), scn("en", segments="keys"), scn("mixed", segments="vip, mass"),
                             scn("lookalike", segments="vipassana"), scn("star", segments="*")],
                  steps=[*steps("ru"), *steps("en"), *steps("mixed"), *steps("lookalike"), *steps("star")])
    assert codes_by_entity(run_rule(ExpensiveChannelFirst, m)) == {
        ("COST001", "mixed/S2"), ("COST001", "lookalike/S2"), ("COST001", "star/S2")}


def test_cost002_sees_the_tier_read_from_a_vip_name():
    segments = [{"id": "vip", "name": "ВИП клиенты", "size": 5000}, {"id": "top", "name": "Top customers", "size": 5000},
                {"id": "stop_buyers", "name": "Desktop buyers", "size": 5000}]
    m = build_map(channels=CHANNELS, segments=segments,
                  scenarios=[scn("a", segments="vip"), scn("b", segments="top"), scn("c", segments="stop_buyers")],
                  steps=[step("a", "S1", "call"), step("b", "S1", "call"), step("c", "S1", "call")])
    assert codes_by_entity(run_rule(CallForMassSegment, m)) == {("COST002", "c/S1")}


def test_an_sms_that_is_itself_the_fallback_of_an_email_starts_no_expensive_cascade():
    # email; if not opened → SMS; if not delivered → email again: the cascade began cheap
    from rules.cost001_expensive_channel_first import ExpensiveChannelFirst

    channels = [{"id": "email", "kind": "email"}, {"id": "sms", "kind": "sms"}]
    m = build_map(channels=channels, scenarios=[scn("run", segments="*")],
                  steps=[step("run", "S1", "email"), step("run", "S2", "sms", condition="not opened S1"),
                         step("run", "S3", "email", condition="not delivered S2")])
    assert run_rule(ExpensiveChannelFirst, m) == []
    # the look-alike it must still catch: SMS first, e-mail as the fallback
    m = build_map(channels=channels, scenarios=[scn("run", segments="*")],
                  steps=[step("run", "S1", "sms"), step("run", "S2", "email", condition="not delivered S1")])
    assert codes_by_entity(run_rule(ExpensiveChannelFirst, m)) == {("COST001", "run/S2")}


def test_an_event_source_written_as_a_system_name():
    # Klaviyo receives Shopify and Yotpo; "Brightpearl" feeds the back-in-stock event — not received.
    # Against a receives list of source kinds only ("site, app"), a system name stays unknown: no finding.
    events = [{"id": "back", "source": "Brightpearl"}, {"id": "order", "source": "Shopify Plus"}]
    channels = [{"id": "email", "kind": "email"}]
    def audit(receives):
        m = build_map(events=events, channels=channels,
                      systems=[{"id": "Klaviyo", "channels": "email", "receives": receives}],
                      scenarios=[scn("stock", trigger="back"), scn("thanks", trigger="order")],
                      steps=[step("stock", "S1", "email"), step("thanks", "S1", "email")])
        return run_rule(EventSourceNotConnected, m)
    (finding,) = audit("Shopify Plus, Yotpo")
    assert finding.entity.id == "stock" and "Brightpearl" in finding.message
    assert audit("site, app") == []


def test_an_integration_from_the_source_system_brings_its_events():
    """«Сайт → Mindbox» says the site's events reach Mindbox, though Mindbox's row lists no sources;
    the SMS gateway gets nothing from the site and lists only CRM: its site trigger is not received."""
    events = [{"id": "cart", "source": "site"}, {"id": "paid", "source": "1C"}]
    systems = [{"id": "Mindbox", "channels": "email"}, {"id": "Сайт"}, {"id": "1C"},
               {"id": "gw", "channels": "sms", "receives": "crm"}]
    integrations = [{"from": "Сайт", "to": "Mindbox", "carries": "заказы, корзины"},
                    {"from": "1C", "to": "Mindbox", "carries": "покупки"}]
    m = build_map(events=events, channels=CHANNELS, systems=systems, integrations=integrations,
                  scenarios=[scn("cart", trigger="cart", stop_event="paid"), scn("sms", trigger="cart")],
                  steps=[step("cart", "S1", "email"), step("sms", "S1", "sms")])
    assert [(f.entity.id, f.location.column) for f in run_rule(EventSourceNotConnected, m)] == [("sms", "trigger")]


def test_systems_that_list_no_received_sources_are_not_judged():
    systems = [{"id": "esp", "channels": "email"}, {"id": "gw", "channels": "sms"}]
    m = build_map(events=EVENTS, channels=CHANNELS, systems=systems,
                  scenarios=[scn("cart", trigger="cart", stop_event="paid"), scn("sms", trigger="cart")],
                  steps=[step("cart", "S1", "email"), step("sms", "S1", "sms")])
    assert run_rule(EventSourceNotConnected, m) == []


def test_a_source_named_inside_a_cell_and_sources_received_through_another_system():
    """«Website / App (Segment)» comes through Segment, which the ESP receives; "Bloomreach (computed)"
    is Bloomreach's own; the SMS gateway receives «через Орбиту» — whatever Orbita receives."""
    events = [{"id": "cart", "source": "Website / App (Segment)"}, {"id": "due", "source": "Bloomreach (computed)"},
              {"id": "paid", "source": "АБС"}, {"id": "left", "source": "Процессинг"}]
    systems = [{"id": "Bloomreach", "channels": "email", "receives": "Segment, OMS"},
               {"id": "Орбита", "channels": "push", "receives": "АБС"},
               {"id": "gw", "channels": "sms", "receives": "через Орбиту"}]
    m = build_map(events=events, channels=CHANNELS, systems=systems, scenarios=[
        scn("cart", trigger="cart"), scn("due", trigger="due"), scn("sms", trigger="paid", stop_event="left"),
    ], steps=[step("cart", "S1", "email"), step("due", "S1", "email"), step("sms", "S1", "sms")])
    found = [(f.entity.id, f.location.column) for f in run_rule(EventSourceNotConnected, m)]
    assert found == [("sms", "stop_event")]  # Orbita receives АБС, not Процессинг
