"""Build corpus19: two client communication maps with planted defects.

Run from /work/main:  python tests/corpus19/build.py

1. restaurant_chain_mixed/   - coffee/restaurant chain loyalty map, a folder of
   CSV files exported from Google Sheets (one CSV per tab, UTF-8, Russian).
2. insurance_two_sheets_en/  - insurance company map in .xlsx (English),
   programmes and touches on two sheets with different id styles.

Each sub-folder gets an answers.toml (planted defects, look-alikes, columns).
Values only, no formulas.
"""
from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

HERE = Path(__file__).resolve().parent
TODAY = "2026-11-29"


# --------------------------------------------------------------------------- #
# helpers
# --------------------------------------------------------------------------- #
def q(s: str) -> str:
    """TOML basic string."""
    s = str(s).replace("\\", "\\\\").replace('"', '\\"')
    s = s.replace("\n", "\\n").replace("\t", "\\t")
    return f'"{s}"'


def write_answers(folder: Path, title, map_name, lang, defects, lookalikes, columns):
    out = [
        f"title = {q(title)}",
        f"map = {q(map_name)}",
        f"lang = {q(lang)}",
        f"today = {q(TODAY)}",
        "",
    ]
    for code, match, why in defects:
        out += ["[[defect]]", f"code = {q(code)}", f"match = {q(match)}", f"why = {q(why)}", ""]
    for code, match, why in lookalikes:
        out += ["[[lookalike]]", f"code = {q(code)}", f"match = {q(match)}", f"why = {q(why)}", ""]
    for sheet, header, field in columns:
        out += ["[[column]]", f"sheet = {q(sheet)}", f"header = {q(header)}", f"field = {q(field)}", ""]
    (folder / "answers.toml").write_text("\n".join(out), encoding="utf-8")


def columns_of(tables: dict, mapping: dict):
    """tables: sheet -> (headers, rows); mapping: sheet -> {header: field}."""
    cols = []
    for sheet, (headers, _rows) in tables.items():
        for h in headers:
            cols.append((sheet, h, mapping[sheet][h]))
    return cols


# --------------------------------------------------------------------------- #
# 1. restaurant_chain_mixed (CSV folder, Russian)
# --------------------------------------------------------------------------- #
def build_restaurant():
    root = HERE / "restaurant_chain_mixed"
    map_dir_name = "loyalty_map_export"
    if root.exists():
        shutil.rmtree(root)
    mdir = root / map_dir_name
    mdir.mkdir(parents=True)

    tables = {}

    # --- segments -----------------------------------------------------------
    seg_h = ["Сегмент", "Кто это", "Гостей в базе", "Уровень", "Не беспокоить"]
    seg_rows = [
        ["Новички", "1 визит за всё время, карта UDS или телефон на кассе", "24000", "стандарт", "нет"],
        ["Постоянные", "2+ визита в месяц", "41000", "стандарт", "нет"],
        ["Золото UDS", "золотой статус в UDS (траты от 30 тыс. за полгода)", "3200", "высокий", "нет"],
        ["Спящие", "нет визита 45+ дней", "52000", "стандарт", "нет"],
        ["Доставка", "заказывали доставку за последние 60 дней", "18000", "стандарт", "нет"],
        ["Сотрудники", "бариста, повара, управляющие — карты сотрудника", "1150", "", "да"],
        ["Отписались", "отказались от рекламы, сервисные уведомления можно", "6800", "стандарт", "да"],
    ]
    tables["Сегменты гостей"] = (seg_h, seg_rows)

    # --- stages --------------------------------------------------------------
    st_h = ["Этап", "Что делает гость", "Следующий этап", "Финальный?"]
    st_rows = [
        ["Первый визит", "первый чек в iiko", "Вступил в UDS", "нет"],
        ["Вступил в UDS", "скачал UDS, получил приветственные баллы", "Повторные визиты", "нет"],
        ["Повторные визиты", "2–3 визита, пробует меню", "Постоянный гость", "нет"],
        ["Постоянный гость", "ходит 2+ раза в месяц, копит и тратит баллы", "Засыпает", "нет"],
        ["Засыпает", "нет визита 45+ дней", "Ушёл", "нет"],
        ["Ушёл", "нет визита 90+ дней, считаем оттоком", "", "да"],
        # FLOW002: nobody leads here (banquets were added later, not linked)
        ["Банкеты и события", "бронирует VIP-зал, дегустации, дни рождения в зале", "Постоянный гость", "нет"],
    ]
    tables["Этапы гостя"] = (st_h, st_rows)

    # --- events --------------------------------------------------------------
    ev_h = ["Событие в iiko", "Откуда приходит", "Доходит до CRM?", "Комментарий"]
    ev_rows = [
        ["Первый чек", "iiko", "да", "первый чек по телефону/карте гостя"],
        ["Чек закрыт", "iiko", "да", "любой закрытый чек с картой UDS"],
        ["Регистрация в UDS", "UDS", "да", "гость установил приложение и ввёл телефон"],
        ["Скоро день рождения", "UDS", "да", "за 3 дня до даты рождения из профиля"],
        ["Бронь стола", "iiko", "да", "iiko Reserve, бронь создана"],
        ["Заказ доставки", "Сайт доставки", "да", "заказ оформлен на сайте/в приложении доставки"],
        ["Оценка визита", "UDS", "нет", "оценка 1–5 в UDS, выгрузку в Mindbox пока не настроили"],
        ["Оплата баллами", "iiko", "да", "списание баллов на кассе"],
    ]
    tables["События из iiko"] = (ev_h, ev_rows)

    # --- channels ------------------------------------------------------------
    ch_h = ["Канал", "Тип", "Через систему", "Комментарий"]
    ch_rows = [
        ["push", "push", "UDS", "только у кого стоит приложение UDS"],
        ["email", "email", "Mindbox", ""],
        ["SMS", "sms", "Mindbox", "шлюз через Mindbox, альфа-имя сети"],
        ["Telegram", "мессенджер", "Telegram-бот", "подписчики бота сети"],
        ["звонок", "звонок", "Колл-центр", "хостес / колл-центр"],
    ]
    tables["Каналы"] = (ch_h, ch_rows)

    # --- systems and flows ---------------------------------------------------
    sys_h = ["Система", "Что делает", "Отправляет", "Получает данные из", "Передаёт данные / отклики в"]
    sys_rows = [
        ["iiko", "касса, iiko Reserve (брони)", "", "", "UDS, Mindbox, Telegram-бот, Колл-центр"],
        ["Сайт доставки", "сайт и приложение доставки", "", "", "UDS, Mindbox"],
        ["UDS", "loyalty-приложение: баллы, push", "push", "iiko, Сайт доставки, Mindbox", "Mindbox"],
        ["Mindbox", "CRM, сценарии, email и SMS", "email, SMS", "iiko, UDS, Сайт доставки, Telegram-бот, Колл-центр",
         "UDS, Telegram-бот, Колл-центр"],
        ["Telegram-бот", "бот сети: меню, рассылки", "Telegram", "iiko, Mindbox", "Mindbox"],
        ["Колл-центр", "хостес и операторы, задачи на звонок из Mindbox", "звонок", "iiko, Mindbox", "Mindbox"],
    ]
    tables["Системы и потоки"] = (sys_h, sys_rows)

    # --- mechanics -----------------------------------------------------------
    mech_h = ["Код", "Механика", "Кому", "Этап гостя", "Запуск по событию", "Расписание", "Тип рассылки",
              "Цель", "Целевое событие", "Стоп, если", "KPI", "Ответственный", "Статус", "Обновлено",
              "Шаг 1", "Шаг 2", "Шаг 3"]
    mech_rows = [
        ["M01", "Welcome после первого визита", "Новички", "Первый визит", "Первый чек", "", "информационное",
         "Второй визит в течение 14 дней", "Чек закрыт", "Чек закрыт", "Конверсия во 2-й визит ≥ 18%",
         "Ирина Котова (CRM)", "работает", "14.10.2026",
         "push в день визита, 19:00 — «Спасибо, что зашли! 150 баллов ждут вас на следующий визит»",
         "email через 3 дня, 12:00 — «Наше меню, адреса кофеен и как работает loyalty»",
         "push через 7 дней, 18:00 — «150 баллов сгорят в воскресенье — заходите на кофе»"],
        ["M02", "Вступление в UDS", "Новички", "Вступил в UDS", "Регистрация в UDS", "", "сервисное",
         "Первое списание баллов", "Оплата баллами", "Оплата баллами", "Доля списавших баллы за 30 дней ≥ 25%",
         "Ирина Котова (CRM)", "работает", "14.10.2026",
         "email сразу — «Добро пожаловать в клуб! 200 баллов уже на счёте»",
         "push через 1 день, 13:00 — «Покажите QR в UDS на кассе и оплатите баллами до 30% чека»",
         ""],
        ["M03", "Спасибо за визит — постоянные", "Постоянные", "Повторные визиты", "Чек закрыт", "", "сервисное",
         "Гость тратит баллы на следующем визите", "Оплата баллами", "Оплата баллами",
         "Доля чеков с оплатой баллами ≥ 20%", "Артём Лебедев (маркетинг)", "работает", "02.11.2026",
         "push через 2 часа после чека — «Начислили баллы за визит, спасибо!»",
         "Telegram через 1 день, 12:00 — «Меню недели и новинки бара»",
         "push через 7 дней, 17:00 — «Сезонное меню уже в кофейнях»"],
        # look-alike FREQ002: same event as M03 but another segment
        ["M04", "Золото: x2 баллов за визит", "Золото UDS", "Постоянный гость", "Чек закрыт", "", "сервисное",
         "Гость тратит повышенные баллы", "Оплата баллами", "Оплата баллами", "Частота визитов Золота ≥ 4 в месяц",
         "Артём Лебедев (маркетинг)", "работает", "02.11.2026",
         "push через 1 час после чека — «Золото: начислили x2 баллов за сегодняшний визит»",
         "", ""],
        # INT003 defect (SMS "not read"), look-alike COST002 (call to high tier)
        ["M05", "Бронь VIP-зала для Золота", "Золото UDS", "Банкеты и события", "Бронь стола", "", "сервисное",
         "Гость пришёл по брони", "Чек закрыт", "Чек закрыт", "Доля неявок по броням ≤ 5%",
         "Ольга Смирнова (управляющая)", "работает", "21.10.2026",
         "SMS сразу после брони — «Стол в VIP-зале забронирован, ждём вас»",
         "звонок за 3 часа до брони, если гость не прочитал SMS — «Хостес подтверждает бронь и уточняет повод»",
         ""],
        # COST001 defect: SMS first, e-mail as fallback on SMS feedback
        ["M06", "День рождения гостя", "Постоянные", "Постоянный гость", "Скоро день рождения", "", "промо",
         "Визит в неделю дня рождения", "Чек закрыт", "Чек закрыт", "Конверсия в визит ≥ 22%",
         "Ирина Котова (CRM)", "работает", "14.10.2026",
         "SMS за 3 дня до дня рождения, 11:00 — «Дарим десерт и −15% всю неделю рождения»",
         "email через 1 час, если SMS не доставлено — «Дарим десерт и −15% всю неделю рождения»",
         ""],
        # look-alike COST001: e-mail first, push fallback
        ["M07", "Реактивация спящих", "Спящие", "Засыпает", "", "раз в 2 недели, вторник", "промо",
         "Визит после паузы", "Чек закрыт", "Чек закрыт", "Реактивация ≥ 6% за 30 дней",
         "Артём Лебедев (маркетинг)", "работает", "02.11.2026",
         "email во вторник, 11:00 — «Скучаем! −20% на любимый напиток»",
         "push через 1 день, 13:00, если email не открыт — «−20% ждут вас до воскресенья»",
         ""],
        ["M08", "Опрос ушедших гостей", "Спящие", "Ушёл", "", "раз в 2 недели, четверг", "сервисное",
         "Вернуть гостя и узнать причину ухода", "Чек закрыт", "Чек закрыт", "Доля ответивших ≥ 8%, возврат ≥ 3%",
         "Ольга Смирнова (управляющая)", "работает", "21.10.2026",
         "email в четверг, 12:00 — «Что пошло не так? 3 вопроса и кофе в подарок за ответ»",
         "push через 3 дня, если email не открыт — «Ответьте на 3 вопроса — кофе за наш счёт»",
         "SMS через 5 дней, если push не открыт — «Ссылка на короткий опрос, кофе в подарок»"],
        # FREQ001 defect: daily push to delivery guests (7 a week, cap 5)
        ["M09", "Обед дня в доставке", "Доставка", "Повторные визиты", "", "ежедневно, 11:30", "контент",
         "Заказ доставки в обед", "Заказ доставки", "Заказ доставки", "Заказов в обед +12% к прошлому месяцу",
         "Денис Орлов (доставка)", "работает", "09.11.2026",
         "push в 11:30 — «Обед дня: суп + горячее, меню на сегодня в приложении»",
         "", ""],
        # GOV003 defect: no owner; look-alike COV003: service steps to opted-out guests
        ["M10", "Заказ доставки: статус и оценка", "Доставка, Отписались", "Повторные визиты", "Заказ доставки", "",
         "сервисное", "Использовать баллы при следующем заказе", "Оплата баллами", "Оплата баллами",
         "Доля повторных заказов с баллами ≥ 15%", "", "работает", "09.11.2026",
         "SMS сразу после заказа — «Заказ принят, привезём за 60 минут»",
         "email через 2 дня, 12:00 — «Как вам заказ? Оцените в один клик»",
         ""],
        # MAP001 defect (stage name is a segment name), COST002 defect (call to 41k standard guests)
        ["M11", "Дегустация: звонок постоянным", "Постоянные", "Постоянные гости", "", "раз в месяц, за 5 дней до дегустации",
         "промо", "Запись на дегустацию", "Бронь стола", "Бронь стола", "Записались ≥ 3% обзвоненных",
         "Ольга Смирнова (управляющая)", "работает", "21.10.2026",
         "звонок за 5 дней до дегустации, 12:00–18:00 — «Приглашаем на винный ужин шефа»",
         "", ""],
        # TRK002 defect: triggered by an event that does not reach the CRM
        ["M12", "Спасибо за оценку", "Постоянные, Золото UDS", "Постоянный гость", "Оценка визита", "", "сервисное",
         "Повторный визит после оценки", "Чек закрыт", "Чек закрыт", "Повторный визит за 14 дней ≥ 30%",
         "Ирина Котова (CRM)", "работает", "14.10.2026",
         "email через 1 час после оценки — «Спасибо за оценку! Начислили 50 баллов»",
         "", ""],
    ]
    tables["Механики лояльности"] = (mech_h, mech_rows)

    for name, (headers, rows) in tables.items():
        with open(mdir / f"{name}.csv", "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(headers)
            w.writerows(rows)

    mapping = {
        "Сегменты гостей": {"Сегмент": "id", "Кто это": "ignore", "Гостей в базе": "size",
                            "Уровень": "tier", "Не беспокоить": "excluded"},
        "Этапы гостя": {"Этап": "id", "Что делает гость": "ignore", "Следующий этап": "next",
                        "Финальный?": "final"},
        "События из iiko": {"Событие в iiko": "id", "Откуда приходит": "source", "Доходит до CRM?": "tracked",
                            "Комментарий": "ignore"},
        "Каналы": {"Канал": "id", "Тип": "kind", "Через систему": "system", "Комментарий": "ignore"},
        "Системы и потоки": {"Система": "id", "Что делает": "ignore", "Отправляет": "channel",
                             "Получает данные из": "source", "Передаёт данные / отклики в": "sends_to"},
        "Механики лояльности": {"Код": "id", "Механика": "name", "Кому": "segments", "Этап гостя": "stage",
                                "Запуск по событию": "trigger", "Расписание": "schedule",
                                "Тип рассылки": "message_type", "Цель": "goal", "Целевое событие": "goal_event",
                                "Стоп, если": "stop_event", "KPI": "kpi", "Ответственный": "owner",
                                "Статус": "status", "Обновлено": "last_reviewed",
                                "Шаг 1": "step", "Шаг 2": "step", "Шаг 3": "step"},
    }

    defects = [
        ("MAP001", "Постоянные гости",
         "M11 «Этап гостя» = «Постоянные гости», такого этапа нет (есть этап «Постоянный гость», а «Постоянные» — сегмент)."),
        ("TRK002", "Оценка визита",
         "M12 запускается событием «Оценка визита», у которого «Доходит до CRM?» = нет."),
        ("INT003", "M05",
         "M05 шаг 2 (звонок) стоит на условии «гость не прочитал SMS», а SMS не сообщает о прочтении."),
        ("COST001", "M06",
         "M06 начинается с SMS и на отклик SMS («не доставлено») откатывается на более дешёвый email."),
        ("FREQ001", "Доставка",
         "M09 шлёт push сегменту «Доставка» ежедневно — 7 push в неделю при лимите 5."),
        ("FLOW002", "Банкеты и события",
         "Ни один этап не ведёт в «Банкеты и события» (от «Первый визит» до него не дойти)."),
        ("GOV003", "M10",
         "M10 работает, но «Ответственный» пуст."),
        ("COST002", "M11",
         "M11 — звонок сегменту «Постоянные» (41 000 гостей, уровень стандарт): массовый сегмент, не VIP."),
    ]
    lookalikes = [
        ("COST002", "M05",
         "Звонок в M05 идёт только «Золото UDS»: 3 200 гостей больше порога, но уровень «высокий», значит правило не срабатывает."),
        ("COV003", "M10",
         "M10 доходит до исключённого сегмента «Отписались», но тип рассылки «сервисное» (статус заказа), а не промо/новости/контент."),
        ("COST001", "M07",
         "M07 — каскад email → push: начинается не с SMS/звонка, email → push правилом прямо исключён."),
        ("FREQ002", "M04",
         "M03 и M04 запускаются одним событием «Чек закрыт», но для разных сегментов (Постоянные и Золото UDS)."),
    ]
    write_answers(root, "Сеть кофеен: карта loyalty-механик (экспорт Google Sheets в CSV)",
                  map_dir_name, "ru", defects, lookalikes, columns_of(tables, mapping))


# --------------------------------------------------------------------------- #
# 2. insurance_two_sheets_en (xlsx, English)
# --------------------------------------------------------------------------- #
def build_insurance():
    root = HERE / "insurance_two_sheets_en"
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    fname = "insurance_comms_map.xlsx"

    d = dt.date
    tables = {}

    prog_h = ["Code", "Programme name", "Audience", "Lifecycle stage", "Trigger event", "Schedule", "Objective",
              "Success event", "Exit when", "KPI", "Owner", "Status", "Last reviewed", "Notes"]
    prog_rows = [
        ["QTE-01", "Quote follow-up", "QUOTE", "Quote", "quote_created", "",
         "Convert saved quotes into policies", "policy_bound", "policy_bound", "Quote-to-bind ≥ 14%",
         "Acquisition – Sam Hughes", "Live", d(2026, 10, 6), ""],
        # FREQ002 defect: second live programme on quote_created for QUOTE
        ["QTE-02", "Saved quote online discount", "QUOTE", "Quote", "quote_created", "",
         "Close price-sensitive quotes with 10% online discount", "policy_bound", "policy_bound",
         "Discount redemption ≥ 6%", "Pricing – Leah Moss", "Live", d(2026, 9, 22),
         "set up by pricing team in Q3"],
        # TRK001 defect: exit event policy_cancelled is not in Events
        ["ONB-01", "Welcome & onboarding", "MOTOR, HOME", "Onboarding", "policy_bound", "",
         "Customer activates the app within 14 days", "app_login", "app_login, policy_cancelled",
         "App activation ≥ 40%", "CX – Priya Nair", "Live", d(2026, 10, 13), ""],
        # look-alike FLOW003: loop 2 -> 3 -> 2, bounded by exit event policy_renewed
        ["RNW-01", "Motor renewal reminders", "MOTOR", "Renewal", "renewal_invite_issued", "",
         "Renew before expiry", "policy_renewed", "policy_renewed", "Motor retention ≥ 82%",
         "Retention – James Patel", "Live", d(2026, 11, 3), "weekly reminder until renewed"],
        # INT002 defect: email conditioned on Braze push feedback, Braze sends nothing back to SFMC
        ["RNW-02", "Home renewal reminders", "HOME", "Renewal", "renewal_invite_issued", "",
         "Renew before expiry", "policy_renewed", "policy_renewed", "Home retention ≥ 85%",
         "Retention – James Patel", "Live", d(2026, 11, 3), ""],
        # FLOW003 + FLOW004 defects: endless loop 1 -> 2 -> 3 -> 1, no exit at all
        ["PAY-01", "Missed payment chaser", "MONTHLY", "Mid-term", "payment_failed", "",
         "Recover the missed direct debit", "payment_received", "", "Recovered within 14 days ≥ 70%",
         "Billing – Tom Reid", "Live", d(2026, 10, 20), ""],
        # look-alike COV003: service touches reach VUL (excluded)
        ["CLM-01", "Claim updates", "CLAIM, VUL", "Mid-term", "claim_opened", "",
         "Keep claimants informed, CSAT ≥ 4", "claim_settled", "claim_settled", "Claims CSAT ≥ 4.2",
         "Claims – Ana Costa", "Live", d(2026, 9, 29), "regulatory: all claimants incl. vulnerable"],
        # MAP005 defect: live programme with no touches on the Touches sheet
        ["XS-01", "Home cover for motor customers", "MOTOR", "Mid-term", "", "Quarterly",
         "Sell home cover to motor-only customers", "policy_bound", "policy_bound", "Cross-sell rate ≥ 2%",
         "Cross-sell – Leah Moss", "Live", d(2026, 10, 27), "touches with the agency"],
        ["XS-02", "Travel cover offer", "HOME", "Mid-term", "", "Monthly, 1st Monday",
         "Sell annual travel cover to home customers", "policy_bound", "policy_bound", "Travel attach ≥ 3%",
         "Cross-sell – Leah Moss", "Live", d(2026, 10, 27), ""],
        # COV003 defect: newsletter goes to OPTOUT (excluded)
        ["NEWS-01", "Stay safe newsletter", "MOTOR, HOME, OPTOUT", "Mid-term", "", "Monthly, last Thursday",
         "Keep customers engaged between renewals", "app_login", "app_login", "Open rate ≥ 28%",
         "Brand – Chloe Evans", "Live", d(2026, 11, 10), ""],
        # look-alike COST002: call to MULTI (7,400 but High tier)
        ["MLT-01", "Multi-policy check-in call", "MULTI", "Mid-term", "", "Quarterly",
         "Retain multi-policy households", "policy_renewed", "policy_renewed", "Multi-policy retention ≥ 90%",
         "Retention – James Patel", "Live", d(2026, 11, 3), ""],
        ["LPS-01", "Lapsed win-back", "LAPSED", "Lapsed", "", "Monthly, 2nd Tuesday",
         "Get lapsed customers to re-quote", "quote_created", "quote_created", "Re-quote rate ≥ 5%",
         "Retention – James Patel", "Live", d(2026, 11, 3), ""],
        # CNT001 defect: objective empty
        ["LPS-02", "Lapse confirmation", "LAPSED", "Lapsed", "policy_lapsed", "",
         "", "quote_created", "quote_created", "NCD certificate downloads ≥ 50%",
         "Billing – Tom Reid", "Live", d(2026, 10, 20), ""],
    ]
    tables["Programmes"] = (prog_h, prog_rows)

    t_h = ["Programme", "Touch #", "Channel", "Send timing", "Only if", "Content type", "Message", "Next touch"]
    t_rows = [
        ["Quote follow-up", 1, "Email", "+1 hour", "", "Service",
         "Your quote is saved – pick up where you left off", 2],
        ["Quote follow-up", 2, "SMS", "+2 days", "email not opened", "Service",
         "Your quote ref {ref} is valid for 30 days", None],
        ["Saved quote online discount", 1, "Email", "+1 day", "", "Promo",
         "Buy online this week and get 10% off", None],
        ["Welcome & onboarding", 1, "Email", "immediately", "", "Service",
         "Welcome! Your policy documents are attached", 2],
        ["Welcome & onboarding", 2, "SMS", "+3 days", "", "Service",
         "Get the app to manage your policy: {link}", None],
        ["Motor renewal reminders", 1, "Email", "same day, 09:00", "", "Service",
         "Your motor renewal price is ready", 2],
        ["Motor renewal reminders", 2, "Push", "+5 days", "email not opened", "Service",
         "Renew in two taps in the app", 3],
        ["Motor renewal reminders", 3, "Push", "+7 days", "", "Service",
         "Your cover ends on {end_date} – renew now", 2],
        ["Home renewal reminders", 1, "Push", "same day, 09:00", "", "Service",
         "Your home renewal is ready in the app", 2],
        ["Home renewal reminders", 2, "Email", "+2 days", "push not opened", "Service",
         "Your home renewal price and documents", 3],
        ["Home renewal reminders", 3, "Push", "+10 days", "", "Service",
         "Last reminder: your home cover ends soon", None],
        ["Missed payment chaser", 1, "Email", "same day", "", "Service",
         "Your direct debit didn't go through", 2],
        ["Missed payment chaser", 2, "SMS", "+3 days", "no payment_received", "Service",
         "Please update your payment to stay covered", 3],
        ["Missed payment chaser", 3, "Push", "+4 days", "", "Service",
         "Reminder: payment still due – pay in the app", 1],
        ["Claim updates", 1, "SMS", "immediately", "", "Service",
         "We've got your claim, ref {claim_ref}", 2],
        ["Claim updates", 2, "Email", "+1 day", "", "Service",
         "What happens next with your claim", 3],
        ["Claim updates", 3, "Push", "+7 days", "", "Service",
         "Claim status update – see details in the app", None],
        ["Travel cover offer", 1, "Push", "10:00", "", "Promo",
         "Home customers save 20% on annual travel cover", 2],
        ["Travel cover offer", 2, "Push", "+7 days", "", "Promo",
         "Last week for 20% off travel cover", None],
        ["Stay safe newsletter", 1, "Email", "10:00", "", "Newsletter",
         "Winter driving and frozen-pipe tips", None],
        ["Multi-policy check-in call", 1, "Call", "weekday 10:00–16:00", "", "Service",
         "Account manager reviews all policies and renewal dates", None],
        ["Lapsed win-back", 1, "Email", "10:00", "", "Promo",
         "Come back – 15% off your first year", 2],
        ["Lapsed win-back", 2, "SMS", "+5 days", "email not opened", "Promo",
         "15% off if you re-quote this month", None],
        ["Lapse confirmation", 1, "Email", "immediately", "", "Service",
         "Your cover has ended – what this means", 2],
        ["Lapse confirmation", 2, "Push", "+7 days", "", "Service",
         "Download your no-claims discount certificate", None],
    ]
    tables["Touches"] = (t_h, t_rows)

    seg_h = ["Segment ID", "Segment", "Customers", "Value tier", "Exclude from marketing (Y/N)"]
    seg_rows = [
        ["MOTOR", "Motor policyholders", 62000, "Standard", "N"],
        ["HOME", "Home policyholders", 28500, "Standard", "N"],
        ["MULTI", "Multi-policy households", 7400, "High", "N"],
        ["MONTHLY", "Pay monthly by direct debit", 31000, "Standard", "N"],
        ["QUOTE", "Quoted, not bought (last 30 days)", 21000, "Standard", "N"],
        ["CLAIM", "Open claim", 3100, "Standard", "N"],
        ["LAPSED", "Lapsed in last 12 months", 15200, "Standard", "N"],
        ["OPTOUT", "Opted out of marketing", 9800, "Standard", "Y"],
        ["VUL", "Vulnerable customers (FCA flag)", 1900, "", "Y"],
    ]
    tables["Segments"] = (seg_h, seg_rows)

    st_h = ["Stage", "What happens", "Next stage", "Final stage?"]
    st_rows = [
        ["Quote", "Customer gets a quote online or by phone", "Onboarding", "N"],
        ["Onboarding", "Policy bought, documents and app set-up", "Mid-term", "N"],
        ["Mid-term", "Policy in force: payments, claims, cross-sell", "Renewal", "N"],
        ["Renewal", "Invite issued 30 days before expiry", "Lapsed", "N"],
        # FLOW001 defect: not final, no way onward
        ["Lapsed", "Policy not renewed or cancelled", "", "N"],
    ]
    tables["Policy lifecycle"] = (st_h, st_rows)

    ev_h = ["Event", "Description", "Source system", "Tracked? (Y/N)"]
    ev_rows = [
        ["quote_created", "Quote saved with contact details", "Quote engine", "Y"],
        ["policy_bound", "Policy purchased", "Guidewire PAS", "Y"],
        ["app_login", "Customer logged into the app", "Mobile app", "Y"],
        ["payment_failed", "Direct debit collection failed", "Payments hub", "Y"],
        ["payment_received", "Missed payment recovered", "Payments hub", "Y"],
        ["claim_opened", "First notification of loss registered", "ClaimCenter", "Y"],
        ["claim_settled", "Claim paid or closed", "ClaimCenter", "Y"],
        ["renewal_invite_issued", "Renewal invite generated (T-30)", "Guidewire PAS", "Y"],
        ["policy_renewed", "Renewal accepted", "Guidewire PAS", "Y"],
        ["policy_lapsed", "Policy ended without renewal", "Guidewire PAS", "Y"],
        # look-alike TRK005: not tracked, unused
        ["web_page_view", "Any page view on the website (analytics only)", "Website", "N"],
    ]
    tables["Events"] = (ev_h, ev_rows)

    sys_h = ["System", "Role", "Sends via", "Receives data from", "Sends data to"]
    sys_rows = [
        ["Quote engine", "Web and phone quote engine", "", "", "SFMC, Braze, Guidewire PAS"],
        ["Guidewire PAS", "Policy administration", "", "Quote engine", "SFMC, Braze, Genesys"],
        ["Payments hub", "Direct debit collections", "", "", "SFMC, Braze"],
        ["ClaimCenter", "Claims handling", "", "", "SFMC, Braze"],
        ["Mobile app", "Customer app (policies, claims, payments)", "", "", "SFMC, Braze"],
        ["Website", "Public website", "", "", "Snowflake"],
        ["SFMC", "Salesforce Marketing Cloud – email and SMS journeys", "Email, SMS",
         "Quote engine, Guidewire PAS, Payments hub, ClaimCenter, Mobile app, Genesys", "Braze, Genesys, Snowflake"],
        ["Braze", "App push", "Push",
         "Quote engine, Guidewire PAS, Payments hub, ClaimCenter, Mobile app, SFMC", "Snowflake"],
        ["Genesys", "Contact centre outbound calls", "Call", "Guidewire PAS, SFMC", "SFMC"],
        ["Snowflake", "Data warehouse / reporting", "", "SFMC, Braze, Website", ""],
    ]
    tables["Systems & feeds"] = (sys_h, sys_rows)

    wb = Workbook()
    wb.remove(wb.active)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for name, (headers, rows) in tables.items():
        ws = wb.create_sheet(name)
        ws.append(headers)
        for c in ws[1]:
            c.font = bold
            c.fill = fill
        for r in rows:
            ws.append(r)
        for col in ws.columns:
            width = max(len(str(c.value)) if c.value is not None else 0 for c in col)
            ws.column_dimensions[col[0].column_letter].width = min(max(10, width + 2), 60)
        for row in ws.iter_rows(min_row=2):
            for c in row:
                if isinstance(c.value, dt.date):
                    c.number_format = "dd/mm/yyyy"
        ws.freeze_panes = "A2"
    wb.save(root / fname)

    mapping = {
        "Programmes": {"Code": "id", "Programme name": "name", "Audience": "segments", "Lifecycle stage": "stage",
                       "Trigger event": "trigger", "Schedule": "schedule", "Objective": "goal",
                       "Success event": "goal_event", "Exit when": "stop_event", "KPI": "kpi", "Owner": "owner",
                       "Status": "status", "Last reviewed": "last_reviewed", "Notes": "ignore"},
        "Touches": {"Programme": "scenario", "Touch #": "step", "Channel": "channel", "Send timing": "timing",
                    "Only if": "condition", "Content type": "message_type", "Message": "message",
                    "Next touch": "next"},
        "Segments": {"Segment ID": "id", "Segment": "name", "Customers": "size", "Value tier": "tier",
                     "Exclude from marketing (Y/N)": "excluded"},
        "Policy lifecycle": {"Stage": "id", "What happens": "ignore", "Next stage": "next", "Final stage?": "final"},
        "Events": {"Event": "id", "Description": "ignore", "Source system": "source", "Tracked? (Y/N)": "tracked"},
        "Systems & feeds": {"System": "id", "Role": "ignore", "Sends via": "channel",
                            "Receives data from": "source", "Sends data to": "sends_to"},
    }

    defects = [
        ("MAP005", "XS-01",
         "XS-01 'Home cover for motor customers' is Live but has no rows on the Touches sheet."),
        ("COV003", "OPTOUT",
         "NEWS-01 newsletter (content type Newsletter) targets OPTOUT, which is marked Exclude from marketing = Y."),
        ("FLOW001", "Lapsed",
         "Stage 'Lapsed' has Final stage? = N and no Next stage."),
        ("FLOW003", "PAY-01",
         "PAY-01 touches loop 1 -> 2 -> 3 -> 1 with no Exit when and no bound; touch 2's 'no payment_received' condition does not bound it."),
        ("FLOW004", "PAY-01",
         "PAY-01 has Success event payment_received but Exit when is empty, so payers keep getting touches."),
        ("TRK001", "policy_cancelled",
         "ONB-01 Exit when lists policy_cancelled, which is not on the Events sheet."),
        ("INT002", "RNW-02",
         "RNW-02 touch 2 (Email via SFMC) is conditioned on 'push not opened' from touch 1 (Braze), but Braze only sends data to Snowflake, not to SFMC."),
        ("FREQ002", "quote_created",
         "QTE-01 and QTE-02 are both Live, both fire on quote_created for segment QUOTE."),
        ("CNT001", "LPS-02",
         "LPS-02 'Lapse confirmation' has an empty Objective."),
    ]
    lookalikes = [
        ("COST002", "MLT-01",
         "MLT-01 calls MULTI (7,400 customers, over the 1,000 threshold) but the segment's Value tier is High, which the rule exempts."),
        ("COV003", "CLM-01",
         "CLM-01 reaches the excluded VUL segment, but all its touches are Service (claim updates), not promo/news/content."),
        ("FLOW003", "RNW-01",
         "RNW-01 touches 2 -> 3 -> 2 form a loop, but the programme exits on policy_renewed (a stop event), so it is bounded."),
        ("TRK005", "web_page_view",
         "web_page_view is used by nothing, but it is marked Tracked = N; the rule is about tracked events only."),
    ]
    write_answers(root, "Insurer communication map: programmes and touches on separate sheets",
                  fname, "en", defects, lookalikes, columns_of(tables, mapping))


def main():
    build_restaurant()
    build_insurance()
    print("corpus19 built in", HERE)


if __name__ == "__main__":
    main()
