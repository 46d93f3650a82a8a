"""The step-condition grammar of SPEC §2, in English and Russian.

```
condition := ["not" | "не"] feedback [step-ref] [within]
           | ("event" | "событие") event-id [within]
           | ("no event" | "нет события") event-id [within]
within    := ("within" | "в течение" | "за") duration
```

Recognised beyond the strict grammar (documented in docs/conditions.md):

* a leading `if` / `если`, a trailing full stop;
* feedback words in their usual Russian forms (`открыл`, `открыла`, `открыто`, `не открыли`…);
* a missing step reference, or a word meaning "the previous one" (`previous`, `предыдущее`,
  `письмо`, `the email`, `sms`…), which refers to the step before this one;
* periods in words: `в течение суток`, `в течение недели`, `within a day`, `within an hour`;
* "no purchase" phrasings — `нет покупки 3 дня`, `не было заказа в течение 7 дней`,
  `если не совершил покупку в течение 3 дней`, `не купил`, `no purchase within 3 days`,
  `did not buy within 3 days`, `no order in 7d` — as `no event` on the map's purchase event
  (an event whose id, name or analytics key says purchase, order paid, покупка, оплата…), or on
  an event `purchase` when the map has none;
* a feedback word followed by an ordinary word that is no step of the scenario, holds no digit and
  is no near-miss of a step id (`если получил скидку`, `если ответ положительный`, `open the app`)
  is free text: the importer drops the parse and MAP006 reports it.

Anything else returns None and is reported by MAP006 as a free-text condition.
"""
from __future__ import annotations

import re
from functools import lru_cache

from audit.model import Condition, ConditionKind
from audit.values import duration_minutes

FEEDBACKS = ("delivered", "opened", "clicked", "read", "replied", "answered", "bounced", "unsubscribed")

# feedback stem (regex, matched at a word start) → canonical feedback
_FEEDBACK_WORDS: tuple[tuple[str, str], ...] = (
    (r"delivered|доставлен\w*|доставил\w*|получил\w*", "delivered"),
    (r"opened|open|откр\w*", "opened"),
    (r"clicked|click|клик\w*|кликнул\w*|перешел\w*|перешёл\w*|перешл\w*", "clicked"),
    (r"read|прочит\w*|прочел\w*|прочёл\w*", "read"),
    (r"replied|reply|answered the message|ответил\w*|ответ", "replied"),
    (r"answered|picked up|дозвон\w*|взял трубку|снял трубку", "answered"),
    (r"bounced|bounce", "bounced"),
    (r"unsubscribed|отписал\w*", "unsubscribed"),
)
_FEEDBACK_RE = "|".join(f"(?:{pattern})" for pattern, _ in _FEEDBACK_WORDS)

# Words that stand for "the step before this one" rather than a step id.
_PREVIOUS_WORDS = frozenset(
    "previous prev last the email message letter sms push it this on in link button a "
    "предыдущее предыдущий предыдущую предыдущего прошлое письмо письма сообщение сообщения смс "
    "пуш его её ее это по в ссылке ссылку ссылка кнопке кнопку письме сообщении".split()
)

_DURATION_WORDS = {"суток": 1440, "сутки": 1440, "дня": 1440, "день": 1440, "часа": 60, "час": 60,
                   "недели": 10080, "неделю": 10080, "a day": 1440, "one day": 1440, "an hour": 60,
                   "one hour": 60, "a week": 10080, "one week": 10080}
# possessive quantifiers, so that a long run of digits cannot be split every possible way (ReDoS)
_DURATION = (r"(?:\d++(?:[.,]\d++)?+\s*+[a-zа-яё]*+\.?+(?:\s*+\d++(?:[.,]\d++)?+\s*+[a-zа-яё]*+\.?+)*+|"
             + "|".join(sorted(_DURATION_WORDS, key=len, reverse=True)) + ")")
_WITHIN = rf"(?:\s+(?:within|in|в\s+течение|в\s+течении|за|через)\s+(?P<within>{_DURATION}))?"
_LEAD = r"^(?:if\s+|если\s+)?"

_FEEDBACK_CONDITION = re.compile(
    _LEAD
    + r"(?:(?P<not>not|не|did\s+not|didn't|has\s+not|hasn't|was\s+not|wasn't)\s+)?"
    + rf"(?P<feedback>{_FEEDBACK_RE})"
    + r"(?P<ref>(?:\s+(?!within\b|in\b|в\b|за\b|через\b)[^\s]+)*?)"
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
# "if the email was not opened" / "если письмо не открыто": object before the verb.
_OBJECT_FIRST = re.compile(
    _LEAD
    + r"(?P<ref>(?:the\s+)?[^\s]+)\s+(?:was\s+|is\s+|has\s+|has\s+been\s+|was\s+not\s+been\s+)?"
    + r"(?P<not>not|не|wasn't|isn't|hasn't)\s+"
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
_PURCHASE_CONDITION = re.compile(
    _LEAD
    + r"(?:(?:no|нет|не было|without|не совершил[аи]?|не сделал[аи]?|не оформил[аи]?|did not make an?|"
    + r"didn't make an?|did not place an?|didn't place an?)\s+"
    + r"(?P<what>purchase|order|payment|покупки|покупок|покупку|заказа|заказов|заказ|оплаты|оплату)"
    + r"|не купил[аи]?|did not buy|didn't buy|no purchases)"
    + r"(?:\s+(?:within|in|for|в течение|в течении|за))?\s*(?P<within>" + _DURATION + r")?$",
    re.IGNORECASE,
)


def canonical_feedback(word: str) -> str | None:
    """`открыл`, `opened`, `Open` → `opened`; None for a word that names no feedback."""
    for pattern, canonical in _FEEDBACK_WORDS:
        if re.fullmatch(pattern, word, re.IGNORECASE):
            return canonical
    return None


def _within(match: re.Match) -> int | None:
    raw = match.group("within")
    if not raw:
        return None
    return _DURATION_WORDS.get(raw.casefold()) or duration_minutes(raw)


def _step_ref(raw: str) -> str | None:
    words = raw.split()
    if not words:
        return None
    if all(word.casefold().strip(".,") in _PREVIOUS_WORDS for word in words):
        return None
    if len(words) == 1:
        return words[0].strip(".,")
    if len(words) == 2 and words[0].casefold() in ("step", "шаг", "the"):
        return words[1].strip(".,")
    raise ValueError("more than one word after the feedback")


@lru_cache(maxsize=8192)
def parse_condition(raw: str) -> Condition | None:
    """The structured condition, or None when the text is not in the grammar."""
    cleaned = " ".join(raw.replace("ё", "е").replace("Ё", "Е").split()).rstrip(".!")
    if not cleaned:
        return None
    try:
        return _parse(cleaned)
    except ValueError:
        return None


def _parse(cleaned: str) -> Condition | None:
    match = _PURCHASE_CONDITION.match(cleaned)
    if match:
        return Condition(kind=ConditionKind.NO_EVENT, event=PURCHASE, within_minutes=_within(match))
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
        return Condition(
            kind=ConditionKind.FEEDBACK,
            negated=bool(match.group("not")),
            feedback=feedback,
            step_ref=_step_ref(match.group("ref") or ""),
            within_minutes=_within(match),
        )
    return None
