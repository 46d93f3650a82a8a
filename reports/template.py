"""`commap init TEMPLATE.xlsx [--lang ru]`: a blank normalized workbook to draw a map in.

Every sheet and header of SPEC §2 in the chosen language, drop-down lists for kinds, types,
statuses and yes/no, one example row per sheet, and a README sheet explaining each column.
The headers written here are aliases the importer reads, so a filled template audits as is.
"""
from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

YES_NO = {"en": "yes,no", "ru": "да,нет"}
CHOICES = {
    "kind": "email,sms,push,messenger,call,web,ads,social,offline,other",
    "tier": "vip,high,regular,low",
    "source": "site,app,crm,pos,platform,other",
    "type": "trigger,regular,service",
    "status": "active,planned,paused,off",
    "message_type": "promo,info,news,service,content,transactional",
}

# sheet → [(field, EN header, RU header, EN help, RU help, choices key or None)], example row
SHEETS: dict[str, dict] = {
    "meta": {"title": ("Map", "Карта"), "key_value": True, "fields": [
        ("name", "name", "название", "Name of the map", "Название карты", None, "Online store CRM map"),
        ("client", "client", "клиент", "Client company", "Компания-клиент", None, "Example Ltd"),
        ("version", "version", "версия", "Version of the map", "Версия карты", None, "1.0"),
        ("owner", "owner", "ответственный", "Who keeps the map up to date", "Кто отвечает за карту", None,
         "CRM manager"),
        ("last_reviewed", "last reviewed", "дата ревизии", "Date of the last review (refresh every 6 months)",
         "Дата последней ревизии (обновлять раз в полгода)", None, "2026-11-01"),
        ("platform", "platform", "платформа", "Platform that runs the map", "Платформа, на которой работает карта",
         None, "CDP"),
    ]},
    "segments": {"title": ("Segments", "Сегменты"), "fields": [
        ("id", "id", "id", "Unique segment id", "Уникальный идентификатор сегмента", None, "new"),
        ("name", "name", "название", "Segment name", "Название сегмента", None, "New customers"),
        ("parent", "parent", "родитель", "Parent segment id (a child receives its parent's scenarios)",
         "Родительский сегмент (дочерний получает его сценарии)", None, ""),
        ("size", "size", "размер", "Customers in the segment", "Число клиентов", None, 12000),
        ("tier", "tier", "уровень", "Value tier", "Ценность сегмента", "tier", "regular"),
        ("excluded", "excluded", "исключён", "Stop list: must receive no marketing",
         "Стоп-лист: маркетинговые сообщения запрещены", "yes_no", "no"),
        ("stage", "stage", "этап", "Journey stage id", "Этап пути клиента", None, "first_purchase"),
    ]},
    "stages": {"title": ("Stages", "Этапы"), "fields": [
        ("id", "id", "id", "Unique stage id", "Уникальный идентификатор этапа", None, "first_purchase"),
        ("name", "name", "название", "Stage name", "Название этапа", None, "First purchase"),
        ("order", "order", "порядок", "Position in the journey", "Порядок в пути клиента", None, 1),
        ("next", "next", "следующие", "Next stage ids", "Следующие этапы", None, ""),
        ("final", "final", "финальный", "The journey ends here", "Путь заканчивается здесь", "yes_no", "yes"),
    ]},
    "channels": {"title": ("Channels", "Каналы"), "fields": [
        ("id", "id", "id", "Unique channel id", "Уникальный идентификатор канала", None, "email"),
        ("name", "name", "название", "Channel name", "Название канала", None, "Email"),
        ("kind", "kind", "тип", "Channel kind", "Тип канала", "kind", "email"),
        ("system", "system", "система", "System that sends it", "Система, которая отправляет", None, "esp"),
        ("cost", "cost", "стоимость", "Cost per contact", "Стоимость контакта", None, 0.1),
    ]},
    "events": {"title": ("Events", "События"), "fields": [
        ("id", "id", "id", "Unique event id", "Уникальный идентификатор события", None, "order_paid"),
        ("name", "name", "название", "Event name", "Название события", None, "Order paid"),
        ("source", "source", "источник", "Where it is tracked", "Откуда приходит", "source", "site"),
        ("tracked", "tracked", "отслеживается", "Is it really collected?", "Собирается ли на самом деле",
         "yes_no", "yes"),
        ("key", "key", "ключ", "Name in the analytics system", "Имя в системе аналитики", None, "purchase"),
    ]},
    "scenarios": {"title": ("Scenarios", "Сценарии"), "fields": [
        ("id", "id", "id", "Unique scenario id", "Уникальный идентификатор сценария", None, "welcome"),
        ("name", "name", "название", "Scenario name", "Название сценария", None, "Welcome chain"),
        ("type", "type", "тип", "Trigger, regular or service", "Триггерный, регулярный или сервисный", "type",
         "trigger"),
        ("segments", "segments", "сегменты", "Segment ids, or * for every segment not excluded",
         "Сегменты, или * — все неисключённые", None, "new"),
        ("stage", "stage", "этап", "Journey stage id", "Этап пути клиента", None, "first_purchase"),
        ("trigger", "trigger", "триггер", "Event id that starts a trigger scenario",
         "Событие, запускающее триггерный сценарий", None, "order_paid"),
        ("schedule", "schedule", "расписание", "For regular mailings: weekly, 2/week, monthly",
         "Для регулярных: weekly, 2/week, monthly", None, ""),
        ("goal", "goal", "цель", "What the scenario is for", "Зачем сценарий", None, "Second purchase"),
        ("goal_event", "goal event", "целевое событие", "Event that measures the goal",
         "Событие, по которому меряется цель", None, "order_paid"),
        ("stop_event", "stop event", "стоп-событие", "Events that stop the scenario",
         "События, останавливающие сценарий", None, "order_paid"),
        ("kpi", "kpi", "kpi", "How success is measured", "Как измеряется успех", None, "Repeat purchase rate"),
        ("owner", "owner", "ответственный", "Who owns the scenario", "Кто отвечает за сценарий", None,
         "CRM manager"),
        ("status", "status", "статус", "Active, planned, paused or off", "Активен, запланирован, на паузе, выключен",
         "status", "active"),
        ("last_reviewed", "last reviewed", "дата ревизии", "Date of the last review", "Дата последней ревизии",
         None, "2026-11-01"),
    ]},
    "steps": {"title": ("Steps", "Шаги"), "fields": [
        ("scenario", "scenario", "сценарий", "Scenario id", "Идентификатор сценария", None, "welcome"),
        ("step", "step", "шаг", "Step id within the scenario", "Идентификатор шага в сценарии", None, "S1"),
        ("channel", "channel", "канал", "Channel id", "Канал", None, "email"),
        ("message", "message", "сообщение", "What the customer gets", "Что получает клиент", None,
         "Welcome and a guide"),
        ("message_type", "message type", "тип сообщения", "Promo, info, news, service, content, transactional",
         "Акционное, информационное, новостное, сервисное, контентное, транзакционное", "message_type", "content"),
        ("delay", "delay", "задержка", "Wait before sending: 30m, 2h, 1d, 1w",
         "Пауза перед отправкой: 30m, 2h, 1d, 2ч, 3 дня", None, "0"),
        ("condition", "condition", "условие", "e.g. not opened S1 within 24h",
         "например: не открыл S1 в течение 24ч", None, ""),
        ("next", "next", "следующий", "Next step ids (default: the next row)",
         "Следующие шаги (по умолчанию — следующая строка)", None, ""),
        ("goal", "goal", "цель", "Goal of the step", "Цель шага", None, ""),
    ]},
    "systems": {"title": ("Systems", "Системы"), "fields": [
        ("id", "id", "id", "Unique system id", "Уникальный идентификатор системы", None, "esp"),
        ("name", "name", "название", "System name", "Название системы", None, "Email service provider"),
        ("channels", "channels", "каналы", "Channel kinds or ids it sends", "Каналы, которые она отправляет", None,
         "email"),
        ("orchestration", "orchestration", "оркестрация", "Can branch on its own channels' feedback",
         "Умеет ветвить цепочку по обратной связи своих каналов", "yes_no", "yes"),
        ("receives", "receives", "принимает", "Event sources it receives", "Какие источники событий принимает",
         None, "site"),
    ]},
    # no example row: one needs two systems, and a lone example would point at an undefined one
    "integrations": {"title": ("Integrations", "Интеграции"), "example": False, "fields": [
        ("from", "from", "откуда", "System id sending data", "Система-источник", None, "esp"),
        ("to", "to", "куда", "System id receiving it", "Система-получатель", None, "sms_gateway"),
        ("carries", "carries", "передаёт", "Feedback and events it carries, or *", "Что передаёт, или *", None,
         "opened, clicked"),
    ]},
}


def template_bytes(lang: str = "en") -> bytes:
    ru = lang == "ru"
    workbook = Workbook()
    workbook.remove(workbook.active)
    readme = workbook.create_sheet("README" if not ru else "Инструкция")
    readme.append(["Sheet", "Column", "What to write"] if not ru else ["Лист", "Столбец", "Что писать"])
    for cell in readme[1]:
        cell.font = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="EAECF0")
    for spec in SHEETS.values():
        title = spec["title"][1 if ru else 0]
        sheet = workbook.create_sheet(title)
        fields = spec["fields"]
        for _field, en, ru_header, en_help, ru_help, _choices, _example in fields:
            readme.append([title, ru_header if ru else en, ru_help if ru else en_help])
        if spec.get("key_value"):
            for _field, en, ru_header, _h1, _h2, _c, example in fields:
                sheet.append([ru_header if ru else en, example])
            sheet.column_dimensions["A"].width = 22
            sheet.column_dimensions["B"].width = 40
            continue
        sheet.append([f[2] if ru else f[1] for f in fields])
        if spec.get("example", True):
            sheet.append([f[6] if f[5] != "yes_no" else _yes_no(f[6], ru) for f in fields])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.fill = header_fill
            cell.alignment = Alignment(wrap_text=True)
        sheet.freeze_panes = "A2"
        for index, fld in enumerate(fields, 1):
            letter = get_column_letter(index)
            sheet.column_dimensions[letter].width = max(12, len(fld[2] if ru else fld[1]) + 4)
            if fld[5]:
                options = YES_NO["ru" if ru else "en"] if fld[5] == "yes_no" else CHOICES[fld[5]]
                validation = DataValidation(type="list", formula1=f'"{options}"', allow_blank=True)
                validation.add(f"{letter}2:{letter}1000")
                sheet.add_data_validation(validation)
    readme.column_dimensions["A"].width = 16
    readme.column_dimensions["B"].width = 20
    readme.column_dimensions["C"].width = 80
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _yes_no(example: str, ru: bool) -> str:
    if not ru:
        return example
    return {"yes": "да", "no": "нет"}.get(example, example)
