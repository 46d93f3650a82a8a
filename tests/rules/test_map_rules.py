"""MAP001–MAP006: references, duplicates, unreadable and missing values, empty scenarios, free text."""
from rules.map001_unknown_reference import UnknownReference
from rules.map002_duplicate_id import DuplicateId
from rules.map003_invalid_value import InvalidValue
from rules.map004_missing_required import MissingRequired
from rules.map005_scenario_without_steps import ScenarioWithoutSteps
from rules.map006_condition_not_checkable import ConditionNotCheckable
from tests.builders import build_map, codes_by_entity, run_rule, scn, step


def test_misspelt_channel_is_reported_with_a_suggestion():
    m = build_map(
        channels=[{"id": "email", "kind": "email"}, {"id": "sms", "kind": "sms"}],
        scenarios=[scn("cart")],
        steps=[step("cart", "S1", "emial"), step("cart", "S2", "SMS")],
    )
    findings = run_rule(UnknownReference, m)
    assert codes_by_entity(findings) == {("MAP001", "cart/S1")}
    assert "did you mean 'email'" in findings[0].message
    assert findings[0].location.sheet == "Steps" and findings[0].location.row == 2
    assert findings[0].location.column == "channel"


def test_references_compare_case_insensitively_and_trimmed():
    m = build_map(
        segments=[{"id": "VIP"}],
        channels=[{"id": "Email", "kind": "email"}],
        scenarios=[scn("cart", segments=" vip ")],
        steps=[step("cart", "S1", "email ")],
    )
    assert run_rule(UnknownReference, m) == []


def test_reference_is_not_checked_when_the_target_sheet_is_absent():
    # no Channels sheet: a step may name any channel
    m = build_map(scenarios=[scn("cart")], steps=[step("cart", "S1", "telegram")])
    assert run_rule(UnknownReference, m) == []


def test_unknown_next_step_condition_step_parent_and_stage():
    m = build_map(
        segments=[{"id": "all"}, {"id": "vip", "parent": "al"}],
        stages=[{"id": "buy", "next": "loyalty"}],
        scenarios=[scn("cart", segments="vip", stage="buy")],
        steps=[step("cart", "S1", next="S3"), step("cart", "S2", condition="not opened S9")],
    )
    found = sorted((f.entity.id, f.location.column, f.message) for f in run_rule(UnknownReference, m))
    assert [(entity, column) for entity, column, _ in found] == [
        ("buy", "next"), ("cart/S1", "next"), ("cart/S2", "condition"), ("vip", "parent"),
    ]
    assert "did you mean 'all'" in found[3][2]


def test_integration_to_unknown_system():
    m = build_map(
        systems=[{"id": "esp", "channels": "email"}],
        integrations=[{"from": "esp", "to": "smsc", "carries": "opened"}],
        scenarios=[scn("a")], steps=[step("a", "S1")],
    )
    assert codes_by_entity(run_rule(UnknownReference, m)) == {("MAP001", "esp->smsc")}


def test_system_may_list_channel_kinds_as_well_as_ids():
    m = build_map(
        channels=[{"id": "tg", "kind": "messenger"}],
        systems=[{"id": "cdp", "channels": "email, tg, push"}, {"id": "x", "channels": "fax"}],
        scenarios=[scn("a")], steps=[step("a", "S1", "tg")],
    )
    assert codes_by_entity(run_rule(UnknownReference, m)) == {("MAP001", "x")}


def test_duplicate_ids_keep_the_first_row():
    m = build_map(segments=[{"id": "vip"}, {"id": "new"}, {"id": "VIP "}], scenarios=[scn("a")],
                  steps=[step("a", "S1"), step("a", "s1")])
    findings = run_rule(DuplicateId, m)
    assert sorted((f.entity.kind, f.entity.id, f.location.row) for f in findings) == [
        ("segment", "VIP", 4), ("step", "a/s1", 3),
    ]
    assert [s.id for s in m.segments] == ["vip", "new"]
    assert "row 2" in findings[0].message


def test_invalid_values_point_at_their_cell_in_the_report_language():
    m = build_map(
        segments=[{"id": "vip", "excluded": "maybe", "size": "many"}],
        scenarios=[scn("a", segments="vip")],
        steps=[step("a", "S1", delay="soon"), step("a", "S2", delay="2h")],
    )
    findings = run_rule(InvalidValue, m)
    assert sorted((f.entity.id, f.location.column) for f in findings) == [
        ("a/S1", "delay"), ("vip", "excluded"), ("vip", "size"),
    ]
    ru = run_rule(InvalidValue, m, lang="ru")
    assert any("ожидается да/нет" in f.message for f in ru)


def test_a_valid_map_has_no_invalid_values():
    m = build_map(segments=[{"id": "vip", "excluded": "нет", "size": "1 200"}], scenarios=[scn("a")],
                  steps=[step("a", "S1", delay="3 дня")])
    assert run_rule(InvalidValue, m) == []
    assert m.segments[0].size == 1200 and m.steps[0].delay_minutes == 3 * 1440


def test_missing_required_cells_and_trigger_without_event():
    m = build_map(
        segments=[{"id": "", "name": "Half-written row"}],
        scenarios=[scn("cart", trigger=""), scn("digest", type="regular", trigger="", schedule="weekly"),
                   scn("news", type="regular", trigger="")],
        steps=[step("cart", "S1"), step("cart", "S2", channel=""), step("digest", "S1"), step("news", "S1")],
    )
    found = {(f.entity.id, f.location.column) for f in run_rule(MissingRequired, m)}
    assert found == {("Segments!2", "id"), ("cart/S2", "channel"), ("cart", "trigger"), ("news", "schedule")}


def test_scenario_without_steps():
    m = build_map(scenarios=[scn("cart"), scn("welcome")], steps=[step("Cart", "S1")])
    assert codes_by_entity(run_rule(ScenarioWithoutSteps, m)) == {("MAP005", "welcome")}


def test_free_text_condition_is_info_but_grammar_is_not():
    m = build_map(scenarios=[scn("a")], steps=[
        step("a", "S1"),
        step("a", "S2", condition="если не открыл письмо"),
        step("a", "S3", condition="если клиент заинтересовался"),
        step("a", "S4", condition="no event order_paid within 3d"),
    ])
    findings = run_rule(ConditionNotCheckable, m)
    assert codes_by_entity(findings) == {("MAP006", "a/S3")}
    assert findings[0].severity.value == "info"


def test_a_required_column_the_map_lacks_is_named_in_the_report_language():
    """A regular mailing on a sheet without a schedule column: MAP004 names «расписание», not `schedule`."""

    m = build_map(scenarios=[scn("digest", type="regular", trigger="")], steps=[step("digest", "S1")])
    ru = run_rule(MissingRequired, m, lang="ru")
    en = run_rule(MissingRequired, m, lang="en")
    assert [f.message for f in ru] == ["Столбец «расписание» не заполнен, а он обязателен для регулярной рассылки."]
    assert [f.message for f in en] == ["Column 'schedule' is empty but required for a regular mailing."]


def test_a_platform_cell_joining_two_systems_sends_each_step_from_the_right_one():
    m = build_map(channels=[{"id": "email", "kind": "email"}, {"id": "call", "kind": "call"}],
                  systems=[{"id": "Mindbox", "channels": "email"}, {"id": "Oktell", "channels": "call"}],
                  scenarios=[scn("vaccine")],
                  steps=[step("vaccine", "S1", "email", system="Mindbox + Oktell"),
                         step("vaccine", "S2", "call", system="Mindbox + Oktell")])
    assert [s.system for s in m.steps] == ["Mindbox", "Oktell"]
    assert run_rule(UnknownReference, m) == []


def test_an_integration_from_a_data_source_named_by_the_events_needs_no_systems_row():
    m = build_map(events=[{"id": "order_placed", "source": "OMS"}], systems=[{"id": "Bloomreach", "channels": "email"}],
                  integrations=[{"from": "OMS", "to": "Bloomreach"}, {"from": "Segmnt", "to": "Bloomreach"}],
                  scenarios=[scn("a", trigger="order_placed")], steps=[step("a", "S1")])
    assert [f.entity.id for f in run_rule(UnknownReference, m)] == ["Segmnt->Bloomreach"]


def test_an_unknown_word_is_explained_in_russian_throughout():
    m = build_map(scenarios=[scn("a", status="Одобрено"), scn("b", type="рег.", schedule="еженедельно")],
                  steps=[step("a", "S1"), step("b", "S1")])
    messages = [f.message for f in run_rule(InvalidValue, m, lang="ru")]
    assert messages == ["Не удалось прочитать «Одобрено» в столбце «status»: неизвестное значение «Одобрено» "
                        "(статус: активен, в плане, на паузе, выключен)."]
    assert m.scenarios[1].type.value == "regular"  # «рег.» is short for регулярная
