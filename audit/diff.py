"""`commap diff OLD NEW` and `--baseline`: what changed between two versions of a map.

Entities are matched by kind and id, case-insensitively (a step within its scenario, an
integration by `from->to`). Changed entities name the fields whose values differ; where a cell
moved (row numbers) nothing is reported, since the source location is not part of the map's
meaning. Findings of the two audits are matched by rule and entity (a multiset: two MAP001 on the
same step are two findings) into new, fixed and kept.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from audit.config import AuditConfig
from audit.engine import AuditResult, run
from audit.findings import Finding
from audit.model import CommMap, id_key

ENTITY_LISTS = (
    ("segment", "segments"), ("stage", "stages"), ("channel", "channels"), ("event", "events"),
    ("scenario", "scenarios"), ("step", "steps"), ("system", "systems"), ("integration", "integrations"),
)
_IGNORED_FIELDS = {"source", "declared"}


@dataclass(frozen=True)
class Change:
    kind: str
    id: str
    fields: tuple[str, ...] = ()


@dataclass
class MapChanges:
    added: list[Change] = field(default_factory=list)
    removed: list[Change] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


@dataclass
class FindingsDiff:
    new: list[Finding]
    fixed: list[Finding]
    kept: list[Finding]


@dataclass
class MapDiff:
    old: AuditResult
    new: AuditResult
    changes: MapChanges
    findings: FindingsDiff


def _entity_id(kind: str, record) -> str:
    return record.ref if kind in ("step", "integration") else record.id


def _entity_key(kind: str, record) -> str:
    if kind == "step":
        return "/".join(record.key)
    if kind == "integration":
        return f"{id_key(record.from_system)}->{id_key(record.to_system)}"
    return record.key


def _comparable(record) -> dict:
    data = record.model_dump(mode="json", exclude=_IGNORED_FIELDS)
    return data


def compare_maps(old: CommMap, new: CommMap) -> MapChanges:
    changes = MapChanges()
    for kind, attribute in ENTITY_LISTS:
        before = {_entity_key(kind, r): r for r in getattr(old, attribute) if getattr(r, "declared", True)}
        after = {_entity_key(kind, r): r for r in getattr(new, attribute) if getattr(r, "declared", True)}
        for key, record in after.items():
            if key not in before:
                changes.added.append(Change(kind, _entity_id(kind, record)))
                continue
            old_data, new_data = _comparable(before[key]), _comparable(record)
            fields = tuple(sorted(f for f in new_data if old_data.get(f) != new_data.get(f)))
            if fields:
                changes.changed.append(Change(kind, _entity_id(kind, record), fields))
        for key, record in before.items():
            if key not in after:
                changes.removed.append(Change(kind, _entity_id(kind, record)))
    order = {kind: index for index, (kind, _) in enumerate(ENTITY_LISTS)}
    for items in (changes.added, changes.removed, changes.changed):
        items.sort(key=lambda c: (order[c.kind], c.id.casefold(), c.id))
    return changes


def match_findings(old: Iterable[Finding], new: Iterable[Finding]) -> FindingsDiff:
    """New, fixed and kept findings, matched by rule and entity as multisets."""
    remaining: dict[tuple, list[Finding]] = defaultdict(list)
    for finding in old:
        remaining[finding.match_key()].append(finding)
    fresh, kept = [], []
    for finding in new:
        bucket = remaining.get(finding.match_key())
        if bucket:
            bucket.pop(0)
            kept.append(finding)
        else:
            fresh.append(finding)
    fixed = sorted((f for bucket in remaining.values() for f in bucket), key=Finding.sort_key)
    return FindingsDiff(new=fresh, fixed=fixed, kept=kept)


def diff(old: CommMap, new: CommMap, config: AuditConfig) -> MapDiff:
    old_result, new_result = run(old, config), run(new, config)
    return MapDiff(old_result, new_result, compare_maps(old, new),
                   match_findings(old_result.findings, new_result.findings))


def baseline_keys(findings: Iterable[dict]) -> Counter:
    """Match keys of the findings in an earlier JSON report (SPEC §4 shape)."""
    keys: Counter = Counter()
    for item in findings:
        entity = item.get("entity") or {}
        keys[(str(item.get("rule", "")), str(entity.get("kind", "")), str(entity.get("id", "")).casefold())] += 1
    return keys


def mark_new(findings: list[Finding], known: Counter) -> list[bool]:
    """For each finding, True when the baseline did not have it (multiset matching)."""
    left = Counter(known)
    flags = []
    for finding in findings:
        key = finding.match_key()
        if left[key] > 0:
            left[key] -= 1
            flags.append(False)
        else:
            flags.append(True)
    return flags
