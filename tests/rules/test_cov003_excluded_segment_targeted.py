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
    segments = [{"id": "refused", "excluded": "yes"}, {"id": "wholesale", "parent": "refused"}]
    m = build_map(segments=segments, scenarios=[scn("staff", segments="wholesale")],
                  steps=[step("staff", "S1", message_type="content")])
    (finding,) = run_rule(ExcludedSegmentTargeted, m)
    assert finding.entity.id == "staff/S1"
    assert finding.message == ("Step 'staff/S1' (content) reaches excluded segment(s): "
                               "'wholesale' (part of excluded 'refused').")


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


# ---- segments that mean the stop list, and the whole base (issue 13) ----------------------------

MEANING = [{"id": "active", "name": "Активные покупатели"}, {"id": "stop", "name": "Стоп-лист"},
           {"id": "dnc", "name": "Do-not-contact"}]


def test_a_stop_list_by_name_is_excluded_and_a_promo_to_it_is_reported():
    m = build_map(segments=MEANING, scenarios=[scn("sale", segments="stop, dnc")],
                  steps=[step("sale", "S1", message_type="promo")])
    (finding,) = run_rule(ExcludedSegmentTargeted, m)
    assert "'Стоп-лист (stop)', 'Do-not-contact (dnc)'" in finding.message


def test_a_stop_list_name_with_excluded_no_written_is_not_excluded():
    m = build_map(segments=[{"id": "stop", "name": "Стоп-лист", "excluded": "нет"}],
                  scenarios=[scn("sale", segments="stop")], steps=[step("sale", "S1", message_type="promo")])
    assert run_rule(ExcludedSegmentTargeted, m) == []


def test_promo_to_the_whole_base_reaches_the_stop_list_ru():
    m = build_map(segments=MEANING, scenarios=[scn("sale", segments="вся база", type="regular", schedule="weekly")],
                  steps=[step("sale", "S1", message_type="акционное")])
    (finding,) = run_rule(ExcludedSegmentTargeted, m, lang="ru")
    assert finding.message == ("Шаг «sale/S1» (акционное) доходит до исключённых сегментов: «Стоп-лист (stop)» "
                               "(входит во всю базу), «Do-not-contact (dnc)» (входит во всю базу).")


def test_promo_to_all_customers_reaches_the_stop_list_en():
    m = build_map(segments=MEANING, scenarios=[scn("sale", segments="All customers")],
                  steps=[step("sale", "S1", message_type="news")])
    (finding,) = run_rule(ExcludedSegmentTargeted, m)
    assert finding.message == ("Step 'sale/S1' (news) reaches excluded segment(s): 'Стоп-лист (stop)' (in the whole "
                               "base), 'Do-not-contact (dnc)' (in the whole base).")


def test_look_alikes_of_the_whole_base_are_not_reported():
    cases = [
        scn("star", segments="*"),  # `*` keeps skipping the stop list
        scn("except", segments="вся база, кроме стоп-листа"),  # the exception names the stop list
        scn("except_en", segments="all customers except unsubscribed and stop"),
    ]
    m = build_map(segments=[*MEANING[:2], {"id": "dnc", "name": "Do-not-contact"}], scenarios=cases,
                  steps=[step(c["id"], "S1", message_type="promo") for c in cases])
    reported = codes_by_entity(run_rule(ExcludedSegmentTargeted, m))
    assert ("COV003", "star/S1") not in reported and ("COV003", "except/S1") not in reported
    assert ("COV003", "except_en/S1") not in reported


def test_a_service_message_to_the_whole_base_or_the_stop_list_is_not_reported():
    m = build_map(segments=MEANING, scenarios=[scn("order", segments="вся база", type="service"),
                                               scn("notice", segments="stop")],
                  steps=[step("order", "S1", message_type="сервисное"), step("notice", "S1", message_type="service")])
    assert run_rule(ExcludedSegmentTargeted, m) == []


def test_a_declared_root_segment_called_the_whole_base_is_the_whole_base():
    # "All customers" declared at the top of the tree is everyone, the stop list included
    segments = [{"id": "all_customers", "name": "All customers"}, {"id": "stop", "name": "Стоп-лист"}]
    m = build_map(segments=segments, scenarios=[scn("sale", segments="All customers")],
                  steps=[step("sale", "S1", message_type="promo")])
    assert codes_by_entity(run_rule(ExcludedSegmentTargeted, m)) == {("COV003", "sale/S1")}


def test_whole_base_words_name_a_declared_segment_inside_another():
    # look-alike: "All customers" under "Moscow" is that sub-segment, not the whole base
    segments = [{"id": "moscow"}, {"id": "all_customers", "name": "All customers", "parent": "moscow"},
                {"id": "stop", "name": "Стоп-лист"}]
    m = build_map(segments=segments, scenarios=[scn("sale", segments="All customers")],
                  steps=[step("sale", "S1", message_type="promo")])
    assert run_rule(ExcludedSegmentTargeted, m) == []
