"""Build corpus26: two client communication maps with planted defects and answer keys.

map 1 (ru): insurer's «регламент коммуникаций» pasted from Word into one Excel sheet,
            scenario = block of rows in column A, plus reference sheets.
map 2 (en): omnichannel retailer, one swimlane sheet per journey (rows = lanes,
            columns = moments), plus reference sheets.

Run:  /work/main/.venv/bin/python tests/corpus26/build.py
"""
from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

HERE = Path(__file__).resolve().parent
TODAY = "2026-11-29"

BOLD = Font(bold=True)
THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")


def fill(hex_):
    return PatternFill("solid", start_color=hex_, end_color=hex_)


def toml_str(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def write_answers(path: Path, title, mapname, lang, defects, lookalikes, columns):
    out = [f"title = {toml_str(title)}", f"map = {toml_str(mapname)}",
           f"lang = {toml_str(lang)}", f"today = {toml_str(TODAY)}", ""]
    for tbl, rows in (("defect", defects), ("lookalike", lookalikes)):
        for code, match, why in rows:
            out += [f"[[{tbl}]]", f"code = {toml_str(code)}", f"match = {toml_str(match)}",
                    f"why = {toml_str(why)}", ""]
    for sheet, header, field in columns:
        out += ["[[column]]", f"sheet = {toml_str(sheet)}", f"header = {toml_str(header)}",
                f"field = {toml_str(field)}", ""]
    path.write_text("\n".join(out), encoding="utf-8")


def table_sheet(wb, title, headers, rows, widths, header_fill="D9E1F2", numfmt=None):
    ws = wb.create_sheet(title)
    ws.append(headers)
    for c in range(1, len(headers) + 1):
        cell = ws.cell(row=1, column=c)
        cell.font = BOLD
        cell.fill = fill(header_fill)
        cell.border = BOX
        cell.alignment = WRAP
    for r in rows:
        ws.append(list(r))
    for row in ws.iter_rows(min_row=2, max_row=ws.max_row):
        for cell in row:
            cell.border = BOX
            cell.alignment = WRAP
            if numfmt and cell.column in numfmt and isinstance(cell.value, int):
                cell.number_format = numfmt[cell.column]
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = "A2"
    return ws


# =====================================================================================
# MAP 1 — страховая компания, регламент коммуникаций
# =====================================================================================
M1_DIR = HERE / "insurer_reglament"
M1_FILE = "reglament_kommunikaciy_v4.2.xlsx"

# (name, who, size, tier, parent, stop, comment)
SEG1 = [
    ("Действующие клиенты", "Физлица с хотя бы одним действующим полисом", 611800, "стандарт", None, None, "Родительский сегмент"),
    ("Потенциальные клиенты", "Делали расчет на сайте/в приложении, полиса нет", 64300, "стандарт", None, None, "Лиды, хранятся 90 дней"),
    ("Новые клиенты", "Первый полис оформлен не более 60 дней назад", 18400, "стандарт", "Действующие клиенты", None, None),
    ("Владельцы ОСАГО", "Действующий полис ОСАГО", 412000, "стандарт", "Действующие клиенты", None, None),
    ("Владельцы КАСКО", "Действующий полис КАСКО (вкл. мини-КАСКО)", 96500, "высокая", "Действующие клиенты", None, None),
    ("Владельцы полисов имущества", "Квартира, дом, дача", 73100, "стандарт", "Действующие клиенты", None, None),
    ("Ипотечные заемщики", "Комплексное ипотечное страхование", 58200, "стандарт", "Действующие клиенты", None, "Полис требуется банку ежегодно"),
    ("VIP-клиенты", "Премия по всем полисам > 300 тыс. руб./год", 860, "VIP", "Действующие клиенты", None, "Закреплен персональный менеджер"),
    ("Ушедшие клиенты", "Полис не продлен, прошло до 12 мес.", 131000, "низкая", None, None, None),
    ("Отказ от рассылок", "Отозвали согласие на рекламные и информационные рассылки", 22700, "стандарт", None, "да", "Только сервисные сообщения (п. 1.3)"),
    ("Сотрудники и агенты", "Штатные сотрудники, агенты, тестовые контакты", 3150, "—", None, "да", "Не коммуницируем"),
]

# (n, name, next, final, comment)
STG1 = [
    (1, "Интерес", "Покупка", "нет", "Расчет стоимости на сайте или в приложении"),
    (2, "Покупка", "Действие полиса", "нет", "Оплата первого полиса"),
    (3, "Действие полиса", "Страховой случай; Кросс-продажа; Продление", "нет", None),
    (4, "Страховой случай", None, "нет", "Заявление, урегулирование, выплата"),
    (5, "Кросс-продажа", "Действие полиса", "нет", "Второй продукт (имущество к ОСАГО и т.п.)"),
    (6, "Продление", "Действие полиса; Отток", "нет", "За 30 дней до окончания полиса"),
    (7, "Отток", "Покупка; Клиент потерян", "нет", "Полис истек и не продлен"),
    (8, "Клиент потерян", None, "да", None),
]

# (code, name, source, tracked, comment)
EVT1 = [
    ("E01", "Расчет на сайте без оформления", "Сайт (ЛК)", "да", "Через 30 мин после расчета без перехода к оплате"),
    ("E02", "Оплата полиса", "АИС Полис", "да", None),
    ("E03", "Вход в мобильное приложение", "Мобильное приложение", "да", "Первый вход после установки"),
    ("E04", "До окончания полиса 30 дней", "АИС Полис", "да", "Ежедневная выгрузка в 06:00"),
    ("E05", "Продление оформлено", "АИС Полис", "да", None),
    ("E06", "Заявление о страховом случае", "АИС Полис", "да", "Принято через ЛК или колл-центр"),
    ("E07", "Выплата произведена", "АИС Полис", "да", None),
    ("E08", "Полис истек, не продлен", "АИС Полис", "да", None),
    ("E09", "90 дней без действующего полиса", "Mindbox", "да", "Вычисляемое событие"),
    ("E10", "Ответ на опрос получен", "Mindbox", "да", None),
    ("E11", "Полгода с начала действия полиса", "АИС Полис", "да", None),
    ("E12", "Данные профиля подтверждены", "Сайт (ЛК)", "да", None),
    ("E13", "Отписка от рассылок", "Mindbox", "да", None),
    ("E14", "Незавершенное оформление в приложении", "Мобильное приложение", "нет", "Событие в разработке у команды приложения, релиз — I кв. 2027"),
]

# (name, role, channels, receives, sends, admin)
SYS1 = [
    ("Mindbox", "CDP, рассылки email/SMS/push, оркестрация цепочек", "email, SMS, push",
     "АИС Полис, Сайт (ЛК), Мобильное приложение, Naumen", "Naumen", "Отдел CRM (А. Ткачук)"),
    ("АИС Полис", "Учетная система: договоры, платежи, убытки", None, "Сайт (ЛК)", "Mindbox, Naumen", "ДИТ"),
    ("Сайт (ЛК)", "Сайт и личный кабинет клиента", None, None, "Mindbox, АИС Полис", "Digital"),
    ("Мобильное приложение", "Приложение «Северный щит» iOS/Android", None, None, "Mindbox", "Digital"),
    ("Naumen", "Контакт-центр, исходящие звонки", "звонок", "Mindbox, АИС Полис", "Mindbox", "Контакт-центр"),
]

# touches: (bullet, timing, condition, channel, text, type)
# channel "звонок" → text is a description, not a quoted subject
SCN1 = [
    dict(n=1, name="Брошенный расчет на сайте", trigger="Расчет на сайте без оформления", kind="триггерный",
         status="действует", stage="Интерес", to=["Потенциальные клиенты"],
         goal="довести расчет до оплаты полиса", goal_event="Оплата полиса", kpi="конверсия расчета в оплату ≥ 7 %",
         stops=["Оплата полиса", "Отписка от рассылок"], owner="О. Белова", reviewed="03.02.2025", note=None,
         touches=[("—", "через 1 час", None, "email", "Ваш расчет сохранен — оформите полис в один клик", "сервисное"),
                  ("—", "через 1 день", "если письмо не открыто", "SMS", "Расчет ОСАГО действует еще 5 дней: sshield.ru/calc", "сервисное"),
                  ("—", "через 3 дня", "если нет события «Оплата полиса»", "email", "Скидка 10 % на первый полис до конца недели", "промо")]),
    dict(n=2, name="Приветственная цепочка", trigger="Оплата полиса", kind="триггерный",
         status="действует", stage="Покупка", to=["Новые клиенты"],
         goal="активировать личный кабинет и приложение", goal_event="Вход в мобильное приложение",
         kpi="доля новых клиентов с входом в приложение ≥ 35 %",
         stops=["Вход в мобильное приложение", "Отписка от рассылок"], owner="О. Белова", reviewed="21.08.2026", note=None,
         touches=[("—", "сразу после оплаты", None, "email", "Ваш полис и памятка клиента", "сервисное"),
                  ("—", "через 2 дня", "если нет события «Вход в мобильное приложение»", "SMS", "Скачайте приложение «Северный щит» — полис всегда под рукой", "сервисное"),
                  ("—", "через 7 дней", None, "email", "Что делать при ДТП или заливе: пошаговая памятка", "контент")]),
    dict(n=3, name="Пролонгация ОСАГО", trigger="До окончания полиса 30 дней", kind="триггерный",
         status="действует", stage="Продление", to=["Владельцы ОСАГО"],
         goal="продление полиса ОСАГО до даты окончания", goal_event="Продление оформлено",
         kpi="доля пролонгации ОСАГО ≥ 62 %",
         stops=["Отписка от рассылок"], owner="Д. Миронов", reviewed="14.09.2026", note=None,
         touches=[("—", "за 30 дней до окончания полиса", None, "email", "Ваш полис ОСАГО заканчивается — продлите онлайн за 5 минут", "сервисное"),
                  ("—", "за 7 дней до окончания полиса", None, "push", "Продлите ОСАГО в приложении, данные уже заполнены", "сервисное"),
                  ("—", "за 1 день до окончания полиса", None, "SMS", "Завтра заканчивается ваш полис ОСАГО. Продлить: sshield.ru/osago", "сервисное")]),
    dict(n=4, name="Пролонгация КАСКО", trigger="До окончания полиса 30 дней", kind="триггерный",
         status="действует", stage="Продление", to=["Владельцы КАКСО"],
         goal="продление КАСКО без потери клиента на пересчете", goal_event="Продление оформлено",
         kpi="доля пролонгации КАСКО ≥ 70 %",
         stops=["Продление оформлено", "Отписка от рассылок"], owner="Д. Миронов", reviewed="14.09.2026", note=None,
         touches=[("—", "за 30 дней до окончания полиса", None, "email", "Условия продления КАСКО на следующий год", "сервисное"),
                  ("—", "за 14 дней до окончания полиса", "если письмо не открыто", "SMS", "Ваше КАСКО заканчивается через 2 недели, условия продления — в ЛК", "сервисное"),
                  ("—", "за 5 дней до окончания полиса", None, "push", "Продлите КАСКО в приложении — без осмотра автомобиля", "сервисное")]),
    dict(n=5, name="Брошенная заявка в приложении", trigger="Незавершенное оформление в приложении", kind="триггерный",
         status="действует", stage="Интерес", to=["Потенциальные клиенты"],
         goal="вернуть к оформлению полиса в приложении", goal_event="Оплата полиса",
         kpi="доля завершенных заявок ≥ 15 %",
         stops=["Оплата полиса", "Отписка от рассылок"], owner="К. Яковлева", reviewed="30.09.2026", note=None,
         touches=[("•", "через 30 минут", None, "push", "Вы не закончили оформление полиса — продолжить?", "сервисное"),
                  ("•", "через 1 день", "если нет события «Оплата полиса»", "email", "Ваш черновик полиса сохранен", "сервисное")]),
    dict(n=6, name="Продление VIP через персонального менеджера", trigger="До окончания полиса 30 дней", kind="триггерный",
         status="действует", stage="Продление", to=["VIP-клиенты"],
         goal="сохранить VIP-клиента и все его полисы", goal_event="Продление оформлено",
         kpi="удержание VIP ≥ 90 %",
         stops=["Продление оформлено", "Отписка от рассылок"], owner="И. Шестаков", reviewed="02.10.2026",
         note="Звонки делает выделенная VIP-группа контакт-центра",
         touches=[("—", "за 30 дней до окончания полиса", None, "email", "Персональные условия продления ваших полисов", "сервисное"),
                  ("—", "за 21 день до окончания полиса", None, "SMS", "Ваш персональный менеджер свяжется с вами по продлению", "сервисное"),
                  ("—", "за 18 дней до окончания полиса", "если SMS не открыто", "звонок", "персональный менеджер звонит, согласует условия и дату продления", "сервисное")]),
    dict(n=7, name="Сопровождение страхового случая", trigger="Заявление о страховом случае", kind="триггерный",
         status="действует", stage="Страховой случай",
         to=["Владельцы ОСАГО", "Владельцы КАСКО", "Владельцы полисов имущества", "Отказ от рассылок"],
         goal="информировать о ходе урегулирования, снизить нагрузку на КЦ", goal_event="Выплата произведена",
         kpi="доля звонков в КЦ по статусу дела ≤ 20 %",
         stops=["Выплата произведена"], owner="Н. Рахимова", reviewed="11.07.2026",
         note="Сообщения сервисные, направляются в т.ч. клиентам с отказом от рассылок (п. 1.3)",
         touches=[("—", "сразу после регистрации заявления", None, "SMS", "Заявление принято, номер дела и ссылка на статус в ЛК", "сервисное"),
                  ("—", "через 1 день", None, "email", "Какие документы нужны и в какие сроки", "сервисное"),
                  ("—", "через 10 дней", None, "push", "Статус вашего дела обновлен", "сервисное")]),
    dict(n=8, name="Пролонгация ипотечного полиса", trigger="До окончания полиса 30 дней", kind="триггерный",
         status="действует", stage="Продление", to=["Ипотечные заемщики"],
         goal="продление полиса до срока, установленного банком", goal_event="Продление оформлено",
         kpi="доля пролонгации ипотечных полисов ≥ 75 %",
         stops=["Продление оформлено", "Отписка от рассылок"], owner="Д. Миронов", reviewed="14.09.2026", note=None,
         touches=[("-", "за 30 дней до окончания полиса", None, "SMS", "Пора продлить полис для банка, это можно сделать онлайн", "сервисное"),
                  ("-", "на следующий день", "если SMS не доставлено", "email", "Продление ипотечного полиса: что понадобится для банка", "сервисное")]),
    dict(n=9, name="Возврат ушедших клиентов", trigger="Полис истек, не продлен", kind="триггерный",
         status="действует", stage="Отток", to=["Ушедшие клиенты"],
         goal="вернуть клиента, оформить новый полис", goal_event="Оплата полиса",
         kpi="возврат ≥ 5 % за 60 дней",
         stops=["Оплата полиса", "Отписка от рассылок"], owner="", reviewed="19.08.2026", note=None,
         touches=[("—", "через 3 дня после окончания полиса", None, "email", "Что нового в «Северном щите» за год", "контент"),
                  ("—", "через 10 дней", "если нет события «Оплата полиса»", "email", "Скидка 15 % на новый полис по промокоду ВОЗВРАТ15", "промо"),
                  ("—", "через 14 дней", "если письмо не открыто", "SMS", "Промокод ВОЗВРАТ15: −15 % на полис до конца месяца", "промо")]),
    dict(n=10, name="Опрос ушедших клиентов", trigger="90 дней без действующего полиса", kind="триггерный",
         status="действует", stage="Клиент потерян", to=["Ушедшие клиенты"],
         goal="узнать причины ухода", goal_event="Ответ на опрос получен", kpi="доля ответов ≥ 8 %",
         stops=["Ответ на опрос получен", "Отписка от рассылок"], owner="О. Белова", reviewed="19.08.2026", note=None,
         touches=[("—", "в день наступления события", None, "email", "Почему вы от нас ушли? 3 вопроса, 1 минута", "сервисное"),
                  ("—", "через 5 дней", "если письмо не открыто", "push", "Расскажите, что нам улучшить — 1 минута", "сервисное")]),
    dict(n=11, name="Проверка данных через полгода", trigger="Полгода с начала действия полиса", kind="триггерный",
         status="действует", stage="Действие полиса", to=["Действующие клиенты"],
         goal="актуальные контакты клиента к моменту продления/убытка", goal_event="Данные профиля подтверждены",
         kpi="доля подтвердивших данные ≥ 25 %",
         stops=["Данные профиля подтверждены", "Отписка от рассылок"], owner="К. Яковлева", reviewed="02.10.2026", note=None,
         touches=[("—", "в день наступления события", None, "email", "Проверьте ваши данные: телефон, email, адрес", "сервисное"),
                  ("—", "через 5 дней", "если письмо не открыто", "push", "Подтвердите контакты в приложении — это 30 секунд", "сервисное")]),
]


def touch_line(t):
    bullet, timing, cond, ch, text, typ = t
    head = f"{bullet} {timing}" + (f", {cond}" if cond else "")
    if ch == "звонок":
        return f"{head}: звонок — {text} ({typ})"
    return f"{head}: {ch} «{text}» ({typ})"


def check_map1():
    segs = {s[0] for s in SEG1}
    stages = {s[1] for s in STG1}
    events = {e[1] for e in EVT1}
    systems = {s[0] for s in SYS1}
    planted_unknown = {"Владельцы КАКСО"}
    for s in SCN1:
        for seg in s["to"]:
            assert seg in segs or seg in planted_unknown, seg
        assert s["stage"] in stages, s["stage"]
        for ev in [s["trigger"], s["goal_event"], *s["stops"]]:
            assert ev in events, ev
    for st in STG1:
        for nx in (st[2] or "").split(";"):
            assert not nx.strip() or nx.strip() in stages, nx
    for e in EVT1:
        assert e[2] in systems, e[2]
    for s in SYS1:
        for x in ((s[3] or "") + "," + (s[4] or "")).split(","):
            assert not x.strip() or x.strip() in systems, x
    for s in SEG1:
        assert s[4] is None or s[4] in segs


def build_map1():
    check_map1()
    M1_DIR.mkdir(parents=True)
    wb = Workbook()
    ws = wb.active
    ws.title = "Регламент"
    ws.column_dimensions["A"].width = 150
    for c in "BCDEFGH":
        ws.column_dimensions[c].width = 4
    r = 1

    def put(text, bold=False, size=None, merge=False, bg=None, italic=False):
        nonlocal r
        cell = ws.cell(row=r, column=1, value=text)
        if bold or size or italic:
            cell.font = Font(bold=bold, size=size or 11, italic=italic)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if bg:
            cell.fill = fill(bg)
        if merge:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=8)
        r += 1

    put("АО «Страховая компания «Северный щит»", bold=True, size=12, merge=True)
    put("РЕГЛАМЕНТ КОММУНИКАЦИЙ С КЛИЕНТАМИ — ФИЗИЧЕСКИМИ ЛИЦАМИ (CRM-маркетинг)", bold=True, size=14, merge=True)
    put("Версия: 4.2")
    put("Дата актуализации: 06.10.2026")
    put("Подразделение: Управление клиентского опыта и CRM")
    put(None)
    put("1. Общие положения", bold=True, size=12)
    put("1.1. Регламент описывает автоматические коммуникации СК с клиентами-физлицами по каналам email, SMS, "
        "push (мобильное приложение «Северный щит») и исходящие звонки контакт-центра.", merge=True)
    put("1.2. Частотные ограничения на одного клиента в неделю: email — не более 3, SMS — не более 2, "
        "push — не более 5, звонки — не более 1.", merge=True)
    put("1.3. Клиенты из сегмента «Отказ от рассылок» получают только сервисные сообщения (урегулирование убытков, "
        "изменения по договору). Рекламные и информационные рассылки им не направляются.", merge=True)
    put("1.4. Справочники сегментов, этапов, событий и систем приведены на отдельных листах книги. "
        "Названия в сценариях указываются так же, как в справочниках.", merge=True)
    put("1.5. Тип каждого касания указывается в скобках: сервисное, контент, промо.", merge=True)
    put(None)
    put("2. Сценарии коммуникаций", bold=True, size=12)
    put(None)

    for s in SCN1:
        put(f"Сценарий {s['n']}. {s['name']}", bold=True, size=12, merge=True, bg="D9E1F2")
        put(f"Повод: {s['trigger']}")
        put(f"Тип: {s['kind']}")
        put(f"Статус: {s['status']}")
        put(f"Этап пути клиента: {s['stage']}")
        put(f"Кому: {', '.join(s['to'])}")
        put(f"Цель: {s['goal']}")
        put(f"Целевое действие: {s['goal_event']}")
        put(f"KPI: {s['kpi']}")
        put(f"Когда прекращаем: {'; '.join(s['stops'])}")
        put(f"Ответственный: {s['owner']}".rstrip() if s["owner"] else "Ответственный:")
        put(f"Актуализировано: {s['reviewed']}")
        if s["note"]:
            put(f"Примечание: {s['note']}", italic=True)
        put("Касания:", bold=True)
        for t in s["touches"]:
            put(touch_line(t), merge=True)
        put(None)
    put("3. Справочники — см. листы «Сегменты», «Этапы», «События», «Системы».", italic=True)

    table_sheet(wb, "Сегменты",
                ["Сегмент", "Кто входит", "Кол-во клиентов", "Ценность", "Входит в", "Стоп-лист", "Комментарий"],
                SEG1, [30, 48, 16, 12, 22, 11, 36], numfmt={3: "#,##0"})
    table_sheet(wb, "Этапы", ["№", "Этап пути клиента", "Куда дальше", "Конечный этап", "Комментарий"],
                STG1, [5, 24, 44, 14, 44])
    table_sheet(wb, "События", ["Код", "Событие", "Источник", "Отслеживается", "Комментарий"],
                EVT1, [7, 40, 22, 15, 50])
    table_sheet(wb, "Системы", ["Система", "Назначение", "Каналы", "Получает данные из", "Передает данные в", "Администратор"],
                SYS1, [22, 44, 18, 44, 24, 24])
    table_sheet(wb, "Лист изменений", ["Версия", "Дата", "Что изменено", "Автор"],
                [("4.0", "12.01.2026", "Новая структура регламента, перенос из Word", "О. Белова"),
                 ("4.1", "20.05.2026", "Добавлены сценарии 5 и 10", "К. Яковлева"),
                 ("4.2", "06.10.2026", "Добавлены сценарии 6 и 11, обновлены KPI пролонгации", "О. Белова")],
                [8, 12, 60, 16], header_fill="EDEDED")
    wb.save(M1_DIR / M1_FILE)

    defects = [
        ("MAP001", "КАКСО",
         "Регламент, блок «Сценарий 4. Пролонгация КАСКО», строка «Кому: Владельцы КАКСО»: такого сегмента нет на листе "
         "«Сегменты» (там «Владельцы КАСКО» — опечатка с перестановкой букв). «Владельцы КАСКО» при этом охвачен "
         "сценарием 7, так что COV001 здесь не возникает."),
        ("COV002", "Кросс-продажа",
         "Лист «Этапы», этап 5 «Кросс-продажа»: ни в одном блоке сценария нет «Этап пути клиента: Кросс-продажа» "
         "(все 11 сценариев — действующие, запланированных нет)."),
        ("FLOW001", "Страховой случай",
         "Лист «Этапы», этап 4 «Страховой случай»: «Куда дальше» пусто, «Конечный этап» = нет — из этапа нет выхода."),
        ("FLOW004", "Пролонгация ОСАГО",
         "Сценарий 3: «Целевое действие: Продление оформлено», но «Когда прекращаем: Отписка от рассылок» — событие цели "
         "не останавливает цепочку; клиент, продливший полис после письма за 30 дней, все равно получит push за 7 дней "
         "и SMS за 1 день."),
        ("TRK002", "Незавершенное оформление в приложении",
         "Сценарий 5 «Брошенная заявка в приложении» (Статус: действует) запускается по «Повод: Незавершенное оформление "
         "в приложении»; на листе «События» это событие E14 с «Отслеживается» = нет."),
        ("INT003", "Продление VIP",
         "Сценарий 6 «Продление VIP через персонального менеджера», третье касание «за 18 дней…, если SMS не открыто: "
         "звонок»: SMS не сообщает об открытии (только доставка), условие непроверяемо."),
        ("COST001", "ипотечного полиса",
         "Сценарий 8 «Пролонгация ипотечного полиса»: каскад начинается с SMS («за 30 дней…: SMS») и на его обратной связи "
         "(«на следующий день, если SMS не доставлено») переходит на более дешевый email."),
        ("GOV003", "Возврат ушедших клиентов",
         "Сценарий 9 «Возврат ушедших клиентов»: «Статус: действует», строка «Ответственный:» пустая."),
        ("GOV002", "Брошенный расчет на сайте",
         "Сценарий 1 «Брошенный расчет на сайте»: «Актуализировано: 03.02.2025» — больше 6 месяцев до даты аудита "
         "2026-11-29 (регламент в целом актуализирован 06.10.2026)."),
    ]
    lookalikes = [
        ("COST001", "Брошенный расчет на сайте",
         "Сценарий 1: каскад начинается с email («через 1 час: email»), а SMS идет как запасной канал «если письмо не "
         "открыто» — дешевый канал первым, это не COST001."),
        ("COST002", "Продление VIP",
         "Сценарий 6 содержит звонок, но адресован «VIP-клиенты»: на листе «Сегменты» Ценность = VIP и 860 клиентов "
         "(меньше 1 000) — звонок допустим."),
        ("COV003", "Сопровождение страхового случая",
         "Сценарий 7 адресован в т.ч. «Отказ от рассылок» (Стоп-лист = да), но все три касания помечены (сервисное); "
         "правило касается только промо/новостей/контента."),
        ("FLOW001", "Клиент потерян",
         "Лист «Этапы», этап 8 «Клиент потерян»: «Куда дальше» пусто, но «Конечный этап» = да — это финальный этап, не тупик."),
    ]
    cols = [("Регламент", h, f) for h, f in [
        ("Версия", "ignore"), ("Дата актуализации", "last_reviewed"), ("Подразделение", "ignore"),
        ("Сценарий", "scenario"), ("Повод", "trigger"), ("Тип", "kind"), ("Статус", "status"),
        ("Этап пути клиента", "stage"), ("Кому", "segments"), ("Цель", "goal"), ("Целевое действие", "goal_event"),
        ("KPI", "kpi"), ("Когда прекращаем", "stop_event"), ("Ответственный", "owner"),
        ("Актуализировано", "last_reviewed"), ("Примечание", "ignore"), ("Касания", "step")]]
    cols += [("Сегменты", h, f) for h, f in [
        ("Сегмент", "name"), ("Кто входит", "ignore"), ("Кол-во клиентов", "size"), ("Ценность", "tier"),
        ("Входит в", "parent"), ("Стоп-лист", "excluded"), ("Комментарий", "ignore")]]
    cols += [("Этапы", h, f) for h, f in [
        ("№", "id"), ("Этап пути клиента", "stage"), ("Куда дальше", "next"), ("Конечный этап", "final"),
        ("Комментарий", "ignore")]]
    cols += [("События", h, f) for h, f in [
        ("Код", "id"), ("Событие", "name"), ("Источник", "source"), ("Отслеживается", "tracked"),
        ("Комментарий", "ignore")]]
    cols += [("Системы", h, f) for h, f in [
        ("Система", "name"), ("Назначение", "kind"), ("Каналы", "channel"), ("Получает данные из", "receives"),
        ("Передает данные в", "sends_to"), ("Администратор", "ignore")]]
    cols += [("Лист изменений", h, "ignore") for h in ["Версия", "Дата", "Что изменено", "Автор"]]
    write_answers(M1_DIR / "answers.toml",
                  "СК «Северный щит»: регламент коммуникаций, сценарии блоками строк в колонке A",
                  M1_FILE, "ru", defects, lookalikes, cols)
    return len(defects), len(lookalikes), len(cols)


# =====================================================================================
# MAP 2 — Harbour & Pine, swimlane journeys
# =====================================================================================
M2_DIR = HERE / "retail_swimlanes"
M2_FILE = "HP_CRM_journeys_swimlanes_v7.xlsx"

# (segment, definition, customers, tier, suppressed, parent, notes)
SEG2 = [
    ("Prospects", "Newsletter subscribers with no order yet", 210400, "Standard", "No", None, None),
    ("New customers", "1st order in the last 30 days (web or store)", 23900, "Standard", "No", None, None),
    ("Active customers", "Ordered in last 6 months, not in Loyalty", 381000, "Standard", "No", None, None),
    ("Loyalty members", "Signed up to H&P Rewards", 164500, "Mid", "No", None, "LoyaltyLion via Shopify"),
    ("Inner Circle (VIP)", "Top spenders: £1,500+ in 12 months", 780, "VIP", "No", "Loyalty members", "Own stylist in store"),
    ("Back-in-stock requesters", "Asked to be notified when an item is back", 31200, "Standard", "No", None, None),
    ("Lapsed", "No order for 6–12 months", 142300, "Standard", "No", None, None),
    ("Dormant", "No open/click for 12 months+", 96000, "Low", "No", None, "Sunset candidates"),
    ("Trade & designers", "Interior designers / trade account holders", 3900, "High", "No", None, "Trade desk handles quotes"),
    ("Do not contact", "Unsubscribed / GDPR objection / complaint", 18500, "n/a", "Yes", None, "Transactional only"),
    ("Staff & test", "Staff discount accounts, seed lists", 1150, "n/a", "Yes", None, None),
]

# (#, stage, leads to, end stage?, notes)
STG2 = [
    (1, "Subscriber", "First purchase", "No", "Entry point"),
    (2, "First purchase", "Repeat customer", "No", None),
    (3, "Repeat customer", "Loyal, Lapsed", "No", None),
    (4, "Loyal", "Lapsed", "No", None),
    (5, "Lapsed", "Repeat customer, Sunset", "No", None),
    (6, "Sunset", None, "Yes", "We stop mailing after this"),
    (7, "Advocate", "Loyal", "No", "Added Sep-26 for referral programme"),
]

# (event, fired by, live?, notes)
EVT2 = [
    ("Newsletter signup", "Shopify Plus", "Yes", "Footer, checkout, till tablet"),
    ("Product viewed (no add to bag)", "Shopify Plus", "Yes", "Same product 2+ times in 48h"),
    ("Basket abandoned", "Shopify Plus", "Yes", "No checkout 60 min after add to bag"),
    ("Order placed", "Shopify Plus", "Yes", "Online incl. click & collect"),
    ("In-store purchase", "EPOS", "Yes", "Needs customer email at till"),
    ("Order returned", "Shopify Plus", "Yes", None),
    ("Review submitted", "Shopify Plus", "Yes", "Reviews app"),
    ("Item back in stock", "Shopify Plus", "Yes", "Only for customers who asked for alert"),
    ("Item sold out", "Shopify Plus", "Yes", None),
    ("Birthday in 7 days", "Klaviyo", "Yes", "Date property, daily 08:00"),
    ("Birthday reward redeemed", "Shopify Plus", "Yes", "Wallet voucher, web or store"),
    ("Joined Inner Circle", "Shopify Plus", "Yes", "Tier change in LoyaltyLion"),
    ("Styling appointment booked", "Tulip", "Yes", None),
    ("180 days since last order", "Klaviyo", "Yes", None),
    ("No engagement 12 months", "Klaviyo", "Yes", None),
    ("Preferences confirmed", "Klaviyo", "Yes", None),
    ("NPS promoter (9-10)", "Medallia", "Yes", "Post-delivery survey"),
    ("Referral link shared", "Shopify Plus", "Yes", "Referral app"),
    ("Referral redeemed", "Shopify Plus", "Yes", None),
    ("Unsubscribed", "Klaviyo", "Yes", None),
    ("Wishlist added", "Braze", "No", "App SDK event not instrumented yet (Q1-27)"),
]

# (platform, role, sends, feeds into, gets from, notes)
SYS2 = [
    ("Shopify Plus", "E-commerce, website, loyalty & reviews apps", None, "Klaviyo, Braze, Tulip, Snowflake", None, None),
    ("EPOS", "Store tills (Oracle Xstore), 48 stores", None, "Klaviyo, Braze, Tulip, Snowflake", None, None),
    ("Klaviyo", "ESP & flow builder (orchestrates email + SMS)", "Email, SMS", "Braze, Snowflake",
     "Shopify Plus, EPOS, Braze, Tulip", "Open/click sync to Braze via webhook"),
    ("Braze", "App messaging", "Push, In-app", "Klaviyo, Snowflake", "Shopify Plus, EPOS, Klaviyo", None),
    ("Tulip", "Clienteling app for store stylists", "Store staff", "Klaviyo", "Shopify Plus, EPOS",
     "Call lists generated nightly"),
    ("Medallia", "NPS & surveys", None, "Snowflake", None, None),
    ("Snowflake", "Data warehouse / reporting", None, None, "Shopify Plus, EPOS, Klaviyo, Braze, Medallia", "Reporting only"),
]

# (channel, type, sent from, notes)
CHN2 = [
    ("Email", "email", "Klaviyo", None),
    ("SMS", "sms", "Klaviyo", "UK numbers only"),
    ("Push", "push", "Braze", "App users with push opt-in"),
    ("In-app", "in-app", "Braze", "Inbox card / banner on next open"),
    ("Store staff", "call", "Tulip", "Phone call by store stylist / colleague"),
]

LANES = ["👤 Customer action", "📧 Email", "📱 Push", "💬 SMS", "🔔 In-app", "🏬 Store staff"]
LANE_KEY = {"cust": 0, "email": 1, "push": 2, "sms": 3, "inapp": 4, "staff": 5}

JOURNEYS = [
    dict(sheet="J01 Welcome", jid="J01 Welcome v2", trigger="Newsletter signup", audience="Prospects",
         stage="Subscriber", goal="First order within 14 days", success="Order placed",
         exit="Order placed, In-store purchase, Unsubscribed", kpi="1st order within 14 days ≥ 6%",
         owner="Priya Nair", status="Live", updated=dt.date(2026, 9, 2),
         moments=["At signup", "+2 days", "+4 days", "+6 days"],
         cells={"cust": ["Signs up (web footer, checkout or till tablet)", None, None, None],
                "email": ["[promo] 'Welcome to Harbour & Pine' + 10% first-order code WELCOME10",
                          "[content] 'How we make our linen' – brand story", None,
                          "If no order yet: [content] 'Bestsellers our customers love'"],
                "sms": [None, None, "If no order yet: [promo] 'H&P: your 10% code WELCOME10 ends Sunday'", None]},
         notes=["v2 live since 1 Sep 2026", None, None, "Buying online or in store ends the journey"]),
    dict(sheet="J01 Welcome v1 (OLD)", jid="J01 Welcome v1", trigger="Newsletter signup", audience="Prospects",
         stage="Subscriber", goal="First order", success="Order placed", exit="Order placed, Unsubscribed",
         kpi="1st order within 14 days ≥ 5%", owner="Priya Nair", status="Paused – replaced by v2",
         updated=dt.date(2026, 9, 1),
         moments=["Day 0", "Day 2", "Day 5"],
         cells={"cust": ["Signs up", None, None],
                "email": ["[promo] 'Welcome! Here's 10% off'", "[content] 'Meet the makers'",
                          "If no order: [promo] 'Last chance for 10% off'"]},
         notes=["Kept for reference, do not reactivate", None, None]),
    dict(sheet="J02 Browse abandon", jid="J02 Browse abandon", trigger="Product viewed (no add to bag)",
         audience="Active customers", stage="Repeat customer", goal="Turn browsing into an order",
         success="Order placed", exit="Order placed, Unsubscribed", kpi="Conversion ≥ 3%",
         owner="Tom Okafor", status="Live", updated=dt.date(2026, 8, 18),
         moments=["+1h", "+3h", "Day 2"],
         cells={"cust": ["Views same product 2+ times, doesn't add to bag", None, None],
                "email": ["[content] 'Still thinking about the {product}? Here's how to style it'", None,
                          "If no order: [promo] 'Free next-day delivery on {product} this week'"],
                "push": [None, "[service] 'Your {product} is still available in your size'", None]},
         notes=[None, "App users only", None]),
    dict(sheet="J03 Basket abandon", jid="J03 Basket abandon", trigger="Basket abandoned",
         audience="Active customers", stage="Repeat customer", goal="Recover the basket",
         success="Order placed", exit="Order placed, In-store purchase, Unsubscribed",
         kpi="Recovery rate ≥ 8%", owner="Tom Okafor", status="Live", updated=dt.date(2026, 8, 18),
         moments=["+1h", "Day 1", "Day 1 +4h", "Day 3"],
         cells={"cust": ["Adds to bag, leaves without checking out", None, None, None],
                "email": ["[service] 'You left something in your bag'",
                          "If no order: [service] 'Your bag is saved – items are selling fast'", None,
                          "If no order: [promo] '10% off your bag, code BAG10, 48h only'"],
                "push": [None, None, "If Day 1 email not opened: [service] 'Still want these? Tap to check out'", None],
                "inapp": ["[service] Bag reminder banner on next app open", None, None, None]},
         notes=[None, None, "Needs Klaviyo → Braze open sync", "Code excluded for sale items"]),
    dict(sheet="J04 Post-purchase", jid="J04 Post-purchase", trigger="Order placed", audience="New customers",
         stage="First purchase", goal="Get a review and a second visit", success="Review submitted",
         exit="Review submitted, Order returned", kpi="Review rate ≥ 12%", owner="Hannah Webb",
         status="Live", updated=dt.date(2026, 10, 5),
         moments=["Day 1", "Day 7", "Day 14", "Day 21"],
         cells={"cust": ["Places 1st order (delivery or click & collect)", None, None, None],
                "email": ["[content] 'Caring for your linen: wash & dry guide'", None,
                          "[service] 'How are you getting on? Leave a review'", None],
                "push": [None, None, None, "If no review yet: [service] 'Two minutes to review your order?'"],
                "staff": [None, "[service] 📞 Nearest store calls to offer a free fitting / styling session", None, None]},
         notes=[None, "Call list goes to stores every Monday", None, None]),
    dict(sheet="J05 Back in stock", jid="J05 Back in stock", trigger="Item back in stock",
         audience="Back-in-stock requesters", stage="Repeat customer", goal="Convert the alert into an order",
         success="Order placed", exit="Order placed, Item sold out", kpi="Alert → order ≥ 15%",
         owner="Tom Okafor", status="Live", updated=dt.date(2026, 9, 22),
         moments=["At restock", "+1 day", "+10 days"],
         cells={"cust": ["Asked to be notified on the product page", None, None],
                "push": ["[service] 'It's back: {product} in your size'", None,
                         "If still in stock and no order: ↻ back to 'At restock' push – max 2 repeats, then the journey ends"],
                "email": [None, "If push not opened: [service] '{product} is back in stock'", None]},
         notes=[None, "Braze → Klaviyo open sync", "Max 3 restock pushes per item"]),
    dict(sheet="J06 Birthday", jid="J06 Birthday", trigger="Birthday in 7 days",
         audience="Loyalty members, Do not contact", stage="Loyal", goal="Birthday treat redeemed",
         success="Birthday reward redeemed", exit="Birthday reward redeemed, Unsubscribed",
         kpi="Redemption ≥ 20%", owner="Hannah Webb", status="Live", updated=dt.date(2026, 7, 10),
         moments=["7 days before", "On the day"],
         cells={"cust": ["DOB on file", "Redeems online or in store"],
                "email": ["[promo] 'A little something for your birthday: £10 off orders over £40'", None],
                "push": [None, "[content] 'Happy birthday from all of us at H&P 🎂'"],
                "inapp": [None, "[content] Birthday card in app inbox"]},
         notes=["Audience = everyone with a DOB on file", None]),
    dict(sheet="J07 Inner Circle welcome", jid="J07 Inner Circle welcome", trigger="Joined Inner Circle",
         audience="Inner Circle (VIP)", stage="Loyal", goal="Book a first styling appointment",
         success="Styling appointment booked", exit="Styling appointment booked", kpi="Booking rate ≥ 40%",
         owner="Grace Liu", status="Live", updated=dt.date(2026, 9, 30),
         moments=["Day 0", "Day 3"],
         cells={"cust": ["Crosses £1,500 spend in 12 months", "Books in store or online"],
                "email": ["[service] 'Welcome to the Inner Circle – meet your personal stylist'", None],
                "staff": [None, "If welcome email not opened: [service] 📞 Stylist calls to introduce themselves and book a private appointment"]},
         notes=[None, "Stylist sees the task in Tulip"]),
    dict(sheet="J08 Win-back", jid="J08 Win-back", trigger="180 days since last order", audience="Lapsed",
         stage="Lapsed", goal="Win them back: one order", success="Order placed", exit=None,
         kpi="Reactivation ≥ 4%", owner="Tom Okafor", status="Live", updated=dt.date(2026, 9, 12),
         moments=["Day 0", "Day 5", "Day 7", "Day 12", "Day 30"],
         cells={"cust": ["No order for 180 days", None, None, None, None],
                "email": ["[content] 'A lot has changed since your last visit – the new season edit'",
                          "If no order: [promo] '15% off to welcome you back, code HELLO15'", None, None,
                          "If still no order: ↻ back to Day 0 and run the journey again"],
                "sms": [None, None, "If Day 5 email not opened: [promo] 'H&P: 15% off ends soon, code HELLO15'", None, None],
                "push": [None, None, None, "If no order: [content] 'New in: the autumn linen edit'", None]},
         notes=[None, None, None, None, "Loop agreed with Trading (Sep-26) to keep lapsed warm"]),
    dict(sheet="J09 Sunset", jid="J09 Sunset", trigger="No engagement 12 months", audience="Dormant",
         stage="Sunset", goal="Keep only people who want to hear from us", success="Preferences confirmed",
         exit="Preferences confirmed, Unsubscribed", kpi="Re-confirmation ≥ 5%", owner="Priya Nair",
         status="Live", updated=dt.date(2026, 10, 3),
         moments=["Day 0", "Day 7", "Day 14"],
         cells={"cust": ["No opens or clicks for 12 months", None, "No response → moved to suppression (manual, monthly)"],
                "email": ["[service] 'Still want to hear from us? Update your preferences'",
                          "If no click: [service] 'Last email from us – tap to stay subscribed'", None]},
         notes=[None, None, None]),
    dict(sheet="J10 Refer a friend", jid="J10 Refer a friend", trigger="NPS promoter (9-10)",
         audience="Loyalty members", stage="Advocate", goal="Turn promoters into referrers",
         success="Referral redeemed", exit="Referral redeemed, Unsubscribed", kpi="Referrals redeemed ≥ 300 / month",
         owner="Hannah Webb", status="Live", updated=dt.date(2026, 9, 25),
         moments=["Day 0", "Day 4"],
         cells={"cust": ["Scores us 9 or 10 in the post-delivery survey", None],
                "email": ["[promo] 'Give £15, get £15 – your personal referral link'", None],
                "inapp": ["[content] 'How referrals work' card", None],
                "push": [None, "If link not shared: [promo] 'Your friends are still waiting for their £15'"]},
         notes=["Launched Oct-26", None]),
]

TAG_FILL = {"[promo]": "FCE4D6", "[service]": "E2EFDA", "[content]": "DDEBF7"}


def check_map2():
    segs = {s[0] for s in SEG2}
    stages = {s[1] for s in STG2}
    events = {e[0] for e in EVT2}
    systems = {s[0] for s in SYS2}
    for j in JOURNEYS:
        for seg in j["audience"].split(", "):
            assert seg in segs, seg
        assert j["stage"] in stages
        for ev in [j["trigger"], j["success"], *((j["exit"] or "").split(", "))]:
            assert not ev or ev in events, ev
        n = len(j["moments"])
        for k, v in j["cells"].items():
            assert len(v) == n, (j["sheet"], k)
        assert len(j["notes"]) == n
    for st in STG2:
        for nx in (st[2] or "").split(", "):
            assert not nx or nx in stages
    for e in EVT2:
        assert e[1] in systems
    for s in SYS2:
        for x in ((s[3] or "") + ", " + (s[4] or "")).split(", "):
            assert not x.strip() or x.strip() in systems, x
    for c in CHN2:
        assert c[2] in systems


def build_map2():
    check_map2()
    M2_DIR.mkdir(parents=True)
    wb = Workbook()
    ws = wb.active
    ws.title = "Read me"
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 110
    ws["A1"] = "Harbour & Pine — CRM journey map (swimlanes)"
    ws["A1"].font = Font(bold=True, size=16)
    ws.merge_cells("A1:B1")
    rows = [("Brand", "Harbour & Pine Ltd — homeware & clothing, 48 UK stores, web and app"),
            ("Workbook", "Lifecycle journeys: one tab per journey; lanes = channels, columns = moments"),
            ("Map owner", "Priya Nair, CRM Lead"),
            ("Last reviewed", dt.date(2026, 10, 14)),
            ("Version", "v7")]
    for i, (k, v) in enumerate(rows, start=3):
        ws.cell(row=i, column=1, value=k).font = BOLD
        c = ws.cell(row=i, column=2, value=v)
        if isinstance(v, dt.date):
            c.number_format = "dd mmm yyyy"
            c.alignment = Alignment(horizontal="left")
    lines = [
        "HOW TO READ",
        "Each journey tab: header block (trigger, audience, goal, exit, owner…) and then the swimlane, read left to right.",
        "Tags in cells: [promo] = offer / discount · [service] = reminders, account, orders · [content] = editorial / inspiration.",
        "Colours follow the tags: orange = promo, green = service, blue = content.",
        "↻ = loop back to an earlier moment.  'If …:' at the start of a cell = only sent when the condition holds.",
        "Frequency caps agreed with Legal: per customer per week max 3 emails, 2 SMS, 5 push, 1 call, 10 messages in total.",
        "Reference tabs: Segments, Lifecycle, Events, Stack, Channels.",
    ]
    for i, t in enumerate(lines, start=10):
        c = ws.cell(row=i, column=1, value=t)
        c.font = Font(bold=(i == 10), italic=(i != 10))
        ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=2)
    for tag, col, row in (("[promo]", "FCE4D6", 18), ("[service]", "E2EFDA", 19), ("[content]", "DDEBF7", 20)):
        ws.cell(row=row, column=1, value=tag).fill = fill(col)

    labels = [("Journey", "jid"), ("Trigger", "trigger"), ("Audience", "audience"), ("Lifecycle stage", "stage"),
              ("Goal", "goal"), ("Success event", "success"), ("Exit when", "exit"), ("KPI", "kpi"),
              ("Owner", "owner"), ("Status", "status"), ("Last updated", "updated")]
    label_field = {"Journey": "scenario", "Trigger": "trigger", "Audience": "segments", "Lifecycle stage": "stage",
                   "Goal": "goal", "Success event": "goal_event", "Exit when": "stop_event", "KPI": "kpi",
                   "Owner": "owner", "Status": "status", "Last updated": "last_reviewed"}
    cols = [("Read me", h, f) for h, f in [("Brand", "ignore"), ("Workbook", "ignore"), ("Map owner", "owner"),
                                           ("Last reviewed", "last_reviewed"), ("Version", "ignore")]]

    journey_sheets = []
    for j in JOURNEYS:
        js = wb.create_sheet(j["sheet"])
        journey_sheets.append(js)
        n = len(j["moments"])
        last_col = n + 2
        js.column_dimensions["A"].width = 22
        for c in range(2, n + 2):
            js.column_dimensions[get_column_letter(c)].width = 38
        js.column_dimensions[get_column_letter(last_col)].width = 30
        for i, (lab, key) in enumerate(labels, start=1):
            a = js.cell(row=i, column=1, value=lab)
            a.font = BOLD
            a.fill = fill("F2F2F2")
            b = js.cell(row=i, column=2, value=j[key])
            if key == "jid":
                b.font = Font(bold=True, size=14)
            if isinstance(j[key], dt.date):
                b.number_format = "dd mmm yyyy"
                b.alignment = Alignment(horizontal="left")
            js.merge_cells(start_row=i, start_column=2, end_row=i, end_column=last_col)
            cols.append((j["sheet"], lab, label_field[lab]))
        hr = len(labels) + 2
        headers = ["Lane"] + j["moments"] + ["Notes"]
        for c, h in enumerate(headers, start=1):
            cell = js.cell(row=hr, column=c, value=h)
            cell.font = Font(bold=True, color="FFFFFF")
            cell.fill = fill("1F4E78")
            cell.border = BOX
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cols.append((j["sheet"], "Lane", "channel"))
        cols += [(j["sheet"], m, "timing") for m in j["moments"]]
        cols.append((j["sheet"], "Notes", "ignore"))
        for li, lane in enumerate(LANES):
            r = hr + 1 + li
            lc = js.cell(row=r, column=1, value=lane)
            lc.font = BOLD
            lc.fill = fill("F2F2F2" if li else "FFF2CC")
            lc.border = BOX
            lc.alignment = WRAP
            key = [k for k, v in LANE_KEY.items() if v == li][0]
            vals = j["cells"].get(key, [None] * n)
            for mi, v in enumerate(vals):
                cell = js.cell(row=r, column=2 + mi, value=v)
                cell.border = BOX
                cell.alignment = WRAP
                if v:
                    for tag, col in TAG_FILL.items():
                        if tag in v:
                            cell.fill = fill(col)
                    if li == 0:
                        cell.font = Font(italic=True, color="7F6000")
            js.cell(row=r, column=last_col).border = BOX
            js.row_dimensions[r].height = 48
        # notes sit on the Customer action row, one per moment, joined
        note_txt = "; ".join(f"{m}: {t}" for m, t in zip(j["moments"], j["notes"]) if t)
        nc = js.cell(row=hr + 1, column=last_col, value=note_txt or None)
        nc.alignment = WRAP
        nc.font = Font(italic=True, size=9)
        js.freeze_panes = js.cell(row=hr + 1, column=2)

    table_sheet(wb, "Segments",
                ["Segment", "Definition", "Customers", "Value tier", "Suppressed?", "Parent segment", "Notes"],
                SEG2, [26, 44, 12, 11, 12, 18, 28], numfmt={3: "#,##0"})
    table_sheet(wb, "Lifecycle", ["#", "Stage", "Leads to", "End stage?", "Notes"], STG2, [5, 20, 30, 11, 36])
    table_sheet(wb, "Events", ["Event", "Fired by", "Live in tracking?", "Notes"], EVT2, [32, 16, 16, 44])
    table_sheet(wb, "Stack", ["Platform", "Role", "Sends", "Feeds data into", "Gets data from", "Notes"],
                SYS2, [16, 40, 14, 34, 40, 34])
    table_sheet(wb, "Channels", ["Channel", "Type", "Sent from", "Notes"], CHN2, [14, 10, 14, 40])
    cols += [("Segments", h, f) for h, f in [
        ("Segment", "name"), ("Definition", "ignore"), ("Customers", "size"), ("Value tier", "tier"),
        ("Suppressed?", "excluded"), ("Parent segment", "parent"), ("Notes", "ignore")]]
    cols += [("Lifecycle", h, f) for h, f in [
        ("#", "id"), ("Stage", "stage"), ("Leads to", "next"), ("End stage?", "final"), ("Notes", "ignore")]]
    cols += [("Events", h, f) for h, f in [
        ("Event", "name"), ("Fired by", "source"), ("Live in tracking?", "tracked"), ("Notes", "ignore")]]
    cols += [("Stack", h, f) for h, f in [
        ("Platform", "name"), ("Role", "kind"), ("Sends", "channel"), ("Feeds data into", "sends_to"),
        ("Gets data from", "receives"), ("Notes", "ignore")]]
    cols += [("Channels", h, f) for h, f in [
        ("Channel", "channel"), ("Type", "kind"), ("Sent from", "system"), ("Notes", "ignore")]]
    wb.save(M2_DIR / M2_FILE)

    defects = [
        ("COV001", "Trade & designers",
         "Segments tab: 'Trade & designers' (3,900, Suppressed? = No, no parent) appears in no journey's Audience "
         "row on any J-tab, so no active or planned journey targets it."),
        ("COV003", "Birthday",
         "J06 Birthday: Audience = 'Loyalty members, Do not contact'; 'Do not contact' has Suppressed? = Yes on the "
         "Segments tab, and the '7 days before' Email cell is tagged [promo] (£10 off)."),
        ("FLOW002", "Advocate",
         "Lifecycle tab: stage 7 'Advocate' leads to Loyal, but no stage lists Advocate in 'Leads to', so it cannot "
         "be reached from stage 1 'Subscriber'."),
        ("FLOW003", "Win-back",
         "J08 Win-back: Email cell at 'Day 30' says 'If still no order: ↻ back to Day 0 and run the journey again'; "
         "the 'Exit when' row is empty and there is no repeat limit or end date, so a lapsed customer who never buys "
         "cycles forever (the 'if no order' condition does not bound the loop)."),
        ("FLOW004", "Win-back",
         "J08 Win-back: Success event = 'Order placed' but 'Exit when' is empty, so a customer who orders after the "
         "Day 0 email still gets the remaining steps (Day 7 SMS only checks the email open, and the loop restarts)."),
        ("FREQ001", "Active customers",
         "Email pressure on 'Active customers': J02 Browse abandon sends 2 emails (+1h, Day 2) and J03 Basket abandon "
         "3 emails (+1h, Day 1, Day 3); both are live triggers (counted once a week) on the same segment → 5 emails "
         "per customer per week, above the cap of 3."),
        ("TRK003", "Refer a friend",
         "J10 Refer a friend: Trigger = 'NPS promoter (9-10)', which the Events tab says is fired by Medallia; the "
         "first step (Day 0 Email, sent from Klaviyo) — and the Day 0 In-app from Braze — come from systems that do "
         "not get data from Medallia (Stack: Medallia feeds only Snowflake; Klaviyo gets data from Shopify Plus, EPOS, "
         "Braze, Tulip)."),
        ("INT002", "Inner Circle welcome",
         "J07 Inner Circle welcome: Store staff cell at 'Day 3' is sent 'If welcome email not opened'; the email is "
         "sent by Klaviyo, the call by Tulip (Channels tab), and no integration path carries Klaviyo feedback to "
         "Tulip (Stack: Klaviyo feeds Braze and Snowflake; Braze feeds Klaviyo and Snowflake; Tulip gets data only "
         "from Shopify Plus and EPOS)."),
        ("COST002", "Post-purchase",
         "J04 Post-purchase: Store staff cell at 'Day 7' is a phone call (Channels tab: Store staff = call) for "
         "Audience 'New customers' — 23,900 customers, Value tier Standard."),
    ]
    lookalikes = [
        ("FREQ002", "Welcome v1",
         "J01 Welcome v1 (OLD) fires on 'Newsletter signup' for 'Prospects' just like J01 Welcome v2, but its "
         "Status is 'Paused – replaced by v2'; only one of the two is active."),
        ("FLOW003", "Back in stock",
         "J05 Back in stock loops ('↻ back to At restock push') but the loop is bounded: 'max 2 repeats, then the "
         "journey ends', and Exit when = 'Order placed, Item sold out'."),
        ("INT002", "Basket abandon",
         "J03 Basket abandon: the 'Day 1 +4h' push (Braze) depends on the Day 1 email (Klaviyo) not being opened; "
         "the Stack tab says Klaviyo feeds data into Braze, so the feedback has a path."),
        ("COST002", "Inner Circle welcome",
         "J07 Inner Circle welcome has a Store staff call, but its audience 'Inner Circle (VIP)' is Value tier VIP "
         "with 780 customers (under 1,000)."),
    ]
    write_answers(M2_DIR / "answers.toml",
                  "Harbour & Pine: omnichannel journeys drawn as swimlanes, one tab per journey",
                  M2_FILE, "en", defects, lookalikes, cols)
    return len(defects), len(lookalikes), len(cols)


def main():
    for d in (M1_DIR, M2_DIR):
        if d.exists():
            shutil.rmtree(d)
    a = build_map1()
    b = build_map2()
    print(f"{M1_DIR.name}: defects={a[0]} lookalikes={a[1]} columns={a[2]}")
    print(f"{M2_DIR.name}: defects={b[0]} lookalikes={b[1]} columns={b[2]}")


if __name__ == "__main__":
    main()
