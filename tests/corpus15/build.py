"""Builds corpus15: three client communication maps with planted defects.

Run from /work/main:  python tests/corpus15/build.py

Writes, under tests/corpus15/:
  contact_policy_ru/   bank CRM register for the six-month review (.xlsx)
  single_sheet_en/     gym owner's one-sheet plan (.xlsx)
  agency_audit_mixed/  agency audit workbook, Russian with English terms (.xlsx)
each with an answers.toml (planted defects, look-alikes, header key).

The workbooks hold values only (no formulas).  At the end a small self-check
recounts, from the same data the sheets are written from, the weekly contact
load and the promo share per segment, so that only the planted segments go
over the caps (see README.md, "Clean on purpose").
"""
from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

HERE = Path(__file__).resolve().parent
TODAY = "2026-11-29"

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
HEAD_FILL = PatternFill("solid", fgColor="D9E1F2")
SECT_FILL = PatternFill("solid", fgColor="FCE4D6")
NOTE_FILL = PatternFill("solid", fgColor="FFF2CC")
GREY_FILL = PatternFill("solid", fgColor="EDEDED")
THIN = Side(style="thin", color="A6A6A6")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")


# ---------------------------------------------------------------- helpers
def d(s: str) -> dt.datetime:
    """dd.mm.yyyy -> datetime (written as a real Excel date)."""
    day, month, year = (int(x) for x in s.split("."))
    return dt.datetime(year, month, day)


def header(ws, row: int, col: int, names: list[str], columns: list, fields: list[str]):
    """Write a header row and record its keying."""
    assert len(names) == len(fields), (names, fields)
    for i, (n, f) in enumerate(zip(names, fields)):
        c = ws.cell(row=row, column=col + i, value=n)
        c.font = BOLD
        c.fill = HEAD_FILL
        c.border = BOX
        c.alignment = Alignment(wrap_text=True, vertical="center")
        columns.append({"sheet": ws.title, "header": n, "field": f})


def put(ws, row: int, col: int, values: list, date_fmt="DD.MM.YYYY"):
    for i, v in enumerate(values):
        if v is None:
            continue
        c = ws.cell(row=row, column=col + i, value=v)
        c.border = BOX
        c.alignment = WRAP
        if isinstance(v, dt.datetime):
            c.number_format = date_fmt


def widths(ws, ws_widths: dict[str, float]):
    for col, w in ws_widths.items():
        ws.column_dimensions[col].width = w


def tq(s: str) -> str:
    """TOML basic string."""
    out = ['"']
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def write_answers(folder: Path, title: str, map_name: str, lang: str,
                  defects: list[dict], lookalikes: list[dict], columns: list[dict]):
    lines = [
        f"title = {tq(title)}",
        f"map = {tq(map_name)}",
        f"lang = {tq(lang)}",
        f"today = {tq(TODAY)}",
        "",
    ]
    for block, items in (("defect", defects), ("lookalike", lookalikes)):
        for it in items:
            lines.append(f"[[{block}]]")
            for k in ("code", "match", "why"):
                lines.append(f"{k} = {tq(it[k])}")
            lines.append("")
    for c in columns:
        lines.append("[[column]]")
        for k in ("sheet", "header", "field"):
            lines.append(f"{k} = {tq(c[k])}")
        lines.append("")
    path = folder / "answers.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    # must parse, and the header key must round-trip
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert len(data["column"]) == len(columns)
    assert 6 <= len(data["defect"]) <= 9, len(data["defect"])
    assert 3 <= len(data["lookalike"]) <= 5, len(data["lookalike"])
    codes = [x["code"] for x in data["defect"]]
    assert len(set(codes)) == len(codes), codes


FIELDS = set("""id name parent size tier excluded stage next final channel kind system
source tracked scenario scenario_name step trigger schedule timing segments goal
goal_event stop_event kpi owner status last_reviewed message message_type
condition sends_to ignore""".split())


# ================================================================ MAP 1
# Bank CRM register for the six-month review.
M1_SEGMENTS = [
    # code, name, parent, size, group (tier), stop-list, criterion
    ("SG01", "Новые клиенты (первые 30 дней)", "", 18500, "Массовый", "нет",
     "Первый продукт открыт не ранее 30 дней назад"),
    ("SG02", "Активные держатели дебетовых карт", "", 612000, "Массовый", "нет",
     "Есть дебетовая карта и операции за 30 дней"),
    ("SG03", "Зарплатные клиенты", "SG02", 208000, "Массовый", "нет",
     "Зачисления по зарплатному проекту 2 мес. подряд"),
    ("SG04", "Заёмщики (кредит наличными)", "", 96400, "Массовый", "нет",
     "Действующий кредит наличными"),
    ("SG05", "Просрочка 1–30 дней", "SG04", 4120, "Массовый", "нет",
     "Просроченный платёж 1–30 дней (ранняя стадия)"),
    ("SG06", "Держатели кредитных карт", "", 139000, "Массовый", "нет",
     "Действующая кредитная карта"),
    ("SG07", "Заявители на кредит (последние 30 дней)", "", 21300, "Массовый", "нет",
     "Начата или подана заявка на кредит / КК за 30 дней"),
    ("SG08", "Премиум", "", 7850, "Премиум", "нет",
     "Пакет «Премиум» или остатки от 3 млн ₽"),
    ("SG09", "Private (персональный менеджер)", "SG08", 410, "VIP", "нет",
     "Закреплён персональный менеджер Private Banking"),
    ("SG10", "Спящие (нет операций 90+ дней)", "", 154000, "Массовый", "нет",
     "Карта есть, операций нет 90 дней и более"),
    ("SG11", "Стоп-лист: отказ от рекламных коммуникаций", "", 38600, "—", "да",
     "Отозвано согласие на рекламу (ст. 18 ФЗ «О рекламе»)"),
    ("SG12", "Стоп-лист: банкротство / передано на взыскание", "", 2870, "—", "да",
     "Процедура банкротства или договор цессии / ЗПИ"),
]

M1_STAGES = [
    ("ST1", "Онбординг (первый продукт)", "ST2", "нет", "Клиент открыл первый продукт"),
    ("ST2", "Активация", "ST3", "нет", "Карта активирована, вход в приложение"),
    ("ST3", "Активное использование", "ST4; ST5", "нет", "Регулярные операции, платежи"),
    ("ST4", "Развитие (кросс-продажи)", "ST3", "нет", "Второй продукт: кредит, вклад, КК"),
    ("ST5", "Риск оттока", "ST3; ST6", "нет", "Активность упала, нет операций 60 дней"),
    ("ST6", "Спящий клиент", "ST3; ST7", "нет", "Нет операций 90+ дней"),
    ("ST7", "Закрытие продукта", "", "да", "Клиент закрыл карту / договор"),
]

M1_EVENTS = [
    ("EV01", "Открыт первый продукт", "АБС", "да", ""),
    ("EV02", "Карта активирована (первая операция)", "Процессинг", "да", "онлайн из процессинга в ПУ"),
    ("EV03", "Вход в мобильный банк", "Мобильный банк", "да", "SDK Mindbox"),
    ("EV04", "Заявка на кредит начата и не отправлена (1 час)", "Сайт", "да", ""),
    ("EV05", "Заявка на кредит одобрена", "Кредитный конвейер", "да", "API конвейера"),
    ("EV06", "До даты платежа 3 дня", "АБС", "да", "расчёт по графику платежей"),
    ("EV07", "Выход на просрочку (1-й день)", "АБС", "да", ""),
    ("EV08", "Поступила зарплата", "АБС", "да", "зачисление по зарплатному проекту"),
    ("EV09", "Нет операций по карте 60 дней", "АБС", "да", "расчёт в CDP по ежедневной выгрузке"),
    ("EV10", "Закрыта кредитная карта", "АБС", "да", ""),
    ("EV11", "Заявка на кредит отправлена", "Сайт", "да", ""),
    ("EV12", "Кредит выдан", "АБС", "да", ""),
    ("EV13", "Платёж по кредиту поступил", "АБС", "да", ""),
    ("EV14", "Первая покупка по кредитной карте", "Процессинг", "да",
     "авторизация из процессинга"),
    ("EV15", "Просмотр раздела «Вклады» в мобильном банке", "Мобильный банк", "нет",
     "событие в SDK не размечено, задача MB-2214"),
    ("EV16", "Открыт вклад / накопительный счёт", "АБС", "да", ""),
    ("EV17", "Смена номера телефона", "АБС", "нет", "пока не передаётся, план на I кв. 2027"),
    ("EV18", "Кредит погашен полностью", "АБС", "да", ""),
    ("EV19", "Карта выдана клиенту", "АБС", "да", "выдача в офисе или курьером"),
    ("EV20", "Операция по дебетовой карте", "АБС", "да", "ежедневная выгрузка"),
    ("EV21", "Начислен первый кешбэк", "АБС", "да", ""),
    ("EV22", "Заполнен опрос", "Сайт", "да", "анкета на prb.ru/opros"),
    ("EV23", "Поступление на счёт более 1 млн ₽", "АБС", "да", "только Private"),
    ("EV24", "Открыт брокерский счёт", "АБС", "да", ""),
    ("EV25", "Открыта страница тарифов", "Сайт", "да", "prb.ru/tariffs"),
]

M1_SYSTEMS = [
    # system, purpose, channels, receives, responsible
    ("Mindbox", "CDP и маркетинговые рассылки", "Email, Push, SMS",
     "Мобильный банк; Сайт; АБС; Кредитный конвейер", "Отдел CRM"),
    ("Платформа уведомлений", "Сервисные уведомления (своя разработка)", "SMS, Push, Viber",
     "АБС; Процессинг", "ДИТ, команда ДБО"),
    ("Naumen", "Контакт-центр, исходящие звонки", "Звонок", "АБС", "Контакт-центр"),
    ("АБС", "Автоматизированная банковская система (ЦФТ)", "—", "—", "ДИТ"),
    ("Процессинг", "Карточный процессинг", "—", "—", "ДИТ"),
    ("Мобильный банк", "Приложение «ПРБ Онлайн»", "—", "—", "Команда ДБО"),
    ("Сайт", "prb.ru, анкеты и заявки", "—", "—", "Интернет-подразделение"),
    ("Кредитный конвейер", "Скоринг и решения по заявкам", "—", "—", "УРК"),
]

M1_INTEGRATIONS = [
    ("АБС", "Mindbox", "клиенты, продукты, операции, события EV01–EV25 из АБС", "ежедневная выгрузка 03:00"),
    ("Мобильный банк", "Mindbox", "события приложения, push-токены", "SDK, онлайн"),
    ("Сайт", "Mindbox", "заявки, анкеты, просмотры", "трекер, онлайн"),
    ("Кредитный конвейер", "Mindbox", "статусы заявок", "API, онлайн"),
    ("АБС", "Платформа уведомлений", "графики платежей, просрочка, выдача карт", "шина, онлайн"),
    ("Процессинг", "Платформа уведомлений", "авторизации по картам", "шина, онлайн"),
    ("АБС", "Naumen", "события по счетам Private", "шина, онлайн"),
    ("Mindbox", "Naumen", "—", "не настроено"),
]

# steps: (timing, channel, condition, text, cta)
M1_COMMS = [
    dict(id="Т-01", name="Welcome-цепочка нового клиента", owner="Отдел CRM / Лаптева А.",
         kind="Триггерная", segs="SG01 Новые клиенты", stage="ST1", chans="Email + SMS",
         trig="EV01 Открыт первый продукт", sched="по событию", mtype="Информационное",
         msg="4 касания: знакомство, приложение, кешбэк, автоплатежи",
         system="Mindbox", goal="Клиент начал пользоваться мобильным банком",
         goal_ev="EV03", stop="EV03", kpi="Вход в МП за 7 дней ≥ 45%", status="Работает",
         reviewed="14.09.2026", comment="",
         steps=[
             ("сразу", "Email", "—", "Тема: «Добро пожаловать в ПРБ! 5 шагов к первым бонусам»", "Скачать приложение"),
             ("через 2 часа", "SMS", "если не открыл письмо",
              "ПРБ: карта готова к работе. Установите «ПРБ Онлайн» — кешбэк до 10%: prb.ru/app", "prb.ru/app"),
             ("D+3", "Email", "—", "Тема: «Как выбрать категории кешбэка на месяц»", "Выбрать категории"),
             ("на 7-й день, 11:00", "Email", "—", "Тема: «Автоплатежи за ЖКХ и связь — без комиссии»", "Подключить"),
         ]),
    dict(id="Т-02", name="Активация выданной карты", owner="УКП / Громова Е.",
         kind="Триггерная", segs="SG01", stage="ST2 Активация", chans="Push + SMS",
         trig="EV19 Карта выдана клиенту", sched="по событию", mtype="Сервисное",
         msg="Напомнить активировать карту", system="Платформа уведомлений",
         goal="Карта активирована в течение 14 дней", goal_ev="EV02", stop="EV02",
         kpi="Активация за 14 дней ≥ 70%", status="Работает", reviewed="22.10.2026", comment="",
         steps=[
             ("D+3", "Push", "если карта не активирована (нет EV02)",
              "Карта уже у вас? Активируйте её в приложении — это 1 минута", "Активировать"),
             ("D+5, 12:00", "SMS", "если push не открыт и карта всё ещё не активирована",
              "ПРБ: активируйте карту *{last4} — задайте ПИН в приложении или совершите покупку", ""),
         ]),
    dict(id="Т-03", name="Поступила зарплата — предложение «Копилки»", owner="Управление пассивов / Хасанова Р.",
         kind="Триггерная", segs="SG03 Зарплатные клиенты", stage="ST4", chans="Push",
         trig="EV08 Поступила зарплата", sched="по событию", mtype="Рекламное",
         msg="Отложить 10% зарплаты на накопительный счёт", system="Mindbox",
         goal="Открытие накопительного счёта", goal_ev="EV16", stop="EV16",
         kpi="Конверсия в открытие счёта ≥ 2,5%", status="Работает", reviewed="03.10.2026", comment="",
         steps=[
             ("сразу", "Push", "—",
              "Зарплата пришла 💸 Отложите 10% на накопительный счёт «Копилка» под 16% годовых", "Открыть счёт"),
         ]),
    dict(id="Т-04", name="Брошенная заявка на кредит", owner="УРК / Соболев Д.",
         kind="Триггерная", segs="SG07 Заявители на кредит", stage="ST4 Развитие", chans="Push + email",
         trig="EV04", sched="по событию", mtype="Рекламное",
         msg="Вернуть к незаконченной заявке", system="Mindbox",
         goal="Заявка отправлена", goal_ev="EV11", stop="EV11",
         kpi="Дозаполнение заявок ≥ 12%", status="Работает", reviewed="18.09.2026", comment="",
         steps=[
             ("через 1 час", "Push", "—",
              "Вы не закончили заявку на кредит. Продолжите с того же места — данные сохранены", "Продолжить"),
             ("на следующий день в 10:00", "Email", "если заявка не отправлена (нет EV11)",
              "Тема: «Ваша заявка ждёт: ставка от 14,9%»", "Продолжить заявку"),
         ]),
    dict(id="Т-05", name="Кредит одобрен, но не получен", owner="УРК / Соболев Д.",
         kind="Триггерная", segs="SG07", stage="ST4", chans="Push + SMS",
         trig="EV05 Заявка одобрена", sched="по событию", mtype="Сервисное",
         msg="Сообщить решение и как получить деньги", system="Mindbox",
         goal="Кредит выдан", goal_ev="EV12", stop="EV12",
         kpi="Выдача одобренных ≥ 65%", status="Работает", reviewed="01.06.2026",
         comment="пересмотр перенесён на декабрь",
         steps=[
             ("сразу", "Push", "—",
              "Кредит одобрен! Деньги можно получить в приложении без визита в офис", "Получить"),
             ("через 4 часа", "SMS", "если кредит не получен (нет EV12)",
              "ПРБ: решение по кредиту положительное. Получите деньги в приложении до {дата}", ""),
         ]),
    dict(id="Т-06", name="Напоминание о платеже по кредиту", owner="УРК / Соболев Д.",
         kind="Триггерная", segs="SG04 Заёмщики", stage="ST3", chans="SMS",
         trig="EV06 До даты платежа 3 дня", sched="по событию", mtype="Сервисное",
         msg="Напомнить о дате и сумме платежа", system="Платформа уведомлений",
         goal="Платёж внесён вовремя", goal_ev="EV13", stop="EV13",
         kpi="Доля платежей без просрочки ≥ 96%", status="Работает", reviewed="09.10.2026", comment="",
         steps=[
             ("сразу, 12:00", "SMS", "—",
              "ПРБ: платёж по кредиту {сумма} ₽ — {дата}. Пополнить: prb.ru/pay", ""),
             ("через 3 дня в 10:00", "SMS", "если SMS не прочитано",
              "ПРБ: сегодня дата платежа по кредиту — {сумма} ₽", ""),
         ]),
    dict(id="Т-07", name="Ранняя просрочка (soft collection)", owner="Отдел взыскания / Никитина О.",
         kind="Триггерная", segs="SG05 Просрочка 1–30 дней", stage="ST3", chans="Push + SMS",
         trig="EV07 Выход на просрочку", sched="по событию", mtype="Сервисное",
         msg="Погасить просрочку до начисления штрафа", system="Платформа уведомлений",
         goal="Просрочка погашена", goal_ev="EV13", stop="EV13",
         kpi="Выход из просрочки за 10 дней ≥ 60%", status="Работает", reviewed="27.10.2026", comment="",
         steps=[
             ("сразу", "Push", "—",
              "Платёж по кредиту не поступил. Внесите {сумма} ₽, чтобы избежать штрафа", "Внести платёж"),
             ("D+1", "SMS", "если платёж не поступил (нет EV13)",
              "ПРБ: просрочен платёж {сумма} ₽. Внесите сегодня: prb.ru/pay", ""),
             ("D+5", "SMS", "если платёж не поступил (нет EV13)",
              "ПРБ: задолженность {сумма} ₽. Свяжитесь с банком: 8 800 555-10-20", ""),
         ]),
    dict(id="Т-08", name="Интерес ко вкладам в приложении", owner="Управление пассивов / Хасанова Р.",
         kind="Триггерная", segs="SG02", stage="ST4", chans="Push",
         trig="EV15 Просмотр раздела «Вклады»", sched="по событию", mtype="Рекламное",
         msg="Дожать до открытия вклада", system="Mindbox",
         goal="Открыт вклад", goal_ev="EV16", stop="EV16",
         kpi="Открытие вклада ≥ 4%", status="Работает", reviewed="30.09.2026", comment="",
         steps=[
             ("через 30 минут", "Push", "—",
              "Ставка по вкладу «Надёжный» — до 18% на 6 месяцев. Открыть за 2 минуты", "Открыть вклад"),
             ("через 2 дня", "Push", "если вклад не открыт (нет EV16)",
              "Последняя неделя ставки 18% — успейте открыть вклад «Надёжный»", "Открыть вклад"),
         ]),
    dict(id="Т-09", name="Первая покупка по кредитной карте", owner="УКП / Громова Е.",
         kind="Триггерная", segs="SG06 Держатели кредитных карт", stage="ST3", chans="Push + email",
         trig="EV14 Первая покупка по КК", sched="по событию", mtype="Информационное",
         msg="Объяснить кешбэк и льготный период", system="Mindbox",
         goal="Первый кешбэк начислен", goal_ev="EV21", stop="EV21",
         kpi="3+ покупки в первые 30 дней ≥ 40%", status="Работает", reviewed="12.11.2026", comment="",
         steps=[
             ("сразу", "Push", "—", "Первая покупка по кредитной карте! Кешбэк придёт в начале месяца", ""),
             ("D+1, 19:00", "Email", "—", "Тема: «Как работает льготный период 120 дней — без процентов»", "Подробнее"),
         ]),
    dict(id="Т-10", name="Риск оттока: нет операций 60 дней", owner="Отдел CRM / Лаптева А.",
         kind="Триггерная", segs="SG02 Активные держатели дебетовых карт", stage="ST5", chans="Email + push",
         trig="EV09", sched="по событию", mtype="Информационное",
         msg="Напомнить о действующем кешбэке", system="Mindbox",
         goal="Клиент снова пользуется картой", goal_ev="EV20", stop="EV20",
         kpi="Операция в течение 14 дней ≥ 18%", status="Работает", reviewed="12.03.2026", comment="",
         steps=[
             ("сразу (в 11:00)", "Email", "—", "Тема: «Ваш кешбэк 5% на супермаркеты всё ещё активен»", "Посмотреть кешбэк"),
             ("через 2 дня", "Push", "если не открыл письмо",
              "Напоминаем: кешбэк 5% в супермаркетах до конца месяца", ""),
         ]),
    dict(id="Т-11", name="Закрытие кредитной карты — опрос", owner="Отдел CRM / Лаптева А.",
         kind="Триггерная", segs="SG06", stage="ST7 Закрытие продукта", chans="Email",
         trig="EV10 Закрыта кредитная карта", sched="по событию", mtype="Сервисное",
         msg="Узнать причину закрытия", system="Mindbox",
         goal="Получена обратная связь", goal_ev="EV22", stop="EV22",
         kpi="Заполнили опрос ≥ 8%", status="Работает", reviewed="05.11.2026", comment="",
         steps=[
             ("через 1 день", "Email", "—", "Тема: «Почему вы закрыли карту? 2 минуты на опрос»", "Пройти опрос"),
         ]),
    dict(id="Т-12", name="Крупное поступление — звонок персонального менеджера", owner="Блок Private / Орлов М.",
         kind="Триггерная", segs="SG09 Private", stage="ST4", chans="Звонок",
         trig="EV23 Поступление > 1 млн ₽", sched="по событию", mtype="Сервисное",
         msg="Персональный звонок менеджера", system="Naumen",
         goal="Средства размещены в банке", goal_ev="EV16", stop="EV16",
         kpi="Размещение ≥ 50% поступления", status="Работает", reviewed="21.10.2026", comment="",
         steps=[
             ("через 4 часа", "Звонок", "—",
              "Звонок персонального менеджера: поздравить с поступлением, предложить размещение (вклад / ИИС / ДУ)", ""),
         ]),
    dict(id="Т-13", name="Вклад после полного погашения кредита", owner="Управление пассивов / Хасанова Р.",
         kind="Триггерная", segs="SG04 Заёмщики", stage="ST4", chans="Email + push",
         trig="EV18 Кредит погашен полностью", sched="по событию", mtype="Рекламное",
         msg="Платёж по кредиту теперь можно откладывать на вклад", system="Mindbox",
         goal="Открыт вклад", goal_ev="EV16", stop="EV16",
         kpi="Открытие вклада ≥ 3%", status="Работает", reviewed="16.10.2026", comment="запущено в октябре",
         steps=[]),
    # ---- mass mailings
    dict(id="М-01", name="Дайджест «Ваши финансы за месяц»", owner="Отдел CRM / Лаптева А.",
         kind="Массовая", segs="SG02; SG04; SG10", stage="ST3", chans="Email",
         trig="—", sched="1 раз в месяц, 1-й вторник, 11:00", mtype="Информационное",
         msg="Тема: «Ваши финансы за месяц: траты, кешбэк, советы»", system="Mindbox",
         goal="Вовлечение в мобильный банк", goal_ev="EV03", stop="",
         kpi="CTR ≥ 3%", status="Работает", reviewed="14.09.2026", comment="", steps=None),
    dict(id="М-02", name="Акция «Кешбэк 7% на АЗС»", owner="УКП / Громова Е.",
         kind="Массовая", segs="SG02 Активные держатели дебетовых карт", stage="ST3", chans="SMS + push",
         trig="—", sched="1 раз в месяц, в первый рабочий день", mtype="Рекламное",
         msg="«Кешбэк 7% на АЗС в этом месяце — подключите категорию в приложении»", system="Mindbox",
         goal="Покупки на АЗС по карте", goal_ev="EV20", stop="EV20",
         kpi="Подключили категорию ≥ 6%", status="Работает", reviewed="02.11.2026", comment="", steps=None),
    dict(id="М-03", name="Реактивация спящих: 500 бонусов за покупку", owner="Отдел CRM / Лаптева А.",
         kind="Массовая", segs="SG10 Спящие", stage="ST6", chans="Email",
         trig="—", sched="1 раз в 2 недели, четверг 10:00", mtype="Рекламное",
         msg="Тема: «Ваша карта скучает: 500 бонусов за покупку до конца месяца»", system="Mindbox",
         goal="Операция по карте", goal_ev="EV20", stop="",
         kpi="Реактивация ≥ 4%", status="Работает", reviewed="28.10.2026", comment="", steps=None),
    dict(id="М-04", name="Рефинансирование ипотеки", owner="УРК / Соболев Д.",
         kind="Массовая", segs="Ипотечные заёмщики", stage="ST4", chans="Email",
         trig="—", sched="1 раз в месяц", mtype="Рекламное",
         msg="Тема: «Рефинансирование ипотеки от 11,9%»", system="Mindbox",
         goal="Заявка на рефинансирование", goal_ev="EV11", stop="",
         kpi="Заявки ≥ 0,8%", status="Работает", reviewed="19.10.2026", comment="", steps=None),
    dict(id="М-05", name="Вклад «Возвращение» — персональное предложение", owner="Управление пассивов / Хасанова Р.",
         kind="Массовая", segs="SG11 Стоп-лист: отказ от рекламных коммуникаций", stage="ST4", chans="Email",
         trig="—", sched="1 раз в месяц до конца года", mtype="Рекламное",
         msg="Тема: «Вклад «Возвращение»: 19% для тех, кто с нами давно»", system="Mindbox",
         goal="Открыт вклад", goal_ev="EV16", stop="",
         kpi="Открытие вклада ≥ 1,5%", status="Работает", reviewed="10.11.2026",
         comment="по запросу Управления пассивов: «персональное предложение, не реклама»; волны 14.11 и 05.12", steps=None),
    dict(id="М-06", name="Уведомление об изменении тарифов с 01.01.2027", owner="Юридический департамент / Кречет В.",
         kind="Массовая", segs="SG02; SG11; SG12", stage="ST3", chans="Email",
         trig="—", sched="разово, 01.12.2026", mtype="Сервисное",
         msg="Тема: «Изменение тарифов по дебетовым картам с 01.01.2027»", system="Mindbox",
         goal="Клиенты уведомлены за 30 дней", goal_ev="EV25", stop="",
         kpi="Доставлено ≥ 98%", status="Запланирована", reviewed="20.11.2026",
         comment="обязательное уведомление — всем держателям, включая стоп-листы", steps=None),
    dict(id="М-07", name="Опрос удовлетворённости Премиум", owner="Блок Private / Орлов М.",
         kind="Массовая", segs="SG08 Премиум", stage="ST3", chans="Email",
         trig="—", sched="1 раз в квартал", mtype="Информационное",
         msg="Тема: «Оцените обслуживание в Премиум-офисе»", system="Mindbox",
         goal="Получить NPS сегмента", goal_ev="EV22", stop="",
         kpi="Ответили ≥ 12%", status="Работает", reviewed="07.10.2026", comment="", steps=None),
    dict(id="М-08", name="Инвест-идеи месяца", owner="Блок Private / Орлов М.",
         kind="Массовая", segs="SG08", stage="ST4", chans="Email",
         trig="—", sched="2 раза в месяц, пятница 12:00", mtype="Рекламное",
         msg="Тема: «Инвест-идеи месяца от аналитиков ПРБ»", system="Mindbox",
         goal="Открыт брокерский счёт", goal_ev="EV24", stop="",
         kpi="Открытие БС ≥ 1%", status="Работает", reviewed="15.10.2026", comment="", steps=None),
    dict(id="М-09", name="Кредитные каникулы: как оформить", owner="УРК / Соболев Д.",
         kind="Массовая", segs="SG04", stage="ST3", chans="Email",
         trig="—", sched="разово", mtype="Информационное",
         msg="Тема: «Кредитные каникулы: кто может оформить и как»", system="Mindbox",
         goal="Платёжная дисциплина", goal_ev="EV13", stop="",
         kpi="Открытия ≥ 25%", status="Отключена", reviewed="01.07.2026",
         comment="отключена с 01.07.2026, закон утратил актуальность", steps=None),
]

M1_CHANNELS = [
    # channel, kind, mass cap, premium cap, quiet hours, cost, comment
    ("Email", "email", 3, 3, "—", 0.05, ""),
    ("SMS", "sms", 2, 1, "21:00–09:00", 2.9, "включая сервисные напоминания"),
    ("Push", "push", 5, 4, "22:00–09:00", 0.01, "только клиентам с МП"),
    ("Viber", "мессенджер", 2, 0, "21:00–09:00", 1.2, "Премиум/Private — не используем"),
    ("Звонок", "звонок", 1, 2, "20:00–09:00 (будни), 20:00–10:00 (выходные)", 45.0, "по 230-ФЗ для взыскания — отдельные нормы"),
]


def build_map1():
    folder = HERE / "contact_policy_ru"
    folder.mkdir(parents=True, exist_ok=True)
    fname = "Карта_коммуникаций_ПРБ_пересмотр_2П2026.xlsx"
    cols: list[dict] = []
    wb = Workbook()

    # --- Контактная политика
    ws = wb.active
    ws.title = "Контактная политика"
    ws["A1"] = "КОНТАКТНАЯ ПОЛИТИКА розничного бизнеса — АО «Приволжский расчётный банк»"
    ws["A1"].font = TITLE
    ws["A2"] = ("Утверждена протоколом Комитета по CRM № 14 от 02.11.2026. "
                "Владелец: отдел CRM-маркетинга (Лаптева А.). Пересмотр — раз в полгода.")
    ws["A3"] = "Лимиты — максимум контактов на одного клиента в неделю"
    ws["A3"].font = BOLD
    header(ws, 4, 1, ["Канал", "Тип канала", "Массовые сегменты,\nmax в неделю",
                      "Премиум / Private,\nmax в неделю", "Тихие часы (не отправляем)",
                      "Стоимость контакта, ₽", "Комментарий"], cols,
           ["id", "kind", "ignore", "ignore", "ignore", "ignore", "ignore"])
    for i, row in enumerate(M1_CHANNELS):
        put(ws, 5 + i, 1, list(row))
    r = 5 + len(M1_CHANNELS) + 1
    ws.cell(row=r, column=1, value=(
        "Общий лимит: не более 10 контактов в неделю для массовых сегментов, не более 8 — для Премиум / Private. "
        "Лимит распространяется на все коммуникации из реестра, включая сервисные напоминания "
        "(кроме OTP-кодов и уведомлений об операциях — их в реестре нет)."))
    ws.cell(row=r + 1, column=1, value=(
        "Стоп-листы (SG11, SG12): только обязательные сервисные уведомления, никакой рекламы."))
    ws.cell(row=r + 2, column=1, value=(
        "Праздничные дни: рекламные рассылки 31.12–08.01 не отправляем."))
    for k in range(3):
        ws.cell(row=r + k, column=1).fill = NOTE_FILL
    r += 4
    ws.cell(row=r, column=1, value="История пересмотров карты").font = BOLD
    header(ws, r + 1, 1, ["Дата пересмотра", "Кто пересматривал", "Что изменили"], cols,
           ["last_reviewed", "ignore", "ignore"])
    put(ws, r + 2, 1, [d("15.05.2026"), "Лаптева А., Громова Е.",
                       "Весенний пересмотр: лимит push поднят с 4 до 5, добавлен Viber"])
    put(ws, r + 3, 1, [d("02.11.2026"), "Лаптева А., Соболев Д., Хасанова Р.",
                       "Осенний пересмотр: реестр сверен с Mindbox, добавлены Т-12, Т-13, М-05, М-06"])
    widths(ws, {"A": 24, "B": 30, "C": 22, "D": 22, "E": 34, "F": 14, "G": 44})

    # --- Реестр коммуникаций
    ws = wb.create_sheet("Реестр коммуникаций")
    ws["A1"] = "Реестр коммуникаций с клиентами розничного бизнеса (версия для пересмотра, ноябрь 2026)"
    ws["A1"].font = TITLE
    hdr = ["№ п/п", "Наименование", "Инициатор", "Тип", "Целевая аудитория", "Этап ЖЦ",
           "Канал(ы)", "Событие-триггер", "Периодичность / время", "Характер сообщения",
           "Ключевое сообщение", "Отправитель (система)", "Цель", "Целевое событие",
           "Стоп-событие", "KPI", "Статус", "Дата пересмотра", "Комментарий"]
    fld = ["id", "name", "owner", "kind", "segments", "stage", "channel", "trigger", "schedule",
           "message_type", "message", "system", "goal", "goal_event", "stop_event", "kpi",
           "status", "last_reviewed", "ignore"]
    header(ws, 3, 1, hdr, cols, fld)
    row = 4
    for section, kind in (("1. ТРИГГЕРНЫЕ КОММУНИКАЦИИ (цепочки — на листе «Цепочки»)", "Триггерная"),
                          ("2. МАССОВЫЕ РАССЫЛКИ", "Массовая")):
        ws.cell(row=row, column=1, value=section).font = BOLD
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(hdr))
        ws.cell(row=row, column=1).fill = SECT_FILL
        row += 1
        for c in M1_COMMS:
            if c["kind"] != kind:
                continue
            put(ws, row, 1, [c["id"], c["name"], c["owner"], c["kind"], c["segs"], c["stage"],
                             c["chans"], c["trig"], c["sched"], c["mtype"], c["msg"], c["system"],
                             c["goal"], c["goal_ev"], c["stop"] or None, c["kpi"], c["status"],
                             d(c["reviewed"]), c["comment"] or None])
            if c["status"] == "Отключена":
                for k in range(1, len(hdr) + 1):
                    ws.cell(row=row, column=k).fill = GREY_FILL
            row += 1
    row += 1
    ws.cell(row=row, column=1, value=(
        "Статусы: Работает — отправляется; Запланирована — дата запуска в «Периодичность»; "
        "Отключена — не отправляется, строка оставлена для истории."))
    ws.cell(row=row + 1, column=1, value=(
        "Сегменты и события — коды с листов «Сегменты» и «События». "
        "Лимиты контактов — лист «Контактная политика»."))
    ws.freeze_panes = "C4"
    widths(ws, {"A": 7, "B": 38, "C": 28, "D": 12, "E": 30, "F": 16, "G": 14, "H": 28,
                "I": 26, "J": 15, "K": 44, "L": 20, "M": 30, "N": 10, "O": 10, "P": 28,
                "Q": 14, "R": 13, "S": 36})

    # --- Цепочки
    ws = wb.create_sheet("Цепочки")
    ws["A1"] = "Цепочки триггерных коммуникаций — одна строка на касание"
    ws["A1"].font = TITLE
    hdr = ["№ комм.", "Коммуникация", "Касание", "Когда", "Канал", "Условие отправки",
           "Текст сообщения / тема письма", "CTA / ссылка", "Примечание"]
    fld = ["scenario", "scenario_name", "step", "timing", "channel", "condition", "message",
           "ignore", "ignore"]
    header(ws, 3, 1, hdr, cols, fld)
    row = 4
    for c in M1_COMMS:
        if not c["steps"]:
            continue
        for n, (timing, ch, cond, text, cta) in enumerate(c["steps"], 1):
            put(ws, row, 1, [c["id"], c["name"] if n == 1 else None, n, timing, ch, cond, text,
                             cta or None, None])
            row += 1
    ws.cell(row=row + 1, column=1, value="Время — по часовому поясу клиента. Тихие часы — см. «Контактная политика».")
    ws.freeze_panes = "C4"
    widths(ws, {"A": 9, "B": 36, "C": 9, "D": 24, "E": 10, "F": 40, "G": 70, "H": 20, "I": 20})

    # --- Сегменты
    ws = wb.create_sheet("Сегменты")
    header(ws, 1, 1, ["Код", "Сегмент", "Родительский сегмент", "Численность, чел.\n(на 01.11.2026)",
                      "Группа КП", "Стоп-лист", "Критерий отбора"], cols,
           ["id", "name", "parent", "size", "tier", "excluded", "ignore"])
    for i, s in enumerate(M1_SEGMENTS):
        put(ws, 2 + i, 1, [s[0], s[1], s[2] or None, s[3], s[4], s[5], s[6]])
        ws.cell(row=2 + i, column=4).number_format = "# ##0"
    widths(ws, {"A": 7, "B": 46, "C": 12, "D": 18, "E": 12, "F": 10, "G": 52})

    # --- Этапы ЖЦ
    ws = wb.create_sheet("Этапы ЖЦ")
    header(ws, 1, 1, ["Код этапа", "Этап жизненного цикла", "Следующие этапы", "Финальный?", "Описание"],
           cols, ["id", "name", "next", "final", "ignore"])
    for i, s in enumerate(M1_STAGES):
        put(ws, 2 + i, 1, [s[0], s[1], s[2] or None, s[3], s[4]])
    widths(ws, {"A": 10, "B": 30, "C": 16, "D": 11, "E": 44})

    # --- События
    ws = wb.create_sheet("События")
    header(ws, 1, 1, ["Код", "Событие", "Источник", "Передаётся в CDP?", "Комментарий"], cols,
           ["id", "name", "source", "tracked", "ignore"])
    for i, e in enumerate(M1_EVENTS):
        put(ws, 2 + i, 1, [e[0], e[1], e[2], e[3], e[4] or None])
    widths(ws, {"A": 7, "B": 48, "C": 20, "D": 12, "E": 44})

    # --- Системы
    ws = wb.create_sheet("Системы")
    header(ws, 1, 1, ["Система", "Назначение", "Каналы отправки", "Получает данные из", "Ответственный"],
           cols, ["id", "ignore", "channel", "source", "ignore"])
    for i, s in enumerate(M1_SYSTEMS):
        put(ws, 2 + i, 1, list(s))
    widths(ws, {"A": 24, "B": 40, "C": 20, "D": 46, "E": 24})

    # --- Интеграции
    ws = wb.create_sheet("Интеграции")
    header(ws, 1, 1, ["Откуда", "Куда", "Что передаётся", "Способ / частота"], cols,
           ["system", "sends_to", "ignore", "ignore"])
    for i, s in enumerate(M1_INTEGRATIONS):
        put(ws, 2 + i, 1, list(s))
    widths(ws, {"A": 22, "B": 24, "C": 56, "D": 26})

    wb.save(folder / fname)

    defects = [
        dict(code="MAP001", match="Ипотечные заёмщики",
             why="М-04 «Рефинансирование ипотеки» targets «Ипотечные заёмщики», a segment that is not on the «Сегменты» sheet (the bank has no mortgage segment, SG01–SG12 only)."),
        dict(code="MAP005", match="Т-13",
             why="Т-13 «Вклад после полного погашения кредита» is an active trigger communication in the register, but the «Цепочки» sheet has no touch rows for it."),
        dict(code="COV003", match="М-05",
             why="М-05 is marked «Рекламное» and targets SG11 «Стоп-лист: отказ от рекламных коммуникаций», a segment flagged Стоп-лист = да."),
        dict(code="COV004", match="Viber",
             why="Viber is declared on «Контактная политика» (and as a channel of «Платформа уведомлений»), but no touch or mailing in the register or chains uses it."),
        dict(code="TRK002", match="EV15",
             why="Т-08 is triggered by EV15 «Просмотр раздела «Вклады»», which is marked «Передаётся в CDP?» = нет."),
        dict(code="TRK003", match="Т-09",
             why="Т-09 is sent by Mindbox but its trigger EV14 comes from «Процессинг»; Mindbox receives only Мобильный банк, Сайт, АБС and Кредитный конвейер, and no integration brings Процессинг into Mindbox."),
        dict(code="INT003", match="Т-06",
             why="Т-06 touch 2 is sent «если SMS не прочитано», but SMS reports delivery only, never a read/open."),
        dict(code="FREQ001", match="SG05",
             why="SG05 «Просрочка 1–30 дней» (child of SG04) gets Т-06's 2 SMS as a borrower plus Т-07's 2 SMS: 4 SMS a week against a cap of 2."),
        dict(code="GOV002", match="Т-10",
             why="Т-10 was last reviewed 12.03.2026, more than 6 months before the audit date 2026-11-29."),
    ]
    lookalikes = [
        dict(code="COV003", match="М-06",
             why="М-06 reaches the stop lists SG11 and SG12, but it is a mandatory tariff notice marked «Сервисное», not promo/news/content."),
        dict(code="INT003", match="Т-02",
             why="Т-02 touch 2 depends on «push не открыт»; push does report opens, and the push and the SMS are both sent by «Платформа уведомлений»."),
        dict(code="FREQ001", match="SG01",
             why="SG01 «Новые клиенты» gets exactly 3 emails (Т-01) and exactly 2 SMS (Т-01 + Т-02) a week: at the caps, not over them."),
        dict(code="COST002", match="Т-12",
             why="Т-12 is a call to SG09 Private: 410 clients with group VIP — below the 1,000 threshold and VIP tier."),
        dict(code="GOV002", match="Т-05",
             why="Т-05 was last reviewed 01.06.2026, just inside six months before 2026-11-29 (the cut-off is 29.05.2026)."),
    ]
    write_answers(folder, "ПРБ — реестр коммуникаций и контактная политика (пересмотр 2П2026)",
                  fname, "ru", defects, lookalikes, cols)
    return cols


# ================================================================ MAP 2
# Gym owner's one-sheet plan.
M2_LISTS = [
    # audience, size, tier, no marketing
    ("Trial pass buyers", 310, "", ""),
    ("New members", 540, "", ""),
    ("All active members", 4200, "", ""),
    ("Lapsed members", 1150, "", ""),
    ("Members on a freeze", 230, "", ""),
    ("Black card members", 48, "VIP", ""),
    ("Ex-members", 2600, "", ""),
    ("Corporate members", 380, "", ""),
    ("Opted out of marketing", 410, "", "yes"),
]

# flow: name, who, starts, how_often, touches (list of (touch, channel, message, type)) or
# single multi-line cell (touch, channel, message, type), goal, done, stop, target, owner, status
M2_FLOWS = [
    dict(name="Trial pass", seg="Trial pass buyers",
         who="everyone who bought a 7-day trial pass",
         starts="someone buys a trial pass (online or at the desk)", often="",
         rows=[
             ("Day 0 (straight away)", "Email",
              "Welcome to IronWorks! Your 7-day pass works at all 3 clubs. Book your free induction: ironworks.fit/induction", "info"),
             ("Day 2, 6pm – only if the welcome email wasn't opened and no induction booked", "SMS",
              "Hi {first_name}, Sam from IronWorks here. Your free induction is waiting – reply YES and we'll book you in.", "reminder"),
             ("Day 5, if they've been in at least once", "Email",
              "Enjoying the trial? Join before your pass runs out and the joining fee is on us (code TRIAL0).", "sales"),
             ("Day 8 – pass expired, not joined", "SMS",
              "Your IronWorks trial ended yesterday. Joining fee still waived until Sunday: ironworks.fit/join", "sales"),
         ],
         goal="turn trials into paying members", done="buys a membership", stop="buys a membership",
         target="30% of trials join within 14 days", owner="Sam (front desk lead)", status="Live", notes="TRIAL0 code set up on the front-desk system"),
    dict(name="New member welcome", seg="New members",
         who="New members – everyone who joined in the last 60 days",
         starts="someone buys a membership", often="",
         cell=("Day 0: welcome email with the app download link\n"
               "Day 1: app push – book your first class (repeats every 2 days, max 3 times, stops once they book)\n"
               "Day 7: email – how's week one? + 3 beginner-friendly classes\n"
               "Day 21: SMS – rate your first 3 weeks 1–5",
               "Email\nApp push\nEmail\nSMS",
               "\"Welcome to the IronWorks family! Grab the app to book classes and track visits.\"\n"
               "\"Your first class is one tap away – Spin, Pump or Yoga?\"\n"
               "\"Week one done! Here are 3 classes our coaches recommend for beginners.\"\n"
               "\"How are we doing? Reply 1–5. – IronWorks\"",
               "info"),
         goal="get new members into a habit", done="hits 8 visits in the first 30 days",
         stop="hits 8 visits in the first 30 days", target="55% reach 8 visits in 30 days",
         owner="Mia (membership manager)", status="Live"),
    dict(name="Kit bag offer", seg="New members", who="new members",
         starts="someone buys a membership", often="",
         rows=[("Day 3", "Email",
                "Welcome gift: 20% off IronWorks kit – shaker, towel, gym bag. Code NEWKIT20, valid 14 days.", "sales")],
         goal="sell merch to new joiners", done="buys kit in the club shop", stop="buys kit in the club shop",
         target="£6 merch revenue per new member", owner="Priya (shop & marketing)", status="live", notes="started in March, Priya to check numbers"),
    "NOTE (Sam, Jan): texts go out from the front-desk system, emails from Mailchimp. "
    "Anyone who replies STOP to a text goes on the opted-out list – service texts (payments, freezes) still go.",
    dict(name="Monthly newsletter", seg="All active members", who="all active members",
         starts="", often="first Monday of the month, 7am",
         rows=[("monthly send", "Email",
                "IronWorks Monthly: timetable changes, new classes, member of the month, club news.", "info")],
         goal="keep members in the loop", done="books a class from the newsletter link", stop="",
         target="open rate 40%+", owner="Priya (shop & marketing)", status="Live"),
    dict(name="Failed payment", seg="All active members",
         who="all active members (whoever's direct debit bounces)",
         starts="the monthly direct debit fails", often="",
         cell=("Same day: SMS – payment didn't go through, update card link\n"
               "Next morning 10am: email with the same link – only if the SMS wasn't delivered\n"
               "D+4: SMS – last reminder, account pauses on D+7",
               "SMS\nEmail\nSMS",
               "\"IronWorks: your membership payment didn't go through. Update your card: ironworks.fit/pay\"\n"
               "\"We couldn't take this month's payment – it takes 1 minute to fix: ironworks.fit/pay\"\n"
               "\"Last reminder: please update your card by Sunday or your membership will be paused.\"",
               "service"),
         goal="recover the payment before the account pauses", done="payment goes through",
         stop="payment goes through", target="80% recovered within 7 days", owner="Dan (accounts)",
         status="Live"),
    "NOTE: Dan wants the failed-payment texts to come from the accounts number, not the front desk – to sort in spring.",
    dict(name="Lapsed members win-back", seg="Lapsed members",
         who="lapsed members (haven't checked in for 30+ days)",
         starts="no check-in for 30 days", often="",
         rows=[
             ("Day 0", "Email",
              "We miss you! This week's timetable is up – your usual 7am Spin still has spaces.", "info"),
             ("D+3, only if no visit", "SMS",
              "Hi {first_name}, come in this week and your PT taster session is on us. Just show this text at the desk.", "sales"),
             ("D+10 if still no visit – then after 4 more days go back to Day 0 and repeat", "Email",
              "Need a break? You can freeze your membership for up to 3 months for free – one click here.", "info"),
         ],
         goal="get them training again before they cancel", done="checks in at any club", stop="",
         target="25% back within 30 days", owner="Mia (membership manager)", status="Live"),
    dict(name="Rejoin offer", seg="Ex-members",
         who="anyone who cancelled in the last 12 months (ex-members)",
         starts="", often="every quarter (Jan / Apr / Jul / Oct), first week",
         cell=("Week 1, Tuesday 11am: email – £1 first month if you rejoin this month\n"
               "Week 2: call from the sales team to everyone who opened the email",
               "Email\nCall",
               "\"Come back to IronWorks for £1 – first month, no joining fee, offer ends on the 30th.\"\n"
               "Sales team script: remind about the £1 month, ask why they left, book a visit.",
               "sales"),
         goal="get ex-members back", done="buys a membership", stop="buys a membership",
         target="4% rejoin per campaign", owner="Jordan (sales)", status="Running", notes="call list = email openers, script in the shared drive"),
    dict(name="Black card birthday", seg="Black card members", who="Black card members",
         starts="it's the member's birthday", often="",
         rows=[("on the birthday, 11am", "Call",
                "Club manager rings to say happy birthday – free smoothie and a guest pass waiting at the desk.", "info")],
         goal="keep our top members happy and renewing", done="redeems the birthday guest pass",
         stop="redeems the birthday guest pass", target="90% reached by phone", owner="Mia (membership manager)",
         status="Live"),
    dict(name="Freeze ending", seg="Members on a freeze", who="members on a freeze",
         starts="a freeze has 7 days left", often="",
         cell=("Same day: email – your freeze ends on {date}, here's what's new at the club\n"
               "Day 6, 6pm: SMS – welcome back tomorrow!",
               "Email\nSMS",
               "\"Your freeze ends on {date}. New since you've been away: Reformer Pilates and a new sauna.\"\n"
               "\"Welcome back tomorrow, {first_name}! Your card is active again. – IronWorks\"",
               "service"),
         goal="", done="checks in at any club", stop="checks in at any club",
         target="70% visit in the first week back", owner="Sam (front desk lead)", status="Live"),
    "NOTE: Summer Shred is paused for winter – keep the copy, Jordan restarts it in April.",
    dict(name="Summer Shred bootcamp", seg="All active members", who="all active members",
         starts="", often="weekly, Wednesdays 6pm, April to June",
         rows=[("Wednesday send", "Email",
                "6-week Summer Shred bootcamp – early bird £49, only 60 places across 3 clubs.", "sales")],
         goal="sell 60 bootcamp places", done="buys a bootcamp place", stop="buys a bootcamp place",
         target="60 places sold", owner="Jordan (sales)", status="Paused (back in April)"),
]


def build_map2():
    folder = HERE / "single_sheet_en"
    folder.mkdir(parents=True, exist_ok=True)
    fname = "IronWorks_member_messaging.xlsx"
    cols: list[dict] = []
    wb = Workbook()
    ws = wb.active
    ws.title = "Messaging plan"
    ws["A1"] = "IronWorks Fitness – who we message, when and why (last updated 14 Apr 2026)"
    ws["A1"].font = TITLE
    ws.merge_cells("A1:O1")
    ws["A2"] = "3 clubs: Northgate, Riverside, Old Mill. Questions → Mia."
    hdr = ["Flow", "Who gets it", "Starts when", "How often", "Touches", "Channel", "What we say",
           "Type", "Goal", "Counts as done when", "Stop sending when", "Target", "Owner", "Status", "Notes"]
    fld = ["scenario_name", "segments", "trigger", "schedule", "step", "channel", "message",
           "message_type", "goal", "goal_event", "stop_event", "kpi", "owner", "status", "ignore"]
    header(ws, 4, 1, hdr, cols, fld)
    ncol = len(hdr)
    row = 5
    flow_level = [1, 2, 3, 4, 9, 10, 11, 12, 13, 14, 15]  # columns merged down per flow
    for f in M2_FLOWS:
        if isinstance(f, str):
            ws.cell(row=row, column=1, value=f).fill = NOTE_FILL
            ws.cell(row=row, column=1).alignment = WRAP
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncol)
            ws.row_dimensions[row].height = 30
            row += 2 if f.startswith("NOTE (Sam") else 1
            continue
        level = {1: f["name"], 2: f["who"], 3: f["starts"] or None, 4: f["often"] or None,
                 9: f["goal"] or None, 10: f["done"], 11: f["stop"] or None, 12: f["target"],
                 13: f["owner"], 14: f["status"], 15: f.get("notes")}
        if "cell" in f:
            touch, ch, msg, typ = f["cell"]
            put(ws, row, 1, [level[1], level[2], level[3], level[4], touch, ch, msg, typ,
                             level[9], level[10], level[11], level[12], level[13], level[14], level[15]])
            ws.row_dimensions[row].height = 15 * (touch.count("\n") + 2)
            for k in range(1, ncol + 1):
                ws.cell(row=row, column=k).border = BOX
            row += 1
        else:
            first = row
            for touch, ch, msg, typ in f["rows"]:
                put(ws, row, 5, [touch, ch, msg, typ])
                row += 1
            for k in flow_level:
                if level[k] is not None:
                    c = ws.cell(row=first, column=k, value=level[k])
                    c.alignment = WRAP
                for rr in range(first, row):
                    ws.cell(row=rr, column=k).border = BOX
                if row - first > 1:
                    ws.merge_cells(start_row=first, start_column=k, end_row=row - 1, end_column=k)
        if f["status"].lower().startswith("paused"):
            for k in range(1, ncol + 1):
                for rr in range(row - 1, row):
                    ws.cell(row=rr, column=k).fill = GREY_FILL

    # tiny Lists block to the right
    lc = ncol + 2  # column Q
    ws.cell(row=4 - 1, column=lc, value="Lists").font = BOLD
    header(ws, 4, lc, ["Audience", "Approx. size", "Tier", "No marketing?"], cols,
           ["name", "size", "tier", "excluded"])
    for i, (aud, size, tier, nomk) in enumerate(M2_LISTS):
        put(ws, 5 + i, lc, [aud, size, tier or None, nomk or None])
        ws.cell(row=5 + i, column=lc + 1).number_format = "#,##0"
    ws.cell(row=5 + len(M2_LISTS) + 1, column=lc, value="sizes from the front-desk system, March")
    ws.freeze_panes = "B5"
    widths(ws, {"A": 22, "B": 30, "C": 26, "D": 22, "E": 52, "F": 11, "G": 64, "H": 9, "I": 26,
                "J": 24, "K": 24, "L": 24, "M": 22, "N": 14, "O": 14, "P": 3, "Q": 24, "R": 12,
                "S": 8, "T": 14})
    wb.save(folder / fname)

    defects = [
        dict(code="GOV001", match="2026-04-14",
             why="The only date on the map is the title's «last updated 14 Apr 2026», more than 6 months before the audit date 2026-11-29."),
        dict(code="COV001", match="Corporate members",
             why="«Corporate members» (380, not opted out) is in the Lists block but no flow's «Who gets it» names them."),
        dict(code="FREQ002", match="Kit bag offer",
             why="«Kit bag offer» and «New member welcome» are both live, both start when «someone buys a membership» and both go to new members."),
        dict(code="COST001", match="Failed payment",
             why="«Failed payment» starts with an SMS and falls back to an email «only if the SMS wasn't delivered» — the expensive channel first, the cheaper one on its feedback."),
        dict(code="COST002", match="Rejoin offer",
             why="«Rejoin offer» has a sales-team call to ex-members: 2,600 people, no VIP tier."),
        dict(code="FLOW003", match="Lapsed members win-back",
             why="«Lapsed members win-back» goes back to Day 0 and repeats after D+10 for whoever still has no visit; there is no stop event and no repeat limit or end date, and the «if no visit» conditions do not bound the loop."),
        dict(code="FLOW004", match="Lapsed members win-back",
             why="«Lapsed members win-back» counts as done when the member «checks in at any club» but «Stop sending when» is empty, so someone who came back still gets the remaining touches."),
        dict(code="CNT001", match="Freeze ending",
             why="«Freeze ending» has an empty «Goal» cell (only a done-when event and a target are filled)."),
        dict(code="CNT002", match="Ex-members",
             why="Ex-members get only «Rejoin offer», whose two touches (email and call) are both «sales»: 100% promo, over the 60% threshold."),
    ]
    lookalikes = [
        dict(code="COST002", match="Black card birthday",
             why="The birthday call goes to Black card members: 48 people, tier VIP."),
        dict(code="FREQ001", match="New members",
             why="New members get exactly 3 emails a week (welcome Day 0 and Day 7, kit bag Day 3): at the email cap, not over it; push is at most 4 (Day 1 plus 3 repeats), SMS 1."),
        dict(code="COST001", match="Trial pass",
             why="«Trial pass» escalates from the welcome email to an SMS if the email wasn't opened — cheap first, expensive as fallback, the opposite of this rule."),
        dict(code="FLOW003", match="New member welcome",
             why="The Day 1 app push repeats, but at most 3 times and it stops once they book, so the repeat is bounded."),
        dict(code="COV001", match="Opted out of marketing",
             why="No flow targets «Opted out of marketing», but it is marked «No marketing? = yes» (an excluded list)."),
    ]
    write_answers(folder, "IronWorks Fitness – member messaging plan (one sheet)", fname, "en",
                  defects, lookalikes, cols)
    return cols


# ================================================================ MAP 3
# Agency audit workbook: pet-food e-commerce «Хвост и Лапа».
M3_SEGMENTS = [
    ("seg_new", "Новые (подписались, 0 заказов)", "", 42000, "mass", "нет", "Подписка или регистрация, заказов нет"),
    ("seg_first", "Первый заказ (1 заказ)", "", 18500, "mass", "нет", "Ровно 1 оплаченный заказ"),
    ("seg_repeat", "Повторные (2+ заказа)", "", 36200, "mass", "нет", "2 и более заказа, последний ≤ 90 дней"),
    ("seg_loyal", "Лояльные (6+ заказов за год)", "seg_repeat", 7900, "high", "нет", "6+ заказов за 12 мес."),
    ("seg_vip", "VIP (LTV > 150 тыс. ₽)", "seg_loyal", 640, "vip", "нет", "Сумма заказов за всё время > 150 000 ₽"),
    ("seg_sleep", "Спящие (нет заказа 90–180 дней)", "", 21700, "mass", "нет", "Последний заказ 90–180 дней назад"),
    ("seg_churn", "Отток (нет заказа 180+ дней)", "", 33400, "mass", "нет", "Последний заказ более 180 дней назад"),
    ("seg_b2b", "Питомники и заводчики (B2B)", "", 310, "high", "нет", "Юрлица и ИП с договором"),
    ("seg_stop", "Стоп-лист (отписка от рекламы / жалоба)", "", 5800, "—", "да", "Только сервисные сообщения"),
]

M3_STAGES = [
    ("st_sub", "Подписка / регистрация", "st_first", "нет", "Оставил email, установил приложение"),
    ("st_first", "Первый заказ", "st_delivery, st_repeat", "нет", "Оформил и оплатил первый заказ"),
    ("st_delivery", "Получение и оценка заказа", "", "нет", "Получил заказ, оценивает"),
    ("st_repeat", "Повторные покупки", "st_loyal, st_sleep", "нет", "Покупает регулярно"),
    ("st_loyal", "Лояльность / амбассадор", "st_sleep", "нет", "Бонусы, отзывы, рекомендации"),
    ("st_sleep", "Засыпание", "st_repeat, st_churn", "нет", "Пропустил привычный цикл покупки"),
    ("st_churn", "Отток", "", "да", "Нет заказов 180+ дней"),
    ("st_winback", "Вернувшиеся после оттока", "st_repeat", "нет", "Первый заказ после оттока"),
]

M3_EVENTS = [
    ("subscribed", "Подписка на рассылку", "Сайт", "да", "email, source", "TR-01"),
    ("cart_abandoned", "Брошенная корзина (30 мин без оформления)", "Сайт", "да", "items, sum", "TR-02, TR-03"),
    ("order_created", "Заказ оформлен", "Сайт", "да", "order_id, sum", "цели и стопы"),
    ("order_paid", "Заказ оплачен", "1С", "да", "order_id", "TR-08, TR-13"),
    ("order_delivered", "Заказ доставлен курьером", "1С", "да", "order_id, delivery_type", "TR-04, TR-08"),
    ("order_delivered", "Заказ получен в ПВЗ", "1С", "да", "order_id, pvz_id", "TR-04"),
    ("review_submitted", "Оставлен отзыв о товаре", "Сайт", "да", "product_id, rating", "TR-04"),
    ("no_order_90d", "Нет заказа 90 дней", "1С", "да", "расчёт по истории заказов", "TR-07"),
    ("no_order_180d", "Нет заказа 180 дней", "1С", "да", "расчёт по истории заказов", "TR-10"),
    ("food_running_out", "Заканчивается корм (расчётная дата − 5 дней)", "1С", "да", "sku, pack_size", "TR-05"),
    ("birthday_pet", "До дня рождения питомца 3 дня", "Сайт", "да", "анкета питомца", "TR-09"),
    ("first_order_after_churn", "Первый заказ после оттока", "1С", "да", "order_id", "TR-11"),
    ("vip_status", "Присвоен статус VIP", "1С", "да", "ltv", "TR-12"),
    ("b2b_request", "Заявка от питомника / заводчика", "Сайт", "да", "inn, city", "TR-13"),
    ("lk_login", "Вход в личный кабинет", "Сайт", "нет", "", "— (не размечено)"),
]

M3_SYSTEMS = ["Сайт", "Мобильное приложение", "1С", "Mindbox", "RetailCRM", "Salebot"]
M3_MATRIX = {
    ("Сайт", "Mindbox"): "события сайта (трекер), подписки",
    ("Сайт", "RetailCRM"): "заказы, заявки B2B",
    ("Сайт", "Salebot"): "заказы (вебхук)",
    ("Мобильное приложение", "Mindbox"): "события SDK, push-токены",
    ("1С", "Mindbox"): "заказы, оплаты, доставки, расчётные события (раз в час)",
    ("1С", "RetailCRM"): "остатки, статусы заказов, статус VIP",
    ("Mindbox", "RetailCRM"): "статусы доставки и открытий email и push, сегменты",
    ("RetailCRM", "Mindbox"): "статусы звонков и WhatsApp, отказы",
    ("RetailCRM", "1С"): "заказы, оформленные менеджером",
    ("Salebot", "RetailCRM"): "лиды из бота",
}
M3_PLATFORMS = [
    ("Mindbox", "email, push", "Сайт, Мобильное приложение, 1С, RetailCRM", "основная CDP, оркестрация цепочек"),
    ("RetailCRM", "SMS, WhatsApp, звонок", "Сайт, 1С, Mindbox", "SMS через подключённый шлюз, WhatsApp через Wazzup"),
    ("Salebot", "Telegram", "Сайт", "Telegram-бот магазина"),
    ("Сайт", "—", "—", "Битрикс, источник событий"),
    ("Мобильное приложение", "—", "—", "источник событий"),
    ("1С", "—", "—", "учёт заказов, расчётные события"),
]

# scenario-level + steps (delay, channel, condition, platform, type, text)
M3_TRIGGERS = [
    dict(id="TR-01", name="Welcome-серия", seg="seg_new", stage="st_sub", trig="subscribed",
         goal="Первый заказ", goal_ev="order_created", stop="order_created", kpi="CR в первый заказ 8%",
         owner="Ольга Пак (RL)", status="Активен", reviewed="05.11.2026", comment="",
         steps=[
             ("сразу", "email", "—", "Mindbox", "инфо",
              "«Добро пожаловать в «Хвост и Лапу»! Ваш код HELLO10 — −10% на первый заказ»"),
             ("D+2", "push", "—", "Mindbox", "контент",
              "«Как выбрать корм: 5 советов ветеринара»"),
             ("D+5", "email", "если не было order_created", "Mindbox", "промо",
              "«Код HELLO10 сгорает через 2 дня — корзина ждёт»"),
         ]),
    dict(id="TR-02", name="Брошенная корзина — новые", seg="seg_new", stage="st_first", trig="cart_abandoned",
         goal="Заказ из корзины", goal_ev="order_created", stop="order_created", kpi="Возврат корзин 9%",
         owner="Ольга Пак (RL)", status="Активен", reviewed="05.11.2026", comment="",
         steps=[
             ("через 1 час", "email", "—", "Mindbox", "инфо", "«Вы кое-что забыли в корзине 🐾»"),
             ("через 3 часа", "push", "если не открыл письмо", "Mindbox", "инфо",
              "«Корзина на {сумма} ₽ сохранена — оформить в 2 клика»"),
         ]),
    dict(id="TR-03", name="Брошенная корзина — повторные", seg="seg_repeat", stage="st_repeat", trig="cart_abandoned",
         goal="Заказ из корзины", goal_ev="order_created", stop="order_created", kpi="Возврат корзин 14%",
         owner="Анна Мельник (клиент)", status="Активен", reviewed="12.10.2026",
         comment="каскад Mindbox → RetailCRM, статусы открытий приходят",
         steps=[
             ("через 1 час", "email", "—", "Mindbox", "инфо",
              "«Корзина ждёт: соберём заказ к завтрашнему утру»"),
             ("через 4 часа", "WhatsApp", "если не открыл письмо", "RetailCRM", "сервис",
              "«Здравствуйте! Помочь оформить заказ из корзины? Ответьте «да» — менеджер соберёт»"),
         ]),
    dict(id="TR-04", name="Оценка заказа после доставки", seg="seg_first", stage="st_delivery", trig="order_delivered",
         goal="Отзыв о товаре", goal_ev="review_submitted", stop="review_submitted", kpi="Отзывы 6% заказов",
         owner="", status="Активен", reviewed="01.10.2026", comment="",
         steps=[
             ("через 1 день", "email", "—", "Mindbox", "сервис", "«Как вам заказ? Оцените в 1 клик»"),
             ("D+3", "push", "если не было review_submitted", "Mindbox", "инфо",
              "«Оставьте отзыв — начислим 100 бонусов»"),
         ]),
    dict(id="TR-05", name="Заканчивается корм", seg="seg_repeat", stage="st_repeat", trig="food_running_out",
         goal="Повторный заказ корма", goal_ev="order_created", stop="order_created", kpi="Повторный заказ 22%",
         owner="Илья Гордеев (RL)", status="Активен", reviewed="18.09.2026", comment="",
         steps=[
             ("сразу", "push", "—", "Mindbox", "инфо",
              "«{Корм} скоро закончится — повторить заказ в 2 клика»"),
             ("через 2 дня", "WhatsApp", "если не открыл push", "RetailCRM", "инфо",
              "«Напоминаем про {корм}: можем привезти завтра. Оформить?»"),
         ]),
    dict(id="TR-06", name="Снижение цены на товар из избранного", seg="seg_repeat", stage="st_repeat",
         trig="price_drop", goal="Покупка товара из избранного", goal_ev="order_created", stop="order_created",
         kpi="CR 3%", owner="Илья Гордеев (RL)", status="Тест (A/B)", reviewed="20.11.2026", comment="",
         steps=[
             ("сразу", "push", "—", "Mindbox", "промо", "«Цена на {товар} снизилась на {скидка}%»"),
         ]),
    dict(id="TR-07", name="Реактивация спящих", seg="seg_sleep", stage="st_sleep", trig="no_order_90d",
         goal="Заказ спящего", goal_ev="order_created", stop="order_created", kpi="Реактивация 5%",
         owner="Ольга Пак (RL)", status="Активен", reviewed="01.11.2026",
         comment="Telegram-касание добавлено в июне",
         steps=[
             ("сразу", "email", "—", "Mindbox", "инфо",
              "«Что нового: 120 брендов, доставка за 2 часа, ветаптека»"),
             ("через 3 дня", "Telegram", "если не открыл письмо", "Salebot", "промо",
              "«−15% на любимый корм до воскресенья, код BACK15»"),
         ]),
    dict(id="TR-08", name="Статус заказа: передан в доставку", seg="seg_first, seg_repeat, seg_stop",
         stage="st_repeat", trig="order_paid", goal="Заказ доставлен", goal_ev="order_delivered",
         stop="order_delivered", kpi="Звонки в КЦ «где заказ» −20%", owner="Анна Мельник (клиент)",
         status="Активен", reviewed="10.09.2026", comment="сервисное, идёт и стоп-листу",
         steps=[
             ("сразу", "SMS", "—", "RetailCRM", "сервис",
              "«Заказ №{n} оплачен и передан курьеру. Отследить: xvost.ru/t/{n}»"),
         ]),
    dict(id="TR-09", name="День рождения питомца", seg="seg_loyal", stage="st_repeat", trig="birthday_pet",
         goal="Заказ к празднику", goal_ev="order_created", stop="order_created", kpi="CR 7%",
         owner="Ольга Пак (RL)", status="Активен", reviewed="25.10.2026", comment="",
         steps=[
             ("сразу", "push", "—", "Mindbox", "промо",
              "«Через 3 дня у {кличка} день рождения! Подарок — лакомство в следующем заказе»"),
             ("через 3 дня, 10:00", "WhatsApp", "—", "Mindbox", "промо",
              "«С днём рождения, {кличка}! 🎂 Подарок уже в вашей корзине»"),
         ]),
    dict(id="TR-10", name="Реактивация оттока", seg="seg_churn", stage="st_churn", trig="no_order_180d",
         goal="Возврат клиента", goal_ev="order_created", stop="order_created", kpi="Возврат 2%",
         owner="Ольга Пак (RL)", status="Активен", reviewed="05.11.2026", comment="",
         steps=[
             ("сразу", "email", "—", "Mindbox", "инфо",
              "«Мы изменились: новые бренды и доставка за 2 часа»"),
             ("на 7-й день", "email", "если не было order_created", "Mindbox", "промо",
              "«−20% на возвращение, код RETURN20, действует 14 дней»"),
         ]),
    dict(id="TR-11", name="С возвращением", seg="seg_churn", stage="st_winback", trig="first_order_after_churn",
         goal="Второй заказ после возврата", goal_ev="order_created", stop="order_created", kpi="Второй заказ 30%",
         owner="Ольга Пак (RL)", status="Активен", reviewed="05.11.2026", comment="",
         steps=[
             ("через 1 день", "push", "—", "Mindbox", "инфо",
              "«С возвращением! Теперь у нас доставка за 2 часа и раздел ветаптеки»"),
         ]),
    dict(id="TR-12", name="VIP: знакомство с персональным менеджером", seg="seg_vip", stage="st_repeat",
         trig="vip_status", goal="Заказ через менеджера", goal_ev="order_created", stop="order_created",
         kpi="Дозвон 85%", owner="Анна Мельник (клиент)", status="Активен", reviewed="14.10.2026", comment="",
         steps=[
             ("через 2 часа", "звонок", "—", "RetailCRM", "сервис",
              "Скрипт: представиться, подобрать рацион, рассказать про доставку в удобный слот"),
         ]),
    dict(id="TR-13", name="B2B: заявка питомника", seg="seg_b2b", stage="st_first", trig="b2b_request",
         goal="Первый оптовый заказ", goal_ev="order_paid", stop="order_paid", kpi="Конверсия заявок 35%",
         owner="Илья Гордеев (RL)", status="В работе", reviewed="20.11.2026", comment="",
         steps=[
             ("сразу", "WhatsApp", "—", "RetailCRM", "сервис",
              "«Спасибо за заявку! Менеджер B2B позвонит в течение часа»"),
             ("через 1 час", "звонок", "—", "RetailCRM", "сервис",
              "Скрипт B2B: оптовый прайс, условия для питомников, договор"),
         ]),
    dict(id="TR-14", name="Допродажа аксессуаров после первого заказа", seg="seg_first", stage="st_first",
         trig="", goal="Второй заказ с аксессуарами", goal_ev="order_created", stop="order_created",
         kpi="CR 4%", owner="Илья Гордеев (RL)", status="Активен", reviewed="02.11.2026", comment="",
         steps=[
             ("D+10", "email", "—", "Mindbox", "промо",
              "«К корму — миска и лежанка: подборка для {вид питомца}»"),
             ("D+14", "push", "если не открыл письмо", "Mindbox", "промо",
              "«−15% на аксессуары ко второму заказу»"),
         ]),
]

M3_MAILINGS = [
    # id, name, audience, stage, freq, day/time, channel, platform, type, topic, goal, goal_ev, kpi, owner, status, reviewed
    ("R-01", "Дайджест «Новое в Хвост и Лапе»", "seg_first, seg_sleep", "st_repeat", "2 раза в месяц",
     "1-й и 3-й четверг, 11:00", "email", "Mindbox", "инфо",
     "Новинки, статья ветеринара, подборка по виду питомца", "Заказ из письма", "order_created",
     "CTR 2,5%", "Ольга Пак (RL)", "Активна", "05.11.2026"),
    ("R-02", "Акции недели", "seg_repeat", "st_repeat", "раз в неделю", "пятница, 10:00", "email",
     "Mindbox", "промо", "Скидки недели на корма и наполнители", "Заказ по акции", "order_created",
     "Выручка с письма 180 тыс. ₽", "Анна Мельник (клиент)", "Активна", "30.10.2026"),
    ("R-03", "Новости для заводчиков", "seg_b2b", "st_repeat", "1 раз в месяц", "первый понедельник, 9:00",
     "email", "Mindbox", "инфо", "Новые позиции опта, выставки, условия отсрочки", "Оптовый заказ",
     "order_paid", "Открываемость 45%", "Илья Гордеев (RL)", "Активна", "20.11.2026"),
    ("R-04", "Сезонная обработка от клещей", "seg_churn", "st_churn", "раз в 2 недели", "вторник, 12:00",
     "email", "Mindbox", "промо", "Капли и ошейники от клещей, −10%", "Заказ средств от паразитов",
     "order_created", "CR 1,5%", "Ольга Пак (RL)", "Пауза (сезон с марта)", "15.10.2026"),
]


def build_map3():
    folder = HERE / "agency_audit_mixed"
    folder.mkdir(parents=True, exist_ok=True)
    fname = "Хвост_и_Лапа_CRM_map_audit_v1.1.xlsx"
    cols: list[dict] = []
    wb = Workbook()

    # --- Обложка
    ws = wb.active
    ws.title = "Обложка"
    ws["A1"] = "Карта CRM-коммуникаций «Хвост и Лапа» — аудит"
    ws["A1"].font = TITLE
    kv = [("Клиент:", "ООО «Хвост и Лапа» (xvost.ru + мобильное приложение)"),
          ("Подготовлено:", "Retention Lab — CRM-агентство"),
          ("Контакт со стороны клиента:", "Анна Мельник, CRM-маркетолог"),
          ("Платформы:", "Mindbox, RetailCRM, Salebot (Telegram)")]
    for i, (k, v) in enumerate(kv):
        ws.cell(row=3 + i, column=1, value=k).font = BOLD
        ws.cell(row=3 + i, column=2, value=v)
    ws.cell(row=8, column=1, value="История версий").font = BOLD
    header(ws, 9, 1, ["Версия", "Дата", "Автор", "Что изменено"], cols,
           ["ignore", "last_reviewed", "ignore", "ignore"])
    hist = [("0.1", "14.03.2026", "Ольга Пак (RL)", "Первичный аудит, выгрузка сценариев из Mindbox"),
            ("0.2", "02.04.2026", "Ольга Пак (RL)", "Добавлены RFM-сегменты и этапы CJM"),
            ("0.3", "18.06.2026", "Илья Гордеев (RL)", "Матрица интеграций, подключение Salebot"),
            ("1.0", "01.09.2026", "Ольга Пак, Илья Гордеев", "Согласовано с клиентом (А. Мельник)"),
            ("1.1", "20.11.2026", "Илья Гордеев (RL)", "Подготовка к аудиту: статусы, B2B-сценарии, TR-06 в тест")]
    for i, h in enumerate(hist):
        put(ws, 10 + i, 1, list(h))
    ws.cell(row=16, column=1, value="Легенда типов: промо / инфо / контент / сервис. "
                                    "ID сегментов, этапов и событий — как в Mindbox.")
    widths(ws, {"A": 30, "B": 54, "C": 26, "D": 60})

    # --- Сегменты и этапы (two tables stacked)
    ws = wb.create_sheet("Сегменты и этапы")
    ws["A1"] = "Сегменты (RFM + статус)"
    ws["A1"].font = BOLD
    header(ws, 2, 1, ["ID сегмента", "Название", "Родитель", "Размер базы", "Tier", "Stop-list", "Описание"],
           cols, ["id", "name", "parent", "size", "tier", "excluded", "ignore"])
    for i, s in enumerate(M3_SEGMENTS):
        put(ws, 3 + i, 1, [s[0], s[1], s[2] or None, s[3], s[4], s[5], s[6]])
        ws.cell(row=3 + i, column=4).number_format = "# ##0"
    r = 3 + len(M3_SEGMENTS) + 2
    ws.cell(row=r, column=1, value="Этапы CJM").font = BOLD
    header(ws, r + 1, 1, ["ID этапа", "Этап CJM", "Next stage", "Финальный", "Что делает клиент"], cols,
           ["id", "name", "next", "final", "ignore"])
    for i, s in enumerate(M3_STAGES):
        put(ws, r + 2 + i, 1, [s[0], s[1], s[2] or None, s[3], s[4]])
    widths(ws, {"A": 14, "B": 40, "C": 22, "D": 13, "E": 10, "F": 10, "G": 42})

    # --- Триггеры
    ws = wb.create_sheet("Триггеры")
    hdr = ["ID сценария", "Сценарий", "Сегмент", "Этап CJM", "Trigger event", "Шаг", "Задержка", "Канал",
           "Условие", "Платформа", "Тип", "Текст / оффер", "Цель", "Goal event", "Stop event", "KPI",
           "Owner", "Статус", "Последний пересмотр", "Комментарий агентства"]
    fld = ["scenario", "scenario_name", "segments", "stage", "trigger", "step", "timing", "channel",
           "condition", "system", "message_type", "message", "goal", "goal_event", "stop_event", "kpi",
           "owner", "status", "last_reviewed", "ignore"]
    header(ws, 1, 1, hdr, cols, fld)
    row = 2
    for t in M3_TRIGGERS:
        for n, (delay, ch, cond, plat, typ, text) in enumerate(t["steps"], 1):
            first = n == 1
            vals = [t["id"],
                    t["name"] if first else None,
                    t["seg"] if first else None,
                    t["stage"] if first else None,
                    (t["trig"] or None) if first else None,
                    n, delay, ch, cond, plat, typ, text,
                    t["goal"] if first else None,
                    t["goal_ev"] if first else None,
                    t["stop"] if first else None,
                    t["kpi"] if first else None,
                    (t["owner"] or None) if first else None,
                    t["status"] if first else None,
                    t["reviewed"] if first else None,
                    (t["comment"] or None) if first else None]
            put(ws, row, 1, vals)
            for k in range(1, len(hdr) + 1):
                ws.cell(row=row, column=k).border = BOX
            row += 1
    ws.freeze_panes = "C2"
    widths(ws, {"A": 10, "B": 34, "C": 24, "D": 12, "E": 22, "F": 5, "G": 16, "H": 10, "I": 28,
                "J": 11, "K": 9, "L": 60, "M": 26, "N": 16, "O": 16, "P": 24, "Q": 22, "R": 12,
                "S": 12, "T": 36})

    # --- Рассылки
    ws = wb.create_sheet("Рассылки")
    hdr = ["ID", "Рассылка", "Аудитория", "Этап CJM", "Частота", "День и время", "Канал", "Платформа",
           "Тип контента", "Тема / оффер", "Цель", "Goal event", "KPI", "Owner", "Статус",
           "Последний пересмотр"]
    fld = ["id", "name", "segments", "stage", "schedule", "timing", "channel", "system", "message_type",
           "message", "goal", "goal_event", "kpi", "owner", "status", "last_reviewed"]
    header(ws, 1, 1, hdr, cols, fld)
    for i, m in enumerate(M3_MAILINGS):
        put(ws, 2 + i, 1, list(m))
    widths(ws, {"A": 7, "B": 32, "C": 22, "D": 11, "E": 16, "F": 24, "G": 8, "H": 11, "I": 12,
                "J": 44, "K": 24, "L": 14, "M": 26, "N": 22, "O": 20, "P": 12})

    # --- Интеграции (matrix + platform table below)
    ws = wb.create_sheet("Интеграции")
    ws["A1"] = "Матрица интеграций: что передаётся из системы в строке в систему в столбце"
    ws["A1"].font = BOLD
    header(ws, 2, 1, ["Откуда ↓ / Куда →"] + M3_SYSTEMS, cols, ["system"] + ["sends_to"] * len(M3_SYSTEMS))
    for i, src in enumerate(M3_SYSTEMS):
        vals = [src]
        for dst in M3_SYSTEMS:
            vals.append("×" if src == dst else M3_MATRIX.get((src, dst), "—"))
        put(ws, 3 + i, 1, vals)
        ws.cell(row=3 + i, column=1).font = BOLD
    r = 3 + len(M3_SYSTEMS) + 2
    ws.cell(row=r, column=1, value="Платформы и каналы").font = BOLD
    header(ws, r + 1, 1, ["Платформа", "Каналы отправки", "Получает данные из", "Комментарий"], cols,
           ["id", "channel", "source", "ignore"])
    for i, p in enumerate(M3_PLATFORMS):
        put(ws, r + 2 + i, 1, list(p))
    widths(ws, {"A": 24, "B": 26, "C": 30, "D": 30, "E": 34, "F": 30, "G": 22})

    # --- События
    ws = wb.create_sheet("События")
    header(ws, 1, 1, ["Event ID", "Событие", "Источник", "Трекается", "Параметры", "Где используется"], cols,
           ["id", "name", "source", "tracked", "ignore", "ignore"])
    for i, e in enumerate(M3_EVENTS):
        put(ws, 2 + i, 1, [e[0], e[1], e[2], e[3], e[4] or None, e[5]])
    widths(ws, {"A": 24, "B": 46, "C": 22, "D": 11, "E": 26, "F": 20})

    wb.save(folder / fname)

    defects = [
        dict(code="MAP002", match="order_delivered",
             why="Event ID «order_delivered» is defined twice on «События» (courier delivery and pick-up point), copy-pasted without a new id."),
        dict(code="MAP004", match="TR-14",
             why="TR-14 «Допродажа аксессуаров после первого заказа» is an active trigger scenario with an empty «Trigger event» cell."),
        dict(code="FLOW001", match="st_delivery",
             why="Stage st_delivery «Получение и оценка заказа» is not final (Финальный = нет) and has no «Next stage»."),
        dict(code="FLOW002", match="st_winback",
             why="Stage st_winback «Вернувшиеся после оттока» is named as next by no stage (st_churn is final with no next), so it cannot be reached from st_sub."),
        dict(code="COV002", match="st_loyal",
             why="No trigger or mailing has «Этап CJM» = st_loyal; the loyal-segment birthday scenario TR-09 is filed under st_repeat."),
        dict(code="TRK001", match="price_drop",
             why="TR-06 is triggered by «price_drop», which is not on the «События» sheet."),
        dict(code="INT002", match="TR-07",
             why="TR-07 step 2 (Telegram via Salebot) waits for «не открыл письмо» about the Mindbox email of step 1, but the matrix has «—» for Mindbox → Salebot, and no path carries email opens to Salebot."),
        dict(code="INT001", match="TR-09",
             why="TR-09 step 2 is a WhatsApp message on platform Mindbox, which sends only email and push (WhatsApp goes through RetailCRM)."),
        dict(code="GOV003", match="TR-04",
             why="TR-04 «Оценка заказа после доставки» is active and its Owner cell is empty."),
    ]
    lookalikes = [
        dict(code="INT002", match="TR-03",
             why="TR-03 is a cascade from a Mindbox email to a RetailCRM WhatsApp on «не открыл письмо», but the matrix cell Mindbox → RetailCRM says it carries email and push open statuses."),
        dict(code="COST001", match="TR-02",
             why="TR-02 falls back from email to push when the email is not opened; the rule covers only cascades starting with SMS or a call, and email → push is named as not this."),
        dict(code="FREQ002", match="cart_abandoned",
             why="TR-02 and TR-03 both fire on cart_abandoned, but for seg_new and seg_repeat, which do not overlap (no parent link)."),
        dict(code="TRK005", match="lk_login",
             why="lk_login is used by nothing, but it is marked «Трекается» = нет, and the rule covers only tracked events."),
        dict(code="FLOW001", match="st_churn",
             why="st_churn «Отток» has no next stage, but it is marked Финальный = да."),
    ]
    write_answers(folder, "«Хвост и Лапа» — карта CRM-коммуникаций для аудита (Retention Lab)",
                  fname, "ru", defects, lookalikes, cols)
    return cols


# ================================================================ self-check
CAPS = {"email": 3, "sms": 2, "push": 5, "messenger": 3, "call": 1}
KIND = {"email": "email", "sms": "sms", "push": "push", "app push": "push", "viber": "messenger",
        "whatsapp": "messenger", "telegram": "messenger", "звонок": "call", "call": "call"}
PROMO = {"рекламное", "промо", "sales", "контент", "новости"}


def load_report(name, segs, parents, scen):
    """segs: list of ids; parents: id->parent; scen: list of (targets, [(channel, type)]).
    Worst case: every step of every active scenario once a week, anything less
    often than weekly also counted as once a week; a scenario for a parent
    also reaches the children."""
    def ancestors(s):
        out = {s}
        while parents.get(s):
            s = parents[s]
            out.add(s)
        return out

    print(f"\n== {name}: weekly worst case per segment")
    over = []
    for s in segs:
        cnt = {k: 0 for k in CAPS}
        promo = total = 0
        for targets, steps in scen:
            if not (set(targets) & ancestors(s)):
                continue
            for ch, typ in steps:
                cnt[KIND[ch.lower()]] += 1
                total += 1
                promo += typ.lower() in PROMO
        bad = [k for k in CAPS if cnt[k] > CAPS[k]]
        if sum(cnt.values()) > 10:
            bad.append("total")
        share = promo / total if total else 0
        if share > 0.6:
            bad.append("promo")
        over.append((s, bad))
        print(f"  {s:<32} {cnt}  total={sum(cnt.values()):>2}  promo={share:4.0%}  {'OVER ' + str(bad) if bad else ''}")
    return {s: b for s, b in over if b}


def selfcheck():
    # map 1
    parents = {s[0]: s[2] for s in M1_SEGMENTS}
    scen = []
    for c in M1_COMMS:  # disabled М-09 counted too (worst case)
        targets = [t.strip().split()[0] for t in c["segs"].split(";")]
        if c["steps"] is None:
            steps = [(ch.strip(), c["mtype"]) for ch in c["chans"].replace("+", ";").split(";")]
        else:
            steps = [(st[1], c["mtype"]) for st in c["steps"]]
        scen.append((targets, steps))
    over = load_report("contact_policy_ru", [s[0] for s in M1_SEGMENTS if s[5] == "нет"], parents, scen)
    assert over == {"SG05": ["sms"]}, over
    # map 2 (no parents in the Lists block)
    scen = []
    for f in M2_FLOWS:
        if isinstance(f, str):
            continue
        if "cell" in f:
            chans = f["cell"][1].split("\n")
            steps = [(ch, f["cell"][3]) for ch in chans]
            if f["name"] == "New member welcome":
                steps += [("App push", "info")] * 3  # bounded repeats of the Day 1 push
        else:
            steps = [(r[1], r[3]) for r in f["rows"]]
        scen.append(([f["seg"]], steps))
    over = load_report("single_sheet_en", [a[0] for a in M2_LISTS if not a[3]], {}, scen)
    assert over == {"Ex-members": ["promo"]}, over
    # map 3
    parents = {s[0]: s[2] for s in M3_SEGMENTS}
    scen = []
    for t in M3_TRIGGERS:
        scen.append(([x.strip() for x in t["seg"].split(",")], [(st[1], st[4]) for st in t["steps"]]))
    for m in M3_MAILINGS:
        scen.append(([x.strip() for x in m[2].split(",")], [(m[6], m[8])]))
    over = load_report("agency_audit_mixed", [s[0] for s in M3_SEGMENTS if s[5] == "нет"], parents, scen)
    assert over == {}, over

    # map 3 structure checks: stages reachable / served, events used
    nxt = {s[0]: [x.strip() for x in s[2].split(",") if x.strip()] for s in M3_STAGES}
    seen, todo = set(), ["st_sub"]
    while todo:
        s = todo.pop()
        if s in seen:
            continue
        seen.add(s)
        todo += nxt[s]
    assert set(nxt) - seen == {"st_winback"}, set(nxt) - seen
    served = {t["stage"] for t in M3_TRIGGERS} | {m[3] for m in M3_MAILINGS}
    assert set(nxt) - served == {"st_loyal"}, set(nxt) - served
    used = set()
    for t in M3_TRIGGERS:
        used |= {t["trig"], t["goal_ev"], t["stop"]}
        for st in t["steps"]:
            for e in M3_EVENTS:
                if e[0] in st[2]:
                    used.add(e[0])
    used |= {m[11] for m in M3_MAILINGS}
    tracked = {e[0] for e in M3_EVENTS if e[3] == "да"}
    assert tracked - used == set(), tracked - used
    # map 1 structure checks
    nxt = {s[0]: [x.strip() for x in s[2].split(";") if x.strip()] for s in M1_STAGES}
    seen, todo = set(), ["ST1"]
    while todo:
        s = todo.pop()
        if s in seen:
            continue
        seen.add(s)
        todo += nxt[s]
    assert seen == set(nxt)
    served = {c["stage"].split()[0] for c in M1_COMMS if c["status"] != "Отключена"}
    assert served == set(nxt), set(nxt) - served
    used = set()
    for c in M1_COMMS:
        if c["status"] == "Отключена":
            continue
        for v in (c["trig"], c["goal_ev"], c["stop"]):
            if v and v != "—":
                used.add(v.split()[0])
        for st in c["steps"] or []:
            for e in M1_EVENTS:
                if e[0] in st[2]:
                    used.add(e[0])
    tracked = {e[0] for e in M1_EVENTS if e[3] == "да"}
    assert tracked - used == set(), tracked - used
    targeted = set()
    for c in M1_COMMS:
        if c["status"] != "Отключена":
            targeted |= {t.strip().split()[0] for t in c["segs"].split(";")}
    untargeted = {s[0] for s in M1_SEGMENTS if s[5] == "нет"} - targeted
    # a child is covered through its parent
    untargeted = {s for s in untargeted if not parents_covered(s, M1_SEGMENTS, targeted)}
    assert untargeted == set(), untargeted
    print("\nself-check passed")


def parents_covered(s, segments, targeted):
    par = {x[0]: x[2] for x in segments}
    while par.get(s):
        s = par[s]
        if s in targeted:
            return True
    return False


def main():
    c1 = build_map1()
    c2 = build_map2()
    c3 = build_map3()
    for cols in (c1, c2, c3):
        for c in cols:
            assert c["field"] in FIELDS, c
    selfcheck()
    print("written:", *(p.relative_to(HERE) for p in sorted(HERE.glob("*/*")) if p.is_file()), sep="\n  ")


if __name__ == "__main__":
    main()
