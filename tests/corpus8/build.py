"""Generator for corpus8: three client-style communication maps.

Run from the repository root:
    . .venv/bin/activate && python tests/corpus8/build.py

Writes
  ru_cards/        Russian workbook, one sheet per scenario as a vertical card
  en_notion/       English Notion export: a folder of CSVs, steps with tracker columns
  mixed_twolevel/  Russian/English workbook with a two-level header (channel groups)
each with an answers.toml.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill

HERE = Path(__file__).resolve().parent
TODAY = "2026-11-28"

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
GROUP_FILL = PatternFill("solid", fgColor="FCE4D6")
WRAP = Alignment(wrap_text=True, vertical="top")


# --------------------------------------------------------------------------
# answers.toml
# --------------------------------------------------------------------------

def q(s: str) -> str:
    """A TOML basic string (JSON escaping is valid TOML)."""
    return json.dumps(s, ensure_ascii=False)


def write_answers(folder: Path, title, map_path, lang, defects, lookalikes, columns):
    lines = [
        f"title = {q(title)}",
        f"map = {q(map_path)}",
        f"lang = {q(lang)}",
        f"today = {q(TODAY)}",
        "",
    ]
    for table, items in (("defect", defects), ("lookalike", lookalikes)):
        for code, match, why in items:
            lines += [f"[[{table}]]", f"code = {q(code)}", f"match = {q(match)}",
                      f"why = {q(why)}", ""]
    seen = set()
    for sheet, header, field in columns:
        if (sheet, header) in seen:
            continue
        seen.add((sheet, header))
        lines += ["[[column]]", f"sheet = {q(sheet)}", f"header = {q(header)}",
                  f"field = {q(field)}", ""]
    (folder / "answers.toml").write_text("\n".join(lines), encoding="utf-8")


def head_row(ws, row, headers, col=1, fill=HEAD_FILL):
    for i, h in enumerate(headers):
        c = ws.cell(row=row, column=col + i, value=h)
        c.font = BOLD
        c.fill = fill
        c.alignment = WRAP


def rows_out(ws, row, rows, col=1):
    for r in rows:
        for i, v in enumerate(r):
            c = ws.cell(row=row, column=col + i, value=v)
            if isinstance(v, (dt.date, dt.datetime)):
                c.number_format = "DD.MM.YYYY"
            else:
                c.alignment = WRAP
        row += 1
    return row


# ==========================================================================
# 1. RU — «ДетМаркет»: карточки сценариев (one sheet per scenario)
# ==========================================================================

RU_SEG_H = ["Сегмент", "Кол-во, чел.", "Входит в", "Стоп-лист", "Уровень", "Как считаем"]
RU_SEG = [
    ["Новые подписчики", "12 400", "", "нет", "", "подписались на рассылку/в приложении, заказов 0"],
    ["Новички ", "9850", "", "нет", "", "ровно 1 заказ за всё время"],
    ["Активные", "41 200 ", "", "нет", "средний", "2+ заказа за 180 дн."],
    ["VIP", "640", "Активные", "нет", "VIP", "оборот > 150 т.р. за 12 мес."],
    ["Многодетные", "3 100", "Активные", "нет", "средний", "3+ детей в анкете ЛК"],
    ["Спящие", "63 000", "", "нет", "", "нет заказов 180+ дн."],
    ["Бабушки и дедушки", "4 200", "", "нет", "", "в анкете «покупаю внукам»; заводили под подарочные подборки"],
    ["Стоп-лист", "7 300", "", "да", "", "отписка + жалобы + «не беспокоить» из КЦ"],
]
RU_STAGE_H = ["Этап", "Следующий этап", "Финальный?"]
RU_STAGE = [
    ["Знакомство", "Первая покупка", "нет"],
    ["Первая покупка", "Повторные покупки", "нет"],
    ["Повторные покупки", "Лояльность, Отток", "нет"],
    ["Лояльность", "", "да"],
    ["Отток", "", "нет"],
]
RU_CH_H = ["Канал", "Вид канала", "Примечание"]
RU_CH = [
    ["Email", "email", ""],
    ["SMS", "sms", "шлюз SMSC подключён к Mindbox"],
    ["Push", "push", "только моб. приложение (iOS/Android)"],
    ["Звонок", "звонок (call)", "КЦ, 4 оператора в смену"],
]
RU_EV_H = ["Событие", "Откуда", "Отслеживается?", "Комментарий"]
RU_EV = [
    ["Подписка на рассылку", "Сайт", "да", "форма в футере + попап"],
    ["Регистрация в приложении", "AppMetrica", "+", ""],
    ["Брошенная корзина", "Сайт", "да", "трекер Mindbox на сайте"],
    ["Просмотр товара", "Сайт", "нет", "после редизайна трекинг просмотров отвалился, тикет CRM-212"],
    ["Заказ оформлен", "1С", "да", ""],
    ["Заказ доставлен", "1С", "✓", "статус из СДЭК приходит в 1С"],
    ["Отзыв оставлен", "Сайт", "да", ""],
    ["День рождения ребёнка", "1С", "да", "из анкеты в ЛК"],
    ["Нет покупок 180 дней", "1С", "да", "ночной расчёт RFM"],
]
RU_SYS_H = ["Система", "Роль", "Через неё уходят", "Получает данные от", "Передаёт данные в"]
RU_SYS = [
    ["Mindbox", "CDP / оркестрация", "Email, Push, SMS", "Сайт, 1С", "1С, Naumen"],
    ["Naumen", "колл-центр", "Звонок", "Mindbox, 1С", ""],
    ["1С", "учётная система", "", "Сайт", "Mindbox, Naumen"],
    ["Сайт", "сайт (Bitrix)", "", "", "Mindbox, 1С"],
    ["AppMetrica", "аналитика приложения", "", "", ""],
]

# card label text -> field; per-card overrides keep the cards slightly uneven
RU_LABELS = [
    ("Сценарий:", "name"),
    ("Цель:", "goal"),
    ("Аудитория:", "segments"),
    ("Этап пути:", "stage"),
    ("Тип:", "kind"),
    ("Триггер:", "trigger"),
    ("Расписание:", "schedule"),
    ("Стоп-событие:", "stop_event"),
    ("Целевое событие:", "goal_event"),
    ("KPI:", "kpi"),
    ("Ответственный:", "owner"),
    ("Статус:", "status"),
    ("Пересмотрено:", "last_reviewed"),
    ("Комментарий:", "ignore"),
]
RU_STEP_H = [("№ шага", "step"), ("Канал", "channel"), ("Когда", "timing"),
             ("Условие", "condition"), ("Сообщение", "message"),
             ("Тип сообщения", "message_type"), ("Отправляет", "system"),
             ("Коммент.", "ignore")]

RU_CARDS = [
    dict(
        values=["Welcome", "Познакомить с магазином и довести до первого заказа",
                "Новые подписчики", "Знакомство", "триггерный", "Подписка на рассылку", "—",
                "Заказ оформлен", "Заказ оформлен", "конверсия в 1-й заказ ≥ 4%, OR письма 1 > 40%",
                "Ольга К.", "работает ", "12.09.2026", ""],
        steps=[
            ["1", "Email", "сразу", "—", "Добро пожаловать в ДетМаркет! Промокод WELCOME10 на первый заказ",
             "контент", "Mindbox", ""],
            ["2", "Email", "через 2 дня", "если не открыл письмо 1",
             "Напомниание: промокод WELCOME10 дейсвует ещё 5 дней", "промо", "Mindbox",
             "опечатки поправим в шаблоне"],
        ]),
    dict(
        labels={"Цель:": "Цель сценария:"},
        values=["Онбординг приложения", "Чтобы скачавший приложение сделал первый заказ в нём",
                "Новые подписчики, Новички", "Знакомство", "триггерный", "Регистрация в приложении",
                "—", "Заказ оформлен", "Заказ оформлен", "CR в заказ из приложения 6%",
                "Дима С. (mobile)", "запущен ✓", dt.datetime(2026, 10, 20), ""],
        steps=[
            ["1", "Push", "сразу после регистрации", "—",
             "Спасибо, что с нами! Вам начислено 300 бонусов 🎁", "сервисное", "Mindbox", ""],
            ["2", "Push", "+3 дня", "если не было заказа",
             "Бонусы сгорят через 4 дня — потратьте их на подгузники 😉", "промо", "Mindbox", ""],
        ]),
    dict(
        values=["Брошенная корзина", "Вернуть к оформлению брошенной корзины",
                "Новые подписчики, Новички", "Первая покупка", "триггер", "Брошенная корзина", "—",
                "", "Заказ оформлен", "возврат в корзину 12%, выручка с цепочки",
                "Ольга К.", "работает", "2026-08-14", "шаг 3 добавили в августе"],
        steps=[
            ["1", "Email", "через 1 ч", "—", "Вы забыли товары в корзине", "сервисное", "Mindbox", ""],
            ["2", "Push", "через 1 день", "если не открыл письмо", "Корзина ждёт 🛒", "сервисное",
             "Mindbox", ""],
            ["3", "Push", "через 3 дн.", "—", "Дарим -5% на товары из корзины, только 48 ч", "промо",
             "Mindbox", "промокод генерится в Mindbox"],
        ]),
    dict(
        values=["Брошенный просмотр", "Дожать тех, кто смотрел товар и ушёл", "Активные",
                "Повторные покупки", "триггерный", "Просмотр товара", "—", "Заказ оформлен",
                "Заказ оформлен", "CTR 5%, CR 1,5%", "Саша П.", "работает", "02.06.2026", ""],
        steps=[
            ["1", "Email", "через 4 часа", "—", "Посмотрите ещё раз: {товар} и похожие", "контент",
             "Mindbox", ""],
            ["2", "Push", "через 1 день", "если не открыл письмо", "Ваш товар ещё в наличии", "контент",
             "Mindbox", ""],
        ]),
    dict(
        values=["Отзыв о покупке", "Собрать отзывы на купленные товары", "Новички, Активные",
                "Повторные покупки", "триггерный", "Заказ доставлен", "—", "Отзыв оставлен",
                "Отзыв оставлен", "10% доставленных заказов с отзывом", "Катя (контент)",
                "в планах (Q1 2027)", "3 октября 2026",
                "шаги ещё не расписаны — ждём ТЗ от копирайтера"],
        steps=[]),
    dict(
        values=["ДР ребёнка", "Поздравить и продать подарок ко дню рождения", "Активные",
                "Лояльность", "триггерный", "День рождения ребёнка", "—", "Заказ оформлен",
                "Заказ оформлен", "выручка на получателя, CR 3%", "", "активен", "2026-09-30",
                "владелец ушёл в декрет, кто ведёт — решаем"],
        steps=[
            ["1", "Email", "за 7 дней до ДР", "—", "Скоро праздник! -15% на игрушки к дню рождения",
             "промо", "Mindbox", ""],
            ["2", "SMS", "за 1 день до ДР", "если не открыл письмо",
             "Скидка 15% к ДР сгорает завтра: dm.ru/bday", "промо", "Mindbox", ""],
            ["3", "Push", "в день ДР", "—", "С днём рождения, {имя ребёнка}! 🎂", "контент", "Mindbox", ""],
        ]),
    dict(
        values=["VIP закрытая распродажа", "Удержать VIP и продать на закрытой распродаже", "VIP",
                "Лояльность", "регулярная", "—", "раз в квартал, за 3 дня до старта распродажи",
                "Заказ оформлен", "Заказ оформлен", "доля VIP с заказом на распродаже 35%",
                "Марина Л.", "работает", "25.10.2026", ""],
        steps=[
            ["1", "Email", "за 3 дня до старта", "—", "Личное приглашение на закрытую распродажу",
             "промо", "Mindbox", ""],
            ["2", "SMS", "+1 день", "если не открыл письмо",
             "Закрытая распродажа для вас с пятницы, пароль VIP25", "промо", "Mindbox", ""],
            ["3", "Звонок", "+1 день", "если SMS не доставлено",
             "Персональный менеджер приглашает на распродажу", "сервисное", "Naumen",
             "звоним только VIP, это ~640 чел."],
        ]),
    dict(
        labels={"Аудитория:": "Аудитория (сегменты):"},
        values=["Реактивация спящих", "Вернуть клиентов, которые не покупали полгода",
                "Спящие, Стоп-лист", "Отток", "триггерный", "Нет покупок 180 дней", "—",
                "Заказ оформлен", "Заказ оформлен", "реактивация 3% за 30 дн.", "Саша П.", "работает",
                "18.11.2026", "Стоп-лист добавили по просьбе коммерции — «вдруг вернутся»"],
        steps=[
            ["1", "Email", "сразу", "—", "Мы скучаем! Что нового в ДетМаркете", "контент", "Mindbox", ""],
            ["2", "SMS", "+5 дней", "если не открыл письмо", "-20% на всё для вас до воскресенья",
             "промо", "Mindbox", ""],
            ["3", "Email", "+14 дней", "—", "Почему вы ушли? Опрос на 1 минуту", "контент", "Mindbox", ""],
        ]),
]


def build_ru():
    folder = HERE / "ru_cards"
    folder.mkdir(parents=True, exist_ok=True)
    fname = "Карта коммуникаций ДетМаркет v3.xlsx"
    wb = Workbook()
    cols = []

    # --- overview
    ws = wb.active
    ws.title = "Обзор"
    ws["A1"] = "ДетМаркет — карта CRM-коммуникаций (v3, рабочая)"
    ws["A1"].font = TITLE
    ws.merge_cells("A1:D1")
    ws["A3"], ws["B3"] = "Карта актуальна на:", "03.10.2026"
    ws["A4"], ws["B4"] = "Владелец карты:", "Марина Л. (CRM-лид)"
    ws["A3"].font = ws["A4"].font = BOLD
    cols += [("Обзор", "Карта актуальна на:", "last_reviewed"), ("Обзор", "Владелец карты:", "owner")]
    hdr = ["№", "Сценарий", "Лист", "Комментарий"]
    head_row(ws, 6, hdr)
    rows = [[i + 1, c["values"][0], c["values"][0], ""] for i, c in enumerate(RU_CARDS)]
    rows[4][3] = "пока только идея, шагов нет"
    rows_out(ws, 7, rows)
    ws.cell(row=7 + len(rows) + 1, column=1,
            value="Справочники (сегменты, этапы, каналы, события, системы) — на листе «Справочники»")
    cols += [("Обзор", "№", "ignore"), ("Обзор", "Сценарий", "name"), ("Обзор", "Лист", "ignore"),
             ("Обзор", "Комментарий", "ignore")]
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 30

    # --- reference tables stacked on one sheet
    ws = wb.create_sheet("Справочники")
    row = 1
    for title, headers, data, fields in (
        ("СЕГМЕНТЫ", RU_SEG_H, RU_SEG, ["name", "size", "parent", "excluded", "tier", "ignore"]),
        ("ЭТАПЫ ПУТИ КЛИЕНТА", RU_STAGE_H, RU_STAGE, ["name", "next", "final"]),
        ("КАНАЛЫ", RU_CH_H, RU_CH, ["name", "kind", "ignore"]),
        ("СОБЫТИЯ", RU_EV_H, RU_EV, ["name", "source", "tracked", "ignore"]),
        ("СИСТЕМЫ / ПЛАТФОРМА", RU_SYS_H, RU_SYS, ["name", "kind", "channel", "source", "sends_to"]),
    ):
        ws.cell(row=row, column=1, value=title).font = BOLD
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(headers))
        head_row(ws, row + 1, headers)
        row = rows_out(ws, row + 2, data) + 2
        cols += [("Справочники", h, f) for h, f in zip(headers, fields)]
    ws["A1"].comment = Comment("Размеры сегментов — выгрузка из Mindbox от 01.10", "Марина")
    for letter, w in zip("ABCDEF", (28, 22, 26, 22, 22, 40)):
        ws.column_dimensions[letter].width = w

    # --- one card per scenario
    for n, card in enumerate(RU_CARDS, start=1):
        name = card["values"][0]
        ws = wb.create_sheet(name)
        ws["A1"] = f"Карточка сценария №{n}"
        ws["A1"].font = TITLE
        ws.merge_cells("A1:H1")
        r = 3
        for (label, field), value in zip(RU_LABELS, card["values"]):
            label = card.get("labels", {}).get(label, label)
            ws.cell(row=r, column=1, value=label).font = BOLD
            c = ws.cell(row=r, column=2, value=value)
            if isinstance(value, dt.datetime):
                c.number_format = "DD.MM.YYYY"
            ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=6)
            cols.append((name, label, field))
            r += 1
        r += 1
        ws.cell(row=r, column=1, value="Шаги цепочки").font = BOLD
        r += 1
        head_row(ws, r, [h for h, _ in RU_STEP_H])
        cols += [(name, h, f) for h, f in RU_STEP_H]
        rows_out(ws, r + 1, card["steps"])
        ws.column_dimensions["A"].width = 22
        ws.column_dimensions["E"].width = 50
        if name == "VIP закрытая распродажа":
            ws.cell(row=r + 3, column=3).comment = Comment("Naumen получает задачу из Mindbox", "Марина")

    # --- glossary
    ws = wb.create_sheet("Глоссарий")
    head_row(ws, 1, ["Термин", "Что значит"])
    rows_out(ws, 2, [
        ["OR", "open rate, доля открытий"],
        ["CR", "конверсия в заказ"],
        ["КЦ", "колл-центр (Naumen)"],
        ["ДР", "день рождения"],
        ["ЛК", "личный кабинет на сайте"],
        ["Стоп-лист", "кому нельзя слать рекламу: отписка, жалобы"],
    ])
    cols += [("Глоссарий", "Термин", "ignore"), ("Глоссарий", "Что значит", "ignore")]
    wb.save(folder / fname)

    defects = [
        ("COV001", "Бабушки и дедушки",
         "Segment «Бабушки и дедушки» (4 200, no parent, not on the stop list) is in no scenario's audience."),
        ("COV003", "Реактивация спящих",
         "The reactivation chain (content + promo SMS) lists «Стоп-лист» — a segment marked стоп-лист=да — in its audience."),
        ("FLOW001", "Отток",
         "Stage «Отток» is marked not final but has no next stage, so reactivated customers go nowhere."),
        ("TRK002", "Брошенный просмотр",
         "The scenario is triggered by «Просмотр товара», which the events table marks as not tracked (нет)."),
        ("TRK003", "Онбординг приложения",
         "Trigger «Регистрация в приложении» comes from AppMetrica, but Mindbox (which sends the first push) only receives from Сайт and 1С and AppMetrica passes data nowhere."),
        ("FLOW004", "Брошенная корзина",
         "Goal event is «Заказ оформлен» but the stop-event cell is empty, so a customer who ordered still gets the push with -5%."),
        ("GOV003", "ДР ребёнка",
         "Active («активен») scenario with an empty «Ответственный» cell."),
        ("MAP005", "Отзыв о покупке",
         "The card has an empty steps table (comment: steps not written yet)."),
    ]
    lookalikes = [
        ("COV001", "Многодетные",
         "No scenario names «Многодетные», but its parent «Активные» is targeted by active scenarios."),
        ("COST002", "VIP закрытая распродажа",
         "The call step goes to segment VIP: tier VIP and only 640 customers."),
        ("INT003", "VIP закрытая распродажа",
         "The call is conditioned on «SMS не доставлено» — SMS gateways do report delivery status."),
        ("GOV002", "Брошенный просмотр",
         "Reviewed 02.06.2026, which is less than 6 months before 2026-11-28."),
    ]
    write_answers(folder, "ДетМаркет — карточки сценариев (RU)", fname, "ru", defects, lookalikes, cols)
    return folder / fname


# ==========================================================================
# 2. EN — Pantrybox: Notion database export (folder of CSVs)
# ==========================================================================

EN_STEP_H = [
    ("Title", "step"), ("Parent item", "scenario"), ("Type", "kind"), ("Audience", "segments"),
    ("Journey stage", "stage"), ("Trigger", "trigger"), ("Schedule", "schedule"),
    ("Channel", "channel"), ("Delay", "timing"), ("Properties", "condition"),
    ("Next step", "next"), ("Copy", "message"), ("Tags", "message_type"), ("Sent via", "system"),
    ("Goal", "goal"), ("Goal event", "goal_event"), ("Exit on", "stop_event"), ("KPI", "kpi"),
    ("Assignee", "owner"), ("Status", "status"), ("Last reviewed", "last_reviewed"),
    ("Created time", "ignore"), ("Comments", "ignore"),
]

# scenario-level rollups, repeated on every step row (Notion rollup columns)
EN_SCEN = {
    "Trial onboarding": dict(
        Type="Trigger", Audience="Trial users", Stage="Trial", Trigger="Trial started", Schedule="",
        Goal="Convert trial users to a paid plan", GoalEvent="Subscription started",
        Exit="Subscription started", KPI="Trial→paid 28%", Assignee="Priya N.", Status="Live 🟢",
        Reviewed="November 3, 2026"),
    "First box follow-up": dict(
        Type="Trigger", Audience="First box buyers", Stage="First box", Trigger="Box delivered",
        Schedule="", Goal="Get a recipe rating and keep them for box #2", GoalEvent="Recipe rated",
        Exit="Recipe rated", KPI="Rating rate 35%", Assignee="Tom W.", Status="Live",
        Reviewed="Oct 12, 2026"),
    "Weekly menu": dict(
        Type="Broadcast", Audience="Active subscribers, Premium plan, Premium annual",
        Stage="Subscriber", Trigger="", Schedule="Every Thursday 10:00",
        Goal="Get meal picks in before the Sunday cutoff", GoalEvent="Menu selected",
        Exit="Menu selected", KPI="Menu selection rate 60%", Assignee="Priya N.", Status="Live 🟢",
        Reviewed="2026-10-29"),
    "Flash deals": dict(
        Type="Broadcast", Audience="Active subscribers", Stage="Subscriber", Trigger="",
        Schedule="Mon, Wed, Fri", Goal="Sell add-ons (desserts, wine, breakfast)",
        GoalEvent="Add-on purchased", Exit="Add-on purchased", KPI="Add-on attach rate 8%",
        Assignee="Marcus", Status="Live", Reviewed="June 4, 2026"),
    "Referral program": dict(
        Type="Trigger", Audience="Premium plan", Stage="Advocate", Trigger="5th box delivered",
        Schedule="", Goal="", GoalEvent="", Exit="", KPI="0.3 referrals per sender",
        Assignee="Tom W.", Status="Planned", Reviewed="November 18, 2026"),
    "Pause reminder": dict(
        Type="Trigger", Audience="Paused subscribers", Stage="Paused", Trigger="Subscription paused",
        Schedule="", Goal="Get paused customers back before the pause ends",
        GoalEvent="Subscription resumed", Exit="Subscription resumed", KPI="Resume rate 40%",
        Assignee="Jess", Status="Live 🟢", Reviewed="September 31, 2026"),
    "Win-back": dict(
        Type="Trigger", Audience="Churned", Stage="Churned", Trigger="Subscription cancelled",
        Schedule="", Goal="Win back cancelled customers", GoalEvent="Subscription started",
        Exit="Subscription started", KPI="Reactivation 6% in 60 days", Assignee="Marcus",
        Status="live", Reviewed="Nov 20, 2026"),
    "Delivery NPS": dict(
        Type="Trigger", Audience="Active subscribers, Premium plan", Stage="Subscriber",
        Trigger="Box delivered", Schedule="", Goal="Measure satisfaction with every delivery",
        GoalEvent="NPS submitted", Exit="NPS submitted", KPI="NPS response rate 12%",
        Assignee="Jess", Status="Live", Reviewed="April 2, 2026"),
}

# title, parent, channel, delay, properties(condition), next, copy, tags, sent via, comments
EN_STEPS = [
    ("TO-1 Welcome email", "Trial onboarding", "Email", "0", "", "TO-2 Recipe picker push",
     "Welcome to Pantrybox! Here's how your first box works", "Content", "Braze", ""),
    ("TO-2 Recipe picker push", "Trial onboarding", "Push", "1 day",
     "only if previous email not opened", "TO-3 Stay-on offer",
     "Your first box ships Thursday — pick your recipes 🍝", "Service", "Braze", ""),
    ("TO-3 Stay-on offer", "Trial onboarding", "Email", "Day 5", "", "TO-4 Trial ends SMS",
     "Stay on: 30% off your first 3 paid boxes", "Promo", "Braze", ""),
    ("TO-4 Trial ends SMS", "Trial onboarding", "SMS", "Day 6", "if no Subscription started", "",
     "Pantrybox: your trial ends tomorrow. Keep 30% off → pbx.co/stay", "Promo", "Braze",
     "UK numbers only"),
    ("FB-1 Unpacking push", "First box follow-up", "Push", "2h", "", "FB-2 Rate recipes email",
     "Your box is here! Pop it in the fridge within 2 hours 🧊", "Service", "Braze", ""),
    ("FB-2 Rate recipes email", "First box follow-up", "Email", "2 days", "",
     "FB-3 One-tap rating", "How did dinner go? Rate your recipes", "Content", "Braze", ""),
    ("FB-3 One-tap rating", "First box follow-up", "Email", "4 days", "only if FB-2 not clicked", "",
     "One tap: 👍 or 👎 for each recipe", "Content", "Braze ", ""),
    ("WM-1 Menu is live", "Weekly menu", "Email", "Thu 10:00", "", "WM-2 Cutoff push",
     "Next week's menu is live: 24 recipes", "Content", "Braze", ""),
    ("WM-2 Cutoff push", "Weekly menu", "Push", "Sat 18:00", "if no Menu selected", "",
     "Cutoff tomorrow — pick your meals or we'll choose for you", "Service", "Braze",
     "annual plan people asked to be in this too"),
    ("FD-1 Flash deal email", "Flash deals", "Email", "", "", "",
     "48h flash deal: desserts 2-for-1", "Promo", "Braze", "sent on each schedule day"),
    ("RF-1 Give £20 email", "Referral program", "Email", "1 day", "", "RF-2 Referral reminder push",
     "Give £20, get £20 — share your link", "Promo", "Braze", "goal tbd w/ finance"),
    ("RF-2 Referral reminder push", "Referral program", "Push", "+3d", "only if RF-1 not clicked", "",
     "Your friends still haven't got their £20 🎁", "Promo", "Braze", ""),
    ("PR-1 While you're away", "Pause reminder", "Email", "7 days", "", "PR-2 Free dessert push",
     "Here's what's cooking while you're away", "Content", "Braze", ""),
    ("PR-2 Free dessert push", "Pause reminder", "Push", "Day 14", "", "PR-3 Pause ending email",
     "Come back this week and get a free dessert", "Promo", "Braze", ""),
    ("PR-3 Pause ending email", "Pause reminder", "Email", "+7 days",
     "loop back to PR-2 every 7 days, max 3 times, then stop", "PR-2 Free dessert push",
     "Your pause ends soon — pick your first box back", "Service", "Braze", ""),
    ("WB-1 What's new email", "Win-back", "Email", "Day 30", "", "WB-2 Comeback SMS",
     "New menu, new prices — see what changed", "Content", "Braze", ""),
    ("WB-2 Comeback SMS", "Win-back", "SMS", "Day 35", "", "WB-3 Last chance email",
     "50% off your comeback box: pbx.co/back", "Promo", "Braze", ""),
    ("WB-3 Last chance email", "Win-back", "Email", "Day 40", "", "WB-4 Care team call",
     "Last chance: 50% off ends Sunday", "Promo", "Braze", ""),
    ("WB-4 Care team call", "Win-back", "Call", "Day 45", "if no Subscription started", "",
     "Care team calls to ask why they left and offers 50% off", "Service", "Aircall",
     "whole Churned list (~31k) — agents complain"),
    ("NP-1 NPS push", "Delivery NPS", "Push", "1 day", "", "",
     "How was this week's box? Tap to rate 0–10", "Service", "Braze", ""),
]

EN_SEG_H = [("Name", "name"), ("Est. size", "size"), ("Parent segment", "parent"),
            ("Suppression list", "excluded"), ("Tier", "tier"), ("Definition", "ignore")]
EN_SEG = [
    ["Trial users", "8,200", "", "No", "standard", "on a free trial box, not yet paid"],
    ["First box buyers", "5,400", "", "No", "standard", "1 paid box delivered"],
    ["Active subscribers", "23,000", "", "No", "standard", "2+ paid boxes, not paused "],
    ["Premium plan", "2,900", "", "No", "high", "Premium monthly plan"],
    ["Paused subscribers", "6,700", "", "No", "standard", "pause active right now"],
    ["Churned", "≈31,000", "", "No", "low", "cancelled in the last 12 months"],
    ["Do not contact", "1,150", "", "Yes", "", "GDPR objections, complaints, legal hold"],
]
EN_STAGE_H = [("Name", "name"), ("Next stage", "next"), ("Final stage", "final"), ("Order", "ignore")]
EN_STAGE = [
    ["Trial", "First box", "", "1"],
    ["First box", "Subscriber", "No", "2"],
    ["Subscriber", "Advocate, Paused, Churned", "", "3"],
    ["Advocate", "", "Yes", "4"],
    ["Paused", "Subscriber", "", "5"],
    ["Churned", "Subscriber", "No", "6"],
]
EN_CH_H = [("Name", "name"), ("Type", "kind"), ("Notes", "ignore")]
EN_CH = [
    ["Email", "email", ""],
    ["Push", "push", "iOS + Android app"],
    ["SMS", "sms", "UK numbers only"],
    ["Call", "call", "care team, 6 agents"],
]
EN_EV_H = [("Event name", "name"), ("Source", "source"), ("Tracked?", "tracked"),
           ("Properties", "ignore"), ("Notes", "ignore")]
EN_EV = [
    ["Trial started", "Stripe", "Yes", "plan, price", ""],
    ["Subscription started", "Stripe", "Yes", "plan, price, coupon", ""],
    ["Box delivered", "ShipHero", "Yes", "order_id, box_size", ""],
    ["Recipe rated", "Segment", "✓", "recipe_id, stars", ""],
    ["Menu selected", "Segment", "Yes", "week, recipes", ""],
    ["Add-on purchased", "Stripe", "yes", "sku", ""],
    ["Subscription paused", "Stripe", "Yes", "pause_until", ""],
    ["Subscription resumed", "Stripe", "Yes", "", ""],
    ["Box delivered", "ShipHero", "✓", "order_id", "dup? created by Tom"],
    ["Subscription cancelled", "Stripe", "Yes", "reason", ""],
    ["NPS submitted", "Segment", "Yes", "score", ""],
    ["Checkout abandoned", "Segment", "No", "", "not wired yet (web team Q1)"],
]
EN_SYS_H = [("Name", "name"), ("Type", "kind"), ("Channels", "channel"),
            ("Receives from", "source"), ("Pushes data to", "sends_to"), ("Notes", "ignore")]
EN_SYS = [
    ["Braze", "CEP / orchestration", "Email, Push, SMS", "Segment, Stripe, ShipHero",
     "Segment, Aircall", "SMS goes through Braze's Twilio connector"],
    ["Aircall", "Call center", "Call", "Braze, Stripe", "Braze", "call outcomes synced back"],
    ["Segment", "CDP", "", "", "Braze", "web + app tracking"],
    ["Stripe", "Billing", "", "", "Braze, Aircall, Segment", ""],
    ["ShipHero", "Fulfilment / WMS", "", "", "Braze", "delivery webhooks"],
]


def _csv(path: Path, headers, rows):
    with path.open("w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(headers)
        w.writerows(rows)


def build_en():
    folder = HERE / "en_notion"
    exp = folder / "notion_export"
    exp.mkdir(parents=True, exist_ok=True)
    for old in exp.glob("*.csv"):
        old.unlink()
    cols = []
    files = {
        "steps": "Pantrybox CRM map – Steps 4f1c9e2a.csv",
        "seg": "Segments 9b0d33e1.csv",
        "stage": "Journey stages a7c2e9f0.csv",
        "ch": "Channels 1a2b3c4d.csv",
        "ev": "Events 77aa01c5.csv",
        "sys": "Systems 5d1f0a8b.csv",
    }
    created = ["November 3, 2026 4:12 PM", "October 2, 2026 11:05 AM", "September 14, 2026 9:40 AM"]
    rows = []
    for i, (title, parent, ch, delay, cond, nxt, copy, tags, via, comment) in enumerate(EN_STEPS):
        s = EN_SCEN[parent]
        rows.append([title, parent, s["Type"], s["Audience"], s["Stage"], s["Trigger"],
                     s["Schedule"], ch, delay, cond, nxt, copy, tags, via, s["Goal"],
                     s["GoalEvent"], s["Exit"], s["KPI"], s["Assignee"], s["Status"],
                     s["Reviewed"], created[i % 3], comment])
    _csv(exp / files["steps"], [h for h, _ in EN_STEP_H], rows)
    cols += [(files["steps"], h, f) for h, f in EN_STEP_H]
    for key, hdr, data in (("seg", EN_SEG_H, EN_SEG), ("stage", EN_STAGE_H, EN_STAGE),
                           ("ch", EN_CH_H, EN_CH), ("ev", EN_EV_H, EN_EV), ("sys", EN_SYS_H, EN_SYS)):
        _csv(exp / files[key], [h for h, _ in hdr], data)
        cols += [(files[key], h, f) for h, f in hdr]

    defects = [
        ("MAP001", "Weekly menu",
         "Its Audience lists «Premium annual», which is not a row in the Segments database."),
        ("MAP002", "Box delivered",
         "The Events database has two rows named «Box delivered»."),
        ("MAP003", "Pause reminder",
         "Last reviewed is «September 31, 2026», a date that does not exist."),
        ("FREQ001", "Active subscribers",
         "Flash deals emails Mon/Wed/Fri and Weekly menu emails every Thursday: 4 emails a week against a cap of 3."),
        ("COST002", "Win-back",
         "WB-4 is a care-team call to the whole «Churned» segment: ≈31,000 customers, tier low."),
        ("TRK001", "Referral program",
         "Its trigger «5th box delivered» is not in the Events database (only «Box delivered» is)."),
        ("CNT001", "Referral program",
         "Goal, Goal event and Exit on are all empty (comment: goal tbd)."),
        ("GOV002", "Delivery NPS",
         "Last reviewed April 2, 2026 — almost 8 months before the audit date."),
    ]
    lookalikes = [
        ("FLOW003", "Pause reminder",
         "PR-3 loops back to PR-2 but only up to 3 times, and the scenario exits on «Subscription resumed»."),
        ("COST001", "Trial onboarding",
         "The only feedback fallback goes email → push (cheaper channel first), not SMS → cheaper."),
        ("FREQ002", "Delivery NPS",
         "Shares trigger «Box delivered» with First box follow-up, but for different segments (Active subscribers/Premium plan vs First box buyers)."),
        ("GOV002", "Flash deals",
         "Last reviewed June 4, 2026 — under 6 months before 2026-11-28."),
    ]
    write_answers(folder, "Pantrybox — Notion export of the comms map (EN)", "notion_export", "en",
                  defects, lookalikes, cols)
    return exp


# ==========================================================================
# 3. MIXED — КодКлуб: two-level header, one row per scenario
# ==========================================================================

MX_SC_H = [("№", "id"), ("Название", "name"), ("Тип сценария", "kind"), ("Сегменты", "segments"),
           ("Этап CJM", "stage"), ("Trigger event", "trigger"), ("Расписание", "schedule"),
           ("Цель", "goal"), ("Goal event", "goal_event"), ("Стоп", "stop_event"), ("KPI", "kpi"),
           ("Owner", "owner"), ("Статус", "status"), ("Review", "last_reviewed"),
           ("Коммент", "ignore")]
MX_CH = ["Email", "SMS", "Push", "Telegram"]
MX_SUB_H = [("Когда", "timing"), ("Текст", "message"), ("Условие", "condition"),
            ("Тип сообщ.", "message_type")]

E = ["", "", "", ""]  # empty channel block
MX_ROWS = [
    # scenario-level 15 cells, then Email, SMS, Push, Telegram blocks
    (["1", "Welcome лида", "trigger", "Лиды", "Заявка", "Заявка на сайте", "",
      "Записать на бесплатный пробный урок", "Запись на пробный", "Запись на пробный",
      "CR заявка→пробный 45%", "Аня Р.", "active", "10.10.2026", ""],
     ["сразу", "Привет! Расскажем, как проходит пробный урок + ссылка на запись", "—", "сервис"],
     ["+1 ч", "Запишитесь на бесплатный урок: kodclub.ru/t", "если не открыл email", "сервис"],
     E,
     ["+1 день", "Бот: выберите удобное время пробного 👇", "если не записался", "сервис"]),
    (["2", "Напоминание о пробном", "trigger", "Trial, Stop-list", "Пробный урок", "Запись на пробный",
      "", "Чтобы ребёнок дошёл до пробного урока", "Пробный урок пройден", "Пробный урок пройден",
      "доходимость 70%", "Аня Р.", "active ✓", "2026-11-02",
      "сервисные шлём и отписанным — ок от юриста"],
     ["за 1 день до урока", "Завтра пробный урок! Проверьте ноутбук и Zoom", "—", "сервис"],
     ["за 2 ч", "Урок через 2 часа, ссылка: kodclub.ru/l", "—", "сервис"],
     E, E),
    (["3", "Дожим после пробного", "trigger", "Trial", "Оплата", "Пробный урок пройден", "",
      "Продать курс после пробного", "Оплата курса", "Оплата курса", "CR пробный→оплата 25%",
      "Макс (sales)", "active", dt.datetime(2026, 9, 15), "SMS первым — так быстрее доходит"],
     ["+1 день после SMS", "Программа курса и отзывы родителей", "если не открыл SMS", "контент"],
     ["сразу после урока", "Спасибо за урок! -10% на курс 48 ч: kodclub.ru/pay", "—", "промо"],
     E, E),
    (["4", "Онбординг студента", "trigger", "Студенты", "Обучение", "Оплата курса", "",
      "Чтобы ребёнок дошёл до 4-го урока и не бросил", "", "", "доходимость до 4 урока 80%",
      "Лена В.", "active", "28.10.2026", ""],
     ["сразу после оплаты", "Доступ в ЛК, расписание и правила переноса", "—", "сервис"],
     E,
     ["каждые 2 дня (повтор)", "Новый урок ждёт! Заходи 🚀", "если не было «Вход на урок»", "сервис"],
     E),
    (["5", "Реактивация оттока", "регулярная", "Отток", "Отток", "", "раз в месяц, 1-го числа",
      "Вернуть не продливших", "Оплата курса", "Оплата курса", "возврат 4%", "Макс (sales)",
      "active", "01.11.2026", ""],
     ["1-го числа, 11:00", "Что нового в КодКлубе: 3 новых курса на весну", "—", "контент"],
     ["+2 дня", "Вернитесь со скидкой -20% до воскресенья", "если не открыл email", "промо"],
     E, E),
    (["6", "Опрос после пробного", "trigger", "Trial", "Пробный урок", "Пробный урок пройден", "",
      "Узнать, как прошёл урок (контроль преподавателей)", "Оценка урока", "Оценка урока",
      "ответили 30%", "Олег (методисты)", "active", "2026-10-05", "запустили методисты сами"],
     ["+2 ч после урока", "Как прошёл урок? Оцените от 1 до 5", "—", "сервис"],
     E, E, E),
    (["7", "Продление абонемента", "trigger", "Студенты", "Продление",
      "За 14 дней до конца абонемента", "", "Продлить обучение", "Оплата курса", "Оплата курса",
      "продление 60%", "Лена В.", "пауза ⏸", "20.09.2026", "на паузе с сентября — переделываем тарифы"],
     ["за 14 дней", "Абонемент заканчивается — продлите заранее", "—", "сервис"],
     ["за 3 дня", "Абонемент закончится через 3 дня", "—", "сервис"],
     E, E),
    (["8", "Апсейл выпускникам", "trigger", "Выпускники", "Выпускник", "Курс завершён", "",
      "Продать следующий курс", "Оплата курса", "Оплата курса", "upsell 15%", "Лена В.", "active",
      "12.11.2026", ""],
     ["сразу", "Сертификат + следующий курс со скидкой 15%", "—", "промо"],
     E,
     ["+3 дня", "", "—", "контент"],
     E),
]

MX_SEG_H = [("Сегмент", "name"), ("Кол-во", "size"), ("Родитель", "parent"),
            ("Stop-list?", "excluded"), ("Tier", "tier"), ("Комментарий", "ignore")]
MX_SEG = [
    ["Лиды", "5 400", "", "нет", "", "заявка за 30 дней, на пробный не записан"],
    ["Trial", "1 900", "", "-", "", "записан на пробный / прошёл пробный"],
    ["Студенты", "7 800", "", "-", "standard", "оплачен курс"],
    ["Студенты Premium", "450", "Студенты", "-", "high", "индивидуальные занятия"],
    ["Отток", "12 300", "", "нет", "", "не продлили > 30 дн."],
    ["Выпускники", "3 050", "", "нет", "", "закончили курс"],
    ["Stop-list", "2 050", "", "да ✓", "", "отписка, жалобы, «не звонить»"],
]
MX_STAGE_H = [("Этап", "name"), ("Next stage", "next"), ("Финал", "final")]
MX_STAGE = [
    ["Заявка", "Пробный урок", "нет"],
    ["Пробный урок", "Оплата", "нет"],
    ["Оплата", "Обучение", "нет"],
    ["Обучение", "Продление, Отток", "нет"],
    ["Продление", "Выпускник", "нет"],
    ["Выпускник", "", "да"],
    ["Отток", "Оплата", "нет"],
]
MX_EV_H = [("Event", "name"), ("Источник", "source"), ("Трекинг", "tracked"), ("Комментарий", "ignore")]
MX_EV = [
    ["Заявка на сайте", "amoCRM", "да", "форма Tilda → сделка в amoCRM"],
    ["Запись на пробный", "amoCRM", "да", ""],
    ["Пробный урок пройден", "amoCRM", "+", "отметка преподавателя"],
    ["Оплата курса", "amoCRM", "✓", "вебхук CloudPayments"],
    ["Вход на урок", "amoCRM", "да", "из LMS раз в час"],
    ["Курс завершён", "amoCRM", "да", ""],
    ["Оценка урока", "amoCRM", "да", "Яндекс Формы → amoCRM"],
    ["За 14 дней до конца абонемента", "amoCRM", "да", "расчётное поле в сделке"],
    ["Просмотр вебинара", "", "нет", "хотим, но пока не собираем"],
]
MX_SYS_H = [("Платформа", "name"), ("Тип", "kind"), ("Каналы", "channel"),
            ("Получает события от", "source"), ("Передаёт в", "sends_to"), ("Комментарий", "ignore")]
MX_SYS = [
    ["amoCRM", "CRM + Salesbot (оркестрация)", "", "Tilda, CloudPayments, LMS",
     "UniSender, SMS.ru, OneSignal", "все триггеры стартуют отсюда"],
    ["UniSender", "email-сервис", "Email", "amoCRM", "amoCRM, SMS.ru", "вебхуки open/click"],
    ["SMS.ru", "SMS-шлюз", "SMS", "amoCRM", "amoCRM, UniSender", "статусы доставки"],
    ["OneSignal", "push-сервис", "Push", "amoCRM", "amoCRM", ""],
    ["Tilda", "сайт", "", "", "amoCRM", ""],
    ["CloudPayments", "платежи", "", "", "amoCRM", ""],
    ["LMS", "платформа обучения", "", "", "amoCRM", "Telegram-бот (Salebot) — подключим в Q1 2027"],
]


def build_mixed():
    folder = HERE / "mixed_twolevel"
    folder.mkdir(parents=True, exist_ok=True)
    fname = "КодКлуб CRM-карта 2026.xlsx"
    wb = Workbook()
    cols = []

    ws = wb.active
    ws.title = "Карта"
    n_sc = len(MX_SC_H)
    last_col = n_sc + 4 * len(MX_CH)
    ws.cell(row=1, column=1, value="КодКлуб — карта коммуникаций (CRM) / last update 17.11.2026").font = TITLE
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last_col)
    # two-level header: row 2 groups, row 3 sub-columns
    ws.cell(row=2, column=1, value="Сценарий").font = BOLD
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=n_sc)
    for i, ch in enumerate(MX_CH):
        c0 = n_sc + 1 + 4 * i
        c = ws.cell(row=2, column=c0, value=ch)
        c.font = BOLD
        c.fill = GROUP_FILL
        c.alignment = Alignment(horizontal="center")
        ws.merge_cells(start_row=2, start_column=c0, end_row=2, end_column=c0 + 3)
    head_row(ws, 3, [h for h, _ in MX_SC_H] + [h for _ in MX_CH for h, _ in MX_SUB_H])
    cols += [("Карта", h, f) for h, f in MX_SC_H] + [("Карта", h, f) for h, f in MX_SUB_H]
    data = [sc + em + sm + pu + tg for sc, em, sm, pu, tg in MX_ROWS]
    end = rows_out(ws, 4, data)
    ws.cell(row=end + 1, column=1, value="* Telegram — через бота, см. лист «Платформы»")
    ws.cell(row=4 + 2, column=n_sc + 4 + 1).comment = Comment(
        "SMS идёт первым, потом письмо — так решили sales", "Макс")
    ws.freeze_panes = "C4"
    ws.column_dimensions["B"].width = 26

    for sheet, hdr, rows in (("Сегменты", MX_SEG_H, MX_SEG), ("CJM этапы", MX_STAGE_H, MX_STAGE),
                             ("События", MX_EV_H, MX_EV), ("Платформы", MX_SYS_H, MX_SYS)):
        ws = wb.create_sheet(sheet)
        head_row(ws, 1, [h for h, _ in hdr])
        rows_out(ws, 2, rows)
        cols += [(sheet, h, f) for h, f in hdr]
        ws.column_dimensions["A"].width = 30

    ws = wb.create_sheet("Changelog")
    head_row(ws, 1, ["Дата", "Что поменяли", "Кто"])
    rows_out(ws, 2, [
        ["17.11.2026", "добавили апсейл выпускникам", "Лена"],
        [dt.datetime(2026, 9, 20), "продление на паузу", "Лена"],
        ["2026-10-05", "методисты добавили опрос после пробного", "Олег"],
    ])
    cols += [("Changelog", "Дата", "ignore"), ("Changelog", "Что поменяли", "ignore"),
             ("Changelog", "Кто", "ignore")]
    wb.save(folder / fname)

    defects = [
        ("INT003", "Дожим после пробного",
         "The email is sent «если не открыл SMS» — SMS does not report opens."),
        ("COST001", "Дожим после пробного",
         "The cascade starts with a promo SMS and falls back, on that SMS's feedback, to the cheaper email."),
        ("FREQ002", "после пробного",
         "«Дожим после пробного» and «Опрос после пробного» are both active, both fire on «Пробный урок пройден» for segment Trial."),
        ("FLOW003", "Онбординг студента",
         "The push repeats every 2 days while the child has not entered a lesson, with no stop event and no repeat limit."),
        ("TRK004", "Онбординг студента",
         "Active scenario with a goal in words but an empty «Goal event» cell."),
        ("CNT004", "Апсейл выпускникам",
         "The Push step has timing (+3 дня) but an empty «Текст» cell."),
        ("INT001", "Welcome лида",
         "The Telegram step has no sender: no platform lists Telegram among its channels (bot planned for Q1 2027)."),
        ("COV002", "Продление",
         "Stage «Продление» is served only by «Продление абонемента», which is paused."),
    ]
    lookalikes = [
        ("COV003", "Напоминание о пробном",
         "Reaches «Stop-list», but both steps are service reminders (тип сервис), not promo/news/content."),
        ("INT002", "Welcome лида",
         "The SMS (SMS.ru) depends on email opens from UniSender, and UniSender passes data to SMS.ru."),
        ("FLOW001", "Выпускник",
         "Stage «Выпускник» has no next stage, but it is marked final (Финал = да)."),
        ("COST001", "Реактивация оттока",
         "Email first, SMS only if the email was not opened: cheap → expensive escalation."),
    ]
    write_answers(folder, "КодКлуб — двухуровневая шапка, строка на сценарий (mixed RU/EN)", fname, "ru",
                  defects, lookalikes, cols)
    return folder / fname


if __name__ == "__main__":
    for p in (build_ru(), build_en(), build_mixed()):
        print("wrote", p.relative_to(HERE))
