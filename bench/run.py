"""Benchmark: generate maps of 1,000 / 10,000 / 100,000 steps and time every phase of an audit.

    python bench/run.py                 # all three sizes
    python bench/run.py 1000 10000      # chosen sizes

Each size runs in its own process so peak memory (ru_maxrss) is that size's alone. Phases:
raw read (python-calamine alone, every sheet: the floor), load (read into models), graph,
rules (and the five slowest), HTML, JSON; total = load + graph + rules + HTML + JSON;
ratio = total / raw read.
"""
from __future__ import annotations

import json
import resource
import subprocess
import sys
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


def main(sizes: list[int]) -> None:
    sys.path.insert(0, str(HERE))
    from generate import generate

    rows = []
    for size in sizes:
        path = CACHE / f"map_{size}.xlsx"
        if not path.exists():
            generate(size, path)
        out = subprocess.run([sys.executable, __file__, "--one", str(path)], check=True, capture_output=True, text=True)
        rows.append(json.loads(out.stdout))
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
            print(f"rules phase {small['steps']} → {large['steps']} steps: ×{large['rules'] / small['rules']:.1f}")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--one":
        print(json.dumps(measure(Path(sys.argv[2]))))
    else:
        main([int(a) for a in sys.argv[1:]] or [1000, 10000, 100000])
