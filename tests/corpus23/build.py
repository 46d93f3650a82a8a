"""Build corpus23: two client communication maps with planted defects and answer keys.

map 1 (ru): dc_severny  - dealer + car service centre, consultant workbook, one sheet per scenario
map 2 (en): skillory    - online-learning subscription, lifecycle programme planner

Run:  /work/main/.venv/bin/python build.py
"""
import json
import shutil
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

HERE = Path(__file__).resolve().parent
TODAY = "2026-11-29"

THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")


def fill(hex_):
    return PatternFill("solid", start_color=hex_, end_color=hex_)


def q(s):
    """TOML basic string (JSON string syntax is a valid subset here)."""
    return json.dumps(s, ensure_ascii=False)


def header_row(ws, row, headers, colour="1F4E78"):
    for i, h in enumerate(headers, 1):
        c = ws.cell(row=row, column=i, value=h)
        c.font = Font(bold=True, color="FFFFFF")
        c.fill = fill(colour)
        c.alignment = Alignment(wrap_text=True, vertical="center")
        c.border = BOX


def body_rows(ws, start, rows, row_fill=None):
    r = start
    for row in rows:
        for i, v in enumerate(row, 1):
            c = ws.cell(row=r, column=i, value=v)
            c.alignment = WRAP
            c.border = BOX
            if row_fill:
                c.fill = fill(row_fill)
        r += 1
    return r


def widths(ws, ws_widths):
    for i, w in enumerate(ws_widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w


def write_answers(path, title, mapname, lang, defects, lookalikes, columns):
    out = [f"title = {q(title)}", f"map = {q(mapname)}", f"lang = {q(lang)}", f'today = "{TODAY}"', ""]
    for code, match, why in defects:
        out += ["[[defect]]", f"code = {q(code)}", f"match = {q(match)}", f"why = {q(why)}", ""]
    for code, match, why in lookalikes:
        out += ["[[lookalike]]", f"code = {q(code)}", f"match = {q(match)}", f"why = {q(why)}", ""]
    for sheet, header, field in columns:
        out += ["[[column]]", f"sheet = {q(sheet)}", f"header = {q(header)}", f"field = {q(field)}", ""]
    path.write_text("\n".join(out), encoding="utf-8")


# ════════════════════════════════════════════════════════════════════════════
# MAP 1 — ДЦ «Северный»: продажи + сервис, карта от консультанта
# ════════════════════════════════════════════════════════════════════════════

M1_DIR = HERE / "dc_severny"
M1_FILE = "karta_kommunikaciy_DC_Severny_v3.xlsx"

M1_SEGMENTS_HDR = ["Сегмент", "Кто входит", "Кол-во, чел.", "Ценность", "Стоп-лист", "Комментарий"]
M1_SEGMENTS = [
    ["Лиды без покупки", "оставили заявку (сайт, звонок, шоурум), договора нет", 4200, "низкая", "нет", ""],
    ["Новые владельцы", "купили авто в ДЦ менее 12 мес. назад", 1850, "средняя", "нет", ""],
    ["Владельцы на гарантии", "авто 1–3 года, обслуживаются у нас", 5300, "средняя", "нет", ""],
    ["Постгарантийные", "авто старше 3 лет, был хотя бы 1 визит в сервис", 7400, "средняя", "нет", "основная выручка сервиса"],
    ["VIP-клиенты", "2+ авто в семье или премиум-комплектация, сервис > 150 т.р./год", 140, "VIP", "нет", "персональный менеджер"],
    ["Корпоративные автопарки", "юрлица, парк от 3 машин", 36, "высокая", "нет",
     "ведёт менеджер корп. продаж вручную; сценарии — обсудить с клиентом"],
    ["Спящие", "не было визита в сервис 12+ мес.", 3100, "низкая", "нет", ""],
    ["Отказ от рекламы", "отписались / нет согласия на рекламу (38-ФЗ)", 960, "—", "ДА", "только сервисные и обязательные сообщения"],
]

M1_STAGES_HDR = ["№", "Этап", "Что происходит с клиентом", "Следующий этап", "Финальный?"]
M1_STAGES = [
    [1, "Интерес", "оставил заявку на сайте, позвонил, зашёл в шоурум", "Тест-драйв", "нет"],
    [2, "Тест-драйв", "приехал, прокатился, получил расчёт", "Покупка", "нет"],
    [3, "Покупка", "договор, оплата/кредит, выдача авто", "Владение и ТО", "нет"],
    [4, "Владение и ТО", "плановое ТО, ремонт, шины, допоборудование", "Повторная покупка; Отток", "нет"],
    [5, "Повторная покупка", "trade-in, второй автомобиль в семью", "—", "да"],
    [6, "Отток", "больше 12 мес. не был в сервисе, уехал к «гаражникам»", None, "нет"],
]

M1_EVENTS_HDR = ["№", "Событие", "Откуда приходит", "Отслеживается", "Комментарий"]
M1_EVENTS = [
    [1, "Заявка на тест-драйв", "Сайт", "да", "форма на сайте + квиз"],
    [2, "Тест-драйв проведён", "Битрикс24", "да", "менеджер закрывает задачу в сделке"],
    [3, "Договор купли-продажи подписан", "1С:Альфа-Авто", "да", ""],
    [4, "Отказ от покупки", "Битрикс24", "да", "стадия сделки «Проиграна»"],
    [5, "Автомобиль выдан", "1С:Альфа-Авто", "да", "акт приёма-передачи"],
    [6, "Приложение активировано", "Mindbox", "да", "SDK в приложении «Северный Сервис»"],
    [7, "Подошёл срок ТО", "1С:Альфа-Авто", "да", "за 30 дней: по дате последнего ТО и среднему пробегу"],
    [8, "Запись в сервис создана", "1С:Альфа-Авто", "да", "онлайн-запись с сайта тоже падает в 1С"],
    [9, "Заказ-наряд закрыт", "1С:Альфа-Авто", "да", ""],
    [10, "Оценка визита получена", "1С:Альфа-Авто", "да", "CSI-анкета, результат вносит ОКК"],
    [11, "Авто попал в отзывную кампанию", "1С:Альфа-Авто", "да", "список VIN от импортёра"],
    [12, "12 мес. без визита в сервис", "1С:Альфа-Авто", "да", "ночной расчёт"],
    [13, "Оценка авто в калькуляторе trade-in", "Сайт", "нет", "цель в калькуляторе не настроена, в Mindbox не передаётся"],
    [14, "Заявка на trade-in", "Сайт", "да", ""],
    [15, "Визит на мероприятие", "Битрикс24", "да", "отметка хостес на входе"],
]

M1_SYSTEMS_HDR = ["Система", "Назначение", "Каналы", "Передаёт данные в", "Комментарий"]
M1_SYSTEMS = [
    ["1С:Альфа-Авто", "DMS — учёт продаж и сервиса (источник данных)", "—", "Mindbox, Битрикс24, Wazzup",
     "обмен раз в час по API"],
    ["Сайт", "сайт ДЦ: формы заявок, онлайн-запись, калькулятор trade-in", "—", "Mindbox, Битрикс24", ""],
    ["Mindbox", "CDP, оркестрация цепочек, рассылки", "Email, SMS, Push", "Битрикс24",
     "push — в приложении «Северный Сервис»; SMS через встроенный шлюз"],
    ["Битрикс24", "CRM отдела продаж и сервиса, телефония", "Звонок", "Mindbox", "задачи на звонок создаются автоматически"],
    ["Wazzup", "WhatsApp Business API", "WhatsApp", "Битрикс24",
     "чаты падают в карточку Б24; интеграция с Mindbox не настроена"],
]

M1_TABLE_HDR = ["№", "Канал", "Когда", "Условие", "Тип сообщения", "Содержание", "Платформа", "Комментарий консультанта"]

# each scenario: (sheet title, labels[list of (label, value)], touches[rows])
M1_SCENARIOS = [
    ("АВТ-01 Заявка ТД", "Заявка на тест-драйв", [
        ("Код", "АВТ-01"), ("Название", "Заявка на тест-драйв"), ("Тип", "триггерный"),
        ("Триггер", "Заявка на тест-драйв"), ("Сегмент", "Лиды без покупки"), ("Этап CJM", "Интерес"),
        ("Цель", "довести лида до тест-драйва"), ("Целевое событие", "Тест-драйв проведён"),
        ("KPI", "конверсия заявка → тест-драйв ≥ 55 %"), ("Выход из цепочки", "Тест-драйв проведён"),
        ("Статус", "работает"), ("Ответственный", "Е. Котова (маркетинг ДЦ)"), ("Ревизия", "02.10.2026"),
    ], [
        [1, "Email", "сразу", "—", "сервисное", "«Заявка принята»: дата, адрес салона, что взять с собой (права)", "Mindbox", ""],
        [2, "SMS", "через 1 ч", "—", "сервисное", "«Ваш менеджер — {имя}, {телефон}. Ждём вас в ДЦ Северный»", "Mindbox", ""],
    ]),
    ("АВТ-02 После ТД", "После тест-драйва", [
        ("Код", "АВТ-02"), ("Название", "После тест-драйва: дожим до договора"), ("Тип", "триггерный"),
        ("Триггер", "Тест-драйв проведён"), ("Сегмент", "Лиды без покупки"), ("Этап CJM", "Тест-драйв"),
        ("Цель", "покупка автомобиля"), ("Целевое событие", "Договор купли-продажи подписан"),
        ("KPI", "тест-драйв → договор ≥ 25 %"), ("Выход из цепочки", "Отказ от покупки"),
        ("Статус", "работает"), ("Ответственный", "А. Мельников (РОП)"), ("Ревизия", "15.09.2026"),
    ], [
        [1, "Email", "через 2 ч", "—", "сервисное", "«Спасибо за тест-драйв!» + расчёт кредита и trade-in под вашу комплектацию", "Mindbox", ""],
        [2, "SMS", "через 3 дня", "—", "промо", "«Спеццена на {модель} до конца месяца — выгода до 200 000 ₽»", "Mindbox", ""],
        [3, "Email", "через 7 дней", "—", "промо", "«Авто в наличии»: 12 комплектаций со скидкой, выдача за 1 день", "Mindbox",
         "остатки подтягиваем из 1С"],
    ]),
    ("АВТ-03 Новый владелец", "Новый владелец: онбординг", [
        ("Код", "АВТ-03"), ("Название", "Новый владелец: онбординг"), ("Тип", "триггерный"),
        ("Триггер", "Автомобиль выдан"), ("Сегмент", "Новые владельцы"), ("Этап CJM", "Покупка"),
        ("Цель", "установка приложения «Северный Сервис»"), ("Целевое событие", "Приложение активировано"),
        ("KPI", "активация приложения ≥ 40 % за 30 дней"), ("Выход из цепочки", "Приложение активировано"),
        ("Статус", "работает"), ("Ответственный", "Е. Котова (маркетинг ДЦ)"), ("Ревизия", "02.10.2026"),
    ], [
        [1, "Email", "сразу", "—", "сервисное", "«Поздравляем с покупкой!» Гарантия, график ТО, контакты сервиса", "Mindbox", ""],
        [2, "SMS", "через 2 дня", "если приложение не активировано", "сервисное",
         "«Скачайте «Северный Сервис»: запись на ТО в 2 клика» + ссылка", "Mindbox", ""],
    ]),
    ("СЕР-01 Напоминание ТО", "Напоминание о плановом ТО", [
        ("Код", "СЕР-01"), ("Название", "Напоминание о плановом ТО"), ("Тип", "триггерный"),
        ("Триггер", "Подошёл срок ТО"), ("Сегмент", "Новые владельцы, Владельцы на гарантии, Постгарантийные"),
        ("Этап CJM", "Владение и ТО"),
        ("Цель", "запись на плановое ТО"), ("Целевое событие", "Запись в сервис создана"),
        ("KPI", "≥ 35 % напомненных записались"), ("Выход из цепочки", "Запись в сервис создана"),
        ("Статус", "работает"), ("Ответственный", "Р. Гасанов (руководитель сервиса)"), ("Ревизия", "21.08.2026"),
    ], [
        [1, "Push", "сразу", "—", "сервисное", "«Через месяц плановое ТО — запишитесь онлайн»", "Mindbox",
         "триггер срабатывает за 30 дней до срока"],
        [2, "SMS", "через 5 дней", "если не записался", "сервисное", "«Пора на ТО: выберите удобное время по ссылке»", "Mindbox", ""],
        [3, "Звонок", "через 10 дней", "если не записался", "сервисное", "Мастер-консультант звонит и записывает на ТО", "Битрикс24",
         "обзвон силами сервиса, 2 мастера-консультанта"],
    ]),
    ("СЕР-02 После визита", "После визита в сервис", [
        ("Код", "СЕР-02"), ("Название", "После визита в сервис: оценка"), ("Тип", "триггерный"),
        ("Триггер", "Заказ-наряд закрыт"), ("Сегмент", "Владельцы на гарантии, Постгарантийные"),
        ("Этап CJM", "Владение и ТО"),
        ("Цель", "получить оценку визита (CSI)"), ("Целевое событие", "Оценка визита получена"),
        ("KPI", "доля ответов ≥ 30 %, CSI ≥ 4,7"), ("Выход из цепочки", "Оценка визита получена"),
        ("Статус", "работает"), ("Ответственный", "Р. Гасанов (руководитель сервиса)"), ("Ревизия", "21.08.2026"),
    ], [
        [1, "Email", "через 2 ч", "—", "сервисное", "«Оцените визит: один вопрос, 10 секунд»", "Mindbox", ""],
        [2, "WhatsApp", "через 2 дня", "если письмо не открыто", "сервисное",
         "«{Имя}, как вам сервис? Ответьте цифрой от 1 до 5»", "Wazzup", "WhatsApp открывают лучше, чем почту"],
    ]),
    ("СЕР-03 Шины", "Сезонная смена шин", [
        ("Код", "СЕР-03"), ("Название", "Сезонная смена шин"), ("Тип", "регулярная рассылка"),
        ("Периодичность", "2 раза в год (март, октябрь)"), ("Сегмент", "Владельцы на гаратии, Постгарантийные"),
        ("Этап CJM", "Владение и ТО"),
        ("Цель", "запись на шиномонтаж"), ("Целевое событие", "Запись в сервис создана"),
        ("KPI", "≥ 1 200 записей за волну"), ("Выход из цепочки", "Запись в сервис создана"),
        ("Статус", "работает"), ("Ответственный", "Р. Гасанов (руководитель сервиса)"), ("Ревизия", "30.09.2026"),
    ], [
        [1, "Email", "день 0", "—", "промо", "«Шиномонтаж −15 % + сезонное хранение колёс»", "Mindbox", ""],
        [2, "Push", "через 3 дня", "если не записался", "промо", "«Осталось 20 окон на шиномонтаж на этой неделе»", "Mindbox", ""],
    ]),
    ("СЕР-04 Отзывная", "Сервисная (отзывная) кампания", [
        ("Код", "СЕР-04"), ("Название", "Сервисная (отзывная) кампания производителя"), ("Тип", "триггерный"),
        ("Триггер", "Авто попал в отзывную кампанию"),
        ("Сегмент", "Новые владельцы, Владельцы на гарантии, Отказ от рекламы"), ("Этап CJM", "Владение и ТО"),
        ("Цель", "устранить дефект по отзывной кампании"), ("Целевое событие", "Запись в сервис создана"),
        ("KPI", "≥ 90 % VIN закрыто за 3 мес."), ("Выход из цепочки", "Запись в сервис создана"),
        ("Статус", "работает"), ("Ответственный", "Р. Гасанов (руководитель сервиса)"), ("Ревизия", "05.11.2026"),
    ], [
        [1, "Email", "сразу", "—", "сервисное",
         "«Сервисная кампания по вашему VIN: бесплатная замена, ~1,5 ч»", "Mindbox",
         "обязательное информирование — шлём и тем, кто отказался от рекламы"],
        [2, "Push", "через 3 дня", "если не записался", "сервисное",
         "«Запишитесь на бесплатные работы по сервисной кампании»", "Mindbox", ""],
    ]),
    ("ЛОЯ-01 Спящие", "Реактивация спящих", [
        ("Код", "ЛОЯ-01"), ("Название", "Реактивация спящих"), ("Тип", "триггерный"),
        ("Триггер", "12 мес. без визита в сервис"), ("Сегмент", "Спящие, Отказ от рекламы"), ("Этап CJM", "Отток"),
        ("Цель", "вернуть клиента в сервис"), ("Целевое событие", "Запись в сервис создана"),
        ("KPI", "возврат ≥ 8 % за 60 дней"), ("Выход из цепочки", "Запись в сервис создана"),
        ("Статус", "работает"), ("Ответственный", "Е. Котова (маркетинг ДЦ)"), ("Ревизия", "10.07.2026"),
    ], [
        [1, "Email", "сразу", "—", "контент", "«Мы обновились»: онлайн-запись, трансфер, новая зона ожидания", "Mindbox",
         "берём всех, кто не приезжал год"],
        [2, "SMS", "через 5 дней", "если письмо не открыто", "промо", "«Диагностика 0 ₽ и −20 % на работы до конца месяца»", "Mindbox", ""],
    ]),
    ("ЛОЯ-02 Trade-in", "Trade-in после оценки на сайте", [
        ("Код", "ЛОЯ-02"), ("Название", "Trade-in после оценки на сайте"), ("Тип", "триггерный"),
        ("Триггер", "Оценка авто в калькуляторе trade-in"), ("Сегмент", "Постгарантийные"),
        ("Этап CJM", "Повторная покупка"),
        ("Цель", "заявка на trade-in"), ("Целевое событие", "Заявка на trade-in"),
        ("KPI", "≥ 6 % оценок → заявка"), ("Выход из цепочки", "Заявка на trade-in"),
        ("Статус", "работает"), ("Ответственный", "А. Мельников (РОП)"), ("Ревизия", "15.09.2026"),
    ], [
        [1, "Email", "через 1 ч", "—", "промо", "«Ваш авто оценён в ~{сумма} ₽ + доп. выгода 150 000 ₽ при trade-in»", "Mindbox", ""],
        [2, "Push", "через 3 дня", "если нет заявки", "промо", "«Зафиксируйте оценку: предложение действует 14 дней»", "Mindbox", ""],
    ]),
    ("ЛОЯ-03 VIP показ", "VIP: закрытый показ новой модели", [
        ("Код", "ЛОЯ-03"), ("Название", "VIP: закрытый показ новой модели"), ("Тип", "регулярная рассылка"),
        ("Периодичность", "раз в квартал"), ("Сегмент", "VIP-клиенты"), ("Этап CJM", "Повторная покупка"),
        ("Цель", "визит VIP-клиента на закрытый показ"), ("Целевое событие", "Визит на мероприятие"),
        ("KPI", "≥ 25 % приглашённых пришли"), ("Выход из цепочки", "Визит на мероприятие"),
        ("Статус", "работает"), ("Ответственный", "А. Мельников (РОП)"), ("Ревизия", "15.09.2026"),
    ], [
        [1, "Email", "день 0", "—", "новости", "Приглашение на двоих на закрытый показ новой модели", "Mindbox", ""],
        [2, "Звонок", "через 2 дня", "если письмо не открыто", "новости",
         "Персональный менеджер лично приглашает и бронирует время", "Битрикс24", "задача в Б24 создаётся из Mindbox"],
    ]),
]


def build_map1():
    wb = Workbook()
    ws = wb.active
    ws.title = "Титул"
    ws.merge_cells("A1:D1")
    ws["A1"] = "Карта коммуникаций ДЦ «Северный» (продажи + сервис)"
    ws["A1"].font = Font(bold=True, size=14)
    cover = [
        ("Клиент", "ДЦ «Северный», официальный дилер, г. Вологда"),
        ("Документ", "Карта коммуникаций: сегменты, путь клиента, события, системы, сценарии"),
        ("Подготовил", "CRM-бюро «Касание», А. Лебедева"),
        ("Ответственный со стороны ДЦ", "Е. Котова, руководитель маркетинга"),
        ("Дата актуализации", date(2026, 10, 14)),
        ("Версия", "v3 (после воркшопа с сервисом)"),
    ]
    r = 3
    for k, v in cover:
        ws.cell(row=r, column=1, value=k).font = Font(bold=True)
        c = ws.cell(row=r, column=2, value=v)
        if isinstance(v, date):
            c.number_format = "DD.MM.YYYY"
            c.alignment = Alignment(horizontal="left")
        r += 1
    r += 1
    ws.cell(row=r, column=1, value="Легенда").font = Font(bold=True)
    legend = [("C6EFCE", "сценарий работает"), ("FFEB9C", "требует доработки"), ("DDEBF7", "регулярная рассылка")]
    for col, txt in legend:
        r += 1
        ws.cell(row=r, column=1).fill = fill(col)
        ws.cell(row=r, column=2, value=txt)
    r += 2
    ws.cell(row=r, column=1, value="Сценарии — на отдельных листах, по одному на лист (АВТ — продажи, СЕР — сервис, ЛОЯ — лояльность).")
    widths(ws, [30, 70, 12, 12])

    def simple_sheet(title, hdr, rows, w):
        s = wb.create_sheet(title)
        header_row(s, 1, hdr)
        body_rows(s, 2, rows)
        widths(s, w)
        s.freeze_panes = "A2"
        return s

    simple_sheet("Сегменты", M1_SEGMENTS_HDR, M1_SEGMENTS, [26, 52, 13, 11, 10, 44])
    simple_sheet("Путь клиента", M1_STAGES_HDR, M1_STAGES, [5, 20, 46, 26, 11])
    simple_sheet("События", M1_EVENTS_HDR, M1_EVENTS, [5, 36, 18, 14, 52])
    simple_sheet("Системы", M1_SYSTEMS_HDR, M1_SYSTEMS, [16, 46, 18, 30, 52])

    for title, name, labels, touches in M1_SCENARIOS:
        s = wb.create_sheet(title)
        s.merge_cells("A1:H1")
        code = dict(labels)["Код"]
        s["A1"] = f"Сценарий {code} — {dict(labels)['Название']}"
        s["A1"].font = Font(bold=True, size=13)
        is_regular = dict(labels)["Тип"].startswith("регуляр")
        s["A1"].fill = fill("DDEBF7" if is_regular else "C6EFCE")
        r = 3
        for k, v in labels:
            s.cell(row=r, column=1, value=f"{k}: {v}")
            r += 1
        r += 1
        header_row(s, r, M1_TABLE_HDR, colour="385723")
        body_rows(s, r + 1, touches)
        widths(s, [5, 10, 14, 28, 13, 58, 12, 40])

    M1_DIR.mkdir(parents=True)
    wb.save(M1_DIR / M1_FILE)

    # ── answer key ──
    defects = [
        ("MAP001", "Владельцы на гаратии",
         "Sheet «СЕР-03 Шины», line «Сегмент: Владельцы на гаратии, Постгарантийные»: «Владельцы на гаратии» is a misspelling "
         "(missing «н»); the «Сегменты» sheet defines «Владельцы на гарантии», no segment «Владельцы на гаратии» exists."),
        ("COV001", "Корпоративные автопарки",
         "«Сегменты» row «Корпоративные автопарки» (36 чел., высокая, Стоп-лист: нет) is not named in the «Сегмент:» line of any "
         "of the 10 scenario sheets, and no segment has a parent, so nothing reaches it (the comment even says scenarios are still "
         "to be discussed)."),
        ("COV003", "ЛОЯ-01",
         "Sheet «ЛОЯ-01 Спящие»: «Сегмент: Спящие, Отказ от рекламы» — «Отказ от рекламы» is marked «Стоп-лист: ДА» on «Сегменты»; "
         "touch 1 is an Email of type «контент» and touch 2 an SMS of type «промо», both marketing messages to the stop list."),
        ("FLOW001", "Отток",
         "«Путь клиента» row 6 «Отток»: «Финальный?» = нет, but «Следующий этап» is empty — a customer who churned has no way "
         "back (e.g. to «Владение и ТО»)."),
        ("FLOW004", "АВТ-02",
         "Sheet «АВТ-02 После ТД»: «Целевое событие: Договор купли-продажи подписан», but «Выход из цепочки: Отказ от покупки» "
         "only; touches 2 (SMS promo, через 3 дня) and 3 (Email promo, через 7 дней) have no condition, so a buyer who signed the "
         "contract still gets the discount offers."),
        ("TRK002", "ЛОЯ-02",
         "Sheet «ЛОЯ-02 Trade-in»: «Триггер: Оценка авто в калькуляторе trade-in»; on «События» row 13 that event has "
         "«Отслеживается» = нет (goal not set up, not passed to Mindbox), so the scenario can never fire."),
        ("INT002", "СЕР-02",
         "Sheet «СЕР-02 После визита»: touch 2 (WhatsApp, Платформа Wazzup) is sent «если письмо не открыто» — feedback on touch 1, "
         "an Email sent by Mindbox. «Системы»: Mindbox passes data only to Битрикс24, Битрикс24 only to Mindbox; Wazzup receives "
         "only from 1С:Альфа-Авто (comment: «интеграция с Mindbox не настроена»). No path carries the email-open status to Wazzup."),
        ("COST002", "СЕР-01",
         "Sheet «СЕР-01 Напоминание ТО»: touch 3 is a «Звонок» (Битрикс24) to «Новые владельцы, Владельцы на гарантии, "
         "Постгарантийные» — 1 850, 5 300 and 7 400 customers, all «Ценность: средняя»; each is above 1 000 and not VIP/high."),
    ]
    lookalikes = [
        ("INT002", "ЛОЯ-03",
         "Sheet «ЛОЯ-03 VIP показ»: touch 2 (Звонок, Битрикс24) depends on touch 1's email not being opened (Mindbox), but "
         "«Системы» says Mindbox «Передаёт данные в: Битрикс24» — a direct integration carries the feedback."),
        ("COV003", "СЕР-04",
         "Sheet «СЕР-04 Отзывная» reaches «Отказ от рекламы» (stop list), but both touches are «сервисное» (mandatory recall "
         "notice); the rule counts only promo, news or content touches."),
        ("FLOW001", "Повторная покупка",
         "«Путь клиента» row 5 «Повторная покупка» has no next stage («—»), but «Финальный?» = да, so it is not a dead end."),
        ("FREQ001", "Лиды без покупки",
         "«Лиды без покупки» get АВТ-01 (Email, SMS) and АВТ-02 (Email, SMS, Email): 3 emails and 2 SMS per week in the worst case "
         "— exactly the email cap 3 and SMS cap 2, not above them; total 5 ≤ 10."),
    ]
    columns = [
        ("Титул", "Клиент", "ignore"),
        ("Титул", "Документ", "ignore"),
        ("Титул", "Подготовил", "ignore"),
        ("Титул", "Ответственный со стороны ДЦ", "owner"),
        ("Титул", "Дата актуализации", "last_reviewed"),
        ("Титул", "Версия", "ignore"),
    ]
    seg_fields = ["name", "ignore", "size", "tier", "excluded", "ignore"]
    columns += [("Сегменты", h, f) for h, f in zip(M1_SEGMENTS_HDR, seg_fields)]
    st_fields = ["id", "stage", "ignore", "next", "final"]
    columns += [("Путь клиента", h, f) for h, f in zip(M1_STAGES_HDR, st_fields)]
    ev_fields = ["id", "name", "source", "tracked", "ignore"]
    columns += [("События", h, f) for h, f in zip(M1_EVENTS_HDR, ev_fields)]
    sys_fields = ["name", "kind", "channel", "sends_to", "ignore"]
    columns += [("Системы", h, f) for h, f in zip(M1_SYSTEMS_HDR, sys_fields)]
    label_fields = {
        "Код": "scenario", "Название": "scenario_name", "Тип": "kind", "Триггер": "trigger",
        "Периодичность": "schedule", "Сегмент": "segments", "Этап CJM": "stage", "Цель": "goal",
        "Целевое событие": "goal_event", "KPI": "kpi", "Выход из цепочки": "stop_event", "Статус": "status",
        "Ответственный": "owner", "Ревизия": "last_reviewed",
    }
    table_fields = ["step", "channel", "timing", "condition", "message_type", "message", "system", "ignore"]
    for title, _name, labels, _t in M1_SCENARIOS:
        columns += [(title, k, label_fields[k]) for k, _v in labels]
        columns += [(title, h, f) for h, f in zip(M1_TABLE_HDR, table_fields)]
    write_answers(M1_DIR / "answers.toml",
                  "ДЦ «Северный»: карта коммуникаций от консультанта, сценарий на листе с шапкой «метка: значение»",
                  M1_FILE, "ru", defects, lookalikes, columns)
    return len(defects), len(lookalikes), len(columns)


# ════════════════════════════════════════════════════════════════════════════
# MAP 2 — Skillory: lifecycle programme planner (online learning subscription)
# ════════════════════════════════════════════════════════════════════════════

M2_DIR = HERE / "skillory"
M2_FILE = "Skillory_Lifecycle_Programme_Planner_FY26.xlsx"

M2_OVERVIEW_HDR = ["ID", "Programme", "Type", "Audience", "Entry trigger", "Cadence", "Exit criteria", "Goal",
                   "Goal metric", "Conversion event", "Lifecycle stage", "Status", "Owner", "Last review", "Notes"]
M2_OVERVIEW = [
    ["ONB-01", "Trial onboarding", "Triggered", "Free trial users", "trial_started", "—", "subscription_started",
     "Convert trial to paid", "Trial→paid ≥ 22%", "subscription_started", "Trial", "Live", "Priya Nair",
     date(2026, 10, 20), ""],
    ["PROMO-01", "Trial → annual upsell", "Triggered", "Free trial users", "trial_started", "—", "subscription_started",
     "Steer trial converters to the annual plan", "Annual share of trial conversions ≥ 35%", "subscription_started",
     "Trial", "Live", "Marco Rossi", date(2026, 8, 12), "Added by Growth in Q3"],
    ["CHK-01", "Abandoned checkout", "Triggered", "Expired trials (not converted)", "checkout_abandoned", "—",
     "subscription_started", "Recover abandoned checkouts", "Recovery ≥ 12% within 72h", "subscription_started",
     "Trial", "Live", "Marco Rossi", date(2026, 9, 3), ""],
    ["SUB-01", "First-month habit builder", "Triggered", "Paying subscribers", "subscription_started", "—",
     "weekly_goal_set", "Get new subscribers to set a weekly learning goal", "≥ 50% set a goal within 7 days",
     "weekly_goal_set", "Subscribed", "Live", "Priya Nair", date(2026, 10, 20), ""],
    ["PAY-01", "Failed payment – monthly", "Triggered", "Monthly subscribers", "payment_failed", "—",
     "payment_recovered", "Recover failed renewals", "Recovery ≥ 60% within 14 days", "payment_recovered",
     "At risk", "Live", "Tom Becker", date(2026, 9, 29), "Stripe retries card on days 3/5/7"],
    ["PAY-02", "Failed payment – annual", "Triggered", "Annual subscribers", "payment_failed", "—",
     "payment_recovered", "Recover failed renewals", "Recovery ≥ 70% within 14 days", "payment_recovered",
     "At risk", "Live", "Tom Becker", date(2026, 9, 29), "Higher value → SMS first"],
    ["REN-01", "Annual renewal heads-up", "Triggered", "Annual subscribers", "renewal_upcoming", "—",
     "subscription_renewed, subscription_cancelled", "Renew annual plans without surprises", "Renewal rate ≥ 78%",
     "subscription_renewed", "Engaged", "Live", None, date(2026, 10, 1), "Legal: notice ≥ 14 days before renewal"],
    ["WB-02", "Lapsed learner nudge", "Triggered", "Lapsed learners", "learner_inactive_14d", "—", "—",
     "Bring paying learners back to lessons", "Reactivation ≥ 15% within 30 days", "lesson_completed",
     "At risk", "Live", "Sofia Lindqvist", date(2026, 10, 8), "Evergreen – keeps cycling"],
    ["WB-03", "Churn win-back", "Triggered", "Churned", "subscription_cancelled", "—", "subscription_started",
     "Win back cancelled subscribers", "Win-back ≥ 5% within 90 days", "subscription_started", "Churned",
     "Planned", "Sofia Lindqvist", date(2026, 11, 10), "Launch Jan; replaces old WB-01"],
    ["NEWS-01", "Monthly new-course drop", "Recurring", "Paying subscribers", "—", "Monthly, 1st Tuesday 10:00",
     "course_started", "Drive course starts from new releases", "CTR ≥ 3.5%; ≥ 2,000 course starts per issue",
     "course_started", "Engaged", "Live", "Hannah Cole", date(2026, 3, 4), ""],
    ["EVT-01", "Live class reminder", "Triggered", "Paying subscribers", "live_class_reminder", "—",
     "live_class_attended", "Get booked learners to show up", "Show-up rate ≥ 45%", "live_class_attended",
     "Engaged", "Live", "Priya Nair", date(2026, 10, 20), "Event fires 24h before a booked class"],
    ["TEAM-01", "Teams pilot nurture", "Triggered", "Team admins", "team_trial_started", "—", "team_plan_purchased",
     "Convert team pilots to paid seats", "Pilot→paid ≥ 30%", "team_plan_purchased", "Trial", "Live",
     "James Okafor", date(2026, 9, 15), "B2B – CSM owns the call"],
]

M2_STEPS_HDR = ["Prog. ID", "Step", "When", "Channel (type)", "Content / subject line", "Send if", "Sent via", "Notes"]
M2_STEPS = [
    ["ONB-01", 1, "Day 0", "Email (service)", "Welcome to Skillory 👋 Pick your first course", "—", "Braze", ""],
    ["ONB-01", 2, "Day 1, 18:00", "Push (content)", "Your 5-minute lesson is ready", "no lesson_completed yet", "Braze", "local time"],
    ["ONB-01", 3, "Day 4", "Push (content)",
     "Learners who finish 3 lessons in week 1 are 4× more likely to stick with it", "—", "Braze", ""],
    ["PROMO-01", 1, "Day 2", "Email (promo)", "Go annual, save 40% – trial price locked for 48h", "—", "Braze", ""],
    ["PROMO-01", 2, "Day 6", "Push (promo)", "Last day: 40% off annual ends at midnight", "—", "Braze", ""],
    ["CHK-01", 1, "+1h", "Email (service)", "Still deciding? Your plan is saved", "—", "Braze", ""],
    ["CHK-01", 2, "+24h", "Push (promo)", "10% off if you finish checkout today", "no subscription_started", "Braze", ""],
    ["SUB-01", 1, "Day 0", "Push (service)", "You're in! Set a weekly learning goal", "—", "Braze", ""],
    ["SUB-01", 2, "Day 3", "Push (content)", "3 short lessons a week = a habit. Set yours in 10 sec", "—", "Braze", ""],
    ["PAY-01", 1, "Immediately", "Email (transactional)", "Your payment didn't go through – update your card", "—", "Braze", ""],
    ["PAY-01", 2, "+2 days", "Push (service)", "Keep your access: update payment in 1 tap", "payment still failing", "Braze", ""],
    ["PAY-02", 1, "Immediately", "SMS (service)",
     "Skillory: your annual renewal payment failed. Update card: skl.ly/pay", "—", "Braze", ""],
    ["PAY-02", 2, "+1 day", "Email (transactional)", "Action needed: update your payment details",
     "if SMS not delivered", "Braze", "email as backup"],
    ["REN-01", 1, "Immediately", "Email (transactional)",
     "Your plan renews on {renewal_date} – here's what's included", "—", "Braze", "event fires 14 days before"],
    ["REN-01", 2, "+7 days", "Push (content)", "Your year in review: {lessons_count} lessons, {hours} hours", "—", "Braze", ""],
    ["WB-02", 1, "Day 0", "Push (content)", "Your streak misses you – 5 minutes today?", "—", "Braze", ""],
    ["WB-02", 2, "+3 days", "Email (content)", "Pick up where you left off: {last_course}",
     "if no lesson_completed since step 1; then wait 4 days and go back to step 1", "Braze", ""],
    ["WB-03", 1, "+30 days", "Email (promo)", "Come back for 50% off 3 months", "—", "Braze", "copy TBC"],
    ["WB-03", 2, "+45 days", "Email (content)", "What's new: 120 new courses since you left",
     "no subscription_started", "Braze", ""],
    ["NEWS-01", 1, "1st Tue 10:00", "Email (content)", "New this month: 14 courses + editor's picks", "—", "Braze", ""],
    ["EVT-01", 1, "Immediately", "Push (service)", "Tomorrow 18:00: {class_title} with {host}", "—", "Braze", ""],
    ["EVT-01", 2, "+1h", "WhatsApp (service)", "Reminder: {class_title} tomorrow at 18:00 – join link inside",
     "if push not delivered", "Braze", "WA template approved"],
    ["TEAM-01", 1, "Day 0", "Email (service)", "Your team workspace is ready – invite your first 5 people", "—", "Braze", ""],
    ["TEAM-01", 2, "Day 2", "SMS (service)", "Need a hand setting up Skillory for Teams? Reply or book a call",
     "if email not opened", "Braze", ""],
    ["TEAM-01", 3, "Day 4", "Call (service)", "CSM call: pilot check-in, seat setup", "if SMS not opened", "HubSpot", "task auto-created"],
]

M2_AUD_HDR = ["Audience", "Definition", "Est. size", "Value tier", "Suppressed?", "Part of", "Notes"]
M2_AUD = [
    ["Free trial users", "In the 7-day free trial", 18500, "Standard", "No", "", ""],
    ["Expired trials (not converted)", "Trial ended in the last 90 days, no paid plan", 64000, "Low", "No", "", ""],
    ["Paying subscribers", "Any active paid plan (monthly or annual)", 96000, "Standard", "No", "", "umbrella audience"],
    ["Monthly subscribers", "Active monthly plan", 61000, "Standard", "No", "Paying subscribers", ""],
    ["Annual subscribers", "Active annual plan", 35000, "High", "No", "Paying subscribers", ""],
    ["Lapsed learners", "Paying, no lesson in 14+ days", 22000, "Standard", "No", "Paying subscribers", ""],
    ["Churned", "Cancelled subscription, not resubscribed", 48000, "Low", "No", "", ""],
    ["Team admins", "Admins of Teams pilots and paid Teams workspaces", 420, "High", "No", "", "B2B"],
    ["Do-not-contact", "Global unsubscribe + GDPR erasure requests", 7900, "—", "Yes", "", "never market"],
]

M2_LC_HDR = ["#", "Stage", "Description", "Moves to", "Final?"]
M2_LC = [
    [1, "Trial", "Signed up, 7-day trial running", "Subscribed", "No"],
    [2, "Subscribed", "First 30 days on a paid plan", "Engaged, At risk", "No"],
    [3, "Engaged", "Learning at least weekly", "Course completed, At risk", "No"],
    [4, "Course completed", "Finished a course, certificate issued", "Engaged", "No"],
    [5, "At risk", "Payment failed or no lessons for 14+ days", "Engaged, Churned", "No"],
    [6, "Churned", "Cancelled", "Subscribed", "No"],
]

M2_EV_HDR = ["Event", "Description", "Source", "Status", "Notes"]
M2_EV = [
    ["trial_started", "User starts the 7-day free trial", "Segment", "✅ Live", ""],
    ["lesson_completed", "User finishes a lesson", "Segment", "✅ Live", ""],
    ["course_started", "User opens lesson 1 of a course", "Segment", "✅ Live", ""],
    ["course_completed", "User finishes every lesson of a course", "Segment", "⛔ Not implemented", "ticket DATA-311"],
    ["weekly_goal_set", "User sets a weekly learning goal", "Segment", "✅ Live", ""],
    ["learner_inactive_14d", "Paying user with no lesson for 14 days (computed trait)", "Segment", "✅ Live", ""],
    ["live_class_reminder", "24h before a live class the user booked", "Segment", "✅ Live", ""],
    ["live_class_attended", "User joined a live class", "Segment", "✅ Live", ""],
    ["subscription_started", "First successful payment on any plan", "Stripe", "✅ Live", ""],
    ["payment_failed", "Renewal charge failed", "Stripe", "✅ Live", ""],
    ["payment_recovered", "Failed invoice paid", "Stripe", "✅ Live", ""],
    ["renewal_upcoming", "Annual plan renews in 14 days", "Stripe", "✅ Live", ""],
    ["subscription_renewed", "Annual renewal charged", "Stripe", "✅ Live", ""],
    ["subscription_cancelled", "User cancels (end of period)", "Stripe", "✅ Live", ""],
    ["team_trial_started", "Teams pilot workspace created", "HubSpot", "✅ Live", "deal stage = Pilot"],
    ["team_plan_purchased", "Teams contract signed", "HubSpot", "✅ Live", "deal stage = Closed won"],
]

M2_STACK_HDR = ["Tool", "Role", "Channels", "Sends data to", "Notes"]
M2_STACK = [
    ["Skillory web & apps", "Product (iOS, Android, web)", "—", "Segment", "events via Segment SDK"],
    ["Segment", "CDP / event pipeline", "—", "Braze, HubSpot", ""],
    ["Stripe", "Billing", "—", "Segment, Braze", "webhooks"],
    ["Braze", "Orchestration & messaging", "Email, Push, SMS, WhatsApp", "Segment, HubSpot", "Currents → Segment"],
    ["HubSpot", "B2B CRM (Teams sales & CSM)", "Call", "Braze, Segment", ""],
]


def build_map2():
    wb = Workbook()
    ws = wb.active
    ws.title = "Read me"
    ws["A1"] = "Skillory · Lifecycle Programme Planner FY26"
    ws["A1"].font = Font(bold=True, size=14)
    cover = [
        ("Workbook", "Planning doc for all lifecycle/CRM programmes – one row per programme in 'Programme overview'"),
        ("Team", "Lifecycle & CRM (Growth)"),
        ("Map owner", "Hannah Cole"),
        ("Last full review", date(2026, 11, 2)),
        ("Version", "FY26.4"),
    ]
    r = 3
    for k, v in cover:
        ws.cell(row=r, column=1, value=k).font = Font(bold=True)
        c = ws.cell(row=r, column=2, value=v)
        if isinstance(v, date):
            c.number_format = "DD MMM YYYY"
            c.alignment = Alignment(horizontal="left")
        r += 1
    r += 1
    ws.cell(row=r, column=1, value="How to use").font = Font(bold=True)
    for line in ["Programme overview = what & why; Steps = how (one row per send).",
                 "Channel column: channel + message type in brackets, e.g. Push (promo).",
                 "Event names must match the Event tracking tab (snake_case)."]:
        r += 1
        ws.cell(row=r, column=1, value="•")
        ws.cell(row=r, column=2, value=line)
    widths(ws, [18, 90])

    s = wb.create_sheet("Programme overview")
    header_row(s, 1, M2_OVERVIEW_HDR, colour="5B2C6F")
    r = 2
    for row in M2_OVERVIEW:
        for i, v in enumerate(row, 1):
            c = s.cell(row=r, column=i, value=v)
            c.alignment = WRAP
            c.border = BOX
            if isinstance(v, date):
                c.number_format = "DD MMM YYYY"
        st = row[11]
        s.cell(row=r, column=12).fill = fill("C6EFCE" if st == "Live" else "FFEB9C")
        r += 1
    widths(s, [10, 26, 11, 24, 22, 18, 26, 30, 28, 22, 15, 9, 16, 13, 30])
    s.freeze_panes = "C2"
    s.auto_filter.ref = f"A1:{get_column_letter(len(M2_OVERVIEW_HDR))}{r - 1}"

    s = wb.create_sheet("Steps")
    header_row(s, 1, M2_STEPS_HDR, colour="5B2C6F")
    body_rows(s, 2, M2_STEPS)
    widths(s, [10, 6, 14, 20, 60, 40, 10, 26])
    s.freeze_panes = "A2"
    s.auto_filter.ref = f"A1:H{len(M2_STEPS) + 1}"

    for title, hdr, rows, w in [
        ("Audiences", M2_AUD_HDR, M2_AUD, [28, 46, 10, 11, 12, 20, 20]),
        ("Lifecycle", M2_LC_HDR, M2_LC, [4, 18, 42, 26, 8]),
        ("Event tracking", M2_EV_HDR, M2_EV, [24, 52, 10, 20, 22]),
        ("Stack", M2_STACK_HDR, M2_STACK, [20, 30, 28, 22, 26]),
    ]:
        s = wb.create_sheet(title)
        header_row(s, 1, hdr, colour="5B2C6F")
        body_rows(s, 2, rows)
        widths(s, w)
        s.freeze_panes = "A2"

    M2_DIR.mkdir(parents=True)
    wb.save(M2_DIR / M2_FILE)

    defects = [
        ("COV002", "Course completed",
         "'Lifecycle' row 4 'Course completed' (Final? No) is not the 'Lifecycle stage' of any programme in 'Programme overview' "
         "(stages used: Trial, Subscribed, Engaged, At risk, Churned) — graduates get nothing."),
        ("FLOW003", "WB-02",
         "'Steps' WB-02 step 2: 'Send if' = 'if no lesson_completed since step 1; then wait 4 days and go back to step 1' — "
         "steps 1→2→1 form a cycle; 'Programme overview' WB-02 'Exit criteria' = '—', and there is no end date or repeat "
         "limit. The lesson_completed reaction inside the loop does not bound it: a learner who never returns is messaged forever."),
        ("FLOW004", "WB-02",
         "'Programme overview' WB-02: 'Conversion event' = lesson_completed but 'Exit criteria' = '—'; a learner who completes "
         "a lesson after the push still gets the step-2 email."),
        ("TRK001", "checkout_abandoned",
         "'Programme overview' CHK-01 'Entry trigger' = checkout_abandoned; no such event on 'Event tracking' (nothing about "
         "checkout is listed at all)."),
        ("INT003", "TEAM-01",
         "'Steps' TEAM-01 step 3 (Call, HubSpot) is sent 'if SMS not opened' — step 2 is an SMS, and SMS never reports opens."),
        ("FREQ002", "trial_started",
         "'Programme overview' ONB-01 and PROMO-01 are both Live, both have 'Entry trigger' = trial_started and both target "
         "'Free trial users'."),
        ("COST001", "PAY-02",
         "'Steps' PAY-02: step 1 is 'SMS (service)', step 2 is 'Email (transactional)' sent 'if SMS not delivered' — the cascade "
         "opens with the expensive SMS and falls back on its feedback to cheaper email."),
        ("GOV002", "NEWS-01",
         "'Programme overview' NEWS-01 'Last review' = 04 Mar 2026, more than 6 months before the audit date 2026-11-29 "
         "(every other programme was reviewed on or after 12 Aug 2026)."),
        ("GOV003", "REN-01",
         "'Programme overview' REN-01 is 'Live' and its 'Owner' cell is empty."),
    ]
    lookalikes = [
        ("FREQ002", "payment_failed",
         "PAY-01 and PAY-02 both start on payment_failed, but for different audiences ('Monthly subscribers' vs 'Annual "
         "subscribers', siblings under 'Paying subscribers'), so no customer is hit by both."),
        ("COV002", "Churned",
         "'Lifecycle' stage 'Churned' is served only by WB-03, whose status is 'Planned' — planned programmes count, so the stage "
         "is covered."),
        ("COST001", "EVT-01",
         "EVT-01 is a cascade, but it opens with the cheap channel: step 1 Push, step 2 WhatsApp 'if push not delivered' — "
         "cheap → dearer, not an SMS/call falling back to something cheaper."),
        ("COST002", "TEAM-01",
         "TEAM-01 step 3 is a Call, but to 'Team admins': 420 people, Value tier High — under 1,000 and high tier."),
    ]
    columns = [
        ("Read me", "Workbook", "ignore"),
        ("Read me", "Team", "ignore"),
        ("Read me", "Map owner", "owner"),
        ("Read me", "Last full review", "last_reviewed"),
        ("Read me", "Version", "ignore"),
    ]
    ov_fields = ["scenario", "scenario_name", "kind", "segments", "trigger", "schedule", "stop_event", "goal", "kpi",
                 "goal_event", "stage", "status", "owner", "last_reviewed", "ignore"]
    columns += [("Programme overview", h, f) for h, f in zip(M2_OVERVIEW_HDR, ov_fields)]
    stp_fields = ["scenario", "step", "timing", "channel", "message", "condition", "system", "ignore"]
    columns += [("Steps", h, f) for h, f in zip(M2_STEPS_HDR, stp_fields)]
    aud_fields = ["name", "ignore", "size", "tier", "excluded", "parent", "ignore"]
    columns += [("Audiences", h, f) for h, f in zip(M2_AUD_HDR, aud_fields)]
    lc_fields = ["id", "stage", "ignore", "next", "final"]
    columns += [("Lifecycle", h, f) for h, f in zip(M2_LC_HDR, lc_fields)]
    ev_fields = ["id", "ignore", "source", "tracked", "ignore"]
    columns += [("Event tracking", h, f) for h, f in zip(M2_EV_HDR, ev_fields)]
    stk_fields = ["name", "kind", "channel", "sends_to", "ignore"]
    columns += [("Stack", h, f) for h, f in zip(M2_STACK_HDR, stk_fields)]
    write_answers(M2_DIR / "answers.toml",
                  "Skillory: lifecycle programme planner (overview + steps, channel and type in one cell)",
                  M2_FILE, "en", defects, lookalikes, columns)
    return len(defects), len(lookalikes), len(columns)


def main():
    for d in (M1_DIR, M2_DIR):
        if d.exists():
            shutil.rmtree(d)
    n1 = build_map1()
    n2 = build_map2()
    print(f"dc_severny: defects={n1[0]} lookalikes={n1[1]} columns={n1[2]}")
    print(f"skillory:   defects={n2[0]} lookalikes={n2[1]} columns={n2[2]}")


if __name__ == "__main__":
    main()
