"""Personas for `commap simulate`: built from command-line flags, checked against the map, and the
contact caps they are measured against.

    persona = persona_from_flags(segments=["new"], events=["0d subscribed", "1d19h cart_abandoned"],
                                 reacts="email=none,push=opens", days=30)
    problems = unknown_names(persona, commap)      # typos: segments or events the map never names
    caps = configured_caps(config, lang)           # FREQ001's caps, as `commap audit` resolves them
"""
from __future__ import annotations

from datetime import date

from pydantic import ValidationError

from audit.config import AuditConfig
from audit.errors import CommapError
from audit.model import CommMap, id_key
from audit.simulate import REACTIONS, Persona, PersonaEvent, parse_offset

DEFAULT_DAYS = 30


def parse_reacts(text: str) -> dict[str, str]:
    """`none` (every channel kind) or `email=none,push=opens` (a kind without a reaction: `none`)."""
    reacts: dict[str, str] = {}
    for part in (p.strip() for p in text.replace(";", ",").split(",")):
        if not part:
            continue
        kind, sep, reaction = part.partition("=")
        kind, reaction = (kind.strip(), reaction.strip()) if sep else ("*", kind.strip())
        if not kind or reaction not in REACTIONS:
            raise ValueError(f"--reacts '{part}': give a reaction ({', '.join(REACTIONS)}) or kind=reaction, "
                             f"e.g. email=none,push=opens")
        reacts[kind.casefold()] = reaction
    return reacts


def parse_event(text: str) -> PersonaEvent:
    """`"1d19h cart_abandoned"`, `"2d 19:00 order_paid"`, `"0d Корзина брошена"`: the time (its first one or
    two words), then the event as the map names it (the rest, spaces and all)."""
    words = text.split()
    for count in (2, 1):
        if len(words) > count:
            try:
                parse_offset(" ".join(words[:count]))
            except ValueError:
                continue
            return PersonaEvent(at=" ".join(words[:count]), event=" ".join(words[count:]))
    raise ValueError(f"--event '{text}': write the time, then the event, e.g. \"1d19h cart_abandoned\"")


def persona_from_flags(*, segments: list[str] | None = None, events: list[str] | None = None,
                       reacts: str | None = None, days: int | None = None, start: date | None = None,
                       name: str | None = None) -> Persona:
    """The persona the simple flags describe; ValueError with the flag's words when one is wrong."""
    parsed = [parse_event(text) for text in events or []]
    data = {
        "name": name or _default_name(segments or [], parsed),
        "segments": list(segments or []),
        "days": days or DEFAULT_DAYS,
        "start": start,
        "reacts": parse_reacts(reacts) if reacts else {},
        "events": parsed,
    }
    try:
        return Persona.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        raise ValueError(f"--{error['loc'][0]}: {error['msg']}") from None


def _default_name(segments: list[str], events: list[PersonaEvent]) -> str:
    words = [", ".join(segments) or "*"] + [e.event for e in events]
    return " · ".join(words)


def unknown_names(persona: Persona, commap: CommMap) -> list[str]:
    """Segments and events of the persona the map never names (a typo simulates an empty timeline)."""
    segments = {s.key for s in commap.segments}
    events = {e.key for e in commap.events}
    for scenario in commap.scenarios:
        events.update(id_key(e) for e in (scenario.trigger, scenario.goal_event, *scenario.stop_events) if e)
    for step in commap.steps:
        if step.condition is not None and step.condition.event:
            events.add(id_key(step.condition.event))
    problems = [f"segment '{s}' is not in the map" for s in persona.segments if id_key(s) not in segments]
    problems += [f"event '{e.event}' is not in the map" for e in persona.events if id_key(e.event) not in events]
    return problems


def configured_caps(config: AuditConfig, lang: str) -> dict[str, float]:
    """FREQ001's caps with the configuration's `[rules.FREQ001]` options, validated as the audit does
    — even when FREQ001 itself is not selected, since the caps are what a week is measured against."""
    from audit.engine import build_rules
    from rules import ALL_RULES

    only_freq001 = config.model_copy(update={"select": ["FREQ001"], "ignore": []})
    rules = build_rules(only_freq001, lang, ALL_RULES)
    if len(rules) != 1:  # pragma: no cover - FREQ001 is in the registry
        raise CommapError("FREQ001 is not registered")
    return dict(rules[0].options.caps)
