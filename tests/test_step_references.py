"""References between steps and to segments as client maps write them (audit/importer/normalized.py)."""
from tests.builders import build_map, scn, step


def test_a_bare_number_names_the_nth_step_when_steps_carry_names():
    m = build_map(scenarios=[scn("onboarding")], steps=[
        step("onboarding", "You're approved", next="3"),
        step("onboarding", "How to unlock", next="3"),
        step("onboarding", "First ride offer", condition="not opened 1"),
    ])
    by_id = {s.id: s for s in m.steps}
    assert by_id["You're approved"].next == ["First ride offer"]
    assert by_id["How to unlock"].next == ["First ride offer"]
    # the condition's «1» is the first step, the one whose feedback it waits for
    assert by_id["First ride offer"].condition.step_ref == "You're approved"


def test_a_bare_number_stays_a_reference_when_steps_are_numbered():
    """Steps numbered 10, 20, 30: «3» is no step (MAP001 reports it), not the third one."""
    m = build_map(scenarios=[scn("a")], steps=[step("a", "10", next="3"), step("a", "20"), step("a", "30")])
    assert m.steps[0].next == ["3"]


def test_a_number_beyond_the_steps_stays_a_reference():
    m = build_map(scenarios=[scn("a")], steps=[step("a", "Hello", next="5"), step("a", "Bye")])
    assert m.steps[0].next == ["5"]


def test_a_segment_name_holding_a_comma_is_one_segment():
    m = build_map(segments=[{"id": "seg1", "name": "Verified, no ride yet"}, {"id": "vip", "name": "VIP"}],
                  scenarios=[scn("a", segments="Verified, no ride yet, VIP")], steps=[step("a", "S1")])
    assert m.scenarios[0].segments == ["seg1", "VIP"]  # an id as written resolves as it is


def test_parts_known_alone_are_not_joined():
    m = build_map(segments=[{"id": "new"}, {"id": "active"}, {"id": "new, active"}],
                  scenarios=[scn("a", segments="new, active")], steps=[step("a", "S1")])
    assert m.scenarios[0].segments == ["new", "active"]
