"""The installed console script works outside the checkout: package data (templates, profiles) ships."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "ru_ecommerce.xlsx"


def test_console_script_audits_a_sample_from_another_folder(tmp_path):
    script = shutil.which("commap", path=str(Path(sys.executable).parent)) or shutil.which("commap")
    if script is None:
        pytest.skip("the commap console script is not installed in this environment")
    done = subprocess.run([script, "audit", str(SAMPLE), "--format", "html", "--format", "json", "-o", str(tmp_path),
                           "--today", "2026-11-23", "--platform", "omnichannel_cdp"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr  # the sample has errors
    assert "Traceback" not in done.stderr
    report = json.loads((tmp_path / "ru_ecommerce.audit.json").read_text(encoding="utf-8"))
    assert report["platform"] == "Omnichannel CDP with a call centre (archetype)"
    assert "<!DOCTYPE html>" in (tmp_path / "ru_ecommerce.audit.html").read_text(encoding="utf-8")
    assert "ошибки" in done.stdout  # the Russian summary on the terminal


def test_console_script_leaving_without_teardown_still_writes_everything(tmp_path):
    # `commap` leaves through os._exit once its outputs are written: stdout piped to a file and
    # the exit code must be complete and unchanged (0 clean, 1 findings, 2 unreadable)
    script = shutil.which("commap", path=str(Path(sys.executable).parent)) or shutil.which("commap")
    if script is None:
        pytest.skip("the commap console script is not installed in this environment")
    done = subprocess.run([script, "audit", str(SAMPLE), "--format", "json", "-o", "-", "-q", "--today", "2026-11-23"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and json.loads(done.stdout)["summary"]["error"] > 0
    missing = subprocess.run([script, "audit", str(tmp_path / "none.xlsx")], capture_output=True, text=True,
                             timeout=120)
    assert missing.returncode == 2 and missing.stderr.endswith("no such file or folder\n")
