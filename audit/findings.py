"""Severity, Location, Entity and Finding: what every rule produces and every renderer consumes."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for the most severe; used for sorting and for --fail-on."""
        return _RANK[self]


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}

ENTITY_KINDS = ("map", "segment", "stage", "channel", "event", "scenario", "step", "system", "integration")


@dataclass(frozen=True, slots=True, kw_only=True)
class Location:
    """Where in the input a finding points: sheet name and header as the workbook wrote them, 1-based row."""

    sheet: str | None = None
    row: int | None = None
    column: str | None = None

    def label(self) -> str:
        """`Sheet!12 (column)` for people; empty when nothing is known."""
        if not self.sheet:
            return ""
        text = self.sheet if self.row is None else f"{self.sheet}!{self.row}"
        return f"{text} ({self.column})" if self.column else text


@dataclass(frozen=True, slots=True, kw_only=True)
class Entity:
    kind: str
    id: str

    def ref(self) -> str:
        return f"{self.kind}:{self.id}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    rule: str
    slug: str
    severity: Severity
    entity: Entity
    location: Location
    message: str
    hint: str

    def sort_key(self) -> tuple:
        loc = self.location
        return (
            self.severity.rank,
            self.rule,
            loc.sheet or "",
            loc.row if loc.row is not None else -1,
            self.entity.kind,
            self.entity.id.casefold(),
            self.entity.id,
            loc.column or "",
            self.message,
        )

    def match_key(self) -> tuple[str, str, str]:
        """Identity of a finding across two audits (baseline, diff): rule + entity, case-insensitive."""
        return (self.rule, self.entity.kind, self.entity.id.casefold())
