"""Audit configuration: which rules run, at what severity, with what options, what is accepted.

Read from `--config FILE`, else `commap.toml` in the working folder, else `[tool.commap]` in
`pyproject.toml` there (docs/configuration.md):

    select = ["recommended"]          # presets "recommended", "all"; codes; prefixes such as "INT"
    ignore = ["GOV"]
    fail_on = "warning"
    [rules.FREQ001]                   # per rule: severity and the rule's own options
    severity = "error"
    caps = { email = 2 }
    [[suppress]]                      # accepted findings, listed as such in the reports
    rule = "COV001"
    entity = "segment:b2b"            # kind:id (seg:, scn:, ch:, ev:, sys: also work) or a bare id
    reason = "B2B customers are handled by the sales team"
    [[personas]]                      # customers whose 30 days the report shows (see `commap simulate`)
    name = "New subscriber, never opens email"
    segments = ["new"]
    reacts = { email = "none", push = "opens" }
    events = [{ at = "0d", event = "signup" }, { at = "1d 19:00", event = "cart_abandoned" }]
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from audit.errors import CommapError
from audit.tomlfile import read_toml
from audit.findings import Finding, Severity
from audit.simulate import Persona

FailOn = Literal["error", "warning", "info", "never"]
PRESETS = ("recommended", "all")

_KIND_ALIASES = {
    "seg": "segment", "segment": "segment", "stage": "stage", "ch": "channel", "channel": "channel",
    "ev": "event", "event": "event", "scn": "scenario", "scenario": "scenario", "step": "step",
    "sys": "system", "system": "system", "int": "integration", "integration": "integration", "map": "map",
}


class Suppression(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rule: str
    entity: str
    reason: str = ""

    def matches(self, finding: Finding) -> bool:
        if finding.rule != self.rule.strip().upper():
            return False
        kind, _, ident = self.entity.partition(":")
        if not ident:
            kind, ident = "", kind
        if kind and _KIND_ALIASES.get(kind.strip().casefold(), kind.strip().casefold()) != finding.entity.kind:
            return False
        return " ".join(ident.split()).casefold() == " ".join(finding.entity.id.split()).casefold()


class AuditConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    select: list[str] = Field(default_factory=lambda: ["recommended"])
    ignore: list[str] = Field(default_factory=list)
    severity: dict[str, Severity] = Field(default_factory=dict)
    options: dict[str, dict] = Field(default_factory=dict)
    suppress: list[Suppression] = Field(default_factory=list)
    fail_on: FailOn = "error"
    today: date | None = None
    lang: Literal["auto", "en", "ru"] = "auto"
    tracking_plan: frozenset[str] | None = None
    platform_name: str | None = None
    source: str | None = None  # the file the configuration came from, for messages
    personas: list[Persona] = Field(default_factory=list)  # [[personas]]: customers to simulate in the report

    def selects(self, code: str, recommended: bool = True) -> bool:
        """Selected by preset, code or prefix and not ignored by a longer or equal prefix."""
        chosen = _longest_prefix(code, self.select, recommended)
        if chosen is None:
            return False
        ignored = _longest_prefix(code, self.ignore, recommended)
        return ignored is None or len(ignored) < len(chosen)


def _longest_prefix(code: str, patterns: list[str], recommended: bool) -> str | None:
    best: str | None = None
    for pattern in patterns:
        word = pattern.strip().upper()
        if word == "RECOMMENDED":
            if not recommended:
                continue
            word = ""
        elif word == "ALL":
            word = ""
        if code.upper().startswith(word) and (best is None or len(word) > len(best)):
            best = word
    return best


def fails(severities: list[Severity], fail_on: FailOn) -> bool:
    if fail_on == "never":
        return False
    threshold = Severity(fail_on).rank
    return any(s.rank <= threshold for s in severities)


def find_config_file(folder: Path) -> Path | None:
    """`commap.toml`, else a `pyproject.toml` with a [tool.commap] table, in `folder`."""
    candidate = folder / "commap.toml"
    if candidate.is_file():
        return candidate
    pyproject = folder / "pyproject.toml"
    if pyproject.is_file() and "tool" in _read_toml(pyproject) and "commap" in _read_toml(pyproject)["tool"]:
        return pyproject
    return None


def _read_toml(path: Path) -> dict:
    return read_toml(path, "the configuration")


def load_config_file(path: Path) -> dict:
    """The configuration table of a file, as AuditConfig keyword arguments; exit 2 on anything unknown."""
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("commap", {})
    known = {"select", "ignore", "fail_on", "fail-on", "rules", "suppress", "lang", "today", "personas"}
    for key in data:
        if key not in known:
            raise CommapError(f"{path}: unknown configuration key '{key}' (known: {', '.join(sorted(known))})")
    result: dict = {}
    for key in ("select", "ignore"):
        if key in data:
            value = data[key]
            result[key] = [value] if isinstance(value, str) else value
    if "fail_on" in data or "fail-on" in data:
        result["fail_on"] = data.get("fail_on", data.get("fail-on"))
    if "lang" in data:
        result["lang"] = data["lang"]
    if "today" in data:
        result["today"] = data["today"]
    severity: dict[str, str] = {}
    options: dict[str, dict] = {}
    rules = data.get("rules", {})
    if not isinstance(rules, dict):
        raise CommapError(f"{path}: [rules] must be a table of rule codes")
    for code, table in rules.items():
        if not isinstance(table, dict):
            raise CommapError(f"{path}: [rules.{code}] must be a table")
        table = dict(table)
        if "severity" in table:
            severity[code.upper()] = table.pop("severity")
        options[code.upper()] = table
    result["severity"] = severity
    result["options"] = options
    suppress = data.get("suppress", [])
    if not isinstance(suppress, list):
        raise CommapError(f"{path}: suppress must be an array of tables ([[suppress]])")
    result["suppress"] = suppress
    personas = data.get("personas", [])
    if not isinstance(personas, list):
        raise CommapError(f"{path}: personas must be an array of tables ([[personas]])")
    result["personas"] = personas
    result["source"] = str(path)
    return result


def make_config(path: Path | None, **overrides) -> AuditConfig:
    """File settings (if any) with command-line overrides on top; exit 2 with a clear line when invalid.

    `ignore` adds to the file's list; every other override replaces the file's value.
    """
    settings: dict = load_config_file(path) if path is not None else {}
    for key, value in overrides.items():
        if value is None:
            continue
        settings[key] = [*settings.get("ignore", []), *value] if key == "ignore" else value
    try:
        return AuditConfig(**settings)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        origin = settings.get("source") or "configuration"
        raise CommapError(f"{origin}: '{where}': {first['msg']}") from None
