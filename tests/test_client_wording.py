"""Client wording read for what it means (2026-11-29): business outcomes in conditions, a workflow tool's
branches and actions, systems that drive or relay for others, legends, codes beside names."""
from __future__ import annotations

import openpyxl
import pytest

from audit.conditions import parse_condition
from audit.importer import load_map
from audit.importer.business import outcome_words
from audit.model import ConditionKind
from tests.builders import audit, build_map, codes_by_entity, scn, step

EVENTS = [{"id": "E16", "name": "Открыт вклад"}, {"id": "E18", "name": "Вклад заканчивается через 14 дней"},
          {"id": "E07", "name": "Нет операций по карте 60 дней"}, {"id": "E08", "name": "Операция по карте"},
          {"id": "order_placed"}, {"id": "order_cancelled"}, {"id": "Invoice paid"},
          {"id": "F1", "name": "Друг пришёл по гостевому"}]


def _conditions(texts: list[str], goal: str | None = None) -> list:
    scenario = scn("chain", trigger="E18") | ({"goal_event": goal} if goal else {})
    steps = [step("chain", "1", "email")] + [step("chain", str(n), "email", condition=text)
                                              for n, text in enumerate(texts, start=2)]
    m = build_map(events=EVENTS, scenarios=[scenario], steps=steps)
    return [(s.condition.kind.value, s.condition.event) if s.condition else None for s in m.steps[1:]]


def test_a_business_outcome_waits_on_the_absence_of_its_event():
    assert _conditions(["вклад не открыт", "нет операций", "if invoice still unpaid"]) == [
        ("no_event", "E16"), ("no_event", "E08"), ("no_event", "Invoice paid")]


def test_an_outcome_several_events_answer_takes_the_goal_or_stays_free_text():
    # "order" is in order_placed and order_cancelled alike: the scenario's goal decides, else nothing does
    assert _conditions(["No order yet"], goal="order_placed") == [("no_event", "order_placed")]
    assert _conditions(["No order yet"]) == [None]


def test_words_that_say_too_little_of_an_event_or_a_negative_event_are_not_the_outcome():
    # «не пришёл» says one of three words of «Друг пришёл по гостевому»; «Нет операций…» is a trigger of its own
    assert _conditions(["если не пришёл"]) == [None]
    assert outcome_words("покупка") is None  # no "not": nothing is awaited


def test_a_workflow_branch_answered_false_is_negated():
    opened = parse_condition("If opened email #1 = false")
    assert (opened.kind, opened.negated, opened.feedback, opened.channel, opened.ordinal) == (
        ConditionKind.FEEDBACK, True, "opened", "email", 1)
    assert parse_condition("If clicked push #2 = true").negated is False
    assert parse_condition("event order_paid = false").kind is ConditionKind.NO_EVENT


def test_an_action_names_its_channel_and_its_sender():
    m = build_map(
        systems=[{"id": "HubSpot", "channels": "email, call"}, {"id": "Intercom", "channels": "push"}],
        scenarios=[scn("wf")],
        steps=[step("wf", "1", "Send marketing email: Trial onboarding #1"),
               step("wf", "2", "Send push (Intercom)", condition="If opened email #1 = false"),
               step("wf", "3", "Create task for SDR: call"),
               step("wf", "4", "Enroll in another workflow")])
    assert [(s.channel, s.system) for s in m.steps] == [
        ("email", None), ("push", "Intercom"), ("call", None), ("Enroll in another workflow", None)]
    assert m.steps[1].condition.step_ref == "1"


def test_an_orchestrating_system_drives_the_gateway_that_receives_from_it_but_not_one_that_does_not():
    def findings(receives: str) -> set:
        m = build_map(
            systems=[{"id": "Altcraft", "channels": "email", "receives": "site"},
                     {"id": "Edna", "channels": "sms", "receives": receives}],
            events=[{"id": "cart", "source": "site"}],
            scenarios=[scn("cart", trigger="cart")],
            steps=[step("cart", "1", "email"), step("cart", "2", "sms", condition="если не открыл письмо")])
        return {code for code, _ in codes_by_entity(audit(m)) if code in ("INT002", "TRK003")}

    assert findings("1С, Altcraft") == set()  # Altcraft decides and has Edna send; the cart event reaches it
    assert findings("1С") == {"INT002"}


def test_a_gateway_listing_an_orchestrator_gets_its_events_but_a_source_kind_stays_a_kind():
    def trk003(receives: str) -> set:
        m = build_map(
            systems=[{"id": "Bitrix24", "channels": "call", "receives": "site"},
                     {"id": "crm", "channels": "push", "receives": "crm"},
                     {"id": "SMS.ru", "channels": "sms", "receives": receives}],
            events=[{"id": "order", "source": "site"}],
            scenarios=[scn("order", trigger="order")],
            steps=[step("order", "1", "sms")])
        return {e for code, e in codes_by_entity(audit(m)) if code == "TRK003"}

    assert trk003("Bitrix24") == set()
    assert trk003("crm") == {"order"}  # "crm" the source kind, not the system named crm


def test_a_legend_under_its_title_holds_no_scenarios(tmp_path):
    path = tmp_path / "legend.xlsx"
    wb = openpyxl.Workbook()
    about = wb.active
    about.title = "О документе"
    for row in (["Карта коммуникаций «Пример»"], [], ["Дата актуализации", "03.11.2026"], [], ["Легенда"],
                ["Обозначение", "Что значит"], ["работает / запущена", "сценарий в продакшене"],
                ["план", "в разработке"]):
        about.append(row)
    steps = wb.create_sheet("Цепочки")
    steps.append(["Код", "Цепочка", "Сегменты", "Шаг", "Канал", "Когда"])
    steps.append(["W1", "Welcome", "Новые", 1, "Email", "сразу"])
    steps.append(["W1", "Welcome", "Новые", 2, "Email", "через 1 день"])
    wb.save(path)
    m = load_map(path)
    assert [(s.id, s.name) for s in m.scenarios] == [("W1", "Welcome")]
    assert [p.role for p in m.reading.sheets if p.name == "О документе"] == ["ignore"]
    assert str(m.meta.last_reviewed) == "2026-11-03"


def test_a_scenario_cards_id_line_is_its_code_and_a_blank_trigger_line_is_missing(tmp_path):
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "Сегменты.csv").write_text("ID,Сегмент\nloyal,Лояльные\n", encoding="utf-8")
    (folder / "SC10 Бонусы сгорают.csv").write_text(
        "Сценарий:,Бонусы сгорают,,\nID:,SC10,,\nТип:,триггер,,\nТриггер:,,,\nАудитория:,loyal,,\n,,,\n"
        "Шаг,Канал,Когда,Сообщение\n1,Push,за 7 дней до сгорания,Бонусы сгорят через 7 дней\n"
        "2,Email,за 1 день до сгорания,Последний день\n", encoding="utf-8")
    m = load_map(folder)
    assert [(s.id, s.name, s.trigger) for s in m.scenarios] == [("SC10", "Бонусы сгорают", None)]
    assert ("MAP004", "SC10") in codes_by_entity(audit(m))


BOARD = """Фрейм,Блок,Тип блока,Текст,Канал,Тип сообщения,Ведёт в,Ветка (да/нет)
F1,F1-1,триггер,Событие: app_installed (установил приложение),,,F1-2,
F1,F1-2,ожидание,через 30 минут,,,F1-3,
F1,F1-3,сообщение,Добро пожаловать!,Push,контент,F1-4,
F1,F1-4,условие,Сделал заказ? (order_created),,,"F1-5, F1-6","да, нет"
F1,F1-5,выход,Заказал — выходим,,,,
F1,F1-6,сообщение,−300 ₽ на первый заказ,Push,промо,F1-7,
F1,F1-7,выход,Конец,,,,
F2,F2-1,триггер,Событие: cart_abandoned,,,F2-2,
F2,F2-2,сообщение,В корзине остались блюда,Push,сервис,F2-3,
F2,F2-3,ожидание,через неделю,,,F2-4,
F2,F2-4,условие,Открыл пуш?,,,"F2-5, F2-2","да, нет"
F2,F2-5,выход,Конец,,,,
F2,F2-6,сообщение,Вариант для A/B,SMS,промо,F2-5,
F3,F3-1,триггер,,,,F3-2,
F3,F3-2,сообщение,Бонусы сгорают,Email,сервис,,
"""


def test_a_flow_diagram_export_reads_as_steps_with_delays_conditions_and_loops(tmp_path):
    folder = tmp_path / "board"
    folder.mkdir()
    (folder / "Схема.csv").write_text(BOARD, encoding="utf-8")
    (folder / "Фреймы.csv").write_text(
        "Фрейм,Название,Тип,Аудитория,Целевое событие,Стоп\nF1,Welcome,триггерный,Новые,order_created,order_created\n"
        "F2,Корзина,триггерный,Новые,order_created,\nF3,Бонусы,триггерный,Новые,,\n", encoding="utf-8")
    (folder / "События.csv").write_text("event_name,Трекаем?\napp_installed,да\norder_created,да\ncart_abandoned,да\n",
                                        encoding="utf-8")
    m = load_map(folder)
    steps = {s.id: s for s in m.steps}
    assert sorted(steps) == ["F1-3", "F1-6", "F2-2", "F2-6", "F3-2"]  # message boxes only
    assert (steps["F1-3"].timing_text, steps["F1-3"].next) == ("через 30 минут", ["F1-6"])
    assert (steps["F1-6"].condition.kind, steps["F1-6"].condition.event, steps["F1-6"].next) == (
        ConditionKind.NO_EVENT, "order_created", [])
    assert steps["F2-2"].next == ["F2-2"]  # "not opened" leads back to the same push: a loop
    assert {s.id: s.trigger for s in m.scenarios} == {"F1": "app_installed", "F2": "cart_abandoned", "F3": None}
    found = codes_by_entity(audit(m))
    assert {("FLOW003", "F2-2"), ("FLOW004", "F2"), ("FLOW005", "F2-6"), ("MAP004", "F3")} <= {
        (code, entity.split("/")[-1]) for code, entity in found}
    assert not any(code == "FLOW004" and entity == "F1" for code, entity in found)


def test_a_hub_that_has_the_feedback_and_drives_the_gateway_decides():
    # Sendsay reports opens to the CDP; the CDP orchestrates and sends commands to the SMS gateway
    def int002(cdp_orchestrates: str) -> set:
        m = build_map(
            systems=[{"id": "CDP", "channels": "", "orchestration": cdp_orchestrates, "sends_to": "Sendsay; SMS"},
                     {"id": "Sendsay", "channels": "email", "sends_to": "CDP (открытия, клики)", "orchestration": "no"},
                     {"id": "SMS", "channels": "sms", "orchestration": "no"}],
            scenarios=[scn("card")],
            steps=[step("card", "1", "email"), step("card", "2", "sms", condition="если не открыл письмо")])
        return {code for code, _ in codes_by_entity(audit(m)) if code == "INT002"}

    assert int002("да") == set()
    assert int002("нет") == {"INT002"}


def test_a_triggers_export_wording_names_the_event_it_holds():
    m = build_map(
        events=[{"id": "trial_started"}, {"id": "demo_booked"}, {"id": "nps_submitted"}],
        scenarios=[scn("a", trigger="Custom event: trial_started"), scn("b", trigger="Meeting booked → demo_booked"),
                   scn("c", trigger="nps_submitted (score ≥ 9)"), scn("d", trigger="Something else")],
        steps=[step(s, "1") for s in "abcd"])
    assert [s.trigger for s in m.scenarios] == ["trial_started", "demo_booked", "nps_submitted", "Something else"]


def test_working_days_prices_with_words_and_a_gloss_in_brackets():
    from audit.timing import parse_timing
    from audit.values import number

    assert parse_timing("Wait 2 business days").delay_minutes == 2 * 1440
    assert parse_timing("every weekday").recurrence  # still a set of days, not a duration
    next_morning = parse_timing("next morning 10am")
    assert (next_morning.delay_minutes, str(next_morning.send_time)) == (1440, "10:00")
    assert (number("0,9 ₽ за сессию"), number("~45 ₽ минута оператора"), number("бесплатно")) == (0.9, 45.0, 0.0)
    assert _conditions(["если не выбрал дату (нет события «Открыт вклад»)"]) == [("no_event", "E16")]
    assert parse_condition("If demo_attended = false").kind is ConditionKind.NO_EVENT


def test_a_system_listing_a_phone_call_sends_calls():
    m = build_map(systems=[{"id": "HubSpot", "channels": "Email, Phone call"}], scenarios=[scn("wf")],
                  steps=[step("wf", "1", "Send marketing email: Welcome"), step("wf", "2", "Create task for SDR: call")])
    assert not any(code == "INT001" for code, _ in codes_by_entity(audit(m)))


def test_timing_cells_of_us_teams():
    from audit.timing import parse_timing

    dispatched = parse_timing("On order_dispatched")
    assert (dispatched.anchor_relation, dispatched.anchor_text, dispatched.reason) == ("after", "order_dispatched", "")
    assert parse_timing("On the day, 09:00").delay_minutes == 0
    us_date = parse_timing("11/30/2026 8:00 AM ET")  # month first: there is no 30th month
    assert (str(us_date.send_time), us_date.reason) == ("08:00", "")
    assert parse_timing("10am recipient's time").reason == ""


def test_boxes_without_arrows_follow_the_rows_and_a_step_type_column_is_no_diagram():
    m = build_map(scenarios=[scn("cart", trigger="cart_abandoned")], steps=[
        step("cart", "1", "", block="Триггер", message="Событие: cart_abandoned"),
        step("cart", "2", "", block="Ожидание", message="через 1 час"),
        step("cart", "3", "Email", block="Сообщение", message="Вы забыли корзину"),
        step("cart", "4", "", block="Условие", message="Открыл письмо?"),
        step("cart", "5", "SMS", block="Сообщение", message="Корзина ждёт"),
        step("cart", "6", "", block="Выход")])
    assert [(s.id, s.timing_text, s.condition_text, s.next) for s in m.steps] == [
        ("3", "через 1 час", "", ["5"]), ("5", "", "Открыл письмо?", [])]  # no answer said: not guessed
    plain = build_map(scenarios=[scn("news")], steps=[step("news", "1", "email", block="promo"),
                                                      step("news", "2", "push", block="info")])
    assert [(s.id, s.next) for s in plain.steps] == [("1", None), ("2", None)]


def test_facts_written_in_pairs_above_a_transposed_cjm(tmp_path):
    path = tmp_path / "cjm.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "CJM"
    for row in (["Карта коммуникаций · Кредитная карта · версия 3.4 от 09.11.2026"],
                ["Версия:", "", "3.4", "Актуализирована:", "09.11.2026", "Владелец карты:", "И. Соколова"],
                [],
                ["Код этапа", "", "Э1", "Э2", "Э3"],
                ["Этап", "", "Знакомство", "Оформление", "Использование"],
                ["Следующий этап", "", "Э2", "Э3", ""],
                ["Финальный этап?", "", "нет", "нет", "да"]):
        ws.append(row)
    steps = wb.create_sheet("Цепочки")
    steps.append(["Сценарий", "Сегмент", "Этап CJM", "Шаг", "Канал", "Задержка"])
    for stage in ("Э1", "Э2", "Э3"):
        steps.append([f"Цепочка {stage}", "Все клиенты", stage, 1, "Email", "сразу"])
    wb.save(path)
    m = load_map(path)
    assert (m.meta.name, str(m.meta.last_reviewed), m.meta.owner) == (
        "Карта коммуникаций — Кредитная карта", "2026-11-09", "И. Соколова")
    assert [s.id for s in m.stages] == ["Э1", "Э2", "Э3"]


def test_an_outline_of_segments_chains_and_touches_a_row_each(tmp_path):
    path = tmp_path / "outline.xlsx"
    wb = openpyxl.Workbook()
    tree = wb.active
    tree.title = "Карта (дерево)"
    for row in (["Сегмент", "Цепочка", "Касания", "Запуск (триггер)", "Этап CJM"],
                ["SEG-NEW Новые клиенты (первый визит за 30 дней)"],
                ["", "Ц-02 Welcome", "", "визит_закрыт", "ST2 Первый визит"],
                ["", "", "1) Email сразу — «Спасибо за визит» (сервис)"],
                ["", "", "2) Push на следующий день в 11:00, если не открыл письмо — «Включите напоминания»"],
                [],
                ["SEG-VIP VIP (чек > 150 тыс. ₽ в год)"],
                ["", "Ц-06 Авто готово", "", "авто_готово", "ST2 Первый визит"],
                ["", "", "1) SMS сразу — «Ваш автомобиль готов»"],
                ["", "", "2) Звонок персонального менеджера через 3 часа, если SMS не доставлено — «Скрипт»"]):
        tree.append(row)
    segments = wb.create_sheet("Сегменты")
    segments.append(["Код", "Сегмент", "Размер", "Ценность"])
    segments.append(["SEG-NEW", "Новые клиенты", 1150, "стандарт"])
    segments.append(["SEG-VIP", "VIP", 380, "VIP"])
    stages = wb.create_sheet("Этапы")
    stages.append(["Код", "Этап", "Финальный"])
    stages.append(["ST2", "Первый визит", "да"])
    wb.save(path)
    m = load_map(path)
    assert [(s.id, s.segments, s.stage) for s in m.scenarios] == [
        ("Ц-02 Welcome", ["SEG-NEW"], "ST2"), ("Ц-06 Авто готово", ["SEG-VIP"], "ST2")]
    assert [(s.scenario, s.id, s.channel, s.timing_text) for s in m.steps] == [
        ("Ц-02 Welcome", "1", "Email", "сразу"), ("Ц-02 Welcome", "2", "Push", "на следующий день в 11:00"),
        ("Ц-06 Авто готово", "1", "SMS", "сразу"), ("Ц-06 Авто готово", "2", "Звонок", "через 3 часа")]
    assert [s.id for s in m.segments] == ["SEG-NEW", "SEG-VIP"]  # the outline's segment rows are the sheet's
    assert m.steps[0].message_type.value == "service"


def test_a_content_calendar_gives_each_mailing_its_issue_type(tmp_path):
    path = tmp_path / "calendar.xlsx"
    wb = openpyxl.Workbook()
    plan = wb.active
    plan.title = "Контент-план дек"
    plan.append(["ID", "Канал", "Сегмент", "Регулярность", "Нед. 48\n23–29.11", "Нед. 49\n30.11–06.12",
                 "Нед. 50\n07–13.12"])
    plan.append(["R01", "Email", "Подписчики", "еженедельно, вт 11:00", "Дайджест новинок (email, контент)",
                 "Как выбрать когтеточку (email, контент)", "Скидки недели (email, промо)"])
    plan.append(["R07", "SMS", "Стоп-лист", "разово", "Чёрная пятница −30% (sms, промо)", "", ""])
    segments = wb.create_sheet("Сегменты")
    segments.append(["Сегмент", "Стоп-лист"])
    segments.append(["Подписчики", "нет"])
    segments.append(["Стоп-лист", "да"])
    wb.save(path)
    m = load_map(path)
    assert [(s.scenario, s.message_type.value, s.message) for s in m.steps] == [
        ("R01", "content", "Дайджест новинок"), ("R07", "promo", "Чёрная пятница −30%")]
    assert ("COV003", "R07/1") in codes_by_entity(audit(m))


def test_integrations_say_what_row_systems_receive():
    # systems named only on the rows, and data flows that bring Segment's events to Braze but Zendesk's nowhere
    m = build_map(
        events=[{"id": "Order Shipped", "source": "Segment"}, {"id": "Delivery Issue Reported", "source": "Zendesk"}],
        integrations=[{"from": "iOS App", "to": "Segment", "carries": "track"},
                      {"from": "Segment", "to": "Braze", "carries": "all track events"},
                      {"from": "Zendesk", "to": "Snowflake", "carries": "tickets"}],
        scenarios=[scn("shipped", trigger="Order Shipped"), scn("apology", trigger="Delivery Issue Reported"),
                   scn("welcome", trigger="Order Shipped", type="Action-based")],
        steps=[step("shipped", "1", "push", system="Braze"), step("apology", "1", "email", system="Braze"),
               step("welcome", "1", "email", system="Braze", condition="Has not performed Order Shipped")])
    assert {e for code, e in codes_by_entity(audit(m)) if code == "TRK003"} == {"apology"}
    assert m.scenarios[2].type.value == "trigger"
    assert (m.steps[2].condition.kind, m.steps[2].condition.event) == (ConditionKind.NO_EVENT, "Order Shipped")


def test_a_register_beside_a_chains_sheet_lists_scenarios_not_steps(tmp_path):
    path = tmp_path / "register.xlsx"
    wb = openpyxl.Workbook()
    register = wb.active
    register.title = "Реестр коммуникаций"
    register.append(["№ п/п", "Наименование", "Инициатор", "Тип", "Целевая аудитория", "Канал(ы)", "Периодичность"])
    register.append(["Т-01", "Приветствие", "Розница", "триггерная", "Новые", "Email", "по событию"])
    register.append(["Т-02", "Брошенная заявка", "Розница", "триггерная", "Новые", "SMS + push", "по событию"])
    register.append(["Т-13", "День рождения", "Розница", "триггерная", "Новые", "Email", "по событию"])
    register.append(["М-05", "Новости банка", "Маркетинг", "массовая", "Новые", "Email", "1 раз в месяц"])
    chains = wb.create_sheet("Цепочки")
    chains.append(["№ комм.", "Коммуникация", "Касание", "Когда", "Канал"])
    for code, name in (("Т-01", "Приветствие"), ("Т-02", "Брошенная заявка")):
        chains.append([code, name, 1, "сразу", "Email"])
        chains.append([code, name, 2, "через 2 часа", "SMS"])
    wb.save(path)
    m = load_map(path)
    assert [(s.id, s.name, s.owner) for s in m.scenarios][:2] == [("Т-01", "Приветствие", "Розница"),
                                                                  ("Т-02", "Брошенная заявка", "Розница")]
    assert sorted((s.scenario, s.id) for s in m.steps) == [("М-05", "1"), ("Т-01", "1"), ("Т-01", "2"),
                                                           ("Т-02", "1"), ("Т-02", "2")]
    found = codes_by_entity(audit(m))
    assert ("MAP005", "Т-13") in found and not any(code == "MAP002" for code, _ in found)


def test_an_owners_single_sheet(tmp_path):
    """Touches a line each in one row, their timing and condition in the touch's words, an audience in a sentence,
    a 'Lists' table beside the flows, the title's date in brackets, a sheet of triggers without a type column."""
    path = tmp_path / "owner.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Messaging plan"
    ws.append(["IronWorks – who we message (last updated 14 Apr 2026)"])
    ws.append(["", "", "", "", "", "", "Lists"])
    ws.append(["Flow", "Who gets it", "Starts when", "Touches", "Channel", "", "Audience", "Approx. size"])
    ws.append(["Failed payment", "all active members (whoever's debit bounces)", "payment_failed",
               "Same day: SMS – payment failed\nNext morning 10am: email – only if the SMS wasn't delivered",
               "SMS\nEmail", "", "All active members", 4200])
    ws.append(["Win-back", "Lapsed members – no visit for 30 days", "no_checkin_30d",
               "Day 0\nD+10 if still no visit – then go back to Day 0", "Email\nSMS", "", "Lapsed members", 1150])
    wb.save(path)
    m = load_map(path)
    assert (m.meta.name, str(m.meta.last_reviewed)) == ("IronWorks – who we message", "2026-04-14")
    assert [(s.id, s.size) for s in m.segments] == [("All active members", 4200), ("Lapsed members", 1150)]
    assert [s.segments for s in m.scenarios] == [["All active members"], ["Lapsed members"]]
    assert [(s.channel, s.timing_text, s.condition_text, s.next) for s in m.steps] == [
        ("SMS", "Same day", "", None), ("Email", "Next morning 10am", "only if the SMS wasn't delivered", None),
        ("Email", "Day 0", "", None), ("SMS", "D+10", "if still no visit", ["Day 0"])]
    found = {(code, entity.split("/")[0]) for code, entity in codes_by_entity(audit(m))}
    assert {("COST001", "Failed payment"), ("FLOW003", "Win-back")} <= found
    assert any(code == "GOV001" for code, _ in found)  # 14 Apr 2026 is more than six months before the audit


def test_a_change_log_under_a_table_or_on_the_cover_dates_the_map_and_is_no_record(tmp_path):
    path = tmp_path / "history.xlsx"
    wb = openpyxl.Workbook()
    cover = wb.active
    cover.title = "Обложка"
    for row in (["Карта CRM-коммуникаций «Хвост и Лапа» — аудит"], [], ["Клиент:", "ООО «Хвост и Лапа»"], [],
                ["История версий"], ["Версия", "Дата", "Автор"], ["0.1", "14.03.2026", "Ольга"],
                ["1.1", "20.11.2026", "Илья"]):
        cover.append(row)
    policy = wb.create_sheet("Контактная политика")
    for row in (["Канал", "Тип канала", "Комментарий"], ["Email", "email", ""], ["SMS", "sms", ""], [],
                ["История пересмотров карты"], ["Дата пересмотра", "Кто пересматривал"], ["2026-05-15", "Лаптева А."]):
        policy.append(row)
    steps = wb.create_sheet("Цепочки")
    steps.append(["Сценарий", "Сегмент", "Шаг", "Канал", "Сегмент2"][:4])
    steps.append(["Welcome", "Новые", 1, "Email"])
    steps.append(["Welcome", "Новые", 2, "SMS"])
    wb.save(path)
    m = load_map(path)
    assert (m.meta.name, str(m.meta.last_reviewed)) == ("Карта CRM-коммуникаций «Хвост и Лапа» — аудит", "2026-11-20")
    assert [c.id for c in m.channels] == ["Email", "SMS"]


def test_a_one_off_mailing_says_so_in_its_timing():
    from audit.timing import parse_timing

    assert parse_timing("разово, 01.12.2026").send_date == "2026-12-01" and parse_timing("разово").reason == ""
    m = build_map(scenarios=[scn("bf", type="разовая", trigger="")],
                  steps=[step("bf", "1", "sms", delay="разово, 01.12.2026")])
    assert m.scenarios[0].schedule == "разово, 01.12.2026"
    assert not any(code == "MAP004" for code, _ in codes_by_entity(audit(m)))


def test_crm_robots_beside_a_chains_sheet(tmp_path):
    """Bitrix24/amoCRM robots a row each («Действие: Задача менеджеру: позвонить») and a «Цепочки» sheet listing
    the chains: the robots say who gets each chain and when; «позвонить» is the map's one call channel."""
    path = tmp_path / "robots.xlsx"
    wb = openpyxl.Workbook()
    robots = wb.active
    robots.title = "Воронка и роботы"
    robots.append(["Стадия сделки", "Цепочка", "Робот №", "Когда срабатывает", "Задержка", "Действие", "Кому"])
    robots.append(["Новая заявка", "Ц1", "Р-01", "Заявка с сайта", "сразу", "Отправить SMS", "B2C-LEAD"])
    robots.append(["Новая заявка", "Ц1", "Р-02", "Заявка с сайта", "через 10 мин", "Задача менеджеру: позвонить",
                   "B2C-LEAD"])
    chains = wb.create_sheet("Цепочки")
    chains.append(["Цепочка", "Название", "Цель"])
    chains.append(["Ц1", "Новая заявка (физлица)", "Связаться с клиентом"])
    channels = wb.create_sheet("Каналы")
    channels.append(["Канал", "Тип"])
    channels.append(["SMS", "sms"])
    channels.append(["Звонок", "звонок"])
    segments = wb.create_sheet("Сегменты")
    segments.append(["Код", "Сегмент", "Численность"])
    segments.append(["B2C-LEAD", "Физлица: заявка", 1900])
    wb.save(path)
    m = load_map(path)
    assert [(s.id, s.name, s.segments, s.trigger) for s in m.scenarios] == [
        ("Ц1", "Новая заявка (физлица)", ["B2C-LEAD"], "Заявка с сайта")]
    assert [(s.id, s.channel) for s in m.steps] == [("Р-01", "SMS"), ("Р-02", "Звонок")]
    assert ("COST002", "Ц1/Р-02") in codes_by_entity(audit(m))


def test_scenarios_written_as_labelled_blocks_in_one_column(tmp_path):
    path = tmp_path / "brief.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Сценарии"
    for row in (["СЦЕНАРИИ — описание для подрядчика"], [],
                ["Сценарий: Брошенная корзина"], ["Кому: Новые"], ["Старт: Корзина брошена"],
                ["Шаги: 1) через 1 час — email «Вы кое-что забыли» (сервис) 2) через 1 день — push «Корзина ждёт»"
                 " (акция); если нет события «Заказ» — через 4 дня снова шаг 1"],
                ["Владелец: Марина"], [],
                ["Сценарий: Дайджест"], ["Кому: Постоянные"], ["Расписание: каждую пятницу в 12:00"],
                ["Шаги:\n1) сразу — email «Дайджест недели» (полезное)"], ["Владелец: Ольга"]):
        ws.append(row)
    wb.save(path)
    m = load_map(path)
    assert [(s.id, s.segments, s.trigger, s.schedule, s.owner) for s in m.scenarios] == [
        ("Брошенная корзина", ["Новые"], "Корзина брошена", None, "Марина"),
        ("Дайджест", ["Постоянные"], None, "каждую пятницу в 12:00", "Ольга")]
    assert [(s.scenario, s.channel, s.timing_text, s.message_type and s.message_type.value, s.next) for s in m.steps] == [
        ("Брошенная корзина", "email", "через 1 час", "service", None),
        ("Брошенная корзина", "push", "через 1 день", "promo", ["1"]),
        ("Дайджест", "email", "сразу", "content", None)]


def test_a_touch_id_beside_the_flow_it_belongs_to(tmp_path):
    path = tmp_path / "lifecycle.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Lifecycle"
    ws.append(["ID", "Flow", "Channel", "Delay", "Audience"])
    for row in (["LD-1", "Syllabus nurture", "Email", "Immediately", "leads"],
                ["LD-2", "Syllabus nurture", "Email", "+3 days", "leads"],
                ["PS-1", "Stalled prep rescue", "Push", "Immediately", "prep_stalled"],
                ["PS-2", "Stalled prep rescue", "Email", "+1 day", "prep_stalled"]):
        ws.append(row)
    wb.save(path)
    m = load_map(path)
    assert [s.id for s in m.scenarios] == ["Syllabus nurture", "Stalled prep rescue"]
    assert [(s.scenario, s.id) for s in m.steps][:2] == [("Syllabus nurture", "LD-1"), ("Syllabus nurture", "LD-2")]


def test_a_status_answered_yes_or_no_and_stages_all_answered_not_final():
    m = build_map(scenarios=[scn("a", status="да"), scn("b", status="нет")], steps=[step("a", "1"), step("b", "1")],
                  stages=[{"id": "Quote", "next": "Lapsed", "final": "No"}, {"id": "Lapsed", "final": "No"}])
    assert [s.status.value for s in m.scenarios] == ["active", "off"]
    assert ("FLOW001", "Lapsed") in codes_by_entity(audit(m))
    # with no final cell written at all, the last stage is taken as the journey's end
    m = build_map(scenarios=[scn("a")], steps=[step("a", "1")], stages=[{"id": "Quote", "next": "Lapsed"}, {"id": "Lapsed"}])
    assert not any(code == "FLOW001" for code, _ in codes_by_entity(audit(m)))


def test_rows_grouped_under_a_stage_title(tmp_path):
    path = tmp_path / "grouped.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Lifecycle"
    ws.append(["ID", "Flow", "Channel", "Delay", "Audience"])
    ws.append(["Lead"])
    ws.append(["LD-1", "Syllabus nurture", "Email", "Immediately", "leads"])
    ws.append(["LD-2", "Syllabus nurture", "Email", "+3 days", "leads"])
    ws.append(["Free prep"])
    ws.append(["PR-1", "Prep onboarding", "Email", "Immediately", "prep"])
    ws.append(["PR-2", "Prep onboarding", "Push", "+1 day", "prep"])
    ws.append(["Spotlight"])  # a group title naming no stage only groups its rows
    ws.append(["SP-1", "Alumni spotlight", "Email", "Immediately", "leads"])
    ws.append(["SP-2", "Alumni spotlight", "Email", "+7 days", "leads"])
    journey = wb.create_sheet("Journey")
    journey.append(["Stage", "Next stage", "Final?"])
    journey.append(["Lead", "Free prep", "No"])
    journey.append(["Free prep", "", "Yes"])
    wb.save(path)
    m = load_map(path)
    assert [(s.id, s.stage) for s in m.scenarios] == [("Syllabus nurture", "Lead"), ("Prep onboarding", "Free prep"),
                                                      ("Alumni spotlight", None)]
    assert not any(code in ("COV002", "MAP001") for code, _ in codes_by_entity(audit(m)))


def test_a_journey_builder_export_writes_each_box_as_kind_and_content(tmp_path):
    """Klaviyo-style flow rows: "Email: …", "Time delay: 1 day", "Conditional split: Has opened … zero times",
    the branch each box sits on written on the box; the flow filter is the exit, counted after the event."""
    path = tmp_path / "flows.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Flows"
    ws.append(["Flow", "Trigger", "Flow filters", "Conversion metric", "Action ID", "Action", "Branch"])
    cart = ["Abandoned cart", "Added to Cart", "Placed Order zero times since starting this flow", "Placed Order"]
    win = ["Win-back", "Placed Order", "", "Placed Order"]
    for row in (cart + ["CRT-1", "Time delay: 2 hours", ""], cart + ["CRT-2", "SMS: Cart reminder", ""],
                cart + ["CRT-3", "Time delay: 1 day", ""],
                cart + ["CRT-4", "Conditional split: Has opened SMS: Cart reminder zero times since starting this flow", ""],
                cart + ["CRT-5", "SMS: Last call", "Yes"],
                win + ["WB-1", "Email: We miss you", ""], win + ["WB-2", "Time delay: 3 days", ""],
                win + ["WB-3", "Conditional split: Has opened Email: We miss you at least once since starting this flow", ""],
                win + ["WB-4", "Email: New roasts", "Yes"], win + ["WB-5", "SMS: Comeback code", "No"]):
        ws.append(row)
    events = wb.create_sheet("Metrics")
    events.append(["Metric", "Source", "Receiving data"])
    for name in ("Added to Cart", "Placed Order"):
        events.append([name, "Shopify", "Yes"])
    stack = wb.create_sheet("Stack")
    stack.append(["System", "Channels", "Receives data from"])
    stack.append(["Klaviyo", "Email, SMS", "Shopify"])
    wb.save(path)
    m = load_map(path)
    assert [(s.id, s.channel, s.message, s.timing_text, s.condition_text, s.next) for s in m.steps] == [
        ("CRT-2", "SMS", "Cart reminder", "2 hours", "", ["CRT-5"]),
        ("CRT-5", "SMS", "Last call", "1 day", "not opened", []),
        ("WB-1", "Email", "We miss you", "", "", ["WB-4", "WB-5"]),
        ("WB-4", "Email", "New roasts", "3 days", "opened", []),
        ("WB-5", "SMS", "Comeback code", "3 days", "not opened", [])]
    assert [s.stop_events for s in m.scenarios] == [["Placed Order"], []]
    found = codes_by_entity(audit(m))
    assert ("INT003", "Abandoned cart/CRT-5") in found  # an SMS reports no opens
    assert ("FLOW004", "Win-back") in found and ("FLOW004", "Abandoned cart") not in found


def test_a_lone_message_sent_hours_after_the_trigger_still_stops_on_the_goal():
    def flow004(delay: str) -> bool:
        m = build_map(events=[{"id": "viewed"}, {"id": "ordered"}],
                      scenarios=[scn("browse", trigger="viewed", goal_event="ordered")],
                      steps=[step("browse", "1", "email", delay=delay)])
        return ("FLOW004", "browse") in codes_by_entity(audit(m))
    assert flow004("4h") and not flow004("0") and not flow004("10m")


def test_a_data_row_that_names_fields_is_no_header(tmp_path):
    path = tmp_path / "segments.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Segments & lists"
    ws.append(["Segment / list", "Type", "Profiles", "Use as exclusion"])
    ws.append(["Newsletter subscribers", "List", 48210, "No"])
    ws.append(["Wholesale accounts", "List", 86, "Yes"])
    ws.append(["Suppressed profiles", "Segment", 5102, "Yes"])  # "Suppressed", "Segment": field words, yet data
    flows = wb.create_sheet("Flows")
    flows.append(["Flow", "Audience", "Channel"])
    flows.append(["Welcome", "Newsletter subscribers", "Email"])
    wb.save(path)
    m = load_map(path)
    assert [(s.id, s.size, s.excluded) for s in m.segments] == [
        ("Newsletter subscribers", 48210, False), ("Wholesale accounts", 86, True), ("Suppressed profiles", 5102, True)]


def test_a_touch_named_by_its_number_in_a_condition():
    for text, feedback in (("касание 1 не доставлено", "delivered"), ("касание 1: не дозвонились", "answered"),
                           ("touch 2: not clicked", "clicked")):
        parsed = parse_condition(text)
        assert (parsed.kind, parsed.negated, parsed.feedback) == (ConditionKind.FEEDBACK, True, feedback), text
    assert parse_condition("касание 1 не доставлено").step_ref == "1"


def test_a_goal_written_as_one_of_the_maps_events_is_its_goal_event():
    m = build_map(events=[{"id": "trial_converted"}], scenarios=[scn("trial", goal="trial_converted"),
                                                                  scn("news", goal="More opens")],
                  steps=[step("trial", "1"), step("news", "1")])
    assert [s.goal_event for s in m.scenarios] == ["trial_converted", None]


def test_stages_down_a_grid_with_the_scenarios_of_each_channel_in_its_cells(tmp_path):
    path = tmp_path / "saas.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Flows"
    ws.append(["Flow", "Step", "Channel"])
    for flow in ("Онбординг триала", "Платёж не прошёл (Enterprise)", "Вернуть ушедших"):
        ws.append([flow, 1, "Email"])
    grid = wb.create_sheet("Matrix")
    grid.append(["Stage", "Email", "Push", "SMS"])
    grid.append(["Триал", "Онбординг триала", "Онбординг триала\nчитают гайд по API", ""])
    grid.append(["Продление", "Платёж не прошёл (Enterprise)", "", "Платёж не прошёл (Enterprise)"])
    grid.append(["Отток", "", "", ""])
    stages = wb.create_sheet("Stages")
    stages.append(["Stage", "Next", "Final"])
    for stage, after, final in (("Триал", "Продление", "no"), ("Продление", "Отток", "no"), ("Отток", "", "yes")):
        stages.append([stage, after, final])
    wb.save(path)
    m = load_map(path)
    # the prose in a cell («читают гайд по API») declares no scenario; a flow the grid leaves out keeps no stage
    assert [(s.id, s.stage) for s in m.scenarios] == [
        ("Онбординг триала", "Триал"), ("Платёж не прошёл (Enterprise)", "Продление"), ("Вернуть ушедших", None)]


def test_of_two_headers_saying_trigger_the_fuller_one_is_the_event():
    # «Триггер» beside «Событие-триггер» names the trigger chain; the event is in the other column
    m = _one_sheet_map([["Код", "Триггер", "Событие-триггер", "Канал"],
                        ["T01", "Приветствие нового абонента", "Активация SIM", "SMS"]])
    assert [(s.id, s.name, s.trigger) for s in m.scenarios] == [("T01", "Приветствие нового абонента", "Активация SIM")]


def _one_sheet_map(rows: list[list]):
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "map.xlsx"
        wb = openpyxl.Workbook()
        for row in rows:
            wb.active.append(row)
        wb.save(path)
        return load_map(path)


def test_a_scenario_sheet_whose_facts_are_label_and_value_in_one_cell(tmp_path):
    path = tmp_path / "dealer.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "СЕР-01 ТО"
    for row in (["Сценарий СЕР-01 — Напоминание о ТО: раз в год"], [], ["Код: СЕР-01"], ["Название: Напоминание о ТО"],
                ["Триггер: Подошёл срок ТО"], ["Сегмент: Владельцы"], ["Цель: запись на ТО"],
                ["Целевое событие: Запись в сервис создана"], ["Выход из цепочки: Запись в сервис создана"], [],
                ["№", "Канал", "Когда", "Условие", "Содержание"],
                [1, "Email", "сразу", "—", "Пора на ТО"], [2, "SMS", "через 3 дня", "если не записался", "Ждём вас"]):
        ws.append(row)
    events = wb.create_sheet("События")
    events.append(["Событие", "Отслеживается"])
    for name in ("Подошёл срок ТО", "Запись в сервис создана"):
        events.append([name, "да"])
    wb.save(path)
    m = load_map(path)
    assert [(s.id, s.trigger, s.goal_event, s.stop_events) for s in m.scenarios] == [
        ("СЕР-01", "Подошёл срок ТО", "Запись в сервис создана", ["Запись в сервис создана"])]
    # «если не записался» says one word of the chain's own goal event, in another form: its absence
    second = m.steps[1].condition
    assert (second.kind, second.event) == (ConditionKind.NO_EVENT, "Запись в сервис создана")


def test_a_condition_cell_that_also_loops_back():
    m = build_map(events=[{"id": "inactive_14d"}, {"id": "lesson_completed"}],
                  scenarios=[scn("wb", trigger="inactive_14d")],
                  steps=[step("wb", "1", "push"),
                         step("wb", "2", "email", delay="3d",
                              condition="if no lesson_completed since step 1; then wait 4 days and go back to step 1")])
    second = m.steps[1]
    assert (second.condition_text, second.next) == ("if no lesson_completed since step 1", ["1"])
    assert ("FLOW003", "wb") in {(code, entity.split("/")[0]) for code, entity in codes_by_entity(audit(m))}


def test_next_cells_written_with_an_arrow():
    m = build_map(scenarios=[scn("eng")], steps=[step("eng", "1", "push", next="→ 2"),
                                                  step("eng", "2", "email", next="→ 1 after 7 days")])
    assert [s.next for s in m.steps] == [["2"], ["1"]]


def test_channels_down_stages_across_with_coded_touches_in_the_cells(tmp_path):
    path = tmp_path / "grid.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Карта"
    ws.append(["КАРТА КОММУНИКАЦИЙ"])
    ws.append(["Канал ↓ / Этап →", "1. Знакомство", "2. Первый заказ"])
    ws.append(["✉️ Email", "ЗН-1.1 · сразу после регистрации · «Добро пожаловать» [промо]\n"
                          "ЗН-1.3 · через 3 дня после регистрации · «Как мы готовим» [контент]",
               "ПЗ-1.1 · через 1,5 часа после доставки · «Как вам?» [сервис]"])
    ws.append(["📲 Push", "ЗН-1.2 · через 1 день, если письмо ЗН-1.1 не открыто · «Ваши −15%» [промо]", ""])
    chains = wb.create_sheet("Цепочки")
    chains.append(["Код", "Название", "Кому"])
    chains.append(["ЗН-1", "Welcome", "Новички"])
    chains.append(["ПЗ-1", "После первого заказа", "Новички"])
    stages = wb.create_sheet("Этапы")
    stages.append(["№", "Этап", "Следующий этап", "Финальный?"])
    stages.append([1, "Знакомство", "Первый заказ", "нет"])
    stages.append([2, "Первый заказ", "", "да"])
    wb.save(path)
    m = load_map(path)
    assert [(s.scenario, s.id, s.channel, s.timing_text, s.condition_text, s.message_type.value) for s in m.steps] == [
        ("ЗН-1", "ЗН-1.1", "Email", "сразу после регистрации", "", "promo"),
        ("ЗН-1", "ЗН-1.2", "Push", "через 1 день", "если письмо ЗН-1.1 не открыто", "promo"),
        ("ЗН-1", "ЗН-1.3", "Email", "через 3 дня после регистрации", "", "content"),
        ("ПЗ-1", "ПЗ-1.1", "Email", "через 1,5 часа после доставки", "", "service")]
    assert [(s.id, s.stage) for s in m.scenarios] == [("ЗН-1", "Знакомство"), ("ПЗ-1", "Первый заказ")]
    assert m.steps[1].condition.step_ref == "ЗН-1.1"


def test_remarks_in_brackets_beside_a_timing_or_a_condition():
    from audit.timing import parse_timing

    timing = parse_timing("сразу после оформления (на КАЖДЫЙ заказ)")
    assert (timing.reason, timing.offset_minutes, timing.text) == ("", 0, "сразу после оформления (на КАЖДЫЙ заказ)")
    assert parse_timing("на 30-й день без заказа").offset_minutes == 30 * 1440
    parsed = parse_condition("если push СЕРВ-1.1 не доставлен (нет приложения / выключены пуши)")
    assert (parsed.negated, parsed.feedback, parsed.channel) == (True, "delivered", "push")


def test_day_zero_beside_a_delay_is_no_second_delay():
    from audit.timing import parse_timing

    assert (parse_timing("Day 0, within 10 minutes").delay_minutes, parse_timing("Day 0, within 10 minutes").reason) == (
        10, "")
    assert parse_timing("через 2 дня, через 3 дня").reason  # two delays still contradict each other


def test_an_outcome_in_another_form_of_the_events_words():
    m = build_map(events=[{"id": "E1", "name": "Запись на просмотр"}, {"id": "E2", "name": "Звонок менеджера"}],
                  scenarios=[scn("s", trigger="E2")],
                  steps=[step("s", "1", "email"), step("s", "2", "sms", condition="не записался на просмотр")])
    assert (m.steps[1].condition.kind, m.steps[1].condition.event) == (ConditionKind.NO_EVENT, "E1")


def test_segment_blocks_on_one_sheet_each_under_a_title_that_states_its_facts(tmp_path):
    path = tmp_path / "gdoc.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    header = ["Код", "Сценарий", "Событие-триггер", "№ касания", "Канал", "Что отправляем", "Тип сообщ."]
    for row in (["Карта коммуникаций сети аптек"], [],
                ["Сегмент: Новички | Размер: 48 200 чел. | Уровень: обычный | Стоп-лист: нет | Кто это: без покупок"],
                header, ["НВ-01", "Welcome", "Регистрация", 1, "email", "Добро пожаловать", "контент"], [],
                ["Сегмент: Хроники | Размер: 31 500 чел. | Стоп-лист: нет"], ["Пока без коммуникаций"], [],
                ["Сегмент: Отказ от рекламы | Размер: 9 100 чел. | Стоп-лист: да"],
                header, ["СТ-02", "Акция", "Регистрация", 1, "sms", "−20% на всё", "промо"]):
        ws.append(row)
    wb.save(path)
    m = load_map(path)
    assert sorted((s.id, s.size, s.excluded) for s in m.segments) == [
        ("Новички", 48200, False), ("Отказ от рекламы", 9100, True), ("Хроники", 31500, False)]
    assert [(s.id, s.segments) for s in m.scenarios] == [("НВ-01", ["Новички"]), ("СТ-02", ["Отказ от рекламы"])]
    found = codes_by_entity(audit(m))
    assert ("COV001", "Хроники") in found and any(code == "COV003" for code, _ in found)


def test_an_exported_checkbox_left_empty_is_a_no():
    m = build_map(events=[{"id": "a", "tracked": "checked"}, {"id": "b", "tracked": ""}],
                  scenarios=[scn("s", trigger="b")], steps=[step("s", "1")])
    assert [e.tracked for e in m.events] == [True, False]
    assert ("TRK002", "s") in codes_by_entity(audit(m))


def test_a_numbered_chain_over_two_columns_with_abbreviated_and_hyphened_channels(tmp_path):
    path = tmp_path / "fitness.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Сценарии"
    ws.append(["Код", "Сценарий", "Сегмент(ы)", "Старт (событие)", "Касания", "Если нет реакции / дожим"])
    ws.append(["Т-01", "Заявка", "ЛИД", "Заявка с сайта", "1) WA сразу (до 15 мин): «Здравствуйте!»",
               "2) если не прочитал через 2 часа — звонок админа, записать на гостевой\n"
               "3) через 1 день — SMS: адрес клуба"])
    ws.append(["Т-08", "Возврат", "СОН", "Нет визитов 21 день", "1) сразу — SMS: «Возвращайтесь»\n"
               "2) через 3 дня, если не купил — WA-напоминание: «до конца акции 3 дня»",
               "3) не купил → через 14 дней повторяем с п.1, не более 2 раз"])
    ws.append(["Р-02", "Анонс", "АКТ", "Анонс", "1) 12:00 — VK-рассылка (Senler): анонс программ",
               "2) если не прочитал за 3 дня — дублируем в Telegram"])
    wb.save(path)
    m = load_map(path)
    assert [(s.scenario, s.id, s.channel, s.timing_text, s.condition_text) for s in m.steps] == [
        ("Т-01", "1", "WA", "сразу (до 15 мин)", ""), ("Т-01", "2", "звонок", "", "если не прочитал через 2 часа"),
        ("Т-01", "3", "SMS", "через 1 день", ""),
        ("Т-08", "1", "SMS", "сразу", ""), ("Т-08", "2", "WA", "через 3 дня", "если не купил"),
        ("Р-02", "1", "VK", "12:00", ""), ("Р-02", "2", "Telegram", "", "если не прочитал за 3 дня")]
    # the third item of Т-08 sends nothing: it loops back to the first touch, at most twice
    loop = m.steps[4]
    assert (loop.next, "не более 2 раз" in loop.next_text) == (["1"], True)


def test_a_day_grid_of_sales_touches_labelled_by_number_and_replies_a_sequencer_logs():
    from audit.importer.flat import packed_touch

    assert packed_touch("Email #2 – case study (if no reply)") == {
        "channel": "Email", "message": "case study", "delay": "", "condition": "if no reply", "message_type": "",
        "next": ""}
    assert packed_touch("LinkedIn touch")["delay"] == ""
    m = build_map(systems=[{"id": "HubSpot", "channels": "Email (marketing)"},
                           {"id": "Outreach", "channels": "Email (1:1), Call (dialer)",
                            "notes": "replies and call outcomes logged to SFDC"}],
                  scenarios=[scn("seq", trigger="demo_requested") | {"system": "Outreach"},
                             scn("noshow", trigger="no_show") | {"system": "Outreach"}],
                  steps=[step("seq", "1", "Email"), step("seq", "2", "Call", delay="1d", condition="if no reply"),
                         step("noshow", "1", "Call"),
                         step("noshow", "2", "Email", delay="1d", condition="if call not connected")])
    assert [s.system for s in m.steps] == ["Outreach"] * 4  # the chain's "Sent via"
    found = codes_by_entity(audit(m))
    assert not any(code == "INT003" for code, _ in found)  # the sequencer reads the replies to its emails
    assert ("COST001", "noshow/2") in found  # a call first, then an email when it does not connect


def test_a_condition_naming_the_awaited_step_by_a_word_of_its_message():
    m = build_map(scenarios=[scn("onb")], steps=[step("onb", "1", "push", message="In-app – welcome checklist"),
                                                  step("onb", "2", "call", delay="3d",
                                                       condition="if checklist not opened")])
    condition = m.steps[1].condition
    assert (condition.step_ref, condition.negated, condition.feedback) == ("1", True, "opened")


def test_a_cover_line_saying_who_keeps_the_map_and_a_cost_per_contact_column(tmp_path):
    path = tmp_path / "cover.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Как читать"
    for row in (["Сёгун — карта CRM-коммуникаций"], [], ["Бренд", "Сёгун"], ["Карту ведёт", "Алина, CRM-менеджер"],
                ["Актуальность на", "2026-10-14"]):
        ws.append(row)
    channels = wb.create_sheet("Каналы")
    channels.append(["Канал", "₽ за контакт"])
    channels.append(["SMS", 3.4])
    flows = wb.create_sheet("Цепочки")
    flows.append(["Цепочка", "Канал"])
    flows.append(["Welcome", "SMS"])
    wb.save(path)
    m = load_map(path)
    assert (m.meta.name, m.meta.owner) == ("Сёгун — карта CRM-коммуникаций", "Алина, CRM-менеджер")
    assert [c.cost for c in m.channels] == [3.4]


def _workbook(tmp_path, sheets: dict[str, list[list]]):
    path = tmp_path / "map.xlsx"
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return load_map(path)


def test_a_reglament_of_scenario_blocks_with_headings_and_bulleted_touches(tmp_path):
    m = _workbook(tmp_path, {"Регламент": [
        ["РЕГЛАМЕНТ КОММУНИКАЦИЙ"], ["Версия: 4.2"], ["Дата актуализации: 06.10.2026"], [],
        ["1. Общие положения"], ["1.1. Регламент описывает автоматические коммуникации."], [],
        ["Сценарий 1. Брошенный расчет"], ["Повод: Расчет без оформления"], ["Кому: Потенциальные клиенты"],
        ["Цель: довести до оплаты"], ["Ответственный: О. Белова"], ["Касания:"],
        ["— через 1 час: email «Ваш расчет сохранен» (сервисное)"],
        ["— через 1 день, если письмо не открыто: SMS «Расчет действует» (сервисное)"], [],
        ["Сценарий 2. Пролонгация ОСАГО"], ["Повод: До окончания полиса 30 дней"], ["Кому: Владельцы ОСАГО"],
        ["Цель: продление"], ["Ответственный: Д. Миронов"], ["Касания:"],
        ["— за 30 дней до окончания полиса: email «Полис заканчивается» (сервисное)"],
        ["— за 1 день до окончания полиса: SMS «Завтра заканчивается» (сервисное)"]]})
    assert [(s.id, s.trigger, s.owner) for s in m.scenarios] == [  # the heading's name is the scenario
        ("Брошенный расчет", "Расчет без оформления", "О. Белова"),
        ("Пролонгация ОСАГО", "До окончания полиса 30 дней", "Д. Миронов")]
    assert [(s.scenario, s.channel, s.timing_text, s.condition_text) for s in m.steps] == [
        ("Брошенный расчет", "email", "через 1 час", ""),
        ("Брошенный расчет", "SMS", "через 1 день", "если письмо не открыто"),
        ("Пролонгация ОСАГО", "email", "за 30 дней до окончания полиса", ""),
        ("Пролонгация ОСАГО", "SMS", "за 1 день до окончания полиса", "")]


def test_a_journey_drawn_as_swimlanes(tmp_path):
    m = _workbook(tmp_path, {"J08 Win-back": [
        ["Journey", "J08 Win-back"], ["Trigger", "180 days since last order"], ["Audience", "Lapsed"],
        ["Goal", "One order"], [],
        ["Lane", "Day 0", "Day 5", "Day 7", "Day 30", "Notes"],
        ["👤 Customer action", "No order for 180 days", "", "", "", ""],
        ["📧 Email", "[content] 'A lot has changed'", "If no order: [promo] '15% off'", "", "If still no order: ↻ back to Day 0", ""],
        ["💬 SMS", "", "", "If Day 5 email not opened: [promo] '15% ends soon'", "", ""],
        ["🏬 Store staff", "", "", "", "", ""]],
        "Channels": [["Channel", "Type"], ["Email", "email"], ["SMS", "sms"], ["Store staff", "call"]]})
    assert [(s.id, s.channel, s.timing_text, s.condition_text, s.message, s.next) for s in m.steps] == [
        ("1", "Email", "Day 0", "", "A lot has changed", None),
        ("2", "Email", "Day 5", "If no order", "15% off", None),
        ("3", "SMS", "Day 7", "If step 2 email not opened", "15% ends soon", ["1"])]
    assert m.steps[2].condition.step_ref == "2"
    assert ("FLOW003", "J08 Win-back") in {(code, entity.split("/")[0]) for code, entity in codes_by_entity(audit(m))}


def test_a_row_per_message_with_a_tick_column_per_channel(tmp_path):
    m = _workbook(tmp_path, {"Messaging map": [
        ["Canvas", "Msg #", "Trigger event", "Push ✓", "Email ✓", "SMS ✓", "Copy"],
        ["LC01", 1, "install", False, True, False, "Welcome"], ["LC01", 2, "install", True, False, False, "Come back"],
        ["LC02", 1, "purchase", "", "", "✓", "Thanks"]]})
    assert [(s.scenario, s.id, s.channel) for s in m.steps] == [("LC01", "1", "Email"), ("LC01", "2", "Push"),
                                                              ("LC02", "1", "SMS")]


def test_a_cjm_grid_of_stages_beside_a_register_gives_the_stages(tmp_path):
    m = _workbook(tmp_path, {
        "CJM": [["CJM покупателя"], [], ["№ этапа", 1, 2, 3], ["Этап", "Знакомство", "Первый заказ", "Отзыв"],
                ["Коммуникации", "ВЕЛ-1 «Приветствие»", "КОР-1 «Корзина»", "—"], ["Каналы", "email", "push", "—"],
                ["Цепочки", "ВЕЛ-1", "КОР-1", "—"], ["Следующий этап", "Первый заказ", "Отзыв", "— (финальный этап)"]],
        "Реестр цепочек": [["Код", "Этап CJM", "Канал"], ["ВЕЛ-1", "Знакомство", "email"], ["КОР-1", "Первый заказ", "push"]]})
    assert [(s.name or s.id, s.next, s.final) for s in m.stages] == [
        ("Знакомство", ["2"], False), ("Первый заказ", ["3"], False), ("Отзыв", [], True)]


def test_small_client_words(tmp_path):
    from audit.timing import parse_timing
    from audit.values import boolean, live

    assert (boolean("✅ Live"), boolean("❌ Not implemented"), live("Not implemented"), live("Live")) == (
        True, False, False, True)
    assert (parse_timing("7 days before").anchor_relation, parse_timing("7 days before").offset_minutes) == ("before", 10080)
    assert parse_timing("+0").delay_minutes == 0 and parse_timing("Day 0").delay_minutes == 0
    m = build_map(scenarios=[scn("lc")], steps=[step("lc", "1", "email", next="→ 2"), step("lc", "2", "push", next="↺ 1 after 14d")])
    assert [s.next for s in m.steps] == [["2"], ["1"]]
    plain = _workbook(tmp_path, {"Steps": [["Scenario", "Step", "Channel"], ["visit", 1, "Store staff"]],
                                 "Channels": [["Channel", "Type"], ["Store staff", "call"]]})
    assert [s.channel for s in plain.steps] == ["Store staff"]  # two words, not a channel and when


def test_a_crm_pipeline_with_its_stages_as_columns_and_robots_in_them(tmp_path):
    m = _workbook(tmp_path, {
        "Воронка (роботы)": [
            ["Выгрузка роботов из CRM"],
            ["Цепочка", "Тип клиента", "Вид", "Шаг", "Новая заявка", "Квалификация", "Тендер", "Цель (событие)"],
            ["Переход на этап →", "", "", "", "Квалификация", "Тендер", "", ""],
            ["Семантика этапа", "", "", "", "в работе", "в работе", "успешный (финал)", ""],
            ["НЗ-1", "Дилеры", "робот", 1, "Робот: при создании сделки — сразу письмо клиенту «Заявка принята»", "", "",
             "Сделка перешла на этап «Квалификация»"],
            ["КВ-1", "Дилеры", "робот", 1, "", "Робот: при переходе на этап — письмо «Опросный лист» (Unisender)", "",
             "Сделка перешла на этап «Тендер»"],
            ["", "", "", 2, "", "Через 2 дня, если письмо не открыто — задача менеджеру позвонить (ВАТС)", "", ""],
            ["ТН-1", "Дилеры", "робот", 1, "", "", "Триггер: сделка на этапе > 5 дней — письмо «Вопросы?»", ""]],
        "События": [["Событие", "Фиксируется?"], ["Сделка перешла на этап «Квалификация»", "да"],
                    ["Сделка перешла на этап «Тендер»", "да"]]})
    assert [(s.id, s.next, s.final) for s in m.stages] == [
        ("Новая заявка", ["Квалификация"], False), ("Квалификация", ["Тендер"], False), ("Тендер", [], True)]
    assert [(s.id, s.stage, s.segments, s.trigger) for s in m.scenarios] == [
        ("НЗ-1", "Новая заявка", ["Дилеры"], "создании сделки"),
        ("КВ-1", "Квалификация", ["Дилеры"], "Сделка перешла на этап «Квалификация»"),
        ("ТН-1", "Тендер", ["Дилеры"], "сделка на этапе > 5 дней")]
    assert [(s.scenario, s.channel, s.condition_text) for s in m.steps] == [
        ("НЗ-1", "письмо", ""), ("КВ-1", "письмо", ""), ("КВ-1", "позвонить", "если письмо не открыто"),
        ("ТН-1", "письмо", "")]


def test_a_message_matrix_of_events_down_and_segments_across(tmp_path):
    m = _workbook(tmp_path, {
        "Message matrix": [
            ["Ref", "Trigger event", "Owner", "Prepaid", "Small business", "Vulnerable (do not market)"],
            ["MM-02", "Payment failed", "Hannah", "—", "1) [S] SMS D0: Payment failed\n2) [S] Email D+1, if SMS not "
             "delivered: Payment failed + bank details", "—"],
            ["MM-07", "Upgrade eligible", "Sophie", "—", "—", "[M] Push D0: You can upgrade now"]],
        "Segments": [["Segment", "Size", "Do not market"], ["Prepaid", 41000, "No"], ["Small business", 6800, "No"],
                     ["Vulnerable (do not market)", 1900, "Yes"]]})
    assert [(s.id, s.segments, s.trigger) for s in m.scenarios] == [
        ("MM-02 · Small business", ["Small business"], "Payment failed"),
        ("MM-07 · Vulnerable (do not market)", ["Vulnerable (do not market)"], "Upgrade eligible")]
    assert [(s.scenario.split(" · ")[0], s.id, s.channel, s.timing_text, s.condition_text,
             s.message_type.value if s.message_type else None) for s in m.steps] == [
        ("MM-02", "1", "SMS", "D0", "", "service"), ("MM-02", "2", "Email", "D+1", "if SMS not delivered", "service"),
        ("MM-07", "1", "Push", "D0", "", "promo")]
    found = codes_by_entity(audit(m))
    assert ("COST001", "MM-02 · Small business/2") in found
    assert ("COV003", "MM-07 · Vulnerable (do not market)/1") in found


def test_a_misspelt_header_word_whose_stem_changes_is_still_read():
    from audit.importer.recognize import header_scores

    assert max(header_scores("Следуюший этап", "stages").items(), key=lambda i: i[1])[0] == "next_stages"
    assert max(header_scores("Переодичность", "flat").items(), key=lambda i: i[1])[0] == "schedule"


def test_a_giant_number_in_a_timing_cell_is_no_duration():
    from audit.timing import parse_timing
    from audit.values import duration_minutes

    assert parse_timing("1" + "0" * 310).reason
    with pytest.raises(ValueError):
        duration_minutes(1.2483980103210528e+305)
