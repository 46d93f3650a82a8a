"""The bundled samples audit to exactly the findings planted in them (samples/README.md).

Expected findings were derived by hand from the rule definitions (each has its `why`); with
`--select all` every one is found, with the default preset those marked "all" are not.
"""
import hashlib
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from audit.cli import main

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
NAMES = ["ru_ecommerce", "en_b2b_saas"]


def audit_json(tmp_path, name: str, *extra: str) -> dict:
    out = tmp_path / f"{name}.json"
    code = main(["audit", str(SAMPLES / f"{name}.xlsx"), "--format", "json", "-o", str(out), "--today", "2026-11-23",
                 "--fail-on", "never", "-q", *extra])
    assert code == 0
    return json.loads(out.read_text(encoding="utf-8"))


def expected(name: str, preset: str) -> Counter:
    items = json.loads((SAMPLES / f"{name}.expected.json").read_text(encoding="utf-8"))
    return Counter((e["rule"], e["kind"], e["id"]) for e in items if preset == "all" or e["preset"] == preset)


def found(report: dict) -> Counter:
    return Counter((f["rule"], f["entity"]["kind"], f["entity"]["id"]) for f in report["findings"])


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("preset", ["recommended", "all"])
def test_sample_yields_exactly_the_planted_findings(tmp_path, name, preset):
    report = audit_json(tmp_path, name, "--select", preset)
    assert found(report) == expected(name, preset)
    assert report["skipped_rules"] == []
    # the SPEC §4 shape
    assert list(report) == ["tool", "map", "audit_date", "platform", "skipped_rules", "summary", "findings"]
    assert list(report["map"]) == ["path", "name", "sha256", "counts"]
    assert list(report["summary"]) == ["error", "warning", "info", "suppressed"]
    assert report["audit_date"] == "2026-11-23" and report["tool"]["name"] == "commap"
    for item in report["findings"]:
        assert list(item) == ["rule", "slug", "severity", "entity", "location", "message", "hint"]
        assert list(item["location"]) == ["sheet", "row", "column"] and isinstance(item["location"]["row"], int)
    ranks = [("error", "warning", "info").index(f["severity"]) for f in report["findings"]]
    assert ranks == sorted(ranks)


@pytest.mark.parametrize("name", NAMES)
def test_sample_is_not_modified_by_an_audit(tmp_path, name):
    path = SAMPLES / f"{name}.xlsx"
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    report = audit_json(tmp_path, name)
    assert report["map"]["sha256"] == before
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_russian_sample_reports_in_russian_and_english_in_english(tmp_path):
    ru = audit_json(tmp_path, "ru_ecommerce")
    en = audit_json(tmp_path, "en_b2b_saas")
    assert all(re.search(r"[а-яё]", f["message"], re.I) for f in ru["findings"])
    assert not any(re.search(r"[а-яё]", f["message"], re.I) for f in en["findings"])
    assert ru["map"]["counts"] == {"segments": 10, "stages": 7, "scenarios": 14, "steps": 25, "channels": 6,
                                   "events": 12}


def test_sample_json_is_byte_identical_across_runs(tmp_path):
    first = tmp_path / "a.json"
    second = tmp_path / "b.json"
    for out in (first, second):
        main(["audit", str(SAMPLES / "ru_ecommerce.xlsx"), "--format", "json", "-o", str(out), "--today",
              "2026-11-23", "-q", "--fail-on", "never"])
    assert first.read_bytes() == second.read_bytes()
