"""Build corpus10: three client-style communication maps with answer keys.

Run from /work/main:
    . .venv/bin/activate && python tests/corpus10/build.py

Writes
  pharmacy_ru/      multi-sheet workbook of a pharmacy chain's CRM team (RU)
  langschool_en/    Google Sheets export (one CSV per tab) of a kids' online school (EN)
  furniture_ru/     one-sheet workbook kept by a furniture shop owner (RU, informal)
each with an answers.toml.  See README.md for what is planted and what is clean.
"""
from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill

HERE = Path(__file__).resolve().parent
TODAY = "2026-11-28"

BOLD = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="D9E1F2")


# ----------------------------------------------------------------- helpers
def q(s: str) -> str:
    """TOML basic string."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_answers(folder: Path, title: str, map_path: str, lang: str,
                  defects: list, lookalikes: list, columns: list) -> None:
    out = [f"title = {q(title)}", f"map = {q(map_path)}", f"lang = {q(lang)}",
           f"today = {q(TODAY)}", ""]
    for kind, items in (("defect", defects), ("lookalike", lookalikes)):
        for code, match, why in items:
            out += [f"[[{kind}]]", f"code = {q(code)}", f"match = {q(match)}",
                    f"why = {q(why)}", ""]
    for sheet, header, field in columns:
        out += ["[[column]]", f"sheet = {q(sheet)}", f"header = {q(header)}",
                f"field = {q(field)}", ""]
    (folder / "answers.toml").write_text("\n".join(out), encoding="utf-8")


def table(ws, headers, rows, start_row=1, start_col=1, fill=HEAD_FILL):
    """Write a header + rows block; returns next free row."""
    for j, h in enumerate(headers):
        c = ws.cell(row=start_row, column=start_col + j, value=h)
        c.font = BOLD
        if fill is not None:
            c.fill = fill
    r = start_row + 1
    for row in rows:
        for j, v in enumerate(row):
            if v is None or v == "":
                continue
            c = ws.cell(row=r, column=start_col + j, value=v)
            if isinstance(v, (dt.date, dt.datetime)):
                c.number_format = "DD.MM.YYYY"
        r += 1
    return r


def cols(sheet, headers, fields):
    assert len(headers) == len(fields), (sheet, headers, fields)
    return [(sheet, h, f) for h, f in zip(headers, fields)]


def fresh(folder: Path) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    return folder


# ====================================================================
# Map 1 — pharmacy chain loyalty programme, classic multi-sheet workbook
# ====================================================================
def build_pharmacy() -> None:
    folder = fresh(HERE / "pharmacy_ru")
    fname = "Карта_коммуникаций_Забота_v3.2.xlsx"
    wb = Workbook()
    columns = []

    # --- title sheet (key/value, not a table)
    ws = wb.active
    ws.title = "Титул"
    ws["A1"] = "Карта коммуникаций — программа лояльности «Забота»"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Аптечная сеть «Фарма-Дом», CRM-отдел"
    ws["A4"], ws["B4"] = "Версия", "3.2"
    ws["A5"], ws["B5"] = "Дата последнего пересмотра", "14.09.2026"
    ws["A6"], ws["B6"] = "Владелец карты", "Ковалева Е.А. (руководитель CRM)"
    ws["A8"] = ("Легенда: зелёным — сценарии в проде, жёлтым — правки к след. "
                "спринту. Коды сегментов см. лист «Сегменты».")
    ws["A9"] = "Все рассылки идут из Mindbox, обзвон — колл-центр на Oktell."
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 36

    # --- segments
    ws = wb.create_sheet("Сегменты")
    h = ["Код", "Сегмент", "Кол-во клиентов", "Уровень обсл.", "Входит в",
         "Стоп-лист", "Комментарий"]
    rows = [
        ["ALL", "Все участники программы", "412 000", "массовый", "", "нет",
         "вся база с картой"],
        ["NEW", "Новые участники (до 30 дн.)", 18500, "массовый", "", "нет", ""],
        ["ACT", "Активные (покупка за 90 дн.)", "236 000", "массовый", "", "нет", ""],
        ["SLEEP", "Спящие (нет покупок 90–180 дн.)", "61 000", "массовый ", "",
         "нет", "после 180 дн. — в отток, отдельно не работаем"],
        ["CHR", "Хронические пациенты (регулярные рецептурные)", 44000,
         "массовый", "ACT", "нет", "по чекам: 3+ покупки одного МНН"],
        ["PLAT", "Платиновая карта", 450, "VIP", "ACT", "нет",
         "пересчёт раз в квартал"],
        ["MOM", "Мамы и малыши", "27 300", "массовый", "", "нет",
         "покупки в категории «Детское» за 6 мес"],
        ["NOADV", "Запрет рекламы (стоп-лист)", "9 800", "", "", "ДА",
         "отписались / жалобы; только сервисные!"],
    ]
    table(ws, h, rows)
    ws["B7"].comment = Comment("список от категорийщиков, обновляем раз в квартал",
                               "Смирнова А.")
    columns += cols("Сегменты", h, ["id", "name", "size", "tier", "parent",
                                    "excluded", "ignore"])

    # --- journey stages
    ws = wb.create_sheet("Этапы CJM")
    h = ["№", "Этап", "Следующий этап", "Финальный?", "Описание"]
    rows = [
        [1, "Знакомство с программой", "Первая покупка", "нет",
         "оформил карту, ещё не покупал"],
        [2, "Первая покупка", "Повторные покупки", "нет", ""],
        [3, "Повторные покупки", "Постоянный клиент", "нет",
         "2+ покупки, формируем привычку"],
        [4, "Постоянный клиент", "", "да", "ядро базы, удержание"],
    ]
    table(ws, h, rows)
    columns += cols("Этапы CJM", h, ["ignore", "name", "next", "final", "ignore"])

    # --- events
    ws = wb.create_sheet("События")
    h = ["Код события", "Событие", "Источник", "Отслеживаем?", "Комментарий"]
    rows = [
        ["card_registered", "Регистрация карты лояльности", "1С:Розница", "да", ""],
        ["purchase", "Покупка по карте", "1С:Розница", "да", "чек с картой"],
        ["online_order", "Онлайн-заказ оплачен", "Приложение «Забота»", "+",
         "сайт и приложение"],
        ["cart_abandoned", "Брошенная корзина в приложении", "Приложение «Забота»",
         "нет (ждём разметку от моб. команды)", "задача MOB-412"],
        ["rx_refill_due", "Расчётная дата окончания препарата", "DWH", "✓",
         "считаем по дозировке из справочника"],
        ["no_purchase_90d", "Нет покупок 90 дней", "DWH", "да", "ночной пересчёт"],
        ["order_ready", "Заказ собран, готов к выдаче", "1С:Розница", "да", ""],
        ["order_picked_up", "Заказ выкуплен", "1С:Розница", "да", ""],
    ]
    table(ws, h, rows)
    columns += cols("События", h, ["id", "name", "source", "tracked", "ignore"])

    # --- channels
    ws = wb.create_sheet("Каналы")
    h = ["Канал", "Тип", "Комментарий"]
    rows = [
        ["Email", "email", "~70% базы с подтверждённым адресом"],
        ["SMS", "sms", "дорого, только по делу"],
        ["Push", "push", "моб. приложение «Забота»"],
        ["Звонок", "call", "колл-центр, по согласованию с рук. КЦ"],
    ]
    table(ws, h, rows)
    columns += cols("Каналы", h, ["name", "kind", "ignore"])

    # --- systems
    ws = wb.create_sheet("Системы")
    h = ["Система", "Отправляет", "Получает события от", "Передаёт данные в",
         "Комментарий"]
    rows = [
        ["Mindbox", "Email, SMS, Push", "1С:Розница, Приложение «Забота», DWH",
         "Oktell", "CDP + рассылки, SMS через шлюз внутри Mindbox"],
        ["Oktell", "Звонок", "Mindbox, 1С:Розница", "",
         "задачи на обзвон + история чеков для оператора"],
        ["1С:Розница", "", "", "Mindbox, Oktell, DWH", "кассы и заказы"],
        ["Приложение «Забота»", "", "", "Mindbox", "iOS/Android"],
        ["DWH", "", "1С:Розница", "Mindbox", "расчётные события, ночью"],
    ]
    table(ws, h, rows)
    columns += cols("Системы", h, ["name", "channel", "source", "sends_to", "ignore"])

    # --- scenarios
    ws = wb.create_sheet("Сценарии")
    h = ["ID", "Сценарий", "Тип запуска", "Этап CJM", "Сегмент(ы)",
         "Событие-триггер", "Периодичность", "Цель", "Целевое событие", "Стоп",
         "KPI", "Отв.", "Статус", "Посл. ревью", "Комментарий"]
    rows = [
        ["SC01", "Welcome-цепочка новых участников", "триггерный",
         "Знакомство с программой", "NEW", "card_registered", "",
         "Первая покупка по карте в течение 14 дней", "purchase", "purchase",
         "CR в первую покупку ≥ 25%", "Ковалева Е.", "активен", "03.09.2026", ""],
        ["SC02", "Брошенная корзина в приложении", "триггер", "Первая покупка",
         "ACT, NEW", "cart_abandoned", "", "Дооформление онлайн-заказа",
         "online_order", "online_order", "Возврат корзин 12%", "Петров Д. (CRM)",
         "Активен", dt.datetime(2026, 10, 14), "запустили в сентябре"],
        ["SC03", "Напоминание о пополнении препаратов", "триггерный",
         "Повторные покупки", "CHR", "rx_refill_due", "",
         "Повторная покупка препарата в нашей аптеке", "purchase", "",
         "Доля повторных покупок МНН +5 п.п.", "Смирнова А.", "активен",
         "2026-08-21", ""],
        ["SC04", "Персональный провизор (Платина)", "рег.", "Постоянный клиент",
         "PLAT", "", "ежемесячно, 1-й пн",
         "Удержание VIP: покупка каждый месяц", "purchase", "purchase",
         "Retention платины 90%", "Ковалева Е.", "активен", "01.06.2026",
         "провизоры: Анна, Марина"],
        ["SC05", "Реактивация спящих", "триггерный", "Реактивация", "SLEEP",
         "no_purchase_90d", "", "Вернуть к покупкам", "purchase", "purchase",
         "Реактивация 6% за 30 дн.", "Петров Д.", "работает", "12.10.26", ""],
        ["SC06", "Осенняя акция «Иммунитет»", "регулярный", "Повторные покупки",
         "ACT; SLEEP; NOADV", "", "еженедельно по чт, 01.10–30.11.2026",
         "Продажи категории «Витамины и иммунитет»", "purchase", "purchase",
         "Выручка категории +15% г/г", "Смирнова А. (категорийный)", "Активен ",
         dt.datetime(2026, 9, 30), "по всей базе"],
        ["SC07", "Заказ готов к выдаче", "триггерный", "Повторные покупки",
         "ALL, NOADV", "order_ready", "", "Выкуп заказа без звонков в аптеку",
         "order_picked_up", "order_picked_up", "Выкуп заказов ≥ 92%", "",
         "активен", "07.11.2026", "сервисное — шлём всем, в т.ч. стоп-листу"],
        ["SC08", "Мамы: «Здоровый малыш»", "регулярный", "Постоянный клиент",
         "MOM", "", "раз в 2 недели, вт",
         "Вовлечение мам и покупки в категории «Детское»", "purchase", "purchase",
         "Open rate 25%, выручка «Детское» +8%", "Смирнова А.", "активен",
         "15.10.2026 ", "контент пишет педиатр-консультант"],
    ]
    table(ws, h, rows)
    ws["E7"].comment = Comment("SLEEP + ACT — согласовано с категорийным", "Петров Д.")
    columns += cols("Сценарии", h, ["id", "name", "kind", "stage", "segments",
                                    "trigger", "schedule", "goal", "goal_event",
                                    "stop_event", "kpi", "owner", "status",
                                    "last_reviewed", "ignore"])

    # --- steps
    ws = wb.create_sheet("Шаги")
    h = ["Сценарий", "Шаг", "Канал", "Задержка", "Условие отправки", "След. шаг",
         "Тип сообщения ", "Сообщение / тема", "Комментарий"]
    rows = [
        ["SC01", "SC01.1", "Email", "сразу", "", "SC01.2", "информационное",
         "Добро пожаловать в «Забота»! Как копить и тратить баллы", ""],
        ["SC01", "SC01.2", "Push", "+2 дня", "", "SC01.3", "промо",
         "Вам начислено 200 приветственных баллов 🎁", ""],
        ["SC01", "SC01.3", "SMS", "через 5 дней", "не открыл письмо SC01.1", "",
         "промо", "Ваши 200 баллов сгорят через 9 дней. zabota.ru/b", ""],
        ["SC02", "SC02.1", "push", "1 час", "", "SC02.2", "информационное",
         "Товары в корзине — держим бронь в аптеке 24 ч", ""],
        ["SC02", "SC02.2", "Email", "+1 дн.", "", "", "информационное",
         "Ваши товары ждут: оформите заказ за 2 клика", "шаблон cart_v2"],
        ["SC03", "SC03.1", "Push", "сразу", "", "SC03.2", "информационное",
         "{Препарат} заканчивается через 5 дней — забронировать в аптеке рядом", ""],
        ["SC03", "SC03.2", "SMS ", "через 3 дня", "", "", "информационное",
         "Напоминание: пора пополнить {Препарат}. Бронь: zabota.ru/r", ""],
        ["SC04", "SC04.1", "SMS", "11:00", "", "SC04.2", "информационное",
         "Ваш персональный провизор Анна на связи: 8-800-555-36-36", ""],
        ["SC04", "SC04.2", "Звонок", "+2 дня", "SMS SC04.1 не прочитано", "",
         "сервисное", "Звонок провизора: подбор аптечки, запись на доставку",
         "скрипт у рук. КЦ"],
        ["SC05", "SC05.1", "email", "сразу", "", "SC05.2", "информационное",
         "У вас {N} баллов — вот что на них можно взять", ""],
        ["SC05", "SC05.2", "SMS", "через 3 дня", "не открыл письмо SC05.1",
         "SC05.3", "информационное",
         "{Имя}, ваши баллы сгорят 31.12. Потратить: zabota.ru/b", ""],
        ["SC05", "SC05.3", "Звонок", "+7 дн", "", "", "промо",
         "Обзвон: персональная скидка 20% на следующую покупку", "подрядчик КЦ"],
        ["SC06", "SC06.1", "Email", "чт 10:00", "", "", "промо",
         "Иммунитет на осень: −20% на витамины и противовирусные", ""],
        ["SC07", "SC07.1", "SMS", "сразу", "", "SC07.2", "сервисное",
         "Заказ №{N} готов, ждём вас в аптеке {Адрес} до {Дата}", ""],
        ["SC07", "SC07.2", "SMS", "+2 дня", "", "", "сервисное",
         "Заказ №{N} будет храниться до завтра", ""],
        ["SC08", "SC08.1", "Email", "вт 12:00", "", "SC08.2", "контентное",
         "«Здоровый малыш»: 3 совета педиатра на неделю", ""],
        ["SC08", "SC08.2", "Push", "через 7 часов", "", "", "контентное",
         "Новая статья: как собрать аптечку в садик", ""],
    ]
    table(ws, h, rows)
    ws["E10"].comment = Comment("как в welcome, только наоборот", "Ковалева Е.")
    columns += cols("Шаги", h, ["scenario", "step", "channel", "timing",
                                "condition", "next", "message_type", "message",
                                "ignore"])

    for s in wb.worksheets[1:]:
        for col in "ABCDEFGHIJKLMNO":
            s.column_dimensions[col].width = 22
        s.freeze_panes = "A2"
    wb.save(folder / fname)

    defects = [
        ("MAP001", "Реактивация",
         "SC05 'Реактивация спящих' names the stage 'Реактивация', which is not "
         "among the four stages on 'Этапы CJM'."),
        ("TRK002", "Брошенная корзина",
         "SC02 is triggered by cart_abandoned, which the events sheet marks "
         "'нет (ждём разметку…)' — not tracked."),
        ("FLOW004", "Напоминание о пополнении",
         "SC03 has goal event purchase but an empty stop column, so a customer "
         "who already bought still gets the SMS reminder."),
        ("COST002", "SC05",
         "Step SC05.3 is a call to SLEEP: 61 000 customers, tier 'массовый'."),
        ("INT003", "SC04",
         "Step SC04.2 is conditioned on 'SMS SC04.1 не прочитано'; SMS never "
         "reports reads/opens."),
        ("COV003", "SC06",
         "SC06 'Осенняя акция «Иммунитет»' sends a promo email to NOADV, which is "
         "the stop list (Стоп-лист = ДА)."),
        ("GOV003", "Заказ готов к выдаче",
         "SC07 is active but the owner cell (Отв.) is empty."),
    ]
    lookalikes = [
        ("COST002", "SC04",
         "The SC04.2 call goes to PLAT: 450 customers, tier VIP."),
        ("INT003", "SC01",
         "SC01.3 is conditioned on the welcome email not being opened; email "
         "does report opens."),
        ("COV003", "SC07",
         "SC07 reaches the stop list NOADV, but both steps are service "
         "messages (order ready), not promo, news or content."),
        ("GOV002", "Персональный провизор",
         "SC04 was reviewed on 01.06.2026, less than 6 months before "
         "2026-11-28 (the cutoff is 2026-05-28)."),
    ]
    write_answers(folder, "Фарма-Дом: программа лояльности «Забота» (multi-sheet)",
                  fname, "ru", defects, lookalikes, columns)


# ====================================================================
# Map 2 — kids' online language school, Google Sheets export as CSVs
# ====================================================================
def build_langschool() -> None:
    folder = fresh(HERE / "langschool_en")
    dname = "LinguaKids CRM map (export)"
    d = folder / dname
    d.mkdir()
    prefix = "LinguaKids comms map - "
    columns = []

    def write_csv(tab: str, headers, rows):
        path = d / f"{prefix}{tab}.csv"
        with path.open("w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            if headers:
                w.writerow(headers)
            w.writerows(rows)
        return path.name

    # About tab: key/value text, not a table
    with (d / f"{prefix}About.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerows([
            ["LinguaKids — CRM communication map", ""],
            ["Owner", "Priya N. (Lifecycle)"],
            ["Last reviewed", "2026-03-02"],
            ["Audience", "parents of kids 5–16, EU + UK"],
            ["How to edit", "one row per step on the Steps tab; ids never reused"],
        ])

    h = ["Segment ID", "Segment", "Est. size", "Tier", "Parent segment",
         "Stop list?", "Definition / notes"]
    rows = [
        ["LEADS", "Trial leads (booked free lesson)", "3,400", "standard", "",
         "FALSE", "form on site, last 60 days"],
        ["TRIAL_DONE", "Attended trial, not paid yet", "1150", "standard", "LEADS",
         "FALSE", ""],
        ["ACTIVE", "Active students (paid package)", "5,800", "standard", "",
         "FALSE", ""],
        ["YOUNG", "Young learners 5–8", "~2,300", "standard", "ACTIVE", "FALSE",
         "parent reads everything"],
        ["TEENS", "Teens 12–16", "1,400", "standard", "ACTIVE", "FALSE", ""],
        ["FAMILY", "Family plan (3+ kids)", "220", "high", "ACTIVE", "FALSE",
         "billing contact = parent"],
        ["LAPSED", "Lapsed (package ended 30+ days ago)", "2,100", "", "", "FALSE",
         ""],
        ["DNC", "Do not contact", "640", "", "", "TRUE",
         "unsubscribed / complaints / GDPR erasure pending"],
    ]
    n = write_csv("Segments", h, rows)
    columns += cols(n[:-4], h, ["id", "name", "size", "tier", "parent", "excluded",
                                "ignore"])

    h = ["Stage", "Next stage", "Final?", "What the parent needs"]
    rows = [
        ["Lead", "Trial lesson", "FALSE", "Is online OK for a 6-year-old?"],
        ["Trial lesson", "Learning", "FALSE", "See real progress in 25 min"],
        ["Learning", "Renewal", "FALSE", "Regular lessons, visible progress"],
        ["Renewal", "Referral", "FALSE", "Worth paying for another package?"],
        ["Referral", "", "TRUE", "Recommend us to other parents"],
    ]
    n = write_csv("Journey", h, rows)
    columns += cols(n[:-4], h, ["name", "next", "final", "ignore"])

    h = ["Event", "Description", "Source", "Tracked?", "Notes"]
    rows = [
        ["trial_booked", "Free trial booked (site form)", "Website", "Yes", ""],
        ["trial_attended", "Trial lesson attended", "LMS", "Yes", ""],
        ["package_paid", "Package paid", "Stripe", "yes", "webhook"],
        ["lesson_scheduled", "Lesson put in timetable", "LMS", "Yes", ""],
        ["lesson_completed", "Lesson completed (teacher closed it)", "LMS", "Yes",
         ""],
        ["package_low", "2 lessons left on package", "LMS", "✓", ""],
        ["package_expired", "Package ended, no renewal", "LMS", "Yes", ""],
        ["homework_assigned", "Homework assigned", "LMS", "Yes", ""],
        ["homework_submitted", "Homework submitted", "LMS", "Yes",
         "app + web"],
        ["progress_viewed", "Parent opened progress page", "LMS", "Yes",
         "parent portal"],
        ["lesson_completed", "Student attended lesson", "LMS", "Yes",
         "added by Oleg for reminders"],
        ["referral_link_shared", "Parent shared referral link", "Website",
         "No - planned Q1 2027", "needs new referral page"],
    ]
    n = write_csv("Events", h, rows)
    columns += cols(n[:-4], h, ["id", "name", "source", "tracked", "ignore"])

    h = ["Channel", "Type", "Notes"]
    rows = [
        ["Email", "email", ""],
        ["SMS", "sms", "UK/EU numbers only"],
        ["WhatsApp", "messenger", "business account, templates pre-approved"],
        ["App push", "push", "parent app"],
    ]
    n = write_csv("Channels", h, rows)
    columns += cols(n[:-4], h, ["name", "kind", "ignore"])

    h = ["Platform", "Sends", "Receives events from", "Pushes data to", "Notes"]
    rows = [
        ["HubSpot", "Email, SMS, WhatsApp", "Website, LMS, Stripe", "OneSignal",
         "SMS via Twilio app, WhatsApp via HubSpot inbox; audiences synced to "
         "OneSignal"],
        ["OneSignal", "App push", "LMS, HubSpot", "", "no export back yet"],
        ["LMS", "", "", "HubSpot, OneSignal", "our ClassRoom platform"],
        ["Website", "", "", "HubSpot", "Tilda forms"],
        ["Stripe", "", "", "HubSpot", ""],
    ]
    n = write_csv("Platforms", h, rows)
    columns += cols(n[:-4], h, ["name", "channel", "source", "sends_to", "ignore"])

    h = ["ID", "Scenario", "Type", "Stage", "Segments", "Trigger event",
         "Schedule", "Goal", "Goal event", "Stop event", "KPI", "Owner", "Status",
         "Last reviewed", "Comments"]
    rows = [
        ["S1", "Trial booking confirmation", "trigger", "Lead", "LEADS",
         "trial_booked", "", "Child shows up to the free lesson",
         "trial_attended", "trial_attended", "Trial show-up ≥ 70%", "Priya N.",
         "Live", "2026-10-05", ""],
        ["S2", "Post-trial nurture", "trigger", "Trial lesson", "TRIAL_DONE",
         "trial_attended", "", "First package bought within 7 days",
         "package_paid", "package_paid", "Trial→paid 30%", "Priya N.", "Live",
         "9/22/2026", ""],
        ["S3", "Post-trial sales follow-up", "Trigger", "Trial lesson",
         "TRIAL_DONE", "trial_attended", "", "Close the first package",
         "package_paid", "package_paid", "Sales CR 25%", "Mark T. (Sales)",
         "LIVE ", "2026-08-14", "sales team runs it from their inbox"],
        ["S4", "Lesson reminders", "trigger", "Learning", "ACTIVE",
         "lesson_scheduled", "", "Fewer no-shows", "lesson_completed",
         "lesson_completed", "No-show rate < 5%", "Oleg S.", "Live", "7/30/2026",
         ""],
        ["S5", "Renewal reminders", "trigger", "Renewal", "ACTIVE", "package_low",
         "", "Renew before the package runs out", "package_paid", "package_paid",
         "Renewal rate 65%", "Priya N.", "live", "2026-09-01", ""],
        ["S6", "Homework nudges", "trigger", "Learning", "YOUNG, TEENS",
         "homework_assigned", "", "Homework done before the next lesson", "", "",
         "Homework completion 80%", "Oleg S.", "Planned", "2026-11-10",
         "dev estimate: Dec"],
        ["S7", "Win-back", "trigger", "Renewal", "LAPSED", "package_expired", "",
         "Come back and buy a package", "package_paid", "package_paid",
         "Win-back CR 8%", "Priya N.", "Live", "10/20/2026", ""],
        ["S8", "Monthly progress digest", "recurring", "Learning", "YOUNG, TEENS",
         "", "monthly, 1st Tuesday", "Parents see progress, kids stay engaged",
         "progress_viewed", "progress_viewed", "Progress page views 40%",
         "Anna K.", "Live", "11/2/2026", ""],
    ]
    n = write_csv("Scenarios", h, rows)
    columns += cols(n[:-4], h, ["id", "name", "kind", "stage", "segments",
                                "trigger", "schedule", "goal", "goal_event",
                                "stop_event", "kpi", "owner", "status",
                                "last_reviewed", "ignore"])

    h = ["Step ID", "Scenario", "Channel", "When", "Condition", "Next step",
         "Message type", "Message / template", "Comment"]
    rows = [
        ["S1-1", "S1", "Email", "immediately", "", "S1-2", "service",
         "Your free lesson is booked 🎉 Zoom link + how to prepare", ""],
        ["S1-2", "S1", "SMS", "1h before lesson", "", "", "service",
         "LinguaKids: {{child}}'s lesson starts at {{time}}. lk.school/t", ""],
        ["S2-1", "S2", "Email", "+2h", "", "S2-2", "info",
         "{{child}}'s level report and recommended program", ""],
        ["S2-2", "S2", "WhatsApp", "+2 days", "email S2-1 not opened", "", "info",
         "Hi! Methodist Anna here — sending {{child}}'s report, any questions?",
         ""],
        ["S3-1", "S3", "WhatsApp", "+1h", "", "", "promo",
         "Results + package options, -15% until Sunday", "manager sends"],
        ["S4-1", "S4", "App push", "24h before lesson", "", "S4-2", "service",
         "Tomorrow at {{time}}: English with {{teacher}} 🇬🇧", ""],
        ["S4-2", "S4", "WhatsApp", "2h before lesson", "push S4-1 not opened", "",
         "service", "Reminder: lesson in 2 hours, link inside", ""],
        ["S5-1", "S5", "Email", "immediately", "", "S5-2", "promo",
         "2 lessons left — renew now and get 10% off", ""],
        ["S5-2", "S5", "WhatsApp", "+2 days", "", "S5-3", "info",
         "Teacher's progress note + renewal link", ""],
        ["S5-3", "S5", "Email", "+7 days (repeat max 2 times)", "", "S5-3", "info",
         "Reminder: your package ends soon — renew here", "then stop"],
        ["S6-1", "S6", "App push", "immediately", "", "S6-2", "service",
         "New homework from {{teacher}} — a 10 min game 🎮", ""],
        ["S6-2", "S6", "App push", "+7 days", "homework_submitted not received",
         "S6-2", "info", "Homework is still waiting! Finish it to get a star ⭐",
         "repeat weekly until done"],
        ["S7-1", "S7", "Email", "+1 day", "", "S7-2", "info",
         "Here is what {{child}} achieved with us + what's new", ""],
        ["S7-2", "S7", "WhatsApp", "+5 days", "no lesson_booked", "", "promo",
         "Teacher Kate saved a spot for {{child}} — first lesson back free", ""],
        ["S8-1", "S8", "Email", "1st Tue 10:00", "", "S8-2", "content",
         "Monthly progress: new words, teacher's note, 2 games for home", ""],
        ["S8-2", "S8", "App push", "+3 days", "email S8-1 not opened", "",
         "content", "{{child}}'s monthly progress is ready 📈", ""],
    ]
    n = write_csv("Steps", h, rows)
    columns += cols(n[:-4], h, ["step", "scenario", "channel", "timing",
                                "condition", "next", "message_type", "message",
                                "ignore"])

    defects = [
        ("GOV001", "LinguaKids",
         "The About tab says the map was last reviewed 2026-03-02, more than "
         "6 months before 2026-11-28."),
        ("MAP002", "lesson_completed",
         "The Events tab defines lesson_completed on two rows."),
        ("TRK001", "S7",
         "Step S7-2 of 'Win-back' has the condition 'no lesson_booked', and "
         "lesson_booked is not on the Events tab."),
        ("FLOW003", "Homework nudges",
         "S6-2 loops back to itself every 7 days. The scenario has no stop "
         "event and no repeat limit; the homework_submitted condition inside "
         "the loop does not bound it."),
        ("FREQ002", "Post-trial",
         "S2 'Post-trial nurture' and S3 'Post-trial sales follow-up' are both "
         "Live and both fire on trial_attended for TRIAL_DONE."),
        ("INT002", "S4",
         "S4-2 WhatsApp (HubSpot) is conditioned on S4-1 push feedback "
         "(OneSignal), but OneSignal pushes data to nothing."),
        ("COV002", "Referral",
         "No scenario serves the journey stage 'Referral'."),
    ]
    lookalikes = [
        ("FLOW003", "Renewal reminders",
         "S5-3 repeats itself, but it is bounded ('repeat max 2 times') and the "
         "scenario stops on package_paid."),
        ("INT002", "S8",
         "S8-2 push (OneSignal) is conditioned on S8-1 email feedback "
         "(HubSpot), and HubSpot pushes data to OneSignal."),
        ("TRK005", "referral_link_shared",
         "No scenario uses this event, but it is marked not tracked, so TRK005 "
         "does not apply."),
        ("COV001", "Family plan",
         "No scenario targets FAMILY directly, but it is covered through its "
         "parent ACTIVE (S4, S5)."),
    ]
    write_answers(folder, "LinguaKids: kids' online English school (Google Sheets CSV export)",
                  dname, "en", defects, lookalikes, columns)


# ====================================================================
# Map 3 — furniture shop with delivery, owner's one-sheet notes
# ====================================================================
def build_furniture() -> None:
    folder = fresh(HERE / "furniture_ru")
    fname = "рассылки 2026 (1).xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Лист1"
    S = "Лист1"
    columns = []

    ws["A1"] = "РАССЫЛКИ 🛋️ «Дом и Диван» Тула — обновил 02.11.2026"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = ("смс — SMS Aero (~4р смс, БАЛАНС ПОПОЛНЯТЬ!!), ватсап — Wazzup, "
                "почта — Unisender, звонит Оля")

    h = ["№", "Рассылка", "Кому", "Повод", "Как часто", "Когда", "Канал",
         "Если", "Что пишем", "Тип", "Зачем", "Ждём что", "Стоп",
         "Смотрим", "Кто", "Статус", "Заметки"]
    hr = 4
    for j, v in enumerate(h, 1):
        c = ws.cell(row=hr, column=j, value=v)
        c.font = BOLD
        c.fill = PatternFill("solid", fgColor="FFE699")
    columns += cols(S, h, ["step", "scenario_name", "segments", "trigger",
                           "schedule", "timing", "channel", "condition", "message",
                           "message_type", "goal", "goal_event", "stop_event",
                           "kpi", "owner", "status", "ignore"])

    # scenario-level cells are merged over the scenario's step rows
    scen_cols = [2, 3, 4, 5, 11, 12, 13, 14, 15, 16]
    blocks = [
        # (scenario-level values by column, [step rows], fill colour)
        ({2: "Спасибо за заказ", 3: "Все покупатели", 4: "заказ оформлен",
          11: "чтобы человек знал что заказ принят и не звонил 10 раз",
          12: "оплата", 13: "оплата", 14: "сколько оплат в первые 2 дня",
          15: "я", 16: "работает ✓"},
         [("1.1", "сразу", "смс", "", "Спасибо! Заказ №__ принят, менеджер Оля "
           "8-9xx-xxx-xx-xx", "сервис", ""),
          ("1.2", "сразу", "ватсап", "если смс не дошла",
           "то же самое + фото ткани", "сервис", "")],
         "E2EFDA"),
        ({2: "Доставка завтра", 3: "Доставка, ЧС", 4: "доставка назначена",
          11: "чтоб были дома и не было повторного выезда",
          12: "доставка завершена", 13: "доставка завершена",
          14: "повторные выезды (было 6 в сент.)", 15: "Оля", 16: "ВКЛ"},
         [("2.1", "за день, 18:00", "смс", "",
           "Завтра привезём ваш заказ с 10 до 14, водитель Саша 8-9xx", "сервис",
           "ЧС тоже!! это не реклама, а инфо по доставке")],
         "E2EFDA"),
        ({2: "После доставки", 3: "Доставка", 4: "доставка завершена",
          11: "отзывы на Яндекс Картах + узнать про косяки сборки",
          12: "отзыв оставлен", 13: "отзыв оставлен",
          14: "кол-во отзывов в месяц", 15: "Оля", 16: "вкл"},
         [("3.1", "через день", "звонок", "",
           "всё ли собрали, нет ли сколов, всё ли нравится", "сервис",
           "Оля по списку из МойСклад"),
          ("3.2", "+3 дня", "ватсап", "",
           "Оставьте отзыв на Яндекс Картах — подарим чехол на подушку 🎁",
           "инфо", "")],
         "E2EFDA"),
        ({2: "Брошенная корзина", 3: "Сайт (оставили телефон)",
          4: "брошенная корзина", 11: "чтобы дооформили заказ",
          12: "заказ оформлен", 13: "заказ оформлен",
          14: "сколько вернулось из корзин", 15: "я", 16: "РАБОТАЕТ"},
         [("4.1", "через 2 часа", "почта", "",
           "Вы забыли диван в корзине 🙂 он ещё есть на складе", "инфо", ""),
          ("4.2", "через день", "смс", "", "-5% по коду КОРЗИНА до пятницы",
           "акция", "")],
         "E2EFDA"),
        ({2: "ТОВАР ДНЯ", 3: "Подписчики ватсап", 5: "КАЖДЫЙ ДЕНЬ 12:00 🔥",
          11: "продажи!!!", 12: "", 13: "",
          14: "сколько заказов с ватсапа", 15: "я (Сергей)", 16: "работает"},
         [("5.1", "12:00", "ватсап", "",
           "ТОВАР ДНЯ: кресло/диван/комод со скидкой до 30% только сегодня",
           "АКЦИЯ", "фото делает Дима")],
         "FCE4D6"),
        ({2: "С днём рождения", 3: "Все покупатели", 4: "день рождения",
          11: "", 12: "заказ оформлен", 13: "заказ оформлен",
          14: "сколько купили по скидке ДР", 15: "я", 16: "вкл"},
         [("6.1", "за 3 дня до ДР", "ватсап", "",
           "С наступающим ДР 🎂 дарим 10% на всё 7 дней", "акция", "")],
         "E2EFDA"),
        ({2: "Подтверждение заказа (старое, почта)", 3: "Все покупатели",
          4: "заказ оформлен", 11: "подтверждение заказа", 12: "оплата",
          13: "оплата", 14: "—", 15: "я", 16: "ВЫКЛ"},
         [("7.1", "сразу", "почта", "", "Ваш заказ принят (старый шаблон)",
           "сервис", "не удалять, вдруг Wazzup отвалится")],
         "D9D9D9"),
    ]
    r = hr + 1
    for sc, steps, colour in blocks:
        first = r
        for (num, when, chan, cond, text, typ, note) in steps:
            ws.cell(row=r, column=1, value=num)
            ws.cell(row=r, column=6, value=when)
            ws.cell(row=r, column=7, value=chan)
            if cond:
                ws.cell(row=r, column=8, value=cond)
            ws.cell(row=r, column=9, value=text)
            ws.cell(row=r, column=10, value=typ)
            if note:
                ws.cell(row=r, column=17, value=note)
            for j in range(1, 18):
                ws.cell(row=r, column=j).fill = PatternFill("solid", fgColor=colour)
            r += 1
        last = r - 1
        for j in scen_cols:
            v = sc.get(j, "")
            if v:
                ws.cell(row=first, column=j, value=v)
            if last > first:
                ws.merge_cells(start_row=first, start_column=j, end_row=last,
                               end_column=j)
            ws.cell(row=first, column=j).alignment = Alignment(vertical="top",
                                                               wrap_text=True)
    ws.cell(row=hr + 9, column=7).comment = Comment(
        "проверить — Оля говорит в ватсап часто не доходит", "Сергей")

    # customer bases block — a bit to the right, different columns
    r += 2
    ws.cell(row=r, column=2, value="👥 БАЗЫ (кому пишем)").font = Font(bold=True,
                                                                       size=12)
    r += 1
    h = ["База", "Сколько", "Что это", "НЕ ПИСАТЬ"]
    rows = [
        ["Все покупатели", "≈3200", "все у кого есть телефон в МойСклад", ""],
        ["Доставка", "~120 в мес", "заказы с доставкой за последний месяц", ""],
        ["Подписчики ватсап", 1450, "подписались через QR в салоне", ""],
        ["Сайт (оставили телефон)", "600", "заявки с Тильды", ""],
        ["ЧС", 27, "просили не писать / жаловались", "✓"],
    ]
    r = table(ws, h, rows, start_row=r, start_col=2, fill=None)
    columns += cols(S, h, ["name", "size", "ignore", "excluded"])

    # events block — starts in column A, yet another header style
    r += 1
    ws.cell(row=r, column=1, value="📊 СОБЫТИЯ — что видим и откуда").font = Font(
        bold=True, size=12)
    r += 1
    h = ["Событие", "Откуда берём", "Видим?"]
    rows = [
        ["заказ оформлен", "МойСклад", "да"],
        ["оплата", "касса / МойСклад", "+"],
        ["доставка назначена", "МойСклад", "да"],
        ["доставка завершена", "МойСклад (водитель отмечает)", "✓"],
        ["брошенная корзина", "сайт (Тильда)", "НЕТ (Тильда не отдаёт 😡)"],
        ["отзыв оставлен", "Яндекс Карты, Оля отмечает руками", "да"],
        ["день рождения", "анкета при заказе", "да"],
    ]
    r = table(ws, h, rows, start_row=r, start_col=1, fill=None)
    columns += cols(S, h, ["name", "source", "tracked"])

    r += 1
    ws.cell(row=r, column=1, value="ИДЕИ: рассылка про уход за мебелью? "
            "спросить у Оли. Авито — не трогаем.")
    for col, wdt in zip("ABCDEFGHIJKLMNOPQ",
                        (6, 26, 22, 20, 18, 14, 10, 18, 44, 10, 30, 18, 18, 26, 10,
                         12, 30)):
        ws.column_dimensions[col].width = wdt
    wb.save(folder / fname)

    defects = [
        ("COST001", "Спасибо за заказ",
         "The cascade starts with an SMS (1.1) and, on its feedback ('если смс "
         "не дошла'), falls back to WhatsApp, which is cheaper."),
        ("TRK002", "Брошенная корзина",
         "The active scenario is triggered by 'брошенная корзина', and the "
         "events block says 'НЕТ (Тильда не отдаёт)'."),
        ("FREQ001", "Подписчики ватсап",
         "'ТОВАР ДНЯ' sends WhatsApp every day (7 a week) to this base; the "
         "messenger cap is 3."),
        ("CNT002", "Подписчики ватсап",
         "The only step that reaches this base is the 'ТОВАР ДНЯ' promo "
         "(АКЦИЯ), so promo is 100 %."),
        ("TRK004", "ТОВАР ДНЯ",
         "The scenario is active ('работает') and 'Ждём что' (the goal event) "
         "is empty."),
        ("CNT001", "С днём рождения",
         "The active scenario has an empty 'Зачем' (goal); only the goal event "
         "is filled."),
    ]
    lookalikes = [
        ("COST002", "После доставки",
         "Step 3.1 is a call, but to 'Доставка', about 120 customers, well "
         "under the 1,000 threshold."),
        ("INT003", "Спасибо за заказ",
         "Step 1.2 is conditioned on the SMS not being delivered; SMS does "
         "report delivery."),
        ("COV003", "Доставка завтра",
         "This reaches ЧС (НЕ ПИСАТЬ ✓), but the one step is a service "
         "delivery notice, not promo, news or content."),
        ("FREQ002", "Подтверждение заказа",
         "This also fires on 'заказ оформлен' for 'Все покупатели', like "
         "'Спасибо за заказ', but its status is ВЫКЛ."),
    ]
    write_answers(folder, "«Дом и Диван»: рассылки владельца (один лист)", fname,
                  "ru", defects, lookalikes, columns)


if __name__ == "__main__":
    build_pharmacy()
    build_langschool()
    build_furniture()
    print("corpus10 built in", HERE)
