"""Synthetic communication maps of a given size, for the benchmark.

Proportions (issue 8): about 10 steps per scenario, 10 scenarios per segment, a dozen stages,
half as many events as scenarios, cross-system cascades (email → push → SMS → messenger) and
some untracked events. Deterministic: the same size gives the same workbook.
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

import openpyxl

# escalation order of a cascade: cheap first, SMS last; calls only for VIP segments
CHANNELS = [("email", "email", "esp"), ("push", "push", "cdp"), ("telegram", "messenger", "cdp"),
            ("sms", "sms", "gateway"), ("call", "call", "callcenter")]
FEEDBACK = {"email": "opened", "push": "opened", "messenger": "read", "sms": "delivered"}
MESSAGE_TYPES = ["promo", "info", "service", "content", "news", "transactional"]


def generate(steps: int, path: Path) -> Path:
    rng = random.Random(steps)
    scenarios = max(1, steps // 10)
    segments = max(5, scenarios // 10)
    events = max(2, scenarios // 2)
    wb = openpyxl.Workbook(write_only=True)

    sheet = wb.create_sheet("Map")
    for row in (["name", f"Synthetic map, {steps} steps"], ["client", "Benchmark"], ["last reviewed", "2026-10-01"]):
        sheet.append(row)

    sheet = wb.create_sheet("Stages")
    sheet.append(["id", "name", "order", "next", "final"])
    for i in range(12):
        sheet.append([f"stage{i}", f"Stage {i}", i + 1, f"stage{i + 1}" if i < 11 else "", "yes" if i == 11 else ""])

    sheet = wb.create_sheet("Segments")
    sheet.append(["id", "name", "parent", "size", "tier", "excluded", "stage"])
    for i in range(segments):
        parent = f"seg{i // 10}" if i >= 10 and i % 10 else ""
        sheet.append([f"seg{i}", f"Segment {i}", parent, rng.randint(100, 50000),
                      "vip" if i % 17 == 0 else "regular", "yes" if i % 97 == 96 else "", f"stage{i % 12}"])

    sheet = wb.create_sheet("Channels")
    sheet.append(["id", "kind", "system"])
    for ident, kind, system in CHANNELS:
        sheet.append([ident, kind, system])

    sheet = wb.create_sheet("Events")
    sheet.append(["id", "source", "tracked", "key"])
    for i in range(events):
        sheet.append([f"event{i}", ["site", "app", "crm", "pos"][i % 4], "no" if i % 13 == 0 else "yes", f"ev_{i}"])

    sheet = wb.create_sheet("Scenarios")
    sheet.append(["id", "name", "type", "segments", "stage", "trigger", "schedule", "goal", "goal_event",
                  "stop_event", "kpi", "owner", "status", "last_reviewed"])
    for i in range(scenarios):
        regular = i % 5 == 0
        goal_event = f"event{(i + 1) % events}"
        sheet.append([f"scn{i}", f"Scenario {i}", "regular" if regular else "trigger", f"seg{i % segments}",
                      f"stage{i % 12}", "" if regular else f"event{i % events}", "weekly" if regular else "",
                      "Conversion", goal_event, goal_event if i % 7 else "", "CR", "crm-team",
                      "active" if i % 11 else "planned", "2026-09-01"])

    sheet = wb.create_sheet("Steps")
    sheet.append(["scenario", "step", "channel", "message", "message_type", "delay", "condition", "next"])
    written = 0
    for i in range(scenarios):
        count = min(10, steps - written)
        vip = (i % segments) % 17 == 0
        for k in range(count):
            ident, kind, _ = CHANNELS[4] if (k == 9 and vip) else CHANNELS[k % 4]
            previous_kind = CHANNELS[(k - 1) % 4][1]
            condition = ""
            if k and k % 3 != 0 and previous_kind != "sms":
                condition = f"not {FEEDBACK[previous_kind]} S{k}"
            elif k and k % 3 == 0:
                condition = f"no event event{(i + 1) % events} within 2d"
            sheet.append([f"scn{i}", f"S{k + 1}", ident, f"Message {k + 1} of scenario {i}",
                          MESSAGE_TYPES[(i + k) % len(MESSAGE_TYPES)], f"{k}d", condition, ""])
        written += count
        if written >= steps:
            break

    sheet = wb.create_sheet("Systems")
    sheet.append(["id", "channels", "orchestration", "receives"])
    for row in (["esp", "email", "yes", "site, app, crm, pos"], ["cdp", "push, messenger", "yes", "site, app, crm, pos"],
                ["gateway", "sms", "no", "site, app, crm"], ["callcenter", "call", "no", "crm"]):
        sheet.append(row)

    sheet = wb.create_sheet("Integrations")
    sheet.append(["from", "to", "carries"])
    for row in (["esp", "cdp", "opened, clicked"], ["cdp", "gateway", "*"], ["cdp", "esp", "*"],
                ["gateway", "cdp", "delivered"], ["cdp", "callcenter", "*"], ["esp", "callcenter", "*"]):
        sheet.append(row)

    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    print(generate(size, Path(sys.argv[2]) if len(sys.argv) > 2 else Path(f"map_{size}.xlsx")))
