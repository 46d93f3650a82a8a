"""Generate corpus4: four client-style communication maps with answer keys.

Run:  . /work/main/.venv/bin/activate && python tests/corpus4/build.py

Maps
  ru_voltmarket/   electronics retailer, xlsx, one sheet per channel (RU)
  ru_ostrov_kids/  kids' leisure-centre chain, hand-written .ods, chains as
                   vertical blocks separated by blank rows (RU)
  en_harbour_light/ charity donor programme, folder of CSV files (EN)
  en_quarters/     coworking network, xlsx with merged two-row headers and
                   merged scenario cells, RU/EN mixed headers (EN)
"""
from __future__ import annotations

import csv
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

HERE = Path(__file__).resolve().parent
BOLD = Font(bold=True)
FILL = PatternFill("solid", fgColor="DDEBF7")


def _sheet(wb, title, header, rows, widths=None):
    ws = wb.create_sheet(title)
    ws.append(header)
    for c in ws[1]:
        c.font = BOLD
        c.fill = FILL
    for r in rows:
        ws.append(list(r))
    for i, _ in enumerate(header):
        ws.column_dimensions[ws.cell(1, i + 1).column_letter].width = (widths or {}).get(i, 18)
    ws.freeze_panes = "A2"
    return ws


# ---------------------------------------------------------------------------
# 1. ВольтМаркет — электроника и бытовая техника (RU, xlsx, лист на канал)
# ---------------------------------------------------------------------------

VM_CHAN_HEADER = [
    "Код цепочки", "Цепочка", "Тип цепочки", "Сегмент", "Этап CJM",
    "Событие-триггер", "Расписание", "Шаг", "Когда", "Условие отправки",
    "Сообщение (тема / текст)", "Тип сообщения", "Платформа", "Цель",
    "Целевое событие", "Стоп-событие", "KPI", "Ответственный", "Статус",
]

# scenario facts: code -> (name, kind, segments, stage, trigger, schedule, goal, goal_ev, stop, kpi, owner, status)
VM_SCEN = {
    "TR-01": ("Добро пожаловать", "триггерная", "Новые", "Интерес", "Подписка на рассылку", "",
              "Первый заказ", "Заказ оплачен", "Заказ оплачен", "CR в первый заказ 4%", "Ирина Котова", "в проде"),
    "TR-02": ("Брошенная корзина", "триггерная", "Активные", "Покупка", "Корзина брошена", "",
              "Вернуть к оформлению заказа", "Заказ оплачен", "Заказ оплачен", "CR корзина→заказ 8%", "Ирина Котова", "в проде"),
    "TR-02-old": ("Брошенная корзина v1 (старая)", "триггерная", "Активные", "Покупка", "Корзина брошена", "",
                  "Вернуть к оформлению заказа", "Заказ оплачен", "Заказ оплачен", "CR 5%", "Ирина Котова",
                  "отключена (заменена TR-02 в мае)"),
    "TR-03": ("Брошенный просмотр", "триггерная", "Активные", "Выбор", "Просмотр товара без корзины", "",
              "Заказ из просмотренной категории", "Заказ оплачен", "Заказ оплачен", "CTR 3%", "Павел Ли", "в проде"),
    "TR-04": ("Предзаказ консоли", "триггерная", "Геймеры и стримеры", "Выбор", "Подписка на предзаказ", "",
              "Оформить предзаказ", "Предзаказ оформлен", "Предзаказ оформлен", "Доля предзаказов 15%", "Павел Ли", "в проде"),
    "SV-01": ("Заказ оплачен → доставка", "сервисная", "Активные; Премиум-клуб; Геймеры и стримеры",
              "Доставка и установка", "Заказ оплачен", "", "Доставить без переносов", "Заказ доставлен",
              "Заказ доставлен", "Переносы доставки < 3%", "Олег Сухов", "в проде"),
    "SV-02": ("Отзыв о покупке", "триггерная", "Активные", "Использование", "Заказ доставлен", "",
              "Собрать отзывы", "Отзыв оставлен", "Отзыв оставлен", "Отзывов 6% от заказов", "Павел Ли", "в проде"),
    "SV-03": ("Гарантия заканчивается", "триггерная", "Активные; Премиум-клуб", "Сервис и ремонт",
              "Гарантия истекает через 30 дней", "", "Продажа доп. гарантии", "Гарантия продлена", "Гарантия продлена",
              "Продлений 2%", "Олег Сухов", "в проде"),
    "SV-04": ("Возврат: статус заявки", "сервисная", "Активные; Премиум-клуб; Геймеры и стримеры", "Возврат товара",
              "Заявка на возврат", "", "Закрыть возврат за 10 дней", "Возврат закрыт", "Возврат закрыт",
              "Срок возврата ≤ 10 дн.", "Олег Сухов", "в проде"),
    "RG-01": ("Горящие предложения", "регулярная", "Активные", "Повторная покупка", "", "пн, ср, пт 12:00",
              "Повторная покупка", "Заказ оплачен", "Заказ оплачен", "Выручка с рассылки", "Ирина Котова", "в проде"),
    "RG-02": ("Подборка для спящих", "регулярная", "Спящие", "Повторная покупка", "", "раз в 2 недели, вт 11:00",
              "Вернуть к покупкам", "Заказ оплачен", "Заказ оплачен", "Реактивация 2%", "Ирина Котова", "в проде"),
    "RG-03": ("Закрытая распродажа Премиум-клуба", "регулярная", "Премиум-клуб", "Повторная покупка", "",
              "раз в квартал, за 3 дня до распродажи", "Покупка на закрытой распродаже", "Заказ оплачен",
              "Заказ оплачен", "Выручка клуба +10% кв/кв", "Анна Руденко", "в проде"),
    "RE-01": ("Обзвон спящих", "регулярная", "Спящие", "Повторная покупка", "", "ежемесячно, 1-я неделя",
              "Вернуть к покупкам", "Заказ оплачен", "Заказ оплачен", "Конверсия звонка 5%", "Анна Руденко", "в проде"),
    "RE-02": ("Реактивация ушедших", "триггерная", "Ушедшие", "Повторная покупка", "365 дней без покупки", "",
              "Вернуть клиента", "Заказ оплачен", "Заказ оплачен", "Реактивация 1,5%", "Ирина Котова", "в проде"),
}

# steps: (code, step, channel sheet, when, condition, message, type, platform)
VM_STEPS = [
    ("TR-01", 1, "Email", "сразу", "", "Добро пожаловать! 500 ₽ на первый заказ", "промо", "Mindbox"),
    ("TR-01", 2, "Email", "Д+3 10:00", "", "Гид: как выбрать технику для дома", "контент", "Mindbox"),
    ("TR-02", 1, "Email", "+1 ч", "", "Вы кое-что забыли в корзине", "информационное", "Mindbox"),
    ("TR-02", 2, "Push", "+24 ч", "если письмо (шаг 1) не открыто", "Товары из корзины ещё в наличии", "информационное", "Mindbox"),
    ("TR-02", 3, "SMS", "+48 ч", "если push (шаг 2) не открыт", "Промокод −5% на вашу корзину, действует 48 ч", "промо", "Mindbox"),
    ("TR-02-old", 1, "Email", "+3 ч", "", "Ваша корзина ждёт", "информационное", "Mindbox"),
    ("TR-03", 1, "Email", "Д+1 11:00", "", "Похожие модели и лучшие цены", "промо", "Mindbox"),
    ("TR-04", 1, "Push", "сразу", "", "Предзаказ PlayStation открыт!", "новость", "Mindbox"),
    ("TR-04", 2, "SMS", "+6 ч", "если push (шаг 1) не открыт", "Предзаказ консоли открыт, ссылка внутри", "информационное", "Mindbox"),
    ("TR-04", 3, "Email", "+12 ч", "если SMS (шаг 2) не открыто", "Всё о предзаказе: сроки, бонусы, доставка", "информационное", "Mindbox"),
    ("SV-01", 1, "Email", "сразу", "", "Заказ №{order} оплачен — что дальше", "транзакционное", "Mindbox"),
    ("SV-01", 2, "SMS", "в день доставки 09:00", "", "Курьер приедет сегодня с {from} до {to}", "сервисное", "Mindbox"),
    ("SV-02", 1, "Push", "Д+14 12:00", "", "Как вам покупка? Оцените за 1 минуту", "информационное", "Mindbox"),
    ("SV-03", 1, "Push", "сразу", "", "Гарантия скоро закончится — продлите за 990 ₽", "информационное", "Mindbox"),
    ("SV-04", 1, "Email", "сразу", "", "Заявка на возврат принята: сроки и шаги", "сервисное", "Mindbox"),
    ("RG-01", 1, "SMS", "12:00", "", "Горящие скидки дня до −40%", "промо", "Mindbox"),
    ("RG-02", 1, "Email", "11:00", "", "Обзоры новинок месяца", "контент", "Mindbox"),
    ("RG-03", 1, "Email", "10:00", "", "Закрытый доступ: −20% для клуба", "промо", "Mindbox"),
    ("RG-03", 2, "SMS", "+24 ч", "если письмо (шаг 1) не открыто", "Для вас открыт доступ к закрытой распродаже", "промо", "Mindbox"),
    ("RG-03", 3, "Звонки", "Д+3", "если нет заказа", "Персональный менеджер: помочь с выбором и доставкой", "сервисное", "Naumen (КЦ)"),
    ("RE-01", 1, "Звонки", "будни 11:00–19:00", "", "Персональное предложение: −10% на следующий заказ", "промо", "Naumen (КЦ)"),
    ("RE-02", 1, "Email", "сразу", "", "Скучаем! −10% на возвращение", "промо", "Mindbox"),
    ("RE-02", 2, "Email", "Д+7 10:00", "", "Почему вы перестали к нам заходить? Опрос на 1 минуту", "информационное", "Mindbox"),
]


def build_voltmarket():
    out = HERE / "ru_voltmarket"
    out.mkdir(exist_ok=True)
    wb = Workbook()
    ws = wb.active
    ws.title = "О карте"
    ws.append(["Параметр", "Значение"])
    for c in ws[1]:
        c.font = BOLD
    for r in [
        ("Компания", "ВольтМаркет — сеть магазинов электроники и бытовой техники (42 магазина + сайт + приложение)"),
        ("Версия карты", "3.2"),
        ("Дата последней актуализации", "14.04.2026"),
        ("Владелец карты", "CRM-отдел, руководитель — Ирина Котова"),
        ("Платформы", "Mindbox (email, push, SMS через шлюз Mindbox); колл-центр — Naumen"),
        ("Как читать", "Каждый лист — один канал. Цепочка собирается по коду и номеру шага со всех листов."),
    ]:
        ws.append(list(r))
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 90

    _sheet(wb, "Сегменты", ["Код", "Сегмент", "Определение", "Размер", "Уровень", "Исключён из рассылок"], [
        ("NEW", "Новые", "подписаны, 0 покупок", "~35 тыс.", "", "нет"),
        ("ACT", "Активные", "покупка за последние 180 дней", "~140 тыс.", "", "нет"),
        ("VIP", "Премиум-клуб", "LTV > 300 тыс. ₽ за 2 года, участники клуба", "~2,1 тыс.", "VIP", "нет"),
        ("SLEEP", "Спящие", "последняя покупка 181–365 дней назад", "~95 тыс.", "", "нет"),
        ("LOST", "Ушедшие", "нет покупок > 365 дней", "~160 тыс.", "", "нет"),
        ("GAME", "Геймеры и стримеры", "покупали консоли, GPU, стрим-оборудование", "~18 тыс.", "", "нет"),
        ("B2B", "Юрлица и ИП", "покупки по безналу с НДС, карточка организации", "~6,5 тыс.", "", "нет"),
        ("STOP", "Стоп-лист", "жалобы, отказ от рекламы, 152-ФЗ отзыв согласия", "~4 тыс.", "", "да"),
    ], {2: 45})

    _sheet(wb, "Этапы CJM", ["№", "Этап", "Что происходит", "Следующий этап"], [
        (1, "Интерес", "подписался, смотрит каталог", "Выбор"),
        (2, "Выбор", "сравнивает модели, смотрит карточки", "Покупка"),
        (3, "Покупка", "корзина, оплата", "Доставка и установка"),
        (4, "Доставка и установка", "доставка, подъём, подключение", "Использование; Возврат товара"),
        (5, "Использование", "пользуется техникой", "Повторная покупка; Сервис и ремонт"),
        (6, "Сервис и ремонт", "гарантия, ремонт, доп. сервис", "Использование"),
        (7, "Возврат товара", "заявка на возврат / обмен", ""),
        (8, "Повторная покупка", "аксессуары, апгрейд, новая техника", "Выбор"),
    ], {2: 40, 3: 36})

    _sheet(wb, "События", ["Код", "Событие", "Источник", "Трекается"], [
        ("subscribed", "Подписка на рассылку", "сайт (форма подписки)", "да"),
        ("cart_abandoned", "Корзина брошена", "сайт, трекер Mindbox (60 мин без оформления)", "да"),
        ("product_viewed", "Просмотр товара без корзины", "сайт, трекер Mindbox", "да"),
        ("order_paid", "Заказ оплачен", "1С:УТ → Mindbox", "да"),
        ("preorder_subscribed", "Подписка на предзаказ", "сайт", "да"),
        ("preorder_placed", "Предзаказ оформлен", "сайт", "да"),
        ("order_delivered", "Заказ доставлен", "служба доставки (API) → 1С", "да"),
        ("return_requested", "Заявка на возврат", "1С:УТ", "да"),
        ("return_closed", "Возврат закрыт", "1С:УТ", "да"),
        ("review_left", "Отзыв оставлен", "сайт", "да"),
        ("warranty_ending", "Гарантия истекает через 30 дней", "1С:УТ (ночная выгрузка)", "да"),
        ("warranty_extended", "Гарантия продлена", "1С:УТ", "да"),
        ("no_purchase_365", "365 дней без покупки", "Mindbox (расчётный сегмент)", "да"),
    ], {1: 32, 2: 44})

    for chan in ["Email", "SMS", "Push", "Звонки"]:
        rows = []
        for code, step, ch, when, cond, msg, mtype, plat in VM_STEPS:
            if ch != chan:
                continue
            s = VM_SCEN[code]
            rows.append((code, s[0], s[1], s[2], s[3], s[4], s[5], step, when, cond, msg, mtype, plat,
                         s[6], s[7], s[8], s[9], s[10], s[11]))
        _sheet(wb, chan, VM_CHAN_HEADER, rows, {1: 28, 3: 30, 10: 44})
    wb.save(out / "map.xlsx")


VM_ANSWERS = '''title = "ВольтМаркет — электроника: карта по каналам (лист на канал)"
map = "map.xlsx"
lang = "ru"
today = "2026-11-28"

[[defect]]
code = "GOV001"
match = "2026-04-14"
why = "Лист «О карте»: последняя актуализация 14.04.2026 — больше шести месяцев до 28.11.2026."

[[defect]]
code = "COV001"
match = "Юрлица и ИП"
why = "Сегмент «Юрлица и ИП» (~6,5 тыс.) не исключён, но ни одна цепочка на него не направлена."

[[defect]]
code = "FREQ001"
match = "Активные"
why = "«Горящие предложения» — SMS пн/ср/пт (3 в неделю) для «Активных» плюс SMS из брошенной корзины и доставки: выше лимита 2 SMS в неделю (email у этого сегмента тоже 4 в неделю в худшем случае)."

[[defect]]
code = "INT003"
match = "Предзаказ консоли"
why = "Шаг 3 цепочки TR-04: письмо «если SMS не открыто» — SMS не сообщает об открытии, условие никогда не проверить."

[[defect]]
code = "COST002"
match = "Обзвон спящих"
why = "Ежемесячный обзвон сегмента «Спящие» (~95 тыс., не VIP) — звонок массовому сегменту."

[[defect]]
code = "FLOW001"
match = "Возврат товара"
why = "Этап «Возврат товара» не финальный, но в нём не указан следующий этап (обмен / снова выбор) — тупик."

[[lookalike]]
code = "COV001"
match = "Стоп-лист"
why = "Стоп-лист помечен как исключённый из рассылок — отсутствие цепочек для него правильно."

[[lookalike]]
code = "COST002"
match = "Закрытая распродажа Премиум-клуба"
why = "Звонок персонального менеджера — только для Премиум-клуба с уровнем VIP, хоть сегмент и больше 1000."

[[lookalike]]
code = "FREQ002"
match = "Брошенная корзина v1"
why = "Старая версия корзины на том же событии и сегменте отключена (заменена TR-02) — дубля триггера нет."

[[column]]
sheet = "Сегменты"
header = "Код"
field = "id"

[[column]]
sheet = "Сегменты"
header = "Сегмент"
field = "name"

[[column]]
sheet = "Сегменты"
header = "Определение"
field = "ignore"

[[column]]
sheet = "Сегменты"
header = "Размер"
field = "size"

[[column]]
sheet = "Сегменты"
header = "Уровень"
field = "tier"

[[column]]
sheet = "Сегменты"
header = "Исключён из рассылок"
field = "excluded"

[[column]]
sheet = "Этапы CJM"
header = "№"
field = "id"

[[column]]
sheet = "Этапы CJM"
header = "Этап"
field = "name"

[[column]]
sheet = "Этапы CJM"
header = "Что происходит"
field = "ignore"

[[column]]
sheet = "Этапы CJM"
header = "Следующий этап"
field = "next"

[[column]]
sheet = "События"
header = "Код"
field = "id"

[[column]]
sheet = "События"
header = "Событие"
field = "name"

[[column]]
sheet = "События"
header = "Источник"
field = "source"

[[column]]
sheet = "События"
header = "Трекается"
field = "tracked"
'''

for _ch in ["Email", "SMS", "Push", "Звонки"]:
    for _h, _f in zip(VM_CHAN_HEADER, [
        "scenario", "scenario_name", "kind", "segments", "stage", "trigger", "schedule", "step", "timing",
        "condition", "message", "message_type", "system", "goal", "goal_event", "stop_event", "kpi", "owner",
        "status"]):
        VM_ANSWERS += f'\n[[column]]\nsheet = "{_ch}"\nheader = "{_h}"\nfield = "{_f}"\n'
VM_ANSWERS += '''
[[column]]
sheet = "О карте"
header = "Параметр"
field = "ignore"

[[column]]
sheet = "О карте"
header = "Значение"
field = "ignore"
'''


# ---------------------------------------------------------------------------
# 2. «Остров Кидс» — детские развлекательные центры (RU, .ods, блоки)
# ---------------------------------------------------------------------------

OK_FACTS = ["Цепочка", "Сегмент", "Этап пути", "Запуск (событие / расписание)", "Цель",
            "Целевое событие", "Стоп-событие", "KPI", "Ответственный", "Статус"]
OK_STEPS = ["Шаг", "Канал", "Когда", "Условие", "Текст / тема", "Тип сообщения", "Платформа", "Дальше"]

OK_CHAINS = [
    (("1. Купон на первый визит", "Подписчики без визитов", "Узнал о нас", "Подписка на сайте",
      "Первый визит в парк", "Покупка билета на кассе", "Покупка билета на кассе", "Активация купона 12%",
      "Марина Гусева", "в проде"), [
        (1, "Email", "сразу", "", "Ваш купон −20% на первый визит", "промо", "Unisender", "2"),
        (2, "Email", "Д+5 11:00", "", "Что есть в парке: лабиринт, батуты, мастер-классы", "контент", "Unisender", "конец"),
    ]),
    (("2. Приветствие после первого визита", "Новые гости", "Первый визит", "Анкета родителя заполнена на кассе",
      "Второй визит в течение 30 дней", "Повторный визит", "Повторный визит", "Повторные визиты 25%",
      "Марина Гусева", "в проде"), [
        (1, "WhatsApp", "Д+1 12:00", "", "Спасибо, что были у нас! Как понравилось малышу?", "информационное", "Wazzup", "2"),
        (2, "Email", "Д+3 10:00", "", "Бонус 300 ₽ на второй визит", "промо", "Unisender", "конец"),
    ]),
    (("3. Спасибо за визит + отзыв", "Постоянные семьи", "Повторные визиты", "Вход в парк по браслету",
      "Собрать отзывы", "Отзыв оставлен", "Отзыв оставлен", "Оценок 10% от визитов", "Алексей Ветров", "в проде"), [
        (1, "WhatsApp", "через 3 ч после входа", "", "Оцените визит от 1 до 5", "информационное", "Wazzup", "конец"),
    ]),
    (("4. Продление абонемента", "Владельцы абонементов", "Абонемент", "Абонемент истекает (за 7 дней)",
      "Продление абонемента", "Абонемент продлён", "Абонемент продлён", "Продлений 55%", "", "в проде"), [
        (1, "Email", "Д-7 10:00", "", "Абонемент заканчивается через неделю — продлите со скидкой 5%", "промо", "Unisender", "2"),
        (2, "SMS", "Д-2 12:00", "если абонемент не продлён", "Абонемент истекает послезавтра", "информационное", "SMS Aero", "конец"),
    ]),
    (("5. День рождения ребёнка", "Именинники месяца", "Праздник", "День рождения ребёнка − 30 дней",
      "Бронь праздника", "Бронь праздника оплачена", "Бронь праздника оплачена", "Броней 7%",
      "Марина Гусева", "в проде"), [
        (1, "Email", "Д-30 10:00", "", "Отпразднуйте день рождения у нас: −15% на пакет «Пираты»", "промо", "Unisender", "2"),
        (2, "WhatsApp", "+3 дня", "если письмо не открыто", "Скоро день рождения! Забронируем праздник?", "промо", "Wazzup", "конец"),
    ]),
    (("6. Неоплаченная бронь праздника", "Забронировали праздник", "Праздник", "Бронь праздника создана",
      "Оплата брони", "Бронь праздника оплачена", "Бронь праздника оплачена", "Оплаченных броней 85%",
      "Алексей Ветров", "в проде"), [
        (1, "Email", "+2 ч", "", "Бронь ждёт оплаты — ссылка на оплату", "сервисное", "Unisender", "2"),
        (2, "WhatsApp", "+24 ч", "если бронь не оплачена", "Держим для вас зал до завтра", "сервисное", "Wazzup",
         "1 (повтор не более 2 раз, потом бронь снимается)"),
    ]),
    (("7. Напоминание о празднике", "Забронировали праздник; Не беспокоить", "Праздник", "Бронь праздника оплачена",
      "Гости пришли вовремя", "Праздник проведён", "Праздник проведён", "Опозданий < 5%",
      "Алексей Ветров", "в проде"), [
        (1, "SMS", "за 1 день до праздника, 18:00", "", "Ждём вас завтра в 15:00, зал «Пиратская бухта»", "сервисное", "SMS Aero", "2"),
        (2, "Email", "за 2 ч до праздника", "", "Схема проезда и чек-лист для родителей", "сервисное", "Unisender", "конец"),
    ]),
    (("8. Летняя распродажа абонементов", "Постоянные семьи; Спящие; Не беспокоить", "Абонемент",
      "15.06, 01.07, 15.07 в 11:00 (регулярная, каждый год)", "Продажа летних абонементов", "Абонемент куплен",
      "Абонемент куплен", "Продаж 900 шт. за сезон", "Марина Гусева", "в проде (сезонная)"), [
        (1, "SMS", "11:00", "", "Лето в «Острове»: абонемент на 10 визитов −30%", "промо", "SMS Aero", "конец"),
    ]),
    (("9. Скучаем!", "Спящие", "Ушёл в спячку", "90 дней без визита", "Вернуть в парк",
      "Покупка билета на кассе", "Покупка билета на кассе", "Реактивация 6%", "Алексей Ветров", "в проде"), [
        (1, "Email", "сразу", "", "Что нового в парке: батутная арена и скалодром", "новость", "Unisender", "2"),
        (2, "WhatsApp", "+7 дней", "", "Дарим +1 час игры при следующем визите", "промо", "Wazzup", "3"),
        (3, "Email", "Д+14 10:00", "", "Идеи для выходных с детьми", "контент", "Unisender", "конец"),
    ]),
    (("10. Анонс мастер-классов", "Постоянные семьи; Владельцы абонементов", "Повторные визиты",
      "каждый пн 10:00 (регулярная)", "Записи на мастер-классы", "", "", "Записей 300 в месяц",
      "Алексей Ветров", "черновик"), [
        (1, "Email", "пн 10:00", "", "Мастер-классы недели: лепка, роботы, кулинария", "новость", "Unisender", "2"),
        (2, "Email", "+48 ч", "если письмо не открыто", "Осталось 5 мест на мастер-классы!", "новость", "Unisender",
         "1 (отправлять снова, пока не откроет)"),
    ]),
]


def _ods_cell(v):
    if v is None or v == "":
        return "<table:table-cell/>"
    if isinstance(v, (int, float)):
        return (f'<table:table-cell office:value-type="float" office:value="{v}">'
                f"<text:p>{v}</text:p></table:table-cell>")
    return f'<table:table-cell office:value-type="string"><text:p>{escape(str(v))}</text:p></table:table-cell>'


def write_ods(path: Path, sheets: list[tuple[str, list[list]]]):
    body = []
    for name, rows in sheets:
        body.append(f'<table:table table:name="{escape(name)}">')
        width = max((len(r) for r in rows), default=1)
        body.append(f'<table:table-column table:number-columns-repeated="{width}"/>')
        for r in rows:
            cells = "".join(_ods_cell(v) for v in r) or "<table:table-cell/>"
            body.append("<table:table-row>" + cells + "</table:table-row>")
        body.append("</table:table>")
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"')
    content = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {ns} office:version="1.2">'
               "<office:body><office:spreadsheet>" + "".join(body) +
               "</office:spreadsheet></office:body></office:document-content>")
    styles = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles {ns} office:version="1.2">'
              "</office:document-styles>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
                'manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:version="1.2" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet",
                   compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("styles.xml", styles, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)


def build_ostrov():
    out = HERE / "ru_ostrov_kids"
    out.mkdir(exist_ok=True)
    chains = [
        ["«Остров Кидс» — карта коммуникаций с гостями (6 парков)"],
        ["Актуализировано: 02.10.2026 · ответственный за карту: Марина Гусева (CRM)"],
        [],
    ]
    for facts, steps in OK_CHAINS:
        chains.append(list(OK_FACTS))
        chains.append(list(facts))
        chains.append(list(OK_STEPS))
        for s in steps:
            chains.append(list(s))
        chains.append([])
    segments = [
        ["Сегмент", "Кто это", "Размер", "Приоритет", "Не беспокоить (исключить из рекламы)"],
        ["Подписчики без визитов", "оставили e-mail на сайте, в парке не были", "~4 тыс.", "", "нет"],
        ["Новые гости", "первый визит за последние 30 дней", "~1,8 тыс./мес", "", "нет"],
        ["Постоянные семьи", "2+ визита за 90 дней", "~14 тыс.", "высокий", "нет"],
        ["Владельцы абонементов", "действующий абонемент", "~2,3 тыс.", "высокий", "нет"],
        ["Именинники месяца", "день рождения ребёнка в следующем месяце", "~1,1 тыс.", "", "нет"],
        ["Забронировали праздник", "есть бронь праздника", "~350", "", "нет"],
        ["Спящие", "нет визита 90+ дней", "~21 тыс.", "", "нет"],
        ["Не беспокоить", "отказ от рекламы / жалоба", "~600", "", "да"],
    ]
    stages = [
        ["Этап", "Что происходит", "Следующий этап"],
        ["Узнал о нас", "реклама, сайт, подписка", "Первый визит"],
        ["Первый визит", "покупка билета, анкета родителя", "Повторные визиты"],
        ["Повторные визиты", "приходят снова, мастер-классы", "Абонемент; Праздник; Ушёл в спячку"],
        ["Абонемент", "покупают/продлевают абонемент", "Рекомендация друзьям"],
        ["Праздник", "день рождения в парке", "Рекомендация друзьям"],
        ["Рекомендация друзьям", "приводят друзей, отзывы", "Повторные визиты"],
        ["Ушёл в спячку", "90+ дней без визита", "Повторные визиты"],
    ]
    events = [
        ["Событие", "Откуда берём", "Отслеживается"],
        ["Подписка на сайте", "сайт (форма Tilda → Unisender)", "да"],
        ["Анкета родителя заполнена на кассе", "касса → CRM", "да"],
        ["Покупка билета на кассе", "касса → CRM", "да"],
        ["Повторный визит", "CRM (2-я покупка билета за 30 дней)", "да"],
        ["Вход в парк по браслету", "турникеты", "нет — турникеты не подключены к CRM, план 2027"],
        ["Отзыв оставлен", "форма отзыва / Яндекс Карты", "да"],
        ["Абонемент истекает (за 7 дней)", "CRM", "да"],
        ["Абонемент продлён", "CRM", "да"],
        ["Абонемент куплен", "касса → CRM", "да"],
        ["День рождения ребёнка − 30 дней", "CRM (дата из анкеты)", "да"],
        ["Бронь праздника создана", "CRM (менеджер праздников)", "да"],
        ["Бронь праздника оплачена", "эквайринг → CRM", "да"],
        ["Праздник проведён", "CRM", "да"],
        ["90 дней без визита", "CRM (ночной пересчёт)", "да"],
    ]
    write_ods(out / "map.ods", [("Цепочки", chains), ("Сегменты", segments),
                                ("Путь гостя", stages), ("События", events)])


OK_ANSWERS = '''title = "«Остров Кидс» — детские развлекательные центры: цепочки блоками (.ods)"
map = "map.ods"
lang = "ru"
today = "2026-11-28"

[[defect]]
code = "INT002"
match = "День рождения ребёнка"
why = "Цепочка 5: WhatsApp через Wazzup «если письмо не открыто», а письмо шлёт Unisender; интеграции, передающей открытия из Unisender в Wazzup, в карте нет."

[[defect]]
code = "COV003"
match = "Летняя распродажа абонементов"
why = "Промо-SMS летней распродажи адресовано и сегменту «Не беспокоить», который исключён из рекламы."

[[defect]]
code = "FLOW003"
match = "Анонс мастер-классов"
why = "Шаг 2 возвращает к шагу 1 «пока не откроет»: ни стоп-события, ни лимита повторов — кто не открывает, получает письма бесконечно."

[[defect]]
code = "TRK002"
match = "Вход в парк по браслету"
why = "Цепочка 3 «Спасибо за визит + отзыв» запускается событием, которое не отслеживается (турникеты не подключены)."

[[defect]]
code = "GOV003"
match = "Продление абонемента"
why = "Цепочка 4 в проде, а ответственный не указан."

[[defect]]
code = "COV002"
match = "Рекомендация друзьям"
why = "Этап «Рекомендация друзьям» есть в пути гостя, но ни одна цепочка его не обслуживает (нет реферальной механики)."

[[lookalike]]
code = "COV003"
match = "Напоминание о празднике"
why = "«Не беспокоить» получает только сервисные напоминания о своей оплаченной брони — это не реклама."

[[lookalike]]
code = "COST001"
match = "Напоминание о празднике"
why = "SMS накануне и письмо за 2 часа — два независимых сервисных сообщения, а не каскад с откатом на дешёвый канал по обратной связи."

[[lookalike]]
code = "FLOW003"
match = "Неоплаченная бронь праздника"
why = "Цикл повторов ограничен (не более 2 раз) и останавливается на событии «Бронь праздника оплачена»."

[[lookalike]]
code = "GOV001"
match = "2026-10-02"
why = "Карта актуализирована 02.10.2026 — меньше двух месяцев назад."

[[column]]
sheet = "Цепочки"
header = "Цепочка"
field = "scenario_name"

[[column]]
sheet = "Цепочки"
header = "Сегмент"
field = "segments"

[[column]]
sheet = "Цепочки"
header = "Этап пути"
field = "stage"

[[column]]
sheet = "Цепочки"
header = "Запуск (событие / расписание)"
field = "trigger"

[[column]]
sheet = "Цепочки"
header = "Цель"
field = "goal"

[[column]]
sheet = "Цепочки"
header = "Целевое событие"
field = "goal_event"

[[column]]
sheet = "Цепочки"
header = "Стоп-событие"
field = "stop_event"

[[column]]
sheet = "Цепочки"
header = "KPI"
field = "kpi"

[[column]]
sheet = "Цепочки"
header = "Ответственный"
field = "owner"

[[column]]
sheet = "Цепочки"
header = "Статус"
field = "status"

[[column]]
sheet = "Цепочки"
header = "Шаг"
field = "step"

[[column]]
sheet = "Цепочки"
header = "Канал"
field = "channel"

[[column]]
sheet = "Цепочки"
header = "Когда"
field = "timing"

[[column]]
sheet = "Цепочки"
header = "Условие"
field = "condition"

[[column]]
sheet = "Цепочки"
header = "Текст / тема"
field = "message"

[[column]]
sheet = "Цепочки"
header = "Тип сообщения"
field = "message_type"

[[column]]
sheet = "Цепочки"
header = "Платформа"
field = "system"

[[column]]
sheet = "Цепочки"
header = "Дальше"
field = "next"

[[column]]
sheet = "Сегменты"
header = "Сегмент"
field = "name"

[[column]]
sheet = "Сегменты"
header = "Кто это"
field = "ignore"

[[column]]
sheet = "Сегменты"
header = "Размер"
field = "size"

[[column]]
sheet = "Сегменты"
header = "Приоритет"
field = "tier"

[[column]]
sheet = "Сегменты"
header = "Не беспокоить (исключить из рекламы)"
field = "excluded"

[[column]]
sheet = "Путь гостя"
header = "Этап"
field = "name"

[[column]]
sheet = "Путь гостя"
header = "Что происходит"
field = "ignore"

[[column]]
sheet = "Путь гостя"
header = "Следующий этап"
field = "next"

[[column]]
sheet = "События"
header = "Событие"
field = "name"

[[column]]
sheet = "События"
header = "Откуда берём"
field = "source"

[[column]]
sheet = "События"
header = "Отслеживается"
field = "tracked"
'''


# ---------------------------------------------------------------------------
# 3. Harbour Light Trust — charity donor programme (EN, CSV folder)
# ---------------------------------------------------------------------------

HL_PLAN_HEADER = ["Journey", "Type", "Audience", "Supporter stage", "Trigger event", "Send date / cadence",
                  "Step", "Channel", "Send after", "Only if", "Then", "Content", "Message type", "Sent from",
                  "Objective", "Success event", "Exit when", "KPI", "Owner", "Status", "Last reviewed"]

# journey facts: name -> (type, audience, stage, trigger, cadence, objective, success, exit, kpi, owner, status, reviewed)
HL_J = {
    "Welcome - new one-off donors": ("Triggered", "New one-off donors", "First gift", "First donation received", "",
                                     "Second gift within 90 days", "Donation received", "Unsubscribed",
                                     "2nd gift rate 12%", "Priya Shah", "Live", "Sep 2026"),
    "Thank-you receipt": ("Triggered", "One-off donors", "Repeat giving", "Donation received", "",
                          "Confirm gift, capture Gift Aid", "Gift Aid declared", "Gift Aid declared",
                          "Gift Aid capture 45%", "Tom Reilly", "Live", "Oct 2026"),
    "Impact update after gift": ("Triggered", "One-off donors", "Repeat giving", "Donation received", "",
                                 "Build attachment before next ask", "Impact page visited", "Impact page visited",
                                 "Open rate 40%", "Priya Shah", "Live", "Oct 2026"),
    "Regular giving - first payment thank-you": ("Triggered", "Regular givers", "Regular giving", "Donation received", "",
                                                 "Confirm DD, capture Gift Aid", "Gift Aid declared",
                                                 "Gift Aid declared", "Gift Aid capture 60%", "Tom Reilly", "Live",
                                                 "Oct 2026"),
    "Regular giving upgrade ask": ("Triggered", "Regular givers", "Regular giving", "DD anniversary (12 months)", "",
                                   "Increase monthly amount", "DD amount increased", "DD amount increased",
                                   "Upgrade rate 8%", "Priya Shah", "Live", "Aug 2026"),
    "Winter emergency appeal": ("One-off campaign", "Lapsed one-off donors", "Lapsed", "", "1 Dec 2026 10:00",
                                "Reactivate lapsed donors", "Donation received", "Donation received",
                                "Response rate 3%", "Priya Shah", "Approved", "Nov 2026"),
    "Lapsed donor win-back": ("Triggered", "Lapsed one-off donors", "Lapsed", "18 months since last gift", "",
                              "Reactivate lapsed donors", "Donation received", "Donation received",
                              "Reactivation 2.5%", "Priya Shah", "Live", "Sep 2026"),
    "Lapsed regular giver reactivation": ("Triggered", "Lapsed regular givers", "Lapsed", "Direct Debit cancelled", "",
                                          "Restart regular gift", "Direct Debit set up", "Direct Debit set up",
                                          "Restart rate 6%", "Tom Reilly", "Live", "Sep 2026"),
    "Major donor stewardship": ("Regular", "Major donors", "Deep commitment", "", "Quarterly (Jan, Apr, Jul, Oct)",
                                "Retain major donors", "Donation received", "Donation received",
                                "Retention 85%", "Helen Okafor", "Live", "Oct 2026"),
    "Legacy enquirer follow-up": ("Triggered", "Legacy enquirers", "Deep commitment", "Legacy info pack requested", "",
                                  "Legacy pledge", "Legacy pledge recorded", "Legacy pledge recorded",
                                  "Pledges 10% of enquirers", "Helen Okafor", "Live", "Jul 2026"),
    "Harbour Run participants": ("Triggered", "Event participants", "Discover", "Run registration completed", "",
                                 "Participants raise sponsorship", "Fundraising page created",
                                 "Fundraising page created", "Pages created 70%", "Jas Mann", "Live", "Oct 2026"),
}

# steps: (journey, step, channel, after, only_if, then, content, type, sent_from)
HL_STEPS = [
    ("Welcome - new one-off donors", 1, "Email", "Immediately", "", "Step 2", "Welcome: here is what your £25 does", "Stewardship (info)", "Dotdigital"),
    ("Welcome - new one-off donors", 2, "Email", "7 days", "", "Step 3", "Meet Sam: a night at the shelter", "Impact story (content)", "Dotdigital"),
    ("Welcome - new one-off donors", 3, "Email", "21 days", "", "End", "Could you give again this month?", "Ask (promo)", "Dotdigital"),
    ("Thank-you receipt", 1, "Email", "Immediately", "", "End", "Thank you - your receipt and Gift Aid form", "Transactional", "Dotdigital"),
    ("Impact update after gift", 1, "Email", "7 days", "", "End", "See what your gift did this week", "Impact story (content)", "Dotdigital"),
    ("Regular giving - first payment thank-you", 1, "Email", "Immediately", "first DD payment only", "End", "Your first monthly gift has arrived", "Transactional", "Dotdigital"),
    ("Regular giving upgrade ask", 1, "Email", "Immediately", "", "Step 2", "One year together - thank you", "Stewardship (info)", "Dotdigital"),
    ("Regular giving upgrade ask", 2, "Email", "14 days", "", "Step 3", "Could you add £3 a month?", "Ask (promo)", "Dotdigital"),
    ("Regular giving upgrade ask", 3, "SMS", "7 days", "step 2 email not opened", "End", "Add £3/month in one tap: link", "Ask (promo)", "Dotdigital"),
    ("Winter emergency appeal", 1, "SMS", "On send date", "", "Step 2", "Freezing nights are here. £15 = a warm bed: link", "Ask (promo)", "Dotdigital"),
    ("Winter emergency appeal", 2, "Email", "4 hours", "SMS not delivered", "End", "Winter emergency: a bed for £15", "Ask (promo)", "Dotdigital"),
    ("Lapsed donor win-back", 1, "Email", "Immediately", "", "Step 2", "We have missed you - will you come back?", "Ask (promo)", "Dotdigital"),
    ("Lapsed donor win-back", 2, "Email", "10 days", "no gift since step 1", "End", "Last chance to match-fund your gift", "Ask (promo)", "Dotdigital"),
    ("Lapsed regular giver reactivation", 1, "Email", "Immediately", "", "Step 2", "We have cancelled your Direct Debit as requested", "Transactional", "Dotdigital"),
    ("Lapsed regular giver reactivation", 2, "Email", "30 days", "", "End", "What your monthly gift made possible", "Impact story (content)", "Dotdigital"),
    ("Lapsed regular giver reactivation", 3, "SMS", "45 days", "", "End", "Restart your monthly gift at any amount: link", "Ask (promo)", "Dotdigital"),
    ("Major donor stewardship", 1, "Call", "1st week of quarter", "", "Step 2", "Thank-you call from Helen", "Stewardship (info)", "Supporter Care team (phone)"),
    ("Major donor stewardship", 2, "Email", "1 day", "", "End", "Quarterly impact report", "Impact story (content)", "Dotdigital"),
    ("Legacy enquirer follow-up", 1, "Email", "3 days", "", "Step 2", "Did your legacy information pack arrive?", "Stewardship (info)", "Dotdigital"),
    ("Legacy enquirer follow-up", 2, "Call", "14 days", "", "End", "Personal call from the legacy officer", "Stewardship (info)", "Supporter Care team (phone)"),
    ("Harbour Run participants", 1, "Email", "Immediately", "", "Step 2", "You're in! Harbour Run 2027 confirmation", "Transactional", "Dotdigital"),
    ("Harbour Run participants", 2, "SMS", "48 hours", "step 1 email not opened", "Step 3", "Your race pack: set up your fundraising page", "Service", "Dotdigital"),
    ("Harbour Run participants", 3, "Email", "2 hours", "step 2 SMS not delivered", "End", "Race pack and fundraising page link", "Service", "Dotdigital"),
]


def _write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)


def build_harbour():
    out = HERE / "en_harbour_light" / "map"
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    for j, step, ch, after, only_if, then, content, mtype, sent in HL_STEPS:
        f = HL_J[j]
        rows.append([j, f[0], f[1], f[2], f[3], f[4], step, ch, after, only_if, then, content, mtype, sent,
                     f[5], f[6], f[7], f[8], f[9], f[10], f[11]])
    _write_csv(out / "comms_plan.csv", HL_PLAN_HEADER, rows)
    _write_csv(out / "audiences.csv", ["Audience", "Definition", "Approx size", "Value tier", "Suppressed?"], [
        ["One-off donors", "gave a single gift in last 18 months", "21k", "", "No"],
        ["New one-off donors", "first ever gift in last 90 days", "1.9k", "", "No"],
        ["Regular givers", "active Direct Debit", "8.4k", "Mid", "No"],
        ["Lapsed one-off donors", "no gift for 18+ months", "14k", "", "No"],
        ["Lapsed regular givers", "Direct Debit cancelled in last 12 months", "2.6k", "", "No"],
        ["Major donors", "£1,000+ in a year", "340", "High", "No"],
        ["Event participants", "registered for Harbour Run or Sleep Out", "3.1k", "", "No"],
        ["Legacy enquirers", "requested legacy information", "260", "", "No"],
        ["Do not contact", "asked not to be contacted / deceased / TPS", "1.2k", "", "Yes"],
    ])
    _write_csv(out / "stages.csv", ["Stage", "What the supporter does", "Next stage(s)"], [
        ["Discover", "signs up for an event, follows us", "First gift"],
        ["First gift", "gives for the first time", "Repeat giving"],
        ["Repeat giving", "gives again", "Regular giving; Lapsed"],
        ["Regular giving", "sets up a Direct Debit", "Deep commitment; Lapsed"],
        ["Deep commitment", "major gifts, legacy pledge", "Regular giving"],
        ["Lapsed", "stops giving", "Repeat giving"],
    ])
    _write_csv(out / "events.csv", ["Event", "Where it comes from", "Tracked?"], [
        ["First donation received", "Beacon CRM (donation form / JustGiving import)", "Yes"],
        ["Donation received", "Beacon CRM", "Yes"],
        ["Gift Aid declared", "Beacon CRM (web form)", "Yes"],
        ["Impact page visited", "website (GA4 event -> Beacon)", "Yes"],
        ["Unsubscribed", "Dotdigital", "Yes"],
        ["DD anniversary (12 months)", "Beacon CRM (scheduled report)", "Yes"],
        ["DD amount increased", "Beacon CRM (GoCardless sync)", "Yes"],
        ["18 months since last gift", "Beacon CRM (nightly)", "Yes"],
        ["Direct Debit cancelled", "GoCardless -> Beacon", "Yes"],
        ["Direct Debit set up", "GoCardless -> Beacon", "Yes"],
        ["Legacy pledge recorded", "Beacon CRM (manual entry by legacy officer)", "Yes"],
        ["Run registration completed", "Eventbrite -> Beacon", "Yes"],
        ["Fundraising page created", "JustGiving -> Beacon", "Yes"],
    ])


HL_ANSWERS = '''title = "Harbour Light Trust - charity donor programme (CSV export)"
map = "map"
lang = "en"
today = "2026-11-28"

[[defect]]
code = "COST001"
match = "Winter emergency appeal"
why = "The appeal opens with an SMS and falls back to email only if the SMS is not delivered: the expensive channel goes first, the cheap one is the fallback."

[[defect]]
code = "FLOW004"
match = "Welcome - new one-off donors"
why = "Success event is 'Donation received' but the journey exits only on 'Unsubscribed': a donor who already gave again still gets the day-21 'give again' ask."

[[defect]]
code = "FLOW005"
match = "Lapsed regular giver reactivation"
why = "Step 3 (SMS at 45 days) is never reached: step 1 goes to step 2 and step 2 goes to End; nothing points to step 3."

[[defect]]
code = "TRK001"
match = "Legacy info pack requested"
why = "The legacy follow-up is triggered by 'Legacy info pack requested', which is not in events.csv."

[[defect]]
code = "CNT002"
match = "Lapsed one-off donors"
why = "Every step this audience gets (winter appeal SMS + email, win-back emails 1 and 2) is an ask: 100% promo."

[[defect]]
code = "FREQ002"
match = "Impact update after gift"
why = "'Thank-you receipt' and 'Impact update after gift' are both live, both fire on 'Donation received' for One-off donors."

[[lookalike]]
code = "INT003"
match = "Harbour Run participants"
why = "Step 3 depends on the SMS being not delivered - SMS does report delivery, so the condition is checkable."

[[lookalike]]
code = "COST001"
match = "Harbour Run participants"
why = "Email first, SMS only as a fallback when the email is not opened: the cheap channel goes first."

[[lookalike]]
code = "FREQ002"
match = "Regular giving - first payment thank-you"
why = "Also fires on 'Donation received', but for Regular givers, not One-off donors - different audience."

[[lookalike]]
code = "COST002"
match = "Major donor stewardship"
why = "Calls go to Major donors: 340 people, value tier High."

[[column]]
sheet = "audiences"
header = "Audience"
field = "name"

[[column]]
sheet = "audiences"
header = "Definition"
field = "ignore"

[[column]]
sheet = "audiences"
header = "Approx size"
field = "size"

[[column]]
sheet = "audiences"
header = "Value tier"
field = "tier"

[[column]]
sheet = "audiences"
header = "Suppressed?"
field = "excluded"

[[column]]
sheet = "stages"
header = "Stage"
field = "name"

[[column]]
sheet = "stages"
header = "What the supporter does"
field = "ignore"

[[column]]
sheet = "stages"
header = "Next stage(s)"
field = "next"

[[column]]
sheet = "events"
header = "Event"
field = "name"

[[column]]
sheet = "events"
header = "Where it comes from"
field = "source"

[[column]]
sheet = "events"
header = "Tracked?"
field = "tracked"
'''
for _h, _f in zip(HL_PLAN_HEADER, [
        "scenario_name", "kind", "segments", "stage", "trigger", "schedule", "step", "channel", "timing",
        "condition", "next", "message", "message_type", "system", "goal", "goal_event", "stop_event", "kpi",
        "owner", "status", "last_reviewed"]):
    HL_ANSWERS += f'\n[[column]]\nsheet = "comms_plan"\nheader = "{_h}"\nfield = "{_f}"\n'


# ---------------------------------------------------------------------------
# 4. Quarters — coworking network (EN with RU headers, merged headers)
# ---------------------------------------------------------------------------

QT_GROUPS = [("Scenario / Сценарий", 6), ("Step / Шаг", 7), ("Control / Контроль", 6)]
QT_HEADER = ["ID", "Scenario", "Тип", "Trigger / Расписание", "Сегмент", "Stage",
             "№", "Канал", "Delay", "Условие", "Message", "Тип сообщения", "Platform",
             "Goal", "Целевое событие", "Stop event", "KPI", "Owner", "Статус"]

# (id, name, type, trigger, segments, stage, goal, goal_ev, stop, kpi, owner, status, steps)
# step: (n, channel, delay, cond, message, type, platform)
QT_SCEN = [
    ("Q01", "Tour booking confirmation", "trigger", "Tour booked", "Leads", "Tour",
     "Lead shows up for the tour", "Tour checked-in", "Tour checked-in", "Show-up 80%", "Nino Beridze", "live", [
         (1, "Email", "immediately", "", "Your tour at Quarters Vake is booked", "transactional", "Bitrix24"),
         (2, "Telegram", "T-1d 18:00", "", "See you tomorrow! Here is how to find us", "service", "Bitrix24"),
         (3, "SMS", "T-2h", "Telegram message not read", "Your tour starts in 2 hours", "service", "Bitrix24"),
     ]),
    ("Q02", "After-tour follow-up", "trigger", "Tour checked-in", "Leads", "Tour",
     "Lead tries a day pass", "Day pass activated", "Day pass activated", "Day-pass take-up 35%", "Nino Beridze", "live", [
         (1, "Email", "+2h", "", "Thanks for visiting - your free day pass", "promo", "Bitrix24"),
         (2, "Telegram", "+3d", "no day pass activated", "Your free day pass expires Friday", "promo", "Bitrix24"),
     ]),
    ("Q03", "Trial nurture", "trigger", "Day pass activated", "Day-pass / trial users", "Trial",
     "Trial converts to membership", "Membership purchased", "Membership purchased", "Trial→member 20%",
     "Nino Beridze", "live", [
         (1, "Push", "+1h", "", "Wi-Fi, coffee and phone booths: quick tips", "info", "OneSignal"),
         (2, "Email", "+1d", "", "Membership plans - first month −15%", "promo", "Bitrix24"),
         (3, "Call", "+3d", "no membership purchased", "Community manager: help choosing a plan", "consultation (info)", "Bitrix24"),
     ]),
    ("Q04", "Member onboarding", "trigger", "Membership purchased", "Members", "Member",
     "Member books a room in week 1", "First meeting-room booking", "First meeting-room booking",
     "Bookings in week 1: 50%", "Artur Sargsyan", "live", [
         (1, "Email", "immediately", "", "Welcome pack: access card, house rules", "info", "Bitrix24"),
         (2, "Push", "+1d", "", "Book meeting rooms right in the app", "info", "OneSignal"),
         (3, "Telegram", "+7d", "", "Meet the community: join the members chat", "content", "Bitrix24"),
     ]),
    ("Q05", "Today at Quarters", "regular", "Daily 09:00 (Mon–Sun)", "Members", "Member",
     "Members join events", "Event RSVP", "Event RSVP", "CTR 4%", "Artur Sargsyan", "live", [
         (1, "Push", "09:00", "", "Today: lunch talk, yoga at 18:00, pizza Friday", "news", "OneSignal"),
     ]),
    ("Q06", "Monthly community digest", "regular", "1st Monday monthly, 10:00", "Members", "Member",
     "Members join events", "Event RSVP", "Event RSVP", "Open rate 45%", "Artur Sargsyan", "live", [
         (1, "Email", "10:00", "", "This month at Quarters: events, new members, perks", "news", "Bitrix24"),
     ]),
    ("Q07", "Renewal reminder", "trigger", "Renewal due (T-10d)", "Members", "Renewal",
     "Member renews", "Subscription renewed", "Subscription renewed", "Renewal 88%", "Artur Sargsyan", "live", [
         (1, "Email", "T-10d", "", "Your membership renews on {date}", "info", "Bitrix24"),
         (2, "Telegram", "T-3d", "not renewed", "Renew in one tap - keep your desk", "info", "Bitrix24"),
     ]),
    ("Q08", "Churn-risk check-in", "trigger", "No check-in 21 days", "Churn risk", "Churn risk",
     "", "", "Desk check-in", "Back to desk 25%", "Artur Sargsyan", "live", [
         (1, "Telegram", "immediately", "", "We miss you - everything ok?", "info", "Bitrix24"),
         (2, "Email", "+5d", "", "Pause instead of cancelling: keep your locker", "info", "Bitrix24"),
     ]),
    ("Q09", "Pause-instead-of-cancel flow (steps TBD with the Yerevan team)", "trigger", "Cancellation requested", "Members", "Churn risk",
     "Save cancellations", "Subscription paused", "Subscription paused", "Save rate 30%", "Artur Sargsyan",
     "planned Q1 2027", []),
    ("Q10", "Ex-member win-back", "trigger", "Membership cancelled", "Ex-members", "Ex-member",
     "Ex-member returns", "Membership purchased", "Membership purchased", "Win-back 4%", "Nino Beridze", "live", [
         (1, "Email", "+60d", "", "Come back: first month −30%", "promo", "Bitrix24"),
         (2, "Email", "+74d", "", "What's new at Quarters: 2 new locations", "content", "Bitrix24"),
     ]),
    ("Q11", "Team office QBR", "regular", "Quarterly, 2nd week", "Team offices", "Renewal",
     "Extend team contracts", "Contract extended", "Contract extended", "Extension 90%", "Levan Kapanadze", "live", [
         (1, "Call", "2nd week of quarter", "", "Account manager quarterly business review", "service", "Bitrix24"),
     ]),
    ("Q12", "Referral programme", "trigger", "NPS 9–10 submitted", "Members", "Ambassador",
     "Members bring friends", "Referral signed up", "Referral signed up", "Referrals 5/month", "Nino Beridze", "live", [
         (1, "Telegram", "+1d", "", "Invite a friend - you both get a free week", "promo", "Bitrix24"),
     ]),
    ("Q13", "Birthday perk", "trigger", "Member birthday", "Members", "Member",
     "Delight members", "Perk redeemed", "Perk redeemed", "Redemption 40%", "", "on hold", [
         (1, "Push", "09:00", "", "Happy birthday! Coffee is on us today", "promo", "OneSignal"),
     ]),
]


def build_quarters():
    out = HERE / "en_quarters"
    out.mkdir(exist_ok=True)
    wb = Workbook()
    ws = wb.active
    ws.title = "README"
    for r in [
        ["Quarters coworking - CRM communication map"],
        ["Locations", "Tbilisi (Vake, Saburtalo), Yerevan, Belgrade, Limassol"],
        ["Map owner", "Nino Beridze, CRM & community"],
        ["Last full review", "2026-03-02"],
        ["Platforms", "Bitrix24 (email, SMS, Telegram open lines, call tasks); OneSignal (app push)"],
        ["Note", "Some headers are in Russian - the sheet was started by the Yerevan team."],
    ]:
        ws.append(r)
    ws["A1"].font = Font(bold=True, size=14)
    ws.column_dimensions["A"].width = 20
    ws.column_dimensions["B"].width = 80

    ws = wb.create_sheet("Comms map")
    ws.append(["Quarters - communication map v5 (EN/RU)"])
    ws["A1"].font = Font(bold=True, size=13)
    col = 1
    for title, span in QT_GROUPS:
        ws.cell(2, col, title).font = BOLD
        ws.cell(2, col).alignment = Alignment(horizontal="center")
        ws.merge_cells(start_row=2, start_column=col, end_row=2, end_column=col + span - 1)
        col += span
    for i, h in enumerate(QT_HEADER, 1):
        c = ws.cell(3, i, h)
        c.font = BOLD
        c.fill = FILL
    row = 4
    scen_cols = list(range(1, 7))
    ctrl_cols = list(range(14, 20))
    for sid, name, typ, trig, seg, stage, goal, gev, stop, kpi, owner, status, steps in QT_SCEN:
        vals = {1: sid, 2: name, 3: typ, 4: trig, 5: seg, 6: stage,
                14: goal, 15: gev, 16: stop, 17: kpi, 18: owner, 19: status}
        for c, v in vals.items():
            if v != "":
                ws.cell(row, c, v)
        n = max(1, len(steps))
        for k, s in enumerate(steps):
            for j, v in enumerate(s):
                ws.cell(row + k, 7 + j, v)
        if n > 1:
            for c in scen_cols + ctrl_cols:
                ws.merge_cells(start_row=row, start_column=c, end_row=row + n - 1, end_column=c)
                ws.cell(row, c).alignment = Alignment(vertical="top", wrap_text=True)
        row += n
    for i in range(1, 20):
        ws.column_dimensions[ws.cell(3, i).column_letter].width = 16
    ws.column_dimensions["B"].width = 28
    ws.column_dimensions["K"].width = 42

    _sheet(wb, "Segments", ["Segment", "Описание", "Size", "Tier", "Parent", "Exclude"], [
        ("Leads", "booked a tour, not a member yet", "1.4k", "", "", ""),
        ("Day-pass / trial users", "activated a free or paid day pass", "~900", "", "", ""),
        ("Members", "active monthly or annual subscription", "3.2k", "", "", ""),
        ("Members – Limassol", "members whose home location is Limassol", "610", "", "Members", ""),
        ("Team offices", "company accounts with private offices", "85", "High", "", ""),
        ("Churn risk", "members with no check-in for 21 days", "420", "", "", ""),
        ("Ex-members", "cancelled in the last 24 months", "2.7k", "", "", ""),
        ("Event guests", "came to a community event, never bought a pass", "5k", "", "", ""),
        ("Marketing opt-out", "unsubscribed from marketing", "300", "", "", "yes"),
    ], {1: 44})
    _sheet(wb, "Journey", ["Stage", "Описание", "Next stage"], [
        ("Tour", "books and attends a tour (first contact: Instagram, events, Google Maps)", "Trial"),
        ("Trial", "uses a day pass", "Member"),
        ("Member", "active subscription", "Renewal; Churn risk"),
        ("Renewal", "renewal window", "Member"),
        ("Churn risk", "stops coming in", "Renewal; Ex-member"),
        ("Ex-member", "cancelled", "Tour"),
        ("Ambassador", "refers friends and companies", "Member"),
    ], {1: 44})
    _sheet(wb, "Events", ["Event", "Source", "Tracked?"], [
        ("Tour booked", "website (Calendly) → Bitrix24", "yes"),
        ("Tour checked-in", "reception app → Bitrix24", "yes"),
        ("Day pass activated", "Salto access control → Bitrix24", "yes"),
        ("Membership purchased", "Stripe → Bitrix24", "yes"),
        ("First meeting-room booking", "Quarters app", "yes"),
        ("Event RSVP", "Luma → Bitrix24", "yes"),
        ("Renewal due (T-10d)", "Bitrix24 (deal stage)", "yes"),
        ("Subscription renewed", "Stripe → Bitrix24", "yes"),
        ("No check-in 21 days", "Salto → DWH nightly → Bitrix24", "yes"),
        ("Desk check-in", "Salto access control", "yes"),
        ("Cancellation requested", "Bitrix24 (form)", "yes"),
        ("Subscription paused", "Stripe → Bitrix24", "yes"),
        ("Membership cancelled", "Stripe → Bitrix24", "yes"),
        ("Contract extended", "Bitrix24 (deal)", "yes"),
        ("NPS 9–10 submitted", "Typeform → Bitrix24", "yes"),
        ("Referral signed up", "website referral form", "yes"),
        ("Member birthday", "Bitrix24 (profile)", "yes"),
        ("Perk redeemed", "café POS (Poster)", "yes"),
    ], {0: 30, 1: 40})
    wb.save(out / "map.xlsx")


QT_ANSWERS = '''title = "Quarters coworking - merged two-row headers, RU/EN mixed"
map = "map.xlsx"
lang = "en"
today = "2026-11-28"

[[defect]]
code = "MAP005"
match = "Pause-instead-of-cancel"
why = "Q09 is listed (trigger, segment, goal, status 'planned Q1 2027') but has no steps - only 'steps TBD'."

[[defect]]
code = "FLOW002"
match = "Ambassador"
why = "No stage leads to 'Ambassador' (nothing has it as next stage), so it cannot be reached from the first stage, Tour."

[[defect]]
code = "CNT001"
match = "Churn-risk check-in"
why = "Q08 is live with a stop event but its Goal cell is empty."

[[defect]]
code = "TRK004"
match = "Churn-risk check-in"
why = "Same scenario: live, no goal event, so its result cannot be measured."

[[defect]]
code = "FREQ001"
match = "Members"
why = "'Today at Quarters' pushes daily (7 a week) to Members, plus onboarding push: above 5 pushes a week (and above 10 contacts a week in total)."

[[defect]]
code = "COV001"
match = "Event guests"
why = "Event guests (~5k, not excluded) get no scenario at all - no conversion path to a tour or day pass."

[[defect]]
code = "GOV001"
match = "2026-03-02"
why = "README: last full review 2026-03-02, almost nine months before 2026-11-28."

[[lookalike]]
code = "GOV003"
match = "Birthday perk"
why = "No owner, but the scenario is on hold, not active."

[[lookalike]]
code = "COV001"
match = "Limassol"
why = "Members – Limassol has no scenario of its own but its parent Members is targeted by many."

[[lookalike]]
code = "COST002"
match = "Trial nurture"
why = "Call step for Day-pass / trial users, a segment of ~900 - under the 1,000 threshold."

[[lookalike]]
code = "INT003"
match = "Tour booking confirmation"
why = "SMS fallback when the Telegram message is not read - messengers report reads, so it can be checked."

[[column]]
sheet = "Segments"
header = "Segment"
field = "name"

[[column]]
sheet = "Segments"
header = "Описание"
field = "ignore"

[[column]]
sheet = "Segments"
header = "Size"
field = "size"

[[column]]
sheet = "Segments"
header = "Tier"
field = "tier"

[[column]]
sheet = "Segments"
header = "Parent"
field = "parent"

[[column]]
sheet = "Segments"
header = "Exclude"
field = "excluded"

[[column]]
sheet = "Journey"
header = "Stage"
field = "name"

[[column]]
sheet = "Journey"
header = "Описание"
field = "ignore"

[[column]]
sheet = "Journey"
header = "Next stage"
field = "next"

[[column]]
sheet = "Events"
header = "Event"
field = "name"

[[column]]
sheet = "Events"
header = "Source"
field = "source"

[[column]]
sheet = "Events"
header = "Tracked?"
field = "tracked"
'''
for _h, _f in zip(QT_HEADER, [
        "scenario", "scenario_name", "kind", "trigger", "segments", "stage", "step", "channel", "timing",
        "condition", "message", "message_type", "system", "goal", "goal_event", "stop_event", "kpi", "owner",
        "status"]):
    QT_ANSWERS += f'\n[[column]]\nsheet = "Comms map"\nheader = "{_h}"\nfield = "{_f}"\n'


def main():
    build_voltmarket()
    build_ostrov()
    build_harbour()
    build_quarters()
    for folder, text in [("ru_voltmarket", VM_ANSWERS), ("ru_ostrov_kids", OK_ANSWERS),
                         ("en_harbour_light", HL_ANSWERS), ("en_quarters", QT_ANSWERS)]:
        (HERE / folder / "answers.toml").write_text(text, encoding="utf-8")
    print("corpus4 built in", HERE)


if __name__ == "__main__":
    main()
