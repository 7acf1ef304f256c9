"""Generic CSV diaries with flexible headers.

Headers are matched case- and space-insensitively (``_`` and ``-`` count as
spaces) against these names; an explicit ``columns={"canonical": "Header"}``
map wins:

========== ==============================================================
canonical  accepted headers
========== ==============================================================
date       date, day, datum, fecha, when
food       food, item, description, name, food name, food item, ingredient
amount     amount, portion, serving size, entry (``2 cups``, ``30g``)
quantity   quantity, qty, servings, count, number
unit       unit, units, measure, uom
grams      grams, g, weight, weight g, mass, weight (g)
meal       meal, group, meal type, occasion
person     person, user, id, participant, subject, patient, name (only when
           another column is the food)
supplement supplement, is supplement, supplements
========== ==============================================================

When a combined ``amount`` cell is given and no separate quantity, it is split
with :func:`nutrigap.io._quantity.parse_amount` (``1 1/2 tbsp``, ``½ cup``,
``0,5 l``); a mass sets ``grams``. Nutrient columns named like ``Magnesium
(mg)``, ``vitamin_d_ug``, ``Vitamin D (IU)`` or plain ``potassium`` (then
assumed in the canonical unit) are read and converted once per column.

Rejected, with a reason: an unparseable date, a missing food, a non-numeric
quantity/grams/nutrient cell, an amount without a number, and the limits of
:func:`nutrigap.io._common.finish`. ``ffill_dates=True`` fills blank date
cells from the row above (spreadsheets that date only a day's first row).
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
    load_text,
    norm_header,
    nutrient_column,
    nutrient_factor,
    parse_dates,
    read_table,
    to_number,
)
from nutrigap.io._quantity import DOSE_FORMS, canonical_unit, parse_amount

__all__ = ["read_csv_diary", "HEADER_ALIASES"]

#: canonical column -> accepted (normalised) header names, in order of preference
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "date": ("date", "day", "datum", "fecha", "when", "date eaten"),
    "food": (
        "food",
        "item",
        "description",
        "food name",
        "food item",
        "food description",
        "ingredient",
        "name",
    ),
    "amount": ("amount", "portion", "serving size", "serving", "entry"),
    "quantity": ("quantity", "qty", "servings", "count", "number", "number of servings"),
    "unit": ("unit", "units", "measure", "uom", "serving unit"),
    "grams": ("grams", "g", "weight", "weight g", "weight (g)", "mass", "gram", "amount g"),
    "meal": ("meal", "group", "meal type", "occasion", "meal name"),
    "person": ("person", "user", "id", "participant", "subject", "patient", "person id", "name"),
    "supplement": ("supplement", "is supplement", "supplements"),
}
_TRUE = {"true", "yes", "y", "1", "x", "t", "supplement", "ja", "oui", "si", "sí"}


def resolve_columns(header: list[str], columns: dict[str, str] | None = None) -> dict[str, str]:
    """Map canonical names to the file's headers."""
    by_norm: dict[str, str] = {}
    for h in header:
        by_norm.setdefault(norm_header(h), h)
    out: dict[str, str] = {}
    for canon, given in (columns or {}).items():
        if given in header:
            out[canon] = given
        elif norm_header(given) in by_norm:
            out[canon] = by_norm[norm_header(given)]
        else:
            raise DiaryFormatError(f"column {given!r} given for {canon!r} is not in {header}")
    used = set(out.values())
    for canon in (
        "food",
        "date",
        "amount",
        "quantity",
        "unit",
        "grams",
        "meal",
        "supplement",
        "person",
    ):
        if canon in out:
            continue
        for alias in HEADER_ALIASES[canon]:
            h = by_norm.get(alias)
            if h is not None and h not in used and nutrient_column(h) is None:
                out[canon] = h
                used.add(h)
                break
    return out


def looks_generic(header: list[str]) -> bool:
    return "food" in resolve_columns(header)


def read_csv_diary(
    source: object,
    *,
    columns: dict[str, str] | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    decimal_comma: bool | None = None,
    dayfirst: bool | None = None,
    ffill_dates: bool = False,
) -> pd.DataFrame:
    """Read a diary kept as a CSV (or semicolon/tab-separated) file.

    Parameters
    ----------
    source : str, os.PathLike, file object or str
        Path, open file, or the CSV text itself.
    columns : dict, optional
        Canonical name → header, overriding detection, e.g.
        ``{"food": "What I ate", "grams": "Weight"}``.
    encoding, delimiter : str, optional
        Override detection.
    decimal_comma : bool, optional
        Read ``0,5`` as 0.5; default: when the delimiter is not a comma.
    dayfirst : bool, optional
        Read ``01/02/2024`` as 1 February.
    ffill_dates : bool
        Fill blank dates from the row above.

    Returns
    -------
    pandas.DataFrame
        The canonical diary; ``attrs["format"]`` is ``"csv"``.

    Raises
    ------
    DiaryFormatError
        If no column names the food.
    """
    text, name = load_text(source, encoding)
    table = read_table(text, name, delimiter)
    return _from_table(
        table,
        columns=columns,
        decimal_comma=decimal_comma,
        dayfirst=dayfirst,
        ffill_dates=ffill_dates,
    )


def _from_table(
    table: Table,
    columns: dict[str, str] | None = None,
    decimal_comma: bool | None = None,
    dayfirst: bool | None = None,
    ffill_dates: bool = False,
) -> pd.DataFrame:
    cols = resolve_columns(table.header, columns)
    if "food" not in cols:
        raise DiaryFormatError(
            f"no food column among {table.header}; need one of "
            f"{list(HEADER_ALIASES['food'])} (or pass columns={{'food': ...}})",
            file=table.name,
            line=table.header_line,
        )
    dc = table.delimiter != "," if decimal_comma is None else decimal_comma
    n = len(table)
    rejects = Rejects(table)
    food = table.col(cols["food"]).astype(str).str.strip()
    data: dict[str, object] = {"food": food, "entry_type": "food"}
    if "date" in cols:
        raw = table.col(cols["date"]).astype(str).str.strip()
        if ffill_dates:
            raw = raw.replace("", None).ffill().fillna("")
        dates, bad = parse_dates(raw, dayfirst=dayfirst)
        rejects.add(bad, cell_reason(cols["date"], "not a date", raw))
        rejects.add(raw.eq("").to_numpy(), "missing date")
        data["date"] = dates
    rejects.add(food.eq("").to_numpy(), "missing food")
    quantity = pd.Series(np.nan, index=range(n))
    unit = pd.Series(None, index=range(n), dtype="object")
    grams = pd.Series(np.nan, index=range(n))
    if "amount" in cols:
        raw = table.col(cols["amount"]).astype(str).str.strip()
        uniq = pd.unique(raw)
        parsed = pd.DataFrame(
            [parse_amount(u, dc) for u in uniq], index=uniq, columns=["quantity", "unit", "grams"]
        ).reindex(raw.to_numpy())
        quantity = pd.Series(parsed["quantity"].to_numpy(dtype="float64"))
        unit = pd.Series(parsed["unit"].to_numpy(dtype=object))
        grams = pd.Series(parsed["grams"].to_numpy(dtype="float64"))
        rejects.add(
            raw.ne("").to_numpy() & quantity.isna().to_numpy() & grams.isna().to_numpy(),
            cell_reason(cols["amount"], "no quantity in", raw),
        )
    if "quantity" in cols:
        q, bad, _ = to_number(table.col(cols["quantity"]), dc)
        if bad.any():  # "2 cups" in a quantity column: read it as an amount
            raw = table.col(cols["quantity"]).astype(str).str.strip()
            amt = [parse_amount(v, dc) if b else None for v, b in zip(raw, bad, strict=True)]
            for i in np.flatnonzero(bad.to_numpy()):
                if amt[i] is not None and not np.isnan(amt[i].quantity):
                    q.iloc[i] = amt[i].quantity
                    if amt[i].unit is not None:
                        unit.iloc[i] = amt[i].unit
                    grams.iloc[i] = amt[i].grams
            bad = bad & q.isna()
            rejects.add(bad, cell_reason(cols["quantity"], "not a quantity", raw))
        quantity = q.where(q.notna(), quantity)
    if "unit" in cols:
        u = table.col(cols["unit"]).astype(str).str.strip()
        uniq = pd.unique(u)
        canon = {v: canonical_unit(v) for v in uniq}
        given = u.map(canon)
        unit = given.where(given.notna(), unit)
        from nutrigap.io._quantity import grams_per

        per = unit.map(lambda x: grams_per(x) if isinstance(x, str) else np.nan).astype("float64")
        grams = grams.where(grams.notna(), quantity * per)
    if "grams" in cols:
        g, bad, suffix = to_number(table.col(cols["grams"]), dc)
        rejects.add(bad, cell_reason(cols["grams"], "not a number", table.col(cols["grams"])))
        if suffix is not None:
            from nutrigap.io._quantity import grams_per

            f = suffix.map(lambda x: grams_per(canonical_unit(x)) if isinstance(x, str) else 1.0)
            g = g * f.astype("float64").fillna(1.0)
        grams = g.where(g.notna(), grams)
    data["quantity"] = quantity
    data["unit"] = unit
    data["grams"] = grams
    if "meal" in cols:
        data["meal"] = table.col(cols["meal"]).astype(str).str.strip().replace("", None)
    if "person" in cols:
        person = table.col(cols["person"]).astype(str).str.strip()
        data["person"] = person.replace("", None)
    supp = unit.isin(DOSE_FORMS).to_numpy()
    if "supplement" in cols:
        s = table.col(cols["supplement"]).astype(str).str.strip().str.lower()
        supp = supp | s.isin(_TRUE).to_numpy()
    data["supplement"] = pd.Series(np.asarray(supp, dtype=bool))
    nutrients: dict[str, pd.Series] = {}
    for col in table.header:
        if col in cols.values():
            continue
        found = nutrient_column(col)
        if found is None or found[0] in nutrients or found[1] == "%":
            continue
        key, u = found
        factor = nutrient_factor(key, u, table.name, col)
        values, bad, _ = to_number(table.col(col), dc)
        rejects.add(bad, cell_reason(col, "not a number", table.col(col)))
        nutrients[key] = values * factor
    return finish(data, table, rejects, "csv", nutrients)
