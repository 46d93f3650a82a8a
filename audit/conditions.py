"""The step-condition grammar of SPEC §2, in English and Russian, and conditions in words.

```
condition := ["not" | "не"] feedback [step-ref] [within]
           | ("event" | "событие") event-id [within]
           | ("no event" | "нет события") event-id [within]
within    := ("within" | "в течение" | "за") duration
```

Recognised beyond the strict grammar (the words live in `audit/vocab/conditions.toml`):

* a leading `if` / `если`, `только тем, кто`, `only those who`, a subject (`клиент`, `the customer`),
  a trailing full stop;
* feedback words in their usual forms: `открыл`, `открыто`, `opened`; `прочитал`, `read`;
  `кликнул`, `перешёл по ссылке`, `нажал`, `clicked`, `tapped`; `доставлено`, `получил`,
  `delivered`; `дозвонились`, `взял трубку`, `answered`, `picked up`; `ответил`, `replied`
  (`ответил` on a call is `answered`); negation `не`, `not`, `didn't`, `no`, `так и не`;
  the object first as well: `если письмо не открыто`, `if the email was not opened`, `SMS не доставлено`;
* the awaited step named in words rather than by id:
  - by a **channel word** — письмо/email/рассылка, SMS/смс/смску, пуш/push/уведомление,
    WhatsApp/Telegram/Viber/мессенджер/чат, звонок/call, in their usual forms (`по пушу`,
    `пуш-уведомление`, `в вайбере`): `Condition.channel`; the importer resolves it to the latest
    earlier step of the scenario on a channel of that kind (a step on the very messenger named,
    if there is one);
  - by an **ordinal** — `второе письмо`, `SMS №2`, `первое сообщение`, `first email`,
    `the 2nd push`: `Condition.ordinal`, the n-th step of that channel kind (of any channel
    without a channel word) in the scenario;
  - with no channel word and no step id (`не открыл`, `не открыл предыдущее`, `didn't open it`,
    `не прочитал сообщение`), the step before this one;
  - words describing the message after a channel word are ignored (`не открыл письмо со скидкой`);
* periods in words: `в течение суток`, `в течение недели`, `within a day`, `within an hour`;
* business events:
  - "no purchase" — `нет покупки 3 дня`, `не было заказа в течение 7 дней`, `не купил`,
    `не оплатил заказ`, `no purchase within 3 days`, `did not buy within 3 days`, `no order in 7d` —
    as `no event` on the map's purchase event (an event whose id, name or analytics key says
    purchase, order paid, покупка, оплата…), or on an event `purchase` when the map has none;
  - "did not pay" — `не оплатил подписку`, `не продлил`, `didn't pay`, `did not pay the invoice` —
    as `no event` on the map's payment event; free text (MAP006) when the map has none;
* **audience filters** — `только тем, у кого нет приложения`, `for app users only`,
  `если есть карта лояльности`, `only if opted in to SMS` — as a `filter` condition: it says who
  gets the step, not what they did with an earlier one, so no rule reads feedback from it and
  MAP006 does not report it. Text that also holds a feedback word is not taken for a filter.

What the importer (`audit/importer/normalized.py`) does with words it cannot place:

* a feedback word followed by an ordinary word that is no step of the scenario, holds no digit and
  is no near-miss of a step id (`если получил скидку`, `если ответ положительный`, `open the app`)
  is free text: the importer drops the parse and MAP006 reports it;
* a step id that names no step (`не открыл S9`) stays a reference, and MAP001 reports it;
* a channel word or ordinal that names no step of the scenario (`не открыл письмо` with no
  earlier email step, `третье SMS` with two) is free text for MAP006 too: the condition cannot be
  checked, but nothing in the map is misspelt. When an earlier step's channel kind is unknown
  (a channel named `Mindbox`), a channel word without an ordinal keeps meaning the step before.

Anything else returns None and is reported by MAP006 as a free-text condition.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from audit.model import Condition, ConditionKind
from audit.values import duration_minutes
from audit.vocab import load

FEEDBACKS = ("delivered", "opened", "clicked", "read", "replied", "answered", "bounced", "unsubscribed")

_VOCAB = load("conditions")


def _alternation(patterns) -> str:
    return "|".join(f"(?:{pattern})" for pattern in patterns)


# canonical feedback's words (regex, matched at a word start) → canonical feedback
_FEEDBACK_WORDS: tuple[tuple[str, str], ...] = tuple(
    (_alternation(patterns), canonical) for canonical, patterns in _VOCAB["feedback"].items()
)
_FEEDBACK_RE = "|".join(f"(?:{pattern})" for pattern, _ in _FEEDBACK_WORDS)
_FEEDBACK_ANYWHERE = re.compile(rf"(?<!\w)(?:{_FEEDBACK_RE})(?!\w)", re.IGNORECASE)

_WORDS = _VOCAB["words"]
_FILLER = frozenset(_WORDS["filler"])
_STEP_WORDS = frozenset(_WORDS["step"])
_CONNECTIVES = frozenset({"и", "или", "а", "но", "and", "or", "but", "не", "not", "no"})
# a channel word, possibly with a hyphenated tail in letters: "пуш-уведомление", "SMS-сообщение"
_CHANNEL_WORDS = tuple(
    (name, re.compile(rf"(?:{_alternation(patterns)})(?:-[^\W\d_]+)*", re.IGNORECASE))
    for name, patterns in _VOCAB["channel_words"].items()
)
_WEAK_CHANNEL_WORDS = tuple(
    (name, re.compile(rf"(?:{_alternation(patterns)})(?:-[^\W\d_]+)*", re.IGNORECASE))
    for name, patterns in _VOCAB["weak_channel_words"].items()
)
_CHANNEL_KINDS: dict[str, str] = dict(_VOCAB["channel_kinds"])
_ORDINAL_WORDS = {word: int(n) for n, words in _VOCAB["ordinals"].items() for word in words}
_ORDINAL_NUMBER = re.compile(r"#(\d{1,2})|(\d{1,2})(?:st|nd|rd|th|-?(?:е|ое|й|ой|ий|я|ая|ю|ую|го|ого|му|ому|м|ом))",
                             re.IGNORECASE)
_NUMBER_SIGN = re.compile(r"(?:№|#)\s*(?=\d)")
_FILTER = re.compile(rf"(?<!\w)(?:{_alternation(_VOCAB['filter']['patterns'])})(?!\w)", re.IGNORECASE)

_DURATION_WORDS = {"суток": 1440, "сутки": 1440, "дня": 1440, "день": 1440, "часа": 60, "час": 60,
                   "недели": 10080, "неделю": 10080, "a day": 1440, "one day": 1440, "an hour": 60,
                   "one hour": 60, "a week": 10080, "one week": 10080}
# possessive quantifiers, so that a long run of digits cannot be split every possible way (ReDoS)
_DURATION = (r"(?:\d++(?:[.,]\d++)?+\s*+[a-zа-яё]*+\.?+(?:\s*+\d++(?:[.,]\d++)?+\s*+[a-zа-яё]*+\.?+)*+|"
             + "|".join(sorted(_DURATION_WORDS, key=len, reverse=True)) + ")")
_WITHIN = rf"(?:\s+(?:within|in|after|for|в\s+течение|в\s+течении|за|через|спустя)\s+(?P<within>{_DURATION}))?"
_LEAD = (rf"^(?:(?:{_alternation(_VOCAB['lead'])})\s+)?"
         rf"(?:(?:{_alternation(_VOCAB['subject'])})\s+)?")
_NOT = rf"(?P<not>{_alternation(_VOCAB['negation'])})"

_FEEDBACK_CONDITION = re.compile(
    _LEAD
    + rf"(?:{_NOT}\s+)?"
    + rf"(?P<feedback>{_FEEDBACK_RE})"
    # the words naming the step, shortest first so that a period after them is read as `within`
    + r"(?P<ref>(?:\s++\S++)*?)"
    + _WITHIN
    + r"$",
    re.IGNORECASE,
)
_EVENT_CONDITION = re.compile(
    _LEAD
    + r"(?P<no>no\s+event|нет\s+события|event|событие)\s+(?P<event>[^\s]+)"
    + _WITHIN
    + r"$",
    re.IGNORECASE,
)
# "if the email was not opened" / "если второе письмо не открыто": object before the verb.
_OBJECT_FIRST = re.compile(
    _LEAD
    + r"(?P<ref>\S++(?:\s++\S++){0,3}?)\s+(?:(?:was|is|has|have|had|were)\s+)?"
    + rf"{_NOT}\s+"
    + rf"(?:been\s+)?(?P<feedback>{_FEEDBACK_RE})"
    + _WITHIN
    + r"$",
    re.IGNORECASE,
)


# "нет покупки 3 дня", "no purchase within 3 days": the map's purchase event, resolved by the importer
# (audit/importer/normalized.py) to the map's purchase event, or to PURCHASE_UNRESOLVED without one.
# The placeholder is no valid id, so an explicit `no event purchase` is never taken for it.
PURCHASE = "<purchase>"
PURCHASE_UNRESOLVED = "purchase"
# "не оплатил подписку", "didn't pay": the map's payment event; without one the condition is free text.
PAYMENT = "<payment>"
# words of the map's payment event, most specific first (searched in an event's id, name, analytics key)
PAYMENT_EVENT_WORDS: tuple[str, ...] = tuple(_VOCAB["payment"]["event_words"])
_PURCHASE_CONDITION = re.compile(
    _LEAD
    + r"(?:(?:no|нет|не было|without|не совершил[аи]?|не сделал[аи]?|не оформил[аи]?|did not make an?|"
    + r"didn't make an?|did not place an?|didn't place an?)\s+"
    + r"(?P<what>purchase|order|payment|покупки|покупок|покупку|заказа|заказов|заказ|оплаты|оплату)"
    + r"|не купил[аи]?|did not buy|didn't buy|no purchases)"
    + r"(?:\s+(?:within|in|for|в течение|в течении|за))?\s*(?P<within>" + _DURATION + r")?$",
    re.IGNORECASE,
)
_PAYMENT = _VOCAB["payment"]
_PAYMENT_CONDITION = re.compile(
    _LEAD
    + rf"(?:{_alternation(_PAYMENT['verbs'])})"
    + rf"(?:\s+(?:(?P<purchase>{_alternation(_PAYMENT['purchase_objects'])})|{_alternation(_PAYMENT['objects'])}))?"
    + r"(?:\s+(?:within|in|for|в течение|в течении|за))?\s*(?P<within>" + _DURATION + r")?$",
    re.IGNORECASE,
)


def canonical_feedback(word: str) -> str | None:
    """`открыл`, `opened`, `Open` → `opened`; None for a word that names no feedback."""
    for pattern, canonical in _FEEDBACK_WORDS:
        if re.fullmatch(pattern, word, re.IGNORECASE):
            return canonical
    return None


def channel_kind(channel: str | None) -> str | None:
    """The channel kind a condition's channel word stands for: `viber` → `messenger`, `sms` → `sms`."""
    if channel is None:
        return None
    return _CHANNEL_KINDS.get(channel, channel)


def _channel_of_word(word: str) -> str | None:
    if any(ch.isdigit() for ch in word):
        return None
    return next((name for name, pattern in _CHANNEL_WORDS if pattern.fullmatch(word)), None)


def channel_word(label: str) -> str | None:
    """The channel a label names in the condition words (`Viber (Edna)` → `viber`), else None."""
    for word in re.split(r"[\s()/,;:]+", label.replace("ё", "е").replace("Ё", "Е")):
        name = _channel_of_word(word)
        if name is not None:
            return name
    return None


def _ordinal(word: str) -> int | None:
    if word in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[word]
    match = _ORDINAL_NUMBER.fullmatch(word)
    if match:
        number = int(match.group(1) or match.group(2))
        return number or None
    return None


def _within(match: re.Match) -> int | None:
    raw = match.group("within")
    if not raw:
        return None
    return _DURATION_WORDS.get(raw.casefold()) or duration_minutes(raw)


def _reference(raw: str) -> tuple[str | None, str | None, int | None]:
    """(step id, channel word, ordinal) of the words naming the awaited step; ValueError when unreadable."""
    tokens = [t.strip(".,;:!?«»\"'()") for t in _NUMBER_SIGN.sub("#", raw).split()]
    channels: list[str] = []
    weak: list[str] = []
    ordinals: list[int] = []
    rest: list[str] = []
    for token in filter(None, tokens):
        word = token.casefold()
        if word in _FILLER:
            continue
        number = _ordinal(word)
        if number is not None:
            ordinals.append(number)
            continue
        name = _channel_of_word(word)
        if name is not None:
            channels.append(name)
            continue
        name = next((n for n, pattern in _WEAK_CHANNEL_WORDS if pattern.fullmatch(word)), None)
        if name is not None:
            weak.append(name)
            continue
        rest.append(token)
    channel = _one_channel(channels) or (weak[0] if weak else None)
    if len(set(ordinals)) > 1:
        raise ValueError("two ordinals")
    ordinal = ordinals[0] if ordinals else None
    step_ref = None
    if len(rest) == 2 and rest[0].casefold() in _STEP_WORDS:
        step_ref = rest[1]
    elif len(rest) == 1 and (channel is None or any(ch.isdigit() for ch in rest[0])):
        step_ref = rest[0]
    elif rest and channel is not None and not any(ch.isdigit() for word in rest for ch in word):
        # "не открыл письмо со скидкой": words describing the message; not a second condition
        if any(w.casefold() in _CONNECTIVES or _FEEDBACK_ANYWHERE.fullmatch(w) for w in rest):
            raise ValueError("more than one condition")
    elif rest:
        raise ValueError("more than one word after the feedback")
    if step_ref is not None and ordinal is not None:
        raise ValueError("a step id and an ordinal")
    return step_ref, channel, ordinal


def _one_channel(channels: list[str]) -> str | None:
    """The channel of the words: one kind, the named messenger over the word `мессенджер`."""
    if not channels:
        return None
    if len({channel_kind(c) for c in channels}) > 1:
        raise ValueError("two channels")
    return next((c for c in channels if c != channel_kind(c)), channels[0])


_EVENT_WORDS = _VOCAB["event_in_words"]
QUOTES = "«»\"'“”„"  # the marks a name may stand in: «Покупка», "Purchase", „…“
# "No Ride completed", «нет события «Отзыв оставлен»», "Licence verified has not happened", «после события X»
_EVENT_ABSENT = re.compile(
    _LEAD + rf"(?:(?:{_alternation(_EVENT_WORDS['absent_lead'])})\s+(?:(?:{_alternation(_EVENT_WORDS['event_word'])})\s+)?"
    rf"(?P<lead>.+?)|(?:(?:{_alternation(_EVENT_WORDS['event_word'])})\s+)?(?P<tail>.+?)\s+"
    rf"(?:{_alternation(_EVENT_WORDS['absent_tail'])}))"
    rf"(?:\s+(?:{_alternation(_EVENT_WORDS['since'])}))?$", re.IGNORECASE)
_EVENT_AFTER = re.compile(
    _LEAD + rf"(?:{_alternation(_EVENT_WORDS['after_lead'])})\s+(?:(?:{_alternation(_EVENT_WORDS['event_word'])})\s+)?"
    rf"(?P<event>.+)$", re.IGNORECASE)


@lru_cache(maxsize=8192)
def event_in_words(raw: str) -> tuple[ConditionKind, str] | None:
    """(no_event or event, the words naming the event) for a condition written around an event's
    name; the caller decides whether the words name one of the map's events."""
    cleaned = " ".join(raw.replace("ё", "е").replace("Ё", "Е").split()).rstrip(".!")
    match = _EVENT_ABSENT.match(cleaned)
    if match:
        kind, words = ConditionKind.NO_EVENT, match.group("lead") or match.group("tail")
    else:
        match = _EVENT_AFTER.match(cleaned)
        if not match:
            return None
        kind, words = ConditionKind.EVENT, match.group("event")
    words = words.strip(QUOTES + " .,")
    return (kind, words) if words else None


# "If opened email #1 = false", "clicked push #2 is true": a workflow tool's branch, the answer written after it
_ASSERTED = re.compile(r"\s*(?:==?|:|\bis\b)\s*(?P<value>false|true|no|yes|нет|да)$", re.IGNORECASE)
_FALSE = frozenset({"false", "no", "нет"})
_KEY_ASSERTED = re.compile(r"^(?:(?:if|если|when|когда)\s+)?(?P<event>[a-z][a-z0-9]*(?:[_.][a-z0-9]+)+)$", re.IGNORECASE)


@lru_cache(maxsize=8192)
def parse_condition(raw: str) -> Condition | None:
    """The structured condition, or None when the text is not in the grammar."""
    cleaned = " ".join(raw.replace("ё", "е").replace("Ё", "Е").split()).rstrip(".!")
    asserted = _ASSERTED.search(cleaned)
    if asserted:
        cleaned = cleaned[:asserted.start()]
    if not cleaned:
        return None
    try:
        parsed = _parse(cleaned)
    except ValueError:
        parsed = None
    if parsed is None and asserted and (key := _KEY_ASSERTED.match(cleaned)):
        parsed = Condition(kind=ConditionKind.EVENT, event=key.group("event"))  # "If demo_attended = false"
    if parsed is not None and asserted and asserted.group("value").casefold() in _FALSE:
        if parsed.kind is ConditionKind.FEEDBACK:
            parsed = replace(parsed, negated=not parsed.negated)  # "opened = false": not opened
        elif parsed.kind in (ConditionKind.EVENT, ConditionKind.NO_EVENT):
            parsed = replace(parsed, kind=ConditionKind.NO_EVENT if parsed.kind is ConditionKind.EVENT
                             else ConditionKind.EVENT)
    if parsed is None and _FILTER.search(cleaned) and not _FEEDBACK_ANYWHERE.search(cleaned):
        return Condition(kind=ConditionKind.FILTER)
    if parsed is None and (remark := _TRAILING_REMARK.search(cleaned)) and remark.start() > 0:
        return parse_condition(cleaned[:remark.start()])  # «…не доставлен (нет приложения / выключены пуши)»
    return parsed


_TRAILING_REMARK = re.compile(r"\s*\([^()]*\)\s*$")


def _parse(cleaned: str) -> Condition | None:
    match = _PURCHASE_CONDITION.match(cleaned)
    if match:
        return Condition(kind=ConditionKind.NO_EVENT, event=PURCHASE, within_minutes=_within(match))
    match = _PAYMENT_CONDITION.match(cleaned)
    if match:
        event = PURCHASE if match.group("purchase") else PAYMENT
        return Condition(kind=ConditionKind.NO_EVENT, event=event, within_minutes=_within(match))
    match = _EVENT_CONDITION.match(cleaned)
    if match:
        no = match.group("no").casefold()
        kind = ConditionKind.NO_EVENT if no.startswith(("no", "нет")) else ConditionKind.EVENT
        return Condition(kind=kind, event=match.group("event").strip(".,"), within_minutes=_within(match))
    for pattern in (_FEEDBACK_CONDITION, _OBJECT_FIRST):
        match = pattern.match(cleaned)
        if not match:
            continue
        feedback = canonical_feedback(match.group("feedback"))
        if feedback is None:
            continue
        step_ref, channel, ordinal = _reference(match.group("ref") or "")
        if feedback == "replied" and channel_kind(channel) == "call":
            feedback = "answered"  # "не ответил на звонок"
        return Condition(
            kind=ConditionKind.FEEDBACK,
            negated=bool(match.group("not")),
            feedback=feedback,
            step_ref=step_ref,
            within_minutes=_within(match),
            channel=channel,
            ordinal=ordinal,
        )
    return None
