"""Errors that end a command with exit status 2 and one clear line on stderr."""
from __future__ import annotations

from pathlib import Path


class CommapError(Exception):
    """Misuse or unreadable input; the CLI prints `str(error)` and exits 2."""


class MapReadError(CommapError):
    """A map, profile or plan that cannot be read; names the file and, where known, sheet/row/column."""

    def __init__(
        self,
        path: Path | str,
        message: str,
        *,
        sheet: str | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        self.path = str(path)
        self.sheet = sheet
        self.row = row
        self.column = column
        self.reason = message
        where = [self.path]
        if sheet:
            where.append(f"sheet '{sheet}'")
        if row:
            where.append(f"row {row}")
        if column:
            where.append(f"column '{column}'")
        super().__init__(f"{', '.join(where)}: {message}")
