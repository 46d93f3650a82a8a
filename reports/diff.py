"""Renderers for `commap diff`: text, JSON (SPEC §4 shape plus the review's additions) and HTML in the
report's style. Every label, entity kind and enum value comes from reports/i18n.py, as in the audit report."""
from __future__ import annotations

from collections import OrderedDict

from audit.diff import Change, MapDiff
from audit.engine import AuditResult
from audit.findings import Finding, Location, Severity
from reports.i18n import (CHANNEL_KIND_WORDS, COUNT_WORDS, DIFF_FIELDS, DIFF_LABELS, FIELDS, LABELS as AUDIT_LABELS,
                          MESSAGE_TYPE_WORDS, SCENARIO_TYPE_WORDS, STATUS_WORDS, YES_NO, count_word, word)
from reports.json import dumps, finding_dict, map_dict
from rules._common import counted, kind_name, number

LABELS = DIFF_LABELS
_MISSING = "—"
_MAX_TEXT_FINDINGS = 20
# Which word table reads a field's value, per entity kind ("*": any kind).
_WORD_TABLES = {("*", "status"): STATUS_WORDS, ("scenario", "type"): SCENARIO_TYPE_WORDS,
                ("step", "message_type"): MESSAGE_TYPE_WORDS, ("channel", "kind"): CHANNEL_KIND_WORDS}


def labels(lang: str) -> dict[str, str]:
    return {key: value.get(lang) or value["en"] for key, value in DIFF_LABELS.items()}


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def field_label(kind: str, name: str, lang: str) -> str:
    """A model field in words, as the reading section names its column: "Stop event", «Статус»."""
    if kind == "stage" and name == "next":
        name = "next_stages"
    entry = DIFF_FIELDS.get(name) or FIELDS.get(name)
    return _capital(entry.get(lang) or entry["en"]) if entry else name


def field_value(kind: str, name: str, value: object, lang: str) -> str:
    """A value as the reader shows it: dates ISO, lists joined, enums in words, "—" for nothing."""
    if value is None or value == "" or value == [] or value == {}:
        return _MISSING
    if isinstance(value, bool):
        return word(YES_NO, "yes" if value else "no", lang)
    if isinstance(value, list):
        return ", ".join(field_value(kind, name, item, lang) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{key}: {field_value(kind, name, item, lang)}" for key, item in sorted(value.items()))
    if isinstance(value, (int, float)):
        if name == "delay_minutes":
            return counted(value, COUNT_WORDS["minutes"][lang], lang)
        return number(value, lang)
    table = _WORD_TABLES.get((kind, name)) or _WORD_TABLES.get(("*", name))
    return word(table, str(value), lang) if table else str(value)


def kind_label(kind: str, lang: str) -> str:
    return _capital(kind_name(kind, lang))


def where(location: Location | None, lang: str) -> str:
    """«Сценарии, строка 6»; "Scenarios, row 6"."""
    if location is None or not location.sheet:
        return labels(lang)["nowhere"]
    if location.row is None:
        return location.sheet
    return AUDIT_LABELS["fact_where"][lang].format(sheet=location.sheet, row=location.row)


def value_dicts(change: Change, lang: str) -> list[dict]:
    return [{"field": v.field, "label": field_label(change.kind, v.field, lang),
             "before": field_value(change.kind, v.field, v.before, lang),
             "after": field_value(change.kind, v.field, v.after, lang)} for v in change.values]


def _at(location: Location | None) -> dict | None:
    return {"sheet": location.sheet, "row": location.row} if location is not None else None


def _change_dict(change: Change, lang: str, changed: bool = False) -> dict:
    item: dict = {"kind": change.kind, "id": change.id}
    if changed:
        item["fields"] = list(change.fields)
    item["kind_label"] = kind_label(change.kind, lang)
    item["where"] = {side: _at(at) for side, at in (("before", change.before_at), ("after", change.after_at))
                     if at is not None or changed}
    if changed:
        item["values"] = value_dicts(change, lang)
    return item


def review(d: MapDiff) -> dict:
    """The two review dates, the days between them and how overdue the previous review was when the
    new one was made (the new review date, else the audit date) by GOV001's limit."""
    from audit.dates import add_months
    from rules.gov001_stale_map import Options

    rule = next((r for r in d.new.rules if r.code == "GOV001"), None)
    months = rule.options.max_age_months if rule is not None else Options().max_age_months
    previous, current = d.old.map.meta.last_reviewed, d.new.map.meta.last_reviewed
    out = {"previous": previous.isoformat() if previous else None,
           "current": current.isoformat() if current else None,
           "max_age_months": months, "days_between": None, "due": None, "overdue_days": None}
    if previous is None:
        return out
    reference = current or d.new.audit_date
    due = add_months(previous, months)
    out["due"] = due.isoformat()
    out["days_between"] = (reference - previous).days if current else None
    out["overdue_days"] = max((reference - due).days, 0)
    return out


def review_lines(d: MapDiff, lang: str) -> list[str]:
    """«между ревизиями: 250 дней», «предыдущая ревизия просрочена на 66 дней (ревизия раз в 6 месяцев)»."""
    L, facts = labels(lang), review(d)
    months = counted(facts["max_age_months"], COUNT_WORDS["months"][lang], lang)
    lines = []
    if facts["days_between"] is not None:
        lines.append(L["review_gap"].format(days=counted(facts["days_between"], COUNT_WORDS["days"][lang], lang)))
    if facts["overdue_days"]:
        lines.append(L["overdue"].format(days=counted(facts["overdue_days"], COUNT_WORDS["days"][lang], lang),
                                         months=months.split(" ", 1)[1] if facts["max_age_months"] == 1 else months))
    elif facts["previous"]:
        lines.append(L["on_time"].format(months=months.split(" ", 1)[1] if facts["max_age_months"] == 1 else months))
    return lines


def _worse_dicts(d: MapDiff, lang: str) -> list[dict]:
    return [{**finding_dict(w.new), "before": number(w.before, lang), "after": number(w.after, lang),
             "message_before": w.old.message} for w in d.findings.worse]


def kept_groups(d: MapDiff) -> list[dict]:
    """Kept findings by severity, most severe first; within a severity the longest open first
    (when a baseline gave first-seen dates), then as the audit sorts them."""
    since = d.open_since or [None] * len(d.findings.kept)
    rows = sorted(zip(d.findings.kept, since), key=lambda row: (row[0].severity.rank, row[1] or "9999",
                                                                 row[0].sort_key()))
    groups: OrderedDict[Severity, list] = OrderedDict()
    for finding, seen in rows:
        groups.setdefault(finding.severity, []).append({"finding": finding, "open_since": seen})
    return [{"severity": severity.value, "rows": rows} for severity, rows in groups.items()]


def _side(result: AuditResult) -> dict:
    meta = result.map.meta
    return {
        **map_dict(result),
        "last_reviewed": meta.last_reviewed.isoformat() if meta.last_reviewed else None,
        "audit_date": result.audit_date.isoformat(),
        "summary": result.summary(),
    }


def diff_dict(d: MapDiff, lang: str = "en") -> dict:
    kept = [finding_dict(f) for f in d.findings.kept]
    if d.open_since is not None:
        for item, seen in zip(kept, d.open_since):
            item["open_since"] = seen
    return {
        "old": _side(d.old),
        "new": _side(d.new),
        "review": review(d),
        "changes": {
            "added": [_change_dict(c, lang) for c in d.changes.added],
            "removed": [_change_dict(c, lang) for c in d.changes.removed],
            "changed": [_change_dict(c, lang, changed=True) for c in d.changes.changed],
        },
        "findings": {
            "new": [finding_dict(f) for f in d.findings.new],
            "fixed": [finding_dict(f) for f in d.findings.fixed],
            "kept": kept,
            "worse": _worse_dicts(d, lang),
        },
    }


def render_json(d: MapDiff, lang: str) -> str:
    return dumps(diff_dict(d, lang))


def _finding_line(f: Finding, lang: str) -> str:
    return f"  {f.rule} {kind_name(f.entity.kind, lang)} {f.entity.id} — {f.message}"


def render_text(d: MapDiff, lang: str) -> str:
    L = labels(lang)
    lines = [f"commap diff · {d.old.map.path} → {d.new.map.path}"]
    for label, result in ((L["old"], d.old), (L["new"], d.new)):
        summary = result.summary()
        reviewed = result.map.meta.last_reviewed
        lines.append(f"  {label}: {L['last_reviewed']} {reviewed.isoformat() if reviewed else L['not_given']}; "
                     + ", ".join(f"{L[s]} {summary[s]}" for s in ("error", "warning", "info")))
    reviews = review_lines(d, lang)
    if reviews:
        lines.append(f"  {L['reviews']}: " + "; ".join(reviews))
    if d.changes.is_empty():
        lines.append(L["no_changes"])
    for key in ("added", "removed", "changed"):
        items = getattr(d.changes, key)
        if not items:
            continue
        lines.append(f"{L[key]} ({len(items)}):")
        for c in items:
            if key == "changed":
                lines.append(f"  {kind_label(c.kind, lang)} {c.id} ({where(c.before_at, lang)} → "
                             f"{where(c.after_at, lang)})")
                lines.extend(f"    {v['label']}: {v['before']} → {v['after']}" for v in value_dicts(c, lang))
            else:
                lines.append(f"  {kind_label(c.kind, lang)} {c.id} ({where(c.after_at or c.before_at, lang)})")
    worse = d.findings.worse
    for key, items in (("findings_new", d.findings.new), ("findings_fixed", d.findings.fixed),
                       ("findings_worse", [w.new for w in worse]), ("findings_kept", d.findings.kept)):
        lines.append(f"{L[key]}: {len(items)}")
        if key == "findings_worse":
            lines.extend(f"  {w.new.rule} {kind_name(w.new.entity.kind, lang)} {w.new.entity.id}: "
                         f"{number(w.before, lang)} → {number(w.after, lang)}" for w in worse)
        elif key != "findings_kept":
            lines.extend(_finding_line(f, lang) for f in items[:_MAX_TEXT_FINDINGS])
            if len(items) > _MAX_TEXT_FINDINGS:
                lines.append("  " + L["more"].format(n=len(items) - _MAX_TEXT_FINDINGS))
    return "\n".join(lines) + "\n"


def render_html(d: MapDiff, lang: str) -> str:
    from reports.html import environment

    return environment().get_template("diff.html.j2").render(
        d=d, lang=lang, L=labels(lang), review=review(d), review_lines=review_lines(d, lang),
        kind_label=lambda kind: kind_label(kind, lang), kind_name=lambda kind: kind_name(kind, lang),
        value_dicts=lambda change: value_dicts(change, lang), where=lambda at: where(at, lang),
        count_word=lambda key, n: count_word(key, n, lang), number=lambda v: number(v, lang),
        worse=d.findings.worse, kept_groups=kept_groups(d))
