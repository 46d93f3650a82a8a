"""The command line: arguments → library calls → renderers → exit status (SPEC §4).

Exit 0: nothing at or above --fail-on; 1: findings at or above it; 2: unreadable input or misuse,
with one line on stderr and never a traceback (set COMMAP_DEBUG=1 to see one).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from audit import __version__
from audit.config import AuditConfig, fails, find_config_file, make_config
from audit.engine import run
from audit.errors import CommapError
from audit.importer import load_column_mapping, load_map

if TYPE_CHECKING:
    from audit.model import CommMap
    from audit.platform import PlatformProfile

FORMATS = ("html", "json", "sarif", "xlsx", "text")


# Platform profiles and tracking plans are read only when asked for: most audits name neither.
def _profile(path: Path | None) -> PlatformProfile | None:
    from audit.platform import load_profile

    return load_profile(path) if path else None


def _with_profile(commap: CommMap, profile: PlatformProfile) -> CommMap:
    from audit.platform import apply_profile

    return apply_profile(commap, profile)


def _tracking_plan(path: Path) -> frozenset[str]:
    from audit.tracking import load_tracking_plan

    return load_tracking_plan(path)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2
        raise CommapError(f"{message} (see '{self.prog} --help')")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: '{text}'") from None


def _codes(text: str) -> list[str]:
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="commap", description="Audit CRM communication maps.")
    parser.add_argument("--version", action="version", version=f"commap {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    audit = commands.add_parser("audit", help="audit a map and write reports")
    _common_options(audit)
    audit.add_argument("--platform", help="platform profile (TOML path or bundled name) replacing the map's systems")
    _selection_options(audit)

    audit.add_argument("--timings", action="store_true", help="print the time of each phase (and the slowest rules)")
    audit.add_argument("--annotate", type=Path, metavar="OUT.xlsx",
                       help="write a copy of the workbook with offending rows highlighted and commented")
    audit.add_argument("--baseline", type=Path, help="an earlier JSON report: mark findings new or known")
    audit.add_argument("--fail-on-new", action="store_true",
                       help="with --baseline: only new findings count for --fail-on")

    diff = commands.add_parser("diff", help="six-month review: what changed between two versions of a map")
    _common_options(diff, ("old", "new"))
    _selection_options(diff)
    diff.add_argument("--baseline", type=Path, help="the JSON report of the old version's audit: its first-seen "
                                                    "dates say since when each kept finding is open")

    fit = commands.add_parser("fit", help="which platform can run the map, and what each would take")
    _common_options(fit)
    fit.add_argument("--platform", action="append", required=True, dest="platforms",
                     help="platform profile (TOML path or bundled name); repeat to compare")

    simulate = commands.add_parser("simulate", help="what one customer receives from every scenario together")
    _common_options(simulate)
    simulate.add_argument("--platform", help="platform profile (TOML path or bundled name) replacing the map's systems")
    _simulate_options(simulate)

    graph = commands.add_parser("graph", help="export the map's graph")
    graph.add_argument("map", type=Path)
    graph.add_argument("--format", choices=("graphml", "mermaid", "json"), default="graphml")
    graph.add_argument("-o", "--output", type=Path, help="output file (default: <map>.graphml / .mmd / .graph.json; "
                                                          "'-' = stdout)")

    init = commands.add_parser("init", help="write a blank map workbook with drop-downs and an example row")
    init.add_argument("template", type=Path, help="the workbook to create (.xlsx)")
    init.add_argument("--lang", choices=("en", "ru"), default="en")
    init.add_argument("--force", action="store_true", help="overwrite an existing file")

    inspect = commands.add_parser("inspect", help="how the map was read: sheet roles, header rows, column fields")
    inspect.add_argument("map", type=Path, help="a map workbook (.xlsx, .xlsm, .xls, .ods) or a folder of .csv")
    inspect.add_argument("--format", choices=("text", "json"), default="text")
    inspect.add_argument("-o", "--output", type=Path, help="output file (default: standard output)")
    inspect.add_argument("--lang", choices=("auto", "en", "ru"), default="auto")
    inspect.add_argument("--columns", type=Path, help="TOML mapping the client's own headers and sheet names to "
                                                      "commap's ([columns], [sheets], [sheet_columns.\"SHEET\"])")
    inspect.add_argument("--write-columns", type=Path, metavar="FILE.toml",
                         help="save the reading as a --columns file to correct and pass back")

    rules = commands.add_parser("rules", help="list the rules, or explain one")
    rules.add_argument("code", nargs="?", help="a rule code, e.g. INT002")
    rules.add_argument("--lang", choices=("en", "ru"), default="en")
    return parser


def _common_options(parser: argparse.ArgumentParser, maps: tuple[str, ...] = ("map",)) -> None:
    """Options every map command takes (SPEC §4)."""
    for name in maps:
        parser.add_argument(name, type=Path, help="a map workbook (.xlsx, .xlsm, .xls, .ods) or a folder of .csv")
    parser.add_argument("--format", action="append", choices=FORMATS, dest="formats",
                        help="report format; repeat for several (default: html)")
    parser.add_argument("-o", "--output", type=Path, help="output file (one format) or folder (several); '-' = stdout")
    parser.add_argument("--lang", choices=("auto", "en", "ru"), default="auto")
    parser.add_argument("--today", type=_date, help="audit date, YYYY-MM-DD (default: today)")
    parser.add_argument("--tracking-plan", type=Path, help="events really collected: CSV, JSON or text")
    parser.add_argument("--config", type=Path, help="configuration file (default: ./commap.toml or "
                                                    "[tool.commap] in ./pyproject.toml)")
    parser.add_argument("--columns", type=Path, help="TOML mapping the client's own headers and sheet names to "
                                                     "commap's ([columns], [sheets])")
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary on the terminal")


def _load(args: argparse.Namespace, path: Path, complete: bool = True):
    """Read a map with the --columns mapping, if any; without `complete`, also a map with nothing to audit."""
    mapping = load_column_mapping(args.columns) if getattr(args, "columns", None) else None
    return load_map(path, mapping, complete=complete)


def _selection_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--select", type=_codes, action="extend",
                        help="presets (recommended, all), rule codes or prefixes to run (default: recommended)")
    parser.add_argument("--ignore", type=_codes, action="extend", default=[], help="rule codes or prefixes to skip")
    parser.add_argument("--fail-on", choices=("error", "warning", "info", "never"),
                        help="exit 1 when a finding is at or above this severity (default: error)")


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except CommapError as exc:
        print(f"commap: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # never a traceback for a user
        if os.environ.get("COMMAP_DEBUG"):
            raise
        print(f"commap: internal error: {type(exc).__name__}: {exc} (set COMMAP_DEBUG=1 for details)",
              file=sys.stderr)
        return 2


def _main(argv: list[str] | None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "audit":
        return _audit(args)
    if args.command == "fit":
        return _fit(args)
    if args.command == "diff":
        return _diff(args)
    if args.command == "graph":
        return _graph(args)
    if args.command == "simulate":
        return _simulate(args)
    if args.command == "init":
        return _init(args)
    if args.command == "inspect":
        return _inspect(args)
    if args.command == "rules":
        from reports.ruledoc import describe_rule, list_rules

        print(describe_rule(args.code, args.lang) if args.code else list_rules(args.lang), end="")
        return 0
    raise CommapError(f"unknown command {args.command}")  # pragma: no cover - argparse refuses first


def _audit(args: argparse.Namespace) -> int:
    profile = _profile(args.platform)
    config = _config(args)
    if profile is not None:
        config = config.model_copy(update={"platform_name": profile.name})
    clock = _Clock(progress=sys.stderr.isatty() and not args.quiet)
    commap = clock.phase("read", lambda: _load(args, args.map))
    if profile is not None:
        commap = _with_profile(commap, profile)
    result = clock.phase("check", lambda: run(commap, config))
    if args.baseline:
        result = with_baseline(result, args.baseline)
    elif args.fail_on_new:
        raise CommapError("--fail-on-new needs --baseline")
    from reports import render

    formats = list(dict.fromkeys(args.formats or ["html"]))
    rendered = {fmt: clock.phase(f"render {fmt}", lambda fmt=fmt: render(result, fmt)) for fmt in formats}
    annotated = None
    if args.annotate:
        from reports.annotate import annotate

        if args.annotate.resolve() == args.map.resolve():
            raise CommapError(f"refusing to write the annotated copy over the input: {args.annotate}")
        annotated = annotate(args.map, result)
    to_stdout = clock.phase("write", lambda: write_reports(rendered, args.map, args.output, "audit"))
    if annotated is not None:
        atomic_write(args.annotate, annotated)
    if args.timings:
        print(clock.table(result.timings), file=sys.stderr)
    if not args.quiet:
        print(render(result, "text"), end="", file=sys.stderr if to_stdout else sys.stdout)
    counted = result.findings
    if args.fail_on_new:
        counted = [f for f, new in zip(result.findings, result.new_flags) if new]
    return 1 if fails([f.severity for f in counted], config.fail_on) else 0


def read_baseline(path: Path) -> dict:
    """An earlier JSON report, checked to have a 'findings' list."""
    import json

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        findings = data["findings"]
        if not isinstance(findings, list):
            raise TypeError
    except OSError as exc:
        raise CommapError(f"{path}: cannot read the baseline ({exc.strerror or exc})") from None
    except (ValueError, KeyError, TypeError):
        raise CommapError(f"{path}: not a commap JSON report (expected a 'findings' list)") from None
    return data


def with_baseline(result, path: Path):
    """The result with each finding marked new or known against an earlier JSON report, and the date
    each was first seen (the baseline's own first-seen dates carried forward)."""
    from audit.diff import baseline_keys, first_seen, mark_new

    data = read_baseline(path)
    flags = mark_new(result.findings, baseline_keys(f for f in data["findings"] if isinstance(f, dict)))
    seen = first_seen(result.findings, data, result.audit_date)
    return replace(result, new_flags=flags, baseline=str(path), first_seen=seen)


def _diff(args: argparse.Namespace) -> int:
    """Exit 1 when the new version has new findings at or above --fail-on (default error)."""
    from audit.diff import diff
    from reports.diff import render_html, render_json, render_text

    config = _config(args)
    old, new = _load(args, args.old), _load(args, args.new)
    result = diff(old, new, config)
    if args.baseline:
        from audit.diff import first_seen

        result.open_since = first_seen(result.findings.kept, read_baseline(args.baseline), None)
    lang = result.new.lang
    renderers = {"html": render_html, "json": render_json, "text": render_text}
    formats = _formats(args, renderers, "diff")
    to_stdout = write_reports({fmt: renderers[fmt](result, lang) for fmt in formats}, args.new, args.output,
                              "diff", inputs=(args.old, args.new))
    if not args.quiet:
        print(render_text(result, lang), end="", file=sys.stderr if to_stdout else sys.stdout)
    return 1 if fails([f.severity for f in result.findings.new], config.fail_on) else 0


class _Clock:
    """Phase timings for --timings, and a one-line progress note on a terminal."""

    def __init__(self, progress: bool) -> None:
        self.progress = progress
        self.phases: list[tuple[str, float]] = []

    def phase(self, name: str, work):
        import time

        if self.progress:
            print(f"commap: {name}…", end="\r", file=sys.stderr, flush=True)
        started = time.perf_counter()
        result = work()
        self.phases.append((name, time.perf_counter() - started))
        if self.progress:
            print(" " * 40, end="\r", file=sys.stderr, flush=True)
        return result

    def table(self, rule_timings: dict[str, float]) -> str:
        lines = [f"{'phase':<16}{'seconds':>9}"]
        for name, seconds in self.phases:
            lines.append(f"{name:<16}{seconds:>9.3f}")
            if name == "check":
                graph = rule_timings.get("graph", 0.0)
                lines.append(f"{'  graph':<16}{graph:>9.3f}")
                slowest = sorted(((k, v) for k, v in rule_timings.items() if k != "graph"), key=lambda kv: -kv[1])
                lines.extend(f"{'  ' + code:<16}{seconds:>9.3f}" for code, seconds in slowest[:5])
        lines.append(f"{'total':<16}{sum(s for _, s in self.phases):>9.3f}")
        return "\n".join(lines)


def _fit(args: argparse.Namespace) -> int:
    """Exit 0 when at least one platform runs every scenario, 1 when none does."""
    from audit.fit import fit
    from reports.fit import render_html, render_json, render_text

    profiles = [_profile(p) for p in args.platforms]
    config = _config(args)
    commap = _load(args, args.map)
    fits = fit(commap, profiles, config)
    lang = fits[0].result.lang
    renderers = {"html": render_html, "json": render_json, "text": render_text}
    formats = _formats(args, renderers, "fit")
    to_stdout = write_reports({fmt: renderers[fmt](fits, lang) for fmt in formats}, args.map, args.output, "fit")
    if not args.quiet:
        print(render_text(fits, lang), end="", file=sys.stderr if to_stdout else sys.stdout)
    return 0 if any(f.runnable == len(f.scenarios) for f in fits) else 1


def _simulate_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--persona", type=Path, action="append", dest="personas", metavar="P.toml",
                        help="a persona file (TOML); repeat for several")
    parser.add_argument("--segment", action="append", dest="segments", help="without --persona: a segment the "
                                                                             "customer is in; repeat for several")
    parser.add_argument("--event", action="append", dest="events", metavar="'1d19h EVENT'",
                        help="without --persona: when an event happens, e.g. \"0d subscribed\"; repeat")
    parser.add_argument("--reacts", help="without --persona: 'none', 'opens'… for every channel kind, or "
                                         "email=none,push=opens")
    parser.add_argument("--name", help="without --persona: the persona's name in the report")
    parser.add_argument("--days", type=int, help="length of the window in days (default: the persona's, else 30)")
    parser.add_argument("--start", type=_date, help="first day, YYYY-MM-DD (default: the persona's, else the audit "
                                                    "date)")
    parser.add_argument("--include-planned", action="store_true", help="simulate planned scenarios too")
    parser.add_argument("--too-close", type=int, default=60, metavar="MINUTES",
                        help="two messages of different scenarios this close are a warning (default: 60)")


def _simulate(args: argparse.Namespace) -> int:
    """Exit 0 when no week of any persona is over a FREQ001 cap, 1 when one is (a warning of kind
    over-cap: the concrete counterpart of FREQ001, so a CI gate on caps can use either), 2 on
    unreadable input or misuse. Other warnings (too-close, after-goal…) do not change the status."""
    from audit.engine import resolve_lang
    from audit.graph import MapGraph
    from audit.personas import configured_caps, persona_from_flags, unknown_names
    from audit.simulate import load_persona, simulate
    from reports.simulate import render_json, render_text, summary_line

    by_flags = any((args.segments, args.events, args.reacts, args.name))
    if args.personas and by_flags:
        raise CommapError("give --persona files or --segment/--event/--reacts/--name, not both")
    if not args.personas and not by_flags:
        raise CommapError("simulate needs --persona FILE, or --segment/--event flags (see 'commap simulate --help')")
    if args.days is not None and args.days < 1:
        raise CommapError(f"--days must be at least 1, not {args.days}")
    if args.too_close < 0:
        raise CommapError(f"--too-close must be 0 or more minutes, not {args.too_close}")
    profile = _profile(args.platform)
    config = _config(args)
    commap = _load(args, args.map)
    if profile is not None:
        commap = _with_profile(commap, profile)
    lang = resolve_lang(config, commap)
    caps = configured_caps(config, lang)
    if args.personas:
        personas = [(str(path), load_persona(path)) for path in args.personas]
    else:
        try:
            personas = [("--segment/--event", persona_from_flags(
                segments=args.segments, events=args.events, reacts=args.reacts, name=args.name))]
        except ValueError as exc:
            raise CommapError(str(exc)) from None
    overrides = {key: value for key, value in (("days", args.days), ("start", args.start)) if value is not None}
    personas = [(origin, persona.model_copy(update=overrides)) for origin, persona in personas]
    for origin, persona in personas:
        problems = unknown_names(persona, commap)
        if problems:
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            raise CommapError(f"{origin}: {problems[0]}{more}")
    graph = MapGraph(commap)
    start = config.today or date.today()
    results = [simulate(graph, persona, start, caps, args.too_close, args.include_planned, lang)
               for _, persona in personas]
    renderers = {"json": lambda: render_json(results), "text": lambda: render_text(results, lang)}
    formats = list(dict.fromkeys(args.formats or ["text"]))
    if "html" in formats:
        from reports.simulate_html import render_simulation_html

        renderers["html"] = lambda: render_simulation_html(results, lang, commap.meta.name or Path(args.map).name)
    for fmt in formats:
        if fmt not in renderers:
            raise CommapError(f"simulate writes {', '.join(sorted(renderers))}, not {fmt}")
    rendered = {fmt: renderers[fmt]() for fmt in formats}
    if formats == ["text"] and args.output is None:
        sys.stdout.write(rendered["text"])
    else:
        inputs = (args.map, *(args.personas or ()))
        to_stdout = write_reports(rendered, args.map, args.output, "simulate", inputs=inputs)
        if not args.quiet:
            for sim in results:
                print(summary_line(sim, lang), file=sys.stderr if to_stdout else sys.stdout)
    return 1 if any(w.kind == "over-cap" for sim in results for w in sim.warnings) else 0


def _graph(args: argparse.Namespace) -> int:
    from audit.graph import MapGraph
    from reports.graph_export import EXPORTERS

    text = EXPORTERS[args.format](MapGraph(load_map(args.map)))
    suffix = {"graphml": ".graphml", "mermaid": ".mmd", "json": ".graph.json"}[args.format]
    stem = args.map.stem if args.map.is_file() else args.map.name
    write_reports({args.format: text}, args.map, args.output or Path.cwd() / f"{stem}{suffix}", "graph")
    return 0


def _inspect(args: argparse.Namespace) -> int:
    """Print (or write) how the map was read; --write-columns saves it as a --columns file."""
    from audit.inspect import columns_toml
    from reports.inspect import render_json, render_text

    commap = _load(args, args.map, complete=False)  # a map audit refuses is where inspect helps most
    lang = commap.language if args.lang == "auto" else args.lang
    text = render_json(commap) if args.format == "json" else render_text(commap, lang)
    if args.write_columns is not None:
        if args.write_columns.is_dir():
            raise CommapError(f"--write-columns takes a file name, not a folder: {args.write_columns}")
        write_reports({"toml": columns_toml(commap)}, args.map, args.write_columns, "columns")
    if args.output is None or str(args.output) == "-":
        sys.stdout.write(text)
    else:
        write_reports({args.format: text}, args.map, args.output, "inspect")
    return 0


def _init(args: argparse.Namespace) -> int:
    from reports.template import template_bytes

    if args.template.suffix.casefold() != ".xlsx":
        raise CommapError(f"{args.template}: the template must be an .xlsx file")
    if args.template.exists() and not args.force:
        raise CommapError(f"{args.template} exists; use --force to overwrite it")
    atomic_write(args.template, template_bytes(args.lang))
    print(args.template)
    return 0


def _formats(args: argparse.Namespace, renderers: dict, command: str) -> list[str]:
    formats = list(dict.fromkeys(args.formats or ["html"]))
    for fmt in formats:
        if fmt not in renderers:
            raise CommapError(f"{command} writes {', '.join(sorted(renderers))}, not {fmt}")
    return formats


def _config(args: argparse.Namespace) -> AuditConfig:
    """Configuration file first, then the command line on top of it."""
    path = args.config
    if path is not None and not path.is_file():
        raise CommapError(f"{path}: no such configuration file")
    if path is None:
        path = find_config_file(Path.cwd())
    return make_config(
        path,
        select=getattr(args, "select", None),
        ignore=getattr(args, "ignore", None) or None,
        fail_on=getattr(args, "fail_on", None),
        today=args.today,
        lang=args.lang if args.lang != "auto" else None,
        tracking_plan=_tracking_plan(args.tracking_plan) if args.tracking_plan else None,
    )


def write_reports(rendered: dict[str, str | bytes], map_path: Path, output: Path | None, kind: str,
                  inputs: tuple[Path, ...] = ()) -> bool:
    """Write rendered reports, each atomically; returns True when a report went to stdout.

    Several formats, or no `-o`, name each file after the map: `<stem>.<kind>.<ext>`.
    """
    from reports import EXTENSIONS

    formats = list(rendered)
    if output is not None and str(output) == "-":
        if len(formats) != 1:
            raise CommapError("-o - (standard output) takes exactly one --format")
        content = rendered[formats[0]]
        if isinstance(content, bytes):
            sys.stdout.buffer.write(content)
        else:
            sys.stdout.write(content)
        return True
    stem = map_path.stem if map_path.is_file() else map_path.name
    if output is not None and len(formats) == 1 and not output.is_dir():
        targets = {formats[0]: output}
    else:
        folder = output if output is not None else Path.cwd()
        targets = {fmt: folder / f"{stem}.{kind}.{EXTENSIONS[fmt]}" for fmt in formats}
    sources = [p.resolve() for p in (inputs or (map_path,))]
    for target in targets.values():
        resolved = target.resolve()
        if any(resolved == source or source in resolved.parents for source in sources):
            raise CommapError(f"refusing to write a report over the input: {target}")
    for fmt, target in targets.items():
        atomic_write(target, rendered[fmt])
    return False


def atomic_write(target: Path, content: str | bytes) -> None:
    """Write to a temporary file beside the target, then rename it over: no half-written reports."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode("utf-8") if isinstance(content, str) else content
        handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.chmod(temp, 0o666 & ~_umask())
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise CommapError(f"cannot write {target}: {exc.strerror or exc}") from None


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def entry() -> None:
    """The console script: run, flush every output, and leave without tearing down the map's objects.

    A 100,000-step audit holds close to a gigabyte of small objects; freeing them one by one takes
    the interpreter seconds after the work is done and every report is written. Reports are
    written and closed (atomically renamed) inside `main`, so nothing is lost by not waiting.
    """
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    entry()
