"""MyFitnessPal exports: the Nutrition-Summary and the per-food diary.

Nutrition-Summary (*Reports → Export*): ``Date,Meal,[Time,]Calories,Fat (g),
…,Sodium (mg),Potassium,…,Vitamin A,Vitamin C,Calcium,Iron[,Note]``. One row
per meal and day: ``entry_type="summary"``, ``food="Breakfast (meal total)"``.
Dates are ``2018-10-15`` or ``1/1/2023`` (month first).

Per-food diary (as parsed from MFP's printable diary): ``Date,Entry|Meal,Item,
Amount,Calories,…`` with dates like ``January 1, 2019``, amounts like
``4.8 oz`` or ``2 serving(s)`` and cells with units and thousands separators
(``3,436mg``). ``entry_type="food"``.

Units: ``Calories`` → energy (kcal); ``Potassium`` is mg. MFP's ``Vitamin A``,
``Vitamin C``, ``Calcium`` and ``Iron`` columns hold **percent of the Daily
Value**, not amounts. nutrigap keeps the figure as it is in
``calcium_pct_dv`` and, by default, also converts it to milligrams in
``calcium`` with the Daily Value MFP's percentages were based on: the pre-2016
FDA label DV of **1,000 mg** (21 CFR 101.9(c)(8)(iv), 1993 table; the 2016
rule raised it to 1,300 mg). Pass ``calcium_dv_mg=None`` to leave ``calcium``
missing and keep only the percentage, or another value if you know better.
A cell written with a unit (``250mg``) is read in that unit instead.
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
    norm_header,
    parse_dates,
    read_table,
    to_number,
)
from nutrigap.io._quantity import parse_amount
from nutrigap.units import conversion_factor

__all__ = ["read_myfitnesspal", "MFP_CALCIUM_DV_MG"]

#: Calcium Daily Value (mg) behind MFP's "Calcium" percentages: the pre-2016
#: FDA label value (21 CFR 101.9(c)(8)(iv) as of 1993).
MFP_CALCIUM_DV_MG = 1000.0

#: normalised header -> (nutrient key, unit of plain numbers)
_MFP_NUTRIENTS = {
    "calories": ("energy", "kcal"),
    "potassium": ("potassium", "mg"),
    "potassium (mg)": ("potassium", "mg"),
    "calcium": ("calcium", "%"),
    "magnesium": ("magnesium", "mg"),
    "magnesium (mg)": ("magnesium", "mg"),
    "caffeine": ("caffeine", "mg"),
    "water": ("water", "g"),
    "alcohol": ("alcohol", "g"),
}


def _find(table: Table, *names: str) -> str | None:
    for h in table.header:
        if norm_header(h) in names:
            return h
    return None


def is_summary(header: list[str]) -> bool:
    h = {norm_header(c) for c in header}
    return {"date", "meal", "calories"} <= h and "item" not in h and "food" not in h


def is_food_diary(header: list[str]) -> bool:
    h = {norm_header(c) for c in header}
    return {"date", "item", "amount", "calories"} <= h and bool(h & {"entry", "meal"})


def read_myfitnesspal(
    source: object,
    *,
    calcium_dv_mg: float | None = MFP_CALCIUM_DV_MG,
    encoding: str | None = None,
    delimiter: str | None = None,
    dayfirst: bool | None = None,
) -> pd.DataFrame:
    """Read a MyFitnessPal Nutrition-Summary export or per-food diary.

    Parameters
    ----------
    source : str, os.PathLike, file object or str
        Path, open file, or the CSV text itself.
    calcium_dv_mg : float or None, default 1000.0
        Daily Value (mg) to turn MFP's calcium percentages into mg; None keeps
        only ``calcium_pct_dv``.
    encoding, delimiter : str, optional
        Override detection.
    dayfirst : bool, optional
        Read ``1/2/2023`` as 1 February (MFP writes month first).

    Returns
    -------
    pandas.DataFrame
        The canonical diary; ``attrs["format"]`` is ``"myfitnesspal-summary"``
        or ``"myfitnesspal-foods"``.
    """
    text, name, data = load_source(source, encoding)
    table = read_table(text, name, delimiter, data)
    return _from_table(table, calcium_dv_mg=calcium_dv_mg, dayfirst=dayfirst)


def _from_table(
    table: Table, calcium_dv_mg: float | None = MFP_CALCIUM_DV_MG, dayfirst: bool | None = None
) -> pd.DataFrame:
    if is_summary(table.header):
        kind = "summary"
    elif is_food_diary(table.header):
        kind = "foods"
    else:
        raise DiaryFormatError(
            f"not a MyFitnessPal export: columns {table.header}; a Nutrition-Summary needs "
            "['Date', 'Meal', 'Calories'], a food diary ['Date', 'Entry', 'Item', 'Amount', "
            "'Calories']",
            file=table.name,
            line=table.header_line,
        )
    rejects = Rejects(table)
    dc = table.delimiter != ","
    date_col = _find(table, "date")
    dates, bad = parse_dates(table.col(date_col), dayfirst=dayfirst)
    rejects.add(bad, cell_reason(date_col, "not a date", table.col(date_col)))
    rejects.add(dates.isna(), "missing date")
    meal_col = _find(table, "meal", "entry")
    meal = table.col(meal_col).str.strip()
    nutrients: dict[str, pd.Series] = {}
    extra: dict[str, pd.Series] = {}
    for col in table.header:
        spec = _MFP_NUTRIENTS.get(norm_header(col))
        if spec is None or spec[0] in nutrients:
            continue
        key, unit = spec
        values, bad, suffix = to_number(table.col(col), decimal_comma=dc)
        rejects.add(bad, cell_reason(col, "not a number", table.col(col)))
        if key == "calcium":
            pct = values.copy()
            mg = pd.Series(np.nan, index=values.index)
            if suffix is not None:  # "250mg" cells are amounts, "12%" percentages
                is_mg = suffix.str.lower().isin(["mg", "g"]).fillna(False).to_numpy(dtype=bool)
                scale = suffix.str.lower().map({"mg": 1.0, "g": 1000.0}).astype("float64")
                mg[is_mg] = (values * scale)[is_mg]
                pct[is_mg] = np.nan
            if calcium_dv_mg is not None:
                mg = mg.fillna(pct * calcium_dv_mg / 100.0)
            extra["calcium_pct_dv"] = pct
            nutrients["calcium"] = mg
            continue
        if suffix is not None:
            factors = {
                u: conversion_factor(u, unit) if u.lower() not in {"%"} else np.nan
                for u in pd.unique(suffix.dropna())
            }
            f = suffix.map(factors).astype("float64").fillna(1.0)
            values = values * f
        nutrients[key] = values
    if kind == "summary":
        rejects.add(meal.eq(""), "missing meal")
        data = {
            "date": dates,
            "meal": meal.replace("", None),
            "food": meal + " (meal total)",
            "quantity": np.nan,
            "unit": None,
            "grams": np.nan,
            "supplement": False,
            "entry_type": "summary",
        }
    else:
        food = table.col(_find(table, "item")).str.strip()
        rejects.add(food.eq(""), "missing food")
        amount_col = _find(table, "amount")
        raw = table.col(amount_col).str.strip()
        uniq = pd.unique(raw)
        parsed = pd.DataFrame(
            [parse_amount(u, dc) for u in uniq], index=uniq, columns=["quantity", "unit", "grams"]
        ).reindex(raw.to_numpy())
        # The printable-diary parser sometimes splits "Onions, raw, 0.5 cup" / "chopped"
        # at a comma: take the amount from the end of the item text then.
        lost = parsed["quantity"].isna().to_numpy() & raw.ne("").to_numpy()
        if lost.any():
            from nutrigap.io.text import parse_entry

            for i in np.flatnonzero(lost):
                e = parse_entry(food.iloc[i])
                parsed.iloc[i, :] = [e.quantity, e.unit, e.grams]
        rejects.add(
            raw.ne("").to_numpy() & parsed["quantity"].isna().to_numpy(),
            cell_reason(amount_col, "no quantity in", raw),
        )
        data = {
            "date": dates,
            "meal": meal.replace("", None),
            "food": food,
            "quantity": pd.Series(parsed["quantity"].to_numpy(dtype="float64")),
            "unit": pd.Series(parsed["unit"].to_numpy(dtype=object)),
            "grams": pd.Series(parsed["grams"].to_numpy(dtype="float64")),
            "supplement": False,
            "entry_type": "food",
        }
    return finish(data, table, rejects, f"myfitnesspal-{kind}", nutrients, extra)
