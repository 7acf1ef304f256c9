"""Validate ``aliases.csv`` against the bundled food tables (SR28 and FNDDS).

Run from the repository root::

    python datasets/aliases/check.py            # exit status 0 when valid
    python datasets/aliases/check.py --fix-descriptions   # rewrite descriptions from SR28

Checks (each problem is reported with its CSV line number):

- the header is exactly ``alias,food_id,description,note``;
- ``alias`` is normalised: lower case, ASCII, no leading/trailing or doubled
  spaces, non-empty;
- aliases are unique;
- ``food_id`` is a 5-digit SR28 NDB number, or ``fndds:`` and an 8-digit FNDDS
  food code (dishes SR28 lacks: "grilled cheese", "latte"), that exists in the
  bundled tables;
- ``description`` equals the table's description of that id, character for
  character (it is there for human review, so it must not drift).

The tests (``tests/test_aliases.py``) call :func:`check` directly.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

import pandas as pd

COLUMNS = ["alias", "food_id", "description", "note"]
_NDB = re.compile(r"^(?:\d{5}|fndds:\d{8})$")
_NORMALISED = re.compile(r"^[a-z0-9%][a-z0-9% '&./-]*[a-z0-9%]$|^[a-z0-9]$")

HERE = Path(__file__).resolve().parent
ALIASES_CSV = HERE / "aliases.csv"


def read_aliases(path: str | Path = ALIASES_CSV) -> pd.DataFrame:
    """Read the alias table as strings (``food_id`` keeps its leading zeros).

    Returns
    -------
    pandas.DataFrame
        Columns ``alias, food_id, description, note`` plus ``line`` (the
        1-based physical line of the row in the CSV; the header is line 1).
    """
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        records = []
        for row in reader:
            records.append([*row, reader.line_num])
    df = pd.DataFrame(records, columns=[*header, "line"], dtype=object)
    df.attrs["header"] = header
    return df


def check(aliases: pd.DataFrame, foods: pd.DataFrame) -> list[str]:
    """Return a list of problems (empty when the table is valid).

    Parameters
    ----------
    aliases : pandas.DataFrame
        As returned by :func:`read_aliases`.
    foods : pandas.DataFrame
        The food tables, ``nutrigap.load_food_table("both")`` (indexed by food_id).
    """
    problems: list[str] = []
    header = aliases.attrs.get("header", [c for c in aliases.columns if c != "line"])
    if list(header) != COLUMNS:
        problems.append(f"header is {header}, expected {COLUMNS}")
        return problems
    seen: dict[str, int] = {}
    for row in aliases.itertuples(index=False):
        where = f"line {row.line}"
        alias = row.alias
        if not isinstance(alias, str) or not alias:
            problems.append(f"{where}: empty alias")
            continue
        if not alias.isascii() or not _NORMALISED.match(alias) or "  " in alias:
            problems.append(
                f"{where}: alias {alias!r} is not normalised (lower case ASCII, single spaces)"
            )
        if alias in seen:
            problems.append(f"{where}: alias {alias!r} repeats line {seen[alias]}")
        else:
            seen[alias] = row.line
        fid = row.food_id
        if not isinstance(fid, str) or not _NDB.match(fid):
            problems.append(
                f"{where}: food_id {fid!r} is neither a 5-digit NDB number nor fndds:<8 digits>"
            )
            continue
        if fid not in foods.index:
            problems.append(f"{where}: food_id {fid} ({alias!r}) is not in the bundled tables")
            continue
        expected = foods.at[fid, "description"]
        if row.description != expected:
            problems.append(
                f"{where}: description of {fid} is {row.description!r}, the table says {expected!r}"
            )
    return problems


def _fix_descriptions(path: Path, foods: pd.DataFrame) -> None:
    df = read_aliases(path)
    df["description"] = [
        foods.at[fid, "description"] if fid in foods.index else desc
        for fid, desc in zip(df["food_id"], df["description"], strict=True)
    ]
    df[COLUMNS].to_csv(path, index=False, lineterminator="\n")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(ALIASES_CSV))
    parser.add_argument(
        "--fix-descriptions",
        action="store_true",
        help="rewrite the description column from the bundled tables",
    )
    args = parser.parse_args(argv)

    import nutrigap

    foods = nutrigap.load_food_table("both")
    path = Path(args.path)
    if args.fix_descriptions:
        _fix_descriptions(path, foods)
    df = read_aliases(path)
    problems = check(df, foods)
    for p in problems:
        print(f"{path}: {p}", file=sys.stderr)
    n_ids = df["food_id"].nunique()
    print(f"{path}: {len(df)} aliases, {n_ids} distinct foods, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
