"""Renderers: each turns an `AuditResult` into the bytes of one output format.

    from reports import render
    text = render(result, "json")
"""
from __future__ import annotations

import importlib
from collections.abc import Callable

from audit.engine import AuditResult
from audit.gcpause import collector_paused


def _on_first_use(module: str) -> Callable[[AuditResult], str | bytes]:
    """The module's `render`, imported when its format is asked for: a JSON-only audit (and every
    `from reports.x import ...`) does not load jinja2 or openpyxl (issue 15)."""
    def render(result: AuditResult) -> str | bytes:
        return importlib.import_module(module).render(result)

    render.__qualname__ = f"{module}.render"
    return render


RENDERERS: dict[str, Callable[[AuditResult], str | bytes]] = {
    fmt: _on_first_use(f"reports.{fmt}") for fmt in ("html", "json", "sarif", "text", "xlsx")
}

EXTENSIONS = {"html": "html", "json": "json", "text": "txt", "sarif": "sarif", "xlsx": "xlsx"}


def render(result: AuditResult, fmt: str) -> str | bytes:
    """The report in one format: bytes for xlsx, text for the others."""
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format '{fmt}' (known: {', '.join(sorted(RENDERERS))})") from None
    with collector_paused():
        return renderer(result)
