"""The gap analysis: from a diary to a :class:`~nutrigap.report.Report`.

:func:`analyze` reads (if needed) and matches a diary, then
:func:`analyze_matched` does the arithmetic for one person:

1. every entry's nutrient amounts and the daily totals
   (:mod:`nutrigap.intake`);
2. the mean daily intake of each tracked nutrient over the logged days, and
   its *coverage* (share of the food mass with data for it);
3. the National Academies' assessment of each mean against the EAR or AI and
   the UL (:func:`nutrigap.assess.assess_intakes`), with the UL tested on the
   intake its scope covers: supplemental magnesium, folic acid (fortified
   foods and supplements) for folate, niacin from supplement entries for
   niacin (its UL also covers niacin added to fortified foods, which food
   tables do not separate from natural niacin, so that is not counted, and
   the report's texts say so);
4. a ``status`` per nutrient (see :data:`STATUSES`), the daily *gap* to the RDA
   (or AI) for short nutrients, and the lifestyle signals
   (:mod:`nutrigap.lifestyle`).

A nutrient whose coverage is below ``min_coverage`` (default
:data:`MIN_COVERAGE`, 70 %) is reported as ``"uncertain"``, never as short: the
total counts only the foods with data, so a low total may only mean missing
values. The total is then a lower bound, so a verdict of ``"adequate"`` stands
(with a note), while an all-source UL is not called ``"safe"`` (``ul_status``
``"cannot tell"``). A nutrient without any data (biotin: SR28 has no biotin
values) is ``"no data"``.

Export rows (Cronometer, MyFitnessPal) count their own amounts per nutrient:
the export's value where the export has that nutrient's column (a blank cell
stays *no data*), the matched food's table value x grams / 100 where the
export has no such column (absent, or blank in the whole source file), so a
MyFitnessPal export listing only potassium and calcium still gets magnesium
from the food table (see *Export amounts* in :mod:`nutrigap.intake`). In
``Report.counts`` such mixed rows count as ``matched``; ``given`` counts rows
whose amounts all come from the export.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from nutrigap.exceptions import NutrigapError, ProfileError
from nutrigap.intake import (
    coverage as coverage_of,
)
from nutrigap.intake import (
    daily_coverage,
    daily_totals,
    entry_contributions,
)
from nutrigap.lifestyle import drink_mask, lifestyle_signals
from nutrigap.nutrients import NUTRIENTS, TRACKED

__all__ = [
    "analyze",
    "analyze_matched",
    "make_profile",
    "report_status",
    "poor_coverage",
    "unsure_ul",
    "MIN_COVERAGE",
    "STATUSES",
    "SUMMARY_COLUMNS",
]

#: Coverage below which a nutrient is reported as "uncertain" rather than
#: assessed: under 70 % of the food mass with data, a missing value could hide
#: a third of the intake.
MIN_COVERAGE: float = 0.7

#: Values of ``summary["status"]``, from most to least concerning.
STATUSES: tuple[str, ...] = (
    "likely short",
    "possibly short",
    "uncertain",
    "no data",
    "adequate",
    "no reference",
)

#: Columns of ``Report.summary`` (indexed by nutrient key).
SUMMARY_COLUMNS: tuple[str, ...] = (
    "key",
    "name",
    "unit",
    "mean_intake",
    "n_days",
    "target_kind",
    "target",
    "ear",
    "rda",
    "ai",
    "percent_of_target",
    "z",
    "probability",
    "verdict",
    "confidence",
    "confidence_text",
    "sd_within",
    "sd_within_kind",
    "sd_within_source",
    "status",
    "gap",
    "ul",
    "ul_scope",
    "ul_intake",
    "ul_status",
    "ul_text",
    "coverage",
    "note",
)

_REJECTED_COLUMNS = ["source_file", "source_line", "raw", "reason"]

#: What the niacin UL check counts (IOM 1998: the UL covers niacin from supplements,
#: fortified foods or both; SR28 and exports do not separate added niacin).
_NIACIN_NOT_COUNTED = (
    "niacin added to fortified foods is not counted (food tables do not separate it from "
    "natural niacin)"
)


def make_profile(
    profile: Any = None,
    *,
    age: float | None = None,
    sex: str | None = None,
    pregnant: bool = False,
    lactating: bool = False,
):
    """Return a :class:`~nutrigap.reference.Profile` from a profile or keywords.

    Raises
    ------
    ProfileError
        When neither a profile nor both ``age`` and ``sex`` are given.
    """
    from nutrigap.reference import Profile

    if isinstance(profile, Profile):
        return profile
    if isinstance(profile, Mapping):
        return Profile(**profile)
    if profile is not None:
        raise ProfileError(f"profile must be a nutrigap.Profile, got {type(profile).__name__}")
    if age is None or sex is None:
        raise ProfileError(
            "the Dietary Reference Intakes depend on age and sex: pass profile=Profile(age, sex) "
            "or age= and sex= (e.g. analyze(diary, age=35, sex='female'))"
        )
    return Profile(age, sex, pregnant=pregnant, lactating=lactating)


def _read(diary: Any) -> pd.DataFrame:
    if isinstance(diary, pd.DataFrame):
        return diary
    if isinstance(diary, (str, os.PathLike)) and not (
        isinstance(diary, str) and "\n" in diary and not Path(diary).exists()
    ):
        from nutrigap.io import read_diary

        return read_diary(diary)
    if isinstance(diary, str):  # a multi-line string of free-text entries
        diary = diary.splitlines()
    if isinstance(diary, Sequence):
        from nutrigap import io

        reader = getattr(io, "read_text_diary", None)
        lines = [str(x) for x in diary]
        if reader is not None:
            return reader(lines)
        return io.read_diary(lines)
    raise TypeError(
        "diary must be a path, a DataFrame from nutrigap.read_diary or a list of "
        f"free-text lines, got {type(diary).__name__}"
    )


def _food_table(foods: Any) -> pd.DataFrame:
    from nutrigap.data import load_food_table

    if foods is None:
        return load_food_table("both")
    if isinstance(foods, str):
        return load_food_table(foods)
    return foods


def _persons(df: pd.DataFrame) -> list[str]:
    if "person" not in df.columns:
        return []
    return sorted({str(p) for p in df["person"].dropna().unique()})


def analyze(
    diary: Any,
    profile: Any = None,
    foods: pd.DataFrame | str | None = None,
    *,
    age: float | None = None,
    sex: str | None = None,
    pregnant: bool = False,
    lactating: bool = False,
    overrides: Any = None,
    fdc: Any = None,
    sd_within: float | Mapping[str, float] | None = None,
    min_coverage: float = MIN_COVERAGE,
):
    """Analyse one person's food diary against the Dietary Reference Intakes.

    Parameters
    ----------
    diary : path, DataFrame or list of str
        A diary file (any format :func:`nutrigap.read_diary` reads), a
        canonical diary from a reader, a matched diary from
        :func:`nutrigap.match_foods` (used as is), or free-text lines such as
        ``["2 eggs", "1 cup spinach"]`` (undated: one day).
    profile : Profile, optional
        The person; or give ``age`` and ``sex`` (and ``pregnant`` /
        ``lactating``).
    foods : DataFrame or {"sr28", "fndds", "both"}, optional
        Food tables for matching (default ``"both"``: the bundled SR28 and
        FNDDS, see :func:`nutrigap.match_foods`).
    overrides, fdc
        Passed to :func:`nutrigap.match_foods`.
    sd_within : float or mapping, optional
        Day-to-day SD of intake per nutrient (see :mod:`nutrigap.assess`).
    min_coverage : float, default 0.7
        Nutrients whose coverage is below it are "uncertain", not short.

    Returns
    -------
    Report

    Raises
    ------
    ProfileError
        Without a profile (or age and sex).
    NutrigapError
        When the diary holds several persons (use :func:`nutrigap.analyze_many`).

    Examples
    --------
    >>> from nutrigap.samples import sample_path
    >>> r = analyze(sample_path("low-magnesium"), age=35, sex="female")  # doctest: +SKIP
    >>> r.short.index[:2].tolist()  # doctest: +SKIP
    ['magnesium', 'vitamin_d']
    """
    prof = make_profile(profile, age=age, sex=sex, pregnant=pregnant, lactating=lactating)
    table = _food_table(foods)
    df = _read(diary)
    persons = _persons(df)
    if len(persons) > 1:
        raise NutrigapError(
            f"the diary holds {len(persons)} persons ({', '.join(persons[:5])}"
            f"{', ...' if len(persons) > 5 else ''}); analyze() reports on one person: use "
            "nutrigap.analyze_many(diary, profiles) or select one person's rows"
        )
    if "status" in df.columns:
        matched = df
    else:
        from nutrigap.foods import match_foods

        matched = match_foods(
            df, foods=foods if isinstance(foods, str) else table, overrides=overrides, fdc=fdc
        )
    return analyze_matched(matched, prof, table, sd_within=sd_within, min_coverage=min_coverage)


def poor_coverage(summary: pd.DataFrame, min_coverage: float = MIN_COVERAGE) -> np.ndarray:
    """Rows whose total is only a lower bound: data for under ``min_coverage`` of the food mass.

    Parameters
    ----------
    summary : pandas.DataFrame
        With ``coverage`` (0-1) and ``mean_intake`` columns.
    min_coverage : float, default :data:`MIN_COVERAGE`

    Returns
    -------
    numpy.ndarray of bool
    """
    cov = np.nan_to_num(summary["coverage"].to_numpy(dtype=float))
    return (cov < min_coverage) & summary["mean_intake"].notna().to_numpy()


def unsure_ul(
    summary: pd.DataFrame, ul_status: Any, min_coverage: float = MIN_COVERAGE
) -> np.ndarray:
    """Rows where an all-source UL was judged ``"safe"`` on a total that is only a lower bound.

    Such a UL verdict becomes ``"cannot tell"``: the foods with data are below the
    UL, but the full intake may be higher.

    Parameters
    ----------
    summary : pandas.DataFrame
        With ``coverage``, ``mean_intake`` and ``ul_scope`` columns.
    ul_status : array-like of str
        The UL verdict per row.
    min_coverage : float, default :data:`MIN_COVERAGE`

    Returns
    -------
    numpy.ndarray of bool
    """
    status = np.asarray(ul_status, dtype=object)
    return (
        poor_coverage(summary, min_coverage)
        & (summary["ul_scope"].to_numpy(dtype=object) == "all sources")
        & (status == "safe")
    )


def report_status(summary: pd.DataFrame, min_coverage: float = MIN_COVERAGE) -> np.ndarray:
    """The report's ``status`` per nutrient (see :data:`STATUSES`) from the assessment.

    Shared by :func:`analyze_matched` and :func:`nutrigap.analyze_many`.

    Parameters
    ----------
    summary : pandas.DataFrame
        Columns ``verdict``, ``target_kind``, ``mean_intake``, ``target`` (from
        :func:`nutrigap.assess.assess_matrix` or :func:`~nutrigap.assess.assess_intakes`)
        and ``coverage`` (0-1 share of the food mass with data).
    min_coverage : float, default :data:`MIN_COVERAGE`
        Below it a shortfall is "uncertain" (missing values are not zero).

    Returns
    -------
    numpy.ndarray of str
        "likely short" (inadequate), "possibly short" (cannot tell, or below an
        AI without confidence), "uncertain", "no data", "adequate", "no reference".
    """
    verdict = summary["verdict"].to_numpy(dtype=object)
    kind = summary["target_kind"].to_numpy(dtype=object)
    mean = summary["mean_intake"].to_numpy(dtype=float)
    target = summary["target"].to_numpy(dtype=float)
    cov = summary["coverage"].to_numpy(dtype=float)
    out = np.full(len(summary), "adequate", dtype=object)
    out[(verdict == "cannot tell")] = "possibly short"
    out[(kind == "AI") & (verdict == "cannot conclude") & (mean < target)] = "possibly short"
    out[verdict == "inadequate"] = "likely short"
    out[verdict == "no reference"] = "no reference"
    # with poor coverage the total is a lower bound (missing values are not zero): a
    # shortfall may only be missing data, but a lower bound that already meets the
    # requirement stands (z rises with intake), so "adequate" is kept
    out[(np.nan_to_num(cov) < min_coverage) & (out != "adequate")] = "uncertain"
    out[np.isnan(mean) | (np.nan_to_num(cov) == 0)] = "no data"
    return out


def analyze_matched(
    matched: pd.DataFrame,
    profile,
    foods: pd.DataFrame | None = None,
    *,
    sd_within: float | Mapping[str, float] | None = None,
    min_coverage: float = MIN_COVERAGE,
):
    """Analyse one person's matched diary (the vectorised core of :func:`analyze`).

    Parameters
    ----------
    matched : pandas.DataFrame
        Output of :func:`nutrigap.match_foods` for one person.
    profile : Profile
    foods : pandas.DataFrame, optional
        The food table the ``food_id`` values refer to (default both bundled
        tables, as :func:`nutrigap.match_foods`).
    sd_within, min_coverage
        As for :func:`analyze`.

    Returns
    -------
    Report
    """
    from nutrigap.assess import assess_intakes
    from nutrigap.reference import reference_intakes
    from nutrigap.report import Report

    if not 0 <= min_coverage <= 1:
        raise ValueError(f"min_coverage must be between 0 and 1, got {min_coverage!r}")
    if foods is None:
        foods = _food_table(None)
    entries = entry_contributions(matched, foods)
    daily = daily_totals(entries)
    cov_daily = daily_coverage(entries)
    cov = coverage_of(entries)
    n_days = len(daily)
    keys = list(TRACKED)

    means = daily[keys].mean(axis=0, skipna=True) if n_days else pd.Series(np.nan, index=keys)
    n_per = daily[keys].notna().sum(axis=0).clip(lower=1) if n_days else pd.Series(1, index=keys)
    ul_intakes: dict[str, float] = {}
    logged = daily["n_counted"].to_numpy() > 0 if n_days else np.zeros(0, dtype=bool)
    if logged.any():
        # mean over the logged days: a day without supplements adds 0 mg to the mean
        ul_intakes["magnesium"] = float(daily.loc[logged, "supplement_magnesium"].mean())
        ul_intakes["niacin"] = float(daily.loc[logged, "supplement_niacin"].mean())
        fa = daily.loc[logged, "folic_acid"]
        if fa.notna().any():
            # folic acid is known for table foods and supplements, unknown (NaN) for export
            # rows; a logged day without any known folic acid had none from the known
            # sources, so it counts as 0 rather than dropping out of the mean (which would
            # turn a supplement taken on 1 day in 7 into a daily dose)
            ul_intakes["folate"] = float(fa.fillna(0.0).mean())
    assessed = assess_intakes(
        means.astype(float), n_per.astype(float).to_dict(), profile, sd_within, ul_intakes
    )
    ref = reference_intakes(profile)

    s = pd.DataFrame(index=pd.Index(keys, name="nutrient"))
    s["key"] = keys
    s["name"] = [NUTRIENTS[k].name for k in keys]
    s["unit"] = [NUTRIENTS[k].display_unit for k in keys]
    s["mean_intake"] = assessed["mean_intake"]
    s["n_days"] = assessed["n_days"]
    s["target_kind"] = assessed["target_kind"]
    s["target"] = assessed["target"]
    for c in ("ear", "rda", "ai"):
        s[c] = ref.loc[keys, c].astype(float)
    for c in ("percent_of_target", "z", "probability", "verdict", "confidence"):
        s[c] = assessed[c]
    s["confidence_text"] = assessed["confidence_text"]
    for c in ("sd_within", "sd_within_kind", "sd_within_source"):
        s[c] = assessed[c]
    s["coverage"] = cov.reindex(keys).astype(float)
    s["status"] = report_status(s, min_coverage)
    goal = s["rda"].where(s["rda"].notna(), s["ai"])
    short = s["status"].isin(["likely short", "possibly short"])
    s["gap"] = (goal - s["mean_intake"]).clip(lower=0).where(short, np.nan)
    s["ul"] = assessed["ul"]
    s["ul_scope"] = assessed["ul_scope"]
    s["ul_intake"] = assessed["ul_intake"]
    s["ul_status"] = assessed["ul_verdict"]
    s["ul_text"] = assessed["ul_text"]
    notes = assessed["note"].astype(object).fillna("").to_numpy(dtype=object).copy()

    def add_note(i: int, extra: str) -> None:
        notes[i] = f"{notes[i]}; {extra}" if notes[i] else extra

    poor = poor_coverage(s, min_coverage)
    low = (s["status"] == "uncertain").to_numpy()
    for i in np.flatnonzero(low):
        add_note(
            i,
            f"only {s['coverage'].iloc[i]:.0%} of the food mass has data for this nutrient "
            f"(under {min_coverage:.0%}): the total may be too low, so it is not assessed",
        )
    for i in np.flatnonzero(poor & (s["status"] == "adequate").to_numpy()):
        add_note(
            i,
            f"only {s['coverage'].iloc[i]:.0%} of the food mass has data for this nutrient: "
            "the total is a lower bound, and it already meets the requirement",
        )
    # an all-source UL judged "safe" on a lower bound is not safe to claim
    unsure = unsure_ul(s, s["ul_status"], min_coverage)
    if unsure.any():
        ul_status = s["ul_status"].astype(object).to_numpy().copy()
        ul_text = s["ul_text"].astype(object).to_numpy().copy()
        for i in np.flatnonzero(unsure):
            ul_status[i] = "cannot tell"
            ul_text[i] = (
                f"the foods with data are below the UL, but only {s['coverage'].iloc[i]:.0%} "
                "of the food mass has data for this nutrient, so the full intake may be higher"
            )
        s["ul_status"] = ul_status
        s["ul_text"] = ul_text
    if "folate" in s.index and "folate" in ul_intakes:
        supplement = (
            entries["supplement"].fillna(False).astype(bool).to_numpy()
            if "supplement" in entries
            else np.zeros(len(entries), dtype=bool)
        )
        unknown = (
            entries["counted"].to_numpy(dtype=bool)
            & ~supplement
            & entries["folate"].notna().to_numpy()
            & entries["folic_acid"].isna().to_numpy()
        )
        if unknown.any():
            add_note(
                s.index.get_loc("folate"),
                "folic acid from fortified foods is unknown for entries with their own amounts "
                "(exports): the folate UL check counts supplements and table foods only",
            )
    if "niacin" in ul_intakes and "niacin" in s.index:
        # the UL covers supplements and fortified foods; only supplements could be counted
        i = s.index.get_loc("niacin")
        add_note(i, f"the UL check counts niacin from supplements only: {_NIACIN_NOT_COUNTED}")
        if s["ul_status"].iloc[i] in ("safe", "possible risk of excess", "cannot tell"):
            ul_text = s["ul_text"].astype(object).to_numpy().copy()
            ul_text[i] = f"niacin from supplements only: {ul_text[i]}; {_NIACIN_NOT_COUNTED}"
            s["ul_text"] = ul_text
    nodata = (s["status"] == "no data").to_numpy()
    for i in np.flatnonzero(nodata):
        notes[i] = "no values for this nutrient in the food table for these foods"
    s["note"] = notes
    s = s[list(SUMMARY_COLUMNS)]

    # lifestyle
    drinks = entries.copy()
    drinks["counted"] = drinks["counted"].to_numpy(dtype=bool) & drink_mask(drinks)
    drink_water = daily_totals(drinks)["water"] if n_days else pd.Series(dtype=float)
    water_ai = float(ref.loc["water", "ai"]) if "water" in ref.index else None
    life = lifestyle_signals(daily, cov, profile, water_ai, drink_water, min_coverage)

    # the entries nobody could count
    status = entries["status"].astype(object)
    src = entries["amount_source"].astype(object)
    bad = (src == "none").to_numpy()
    cols = [
        c
        for c in (
            "source_file",
            "source_line",
            "person",
            "date",
            "meal",
            "food",
            "quantity",
            "unit",
            "food_id",
            "matched_description",
            "status",
            "status_reason",
        )
        if c in entries.columns
    ]
    unmatched = entries.loc[bad, cols].copy()
    cands = matched.attrs.get("match_candidates", {}) or {}
    unmatched["candidates"] = (
        [str(cands.get(f, "")) for f in unmatched["food"].astype(object)]
        if "food" in unmatched
        else []
    )
    unmatched = unmatched.rename(columns={"status_reason": "reason"}).reset_index(drop=True)

    rejected = matched.attrs.get("rejected")
    if not isinstance(rejected, pd.DataFrame):
        rejected = pd.DataFrame(columns=_REJECTED_COLUMNS)

    counts = {
        "rows": int(len(entries)),
        "matched": int(src.isin(["food table", "mixed"]).sum()),
        "given": int((src == "export").sum()),
        "unmatched": int(((src == "none") & (status != "unresolved")).sum()),
        "unresolved": int(((src == "none") & (status == "unresolved")).sum()),
        "rejected": int(len(rejected)),
        "counted": int(entries["counted"].sum()),
        "days": int(n_days),
    }
    counts["input_rows"] = counts["rows"] + counts["rejected"]
    persons = _persons(entries)
    meta = {
        "person": persons[0] if persons else "",
        "format": str(matched.attrs.get("format", "")),
        "source": sorted({str(x) for x in entries["source_file"].dropna().unique()})
        if "source_file" in entries
        else [],
        "min_coverage": float(min_coverage),
        "life_stage": profile.life_stage_label,
    }
    # the Report's frames are new objects without the diary's attrs: the reader's
    # "rejected" DataFrame (kept on the diary and in report.rejected) and the matcher's
    # candidates would follow them into every derived frame, and pandas compares attrs
    # on concat and groupby-apply ("truth value of a DataFrame is ambiguous")
    frames = {
        "summary": s,
        "daily": daily,
        "entries": entries,
        "unmatched": unmatched,
        "rejected": rejected.reset_index(drop=True),
        "lifestyle": life,
        "coverage_daily": cov_daily,
        "reference": ref,
    }
    for frame in frames.values():
        frame.attrs = {}
    return Report(
        **frames,
        profile=profile,
        counts=counts,
        meta=meta,
    )
