"""Benchmark for `commap simulate` (issue 14: a 1,000-scenario map, a 90-day persona, under 2 s).

    python bench/simulate.py              # 1,000 scenarios (the 10,000-step map of bench/run.py)
    python bench/simulate.py 100000       # another size, in steps (10 steps per scenario)

The persona is the worst case: in every segment of the map, every event of the map happens to it
once (spread over the 90 days, at 10:00), and it reacts to nothing, so every cascade runs to its
end. Reading the workbook and building the graph are timed apart: `commap simulate` pays them as
`commap audit` does (bench/run.py); the target is the simulation itself, plus its JSON and text.
"""
from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CACHE = HERE / ".cache"
DAYS = 90


def main(steps: int) -> None:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(HERE))
    from generate import generate

    from audit import load_map
    from audit.graph import MapGraph
    from audit.simulate import Persona, simulate
    from reports.simulate import render_json, render_text
    from rules.freq001_contact_pressure import DEFAULT_CAPS

    path = CACHE / f"map_{steps}.xlsx"
    if not path.exists():
        generate(steps, path)
    started = time.perf_counter()
    commap = load_map(path)
    load = time.perf_counter() - started
    started = time.perf_counter()
    graph = MapGraph(commap)
    build = time.perf_counter() - started
    persona = Persona(name="worst case", segments=[s.id for s in commap.segments], days=DAYS,
                      start=date(2026, 12, 1), reacts={"*": "none"},
                      events=[{"at": f"{i % DAYS}d 10:00", "event": e.id} for i, e in enumerate(commap.events)])
    started = time.perf_counter()
    sim = simulate(graph, persona, date(2026, 11, 23), DEFAULT_CAPS)
    run = time.perf_counter() - started
    started = time.perf_counter()
    render_json([sim])
    render_text([sim], "en")
    output = time.perf_counter() - started
    print(f"{len(commap.scenarios)} scenarios, {len(commap.steps)} steps, {len(persona.segments)} segments, "
          f"{len(persona.events)} events over {DAYS} days → {len(sim.sends)} messages, {len(sim.warnings)} warnings")
    print(f"read {load:.2f}s · graph {build:.2f}s · simulate {run:.2f}s · json+text {output:.2f}s · "
          f"simulate+output {run + output:.2f}s (target < 2 s)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
