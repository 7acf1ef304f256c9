"""Lifestyle signals: caffeine, alcohol and water, common triggers of twitches.

:func:`lifestyle_signals` turns the daily totals of one person into one row per
signal with a plain-language status. It shows only what the diary shows: a
diary that logs no drinks says nothing about water, and a caffeine total built
from foods partly without caffeine data is reported as "at least".

Limits used
-----------
Caffeine
    400 mg/day for healthy adults and 200 mg/day in pregnancy and lactation
    (US FDA 2018; EFSA NDA Panel 2015, *Scientific Opinion on the safety of
    caffeine*, EFSA Journal 13:4102). For people under 19, EFSA and Health
    Canada give 2.5-3 mg per kg body weight; nutrigap has no body weight, so it
    uses a fixed :data:`CAFFEINE_LIMIT_YOUTH` of 100 mg/day (2.5 mg/kg for a
    40 kg adolescent).
Alcohol
    One US standard drink holds 14 g of alcohol (NIAAA). The Dietary
    Guidelines for Americans 2020-2025 advise at most 1 drink a day for women
    and 2 for men, and none in pregnancy or under the legal drinking age
    (21 in the US; nutrigap uses 21). Lactation: not drinking is safest
    (DGA 2020-2025).
Water
    The Adequate Intake for *total* water (drinks plus water in food) of the
    person's life stage, from :func:`nutrigap.reference_intakes` (IOM 2005:
    2.7 L for women, 3.7 L for men aged 19 and over). About 80 % of total
    water usually comes from drinks and 20 % from food (IOM 2005, ch. 4).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from nutrigap.nutrients import NUTRIENTS

__all__ = [
    "lifestyle_signals",
    "caffeine_limit",
    "alcohol_limit",
    "drink_mask",
    "STANDARD_DRINK_G",
    "CAFFEINE_LIMIT_ADULT",
    "CAFFEINE_LIMIT_PREGNANCY",
    "CAFFEINE_LIMIT_YOUTH",
    "LIFESTYLE_COLUMNS",
]

#: Grams of alcohol in one US standard drink (NIAAA).
STANDARD_DRINK_G: float = 14.0
#: mg/day, healthy adults (FDA 2018; EFSA 2015).
CAFFEINE_LIMIT_ADULT: float = 400.0
#: mg/day in pregnancy and lactation (EFSA 2015; ACOG 2010, reaffirmed).
CAFFEINE_LIMIT_PREGNANCY: float = 200.0
#: mg/day under 19 years: EFSA/Health Canada 2.5 mg/kg for an adolescent of 40 kg.
CAFFEINE_LIMIT_YOUTH: float = 100.0
#: Share of total water that usually comes from drinks (IOM 2005, ch. 4).
DRINK_SHARE: float = 0.8

#: Columns of the frame :func:`lifestyle_signals` returns.
LIFESTYLE_COLUMNS: tuple[str, ...] = (
    "name",
    "unit",
    "mean_per_day",
    "max_per_day",
    "n_days",
    "days_over",
    "limit",
    "limit_kind",
    "standard_drinks",
    "coverage",
    "status",
    "message",
    "twitch",
)

# whole words only: "water" must not match watercress or watermelon, "tea" not steak,
# "coffee" not coffeecake, "beer" not beerwurst; "\w*milk" keeps soymilk and buttermilk
_DRINK_DESC = re.compile(r"\b(?:beverages?|water|\w*milk|juices?|coffee|teas?|soda|beer|wine)\b")
_DRINK_FOOD = re.compile(
    r"\b(?:water|coffee|tea|juice|soda|cola|beer|wine|\w*milk)\b"
    r"(?!\s*(?:cakes?|chestnuts?|chocolate|biscuits?|bread|crackers?|cookies?|cress|melon))"
)
# units of drinks; "cup" is left out (a cup of rice, oatmeal or spinach is food): cups of
# coffee, tea, milk or juice are recognised by their description or text
_VOLUME_UNITS = ("ml", "l", "cl", "dl", "fl oz", "floz", "glass", "can", "bottle", "mug")


def caffeine_limit(profile) -> tuple[float, str]:
    """Daily caffeine limit (mg) and its basis for ``profile`` (None: adult)."""
    if profile is None:
        return CAFFEINE_LIMIT_ADULT, "adults, FDA 2018 / EFSA 2015"
    if profile.pregnant or profile.lactating:
        return CAFFEINE_LIMIT_PREGNANCY, "pregnancy and lactation, EFSA 2015"
    if profile.age < 19:
        return CAFFEINE_LIMIT_YOUTH, "under 19: about 2.5 mg/kg (EFSA 2015), fixed at 100 mg"
    return CAFFEINE_LIMIT_ADULT, "adults, FDA 2018 / EFSA 2015"


def alcohol_limit(profile) -> tuple[float, str]:
    """Daily alcohol limit in grams and its basis (DGA 2020-2025)."""
    if profile is None:
        return STANDARD_DRINK_G, "1 standard drink (14 g); 2 for men (DGA 2020-2025)"
    if profile.pregnant:
        return 0.0, "none in pregnancy (DGA 2020-2025)"
    if profile.lactating:
        return 0.0, "not drinking is safest while breastfeeding (DGA 2020-2025)"
    if profile.age < 21:
        return 0.0, "none under the legal drinking age of 21 (DGA 2020-2025)"
    if profile.sex == "male":
        return 2 * STANDARD_DRINK_G, "2 standard drinks (28 g) for men (DGA 2020-2025)"
    return STANDARD_DRINK_G, "1 standard drink (14 g) for women (DGA 2020-2025)"


def drink_mask(entries: pd.DataFrame) -> np.ndarray:
    """Entries that are drinks: a beverage, water, milk, juice, coffee, tea, soda, beer or
    wine by the first part of the matched description (whole words), by the food text for
    entries without a description, or logged in a drink unit (mL, glass, can, bottle, mug)."""
    n = len(entries)
    desc = (
        entries["matched_description"].astype(object).fillna("").astype(str).str.lower()
        if "matched_description" in entries.columns
        else pd.Series([""] * n, index=entries.index)
    )
    food = (
        entries["food"].astype(object).fillna("").astype(str).str.lower()
        if "food" in entries.columns
        else pd.Series([""] * n, index=entries.index)
    )
    first = desc.str.split(",").str[0].fillna("")
    by_desc = first.str.contains(_DRINK_DESC)
    # the food text counts only where there is no matched description to go by
    by_food = food.str.contains(_DRINK_FOOD) & (desc == "")
    unit = (
        entries["unit"].astype(object).fillna("").astype(str).str.lower()
        if "unit" in entries.columns
        else pd.Series([""] * n, index=entries.index)
    )
    by_unit = unit.isin(_VOLUME_UNITS)
    return (by_desc | by_food | by_unit).to_numpy(dtype=bool)


def _fmt(x: float) -> str:
    if x is None or not np.isfinite(x):
        return "n/a"
    return f"{x:,.0f}" if abs(x) >= 10 else f"{x:,.1f}"


def lifestyle_signals(
    daily: pd.DataFrame,
    coverage: pd.Series,
    profile=None,
    water_ai: float | None = None,
    drink_water: pd.Series | None = None,
    min_coverage: float = 0.7,
) -> pd.DataFrame:
    """Caffeine, alcohol and water signals for one person.

    Parameters
    ----------
    daily : pandas.DataFrame
        One person's daily totals (:func:`nutrigap.intake.daily_totals`).
    coverage : pandas.Series
        Coverage per nutrient (:func:`nutrigap.intake.coverage`).
    profile : Profile, optional
        Sets the caffeine and alcohol limits (None: adult woman's limits).
    water_ai : float, optional
        AI for total water in g/day (1 g = 1 mL), e.g.
        ``reference_intakes(profile).loc["water", "ai"]``.
    drink_water : pandas.Series, optional
        Water from drinks per day (g), aligned with ``daily``; NaN or absent
        when the diary logs no drinks.
    min_coverage : float, default 0.7
        Below it a total is a lower bound ("at least").

    Returns
    -------
    pandas.DataFrame
        Indexed by signal (``"caffeine"``, ``"alcohol"``, ``"water"``), columns
        :data:`LIFESTYLE_COLUMNS`. ``status`` is one of ``"ok"``, ``"high"``
        (caffeine or alcohol above the limit on average), ``"some days high"``,
        ``"low"`` (water below the AI), ``"none logged"`` and ``"no data"``.
    """
    n_days = len(daily)
    rows = {}

    def stats(key: str) -> tuple[float, float, float]:
        v = daily[key].to_numpy(dtype=np.float64) if key in daily else np.full(n_days, np.nan)
        if n_days == 0 or np.all(np.isnan(v)):
            return np.nan, np.nan, float(coverage.get(key, 0.0) or 0.0)
        v = np.nan_to_num(v, nan=0.0)  # a day without a value had none logged
        return float(v.mean()), float(v.max()), float(coverage.get(key, np.nan))

    def base(key: str) -> dict:
        nut = NUTRIENTS[key]
        return {"name": nut.name, "unit": nut.unit, "n_days": n_days, "twitch": nut.twitch}

    # caffeine
    mean, mx, cov = stats("caffeine")
    limit, basis = caffeine_limit(profile)
    row = base("caffeine") | {"limit": limit, "limit_kind": f"upper limit ({basis})"}
    vals = daily["caffeine"].fillna(0.0) if "caffeine" in daily else pd.Series(dtype=float)
    over = int((vals > limit).sum())
    lower = cov < min_coverage
    at_least = "at least " if lower else ""
    if np.isnan(mean):
        status, msg = "no data", "the diary shows no caffeine data (no coffee, tea or cola logged)"
    elif mean == 0:
        status, msg = "none logged", "no caffeine in the logged foods and drinks"
    elif mean > limit:
        status = "high"
        msg = (
            f"{at_least}{_fmt(mean)} mg caffeine a day on average, above the {limit:.0f} mg "
            f"limit ({basis}); cutting down may ease twitches"
        )
    elif over:
        status = "some days high"
        msg = (
            f"{at_least}{_fmt(mean)} mg a day on average, above {limit:.0f} mg on {over} of "
            f"{n_days} days (highest {_fmt(mx)} mg)"
        )
    else:
        status = "ok"
        msg = f"{at_least}{_fmt(mean)} mg a day on average, within the {limit:.0f} mg limit"
    if lower and status not in ("no data",):
        msg += f" (only {cov:.0%} of the food mass has caffeine data: a lower bound)"
    rows["caffeine"] = row | {
        "mean_per_day": mean,
        "max_per_day": mx,
        "days_over": over,
        "standard_drinks": np.nan,
        "coverage": cov,
        "status": status,
        "message": msg,
    }

    # alcohol
    mean, mx, cov = stats("alcohol")
    limit, basis = alcohol_limit(profile)
    vals = daily["alcohol"].fillna(0.0) if "alcohol" in daily else pd.Series(dtype=float)
    over = int((vals > limit + 1e-9).sum())
    lower = cov < min_coverage
    at_least = "at least " if lower else ""
    drinks = mean / STANDARD_DRINK_G if np.isfinite(mean) else np.nan
    if np.isnan(mean):
        status, msg = "no data", "the diary shows no alcohol data"
    elif mean == 0:
        status, msg = "none logged", "no alcohol logged"
    else:
        desc = (
            f"{at_least}{_fmt(mean)} g alcohol a day on average "
            f"({drinks:.1f} standard drinks of 14 g); highest day {_fmt(mx)} g"
        )
        if limit == 0:
            status, msg = "high", f"{desc}; advice: {basis}"
        elif mean > limit:
            status, msg = "high", f"{desc}: above the guideline of {basis}"
        elif over:
            status = "some days high"
            msg = f"{desc}: above the guideline of {basis} on {over} of {n_days} days"
        else:
            status, msg = "ok", f"{desc}: within the guideline of {basis}"
    rows["alcohol"] = base("alcohol") | {
        "mean_per_day": mean,
        "max_per_day": mx,
        "days_over": over,
        "limit": limit,
        "limit_kind": f"guideline ({basis})",
        "standard_drinks": drinks,
        "coverage": cov,
        "status": status,
        "message": msg,
    }

    # water
    mean, mx, cov = stats("water")
    ai = float(water_ai) if water_ai is not None and np.isfinite(water_ai) else np.nan
    has_drinks = (
        drink_water is not None
        and len(drink_water) > 0
        and bool(np.nansum(np.asarray(drink_water, dtype=float)) > 0)
    )
    below = int((daily["water"].fillna(0.0) < ai).sum()) if "water" in daily and ai == ai else 0
    if np.isnan(mean):
        status, msg = "no data", "the diary shows no water data; water intake cannot be judged"
    elif not has_drinks:
        status = "no data"
        msg = (
            f"the diary logs no drinks (water in food alone: {_fmt(mean)} g a day); total "
            "water cannot be judged. About 80% of water usually comes from drinks"
        )
    elif np.isnan(ai):
        status, msg = "ok", f"{_fmt(mean)} g (mL) of water a day from food and drinks"
    else:
        dw = float(np.nanmean(np.asarray(drink_water, dtype=float)))
        desc = (
            f"{_fmt(mean)} mL of water a day from food and drinks ({_fmt(dw)} mL from drinks), "
            f"{mean / ai:.0%} of the Adequate Intake for total water ({ai / 1000:.1f} L)"
        )
        if mean < ai:
            status = "low"
            msg = (
                f"{desc}. If drinks are logged fully, drinking more may help: dehydration "
                "upsets electrolytes and can trigger twitches and cramps"
            )
        else:
            status, msg = "ok", desc
        if cov < min_coverage:
            msg += f" (only {cov:.0%} of the food mass has water data: a lower bound)"
    rows["water"] = base("water") | {
        "mean_per_day": mean,
        "max_per_day": mx,
        "days_over": below,
        "limit": ai,
        "limit_kind": "Adequate Intake for total water (IOM 2005)",
        "standard_drinks": np.nan,
        "coverage": cov,
        "status": status,
        "message": msg,
    }
    out = pd.DataFrame.from_dict(rows, orient="index")[list(LIFESTYLE_COLUMNS)]
    out.index.name = "signal"
    return out
