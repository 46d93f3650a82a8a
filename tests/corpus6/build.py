"""Generator for corpus6: four client-style communication maps with answer keys.

Run:  . /work/main/.venv/bin/activate && python tests/corpus6/build.py
"""
import csv
import os
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

HERE = Path(__file__).resolve().parent
BOLD = Font(bold=True)
HEAD = PatternFill("solid", fgColor="DDEBF7")
NOTE = PatternFill("solid", fgColor="FFF2CC")
WRAP = Alignment(wrap_text=True, vertical="top")


def q(s):
    return '"' + str(s).replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_answers(folder, title, mapname, lang, defects, lookalikes, columns):
    out = [f"title = {q(title)}", f"map = {q(mapname)}", f"lang = {q(lang)}",
           'today = "2026-11-28"', ""]
    for kind, items in (("defect", defects), ("lookalike", lookalikes)):
        for code, match, why in items:
            out += [f"[[{kind}]]", f"code = {q(code)}", f"match = {q(match)}", f"why = {q(why)}", ""]
    for sheet, header, field in columns:
        out += ["[[column]]", f"sheet = {q(sheet)}", f"header = {q(header)}", f"field = {q(field)}", ""]
    (folder / "answers.toml").write_text("\n".join(out), encoding="utf-8")


def header_row(ws, row, headers):
    for i, h in enumerate(headers, 1):
        c = ws.cell(row=row, column=i, value=h)
        c.font = BOLD
        c.fill = HEAD
        c.alignment = WRAP


def plain_sheet(ws, headers, rows, start=1):
    header_row(ws, start, headers)
    for r, row in enumerate(rows, start + 1):
        for i, v in enumerate(row, 1):
            ws.cell(row=r, column=i, value=v)


def write_csv_folder(folder, files, encoding, delimiter):
    folder.mkdir(parents=True, exist_ok=True)
    for name, (headers, rows) in files.items():
        with open(folder / name, "w", newline="", encoding=encoding) as f:
            w = csv.writer(f, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL)
            w.writerow(headers)
            for row in rows:
                # Excel on Windows saves U+2212 as a plain hyphen in cp1251
                w.writerow([str(v).replace("\u2212", "-") for v in row])


# ---------------------------------------------------------------------------
# Map 1 (ru, xlsx): СтройДвор — DIY/home-improvement chain, «Матрица касаний»
# ---------------------------------------------------------------------------
def build_stroydvor():
    folder = HERE / "stroydvor_ru"
    folder.mkdir(exist_ok=True)
    wb = Workbook()
    ws = wb.active
    ws.title = "Матрица касаний"
    H = ["№", "Цепочка", "Тип цепочки", "Сегмент", "Этап", "Запуск (событие)", "Расписание",
         "К#", "Задержка", "Канл", "Условиe", "Далее", "Сообщение", "Тип сообщения",
         "Цель", "Событие цели", "Выход из цепочки", "KPI", "Ответственный", "Статус"]
    ws["A1"] = "СтройДвор — матрица касаний CRM (розница + интернет-магазин)"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Версия 3.2 · ведёт CRM-отдел · вопросы — Е. Сорокиной"
    header_row(ws, 4, H)
    # scenario: (no, name, type, seg, stage, trigger, schedule, touches, goal, goal_ev, exit, kpi, owner, status, note_after)
    # touch: (k, delay, channel, condition, next, message, mtype)
    S = [
        ("1", "Welcome-цепочка", "Триггерная", "Новые", "Знакомство", "Регистрация в программе лояльности", None,
         [("К1", "сразу", "Email", None, None, "Добро пожаловать в СтройДвор: как копить и тратить баллы", "информационное"),
          ("К2", "через 3 дня", "Push", None, None, "Сканер штрихкодов в приложении: цена и наличие в вашем магазине", "контент"),
          ("К3", "через 6 дней", "Email", "нет события «Покупка»", None, "300 ₽ на первую покупку от 3 000 ₽", "промо")],
         "Первая покупка", "Покупка", "Покупка", "Конверсия в 1-ю покупку ≥ 12 % за 14 дней", "Е. Сорокина", "работает", None),
        ("2", "Приветственный бонус", "Триггерная", "Новые", "Знакомство", "Регистрация в программе лояльности", None,
         [("К1", "через 10 мин", "SMS", None, None, "Вам начислено 500 приветственных баллов, действуют 30 дней", "сервисное")],
         "Первое списание баллов", "Списание баллов", "Списание баллов", "Доля списавших баллы 25 %", "А. Гусев", "работает",
         "Примечание: бонус запущен отдельно в августе по просьбе розницы, Welcome-цепочку при этом не трогали."),
        ("3", "Брошенная корзина", "Триггерная", "Активные", "Повторная покупка", "Брошенная корзина", None,
         [("К1", "через 1 ч", "Email", None, None, "Вы оставили товары в корзине", "информационное"),
          ("К2", "через 24 ч", "Push", "К1 не открыто", None, "Товары в корзине скоро разберут — −5 % по коду DOM5", "промо")],
         "Оформление заказа", "Заказ оформлен", "Заказ оформлен", "Возврат корзин 8 %", "Е. Сорокина", "работает", None),
        ("4", "Просмотренный товар", "Триггерная", "Активные", "Повторная покупка", "Просмотр товара в приложении", None,
         [("К1", "через 2 ч", "Push", None, None, "Товар, который вы смотрели, есть в вашем магазине", "информационное")],
         "Заказ просмотренного товара", "Заказ оформлен", "Заказ оформлен", "CR в заказ 3 %", "Д. Ким", "работает", None),
        ("5", "Отзыв о покупке", "Триггерная", "Активные", "Лояльность", "Заказ получен", None,
         [("К1", "через 3 дня", "Email", None, None, "Как вам покупка? Оцените товар", "сервисное"),
          ("К2", "через 4 дня", "Push", "нет события «Отзыв оставлен»", None, "Отзыв = 50 баллов на карту", "информационное")],
         "Отзыв о товаре", "Отзыв оставлен", "Отзыв оставлен", "Доля покупок с отзывом 7 %", "Д. Ким", "работает", None),
        ("6", "Крупная смета", "Триггерная", "Профи", "Повторная покупка", "Смета сохранена", None,
         [("К1", "сразу", "Email", None, None, "Смета сохранена, персональный менеджер на связи", "сервисное"),
          ("К2", "через 24 ч", "SMS", "К1 не открыто", None, "Ваш менеджер Иван: +7 495 000-00-00, смета действует 5 дней", "сервисное"),
          ("К3", "через 24 ч", "Звонок", "SMS (К2) не прочитано", None, "Звонок менеджера: объёмы, доставка на объект, скидка", "информационное")],
         "Оплата сметы", "Заказ оформлен", "Заказ оформлен", "Конверсия смет в заказ 35 %", "О. Белов", "работает", None),
        ("7", "Заказ готов к выдаче", "Сервисная", "Все", "Покупка", "Заказ собран", None,
         [("К1", "сразу", "SMS", None, None, "Заказ собран, ждём вас в магазине 3 дня", "сервисное"),
          ("К2", "через 48 ч", "Push", "нет события «Заказ получен»", None, "Не забудьте забрать заказ — хранение до конца недели", "сервисное")],
         "Клиент забрал заказ", "Заказ получен", "Заказ получен", "Невыкуп < 4 %", "А. Гусев", "работает", None),
        ("8", "Реактивация спящих", "Триггерная", "Спящие", "Отток", "Нет покупок 180 дней", None,
         [("К1", "сразу", "Email", None, None, "Мы скучали: −15 % на всё", "промо"),
          ("К2", "через 5 дней", "Push", "К1 не открыто", None, "Напоминаем: скидка −15 % ждёт вас", "информационное"),
          ("К3", "через 10 дней", "Push", "нет события «Покупка»", "К1", "Новая подборка для ремонта", "контент")],
         "Возврат покупателя", "Покупка", None, "Реактивация 4 %", "Е. Сорокина", "работает",
         "Примечание: после К3 цикл повторяется с К1 (новая подборка), пока клиент не купит."),
        ("9", "Скидки недели", "Регулярная", "Активные", "Повторная покупка", None, "каждый четверг, 11:00",
         [("К1", None, "Email", None, None, "Скидки недели: −30 % на краски и инструмент", "промо")],
         "Повторные покупки", "Покупка", None, "Выручка с рассылки; OR 18 %", "Д. Ким", "работает", None),
        ("10", "Прайс для профи", "Регулярная", "Профи", "Лояльность", None, "1-й и 3-й понедельник месяца",
         [("К1", None, "Email", None, None, "Персональный прайс ПРО и остатки на складе", "промо")],
         "Заказы от профи", "Заказ оформлен", None, "Доля выручки ПРО 20 %", "О. Белов", "работает", None),
        ("11", "Сезонная распродажа", "Регулярная", "Спящие, Отказались от рекламы", "Отток", None, "раз в квартал, 1-я суббота",
         [("К1", None, "SMS", None, None, "Распродажа сезона: до −50 % только 3 дня", "промо")],
         "Возврат в магазин", "Покупка", None, "Выручка акции", "Е. Сорокина", "работает", None),
    ]
    r = 5
    scen_cols = [1, 2, 3, 4, 5, 6, 7, 15, 16, 17, 18, 19, 20]
    for (no, name, typ, seg, stage, trig, sched, touches, goal, gev, ex, kpi, owner, status, note) in S:
        first = r
        for (k, delay, ch, cond, nxt, msg, mt) in touches:
            for col, v in zip(range(8, 15), (k, delay, ch, cond, nxt, msg, mt)):
                ws.cell(row=r, column=col, value=v)
            r += 1
        last = r - 1
        vals = dict(zip(scen_cols, (no, name, typ, seg, stage, trig, sched, goal, gev, ex, kpi, owner, status)))
        for col, v in vals.items():
            ws.cell(row=first, column=col, value=v).alignment = WRAP
            if last > first:
                ws.merge_cells(start_row=first, start_column=col, end_row=last, end_column=col)
        if note:
            c = ws.cell(row=r, column=1, value=note)
            c.fill = NOTE
            c.font = Font(italic=True)
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(H))
            r += 1
    c = ws.cell(row=r + 1, column=1, value="Примечание: сезонную цепочку для дачников (рассада, теплицы) обсуждаем к весне 2027, в матрицу пока не внесена.")
    c.fill = NOTE
    ws.merge_cells(start_row=r + 1, start_column=1, end_row=r + 1, end_column=len(H))
    for col, w in zip("ABCDEFGHIJKLMNOPQRST", (4, 22, 12, 18, 16, 24, 18, 5, 12, 8, 22, 6, 44, 14, 20, 16, 16, 24, 14, 10)):
        ws.column_dimensions[col].width = w

    seg = wb.create_sheet("Сегменты")
    plain_sheet(seg, ["Сегмент", "Условие отбора", "Кол-во клиентов", "Приоритет", "Стоп-лист"], [
        ["Новые", "регистрация < 30 дней, покупок нет", 18400, "обычный", "нет"],
        ["Активные", "покупка за последние 90 дней", 62000, "обычный", "нет"],
        ["Профи", "карта ПРО: бригады, прорабы", 4100, "высокий", "нет"],
        ["Дачники", "покупки в категориях «Сад» и «Дача» за год", 27000, "обычный", "нет"],
        ["Спящие", "нет покупок 180+ дней", 41000, "обычный", "нет"],
        ["Отказались от рекламы", "отозвали согласие на рекламные рассылки", 9300, "", "да"],
    ])
    ev = wb.create_sheet("События")
    plain_sheet(ev, ["Событие", "Откуда приходит", "Трекинг", "Комментарий"], [
        ["Регистрация в программе лояльности", "1С:Розница", "да", "выдача карты на кассе или на сайте"],
        ["Покупка", "1С:Розница", "да", "любой чек, офлайн и онлайн"],
        ["Заказ оформлен", "Сайт", "да", ""],
        ["Брошенная корзина", "Сайт", "да", "корзина без заказа 1 ч"],
        ["Просмотр товара в приложении", "Приложение", "нет", "SDK Mindbox в приложении не подключён, событие не передаётся"],
        ["Смета сохранена", "Сайт", "да", "смета от 100 000 ₽"],
        ["Заказ собран", "1С:Розница", "да", ""],
        ["Заказ получен", "1С:Розница", "да", ""],
        ["Списание баллов", "1С:Розница", "да", ""],
        ["Отзыв оставлен", "Сайт", "да", ""],
        ["Нет покупок 180 дней", "Mindbox", "да", "расчётное событие"],
    ])
    sy = wb.create_sheet("Платформа")
    plain_sheet(sy, ["Система", "Назначение", "Каналы"], [
        ["Mindbox", "CDP, оркестрация цепочек, рассылки", "Email, Push, SMS"],
        ["Naumen Contact Center", "колл-центр, исходящий обзвон", "Звонок"],
        ["1С:Розница", "кассы, заказы, бонусы", ""],
        ["Сайт", "интернет-магазин, трекер Mindbox", ""],
        ["Приложение", "мобильное приложение iOS/Android", ""],
    ])
    it = wb.create_sheet("Интеграции")
    plain_sheet(it, ["Откуда", "Куда", "Что передаём"], [
        ["Сайт", "Mindbox", "заказы, корзины, сметы, отзывы"],
        ["Приложение", "Mindbox", "профиль, push-токены"],
        ["1С:Розница", "Mindbox", "покупки, регистрации карт, статусы заказов, баллы"],
        ["Mindbox", "Naumen Contact Center", "задачи на звонок, статусы email/SMS, отмена задачи при заказе"],
        ["Naumen Contact Center", "Mindbox", "результат звонка"],
    ])
    wb.save(folder / "map.xlsx")

    M = "Матрица касаний"
    fields = ["id", "scenario_name", "kind", "segments", "stage", "trigger", "schedule", "step", "timing",
              "channel", "condition", "next", "message", "message_type", "goal", "goal_event", "stop_event",
              "kpi", "owner", "status"]
    cols = [(M, h, f) for h, f in zip(H, fields)]
    cols += [("Сегменты", "Сегмент", "name"), ("Сегменты", "Условие отбора", "ignore"),
             ("Сегменты", "Кол-во клиентов", "size"), ("Сегменты", "Приоритет", "tier"),
             ("Сегменты", "Стоп-лист", "excluded"),
             ("События", "Событие", "name"), ("События", "Откуда приходит", "source"),
             ("События", "Трекинг", "tracked"), ("События", "Комментарий", "ignore"),
             ("Платформа", "Система", "name"), ("Платформа", "Назначение", "kind"), ("Платформа", "Каналы", "channel"),
             ("Интеграции", "Откуда", "source"), ("Интеграции", "Куда", "system"), ("Интеграции", "Что передаём", "ignore")]
    write_answers(folder, "СтройДвор — матрица касаний (DIY-ритейл)", "map.xlsx", "ru", [
        ("COV001", "Дачники", "Сегмент «Дачники» (27 000) описан, но ни одна цепочка на него не нацелена; сервисная «Заказ готов» для «Все» не считается, сезонная цепочка только в примечании."),
        ("COV003", "Сезонная распродажа", "Рекламная SMS «Сезонная распродажа» адресована сегменту «Отказались от рекламы», который помечен как стоп-лист."),
        ("FLOW003", "Реактивация спящих", "К3 → «Далее: К1»: цикл К1→К2→К3→К1 без стоп-события и без ограничения числа повторов; условие «нет покупки» внутри цикла его не ограничивает."),
        ("FLOW004", "Реактивация спящих", "У цепочки есть событие цели «Покупка», но колонка «Выход из цепочки» пуста — купивший продолжит получать касания."),
        ("FREQ002", "Регистрация в программе лояльности", "«Welcome-цепочка» и «Приветственный бонус» — обе работают и запускаются одним событием для сегмента «Новые»."),
        ("TRK002", "Просмотренный товар", "Запуск по событию «Просмотр товара в приложении», которое в листе «События» помечено «Трекинг: нет» (SDK не подключён)."),
        ("INT003", "Крупная смета", "К3 (звонок) ставится по условию «SMS (К2) не прочитано», а SMS не сообщает о прочтении — только о доставке."),
    ], [
        ("COST002", "Крупная смета", "Звонок в сегмент «Профи» — 4 100 клиентов, но приоритет «высокий», это оправданный дорогой канал."),
        ("COV003", "Заказ готов к выдаче", "Сервисная цепочка для «Все» доходит и до стоп-листа по рекламе — это сервисные сообщения, не реклама."),
        ("COST001", "Заказ готов к выдаче", "Начинается с SMS, push идёт по бизнес-событию «заказ не получен», а не по реакции на SMS — это не каскад от дорогого канала."),
    ], cols)


# ---------------------------------------------------------------------------
# Map 2 (ru, CSV ; cp1251): Флёр — florist delivery, Google Sheets export
# ---------------------------------------------------------------------------
def build_fleur():
    folder = HERE / "fleur_ru"
    mapdir = folder / "map"
    files = {
        "Сценарии.csv": (
            ["ID", "Сценарий", "Тип", "Сегменты", "Этап CJM", "Триггер", "Расписание", "Цель", "Целевое событие",
             "Стоп-событие", "KPI", "Ответственный", "Статус", "Пересмотрено"],
            [
                ["S01", "Welcome подписчика", "триггер", "ПОДП", "Интерес", "Подписка на рассылку", "", "Первый заказ",
                 "Заказ оформлен", "Заказ оформлен", "CR в заказ 5 % за 30 дней", "Марина Лебедева", "активен", "03.11.2026"],
                ["S02", "Брошенная корзина", "триггер", "ПОК", "Повторные заказы", "Брошенная корзина", "", "Возврат корзины",
                 "Заказ оформлен", "Заказ оформлен", "Возврат корзин 10 %", "Марина Лебедева", "активен", "20.10.2026"],
                ["S03", "Статус заказа", "сервисный", "ПОК, VIP", "Первый заказ", "Заказ оформлен", "",
                 "Доставка без звонков в поддержку", "Заказ доставлен", "Заказ доставлен", "Обращения «где заказ» −30 %",
                 "Илья Титов", "активен", "12.09.2026"],
                ["S04", "Памятная дата", "триггер", "ПОК", "Повторные заказы", "Памятная дата через 7 дней", "",
                 "Заказ к памятной дате", "Заказ оформлен", "Заказ оформлен", "CR 9 %", "Илья Титов", "активен", "25.08.2026"],
                ["S05", "Клуб Флёр", "триггер", "VIP", "Постоянный клиент", "Вступление в клуб", "", "Удержание VIP",
                 "Заказ в клубе", "Заказ в клубе", "Заказ раз в 6 недель", "Марина Лебедева", "активен", "01.10.2026"],
                ["S06", "Реактивация", "триггер", "ОТТОК", "Отток", "Нет заказов 12 мес", "", "Возврат клиента",
                 "Заказ оформлен", "Заказ оформлен", "Реактивация 3 %", "Илья Титов", "активен", "15.06.2026"],
                ["S07", "Букет недели", "регулярная", "ПОДП, ПОК, VIP", "Повторные заказы", "", "каждую пятницу 10:00",
                 "Продажи витрины недели", "Заказ оформлен", "", "Выручка рассылки", "Марина Лебедева", "активен", "02.03.2026"],
            ]),
        "Касания.csv": (
            ["Сценарий", "№", "Через", "Канал", "Условие", "Сообщение", "Тип", "Следующий"],
            [
                ["S01", "1", "сразу", "Email", "", "Добро пожаловать во «Флёр»: как мы собираем букеты", "информационное", ""],
                ["S01", "2", "3 дня", "Email", "нет заказа", "Гид: какие цветы стоят дольше", "контентное", ""],
                ["S02", "1", "1 ч", "SMS", "", "Ваш букет ждёт в корзине", "информационное", ""],
                ["S02", "2", "3 ч", "Email", "SMS (шаг 1) не доставлено", "Букет в корзине + −5 % по коду FLEUR5", "промо", ""],
                ["S03", "1", "сразу", "SMS", "", "Заказ принят, флорист начал сборку", "сервисное", ""],
                ["S03", "2", "0", "WhatsApp", "после события «Заказ передан курьеру»", "Курьер в пути, вот его номер", "сервисное", ""],
                ["S04", "1", "сразу", "Email", "", "Через неделю важная дата — соберём букет заранее", "информационное", ""],
                ["S04", "2", "4 дня", "Звонок", "нет заказа", "Оператор предлагает готовые композиции к дате", "промо", ""],
                ["S05", "1", "сразу", "Email", "", "Добро пожаловать в клуб «Флёр»: личный флорист и −10 %", "информационное", ""],
                ["S05", "2", "1 день", "SMS", "", "Ваш личный флорист — Анна, пишите в любое время", "сервисное", ""],
                ["S06", "1", "сразу", "Email", "", "Мы обновили каталог — новые композиции сезона", "контентное", ""],
                ["S06", "2", "7 дней", "SMS", "нет заказа", "−20 % на возвращение, код ВНОВЬ20", "промо", ""],
                ["S07", "1", "", "Email", "", "Букет недели и сезонные цветы", "промо", ""],
            ]),
        "Сегменты.csv": (
            ["Код", "Название", "Родитель", "Размер", "Уровень", "Исключить"],
            [
                ["ПОДП", "Подписчики без заказов", "", "11 500", "обычный", "нет"],
                ["ПОК", "Покупатели", "", "24 000", "обычный", "нет"],
                ["ПОК-1", "Один заказ", "ПОК", "16 200", "обычный", "нет"],
                ["ПОК-2+", "Повторные (2+ заказа)", "ПОК", "7 800", "обычный", "нет"],
                ["VIP", "Клуб «Флёр» (5+ заказов)", "", "900", "VIP", "нет"],
                ["ОТТОК", "Нет заказов 12 мес", "", "8 700", "обычный", "нет"],
                ["СТОП", "Жалобы и отказ от рекламы", "", "650", "", "да"],
            ]),
        "Этапы CJM.csv": (
            ["Этап", "Следующий этап", "Конечный"],
            [
                ["Интерес", "Первый заказ", "нет"],
                ["Первый заказ", "Повторные заказы", "нет"],
                ["Повторные заказы", "Постоянный клиент, Отток", "нет"],
                ["Постоянный клиент", "", "да"],
                ["Отток", "", "нет"],
            ]),
        "События.csv": (
            ["Событие", "Источник", "Отслеживается"],
            [
                ["Подписка на рассылку", "Сайт", "да"],
                ["Брошенная корзина", "Сайт", "да"],
                ["Заказ оформлен", "Сайт", "да"],
                ["Заказ передан курьеру", "Битрикс24", "да"],
                ["Заказ доставлен", "Битрикс24", "да"],
                ["Вступление в клуб", "Битрикс24", "да"],
                ["Памятная дата через 7 дней", "Битрикс24", "да"],
                ["Нет заказов 12 мес", "Битрикс24", "да"],
            ]),
        "Системы.csv": (
            ["Система", "Назначение", "Каналы", "Получает данные от"],
            [
                ["Сайт", "Tilda + виджет корзины", "", ""],
                ["Битрикс24", "CRM, роботы-сценарии, телефония", "Звонок", "Сайт, UniSender, SMS.ru"],
                ["UniSender", "email-рассылки", "Email", "Битрикс24"],
                ["SMS.ru", "SMS-шлюз", "SMS", "Битрикс24"],
            ]),
    }
    write_csv_folder(mapdir, files, "cp1251", ";")
    F = {
        "Сценарии": ["id", "scenario_name", "kind", "segments", "stage", "trigger", "schedule", "goal", "goal_event",
                     "stop_event", "kpi", "owner", "status", "last_reviewed"],
        "Касания": ["scenario", "step", "timing", "channel", "condition", "message", "message_type", "next"],
        "Сегменты": ["id", "name", "parent", "size", "tier", "excluded"],
        "Этапы CJM": ["name", "next", "kind"],
        "События": ["name", "source", "tracked"],
        "Системы": ["name", "kind", "channel", "source"],
    }
    cols = []
    for fname, (hdr, _rows) in files.items():
        sheet = fname[:-4]
        cols += [(sheet, h, f) for h, f in zip(hdr, F[sheet])]
    write_answers(folder, "Флёр — доставка цветов (выгрузка Google Таблиц в CSV)", "map", "ru", [
        ("COST001", "Брошенная корзина", "Каскад начинается с SMS, а письмо — запасной канал по обратной связи SMS («не доставлено»): дорогой канал первым."),
        ("COST002", "Памятная дата", "Шаг «Звонок» для сегмента «Покупатели» — 24 000 клиентов, уровень обычный."),
        ("FLOW001", "Отток", "Этап «Отток» не конечный, но у него нет следующего этапа — после реактивации клиенту некуда вернуться."),
        ("TRK001", "Клуб Флёр", "Целевое и стоп-событие «Заказ в клубе» не описано в «События.csv»."),
        ("GOV002", "Букет недели", "Сценарий пересмотрен 02.03.2026 — больше полугода до 28.11.2026."),
        ("INT001", "Статус заказа", "Шаг 2 идёт в WhatsApp, но ни одна система в «Системы.csv» не отправляет WhatsApp."),
    ], [
        ("INT003", "Брошенная корзина", "Условие «SMS не доставлено» — о доставке SMS-шлюз сообщает, в отличие от открытия."),
        ("COV001", "Один заказ", "Сегмент «Один заказ» (ПОК-1) покрыт через родителя «Покупатели» (ПОК)."),
        ("GOV002", "Реактивация", "Пересмотрен 15.06.2026 — меньше шести месяцев до даты аудита."),
    ], cols)


# ---------------------------------------------------------------------------
# Map 3 (en, xlsx): Threadline — fashion e-commerce, agency lifecycle programme
# ---------------------------------------------------------------------------
def build_threadline():
    folder = HERE / "threadline_en"
    folder.mkdir(exist_ok=True)
    wb = Workbook()
    ov = wb.active
    ov.title = "Programme overview"
    ov["A1"] = "Threadline — Customer lifecycle programme"
    ov["A1"].font = Font(bold=True, size=14)
    ov["A2"] = "Prepared by Northlight CRM for Threadline Ltd"
    ov["A4"], ov["B4"] = "Document control", ""
    ov["A4"].font = BOLD
    ov["A5"], ov["B5"] = "Version", "2.1"
    ov["A6"], ov["B6"] = "Last reviewed", "2026-04-14"
    ov["A7"], ov["B7"] = "Next review due", "2026-10-14"
    OH = ["Prog #", "Programme", "Type", "Audience", "Lifecycle stage", "Entry trigger", "Send schedule",
          "Exit / stop", "Objective", "Conversion event", "Success metric", "Owner", "Status"]
    progs = [
        ["P1", "Welcome series", "Triggered", "New subscribers", "Acquire", "Newsletter sign-up", "",
         "Order placed", "Convert sign-ups to a first order", "Order placed", "1st-order CR 6% in 30 days", "Mia Chen", "Live"],
        ["P2", "Basket abandonment", "Triggered", "Prospects; Customers", "Consider", "Basket abandoned", "",
         "Order placed", "Recover abandoned baskets", "Order placed", "Recovered revenue £40k / month", "Tom Reyes", "Live"],
        ["P3", "Post-purchase", "Triggered", "Customers", "Experience", "Order delivered", "",
         "Review submitted", "Collect reviews, reduce returns", "Review submitted", "Review rate 9%", "Mia Chen", "Live"],
        ["P4", "Win-back", "Triggered", "Lapsed 180d+", "Re-engage", "180 days since last order", "",
         "Order placed", "Bring lapsed customers back", "Order placed", "Reactivation 3.5%", "Tom Reyes", "Live"],
        ["P5", "VIP thank-you", "Triggered", "VIP", "Loyalty", "Order delivered", "",
         "Order placed", "Keep VIPs ordering", "Order placed", "VIP repeat rate 45% / 90 days", "Priya Nair", "Live"],
        ["P6", "Back in stock", "Triggered", "Prospects; Customers", "Consider", "Back in stock (wishlist item)", "",
         "Order placed", "Convert wishlist demand", "Order placed", "CR 7%", "", "Live"],
        ["P7", "Birthday treat", "Triggered", "Customers; VIP", "Loyalty", "Birthday in 7 days", "",
         "Order placed", "Birthday order with a gift", "Order placed", "Birthday CR 5%", "", "Planned"],
        ["P8", "Weekly newsletter", "Scheduled", "Prospects; Customers; VIP", "Loyalty", "", "Weekly, Thu 09:00",
         "", "Sessions and orders", "Order placed", "Revenue per send £12k", "Tom Reyes", "Live"],
    ]
    plain_sheet(ov, OH, progs, start=9)
    ov.cell(row=9 + len(progs) + 2, column=1,
            value="New subscribers are held out of the newsletter until the welcome series ends.").font = Font(italic=True)

    SH = ["Step", "Send after", "Chanel", "Condition", "Subject / copy", "Message type", "Notes"]
    steps = {
        "P1 Welcome": ("P1 — Welcome series", [
            [1, "Immediately", "Email", "", "Welcome to Threadline — your 10% code inside", "Info", ""],
            [2, "2 days", "Email", "", "The fit guide: find your size first time", "Content", ""],
            [3, "5 days", "Email", "No order yet", "Your 10% code expires Sunday", "Promo", ""]]),
        "P2 Basket": ("P2 — Basket abandonment", [
            [1, "1 hour", "Email", "", "You left something in your basket", "Info", "Klaviyo flow"],
            [2, "24 hours", "SMS", "Email 1 not opened", "Still thinking it over? Your basket is saved", "Info", "Attentive journey"]]),
        "P3 Post-purchase": ("P3 — Post-purchase", [
            [1, "2 days", "Email", "", "How's the fit? Tell us", "Content", ""],
            [2, "5 days", "Push", "No review yet", "Review your order, get 100 points", "Info", ""]]),
        "P4 Win-back": ("P4 — Win-back", [
            [1, "Immediately", "Email", "", "We miss you — 15% off everything", "Promo", ""],
            [2, "3 days", "Push", "Email 1 not opened", "15% off ends soon", "Promo", "app users only"],
            [3, "7 days", "Email", "No order yet", "Last call: 20% off", "Promo", ""]]),
        "P5 VIP": ("P5 — VIP thank-you", [
            [1, "1 day", "Email", "", "A note from your stylist + early access to the new drop", "Info", ""]]),
        "P6 Back in stock": ("P6 — Back in stock", [
            [1, "Immediately", "Email", "", "It's back: the item on your wishlist", "Info", ""],
            [2, "1 day", "Push", "No order yet", "Your size is back — limited stock", "Info", ""]]),
        "P7 Birthday": ("P7 — Birthday treat", []),
        "P8 Newsletter": ("P8 — Weekly newsletter", [
            [1, "", "Email", "", "New in this week", "Promo", ""]]),
    }
    for sheet, (title, rows) in steps.items():
        ws = wb.create_sheet(sheet)
        ws["A1"] = title
        ws["A1"].font = Font(bold=True, size=13)
        if rows:
            ws["A2"] = "Steps as agreed in the workshop. Delays are from the entry trigger unless stated."
        else:
            ws["A2"] = "Content in production — steps TBC with the creative team (due December)."
        plain_sheet(ws, SH, rows, start=4)

    au = wb.create_sheet("Audiences")
    plain_sheet(au, ["Audience", "Definition", "Size", "Tier", "Suppressed?"], [
        ["New subscribers", "Signed up, no order yet", 38000, "", "No"],
        ["Prospects", "Browsed or added to basket, no order, not subscribed", 120000, "", "No"],
        ["Customers", "1+ orders in 180 days, not VIP", 85000, "", "No"],
        ["VIP", "£1,000+ spend in 12 months", 3200, "VIP", "No"],
        ["Lapsed 180d+", "No order for 180+ days", 52000, "", "No"],
        ["Suppressed", "Hard bounces and spam complaints", 6400, "", "Yes"],
    ])
    ev = wb.create_sheet("Data & events")
    plain_sheet(ev, ["Event", "Source", "Tracked?", "Notes"], [
        ["Newsletter sign-up", "Shopify Plus", "Yes", ""],
        ["Basket abandoned", "Shopify Plus", "Yes", "checkout started, no order in 1 h"],
        ["Order placed", "Shopify Plus", "Yes", ""],
        ["Order delivered", "Shopify Plus", "Yes", "carrier webhook"],
        ["Review submitted", "Yotpo", "Yes", ""],
        ["180 days since last order", "Klaviyo", "Yes", "calculated in Klaviyo"],
        ["Back in stock (wishlist item)", "Brightpearl", "Yes", "stock level from ERP"],
        ["Birthday in 7 days", "Klaviyo", "Yes", "profile property"],
    ])
    ts = wb.create_sheet("Tech stack")
    plain_sheet(ts, ["System", "Role", "Channels", "Receives data from"], [
        ["Shopify Plus", "E-commerce platform", "", ""],
        ["Klaviyo", "ESP + flows (orchestration)", "Email, Push", "Shopify Plus, Yotpo"],
        ["Attentive", "SMS platform", "SMS", "Shopify Plus"],
        ["Yotpo", "Reviews", "", "Shopify Plus"],
        ["Brightpearl", "ERP / stock", "", ""],
    ])
    ts["A8"] = "Brightpearl → Klaviyo feed: not in scope of phase 1."
    wb.save(folder / "map.xlsx")

    OF = ["id", "scenario_name", "kind", "segments", "stage", "trigger", "schedule", "stop_event", "goal",
          "goal_event", "kpi", "owner", "status"]
    cols = [("Programme overview", h, f) for h, f in zip(OH, OF)]
    for sheet in steps:
        cols += [(sheet, h, f) for h, f in zip(SH, ["step", "timing", "channel", "condition", "message", "message_type", "ignore"])]
    cols += [("Audiences", "Audience", "name"), ("Audiences", "Definition", "ignore"), ("Audiences", "Size", "size"),
             ("Audiences", "Tier", "tier"), ("Audiences", "Suppressed?", "excluded"),
             ("Data & events", "Event", "name"), ("Data & events", "Source", "source"),
             ("Data & events", "Tracked?", "tracked"), ("Data & events", "Notes", "ignore"),
             ("Tech stack", "System", "name"), ("Tech stack", "Role", "kind"), ("Tech stack", "Channels", "channel"),
             ("Tech stack", "Receives data from", "source")]
    write_answers(folder, "Threadline — customer lifecycle programme (fashion e-commerce)", "map.xlsx", "en", [
        ("GOV001", "2026-04-14", "Document control says the programme was last reviewed on 2026-04-14 (review due 2026-10-14 was missed) — over six months before 2026-11-28."),
        ("INT002", "Basket abandonment", "Step 2 SMS (Attentive) waits on 'Email 1 not opened' from Klaviyo; the tech stack has no Klaviyo → Attentive link, so the open feedback never reaches the SMS sender."),
        ("TRK003", "Back in stock", "Trigger event comes from Brightpearl, but Klaviyo (which sends step 1) receives data only from Shopify Plus and Yotpo; the Brightpearl feed is out of scope."),
        ("GOV003", "Back in stock", "A live programme with an empty Owner cell."),
        ("MAP005", "Birthday treat", "Programme listed in the overview, its sheet has no steps (content TBC)."),
        ("CNT002", "Lapsed 180d+", "Every message the Lapsed audience gets (win-back steps 1–3) is promo: 100 % promo share."),
        ("FREQ001", "Customers", "Customers can get basket, post-purchase, back-in-stock and newsletter emails in one week: 4 emails against a cap of 3."),
    ], [
        ("COST001", "Win-back", "Email first, push as fallback on 'not opened' — cheap to cheaper, not an expensive-first cascade."),
        ("FREQ002", "Order delivered", "Post-purchase and VIP thank-you both start on 'Order delivered', but for disjoint audiences (Customers are defined as not VIP)."),
        ("GOV003", "Birthday treat", "No owner, but the programme is only Planned — the owner rule is for live programmes."),
    ], cols)


# ---------------------------------------------------------------------------
# Map 4 (en, CSV): Kerbside — car sharing, Notion databases exported as CSV
# ---------------------------------------------------------------------------
def build_kerbside():
    folder = HERE / "kerbside_en"
    mapdir = folder / "map"
    N = "https://www.notion.so/kerbside/"
    J = {
        "J1": ("Licence verification nudge", "1a2b3c4d"), "J2": ("First ride onboarding", "2b3c4d5e"),
        "J3": ("Booking abandoned", "3c4d5e6f"), "J4": ("Ride receipt & rating", "4d5e6f70"),
        "J5": ("Win-back lapsed drivers", "5e6f7081"), "J6": ("Monthly city newsletter", "6f708192"),
        "J7": ("Parking fine notice", "708192a3"), "J8": ("Fleet invoice follow-up", "8192a3b4"),
    }

    def rel(j):
        name, h = J[j]
        return f"{name} ({N}{name.replace(' ', '-').replace('&', 'and')}-{h}0000000000000000000000)"

    touches = [
        # Name, Journey, Property(step), Select(channel), Multi-select(audience), Tags(type), Delay, Condition, Next, Copy, Created time
        ["Finish verification", "J1", "1", "Push", "New sign-ups", "Service", "0 min", "", "", "Finish verifying your licence — it takes 2 minutes"],
        ["Verification reminder", "J1", "2", "Email", "New sign-ups", "Service", "1d", "Licence verified has not happened", "", "Your account is almost ready"],
        ["You're approved", "J2", "1", "Push", "Verified, no ride yet", "Service", "0 min", "", "3", "You're approved! Find a car near you"],
        ["How to unlock", "J2", "2", "Email", "Verified, no ride yet", "Content", "1d", "", "3", "How to find, unlock and park a Kerbside car"],
        ["First ride offer", "J2", "3", "Email", "Verified, no ride yet", "Promo", "2d", "No Ride completed", "", "Your first 20 minutes are on us"],
        ["Booking reminder", "J3", "1", "Push", "Active drivers", "Info", "15 min", "", "", "Your car is still free — book it again?"],
        ["Booking reminder email", "J3", "2", "Email", "Active drivers", "Info", "3h", "Push 1 not opened", "", "The car you picked is still nearby"],
        ["Receipt", "J4", "1", "Email", "Active drivers", "Transactional", "0 min", "", "", "Your ride receipt"],
        ["Rate your ride", "J4", "2", "Push", "Active drivers", "Service", "1d 12h", "", "", "How was the car? Rate your ride"],
        ["What's new", "J5", "1", "Email", "Lapsed drivers", "News", "0 min", "", "", "40 new EVs in your area"],
        ["Come back offer", "J5", "2", "Push", "Lapsed drivers", "Promo", "3 dyas", "No Ride completed", "", "30% off your next ride this week"],
        ["City newsletter", "J6", "1", "Email", "Active drivers", "News", "", "", "", "New zones, new cars, city tips"],
        ["Fine issued", "J7", "1", "Push", "Active drivers", "Service", "0 min", "", "", "A parking fine was issued for your ride"],
        ["Fine reminder", "J7", "2", "SMS", "Active drivers", "Service", "3d", "Fine paid has not happened", "", "Pay the fine in the app to avoid a surcharge"],
        ["Invoice overdue", "J8", "1", "Email", "Fleet admins", "Service", "0 min", "", "", "Your company invoice is overdue"],
        ["Account manager call", "J8", "2", "Call", "Fleet admins", "Service", "90 min", "Invoice paid has not happened", "", "AM calls the fleet admin about the overdue invoice"],
    ]
    t_rows = []
    for i, (name, j, step, ch, aud, tag, delay, cond, nxt, copy) in enumerate(touches):
        t_rows.append([name, rel(j), step, ch, aud, tag, delay, cond, nxt, copy, f"October {3 + i}, 2026 10:{10 + i:02d} AM"])
    journeys = [
        # Name, Type, Trigger, Schedule, Audience, Stage, Goal, Goal event, Exit event, KPI, Owner, Status, Last edited time
        ["Licence verification nudge", "Trigger", "Sign-up completed", "", "New sign-ups", "Sign-up", "Licence verified",
         "Licence verified", "Licence verified", "Verification rate 70%", "Anna Novak", "Live"],
        ["First ride onboarding", "Trigger", "Licence verified", "", "Verified, no ride yet", "First ride", "First ride",
         "Ride completed", "Ride completed", "First ride in 7 days: 40%", "Anna Novak", "Live"],
        ["Booking abandoned", "Trigger", "Booking abandoned", "", "Active drivers", "Repeat rides", "Recover the booking",
         "Ride completed", "Ride completed", "Recovered bookings 12%", "Leo Marsh", "Live"],
        ["Ride receipt & rating", "Trigger", "Ride completed", "", "Active drivers", "Repeat rides", "",
         "Ride rated", "Ride rated", "Rating rate 25%", "Leo Marsh", "Live"],
        ["Win-back lapsed drivers", "Trigger", "60 days without ride", "", "Lapsed drivers", "Win-back", "Next ride",
         "Ride completed", "Ride completed", "Reactivation 5%", "Anna Novak", "Live"],
        ["Monthly city newsletter", "Scheduled", "", "1st Monday of the month", "Active drivers", "Repeat rides",
         "Keep drivers riding", "Ride completed", "", "Rides within 7 days of send", "Leo Marsh", "Live"],
        ["Parking fine notice", "Trigger", "", "", "Active drivers", "Repeat rides", "Fine paid by the driver",
         "Fine paid", "Fine paid", "Fines paid in 14 days 85%", "Sara Okafor", "Live"],
        ["Fleet invoice follow-up", "Trigger", "Invoice overdue", "", "Fleet admins", "Corporate", "Invoice paid",
         "Invoice paid", "Invoice paid", "DSO under 30 days", "Sara Okafor", "Live"],
    ]
    j_rows = [r + [f"November {2 + i}, 2026 3:{20 + i:02d} PM"] for i, r in enumerate(journeys)]
    files = {
        "Touchpoints 9f1c2e7a.csv": (
            ["Name", "Journey", "Property", "Select", "Multi-select", "Tags", "Delay", "Condition", "Next", "Copy", "Created time"],
            t_rows),
        "Journeys 3b7d10e2.csv": (
            ["Name", "Type", "Trigger", "Schedule", "Audience", "Stage", "Goal", "Goal event", "Exit event", "KPI",
             "Owner", "Status", "Last edited time"], j_rows),
        "Audiences 55ad0c91.csv": (
            ["Name", "Parent", "Size", "Tier", "Excluded"],
            [["New sign-ups", "", "14000", "", "No"],
             ["Verified, no ride yet", "", "9500", "", "No"],
             ["Active drivers", "", "61000", "", "No"],
             ["Students (verified)", "Active drivers", "7800", "", "No"],
             ["Lapsed drivers", "", "33000", "", "No"],
             ["Fleet admins", "", "240", "standard", "No"],
             ["Blocked accounts", "", "1100", "", "Yes"]]),
        "Events 0e44b8f3.csv": (
            ["Name", "Source", "Tracked"],
            [["Sign-up completed", "Mobile app", "Yes"],
             ["Licence verified", "Backend", "Yes"],
             ["Ride completed", "Backend", "Yes"],
             ["Booking abandoned", "Mobile app", "Yes"],
             ["60 days without ride", "Braze", "Yes"],
             ["Ride rated", "Mobile app", "Yes"],
             ["Fine paid", "Chargebee", "Yes"],
             ["Invoice overdue", "Chargebee", "Yes"],
             ["Invoice paid", "Chargebee", "Yes"],
             ["Referral link shared", "Mobile app", "Yes"]]),
        "Stages 7c2a90d4.csv": (
            ["Name", "Next", "Final"],
            [["Sign-up", "First ride", "No"],
             ["First ride", "Repeat rides", "No"],
             ["Repeat rides", "Win-back", "No"],
             ["Win-back", "Repeat rides", "No"],
             ["Corporate", "", "Yes"]]),
        "Tools 2d81f6b5.csv": (
            ["Name", "Type", "Channels", "Receives from"],
            [["Braze", "Orchestration / CEP", "Push, Email, SMS", "Backend, Mobile app, Chargebee"],
             ["HubSpot", "CRM + calling (Aircall)", "Call", "Braze, Chargebee"],
             ["Backend", "Data", "", ""],
             ["Mobile app", "Data (Braze SDK)", "", ""],
             ["Chargebee", "Billing", "", ""]]),
    }
    write_csv_folder(mapdir, files, "utf-8-sig", ",")
    F = {
        "Touchpoints 9f1c2e7a": ["name", "scenario", "step", "channel", "segments", "message_type", "timing", "condition",
                                 "next", "message", "ignore"],
        "Journeys 3b7d10e2": ["scenario_name", "kind", "trigger", "schedule", "segments", "stage", "goal", "goal_event",
                              "stop_event", "kpi", "owner", "status", "ignore"],
        "Audiences 55ad0c91": ["name", "parent", "size", "tier", "excluded"],
        "Events 0e44b8f3": ["name", "source", "tracked"],
        "Stages 7c2a90d4": ["name", "next", "kind"],
        "Tools 2d81f6b5": ["name", "kind", "channel", "source"],
    }
    cols = []
    for fname, (hdr, _rows) in files.items():
        sheet = fname[:-4]
        cols += [(sheet, h, f) for h, f in zip(hdr, F[sheet])]
    write_answers(folder, "Kerbside — car sharing journeys (Notion export)", "map", "en", [
        ("MAP004", "Parking fine notice", "A Trigger-type journey with an empty Trigger cell."),
        ("FLOW005", "First ride onboarding", "Step 2 'How to unlock': step 1 goes straight to step 3 (Next = 3); nothing leads to step 2 'How to unlock'."),
        ("TRK005", "Referral link shared", "Tracked event that triggers, conditions and measures nothing."),
        ("CNT001", "Ride receipt & rating", "Goal cell is empty (only a goal event is given)."),
        ("MAP003", "3 dyas", "Delay '3 dyas' on Win-back step 2 cannot be read."),
        ("FLOW002", "Corporate", "Stage 'Corporate' is not the Next of any stage, so it cannot be reached from Sign-up."),
    ], [
        ("COST002", "Fleet invoice follow-up", "Call step, but Fleet admins are 240 people — under the 1,000 threshold."),
        ("INT003", "Booking abandoned", "'Push 1 not opened' — push does report opens, and both steps go through Braze."),
        ("COV001", "Students", "Students (verified) has no journey of its own but is a child of Active drivers, which is targeted."),
        ("MAP003", "1d 12h", "Delays like '1d 12h', '90 min', '0 min' are valid."),
    ], cols)


if __name__ == "__main__":
    build_stroydvor()
    build_fleur()
    build_threadline()
    build_kerbside()
    print("corpus6 built")
