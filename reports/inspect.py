"""`commap inspect` output: the reading of a map as JSON or as a readable listing.

Both are fed by `audit.inspect.describe`; the listing takes its words from the same rows the
HTML "How this map was read" section uses (`reports/reading.py`).
"""
from __future__ import annotations


from audit.inspect import UNREAD_COLUMN, describe
from reports.i18n import t
from reports.json import dumps
from reports.reading import one_line, reading

_QUOTES = {"ru": ("«", "»"), "en": ("“", "”")}


def render_json(commap) -> str:
    return dumps(describe(commap), sort_keys=True)


def _percent(confidence: int) -> str:
    return f"{confidence} %"


def render_text(commap, lang: str) -> str:
    opening, closing = _QUOTES.get(lang, _QUOTES["en"])
    quoted = lambda text: f"{opening}{text}{closing}"  # noqa: E731
    data = describe(commap)
    rows = [s["rows"] for s in data["sheets"]]  # in plan order: a sheet may hold two tables
    plan = reading(commap, lang)
    lines = [t("inspect_title", lang).format(path=commap.path)]
    for sheet, sheet_rows in zip(plan.sheets if plan else [], rows):
        lines.append("")
        if not sheet.header_rows:
            lines.append(f"{t('sheet', lang)} {quoted(sheet.name)}: {sheet.role_label}"
                         + (f" ({t('role_by_mapping', lang)})" if sheet.by_mapping else ""))
            continue
        two = len(sheet.header_rows) > 1
        numbers = f"{sheet.header_rows[0]}–{sheet.header_rows[-1]}" if two else str(sheet.header_rows[0])
        header = t(sheet.header_key, lang).format(rows=numbers)
        columns = t("columns_read", lang).format(read=sheet.read, total=len(sheet.columns))
        lines.append(t("reading_sheet_line", lang).format(sheet=sheet.name, role=sheet.role_label, header=header,
                                                          columns=columns))
        if sheet.by_mapping:
            lines.append(f"  ({t('role_by_mapping', lang)})")
        lines.append("  " + t("inspect_rows", lang).format(**sheet_rows))
        for column in sheet.columns:
            head = f"  {column.letter:<3} {quoted(column.header)}"
            if column.unread:
                lines.append(f"{head} — {t('not_read', lang)}")
                continue
            name = column.field_label if column.field_label == column.field else \
                f"{column.field_label} [{column.field}]"
            mark = f" — {t('doubtful', lang)}" if column.doubtful else ""
            lines.append(f"{head} → {name} ({_percent(column.confidence)}, {column.evidence_label}){mark}")
    lines += ["", t("map_facts", lang)]
    if plan and plan.facts:
        for fact in plan.facts:
            where = t("fact_where", lang).format(sheet=fact.sheet, row=fact.row)
            written = f", {t('written_as', lang).format(label=fact.written_as)}" if fact.written_as else ""
            lines.append(f"  {fact.label}: {fact.value} ({where}{written})")
    else:
        lines.append(f"  {t('no_facts', lang)}")
    lines += ["", t("unread_values", lang)]
    if not data["unread"]:
        lines.append(f"  {t('nothing_unread', lang)}")
    for group in data["unread"]:
        if "more" in group:
            lines.append(f"  {t('unread_more', lang).format(n=group['more'])}")
            continue
        place = group["sheet"] or ""
        if group["column"]:
            place += f" ({one_line(group['column'])})"
        reason = t("unread_column", lang) if group["reason"] == UNREAD_COLUMN else group["reason"]
        value = f": {quoted(one_line(group['value']))}" if group["value"] else ""
        code = f"{group['code']} " if group["code"] else ""
        times = t("unread_times", lang).format(n=group["count"], row=group["row"]) if group["count"] > 1 \
            else t("fact_where", lang).format(sheet="", row=group["row"]).lstrip(", ")
        lines.append(f"  {code}{place}{value} — {reason} ({times})")
    if not data["auditable"]:
        lines += ["", t("nothing_to_audit", lang)]
    lines += ["", t("write_columns_hint", lang).format(path=commap.path)]
    return "\n".join(lines) + "\n"
