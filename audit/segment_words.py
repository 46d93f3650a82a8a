"""What a segment's own words say it is: the stop list, VIP, or the whole base (SPEC §2).

Clients rarely fill in an `excluded` or `tier` column; they name the segment «Стоп-лист (отказ
от рекламы)», "Do-not-contact", «VIP-клиенты», and send a promo to «вся база». The words live in
`audit/vocab/segments.toml` (RU and EN, word forms through stems); this module matches them.

* `means_excluded(*texts)` — an id, a name or a description cell says "stop list";
* `means_vip(*texts)` — an id or a name says VIP / premium / key accounts;
* `whole_base(ref)` — a scenario's segment cell says "the whole base", and whether an exception
  after it («вся база, кроме стоп-листа») takes the stop list out.

A meaning word right after a negation («не в стоп-листе», "non-VIP", «без стоп-листа») does not
count. Words are matched as whole words or stems, never as letters inside another word: "VIP"
does not fire inside "Vipassana", "staff" not inside "staffing", "top" not inside "stop".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from audit import vocab

_WORD = re.compile(r"[^\W_]+")

Spelling = tuple[str, bool]  # (letters, prefix match)
Phrase = tuple[tuple[Spelling, ...], ...]


def words_of(text: str) -> tuple[str, ...]:
    """Lower-case words, ё = е; punctuation, hyphens and underscores separate words."""
    return tuple(_WORD.findall(text.casefold().replace("ё", "е")))


def _compile(phrase: str) -> Phrase:
    compiled = []
    for word in phrase.split():
        compiled.append(tuple((s.rstrip("*").replace("ё", "е"), s.endswith("*")) for s in word.split("|")))
    return tuple(compiled)


def _fits(word: str, spellings: tuple[Spelling, ...]) -> bool:
    for letters, prefix in spellings:
        if letters == "#":
            if word.isdigit():
                return True
        elif word == letters or (prefix and word.startswith(letters)):
            return True
    return False


def _match_at(words: tuple[str, ...], start: int, phrase: Phrase) -> int:
    """The number of words `phrase` covers at `start`, or 0."""
    if start + len(phrase) > len(words):
        return 0
    for offset, spellings in enumerate(phrase):
        if not _fits(words[start + offset], spellings):
            return 0
    return len(phrase)


@cache
def _table(concept: str) -> tuple[Phrase, ...]:
    return tuple(_compile(p) for p in vocab.load("segments")[concept]["phrases"])


@cache
def _negations() -> frozenset[str]:
    return frozenset(vocab.load("segments")["negation"]["words"])


def _negated(words: tuple[str, ...], start: int) -> bool:
    """A negation one word before, or two before across a short preposition («не в стоп-листе»)."""
    before = words[max(0, start - 2):start]
    if before and before[-1] in _negations():
        return True
    return len(before) == 2 and before[0] in _negations() and len(before[1]) <= 3


@lru_cache(maxsize=1 << 14)
def _mentions(text: str, concept: str) -> bool:
    words = words_of(text)
    for start in range(len(words)):
        for phrase in _table(concept):
            if _match_at(words, start, phrase) and not _negated(words, start):
                return True
    return False


def means_excluded(*texts: str) -> bool:
    """Whether any of the texts (id, name, description) names the stop list."""
    return any(text and _mentions(text, "excluded") for text in texts)


def means_vip(*texts: str) -> bool:
    """Whether any of the texts (id, name) names VIP customers."""
    return any(text and _mentions(text, "vip") for text in texts)


@dataclass(frozen=True)
class WholeBase:
    """A segment cell that says "the whole base"; `exception` is what follows «кроме» / "except"."""

    exception: str = ""


@cache
def _whole_base_words() -> tuple[frozenset[str], frozenset[str], tuple[tuple[str, ...], ...]]:
    table = vocab.load("segments")["whole_base"]
    exceptions = tuple(sorted((words_of(e) for e in table["except"]), key=len, reverse=True))
    return frozenset(table["lead"]), frozenset(table["tail"]), exceptions


def exception_at(words: tuple[str, ...], start: int) -> int:
    """The number of words of an exception word («кроме», "but not") at `start`, or 0."""
    for exception in _whole_base_words()[2]:
        if words[start:start + len(exception)] == exception:
            return len(exception)
    return 0


@lru_cache(maxsize=1 << 12)
def whole_base(ref: str) -> WholeBase | None:
    """`ref` read as "the whole base" («вся база», "all customers", "everyone"), else None.

    The phrase must be the whole cell item, apart from a leading "the" / «для», one trailing word
    such as «клиентов», and an exception after it: «Все клиенты старше 30» is a segment, not the
    whole base.
    """
    lead, tail, _ = _whole_base_words()
    words = words_of(ref)
    start = 0
    while start < len(words) and words[start] in lead:
        start += 1
    for phrase in _table("whole_base"):
        covered = _match_at(words, start, phrase)
        if not covered:
            continue
        end = start + covered
        if end < len(words) and words[end] in tail:
            end += 1
        if end == len(words):
            return WholeBase()
        skip = exception_at(words, end)
        if skip:
            return WholeBase(" ".join(words[end + skip:]))
    return None
