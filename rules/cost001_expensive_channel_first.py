"""COST001 expensive-channel-first.

**What it catches.** A cascade that starts with an SMS or a call and falls back, on its feedback,
to a cheaper channel: "SMS; if not delivered → email". An SMS that is itself the fallback of a
cheaper step ("email; if not opened → SMS; if not delivered → email") started nothing: the cascade
began cheap, and is not reported. Cost comes from the Channels sheet's
`cost` column when both channels have one, else from the order push < email < messenger < SMS <
call. Email → push is not this: the expensive-first problem is about SMS and calls. Scenarios
aimed only at VIP segments (tier vip, written in the tier column or read from a name such as
«VIP-клиенты», "Key accounts") are not reported: for them the expensive channel first is the point.

**Why it matters.** The seeds' rule for cascades: start with the cheapest channel that can do the
job and escalate only for those who did not react — email, then push, and SMS as the fallback
or for VIPs. Starting with SMS pays the highest price for every customer, including those the
free email would have reached.

**Fix.** Reverse the cascade: send the cheap channel first and the SMS or call only to those
who did not open or click.
"""
from __future__ import annotations

from collections.abc import Iterator

from audit.findings import Finding, Severity
from audit.graph import MapGraph
from audit.model import Channel, ChannelKind, ConditionKind, Scenario, Tier
from audit.rule import Rule, RuleContext

COST_ORDER = {ChannelKind.PUSH: 1, ChannelKind.EMAIL: 2, ChannelKind.MESSENGER: 3, ChannelKind.SMS: 4,
              ChannelKind.CALL: 5}
EXPENSIVE = (ChannelKind.SMS, ChannelKind.CALL)


def _aimed_only_at_vip(graph: MapGraph, scenario: Scenario | None) -> bool:
    """The scenario names segments, all of them tier vip (their children are VIP customers too)."""
    if scenario is None or scenario.all_segments:
        return False
    targets = graph.scenario_segment_keys(scenario)
    return bool(targets) and all(graph.segments[key].tier is Tier.VIP for key in targets)


def costlier(first: Channel, second: Channel) -> bool | None:
    """Whether `first` costs more than `second`; None when it cannot be judged."""
    if first.cost is not None and second.cost is not None:
        return first.cost > second.cost
    if first.kind in COST_ORDER and second.kind in COST_ORDER:
        return COST_ORDER[first.kind] > COST_ORDER[second.kind]
    return None


class ExpensiveChannelFirst(Rule):
    code = "COST001"
    slug = "expensive-channel-first"
    default_severity = Severity.WARNING
    title = {"en": "Cascade starts with the expensive channel", "ru": "Каскад начинается с дорогого канала"}
    message = {
        "en": "Step '{step}' falls back to {cheap} ('{cheap_id}') after {expensive} step '{source}': the "
              "expensive channel goes first.",
        "ru": "Шаг «{step}» отправляется в {cheap} («{cheap_id}») после шага «{source}» в {expensive}: дорогой "
              "канал идёт первым.",
    }
    fix = {
        "en": "Send {cheap} first and {expensive} only to those who did not react.",
        "ru": "Отправляйте сначала {cheap}, а {expensive} — только тем, кто не отреагировал.",
    }
    doc_ru = """**Что находит.** Каскад, который начинается с SMS или звонка и по обратной связи переходит на
более дешёвый канал: «SMS; если не доставлено → email». SMS, которое само — запасной вариант для
более дешёвого шага («email; если не открыл → SMS; если не доставлено → email»), каскад не
начинает: он начался с дешёвого канала и не отмечается. Стоимость берётся из столбца «стоимость»
листа каналов, если она указана у обоих каналов, иначе из порядка пуш < email < мессенджер <
SMS < звонок. Email → пуш сюда не относится: речь о SMS и звонках. Сценарии только для VIP-сегментов
(уровень vip — в столбце уровня или по названию: «VIP-клиенты», «ключевые клиенты») не отмечаются:
для них дорогой канал первым — это и есть замысел.

**Почему это важно.** Правило каскадов из практики: начинать с самого дешёвого канала, который
справится, и эскалировать только для тех, кто не отреагировал, — email, потом пуш, SMS как
страховка или для VIP. Начиная с SMS, платишь максимум за каждого клиента, включая тех, до
кого дошло бы бесплатное письмо.

**Как исправить.** Разверните каскад: сначала дешёвый канал, SMS или звонок — только тем, кто не
открыл или не кликнул."""
    examples = {
        "bad": {"channels": [{"id": "sms", "kind": "sms"}, {"id": "email", "kind": "email"}],
                "scenarios": [{"id": "order", "type": "service", "segments": "*"}],
                "steps": [{"scenario": "order", "step": "S1", "channel": "sms"},
                          {"scenario": "order", "step": "S2", "channel": "email", "condition": "not delivered S1"}]},
        "good": {"channels": [{"id": "sms", "kind": "sms"}, {"id": "email", "kind": "email"}],
                 "scenarios": [{"id": "order", "type": "service", "segments": "*"}],
                 "steps": [{"scenario": "order", "step": "S1", "channel": "email"},
                           {"scenario": "order", "step": "S2", "channel": "sms", "condition": "not opened S1"}]},
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        g = ctx.graph
        vip_only: dict[str, bool] = {}
        for step in ctx.map.steps:
            condition = step.condition
            if condition is None or condition.kind is not ConditionKind.FEEDBACK:
                continue
            scenario_key = step.key[0]
            if scenario_key not in vip_only:
                vip_only[scenario_key] = _aimed_only_at_vip(g, g.scenarios.get(scenario_key))
            if vip_only[scenario_key]:
                continue
            source = g.referenced_step(step)
            expensive = g.channel_of(source) if source is not None else None
            cheap = g.channel_of(step)
            if expensive is None or cheap is None or expensive.kind not in EXPENSIVE:
                continue
            if _escalated_to(g, source):
                continue  # email → SMS → email: the cascade started cheap; the SMS is already the fallback
            if costlier(expensive, cheap):
                yield self.finding(step, "channel", step=step.ref, source=source.ref, cheap=cheap.kind.value,
                                   cheap_id=cheap.id, expensive=expensive.kind.value)


def _escalated_to(g: MapGraph, step) -> bool:
    """Whether the expensive step is itself a fallback on the feedback of a cheaper step before it."""
    condition = step.condition
    if condition is None or condition.kind is not ConditionKind.FEEDBACK:
        return False
    before = g.referenced_step(step)
    if before is None:
        return False
    cheaper, expensive = g.channel_of(before), g.channel_of(step)
    return cheaper is not None and expensive is not None and costlier(expensive, cheaper)
