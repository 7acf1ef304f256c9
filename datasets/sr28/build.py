"""Build nutrigap's bundled food table from USDA SR28 (the ASCII release).

Usage::

    python datasets/sr28/build.py [SR28_DIR]

``SR28_DIR`` defaults to ``../shared/data/usda-sr28`` relative to the
repository root. Writes ``foods.csv.gz`` and ``portions.csv.gz`` next to this
script, byte-for-byte reproducible (gzip mtime 0, fixed float formatting).

What is transformed (see README.md in this folder):

* one row per SR28 food (FOOD_DES, all 8,789), keyed by the 5-digit NDB number
  as a string, with its description and food group name;
* per 100 g of edible food, each catalog nutrient in its canonical unit,
  taken from NUT_DATA by SR nutrient number (NUTR_DEF units already match the
  catalog's: mg, µg, kcal, g). Absent values stay empty (NaN), never 0. SR28
  has no biotin, so that column is empty throughout;
* folate as µg DFE: nutrient 435 where present, otherwise derived (column
  ``folate_derivation``): ``food+1.7*fa`` = 432 + 1.7 × (417 − 432) where
  total (417) and food folate (432) are present; ``total`` = 417 alone,
  assuming no folic acid (a lower bound for fortified foods); ``1.7*fa`` =
  1.7 × 431 where only folic acid is given;
* auxiliary columns ``folic_acid`` (431, µg, or 417 − 432) and
  ``vitamin_b12_added`` (578, µg) for the ULs that cover synthetic forms only;
* WEIGHT: every household portion (amount, measure description, gram weight).
"""

from __future__ import annotations

import gzip
import io
import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE.parent))  # datasets/_buildtools.py

from _buildtools import write_csv_gz  # noqa: E402

#: catalog key -> SR28 nutrient number (NUTR_DEF.Nutr_No); folate is derived below.
SR_NUMBERS = {
    "magnesium": "304",
    "calcium": "301",
    "potassium": "306",
    "vitamin_d": "328",
    "thiamin": "404",
    "riboflavin": "405",
    "niacin": "406",
    "pantothenic_acid": "410",
    "vitamin_b6": "415",
    "biotin": None,  # not in SR28
    "folate": "435",
    "vitamin_b12": "418",
    "energy": "208",
    "water": "255",
    "caffeine": "262",
    "alcohol": "221",
}
#: the unit NUTR_DEF gives for each number, checked at build time
EXPECTED_UNITS = {
    "304": "mg",
    "301": "mg",
    "306": "mg",
    "328": "µg",
    "404": "mg",
    "405": "mg",
    "406": "mg",
    "410": "mg",
    "415": "mg",
    "435": "µg",
    "418": "µg",
    "208": "kcal",
    "255": "g",
    "262": "mg",
    "221": "g",
    "417": "µg",
    "431": "µg",
    "432": "µg",
    "578": "µg",
}


def read_sr(path: Path, names: list[str], usecols: list[int] | None = None) -> pd.DataFrame:
    """Read one SR28 ASCII file: ``^``-separated, ``~``-quoted, latin-1."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as fh:
        raw = fh.read().decode("latin-1")
    return pd.read_csv(
        io.StringIO(raw),
        sep="^",
        quotechar="~",
        header=None,
        names=names,
        usecols=usecols,
        dtype=str,
        keep_default_na=False,
        na_values=[""],
    )


def build(src: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    foods = read_sr(
        src / "FOOD_DES.txt",
        [
            "food_id",
            "fdgrp",
            "description",
            "short",
            "common",
            "manufacturer",
            "survey",
            "refuse_desc",
            "refuse",
            "sci",
            "n_factor",
            "pro_factor",
            "fat_factor",
            "cho_factor",
        ],
        usecols=[0, 1, 2],
    )
    groups = read_sr(src / "FD_GROUP.txt", ["fdgrp", "food_group"])
    foods = foods.merge(groups, on="fdgrp", how="left").drop(columns="fdgrp")

    nutr_def = read_sr(src / "NUTR_DEF.txt", ["nut", "unit", "tag", "name", "dec", "order"])
    units = dict(zip(nutr_def.nut, nutr_def.unit, strict=True))
    for number, unit in EXPECTED_UNITS.items():
        if units.get(number) != unit:
            raise SystemExit(
                f"NUTR_DEF unit of {number} is {units.get(number)!r}, expected {unit!r}"
            )

    data = read_sr(src / "NUT_DATA.txt.gz", ["food_id", "nut", "value"], usecols=[0, 1, 2])
    wanted = set(EXPECTED_UNITS)
    data = data[data.nut.isin(wanted)]
    data["value"] = data["value"].astype(float)
    wide = data.pivot(index="food_id", columns="nut", values="value")
    wide = wide.reindex(index=foods.food_id, columns=sorted(wanted))

    table = foods.set_index("food_id")
    for key, number in SR_NUMBERS.items():
        table[key] = wide[number] if number else float("nan")

    total, folic, food_folate, dfe = wide["417"], wide["431"], wide["432"], wide["435"]
    derived_fa = (total - food_folate).clip(lower=0)
    how = pd.Series(pd.NA, index=table.index, dtype="object")
    how[dfe.notna()] = "435"
    m_food = dfe.isna() & total.notna() & food_folate.notna()
    table.loc[m_food, "folate"] = food_folate[m_food] + 1.7 * derived_fa[m_food]
    how[m_food] = "food+1.7*fa"
    m_total = dfe.isna() & total.notna() & food_folate.isna()
    table.loc[m_total, "folate"] = total[m_total]
    how[m_total] = "total"
    m_fa = dfe.isna() & total.isna() & food_folate.isna() & folic.notna()
    table.loc[m_fa, "folate"] = 1.7 * folic[m_fa]
    how[m_fa] = "1.7*fa"
    table["folate_derivation"] = how
    table["folic_acid"] = folic.fillna(derived_fa.where(food_folate.notna()))
    table["vitamin_b12_added"] = wide["578"]

    weights = read_sr(
        src / "WEIGHT.txt",
        ["food_id", "seq", "amount", "measure", "grams", "n", "sd"],
        usecols=[0, 1, 2, 3, 4],
    )
    weights["seq"] = weights["seq"].astype(int)
    weights["amount"] = weights["amount"].astype(float)
    weights["grams"] = weights["grams"].astype(float)
    weights = weights.sort_values(["food_id", "seq"], kind="stable").reset_index(drop=True)
    return table.reset_index(), weights


def main(argv: list[str]) -> int:
    src = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "data" / "usda-sr28"
    if not (src / "FOOD_DES.txt").exists():
        print(f"SR28 files not found in {src}", file=sys.stderr)
        return 1
    foods, portions = build(src)
    write_csv_gz(foods, HERE / "foods.csv.gz")
    write_csv_gz(portions, HERE / "portions.csv.gz")
    print(f"{len(foods)} foods, {len(portions)} portions written to {HERE}")
    print("folate derivation:", foods["folate_derivation"].value_counts(dropna=False).to_dict())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
