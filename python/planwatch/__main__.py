"""The planwatch command line: ``python -m planwatch`` (or ``planwatch``).

Commands::

    planwatch report                                   the built-in report: targets, outcomes, verdicts
    planwatch extract PATH... [--targets] [--format jsonl|csv] [--jobs N] [--out-dir DIR]
                      [--encoding utf-8|gb18030] [--catalogue FILE.json]
                                                       figures (or records) of a corpus, as the
                                                       Rust command writes them
    planwatch export [--panel] [--format jsonl|csv]    every record of the built-in data (or panel)
    planwatch validate FILE [--format text|json]       check a dataset file; exit 1 on errors

Output goes to stdout; errors go to stderr with a non-zero exit (2 for bad input, 1 when
validation finds errors or some inputs of ``extract`` failed), never with a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from typing import Optional, Sequence, TextIO

import planwatch

__all__ = ["main"]

#: Exit status when validation finds errors.
EXIT_INVALID = 1
#: Exit status for bad input: unreadable files, data that does not load, bad arguments.
EXIT_USAGE = 2


class _UserError(Exception):
    """An error caused by the input, reported in one line."""


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _cell(s: str, width: int) -> str:
    """``s`` cut to ``width`` terminal columns (with ``…``) and padded to exactly ``width``."""
    if _width(s) > width:
        out, w = "", 0
        for c in s:
            cw = _width(c)
            if w + cw + 1 > width:
                break
            out += c
            w += cw
        s = out + "…"
    return s + " " * max(0, width - _width(s))


def _verdict_text(row: Optional[planwatch.ScoreRow]) -> str:
    """The row's label (the core's ``ScoreRow::label``), or ``—`` without a row."""
    return "—" if row is None else row.label


def cmd_report(args: argparse.Namespace, out: TextIO) -> int:
    """The main job: the built-in report's indicators with 2023 target, outcome, verdict and
    2024 target; then the stated verdicts and the validation summary."""
    ds = planwatch.builtin()
    cat = ds.catalogue()
    doc = ds.document
    outcome_year = doc.outcome_year or 2023
    plan_year = doc.plan_year or outcome_year + 1
    card = ds.assess()
    # The headline list is read from the report's own text; then every other indicator with a
    # target or a stated verdict, in the order of the data.
    headline = [t.indicator for t in planwatch.extract_document(ds.text or "", doc_id=doc.id).headline]
    order: list[str] = []
    for ind in headline + [r.indicator for r in card]:
        if ind not in order:
            order.append(ind)

    def first(rows: Sequence[planwatch.ScoreRow], ind: str, year: int) -> Optional[planwatch.ScoreRow]:
        return next((r for r in rows if r.indicator == ind and r.period.year == year), None)

    def outcome_text(ind: str) -> str:
        o = next((o for o in ds.outcomes if o.indicator == ind and o.period.year == outcome_year), None)
        return o.figure.text if o is not None else "—"

    print(doc.title, file=out)
    print(
        f"{doc.issuer}, {doc.delivered} · {len(ds.targets)} targets, {len(ds.outcomes)} outcomes, "
        f"{len(ds.verdicts)} stated verdicts",
        file=out,
    )
    p = planwatch.Policy()
    print(
        f"Verdicts under the default policy: 左右 = ±{p.around_tolerance_pp} pp for %, "
        f"±{(p.around_tolerance_rel * 100).normalize()}% of the value otherwise; "
        f"同步 within {p.in_step_tolerance_pp} pp.",
        file=out,
    )
    widths = (30, 40, 14, 14, 30, 34)
    header = ("indicator", "", f"{outcome_year} target", f"{outcome_year} outcome", f"{outcome_year} verdict", f"{plan_year} target")

    def line(cells: Sequence[str]) -> None:
        print(" ".join(_cell(c, w) for c, w in zip(cells, widths)).rstrip(), file=out)

    for i, ind in enumerate(order):
        if i == 0:
            print("\nHeadline indicators: 主要预期目标 (main targets)", file=out)
            line(header)
        elif i == len(headline):
            print("\nOther targets and stated verdicts", file=out)
            line(header)
        info = cat.get(ind)
        zh, en = (info.name_zh, info.name_en) if info is not None else (ind, "")
        with_target = [r for r in card if r.target is not None]
        past = first(with_target, ind, outcome_year)
        plan = first(with_target, ind, plan_year)
        row = past or first(list(card), ind, outcome_year)
        line(
            (
                zh,
                en,
                past.target.figure.text if past is not None and past.target is not None else "—",
                outcome_text(ind),
                _verdict_text(row),
                plan.target.figure.text if plan is not None and plan.target is not None else "—",
            )
        )

    print("\nVerdicts the report states in words", file=out)
    for v in ds.verdicts:
        info = cat.get(v.indicator)
        name = f"{info.name_zh} {info.name_en}" if info is not None else v.indicator
        quote = v.provenance.quote if v.provenance is not None else ""
        print(f"  {v.period.year} {v.verdict} · {name}: {v.indicator} — “{quote}”", file=out)

    rules = planwatch.builtin_rules()
    report = planwatch.validate(ds, rules=rules)
    errors, warnings = len(report.errors()), len(report.warnings())
    print(f"\nValidation of the built-in data ({len(rules)} consistency rules)", file=out)
    print(f"  {errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}", file=out)
    for issue in report.issues:
        print(f"  {issue}", file=out)
    return 0


def cmd_extract(args: argparse.Namespace, out: TextIO) -> int:
    """``planwatch extract``, the flags and bytes of the Rust command (``crates/planwatch-cli``):
    the files are read and extracted in parallel in Rust by :func:`planwatch.extract_files`,
    whose rows are the command's rows. Failed inputs are named on stderr and skipped; exit 1
    when any failed, 2 for a usage error."""
    if sum(p == "-" for p in args.paths) > 1:
        raise _UserError("standard input (-) can be given only once")
    catalogue = None
    if args.catalogue is not None:
        try:
            with open(args.catalogue, encoding="utf-8") as f:
                catalogue = planwatch.Catalogue.from_json(f.read())
        except OSError as e:
            raise _UserError(f"{args.catalogue}: cannot read: {e.strerror or e}") from None
        except (UnicodeDecodeError, planwatch.PlanwatchError) as e:
            raise _UserError(f"{args.catalogue}: {e}") from None
    result = planwatch.extract_files(
        args.paths,
        jobs=args.jobs,
        targets=args.targets,
        encoding=args.encoding,
        catalogue=catalogue,
        errors="collect",
    )
    failed = list(result.errors)
    if args.out_dir is not None:
        import os

        try:
            os.makedirs(args.out_dir, exist_ok=True)
        except OSError as e:
            raise _UserError(f"cannot create {args.out_dir}: {e.strerror or e}") from None
        try:
            failed += result.write_dir(args.out_dir, args.format)
        except planwatch.InvalidInputError as e:
            raise _UserError(str(e)) from None
    else:
        out.flush()
        buffer = getattr(out, "buffer", None)
        if buffer is not None:
            result.write(buffer, args.format)
            buffer.flush()
        else:
            out.write(result.to_jsonl() if args.format == "jsonl" else result.to_csv())
    for name, why in failed:
        print(f"planwatch: {name}: {why}", file=sys.stderr)
    return 1 if failed else 0


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if not 1 <= n <= 65535:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of threads from 1 to 65535")
    return n


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    """Every record of the built-in data: the core's record table, or with ``--panel`` the panel
    record table of every built-in document; the bytes of ``cargo run --example export``."""
    data = planwatch.panel() if args.panel else planwatch.builtin()
    out.write(data.to_jsonl() if args.format == "jsonl" else data.to_csv())
    return 0


def cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    """Checks a dataset file; exit 1 when there is an error."""
    try:
        ds = planwatch.load(args.file)
    except planwatch.LoadError as e:
        hint = ""
        if args.file.endswith((".jsonl", ".csv")) and e.line:
            hint = (
                " (validate reads a dataset JSON file, as Dataset.to_json() writes; "
                "export and extract write record tables)"
            )
        raise _UserError(f"{e}{hint}") from None
    rules = planwatch.builtin_rules() if args.builtin_rules else None
    report = planwatch.validate(ds, rules=rules)
    if args.format == "json":
        out.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(str(report) + "\n")
    return 0 if report.is_ok else EXIT_INVALID


def parser() -> argparse.ArgumentParser:
    """The argument parser."""
    p = argparse.ArgumentParser(
        prog="planwatch",
        description="Typed, validated, traceable data from China's development plan reports.",
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    r = sub.add_parser("report", help="the built-in report: targets, outcomes and verdicts")
    r.set_defaults(run=cmd_report)

    x = sub.add_parser(
        "extract",
        help="figures (or --targets: records) of files, folders, globs or - (as the Rust command)",
        description=(
            "Extract figures, or targets and outcomes, from a corpus of texts: the flags and the "
            "output bytes of the Rust `planwatch extract`. Each PATH is a file, a folder (walked "
            "for *.txt, sorted), a glob pattern or - for standard input; every row names its file "
            "first. Unreadable or undecodable inputs are reported and skipped (exit status 1)."
        ),
    )
    x.add_argument("paths", metavar="PATH", nargs="+", help="files, folders, glob patterns, or - for standard input")
    x.add_argument("--targets", action="store_true", help="write targets and outcomes (records) instead of every mention")
    x.add_argument("--format", choices=("jsonl", "csv"), default="jsonl", help="output format")
    x.add_argument("-j", "--jobs", type=_jobs, metavar="N", help="worker threads [default: all cores]")
    x.add_argument(
        "-o", "--out-dir", metavar="DIR",
        help="write one file per input into DIR (its path below the folder argument, .jsonl or .csv)",
    )
    x.add_argument(
        "--encoding", choices=("utf-8", "utf8", "gb18030", "gbk"), default="utf-8",
        help="encoding of the inputs (gb18030 also reads GBK and GB 2312)",
    )
    x.add_argument("--catalogue", metavar="FILE.json", help="indicator catalogue (a JSON array of indicators)")
    x.add_argument("-q", "--quiet", action="store_true", help="no progress bar (this command shows none)")
    x.set_defaults(run=cmd_extract)

    e = sub.add_parser("export", help="every record of the built-in data")
    e.add_argument("--panel", action="store_true", help="every record of every built-in document, with jurisdiction")
    e.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    e.set_defaults(run=cmd_export)

    v = sub.add_parser("validate", help="check a dataset file (exit 1 on errors)")
    v.add_argument("file", metavar="FILE", help="a dataset JSON file")
    v.add_argument("--format", choices=("text", "json"), default="text")
    v.add_argument("--builtin-rules", action="store_true", help="also check the built-in report's rules")
    v.set_defaults(run=cmd_validate)
    return p


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Runs the command line; returns the exit status."""
    args = parser().parse_args(argv)
    try:
        status: int = args.run(args, sys.stdout)
        sys.stdout.flush()
    except _UserError as e:
        print(f"planwatch: error: {e}", file=sys.stderr)
        return EXIT_USAGE
    except planwatch.PlanwatchError as e:
        print(f"planwatch: error: {e}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # `| head` closed the pipe: not an error worth a message. Point stdout at devnull so
        # that the interpreter's final flush does not complain either.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return status


if __name__ == "__main__":
    sys.exit(main())
