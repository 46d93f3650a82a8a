"""Write the bundled sample maps (deterministic): `python samples/build_samples.py`.

Two maps drawn for this project, each with a few planted defects listed in samples/README.md
and, finding by finding, in `<name>.expected.json`:

* ru_ecommerce.xlsx — a Russian online store «Полка» (Russian sheets and headers);
* en_b2b_saas.xlsx — an English B2B analytics SaaS, segments by job-to-be-done.

They look like client workbooks: title rows above some headers, a key–value Map sheet, extra
columns commap ignores, ids written in mixed case, real and text dates.
"""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

HERE = Path(__file__).resolve().parent
HEADER_FILL = PatternFill("solid", fgColor="D9E2F3")


def sheet(workbook: Workbook, name: str, headers: list[str], rows: list[list], title: str | None = None) -> None:
    ws = workbook.create_sheet(name)
    if title:
        ws.append([title])
        ws["A1"].font = Font(bold=True, size=14)
        ws.append([])
    ws.append(headers)
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    for row in rows:
        ws.append(row)
    for index, header in enumerate(headers):
        width = max([len(str(header))] + [len(str(r[index])) for r in rows if index < len(r) and r[index] is not None])
        ws.column_dimensions[ws.cell(row=1, column=index + 1).column_letter].width = min(60, width + 2)


def key_value(workbook: Workbook, name: str, pairs: list[tuple[str, object]]) -> None:
    ws = workbook.create_sheet(name)
    for key, value in pairs:
        ws.append([key, value])
        ws.cell(row=ws.max_row, column=1).font = Font(bold=True)
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 60


def ru_ecommerce() -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    key_value(wb, "Карта", [
        ("Название", "Карта коммуникаций интернет-магазина «Полка»"),
        ("Клиент", "ООО «Полка»"),
        ("Версия", "2.3"),
        ("Ответственный", "Анна Смирнова, CRM-маркетолог"),
        ("Дата ревизии", date(2026, 3, 15)),  # planted GOV001: more than six months before 2026-11-23
        ("Платформа", "ESP + CDP с приложением + SMS-шлюз + колл-центр"),
    ])
    sheet(wb, "Сегменты", ["ID", "Название", "Родитель", "Размер", "Уровень", "Исключён", "Этап", "Комментарий"], [
        ["new", "Новые клиенты", None, 18000, "обычный", "нет", "choice", "Зарегистрировались за 30 дней"],
        ["leads", "Подписчики без покупок", None, 30000, "обычный", "нет", "need", None],
        ["active", "Активные покупатели", None, 42000, "обычный", "нет", "loyalty", "Покупка за 90 дней"],
        ["VIP", "VIP-клиенты", "active", 1200, "vip", "нет", "loyalty", "Сумма покупок от 100 тыс. ₽"],
        ["no_open", "Не открывают письма", "Active", 9000, "обычный", "нет", "loyalty", None],
        ["gamers", "Геймеры и стримеры", "active", 3500, "высокий", "нет", "loyalty", "Узкий сегмент"],
        ["sleeping", "Спящие (нет покупок 90 дней)", None, 25000, "низкий", "нет", "winback", None],
        ["pickup", "Заказы в пунктах выдачи", None, 6000, "обычный", "нет", "delivery", None],
        ["b2b", "Корпоративные клиенты", None, 400, "высокий", "нет", "purchase", "Закупки для офисов"],
        ["stoplist", "Стоп-лист (отказ от рекламы)", "active", 700, None, "да", None,
         "Покупают, но отказались от рекламных рассылок"],
    ], title="Сегменты клиентов")
    sheet(wb, "Этапы", ["ID", "Название", "Порядок", "Следующие", "Финальный"], [
        ["need", "Потребность", 1, "choice", None],
        ["choice", "Выбор", 2, "purchase", None],
        ["purchase", "Покупка", 3, "delivery; experience", None],
        ["delivery", "Получение заказа", 4, None, None],  # planted FLOW001: no way onward
        ["experience", "Опыт", 5, "loyalty; choice", None],
        ["loyalty", "Лояльность", 6, "winback", None],
        ["winback", "Возврат", 7, "choice", None],
    ], title="Этапы пути клиента (CJM)")
    sheet(wb, "Каналы", ["ID", "Название", "Тип", "Система", "Стоимость"], [
        ["email", "Email-рассылка", "email", "esp", 0.05],
        ["push", "Push в приложении", "push", "cdp", 0.01],
        ["sms", "SMS", "смс", "sms_gateway", 3.5],
        ["telegram", "Telegram-бот", "мессенджер", "cdp", 0.3],
        ["call", "Звонок менеджера", "звонок", "callcenter", 120],
        ["viber", "Viber", "мессенджер", "cdp", 1.2],  # planted COV004: no step uses it
    ])
    sheet(wb, "События", ["ID", "Название", "Источник", "Отслеживается", "Ключ"], [
        ["signup", "Регистрация", "сайт", "да", "sign_up"],
        ["product_view", "Просмотр товара", "сайт", "да", "view_item"],
        ["cart_abandoned", "Брошенная корзина", "сайт", "да", "cart_abandon"],
        ["order_paid", "Заказ оплачен", "crm", "да", "purchase"],
        ["order_at_pickup", "Заказ в пункте выдачи", "crm", "да", "pickup_ready"],
        ["order_received", "Заказ получен", "crm", "да", "order_received"],
        ["review_left", "Оставлен отзыв", "сайт", "да", "review"],
        ["points_expiring", "Сгорают баллы", "crm", "да", "points_expire"],
        ["vip_status", "Присвоен VIP-статус", "crm", "да", "vip_status"],
        ["game_category_view", "Просмотр категории «Игры»", "сайт", "да", "view_games"],
        ["inactive_90", "90 дней без покупок", "crm", "да", "inactive_90"],
        ["app_installed", "Установка приложения", "приложение", "нет", "app_install"],
    ])
    scenario_headers = ["ID", "Название", "Тип", "Сегменты", "Этап", "Триггер", "Расписание", "Цель",
                        "Целевое событие", "Стоп-событие", "KPI", "Ответственный", "Статус", "Дата ревизии"]
    owner = "Анна Смирнова"
    sheet(wb, "Сценарии", scenario_headers, [
        # planted FLOW004: the goal event is not a stop event
        ["welcome", "Приветственная цепочка", "триггерный", "new", "need", "signup", None, "Первая покупка",
         "order_paid", None, "Конверсия в первую покупку", owner, "активен", "2026-10-01"],
        ["browse", "Брошенный просмотр", "триггерный", "leads; new", "choice", "product_view", None,
         "Покупка просмотренного товара", "order_paid", "order_paid", "Конверсия в покупку", owner, "активен",
         "2026-10-01"],
        ["cart", "Брошенная корзина", "триггерный", "*", "purchase", "cart_abandoned", None, "Возврат в корзину",
         "order_paid", "order_paid", "Доля восстановленных корзин", owner, "активен", "2026-10-01"],
        ["pickup", "Напоминание о заказе в ПВЗ", "сервисный", "pickup", "delivery", "order_at_pickup", None,
         "Клиент забрал заказ", "order_received", "order_received", "Доля невыкупленных заказов", "Логистика",
         "активен", "2026-09-15"],
        ["review", "Запрос отзыва", "триггерный", "*", "experience", "order_received", None, "Отзыв о покупке",
         "review_left", "review_left", "Доля отзывов", None, "активен", "2026-09-15"],  # planted GOV003
        ["points", "Сгорающие баллы", "триггерный", "active", "loyalty", "points_expiring", None,
         "Потратить баллы", "order_paid", "order_paid", "Доля потраченных баллов", owner, "активен", "2026-09-15"],
        ["digest", "Подборка месяца", "регулярная", "*", "loyalty", None, "раз в месяц", "Повторная покупка",
         "order_paid", None, "CTR подборки", owner, "активен", "2025-12-01"],  # stale review (GOV002)
        ["vip_call", "VIP: персональный менеджер", "триггерный", "vip", "loyalty", "vip_status", None,
         "Покупка через менеджера", "order_paid", "order_paid", "Выручка VIP", "Отдел VIP", "активен",
         "2026-11-01"],
        ["gamers_promo", "Новинки для геймеров и стримеров", "триггерный", "gamers", "choice",
         "game_category_view", None, "Покупка новинки", "order_paid", "order_paid", "Конверсия сегмента",
         "Категорийный менеджер", "активен", "2026-11-01"],
        ["gamers_cart", "Корзина геймера", "триггерный", "gamers", "purchase", "cart_abandoned", None,
         "Возврат в корзину", "order_paid", "order_paid", "Доля восстановленных корзин", "Категорийный менеджер",
         "активен", "2026-11-01"],  # planted FREQ002: same trigger as `cart`, which reaches gamers too
        ["app_welcome", "Приветствие в приложении", "триггерный", "new", "choice", "app_installed", None,
         "Первая покупка в приложении", "order_paid", "order_paid", "Конверсия из установки", owner, "активен",
         "2026-10-20"],  # planted TRK002: app_installed is not tracked
        ["reactivation", "Реактивация спящих", "триггерный", "sleeping", "winback", "inactive_90", None,
         "Вернуть клиента", "order_paid", "order_paid", "Доля вернувшихся", owner, "активен", "2026-10-20"],
        ["black_friday", "Чёрная пятница", "регулярная", "active", "loyalty", None, "раз в год",
         "Продажи распродажи", "order_paid", "order_paid", None, owner, "запланирован",
         "2026-11-01"],  # planted CNT003 (no KPI) and COV003 (active contains the stop list)
        ["sms_news", "SMS-новости магазина", "регулярная", "active", "loyalty", None, "2/week", "Охват новостей",
         "order_paid", None, "Доставляемость", owner, "пауза", "2026-06-01"],
    ], title="Сценарии коммуникаций")
    step_headers = ["Сценарий", "Шаг", "Канал", "Сообщение", "Тип сообщения", "Задержка", "Условие", "Комментарий"]
    sheet(wb, "Шаги", step_headers, [
        ["welcome", "S1", "email", "Добро пожаловать в «Полку»: как выбрать и где скидки", "контентное", "0", None],
        ["welcome", "S2", "push", "Скидка 10% на первый заказ", "акционное", "3 дня", "не открыл S1 в течение 3д"],
        ["browse", "S1", "Email", "Вы смотрели — подборка похожих", "контентное", "2ч", None],
        ["browse", "S2", "push", "Товар ещё в наличии, скидка 5%", "акционное", "1д", "не открыл S1 в течение 24ч"],
        ["cart", "S1", "email", "Вы забыли товары в корзине", "информационное", "1ч", None],
        ["cart", "S2", "push", "Корзина ждёт: скидка 5%", "акционное", "1д", "не открыл S1 в течение 24ч"],
        ["cart", "S3", "SMS", "Промокод на вашу корзину", "акционное", "1д", "не открыл S2 в течение 24ч",
         "Каскад email → push → SMS"],
        ["pickup", "S1", "email", "Заказ ждёт вас в пункте выдачи", "сервисное", "0", None],
        # planted INT002: the ESP does not pass delivery statuses on to the SMS gateway
        ["pickup", "S2", "sms", "Заказ ждёт вас, код получения в SMS", "сервисное", "2ч",
         "не доставлено S1 в течение 2ч", "Если письмо не дошло"],
        ["review", "S1", "telegram", "Оцените покупку — 100 баллов за отзыв", "контентное", "3 дня", None],
        ["points", "S1", "email", "У вас сгорают 500 баллов", "информационное", "0", None],
        # planted MAP003: "через день" is not a delay
        ["points", "S2", "Telegram", "Баллы сгорят через 3 дня", "информационное", "через день",
         "не открыл S1 в течение 24ч"],
        ["points", "S3", "sms", "Завтра сгорят 500 баллов", "информационное", "2д", "не прочитал S2 в течение 2 дней"],
        ["digest", "S1", "email", "Подборка месяца: новинки и хиты", "контентное", "0", None],
        ["vip_call", "S1", "telegram", "Персональная подборка от менеджера", "акционное", "0", None],
        # planted INT003: a messenger reports delivered/read, never "opened"; also no message (CNT004, --select all)
        ["vip_call", "S2", "call", None, "информационное", "1д", "не открыл S1 в течение 24ч"],
        # planted MAP001: a misspelt channel id
        ["gamers_promo", "S1", "Telegramm", "Новинки для стримеров: микрофоны и камеры", "акционное", "0", None],
        ["gamers_cart", "S1", "telegram", "Ваша корзина + бонус 300 баллов", "акционное", "1ч", None],
        ["app_welcome", "S1", "push", "Добро пожаловать в приложение", "информационное", "0", None],
        ["reactivation", "S1", "sms", "Скучаем! −15% на возвращение", "акционное", "0", None],
        # planted COST001: SMS first, the cheaper push only as its fallback
        ["reactivation", "S2", "push", "−15% ещё 3 дня", "акционное", "1д", "не доставлено S1"],
        # planted MAP006: a condition only a person can read
        ["reactivation", "S3", "email", "Что нового в «Полке» за три месяца", "контентное", "5д",
         "если клиент так и не вернулся на сайт"],
        ["black_friday", "S1", "email", "Чёрная пятница: до −50%", "акционное", "0", None],
        ["black_friday", "S2", "push", "Последний день распродажи", "акционное", "1д", "не открыл S1 в течение 24ч"],
        ["sms_news", "S1", "sms", "Новости магазина", "новостное", "0", None],
    ], title="Шаги (касания)")
    sheet(wb, "Системы", ["ID", "Название", "Каналы", "Оркестрация", "Принимает"], [
        ["esp", "ESP (email-рассылки)", "email", "да", "сайт, crm"],
        ["cdp", "CDP и мобильное приложение", "push, messenger", "да", "сайт, приложение, crm"],
        ["sms_gateway", "SMS-шлюз", "sms", "нет", "crm"],
        ["callcenter", "Колл-центр", "call", "нет", "crm"],
    ])
    sheet(wb, "Интеграции", ["Откуда", "Куда", "Передаёт"], [
        ["esp", "cdp", "открыл, клик"],
        ["cdp", "sms_gateway", "доставлено, открыто, прочитано"],
        ["sms_gateway", "cdp", "доставлено"],
        ["cdp", "callcenter", "*"],
    ])
    return wb


def en_b2b_saas() -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    key_value(wb, "Map", [
        ("Name", "Acme Analytics — lifecycle communication map"),
        ("Client", "Acme Analytics Inc."),
        ("Version", "1.4"),
        ("Owner", "Lifecycle marketing team"),
        ("Last reviewed", "2026-08-20"),
        ("Platform", "ESP + in-app messaging + Slack community bot + sales CRM"),
    ])
    sheet(wb, "Segments", ["Segment ID", "Name", "Parent", "Size", "Tier", "Excluded", "Stage", "Notes"], [
        ["webinar_leads", "Webinar leads", None, 12000, "regular", "no", "visitor", None],
        ["trial_users", "Trial users", None, 4000, "regular", "no", "trial", None],
        ["reporting_automators", "JTBD: automate recurring reports", None, 1500, "regular", "no", "trial",
         "Signed up from the reporting landing page"],
        ["team_onboarding", "JTBD: get the whole team on dashboards", None, 900, "regular", "no", "trial", None],
        ["api_integrators", "JTBD: pipe data in through the API", None, 600, "regular", "no", "trial",
         "Created an API key during trial"],  # planted COV001: no scenario for this job
        ["paying_admins", "Paying workspace admins", None, 2500, "high", "no", "paid", None],
        ["enterprise_admins", "Enterprise admins", "paying_admins", 120, "vip", "no", "expansion", None],
        ["churn_risk", "Churn-risk accounts", None, 300, "high", "no", "renewal", "Usage down 40% in 30 days"],
        ["dnc", "Do-not-contact list", None, 150, None, "yes", None, "Legal hold / unsubscribed from all"],
    ], title="Segments by job-to-be-done")
    sheet(wb, "Stages", ["ID", "Name", "Order", "Next", "Final"], [
        ["visitor", "Visitor", 1, "trial", None],
        ["trial", "Trial", 2, "activation", None],
        ["activation", "Activation", 3, "paid", None],
        ["paid", "Paid", 4, "expansion, renewal", None],
        ["expansion", "Expansion", 5, "paid", None],
        ["renewal", "Renewal", 6, "paid", None],
        ["churned", "Churned", 7, "trial", None],  # planted FLOW002: no stage leads here
    ])
    sheet(wb, "Channels", ["ID", "Name", "Kind", "System"], [
        ["email", "Email", "email", "esp"],
        ["inapp", "In-app message", "web", "product"],
        ["slack", "Slack community bot", "messenger", "slackbot"],
        ["call", "Sales call", "call", "crm"],
    ])
    sheet(wb, "Events", ["ID", "Name", "Source", "Tracked", "Key"], [
        ["webinar_registered", "Registered for a webinar", "site", "yes", "Webinar Registered"],
        ["webinar_attended", "Attended a webinar", "crm", "yes", "Webinar Attended"],
        ["trial_started", "Trial started", "app", "yes", "Trial Started"],
        ["trial_expiring", "Trial ends in 3 days", "crm", "yes", "Trial Expiring"],
        ["report_created", "First report created", "app", "yes", "Report Created"],
        ["teammate_invited", "Teammate invited", "app", "yes", "Teammate Invited"],
        ["api_key_created", "API key created", "app", "no", "API Key Created"],
        ["api_call_made", "First API call", "app", "yes", "API Call Made"],
        ["subscription_paid", "Subscription paid", "crm", "yes", "Order Completed"],
        ["renewal_due", "Renewal in 30 days", "crm", "yes", "Renewal Due"],
        ["usage_drop", "Usage dropped 40%", "app", "yes", "Usage Dropped"],
        ["demo_booked", "Demo booked", "site", "yes", "Demo Booked"],
        ["subscription_cancelled", "Subscription cancelled", "crm", "yes", "Subscription Cancelled"],
    ])
    headers = ["ID", "Name", "Type", "Segments", "Stage", "Trigger", "Schedule", "Goal", "Goal event",
               "Stop event", "KPI", "Owner", "Status", "Last reviewed"]
    sheet(wb, "Scenarios", headers, [
        ["webinar_invite", "Webinar invitation", "regular", "webinar_leads", "visitor", None, "2/month",
         "Webinar registration", "webinar_registered", "webinar_registered", "Registration rate ≥ 4%",
         "Maya (events)", "active", date(2026, 8, 1)],
        ["webinar_reminder", "Webinar reminders", "trigger", "webinar_leads", "visitor", "webinar_registered", None,
         "Show up to the webinar", "webinar_attended", "webinar_attended", "Attendance rate ≥ 40%", "Maya (events)",
         "active", date(2026, 8, 1)],
        ["trial_nurture", "Trial nurture by job", "trigger", "reporting_automators, team_onboarding", "trial",
         "trial_started", None, "First report in the first week", "report_created",
         "report_created, subscription_paid", "Activation rate", "Lifecycle team", "active", "2026-08-15"],
        ["trial_expiry", "Trial expiry", "trigger", "trial_users", "activation", "trial_expiring", None,
         "Convert to paid", "subscription_paid", "subscription_paid", "Trial-to-paid ≥ 12%", "Sales ops",
         "active", "2026-08-15"],
        ["onboarding", "Paid onboarding", "trigger", "paying_admins", "paid", "subscription_paid", None,
         "Invite the team", "teammate_invited", "teammate_invited", "Seats activated", "Customer success",
         "active", "2026-08-15"],
        ["api_keys", "API quickstart", "trigger", "paying_admins", "paid", "api_key_created", None,
         "First API call", "api_call_made", "api_call_made", "API activation", "Developer relations", "active",
         "2026-08-15"],
        ["renewal", "Renewal", "trigger", "paying_admins", "renewal", "renewal_due", None, "Renew the plan",
         "subscription_paid", "subscription_paid", "Gross retention ≥ 90%", "Customer success", "active",
         "2026-08-15"],
        ["churn_save", "Churn save", "trigger", "churn_risk", "renewal", "usage_drop", None, "Usage back",
         "report_created", "report_created", "Accounts recovered", "Customer success", "active", "2026-08-15"],
        ["expansion", "Expansion offer", "regular", "enterprise_admins", "expansion", None, "monthly",
         "Upsell seats and SSO", "demo_booked", "demo_booked", "Expansion MRR", None, "active",
         "2026-08-15"],  # planted GOV003
        ["newsletter", "Product updates", "regular", "*", "expansion", None, "monthly", None, None, None,
         "Open rate", "Product marketing", "active", "2026-08-15"],  # planted CNT001 and TRK004
        ["winback", "Win-back", "trigger", "churn_risk", "churned", "subscription_cancelled", None,
         "Restart the subscription", "subscription_paid", "subscription_paid", "Win-back rate", "Customer success",
         "planned", "2026-08-15"],
    ])
    sheet(wb, "Steps", ["Scenario", "Step", "Channel", "Message", "Message type", "Delay", "Condition"], [
        ["webinar_invite", "S1", "email", "Invitation: automate your weekly reports", "content", "0", None],
        ["webinar_invite", "S2", "email", "Last seats for Thursday", "promo", "3d", "not opened S1 within 3d"],
        ["webinar_reminder", "S1", "email", "Your webinar link", "info", "0", None],
        # planted INT002: the ESP passes clicks to the product, not opens
        ["webinar_reminder", "S2", "inapp", "Starting in 15 minutes — join", "info", "1d", "not opened S1"],
        ["trial_nurture", "S1", "Email", "Build your first automated report", "content", "1h", None],
        ["trial_nurture", "S2", "inapp", "Try the report builder", "info", "2d", "not clicked S1 within 2d"],
        ["trial_nurture", "S3", "inapp", "Trial ends soon — 20% off annual", "promo", "10d", None],
        ["trial_expiry", "S1", "email", "Your trial ends in 3 days", "promo", "0", None],
        # planted COST002: a sales call for 4,000 regular-tier trial users
        ["trial_expiry", "S2", "call", "Sales call: questions before you decide?", "info", "1d",
         "not opened S1 within 1d"],
        ["onboarding", "S1", "inapp", "Welcome to Acme Pro", "info", "0", None],
        # planted TRK003: the Slack bot never receives app events, so it cannot stop on teammate_invited
        ["onboarding", "S2", "slack", "Join the community and invite your team", "content", "3d", None],
        ["api_keys", "S1", "email", "API quickstart: your first call in 5 minutes", "content", "0", None],
        ["renewal", "S1", "email", "Your renewal is in 30 days", "info", "0", None],
        ["renewal", "S2", "call", None, "info", "5d", "not opened S1 within 5d"],  # CNT004 (--select all)
        ["churn_save", "S1", "inapp", "We miss your dashboards", "info", "0", None],
        # planted INT003: an in-app message reports nothing, certainly not "opened"
        ["churn_save", "S2", "email", "Need a hand? Book 15 minutes with us", "info", "2d", "not opened S1 within 2d"],
        ["expansion", "S1", "email", "SSO and extra seats for your team", "promo", "0", None],
        ["newsletter", "S1", "email", "What's new in Acme this month", "news", "0", None],
        ["winback", "S1", "email", "What could we have done better?", "content", "1d", None],
    ], title="Touchpoints")
    sheet(wb, "Systems", ["ID", "Name", "Channels", "Orchestration", "Receives"], [
        ["esp", "Email service provider", "email", "yes", "site, app, crm"],
        ["product", "In-app messaging", "web", "yes", "app, crm"],
        ["slackbot", "Slack community bot", "messenger", "no", "platform"],
        ["crm", "Sales CRM", "call", "no", "crm, site"],
    ])
    sheet(wb, "Integrations", ["From", "To", "Carries"], [
        ["esp", "product", "clicked"],
        ["esp", "crm", "opened, clicked"],
    ])
    return wb


def flat_form(normalized: Workbook, scenarios: str, steps: str, flat_name: str) -> Workbook:
    """The same map with Scenarios and Steps folded into one wide sheet, one row per touchpoint,
    scenario cells written on the first row of each scenario only (as clients draw it)."""
    wb = Workbook()
    wb.remove(wb.active)
    for ws in normalized.worksheets:
        if ws.title not in (scenarios, steps):
            copy = wb.create_sheet(ws.title)
            for row in ws.iter_rows(values_only=True):
                copy.append(list(row))
    scenario_ws, steps_ws = normalized[scenarios], normalized[steps]
    scenario_header = next(i for i, r in enumerate(scenario_ws.iter_rows(values_only=True), 1) if r[0] == "ID")
    step_header = next(i for i, r in enumerate(steps_ws.iter_rows(values_only=True), 1) if r[1] in ("Шаг", "Step"))
    scenario_names = [c.value for c in scenario_ws[scenario_header]]
    step_names = [c.value for c in steps_ws[step_header]][:7]
    by_id = {r[0]: r for r in scenario_ws.iter_rows(min_row=scenario_header + 1, values_only=True) if r[0]}
    flat = wb.create_sheet(flat_name)
    ru = scenarios == "Сценарии"
    renamed = {"ID": "Сценарий" if ru else "Scenario", "Название": "Название сценария", "Name": "Scenario name",
               "Тип": "Тип сценария", "Type": "Scenario type"}
    flat.append([renamed.get(h, h) for h in scenario_names] + step_names[1:])
    previous = None
    for row in steps_ws.iter_rows(min_row=step_header + 1, values_only=True):
        if not row[0]:
            continue
        first = row[0] != previous
        previous = row[0]
        scenario_cells = list(by_id[row[0]]) if first else [None] * len(scenario_names)
        flat.append(scenario_cells + list(row[1:7]))
    return wb


def main() -> None:
    ru = ru_ecommerce()
    builds = (("ru_ecommerce", lambda: ru), ("en_b2b_saas", en_b2b_saas),
              ("ru_ecommerce_flat", lambda: flat_form(ru, "Сценарии", "Шаги", "Карта касаний")))
    for name, build in builds:
        workbook = build()
        stamp = datetime(2026, 11, 1, 9, 0, 0)  # fixed metadata so the content does not depend on the clock
        workbook.properties.created = workbook.properties.modified = stamp
        workbook.properties.creator = "commap samples"
        path = HERE / f"{name}.xlsx"
        workbook.save(path)
        print(path)


if __name__ == "__main__":
    main()
