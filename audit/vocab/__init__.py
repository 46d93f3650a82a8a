"""Vocabulary as data: the words clients write, in Russian and English, one concept per table.

Each `*.toml` file beside this module holds one family of words (header words, statuses, channel
names, segment meanings, timing and condition phrases). Adding a client's word is a one-line
change to a file here, with a test case beside the code that reads it.
"""
from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files


@cache
def load(name: str) -> dict:
    """The parsed `name.toml` of this package (read once per process)."""
    return tomllib.loads(files(__package__).joinpath(f"{name}.toml").read_text("utf-8"))
