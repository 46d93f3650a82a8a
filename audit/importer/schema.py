"""The value vocabularies of a map's cells (channel kinds, scenario types, statuses, message types,
tiers, event sources), read from `audit/vocab/values.toml` and keyed by `normalize_word` spelling.

Sheet and column names are no business of this module: recognition reads them
(audit/importer/recognize.py, words in audit/vocab/headers.toml).
"""
from __future__ import annotations

import re

from audit import vocab
from audit.values import normalize_word


def _vocabulary(table: str) -> dict[str, str]:
    """normalized word → canonical value, from `audit/vocab/values.toml`; the canonical names match too."""
    words = vocab.load("values")[table]
    return {normalize_word(word): canonical for canonical, spellings in words.items() for word in (canonical, *spellings)}


CHANNEL_KINDS = _vocabulary("channel_kinds")
SCENARIO_TYPES = _vocabulary("scenario_types")
STATUSES = _vocabulary("statuses")
MESSAGE_TYPES = _vocabulary("message_types")
TIERS = _vocabulary("tiers")
EVENT_SOURCES = _vocabulary("event_sources")

# "then after 4 more days go back to Day 0", «затем вернуться к шагу 1»: the chain loops to that step
GO_BACK = re.compile(r"\b(?:go(?:es)?|loop|jump|start)\s+(?:back\s+)?(?:to|at)\s+(?P<target>.+)$"
                      r"|(?:вернуться|возврат|переход)\s+(?:к|на)\s+(?:шаг\w*\s+)?(?P<ru>.+)$", re.IGNORECASE)
