"""Tiny in-memory maps for rule tests.

`build_map(segments=[{"id": "vip"}], scenarios=[...], steps=[...])` feeds rows, keyed by the
canonical field names of SPEC §2 (`id`, `segments`, `stop_event`, `message_type`, `from`, …),
through the same record-building code the workbook importer uses — so a value a test writes is
read exactly as a cell would be. Rows are numbered from 2, as under a header row.
"""
from __future__ import annotations

from datetime import date

from audit.config import AuditConfig
from audit.engine import run
from audit.findings import Finding
from audit.graph import MapGraph
from audit.importer.normalized import Row, Table, build_commap
from audit.model import CommMap, MapMeta
from audit.rule import Rule, RuleContext

TODAY = date(2026, 11, 23)
ENTITIES = ("segments", "stages", "channels", "events", "scenarios", "steps", "systems", "integrations")


def build_map(meta: dict | None = None, **tables: list[dict]) -> CommMap:
    unknown = set(tables) - set(ENTITIES)
    if unknown:
        raise TypeError(f"unknown tables: {sorted(unknown)}")
    built = []
    for entity, rows in tables.items():
        sheet = entity.capitalize()
        headers = {field: field for row in rows for field in row}
        built.append(Table(entity, sheet, [
            Row(sheet=sheet, number=index + 2, cells=dict(row), headers=headers) for index, row in enumerate(rows)
        ]))
    return build_commap(built, MapMeta(**(meta or {})))


def scn(ident: str, segments: str = "*", **fields) -> dict:
    """A scenario row: trigger type with a trigger event unless told otherwise."""
    row = {"id": ident, "segments": segments, "type": "trigger", "trigger": f"{ident}_event"}
    row.update(fields)
    return row


def step(scenario: str, ident: str, channel: str = "email", **fields) -> dict:
    return {"scenario": scenario, "step": ident, "channel": channel, **fields}


def run_rule(rule_class: type[Rule], commap: CommMap, *, today: date = TODAY, lang: str = "en",
             tracking_plan: frozenset[str] | None = None, options: dict | None = None) -> list[Finding]:
    """Findings of one rule, called directly (its `requires` are not checked here)."""
    rule = rule_class(None, rule_class.Options(**(options or {})), lang)
    ctx = RuleContext(map=commap, graph=MapGraph(commap), today=today, lang=lang, tracking_plan=tracking_plan)
    return list(rule.check(ctx))


def audit(commap: CommMap, **config) -> list[Finding]:
    """Findings of the whole engine, as the CLI would run it (requirements and selection applied)."""
    config.setdefault("today", TODAY)
    return run(commap, AuditConfig(**config)).findings


def codes_by_entity(findings: list[Finding]) -> set[tuple[str, str]]:
    return {(f.rule, f.entity.id) for f in findings}


def write_workbook(path, meta: dict | None = None, **tables: list[dict]):
    """The same tables as a real .xlsx file with English sheet names and headers (openpyxl)."""
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    if meta:
        sheet = workbook.create_sheet("Map")
        for key, value in meta.items():
            sheet.append([key, value])
    for entity, rows in tables.items():
        sheet = workbook.create_sheet(entity.capitalize())
        headers = list(dict.fromkeys(field for row in rows for field in row))
        sheet.append(headers)
        for row in rows:
            sheet.append([row.get(h, None) for h in headers])
    workbook.save(path)
    return path
