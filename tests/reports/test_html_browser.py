"""The HTML report in real headless Chromium: loads clean, filters work, hostile names stay text."""
import base64
from pathlib import Path

import pytest

from audit.cli import main
from tests.builders import scn, step, write_workbook

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SECTIONS = ["summary", "findings", "coverage", "journey", "mix", "pressure", "events", "reference"]


def report(tmp_path, workbook: Path, *extra: str) -> Path:
    out = tmp_path / f"{workbook.stem}.html"
    main(["audit", str(workbook), "-o", str(out), "--today", "2026-11-23", "-q", "--fail-on", "never", *extra])
    return out


def attach_screenshot(extras, page, path: Path) -> None:
    page.screenshot(path=str(path), full_page=True)
    try:
        import pytest_html

        extras.append(pytest_html.extras.png(base64.b64encode(path.read_bytes()).decode()))
    except ImportError:  # pragma: no cover - pytest-html is a test dependency
        pass


@pytest.mark.parametrize("name", ["ru_ecommerce", "en_b2b_saas"])
def test_sample_report_loads_clean_with_every_section(tmp_path, page, extras, name):
    html = report(tmp_path, SAMPLES / f"{name}.xlsx", "--platform", "omnichannel_cdp")
    page.goto(html.as_uri())
    page.wait_for_load_state("load")
    assert page.console_errors == []
    assert page.requests == [html.as_uri()]  # the page itself, nothing else
    for section in [*SECTIONS, "feasibility"]:
        assert page.locator(f"section#{section}").is_visible(), section
    assert page.locator("svg.journey g.scenario").count() >= 10
    assert page.locator("table.matrix td.empty").count() > 0
    attach_screenshot(extras, page, tmp_path / f"{name}.png")


def test_filters_hide_and_show_findings(tmp_path, page):
    html = report(tmp_path, SAMPLES / "ru_ecommerce.xlsx")
    page.goto(html.as_uri())
    rows = page.locator("tr.finding")
    total = rows.count()
    visible = lambda: page.locator("tr.finding:visible").count()  # noqa: E731
    page.locator("details.rule").evaluate_all("els => els.forEach(d => d.open = true)")
    assert visible() == total == 19  # samples/README.md: 19 findings in the recommended preset
    page.locator("input[name=severity][value=error]").uncheck()
    assert visible() == total - 7  # 7 errors: «через день» (MAP003) is a warning now, the rest as before
    page.locator("input[name=severity][value=error]").check()
    page.select_option("select[name=rule]", "COV003")
    assert visible() == 2 and page.locator("details.rule[data-rule=INT002]").is_hidden()
    page.select_option("select[name=rule]", "")
    page.select_option("select[name=segment]", "gamers")
    shown = page.locator("tr.finding:visible").evaluate_all("rows => rows.map(r => r.dataset.rule)")
    # gamers: its own FREQ002 duplicate cart and MAP001 promo, plus what reaches it through `active` and `*`
    assert "FREQ002" in shown and "MAP001" in shown and "COV001" not in shown
    page.select_option("select[name=segment]", "")
    assert visible() == total


def test_hostile_names_render_as_text_and_run_nothing(tmp_path, page):
    evil_script = '<script>window.__pwned = 1; alert("x")</script>'
    evil_img = '<img src=x onerror="window.__pwned = 2; alert(1)">'
    workbook = write_workbook(
        tmp_path / "evil.xlsx", meta={"name": evil_script},
        segments=[{"id": "seg1", "name": evil_img}, {"id": "stop", "excluded": "yes"}],
        stages=[{"id": "st", "name": evil_script}],
        scenarios=[scn("a", segments="seg1", stage="st", name=evil_img)],
        steps=[step("a", "S1", channel=evil_script, message=evil_img, condition=evil_img)],
    )
    html = report(tmp_path, workbook)
    page.goto(html.as_uri())
    page.wait_for_load_state("load")
    assert page.evaluate("window.__pwned") is None and page.dialogs == []
    assert page.locator("img").count() == 0 and page.locator("body script").count() == 1
    assert evil_script in page.locator("h1").inner_text()
    journey = page.locator("svg.journey").text_content()  # long names are shortened in the diagram
    assert '<img src=x onerror="window.__' in journey and "<script>windo" in journey
    assert evil_img in page.locator("#findings").inner_text() or evil_img in page.locator("#coverage").inner_text()
    assert page.requests == [html.as_uri()]
