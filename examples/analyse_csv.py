"""Analyse a food diary kept as a plain CSV file.

    python examples/analyse_csv.py [DIARY.csv] [--html REPORT.html]

Without an argument it reads ``examples/data/week.csv``: four days of a made-up
29-year-old man's meals (lots of coffee, cola, white bread), one row per food:

    date,meal,food,quantity,unit
    2024-05-06,breakfast,coffee,2,cup

It shows the steps of :func:`nutrigap.analyze` one by one:

1. read the diary (rejected lines, if any, are listed with their reason);
2. match the foods to USDA SR28 and FNDDS ("both" tables, since the diary has
   sandwiches and tacos) and print the least certain matches for review, with
   the corrections in ``examples/data/week-overrides.csv`` applied;
3. print the report; ``--html`` also writes a self-contained HTML page.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

import nutrigap

DATA = Path(__file__).resolve().parent / "data"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("diary", nargs="?", type=Path, default=DATA / "week.csv")
    parser.add_argument("--age", type=float, default=29)
    parser.add_argument("--sex", default="male")
    parser.add_argument("--overrides", type=Path, default=DATA / "week-overrides.csv")
    parser.add_argument("--html", type=Path, help="also write the report as an HTML page")
    args = parser.parse_args(argv)

    # 1. read
    diary = nutrigap.read_diary(args.diary)
    rejected = diary.attrs["rejected"]
    print(f"read {len(diary)} entries from {args.diary.name} ({diary.attrs['format']} format)")
    if len(rejected):
        print(f"{len(rejected)} line(s) rejected:")
        print(rejected[["source_line", "raw", "reason"]].to_string(index=False))

    # 2. match, with overrides, and review what the matcher was least sure of
    matched = nutrigap.match_foods(diary, foods="both", overrides=args.overrides)
    review = nutrigap.match_report(matched)
    with pd.option_context("display.width", 120, "display.max_colwidth", 55):
        print("\nleast certain matches (review these; fix with an overrides CSV):")
        print(review[["food", "method", "score", "matched_description"]].head(5).to_string())

    # 3. analyse the matched diary and report
    report = nutrigap.analyze(matched, age=args.age, sex=args.sex, foods="both")
    print()
    print(report.to_text())
    if args.html:
        report.to_html(args.html)
        print(f"\nwrote {args.html}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
