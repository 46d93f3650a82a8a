"""The short terminal summary: counts per severity, the rules that fired, skipped rules."""
from __future__ import annotations

from collections import Counter

from audit.engine import AuditResult
from reports.i18n import t

_MAX_LINES_PER_RULE = 3


def render(result: AuditResult) -> str:
    lang = result.lang
    commap = result.map
    summary = result.summary()
    lines = [
        f"commap · {commap.meta.name or commap.path} · {t('audit_date', lang)} {result.audit_date.isoformat()}",
        "  " + " · ".join(f"{count} {t(k, lang)}" for k, count in commap.counts().items()),
        "  " + ", ".join(f"{t(sev, lang)}: {summary[sev]}" for sev in ("error", "warning", "info")),
    ]
    by_rule = Counter(f.rule for f in result.findings)
    shown: Counter = Counter()
    titles = {rule.code: rule.title[lang] for rule in result.rules}
    for finding in result.findings:
        if shown[finding.rule] == 0:
            lines.append(f"{finding.severity.value.upper():7} {finding.rule} {titles.get(finding.rule, finding.slug)}"
                         f" ({by_rule[finding.rule]})")
        if shown[finding.rule] < _MAX_LINES_PER_RULE:
            where = finding.location.label()
            lines.append(f"        {where + ': ' if where else ''}{finding.message}")
        elif shown[finding.rule] == _MAX_LINES_PER_RULE:
            lines.append(f"        … {t('more_in_report', lang).format(n=by_rule[finding.rule] - _MAX_LINES_PER_RULE)}")
        shown[finding.rule] += 1
    if commap.ignored_columns:
        shown = ", ".join(f"{loc.sheet}: {loc.column}" for loc in commap.ignored_columns[:8])
        more = f" (+{len(commap.ignored_columns) - 8})" if len(commap.ignored_columns) > 8 else ""
        lines.append(f"{t('ignored_columns', lang)}: {shown}{more}")
    if result.accepted:
        lines.append(f"{t('accepted', lang)}: {len(result.accepted)}")
    for code, reason in sorted(result.skipped.items()):
        lines.append(f"{t('skipped', lang)} {code}: {reason}")
    if not result.findings:
        lines.append(t("no_findings", lang))
    return "\n".join(lines) + "\n"
