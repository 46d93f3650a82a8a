"""`--tracking-plan FILE` (audit/tracking.py): CSV, JSON and text plans; untracked events become TRK002."""
import json
from pathlib import Path

import pytest

from audit.cli import main
from audit.errors import MapReadError
from audit.tracking import load_tracking_plan
from tests.builders import audit, build_map, scn, step, write_workbook


def plan_file(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize("name, content", [
    ("events.csv", "event,source\norder_paid,site\nSignup,app\n"),
    ("events.csv", "name;description\norder_paid;Paid, shipped, done\nsignup;Registration, any form\n"),
    ("events.csv", "Key\n order_paid \nsignup\n\n"),
    ("events.csv", "\ufeffEvent Name,Owner\norder_paid,Ann\nsignup,Bob\n"),
    # a Segment-Protocols-like export: quoted descriptions with commas, `Name` column not first
    ("protocols.csv", 'Type,Name,Description,Status\n'
                      'track,order_paid,"Fired when the order is paid, by card or cash",active\n'
                      'track,Signup,"Account created; email confirmed",active\n'),
    ("plan.json", '{"events": [{"name": "order_paid", "description": "paid"}, {"name": "signup"}]}'),
    ("plan.json", '["order_paid", "SIGNUP"]'),
    ("plan.json", '[{"key": "order_paid"}, {"event": "signup"}]'),
    ("plan.json", '{"events": {"order_paid": {"properties": ["amount"]}, "signup": {}}}'),
    ("events.tsv", "name\tdescription\norder_paid\tPaid, shipped\nsignup\tRegistration\n"),
    ("plan.txt", "# events we collect\norder_paid\n\n  signup   # since May\n"),
    ("plan", '{"events": [{"name": "order_paid"}, {"name": "signup"}]}'),  # JSON without the suffix
])
def test_plan_formats(tmp_path, name, content):
    plan = load_tracking_plan(plan_file(tmp_path, name, content))
    assert {"order_paid", "signup"} <= plan
    assert plan - {"order_paid", "signup"} == set()


def test_text_plan_lines_may_start_with_a_bracket(tmp_path):
    plan = load_tracking_plan(plan_file(tmp_path, "amplitude.txt", "[Amplitude] Start Session\norder_paid\n"))
    assert plan == {"[amplitude] start session", "order_paid"}


def test_cp1251_csv_plan_with_russian_header(tmp_path):
    plan = load_tracking_plan(plan_file(tmp_path, "plan.csv", "Событие;Описание\nзаказ_оплачен;Оплата\n"
                                        .encode("cp1251")))
    assert plan == {"заказ_оплачен"}


@pytest.mark.parametrize("name, content, message", [
    ("plan.csv", "id,description\norder_paid,x\n", "row 1: no column named event, name or key in the CSV header"),
    ("plan.json", '{"events": [', "not valid JSON (line 1, column 13)"),
    ("plan.json", '{"events": "order_paid"}', "expected a list of event names"),
    ("plan.txt", "# nothing yet\n\n", "the tracking plan names no events"),
])
def test_bad_plans(tmp_path, name, content, message):
    path = plan_file(tmp_path, name, content)
    with pytest.raises(MapReadError) as caught:
        load_tracking_plan(path)
    assert str(caught.value).startswith(str(path)) and message in str(caught.value)


def cart_map():
    return build_map(
        events=[{"id": "cart_abandoned", "key": "Cart Abandoned", "tracked": "yes"},
                {"id": "order_paid", "tracked": "yes"},
                {"id": "signup", "tracked": "yes"}],
        scenarios=[scn("cart", trigger="cart_abandoned", stop_event="order_paid"), scn("welcome", trigger="signup")],
        steps=[step("cart", "S1"), step("cart", "S2", condition="no event order_paid within 1d"),
               step("welcome", "W1")],
    )


@pytest.mark.parametrize("plan, expected", [
    (None, set()),  # without a plan, events marked tracked are tracked
    (frozenset({"cart abandoned", "order_paid", "signup"}), set()),  # by analytics key, else by id
    (frozenset({"cart_abandoned", "order_paid", "signup"}), set()),  # the id is enough too
    (frozenset({"cart abandoned", "signup"}), {("cart", "stop_event"), ("cart/S2", "condition")}),
    (frozenset({"order_paid"}), {("cart", "trigger"), ("welcome", "trigger")}),
])
def test_event_absent_from_the_plan_is_untracked(plan, expected):
    found = audit(cart_map(), select=["TRK002"], tracking_plan=plan)
    assert {(f.entity.id, f.location.column) for f in found} == expected
    assert all("(not in the tracking plan)" in f.message for f in found)


def test_tracking_plan_on_the_command_line(tmp_path, capsys):
    path = write_workbook(
        tmp_path / "map.xlsx",
        events=[{"id": "Cart_Abandoned", "tracked": "yes"}, {"id": "signup", "tracked": "yes"}],
        scenarios=[scn("cart", trigger="Cart_Abandoned"), scn("welcome", trigger="signup")],
        steps=[step("cart", "S1"), step("welcome", "W1")],
    )
    plan = plan_file(tmp_path, "plan.csv", "event\ncart_abandoned\n")
    out = tmp_path / "r.json"
    assert main(["audit", str(path), "--tracking-plan", str(plan), "--select", "TRK002", "--format", "json",
                 "-o", str(out), "-q", "--today", "2026-11-23"]) == 1
    findings = json.loads(out.read_text(encoding="utf-8"))["findings"]
    assert [(f["rule"], f["entity"]["id"], f["location"]["sheet"], f["location"]["row"], f["location"]["column"])
            for f in findings] == [("TRK002", "welcome", "Scenarios", 3, "trigger")]
    assert findings[0]["message"] == ("'welcome' depends on event 'signup' (trigger), which is not tracked "
                                      "(not in the tracking plan).")


def test_unreadable_plan_is_one_line_and_exit_2(tmp_path, capsys):
    path = write_workbook(tmp_path / "map.xlsx", scenarios=[scn("cart")], steps=[step("cart", "S1")])
    missing = tmp_path / "nowhere.csv"
    assert main(["audit", str(path), "--tracking-plan", str(missing), "-o", str(tmp_path / "r.html")]) == 2
    err = capsys.readouterr().err
    assert err == f"commap: {missing}: cannot read the tracking plan (No such file or directory)\n"
    assert not (tmp_path / "r.html").exists()
