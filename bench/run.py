"""Benchmark: generate maps of 1,000 / 10,000 / 100,000 / 300,000 steps and time an audit of each.

    python bench/run.py                 # all four sizes
    python bench/run.py 1000 10000      # chosen sizes

Two tables. **Whole process** (what a user waits for, issue 15): commap installed the way the README
installs it (`pip install .` into bench/.cache/venv, bytecode written), its console script
`commap audit MAP --format json --format html -o TMPDIR -q --select all` as a subprocess, wall time
from start to exit (best of 3) and the child's peak RSS, next to a subprocess that does nothing but
read every sheet with python-calamine (best of 3, its wall time from start to exit too);
ratio = audit / raw read. Then `commap audit samples/ru_ecommerce.xlsx --format json -o -`,
median of 5. **Per phase**: each size in its own process so peak memory (ru_maxrss) is that
size's alone: raw read (python-calamine inside the process), load (read into models), graph,
rules (and the five slowest), HTML, JSON; total = load + graph + rules + HTML + JSON;
ratio = total / raw read.
"""
from __future__ import annotations

import hashlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CACHE = HERE / ".cache"


def measure(path: Path) -> dict:
    sys.path.insert(0, str(ROOT))
    import python_calamine

    from audit import AuditConfig, load_map, run
    from reports import render

    started = time.perf_counter()
    workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    for name in workbook.sheet_names:
        workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
    raw = time.perf_counter() - started

    started = time.perf_counter()
    commap = load_map(path)
    load = time.perf_counter() - started
    started = time.perf_counter()
    result = run(commap, AuditConfig(today=date(2026, 11, 23), select=["all"]))
    audit = time.perf_counter() - started
    graph = result.timings.get("graph", 0.0)
    rule_times = {k: v for k, v in result.timings.items() if k != "graph"}
    started = time.perf_counter()
    html = render(result, "html")
    html_time = time.perf_counter() - started
    started = time.perf_counter()
    render(result, "json")
    json_time = time.perf_counter() - started
    total = load + audit + html_time + json_time
    return {
        "steps": len(commap.steps), "raw": raw, "load": load, "graph": graph, "rules": audit - graph,
        "html": html_time, "json": json_time, "total": total, "ratio": total / raw if raw else 0,
        "findings": len(result.findings), "html_mb": len(html.encode()) / 1e6,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "slowest": sorted(rule_times.items(), key=lambda kv: -kv[1])[:5],
    }


RAW_READ = """
import sys, time
started = time.perf_counter()
import python_calamine
workbook = python_calamine.CalamineWorkbook.from_path(sys.argv[1])
for name in workbook.sheet_names:
    workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
print(time.perf_counter() - started)
"""


# What a user runs: `pip install .` writes bytecode; a shell that forbids it would time compiling instead.
USER_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_child(command: list[str]) -> tuple[float, float, int]:
    """Wall seconds from start to exit, the child's own peak RSS in MB, and its exit status."""
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=USER_ENV)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    error = child.stderr.read().decode(errors="replace")
    child.stderr.close()
    if child.returncode not in (0, 1):  # 1: findings at or above --fail-on, expected here
        raise SystemExit(f"{' '.join(command)} exited {child.returncode}: {error}")
    return wall, usage.ru_maxrss / 1024, child.returncode


def commap_script() -> str:
    """commap as the README installs it — `pip install .` into a venv of its own (bench/.cache/venv),
    reinstalled when the source changed, its bytecode written — else the console script beside this
    interpreter (an editable install, which adds its import hook to every start)."""
    venv = CACHE / "venv"
    script = venv / "bin" / "commap"
    stamp = venv / "source.sha256"
    digest = _source_digest()
    if script.exists() and stamp.exists() and stamp.read_text() == digest:
        return str(script)
    try:
        if not (venv / "bin" / "python").exists():
            subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        python = str(venv / "bin" / "python")
        subprocess.run([python, "-m", "pip", "install", "-q", "--force-reinstall", "--no-deps", str(ROOT)]
                       if stamp.exists() else [python, "-m", "pip", "install", "-q", str(ROOT)],
                       check=True, env=USER_ENV, capture_output=True)
        subprocess.run([python, "-m", "compileall", "-q", str(venv / "lib")], env=USER_ENV, capture_output=True)
        stamp.write_text(digest)
        return str(script)
    except subprocess.CalledProcessError as exc:
        print(f"bench: could not install into {venv} ({exc}); timing the console script beside this "
              f"interpreter instead", file=sys.stderr)
    beside = Path(sys.executable).with_name("commap")
    found = str(beside) if beside.exists() else shutil.which("commap")
    if not found:
        raise SystemExit("the commap console script is not installed (pip install -e .)")
    return found


def _source_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted([ROOT / "pyproject.toml", *ROOT.glob("audit/**/*"), *ROOT.glob("rules/**/*"),
                        *ROOT.glob("reports/**/*")]):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(ROOT)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def whole_process(path: Path, script: str, repeat: int = 3) -> dict:
    raw = min(run_child([sys.executable, "-c", RAW_READ, str(path)])[0] for _ in range(repeat))
    walls, peaks = [], []
    with tempfile.TemporaryDirectory(prefix="commap-bench-") as out:
        for _ in range(repeat):
            wall, peak, _ = run_child([script, "audit", str(path), "--format", "json", "--format", "html", "-o", out,
                                       "-q", "--select", "all"])
            walls.append(wall)
            peaks.append(peak)
        json_mb = sum(f.stat().st_size for f in Path(out).glob("*.json")) / 1e6
    return {"raw_wall": raw, "audit_wall": min(walls), "ratio": min(walls) / raw, "peak_mb": max(peaks),
            "json_mb": json_mb}


def sample_startup(script: str, repeat: int = 5) -> float:
    sample = ROOT / "samples" / "ru_ecommerce.xlsx"
    return statistics.median(run_child([script, "audit", str(sample), "--format", "json", "-o", "-"])[0]
                             for _ in range(repeat))


def main(sizes: list[int]) -> None:
    sys.path.insert(0, str(HERE))
    from generate import generate

    script = commap_script()
    rows = []
    for size in sizes:
        path = CACHE / f"map_{size}.xlsx"
        if not path.exists():
            generate(size, path)
        out = subprocess.run([sys.executable, __file__, "--one", str(path)], check=True, capture_output=True, text=True)
        row = json.loads(out.stdout)
        row["whole"] = whole_process(path, script)
        rows.append(row)
        print(f"measured {size} steps", file=sys.stderr, flush=True)
    startup = sample_startup(script)

    header = (f"{'steps':>8} {'raw read':>9} {'audit json+html':>16} {'ratio':>6} {'peak MB':>8} {'json MB':>8} "
              f"{'findings':>9}")
    print("whole process (wall time from start to exit, best of 3):")
    print(header)
    print("-" * len(header))
    for r in rows:
        w = r["whole"]
        print(f"{r['steps']:>8} {w['raw_wall']:>8.2f}s {w['audit_wall']:>15.2f}s {w['ratio']:>6.2f} "
              f"{w['peak_mb']:>8.0f} {w['json_mb']:>8.1f} {r['findings']:>9}")
    print(f"commap audit samples/ru_ecommerce.xlsx --format json -o -: {startup:.3f}s (median of 5)")
    print()
    print("per phase (inside one process):")
    header = (f"{'steps':>8} {'raw read':>9} {'load':>7} {'graph':>7} {'rules':>7} {'html':>7} {'json':>7} "
              f"{'total':>7} {'ratio':>6} {'peak MB':>8} {'html MB':>8} {'findings':>9}")
    print(header)
    print("-" * len(header))
    for r in rows:
        print(f"{r['steps']:>8} {r['raw']:>8.2f}s {r['load']:>6.2f}s {r['graph']:>6.2f}s {r['rules']:>6.2f}s "
              f"{r['html']:>6.2f}s {r['json']:>6.2f}s {r['total']:>6.2f}s {r['ratio']:>6.1f} {r['peak_mb']:>8.0f} "
              f"{r['html_mb']:>8.2f} {r['findings']:>9}")
    print()
    for r in rows:
        print(f"slowest rules at {r['steps']} steps: " + ", ".join(f"{code} {t:.3f}s" for code, t in r["slowest"]))
    for small, large in zip(rows, rows[1:]):
        if small["rules"] > 0:
            print(f"rules phase {small['steps']} → {large['steps']} steps: ×{large['rules'] / small['rules']:.1f} "
                  f"(map ×{large['steps'] / small['steps']:.0f})")
    by_size = {r["steps"]: r["whole"]["ratio"] for r in rows}
    if 100000 in by_size and 300000 in by_size:
        print(f"whole-process ratio 300k / 100k: {by_size[300000] / by_size[100000]:.2f} (target 1 ± 0.2)")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--one":
        print(json.dumps(measure(Path(sys.argv[2]))))
    else:
        main([int(a) for a in sys.argv[1:]] or [1000, 10000, 100000, 300000])
