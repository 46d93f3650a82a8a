"""Builds corpus7: four client-style communication maps (2 RU, 2 EN), each with answers.toml.

Run from /work/main:  . .venv/bin/activate && python tests/corpus7/build.py
"""
from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

HERE = Path(__file__).resolve().parent
TODAY = "2026-11-28"
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
HEAD_FILL = PatternFill("solid", fgColor="D9D9D9")
WRAP = Alignment(wrap_text=True, vertical="top")


# ----------------------------------------------------------------- helpers
def q(s: str) -> str:
    return '"' + str(s).replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_answers(folder: Path, title, mapname, lang, defects, lookalikes, columns):
    out = [f"title = {q(title)}", f"map = {q(mapname)}", f"lang = {q(lang)}", f"today = {q(TODAY)}", ""]
    for kind, items in (("defect", defects), ("lookalike", lookalikes)):
        for code, match, why in items:
            out += [f"[[{kind}]]", f"code = {q(code)}", f"match = {q(match)}", f"why = {q(why)}", ""]
    for sheet, header, field in columns:
        out += ["[[column]]", f"sheet = {q(sheet)}", f"header = {q(header)}", f"field = {q(field)}", ""]
    (folder / "answers.toml").write_text("\n".join(out), encoding="utf-8")


def table(ws, top: int, headers, rows, widths=None):
    """Header at row `top`, rows below; returns the next free row."""
    for c, h in enumerate(headers, 1):
        cell = ws.cell(row=top, column=c, value=h)
        cell.font = BOLD
        cell.fill = HEAD_FILL
    for r, row in enumerate(rows, top + 1):
        for c, v in enumerate(row, 1):
            if v is not None and v != "":
                ws.cell(row=r, column=c, value=v).alignment = WRAP
    if widths:
        for c, w in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(c)].width = w
    return top + 1 + len(rows)


def cols(sheet, headers, fields):
    assert len(headers) == len(fields), (sheet, headers, fields)
    return [(sheet, h, f) for h, f in zip(headers, fields)]


# =================================================================== MAP 1
# RU, "cascade table": one row per scenario, touches packed as text in "Касание 1/2/3".
def ru_zoolapa():
    folder = HERE / "ru_zoolapa"
    folder.mkdir(parents=True, exist_ok=True)
    wb = Workbook()
    columns = []

    # --- main cascade sheet
    ws = wb.active
    ws.title = "Каскады"
    ws["A1"] = "ЗооЛапа — карта коммуникаций (каскады касаний)"
    ws["A1"].font = TITLE
    ws.merge_cells("A1:Q1")
    ws["A2"] = "Версия от 03.09.2026 · отв. за карту: CRM-отдел (Ольга К.) · сокращения: КЦ — контакт-центр"
    ws.merge_cells("A2:Q2")
    h = ["№", "Сценарий", "Тип", "Сегмент", "Этап CJM", "Старт (событие)", "Касание 1", "Касание 2",
         "Касание 3", "Стоп", "Цель (событие)", "KPI", "Тип сообщений", "Платформа", "Отв.", "Статус",
         "Пересмотр"]
    h.append("Комментарий")
    f = ["id", "name", "kind", "segments", "stage", "trigger", "step", "step", "step", "stop_event",
         "goal_event", "kpi", "message_type", "system", "owner", "status", "last_reviewed", "ignore"]
    rows = [
        [1, "Welcome-серия", "триггер", "Новички", "Знакомство", "Регистрация",
         "сразу → Email «Добро пожаловать в ЗооЛапу» + промокод -10%",
         "через 2 дня → Email «Как выбрать корм: гид»",
         "через 3 дня, если не открыл письмо → Push «Ваши -10% ещё действуют»",
         "Первый заказ", "Первый заказ", "CR в 1-й заказ 12%", "контент", "Mindbox", "Ольга К.", "работает",
         dt.date(2026, 8, 15), ""],
        [2, "Брошенная корзина", "триггер", "Новички; Активные ", "Первая покупка", "Брошенная корзина",
         "через 1 ч → Email «Вы кое-что забыли»",
         "если не открыл за 24 ч → Push «Товары в корзине ждут»",
         "через 3 дня, если не купил → SMS «-5% на корзину по коду CART5»",
         "Заказ оформлен", "Заказ оформлен", "конверсия в заказ 8%", "сервис", "Mindbox", "Дмитрий", "работает",
         "2026-09-10", ""],
        [3, "Брошенная корзина (WhatsApp-тест)", "триггер", "Активные", "Первая покупка", "Брошенная корзина",
         "через 30 мин → WhatsApp «Оформим заказ в 1 клик?»", "", "",
         "Заказ оформлен", "Заказ оформлен", "CR в заказ vs email-версия", "сервис", "Mindbox", "Дмитрий",
         "запущен", "окт 2026", "запустили параллельно, старую не выключали"],
        [4, "ДР питомца", "триггер", "Активные", "Лояльность", "День рождения питомца",
         "за 3 дня до ДР → Email «Скоро праздник у {кличка}!»",
         "в день ДР, 10:00 → Push «Подарок для {кличка} внутри»", "",
         "Заказ оформлен", "Заказ оформлен", "доля заказов с промокодом ДР", "промо", "Mindbox", "Ольга К.",
         "работает", "01.10.2026", ""],
        [5, "Прививки (напоминание)", "триггер", "Клуб «Хвост»", "Лояльность", "Подходит срок прививки",
         "за 7 дней до срока → Email «Пора на прививку»",
         "если не открыл за 3 дня → SMS «Запишитесь на прививку со скидкой клуба»",
         "если не прочитал SMS за 2 дня → Звонок КЦ (скрипт «Вакцинация»)",
         "Запись в ветклинику", "Запись в ветклинику", "доля записавшихся 30%", "сервис", "Mindbox + Oktell",
         "Ирина", "работает", "июль 2026", "звонят только клубным"],
        [6, "Реактивация спящих", "триггер", "Спящие", "Риск оттока", "Нет покупок 90 дней",
         "сразу → SMS «Скучаем! -15% на корм по коду MISSU»",
         "если SMS не доставлено → Email «Скучаем! -15%»",
         "через 5 дней, если не купил → Push «Промокод сгорает завтра»",
         "Заказ оформлен", "Заказ оформлен", "реактивировано 5%", "промо", "Mindbox", "Ирина", "работает",
         "20.08.2026", ""],
        [7, "Чёрная пятница", "рассылка", "Активные; Стоп-лист (жалобы, отписки)", "Повторные покупки", "",
         "27.11.2026 10:00 → Email «Чёрная пятница: до -50%»",
         "27.11 18:00 → Push «Стартовало!»",
         "29.11, если не открыл письмо → SMS «Последний день скидок»",
         "Заказ оформлен", "Заказ оформлен", "выручка акции 3 млн ₽", "промо", "Mindbox", "Маркетинг (Алина)",
         "в плане", "05.11.2026", "сегмент взяли из прошлогодней ЧП"],
        [8, "С возвращением", "триггер", "Спящие", "Возврат", "Заказ после паузы",
         "сразу → Email «Рады снова видеть! Как копить бонусы»",
         "через 7 дней → Push «Новинки для вашего питомца»",
         "через 14 дней → Email «Советы ветеринара»",
         "Заказ оформлен", "Заказ оформлен", "повторный заказ 20%", "контент", "Mindbox", "Ольга К.",
         "работает", "2026-09-10", ""],
    ]
    table(ws, 3, h, rows, [4, 26, 10, 22, 16, 22, 36, 36, 36, 18, 18, 18, 12, 14, 14, 12, 12, 28])
    ws["G3"].comment = Comment("формат: когда/условие → канал «тема»", "Ольга К.")
    ws.freeze_panes = "C4"
    columns += cols("Каскады", h, f)

    # --- segments
    ws = wb.create_sheet("Сегменты")
    h = ["Сегмент", "Входит в", "Кол-во клиентов", "Уровень", "Стоп-лист", "Комментарий"]
    f = ["name", "parent", "size", "tier", "excluded", "ignore"]
    rows = [
        ["Новички", "", "6 200", "обычный", "нет", "зарегистрировались < 30 дней, без заказа"],
        ["Активные", "", "21 000", "обычный", "нет", "заказ за последние 90 дней"],
        ["Кошатники", "Активные", "9 000", "обычный", "нет", "покупали корм для кошек"],
        ["Спящие", "", "8 500", "обычный", "нет", "90+ дней без покупок"],
        ["Клуб «Хвост»", "", 420, "VIP", "нет", "платная подписка клуба"],
        ["Заводчики", "", 310, "обычный", "нет", "оптовые, питомники — анкета на сайте"],
        ["Стоп-лист (жалобы, отписки)", "", "1 900", "", "да", "НЕ слать рекламу!"],
    ]
    table(ws, 1, h, rows, [30, 14, 16, 12, 10, 40])
    columns += cols("Сегменты", h, f)

    # --- stages
    ws = wb.create_sheet("Этапы CJM")
    h = ["Этап", "Следующий этап", "Тип этапа", "Что делает клиент"]
    f = ["name", "next", "kind", "ignore"]
    rows = [
        ["Знакомство", "Первая покупка", "обычный", "регистрируется, смотрит каталог"],
        ["Первая покупка", "Повторные покупки", "обычный", ""],
        ["Повторные покупки", "Лояльность; Риск оттока", "обычный", ""],
        ["Лояльность", "", "финальный", "клуб, ДР питомца"],
        ["Риск оттока", "Возврат", "обычный", "90+ дней без заказа"],
        ["Возврат", "", "обычный", "вернулся после паузы"],
    ]
    table(ws, 1, h, rows, [20, 26, 12, 34])
    columns += cols("Этапы CJM", h, f)

    # --- channels
    ws = wb.create_sheet("Каналы")
    h = ["Канал", "Вид", "Цена за контакт, ₽", "Примечание"]
    f = ["name", "kind", "ignore", "ignore"]
    rows = [
        ["Email", "email", 0.15, ""],
        ["SMS", "sms", 2.5, "Mindbox → SMS-шлюз, отчёты о доставке есть"],
        ["Push", "push", 0.05, "моб. приложение"],
        ["WhatsApp", "мессенджер", 1.2, "WABA через Mindbox"],
        ["Звонок КЦ", "звонок", 45, "Oktell"],
        ["Viber", "мессенджер", 1.1, "договор подписан в 2025"],
    ]
    table(ws, 1, h, rows, [14, 14, 18, 40])
    columns += cols("Каналы", h, f)

    # --- events
    ws = wb.create_sheet("События")
    h = ["Событие", "Отслеживается", "Откуда приходит", "Комментарий"]
    f = ["name", "tracked", "source", "ignore"]
    rows = [
        ["Регистрация", "да", "Сайт", ""],
        ["Брошенная корзина", "да", "Сайт", "трекер Mindbox на сайте"],
        ["Заказ оформлен", "да", "1С:Розница", ""],
        ["Первый заказ", "да", "1С:Розница", ""],
        ["Нет покупок 90 дней", "да", "Mindbox", "считается в Mindbox ночью"],
        ["День рождения питомца", "нет", "Сайт", "поле в анкете есть, но в Mindbox не передаётся"],
        ["Подходит срок прививки", "да", "ВетКлиника МИС", ""],
        ["Запись в ветклинику", "да", "ВетКлиника МИС", ""],
        ["Заказ после паузы", "да", "Mindbox", "первый заказ после 90+ дней"],
    ]
    table(ws, 1, h, rows, [26, 14, 18, 44])
    ws["B7"].comment = Comment("уточнить у разработчиков сроки", "Дмитрий")
    columns += cols("События", h, f)

    # --- systems
    ws = wb.create_sheet("Системы")
    h = ["Система", "Назначение", "Какие каналы шлёт", "Получает данные из", "Передаёт в", "Комментарий"]
    f = ["name", "kind", "channel", "source", "system", "ignore"]
    rows = [
        ["Mindbox", "CDP / рассылки", "Email, SMS, Push, WhatsApp", "Сайт, 1С:Розница, ВетКлиника МИС",
         "Oktell", "статусы доставки/открытий видим в Mindbox; в Oktell уходят задачи на обзвон и статусы SMS"],
        ["Oktell", "колл-центр", "Звонок КЦ", "Mindbox, ВетКлиника МИС", "", "записи в клинику видим, чтобы не звонить записавшимся"],
        ["Сайт", "сайт + трекер", "", "", "Mindbox", ""],
        ["1С:Розница", "учёт / заказы", "", "", "Mindbox", ""],
        ["ВетКлиника МИС", "медсистема клиник", "", "", "Mindbox, Oktell", "выгрузка раз в сутки"],
    ]
    table(ws, 1, h, rows, [18, 20, 28, 34, 14, 50])
    columns += cols("Системы", h, f)

    wb.save(folder / "map.xlsx")

    defects = [
        ("TRK002", "питомца", "The scenario is started by «День рождения питомца», which the events sheet marks as not tracked (not passed to Mindbox)."),
        ("COST001", "Реактивация спящих", "The cascade opens with an SMS and on its 'not delivered' feedback falls back to a cheaper email."),
        ("INT003", "Прививки", "Touch 3 waits for 'не прочитал SMS' — SMS reports delivery, never reading."),
        ("COV001", "Заводчики", "Segment 'Заводчики' (310, no parent, not in stop list) is targeted by no scenario."),
        ("COV004", "Viber", "Viber is declared on the channels sheet but no touch uses it."),
        ("FLOW001", "Возврат", "Stage 'Возврат' is an ordinary (non-final) stage with no next stage."),
        ("COV003", "Чёрная пятница", "The Black Friday promo lists the stop-list segment 'Стоп-лист (жалобы, отписки)' among its targets."),
        ("FREQ002", "Брошенная корзина", "Two running scenarios ('Брошенная корзина' and its WhatsApp test) fire on the same event for segment 'Активные'."),
    ]
    lookalikes = [
        ("COV001", "Кошатники", "No scenario names 'Кошатники' directly, but its parent 'Активные' is targeted."),
        ("COST002", "Прививки", "The call touch goes only to Клуб «Хвост»: VIP tier, 420 customers."),
        ("INT003", "Реактивация", "The fallback waits for 'SMS не доставлено' — SMS gateways do report delivery."),
        ("GOV002", "Прививки", "Reviewed 'июль 2026', under 6 months before the audit date."),
    ]
    write_answers(folder, "ЗооЛапа — каскадная карта (ru)", "map.xlsx", "ru", defects, lookalikes, columns)
    return folder, defects, lookalikes, columns


# =================================================================== MAP 2
# RU, cover sheet + legend (channel abbreviations) + one big steps sheet with scenario blocks merged
# and coloured; reference tables start at row 4 after a title and empty rows; a notes sheet.
def ru_puls():
    folder = HERE / "ru_puls"
    folder.mkdir(parents=True, exist_ok=True)
    wb = Workbook()
    columns = []

    ws = wb.active
    ws.title = "Титул"
    ws["A1"] = "Фитнес-клуб «Пульс»"
    ws["A1"].font = Font(bold=True, size=18)
    ws["A3"] = "Карта коммуникаций с клиентами, версия 3"
    ws["A5"] = "Последний пересмотр карты:"
    ws["B5"] = dt.date(2026, 10, 10)
    ws["B5"].number_format = "DD.MM.YYYY"
    ws["A6"] = "Ответственный за карту:"
    ws["B6"] = "Олег Смирнов (CRM)"
    ws["A8"] = "Листы: Легенда, Карта, Сегменты, Этапы, События, Системы, Примечания"
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 24

    # --- legend: channel abbreviations + colour meaning
    ws = wb.create_sheet("Легенда")
    ws["A1"] = "Легенда"
    ws["A1"].font = TITLE
    h = ["Обозн.", "Канал", "Тип канала", "Цена, ₽"]
    f = ["id", "name", "kind", "ignore"]
    rows = [
        ["E", "Email", "email", 0.2],
        ["S", "SMS", "sms", 3.1],
        ["P", "Пуш в приложении", "push", 0],
        ["TG", "Telegram-бот", "мессенджер", 0.5],
        ["З", "Звонок администратора", "звонок", 40],
    ]
    nxt = table(ws, 3, h, rows, [10, 26, 14, 10])
    columns += cols("Легенда", h, f)
    ws.cell(row=nxt + 1, column=1, value="Цвета блоков на листе «Карта»: каждый сценарий — свой цвет, "
                                          "серый = на паузе").font = Font(italic=True)

    # --- the big map sheet
    ws = wb.create_sheet("Карта")
    ws["A1"] = "Карта коммуникаций «Пульс» — все сценарии"
    ws["A1"].font = TITLE
    ws.merge_cells("A1:U1")
    ws["A2"] = "цвет блока = сценарий (см. Легенда); шаги нумеруются внутри сценария"
    h = ["Сценарий", "Тип запуска", "Кому (сегмент)", "Этап пути", "Триггер", "Периодичность", "Цель",
         "Целевое событие", "Стоп-событие", "KPI", "Владелец", "Статус", "Дата ревизии", "№ шага", "Канал",
         "Когда", "Условие", "Далее", "Сообщение", "Тип сообщения", "Комментарий"]
    f = ["name", "kind", "segments", "stage", "trigger", "schedule", "goal", "goal_event", "stop_event", "kpi",
         "owner", "status", "last_reviewed", "step", "channel", "timing", "condition", "next", "message",
         "message_type", "ignore"]
    columns += cols("Карта", h, f)
    for c, name in enumerate(h, 1):
        cell = ws.cell(row=4, column=c, value=name)
        cell.font = BOLD
        cell.fill = HEAD_FILL
    scen = [
        # scenario-level (13 cols), colour, steps [(№, канал, когда, условие, далее, сообщение, тип, коммент)]
        (["Лид с сайта → пробная", "триггер", "Лиды", "Лид", "Заявка на сайте", "", "Запись на пробную",
          "Пробная тренировка записана", "Пробная тренировка записана", "лид → проба 35%", "Олег",
          "работает", "10.06.2026"], "C6EFCE",
         [(1, "E", "сразу", "", 2, "Спасибо за заявку! Расписание пробных", "сервис", ""),
          (2, "З", "через 15 мин", "если не записался на пробную", "конец",
           "Администратор звонит, записывает на пробную", "сервис", "звонят все администраторы")]),
        (["Напоминание о пробной", "триггер", "Лиды", "Пробная тренировка", "Пробная тренировка записана", "",
          "Дойти до пробной", "Пробная посещена", "Пробная посещена; Отмена пробной", "явка 70%", "Олег",
          "работает", dt.date(2026, 9, 1)], "BDD7EE",
         [(1, "S", "за 1 день до тренировки", "", 2, "Ждём вас завтра в {время}, возьмите форму", "сервис", ""),
          (2, "TG", "за 2 часа", "", "конец", "Напоминание + как пройти к залу", "сервис", "")]),
        (["Пробная → абонемент", "триггер", "Лиды", "Покупка абонемента", "Пробная посещена", "",
          "Продажа абонемента", "Абонемент куплен", "Абонемент куплен", "", "Марина", "работает",
          "2026-09-15"], "FFE699",
         [(1, "E", "через 2 ч", "", 2, "Как прошла тренировка? -20% на абонемент 48 часов", "промо", ""),
          (2, "S", "через 1 день", "если не открыл письмо (шаг 1)", 3, "-20% сгорает сегодня в 23:59", "промо",
           "SMS через SMSC, письма через UniSender"),
          (3, "E", "через 3 дня", "", "конец", "Отзывы участников клуба", "контент", "")]),
        (["Продление абонемента", "триггер", "Члены клуба", "Продление", "До конца абонемента 14 дней", "",
          "Продление", "Абонемент продлён", "Абонемент продлён", "продление 60%", "", "работает",
          "2026-10-01"], "F8CBAD",
         [(1, "E", "сразу", "", 2, "Продлите абонемент заранее — -10%", "сервис", ""),
          (2, "P", "через 7 дней", "если не продлил", 3, "До конца абонемента неделя", "сервис", ""),
          (3, "S", "через 4 дня", "если не продлил", "2 (повтор через 7 дней, не более 2 раз)",
           "Абонемент заканчивается — продлить в приложении", "сервис", "")]),
        (["Вернись в клуб", "триггер", "Ушедшие", "Отток", "Абонемент истёк 30 дней назад", "",
          "Вернуть клиента", "Абонемент куплен", "Абонемент куплен", "возврат 7%", "Олег", "работает",
          "02.04.2026"], "D9D2E9",
         [(1, "E", "сразу", "", 2, "Скучаем! Гостевой визит для вас и друга", "промо", ""),
          (2, "TG", "через 3 дня", "", 3, "Новые группы: йога, функционалка — расписание", "контент", ""),
          (3, "E", "через 7 дней", "если не открыл письмо (шаг 1)", "конец", "5 историй тех, кто вернулся",
           "контент", "")]),
        (["Акции месяца", "рассылка", "Члены клуба; Студенты", "Активный член клуба", "",
          "1-й пн месяца, 11:00", "Допродажи", "Покупка доп. услуг", "Покупка доп. услуг",
          "выручка доп. услуг +10%", "Марина", "работает", dt.date(2026, 9, 1)], "E2EFDA",
         [(1, "E", "в 11:00", "", 2, "Акция месяца: массаж и персоналки -25%", "промо", ""),
          (2, "P", "через 1 день", "", "конец", "Акция месяца — осталось 3 дня", "промо", ""),
          (3, "S", "в последний день акции", "", "", "Последний день акции месяца!", "промо",
           "добавили в августе")]),
    ]
    r = 5
    for head, colour, steps in scen:
        fill = PatternFill("solid", fgColor=colour)
        first = r
        for st in steps:
            n, ch, when, cond, nx, msg, mt, com = st
            vals = [n, ch, when, cond, nx, msg, mt, com]
            for c, v in enumerate(vals, 14):
                if v != "":
                    ws.cell(row=r, column=c, value=v)
            for c in range(1, 22):
                ws.cell(row=r, column=c).fill = fill
                ws.cell(row=r, column=c).alignment = WRAP
            r += 1
        for c, v in enumerate(head, 1):
            if v != "":
                ws.cell(row=first, column=c, value=v)
            if r - 1 > first:
                ws.merge_cells(start_row=first, start_column=c, end_row=r - 1, end_column=c)
    for c, w in enumerate([24, 11, 22, 18, 24, 16, 18, 24, 26, 18, 10, 10, 12, 7, 7, 18, 26, 14, 40, 12, 26], 1):
        ws.column_dimensions[get_column_letter(c)].width = w
    ws.freeze_panes = "N5"
    ws["K5"].comment = Comment("Олег, проверь владельцев!", "Марина")

    def titled(name, title, h, rows, widths):
        s = wb.create_sheet(name)
        s["A1"] = title
        s["A1"].font = TITLE
        table(s, 4, h, rows, widths)
        return s

    h = ["Сегмент", "Входит в", "Кол-во", "Уровень", "Не беспокоить", "Комментарий"]
    titled("Сегменты", "Сегменты клиентов", h, [
        ["Лиды", "", "2 400", "обычный", "нет", "заявки с сайта и Instagram"],
        ["Члены клуба", "", "3 150", "обычный", "нет", "действующий абонемент"],
        ["Члены клуба: безлимит", "Члены клуба", 900, "премиум", "нет", ""],
        ["Ушедшие", "", "5 300", "обычный", "нет", "абонемент закончился > 30 дней"],
        ["Отказ от рассылок", "", 120, "", "да", "по 38-ФЗ промо не шлём"],
    ], [26, 16, 10, 12, 14, 34])
    columns += cols("Сегменты", h, ["name", "parent", "size", "tier", "excluded", "ignore"])

    h = ["Этап", "Следующий", "Комментарий"]
    titled("Этапы", "Этапы пути клиента", h, [
        ["Лид", "Пробная тренировка", ""],
        ["Пробная тренировка", "Покупка абонемента", ""],
        ["Покупка абонемента", "Активный член клуба", ""],
        ["Активный член клуба", "Продление; Отток", ""],
        ["Продление", "Активный член клуба", "цикл"],
        ["Отток", "Покупка абонемента", "если вернулся"],
    ], [24, 30, 20])
    columns += cols("Этапы", h, ["name", "next", "ignore"])

    h = ["Событие", "Откуда", "Отслеживаем?", "Комментарий"]
    titled("События", "События и триггеры", h, [
        ["Заявка на сайте", "Tilda", "да", ""],
        ["Пробная тренировка записана", "1С:Фитнес клуб", "да", ""],
        ["Пробная посещена", "1С:Фитнес клуб", "да", "отметка на ресепшене"],
        ["Абонемент куплен", "1С:Фитнес клуб", "да", ""],
        ["До конца абонемента 14 дней", "1С:Фитнес клуб", "да", ""],
        ["Абонемент продлён", "1С:Фитнес клуб", "да", ""],
        ["Абонемент истёк 30 дней назад", "1С:Фитнес клуб", "да", ""],
        ["Покупка доп. услуг", "1С:Фитнес клуб", "да", "массаж, персоналки, бар"],
    ], [32, 18, 14, 30])
    columns += cols("События", h, ["name", "source", "tracked", "ignore"])

    h = ["Платформа", "Что отправляет", "Откуда получает данные", "Куда передаёт", "Комментарий"]
    titled("Системы", "Платформы и интеграции", h, [
        ["UniSender", "E", "Tilda, 1С:Фитнес клуб", "", "открытия видим только в UniSender"],
        ["SMSC.ru", "S", "1С:Фитнес клуб", "", "отчёты о доставке"],
        ["Приложение «Пульс»", "P", "1С:Фитнес клуб", "1С:Фитнес клуб", ""],
        ["Salebot", "TG", "1С:Фитнес клуб", "", "бот в Telegram"],
        ["Телефония Mango", "З", "Tilda, 1С:Фитнес клуб", "1С:Фитнес клуб", ""],
        ["Tilda", "", "", "UniSender, Телефония Mango, 1С:Фитнес клуб", "сайт"],
        ["1С:Фитнес клуб", "", "Tilda", "UniSender, SMSC.ru, Приложение «Пульс», Salebot, Телефония Mango", ""],
    ], [22, 16, 26, 40, 30])
    columns += cols("Системы", h, ["name", "channel", "source", "system", "ignore"])

    ws = wb.create_sheet("Примечания")
    ws["A1"] = "Примечания"
    ws["A1"].font = TITLE
    for i, line in enumerate([
        "- SMS шлём только с 9 до 21",
        "- Договорились с Мариной: промо не чаще 1 раза в неделю",
        "- TODO: подключить UniSender к SMSC через вебхуки (пока руками)",
        "- Студенческие абонементы с сентября — сегмент ещё не заведён",
    ], 3):
        ws.cell(row=i, column=1, value=line)

    wb.save(folder / "map.xlsx")

    defects = [
        ("COST002", "Лид с сайта", "Step 2 is an administrator call to 'Лиды' — 2,400 customers, ordinary tier."),
        ("TRK001", "пробной", "Stop event 'Отмена пробной' of 'Напоминание о пробной' is not on the events sheet."),
        ("CNT003", "Пробная → абонемент", "The KPI cell of 'Пробная → абонемент' is empty."),
        ("INT002", "Пробная → абонемент", "Step 2 SMS (SMSC.ru) waits for 'не открыл письмо' from UniSender, and nothing passes UniSender's opens to SMSC.ru."),
        ("GOV003", "Продление абонемента", "A running scenario with an empty owner cell."),
        ("GOV002", "Вернись в клуб", "Last reviewed 02.04.2026 — almost 8 months before the audit."),
        ("FLOW005", "Акции месяца", "Step 3 (SMS, last day) is linked from nowhere: step 2 ends with 'конец'."),
        ("MAP001", "Студенты", "'Акции месяца' targets segment 'Студенты', which is not on the segments sheet (notes say it is not created yet)."),
    ]
    lookalikes = [
        ("FLOW003", "Продление абонемента", "The 3 → 2 loop is limited to 2 repeats and stops on 'Абонемент продлён'."),
        ("COV001", "безлимит", "'Члены клуба: безлимит' is covered through its parent 'Члены клуба'."),
        ("GOV002", "Лид с сайта", "Reviewed 10.06.2026, less than 6 months before the audit."),
        ("COST001", "Пробная → абонемент", "Email first, SMS as the fallback: the cascade goes from cheap to expensive."),
    ]
    write_answers(folder, "Фитнес-клуб «Пульс» — карта с легендой и блоками (ru)", "map.xlsx", "ru",
                  defects, lookalikes, columns)
    return folder, defects, lookalikes, columns


# =================================================================== MAP 3
# EN, transposed: flows as columns, attributes as rows; touchpoints on a normal sheet.
def en_northwind():
    folder = HERE / "en_northwind"
    folder.mkdir(parents=True, exist_ok=True)
    wb = Workbook()
    columns = []

    ws = wb.active
    ws.title = "Flows"
    ws["A1"] = "Northwind Coffee Co. — CRM communication map (v2.3) — last full review: 12 Mar 2026"
    ws["A1"].font = TITLE
    labels = ["Flow", "Type", "Audience", "Lifecycle stage", "Starts when…", "Send schedule", "Objective",
              "Success event", "Exit when", "KPI / target", "Owner", "Status", "Last reviewed", "Notes"]
    fields = ["name", "kind", "segments", "stage", "trigger", "schedule", "goal", "goal_event", "stop_event",
              "kpi", "owner", "status", "last_reviewed", "ignore"]
    flows = [
        ["Welcome", "Triggered", "New subscribers", "Onboarding", "Signed up", "", "Get the first order",
         "Order placed", "Order placed", "1st order CR 15%", "Priya N.", "Live", "2 Oct 2026", ""],
        ["Abandoned checkout", "Triggered", "Active subscribers", "Repeat purchase", "Checkout abandoned", "",
         "Recover the order", "Order placed", "", "recovered revenue 10%", "Sam K.", "Live", "18 Sep 2026",
         "step 2 checks for an order, step 3 doesn't"],
        ["Subscription renewal", "Triggered", "Active subscribers", "Repeat purchase", "Renewal due (3 days)",
         "", "Smooth renewal, fewer skips", "Renewal charged", "Renewal charged", "failed renewals < 2%",
         "Sam K.", "Live", dt.date(2026, 1, 20), ""],
        ["Win-back", "Triggered", "Lapsed (60d+)", "Win-back", "No order in 60 days", "", "Reactivate",
         "Order placed", "Order placed", "reactivation 6%", "Priya N.", "Live", "14 Aug 2026", ""],
        ["Flash sale", "Broadcast", "Active subscribers; Lapsed (60d+)", "Repeat purchase", "",
         "2nd Tuesday monthly, 9am", "Revenue", "Order placed", "Order placed", "rev/send $0.12",
         "Marketing (Jo)", "Live", "30 Sep 2026", ""],
        ["Review request", "Triggered", "Active subscribers", "Advocacy", "Order delivered", "",
         "Collect reviews", "Review submitted", "", "200 reviews / month", "Sam K.", "Live", "12 Sep 2026",
         "keeps nudging until they open"],
        ["First delivery tips", "Triggered", "New subscribers", "First purchase", "Order delivered", "",
         "Drive the 2nd order", "Order placed", "Order placed", "2nd order rate 25%", "Priya N.", "Live",
         "2 Oct 2026", "same event as Review request, different audience"],
        ["Office check-in", "Broadcast", "Office accounts", "Repeat purchase", "", "quarterly, 1st week",
         "Upsell office plans", "Meeting booked", "Meeting booked", "upsell 15% of accounts", "Dana R. (B2B)",
         "Live", dt.date(2026, 7, 10), "AM calls only B2B accounts"],
    ]
    for r, (lab, fld) in enumerate(zip(labels, fields), 3):
        c = ws.cell(row=r, column=1, value=lab)
        c.font = BOLD
        c.fill = HEAD_FILL
        for j, fl in enumerate(flows, 2):
            v = fl[r - 3]
            if v != "":
                ws.cell(row=r, column=j, value=v).alignment = WRAP
                if isinstance(v, dt.date):
                    ws.cell(row=r, column=j).number_format = "d mmm yyyy"
    ws.column_dimensions["A"].width = 18
    for j in range(2, 2 + len(flows)):
        ws.column_dimensions[get_column_letter(j)].width = 22
    ws.freeze_panes = "B4"
    columns += cols("Flows", labels, fields)

    ws = wb.create_sheet("Touchpoints")
    h = ["Flow", "Step name", "Channel", "Send after", "Only if…", "Then go to", "Subject / copy",
         "Content type", "Comments"]
    f = ["scenario", "name", "channel", "timing", "condition", "next", "message", "message_type", "ignore"]
    rows = [
        ["Welcome", "Welcome #1", "Email", "immediately", "", "Welcome #2", "Welcome to Northwind + 10% code",
         "content", ""],
        ["Welcome", "Welcome #2", "Email", "2 days", "", "Welcome #3", "How to pick your roast", "content", ""],
        ["Welcome", "Welcome #3", "WhatsApp", "4 days", "Welcome #2 not opened", "end",
         "Your 10% code is still waiting ☕", "promo", "WA pilot – agency to set up"],
        ["Abandoned checkout", "Checkout #1", "Email", "1 hour", "", "Checkout #2", "You left something behind",
         "service", ""],
        ["Abandoned checkout", "Checkout #2", "SMS", "1 day", "no order yet", "Checkout #3",
         "Still thinking? Your cart is saved", "service", ""],
        ["Abandoned checkout", "Checkout #3", "Email", "3 days", "", "end", "10% off your cart – 48h", "promo", ""],
        ["Subscription renewal", "Renewal #1", "Email", "immediately", "", "Renewal #2",
         "Your beans ship Friday — change blend?", "service", ""],
        ["Subscription renewal", "Renewal #2", "Push", "2 days", "", "end", "Tomorrow we roast your coffee",
         "service", ""],
        ["Win-back", "Win-back #1", "Email", "immediately", "", "Win-back #2", "We miss you — 20% off", "promo", ""],
        ["Win-back", "Win-back #2", "SMS", "3 days", "Win-back #1 not opened", "Win-back #3",
         "20% off ends Sunday", "promo", ""],
        ["Win-back", "Win-back #3", "Push", "5 days", "", "end", "Last chance: 20% off", "promo", ""],
        ["Flash sale", "Flash sale #1", "Email", "Tue 9:00", "", "Flash sale #2", "48-hour flash sale", "promo", ""],
        ["Flash sale", "Flash sale #2", "Push", "1 day", "", "end", "Flash sale ends tonight", "promo", ""],
        ["Review request", "Review request #1", "Email", "5 days", "", "Review request #2", "How was your coffee?",
         "content", ""],
        ["Review request", "Review request #2", "Push", "3 days", "Review request #1 not opened",
         "Review request #1", "Rate your beans in 10 sec", "content", "loops back to #1"],
        ["First delivery tips", "First delivery #1", "Push", "1 day", "", "end", "Brew guide for your first bag",
         "content", ""],
        ["Office check-in", "Office check-in #1", "Email", "1st Monday of quarter", "", "Office check-in #2",
         "Your quarterly coffee review", "service", ""],
        ["Office check-in", "Office check-in #2", "Phone call", "3 days", "", "end",
         "Account manager call — usage + upsell", "service", "by the AM, Aircall"],
    ]
    table(ws, 1, h, rows, [20, 20, 11, 16, 26, 20, 38, 12, 28])
    ws["C4"].comment = Comment("WhatsApp: not live yet?", "Jo")
    columns += cols("Touchpoints", h, f)

    ws = wb.create_sheet("Audiences")
    h = ["Audience", "Part of", "Customers", "Tier", "Suppressed?", "Definition"]
    table(ws, 1, h, [
        ["New subscribers", "", "1,850", "standard", "", "signed up < 30 days, no order"],
        ["Active subscribers", "", "11,200", "standard", "", "active subscription"],
        ["VIP Roasters Club", "Active subscribers", 180, "VIP", "", "top 2% by spend"],
        ["Lapsed (60d+)", "", "4,900", "standard", "", "no order 60+ days"],
        ["Office accounts", "", 95, "high", "", "B2B office plans"],
        ["Do not contact", "", 260, "", "Yes", "GDPR erasure / complaints"],
    ], [20, 20, 12, 10, 12, 34])
    columns += cols("Audiences", h, ["name", "parent", "size", "tier", "excluded", "ignore"])

    ws = wb.create_sheet("Lifecycle")
    h = ["Stage", "Leads to", "End stage?", "Customer goal"]
    table(ws, 1, h, [
        ["Onboarding", "First purchase", "", "understand the subscription"],
        ["First purchase", "Repeat purchase", "", ""],
        ["Repeat purchase", "Advocacy, Win-back", "", ""],
        ["Advocacy", "", "yes", "reviews, referrals"],
        ["Win-back", "Repeat purchase", "", ""],
    ], [18, 22, 10, 30])
    columns += cols("Lifecycle", h, ["name", "next", "kind", "ignore"])

    ws = wb.create_sheet("Channels")
    h = ["Channel", "Type", "Notes"]
    table(ws, 1, h, [
        ["Email", "email", ""], ["SMS", "sms", "US + CA only"], ["Push", "push", "iOS/Android app"],
        ["WhatsApp", "messenger", "pilot"], ["Phone call", "call", "B2B AMs"],
    ], [14, 12, 24])
    columns += cols("Channels", h, ["name", "kind", "ignore"])

    ws = wb.create_sheet("Events")
    h = ["Event", "Tracked?", "Comes from", "Notes"]
    table(ws, 1, h, [
        ["Signed up", "Yes", "Website", ""],
        ["Checkout abandoned", "Yes", "Shopify", ""],
        ["Order placed", "Yes", "Shopify", ""],
        ["Order delivered", "Yes", "Shopify", "carrier webhook"],
        ["Renewal due (3 days)", "Yes", "Recharge", ""],
        ["Renewal charged", "Yes", "Recharge", ""],
        ["No order in 60 days", "Yes", "Klaviyo", "computed segment entry"],
        ["Review submitted", "Yes", "Website", ""],
        ["Meeting booked", "No – not synced yet", "HubSpot", "HubSpot → Klaviyo sync on roadmap Q1"],
    ], [22, 20, 14, 36])
    columns += cols("Events", h, ["name", "tracked", "source", "ignore"])

    ws = wb.create_sheet("Tech stack")
    h = ["Tool", "Type", "Sends via", "Gets data from", "Pushes data to", "Notes"]
    table(ws, 1, h, [
        ["Klaviyo", "ESP / automation", "Email, SMS", "Shopify, Recharge, Website", "OneSignal, Aircall",
         "email + SMS engagement synced out"],
        ["OneSignal", "push", "Push", "Shopify, Klaviyo, Recharge", "", ""],
        ["Aircall", "telephony", "Phone call", "HubSpot, Klaviyo", "HubSpot", ""],
        ["Shopify", "store", "", "", "Klaviyo, OneSignal, HubSpot", ""],
        ["Recharge", "subscriptions", "", "Shopify", "Klaviyo, OneSignal", ""],
        ["HubSpot", "B2B CRM", "", "Shopify, Aircall", "Aircall", ""],
        ["Website", "site", "", "", "Klaviyo", "reviews widget"],
    ], [12, 16, 14, 28, 28, 30])
    columns += cols("Tech stack", h, ["name", "kind", "channel", "source", "system", "ignore"])

    wb.save(folder / "map.xlsx")

    defects = [
        ("GOV001", "map", "The title says the last full review was 12 Mar 2026, more than 6 months before 2026-11-28."),
        ("FLOW004", "Abandoned checkout", "Success event 'Order placed' but no exit on it: step 3 (10% off) still goes to those who ordered."),
        ("GOV002", "Subscription renewal", "Last reviewed 20 Jan 2026, over 10 months ago."),
        ("CNT002", "Lapsed", "Every step 'Lapsed (60d+)' receives (Win-back + Flash sale) is promo: 100% > 60%."),
        ("FREQ001", "Active subscribers", "Checkout (2) + Renewal + Flash sale + Review request give 5 emails a week worst case, cap 3."),
        ("FLOW003", "Review request", "#2 loops back to #1 with only a 'not opened' condition, no exit event and no repeat limit."),
        ("TRK004", "Office check-in", "A live flow whose success event 'Meeting booked' is not tracked."),
        ("INT001", "Welcome", "Welcome #3 goes by WhatsApp, but no tool in the tech stack sends WhatsApp."),
    ]
    lookalikes = [
        ("COST002", "Office check-in", "The call goes to Office accounts: 95 customers, tier high."),
        ("COV001", "VIP Roasters", "No flow names the VIP club, but its parent 'Active subscribers' is targeted."),
        ("FREQ002", "First delivery tips", "Same trigger as Review request, but a different audience (New vs Active subscribers)."),
        ("GOV002", "Office check-in", "Reviewed 10 Jul 2026, under 6 months ago."),
    ]
    write_answers(folder, "Northwind Coffee — transposed flow sheet (en)", "map.xlsx", "en",
                  defects, lookalikes, columns)
    return folder, defects, lookalikes, columns


# =================================================================== MAP 4
# EN, Google Sheets CSV export: one file per tab, "Doc - Tab.csv".
def en_lingoloop():
    folder = HERE / "en_lingoloop"
    mapdir = folder / "map"
    mapdir.mkdir(parents=True, exist_ok=True)
    for old in mapdir.glob("*.csv"):
        old.unlink()
    columns = []
    doc = "Lingoloop CRM map - "

    def dump(tab, headers, fields, rows):
        name = f"{doc}{tab}.csv"
        with open(mapdir / name, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(headers)
            w.writerows(rows)
        columns.extend(cols(name, headers, fields))

    dump("Journeys",
         ["Journey", "Type", "Segment(s)", "Stage", "Trigger event", "Schedule", "Goal", "Goal event",
          "Exit on", "KPI", "Owner", "Status", "Reviewed", "Comment"],
         ["name", "kind", "segments", "stage", "trigger", "schedule", "goal", "goal_event", "stop_event", "kpi",
          "owner", "status", "last_reviewed", "ignore"],
         [
             ["Lead nurture", "trigger", "Leads", "Sign-up", "Signed up", "", "Book a trial lesson",
              "Trial lesson booked", "Trial lesson booked", "lead→trial 18%", "Marta", "on", "05.10.2026", ""],
             ["Trial nurture", "trigger", "Trial students", "Trial", "Trial lesson completed", "", "First payment",
              "Payment succeeded", "Payment succeeded", "trial→paid 30%", "Marta", "on", "Oct 5, 2026", ""],
             ["Dunning (failed card) ", "trigger", "Paying students", "Paying", "", "", "Recover payment",
              "Payment succeeded", "Payment succeeded", "recovered 40%", "Kenji", "on", "2026-09-21",
              "trigger = ? (ask Kenji)"],
             ["Lesson reminder", "trigger", "Trial students, Paying students, Minors (under 18)", "Paying",
              "Lesson booked", "", "Fewer no-shows", "Lesson attended", "Lesson attended", "no-show < 8%",
              "Kenji", "on", "2026-10-12", "service only - OK for minors"],
             ["Missed lesson", "trigger", "Paying students", "Paying", "Lesson missed", "", "Rebook the lesson",
              "Lesson booked", "Lesson booked", "rebook rate 50%", "Kenji", "on", "2026-10-12", ""],
             ["Monthly newsletter", "regular", "Paying students, Churned", "Paying", "",
              "first Thursday of the month", "", "", "", "open rate 35%", "Ana", "on", "Sep 2026", ""],
             ["Win-back", "trigger", "Churned", "Churned", "Subscription cancelled", "", "Resubscribe",
              "Payment succeeded", "Payment succeeded", "win-back 5%", "Ana", "on", "2026-08-30",
              "offer valid until 31 Dec 2026"],
             ["Refer a friend", "trigger", "Paying – annual", "Referral", "Payment succeeded", "",
              "Invite friends", "Friend invited", "Friend invited", "10% of annuals invite", "Marta", "on",
              "2026-10-20", "steps live in the app (Braze?)"],
         ])

    dump("Steps",
         ["Step ID", "Journey", "Step name", "Channel", "Delay", "Condition", "Next step", "Message", "Msg type",
          "Comment"],
         ["id", "scenario", "name", "channel", "timing", "condition", "next", "message", "message_type", "ignore"],
         [
             ["LN-1", "Lead nurture", "Lead nurture – level test", "Email", "0", "", "LN-2",
              "Find your level in 5 minutes", "content", ""],
             ["LN-2", "Lead nurture ", "Lead nurture – push nudge", "Push", "+1 day", "LN-1 not opened", "LN-3",
              "Your level test is waiting", "content", ""],
             ["LN-3", "Lead nurture", "Lead nurture – free trial offer", "Email", "+3 days", "", "end",
              "Book your free trial lesson", "promo", ""],
             ["TN-1", "Trial nurture", "Trial nurture – feedback", "Email", "+2 hours", "", "TN-2",
              "How was your first lesson?", "service", ""],
             ["TN-2", "Trial nurture", "Trial nurture – discount SMS", "SMS", "+1 day", "no payment yet", "TN-3",
              "-20% on your first month, 48h", "promo", ""],
             ["TN-3", "Trial nurture", "Trial nurture – teacher video", "Email", "+3 days", "no payment yet",
              "end", "", "content", "copy TBD - waiting for video"],
             ["DN-1", "Dunning (failed card)", "Dunning – card update", "Email", "0", "", "DN-2",
              "Your payment didn't go through", "service", ""],
             ["DN-2", "Dunning (failed card)", "Dunning – push", "Push", "+1 day", "no payment yet", "DN-3",
              "Update your card to keep your lessons", "service", ""],
             ["DN-3", "Dunning (failed card)", "Dunning – last notice", "Push", "+3 days", "no payment yet", "end",
              "Lessons paused tomorrow", "service", ""],
             ["LR-1", "Lesson reminder", "Lesson reminder – push", "Push", "2h before lesson", "", "LR-2",
              "Your lesson starts at {time}", "service", "2h before start"],
             ["LR-2", "Lesson reminder", "Lesson reminder – SMS backup", "SMS", "+30 min", "LR-1 not opened",
              "end", "Lesson in 90 min - join link inside", "service", ""],
             ["ML-1", "Missed lesson", "Missed lesson – SMS", "SMS", "+1 hour", "", "ML-2",
              "Missed you today — rebook in 1 tap", "service", ""],
             ["ML-2", "Missed lesson", "Missed lesson – tips email", "Email", "+1 day", "no lesson booked", "end",
              "3 tips to keep your streak", "content", ""],
             ["NL-1", "Monthly newsletter", "Newsletter", "Email", "Thu 10:00", "", "end",
              "Lingoloop monthly: new courses & tips", "news", ""],
             ["WB-1", "Win-back", "Win-back – offer", "Email", "+14 days", "", "WB-2",
              "Come back: 30% off until 31 Dec", "promo", ""],
             ["WB-2", "Win-back", "Win-back – new courses", "Push", "+7 days", "", "WB-1",
              "3 new courses this month", "content", "repeat weekly until the offer ends 31 Dec 2026"],
         ])

    dump("Segments", ["Segment", "Parent", "Size", "Tier", "Suppressed", "Notes"],
         ["name", "parent", "size", "tier", "excluded", "ignore"],
         [
             ["Leads", "", "12,400", "std", "", "free sign-up, no lesson yet"],
             ["Trial students", "", "3,100", "std", "", ""],
             ["Paying students", "", "8,000", "std", "", ""],
             ["Paying – monthly", "Paying students", "5,800", "std", "", ""],
             ["Paying – annual", "Paying students", "2,200", "high", "", ""],
             ["Corporate learners", "Paying students", "640", "high", "", "via HR contracts"],
             ["Churned", "", "9,300", "std", "", "cancelled subscription"],
             ["Minors (under 18)", "", "410", "", "✓", "no marketing - service msgs only"],
         ])

    dump("Stages", ["Stage", "Next", "Final?"], ["name", "next", "kind"], [
        ["Sign-up", "Trial", ""],
        ["Trial", "Paying", ""],
        ["Paying", "Churned", ""],
        ["Churned", "Paying", ""],
        ["Referral", "", "✓"],
    ])

    dump("Channels", ["Channel", "Type", "Notes"], ["name", "kind", "ignore"], [
        ["Email", "email", ""], ["SMS", "sms", "Twilio"], ["Push", "push", "app"],
    ])

    dump("Events", ["Event", "Source", "Tracked", "Comment"], ["name", "source", "tracked", "ignore"], [
        ["Signed up", "App backend", "✓", ""],
        ["Level test completed", "App backend", "✓", ""],
        ["Trial lesson booked", "App backend", "✓", ""],
        ["Trial lesson completed", "App backend", "✓", ""],
        ["Payment succeeded", "Stripe", "✓", ""],
        ["Payment failed", "Stripe", "✓", ""],
        ["Lesson booked", "App backend", "✓", ""],
        ["Lesson attended", "App backend", "+", ""],
        ["Lesson missed", "TimeTap", "+", "tutor marks no-show in TimeTap"],
        ["Subscription cancelled", "Stripe", "✓", ""],
        ["Friend invited", "App backend", "✓", ""],
        ["Payment succeeded", "App backend", "+", "added by product team"],
    ])

    dump("Platforms", ["Platform", "Channels", "Receives data from", "Sends data to", "Notes"],
         ["name", "channel", "source", "system", "ignore"], [
             ["Customer.io", "Email, Push", "App backend, Stripe", "Twilio", "main orchestration"],
             ["Twilio", "SMS", "Customer.io", "", "delivery receipts only"],
             ["App backend", "", "", "Customer.io, HubSpot", ""],
             ["Stripe", "", "", "Customer.io, App backend", ""],
             ["TimeTap", "", "", "HubSpot", "lesson scheduling + attendance"],
             ["HubSpot", "", "App backend, TimeTap", "", "sales CRM"],
         ])

    defects = [
        ("MAP002", "Payment succeeded", "'Payment succeeded' is defined twice on the Events tab (Stripe and App backend)."),
        ("MAP004", "Dunning", "'Dunning (failed card)' is a trigger journey with an empty trigger event."),
        ("MAP005", "Refer a friend", "A live journey with no rows on the Steps tab."),
        ("FLOW002", "Referral", "No stage leads to 'Referral', so it cannot be reached from Sign-up."),
        ("TRK003", "Missed lesson", "Triggered by 'Lesson missed' from TimeTap, but its first step is sent by Twilio and TimeTap feeds only HubSpot."),
        ("TRK005", "Level test completed", "A tracked event that triggers, conditions or measures nothing."),
        ("CNT001", "Monthly newsletter", "Goal and goal event are both empty."),
        ("CNT004", "Trial nurture", "Step TN-3 'Trial nurture – teacher video' has no message (copy TBD)."),
    ]
    lookalikes = [
        ("COV003", "Lesson reminder", "It reaches the suppressed 'Minors (under 18)' segment, but all its steps are service messages."),
        ("INT003", "Lesson reminder", "LR-2 waits for 'LR-1 not opened' — push opens are reported."),
        ("FLOW003", "Win-back", "The WB-2 → WB-1 loop stops on 'Payment succeeded' and ends with the offer on 31 Dec 2026."),
        ("GOV002", "Monthly newsletter", "Reviewed 'Sep 2026', under 6 months ago."),
    ]
    write_answers(folder, "Lingoloop — Google Sheets CSV export (en)", "map", "en", defects, lookalikes, columns)
    return folder, defects, lookalikes, columns


if __name__ == "__main__":
    for build in (ru_zoolapa, ru_puls, en_northwind, en_lingoloop):
        folder, d, l, c = build()
        print(f"{folder.name}: {len(d)} defects, {len(l)} look-alikes, {len(c)} columns")
