"""`commap simulate` output: the JSON document and the text timeline, from the same dictionaries.

JSON, one persona (the shape of issue 14):

    {"persona": {"name", "segments", "start", "days", "reacts", "events": [{"at", "event"}]},
     "timeline": [{"at": "2026-12-02T19:00", "day": 1, "scenario", "step", "channel", "kind",
                   "message", "type", "because", "after_goal"}],
     "weeks": [{"week": 1, "from", "to", "by_channel": {kind: n}, "total", "over_cap": [kind]}],
     "warnings": [{"kind", "at", "message"}]}

Several personas: `{"simulations": [<that object>, …]}` in the order they were given, so a
single persona keeps the issue's shape and a list is never ambiguous. `channel` is the step's
channel as the map writes it, `kind` its channel kind (what `weeks` count). Everything is sorted
by the engine (time, scenario, step; warnings by time, kind, text), so the same input gives
byte-identical output.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from audit.simulate import Simulation
from reports.i18n import MESSAGE_TYPE_WORDS, t
from reports.json import dumps


def _minute(moment: datetime | None) -> str | None:
    return moment.strftime("%Y-%m-%dT%H:%M") if moment is not None else None


def simulation_dict(sim: Simulation) -> dict:
    persona = sim.persona
    start = sim.start.date()
    timeline = [{
        "at": _minute(send.at),
        "day": (send.at.date() - start).days,
        "scenario": send.scenario.id,
        "step": send.step.id,
        "channel": send.step.channel,
        "kind": send.kind,
        "message": send.step.message,
        "type": send.step.message_type.value if send.step.message_type is not None else None,
        "because": send.because,
        "after_goal": send.after_goal,
    } for send in sim.sends]
    weeks = []
    for week in sim.weeks:
        first = start + timedelta(days=7 * (week["week"] - 1))
        last = min(first + timedelta(days=6), sim.end.date() - timedelta(days=1))
        weeks.append({"week": week["week"], "from": first.isoformat(), "to": last.isoformat(),
                      "by_channel": dict(week["by_channel"]), "total": week["total"],
                      "over_cap": list(week["over_cap"])})
    return {
        "persona": {
            "name": persona.name,
            "segments": list(persona.segments),
            "start": start.isoformat(),
            "days": persona.days,
            "reacts": dict(sorted(persona.reacts.items())),
            "events": [{"at": e.at, "event": e.event} for e in persona.events],
        },
        "timeline": timeline,
        "weeks": weeks,
        "warnings": [{"kind": w.kind, "at": _minute(w.at), "message": w.message} for w in sim.warnings],
    }


def render_json(results: list[Simulation]) -> str:
    """One persona: its object; several: `{"simulations": [...]}` in the order given."""
    if len(results) == 1:
        return dumps(simulation_dict(results[0]))
    return dumps({"simulations": [simulation_dict(sim) for sim in results]})


def render_text(results: list[Simulation], lang: str) -> str:
    """Each persona: who they are, the timeline grouped by day, the warnings and the week table."""
    return "\n".join(_persona_text(simulation_dict(sim), lang) for sim in results)


def _persona_text(data: dict, lang: str) -> str:
    persona = data["persona"]
    weekdays = t("sim_weekdays", lang).split()
    lines = [t("sim_text_heading", lang).format(name=persona["name"], n=persona["days"]),
             f"  {t('sim_window', lang)}: {persona['start']} – {data['weeks'][-1]['to']}"
             if data["weeks"] else f"  {t('sim_window', lang)}: {persona['start']}",
             f"  {t('sim_segments', lang)}: {', '.join(persona['segments']) or '*'}",
             f"  {t('sim_reactions', lang)}: "
             + (", ".join(f"{kind} {reaction}" for kind, reaction in persona["reacts"].items())
                or ("нет" if lang == "ru" else "none")),
             f"  {t('sim_events', lang)}: " + (" · ".join(f"{e['at']} {e['event']}" for e in persona["events"])
                                                or t("not_given", lang)),
             ""]
    if not data["timeline"]:
        lines.append(t("sim_no_messages", lang))
    day = None
    for row in data["timeline"]:
        if row["day"] != day:
            day = row["day"]
            moment = datetime.fromisoformat(row["at"])
            lines.append(f"{t('sim_day', lang)} {day} · {weekdays[moment.weekday()]} {moment.date().isoformat()}")
        message = _quoted(row["message"], lang)
        after = f" [{t('sim_after_goal', lang)}]" if row["after_goal"] else ""
        lines.append(f"  {row['at'][11:]}  {row['channel']:<9} {row['scenario']}/{row['step']}"
                     f" ({MESSAGE_TYPE_WORDS.get(row['type'] or '', {}).get(lang, row['type'] or '?')}){message}"
                     f" — {row['because']}{after}")
    lines += ["", f"{t('sim_warnings', lang)}:"]
    if not data["warnings"]:
        lines.append(f"  {t('sim_no_warnings', lang)}")
    for warning in data["warnings"]:
        when = warning["at"].replace("T", " ") if warning["at"] else ""
        lines.append(f"  {warning['kind']:<14} {when:<16}  {warning['message']}")
    lines += ["", f"{t('sim_weeks', lang)}:"]
    kinds = sorted({kind for week in data["weeks"] for kind in week["by_channel"]})
    header = [t("sim_week", lang), t("sim_dates", lang), *kinds, t("sim_total", lang), t("sim_over_cap", lang)]
    rows = [[str(week["week"]), f"{week['from']} – {week['to']}",
             *(str(week["by_channel"].get(kind, 0)) for kind in kinds), str(week["total"]),
             ", ".join(week["over_cap"])] for week in data["weeks"]]
    widths = [max(len(cells[i]) for cells in [header, *rows]) for i in range(len(header))]
    for cells in [header, *rows]:
        lines.append("  " + "  ".join(cell.ljust(width) for cell, width in zip(cells, widths)).rstrip())
    return "\n".join(lines) + "\n"


def summary_line(sim: Simulation, lang: str) -> str:
    """One line for the terminal when the report went to a file."""
    over = sum(1 for w in sim.warnings if w.kind == "over-cap")
    return t("sim_summary", lang).format(name=sim.persona.name, sends=len(sim.sends), days=sim.persona.days,
                                         warnings=len(sim.warnings), over=over)


def _quoted(message: str, lang: str) -> str:
    """A message in quotes, once: one the map already quotes («Роллы ждут») keeps its own."""
    if not message:
        return ""
    if message[0] in "«\"“„'":
        return f" {message}"
    return f" «{message}»" if lang == "ru" else f' "{message}"'
