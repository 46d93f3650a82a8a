"""The journey drawn as inline SVG by our own code: stages as columns, each stage's scenarios as
cards, each card the scenario's cascade of steps with channel labels and the conditions on the
arrows between them. Nodes with findings are outlined in the severity's colour. Every piece of
text from the map is escaped here (the SVG is inserted into the page as markup).
"""
from __future__ import annotations

from html import escape

from audit.graph import MapGraph
from audit.model import id_key
from reports.html_view import ordered_stages

COLUMN = 250
GAP = 26
HEAD = 54
CARD_HEAD = 30
STEP = 24
EDGE = 18
MAX_CARDS = 14
MAX_STEPS = 10
COLOURS = {"email": "#2e90fa", "sms": "#f79009", "push": "#12b76a", "messenger": "#7a5af8", "call": "#f04438",
           "web": "#667085", "ads": "#ee46bc", "social": "#06aed4", "offline": "#475467", "other": "#98a2b3"}
SEVERITY = {"error": "#d92d20", "warning": "#dc6803", "info": "#1570ef"}


def _t(text: object, limit: int = 34) -> str:
    value = str(text)
    if len(value) > limit:
        value = value[: limit - 1] + "…"
    return escape(value, quote=True)


def journey_svg(graph: MapGraph, worst: dict[tuple[str, str], str], lang: str) -> str:
    stages = ordered_stages(graph)
    columns: list[tuple[str, object | None]] = [(s.label, s) for s in stages]
    by_stage: dict[str | None, list] = {}
    for scenario in graph.map.scenarios:
        key = id_key(scenario.stage) if scenario.stage and id_key(scenario.stage) in graph.stages else None
        by_stage.setdefault(key, []).append(scenario)
    if by_stage.get(None):
        columns.append(("— без этапа —" if lang == "ru" else "— no stage —", None))
    parts: list[str] = []
    height = HEAD
    for index, (label, stage) in enumerate(columns):
        x = GAP + index * (COLUMN + GAP)
        stage_state = worst.get(("stage", stage.id.casefold())) if stage is not None else None
        stroke = SEVERITY.get(stage_state, "#d0d5dd")
        parts.append(f'<g class="stage" data-stage="{_t(stage.id if stage else "", 80)}">'
                     f'<rect x="{x}" y="8" width="{COLUMN}" height="34" rx="6" fill="#f2f4f7" stroke="{stroke}" '
                     f'stroke-width="{2 if stage_state else 1}"/>'
                     f'<text x="{x + 10}" y="30" class="stage-label">{_t(label, 30)}</text></g>')
        if stage is not None and stage.next:
            onward = ", ".join(stage.next)
            parts.append(f'<text x="{x + COLUMN - 6}" y="52" class="onward" text-anchor="end">→ {_t(onward, 30)}</text>')
        y = HEAD + 10
        scenarios = by_stage.get(stage.key if stage is not None else None, [])
        for scenario in scenarios[:MAX_CARDS]:
            card, y = _card(graph, scenario, x, y, worst)
            parts.append(card)
        if len(scenarios) > MAX_CARDS:
            more = len(scenarios) - MAX_CARDS
            parts.append(f'<text x="{x + 8}" y="{y + 12}" class="more">+{more} '
                         f'{"сценариев" if lang == "ru" else "more scenarios"}</text>')
            y += 24
        height = max(height, y)
    width = GAP + len(columns) * (COLUMN + GAP)
    title = "Путь клиента: этапы и сценарии" if lang == "ru" else "Customer journey: stages and scenarios"
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="journey" width="{width}" height="{height + GAP}" '
            f'viewBox="0 0 {width} {height + GAP}" role="img" aria-label="{_t(title, 80)}">'
            f'<defs><marker id="arrow" markerWidth="8" markerHeight="8" refX="4" refY="4" orient="auto">'
            f'<path d="M0,0 L8,4 L0,8 z" fill="#98a2b3"/></marker></defs>' + "".join(parts) + "</svg>")


def _card(graph: MapGraph, scenario, x: int, y: int, worst) -> tuple[str, int]:
    steps = graph.steps_by_scenario.get(scenario.key, [])
    shown = steps[:MAX_STEPS]
    height = CARD_HEAD + sum(STEP + (EDGE if i else 0) for i in range(len(shown))) + (14 if len(steps) > MAX_STEPS else 0) + 8
    state = worst.get(("scenario", scenario.id.casefold()))
    stroke = SEVERITY.get(state, "#d0d5dd")
    muted = "" if scenario.status.live else " muted"
    out = [f'<g class="scenario{muted}" data-scenario="{_t(scenario.id, 80)}">'
           f'<rect x="{x}" y="{y}" width="{COLUMN}" height="{height}" rx="8" fill="#fff" stroke="{stroke}" '
           f'stroke-width="{2 if state else 1}"/>'
           f'<text x="{x + 10}" y="{y + 19}" class="card-title">{_t(scenario.name or scenario.id, 30)}</text>']
    cy = y + CARD_HEAD
    for index, step in enumerate(shown):
        step_state = worst.get(("step", step.ref.casefold()))
        border = SEVERITY.get(step_state)
        if index:
            # the edge into a step with findings (a cascade that cannot run, say) is drawn in their colour
            condition = step.condition_text
            edge = border or "#98a2b3"
            out.append(f'<line x1="{x + 22}" y1="{cy}" x2="{x + 22}" y2="{cy + EDGE - 2}" stroke="{edge}" '
                       f'stroke-width="{2 if border else 1}" marker-end="url(#arrow)" class="edge"/>')
            if condition:
                colour = f' style="fill: {border}"' if border else ""
                out.append(f'<text x="{x + 32}" y="{cy + 12}" class="cond"{colour}>{_t(condition, 36)}</text>')
            cy += EDGE
        channel = graph.channel_of(step)
        kind = channel.kind.value if channel is not None else "other"
        out.append(f'<g class="step" data-step="{_t(step.ref, 120)}">'
                   f'<rect x="{x + 8}" y="{cy}" width="{COLUMN - 16}" height="{STEP - 4}" rx="4" '
                   f'fill="{COLOURS.get(kind, "#98a2b3")}" fill-opacity="0.14" '
                   f'stroke="{border or COLOURS.get(kind, "#98a2b3")}" stroke-width="{2 if border else 1}"/>'
                   f'<text x="{x + 14}" y="{cy + 14}" class="step-label">{_t(step.id, 6)} · {_t(step.channel, 14)}'
                   f'{" · " + _t(step.message, 18) if step.message else ""}</text></g>')
        cy += STEP
    if len(steps) > MAX_STEPS:
        out.append(f'<text x="{x + 14}" y="{cy + 10}" class="more">+{len(steps) - MAX_STEPS}</text>')
    out.append("</g>")
    return "".join(out), y + height + 12
