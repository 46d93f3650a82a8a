"""Sheet and column names of the normalized workbook (SPEC §2), in English and Russian.

Names are matched after `normalize_word` (case, spaces, underscores and punctuation ignored,
ё = е). The first alias of each field is its canonical name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from audit import vocab
from audit.values import normalize_word


@dataclass(frozen=True)
class SheetSpec:
    entity: str
    aliases: tuple[str, ...]
    fields: dict[str, tuple[str, ...]]
    required: tuple[str, ...]
    id_fields: tuple[str, ...] = ("id",)
    key_value: bool = False
    alias_index: dict[str, str] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        for name, aliases in self.fields.items():
            for alias in (name, *aliases):
                self.alias_index.setdefault(normalize_word(alias), name)

    def field_for(self, header: str) -> str | None:
        return self.alias_index.get(normalize_word(header))


_NAME = ("name", "название", "наименование", "имя", "title")
# A step's sending platform, as client maps head the column (Steps sheet and wide sheet alike).
STEP_SYSTEM_WORDS = ("система", "платформа", "сервис", "сервис рассылки", "инструмент", "отправляет",
                     "platform", "tool", "sent via", "sender", "esp")

SHEETS: tuple[SheetSpec, ...] = (
    SheetSpec(
        "meta",
        ("map", "карта", "карта коммуникаций", "communication map", "about", "meta", "о карте", "паспорт"),
        {
            "name": ("название", "наименование", "map name", "название карты"),
            "client": ("клиент", "компания", "company", "customer"),
            "version": ("версия",),
            "owner": ("ответственный", "владелец", "автор", "author"),
            "last_reviewed": ("дата ревизии", "ревизия", "last review", "reviewed", "updated", "last updated",
                              "дата обновления", "обновлено", "дата пересмотра"),
            "platform": ("платформа",),
        },
        (),
        key_value=True,
    ),
    SheetSpec(
        "segments",
        ("segments", "сегменты", "segment", "сегмент", "аудитории", "audiences"),
        {
            "id": ("ид", "код", "code", "segment", "сегмент", "segment id", "id сегмента"),
            "name": _NAME,
            "parent": ("родитель", "родительский сегмент", "parent segment", "входит в"),
            "size": ("размер", "численность", "количество", "count", "customers", "клиентов"),
            "tier": ("уровень", "level", "value tier", "ценность"),
            "excluded": ("исключен", "исключён", "stop list", "стоп лист", "стоп-лист", "exclude", "стоплист"),
            "stage": ("этап", "стадия", "journey stage"),
        },
        ("id",),
    ),
    SheetSpec(
        "stages",
        ("stages", "этапы", "stage", "этап", "journey", "cjm", "воронка", "funnel", "стадии"),
        {
            "id": ("ид", "код", "code", "stage", "этап", "stage id"),
            "name": _NAME,
            "order": ("порядок", "№", "no", "number", "position"),
            "next": ("следующие", "следующий", "следующий этап", "next stages", "next stage", "переход"),
            "final": ("финальный", "последний", "конечный", "is final", "terminal"),
        },
        ("id",),
    ),
    SheetSpec(
        "channels",
        ("channels", "каналы", "channel", "канал"),
        {
            "id": ("ид", "код", "code", "channel", "канал", "channel id"),
            "name": _NAME,
            "kind": ("тип", "type", "вид", "channel type", "тип канала"),
            "system": ("система", "платформа", "platform", "sender", "провайдер", "provider"),
            "cost": ("стоимость", "цена", "price", "cost per contact", "стоимость контакта"),
            "feedback": ("обратная связь", "статусы", "reports", "statuses", "события канала"),
        },
        ("id",),
    ),
    SheetSpec(
        "events",
        ("events", "события", "event", "событие", "триггеры", "triggers"),
        {
            "id": ("ид", "код", "code", "event", "событие", "event id"),
            "name": _NAME,
            "source": ("источник", "откуда", "tracked by"),
            "tracked": ("отслеживается", "трекается", "is tracked", "tracking", "собирается", "настроено"),
            "key": ("ключ", "analytics name", "analytics key", "имя в аналитике", "event name", "tag"),
        },
        ("id",),
    ),
    SheetSpec(
        "scenarios",
        ("scenarios", "сценарии", "scenario", "сценарий", "chains", "цепочки", "рассылки", "campaigns", "кампании"),
        {
            "id": ("ид", "код", "code", "scenario", "сценарий", "scenario id"),
            "name": _NAME,
            "type": ("тип", "вид", "scenario type", "тип сценария"),
            "segments": ("сегменты", "сегмент", "segment", "audience", "аудитория"),
            "stage": ("этап", "стадия", "journey stage"),
            "trigger": ("триггер", "trigger event", "событие запуска", "запуск"),
            "schedule": ("расписание", "периодичность", "frequency", "частота"),
            "goal": ("цель",),
            "goal_event": ("целевое событие", "goal event id", "conversion event", "событие цели"),
            "stop_event": ("стоп-событие", "стоп событие", "stop events", "стоп", "stop", "stop event"),
            "kpi": ("кпи", "kpis", "метрика", "metric"),
            "owner": ("ответственный", "владелец"),
            "status": ("статус", "state", "состояние"),
            "last_reviewed": ("дата ревизии", "ревизия", "last review", "reviewed", "дата пересмотра"),
        },
        ("id",),
    ),
    SheetSpec(
        "steps",
        ("steps", "шаги", "touchpoints", "касания", "step", "шаг", "touchpoint", "касание", "messages", "сообщения"),
        {
            "scenario": ("сценарий", "scenario id", "chain", "цепочка"),
            "step": ("шаг", "step id", "id", "ид", "№", "номер шага"),
            "channel": ("канал",),
            "message": ("сообщение", "текст", "text", "content", "тема", "subject", "содержание"),
            "message_type": ("тип сообщения", "message kind", "тип контента", "type", "тип"),
            "delay": ("задержка", "через", "wait", "пауза", "timing", "когда"),
            "condition": ("условие", "if", "если"),
            "next": ("следующий", "следующие", "next step", "next steps", "далее", "следующий шаг"),
            "goal": ("цель",),
            "system": STEP_SYSTEM_WORDS,
        },
        ("scenario", "step", "channel"),
        id_fields=("scenario", "step"),
    ),
    SheetSpec(
        "systems",
        ("systems", "системы", "system", "система", "platforms", "платформы", "инструменты", "tools"),
        {
            "id": ("ид", "код", "code", "system", "система"),
            "name": _NAME,
            "channels": ("каналы", "channel", "канал"),
            "orchestration": ("оркестрация", "can branch", "branching", "ветвление"),
            "receives": ("принимает", "event sources", "источники событий", "получает"),
        },
        ("id",),
    ),
    SheetSpec(
        "integrations",
        ("integrations", "интеграции", "integration", "интеграция"),
        {
            "from": ("откуда", "from system", "source", "источник"),
            "to": ("куда", "to system", "target", "приемник", "получатель"),
            "carries": ("передает", "передаёт", "data", "данные", "what"),
        },
        ("from", "to"),
        id_fields=("from", "to"),
    ),
)

SHEET_BY_ALIAS: dict[str, SheetSpec] = {}
for _spec in SHEETS:
    for _alias in (_spec.entity, *_spec.aliases):
        SHEET_BY_ALIAS.setdefault(normalize_word(_alias), _spec)


_GOOGLE_EXPORT_SEPARATOR = re.compile(r"\s[-–—]\s")


def spec_for_sheet(name: str) -> SheetSpec | None:
    """The entity a sheet holds, by its name; a name like `Steps (touchpoints)` matches too.

    A Google Sheets CSV download is named `<spreadsheet> - <sheet>.csv`
    (`Карта коммуникаций - Шаги.csv`): the part after the last dash names the sheet.
    """
    word = normalize_word(name)
    if word in SHEET_BY_ALIAS:
        return SHEET_BY_ALIAS[word]
    head = normalize_word(name.split("(")[0].split("/")[0])
    if head in SHEET_BY_ALIAS:
        return SHEET_BY_ALIAS[head]
    parts = _GOOGLE_EXPORT_SEPARATOR.split(name)
    if len(parts) > 1:
        return spec_for_sheet(parts[-1])
    return None


def _aliases(mapping: dict[str, str]) -> dict[str, str]:
    return {normalize_word(word): canonical for word, canonical in mapping.items()}


def _vocabulary(table: str) -> dict[str, str]:
    """normalized word → canonical value, from `audit/vocab/values.toml`; the canonical names match too."""
    words = vocab.load("values")[table]
    return _aliases({word: canonical for canonical, spellings in words.items() for word in (canonical, *spellings)})


CHANNEL_KINDS = _vocabulary("channel_kinds")
SCENARIO_TYPES = _vocabulary("scenario_types")
STATUSES = _vocabulary("statuses")
MESSAGE_TYPES = _vocabulary("message_types")
TIERS = _vocabulary("tiers")
EVENT_SOURCES = _vocabulary("event_sources")
