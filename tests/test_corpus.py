"""The client-style corpus (tests/corpus/): maps written the way clients keep them, by people who had
read only the practice articles and the rule table. commap must find the planted defects, flag none
of the look-alikes, refuse no map and place every column that carries meaning (answers.toml)."""
from __future__ import annotations

import pytest

from tests.corpus.score import maps, score, table

RECALL = 0.90


@pytest.fixture(scope="module")
def scores():
    return [score(folder) for folder in maps()]


def test_the_corpus_has_both_languages_and_layouts():
    names = [folder.name for folder in maps()]
    assert len(names) >= 8
    assert sum(n.startswith("ru_") for n in names) >= 4 and sum(n.startswith("en_") for n in names) >= 4


def test_no_map_is_refused(scores):
    assert [(s.name, s.refused) for s in scores if s.refused] == []


def test_recall_of_planted_defects(scores):
    found = sum(s.found for s in scores)
    planted = sum(s.defects for s in scores)
    assert found / planted >= RECALL, table(scores) + "\n" + "\n".join(
        f"{s.name}: missed {m}" for s in scores for m in s.missed)


def test_no_look_alike_is_flagged(scores):
    assert [(s.name, alarm) for s in scores for alarm in s.alarms] == []


def test_every_meaningful_column_is_placed(scores):
    # columns on the key's list that the reader left unread, per map; the key lists what carries meaning
    unplaced = [(s.name, column) for s in scores for column in s.unplaced]
    placed = sum(s.placed for s in scores)
    assert placed / sum(s.columns for s in scores) >= 0.97, unplaced
    # and what is placed is read as what it means
    assert sum(s.right for s in scores) / placed >= 0.97, [m for s in scores for m in s.misplaced]
