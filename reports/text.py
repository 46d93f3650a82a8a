"""The short terminal summary: counts per severity, the rules that fired, skipped rules."""
from __future__ import annotations

from collections import Counter

from audit.engine import AuditResult
from reports.i18n import count_word, t
from reports.reading import WIDE_ROLES, one_line, reading

_MAX_LINES_PER_RULE = 3
_MAX_UNPLACED = 8
_MAX_WIDE_SHEETS = 3


def render(result: AuditResult) -> str:
    lang = result.lang
    commap = result.map
    summary = result.summary()
    lines = [
        f"commap · {commap.meta.name or commap.path} · {t('audit_date', lang)} {result.audit_date.isoformat()}",
        "  " + " · ".join(f"{count} {count_word(k, count, lang)}" for k, count in commap.counts().items()),
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
    lines.extend(reading_lines(commap, lang))
    if result.accepted:
        lines.append(f"{t('accepted', lang)}: {len(result.accepted)}")
    if result.rules_on_row_systems():
        lines.append(t("row_systems", lang).format(rules=", ".join(result.rules_on_row_systems()),
                                                   systems=", ".join(result.systems_from_rows)))
    for code, reason in sorted(result.skipped.items()):
        lines.append(f"{t('skipped', lang)} {code}: {reason}")
    if not result.findings:
        lines.append(t("no_findings", lang))
    return "\n".join(lines) + "\n"


def reading_lines(commap, lang: str) -> list[str]:
    """The columns that could not be placed (sheet: header), and how each wide or scenario sheet was read."""
    unplaced = [f"{loc.sheet}: {one_line(loc.column)}" for loc in commap.ignored_columns]
    lines = []
    if unplaced:
        more = f" (+{len(unplaced) - _MAX_UNPLACED})" if len(unplaced) > _MAX_UNPLACED else ""
        lines.append(f"{t('unplaced_columns', lang)}: {', '.join(unplaced[:_MAX_UNPLACED])}{more}")
    plan = reading(commap, lang)
    wide = [sheet for sheet in plan.sheets if sheet.role in WIDE_ROLES and sheet.header_rows] if plan else []
    for sheet in wide[:_MAX_WIDE_SHEETS]:
        rows = "–".join(str(row) for row in sheet.header_rows)
        header = t("header_rows" if len(sheet.header_rows) > 1 else "header_row", lang).format(rows=rows)
        columns = t("columns_read", lang).format(read=sheet.read, total=len(sheet.columns))
        lines.append(t("reading_sheet_line", lang).format(sheet=sheet.name, role=sheet.role_label, header=header,
                                                         columns=columns))
    if len(wide) > _MAX_WIDE_SHEETS:
        lines.append(t("more_sheets", lang).format(n=len(wide) - _MAX_WIDE_SHEETS))
    return lines
