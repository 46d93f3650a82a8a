"""The stable JSON report (SPEC §4): same input, byte-identical output."""
from __future__ import annotations

import json as _json
import re

import orjson

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


_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE | orjson.OPT_PASSTHROUGH_DATETIME | \
    orjson.OPT_PASSTHROUGH_DATACLASS
# orjson writes a float below 1e-4 as 0.00001 or 1e-7 where Python writes 1e-05 and 1e-07; every other
# float, int, string and the layout of OPT_INDENT_2 match json.dumps(indent=2, ensure_ascii=False).
# A number is alone at the end of its line (after "key": or the indent), so a string never matches.
_EXPONENT_HINT = re.compile(rb"e-\d[,\n]")  # a literal prefix: searched at memchr speed
_SMALL_FLOAT = re.compile(rb"(?m)(?:^|(?<=[ :]))-?(?:0\.0000\d*|\d+(?:\.\d+)?e-\d)(?=,?$)")


def _python_float(match: re.Match) -> bytes:
    return repr(float(match.group())).encode()


def _stdlib_dumps(data, sort_keys: bool) -> str:
    return _json.dumps(data, ensure_ascii=False, indent=2, sort_keys=sort_keys) + "\n"


def dumps(data: dict, sort_keys: bool = False) -> str:
    """`json.dumps(data, ensure_ascii=False, indent=2) + "\\n"`, byte for byte, at orjson's speed.

    Key order is insertion order (SPEC §4) unless `sort_keys`. What orjson refuses (ints beyond 64
    bits, keys that are not strings, lone surrogates, dates and dataclasses) goes to the standard
    library, which writes it, or raises, as before. One difference is left: NaN and infinities,
    which the standard library writes as the non-JSON tokens NaN/Infinity, come out as null.
    """
    try:
        raw = orjson.dumps(data, option=_OPTIONS | orjson.OPT_SORT_KEYS if sort_keys else _OPTIONS)
    except TypeError:  # orjson.JSONEncodeError is a TypeError
        return _stdlib_dumps(data, sort_keys)
    if b"0.0000" in raw or _EXPONENT_HINT.search(raw):
        raw = _SMALL_FLOAT.sub(_python_float, raw)
    return raw.decode()


def render(result: AuditResult) -> str:
    return dumps(report_dict(result))
