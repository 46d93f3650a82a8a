"""Builds corpus24: two client communication maps with planted defects and answer keys.

map1_zdravitsa  — Russian pharmacy chain, one xlsx: a Google Doc pasted into Excel (segment blocks
                  stacked on one sheet) plus small sheets for stages, events and systems.
map2_harbourline — English insurer, a folder of CSV files exported from Airtable, one per tab;
                  the Journeys tab is hierarchical (journey parent rows + indented step rows).

Run:  /work/main/.venv/bin/python build.py
"""
import csv
import json
import pathlib
import shutil

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

HERE = pathlib.Path(__file__).resolve().parent
TODAY = "2026-11-29"


# ----------------------------------------------------------------------------- toml helpers
def q(s):
    return json.dumps(s, ensure_ascii=False)


def write_answers(path, title, map_name, lang, defects, lookalikes, columns):
    out = [f"title = {q(title)}", f"map = {q(map_name)}", f"lang = {q(lang)}", f"today = {q(TODAY)}", ""]
    for kind, items in (("defect", defects), ("lookalike", lookalikes)):
        for code, match, why in items:
            out += [f"[[{kind}]]", f"code = {q(code)}", f"match = {q(match)}", f"why = {q(why)}", ""]
    for sheet, header, field in columns:
        out += ["[[column]]", f"sheet = {q(sheet)}", f"header = {q(header)}", f"field = {q(field)}", ""]
    path.write_text("\n".join(out), encoding="utf-8")


# ============================================================================ MAP 1 (ru)
M1_DIR = HERE / "map1_zdravitsa"
M1_FILE = "Здравица_CRM-карта_из_GDoc.xlsx"
M1_MAIN = "Карта коммуникаций"
M1_STAGES = "Этапы CJM"
M1_EVENTS = "События"
M1_SYSTEMS = "Системы"

M1_HEAD = [
    "Код", "Сценарий", "Тип", "Событие-триггер", "Переодичность", "Этап CJM", "Цель",
    "Целевое событие", "KPI", "Стоп (выход из цепочки)",
    "№ касания", "Канал", "Когда", "Условие отправки", "Что отправляем", "Тип сообщ.", "Система",
    "Статус", "Ответств.", "Обновлено", "Комментарий",
]
# columns (0-based) that belong to the scenario and are merged over its step rows
M1_SCEN_COLS = list(range(0, 10)) + [17, 18, 19]

OK = "🟢 работает"
PLAN = "🟡 в плане"


def sc(code, name, kind, trig, period, stage, goal, gev, kpi, stop, status, owner, upd, steps, note=""):
    return dict(code=code, name=name, kind=kind, trig=trig, period=period, stage=stage, goal=goal,
                gev=gev, kpi=kpi, stop=stop, status=status, owner=owner, upd=upd, steps=steps, note=note)


M1_BLOCKS = [
    dict(seg="Новички", size="48 200 чел.", tier="масс", stop="нет",
         who="зарегистрировались в ПЛ «Здравица», 0–1 покупка", scen=[
             sc("НВ-01", "Welcome после регистрации в ПЛ", "триггер", "Регистрация в ПЛ", "", "Знакомство",
                "Первая покупка по карте", "Покупка", "CR в 1-ю покупку 14 дн ≥ 18%", "Покупка",
                OK, "Е. Соколова", "12.10.2026", [
                    ("email", "сразу", "", "Добро пожаловать! Как копить и тратить бонусы, где ближайшая аптека", "контент", "Mindbox", ""),
                    ("push", "через 2 дня", "если не открыл письмо №1", "300 приветственных бонусов уже на карте — потратьте до конца месяца", "промо", "Mindbox", "только у кого есть приложение"),
                    ("email", "через 5 дней", "если не было покупки", "Аптечка на сезон: что проверить дома (чек-лист от провизора)", "контент", "Mindbox", ""),
                ]),
             sc("НВ-02", "Первый интернет-заказ: оценка", "триггер", "Заказ выдан", "", "Первая покупка",
                "Отзыв + второй заказ", "Покупка", "доля оценок ≥ 25%; 2-й заказ 30 дн ≥ 12%", "Покупка; Оценка заказа",
                OK, "Д. Ким", "03.09.2026", [
                    ("push", "через 2 ч", "", "Как вам заказ? Оцените от 1 до 5", "сервис", "Mindbox", ""),
                    ("email", "через 2 дня", "", "Ещё не оценили? +50 бонусов за отзыв и x2 бонусы на следующий заказ", "промо", "Mindbox", ""),
                ]),
             sc("НВ-03", "Установил приложение", "триггер", "Установка приложения", "", "Знакомство",
                "Подписка на push + покупка в приложении", "Покупка", "opt-in push ≥ 60%", "Покупка",
                PLAN, "", "20.11.2026", [
                    ("push", "сразу", "", "Включите уведомления — узнаете первым о готовности заказа и акциях", "контент", "Mindbox", "запуск после релиза 5.2 приложения"),
                ]),
         ]),
    dict(seg="Активные", size="212 000 чел.", tier="масс", stop="нет",
         who="2+ покупки за последние 90 дней", scen=[
             sc("АК-01", "Дайджест «Здоровая неделя»", "регулярная", "", "каждый четверг", "Повторные покупки",
                "Удержание, трафик в аптеки и на сайт", "Покупка", "CTR ≥ 2%, отписки < 0,3%", "",
                OK, "А. Мухаметова", "08.10.2026", [
                    ("email", "11:00", "", "Сезонные советы провизора, новинки, подборка товаров недели", "контент", "Mindbox", ""),
                ]),
             sc("АК-02", "Брошенная корзина", "триггер", "Брошенная корзина", "", "Повторная покупка",
                "Дожать заказ", "Покупка", "возврат корзин ≥ 9%", "Покупка",
                OK, "Д. Ким", "17.09.2026", [
                    ("push", "через 1 ч", "", "Товары ждут в корзине — забронировать в аптеке рядом с домом?", "сервис", "Mindbox", ""),
                    ("email", "через 1 день", "если не было покупки", "−10% на корзину до конца завтрашнего дня", "промо", "Mindbox", ""),
                ]),
             sc("АК-03", "Бонусы сгорают", "триггер", "Бонусы сгорают через 7 дней", "", "Повторные покупки",
                "Потратить бонусы", "Покупка", "доля списавших ≥ 20%", "Покупка",
                OK, "Е. Соколова", "24.10.2026", [
                    ("SMS", "сразу", "", "Здравица: 450 бонусов сгорят через 7 дней. Баланс в приложении", "сервис", "Mindbox", "SMS через шлюз, подключён в Mindbox"),
                    ("SMS", "через 5 дней", "если не открыл SMS №1", "Завтра сгорят ваши бонусы — подборка, на что потратить: zdr.ru/b", "промо", "Mindbox", ""),
                ]),
         ]),
    dict(seg="Клуб Gold", size="2 300 чел.", tier="VIP", stop="нет",
         who="уровень Gold в ПЛ (от 60 тыс. ₽ покупок за год)", scen=[
             sc("GL-01", "Переход в Gold", "триггер", "Переход в Gold", "", "Лояльность",
                "Активировать привилегии Gold", "Покупка", "покупка в статусе Gold 30 дн ≥ 55%", "Покупка",
                OK, "А. Мухаметова", "30.09.2026", [
                    ("email", "сразу", "", "Вы в клубе Gold: кешбэк 7%, бесплатная доставка, личный провизор", "сервис", "Mindbox", ""),
                    ("звонок", "через 2 дня", "", "Звонок личного провизора: знакомство, запись на бесплатную консультацию", "сервис", "Naumen", "скрипт v2 согласован"),
                ]),
             sc("GL-02", "День рождения Gold", "триггер", "День рождения", "", "Лояльность",
                "Покупка в период подарка", "Покупка", "CR 7 дн ≥ 30%", "Покупка",
                OK, "А. Мухаметова", "30.09.2026", [
                    ("email", "сразу, 09:00", "", "С днём рождения! x3 бонусов на 7 дней", "промо", "Mindbox", ""),
                    ("SMS", "через 3 дня", "если не было покупки", "Напоминаем: x3 бонусов действуют ещё 4 дня", "промо", "Mindbox", ""),
                ]),
         ]),
    dict(seg="Хроники", size="31 500 чел.", tier="масс", stop="нет",
         who="ежемесячно покупают препараты длительного приёма (давление, диабет)", scen=[],
         note="Пока без коммуникаций — ждём заключения юристов (реклама рецептурных запрещена 38-ФЗ). Идея: напоминание о конце курса."),
    dict(seg="Спящие", size="96 400 чел.", tier="масс", stop="нет",
         who="не покупали 90+ дней", scen=[
             sc("СП-01", "Реактивация «Мы скучаем»", "триггер", "Нет покупок 90 дней", "", "Риск оттока",
                "Вернуть в покупки", "Покупка", "реактивация 30 дн ≥ 6%", "Покупка",
                OK, "Е. Соколова", "01.10.2026", [
                    ("email", "сразу", "", "Мы соскучились: −15% на любой заказ 10 дней", "промо", "Mindbox", ""),
                    ("SMS", "через 5 дней", "если не было покупки", "Здравица: −15% ещё 5 дней, промокод ВЕРНИСЬ", "промо", "Mindbox", ""),
                    ("звонок", "через 10 дней", "если не было покупки", "Опрос КЦ: почему перестали заходить, +200 бонусов за ответы", "сервис", "Naumen", "КЦ просит список до 14:00"),
                ]),
             sc("СП-02", "Win-back «Отток»", "триггер", "Нет покупок 150 дней", "", "Отток",
                "Вернуть ушедших", "Покупка", "возврат 60 дн ≥ 3%", "Покупка",
                OK, "", "01.10.2026", [
                    ("email", "сразу", "", "Что нового в Здравице: доставка за 2 часа, запись к врачу в приложении", "контент", "Mindbox", ""),
                    ("push", "через 7 дней", "если не было покупки", "500 бонусов на возвращение — 14 дней", "промо", "Mindbox", ""),
                ]),
             sc("СП-03", "Письмо «Здоровье по сезону»", "регулярная", "", "1 раз в месяц (1-я среда)", "Риск оттока",
                "Напомнить о себе без скидок", "Покупка", "open rate ≥ 15%", "",
                OK, "А. Мухаметова", "08.10.2026", [
                    ("email", "10:00", "", "Сезонная статья: простуда, аллергия, витамины — советы провизора", "контент", "Mindbox", ""),
                ]),
         ]),
    dict(seg="Без согласия на рекламу", size="18 900 чел.", tier="—", stop="ДА",
         who="отозвали согласие на рекламные рассылки — шлём ТОЛЬКО сервисные", scen=[
             sc("СТ-01", "Заказ готов к выдаче", "триггер", "Заказ собран", "", "Повторные покупки",
                "Выкуп заказа", "Заказ выдан", "невыкуп < 5%", "Заказ выдан",
                OK, "Д. Ким", "17.09.2026", [
                    ("SMS", "сразу", "", "Заказ №{n} ждёт вас в аптеке {адрес} до {дата}", "сервис", "Mindbox", "транзакционное, согласие не нужно"),
                ]),
             sc("СТ-02", "Бонусы сгорают (без рекламы)", "триггер", "Бонусы сгорают через 7 дней", "", "Повторные покупки",
                "Потратить бонусы", "Покупка", "доля списавших ≥ 10%", "Покупка",
                OK, "Е. Соколова", "24.10.2026", [
                    ("push", "сразу", "", "Через 7 дней сгорят 450 бонусов. Баланс — в приложении", "сервис", "Mindbox", ""),
                    ("email", "через 3 дня", "", "На что потратить бонусы: подборка товаров со скидкой до −20%", "промо", "Mindbox", "взяли шаблон из АК-03"),
                ]),
         ]),
]

M1_STAGE_HEAD = ["№", "Этап", "Что делает клиент", "Следующий этап", "Финальный?", "Комментарий"]
M1_STAGE_ROWS = [
    (1, "Знакомство", "регистрируется в ПЛ на кассе / ставит приложение", "Первая покупка", "нет", ""),
    (2, "Первая покупка", "первая покупка по карте или интернет-заказ", "Повторные покупки", "нет", ""),
    (3, "Повторные покупки", "2+ покупки, пользуется бонусами", "Лояльность; Риск оттока", "нет", ""),
    (4, "Лояльность", "уровень Gold, покупает регулярно", "—", "да", ""),
    (5, "Риск оттока", "90+ дней без покупок", "Отток; Повторные покупки", "нет", ""),
    (6, "Отток", "150+ дней без покупок", "", "нет", "куда возвращаем после win-back? обсудить с Катей"),
]

M1_EVENT_HEAD = ["Код", "Событие", "Источник", "Отслеживаем?", "Комментарий"]
M1_EVENT_ROWS = [
    ("EV01", "Регистрация в ПЛ", "Loymax", "да", "анкета на кассе или в приложении"),
    ("EV02", "Установка приложения", "Приложение", "да", "SDK Mindbox"),
    ("EV03", "Покупка", "1С Розница", "да", "чек с картой ПЛ, офлайн + онлайн"),
    ("EV04", "Заказ собран", "OMS", "да", "статус «готов к выдаче»"),
    ("EV05", "Заказ выдан", "OMS", "да", ""),
    ("EV06", "Брошенная корзина", "Сайт", "да", "корзина без заказа 1 ч, сайт + приложение"),
    ("EV07", "Бонусы сгорают через 7 дней", "Loymax", "да", "ежедневная выгрузка"),
    ("EV08", "Переход в Gold", "Loymax", "да", ""),
    ("EV09", "День рождения", "Loymax", "да", "дата из анкеты ПЛ"),
    ("EV10", "Нет покупок 90 дней", "Mindbox", "да", "расчётный сегмент, пересчёт ночью"),
    ("EV11", "Нет покупок 150 дней", "Mindbox", "да", "расчётный сегмент"),
]

M1_SYS_HEAD = ["Система", "Роль", "Каналы", "Получает данные из", "Передаёт данные в", "Контакт"]
M1_SYS_ROWS = [
    ("Mindbox", "CDP + рассылки, оркестрация цепочек", "email, push, SMS",
     "1С Розница, Loymax, OMS, Сайт, Приложение, Naumen", "Naumen", "Е. Соколова"),
    ("Naumen", "колл-центр (исходящие обзвоны)", "звонок", "Mindbox, 1С Розница", "Mindbox", "рук. КЦ О. Лаптева"),
    ("1С Розница", "кассы аптек, чеки", "—", "", "Mindbox, Loymax, Naumen", "ИТ"),
    ("Loymax", "программа лояльности", "—", "1С Розница", "Mindbox", "ИТ"),
    ("OMS", "интернет-заказы, статусы", "—", "Сайт, Приложение", "Mindbox", "e-com"),
    ("Сайт", "zdravitsa.ru", "—", "", "Mindbox, OMS", "e-com"),
    ("Приложение", "iOS / Android", "—", "Mindbox", "Mindbox, OMS", "e-com"),
]


def build_map1():
    M1_DIR.mkdir(parents=True)
    wb = Workbook()
    ws = wb.active
    ws.title = M1_MAIN
    bold = Font(bold=True)
    title_fill = PatternFill("solid", fgColor="D9EAD3")
    stop_fill = PatternFill("solid", fgColor="F4CCCC")
    head_fill = PatternFill("solid", fgColor="EFEFEF")
    thin = Side(style="thin", color="999999")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    ncol = len(M1_HEAD)

    ws["A1"] = "CRM-карта коммуникаций сети аптек «Здравица» (копия из Google Doc «CRM-карта 2026», раздел 3 «Сегменты и цепочки»)"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Владелец карты: Е. Соколова (CRM-лид)"
    ws["A3"] = "Дата актуализации: 02.10.2026"
    ws["A4"] = "Статусы: 🟢 работает · 🟡 в плане · ⏸ пауза.   Тип сообщ.: промо / сервис / контент.   Каналы и системы — см. лист «Системы»"
    ws["A4"].font = Font(italic=True, color="666666")

    rows = {}  # (code, step) -> excel row ; (code, 0) -> first row ; ("seg", name) -> title row
    r = 6
    for b in M1_BLOCKS:
        title = (f"Сегмент: {b['seg']} | Размер: {b['size']} | Уровень: {b['tier']} | "
                 f"Стоп-лист: {b['stop']} | Кто это: {b['who']}")
        ws.cell(r, 1, title).font = Font(bold=True, size=12)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncol)
        ws.cell(r, 1).fill = stop_fill if b["stop"] == "ДА" else title_fill
        rows[("seg", b["seg"])] = r
        r += 1
        if not b["scen"]:
            ws.cell(r, 1, b["note"]).font = Font(italic=True)
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncol)
            r += 3
            continue
        for c, h in enumerate(M1_HEAD, 1):
            cell = ws.cell(r, c, h)
            cell.font = bold
            cell.fill = head_fill
            cell.border = box
            cell.alignment = wrap
        r += 1
        for s in b["scen"]:
            first = r
            rows[(s["code"], 0)] = r
            scen_vals = [s["code"], s["name"], s["kind"], s["trig"], s["period"], s["stage"], s["goal"],
                         s["gev"], s["kpi"], s["stop"]]
            for i, st in enumerate(s["steps"], 1):
                ch, when, cond, msg, mtype, system, comment = st
                vals = [None] * ncol
                if i == 1:
                    vals[0:10] = scen_vals
                    vals[17], vals[18], vals[19] = s["status"], s["owner"], s["upd"]
                vals[10:17] = [i, ch, when, cond, msg, mtype, system]
                vals[20] = comment
                for c, v in enumerate(vals, 1):
                    cell = ws.cell(r, c, v if v != "" else None)
                    cell.border = box
                    cell.alignment = wrap
                rows[(s["code"], i)] = r
                r += 1
            last = r - 1
            if last > first:
                for c in M1_SCEN_COLS:
                    ws.merge_cells(start_row=first, start_column=c + 1, end_row=last, end_column=c + 1)
        r += 2  # blank rows between blocks
    widths = [8, 24, 10, 20, 16, 16, 22, 14, 22, 18, 6, 8, 12, 20, 46, 9, 10, 12, 13, 11, 24]
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w

    def simple_sheet(name, head, data):
        sh = wb.create_sheet(name)
        for c, h in enumerate(head, 1):
            sh.cell(1, c, h).font = bold
            sh.cell(1, c).fill = head_fill
        for i, row in enumerate(data, 2):
            for c, v in enumerate(row, 1):
                sh.cell(i, c, v if v != "" else None)
        for c in range(1, len(head) + 1):
            sh.column_dimensions[get_column_letter(c)].width = 24
        return sh

    simple_sheet(M1_STAGES, M1_STAGE_HEAD, M1_STAGE_ROWS)
    simple_sheet(M1_EVENTS, M1_EVENT_HEAD, M1_EVENT_ROWS)
    simple_sheet(M1_SYSTEMS, M1_SYS_HEAD, M1_SYS_ROWS)
    wb.save(M1_DIR / M1_FILE)

    R = lambda code, step=0: rows[(code, step)]
    stage_row = {name: i for i, (_, name, *_rest) in enumerate(M1_STAGE_ROWS, 2)}
    S = M1_MAIN
    defects = [
        ("MAP001", "Повторная покупка",
         f"«{S}», row {R('АК-02')}, column «Этап CJM» of АК-02 says «Повторная покупка»; the sheet «{M1_STAGES}» "
         f"defines only «Повторные покупки» (row {stage_row['Повторные покупки']}). The stage is still served by "
         f"АК-01/АК-03/СТ-01/СТ-02, so only the reference is broken."),
        ("TRK001", "Оценка заказа",
         f"«{S}», row {R('НВ-02')}, column «Стоп (выход из цепочки)» of НВ-02 lists «Покупка; Оценка заказа»; "
         f"the sheet «{M1_EVENTS}» has no event «Оценка заказа» (EV01–EV11)."),
        ("COV001", "Хроники",
         f"«{S}», row {rows[('seg', 'Хроники')]}: the block «Сегмент: Хроники | Размер: 31 500 | … | Стоп-лист: нет» "
         f"has no scenario table at all (only a note that communications wait for lawyers); no other block "
         f"targets Хроники, and it is not a stop list."),
        ("COV003", "СТ-02",
         f"«{S}», block «Сегмент: Без согласия на рекламу … Стоп-лист: ДА» (row {rows[('seg', 'Без согласия на рекламу')]}): "
         f"СТ-02 step 2 (row {R('СТ-02', 2)}) is an email with «Тип сообщ.» = промо "
         f"(«подборка товаров со скидкой до −20%») sent to that excluded segment."),
        ("FLOW001", "Отток",
         f"«{M1_STAGES}», row {stage_row['Отток']}: stage «Отток» has «Следующий этап» empty and «Финальный?» = нет "
         f"(the comment even says where to return is undecided). It is reachable (Риск оттока → Отток) and served by СП-02."),
        ("INT003", "АК-03",
         f"«{S}», row {R('АК-03', 2)}: АК-03 step 2 (SMS) has «Условие отправки» = «если не открыл SMS №1»; step 1 "
         f"(row {R('АК-03', 1)}) is an SMS, and SMS never reports opens."),
        ("COST002", "СП-01",
         f"«{S}», row {R('СП-01', 3)}: СП-01 step 3 is a «звонок» (Naumen) in the block «Сегмент: Спящие | "
         f"Размер: 96 400 | Уровень: масс» — a mass segment far above 1 000 customers, not VIP/high."),
        ("GOV003", "СП-02",
         f"«{S}», row {R('СП-02')}: СП-02 has «Статус» = {OK} and an empty «Ответств.» cell."),
    ]
    lookalikes = [
        ("COV003", "СТ-01",
         f"СТ-01 (row {R('СТ-01')}) reaches the stop-list segment «Без согласия на рекламу», but its only touch is an SMS "
         f"with «Тип сообщ.» = сервис (order ready for pickup); the rule counts only promo/news/content touches."),
        ("COST002", "GL-01",
         f"GL-01 step 2 (row {R('GL-01', 2)}) is a call to «Клуб Gold», 2 300 customers (above 1 000), but the block "
         f"title says «Уровень: VIP», and VIP/high tiers are exempt."),
        ("INT003", "НВ-01",
         f"НВ-01 step 2 (row {R('НВ-01', 2)}) is conditioned «если не открыл письмо №1» — step 1 is an email "
         f"(row {R('НВ-01', 1)}), which reports opens; same system Mindbox, which orchestrates, so no INT002 either. "
         f"(Email → push is also not COST001.)"),
        ("GOV003", "НВ-03",
         f"НВ-03 (row {R('НВ-03')}) has an empty «Ответств.», but its «Статус» is {PLAN}; the rule only concerns active scenarios."),
    ]
    cols = [
        (S, "Владелец карты", "owner"),
        (S, "Дата актуализации", "last_reviewed"),
        (S, "Сегмент", "segments"),
        (S, "Размер", "size"),
        (S, "Уровень", "tier"),
        (S, "Стоп-лист", "excluded"),
        (S, "Кто это", "ignore"),
    ]
    fields = ["scenario", "scenario_name", "kind", "trigger", "schedule", "stage", "goal", "goal_event", "kpi",
              "stop_event", "step", "channel", "timing", "condition", "message", "message_type", "system",
              "status", "owner", "last_reviewed", "ignore"]
    cols += [(S, h, f) for h, f in zip(M1_HEAD, fields)]
    cols += [(M1_STAGES, h, f) for h, f in zip(M1_STAGE_HEAD, ["id", "stage", "ignore", "next", "final", "ignore"])]
    cols += [(M1_EVENTS, h, f) for h, f in zip(M1_EVENT_HEAD, ["id", "name", "source", "tracked", "ignore"])]
    cols += [(M1_SYSTEMS, h, f) for h, f in zip(M1_SYS_HEAD, ["name", "kind", "channel", "receives", "sends_to", "ignore"])]
    write_answers(M1_DIR / "answers.toml",
                  "Аптеки «Здравица»: карта из Google Doc, блоки сегментов на одном листе",
                  M1_FILE, "ru", defects, lookalikes, cols)
    return len(defects), len(lookalikes), len(cols)


# ============================================================================ MAP 2 (en)
M2_DIR = HERE / "map2_harbourline"
M2_CSV = "Harbourline CRM comms - airtable export"

J_HEAD = ["Journey / Step", "Journey ID", "Type", "Trigger", "Cadence", "Audience", "Lifecycle stage", "Goal",
          "Goal event", "Exit when", "KPI", "Step #", "Channel", "Send after", "Send only if", "Message / content",
          "Msg type", "Sent from", "Owner", "Status", "Last review", "Notes"]
J_FIELDS = ["scenario_name", "scenario", "kind", "trigger", "schedule", "segments", "stage", "goal", "goal_event",
            "stop_event", "kpi", "step", "channel", "timing", "condition", "message", "message_type", "system",
            "owner", "status", "last_reviewed", "ignore"]


def jr(name, jid, typ, trig, cad, aud, stage, goal, gev, exit_, kpi, owner, status, rev, steps, notes=""):
    return dict(name=name, id=jid, typ=typ, trig=trig, cad=cad, aud=aud, stage=stage, goal=goal, gev=gev,
                exit=exit_, kpi=kpi, owner=owner, status=status, rev=rev, steps=steps, notes=notes)


JOURNEYS = [
    jr("Abandoned quote – motor & home", "QTE-01", "Triggered", "Quote abandoned", "", "Quote abandoners", "Quote",
       "Convert saved quotes", "Policy purchased", "Policy purchased", "Quote→buy conversion +3pp",
       "Tom Reilly", "Live", "16/09/2026", [
           ("↳ Saved-quote email", "Email", "1 hour", "", "Subj: Your quote is saved – pick up where you left off (ref, price, resume link)", "Service", "SFMC", ""),
           ("↳ SMS nudge", "SMS", "3 days", "Email 1 not opened", "Harbourline: still thinking it over? Finish your quote today and get £20 off {link}", "Promotional", "SFMC", "fallback only for non-openers"),
       ]),
    jr("Quote expiry reminder", "QTE-02", "Triggered", "Quote expiring", "", "Quote abandoners", "Quote",
       "Convert before the quote expires", "Policy purchased", "Policy purchased", "Conversion of expiring quotes ≥ 6%",
       "Tom Reilly", "Live", "16/09/2026", [
           ("    Expiry SMS", "SMS", "immediately", "", "Your Harbourline quote {ref} expires in 3 days. Prices may change after that.", "Service", "SFMC", ""),
       ]),
    jr("New customer onboarding", "ONB-01", "Triggered", "Policy purchased", "", "New policyholders",
       "Onboarding", "Get new customers onto the app", "App registered", "", "App registration ≥ 45% within 30 days",
       "Aisha Bello", "Live", "21/08/2026", [
           ("↳ Welcome + documents", "Email", "immediately", "", "Welcome to Harbourline – your policy documents (PDF) and what happens next", "Transactional", "SFMC", ""),
           ("↳ App link SMS", "SMS", "2 days", "", "Manage your policy and claims in the MyHarbour app: {link}", "Service", "SFMC", ""),
           ("↳ Get the app email", "Email", "7 days", "", "Get the MyHarbour app – 3 things you can do in it today", "Content", "SFMC", ""),
       ], notes="exit rule to be added in JB v2"),
    jr("Home & Road monthly newsletter", "MID-01", "Scheduled", "", "Monthly, 1st Tuesday",
       "Standard policyholders, Premier (multi-policy)", "Mid-term", "Cross-sell and engagement", "Policy purchased", "",
       "CTR ≥ 2.5%; cross-sell 0.3%", "Aisha Bello", "Live", "19/11/2025", [
           ("    Newsletter", "Email", "10:00", "", "Seasonal driving tips, home maintenance checklist, member offers", "Content", "SFMC", ""),
       ]),
    jr("Missed direct debit", "DD-01", "Triggered", "Direct debit failed", "", "Standard policyholders", "Mid-term",
       "Recover missed payment", "Payment received", "Payment received", "Recovery ≥ 80% within 10 days",
       "Marcus Chen", "Live", "17/10/2026", [
           ("↳ Payment failed SMS", "SMS", "immediately", "", "We couldn't take your payment for policy {no}. Pay or update your details: {link}", "Transactional", "SFMC", "Consumer Duty wording signed off 10/2026"),
           ("↳ Fallback email", "Email", "1 day", "SMS 1 not delivered", "Action needed: your Harbourline payment didn't go through", "Transactional", "SFMC", ""),
           ("↳ Reminder SMS", "SMS", "3 days", "Payment not received", "Reminder: your payment is still outstanding – pay in 2 minutes {link}", "Transactional", "SFMC", ""),
           ("↳ Final SMS", "SMS", "7 days", "Payment not received", "Final reminder: your cover may be cancelled on {date}", "Transactional", "SFMC", ""),
       ]),
    jr("Renewal – standard", "RNW-01", "Triggered", "Renewal due (T-45)", "", "Standard policyholders", "Renewal",
       "Retain at renewal", "Policy renewed", "Policy renewed", "Retention ≥ 82%",
       "Marcus Chen", "Live", "28/09/2026", [
           ("    Renewal pack email", "Email", "immediately", "", "Your renewal documents and price for {policy}", "Transactional", "SFMC", ""),
           ("    App push", "Push", "7 days", "Not renewed", "Renew in the MyHarbour app in 2 taps", "Service", "SFMC", ""),
           ("    Reminder SMS", "SMS", "21 days", "Not renewed", "Your cover ends on {date}. Renew: {link}", "Service", "SFMC", ""),
           ("    Last-call push", "Push", "35 days", "Not renewed", "3 days left to renew – keep your no-claims discount", "Service", "SFMC", ""),
       ]),
    jr("Renewal – Premier (account manager)", "RNW-02", "Triggered", "Renewal due (T-45)", "", "Premier (multi-policy)",
       "Renewal", "Retain Premier customers", "Policy renewed", "Policy renewed", "Premier retention ≥ 90%",
       "Marcus Chen", "Live", "28/09/2026", [
           ("↳ Heads-up SMS", "SMS", "immediately", "", "Your Premier renewal pack is on its way – your account manager will be in touch", "Service", "SFMC", ""),
           ("↳ Account manager call", "Outbound call", "3 days", "SMS 1 not delivered", "Call: review cover, confirm mobile number and contact details", "Service", "Genesys Cloud", "call list loaded by hand from SFMC report"),
       ]),
    jr("Young drivers – safe driving rewards", "YD-01", "Triggered", "Driving score updated", "", "Young drivers (17–24)",
       "Mid-term", "Safer driving and retention", "Policy renewed", "Policy renewed", "Claims frequency −10%; retention +5pp",
       "Aisha Bello", "Live", "14/10/2026", [
           ("    Weekly score push", "Push", "immediately", "", "Your driving score this week: {score}. Stay above 80 for £5/month cashback", "Content", "SFMC", ""),
           ("    Tips email", "Email", "7 days", "", "5 habits of high-scoring drivers", "Content", "SFMC", ""),
       ]),
    jr("Lapsed win-back", "WIN-01", "Triggered", "Policy lapsed", "", "Lapsed customers", "Win-back",
       "Win back lapsed customers", "Policy purchased", "Policy purchased", "Win-back rate ≥ 4%",
       "Tom Reilly", "Live", "22/07/2026", [
           ("↳ Come-back offer", "Email", "30 days", "", "We'd love you back – 15% off a new policy", "Promotional", "SFMC", ""),
           ("↳ What's new", "Email", "60 days", "No policy purchased", "What's new at Harbourline: 24/7 claims line, MyHarbour app", "Content", "SFMC", ""),
       ]),
    jr("Lapse reason survey", "LAP-02", "Triggered", "Policy lapsed", "", "Lapsed customers", "Lapsed",
       "Understand why customers leave", "Survey completed", "Survey completed", "Response rate ≥ 12%",
       "Jo Whitfield (CX)", "Live", "15/06/2026", [
           ("↳ Survey email", "Email", "1 day", "", "Tell us why you left – 2-minute survey", "Content", "SFMC", ""),
           ("↳ WhatsApp survey", "WhatsApp", "3 days", "Email 1 not opened", "Quick one: why did you leave Harbourline? Reply 1–5", "Content", "Twilio", "CX set this up separately from WIN-01"),
       ]),
]

SEG_HEAD = ["Name", "Description", "Est. size", "Value tier", "Marketing suppressed", "Notes"]
SEG_ROWS = [
    ("Quote abandoners", "Started a motor/home quote online or via aggregator, didn't buy", "38400", "Prospect", "", ""),
    ("New policyholders", "First 90 days after first policy", "9350", "Standard", "", ""),
    ("Standard policyholders", "Single-policy customers aged 25+, past onboarding", "142700", "Standard", "", ""),
    ("Premier (multi-policy)", "2+ policies or premium > £1,500; named account manager", "4820", "High", "", ""),
    ("Young drivers (17–24)", "Motor policyholders aged 17–24 with telematics box/app", "11260", "Standard", "", "own journeys, not in Standard"),
    ("Lapsed customers", "Policy lapsed in the last 12 months", "21480", "Standard", "", ""),
    ("Marketing opt-outs", "Withdrew marketing consent (service messages only)", "17930", "Standard", "checked", "synced nightly from preference centre"),
]

STG_HEAD = ["Stage", "Order", "Next stage(s)", "Final stage", "Description"]
STG_ROWS = [
    ("Quote", "1", "Onboarding", "", "Quote started / saved"),
    ("Onboarding", "2", "Mid-term", "", "First 90 days"),
    ("Mid-term", "3", "Renewal,In claim", "", "Between onboarding and renewal"),
    ("In claim", "4", "Mid-term", "", "Open claim (claims comms owned by Claims Ops)"),
    ("Renewal", "5", "Mid-term,Lapsed", "", "T-45 to renewal date"),
    ("Lapsed", "6", "Win-back", "", "Did not renew"),
    ("Win-back", "7", "Onboarding", "", "Re-buy within 12 months"),
]

EVT_HEAD = ["Event", "Fired by", "Tracked", "Notes"]
EVT_ROWS = [
    ("Quote abandoned", "QuoteHub", "checked", "quote saved, no purchase within 1h"),
    ("Quote expiring", "QuoteHub", "checked", "3 days before the 30-day quote validity ends"),
    ("Policy purchased", "PolicyCenter", "checked", ""),
    ("App registered", "MyHarbour app", "checked", ""),
    ("Renewal due (T-45)", "PolicyCenter", "checked", "renewal invite generated"),
    ("Policy renewed", "PolicyCenter", "checked", ""),
    ("Policy lapsed", "PolicyCenter", "checked", ""),
    ("Direct debit failed", "BillingCenter", "checked", "BACS return"),
    ("Payment received", "BillingCenter", "checked", ""),
    ("Driving score updated", "CMT Telematics", "", "feed switched off since 03/2026 – data sharing agreement being renewed"),
    ("Survey completed", "SFMC", "checked", "CloudPages survey"),
]

SYS_HEAD = ["System", "Role", "Channels", "Receives data from", "Sends data to", "Notes"]
SYS_ROWS = [
    ("SFMC", "ESP + Journey Builder (orchestration)", "Email, Push, SMS",
     "QuoteHub, PolicyCenter, BillingCenter, MyHarbour app, CMT Telematics, Twilio", "Twilio", "SMS via MobileConnect"),
    ("Twilio", "WhatsApp Business API", "WhatsApp", "SFMC", "SFMC", "reply webhooks back to SFMC"),
    ("Genesys Cloud", "Outbound dialler (contact centre)", "Outbound call", "PolicyCenter", "PolicyCenter", "call lists from PolicyCenter overnight"),
    ("PolicyCenter", "Policy admin (Guidewire)", "", "QuoteHub, Genesys Cloud", "SFMC, Genesys Cloud", ""),
    ("BillingCenter", "Billing (Guidewire)", "", "PolicyCenter", "SFMC", ""),
    ("QuoteHub", "Web + aggregator quote engine", "", "", "SFMC, PolicyCenter", ""),
    ("MyHarbour app", "Customer app (SFMC SDK)", "", "SFMC", "SFMC", ""),
    ("CMT Telematics", "Telematics scoring", "", "", "SFMC", "integration built; feed currently off"),
]

CH_HEAD = ["Channel", "Cost per message (GBP)", "Sent via", "Reports back", "Opt-in needed"]
CH_ROWS = [
    ("Email", "0.002", "SFMC", "delivered, opened, clicked", "marketing only"),
    ("Push", "0.001", "SFMC", "delivered, opened", "OS permission"),
    ("SMS", "0.035", "SFMC", "delivered", "marketing only"),
    ("WhatsApp", "0.02", "Twilio", "delivered, read, replied", "yes"),
    ("Outbound call", "2.40", "Genesys Cloud", "connected, outcome code", "marketing only"),
]

INFO_HEAD = ["Item", "Value"]
INFO_ROWS = [
    ("Map", "Harbourline Insurance – CRM communication map (motor & home)"),
    ("Maintained in", "Airtable base \"CRM Comms\", exported tab by tab to CSV"),
    ("Map owner", "Priya Natarajan – Head of CRM"),
    ("Last full review", "14/10/2026"),
    ("Next review due", "14/04/2027"),
    ("Contact policy", "Group contact policy v3 (Confluence)"),
]


def write_csv(path, head, rows):
    with open(path, "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(head)
        for row in rows:
            w.writerow(row)


def build_map2():
    d = M2_DIR / M2_CSV
    d.mkdir(parents=True)
    jrows, line = [], {}
    n = 2  # csv line of first data row (header is line 1)
    for j in JOURNEYS:
        parent = [j["name"], j["id"], j["typ"], j["trig"], j["cad"], j["aud"], j["stage"], j["goal"], j["gev"],
                  j["exit"], j["kpi"], "", "", "", "", "", "", "", j["owner"], j["status"], j["rev"], j["notes"]]
        jrows.append(parent)
        line[(j["id"], 0)] = n
        n += 1
        for i, (sname, ch, after, cond, msg, mtype, system, note) in enumerate(j["steps"], 1):
            jrows.append([sname, "", "", "", "", "", "", "", "", "", "", str(i), ch, after, cond, msg, mtype,
                          system, "", "", "", note])
            line[(j["id"], i)] = n
            n += 1
    sheets = {
        "Map info-Grid view": (INFO_HEAD, INFO_ROWS),
        "Journeys-Grid view": (J_HEAD, jrows),
        "Segments-Grid view": (SEG_HEAD, SEG_ROWS),
        "Stages-Grid view": (STG_HEAD, STG_ROWS),
        "Events-Grid view": (EVT_HEAD, EVT_ROWS),
        "Systems-Grid view": (SYS_HEAD, SYS_ROWS),
        "Channels-Grid view": (CH_HEAD, CH_ROWS),
    }
    for name, (head, rows) in sheets.items():
        write_csv(d / f"{name}.csv", head, rows)

    L = lambda jid, step=0: line[(jid, step)]
    J = "Journeys-Grid view.csv"
    defects = [
        ("TRK002", "Driving score updated",
         f"{J} line {L('YD-01')}: YD-01 (Live) is triggered by «Driving score updated»; Events-Grid view.csv marks that "
         f"event with an empty «Tracked» checkbox (feed switched off since 03/2026)."),
        ("COV002", "In claim",
         "Stages-Grid view.csv defines stage «In claim» (order 4, reached from Mid-term); no journey in "
         f"{J} has «Lifecycle stage» = In claim."),
        ("FLOW004", "ONB-01",
         f"{J} line {L('ONB-01')}: ONB-01 has «Goal event» = App registered but «Exit when» is empty; a customer who "
         f"registers the app after the welcome email still gets the app-link SMS (line {L('ONB-01', 2)}) and the "
         f"«Get the app» email (line {L('ONB-01', 3)})."),
        ("FREQ001", "Standard policyholders",
         f"SMS to «Standard policyholders»: DD-01 sends 3 SMS (lines {L('DD-01', 1)}, {L('DD-01', 3)}, {L('DD-01', 4)}) "
         f"and RNW-01 one (line {L('RNW-01', 3)}); both are triggered journeys counted once a week, so 4 SMS/week "
         f"against a cap of 2. Email (≤3), push (2) and total (≤9) stay within caps."),
        ("FREQ002", "Policy lapsed",
         f"WIN-01 (line {L('WIN-01')}) and LAP-02 (line {L('LAP-02')}) are both Live, both «Trigger» = Policy lapsed and "
         f"both «Audience» = Lapsed customers."),
        ("COST001", "DD-01",
         f"DD-01 starts with an SMS (line {L('DD-01', 1)}) and step 2 (line {L('DD-01', 2)}) falls back to Email "
         f"«Send only if» = «SMS 1 not delivered» — SMS first, the cheaper channel as fallback on its feedback."),
        ("INT002", "RNW-02",
         f"RNW-02 step 2 (line {L('RNW-02', 2)}) is an Outbound call sent from Genesys Cloud, conditioned «SMS 1 not "
         f"delivered» on step 1 sent from SFMC (line {L('RNW-02', 1)}). Systems-Grid view.csv: SFMC sends data only to "
         f"Twilio, Twilio only to SFMC, and Genesys Cloud receives only from PolicyCenter — no path carries the SMS "
         f"delivery status from SFMC to Genesys Cloud."),
        ("GOV002", "MID-01",
         f"{J} line {L('MID-01')}: MID-01 «Last review» = 19/11/2025, more than 6 months before 2026-11-29."),
    ]
    lookalikes = [
        ("COST001", "QTE-01",
         f"QTE-01 is a cascade with a feedback fallback (line {L('QTE-01', 2)}: SMS if «Email 1 not opened»), but it "
         f"starts with the cheap channel (Email) and escalates to SMS; the rule is about SMS/call first."),
        ("FREQ002", "Renewal due (T-45)",
         f"RNW-01 and RNW-02 are both Live on «Renewal due (T-45)», but for different audiences (Standard "
         f"policyholders vs Premier (multi-policy)), which are disjoint segments."),
        ("FREQ001", "Quote abandoners",
         f"Quote abandoners get 2 SMS a week at worst (QTE-01 line {L('QTE-01', 2)} and QTE-02 line {L('QTE-02', 1)}) — "
         f"exactly the SMS cap of 2, not above it; email 1, total 3."),
        ("INT002", "LAP-02",
         f"LAP-02 step 2 (line {L('LAP-02', 2)}) is a WhatsApp from Twilio conditioned on «Email 1 not opened» from "
         f"SFMC, but Systems-Grid view.csv says SFMC sends data to Twilio, so the feedback has an integration path "
         f"(and email reports opens, so no INT003)."),
    ]
    cols = [("Map info-Grid view", "Map", "ignore"), ("Map info-Grid view", "Maintained in", "ignore"),
            ("Map info-Grid view", "Map owner", "owner"), ("Map info-Grid view", "Last full review", "last_reviewed"),
            ("Map info-Grid view", "Next review due", "ignore"), ("Map info-Grid view", "Contact policy", "ignore")]
    cols += [("Journeys-Grid view", h, f) for h, f in zip(J_HEAD, J_FIELDS)]
    cols += [("Segments-Grid view", h, f) for h, f in zip(SEG_HEAD, ["name", "ignore", "size", "tier", "excluded", "ignore"])]
    cols += [("Stages-Grid view", h, f) for h, f in zip(STG_HEAD, ["stage", "id", "next", "final", "ignore"])]
    cols += [("Events-Grid view", h, f) for h, f in zip(EVT_HEAD, ["name", "source", "tracked", "ignore"])]
    cols += [("Systems-Grid view", h, f) for h, f in zip(SYS_HEAD, ["name", "kind", "channel", "receives", "sends_to", "ignore"])]
    cols += [("Channels-Grid view", h, f) for h, f in zip(CH_HEAD, ["channel", "ignore", "system", "ignore", "ignore"])]
    write_answers(M2_DIR / "answers.toml",
                  "Harbourline Insurance: Airtable export, one CSV per tab, hierarchical journeys",
                  M2_CSV, "en", defects, lookalikes, cols)
    return len(defects), len(lookalikes), len(cols)


if __name__ == "__main__":
    for d in (M1_DIR, M2_DIR):
        if d.exists():
            shutil.rmtree(d)
    print("map1:", build_map1())
    print("map2:", build_map2())
