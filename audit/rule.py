"""The Rule base class and the context every rule reads.

A rule is a small class: code, slug, default severity, EN/RU title, message and fix templates,
an options model, and `check(ctx)`, a pure generator of findings. Severity comes from the
configuration; `self.finding` fills in code, severity, entity, location and the texts.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar

from pydantic import BaseModel, ConfigDict

from audit.findings import Entity, Finding, Location, Severity
from audit.graph import MapGraph
from audit.model import (
    Channel,
    CommMap,
    Event,
    Integration,
    MapMeta,
    Scenario,
    Segment,
    Stage,
    Step,
    System,
)

LANGS = ("en", "ru")


class NoOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")


@dataclass
class RuleContext:
    """What a rule may read: the map, its graph and shared answers, the audit date, the plan."""

    map: CommMap
    graph: MapGraph
    today: date
    lang: str = "en"
    tracking_plan: frozenset[str] | None = None
    platform_name: str | None = None
    extra: dict = field(default_factory=dict)

    def is_tracked(self, event: Event) -> bool:
        return event_is_tracked(event, self.tracking_plan)


def event_is_tracked(event: Event, tracking_plan: frozenset[str] | None) -> bool:
    """Marked tracked (or not marked at all), and present in the tracking plan when one is given."""
    if event.tracked is False:
        return False
    if tracking_plan is None:
        return True
    names = {event.key}
    if event.analytics_key:
        names.add(event.analytics_key.casefold())
    return bool(names & tracking_plan)


_KIND_OF = {
    Segment: "segment", Stage: "stage", Channel: "channel", Event: "event", Scenario: "scenario",
    Step: "step", System: "system", Integration: "integration", MapMeta: "map",
}


def entity_of(record: object) -> Entity:
    kind = _KIND_OF[type(record)]
    if isinstance(record, (Step, Integration)):
        return Entity(kind=kind, id=record.ref)
    if isinstance(record, MapMeta):
        return Entity(kind="map", id=record.name or "map")
    return Entity(kind=kind, id=record.id)


class Rule:
    code: ClassVar[str]
    slug: ClassVar[str]
    default_severity: ClassVar[Severity]
    title: ClassVar[dict[str, str]]
    message: ClassVar[dict[str, str]]
    fix: ClassVar[dict[str, str]]
    # What the map must describe for the rule to apply: "platform" (systems), "events" (an Events sheet),
    # "system_channels" / "system_sources" (systems described beyond the names on the steps' rows).
    requires: ClassVar[tuple[str, ...]] = ()
    # In the default "recommended" preset; `--select all` adds the rest.
    recommended: ClassVar[bool] = True
    Options: ClassVar[type[BaseModel]] = NoOptions
    # Documentation: the module docstring is the English text; `doc_ru` the Russian one, same sections
    # (What it catches / Why it matters / Fix / Options). `examples` holds a "bad" and a "good" map as
    # tables of rows (the keyword arguments of tests/builders.build_map, "meta" included); a test runs
    # both through the engine, so the documentation cannot go stale.
    doc_ru: ClassVar[str] = ""
    examples: ClassVar[dict[str, dict]] = {}

    def __init__(self, severity: Severity | None = None, options: BaseModel | None = None, lang: str = "en"):
        self.severity = severity or self.default_severity
        self.options = options if options is not None else self.Options()
        self.lang = lang if lang in LANGS else "en"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:  # pragma: no cover - abstract
        raise NotImplementedError

    def finding(
        self,
        record: object,
        field: str | None = None,
        *,
        entity: Entity | None = None,
        location: Location | None = None,
        tentative: bool = False,
        **params: object,
    ) -> Finding:
        """A finding about `record`, located at its `field` cell; `params` fill the message and fix.

        `tentative`: the map is silent rather than wrong (e.g. it names systems but states no
        integrations), so the finding is reported one level below the configured severity.
        """
        if location is None:
            source = getattr(record, "source", None)
            location = source.at(field) if source is not None else Location()
        return Finding(
            rule=self.code,
            slug=self.slug,
            severity=_SOFTER[self.severity] if tentative else self.severity,
            entity=entity or entity_of(record),
            location=location,
            message=_fill(self.message[self.lang], params),
            hint=_fill(self.fix[self.lang], params),
        )


_SOFTER = {Severity.ERROR: Severity.WARNING, Severity.WARNING: Severity.INFO, Severity.INFO: Severity.INFO}


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fill(template: str, params: dict[str, object]) -> str:
    return template.format_map(_Blank({k: "" if v is None else v for k, v in params.items()}))
