"""Conditions that say the customer has not done something yet, read against the map's events.

Client maps gate a reminder on the business outcome the chain waits for, in their own words: "No
order yet", "if invoice still unpaid", «вклад не открыт», «если не продлил», «нет переводов». When
the map declares an event for that outcome ("order_placed", "Invoice paid", «Открыт вклад»,
«Продлил абонемент», «Перевод по СБП»), the condition waits on that event's absence — the step is
sent while the event has not happened — exactly as `no event order_placed` would.

The words are matched by their stems (Russian and English): every word of the condition but the
negation, the fillers ("if", "yet", «ещё») and a duration ("in 3 days") must be a word of the
event's name, id or analytics key, and must say at least half of the event's words («не пришёл»
is not «Друг пришёл по гостевому»). An event whose own name is negative («Нет операций по карте
60 дней», "no_order_90d") is a trigger of its own, never the outcome. Among several events the
scenario's goal or stop event wins, then the one with the fewest words beyond the condition's; a
tie leaves the condition as free text (MAP006), as does a condition no event answers.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache

from audit import vocab
from audit.stemming import stem
from audit.model import Condition, ConditionKind, Event, Scenario, Step, id_key

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_MAX_WORDS = 8  # a longer condition is a sentence about more than one outcome


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str], frozenset[str], str]:
    data = vocab.load("conditions")["business"]
    fold = lambda items: frozenset(w.casefold().replace("ё", "е").replace("’", "'") for w in items)  # noqa: E731
    return fold(data["negation"]), fold(data["filler"]), fold(data["units"]), data["negative_prefix"]


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.casefold().replace("ё", "е").replace("’", "'"))


@lru_cache(maxsize=4096)
def outcome_words(text: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """(stems of the outcome a negative condition names, the same words with an English negative prefix
    kept), or None when the text says no "not" or names nothing."""
    negation, filler, units, prefix = _words()
    tokens = _tokens(text)
    if not tokens or len(tokens) > _MAX_WORDS:
        return None
    negated = False
    plain: set[str] = set()
    prefixed: set[str] = set()
    for token in tokens:
        if token in negation:
            negated = True
        elif token in filler or token in units or any(ch.isdigit() for ch in token):
            continue
        elif token.startswith(prefix) and len(token) > len(prefix) + 3 and token.isascii():
            negated = True
            plain.add(stem(token[len(prefix):]))  # "unpaid": not "paid"
            prefixed.add(stem(token))
        else:
            plain.add(stem(token))
            prefixed.add(stem(token))
    if not negated or not plain:
        return None
    return frozenset(plain), frozenset(prefixed)


def _event_words(event: Event) -> frozenset[str] | None:
    """The stems of an event's name, id and analytics key; None for an event whose name is negative."""
    negation, filler, units, _ = _words()
    words: set[str] = set()
    for text in (event.name, event.id, event.analytics_key or ""):
        for token in _tokens(text):
            if token in negation:
                return None
            if token in filler or token in units or any(ch.isdigit() for ch in token):
                continue
            words.add(stem(token))
    return frozenset(words) or None


def negative_name(event: Event) -> bool:
    """An event named by what did not happen («Нет покупок 90 дней», "no_order_90d"): a trigger of its own."""
    negation = _words()[0]
    return any(token in negation for text in (event.name, event.id, event.analytics_key or "")
               for token in _tokens(text))


def resolve_outcome_conditions(steps: list[Step], events: list[Event], scenarios: list[Scenario]) -> None:
    """A free-text condition naming an outcome the map has an event for waits on that event's absence."""
    step_ids = {id_key(step.id) for step in steps}
    waiting = [s for s in steps if s.condition_text and (s.condition is None or feedback_of_no_step(s.condition, step_ids))]
    if not waiting or not events:
        return
    declared = [(event, words) for event in events if (words := _event_words(event))]
    if not declared:
        return
    own_events = {s.key: {id_key(e) for e in (s.goal_event, *s.stop_events) if e} for s in scenarios}
    for step in waiting:
        own = own_events.get(id_key(step.scenario), set())
        event = _outcome_event(step.condition_text, declared, own) or _own_outcome(step.condition_text, events, own)
        if event is not None:
            step.condition = Condition(kind=ConditionKind.NO_EVENT, event=event)


def feedback_of_no_step(condition: Condition, step_ids: set[str]) -> bool:
    """«вклад не открыт», "homework_submitted not received" read as feedback from a step called «вклад» or
    "homework_submitted", which no row numbers and no channel word names: the words may name an event."""
    return (condition.kind is ConditionKind.FEEDBACK and condition.channel is None and bool(condition.step_ref)
            and id_key(condition.step_ref) not in step_ids)


def _outcome_event(text: str, declared: list[tuple[Event, frozenset[str]]], own: set[str]) -> str | None:
    found = outcome_words(text)
    if found is None:
        return None
    matches = []
    for variant in dict.fromkeys(found):  # "unpaid" as "paid", else as written
        for event, words in declared:
            if variant <= words and len(variant) * 2 >= len(words):
                matches.append((id_key(event.id) not in own, len(words - variant), event.id))
        if matches:
            break
    if not matches:  # «не записался на просмотр» and «Запись на просмотр»: the same words in other forms
        said = _said(text)
        for event, words in declared:
            tokens = _event_tokens(event)
            if said and all(any(_loosely_same(word, token) for token in tokens) for word in said) \
                    and len(said) * 2 >= len(words):
                matches.append((id_key(event.id) not in own, len(words) - len(said), event.id))
    if not matches:
        return None
    matches.sort()
    best = matches[0]
    if len(matches) > 1 and matches[1][:2] == best[:2] and matches[1][2] != best[2]:
        return None  # two events answer the words equally well: the map does not say which
    return best[2]


def _own_outcome(text: str, events: list[Event], own: set[str]) -> str | None:
    """«если не записался» in a chain whose goal is «Запись в сервис создана»: a negative condition whose every
    word is a word of the scenario's own goal or stop event (loosely: «записался» / «запись»), though it says
    fewer than half of them, waits on that event's absence — the one such event, or none."""
    if outcome_words(text) is None or not own:
        return None
    said = _said(text)
    found = {event.id for event in events if id_key(event.id) in own and not negative_name(event)
             and all(any(_loosely_same(word, token) for token in _event_tokens(event)) for word in said)}
    return found.pop() if len(found) == 1 and said else None


def _said(text: str) -> list[str]:
    """A condition's words without its negation, fillers, units and numbers, as written."""
    negation, filler, units, _ = _words()
    return [t for t in _tokens(text) if t not in negation and t not in filler and t not in units
            and not any(ch.isdigit() for ch in t)]


def _event_tokens(event: Event) -> list[str]:
    return [token for text in (event.name, event.id, event.analytics_key or "") for token in _tokens(text)]


def _loosely_same(a: str, b: str) -> bool:
    """One word in two forms: the same stem, or a long shared beginning («записался», «запись»)."""
    if stem(a) == stem(b):
        return True
    common = len(os.path.commonprefix([a, b]))
    return common >= 5 and common * 10 >= 7 * min(len(a), len(b))
