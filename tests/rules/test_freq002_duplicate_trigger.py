"""FREQ002 duplicate-trigger."""
import random

from audit.graph import MapGraph
from audit.model import Status, id_key
from rules.freq002_duplicate_trigger import DuplicateTrigger
from tests.builders import build_map, codes_by_entity, run_rule, scn, step


def test_child_segment_shares_its_parents_trigger_scenario():
    m = build_map(segments=[{"id": "new"}, {"id": "vip"}, {"id": "kids", "parent": "new"}], scenarios=[
        scn("w1", segments="new", trigger="signup"), scn("w2", segments="vip", trigger="signup"),
        scn("w3", segments="kids", trigger="SIGNUP"), scn("w4", segments="new", trigger="signup", status="planned"),
    ], steps=[step(s, "S1") for s in ("w1", "w2", "w3", "w4")])
    (finding,) = run_rule(DuplicateTrigger, m)
    assert (finding.entity.kind, finding.entity.id) == ("scenario", "w3")
    assert (finding.location.sheet, finding.location.row, finding.location.column) == ("Scenarios", 4, "trigger")
    assert finding.message == ("Scenario 'w3' fires on 'SIGNUP' for the same customers as 'w1' (segment 'kids'): "
                               "one event, 2 chains.")
    assert finding.hint == ("Merge 'w3' with 'w1', split their segments so they do not overlap, "
                            "or change one trigger.")


def test_sibling_segments_and_different_events_do_not_collide():
    m = build_map(segments=[{"id": "active"}, {"id": "a", "parent": "active"}, {"id": "b", "parent": "active"}],
                  scenarios=[scn("x", segments="a", trigger="order_paid"), scn("y", segments="b", trigger="order_paid"),
                             scn("z", segments="active", trigger="cart_abandoned")],
                  steps=[step(s, "S1") for s in "xyz"])
    assert run_rule(DuplicateTrigger, m) == []


def test_only_active_scenarios_count():
    m = build_map(segments=[{"id": "new"}], scenarios=[
        scn("a", segments="new", trigger="signup"), scn("b", segments="new", trigger="signup", status="paused"),
        scn("c", segments="*", trigger="signup", status="off"), scn("d", segments="new", trigger="signup",
                                                                    status="planned"),
    ], steps=[step(s, "S1") for s in "abcd"])
    assert run_rule(DuplicateTrigger, m) == []


def test_star_collides_with_any_segment_not_excluded():
    m = build_map(segments=[{"id": "stop", "excluded": "yes"}, {"id": "gamers"}], scenarios=[
        scn("cart", segments="*", trigger="cart_abandoned"),
        scn("stop_cart", segments="stop", trigger="cart_abandoned"),   # reaches only the stop list: * does not
        scn("gamers_cart", segments="gamers", trigger="Cart_Abandoned"),
    ], steps=[step(s, "S1") for s in ("cart", "stop_cart", "gamers_cart")])
    (finding,) = run_rule(DuplicateTrigger, m)
    assert finding.message == ("Scenario 'gamers_cart' fires on 'Cart_Abandoned' for the same customers as "
                               "'cart' (segment 'gamers'): one event, 2 chains.")


def test_two_scenarios_naming_the_excluded_segment_still_collide():
    m = build_map(segments=[{"id": "stop", "excluded": "yes"}], scenarios=[
        scn("a", segments="stop", trigger="order_paid", type="service"),
        scn("b", segments="stop", trigger="order_paid", type="service"),
    ], steps=[step(s, "S1") for s in "ab"])
    assert codes_by_entity(run_rule(DuplicateTrigger, m)) == {("FREQ002", "b")}


def test_one_finding_per_later_scenario_naming_the_earlier_ones():
    m = build_map(segments=[{"id": "new", "name": "Новички"}],
                  scenarios=[scn(f"w{i}", segments="new" if i != 2 else "*", trigger="signup") for i in range(1, 6)],
                  steps=[step(f"w{i}", "S1") for i in range(1, 6)])
    findings = run_rule(DuplicateTrigger, m)
    assert [f.entity.id for f in findings] == ["w2", "w3", "w4", "w5"]
    assert findings[3].message == (
        "Scenario 'w5' fires on 'signup' for the same customers as 'w1' (segment 'Новички (new)'), "
        "'w2' (segment 'Новички (new)'), 'w3' (segment 'Новички (new)') and 1 more scenario: one event, 5 chains.")


def test_russian_message():
    m = build_map(segments=[{"id": "new"}], scenarios=[scn("a", segments="new", trigger="signup"),
                                                       scn("b", segments="*", trigger="signup")],
                  steps=[step(s, "S1") for s in "ab"])
    (finding,) = run_rule(DuplicateTrigger, m, lang="ru")
    assert finding.message == ("Сценарий «b» запускается событием «signup» для тех же клиентов, что и «a» "
                               "(сегмент «new»): одно событие — 2 цепочки.")


def test_the_sweep_finds_exactly_the_pairs_listing_every_segment_would():
    rng = random.Random(11)
    for _ in range(300):
        count = rng.randint(1, 7)
        segments = [{"id": f"s{i}", **({"parent": f"s{rng.randrange(count + 1)}"} if rng.random() < 0.6 else {}),
                     **({"excluded": "yes"} if rng.random() < 0.2 else {})} for i in range(count)]
        scenarios = [scn(f"c{j}", trigger=f"e{rng.randrange(2)}", status=rng.choice(["active", "active", "planned"]),
                         segments="*" if rng.random() < 0.2 else ", ".join(
                             f"s{rng.randrange(count + 1)}" for _ in range(rng.randint(1, 3))))
                     for j in range(rng.randint(2, 6))]
        m = build_map(segments=segments, scenarios=scenarios, steps=[step(s["id"], "S1") for s in scenarios])
        graph = MapGraph(m)
        expected = set()
        live = [s for s in m.scenarios if s.status is Status.ACTIVE]
        for i, later in enumerate(live):
            for earlier in live[:i]:
                if id_key(earlier.trigger) == id_key(later.trigger) and \
                        set(graph.reached_segments(earlier)) & set(graph.reached_segments(later)):
                    expected.add(later.id)
        assert {f.entity.id for f in run_rule(DuplicateTrigger, m)} == expected, (segments, scenarios)
