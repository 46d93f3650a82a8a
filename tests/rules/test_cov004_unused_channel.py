"""COV004 unused-channel."""
from rules.cov004_unused_channel import UnusedChannel
from tests.builders import build_map, codes_by_entity, run_rule, scn, step


def test_declared_channel_no_step_uses_is_reported_and_ids_match_case_insensitively():
    m = build_map(channels=[{"id": "email"}, {"id": "Push"}, {"id": "viber", "name": "Viber"}],
                  scenarios=[scn("a")], steps=[step("a", "S1", "EMAIL"), step("a", "S2", " push ")])
    findings = run_rule(UnusedChannel, m)
    assert codes_by_entity(findings) == {("COV004", "viber")}
    (finding,) = findings
    assert finding.entity.kind == "channel"
    assert (finding.location.sheet, finding.location.row, finding.location.column) == ("Channels", 4, "id")
    assert finding.message == "Channel 'Viber (viber)' is declared but no step sends through it."


def test_a_step_of_a_paused_or_switched_off_scenario_still_uses_its_channel():
    m = build_map(channels=[{"id": "email"}, {"id": "sms"}, {"id": "call"}],
                  scenarios=[scn("a"), scn("b", status="paused"), scn("c", status="off")],
                  steps=[step("a", "S1", "email"), step("b", "S1", "sms"), step("c", "S1", "call")])
    assert run_rule(UnusedChannel, m) == []


def test_channels_derived_without_a_channels_sheet_are_never_reported():
    m = build_map(scenarios=[scn("a")], steps=[step("a", "S1", "email"), step("a", "S2", "sms")])
    assert {c.id for c in m.channels} == {"email", "sms"}
    assert run_rule(UnusedChannel, m) == []


def test_every_unused_channel_is_reported_when_there_are_no_steps():
    m = build_map(channels=[{"id": "email"}, {"id": "sms"}], scenarios=[scn("a")])
    assert codes_by_entity(run_rule(UnusedChannel, m)) == {("COV004", "email"), ("COV004", "sms")}


def test_russian_message():
    m = build_map(channels=[{"id": "tg"}], scenarios=[scn("a")], steps=[step("a", "S1", "email")])
    (finding,) = run_rule(UnusedChannel, m, lang="ru")
    assert finding.message == "Канал «tg» описан, но ни один шаг через него не отправляется."
