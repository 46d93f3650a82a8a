"""The `commap diff` HTML page: in the report language only, clean in a real browser, hostile text inert."""
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from audit.cli import main
from reports.i18n import DIFF_LABELS
from tests.builders import scn, step, write_workbook
from tests.test_diff import SAMPLES, en_v2, ru_v2

CLIENT_CLASSES = {"v", "mono", "msg", "code", "path"}  # what the client wrote, ids, rule codes, rule messages
VOID = {"br", "img", "input", "meta", "hr", "col", "wbr", "link"}


class _OwnText(HTMLParser):
    """The page's text that commap wrote itself: outside the client's values, the title and the map name."""

    def __init__(self):
        super().__init__()
        self.stack: list[bool] = []
        self.own: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        classes = set((dict(attrs).get("class") or "").split())
        outside = tag in ("title", "style", "h1") or bool(classes & CLIENT_CLASSES)
        self.stack.append(outside or (bool(self.stack) and self.stack[-1]))

    def handle_endtag(self, tag):
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if data.strip() and not (self.stack and self.stack[-1]):
            self.own.append(data.strip())


def own_text(html: str) -> str:
    parser = _OwnText()
    parser.feed(html)
    return " ".join(parser.own)


def diff_html(tmp_path, old: Path, new: Path, *extra: str) -> Path:
    out = tmp_path / f"{new.stem}{'-'.join(extra)}.diff.html"
    main(["diff", str(old), str(new), "-o", str(out), "--today", "2026-11-23", "-q", "--fail-on", "never", *extra])
    return out


@pytest.fixture(scope="module")
def versions(tmp_path_factory):
    folder = tmp_path_factory.mktemp("versions")
    return {"ru": (SAMPLES / "ru_ecommerce.xlsx", ru_v2(folder / "ru_ecommerce_v2.xlsx")),
            "en": (SAMPLES / "en_b2b_saas.xlsx", en_v2(folder / "en_b2b_saas_v2.xlsx"))}


def test_russian_review_has_no_english_label(tmp_path, versions):
    html = diff_html(tmp_path, *versions["ru"]).read_text(encoding="utf-8")
    own = own_text(html)
    assert "Стоп-событие" in own and "Статус" in own and "Сценарий" in own and "Стало хуже" in own
    assert "21 сценарий" not in own and "15 сценариев" in own  # the counts agree with their numbers
    assert not re.search(r"[A-Za-z]", own), own
    english = {value["en"] for value in DIFF_LABELS.values() if value["en"] != value["ru"]}
    page = re.sub(r"<style>.*?</style>", "", html, flags=re.S)
    assert not [label for label in english if re.search(rf"[>\s]{re.escape(label)}[<\s:]", page)]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_english_review_has_no_russian_label(tmp_path, versions, lang):
    """The EN sample, and the RU sample reported in English (--lang en): no Russian word of ours."""
    old, new = versions[lang]
    html = diff_html(tmp_path, old, new, "--lang", "en").read_text(encoding="utf-8")
    own = own_text(html)
    assert "Status" in own and "Still open" in own and ("Scenario" in own)
    assert not re.search(r"[а-яё]", own, re.I), own


def test_values_before_and_after_and_places_in_both_versions(tmp_path, versions):
    html = diff_html(tmp_path, *versions["ru"]).read_text(encoding="utf-8")
    row = re.search(r'<tr class="value" data-field="stop_events">(.*?)</tr>', html).group(1)
    assert [cell for cell in re.split(r"<[^>]+>", row) if cell] == ["Стоп-событие", "—", "order_paid"]
    assert "Сценарии, строка 16</span><span class=\"arrow\">→</span><span class=\"v\">Сценарии, строка 16" in html
    assert 'data-field="status"' in html and "запланирован" in html and "выключен" in html


def test_kept_findings_by_severity_with_open_since_from_the_baseline(tmp_path, versions):
    old, new = versions["ru"]
    baseline = tmp_path / "old.json"
    main(["audit", str(old), "--format", "json", "-o", str(baseline), "-q", "--today", "2026-05-01"])
    html = diff_html(tmp_path, old, new, "--baseline", str(baseline)).read_text(encoding="utf-8")
    kept = html[html.index('<details class="rule kept">'):]
    headings = re.findall(r'<h3 class="sev-(\w+)">', kept)
    assert headings == ["error", "warning", "info"]
    assert kept.count("открыто с <b>2026-05-01</b>") == 13  # in the May report already
    # the digest's review fell due on 2026-06-01, after the May report: since when is not known
    assert kept.count("открыто с <b>—</b>") == 1


# the browser checks the audit report has (tests/reports/test_html_browser.py)

@pytest.mark.parametrize("lang", ["ru", "en"])
def test_review_page_loads_clean(tmp_path, page, versions, lang):
    html = diff_html(tmp_path, *versions[lang])
    page.goto(html.as_uri())
    page.wait_for_load_state("load")
    assert page.console_errors == []
    assert page.requests == [html.as_uri()]
    for section in ("summary", "versions", "changes", "findings"):
        assert page.locator(f"section#{section}").is_visible(), section
    summary = page.locator("section#summary").bounding_box()
    assert summary["y"] + summary["height"] <= 1000  # the summary fits on the first screen


def test_hostile_values_in_a_review_stay_text(tmp_path, page):
    evil_script = '<script>window.__pwned = 1; alert("x")</script>'
    evil_img = '<img src=x onerror="window.__pwned = 2; alert(1)">'
    tables = dict(segments=[{"id": "seg1", "name": "plain"}],
                  scenarios=[scn("a", segments="seg1", name="plain")],
                  steps=[step("a", "S1", channel="email", message="hello")],
                  channels=[{"id": "email", "kind": "email"}])
    old = write_workbook(tmp_path / "old.xlsx", meta={"name": evil_script}, **tables)
    tables["scenarios"] = [scn("a", segments="seg1", name=evil_img), scn(evil_script, segments="seg1")]
    tables["steps"] = [step("a", "S1", channel="email", message=evil_img)]
    new = write_workbook(tmp_path / "new.xlsx", meta={"name": evil_script}, **tables)
    html = diff_html(tmp_path, old, new)
    page.goto(html.as_uri())
    page.wait_for_load_state("load")
    assert page.evaluate("window.__pwned") is None and page.dialogs == []
    assert page.locator("img").count() == 0 and page.locator("script").count() == 0
    changes = page.locator("section#changes").inner_text()
    assert evil_img in changes and evil_script in changes
    assert evil_script in page.locator("h1").inner_text()
    assert page.requests == [html.as_uri()]
