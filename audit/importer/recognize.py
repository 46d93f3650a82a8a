"""Recognition: raw sheets → a reading plan (sheet roles, header rows, column → field).

Clients name their sheets and columns in their own words, so nothing here matches names
exactly. For each sheet and each candidate header row (one row, or two rows read together),
every header cell is scored against the header words of `audit/vocab/headers.toml`: words are
stemmed (snowball, Russian or English by script), compared in any order, extra words allowed,
small typos tolerated (rapidfuzz). The values below a column add evidence (channel names,
timings, dates, statuses, message types, step numbers, known segment names). Each role then
takes the best overall assignment of fields to columns — a pair (column, field) is taken in
order of score, each column and each field once — and the sheet gets the role whose assignment,
plus how well the sheet's name fits it, scores best. The plan is plain data: `commap inspect`
prints it, the report shows it, a `--columns` file overrides it, and the reader follows it.
"""
from __future__ import annotations

import re
from datetime import date
from dataclasses import dataclass, field, replace
from functools import lru_cache

from rapidfuzz import fuzz, process

from audit import values, vocab
from audit.stemming import stem
from audit.importer.columns import ColumnMapping
from audit.importer.flat import PACKED_FIELDS, TouchColumn, chain_cell, numbered_touches, packed_touch
from audit.importer.workbook import RawSheet

HEADER_SCAN_ROWS = 30
VALUE_SAMPLE = 120  # cells looked at below a header: enough to tell channels from dates
MIN_SCORE = 0.45  # below this a column stays unread
NAME_BONUS = 1.0  # how much a sheet name that names the role counts, next to the columns' scores
TABLE_ROLES = ("segments", "stages", "channels", "events", "scenarios", "steps", "systems", "integrations", "flat",
               "scenario_sheet")
UNREAD_FIELDS = ("notes", "counter")  # recognised, but carry nothing the audit reads

_TOKEN = re.compile(r"[№#]|[^\W_]+")
_STOP = frozenset("""в во на по и для с со к о об а же ли или от до из у за при мы вы
    the a an of in on for and or is are by at it its we our be""".split())  # "to"/"from" name integration columns


@lru_cache(maxsize=1 << 14)
def stems(text: str) -> tuple[str, ...]:
    """The meaningful words of a header or phrase, stemmed, in order."""
    return tuple(stem(w) for w in _TOKEN.findall(text.casefold()) if w not in _STOP)


@dataclass(slots=True)
class ColumnPlan:
    index: int  # 0-based column
    header: str
    field: str | None
    confidence: float
    evidence: str  # "header", "values", "both", "mapping", or "" when unread
    group: str | None = None  # the channel a column group is about ("Email: тема", "SMS: когда") as written
    head: bool = False  # in a sheet of blocks: a column of the scenario's facts row, not of its steps
    touch: int | None = None  # a column per touch, each cell a whole touch as text («Касание 2»): its number
    day: str | None = None  # a timeline's day column ("Day 3", «День 7»): its header, the timing of its touches
    chain: bool = False  # each cell holds a scenario's whole chain as a numbered list of touches
    calendar: bool = False  # a content calendar's week or date column: each cell is that week's issue of the mailing
    tick: bool = False  # a column per channel ticked on the row that goes through it ("Push ✓ | Email ✓", TRUE/✓)


@dataclass(slots=True)
class SheetPlan:
    name: str
    role: str  # a TABLE_ROLES entry, "meta" or "ignore"
    header_row: int | None = None  # 0-based index of the (lower) header row
    header_rows: int = 1  # 2 when the header spans two rows
    columns: list[ColumnPlan] = field(default_factory=list)
    confidence: float = 0.0
    by_mapping: bool = False  # the role came from the --columns file
    channel: str | None = None  # a sheet per channel ("Email", «Звонки»): the channel its rows go through
    end_row: int | None = None  # 0-based row where the table stops (a second table below it), None: the end
    rows_read: int = 0  # rows below the header that held something (filled in by the reader)
    rows_skipped: int = 0  # blank rows below the header
    turned_at: int | None = None  # a transposed sheet (one record per column): the 0-based row its table starts at

    def fields(self) -> dict[str, tuple[int, str]]:
        """field → (column, header) for the columns the reader takes (column groups aside)."""
        return {c.field: (c.index, c.header) for c in self.columns
                if c.field and c.field not in UNREAD_FIELDS and c.group is None and not c.head and c.touch is None
                and not c.calendar and not c.tick}

    def touches(self) -> dict[int, TouchColumn]:
        """touch number → its column, for a sheet whose touches are written as text (a column per touch,
        a timeline's day columns, a chain listed in one cell)."""
        return {c.touch: TouchColumn(c.index, c.header, c.day, c.chain) for c in self.columns if c.touch is not None}

    def head_fields(self) -> dict[str, tuple[int, str]]:
        """In a sheet of blocks: field → (column, header) of the scenario facts row above each block's steps."""
        return {c.field: (c.index, c.header) for c in self.columns if c.head and c.field
                and c.field not in UNREAD_FIELDS}

    def groups(self) -> dict[str, dict[str, tuple[int, str]]]:
        """channel as written → its columns' fields, for a sheet with a column group per channel."""
        found: dict[str, dict[str, tuple[int, str]]] = {}
        for c in self.columns:
            if c.field and c.group is not None and not c.head:
                found.setdefault(c.group, {}).setdefault(c.field, (c.index, c.header))
        return found


@dataclass(slots=True)
class MapFact:
    field: str
    value: object
    sheet: str
    row: int  # 1-based
    label: str
    error: str = ""  # on the Map sheet: why the value cannot be read (a spreadsheet error, no date)


@dataclass
class ReadingPlan:
    path: str
    sheets: list[SheetPlan]
    facts: list[MapFact] = field(default_factory=list)


# --- vocabulary ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Role:
    name: str
    fields: tuple[str, ...]
    required: tuple[str, ...]
    sheet_words: tuple[tuple[str, ...], ...]
    phrases: tuple[tuple[str, tuple[str, ...], float], ...]  # (field, stems, weight)


# an explicit "ID"/"Код" column outranks the entity word; "Flow" beside "Flow ID" is the flow's name
_ROLE_WORD_WEIGHT = {"id": 0.95, "name": 0.9, "scenario_name": 0.9}


@lru_cache(maxsize=1)
def _roles() -> dict[str, _Role]:
    data = vocab.load("headers")
    shared = data["fields"]
    roles = {}
    for name, spec in data["roles"].items():
        phrases: list[tuple[str, tuple[str, ...], float]] = []
        own = spec.get("own_words", [])  # fields this role names only in its own words
        for fld in spec.get("fields", []):
            phrases.extend((fld, stems(p), 1.0) for p in shared.get(fld, []) if fld not in own)
            phrases.extend((fld, stems(p), _ROLE_WORD_WEIGHT.get(fld, 1.0))
                           for p in spec.get("words", {}).get(fld, []))
        roles[name] = _Role(
            name=name,
            fields=tuple(spec.get("fields", [])),
            required=tuple(spec.get("required", [])),
            sheet_words=tuple(stems(p) for p in spec.get("sheet", [])),
            phrases=tuple(p for p in phrases if p[1]),
        )
    return roles


@lru_cache(maxsize=1)
def _known_stems() -> tuple[str, ...]:
    known = {s for role in _roles().values() for _, phrase, _ in role.phrases for s in phrase}
    known |= {s for role in _roles().values() for phrase in role.sheet_words for s in phrase}
    return tuple(sorted(known))


@lru_cache(maxsize=1)
def _known_words() -> tuple[str, ...]:
    """Every word of the header vocabulary as written (lower case), for typos a stem does not survive."""
    data = vocab.load("headers")
    phrases = [*(p for words in data["fields"].values() for p in words)]
    for spec in data["roles"].values():
        phrases += [p for words in spec.get("words", {}).values() for p in words] + list(spec.get("sheet", []))
    return tuple(sorted({w for p in phrases for w in _TOKEN.findall(p.casefold()) if len(w) >= 6}))


@lru_cache(maxsize=1 << 14)
def _spelled(word: str) -> str:
    """A header word, or the vocabulary word it misspells when its stem would not say so: «следуюший» (stem
    «следуюш») is «следующий» (stem «след»); a word the vocabulary knows, or a short one, stays."""
    if len(word) < 6 or stem(word) in _known_stems():
        return word
    match = process.extractOne(word, _known_words(), scorer=fuzz.ratio, score_cutoff=88)
    return match[0] if match else word


@lru_cache(maxsize=1 << 14)
def _canonical(token: str) -> str:
    """A header word as the vocabulary spells it: itself, or the known stem it is a typo of."""
    known = _known_stems()
    if token in known or len(token) < 5:
        return token
    match = process.extractOne(token, known, scorer=fuzz.ratio, score_cutoff=85)
    return match[0] if match else token


_ID_WORDS = frozenset({"id", "ид", "код", "code", "key", "№", "#"})  # «№ цеп.» numbers the chain: its id
# Fields that refer to another record: a header that adds "ID" to the entity word ("Scenario ID",
# "Код сегмента") holds the reference, and outranks a column of the same name that holds its title.
_REFERENCE_FIELDS = frozenset({"id", "scenario", "segments", "stage", "trigger", "goal_event", "stop_event", "parent",
                               "channel", "from", "to"})


_ABBREVIATION = re.compile(r"([^\W\d_]{2,})\.")


@lru_cache(maxsize=1 << 14)
def _expansions(text: str) -> frozenset[str]:
    """What abbreviated words may stand for: «Канал отпр.» → отправк…, «Тр. событие» → триггер…,
    «Отв.» → ответствен: every known stem that starts with the letters before the full stop."""
    found: set[str] = set()
    for word in _ABBREVIATION.findall(text.casefold().replace("ё", "е")):
        if word in _STOP:
            continue
        found.update(known for known in _known_stems() if known.startswith(word) and known != word)
    return frozenset(found)


@lru_cache(maxsize=64)
def _phrase_index(phrases: tuple) -> dict[str, list]:
    """stem → the phrases that hold it, so that a header is only compared with phrases it could match; each
    as (field, its stems as a set, weight, words counted, words counted beside an "ID", a reference field)."""
    index: dict[str, list] = {}
    for fld, phrase, weight in phrases:
        item = (fld, frozenset(phrase), weight, len(phrase), sum(1 for p in phrase if p not in _ID_WORDS),
                fld in _REFERENCE_FIELDS)
        for token in set(phrase):
            index.setdefault(token, []).append(item)
    return index


@lru_cache(maxsize=1 << 14)
def _header_words(text: str) -> tuple[frozenset[str], bool, int] | None:
    """A header's words as the vocabulary spells them (with what its abbreviations may stand for), whether it
    says "ID", and how many words count against a phrase; None for a header of no meaningful word."""
    tokens = tuple(_canonical(stem(_spelled(w))) for w in _TOKEN.findall(text.casefold()) if w not in _STOP)
    if not tokens:
        return None
    present = frozenset(tokens) | _expansions(text)
    marked_id = bool(present & _ID_WORDS)
    extra = sum(1 for t in tokens if t not in _ID_WORDS) if marked_id else len(tokens)
    return present, marked_id, extra


def phrase_score(text: str, phrases) -> dict[str, float]:
    """field → how well `text` says it: 1 for an exact phrase, less for each extra word."""
    words = _header_words(text)
    if words is None:
        return {}
    present, marked_id, extra = words
    scores: dict[str, float] = {}
    by_stem = _phrase_index(phrases)
    candidates = {item for token in present for item in by_stem.get(token, ())}
    for fld, phrase, weight, counted_all, counted_beside_id, reference in candidates:
        if phrase <= present:
            counted = counted_beside_id if marked_id else counted_all
            score = weight * (counted + 1) / (max(extra, counted) + 1) + 0.02 * (counted - 1)
            # (of two headers saying a field whole, the one saying more of it: «Событие-триггер» over «Триггер»)
            if marked_id and reference:
                score += 0.05
            if marked_id and phrase & _ID_WORDS:
                score += 0.1  # "Action ID" said as a phrase of its own beats "Action" (a channel) marked as an id
            if score > scores.get(fld, 0.0):
                scores[fld] = score
    return scores


@lru_cache(maxsize=1 << 14)
def header_scores(text: str, role: str) -> dict[str, float]:
    if len(text) > 80:
        return {}
    scores = phrase_score(text, _roles()[role].phrases)
    parts = [p for p in _ALTERNATIVES.split(text) if p.strip()]
    if 2 <= len(parts) <= 3:  # "Segment / list": two words for one thing read as either of them alone
        each = [phrase_score(p, _roles()[role].phrases) for p in parts]
        for fld in set.intersection(*(set(e) for e in each)):
            scores[fld] = max(scores.get(fld, 0.0), min(e[fld] for e in each))
    return scores


_ALTERNATIVES = re.compile(r"\s*/\s*")


_EXPORT_SEPARATOR = re.compile(r"\s[-–—]\s")
_VIEW_SUFFIX = re.compile(r"-[^-]*\bview$", re.IGNORECASE)  # Airtable's CSV `<table>-<view>`: "Steps-Grid view"


def sheet_name_score(name: str, role: str) -> float:
    """How well a sheet's name names a role; a Google Sheets download `<book> - <sheet>` by its sheet part, an
    Airtable table's download `<table>-Grid view` by its table."""
    name = _VIEW_SUFFIX.sub("", _EXPORT_SEPARATOR.split(name)[-1]) or name
    tokens = {_canonical(t) for t in stems(name)}
    if not tokens:
        return 0.0
    best = 0.0
    for phrase in _roles()[role].sheet_words:
        if phrase and all(p in tokens for p in phrase):
            best = max(best, (len(phrase) + 1) / (len(tokens) + 1))
    return best


# --- values --------------------------------------------------------------------------------------

@dataclass(slots=True)
class _ColumnValues:
    count: int = 0
    shares: dict[str, float] = field(default_factory=dict)
    counter: bool = False  # 1, 2, 3 … N down the whole sheet: a row counter
    repeats: bool = False  # 1, 1, 1, 2, 3, 3: a number per chain, repeated on its rows
    coded: bool = False  # the numbers are those of codes such as «К1», "c2": they may be ids of anything
    numbering: bool = False  # small whole numbers that start again: touches numbered within scenarios
    distinct: bool = False  # no value twice: an id per row, never a chain's name written on each of its rows


_CODE = re.compile(r"^\s*[^\W\d_]{1,3}\s*[-.#№]?\s*(\d{1,3})\s*$")
_TIMING = re.compile(
    r"^\s*(?:\+?\d+(?:[.,]\d+)?\s*[a-zа-яё]{0,8}\.?\s*)+$|сразу|через|после|спустя|на\s+\d+|след\w*\s+день|"
    r"\bдн|\bчас|\bмин|недел|immediately|\bafter\b|\bbefore\b|later|\bday\b|\bdays\b|\bhours?\b|next day|"
    r"\bза\s+\d+|\bв\s+\d{1,2}[:.]\d{2}|\bat\s+\d|\d{1,2}:\d{2}|asap|instantly|same day|weekly|monthly|daily|"
    r"еженед|ежемес|ежеднев|раз в|каждый|каждую|по (?:понед|вторн|сред|четв|пятн|субб|воскр)",
    re.IGNORECASE)
_CONDITION = re.compile(r"^\s*(?:если|if|не\s|not\s|didn|did not|нет\s|no\s|when\s|only|только|при\s|unless)",
                        re.IGNORECASE)


@lru_cache(maxsize=1 << 16)
def _word_kinds(text: str) -> frozenset[str]:
    """Which value vocabularies a cell's text belongs to (channel, status, message_type, scenario_type)."""
    from audit.importer.schema import CHANNEL_KINDS, MESSAGE_TYPES, SCENARIO_TYPES, STATUSES

    kinds = set()
    for name, aliases in (("channel", CHANNEL_KINDS), ("status", STATUSES), ("message_type", MESSAGE_TYPES),
                          ("scenario_type", SCENARIO_TYPES)):
        try:
            if values.choice(text, aliases, "", fuzzy=False) is not None:  # evidence: no guessing at typos
                kinds.add(name)
        except ValueError:
            pass
    if "channel" not in kinds and len(text.split()) > 1:  # «Отправить SMS», «Задача менеджеру: позвонить»
        named = {CHANNEL_KINDS[w] for w in (values.normalize_word(t) for t in _WORDS.findall(text)) if w in CHANNEL_KINDS}
        if len(named) == 1:
            kinds.add("channel")
    return frozenset(kinds)


_WORDS = re.compile(r"[^\W_]+")
_LIST_START = re.compile(r"^\s*\d{1,2}\s*[).]\s*\S")  # «2) SMS через 2 часа…»: an item of a numbered list
_KINDS = ("channel", "timing", "date", "status", "message_type", "scenario_type", "bool", "number", "condition",
          "segment", "long", "sentence", "packed", "chain", "chain_on")


@lru_cache(maxsize=1 << 16, typed=True)
def _cell_kinds(value: object, text: str, month_first: bool) -> tuple[tuple[str, ...], float | None]:
    """What one cell looks like (the kinds of `_KINDS` but "segment", which depends on the map) and its number:
    worked out once per distinct cell, though every candidate header row looks at the cells below it. A
    slashed date reads by the workbook's order (`month_first`, part of the key)."""
    kinds = list(_word_kinds(text)) if len(text) <= 60 else []
    if _TIMING.search(text) and not text.replace(".", "", 1).isdigit():  # a bare number says nothing
        kinds.append("timing")
    if _is_date(value):
        kinds.append("date")
    try:
        if values.boolean(value) is not None:
            kinds.append("bool")
    except ValueError:
        pass
    try:
        number = values.number(value)
        kinds.append("number")
    except ValueError:
        number = None
    if _CONDITION.search(text):
        kinds.append("condition")
    if len(text) > 40:
        kinds.append("long")
    if len(text.split()) >= 4:
        kinds.append("sentence")
    if len(text) <= 300 and packed_touch(text) is not None:
        kinds.append("packed")
    if len(text) <= 3000 and ("\n" in text or _LIST_START.match(text)) and chain_cell(text):
        kinds.append("chain")
        items = numbered_touches(text)
        if items and items[0][0] > 1:
            kinds.append("chain_on")  # «2) если не прочитал… 3) …»: a list begun in the column before
    return tuple(kinds), number


def _column_values(rows: list[list[object]], col: int, start: int, segment_names: frozenset[str]) -> _ColumnValues:
    cells = []
    numbers: list[float | None] = []
    for raw in rows[start:start + VALUE_SAMPLE]:
        value = raw[col] if col < len(raw) else ""
        text = values.text(value)
        if not text:
            continue
        cells.append((value, text))
    result = _ColumnValues(count=len(cells))
    if not cells:
        return result
    result.distinct = len({text for _, text in cells}) == len(cells)
    counts = dict.fromkeys(_KINDS, 0)
    month_first = values.SLASH_MONTH_FIRST.get()
    for value, text in cells:
        try:
            kinds, number = _cell_kinds(value, text, month_first)
        except TypeError:  # a cell value that cannot be hashed: worked out uncached
            kinds, number = _cell_kinds.__wrapped__(value, text, month_first)
        for kind in kinds:
            counts[kind] += 1
        numbers.append(number)
        if segment_names and any(values.normalize_word(part) in segment_names for part in values.id_list(text)):
            counts["segment"] += 1
    result.shares = {k: v / len(cells) for k, v in counts.items()}
    whole = [n for n in numbers if n is not None and float(n).is_integer() and 0 <= n <= 1000]
    if len(whole) < len(cells):  # touch codes «К1», "S2", "T-3": their numbers
        coded = [_CODE.match(text) for _, text in cells]
        if all(coded):
            whole = [int(m.group(1)) for m in coded]
            result.coded = True
    if len(whole) == len(cells) and len(whole) >= 3:
        result.counter = whole == [whole[0] + i for i in range(len(whole))]
        rising = any(b < a for a, b in zip(whole, whole[1:]))
        # a column that repeats its value down the rows numbers the chains, not the touches in them
        repeats = (not rising and max(whole) > 1  # all 1s: chains of one step each
                   and sum(1 for a, b in zip(whole, whole[1:]) if a == b) * 2 >= len(whole))
        result.numbering = not result.counter and not repeats and max(whole) <= 60 and rising
        result.repeats = repeats
    return result


def _is_date(value: object) -> bool:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return False  # a bare number is a size or a step far more often than a date serial
    try:
        return values.day(value) is not None
    except ValueError:
        return False


def _value_bonus(fld: str, info: _ColumnValues, numbered_elsewhere: bool) -> float:
    """How much the values below a column support (or contradict) reading it as `fld`."""
    s = info.shares
    if not info.count:
        return 0.0
    if fld == "channel" or fld == "kind":
        return 0.6 * s["channel"] - (0.3 if s["channel"] < 0.2 and info.count >= 3 else 0.0)
    if fld == "scenario" and info.count >= 2 and not info.coded and (info.counter or info.numbering or (
            info.shares.get("number", 0.0) == 1.0 and not info.repeats)):
        return -0.8  # plain numbers that do not repeat down the rows count rows or steps, they name no chain
    if fld == "system":  # "Send via: Email / Push / SMS" names the channel; the platform is another column
        return -0.6 if s["channel"] >= 0.8 and info.count >= 3 else 0.0
    if fld == "delay":
        return 0.5 * s["timing"]
    if fld == "schedule":
        return 0.3 * s["timing"]
    if fld == "last_reviewed":
        return 0.5 * s["date"] - (0.3 if s["date"] < 0.3 else 0.0)
    if fld == "status":
        return 0.5 * s["status"]
    if fld == "message_type":
        return 0.5 * s["message_type"] - (0.2 if s["message_type"] < 0.2 and info.count >= 3 else 0.0)
    if fld == "type":
        return 0.4 * s["scenario_type"]
    if fld == "step":
        if info.repeats:
            return -0.6
        return 0.4 if info.numbering else (-0.6 if info.counter and numbered_elsewhere else 0.0)
    if fld == "counter":
        return 0.4 if info.counter and numbered_elsewhere else -1.0
    if fld == "condition":
        return 0.4 * s["condition"]
    if fld == "segments":
        return 0.5 * s["segment"]
    if fld == "parent":
        # "Кто входит: Подписались на рассылку, покупок нет" describes the segment; it names none
        return -0.6 * s["sentence"] if s["segment"] < 0.5 else 0.0
    if fld in ("excluded", "tracked", "final", "orchestration"):
        return 0.3 * s["bool"]
    if fld in ("size", "cost", "order"):
        return 0.3 * s["number"] - (0.3 if s["number"] < 0.5 else 0.0)
    if fld == "message":
        return 0.3 * s["long"]
    if fld in ("id", "name") and info.count >= 2 and s["date"] >= 0.8:
        return -0.6  # "Last event received": dates name no record
    return 0.0


# Fields a column may take on its values alone, with the share of cells that must say so.
_VALUES_ONLY = (("channel", "channel", 0.7), ("delay", "timing", 0.8), ("status", "status", 0.8),
                ("message_type", "message_type", 0.8), ("condition", "condition", 0.8))


# --- one sheet -----------------------------------------------------------------------------------

@dataclass(slots=True)
class _Candidate:
    role: str
    header_row: int
    header_rows: int
    columns: list[ColumnPlan]
    score: float


TITLE_JOIN = " › "  # a group title and the column under it («Сценарий › Сегмент»)


def _header_texts(rows: list[list[object]], index: int, span: int) -> list[str]:
    """Each column's header: one row, or the upper and lower rows read together (upper first). An upper
    cell naming a channel over its sub-columns ("Email" over «Когда | Текст») makes them that channel's
    column group, written as one cell would be: "Email: Когда"; beside such titles, another title
    («Сценарий» over «Название | Сегмент») only groups its columns: «Сценарий › Сегмент»."""
    width = max(len(rows[i]) for i in range(index, index + span))
    titles = span == 2 and _channel_titles(rows[index]) >= 2  # an upper row of channel and other group titles
    texts = []
    upper_carry = ""
    for col in range(width):
        parts = []
        for i in range(index, index + span):
            cell = values.text(rows[i][col]) if col < len(rows[i]) else ""
            if span == 2 and i == index:
                # a group header over several columns is written once, in its first column (over columns
                # with headers of their own: an empty column past the table's end is in no group)
                lower = values.text(rows[i + 1][col]) if col < len(rows[i + 1]) else ""
                cell = cell or (upper_carry if lower else "")
                upper_carry = cell or upper_carry
            if cell and cell not in parts:
                parts.append(cell)
        parts = [" ".join(p.split()) for p in parts]
        if len(parts) == 2 and _names_channel(parts[0]):
            texts.append(f"{parts[0]}: {parts[1]}")
        elif len(parts) == 2 and titles:
            texts.append(f"{parts[0]}{TITLE_JOIN}{parts[1]}")
        else:
            texts.append(" ".join(parts))
    return texts


@lru_cache(maxsize=1 << 12)
def names_channel(text: str) -> bool:
    from audit.importer.schema import CHANNEL_KINDS

    return values.normalize_word(text) in CHANNEL_KINDS


_names_channel = names_channel


_NUMBERED_HEADER = re.compile(r"^(\D*?)\s*[№#]?\s*(\d{1,2})$")
TOUCH_ROLES = ("flat", "steps")
PACKED_SHARE = 0.5  # of a column's cells that read as a whole touch (a channel, and when or what)


def _touch_columns(role: _Role, headers: list[str], infos: list[_ColumnValues],
                   mapping: ColumnMapping, sheet_name: str) -> dict[int, ColumnPlan]:
    """Columns whose cells hold whole touches as text ("через 2 дня → Email «…»"): column → its plan.
    Columns numbered as touches («Касание 1», "Step 2", «Сообщение 3») or a timeline's day columns
    ("Day 0 | Day 3", «День 1», "D+7"), two such columns at least (one numbered column is an ordinary
    column that happens to carry a number); or a column whose cells list a scenario's whole chain,
    numbered ("1) Email, сразу — «…»\n2) Push, через 1 день…"), whatever its header says."""
    if role.name not in TOUCH_ROLES:
        return {}
    found: dict[int, ColumnPlan] = {}
    for col, header in enumerate(headers):
        chosen = mapping.field_for_header(header, sheet_name)
        if chosen not in (None, "step"):
            continue  # a --columns file may name such a column `step` (what `inspect --write-columns` writes)
        confidence, evidence = (1.0, "mapping") if chosen == "step" else (0.9, "both")
        packed = infos[col].shares.get("packed", 0.0) >= PACKED_SHARE
        day = day_header(header)
        match = _NUMBERED_HEADER.match(" ".join(header.split()))
        if match and packed and day is None:
            scores = header_scores(match.group(1).strip(" -_.:"), role.name)
            best = max(scores.items(), key=lambda item: (item[1], item[0]), default=("", 0.0))
            if best[0] in ("step", "message") and best[1] >= 0.99:
                found[col] = ColumnPlan(col, header, "step", confidence, evidence, touch=int(match.group(2)))
        elif day is not None and packed:
            found[col] = ColumnPlan(col, header, "step", confidence, evidence, touch=len(found) + 1, day=day)
    if len({p.touch for p in found.values()}) < 2:
        found = {}
    chains = [col for col, info in enumerate(infos) if info.shares.get("chain", 0.0) >= PACKED_SHARE
              and mapping.field_for_header(headers[col], sheet_name) in (None, "step")]
    if len(chains) > 1:  # «Касания» then «Если нет реакции / дожим»: one numbered list over two columns
        starts = [col for col in chains if infos[col].shares.get("chain_on", 0.0) < 0.5]
        chains = chains if len(starts) == 1 and starts[0] == chains[0] else []
    for touch, col in enumerate(chains if not found else [], start=1):
        mapped = mapping.field_for_header(headers[col], sheet_name) == "step"
        found[col] = ColumnPlan(col, headers[col], "step", 1.0 if mapped else 0.9, "mapping" if mapped else "values",
                                touch=touch, chain=True)
    return found


_DAY_HEADER = re.compile(r"^(?:[^\W\d_]{1,6}\.?\s*\+?\s*\d{1,3}|\+\s*\d{1,3}\s*[^\W\d_]{1,6}\.?)$")


@lru_cache(maxsize=1 << 12)
def day_header(header: str) -> str | None:
    """A timeline's column header naming a day of the chain ("Day 3", «День 7», "D+7", «Д0», "+2 дня"):
    the header, as the timing of the touches under it; None for any other header."""
    from audit.timing import parse_timing

    text = " ".join(header.split())
    if not _DAY_HEADER.match(text):
        return None
    timing = parse_timing(text)
    return text if timing.understood and timing.delay_minutes is not None and not timing.anchor_relation else None


def _assign(role: _Role, headers: list[str], infos: list[_ColumnValues],
            mapping: ColumnMapping, sheet_name: str) -> tuple[list[ColumnPlan], float]:
    candidates: list[tuple[float, int, int, str, str]] = []  # (score, -col, -field order, field, evidence)
    order = {f: i for i, f in enumerate(role.fields)}
    touches = _touch_columns(role, headers, infos, mapping, sheet_name)
    mapped: dict[int, str] = {}
    # only plain numbers that start again make another 1..N column a row counter ("c1, c2" may be channel ids)
    numbered = [info.numbering and not info.coded for info in infos]
    grouped: dict[int, ColumnPlan] = {}
    free_role = mapping.entity_for(sheet_name) is None  # no role named for the sheet: its tables are recognised
    for col, header in enumerate(headers):
        if not header or col in touches:
            continue
        chosen = mapping.field_for_header(header, sheet_name)
        group = _channel_group(header, role.name) if "channel" in role.fields else None
        if group is not None and (chosen is None or chosen in _GROUP_FIELDS):
            # "Email: тема" stays the e-mail group's message even when a mapping names its field
            grouped[col] = ColumnPlan(col, header, chosen or group[1], 1.0 if chosen else 0.9,
                                      "mapping" if chosen else "header", group=group[0])
            continue
        if chosen is not None and (chosen in role.fields or chosen == "ignore" or free_role is False):
            mapped[col] = chosen
            continue
        if chosen is not None:
            continue  # a field of another table on the sheet (a wide map with its bases below it): not this role's
        by_header = _titled_scores(header, role.name)
        elsewhere = _elsewhere_numbered(numbered, col)
        for fld in role.fields:
            base = by_header.get(fld, 0.0)
            bonus = _value_bonus(fld, infos[col], elsewhere) if base else 0.0
            if base == 0.0:
                for value_field, share, needed in _VALUES_ONLY:
                    if value_field == fld and infos[col].count >= 2 and infos[col].shares.get(share, 0.0) >= needed:
                        base = 0.6 * infos[col].shares[share]
                if fld == "counter" and infos[col].counter and elsewhere:
                    base = 0.9
                if not base:
                    continue
                evidence = "values"
            else:
                evidence = "both" if bonus >= 0.1 else "header"
            score = base + bonus
            if score >= MIN_SCORE:
                candidates.append((score, -col, -order[fld], fld, evidence))
    candidates.sort(reverse=True)
    taken_cols: dict[int, ColumnPlan] = dict(touches)
    taken_fields: set[str] = {"step", *PACKED_FIELDS} if touches else set()  # each touch holds its own
    # (its message type and next step only when it says them: the row's own columns say them otherwise)
    ticked = [col for col, fld in mapped.items() if fld == "channel" and infos[col].shares.get("bool", 0.0) >= 0.8]
    if len(ticked) >= 2:  # a mapping naming several tick columns `channel` ("Push ✓", "Email ✓"): the one ticked
        for col in ticked:
            taken_cols[col] = ColumnPlan(col, headers[col], "channel", 1.0, "mapping", tick=True)
            del mapped[col]
        taken_fields.add("channel")
    for col, fld in mapped.items():
        if fld in taken_fields and fld != "calendar":  # a calendar has a column a week
            fld = "ignore"  # the same header twice (a mapping names headers, not columns): the first one reads it
        taken_cols[col] = ColumnPlan(col, headers[col], fld if fld != "ignore" else None, 1.0, "mapping")
        taken_fields.add(fld)
    for score, neg_col, _, fld, evidence in candidates:
        col = -neg_col
        if col in taken_cols or fld in taken_fields:
            continue
        taken_cols[col] = ColumnPlan(col, headers[col], fld, round(min(score, 1.0), 2), evidence)
        taken_fields.add(fld)
    taken_cols.update(grouped)
    if "channel" in role.fields and "channel" not in taken_fields and not grouped:
        ticks = _tick_columns(headers, infos, taken_cols)
        for col in ticks:
            if col in taken_cols and taken_cols[col].field:
                taken_fields.discard(taken_cols[col].field)
        taken_cols.update(ticks)
        if ticks:
            taken_fields.add("channel")
    _chain_named_twice(role, headers, infos, taken_cols, taken_fields)
    _calendar_columns(role, headers, infos, taken_cols)
    _description_names(role, headers, taken_cols, taken_fields)
    plans = [taken_cols.get(col) or ColumnPlan(col, header, None, 0.0, "")
             for col, header in enumerate(headers) if header or col in taken_cols]
    total = sum(p.confidence for p in plans if p.field and p.field not in UNREAD_FIELDS)
    return plans, total


def _tick_columns(headers: list[str], infos: list[_ColumnValues], taken: dict[int, ColumnPlan]) -> dict[int, ColumnPlan]:
    """Columns named each after a channel ("Push ✓", "Email ✓", «SMS?») whose cells are ticks or yes/no: the row's
    channel is the one ticked. Two such columns at least."""
    found = {col: ColumnPlan(col, header, "channel", 0.9, "both", tick=True) for col, header in enumerate(headers)
             if (col not in taken or taken[col].evidence == "header") and header and names_channel(header)
             and infos[col].count and infos[col].shares.get("bool", 0.0) >= 0.8}
    return found if len(found) >= 2 else {}  # (a column of ticks names no scenario, whatever its header's words)


def _chain_named_twice(role: _Role, headers: list[str], infos: list[_ColumnValues], taken: dict[int, ColumnPlan],
                       taken_fields: set[str]) -> None:
    """"ID | Flow | Message…" with an id a row (LD-1, LD-2, WB-1) and the flow's name repeated on its rows: the
    flow column names the chain, the id column numbers its touches. A bare id column keeps the chain when
    the name column does not repeat either (a register: a row per chain)."""
    if role.name not in ("flat", "steps"):
        return
    chosen = next((col for col, plan in taken.items() if plan.field == "scenario"), None)
    if chosen is None or not infos[chosen].distinct or infos[chosen].count < 4:
        return
    if not set(stems(headers[chosen])) <= _ID_WORDS:
        return
    other = next((col for col, plan in taken.items() if col != chosen and plan.field in ("scenario_name", "name")
                  and infos[col].count >= 4 and not infos[col].distinct), None)
    if other is None:
        return
    taken[other] = ColumnPlan(other, headers[other], "scenario", taken[other].confidence, taken[other].evidence)
    step_free = "step" in role.fields and "step" not in taken_fields
    taken[chosen] = ColumnPlan(chosen, headers[chosen], "step" if step_free else None, 0.8 if step_free else 0.0,
                               "both" if step_free else "")
    if step_free:
        taken_fields.add("step")


# a content calendar's column: «Нед. 48 23–29.11», "Week 49", "W50", «1–7 дек», "Dec 1-7", «02.12»
_CALENDAR_HEADER = re.compile(
    r"^(?:(?:нед(?:еля)?\.?|week|wk|w)\s*\d{1,2}\b.*|\d{1,2}(?:[./]\d{1,2})?\s*[–—-]\s*\d{1,2}(?:[./]\d{1,2})?(?:\s*[^\W\d_]+\.?)?"
    r"|[^\W\d_]{3,9}\.?\s+\d{1,2}\s*[–—-]\s*\d{1,2}|\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?)$", re.IGNORECASE)


def _calendar_columns(role: _Role, headers: list[str], infos: list[_ColumnValues],
                      taken: dict[int, ColumnPlan]) -> None:
    """A content calendar for regular mailings: a row per mailing, a column per week or date, each cell the
    issue sent that week («Дайджест новинок (email, контент)»). Two such unread columns at least, on a sheet
    of scenarios or touches, are marked `calendar`: the row's mailing takes its message and type from them."""
    if role.name not in ("flat", "steps", "scenarios"):
        return
    for col, plan in list(taken.items()):
        if plan.field == "calendar" and not plan.calendar:  # a --columns file names it so
            taken[col] = ColumnPlan(col, plan.header, "calendar", plan.confidence, plan.evidence, calendar=True)
    # a week's column taken for the message or its type on what its cells say is the calendar's too
    found = [col for col, header in enumerate(headers)
             if (col not in taken or taken[col].field in ("message", "message_type") and taken[col].evidence != "mapping")
             and header and _CALENDAR_HEADER.match(" ".join(header.split()))
             and infos[col].count and not infos[col].shares.get("date", 0.0)]
    if len(found) < 2:
        return
    for col in found:
        taken[col] = ColumnPlan(col, headers[col], "calendar", 0.9, "both", calendar=True)


@lru_cache(maxsize=1)
def _description_phrases() -> tuple:
    return tuple(("description", stems(p), 1.0) for p in vocab.load("headers")["description"]["words"])


def _description_names(role: _Role, headers: list[str], taken_cols: dict[int, ColumnPlan],
                       taken_fields: set[str]) -> None:
    """Two columns of notes and none of names ("Event | Description | Source | Notes"): the description
    names the record, and the other column holds the notes."""
    if "name" not in role.fields or "name" in taken_fields or "notes" not in taken_fields:
        return
    noted = next(col for col, plan in taken_cols.items() if plan.field == "notes")
    if not phrase_score(headers[noted], _description_phrases()):
        return  # criteria («Кто входит», "Definition") describe who is in it, not what it is called
    later = [col for col, header in enumerate(headers) if col > noted and col not in taken_cols
             and header_scores(header, role.name).get("notes", 0.0) >= MIN_SCORE]
    if later:
        plan = taken_cols[noted]
        taken_cols[noted] = ColumnPlan(noted, plan.header, "name", plan.confidence, plan.evidence)
        taken_cols[later[0]] = ColumnPlan(later[0], headers[later[0]], "notes",
                                          round(min(header_scores(headers[later[0]], role.name)["notes"], 1.0), 2),
                                          "header")
        taken_fields.add("name")


def _titled_scores(header: str, role: str) -> dict[str, float]:
    """A header's field scores; under a group title («Сценарий › Сегмент») the better of the column read
    with its title and alone: the title may say what the column is about, never make it say less."""
    scores = header_scores(header, role)
    if TITLE_JOIN not in header:
        return scores
    scores = dict(scores)
    for fld, score in header_scores(header.split(TITLE_JOIN, 1)[1], role).items():
        scores[fld] = max(score, scores.get(fld, 0.0))
    return scores


_GROUP_SPLIT = re.compile(r"\s*(?::|—|–|\s-\s|/)\s*")
_GROUP_FIELDS = ("message", "delay", "condition", "message_type", "system", "next")


@lru_cache(maxsize=1 << 12)
def _channel_group(header: str, role: str) -> tuple[str, str] | None:
    """(channel, field) for a header of a column group per channel: "Email: тема" → ("Email", "message"),
    «SMS — когда» → ("SMS", "delay"), "Push / text" → ("Push", "message")."""
    from audit.importer.schema import CHANNEL_KINDS

    parts = _GROUP_SPLIT.split(header.strip(), maxsplit=1)
    if len(parts) != 2 or not parts[0] or not parts[1]:
        return None
    channel = values.normalize_word(parts[0])
    if channel not in CHANNEL_KINDS:
        return None
    scores = {f: v for f, v in header_scores(parts[1], role).items() if f in _GROUP_FIELDS}
    if not scores and values.normalize_word(parts[1]) in ("текст", "скрипт", "script", "text", "тема", "subject"):
        scores = {"message": 1.0}
    if not scores:
        return None
    return parts[0].strip(), max(scores.items(), key=lambda item: (item[1], item[0]))[0]


def _elsewhere_numbered(numbered: list[bool], col: int) -> bool:
    """Whether another column numbers touches within scenarios (then a 1..N column is a row counter)."""
    return any(n for i, n in enumerate(numbered) if i != col)


def _fits(role: _Role, plans: list[ColumnPlan], implied_channel: bool = False) -> bool:
    present = {p.field for p in plans if p.field and p.group is None}
    if any(p.group is not None or p.touch is not None for p in plans) or implied_channel:
        present.add("channel")  # a column group per channel, or a sheet per channel, names every row's
        if role.name == "scenario_sheet":
            return True
    if role.name == "flat":
        return "channel" in present and bool(present & {"scenario", "scenario_name", "segments"}) and (
            bool(present & {"segments", "trigger", "stage", "goal"}) or "scenario" in present)
    if role.name == "steps":
        return "channel" in present and bool(present & {"scenario"})
    if role.name == "scenario_sheet":
        return any(p.field == "channel" and p.evidence != "values" for p in plans)
    if role.name in ("segments", "stages", "channels", "events", "scenarios", "systems"):
        return "id" in present or "name" in present
    return all(r in present for r in role.required)


def _naming_cells(row: list[object]) -> int:
    """How many short text cells of a row name a field (0 when the row is mostly numbers or long texts)."""
    filled = [c for c in row if values.text(c)]
    short = [c.strip() for c in filled if isinstance(c, str) and len(c.strip()) <= 80]
    if not short or len(short) * 2 < len(filled):
        return 0
    naming = sum(1 for text in short if _names_a_field(text))
    return naming if naming >= min(2, len(filled)) else 0


def _could_be_header(row: list[object]) -> bool:
    """Short text cells, mostly ones that name a field: a blank row, a data row of numbers, long
    texts or values ("cart", "S1", "email") is no header — and is not worth scoring as one."""
    return _naming_cells(row) > 0


def _header_rows(rows: list[list[object]], skip: int, scan: int = HEADER_SCAN_ROWS) -> list[int]:
    """The rows worth scoring as a header among `scan` rows from `skip`: those that name nearly as many
    fields as the best one (a data row whose "stage0" or "Scenario 0" reads like a header word names far fewer)."""
    counts = {i: _naming_cells(rows[i]) if not _continues_data(rows, i, skip) else 0
              for i in range(skip, min(skip + scan, len(rows)))}
    best = max(counts.values(), default=0)
    found = [i for i, n in counts.items() if n and n * 5 >= best * 3]
    # channels named over the header's columns («Email | SMS | Push» above «Когда | Текст»): the header's upper row
    above = [i - 1 for i in found if i - 1 >= skip and i - 1 not in found and _channel_titles(rows[i - 1]) >= 2]
    return sorted(found + above)


def _continues_data(rows: list[list[object]], index: int, skip: int) -> bool:
    """Whether a row holds a number or date in a column where the row above holds one too: a data row
    under a header ("Suppressed profiles | Segment | … | 5102 | Yes" names fields, yet counts profiles)."""
    if index <= skip:
        return False
    above = rows[index - 1]
    return any(_is_quantity(cell) and col < len(above) and _is_quantity(above[col])
               for col, cell in enumerate(rows[index]))


def _is_quantity(cell: object) -> bool:
    return isinstance(cell, (int, float, date)) and not isinstance(cell, bool)


def _channel_titles(row: list[object]) -> int:
    """How many cells of a row name a channel and nothing else ("Email", «SMS», "Telegram")."""
    return sum(1 for c in row if isinstance(c, str) and c.strip() and _names_channel(c.strip()))


@lru_cache(maxsize=1 << 16)
def _names_a_field(text: str) -> bool:
    """Whether some role has a header phrase in `text`."""
    return any(header_scores(text, role) for role in TABLE_ROLES if role != "scenario_sheet")


def sheet_channel(name: str) -> str | None:
    """The channel a sheet is about when its name is one ("Email", «SMS», «Звонки»), as written."""
    from audit.importer.schema import CHANNEL_KINDS

    name = _EXPORT_SEPARATOR.split(name)[-1].strip()
    return name if values.normalize_word(name) in CHANNEL_KINDS else None


def _candidates(sheet: RawSheet, role: _Role, mapping: ColumnMapping, segment_names: frozenset[str],
                info_cache: dict[tuple[int, int], _ColumnValues], header_rows: list[int]) -> list[_Candidate]:
    rows = sheet.rows
    found = []
    implied = sheet_channel(sheet.name) is not None and "channel" in role.fields
    for index in header_rows:
        for span in (1, 2):
            if index + span > len(rows):
                continue
            lower = index + span - 1
            headers = _header_texts(rows, index, span)
            if span == 2 and (headers == _header_texts(rows, lower, 1) or any(
                    isinstance(c, (int, float, date)) and not isinstance(c, bool) for c in rows[lower])):
                continue  # a lower "header" row holding numbers or dates is the first data row
            infos = []
            for col in range(len(headers)):
                key = (lower, col)
                if key not in info_cache:
                    info_cache[key] = _column_values(rows, col, lower + 1, segment_names)
                infos.append(info_cache[key])
            plans, total = _assign(role, headers, infos, mapping, sheet.name)
            if _fits(role, plans, implied):
                found.append(_Candidate(role.name, lower, span, plans, total - 0.05 * (span - 1)))
    return found


def _key_value_rows(sheet: RawSheet, limit: int, fields_of: dict,
                    empty: bool = False) -> dict[str, tuple[object, int, str, str]]:
    """`Label | value` rows among the first `limit` rows whose label names one of `fields_of`'s fields:
    field → (value, 1-based row, label, spreadsheet error in the value cell or ''). With `empty`, a label
    ending in a colon with nothing beside it («Триггер:») is a fact left blank (value '')."""
    found: dict[str, tuple[object, int, str, str]] = {}
    for index, row in enumerate(sheet.rows[:limit]):
        cells = [(col, c) for col, c in enumerate(row) if values.text(c) or (index, col) in sheet.errors]
        if empty and len(cells) == 1 and values.text(cells[0][1]).rstrip().endswith((":", "：")):
            cells.append((cells[0][0] + 1, ""))
        elif len(cells) == 1 and (said := _LABEL_IN_CELL.match(values.text(cells[0][1]))):
            cells = [(cells[0][0], said.group(1)), (cells[0][0] + 1, said.group(2).strip())]  # «Код: СЕР-02»
        if len(cells) != 2:
            continue
        label = values.text(cells[0][1]).rstrip(":：").strip()
        scores = phrase_score(label, fields_of)
        if not scores:
            continue
        fld, score = max(scores.items(), key=lambda item: (item[1], item[0]))
        if score >= 0.6 and fld not in found:
            found[fld] = (cells[1][1], index + 1, label, sheet.errors.get((index, cells[1][0]), ""))
    return found


_LABEL_IN_CELL = re.compile(r"^\s*([^:：\n]{1,40}?)\s*[:：]\s*(\S.*)$", re.DOTALL)


@lru_cache(maxsize=1)
def _head_phrases() -> tuple:
    """Labels of a scenario sheet's key–value head: the Scenarios sheet's fields, `name` first; "ID:" / «Код:»
    beside the name is the scenario's code (`id`)."""
    roles = _roles()
    headers = vocab.load("headers")
    phrases = [p for p in roles["scenarios"].phrases if p[0] not in ("id",)]
    phrases += [("name", stems(word), 1.0) for word in headers["roles"]["scenarios"]["words"]["id"]]
    phrases += [("id", stems(word), 1.0) for word in headers["fields"]["id"]]
    return tuple(p for p in phrases if p[1])


def scenario_head(sheet: RawSheet, header_row: int) -> dict[str, tuple[object, int, str]]:
    """The key–value facts above a scenario sheet's steps table (Название, Кому, Триггер, Цель…)."""
    return _key_value_rows(RawSheet(sheet.name, sheet.rows[:header_row], {}), header_row, _head_phrases(), empty=True)


def row_signature(row: list[object]) -> tuple[str, ...]:
    return tuple(values.normalize_word(values.text(c)) for c in row if values.text(c))


def _block_plan(sheet: RawSheet, mapping: ColumnMapping) -> SheetPlan | None:
    """Scenarios written one under another as blocks: a facts header and its one row (the scenario,
    its segment, trigger, goal…), a steps header and its rows, a blank row, the next block. Both
    headers repeat down the sheet; the facts one reads as a Scenarios table, the steps one has a
    channel."""
    forced = mapping.entity_for(sheet.name)
    if forced not in (None, "blocks"):
        return None
    seen: dict[tuple[str, ...], list[int]] = {}
    for index, row in enumerate(sheet.rows[:5000]):
        signature = row_signature(row)
        if len(signature) >= 2:
            seen.setdefault(signature, []).append(index)
    # a header repeated down the sheet: the same row again, and one that names fields (data rows rarely repeat)
    repeated = [(rows, sig) for sig, rows in seen.items()
                if len(rows) >= 2 and _names_a_field(values.text(next(c for c in sheet.rows[rows[0]] if values.text(c))))]
    if len(repeated) < 2:
        return None
    roles = _roles()
    best = None
    for facts_rows, facts_sig in repeated:
        for steps_rows, steps_sig in repeated:
            if facts_rows[0] + 2 > steps_rows[0] or len(steps_rows) != len(facts_rows):
                continue
            headers_f = _header_texts(sheet.rows, facts_rows[0], 1)
            headers_s = _header_texts(sheet.rows, steps_rows[0], 1)
            blank = [_ColumnValues() for _ in range(max(len(headers_f), len(headers_s)))]
            facts, facts_total = _assign(roles["scenarios"], headers_f, blank, mapping, sheet.name)
            steps, steps_total = _assign(roles["scenario_sheet"], headers_s, blank, mapping, sheet.name)
            named = any(p.field in ("id", "name", "scenario", "scenario_name") for p in facts)  # "scenario": a mapping's
            if not named or not any(p.field == "channel" for p in steps):
                continue
            if best is None or facts_total + steps_total > best[0]:
                heads = [ColumnPlan(p.index, p.header, "scenario" if p.field in ("id", "name") else p.field,
                                    p.confidence, p.evidence, head=True) for p in facts]
                best = (facts_total + steps_total, facts_rows[0], steps_rows[0], heads + steps)
    if best is None:
        return None
    total, facts_row, steps_row, columns = best
    # one scenario field from the facts row: its id when it has both an id and a name
    seen_fields: set[str] = set()
    for column in sorted((c for c in columns if c.head), key=lambda c: c.field != "scenario"):
        if column.field in seen_fields:
            column.field = "scenario_name" if column.field == "scenario" else None
        elif column.field:
            seen_fields.add(column.field)
    return SheetPlan(sheet.name, "blocks", steps_row, 1, columns, round(total, 2), by_mapping=forced == "blocks")


def plan_sheets(sheet: RawSheet, mapping: ColumnMapping, segment_names: frozenset[str]) -> list[SheetPlan]:
    """The tables of a sheet: usually one; a second one stacked below a blank row (systems, then
    integrations) is read as a table of its own; scenarios written as repeated blocks, one plan."""
    blocks = _block_plan(sheet, mapping)
    if blocks is not None:
        return [blocks]
    first = plan_sheet(sheet, mapping, segment_names)
    turned = _transposed_plan(sheet, first, mapping, segment_names)
    if turned is not None:
        return [turned]
    if first.header_row is None or first.by_mapping:
        if first.header_row is not None and first.end_row is None:
            first.end_row = _notes_below(sheet, first.header_row)
        return [first]
    # the best-read table may sit under others (reference tables stacked on one sheet): read from the top
    top = first
    while (above := _table_above(sheet, top, mapping, segment_names)) is not None:
        top = above
    tables, starts = _stacked_from(sheet, top, mapping, segment_names)
    if top is not first and not any((p.role, p.header_row) == (first.role, first.header_row) for p in tables):
        tables, starts = _stacked_from(sheet, first, mapping, segment_names)  # the chain lost it: as before
    # each table read again alone, now that its end is known: its values, not the next table's, say what
    # its columns hold
    for position, (plan, (start, title, scan)) in enumerate(zip(tables, starts)):
        if plan.end_row is None:
            continue
        window = RawSheet(sheet.name, [[""] * len(r) for r in sheet.rows[:start]] + sheet.rows[start:plan.end_row],
                          sheet.errors)
        alone = plan_sheet(window, mapping, segment_names, skip=start, title=title, scan=scan)
        if alone.role == plan.role and alone.header_row == plan.header_row:
            alone.end_row = plan.end_row
            tables[position] = alone
    return tables


STACKED_ROLES = ("segments", "stages", "channels", "events", "scenarios", "systems", "integrations")
STACKED_HEADER_ROWS = 4  # a stacked table's header: within its first rows (a title line or two above it)


def _table_below(sheet: RawSheet, above: list[SheetPlan], mapping: ColumnMapping,
                 segment_names: frozenset[str]) -> tuple[SheetPlan, int] | None:
    """The next table stacked under the last of `above` (after a blank row, perhaps under a title line
    such as «КАНАЛЫ» that names its kind), when it reads as an entity of its own; the table above then
    ends there. Reference sheets stack several: segments, stages, channels, events, systems. Returns the
    table's plan and the row its block begins at."""
    rows = sheet.rows
    last = above[-1]
    roles = {plan.role for plan in above}
    for index in range(last.header_row + 2, len(rows) - 1):
        if any(values.text(c) for c in rows[index - 1]) or not any(values.text(c) for c in rows[index]):
            continue  # a table below starts after a blank row (perhaps with a title line first)
        if _notes_title(rows[index]):
            last.end_row = index - 1  # «История пересмотров карты», «Примечания» under the table: its rows end here
            return None
        if not any(_could_be_header(row) for row in rows[index:index + 3]):
            continue
        below = RawSheet(sheet.name, [[""] * len(r) for r in rows[:index]] + rows[index:], sheet.errors)
        plan = plan_sheet(below, mapping, segment_names, skip=index, title=_title_line(rows[index]),
                          scan=STACKED_HEADER_ROWS)
        if (plan.header_row is not None and index <= plan.header_row < index + STACKED_HEADER_ROWS
                and plan.role not in roles and plan.confidence >= 2.0):
            last.end_row = index - 1
            return plan, index
    return None


def _stacked_from(sheet: RawSheet, top: SheetPlan, mapping: ColumnMapping, segment_names: frozenset[str]
                  ) -> tuple[list[SheetPlan], list[tuple[int, str, int]]]:
    """`top` and the tables stacked under it, each with where its rows begin, its title line and how far
    down its header may be."""
    top.end_row = None
    tables = [top]
    starts = [(0, "", HEADER_SCAN_ROWS)]
    while (below := _table_below(sheet, tables, mapping, segment_names)) is not None:
        tables.append(below[0])
        starts.append((below[1], _title_line(sheet.rows[below[1]]), STACKED_HEADER_ROWS))
    return tables, starts


def _table_above(sheet: RawSheet, top: SheetPlan, mapping: ColumnMapping,
                 segment_names: frozenset[str]) -> SheetPlan | None:
    """A table stacked above `top`, read from the rows above its block (its header and the title lines
    over it, after a blank row)."""
    if top.role not in STACKED_ROLES:
        return None  # a wide map or a scenario card under its key–value head: nothing stacked above
    rows = sheet.rows
    start = top.header_row - top.header_rows + 1
    while start > 0 and any(values.text(c) for c in rows[start - 1]):
        start -= 1  # title lines over the header belong to its block
    if start == 0 or not any(_could_be_header(row) for row in rows[:start]):
        return None
    plan = plan_sheet(RawSheet(sheet.name, rows[:start], sheet.errors), mapping, segment_names,
                      title=_title_line(rows[0]))
    if plan.header_row is None or plan.role == top.role or plan.role not in STACKED_ROLES or plan.confidence < 2.0:
        return None
    return plan


_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def title_score(title: str, role: str) -> float:
    """How well a block title names a role: its name before a dash or a bracket counts alone, the words
    after it only describe the block («👥 БАЗЫ (кому пишем)», «СОБЫТИЯ — что видим и откуда»)."""
    parts = [title, *_EXPORT_SEPARATOR.split(_BRACKETED.sub(" ", title))]
    return max(sheet_name_score(part, role) for part in parts if part.strip())


def _title_line(row: list[object]) -> str:
    """The text of a row holding one cell alone (a block title such as «КАНАЛЫ»), else ''."""
    cells = [values.text(c) for c in row if values.text(c)]
    return cells[0] if len(cells) == 1 else ""


LEGEND_TITLE_ROWS = 3  # how far above a table's header its block title may sit


def _under_legend(rows: list[list[object]], top: int) -> bool:
    """Whether the table whose header begins at `top` sits under a title such as «Легенда», "Legend" or
    «Примечания» (over its own header row, perhaps): it explains the map's marks, it holds no records."""
    for index in range(top - 1, max(top - 1 - LEGEND_TITLE_ROWS, -1), -1):
        if not any(values.text(c) for c in rows[index]):
            return False
        title = _title_line(rows[index])
        if title and title_score(title, "ignore") >= 0.6:
            return True
    return False


TURNED_MAX_ROWS = 60  # a transposed sheet has a row per attribute: a longer sheet is a table of records
TURNED_ROLES = ("segments", "stages", "channels", "events", "scenarios", "systems")
TURNED_MARGIN = 2.0  # how much better the turned reading must score: a few more columns read with confidence


def table_start(rows: list[list[object]]) -> int | None:
    """The first of the first rows that holds two cells or more: where a table begins below its title lines."""
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        if sum(1 for c in row if values.text(c)) >= 2:
            return index
    return None


def transposed(sheet: RawSheet, start: int) -> RawSheet:
    """The sheet turned from row `start` on (column A becomes the header row, each further column a row);
    the title lines above `start` stay where they are, so the map's facts are found in them as before."""
    body = sheet.rows[start:]
    width = max((len(r) for r in body), default=0)
    turned = [[r[col] if col < len(r) else "" for r in body] for col in range(width)]
    errors = {((start + c, r - start) if r >= start else (r, c)): e for (r, c), e in sheet.errors.items()}
    return RawSheet(sheet.name, [list(r) for r in sheet.rows[:start]] + turned, errors)


def sheet_as_read(sheet: RawSheet, plan: SheetPlan) -> RawSheet:
    """The sheet in the shape its plan reads: turned for a transposed sheet, else as it is."""
    return transposed(sheet, plan.turned_at) if plan.turned_at is not None else sheet


def _transposed_plan(sheet: RawSheet, first: SheetPlan, mapping: ColumnMapping,
                     segment_names: frozenset[str]) -> SheetPlan | None:
    """A sheet of records written across: attribute labels down the first column, one record per column
    ("Flow | Welcome | Win-back", "Status | Live | Live"). Tried only on a short sheet whose first column
    names more fields than the top row of its table does; taken when the turned sheet reads as an entity
    sheet clearly better than the sheet as it stands. A key–value block (one value per label) is no such
    sheet: it needs two records at least."""
    forced = mapping.entity_for(sheet.name)
    if (forced and forced not in TURNED_ROLES) or len(sheet.rows) > TURNED_MAX_ROWS:
        return None
    start = table_start(sheet.rows)
    if start is None:
        return None
    labels = [values.text(r[0]) for r in sheet.rows[start:] if r and values.text(r[0])]
    naming = sum(1 for text in labels if len(text) <= 80 and _names_a_field(text))
    if naming < 3 or naming <= _naming_cells(sheet.rows[start]):
        return None
    turned = transposed(sheet, start)
    if sum(1 for row in turned.rows[start + 1:] if any(values.text(c) for c in row)) < 2:
        return None
    plan = plan_sheet(turned, mapping, segment_names, skip=start)
    fields = {c.field for c in plan.columns}
    if plan.role not in TURNED_ROLES and "stage" in fields and fields & {"next", "next_stages"} and not forced:
        # a CJM grid (a stage per column: «Этап», «Коммуникации», «Каналы», «Следующий этап» down the side) reads
        # as touches by its words, yet each record is a stage: its scenarios are described elsewhere
        as_stages = replace(mapping, sheets={**mapping.sheets, values.normalize_word(turned.name): "stages"})
        plan = plan_sheet(turned, as_stages, segment_names, skip=start)
        plan.by_mapping = False
    if plan.role not in TURNED_ROLES or plan.header_row != start or plan.header_rows != 1:
        return None
    if plan.confidence < (first.confidence if first.header_row is not None else 0.0) + TURNED_MARGIN:
        return None
    plan.turned_at = start
    return plan


def plan_sheet(sheet: RawSheet, mapping: ColumnMapping, segment_names: frozenset[str],
               skip: int = 0, title: str = "", scan: int = HEADER_SCAN_ROWS) -> SheetPlan:
    """The sheet's best reading, its header among `scan` rows from `skip`; a `title` line above a stacked
    table names its kind as a sheet's name would."""
    roles = _roles()
    forced = mapping.entity_for(sheet.name)
    names = {r: max(sheet_name_score(sheet.name, r), title_score(title, r) if title else 0.0) for r in roles}
    if forced in ("ignore", "meta"):
        return SheetPlan(sheet.name, forced, by_mapping=True)
    best: _Candidate | None = None
    info_cache: dict[tuple[int, int], _ColumnValues] = {}  # (header row, column) → its values, for every role
    header_rows = _header_rows(sheet.rows, skip, scan)
    for role_name in TABLE_ROLES:
        if forced and role_name != forced:
            continue
        for candidate in _candidates(sheet, roles[role_name], mapping, segment_names, info_cache, header_rows):
            if not forced and _under_legend(sheet.rows, candidate.header_row - candidate.header_rows + 1):
                continue
            candidate.score += NAME_BONUS * names[role_name]
            if role_name == "scenario_sheet":
                head = scenario_head(sheet, candidate.header_row - candidate.header_rows + 1)
                if "name" in head and len(head) >= 2:
                    candidate.score += 0.5 * len(head)
                else:  # a sheet per scenario with no facts above its steps: the sheet names the scenario
                    read = {c.field for c in candidate.columns if c.field}
                    if len(read & {"step", "message", "delay", "condition", "message_type"}) < 2:
                        continue
                    candidate.score -= 1.0
            if best is None or candidate.score > best.score + 1e-9:
                best = candidate
    if best is None or (not forced and best.score < 1.2):
        role = "meta" if names["meta"] >= max(names["ignore"], 0.5) else "ignore"
        return SheetPlan(sheet.name, role, by_mapping=bool(forced))
    if not forced and names["ignore"] >= 0.6 and names[best.role] < 0.5 and best.score < 3:
        return SheetPlan(sheet.name, "ignore")
    channel = sheet_channel(sheet.name) if not any(c.field == "channel" for c in best.columns) else None
    return SheetPlan(sheet.name, best.role, best.header_row, best.header_rows, best.columns,
                     round(best.score, 2), by_mapping=bool(forced), channel=channel)


# --- map facts -----------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _fact_labels() -> tuple[tuple[str, str], ...]:
    """(field, label) with the longest labels first, so "дата обновления" wins over "дата"."""
    labels = [(fld, label) for fld, words in vocab.load("headers")["facts"].items() for label in words]
    return tuple(sorted(labels, key=lambda item: -len(item[1])))


@lru_cache(maxsize=1)
def _fact_phrases() -> tuple:
    return tuple((fld, stems(label), 1.0) for fld, label in _fact_labels() if stems(label))


def _fact_in_text(text: str) -> tuple[str, str, str] | None:
    """`Актуально на 12.03.2025`, `Last updated: Feb 14, 2025`, `Owner – Anna`: (field, label, value)."""
    folded = " ".join(text.casefold().replace("ё", "е").split())
    for fld, label in _fact_labels():
        if folded.startswith(label) and len(folded) > len(label):
            rest = text.strip()[len(label):] if text.strip().casefold().startswith(label) else folded[len(label):]
            if rest and rest[0].isalnum() and not folded[len(label)].isspace():
                continue  # "датами" is not "дата"
            value = rest.strip(" \t:：-–—=").strip()
            if not value:
                continue
            if fld == "last_reviewed":
                if values.text_date(value) is None:
                    continue
            elif fld == "version" and re.match(r"v?\d", value, re.IGNORECASE):
                pass  # «версия 3.4 от 09.11.2026», "v7": a version says itself without a colon
            elif not re.match(r"\s*[:：–—=-]", rest):
                continue  # "Карта коммуникаций магазина" is a title, not "карта: …"
            return fld, label, value
    return None


# a title line may carry facts after its title: "Acme — CRM map — last review: 12 Mar 2026", «… · отв.: Ольга»
_FACT_SEPARATOR = re.compile(r"\s[—–|·•]\s")


def _title_without_facts(text: str) -> str:
    """A title line's title: «РАССЫЛКИ «Дом и Диван» — обновил 02.11.2026» names the map «РАССЫЛКИ «Дом
    и Диван»»; the facts after its separators are read as facts, not kept in the name."""
    unbracketed = _BRACKETED_FACT.sub(lambda m: "" if _fact_in_text(m.group(1)) else m.group(0), text).strip()
    parts = _FACT_SEPARATOR.split(unbracketed)
    kept = [part for part in parts if _fact_in_text(part) is None]
    return " — ".join(kept) if kept and len(kept) < len(parts) else unbracketed


_BRACKETED_FACT = re.compile(r"\s*\(([^()]{4,80})\)")


def _fact_parts(text: str) -> list[str]:
    """The parts of a title line that may each state a fact: between its separators, and in its brackets
    ("IronWorks – who we message (last updated 14 Apr 2026)")."""
    return [*_FACT_SEPARATOR.split(text), *_BRACKETED_FACT.findall(text)]


def _fact_table(sheet: RawSheet) -> dict[str, tuple[object, int, str, str]]:
    """A Map sheet written as a header row of labels with one row of values under it."""
    for index, row in enumerate(sheet.rows[:30]):
        labels = {}
        for col, cell in enumerate(row):
            scores = phrase_score(values.text(cell), _fact_phrases()) if values.text(cell) else {}
            best = max(scores.items(), key=lambda item: (item[1], item[0]), default=None)
            if best and best[1] >= 0.99 and best[0] not in labels:
                labels[best[0]] = (col, values.text(cell))
        if len(labels) >= 2 and index + 1 < len(sheet.rows):
            below = sheet.rows[index + 1]
            return {fld: (below[col] if col < len(below) else "", index + 2, label,
                          sheet.errors.get((index + 1, col), "")) for fld, (col, label) in labels.items()}
    return {}


@lru_cache(maxsize=1)
def _changelog_words() -> tuple[tuple[str, ...], ...]:
    return tuple(stems(p) for p in vocab.load("headers")["changelog"]["sheet"])


def _latest_change(sheet: RawSheet) -> tuple[object, int, object] | None:
    """On a change-log sheet («История версий», "Change log"): its latest date, that date's row, and who
    made that change (the cell under an «Автор» / "Author" label on that row; None without one)."""
    tokens = {_canonical(t) for t in stems(_EXPORT_SEPARATOR.split(sheet.name)[-1])}
    start, end = 0, 500
    if not any(phrase and all(p in tokens for p in phrase) for phrase in _changelog_words()):
        # a cover sheet with a block titled «История версий» / "Version history": that block is the change log
        start = next((i + 1 for i, r in enumerate(sheet.rows[:200])
                      if (title := _title_line(r)) and _names_a_changelog(title)), None)
        if start is None:
            return None
        end = next((i for i in range(start + 1, len(sheet.rows)) if not any(values.text(c) for c in sheet.rows[i])),
                   len(sheet.rows))
    latest: tuple[object, int] | None = None
    author: int | None = None
    for index, row in enumerate(sheet.rows[start:end], start=start):
        for col, cell in enumerate(row):
            if author is None and latest is None and isinstance(cell, str) and len(cell) <= 40:
                scores = phrase_score(cell, _fact_phrases())
                if scores.get("owner", 0.0) >= 0.99 and max(scores.values()) <= scores["owner"]:
                    author = col
            if not _is_date(cell):
                continue
            day = values.day(cell)
            if latest is None or day > latest[0]:
                latest = (day, index + 1)
    if latest is None:
        return None
    row = sheet.rows[latest[1] - 1]
    return latest[0], latest[1], (row[author] if author is not None and author < len(row) else None)


def _is_label(text: str) -> bool:
    """A cell that is itself a label ("Owner", «Статус»), not a value."""
    folded = " ".join(text.casefold().replace("ё", "е").rstrip(":：").split())
    if any(folded == label for _, label in _fact_labels()):
        return True
    return len(stems(text)) <= 3 and max(header_scores(text, "flat").values(), default=0.0) >= 0.99


def find_facts(sheets: list[RawSheet], plans: list[SheetPlan]) -> list[MapFact]:
    """Map facts from key–value sheets, then from the rows above each table's header."""
    facts: list[MapFact] = []
    seen: set[str] = set()

    def add(fld: str, value: object, sheet: str, row: int, label: str, cell_error: str = "",
            strict: bool = True) -> None:
        """A fact; off the Map sheet (`strict`) one that cannot be read is no fact at all, on it a
        fact with the reason, for MAP003."""
        if fld in seen:
            return
        problem = ""
        if cell_error:
            if strict:
                return
            value, problem = cell_error, "spreadsheet error"
        elif fld == "last_reviewed":
            try:
                parsed = values.day(value)
            except ValueError as exc:
                parsed, problem = None, str(exc)
            if parsed is None and (strict or not problem):
                return
            value = parsed if parsed is not None else values.text(value)
        elif not values.text(value):
            return
        seen.add(fld)
        facts.append(MapFact(fld, value, sheet, row, label, problem))

    by_name = {s.name: s for s in sheets}
    titles: list[MapFact] = []  # a lone line above a table: the map's title, when nothing names the map
    ordered = sorted(plans, key=lambda p: p.role != "meta")
    scanned: set[str] = set()
    later: list[tuple] = []  # facts on sheets the map does not otherwise read: below the others
    changed: list[tuple] = []  # a change log's latest date, its sheet and row
    for plan in ordered:
        sheet = by_name[plan.name]
        if plan.name in scanned:
            continue  # a second table on the sheet: what is above it is the first table
        scanned.add(plan.name)
        if plan.role == "meta":
            found = _key_value_rows(sheet, 200, _fact_phrases()) or _fact_table(sheet)
            for fld, (value, row, label, error) in found.items():
                add(fld, value, sheet.name, row, label, error, strict=False)
            limit = min(len(sheet.rows), 200)
        elif plan.turned_at is not None:  # a transposed sheet: its first label rows may be the map's facts
            limit = plan.turned_at + 3        # («Версия: 3.4 | Актуализирована: 09.11.2026» above «Код этапа»)
        elif plan.header_row is not None:
            limit = plan.header_row - plan.header_rows + 1
        else:  # a "Read me" or contents sheet may still say who owns the map and when it was updated
            said = _key_value_rows(sheet, HEADER_SCAN_ROWS, _fact_phrases())
            latest = _latest_change(sheet)
            # …as label: value lines, or as a row of labels over a row of values («О документе»); a change
            # log's first row is its oldest change, not the map's facts
            for fld, found in (_fact_table(sheet) if latest is None else {}).items():
                said.setdefault(fld, found)
            for fld, (value, row, label, _) in said.items():
                if fld in ("owner", "last_reviewed", "client", "version", "name"):
                    later.append((fld, value, sheet.name, row, label))
            if latest is not None:
                changed.append((latest[0], sheet.name, latest[1]))
                later.append(("owner", latest[2], sheet.name, latest[1], sheet.name))
            for index, row in enumerate(sheet.rows[:3]):  # a cover sheet's first line names the map
                cells = [c for c in row if values.text(c)]
                if len(cells) == 1 and len(values.text(cells[0])) >= 8 and not _is_label(values.text(cells[0])) \
                        and _MAP_TITLE.search(values.text(cells[0])) and _fact_in_text(values.text(cells[0])) is None \
                        and not titles:
                    titles.append(MapFact("name", _title_without_facts(values.text(cells[0])), sheet.name, index + 1, ""))
                    break
            continue
        for index, row in enumerate(sheet.rows[:limit]):
            cells = [c for c in row if values.text(c)]
            # a lone line names the map; above a scenario sheet's steps it names the scenario
            if (plan.role != "scenario_sheet" and len(cells) == 1 and _fact_in_text(values.text(cells[0])) is None
                    and len(values.text(cells[0])) >= 8 and not _is_label(values.text(cells[0]))):
                titles.append(MapFact("name", _title_without_facts(values.text(cells[0])), sheet.name, index + 1, ""))
            for position, cell in enumerate(cells):
                text = values.text(cell)
                found = [fact for part in _fact_parts(text) if (fact := _fact_in_text(part))]
                for fld, label, value in found:
                    add(fld, value, sheet.name, index + 1, label)
                paired = (len(cells) == 2 and position == 0) or (text.rstrip().endswith((":", "："))
                                                                  and position + 1 < len(cells))
                if not found and paired and not _is_label(values.text(cells[position + 1])):
                    label = text.rstrip(":：").strip().casefold()
                    for fld, known in _fact_labels():
                        if label == known:
                            add(fld, cells[position + 1], sheet.name, index + 1, text.rstrip(":："))
                            break
    for day, sheet_name, row in changed:
        # the change log is the record of revisions: its latest date dates the map over a cover page's
        # date that repeats it or is older (people forget the cover)
        stated = next((f for f in facts if f.field == "last_reviewed"), None)
        if stated is not None and isinstance(stated.value, date) and stated.value <= day:
            facts.remove(stated)
            seen.discard("last_reviewed")
        add("last_reviewed", day, sheet_name, row, sheet_name)
    for fld, value, sheet_name, row, label in later:
        if value is not None:
            add(fld, value, sheet_name, row, label)
    if titles:
        add("name", titles[0].value, titles[0].sheet, titles[0].row, "")
    return facts


# --- the workbook ---------------------------------------------------------------------------------

def _notes_title(row: list[object]) -> bool:
    """A block title naming notes, a legend or a change log («История пересмотров карты», "Notes")."""
    title = _title_line(row)
    return bool(title) and (title_score(title, "ignore") >= 0.6 or _names_a_changelog(title))


def _notes_below(sheet: RawSheet, header_row: int) -> int | None:
    """Where a table ends when a block of notes or a change log follows it after a blank row."""
    rows = sheet.rows
    for index in range(header_row + 2, len(rows)):
        if not any(values.text(c) for c in rows[index - 1]) and _notes_title(rows[index]):
            return index - 1
    return None


@lru_cache(maxsize=1)
def _changelog_titles() -> tuple[tuple[str, ...], ...]:
    return tuple(stems(w) for w in vocab.load("headers")["changelog"]["sheet"])


def _names_a_changelog(title: str) -> bool:
    """«История пересмотров карты», "Version history": a block title naming a change log."""
    words = set(stems(title))
    return any(phrase and set(phrase) <= words for phrase in _changelog_titles())


_MAP_TITLE = re.compile(r"карт|\bmap\b|коммуникац|\bcrm\b|\bcjm\b|messaging|lifecycle", re.IGNORECASE)


SIDE_ROLES = ("segments", "stages", "channels", "events", "systems", "integrations")


_LABELLED = re.compile(r"^\s*(?P<label>[^\W\d_][^:：\n]{0,40}?)\s*[:：]\s*(?P<value>.*)$", re.DOTALL)


_BULLET = re.compile(r"^\s*(?:[—–\-•·*▪►‣]|\d{1,2}[.)])\s+")
_BLOCK_HEADING = re.compile(r"^\s*(?P<kind>сценарий|цепочка|рассылка|кампания|механика|scenario|flow|journey|campaign|"
                            r"sequence|program|programme)\s*№?\s*(?P<code>[\w.-]{1,12}?)[.:)]?\s+[—–-]?\s*(?P<name>\S.*)$",
                            re.IGNORECASE)


def labelled_blocks(sheet: RawSheet) -> RawSheet | None:
    """Scenarios written as blocks of «Label: value» lines in one column, a blank line between blocks («Сценарий:
    Велком», «Кому: …», «Шаги: 1) … 2) …») — a brief for a contractor: the same sheet as a table, a row per block
    and a column per label, which the wide-sheet reader then reads. None for any other sheet."""
    blocks: list[dict[str, object]] = []
    current: dict[str, object] = {}
    labelled = other = 0
    listing = ""  # «Касания:» with nothing after it: the bullet lines below are its value
    for index, row in enumerate(sheet.rows):
        if index == 100 and labelled < 3 * other:
            return None  # an ordinary table: decided on its first rows, not its hundred thousand
        cells = [c for c in row if values.text(c)]
        if not cells:
            if current:
                blocks.append(current)
                current = {}
            listing = ""
            continue
        first = values.text(cells[0])
        bullet = _BULLET.match(first) if listing and len(cells) == 1 else None
        if bullet is not None:  # «— через 1 час: email «…» (сервисное)»: the next item of the list
            items = str(current.get(listing, "")).splitlines()
            current[listing] = "\n".join([*items, f"{len(items) + 1}) {first[bullet.end():].strip()}"])
            labelled += 1
            continue
        listing = ""
        heading = _BLOCK_HEADING.match(first) if len(cells) == 1 else None
        if heading is not None:  # «Сценарий 3. Пролонгация ОСАГО»: a block begins, named
            if current:
                blocks.append(current)
            current = {"№": heading["code"], heading["kind"].capitalize(): heading["name"].strip()}
            labelled += 2
            continue
        match = _LABELLED.match(first) if len(cells) <= 2 else None
        if match is None or len(match["label"].split()) > 4:
            other += 1
            continue
        label = " ".join(match["label"].split())
        value = " ".join(match["value"].split()) if "\n" not in match["value"] else match["value"].strip()
        if len(cells) == 2 and not value:
            value = values.text(cells[1])
        if not value and len(cells) == 1:
            listing = label  # «Касания:» — its items follow, a line each
        if label in current:  # the first label again: the next block begins
            blocks.append(current)
            current = {}
        current[label] = value
        labelled += 1
    if current:
        blocks.append(current)
    named = [i for i, block in enumerate(blocks) if "№" in block]
    if named:  # the document's own lines above its first «Сценарий 1. …» («Версия: 4.2») are no scenario
        blocks = blocks[named[0]:]
    if len(blocks) < 2 or labelled < 3 * other or labelled < 8:
        return None
    counts: dict[str, int] = {}
    for block in blocks:
        for label in block:
            counts[label] = counts.get(label, 0) + 1
    if sum(1 for n in counts.values() if n >= 2) < 3:
        return None  # blocks of the same labels, three at least: no list of unrelated notes
    header = list(dict.fromkeys(label for block in blocks for label in block))
    if len(header) > 30:
        return None
    rows = [header] + [[block.get(label, "") for label in header] for block in blocks if len(block) >= 2]
    return RawSheet(sheet.name, rows, {})


def split_side_tables(sheets: list[RawSheet], mapping: ColumnMapping | None = None) -> list[RawSheet]:
    """A small reference table written beside the main one on the same sheet — an empty column between them,
    a title over it ("Lists", «Справочник сегментов») — becomes a sheet of its own, named `<sheet> › <title>`:
    an owner keeps the audience sizes to the right of the flows. Only a block that reads as an entity table
    (segments, stages, channels, events, systems) is split off; a column group of the main table stays."""
    from audit.importer.lanes import pipeline_columns, segment_columns, segment_names_of, swimlanes

    mapping = mapping or ColumnMapping()
    out: list[RawSheet] = []
    segment_names = segment_names_of(sheets)
    for sheet in sheets:
        sheet = labelled_blocks(sheet) or swimlanes(sheet) or (
            segment_columns(sheet, segment_names) if segment_names else None) or sheet
        out.extend(pipeline_columns(sheet) or _side_table(sheet, mapping) or [sheet])
    return out


def _side_table(sheet: RawSheet, mapping: ColumnMapping) -> list[RawSheet] | None:
    for index, row in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
        filled = [col for col, cell in enumerate(row) if values.text(cell)]
        if len(filled) < 4:
            continue
        for gap in range(filled[0] + 1, filled[-1]):
            if values.text(row[gap]) or sum(1 for c in filled if c > gap) < 2 or sum(1 for c in filled if c < gap) < 2:
                continue
            if any(gap < len(r) and values.text(r[gap]) for r in sheet.rows[index:]):
                continue
            title = next((t for r in reversed(sheet.rows[max(0, index - LEGEND_TITLE_ROWS):index])
                          if (t := _title_line(r[gap + 1:]))), "")
            if not title:
                continue  # no title over the block: columns of the same table, an empty one between groups
            right = RawSheet(f"{sheet.name} › {title}", [list(r[gap + 1:]) for r in sheet.rows],
                             {(i, c - gap - 1): e for (i, c), e in sheet.errors.items() if c > gap})
            plan = plan_sheet(right, mapping, frozenset())
            if plan.role not in SIDE_ROLES or plan.header_row is None or plan.confidence < 2.0:
                continue
            left = RawSheet(sheet.name, [list(r[:gap]) for r in sheet.rows],
                            {(i, c): e for (i, c), e in sheet.errors.items() if c < gap})
            return [left, right]
        return None
    return None


def recognise(path: str, sheets: list[RawSheet], mapping: ColumnMapping | None = None) -> ReadingPlan:
    """The reading plan of a workbook: segment sheets first, so their names help read the rest."""
    mapping = mapping or ColumnMapping()
    plans: dict[str, SheetPlan] = {}
    segment_names: frozenset[str] = frozenset()
    first = [s for s in sheets if sheet_name_score(s.name, "segments") >= 0.5
             or mapping.entity_for(s.name) == "segments"]
    for sheet in first:
        plans[sheet.name] = plan_sheets(sheet, mapping, frozenset())
        for plan in plans[sheet.name]:
            if plan.role == "segments":
                segment_names |= _names_in(sheet, plan)
    for sheet in sheets:
        if sheet.name not in plans:
            plans[sheet.name] = plan_sheets(sheet, mapping, segment_names)
    stage_names = frozenset(name for s in sheets for plan in plans[s.name] if plan.role == "stages"
                            for name in _names_in(s, plan))
    for sheet in sheets:
        matrix = _matrix_plan(sheet, plans[sheet.name], stage_names, mapping, segment_names)
        if matrix is not None:
            plans[sheet.name] = [matrix]
    ordered = [plan for s in sheets for plan in plans[s.name]]
    return ReadingPlan(path=path, sheets=ordered, facts=find_facts(sheets, ordered))


def _matrix_plan(sheet: RawSheet, plans: list[SheetPlan], stage_names: frozenset[str],
                 mapping: ColumnMapping, segment_names: frozenset[str] = frozenset()) -> SheetPlan | None:
    """A journey matrix: segments down the first column, the map's stages across the header, the
    scenarios serving each pair written in the cells («Новый лид с сайта (звонок → email)»).

    Recognised when at least two header cells name stages of the Stages sheet and the sheet is not
    confidently something else; the first column is the segment, every stage column is `stage`.
    """
    forced = mapping.entity_for(sheet.name) == "matrix"
    if len(stage_names) < 2 or (not forced and any(p.by_mapping or p.confidence >= 4 or p.role not in
                                                   ("flat", "ignore", "meta") for p in plans)):
        return None  # a Stages sheet lists stage names in its rows, too: only a sheet nothing else claims
    for index in range(min(HEADER_SCAN_ROWS, len(sheet.rows))):
        row = sheet.rows[index]
        stage_cols = [col for col, cell in enumerate(row) if col and values.text(cell)
                      and values.normalize_word(stage_word(values.text(cell))) in stage_names]
        named = {values.normalize_word(stage_word(values.text(row[col]))) for col in stage_cols}
        # two stages at least, and a first cell naming the segments column: a data row repeating one name
        # («3 | Брошенная корзина | Брошенная корзина») is no header
        if len(named) >= 2 and row and isinstance(row[0], str) and values.text(row[0]):
            firsts = [values.text(r[0]) for r in sheet.rows[index + 1:] if r and values.text(r[0])]
            channels = sum(1 for text in firsts if _names_channel(text))
            # channels down the first column («✉️ Email», «📲 Push»): the cells are touches, not scenario names
            down = "channel" if channels >= 2 and channels * 5 >= len(firsts) * 3 else "segments"
            columns = [ColumnPlan(0, values.text(row[0]), down, 0.8, "both")]
            columns += [ColumnPlan(col, values.text(row[col]), "stage" if col in stage_cols else None,
                                   0.9 if col in stage_cols else 0.0, "values" if col in stage_cols else "")
                        for col in range(1, len(row)) if values.text(row[col])]
            return SheetPlan(sheet.name, "matrix", index, 1, columns, float(len(stage_cols)), by_mapping=forced)
    return _stage_rows_plan(sheet, stage_names, segment_names, forced)


_STAGE_NUMBER = re.compile(r"^\s*(?:\d{1,2}|[IVX]{1,4})\s*[.)]\s*(?=\S)")


def stage_word(text: str) -> str:
    """A stage as a grid's header writes it, without its number: «1. Знакомство» → Знакомство."""
    return _STAGE_NUMBER.sub("", text).strip()


def _stage_rows_plan(sheet: RawSheet, stage_names: frozenset[str], segment_names: frozenset[str],
                     forced: bool) -> SheetPlan | None:
    """The matrix turned: the map's stages down the first column, channels (or segments) across the header,
    the scenarios at each stage in the cells ("Stage | Email | Push": «Триал | Онбординг триала»)."""
    rows = sheet.rows
    for index in range(min(HEADER_SCAN_ROWS, len(rows))):
        row = rows[index]
        first = values.text(row[0]) if row else ""
        if not first or values.normalize_word(first) in stage_names or len([c for c in row[1:] if values.text(c)]) < 1:
            continue
        below = [values.normalize_word(values.text(r[0])) for r in rows[index + 1:] if r and values.text(r[0])]
        staged = sum(1 for name in below if name in stage_names)
        if staged < 2 or staged * 5 < len(below) * 3:
            continue
        columns = [ColumnPlan(0, first, "stage", 0.9, "values")]
        for col in range(1, len(row)):
            header = values.text(row[col])
            if header:
                word = values.normalize_word(header)
                fld = "channel" if _names_channel(header) else "segments" if word in segment_names else "scenario"
                columns.append(ColumnPlan(col, header, fld, 0.8, "values"))
        return SheetPlan(sheet.name, "matrix", index, 1, columns, float(staged), by_mapping=forced)
    return None


def _names_in(sheet: RawSheet, plan: SheetPlan) -> frozenset[str]:
    sheet = sheet_as_read(sheet, plan)
    columns = plan.fields()
    cols = [columns[f][0] for f in ("id", "name") if f in columns]
    names = set()
    for raw in sheet.rows[plan.header_row + 1:plan.end_row]:
        for col in cols:
            if col < len(raw) and values.text(raw[col]):
                names.add(values.normalize_word(values.text(raw[col])))
    return frozenset(names)


def missing_columns(sheet: RawSheet, role_name: str) -> tuple[int | None, list[str]]:
    """For a sheet whose name says `role_name` but whose columns do not: the header row that came
    closest (1-based) and the required fields it lacks."""
    role = _roles()[role_name]
    best: tuple[int, int | None, list[str]] = (-1, None, list(role.required))
    for index in range(min(HEADER_SCAN_ROWS, len(sheet.rows))):
        headers = _header_texts(sheet.rows, index, 1)
        infos = [_ColumnValues() for _ in headers]
        plans, _ = _assign(role, headers, infos, ColumnMapping(), sheet.name)
        present = {p.field for p in plans if p.field}
        if len(present) > best[0]:
            best = (len(present), index + 1, [f for f in role.required if f not in present])
    return best[1], best[2]
