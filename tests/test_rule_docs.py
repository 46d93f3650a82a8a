"""Every rule's documented examples run through the engine: the bad map is reported, the good one is not."""
import re

import pytest

from rules import ALL_RULES
from tests.builders import audit, build_map


def _map(tables: dict):
    tables = dict(tables)
    return build_map(tables.pop("meta", None), **tables)


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_bad_example_is_reported_and_good_example_is_not(rule):
    assert set(rule.examples) == {"bad", "good"}, f"{rule.code} needs a bad and a good example"
    bad = [f for f in audit(_map(rule.examples["bad"]), select=[rule.code]) if f.rule == rule.code]
    good = [f for f in audit(_map(rule.examples["good"]), select=[rule.code]) if f.rule == rule.code]
    assert bad, f"{rule.code}: the bad example yields no finding"
    assert good == [], f"{rule.code}: the good example yields {[f.message for f in good]}"


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_russian_documentation_has_the_same_sections(rule):
    assert re.search(r"[а-яё]", rule.doc_ru, re.I)
    for section in ("**Что находит.**", "**Почему это важно.**", "**Как исправить.**"):
        assert section in rule.doc_ru, (rule.code, section)
