"""`commap diff` (six-month review) and `commap audit --baseline`."""
import copy
import json

from audit.cli import main
from audit.config import AuditConfig
from audit.diff import compare_maps, diff, match_findings
from tests.builders import TODAY, build_map, scn, step, write_workbook

OLD = dict(
    segments=[{"id": "new"}, {"id": "vip"}, {"id": "sleeping"}],
    channels=[{"id": "email", "kind": "email"}, {"id": "sms", "kind": "sms"}],
    scenarios=[scn("welcome", segments="new", name="Welcome chain"), scn("vipcall", segments="vip")],
    steps=[step("welcome", "S1", "email"), step("welcome", "S2", "emial"), step("vipcall", "S1", "sms")],
)


def new_version():
    tables = copy.deepcopy(OLD)
    tables["steps"][1]["channel"] = "email"  # fixes MAP001 on welcome/S2
    tables["scenarios"][0]["name"] = "Welcome series"  # a renamed field
    tables["scenarios"].append(scn("winback", segments="sleeping"))  # new scenario, with no steps: MAP005
    tables["segments"] = [s for s in tables["segments"] if s["id"] != "vip"] + [{"id": "VIP"}]
    return tables


def test_entities_added_removed_and_changed_with_fields():
    changes = compare_maps(build_map(**OLD), build_map(**new_version()))
    assert [(c.kind, c.id) for c in changes.added] == [("scenario", "winback")]
    assert changes.removed == []  # `VIP` is `vip`: ids compare case-insensitively
    assert [(c.kind, c.id, c.fields) for c in changes.changed] == [
        ("segment", "VIP", ("id",)), ("scenario", "welcome", ("name",)), ("step", "welcome/S2", ("channel",)),
    ]


def test_findings_new_fixed_and_kept():
    d = diff(build_map(**OLD), build_map(**new_version()), AuditConfig(today=TODAY, select=["MAP", "COV001"]))
    # winback also gives the sleeping segment its first scenario
    assert [(f.rule, f.entity.id) for f in d.findings.fixed] == [("MAP001", "welcome/S2"), ("COV001", "sleeping")]
    assert [(f.rule, f.entity.id) for f in d.findings.new] == [("MAP005", "winback")]
    assert d.findings.kept == []


def test_multiset_matching_keeps_counts():
    m = build_map(channels=[{"id": "email"}], scenarios=[scn("a")],
                  steps=[step("a", "S1", "x", next="S9")])
    from tests.builders import audit

    findings = [f for f in audit(m, select=["MAP001"])]
    assert len(findings) == 2  # the channel and the next step
    result = match_findings(findings[:1], findings)
    assert len(result.kept) == 1 and len(result.new) == 1 and result.fixed == []


def test_diff_cli_json_is_byte_identical_and_has_the_spec_shape(tmp_path, capsys):
    old = write_workbook(tmp_path / "map_v1.xlsx", meta={"name": "Shop", "last reviewed": "2026-01-10"}, **OLD)
    new = write_workbook(tmp_path / "map_v2.xlsx", meta={"name": "Shop", "last reviewed": "2026-11-01"},
                         **new_version())
    outputs = []
    for index in range(2):
        out = tmp_path / f"d{index}.json"
        code = main(["diff", str(old), str(new), "--format", "json", "-o", str(out), "--today", "2026-11-23",
                     "--select", "MAP"])
        assert code == 1  # a new error (MAP005)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    data = json.loads(outputs[0])
    assert set(data) == {"old", "new", "changes", "findings"}
    assert data["old"]["last_reviewed"] == "2026-01-10" and data["new"]["last_reviewed"] == "2026-11-01"
    assert data["changes"]["added"] == [{"kind": "scenario", "id": "winback"}]
    assert {"kind": "scenario", "id": "welcome", "fields": ["name"]} in data["changes"]["changed"]
    assert [f["rule"] for f in data["findings"]["fixed"]] == ["MAP001"]
    html = tmp_path / "d.html"
    assert main(["diff", str(old), str(new), "-o", str(html), "-q", "--fail-on", "never"]) == 0
    assert "winback" in html.read_text()


def test_baseline_marks_known_findings_and_fail_on_new(tmp_path):
    old = write_workbook(tmp_path / "v1.xlsx", **OLD)
    baseline = tmp_path / "baseline.json"
    assert main(["audit", str(old), "--format", "json", "-o", str(baseline), "-q", "--select", "MAP"]) == 1
    tables = copy.deepcopy(OLD)
    tables["scenarios"].append(scn("winback", segments="sleeping"))
    new = write_workbook(tmp_path / "v2.xlsx", **tables)
    out = tmp_path / "now.json"
    args = ["audit", str(new), "--format", "json", "-o", str(out), "-q", "--select", "MAP", "--baseline", str(baseline)]
    assert main(args) == 1
    data = json.loads(out.read_text())
    assert {(f["rule"], f["entity"]["id"], f["baseline"]) for f in data["findings"]} == {
        ("MAP001", "welcome/S2", "known"), ("MAP005", "winback", "new")}
    assert data["baseline"]["new"] == 1 and data["baseline"]["known"] == 1
    # only the known finding left: --fail-on-new passes
    assert main(["audit", str(old), "-q", "-o", str(tmp_path / "x.json"), "--format", "json", "--select", "MAP",
                 "--baseline", str(baseline), "--fail-on-new"]) == 0
    assert main(args + ["--fail-on-new"]) == 1


def test_bad_baseline_is_exit_2(tmp_path, capsys):
    old = write_workbook(tmp_path / "v1.xlsx", **OLD)
    bad = tmp_path / "b.json"
    bad.write_text("[1, 2]")
    assert main(["audit", str(old), "-q", "--baseline", str(bad), "-o", str(tmp_path / "r.html")]) == 2
    assert "not a commap JSON report" in capsys.readouterr().err


def test_six_month_review_of_the_bundled_sample(tmp_path):
    """v2 of the Russian sample: Viber dropped (COV004 fixed), a birthday scenario on an undefined event
    added (TRK001 new), the digest renamed (changed: name)."""
    from datetime import datetime
    from pathlib import Path

    import openpyxl

    v1 = Path(__file__).resolve().parent.parent / "samples" / "ru_ecommerce.xlsx"
    v2 = tmp_path / "ru_ecommerce_v2.xlsx"
    book = openpyxl.load_workbook(v1)
    channels = book["Каналы"]
    viber_row = next(row[0].row for row in channels.iter_rows(min_row=2) if row[0].value == "viber")
    channels.delete_rows(viber_row)
    scenarios = book["Сценарии"]
    digest = next(row for row in scenarios.iter_rows(min_row=4) if row[0].value == "digest")
    digest[1].value = "Подборка недели"
    scenarios.append(["birthday", "День рождения", "триггерный", "active", "loyalty", "birthday", None,
                      "Покупка в подарок", "order_paid", "order_paid", "Конверсия", "Анна Смирнова", "активен",
                      "2026-11-20"])
    book["Шаги"].append(["birthday", "S1", "email", "С днём рождения! Подарок внутри", "акционное", "0", None])
    book["Карта"]["B5"].value = datetime(2026, 11, 20)
    book.save(v2)
    out = tmp_path / "review.json"
    assert main(["diff", str(v1), str(v2), "--format", "json", "-o", str(out), "--today", "2026-11-23", "-q"]) == 1
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["changes"]["added"] == [{"kind": "scenario", "id": "birthday"}, {"kind": "step", "id": "birthday/S1"}]
    assert data["changes"]["removed"] == [{"kind": "channel", "id": "viber"}]
    assert data["changes"]["changed"] == [{"kind": "scenario", "id": "digest", "fields": ["name"]}]
    fixed = {(f["rule"], f["entity"]["id"]) for f in data["findings"]["fixed"]}
    new = {(f["rule"], f["entity"]["id"]) for f in data["findings"]["new"]}
    # the review date moved to 2026-11-20: GOV001 is fixed too. The birthday promo reaches the stop list
    # (a child of `active`), and one more weekly email lifts `active` and its children from 2.25 to 3.25 > 3
    assert fixed == {("COV004", "viber"), ("GOV001", "Карта коммуникаций интернет-магазина «Полка»")}
    assert new == {("TRK001", "birthday"), ("COV003", "birthday/S1"), ("FREQ001", "active"), ("FREQ001", "VIP"),
                   ("FREQ001", "no_open"), ("FREQ001", "gamers")}
    assert data["old"]["last_reviewed"] == "2026-03-15" and data["new"]["last_reviewed"] == "2026-11-20"
    assert len(data["findings"]["kept"]) == 17  # GOV002 digest (reviewed 2025-12-01) runs by default since issue 13
