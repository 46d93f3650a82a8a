"""FLOW003 endless-loop."""
from rules.flow003_endless_loop import EndlessLoop
from tests.builders import build_map, codes_by_entity, run_rule, scn, step

RING = [step("a", "S1", next="S2"), step("a", "S2", "push", next="S1")]


def test_ring_without_a_stop_is_reported_once_at_its_first_row():
    findings = run_rule(EndlessLoop, build_map(scenarios=[scn("a", name="Промокод")], steps=RING))
    assert codes_by_entity(findings) == {("FLOW003", "a/S1")}
    (finding,) = findings
    assert (finding.location.sheet, finding.location.row, finding.location.column) == ("Steps", 2, "next")
    assert finding.message == ("Steps S1 → S2 → S1 of scenario 'Промокод (a)' repeat in a loop that no stop event, "
                               "repeat limit or expiry ends: all customers who enter it stay in it for ever.")


def test_a_stop_event_ends_the_loop():
    assert run_rule(EndlessLoop, build_map(scenarios=[scn("a", stop_event="code_expired")], steps=RING)) == []


def test_a_goal_event_alone_does_not_end_the_loop():
    m = build_map(scenarios=[scn("a", goal_event="order_paid")], steps=RING)
    assert codes_by_entity(run_rule(EndlessLoop, m)) == {("FLOW003", "a/S1")}


def test_a_reaction_condition_inside_the_cycle_does_not_end_it_and_says_who_stays():
    inside = [step("a", "S1", next="S2"), step("a", "S2", next="S1", condition="not opened S1")]
    (finding,) = run_rule(EndlessLoop, build_map(scenarios=[scn("a")], steps=inside))
    assert finding.entity.id == "a/S1"
    assert finding.message.endswith("ends: customers who never open S1 stay in it for ever.")
    (finding,) = run_rule(EndlessLoop, build_map(scenarios=[scn("a")], steps=inside), lang="ru")
    assert finding.message.endswith("не прерывают: клиенты, которые так и не открыли S1, останутся в нём навсегда.")


def test_who_stays_names_every_condition_of_the_loop():
    steps = [step("a", "S1", next="S2", condition="no event order_paid"),
             step("a", "S2", "push", next="S1", condition="не открыл S1 в течение 24ч"),
             step("a", "S3", next="S1", condition="пока не купит")]
    m = build_map(scenarios=[scn("a")], steps=steps[:2])
    (finding,) = run_rule(EndlessLoop, m)
    assert finding.message.endswith("customers who never reach event 'order_paid' and never open S1 stay in it "
                                    "for ever.")
    free = [step("b", "S1", next="S2"), step("b", "S2", next="S1", condition="пока не купит")]
    (finding,) = run_rule(EndlessLoop, build_map(scenarios=[scn("b")], steps=free), lang="ru")
    assert "клиенты, которые каждый круг подходят под условие «пока не купит», останутся" in finding.message


def test_a_repeat_limit_or_an_expiry_written_in_the_loop_ends_it_ru_and_en():
    def loop(**texts):
        condition = texts.pop("condition", "not opened S1")
        return [step("a", "S1", next="S2", message=texts.pop("message", "")),
                step("a", "S2", "push", next=texts.pop("next", "S1"), condition=condition, delay="1d")]
    bounded = [
        (dict(condition="не открыл S1, не более 3 раз"), {}),  # in the condition (free text)
        (dict(message="Напоминание о корзине (до 3 раз)"), {}),  # in a step's text
        (dict(message="Reminder — max 3 times"), {}),
        ({}, dict(name="Cart reminders, up to 3 times")),  # in the scenario's text
        ({}, dict(goal="Повторять до трёх раз")),
        ({}, dict(name="Повтор, пока не истечёт промокод")),  # an expiry
        (dict(message="The code expires on Friday"), {}),
        ({}, dict(name="Распродажа до 31.12")),  # a date
        (dict(next="S1, до 3 раз"), {}),  # in the next cell
    ]
    for step_texts, scenario_texts in bounded:
        m = build_map(scenarios=[scn("a", **scenario_texts)], steps=loop(**step_texts))
        assert run_rule(EndlessLoop, m) == [], (step_texts, scenario_texts)


def test_look_alikes_of_a_bound_do_not_end_the_loop():
    for message in ("Скидка до 30%", "Up to 50% off", "3 раза в неделю отличные цены", "Top 3 picks"):
        steps = [step("a", "S1", next="S2", message=message), step("a", "S2", next="S1", condition="not opened S1")]
        assert codes_by_entity(run_rule(EndlessLoop, build_map(scenarios=[scn("a")], steps=steps))) == {
            ("FLOW003", "a/S1")}, message


def test_a_bound_outside_the_loop_does_not_end_it():
    steps = [step("a", "S1", message="до 3 раз"), step("a", "S2", next="S3"), step("a", "S3", next="S2")]
    assert codes_by_entity(run_rule(EndlessLoop, build_map(scenarios=[scn("a")], steps=steps))) == {
        ("FLOW003", "a/S2")}


def test_one_condition_outside_the_cycle_changes_nothing():
    # S2's condition sits on the way into the loop S3 ⇄ S4, not on the loop itself
    outside = [step("a", "S1"), step("a", "S2", condition="not opened S1"), step("a", "S3", next="S4"),
               step("a", "S4", next="S3")]
    (finding,) = run_rule(EndlessLoop, build_map(scenarios=[scn("a")], steps=outside))
    assert finding.entity.id == "a/S3" and "all customers who enter it" in finding.message


def test_the_ring_is_walked_in_link_order_from_its_first_row():
    steps = [step("a", "S1", next="S3"), step("a", "S2", next="S1"), step("a", "S3", next="S2")]
    (finding,) = run_rule(EndlessLoop, build_map(scenarios=[scn("a")], steps=steps))
    assert finding.entity.id == "a/S1"
    assert "Steps S1 → S3 → S2 → S1 of" in finding.message


def test_a_tangle_that_is_not_one_ring_is_listed_in_row_order():
    steps = [step("a", "S1", next="S2"), step("a", "S2", next="S1, S3"), step("a", "S3", next="S1")]
    (finding,) = run_rule(EndlessLoop, build_map(scenarios=[scn("a")], steps=steps))
    assert finding.entity.id == "a/S1"
    assert "Steps S1, S2, S3 of" in finding.message


def test_a_step_leading_to_itself_is_a_loop():
    m = build_map(scenarios=[scn("a")], steps=[step("a", "S0"), step("a", "S1", next="S1")])
    (finding,) = run_rule(EndlessLoop, m)
    assert finding.entity.id == "a/S1"
    assert "Steps S1 → S1 of" in finding.message


def test_two_separate_loops_are_two_findings_and_paused_scenarios_are_checked():
    steps = [step("a", "S1", next="S2"), step("a", "S2", next="S1, S3"), step("a", "S3", next="S4"),
             step("a", "S4", next="S3"), step("b", "S1", next="S1")]
    m = build_map(scenarios=[scn("a"), scn("b", status="paused")], steps=steps)
    assert codes_by_entity(run_rule(EndlessLoop, m)) == {("FLOW003", "a/S1"), ("FLOW003", "a/S3"),
                                                         ("FLOW003", "b/S1")}


def test_chains_and_branches_without_a_cycle_are_not_loops():
    chain = [step("a", "S1"), step("a", "S2"), step("a", "S3")]
    branches = [step("b", "S1", next="S2, S3"), step("b", "S2", next="S3"), step("b", "S3", next="end")]
    m = build_map(scenarios=[scn("a"), scn("b")], steps=chain + branches)
    assert run_rule(EndlessLoop, m) == []


def test_steps_with_the_same_ids_in_other_scenarios_do_not_join_a_loop():
    steps = [step("a", "S1", next="S2"), step("a", "S2", next="end"), step("b", "S2", next="S1"), step("b", "S1")]
    assert run_rule(EndlessLoop, build_map(scenarios=[scn("a"), scn("b")], steps=steps)) == []


def test_russian_message():
    (finding,) = run_rule(EndlessLoop, build_map(scenarios=[scn("a")], steps=RING), lang="ru")
    assert finding.message == ("Шаги S1 → S2 → S1 сценария «a» повторяются по кругу, и ни стоп-событие, ни лимит "
                               "повторов, ни срок цикл не прерывают: все клиенты, попавшие в него, останутся в нём "
                               "навсегда.")


def test_contact_pressure_agrees_with_flow003():
    """A loop FLOW003 reports is unbounded in the pressure table; one it accepts is a finite number."""
    from audit.graph import MapGraph
    from audit.pressure import contact_pressure

    def pressure(scenario: dict, steps: list[dict]) -> float:
        m = build_map(segments=[{"id": "seg"}], scenarios=[scenario], steps=steps)
        return contact_pressure(MapGraph(m))["seg"].per_kind["email"], run_rule(EndlessLoop, m)

    ring = [step("a", "S1", next="S2"), step("a", "S2", next="S1", condition="not opened S1", delay="1d")]
    value, findings = pressure(scn("a", segments="seg"), ring)
    assert value == float("inf") and len(findings) == 1
    limited = [step("a", "S1", next="S2"), step("a", "S2", next="S1", condition="not opened S1, max 3 times")]
    value, findings = pressure(scn("a", segments="seg"), limited)
    assert value == 6 and findings == []  # two steps, three rounds, one firing a week
    value, findings = pressure(scn("a", segments="seg", stop_event="order_paid"), ring)
    assert value == 14 and findings == []  # a round takes a day: 7 rounds a week × 2 steps
