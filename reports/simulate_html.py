"""`commap simulate --format html`: one self-contained page, one section per persona.

Each section has a header (who the persona is, the window, how they react per channel), an SVG
timeline drawn here by our own code (days across, one lane per channel kind that occurs, one
marker per message coloured by its type; hollow markers after the goal; weeks over the cap
shaded, other timed warnings flagged under the axis; the persona's events on a strip above the
lanes), a legend, the table of messages, the week table and the warnings.

The page is rendered by jinja2 with autoescape on; the SVG is built as a string, so every piece
of text from the map or the persona is escaped here with the journey diagram's helper before the
SVG is inserted as markup. The CSP meta tag is the audit report's: nothing is ever requested.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from markupsafe import Markup

from audit.simulate import Send, Simulation, parse_offset
from reports.html import environment
from reports.html_view import KINDS, MESSAGE_TYPES
from reports.i18n import CHANNEL_KIND_WORDS, LABELS, MESSAGE_TYPE_WORDS, NOTICE_WORDS, REACTION_WORDS, word
from reports.journey import COLOURS as KIND_COLOURS
from reports.journey import _t as svg_text

TYPES = (*MESSAGE_TYPES, "none")
TYPE_COLOURS = {"promo": "#e62e05", "info": "#1570ef", "news": "#7a5af8", "service": "#475467",
                "content": "#12b76a", "transactional": "#f79009", "none": "#98a2b3"}
FLAG_COLOURS = {"too-close": "#b42318", "not-simulated": "#667085", "loop-unbounded": "#b54708",
                "after-goal": "#6941c6", "over-cap": "#b42318", "assumed-date": "#667085"}
# one day is this wide, between these bounds, so that a month fills a screen and 90 days still fit one
DAY_MIN, DAY_MAX, TARGET_WIDTH = 12, 40, 1100
LEFT, RIGHT = 132, 20  # room for the longest lane label («мессенджер»)
DATES_H, EVENTS_H = 18, 44
EVENT_ROWS, EVENT_CHAR = 3, 6.2  # label rows on the events strip; a rough width of one character
LANE = 44
RADIUS = 5
ROWS = (0, -12, 12)  # vertical offsets of the sub-rows a lane stacks close markers into
AXIS_H, FLAGS_H = 22, 18
MAX_TABLE_ROWS = 1000

def message_type(send: Send) -> str:
    return send.step.message_type.value if send.step.message_type else "none"


def _day(moment: datetime, start: datetime) -> int:
    return (moment.date() - start.date()).days


def _when(moment: datetime, lang: str, weekdays: list[str]) -> str:
    day = weekdays[moment.weekday()]
    if lang == "ru":
        return f"{day} {moment:%d.%m.%Y %H:%M}"
    return f"{day} {moment:%Y-%m-%d %H:%M}"


def _date(moment: datetime, lang: str) -> str:
    return f"{moment:%d.%m}" if lang == "ru" else f"{moment:%b %d}"


def day_width(days: int) -> float:
    return max(DAY_MIN, min(DAY_MAX, TARGET_WIDTH / max(days, 1)))


def lanes_of(sim: Simulation) -> list[str]:
    """Channel kinds that occur, in the report's usual order; a kind it does not know goes last."""
    used = {send.kind for send in sim.sends}
    return [k for k in KINDS if k in used] + sorted(used - set(KINDS))


def timeline_svg(sim: Simulation, lang: str, labels: dict[str, str]) -> str:
    days = max(1, round((sim.end - sim.start) / timedelta(days=1)))
    dw = day_width(days)
    lanes = lanes_of(sim) or ["—"]  # an empty window still gets its axis
    weekdays = labels["sim_weekdays"].split()
    top = DATES_H + EVENTS_H
    lanes_h = LANE * len(lanes)
    axis_y = top + lanes_h
    width = round(LEFT + days * dw + RIGHT)
    height = axis_y + AXIS_H + FLAGS_H
    x_of = lambda moment: LEFT + (moment - sim.start) / timedelta(days=1) * dw  # noqa: E731
    parts: list[str] = []

    # lanes: alternating bands with the channel kind at the left
    for index, kind in enumerate(lanes):
        y = top + index * LANE
        fill = "#f9fafb" if index % 2 == 0 else "#ffffff"
        parts.append(f'<g class="lane" data-kind="{svg_text(kind, 40)}">'
                     f'<rect x="{LEFT}" y="{y}" width="{days * dw:.1f}" height="{LANE}" fill="{fill}"/>'
                     f'<rect x="8" y="{y + LANE / 2 - 5:.1f}" width="10" height="10" rx="2" '
                     f'fill="{KIND_COLOURS.get(kind, "#98a2b3")}"/>'
                     f'<text x="24" y="{y + LANE / 2 + 4:.1f}" class="lane-label">'
                     f'{svg_text(word(CHANNEL_KIND_WORDS, kind, lang), 14)}</text></g>')

    # weeks over the cap, shaded across every lane
    for week in sim.weeks:
        if not week["over_cap"]:
            continue
        low = (week["week"] - 1) * 7
        high = min(days, week["week"] * 7)
        over = ", ".join(word(CHANNEL_KIND_WORDS, k, lang) if k != "total" else labels["total"]
                         for k in week["over_cap"])
        title = f'{labels["sim_week"]} {week["week"]}: {labels["sim_over_cap_week"]} ({over})'
        parts.append(f'<rect class="over-cap" data-week="{week["week"]}" x="{LEFT + low * dw:.1f}" y="{top}" '
                     f'width="{(high - low) * dw:.1f}" height="{lanes_h}" fill="#fda29b" fill-opacity="0.28">'
                     f'<title>{svg_text(title, 300)}</title></rect>')

    # grid: a hairline per day when days are wide enough, a stronger line per week, dates on top
    tick = next(step for step in (1, 2, 7, 14, 28, 56, 91, 182, 364, 10_000) if step * dw >= 26)
    for day in range(days + 1):
        x = LEFT + day * dw
        if day % 7 == 0:
            parts.append(f'<line x1="{x:.1f}" y1="{DATES_H}" x2="{x:.1f}" y2="{axis_y}" class="week-line"/>')
            if day < days and (day // 7) % max(1, tick // 7) == 0:
                parts.append(f'<text x="{x + 3:.1f}" y="{DATES_H - 5}" class="date">'
                             f'{svg_text(_date(sim.start + timedelta(days=day), lang), 12)}</text>')
        elif dw >= 18:
            parts.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{axis_y}" class="day-line"/>')
        if day < days and day % tick == 0:
            parts.append(f'<text x="{x + dw / 2:.1f}" y="{axis_y + 15}" class="day-number" '
                         f'text-anchor="middle">{day}</text>')
    parts.append(f'<line x1="{LEFT}" y1="{axis_y}" x2="{LEFT + days * dw:.1f}" y2="{axis_y}" class="axis"/>'
                 f'<text x="8" y="{axis_y + 15}" class="axis-label">{svg_text(labels["sim_axis_day"], 14)}</text>')

    # the persona's events on a strip above the lanes: a label goes in the first row where it fits,
    # and is left out (the diamond and its tooltip stay) when none has room, as on a busy 90 days
    label_end = [float("-inf")] * EVENT_ROWS
    for offset, event in _events(sim):
        moment = sim.start + offset
        if not sim.start <= moment < sim.end:
            continue
        x = x_of(moment)
        text = svg_text(event, 22)
        row = next((i for i, end in enumerate(label_end) if x - 5 > end), None)
        label = ""
        if row is not None:
            label_end[row] = x + 8 + EVENT_CHAR * len(event[:22])
            label = (f'<text x="{x + 6:.1f}" y="{DATES_H + 10 + row * 11}" class="event-label">{text}</text>')
        title = f'{_when(moment, lang, weekdays)}: {event}'
        parts.append(f'<g class="event"><title>{svg_text(title, 300)}</title>'
                     f'<line x1="{x:.1f}" y1="{DATES_H + 2}" x2="{x:.1f}" y2="{axis_y}" class="event-line"/>'
                     f'<path d="M{x:.1f},{top - 8} l4,4 l-4,4 l-4,-4 z" class="event-mark"/>{label}</g>')

    # one marker per message; close markers in a lane stack into sub-rows, then overlap
    last_x: dict[str, list[float]] = {kind: [float("-inf")] * len(ROWS) for kind in lanes}
    for send in sim.sends:
        x = x_of(send.at)
        rows = last_x[send.kind]
        free = [i for i, last in enumerate(rows) if x - last >= 2 * RADIUS + 1]
        row = free[0] if free else min(range(len(rows)), key=rows.__getitem__)
        rows[row] = x
        y = top + lanes.index(send.kind) * LANE + LANE / 2 + ROWS[row]
        kind = message_type(send)
        colour = TYPE_COLOURS[kind] if kind in TYPE_COLOURS else TYPE_COLOURS["none"]
        title = (f'{labels["sim_axis_day"]} {_day(send.at, sim.start)}, {_when(send.at, lang, weekdays)}, '
                 f'{send.scenario.label}/{send.step.id}, {send.step.message or "—"} '
                 f'({word(MESSAGE_TYPE_WORDS, kind, lang)}'
                 f'{", " + labels["sim_after_goal"] if send.after_goal else ""})')
        style = (f'fill="#ffffff" stroke="{colour}" stroke-width="2"' if send.after_goal
                 else f'fill="{colour}" stroke="#ffffff" stroke-width="1"')
        parts.append(f'<circle class="msg t-{kind}{" after-goal" if send.after_goal else ""}" '
                     f'cx="{x:.1f}" cy="{y:.1f}" r="{RADIUS}" {style}><title>{svg_text(title, 400)}</title></circle>')

    # warnings with a time, flagged under the axis (over-cap weeks are shaded, after-goal markers hollow)
    for notice in sim.warnings:
        if notice.at is None or notice.kind in ("over-cap", "after-goal") or not sim.start <= notice.at < sim.end:
            continue
        x = x_of(notice.at)
        y = axis_y + AXIS_H
        title = f'{word(NOTICE_WORDS, notice.kind, lang)}, {_when(notice.at, lang, weekdays)}: {notice.message}'
        parts.append(f'<path class="flag {svg_text(notice.kind, 40)}" d="M{x:.1f},{y} l5,9 l-10,0 z" '
                     f'fill="{FLAG_COLOURS.get(notice.kind, "#b42318")}"><title>{svg_text(title, 400)}</title></path>')

    aria = f'{labels["sim_timeline"]}: {sim.persona.name}'
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img" aria-label="{svg_text(aria, 120)}">'
            + "".join(parts) + "</svg>")


def _kind_order(item: tuple[str, str]) -> tuple[int, str]:
    kind = item[0]
    return (KINDS.index(kind) if kind in KINDS else len(KINDS) + (kind == "*"), kind)


def _events(sim: Simulation) -> list[tuple[timedelta, str]]:
    return sorted((parse_offset(e.at), e.event) for e in sim.persona.events)


def legend(lang: str, labels: dict[str, str]) -> list[tuple[Markup, str]]:
    """(symbol SVG, words) per legend item; the symbols are drawn like the timeline's marks."""
    def symbol(shape: str) -> Markup:
        return Markup(f'<svg xmlns="http://www.w3.org/2000/svg" class="symbol" width="14" height="14" '
                      f'viewBox="0 0 14 14" aria-hidden="true">{shape}</svg>')

    items = [(symbol(f'<circle cx="7" cy="7" r="{RADIUS}" fill="{TYPE_COLOURS[kind]}"/>'),
              word(MESSAGE_TYPE_WORDS, kind, lang)) for kind in TYPES]
    items.append((symbol(f'<circle cx="7" cy="7" r="{RADIUS}" fill="#ffffff" stroke="#475467" stroke-width="2"/>'),
                  labels["sim_after_goal"]))
    items.append((symbol('<rect x="0" y="0" width="14" height="14" fill="#fda29b" fill-opacity="0.5"/>'),
                  labels["sim_over_cap_week"]))
    items.append((symbol(f'<path d="M7,2 l5,9 l-10,0 z" fill="{FLAG_COLOURS["too-close"]}"/>'), labels["sim_flag"]))
    items.append((symbol('<path d="M7,2 l5,5 l-5,5 l-5,-5 z" class="event-mark"/>'), labels["sim_event"]))
    return items


def persona_view(index: int, sim: Simulation, lang: str, labels: dict[str, str]) -> dict:
    weekdays = labels["sim_weekdays"].split()
    persona = sim.persona
    days = max(1, round((sim.end - sim.start) / timedelta(days=1)))
    rows = [{
        "when": _when(send.at, lang, weekdays),
        "day": _day(send.at, sim.start),
        "scenario": send.scenario.label,
        "step": send.step.id,
        "channel": send.step.channel,
        "kind": word(CHANNEL_KIND_WORDS, send.kind, lang),
        "type": message_type(send),
        "type_word": word(MESSAGE_TYPE_WORDS, message_type(send), lang),
        "colour": TYPE_COLOURS.get(message_type(send), TYPE_COLOURS["none"]),
        "message": send.step.message,
        "because": send.because,
        "after_goal": send.after_goal,
    } for send in sim.sends[:MAX_TABLE_ROWS]]
    kinds = lanes_of(sim)
    weeks = []
    for week in sim.weeks:
        low = sim.start + timedelta(days=7 * (week["week"] - 1))
        high = min(sim.end, low + timedelta(days=7)) - timedelta(days=1)
        weeks.append({**week, "dates": f"{_date(low, lang)} – {_date(high, lang)}"})
    return {
        "id": f"persona-{index}",
        "name": persona.name,
        "segments": persona.segments,
        "window": f"{_when(sim.start, lang, weekdays)[:-6]} – "
                  f"{_when(sim.end - timedelta(minutes=1), lang, weekdays)[:-6]} "
                  f"({labels['sim_days'].format(n=days)})",
        "reactions": [(word(CHANNEL_KIND_WORDS, kind, lang), word(REACTION_WORDS, reaction, lang))
                      for kind, reaction in sorted(persona.reacts.items(), key=_kind_order)],
        "events": [(_when(sim.start + offset, lang, weekdays), event) for offset, event in _events(sim)],
        "sends": len(sim.sends),
        "after_goal": sum(1 for s in sim.sends if s.after_goal),
        "timeline": Markup(timeline_svg(sim, lang, labels)),
        "rows": rows,
        "hidden": max(0, len(sim.sends) - MAX_TABLE_ROWS),
        "kinds": [(k, word(CHANNEL_KIND_WORDS, k, lang)) for k in kinds],
        "weeks": weeks,
        "warnings": [{
            "kind": notice.kind,
            "kind_word": word(NOTICE_WORDS, notice.kind, lang),
            "when": _when(notice.at, lang, weekdays) if notice.at else "",
            "message": notice.message,
        } for notice in sim.warnings],
    }


def render_simulation_html(results: list[Simulation], lang: str, map_name: str = "") -> str:
    """One self-contained page: a section per simulated persona."""
    labels = {key: value.get(lang, value["en"]) for key, value in LABELS.items()}
    personas = [persona_view(index, sim, lang, labels) for index, sim in enumerate(results, 1)]
    return environment().get_template("simulate.html.j2").render(
        lang=lang, L=labels, map_name=map_name, personas=personas, legend=legend(lang, labels))
