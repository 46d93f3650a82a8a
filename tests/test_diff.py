"""`commap diff` (six-month review) and `commap audit --baseline`."""
import copy
import json
from datetime import datetime
from pathlib import Path

import openpyxl

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
    assert set(data) == {"old", "new", "review", "changes", "findings"}
    assert data["old"]["last_reviewed"] == "2026-01-10" and data["new"]["last_reviewed"] == "2026-11-01"
    assert [(c["kind"], c["id"]) for c in data["changes"]["added"]] == [("scenario", "winback")]
    welcome = next(c for c in data["changes"]["changed"] if c["id"] == "welcome")
    assert welcome["kind"] == "scenario" and welcome["fields"] == ["name"]  # the keys SPEC §4 readers rely on
    assert welcome["values"] == [{"field": "name", "label": "Name", "before": "Welcome chain",
                                  "after": "Welcome series"}]
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


SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _cell(sheet, header: str, *keys: str):
    """The cell under `header` in the row whose first cells are `keys` (the header row is found by `header`)."""
    for row in sheet.iter_rows():
        values = [cell.value for cell in row]
        if header in values:
            column = values.index(header)
            break
    else:
        raise KeyError(header)
    for row in sheet.iter_rows(min_row=row[0].row + 1):
        if tuple(cell.value for cell in row[:len(keys)]) == keys:
            return row[column]
    raise KeyError(keys)


def ru_v2(path: Path) -> Path:
    """The Russian sample six months on: Viber dropped, the digest renamed, a birthday scenario (on an
    event the map does not define), the welcome chain stops on payment and got a third email, Black
    Friday switched off, the cart's first email became a promo, the map reviewed on 2026-11-20."""
    book = openpyxl.load_workbook(SAMPLES / "ru_ecommerce.xlsx")
    channels = book["Каналы"]
    channels.delete_rows(_cell(channels, "ID", "viber").row)
    scenarios = book["Сценарии"]
    _cell(scenarios, "Название", "digest").value = "Подборка недели"
    _cell(scenarios, "Стоп-событие", "welcome").value = "order_paid"
    _cell(scenarios, "Статус", "black_friday").value = "выключен"
    scenarios.append(["birthday", "День рождения", "триггерный", "active", "loyalty", "birthday", None,
                      "Покупка в подарок", "order_paid", "order_paid", "Конверсия", "Анна Смирнова", "активен",
                      "2026-11-20"])
    steps = book["Шаги"]
    _cell(steps, "Тип сообщения", "cart", "S1").value = "акционное"
    steps.append(["birthday", "S1", "email", "С днём рождения! Подарок внутри", "акционное", "0", None])
    steps.append(["welcome", "S3", "email", "Подборка для первой покупки", "контентное", "7 дней", None])
    book["Карта"]["B5"].value = datetime(2026, 11, 20)
    book.save(path)
    return path


def en_v2(path: Path) -> Path:
    """The English sample three months on: the newsletter got a goal and a goal event, win-back was
    switched off, the trial-expiry email is no longer a promo, the webinar's second invitation comes a
    day earlier, the API segment was dropped, the map reviewed on 2026-11-20."""
    book = openpyxl.load_workbook(SAMPLES / "en_b2b_saas.xlsx")
    segments = book["Segments"]
    segments.delete_rows(_cell(segments, "Segment ID", "api_integrators").row)
    scenarios = book["Scenarios"]
    _cell(scenarios, "Goal", "newsletter").value = "Feature adoption"
    _cell(scenarios, "Goal event", "newsletter").value = "report_created"
    _cell(scenarios, "Status", "winback").value = "off"
    steps = book["Steps"]
    _cell(steps, "Message type", "trial_expiry", "S1").value = "info"
    _cell(steps, "Delay", "webinar_invite", "S2").value = "2d"
    for row in book["Map"].iter_rows():
        if row[0].value == "Last reviewed":
            row[1].value = "2026-11-20"
    book.save(path)
    return path


def _review(tmp_path, v1: Path, v2: Path, *extra: str) -> dict:
    out = tmp_path / f"{v2.stem}.review.json"
    main(["diff", str(v1), str(v2), "--format", "json", "-o", str(out), "--today", "2026-11-23", "-q", *extra])
    return json.loads(out.read_text(encoding="utf-8"))


def _where(sheet: str, row: int) -> dict:
    return {"sheet": sheet, "row": row}


def test_six_month_review_of_the_bundled_sample(tmp_path):
    """v2 of the Russian sample (ru_v2): every change with its value before and after, in Russian, and the
    sheet and row in both versions (checked against samples/build_samples.py by hand)."""
    v1 = SAMPLES / "ru_ecommerce.xlsx"
    v2 = ru_v2(tmp_path / "ru_ecommerce_v2.xlsx")
    data = _review(tmp_path, v1, v2)
    # Сценарии: title, blank, header, then 14 scenarios from row 4; Шаги: 25 steps from row 4; Каналы from row 2
    assert data["changes"]["added"] == [
        {"kind": "scenario", "id": "birthday", "kind_label": "Сценарий", "where": {"after": _where("Сценарии", 18)}},
        {"kind": "step", "id": "birthday/S1", "kind_label": "Шаг", "where": {"after": _where("Шаги", 29)}},
        {"kind": "step", "id": "welcome/S3", "kind_label": "Шаг", "where": {"after": _where("Шаги", 30)}}]
    assert data["changes"]["removed"] == [
        {"kind": "channel", "id": "viber", "kind_label": "Канал", "where": {"before": _where("Каналы", 7)}}]
    changed = [(c["kind_label"], c["id"], c["where"]["before"]["row"], c["where"]["after"]["row"],
                [(v["label"], v["before"], v["after"]) for v in c["values"]]) for c in data["changes"]["changed"]]
    assert changed == [
        ("Сценарий", "black_friday", 16, 16, [("Статус", "запланирован", "выключен")]),
        ("Сценарий", "digest", 10, 10, [("Название", "Подборка месяца", "Подборка недели")]),
        ("Сценарий", "welcome", 4, 4, [("Стоп-событие", "—", "order_paid")]),
        ("Шаг", "cart/S1", 8, 8, [("Тип сообщения", "информационное", "акционное")]),
    ]
    assert [c["fields"] for c in data["changes"]["changed"]] == [["status"], ["name"], ["stop_events"],
                                                                  ["message_type"]]
    fixed = {(f["rule"], f["entity"]["id"]) for f in data["findings"]["fixed"]}
    new = {(f["rule"], f["entity"]["id"]) for f in data["findings"]["new"]}
    # the review date moved to 2026-11-20: GOV001 is fixed; welcome now stops on its goal (FLOW004); Black
    # Friday is off, so its promos no longer reach the stop list (COV003 ×2); Viber is gone (COV004)
    assert fixed == {("COV004", "viber"), ("GOV001", "Карта коммуникаций интернет-магазина «Полка»"),
                     ("FLOW004", "welcome"), ("COV003", "black_friday/S1"), ("COV003", "black_friday/S2")}
    # the birthday promo reaches the stop list (a child of `active`); its weekly email lifts `active` and its
    # children to cart 1 + points 1 + birthday 1 + digest 12/52 = 3.23 > 3; the cart's promo makes 5 of the
    # 8 typed steps `sleeping` receives promos (62% > 60%)
    assert new == {("TRK001", "birthday"), ("COV003", "birthday/S1"), ("FREQ001", "active"), ("FREQ001", "VIP"),
                   ("FREQ001", "no_open"), ("FREQ001", "gamers"), ("CNT002", "sleeping")}
    # welcome's third email: `new` gets 2 + browse 1 + cart 1 + 0.23 = 4.23 emails a week, was 3.23
    assert [(w["rule"], w["entity"]["id"], w["before"], w["after"]) for w in data["findings"]["worse"]] == [
        ("FREQ001", "new", "3,23", "4,23")]
    assert data["old"]["last_reviewed"] == "2026-03-15" and data["new"]["last_reviewed"] == "2026-11-20"
    assert data["review"] == {"previous": "2026-03-15", "current": "2026-11-20", "max_age_months": 6,
                              "days_between": 250, "due": "2026-09-15", "overdue_days": 66}
    assert len(data["findings"]["kept"]) == 14  # 19 findings before, 5 fixed
    assert "open_since" not in data["findings"]["kept"][0]  # no --baseline: nobody knows


def test_review_of_the_english_sample(tmp_path):
    """v2 of the English sample (en_v2), checked by hand the same way: English labels and words only."""
    data = _review(tmp_path, SAMPLES / "en_b2b_saas.xlsx", en_v2(tmp_path / "en_b2b_saas_v2.xlsx"))
    assert data["changes"]["added"] == []
    # Segments: title, blank, header, then the segments from row 4
    assert data["changes"]["removed"] == [{"kind": "segment", "id": "api_integrators", "kind_label": "Segment",
                                           "where": {"before": _where("Segments", 8)}}]
    changed = [(c["kind_label"], c["id"], c["where"]["before"], c["where"]["after"],
                [(v["field"], v["label"], v["before"], v["after"]) for v in c["values"]])
               for c in data["changes"]["changed"]]
    assert changed == [
        ("Scenario", "newsletter", _where("Scenarios", 11), _where("Scenarios", 11),
         [("goal", "Goal", "—", "Feature adoption"), ("goal_event", "Goal event", "—", "report_created")]),
        ("Scenario", "winback", _where("Scenarios", 12), _where("Scenarios", 12),
         [("status", "Status", "planned", "off")]),
        ("Step", "trial_expiry/S1", _where("Steps", 11), _where("Steps", 11),
         [("message_type", "Message type", "promo", "info")]),
        # the delay as written; the minutes it was read as go with it
        ("Step", "webinar_invite/S2", _where("Steps", 5), _where("Steps", 5),
         [("timing_text", "When (delay)", "3d", "2d")]),
    ]
    assert data["changes"]["changed"][3]["fields"] == ["delay_minutes", "timing_text"]
    assert {(f["rule"], f["entity"]["id"]) for f in data["findings"]["fixed"]} == {
        ("CNT001", "newsletter"), ("TRK004", "newsletter"), ("COV001", "api_integrators")}
    # win-back was the only live scenario of the `churned` stage
    assert {(f["rule"], f["entity"]["id"]) for f in data["findings"]["new"]} == {("COV002", "churned")}
    assert data["findings"]["worse"] == [] and len(data["findings"]["kept"]) == 7
    assert data["review"] == {"previous": "2026-08-20", "current": "2026-11-20", "max_age_months": 6,
                              "days_between": 92, "due": "2027-02-20", "overdue_days": 0}


def test_text_review_shows_values_places_and_what_got_worse(tmp_path):
    v2 = ru_v2(tmp_path / "ru_ecommerce_v2.xlsx")
    out = tmp_path / "review.txt"
    main(["diff", str(SAMPLES / "ru_ecommerce.xlsx"), str(v2), "--format", "text", "-o", str(out),
          "--today", "2026-11-23", "-q"])
    text = out.read_text(encoding="utf-8")
    assert "  Сценарий welcome (Сценарии, строка 4 → Сценарии, строка 4)\n    Стоп-событие: — → order_paid\n" in text
    assert "    Статус: запланирован → выключен\n" in text
    assert "  Канал viber (Каналы, строка 7)\n" in text
    assert "Стало хуже: 1\n  FREQ001 сегмент new: 3,23 → 4,23\n" in text
    assert "между ревизиями: 250 дней; предыдущая ревизия просрочена на 66 дней (ревизия раз в 6 месяцев)" in text
    english = tmp_path / "review_en.txt"
    main(["diff", str(SAMPLES / "ru_ecommerce.xlsx"), str(v2), "--format", "text", "-o", str(english),
          "--today", "2026-11-23", "-q", "--lang", "en"])
    text = english.read_text(encoding="utf-8")
    assert "    Stop event: — → order_paid\n" in text and "    Status: planned → off\n" in text
    assert "  Scenario welcome (Сценарии, row 4 → Сценарии, row 4)\n" in text


def test_first_seen_survives_three_successive_reviews(tmp_path):
    """Each review's JSON is the next one's baseline: a finding open since the first keeps that date."""
    v1 = SAMPLES / "ru_ecommerce.xlsx"
    v2 = ru_v2(tmp_path / "v2.xlsx")
    v3 = tmp_path / "v3.xlsx"  # v2 with its birthday scenario's trigger defined: TRK001 fixed
    book = openpyxl.load_workbook(v2)
    book["События"].append(["birthday", "День рождения", "crm", "да", "birthday"])
    book.save(v3)

    def audit_json(workbook: Path, today: str, baseline: Path | None) -> dict:
        out = tmp_path / f"{workbook.stem}-{today}.json"
        args = ["audit", str(workbook), "--format", "json", "-o", str(out), "-q", "--today", today,
                "--fail-on", "never"]
        assert main(args + (["--baseline", str(baseline)] if baseline else [])) == 0
        return out

    first = audit_json(v1, "2026-05-01", None)
    assert "first_seen" not in json.loads(first.read_text(encoding="utf-8"))["findings"][0]  # no history yet
    second = audit_json(v2, "2026-11-23", first)
    third = audit_json(v3, "2027-06-01", second)

    def seen(report: Path) -> dict:
        return {(f["rule"], f["entity"]["id"]): f["first_seen"]
                for f in json.loads(report.read_text(encoding="utf-8"))["findings"]}

    in_second, in_third = seen(second), seen(third)
    assert in_second[("MAP001", "gamers_promo/S1")] == "2026-05-01"  # known: the baseline's audit date
    assert in_second[("TRK001", "birthday")] == "2026-11-23"  # new in the second review
    assert in_second[("FREQ001", "active")] == "2026-11-23"
    assert in_third[("MAP001", "gamers_promo/S1")] == "2026-05-01"  # carried through the second report
    assert in_third[("FREQ001", "active")] == "2026-11-23"
    assert ("TRK001", "birthday") not in in_third
    assert in_third[("GOV001", "Карта коммуникаций интернет-магазина «Полка»")] == "2027-06-01"  # stale again
    # the diff of v2 → v3 with the second report as baseline says since when each kept finding is open
    data = _review(tmp_path, v2, v3, "--baseline", str(second))
    since = {(f["rule"], f["entity"]["id"]): f["open_since"] for f in data["findings"]["kept"]}
    assert since[("MAP001", "gamers_promo/S1")] == "2026-05-01" and since[("FREQ001", "active")] == "2026-11-23"
