"""Malformed input: each bad file ends in one clear line and exit 2; broken rows become findings;
random cells and layouts never raise anything but a clean MapReadError."""
import json
import subprocess
import sys
import time
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audit import AuditConfig, run
from audit.cli import main
from audit.errors import MapReadError
from audit.importer import map_from_sheets
from audit.importer.workbook import RawSheet

BAD = Path(__file__).resolve().parent / "data" / "bad"
EXPECTED = json.loads((BAD / "expected.json").read_text())
ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_is_one_clear_line_and_exit_2(tmp_path, capsys, name):
    before = (BAD / name).read_bytes()
    out = tmp_path / "report.html"
    assert main(["audit", str(BAD / name), "-o", str(out)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"commap: {BAD / name}") and captured.err.count("\n") == 1
    assert EXPECTED[name] in captured.err and "Traceback" not in captured.err
    assert not out.exists() and (BAD / name).read_bytes() == before


def test_bad_file_in_a_real_process_prints_no_traceback():
    done = subprocess.run([sys.executable, "-m", "audit.cli", "audit", str(BAD / "billion_laughs.xlsx")],
                          capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "declares a DTD" in done.stderr


def test_ten_thousand_broken_rows_become_findings_quickly(tmp_path):
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Steps")
    ws.append(["scenario", "step", "channel", "delay", "condition"])
    for index in range(10_000):
        ws.append(["cart", f"S{index}", "email", "soon", "когда-нибудь потом"])
    path = tmp_path / "broken.xlsx"
    wb.save(path)
    started = time.perf_counter()
    code = main(["audit", str(path), "--format", "json", "-o", str(tmp_path / "r.json"), "-q", "--fail-on", "warning"])
    elapsed = time.perf_counter() - started
    data = json.loads((tmp_path / "r.json").read_text())
    counts = {}
    for finding in data["findings"]:
        counts[finding["rule"]] = counts.get(finding["rule"], 0) + 1
    assert code == 1 and counts["MAP003"] == 10_000 and counts["MAP006"] == 10_000
    assert elapsed < 60  # generous: a crash or a quadratic blow-up, not a benchmark


CELL = st.one_of(
    st.none(), st.text(max_size=12), st.floats(allow_nan=True, allow_infinity=True), st.integers(-10**6, 10**6),
    st.booleans(), st.dates(min_value=date(1900, 1, 1)), st.datetimes(min_value=datetime(1900, 1, 1)),
    st.sampled_from(["*", "-", "да", "нет", "email", "SMS", "не открыл S1", "1d", "#REF!", "=1+1", "S1", "cart"]),
)
HEADERS = st.sampled_from(["id", "ИД", "scenario", "Сценарий", "step", "Шаг", "channel", "Канал", "segments",
                           "segment", "parent", "size", "excluded", "next", "delay", "condition", "type", "status",
                           "trigger", "from", "to", "carries", "receives", "orchestration", "kind", "junk", ""])
SHEET_NAMES = st.sampled_from(["Steps", "Шаги", "Scenarios", "Сегменты", "Segments", "Stages", "Channels", "Events",
                               "Systems", "Integrations", "Карта", "Map", "Лист1", "Touchpoints"])


@st.composite
def raw_sheets(draw):
    sheets = []
    for name in draw(st.lists(SHEET_NAMES, min_size=1, max_size=4, unique=True)):
        width = draw(st.integers(1, 6))
        blank_above = draw(st.integers(0, 3))
        rows = [[""] * width for _ in range(blank_above)]
        rows.append(draw(st.lists(HEADERS, min_size=width, max_size=width)))
        rows += draw(st.lists(st.lists(CELL, min_size=0, max_size=width + 1), max_size=8))
        errors = {(len(rows) - 1, 0): "#N/A"} if draw(st.booleans()) and len(rows) > blank_above + 1 else {}
        sheets.append(RawSheet(name, rows, errors))
    return sheets


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw_sheets())
def test_random_cells_and_layouts_give_findings_or_a_clean_error(sheets):
    try:
        commap = map_from_sheets(Path("random.xlsx"), sheets)
    except MapReadError as exc:
        assert str(exc).startswith("random.xlsx")
        return
    result = run(commap, AuditConfig(today=date(2026, 11, 23), select=["all"]))
    crashed = [f for f in result.findings if "internal error" in f.message]
    assert crashed == [], crashed[0].message
