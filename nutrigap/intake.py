"""From a matched diary to nutrient amounts per entry and per day, with coverage.

Three steps, all vectorised (no Python loop over rows):

1. :func:`entry_contributions` gives every entry its amount of each nutrient in
   the canonical unit: ``grams x value per 100 g / 100`` for entries matched
   to a food (the per-100 g values are joined by ``food_id`` once), or the
   export's own amounts for entries that carry them (see *Export amounts*).
   NaN means *no data* (the food has no value, or the entry is unmatched or
   its grams are unknown); it is never read as zero.
2. :func:`daily_totals` sums the entries of each person and day (rows without
   a date, ``NaT``, form one day per person). A day's total is the sum of the
   known amounts, NaN only when no entry of that day has a value.
3. :func:`daily_coverage` / :func:`coverage` say how far those totals can be
   trusted: for each nutrient, the share of the day's food mass whose food has
   a value for it (see :func:`daily_coverage`).

Summary rows (``entry_type == "summary"``, e.g. a MyFitnessPal per-meal total)
count only on days of a person that have no food entries, so totals never add
an export's summary to its own entries; if such a day has both daily rows
(``meal`` missing) and per-meal rows, only the daily rows count.

Export amounts
--------------
An entry *carries amounts* when it has a value in at least one nutrient
column (an export row: Cronometer, MyFitnessPal). For such an entry each
nutrient (and ``folic_acid``) is taken, separately:

* from the export, wherever the export has that nutrient's column, i.e. the
  column exists and holds a value in at least one row of the entry's
  ``source_file`` (of the whole diary without ``source_file``). A blank cell
  in such a column stays *no data*: Cronometer leaves unknown values blank;
* from the matched food's table value x ``grams / 100`` where the export has
  no such column (absent, or blank in every row of that source file), e.g.
  magnesium for a MyFitnessPal export that lists only potassium and calcium,
  or vitamin D for a Cronometer export without its column. This needs the
  row matched (:func:`nutrigap.match_foods` matches export rows whenever
  their file lacks a tracked nutrient column, except supplements, whose
  contents are the diary's alone); otherwise it stays *no data*.

``amount_source`` says where an entry's amounts came from: ``"export"`` (all
from the export, whatever the match status: an unmatched export row still
counts its own values), ``"mixed"`` (the export's columns from the export, the
others from the food table), ``"food table"`` (an entry without amounts of its
own, matched) or ``"none"``. An entry with no value in any nutrient column is
counted from the food table like a free-text entry.

Synthetic forms for the Tolerable Upper Intake Levels
-----------------------------------------------------
``folic_acid`` (µg)
    Folic acid from fortified foods (the food table's ``folic_acid`` column,
    USDA SR28 nutrient 431) plus supplements. A supplement's folate is in µg
    DFE; taken with food, 1 µg folic acid = 1.7 µg DFE (IOM 1998, ch. 8), so
    its folic acid is ``folate / 1.7``.
``supplement_magnesium``, ``supplement_niacin`` (mg)
    Amounts from entries flagged ``supplement``: the magnesium UL covers
    supplements and medicines only (IOM 1997); the niacin UL covers supplements
    and fortified foods, but the food tables give no separate value for added
    niacin, so only supplements are counted.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from nutrigap.nutrients import NUTRIENTS

__all__ = [
    "NUTRIENT_KEYS",
    "EXTRA_KEYS",
    "NOMINAL_GRAMS",
    "DFE_PER_FOLIC_ACID",
    "entry_contributions",
    "daily_totals",
    "daily_coverage",
    "coverage",
    "day_keys",
    "export_presence",
]

#: Every nutrient of the catalog (tracked and context), in catalog order.
NUTRIENT_KEYS: tuple[str, ...] = tuple(NUTRIENTS)

#: Extra per-entry columns used for the ULs on synthetic or supplemental forms.
EXTRA_KEYS: tuple[str, ...] = ("folic_acid", "supplement_magnesium", "supplement_niacin")

#: Mass (g) given, for coverage only, to an entry whose grams are unknown when
#: the diary has no entry with known grams to take the median of.
NOMINAL_GRAMS: float = 100.0

#: µg DFE per µg folic acid taken with food (IOM 1998, Dietary Reference
#: Intakes for Thiamin ... Folate ..., ch. 8, Table 8-1).
DFE_PER_FOLIC_ACID: float = 1.7


def _bool_col(df: pd.DataFrame, name: str) -> np.ndarray:
    if name not in df.columns:
        return np.zeros(len(df), dtype=bool)
    col = df[name]
    return col.fillna(False).astype(bool).to_numpy()


def _str_col(df: pd.DataFrame, name: str, default: str) -> np.ndarray:
    if name not in df.columns:
        return np.full(len(df), default, dtype=object)
    v = df[name].astype(object).to_numpy()
    return np.where(pd.isna(v), default, v)


def _float_col(df: pd.DataFrame, name: str) -> np.ndarray:
    if name not in df.columns:
        return np.full(len(df), np.nan)
    return pd.to_numeric(df[name], errors="coerce").to_numpy(dtype=np.float64)


def export_presence(df: pd.DataFrame, cols: list[str]) -> np.ndarray:
    """Whether each row's export has each column (see *Export amounts* above).

    Returns a boolean array ``(len(df), len(cols))``: the column exists and
    holds a value in at least one row of the row's ``source_file`` (of the
    whole frame when there is no ``source_file`` column).
    """
    n = len(df)
    have = [c for c in cols if c in df.columns]
    out = np.zeros((n, len(cols)), dtype=bool)
    if not have or n == 0:
        return out
    notna = df[have].apply(pd.to_numeric, errors="coerce").notna().to_numpy()
    if "source_file" in df.columns:
        codes, uniq = pd.factorize(df["source_file"].astype(object), use_na_sentinel=False)
    else:
        codes, uniq = np.zeros(n, dtype=np.int64), [None]
    per_file = np.zeros((len(uniq), len(have)), dtype=bool)
    np.logical_or.at(per_file, codes, notna)
    idx = [cols.index(c) for c in have]
    out[:, idx] = per_file[codes]
    return out


def day_keys(df: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Return ``(person, date)`` arrays identifying each row's day.

    ``person`` is ``""`` where absent; ``date`` is datetime64[ns] with NaT for
    undated rows (NaT rows of one person form one day).
    """
    person = _str_col(df, "person", "")
    person = np.array([str(p) for p in person], dtype=object)
    if "date" in df.columns:
        date = pd.to_datetime(df["date"]).dt.normalize().to_numpy(dtype="datetime64[ns]")
    else:
        date = np.full(len(df), np.datetime64("NaT"), dtype="datetime64[ns]")
    return person, date


def _per100(foods: pd.DataFrame | None, ids: np.ndarray, cols: list[str]) -> np.ndarray:
    """Per-100 g values of ``cols`` for each id (NaN where unknown), one join."""
    out = np.full((len(ids), len(cols)), np.nan)
    if foods is None or len(ids) == 0:
        return out
    have = [c for c in cols if c in foods.columns]
    table = foods[have]
    if not table.index.is_unique:
        table = table[~table.index.duplicated(keep="first")]
    codes, uniq = pd.factorize(pd.Series(ids, dtype=object), use_na_sentinel=True)
    vals = table.reindex(pd.Index(uniq, dtype=object)).to_numpy(dtype=np.float64)
    ok = codes >= 0
    for j, c in enumerate(cols):
        if c in have:
            col = vals[:, have.index(c)]
            out[ok, j] = col[codes[ok]]
    return out


def entry_contributions(matched: pd.DataFrame, foods: pd.DataFrame | None = None) -> pd.DataFrame:
    """Nutrient amounts of every entry of a matched diary.

    Parameters
    ----------
    matched : pandas.DataFrame
        A matched diary (:func:`nutrigap.match_foods`): ``status``,
        ``food_id``, ``grams`` and, for ``"given"`` rows, nutrient columns
        holding the entry's own amounts in canonical units.
    foods : pandas.DataFrame, optional
        The food table the ``food_id`` values refer to (indexed by food_id,
        per-100 g columns). Foods from FoodData Central found during matching
        (``matched.attrs["fdc_foods"]``) are added automatically.

    Returns
    -------
    pandas.DataFrame
        The diary's rows in the same order and index, with its descriptive
        columns, then one float column per nutrient key of
        :data:`nutrigap.NUTRIENTS` (that entry's amount, canonical unit, NaN =
        no data) and :data:`EXTRA_KEYS`; plus ``counted`` (the entry adds to
        the day's totals), ``amount_source`` (``"export"``, ``"mixed"``,
        ``"food table"`` or ``"none"``; see *Export amounts* in
        :mod:`nutrigap.intake`), ``food_entry`` (a food or supplement entry, not a
        summary row) and ``mass_g`` (grams used for coverage, with the median
        of known grams, else :data:`NOMINAL_GRAMS`, for entries whose grams are
        unknown).

    Examples
    --------
    >>> import pandas as pd
    >>> from nutrigap.data import load_food_table
    >>> m = pd.DataFrame({"food": ["spinach"], "food_id": ["11457"], "grams": [50.0],
    ...                   "status": ["matched"]})
    >>> float(entry_contributions(m, load_food_table())["magnesium"].iloc[0])  # 79 mg/100 g
    39.5
    """
    n = len(matched)
    if "fdc_foods" in matched.attrs and foods is not None:
        extra = matched.attrs["fdc_foods"]
        foods = pd.concat([foods, extra[[c for c in extra.columns if c in foods.columns]]])
    elif "fdc_foods" in matched.attrs:
        foods = matched.attrs["fdc_foods"]
    status = _str_col(matched, "status", "")
    if "status" not in matched.columns:
        raise ValueError("not a matched diary (no 'status' column); run nutrigap.match_foods first")
    entry_type = _str_col(matched, "entry_type", "food")
    summary = entry_type == "summary"
    supplement = _bool_col(matched, "supplement")
    grams = _float_col(matched, "grams")
    food_ids = matched["food_id"].astype(object).to_numpy() if "food_id" in matched else None
    # an entry that carries amounts of its own (an export row) takes each nutrient from
    # the export where its file has that column, else from the matched food
    own_cols = [k for k in NUTRIENT_KEYS if k in matched.columns]
    own = (
        matched[own_cols].apply(pd.to_numeric, errors="coerce").notna().any(axis=1).to_numpy()
        if own_cols
        else np.zeros(n, dtype=bool)
    )
    keys = list(NUTRIENT_KEYS)
    cols = [*keys, "folic_acid"]
    exported = np.column_stack([_float_col(matched, k) for k in cols]) if n else np.empty((0, 0))
    present = export_presence(matched, cols) & own[:, None] if n else np.empty((0, len(cols)))
    is_given = (status == "given") | own
    is_matched = status == "matched"

    per100 = _per100(
        foods,
        np.where(is_matched, food_ids, None) if food_ids is not None else np.full(n, None),
        cols,
    )
    from_table = per100 * (grams / 100.0)[:, None]
    from_table[~is_matched] = np.nan
    if n == 0:
        exported = np.empty((0, len(cols)))
        present = np.zeros((0, len(cols)), dtype=bool)
    values = np.where(present, exported, from_table)
    amounts = values[:, : len(keys)]
    # table amounts were used for some nutrient of an entry with its own amounts
    mixed = own & is_matched & ~present[:, : len(keys)].all(axis=1)
    folic = values[:, len(keys)]
    # a supplement's folate (µg DFE) is taken to be folic acid taken with food
    folate = amounts[:, keys.index("folate")]
    folic = np.where(supplement & np.isnan(folic), folate / DFE_PER_FOLIC_ACID, folic)

    out = matched.copy()
    out.attrs = dict(matched.attrs)
    for j, k in enumerate(keys):
        out[k] = amounts[:, j]
    out["folic_acid"] = folic
    sup_mg = amounts[:, keys.index("magnesium")]
    sup_ni = amounts[:, keys.index("niacin")]
    out["supplement_magnesium"] = np.where(supplement, sup_mg, 0.0)
    out["supplement_niacin"] = np.where(supplement, sup_ni, 0.0)

    # which rows count: food entries always; summary rows only on days without food entries
    counted = (is_matched | is_given) & ~summary
    food_entry = ~summary
    if summary.any():
        person, date = day_keys(matched)
        day = pd.MultiIndex.from_arrays([person, date])
        days_with_food = set(day[food_entry])
        sum_day = np.array([d not in days_with_food for d in day]) & summary & is_given
        meal = _str_col(matched, "meal", "")
        daily_row = sum_day & (meal == "")
        days_daily = set(day[daily_row])
        sum_day &= daily_row | np.array([d not in days_daily for d in day])
        counted |= sum_day
        food_entry = food_entry | sum_day
    out["amount_source"] = np.select(
        [mixed, is_given, is_matched], ["mixed", "export", "food table"], default="none"
    )
    out["counted"] = counted
    out["food_entry"] = food_entry
    known = grams[food_entry & ~np.isnan(grams) & (grams > 0)]
    nominal = float(np.median(known)) if len(known) else NOMINAL_GRAMS
    out["mass_g"] = np.where(np.isnan(grams), nominal, grams)
    return out


def _group(entries: pd.DataFrame) -> tuple[pd.MultiIndex, np.ndarray]:
    person, date = day_keys(entries)
    key = pd.MultiIndex.from_arrays([person, date], names=["person", "date"])
    codes, uniq = pd.factorize(key, sort=True)
    return uniq, codes


def _sum_by(codes: np.ndarray, n_groups: int, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sum of non-NaN values and count of non-NaN values per group, per column."""
    vals = np.nan_to_num(values, nan=0.0)
    has = ~np.isnan(values)
    total = np.zeros((n_groups, values.shape[1]))
    count = np.zeros((n_groups, values.shape[1]))
    np.add.at(total, codes, vals)
    np.add.at(count, codes, has)
    return total, count


def daily_totals(entries: pd.DataFrame) -> pd.DataFrame:
    """Sum entry amounts per person and day.

    Parameters
    ----------
    entries : pandas.DataFrame
        Output of :func:`entry_contributions`.

    Returns
    -------
    pandas.DataFrame
        One row per person and day (sorted; undated entries form one day,
        ``date`` NaT), columns ``person``, ``date``, ``n_entries`` (rows of the
        diary that day), ``n_counted`` (rows adding to totals), ``grams``
        (known grams of food entries), then one column per nutrient key and
        :data:`EXTRA_KEYS`: the sum of the known amounts (canonical unit), NaN
        when no entry of the day has a value.
    """
    uniq, codes = _group(entries)
    g = len(uniq)
    cols = [*NUTRIENT_KEYS, *EXTRA_KEYS]
    counted = entries["counted"].to_numpy(dtype=bool)
    vals = entries[cols].to_numpy(dtype=np.float64).copy()
    vals[~counted] = np.nan
    total, count = _sum_by(codes, g, vals)
    total = np.where(count > 0, total, np.nan)
    # supplements-only amounts are 0 on days without supplements, not "no data"
    for j, c in enumerate(cols):
        if c.startswith("supplement_"):
            total[:, j] = np.nan_to_num(total[:, j], nan=0.0)
    n_entries = np.bincount(codes, minlength=g) if len(codes) else np.zeros(0, int)
    n_counted = np.bincount(codes, weights=counted, minlength=g) if len(codes) else np.zeros(0)
    grams = _float_col(entries, "grams")
    fe = entries["food_entry"].to_numpy(dtype=bool) & counted
    gsum = np.bincount(codes, weights=np.where(fe, np.nan_to_num(grams), 0.0), minlength=g)
    out = pd.DataFrame(
        {
            "person": pd.array(uniq.get_level_values(0).astype(str), dtype="str"),
            "date": uniq.get_level_values(1),
            "n_entries": n_entries.astype(np.int64),
            "n_counted": n_counted.astype(np.int64),
            "grams": gsum if len(codes) else np.zeros(0),
        }
    )
    for j, c in enumerate(cols):
        out[c] = total[:, j]
    return out


def daily_coverage(entries: pd.DataFrame) -> pd.DataFrame:
    """Share of each day's food mass whose food has a value for each nutrient.

    For a person's day and a nutrient, coverage is the mass (``mass_g``) of
    the day's counted, non-supplement entries with a value for the nutrient,
    divided by the mass of all of the day's non-supplement food entries,
    matched or not. Unmatched and unresolved entries therefore lower the
    coverage of every nutrient (they are food eaten without data), and a food
    with no value for a nutrient lowers that nutrient's coverage (missing is
    not zero). Entries whose grams are unknown weigh the median grams of the
    diary's entries (see :func:`entry_contributions`).

    Returns
    -------
    pandas.DataFrame
        Same rows as :func:`daily_totals` (``person``, ``date``), one column
        per nutrient key, values in [0, 1] (NaN on a day with no food mass).
    """
    uniq, codes = _group(entries)
    g = len(uniq)
    keys = list(NUTRIENT_KEYS)
    food = entries["food_entry"].to_numpy(dtype=bool) & ~_bool_col(entries, "supplement")
    counted = entries["counted"].to_numpy(dtype=bool)
    mass = entries["mass_g"].to_numpy(dtype=np.float64)
    mass = np.where(food, mass, 0.0)
    vals = entries[keys].to_numpy(dtype=np.float64)
    has = (~np.isnan(vals)) & (counted & food)[:, None]
    num = np.zeros((g, len(keys)))
    np.add.at(num, codes, has * mass[:, None])
    den = np.bincount(codes, weights=mass, minlength=g) if len(codes) else np.zeros(0)
    with np.errstate(invalid="ignore", divide="ignore"):
        cov = np.where(den[:, None] > 0, num / den[:, None], np.nan)
    out = pd.DataFrame(
        {
            "person": pd.array(uniq.get_level_values(0).astype(str), dtype="str"),
            "date": uniq.get_level_values(1),
        }
    )
    for j, k in enumerate(keys):
        out[k] = cov[:, j]
    return out


def coverage(entries: pd.DataFrame) -> pd.Series:
    """Coverage of each nutrient averaged over the logged days (0 to 1).

    Returns
    -------
    pandas.Series
        Indexed by nutrient key; 0 when no food entry has data (e.g. biotin in
        SR28), NaN only for a diary without food entries.
    """
    cov = daily_coverage(entries)[list(NUTRIENT_KEYS)]
    return cov.mean(axis=0, skipna=True).rename("coverage")
