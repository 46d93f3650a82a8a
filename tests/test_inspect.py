"""`commap inspect`: the reading of a map as JSON and text, and `--write-columns` round trips."""
import json
import os
import tomllib
from pathlib import Path

import openpyxl
import pytest

from audit.cli import main
from audit.importer import load_column_mapping, load_map
from audit.inspect import MAX_UNREAD_GROUPS, columns_toml, describe, toml_string, unread_groups
from audit.model import plain

ROOT = Path(__file__).resolve().parent.parent
SHEET = "Карта коммуникаций"


def client_map(path: Path) -> Path:
    """A client-style wide sheet: a title line with the review date, a blank row, a two-line header
    (a group header «Касание» over three columns), a column commap does not know and a bad timing."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append(["Актуально на 12.03.2025"])                                        # row 1
    ws.append([])                                                                 # row 2
    ws.append(["Сегмент", "Сценарий", "Касание", None, None, "Цвет кнопки"])      # row 3
    ws.append([None, None, "Канал\nотправки", "Задержка", "Условие", None])       # row 4
    ws.append(["Новые", "Приветствие", "Email", "сразу", None, "синий"])          # row 5
    ws.append(["Новые", "Приветствие", "SMS", "через 2 дня", "если не открыл письмо", "красный"])
    ws.append([])                                                                 # row 7: skipped
    ws.append(["Новые", "Приветствие", "Push", "скоро", None, None])              # row 8: bad timing
    ws.append(["Новые", "Приветствие", "Email", "скоро", None, None])             # row 9: the same again
    wb.save(path)
    return path


def column(index, letter, header, field, confidence, evidence):
    return {"index": index, "letter": letter, "header": header, "field": field, "confidence": confidence,
            "evidence": evidence}


def test_json_describes_the_reading_of_a_client_workbook(tmp_path, capsys):
    path = client_map(tmp_path / "client.xlsx")
    assert main(["inspect", str(path), "--format", "json"]) == 0
    out = capsys.readouterr().out
    report = json.loads(out)
    assert list(report) == sorted(report)  # sorted keys: the same map gives the same bytes
    (sheet,) = report["sheets"]
    assert sheet["name"] == SHEET and sheet["role"] == "flat"
    assert (sheet["header_row"], sheet["header_rows"]) == (4, 2)  # rows 3–4, 1-based lower row
    assert sheet["rows"] == {"read": 4, "skipped": 1}
    assert sheet["columns"] == [
        column(1, "A", "Сегмент", "segments", 1.0, "header"),
        column(2, "B", "Сценарий", "scenario", 1.0, "header"),
        # the group header is read together with the line below it; the line break becomes a space
        column(3, "C", "Касание Канал отправки", "channel", 1.0, "both"),
        # «задержка» is one of the header's two words: (1 + 1) / (2 + 1) = 0.67; two of the four timings
        # read ("сразу", "через 2 дня"; "скоро" twice not): + 0.5 × 2/4 = 0.92
        column(4, "D", "Касание Задержка", "delay", 0.92, "both"),
        column(5, "E", "Касание Условие", "condition", 1.0, "both"),
        column(6, "F", "Цвет кнопки", None, 0.0, ""),
    ]
    assert report["meta"] == {"last_reviewed": "2025-03-12"}
    assert report["facts"] == [{"field": "last_reviewed", "value": "2025-03-12", "sheet": SHEET, "row": 1,
                                "label": "актуально на"}]
    assert report["unread"] == [
        {"sheet": SHEET, "row": 4, "column": "Цвет кнопки", "value": None, "reason": "column not recognised",
         "code": None, "count": 1},
        {"sheet": SHEET, "row": 8, "column": "Касание Задержка", "value": "скоро",
         "reason": "not a duration (write e.g. 30m, 2h, 1d, 1w, 2ч, 3 дня)", "code": "MAP003", "count": 2},
    ]
    assert report["path"] == str(path) and report["language"] == "ru"
    assert main(["inspect", str(path), "--format", "json"]) == 0
    assert capsys.readouterr().out == out  # deterministic


def test_text_listing_in_russian_and_english(tmp_path, capsys):
    path = client_map(tmp_path / "client.xlsx")
    assert main(["inspect", str(path)]) == 0  # auto: the map's language
    ru = capsys.readouterr().out
    assert f"Лист «{SHEET}»: широкая карта касаний (одна строка — одно касание), заголовок в строках 3–4" in ru
    assert "прочитано строк: 4, пустых пропущено: 1" in ru
    assert "  C   «Касание Канал отправки» → канал [channel] (100 %, по заголовку и значениям)" in ru
    assert "  F   «Цвет кнопки» — не прочитан" in ru
    assert f"Дата ревизии: 2025-03-12 ({SHEET}, строка 1, в карте — «актуально на»)" in ru
    assert f"MAP003 {SHEET} (Касание Задержка): «скоро» — not a duration" in ru
    assert "(ячеек: 2, первая в строке 8)" in ru
    assert f"{SHEET} (Цвет кнопки) — столбец не распознан (строка 4)" in ru

    assert main(["inspect", str(path), "--lang", "en"]) == 0
    en = capsys.readouterr().out
    assert f"Sheet '{SHEET}': wide touch map (one row per touch), header in rows 3–4, 5 of 6 columns read" in en
    assert "4 rows read, 1 blank rows skipped" in en
    assert "  D   “Касание Задержка” → when (delay) [delay] (92 %, by header and values)" in en
    assert "  A   “Сегмент” → segments (who gets it) [segments] (100 %, by its header)" in en
    assert "  F   “Цвет кнопки” — not read" in en
    assert "Last reviewed: 2025-03-12" in en and "(2 cells, first in row 8)" in en
    assert "column not recognised (row 4)" in en


def test_write_columns_round_trip_with_awkward_headers(tmp_path, capsys):
    """Headers with quotes, backslashes, line breaks and a sheet name with a dot and quote survive."""
    path = tmp_path / "awkward.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = 'Карта "v2.1"'
    ws.append(['Сегмент "кому"', "Сценарий\\цепочка", "Канал\nотправки", "Задержка", 'Заметка "\\ внутр.\tтаб'])
    ws.append(["Новые", "Приветствие", "Email", "сразу", "x"])
    ws.append(["Новые", "Приветствие", "SMS", "через 2 дня", "y"])
    wb.save(path)
    original = load_map(path)
    toml_path = tmp_path / "columns.toml"
    assert main(["inspect", str(path), "--write-columns", str(toml_path)]) == 0
    capsys.readouterr()
    text = toml_path.read_text(encoding="utf-8")
    assert text == columns_toml(original)
    data = tomllib.loads(text)
    assert data["sheets"] == {'Карта "v2.1"': "flat"}
    table = data["sheet_columns"]['Карта "v2.1"']
    assert table['Сегмент "кому"'] == "segments" and table["Сценарий\\цепочка"] == "scenario"
    assert table["Канал отправки"] == "channel"  # the plan keeps headers on one line
    assert table['Заметка "\\ внутр. таб'] in ("ignore", "notes")
    assert "commap audit" in text and "--columns" in text and "# Карта \"v2.1\": flat, header in row 1" in text
    again = load_map(path, load_column_mapping(toml_path))
    assert _reading(again) == _reading(original)
    assert plain(again, {"reading"}) == plain(original, {"reading"})


@pytest.mark.parametrize("text", ['a"b', "back\\slash", "line\nbreak\r\n", "tab\there", "bell\x07", "ё «»"])
def test_toml_string_escapes_what_toml_needs(text):
    assert tomllib.loads(f"{toml_string(text)} = 1") == {text: 1}


def _reading(commap):
    return [(s.name, s.role, s.header_row, s.header_rows, [(c.index, c.header, c.field) for c in s.columns])
            for s in commap.reading.sheets]


def _all_maps() -> list[Path]:
    maps = sorted((ROOT / "samples").glob("*.xlsx"))
    for answers in sorted((ROOT / "tests").glob("corpus*/*/answers.toml")):
        maps.append(answers.parent / tomllib.loads(answers.read_text(encoding="utf-8"))["map"])
    return maps


@pytest.mark.parametrize("path", _all_maps(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_sample_and_corpus_map_inspects_and_round_trips(tmp_path, capsys, path):
    out = tmp_path / "inspect.json"
    toml_path = tmp_path / "columns.toml"
    assert main(["inspect", str(path), "--format", "json", "-o", str(out), "--write-columns", str(toml_path)]) == 0
    assert capsys.readouterr().out == ""
    report = json.loads(out.read_text(encoding="utf-8"))
    assert [s["name"] for s in report["sheets"]]
    original = load_map(path)
    again = load_map(path, load_column_mapping(toml_path))
    assert _reading(again) == _reading(original)
    names = [s.name for s in again.reading.sheets]
    # every sheet's role comes from the file, but for a sheet of two tables, which [sheets] cannot describe
    assert all(s.by_mapping for s in again.reading.sheets if names.count(s.name) == 1)
    assert plain(again, {"reading"}) == plain(original, {"reading"})
    assert main(["inspect", str(path)]) == 0 and capsys.readouterr().out


def test_unreadable_file_is_one_line_and_exit_2(tmp_path, capsys):
    path = tmp_path / "map.xlsx"
    path.write_bytes(b"\x07not a workbook at all")
    target = tmp_path / "columns.toml"
    assert main(["inspect", str(path), "--write-columns", str(target)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1
    assert captured.err.startswith(f"commap: {path}") and "not a spreadsheet" in captured.err
    assert not target.exists()


def test_output_is_written_atomically_and_never_over_the_map(tmp_path, capsys, monkeypatch):
    path = client_map(tmp_path / "client.xlsx")
    out = tmp_path / "reading.txt"
    out.write_text("old", encoding="utf-8")
    replaced = []
    real_replace = os.replace
    monkeypatch.setattr(os, "replace", lambda src, dst: (replaced.append((Path(src), Path(dst))),
                                                         real_replace(src, dst)))
    assert main(["inspect", str(path), "-o", str(out)]) == 0
    assert capsys.readouterr().out == ""
    ((temp, target),) = replaced
    assert target == out and temp.parent == out.parent and temp != out and not temp.exists()
    assert out.read_text(encoding="utf-8").startswith("Как commap прочитал")
    before = path.read_bytes()
    assert main(["inspect", str(path), "--write-columns", str(path)]) == 2
    assert "refusing" in capsys.readouterr().err and path.read_bytes() == before
    assert main(["inspect", str(path), "-o", str(path)]) == 2
    assert "refusing" in capsys.readouterr().err and path.read_bytes() == before


def test_unread_groups_are_capped(tmp_path):
    commap = load_map(client_map(tmp_path / "client.xlsx"))
    groups = unread_groups(commap, limit=1)
    assert groups[-1] == {"more": 1} and len(groups) == 2
    assert len(describe(commap)["unread"]) <= MAX_UNREAD_GROUPS + 1


def test_a_header_written_twice_round_trips(tmp_path):
    """A mapping names headers, not columns: the first column of a repeated header reads it, as recognised."""
    path = tmp_path / "twice.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Карта"
    ws.append(["Сегмент", "Сценарий", "Канал", "Задержка", "Канал"])
    ws.append(["Новые", "Привет", "Email", "сразу", "Mindbox"])
    ws.append(["Новые", "Привет", "SMS", "через 2 дня", "Mindbox"])
    wb.save(path)
    original = load_map(path)
    assert [c.field for c in original.reading.sheets[0].columns] == ["segments", "scenario", "channel", "delay", None]
    toml_path = tmp_path / "columns.toml"
    toml_path.write_text(columns_toml(original), encoding="utf-8")
    again = load_map(path, load_column_mapping(toml_path))
    assert _reading(again) == _reading(original)
    assert plain(again, {"reading"}) == plain(original, {"reading"})


def test_a_number_sign_tells_two_headers_apart_in_a_mapping(tmp_path):
    """"Action #" (the step's number) and "Action" (what it does) are two columns: the written mapping names
    both, and reading with it gives the same plan. A mapping line without the sign still serves "Msg #"."""
    path = tmp_path / "actions.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Workflow actions"
    ws.append(["Workflow", "Audience", "Action #", "Action", "Delay"])
    ws.append(["Onboarding", "Trial users", 1, "Send email", "0"])
    ws.append(["Onboarding", "Trial users", 2, "Send push", "2 days"])
    ws.append(["Onboarding", "Trial users", 3, "Send email", "5 days"])
    wb.save(path)
    original = load_map(path)
    fields = {c.header: c.field for c in original.reading.sheets[0].columns}
    assert (fields["Action #"], fields["Action"]) == ("step", "channel")
    text = columns_toml(original)
    assert '"Action #" = "step"' in text and '"Action" = "channel"' in text
    toml_path = tmp_path / "columns.toml"
    toml_path.write_text(text, encoding="utf-8")
    again = load_map(path, load_column_mapping(toml_path))
    assert _reading(again) == _reading(original)
    loose = tmp_path / "loose.toml"
    loose.write_text('[columns]\n"Action" = "channel"\n"Action No" = "step"\n', encoding="utf-8")
    mapping = load_column_mapping(loose)
    assert (mapping.field_for_header("Action", "x"), mapping.field_for_header("Action #", "x"),
            mapping.field_for_header("ACTION NO.", "x")) == ("channel", "channel", "step")


def test_a_map_audit_refuses_is_still_inspected_and_says_why(tmp_path, capsys):
    path = tmp_path / "segments_only.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Segments"
    wb.active.append(["Segment", "Size"])
    wb.active.append(["VIP", 10])
    wb.save(path)
    assert main(["audit", str(path), "-q"]) == 2
    capsys.readouterr()
    assert main(["inspect", str(path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Sheet 'Segments': segment list" in out and "Nothing to audit yet" in out
    assert main(["inspect", str(path), "--format", "json", "-o", str(tmp_path / "i.json")]) == 0
    assert json.loads((tmp_path / "i.json").read_text(encoding="utf-8"))["auditable"] is False
