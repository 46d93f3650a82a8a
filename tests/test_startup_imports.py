"""Writers are imported only when their format is asked for (issue 15): `commap --version` and a
JSON-only audit load neither openpyxl nor jinja2."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WRITERS = ("openpyxl", "jinja2", "reports.html", "reports.xlsx", "reports.sarif", "reports.graph_export",
           "reports.simulate_html", "reports.annotate")

# runs the CLI as the console script does, then reports which writer modules were loaded
PROBE = """
import json, sys
from audit.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:  # --version
    code = exc.code
sys.stdout.flush()
print(json.dumps({"code": code, "loaded": [m for m in %r if m in sys.modules]}), file=sys.stderr)
""" % (WRITERS,)


def loaded_writers(*args: str) -> tuple[int, list[str]]:
    done = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    report = json.loads(done.stderr.strip().splitlines()[-1])
    return report["code"], report["loaded"]


def test_version_loads_no_writer():
    assert loaded_writers("--version") == (0, [])


@pytest.mark.parametrize("extra", [[], ["-q"]])
def test_json_only_audit_loads_no_writer(tmp_path, extra):
    out = tmp_path / "report.json"
    code, loaded = loaded_writers("audit", str(ROOT / "samples" / "ru_ecommerce.xlsx"), "--format", "json",
                                  "-o", str(out), "--fail-on", "never", *extra)
    assert (code, loaded) == (0, [])
    assert json.loads(out.read_text(encoding="utf-8"))["findings"]


def test_a_format_that_needs_a_writer_still_loads_it(tmp_path):
    code, loaded = loaded_writers("audit", str(ROOT / "samples" / "ru_ecommerce.xlsx"), "--format", "json",
                                  "--format", "html", "-o", str(tmp_path), "--fail-on", "never", "-q")
    assert code == 0 and "jinja2" in loaded and "openpyxl" not in loaded
    assert (tmp_path / "ru_ecommerce.audit.html").stat().st_size > 0
