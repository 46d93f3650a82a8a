"""commap: audit CRM communication maps.

Library API (SPEC §1):

    from audit import load_map, run, AuditConfig
    result = run(load_map("map.xlsx"), AuditConfig(today=date(2026, 11, 23)))
    from reports import render
    html = render(result, "html")
"""
from audit.config import AuditConfig
from audit.engine import AuditResult, run
from audit.errors import CommapError, MapReadError
from audit.findings import Entity, Finding, Location, Severity
from audit.importer import load_map
from audit.model import CommMap

__version__ = "0.1.0"

__all__ = [
    "AuditConfig",
    "AuditResult",
    "CommMap",
    "CommapError",
    "Entity",
    "Finding",
    "Location",
    "MapReadError",
    "Severity",
    "__version__",
    "load_map",
    "run",
]
