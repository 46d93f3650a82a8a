"""Corpus 18: two client-style communication maps with planted defects.

Run from /work/main:  python tests/corpus18/build.py
Re-creates marketplace_seller_ru/ and edtech_en/ (workbooks + answers.toml)
and prints a small self-check (weekly contact counts per segment, unused
events, unserved stages) so the "clean on purpose" claims can be re-verified.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

HERE = Path(__file__).resolve().parent
D = dt.date

HEAD_FILL = PatternFill("solid", fgColor="FFF2CC")
GREY_FILL = PatternFill("solid", fgColor="D9D9D9")
GREY_FONT = Font(color="808080")
BOLD = Font(bold=True)
STAGE_FILL = PatternFill("solid", fgColor="DDEBF7")


def toml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_sheet(wb, title, headers, rows, widths=None, grey_rows=(), date_cols=()):
    ws = wb.create_sheet(title)
    ws.append(headers)
    for c in ws[1]:
        c.font = BOLD
        c.fill = HEAD_FILL
        c.alignment = Alignment(wrap_text=True, vertical="top")
    for i, r in enumerate(rows):
        ws.append(list(r))
        rown = ws.max_row
        for j, c in enumerate(ws[rown]):
            if headers[j] in date_cols and isinstance(c.value, dt.date):
                c.number_format = "DD.MM.YYYY" if any(ord(ch) > 127 for ch in title) else "YYYY-MM-DD"
            if i in grey_rows:
                c.fill = GREY_FILL
                c.font = GREY_FONT
    for j, h in enumerate(headers):
        ws.column_dimensions[ws.cell(1, j + 1).column_letter].width = (widths or {}).get(h, max(12, min(40, len(h) + 4)))
    ws.freeze_panes = "A2"
    return ws


def write_answers(folder: Path, title, mapfile, lang, defects, lookalikes, columns):
    out = [f"title = {toml_str(title)}", f"map = {toml_str(mapfile)}", f"lang = {toml_str(lang)}",
           'today = "2026-11-29"', ""]
    for code, match, why in defects:
        out += ["[[defect]]", f"code = {toml_str(code)}", f"match = {toml_str(match)}", f"why = {toml_str(why)}", ""]
    for code, match, why in lookalikes:
        out += ["[[lookalike]]", f"code = {toml_str(code)}", f"match = {toml_str(match)}", f"why = {toml_str(why)}", ""]
    for sheet, header, field in columns:
        out += ["[[column]]", f"sheet = {toml_str(sheet)}", f"header = {toml_str(header)}", f"field = {toml_str(field)}", ""]
    (folder / "answers.toml").write_text("\n".join(out), encoding="utf-8")


def self_check(name, steps, seg_parent, excluded, events_tracked, stages, stage_next, finals):
    """steps: dicts with scenario, segments(list), channels(list), per_week, active, trigger,
    condition_events, goal, stop, stage, mtype(promo?)"""
    print(f"== self-check {name}")
    counts = defaultdict(lambda: defaultdict(int))
    promo = defaultdict(lambda: [0, 0])

    def ancestors(s):
        out = [s]
        while seg_parent.get(s):
            s = seg_parent[s]
            out.append(s)
        return out

    for seg in seg_parent:
        for st in steps:
            if not st["active"]:
                continue
            if set(st["segments"]) & set(ancestors(seg)):
                for ch in st["channels"]:
                    counts[seg][ch] += st["per_week"]
                counts[seg]["total"] += st["per_week"] * len(st["channels"])
                promo[seg][0] += st["promo"]
                promo[seg][1] += 1
    caps = {"email": 3, "sms": 2, "push": 5, "messenger": 3, "call": 1, "total": 10}
    for seg in seg_parent:
        over = {k: v for k, v in counts[seg].items() if v > caps[k]}
        share = promo[seg][0] / promo[seg][1] if promo[seg][1] else 0
        flag = ("  OVER " + str(over) if over else "") + ("  PROMO>60%" if share > 0.6 else "")
        print(f"  {seg:22s} {dict(counts[seg])} promo={share:.0%}{flag}")
    targeted = {s for st in steps if st["active"] for s in st["segments"]}
    for seg in seg_parent:
        if seg in excluded:
            continue
        if not (set(ancestors(seg)) & targeted):
            print("  segment without scenario:", seg)
    used = set()
    for st in steps:
        used |= {st["trigger"], st["goal"], st["stop"], *st["condition_events"]}
    for ev, tr in events_tracked.items():
        if tr and ev not in used:
            print("  unused tracked event:", ev)
    for ev in used - set(events_tracked) - {None}:
        print("  undefined event:", ev)
    served = {st["stage"] for st in steps if st["active"]}
    for s in stages:
        if s not in served:
            print("  stage not served:", s)
        if s not in finals and not stage_next.get(s):
            print("  dead-end stage:", s)
    reach, todo = {stages[0]}, [stages[0]]
    while todo:
        for n in stage_next.get(todo.pop(), []):
            if n not in reach:
                reach.add(n)
                todo.append(n)
    for s in stages:
        if s not in reach:
            print("  unreachable stage:", s)
    goal_no_stop = sorted({st["scenario"] for st in steps if st["active"] and st["goal"] and st["stop"] != st["goal"]})
    if goal_no_stop:
        print("  goal without stop:", goal_no_stop)


# ---------------------------------------------------------------------------
# 1. marketplace_seller_ru
# ---------------------------------------------------------------------------

def build_marketplace():
    folder = HERE / "marketplace_seller_ru"
    folder.mkdir(parents=True, exist_ok=True)
    fname = "Тёплый сбор — карта рассылок 2026.xlsx"
    wb = Workbook()
    wb.remove(wb.active)

    ANYA = "Аня Королёва"
    # scenario-level info
    SC = {
        "С01": dict(name="Приветственная цепочка", stage="Подписка", seg="ПОДП", trig="subscribed", sched="",
                    goal="Первый заказ на сайте", gev="order_paid", stop="order_paid",
                    kpi="CR в первый заказ за 14 дней, цель 6%", owner=ANYA, st="да", rev=D(2026, 10, 14)),
        "С02": dict(name="Брошенная корзина", stage="Первый заказ", seg="ПОДП, НОВ, ПОСТ", trig="cart_abandoned", sched="",
                    goal="Дожать заказ из корзины", gev="order_paid", stop="order_paid",
                    kpi="Возврат корзин ≥ 8%", owner=ANYA, st="да", rev=D(2026, 9, 22)),
        "С03": dict(name="Заказ ждёт в ПВЗ", stage="Получение", seg="НОВ, ПОСТ", trig="order_at_pickup", sched="",
                    goal="Чтобы забрали заказ, а не отказ/возврат", gev="order_received", stop="order_received",
                    kpi="Доля невыкупа < 5%", owner="Аня + склад (Лёша)", st="да", rev=D(2026, 11, 3)),
        "С04": dict(name="Как вам чай? (отзыв)", stage="Получение", seg="НОВ", trig="order_received", sched="",
                    goal="Отзывы на сайте и карточке", gev="review_left", stop="review_left",
                    kpi="Отзывов в месяц ≥ 40", owner="", st="да", rev=D(2026, 8, 19)),
        "С05": dict(name="Второй заказ со скидкой", stage="Повторный заказ", seg="НОВ, НЕГАТИВ", trig="first_order_paid", sched="",
                    goal="Довести до второй покупки", gev="repeat_order_paid", stop="repeat_order_paid",
                    kpi="Доля вторых заказов за 45 дней ≥ 18%", owner=ANYA, st="да", rev=D(2026, 10, 2)),
        "С06": dict(name="Будим спящих (120 дней)", stage="Уснул", seg="СПЯЩ", trig="no_purchase_120d", sched="",
                    goal="Вернуть к покупкам", gev="order_paid", stop="order_paid",
                    kpi="Реактивация ≥ 3% за 30 дней", owner=ANYA, st="да", rev=D(2026, 9, 9)),
        "С07": dict(name="Вкладыш с QR (WB/Ozon) → бот", stage="Знакомство", seg="МП", trig="qr_scanned", sched="",
                    goal="Перевести покупателя с маркетплейса на сайт", gev="order_paid", stop="order_paid",
                    kpi="Заказы на сайте с промокода QR, шт/мес", owner=ANYA, st="да", rev=D(2026, 11, 10)),
        "С08": dict(name="Telegram-клуб: подборки", stage="Лояльный", seg="TG", trig="", sched="2 раза в неделю (вт, пт)",
                    goal="Держать интерес, вести на сайт", gev="tg_link_click", stop="tg_link_click",
                    kpi="CTR поста ≥ 4%", owner=ANYA, st="да", rev=D(2026, 10, 27)),
        "С09": dict(name="Telegram-клуб: эфиры и розыгрыши", stage="Лояльный", seg="TG", trig="", sched="2 раза в неделю (пн, ср)",
                    goal="Продажи через клуб", gev="order_paid", stop="order_paid",
                    kpi="Выручка с промокодов клуба", owner="Аня + SMM (Катя)", st="да", rev=D(2026, 10, 27)),
        "С10": dict(name="Дайджест: новинки и статьи", stage="Лояльный", seg="ПОДП, ПОСТ, СПЯЩ", trig="", sched="раз в неделю, чт",
                    goal="Напоминать о бренде, новинки", gev="order_paid", stop="order_paid",
                    kpi="Open rate ≥ 25%, выручка с письма", owner=ANYA, st="да", rev=D(2026, 11, 12)),
        "С11": dict(name="Звонок VIP после заказа", stage="Лояльный", seg="VIP", trig="order_paid", sched="",
                    goal="Сохранить VIP, собрать обратную связь", gev="nps_answered", stop="nps_answered",
                    kpi="NPS VIP ≥ 70", owner="Олег (менеджер)", st="да", rev=D(2026, 10, 20)),
        "С12": dict(name="Статус возврата", stage="Получение", seg="НЕГАТИВ", trig="return_created", sched="",
                    goal="Спокойно закрыть возврат без негатива", gev="return_closed", stop="return_closed",
                    kpi="Срок закрытия возврата ≤ 7 дней", owner="Аня + склад (Лёша)", st="да", rev=D(2026, 9, 30)),
        "С13": dict(name="Товар из избранного подешевел", stage="Повторный заказ", seg="ПОСТ", trig="wishlist_price_drop", sched="",
                    goal="Продажа отложенного товара", gev="order_paid", stop="order_paid",
                    kpi="Заказы из избранного, шт/мес", owner=ANYA, st="да", rev=D(2026, 7, 15)),
        "С14": dict(name="8 Марта: подарочные наборы", stage="Повторный заказ", seg="ПОДП, НОВ, ПОСТ", trig="", sched="разово, к 8 Марта",
                    goal="Продажи подарочных наборов", gev="order_paid", stop="order_paid",
                    kpi="Выручка наборов", owner="", st="выкл.", rev=D(2026, 6, 15)),
        "С15": dict(name="Оптовый прайс", stage="Лояльный", seg="Оптовики", trig="", sched="раз в месяц, 1-го числа",
                    goal="Заказы от магазинов и кофеен", gev="order_paid", stop="order_paid",
                    kpi="Оптовых заказов в месяц ≥ 5", owner=ANYA, st="да", rev=D(2026, 11, 5)),
    }
    # steps: scenario, step, timing, condition, channel, system, type, text, comment
    STEPS = [
        ("С01", "1.1", "сразу", "", "email", "Unisender", "акция", "Привет! Как мы собираем травы + промокод −10% на первый заказ", ""),
        ("С01", "1.2", "через 3 дня", "", "email", "Unisender", "полезное", "Как заваривать: 5 ошибок, из-за которых чай горчит", ""),
        ("С02", "2.1", "через 1 час", "", "push", "Gravitec", "сервисное", "Вы кое-что забыли в корзине", "веб-пуш, только кто подписан на пуши"),
        ("С02", "2.2", "через 1 день", "нет события order_paid", "push", "Gravitec", "сервисное", "Корзина ещё ждёт, товары в наличии", ""),
        ("С03", "3.1", "сразу", "", "SMS", "SMSC", "сервисное", "Заказ №… ждёт в ПВЗ до {дата}", ""),
        ("С03", "3.2", "через 1 час", "SMS 3.1 не доставлено", "email", "Unisender", "сервисное", "Заказ в пункте выдачи, адрес и срок хранения", "письмо только если SMS не дошло"),
        ("С04", "4.1", "через 3 дня", "", "email", "Unisender", "сервисное", "Как вам чай? Оставьте отзыв — 100 баллов", ""),
        ("С05", "5.1", "через 25 дней", "", "email", "Unisender", "акция", "Чай заканчивается? −15% на второй заказ", ""),
        ("С05", "5.2", "через 28 дней", "нет события repeat_order_paid", "push", "Gravitec", "акция", "Промокод на −15% действует ещё 2 дня", ""),
        ("С06", "6.1", "сразу", "", "email", "Unisender", "полезное", "Что нового за это время: осенние сборы", ""),
        ("С06", "6.2", "через 5 дней", "письмо 6.1 не открыто", "SMS", "SMSC", "акция", "Скучаем! −20% по коду SBOR20, 7 дней", ""),
        ("С06", "6.3", "через 8 дней", "SMS 6.2 не открыто", "SMS", "SMSC", "акция", "Код SBOR20 сгорает завтра", "«последний шанс»"),
        ("С07", "7.1", "сразу", "", "Telegram", "Salebot", "полезное", "Гайд по завариванию + промокод на сайт", "QR на вкладыше в коробке с WB/Ozon"),
        ("С07", "7.2", "через 3 дня", "нет события order_paid", "Telegram", "Salebot", "акция", "Промокод сгорает через 2 дня", ""),
        ("С08", "8.1", "", "", "Telegram", "Salebot", "полезное", "Подборка: чай под настроение, рецепты", "в 11:00"),
        ("С09", "9.1", "", "", "Telegram", "Salebot", "акция", "Эфир с травницей / розыгрыш набора", "анонс + итоги, 19:00"),
        ("С10", "10.1", "", "", "email", "Unisender", "новости", "Новинки недели, статья, отзыв покупателя", ""),
        ("С11", "11.1", "через 2 дня", "", "звонок", "RetailCRM", "сервисное", "Звонок: всё ли понравилось, подарок в следующий заказ", "задача менеджеру в RetailCRM"),
        ("С12", "12.1", "сразу", "", "email", "Unisender", "сервисное", "Возврат принят, сроки и что дальше", ""),
        ("С12", "12.2", "через 5 дней", "нет события return_closed", "email", "Unisender", "сервисное", "Напоминание: приложите фото и чек", ""),
        ("С13", "13.1", "через 1 час", "", "email или push", "Unisender или Gravitec", "акция", "Цена на товар из избранного снизилась", "пуш если подписан, иначе письмо"),
        ("С14", "14.1", "", "", "email", "Unisender", "акция", "Подарочные наборы к 8 Марта", "выключили после 8.03"),
        ("С15", "15.1", "", "", "email", "Unisender", "акция", "Оптовый прайс и условия для кофеен", ""),
    ]
    H = ["Код", "Что за рассылка", "Шаг", "Этап пути", "Для кого", "Повод", "Регулярность", "Когда шлём",
         "Условие", "Канал", "Через что", "Тип", "Текст (кратко)", "Зачем", "Целевое действие",
         "Перестаём, если", "Как поймём, что работает", "Кто ведёт", "Живая?", "Дата проверки", "Комментарий"]
    rows, grey = [], []
    for i, (sc, step, timing, cond, ch, sysn, typ, text, comm) in enumerate(STEPS):
        s = SC[sc]
        rows.append([sc, s["name"], step, s["stage"], s["seg"], s["trig"], s["sched"], timing, cond, ch, sysn, typ,
                     text, s["goal"], s["gev"], s["stop"], s["kpi"], s["owner"], s["st"], s["rev"], comm])
        if s["st"] != "да":
            grey.append(i)
    write_sheet(wb, "Коммуникации", H, rows, grey_rows=grey, date_cols={"Дата проверки"},
                widths={"Что за рассылка": 30, "Текст (кратко)": 45, "Зачем": 32, "Как поймём, что работает": 30,
                        "Для кого": 18, "Условие": 26, "Комментарий": 30})

    SEGS = [
        ("ПОДП", "Подписались на сайте, ещё не покупали", "", "~14 тыс.", "обычный", "", "поп-ап и форма в футере"),
        ("МП", "Покупатели с WB/Ozon, пришли по QR из вкладыша", "", "~9 тыс.", "обычный", "", "через бота, телефон + согласие"),
        ("НОВ", "Купили на сайте 1 раз", "", "~6 тыс.", "обычный", "", "RetailCRM, кол-во заказов = 1"),
        ("ПОСТ", "Купили на сайте 2+ раза", "", "~4 тыс.", "обычный", "", ""),
        ("VIP", "Сумма покупок от 25 000 ₽", "ПОСТ", "~350 чел.", "VIP", "", "ведёт Олег"),
        ("СПЯЩ", "Не покупали 120+ дней", "", "~11 тыс.", "обычный", "", ""),
        ("TG", "Подписчики Telegram-клуба", "", "~7 тыс.", "обычный", "", "Salebot"),
        ("НЕГАТИВ", "Возврат или жалоба за последние 30 дней", "", "~200", "обычный", "да", "только сервисные!"),
        ("ОТПИСКА", "Отписались от рекламных рассылок", "", "~3 тыс.", "обычный", "да", ""),
    ]
    write_sheet(wb, "Аудитории", ["Сегмент", "Кто это", "Входит в", "Сколько", "Ценность", "Не трогаем?", "Как собираем"], SEGS,
                widths={"Кто это": 45, "Как собираем": 32})

    STAGES = [
        ("Знакомство", "Купил на WB/Ozon или увидел рекламу, нашёл вкладыш", "Подписка", ""),
        ("Подписка", "Оставил почту / зашёл в бота", "Первый заказ", ""),
        ("Первый заказ", "Собирает корзину, оформляет первый заказ на сайте", "Получение", ""),
        ("Получение", "Заказ в пути / в ПВЗ, забрал, пробует", "Повторный заказ, Уснул", ""),
        ("Повторный заказ", "Возвращается за добавкой", "Лояльный", ""),
        ("Лояльный", "Покупает регулярно, в клубе, советует друзьям", "", "да"),
        ("Уснул", "Долго не покупает", "", ""),
    ]
    write_sheet(wb, "Путь покупателя", ["Этап", "Что происходит", "Дальше", "Конечный?"], STAGES,
                widths={"Что происходит": 50, "Дальше": 26})

    EVENTS = [
        ("subscribed", "Подписался на сайте", "сайт", "да"),
        ("cart_abandoned", "Бросил корзину (30 мин без заказа)", "сайт", "да"),
        ("order_paid", "Оплатил заказ на сайте", "RetailCRM", "да"),
        ("first_order_paid", "Первый оплаченный заказ", "RetailCRM", "да"),
        ("repeat_order_paid", "Оплатил второй и следующий заказ", "RetailCRM", "да"),
        ("order_at_pickup", "Заказ приехал в ПВЗ (статус СДЭК)", "RetailCRM", "да"),
        ("order_received", "Забрал заказ", "RetailCRM", "да"),
        ("review_left", "Оставил отзыв на сайте", "сайт", "да"),
        ("return_created", "Оформил возврат", "RetailCRM", "да"),
        ("return_closed", "Возврат закрыт, деньги отправлены", "RetailCRM", "да"),
        ("no_purchase_120d", "120 дней без покупки", "RetailCRM", "да"),
        ("qr_scanned", "Отсканировал QR с вкладыша и запустил бота", "Telegram-бот", "да"),
        ("tg_link_click", "Перешёл по ссылке из поста в клубе", "Telegram-бот", "да"),
        ("nps_answered", "Ответил на вопрос об оценке (менеджер отметил)", "RetailCRM", "да"),
        ("wishlist_price_drop", "Подешевел товар из избранного", "сайт", "нет"),
    ]
    write_sheet(wb, "События", ["Событие", "Что значит", "Откуда", "Видим в аналитике?"], EVENTS,
                widths={"Событие": 22, "Что значит": 45})

    SYSTEMS = [
        ("RetailCRM", "звонок", "сайт, RetailCRM", "Unisender, SMSC, Salebot, Gravitec", "CRM, заказы с сайта"),
        ("Unisender", "email", "сайт, RetailCRM", "RetailCRM", "открытия/клики назад в CRM"),
        ("SMSC", "SMS", "RetailCRM", "RetailCRM", "статусы доставки в CRM"),
        ("Salebot", "Telegram", "Telegram-бот, RetailCRM", "RetailCRM", "бот + клуб"),
        ("Gravitec", "push", "сайт, RetailCRM", "", "веб-пуши на сайте"),
    ]
    write_sheet(wb, "Сервисы", ["Сервис", "Что шлёт", "Откуда берёт данные", "Куда отдаёт", "Заметки"], SYSTEMS,
                widths={"Куда отдаёт": 36, "Откуда берёт данные": 28, "Заметки": 30})
    wb.save(folder / fname)

    # self-check
    def weekly(sc):
        s = SC[sc]["sched"]
        if s.startswith("2 раза"):
            return 2
        if s.startswith("раз в месяц") or s.startswith("разово"):
            return 1
        return 1
    chmap = {"email": "email", "SMS": "sms", "push": "push", "Telegram": "messenger", "звонок": "call"}
    steps = []
    for sc, step, timing, cond, ch, *_ , typ, text, comm in [(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8]) for r in STEPS]:
        s = SC[sc]
        steps.append(dict(scenario=sc, segments=[x.strip() for x in s["seg"].split(",")],
                          channels=[chmap[c] for c in ch.split(" или ")], per_week=weekly(sc),
                          active=s["st"] == "да", trigger=s["trig"] or None,
                          condition_events=re.findall(r"[a-z0-9]+_[a-z0-9_]+", cond), goal=s["gev"], stop=s["stop"],
                          stage=s["stage"], promo=typ == "акция"))
    self_check("marketplace_seller_ru", steps, {x[0]: x[2] for x in SEGS}, {x[0] for x in SEGS if x[5]},
               {e[0]: e[3] == "да" for e in EVENTS}, [s[0] for s in STAGES],
               {s[0]: [x.strip() for x in s[2].split(",") if x.strip()] for s in STAGES},
               {s[0] for s in STAGES if s[3]})

    defects = [
        ("MAP001", "Оптовики", "С15 «Оптовый прайс» шлётся сегменту «Оптовики», которого нет на листе «Аудитории»."),
        ("TRK002", "wishlist_price_drop", "С13 запускается событием wishlist_price_drop, а на листе «События» у него «Видим в аналитике?» = нет."),
        ("FLOW001", "Уснул", "Этап «Уснул» не конечный, но в колонке «Дальше» пусто: из него нет пути дальше."),
        ("COV003", "НЕГАТИВ", "Акционное письмо 5.1 «−15% на второй заказ» (С05) идёт сегменту НЕГАТИВ, помеченному «Не трогаем? = да»."),
        ("FREQ001", "TG", "Сегмент TG получает 4 сообщения в Telegram в неделю (С08 вт+пт и С09 пн+ср) при лимите мессенджера 3."),
        ("COST001", "С03", "Цепочка С03 начинается с SMS 3.1, а по её обратной связи («SMS не доставлено») падает в более дешёвый email 3.2."),
        ("INT003", "6.3", "Шаг 6.3 шлётся при условии «SMS 6.2 не открыто», а SMS не сообщает об открытиях."),
        ("GOV003", "С04", "Живая рассылка С04 «Как вам чай?» без ответственного: колонка «Кто ведёт» пустая."),
    ]
    lookalikes = [
        ("COV003", "С12", "С12 «Статус возврата» шлёт НЕГАТИВ только сервисные письма (тип «сервисное»), а правило касается только промо/новостей/контента."),
        ("COST002", "С11", "Звонок С11 идёт сегменту VIP: уровень VIP и ~350 человек, меньше порога 1 000."),
        ("COST001", "С06", "С06 начинается с email, а SMS — запасной канал, который дороже; правило про обратный порядок (сначала SMS, потом дешёвый канал)."),
        ("FREQ001", "ПОДП", "ПОДП получает ровно 3 письма в неделю (С01 ×2 + С10) — это лимит, а не превышение; пуши 2 из 5."),
    ]
    cols = [("Коммуникации", h, f) for h, f in zip(H, [
        "scenario", "scenario_name", "step", "stage", "segments", "trigger", "schedule", "timing", "condition",
        "channel", "system", "message_type", "message", "goal", "goal_event", "stop_event", "kpi", "owner",
        "status", "last_reviewed", "ignore"])]
    cols += [("Аудитории", h, f) for h, f in zip(["Сегмент", "Кто это", "Входит в", "Сколько", "Ценность", "Не трогаем?", "Как собираем"],
                                                 ["id", "name", "parent", "size", "tier", "excluded", "ignore"])]
    cols += [("Путь покупателя", h, f) for h, f in zip(["Этап", "Что происходит", "Дальше", "Конечный?"], ["id", "name", "next", "final"])]
    cols += [("События", h, f) for h, f in zip(["Событие", "Что значит", "Откуда", "Видим в аналитике?"], ["id", "name", "source", "tracked"])]
    cols += [("Сервисы", h, f) for h, f in zip(["Сервис", "Что шлёт", "Откуда берёт данные", "Куда отдаёт", "Заметки"],
                                               ["id", "channel", "source", "sends_to", "ignore"])]
    write_answers(folder, "D2C-бренд травяного чая (WB/Ozon + свой сайт), карта одного CRM-маркетолога", fname, "ru",
                  defects, lookalikes, cols)


# ---------------------------------------------------------------------------
# 2. edtech_en
# ---------------------------------------------------------------------------

def build_edtech():
    folder = HERE / "edtech_en"
    folder.mkdir(parents=True, exist_ok=True)
    fname = "forge_bootcamp_lifecycle_map.xlsx"
    wb = Workbook()
    wb.remove(wb.active)

    F = {  # flow -> scenario-level info
        "Syllabus nurture": dict(seg="leads", trig="syllabus_downloaded", cad="", purpose="Get leads into the free prep course",
                                 gev="prep_started", exit="", kpi="Lead→prep start 25%", dri="Maya (Growth)", st="Live", rev=D(2026, 10, 6)),
        "Webinar follow-up": dict(seg="leads", trig="webinar_attended", cad="", purpose="Turn webinar attendees into applicants",
                                  gev="application_submitted", exit="application_submitted", kpi="Attendee→application 10%",
                                  dri="Maya (Growth)", st="Live", rev=D(2026, 9, 15)),
        "Scholarship deadline": dict(seg="leads", trig="", cad="One-off, 2 weeks before cohort deadline", purpose="Push applications before deadline",
                                     gev="application_submitted", exit="application_submitted", kpi="Applications in deadline week",
                                     dri="", st="Paused", rev=D(2026, 8, 1)),
        "Prep onboarding": dict(seg="prep_active", trig="prep_started", cad="", purpose="First lessons done in week 1",
                                gev="prep_finished", exit="prep_finished", kpi="Prep completion 35%", dri="Tom (Learning)", st="Live", rev=D(2026, 11, 2)),
        "Stalled prep rescue": dict(seg="prep_stalled", trig="prep_inactive_7d", cad="", purpose="Bring stalled learners back to lessons",
                                    gev="lesson_completed", exit="lesson_completed", kpi="Reactivated within 14d 12%",
                                    dri="Tom (Learning)", st="Live", rev=D(2026, 10, 21)),
        "Full-time applicant next steps": dict(seg="applicants_ft", trig="application_submitted", cad="", purpose="Book the admissions interview",
                                               gev="interview_booked", exit="interview_booked", kpi="Application→interview 60%",
                                               dri="Priya (Admissions)", st="Live", rev=D(2026, 11, 9)),
        "Part-time applicant next steps": dict(seg="applicants_pt", trig="application_submitted", cad="", purpose="Book the admissions interview",
                                               gev="interview_booked", exit="interview_booked", kpi="Application→interview 50%",
                                               dri="Priya (Admissions)", st="Live", rev=D(2026, 11, 9)),
        "Interview prep": dict(seg="applicants_ft, applicants_pt", trig="interview_booked", cad="", purpose="Show up to the interview prepared",
                               gev="interview_completed", exit="interview_completed", kpi="Interview show rate 85%",
                               dri="Priya (Admissions)", st="Live", rev=D(2026, 10, 30)),
        "Deposit nudges": dict(seg="hot_applicants", trig="interview_passed", cad="", purpose="Secure the seat deposit",
                               gev="deposit_paid", exit="deposit_paid", kpi="Offer→deposit 55%", dri="Priya (Admissions)", st="Live", rev=D(2026, 10, 30)),
        "Pre-course onboarding": dict(seg="enrolled_not_started", trig="deposit_paid", cad="", purpose="Laptop + tools set up before day 1",
                                      gev="setup_completed", exit="setup_completed", kpi="Setup done before start 90%",
                                      dri="Tom (Learning)", st="Live", rev=D(2026, 9, 28)),
        "Weekly student digest": dict(seg="students", trig="", cad="Weekly (Mon 8am)", purpose="Keep students on pace",
                                      gev="assignment_submitted", exit="assignment_submitted", kpi="On-time submissions 80%",
                                      dri="Tom (Learning)", st="Live", rev=D(2026, 11, 16)),
        "At-risk check-in": dict(seg="at_risk", trig="assignments_missed_2", cad="", purpose="Catch students before they drop",
                                 gev="assignment_submitted", exit="assignment_submitted", kpi="At-risk recovered 50%",
                                 dri="Tom (Learning)", st="Live", rev=D(2026, 10, 12)),
        "Failed payment (payment plan)": dict(seg="students", trig="payment_failed", cad="", purpose="Recover the instalment",
                                              gev="payment_succeeded", exit="payment_succeeded", kpi="Recovered within 7d 70%",
                                              dri="Sam (Finance ops)", st="Live", rev=D(2026, 9, 3)),
        "Deferred: keep warm": dict(seg="deferred", trig="", cad="Monthly (1st Tue)", purpose="Keep deferred students committed to next cohort",
                                    gev="cohort_confirmed", exit="cohort_confirmed", kpi="Deferred→confirmed 75%",
                                    dri="Priya (Admissions)", st="Live", rev=D(2026, 8, 24)),
        "Alumni newsletter": dict(seg="alumni", trig="", cad="Monthly (last Thu)", purpose="Alumni community + referrals",
                                  gev="referral_sent", exit="referral_sent", kpi="Referrals per month 30", dri="Maya (Growth)", st="Live", rev=D(2026, 11, 19)),
        "Graduation referral ask": dict(seg="alumni", trig="graduated", cad="", purpose="Referral while they are happiest",
                                        gev="referral_sent", exit="referral_sent", kpi="Referral rate 8%", dri="Maya (Growth)", st="Live", rev=D(2026, 11, 19)),
    }
    # stage -> [(id, flow, message, type, delay, channel, via, only_if, notes)]
    LIFE = [
        ("Lead", [
            ("LD-1", "Syllabus nurture", "Your syllabus + start the free Python prep", "Content", "Immediately", "Email", "Customer.io", "", ""),
            ("LD-2", "Syllabus nurture", "What a week in the bootcamp looks like", "Content", "+3 days", "Email", "Customer.io", "", ""),
            ("WB-1", "Webinar follow-up", "Recording + how to apply", "Content", "+1 hour", "Email", "Customer.io", "", "webinar platform → Segment"),
            ("SC-1", "Scholarship deadline", "Last week to apply for the Women in Tech scholarship", "Promo", "", "Email", "Customer.io", "", "paused until spring cohort"),
        ]),
        ("Free prep", [
            ("PR-1", "Prep onboarding", "Welcome to prep: lesson 1 in 15 minutes", "Service", "Immediately", "Email", "Customer.io", "", ""),
            ("PR-2", "Prep onboarding", "Lesson 1 is waiting for you", "Service", "+1 day", "Push", "OneSignal", "PR-1 not opened", "email first, push as a nudge"),
            ("PS-1", "Stalled prep rescue", "Pick up where you left off", "Service", "Immediately", "Push", "OneSignal", "", ""),
            ("PS-2", "Stalled prep rescue", "Stuck? Here is a 10-minute catch-up", "Content", "+1 day", "Email", "Customer.io", "PS-1 not opened", ""),
            ("PS-3", "Stalled prep rescue", "Admissions rep calls to offer a study plan", "Service", "+3 days", "Call", "HubSpot", "no lesson_completed", "call list exported daily"),
        ]),
        ("Applied", [
            ("APF-1", "Full-time applicant next steps", "Thanks for applying – book your interview", "Service", "Immediately", "Email", "Customer.io", "", ""),
            ("APF-2", "Full-time applicant next steps", "Reminder: pick an interview slot", "Service", "+2 days", "SMS", "Twilio", "no interview_booked", ""),
            ("APP-1", "Part-time applicant next steps", "Thanks for applying – book your interview", "Service", "Immediately", "Email", "Customer.io", "", ""),
            ("APP-2", "Part-time applicant next steps", "Evening slots are filling up", "Service", "+3 days", "Email", "Customer.io", "no interview_booked", ""),
        ]),
        ("Interview", [
            ("IV-1", "Interview prep", "What to expect in your interview", "Content", "Immediately", "Email", "Customer.io", "", ""),
            ("IV-2", "Interview prep", "See you tomorrow – link inside", "Service", "+1 day", "WhatsApp", "Twilio", "", ""),
            ("HA-1", "Deposit nudges", "You're in! Your offer and seat deposit", "Service", "Immediately", "Email", "Customer.io", "", ""),
            ("HA-2", "Deposit nudges", "Admissions call: questions about financing", "Service", "+2 days", "Call", "HubSpot", "no deposit_paid", ""),
        ]),
        ("Enrolled", [
            ("EN-1", "Pre-course onboarding", "Welcome to the cohort: setup checklist", "Service", "Immediately", "Email", "Customer.io", "", ""),
            ("EN-2", "Pre-course onboarding", "Setup reminder: 3 steps left", "Service", "+5 days", "Email", "Customer.io", "no setup_completed", ""),
        ]),
        ("In course", [
            ("WK-1", "Weekly student digest", "This week: deadlines, office hours, wins", "News", "", "Email", "Customer.io", "", ""),
            ("AR-1", "At-risk check-in", "Everything OK? Let's get you back on track", "Service", "Immediately", "Email", "Customer.io", "", ""),
            ("AR-2", "At-risk check-in", "Note from your mentor + office-hours link", "Service", "+3 days", "Email", "Customer.io", "no assignment_submitted", ""),
            ("PF-1", "Failed payment (payment plan)", "Your instalment didn't go through", "Service", "Immediately", "Email", "Customer.io", "", ""),
            ("PF-2", "Failed payment (payment plan)", "Update your card to keep your seat", "Service", "+1 day", "SMS", "Twilio", "no payment_succeeded", ""),
        ]),
        ("Deferred", [
            ("DF-1", "Deferred: keep warm", "Your next cohort: dates + pre-work", "Content", "", "Email", "Customer.io", "", ""),
        ]),
        ("Graduated", [
            ("AL-1", "Alumni newsletter", "Alumni jobs, meetups, refer-a-friend", "News", "", "Email", "Customer.io", "", ""),
            ("GR-1", "Graduation referral ask", "Congrats! Give a friend $500 off", "Content", "+2 days", "Email", "Customer.io", "", ""),
        ]),
    ]
    H = ["ID", "Flow", "Message", "Type", "Trigger", "Cadence", "Delay", "Channel", "Sent via", "Audience",
         "Only send if", "Purpose", "Goal event", "Exit on", "KPI", "DRI", "Status", "Last reviewed", "Notes"]
    ws = wb.create_sheet("Lifecycle")
    ws.append(H)
    for c in ws[1]:
        c.font = BOLD
        c.fill = HEAD_FILL
    for stage, items in LIFE:
        ws.append([stage])
        for c in ws[ws.max_row]:
            c.font = BOLD
            c.fill = STAGE_FILL
        for (sid, flow, msg, typ, delay, ch, via, only, notes) in items:
            f = F[flow]
            ws.append([sid, flow, msg, typ, f["trig"], f["cad"], delay, ch, via, f["seg"], only, f["purpose"],
                       f["gev"], f["exit"], f["kpi"], f["dri"], f["st"], f["rev"], notes])
            ws.cell(ws.max_row, H.index("Last reviewed") + 1).number_format = "YYYY-MM-DD"
            if f["st"] != "Live":
                for c in ws[ws.max_row]:
                    c.font = GREY_FONT
    for j, h in enumerate(H):
        ws.column_dimensions[ws.cell(1, j + 1).column_letter].width = {"Message": 44, "Flow": 28, "Purpose": 36, "Audience": 26,
                                                                        "Cadence": 22, "Notes": 28, "KPI": 24}.get(h, 14)
    ws.freeze_panes = "B2"

    SEGS = [
        ("leads", "Downloaded syllabus or registered for a webinar, not in prep yet", "", 9000, "Standard", ""),
        ("prep_active", "In the free prep course, active in last 7 days", "", 3500, "Standard", ""),
        ("prep_stalled", "Started prep, no activity 7+ days", "", 6000, "Standard", ""),
        ("applicants_ft", "Applied to the full-time track", "", 400, "Standard", ""),
        ("applicants_pt", "Applied to the part-time track", "", 700, "Standard", ""),
        ("hot_applicants", "Passed interview, deposit not paid yet", "", 150, "High", ""),
        ("enrolled_not_started", "Deposit paid, cohort not started", "", 250, "Standard", ""),
        ("students", "Active students in a running cohort", "", 900, "Standard", ""),
        ("at_risk", "Students who missed 2+ assignments", "", 120, "Standard", ""),
        ("deferred", "Deferred to a later cohort", "", 60, "Standard", ""),
        ("alumni", "Graduates", "", 3000, "Standard", ""),
        ("alumni_job_seeking", "Graduates still looking for a job 90+ days after graduation", "", 700, "Standard", ""),
        ("prep_active", "In prep, logged in within 14 days (new def from Tom)", "", 4200, "Standard", ""),
        ("do_not_contact", "Unsubscribed / asked not to be contacted", "", 2300, "Standard", "Yes"),
    ]
    write_sheet(wb, "Audiences", ["Segment", "Definition", "Parent", "Approx. size", "Tier", "Suppress?"], SEGS,
                widths={"Segment": 22, "Definition": 55})

    STAGES = [
        ("Lead", "Downloaded syllabus / joined a webinar", "Free prep", ""),
        ("Free prep", "Doing the free Intro to Python", "Applied", ""),
        ("Applied", "Submitted the application", "Interview", ""),
        ("Interview", "Admissions interview and offer", "Enrolled", ""),
        ("Enrolled", "Deposit paid, waiting for day 1", "In course", ""),
        ("In course", "Studying in a cohort", "Graduated", ""),
        ("Deferred", "Moved to a later cohort", "In course", ""),
        ("Graduated", "Alumni", "", "Yes"),
    ]
    write_sheet(wb, "Journey", ["Stage", "What happens", "Leads to", "End stage?"], STAGES, widths={"What happens": 40})

    EVENTS = [
        ("syllabus_downloaded", "Syllabus PDF form submitted", "Website", "Yes"),
        ("prep_started", "First prep lesson opened", "Prep app", "Yes"),
        ("lesson_completed", "Any prep lesson completed", "Prep app", "Yes"),
        ("prep_finished", "All prep lessons completed", "Prep app", "Yes"),
        ("prep_inactive_7d", "No prep activity for 7 days (Amplitude cohort)", "Prep app", "Yes"),
        ("application_submitted", "Application form submitted", "Website", "Yes"),
        ("interview_booked", "Interview slot booked (HubSpot meetings)", "HubSpot", "Yes"),
        ("interview_completed", "Interview marked as held", "HubSpot", "Yes"),
        ("interview_passed", "Admissions decision = offer", "HubSpot", "Yes"),
        ("deposit_paid", "Seat deposit charged", "Stripe", "Yes"),
        ("setup_completed", "Setup checklist done in LMS", "LMS", "Yes"),
        ("assignment_submitted", "Assignment submitted", "LMS", "Yes"),
        ("assignments_missed_2", "Second missed assignment in a row", "LMS", "Yes"),
        ("payment_failed", "Instalment charge failed", "Stripe", "Yes"),
        ("payment_succeeded", "Instalment charge succeeded", "Stripe", "Yes"),
        ("cohort_confirmed", "Deferred student confirmed new start date", "HubSpot", "Yes"),
        ("graduated", "Final project passed", "LMS", "Yes"),
        ("referral_sent", "Referral link used by a friend", "Website", "Yes"),
        ("certificate_shared", "Certificate shared to LinkedIn", "LMS", "No (planned Q1)"),
    ]
    write_sheet(wb, "Events (Amplitude)", ["Event name", "Description", "Source", "Tracked?"], EVENTS,
                widths={"Event name": 24, "Description": 44})

    STACK = [
        ("Segment", "", "Website, Prep app, Stripe, LMS, HubSpot", "Customer.io, HubSpot, OneSignal", "CDP, also feeds Amplitude"),
        ("Customer.io", "Email", "Website, Prep app, Stripe, LMS, HubSpot", "HubSpot, OneSignal", "journeys live here"),
        ("OneSignal", "Push", "Prep app", "", "product team's push tool"),
        ("Twilio", "SMS, WhatsApp", "HubSpot", "HubSpot", "triggered from HubSpot workflows"),
        ("HubSpot", "Call", "Website, Prep app, Stripe, HubSpot", "Twilio", "admissions CRM, call tasks"),
    ]
    write_sheet(wb, "Stack", ["Tool", "Channels", "Gets data from", "Pushes to", "Notes"], STACK,
                widths={"Gets data from": 40, "Pushes to": 32, "Notes": 30})
    wb.save(folder / fname)

    # self-check
    steps = []
    for stage, items in LIFE:
        for (sid, flow, msg, typ, delay, ch, via, only, notes) in items:
            f = F[flow]
            steps.append(dict(scenario=flow, segments=[x.strip() for x in f["seg"].split(",")],
                              channels=[{"Email": "email", "Push": "push", "SMS": "sms", "WhatsApp": "messenger", "Call": "call"}[ch]],
                              per_week=1, active=f["st"] == "Live", trigger=f["trig"] or None,
                              condition_events=re.findall(r"[a-z0-9]+_[a-z0-9_]+", only), goal=f["gev"], stop=f["exit"] or None,
                              stage=stage, promo=typ == "Promo"))
    self_check("edtech_en", steps, {x[0]: x[2] for x in SEGS}, {x[0] for x in SEGS if x[5]},
               {e[0]: e[3] == "Yes" for e in EVENTS}, [s[0] for s in STAGES],
               {s[0]: [x.strip() for x in s[2].split(",") if x.strip()] for s in STAGES}, {s[0] for s in STAGES if s[3]})

    defects = [
        ("MAP002", "prep_active", "Audiences defines prep_active twice (7-day and 14-day definitions, 3,500 vs 4,200)."),
        ("COV001", "alumni_job_seeking", "alumni_job_seeking is not suppressed, has no parent and no Live flow targets it."),
        ("FLOW002", "Deferred", "No stage's 'Leads to' points at Deferred, so it cannot be reached from Lead."),
        ("FLOW004", "Syllabus nurture", "Syllabus nurture has goal event prep_started but 'Exit on' is empty, so leads who started prep still get LD-2."),
        ("TRK001", "webinar_attended", "Webinar follow-up is triggered by webinar_attended, which is not on the Events (Amplitude) tab."),
        ("TRK003", "payment_succeeded", "PF-2 (SMS via Twilio) is governed by payment_succeeded from Stripe, but Twilio only gets data from HubSpot."),
        ("INT002", "PS-2", "PS-2 (email, Customer.io) is sent only if PS-1 (push, OneSignal) was not opened, but OneSignal pushes data nowhere."),
        ("COST002", "prep_stalled", "PS-3 is an admissions call to prep_stalled: Standard tier, ~6,000 people (over 1,000)."),
    ]
    lookalikes = [
        ("COST001", "Prep onboarding", "PR-1 email falls back to PR-2 push when not opened: it starts with email, not SMS/call (email → push is explicitly not this)."),
        ("COST002", "hot_applicants", "HA-2 call goes to hot_applicants: High tier and only ~150 people."),
        ("FREQ002", "application_submitted", "Two Live flows fire on application_submitted, but for different segments (applicants_ft vs applicants_pt)."),
        ("TRK005", "certificate_shared", "certificate_shared is unused, but it is marked not tracked (planned Q1), so it is not an unused tracked event."),
    ]
    cols = [("Lifecycle", h, f) for h, f in zip(H, [
        "step", "scenario", "message", "message_type", "trigger", "schedule", "timing", "channel", "system", "segments",
        "condition", "goal", "goal_event", "stop_event", "kpi", "owner", "status", "last_reviewed", "ignore"])]
    cols += [("Audiences", h, f) for h, f in zip(["Segment", "Definition", "Parent", "Approx. size", "Tier", "Suppress?"],
                                                ["id", "name", "parent", "size", "tier", "excluded"])]
    cols += [("Journey", h, f) for h, f in zip(["Stage", "What happens", "Leads to", "End stage?"], ["id", "name", "next", "final"])]
    cols += [("Events (Amplitude)", h, f) for h, f in zip(["Event name", "Description", "Source", "Tracked?"], ["id", "name", "source", "tracked"])]
    cols += [("Stack", h, f) for h, f in zip(["Tool", "Channels", "Gets data from", "Pushes to", "Notes"],
                                            ["id", "channel", "source", "sends_to", "ignore"])]
    write_answers(folder, "Online coding bootcamp (free prep course + cohorts), lifecycle map by growth team", fname, "en",
                  defects, lookalikes, cols)


if __name__ == "__main__":
    build_marketplace()
    build_edtech()
    print("written to", HERE)
