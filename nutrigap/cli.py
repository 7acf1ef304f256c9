"""The ``nutrigap`` command: a thin layer over the library.

Commands::

    nutrigap analyze DIARY --age 35 --sex female      one diary, a report
    nutrigap batch DIR --profiles profiles.csv -o out  many diaries, summary.csv
    nutrigap foods search "greek yogurt"              find foods in the table
    nutrigap match DIARY -o matches.csv               review matches, write overrides

Errors are one line on stderr (``nutrigap: error: <file>, line N: ...``);
``--debug`` shows the traceback. Exit status: 0 success, 1 failure (or, for
``batch``, anything that could not be processed), 2 usage error.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import traceback
from pathlib import Path
from typing import Any

__all__ = ["main", "build_parser"]

PROG = "nutrigap"

_MAIN_EPILOG = """\
examples:
  nutrigap analyze --sample low-magnesium --age 35 --sex female
  nutrigap analyze diary.csv --age 35 --sex female --format html -o report.html
  nutrigap batch diaries/ --profiles profiles.csv -o out --jobs 2
  nutrigap foods search "greek yogurt"
  nutrigap match diary.csv -o matches.csv

nutrigap informs; it does not diagnose. See a healthcare professional when
twitches persist for more than two weeks, or come with weakness or muscle loss.
"""

_ANALYZE_EPILOG = """\
examples:
  nutrigap analyze --sample low-magnesium --age 35 --sex female
  nutrigap analyze cronometer-servings.csv --age 29 --sex female --pregnant
  nutrigap analyze diary.csv --age 52 --sex male --format html -o report.html
  nutrigap analyze diary.csv --age 35 --sex female --overrides overrides.csv

The diary may be a CSV (date, meal, food, quantity, unit), a Cronometer or
MyFitnessPal export, or a .txt file of free-text lines ("2 eggs", "1 cup milk").
Samples: balanced, low-magnesium, supplements.
"""

_BATCH_EPILOG = """\
examples:
  nutrigap batch diaries/ --profiles profiles.csv -o out
  nutrigap batch "exports/*.csv" --age 35 --sex female -o out --jobs 2
  nutrigap batch study.csv --profiles profiles.csv -o out --format none

Each file is one person (named by the file, or by its 'person' column; one CSV
with a 'person' column may hold everyone). profiles.csv has the columns
person,age,sex[,pregnant,lactating]. OUTDIR receives summary.csv (a row per
person and nutrient: intake, target, verdict, probability, status), errors.csv
(file, line, reason for everything not processed) and one report per person.
Exit status 1 when anything failed; the rest is still processed.
"""

_SEARCH_EPILOG = """\
examples:
  nutrigap foods search "greek yogurt"
  nutrigap foods search spinach -n 5 --foods both
  nutrigap foods search "oat milk" --fdc        (needs FDC_API_KEY)
"""

_MATCH_EPILOG = """\
examples:
  nutrigap match diary.csv
  nutrigap match diary.csv -o matches.csv

Edit the food_id column of matches.csv and keep its food,food_id columns as an
overrides file: nutrigap analyze diary.csv --overrides matches.csv ...
"""


class _Parser(argparse.ArgumentParser):
    """argparse with one-line usage errors: ``nutrigap: error: ...`` and exit 2."""

    def error(self, message: str):  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{PROG}: error: {message}\n")


def _fmt(prog: str) -> argparse.HelpFormatter:
    return argparse.RawDescriptionHelpFormatter(prog, max_help_position=32)


def _add_profile_args(p: argparse.ArgumentParser, for_all: bool = False) -> None:
    who = " (for everyone not in --profiles)" if for_all else ""
    g = p.add_argument_group("profile (the Dietary Reference Intakes depend on it)")
    g.add_argument("--age", type=float, metavar="YEARS", help=f"age in years{who}")
    g.add_argument("--sex", choices=["female", "male", "f", "m"], help=f"sex{who}")
    life = g.add_mutually_exclusive_group()
    life.add_argument("--pregnant", action="store_true", help="pregnant (ages 14-50)")
    life.add_argument("--lactating", action="store_true", help="breastfeeding (ages 14-50)")


def _add_match_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--overrides", metavar="FILE", help="CSV with columns food,food_id that win every match"
    )
    p.add_argument(
        "--foods",
        choices=["sr28", "fndds", "both"],
        default="both",
        help="food tables to match against (default: both, SR28 and FNDDS)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The ``nutrigap`` argument parser (also used to document the CLI)."""
    from nutrigap import __version__

    parser = _Parser(
        prog=PROG,
        description="Find the twitch-related nutrients (magnesium, calcium, potassium, "
        "vitamin D, B vitamins) a food diary is short of, and foods that close the gaps.",
        epilog=_MAIN_EPILOG,
        formatter_class=_fmt,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS,
        help="show the traceback of errors",
    )
    parser.add_argument("--debug", action="store_true", help="show the traceback of errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    # analyze
    p = sub.add_parser(
        "analyze",
        help="analyse one diary and print a report",
        description="Analyse one person's food diary against the Dietary Reference Intakes.",
        epilog=_ANALYZE_EPILOG,
        formatter_class=_fmt,
        parents=[common],
    )
    p.add_argument("diary", nargs="?", metavar="DIARY", help="diary file (CSV, export or .txt)")
    p.add_argument("--sample", metavar="NAME", help="use a bundled sample diary instead")
    _add_profile_args(p)
    p.add_argument(
        "--format",
        choices=["text", "markdown", "html", "json", "csv"],
        default="text",
        help="report format (default: text, a table)",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE")
    _add_match_args(p)
    p.add_argument(
        "--fdc", action="store_true", help="search USDA FoodData Central for unmatched foods"
    )
    p.add_argument("--no-suggestions", action="store_true", help="leave out food suggestions")
    p.add_argument("--no-color", action="store_true", help="no colours in the terminal")
    p.set_defaults(func=_cmd_analyze)

    # batch
    p = sub.add_parser(
        "batch",
        help="analyse many diaries: summary.csv, errors.csv, a report each",
        description="Analyse many diaries at once (one person per file, or a person column).",
        epilog=_BATCH_EPILOG,
        formatter_class=_fmt,
        parents=[common],
    )
    p.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="diary files, directories or glob patterns"
    )
    p.add_argument(
        "--profiles", metavar="CSV", help="person,age,sex[,pregnant,lactating] per person"
    )
    _add_profile_args(p, for_all=True)
    p.add_argument(
        "-o",
        "--outdir",
        metavar="OUTDIR",
        default="nutrigap-out",
        help="output folder (default: nutrigap-out)",
    )
    p.add_argument(
        "--jobs", "-j", type=int, default=1, metavar="N", help="worker processes (0: one per CPU)"
    )
    p.add_argument(
        "--format",
        choices=["html", "markdown", "json", "text", "none"],
        default="html",
        help="report per person (default: html; none: only summary.csv and errors.csv)",
    )
    _add_match_args(p)
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.set_defaults(func=_cmd_batch)

    # foods search
    p = sub.add_parser(
        "foods",
        help="look up foods in the bundled table (or FoodData Central)",
        description="Look up foods.",
        epilog=_SEARCH_EPILOG,
        formatter_class=_fmt,
        parents=[common],
    )
    fsub = p.add_subparsers(dest="foods_command", metavar="SUBCOMMAND", parser_class=_Parser)
    s = fsub.add_parser(
        "search",
        help="best-matching foods for a text",
        description="The foods a text would match, best first, with a few nutrients per 100 g.",
        epilog=_SEARCH_EPILOG,
        formatter_class=_fmt,
        parents=[common],
    )
    s.add_argument("text", metavar="TEXT", help='food text, e.g. "greek yogurt"')
    s.add_argument("-n", type=int, default=10, metavar="N", help="number of foods (default: 10)")
    s.add_argument(
        "--fdc", action="store_true", help="search USDA FoodData Central (needs FDC_API_KEY)"
    )
    s.add_argument(
        "--foods", choices=["sr28", "fndds", "both"], default="both", help="bundled tables"
    )
    s.set_defaults(func=_cmd_foods_search)
    p.set_defaults(func=lambda args, _p=p: _usage(_p))

    # match
    p = sub.add_parser(
        "match",
        help="show how each food text was matched (to review and write overrides)",
        description="Match a diary's foods and list one row per distinct text, worst first.",
        epilog=_MATCH_EPILOG,
        formatter_class=_fmt,
        parents=[common],
    )
    p.add_argument("diary", metavar="DIARY", help="diary file")
    p.add_argument("-o", "--output", metavar="FILE", help="write the match report as CSV")
    _add_match_args(p)
    p.add_argument("--fdc", action="store_true", help="search FoodData Central for unmatched")
    p.add_argument(
        "--recipe",
        action="store_true",
        help="the texts are a recipe's ingredients, named as bought ('1 c rice' is dry rice)",
    )
    p.set_defaults(func=_cmd_match)
    return parser


def _usage(p: argparse.ArgumentParser) -> int:
    p.print_help()
    return 0


# ---------------------------------------------------------------------- helpers
class UsageError(Exception):
    """A command-line usage error (exit status 2)."""


def _use_color(stream: Any, disabled: bool = False) -> bool:
    if disabled or "NO_COLOR" in os.environ:
        return False
    try:
        return bool(stream.isatty()) and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError):
        return False


_COLORS = {
    "likely short": "1;31",
    "may exceed UL": "1;31",
    "possibly short": "33",
    "below AI": "33",
    "near UL": "33",
    "adequate (above AI)": "32",
    "adequate": "32",
    "uncertain": "2",
    "no data": "2",
}
_COLOR_RE = re.compile("|".join(re.escape(k) for k in sorted(_COLORS, key=len, reverse=True)))


def colorize(text: str) -> str:
    """Colour verdict labels with ANSI codes (the layout keeps its widths)."""
    out = _COLOR_RE.sub(lambda m: f"\x1b[{_COLORS[m.group(0)]}m{m.group(0)}\x1b[0m", text)
    return re.sub(
        r"^(Short:|Possibly over the upper limit:)$", "\x1b[1m\\1\x1b[0m", out, flags=re.M
    )


def _profile(args: argparse.Namespace, required: bool = True):
    from nutrigap.reference import Profile

    if args.age is None and args.sex is None:
        if args.pregnant or args.lactating:
            raise UsageError("--pregnant/--lactating need --age and --sex")
        if required:
            raise UsageError(
                "the Dietary Reference Intakes depend on age and sex: give --age and --sex "
                "(e.g. --age 35 --sex female)"
            )
        return None
    if args.age is None or args.sex is None:
        raise UsageError("give both --age and --sex")
    return Profile(args.age, args.sex, pregnant=args.pregnant, lactating=args.lactating)


def _fdc_client():
    from nutrigap.fdc import FDCClient

    return FDCClient()


def _write(text: str, output: str | None) -> None:
    if output:
        Path(output).write_text(text, encoding="utf-8")
        print(f"{PROG}: wrote {output}", file=sys.stderr)
    else:
        sys.stdout.write(text)


# --------------------------------------------------------------------- commands
def _cmd_analyze(args: argparse.Namespace) -> int:
    from nutrigap.analysis import analyze

    if args.sample and args.diary:
        raise UsageError("give a DIARY or --sample, not both")
    if args.sample:
        from nutrigap.samples import list_samples, sample_path

        if args.sample.removesuffix(".csv") not in list_samples():
            raise UsageError(
                f"no sample diary {args.sample!r}; samples: {', '.join(list_samples())}"
            )
        diary: Any = sample_path(args.sample)
    elif args.diary:
        diary = args.diary
        if not Path(diary).exists():
            raise FileNotFoundError(f"{diary}: no such file")
    else:
        raise UsageError("give a DIARY file or --sample NAME (e.g. --sample low-magnesium)")
    profile = _profile(args)
    report = analyze(
        diary,
        profile,
        foods=args.foods,
        overrides=args.overrides,
        fdc=_fdc_client() if args.fdc else None,
    )
    sugg = not args.no_suggestions
    fmt = args.format
    if fmt == "text":
        text = report.to_text(suggestions=sugg)
        if not args.output and _use_color(sys.stdout, args.no_color):
            text = colorize(text)
    elif fmt == "markdown":
        text = report.to_markdown(suggestions=sugg)
    elif fmt == "html":
        text = report.to_html(suggestions=sugg)
    elif fmt == "json":
        text = report.to_json(suggestions=sugg) + "\n"
    else:
        text = report.to_csv()
    _write(text, args.output)
    return 0


def _cmd_batch(args: argparse.Namespace) -> int:
    from nutrigap.batch import analyze_many

    profile = _profile(args, required=args.profiles is None)
    if args.jobs < 0:
        raise UsageError("--jobs must be 0 (one per CPU) or more")
    formats = () if args.format == "none" else (args.format,)
    progress = not args.no_progress and _isatty(sys.stderr)
    summary = analyze_many(
        args.inputs,
        args.profiles,
        profile=profile,
        jobs=args.jobs,
        outdir=args.outdir,
        formats=formats,
        progress=progress,
        foods=args.foods,
        overrides=args.overrides,
    )
    errors = summary.attrs["errors"]
    persons = summary["person"].nunique() if len(summary) else 0
    print(f"{PROG}: analysed {persons} person(s); wrote {Path(args.outdir) / 'summary.csv'}")
    if len(summary):
        short = summary[summary["status"] == "likely short"]
        counts = short.groupby("name").size().sort_values(ascending=False)
        if len(counts):
            print("likely short: " + ", ".join(f"{n} {k}" for k, n in counts.items()))
    reports = summary.attrs.get("reports") or []
    if reports:
        print(f"{len(reports)} report(s) in {args.outdir}")
    if len(errors):
        print(
            f"{PROG}: {len(errors)} problem(s) (files or lines not processed): see "
            f"{Path(args.outdir) / 'errors.csv'}",
            file=sys.stderr,
        )
        return 1
    return 0


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def search_foods(text: str, n: int = 10, foods: str = "both"):
    """Best ``n`` bundled foods for ``text`` (the matcher's candidate search).

    Returns a DataFrame with ``food_id``, ``description``, ``score``,
    ``source`` and magnesium, calcium, potassium per 100 g.
    """
    import pandas as pd

    from nutrigap.data import load_food_table

    table = load_food_table(foods)
    try:
        from nutrigap.foods import food_index, normalize_food_text

        cands = food_index(foods).search(normalize_food_text(text), k=n)
        rows = [(c.food_id, c.description, c.score, c.source) for c in cands]
    except (ImportError, AttributeError):  # pragma: no cover - matcher without search
        from rapidfuzz import fuzz, process, utils

        hits = process.extract(
            text,
            table["description"].astype(str).to_dict(),
            scorer=fuzz.WRatio,
            processor=utils.default_process,
            limit=n,
        )
        rows = [(key, desc, score, foods) for desc, score, key in hits]
    out = pd.DataFrame(rows, columns=["food_id", "description", "score", "source"])
    for k in ("magnesium", "calcium", "potassium"):
        out[k] = table[k].reindex(out["food_id"]).to_numpy() if len(out) else []
    return out


def _cmd_foods_search(args: argparse.Namespace) -> int:
    import pandas as pd

    if args.n < 1:
        raise UsageError("-n must be at least 1")
    if args.fdc:
        found = _fdc_client().search(args.text, page_size=min(args.n, 200))
        t = found.table.head(args.n)
        cols = [c for c in ("description", "magnesium", "calcium", "potassium") if c in t]
        df = t[cols].reset_index()
    else:
        df = search_foods(args.text, args.n, args.foods)
    if not len(df):
        print(f"no food found for {args.text!r}")
        return 0
    with pd.option_context("display.max_colwidth", 70, "display.width", 200):
        print(f"{len(df)} food(s) for {args.text!r} (mg per 100 g):")
        print(df.to_string(index=False, float_format=lambda x: f"{x:.4g}"))
    return 0


def _cmd_match(args: argparse.Namespace) -> int:
    import pandas as pd

    from nutrigap.batch import write_csv
    from nutrigap.foods import match_foods, match_report
    from nutrigap.io import read_diary

    diary = read_diary(args.diary)
    matched = match_foods(
        diary,
        foods=args.foods,
        overrides=args.overrides,
        fdc=_fdc_client() if args.fdc else None,
        context="recipe" if args.recipe else "diary",
    )
    rep = match_report(matched)
    if args.output:
        write_csv(rep, args.output)
        print(f"{PROG}: wrote {args.output} ({len(rep)} distinct food texts)", file=sys.stderr)
        return 0
    cols = ["food", "n_entries", "status", "food_id", "matched_description", "score", "method"]
    with pd.option_context("display.max_colwidth", 45, "display.width", 250):
        print(rep[cols].to_string(index=False, float_format=lambda x: f"{x:.0f}"))
    return 0


# ------------------------------------------------------------------------- main
def _error_line(exc: BaseException) -> str:
    if isinstance(exc, FileNotFoundError) and exc.filename:
        return f"{exc.filename}: no such file"
    msg = str(exc).strip().splitlines()
    return msg[0] if msg else type(exc).__name__


def main(argv: list[str] | None = None) -> int:
    """Run the ``nutrigap`` command; return its exit status.

    Without a command, print the help (exit 0).
    """
    from nutrigap.exceptions import NutrigapError

    parser = build_parser()
    args_list = sys.argv[1:] if argv is None else list(argv)
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:  # --help, --version, usage errors
        return int(exc.code or 0) if not isinstance(exc.code, str) else 2
    if not getattr(args, "command", None):
        parser.print_help()
        return 0
    debug = bool(getattr(args, "debug", False))
    try:
        return int(args.func(args))
    except UsageError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `nutrigap analyze ... | head`
        sys.stderr.close()
        return 0
    except (NutrigapError, OSError, ValueError) as exc:
        if debug:
            traceback.print_exc()
        print(f"{PROG}: error: {_error_line(exc)}", file=sys.stderr)
        return 1
    except Exception as exc:  # an unexpected failure: still one line without --debug
        if debug:
            traceback.print_exc()
        print(
            f"{PROG}: error: unexpected {type(exc).__name__}: {_error_line(exc)} "
            "(run with --debug for the traceback)",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
