"""Audit configuration: which rules run, at what severity, when the run fails."""
from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from audit.findings import Severity

FailOn = Literal["error", "warning", "info", "never"]


class AuditConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    select: list[str] = Field(default_factory=lambda: ["ALL"])
    ignore: list[str] = Field(default_factory=list)
    severity: dict[str, Severity] = Field(default_factory=dict)
    options: dict[str, dict] = Field(default_factory=dict)
    fail_on: FailOn = "error"
    today: date | None = None
    lang: Literal["auto", "en", "ru"] = "auto"
    tracking_plan: frozenset[str] | None = None
    platform_name: str | None = None

    def selects(self, code: str) -> bool:
        """Selected by code or prefix (`INT`, `COV00`, `ALL`) and not ignored by a longer or equal prefix."""
        chosen = _longest_prefix(code, self.select)
        if chosen is None:
            return False
        ignored = _longest_prefix(code, self.ignore)
        return ignored is None or len(ignored) < len(chosen)


def _longest_prefix(code: str, patterns: list[str]) -> str | None:
    best: str | None = None
    for pattern in patterns:
        word = pattern.strip().upper()
        if word == "ALL":
            word = ""
        if code.upper().startswith(word) and (best is None or len(word) > len(best)):
            best = word
    return best


def fails(severities: list[Severity], fail_on: FailOn) -> bool:
    if fail_on == "never":
        return False
    threshold = Severity(fail_on).rank
    return any(s.rank <= threshold for s in severities)
