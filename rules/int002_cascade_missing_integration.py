"""INT002 cascade-missing-integration.

**What it catches.** A cascade step conditioned on feedback from an earlier step — "if the email
was not opened, send an SMS" — where the earlier step is sent by one system and this step by
another, and no chain of integrations carries that feedback from the first to the second. Also
the same system branching on its own feedback without orchestration. Integrations may run
through several systems (ESP → CDP → SMS gateway) as long as each hop carries the feedback, or
`*`. Skipped when the map describes no systems.

When the systems are only named on the steps' rows (a "Platform" / "Sent via" column, no
Systems sheet) and the map states no integrations at all, the map is silent rather than wrong:
the finding is a warning ("the map does not say that ESP passes 'opened' to the SMS gateway").
Once integrations are listed, a missing one is an error again. A system named on the rows is
taken to branch on its own channels' feedback.

An orchestrating system linked to the system that sends the next step — an integration whose
content the map does not state, or the other system listing it among what it receives — branches
on its own feedback and has the other one send: no finding, since the feedback never has to
travel. An integration whose content the map states is taken at its word.

**Why it matters.** This is the seeds' central warning: the map shows email → SMS, and at
implementation it turns out "there is no integration between the systems". The SMS gateway
never learns the email was not opened, so it either sends to everyone or to no one.

**Fix.** Add an integration that carries the feedback (e.g. ESP → SMS gateway: opened), send
both steps from one system with orchestration, or drop the condition.
"""
from __future__ import annotations

from collections.abc import Iterator

from audit.feasibility import step_blockers
from audit.findings import Finding, Severity
from audit.rule import Rule, RuleContext
from rules._common import feedback_word


class CascadeMissingIntegration(Rule):
    code = "INT002"
    slug = "cascade-missing-integration"
    default_severity = Severity.ERROR
    title = {"en": "Cascade without the integration it needs", "ru": "Каскад без нужной интеграции"}
    message = {
        "en": "Step '{step}' (sent by '{target}') waits for '{feedback}' of step '{source}' (sent by '{origin}'), "
              "but {why}.",
        "ru": "Шаг «{step}» (отправляет «{target}») ждёт «{feedback}» от шага «{source}» (отправляет «{origin}»), "
              "но {why}.",
    }
    fix = {
        "en": "Add an integration {origin} → {target} carrying '{feedback}', or send both steps from one "
              "system with orchestration.",
        "ru": "Добавьте интеграцию {origin} → {target}, передающую «{feedback}», или отправляйте оба шага "
              "из одной системы с оркестрацией.",
    }
    _why_other = {
        "en": "no integration path carries '{feedback}' from '{origin}' to '{target}'",
        "ru": "ни одна цепочка интеграций не передаёт «{feedback}» из «{origin}» в «{target}»",
    }
    _why_same = {
        "en": "'{origin}' has no orchestration: it cannot branch on its own channels' feedback",
        "ru": "у «{origin}» нет оркестрации: она не умеет ветвить цепочку по обратной связи своих каналов",
    }
    _why_unstated = {
        "en": "the map does not say that '{origin}' passes '{feedback_word}' to '{target}'",
        "ru": "карта не говорит, что «{origin}» передаёт „{feedback_word}“ в «{target}»",
    }
    requires = ("platform",)

    doc_ru = """**Что находит.** Шаг каскада с условием на обратную связь от предыдущего шага («если письмо не
открыто — SMS»), когда предыдущий шаг отправляет одна система, а этот — другая, и ни одна
цепочка интеграций не передаёт эту обратную связь от первой ко второй. А также ветвление одной
системы по своей обратной связи без оркестрации. Интеграции могут идти через несколько систем
(ESP → CDP → SMS-шлюз), если каждое звено передаёт эту обратную связь или `*`. Пропускается,
если системы не описаны.

**Почему это важно.** Главное предупреждение практиков: на карте email → SMS, а на внедрении
выясняется, что «интеграции между системами нет». SMS-шлюз не узнаёт, что письмо не открыли,
и отправляет либо всем, либо никому.

**Как исправить.** Добавьте интеграцию, передающую обратную связь (например, ESP → SMS-шлюз:
открытия), отправляйте оба шага из одной системы с оркестрацией или уберите условие.

Если системы названы только в строках шагов (столбец «Платформа» / «Сервис рассылки», листа
«Системы» нет) и карта вообще не описывает интеграций, карта не ошибается, а молчит: замечание
выдаётся как предупреждение («карта не говорит, что ESP передаёт „открыл“ в SMS-шлюз»). Если
интеграции описаны, недостающая — снова ошибка. Система из строк считается умеющей ветвить
цепочку по обратной связи своих каналов.

Система с оркестрацией, связанная с системой следующего шага (интеграция, содержимое которой карта
не называет, или та система указывает её среди источников данных), сама ветвит цепочку по своей
обратной связи и поручает отправку другой: замечания нет — обратной связи никуда не нужно
уходить. Интеграцию с явно названным содержимым карта описывает точно, и она читается как есть."""
    examples = {'bad': {'channels': [{'id': 'email', 'kind': 'email'}, {'id': 'sms', 'kind': 'sms'}],
             'systems': [{'id': 'esp', 'channels': 'email'}, {'id': 'gateway', 'channels': 'sms'}],
             'scenarios': [{'id': 'cart', 'type': 'trigger', 'trigger': 'cart_abandoned', 'segments': '*'}],
             'steps': [{'scenario': 'cart', 'step': 'S1', 'channel': 'email'},
                       {'scenario': 'cart',
                        'step': 'S2',
                        'channel': 'sms',
                        'condition': 'не открыл S1 в течение 24ч'}]},
     'good': {'channels': [{'id': 'email', 'kind': 'email'}, {'id': 'sms', 'kind': 'sms'}],
              'systems': [{'id': 'esp', 'channels': 'email'}, {'id': 'gateway', 'channels': 'sms'}],
              'integrations': [{'from': 'esp', 'to': 'gateway', 'carries': 'opened'}],
              'scenarios': [{'id': 'cart', 'type': 'trigger', 'trigger': 'cart_abandoned', 'segments': '*'}],
              'steps': [{'scenario': 'cart', 'step': 'S1', 'channel': 'email'},
                        {'scenario': 'cart',
                         'step': 'S2',
                         'channel': 'sms',
                         'condition': 'не открыл S1 в течение 24ч'}]}}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        # systems named only on the rows, and no integration stated: the map is silent, not wrong
        unstated = ctx.graph.systems_from_rows and not ctx.map.integrations
        for blocker in step_blockers(ctx.graph, "carry"):
            origin, target = blocker.origin, blocker.target
            same = origin.key == target.key
            # the map is silent, not wrong: no integration stated, or one whose content it does not give
            silent = not same and (unstated or ctx.graph.feedback_may_reach(origin, target, blocker.feedback))
            why = self._why_same if same else (self._why_unstated if silent else self._why_other)
            word = feedback_word(blocker.feedback, self.lang)  # in the report language, message and hint alike
            params = {"origin": origin.id, "target": target.id, "feedback": word}
            yield self.finding(blocker.step, "condition", step=blocker.step.ref, source=blocker.source_step.ref,
                               why=why[self.lang].format(feedback_word=word, **params), tentative=silent, **params)
