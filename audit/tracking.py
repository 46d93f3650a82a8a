"""`--tracking-plan FILE`: the events that are really collected (SPEC §2).

Accepted: a CSV (or TSV) with a column `event`, `name` or `key` (an analytics export; a Segment
Protocols export uses `Name`; `,` `;` or tab between columns), JSON (`{"events": [{"name": …}]}`,
`{"events": {"name": {…}}}`, a list of names, or a list of objects with `name`/`key`/`event`), or
plain text with one name a line (`#` starts a comment). Names are compared case-insensitively.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from audit.errors import MapReadError
from audit.importer.workbook import sniff_delimiter
from audit.model import id_key

_COLUMNS = ("event", "name", "key", "event name", "event_name", "событие", "название", "ключ")


def load_tracking_plan(path: str | Path) -> frozenset[str]:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise MapReadError(path, f"cannot read the tracking plan ({exc.strerror or exc})") from None
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        content = data.decode("cp1251", errors="replace")
    suffix = path.suffix.casefold()
    if suffix == ".json":
        names = _from_json(path, content)
    elif suffix in (".csv", ".tsv"):
        names = _from_csv(path, content)
    elif content.lstrip().startswith(("{", "[")) and _is_json(content):
        names = _from_json(path, content)
    else:  # one name a line; a name may itself start with `[` ("[Amplitude] Start Session")
        names = [line.split("#", 1)[0].strip() for line in content.splitlines()]
    written = [n.strip() for n in names if n and n.strip()]
    # compared with an event's id as ids are compared (id_key) and with its analytics key (casefold)
    plan = frozenset(n.casefold() for n in written) | frozenset(id_key(n) for n in written)
    if not plan:
        raise MapReadError(path, "the tracking plan names no events")
    return plan


def _is_json(content: str) -> bool:
    try:
        json.loads(content)
    except ValueError:
        return False
    return True


def _from_json(path: Path, content: str) -> list[str]:
    try:
        data = json.loads(content)
    except json.JSONDecodeError as exc:
        raise MapReadError(path, f"not valid JSON (line {exc.lineno}, column {exc.colno}): {exc.msg}") from None
    if isinstance(data, dict):
        data = data.get("events", data.get("tracking_plan", []))
    if isinstance(data, dict):  # {"events": {"order_paid": {...}, ...}}: the keys are the names
        data = list(data)
    if not isinstance(data, list):
        raise MapReadError(path, "expected a list of event names or {\"events\": [...]}")
    names = []
    for item in data:
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, dict):
            for key in ("name", "key", "event", "id"):
                if isinstance(item.get(key), str):
                    names.append(item[key])
                    break
    return names


def _from_csv(path: Path, content: str) -> list[str]:
    try:
        rows = list(csv.reader(io.StringIO(content, newline=""), delimiter=sniff_delimiter(content)))
    except csv.Error as exc:
        raise MapReadError(path, f"cannot read the CSV file ({exc})") from None
    if not rows:
        return []
    header = [h.strip().casefold() for h in rows[0]]
    for wanted in _COLUMNS:
        if wanted in header:
            col = header.index(wanted)
            return [row[col] for row in rows[1:] if col < len(row)]
    raise MapReadError(path, "no column named event, name or key in the CSV header", row=1)
