"""MAP006 condition-not-checkable.

**What it catches.** A step condition written in free text that the condition grammar cannot
read, e.g. "если клиент заинтересовался" instead of `не открыл S1 в течение 24ч`. The grammar:
`[not|не] opened|clicked|delivered|read|replied|answered|bounced [step] [within 24h]`,
`event X [within 3d]`, `no event X [within 3d]` (Russian forms: `не открыл`, `событие`,
`нет события`, `в течение`). Common phrasings such as "если не открыл письмо" are understood.

**Why it matters.** Conditions are where cascades break: whether the channel reports that
feedback, whether the next system receives it. A condition only a person can read cannot be
checked — and a platform cannot run it either until someone rewrites it.

**Fix.** Rewrite the condition in the grammar, naming the step and the feedback.
"""
from __future__ import annotations

from collections.abc import Iterator

from audit.findings import Finding, Severity
from audit.rule import Rule, RuleContext


class ConditionNotCheckable(Rule):
    code = "MAP006"
    slug = "condition-not-checkable"
    default_severity = Severity.INFO
    title = {"en": "Condition in free text", "ru": "Условие в свободной форме"}
    message = {
        "en": "The condition '{text}' is free text; it cannot be checked against channels and systems.",
        "ru": "Условие «{text}» записано свободным текстом; его нельзя проверить по каналам и системам.",
    }
    fix = {
        "en": "Rewrite it as e.g. 'not opened S1 within 24h' or 'no event order_paid within 3d'.",
        "ru": "Перепишите, например: «не открыл S1 в течение 24ч» или «нет события order_paid в течение 3д».",
    }

    doc_ru = """**Что находит.** Условие шага, записанное свободным текстом, которое не читается грамматикой
условий, например «если клиент заинтересовался» вместо «не открыл S1 в течение 24ч». Грамматика:
`[не] открыл|кликнул|доставлено|прочитал|ответил|дозвон [шаг] [в течение 24ч]`,
`событие X [в течение 3д]`, `нет события X [в течение 3д]` (и английские формы). Распространённые
формулировки вроде «если не открыл письмо» понимаются.

**Почему это важно.** Каскады ломаются именно на условиях: сообщает ли канал такую обратную
связь, получает ли её следующая система. Условие, понятное только человеку, нельзя проверить —
и платформа не исполнит его, пока кто-то его не перепишет.

**Как исправить.** Перепишите условие по грамматике, назвав шаг и обратную связь."""
    examples = {'bad': {'scenarios': [{'id': 'cart', 'type': 'trigger', 'trigger': 'cart_abandoned', 'segments': '*'}],
             'steps': [{'scenario': 'cart', 'step': 'S1', 'channel': 'email'},
                       {'scenario': 'cart',
                        'step': 'S2',
                        'channel': 'push',
                        'condition': 'если клиент заинтересовался'}]},
     'good': {'scenarios': [{'id': 'cart', 'type': 'trigger', 'trigger': 'cart_abandoned', 'segments': '*'}],
              'steps': [{'scenario': 'cart', 'step': 'S1', 'channel': 'email'},
                        {'scenario': 'cart',
                         'step': 'S2',
                         'channel': 'push',
                         'condition': 'не открыл S1 в течение 24ч'}]}}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for step in ctx.map.steps:
            if step.condition_text and step.condition is None:
                yield self.finding(step, "condition", text=step.condition_text)
