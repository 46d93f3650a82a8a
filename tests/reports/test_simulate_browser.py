"""The simulation page in real headless Chromium: loads clean, requests nothing, hostile text stays text."""
from audit.graph import MapGraph
from audit.simulate import Persona, simulate
from reports.simulate_html import render_simulation_html
from tests.reports.test_html_browser import attach_screenshot
from tests.reports.test_simulate_html import (EVIL_IMG, EVIL_SCRIPT, START, gamer_90_days, small_map,
                                              small_simulation)


def open_page(page, tmp_path, html: str, name: str):
    path = tmp_path / f"{name}.html"
    path.write_text(html, encoding="utf-8")
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return path


def test_sample_persona_page_loads_clean(tmp_path, page, extras):
    sims = [small_simulation(), gamer_90_days()]
    path = open_page(page, tmp_path, render_simulation_html(sims, "ru", "ru_ecommerce"), "simulate-ru")
    assert page.console_errors == []
    assert page.requests == [path.as_uri()]  # the page itself, nothing else
    assert page.locator("section.persona").count() == 2
    for index, sim in enumerate(sims, 1):
        section = page.locator(f"#persona-{index}")
        assert section.locator("svg.timeline").is_visible()
        assert section.locator("svg.timeline circle.msg").count() == len(sim.sends)
        assert section.locator("table.messages tbody tr").count() == len(sim.sends)
    # the 90-day timeline fits a wide screen without squeezing days below legibility
    box = page.locator("#persona-2 svg.timeline").bounding_box()
    assert 1000 <= box["width"] <= 1400
    hollow = page.locator("#persona-1 circle.msg.after-goal")
    assert hollow.count() == 1 and hollow.evaluate("c => getComputedStyle(c).fill") == "rgb(255, 255, 255)"
    assert page.locator("#persona-1 svg.timeline rect.over-cap").is_visible()
    attach_screenshot(extras, page, tmp_path / "simulate-ru.png")


def test_english_page_loads_clean(tmp_path, page):
    path = open_page(page, tmp_path, render_simulation_html([small_simulation()], "en", "Shop"), "simulate-en")
    assert page.console_errors == [] and page.requests == [path.as_uri()]
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("#persona-1 h3").all_inner_texts()[:2] == ["Timeline", "Messages"]


def test_hostile_text_is_inert(tmp_path, page):
    persona = Persona(name=EVIL_SCRIPT, segments=["new", EVIL_IMG], days=14,
                      events=[{"at": "0d 09:00", "event": "signup"}, {"at": "0d 09:10", "event": "cart_abandoned"},
                              {"at": "3d", "event": EVIL_IMG}])
    sim = simulate(MapGraph(small_map(scenario_name=EVIL_IMG, message=EVIL_SCRIPT)), persona, START, {"email": 1})
    path = open_page(page, tmp_path, render_simulation_html([sim], "en", EVIL_SCRIPT), "evil")
    assert page.evaluate("window.__pwned") is None and page.dialogs == []
    assert page.locator("img").count() == 0 and page.locator("script").count() == 0
    assert page.locator("h1").inner_text() == EVIL_SCRIPT
    assert page.locator("#persona-1 h2").inner_text() == EVIL_SCRIPT
    table = page.locator("table.messages").inner_text()
    assert EVIL_IMG in table and EVIL_SCRIPT in table
    tooltips = page.locator("svg.timeline circle.msg title").all_text_contents()
    assert any(EVIL_SCRIPT in t for t in tooltips) and any(EVIL_IMG in t for t in tooltips)
    events = page.locator("svg.timeline g.event title").all_text_contents()
    assert any(EVIL_IMG in t for t in events)
    assert page.console_errors == [] and page.requests == [path.as_uri()]
