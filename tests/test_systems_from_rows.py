"""Systems named on the steps' rows ("Платформа", "Sent via"): derived systems and the INT/TRK003 rules on them."""
import json
from datetime import date
from pathlib import Path

import openpyxl

from audit import AuditConfig, load_map, run
from audit.cli import main
from audit.findings import Severity
from reports import render
from tests.builders import build_map, scn, step

TODAY = date(2026, 11, 23)

RU_HEADER = ["Сегмент", "Сценарий", "Триггер", "Канал", "Задержка", "Условие", "Платформа"]
EN_HEADER = ["Segment", "Scenario", "Trigger", "Channel", "Delay", "Condition", "Sent via"]


def wide_map(path: Path, header: list[str], rows: list[list], integrations: list[list] | None = None,
             integrations_header: tuple[str, ...] = ("Откуда", "Куда", "Передаёт"),
             integrations_sheet: str = "Интеграции") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Карта коммуникаций" if header is RU_HEADER else "Trigger map"
    ws.append(["Триггерная карта" if header is RU_HEADER else "Trigger map of the shop"])
    ws.append(header)
    for row in rows:
        ws.append(row)
    if integrations is not None:
        sheet = wb.create_sheet(integrations_sheet)
        sheet.append(list(integrations_header))
        for row in integrations:
            sheet.append(row)
    wb.save(path)
    return path


RU_CASCADE = [
    ["Новые", "Брошенная корзина", "Брошенная корзина", "Письмо", "1ч", None, "ESP-A"],
    [None, None, None, "SMS", "1д", "если не открыл", "SMS-шлюз"],
]
RU_ONE_SYSTEM = [
    ["Новые", "Брошенная корзина", "Брошенная корзина", "Письмо", "1ч", None, "ESP-A"],
    [None, None, None, "Пуш", "1д", "если не открыл", "ESP-A"],
]
EN_CASCADE = [
    ["New", "Abandoned cart", "cart_abandoned", "Email", "1h", None, "ESP-A"],
    [None, None, None, "SMS", "1d", "if not opened", "SMS gateway"],
]
EN_ONE_SYSTEM = [
    ["New", "Abandoned cart", "cart_abandoned", "Email", "1h", None, "ESP-A"],
    [None, None, None, "Push", "1d", "if not opened", "ESP-A"],
]


def audit_file(path: Path, **config):
    return run(load_map(path), AuditConfig(today=TODAY, select=["ALL"], **config))


def int002(result):
    return [f for f in result.findings if f.rule == "INT002"]


# ---- importing ------------------------------------------------------------------------------

def test_platform_column_derives_systems_with_their_channels(tmp_path):
    m = load_map(wide_map(tmp_path / "ru.xlsx", RU_HEADER, RU_CASCADE))
    assert [s.system for s in m.steps] == ["ESP-A", "SMS-шлюз"]
    assert [(s.id, s.channels, s.orchestration, s.declared) for s in m.systems] == [
        ("ESP-A", ["email"], True, False), ("SMS-шлюз", ["sms"], True, False),
    ]
    assert m.systems[1].source.at("system").column == "Платформа"


def test_sent_via_column_is_read_in_english(tmp_path):
    m = load_map(wide_map(tmp_path / "en.xlsx", EN_HEADER, EN_CASCADE))
    assert [s.id for s in m.systems] == ["ESP-A", "SMS gateway"]


def test_a_map_naming_no_system_still_has_none():
    m = build_map(scenarios=[scn("cart")], steps=[step("cart", "S1")])
    assert m.systems == []


# ---- INT002 on systems named in the rows ---------------------------------------------------

def test_ru_cascade_across_row_systems_without_integrations_is_a_warning(tmp_path):
    found = int002(audit_file(wide_map(tmp_path / "ru.xlsx", RU_HEADER, RU_CASCADE)))
    assert [(f.severity, f.entity.id) for f in found] == [(Severity.WARNING, "Брошенная корзина/2")]
    assert "карта не говорит, что «ESP-A» передаёт „открыто“ в «SMS-шлюз»" in found[0].message
    assert found[0].location.column == "Условие"


def test_en_cascade_across_row_systems_without_integrations_is_a_warning(tmp_path):
    found = int002(audit_file(wide_map(tmp_path / "en.xlsx", EN_HEADER, EN_CASCADE)))
    assert [(f.severity, f.entity.id) for f in found] == [(Severity.WARNING, "Abandoned cart/2")]
    assert "the map does not say that 'ESP-A' passes 'opened' to 'SMS gateway'" in found[0].message


def test_cascade_within_one_row_system_is_not_reported(tmp_path):
    assert int002(audit_file(wide_map(tmp_path / "ru.xlsx", RU_HEADER, RU_ONE_SYSTEM))) == []
    assert int002(audit_file(wide_map(tmp_path / "en.xlsx", EN_HEADER, EN_ONE_SYSTEM))) == []


def test_integration_carrying_opened_satisfies_the_cascade(tmp_path):
    ru = wide_map(tmp_path / "ru.xlsx", RU_HEADER, RU_CASCADE, [["ESP-A", "SMS-шлюз", "открыл"]])
    en = wide_map(tmp_path / "en.xlsx", EN_HEADER, EN_CASCADE, [["esp-a", "SMS gateway", "opened, clicked"]],
                  ("From", "To", "Carries"), "Integrations")
    assert int002(audit_file(ru)) == []
    assert int002(audit_file(en)) == []


def test_described_integrations_that_miss_the_feedback_are_an_error(tmp_path):
    ru = wide_map(tmp_path / "ru.xlsx", RU_HEADER, RU_CASCADE, [["ESP-A", "SMS-шлюз", "клик"]])
    en = wide_map(tmp_path / "en.xlsx", EN_HEADER, EN_CASCADE, [["ESP-A", "SMS gateway", "clicked"]],
                  ("From", "To", "Carries"), "Integrations")
    ru_found, en_found = int002(audit_file(ru)), int002(audit_file(en))
    assert [f.severity for f in ru_found] == [Severity.ERROR]
    assert "ни одна цепочка интеграций не передаёт «открыто» из «ESP-A» в «SMS-шлюз»" in ru_found[0].message
    assert [f.severity for f in en_found] == [Severity.ERROR]
    assert "no integration path carries 'opened' from 'ESP-A' to 'SMS gateway'" in en_found[0].message


def test_configured_severity_is_the_base_a_tentative_finding_steps_down_from(tmp_path):
    path = wide_map(tmp_path / "en.xlsx", EN_HEADER, EN_CASCADE)
    assert [f.severity for f in int002(audit_file(path, severity={"INT002": Severity.WARNING}))] == [Severity.INFO]


# ---- what ran, what was skipped, and the report saying so ----------------------------------

def test_int001_and_trk003_are_skipped_on_row_systems_and_the_report_says_so(tmp_path):
    result = audit_file(wide_map(tmp_path / "en.xlsx", EN_HEADER, EN_CASCADE))
    assert "steps' rows" in result.skipped["INT001"] and "steps' rows" in result.skipped["TRK003"]
    assert result.systems_from_rows == ["ESP-A", "SMS gateway"]
    assert result.rules_on_row_systems() == ["INT002", "INT003"]
    assert "INT002, INT003 ran on systems named in the rows: ESP-A, SMS gateway" in render(result, "text")
    assert "INT002, INT003 ran on systems named in the rows: ESP-A, SMS gateway" in render(result, "html")


def test_json_report_names_the_row_systems_and_the_checks_run_on_them(tmp_path):
    path = wide_map(tmp_path / "ru.xlsx", RU_HEADER, RU_CASCADE)
    out = tmp_path / "report.json"
    main(["audit", str(path), "--format", "json", "-o", str(out), "--today", "2026-11-23", "--select", "all",
          "--fail-on", "never", "-q"])
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["systems_from_rows"] == {"systems": ["ESP-A", "SMS-шлюз"], "rules": ["INT002", "INT003"]}
    assert {"INT001", "TRK003"} <= set(report["skipped_rules"])
    assert [(f["rule"], f["severity"]) for f in report["findings"] if f["rule"].startswith("INT")] == [
        ("INT002", "warning")]


def test_a_platform_profile_replaces_the_row_systems(tmp_path):
    path = wide_map(tmp_path / "en.xlsx", EN_HEADER, EN_ONE_SYSTEM)
    out = tmp_path / "report.json"
    main(["audit", str(path), "--format", "json", "-o", str(out), "--today", "2026-11-23", "--select", "all",
          "--fail-on", "never", "-q", "--platform", "email_only_esp"])
    report = json.loads(out.read_text(encoding="utf-8"))
    assert "systems_from_rows" not in report
    assert "INT001" not in report["skipped_rules"]
    # the profile's ESP sends email only: the push step the rows gave to ESP-A has no sender there
    assert [(f["rule"], f["entity"]["id"]) for f in report["findings"] if f["rule"].startswith("INT")] == [
        ("INT001", "Abandoned cart/2")]


# ---- a Steps sheet with a system column, beside a Systems sheet ----------------------------

def test_the_row_system_wins_over_the_channel_system():
    tables = dict(
        channels=[{"id": "email", "kind": "email", "system": "esp"}, {"id": "sms", "kind": "sms", "system": "gw"}],
        systems=[{"id": "esp", "channels": "email, sms", "orchestration": "да"}, {"id": "gw", "channels": "sms"}],
        scenarios=[scn("cart", trigger="")],
        steps=[step("cart", "S1", "email"), step("cart", "S2", "sms", condition="не открыл S1", system="esp")],
    )
    result = run(build_map(**tables), AuditConfig(today=TODAY, select=["INT", "MAP001"]))
    assert [f.rule for f in result.findings] == []
    tables["steps"][1].pop("system")
    assert [f.rule for f in run(build_map(**tables), AuditConfig(today=TODAY, select=["INT"])).findings] == ["INT002"]


def test_a_row_naming_an_undefined_system_is_an_unknown_reference():
    m = build_map(systems=[{"id": "esp", "channels": "email"}], scenarios=[scn("cart")],
                  steps=[step("cart", "S1", "email", system="espp")])
    found = [f for f in run(m, AuditConfig(today=TODAY, select=["MAP001"])).findings]
    assert [(f.rule, f.entity.id, f.location.column) for f in found] == [("MAP001", "cart/S1", "system")]


def test_a_row_system_that_does_not_send_the_channel_is_int001():
    m = build_map(channels=[{"id": "email", "kind": "email"}, {"id": "sms", "kind": "sms"}],
                  systems=[{"id": "esp", "channels": "email", "orchestration": "да"}, {"id": "gw", "channels": "sms"}],
                  scenarios=[scn("cart", trigger="")],
                  steps=[step("cart", "S1", "email"), step("cart", "S2", "sms", system="esp")])
    found = run(m, AuditConfig(today=TODAY, select=["INT001"])).findings
    assert [(f.rule, f.entity.id) for f in found] == [("INT001", "cart/S2")]
    assert "'esp', named on its row, does not send through it" in found[0].message
    ru = run(m, AuditConfig(today=TODAY, select=["INT001"], lang="ru")).findings
    assert "«esp», указанная в его строке, не отправляет через этот канал" in ru[0].message


def test_a_systems_note_naming_feedback_says_what_its_integrations_carry(tmp_path):
    """«Передаёт в: SMS-шлюз» with no brackets, and a note "вебхуки open/click": the integration carries
    opens and clicks, so an SMS waiting on an e-mail's open is no finding; without the note, an ESP that cannot
    orchestrate («Оркестрация: нет») leaves a warning, and one that can drives the gateway itself: no finding."""
    def build(note: str, orchestration: str = ""):
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Шаги"
        ws.append(["Сценарий", "Шаг", "Канал", "Условие"])
        ws.append(["cart", "1", "Email", ""])
        ws.append(["cart", "2", "SMS", "если не открыл письмо"])
        systems = wb.create_sheet("Системы")
        systems.append(["Система", "Каналы", "Передаёт в", "Комментарий", "Оркестрация"])
        systems.append(["ESP", "Email", "Шлюз", note, orchestration])
        systems.append(["Шлюз", "SMS", "", "", ""])
        path = tmp_path / f"systems{len(note)}{orchestration}.xlsx"
        wb.save(path)
        m = load_map(path)
        return m, [f for f in run(m, AuditConfig(today=TODAY)).findings if f.rule == "INT002"]

    m, found = build("вебхуки open/click")
    assert m.systems[0].passes == ["opened", "clicked"] and m.integrations[0].carries == ["opened", "clicked"]
    assert found == []
    _, found = build("основная почта", "нет")
    assert [f.severity.value for f in found] == ["warning"]
    _, found = build("основная почта", "да")
    assert found == []
