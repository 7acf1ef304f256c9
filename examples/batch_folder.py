"""Analyse a folder of diaries, one person per file, each against their own profile.

    python examples/batch_folder.py [-o OUTDIR]

Reads every diary in ``examples/data/household/`` (``ana.csv``, ``ben.csv``,
``chloe.csv``: a 34-year-old woman, a 67-year-old man and a 16-year-old girl)
with the profiles in ``examples/data/household-profiles.csv``
(``person,age,sex,pregnant,lactating``), using :func:`nutrigap.analyze_many`:
one row per person and nutrient, the same numbers as :func:`nutrigap.analyze`
on each person alone.

A broken line never stops a batch: chloe's diary has a date typed as
``2024-04-0x``; that line and its reason land in ``errors.csv`` and the rest is
analysed. ``OUTDIR`` (default: a new temporary folder) receives
``summary.csv``, ``errors.csv`` and an HTML report per person.

The command line does the same:
``nutrigap batch examples/data/household --profiles examples/data/household-profiles.csv -o out``
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import nutrigap

DATA = Path(__file__).resolve().parent / "data"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--outdir", type=Path, help="output folder (default: a temp dir)")
    args = parser.parse_args(argv)
    outdir = args.outdir or Path(tempfile.mkdtemp(prefix="nutrigap-batch-"))

    summary = nutrigap.analyze_many(
        DATA / "household",
        profiles=DATA / "household-profiles.csv",
        foods="both",  # SR28 and FNDDS: the diaries have sandwiches, nuggets and tacos
        outdir=outdir,
        formats=["html"],
    )

    people = summary.drop_duplicates("person").set_index("person")
    print("profiles:")
    print(people[["age", "sex", "life_stage"]].to_string())

    print("\nstatus per nutrient and person:")
    print(summary.pivot(index="name", columns="person", values="status").to_string())

    short = summary[summary["status"] == "likely short"]
    print("\nlikely short, mean intake per day as % of the RDA (or AI):")
    table = short.pivot(index="name", columns="person", values="percent_of_target")
    print(table.round(0).to_string(na_rep="-"))

    errors = summary.attrs["errors"]
    print(f"\n{len(errors)} problem(s), also in errors.csv:")
    for row in errors.itertuples():
        print(f"  {Path(row.file).name}, line {row.line}: {row.reason}")

    print(f"\nwrote to {outdir}: {', '.join(sorted(p.name for p in outdir.iterdir()))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
