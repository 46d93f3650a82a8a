"""Configuration files, presets, per-rule severity and options, suppressions, `commap rules`."""
import json
from datetime import date
from pathlib import Path

import pytest

from audit.cli import main
from audit.config import AuditConfig, Suppression, load_config_file, make_config
from audit.engine import run
from audit.errors import CommapError
from audit.findings import Severity
from tests.builders import build_map, scn, step


def small_map():
    return build_map(
        segments=[{"id": "b2b"}, {"id": "new"}, {"id": "vip"}],
        scenarios=[scn("welcome", segments="new")],
        steps=[step("welcome", "S1")],
    )


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_select_and_ignore_by_code_prefix_and_preset():
    config = AuditConfig(select=["recommended"], ignore=["INT", "COV001"])
    assert config.selects("MAP001") and not config.selects("INT002") and not config.selects("COV001")
    assert AuditConfig(select=["INT"], ignore=["INT00"]).selects("INT001") is False
    # a longer select beats a shorter ignore
    assert AuditConfig(select=["INT002"], ignore=["INT"]).selects("INT002") is True
    assert AuditConfig(select=["recommended"]).selects("X001", recommended=False) is False
    assert AuditConfig(select=["all"]).selects("X001", recommended=False) is True


def test_suppression_matches_kind_aliases_and_case():
    from audit.findings import Entity, Finding, Location

    finding = Finding(rule="COV001", slug="s", severity=Severity.WARNING, entity=Entity(kind="segment", id="B2B"),
                      location=Location(), message="m", hint="h")
    assert Suppression(rule="cov001", entity="seg:b2b").matches(finding)
    assert Suppression(rule="COV001", entity="b2b").matches(finding)
    assert not Suppression(rule="COV001", entity="scenario:b2b").matches(finding)
    assert not Suppression(rule="COV002", entity="seg:b2b").matches(finding)


def test_config_file_severity_options_and_suppressions(tmp_path):
    path = write(tmp_path, "commap.toml", """
select = ["COV", "MAP"]
fail_on = "warning"
[rules.COV001]
severity = "error"
[[suppress]]
rule = "COV001"
entity = "seg:b2b"
reason = "B2B is handled by sales"
[[suppress]]
rule = "COV001"
entity = "seg:gone"
reason = "old"
""")
    config = make_config(path, today=date(2026, 11, 23))
    result = run(small_map(), config)
    cov = [f for f in result.findings if f.rule == "COV001"]
    assert [(f.entity.id, f.severity) for f in cov] == [("vip", Severity.ERROR)]
    assert [(a.finding.entity.id, a.reason) for a in result.accepted] == [("b2b", "B2B is handled by sales")]
    assert result.summary()["suppressed"] == 1
    stale = [f for f in result.findings if f.rule == "CFG001"]
    assert len(stale) == 1 and "gone" in stale[0].message and stale[0].severity is Severity.INFO
    assert stale[0].location.sheet == "commap.toml" and stale[0].location.column == "suppress[2]"
    from reports import render

    html = render(result, "html")
    assert "B2B is handled by sales" in html and 'id="accepted"' in html
    assert json.loads(render(result, "json"))["accepted"][0]["reason"] == "B2B is handled by sales"
    assert "accepted" in render(result, "text").lower()


def test_pyproject_tool_table_is_read(tmp_path):
    path = write(tmp_path, "pyproject.toml", '[project]\nname = "x"\n[tool.commap]\nignore = ["GOV"]\n')
    assert load_config_file(path)["ignore"] == ["GOV"]


@pytest.mark.parametrize("text, expected", [
    ('colour = "red"\n', "unknown configuration key 'colour'"),
    ('[rules.XYZ001]\nseverity = "error"\n', "unknown rule 'XYZ001'"),
    ('[rules.COV001]\nseverity = "fatal"\n', "severity"),
    ('[[suppress]]\nrule = "NOPE01"\nentity = "x"\n', "unknown rule 'NOPE01'"),
    ('select = [\n', "not valid TOML"),
])
def test_bad_configuration_is_exit_2_with_a_clear_line(tmp_path, capsys, text, expected):
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Steps"
    sheet.append(["scenario", "step", "channel"])
    sheet.append(["a", "S1", "email"])
    workbook.save(tmp_path / "map.xlsx")
    config = write(tmp_path, "bad.toml", text)
    code = main(["audit", str(tmp_path / "map.xlsx"), "--config", str(config), "-o", str(tmp_path / "out.html")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and expected in err and "Traceback" not in err
    assert not (tmp_path / "out.html").exists()


def test_unknown_option_of_a_rule_is_refused():
    from audit.engine import build_rules
    from rules import ALL_RULES

    with pytest.raises(CommapError, match="rule MAP001 option 'colour'"):
        build_rules(AuditConfig(options={"MAP001": {"colour": "red"}}), "en", ALL_RULES)


def test_rules_command_lists_and_explains(capsys):
    assert main(["rules"]) == 0
    listing = capsys.readouterr().out
    assert "INT002" in listing and "cascade-missing-integration" in listing and "error" in listing
    assert main(["rules", "int002", "--lang", "ru"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("INT002 cascade-missing-integration — Каскад без нужной интеграции")
    assert "**Почему это важно.**" in text and "Пример, который будет отмечен" in text
    assert main(["rules", "NOPE"]) == 2


def test_timings_flag_prints_the_phase_table(tmp_path, capsys):
    from pathlib import Path

    sample = Path(__file__).resolve().parent.parent / "samples" / "en_b2b_saas.xlsx"
    assert main(["audit", str(sample), "--timings", "-q", "-o", str(tmp_path / "r.html"), "--fail-on", "never"]) == 0
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert lines[0].split() == ["phase", "seconds"]
    assert [line.split()[0] for line in lines if not line.startswith(" ")][1:] == ["read", "check", "render", "write",
                                                                                   "total"]


def test_personas_in_the_configuration_are_simulated_and_named_by_freq001(tmp_path):
    # welcome: 4 e-mails a day apart on signup (4 > cap 3); the persona signs up on day 0
    m = build_map(segments=[{"id": "new"}], channels=[{"id": "email", "kind": "email"}],
                  scenarios=[scn("welcome", segments="new", trigger="signup")],
                  steps=[step("welcome", f"S{i}", "email", delay="1d") for i in range(1, 5)])
    path = write(tmp_path, "commap.toml", '[[personas]]\nname = "Newcomer"\nsegments = ["new"]\ndays = 14\n'
                                          'events = [{ at = "0d", event = "signup" }]\n')
    config = make_config(path, today=date(2026, 12, 1))
    result = run(m, config)
    (simulation,) = result.simulations
    # S1 at day 1 (its delay), S2 day 2, S3 day 3, S4 day 4: all in week 1
    assert [(s.step.id, s.at.day) for s in simulation.sends] == [("S1", 2), ("S2", 3), ("S3", 4), ("S4", 5)]
    assert simulation.weeks[0] == {"week": 1, "by_channel": {"email": 4}, "total": 4, "over_cap": ["email"]}
    (finding,) = [f for f in result.findings if f.rule == "FREQ001"]
    assert finding.message.endswith("Persona 'Newcomer' gets 4 messages in week 1 (4 email).")


def test_no_personas_no_simulation():
    assert run(small_map(), AuditConfig(today=date(2026, 12, 1))).simulations == []


def test_a_bad_persona_in_the_configuration_is_exit_2(tmp_path):
    path = write(tmp_path, "commap.toml", '[[personas]]\nname = "X"\nreacts = { email = "sometimes" }\n')
    with pytest.raises(CommapError, match="personas"):
        make_config(path)


def test_personas_appear_in_the_json_and_html_reports(tmp_path):
    from reports import render

    m = build_map(segments=[{"id": "new"}], channels=[{"id": "email", "kind": "email"}],
                  scenarios=[scn("welcome", segments="new", trigger="signup")],
                  steps=[step("welcome", "S1", "email", message="<script>alert(1)</script>")])
    path = write(tmp_path, "commap.toml", '[[personas]]\nname = "Newcomer <b>"\nsegments = ["new"]\ndays = 7\n'
                                          'events = [{ at = "0d 09:00", event = "signup" }]\n')
    result = run(m, make_config(path, today=date(2026, 12, 1)))
    data = json.loads(render(result, "json"))
    (persona,) = data["personas"]
    assert persona["persona"]["name"] == "Newcomer <b>"
    assert [(item["at"], item["scenario"], item["step"]) for item in persona["timeline"]] == [
        ("2026-12-01T09:00", "welcome", "S1")]
    html = render(result, "html")
    assert 'id="personas"' in html and "Newcomer &lt;b&gt;" in html and "<script>alert" not in html
    assert 'id="personas"' not in render(run(m, AuditConfig(today=date(2026, 12, 1))), "html")
