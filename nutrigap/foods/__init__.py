"""Food matching and portions: from a canonical diary to a matched diary.

:func:`match_foods` adds to every diary row the food it means (a row of the
bundled USDA table, or FoodData Central) and the grams eaten; it works once per
distinct food text and once per distinct (food, unit), then joins back, so a
million-row diary costs little more than its distinct texts.
:func:`match_report` lists one row per distinct text for review; its ``food``
and ``food_id`` columns, edited, are an overrides file.

Every row ends with a ``status``:

``given``
    The row carries nutrient amounts already (an export's per-entry values) or
    is a summary row; it is not re-matched (``match_method`` "given").
``matched``
    A food was chosen and its grams resolved.
``unmatched``
    No food scored above the threshold (or the text is empty); the best
    candidates are in ``status_reason`` and in :func:`match_report`.
``unresolved``
    A food was chosen but its grams are unknown (no measure, no density, a
    result above 5 kg …); ``status_reason`` says why.

See :mod:`nutrigap.foods.matching` for the matching steps and score, and
:mod:`nutrigap.foods.portions` for the gram rules.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from nutrigap.foods.matching import (
    CLOSE_CALL,
    DEFAULT_THRESHOLD,
    Candidate,
    FoodIndex,
    food_index,
    load_aliases,
    load_overrides,
    match_texts,
)
from nutrigap.foods.normalize import leading_measure, normalize_food_text
from nutrigap.foods.portions import MAX_GRAMS, canonical_unit, portion_grams, resolve_grams

__all__ = [
    "match_foods",
    "match_report",
    "load_overrides",
    "load_aliases",
    "resolve_grams",
    "portion_grams",
    "normalize_food_text",
    "canonical_unit",
    "food_index",
    "FoodIndex",
    "Candidate",
    "DEFAULT_THRESHOLD",
    "CLOSE_CALL",
    "MAX_GRAMS",
    "MATCH_COLUMNS",
]

#: Columns :func:`match_foods` adds (``grams`` is replaced by the resolved grams).
MATCH_COLUMNS: tuple[str, ...] = (
    "food_id",
    "matched_description",
    "match_source",
    "match_score",
    "match_method",
    "runner_up_id",
    "runner_up_description",
    "runner_up_score",
    "grams",
    "grams_method",
    "status",
    "status_reason",
)

_STR_COLS = (
    "food_id",
    "matched_description",
    "match_source",
    "match_method",
    "runner_up_id",
    "runner_up_description",
    "grams_method",
    "status",
    "status_reason",
)


def _given_mask(diary: pd.DataFrame) -> np.ndarray:
    from nutrigap.nutrients import TRACKED

    mask = np.zeros(len(diary), dtype=bool)
    if "entry_type" in diary.columns:
        mask |= (diary["entry_type"].astype(object) == "summary").to_numpy(dtype=bool)
    cols = [c for c in TRACKED if c in diary.columns]
    if cols:
        vals = diary[cols].apply(pd.to_numeric, errors="coerce")
        mask |= vals.notna().any(axis=1).to_numpy()
    return mask


def _tables(foods, portions):
    from nutrigap.data import FOOD_SOURCES, load_portions

    if foods is None:
        foods = "sr28"
    if isinstance(foods, str):
        port = load_portions(foods) if portions is None else portions
        return foods, None, port
    if portions is None:
        srcs = (
            [s for s in pd.unique(foods["source"].astype(str)) if s in FOOD_SOURCES]
            if "source" in foods.columns
            else ["sr28"]
        )
        parts = [load_portions(s) for s in srcs]
        port = (
            pd.concat(parts, ignore_index=True)
            if parts
            else pd.DataFrame(columns=["food_id", "seq", "amount", "measure", "grams"])
        )
    else:
        port = portions
    return foods, foods, port


def match_foods(
    diary: pd.DataFrame,
    foods: pd.DataFrame | str | None = None,
    portions: pd.DataFrame | None = None,
    overrides: Mapping[str, str] | str | Path | pd.DataFrame | None = None,
    fdc: object | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    aliases: Mapping[str, str] | str | Path | pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Match each diary entry to a food and resolve its grams.

    Parameters
    ----------
    diary : DataFrame
        A canonical diary (:mod:`nutrigap.io`); only ``food`` is required,
        ``quantity``, ``unit``, ``grams``, ``entry_type`` and nutrient columns
        are used when present.
    foods : DataFrame or {"sr28", "fndds", "both"}, optional
        The food table (default the bundled SR28). With several sources, close
        calls go to FNDDS for dishes and to SR28 for single ingredients
        (:mod:`nutrigap.foods.matching`).
    portions : DataFrame, optional
        Household measures (default: the bundled ones of the table's sources).
    overrides : mapping, DataFrame or CSV path (``food,food_id``), optional
        Win over every other step (``match_method`` "override").
    fdc : object with ``search(query) -> (table, portions)``, optional
        E.g. :class:`nutrigap.fdc.FDCClient`; searched for texts still unmatched.
        Foods it supplies are returned in ``attrs["fdc_foods"]`` and
        ``attrs["fdc_portions"]`` (ids ``"fdc:<id>"``).
    threshold : float, default :data:`DEFAULT_THRESHOLD`
        Fuzzy scores below it leave a text unmatched.
    aliases : mapping, DataFrame or CSV path (``alias,food_id``), optional
        Everyday names; default the bundled ``aliases/aliases.csv`` when it
        exists. Pass ``{}`` to disable. Aliases naming foods absent from the
        table are skipped.

    Returns
    -------
    DataFrame
        The input rows in the same order with :data:`MATCH_COLUMNS` added
        (``grams`` now holds the resolved grams). ``attrs`` keeps the diary's
        and adds ``match_candidates`` (text → best candidates) for
        :func:`match_report`.

    Examples
    --------
    >>> import pandas as pd
    >>> d = pd.DataFrame({"food": ["Spinach, raw"], "quantity": [1.0], "unit": ["cup"]})
    >>> m = match_foods(d, aliases={})
    >>> m[["food_id", "grams", "status"]].to_dict("records")
    [{'food_id': '11457', 'grams': 30.0, 'status': 'matched'}]
    """
    if "food" not in diary.columns:
        from nutrigap.exceptions import MatchError

        raise MatchError("diary has no 'food' column")
    spec, table, port = _tables(foods, portions)
    n = len(diary)
    given = _given_mask(diary)
    food = diary["food"].astype(object).to_numpy()
    codes, uniques = pd.factorize(pd.Series(food, dtype=object), use_na_sentinel=True)
    # distinct texts that need matching
    need_codes = np.unique(codes[(~given) & (codes >= 0)])
    texts = [uniques[c] for c in need_codes]
    alias_map = load_aliases(aliases)
    ov_map = load_overrides(overrides)
    res, fdc_frames = match_texts(
        texts, spec, aliases=alias_map, overrides=ov_map, threshold=threshold, fdc=fdc
    )
    # per-code lookup arrays (code -1 / given handled below)
    pos = np.full(len(uniques) + 1, -1, dtype=np.int64)
    pos[need_codes] = np.arange(len(need_codes))
    row_pos = np.where((~given) & (codes >= 0), pos[codes], -1)
    take = np.where(row_pos >= 0, row_pos, 0)
    ok = row_pos >= 0

    def col(name, fill):
        if len(res) == 0:
            return np.full(n, fill, dtype=object)
        vals = res[name].to_numpy(dtype=object)[take]
        return np.where(ok, vals, fill)

    out = {c: col(c, None) for c in ("food_id", "matched_description", "match_source")}
    out["match_method"] = col("match_method", "none")
    out["match_score"] = col("match_score", np.nan).astype(np.float64)
    for c in ("runner_up_id", "runner_up_description"):
        out[c] = col(c, None)
    out["runner_up_score"] = col("runner_up_score", np.nan).astype(np.float64)
    status = col("status", "unmatched")
    reason = col("status_reason", "no food text")

    # portions: per distinct (food, unit)
    if fdc_frames:
        extra_p = [p for _, p in fdc_frames if p is not None and len(p)]
        if extra_p:
            port = pd.concat([port, *extra_p], ignore_index=True)
    qty = (
        pd.to_numeric(diary["quantity"], errors="coerce").to_numpy(dtype=np.float64)
        if "quantity" in diary.columns
        else np.full(n, np.nan)
    )
    unit = (
        diary["unit"].astype(object).to_numpy().copy()
        if "unit" in diary.columns
        else np.full(n, None, dtype=object)
    )
    unit = np.where(pd.isna(unit), None, unit)
    stated = (
        pd.to_numeric(diary["grams"], errors="coerce").to_numpy(dtype=np.float64)
        if "grams" in diary.columns
        else np.full(n, np.nan)
    )
    # quantities written into the text ("2 scrambled eggs", "handful of almonds")
    # are used only where the row has neither quantity nor unit
    bare = np.isnan(qty) & pd.isna(unit) & (codes >= 0)
    if bare.any():
        hints = {c: leading_measure(uniques[c]) for c in np.unique(codes[bare])}
        hq = np.array([hints[c][0] if b else np.nan for c, b in zip(codes, bare, strict=True)])
        hu = np.array([hints[c][1] if b else None for c, b in zip(codes, bare, strict=True)])
        qty = np.where(bare & ~np.isnan(hq), hq, qty)
        unit = np.where(bare & pd.notna(hu), hu, unit)
    matched = status == "matched"
    fid_for_grams = np.where(matched, out["food_id"], None)
    g = resolve_grams(fid_for_grams, qty, unit, port, stated=stated)
    grams = g["grams"].to_numpy(dtype=np.float64)
    gmethod = g["grams_method"].to_numpy(dtype=object)
    greason = g["reason"].to_numpy(dtype=object)
    unresolved = matched & np.isnan(grams)
    status = np.where(unresolved, "unresolved", status)
    reason = np.where(unresolved, greason, reason)
    # given rows
    out["match_method"] = np.where(given, "given", out["match_method"])
    status = np.where(given, "given", status)
    reason = np.where(given, "", reason)
    gmethod = np.where(given & np.isnan(stated), None, gmethod)
    grams = np.where(given, stated, grams)
    # unmatched rows keep stated grams
    reason = np.where(pd.isna(reason), "", reason)
    out["grams"] = grams
    out["grams_method"] = gmethod
    out["status"] = status
    out["status_reason"] = reason

    result = diary.copy()
    for c in MATCH_COLUMNS:
        v = out[c]
        if c in _STR_COLS:
            result[c] = pd.array(np.where(pd.isna(v), None, v).astype(object), dtype="str")
        else:
            result[c] = np.asarray(v, dtype=np.float64)
    result.attrs = dict(diary.attrs)
    result.attrs["match_candidates"] = (
        dict(zip(res["food"], res["candidates"], strict=True)) if len(res) else {}
    )
    if fdc_frames:
        result.attrs["fdc_foods"] = pd.concat([t for t, _ in fdc_frames])
        result.attrs["fdc_portions"] = pd.concat(
            [p for _, p in fdc_frames if p is not None], ignore_index=True
        )
    return result


_STATUS_ORDER = {"unmatched": 0, "unresolved": 1, "matched": 2, "given": 3}


def match_report(matched: pd.DataFrame) -> pd.DataFrame:
    """One row per distinct food text, for review and overrides.

    Parameters
    ----------
    matched : DataFrame
        Output of :func:`match_foods`.

    Returns
    -------
    DataFrame
        Columns ``food``, ``n_entries``, ``n_unresolved``, ``food_id``,
        ``matched_description``, ``score``, ``method``, ``source``,
        ``runner_up_id``, ``runner_up_description``, ``runner_up_score``,
        ``candidates`` (top 3 as "id description (score)"), ``status``
        (the worst of the text's rows: unmatched, unresolved, matched, given)
        and ``reason``. Sorted unmatched first, then by score (lowest first),
        then by number of entries. ``report[["food", "food_id"]]``, corrected
        and saved as CSV, is an overrides file for :func:`match_foods`.
    """
    missing = [c for c in ("food", "status", "food_id") if c not in matched.columns]
    if missing:
        from nutrigap.exceptions import MatchError

        raise MatchError(f"not a matched diary (missing {missing}); run match_foods first")
    df = pd.DataFrame(
        {
            "food": matched["food"].astype(object),
            "status": matched["status"].astype(object),
            "food_id": matched["food_id"].astype(object),
            "matched_description": matched["matched_description"].astype(object),
            "score": matched["match_score"],
            "method": matched["match_method"].astype(object),
            "source": matched["match_source"].astype(object),
            "runner_up_id": matched["runner_up_id"].astype(object),
            "runner_up_description": matched["runner_up_description"].astype(object),
            "runner_up_score": matched["runner_up_score"],
            "reason": matched["status_reason"].astype(object),
        }
    )
    df["food"] = df["food"].where(df["food"].notna(), "")
    df["_rank"] = df["status"].map(_STATUS_ORDER).fillna(0)
    df["_unres"] = df["status"] == "unresolved"
    df = df.sort_values(["food", "_rank"], kind="stable")
    first = df.groupby("food", sort=False).head(1).set_index("food")
    counts = df.groupby("food", sort=False).agg(
        n_entries=("status", "size"), n_unresolved=("_unres", "sum")
    )
    rep = first.join(counts)
    cands = matched.attrs.get("match_candidates", {})
    rep["candidates"] = [cands.get(f, "") for f in rep.index]
    rep = rep.reset_index()
    rep = rep.sort_values(
        ["_rank", "score", "n_entries", "food"],
        ascending=[True, True, False, True],
        kind="stable",
        na_position="first",
    )
    cols = [
        "food",
        "n_entries",
        "n_unresolved",
        "food_id",
        "matched_description",
        "score",
        "method",
        "source",
        "runner_up_id",
        "runner_up_description",
        "runner_up_score",
        "candidates",
        "status",
        "reason",
    ]
    return rep[cols].reset_index(drop=True)
