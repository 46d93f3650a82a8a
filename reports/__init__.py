"""Renderers: each turns an `AuditResult` into the bytes of one output format.

    from reports import render
    text = render(result, "json")
"""
from __future__ import annotations

from collections.abc import Callable

from audit.engine import AuditResult
from audit.gcpause import collector_paused
from reports import html, json, sarif, text, xlsx

RENDERERS: dict[str, Callable[[AuditResult], str | bytes]] = {
    "html": html.render,
    "json": json.render,
    "sarif": sarif.render,
    "text": text.render,
    "xlsx": xlsx.render,
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
