"""COV003 excluded-segment-targeted."""
from rules.cov003_excluded_segment_targeted import ExcludedSegmentTargeted
from tests.builders import build_map, codes_by_entity, run_rule, scn, step

SEGMENTS = [{"id": "all"}, {"id": "stop", "name": "Стоп-лист", "parent": "all", "excluded": "yes"},
            {"id": "vip", "parent": "all"}]


def test_promo_to_a_parent_reaches_its_excluded_child():
    m = build_map(segments=SEGMENTS, scenarios=[scn("sale", segments="all", type="regular", schedule="weekly")],
                  steps=[step("sale", "S1", message_type="promo"), step("sale", "S2", message_type="service")])
    findings = run_rule(ExcludedSegmentTargeted, m)
    assert codes_by_entity(findings) == {("COV003", "sale/S1")}
    (finding,) = findings
    assert finding.entity.kind == "step"
    assert (finding.location.sheet, finding.location.row, finding.location.column) == ("Steps", 2, "message_type")
    assert finding.message == ("Step 'sale/S1' (promo) reaches excluded segment(s): "
                               "'Стоп-лист (stop)' (inside targeted 'all').")
    assert finding.hint == "Remove the excluded segment from scenario 'sale' or target a segment without it."


def test_star_skips_the_stop_list_but_a_segment_named_next_to_it_is_checked():
    m = build_map(segments=SEGMENTS, scenarios=[scn("digest", segments="*"), scn("mixed", segments="*, STOP")],
                  steps=[step("digest", "S1", message_type="news"), step("mixed", "S1", message_type="news")])
    findings = run_rule(ExcludedSegmentTargeted, m)
    assert codes_by_entity(findings) == {("COV003", "mixed/S1")}
    assert findings[0].message == "Step 'mixed/S1' (news) reaches excluded segment(s): 'Стоп-лист (stop)'."


def test_only_promo_news_and_content_steps_of_live_scenarios_are_reported():
    m = build_map(segments=SEGMENTS, scenarios=[
        scn("direct", segments="stop"),
        scn("planned", segments="stop", status="planned"),
        scn("paused", segments="stop", status="paused"),
        scn("off", segments="stop", status="off"),
    ], steps=[
        step("direct", "S1", message_type="promo"), step("direct", "S2", message_type="news"),
        step("direct", "S3", message_type="content"), step("direct", "S4", message_type="service"),
        step("direct", "S5", message_type="transactional"), step("direct", "S6", message_type="info"),
        step("direct", "S7"),  # no message type: not judged
        step("planned", "S1", message_type="акционное"),
        step("paused", "S1", message_type="promo"), step("off", "S1", message_type="promo"),
    ])
    assert codes_by_entity(run_rule(ExcludedSegmentTargeted, m)) == {
        ("COV003", "direct/S1"), ("COV003", "direct/S2"), ("COV003", "direct/S3"), ("COV003", "planned/S1"),
    }


def test_segment_without_an_excluded_one_below_it_is_not_reported():
    m = build_map(segments=SEGMENTS, scenarios=[scn("vipsale", segments="vip")],
                  steps=[step("vipsale", "S1", message_type="promo")])
    assert run_rule(ExcludedSegmentTargeted, m) == []


def test_a_child_of_an_excluded_segment_is_on_the_stop_list_too():
    segments = [{"id": "refused", "excluded": "yes"}, {"id": "employees", "parent": "refused"}]
    m = build_map(segments=segments, scenarios=[scn("staff", segments="employees")],
                  steps=[step("staff", "S1", message_type="content")])
    (finding,) = run_rule(ExcludedSegmentTargeted, m)
    assert finding.entity.id == "staff/S1"
    assert finding.message == ("Step 'staff/S1' (content) reaches excluded segment(s): "
                               "'employees' (part of excluded 'refused').")


def test_each_excluded_segment_is_named_once_and_nested_ones_under_it_are_not_repeated():
    segments = [*SEGMENTS, {"id": "staff", "parent": "stop", "excluded": "yes"},
                {"id": "sleeping", "parent": "vip", "excluded": "yes"}]
    m = build_map(segments=segments, scenarios=[scn("sale", segments="stop, all")],
                  steps=[step("sale", "S1", message_type="promo")])
    (finding,) = run_rule(ExcludedSegmentTargeted, m)
    assert finding.message == ("Step 'sale/S1' (promo) reaches excluded segment(s): "
                               "'Стоп-лист (stop)', 'sleeping' (inside targeted 'all').")


def test_parent_cycle_does_not_hang():
    segments = [{"id": "a", "parent": "b"}, {"id": "b", "parent": "a"}, {"id": "c", "parent": "a", "excluded": "yes"}]
    m = build_map(segments=segments, scenarios=[scn("x", segments="b")], steps=[step("x", "S1", message_type="promo")])
    (finding,) = run_rule(ExcludedSegmentTargeted, m)
    assert finding.message == "Step 'x/S1' (promo) reaches excluded segment(s): 'c' (inside targeted 'b')."


def test_russian_message():
    m = build_map(segments=SEGMENTS, scenarios=[scn("sale", segments="all")],
                  steps=[step("sale", "S1", message_type="promo")])
    (finding,) = run_rule(ExcludedSegmentTargeted, m, lang="ru")
    assert finding.message == ("Шаг «sale/S1» (акционное) доходит до исключённых сегментов: "
                               "«Стоп-лист (stop)» (входит в «all»).")
