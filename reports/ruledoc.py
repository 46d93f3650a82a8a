"""`commap rules` and `commap rules CODE`: the catalogue and one rule's documentation as text."""
from __future__ import annotations

import inspect

from audit.errors import CommapError
from audit.rule import Rule

_LABELS = {
    "severity": {"en": "default severity", "ru": "важность по умолчанию"},
    "preset": {"en": "preset", "ru": "набор"},
    "recommended": {"en": "recommended", "ru": "recommended (по умолчанию)"},
    "all_only": {"en": "all (not in recommended)", "ru": "all (не входит в recommended)"},
    "requires": {"en": "applies when the map describes", "ru": "применяется, если в карте есть"},
    "options": {"en": "Options", "ru": "Параметры"},
    "no_options": {"en": "This rule has no options.", "ru": "У правила нет параметров."},
    "bad": {"en": "Example that is reported", "ru": "Пример, который будет отмечен"},
    "good": {"en": "Example that passes", "ru": "Пример без замечания"},
    "platform": {"en": "systems (a Systems sheet or --platform)", "ru": "системы (лист «Системы» или --platform)"},
    "events": {"en": "an Events sheet", "ru": "лист «События»"},
}


def _registry() -> tuple[type[Rule], ...]:
    from rules import ALL_RULES

    return ALL_RULES


def list_rules(lang: str = "en") -> str:
    rules = _registry()
    width = max(len(rule.slug) for rule in rules)
    lines = []
    for rule in rules:
        marker = " " if rule.recommended else "+"
        lines.append(f"{rule.code:8}{marker}{rule.slug:{width}}  {rule.default_severity.value:8} {rule.title[lang]}")
    note = {"en": "+ = only with --select all.  commap rules CODE explains one rule.",
            "ru": "+ = только с --select all.  commap rules КОД — описание правила."}[lang]
    return "\n".join(lines) + "\n\n" + note + "\n"


def rule_documentation(rule: type[Rule], lang: str) -> str:
    """The rule's documentation text (module docstring in English, `doc_ru` in Russian), without its heading line."""
    if lang == "ru" and rule.doc_ru:
        return rule.doc_ru.strip()
    doc = (inspect.getmodule(rule).__doc__ or "").strip()
    first, _, rest = doc.partition("\n")
    return rest.strip() if first.startswith(rule.code) else doc


def option_rows(rule: type[Rule]) -> list[tuple[str, str, str]]:
    """(name, default, description) for each option of the rule."""
    rows = []
    for name, field in rule.Options.model_fields.items():
        default = field.get_default(call_default_factory=True)
        rows.append((name, repr(default), field.description or ""))
    return rows


def describe_rule(code: str, lang: str = "en") -> str:
    rules = {rule.code: rule for rule in _registry()}
    rule = rules.get(code.strip().upper())
    if rule is None:
        raise CommapError(f"unknown rule '{code}' (commap rules lists them)")
    L = {key: value[lang] for key, value in _LABELS.items()}
    lines = [
        f"{rule.code} {rule.slug} — {rule.title[lang]}",
        f"{L['severity']}: {rule.default_severity.value}; {L['preset']}: "
        f"{L['recommended'] if rule.recommended else L['all_only']}",
    ]
    if rule.requires:
        lines.append(f"{L['requires']}: " + ", ".join(L[need] for need in rule.requires))
    lines += ["", rule_documentation(rule, lang), "", f"{L['options']}:"]
    options = option_rows(rule)
    lines += [f"  {name} = {default}  {text}".rstrip() for name, default, text in options] or [f"  {L['no_options']}"]
    for kind in ("bad", "good"):
        example = rule.examples.get(kind)
        if example:
            lines += ["", f"{L[kind]}:", *example_lines(example)]
    return "\n".join(lines) + "\n"


def example_lines(tables: dict) -> list[str]:
    """A documented example map as small text tables, one per sheet."""
    lines = []
    for sheet, rows in tables.items():
        if sheet == "meta":
            lines.append("  [Map] " + ", ".join(f"{k} = {v}" for k, v in rows.items()))
            continue
        columns = list(dict.fromkeys(key for row in rows for key in row))
        widths = {c: max(len(c), *(len(str(row.get(c, ""))) for row in rows)) for c in columns}
        lines.append(f"  [{sheet.capitalize()}]")
        for row in ({c: c for c in columns}, *rows):
            lines.append(("    " + " | ".join(str(row.get(c, "")).ljust(widths[c]) for c in columns)).rstrip())
    return lines
