"""Writes the malformed inputs of tests/data/bad (run once; the outputs are committed).

Each file is paired with the message commap must give for it in expected.json.
"""
import io
import json
import zipfile
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent


def good_workbook() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Steps"
    ws.append(["scenario", "step", "channel"])
    ws.append(["cart", "S1", "email"])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def rewrite(data: bytes, changes: dict[str, bytes]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            target.writestr(name, changes.get(name, source.read(name)))
        for name, content in changes.items():
            if name not in source.namelist():
                target.writestr(name, content)
    return out.getvalue()


def main() -> None:
    good = good_workbook()
    files = {
        "random_bytes.xlsx": bytes((i * 7919 + 13) % 256 for i in range(4096)),
        "truncated.xlsx": good[: len(good) // 2],
        "renamed_csv.xlsx": "scenario,step,channel\ncart,S1,email\n".encode(),
        "encrypted.xlsx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4088),
        "not_a_workbook_zip.xlsx": rewrite(good, {}).replace(b"xl/workbook.xml", b"xl/notebook.xml"),
        "billion_laughs.xlsx": rewrite(good, {"xl/workbook.xml": (
            b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
            b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">&lol2;</workbook>')}),
        "zip_bomb.xlsx": rewrite(good, {"xl/media/padding.bin": bytes(60_000_000)}),
        "empty_workbook.xlsx": _empty(),
        "no_recognisable_sheet.xlsx": _budget(),
        "missing_required_column.xlsx": _missing_column(),
    }
    expected = {
        "random_bytes.xlsx": "not a spreadsheet",
        "truncated.xlsx": "damaged or truncated",
        "renamed_csv.xlsx": "not a spreadsheet",
        "encrypted.xlsx": "encrypted or password-protected",
        "not_a_workbook_zip.xlsx": "the zip archive holds no workbook",
        "billion_laughs.xlsx": "declares a DTD or entities",
        "zip_bomb.xlsx": "zip bomb",
        "empty_workbook.xlsx": "no sheet of a communication map found",
        "no_recognisable_sheet.xlsx": "no sheet of a communication map found",
        "missing_required_column.xlsx": "sheet 'Steps', row 1: no header row with the required column(s) "
                                        "'channel'",
    }
    for name, data in files.items():
        (HERE / name).write_bytes(data)
    (HERE / "expected.json").write_text(json.dumps(expected, indent=2) + "\n")


def _save(wb) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _empty() -> bytes:
    return _save(openpyxl.Workbook())


def _budget() -> bytes:
    wb = openpyxl.Workbook()
    wb.active.title = "Бюджет"
    wb.active.append(["статья", "сумма"])
    return _save(wb)


def _missing_column() -> bytes:
    wb = openpyxl.Workbook()
    wb.active.title = "Steps"
    wb.active.append(["scenario", "message"])
    wb.active.append(["cart", "hello"])
    return _save(wb)


if __name__ == "__main__":
    main()
