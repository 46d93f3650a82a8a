"""Renderers for `commap fit`: text, JSON (SPEC §4 shape) and HTML in the report's style."""
from __future__ import annotations

from audit.feasibility import Blocker, source_of
from audit.fit import Addition, PlatformFit
from reports.json import dumps, finding_dict

BLOCKERS = {
    "channel": {"en": "step {step}: no system sends {kind} ('{channel}')",
                "ru": "шаг {step}: ни одна система не отправляет {kind} («{channel}»)"},
    "feedback": {"en": "step {step}: waits for '{feedback}' of {source}, but {kind} never reports it",
                 "ru": "шаг {step}: ждёт «{feedback}» от {source}, но {kind} этого не сообщает"},
    "carry": {"en": "step {step}: '{feedback}' of {source} does not reach {target} from {origin}",
              "ru": "шаг {step}: «{feedback}» от {source} не доходит из {origin} в {target}"},
    "carry_same": {"en": "step {step}: {origin} cannot branch on '{feedback}' of {source} (no orchestration)",
                   "ru": "шаг {step}: {origin} не умеет ветвить по «{feedback}» от {source} (нет оркестрации)"},
    "source": {"en": "{role} event '{event}' ({source}) is not received by {target}",
               "ru": "событие «{event}» ({role}, источник {source}) не поступает в {target}"},
}
ROLES = {"trigger": {"en": "trigger", "ru": "триггер"}, "stop_event": {"en": "stop", "ru": "стоп"},
         "condition": {"en": "condition", "ru": "условие"}}
ADDITIONS = {
    "channel": {"en": "a system sending {item}", "ru": "система, отправляющая {item}"},
    "carries": {"en": "integration {system} → {target} to also carry '{item}'",
                "ru": "интеграция {system} → {target} должна передавать и «{item}»"},
    "integration": {"en": "a new integration {system} → {target} carrying '{item}'",
                    "ru": "новая интеграция {system} → {target}, передающая «{item}»"},
    "orchestration": {"en": "orchestration in {system}", "ru": "оркестрация в {system}"},
    "receives": {"en": "{system} receiving {item} events", "ru": "{system} принимает события из источника {item}"},
    "map": {"en": "map change: step {item} waits for feedback no channel of its kind reports",
            "ru": "правка карты: шаг {item} ждёт обратную связь, которой его канал не даёт"},
}
LABELS = {
    "title": {"en": "Platform fit", "ru": "Подходит ли платформа"},
    "runnable": {"en": "runnable", "ru": "исполнимо"},
    "blocked": {"en": "blocked", "ru": "заблокировано"},
    "scenarios": {"en": "scenarios", "ru": "сценариев"},
    "would_take": {"en": "What it would take", "ru": "Что нужно добавить"},
    "nothing": {"en": "nothing — every scenario can run", "ru": "ничего — все сценарии исполнимы"},
    "rank": {"en": "Ranking", "ru": "Рейтинг"},
    "blockers": {"en": "blockers", "ru": "блокеров"},
}


def describe_blocker(blocker: Blocker, lang: str) -> str:
    kind = blocker.kind
    if kind == "carry" and blocker.origin.key == blocker.target.key:
        kind = "carry_same"
    params = {
        "step": blocker.step.ref if blocker.step else "",
        "kind": (blocker.channel.kind.value if blocker.channel else ""),
        "channel": blocker.channel.id if blocker.channel else "",
        "feedback": blocker.feedback or "",
        "source": blocker.source_step.ref if blocker.source_step else
        (source_of(blocker.event) if blocker.event else ""),
        "origin": blocker.origin.id if blocker.origin else "",
        "target": blocker.target.id if blocker.target else "",
        "event": blocker.event.id if blocker.event else "",
        "role": ROLES[blocker.role][lang] if blocker.role else "",
    }
    return BLOCKERS[kind][lang].format(**params)


def describe_addition(addition: Addition, lang: str) -> str:
    return ADDITIONS[addition.kind][lang].format(system=addition.system, target=addition.target, item=addition.item)


def fit_dict(fits: list[PlatformFit], lang: str) -> dict:
    return {"platforms": [
        {
            "name": f.profile.name,
            "path": f.profile.path,
            "scenarios_total": len(f.scenarios),
            "scenarios_runnable": f.runnable,
            "findings": [finding_dict(x) for x in f.result.findings],
            "scenarios": [
                {"id": s.scenario.id, "runnable": s.runnable,
                 "blockers": [{"kind": b.kind, "step": b.step.ref if b.step else None,
                               "message": describe_blocker(b, lang)} for b in s.blockers]}
                for s in f.scenarios
            ],
            "would_take": [
                {"kind": a.kind, "system": a.system or None, "target": a.target or None, "item": a.item,
                 "message": describe_addition(a, lang)}
                for a in f.additions
            ],
        }
        for f in fits
    ]}


def render_json(fits: list[PlatformFit], lang: str) -> str:
    return dumps(fit_dict(fits, lang))


def render_text(fits: list[PlatformFit], lang: str) -> str:
    L = {k: v[lang] for k, v in LABELS.items()}
    lines = [f"commap fit · {L['rank']}"]
    for place, f in enumerate(fits, 1):
        lines.append(f"{place}. {f.profile.name}: {f.runnable}/{len(f.scenarios)} {L['scenarios']} "
                     f"{L['runnable']}, {f.blocker_count} {L['blockers']}")
        for s in f.scenarios:
            if s.blockers:
                lines.append(f"   ✗ {s.scenario.label}")
                lines.extend(f"       {describe_blocker(b, lang)}" for b in s.blockers)
        lines.append(f"   {L['would_take']}:" + ("" if f.additions else f" {L['nothing']}"))
        lines.extend(f"     + {describe_addition(a, lang)}" for a in f.additions)
    return "\n".join(lines) + "\n"


def render_html(fits: list[PlatformFit], lang: str) -> str:
    from reports.html import environment

    L = {k: v[lang] for k, v in LABELS.items()}
    return environment().get_template("fit.html.j2").render(
        fits=fits, lang=lang, L=L, describe_blocker=describe_blocker, describe_addition=describe_addition,
        map=fits[0].result.map if fits else None,
    )
