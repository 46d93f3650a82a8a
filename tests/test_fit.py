"""Platform profiles, `--platform` on audit, and `commap fit` (ranking, blockers, what it would take)."""
import json

import pytest

from audit.cli import main
from audit.config import AuditConfig
from audit.errors import MapReadError
from audit.fit import Addition, fit
from audit.platform import BUNDLED, apply_profile, load_profile
from tests.builders import TODAY, audit, build_map, codes_by_entity, scn, step, write_workbook

TABLES = dict(
    channels=[{"id": "email", "kind": "email"}, {"id": "sms", "kind": "sms"}, {"id": "push", "kind": "push"},
              {"id": "call", "kind": "call"}],
    events=[{"id": "cart", "source": "site"}, {"id": "app_open", "source": "app"}, {"id": "order", "source": "crm"}],
    scenarios=[scn("welcome", trigger="cart"), scn("cart", trigger="cart"), scn("app", trigger="app_open"),
               scn("vip", trigger="order"), scn("bad", trigger="order")],
    steps=[
        step("welcome", "S1", "email"),
        step("cart", "S1", "email"), step("cart", "S2", "sms", condition="not opened S1"),
        step("app", "S1", "push"),
        step("vip", "S1", "sms"), step("vip", "S2", "call", condition="not delivered S1"),
        step("bad", "S1", "sms"), step("bad", "S2", "email", condition="not opened S1"),
    ],
)
BUNDLED_NAMES = ["email_only_esp", "esp_sms_gateway_no_integration", "sales_crm_telephony", "omnichannel_cdp"]


def blocked(platform_fit):
    return {s.scenario.id: sorted(b.kind for b in s.blockers) for s in platform_fit.scenarios if s.blockers}


def test_bundled_profiles_ranked_with_blockers_derived_by_hand():
    fits = fit(build_map(**TABLES), [load_profile(n) for n in BUNDLED_NAMES], AuditConfig(today=TODAY))
    names = [f.profile.path.rsplit("/", 1)[-1] for f in fits]
    # omnichannel runs 4/5; the next three run 1/5: 4, 4 and 6 blockers, ties broken by name
    assert names == ["omnichannel_cdp.toml", "esp_sms_gateway_no_integration.toml", "sales_crm_telephony.toml",
                     "email_only_esp.toml"]
    omni, esp_sms, crm, email_only = fits
    assert (omni.runnable, omni.blocker_count) == (4, 1)
    assert blocked(omni) == {"bad": ["feedback"]}
    assert omni.additions == [Addition("map", item="bad/S2")]
    assert blocked(esp_sms) == {"cart": ["carry"], "app": ["channel"], "vip": ["channel"], "bad": ["feedback"]}
    assert esp_sms.additions == sorted([Addition("integration", "esp", "sms_gateway", "opened"),
                                        Addition("channel", item="push"), Addition("channel", item="call"),
                                        Addition("map", item="bad/S2")])
    assert blocked(crm) == {"welcome": ["source"], "cart": ["source"], "app": ["channel"], "bad": ["feedback"]}
    assert Addition("receives", "email_addon", item="site") in crm.additions
    assert (email_only.runnable, email_only.blocker_count) == (1, 6)
    assert blocked(email_only) == {"cart": ["channel"], "app": ["channel"], "vip": ["channel", "channel"],
                                   "bad": ["channel", "feedback"]}


def test_multi_hop_path_is_extended_where_it_lacks_the_feedback(tmp_path):
    profile_path = tmp_path / "chain.toml"
    profile_path.write_text("""
name = "Chain"
[systems.esp]
channels = ["email"]
[systems.cdp]
channels = ["push"]
[systems.gw]
channels = ["sms"]
[[integrations]]
from = "esp"
to = "cdp"
carries = ["opened"]
[[integrations]]
from = "cdp"
to = "gw"
carries = ["clicked"]
""")
    m = build_map(channels=TABLES["channels"], scenarios=[scn("cart")],
                  steps=[step("cart", "S1", "email"), step("cart", "S2", "sms", condition="не открыл S1")])
    (chain,) = fit(m, [load_profile(profile_path)], AuditConfig(today=TODAY))
    assert blocked(chain) == {"cart": ["carry"]}
    assert chain.additions == [Addition("carries", "cdp", "gw", "opened")]
    fixed = profile_path.read_text().replace('carries = ["clicked"]', 'carries = ["*"]')
    profile_path.write_text(fixed)
    (chain,) = fit(m, [load_profile(profile_path)], AuditConfig(today=TODAY))
    assert chain.runnable == 1 and chain.additions == []


def test_audit_with_platform_replaces_the_maps_systems():
    tables = dict(TABLES, systems=[{"id": "everything", "channels": "email, sms, push, call", "orchestration": "yes"}])
    m = build_map(**tables)
    assert not {f.rule for f in audit(m, select=["INT"])} - {"INT003"}
    applied = apply_profile(m, load_profile("esp_sms_gateway_no_integration"))
    found = codes_by_entity(audit(applied, select=["INT"]))
    assert found == {("INT002", "cart/S2"), ("INT001", "app/S1"), ("INT001", "vip/S2"), ("INT003", "bad/S2")}


@pytest.mark.parametrize("text, key", [
    ('name = "x"\n[systems.a]\nchannels = ["email"]\ncolour = "red"\n', "systems.a.colour"),
    ('name = "x"\n[systems.a]\norchestration = "maybe"\n', "systems.a.orchestration"),
    ('name = "x"\n[systems.a]\nreceives = ["telepathy"]\n', "systems.a.receives"),
    ('name = "x"\n[systems.a]\n[[integrations]]\nfrom = "a"\nto = "b"\n', "integrations[0].to"),
    ('[systems.a]\n', "name"),
])
def test_bad_profile_names_the_file_and_key(tmp_path, text, key):
    path = tmp_path / "bad.toml"
    path.write_text(text)
    with pytest.raises(MapReadError) as caught:
        load_profile(path)
    assert str(path) in str(caught.value) and f"key '{key}'" in str(caught.value)


def test_bundled_profiles_are_documented_and_claim_no_vendor():
    for name in BUNDLED_NAMES:
        profile = load_profile(name)
        text = (BUNDLED / f"{name}.toml").read_text()
        assert profile.description and "archetype" in profile.name.lower()
        assert "Not a description of any named vendor" in text


def test_fit_cli_json_and_exit_status(tmp_path, capsys):
    workbook = write_workbook(tmp_path / "shop.xlsx", **TABLES)
    out = tmp_path / "fit.json"
    code = main(["fit", str(workbook), "--platform", "email_only_esp", "--platform", "omnichannel_cdp",
                 "--format", "json", "-o", str(out), "--today", "2026-11-23"])
    assert code == 1  # no platform runs every scenario: "bad" waits for an SMS open
    data = json.loads(out.read_text())
    assert [p["scenarios_runnable"] for p in data["platforms"]] == [4, 1]
    assert data["platforms"][0]["scenarios_total"] == 5
    assert {f["rule"] for f in data["platforms"][0]["findings"]} == {"INT003"}
    assert "omnichannel" in capsys.readouterr().out.lower()
    html = tmp_path / "fit.html"
    assert main(["fit", str(workbook), "--platform", "omnichannel_cdp", "-o", str(html), "-q"]) == 1
    assert "Content-Security-Policy" in html.read_text()


def test_unknown_platform_is_exit_2(tmp_path, capsys):
    workbook = write_workbook(tmp_path / "shop.xlsx", **TABLES)
    assert main(["audit", str(workbook), "--platform", "nope", "-q"]) == 2
    err = capsys.readouterr().err
    assert "no such platform profile" in err and "omnichannel_cdp" in err
