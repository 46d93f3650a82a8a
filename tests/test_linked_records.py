"""Linked-record exports (Airtable, Notion relations, SmartSuite): a CSV per table, references written as
"Name (recXXXX)", a "Record ID" column per table (audit/importer/normalized.py, recognize.py)."""
from datetime import date

from audit import AuditConfig, load_map, run
from audit.graph import MapGraph
from audit.feasibility import system_receives
from audit.importer.recognize import sheet_name_score
from audit.timing import parse_timing


def _export(folder, tables: dict[str, str]):
    folder.mkdir()
    for name, text in tables.items():
        (folder / f"{name}-Grid view.csv").write_text("\ufeff" + text.strip() + "\n", encoding="utf-8")
    return folder


TABLES = {
    "Channels": """
Name,Record ID,Kind,Systems
Email,recEm0000001,email,"Mailer (recSy0000001), Transact (recSy0000002)"
Push,recPu0000001,push,Pusher (recSy0000003)
""",
    "Systems": """
Name,Record ID,Channels,Sends data to
Mailer,recSy0000001,Email (recEm0000001),
Transact,recSy0000002,Email (recEm0000001),
Pusher,recSy0000003,Push (recPu0000001),
Billing,recSy0000004,,Mailer (recSy0000001)
""",
    "Events": """
Name,Record ID,Source,Tracked
Invoice late,recEv0000001,Billing (recSy0000004),TRUE
Paid,recEv0000002,Billing (recSy0000004),FALSE
""",
    "Segments": """
Name,Record ID,Parent,Accounts,Do not market
Payers,recSg0000001,,"1,200",FALSE
Small payers,recSg0000002,Payers (recSg0000001),300,FALSE
""",
    "Scenarios": """
Name,Record ID,Kind,Segments,Trigger event,Stop event,Status,Last reviewed
Dunning,recSc0000001,Trigger,Payers (recSg0000001),Invoice late (recEv0000001),Paid,Active,10/22/2026
""",
    "Steps": """
Name,Record ID,Scenario,Order,Channel,Sent by,Delay,Next step,Message
Dunning · 1,recSt0000001,Dunning,1,Push (recPu0000001),Pusher (recSy0000003),immediately,Dunning · 3 (recSt0000003),Pay now
Dunning · 2,recSt0000002,Dunning (recSc0000001),2,Email (recEm0000001),Mailer (recSy0000001),1 day,,Still unpaid
Dunning · 3,recSt0000003,Dunning,3,Email (recEm0000001),Transact (recSy0000002),every 7 days (max 3 times),Dunning · 3 (recSt0000003),Reminder
""",
}


def test_references_in_brackets_resolve_to_the_record_that_holds_the_id(tmp_path):
    m = load_map(_export(tmp_path / "base", TABLES))
    scenario = m.scenarios[0]
    assert (scenario.id, scenario.name) == ("recSc0000001", "Dunning")  # "Record ID" is the id, "Name" the name
    assert scenario.segments == ["recSg0000001"] and scenario.trigger == "recEv0000001"
    assert scenario.stop_events == ["recEv0000002"]  # a bare name resolves as before
    assert scenario.last_reviewed == date(2026, 10, 22)  # a US date: the day cannot come first
    assert {s.id: s.parent for s in m.segments} == {"recSg0000001": None, "recSg0000002": "recSg0000001"}
    assert {s.id: s.size for s in m.segments} == {"recSg0000001": 1200, "recSg0000002": 300}  # "Accounts"
    assert {e.id: e.tracked for e in m.events} == {"recEv0000001": True, "recEv0000002": False}  # checkboxes
    assert [e.source_name for e in m.events] == ["recSy0000004", "recSy0000004"]
    # steps: the scenario by its name or its record, numbered by "Order", `next` by the step's record id
    steps = {s.id: s for s in m.steps}
    assert sorted(steps) == ["1", "2", "3"] and {s.scenario for s in m.steps} == {"recSc0000001"}
    assert steps["1"].next == ["3"] and steps["3"].next == ["3"]
    assert (steps["1"].channel, steps["1"].system) == ("recPu0000001", "recSy0000003")
    # the systems' channel lists and integrations by id
    assert {s.id: s.channels for s in m.systems}["recSy0000001"] == ["recEm0000001"]
    assert [(i.from_system, i.to_system) for i in m.integrations] == [("recSy0000004", "recSy0000001")]


def test_a_channel_naming_several_systems_is_sent_by_each(tmp_path):
    m = load_map(_export(tmp_path / "base", TABLES))
    email = next(c for c in m.channels if c.name == "Email")
    assert email.system is None  # no one sender: each step's "Sent by" says which
    sends = {s.id for s in m.systems if "recEm0000001" in s.channels}
    assert sends == {"recSy0000001", "recSy0000002"}


def test_the_export_reads_without_false_alarms(tmp_path):
    m = load_map(_export(tmp_path / "base", TABLES))
    findings = run(m, AuditConfig(today=date(2026, 11, 28), select=["all"])).findings
    codes = {f.rule for f in findings}
    assert not codes & {"MAP001", "MAP003", "MAP005", "COV004", "FLOW003"}, [f.message for f in findings]
    # step 2 is linked from nowhere: only it is unreachable
    assert [f.entity.id for f in findings if f.rule == "FLOW005"] == ["recSc0000001/2"]


def test_a_system_whose_integrations_are_listed_feeds_only_those(tmp_path):
    """Billing sends data to Mailer only: its event reaches Mailer, not Pusher, though no system lists
    what it receives."""
    m = load_map(_export(tmp_path / "base", TABLES))
    g = MapGraph(m)
    late = g.events["recev0000001"]
    assert system_receives(g, g.systems["recsy0000001"], late)
    assert not system_receives(g, g.systems["recsy0000003"], late)
    findings = run(m, AuditConfig(today=date(2026, 11, 28), select=["all"])).findings
    assert any(f.rule == "TRK003" and "recEv0000001" in f.message and "recSy0000003" in f.message
               for f in findings)


def test_an_unknown_record_id_in_brackets_leaves_the_name(tmp_path):
    tables = {**TABLES, "Steps": """
Name,Record ID,Scenario,Order,Channel,Sent by,Delay,Next step
Dunning · 1,recSt0000001,Dunning,1,Email (recZZ9999999),Mailer (recSy0000001),immediately,
Dunning · 2,recSt0000002,Dunning,2,Push (https://www.notion.so/Push-0a1b2c),Pusher (recSy0000003),1 day,
"""}
    m = load_map(_export(tmp_path / "base", tables))
    assert [s.channel for s in m.steps] == ["recEm0000001", "recPu0000001"]  # "Email", "Push": then by name


def test_other_brackets_stay_as_written(tmp_path):
    tables = {**TABLES, "Segments": """
Name,Record ID,Parent,Do not market
Payers,recSg0000001,,FALSE
Stop list (complaints),recSg0000002,,TRUE
""", "Scenarios": """
Name,Record ID,Kind,Segments,Trigger event,Status
Dunning,recSc0000001,Trigger,"Payers, Stop list (complaints)",Invoice late,Active
"""}
    m = load_map(_export(tmp_path / "base", tables))
    assert m.scenarios[0].segments == ["recSg0000001", "recSg0000002"]


def test_the_table_names_its_airtable_download():
    assert sheet_name_score("Steps-Grid view", "steps") == 1.0
    assert sheet_name_score("Scenarios-All active view", "scenarios") == 1.0
    assert sheet_name_score("Steps", "steps") == 1.0


def test_record_id_and_order_columns_are_read(tmp_path):
    m = load_map(_export(tmp_path / "base", TABLES))
    plans = {p.name: {c.header: c.field for c in p.columns} for p in m.reading.sheets}
    assert plans["Steps-Grid view"]["Record ID"] == "id" and plans["Steps-Grid view"]["Order"] == "step"
    assert plans["Scenarios-Grid view"]["Record ID"] == "id" and plans["Scenarios-Grid view"]["Kind"] == "type"
    assert plans["Segments-Grid view"]["Accounts"] == "size"
    assert m.scenarios[0].type.value == "trigger"


def test_a_repeat_limit_in_a_timing_cell_bounds_the_loop_and_is_no_unread_part():
    timing = parse_timing("every 7 days (max 3 times)")
    assert (timing.recurrence, timing.unread, timing.reason) == ("every 7 days", "", "")


def test_a_loop_bounded_in_its_timing_cell_is_no_endless_loop(tmp_path):
    tables = {**TABLES, "Scenarios": """
Name,Record ID,Kind,Segments,Trigger event,Status
Dunning,recSc0000001,Trigger,Payers,Invoice late,Active
"""}
    m = load_map(_export(tmp_path / "base", tables))
    assert m.scenarios[0].stop_events == []
    findings = run(m, AuditConfig(today=date(2026, 11, 28), select=["all"])).findings
    assert not any(f.rule == "FLOW003" for f in findings)
