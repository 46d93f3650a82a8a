"""Build corpus27: two client communication maps with planted defects and answer keys.

map 1  polka_marketplace/   — Russian marketplace «ПОЛКА»: CJM with stages as columns
                              (communications written as prose) + «Реестр цепочек» register
                              (one row per touch, chain cells merged vertically)
map 2  harbor_merge_game/   — English mobile game "Harbor Merge": Google-Sheets-style message
                              map, one row per message, channel given by tick columns

Run:  /work/main/.venv/bin/python tests/corpus27/build.py
"""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

HERE = Path(__file__).resolve().parent
MAP1 = HERE / "polka_marketplace"
MAP2 = HERE / "harbor_merge_game"

THIN = Side(style="thin", color="BBBBBB")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def fill(hex_color: str) -> PatternFill:
    return PatternFill("solid", start_color=hex_color, end_color=hex_color)


def widths(ws, cols: dict[str, float]) -> None:
    for letter, w in cols.items():
        ws.column_dimensions[letter].width = w


def d(y: int, m: int, day: int) -> dt.datetime:
    return dt.datetime(y, m, day)


# ═════════════════════════════════════════════════════════════════════════════
# MAP 1 — маркетплейс «ПОЛКА»
# ═════════════════════════════════════════════════════════════════════════════

STAGES = [
    # (№, этап, что делает клиент, цель бизнеса, триггер, коммуникации, каналы, цепочки, KPI, следующий, боли)
    (1, "Знакомство",
     "Скачал приложение или зарегистрировался на сайте, листает каталог, сравнивает цены с другими площадками",
     "Довести до первого заказа, собрать согласия на рассылки",
     "Регистрация",
     "ВЕЛ-1 «Приветствие»: сразу письмо с промокодом 300 ₽ на первый заказ; через день push с подборкой "
     "хитов в категориях, которые смотрел; на 3-й день ещё одно письмо «промокод сгорает», если заказа так и нет. "
     "Как только оформил заказ — выходит из цепочки.",
     "email, push", "ВЕЛ-1",
     "CR регистрация → заказ за 14 дней ≥ 18 %",
     "Первый заказ",
     "Не доверяет новым продавцам, боится подделок"),
    (2, "Первый заказ",
     "Собирает корзину, выбирает ПВЗ, сомневается в сроках доставки",
     "Конверсия в первый оплаченный заказ",
     "Брошенная корзина",
     "КОР-1 «Брошенная корзина (новички)»: через час push «Товары ждут в корзине»; если push не доставлен "
     "(нет токена / выключены уведомления) — через сутки SMS с тем же напоминанием. Скидку не даём, чтобы не "
     "приучать к промокодам.",
     "push, SMS", "КОР-1",
     "Возврат в корзину ≥ 9 %",
     "Доставка и получение",
     "Непонятная стоимость доставки до последнего шага"),
    (3, "Доставка и получение",
     "Отслеживает заказ, забирает в ПВЗ или ждёт курьера",
     "Заказ забран, без отказов и обращений в поддержку",
     "Заказ доставлен в ПВЗ",
     "ДОС-1 «Заказ в ПВЗ»: сразу push с кодом получения; если через 48 часов заказ не забран — SMS-напоминание "
     "о сроке хранения. Цепочка сервисная, уходит всем, у кого заказ в ПВЗ, в том числе тем, кто отказался от рекламы.",
     "push, SMS", "ДОС-1",
     "Невыкуп ≤ 4 %",
     "Отзыв и оценка; Возврат товара",
     "Забывает забрать, срок хранения 5 дней"),
    (4, "Отзыв и оценка",
     "Пользуется товаром, может поставить оценку в карточке",
     "≥ 1 отзыв на 10 заказов",
     "—",
     "Сейчас ничего не отправляем. Письмо с просьбой об отзыве обсуждали на встрече 02.09, но без виджета "
     "отзывов в приложении запускать не стали — вернёмся к вопросу в Q1 2027.",
     "—", "—",
     "Отзывов на 100 заказов",
     "Повторные покупки",
     "Отзыв оставить можно только с сайта"),
    (5, "Возврат товара",
     "Оформляет возврат в ЛК, несёт товар в ПВЗ, ждёт деньги",
     "Прозрачный возврат, удержать клиента",
     "Заявка на возврат",
     "ВОЗ-1 «Возврат»: сразу письмо с инструкцией и сроками; через 3 дня сообщение в WhatsApp со статусом "
     "возврата и коротким опросом, как всё прошло. Выход — когда возврат завершён (деньги ушли).",
     "email, WhatsApp", "ВОЗ-1",
     "CSAT возврата ≥ 4,5; обращений в поддержку на возврат ≤ 0,3",
     None,
     "Долго ждёт деньги, пишет в поддержку"),
    (6, "Повторные покупки",
     "Покупает снова: бытовое, детское, подарки; добавляет товары в избранное",
     "Второй заказ в 30 дней, рост частоты покупок",
     "Заказ получен; Снижение цены в избранном; Брошенная корзина",
     "ВТО-1 «Второй заказ»: через 3 дня после получения первого заказа письмо с промокодом на второй, на 7-й день "
     "push-напоминание, на 12-й — письмо «последний шанс». ПОВ-1 — еженедельная подборка по вторникам на email для "
     "активных. ПОВ-2 — цена снизилась на товар из избранного: push сразу и письмо через день, если не купил. "
     "ПОВ-3 — кросс-селл: через 2 дня после получения заказа push «С этим покупают». КОР-2 — брошенная корзина для "
     "активных и ПОЛКА+: push через час.",
     "email, push", "ВТО-1, ПОВ-1, ПОВ-2, ПОВ-3, КОР-2",
     "Доля клиентов со 2-м заказом в 30 дней ≥ 35 %",
     "Лояльность (ПОЛКА+); Засыпание",
     "Покупает «по случаю», не помнит про нас"),
    (7, "Засыпание",
     "Не заказывает 90+ дней, открывает приложение всё реже",
     "Вернуть до того, как уснёт окончательно",
     "Нет заказов 90 дней",
     "ЗАС-1 «Засыпающие −10 %»: сразу SMS «−10 % на всё 3 дня»; если SMS не доставлено — в тот же день письмо с "
     "тем же предложением; на 3-й день push «Новинки в ваших категориях». ЗАС-2 — по четвергам письмо-подборка "
     "«Что нового» для засыпающих.",
     "SMS, email, push", "ЗАС-1, ЗАС-2",
     "Реактивация 90–180 дней ≥ 7 %",
     "Реактивация; Повторные покупки",
     "Ушёл к конкуренту с более быстрой доставкой"),
    (8, "Реактивация",
     "Не заказывает 180+ дней, письма почти не открывает",
     "Вернуть хотя бы часть базы, почистить неактивных",
     "Нет заказов 180 дней",
     "РЕА-1 «Вернуть спящих»: сразу письмо «Мы изменились» (доставка за день, новые бренды); через 5 дней, если "
     "письмо не открыто, — SMS с промокодом 500 ₽. Отправляем спящим и сегменту «Отказ от рекламы» — там много "
     "старых покупателей (просьба коммерческого директора). РЕА-2 — раз в месяц дайджест для спящих.",
     "email, SMS", "РЕА-1, РЕА-2",
     "Доля вернувшихся ≥ 3 %",
     "Повторные покупки",
     "Почта устарела, номер сменился"),
    (9, "Лояльность (ПОЛКА+)",
     "Оформил подписку ПОЛКА+ (бесплатная доставка, закрытые распродажи)",
     "Удержание подписчика, рост среднего чека",
     "Вступление в ПОЛКА+",
     "ЛОЯ-1 «Добро пожаловать в ПОЛКА+»: сразу письмо о привилегиях; через 7 дней, если ещё не было заказа, "
     "звонит персональный менеджер колл-центра. ЛОЯ-2 — закрытая распродажа раз в месяц (первый четверг): "
     "письмо утром, push через 2 часа.",
     "email, звонок, push", "ЛОЯ-1, ЛОЯ-2",
     "Продление подписки ≥ 80 %",
     "— (финальный этап)",
     "Не понимает, окупается ли подписка"),
]

CJM_ROWS = ["№ этапа", "Этап", "Что делает клиент", "Цель бизнеса", "Триггер / точка входа",
            "Коммуникации", "Каналы", "Цепочки", "KPI этапа", "Следующий этап", "Боли и барьеры"]

# chain-level: code, name, type, stage, segments, trigger, period, stop, goal, goal_event, kpi, status, owner, updated, comment
# touches: (n, channel, delay, condition, msg_type, content, platform)
CHAINS = [
    dict(code="ВЕЛ-1", name="Приветственная цепочка", kind="триггерная", stage="Знакомство",
         seg="Новые без заказа", trig="Регистрация", period="—", stop="Заказ оформлен",
         goal="Первый заказ в течение 14 дней", gev="Заказ оформлен", kpi="CR в заказ за 14 дней ≥ 18 %",
         status="активна", owner="Е. Смирнова", upd=d(2026, 9, 22), note="",
         touches=[
             (1, "email", "сразу", "—", "промо", "Добро пожаловать в ПОЛКА! Дарим 300 ₽ на первый заказ", "Mindbox"),
             (2, "push", "через 1 день", "—", "контент", "Хиты недели в категориях, которые вы смотрели", "Mindbox"),
             (3, "email", "через 3 дня", "если нет события «Заказ оформлен»", "промо",
              "Промокод 300 ₽ сгорает завтра — успейте", "Mindbox"),
         ]),
    dict(code="КОР-1", name="Брошенная корзина — новички", kind="триггерная", stage="Первый заказ",
         seg="Новые без заказа", trig="Брошенная корзина", period="—", stop="Заказ оформлен",
         goal="Вернуть в корзину и довести до заказа", gev="Заказ оформлен", kpi="Возврат в корзину ≥ 9 %",
         status="активна", owner="А. Ким", upd=d(2026, 11, 3), note="SMS только как страховка, если push не дошёл",
         touches=[
             (1, "push", "через 1 час", "—", "сервисное", "Товары ждут в корзине — осталось оформить", "Mindbox"),
             (2, "SMS", "через 24 часа", "если push не доставлен", "сервисное",
              "ПОЛКА: товары в корзине ждут вас polka.ru/c", "Mindbox"),
         ]),
    dict(code="ДОС-1", name="Заказ в ПВЗ", kind="триггерная", stage="Доставка и получение",
         seg="Первый заказ; Активные покупатели; ПОЛКА+ (Gold); Отказ от рекламы",
         trig="Заказ доставлен в ПВЗ", period="—", stop="Заказ получен",
         goal="Заказ забран вовремя", gev="Заказ получен", kpi="Невыкуп ≤ 4 %",
         status="активна", owner="Д. Волков", upd=d(2026, 10, 15),
         note="сервисная, согласие на рекламу не нужно",
         touches=[
             (1, "push", "сразу", "—", "сервисное", "Заказ №{order} ждёт в ПВЗ, код получения {code}", "Mindbox"),
             (2, "SMS", "через 48 часов", "если нет события «Заказ получен»", "сервисное",
              "ПОЛКА: заказ хранится ещё 3 дня, заберите по коду {code}", "Mindbox"),
         ]),
    dict(code="ВОЗ-1", name="Возврат товара", kind="триггерная", stage="Возврат товара",
         seg="Первый заказ; Активные покупатели; ПОЛКА+ (Gold)", trig="Заявка на возврат", period="—",
         stop="Возврат завершён", goal="Возврат без обращений в поддержку", gev="Возврат завершён",
         kpi="CSAT возврата ≥ 4,5", status="активна", owner="Д. Волков", upd=d(2026, 10, 15), note="",
         touches=[
             (1, "email", "сразу", "—", "сервисное",
              "Заявка на возврат принята: как сдать товар и когда придут деньги", "Mindbox"),
             (2, "WhatsApp", "через 3 дня", "—", "сервисное",
              "Статус возврата + оцените, как всё прошло (1–5)", "Edna"),
         ]),
    dict(code="ВТО-1", name="Второй заказ", kind="триггерная", stage="Повторные покупки",
         seg="Первый заказ", trig="Заказ получен", period="—", stop="Отписка от рассылок",
         goal="Второй заказ в течение 30 дней", gev="Заказ оформлен", kpi="Доля 2-го заказа ≥ 35 %",
         status="активна", owner="Е. Смирнова", upd=d(2026, 9, 22),
         note="стоп по отписке, как в шаблоне Mindbox",
         touches=[
             (1, "email", "через 3 дня", "—", "промо", "−15 % на второй заказ — промокод внутри", "Mindbox"),
             (2, "push", "через 7 дней", "—", "промо", "Скидка 15 % на второй заказ ещё действует", "Mindbox"),
             (3, "email", "через 12 дней", "—", "промо", "Последний шанс: −15 % сгорает сегодня", "Mindbox"),
         ]),
    dict(code="ПОВ-1", name="Подборка недели", kind="регулярная", stage="Повторные покупки",
         seg="Активные покупатели", trig="—", period="каждый вторник", stop="Заказ оформлен",
         goal="Повторные заказы из рассылки", gev="Заказ оформлен", kpi="CTR ≥ 2,5 %; выручка с рассылки",
         status="активна", owner="О. Белова", upd=d(2026, 11, 10),
         note="не шлём тем, кто оформил заказ за последние 24 ч",
         touches=[
             (1, "email", "10:00", "—", "промо", "Подборка недели: до −30 % на хиты", "Mindbox"),
         ]),
    dict(code="ПОВ-2", name="Снижение цены в избранном", kind="триггерная", stage="Повторные покупки",
         seg="Активные покупатели", trig="Снижение цены в избранном", period="—", stop="Заказ оформлен",
         goal="Покупка товара из избранного", gev="Заказ оформлен", kpi="CR ≥ 6 %",
         status="активна", owner="А. Ким", upd=d(2026, 11, 3),
         note="событие ждём от мобильной разработки (MOB-1432)",
         touches=[
             (1, "push", "сразу", "—", "промо", "Цена на {product} снизилась на {discount} %", "Mindbox"),
             (2, "email", "через 1 день", "если нет события «Заказ оформлен»", "промо",
              "Товары из избранного подешевели", "Mindbox"),
         ]),
    dict(code="ПОВ-3", name="Кросс-селл после получения", kind="триггерная", stage="Повторная покупка",
         seg="Активные покупатели", trig="Заказ получен", period="—", stop="Заказ оформлен",
         goal="Доп. покупка к полученному товару", gev="Заказ оформлен", kpi="CR ≥ 3 %",
         status="активна", owner="О. Белова", upd=d(2026, 11, 10), note="",
         touches=[
             (1, "push", "через 2 дня", "—", "контент", "С этим покупают: чехлы, фильтры, аксессуары", "Mindbox"),
         ]),
    dict(code="КОР-2", name="Брошенная корзина — покупатели", kind="триггерная", stage="Повторные покупки",
         seg="Активные покупатели; ПОЛКА+ (Gold)", trig="Брошенная корзина", period="—", stop="Заказ оформлен",
         goal="Заказ из брошенной корзины", gev="Заказ оформлен", kpi="Возврат в корзину ≥ 12 %",
         status="активна", owner="А. Ким", upd=d(2026, 11, 3), note="",
         touches=[
             (1, "push", "через 1 час", "—", "сервисное", "Вы кое-что забыли в корзине", "Mindbox"),
         ]),
    dict(code="ЗАС-1", name="Засыпающие −10 %", kind="триггерная", stage="Засыпание",
         seg="Засыпающие 90–180 дн", trig="Нет заказов 90 дней", period="—", stop="Заказ оформлен",
         goal="Заказ в течение 14 дней", gev="Заказ оформлен", kpi="Реактивация ≥ 7 %",
         status="активна", owner="Е. Смирнова", upd=d(2026, 9, 22),
         note="SMS первым — так быстрее видят оффер",
         touches=[
             (1, "SMS", "сразу", "—", "промо", "ПОЛКА: −10 % на всё 3 дня по коду BACK10", "Mindbox"),
             (2, "email", "через 2 часа", "если SMS не доставлено", "промо",
              "−10 % на всё только 3 дня", "Mindbox"),
             (3, "push", "через 3 дня", "—", "контент", "Новинки в ваших любимых категориях", "Mindbox"),
         ]),
    dict(code="ЗАС-2", name="Что нового — засыпающим", kind="регулярная", stage="Засыпание",
         seg="Засыпающие 90–180 дн", trig="—", period="по четвергам", stop="Заказ оформлен",
         goal="Вернуть интерес к площадке", gev="Заказ оформлен", kpi="Open rate ≥ 15 %",
         status="активна", owner="О. Белова", upd=d(2026, 11, 10), note="",
         touches=[
             (1, "email", "11:00", "—", "контент", "Что нового на ПОЛКЕ за неделю", "Mindbox"),
         ]),
    dict(code="РЕА-1", name="Вернуть спящих", kind="триггерная", stage="Реактивация",
         seg="Спящие 180+ дн; Отказ от рекламы", trig="Нет заказов 180 дней", period="—",
         stop="Заказ оформлен", goal="Заказ после долгого перерыва", gev="Заказ оформлен",
         kpi="Вернувшиеся ≥ 3 %", status="активна", owner="Е. Смирнова", upd=d(2026, 9, 22),
         note="«Отказ от рекламы» добавили по просьбе коммерции — там много старых покупателей",
         touches=[
             (1, "email", "сразу", "—", "контент",
              "Мы изменились: доставка за 1 день и 2000 новых брендов", "Mindbox"),
             (2, "SMS", "через 5 дней", "если письмо не открыто", "промо",
              "ПОЛКА: 500 ₽ на заказ от 1500 ₽ по коду HELLO500", "Mindbox"),
         ]),
    dict(code="РЕА-2", name="Дайджест для спящих", kind="регулярная", stage="Реактивация",
         seg="Спящие 180+ дн", trig="—", period="ежемесячно, первый понедельник", stop="Заказ оформлен",
         goal="Напоминать о себе", gev="Заказ оформлен", kpi="Open rate ≥ 8 %",
         status="активна", owner="О. Белова", upd=d(2026, 11, 10), note="",
         touches=[
             (1, "email", "10:00", "—", "контент", "Месяц на ПОЛКЕ: что нового", "Mindbox"),
         ]),
    dict(code="ЛОЯ-1", name="Добро пожаловать в ПОЛКА+", kind="триггерная", stage="Лояльность (ПОЛКА+)",
         seg="ПОЛКА+ (Gold)", trig="Вступление в ПОЛКА+", period="—", stop="Заказ оформлен",
         goal="Первый заказ с привилегиями за 14 дней", gev="Заказ оформлен", kpi="Заказ подписчика за 14 дней ≥ 60 %",
         status="активна", owner="Д. Волков", upd=d(2026, 10, 15),
         note="звонок — только ПОЛКА+, скрипт у колл-центра",
         touches=[
             (1, "email", "сразу", "—", "сервисное",
              "Вы в ПОЛКА+: бесплатная доставка и закрытые распродажи", "Mindbox"),
             (2, "звонок", "через 7 дней", "если нет события «Заказ оформлен»", "сервисное",
              "Приветственный звонок персонального менеджера: рассказать о привилегиях", "Колл-центр (Naumen)"),
         ]),
    dict(code="ЛОЯ-2", name="Закрытая распродажа ПОЛКА+", kind="регулярная", stage="Лояльность (ПОЛКА+)",
         seg="ПОЛКА+ (Gold)", trig="—", period="ежемесячно, первый четверг", stop="Заказ оформлен",
         goal="Покупки на закрытой распродаже", gev="Заказ оформлен", kpi="Выручка распродажи; CR ≥ 10 %",
         status="активна", owner="О. Белова", upd=d(2026, 11, 10), note="",
         touches=[
             (1, "email", "10:00", "—", "промо", "Закрытая распродажа для ПОЛКА+: до −50 %", "Mindbox"),
             (2, "push", "через 2 часа", "—", "промо", "Распродажа для своих уже идёт", "Mindbox"),
         ]),
]

REG_HEAD = ["Код", "Название цепочки", "Тип", "Этап CJM", "Сегменты", "Событие-триггер", "Периодичность",
            "Стоп-условие", "Цель", "Целевое событие", "KPI", "Статус", "Ответственный", "Обновлено",
            "№ касания", "Канал", "Задержка", "Условие отправки", "Тип сообщения", "Содержание / тема",
            "Платформа", "Комментарий"]
REG_CHAIN_KEYS = ["code", "name", "kind", "stage", "seg", "trig", "period", "stop", "goal", "gev", "kpi",
                  "status", "owner", "upd"]

SEGMENTS = [
    ("SG-01", "Новые без заказа", "Есть регистрация, 0 оплаченных заказов", 412000, "базовая", "нет", None, ""),
    ("SG-02", "Первый заказ", "Ровно 1 полученный заказ", 268000, "базовая", "нет", None, ""),
    ("SG-03", "Активные покупатели", "2+ заказа, последний ≤ 90 дней назад", 530000, "средняя", "нет", None, ""),
    ("SG-04", "Активные — Москва и МО", "Активные + адрес доставки Москва/МО", 190000, "средняя", "нет", "SG-03",
     "под гео-рассылки про экспресс-доставку"),
    ("SG-05", "ПОЛКА+ (Gold)", "Действующая подписка ПОЛКА+", 38000, "высокая (VIP)", "нет", None, ""),
    ("SG-06", "Засыпающие 90–180 дн", "Последний заказ 90–180 дней назад", 240000, "базовая", "нет", None, ""),
    ("SG-07", "Спящие 180+ дн", "Последний заказ более 180 дней назад", 610000, "низкая", "нет", None, ""),
    ("SG-08", "Отказ от рекламы", "Отозвали согласие на рекламные рассылки", 95000, "—", "ДА", None,
     "только сервисные сообщения"),
    ("SG-09", "Сотрудники и тестовые", "Домены @polka.ru, тестовые аккаунты", 1200, "—", "ДА", None, ""),
    ("SG-10", "ПОЛКА Бизнес (юрлица)", "Покупают по счёту, ИНН в профиле", 12400, "средняя", "нет", None,
     "B2B-кабинет открыли в июле 2026"),
]

EVENTS1 = [
    ("EV-01", "Регистрация", "Создан аккаунт на сайте или в приложении", "Сайт и приложение", "да", ""),
    ("EV-02", "Брошенная корзина", "Товар в корзине, нет заказа 1 час", "Сайт и приложение", "да", ""),
    ("EV-03", "Заказ оформлен", "Оплаченный заказ создан", "OMS", "да", ""),
    ("EV-04", "Заказ доставлен в ПВЗ", "Статус заказа «в пункте выдачи»", "OMS", "да", ""),
    ("EV-05", "Заказ получен", "Клиент забрал заказ / курьер вручил", "OMS", "да", ""),
    ("EV-06", "Заявка на возврат", "Создана заявка на возврат в ЛК", "OMS", "да", ""),
    ("EV-07", "Возврат завершён", "Деньги за возврат отправлены клиенту", "OMS", "да", ""),
    ("EV-08", "Снижение цены в избранном", "Цена товара из избранного упала на 10 %+", "Сайт и приложение", "нет",
     "в SDK не настроено, задача MOB-1432 в бэклоге"),
    ("EV-09", "Нет заказов 90 дней", "Вычисляемое, ночной пересчёт", "Mindbox", "да", ""),
    ("EV-10", "Нет заказов 180 дней", "Вычисляемое, ночной пересчёт", "Mindbox", "да", ""),
    ("EV-11", "Вступление в ПОЛКА+", "Оплачена подписка ПОЛКА+", "Сайт и приложение", "да", ""),
    ("EV-12", "Отписка от рассылок", "Клиент отписался по ссылке или в ЛК", "Mindbox", "да", ""),
]

SYSTEMS1 = [
    ("Mindbox", "CDP, рассылки, сценарии (оркестрация)", "email, push, SMS",
     "Сайт и приложение; OMS; Edna; Колл-центр (Naumen)", "Edna; Колл-центр (Naumen)",
     "аккаунт-менеджер Mindbox", "SMS через шлюз внутри Mindbox"),
    ("Сайт и приложение", "источник событий (SDK Mindbox)", "—", "—", "Mindbox", "команда Web/Mobile", ""),
    ("OMS", "система заказов: статусы, возвраты", "—", "—", "Mindbox; Edna; Колл-центр (Naumen)",
     "команда Логистики", ""),
    ("Edna", "WhatsApp Business API", "WhatsApp", "Mindbox; OMS", "Mindbox", "edna.ru, договор до 2027",
     "статусы доставки/прочтения возвращаются в Mindbox"),
    ("Колл-центр (Naumen)", "исходящие звонки", "звонок", "Mindbox; OMS", "Mindbox", "подрядчик КЦ «Прямая линия»",
     "итоги звонков — в Mindbox раз в сутки"),
]


def build_map1() -> None:
    MAP1.mkdir(parents=True)
    wb = Workbook()

    # ── Титул ────────────────────────────────────────────────────────────────
    ws = wb.active
    ws.title = "Титул"
    ws["A1"] = "Карта коммуникаций с покупателями"
    ws["A1"].font = Font(size=16, bold=True)
    cover = [
        ("Документ", "CJM + реестр триггерных и регулярных цепочек (CRM-маркетинг)"),
        ("Компания", "ООО «Полка Маркет» — маркетплейс ПОЛКА"),
        ("Подготовили", "CRM-отдел совместно с агентством «Точка касания»"),
        ("Владелец карты", "Е. Смирнова, руководитель CRM"),
        ("Дата актуализации", d(2026, 10, 14)),
        ("Версия", "v3.2"),
        ("Следующий пересмотр", "апрель 2027"),
        ("Легенда цветов", "зелёный — работает; жёлтый — доработать; красный — коммуникаций нет"),
    ]
    for i, (k, v) in enumerate(cover, start=3):
        ws.cell(row=i, column=1, value=k).font = Font(bold=True)
        c = ws.cell(row=i, column=2, value=v)
        if isinstance(v, dt.datetime):
            c.number_format = "DD.MM.YYYY"
    ws["A12"] = "Как читать: лист «CJM» — этапы пути по столбцам; лист «Реестр цепочек» — детали каждого касания."
    ws["A12"].font = Font(italic=True, color="666666")
    widths(ws, {"A": 24, "B": 80})

    # ── CJM (этапы — столбцы) ────────────────────────────────────────────────
    ws = wb.create_sheet("CJM")
    last_col = 1 + len(STAGES)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last_col)
    ws["A1"] = "CJM покупателя ПОЛКИ — коммуникации по этапам (B2C)"
    ws["A1"].font = Font(size=14, bold=True)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=last_col)
    ws["A2"] = "Легенда: 🟩 коммуникации работают · 🟨 есть вопросы · 🟥 коммуникаций нет. Детали касаний — в «Реестре цепочек»."
    ws["A2"].font = Font(italic=True, color="666666")
    stage_fill = {4: "F4CCCC", 5: "FFF2CC"}
    for r, label in enumerate(CJM_ROWS, start=3):
        c = ws.cell(row=r, column=1, value=label)
        c.font = Font(bold=True)
        c.fill = fill("D9D9D9")
        c.alignment = WRAP
        c.border = BOX
    for j, st in enumerate(STAGES, start=2):
        for r, val in enumerate(st, start=3):
            c = ws.cell(row=r, column=j, value=val)
            c.alignment = WRAP
            c.border = BOX
        head = ws.cell(row=4, column=j)
        head.font = Font(bold=True, color="FFFFFF")
        head.fill = fill("38761D")
        ws.cell(row=8, column=j).fill = fill(stage_fill.get(st[0], "D9EAD3"))
        ws.column_dimensions[get_column_letter(j)].width = 34
    ws.column_dimensions["A"].width = 22
    ws.row_dimensions[8].height = 170
    ws.freeze_panes = "B5"
    ws.cell(row=12, column=6).comment = Comment("Куда идёт клиент после возврата — не договорились, обсудить с ОКК", "А. Ким")

    # ── Реестр цепочек (одна строка = касание, ячейки цепочки объединены) ─────
    ws = wb.create_sheet("Реестр цепочек")
    ncol = len(REG_HEAD)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncol)
    ws["A1"] = "Реестр триггерных и регулярных цепочек · ПОЛКА · ред. 14.10.2026"
    ws["A1"].font = Font(size=14, bold=True)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=ncol)
    ws["A2"] = "Источник правды для настройки в Mindbox. Все изменения — через CRM-отдел."
    ws["A2"].font = Font(italic=True, color="666666")
    for j, h in enumerate(REG_HEAD, start=1):
        c = ws.cell(row=3, column=j, value=h)
        c.font = Font(bold=True, color="FFFFFF")
        c.fill = fill("1F4E78") if j <= len(REG_CHAIN_KEYS) else fill("2E75B6")
        c.alignment = CENTER
        c.border = BOX
    row = 4
    for n, ch in enumerate(CHAINS):
        first = row
        band = fill("F3F6FA") if n % 2 == 0 else fill("FFFFFF")
        for t in ch["touches"]:
            vals = [ch[k] for k in REG_CHAIN_KEYS] if row == first else [None] * len(REG_CHAIN_KEYS)
            vals += list(t[:6]) + [t[6], ch["note"] if row == first else None]
            for j, v in enumerate(vals, start=1):
                c = ws.cell(row=row, column=j, value=v)
                c.alignment = WRAP
                c.border = BOX
                c.fill = band
                if isinstance(v, dt.datetime):
                    c.number_format = "DD.MM.YYYY"
            row += 1
        last = row - 1
        if last > first:
            for j in range(1, len(REG_CHAIN_KEYS) + 1):
                ws.merge_cells(start_row=first, start_column=j, end_row=last, end_column=j)
    widths(ws, {get_column_letter(j): w for j, w in enumerate(
        [8, 26, 12, 20, 30, 22, 18, 18, 26, 16, 22, 10, 14, 12, 8, 10, 14, 26, 12, 44, 18, 34], start=1)})
    ws.freeze_panes = "C4"

    # ── Сегменты ─────────────────────────────────────────────────────────────
    ws = wb.create_sheet("Сегменты")
    ws["A1"] = "Сегменты базы (Mindbox, пересчёт ежедневно) — размеры на 01.10.2026"
    ws["A1"].font = Font(bold=True, size=12)
    head = ["Код", "Сегмент", "Условие попадания", "Размер, чел.", "Ценность", "Стоп-лист", "Родитель", "Комментарий"]
    for j, h in enumerate(head, start=1):
        c = ws.cell(row=2, column=j, value=h)
        c.font = Font(bold=True)
        c.fill = fill("D9D9D9")
        c.border = BOX
    for i, s in enumerate(SEGMENTS, start=3):
        for j, v in enumerate(s, start=1):
            c = ws.cell(row=i, column=j, value=v)
            c.border = BOX
            if j == 4:
                c.number_format = "# ##0"
        if s[5] == "ДА":
            for j in range(1, len(head) + 1):
                ws.cell(row=i, column=j).fill = fill("F4CCCC")
    widths(ws, {"A": 8, "B": 26, "C": 40, "D": 14, "E": 14, "F": 10, "G": 10, "H": 40})

    # ── События ──────────────────────────────────────────────────────────────
    ws = wb.create_sheet("События")
    head = ["Код", "Событие", "Когда срабатывает", "Источник", "Передаётся в Mindbox", "Комментарий"]
    for j, h in enumerate(head, start=1):
        c = ws.cell(row=1, column=j, value=h)
        c.font = Font(bold=True)
        c.fill = fill("D9D9D9")
        c.border = BOX
    for i, e in enumerate(EVENTS1, start=2):
        for j, v in enumerate(e, start=1):
            ws.cell(row=i, column=j, value=v).border = BOX
        if e[4] == "нет":
            ws.cell(row=i, column=5).fill = fill("F4CCCC")
    widths(ws, {"A": 8, "B": 28, "C": 40, "D": 20, "E": 14, "F": 44})

    # ── Системы ──────────────────────────────────────────────────────────────
    ws = wb.create_sheet("Системы")
    head = ["Система", "Роль", "Каналы", "Получает данные из", "Передаёт данные в", "Подрядчик / контакт",
            "Комментарий"]
    for j, h in enumerate(head, start=1):
        c = ws.cell(row=1, column=j, value=h)
        c.font = Font(bold=True)
        c.fill = fill("D9D9D9")
        c.border = BOX
    for i, s in enumerate(SYSTEMS1, start=2):
        for j, v in enumerate(s, start=1):
            c = ws.cell(row=i, column=j, value=v)
            c.border = BOX
            c.alignment = WRAP
    widths(ws, {"A": 22, "B": 34, "C": 18, "D": 40, "E": 36, "F": 28, "G": 40})

    wb.save(MAP1 / "polka_cjm_kommunikacii_v3.xlsx")
    (MAP1 / "answers.toml").write_text(ANSWERS1, encoding="utf-8")


ANSWERS1 = '''title = "Маркетплейс «ПОЛКА»: CJM с этапами по столбцам (коммуникации прозой) + реестр цепочек"
map = "polka_cjm_kommunikacii_v3.xlsx"
lang = "ru"
today = "2026-11-29"

# ───────────────────────────── planted defects ─────────────────────────────

[[defect]]
code = "MAP001"
match = "Повторная покупка"
why = "Реестр цепочек, ПОВ-3, column «Этап CJM» = «Повторная покупка». The CJM sheet has no such stage: its column is «Повторные покупки» (the CJM «Цепочки» row lists ПОВ-3 under «Повторные покупки», so CJM and register disagree here)."

[[defect]]
code = "COV001"
match = "ПОЛКА Бизнес"
why = "Сегменты SG-10 «ПОЛКА Бизнес (юрлица)», Стоп-лист = нет, no parent; no chain in the register lists it in «Сегменты» (and no chain targets a parent of it)."

[[defect]]
code = "COV002"
match = "Отзыв и оценка"
why = "CJM stage 4 «Отзыв и оценка»: «Коммуникации» says nothing is sent, «Цепочки» = «—», and no chain in the register has «Этап CJM» = «Отзыв и оценка»."

[[defect]]
code = "COV003"
match = "РЕА-1"
why = "РЕА-1 «Вернуть спящих» has «Сегменты» = «Спящие 180+ дн; Отказ от рекламы»; «Отказ от рекламы» (SG-08) is marked Стоп-лист = ДА; touch 1 is «контент» and touch 2 is «промо» (SMS with promo code)."

[[defect]]
code = "FLOW001"
match = "Возврат товара"
why = "CJM stage 5 «Возврат товара»: the «Следующий этап» cell is empty and the stage is not final (only «Лояльность (ПОЛКА+)» is marked «— (финальный этап)»)."

[[defect]]
code = "FLOW004"
match = "ВТО-1"
why = "ВТО-1 «Второй заказ»: «Целевое событие» = «Заказ оформлен» but «Стоп-условие» = «Отписка от рассылок» only, and touches 2–3 have no condition; a client who places the second order on day 4 still gets the day-7 push and the day-12 «последний шанс» e-mail."

[[defect]]
code = "TRK002"
match = "ПОВ-2"
why = "ПОВ-2 is triggered by «Снижение цены в избранном»; on the События sheet EV-08 «Снижение цены в избранном» has «Передаётся в Mindbox» = нет (comment: not set up in the SDK)."

[[defect]]
code = "COST001"
match = "ЗАС-1"
why = "ЗАС-1: touch 1 is SMS (promo), touch 2 is email with «Условие отправки» = «если SMS не доставлено» — a cascade that starts with SMS and falls back on the SMS's feedback to the cheaper e-mail channel."

# ───────────────────────────── look-alikes ─────────────────────────────────

[[lookalike]]
code = "COST001"
match = "КОР-1"
why = "КОР-1 is a push → SMS cascade on push feedback («если push не доставлен»): it starts with the cheapest channel and escalates, the opposite of expensive-channel-first."

[[lookalike]]
code = "COV003"
match = "ДОС-1"
why = "ДОС-1 reaches the stop-list segment «Отказ от рекламы», but both touches are «сервисное» (pickup code, storage reminder); COV003 counts only promo/news/content touches."

[[lookalike]]
code = "FLOW001"
match = "Лояльность (ПОЛКА+)"
why = "Stage 9 «Лояльность (ПОЛКА+)» has no onward stage, but its «Следующий этап» says «— (финальный этап)»: a final stage is not a dead end."

[[lookalike]]
code = "COST002"
match = "ЛОЯ-1"
why = "ЛОЯ-1 has a call step (Колл-центр) to «ПОЛКА+ (Gold)», 38 000 clients (over 1 000), but the segment's «Ценность» is «высокая (VIP)», which the rule exempts."

# ───────────────────────────── columns ─────────────────────────────────────

[[column]]
sheet = "Титул"
header = "Документ"
field = "ignore"

[[column]]
sheet = "Титул"
header = "Компания"
field = "ignore"

[[column]]
sheet = "Титул"
header = "Подготовили"
field = "ignore"

[[column]]
sheet = "Титул"
header = "Владелец карты"
field = "owner"

[[column]]
sheet = "Титул"
header = "Дата актуализации"
field = "last_reviewed"

[[column]]
sheet = "Титул"
header = "Версия"
field = "ignore"

[[column]]
sheet = "Титул"
header = "Следующий пересмотр"
field = "ignore"

[[column]]
sheet = "Титул"
header = "Легенда цветов"
field = "ignore"

# CJM: stages are columns; the row labels in column A play the role of headers

[[column]]
sheet = "CJM"
header = "№ этапа"
field = "id"

[[column]]
sheet = "CJM"
header = "Этап"
field = "stage"

[[column]]
sheet = "CJM"
header = "Что делает клиент"
field = "ignore"

[[column]]
sheet = "CJM"
header = "Цель бизнеса"
field = "goal"

[[column]]
sheet = "CJM"
header = "Триггер / точка входа"
field = "trigger"

[[column]]
sheet = "CJM"
header = "Коммуникации"
field = "message"

[[column]]
sheet = "CJM"
header = "Каналы"
field = "channel"

[[column]]
sheet = "CJM"
header = "Цепочки"
field = "scenario"

[[column]]
sheet = "CJM"
header = "KPI этапа"
field = "kpi"

[[column]]
sheet = "CJM"
header = "Следующий этап"
field = "next"

[[column]]
sheet = "CJM"
header = "Боли и барьеры"
field = "ignore"

[[column]]
sheet = "Реестр цепочек"
header = "Код"
field = "scenario"

[[column]]
sheet = "Реестр цепочек"
header = "Название цепочки"
field = "scenario_name"

[[column]]
sheet = "Реестр цепочек"
header = "Тип"
field = "kind"

[[column]]
sheet = "Реестр цепочек"
header = "Этап CJM"
field = "stage"

[[column]]
sheet = "Реестр цепочек"
header = "Сегменты"
field = "segments"

[[column]]
sheet = "Реестр цепочек"
header = "Событие-триггер"
field = "trigger"

[[column]]
sheet = "Реестр цепочек"
header = "Периодичность"
field = "schedule"

[[column]]
sheet = "Реестр цепочек"
header = "Стоп-условие"
field = "stop_event"

[[column]]
sheet = "Реестр цепочек"
header = "Цель"
field = "goal"

[[column]]
sheet = "Реестр цепочек"
header = "Целевое событие"
field = "goal_event"

[[column]]
sheet = "Реестр цепочек"
header = "KPI"
field = "kpi"

[[column]]
sheet = "Реестр цепочек"
header = "Статус"
field = "status"

[[column]]
sheet = "Реестр цепочек"
header = "Ответственный"
field = "owner"

[[column]]
sheet = "Реестр цепочек"
header = "Обновлено"
field = "last_reviewed"

[[column]]
sheet = "Реестр цепочек"
header = "№ касания"
field = "step"

[[column]]
sheet = "Реестр цепочек"
header = "Канал"
field = "channel"

[[column]]
sheet = "Реестр цепочек"
header = "Задержка"
field = "timing"

[[column]]
sheet = "Реестр цепочек"
header = "Условие отправки"
field = "condition"

[[column]]
sheet = "Реестр цепочек"
header = "Тип сообщения"
field = "message_type"

[[column]]
sheet = "Реестр цепочек"
header = "Содержание / тема"
field = "message"

[[column]]
sheet = "Реестр цепочек"
header = "Платформа"
field = "system"

[[column]]
sheet = "Реестр цепочек"
header = "Комментарий"
field = "ignore"

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
header = "Условие попадания"
field = "ignore"

[[column]]
sheet = "Сегменты"
header = "Размер, чел."
field = "size"

[[column]]
sheet = "Сегменты"
header = "Ценность"
field = "tier"

[[column]]
sheet = "Сегменты"
header = "Стоп-лист"
field = "excluded"

[[column]]
sheet = "Сегменты"
header = "Родитель"
field = "parent"

[[column]]
sheet = "Сегменты"
header = "Комментарий"
field = "ignore"

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
header = "Когда срабатывает"
field = "ignore"

[[column]]
sheet = "События"
header = "Источник"
field = "source"

[[column]]
sheet = "События"
header = "Передаётся в Mindbox"
field = "tracked"

[[column]]
sheet = "События"
header = "Комментарий"
field = "ignore"

[[column]]
sheet = "Системы"
header = "Система"
field = "name"

[[column]]
sheet = "Системы"
header = "Роль"
field = "kind"

[[column]]
sheet = "Системы"
header = "Каналы"
field = "channel"

[[column]]
sheet = "Системы"
header = "Получает данные из"
field = "receives"

[[column]]
sheet = "Системы"
header = "Передаёт данные в"
field = "sends_to"

[[column]]
sheet = "Системы"
header = "Подрядчик / контакт"
field = "ignore"

[[column]]
sheet = "Системы"
header = "Комментарий"
field = "ignore"
'''


# ═════════════════════════════════════════════════════════════════════════════
# MAP 2 — Harbor Merge (mobile game)
# ═════════════════════════════════════════════════════════════════════════════

MSG_HEAD = ["Canvas", "Msg #", "Lifecycle stage", "Flow type", "Trigger event", "Schedule", "Delay",
            "Send only if…", "Then →", "Audience", "Push ✓", "Email ✓", "In-app ✓", "SMS ✓", "Copy / subject",
            "Msg type", "Goal event", "Exit when", "KPI", "A/B test", "Owner", "Status", "Last edited", "Notes"]
BANDS = [("WHO / WHEN", 1, 10), ("CHANNEL (tick one)", 11, 14), ("WHAT", 15, 16), ("MEASURE", 17, 19),
         ("ADMIN", 20, 24)]
CH_COL = {"push": 0, "email": 1, "inapp": 2, "sms": 3}

# flow-level: canvas, stage, type, trigger, schedule, audience, goal, exit, kpi, owner, status, edited, tick style
# messages: (n, delay, cond, then, channel, copy, type, ab, notes)
FLOWS = [
    dict(canvas="LC01_Welcome", stage="Onboarding", ftype="Triggered", trig="install_first_open", sched="",
         aud="New players (D0-D7)", goal="tutorial_completed", exit="tutorial_completed",
         kpi="Tutorial completion ≥ 80%; D1 ≥ 42%", owner="Maya R.", status="🟢 Live", edited=d(2026, 9, 14),
         tick="bool", msgs=[
             (1, "+0 (first session)", "", "→ 2", "inapp", "Welcome aboard, Captain! Tap to claim your first ship ⚓",
              "Service", "A: free ship / B: 100 coins — B won, rolled out", ""),
             (2, "+24h", "if no session_start", "→ 3", "push", "Your ship is ready to sail 🚢 Come back and merge!",
              "Content", "", ""),
             (3, "+3d", "if no session_start", "end", "email", "Subj: Captain, your harbor is waiting",
              "Content", "", "only players who gave email at sign-in"),
         ]),
    dict(canvas="LC02_EarlyGame", stage="Early game", ftype="Triggered", trig="tutorial_completed", sched="",
         aud="New players (D0-D7)", goal="guild_joined", exit="guild_joined",
         kpi="D7 retention ≥ 18%; guild join ≥ 25%", owner="Maya R.", status="🟢 Live", edited=d(2026, 9, 14),
         tick="bool", msgs=[
             (1, "+1d", "", "→ 2", "push", "Your daily chest is unlocked 🎁", "Content", "", ""),
             (2, "+3d (shown on next session)", "", "→ 3", "inapp", "Starter Pack −60% — today only", "Promo 💰",
              "−60% vs −50% (running since Sep 2)", ""),
             (3, "+5d", "", "end", "push", "Captains sail better together — join a guild", "Content", "", ""),
         ]),
    dict(canvas="LC03_LiveOps_Daily", stage="Engaged", ftype="Scheduled", trig="", sched="Daily 18:00 local",
         aud="Active non-payers", goal="session_start", exit="session_start",
         kpi="Push open rate ≥ 6%; DAU lift", owner="Leo P.", status="🟢 Live", edited=d(2026, 10, 20),
         tick="bool", msgs=[
             (1, "+0", "", "end", "push", "🌊 Today's event is live — double rewards until midnight!",
              "LiveOps / News", "", "LiveOps wants it every day; copy rotates per event"),
         ]),
    dict(canvas="LC04_FirstPurchase", stage="Engaged", ftype="Triggered", trig="store_viewed", sched="",
         aud="Active non-payers", goal="purchase_completed", exit="purchase_completed",
         kpi="Payer conversion ≥ 2.5%", owner="Priya S.", status="🟢 Live", edited=d(2026, 11, 3),
         tick="bool", msgs=[
             (1, "+2h", "if no purchase_completed", "→ 2", "push", "Still thinking? First-buyer bundle −70% 💎",
              "Promo 💰", "10% holdout", ""),
             (2, "+24h (shown on next session)", "if #1 not opened", "end", "inapp",
              "First-buyer bundle: 70% off, 24h left", "Promo 💰", "", ""),
         ]),
    dict(canvas="LC13_LevelStuck_Help", stage="Engaged", ftype="Triggered", trig="level_failed", sched="",
         aud="Active non-payers", goal="level_completed", exit="level_completed",
         kpi="Fail → pass within 24h ≥ 55%", owner="", status="🟢 Live", edited=d(2026, 8, 27),
         tick="bool", msgs=[
             (1, "+0", "", "→ 2", "inapp", "Stuck? Here's a booster on us + tip: merge from the corners",
              "Content", "", "Braze fires on the 3rd level_failed in a row (property fail_streak = 3)"),
             (2, "+12h", "if no level_completed", "end", "push", "Level {level} is waiting — your free booster is ready 🧩",
              "Content", "", "owner left in Aug — TBD"),
         ]),
    dict(canvas="LC05_PostPurchase_v2", stage="Payer", ftype="Triggered", trig="purchase_completed", sched="",
         aud="Payers", goal="pass_purchased", exit="pass_purchased",
         kpi="Harbor Pass trial starts ≥ 4% of payers", owner="Priya S.", status="🟢 Live", edited=d(2026, 10, 8),
         tick="bool", msgs=[
             (1, "+0", "", "→ 2", "inapp", "Thanks, Captain! +10% bonus gems added 💎", "Service", "", ""),
             (2, "+3d", "", "end", "email", "Subj: Try Harbor Pass free for 7 days", "Promo 💰", "", ""),
         ]),
    dict(canvas="LC05_PostPurchase_v1", stage="Payer", ftype="Triggered", trig="purchase_completed", sched="",
         aud="Payers", goal="purchase_completed", exit="purchase_completed",
         kpi="Repeat purchase 14d", owner="Tom H.", status="⚪ Archived", edited=d(2026, 10, 8),
         tick="bool", msgs=[
             (1, "+0", "", "end", "push", "Thanks for your purchase! Enjoy your gems", "Service", "",
              "replaced by v2 on Oct 8 — do NOT reactivate"),
         ]),
    dict(canvas="LC06_WebShop_Claim", stage="Payer", ftype="Triggered", trig="webshop_purchase", sched="",
         aud="Payers", goal="bundle_claimed", exit="bundle_claimed",
         kpi="Claim within 24h ≥ 90%", owner="Priya S.", status="🟢 Live", edited=d(2026, 11, 12),
         tick="check", msgs=[
             (1, "+0", "", "→ 2", "push", "Your web shop bundle has arrived — tap to claim 🎁", "Service", "",
              "Xsolla web shop live since Nov 1"),
             (2, "+24h (shown on next session)", "if no bundle_claimed", "end", "inapp",
              "Claim your Web Shop bundle", "Service", "", ""),
         ]),
    dict(canvas="LC07_VIP_Gift", stage="Payer", ftype="Triggered", trig="vip_tier_reached", sched="",
         aud="Whales", goal="vip_gift_claimed", exit="vip_gift_claimed",
         kpi="Gift claim ≥ 70%; VIP 30d retention", owner="Tom H.", status="🟢 Live", edited=d(2026, 10, 30),
         tick="check", msgs=[
             (1, "+0", "", "→ 2", "sms", "Harbor Merge VIP: your captain's gift is waiting — hmrg.co/vip",
              "Promo 💰", "", "SMS only for VIPs with opt-in (TCPA)"),
             (2, "+24h", "if #1 not opened", "end", "sms", "Reminder: your VIP gift expires in 48h — hmrg.co/vip",
              "Promo 💰", "", ""),
         ]),
    dict(canvas="LC08_Pass_Renewal", stage="Harbor Pass member", ftype="Triggered", trig="pass_expiring", sched="",
         aud="Harbor Pass subs", goal="pass_renewed", exit="pass_renewed",
         kpi="Renewal ≥ 75%", owner="Tom H.", status="🟢 Live", edited=d(2026, 10, 30),
         tick="check", msgs=[
             (1, "+0", "", "→ 2", "push", "Your Harbor Pass ends in 3 days ⏳", "Service", "",
              "pass_expiring = 3 days before period end (backend to confirm)"),
             (2, "+2d", "if no pass_renewed", "end", "email",
              "Subj: Keep your perks — renew Harbor Pass (−20% for members)", "Promo 💰", "", ""),
         ]),
    dict(canvas="LC09_Pass_WeeklyPerks", stage="Harbor Pass member", ftype="Scheduled", trig="",
         sched="Mondays 10:00 local", aud="Harbor Pass subs", goal="session_start", exit="session_start",
         kpi="Weekly active subs ≥ 85%", owner="Leo P.", status="🟢 Live", edited=d(2026, 10, 20),
         tick="check", msgs=[
             (1, "+0", "", "end", "inapp", "This week's member perks: 2× harbor XP + free decor", "Content", "", ""),
         ]),
    dict(canvas="LC15_Pass_Gifting", stage="Harbor Pass member", ftype="Triggered", trig="pass_renewed", sched="",
         aud="Harbor Pass subs", goal="purchase_completed", exit="purchase_completed",
         kpi="Gifted passes / renewals ≥ 3%", owner="", status="🟡 Draft", edited=d(2026, 11, 18),
         tick="check", msgs=[
             (1, "+1d (shown on next session)", "", "end", "inapp",
              "Gift a Pass to a friend — they get 7 days, you get 300 gems", "Promo 💰", "",
              "idea from Nov offsite, needs an owner before build"),
         ]),
    dict(canvas="LC10_Lapsing_Nudge", stage="Lapsing", ftype="Triggered", trig="inactive_3d", sched="",
         aud="Lapsing (3-13d)", goal="session_start", exit="session_start",
         kpi="Return within 7d ≥ 20%", owner="Maya R.", status="🟢 Live", edited=d(2026, 9, 30),
         tick="check", msgs=[
             (1, "+0", "", "→ 2", "push", "Your crew misses you, Captain ⚓ 3 ships are ready to merge",
              "Content", "", ""),
             (2, "+2d", "", "↺ 1 after 3d (max 2 rounds)", "email", "Subj: What happened in your harbor this week",
              "Content", "", "loop capped at 2 rounds; exits on session_start"),
         ]),
    dict(canvas="LC11_Winback_14d", stage="Lapsed", ftype="Triggered", trig="inactive_14d", sched="",
         aud="Lapsed (14-59d)", goal="session_start", exit="session_start",
         kpi="Reactivation ≥ 6%", owner="Maya R.", status="🟢 Live", edited=d(2026, 9, 30),
         tick="check", msgs=[
             (1, "+0", "", "→ 2", "email", "Subj: We kept your harbor safe 🏝️", "Content", "", ""),
             (2, "+48h", "if #1 not opened", "end", "push", "200 free gems if you come back today 💎", "Promo 💰",
              "B: 500 gems", ""),
         ]),
    dict(canvas="LC12_Churned_Loop", stage="Churned", ftype="Triggered", trig="inactive_60d", sched="",
         aud="Churned (60d+)", goal="session_start", exit="",
         kpi="Reactivation ≥ 1.5%", owner="Leo P.", status="🟢 Live", edited=d(2026, 10, 20),
         tick="check", msgs=[
             (1, "+0", "", "→ 2", "email", "Subj: Season 7 is here — new islands, new ships", "Content", "", ""),
             (2, "+7d", "", "↺ 1 after 14d", "push", "Come back: 500 gems are waiting for you 💎", "Promo 💰", "",
              "keeps them warm until they return"),
         ]),
]

AUDIENCES = [
    ("New players (D0-D7)", "seg_new_d0_7", "installed ≤ 7 days ago", 185000, "Standard", "no", "", ""),
    ("Active non-payers", "seg_active_np", "≥ 3 sessions in last 7d, never paid", 640000, "Standard", "no", "", ""),
    ("Payers", "seg_payers", "≥ 1 IAP or web shop purchase", 52400, "Mid", "no", "", ""),
    ("Whales", "seg_whales", "LTV > $500", 1850, "VIP", "no", "Payers", "VIP host program"),
    ("Harbor Pass subs", "seg_pass", "active Harbor Pass subscription", 21300, "High", "no", "", ""),
    ("Lapsing (3-13d)", "seg_lapsing", "last session 3–13 days ago", 214000, "Standard", "no", "", ""),
    ("Lapsed (14-59d)", "seg_lapsed", "last session 14–59 days ago", 903000, "Low", "no", "", ""),
    ("Churned (60d+)", "seg_churned", "last session 60+ days ago", 2380000, "Low", "no", "", ""),
    ("Under 16 (age gate)", "seg_u16", "age gate < 16 (COPPA / GDPR-K)", 96000, "—", "YES — never message", "",
     "legal: no marketing at all"),
    ("Marketing opt-out", "seg_optout", "opted out of marketing in settings", 310000, "—", "YES — never message",
     "", ""),
]

LIFECYCLE = [
    (1, "Onboarding", "install → tutorial done", "Early game", "no", "Tutorial completion"),
    (2, "Early game", "days 1–7", "Engaged; Lapsing", "no", "D7 retention"),
    (3, "Engaged", "plays 3+ days a week, hasn't paid", "Payer; Lapsing", "no", "DAU/MAU"),
    (4, "Payer", "made at least one purchase", "Lapsing", "no", "ARPPU"),
    (5, "Harbor Pass member", "active Harbor Pass subscription", "Lapsing", "no", "Renewal rate"),
    (6, "Lapsing", "3–13 days without a session", "Lapsed; Engaged", "no", "Return rate"),
    (7, "Lapsed", "14–59 days without a session", "Engaged; Churned", "no", "Reactivation rate"),
    (8, "Churned", "60+ days without a session", "—", "yes ✅", "Winback rate"),
]

EVENTS2 = [
    ("install_first_open", "First open", "Onboarding", "first launch after install", "platform, country",
     "Amplitude", "✅ Live", d(2025, 3, 1)),
    ("tutorial_completed", "Tutorial completed", "Onboarding", "last tutorial step done", "duration_s",
     "Amplitude", "✅ Live", d(2025, 3, 1)),
    ("session_start", "Session start", "Engagement", "app foregrounded after 30 min idle", "session_n",
     "Amplitude", "✅ Live", d(2025, 3, 1)),
    ("level_failed", "Level failed", "Gameplay", "player ran out of moves", "level, fail_streak",
     "Amplitude", "✅ Live", d(2025, 3, 1)),
    ("level_completed", "Level completed", "Gameplay", "level goal reached", "level, stars",
     "Amplitude", "✅ Live", d(2025, 3, 1)),
    ("guild_joined", "Guild joined", "Social", "player joined a guild", "guild_id",
     "Amplitude", "✅ Live", d(2025, 6, 12)),
    ("store_viewed", "Store viewed", "Monetization", "in-game store opened", "entry_point",
     "Amplitude", "✅ Live", d(2025, 3, 1)),
    ("bundle_claimed", "Bundle claimed", "Monetization", "web shop bundle claimed in game", "sku",
     "Amplitude", "✅ Live", d(2026, 10, 28)),
    ("inactive_3d", "Inactive 3 days", "Lifecycle (computed)", "cohort entry: no session 3d", "—",
     "Amplitude", "✅ Live", d(2025, 4, 20)),
    ("inactive_14d", "Inactive 14 days", "Lifecycle (computed)", "cohort entry: no session 14d", "—",
     "Amplitude", "✅ Live", d(2025, 4, 20)),
    ("inactive_60d", "Inactive 60 days", "Lifecycle (computed)", "cohort entry: no session 60d", "—",
     "Amplitude", "✅ Live", d(2025, 4, 20)),
    ("purchase_completed", "Purchase completed", "Monetization", "IAP receipt validated server-side",
     "sku, usd_value", "PlayFab", "✅ Live", d(2025, 3, 1)),
    ("vip_tier_reached", "VIP tier reached", "Monetization", "LTV crossed $500", "ltv_usd",
     "PlayFab", "✅ Live", d(2025, 9, 9)),
    ("vip_gift_claimed", "VIP gift claimed", "Monetization", "VIP gift redeemed", "gift_id",
     "PlayFab", "✅ Live", d(2025, 9, 9)),
    ("pass_purchased", "Harbor Pass purchased", "Subscription", "first Harbor Pass period paid", "plan",
     "PlayFab", "✅ Live", d(2026, 5, 4)),
    ("pass_renewed", "Harbor Pass renewed", "Subscription", "subscription renewed", "plan, period_n",
     "PlayFab", "✅ Live", d(2026, 5, 4)),
    ("pass_cancelled", "Harbor Pass cancelled", "Subscription", "auto-renew switched off", "plan, reason",
     "PlayFab", "❌ Not implemented", d(2026, 5, 4)),
    ("webshop_purchase", "Web shop purchase", "Monetization", "purchase in the Xsolla web shop", "sku, usd_value",
     "Xsolla", "✅ Live", d(2026, 10, 28)),
]

STACK = [
    ("Braze", "Messaging + orchestration (Canvas)", "Push, In-app, SMS", "Amplitude, PlayFab", "Amplitude",
     "Leo P.", "$4,800", "SMS = Braze SMS, US/CA short code"),
    ("Customer.io", "Email", "Email", "Amplitude, PlayFab, Xsolla", "—", "Maya R.", "$1,150",
     "no engagement sync back to Braze yet (ticket CRM-88)"),
    ("Amplitude", "Product analytics, cohorts (event source)", "—", "PlayFab, Braze", "Braze, Customer.io",
     "Priya S.", "$2,000", "client SDK in Unity build"),
    ("PlayFab", "Game backend, IAP validation (event source)", "—", "—", "Amplitude, Braze, Customer.io, Xsolla",
     "backend team", "usage-based", ""),
    ("Xsolla", "Web shop (event source)", "—", "PlayFab", "Customer.io", "Tom H.", "rev share",
     "Braze connector on backlog"),
]


def build_map2() -> None:
    MAP2.mkdir(parents=True)
    wb = Workbook()

    # ── README ───────────────────────────────────────────────────────────────
    ws = wb.active
    ws.title = "README"
    ws["A1"] = "Harbor Merge — CRM / LiveOps messaging map"
    ws["A1"].font = Font(size=16, bold=True)
    cover = [
        ("Doc", "Single source of truth for every push, email, in-app and SMS we send"),
        ("Game", "Harbor Merge (iOS / Android) — Puffin Forge Studios"),
        ("CRM lead", "Maya R."),
        ("Last full review", d(2026, 10, 2)),
        ("Reviewers", "Maya R., Leo P., Priya S., Tom H."),
        ("Status legend", "🟢 Live · 🟡 Draft · 🔴 Paused · ⚪ Archived"),
        ("Channel columns", "tick exactly one channel per row (checkbox = TRUE, or ✓ on pasted rows)"),
        ("Timezone", "player local time unless stated"),
    ]
    for i, (k, v) in enumerate(cover, start=3):
        ws.cell(row=i, column=1, value=k).font = Font(bold=True)
        c = ws.cell(row=i, column=2, value=v)
        if isinstance(v, dt.datetime):
            c.number_format = "yyyy-mm-dd"
    widths(ws, {"A": 20, "B": 80})

    # ── Messaging map ────────────────────────────────────────────────────────
    ws = wb.create_sheet("Messaging map")
    band_colors = ["CFE2F3", "FCE5CD", "D9EAD3", "FFF2CC", "EAD1DC"]
    for (label, c1, c2), col in zip(BANDS, band_colors):
        ws.merge_cells(start_row=1, start_column=c1, end_row=1, end_column=c2)
        c = ws.cell(row=1, column=c1, value=label)
        c.font = Font(bold=True)
        c.alignment = CENTER
        for j in range(c1, c2 + 1):
            ws.cell(row=1, column=j).fill = fill(col)
    for j, h in enumerate(MSG_HEAD, start=1):
        c = ws.cell(row=2, column=j, value=h)
        c.font = Font(bold=True)
        c.fill = fill("434343")
        c.font = Font(bold=True, color="FFFFFF")
        c.alignment = CENTER
    row = 3
    status_fill = {"🟢": "D9EAD3", "🟡": "FFF2CC", "⚪": "EFEFEF", "🔴": "F4CCCC"}
    for fl in FLOWS:
        for (n, delay, cond, then, chan, copy, mtype, ab, notes) in fl["msgs"]:
            if fl["tick"] == "bool":
                ticks = [False, False, False, False]
                ticks[CH_COL[chan]] = True
            else:
                ticks = [None, None, None, None]
                ticks[CH_COL[chan]] = "✓"
            vals = [fl["canvas"], n, fl["stage"], fl["ftype"], fl["trig"] or None, fl["sched"] or None, delay,
                    cond or None, then, fl["aud"], *ticks, copy, mtype, fl["goal"], fl["exit"] or None,
                    fl["kpi"], ab or None, fl["owner"] or None, fl["status"], fl["edited"], notes or None]
            for j, v in enumerate(vals, start=1):
                c = ws.cell(row=row, column=j, value=v)
                c.alignment = WRAP
                if isinstance(v, dt.datetime):
                    c.number_format = "mmm d, yyyy"
                if 11 <= j <= 14:
                    c.alignment = CENTER
            ws.cell(row=row, column=22).fill = fill(status_fill[fl["status"][0]])
            row += 1
    widths(ws, {get_column_letter(j): w for j, w in enumerate(
        [24, 6, 18, 11, 20, 18, 22, 22, 22, 20, 8, 8, 8, 8, 50, 14, 18, 18, 26, 26, 10, 12, 13, 40], start=1)})
    ws.freeze_panes = "C3"
    ws.auto_filter.ref = f"A2:{get_column_letter(len(MSG_HEAD))}{row - 1}"

    # ── Audiences ────────────────────────────────────────────────────────────
    ws = wb.create_sheet("Audiences")
    head = ["Audience", "Braze segment ID", "Definition (Amplitude cohort)", "Size (users)", "Value tier",
            "Do not message?", "Parent audience", "Notes"]
    for j, h in enumerate(head, start=1):
        c = ws.cell(row=1, column=j, value=h)
        c.font = Font(bold=True)
        c.fill = fill("CFE2F3")
    for i, a in enumerate(AUDIENCES, start=2):
        for j, v in enumerate(a, start=1):
            c = ws.cell(row=i, column=j, value=v or None)
            if j == 4:
                c.number_format = "#,##0"
        if a[5].startswith("YES"):
            ws.cell(row=i, column=6).fill = fill("F4CCCC")
    ws["A14"] = "sizes = Amplitude cohort counts, Nov 20 2026"
    ws["A14"].font = Font(italic=True, color="888888")
    widths(ws, {"A": 24, "B": 18, "C": 36, "D": 12, "E": 11, "F": 22, "G": 16, "H": 30})

    # ── Lifecycle ────────────────────────────────────────────────────────────
    ws = wb.create_sheet("Lifecycle")
    head = ["#", "Stage", "What it means", "Moves to →", "End state?", "North-star metric"]
    for j, h in enumerate(head, start=1):
        c = ws.cell(row=1, column=j, value=h)
        c.font = Font(bold=True)
        c.fill = fill("D9EAD3")
    for i, s in enumerate(LIFECYCLE, start=2):
        for j, v in enumerate(s, start=1):
            ws.cell(row=i, column=j, value=v)
    widths(ws, {"A": 4, "B": 20, "C": 36, "D": 22, "E": 11, "F": 22})

    # ── Events (taxonomy) ────────────────────────────────────────────────────
    ws = wb.create_sheet("Events (taxonomy)")
    head = ["Event", "Display name", "Category", "Description", "Key properties", "Source", "Status", "Added"]
    for j, h in enumerate(head, start=1):
        c = ws.cell(row=1, column=j, value=h)
        c.font = Font(bold=True)
        c.fill = fill("FFF2CC")
    for i, e in enumerate(EVENTS2, start=2):
        for j, v in enumerate(e, start=1):
            c = ws.cell(row=i, column=j, value=v)
            if isinstance(v, dt.datetime):
                c.number_format = "yyyy-mm-dd"
    widths(ws, {"A": 22, "B": 22, "C": 20, "D": 38, "E": 20, "F": 12, "G": 18, "H": 12})

    # ── Stack ────────────────────────────────────────────────────────────────
    ws = wb.create_sheet("Stack")
    head = ["Tool", "Role", "Channels", "Receives data from", "Sends data to", "Admin", "Cost / mo", "Notes"]
    for j, h in enumerate(head, start=1):
        c = ws.cell(row=1, column=j, value=h)
        c.font = Font(bold=True)
        c.fill = fill("EAD1DC")
    for i, s in enumerate(STACK, start=2):
        for j, v in enumerate(s, start=1):
            ws.cell(row=i, column=j, value=v).alignment = WRAP
    widths(ws, {"A": 14, "B": 36, "C": 18, "D": 28, "E": 36, "F": 12, "G": 12, "H": 40})

    wb.save(MAP2 / "harbor_merge_crm_map.xlsx")
    (MAP2 / "answers.toml").write_text(ANSWERS2, encoding="utf-8")


def _cols(sheet: str, pairs: list[tuple[str, str]]) -> str:
    return "".join(f'\n[[column]]\nsheet = "{sheet}"\nheader = "{h}"\nfield = "{f}"\n' for h, f in pairs)


ANSWERS2 = '''title = "Harbor Merge (mobile game): Google-Sheets message map, one row per message, channel as tick columns"
map = "harbor_merge_crm_map.xlsx"
lang = "en"
today = "2026-11-29"

# ───────────────────────────── planted defects ─────────────────────────────

[[defect]]
code = "FLOW002"
match = "Harbor Pass member"
why = "Lifecycle row 5 «Harbor Pass member» is not the first stage and no stage lists it in «Moves to →» (Payer → Lapsing only), so it cannot be reached from Onboarding."

[[defect]]
code = "FLOW003"
match = "LC12"
why = "LC12_Churned_Loop: msg 1 (email) «Then →» = «→ 2», msg 2 (push) «Then →» = «↺ 1 after 14d»; «Exit when» is empty on both rows and there is no repeat limit or end date, so a churned player who never returns is messaged forever."

[[defect]]
code = "FLOW004"
match = "LC12"
why = "LC12_Churned_Loop has «Goal event» = session_start but «Exit when» is empty: a player who comes back still gets the remaining (looping) messages."

[[defect]]
code = "TRK001"
match = "pass_expiring"
why = "LC08_Pass_Renewal «Trigger event» = pass_expiring; the Events (taxonomy) sheet has pass_purchased, pass_renewed and pass_cancelled but no pass_expiring."

[[defect]]
code = "TRK003"
match = "LC06"
why = "LC06_WebShop_Claim is triggered by webshop_purchase, whose Source is Xsolla; its first message is a push (sent by Braze, the only push tool). Stack: Braze «Receives data from» = Amplitude, PlayFab; Xsolla «Sends data to» = Customer.io only (Customer.io sends nowhere), so Braze never receives the trigger."

[[defect]]
code = "INT002"
match = "LC11"
why = "LC11_Winback_14d: msg 1 is an email (Customer.io), msg 2 is a push (Braze) with «Send only if…» = «if #1 not opened». Stack: Customer.io «Sends data to» = «—» and no other route carries email opens to Braze, so Braze cannot know whether the email was opened."

[[defect]]
code = "INT003"
match = "LC07"
why = "LC07_VIP_Gift msg 2 (SMS ✓) has «Send only if…» = «if #1 not opened» where msg 1 is an SMS; SMS does not report opens."

[[defect]]
code = "FREQ001"
match = "Active non-payers"
why = "Active non-payers get LC03_LiveOps_Daily push «Daily 18:00 local» (7 pushes a week) plus LC04 (push + in-app) and LC13 (in-app + push) at once a week each: 9 pushes/week against a cap of 5, and 11 contacts in total against 10."

[[defect]]
code = "GOV003"
match = "LC13"
why = "LC13_LevelStuck_Help is 🟢 Live and its «Owner» cell is empty on both rows (note: «owner left in Aug — TBD»)."

# ───────────────────────────── look-alikes ─────────────────────────────────

[[lookalike]]
code = "INT003"
match = "LC04"
why = "LC04_FirstPurchase msg 2 (in-app) is sent «if #1 not opened» where msg 1 is a push; push reports opens, and both messages are sent by Braze."

[[lookalike]]
code = "FLOW003"
match = "LC10"
why = "LC10_Lapsing_Nudge loops (msg 2 «↺ 1 after 3d (max 2 rounds)») but it has «Exit when» = session_start and a repeat limit of 2 rounds, so it is bounded."

[[lookalike]]
code = "FREQ002"
match = "LC05"
why = "LC05_PostPurchase_v1 and LC05_PostPurchase_v2 both fire on purchase_completed for Payers, but v1 is ⚪ Archived; only one active scenario uses the event for that audience."

[[lookalike]]
code = "GOV003"
match = "LC15"
why = "LC15_Pass_Gifting has an empty «Owner», but its Status is 🟡 Draft; GOV003 applies only to active scenarios."

# ───────────────────────────── columns ─────────────────────────────────────
''' + _cols("README", [
    ("Doc", "ignore"), ("Game", "ignore"), ("CRM lead", "owner"), ("Last full review", "last_reviewed"),
    ("Reviewers", "ignore"), ("Status legend", "ignore"), ("Channel columns", "ignore"), ("Timezone", "ignore"),
]) + _cols("Messaging map", [
    ("Canvas", "scenario"), ("Msg #", "step"), ("Lifecycle stage", "stage"), ("Flow type", "kind"),
    ("Trigger event", "trigger"), ("Schedule", "schedule"), ("Delay", "timing"), ("Send only if…", "condition"),
    ("Then →", "next"), ("Audience", "segments"), ("Push ✓", "channel"), ("Email ✓", "channel"),
    ("In-app ✓", "channel"), ("SMS ✓", "channel"), ("Copy / subject", "message"), ("Msg type", "message_type"),
    ("Goal event", "goal_event"), ("Exit when", "stop_event"), ("KPI", "kpi"), ("A/B test", "ignore"),
    ("Owner", "owner"), ("Status", "status"), ("Last edited", "last_reviewed"), ("Notes", "ignore"),
]) + _cols("Audiences", [
    ("Audience", "name"), ("Braze segment ID", "id"), ("Definition (Amplitude cohort)", "ignore"),
    ("Size (users)", "size"), ("Value tier", "tier"), ("Do not message?", "excluded"),
    ("Parent audience", "parent"), ("Notes", "ignore"),
]) + _cols("Lifecycle", [
    ("#", "id"), ("Stage", "stage"), ("What it means", "ignore"), ("Moves to →", "next"),
    ("End state?", "final"), ("North-star metric", "kpi"),
]) + _cols("Events (taxonomy)", [
    ("Event", "id"), ("Display name", "name"), ("Category", "ignore"), ("Description", "ignore"),
    ("Key properties", "ignore"), ("Source", "source"), ("Status", "tracked"), ("Added", "ignore"),
]) + _cols("Stack", [
    ("Tool", "name"), ("Role", "kind"), ("Channels", "channel"), ("Receives data from", "receives"),
    ("Sends data to", "sends_to"), ("Admin", "owner"), ("Cost / mo", "ignore"), ("Notes", "ignore"),
])


def main() -> None:
    for folder in (MAP1, MAP2):
        if folder.exists():
            shutil.rmtree(folder)
    build_map1()
    build_map2()
    print("built", MAP1.name, "and", MAP2.name)


if __name__ == "__main__":
    main()
