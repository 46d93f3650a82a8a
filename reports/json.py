"""The stable JSON report (SPEC §4): same input, byte-identical output."""
from __future__ import annotations

import json as _json

from audit.engine import AuditResult
from audit.findings import Finding


def finding_dict(finding: Finding) -> dict:
    loc = finding.location
    return {
        "rule": finding.rule,
        "slug": finding.slug,
        "severity": finding.severity.value,
        "entity": {"kind": finding.entity.kind, "id": finding.entity.id},
        "location": {"sheet": loc.sheet, "row": loc.row, "column": loc.column},
        "message": finding.message,
        "hint": finding.hint,
    }


def map_dict(result: AuditResult) -> dict:
    commap = result.map
    return {
        "path": commap.path,
        "name": commap.meta.name or None,
        "sha256": commap.sha256,
        "counts": commap.counts(),
    }


def report_dict(result: AuditResult) -> dict:
    from audit import __version__

    report = {
        "tool": {"name": "commap", "version": __version__},
        "map": map_dict(result),
        "audit_date": result.audit_date.isoformat(),
        "platform": result.platform,
        "skipped_rules": sorted(result.skipped),
        "summary": result.summary(),
        "findings": [finding_dict(f) for f in result.findings],
    }
    if result.rules_on_row_systems():
        report["systems_from_rows"] = {"systems": result.systems_from_rows, "rules": result.rules_on_row_systems()}
    if result.simulations:  # [[personas]] in the configuration
        from reports.simulate import simulation_dict

        report["personas"] = [simulation_dict(sim) for sim in result.simulations]
    if result.accepted:
        report["accepted"] = [{**finding_dict(a.finding), "reason": a.reason} for a in result.accepted]
    if result.new_flags is not None:
        report["baseline"] = {"path": result.baseline, "new": sum(result.new_flags),
                              "known": len(result.new_flags) - sum(result.new_flags)}
        for item, new in zip(report["findings"], result.new_flags):
            item["baseline"] = "new" if new else "known"
        for item, seen in zip(report["findings"], result.first_seen or []):
            item["first_seen"] = seen
    return report


def dumps(data: dict) -> str:
    return _json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render(result: AuditResult) -> str:
    return dumps(report_dict(result))
