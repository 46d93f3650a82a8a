"""`commap simulate` (issue 14): the engine's semantics, the sample personas' timelines pinned
exactly, the flags, the JSON/text output and the command line.

Each expected row of a sample timeline was derived by hand from the sample's sheets
(`samples/build_samples.py`) and the rules in `audit/simulate.py`'s docstring; the comment on
the row says why it is there. Absent rows matter as much: the comments after each timeline
say what is *not* sent and why.
"""
from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from audit.cli import main
from audit.config import AuditConfig
from audit.graph import MapGraph
from audit.importer import load_map
from audit.personas import configured_caps, parse_event, parse_reacts, persona_from_flags, unknown_names
from audit.simulate import Persona, load_persona, simulate
from reports.simulate import render_json, render_text, simulation_dict
from rules.freq001_contact_pressure import DEFAULT_CAPS
from tests.builders import build_map, scn, step

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
PERSONAS = SAMPLES / "personas"
AUDIT_DAY = date(2026, 11, 23)
START = date(2026, 12, 1)  # a Tuesday


def rows(sim) -> list[tuple[str, str, str, str, bool]]:
    """(time, scenario/step, channel as written, because, after the goal) per message."""
    return [(s.at.strftime("%m-%d %H:%M"), s.step.ref, s.step.channel, s.because, s.after_goal) for s in sim.sends]


def warnings(sim) -> list[tuple[str, str]]:
    return [(w.kind, w.message) for w in sim.warnings]


def run(commap, persona: Persona | dict, **options):
    persona = persona if isinstance(persona, Persona) else Persona(**{"start": START, **persona})
    return simulate(MapGraph(commap), persona, AUDIT_DAY, options.pop("caps", DEFAULT_CAPS), **options)


@pytest.fixture(scope="module")
def ru_graph():
    return MapGraph(load_map(SAMPLES / "ru_ecommerce.xlsx"))


@pytest.fixture(scope="module")
def en_graph():
    return MapGraph(load_map(SAMPLES / "en_b2b_saas.xlsx"))


# ---- the sample personas, pinned ----------------------------------------------------------------


def test_ru_newcomer_who_abandons_a_cart_and_never_opens_email(ru_graph):
    sim = simulate(ru_graph, load_persona(PERSONAS / "ru_new_cart_no_email.toml"), AUDIT_DAY, DEFAULT_CAPS)
    assert rows(sim) == [
        # welcome (trigger signup, segment new): S1 has no delay → at the signup, 09:00
        ("12-01 09:00", "welcome/S1", "email", "trigger signup", False),
        # digest («раз в месяц», for `*`): from the start of the window at the default 10:00; its next
        # send is 30⅓ days later, after the 14-day window
        ("12-01 10:00", "digest/S1", "email", "schedule раз в месяц", False),
        # cart (`*`): cart_abandoned at 09:30 + «1ч»
        ("12-01 10:30", "cart/S1", "email", "trigger cart_abandoned", False),
        # cart/S2 «1д» after S1, «не открыл S1»: the persona's email is only delivered, never opened
        ("12-02 10:30", "cart/S2", "push", "after S1; не открыл S1 в течение 24ч", False),
        # browse (segments leads, new): product_view at 18:00 + «2ч»
        ("12-02 20:00", "browse/S1", "Email", "trigger product_view", False),
        # welcome/S2 «3 дня» after S1, not opened → sent; order_paid (the goal) came on 12-03 12:00 and
        # welcome has no stop event (the FLOW004 defect), so it arrives after the goal
        ("12-04 09:00", "welcome/S2", "push", "after S1; не открыл S1 в течение 3д", True),
    ]
    # Not sent: cart/S3 (SMS, 12-03 10:30) — a cascade stopped by a reaction: the push S2 was opened,
    # and that is before order_paid at 12:00, so the reaction alone stops it. browse/S2 (12-03 20:00)
    # — a stop event ending a scenario: order_paid at 12:00 that day is browse's stop event.
    assert warnings(sim) == [
        # emails in week 1: welcome/S1, digest/S1, cart/S1, browse/S1 = 4 > cap 3
        ("over-cap", "week 1: 4 email messages, cap 3"),
        ("too-close", "'welcome/S1' and 'digest/S1' arrive within 60 minutes of each other"),
        ("too-close", "'digest/S1' and 'cart/S1' arrive within 60 minutes of each other"),
        ("after-goal", "'welcome/S2' goes out after the customer reached the goal of "
                       "'Приветственная цепочка (welcome)' (no stop event on it)"),
    ]
    assert sim.weeks == [
        {"week": 1, "by_channel": {"email": 4, "push": 2}, "total": 6, "over_cap": ["email"]},
        {"week": 2, "by_channel": {}, "total": 0, "over_cap": []},
    ]


def test_ru_vip_who_reads_telegram_is_called_anyway(ru_graph):
    sim = simulate(ru_graph, load_persona(PERSONAS / "ru_vip_reads_telegram.toml"), AUDIT_DAY, DEFAULT_CAPS)
    assert rows(sim) == [
        # digest for `*` at the default 10:00 on the first day (vip is not excluded)
        ("12-01 10:00", "digest/S1", "email", "schedule раз в месяц", False),
        # vip_call (segment vip): vip_status at 12:00, S1 without delay
        ("12-01 12:00", "vip_call/S1", "telegram", "trigger vip_status", False),
        # vip_call/S2 «не открыл S1» after a Telegram message: messengers report delivered/read, never
        # opened, so the condition always holds — the cascade goes on although the persona reads
        # Telegram (the INT003 defect), and the timeline says why
        ("12-02 12:00", "vip_call/S2", "call",
         "after S1; не открыл S1 в течение 24ч ('telegram' does not report 'opened': the condition always holds)",
         False),
        # points (segment active, the parent of vip): points_expiring 3d 09:00, S1 without delay
        ("12-04 09:00", "points/S1", "email", "trigger points_expiring", False),
        # cart (`*`): cart_abandoned 7d 21:00 + «1ч»
        ("12-08 22:00", "cart/S1", "email", "trigger cart_abandoned", False),
    ]
    # Not sent: cart/S2 — this persona opens email, so «не открыл S1» does not hold (a reaction stops
    # the cascade); points/S2 and S3 — «через день» is not a duration (MAP003), listed, not guessed.
    assert warnings(sim) == [
        ("not-simulated", "'points/S2': the timing 'через день' was not understood, so the step and what "
                          "follows it are not simulated"),
    ]
    assert [w["total"] for w in sim.weeks] == [4, 1]


def test_ru_stop_list_customer_gets_no_promo_even_from_a_parent_segment(ru_graph):
    # the stop list is a child of «active»; built from flags, as `commap simulate --segment stoplist …`
    stop_list = persona_from_flags(segments=["stoplist"], events=["0d 09:00 points_expiring",
                                                                  "1d 19:00 cart_abandoned"], days=14, start=START)
    sim = simulate(ru_graph, stop_list, AUDIT_DAY, DEFAULT_CAPS, include_planned=True)
    assert rows(sim) == [
        # points targets «active», the stop list's parent; its S1 is info, not promo, so it goes out
        ("12-01 09:00", "points/S1", "email", "trigger points_expiring", False),
    ]
    # Not sent: black_friday (planned, included here, for «active») — its S1 is promo, which the
    # stop list never gets (the COV003 defect made concrete); cart and digest — `*` leaves out
    # excluded segments.
    assert [kind for kind, _ in warnings(sim)] == ["not-simulated"]

    # the look-alike: the same customer in «active», not on the stop list, gets all of it
    active = stop_list.model_copy(update={"segments": ["active"]})
    sim = simulate(ru_graph, active, AUDIT_DAY, DEFAULT_CAPS, include_planned=True)
    assert rows(sim) == [
        ("12-01 09:00", "points/S1", "email", "trigger points_expiring", False),
        ("12-01 10:00", "digest/S1", "email", "schedule раз в месяц", False),
        # «раз в год» from the start of the window, default 10:00 (planned: only with include_planned)
        ("12-01 10:00", "black_friday/S1", "email", "schedule раз в год", False),
        # reacts nothing: «не открыл S1» holds
        ("12-02 10:00", "black_friday/S2", "push", "after S1; не открыл S1 в течение 24ч", False),
        ("12-02 20:00", "cart/S1", "email", "trigger cart_abandoned", False),
        ("12-03 20:00", "cart/S2", "push", "after S1; не открыл S1 в течение 24ч", False),
        # the push reports opens and this persona opens nothing: the whole cascade, SMS included
        ("12-04 20:00", "cart/S3", "SMS", "after S2; не открыл S2 в течение 24ч", False),
    ]
    without_planned = simulate(ru_graph, active, AUDIT_DAY, DEFAULT_CAPS)
    assert "black_friday/S1" not in [ref for _, ref, *_ in rows(without_planned)]


def test_en_enterprise_admin_with_usage_drop(en_graph):
    sim = simulate(en_graph, load_persona(PERSONAS / "en_enterprise_admin_usage_drop.toml"), AUDIT_DAY, DEFAULT_CAPS)
    assert rows(sim) == [
        # onboarding (paying_admins, the parent of enterprise_admins): subscription_paid at 09:00
        ("12-01 09:00", "onboarding/S1", "inapp", "trigger subscription_paid", False),
        # expansion (monthly, enterprise_admins) and newsletter (monthly, `*`): first day, default 10:00;
        # tied at 10:00, ordered by scenario label ("Expansion offer…" before "Monthly product…")
        ("12-01 10:00", "expansion/S1", "email", "schedule monthly", False),
        ("12-01 10:00", "newsletter/S1", "email", "schedule monthly", False),
        # onboarding/S2 «3d» after S1, no condition; teammate_invited (its stop) never happens
        ("12-04 09:00", "onboarding/S2", "slack", "after S1", False),
        # churn_save (churn_risk): usage_drop 10d 14:00
        ("12-11 14:00", "churn_save/S1", "inapp", "trigger usage_drop", False),
        # «not opened S1» after an in-app message, which reports nothing: always holds, and says so
        ("12-13 14:00", "churn_save/S2", "email",
         "after S1; not opened S1 within 2d ('inapp' does not report 'opened': the condition always holds)", False),
        # renewal (paying_admins): renewal_due 20d 09:00
        ("12-21 09:00", "renewal/S1", "email", "trigger renewal_due", False),
    ]
    # Not sent: renewal/S2 (a call 5d later) — the persona opens email, so «not opened S1» fails:
    # a cascade stopped by a reaction. Nothing of trial_*, webinar_*, api_keys: not its segments.
    assert warnings(sim) == [
        ("too-close", "'expansion/S1' and 'newsletter/S1' arrive within 60 minutes of each other"),
        ("too-close", "'onboarding/S1' and 'expansion/S1' arrive within 60 minutes of each other"),
    ]
    assert [w["total"] for w in sim.weeks] == [4, 2, 1, 0, 0]  # 30 days: four weeks and two days


def test_every_sample_persona_names_only_what_its_map_names():
    pairs = [("ru_ecommerce", "ru_new_cart_no_email"), ("ru_ecommerce", "ru_vip_reads_telegram"),
             ("en_b2b_saas", "en_enterprise_admin_usage_drop")]
    assert sorted(p.stem for p in PERSONAS.glob("*.toml")) == sorted(name for _, name in pairs)
    for sample, name in pairs:
        assert unknown_names(load_persona(PERSONAS / f"{name}.toml"), load_map(SAMPLES / f"{sample}.xlsx")) == []


# ---- each rule of the semantics, and its look-alike (in-memory maps) ----------------------------

CASCADE = [step("cart", "S1", "email"), step("cart", "S2", "push", delay="1d", condition="not opened S1")]


def test_a_reaction_stops_a_cascade_and_no_reaction_continues_it():
    commap = build_map(scenarios=[scn("cart")], steps=CASCADE)
    event = [{"at": "0d", "event": "cart_event"}]
    opener = run(commap, {"events": event, "reacts": {"email": "opens"}})
    assert [ref for _, ref, *_ in rows(opener)] == ["cart/S1"]
    ignorer = run(commap, {"events": event, "reacts": {"email": "delivered"}})
    assert rows(ignorer)[1] == ("12-02 00:00", "cart/S2", "push", "after S1; not opened S1", False)
    clicker = run(commap, {"events": event, "reacts": {"*": "clicks"}})  # a click implies the open
    assert len(clicker.sends) == 1


def test_a_channel_that_cannot_report_the_feedback_continues_the_cascade_and_says_so():
    steps = [step("a", "S1", "sms"), step("a", "S2", "email", delay="1h", condition="not opened S1")]
    commap = build_map(channels=[{"id": "sms", "kind": "sms"}, {"id": "email", "kind": "email"}],
                       scenarios=[scn("a")], steps=steps)
    sim = run(commap, {"events": [{"at": "0d", "event": "a_event"}], "reacts": {"*": "clicks"}})
    assert rows(sim)[1] == ("12-01 01:00", "a/S2", "email",
                            "after S1; not opened S1 ('sms' does not report 'opened': the condition always holds)",
                            False)
    # the look-alike: "opened S1" after an SMS can never hold, whatever the persona does
    positive = [step("a", "S1", "sms"), step("a", "S2", "email", delay="1h", condition="opened S1")]
    commap = build_map(channels=[{"id": "sms", "kind": "sms"}, {"id": "email", "kind": "email"}],
                       scenarios=[scn("a")], steps=positive)
    assert len(run(commap, {"events": [{"at": "0d", "event": "a_event"}], "reacts": {"*": "clicks"}}).sends) == 1


def test_a_stop_event_ends_the_scenario_and_a_goal_alone_does_not():
    steps = [step("a", "S1"), step("a", "S2", "push", delay="2d")]
    events = [{"at": "0d", "event": "a_event"}, {"at": "1d", "event": "order_paid"}]
    stopped = run(build_map(scenarios=[scn("a", stop_event="order_paid", goal_event="order_paid")], steps=steps),
                  {"events": events})
    assert [ref for _, ref, *_ in rows(stopped)] == ["a/S1"]
    assert warnings(stopped) == []
    goal_only = run(build_map(scenarios=[scn("a", goal_event="order_paid")], steps=steps), {"events": events})
    assert rows(goal_only)[1] == ("12-03 00:00", "a/S2", "push", "after S1", True)
    assert warnings(goal_only) == [("after-goal", "'a/S2' goes out after the customer reached the goal of 'a' "
                                                  "(no stop event on it)")]


def test_a_stop_event_before_the_trigger_does_not_stop_a_later_run():
    steps = [step("a", "S1"), step("a", "S2", delay="1d")]
    commap = build_map(scenarios=[scn("a", stop_event="order_paid")], steps=steps)
    sim = run(commap, {"events": [{"at": "0d", "event": "order_paid"}, {"at": "1d", "event": "a_event"}]})
    assert [ref for _, ref, *_ in rows(sim)] == ["a/S1", "a/S2"]


def test_a_loop_is_followed_to_the_end_of_the_window_and_a_repeat_limit_ends_it():
    ring = [step("a", "S1", next="S2"), step("a", "S2", "push", delay="1d", next="S1")]
    event = {"events": [{"at": "0d", "event": "a_event"}], "days": 10}
    endless = run(build_map(scenarios=[scn("a")], steps=ring), event, caps={})
    # S1 at day 0, then S2 and S1 again each day: S1 has no delay, so both go out at midnight
    assert len(endless.sends) == 1 + 2 * 9
    assert endless.sends[-1].at == datetime(2026, 12, 10)
    assert warnings(endless) == [("loop-unbounded", "'a': the loop through 'S2' runs on past the end of the window")]
    # «up to 3 times»: each step of the loop goes out three times, as FREQ001 counts it, no warning
    limited = run(build_map(scenarios=[scn("a", name="Reminders, up to 3 times")], steps=ring), event, caps={})
    assert [ref for _, ref, *_ in rows(limited)].count("a/S1") == 3
    assert [ref for _, ref, *_ in rows(limited)].count("a/S2") == 3
    assert warnings(limited) == []


def test_an_excluded_persona_gets_no_marketing_but_still_gets_service_messages():
    segments = [{"id": "active"}, {"id": "stop", "parent": "active", "excluded": "yes"}]
    steps = [step("promo", "S1", message_type="promo"), step("order", "S1", message_type="service")]
    commap = build_map(segments=segments, scenarios=[scn("promo", segments="active"), scn("order", segments="active"),
                                                     scn("everyone", segments="*")],
                       steps=[*steps, step("everyone", "S1", message_type="info")])
    events = [{"at": "0d", "event": f"{name}_event"} for name in ("promo", "order", "everyone")]
    excluded = run(commap, {"segments": ["stop"], "events": events})
    assert [ref for _, ref, *_ in rows(excluded)] == ["order/S1"]  # `*` leaves out the stop list
    member = run(commap, {"segments": ["active"], "events": events})
    assert sorted(ref for _, ref, *_ in rows(member)) == ["everyone/S1", "order/S1", "promo/S1"]


def test_a_trigger_needs_the_persona_in_a_segment_directly_or_through_a_parent():
    commap = build_map(segments=[{"id": "active"}, {"id": "vip", "parent": "active"}, {"id": "new"}],
                       scenarios=[scn("a", segments="active")], steps=[step("a", "S1")])
    events = [{"at": "0d", "event": "a_event"}]
    assert len(run(commap, {"segments": ["vip"], "events": events}).sends) == 1
    assert run(commap, {"segments": ["new"], "events": events}).sends == []
    assert run(commap, {"segments": ["vip"], "events": [{"at": "0d", "event": "other"}]}).sends == []


def test_paused_and_off_scenarios_are_skipped_planned_only_when_asked():
    commap = build_map(scenarios=[scn("p", status="paused"), scn("o", status="off"), scn("n", status="planned")],
                       steps=[step("p", "S1"), step("o", "S1"), step("n", "S1")])
    events = [{"at": "0d", "event": f"{name}_event"} for name in "pon"]
    assert run(commap, {"events": events}).sends == []
    assert [ref for _, ref, *_ in rows(run(commap, {"events": events}, include_planned=True))] == ["n/S1"]


def test_a_send_time_is_the_next_such_time_at_or_after_the_delay():
    commap = build_map(scenarios=[scn("a")], steps=[step("a", "S1", delay="1d at 19:00")])
    late = run(commap, {"events": [{"at": "0d 20:00", "event": "a_event"}]})
    assert late.sends[0].at == datetime(2026, 12, 3, 19, 0)  # 1d after 20:00 is 12-02 20:00 → next 19:00
    early = run(commap, {"events": [{"at": "0d 08:00", "event": "a_event"}]})
    assert early.sends[0].at == datetime(2026, 12, 2, 19, 0)


def test_a_regular_scenario_fires_on_its_weekdays_at_its_first_steps_time():
    commap = build_map(scenarios=[scn("news", type="regular", trigger="", schedule="every Monday and Thursday")],
                       steps=[step("news", "S1", delay="at 11:00")])
    sim = run(commap, {"days": 7})  # Tue 12-01 … Mon 12-07
    assert [s.at for s in sim.sends] == [datetime(2026, 12, 3, 11, 0), datetime(2026, 12, 7, 11, 0)]


def test_a_step_with_only_a_send_time_goes_out_at_the_next_such_time():
    commap = build_map(scenarios=[scn("a")], steps=[step("a", "S1", delay="в 11:00"), step("a", "S2", delay="at 9am")])
    sim = run(commap, {"events": [{"at": "0d 12:00", "event": "a_event"}]})
    # 12:00 is past 11:00: the next 11:00 is tomorrow's; S2 then waits for the 09:00 after that
    assert [s.at for s in sim.sends] == [datetime(2026, 12, 2, 11, 0), datetime(2026, 12, 3, 9, 0)]
    assert warnings(sim) == []


def test_event_conditions_look_at_the_personas_events_since_the_trigger():
    steps = [step("a", "S1"), step("a", "S2", delay="3d", condition="no event order_paid within 2d")]
    commap = build_map(scenarios=[scn("a")], steps=steps)
    bought = run(commap, {"events": [{"at": "0d", "event": "a_event"}, {"at": "1d", "event": "order_paid"}]})
    assert len(bought.sends) == 1
    late = run(commap, {"events": [{"at": "0d", "event": "a_event"}, {"at": "2d 12:00", "event": "order_paid"}]})
    assert len(late.sends) == 2  # bought after the 2-day window of the condition


def test_what_cannot_be_simulated_is_listed_never_guessed():
    steps = [step("free", "S1"), step("free", "S2", condition="если клиент так и не вернулся на сайт"),
             step("filter", "S1"), step("filter", "S2", condition="for app users only"),
             step("timing", "S1", delay="через денёк")]
    commap = build_map(scenarios=[scn("free"), scn("filter"), scn("timing"), scn("none", type="trigger", trigger="")],
                       steps=[*steps, step("none", "S1")])
    sim = run(commap, {"events": [{"at": "0d", "event": f"{n}_event"} for n in ("free", "filter", "timing")]})
    assert [ref for _, ref, *_ in rows(sim)] == ["filter/S1", "free/S1"]
    not_simulated = [message for kind, message in warnings(sim) if kind == "not-simulated"]
    assert len(not_simulated) == 4
    messages = " | ".join(not_simulated)
    for part in ("'free/S2': the condition 'если клиент так и не вернулся на сайт' is free text",
                 "'filter/S2': the audience filter 'for app users only' cannot be judged",
                 "'timing/S1': the timing 'через денёк' was not understood", "'none' names no trigger event"):
        assert part in messages


def test_too_close_is_two_scenarios_within_the_window_not_one_scenario():
    commap = build_map(scenarios=[scn("a"), scn("b")],
                       steps=[step("a", "S1"), step("a", "S2", delay="30m"), step("b", "S1", delay="2h")])
    events = [{"at": "0d", "event": "a_event"}, {"at": "0d", "event": "b_event"}]
    assert warnings(run(commap, {"events": events})) == []  # a/S2 at 00:30, b/S1 at 02:00
    assert warnings(run(commap, {"events": events}, too_close_minutes=90)) == [
        ("too-close", "'a/S2' and 'b/S1' arrive within 90 minutes of each other")]


def test_weeks_are_counted_by_channel_kind_against_the_caps():
    commap = build_map(scenarios=[scn("a", type="regular", trigger="", schedule="daily")], steps=[step("a", "S1")])
    sim = run(commap, {"days": 8}, caps={"email": 6})
    assert [(w["week"], w["by_channel"], w["over_cap"]) for w in sim.weeks] == [
        (1, {"email": 7}, ["email"]), (2, {"email": 1}, [])]
    assert warnings(sim) == [("over-cap", "week 1: 7 email messages, cap 6")]


# ---- personas from flags, names checked, caps from the configuration ------------------------------


def test_reactions_from_flags():
    assert parse_reacts("none") == {"*": "none"}
    assert parse_reacts("email=none, push=opens") == {"email": "none", "push": "opens"}
    with pytest.raises(ValueError, match="--reacts 'email=maybe'"):
        parse_reacts("email=maybe")


def test_events_from_flags():
    assert parse_event("1d19h cart_abandoned").model_dump() == {"at": "1d19h", "event": "cart_abandoned"}
    assert parse_event("2d 19:00 order_paid").model_dump() == {"at": "2d 19:00", "event": "order_paid"}
    for bad in ("cart_abandoned", "tomorrow cart_abandoned"):
        with pytest.raises(ValueError):
            parse_event(bad)


def test_a_persona_from_flags():
    persona = persona_from_flags(segments=["new"], events=["0d subscribed", "1d19h cart_abandoned"], reacts="none")
    assert (persona.name, persona.days, persona.start, persona.reacts) == (
        "new · subscribed · cart_abandoned", 30, None, {"*": "none"})
    with pytest.raises(ValueError, match="--days"):
        persona_from_flags(segments=["new"], days=99999)


def test_unknown_segments_and_events_are_named():
    commap = build_map(segments=[{"id": "new"}], scenarios=[scn("a", segments="new", stop_event="order_paid")],
                       steps=[step("a", "S1")])
    persona = Persona(segments=["new", "nwe"], events=[{"at": "0d", "event": "a_event"},
                                                       {"at": "1d", "event": "order_paid"},
                                                       {"at": "1d", "event": "ordr_paid"}])
    assert unknown_names(persona, commap) == ["segment 'nwe' is not in the map", "event 'ordr_paid' is not in the map"]


def test_caps_come_from_freq001_options_even_when_the_rule_is_not_selected():
    assert configured_caps(AuditConfig(), "en") == DEFAULT_CAPS
    config = AuditConfig(options={"FREQ001": {"caps": {"Email": 1}}}, ignore=["FREQ"])
    assert configured_caps(config, "en") == {**DEFAULT_CAPS, "email": 1.0}


# ---- output -------------------------------------------------------------------------------------


def test_json_has_the_issue_shape_and_one_or_several_personas(ru_graph):
    sim = simulate(ru_graph, load_persona(PERSONAS / "ru_new_cart_no_email.toml"), AUDIT_DAY, DEFAULT_CAPS)
    data = json.loads(render_json([sim]))
    assert list(data) == ["persona", "timeline", "weeks", "warnings"]
    assert data["timeline"][-1] == {
        "at": "2026-12-04T09:00", "day": 3, "scenario": "welcome", "step": "S2", "channel": "push", "kind": "push",
        "message": "Скидка 10% на первый заказ", "type": "promo",
        "because": "after S1; не открыл S1 в течение 3д", "after_goal": True}
    assert data["weeks"][0] == {"week": 1, "from": "2026-12-01", "to": "2026-12-07",
                                "by_channel": {"email": 4, "push": 2}, "total": 6, "over_cap": ["email"]}
    assert data["warnings"][0] == {"kind": "over-cap", "at": "2026-12-01T00:00",
                                   "message": "week 1: 4 email messages, cap 3"}
    assert data["persona"]["start"] == "2026-12-01" and data["persona"]["events"][0] == {"at": "0d 09:00",
                                                                                        "event": "signup"}
    both = json.loads(render_json([sim, sim]))
    assert list(both) == ["simulations"] and both["simulations"] == [data, data]


def test_text_groups_the_timeline_by_day_in_the_report_language(ru_graph):
    sim = simulate(ru_graph, load_persona(PERSONAS / "ru_new_cart_no_email.toml"), AUDIT_DAY, DEFAULT_CAPS)
    text = render_text([sim], "ru")
    assert "День 0 · вт 2026-12-01\n  09:00  email     welcome/S1 (контентное)" in text
    assert "[после цели]" in text and "Сообщений в неделю:" in text
    assert "День 2" not in text  # no message on 12-03: no heading for it
    assert "Day 3 · Fri 2026-12-04" in render_text([sim], "en")
    empty = simulate(ru_graph, Persona(segments=["stoplist"], start=START, days=7), AUDIT_DAY, DEFAULT_CAPS)
    assert "No message reaches this customer in the window." in render_text([empty], "en")
    assert simulation_dict(empty)["timeline"] == []


# ---- the command line ---------------------------------------------------------------------------

RU = str(SAMPLES / "ru_ecommerce.xlsx")
NEWCOMER = str(PERSONAS / "ru_new_cart_no_email.toml")


def test_cli_prints_the_text_timeline_and_exits_1_on_a_week_over_the_cap(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["simulate", RU, "--persona", NEWCOMER]) == 1
    assert "welcome/S2 (акционное)" in capsys.readouterr().out
    (tmp_path / "commap.toml").write_text("[rules.FREQ001]\ncaps = { email = 4 }\n", encoding="utf-8")
    assert main(["simulate", RU, "--persona", NEWCOMER]) == 0  # caps from the configuration


def test_cli_json_is_byte_identical_across_runs_and_names_files_after_the_map(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    vip = str(PERSONAS / "ru_vip_reads_telegram.toml")
    assert main(["simulate", RU, "--persona", vip, "--format", "json", "-o", "one.json"]) == 0
    assert main(["simulate", RU, "--persona", vip, "--format", "json", "-o", "two.json"]) == 0
    assert (tmp_path / "one.json").read_bytes() == (tmp_path / "two.json").read_bytes()
    assert capsys.readouterr().out.startswith("VIP читает Telegram, но ему всё равно звонят: сообщений за 14 дн.: 5")
    assert main(["simulate", RU, "--persona", vip, "--persona", NEWCOMER, "--format", "json", "-q"]) == 1
    data = json.loads((tmp_path / "ru_ecommerce.simulate.json").read_text(encoding="utf-8"))
    assert [s["persona"]["name"] for s in data["simulations"]] == [
        "VIP читает Telegram, но ему всё равно звонят", "Новичок бросил корзину, письма не открывает"]


def test_cli_builds_a_persona_from_flags(capsys):
    code = main(["simulate", RU, "--segment", "stoplist", "--event", "0d 09:00 points_expiring", "--reacts", "none",
                 "--days", "7", "--start", "2026-12-01", "--include-planned", "--format", "json", "-o", "-",
                 "--lang", "en"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert [(r["at"], r["scenario"], r["step"]) for r in data["timeline"]] == [("2026-12-01T09:00", "points", "S1")]
    assert data["persona"]["reacts"] == {"*": "none"}


def test_cli_overrides_a_persona_files_window(capsys):
    assert main(["simulate", RU, "--persona", NEWCOMER, "--days", "2", "--format", "json", "-o", "-"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["persona"]["days"] == 2 and data["timeline"][-1]["at"] == "2026-12-02T20:00"


@pytest.mark.parametrize(("argv", "expected"), [
    ([], "simulate needs --persona FILE"),
    (["--persona", NEWCOMER, "--segment", "new"], "not both"),
    (["--segment", "nwe"], "--segment/--event: segment 'nwe' is not in the map"),
    (["--segment", "new", "--event", "tomorrow"], "--event 'tomorrow'"),
    (["--segment", "new", "--reacts", "email=maybe"], "--reacts 'email=maybe'"),
    (["--persona", "missing.toml"], "missing.toml: cannot read the persona"),
    (["--segment", "new", "--format", "sarif"], "simulate writes"),
])
def test_cli_misuse_is_one_line_and_exit_2(argv, expected, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["simulate", RU, *argv]) == 2
    err = capsys.readouterr().err
    assert expected in err and err.count("\n") == 1


def test_cli_a_bad_persona_file_names_the_file_and_the_key(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text('segments = ["new"]\nreacts = {email = "sometimes"}\n', encoding="utf-8")
    assert main(["simulate", RU, "--persona", str(bad)]) == 2
    err = capsys.readouterr().err
    assert str(bad) in err and "reacts" in err and err.count("\n") == 1


def test_cli_html_uses_the_simulation_renderer_when_there_is_one(tmp_path, capsys):
    out = tmp_path / "sim.html"
    code = main(["simulate", RU, "--persona", NEWCOMER, "--format", "html", "-o", str(out), "-q"])
    try:
        from reports.simulate_html import render_simulation_html  # noqa: F401
    except ImportError:
        assert code == 2 and "cannot write html yet" in capsys.readouterr().err
    else:
        assert code == 1 and out.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")


def test_a_whole_base_promo_is_withheld_from_the_stop_list_and_the_chain_goes_on_past_it():
    # «Вся база»: S1 promo (withheld from the stop list), S2 an order-status service message a day later
    segments = [{"id": "active"}, {"id": "stop", "name": "Стоп-лист", "excluded": "да"}]
    steps = [step("sale", "S1", message_type="promo"), step("sale", "S2", message_type="service", delay="1d")]
    commap = build_map(segments=segments, scenarios=[scn("sale", segments="вся база", trigger="sale_event")],
                       steps=steps)
    events = [{"at": "0d 10:00", "event": "sale_event"}]
    excluded = run(commap, {"segments": ["stop"], "events": events})
    # S2 still arrives, a day after the moment S1 would have gone; as S1 never reached this customer,
    # the "because" names what started the chain
    assert rows(excluded) == [("12-02 10:00", "sale/S2", "email", "trigger sale_event", False)]
    member = run(commap, {"segments": ["active"], "events": events})
    assert [ref for _, ref, *_ in rows(member)] == ["sale/S1", "sale/S2"]


def test_the_timeline_speaks_the_report_language():
    # S1 SMS, S2 e-mail "not opened S1": an SMS never reports an open, so S2 always goes, and says why
    commap = build_map(segments=[{"id": "new"}], channels=[{"id": "sms", "kind": "sms"}, {"id": "email", "kind": "email"}],
                       scenarios=[scn("cart", segments="new", trigger="cart_abandoned")],
                       steps=[step("cart", "S1", "sms"), step("cart", "S2", "email", condition="not opened S1")])
    persona = Persona(start=START, segments=["new"], days=7, events=[{"at": "0d 09:00", "event": "cart_abandoned"}])
    ru = simulate(MapGraph(commap), persona, AUDIT_DAY, {"sms": 0, "email": 5}, lang="ru")
    assert [s.because for s in ru.sends] == [
        "триггер cart_abandoned",
        "после S1; not opened S1 (канал «sms» не сообщает «opened»: условие выполняется всегда)"]
    assert [w.message for w in ru.warnings] == ["неделя 1: sms — 1 сообщ. при пределе 0"]
    en = simulate(MapGraph(commap), persona, AUDIT_DAY, {"sms": 0, "email": 5})
    assert en.sends[1].because == "after S1; not opened S1 ('sms' does not report 'opened': the condition always holds)"
    assert [w.message for w in en.warnings] == ["week 1: 1 sms messages, cap 0"]


def test_a_campaign_on_a_date_goes_out_that_day():
    """A one-off mailing whose first step says «05.12.2026 11:00» (no schedule): sent on that day, its
    follow-up a day later; a day written without a year («24.12») is the next such day in the window."""
    m = build_map(scenarios=[{"id": "sale", "type": "regular", "segments": "*"},
                             {"id": "xmas", "type": "regular", "segments": "*"}],
                  steps=[step("sale", "S1", delay="05.12.2026 11:00"), step("sale", "S2", delay="через 1 день"),
                         step("xmas", "S1", delay="24.12")])
    sim = run(m, {"days": 30})
    assert [(r[0], r[1], r[3]) for r in rows(sim)] == [("12-05 11:00", "sale/S1", "on 2026-12-05"),
                                                       ("12-06 11:00", "sale/S2", "after S1"),
                                                       ("12-24 10:00", "xmas/S1", "on 2026-12-24")]
    assert not [w for w in warnings(sim) if w[0] == "not-simulated"]


def test_a_mailings_step_that_restates_its_schedule_goes_out_when_the_mailing_fires():
    commap = build_map(scenarios=[scn("menu", type="regular", trigger="", schedule="каждый понедельник 10:00")],
                       steps=[step("menu", "S1", "push", delay="каждый понедельник в 10:00")])
    sim = run(commap, {"days": 7})  # Tue 12-01 … Mon 12-07
    assert [s.at for s in sim.sends] == [datetime(2026, 12, 7, 10, 0)]
    assert warnings(sim) == []


def test_events_named_in_several_words_from_flags():
    assert parse_event("0d Корзина брошена").model_dump() == {"at": "0d", "event": "Корзина брошена"}
    assert parse_event("2d 19:00 Заказ оформлен").model_dump() == {"at": "2d 19:00", "event": "Заказ оформлен"}


def test_a_message_the_map_quotes_is_not_quoted_twice():
    from reports.simulate import _quoted

    assert (_quoted("«Роллы ждут»", "ru"), _quoted("Роллы ждут", "ru"), _quoted("Hi", "en")) == (
        " «Роллы ждут»", " «Роллы ждут»", ' "Hi"')


def test_reminders_before_a_date_count_back_from_the_date_their_earliest_one_implies():
    steps = [step("visit", "S1", "email", delay="за 3 дня до приёма"),
             step("visit", "S2", "sms", delay="за 1 день до приёма, 18:00"),
             step("visit", "S3", "push", delay="2h")]
    commap = build_map(scenarios=[scn("visit")], steps=steps)
    sim = run(commap, {"events": [{"at": "0d 12:00", "event": "visit_event"}]})
    # the date is taken as 3 days after the trigger: S1 at the trigger, S2 the day before at 18:00, S3 2 h later
    assert [s.at for s in sim.sends] == [datetime(2026, 12, 1, 12, 0), datetime(2026, 12, 3, 18, 0),
                                         datetime(2026, 12, 3, 20, 0)]
    assert [kind for kind, _ in warnings(sim)] == ["assumed-date"]
    assert "2026-12-04 12:00" in warnings(sim)[0][1]
