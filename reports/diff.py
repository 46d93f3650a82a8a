"""Renderers for `commap diff`: text, JSON (SPEC §4 shape) and HTML in the report's style."""
from __future__ import annotations

from audit.diff import MapDiff
from audit.engine import AuditResult
from reports.json import dumps, finding_dict, map_dict

LABELS = {
    "title": {"en": "Map review: what changed", "ru": "Ревизия карты: что изменилось"},
    "old": {"en": "Before", "ru": "Было"},
    "new": {"en": "After", "ru": "Стало"},
    "added": {"en": "Added", "ru": "Добавлено"},
    "removed": {"en": "Removed", "ru": "Удалено"},
    "changed": {"en": "Changed", "ru": "Изменено"},
    "findings_new": {"en": "New findings", "ru": "Новые замечания"},
    "findings_fixed": {"en": "Fixed", "ru": "Исправлено"},
    "findings_kept": {"en": "Still open", "ru": "Остались"},
    "last_reviewed": {"en": "Last reviewed", "ru": "Дата ревизии"},
    "not_given": {"en": "not given", "ru": "не указана"},
    "no_changes": {"en": "No changes in the map's content.", "ru": "Содержание карты не изменилось."},
    "error": {"en": "errors", "ru": "ошибки"},
    "warning": {"en": "warnings", "ru": "предупреждения"},
    "info": {"en": "notes", "ru": "заметки"},
    "counts": {"en": "Counts", "ru": "Состав"},
}


def _side(result: AuditResult) -> dict:
    meta = result.map.meta
    return {
        **map_dict(result),
        "last_reviewed": meta.last_reviewed.isoformat() if meta.last_reviewed else None,
        "audit_date": result.audit_date.isoformat(),
        "summary": result.summary(),
    }


def diff_dict(d: MapDiff) -> dict:
    return {
        "old": _side(d.old),
        "new": _side(d.new),
        "changes": {
            "added": [{"kind": c.kind, "id": c.id} for c in d.changes.added],
            "removed": [{"kind": c.kind, "id": c.id} for c in d.changes.removed],
            "changed": [{"kind": c.kind, "id": c.id, "fields": list(c.fields)} for c in d.changes.changed],
        },
        "findings": {
            "new": [finding_dict(f) for f in d.findings.new],
            "fixed": [finding_dict(f) for f in d.findings.fixed],
            "kept": [finding_dict(f) for f in d.findings.kept],
        },
    }


def render_json(d: MapDiff, lang: str) -> str:
    return dumps(diff_dict(d))


def render_text(d: MapDiff, lang: str) -> str:
    L = {k: v[lang] for k, v in LABELS.items()}
    lines = [f"commap diff · {d.old.map.path} → {d.new.map.path}"]
    for label, result in ((L["old"], d.old), (L["new"], d.new)):
        summary = result.summary()
        reviewed = result.map.meta.last_reviewed
        lines.append(f"  {label}: {L['last_reviewed']} {reviewed.isoformat() if reviewed else L['not_given']}; "
                     + ", ".join(f"{L[s]} {summary[s]}" for s in ("error", "warning", "info")))
    if d.changes.is_empty():
        lines.append(L["no_changes"])
    for key in ("added", "removed", "changed"):
        items = getattr(d.changes, key)
        if items:
            lines.append(f"{L[key]} ({len(items)}):")
            lines.extend(f"  {c.kind}:{c.id}" + (f" [{', '.join(c.fields)}]" if c.fields else "") for c in items)
    for key, items in (("findings_new", d.findings.new), ("findings_fixed", d.findings.fixed),
                       ("findings_kept", d.findings.kept)):
        lines.append(f"{L[key]}: {len(items)}")
        if key != "findings_kept":
            lines.extend(f"  {f.rule} {f.entity.kind}:{f.entity.id} — {f.message}" for f in items[:20])
            if len(items) > 20:
                lines.append(f"  … +{len(items) - 20}")
    return "\n".join(lines) + "\n"


def render_html(d: MapDiff, lang: str) -> str:
    from reports.html import environment

    L = {k: v[lang] for k, v in LABELS.items()}
    return environment().get_template("diff.html.j2").render(d=d, lang=lang, L=L)
