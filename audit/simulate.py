"""`commap simulate`: what one customer receives from every scenario of the map together.

A persona (TOML or flags) names the segments the customer is in, the events that happen to them
and how they react on each channel kind. The simulation is deterministic:

* a trigger or service scenario starts each time its trigger event happens to the persona, when
  the persona is in one of its segments (directly, through a parent, or through `*`; `*` leaves
  out excluded segments, the whole base does not); a regular scenario fires on its schedule
  (`weekly`, «1 раз в 2 недели`…) from the start of the window, on its weekdays when it names them;
  a one-off mailing with no schedule whose first step names a date («05.12.2026 11:00», «24.12»:
  the next such day) goes out that day, and a later step naming a date waits for it;
* each step is sent after its delay from the step before it (or from the trigger), at its send
  time when it has one (the next such time at or after the delay);
* a step's condition belongs to the link into it: when it does not hold the path stops there.
  A feedback condition is judged on the persona's reaction to the step it names — but only
  feedback the channel reports counts: "not opened" after an SMS always holds, since an SMS never
  reports an open; an event condition on the persona's events;
* a stop event ends the scenario; a goal reached without a stop event does not, and what is sent
  after it is marked "after the goal";
* an excluded persona never gets promo, news or content steps (a "whole base" mailing included);
  the chain goes on past a withheld step, so its service steps still arrive;
* loops are followed to the end of the window (or their stated repeat limit);
* paused and switched-off scenarios are skipped; planned ones only with `include_planned`;
* what cannot be simulated — a condition in free text or an audience filter, a delay that was
  not understood, a trigger that names no event — is listed as such, never guessed.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from audit import loops, timing
from audit.errors import MapReadError
from audit.tomlfile import read_toml
from audit.graph import MapGraph, step_node
from audit.model import ConditionKind, MessageType, Scenario, ScenarioType, Status, Step, id_key

MARKETING = frozenset({MessageType.PROMO, MessageType.NEWS, MessageType.CONTENT})
REACTIONS = ("none", "delivered", "opens", "clicks", "reads", "replies", "answers")
# what a reaction means in feedback words (SPEC §2): opening implies delivery, clicking an open…
_FEEDBACK_OF_REACTION = {
    "none": frozenset(),
    "delivered": frozenset({"delivered"}),
    "opens": frozenset({"delivered", "opened"}),
    "clicks": frozenset({"delivered", "opened", "clicked"}),
    "reads": frozenset({"delivered", "opened", "read"}),
    "replies": frozenset({"delivered", "opened", "read", "replied", "clicked"}),
    "answers": frozenset({"delivered", "answered"}),
}
# What the timeline says, in the report language (quotes as the audit's messages use them).
TEXTS = {
    "en": {
        "trigger": "trigger {event}", "schedule": "schedule {schedule}", "after": "after {step}",
        "on_date": "on {date}",
        "always": " ('{channel}' does not report '{feedback}': the condition always holds)",
        "loop_past": "'{scenario}': the loop through '{step}' runs on past the end of the window",
        "loop_many": "'{scenario}' sends more than {limit} messages",
        "timing": "'{step}': the timing '{text}' was not understood, so the step and what follows it are not simulated",
        "free_text": "'{step}': the condition '{text}' is free text, so the step and what follows it are not "
                     "simulated",
        "filter": "'{step}': the audience filter '{text}' cannot be judged for a persona, so the step and what "
                  "follows it are not simulated",
        "no_start": "'{scenario}' names no trigger event and no schedule",
        "no_schedule": "'{scenario}': the schedule '{schedule}' was not understood",
        "after_goal": "'{step}' goes out after the customer reached the goal of '{scenario}' (no stop event on it)",
        "too_close": "'{first}' and '{second}' arrive within {minutes} minutes of each other",
        "over_cap": "week {week}: {count} {kind} messages, cap {cap}",
        "counted_to": "'{scenario}' counts to a date ({anchor}) the persona does not give: taken as {at}, when "
                      "its earliest reminder is due",
        "the_date": "its date",
    },
    "ru": {
        "trigger": "триггер {event}", "schedule": "расписание {schedule}", "after": "после {step}",
        "on_date": "в день {date}",
        "always": " (канал «{channel}» не сообщает «{feedback}»: условие выполняется всегда)",
        "loop_past": "«{scenario}»: цикл через «{step}» продолжается и после конца окна",
        "loop_many": "«{scenario}» отправляет больше {limit} сообщений",
        "timing": "«{step}»: срок «{text}» не распознан — шаг и всё после него не моделируются",
        "free_text": "«{step}»: условие «{text}» записано свободным текстом — шаг и всё после него не "
                     "моделируются",
        "filter": "«{step}»: фильтр аудитории «{text}» нельзя проверить для персоны — шаг и всё после него не "
                  "моделируются",
        "no_start": "У «{scenario}» нет ни триггерного события, ни расписания",
        "no_schedule": "«{scenario}»: расписание «{schedule}» не распознано",
        "after_goal": "«{step}» уходит после того, как клиент достиг цели «{scenario}» (на ней нет стоп-события)",
        "too_close": "«{first}» и «{second}» приходят с разницей не больше {minutes} мин",
        "over_cap": "неделя {week}: {kind} — {count} сообщ. при пределе {cap}",
        "counted_to": "«{scenario}» отсчитывает от даты ({anchor}), которой нет у персоны: принята {at} — "
                      "когда наступает срок самого раннего напоминания",
        "the_date": "её дата",
    },
}
MAX_SENDS = 5_000  # per scenario run: a loop without a bound is followed to the window, never further
DEFAULT_HOUR = time(10, 0)  # when a regular mailing goes out that names no time


class PersonaEvent(BaseModel):
    model_config = ConfigDict(extra="forbid")

    at: str
    event: str

    @field_validator("at")
    @classmethod
    def _offset(cls, value: str) -> str:
        parse_offset(value)
        return value


class Persona(BaseModel):
    """One customer: who they are, what happens to them, how they react (TOML or flags)."""

    model_config = ConfigDict(extra="forbid")

    name: str = "persona"
    segments: list[str] = Field(default_factory=list)
    days: int = Field(30, ge=1, le=3660)
    start: date | None = None
    reacts: dict[str, str] = Field(default_factory=dict)
    events: list[PersonaEvent] = Field(default_factory=list)

    @field_validator("reacts")
    @classmethod
    def _reactions(cls, value: dict[str, str]) -> dict[str, str]:
        for kind, reaction in value.items():
            if reaction not in REACTIONS:
                raise ValueError(f"reacts.{kind}: '{reaction}' is not one of {', '.join(REACTIONS)}")
        return value

    def reaction(self, kind: str) -> str:
        return self.reacts.get(kind, self.reacts.get("*", "none"))


_OFFSET = re.compile(r"^\s*(?:(\d+)\s*w)?\s*(?:(\d+)\s*d)?\s*(?:(\d{1,2}):(\d{2})|(\d+)\s*h)?\s*(?:(\d+)\s*m)?\s*$",
                     re.IGNORECASE)


def parse_offset(text: str) -> timedelta:
    """`0d`, `2d 19:00`, `1w`, `1d19h`, `36h`, `90m`: a time after the start of the window."""
    match = _OFFSET.match(text)
    if not match or not text.strip():
        raise ValueError(f"'{text}' is not a time like 0d, 2d 19:00, 1w or 1d19h")
    weeks, days, hour, minute, hours, minutes = (int(g) if g else 0 for g in match.groups())
    return timedelta(weeks=weeks, days=days, hours=hour + hours, minutes=minute + minutes)


def load_persona(path: str | Path) -> Persona:
    path = Path(path)
    data = read_toml(path, "the persona")
    try:
        return Persona.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(p) for p in error["loc"])
        raise MapReadError(path, f"key '{where}': {error['msg']}") from None


@dataclass(slots=True)
class Send:
    at: datetime
    scenario: Scenario
    step: Step
    kind: str  # channel kind
    because: str
    after_goal: bool = False


@dataclass(slots=True)
class Notice:
    kind: str  # over-cap, too-close, after-goal, loop-unbounded, not-simulated, assumed-date
    at: datetime | None
    message: str


@dataclass
class Simulation:
    persona: Persona
    start: datetime
    end: datetime
    sends: list[Send] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)
    weeks: list[dict] = field(default_factory=list)


class _Run:
    """One firing of one scenario for the persona."""

    def __init__(self, sim: "_Simulator", scenario: Scenario, started: datetime, because: str) -> None:
        self.sim, self.scenario, self.started, self.because = sim, scenario, started, because
        self.sent: dict[tuple[str, str], datetime] = {}
        stops = [sim.first_event(id_key(e), started) for e in scenario.stop_events]
        self.stopped_at = min((at for at in stops if at is not None), default=None)
        self.goal_at = sim.first_event(id_key(scenario.goal_event), started) if scenario.goal_event else None
        self.counted_to: datetime | None = None  # the date a "3 days before renewal" chain counts to

    def walk(self) -> None:
        g = self.sim.graph
        steps = g.steps_by_scenario.get(self.scenario.key, [])
        if not steps:
            return
        limit = None
        cycles = g.step_cycles.get(self.scenario.key, [])
        if cycles:
            bound, times = loops.loop_bound(self.scenario, cycles[0])
            limit = times if bound == loops.REPEAT else None
        queue: list[tuple[Step, datetime, Step | None]] = [(steps[0], self.started, None)]
        visits: dict[tuple[str, str], int] = {}
        sends = 0
        while queue:
            step, previous_at, previous = queue.pop(0)
            visits[step.key] = visits.get(step.key, 0) + 1
            # «до 3 раз»: each step of the loop goes out 3 times, as FREQ001 counts it
            if limit is not None and visits[step.key] > limit:
                continue
            at = self._when(step, previous_at)
            if at is None:
                continue
            if at >= self.sim.end:
                if visits[step.key] > 1:
                    self.sim.warn("loop-unbounded", None, "loop_past", scenario=self.scenario.label, step=step.id)
                continue
            if self.stopped_at is not None and at >= self.stopped_at:
                continue
            if not self._holds(step, at):
                continue
            if not self._allowed(step):  # withheld from this customer; the chain goes on past it
                queue.extend((successor, at, previous) for successor in self._successors(step))
                continue
            sends += 1
            if sends > MAX_SENDS:
                self.sim.warn("loop-unbounded", at, "loop_many", scenario=self.scenario.label, limit=MAX_SENDS)
                return
            self.sent[step.key] = at
            self.sim.send(self, step, at, previous)
            queue.extend((successor, at, step) for successor in self._successors(step))

    def _successors(self, step: Step) -> list[Step]:
        graph = self.sim.graph.graph
        name = step_node(step)
        return [graph.nodes[s]["record"] for s in graph.successors(name) if graph.edges[name, s].get("kind") == "next"]

    def _when(self, step: Step, previous_at: datetime) -> datetime | None:
        parsed = timing.parse_timing(step.timing_text) if step.timing_text else None
        written = parsed.send_date if parsed else None
        if written and step.delay_minutes is None:  # «28.11 18:00»: the touch goes out that day
            return _on_date(written, _hour(step), previous_at)
        if parsed and parsed.recurrence and step.delay_minutes is None and self.scenario.schedule \
                and not parsed.unread:
            return previous_at  # «каждый понедельник в 10:00» on a mailing's step: its schedule, restated
        if parsed and parsed.anchor_relation == "before" and parsed.offset_minutes is not None \
                and step.delay_minutes is None and not parsed.unread:
            return self._before_the_date(step, parsed, previous_at)
        if step.delay_minutes is None and step.timing_text and not _only_a_send_time(step.timing_text):
            self.sim.warn("not-simulated", previous_at, "timing", step=step.ref, text=step.timing_text)
            return None
        at = previous_at + timedelta(minutes=step.delay_minutes or 0)
        if step.send_time:
            hour, minute = (int(x) for x in step.send_time.split(":"))
            moment = at.replace(hour=hour, minute=minute, second=0, microsecond=0)
            at = moment if moment >= at else moment + timedelta(days=1)
        return at

    def _before_the_date(self, step: Step, parsed: timing.Timing, previous_at: datetime) -> datetime:
        """«за 1 день до приёма», "3 days before renewal", «Д-7 10:00»: the date the chain counts to is not the
        persona's to give, so it is taken as the moment its earliest reminder is due at the trigger (the trigger
        fires that long before it); each such step goes out its own offset before that date, at its time of
        day, never before the step it follows. The timeline's warnings say what was assumed."""
        if self.counted_to is None:
            offsets = [t.offset_minutes for s in self.sim.graph.steps_by_scenario.get(self.scenario.key, [])
                       if s.timing_text and s.delay_minutes is None
                       and (t := timing.parse_timing(s.timing_text)).anchor_relation == "before"
                       and t.offset_minutes is not None]
            self.counted_to = self.started + timedelta(minutes=max(offsets, default=0))
            self.sim.warn("assumed-date", self.started, "counted_to", scenario=self.scenario.label,
                          anchor=parsed.anchor_text or self.sim.text("the_date"),
                          at=self.counted_to.strftime("%Y-%m-%d %H:%M"))
        at = self.counted_to - timedelta(minutes=parsed.offset_minutes)
        if step.send_time:
            hour, minute = (int(x) for x in step.send_time.split(":"))
            at = at.replace(hour=hour, minute=minute, second=0, microsecond=0)
        return max(at, previous_at)

    def _holds(self, step: Step, at: datetime) -> bool:
        condition = step.condition
        if condition is None:
            if step.condition_text:
                self.sim.warn("not-simulated", at, "free_text", step=step.ref, text=step.condition_text)
                return False
            return True
        if condition.kind is ConditionKind.FILTER:
            self.sim.warn("not-simulated", at, "filter", step=step.ref, text=step.condition_text)
            return False
        if condition.kind in (ConditionKind.EVENT, ConditionKind.NO_EVENT):
            key = id_key(condition.event or "")
            until = at if condition.within_minutes is None else min(
                at, self.started + timedelta(minutes=condition.within_minutes))
            first = self.sim.first_event(key, self.started)
            happened = first is not None and first <= until
            return happened if condition.kind is ConditionKind.EVENT else not happened
        awaited = self.sim.graph.referenced_step(step)
        if awaited is None or awaited.key not in self.sent:
            return condition.negated  # nothing was sent, so nothing was opened
        channel = self.sim.graph.channel_of(awaited)
        kind = channel.kind.value if channel is not None else "other"
        reported = self.sim.graph.feedback_of_step(awaited)
        if condition.feedback not in reported:
            self.sim.note(step, self.sim.text("always", channel=awaited.channel, feedback=condition.feedback))
            return condition.negated
        reacted = condition.feedback in _FEEDBACK_OF_REACTION[self.sim.persona.reaction(kind)]
        return not reacted if condition.negated else reacted

    def _allowed(self, step: Step) -> bool:
        # a stop-listed customer never gets marketing, even from a mailing "to the whole base"
        # (which COV003 reports as the map's defect)
        return not (self.sim.excluded and step.message_type in MARKETING)


def _hour(step: Step) -> time:
    return time(*(int(x) for x in step.send_time.split(":"))) if step.send_time else DEFAULT_HOUR


def _on_date(written: str, hour: time, not_before: datetime) -> datetime | None:
    """A send date as the timing cell gives it ("2026-12-05", or "--12-24" without a year: the next such
    day from `not_before`) at `hour`; a day that does not exist gives None."""
    if not written.startswith("--"):
        return datetime.combine(date.fromisoformat(written), hour)
    month, day = int(written[2:4]), int(written[5:7])
    for year in (not_before.year, not_before.year + 1):
        try:
            at = datetime.combine(date(year, month, day), hour)
        except ValueError:
            return None
        if at >= not_before:
            return at
    return None


def _only_a_send_time(text: str) -> bool:
    """«в 11:00», "at 10am": no delay, just the time of day — sent at the next such time."""
    parsed = timing.parse_timing(text)
    return (parsed.send_time is not None and parsed.anchor_relation is None and parsed.recurrence is None
            and not parsed.unread)


class _Simulator:
    def __init__(self, graph: MapGraph, persona: Persona, start: datetime, include_planned: bool,
                 lang: str = "en") -> None:
        self.graph, self.persona, self.lang = graph, persona, lang
        self.start, self.end = start, start + timedelta(days=persona.days)
        self.include_planned = include_planned
        self.events = sorted((start + parse_offset(e.at), id_key(e.event)) for e in persona.events)
        self.times: dict[str, list[datetime]] = {}  # event key → when it happens, in order
        for at, key in self.events:
            self.times.setdefault(key, []).append(at)
        keys = {id_key(s) for s in persona.segments}
        known = {s.key: s for s in graph.map.segments}
        self.segment_keys = set(keys)
        for key in keys:
            if key in known:
                self.segment_keys.update(graph.ancestors(known[key]))
        self.excluded = any(known[k].excluded for k in self.segment_keys if k in known)
        self.simulation = Simulation(persona, start, self.end)
        self.notes: dict[tuple[str, str], str] = {}
        self._warned: set[str] = set()

    def first_event(self, key: str, since: datetime) -> datetime | None:
        """When the event next happens to the persona at or after `since`, if it does."""
        times = self.times.get(key, [])
        index = bisect.bisect_left(times, since)
        return times[index] if index < len(times) else None

    def text(self, key: str, /, **params: object) -> str:
        return TEXTS[self.lang][key].format(**params)

    def warn(self, kind: str, at: datetime | None, key: str, /, **params: object) -> None:
        message = self.text(key, **params)
        if message not in self._warned:  # each warning once
            self._warned.add(message)
            self.simulation.warnings.append(Notice(kind, at, message))

    def note(self, step: Step, text: str) -> None:
        self.notes[step.key] = text

    def send(self, run: _Run, step: Step, at: datetime, previous: Step | None) -> None:
        channel = self.graph.channel_of(step)
        kind = channel.kind.value if channel is not None else "other"
        because = run.because if previous is None else self.text("after", step=previous.id)
        if step.condition_text:
            because += f"; {step.condition_text}"
        if step.key in self.notes:
            because += self.notes.pop(step.key)
        after_goal = run.goal_at is not None and at > run.goal_at
        self.simulation.sends.append(Send(at, run.scenario, step, kind, because, after_goal))

    def targets(self, scenario: Scenario) -> bool:
        if scenario.all_segments and (scenario.whole_base or not self.excluded):
            return True
        return any(id_key(ref) in self.segment_keys for ref in scenario.segments)

    def live(self, scenario: Scenario) -> bool:
        return scenario.status is Status.ACTIVE or (self.include_planned and scenario.status is Status.PLANNED)

    def run(self) -> Simulation:
        for scenario in self.graph.map.scenarios:
            if not self.live(scenario) or not self.targets(scenario):
                continue
            one_off = self._send_date(scenario) if not scenario.trigger else None
            if one_off is not None and not timing.schedule_per_week(scenario.schedule):
                if self.start <= one_off < self.end:  # a campaign on a date («Чёрная пятница: 27.11 10:00»)
                    _Run(self, scenario, one_off, self.text("on_date", date=one_off.date().isoformat())).walk()
            elif scenario.type is ScenarioType.REGULAR or (scenario.type is None and scenario.schedule
                                                            and not scenario.trigger):
                self._regular(scenario)
            elif scenario.trigger:
                key = id_key(scenario.trigger)
                for at, event in self.events:
                    if event == key:
                        _Run(self, scenario, at, self.text("trigger", event=scenario.trigger)).walk()
            else:
                self.warn("not-simulated", None, "no_start", scenario=scenario.label)
        self.simulation.sends.sort(key=lambda s: (s.at, s.scenario.label, s.step.id))
        return self.simulation

    def _send_date(self, scenario: Scenario) -> datetime | None:
        """The day and hour a one-off mailing goes out, from its first step's timing cell («27.11.2026
        10:00», «29.11»: a day without a year is the next such day from the window's start)."""
        first = self.graph.steps_by_scenario.get(scenario.key, [None])[0]
        if first is None or not first.timing_text:
            return None
        written = timing.parse_timing(first.timing_text).send_date
        return _on_date(written, _hour(first), self.start) if written else None

    def _regular(self, scenario: Scenario) -> None:
        per_week = timing.schedule_per_week(scenario.schedule)
        if not per_week:
            self.warn("not-simulated", None, "no_schedule", scenario=scenario.label, schedule=scenario.schedule or "")
            return
        parsed = timing.parse_timing(scenario.schedule)
        first = self.graph.steps_by_scenario.get(scenario.key, [None])[0]
        hour = _hour(first) if first else DEFAULT_HOUR
        if parsed.weekdays:
            day = self.start.date()
            while datetime.combine(day, hour) < self.end:
                if day.weekday() in parsed.weekdays and datetime.combine(day, hour) >= self.start:
                    _Run(self, scenario, datetime.combine(day, hour),
                         self.text("schedule", schedule=scenario.schedule)).walk()
                day += timedelta(days=1)
            return
        period = timedelta(days=7 / per_week)
        at = datetime.combine(self.start.date(), hour)
        at = at if at >= self.start else at + timedelta(days=1)
        while at < self.end:
            _Run(self, scenario, at, self.text("schedule", schedule=scenario.schedule)).walk()
            at += period


def simulate(graph: MapGraph, persona: Persona, start: date, caps: dict[str, float],
             too_close_minutes: int = 60, include_planned: bool = False, lang: str = "en") -> Simulation:
    """The persona's timeline over `persona.days` from `persona.start` (or `start`), with its warnings,
    worded in `lang` ("en" or "ru")."""
    begin = datetime.combine(persona.start or start, time(0, 0))
    sim = _Simulator(graph, persona, begin, include_planned, lang)
    result = sim.run()
    for send in result.sends:
        if send.after_goal:
            sim.warn("after-goal", send.at, "after_goal", step=send.step.ref, scenario=send.scenario.label)
    for earlier, later in zip(result.sends, result.sends[1:]):
        if (later.scenario.key != earlier.scenario.key
                and later.at - earlier.at <= timedelta(minutes=too_close_minutes)):
            sim.warn("too-close", later.at, "too_close", first=earlier.step.ref, second=later.step.ref,
                     minutes=too_close_minutes)
    weeks = -(-persona.days // 7)
    for week in range(weeks):
        low, high = begin + timedelta(days=7 * week), begin + timedelta(days=7 * (week + 1))
        by_channel: dict[str, int] = {}
        for send in result.sends:
            if low <= send.at < high:
                by_channel[send.kind] = by_channel.get(send.kind, 0) + 1
        total = sum(by_channel.values())
        over = sorted(kind for kind, count in by_channel.items() if kind in caps and count > caps[kind])
        if "total" in caps and total > caps["total"]:
            over.append("total")
        for kind in over:
            count = total if kind == "total" else by_channel[kind]
            sim.warn("over-cap", low, "over_cap", week=week + 1, count=count, kind=kind, cap=f"{caps[kind]:g}")
        result.weeks.append({"week": week + 1, "by_channel": dict(sorted(by_channel.items())), "total": total,
                             "over_cap": over})
    result.warnings.sort(key=lambda w: (w.at or begin, w.kind, w.message))
    return result
