"""The "How this map was read" section in real headless Chromium: shown, highlighted, folds and unfolds."""
from pathlib import Path

from audit.cli import main
from tests.reports.test_reading_section import client_workbook

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def report(tmp_path, workbook: Path) -> Path:
    out = tmp_path / f"{workbook.stem}.html"
    main(["audit", str(workbook), "-o", str(out), "--today", "2026-11-23", "-q", "--fail-on", "never"])
    return out


def test_reading_section_is_open_on_an_unread_column_and_toggles(tmp_path, page):
    html = report(tmp_path, client_workbook(tmp_path / "client.xlsx"))
    page.goto(html.as_uri())
    page.wait_for_load_state("load")
    assert page.console_errors == [] and page.requests == [html.as_uri()]
    details = page.locator("section#reading details.reading")
    unread = page.locator("section#reading tr.unread")
    assert details.evaluate("d => d.open") and unread.is_visible()
    assert unread.locator("td.header").inner_text() == "Непонятная колонка"
    assert unread.locator("td").first.evaluate("td => getComputedStyle(td).backgroundColor") not in (
        "rgba(0, 0, 0, 0)", "rgb(255, 255, 255)")  # highlighted
    page.locator("section#reading details.reading > summary").click()
    assert not details.evaluate("d => d.open") and unread.is_hidden()
    page.locator("section#reading details.reading > summary").click()
    assert unread.is_visible()


def test_reading_section_is_folded_on_a_confidently_read_sample(tmp_path, page):
    html = report(tmp_path, SAMPLES / "ru_ecommerce.xlsx")
    page.goto(html.as_uri())
    table = page.locator("section#reading table.reading-columns").first
    assert page.locator("section#reading h2").is_visible() and table.is_hidden()
    page.locator("section#reading details.reading > summary").click()
    assert table.is_visible() and page.locator("section#reading tr.unread").count() == 0
