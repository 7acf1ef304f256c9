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
    Factor,
    Rejects,
    Table,
    cell_reason,
    finish,
    load_source,
    norm_header,
    nutrient_column,
    nutrient_factor,
    parse_distinct_dates,
    read_table,
    to_number,
)
from nutrigap.io._quantity import DOSE_FORMS, canonical_unit, grams_per, parse_amount

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
    text, name, data = load_source(source, encoding)
    table = read_table(text, name, delimiter, data)
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
    # every column is parsed once per distinct (stripped) cell, then mapped back by code
    food = table.factor(cols["food"])
    data: dict[str, object] = {"food": food, "entry_type": "food"}
    if "date" in cols:
        raw = table.factor(cols["date"])
        if ffill_dates:
            raw = _ffill(raw)
        dates_u, bad_u = parse_distinct_dates(raw.uniques, dayfirst=dayfirst)
        rejects.add(raw.take(bad_u), cell_reason(cols["date"], "not a date", raw))
        rejects.add(raw.blank(), "missing date")
        data["date"] = raw.take(dates_u)
    rejects.add(food.blank(), "missing food")
    quantity = np.full(n, np.nan)
    unit = np.full(n, None, dtype=object)
    grams = np.full(n, np.nan)
    unit_f = None  # unit as (codes, distinct units) while it is known that way
    if "amount" in cols:
        raw = table.factor(cols["amount"])
        parsed = [parse_amount(u, dc) for u in raw.uniques.tolist()]
        q_u = np.array([a.quantity for a in parsed], dtype="float64")
        g_u = np.array([a.grams for a in parsed], dtype="float64")
        unit_u = np.array([a.unit for a in parsed] + [None], dtype=object)[:-1]
        quantity, unit, grams = raw.take(q_u), raw.take(unit_u), raw.take(g_u)
        unit_f = (raw.codes, unit_u)
        no_q = (raw.uniques != "") & np.isnan(q_u) & np.isnan(g_u)
        rejects.add(raw.take(no_q), cell_reason(cols["amount"], "no quantity in", raw))
    if "quantity" in cols:
        raw = table.factor(cols["quantity"])
        q_u, bad_u, _ = to_number(pd.Series(raw.uniques, dtype="object"), dc)
        q_u, bad_u = q_u.to_numpy(dtype="float64").copy(), bad_u.to_numpy(dtype=bool)
        if bad_u.any():  # "2 cups" in a quantity column: read it as an amount
            fixed = np.zeros(len(q_u), dtype=bool)
            fix_unit = np.full(len(q_u), None, dtype=object)
            fix_grams = np.full(len(q_u), np.nan)
            for i in np.flatnonzero(bad_u):
                a = parse_amount(raw.uniques[i], dc)
                if not np.isnan(a.quantity):
                    q_u[i], fixed[i], fix_unit[i], fix_grams[i] = a.quantity, True, a.unit, a.grams
            if fixed.any():
                rows = raw.take(fixed)
                u_rows = raw.take(fix_unit)
                unit = np.where(rows & (u_rows != None), u_rows, unit)  # noqa: E711
                unit_f = None
                grams = np.where(rows, raw.take(fix_grams), grams)
            bad_u = bad_u & np.isnan(q_u)
            rejects.add(raw.take(bad_u), cell_reason(cols["quantity"], "not a quantity", raw))
        q = raw.take(q_u)
        quantity = np.where(np.isnan(q), quantity, q)
    if "unit" in cols:
        raw = table.factor(cols["unit"])
        given = raw.take(np.array([canonical_unit(v) for v in raw.uniques] + [None])[:-1])
        unit = np.where(given != None, given, unit)  # noqa: E711
        unit_f = _factorize(unit)
        per = _per_unit(unit_f, lambda x: grams_per(x) if isinstance(x, str) else np.nan)
        grams = np.where(np.isnan(grams), quantity * per, grams)
    if "grams" in cols:
        raw = table.factor(cols["grams"])
        g_u, bad_u, suffix = to_number(pd.Series(raw.uniques, dtype="object"), dc)
        rejects.add(raw.take(bad_u.to_numpy()), cell_reason(cols["grams"], "not a number", raw))
        g_u = g_u.to_numpy(dtype="float64")
        if suffix is not None:
            f = [grams_per(canonical_unit(x)) if isinstance(x, str) else 1.0 for x in suffix]
            g_u = g_u * np.nan_to_num(np.asarray(f, dtype="float64"), nan=1.0)
        g = raw.take(g_u)
        grams = np.where(np.isnan(g), grams, g)
    data["quantity"] = quantity
    data["unit"] = unit
    data["grams"] = grams
    if "meal" in cols:
        data["meal"] = _blank_none(table.factor(cols["meal"]))
    if "person" in cols:
        data["person"] = _blank_none(table.factor(cols["person"]))
    supp = _per_unit(unit_f or _factorize(unit), lambda x: x in DOSE_FORMS).astype(bool)
    if "supplement" in cols:
        raw = table.factor(cols["supplement"])
        supp = supp | raw.take(np.array([v.lower() in _TRUE for v in raw.uniques], dtype=bool))
    data["supplement"] = np.asarray(supp, dtype=bool)
    nutrients: dict[str, np.ndarray] = {}
    for col in table.header:
        if col in cols.values():
            continue
        found = nutrient_column(col)
        if found is None or found[0] in nutrients or found[1] == "%":
            continue
        key, u = found
        factor = nutrient_factor(key, u, table.name, col)
        raw = table.factor(col)
        values, bad, _ = to_number(pd.Series(raw.uniques, dtype="object"), dc)
        rejects.add(raw.take(bad.to_numpy()), cell_reason(col, "not a number", raw))
        nutrients[key] = raw.take(values.to_numpy(dtype="float64") * factor)
    return finish(data, table, rejects, "csv", nutrients)


def _factorize(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(codes, uniques) of an object array; missing values get the last code."""
    codes, uniq = pd.factorize(values)
    uniq = np.array([*uniq.tolist(), None], dtype=object)
    return np.where(codes < 0, len(uniq) - 1, codes), uniq


def _per_unit(unit_f: tuple[np.ndarray, np.ndarray], fn) -> np.ndarray:
    """``fn`` of each distinct unit, mapped back to the rows."""
    codes, uniq = unit_f
    return np.array([fn(u) for u in uniq.tolist()] + [fn(None)])[:-1][codes]


def _blank_none(f: Factor) -> Factor:
    """Empty cells become missing (None) in a text column."""
    if not (f.uniques == "").any():
        return f
    u = f.uniques.copy()
    u[u == ""] = None
    return Factor(f.codes, u)


def _ffill(f: Factor) -> Factor:
    """Blank cells take the value of the nearest non-blank cell above."""
    blank = f.blank()
    if not blank.any():
        return f
    idx = np.where(blank, -1, np.arange(len(blank)))
    idx = np.maximum.accumulate(idx) if len(idx) else idx
    codes = np.where(idx >= 0, f.codes[np.maximum(idx, 0)], f.codes)
    return Factor(codes, f.uniques)
