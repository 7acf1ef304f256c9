"""Food matching and portions: from a canonical diary to a matched diary.

:func:`match_foods` adds to every diary row the food it means (a row of the
bundled USDA table, or FoodData Central) and the grams eaten; it works once per
distinct food text and once per distinct (food, unit), then joins back, so a
million-row diary costs little more than its distinct texts.
:func:`match_report` lists one row per distinct text for review; its ``food``
and ``food_id`` columns, edited, are an overrides file.

Every row ends with a ``status``:

``given``
    The row is a summary row, a supplement with nutrient amounts, or carries
    nutrient amounts (an export's per-entry values) and its export has a
    column for every tracked nutrient (:data:`nutrigap.TRACKED`); it is not
    matched (``match_method`` "given").
    An export food row whose file lacks some tracked nutrient's column (absent, or
    blank in every row of its ``source_file``; e.g. a MyFitnessPal export with
    only potassium and calcium, a Cronometer export without vitamin D) is
    matched and its grams resolved like any entry, and ends ``matched``,
    ``unmatched`` or ``unresolved``; :mod:`nutrigap.intake` then takes each
    nutrient from the export where it has the column and from the matched
    food otherwise (``amount_source`` "mixed"), and an unmatched export row
    still counts its own values.
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
    "CandidateMap",
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


class CandidateMap(dict):
    """Food text → its best candidates ("id description (score); …"), shared, not copied.

    :func:`match_foods` keeps the candidates of every distinct text in
    ``attrs["match_candidates"]`` for :func:`match_report`. pandas deep-copies
    ``attrs`` on every operation that returns a new frame, which for thousands
    of texts cost more than the operations themselves (0.35 s in one
    analysis); this mapping is treated as read-only, so a copy is the same
    object (``copy.deepcopy`` returns it unchanged). It is a ``dict`` otherwise
    (JSON-serialisable, ``.get``, ``.items``). Build a new one rather than
    editing it in place.
    """

    __slots__ = ()

    def __deepcopy__(self, memo: dict) -> CandidateMap:
        return self

    def __copy__(self) -> CandidateMap:
        return self


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
    """Rows not to match: summaries, supplements with amounts, fully exported rows.

    A food row with its own amounts is left alone (``"given"``) only when its
    export has a column for every tracked nutrient: the column exists and holds
    a value in some row of the same ``source_file`` (of the whole diary without
    one). Otherwise it is matched like any entry, so that :mod:`nutrigap.intake`
    can take the nutrients the export lacks from the food table. A
    ``supplement`` row with amounts is never matched (there is no supplement
    table).
    """
    from nutrigap.nutrients import TRACKED

    n = len(diary)
    mask = np.zeros(n, dtype=bool)
    if "entry_type" in diary.columns:
        mask |= (diary["entry_type"].astype(object) == "summary").to_numpy(dtype=bool)
    cols = [c for c in TRACKED if c in diary.columns]
    if cols and n:
        notna = diary[cols].apply(pd.to_numeric, errors="coerce").notna().to_numpy()
        own = notna.any(axis=1)
        if "supplement" in diary.columns:
            # a supplement's contents are the diary's: there is no supplement table
            mask |= own & diary["supplement"].fillna(False).astype(bool).to_numpy()
        if len(cols) == len(TRACKED):
            if "source_file" in diary.columns:
                codes, uniq = pd.factorize(
                    diary["source_file"].astype(object), use_na_sentinel=False
                )
            else:
                codes, uniq = np.zeros(n, dtype=np.int64), [None]
            per_file = np.zeros((len(uniq), len(cols)), dtype=bool)
            np.logical_or.at(per_file, codes, notna)
            mask |= own & per_file.all(axis=1)[codes]
    return mask


def _tables(foods, portions):
    from nutrigap.data import FOOD_SOURCES, load_portions

    if foods is None:
        foods = "both"
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
    candidates: bool = True,
    context: str = "diary",
) -> pd.DataFrame:
    """Match each diary entry to a food and resolve its grams.

    Parameters
    ----------
    diary : DataFrame
        A canonical diary (:mod:`nutrigap.io`); only ``food`` is required,
        ``quantity``, ``unit``, ``grams``, ``entry_type`` and nutrient columns
        are used when present.
    foods : DataFrame or {"sr28", "fndds", "both"}, optional
        The food table (default ``"both"``: the bundled SR28 and FNDDS).
        Overrides, aliases and exact descriptions answer from either table;
        fuzzy matching of a dish ("turkey sandwich") uses both, preferring
        FNDDS in close calls, and of a single ingredient SR28 only
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
    candidates : bool, default True
        Score fuzzy candidates (runner-up, ``candidates`` in the match report)
        for texts answered by an override, alias or exact description too.
        False skips that search (batch runs do): those texts have no runner-up.
    context : {"diary", "recipe"}, default "diary"
        A diary names its foods as eaten ("1 cup rice": cooked rice); a
        recipe's ingredient list as bought ("1 c jasmine rice": the dry grain,
        "8 oz ground beef" raw). With ``"recipe"``, an entry naming no state
        takes the raw or dry form of its food where SR28 has one.

    Returns
    -------
    DataFrame
        The input rows in the same order with :data:`MATCH_COLUMNS` added
        (``grams`` now holds the resolved grams). ``attrs`` keeps the diary's
        and adds ``match_candidates`` (text → best candidates, a
        :class:`CandidateMap` that pandas shares instead of copying) for
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
    codes, uniques = pd.factorize(diary["food"], use_na_sentinel=True)
    uniques = np.asarray(uniques, dtype=object)
    # 1. match each distinct text that has a row to match
    needed = np.zeros(len(uniques), dtype=bool)
    needed[codes[(~given) & (codes >= 0)]] = True
    need_codes = np.flatnonzero(needed)
    res, fdc_frames = match_texts(
        [uniques[c] for c in need_codes],
        spec,
        aliases=load_aliases(aliases),
        overrides=load_overrides(overrides),
        threshold=threshold,
        fdc=fdc,
        candidates=candidates,
        context=context,
    )
    m = len(need_codes)
    # per-text table R: rows 0..m-1 the texts, m "no food text", m+1 "given"
    pos = np.full(len(uniques), m, dtype=np.int64)
    pos[need_codes] = np.arange(m)
    row_pos = np.where(given, m + 1, np.where(codes >= 0, pos[codes], m))

    def table_col(name, no_text, given_value):
        vals = res[name].to_numpy(dtype=object) if m else np.empty(0, dtype=object)
        return np.concatenate([vals, np.array([no_text, given_value], dtype=object)])

    R = {
        c: table_col(c, None, None)
        for c in (
            "food_id",
            "matched_description",
            "match_source",
            "runner_up_id",
            "runner_up_description",
        )
    }
    R["match_method"] = table_col("match_method", "none", "given")
    R["status"] = table_col("status", "unmatched", "given")
    R["status_reason"] = table_col("status_reason", "no food text", "")
    R["match_score"] = table_col("match_score", np.nan, np.nan).astype(np.float64)
    R["runner_up_score"] = table_col("runner_up_score", np.nan, np.nan).astype(np.float64)

    # 2. grams, once per distinct (food, unit, bare)
    if fdc_frames:
        extra_p = [p for _, p in fdc_frames if p is not None and len(p)]
        if extra_p:
            port = pd.concat([port, *extra_p], ignore_index=True)
    qty = (
        pd.to_numeric(diary["quantity"], errors="coerce").to_numpy(dtype=np.float64)
        if "quantity" in diary.columns
        else np.full(n, np.nan)
    )
    if "unit" in diary.columns:
        ucodes, uvals = pd.factorize(diary["unit"], use_na_sentinel=True)
        uvals = [canonical_unit(u) for u in np.asarray(uvals, dtype=object)]
    else:
        ucodes, uvals = np.full(n, -1, dtype=np.int64), []
    stated = (
        pd.to_numeric(diary["grams"], errors="coerce").to_numpy(dtype=np.float64)
        if "grams" in diary.columns
        else np.full(n, np.nan)
    )
    vocab = list(dict.fromkeys([*uvals, ""]))
    uid = {u: i for i, u in enumerate(vocab)}
    to_vocab = np.asarray([uid[u] for u in uvals] + [uid[""]], dtype=np.int64)
    unit_code = to_vocab[ucodes]  # -1 (no unit) -> last entry: ""
    # quantities written into the text ("2 scrambled eggs", "handful of almonds")
    # are used only where the row has neither quantity nor unit
    bare = np.isnan(qty) & (unit_code == uid[""]) & (codes >= 0) & ~given
    if bare.any():
        bare_codes = np.unique(codes[bare])
        hint_q = np.full(len(uniques), np.nan)
        hint_u = np.full(len(uniques), uid[""], dtype=np.int64)
        for c in bare_codes:
            q, u = leading_measure(uniques[c])
            hint_q[c] = q
            if u:
                if u not in uid:
                    uid[u] = len(vocab)
                    vocab.append(u)
                hint_u[c] = uid[u]
        hq = hint_q[codes]
        qty = np.where(bare & ~np.isnan(hq), hq, qty)
        unit_code = np.where(bare, hint_u[codes], unit_code)
    is_bare = np.isnan(qty) & (unit_code == uid[""])
    matched_r = R["status"] == "matched"
    food_pos = np.where(matched_r, np.arange(m + 2), -1)[row_pos]
    food_ids = R["food_id"]
    grams, gm_code, pair_reason = _grams_by_pair(
        food_pos, food_ids, unit_code, vocab, is_bare, qty, stated, port
    )

    # 3. status and reasons
    status_r = np.select(
        [R["status"] == s for s in _STATUSES], np.arange(len(_STATUSES)), default=2
    )
    status_code = status_r[row_pos]
    unresolved = (status_code == 0) & np.isnan(grams)
    status_code = np.where(unresolved, 3, status_code)
    reason_tab = np.concatenate(
        [
            np.where(pd.isna(R["status_reason"]), "", R["status_reason"]).astype(object),
            np.asarray(pair_reason[0], dtype=object),
        ]
    )
    reason_code = np.where(unresolved, len(R["status_reason"]) + pair_reason[1], row_pos)
    grams = np.where(given, stated, grams)
    gm_code = np.where(given & np.isnan(stated), 0, gm_code)

    result = diary.copy()

    def put(name, small, index):
        result[name] = pd.array(small, dtype="str").take(index)

    for c in ("food_id", "matched_description", "match_source"):
        put(c, R[c], row_pos)
    result["match_score"] = R["match_score"][row_pos]
    put("match_method", R["match_method"], row_pos)
    for c in ("runner_up_id", "runner_up_description"):
        put(c, R[c], row_pos)
    result["runner_up_score"] = R["runner_up_score"][row_pos]
    result["grams"] = grams
    put("grams_method", np.asarray(_GRAMS_METHODS, dtype=object), gm_code)
    put("status", np.asarray(_STATUSES, dtype=object), status_code)
    put("status_reason", reason_tab, reason_code)
    result.attrs = dict(diary.attrs)
    result.attrs["match_candidates"] = CandidateMap(
        zip(res["food"], res["candidates"], strict=True) if len(res) else ()
    )
    if fdc_frames:
        result.attrs["fdc_foods"] = pd.concat([t for t, _ in fdc_frames])
        result.attrs["fdc_portions"] = pd.concat(
            [p for _, p in fdc_frames if p is not None], ignore_index=True
        )
    return result


_STATUSES = ("matched", "given", "unmatched", "unresolved")
_GRAMS_METHODS = (None, "stated", "mass", "portion", "volume", "count", "default")


def _grams_by_pair(food_pos, food_ids, unit_code, vocab, is_bare, qty, stated, port):
    """Grams per row, resolving each distinct (food, unit, bare) once.

    Returns grams, a code into :data:`_GRAMS_METHODS` per row, and
    ``(reasons, reason_index_per_row)`` for unresolved rows.
    """
    from nutrigap.foods.portions import _grams_for_pairs

    n = len(food_pos)
    has_stated = ~np.isnan(stated)
    need = (food_pos >= 0) & ~has_stated
    grams = np.full(n, np.nan)
    gm = np.zeros(n, dtype=np.int64)
    reason_idx = np.zeros(n, dtype=np.int64)
    reasons: list[str] = [""]
    if need.any():
        key = (food_pos[need] * (len(vocab) + 1) + unit_code[need]) * 2 + is_bare[need]
        inv, uniq = pd.factorize(key)
        first = np.zeros(len(uniq), dtype=np.int64)
        first[inv[::-1]] = np.arange(len(inv))[::-1]
        rows = np.flatnonzero(need)[first]
        per, meth, why = _grams_for_pairs(
            [str(food_ids[food_pos[r]]) for r in rows],
            [vocab[unit_code[r]] for r in rows],
            is_bare[rows],
            port,
        )
        mcode = np.asarray([_GRAMS_METHODS.index(x or None) for x in meth], dtype=np.int64)
        rcode = np.zeros(len(uniq), dtype=np.int64)
        for i, w in enumerate(why):
            if w:
                rcode[i] = len(reasons)
                reasons.append(w)
        q = qty[need]
        g = per[inv] * np.where(np.isnan(q), 1.0, q)
        r = rcode[inv]
        mc = mcode[inv]
        big = g > MAX_GRAMS
        if big.any():
            big_reason = len(reasons)
            reasons.append(f"more than {MAX_GRAMS:.0f} g in one entry: check quantity and unit")
            r = np.where(big, big_reason, r)
        neg = q < 0
        if neg.any():
            neg_reason = len(reasons)
            reasons.append("negative quantity")
            r = np.where(neg, neg_reason, r)
        bad = big | neg | np.isnan(g)
        g = np.where(bad, np.nan, g)
        mc = np.where(bad, 0, mc)
        grams[need] = g
        gm[need] = mc
        reason_idx[need] = r
    grams[has_stated] = stated[has_stated]
    gm[has_stated] = 1
    return grams, gm, (reasons, reason_idx)


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
