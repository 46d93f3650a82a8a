"""SARIF 2.1.0: the full rule registry in tool.driver.rules, the workbook as the artifact, the row
as region.startLine, the entity as a logical location, suppressed findings marked as such."""
from __future__ import annotations

from audit.engine import AuditResult
from audit.findings import Finding, Severity
from reports.json import dumps
from reports.ruledoc import rule_documentation

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _rules(lang: str) -> list[dict]:
    from rules import ALL_RULES

    out = []
    for rule in ALL_RULES:
        out.append({
            "id": rule.code,
            "name": rule.slug,
            "shortDescription": {"text": rule.title[lang]},
            "fullDescription": {"text": rule_documentation(rule, lang)},
            "help": {"text": rule.fix[lang], "markdown": rule_documentation(rule, lang)},
            "defaultConfiguration": {"level": _LEVEL[rule.default_severity]},
            "properties": {"tags": [rule.code.rstrip("0123456789").lower()]},
        })
    return out


def _result(finding: Finding, rule_index: dict[str, int], uri: str, suppression: str | None) -> dict:
    result: dict = {
        "ruleId": finding.rule,
        "level": _LEVEL[finding.severity],
        "message": {"text": finding.message + (f" {finding.hint}" if finding.hint else "")},
        "locations": [{
            "physicalLocation": {"artifactLocation": {"uri": uri, "index": 0}},
            "logicalLocations": [{
                "name": finding.entity.id,
                "fullyQualifiedName": f"{finding.entity.kind}:{finding.entity.id}",
                "kind": finding.entity.kind,
            }],
        }],
        "properties": {"slug": finding.slug, "entity": {"kind": finding.entity.kind, "id": finding.entity.id}},
    }
    if finding.rule in rule_index:
        result["ruleIndex"] = rule_index[finding.rule]
    location = finding.location
    physical = result["locations"][0]["physicalLocation"]
    if location.row:
        physical["region"] = {"startLine": location.row}
    if location.sheet:
        result["properties"]["sheet"] = location.sheet
    if location.column:
        result["properties"]["column"] = location.column
    if suppression is not None:
        result["suppressions"] = [{"kind": "external", "justification": suppression or "accepted"}]
    return result


def render(result: AuditResult) -> str:
    from audit import __version__

    lang = result.lang
    rules = _rules(lang)
    index = {rule["id"]: position for position, rule in enumerate(rules)}
    uri = result.map.path.replace("\\", "/")
    results = [_result(f, index, uri, None) for f in result.findings]
    results += [_result(a.finding, index, uri, a.reason) for a in result.accepted]
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "commap",
                "version": __version__,
                "rules": rules,
            }},
            "artifacts": [{"location": {"uri": uri}, "hashes": {"sha-256": result.map.sha256}}],
            "results": results,
            "properties": {"auditDate": result.audit_date.isoformat(), "skippedRules": sorted(result.skipped)},
        }],
    }
    return dumps(document)
