"""Cronometer exports: the servings diary and the daily nutrition summary.

Servings export (*Export → Servings*): ``Day,Time,Group,Food Name,Amount,
Energy (kcal),…,Category``; older exports lack ``Time`` or ``Group``. One row
per food entry (``entry_type="food"``). The nutrient cells hold the amount for
that entry.

Daily summary (*Export → Daily Nutrition*): ``Date,Energy (kcal),…,Completed``;
one row per day (``entry_type="summary"``, ``food="Daily total"``).

Column map (header name before the unit → nutrient key): ``Energy`` → energy,
``Water``, ``Caffeine``, ``Alcohol``, ``B1 (Thiamine)`` → thiamin,
``B2 (Riboflavin)``, ``B3 (Niacin)``, ``B5 (Pantothenic Acid)``,
``B6 (Pyridoxine)`` → vitamin_b6, ``B7 (Biotin)``/``Biotin``, ``Folate``
(Cronometer reports folate in µg DFE), ``B12 (Cobalamin)``, ``Calcium``,
``Magnesium``, ``Potassium``, ``Vitamin D``. The unit comes from the header's
last parenthesis and is converted once per column with
:func:`nutrigap.units.conversion_factor` (``Vitamin D (IU)`` → µg at 40 IU per
µg). Other columns (iron, sodium, amino acids…) are not read. A blank cell is
missing (NaN), never zero.

``supplement`` is True where ``Category`` is ``Supplements`` or the amount is a
dose form (tablet, capsule, softgel, pill, caplet, gummy, lozenge). Cronometer's
``Group`` is the user's diary group (``Breakfast``, or custom names such as
``Staples``; in the real export the ``Supplements`` group also holds
strawberries and olive oil), so it becomes ``meal`` and never decides
``supplement``.

Quick-add pseudo-foods (``Calorie`` with ``Amount`` ``"800.00 1"``) are kept:
they carry real energy the user logged. Entries of ``0.00 g`` are kept with
quantity 0 (Cronometer exports planned-but-not-eaten items that way).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from nutrigap.exceptions import DiaryFormatError
from nutrigap.io._common import (
    Rejects,
    Table,
    cell_reason,
    finish,
    load_source,
    nutrient_column,
    nutrient_factor,
    parse_dates,
    read_table,
    to_number,
)
from nutrigap.io._quantity import DOSE_FORMS, parse_amount

__all__ = ["read_cronometer", "SERVINGS_REQUIRED", "SUMMARY_REQUIRED"]

#: Columns a servings export must have.
SERVINGS_REQUIRED = ("Day", "Food Name", "Amount")
#: Columns a daily-summary export must have.
SUMMARY_REQUIRED = ("Date", "Energy (kcal)")


def is_servings(header: list[str]) -> bool:
    h = set(header)
    return all(c in h for c in SERVINGS_REQUIRED)


def is_summary(header: list[str]) -> bool:
    h = set(header)
    return all(c in h for c in SUMMARY_REQUIRED) and (
        "Completed" in h or any(c.startswith("B1 (Thiamine)") for c in h)
    )


def read_nutrients(table: Table, rejects: Rejects) -> dict[str, pd.Series]:
    """Nutrient columns of an export: one float Series per key, canonical units."""
    out: dict[str, pd.Series] = {}
    for col in table.header:
        found = nutrient_column(col)
        if found is None or found[0] in out:
            continue
        key, unit = found
        if unit == "%":
            continue
        factor = nutrient_factor(key, unit, table.name, col)
        values, bad, _ = to_number(table.col(col), decimal_comma=table.delimiter != ",")
        rejects.add(bad, cell_reason(col, "not a number", table.col(col)))
        out[key] = values * factor
    return out


def _amounts(raw: pd.Series, decimal_comma: bool) -> pd.DataFrame:
    """Parse each distinct Amount string once, then join back."""
    uniq = pd.unique(raw)
    parsed = pd.DataFrame(
        [parse_amount(u, decimal_comma) for u in uniq],
        index=uniq,
        columns=["quantity", "unit", "grams"],
    )
    return parsed.reindex(raw.to_numpy())


def read_cronometer(
    source: object, *, encoding: str | None = None, delimiter: str | None = None
) -> pd.DataFrame:
    """Read a Cronometer servings export or daily nutrition summary.

    Parameters
    ----------
    source : str, os.PathLike, file object or str
        Path, open file, or the CSV text itself.
    encoding, delimiter : str, optional
        Override detection.

    Returns
    -------
    pandas.DataFrame
        The canonical diary (see :mod:`nutrigap.io`), one float column per
        nutrient found, in canonical units. ``attrs["format"]`` is
        ``"cronometer-servings"`` or ``"cronometer-summary"``.

    Raises
    ------
    DiaryFormatError
        If the header is neither layout.
    """
    text, name, data = load_source(source, encoding)
    table = read_table(text, name, delimiter, data)
    return _from_table(table)


def _from_table(table: Table) -> pd.DataFrame:
    if is_servings(table.header):
        return _servings(table)
    if is_summary(table.header):
        return _summary(table)
    raise DiaryFormatError(
        f"not a Cronometer export: columns {table.header}; a servings export needs "
        f"{list(SERVINGS_REQUIRED)}, a daily summary {list(SUMMARY_REQUIRED)}",
        file=table.name,
        line=table.header_line,
    )


def _servings(table: Table) -> pd.DataFrame:
    rejects = Rejects(table)
    dc = table.delimiter != ","
    dates, bad = parse_dates(table.col("Day"))
    rejects.add(bad, cell_reason("Day", "not a date", table.col("Day")))
    rejects.add(dates.isna(), "missing date")
    food = table.col("Food Name").str.strip()
    rejects.add(food.eq(""), "missing food name")
    amount = table.col("Amount").str.strip()
    amt = _amounts(amount, dc)
    rejects.add(
        amount.ne("").to_numpy()
        & amt["quantity"].isna().to_numpy()
        & amt["grams"].isna().to_numpy(),
        cell_reason("Amount", "no quantity in", amount),
    )
    nutrients = read_nutrients(table, rejects)
    if "Group" in table.columns:
        meal = table.col("Group").str.strip().replace("", None)
    else:
        meal = pd.Series(None, index=food.index, dtype="object")
    supp = amt["unit"].isin(DOSE_FORMS).to_numpy()
    if "Category" in table.columns:
        supp = supp | table.col("Category").str.strip().str.lower().eq("supplements").to_numpy()
    data = {
        "date": dates,
        "meal": meal,
        "food": food,
        "quantity": pd.Series(amt["quantity"].to_numpy(dtype="float64")),
        "unit": pd.Series(amt["unit"].to_numpy(dtype=object)),
        "grams": pd.Series(amt["grams"].to_numpy(dtype="float64")),
        "supplement": pd.Series(np.asarray(supp, dtype=bool)),
        "entry_type": "food",
    }
    return finish(data, table, rejects, "cronometer-servings", nutrients)


def _summary(table: Table) -> pd.DataFrame:
    rejects = Rejects(table)
    dates, bad = parse_dates(table.col("Date"))
    rejects.add(bad, cell_reason("Date", "not a date", table.col("Date")))
    rejects.add(dates.isna(), "missing date")
    nutrients = read_nutrients(table, rejects)
    data = {
        "date": dates,
        "meal": None,
        "food": "Daily total",
        "quantity": np.nan,
        "unit": None,
        "grams": np.nan,
        "supplement": False,
        "entry_type": "summary",
    }
    return finish(data, table, rejects, "cronometer-summary", nutrients)
