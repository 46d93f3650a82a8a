"""Build corpus28: two client communication maps with planted defects.

map 1 — skladtechsnab_b24/  : Russian B2B equipment supplier, Bitrix24 pipeline export
         (stages as columns, robots/triggers as text rows) + segments, events, integrations.
map 2 — northfield_trello/  : UK hospice charity donor journeys, Trello CSV export set
         (board of stages+journeys, board of touches, audiences/events/tools CSVs).

Run:  /work/main/.venv/bin/python build.py
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import shutil
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

HERE = Path(__file__).resolve().parent
MAP1 = HERE / "skladtechsnab_b24"
MAP2 = HERE / "northfield_trello"


# ----------------------------------------------------------------------------------------
# helpers
# ----------------------------------------------------------------------------------------
def q(s: str) -> str:
    """TOML basic string."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def write_answers(path: Path, title: str, map_name: str, lang: str, defects, lookalikes, columns):
    out = [
        f"title = {q(title)}",
        f"map = {q(map_name)}",
        f"lang = {q(lang)}",
        'today = "2026-11-29"',
        "",
    ]
    for code, match, why in defects:
        out += ["[[defect]]", f"code = {q(code)}", f"match = {q(match)}", f"why = {q(why)}", ""]
    for code, match, why in lookalikes:
        out += ["[[lookalike]]", f"code = {q(code)}", f"match = {q(match)}", f"why = {q(why)}", ""]
    for sheet, header, field in columns:
        out += ["[[column]]", f"sheet = {q(sheet)}", f"header = {q(header)}", f"field = {q(field)}", ""]
    path.write_text("\n".join(out), encoding="utf-8")


THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")


def fill(hex_):
    return PatternFill("solid", start_color=hex_, end_color=hex_)


# ========================================================================================
# MAP 1 — СкладТехСнаб, Битрикс24
# ========================================================================================
SEG_D = "Дилеры"
SEG_DS = "Дистрибьюторы"
SEG_P = "Производственные предприятия"
SEG_W = "Сетевые склады / 3PL"
SEG_M = "Малый бизнес (розница и СТО)"
SEG_G = "Госзаказчики (44-ФЗ / 223-ФЗ)"
SEG_K = "Ключевые клиенты (KAM)"
SEG_S = "Сервисные контракты (ТО техники)"
SEG_X = "Ушли к конкуренту"
SEG_DB = "Дебиторка > 60 дней"

STAGES = ["Новая заявка", "Квалификация", "КП отправлено", "Тендер", "Переговоры", "Успешно", "Отказ"]
STAGE_NEXT = {
    "Новая заявка": "Квалификация",
    "Квалификация": "КП отправлено; Тендер; Отказ",
    "КП отправлено": "Переговоры; Отказ",
    "Тендер": None,  # FLOW001: non-final stage with no way onward
    "Переговоры": "Успешно; Отказ",
    "Успешно": "—",
    "Отказ": "—",
}
STAGE_SEM = {
    "Новая заявка": "в работе",
    "Квалификация": "в работе",
    "КП отправлено": "в работе",
    "Тендер": "в работе",
    "Переговоры": "в работе",
    "Успешно": "успешный (финал)",
    "Отказ": "провальный (финал)",
}


def ev_stage(name):
    return f"Сделка перешла на этап «{name}»"


EV_FORM = "Заявка с сайта"
EV_CALL_LEAD = "Лид из входящего звонка"
EV_IDLE = "Сделка на этапе > N дней (нет движения)"
EV_OVERDUE = "Счёт просрочен > 60 дней"
EV_PAID = "Оплата поступила"
EV_SHIPPED = "Отгрузка выполнена"
EV_NPS = "Оценка NPS получена"
EV_REASON = "Причина отказа заполнена"
EV_RETURN = "Повторное обращение (новая сделка)"

# scenario: code, segments, kind, stage, steps[(text, type)], goal, exit, kpi, status, owner, reviewed, comment
SCEN1 = [
    dict(code="НЗ-1", segs=[SEG_P, SEG_W], kind="робот", stage="Новая заявка",
         steps=[("Робот: при создании сделки из CRM-формы «Заявка с сайта» — сразу письмо клиенту "
                 "«Заявка №{ID} принята, ответим в течение часа» (через Unisender)", "сервис")],
         goal=ev_stage("Квалификация"), exit=ev_stage("Квалификация"),
         kpi="≥ 90% заявок в квалификацию за 1 раб. день", status="работает",
         owner="Ковалёва И.", reviewed=dt.date(2026, 9, 2), note=""),
    dict(code="НЗ-2", segs=[SEG_M], kind="робот", stage="Новая заявка",
         steps=[("Робот: сразу при поступлении «Заявка с сайта» — SMS «Заявка принята, менеджер "
                 "перезвонит в течение часа» (SMSC)", "сервис"),
                ("Через 1 час — задача менеджеру: позвонить клиенту по заявке (Мегафон ВАТС, click-to-call)",
                 "сервис")],
         goal=ev_stage("Квалификация"), exit=f"{ev_stage('Квалификация')}; {ev_stage('Отказ')}",
         kpi="дозвон ≥ 70% в день заявки", status="работает",
         owner="Соколова А.", reviewed=dt.date(2026, 8, 19), note="розница — много мелких заявок"),
    dict(code="НЗ-3", segs=[SEG_D, "Дистрибьютеры"], kind="робот", stage="Новая заявка",
         steps=[("Робот: лид из входящего звонка — через 10 мин сообщение в WhatsApp «Спасибо за звонок! "
                 "Каталог и дилерский прайс во вложении» (Wazzup)", "сервис")],
         goal=ev_stage("Квалификация"), exit=ev_stage("Квалификация"),
         kpi="≥ 60% лидов из звонка → квалификация", status="работает",
         owner="Соколова А.", reviewed=dt.date(2026, 7, 28), note=""),
    dict(code="КВ-1", segs=[SEG_P, SEG_W], kind="робот", stage="Квалификация",
         steps=[("Робот: при переходе на этап — письмо «Опросный лист: габариты склада, тип грузов, "
                 "высота стеллажей» (Unisender)", "сервис"),
                ("Через 2 дня, если письмо не открыто — задача менеджеру позвонить (Мегафон ВАТС)", "сервис")],
         goal=ev_stage("КП отправлено"), exit=f"{ev_stage('КП отправлено')}; {ev_stage('Отказ')}",
         kpi="опросный лист заполнен у 50% сделок", status="работает",
         owner="Соколова А.", reviewed=dt.date(2026, 10, 6), note=""),
    dict(code="КП-1", segs=[SEG_P, SEG_D, SEG_DS], kind="робот", stage="КП отправлено",
         steps=[("Робот: при переходе на этап — письмо клиенту «Коммерческое предложение №{номер}» "
                 "с PDF (через Unisender)", "сервис"),
                ("Через 1 день, если КП не открыто — SMS «Направили вам КП на почту, проверьте папку "
                 "Спам» (SMSC)", "сервис")],
         goal=ev_stage("Переговоры"), exit=f"{ev_stage('Переговоры')}; {ev_stage('Отказ')}",
         kpi="открываемость КП ≥ 80%", status="работает",
         owner="Соколова А.", reviewed=dt.date(2026, 10, 6), note=""),
    dict(code="КП-2", segs=[SEG_D, SEG_DS], kind="триггер", stage="КП отправлено",
         steps=[("Триггер: если сделка на этапе > 3 дней — задача менеджеру позвонить (Мегафон ВАТС)",
                 "сервис")],
         goal=ev_stage("Переговоры"), exit=f"{ev_stage('Переговоры')}; {ev_stage('Отказ')}",
         kpi="≤ 15% сделок висят на КП > 7 дней", status="работает",
         owner="Соколова А.", reviewed=dt.date(2026, 10, 6), note=""),
    dict(code="ТН-1", segs=[SEG_G], kind="робот", stage="Тендер",
         steps=[("Робот: при переходе на этап — письмо «Чек-лист документов для участия в закупке + "
                 "контакт тендерного специалиста» (Unisender)", "сервис")],
         goal=ev_stage("Успешно"), exit=f"{ev_stage('Успешно')}; {ev_stage('Отказ')}",
         kpi="подано ≥ 80% закупок из воронки", status="работает",
         owner="Гусев Д.", reviewed=dt.date(2026, 6, 30),
         note="куда переводить после итогов закупки — уточнить у тендерного отдела"),
    dict(code="ПР-1", segs=[SEG_K], kind="робот", stage="Переговоры",
         steps=[("Робот: при переходе на этап — задача KAM позвонить, согласовать выезд на склад клиента "
                 "(Мегафон ВАТС)", "сервис"),
                ("Через 1 день — письмо «Резюме встречи, спецификация и график поставки» (Unisender)",
                 "сервис")],
         goal=ev_stage("Успешно"), exit=f"{ev_stage('Успешно')}; {ev_stage('Отказ')}",
         kpi="win rate KAM ≥ 45%", status="работает",
         owner="Мельник П.", reviewed=dt.date(2026, 9, 15), note=""),
    dict(code="ПР-2", segs=[SEG_M], kind="триггер", stage="Переговоры",
         steps=[("Триггер: сделка на этапе > 5 дней без активности — письмо «Остались вопросы по КП? "
                 "Цены фиксируем до конца месяца» (Unisender)", "сервис"),
                ("Через 3 дня, если письмо не открыто — WhatsApp «Добрый день! Удалось посмотреть КП? "
                 "Могу перезвонить» (Wazzup), затем через 3 дня снова шаг 1 — по кругу, пока клиент "
                 "не откроет письмо", "сервис")],
         goal=ev_stage("Успешно"), exit="",
         kpi="реанимация 20% зависших сделок", status="работает",
         owner="Соколова А.", reviewed=dt.date(2026, 8, 19), note="чтобы не терять розницу"),
    dict(code="ПР-3", segs=[SEG_DS, SEG_W], kind="робот", stage="Переговоры",
         steps=[("Робот: при переходе на этап — письмо-приглашение «Демо-склад в Подольске: живой показ "
                 "погрузчиков и стеллажей» (Sendsay, маркетинг)", "промо"),
                ("Через 2 дня, если приглашение не открыто — SMS «Ждём вас на демо-складе, запись по "
                 "ссылке» (SMSC)", "промо")],
         goal=ev_stage("Успешно"), exit=f"{ev_stage('Успешно')}; {ev_stage('Отказ')}",
         kpi="20 визитов на демо-склад / мес.", status="работает",
         owner="Ковалёва И.", reviewed=dt.date(2026, 9, 24), note="шаблон письма ведёт маркетинг в Sendsay"),
    dict(code="УС-1", segs=[SEG_D, SEG_DS, SEG_P, SEG_W, SEG_K, SEG_G, SEG_M], kind="робот", stage="Успешно",
         steps=[("Робот: при переходе на этап — WhatsApp «Спасибо за заказ! Номер отгрузки, ТК и контакт "
                 "вашего менеджера» (Wazzup)", "транзакц.")],
         goal=EV_SHIPPED, exit=EV_SHIPPED,
         kpi="0 жалоб «не знаю, где заказ»", status="работает",
         owner="Соколова А.", reviewed=dt.date(2026, 10, 6), note=""),
    dict(code="УС-2", segs=[SEG_DB], kind="триггер", stage="Успешно",
         steps=[("Триггер: счёт просрочен > 60 дней — письмо «Акт сверки и напоминание об оплате» "
                 "(Unisender)", "сервис"),
                ("Через 3 дня, если оплата не поступила — SMS «Напоминаем о задолженности по счёту №…» "
                 "(SMSC)", "сервис")],
         goal=EV_PAID, exit=EV_PAID,
         kpi="дебиторка > 60 дн. −30% за квартал", status="работает",
         owner="Орлова Е.", reviewed=dt.date(2026, 7, 9), note="только сервисные, реклама им не идёт"),
    dict(code="УС-3", segs=[SEG_D, SEG_K], kind="робот", stage="Успешно",
         steps=[("Робот: при переходе на этап, через 10 дней — письмо «Оцените работу менеджера: "
                 "1 вопрос (NPS)» (Unisender)", "сервис")],
         goal=EV_NPS, exit=EV_NPS,
         kpi="NPS ≥ 50, ответы ≥ 25%", status="работает",
         owner="Ковалёва И.", reviewed=dt.date(2026, 10, 12), note="добавлено маркетингом в октябре"),
    dict(code="ОТ-1", segs=[SEG_D, SEG_DS, SEG_M, SEG_G, SEG_X], kind="робот", stage="Отказ",
         steps=[("Робот: при переходе на этап, через 1 день — письмо «Почему не сложилось? Ответьте на "
                 "1 вопрос» (Unisender)", "сервис")],
         goal=EV_REASON, exit=EV_REASON,
         kpi="причина отказа заполнена у 70%", status="работает",
         owner="Соколова А.", reviewed=dt.date(2026, 9, 2), note=""),
    dict(code="ОТ-2", segs=[SEG_X], kind="рассылка", stage="Отказ",
         steps=[("Рассылка раз в квартал (1-й вторник, 10:00) — письмо «Осенняя распродажа: −12% на "
                 "стеллажи и б/у погрузчики» (Unisender)", "промо")],
         goal=EV_RETURN, exit=EV_RETURN,
         kpi="5% вернувшихся в воронку", status="работает",
         owner="Ковалёва И.", reviewed=dt.date(2026, 9, 24), note="вернуть ушедших к конкурентам"),
]

SEGMENTS1 = [
    # code, name, turnover, size, tier, stop, note
    ("SEG-D", SEG_D, "50–300", 180, "средний", "нет", "региональные дилеры, дилерский прайс"),
    ("SEG-DS", SEG_DS, "> 500", 40, "высокий", "нет", ""),
    ("SEG-P", SEG_P, "100–1000", 640, "средний", "нет", "заводы, цеха"),
    ("SEG-W", SEG_W, "> 300", 1200, "высокий", "нет", "сети складов, логистические операторы"),
    ("SEG-M", SEG_M, "< 30", 3800, "низкий", "нет", "магазины, автосервисы, мелкий опт"),
    ("SEG-G", SEG_G, "—", 320, "средний", "нет", "работаем только через площадки"),
    ("SEG-K", SEG_K, "> 1000", 45, "VIP", "нет", "закреплён KAM"),
    ("SEG-SRV", SEG_S, "—", 260, "высокий", "нет", "договор на ТО погрузчиков, продление раз в год"),
    ("SEG-X", SEG_X, "—", 95, "—", "да — просили не слать рекламу", "отметка в карточке компании"),
    ("SEG-DB", SEG_DB, "—", 28, "—", "да (только сервисные)", "данные из 1С, блок отгрузок"),
]

EVENTS1 = [
    # no, name, source, tracked, crm field, comment
    (1, EV_FORM, "Битрикс24", "да", "CRM-форма №4 «Подбор оборудования»", "форма на сайте — форма Б24"),
    (2, EV_CALL_LEAD, "Битрикс24", "да", "Лид, источник = Звонок", "лид создаёт Б24 по звонку из ВАТС"),
    (3, ev_stage("Квалификация"), "Битрикс24", "да", "Стадия сделки", ""),
    (4, ev_stage("КП отправлено"), "Битрикс24", "да", "Стадия сделки", ""),
    (5, ev_stage("Тендер"), "Битрикс24", "да", "Стадия сделки", ""),
    (6, ev_stage("Переговоры"), "Битрикс24", "да", "Стадия сделки", ""),
    (7, ev_stage("Успешно"), "Битрикс24", "да", "Стадия сделки", ""),
    (8, ev_stage("Отказ"), "Битрикс24", "да", "Стадия сделки", ""),
    (9, EV_IDLE, "Битрикс24", "да", "Триггер «Время на стадии»", "N задаётся в роботе"),
    (10, EV_OVERDUE, "Битрикс24", "да", "Счёт: статус «Просрочен»", "статусы счетов приходят из 1С"),
    (11, EV_PAID, "Битрикс24", "да", "Счёт: статус «Оплачен»", "из 1С, обмен 15 мин"),
    (12, EV_SHIPPED, "Битрикс24", "да", "Поле «Дата отгрузки»", "из 1С"),
    (13, EV_NPS, "Битрикс24", "да", "Поле «NPS (0–10)»", "ответ с формы опроса"),
    (14, EV_REASON, "Битрикс24", "да", "Поле «Причина отказа»", ""),
    (15, EV_RETURN, "Битрикс24", "да", "Новая сделка по компании", "компания была на этапе «Отказ»"),
]

SYSTEMS1 = [
    # name, role, channels, sends_to, what, status, comment
    ("Битрикс24", "CRM, роботы и триггеры воронки (оркестратор)", "—",
     "Unisender; SMSC.ru; Wazzup; Мегафон ВАТС; Sendsay", "контакты, поля сделки, вебхуки запуска",
     "работает", "все роботы живут здесь"),
    ("Unisender", "email — транзакционные и триггерные письма", "email", "Битрикс24",
     "статусы: доставлено / открыто / клик / отписка", "работает", ""),
    ("SMSC.ru", "SMS-шлюз", "SMS", "Битрикс24", "статусы доставки", "работает", "имя отправителя SKLADTECH"),
    ("Wazzup", "WhatsApp из карточки сделки", "WhatsApp", "Битрикс24", "переписка, статус прочтения",
     "работает", ""),
    ("Мегафон ВАТС", "телефония, запись звонков", "звонки", "Битрикс24",
     "журнал звонков, записи, пропущенные", "работает", "click-to-call из задачи"),
    ("Sendsay", "маркетинговые рассылки (приглашения, дайджест)", "email", "—", "—",
     "частично", "сегменты выгружаются из Б24 раз в сутки, обратно ничего не приходит"),
    ("1С:УТ 11", "счета, оплаты, отгрузки, дебиторка", "—", "Битрикс24", "счета, оплаты, отгрузки",
     "работает", "обмен каждые 15 мин"),
]


def build_map1():
    MAP1.mkdir(parents=True)
    wb = Workbook()

    # --- cover ------------------------------------------------------------------------
    ws = wb.active
    ws.title = "Инфо"
    ws["A1"] = "Карта коммуникаций по воронке продаж"
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:B1")
    rows = [
        ("Компания", "ООО «СкладТехСнаб» — стеллажи, погрузчики, складская техника, доставка по РФ"),
        ("CRM", "Битрикс24 (облако), воронка «Продажи оборудования»"),
        ("Ответственный за карту", "Соколова Анна, РОП"),
        ("Последняя ревизия карты", dt.date(2026, 10, 14)),
        ("Версия", "3.2"),
        ("Что где", "«Воронка (роботы)» — этапы и роботы; «Сегменты» — типы клиентов; "
                    "«События и поля» — что пишется в CRM; «Интеграции» — связки систем"),
        ("Легенда", "зелёный — работает, жёлтый — тест, красный — выкл."),
    ]
    for i, (k, v) in enumerate(rows, start=3):
        ws.cell(i, 1, k).font = Font(bold=True)
        c = ws.cell(i, 2, v)
        c.alignment = WRAP
        if isinstance(v, dt.date):
            c.number_format = "DD.MM.YYYY"
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 90

    # --- pipeline (wide) --------------------------------------------------------------
    ws = wb.create_sheet("Воронка (роботы)")
    left = ["Цепочка", "Тип клиента", "Вид", "Шаг"]
    right = ["Тип сообщ.", "Цель (событие)", "Выход из цепочки", "KPI", "Статус", "Ответств.",
             "Дата ред.", "Коментарий"]
    headers = left + STAGES + right
    ncol = len(headers)
    last = get_column_letter(ncol)
    ws["A1"] = ("СкладТехСнаб — воронка «Продажи оборудования» (Битрикс24): роботы и триггеры по этапам")
    ws["A1"].font = Font(bold=True, size=13)
    ws.merge_cells(f"A1:{last}1")
    ws["A2"] = ("Выгрузка роботов из CRM 14.10.2026 + ручная разметка. Цвет ячейки «Цепочка»: "
                "🟩 работает, 🟨 тест, 🟥 выкл.")
    ws["A2"].font = Font(italic=True, color="555555")
    ws.merge_cells(f"A2:{last}2")
    hdr_fill = fill("DDEBF7")
    for j, h in enumerate(headers, start=1):
        c = ws.cell(3, j, h)
        c.font = Font(bold=True)
        c.alignment = CENTER
        c.border = BOX
        c.fill = hdr_fill
    stage_col = {s: len(left) + 1 + i for i, s in enumerate(STAGES)}
    ws.cell(3, stage_col["Успешно"]).fill = fill("C6EFCE")
    ws.cell(3, stage_col["Отказ"]).fill = fill("FFC7CE")

    ws.cell(4, 1, "Переход на этап →").font = Font(bold=True, italic=True)
    ws.merge_cells(start_row=4, start_column=1, end_row=4, end_column=len(left))
    ws.cell(5, 1, "Семантика этапа (Б24)").font = Font(bold=True, italic=True)
    ws.merge_cells(start_row=5, start_column=1, end_row=5, end_column=len(left))
    for s in STAGES:
        c = ws.cell(4, stage_col[s], STAGE_NEXT[s])
        c.alignment = CENTER
        c.border = BOX
        c.fill = fill("F2F2F2")
        c = ws.cell(5, stage_col[s], STAGE_SEM[s])
        c.alignment = CENTER
        c.border = BOX
        c.fill = fill("F2F2F2")

    r = 6
    status_fill = {"работает": fill("C6EFCE"), "тест": fill("FFEB9C"), "выкл.": fill("FFC7CE")}
    rcol = {h: len(left) + len(STAGES) + 1 + i for i, h in enumerate(right)}
    for sc in SCEN1:
        n = len(sc["steps"])
        first, lastr = r, r + n - 1
        for k, (text, mtype) in enumerate(sc["steps"], start=1):
            rr = r + k - 1
            ws.cell(rr, 4, k).alignment = CENTER
            c = ws.cell(rr, stage_col[sc["stage"]], text)
            c.alignment = WRAP
            ws.cell(rr, rcol["Тип сообщ."], mtype).alignment = CENTER
            for j in range(1, ncol + 1):
                ws.cell(rr, j).border = BOX
        merged_vals = {
            1: sc["code"],
            2: ";\n".join(sc["segs"]) if len(sc["segs"]) > 3 else "; ".join(sc["segs"]),
            3: sc["kind"],
            rcol["Цель (событие)"]: sc["goal"],
            rcol["Выход из цепочки"]: sc["exit"] or "—",
            rcol["KPI"]: sc["kpi"],
            rcol["Статус"]: sc["status"],
            rcol["Ответств."]: sc["owner"],
            rcol["Дата ред."]: sc["reviewed"],
            rcol["Коментарий"]: sc["note"] or None,
        }
        for j, v in merged_vals.items():
            c = ws.cell(first, j, v)
            c.alignment = WRAP
            if isinstance(v, dt.date):
                c.number_format = "DD.MM.YYYY"
            if n > 1:
                ws.merge_cells(start_row=first, start_column=j, end_row=lastr, end_column=j)
        ws.cell(first, 1).fill = status_fill[sc["status"]]
        ws.cell(first, 1).font = Font(bold=True)
        r = lastr + 1
    r += 1
    ws.cell(r, 1, "* Переходы между этапами — по регламенту отдела продаж от 01.06.2026; "
                  "«Тендер» ведёт тендерный отдел.").font = Font(italic=True, color="777777")
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncol)

    widths = [9, 26, 10, 5] + [38] * len(STAGES) + [11, 30, 30, 22, 11, 13, 11, 26]
    for j, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = w
    ws.freeze_panes = "E6"

    # --- segments ---------------------------------------------------------------------
    ws = wb.create_sheet("Сегменты")
    hdr = ["Код", "Тип клиента", "Оборот, млн ₽/год", "Компаний в базе", "Приоритет", "Стоп-лист", "Примечание"]
    for j, h in enumerate(hdr, start=1):
        c = ws.cell(1, j, h)
        c.font = Font(bold=True)
        c.fill = hdr_fill
        c.border = BOX
    for i, row in enumerate(SEGMENTS1, start=2):
        for j, v in enumerate(row, start=1):
            c = ws.cell(i, j, v)
            c.border = BOX
            if j == 4:
                c.number_format = "# ##0"
            if j == 6 and str(v).startswith("да"):
                c.fill = fill("FFC7CE")
    for j, w in enumerate([9, 34, 18, 16, 12, 30, 44], start=1):
        ws.column_dimensions[get_column_letter(j)].width = w

    # --- events -----------------------------------------------------------------------
    ws = wb.create_sheet("События и поля")
    hdr = ["№", "Событие", "Источник", "Фиксируется в Б24?", "Поле / стадия в CRM", "Комментарий"]
    for j, h in enumerate(hdr, start=1):
        c = ws.cell(1, j, h)
        c.font = Font(bold=True)
        c.fill = hdr_fill
        c.border = BOX
    for i, row in enumerate(EVENTS1, start=2):
        for j, v in enumerate(row, start=1):
            ws.cell(i, j, v).border = BOX
    for j, w in enumerate([5, 42, 14, 18, 34, 40], start=1):
        ws.column_dimensions[get_column_letter(j)].width = w

    # --- integrations -----------------------------------------------------------------
    ws = wb.create_sheet("Интеграции")
    hdr = ["Система", "Роль", "Каналы", "Передаёт данные в →", "Что передаёт", "Статус интеграции", "Комм."]
    for j, h in enumerate(hdr, start=1):
        c = ws.cell(1, j, h)
        c.font = Font(bold=True)
        c.fill = hdr_fill
        c.border = BOX
    for i, row in enumerate(SYSTEMS1, start=2):
        for j, v in enumerate(row, start=1):
            c = ws.cell(i, j, v)
            c.border = BOX
            c.alignment = WRAP
    for j, w in enumerate([16, 40, 12, 44, 38, 16, 46], start=1):
        ws.column_dimensions[get_column_letter(j)].width = w

    xlsx = "skladtechsnab_crm_pipeline.xlsx"
    wb.save(MAP1 / xlsx)

    # --- answers ----------------------------------------------------------------------
    defects = [
        ("MAP001", "Дистрибьютеры",
         "Row НЗ-3 of «Воронка (роботы)», column «Тип клиента» = «Дилеры; Дистрибьютеры». The sheet "
         "«Сегменты» defines «Дистрибьюторы» (SEG-DS); «Дистрибьютеры» is a misspelling and names no segment."),
        ("COV001", "Сервисные контракты",
         "«Сегменты» row SEG-SRV «Сервисные контракты (ТО техники)», Стоп-лист «нет», 260 companies. No row "
         "of «Воронка (роботы)» lists it in «Тип клиента» and there are no parent segments, so no active or "
         "planned chain targets it."),
        ("COV003", "ОТ-2",
         "ОТ-2 (Вид «рассылка», Статус «работает») sends the «Осенняя распродажа: −12%…» e-mail, Тип сообщ. "
         "«промо», to «Ушли к конкуренту», which «Сегменты» marks Стоп-лист «да — просили не слать рекламу»."),
        ("FLOW001", "Тендер",
         "Stage column «Тендер»: row «Переход на этап →» is empty, row «Семантика этапа (Б24)» says «в работе» "
         "(not a final stage). A deal in «Тендер» has no way onward (ТН-1 even aims at «Успешно»)."),
        ("FLOW003", "ПР-2",
         "ПР-2 step 2 (column «Переговоры») ends «затем через 3 дня снова шаг 1 — по кругу, пока клиент не "
         "откроет письмо»: steps 1→2→1 form a cycle. «Выход из цепочки» is «—» and no repeat limit or end date "
         "is given; the only bound is the reaction «если письмо не открыто», which per the rule does not bound it."),
        ("FLOW004", "ПР-2",
         "ПР-2 «Цель (событие)» = «Сделка перешла на этап «Успешно»», but «Выход из цепочки» is «—»: a deal "
         "that was won keeps getting the reminder e-mail/WhatsApp loop."),
        ("INT002", "ПР-3",
         "ПР-3 step 2: «если приглашение не открыто — SMS … (SMSC)» depends on the open status of step 1, "
         "sent by Sendsay. «Интеграции»: Sendsay «Передаёт данные в →» = «—» (comment: обратно ничего не "
         "приходит), so the open feedback never reaches Битрикс24 or SMSC.ru."),
        ("FREQ002", "УС-3",
         "УС-1 and УС-3 both start «при переходе на этап» in column «Успешно» (event «Сделка перешла на этап "
         "«Успешно»»), both Статус «работает», and both target «Дилеры» and «Ключевые клиенты (KAM)»."),
        ("COST002", "НЗ-2",
         "НЗ-2 step 2 is a call («задача менеджеру: позвонить… (Мегафон ВАТС)») for «Малый бизнес (розница и "
         "СТО)»: «Компаний в базе» 3 800 (> 1 000) and «Приоритет» «низкий» (not VIP/high)."),
    ]
    lookalikes = [
        ("COST001", "КП-1",
         "КП-1 is a cascade, but it starts with the cheap channel: e-mail with the КП (Unisender), and only "
         "«если КП не открыто» falls back to SMS. Expensive-first is SMS/call first with a cheaper fallback."),
        ("COV003", "УС-2",
         "УС-2 reaches «Дебиторка > 60 дней» (Стоп-лист «да (только сервисные)»), but both touches are Тип "
         "сообщ. «сервис» (акт сверки, напоминание о задолженности); the rule counts only promo/news/content."),
        ("COST002", "КВ-1",
         "КВ-1 step 2 is a call to «Сетевые склады / 3PL» (1 200 companies, over 1 000) — but its «Приоритет» "
         "is «высокий», which the rule exempts; the other segment, «Производственные предприятия», has 640."),
        ("FREQ002", "НЗ-1",
         "НЗ-1 and НЗ-2 both fire on «Заявка с сайта», both active, but for disjoint segments (НЗ-1: "
         "Производственные предприятия; Сетевые склады / 3PL — НЗ-2: Малый бизнес (розница и СТО))."),
    ]
    columns = [
        ("Инфо", "Компания", "ignore"),
        ("Инфо", "CRM", "ignore"),
        ("Инфо", "Ответственный за карту", "owner"),
        ("Инфо", "Последняя ревизия карты", "last_reviewed"),
        ("Инфо", "Версия", "ignore"),
        ("Инфо", "Что где", "ignore"),
        ("Инфо", "Легенда", "ignore"),
        ("Воронка (роботы)", "Цепочка", "scenario"),
        ("Воронка (роботы)", "Тип клиента", "segments"),
        ("Воронка (роботы)", "Вид", "kind"),
        ("Воронка (роботы)", "Шаг", "step"),
    ] + [("Воронка (роботы)", s, "stage") for s in STAGES] + [
        ("Воронка (роботы)", "Тип сообщ.", "message_type"),
        ("Воронка (роботы)", "Цель (событие)", "goal_event"),
        ("Воронка (роботы)", "Выход из цепочки", "stop_event"),
        ("Воронка (роботы)", "KPI", "kpi"),
        ("Воронка (роботы)", "Статус", "status"),
        ("Воронка (роботы)", "Ответств.", "owner"),
        ("Воронка (роботы)", "Дата ред.", "last_reviewed"),
        ("Воронка (роботы)", "Коментарий", "ignore"),
        ("Сегменты", "Код", "id"),
        ("Сегменты", "Тип клиента", "name"),
        ("Сегменты", "Оборот, млн ₽/год", "ignore"),
        ("Сегменты", "Компаний в базе", "size"),
        ("Сегменты", "Приоритет", "tier"),
        ("Сегменты", "Стоп-лист", "excluded"),
        ("Сегменты", "Примечание", "ignore"),
        ("События и поля", "№", "id"),
        ("События и поля", "Событие", "name"),
        ("События и поля", "Источник", "source"),
        ("События и поля", "Фиксируется в Б24?", "tracked"),
        ("События и поля", "Поле / стадия в CRM", "ignore"),
        ("События и поля", "Комментарий", "ignore"),
        ("Интеграции", "Система", "name"),
        ("Интеграции", "Роль", "kind"),
        ("Интеграции", "Каналы", "channel"),
        ("Интеграции", "Передаёт данные в →", "sends_to"),
        ("Интеграции", "Что передаёт", "ignore"),
        ("Интеграции", "Статус интеграции", "ignore"),
        ("Интеграции", "Комм.", "ignore"),
    ]
    write_answers(MAP1 / "answers.toml",
                  "СкладТехСнаб: воронка Битрикс24, этапы колонками, роботы строками текста",
                  xlsx, "ru", defects, lookalikes, columns)


# ========================================================================================
# MAP 2 — Northfield Hospice Care, Trello export
# ========================================================================================
EXPORT = "trello_export"
BOARD1 = "Donor Journey Map 2026"
BOARD2 = "Journey Touches"

A_PROS = "Prospects / enquirers"
A_NEW = "New one-off donors"
A_REP = "Repeat one-off donors"
A_EMG = "Emergency appeal responders"
A_EVT = "Event participants"
A_IMG = "In-memory givers"
A_RG = "Regular givers (DD)"
A_LOT = "Lottery players"
A_MID = "Mid-level donors (£1k+)"
A_LAP = "Lapsed donors (13–36 months)"
A_DNS = "Do Not Solicit"


def tid(*parts) -> str:
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:24]


def short(*parts) -> str:
    h = hashlib.sha1(("s" + "|".join(parts)).encode()).hexdigest()
    alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    n = int(h, 16)
    out = ""
    for _ in range(8):
        n, k = divmod(n, len(alphabet))
        out += alphabet[k]
    return out


def iso(d: dt.date, hh=12, mm=0) -> str:
    return f"{d.isoformat()}T{hh:02d}:{mm:02d}:00.000Z"


LBL = {
    "Email": "Email (sky)", "SMS": "SMS (green)", "Phone": "Phone (yellow)",
    "Ask": "Ask (red)", "Stewardship": "Stewardship (lime)", "Nurture": "Nurture (pink)",
    "Admin": "Admin (black)", "Automated": "Automated (purple)", "Scheduled": "Scheduled (orange)",
    "Stage": "Stage (blue)",
}

STAGES2 = [
    # list name, description, next stages, final
    ("Prospect", "People who asked about volunteering, our services or events but have not given yet.",
     ["First gift"], False),
    ("First gift", "Gave once in the last 90 days (any route: online, cash, in memory, event).",
     ["Second gift", "Lapsed"], False),
    ("Second gift", "Gave a second time — the single biggest predictor of staying with us.",
     ["Regular giver", "Lapsed"], False),
    ("Regular giver", "Active monthly Direct Debit (incl. lottery).", ["Legacy enquirer", "Lapsed"], False),
    ("Mid-level", "Cumulative giving £1,000+ in a rolling 12 months. Looked after by the Director's office.",
     ["Legacy enquirer"], False),
    ("Lapsed", "No gift for 13–36 months.", ["Second gift"], False),
    ("Legacy enquirer", "Asked for our free wills / gift-in-will guide.", [], True),
]

# journeys: code, name, list(stage), kind, audience, trigger/schedule, goal, exit, kpi, status, owner, reviewed,
#           last activity, archived, extra note, touches[(title, channel, type, desc)]
JOURNEYS = [
    dict(code="ENQ-1", name="Enquirer nurture", stage="Prospect", kind="Automated", aud=[A_PROS],
         trig=("Trigger", "Enquiry form submitted"),
         goal="first donation — event: First gift processed", exit="First gift processed; Unsubscribed (email)",
         kpi="4% make a first gift within 60 days", status="Planned", owner="tomokafor",
         reviewed=dt.date(2026, 10, 2), activity=dt.date(2026, 11, 12), archived=False, due=dt.date(2027, 1, 15),
         note="Launch after the new enquiry form goes live (Jan).",
         touches=[("1 – Welcome & our story", "Email", "Nurture",
                   "When: same day as the enquiry\nSent by: Dotdigital\nSubject: Thanks for getting in touch, "
                   "{first name}\nCopy: who we are + 2-min film with Ellie, Clinical Nurse Specialist"),
                  ("2 – First ask (£15)", "Email", "Ask",
                   "When: 10 days after touch 1\nOnly if: touch 1 was opened\nSent by: Dotdigital\n"
                   "Subject: £15 pays for an hour of nursing care at home")]),
    dict(code="WEL-1", name="Welcome – new one-off donors", stage="First gift", kind="Automated", aud=[A_NEW],
         trig=("Trigger", "First gift processed"),
         goal="second gift — event: Second gift processed",
         exit="Second gift processed; Unsubscribed (email)",
         kpi="15% give again within 6 months", status="Live", owner="priyashah",
         reviewed=dt.date(2026, 9, 18), activity=dt.date(2026, 11, 20), archived=False, due=None, note="",
         touches=[("1 – Thank-you email", "Email", "Stewardship",
                   "When: within 1 hour of the gift being processed\nSent by: Dotdigital\n"
                   "Subject: {first name}, your £{amount} is already at work"),
                  ("2 – Impact story", "Email", "Stewardship",
                   "When: day 14\nSent by: Dotdigital\nSubject: A night on the ward with Sam (HCA)"),
                  ("3 – Second gift ask", "Email", "Ask",
                   "When: day 30\nSent by: Dotdigital\nSubject: Could you help us be there again this winter?")]),
    dict(code="IMG-1", name="In-memory welcome", stage="First gift", kind="Automated", aud=[A_IMG],
         trig=("Trigger", "Gift in memory received"),
         goal="second gift — event: Second gift processed",
         exit="Second gift processed; Unsubscribed (email)",
         kpi="10% give again within 12 months", status="Live", owner="priyashah",
         reviewed=dt.date(2026, 8, 27), activity=dt.date(2026, 10, 30), archived=False, due=None,
         note="Tone: gentle. No ask in the first 3 months.",
         touches=[("1 – In-memory thank-you", "Email", "Stewardship",
                   "When: within 2 days of the gift\nSent by: Dotdigital\n"
                   "Subject: Thank you for remembering {in memory name} with us"),
                  ("2 – Light up a Life invitation", "Email", "Stewardship",
                   "When: day 21\nSent by: Dotdigital\nSubject: Join us for Light up a Life, 7 December")]),
    dict(code="EVT-1", name="After the Midnight Walk", stage="First gift", kind="Automated", aud=[A_EVT],
         trig=("Trigger", "Attended event"),
         goal="second gift — event: Second gift processed",
         exit="Second gift processed; Unsubscribed (email)",
         kpi="£18k in sponsorship top-ups", status="Live", owner="jo.barnes",
         reviewed=dt.date(2026, 7, 20), activity=dt.date(2026, 9, 14), archived=False, due=None, note="",
         touches=[("1 – Thanks for walking + photos", "Email", "Stewardship",
                   "When: the day after the walk\nSent by: Dotdigital\n"
                   "Subject: You walked 10k through the night — thank you!"),
                  ("2 – Sponsorship top-up", "Email", "Ask",
                   "When: 4 days after touch 1\nSent by: Dotdigital\n"
                   "Subject: One last push? Your sponsorship page is open until Sunday")]),
    dict(code="UPG-1", name="Ask to go monthly", stage="Second gift", kind="Automated", aud=[A_REP],
         trig=("Trigger", "Second gift processed"),
         goal="start a DD — event: Direct Debit set up",
         exit="Direct Debit set up; Unsubscribed (email)",
         kpi="3% convert to a monthly gift", status="Live", owner="tomokafor",
         reviewed=dt.date(2026, 3, 2), activity=dt.date(2026, 11, 21), archived=False, due=None,
         note="Copy still mentions last year's £8/month price point.",
         touches=[("1 – Thank you for giving again", "Email", "Stewardship",
                   "When: 2 days after the second gift\nSent by: Dotdigital\n"
                   "Subject: Twice now — thank you, {first name}"),
                  ("2 – Become a monthly Friend", "Email", "Ask",
                   "When: day 9\nSent by: Dotdigital\nSubject: £10 a month means a nurse is always on call")]),
    dict(code="EMG-1", name="Winter emergency appeal", stage="Second gift", kind="Scheduled", aud=[A_EMG],
         trig=("Schedule", "one-off send, 1 Dec 2026 10:00; follow-ups as on the touches board"),
         goal="appeal gift — event: Appeal gift received", exit="Appeal gift received",
         kpi="£40k raised, 6% response", status="Live", owner="jo.barnes",
         reviewed=dt.date(2026, 11, 3), activity=dt.date(2026, 11, 25), archived=False, due=dt.date(2026, 12, 1),
         note="Text first this year — SMS got the best response in the spring test.",
         touches=[("1 – Appeal SMS", "SMS", "Ask",
                   "When: 1 Dec 2026, 10:00\nSent by: Dotdigital (SMS)\n"
                   "Text: Northfield Hospice: this winter our nurses need you. Give £10 now: nfh.org/w"),
                  ("2 – Fallback email", "Email", "Ask",
                   "When: same day, 16:00\nOnly if: the SMS was not delivered (bounced / invalid mobile)\n"
                   "Sent by: Dotdigital\nSubject: We couldn't reach you by text — our winter appeal"),
                  ("3 – What £10 does on a winter night", "Email", "Stewardship",
                   "When: day 7\nSent by: Dotdigital\nSubject: 2am on Willow Ward"),
                  ("4 – Thank-you text", "SMS", "Stewardship",
                   "When: 24 Dec\nSent by: Dotdigital (SMS)\n"
                   "Text: Thank you for being part of Northfield this winter. Merry Christmas from all of us")]),
    dict(code="RG-1", name="Regular giver onboarding", stage="Regular giver", kind="Automated", aud=[A_RG],
         trig=("Trigger", "Direct Debit set up"),
         goal="third payment — event: Third DD payment collected",
         exit="Third DD payment collected; DD cancelled",
         kpi="92% reach the 3rd payment", status="Live", owner="hannahreid",
         reviewed=dt.date(2026, 10, 15), activity=dt.date(2026, 10, 15), archived=False, due=None,
         note="Do Not Solicit supporters are suppressed here — they get ADM-1 only.",
         touches=[("1 – Welcome text", "SMS", "Stewardship",
                   "When: same day the DD is set up\nSent by: Dotdigital (SMS)\n"
                   "Text: Welcome to the Northfield family, {first name}! Your first gift goes out on the {date}"),
                  ("2 – Welcome pack email", "Email", "Stewardship",
                   "When: 2 days after touch 1 (everyone)\nSent by: Dotdigital\n"
                   "Subject: Your welcome pack — and what happens next"),
                  ("3 – Meet the nurses", "Email", "Stewardship",
                   "When: day 21\nSent by: Dotdigital\nSubject: Meet the team your monthly gift supports")]),
    dict(code="RG-2", name="Failed payment rescue", stage="Regular giver", kind="Automated", aud=[A_RG],
         trig=("Trigger", "DD payment failed"),
         goal="DD back on — event: DD reinstated", exit="DD reinstated; DD cancelled",
         kpi="40% reinstated within 14 days", status="Live", owner="amirkhan",
         reviewed=dt.date(2026, 8, 5), activity=dt.date(2026, 11, 2), archived=False, due=None, note="",
         touches=[("1 – Payment failed text", "SMS", "Admin",
                   "When: same day Beacon flags the failure\nSent by: Dotdigital (SMS)\n"
                   "Text: Hi {first name}, your Northfield Direct Debit didn't go through this month. "
                   "Update in 1 min: nfh.org/dd"),
                  ("2 – Supporter Care call", "Phone", "Admin",
                   "When: next working day\nOnly if: the SMS hasn't been read by then\n"
                   "Sent by: Aircall (Supporter Care team)\n"
                   "Script: friendly check-in, offer to update bank details over the phone")]),
    dict(code="RG-3", name="12-month thank-you", stage="Regular giver", kind="Automated", aud=[A_RG],
         trig=("Trigger", "DD anniversary (12 months)"),
         goal="legacy interest — event: Legacy info pack requested",
         exit="Legacy info pack requested; DD cancelled",
         kpi="1% request the wills guide", status="Live", owner="hannahreid",
         reviewed=dt.date(2026, 6, 24), activity=dt.date(2026, 9, 1), archived=False, due=None, note="",
         touches=[("1 – Anniversary thank-you", "Email", "Stewardship",
                   "When: on the 12-month anniversary\nSent by: Dotdigital\n"
                   "Subject: One year of care — thank you\nP.S. soft mention of the free wills guide (link)")]),
    dict(code="ADM-1", name="DD confirmation (DNS)", stage="Regular giver", kind="Automated", aud=[A_DNS],
         trig=("Trigger", "Direct Debit set up"),
         goal="event: Third DD payment collected", exit="Third DD payment collected; DD cancelled",
         kpi="100% sent within 3 working days", status="Live", owner="amirkhan",
         reviewed=dt.date(2026, 9, 30), activity=dt.date(2026, 9, 30), archived=False, due=None,
         note="Statutory Direct Debit Guarantee notice only — nothing else goes to DNS.",
         touches=[("1 – DD advance notice", "Email", "Admin",
                   "When: within 3 working days of the DD set-up\nSent by: Dotdigital\n"
                   "Subject: Your Direct Debit to Northfield Hospice Care — confirmation")]),
    dict(code="MID-1", name="Mid-level thank-you call", stage="Mid-level", kind="Automated", aud=[A_MID],
         trig=("Trigger", "Cumulative giving passed £1,000"),
         goal="renewal — event: Renewal gift received", exit="Renewal gift received",
         kpi="70% renew within 12 months", status="Live", owner="sarahlaw",
         reviewed=dt.date(2026, 10, 21), activity=dt.date(2026, 10, 21), archived=False, due=None, note="",
         touches=[("1 – Thank-you call from the Director of Fundraising", "Phone", "Stewardship",
                   "When: within 5 working days\nSent by: Aircall\nScript: personal thanks, invite to a ward visit"),
                  ("2 – Personal impact report", "Email", "Stewardship",
                   "When: 2 weeks after the call\nSent by: Dotdigital\nSubject: What your support made possible")]),
    dict(code="LAP-1", name="Win-back", stage="Lapsed", kind="Automated", aud=[A_LAP],
         trig=("Trigger", "12 months since last gift"),
         goal="reactivation — event: Reactivation gift received",
         exit="Reactivation gift received; Unsubscribed (email)",
         kpi="2.5% give again", status="Live", owner="",
         reviewed=dt.date(2026, 9, 9), activity=dt.date(2026, 11, 18), archived=False, due=None,
         note="Was Mark's — needs a new owner since he left.",
         touches=[("1 – We miss you", "Email", "Stewardship",
                   "When: day 0\nSent by: Dotdigital\nSubject: It's been a while — here's what you helped build"),
                  ("2 – Come back ask", "Email", "Ask",
                   "When: day 7\nSent by: Dotdigital\nSubject: Would you stand with us again this year?")]),
    dict(code="LEG-1", name="Legacy enquirer follow-up", stage="Legacy enquirer", kind="Automated", aud=[A_MID],
         trig=("Trigger", "Legacy info pack requested"),
         goal="—", exit="—", kpi="—", status="Retired", owner="",
         reviewed=dt.date(2026, 5, 12), activity=dt.date(2026, 5, 12), archived=True, due=None,
         note="RETIRED May 2026 when the Legacy Officer post was frozen. Pack requests now just sit in Beacon.",
         touches=[("1 – Thank you for requesting our guide", "Email", "Stewardship",
                   "When: 2 days after the request\nSent by: Dotdigital\n"
                   "Subject: Your wills guide — and a cup of tea with Margaret?")]),
]

AUDIENCES = [
    # name, who, size, band, dns, part of, notes
    (A_PROS, "Enquiry form, volunteering or service enquiry, no gift yet", "6,200", "Low", "No", "", ""),
    (A_NEW, "First gift in the last 90 days", "1,900", "Standard", "No", "", ""),
    (A_REP, "2+ one-off gifts, no DD", "7,400", "Standard", "No", "", ""),
    (A_EMG, "Gave to a 2024/2025 emergency appeal, mobile number on file", "2,300", "Standard", "No", "",
     "SMS opt-in checked 2026"),
    (A_EVT, "Registered for the Midnight Walk / Santa Dash", "1,150", "Standard", "No", "", ""),
    (A_IMG, "Gift made in memory of a loved one", "1,300", "Standard", "No", "", "gentle tone"),
    (A_RG, "Active monthly Direct Debit", "3,100", "High", "No", "", "our most valuable group"),
    (A_LOT, "Weekly hospice lottery by DD", "700", "Standard", "No", A_RG, "counted inside regular givers"),
    (A_MID, "£1,000+ cumulative in a rolling 12 months", "240", "High", "No", "", "Director's office"),
    (A_LAP, "No gift for 13–36 months", "9,800", "Low", "No", "", ""),
    (A_DNS, "Asked us not to ask for money (any channel)", "620", "", "YES", "",
     "receipts / statutory notices only"),
]

EVENTS2 = [
    # event, source, tracked, how
    ("Enquiry form submitted", "Beacon", "Yes", "web form writes straight into Beacon"),
    ("First gift processed", "Beacon", "Yes", "gift batch posted"),
    ("Second gift processed", "Beacon", "Yes", "gift count = 2"),
    ("Direct Debit set up", "Beacon", "Yes", "new DD from Smart Debit (nightly)"),
    ("DD payment failed", "Beacon", "Yes", "ARUDD report"),
    ("DD reinstated", "Beacon", "Yes", "DD status back to Active"),
    ("DD cancelled", "Beacon", "Yes", "ADDACS report"),
    ("Third DD payment collected", "Beacon", "Yes", "payment count = 3"),
    ("DD anniversary (12 months)", "Beacon", "Yes", "date field on the DD record"),
    ("Legacy info pack requested", "Beacon", "Yes", "form on /wills"),
    ("12 months since last gift", "Beacon", "Yes", "calculated field"),
    ("Reactivation gift received", "Beacon", "Yes", "first gift after 13+ months"),
    ("Cumulative giving passed £1,000", "Beacon", "Yes", "rolling 12-month total"),
    ("Renewal gift received", "Beacon", "Yes", "mid-level gift in the following year"),
    ("Appeal gift received", "Beacon", "Yes", "appeal code WIN26"),
    ("Attended event", "Beacon", "No", "check-in lists from Eventbrite are never imported — TO FIX"),
    ("Unsubscribed (email)", "Dotdigital", "Yes", "unsubscribe / preference centre"),
]

TOOLS2 = [
    # tool, use, channels, feeds, owner, notes
    ("Beacon", "Donor CRM — single source of truth for gifts, DDs, preferences", "", "Dotdigital; Aircall",
     "Hannah Reid", "nightly sync of contacts + fields to Dotdigital; call lists to Aircall"),
    ("Dotdigital", "Email + SMS sending; Program Builder runs all automated journeys", "Email; SMS", "Beacon",
     "Priya Shah", "opens, clicks, SMS delivery receipts synced back to Beacon nightly"),
    ("Aircall", "Supporter Care phone line + outbound calls", "Phone", "Beacon", "Amir Khan",
     "call outcome logged against the contact"),
    ("Enthuse", "Online donation forms", "", "Beacon", "Priya Shah", "gifts land in Beacon within the hour"),
    ("Eventbrite", "Event registration (Midnight Walk, Santa Dash)", "", "Beacon", "Jo Barnes",
     "bookings imported weekly; check-ins NOT imported"),
]


def write_csv(path: Path, header, rows):
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, quoting=csv.QUOTE_ALL)
        w.writerow(header)
        w.writerows(rows)


def build_map2():
    out = MAP2 / EXPORT
    out.mkdir(parents=True)
    board1_id = tid("board1")
    board2_id = tid("board2")

    # ---- board 1: stages + journeys -----------------------------------------------------
    h1 = ["Card ID", "Card Name", "Card URL", "Card Description", "Labels", "Members", "Due Date",
          "Checklist", "Checklist Item", "List Name", "Board Name", "Last Activity Date", "Status",
          "Last reviewed", "Archived"]
    rows = []
    n = 1

    def url(cid_parts, name):
        nonlocal n
        slug = "".join(ch if ch.isalnum() else "-" for ch in name.lower()).strip("-")
        while "--" in slug:
            slug = slug.replace("--", "-")
        u = f"https://trello.com/c/{short(*cid_parts)}/{n}-{slug[:40].strip('-')}"
        n += 1
        return u

    readme = ("How to read this board\n"
              "• Each list = a stage of the supporter lifecycle (left → right).\n"
              "• First card in each list = the stage itself; its checklist 'Moves on to' = where supporters go next.\n"
              "• Other cards = journeys. Touches for each journey are on the 'Journey Touches' board "
              "(one list per journey, same code).\n"
              "• Labels: Automated = triggered journey, Scheduled = batch send. On the touches board: "
              "Email / SMS / Phone = channel; Ask / Stewardship / Nurture / Admin = message type.\n"
              "• Journey status + last review date are the custom fields.\n"
              "Map last reviewed: 7 Nov 2026 (Individual Giving away-day). Board owner: Hannah Reid.")
    rows.append([tid("readme"), "📌 READ ME — how this board works", url(["readme"], "read me"), readme, "",
                 "hannahreid", "", "", "", "READ ME", BOARD1, iso(dt.date(2026, 11, 7), 16, 5), "", "", "false"])

    by_stage = {}
    for j in JOURNEYS:
        by_stage.setdefault(j["stage"], []).append(j)

    for sname, sdesc, nxt, final in STAGES2:
        cid = tid("stage", sname)
        u = url(["stage", sname], f"stage {sname}")
        desc = f"{sdesc}\nFinal stage? {'Yes' if final else 'No'}"
        base = [cid, f"STAGE · {sname}", u, desc, LBL["Stage"], "hannahreid", ""]
        tail = [sname, BOARD1, iso(dt.date(2026, 11, 7), 15, 40), "", "", "false"]
        if nxt:
            for item in nxt:
                rows.append(base + ["Moves on to", item] + tail)
        else:
            rows.append(base + ["", ""] + tail)
        for j in by_stage.get(sname, []):
            trig_label, trig_val = j["trig"]
            lines = [f"Audience: {'; '.join(j['aud'])}",
                     f"{trig_label}: {trig_val}",
                     f"Goal: {j['goal']}",
                     f"Exit when: {j['exit']}",
                     f"KPI: {j['kpi']}"]
            if j["note"]:
                lines.append(f"Notes: {j['note']}")
            lines.append(f"Touches: see '{BOARD2}' → list {j['code']}")
            rows.append([
                tid("j", j["code"]), f"{j['code']} · {j['name']}", url(["j", j["code"]], f"{j['code']} {j['name']}"),
                "\n".join(lines), LBL[j["kind"]], j["owner"],
                iso(j["due"], 10) if j["due"] else "", "", "", sname, BOARD1,
                iso(j["activity"], 9, 31), j["status"], iso(j["reviewed"], 0), "true" if j["archived"] else "false",
            ])
    write_csv(out / f"{BOARD1}.csv", h1, rows)

    # ---- board 2: touches ---------------------------------------------------------------
    h2 = ["Card ID", "Card Name", "Card Description", "Labels", "Members", "Due Date", "Checklist Item",
          "List Name", "Board Name", "Last Activity Date", "Archived"]
    rows = []
    writers = {"Email": "lucyp", "SMS": "lucyp", "Phone": "amirkhan"}
    for j in JOURNEYS:
        lname = f"{j['code']} · {j['name']}"
        for k, (title, ch, mtype, desc) in enumerate(j["touches"], start=1):
            checklist = "Copy signed off ✔" if (not j["archived"] and k == 1) else ""
            rows.append([
                tid("t", j["code"], str(k)), title, desc, f"{LBL[ch]}, {LBL[mtype]}", writers[ch],
                iso(j["due"], 9) if (j["due"] and k == 1) else "", checklist, lname, BOARD2,
                iso(j["activity"], 11, 2), "true" if j["archived"] else "false",
            ])
    write_csv(out / f"{BOARD2}.csv", h2, rows)

    # ---- small CSVs ------------------------------------------------------------------------
    write_csv(out / "audiences.csv",
              ["Audience", "Who's in it", "Approx. size", "Value band", "Do not solicit?", "Part of", "Notes"],
              AUDIENCES)
    write_csv(out / "events.csv", ["Event", "Comes from", "Tracked?", "How we capture it"], EVENTS2)
    write_csv(out / "tools.csv", ["Tool", "What we use it for", "Channels", "Feeds data into", "Owner", "Notes"],
              TOOLS2)

    # ---- answers ---------------------------------------------------------------------------
    defects = [
        ("COST001", "EMG-1",
         "EMG-1 (Journey Touches, list 'EMG-1 · Winter emergency appeal'): touch 1 is 'SMS (green), Ask (red)'; "
         "touch 2 is 'Email (sky), Ask (red)' with 'Only if: the SMS was not delivered' — a cascade that starts "
         "with SMS and falls back, on the SMS delivery feedback, to the cheaper e-mail."),
        ("INT003", "RG-2",
         "RG-2 touch 2 'Supporter Care call' has 'Only if: the SMS hasn't been read by then', conditioned on "
         "touch 1 'Payment failed text' (label SMS). SMS reports delivery, never reading."),
        ("TRK001", "Gift in memory received",
         "IMG-1 card description 'Trigger: Gift in memory received'; events.csv has no such event (nothing about "
         "in-memory gifts at all)."),
        ("TRK002", "Attended event",
         "EVT-1 card description 'Trigger: Attended event'; events.csv row 'Attended event' has Tracked? = 'No' "
         "(check-ins are never imported from Eventbrite)."),
        ("COV002", "Legacy enquirer",
         "List 'Legacy enquirer' (stage card 'STAGE · Legacy enquirer', reached from Regular giver and Mid-level) "
         "holds only LEG-1, whose Status is 'Retired' and Archived = 'true'; no live or planned journey serves it."),
        ("FLOW002", "Mid-level",
         "Stage 'Mid-level': no stage card has a 'Moves on to' checklist item 'Mid-level' (Prospect→First gift, "
         "First gift→Second gift/Lapsed, Second gift→Regular giver/Lapsed, Regular giver→Legacy enquirer/Lapsed, "
         "Lapsed→Second gift), so it cannot be reached from the first stage 'Prospect'."),
        ("GOV002", "UPG-1",
         "UPG-1 custom field 'Last reviewed' = 2026-03-02, more than 6 months before the audit date 2026-11-29 "
         "(its 'Last Activity Date' 2026-11-21 is card activity, not a review)."),
        ("GOV003", "LAP-1",
         "LAP-1 · Win-back has Status 'Live' and an empty 'Members' cell (note: 'needs a new owner')."),
    ]
    lookalikes = [
        ("COST001", "RG-1",
         "RG-1 starts with an SMS (touch 1 'Welcome text') and then sends e-mails, but touch 2 is sent "
         "'2 days after touch 1 (everyone)' — no condition on the SMS feedback, so it is a timed sequence, not a "
         "fallback cascade."),
        ("COV003", "ADM-1",
         "ADM-1 targets 'Do Not Solicit' (Do not solicit? = YES), but its only touch is labelled 'Admin' "
         "(statutory Direct Debit notice) — not promo, news or content."),
        ("COV002", "Prospect",
         "Stage 'Prospect' is served only by ENQ-1, whose Status is 'Planned' (not live) — planned journeys count "
         "as serving a stage."),
        ("COV001", "Lottery players",
         "'Lottery players' is targeted by no journey directly, but audiences.csv gives Part of = 'Regular givers "
         "(DD)', which RG-1, RG-2 and RG-3 target — covered through its parent."),
    ]
    S1, S2 = BOARD1, BOARD2
    columns = [
        (S1, "Card ID", "ignore"), (S1, "Card Name", "scenario"), (S1, "Card URL", "ignore"),
        (S1, "Card Description", "segments"), (S1, "Labels", "kind"), (S1, "Members", "owner"),
        (S1, "Due Date", "ignore"), (S1, "Checklist", "ignore"), (S1, "Checklist Item", "next"),
        (S1, "List Name", "stage"), (S1, "Board Name", "ignore"), (S1, "Last Activity Date", "ignore"),
        (S1, "Status", "status"), (S1, "Last reviewed", "last_reviewed"), (S1, "Archived", "ignore"),
        (S2, "Card ID", "ignore"), (S2, "Card Name", "step"), (S2, "Card Description", "message"),
        (S2, "Labels", "channel"), (S2, "Members", "ignore"), (S2, "Due Date", "ignore"),
        (S2, "Checklist Item", "ignore"), (S2, "List Name", "scenario"), (S2, "Board Name", "ignore"),
        (S2, "Last Activity Date", "ignore"), (S2, "Archived", "ignore"),
        ("audiences", "Audience", "name"), ("audiences", "Who's in it", "ignore"),
        ("audiences", "Approx. size", "size"), ("audiences", "Value band", "tier"),
        ("audiences", "Do not solicit?", "excluded"), ("audiences", "Part of", "parent"),
        ("audiences", "Notes", "ignore"),
        ("events", "Event", "name"), ("events", "Comes from", "source"), ("events", "Tracked?", "tracked"),
        ("events", "How we capture it", "ignore"),
        ("tools", "Tool", "name"), ("tools", "What we use it for", "kind"), ("tools", "Channels", "channel"),
        ("tools", "Feeds data into", "sends_to"), ("tools", "Owner", "owner"), ("tools", "Notes", "ignore"),
    ]
    write_answers(MAP2 / "answers.toml",
                  "Northfield Hospice Care: donor journeys exported from Trello (CSV set)",
                  EXPORT, "en", defects, lookalikes, columns)


def main():
    for d in (MAP1, MAP2):
        if d.exists():
            shutil.rmtree(d)
    build_map1()
    build_map2()
    print("built", MAP1, MAP2)


if __name__ == "__main__":
    main()
