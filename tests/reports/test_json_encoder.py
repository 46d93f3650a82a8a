"""The JSON writers use orjson (issue 15) and must stay byte-identical to what the standard library
wrote before: `json.dumps(data, ensure_ascii=False, indent=2) + "\\n"` (sorted keys for inspect and the
graph export)."""
import json
from datetime import date
from pathlib import Path

import pytest

import reports.diff
import reports.fit
import reports.graph_export
import reports.inspect
import reports.json
import reports.sarif
import reports.simulate
from audit.config import AuditConfig
from audit.diff import diff
from audit.engine import run
from audit.fit import fit
from audit.graph import MapGraph
from audit.importer import load_map
from audit.platform import load_profile
from audit.simulate import load_persona, simulate
from reports import render
from reports.json import dumps
from rules.freq001_contact_pressure import DEFAULT_CAPS

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
MAPS = ["ru_ecommerce.xlsx", "en_b2b_saas.xlsx", "ru_ecommerce_flat.xlsx"]
WRITERS = [reports.json, reports.diff, reports.fit, reports.simulate, reports.sarif, reports.inspect,
           reports.graph_export]
CONFIG = AuditConfig(today=date(2026, 11, 23), select=["all"])


def stdlib(data, sort_keys: bool = False) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=sort_keys) + "\n"


@pytest.fixture
def compared(monkeypatch):
    """Every writer's `dumps` checked against the standard library on the data it really writes."""
    calls = []

    def checked(data, sort_keys: bool = False) -> str:
        text = dumps(data, sort_keys=sort_keys)
        assert text == stdlib(data, sort_keys)
        calls.append(len(text))
        return text

    for module in WRITERS:
        monkeypatch.setattr(module, "dumps", checked)
    return calls


@pytest.mark.parametrize("name", MAPS)
def test_every_report_of_every_sample_is_what_the_standard_library_writes(compared, name):
    commap = load_map(SAMPLES / name)
    result = run(commap, CONFIG)
    assert result.findings
    render(result, "json")
    render(result, "sarif")
    reports.inspect.render_json(commap)
    reports.graph_export.EXPORTERS["json"](MapGraph(commap))
    other = load_map(SAMPLES / ("en_b2b_saas.xlsx" if name.startswith("ru") else "ru_ecommerce.xlsx"))
    reports.diff.render_json(diff(other, commap, CONFIG), "en")
    reports.diff.render_json(diff(commap, commap, CONFIG), "ru")
    profiles = [load_profile(path) for path in sorted((Path(reports.__file__).parent.parent / "rules" /
                                                       "platforms").glob("*.toml"))]
    reports.fit.render_json(fit(commap, profiles, CONFIG), "en")
    assert len(compared) == 7


@pytest.mark.parametrize("persona", sorted((SAMPLES / "personas").glob("*.toml")), ids=lambda p: p.stem)
def test_every_sample_persona_simulation_is_what_the_standard_library_writes(compared, persona):
    name = "ru_ecommerce.xlsx" if persona.stem.startswith("ru") else "en_b2b_saas.xlsx"
    graph = MapGraph(load_map(SAMPLES / name))
    sims = [simulate(graph, load_persona(persona), date(2026, 12, 1), DEFAULT_CAPS)]
    reports.simulate.render_json(sims)
    reports.simulate.render_json(sims * 2)
    assert len(compared) == 2


TRICKY = {
    "non-BMP": "emoji 😀, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢, CJK ext B 𠀀, Cyrillic «ёлка», combining é",
    "escapes": "quote \" backslash \\ slash / newline \n tab \t cr \r bell \x07 nul \x00 us \x1f del \x7f "
               "line sep \u2028 para sep \u2029 bom \ufeff",
    "floats": [0.1, 1e-7, 3.0, -0.0, 0.0, 1e-4, 1e-5, 2.5e-5, 9.99e-5, 1.234e-9, 1e-10, 5e-324, 1e16, 1e15,
               1e22, 1.7976931348623157e308, 1 / 3, 123456.789, -2.5e-8],
    "ints": [0, -1, 2**31, 2**53 + 1, 2**63 - 1, -2**63, 2**64 - 1],
    "None": None, "bools": [True, False],
    "nested": [[], {}, [[1, [2, [3.5e-6]]]], {"a": {"b": {"c": []}}}, [None, "x", 1e-6]],
    "strings that look like numbers": ["1e-7", "0.00001", "x: 1e-7", "1e-7,"],
    "key order kept": {"z": 1, "a": 2, "я": 3, "b": 4},
    "1e-7": 1e-7,
}


@pytest.mark.parametrize("sort_keys", [False, True])
def test_tricky_values_are_written_as_the_standard_library_writes_them(sort_keys):
    assert dumps(TRICKY, sort_keys=sort_keys) == stdlib(TRICKY, sort_keys)
    for value in (*TRICKY.values(), 1e-7, 0.00001, "😀", [], {}, None):
        assert dumps(value) == stdlib(value)
    assert dumps({"k": 1e-7})[-1] == "\n" and list(json.loads(dumps(TRICKY))) == list(TRICKY)


@pytest.mark.parametrize("value", [{"big": 2**64}, {"neg": -2**63 - 1}, {1: "int key"}, {"lone": "\ud800"},
                                   [10**30, {None: 1}]])
def test_what_orjson_refuses_is_written_by_the_standard_library(value):
    assert dumps(value) == stdlib(value)


def test_what_the_standard_library_refuses_is_still_refused():
    with pytest.raises(TypeError):
        dumps({"when": date(2026, 11, 23)})
    with pytest.raises(TypeError):
        dumps({"set": {1, 2}})
