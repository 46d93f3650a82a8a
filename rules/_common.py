"""Small helpers shared by rule modules (and reports): kind names in both languages, id suggestions,
numbers with their plural forms and list tails in the report language."""
from __future__ import annotations

import difflib

from audit.fieldnames import FIELDS

KIND_NAMES = {
    "segment": {"en": "segment", "ru": "сегмент"},
    "stage": {"en": "stage", "ru": "этап"},
    "channel": {"en": "channel", "ru": "канал"},
    "event": {"en": "event", "ru": "событие"},
    "scenario": {"en": "scenario", "ru": "сценарий"},
    "step": {"en": "step", "ru": "шаг"},
    "system": {"en": "system", "ru": "система"},
    "integration": {"en": "integration", "ru": "интеграция"},
    "map": {"en": "map", "ru": "карта"},
}

_SUGGESTION = {"en": " (did you mean '{0}'?)", "ru": " (возможно, «{0}»?)"}
SUGGESTION_BUDGET = 1000  # difflib is not free: suggestions for at most this many bad references per rule run


class Suggester:
    """Closest existing id for a misspelt reference, e.g. 'emial' → 'email'."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.budget = SUGGESTION_BUDGET

    def __call__(self, ref: str, candidates: dict[str, str]) -> str:
        """`candidates` maps keys to ids as written; returns '' or ' (did you mean …?)'."""
        if not candidates or self.budget <= 0:
            return ""
        self.budget -= 1
        close = difflib.get_close_matches(ref.casefold(), list(candidates), n=1, cutoff=0.6)
        return _SUGGESTION[self.lang].format(candidates[close[0]]) if close else ""


def kind_name(kind: str, lang: str) -> str:
    return KIND_NAMES[kind][lang]


_FEEDBACK_RU = {"delivered": "доставлено", "opened": "открыто", "clicked": "клик", "read": "прочитано",
                "replied": "ответ", "answered": "дозвон", "bounced": "отказ", "unsubscribed": "отписка"}


def feedback_word(feedback: str, lang: str) -> str:
    """A channel's feedback as the report language names it: "opened" / «открыто»."""
    return _FEEDBACK_RU.get(feedback, feedback) if lang == "ru" else feedback


def column_name(source, fld: str, lang: str) -> str:
    """The header a field was read from; a column the map lacks by its name in the report language
    («расписание», "schedule"), never the field's code."""
    header = source.columns.get(fld) if source is not None else None
    return header or field_name(fld, lang)


def field_name(fld: str, lang: str) -> str:
    return FIELDS.get(fld, {}).get(lang, fld)


def quote(text: str, lang: str) -> str:
    """A name quoted the way the report language quotes: «…» in Russian, '…' in English."""
    return f"«{text}»" if lang == "ru" else f"'{text}'"


def plural(count: float, forms: tuple[str, ...], lang: str) -> str:
    """The word form for `count`: ("step", "steps") in English; ("шаг", "шага", "шагов") in Russian.

    A fraction takes the second Russian form («3,2 контакта»), and the plural in English ("0.5 steps").
    """
    if lang != "ru":
        return forms[0] if count == 1 else forms[1]
    if count != int(count):
        return forms[1]
    count = int(count)
    if count % 10 == 1 and count % 100 != 11:
        return forms[0]
    if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
        return forms[1]
    return forms[2]


def number(value: float, lang: str) -> str:
    """`3`, `3.25`, `0.5` (at most two decimals); with a decimal comma in Russian: `3,25`."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "ru" else text


def counted(count: float, forms: tuple[str, ...], lang: str) -> str:
    """The number and its word: "1 step", "3.2 contacts"; «21 шаг», «3,2 контакта», «5 шагов»."""
    return f"{number(count, lang)} {plural(count, forms, lang)}"


_MORE = {"en": "{count} more {noun}", "ru": "ещё {count} {noun}"}


def more(count: float, forms: tuple[str, ...], lang: str, amount: str = "") -> str:
    """A list's tail: "2 more scenarios (3 contacts)", «ещё 1 сценарий (0,23 контакта)»."""
    text = _MORE[lang].format(count=number(count, lang), noun=plural(count, forms, lang))
    return text + (f" ({amount})" if amount else "")


def listing(items: list[str], lang: str, *, limit: int, forms: tuple[str, ...], sep: str = ", ",
            total: int | None = None) -> str:
    """The first `limit` items joined by `sep`, then the tail for the rest of `total` (default: all items):
    "'a', 'b' and 3 more scenarios" / «a», «b» и ещё 3 сценария."""
    total = len(items) if total is None else total
    shown = list(items[:limit])
    rest = total - len(shown)
    if rest <= 0:
        return sep.join(shown)
    return sep.join(shown) + _AND[lang] + more(rest, forms, lang)


_AND = {"en": " and ", "ru": " и "}


def problem_findings(rule, ctx, **params_of):
    """Findings for the importer's problems of the rule's code (MAP002–MAP004), at their cells.

    `params_of` maps each message parameter to a function of the problem.
    """
    from audit.findings import Entity

    for problem in ctx.map.problems:
        if problem.code == rule.code:
            yield rule.finding(
                None,
                entity=Entity(kind=problem.entity_kind, id=problem.entity_id),
                location=problem.location,
                **{name: get(problem) for name, get in params_of.items()},
            )
