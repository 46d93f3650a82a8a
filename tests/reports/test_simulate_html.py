"""The simulation's HTML page: lanes and markers, marks for warnings, RU/EN labels, hostile text inert."""
import re
from datetime import date
from pathlib import Path

import pytest

from audit import load_map
from audit.graph import MapGraph
from audit.simulate import Persona, simulate
from reports.i18n import LABELS, MESSAGE_TYPE_WORDS
from reports.simulate_html import DAY_MIN, render_simulation_html
from rules.freq001_contact_pressure import DEFAULT_CAPS
from tests.builders import build_map, scn, step

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
TEMPLATES = Path(__file__).resolve().parents[2] / "reports" / "templates"
START = date(2026, 12, 1)
EVIL_SCRIPT = '<script>window.__pwned = 1; alert("x")</script>'
EVIL_IMG = '<img src=x onerror="window.__pwned = 2; alert(1)">'


def small_map(scenario_name: str = "Welcome", message: str = "Last chance"):
    return build_map(
        segments=[{"id": "new"}],
        channels=[{"id": "email", "kind": "email"}, {"id": "push", "kind": "push"}, {"id": "sms", "kind": "sms"}],
        scenarios=[scn("welcome", segments="new", trigger="signup", goal_event="order_paid", name="Welcome"),
                   scn("cart", segments="new", trigger="cart_abandoned", stop_event="order_paid", name=scenario_name)],
        steps=[step("welcome", "S1", "email", message="Hello", message_type="content"),
               step("welcome", "S2", "push", delay="1d", message="-10%", message_type="promo"),
               step("welcome", "S3", "sms", delay="3d", message=message, message_type="info"),
               step("cart", "S1", "email", delay="30m", message="Your cart", message_type="service"),
               step("cart", "S2", "email", delay="3d", message="Still there")],
    )


def small_persona(name: str = "Newcomer", event: str = "order_paid") -> Persona:
    return Persona(name=name, segments=["new"], days=14, reacts={"email": "none", "push": "opens"},
                   events=[{"at": "0d 09:00", "event": "signup"}, {"at": "0d 09:10", "event": "cart_abandoned"},
                           {"at": "2d", "event": event}])


def small_simulation(**persona):
    return simulate(MapGraph(small_map()), small_persona(**persona), START, {"email": 1, "total": 10})


def gamer_90_days():
    """The RU sample: a customer in three segments who browses, abandons carts and views games every 3 days."""
    events = [{"at": f"{day}d {hour}:00", "event": event} for day in range(0, 90, 3)
              for hour, event in ((11, "product_view"), (19, "cart_abandoned"), (20, "game_category_view"))]
    persona = Persona(name="Активный геймер, 90 дней", segments=["gamers", "active", "new"], days=90,
                      reacts={"*": "none"}, events=events)
    return simulate(MapGraph(load_map(SAMPLES / "ru_ecommerce.xlsx")), persona, START, dict(DEFAULT_CAPS))


def svg_of(html: str) -> str:
    return re.search(r'<svg[^>]*class="timeline".*?</svg>', html, re.S).group(0)


def test_lanes_markers_and_after_goal_marker():
    sim = small_simulation()
    assert [(s.scenario.id, s.step.id) for s in sim.sends] == [
        ("welcome", "S1"), ("cart", "S1"), ("welcome", "S2"), ("welcome", "S3")]
    svg = svg_of(render_simulation_html([sim], "en"))
    assert re.findall(r'<g class="lane" data-kind="(\w+)"', svg) == ["email", "sms", "push"]  # html_view.KINDS
    markers = re.findall(r'<circle class="msg ([^"]*)"[^>]*>', svg)
    assert len(markers) == len(sim.sends) == 4
    assert markers == ["t-content", "t-service", "t-promo", "t-info after-goal"]
    hollow = re.search(r'<circle class="msg t-info after-goal"[^>]*>', svg).group(0)
    assert 'fill="#ffffff"' in hollow
    tooltips = re.findall(r'<circle class="msg[^>]*><title>([^<]*)</title>', svg)
    assert tooltips[0] == "day 0, Tue 2026-12-01 09:00, Welcome (welcome)/S1, Hello (content)"
    assert tooltips[3] == "day 4, Sat 2026-12-05 09:00, Welcome (welcome)/S3, Last chance (info, after the goal)"


def test_warnings_are_marked_on_the_axis_and_listed():
    sim = small_simulation()
    assert sorted(w.kind for w in sim.warnings) == ["after-goal", "over-cap", "too-close"]
    html = render_simulation_html([sim], "en")
    svg = svg_of(html)
    # week 1 is over the email cap of 1: shaded in the timeline, highlighted in the week table
    assert re.findall(r'<rect class="over-cap" data-week="(\d+)"', svg) == ["1"]
    assert len(re.findall(r'<tr class="over-cap">', html)) == 1
    assert len(re.findall(r'<td class="num over">', html)) == 1
    # welcome/S1 at 09:00 and cart/S1 at 09:40 are too close: one flag under the axis
    assert len(re.findall(r'<path class="flag too-close"', svg)) == 1
    assert len(re.findall(r'<li class="warning w-', html)) == len(sim.warnings) == 3
    # the persona's events on their strip
    assert len(re.findall(r'<g class="event">', svg)) == 3


def test_message_table_has_every_message_with_its_reason():
    html = render_simulation_html([small_simulation()], "en")
    rows = re.findall(r'<tr class="send t-(\w+)( after-goal)?">(.*?)</tr>', html, re.S)
    assert [r[0] for r in rows] == ["content", "service", "promo", "info"]
    assert [bool(r[1]) for r in rows] == [False, False, False, True]
    assert "trigger cart_abandoned" in rows[1][2] and "after S2" in rows[3][2]
    assert "Your cart" in rows[1][2] and ">Tue 2026-12-01 09:40<" in rows[1][2]


def test_russian_page_has_no_english_label_and_english_no_russian():
    sim = small_simulation(name="Новичок")  # the engine words its timeline in the language asked for
    ru_sim = simulate(MapGraph(small_map()), small_persona(name="Новичок"), START, {"email": 1, "total": 10},
                      lang="ru")
    ru = render_simulation_html([ru_sim], "ru", "Карта")
    en = render_simulation_html([sim], "en", "Map")

    def chrome(html: str) -> str:
        """The words a reader sees (text, tooltips, aria labels) without the data the engine wrote."""
        html = re.sub(r'<style>.*?</style>|<ul class="warnings">.*?</ul>|<td class="because">.*?</td>', "", html,
                      flags=re.S)
        return " ".join(re.findall(r'aria-label="([^"]*)"', html)) + re.sub(r"<[^>]+>", " ", html)

    sources = (TEMPLATES / "simulate.html.j2").read_text() + (TEMPLATES.parent / "simulate_html.py").read_text()
    used = set(re.findall(r"""L\.(\w+)|labels\[["'](\w+)["']\]""", sources))
    used = {name for pair in used for name in pair if name}
    assert {"sim_timeline", "sim_after_goal", "sim_days", "generated_by"} <= used <= set(LABELS)
    labels = {key: value for key, value in LABELS.items() if key in used and value["en"] != value["ru"]}
    labels.update({f"type_{key}": value for key, value in MESSAGE_TYPE_WORDS.items() if value["en"] != value["ru"]})
    for key, value in labels.items():
        english = value["en"].split("{")[0].strip()
        russian = value["ru"].split("{")[0].strip()
        if len(english) > 2:
            assert not re.search(rf"\b{re.escape(english)}\b", chrome(ru)), key
        if len(russian) > 2:
            assert russian not in chrome(en), key
    assert not re.search(r"[А-Яа-яЁё]", en.replace("Новичок", "").replace("Карта", ""))
    assert 'lang="ru"' in ru and "Лента касаний" in ru and "день 0, вт 01.12.2026 09:00" in ru
    assert "триггер cart_abandoned" in ru and "после S2" in ru


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_hostile_text_stays_text(lang):
    m = small_map(scenario_name=EVIL_IMG, message=EVIL_SCRIPT)
    persona = Persona(name=EVIL_SCRIPT, segments=["new", EVIL_IMG], days=14, reacts={"email": "none"},
                      events=[{"at": "0d 09:00", "event": "signup"}, {"at": "0d 09:10", "event": "cart_abandoned"},
                              {"at": "2d", "event": "order_paid"}, {"at": "3d", "event": EVIL_IMG}])
    sim = simulate(MapGraph(m), persona, START, {"email": 1})
    html = render_simulation_html([sim], lang, EVIL_SCRIPT)
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;window.__pwned = 1;" in html
    assert "&lt;img src=x onerror=" in svg_of(html)  # escaped in the SVG we build ourselves, too
    assert html.count("<svg") == 1 + 11  # the timeline and the legend's symbols


def test_same_csp_as_the_audit_report():
    csp = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>')
    page = render_simulation_html([small_simulation()], "en")
    assert csp.search(page).group(0) == csp.search((TEMPLATES / "report.html.j2").read_text()).group(0)
    assert "default-src 'none'" in csp.search(page).group(0)
    assert not re.search(r'(src|href)="(https?:)?//', page)


def test_one_section_per_persona_and_an_empty_window():
    quiet = simulate(MapGraph(small_map()), Persona(name="Quiet", segments=["new"], days=7), START, {})
    html = render_simulation_html([small_simulation(), quiet], "en", "Shop")
    assert re.findall(r'<section class="persona" id="(persona-\d)">', html) == ["persona-1", "persona-2"]
    assert 'href="#persona-2"' in html
    assert LABELS["sim_no_messages"]["en"] in html and LABELS["sim_no_warnings"]["en"] in html
    assert html.count('<g class="lane"') == 3 + 1  # an empty window still has its axis and one blank lane


def test_ninety_days_two_hundred_messages_stay_legible():
    sim = gamer_90_days()
    assert len(sim.sends) >= 200
    html = render_simulation_html([sim], "ru", "ru_ecommerce")
    svg = svg_of(html)
    assert svg.count('<circle class="msg') == len(sim.sends)
    width = int(re.search(r'width="(\d+)"', svg).group(1))
    fortnight = int(re.search(r'width="(\d+)"', svg_of(render_simulation_html([small_simulation()], "ru"))).group(1))
    assert 90 * DAY_MIN <= width <= 1400 and fortnight < width  # a day at least DAY_MIN wide, still one screen
    kinds = {s.kind for s in sim.sends}
    assert svg.count('<g class="lane"') == len(kinds)
    # labels of 90 events would pile up: the ones without room are left out, every event keeps its mark
    assert svg.count('<g class="event">') == 90
    assert svg.count('class="event-label"') < 90
