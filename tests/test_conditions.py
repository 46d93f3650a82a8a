"""The step-condition grammar of SPEC §2 (audit/conditions.py), in English and Russian.

Each case is (kind, negated, feedback, step_ref, event, within_minutes).
"""
import time

import pytest

from audit.conditions import PAYMENT, PURCHASE, canonical_feedback, channel_kind, channel_word, parse_condition
from audit.model import ConditionKind

F, E, N = "feedback", "event", "no_event"


def parsed(raw: str) -> tuple:
    c = parse_condition(raw)
    assert c is not None, raw
    return (c.kind.value, c.negated, c.feedback, c.step_ref, c.event, c.within_minutes)


@pytest.mark.parametrize("raw, expected", [
    # ["not"] feedback step-ref [within], every feedback word
    ("not opened S1", (F, True, "opened", "S1", None, None)),
    ("opened S1", (F, False, "opened", "S1", None, None)),
    ("delivered S1", (F, False, "delivered", "S1", None, None)),
    ("not delivered S1 within 2h", (F, True, "delivered", "S1", None, 120)),
    ("clicked S2", (F, False, "clicked", "S2", None, None)),
    ("read S3", (F, False, "read", "S3", None, None)),
    ("replied S3", (F, False, "replied", "S3", None, None)),
    ("answered S4", (F, False, "answered", "S4", None, None)),
    ("bounced S1", (F, False, "bounced", "S1", None, None)),
    ("not opened S1 within 24h", (F, True, "opened", "S1", None, 1440)),
    ("Not Opened s1", (F, True, "opened", "s1", None, None)),
    ("not opened step S1", (F, True, "opened", "S1", None, None)),
    ("not opened S1 within 1d 12h", (F, True, "opened", "S1", None, 2160)),
    # the same in Russian
    ("не открыл S1", (F, True, "opened", "S1", None, None)),
    ("не открыл S1 в течение 24ч", (F, True, "opened", "S1", None, 1440)),
    ("НЕ ОТКРЫЛ S1 В ТЕЧЕНИЕ 2 ДНЕЙ", (F, True, "opened", "S1", None, 2880)),
    ("не открыл S1 за 24 часа", (F, True, "opened", "S1", None, 1440)),
    ("открыто S1", (F, False, "opened", "S1", None, None)),
    ("доставлено S1", (F, False, "delivered", "S1", None, None)),
    ("клик S2", (F, False, "clicked", "S2", None, None)),
    ("кликнул S2", (F, False, "clicked", "S2", None, None)),
    ("не кликнул S2 в течение 3 дней", (F, True, "clicked", "S2", None, 4320)),
    ("прочитал S3", (F, False, "read", "S3", None, None)),
    ("прочитано S3", (F, False, "read", "S3", None, None)),
    ("ответил S3", (F, False, "replied", "S3", None, None)),
    ("дозвон S4", (F, False, "answered", "S4", None, None)),
    ("не дозвонились S4", (F, True, "answered", "S4", None, None)),
    ("не открыл шаг S1", (F, True, "opened", "S1", None, None)),
    ("не открыл S1 в течение 24ч.", (F, True, "opened", "S1", None, 1440)),
    ("не открыл S1 в течение 0", (F, True, "opened", "S1", None, 0)),
    ("не открыл в течение 24ч", (F, True, "opened", None, None, 1440)),
    # event / no event
    ("event order_paid", (E, False, None, None, "order_paid", None)),
    ("event order_paid within 2h", (E, False, None, None, "order_paid", 120)),
    ("событие order_paid", (E, False, None, None, "order_paid", None)),
    ("событие order_paid в течение 2 часов", (E, False, None, None, "order_paid", 120)),
    ("no event order_paid within 3d", (N, False, None, None, "order_paid", 4320)),
    ("No Event order_paid in 1w", (N, False, None, None, "order_paid", 10080)),
    ("нет события order_paid", (N, False, None, None, "order_paid", None)),
    ("нет события order_paid в течение 3 дней", (N, False, None, None, "order_paid", 4320)),
    ("если нет события Order_Paid в течение 3 дней", (N, False, None, None, "Order_Paid", 4320)),
    ("no event purchase within 1d", (N, False, None, None, "purchase", 1440)),  # an event id, not the phrase
])
def test_grammar(raw, expected):
    assert parsed(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    # the free-text phrasings documented in audit/conditions.py; no step reference = the step before
    ("если не открыл письмо", (F, True, "opened", None, None, None)),
    ("Если не открыл письмо.", (F, True, "opened", None, None, None)),
    ("if the email was not opened", (F, True, "opened", None, None, None)),
    ("If the email was not opened.", (F, True, "opened", None, None, None)),
    ("if not opened", (F, True, "opened", None, None, None)),
    ("if the email wasn't opened within 24h", (F, True, "opened", None, None, 1440)),
    ("не открыл предыдущее", (F, True, "opened", None, None, None)),
    ("если письмо не открыто", (F, True, "opened", None, None, None)),
    ("если не кликнул по ссылке", (F, True, "clicked", None, None, None)),
    ("если не перешёл по ссылке", (F, True, "clicked", None, None, None)),
    ("если не прочитал сообщение в течение суток", (F, True, "read", None, None, 1440)),
    ("not opened within a day", (F, True, "opened", None, None, 1440)),
    ("didn't open the email", (F, True, "opened", None, None, None)),
    ("did not click", (F, True, "clicked", None, None, None)),
    ("отписался", (F, False, "unsubscribed", None, None, None)),
    # "no purchase" forms wait for the map's purchase event, a placeholder the importer resolves
    ("нет покупки 3 дня", (N, False, None, None, PURCHASE, 4320)),
    ("если не совершил покупку в течение 3 дней", (N, False, None, None, PURCHASE, 4320)),
    ("не купил", (N, False, None, None, PURCHASE, None)),
    ("did not buy within 3 days", (N, False, None, None, PURCHASE, 4320)),
    ("no purchase within 3 days", (N, False, None, None, PURCHASE, 4320)),
    ("no order in 7d", (N, False, None, None, PURCHASE, 10080)),
])
def test_documented_free_text_forms(raw, expected):
    assert parsed(raw) == expected


@pytest.mark.parametrize("raw", [
    "если клиент заинтересовался",
    "clicked the banner on the homepage twice",
    "если клиент так и не вернулся на сайт",
    "soon",
    "event",
    "not",
    "не открыл S1 S2",  # two step references
    "не открыл S1 в течение когда-нибудь",  # not a duration
    "not opened S1 within",
    "opened or clicked S1",
    "not opened S1 or not clicked S2",
    "within 3d",
    "в течение 24ч",
    "",
    "   ",
])
def test_text_outside_the_grammar_stays_unparsed(raw):
    assert parse_condition(raw) is None


@pytest.mark.parametrize("word, expected", [
    ("opened", "opened"), ("Open", "opened"), ("открыл", "opened"), ("открыто", "opened"),
    ("clicked", "clicked"), ("клик", "clicked"), ("delivered", "delivered"), ("доставлено", "delivered"),
    ("read", "read"), ("прочитано", "read"), ("replied", "replied"), ("answered", "answered"),
    ("дозвон", "answered"), ("bounced", "bounced"), ("unsubscribed", "unsubscribed"),
    ("order_paid", None), ("email", None),
])
def test_canonical_feedback(word, expected):
    assert canonical_feedback(word) == expected


@pytest.mark.parametrize("raw", [
    "not opened S1 within " + "1" * 25 + " x y",
    "не открыл S1 в течение " + "1" * 25 + "ч S2",
    "no event order_paid within " + "1" * 25 + " x y",
    "нет покупки " + "1" * 25 + " x y",
])
def test_a_long_run_of_digits_fails_at_once(raw):
    # the old duration pattern tried every split of the digits: 25 digits took about a minute
    started = time.perf_counter()
    assert parse_condition(raw) is None
    assert time.perf_counter() - started < 0.5


def in_words(raw: str) -> tuple:
    c = parse_condition(raw)
    assert c is not None, raw
    return (c.kind.value, c.negated, c.feedback, c.step_ref, c.channel, c.ordinal)


@pytest.mark.parametrize("raw, expected", [
    # the awaited step by its channel word: the importer resolves it to the latest earlier such step
    ("если не открыл письмо", (F, True, "opened", None, "email", None)),
    ("если не прочитал сообщение в Viber", (F, True, "read", None, "viber", None)),
    ("не прочитал в Viber", (F, True, "read", None, "viber", None)),
    ("не прочитал в вайбере", (F, True, "read", None, "viber", None)),
    ("если не прочитал в WhatsApp", (F, True, "read", None, "whatsapp", None)),
    ("не прочитал в мессенджере", (F, True, "read", None, "messenger", None)),
    ("не прочитал в мессенджере Telegram", (F, True, "read", None, "telegram", None)),
    ("не кликнул по пушу", (F, True, "clicked", None, "push", None)),
    ("не кликнул по пуш-уведомлению", (F, True, "clicked", None, "push", None)),
    ("не открыл уведомление", (F, True, "opened", None, "push", None)),
    ("уведомление в Telegram не прочитано", (F, True, "read", None, "telegram", None)),
    ("не получил смску", (F, True, "delivered", None, "sms", None)),
    ("SMS не доставлено", (F, True, "delivered", None, "sms", None)),
    ("если смс не дошла", (F, True, "delivered", None, "sms", None)),
    ("письмо не дошло", (F, True, "delivered", None, "email", None)),
    ("the SMS did not go through", (F, True, "delivered", None, "sms", None)),
    ("если клиент не перешёл по ссылке в рассылке", (F, True, "clicked", None, "email", None)),
    ("не открыл e-mail", (F, True, "opened", None, "email", None)),
    ("не открыл письмо со скидкой", (F, True, "opened", None, "email", None)),  # words about the message
    ("только тем, кто не открыл письмо", (F, True, "opened", None, "email", None)),
    ("не ответил на звонок", (F, True, "answered", None, "call", None)),
    ("не взял трубку", (F, True, "answered", None, None, None)),
    ("не дозвонились", (F, True, "answered", None, None, None)),
    ("не ответил в чате", (F, True, "replied", None, "messenger", None)),
    ("if the email was not opened", (F, True, "opened", None, "email", None)),
    ("if the customer did not click the link in the email", (F, True, "clicked", None, "email", None)),
    ("didn't read the WhatsApp message", (F, True, "read", None, "whatsapp", None)),
    ("not delivered sms", (F, True, "delivered", None, "sms", None)),
    ("no open", (F, True, "opened", None, None, None)),
    ("push not opened", (F, True, "opened", None, "push", None)),
    ("didn't answer the call", (F, True, "answered", None, "call", None)),
    # by ordinal
    ("если не открыл второе письмо", (F, True, "opened", None, "email", 2)),
    ("если второе письмо не открыто", (F, True, "opened", None, "email", 2)),
    ("SMS №2 не доставлено", (F, True, "delivered", None, "sms", 2)),
    ("не доставлено SMS № 2", (F, True, "delivered", None, "sms", 2)),
    ("не прочитал первое сообщение", (F, True, "read", None, None, 1)),
    ("не открыл 2-е письмо", (F, True, "opened", None, "email", 2)),
    ("first email not opened", (F, True, "opened", None, "email", 1)),
    ("didn't open the first email", (F, True, "opened", None, "email", 1)),
    ("if the 2nd push was not opened", (F, True, "opened", None, "push", 2)),
    ("not clicked email #3", (F, True, "clicked", None, "email", 3)),
    # a step id still wins; a channel word beside it is only a description
    ("не открыл письмо S1", (F, True, "opened", "S1", "email", None)),
    ("не открыл S9", (F, True, "opened", "S9", None, None)),
    ("не прочитал 2", (F, True, "read", "2", None, None)),  # a bare number is a step id, not an ordinal
])
def test_the_awaited_step_in_words(raw, expected):
    assert in_words(raw) == expected


@pytest.mark.parametrize("raw, within", [
    ("не прочитал в вайбере в течение суток", 1440),
    ("not read in Viber within 2h", 120),
    ("если не открыл второе письмо за 3 дня", 4320),
])
def test_a_channel_word_and_a_period(raw, within):
    assert parse_condition(raw).within_minutes == within


@pytest.mark.parametrize("raw, event", [
    ("не оплатил подписку", PAYMENT),
    ("если клиент не оплатил счёт в течение 3 дней", PAYMENT),
    ("не продлил", PAYMENT),
    ("didn't pay", PAYMENT),
    ("did not pay for the subscription within 7d", PAYMENT),
    ("не оплатил заказ", PURCHASE),  # an order is a purchase
    ("didn't pay for the order", PURCHASE),
    ("нет заказа", PURCHASE),
])
def test_business_events_in_words(raw, event):
    condition = parse_condition(raw)
    assert (condition.kind.value, condition.event) == (N, event)


@pytest.mark.parametrize("raw", [
    "только тем, у кого нет приложения",
    "только для клиентов с приложением",
    "если есть карта лояльности",
    "для держателей карты",
    "кроме сегмента VIP",
    "for app users only",
    "only if opted in to SMS",
    "customers who have the app",
    "if the customer has a loyalty card",
])
def test_audience_filters_are_kept_as_filters(raw):
    condition = parse_condition(raw)
    assert condition is not None and condition.kind is ConditionKind.FILTER
    assert (condition.feedback, condition.step_ref, condition.event) == (None, None, None)


@pytest.mark.parametrize("raw", [
    "если не открыл письмо и не купил",  # two conditions
    "не открыл письмо или смс",  # two channels
    "не прочитал пуш в Telegram",  # two kinds of channel
    "не открыл второе третье письмо",
    "не открыл второе письмо S2",  # an ordinal and a step id
    "только тем, кто получил скидку и открыл письмо",  # a filter with feedback words is no filter
])
def test_words_that_name_no_one_step_stay_unparsed(raw):
    assert parse_condition(raw) is None


@pytest.mark.parametrize("label, expected", [
    ("Viber", "viber"), ("Вайбер (Edna)", "viber"), ("E-mail рассылка", "email"), ("SMS", "sms"),
    ("Mindbox", None), ("Канал 1", None),
])
def test_channel_word_of_a_channel_label(label, expected):
    assert channel_word(label) == expected
    assert channel_kind("viber") == "messenger" and channel_kind("sms") == "sms" and channel_kind(None) is None
