"""Build corpus20: two client workbooks with planted defects and answer keys.

Run from the repository root:  python tests/corpus20/build.py
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

HERE = Path(__file__).resolve().parent
TODAY = "2026-11-29"

BOLD = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="DDE4EE")
TRIG_FILL = PatternFill("solid", fgColor="FFF2CC")


def q(s: str) -> str:
    """TOML basic string."""
    return json.dumps(s, ensure_ascii=False)


def write_table(ws, headers, rows, start_row=1, widths=None):
    for c, h in enumerate(headers, 1):
        cell = ws.cell(row=start_row, column=c, value=h)
        cell.font = BOLD
        cell.fill = HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for r, row in enumerate(rows, start_row + 1):
        for c, v in enumerate(row, 1):
            if v is None or v == "":
                continue
            cell = ws.cell(row=r, column=c, value=v)
            if isinstance(v, dt.date):
                cell.number_format = "mmm d, yyyy"
            elif isinstance(v, int):
                cell.number_format = "#,##0"
    ws.freeze_panes = ws.cell(row=start_row + 1, column=1)
    for c, h in enumerate(headers, 1):
        letter = ws.cell(row=start_row, column=c).column_letter
        ws.column_dimensions[letter].width = (widths or {}).get(h, max(12, min(48, len(h) + 6)))


def write_answers(path: Path, title, map_name, lang, defects, lookalikes, columns):
    out = [f"title = {q(title)}", f"map = {q(map_name)}", f"lang = {q(lang)}", f"today = {q(TODAY)}", ""]
    for code, match, why in defects:
        out += ["[[defect]]", f"code = {q(code)}", f"match = {q(match)}", f"why = {q(why)}", ""]
    for code, match, why in lookalikes:
        out += ["[[lookalike]]", f"code = {q(code)}", f"match = {q(match)}", f"why = {q(why)}", ""]
    for sheet, header, field in columns:
        out += ["[[column]]", f"sheet = {q(sheet)}", f"header = {q(header)}", f"field = {q(field)}", ""]
    path.write_text("\n".join(out), encoding="utf-8")


# ---------------------------------------------------------------------------
# Map 1: Klaviyo flows (English e-commerce, coffee subscription brand)
# ---------------------------------------------------------------------------

def build_klaviyo():
    d = HERE / "klaviyo_flows_en"
    d.mkdir(parents=True, exist_ok=True)
    fname = "northvale_coffee_klaviyo_flows.xlsx"
    wb = Workbook()
    cols = []

    # ---- Flows -----------------------------------------------------------
    ws = wb.active
    ws.title = "Flows"
    fh = ["Flow", "Trigger", "Flow filters", "Audience", "Lifecycle stage", "Goal",
          "Conversion metric", "KPI", "Action ID", "Action", "Branch", "Content type",
          "Status", "Owner", "Last edited", "Notes"]
    ffield = ["scenario", "trigger", "stop_event", "segments", "stage", "goal", "goal_event",
              "kpi", "step", "message", "condition", "message_type", "status", "owner",
              "last_reviewed", "ignore"]
    cols += [("Flows", h, f) for h, f in zip(fh, ffield)]

    PO_STOP = "Placed Order zero times since starting this flow"
    flows = [
        # name, trigger, filters, audience, stage, goal, conv, kpi, status, owner, edited, actions
        ("Welcome series", "Subscribed to List", PO_STOP, "Newsletter subscribers", "New subscriber",
         "Turn new subscribers into first-time buyers", "Placed Order",
         "Placed order rate ≥ 4% within 14 days", "Live", "Maya Chen", dt.date(2026, 10, 21), [
             ("WEL-1", "Email: Welcome 1 — Our story", "", "Informational", ""),
             ("WEL-2", "Time delay: 2 days", "", "", ""),
             ("WEL-3", "Email: Welcome 2 — 10% off your first bag", "", "Promotional", ""),
             ("WEL-4", "Time delay: 3 days", "", "", ""),
             ("WEL-5", "Email: Welcome 3 — Brew guide", "", "Educational", ""),
         ]),
        ("Browse abandonment", "Viewed Product", "", "Engaged non-buyers", "Considering",
         "Nudge browsers to buy", "Placed Order", "Revenue per recipient ≥ $0.35", "Live",
         "Priya Nair", dt.date(2026, 11, 4), [
             ("BRW-1", "Time delay: 4 hours", "", "", ""),
             ("BRW-2", "Email: Still deciding?", "", "Reminder", ""),
         ]),
        ("Abandoned checkout", "Started Checkout", PO_STOP, "Engaged non-buyers", "Considering",
         "Recover abandoned checkouts", "Placed Order", "Checkout recovery rate ≥ 8%", "Live",
         "Maya Chen", dt.date(2026, 10, 2), [
             ("CHK-1", "Time delay: 1 hour", "", "", "Shopify checkout events stopped after the checkout migration in Sept — ticket #4471 open"),
             ("CHK-2", "Email: You left something behind", "", "Reminder", ""),
             ("CHK-3", "Time delay: 1 day", "", "", ""),
             ("CHK-4", "Email: Still yours — 5% off", "", "Promotional", ""),
         ]),
        ("Abandoned cart", "Added to Cart", PO_STOP, "Repeat buyers", "Repeat customer",
         "Recover carts from returning customers", "Placed Order", "Cart recovery rate ≥ 6%", "Live",
         "Tom Reyes", dt.date(2026, 9, 14), [
             ("CRT-1", "Time delay: 2 hours", "", "", ""),
             ("CRT-2", "SMS: Cart reminder", "", "Reminder", ""),
             ("CRT-3", "Time delay: 1 day", "", "", ""),
             ("CRT-4", "Conditional split: Has opened SMS: Cart reminder zero times since starting this flow", "", "", ""),
             ("CRT-5", "SMS: Cart reminder — last call", "Yes", "Promotional", ""),
         ]),
        ("Replenishment", "Placed Order", PO_STOP, "First-time buyers", "First purchase",
         "Get the second order", "Placed Order", "Second-order rate ≥ 18% within 45 days", "Live",
         "Priya Nair", dt.date(2026, 8, 19), [
             ("RPL-1", "Time delay: 21 days", "", "", ""),
             ("RPL-2", "SMS: Restock reminder", "", "Reminder", ""),
             ("RPL-3", "Time delay: 1 day", "", "", ""),
             ("RPL-4", "Conditional split: Has clicked SMS: Restock reminder at least once since starting this flow", "", "", ""),
             ("RPL-5", "Email: Restock reminder", "No", "Reminder", ""),
         ]),
        ("Review request", "Fulfilled Order", "Submitted Review zero times since starting this flow",
         "First-time buyers, Repeat buyers", "Post-purchase", "Collect product reviews",
         "Submitted Review", "Review rate ≥ 6%", "Live", "Tom Reyes", dt.date(2026, 10, 9), [
             ("REV-1", "Time delay: 10 days", "", "", ""),
             ("REV-2", "Email: How's your coffee?", "", "Informational", "Okendo review widget block"),
         ]),
        ("Win-back", "Placed Order", PO_STOP, "Lapsed customers", "Lapsed",
         "Reactivate lapsed customers", "Placed Order", "Reactivation rate ≥ 5%", "Live",
         "Maya Chen", dt.date(2026, 7, 28), [
             ("WB-1", "Time delay: 120 days", "", "", ""),
             ("WB-2", "Email: We miss you", "", "Informational", ""),
             ("WB-3", "Time delay: 3 days", "", "", ""),
             ("WB-4", "Conditional split: Has opened Email: We miss you at least once since starting this flow", "", "", ""),
             ("WB-5", "Email: New season roasts", "Yes", "Educational", ""),
             ("WB-6", "SMS: 15% comeback code", "No", "Promotional", "SMS only to profiles with SMS consent"),
         ]),
        ("Back in stock", "Subscribed to Back in Stock", PO_STOP, "Repeat buyers", "Repeat customer",
         "Convert back-in-stock requests", "Placed Order", "Placed order rate ≥ 10%", "Manual",
         "Priya Nair", dt.date(2026, 11, 12), [
             ("BIS-1", "Email: Back in stock", "", "Reminder", "Manual while we test the new template"),
         ]),
        ("Failed payment", "Charge Failed", "Charge Paid zero times since starting this flow",
         "Active subscribers", "Repeat customer", "Recover failed subscription charges",
         "Charge Paid", "Recovered charges ≥ 40%", "Live", "Tom Reyes", dt.date(2026, 3, 2), [
             ("PAY-1", "Email: Update your payment method", "", "Transactional", ""),
         ]),
        ("VIP early access", "VIP Tier Reached", PO_STOP, "VIP customers, Wholesale accounts", "VIP",
         "Keep VIPs buying", "Placed Order", "VIP repeat rate ≥ 35% per quarter", "Live",
         "Maya Chen", dt.date(2026, 10, 27), [
             ("VIP-1", "Email: Welcome to the Inner Circle", "", "Informational", ""),
             ("VIP-2", "Time delay: 1 day", "", "", ""),
             ("VIP-3", "Email: Early access — 20% off new releases", "", "Promotional", ""),
         ]),
        ("Subscription welcome", "Started Subscription", "Charge Paid zero times since starting this flow",
         "Active subscribers", "Repeat customer", "Onboard new subscribers", "Charge Paid",
         "First renewal paid ≥ 85%", "Live", "Priya Nair", dt.date(2026, 6, 10), [
             ("SUB-1", "Email: Your subscription is set", "", "Transactional", ""),
         ]),
        ("Subscription upsell", "Started Subscription", PO_STOP, "Active subscribers", "Repeat customer",
         "Add-on sales to subscribers", "Placed Order", "Add-on attach rate ≥ 5%", "Draft",
         "Tom Reyes", dt.date(2026, 11, 20), [
             ("UPS-1", "Time delay: 7 days", "", "", ""),
             ("UPS-2", "Email: Add a mug to your next box", "", "Promotional", "Waiting on creative"),
         ]),
    ]
    rows = []
    for (name, trig, filt, aud, stage, goal, conv, kpi, status, owner, edited, actions) in flows:
        for aid, action, branch, ctype, note in actions:
            rows.append([name, trig, filt, aud, stage, goal, conv, kpi, aid, action, branch, ctype,
                         status, owner, edited, note])
    write_table(ws, fh, rows, widths={"Action": 70, "Flow filters": 46, "Goal": 38, "Notes": 40,
                                      "Audience": 34, "KPI": 34})

    # ---- Segments & lists -----------------------------------------------
    ws = wb.create_sheet("Segments & lists")
    sh = ["Segment / list", "Type", "Definition", "Profiles", "Use as exclusion", "Notes"]
    cols += [("Segments & lists", h, f) for h, f in
             zip(sh, ["id", "ignore", "ignore", "size", "excluded", "ignore"])]
    segs = [
        ("Newsletter subscribers", "List", "Footer + popup sign-ups (double opt-in)", 48210, "No", ""),
        ("Engaged non-buyers", "Segment", "Opened or clicked email in last 90 days AND Placed Order zero times over all time", 21300, "No", ""),
        ("First-time buyers", "Segment", "Placed Order equals 1 over all time", 9870, "No", ""),
        ("Repeat buyers", "Segment", "Placed Order at least 2 over all time AND Placed Order at least once in last 120 days", 6420, "No", ""),
        ("Active subscribers", "Segment", "ReCharge subscription status is active", 3115, "No", ""),
        ("VIP customers", "Segment", "Historic CLV ≥ $400", 1240, "No", "Synced to Smile.io VIP tier"),
        ("Lapsed customers", "Segment", "Placed Order at least once over all time AND zero times in last 120 days", 7560, "No", ""),
        ("Wholesale accounts", "List", "Café and office accounts (invoiced, negotiated pricing)", 86, "Yes", "Never send discount codes — contract pricing"),
        ("Suppressed profiles", "Segment", "Unsubscribed, bounced or marked as spam", 5102, "Yes", "Global exclusion on every send"),
    ]
    write_table(ws, sh, [list(s) for s in segs], widths={"Definition": 70, "Notes": 44, "Segment / list": 26})

    # ---- Customer lifecycle ---------------------------------------------
    ws = wb.create_sheet("Customer lifecycle")
    lh = ["Order", "Stage", "Entry rule", "Moves on to"]
    cols += [("Customer lifecycle", h, f) for h, f in zip(lh, ["ignore", "id", "ignore", "next"])]
    stages = [
        (1, "New subscriber", "Joined the newsletter, no order yet", "Considering"),
        (2, "Considering", "Browsed or started checkout in the last 30 days", "First purchase"),
        (3, "First purchase", "Exactly one order", "Repeat customer"),
        (4, "Repeat customer", "Two or more orders, last one within 120 days", "VIP, Lapsed"),
        (5, "VIP", "Smile.io VIP tier reached", "Lapsed"),
        (6, "Lapsed", "No order for 120 days", "Repeat customer"),
    ]
    write_table(ws, lh, [list(s) for s in stages], widths={"Entry rule": 48, "Stage": 20})

    # ---- Metrics --------------------------------------------------------
    ws = wb.create_sheet("Metrics")
    mh = ["Metric", "Source integration", "Receiving data", "Last event received", "Description"]
    cols += [("Metrics", h, f) for h, f in zip(mh, ["id", "source", "tracked", "ignore", "ignore"])]
    metrics = [
        ("Subscribed to List", "Klaviyo", "Yes", dt.date(2026, 11, 28), "Profile added to a list via form"),
        ("Viewed Product", "Klaviyo", "Yes", dt.date(2026, 11, 28), "Onsite tracking snippet"),
        ("Added to Cart", "Klaviyo", "Yes", dt.date(2026, 11, 28), "Onsite tracking snippet"),
        ("Started Checkout", "Shopify", "No", dt.date(2026, 9, 9), "Stopped after checkout extensibility migration"),
        ("Placed Order", "Shopify", "Yes", dt.date(2026, 11, 28), ""),
        ("Fulfilled Order", "Shopify", "Yes", dt.date(2026, 11, 28), ""),
        ("Submitted Review", "Okendo", "Yes", dt.date(2026, 11, 27), ""),
        ("Started Subscription", "ReCharge", "Yes", dt.date(2026, 11, 28), ""),
        ("Charge Failed", "ReCharge", "Yes", dt.date(2026, 11, 26), ""),
        ("Charge Paid", "ReCharge", "Yes", dt.date(2026, 11, 28), ""),
        ("VIP Tier Reached", "Smile.io", "Yes", dt.date(2026, 11, 21), ""),
    ]
    write_table(ws, mh, [list(m) for m in metrics], widths={"Description": 50, "Metric": 24})

    # ---- Integrations ---------------------------------------------------
    ws = wb.create_sheet("Integrations")
    ih = ["Integration", "Role", "Channels", "Receives data from", "Syncs data to", "Connected since"]
    cols += [("Integrations", h, f) for h, f in
             zip(ih, ["id", "kind", "channel", "source", "sends_to", "ignore"])]
    integ = [
        ("Klaviyo", "Email & SMS marketing platform", "Email, SMS", "Shopify, ReCharge, Okendo, Smile.io", "", dt.date(2023, 2, 1)),
        ("Shopify", "E-commerce store", "", "", "Klaviyo", dt.date(2023, 2, 1)),
        ("ReCharge", "Subscriptions", "", "", "Klaviyo", dt.date(2024, 5, 14)),
        ("Okendo", "Reviews", "", "", "Klaviyo", dt.date(2025, 3, 3)),
        ("Smile.io", "Loyalty & VIP tiers", "", "", "Klaviyo", dt.date(2025, 8, 20)),
    ]
    write_table(ws, ih, [list(i) for i in integ], widths={"Receives data from": 36, "Role": 32})

    wb.save(d / fname)

    defects = [
        ("MAP001", "Post-purchase",
         "Review request names lifecycle stage 'Post-purchase', which is not a stage on the Customer lifecycle sheet (closest is 'First purchase')."),
        ("TRK001", "Subscribed to Back in Stock",
         "Back in stock is triggered by 'Subscribed to Back in Stock', a metric missing from the Metrics sheet."),
        ("TRK002", "Started Checkout",
         "Abandoned checkout is triggered by 'Started Checkout', which the Metrics sheet marks as not receiving data."),
        ("FLOW004", "Browse abandonment",
         "Browse abandonment converts on Placed Order but has no flow filter exiting on it, so buyers still get the email."),
        ("INT003", "CRT-",
         "CRT-4 splits on whether 'SMS: Cart reminder' was opened — SMS reports no opens, so the split cannot work."),
        ("COST001", "RPL-",
         "Replenishment sends the SMS first and falls back to the cheaper email only when the SMS is not clicked (RPL-2 → RPL-4 → RPL-5)."),
        ("COV003", "Wholesale accounts",
         "VIP early access sends a 20% off promotional email (VIP-3) to the 'Wholesale accounts' list, which is marked as an exclusion."),
        ("GOV002", "Failed payment",
         "Failed payment was last edited on 2026-03-02, more than 6 months before 2026-11-29."),
    ]
    lookalikes = [
        ("GOV002", "Subscription welcome",
         "Last edited 2026-06-10 — under 6 months before 2026-11-29, so not stale."),
        ("COST001", "WB-",
         "Win-back cascade starts with the cheap channel (email) and only escalates to SMS when the email is not opened; that is the right order."),
        ("COV001", "Suppressed profiles",
         "Suppressed profiles is marked as an exclusion, so no flow is supposed to target it."),
        ("FREQ002", "Subscription upsell",
         "Shares the Started Subscription trigger and audience with Subscription welcome, but it is a Draft, and the rule needs two active flows."),
    ]
    write_answers(d / "answers.toml", "Northvale Coffee Co. — Klaviyo flow documentation", fname, "en",
                  defects, lookalikes, cols)


# ---------------------------------------------------------------------------
# Map 2: telecom trigger map (Russian)
# ---------------------------------------------------------------------------

def build_telecom():
    d = HERE / "telecom_triggers_ru"
    d.mkdir(parents=True, exist_ok=True)
    fname = "volna_mobile_trigger_map.xlsx"
    wb = Workbook()
    cols = []

    # ---- Триггеры --------------------------------------------------------
    ws = wb.active
    ws.title = "Триггеры"
    ws.cell(row=1, column=1, value="Карта триггерных коммуникаций B2C «Волна Мобайл» · версия 4.2 · пересмотрена 14.10.2026").font = Font(bold=True, size=13)
    th = ["Код", "Триггер", "Аудитория", "Этап ЖЦ", "Событие-триггер", "Цель", "Целевое событие",
          "Стоп-событие", "KPI", "Касание", "Канал", "Шаблон", "Тип сообщения", "Задержка",
          "Условие", "Следующее касание", "Система", "Ответственный", "Статус", "Дата ревизии"]
    tfield = ["scenario", "scenario_name", "segments", "stage", "trigger", "goal", "goal_event",
              "stop_event", "kpi", "step", "channel", "message", "message_type", "timing",
              "condition", "next", "system", "owner", "status", "last_reviewed"]
    cols += [("Триггеры", h, f) for h, f in zip(th, tfield)]

    trig = [
        # code, name, aud, stage, event, goal, goal_ev, stop, kpi, owner, status, date, touches
        ("T01", "Приветствие нового абонента", "SEG_NEW", "Подключение", "EV_ACT",
         "Первое пополнение в течение 14 дней", "EV_TOPUP", "EV_TOPUP", "Доля пополнивших ≥ 55 %",
         "Ирина Кравцова", "Активен", "02.10.2026", [
             ("T01-1", "SMS", "SMS: TPL_WELCOME_01", "сервисное", "сразу", "", ""),
         ]),
        ("T02", "Онбординг в приложении: автоплатёж", "SEG_NEW", "Онбординг", "EV_APP_FIRST",
         "Подключение автоплатежа", "EV_AUTOPAY", "EV_AUTOPAY", "Доля с автоплатежом ≥ 20 %",
         "Ирина Кравцова", "Активен", "02.10.2026", [
             ("T02-1", "Push", "Push: TPL_AUTOPAY_01", "информационное", "через 1 день", "", "T02-2"),
             ("T02-2", "Push", "Push: TPL_AUTOPAY_02", "промо", "через 5 дней", "", ""),
         ]),
        ("T03", "Низкий баланс (предоплата)", "SEG_PRE", "Активное использование", "EV_BAL_LOW",
         "Пополнение до блокировки", "EV_TOPUP", "EV_TOPUP", "Пополнение в течение 24 ч ≥ 60 %",
         "Ирина Кравцова", "Активен", "21.09.2026", [
             ("T03-1", "Push", "Push: TPL_BAL_01", "сервисное", "сразу", "", "T03-2"),
             ("T03-2", "SMS", "SMS: TPL_BAL_02", "сервисное", "через 1 ч", "если push T03-1 не доставлен", ""),
         ]),
        ("T04", "Пакет интернета израсходован на 90 %", "SEG_DATA", "Рост ARPU", "EV_PKG_90",
         "Покупка доп. пакета", "EV_PKG_BUY", "EV_PKG_BUY", "Конверсия в доп. пакет ≥ 7 %",
         "Ольга Ситникова", "Активен", "15.10.2026", [
             ("T04-1", "Push", "Push: TPL_PKG_01", "сервисное", "сразу", "", "T04-2"),
             ("T04-2", "SMS", "SMS: TPL_PKG_02", "промо", "через 1 день", "если push T04-1 не открыт", ""),
         ]),
        ("T05", "Риск оттока: удерживающее предложение", "SEG_RISK", "Риск оттока", "EV_CHURN_SCORE",
         "Удержание абонента на 60 дней", "EV_RET_ACCEPT", "EV_RET_ACCEPT", "Снижение оттока в сегменте на 1,5 п.п.",
         "Дмитрий Лаптев", "Активен", "08.11.2026", [
             ("T05-1", "SMS", "SMS: TPL_RET_01", "информационное", "сразу", "", "T05-2"),
             ("T05-2", "Звонок", "Звонок: SCR_RET_01", "промо", "через 2 дня", "если нет EV_RET_ACCEPT", ""),
         ]),
        ("T06", "VIP: понижение тарифа", "SEG_VIP", "Риск оттока", "EV_TARIFF_DOWN",
         "Вернуть абонента на старший тариф", "EV_TARIFF_UP", "EV_TARIFF_UP", "Возврат на старший тариф ≥ 25 %",
         "Дмитрий Лаптев", "Активен", "08.11.2026", [
             ("T06-1", "SMS", "SMS: TPL_VIP_01", "сервисное", "сразу", "", "T06-2"),
             ("T06-2", "Звонок", "Звонок: SCR_VIP_01", "сервисное", "через 2 ч", "", ""),
         ]),
        ("T07", "Регистрация в роуминге", "SEG_ROAM", "Активное использование", "EV_ROAM_REG",
         "Покупка роуминг-пакета", "EV_ROAM_PKG", "EV_ROAM_PKG", "Подключение пакета ≥ 12 %",
         "Ольга Ситникова", "Активен", "30.07.2026", [
             ("T07-1", "SMS", "SMS: TPL_ROAM_01", "информационное", "сразу", "", "T07-2"),
             ("T07-2", "SMS", "SMS: TPL_ROAM_02", "промо", "через 3 ч", "", ""),
         ]),
        ("T08", "Роуминг: расходы выше 1 000 ₽", "SEG_ROAM", "Активное использование", "EV_ROAM_SPEND",
         "Предупредить о расходах и предложить пакет", "EV_ROAM_PKG", "EV_ROAM_PKG", "Жалобы на счёт из роуминга −30 %",
         "Ольга Ситникова", "Активен", "30.07.2026", [
             ("T08-1", "SMS", "SMS: TPL_ROAM_03", "сервисное", "сразу", "", ""),
         ]),
        ("T09", "Просрочка оплаты счёта (постоплата)", "SEG_POST", "Активное использование", "EV_OVERDUE",
         "Оплата задолженности", "EV_PAY", "", "Оплата в течение 10 дней ≥ 80 %",
         "Андрей Мусин", "Активен", "11.09.2026", [
             ("T09-1", "SMS", "SMS: TPL_DEBT_01", "сервисное", "через 1 день", "", "T09-2"),
             ("T09-2", "Push", "Push: TPL_DEBT_02", "сервисное", "через 7 дней", "если нет EV_PAY", "T09-1"),
         ]),
        ("T10", "Скоро списание абонплаты, баланса не хватает", "SEG_DATA", "Активное использование", "EV_FEE_SOON",
         "Пополнение до списания абонплаты", "EV_TOPUP", "EV_TOPUP", "Списание без блокировки ≥ 90 %",
         "Андрей Мусин", "Активен", "19.10.2026", [
             ("T10-1", "Viber", "Viber: TPL_FEE_VB_01", "сервисное", "сразу", "", "T10-2"),
             ("T10-2", "SMS", "SMS: TPL_FEE_02", "сервисное", "через 2 ч", "если Viber T10-1 не доставлен", ""),
         ]),
        ("T11", "Возврат после переноса номера (MNP)", "SEG_GONE", "Возврат ушедших", "EV_MNP_DONE",
         "Вернуть абонента обратным переносом", "EV_RETURN", "EV_RETURN", "Возврат ≥ 3 % за 90 дней",
         "Дмитрий Лаптев", "Активен", "08.11.2026", [
             ("T11-1", "SMS", "SMS: TPL_WB_01", "промо", "через 30 дней", "", "T11-2"),
             ("T11-2", "Viber", "Viber: TPL_WB_VB_02", "информационное", "через 14 дней", "не более 2 повторов цикла", "T11-1"),
         ]),
        ("T12", "Расторжение договора: прощание и опрос", "SEG_GONE", "Уход (расторжение)", "EV_TERMINATE",
         "Узнать причину ухода", "EV_SURVEY", "EV_SURVEY", "Доля ответов на опрос ≥ 15 %",
         "Дмитрий Лаптев", "Активен", "08.11.2026", [
             ("T12-1", "SMS", "SMS: TPL_BYE_01", "сервисное", "сразу", "", ""),
         ]),
    ]
    r = 3
    for c, h in enumerate(th, 1):
        cell = ws.cell(row=r, column=c, value=h)
        cell.font = BOLD
        cell.fill = HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[cell.column_letter].width = {"Триггер": 40, "Цель": 34, "KPI": 30,
                                                          "Условие": 30, "Шаблон": 24}.get(h, 15)
    ws.freeze_panes = "C4"
    for (code, name, aud, stage, ev, goal, gev, stop, kpi, owner, status, date, touches) in trig:
        r += 1
        vals = {"Код": code, "Триггер": name, "Аудитория": aud, "Этап ЖЦ": stage,
                "Событие-триггер": ev, "Цель": goal, "Целевое событие": gev, "Стоп-событие": stop,
                "KPI": kpi, "Ответственный": owner, "Статус": status, "Дата ревизии": date}
        for c, h in enumerate(th, 1):
            cell = ws.cell(row=r, column=c, value=vals.get(h) or None)
            cell.fill = TRIG_FILL
            if h in ("Код", "Триггер"):
                cell.font = BOLD
        for (tid, ch, tpl, mtype, delay, cond, nxt) in touches:
            r += 1
            system = {"Звонок": "Naumen", "Viber": "Edna"}.get(ch, "CVM")
            vals = {"Касание": tid, "Канал": ch, "Шаблон": tpl, "Тип сообщения": mtype,
                    "Задержка": delay, "Условие": cond, "Следующее касание": nxt, "Система": system}
            for c, h in enumerate(th, 1):
                if vals.get(h):
                    ws.cell(row=r, column=c, value=vals[h])

    # ---- Абонентские сегменты ------------------------------------------
    ws = wb.create_sheet("Абонентские сегменты")
    sh = ["Код сегмента", "Сегмент", "Входит в", "Численность", "Ценность", "Стоп-лист", "Комментарий"]
    cols += [("Абонентские сегменты", h, f) for h, f in
             zip(sh, ["id", "name", "parent", "size", "tier", "excluded", "ignore"])]
    segs = [
        ("SEG_PRE", "Предоплата — массовый сегмент", "", "5,4 млн", "массовый", "нет", ""),
        ("SEG_NEW", "Новые абоненты (до 30 дней)", "SEG_PRE", "180 тыс.", "массовый", "нет", "Все новые подключения — предоплата"),
        ("SEG_POST", "Постоплата (контракт)", "", "1,2 млн", "средний", "нет", ""),
        ("SEG_VIP", "VIP (ARPU от 2 000 ₽)", "", "46 тыс.", "VIP", "нет", "Закреплён персональный менеджер"),
        ("SEG_RISK", "Риск оттока (скоринг ≥ 0,7)", "", "310 тыс.", "массовый", "нет", "Пересчёт скоринга раз в неделю"),
        ("SEG_ROAM", "Путешественники (роуминг за 12 мес.)", "", "95 тыс.", "средний", "нет", ""),
        ("SEG_DATA", "Активные пользователи мобильного интернета", "", "2,1 млн", "массовый", "нет", ""),
        ("SEG_GONE", "Ушедшие абоненты (до 90 дней)", "", "62 тыс.", "массовый", "нет", "Включая перенос номера к другому оператору"),
        ("SEG_STOP", "Стоп-лист (отказ от рекламы)", "", "870 тыс.", "—", "да", "Только сервисные уведомления"),
    ]
    write_table(ws, sh, [list(s) for s in segs], widths={"Сегмент": 42, "Комментарий": 40})

    # ---- Этапы ЖЦ абонента ---------------------------------------------
    ws = wb.create_sheet("Этапы ЖЦ абонента")
    lh = ["№", "Этап", "Следующий этап", "Финальный", "Описание"]
    cols += [("Этапы ЖЦ абонента", h, f) for h, f in zip(lh, ["ignore", "id", "next", "final", "ignore"])]
    stages = [
        (1, "Подключение", "Онбординг", "нет", "Активация SIM, первые сутки"),
        (2, "Онбординг", "Активное использование", "нет", "Первые 30 дней, установка приложения"),
        (3, "Активное использование", "Рост ARPU; Риск оттока", "нет", "Регулярные начисления и пополнения"),
        (4, "Рост ARPU", "", "нет", "Доп. пакеты, переход на старший тариф"),
        (5, "Риск оттока", "Активное использование; Уход (расторжение)", "нет", "Скоринг ≥ 0,7 или понижение тарифа"),
        (6, "Уход (расторжение)", "", "да", "Расторжение договора или перенос номера"),
        (7, "Возврат ушедших", "Активное использование", "нет", "Обратный перенос или новая активация"),
    ]
    write_table(ws, lh, [list(s) for s in stages], widths={"Этап": 26, "Следующий этап": 40, "Описание": 44})

    # ---- События биллинга и CRM ----------------------------------------
    ws = wb.create_sheet("События биллинга и CRM")
    eh = ["Код события", "Событие", "Источник", "Ловим?", "Задержка поступления", "Комментарий"]
    cols += [("События биллинга и CRM", h, f) for h, f in
             zip(eh, ["id", "name", "source", "tracked", "ignore", "ignore"])]
    events = [
        ("EV_ACT", "Активация SIM", "Биллинг", "да", "до 5 мин", ""),
        ("EV_TOPUP", "Пополнение баланса", "Биллинг", "да", "онлайн", ""),
        ("EV_APP_FIRST", "Первый вход в приложение", "Приложение", "да", "онлайн", ""),
        ("EV_AUTOPAY", "Подключение автоплатежа", "Биллинг", "да", "до 15 мин", ""),
        ("EV_BAL_LOW", "Баланс ниже 50 ₽", "Биллинг", "да", "онлайн", ""),
        ("EV_PKG_90", "Пакет интернета израсходован на 90 %", "Биллинг", "да", "до 15 мин", "OCS"),
        ("EV_PKG_BUY", "Покупка доп. пакета интернета", "Биллинг", "да", "онлайн", ""),
        ("EV_CHURN_SCORE", "Скоринг оттока вырос до 0,7 и выше", "DWH", "да", "раз в неделю", "Модель churn v3"),
        ("EV_RET_ACCEPT", "Подключено удерживающее предложение", "CRM", "да", "онлайн", ""),
        ("EV_TARIFF_DOWN", "Переход на младший тариф", "CRM", "да", "онлайн", ""),
        ("EV_TARIFF_UP", "Переход на старший тариф", "CRM", "да", "онлайн", ""),
        ("EV_ROAM_REG", "Регистрация в сети роуминг-партнёра", "HLR", "да", "онлайн", "Сетевой мониторинг"),
        ("EV_ROAM_SPEND", "Расходы в роуминге выше 1 000 ₽ за поездку", "Биллинг", "да", "до 1 ч", ""),
        ("EV_ROAM_PKG", "Подключён роуминг-пакет", "Биллинг", "да", "онлайн", ""),
        ("EV_OVERDUE", "Просрочка оплаты счёта", "Биллинг", "да", "раз в сутки", ""),
        ("EV_PAY", "Оплата счёта", "Биллинг", "да", "до 1 ч", ""),
        ("EV_FEE_SOON", "Через 3 дня списание абонплаты, баланса не хватает", "Биллинг", "да", "раз в сутки", ""),
        ("EV_MNP_DONE", "Номер перенесён к другому оператору", "CRM", "да", "раз в сутки", "Данные ЦБДПН"),
        ("EV_RETURN", "Обратный перенос номера / повторная активация", "CRM", "да", "раз в сутки", ""),
        ("EV_TERMINATE", "Расторжение договора", "CRM", "да", "онлайн", ""),
        ("EV_SURVEY", "Ответ на опрос о причинах ухода", "CRM", "да", "онлайн", ""),
        ("EV_NPS", "Оценка NPS после обращения в КЦ", "CRM", "нет", "", "Интеграция в разработке, план — I кв. 2027"),
    ]
    write_table(ws, eh, [list(e) for e in events], widths={"Событие": 48, "Комментарий": 40})

    # ---- Системы --------------------------------------------------------
    ws = wb.create_sheet("Системы")
    yh = ["Система", "Назначение", "Каналы", "Получает данные из", "Передаёт данные в", "Комментарий"]
    cols += [("Системы", h, f) for h, f in
             zip(yh, ["id", "kind", "channel", "source", "sends_to", "ignore"])]
    systems = [
        ("CVM", "CVM-платформа, оркестрация триггеров", "SMS, Push, E-mail", "Биллинг, CRM, DWH, Приложение", "Naumen, Edna", "SMS через собственный SMSC, push через SDK приложения"),
        ("Naumen", "Контакт-центр, исходящий обзвон", "Звонок", "CVM, CRM", "CRM", "Результаты обзвона пишутся в CRM"),
        ("Edna", "Рассылки в Viber", "Viber", "CVM, CRM, Биллинг", "", "Статусы доставки остаются в кабинете Edna"),
        ("Биллинг", "Биллинг (BIS, OCS)", "", "", "CVM, Edna", ""),
        ("CRM", "CRM (Siebel)", "", "Naumen", "CVM, Naumen, Edna", ""),
        ("DWH", "Хранилище данных, модели оттока", "", "", "CVM", ""),
        ("HLR", "Сетевая платформа (HLR/MSC)", "", "", "", "Интеграции с CVM нет, события только в сетевом мониторинге"),
        ("Приложение", "Мобильное приложение «Моя Волна»", "", "", "CVM", ""),
    ]
    write_table(ws, yh, [list(s) for s in systems], widths={"Назначение": 38, "Получает данные из": 32,
                                                            "Передаёт данные в": 24, "Комментарий": 52})

    wb.save(d / fname)

    defects = [
        ("FLOW001", "Рост ARPU",
         "Этап «Рост ARPU» не финальный, но следующий этап у него не указан — абоненту некуда двигаться дальше."),
        ("FLOW002", "Возврат ушедших",
         "На этап «Возврат ушедших» не ведёт ни один этап (финальный «Уход (расторжение)» никуда не ведёт), от «Подключения» его не достичь."),
        ("FLOW003", "T09",
         "T09-2 возвращает на T09-1, у T09 нет стоп-события и нет ограничения повторов; условие «если нет EV_PAY» цикл не ограничивает."),
        ("FLOW004", "T09",
         "У T09 целевое событие EV_PAY, но стоп-событие пустое — оплативший абонент продолжает получать напоминания."),
        ("TRK003", "T07",
         "T07 запускается событием EV_ROAM_REG из HLR, а первое касание шлёт CVM, который из HLR данных не получает."),
        ("INT002", "T10",
         "T10-2 (SMS из CVM) зависит от доставки Viber T10-1 из Edna, а Edna никуда статусы не передаёт — пути интеграции нет."),
        ("COST002", "T05",
         "T05-2 — звонок на сегмент SEG_RISK: 310 тыс. абонентов, ценность «массовый»."),
        ("COV004", "E-mail",
         "CVM объявляет канал E-mail, но ни одно касание его не использует."),
        ("FREQ001", "SEG_ROAM",
         "SEG_ROAM получает в неделю 3 SMS (T07-1, T07-2, T08-1) при лимите 2."),
    ]
    lookalikes = [
        ("COST002", "T06",
         "Звонок T06-2 идёт на SEG_VIP — сегмент с ценностью VIP, такие звонки правило разрешает при любой численности."),
        ("FLOW001", "Уход",
         "Этап «Уход (расторжение)» помечен как финальный, поэтому отсутствие следующего этапа — не тупик."),
        ("FLOW003", "T11",
         "Цикл T11-1 → T11-2 → T11-1 останавливается по стоп-событию EV_RETURN и ограничен двумя повторами."),
        ("COST001", "T03",
         "Каскад T03 начинается с дешёвого push и только при недоставке переходит на SMS — это не «дорогой канал первым»."),
    ]
    write_answers(d / "answers.toml", "«Волна Мобайл» — карта триггерных коммуникаций B2C", fname, "ru",
                  defects, lookalikes, cols)


if __name__ == "__main__":
    build_klaviyo()
    build_telecom()
    print("corpus20 built in", HERE)
