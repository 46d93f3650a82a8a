#!/usr/bin/env python
"""Build corpus14: three client communication maps with planted defects.

Run from the repository root:  python tests/corpus14/build.py

It (re)creates, next to this file:
  outline_ru/            motor_service_map.xlsx  + answers.toml
  campaign_export_en/    greenbox_braze_export/*.csv + answers.toml
  calendar_mixed/        lapa_market_crm_map.xlsx + answers.toml

Every table is declared once below together with the meaning of each of its
header cells, so the [[column]] part of each answers.toml is written from the
same data as the workbook itself.
"""
from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

HERE = Path(__file__).resolve().parent
TODAY = "2026-11-29"

BOLD = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="D9E1F2")
SEG_FILL = PatternFill("solid", fgColor="FCE4D6")
CHAIN_FILL = PatternFill("solid", fgColor="E2EFDA")
WRAP = Alignment(wrap_text=True, vertical="top")


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------
def q(text: str) -> str:
    """TOML basic string."""
    out = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{out}"'


def write_answers(folder: Path, title: str, map_name: str, lang: str,
                  defects, lookalikes, columns) -> None:
    lines = [f"title = {q(title)}", f"map = {q(map_name)}", f"lang = {q(lang)}",
             f"today = {q(TODAY)}", ""]
    for code, match, why in defects:
        lines += ["[[defect]]", f"code = {q(code)}", f"match = {q(match)}",
                  f"why = {q(why)}", ""]
    for code, match, why in lookalikes:
        lines += ["[[lookalike]]", f"code = {q(code)}", f"match = {q(match)}",
                  f"why = {q(why)}", ""]
    for sheet, header, field in columns:
        lines += ["[[column]]", f"sheet = {q(sheet)}", f"header = {q(header)}",
                  f"field = {q(field)}", ""]
    (folder / "answers.toml").write_text("\n".join(lines), encoding="utf-8")


def put_table(ws, top: int, headers, rows, widths=None) -> None:
    """Header row at `top`, then rows; values only."""
    for c, h in enumerate(headers, 1):
        cell = ws.cell(row=top, column=c, value=h)
        cell.font = BOLD
        cell.fill = HEAD_FILL
        cell.alignment = WRAP
    for r, row in enumerate(rows, top + 1):
        for c, v in enumerate(row, 1):
            if v is None or v == "":
                continue
            cell = ws.cell(row=r, column=c, value=v)
            cell.alignment = WRAP
            if isinstance(v, (dt.date, dt.datetime)):
                cell.number_format = "DD.MM.YYYY"
    if widths:
        for c, w in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(c)].width = w


def fresh(folder: Path) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    return folder


# ==========================================================================
# 1. outline_ru — car-service network «Мотор-Сервис», mind-map style outline
# ==========================================================================
def build_outline_ru() -> None:
    folder = fresh(HERE / "outline_ru")
    xlsx = "motor_service_map.xlsx"
    cols = []  # (sheet, header, field)
    wb = Workbook()

    # ---- main outline sheet ------------------------------------------------
    ws = wb.active
    ws.title = "Карта (дерево)"
    ws["A1"] = "Карта коммуникаций «Мотор-Сервис» — сеть автосервисов, СПб (9 станций)"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = ("Версия 4.2 · актуализирована 12.11.2026 · ведёт К. Лаптева (CRM). "
                "Выгрузка из XMind, дальше правим руками.")
    outline_headers = [
        ("Сегмент", "segments"),
        ("Цепочка", "scenario"),
        ("Касания\n(по порядку: канал · когда · текст · тип)", "step"),
        ("Запуск (триггер)", "trigger"),
        ("Цель цепочки", "goal"),
        ("Целевое событие", "goal_event"),
        ("Выход из цепочки\n(стоп)", "stop_event"),
        ("KPI", "kpi"),
        ("Этап CJM", "stage"),
        ("Ответственный", "owner"),
        ("Статус", "status"),
        ("Пересмотрено", "last_reviewed"),
    ]
    HEADER_ROW = 4
    for c, (h, f) in enumerate(outline_headers, 1):
        cell = ws.cell(row=HEADER_ROW, column=c, value=h)
        cell.font = BOLD
        cell.fill = HEAD_FILL
        cell.alignment = WRAP
        cols.append((ws.title, h, f))

    # chain: id/name, trigger, goal, goal_event, stop, kpi, stage, owner,
    #        status, reviewed, touches
    def chain(name, trigger, goal, goal_event, stop, kpi, stage, owner, status,
              reviewed, touches):
        return dict(name=name, trigger=trigger, goal=goal, goal_event=goal_event,
                    stop=stop, kpi=kpi, stage=stage, owner=owner, status=status,
                    reviewed=reviewed, touches=touches)

    groups = [
        ("SEG-LEAD Лиды с сайта (оставили заявку, ещё не были у нас)", [
            chain("Ц-01 Заявка с сайта → первый визит", "заявка_с_сайта",
                  "довести лид до записи на визит", "запись_создана", "запись_создана",
                  "конверсия заявка → запись ≥ 45%", "ST1 Знакомство",
                  "К. Лаптева", "работает",
                  "02.06.2026",  # LOOK-ALIKE GOV002: just inside 6 months
                  [
                      "1) Email сразу — «Спасибо за заявку! Администратор перезвонит в течение 15 минут, а пока — адреса и часы работы станций» (сервис)",
                      "2) SMS через 2 часа, если не записался — «Мотор-Сервис: на завтра есть свободные окна с 9:00. Запись: motor-s.ru/z» (сервис)",
                  ]),
        ]),
        ("SEG-NEW Новые клиенты (первый визит за 30 дней)", [
            chain("Ц-02 Welcome после первого визита", "визит_закрыт",
                  "вторая запись в течение 90 дней", "запись_создана", "запись_создана",
                  "повторный визит за 90 дней ≥ 35%", "ST2 Первый визит",
                  "К. Лаптева", "работает", dt.date(2026, 9, 15),
                  [
                      "1) Email сразу после закрытия заказ-наряда — «Спасибо, что выбрали нас: ваш заказ-наряд и гарантия 12 мес. на работы» (сервис)",
                      "2) Push на следующий день в 11:00 — «Включите напоминание о следующем ТО в приложении» (сервис)",
                      # LOOK-ALIKE INT003: push does report opens
                      "3) Email через 3 дня, если push не открыт — «Дарим 500 баллов на следующий визит» (промо)",
                      "4) Push через 14 дней — «Как продлить жизнь тормозным колодкам: 4 совета мастера» (контент)",
                  ]),
        ]),
        ("SEG-REG Постоянные (2+ визита за 12 мес.)", [
            chain("Ц-03 Напоминание о ТО по дате", "подошёл_срок_ТО",
                  "запись на плановое ТО", "запись_создана", "запись_создана",
                  "запись на ТО ≥ 40% от получивших", "ST3 Регулярное обслуживание",
                  "К. Лаптева", "работает", dt.date(2026, 10, 7),
                  [
                      "1) Push за 14 дней до срока ТО — «Через 2 недели пора на ТО. Выберите удобное время в приложении» (сервис)",
                      "2) Email через 3 дня, если не записался — «Ваше ТО: что входит и сколько стоит для вашей модели» (сервис)",
                      "3) SMS через 5 дней, если не записался — «Пора на ТО. Запись за 1 минуту: motor-s.ru/to» (сервис)",
                  ]),
            chain("Ц-04 Сезонный шиномонтаж", "по расписанию: 20 марта и 20 сентября",
                  "запись на шиномонтаж до пика сезона", "запись_создана", "запись_создана",
                  "загрузка шиномонтажа в первые 2 недели ≥ 80%", "ST3 Регулярное обслуживание",
                  "А. Мельник (маркетинг)", "работает", dt.date(2026, 9, 3),
                  [
                      "1) Email в день старта сезона, 10:00 — «Сезон шиномонтажа открыт: запишитесь без очереди» (промо)",
                      "2) Push через 2 дня, если не записался — «На выходные осталось 30% окон на шиномонтаж» (промо)",
                  ]),
            # DEFECT TRK002: trigger event is not tracked (telematics not flowing yet)
            chain("Ц-05 ТО по пробегу (телематика Connect)", "пробег_по_телематике",
                  "запись на ТО по фактическому пробегу", "запись_создана", "запись_создана",
                  "запись на ТО ≥ 50% от получивших", "ST3 Регулярное обслуживание",
                  "К. Лаптева", "пилот, запущена", dt.date(2026, 11, 2),
                  [
                      "1) Push сразу — «По данным Connect пробег 15 000 км — пора на ТО-1. Записаться?» (сервис)",
                  ]),
        ]),
        ("SEG-VIP VIP (чек > 150 тыс. ₽ в год)", [
            # DEFECT INT003 (SMS «не прочитано»), LOOK-ALIKE COST002 (call, VIP 380)
            chain("Ц-06 VIP: автомобиль готов", "авто_готово",
                  "клиент забрал авто в день готовности", "авто_выдано", "авто_выдано",
                  "выдача в день готовности ≥ 90%", "ST4 Лояльный клиент",
                  "Д. Орлов (колл-центр)", "работает", dt.date(2026, 8, 21),
                  [
                      "1) SMS сразу — «Ваш автомобиль готов. Станция на Комендантском, ждём до 21:00» (сервис)",
                      "2) Звонок персонального менеджера через 3 часа, если SMS не прочитано — «Автомобиль готов, удобно забрать сегодня? Можем пригнать к дому» (сервис)",
                  ]),
            # DEFECT MAP005: a chain with no touches at all
            chain("Ц-13 Персональная благодарность от мастера (VIP)", "визит_закрыт",
                  "повторный визит VIP", "запись_создана", "запись_создана",
                  "повторный визит VIP за 60 дней ≥ 60%", "ST4 Лояльный клиент",
                  "А. Мельник (маркетинг)", "в разработке (тексты согласуем с директором сервиса)",
                  dt.date(2026, 11, 10),
                  []),
        ]),
        ("SEG-RISK Риск оттока (нет визита 9–12 мес.)", [
            # DEFECT FLOW003 (step 3 goes back to step 2, no stop, no limit)
            # DEFECT FLOW004 (goal event set, no stop on it)
            chain("Ц-07 Риск оттока: вернуть на ТО", "нет_визитов_9_мес",
                  "вернуть клиента на ТО", "запись_создана", "",
                  "возврат ≥ 12% за 60 дней", "ST5 Риск оттока",
                  "А. Мельник (маркетинг)", "работает", dt.date(2026, 10, 19),
                  [
                      "1) Email сразу — «Давно не виделись: бесплатная диагностика подвески при любом ТО до конца месяца» (промо)",
                      "2) Push через 3 дня, если не записался — «5 признаков, что пора проверить тормоза» (контент)",
                      "3) Email через 7 дней, если не записался — «Зима близко: чек-лист подготовки авто» (контент) → повтор с шага 2",
                  ]),
        ]),
        ("SEG-LOST Ушедшие (нет визита > 12 мес.)", [
            chain("Ц-08 Реактивация ушедших", "нет_визитов_12_мес",
                  "вернуть клиента хотя бы на один визит", "запись_создана", "запись_создана",
                  "реактивация ≥ 5%", "ST7 Ушёл",
                  "А. Мельник (маркетинг)", "работает", dt.date(2026, 10, 19),
                  [
                      "1) Email сразу — «Что нового за год: 3 новые станции и онлайн-запись в приложении» (новости)",
                      "2) SMS через 5 дней, если не записался — «1000 бонусов на любой визит до 31.01. Мотор-Сервис» (промо)",
                      "3) Email через 14 дней, если не открыл первое письмо — «Что пошло не так? 2 вопроса, 30 секунд» (сервис)",
                  ]),
        ]),
        ("SEG-WAR Авто на гарантии (до 5 лет)", [
            # DEFECT COST002: call step for an 18 000 mass segment
            chain("Ц-09 Гарантийное ТО", "срок_гарантийного_ТО",
                  "гарантийное ТО у нас, а не у дилера", "запись_создана", "запись_создана",
                  "доля гарантийных ТО у нас ≥ 30%", "ST3 Регулярное обслуживание",
                  "Д. Орлов (колл-центр)", "работает", dt.date(2026, 9, 28),
                  [
                      "1) Email за 30 дней до срока — «Плановое ТО без потери гарантии производителя: регламент и цены» (сервис)",
                      "2) SMS через 7 дней, если не записался — «Гарантийное ТО через 3 недели. Запись: motor-s.ru/g» (сервис)",
                      "3) Звонок колл-центра через 5 дней после SMS, если не записался — «Предложить время и напомнить, что гарантия сохраняется» (сервис)",
                  ]),
        ]),
        # LOOK-ALIKE COV003: stop list gets only a service booking confirmation
        ("SEG-ALL, SEG-STOP (сервисное — стоп-лист тоже получает)", [
            chain("Ц-10 Подтверждение записи", "запись_создана",
                  "клиент приехал на визит", "визит_закрыт", "визит_закрыт",
                  "неявки ≤ 7%", "ST2 Первый визит",
                  "Д. Орлов (колл-центр)", "работает", dt.date(2026, 11, 12),
                  [
                      "1) SMS сразу — «Вы записаны: 14.12 в 10:30, Мотор-Сервис на Софийской, 8» (сервис)",
                      "2) Push за сутки до визита — «Ждём вас завтра в 10:30. Нужно перенести? Нажмите здесь» (сервис)",
                  ]),
        ]),
        ("SEG-ALL Все клиенты с контактами", [
            chain("Ц-11 Сервисная кампания производителя", "отзывная_кампания",
                  "бесплатный ремонт по отзывной кампании", "запись_создана", "запись_создана",
                  "закрыто VIN по кампании ≥ 70%", "ST3 Регулярное обслуживание",
                  "Д. Орлов (колл-центр)", "работает", dt.date(2026, 7, 30),
                  [
                      "1) Email сразу — «Сервисная кампания производителя по вашему VIN: бесплатная замена, запись в приоритете» (сервис)",
                  ]),
        ]),
        # DEFECT MAP001: SEG-FLEET is not in the segment reference
        ("SEG-FLEET Корпоративные автопарки", [
            chain("Ц-12 Автопарк: документы и план ТО", "визит_закрыт",
                  "следующее ТО автопарка по плану", "запись_создана", "запись_создана",
                  "ТО по плану ≥ 85% машин автопарка", "ST3 Регулярное обслуживание",
                  "Р. Гусев (B2B)", "работает", dt.date(2026, 10, 1),
                  [
                      "1) Email сразу — «Акт выполненных работ и счёт по автомобилю {госномер}» (сервис)",
                      "2) Email через 25 дней — «Сводный отчёт по автопарку за месяц и план ТО на следующий» (сервис)",
                  ]),
        ]),
    ]

    r = HEADER_ROW + 1
    for seg_text, chains in groups:
        c = ws.cell(row=r, column=1, value=seg_text)
        c.font = BOLD
        c.fill = SEG_FILL
        r += 1
        for ch in chains:
            cell = ws.cell(row=r, column=2, value=ch["name"])
            cell.font = BOLD
            cell.fill = CHAIN_FILL
            facts = [ch["trigger"], ch["goal"], ch["goal_event"], ch["stop"], ch["kpi"],
                     ch["stage"], ch["owner"], ch["status"], ch["reviewed"]]
            for k, v in enumerate(facts, 4):
                if v in ("", None):
                    continue
                cell = ws.cell(row=r, column=k, value=v)
                if isinstance(v, dt.date):
                    cell.number_format = "DD.MM.YYYY"
            r += 1
            for t in ch["touches"]:
                ws.cell(row=r, column=3, value=t).alignment = WRAP
                r += 1
        r += 1  # blank line between segments, as in the mind-map export
    for col, w in zip("ABCDEFGHIJKL", [34, 36, 90, 24, 30, 18, 18, 30, 26, 22, 22, 14]):
        ws.column_dimensions[col].width = w

    # ---- reference: segments ----------------------------------------------
    seg_headers = [("Код", "id"), ("Сегмент", "name"), ("Входит в", "parent"),
                   ("Клиентов", "size"), ("Ценность", "tier"), ("Стоп-лист", "excluded"),
                   ("Как собирается", "ignore")]
    seg_rows = [
        ["SEG-ALL", "Все клиенты с контактами", "", "46 200", "", "нет",
         "есть телефон или email и согласие на сервисные уведомления"],
        ["SEG-LEAD", "Лиды с сайта", "", 640, "обычный", "нет",
         "заявка за 30 дней, заказ-нарядов нет"],
        ["SEG-NEW", "Новые клиенты", "SEG-ALL", "1 150", "обычный", "нет",
         "первый закрытый заказ-наряд за 30 дней"],
        ["SEG-REG", "Постоянные", "SEG-ALL", "14 800", "средний", "нет",
         "2+ визита за 12 мес."],
        ["SEG-VIP", "VIP", "SEG-ALL", 380, "VIP", "нет",
         "сумма заказ-нарядов > 150 000 ₽ за 12 мес."],
        ["SEG-RISK", "Риск оттока", "SEG-ALL", "6 900", "обычный", "нет",
         "последний визит 9–12 мес. назад"],
        ["SEG-LOST", "Ушедшие", "SEG-ALL", "11 300", "обычный", "нет",
         "последний визит > 12 мес. назад"],
        ["SEG-WAR", "Авто на гарантии", "SEG-ALL", "18 000", "массовый", "нет",
         "год выпуска ≥ 2021, марка из списка дилерских"],
        ["SEG-STOP", "Отказ от рекламы", "", "2 700", "", "да",
         "отписались / отказ по 38-ФЗ; только сервисные сообщения"],
    ]
    ws2 = wb.create_sheet("Сегменты")
    put_table(ws2, 1, [h for h, _ in seg_headers], seg_rows, [12, 28, 12, 12, 12, 11, 55])
    cols += [(ws2.title, h, f) for h, f in seg_headers]

    # ---- reference: CJM stages ---------------------------------------------
    st_headers = [("Код", "id"), ("Этап", "name"), ("Что делает клиент", "ignore"),
                  ("Дальше →", "next"), ("Конечный этап?", "final")]
    st_rows = [
        ["ST1", "Знакомство", "оставил заявку, сравнивает цены", "ST2", "нет"],
        ["ST2", "Первый визит", "приехал, закрыт первый заказ-наряд", "ST3", "нет"],
        ["ST3", "Регулярное обслуживание", "ТО и ремонт у нас по регламенту", "ST4, ST5", "нет"],
        ["ST4", "Лояльный клиент", "всё обслуживание у нас, VIP-программа", "ST6", "нет"],
        ["ST5", "Риск оттока", "пропустил плановое ТО", "ST3, ST7", "нет"],
        ["ST6", "Рекомендует нас", "приводит друзей, оставляет отзывы", "", "да"],
        # DEFECT FLOW001: not final, no way onward
        ["ST7", "Ушёл", "обслуживается у дилера / в другом сервисе", "", "нет"],
    ]
    ws3 = wb.create_sheet("Этапы CJM")
    put_table(ws3, 1, [h for h, _ in st_headers], st_rows, [8, 26, 42, 12, 14])
    cols += [(ws3.title, h, f) for h, f in st_headers]

    # ---- reference: events --------------------------------------------------
    ev_headers = [("Событие", "id"), ("Что означает", "ignore"),
                  ("Откуда приходит", "source"), ("Отслеживаем?", "tracked"),
                  ("Комментарий", "ignore")]
    ev_rows = [
        ["заявка_с_сайта", "Отправлена форма «Записаться» на сайте", "Сайт", "да", ""],
        ["визит_закрыт", "Заказ-наряд закрыт и оплачен", "1С:Альфа-Авто", "да", ""],
        ["запись_создана", "Создана запись на визит (сайт, приложение, телефон)", "1С:Альфа-Авто", "да",
         "все каналы записи попадают в 1С"],
        ["авто_готово", "Заказ-наряд переведён в «Готов к выдаче»", "1С:Альфа-Авто", "да", ""],
        ["авто_выдано", "Автомобиль выдан клиенту", "1С:Альфа-Авто", "да", ""],
        ["подошёл_срок_ТО", "До планового ТО 14 дней (по дате последнего ТО)", "1С:Альфа-Авто", "да",
         "считает 1С ночью"],
        ["пробег_по_телематике", "Пробег с OBD-трекера достиг порога ТО", "Телематика Connect",
         "нет — данные пока не приходят", "интеграция в тесте, ждём API от подрядчика"],
        ["нет_визитов_9_мес", "9 месяцев без визита", "1С:Альфа-Авто", "да", ""],
        ["нет_визитов_12_мес", "12 месяцев без визита", "1С:Альфа-Авто", "да", ""],
        ["срок_гарантийного_ТО", "30 дней до гарантийного ТО", "1С:Альфа-Авто", "да", ""],
        ["отзывная_кампания", "VIN попал в сервисную кампанию производителя", "1С:Альфа-Авто", "да",
         "списки VIN от дистрибьютора"],
        # LOOK-ALIKE TRK005: unused, but also not tracked
        ["установил_приложение", "Первый вход в мобильное приложение", "Мобильное приложение", "нет",
         "на будущее, пока не собираем"],
    ]
    ws4 = wb.create_sheet("События")
    put_table(ws4, 1, [h for h, _ in ev_headers], ev_rows, [24, 46, 22, 28, 40])
    cols += [(ws4.title, h, f) for h, f in ev_headers]

    # ---- reference: platforms ----------------------------------------------
    pl_headers = [("Платформа", "system"), ("Роль", "ignore"), ("Каналы", "channel"),
                  ("Получает данные из", "source"), ("Передаёт данные в", "sends_to")]
    pl_rows = [
        ["Mindbox", "CDP и рассылки", "Email, Push, SMS",
         "Сайт; Мобильное приложение; 1С:Альфа-Авто; Телематика Connect", "Битрикс24"],
        ["Битрикс24", "колл-центр: звонки, задачи операторам", "Звонок",
         "Mindbox; 1С:Альфа-Авто", "Mindbox (итог звонка)"],
        ["1С:Альфа-Авто", "DMS: запись, заказ-наряды, история визитов", "",
         "Сайт (онлайн-запись)", "Mindbox; Битрикс24"],
    ]
    ws5 = wb.create_sheet("Платформы")
    put_table(ws5, 1, [h for h, _ in pl_headers], pl_rows, [16, 40, 20, 56, 26])
    cols += [(ws5.title, h, f) for h, f in pl_headers]

    wb.save(folder / xlsx)

    defects = [
        ("MAP001", "SEG-FLEET",
         "Цепочка Ц-12 висит под сегментом SEG-FLEET «Корпоративные автопарки», которого нет на листе «Сегменты»."),
        ("MAP005", "Ц-13",
         "Цепочка Ц-13 «Персональная благодарность от мастера (VIP)» заведена (триггер, цель, статус «в разработке»), но под ней нет ни одного касания."),
        ("COV002", "ST6",
         "Этап ST6 «Рекомендует нас» не указан ни у одной цепочки — этот этап никто не обслуживает."),
        ("FLOW001", "ST7",
         "Этап ST7 «Ушёл» не конечный (Конечный этап? = нет), но в колонке «Дальше →» пусто — пути обратно нет."),
        ("FLOW003", "Ц-07",
         "В Ц-07 шаг 3 уходит «повтор с шага 2», условие «если не записался» — реакция, стоп-события и лимита повторов нет: не записавшийся получает push и email бесконечно."),
        ("FLOW004", "Ц-07",
         "У Ц-07 есть целевое событие запись_создана, но колонка «Выход из цепочки» пуста — записавшийся продолжает получать касания."),
        ("TRK002", "пробег_по_телематике",
         "Ц-05 запускается событием пробег_по_телематике, которое на листе «События» помечено «нет — данные пока не приходят»."),
        ("INT003", "Ц-06",
         "Шаг 2 Ц-06 (звонок) стоит на условии «если SMS не прочитано», а SMS не сообщает о прочтении/открытии."),
        ("COST002", "Ц-09",
         "В Ц-09 шаг 3 — звонок колл-центра для SEG-WAR: 18 000 клиентов, ценность «массовый» (порог 1 000, не VIP/high)."),
    ]
    lookalikes = [
        ("COST002", "Ц-06",
         "Звонок в Ц-06 идёт сегменту SEG-VIP: 380 клиентов (меньше 1 000) и ценность VIP."),
        ("COV003", "Ц-10",
         "Стоп-лист SEG-STOP получает в Ц-10 только сервисные касания (подтверждение записи), не промо/новости/контент."),
        ("INT003", "Ц-02",
         "Шаг 3 Ц-02 — условие «если push не открыт»; push сообщает об открытии, так что условие проверяемо (и это та же платформа Mindbox)."),
        ("TRK005", "установил_приложение",
         "Событие установил_приложение ничем не используется, но оно и не отслеживается («нет») — правило касается только отслеживаемых событий."),
        ("GOV002", "Ц-01",
         "Ц-01 пересмотрена 02.06.2026 — меньше 6 месяцев до 29.11.2026 (граница 29.05.2026)."),
    ]
    write_answers(folder, "Мотор-Сервис — карта-дерево (outline) из mind map", xlsx, "ru",
                  defects, lookalikes, cols)


# ==========================================================================
# 2. campaign_export_en — meal-kit app «Greenbox», Braze-style CSV export
# ==========================================================================
def build_campaign_export_en() -> None:
    folder = fresh(HERE / "campaign_export_en")
    export = "greenbox_braze_export"
    out = folder / export
    out.mkdir()
    cols = []

    def write_csv(name, headers_fields, rows):
        headers = [h for h, _ in headers_fields]
        with open(out / f"{name}.csv", "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(headers)
            for row in rows:
                assert len(row) == len(headers), (name, row)
                w.writerow(row)
        cols.extend((name, h, f) for h, f in headers_fields)

    # ---- campaigns.csv -----------------------------------------------------
    camp_hf = [
        ("Name", "scenario"), ("Object", "ignore"), ("Delivery Type", "kind"),
        ("Trigger Event", "trigger"), ("Schedule", "schedule"),
        ("Entry Audience", "segments"), ("Exclusion Audience", "ignore"),
        ("Conversion Event", "goal_event"), ("Exit Criteria", "stop_event"),
        ("Status", "status"), ("Last Edited", "last_reviewed"), ("Owner", "owner"),
        ("Lifecycle Tag", "stage"), ("Description", "goal"), ("Success Metric", "kpi"),
    ]
    NEW = "New Subscribers (0-14 days)"
    ACT = "Active Subscribers"
    LTV = "High-LTV Members"
    PAU = "Paused Subscribers"
    CAN = "Cancelled (last 180 days)"
    WON = "Won-Back Members (reactivated 30d)"
    DNM = "Do Not Market"
    maya, devon, priya = ("maya.chen@greenbox.com", "devon.ortiz@greenbox.com",
                          "priya.nair@greenbox.com")
    camp_rows = [
        ["Welcome Series", "Canvas", "Action-based", "Subscription Started", "",
         NEW, "", "Meals Selected", "Performs Meals Selected", "Active", "10/14/2026", maya,
         "Onboarding", "Get new subscribers to pick meals for their first box",
         "First-box meal selection rate >= 85%"],
        ["First Box Countdown", "Canvas", "Action-based", "Order Shipped", "",
         NEW, "", "Box Delivered", "Box Delivered", "Active", "9/22/2026", maya,
         "First Box", "Set expectations for the first delivery, reduce 'where is my box' tickets",
         "WISMO tickets per 1k first boxes < 15"],
        # DEFECT MAP004: action-based, trigger left empty
        ["Rate Your First Box", "Campaign", "Action-based", "", "",
         NEW, "", "Recipe Rated", "Recipe Rated", "Active", "10/2/2026", priya,
         "First Box", "Collect first ratings to tune recommendations",
         "Rating rate >= 30%"],
        ["Weekly Menu Drop", "Canvas", "Scheduled", "", "Weekly - Mon 9:00 AM (user local time)",
         ACT, DNM, "Meals Selected", "Meals Selected", "Active", "11/3/2026", devon,
         "Habit", "Announce the new menu and get meals picked before the Wed cutoff",
         "Selection before cutoff >= 70%"],
        # DEFECT GOV003: active, owner empty
        ["Friday Recipe Digest", "Campaign", "Scheduled", "", "Weekly - Fri 4:00 PM",
         ACT, DNM, "Recipe Rated", "Recipe Rated", "Active", "10/27/2026", "",
         "Habit", "Keep subscribers cooking and rating between boxes",
         "CTR >= 4%"],
        # DEFECT INT002: step 2 SMS (Attentive) on feedback of a Braze push
        ["Skip Saver", "Canvas", "Action-based", "Week Skipped", "",
         ACT, "", "Week Unskipped", "Week Unskipped", "Active", "11/9/2026", devon,
         "At Risk", "Win back the skipped week before the cutoff",
         "Unskip rate >= 12%"],
        ["Payment Failed - Dunning", "Canvas", "API-triggered", "Payment Failed", "",
         ACT, "", "Payment Updated", "Payment Updated", "Active", "8/18/2026", priya,
         "Habit", "Recover the card before the next charge date",
         "Recovered payments >= 60%"],
        # DEFECT TRK003: Zendesk event, Braze receives nothing from Zendesk
        ["Delivery Issue Apology", "Campaign", "Action-based", "Delivery Issue Reported", "",
         ACT, "", "Meals Selected", "Meals Selected", "Active", "10/30/2026", priya,
         "At Risk", "Apologize fast and keep the next box",
         "Next-week retention after an issue >= 80%"],
        # LOOK-ALIKE FREQ002: same event as Skip Saver, different segment
        ["High-LTV Skip Concierge", "Canvas", "Action-based", "Week Skipped", "",
         LTV, "", "Week Unskipped", "Week Unskipped", "Active", "9/30/2026", devon,
         "Loyal", "Personal touch for top members who skip",
         "Unskip rate (High-LTV) >= 25%"],
        # edited 6/1/2026: just inside six months (not keyed; map 1 carries that look-alike)
        ["Loyal Member Perks", "Canvas", "Scheduled", "", "Monthly - 1st Tue 11:00 AM",
         LTV, DNM, "Add-on Purchased", "Add-on Purchased", "Active", "6/1/2026", maya,
         "Loyal", "Make top members feel first in line",
         "Add-on attach rate (High-LTV) >= 18%"],
        ["Holiday Gift Guide 2026", "Campaign", "Scheduled", "", "One-time - 12/4/2026 9:00 AM",
         LTV, DNM, "Add-on Purchased", "Add-on Purchased", "Draft", "11/20/2026", maya,
         "Loyal", "Sell holiday add-ons and gift boxes",
         "Revenue per recipient >= $1.10"],
        # DEFECT GOV002: last edited 3/14/2026 (> 6 months before 11/29/2026)
        ["Pause Check-in", "Canvas", "Action-based", "Subscription Paused", "",
         PAU, "", "Subscription Resumed", "Subscription Resumed", "Active", "3/14/2026", priya,
         "Paused", "Bring paused subscribers back before the pause ends",
         "Early resume rate >= 10%"],
        # LOOK-ALIKE GOV003: stopped, owner empty
        ["Summer Grill Promo", "Campaign", "Scheduled", "", "One-time - 6/20/2026 10:00 AM",
         PAU, DNM, "Subscription Resumed", "Subscription Resumed", "Stopped", "6/24/2026", "",
         "Paused", "Resume for grilling season", "Resume rate >= 3%"],
        # LOOK-ALIKE COV003: Do Not Market is only the exclusion audience
        ["Cancellation & Win-Back", "Canvas", "Action-based", "Subscription Cancelled", "",
         CAN, DNM, "Subscription Reactivated", "Subscription Reactivated", "Active", "10/21/2026", devon,
         "Churned", "Confirm the cancellation, then win the customer back within 60 days",
         "Reactivation within 60 days >= 6%"],
        ["Welcome Back", "Canvas", "Action-based", "Subscription Reactivated", "",
         WON, "", "Meals Selected", "Meals Selected", "Active", "10/21/2026", devon,
         "Won Back", "Make the comeback box a good one",
         "Second box after reactivation >= 70%"],
    ]
    write_csv("campaigns", camp_hf, camp_rows)

    # ---- canvas_steps.csv ---------------------------------------------------
    step_hf = [
        ("Canvas / Campaign Name", "scenario"), ("Step Name", "step"), ("Delay", "timing"),
        ("Audience Path / Filter", "condition"), ("Channel", "channel"),
        ("Sending Platform", "system"), ("Template Name", "ignore"),
        ("Subject / Title", "message"), ("Message Category", "message_type"),
    ]
    B, A = "Braze", "Attentive"
    steps = [
        # Welcome Series — DEFECT FREQ001: 4 emails in the first week (+1 from First Box Countdown)
        ["Welcome Series", "Step 1 - Email", "Immediately", "", "Email", B, "onb_welcome_v4",
         "Welcome to Greenbox - here's how your first week works", "Transactional"],
        ["Welcome Series", "Step 2 - Push", "Delay 2 hours", "", "Push", B, "onb_pick_meals_push",
         "Pick your 4 meals for next Tuesday", "Service"],
        ["Welcome Series", "Step 3 - Email", "Delay 1 day", "", "Email", B, "onb_meet_chefs",
         "Meet our chefs: 5 recipes under 30 minutes", "Content"],
        ["Welcome Series", "Step 4 - Email", "Delay 2 days", "Has not performed Meals Selected", "Email", B,
         "onb_cutoff_reminder", "Your first box ships soon - pick meals before Sunday 11:59 PM", "Service"],
        ["Welcome Series", "Step 5 - Email", "Delay 2 days", "", "Email", B, "onb_dessert_upsell",
         "Add a dessert to your first box - 20% off", "Promotional"],
        # First Box Countdown
        ["First Box Countdown", "Step 1 - Push", "Immediately", "", "Push", B, "fb_shipped_push",
         "Your first Greenbox is on its way", "Transactional"],
        ["First Box Countdown", "Step 2 - Email", "Delay 1 day", "", "Email", B, "fb_unboxing_guide",
         "Unboxing guide: what goes in the fridge first", "Content"],
        # Rate Your First Box
        ["Rate Your First Box", "Step 1 - Push", "Delay 1 day", "", "Push", B, "rate_first_box",
         "How was your Greek chicken bowl? Rate it in 2 taps", "Service"],
        # Weekly Menu Drop
        ["Weekly Menu Drop", "Step 1 - Email", "Immediately", "", "Email", B, "menu_drop_weekly",
         "This week's menu is live: 24 recipes incl. Miso Salmon", "Content"],
        ["Weekly Menu Drop", "Step 2 - Push", "Delay 2 days", "Has not performed Meals Selected",
         "Push", B, "menu_cutoff_push", "Don't forget to pick your meals - cutoff Wed 11:59 PM",
         "Service"],
        # Friday Recipe Digest
        ["Friday Recipe Digest", "Step 1 - Email", "Immediately", "", "Email", B, "digest_friday",
         "3 weekend recipes from your pantry + chef's tip", "Content"],
        # Skip Saver — DEFECT INT002 on step 2; LOOK-ALIKE INT003 (push reports opens)
        ["Skip Saver", "Step 1 - Push", "Immediately", "", "Push", B, "skip_saver_push",
         "Skipping next week? Here's what you'll miss: Korean BBQ tacos", "Content"],
        ["Skip Saver", "Step 2 - SMS", "Delay 1 day", "Did not open Step 1 push", "SMS", A,
         "att_skip_unskip", "Greenbox: unskip next week in one tap - grnbx.co/u", "Promotional"],
        # Payment Failed - Dunning
        ["Payment Failed - Dunning", "Step 1 - Email", "Immediately", "", "Email", B, "dun_card_declined",
         "Action needed: your card was declined", "Transactional"],
        ["Payment Failed - Dunning", "Step 2 - Push", "Delay 1 day", "Has not performed Payment Updated",
         "Push", B, "dun_push", "Update your card to keep Tuesday's delivery", "Transactional"],
        ["Payment Failed - Dunning", "Step 3 - SMS", "Delay 2 days", "Has not performed Payment Updated",
         "SMS", A, "att_dunning", "Greenbox: your delivery is on hold. Update card: grnbx.co/pay",
         "Transactional"],
        # Delivery Issue Apology
        ["Delivery Issue Apology", "Step 1 - Push", "Immediately", "", "Push", B, "apology_credit",
         "Sorry about your box - we've added a $15 credit", "Service"],
        # High-LTV Skip Concierge
        ["High-LTV Skip Concierge", "Step 1 - Email", "Immediately", "", "Email", B, "ltv_skip_note",
         "A note from our head chef: want us to swap your recipes instead?", "Service"],
        ["High-LTV Skip Concierge", "Step 2 - Push", "Delay 1 day", "Has not performed Week Unskipped",
         "Push", B, "ltv_skip_perk", "Your member perk: free dessert when you keep next week", "Promotional"],
        # Loyal Member Perks — DEFECT TRK001 (Recipe Saved is not an event)
        ["Loyal Member Perks", "Step 1 - Email", "Immediately", "", "Email", B, "perks_monthly",
         "Members' first look: the December holiday menu", "Content"],
        ["Loyal Member Perks", "Step 2 - Push", "Delay 2 days", "Has not performed Recipe Saved", "Push", B,
         "perks_save_push", "Save your favorites from the holiday menu before they sell out", "Content"],
        # Holiday Gift Guide 2026 (draft)
        ["Holiday Gift Guide 2026", "Step 1 - Email", "Immediately", "", "Email", B, "gift_guide_2026",
         "The Greenbox holiday gift guide: boxes, knives and gift cards", "Promotional"],
        # Pause Check-in
        ["Pause Check-in", "Step 1 - Email", "Delay 7 days", "", "Email", B, "pause_menu_waiting",
         "Your pause ends Dec 8 - here's the menu waiting for you", "Service"],
        ["Pause Check-in", "Step 2 - Push", "Delay 14 days", "Did not click Step 1 email", "Push", B,
         "pause_15min_push", "New: 15-minute meals. Resume anytime", "Content"],
        # Summer Grill Promo (stopped)
        ["Summer Grill Promo", "Step 1 - Email", "Immediately", "", "Email", B, "summer_grill_2026",
         "Grill season is here - resume and get 3 BBQ boxes 30% off", "Promotional"],
        # Cancellation & Win-Back
        ["Cancellation & Win-Back", "Step 1 - Email", "Immediately", "", "Email", B, "cancel_confirm",
         "Cancellation confirmed - your last box arrives Tuesday", "Transactional"],
        ["Cancellation & Win-Back", "Step 2 - Email", "Delay 30 days", "", "Email", B, "winback_new_menu",
         "We've changed: 40+ recipes every week now", "Content"],
        ["Cancellation & Win-Back", "Step 3 - Email", "Delay 14 days", "Did not open Step 2 email", "Email", B,
         "winback_50off", "Come back for 50% off your next box", "Promotional"],
        ["Cancellation & Win-Back", "Step 4 - SMS", "Delay 3 days", "Has not performed Subscription Reactivated",
         "SMS", A, "att_winback", "Greenbox: 50% off your comeback box ends Sunday - grnbx.co/back",
         "Promotional"],
        # Welcome Back
        ["Welcome Back", "Step 1 - Email", "Immediately", "", "Email", B, "welcome_back",
         "Welcome back! Your first box is 50% off as promised", "Transactional"],
        ["Welcome Back", "Step 2 - Push", "Delay 3 days", "Has not performed Meals Selected", "Push", B,
         "welcome_back_pick", "Pick meals for your comeback box", "Service"],
    ]
    write_csv("canvas_steps", step_hf, steps)

    # ---- segments.csv -------------------------------------------------------
    seg_hf = [("Segment Name", "id"), ("Estimated Size", "size"), ("Value Tier", "tier"),
              ("Used As", "excluded"), ("Filters (summary)", "ignore"), ("Last Edited", "ignore")]
    seg_rows = [
        [NEW, "3,150", "Standard", "Targeting", "subscription_start_date within 14 days", "9/2/2026"],
        # DEFECT MAP002: same segment name twice (legacy copy never deleted)
        [ACT, "41,900", "Standard", "Targeting", "subscription_status = active", "10/5/2026"],
        [LTV, "1,850", "High", "Targeting", "lifetime_revenue > $1,200 AND active", "8/11/2026"],
        [PAU, "8,300", "Standard", "Targeting", "subscription_status = paused", "7/19/2026"],
        [CAN, "12,400", "Standard", "Targeting", "cancelled_at within 180 days", "7/19/2026"],
        [WON, "740", "Standard", "Targeting", "reactivated_at within 30 days", "10/21/2026"],
        # DEFECT COV001: nobody targets it
        ["Gift Card Buyers", "2,240", "Standard", "Targeting", "purchased gift card, no own subscription", "11/12/2025"],
        [ACT, "39,450", "Standard", "Targeting", "subscription_status = active (legacy filter, pre-app)", "2/3/2025"],
        [DNM, "9,100", "", "Suppression list", "email_subscribe = unsubscribed OR marketing_opt_out = true", "10/5/2026"],
    ]
    write_csv("segments", seg_hf, seg_rows)

    # ---- events.csv ---------------------------------------------------------
    ev_hf = [("Event Name", "id"), ("Description", "ignore"), ("Source", "source"),
             ("Sending to Braze?", "tracked"), ("First Seen", "ignore")]
    S = "Segment"
    ev_rows = [
        ["Subscription Started", "Checkout completed, first plan chosen", S, "Yes", "3/1/2023"],
        ["Order Shipped", "Box left the warehouse (from fulfillment via backend)", S, "Yes", "3/1/2023"],
        ["Box Delivered", "Carrier scan: delivered", S, "Yes", "5/9/2023"],
        ["Recipe Rated", "User rated a recipe 1-5 stars", S, "Yes", "5/9/2023"],
        ["Meals Selected", "User confirmed meals for an upcoming box", S, "Yes", "3/1/2023"],
        ["Week Skipped", "User skipped an upcoming week", S, "Yes", "3/1/2023"],
        ["Week Unskipped", "User un-skipped a week before cutoff", S, "Yes", "8/14/2024"],
        ["Payment Failed", "Stripe charge failed (forwarded by backend)", S, "Yes", "3/1/2023"],
        ["Payment Updated", "New card saved", S, "Yes", "3/1/2023"],
        ["Subscription Paused", "User paused deliveries", S, "Yes", "3/1/2023"],
        ["Subscription Resumed", "Paused user resumed", S, "Yes", "3/1/2023"],
        ["Subscription Cancelled", "User cancelled", S, "Yes", "3/1/2023"],
        ["Subscription Reactivated", "Cancelled user restarted a plan", S, "Yes", "1/17/2024"],
        ["Add-on Purchased", "Dessert / bread / market item added to a box", S, "Yes", "6/2/2024"],
        ["Delivery Issue Reported", "Support ticket tagged delivery_issue", "Zendesk", "Yes", "9/9/2025"],
    ]
    write_csv("events", ev_hf, ev_rows)

    # ---- lifecycle.csv ------------------------------------------------------
    lc_hf = [("Stage", "id"), ("Order", "ignore"), ("Definition", "ignore"),
             ("Moves To", "next"), ("Terminal?", "final")]
    lc_rows = [
        ["Onboarding", "1", "Signed up, first box not shipped yet", "First Box", "No"],
        ["First Box", "2", "First box shipped or delivered", "Habit", "No"],
        ["Habit", "3", "Boxes 2-6, picking meals weekly", "Loyal; At Risk", "No"],
        ["Loyal", "4", "6+ boxes, high ratings, add-ons", "At Risk", "No"],
        ["At Risk", "5", "Skipped 2+ of last 4 weeks or had a delivery issue", "Habit; Paused; Churned", "No"],
        ["Paused", "6", "Deliveries paused", "Habit; Churned", "No"],
        ["Churned", "7", "Cancelled", "Won Back", "No"],
        ["Won Back", "8", "Reactivated within 180 days of cancelling", "Habit", "No"],
    ]
    write_csv("lifecycle", lc_hf, lc_rows)

    # ---- data_flows.csv -----------------------------------------------------
    df_hf = [("From", "system"), ("To", "sends_to"), ("What", "ignore"), ("Method", "ignore")]
    df_rows = [
        ["iOS App", "Segment", "track + identify (all product events)", "Segment SDK"],
        ["Android App", "Segment", "track + identify (all product events)", "Segment SDK"],
        ["Website", "Segment", "track + identify (checkout, menu, account)", "Analytics.js"],
        ["Stripe", "Segment", "charge.failed, payment_method.attached (as Payment Failed / Payment Updated)", "Segment source"],
        ["Segment", "Braze", "all track events + user traits", "cloud-mode destination"],
        ["Segment", "Attentive", "identify + Meals Selected, Week Unskipped, Payment Updated, Subscription Reactivated", "destination (filtered)"],
        ["Braze", "Snowflake", "Currents: sends, opens, clicks, unsubscribes", "Currents"],
        ["Attentive", "Snowflake", "SMS sends, clicks, opt-outs", "nightly export"],
        ["Zendesk", "Snowflake", "tickets, tags, CSAT", "Fivetran, nightly"],
        ["Snowflake", "Looker", "CRM dashboards", "direct connection"],
    ]
    write_csv("data_flows", df_hf, df_rows)

    # ---- channels.csv -------------------------------------------------------
    ch_hf = [("Channel", "channel"), ("Sent From", "system"), ("Reports Back", "ignore"),
             ("Cost per Send (USD)", "ignore")]
    ch_rows = [
        ["Email", "Braze", "delivered, opened, clicked, bounced, unsubscribed", "0.0009"],
        ["Push", "Braze", "delivered, opened (direct + influenced)", "0.0002"],
        ["SMS", "Attentive", "delivered, clicked, opted out", "0.0110"],
    ]
    write_csv("channels", ch_hf, ch_rows)

    defects = [
        ("MAP002", "Active Subscribers",
         "segments.csv defines \"Active Subscribers\" twice (41,900 and a legacy 39,450 copy)."),
        ("MAP004", "Rate Your First Box",
         "\"Rate Your First Box\" is Action-based and Active but its Trigger Event cell is empty."),
        ("COV001", "Gift Card Buyers",
         "\"Gift Card Buyers\" (2,240, Targeting, not a suppression list) is the Entry Audience of no campaign."),
        ("TRK001", "Recipe Saved",
         "Loyal Member Perks step 2 filters on \"Has not performed Recipe Saved\"; events.csv has no event of that name."),
        ("TRK003", "Delivery Issue Reported",
         "\"Delivery Issue Apology\" (first step sent by Braze) triggers on Delivery Issue Reported from Zendesk, and data_flows has no Zendesk -> Braze path (Zendesk only feeds Snowflake)."),
        ("INT002", "Skip Saver",
         "Skip Saver step 2 is an SMS sent by Attentive on \"Did not open Step 1 push\", a Braze push; no data flow carries Braze engagement to Attentive (Braze only exports to Snowflake)."),
        ("FREQ001", "New Subscribers",
         "New Subscribers (0-14 days) get 4 emails from Welcome Series plus 1 from First Box Countdown in a week: 5 > cap 3."),
        ("GOV002", "Pause Check-in",
         "\"Pause Check-in\" was last edited 3/14/2026, more than 6 months before 2026-11-29."),
        ("GOV003", "Friday Recipe Digest",
         "\"Friday Recipe Digest\" is Active and its Owner cell is empty."),
    ]
    lookalikes = [
        ("FREQ001", "Active Subscribers",
         "Active Subscribers get exactly 3 emails a week (Weekly Menu Drop, Friday Recipe Digest, Dunning) and 2 SMS (Skip Saver, Dunning): at the caps, not over them; 4 push <= 5, 9 in total <= 10."),
        ("FREQ002", "High-LTV Skip Concierge",
         "Shares the Week Skipped trigger with Skip Saver, but for High-LTV Members, not Active Subscribers."),
        ("GOV003", "Summer Grill Promo",
         "No owner, but the campaign is Stopped; the rule covers active scenarios only."),
        ("COV003", "Cancellation & Win-Back",
         "Promotional steps, but Do Not Market is only the Exclusion Audience, so the suppression list is not reached."),
        ("INT003", "Skip Saver",
         "\"Did not open Step 1 push\": push reports opens, so the feedback exists (the defect here is the missing Braze -> Attentive path, INT002)."),
    ]
    write_answers(folder, "Greenbox meal kits — Braze/Attentive CSV export", export, "en",
                  defects, lookalikes, cols)


# ==========================================================================
# 3. calendar_mixed — pet e-commerce «Лапа Маркет», RU/EN mixed workbook
# ==========================================================================
def build_calendar_mixed() -> None:
    folder = fresh(HERE / "calendar_mixed")
    xlsx = "lapa_market_crm_map.xlsx"
    cols = []
    wb = Workbook()

    # ---- change log ---------------------------------------------------------
    ws = wb.active
    ws.title = "История версий"
    log_hf = [("Версия", "ignore"), ("Дата", "last_reviewed"), ("Автор", "ignore"),
              ("Что поменяли", "ignore")]
    log_rows = [
        ["1.0", dt.date(2025, 12, 8), "Аня Ким", "первая версия карты после аудита Mindbox"],
        ["1.1", dt.date(2026, 2, 16), "Аня Ким", "добавили заводчиков и Telegram-бота"],
        # DEFECT GOV001: last review 17.04.2026 (> 6 months before 29.11.2026)
        ["1.2", dt.date(2026, 4, 17), "Денис Волков", "переписали реактивацию, новые сегменты SEG_SLEEP / SEG_LOST"],
    ]
    put_table(ws, 1, [h for h, _ in log_hf], log_rows, [8, 12, 16, 70])
    cols += [(ws.title, h, f) for h, f in log_hf]

    # ---- content calendar ---------------------------------------------------
    ws = wb.create_sheet("Контент-план дек")
    cal_hf = [
        ("ID", "scenario"), ("Канал", "channel"), ("Сегмент", "segments"), ("Этап CJM", "stage"),
        ("Регулярность", "schedule"), ("Цель", "goal"), ("Goal event", "goal_event"),
        ("Stop", "stop_event"), ("KPI", "kpi"), ("Owner", "owner"), ("Статус", "status"),
        ("Нед. 48\n23–29.11", "step"), ("Нед. 49\n30.11–06.12", "step"),
        ("Нед. 50\n07–13.12", "step"), ("Нед. 51\n14–20.12", "step"),
        ("Нед. 52\n21–27.12", "step"),
    ]
    ANYA, DEN = "Аня Ким", "Денис Волков"
    cal_rows = [
        ["R01", "Email", "SEG_NEWS", "ST_3", "еженедельно, вт 11:00",
         "вовлечение: переход в каталог и покупка", "order_paid", "order_paid",
         "CTR ≥ 3,5%", ANYA, "Active",
         "Дайджест новинок: зимние лежанки и пледы (email, контент)",
         "Новинки: беззерновые корма Grandorf (email, контент)",
         "Как выбрать когтеточку: гид + новинки (email, контент)",
         "Подарки питомцам к Новому году — подборка (email, контент)",
         "Итоги года в Лапа Маркете (email, новости)"],
        ["R02", "Email", "SEG_NEWS", "ST_3", "еженедельно, пт 10:00",
         "продажи по акциям недели", "order_paid", "order_paid",
         "выручка на письмо ≥ 1,2 ₽", DEN, "Active",
         "Чёрная пятница: −30% на сухие корма (email, промо)",
         "Скидки недели: −20% на наполнители (email, промо)",
         "2+1 на лакомства (email, промо)",
         "Новогодний sale до −40% (email, промо)",
         "Последний шанс: новогодний sale (email, промо)"],
        ["R09", "Email", "SEG_NEWS", "ST_3", "раз в месяц",
         "доверие и экспертность", "order_paid", "order_paid",
         "open rate ≥ 30%", ANYA, "Active",
         "", "", "Письмо от ветеринара: прививки и прогулки зимой (email, контент)", "", ""],
        ["R03", "Telegram", "SEG_TG", "ST_4", "еженедельно, чт 19:00",
         "удержание лояльных, клуб Лапа+", "order_paid", "order_paid",
         "ER ≥ 8%, переходы в каталог", DEN, "активна",
         "История недели из клуба Лапа+: кот-путешественник (telegram, контент)",
         "Опрос: чем кормите зимой? (telegram, контент)",
         "История недели: приют «Верные друзья» (telegram, контент)",
         "Как упаковать подарок, чтобы кот не съел ленту (telegram, контент)",
         "Лучшие фото декабря от подписчиков (telegram, контент)"],
        # DEFECT CNT002: SEG_SALE gets only promo (R04, R05, R08)
        ["R04", "Push", "SEG_SALE", "ST_3", "еженедельно, пн 12:00",
         "продажи по акциям", "order_paid", "order_paid",
         "CR push → заказ ≥ 1,5%", DEN, "Active",
         "Флеш-распродажа −40% на наполнители, 24 часа (push, промо)",
         "−25% на корма Monge до среды (push, промо)",
         "Лакомства 3 по цене 2 (push, промо)",
         "Новогодний sale: до −40% (push, промо)",
         "Последние часы sale (push, промо)"],
        ["R05", "Email", "SEG_SALE", "ST_3", "еженедельно, сб 10:00",
         "продажи выходных", "order_paid", "order_paid",
         "выручка на письмо ≥ 1,5 ₽", DEN, "Active",
         "Распродажа выходных: аксессуары −35% (email, промо)",
         "Выходные скидки на игрушки (email, промо)",
         "Распродажа выходных: лежанки −30% (email, промо)",
         "Предновогодние выходные: −40% (email, промо)",
         "Распродажа остатков года (email, промо)"],
        ["R06", "Email", "SEG_SLEEP", "ST_5", "раз в месяц",
         "вернуть интерес засыпающих", "order_paid", "order_paid",
         "реактивация ≥ 4%", ANYA, "Active",
         "", "", "Полезное: как пережить зиму с собакой (email, контент)", "", ""],
        # DEFECT COV003: promo SMS to the stop list
        ["R07", "SMS", "SEG_STOP", "ST_6", "разово",
         "дожать отписавшихся на Чёрную пятницу", "order_paid", "order_paid",
         "CR ≥ 2%", DEN, "Active",
         "Чёрная пятница −30% на всё, только до воскресенья (sms, промо)", "", "", "", ""],
        ["R08", "Email", "SEG_SALE, SEG_LOST", "ST_6", "разово (Чёрная пятница)",
         "продажи Чёрной пятницы", "order_paid", "order_paid",
         "выручка ≥ 600 тыс. ₽", DEN, "Active",
         "Чёрная пятница: −30% на всё до воскресенья (email, промо)", "", "", "", ""],
    ]
    put_table(ws, 1, [h for h, _ in cal_hf], cal_rows,
              [6, 10, 18, 9, 20, 30, 12, 12, 22, 14, 10, 40, 40, 40, 40, 40])
    cols += [(ws.title, h, f) for h, f in cal_hf]

    # ---- trigger chains (one row per touch) ---------------------------------
    ws = wb.create_sheet("Trigger chains")
    tr_hf = [
        ("ID", "scenario"), ("Цепочка", "scenario_name"), ("Trigger", "trigger"),
        ("Сегмент", "segments"), ("Этап", "stage"), ("Шаг", "step"), ("Когда", "timing"),
        ("Условие", "condition"), ("Канал", "channel"), ("Сообщение", "message"),
        ("Тип", "message_type"), ("Цель", "goal"), ("Goal event", "goal_event"),
        ("Stop", "stop_event"), ("KPI", "kpi"), ("Owner", "owner"), ("Статус", "status"),
    ]

    def chain_rows(cid, name, trigger, segs, stage, goal, goal_ev, stop, kpi, owner, status, steps):
        rows = []
        for i, (when, cond, chan, msg, kind) in enumerate(steps, 1):
            head = i == 1
            rows.append([
                cid, name if head else "", trigger if head else "", segs if head else "",
                stage if head else "", i, when, cond, chan, msg, kind,
                goal if head else "", goal_ev if head else "", stop if head else "",
                kpi if head else "", owner if head else "", status if head else "",
            ])
        return rows

    tr_rows = []
    # LOOK-ALIKE COST001: email first, push as fallback
    tr_rows += chain_rows("T01", "Брошенная корзина", "cart_abandoned", "SEG_ACTIVE", "ST_3",
                          "оплата заказа", "order_paid", "order_paid", "CR корзина → заказ ≥ 12%",
                          ANYA, "Active", [
        ("через 1 час", "", "Email", "Вы кое-что забыли: корм Monge ждёт в корзине", "сервис"),
        ("через 1 день", "если не открыл письмо", "Push",
         "Корзина всё ещё ждёт + бесплатная доставка от 2000 ₽", "промо"),
    ])
    tr_rows += chain_rows("T02", "Отзыв после доставки", "order_delivered", "SEG_ACTIVE", "ST_3",
                          "отзыв о товаре", "review_left", "review_left", "доля отзывов ≥ 8%",
                          ANYA, "Active", [
        ("через 3 дня", "", "Email", "Как питомцу покупка? Оставьте отзыв — +100 баллов", "сервис"),
        ("next morning 10am", "если не открыл письмо", "Push",
         "Пара слов о покупке = 100 баллов на счёт", "сервис"),
    ])
    # LOOK-ALIKE FREQ002 (with T02: same event, different segment); MAP003 look-alike timings
    tr_rows += chain_rows("T03", "Первый заказ доставлен: welcome в клуб", "order_delivered", "SEG_FIRST", "ST_2",
                          "второй заказ", "order_paid", "order_paid", "второй заказ за 30 дней ≥ 25%",
                          ANYA, "Active", [
        ("сразу", "", "Email", "Добро пожаловать в клуб Лапа+: как копить и тратить баллы", "сервис"),
        ("D+3", "", "Email", "Гид: как перевести питомца на новый корм за 7 дней", "контент"),
        ("D+7", "если не было заказа", "Push", "−10% на второй заказ до воскресенья", "промо"),
    ])
    # DEFECT COST001: SMS first, cheaper email as fallback on SMS feedback
    tr_rows += chain_rows("T04", "Корм заканчивается", "food_running_out", "SEG_ACTIVE", "ST_3",
                          "повторный заказ корма", "order_paid", "order_paid", "повторная покупка корма ≥ 35%",
                          DEN, "Active", [
        ("сразу", "", "SMS", "Лапа Маркет: корм Grandorf скоро закончится. Повторить заказ: lapa.ru/r", "сервис"),
        ("через 2 часа", "если SMS не доставлено", "Email",
         "Пора пополнить запасы корма — повторите заказ в 1 клик", "сервис"),
    ])
    # DEFECT CNT003 (KPI empty) and MAP003 (unreadable delay on step 3)
    tr_rows += chain_rows("T05", "Welcome подписчика", "signup", "SEG_NEW", "ST_1",
                          "первый заказ", "order_paid", "order_paid", "",
                          ANYA, "Active", [
        ("сразу", "", "Email", "Добро пожаловать в Лапа Маркет: что у нас есть и как работает доставка", "сервис"),
        ("через 2 дня", "", "Email", "Как выбрать корм по возрасту питомца", "контент"),
        ("через N дней (уточнить у Кати)", "если не было заказа", "Push",
         "Промокод LAPA300 на первый заказ — действует 7 дней", "промо"),
    ])
    tr_rows += chain_rows("T06", "Засыпающие 60 дней", "no_orders_60d", "SEG_SLEEP", "ST_5",
                          "заказ после паузы", "order_paid", "order_paid", "реактивация ≥ 6%",
                          DEN, "Active", [
        ("сразу", "", "Email", "Мы соскучились! Что нового в Лапа Маркете", "новости"),
        ("через 5 дней", "если не открыл письмо", "Email", "−15% на любимый корм — только для вас, 7 дней", "промо"),
        ("через 2 дня", "если не было заказа", "Push", "Мы обновили приложение: доставка за 2 часа", "новости"),
    ])
    # LOOK-ALIKE INT003: SMS on «email not opened» — email does report opens
    tr_rows += chain_rows("T08", "Winback 180", "no_orders_180d", "SEG_LOST", "ST_6",
                          "вернуть ушедшего", "order_paid", "order_paid", "возврат ≥ 3%",
                          DEN, "активна", [
        ("сразу", "", "Email", "Что нового за полгода: 3 000 новых товаров и доставка за 2 часа", "новости"),
        ("через 3 дня", "если не открыл письмо", "SMS", "Лапа Маркет: 500 баллов ждут вас до 15.12", "промо"),
        ("D+7", "", "Email", "Расскажите, почему ушли — 1 минута", "сервис"),
    ])
    tr_rows += chain_rows("T09", "Клуб заводчиков: онбординг", "breeder_approved", "SEG_BREED", "ST_B",
                          "первый оптовый заказ", "order_paid", "order_paid", "первый заказ за 14 дней ≥ 50%",
                          DEN, "Active", [
        ("сразу", "", "Email", "Вы в клубе заводчиков: персональные цены и личный менеджер", "сервис"),
        ("через 1 день", "", "Telegram", "Добавьте бота клуба — там прайс и оптовые заказы", "сервис"),
    ])
    # LOOK-ALIKE COV003: service SMS also to the stop list
    tr_rows += chain_rows("T10", "Статус заказа: передан в доставку", "order_shipped",
                          "SEG_ACTIVE, SEG_FIRST, SEG_STOP", "ST_3",
                          "клиент знает, когда привезут", "order_delivered", "order_delivered",
                          "обращения «где заказ» ≤ 2%", ANYA, "Active", [
        ("сразу", "", "SMS", "Заказ №{номер} передан в доставку, курьер привезёт завтра 10–14", "сервис"),
    ])
    # DEFECT FREQ002: second active chain on cart_abandoned for SEG_ACTIVE (v1 not switched off)
    tr_rows += chain_rows("T07", "Брошенная корзина v2 (тест, push)", "cart_abandoned", "SEG_ACTIVE", "ST_3",
                          "оплата заказа", "order_paid", "order_paid", "CR корзина → заказ ≥ 12%",
                          DEN, "Active (запущена 10.11)", [
        ("через 30 минут", "", "Push", "Осталось оформить заказ — мы сохранили корзину", "сервис"),
        ("D+1", "если не было заказа", "Push", "Похожие товары со скидкой 10% — только сегодня", "промо"),
    ])
    put_table(ws, 1, [h for h, _ in tr_hf], tr_rows,
              [6, 28, 18, 22, 7, 5, 22, 24, 10, 60, 9, 22, 14, 14, 26, 14, 14])
    cols += [(ws.title, h, f) for h, f in tr_hf]

    # ---- segments -----------------------------------------------------------
    ws = wb.create_sheet("Сегменты")
    seg_hf = [("ID", "id"), ("Название", "name"), ("Размер", "size"), ("Tier", "tier"),
              ("Стоп-лист", "excluded"), ("Комментарий", "ignore")]
    seg_rows = [
        ["SEG_NEWS", "Подписчики email-рассылки", "61 300", "mass", "нет", "согласие на рекламную рассылку"],
        ["SEG_NEW", "Подписались, заказов нет", "8 400", "mass", "нет", ""],
        ["SEG_FIRST", "Первый заказ (30 дней)", "2 300", "mass", "нет", ""],
        ["SEG_ACTIVE", "Активные покупатели", "27 600", "mass", "нет", "заказ за 90 дней"],
        # DEFECT CNT002 target
        ["SEG_SALE", "Охотники за скидками", "5 900", "mass", "нет", "> 80% заказов по акции"],
        ["SEG_SLEEP", "Засыпающие", "9 800", "mass", "нет", "60–180 дней без заказа"],
        ["SEG_LOST", "Ушедшие", "14 200", "mass", "нет", "> 180 дней без заказа"],
        ["SEG_TG", "Подписчики Telegram-бота", "7 300", "mass", "нет", "клуб Лапа+ в Telegram"],
        ["SEG_BREED", "Заводчики (клуб)", "420", "high", "нет", "подтверждённые питомники"],
        ["SEG_STOP", "Отписались от рекламы", "3 100", "", "да", "38-ФЗ: только сервисные сообщения"],
    ]
    put_table(ws, 1, [h for h, _ in seg_hf], seg_rows, [12, 28, 10, 8, 10, 40])
    cols += [(ws.title, h, f) for h, f in seg_hf]

    # ---- CJM stages ----------------------------------------------------------
    ws = wb.create_sheet("CJM stages")
    st_hf = [("Stage ID", "id"), ("Этап", "name"), ("Next stage", "next"),
             ("Финальный", "final"), ("Описание", "ignore")]
    st_rows = [
        ["ST_1", "Знакомство", "ST_2", "нет", "подписался на рассылку / зарегистрировался"],
        ["ST_2", "Первый заказ", "ST_3", "нет", "оплатил и получил первый заказ"],
        ["ST_3", "Повторные покупки", "ST_4; ST_5", "нет", "покупает регулярно"],
        ["ST_4", "Лояльный", "", "да", "в клубе Лапа+, покупает всё у нас"],
        ["ST_5", "Засыпает", "ST_3; ST_6", "нет", "60–180 дней без заказа"],
        ["ST_6", "Ушёл", "ST_3", "нет", "> 180 дней без заказа"],
        # DEFECT FLOW002: no stage leads here, and it is not the first stage
        ["ST_B", "Клуб заводчиков (B2B)", "ST_4", "нет", "питомник подтверждён менеджером"],
    ]
    put_table(ws, 1, [h for h, _ in st_hf], st_rows, [10, 24, 14, 10, 44])
    cols += [(ws.title, h, f) for h, f in st_hf]

    # ---- events --------------------------------------------------------------
    ws = wb.create_sheet("События")
    ev_hf = [("Event", "id"), ("Описание", "ignore"), ("Источник", "source"),
             ("Tracked?", "tracked")]
    ev_rows = [
        ["signup", "подписка на рассылку / регистрация", "Сайт", "да"],
        ["cart_abandoned", "корзина без заказа 1 час", "Сайт", "да"],
        ["order_paid", "заказ оплачен", "1С:УТ", "да"],
        ["order_shipped", "заказ передан в доставку", "1С:УТ", "да"],
        ["order_delivered", "заказ доставлен", "1С:УТ", "да"],
        ["review_left", "отзыв о товаре опубликован", "Сайт", "да"],
        ["food_running_out", "расчётная дата окончания корма (вес пачки / норма)", "1С:УТ", "да"],
        ["no_orders_60d", "60 дней без заказа", "1С:УТ", "да"],
        ["no_orders_180d", "180 дней без заказа", "1С:УТ", "да"],
        ["breeder_approved", "менеджер подтвердил питомник", "1С:УТ", "да"],
    ]
    put_table(ws, 1, [h for h, _ in ev_hf], ev_rows, [18, 46, 10, 9])
    cols += [(ws.title, h, f) for h, f in ev_hf]

    # ---- systems / integrations --------------------------------------------
    ws = wb.create_sheet("Системы")
    sy_hf = [("Система", "system"), ("Каналы", "channel"), ("Получает из", "source"),
             ("Передаёт в", "sends_to"), ("Комментарий", "ignore")]
    sy_rows = [
        ["Mindbox", "Email, Push, SMS, Viber", "Сайт, Приложение, 1С:УТ", "Salebot",
         "CDP + рассылки, сегменты синхронизируются в бота"],
        ["Salebot", "Telegram", "Mindbox, 1С:УТ", "Mindbox", "Telegram-бот клуба Лапа+ и заводчиков"],
        ["1С:УТ", "", "Сайт", "Mindbox, Salebot", "заказы, остатки, статусы доставки"],
    ]
    put_table(ws, 1, [h for h, _ in sy_hf], sy_rows, [12, 24, 26, 18, 46])
    cols += [(ws.title, h, f) for h, f in sy_hf]

    # ---- channels ------------------------------------------------------------
    ws = wb.create_sheet("Каналы")
    ch_hf = [("Канал", "channel"), ("Тип", "kind"), ("Система", "system"),
             ("Цена за сообщение, ₽", "ignore"), ("Что возвращает", "ignore")]
    ch_rows = [
        ["Email", "email", "Mindbox", "0,12", "доставлено, открыто, клик, отписка"],
        ["Push", "push", "Mindbox", "0,03", "доставлено, открыто"],
        ["SMS", "sms", "Mindbox", "3,40", "доставлено, клик по ссылке"],
        # DEFECT COV004: declared, used by nothing
        ["Viber", "messenger", "Mindbox", "1,10", "доставлено, прочитано, клик"],
        ["Telegram", "messenger", "Salebot", "0", "доставлено, клик"],
    ]
    put_table(ws, 1, [h for h, _ in ch_hf], ch_rows, [10, 10, 10, 14, 36])
    cols += [(ws.title, h, f) for h, f in ch_hf]

    wb.save(folder / xlsx)

    defects = [
        ("MAP003", "T05",
         "T05 шаг 3: «Когда» = «через N дней (уточнить у Кати)» — задержку нельзя прочитать."),
        ("COV003", "R07",
         "R07 шлёт промо-SMS «Чёрная пятница −30%» сегменту SEG_STOP, который помечен как стоп-лист."),
        ("COV004", "Viber",
         "Канал Viber объявлен на листах «Каналы» и «Системы», но ни один шаг и ни одна строка плана его не используют."),
        ("FLOW002", "ST_B",
         "Этап ST_B «Клуб заводчиков (B2B)» не первый, и ни у одного этапа в Next stage нет ST_B — из ST_1 до него не дойти."),
        ("FREQ002", "cart_abandoned",
         "T01 «Брошенная корзина» и T07 «Брошенная корзина v2» — обе Active, обе на cart_abandoned для SEG_ACTIVE."),
        ("COST001", "T04",
         "T04 начинается с SMS и при «SMS не доставлено» откатывается на более дешёвый Email."),
        ("CNT002", "SEG_SALE",
         "SEG_SALE получает только промо (R04, R05, R08 — все ячейки промо): 100% > 60%."),
        ("GOV001", "2026-04-17",
         "Последняя запись в «История версий» — 17.04.2026, больше 6 месяцев до 29.11.2026."),
        ("CNT003", "T05",
         "У цепочки T05 «Welcome подписчика» пустая колонка KPI."),
    ]
    lookalikes = [
        ("COST001", "T01",
         "T01: Email, затем Push при неоткрытии — каскад начинается с email, не с SMS/звонка (email → push правило прямо исключает)."),
        ("FREQ002", "order_delivered",
         "T02 и T03 обе на order_delivered, но для разных сегментов (SEG_ACTIVE и SEG_FIRST)."),
        ("COV003", "T10",
         "T10 доходит до SEG_STOP, но это сервисное SMS о статусе заказа, не промо/новости/контент."),
        ("MAP003", "T03",
         "Задержки «D+3», «D+7» (и «next morning 10am» в T02) записаны непривычно, но читаемы."),
        ("INT003", "T08",
         "T08 шаг 2 (SMS) стоит на условии «если не открыл письмо» — обратная связь от email, а email открытия сообщает."),
    ]
    write_answers(folder, "Лапа Маркет — контент-план + триггеры (RU/EN)", xlsx, "ru",
                  defects, lookalikes, cols)


def main() -> None:
    build_outline_ru()
    build_campaign_export_en()
    build_calendar_mixed()
    print("corpus14 built in", HERE)


if __name__ == "__main__":
    main()
