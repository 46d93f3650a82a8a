"""The HTML report: one self-contained file rendered by jinja2 with autoescape on.

A Content-Security-Policy meta tag forbids every network request; CSS is inline. Findings are
grouped by severity and rule; a rule with many findings shows the first ones and says how many
more the JSON report lists, so enterprise maps stay readable.
"""
from __future__ import annotations

from collections import OrderedDict

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from audit.engine import AuditResult
from audit.findings import Severity
from reports.fit import describe_blocker
from reports.i18n import LABELS, count_word
from reports.reading import reading
from reports.ruledoc import rule_documentation

MAX_FINDINGS_PER_RULE = 200

_env = Environment(
    loader=PackageLoader("reports", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def environment() -> Environment:
    """The shared jinja2 environment (autoescape on) for every HTML page commap writes."""
    return _env


def why_it_matters(rule_class, lang: str) -> str:
    """The rule documentation's "Why it matters" paragraph, for the finding group's explanation."""
    text = rule_documentation(rule_class, lang)
    marker = "**Почему это важно.**" if lang == "ru" and rule_class.doc_ru else "**Why it matters.**"
    if marker not in text:
        return ""
    paragraph = text.split(marker, 1)[1].split("\n\n", 1)[0]
    return " ".join(paragraph.split())


def group_findings(result: AuditResult) -> list[dict]:
    """[{severity, rules: [{code, title, slug, count, findings (first N), hidden}]}], most severe first."""
    titles = {rule.code: rule.title[result.lang] for rule in result.rules}
    whys = {rule.code: why_it_matters(type(rule), result.lang) for rule in result.rules}
    groups: OrderedDict[Severity, OrderedDict[str, list]] = OrderedDict((s, OrderedDict()) for s in Severity)
    for finding in result.findings:
        groups[finding.severity].setdefault(finding.rule, []).append(finding)
    out = []
    for severity, rules in groups.items():
        if not rules:
            continue
        out.append({
            "severity": severity.value,
            "count": sum(len(f) for f in rules.values()),
            "rules": [
                {
                    "code": code,
                    "slug": findings[0].slug,
                    "title": titles.get(code, findings[0].slug),
                    "why": whys.get(code, ""),
                    "count": len(findings),
                    "findings": findings[:MAX_FINDINGS_PER_RULE],
                    "hidden": max(0, len(findings) - MAX_FINDINGS_PER_RULE),
                }
                for code, findings in rules.items()
            ],
        })
    return out


def _segments_lookup(result: AuditResult, graph):
    from reports import html_view

    by_position = html_view.finding_segments(result, graph)
    by_identity = {id(f): by_position[i] for i, f in enumerate(result.findings)}
    return lambda finding: by_identity.get(id(finding), "")


def render(result: AuditResult) -> str:
    from audit.graph import MapGraph
    from reports import html_view
    from reports.journey import journey_svg

    lang = result.lang
    labels = {key: value.get(lang, value["en"]) for key, value in LABELS.items()}
    fired = {f.rule for f in result.findings}
    graph = result.graph or MapGraph(result.map)
    worst = html_view.worst_by_entity(result.findings)
    return _env.get_template("report.html.j2").render(
        result=result,
        meta=result.map.meta,
        lang=lang,
        L=labels,
        groups=group_findings(result),
        summary=result.summary(),
        counts=result.map.counts(),
        count_word=lambda key, n: count_word(key, n, lang),
        reference=[rule for rule in result.rules if rule.code in fired],
        docs={rule.code: rule_documentation(type(rule), lang) for rule in result.rules},
        coverage=html_view.coverage(graph),
        mix=html_view.mix(graph),
        pressure=html_view.pressure(result, graph),
        events=html_view.events(result, graph),
        feasibility=html_view.feasibility(graph) if graph.has_platform else None,
        describe_blocker=describe_blocker,
        journey=Markup(journey_svg(graph, worst, lang)),
        segments_for=_segments_lookup(result, graph),
        segment_options=[s for s in result.map.segments if not s.excluded][:300],
        number=html_view.number,
        reading=reading(result.map, lang),
        **_personas(result, lang, labels),
    )


def _personas(result: AuditResult, lang: str, labels: dict[str, str]) -> dict:
    """[[personas]] of the configuration: what each receives, drawn as on the simulate page."""
    if not result.simulations:
        return {"personas": [], "legend": []}
    from reports.simulate_html import legend, persona_view

    return {"personas": [persona_view(index, sim, lang, labels) for index, sim in enumerate(result.simulations, 1)],
            "legend": legend(lang, labels)}
