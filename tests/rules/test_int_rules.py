"""INT001–INT003: channels, cascades across systems, feedback a channel reports."""
from rules.int001_channel_not_supported import ChannelNotSupported
from rules.int002_cascade_missing_integration import CascadeMissingIntegration
from rules.int003_feedback_not_reported import FeedbackNotReported
from tests.builders import audit, build_map, codes_by_entity, run_rule, scn, step

CHANNELS = [
    {"id": "email", "kind": "email"}, {"id": "sms", "kind": "sms"}, {"id": "push", "kind": "push"},
    {"id": "tg", "kind": "messenger"}, {"id": "call", "kind": "call"},
]


def cascade_map(systems, integrations=(), steps=None):
    return build_map(
        channels=CHANNELS, systems=systems, integrations=list(integrations),
        scenarios=[scn("cart")],
        steps=steps or [step("cart", "S1", "email"), step("cart", "S2", "sms", condition="не открыл S1 в течение 24ч")],
    )


def test_channel_without_a_sending_system():
    m = cascade_map([{"id": "esp", "channels": "email", "orchestration": "yes"}])
    assert codes_by_entity(run_rule(ChannelNotSupported, m)) == {("INT001", "cart/S2")}


def test_channel_sent_through_kind_or_explicit_system_is_supported():
    m = build_map(
        channels=[{"id": "email", "kind": "email"}, {"id": "sms", "kind": "sms", "system": "gw"}],
        systems=[{"id": "esp", "channels": "email"}, {"id": "gw", "channels": ""}],
        scenarios=[scn("a")], steps=[step("a", "S1", "email"), step("a", "S2", "sms")],
    )
    assert run_rule(ChannelNotSupported, m) == []


def test_int_rules_are_skipped_without_systems_and_the_result_says_so():
    from audit.config import AuditConfig
    from audit.engine import run

    m = build_map(channels=CHANNELS, scenarios=[scn("cart")],
                  steps=[step("cart", "S1", "sms"), step("cart", "S2", "email", condition="not opened S1")])
    result = run(m, AuditConfig())
    assert {"INT001", "INT002", "INT003"} <= set(result.skipped)
    assert "no systems" in result.skipped["INT003"]
    assert not [f for f in result.findings if f.rule.startswith("INT")]


def test_cascade_across_systems_without_integration():
    m = cascade_map([{"id": "esp", "channels": "email", "orchestration": "yes"}, {"id": "gw", "channels": "sms"}])
    findings = run_rule(CascadeMissingIntegration, m)
    assert codes_by_entity(findings) == {("INT002", "cart/S2")}
    assert "'esp'" in findings[0].message and "'gw'" in findings[0].message and "'opened'" in findings[0].message


def test_integration_carrying_other_feedback_does_not_help():
    m = cascade_map([{"id": "esp", "channels": "email"}, {"id": "gw", "channels": "sms"}],
                    [{"from": "esp", "to": "gw", "carries": "clicked, delivered"}])
    assert codes_by_entity(run_rule(CascadeMissingIntegration, m)) == {("INT002", "cart/S2")}


def test_multi_hop_integration_path_makes_the_cascade_runnable():
    systems = [{"id": "esp", "channels": "email"}, {"id": "cdp", "channels": "push"}, {"id": "gw", "channels": "sms"}]
    m = cascade_map(systems, [{"from": "esp", "to": "cdp", "carries": "opened"},
                              {"from": "cdp", "to": "gw", "carries": "*"}])
    assert run_rule(CascadeMissingIntegration, m) == []
    broken = cascade_map(systems, [{"from": "esp", "to": "cdp", "carries": "opened"},
                                   {"from": "cdp", "to": "gw", "carries": "clicked"}])
    assert codes_by_entity(run_rule(CascadeMissingIntegration, broken)) == {("INT002", "cart/S2")}


def test_same_system_needs_orchestration():
    steps = [step("cart", "S1", "email"), step("cart", "S2", "push", condition="not opened S1")]
    without = cascade_map([{"id": "cdp", "channels": "email, push", "orchestration": "нет"}], steps=steps)
    findings = run_rule(CascadeMissingIntegration, without)
    assert codes_by_entity(findings) == {("INT002", "cart/S2")}
    assert "orchestration" in findings[0].message
    with_orchestration = cascade_map([{"id": "cdp", "channels": "email, push", "orchestration": "да"}], steps=steps)
    assert run_rule(CascadeMissingIntegration, with_orchestration) == []
    # a blank cell is no "no": the map does not say the platform cannot branch on its own feedback
    unstated = cascade_map([{"id": "cdp", "channels": "email, push"}], steps=steps)
    assert run_rule(CascadeMissingIntegration, unstated) == []


def test_condition_without_step_ref_waits_for_the_previous_step():
    steps = [step("cart", "S1", "email"), step("cart", "S2", "sms", condition="если не открыл письмо")]
    m = cascade_map([{"id": "esp", "channels": "email"}, {"id": "gw", "channels": "sms"}], steps=steps)
    assert codes_by_entity(run_rule(CascadeMissingIntegration, m)) == {("INT002", "cart/S2")}


def test_not_opened_after_sms_is_feedback_never_reported():
    steps = [step("cart", "S1", "sms"), step("cart", "S2", "call", condition="not opened S1"),
             step("cart", "S3", "email", condition="not delivered S1")]
    m = cascade_map([{"id": "cdp", "channels": "sms, call, email", "orchestration": "yes"}], steps=steps)
    findings = run_rule(FeedbackNotReported, m)
    assert codes_by_entity(findings) == {("INT003", "cart/S2")}
    assert "reports only: delivered" in findings[0].message
    # INT002 leaves feedback the channel never gives to INT003
    assert run_rule(CascadeMissingIntegration, m) == []


def test_channels_sheet_may_override_reported_feedback():
    m = build_map(
        channels=[{"id": "sms", "kind": "sms", "feedback": "delivered, clicked"}, {"id": "email", "kind": "email"}],
        systems=[{"id": "cdp", "channels": "sms, email", "orchestration": "yes"}],
        scenarios=[scn("a")], steps=[step("a", "S1", "sms"), step("a", "S2", "email", condition="not clicked S1")],
    )
    assert run_rule(FeedbackNotReported, m) == []


def test_engine_reports_the_full_cascade_story():
    m = cascade_map([{"id": "esp", "channels": "email"}, {"id": "gw", "channels": "sms"}])
    assert {("INT002", "cart/S2")} <= codes_by_entity(audit(m))


def test_sends_data_to_on_the_systems_sheet_is_an_integration_of_unstated_content():
    # "esp sends data to gw" without saying what: esp (nothing says it cannot orchestrate) decides on its own
    # e-mail's open and has gw send the SMS — the open never has to travel, so no finding
    m = cascade_map([{"id": "esp", "channels": "email", "sends_to": "gw"}, {"id": "gw", "channels": "sms"}])
    assert run_rule(CascadeMissingIntegration, m) == []
    assert [(i.from_system, i.to_system, i.carries, i.carries_unknown) for i in m.integrations] == [
        ("esp", "gw", [], True)]
    # an esp that cannot orchestrate only passes data on, and the map does not say the open is among it: a warning
    m = cascade_map([{"id": "esp", "channels": "email", "sends_to": "gw", "orchestration": "no"},
                     {"id": "gw", "channels": "sms"}])
    (finding,) = run_rule(CascadeMissingIntegration, m)
    assert (finding.rule, finding.entity.id, finding.severity.value) == ("INT002", "cart/S2", "warning")


def test_a_gateway_receiving_from_the_orchestrating_system_is_driven_by_it():
    # «Edna: получает данные из 1С, Altcraft» and no integration stated between them: Altcraft drives Edna
    m = cascade_map([{"id": "altcraft", "channels": "email"}, {"id": "edna", "channels": "sms", "receives": "1С, altcraft"}])
    assert run_rule(CascadeMissingIntegration, m) == []
    # …but not when the gateway receives from another system only
    m = cascade_map([{"id": "altcraft", "channels": "email"}, {"id": "edna", "channels": "sms", "receives": "1С"}])
    assert codes_by_entity(run_rule(CascadeMissingIntegration, m)) == {("INT002", "cart/S2")}


def test_sends_data_to_that_names_the_feedback_carries_it():
    # look-alike: "gw (статусы: открыто)" states the open, so nothing to report
    m = cascade_map([{"id": "esp", "channels": "email", "sends_to": "gw (открытия, клики)"},
                     {"id": "gw", "channels": "sms"}])
    assert run_rule(CascadeMissingIntegration, m) == []
    assert m.integrations[0].carries[-2:] == ["opened", "clicked"]


def test_a_stated_integration_that_carries_something_else_stays_an_error():
    m = cascade_map([{"id": "esp", "channels": "email", "sends_to": "gw (клики)"}, {"id": "gw", "channels": "sms"}])
    (finding,) = run_rule(CascadeMissingIntegration, m)
    assert finding.severity.value == "error"
