"""FREQ001 contact-pressure.

**What it catches.** A segment whose estimated worst-case contacts per customer per week exceed
the cap, per channel kind (email 3, SMS 2, push 5, messenger 3, call 1) and in total (10): one
finding per segment naming every channel kind over its cap and the total; when a persona of the
segment is configured (`[[personas]]`, see `commap simulate`), its busiest week. The estimate
(`audit/pressure.py`, the same numbers the HTML report draws):

* a regular mailing sends once per schedule period — `weekly` = 1, `2/week` = 2, `daily` = 7,
  `monthly` = 12/52, `biweekly` / `every 2 weeks` = 0.5, `еженедельно`, `2 раза в неделю`,
  `раз в месяц`…; an empty or unreadable schedule counts as weekly, and the message says so;
* a trigger scenario fires `trigger_firings_per_week` times (default 1); service scenarios too —
  an order confirmation is a contact like any other;
* every step is one contact in its channel's kind per firing, cascade steps included (the
  worst case is the customer who never opens); a step on a loop FLOW003 reports (nothing ends
  it) is unbounded; a loop with a repeat limit («до 3 раз») sends its steps that many times per
  firing, one ended by a stop event or a deadline once a round for a week;
* a segment receives the active and planned scenarios that target it, its parent segments, or
  every segment (`*`). Excluded segments are not reported (COV003 covers marketing to them).

The message names the biggest contributors and how each number was made.

**Why it matters.** Each scenario looks reasonable on its own; together they bury the customer.
The seeds' practice plans "the frequency of interaction for each group of subscribers" and asks
for the omnichannel cascade to run "until the customer opens it or the promo code expires" —
which, for a customer who never opens, is every step of every chain on top of the regular
mailings. Pressure beyond what a segment tolerates turns into unsubscribes, blocked push and
spam complaints, and the segment is lost for every later scenario.

**Fix.** Lower the frequency of regular mailings for the segment, add stop events and
conditions so cascades end early, move steps to other channels, or take the segment out of
overlapping scenarios.

**Options.** `caps` — contacts per customer per week by channel kind and `total` (only the kinds
given are changed, e.g. `caps = { email = 2 }`; a kind without a cap — web, ads, social,
offline, other — is not checked unless given one); `trigger_firings_per_week` (default 1).
"""
from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import replace

from pydantic import BaseModel, ConfigDict, Field, field_validator

from audit.findings import Finding, Severity
from audit.model import ChannelKind, Segment, id_key
from audit.pressure import ScenarioContacts, SegmentPressure, contact_pressure
from audit.rule import Rule, RuleContext
from rules._common import counted, more, number, plural, quote

DEFAULT_CAPS = {"email": 3.0, "sms": 2.0, "push": 5.0, "messenger": 3.0, "call": 1.0, "total": 10.0}
CAP_NAMES = frozenset(kind.value for kind in ChannelKind) | {"total"}


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")

    caps: dict[str, float] = Field(default_factory=lambda: dict(DEFAULT_CAPS),
                                   description="contacts per customer per week, per channel kind and 'total'")
    trigger_firings_per_week: float = Field(1.0, ge=0, description="how often a trigger scenario fires per customer")

    @field_validator("caps")
    @classmethod
    def _merge(cls, value: dict[str, float]) -> dict[str, float]:
        given = {name.strip().casefold(): cap for name, cap in value.items()}
        unknown = sorted(set(given) - CAP_NAMES)
        if unknown:
            raise ValueError(f"unknown channel kind {', '.join(unknown)}; use {', '.join(sorted(CAP_NAMES))}")
        if any(cap < 0 for cap in given.values()):
            raise ValueError("a cap cannot be negative")
        return {**DEFAULT_CAPS, **given}


_WORDS = {
    "en": {"step": ("step", "steps"), "firing": ("firing", "firings"), "scenario": ("scenario", "scenarios"),
           "contact": ("contact", "contacts"),
           "week": "/week", "loop": "loops among its steps (unbounded)",
           "bounded": "{amount}{week} from its loop with a stop or limit", "unbounded": "an unbounded number of",
           "assumed": "schedule {schedule} not understood, assumed 1/week", "no_schedule": "no schedule, assumed 1/week",
           "channel": ("{kind} contact", "{kind} contacts"),
           "total": ("contact across all channels", "contacts across all channels"),
           "persona": "Persona {persona} gets {total} messages in week {week} ({channels})."},
    "ru": {"step": ("шаг", "шага", "шагов"), "firing": ("срабатывание", "срабатывания", "срабатываний"),
           "scenario": ("сценарий", "сценария", "сценариев"), "contact": ("контакт", "контакта", "контактов"),
           "week": "/нед.", "loop": "шаги в цикле (без ограничения)",
           "bounded": "{amount}{week} от цикла с остановкой или лимитом", "unbounded": "неограниченное число контактов",
           "assumed": "расписание {schedule} не распознано, принято 1/нед.",
           "no_schedule": "расписание не указано, принято 1/нед.",
           "channel": "по каналу {kind}", "total": "по всем каналам",
           "persona": "Персона {persona} на {week}-й неделе получает сообщений: {total} ({channels})."},
}


class ContactPressure(Rule):
    code = "FREQ001"
    slug = "contact-pressure"
    default_severity = Severity.WARNING
    title = {"en": "Too many contacts per week", "ru": "Слишком много контактов в неделю"}
    message = {
        "en": "Segment '{name}' may get {value} {contacts} per customer per week (cap {cap}): {how}.",
        "ru": "Сегмент «{name}» в худшем случае получает {value} в неделю на клиента {contacts} (предел {cap}): {how}.",
    }
    fix = {
        "en": "Send less to '{name}': lower the regular mailings' frequency, stop cascades earlier with stop "
              "events and conditions, or move steps to other channels.",
        "ru": "Сократите нагрузку на «{name}»: снизьте частоту регулярных рассылок, останавливайте каскады "
              "раньше стоп-событиями и условиями или перенесите шаги в другие каналы.",
    }
    Options = Options
    doc_ru = """**Что находит.** Сегмент, у которого оценка контактов на клиента в неделю в худшем случае
превышает предел — по типу канала (email 3, SMS 2, пуш 5, мессенджер 3, звонок 1) и в сумме (10):
одно замечание на сегмент, где названы все типы каналов сверх предела и сумма; если в конфигурации
есть персона этого сегмента (`[[personas]]`), названа её самая загруженная неделя. Оценка (`audit/pressure.py`,
те же числа, что в HTML-отчёте):

* регулярная рассылка отправляется раз в период расписания — `weekly` = 1, `2/week` = 2,
  `ежедневно` = 7, `ежемесячно` = 12/52, `раз в две недели` = 0,5, `2 раза в неделю`…; пустое или
  нераспознанное расписание считается еженедельным, и сообщение об этом говорит;
* триггерный сценарий срабатывает `trigger_firings_per_week` раз (по умолчанию 1); сервисные
  тоже — подтверждение заказа такой же контакт;
* каждый шаг — один контакт в типе его канала за срабатывание, включая шаги каскада (худший
  случай — клиент, который ничего не открывает); шаг в цикле, который отмечает FLOW003 (его ничто
  не прерывает), — без ограничения; цикл с лимитом повторов («до 3 раз») шлёт свои шаги столько раз
  за срабатывание, цикл со стоп-событием или сроком — раз за круг в течение недели;
* сегмент получает активные и запланированные сценарии, направленные на него, на его
  родительские сегменты или на всех (`*`). Исключённые сегменты не проверяются (маркетинг им —
  забота COV003).

В сообщении названы главные источники и как получено каждое число.

**Почему это важно.** Каждый сценарий по отдельности выглядит разумно, вместе они заваливают
клиента. Практика требует плана рассылок «для каждой группы подписчиков (частота
взаимодействия…)», а омниканальный каскад повторяется, «пока пользователь не откроет сообщение
или промокод не истечёт», — для клиента, который не открывает, это все шаги всех цепочек поверх
регулярных рассылок. Давление сверх допустимого оборачивается отписками, отключёнными пушами и
жалобами на спам, и сегмент потерян для всех следующих сценариев.

**Как исправить.** Снизьте частоту регулярных рассылок для сегмента, добавьте стоп-события и
условия, чтобы каскады заканчивались раньше, перенесите шаги в другие каналы или выведите
сегмент из пересекающихся сценариев.

**Параметры.** `caps` — контактов на клиента в неделю по типу канала и `total` (меняются только
указанные, например `caps = { email = 2 }`; типы без предела — web, ads, social, offline, other —
не проверяются, пока предел не задан); `trigger_firings_per_week` (по умолчанию 1)."""
    examples = {
        "bad": {"segments": [{"id": "active"}, {"id": "gamers", "parent": "active"}],
                "scenarios": [{"id": "news", "type": "regular", "schedule": "2/week", "segments": "active"},
                              {"id": "cart", "type": "trigger", "trigger": "cart_abandoned", "segments": "gamers"}],
                "steps": [{"scenario": "news", "step": "S1", "channel": "email"},
                          {"scenario": "cart", "step": "S1", "channel": "email"},
                          {"scenario": "cart", "step": "S2", "channel": "email", "condition": "not opened S1"}]},
        "good": {"segments": [{"id": "active"}, {"id": "gamers", "parent": "active"}],
                 "scenarios": [{"id": "news", "type": "regular", "schedule": "weekly", "segments": "active"},
                               {"id": "cart", "type": "trigger", "trigger": "cart_abandoned", "segments": "gamers"}],
                 "steps": [{"scenario": "news", "step": "S1", "channel": "email"},
                           {"scenario": "cart", "step": "S1", "channel": "email"},
                           {"scenario": "cart", "step": "S2", "channel": "push", "condition": "not opened S1"}]},
    }

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        caps = self.options.caps
        pressure = contact_pressure(ctx.graph, self.options.trigger_firings_per_week)
        personas = ctx.extra.get("simulations", [])
        for segment in ctx.map.segments:
            numbers = pressure.get(segment.key)
            if segment.excluded or numbers is None:
                continue
            over = [self._finding(segment, numbers, kind, numbers.per_kind[kind], caps[kind])
                    for kind in sorted(numbers.per_kind) if kind in caps and numbers.per_kind[kind] > caps[kind]]
            if numbers.total > caps["total"]:
                over.append(self._finding(segment, numbers, "total", numbers.total, caps["total"]))
            if over:  # one finding per segment: every channel over its cap, then the total
                message = " ".join([f.message for f in over] + self._busiest_week(segment, personas))
                yield replace(over[0], message=message)

    def _busiest_week(self, segment: Segment, simulations: list) -> list[str]:
        """The concrete view: the busiest week of the first configured persona in this segment."""
        for simulation in simulations:
            if segment.key in {id_key(s) for s in simulation.persona.segments} and simulation.weeks:
                week = max(simulation.weeks, key=lambda w: (w["total"], -w["week"]))
                if not week["total"]:
                    return []
                channels = ", ".join(f"{count} {kind}" for kind, count in week["by_channel"].items())
                return [_WORDS[self.lang]["persona"].format(persona=quote(simulation.persona.name, self.lang),
                                                            week=week["week"], total=week["total"],
                                                            channels=channels)]
        return []

    def _finding(self, segment: Segment, numbers: SegmentPressure, name: str, value: float, cap: float) -> Finding:
        words = _WORDS[self.lang]
        parts = [self._describe(item, name) for item in numbers.leaders.get(name, [])]
        rest = numbers.counts.get(name, 0) - len(parts)
        if rest > 0:
            shown = sum(item.total if name == "total" else item.per_kind[name] for item in numbers.leaders[name])
            parts.append(more(rest, words["scenario"], self.lang) if math.isinf(value)
                         else more(rest, words["scenario"], self.lang,
                                   amount=counted(value - shown, words["contact"], self.lang)))
        if math.isinf(value):
            amount = words["unbounded"]
        elif self.lang == "ru":
            amount = counted(value, words["contact"], "ru")
        else:
            amount = number(value, "en")
        if self.lang == "ru":
            contacts = words["total"] if name == "total" else words["channel"].format(kind=name)
        else:  # "1 email contact", "3.5 email contacts", "an unbounded number of email contacts"
            forms = words["total"] if name == "total" else tuple(f.format(kind=name) for f in words["channel"])
            contacts = plural(2 if math.isinf(value) else value, forms, "en")
        return self.finding(segment, "id", name=segment.label, value=amount, contacts=contacts,
                            cap=number(cap, self.lang), how=" + ".join(parts))

    def _describe(self, item: ScenarioContacts, name: str) -> str:
        """`'digest' 2/week × 1 step`, `'cart' 1 firing/week × 2 steps`, `'x' loops among its steps (unbounded)`."""
        words, lang = _WORDS[self.lang], self.lang
        label = quote(item.scenario.label, lang)
        looping = sum(item.looping.values()) if name == "total" else item.looping.get(name, 0)
        if looping and item.firings:
            return f"{label} {words['loop']}"
        steps = sum(item.steps.values()) if name == "total" else item.steps[name]
        on_loop = sum(item.bounded_steps.values()) if name == "total" else item.bounded_steps.get(name, 0)
        loop_amount = sum(item.bounded.values()) if name == "total" else item.bounded.get(name, 0)
        steps -= on_loop
        loop = words["bounded"].format(amount=number(loop_amount, lang), week=words["week"]) if on_loop else ""
        if steps or not on_loop:
            times = f" × {counted(steps, words['step'], lang)}" + (f" + {loop}" if loop else "")
        else:  # every step is on the loop: "1 firing/week: 3/week from its loop", not "× 0 steps + 3/week"
            times = f": {loop}"
        rate = number(item.firings, lang)
        if item.basis == "trigger":
            return f"{label} {rate} {plural(item.firings, words['firing'], lang)}{words['week']}{times}"
        if item.basis == "assumed":
            schedule = item.scenario.schedule
            why = words["assumed"].format(schedule=quote(schedule, lang)) if schedule else words["no_schedule"]
            return f"{label} ({why}){times}"
        return f"{label} {rate}{words['week']}{times}"
