"""The communication map as plain slotted dataclasses.

The importer has already parsed and typed every cell when it builds a record, so records carry
no second validation pass (a map of 100,000 steps is built in a fraction of what pydantic
models cost); what comes from outside as structured input — configuration, platform profiles,
personas, column mappings — stays in pydantic. Enum fields given as words ("vip") are turned
into their enum on construction, as the importer and tests write them.

Every record keeps its source (sheet, row and the header each field was read from), so that a
finding can point at the cell a consultant has to fix. Ids are kept as written (`id`) and
compared through `key` (trimmed, case-folded).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from functools import lru_cache
from typing import Any

from audit.findings import Location, Severity



@lru_cache(maxsize=1 << 18)
def id_key(text: str) -> str:
    """How ids are compared: trimmed, case-insensitive, ё = е."""
    return " ".join(text.split()).casefold().replace("ё", "е")


@dataclass(slots=True, kw_only=True)
class Source:
    """Where a record came from; `columns` maps a field name to the header it was read from."""

    sheet: str | None = None
    row: int | None = None
    columns: dict[str, str] = field(default_factory=dict)

    def at(self, field: str | None = None) -> Location:
        column = self.columns.get(field) if field else None
        if field and column is None and field in ("id", "step"):
            column = field
        return Location(sheet=self.sheet, row=self.row, column=column)


@dataclass(slots=True, kw_only=True)
class Record:
    id: str
    name: str = ""
    source: Source = field(default_factory=Source)
    declared: bool = True  # False: not on its own sheet, derived from the cells that refer to it
    # the id as compared, worked out once: ids are not changed after a record is read
    _key: str | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def key(self) -> str:
        key = self._key
        if key is None:
            key = self._key = id_key(self.id)
        return key

    @property
    def label(self) -> str:
        """`name (id)` when a name differs from the id, else the id."""
        return f"{self.name} ({self.id})" if self.name and self.name != self.id else self.id


class ChannelKind(str, Enum):
    EMAIL = "email"
    SMS = "sms"
    PUSH = "push"
    MESSENGER = "messenger"
    CALL = "call"
    WEB = "web"
    ADS = "ads"
    SOCIAL = "social"
    OFFLINE = "offline"
    OTHER = "other"


class ScenarioType(str, Enum):
    TRIGGER = "trigger"
    REGULAR = "regular"
    SERVICE = "service"


class Status(str, Enum):
    ACTIVE = "active"
    PLANNED = "planned"
    PAUSED = "paused"
    OFF = "off"

    @property
    def live(self) -> bool:
        """Active and planned scenarios are the map's intent; paused and off ones are not."""
        return self in (Status.ACTIVE, Status.PLANNED)


class MessageType(str, Enum):
    PROMO = "promo"
    INFO = "info"
    NEWS = "news"
    SERVICE = "service"
    CONTENT = "content"
    TRANSACTIONAL = "transactional"


class Tier(str, Enum):
    VIP = "vip"
    HIGH = "high"
    REGULAR = "regular"
    LOW = "low"


class EventSource(str, Enum):
    SITE = "site"
    APP = "app"
    CRM = "crm"
    POS = "pos"
    PLATFORM = "platform"
    OTHER = "other"


class ConditionKind(str, Enum):
    FEEDBACK = "feedback"
    EVENT = "event"
    NO_EVENT = "no_event"
    FILTER = "filter"  # an audience filter ("только тем, у кого нет приложения"): no condition on feedback


@dataclass(frozen=True, slots=True, kw_only=True)
class Condition:
    """A machine-readable step condition (SPEC §2 grammar).

    `feedback` conditions name the step whose feedback is awaited; `step_ref` None means the
    step before this one. A condition in words may name that step by its channel (`channel`:
    email, sms, push, messenger, call, or a messenger by name such as viber) and an `ordinal`
    ("второе письмо" → 2); the importer resolves them to `step_ref`. A `filter` condition only
    says who receives the step; its text is the step's `condition_text`.
    """

    kind: ConditionKind
    negated: bool = False
    feedback: str | None = None
    step_ref: str | None = None
    event: str | None = None
    within_minutes: int | None = None
    channel: str | None = None
    ordinal: int | None = None


@dataclass(slots=True, kw_only=True)
class MapMeta:
    name: str = ""
    client: str = ""
    version: str = ""
    owner: str = ""
    last_reviewed: date | None = None
    platform: str = ""
    source: Source = field(default_factory=Source)


@dataclass(slots=True, kw_only=True)
class Segment(Record):
    parent: str | None = None
    size: int | None = None
    tier: Tier | None = None
    excluded: bool = False
    stage: str | None = None

    def __post_init__(self) -> None:
        if self.tier is not None and type(self.tier) is not Tier:
            self.tier = Tier(self.tier)


@dataclass(slots=True, kw_only=True)
class Stage(Record):
    order: float | None = None
    next: list[str] = field(default_factory=list)
    final: bool = False
    final_said: bool = False  # its final cell holds a yes or a no (a map answering "no" for every stage means it)


@dataclass(slots=True, kw_only=True)
class Channel(Record):
    kind: ChannelKind = ChannelKind.OTHER
    system: str | None = None
    cost: float | None = None
    feedback: list[str] | None = None

    def __post_init__(self) -> None:
        if type(self.kind) is not ChannelKind:
            self.kind = ChannelKind(self.kind)


@dataclass(slots=True, kw_only=True)
class Event(Record):
    event_source: EventSource | None = None
    source_name: str = ""  # the source cell as written, when it names a system rather than a kind
    tracked: bool | None = None
    analytics_key: str | None = None

    def __post_init__(self) -> None:
        if self.event_source is not None and type(self.event_source) is not EventSource:
            self.event_source = EventSource(self.event_source)


@dataclass(slots=True, kw_only=True)
class Scenario(Record):
    type: ScenarioType | None = None
    segments: list[str] = field(default_factory=list)
    all_segments: bool = False
    # written as the whole base («вся база», "all customers"): every segment, the stop list included
    whole_base: bool = False
    stage: str | None = None
    trigger: str | None = None
    schedule: str | None = None
    goal: str = ""
    goal_event: str | None = None
    stop_events: list[str] = field(default_factory=list)
    kpi: str = ""
    owner: str = ""
    status: Status = Status.ACTIVE
    last_reviewed: date | None = None

    def __post_init__(self) -> None:
        if self.type is not None and type(self.type) is not ScenarioType:
            self.type = ScenarioType(self.type)
        if type(self.status) is not Status:
            self.status = Status(self.status)


@dataclass(slots=True, kw_only=True)
class Step:
    scenario: str
    id: str
    channel: str
    message: str = ""
    message_type: MessageType | None = None
    delay_minutes: int | None = None
    send_time: str | None = None  # "HH:MM" from the timing cell («в 11:00», "at 10am")
    timing_text: str = ""  # the timing cell as written (audit.timing.parse_timing reads its other parts)
    condition_text: str = ""
    condition: Condition | None = None
    next: list[str] | None = None
    next_text: str = ""  # the `next` cell's words that were no step id ("back to touch 1 — max 2 resends")
    goal: str = ""
    system: str | None = None  # the sending platform named on the step's own row; wins over the channel's
    source: Source = field(default_factory=Source)

    # (scenario, step) as compared, worked out once: a step's ids are not changed after it is read
    _key: tuple[str, str] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def key(self) -> tuple[str, str]:
        key = self._key
        if key is None:
            key = self._key = (id_key(self.scenario), id_key(self.id))
        return key

    @property
    def ref(self) -> str:
        """Entity id of a step: `scenario/step` as written."""
        return f"{self.scenario}/{self.id}"

    @property
    def label(self) -> str:
        return self.ref


@dataclass(slots=True, kw_only=True)
class System(Record):
    channels: list[str] = field(default_factory=list)
    orchestration: bool = False
    receives: list[str] = field(default_factory=list)
    feedback: dict[str, list[str]] = field(default_factory=dict)
    sends_to: list[str] = field(default_factory=list)  # "Sends data to" on the Systems sheet, as written
    passes: list[str] = field(default_factory=list)  # feedback its notes say it passes on ("webhooks open/click")


@dataclass(slots=True, kw_only=True)
class Integration:
    from_system: str
    to_system: str
    carries: list[str] = field(default_factory=list)
    carries_unknown: bool = False  # a Systems sheet says data goes there, not which
    source: Source = field(default_factory=Source)

    @property
    def ref(self) -> str:
        return f"{self.from_system}->{self.to_system}"

    @property
    def carries_everything(self) -> bool:
        return "*" in self.carries


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportProblem:
    """A cell the importer could not read or a record it could not accept; MAP rules report these."""

    code: str
    entity_kind: str
    entity_id: str
    location: Location
    params: dict[str, str] = field(default_factory=dict)
    detail: str = ""
    # At most this severity (what stays unread in a timing cell is a warning); None: the rule's own
    severity: Severity | None = None


@dataclass(slots=True, kw_only=True)
class CommMap:
    """A whole map. `sheets` names the entity sheets the workbook really had (`segments`, `systems`…)."""

    path: str = ""
    sha256: str = ""
    language: str = "en"
    meta: MapMeta = field(default_factory=MapMeta)
    segments: list[Segment] = field(default_factory=list)
    stages: list[Stage] = field(default_factory=list)
    channels: list[Channel] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    scenarios: list[Scenario] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    systems: list[System] = field(default_factory=list)
    integrations: list[Integration] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)
    ignored_columns: list[Location] = field(default_factory=list)
    reading: Any = field(default=None, repr=False, compare=False)  # the importer's ReadingPlan

    def has_sheet(self, entity: str) -> bool:
        return entity in self.sheets

    def counts(self) -> dict[str, int]:
        return {
            "segments": len(self.segments),
            "stages": len(self.stages),
            "scenarios": len(self.scenarios),
            "steps": len(self.steps),
            "channels": len(self.channels),
            "events": len(self.events),
        }


def plain(value: Any, exclude: frozenset[str] | set[str] = frozenset()) -> Any:
    """A record as JSON-ready data: dataclasses as dicts of their fields (minus `exclude` at the top
    level), enums as their value, dates as ISO text, tuples as lists."""
    if hasattr(value, "__dataclass_fields__"):
        return {name: plain(getattr(value, name)) for name in value.__dataclass_fields__
                if name not in exclude and not name.startswith("_")}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    return value
