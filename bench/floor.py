"""The floor under issue 15's "≤ 2× the raw read": what any audit of a big map pays before it checks anything.

    python bench/floor.py                 # the 100,000-step map of bench/.cache (generated if missing)
    python bench/floor.py 300000

Measures, on the same workbook `bench/run.py` times, the least an audit written in Python on this
project's fixed dependencies must do, each step timed on its own:

1. **start**: an interpreter that imports the fixed dependencies (networkx, pydantic, python-calamine,
   orjson) and exits — a subprocess, wall time, best of 3;
2. **raw read**: python-calamine reading every sheet (the 1× of the ratio);
3. **records**: one slotted record per step row holding its cells as read — no header recognition, no
   parsing of timings, conditions or channel words;
4. **graph**: a networkx DiGraph with one node per step and an edge to the next step of its scenario
   (what FLOW003/FLOW005 and the cascades walk), built in bulk;
5. **one pass**: a single linear pass over the steps with two dict lookups each — the least a rule can
   do; the catalogue has 34 rules, most of which pass over the steps once, so the column `34 passes`
   multiplies it;
6. **json**: orjson of one small dict per finding, for as many findings as the audit reports (≈1 per 6
   steps on these maps).

floor = start + raw read + records + graph + 34 passes + json, against the budget 2 × raw read. The
real audit also recognises columns, parses every timing and condition cell, renders HTML and builds
the indexes the rules share; none of that is in the floor.
"""
from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
RULES = 34
FINDINGS_PER_STEP = 17138 / 100000  # what bench/run.py's audit reports at 100,000 steps

START = "import networkx, pydantic, python_calamine, orjson"


@dataclass(slots=True)
class _Step:
    scenario: object
    step: object
    channel: object
    message: object
    message_type: object
    delay: object
    condition: object
    next: object
    row: int


def floor(path: Path) -> dict[str, float]:
    import networkx as nx
    import orjson
    import python_calamine

    start = min(_wall([sys.executable, "-c", START]) for _ in range(3))
    started = time.perf_counter()
    workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    sheets = {name: workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
              for name in workbook.sheet_names}
    raw = time.perf_counter() - started

    rows = sheets["Steps"]
    started = time.perf_counter()
    steps = [_Step(*row[:8], number) for number, row in enumerate(rows[1:], start=2)]
    records = time.perf_counter() - started

    started = time.perf_counter()
    graph = nx.DiGraph()
    nodes = [(s.scenario, s.step) for s in steps]
    graph.add_nodes_from(nodes)
    graph.add_edges_from((a, b) for a, b in zip(nodes, nodes[1:]) if a[0] == b[0])
    graph_time = time.perf_counter() - started

    scenarios = {row[0]: row for row in sheets["Scenarios"][1:]}
    channels = {row[0]: row for row in sheets["Channels"][1:]}
    started = time.perf_counter()
    hits = 0
    for s in steps:
        if scenarios.get(s.scenario) is not None and channels.get(s.channel) is not None:
            hits += 1
    one_pass = time.perf_counter() - started

    findings = [{"rule": "FREQ001", "severity": "warning", "entity": {"kind": "step", "id": f"{s.scenario}/{s.step}"},
                 "location": {"sheet": "Steps", "row": s.row, "column": "channel"}, "message": f"step {s.step}"}
                for s in steps[: int(len(steps) * FINDINGS_PER_STEP)]]
    started = time.perf_counter()
    orjson.dumps({"findings": findings}, option=orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2)
    json_time = time.perf_counter() - started
    total = start + raw + records + graph_time + RULES * one_pass + json_time
    return {"steps": len(steps), "start": start, "raw": raw, "records": records, "graph": graph_time,
            "pass": one_pass, "json": json_time, "floor": total, "budget": 2 * raw}


def _wall(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True)
    return time.perf_counter() - started


def main(sizes: list[int]) -> None:
    sys.path.insert(0, str(HERE))
    from generate import generate

    header = (f"{'steps':>8} {'start':>7} {'raw read':>9} {'records':>8} {'graph':>7} {f'{RULES} passes':>10} "
              f"{'json':>6} {'floor':>7} {'2× read':>8} {'floor/read':>10}")
    print(header)
    print("-" * len(header))
    for size in sizes:
        path = CACHE / f"map_{size}.xlsx"
        if not path.exists():
            generate(size, path)
        r = floor(path)
        print(f"{r['steps']:>8} {r['start']:>6.2f}s {r['raw']:>8.2f}s {r['records']:>7.2f}s {r['graph']:>6.2f}s "
              f"{RULES * r['pass']:>9.2f}s {r['json']:>5.2f}s {r['floor']:>6.2f}s {r['budget']:>7.2f}s "
              f"{r['floor'] / r['raw']:>10.2f}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100000])
