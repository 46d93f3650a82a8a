"""Run the selected rules over a map: select → check (a crash becomes a finding) → stable sort."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from audit.config import AuditConfig
from audit.errors import CommapError
from audit.findings import Entity, Finding, Location, Severity
from audit.gcpause import collector_paused
from audit.graph import MapGraph
from audit.model import CommMap, id_key
from audit.rule import Rule, RuleContext

SKIP_REASONS = {
    "platform": {
        "en": "the map describes no systems (no Systems sheet and no --platform)",
        "ru": "в карте не описаны системы (нет листа «Системы» и не задан --platform)",
    },
    "events": {
        "en": "the map has no Events sheet",
        "ru": "в карте нет листа «События»",
    },
    "system_channels": {
        "en": "the systems are named only in the steps' rows, which show just the channels each was seen sending",
        "ru": "системы названы только в строках шагов, а по ним видны лишь каналы, через которые каждая "
              "отправляет в этой карте",
    },
    "system_sources": {
        "en": "the systems are named only in the steps' rows, which do not say which event sources they receive",
        "ru": "системы названы только в строках шагов, а они не говорят, какие источники событий системы принимают",
    },
}

CRASH = {
    "en": "The check stopped on an internal error ({error}); the other checks ran. Please report this.",
    "ru": "Проверка остановилась из-за внутренней ошибки ({error}); остальные проверки выполнены. Сообщите нам.",
}


UNUSED_SUPPRESSION = {
    "code": "CFG001",
    "slug": "unused-suppression",
    "message": {
        "en": "The suppression of {rule} for '{entity}' matches no finding; the problem may be fixed.",
        "ru": "Исключение {rule} для «{entity}» не совпало ни с одним замечанием; возможно, проблема устранена.",
    },
    "hint": {
        "en": "Remove this [[suppress]] entry from the configuration so stale exceptions do not pile up.",
        "ru": "Удалите эту запись [[suppress]] из конфигурации, чтобы устаревшие исключения не копились.",
    },
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Accepted:
    """A finding the configuration suppresses, with the reason given there."""

    finding: Finding
    reason: str


@dataclass(slots=True, kw_only=True)
class AuditResult:
    map: CommMap
    audit_date: date
    lang: str
    platform: str | None
    findings: list[Finding]
    skipped: dict[str, str]  # code → reason, in the report language
    rules: list[Rule]  # the rules that ran, for the report's rule reference
    accepted: list[Accepted] = field(default_factory=list)
    # with --baseline: the earlier report's path and, per finding, whether the baseline lacked it
    baseline: str | None = None
    new_flags: list[bool] | None = None
    # with --baseline: per finding, the ISO date it was first seen (carried forward from report to report)
    first_seen: list[str | None] | None = None
    # seconds per phase ("graph") and per rule code; never part of the JSON report
    timings: dict[str, float] = field(default_factory=dict)
    # what the renderers draw from: the audit's graph and the tracking plan it used
    graph: MapGraph | None = None
    tracking_plan: frozenset[str] | None = None
    # ids of the systems named only in the steps' rows (no Systems sheet, no --platform), if any
    systems_from_rows: list[str] = field(default_factory=list)
    # with [[personas]] in the configuration: what each receives (audit.simulate.Simulation)
    simulations: list = field(default_factory=list)

    def rules_on_row_systems(self) -> list[str]:
        """Codes of the platform rules that ran on systems named only in the rows."""
        if not self.systems_from_rows:
            return []
        return sorted(rule.code for rule in self.rules if "platform" in rule.requires)

    def summary(self) -> dict[str, int]:
        counts = {s.value: 0 for s in Severity}
        for finding in self.findings:
            counts[finding.severity.value] += 1
        return {**counts, "suppressed": len(self.accepted)}


def resolve_lang(config: AuditConfig, commap: CommMap) -> str:
    return commap.language if config.lang == "auto" else config.lang


def build_rules(config: AuditConfig, lang: str, registry: tuple[type[Rule], ...]) -> list[Rule]:
    """Instantiate the selected rules with their configured severity and options."""
    known = {rule.code for rule in registry}
    origin = config.source or "configuration"
    for code in (*config.severity, *config.options):
        if code not in known:
            raise CommapError(f"{origin}: unknown rule '{code}'")
    for entry in config.suppress:
        if entry.rule.strip().upper() not in known:
            raise CommapError(f"{origin}: [[suppress]] names unknown rule '{entry.rule}'")
    rules = []
    for rule_class in registry:
        if not config.selects(rule_class.code, rule_class.recommended):
            continue
        try:
            options = rule_class.Options(**config.options.get(rule_class.code, {}))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise CommapError(f"{origin}: rule {rule_class.code} option '{where}': {first['msg']}") from None
        rules.append(rule_class(config.severity.get(rule_class.code), options, lang))
    return rules


def run(commap: CommMap, config: AuditConfig | None = None) -> AuditResult:
    with collector_paused():
        return _run(commap, config)


def _run(commap: CommMap, config: AuditConfig | None) -> AuditResult:
    from rules import ALL_RULES

    config = config or AuditConfig()
    lang = resolve_lang(config, commap)
    started = time.perf_counter()
    graph = MapGraph(commap)
    timings = {"graph": time.perf_counter() - started}
    ctx = RuleContext(
        map=commap,
        graph=graph,
        today=config.today or date.today(),
        lang=lang,
        tracking_plan=config.tracking_plan,
        platform_name=config.platform_name,
    )
    simulations = _simulations(graph, config, ctx.today, lang)
    ctx.extra["simulations"] = simulations
    findings: list[Finding] = []
    skipped: dict[str, str] = {}
    ran: list[Rule] = []
    for rule in build_rules(config, lang, ALL_RULES):
        missing = [need for need in rule.requires if not _available(need, commap, graph)]
        if missing:
            skipped[rule.code] = SKIP_REASONS[missing[0]][lang]
            continue
        ran.append(rule)
        started = time.perf_counter()
        try:
            findings.extend(rule.check(ctx))
        except Exception as exc:  # a broken rule must not take the audit down with it
            findings.append(
                Finding(
                    rule=rule.code,
                    slug=rule.slug,
                    severity=Severity.ERROR,
                    entity=Entity(kind="map", id=commap.meta.name or "map"),
                    location=Location(),
                    message=CRASH[lang].format(error=f"{type(exc).__name__}: {exc}"),
                    hint="",
                )
            )
        timings[rule.code] = time.perf_counter() - started
    findings, accepted = apply_suppressions(findings, config, commap, lang)
    findings.sort(key=Finding.sort_key)
    return AuditResult(
        map=commap,
        audit_date=ctx.today,
        lang=lang,
        platform=config.platform_name or (commap.meta.platform or None),
        findings=findings,
        skipped=skipped,
        rules=ran,
        accepted=accepted,
        timings=timings,
        graph=graph,
        tracking_plan=config.tracking_plan,
        systems_from_rows=sorted((s.id for s in commap.systems), key=id_key) if graph.systems_from_rows else [],
        simulations=simulations,
    )


def _simulations(graph: MapGraph, config: AuditConfig, today: date, lang: str) -> list:
    """The configured personas' timelines, against FREQ001's caps as configured."""
    if not config.personas:
        return []
    from audit.simulate import simulate
    from rules.freq001_contact_pressure import Options

    caps = Options.model_validate(config.options.get("FREQ001", {})).caps
    return [simulate(graph, persona, today, caps, lang=lang) for persona in config.personas]


def apply_suppressions(
    findings: list[Finding], config: AuditConfig, commap: CommMap, lang: str
) -> tuple[list[Finding], list[Accepted]]:
    """Move suppressed findings aside; a suppression that matches nothing becomes an info finding."""
    if not config.suppress:
        return findings, []
    kept: list[Finding] = []
    accepted: list[Accepted] = []
    used = [False] * len(config.suppress)
    for finding in findings:
        for index, entry in enumerate(config.suppress):
            if entry.matches(finding):
                used[index] = True
                accepted.append(Accepted(finding=finding, reason=entry.reason))
                break
        else:
            kept.append(finding)
    for index, entry in enumerate(config.suppress):
        if not used[index]:
            kept.append(Finding(
                rule=UNUSED_SUPPRESSION["code"],
                slug=UNUSED_SUPPRESSION["slug"],
                severity=Severity.INFO,
                entity=Entity(kind="map", id=commap.meta.name or "map"),
                location=Location(sheet=Path(config.source).name if config.source else None, row=None,
                                  column=f"suppress[{index + 1}]"),
                message=UNUSED_SUPPRESSION["message"][lang].format(rule=entry.rule, entity=entry.entity),
                hint=UNUSED_SUPPRESSION["hint"][lang],
            ))
    accepted.sort(key=lambda a: a.finding.sort_key())
    return kept, accepted


def _available(need: str, commap: CommMap, graph: MapGraph) -> bool:
    if need == "platform":
        return graph.has_platform
    if need == "events":
        return commap.has_sheet("events")
    if need == "system_sources":  # what systems receive: a Systems sheet says it, or the integrations into them
        return not graph.systems_from_rows or bool(commap.integrations)
    if need == "system_channels":
        return not graph.systems_from_rows
    raise ValueError(f"unknown rule requirement {need!r}")
