"""Build nutrigap's second bundled food table from USDA FNDDS 2017-2018.

Usage::

    python datasets/fndds/build.py [FNDDS_DIR]

``FNDDS_DIR`` defaults to ``../shared/data/usda-fndds-2017-2018`` relative to
the repository root and must hold the three CSV files converted from USDA's
"At A Glance" workbooks (``fndds_nutrient_values.csv``,
``foods_and_beverages.csv``, ``portions_and_weights.csv``). Writes
``foods.csv.gz`` and ``portions.csv.gz`` next to this script in the shape of
the SR28 table (``datasets/sr28``), byte-for-byte reproducible (gzip mtime 0,
fixed float formatting).

What is transformed (see README.md in this folder):

* the CSVs are read with a real CSV parser (:mod:`csv`): UTF-8 with BOM, a
  title record holding a quoted line break before the header, header names
  holding line breaks (``"Water\\n(g)"``) and CRLF line ends;
* header names are normalised (runs of whitespace, line breaks included, become
  one space) and every wanted column is looked up by name **and unit**; a
  missing column or an unexpected unit stops the build;
* one row per FNDDS food (all 7,083), keyed ``"fndds:<food code>"``, with its
  main description, additional description (synonyms, ``"; "``-separated as
  USDA writes them) and WWEIA category description as ``food_group``;
* per 100 g, each catalog nutrient in its canonical unit (FNDDS already uses
  mg, µg (``mcg``), kcal, g). FNDDS has no pantothenic acid or biotin: those
  columns stay empty (missing, not zero). Folate is FNDDS's own
  ``Folate, DFE (mcg_DFE)`` (``folate_derivation`` = ``"dfe"``);
* ``folic_acid`` and ``vitamin_b12_added`` (µg) for the ULs that cover
  synthetic forms only;
* every row of ``portions_and_weights.csv`` (32,614) as ``food_id``, ``seq``,
  ``amount``, ``measure``, ``grams`` plus ``subcode`` and
  ``subcode_description``; the portion description is split into a leading
  amount and a measure by :func:`split_portion`.
"""

from __future__ import annotations

import csv
import re
import sys
from fractions import Fraction
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))  # the catalog of the checkout being built

from nutrigap.nutrients import NUTRIENTS  # noqa: E402

sys.path.insert(0, str(HERE.parent))  # datasets/_buildtools.py
from _buildtools import write_csv_gz  # noqa: E402

NUTRIENT_FILE = "fndds_nutrient_values.csv"
FOOD_FILE = "foods_and_beverages.csv"
PORTION_FILE = "portions_and_weights.csv"

#: catalog key -> (FNDDS column name without its unit, FNDDS unit). ``None``:
#: FNDDS has no such nutrient (the column is left empty). The unit is checked
#: against the header and converted to the catalog's canonical unit via UNITS.
COLUMNS: dict[str, tuple[str, str] | None] = {
    "magnesium": ("Magnesium", "mg"),
    "calcium": ("Calcium", "mg"),
    "potassium": ("Potassium", "mg"),
    "vitamin_d": ("Vitamin D (D2 + D3)", "mcg"),
    "thiamin": ("Thiamin", "mg"),
    "riboflavin": ("Riboflavin", "mg"),
    "niacin": ("Niacin", "mg"),
    "pantothenic_acid": None,  # not in FNDDS 2017-2018
    "vitamin_b6": ("Vitamin B-6", "mg"),
    "biotin": None,  # not in FNDDS 2017-2018
    "folate": ("Folate, DFE", "mcg_DFE"),
    "vitamin_b12": ("Vitamin B-12", "mcg"),
    "energy": ("Energy", "kcal"),
    "water": ("Water", "g"),
    "caffeine": ("Caffeine", "mg"),
    "alcohol": ("Alcohol", "g"),
}
#: auxiliary columns (synthetic forms, for the ULs), µg per 100 g
AUX_COLUMNS: dict[str, tuple[str, str]] = {
    "folic_acid": ("Folic acid", "mcg"),
    "vitamin_b12_added": ("Vitamin B-12, added", "mcg"),
}
#: FNDDS unit -> canonical unit of nutrigap's catalog (no scaling needed)
UNITS = {"mg": "mg", "mcg": "µg", "mcg_DFE": "µg", "kcal": "kcal", "g": "g"}

#: a size given before a container ("19 oz can", "10-3/4 oz can"): the number
#: is part of the measure, not a count
_SIZE = re.compile(r"^(?:fl )?oz (?:can|package|container|bottle|bag|box|jar|carton|pouch)\b")
#: a leading amount: mixed number "1-1/2", fraction "1/2", decimal or integer,
#: followed by whitespace
_AMOUNT = re.compile(r"^(\d+-\d+/\d+|\d+/\d+|\d+(?:\.\d+)?|\.\d+)\s+(\S.*)$")


def norm(text: str) -> str:
    """Collapse runs of whitespace (line breaks included) into one space."""
    return " ".join(text.split())


def read_fndds_csv(path: Path) -> pd.DataFrame:
    """Read one "At A Glance" CSV as text columns, skipping the title record.

    The header is the first record whose first cell is ``Food code``; header
    names are normalised with :func:`norm`. Every data record must have as
    many fields as the header.
    """
    with open(path, encoding="utf-8-sig", newline="") as fh:
        records = list(csv.reader(fh))
    i = next((n for n, rec in enumerate(records) if rec and norm(rec[0]) == "Food code"), None)
    if i is None:
        raise SystemExit(f"{path}: no header record starting with 'Food code'")
    header = [norm(h) for h in records[i]]
    rows = [r for r in records[i + 1 :] if any(cell.strip() for cell in r)]
    for n, r in enumerate(rows):
        if len(r) != len(header):
            raise SystemExit(
                f"{path}: data record {n + 1} has {len(r)} fields, the header has {len(header)}"
            )
    return pd.DataFrame(rows, columns=header, dtype="str")


def find_column(columns: pd.Index, name: str, unit: str, path: Path) -> str:
    """Return the header ``"<name> (<unit>)"``, failing loudly if absent or in another unit."""
    wanted = f"{name} ({unit})"
    if wanted in columns:
        return wanted
    pattern = re.compile(re.escape(name) + r" \(([^()]*)\)$")
    others = [c for c in columns if pattern.match(c)]
    if others:
        raise SystemExit(f"{path}: column {others[0]!r} is not in the expected unit {unit!r}")
    raise SystemExit(f"{path}: expected column {wanted!r} is absent")


def split_portion(description: str) -> tuple[float, str]:
    """Split an FNDDS portion description into ``(amount, measure)``.

    A leading number (``"1"``, ``"10"``, ``"1/2"``, ``"1-1/2"``, ``"2.5"``)
    followed by a space is the amount and the rest is the measure
    (``"1 cup"`` -> ``(1.0, "cup")``, ``"1/2 chicken breast with sauce"`` ->
    ``(0.5, "chicken breast with sauce")``, ``"1/4 of 9\\" dia pie"`` ->
    ``(0.25, '9" dia pie')``). A number that gives the size of a container
    (``"19 oz can, ready-to-serve"``) and descriptions without a leading number
    (``"Quantity not specified"``, ``"Guideline amount per slice of
    bread/roll"``, ``"Topping from 1 piece"``, ``'1" wedge'``,
    ``'3-12" legs'``) give amount 1 and the whole description as measure.
    """
    text = norm(description)
    m = _AMOUNT.match(text)
    if m is None or _SIZE.match(m.group(2)):
        return 1.0, text
    number, rest = m.groups()
    if "-" in number:
        whole, frac = number.split("-")
        amount = int(whole) + Fraction(frac)
    else:
        amount = Fraction(number)
    if rest.startswith("of "):
        rest = rest[3:]
    return float(amount), rest


def build(src: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    nut_path, food_path, por_path = src / NUTRIENT_FILE, src / FOOD_FILE, src / PORTION_FILE
    nut = read_fndds_csv(nut_path)
    food = read_fndds_csv(food_path)
    for path, df, cols in (
        (nut_path, nut, ["Food code", "Main food description", "WWEIA Category description"]),
        (food_path, food, ["Food code", "Main food description", "Additional food description"]),
    ):
        absent = [c for c in cols if c not in df.columns]
        if absent:
            raise SystemExit(f"{path}: expected columns {absent} are absent")
    if not nut["Food code"].is_unique:
        raise SystemExit(f"{nut_path}: food codes are not unique")
    if not nut["Food code"].str.fullmatch(r"\d{8}").all():
        raise SystemExit(f"{nut_path}: food codes are not all 8 digits")
    if set(nut["Food code"]) != set(food["Food code"]):
        raise SystemExit(f"{nut_path} and {food_path} list different foods")
    food = food.set_index("Food code").reindex(nut["Food code"])

    table = pd.DataFrame(
        {
            "food_id": "fndds:" + nut["Food code"],
            "description": nut["Main food description"].map(norm),
            "additional_description": food["Additional food description"]
            .map(norm)
            .replace("", pd.NA)
            .to_numpy(),
            "food_group": nut["WWEIA Category description"].map(norm),
        }
    )
    if not (table["description"].to_numpy() == food["Main food description"].map(norm)).all():
        raise SystemExit(f"{nut_path} and {food_path} disagree on descriptions")

    def column(key: str, spec: tuple[str, str] | None) -> pd.Series:
        if spec is None:
            return pd.Series(float("nan"), index=nut.index)
        name, unit = spec
        canonical = NUTRIENTS[key].unit if key in NUTRIENTS else "µg"
        if UNITS.get(unit) != canonical:
            raise SystemExit(f"FNDDS unit {unit!r} of {name!r} is not {key}'s unit {canonical!r}")
        values = pd.to_numeric(nut[find_column(nut.columns, name, unit, nut_path)], errors="raise")
        return values.astype(float)

    for key, spec in COLUMNS.items():
        table[key] = column(key, spec)
    table["folate_derivation"] = "dfe"
    for key, spec in AUX_COLUMNS.items():
        table[key] = column(key, spec)

    por = read_fndds_csv(por_path)
    needed = ["Food code", "Subcode", "Subcode description", "Seq num", "Portion description"]
    absent = [c for c in needed if c not in por.columns]
    if absent:
        raise SystemExit(f"{por_path}: expected columns {absent} are absent")
    weight = find_column(por.columns, "Portion weight", "g", por_path)
    unknown = set(por["Food code"]) - set(nut["Food code"])
    if unknown:
        raise SystemExit(f"{por_path}: portions for unknown food codes {sorted(unknown)[:5]}")
    split = [split_portion(d) for d in por["Portion description"]]
    grams = pd.to_numeric(por[weight], errors="raise").astype(float)
    portions = pd.DataFrame(
        {
            "food_id": "fndds:" + por["Food code"],
            "seq": pd.to_numeric(por["Seq num"], errors="raise").astype(int),
            "amount": [a for a, _ in split],
            "measure": [m for _, m in split],
            # weights <= 0 are not weights: -9 is USDA's "not applicable" code (173 infant
            # formula "Quantity not specified" rows) and human milk's QNS is 0; both unknown
            "grams": grams.where(grams > 0),
            "subcode": pd.to_numeric(por["Subcode"].replace("", pd.NA)).astype("Int64"),
            "subcode_description": por["Subcode description"].map(norm).replace("", pd.NA),
        }
    )
    # generic portions (no subcode) first, then each subcode; file order within
    order = portions.assign(_s=portions["subcode"].fillna(-1)).sort_values(
        ["food_id", "_s", "seq"], kind="stable"
    )
    portions = order.drop(columns="_s").reset_index(drop=True)
    return table, portions


def main(argv: list[str]) -> int:
    default = ROOT.parent / "shared" / "data" / "usda-fndds-2017-2018"
    src = Path(argv[1]) if len(argv) > 1 else default
    if not (src / NUTRIENT_FILE).exists():
        print(f"FNDDS files not found in {src}", file=sys.stderr)
        return 1
    foods, portions = build(src)
    write_csv_gz(foods, HERE / "foods.csv.gz")
    write_csv_gz(portions, HERE / "portions.csv.gz")
    print(f"{len(foods)} foods, {len(portions)} portions written to {HERE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
