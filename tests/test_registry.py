"""The rule registry against the SPEC §3 table: codes, slugs, severities, both languages, docs."""
import importlib
import inspect
import re
from pathlib import Path

import pytest

from audit.rule import Rule
from rules import ALL_RULES, RULES_BY_CODE

# SPEC §3, copied here so the test runs without the spec beside the checkout.
SPEC_TABLE = """
MAP001 unknown-reference error
MAP002 duplicate-id error
MAP003 invalid-value error
MAP004 missing-required error
MAP005 scenario-without-steps error
MAP006 condition-not-checkable info
COV001 segment-without-scenario warning
COV002 stage-without-scenario warning
COV003 excluded-segment-targeted error
COV004 unused-channel info
FLOW001 dead-end-stage error
FLOW002 unreachable-stage warning
FLOW003 endless-loop error
FLOW004 no-stop-on-goal warning
FLOW005 unreachable-step warning
TRK001 undefined-event error
TRK002 untracked-event error
TRK003 event-source-not-connected warning
TRK004 goal-not-measurable warning
TRK005 unused-event info
INT001 channel-not-supported error
INT002 cascade-missing-integration error
INT003 feedback-not-reported error
FREQ001 contact-pressure warning
FREQ002 duplicate-trigger warning
COST001 expensive-channel-first warning
COST002 call-for-mass-segment warning
CNT001 missing-goal warning
CNT002 promo-overload warning
CNT003 missing-kpi info
CNT004 missing-message info
GOV001 stale-map warning
GOV002 stale-scenario info
GOV003 missing-owner info
"""
SPEC = {code: (slug, severity) for code, slug, severity in (line.split() for line in SPEC_TABLE.strip().splitlines())}
RULES_DIR = Path(__file__).resolve().parent.parent / "rules"


def test_spec_copy_matches_the_spec_when_it_is_beside_the_checkout():
    spec_file = Path(__file__).resolve().parents[2] / "shared" / "SPEC.md"
    if not spec_file.exists():
        pytest.skip("shared/SPEC.md is not beside this checkout")
    rows = re.findall(r"^\| ([A-Z]+\d{3}) \| ([a-z-]+) \| (error|warning|info) \|", spec_file.read_text(), re.M)
    assert {code: (slug, sev) for code, slug, sev in rows} == SPEC


def test_codes_are_unique_and_in_the_spec_with_its_slug_and_severity():
    codes = [rule.code for rule in ALL_RULES]
    assert len(codes) == len(set(codes))
    for rule in ALL_RULES:
        assert rule.code in SPEC, rule.code
        assert (rule.slug, rule.default_severity.value) == SPEC[rule.code], rule.code
    assert set(RULES_BY_CODE) == set(codes)


def test_every_rule_module_is_registered_and_named_after_its_rule():
    modules = sorted(p.stem for p in RULES_DIR.glob("*.py") if not p.stem.startswith("_"))
    registered = set()
    for name in modules:
        module = importlib.import_module(f"rules.{name}")
        classes = [c for _, c in inspect.getmembers(module, inspect.isclass)
                   if issubclass(c, Rule) and c is not Rule and c.__module__ == module.__name__]
        assert len(classes) == 1, f"rules/{name}.py must define exactly one rule"
        rule = classes[0]
        assert name == f"{rule.code.lower()}_{rule.slug.replace('-', '_')}"
        assert rule in ALL_RULES, f"{rule.code} is not in ALL_RULES"
        registered.add(rule)
    assert registered == set(ALL_RULES)


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_every_rule_speaks_both_languages_and_is_documented(rule):
    for texts in (rule.title, rule.message, rule.fix):
        assert set(texts) == {"en", "ru"}
        assert all(texts[lang].strip() for lang in ("en", "ru"))
        assert re.search(r"[а-яё]", texts["ru"], re.I), rule.code
    doc = inspect.getmodule(rule).__doc__ or ""
    assert doc.startswith(f"{rule.code} {rule.slug}.")
    for section in ("**What it catches.**", "**Why it matters.**", "**Fix.**"):
        assert section in doc, (rule.code, section)
