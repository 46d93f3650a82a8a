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


def test_a_condition_written_around_a_declared_event_waits_for_it():
    events = [{"id": "ride_done", "name": "Ride completed"}, {"id": "review", "name": "Отзыв оставлен"},
              {"id": "courier", "name": "Заказ передан курьеру"}, {"id": "licence", "name": "Licence verified"}]
    m = build_map(events=events, scenarios=[scn("a")], steps=[
        step("a", "S1"),
        step("a", "S2", condition="No Ride completed"),
        step("a", "S3", condition="нет события «Отзыв оставлен»"),
        step("a", "S4", condition="после события «Заказ передан курьеру»"),
        step("a", "S5", condition="Licence verified has not happened"),
        step("a", "S6", condition="if no second order"),  # no such event: stays free text
    ])
    read = {s.id: (s.condition.kind.value, s.condition.event) if s.condition else None for s in m.steps}
    assert read == {"S1": None, "S2": ("no_event", "ride_done"), "S3": ("no_event", "review"),
                    "S4": ("event", "courier"), "S5": ("no_event", "licence"), "S6": None}


def test_only_if_opens_a_condition():
    from audit.conditions import parse_condition

    condition = parse_condition("только если не открыл письмо")
    assert (condition.kind.value, condition.negated, condition.feedback, condition.channel) == (
        "feedback", True, "opened", "email")


def test_an_event_source_naming_a_system_is_kept_without_a_problem():
    m = build_map(events=[{"id": "shipped", "source": "OMS"}, {"id": "cart", "source": "сайт"},
                          {"id": "stock", "source": "Bloomreach (catalogue)"}],
                  scenarios=[scn("a", trigger="cart")], steps=[step("a", "S1")])
    read = {e.id: (e.event_source.value if e.event_source else None, e.source_name) for e in m.events}
    assert read == {"shipped": (None, "OMS"), "cart": ("site", "сайт"), "stock": (None, "Bloomreach (catalogue)")}
    assert [p for p in m.problems if p.code == "MAP003"] == []


def test_client_words_for_tiers_tracking_and_care_messages():
    m = build_map(segments=[{"id": "mass", "tier": "массовый"}, {"id": "base", "tier": "std"}],
                  events=[{"id": "cart", "tracked": "есть"}],
                  scenarios=[scn("a", trigger="cart")], steps=[step("a", "S1", message_type="забота")])
    assert [s.tier.value for s in m.segments] == ["regular", "regular"]
    assert m.events[0].tracked is True
    assert m.steps[0].message_type.value == "content"
    assert m.problems == []


def test_one_column_holds_a_trigger_or_a_schedule_row_by_row():
    m = build_map(events=[{"id": "tour", "name": "Tour booked"}], scenarios=[
        {"id": "confirm", "type": "trigger", "schedule": "Tour booked", "segments": "*"},
        {"id": "picks", "type": "trigger", "trigger": "каждый пн 10:00", "segments": "*"},
        {"id": "digest", "type": "regular", "schedule": "еженедельно", "segments": "*"},
    ], steps=[step("confirm", "S1"), step("picks", "S1"), step("digest", "S1")])
    read = {s.id: (s.type.value, s.trigger, s.schedule is not None) for s in m.scenarios}
    assert read == {"confirm": ("trigger", "tour", False), "picks": ("regular", None, True),
                    "digest": ("regular", None, True)}


def test_a_quoted_reference_means_the_same_without_quotes():
    m = build_map(events=[{"id": "E1", "name": "Покупка"}], scenarios=[scn("a")],
                  steps=[step("a", "S1"), step("a", "S2", condition="нет события «Покупка»")])
    assert m.steps[1].condition.event == "E1"


def test_a_feedback_cell_in_words_names_its_feedback():
    m = build_map(channels=[{"id": "sms", "kind": "sms", "feedback": "delivered only"},
                            {"id": "tg", "kind": "messenger", "feedback": "доставлено, read receipts"}],
                  scenarios=[scn("a")], steps=[step("a", "S1", "sms"), step("a", "S2", "tg")])
    assert [c.feedback for c in m.channels] == [["delivered"], ["delivered", "read"]]


def test_a_regular_mailing_counts_from_a_date_not_an_event():
    """«за 3 дня до старта» on a quarterly sale's first step: no trigger event «старта» (TRK001)."""
    m = build_map(scenarios=[{"id": "vip", "type": "regular", "schedule": "раз в квартал", "segments": "*"}],
                  steps=[step("vip", "1", delay="за 3 дня до старта")])
    assert m.scenarios[0].trigger is None
