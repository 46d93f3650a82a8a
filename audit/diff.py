"""`commap diff OLD NEW` and `--baseline`: what changed between two versions of a map.

Entities are matched by kind and id, case-insensitively (a step within its scenario, an
integration by `from->to`). Changed entities name the fields whose values differ, with the value
before and after; where a cell moved (row numbers) nothing is reported, since the source location
is not part of the map's meaning, but each change carries its sheet and row in both versions.
Findings of the two audits are matched by rule and entity (a multiset: two MAP001 on the same step
are two findings) into new, fixed and kept; a kept finding whose measure grew (the first number of
its message: contacts a week, share of promo…) got worse.

With `--baseline`, each finding's first-seen date comes from the earlier report (its own
`first_seen`, else that report's audit date), so "open since" survives review after review.
"""
from __future__ import annotations

from collections import Counter, defaultdict
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from audit.config import AuditConfig
from audit.engine import AuditResult, run
from audit.findings import Finding, Location
from audit.model import CommMap, id_key, plain

ENTITY_LISTS = (
    ("segment", "segments"), ("stage", "stages"), ("channel", "channels"), ("event", "events"),
    ("scenario", "scenarios"), ("step", "steps"), ("system", "systems"), ("integration", "integrations"),
)
_IGNORED_FIELDS = {"source", "declared"}
# Fields read from another field's cell: shown only when that cell did not change too
# (the parsed condition goes with its text, the delay in minutes with the timing cell…).
_DERIVED = {"condition": "condition_text", "delay_minutes": "timing_text", "send_time": "timing_text",
            "all_segments": "segments", "whole_base": "segments", "next_text": "next"}


@dataclass(frozen=True)
class FieldChange:
    """One field of a changed entity: its values as the JSON model dump has them (dates ISO, enums as values)."""

    field: str
    before: object
    after: object


@dataclass(frozen=True)
class Change:
    kind: str
    id: str
    fields: tuple[str, ...] = ()
    values: tuple[FieldChange, ...] = ()  # the fields worth showing, with before/after (changed entities)
    before_at: Location | None = None  # sheet and row in the old version (changed, removed)
    after_at: Location | None = None  # sheet and row in the new version (changed, added)


@dataclass
class MapChanges:
    added: list[Change] = field(default_factory=list)
    removed: list[Change] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


@dataclass
class Worse:
    """A kept finding whose measure grew: FREQ001 3 → 5 contacts a week."""

    old: Finding
    new: Finding
    before: float
    after: float


@dataclass
class FindingsDiff:
    new: list[Finding]
    fixed: list[Finding]
    kept: list[Finding]
    previous: list[Finding] = field(default_factory=list)  # for each kept finding, its match in the old audit

    @property
    def worse(self) -> list[Worse]:
        out = []
        for old, new in zip(self.previous, self.kept):
            grown = got_worse(old, new)
            if grown is not None:
                out.append(Worse(old, new, *grown))
        return out


@dataclass
class MapDiff:
    old: AuditResult
    new: AuditResult
    changes: MapChanges
    findings: FindingsDiff
    # with --baseline (an earlier JSON report of the old version): first-seen date per kept finding
    open_since: list[str | None] | None = None


def _entity_id(kind: str, record) -> str:
    return record.ref if kind in ("step", "integration") else record.id


def _entity_key(kind: str, record) -> str:
    if kind == "step":
        return "/".join(record.key)
    if kind == "integration":
        return f"{id_key(record.from_system)}->{id_key(record.to_system)}"
    return record.key


def _comparable(record) -> dict:
    data = plain(record, _IGNORED_FIELDS)
    if "condition" in data:  # the parsed condition reads as the text it was parsed from
        data["condition"] = record.condition_text if record.condition is not None else None
    return data


def _where(record) -> Location | None:
    source = getattr(record, "source", None)
    if source is None or not source.sheet:
        return None
    return Location(sheet=source.sheet, row=source.row)


def _shown(fields: tuple[str, ...], old_data: dict, new_data: dict) -> tuple[FieldChange, ...]:
    return tuple(FieldChange(f, old_data.get(f), new_data.get(f)) for f in fields
                 if not (f in _DERIVED and _DERIVED[f] in fields))


def compare_maps(old: CommMap, new: CommMap) -> MapChanges:
    changes = MapChanges()
    for kind, attribute in ENTITY_LISTS:
        before = {_entity_key(kind, r): r for r in getattr(old, attribute) if getattr(r, "declared", True)}
        after = {_entity_key(kind, r): r for r in getattr(new, attribute) if getattr(r, "declared", True)}
        for key, record in after.items():
            if key not in before:
                changes.added.append(Change(kind, _entity_id(kind, record), after_at=_where(record)))
                continue
            old_data, new_data = _comparable(before[key]), _comparable(record)
            fields = tuple(sorted(f for f in new_data if old_data.get(f) != new_data.get(f)))
            if fields:
                changes.changed.append(Change(kind, _entity_id(kind, record), fields,
                                              _shown(fields, old_data, new_data),
                                              before_at=_where(before[key]), after_at=_where(record)))
        for key, record in before.items():
            if key not in after:
                changes.removed.append(Change(kind, _entity_id(kind, record), before_at=_where(record)))
    order = {kind: index for index, (kind, _) in enumerate(ENTITY_LISTS)}
    for items in (changes.added, changes.removed, changes.changed):
        items.sort(key=lambda c: (order[c.kind], c.id.casefold(), c.id))
    return changes


def match_findings(old: Iterable[Finding], new: Iterable[Finding]) -> FindingsDiff:
    """New, fixed and kept findings, matched by rule and entity as multisets."""
    remaining: dict[tuple, list[Finding]] = defaultdict(list)
    for finding in old:
        remaining[finding.match_key()].append(finding)
    fresh, kept, previous = [], [], []
    for finding in new:
        bucket = remaining.get(finding.match_key())
        if bucket:
            previous.append(bucket.pop(0))
            kept.append(finding)
        else:
            fresh.append(finding)
    fixed = sorted((f for bucket in remaining.values() for f in bucket), key=Finding.sort_key)
    return FindingsDiff(new=fresh, fixed=fixed, kept=kept, previous=previous)


# Names the user wrote are quoted («…», nested «…«…»…», '…') and may hold digits; dates are no measure.
_QUOTED_EN = re.compile(r"'[^']*'")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_NUMBER = re.compile(r"(?<![\w.,/-])\d+(?:[.,]\d+)?(?![\w-])")


def _unquoted(message: str) -> str:
    out, depth = [], 0
    for char in message:
        if char == "«":
            depth += 1
        elif char == "»" and depth:
            depth -= 1
        elif not depth:
            out.append(char)
    return _DATE.sub(" ", _QUOTED_EN.sub(" ", "".join(out)))


def measure(message: str) -> float | None:
    """The first number of a message outside the names it quotes: the rule's measure (FREQ001's
    contacts a week, CNT002's share of promo); None when the message has no number."""
    found = _NUMBER.search(_unquoted(message))
    return float(found.group(0).replace(",", ".")) if found else None


def got_worse(old: Finding, new: Finding) -> tuple[float, float] | None:
    """(before, after) when the same rule on the same entity now measures more, else None."""
    before, after = measure(old.message), measure(new.message)
    if before is None or after is None or after <= before:
        return None
    return before, after


def diff(old: CommMap, new: CommMap, config: AuditConfig) -> MapDiff:
    old_result, new_result = run(old, config), run(new, config)
    return MapDiff(old_result, new_result, compare_maps(old, new),
                   match_findings(old_result.findings, new_result.findings))


def _baseline_key(item: dict) -> tuple[str, str, str]:
    entity = item.get("entity") or {}
    return (str(item.get("rule", "")), str(entity.get("kind", "")), str(entity.get("id", "")).casefold())


def baseline_keys(findings: Iterable[dict]) -> Counter:
    """Match keys of the findings in an earlier JSON report (SPEC §4 shape)."""
    return Counter(_baseline_key(item) for item in findings)


def first_seen(findings: list[Finding], baseline: dict, today: date | str | None) -> list[str | None]:
    """For each finding, the date it was first seen, carried forward from an earlier JSON report.

    A finding the baseline has (multiset matching, in order) keeps the baseline's `first_seen`, or
    the baseline's `audit_date` when that report had no history; a new finding is first seen
    `today` (the audit date). None where nothing is known (no dates anywhere).
    """
    default = baseline.get("audit_date") if isinstance(baseline.get("audit_date"), str) else None
    known: dict[tuple, list] = defaultdict(list)
    for item in baseline.get("findings") or []:
        if isinstance(item, dict):
            seen = item.get("first_seen")
            known[_baseline_key(item)].append(seen if isinstance(seen, str) else default)
    today_text = today.isoformat() if isinstance(today, date) else today
    dates = []
    for finding in findings:
        bucket = known.get(finding.match_key())
        dates.append(bucket.pop(0) if bucket else today_text)
    return dates


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
