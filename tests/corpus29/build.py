"""Build corpus29: two client communication maps with planted defects.

map1_korzinka  - Russian grocery delivery + HoReCa supply, exported from Russian Excel
                 as a folder of CSV files (cp1251, ';', decimal commas, dd.mm.yyyy dates,
                 merged scenario cells left empty on continuation rows, trailing empty columns).
map2_northwave - English telecom "message matrix" workbook (.xlsx): trigger events x
                 customer segments, plus journeys, BAU sends, segments, lifecycle,
                 events, channels, systems.

Run:  /work/main/.venv/bin/python build.py
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

HERE = Path(__file__).resolve().parent
TODAY = "2026-11-29"
NBSP = "\u00a0"


# --------------------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------------------
def toml_str(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def write_answers(path: Path, title: str, map_name: str, lang: str,
                  defects, lookalikes, columns) -> None:
    out = [f"title = {toml_str(title)}", f"map = {toml_str(map_name)}",
           f"lang = {toml_str(lang)}", f"today = {toml_str(TODAY)}", ""]
    for code, match, why in defects:
        out += ["[[defect]]", f"code = {toml_str(code)}", f"match = {toml_str(match)}",
                f"why = {toml_str(why)}", ""]
    for code, match, why in lookalikes:
        out += ["[[lookalike]]", f"code = {toml_str(code)}", f"match = {toml_str(match)}",
                f"why = {toml_str(why)}", ""]
    for sheet, header, field in columns:
        out += ["[[column]]", f"sheet = {toml_str(sheet)}", f"header = {toml_str(header)}",
                f"field = {toml_str(field)}", ""]
    path.write_text("\n".join(out), encoding="utf-8")


def ru_int(n: int) -> str:
    """12450 -> '12 450' with a no-break space, as Russian Excel's '# ##0' format exports it."""
    s = f"{n:,}".replace(",", NBSP)
    return s


# ======================================================================================
# MAP 1 - «Корзинка»: B2C grocery delivery + HoReCa supply, CSV folder
# ======================================================================================
M1_DIR = "map1_korzinka"
M1_FOLDER = "Карта_коммуникаций_Корзинка"

# Segments: code, name, parent, size, tier, stop, criterion, comment
M1_SEGMENTS = [
    ("NEW", "Новые (без заказа)", "", 18420, "низкая", "нет",
     "Зарегистрировались, 0 заказов", ""),
    ("FIRST", "Первый заказ", "", 9870, "средняя", "нет", "Ровно 1 заказ за всё время", ""),
    ("ACTIVE", "Активные (2+ заказа за 60 дн.)", "", 42310, "средняя", "нет",
     "2 и более заказа за последние 60 дней", ""),
    ("PLUS", "Подписка «Корзинка+»", "", 3120, "VIP", "нет",
     "Платная подписка 299 руб./мес., бесплатная доставка", ""),
    ("SLEEP", "Спящие 60+ дней", "", 27640, "низкая", "нет",
     "Был заказ, но нет заказов 60+ дней", ""),
    ("OFFICE", "Офисы (корп. питание)", "", 412, "средняя", "нет",
     "Заказы на юрлицо с доставкой в офис", "новый сегмент с сентября"),
    ("HRC", "HoReCa все", "", 1888, "высокая", "нет",
     "Все юрлица HoReCa с договором или заявкой", "родительский"),
    ("CAFE", "Кафе и кофейни", "HoReCa все", 1240, "средняя", "нет", "ОКВЭД 56.30, до 40 посадок", ""),
    ("REST", "Рестораны", "HoReCa все", 610, "высокая", "нет", "ОКВЭД 56.10", ""),
    ("KEY", "Ключевые сети", "HoReCa все", 38, "VIP", "нет",
     "Сети от 5 точек, персональный менеджер", ""),
    ("STOP", "Отписавшиеся (стоп-лист)", "", 5930, "—", "да",
     "Отказались от рекламных рассылок (все каналы)", "только сервисные сообщения"),
]

# Stages: no, name, next, final, description
M1_STAGES = [
    (1, "Регистрация", "Первый заказ, Заявка HoReCa", "нет", "Аккаунт на сайте/в МП или заявка юрлица"),
    (2, "Первый заказ", "Повторные покупки", "нет", "Первый заказ оформлен и доставлен"),
    (3, "Повторные покупки", "Лояльность, Отток", "нет", "Заказывает регулярно"),
    (4, "Лояльность", "", "да", "Подписка Корзинка+, высокая частота"),
    (5, "Отток", "", "нет", "Нет заказов 60+ дней"),  # FLOW001: dead end
    (6, "Заявка HoReCa", "Онбординг HoReCa", "нет", "Заявка с сайта, переговоры"),
    (7, "Онбординг HoReCa", "Регулярные поставки", "нет", "Договор подписан, до первой поставки"),
    (8, "Регулярные поставки", "", "да", "Работает по графику поставок"),
]

# Events: code, name, source, tracked, since, comment
M1_EVENTS = [
    ("EV01", "Регистрация аккаунта", "Mindbox", "да", "12.01.2025", ""),
    ("EV02", "Первый заказ оформлен", "OMS", "да", "12.01.2025", ""),
    ("EV03", "Повторный заказ оформлен", "OMS", "да", "12.01.2025", "2-й заказ клиента"),
    ("EV04", "Заказ оформлен", "OMS", "да", "12.01.2025", "любой заказ B2C"),
    ("EV05", "Заказ доставлен", "OMS", "да", "03.03.2025", "статус от курьерской службы"),
    ("EV06", "Брошенная корзина", "Mindbox", "да", "03.03.2025", "трекинг сайта и МП, 30 мин без оформления"),
    ("EV07", "Нет заказов 60 дней", "Mindbox", "да", "03.03.2025", "расчётное, ночной пересчёт"),
    ("EV08", "День рождения клиента", "Mindbox", "нет", "",
     "дату рождения не собираем с 2025 г., поле пустое у 94% базы"),
    ("EV09", "Подписка истекает через 5 дней", "OMS", "да", "15.06.2025", ""),
    ("EV10", "Подписка продлена", "OMS", "да", "15.06.2025", ""),
    ("EV11", "Заявка HoReCa с сайта", "amoCRM", "да", "01.02.2026", "форма «Стать партнёром»"),
    ("EV12", "Договор HoReCa подписан", "amoCRM", "да", "01.02.2026", "этап сделки «Договор»"),
    ("EV13", "Первая поставка HoReCa", "1С:УТ", "да", "01.02.2026", ""),
    ("EV14", "Поставка на завтра не подтверждена", "1С:УТ", "да", "05.11.2026",
     "в 15:00 накануне, если клиент не подтвердил"),
    ("EV15", "Поставка подтверждена", "1С:УТ", "да", "05.11.2026", ""),
    ("EV16", "Заказ на поставку HoReCa", "1С:УТ", "да", "01.02.2026", "заказ из кабинета или приложения Pro"),
    ("EV17", "Оценка заказа 1–3 звезды", "OMS", "нет", "", "в планах на 2027, пока не передаётся"),
]

# Systems: name, role, channels, sends_to, receives, comment
M1_SYSTEMS = [
    ("Mindbox", "CDP, оркестрация цепочек и рассылок", "Email, Push, SMS, WhatsApp",
     "Naumen", "OMS, amoCRM, 1С:УТ, Naumen",
     "SMS через SMS Aero, WhatsApp через Edna (подключены внутри Mindbox)"),
    ("Naumen", "Колл-центр, исходящий обзвон", "Звонок", "Mindbox, amoCRM", "Mindbox, OMS, 1С:УТ",
     "задачи на обзвон приходят из Mindbox, результаты звонка уходят обратно"),
    ("OMS", "Сервис заказов (сайт + МП)", "", "Mindbox, Naumen", "", "собственная разработка"),
    ("amoCRM", "CRM отдела продаж HoReCa", "", "Mindbox", "1С:УТ, Naumen", ""),
    ("1С:УТ", "Учёт, договоры и поставки HoReCa", "", "Mindbox, Naumen, amoCRM", "", "выгрузка раз в 15 мин"),
]

# Channels: name, system, cost (rub), comment
M1_CHANNELS = [
    ("Push", "Mindbox", "0,02", "МП Корзинка и МП Корзинка Pro"),
    ("Email", "Mindbox", "0,15", ""),
    ("WhatsApp", "Mindbox", "1,90", "шаблоны согласуются с Meta 2-3 дня"),
    ("SMS", "Mindbox", "3,20", "буквенное имя KORZINKA"),
    ("Звонок", "Naumen", "45,00", "стоимость минуты оператора"),
]

# Trigger chains. steps: (channel, when, condition, text, type, comment)
M1_CHAINS = [
    dict(code="B2C-1", name="Welcome: новый клиент", segs="Новые (без заказа)", stage="Регистрация",
         trigger="Регистрация аккаунта", goal="Первый заказ", goal_ev="Первый заказ оформлен",
         stop="Первый заказ оформлен", kpi="CR в первый заказ 18%", status="активна",
         owner="Е. Смирнова", upd="14.10.2026",
         steps=[("Email", "сразу", "", "Добро пожаловать в Корзинку! Как мы работаем, зоны и слоты доставки", "контент", ""),
                ("Push", "через 1 день", "если email не открыт", "Дарим 300 руб. на первый заказ: промокод WELCOME300", "промо", ""),
                ("Push", "через 3 дня", "", "Промокод WELCOME300 сгорает завтра", "промо", "")]),
    dict(code="B2C-2", name="Брошенная корзина",
         segs="Новые (без заказа), Первый заказ, Активные (2+ заказа за 60 дн.)", stage="Повторные покупки",
         trigger="Брошенная корзина", goal="Оформить заказ из корзины", goal_ev="Заказ оформлен",
         stop="", kpi="Возврат корзин 14%", status="активна", owner="А. Ковалёва", upd="21.09.2026",
         steps=[("Push", "через 1 час", "", "Вы кое-что забыли в корзине", "сервисное", ""),
                ("Email", "через 3 часа", "", "Ваша корзина ждёт: товары + похожие позиции", "сервисное", ""),
                ("SMS", "через 24 часа", "", "Скидка 5% на корзину до 23:59, промокод CART5", "промо",
                 "SMS-шаг добавили в сентябре")]),
    dict(code="B2C-3", name="После первого заказа", segs="Первый заказ", stage="Первый заказ",
         trigger="Первый заказ оформлен", goal="Второй заказ в течение 30 дней",
         goal_ev="Повторный заказ оформлен", stop="Повторный заказ оформлен",
         kpi="Доля 2-го заказа за 30 дн. 35%", status="активна", owner="Е. Смирнова", upd="14.10.2026",
         steps=[("Push", "через 1 день", "", "Как вам первый заказ? Оцените в приложении", "сервисное", ""),
                ("Email", "через 5 дней", "", "Подборка для второго заказа + бесплатная доставка от 1 500 руб.", "промо", "")]),
    dict(code="B2C-4", name="Статус заказа",
         segs="Новые (без заказа), Первый заказ, Активные (2+ заказа за 60 дн.), Подписка «Корзинка+», "
              "Спящие 60+ дней, Отписавшиеся (стоп-лист)",
         stage="Повторные покупки", trigger="Заказ оформлен", goal="Клиент знает, когда приедет заказ",
         goal_ev="Заказ доставлен", stop="Заказ доставлен", kpi="Обращений «где заказ» < 2%",
         status="активна", owner="Д. Петров", upd="30.10.2026",
         steps=[("Push", "сразу", "", "Заказ №{номер} принят, привезём {слот}", "сервисное",
                 "транзакционное, уходит всем, включая стоп-лист")]),
    dict(code="B2C-5", name="Реактивация спящих", segs="Спящие 60+ дней", stage="Отток",
         trigger="Нет заказов 60 дней", goal="Вернуть в покупки", goal_ev="Заказ оформлен",
         stop="Заказ оформлен", kpi="Реактивация 6%", status="активна", owner="А. Ковалёва", upd="21.09.2026",
         steps=[("Email", "сразу", "", "Мы скучаем: что нового в Корзинке", "контент", ""),
                ("Push", "через 3 дня", "если email не открыт", "-20% на следующий заказ, промокод BACK20", "промо", ""),
                ("Звонок", "через 7 дней", "", "Прозвон КЦ: почему перестали заказывать (опрос, 3 вопроса)",
                 "сервисное", "скрипт у КЦ")]),
    dict(code="B2C-6", name="Продление Корзинка+", segs="Подписка «Корзинка+»", stage="Лояльность",
         trigger="Подписка истекает через 5 дней", goal="Продление подписки", goal_ev="Подписка продлена",
         stop="Подписка продлена", kpi="Продление 72%", status="активна", owner="М. Юсупова", upd="05.11.2026",
         steps=[("Push", "сразу", "", "Подписка Корзинка+ заканчивается через 5 дней", "сервисное", ""),
                ("Email", "через 2 дня", "", "Продлите на год: 2 месяца в подарок", "промо", ""),
                ("SMS", "через 4 дня", "", "Завтра заканчивается Корзинка+, бесплатная доставка отключится", "сервисное", "")]),
    dict(code="B2C-7", name="Поздравление с ДР",
         segs="Активные (2+ заказа за 60 дн.), Подписка «Корзинка+»", stage="Лояльность",
         trigger="День рождения клиента", goal="Заказ в неделю ДР", goal_ev="Заказ оформлен",
         stop="Заказ оформлен", kpi="CR 9%", status="активна", owner="М. Юсупова", upd="05.11.2026",
         steps=[("Push", "в 10:00", "", "С днём рождения! Дарим торт к следующему заказу", "промо", "")]),
    dict(code="HRC-1", name="Заявка HoReCa", segs="HoReCa все", stage="Заявка HoReCa",
         trigger="Заявка HoReCa с сайта", goal="Подписать договор", goal_ev="Договор HoReCa подписан",
         stop="Договор HoReCa подписан", kpi="Конверсия заявки в договор 30%", status="активна",
         owner="И. Гарипов", upd="10.09.2026",
         steps=[("Email", "сразу", "", "Спасибо за заявку! Прайс, условия отсрочки, контакты менеджера", "сервисное", ""),
                ("WhatsApp", "через 1 день", "", "Менеджер Корзинка Pro: когда удобно созвониться?", "сервисное", "")]),
    dict(code="HRC-2", name="Онбординг HoReCa", segs="HoReCa все", stage="Онбординг HoReCa",
         trigger="Договор HoReCa подписан", goal="Первая поставка за 14 дней", goal_ev="Первая поставка HoReCa",
         stop="Первая поставка HoReCa", kpi="Первая поставка за 14 дн. 80%", status="активна",
         owner="И. Гарипов", upd="10.09.2026",
         steps=[("WhatsApp", "сразу", "", "Доступ в личный кабинет, окна доставки, ваш менеджер", "сервисное", ""),
                ("Push", "через 2 дня", "", "Как сделать заказ в приложении Корзинка Pro за 2 минуты", "контент", "")]),
    dict(code="HRC-3", name="Подтверждение поставки", segs="Рестораны, Ключевые сети",
         stage="Регулярные поставки", trigger="Поставка на завтра не подтверждена",
         goal="Поставка подтверждена до 18:00", goal_ev="Поставка подтверждена", stop="Поставка подтверждена",
         kpi="Подтверждено до 18:00: 95%", status="активна", owner="И. Гарипов", upd="10.11.2026",
         steps=[("SMS", "сразу", "", "Подтвердите поставку на завтра: ответьте 1 (да) или 2 (изменить)", "сервисное", ""),
                ("Звонок", "через 2 часа", "если SMS не открыто", "Оператор КЦ уточняет состав и время поставки",
                 "сервисное", "")]),
]

# Regular mailings
M1_REGULAR = [
    dict(code="Р-01", name="Скидки недели", segs="Активные (2+ заказа за 60 дн.), Подписка «Корзинка+»",
         channel="Email", sched="еженедельно", when="чт, 10:00", type="промо",
         text="Топ-30 скидок недели + персональная подборка", stage="Повторные покупки",
         goal="Повторный заказ", goal_ev="Заказ оформлен", kpi="CTR 3,5%, конверсия в заказ 1,2%",
         status="активна", owner="А. Ковалёва", upd="02.10.2026", note=""),
    dict(code="Р-02", name="Распродажа выходного дня", segs="Спящие 60+ дней, Отписавшиеся (стоп-лист)",
         channel="SMS", sched="еженедельно", when="пт, 17:00", type="промо",
         text="-25% на фрукты и выпечку в сб–вс, промокод WEEKEND", stage="Отток",
         goal="Заказ на выходных", goal_ev="Заказ оформлен", kpi="Конверсия 2,1%",
         status="активна", owner="А. Ковалёва", upd="02.10.2026",
         note="стоп-лист отписывался от email, по SMS шлём (уточнить у юристов)"),
    dict(code="Р-03", name="Дайджест для шефов", segs="Рестараны, Ключевые сети",
         channel="Email", sched="раз в 2 недели", when="вт, 11:00", type="контент",
         text="Сезонные продукты, новинки поставщиков, рецепты от шефов-партнёров",
         stage="Регулярные поставки", goal="Расширить корзину поставки", goal_ev="Заказ на поставку HoReCa",
         kpi="Open rate 35%", status="активна", owner="И. Гарипов", upd="10.09.2026", note=""),
    dict(code="Р-04", name="Прайс на неделю", segs="HoReCa все", channel="Push", sched="еженедельно",
         when="пн, 07:00", type="контент", text="Актуальный прайс и спецпозиции недели в приложении Корзинка Pro",
         stage="Регулярные поставки", goal="Заказы через приложение", goal_ev="Заказ на поставку HoReCa",
         kpi="Доля заказов через приложение 60%", status="активна", owner="И. Гарипов", upd="10.09.2026", note=""),
]

M1_COVER = [
    ["Карта коммуникаций «Корзинка»: B2C-доставка и HoReCa"],
    [],
    ["Компания", "ООО «Корзинка»"],
    ["Версия карты", "v4.2"],
    ["Дата актуализации", "18.11.2026"],
    ["Ответственный за карту", "Е. Смирнова, CRM-лид"],
    [],
    ["Легенда типов", "промо = акции и скидки, сервисное = статусы и напоминания, контент = полезное"],
    ["Файлы", "Цепочки (триггеры), Регулярные (рассылки по графику), справочники"],
]


def _write_csv(path: Path, rows, width: int) -> None:
    """Write like Russian Excel: cp1251, ';', CRLF, every row padded to the used range."""
    with path.open("w", encoding="cp1251", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        for r in rows:
            r = ["" if v is None else str(v) for v in r]
            w.writerow(r + [""] * (width - len(r)))


def build_map1() -> None:
    d = HERE / M1_DIR
    if d.exists():
        shutil.rmtree(d)
    folder = d / M1_FOLDER
    folder.mkdir(parents=True)

    _write_csv(folder / "Инфо.csv", M1_COVER, 4)

    hdr = ["Код", "Сегмент", "Входит в", "Колличество клиентов", "Ценность", "Стоп-лист", "Критерий", "Комментарий"]
    rows = [hdr] + [[c, n, p, ru_int(s), t, st, cr, cm] for c, n, p, s, t, st, cr, cm in M1_SEGMENTS]
    _write_csv(folder / "Сегменты.csv", rows, len(hdr) + 3)

    hdr = ["№", "Этап", "Следуюший этап", "Финальный", "Описание"]
    rows = [hdr] + [list(s) for s in M1_STAGES]
    _write_csv(folder / "Этапы.csv", rows, len(hdr) + 2)

    hdr = ["Код", "Событие", "Источник", "Отслеживается", "Подключено", "Комментарий"]
    rows = [hdr] + [list(e) for e in M1_EVENTS]
    _write_csv(folder / "События.csv", rows, len(hdr) + 2)

    hdr = ["Система", "Роль", "Каналы", "Передаёт данные в", "Получает данные из", "Комментарий"]
    rows = [hdr] + [list(s) for s in M1_SYSTEMS]
    _write_csv(folder / "Системы.csv", rows, len(hdr) + 1)

    hdr = ["Канал", "Через систему", "Цена контакта, руб.", "Комментарий"]
    rows = [hdr] + [list(c) for c in M1_CHANNELS]
    _write_csv(folder / "Каналы.csv", rows, len(hdr) + 2)

    hdr = ["Код", "Название цепочки", "Сегменты", "Этап CJM", "Событие-триггер", "Шаг", "Канал", "Когда",
           "Условие отправки", "Текст / тема", "Тип сообщения", "Цель", "Событие цели", "Стоп-события",
           "KPI", "Статус", "Отвественный", "Обновлено", "Комментарий"]
    rows = [["Триггерные цепочки B2C + HoReCa (актуально на 18.11.2026)"], [], hdr]
    for ch in M1_CHAINS:
        for i, (chan, when, cond, text, typ, com) in enumerate(ch["steps"], 1):
            first = i == 1
            # scenario-level cells are merged vertically in the workbook: only the first row
            # of each block carries them after the CSV export
            rows.append([ch["code"],
                         ch["name"] if first else "", ch["segs"] if first else "",
                         ch["stage"] if first else "", ch["trigger"] if first else "",
                         i, chan, when, cond, text, typ,
                         ch["goal"] if first else "", ch["goal_ev"] if first else "",
                         ch["stop"] if first else "", ch["kpi"] if first else "",
                         ch["status"] if first else "", ch["owner"] if first else "",
                         ch["upd"] if first else "", com])
    _write_csv(folder / "Цепочки.csv", rows, len(hdr) + 3)

    hdr = ["Код", "Рассылка", "Сегменты", "Канал", "Периодичность", "День, время", "Тип", "Содержание",
           "Этап", "Цель", "Событие цели", "KPI", "Статус", "Ответственный", "Обновлено", "Прим."]
    rows = [hdr] + [[r["code"], r["name"], r["segs"], r["channel"], r["sched"], r["when"], r["type"],
                     r["text"], r["stage"], r["goal"], r["goal_ev"], r["kpi"], r["status"], r["owner"],
                     r["upd"], r["note"]] for r in M1_REGULAR]
    _write_csv(folder / "Регулярные.csv", rows, len(hdr) + 2)

    defects = [
        ("MAP001", "Рестараны",
         "Регулярные.csv, row Р-03 «Дайджест для шефов», column Сегменты = «Рестараны, Ключевые сети»: "
         "«Рестараны» is a misspelling; Сегменты.csv defines only «Рестораны» (REST)."),
        ("COV001", "Офисы (корп. питание)",
         "Сегменты.csv row OFFICE «Офисы (корп. питание)»: 412 clients, Стоп-лист = нет, Входит в empty (no parent). "
         "It appears in no Сегменты cell of Цепочки.csv or Регулярные.csv, so no active scenario targets it."),
        ("COV003", "Р-02",
         "Регулярные.csv, row Р-02 «Распродажа выходного дня»: SMS, Тип = промо, Сегменты = «Спящие 60+ дней, "
         "Отписавшиеся (стоп-лист)». Сегменты.csv marks «Отписавшиеся (стоп-лист)» Стоп-лист = да (отказ от рекламы "
         "во всех каналах); the Прим. about email-only unsubscribes does not change the flag."),
        ("FLOW001", "Отток",
         "Этапы.csv, row 5 «Отток»: Финальный = нет and Следуюший этап is empty, so the non-final stage has no way onward "
         "(«Лояльность» and «Регулярные поставки» are the only final stages)."),
        ("FLOW004", "B2C-2",
         "Цепочки.csv, B2C-2 «Брошенная корзина»: Событие цели = «Заказ оформлен» but Стоп-события is empty; a client "
         "who orders after the push still gets step 2 (Email, через 3 часа) and step 3 (promo SMS, через 24 часа)."),
        ("TRK002", "День рождения",
         "Цепочки.csv, B2C-7 «Поздравление с ДР» is triggered by «День рождения клиента»; События.csv EV08 marks "
         "that event Отслеживается = нет."),
        ("INT003", "HRC-3",
         "Цепочки.csv, HRC-3 step 2 (Звонок, через 2 часа) has Условие отправки «если SMS не открыто»; step 1 is an SMS, "
         "and SMS reports delivery only, never opens."),
        ("COST002", "B2C-5",
         "Цепочки.csv, B2C-5 step 3 is a Звонок sent to «Спящие 60+ дней»: Сегменты.csv gives 27 640 clients "
         "(over 1 000) and Ценность «низкая» (not VIP/high)."),
    ]
    lookalikes = [
        ("COST001", "B2C-1",
         "B2C-1 is a cascade that starts with the cheap channel: Email first, then Push «если email не открыт» "
         "(email -> push, push is cheaper still). No step starts with SMS or a call."),
        ("COV003", "B2C-4",
         "B2C-4 reaches «Отписавшиеся (стоп-лист)» (Стоп-лист = да), but its only step is the push «Заказ принят» with "
         "Тип сообщения = сервисное; the rule counts only promo, news or content steps."),
        ("COST002", "HRC-3",
         "HRC-3 step 2 is a call, but it goes to «Рестораны» (610 clients, Ценность высокая) and «Ключевые сети» "
         "(38 clients, VIP): both are under 1 000 and high/VIP tier."),
        ("COV001", "Кафе и кофейни",
         "«Кафе и кофейни» is named by no scenario, but its parent (Входит в) «HoReCa все» is targeted by HRC-1, HRC-2 "
         "and Р-04, so it is covered through the parent."),
    ]
    S = "Инфо"
    cols = [(S, "Компания", "ignore"), (S, "Версия карты", "ignore"), (S, "Дата актуализации", "last_reviewed"),
            (S, "Ответственный за карту", "owner"), (S, "Легенда типов", "ignore"), (S, "Файлы", "ignore")]
    S = "Цепочки"
    cols += [(S, "Код", "scenario"), (S, "Название цепочки", "scenario_name"), (S, "Сегменты", "segments"),
             (S, "Этап CJM", "stage"), (S, "Событие-триггер", "trigger"), (S, "Шаг", "step"),
             (S, "Канал", "channel"), (S, "Когда", "timing"), (S, "Условие отправки", "condition"),
             (S, "Текст / тема", "message"), (S, "Тип сообщения", "message_type"), (S, "Цель", "goal"),
             (S, "Событие цели", "goal_event"), (S, "Стоп-события", "stop_event"), (S, "KPI", "kpi"),
             (S, "Статус", "status"), (S, "Отвественный", "owner"), (S, "Обновлено", "last_reviewed"),
             (S, "Комментарий", "ignore")]
    S = "Регулярные"
    cols += [(S, "Код", "scenario"), (S, "Рассылка", "scenario_name"), (S, "Сегменты", "segments"),
             (S, "Канал", "channel"), (S, "Периодичность", "schedule"), (S, "День, время", "timing"),
             (S, "Тип", "message_type"), (S, "Содержание", "message"), (S, "Этап", "stage"), (S, "Цель", "goal"),
             (S, "Событие цели", "goal_event"), (S, "KPI", "kpi"), (S, "Статус", "status"),
             (S, "Ответственный", "owner"), (S, "Обновлено", "last_reviewed"), (S, "Прим.", "ignore")]
    S = "Сегменты"
    cols += [(S, "Код", "id"), (S, "Сегмент", "name"), (S, "Входит в", "parent"),
             (S, "Колличество клиентов", "size"), (S, "Ценность", "tier"), (S, "Стоп-лист", "excluded"),
             (S, "Критерий", "ignore"), (S, "Комментарий", "ignore")]
    S = "Этапы"
    cols += [(S, "№", "id"), (S, "Этап", "stage"), (S, "Следуюший этап", "next"), (S, "Финальный", "final"),
             (S, "Описание", "ignore")]
    S = "События"
    cols += [(S, "Код", "id"), (S, "Событие", "name"), (S, "Источник", "source"), (S, "Отслеживается", "tracked"),
             (S, "Подключено", "ignore"), (S, "Комментарий", "ignore")]
    S = "Системы"
    cols += [(S, "Система", "name"), (S, "Роль", "kind"), (S, "Каналы", "channel"),
             (S, "Передаёт данные в", "sends_to"), (S, "Получает данные из", "receives"),
             (S, "Комментарий", "ignore")]
    S = "Каналы"
    cols += [(S, "Канал", "channel"), (S, "Через систему", "system"), (S, "Цена контакта, руб.", "ignore"),
             (S, "Комментарий", "ignore")]

    write_answers(d / "answers.toml",
                  "«Корзинка»: B2C-доставка продуктов и HoReCa, папка CSV из русского Excel",
                  M1_FOLDER, "ru", defects, lookalikes, cols)


# ======================================================================================
# MAP 2 - Northwave: telecom message matrix (.xlsx)
# ======================================================================================
M2_DIR = "map2_northwave"
M2_FILE = "Northwave_message_matrix_v3.2.xlsx"

M2_SEGS = ["Prepaid", "Postpaid consumer", "Small business", "Key business accounts",
           "Vulnerable customers (do not market)"]

# Segments: name, code, base, tier, do-not-market, definition
M2_SEGMENTS = [
    ("Prepaid", "PAYG", 1_240_000, "Low", "No", "Pay-as-you-go SIMs with a top-up in the last 90 days"),
    ("Postpaid consumer", "PM-C", 860_000, "Medium", "No", "Consumer pay-monthly (handset + SIM-only)"),
    ("Small business", "SMB", 42_500, "Medium", "No", "Business accounts with 1–49 lines"),
    ("Key business accounts", "KBA", 380, "VIP", "No", "50+ lines, named account manager"),
    ("Vulnerable customers (do not market)", "VULN", 31_200, "—", "Yes",
     "Flagged by Extra Care team (bereavement, illness, financial difficulty). Service & regulatory only"),
]

M2_STAGES = [  # no, name, next, final, description
    (1, "Onboarding", "In life", "No", "First 30 days after activation"),
    (2, "In life", "Renewal window, Payment trouble", "No", "Using the service, paying bills / topping up"),
    (3, "Payment trouble", "In life, Leaving", "No", "Failed payment, debt, restriction"),
    (4, "Renewal window", "In life, Leaving", "No", "Contract end / upgrade eligibility"),
    (5, "Leaving", "Win-back", "No", "Switching code requested / cancellation"),
    (6, "Win-back", "Onboarding", "No", "Ex-customers, 0–12 months after leaving"),
]

M2_EVENTS = [  # name, source, tracked, since, notes
    ("Bill issued", "Amdocs BSS", "Yes", dt.date(2024, 3, 1), ""),
    ("Payment failed", "Amdocs BSS", "Yes", dt.date(2024, 3, 1), "DD bounce or card decline"),
    ("Payment received", "Amdocs BSS", "Yes", dt.date(2024, 3, 1), ""),
    ("Data 80% used", "OCS", "Yes", dt.date(2024, 6, 10), "per line"),
    ("Add-on purchased", "OCS", "Yes", dt.date(2024, 6, 10), "data / roaming add-ons"),
    ("Low balance", "OCS", "Yes", dt.date(2024, 6, 10), "prepaid balance under £2"),
    ("Bundle expires in 3 days", "OCS", "Yes", dt.date(2024, 6, 10), ""),
    ("Top-up made", "OCS", "Yes", dt.date(2024, 6, 10), ""),
    ("Contract ends in 30 days", "Amdocs BSS", "Yes", dt.date(2025, 1, 15), "fires 30 days before end date"),
    ("Contract renewed", "Amdocs BSS", "Yes", dt.date(2025, 1, 15), "recontract, any channel"),
    ("Upgrade eligible", "Amdocs BSS", "Yes", dt.date(2025, 1, 15), ""),
    ("Handset order placed", "Online shop", "Yes", dt.date(2025, 4, 2), ""),
    ("Switching code requested", "Porting hub", "Yes", dt.date(2025, 9, 1), "PAC or STAC via text-to-switch"),
    ("New line activated", "Amdocs BSS", "Yes", dt.date(2024, 3, 1), ""),
    ("Network outage in your area", "Segment CDP", "No", None, "wishlist – no network feed into CDP yet"),
]

M2_CHANNELS = [  # channel, sent via, cost, notes
    ("Push", "Braze", 0.0004, "My Northwave & Northwave Business apps"),
    ("Email", "SFMC", 0.002, ""),
    ("WhatsApp", "SFMC", 0.025, "WhatsApp Business via SFMC"),
    ("SMS", "SFMC", 0.034, "MobileConnect, sender ID NORTHWAVE"),
    ("Call", "Genesys Cloud", 1.85, "account managers / Extra Care only"),
]

M2_SYSTEMS = [  # system, role, channels, pushes to, gets from, notes
    ("SFMC", "ESP + journey orchestration (Journey Builder)", "Email, SMS, WhatsApp", "Segment CDP",
     "Amdocs BSS, OCS, Online shop, Segment CDP", "Salesforce Marketing Cloud"),
    ("Braze", "App push", "Push", "—", "Amdocs BSS, OCS, Online shop, Segment CDP",
     "Currents (engagement export) not switched on – opens/clicks stay in Braze"),
    ("Genesys Cloud", "Outbound dialler", "Call", "Segment CDP", "Amdocs BSS, Segment CDP", ""),
    ("Amdocs BSS", "Billing & contracts", "", "SFMC, Braze, Genesys Cloud, Segment CDP", "", "event source"),
    ("OCS", "Real-time charging (usage, balance, top-ups)", "", "SFMC, Braze, Segment CDP", "", "event source"),
    ("Online shop", "eShop – handset & SIM orders", "", "SFMC, Braze, Segment CDP", "", "event source"),
    ("Porting hub", "UK switching (PAC / STAC)", "", "—", "",
     "codes logged to a daily CSV for the retention desk; no live feed"),
    ("Segment CDP", "CDP – profiles & audiences", "", "SFMC, Braze, Genesys Cloud",
     "Amdocs BSS, OCS, Online shop, SFMC, Genesys Cloud", ""),
]

# Matrix rows. cells: segment -> list of steps (tag, channel, when, condition, message)
M2_MATRIX = [
    dict(ref="MM-01", event="Bill issued", stage="In life", goal="Customer knows what they owe and pays on time",
         goal_ev="Payment received", stop="Payment received", kpi="On-time payment ≥ 92%", owner="Hannah Lee",
         status="Live", rev=dt.date(2026, 9, 22), notes="",
         cells={"Postpaid consumer": [("S", "Push", "D0", "", "Your bill's ready: £{amount}, due {date} – opens bill in app")],
                "Small business": [("S", "Push", "D0", "", "Invoice ready to download in the Business app")],
                "Key business accounts": [("S", "Email", "D0", "", "Invoice + usage report to billing contact")],
                "Vulnerable customers (do not market)": [("S", "Email", "D0", "", "Plain-English bill summary + Extra Care number")]}),
    dict(ref="MM-02", event="Payment failed", stage="Payment trouble",
         goal="Recover the payment before service is restricted", goal_ev="Payment received",
         stop="Payment received; Direct Debit reinstated", kpi="Recovered within 7 days ≥ 70%", owner="Hannah Lee",
         status="Live", rev=dt.date(2026, 10, 6), notes="Key accounts: handled in journey J-03",
         cells={"Postpaid consumer": [("S", "Email", "D0", "", "Your payment didn't go through – pay-by-link"),
                                      ("S", "WhatsApp", "D+3", "", "Friendly reminder + pay-by-link")],
                "Small business": [("S", "SMS", "D0", "", "Payment failed – pay-by-link"),
                                   ("S", "Email", "D+1", "SMS not delivered", "Payment failed – pay-by-link + bank details")],
                "Vulnerable customers (do not market)": [
                    ("S", "WhatsApp", "D0", "", "Extra Care team: we can help, no late fees for 30 days"),
                    ("S", "Push", "D+3", "", "Reminder + payment plan options")]}),
    dict(ref="MM-03", event="Data 80% used", stage="In life", goal="No bill shock; sell a data add-on",
         goal_ev="Add-on purchased", stop="Add-on purchased", kpi="Add-on take-up 12%", owner="Marcus Bell",
         status="Live", rev=dt.date(2026, 8, 19), notes="",
         cells={"Prepaid": [("S", "SMS", "D0", "", "80% of your data used – text ADD to 2020 for more")],
                "Postpaid consumer": [("S", "Push", "D0", "", "80% used – tap to add data")],
                "Small business": [("S", "Push", "D0", "", "Line {msisdn} at 80% – alert to account admin")],
                "Vulnerable customers (do not market)": [("S", "Push", "D0", "", "80% of your data used (no upsell wording)")]}),
    dict(ref="MM-04", event="Low balance", stage="In life", goal="Keep prepaid customers topped up",
         goal_ev="Top-up made", stop="Top-up made", kpi="Top-up within 48h ≥ 40%", owner="Marcus Bell",
         status="Live", rev=dt.date(2026, 2, 3), notes="",
         cells={"Prepaid": [("S", "SMS", "D0", "", "Balance under £2 – top up in the app or dial *100#")]}),
    dict(ref="MM-05", event="Bundle expires in 3 days", stage="In life", goal="Bundle renewal",
         goal_ev="Top-up made", stop="Top-up made", kpi="Renewal rate 65%", owner="Marcus Bell",
         status="Live", rev=dt.date(2026, 9, 30), notes="copy A/B test running till Dec",
         cells={"Prepaid": [("M", "SMS", "D0", "", "Renew now & get 5GB extra")]}),
    dict(ref="MM-06", event="Contract ends in 30 days", stage="Renewal window",
         goal="Recontract (and meet the Ofcom end-of-contract notice)", goal_ev="Contract renewed",
         stop="Contract renewed", kpi="Recontract rate 38%", owner="Sophie Turner", status="Live",
         rev=dt.date(2026, 10, 20), notes="ECN required by Ofcom GC C1.3 for all contract customers",
         cells={"Postpaid consumer": [("S", "Email", "D0", "", "End-of-contract notice: current price, best tariffs for you")],
                "Small business": [("S", "Email", "D0", "", "End-of-contract notice for each line")],
                "Key business accounts": [("S", "Call", "D0", "", "Account manager renewal review")],
                "Vulnerable customers (do not market)": [
                    ("S", "Email", "D0", "", "End-of-contract notice in plain English, best price for your usage")]}),
    dict(ref="MM-07", event="Upgrade eligible", stage="Renewal window", goal="Early upgrade",
         goal_ev="Handset order placed", stop="Handset order placed", kpi="Upgrade conversion 6%",
         owner="Sophie Turner", status="Live", rev=dt.date(2026, 10, 20), notes="",
         cells={"Postpaid consumer": [("M", "Push", "D0", "", "You can upgrade now – latest phones")],
                "Small business": [("M", "WhatsApp", "D0", "", "Business handset offers for your lines")],
                "Vulnerable customers (do not market)": [("M", "Push", "D0", "", "You can upgrade now – latest phones")]}),
    dict(ref="MM-08", event="Switching code requested", stage="Leaving", goal="Save the customer before port-out",
         goal_ev="Contract renewed", stop="Contract renewed", kpi="Save rate 18%", owner="Sophie Turner",
         status="Live", rev=dt.date(2026, 7, 14), notes="Ofcom text-to-switch: code must go out within 1 minute",
         cells={"Prepaid": [("S", "SMS", "D0", "", "Your code + what you'd lose (credit balance)")],
                "Postpaid consumer": [("S", "SMS", "D0", "", "Your code, early exit fees, and our best offer if you stay")],
                "Vulnerable customers (do not market)": [("S", "SMS", "D0", "", "Your code + Extra Care help to switch")]}),
]

M2_JOURNEYS = [
    dict(id="J-01", name="Prepaid welcome", trigger="New line activated", aud="Prepaid", stage="Onboarding",
         goal="First top-up within 14 days", goal_ev="Top-up made", exit="Top-up made",
         kpi="First top-up in 14 days ≥ 55%", owner="Priya Shah", status="Live", rev=dt.date(2026, 9, 18),
         steps=[("D0", "Email", "", "Welcome to Northwave PAYG: your number, how to top up, app link", "Service"),
                ("D+2", "SMS", "email not opened", "Welcome! Get the My Northwave app: nwv.co/app", "Service")]),
    dict(id="J-02", name="Consumer renewal offers", trigger="Contract ends in 30 days", aud="Postpaid consumer",
         stage="Renewal window", goal="Recontract on a renewal offer", goal_ev="Contract renewed",
         exit="Contract renewed", kpi="Recontract rate 38%", owner="Sophie Turner", status="Live",
         rev=dt.date(2026, 10, 20),
         steps=[("D0", "Push", "", "Your renewal offers are ready in the app", "Marketing"),
                ("D+5", "WhatsApp", "push not opened", "SIM-only & handset renewal deals, ends Sunday", "Marketing")]),
    dict(id="J-03", name="Key account dunning", trigger="Payment failed", aud="Key business accounts",
         stage="Payment trouble", goal="Payment recovered without escalation", goal_ev="Payment received",
         exit="Payment received", kpi="Recovered in 5 days 95%", owner="Daniel Okafor", status="Live",
         rev=dt.date(2026, 9, 2),
         steps=[("D0", "Email", "", "Payment failed – to billing contact, account manager in copy", "Service"),
                ("D+3", "WhatsApp", "", "Account manager check-in, offer to update payment details", "Service")]),
]

M2_BAU = [
    dict(ref="B-01", name="Prepaid Friday deals", aud="Prepaid", channel="Push", cadence="Weekly",
         when="Fri 12:00", type="Marketing", what="Weekend bundle deals & bonus data", stage="In life",
         goal="Top-ups at the weekend", goal_ev="Top-up made", kpi="Top-up rate 4%", owner="Marcus Bell",
         status="Live", rev=dt.date(2026, 9, 30)),
    dict(ref="B-02", name="Business Bulletin", aud="Small business", channel="Email", cadence="Monthly",
         when="1st Tue, 09:30", type="News", what="Network news, new business add-ons, tips for admins",
         stage="In life", goal="Add-on sales to SMB", goal_ev="Add-on purchased", kpi="CTR 2.5%",
         owner="Daniel Okafor", status="Live", rev=dt.date(2026, 8, 4)),
]

M2_CHANGELOG = [
    (dt.date(2026, 10, 20), "Renewal rows + J-02 reworked for new SIM-only tariffs", "S. Turner"),
    (dt.date(2026, 10, 14), "Full matrix review with Compliance (v3.2)", "T. Hargreaves"),
    (dt.date(2026, 10, 6), "Payment failed: WhatsApp reminder replaces 2nd SMS for consumer", "H. Lee"),
    (dt.date(2026, 9, 2), "Key account dunning moved to J-03", "D. Okafor"),
    (dt.date(2026, 7, 14), "Text-to-switch row added", "S. Turner"),
]

THIN = Side(style="thin", color="BFBFBF")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HDR_FILL = PatternFill("solid", fgColor="1F3864")
HDR_FONT = Font(bold=True, color="FFFFFF")
SVC_FILL = PatternFill("solid", fgColor="E2EFDA")   # green: service only
MKT_FILL = PatternFill("solid", fgColor="FCE4D6")   # orange: contains marketing
NONE_FILL = PatternFill("solid", fgColor="F2F2F2")  # grey: nothing


def _render_cell(steps) -> str:
    if not steps:
        return "—"
    parts = []
    for i, (tag, chan, when, cond, msg) in enumerate(steps, 1):
        s = f"[{tag}] {chan} {when}"
        if cond:
            s += f", if {cond}"
        s += f": {msg}"
        parts.append(f"{i}) {s}" if len(steps) > 1 else s)
    return "\n".join(parts)


def _header(ws, row: int, headers, widths=None) -> None:
    for c, h in enumerate(headers, 1):
        cell = ws.cell(row=row, column=c, value=h)
        cell.font = HDR_FONT
        cell.fill = HDR_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cell.border = BOX
    if widths:
        for c, w in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(c)].width = w


def _row(ws, row: int, values, date_cols=(), wrap=True) -> None:
    for c, v in enumerate(values, 1):
        cell = ws.cell(row=row, column=c, value=v)
        cell.border = BOX
        cell.alignment = Alignment(wrap_text=wrap, vertical="top")
        if c in date_cols and v is not None:
            cell.number_format = "DD/MM/YYYY"


def build_map2() -> None:
    d = HERE / M2_DIR
    if d.exists():
        shutil.rmtree(d)
    d.mkdir(parents=True)
    wb = Workbook()

    # ---- Cover
    ws = wb.active
    ws.title = "Cover"
    ws["A1"] = "Northwave Mobile — Customer Message Matrix"
    ws["A1"].font = Font(bold=True, size=16)
    ws.merge_cells("A1:D1")
    ws["A2"] = "What every customer hears from us, for every event. Internal – do not share outside CRM/Compliance."
    ws.merge_cells("A2:D2")
    cover = [("Owner", "CRM & Lifecycle Marketing (lead: Tom Hargreaves)"),
             ("Version", "v3.2"),
             ("Last full review", dt.date(2026, 10, 14)),
             ("Approved by", "Regulatory Compliance (Ofcom GC C1 / C4 check)")]
    for i, (k, v) in enumerate(cover, 4):
        ws.cell(row=i, column=1, value=k).font = Font(bold=True)
        c = ws.cell(row=i, column=2, value=v)
        if isinstance(v, dt.date):
            c.number_format = "DD/MM/YYYY"
            c.alignment = Alignment(horizontal="left")
    ws.cell(row=9, column=1, value="Legend").font = Font(bold=True)
    legend = [("[S] service / regulatory – goes regardless of marketing consent", SVC_FILL),
              ("[M] marketing – needs consent, never to Do-not-market segments", MKT_FILL),
              ("— nothing is sent", NONE_FILL),
              ("D0 = day the event fires, D+3 = three days later", None)]
    for i, (t, fill) in enumerate(legend, 9):
        c = ws.cell(row=i, column=2, value=t)
        if fill:
            c.fill = fill
    ws.column_dimensions["A"].width = 20
    ws.column_dimensions["B"].width = 80

    # ---- Message matrix
    ws = wb.create_sheet("Message matrix")
    heads = ["Ref", "Trigger event", "Lifecycle stage", "Objective", "Success event", "Stop when", "KPI",
             "Owner", "Status", "Last reviewed"] + M2_SEGS + ["Notes"]
    ws["A1"] = "MESSAGE MATRIX — trigger events (rows) by customer segment (columns)"
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(heads))
    ws["A2"] = ("Each cell: [type] channel timing: message. Several touches are numbered in send order. "
                "Green = service only, orange = contains marketing, grey = nothing.")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(heads))
    _header(ws, 3, heads, [8, 24, 16, 30, 20, 24, 22, 15, 8, 13] + [34] * len(M2_SEGS) + [34])
    for r, m in enumerate(M2_MATRIX, 4):
        vals = [m["ref"], m["event"], m["stage"], m["goal"], m["goal_ev"], m["stop"], m["kpi"],
                m["owner"] or None, m["status"], m["rev"]]
        vals += [_render_cell(m["cells"].get(s, [])) for s in M2_SEGS]
        vals += [m["notes"] or None]
        _row(ws, r, vals, date_cols=(10,))
        for j, s in enumerate(M2_SEGS):
            steps = m["cells"].get(s, [])
            fill = NONE_FILL if not steps else (MKT_FILL if any(t == "M" for t, *_ in steps) else SVC_FILL)
            ws.cell(row=r, column=11 + j).fill = fill
    ws.freeze_panes = "C4"

    # ---- Journeys (long: one row per touch)
    ws = wb.create_sheet("Journeys")
    heads = ["Journey", "Journey name", "Trigger", "Audience", "Stage", "Objective", "Touch #", "When",
             "Channel", "Send only if", "Content", "Type", "Success event", "Exit on", "KPI", "Owner",
             "Status", "Reviewed"]
    _header(ws, 1, heads, [8, 24, 22, 20, 16, 28, 8, 7, 10, 18, 46, 11, 18, 18, 26, 14, 8, 12])
    r = 2
    for j in M2_JOURNEYS:
        for i, (when, chan, cond, msg, typ) in enumerate(j["steps"], 1):
            _row(ws, r, [j["id"], j["name"], j["trigger"], j["aud"], j["stage"], j["goal"], i, when, chan,
                         cond or None, msg, typ, j["goal_ev"], j["exit"], j["kpi"], j["owner"], j["status"],
                         j["rev"]], date_cols=(18,))
            r += 1
    ws.freeze_panes = "C2"

    # ---- BAU sends (regular)
    ws = wb.create_sheet("BAU sends")
    heads = ["Ref", "Send", "Audience", "Channel", "Cadence", "Day / time", "Type", "What's in it", "Stage",
             "Objective", "Success event", "KPI", "Owner", "Status", "Reviewed"]
    _header(ws, 1, heads, [7, 22, 18, 9, 10, 14, 11, 40, 10, 26, 18, 16, 14, 8, 12])
    for r, b in enumerate(M2_BAU, 2):
        _row(ws, r, [b["ref"], b["name"], b["aud"], b["channel"], b["cadence"], b["when"], b["type"], b["what"],
                     b["stage"], b["goal"], b["goal_ev"], b["kpi"], b["owner"], b["status"], b["rev"]],
             date_cols=(15,))

    # ---- Segments
    ws = wb.create_sheet("Segments")
    heads = ["Segment", "Code", "Base (customers)", "Value tier", "Do not market", "Definition"]
    _header(ws, 1, heads, [36, 8, 16, 11, 14, 70])
    for r, s in enumerate(M2_SEGMENTS, 2):
        _row(ws, r, list(s))
        ws.cell(row=r, column=3).number_format = "#,##0"
        if s[4] == "Yes":
            for c in range(1, 7):
                ws.cell(row=r, column=c).fill = PatternFill("solid", fgColor="FFC7CE")

    # ---- Lifecycle (transposed: stages across)
    ws = wb.create_sheet("Lifecycle")
    labels = ["#", "Stage", "Goes on to", "End stage?", "What happens here"]
    for i, lab in enumerate(labels, 1):
        c = ws.cell(row=i, column=1, value=lab)
        c.font = HDR_FONT
        c.fill = HDR_FILL
        c.border = BOX
    for j, (no, name, nxt, fin, desc) in enumerate(M2_STAGES, 2):
        for i, v in enumerate([no, name, nxt, fin, desc], 1):
            c = ws.cell(row=i, column=j, value=v)
            c.border = BOX
            c.alignment = Alignment(wrap_text=True, vertical="top")
            if i == 2:
                c.font = Font(bold=True)
        ws.column_dimensions[get_column_letter(j)].width = 22
    ws.column_dimensions["A"].width = 18

    # ---- Events
    ws = wb.create_sheet("Events")
    heads = ["Event", "Source system", "Tracked?", "Live since", "Notes"]
    _header(ws, 1, heads, [30, 16, 10, 12, 50])
    for r, e in enumerate(M2_EVENTS, 2):
        _row(ws, r, list(e), date_cols=(4,))

    # ---- Channels
    ws = wb.create_sheet("Channels")
    heads = ["Channel", "Sent via", "Cost per message (£)", "Notes"]
    _header(ws, 1, heads, [12, 16, 20, 44])
    for r, ch in enumerate(M2_CHANNELS, 2):
        _row(ws, r, list(ch))
        ws.cell(row=r, column=3).number_format = "0.0000"

    # ---- Systems
    ws = wb.create_sheet("Systems")
    heads = ["System", "What it does", "Channels", "Pushes data to", "Gets data from", "Notes"]
    _header(ws, 1, heads, [16, 40, 22, 38, 42, 56])
    for r, s in enumerate(M2_SYSTEMS, 2):
        _row(ws, r, list(s))

    # ---- Change log
    ws = wb.create_sheet("Change log")
    heads = ["Date", "Change", "By"]
    _header(ws, 1, heads, [12, 70, 16])
    for r, c in enumerate(M2_CHANGELOG, 2):
        _row(ws, r, list(c), date_cols=(1,))

    wb.save(d / M2_FILE)

    defects = [
        ("FREQ001", "Prepaid",
         "Column Prepaid gets an SMS from MM-03 (Data 80% used), MM-04 (Low balance), MM-05 (Bundle expires in 3 days) "
         "and MM-08 (Switching code requested), plus Journeys J-01 touch 2 (SMS): 5 SMS per customer per week at one "
         "firing per trigger, over the SMS cap of 2. (Email 1, push 1, total 7 stay under their caps.)"),
        ("FREQ002", "J-02",
         "Journeys J-02 (Status Live, Trigger «Contract ends in 30 days», Audience «Postpaid consumer») and Message matrix "
         "row MM-06 (Status Live, Trigger event «Contract ends in 30 days», Postpaid consumer cell filled) fire on the same "
         "event for the same segment."),
        ("COST001", "MM-02",
         "Message matrix MM-02, Small business cell: 1) SMS D0, 2) Email D+1 «if SMS not delivered»: the cascade starts "
         "with SMS (£0.034 on Channels) and falls back on the SMS's feedback to the cheaper email (£0.002)."),
        ("TRK001", "Direct Debit reinstated",
         "Message matrix MM-02, Stop when = «Payment received; Direct Debit reinstated»: «Direct Debit reinstated» is not "
         "on the Events sheet."),
        ("TRK003", "MM-08",
         "MM-08 is triggered by «Switching code requested», whose Source system (Events) is «Porting hub». Its first touches "
         "are SMS, sent by SFMC (Channels: SMS – Sent via SFMC). Systems: Porting hub «Pushes data to» = «—», and SFMC "
         "«Gets data from» does not list Porting hub, so SFMC never receives the trigger."),
        ("INT002", "J-02",
         "Journeys J-02 touch 2 (WhatsApp, sent by SFMC) is sent «if push not opened», feedback from touch 1 (Push, sent by "
         "Braze). Systems: Braze «Pushes data to» = «—» (Currents not switched on), so no integration carries push "
         "engagement from Braze to SFMC, directly or through Segment CDP."),
        ("COV002", "Win-back",
         "Lifecycle stage 6 «Win-back» is reachable (Leaving -> Win-back) but no matrix row, journey or BAU send has "
         "Lifecycle stage / Stage = Win-back."),
        ("GOV002", "MM-04",
         "Message matrix MM-04 (Low balance): Last reviewed = 03/02/2026, almost 10 months before the audit date "
         "2026-11-29 (limit 6 months)."),
        ("COV003", "MM-07",
         "Message matrix MM-07 (Upgrade eligible), column «Vulnerable customers (do not market)»: «[M] Push D0: You can "
         "upgrade now – latest phones», a marketing touch to a segment marked Do not market = Yes on Segments."),
    ]
    lookalikes = [
        ("COV003", "MM-06",
         "MM-06 sends the Vulnerable column an email, but it is tagged [S]: the Ofcom end-of-contract notice, a "
         "service/regulatory message, not promo/news/content."),
        ("COST002", "MM-06",
         "MM-06 has a Call (Key business accounts cell), but Segments gives that segment 380 customers and Value tier VIP."),
        ("COST001", "J-01",
         "J-01 is a cascade that starts cheap: Email D0, then SMS D+2 «if email not opened». Nothing starts with SMS or a call."),
        ("FREQ002", "J-03",
         "J-03 fires on «Payment failed» like matrix row MM-02, but J-03 is for Key business accounts only and MM-02's Key "
         "business accounts cell is «—» (Notes: handled in J-03): same event, different segments."),
    ]
    cols = [("Cover", "Owner", "owner"), ("Cover", "Version", "ignore"),
            ("Cover", "Last full review", "last_reviewed"), ("Cover", "Approved by", "ignore"),
            ("Cover", "Legend", "ignore")]
    S = "Message matrix"
    cols += [(S, "Ref", "scenario"), (S, "Trigger event", "trigger"), (S, "Lifecycle stage", "stage"),
             (S, "Objective", "goal"), (S, "Success event", "goal_event"), (S, "Stop when", "stop_event"),
             (S, "KPI", "kpi"), (S, "Owner", "owner"), (S, "Status", "status"),
             (S, "Last reviewed", "last_reviewed")]
    cols += [(S, seg, "segments") for seg in M2_SEGS]
    cols += [(S, "Notes", "ignore")]
    S = "Journeys"
    cols += [(S, "Journey", "scenario"), (S, "Journey name", "scenario_name"), (S, "Trigger", "trigger"),
             (S, "Audience", "segments"), (S, "Stage", "stage"), (S, "Objective", "goal"), (S, "Touch #", "step"),
             (S, "When", "timing"), (S, "Channel", "channel"), (S, "Send only if", "condition"),
             (S, "Content", "message"), (S, "Type", "message_type"), (S, "Success event", "goal_event"),
             (S, "Exit on", "stop_event"), (S, "KPI", "kpi"), (S, "Owner", "owner"), (S, "Status", "status"),
             (S, "Reviewed", "last_reviewed")]
    S = "BAU sends"
    cols += [(S, "Ref", "scenario"), (S, "Send", "scenario_name"), (S, "Audience", "segments"),
             (S, "Channel", "channel"), (S, "Cadence", "schedule"), (S, "Day / time", "timing"),
             (S, "Type", "message_type"), (S, "What's in it", "message"), (S, "Stage", "stage"),
             (S, "Objective", "goal"), (S, "Success event", "goal_event"), (S, "KPI", "kpi"),
             (S, "Owner", "owner"), (S, "Status", "status"), (S, "Reviewed", "last_reviewed")]
    S = "Segments"
    cols += [(S, "Segment", "name"), (S, "Code", "id"), (S, "Base (customers)", "size"), (S, "Value tier", "tier"),
             (S, "Do not market", "excluded"), (S, "Definition", "ignore")]
    S = "Lifecycle"
    cols += [(S, "#", "id"), (S, "Stage", "stage"), (S, "Goes on to", "next"), (S, "End stage?", "final"),
             (S, "What happens here", "ignore")]
    S = "Events"
    cols += [(S, "Event", "name"), (S, "Source system", "source"), (S, "Tracked?", "tracked"),
             (S, "Live since", "ignore"), (S, "Notes", "ignore")]
    S = "Channels"
    cols += [(S, "Channel", "channel"), (S, "Sent via", "system"), (S, "Cost per message (£)", "ignore"),
             (S, "Notes", "ignore")]
    S = "Systems"
    cols += [(S, "System", "name"), (S, "What it does", "kind"), (S, "Channels", "channel"),
             (S, "Pushes data to", "sends_to"), (S, "Gets data from", "receives"), (S, "Notes", "ignore")]
    S = "Change log"
    cols += [(S, "Date", "ignore"), (S, "Change", "ignore"), (S, "By", "ignore")]

    write_answers(d / "answers.toml", "Northwave Mobile: telecom message matrix (events x segments) with journeys",
                  M2_FILE, "en", defects, lookalikes, cols)


if __name__ == "__main__":
    build_map1()
    build_map2()
    print("built", HERE / M1_DIR, HERE / M2_DIR)
