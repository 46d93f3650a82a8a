"""Reading the TOML files a user hands commap: configuration, platform profiles, personas, column
mappings. One way to fail for all of them: the file and what is wrong, exit 2, no traceback."""
from __future__ import annotations

import tomllib
from pathlib import Path

from audit.errors import MapReadError


def read_toml(path: Path, what: str) -> dict:
    """The parsed file; `what` names it in the message ("the persona", "the column mapping")."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise MapReadError(path, f"cannot read {what} ({exc.strerror or exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise MapReadError(path, f"not valid TOML: {exc}") from None
