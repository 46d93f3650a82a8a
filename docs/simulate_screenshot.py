"""Regenerate docs/simulate-ru.png, the README's picture of `commap simulate --format html`.

The RU sample persona samples/personas/ru_new_cart_no_email.toml over 30 days, in
Debian's headless Chromium (/usr/bin/chromium) through Playwright, with no network at all:

    python docs/simulate_screenshot.py
"""
from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from audit import load_map  # noqa: E402
from audit.graph import MapGraph  # noqa: E402
from audit.simulate import load_persona, simulate  # noqa: E402
from reports.simulate_html import render_simulation_html  # noqa: E402
from rules.freq001_contact_pressure import DEFAULT_CAPS  # noqa: E402

LAUNCH_ARGS = ["--disable-gpu", "--host-resolver-rules=MAP * ~NOTFOUND", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
PERSONA = ROOT / "samples" / "personas" / "ru_new_cart_no_email.toml"
DAYS = 30


def main(out: Path = ROOT / "docs" / "simulate-ru.png") -> None:
    from playwright.sync_api import sync_playwright

    graph = MapGraph(load_map(ROOT / "samples" / "ru_ecommerce.xlsx"))
    persona = load_persona(PERSONA).model_copy(update={"days": DAYS})  # the sample's 14 days, stretched to a month
    result = simulate(graph, persona, date(2026, 12, 1), dict(DEFAULT_CAPS))
    html = render_simulation_html([result], "ru", "ru_ecommerce.xlsx")
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        page_file = Path(folder) / "simulate-ru.html"
        page_file.write_text(html, encoding="utf-8")
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=LAUNCH_ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(page_file.as_uri())
        page.wait_for_load_state("load")
        page.screenshot(path=str(out))
        browser.close()
    print(f"{out.relative_to(ROOT)}: {len(result.sends)} messages, {len(result.warnings)} warnings")


if __name__ == "__main__":
    main()
