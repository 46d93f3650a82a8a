"""`commap audit` end to end on real files: exit status, outputs, the JSON shape, unreadable input."""
import hashlib
import json
import os
import random
import subprocess
import sys
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from audit.cli import main
from tests.builders import write_workbook

ROOT = Path(__file__).resolve().parent.parent
TODAY = ["--today", "2026-11-23"]


def shop(path: Path, defects: bool = True) -> Path:
    """A small English map. With defects: two errors, one warning, one info (see EXPECTED)."""
    segments = [{"id": "new", "name": "New customers"}, {"id": "vip", "tier": "vip"}]
    channels = [{"id": "email", "kind": "email"}]
    if defects:
        segments.append({"id": "b2b"})  # Segments!4: no scenario targets it → COV001 warning
        channels.append({"id": "sms", "kind": "sms"})  # Channels!3: no step uses it → COV004 info
    return write_workbook(
        path,
        meta={"name": "Shop", "last_reviewed": date(2026, 10, 1)},
        segments=segments,
        channels=channels,
        events=[{"id": "signup", "source": "site", "tracked": "yes"},
                {"id": "order_paid", "source": "site", "tracked": "yes"}],
        scenarios=[{"id": "welcome", "type": "trigger", "segments": "new, vip", "trigger": "signup",
                    "goal": "First order", "goal_event": "order_paid", "stop_event": "order_paid", "kpi": "CR",
                    "owner": "Ann", "status": "active", "last_reviewed": "2026-10-01"}],
        steps=[
            {"scenario": "welcome", "step": "W1", "channel": "Email", "message": "Hello", "message_type": "info",
             "delay": "0"},
            # Steps!3: `soon` is no timing → MAP003, a warning (the step stays usable)
            {"scenario": "welcome", "step": "W2", "channel": "email", "message": "Offer", "message_type": "promo",
             "delay": "soon" if defects else "1d", "condition": "not opened W1"},
            # Steps!4: `emial` is no channel → MAP001 error
            {"scenario": "welcome", "step": "W3", "channel": "emial" if defects else "email", "message": "Tips",
             "message_type": "info", "delay": "2d", "condition": "not opened W2"},
        ],
    )


# sorted by severity, then rule, then sheet and row (SPEC §4): MAP001 on row 4 before MAP003 on row 3
EXPECTED = [
    ("error", "MAP001", "step", "welcome/W3", "Steps", 4, "channel"),
    ("warning", "COV001", "segment", "b2b", "Segments", 4, "id"),
    ("warning", "MAP003", "step", "welcome/W2", "Steps", 3, "delay"),
    ("info", "COV004", "channel", "sms", "Channels", 3, "id"),
]


def rows(report: dict) -> list[tuple]:
    return [(f["severity"], f["rule"], f["entity"]["kind"], f["entity"]["id"], f["location"]["sheet"],
             f["location"]["row"], f["location"]["column"]) for f in report["findings"]]


def audit_json(capsys, path: Path, out: Path, *options: str) -> tuple[int, dict]:
    code = main(["audit", str(path), *TODAY, "--format", "json", "-o", str(out), "-q", *options])
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == ""
    return code, json.loads(out.read_text(encoding="utf-8"))


def test_json_report_has_the_spec_shape_and_sorted_findings(tmp_path, capsys):
    path = shop(tmp_path / "shop.xlsx")
    code, report = audit_json(capsys, path, tmp_path / "out.json")
    assert code == 1
    assert list(report) == ["tool", "map", "audit_date", "platform", "skipped_rules", "summary", "findings"]
    assert report["tool"]["name"] == "commap" and isinstance(report["tool"]["version"], str)
    assert report["map"] == {
        "path": str(path), "name": "Shop", "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "counts": {"segments": 3, "stages": 0, "scenarios": 1, "steps": 3, "channels": 2, "events": 2}}
    assert report["audit_date"] == "2026-11-23"
    assert report["platform"] is None
    assert report["skipped_rules"] == ["INT001", "INT002", "INT003", "TRK003"]  # no Systems sheet
    assert report["summary"] == {"error": 1, "warning": 2, "info": 1, "suppressed": 0}
    assert rows(report) == EXPECTED
    for finding in report["findings"]:
        assert list(finding) == ["rule", "slug", "severity", "entity", "location", "message", "hint"]
        assert all(isinstance(finding[k], str) and finding[k] for k in ("slug", "message", "hint"))
    assert [f["slug"] for f in report["findings"]] == [
        "unknown-reference", "segment-without-scenario", "invalid-value", "unused-channel"]
    assert report["findings"][0]["message"] == (
        "'emial' in column 'channel' is not a defined channel (did you mean 'email'?).")
    assert report["findings"][2]["message"].startswith("Cannot read 'soon' in column 'delay'")


def test_json_is_byte_identical_across_runs(tmp_path, capsys):
    path = shop(tmp_path / "shop.xlsx")
    main(["audit", str(path), *TODAY, "--format", "json", "-o", str(tmp_path / "one.json"), "-q"])
    main(["audit", str(path), *TODAY, "--format", "json", "-o", str(tmp_path / "two.json"), "-q"])
    first = (tmp_path / "one.json").read_bytes()
    assert first == (tmp_path / "two.json").read_bytes()
    assert first.endswith(b"}\n") and "Shop".encode() in first


@pytest.mark.parametrize("options, expected", [
    ([], 1),  # default --fail-on error; two errors
    (["--fail-on", "error"], 1),
    (["--fail-on", "never"], 0),
    (["--ignore", "MAP"], 0),  # only the warning and the info remain
    (["--ignore", "MAP", "--fail-on", "warning"], 1),
    (["--ignore", "MAP001"], 0),  # what is left is warnings and notes
    (["--select", "COV004", "--fail-on", "warning"], 0),
    (["--select", "COV004", "--fail-on", "info"], 1),
])
def test_exit_status_follows_fail_on(tmp_path, capsys, options, expected):
    path = shop(tmp_path / "shop.xlsx")
    assert main(["audit", str(path), *TODAY, "--format", "json", "-o", str(tmp_path / "r.json"), "-q",
                 *options]) == expected


def test_clean_map_exits_0_even_on_info(tmp_path, capsys):
    path = shop(tmp_path / "clean.xlsx", defects=False)
    code, report = audit_json(capsys, path, tmp_path / "r.json", "--fail-on", "info")
    assert code == 0 and report["findings"] == []
    assert report["summary"] == {"error": 0, "warning": 0, "info": 0, "suppressed": 0}


@pytest.mark.parametrize("options, expected_rules", [
    (["--select", "COV001"], ["COV001"]),
    (["--select", "COV"], ["COV001", "COV004"]),
    (["--select", "MAP001,COV004"], ["MAP001", "COV004"]),
    (["--select", "MAP", "--select", "COV004"], ["MAP001", "MAP003", "COV004"]),
    (["--select", "MAP", "--ignore", "MAP003"], ["MAP001"]),
    (["--ignore", "MAP,COV004"], ["COV001"]),
    (["--ignore", "C"], ["MAP001", "MAP003"]),
    (["--select", "all", "--ignore", "MAP00"], ["COV001", "COV004"]),
])
def test_select_and_ignore_by_code_and_prefix(tmp_path, capsys, options, expected_rules):
    _, report = audit_json(capsys, shop(tmp_path / "shop.xlsx"), tmp_path / "r.json", *options)
    assert [f["rule"] for f in report["findings"]] == expected_rules


def test_several_formats_go_to_a_folder_named_after_the_map(tmp_path, capsys):
    path = shop(tmp_path / "bookstore.xlsx")
    out = tmp_path / "reports" / "nested"
    assert main(["audit", str(path), *TODAY, "--format", "json", "--format", "html", "--format", "text",
                 "-o", str(out)]) == 1
    assert sorted(p.name for p in out.iterdir()) == [
        "bookstore.audit.html", "bookstore.audit.json", "bookstore.audit.txt"]  # no temporary files left
    assert rows(json.loads((out / "bookstore.audit.json").read_text(encoding="utf-8"))) == EXPECTED
    html = (out / "bookstore.audit.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in html and "emial" in html
    assert "MAP003" in (out / "bookstore.audit.txt").read_text(encoding="utf-8")
    # the terminal summary goes to stdout when the reports go to files
    assert capsys.readouterr().out.startswith("commap · Shop · audit date 2026-11-23\n")


def test_without_output_the_html_report_goes_to_the_working_folder(tmp_path, capsys, monkeypatch):
    path = shop(tmp_path / "shop.xlsx")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    assert main(["audit", str(path), *TODAY, "-q"]) == 1
    assert [p.name for p in work.iterdir()] == ["shop.audit.html"]


def test_json_to_standard_output(tmp_path, capsys):
    path = shop(tmp_path / "shop.xlsx")
    assert main(["audit", str(path), *TODAY, "--format", "json", "-o", "-"]) == 1
    captured = capsys.readouterr()
    assert rows(json.loads(captured.out)) == EXPECTED
    assert captured.err.startswith("commap · Shop")  # the summary moves to stderr


def test_input_is_never_written(tmp_path, capsys, monkeypatch):
    path = shop(tmp_path / "shop.xlsx")
    os.utime(path, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    assert main(["audit", str(path), *TODAY, "--format", "json", "--format", "html", "-o", str(tmp_path / "out"),
                 "-q"]) == 1
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    # `-o` naming the input itself, as given or by another spelling, is refused
    for target in (str(path), f"{tmp_path}/../{tmp_path.name}/shop.xlsx"):
        assert main(["audit", str(path), *TODAY, "--format", "json", "-o", target, "-q"]) == 2
        err = capsys.readouterr().err
        assert err == f"commap: refusing to write a report over the input: {target}\n"
    monkeypatch.chdir(tmp_path)
    assert main(["audit", "shop.xlsx", *TODAY, "--format", "html", "-o", "shop.xlsx", "-q"]) == 2
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "shop.xlsx"]


def ru_shop(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Шаги"
    ws.append(["Сценарий", "Шаг", "Канал", "Задержка"])
    ws.append(["корзина", "S1", "email", "скоро"])
    wb.save(path)
    return path


@pytest.mark.parametrize("lang, message", [
    ("auto", "Не удалось прочитать «скоро» в столбце «Задержка»: не задержка (пишите, например, 30m, 2h, 1d, 2ч, "
             "3 дня)."),
    ("ru", "Не удалось прочитать «скоро» в столбце «Задержка»: не задержка (пишите, например, 30m, 2h, 1d, 2ч, "
           "3 дня)."),
    ("en", "Cannot read 'скоро' in column 'Задержка': not a duration (write e.g. 30m, 2h, 1d, 1w, 2ч, 3 дня)."),
])
def test_report_language(tmp_path, capsys, lang, message):
    _, report = audit_json(capsys, ru_shop(tmp_path / "ru.xlsx"), tmp_path / "r.json", "--lang", lang,
                           "--select", "MAP003")
    (finding,) = report["findings"]
    assert (finding["location"], finding["message"]) == ({"sheet": "Шаги", "row": 2, "column": "Задержка"}, message)


def test_english_summary_on_a_russian_map(tmp_path, capsys):
    path = ru_shop(tmp_path / "ru.xlsx")
    assert main(["audit", str(path), *TODAY, "--lang", "en", "--format", "json", "-o", str(tmp_path / "r.json"),
                 "--select", "MAP003"]) == 0
    out = capsys.readouterr().out
    assert "errors: 0, warnings: 1, notes: 0" in out and "Value that cannot be read" in out
    assert "ошибки" not in out


# unreadable input: one line on stderr naming the file (and the sheet), exit 2, nothing written


def _truncated(path: Path) -> None:
    whole = shop(path.with_name("whole.xlsx")).read_bytes()
    path.write_bytes(whole[: len(whole) // 2])


def _no_map_sheet(path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.title = "Бюджет"
    wb.active.append(["статья", "сумма"])
    wb.save(path)


def _missing_column(path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.title = "Steps"
    wb.active.append(["scenario", "message"])
    wb.active.append(["cart", "Hello"])
    wb.save(path)


UNREADABLE = {
    "missing file": (lambda p: None, "no such file or folder"),
    "empty file": (lambda p: p.write_bytes(b""), "the file is empty"),
    "random bytes": (lambda p: p.write_bytes(b"\x07" + random.Random(7).randbytes(4095)), "not a spreadsheet"),
    "text file": (lambda p: p.write_text("segment,scenario,channel\nvip,cart,email\n"), "not a spreadsheet"),
    "truncated": (_truncated, "the file is damaged or truncated"),
    "no map sheet": (_no_map_sheet, "no sheet of a communication map found (sheets: 'Бюджет'"),
    "missing column": (_missing_column, "sheet 'Steps', row 1: no header row with the required column(s) 'channel'"),
}


@pytest.mark.parametrize("case", sorted(UNREADABLE))
def test_unreadable_input_is_one_line_and_exit_2(tmp_path, capsys, monkeypatch, case):
    make, message = UNREADABLE[case]
    path = tmp_path / "map.xlsx"
    make(path)
    monkeypatch.chdir(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    assert main(["audit", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"commap: {path}") and captured.err.endswith("\n")
    assert captured.err.count("\n") == 1 and message in captured.err and "Traceback" not in captured.err
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_folder_without_csv_files(tmp_path, capsys):
    (tmp_path / "export").mkdir()
    assert main(["audit", str(tmp_path / "export"), "-o", str(tmp_path / "r.html")]) == 2
    assert capsys.readouterr().err == f"commap: {tmp_path / 'export'}: the folder holds no .csv files\n"


@pytest.mark.parametrize("options, message", [
    (["--fail-on", "sometimes"], "argument --fail-on: invalid choice: 'sometimes'"),
    (["--today", "23.11.2026"], "argument --today: not a date in the form YYYY-MM-DD: '23.11.2026'"),
    (["--format", "pdf"], "argument --format: invalid choice: 'pdf'"),
    (["--bogus"], "unrecognized arguments: --bogus"),
])
def test_misuse_is_one_line_and_exit_2(tmp_path, capsys, options, message):
    path = shop(tmp_path / "shop.xlsx")
    assert main(["audit", str(path), *options]) == 2
    err = capsys.readouterr().err
    assert err.startswith("commap: ") and message in err and err.count("\n") == 1


def test_real_process_prints_no_traceback(tmp_path):
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(b"PK\x03\x04 this is not really a zip archive")
    done = subprocess.run([sys.executable, "-m", "audit.cli", "audit", str(bad)], capture_output=True, text=True,
                          cwd=tmp_path, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == f"commap: {bad}: the file is damaged or truncated (not a readable zip archive)\n"
    good = shop(tmp_path / "shop.xlsx")
    done = subprocess.run([sys.executable, "-m", "audit.cli", "audit", str(good), *TODAY, "--format", "json",
                           "-o", "-", "-q"], capture_output=True, text=True, cwd=tmp_path, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 1 and done.stderr == ""
    assert rows(json.loads(done.stdout)) == EXPECTED


def test_findings_of_a_large_sample_are_in_the_spec_order(tmp_path, capsys):
    sample = ROOT / "samples" / "ru_ecommerce.xlsx"
    before = sample.read_bytes()
    _, report = audit_json(capsys, sample, tmp_path / "r.json", "--select", "all")
    rank = {"error": 0, "warning": 1, "info": 2}
    keys = [(rank[f["severity"]], f["rule"], f["location"]["sheet"] or "", f["location"]["row"] or -1,
             f["entity"]["kind"], f["entity"]["id"].casefold()) for f in report["findings"]]
    assert len(keys) > 15 and keys == sorted(keys)
    assert len({f["severity"] for f in report["findings"]}) == 3
    assert sample.read_bytes() == before
