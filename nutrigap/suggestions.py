"""Foods that close nutrient gaps, in realistic household portions.

:func:`suggest` turns a person's daily gaps (a :class:`~nutrigap.report.Report`
or a mapping nutrient -> amount per day short of the RDA/AI) into

* ``by_nutrient``: for each short nutrient, a few foods ranked by what one
  realistic portion (1 oz almonds, 1 cup cooked spinach, 1 medium banana,
  3 oz salmon) provides, favouring foods that help several gaps at once;
* ``plan``: a small combined plan, the fewest portions that close all gaps
  together without pushing any nutrient above its Tolerable Upper Intake
  Level (UL), at most three portions of one food a day and within an energy
  cap.

Candidates
----------
The candidates are the curated shortlist ``datasets/suggest/shortlist.csv``
(171 everyday, as-eaten SR28 foods, each with the household measure to use,
dietary tags and a coarse group; rebuilt by ``datasets/suggest/build.py``),
plus foods the person already eats (``eaten`` ids or the report's matched
entries) when they pass a sanity filter (no baby foods, spices, fats and oils,
sweets, powders, supplements, raw organ meats) and have an SR28 household
measure between 15 and 350 g (the first such measure is used). Foods the
person eats get a bonus (:data:`EATEN_BONUS`).

Every amount is ``value per 100 g (food table) x portion grams / 100``.

Scoring
-------
With gap ``g_n`` and per-portion amount ``a_fn``, a food's coverage of a gap
is ``c_fn = min(a_fn / g_n, 1)``. For nutrient ``n`` the portion score is
``c_fn * (1 + 0.2 * sum_{m != n} c_fm)`` (:data:`OTHER_GAP_WEIGHT`): what the
portion does for this gap first, raised by up to 20 % for each other gap it
fully covers, so foods that cover several gaps rank higher (spinach:
magnesium, calcium, potassium, folate); times ``1 + EATEN_BONUS`` for foods
already eaten; ties broken by the amount.
``rank_by="energy"`` divides the score by the portion's energy (per 100 kcal).
A food must provide at least :data:`MIN_SHARE` (10 %) of the gap per portion.
The list takes the best food of each group (nuts and seeds, leafy greens,
legumes, dairy, fish, ...) before a second food of any group, so that the few
suggestions shown are varied.

Vitamin B12 is counted only from animal foods and fortified foods (plant
values in food tables are unreliable and not bioavailable). Biotin has no
values in SR28: a biotin gap gets a note, never made-up amounts.

The plan
--------
Solved as a small integer programme with :func:`scipy.optimize.milp` when
SciPy is importable (``method="auto"``/``"milp"``), else greedily
(``method="greedy"``): portions ``x_f`` in 0..3 of each candidate,

* minimise ``sum_f w_f x_f + 100 * sum_n s_n / g_n`` where ``s_n`` is the part
  of gap ``n`` left open and ``w_f = (1 + 0.5 e_f / E) / (1 + EATEN_BONUS *
  eaten_f)`` (fewest portions, lighter foods and foods already eaten first);
* ``sum_f a_fn x_f + s_n >= g_n`` for each gap;
* for each nutrient with a UL, the plan's UL-relevant amount plus the current
  intake stays within the UL (see below);
* ``sum_f e_f x_f <= E``, the added-energy cap ``max_energy`` (default
  :data:`DEFAULT_MAX_ENERGY` = 500 kcal/day, about a quarter of a typical
  adult's energy need: the plan tops up a diet rather than replacing it).

The greedy alternative repeatedly adds the feasible portion that closes the
most of the remaining gaps (as a fraction of each gap), with the same weights.

UL scopes
---------
ULs come from ``ul`` if given, else from
:func:`nutrigap.reference.reference_intakes` for the profile (the report's
profile by default), else from conservative adult values
(:data:`FALLBACK_ULS`). Each UL has a scope:

* total intake (calcium, vitamin D, vitamin B6): current intake + plan <= UL;
* synthetic forms (folate: folic acid; niacin: added niacin): the plan's
  folic acid (SR28 nutrient 431; for fortified foods without that value
  DFE / 1.7, an upper bound) or, for niacin, all niacin of fortified foods
  (an upper bound) plus the current synthetic intake if given as
  ``current_intake["folic_acid"]`` / ``current_intake["niacin_synthetic"]``;
* supplements only (magnesium, 350 mg): food does not count, so the plan is
  not constrained by it (IOM 1997: no adverse effects of magnesium from food).

References
----------
.. [1] Institute of Medicine (1997, 1998, 2011). Dietary Reference Intakes for
   Calcium, Phosphorus, Magnesium, Vitamin D and Fluoride; for Thiamin,
   Riboflavin, Niacin, Vitamin B6, Folate, Vitamin B12, Pantothenic Acid,
   Biotin, and Choline; for Calcium and Vitamin D. National Academies Press.
.. [2] NIH Office of Dietary Supplements, Health Professional Fact Sheets
   (vitamin D, vitamin B12, magnesium): food sources and serving sizes.
.. [3] USDA ARS (2016). National Nutrient Database for Standard Reference,
   Release 28: food composition (NUT_DATA) and household weights (WEIGHT).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from nutrigap.data import dataset_path, load_food_table, load_portions
from nutrigap.nutrients import NUTRIENTS, get_nutrient

__all__ = [
    "suggest",
    "Suggestions",
    "load_shortlist",
    "DIETS",
    "DEFAULT_MAX_ENERGY",
    "MAX_PORTIONS_PER_FOOD",
    "FALLBACK_ULS",
]

#: Default cap on the energy the combined plan adds, kcal per day.
DEFAULT_MAX_ENERGY = 500.0
#: At most this many portions of one food a day in the plan.
MAX_PORTIONS_PER_FOOD = 3
#: Weight of the other gaps a food helps, in the per-nutrient score.
OTHER_GAP_WEIGHT = 0.2
#: Relative bonus for foods the person already eats.
EATEN_BONUS = 0.15
#: A suggestion must close at least this fraction of its gap per portion.
MIN_SHARE = 0.10
#: A food "helps" another gap when one portion closes at least this fraction.
HELP_SHARE = 0.10
#: Penalty per fully open gap in the plan's objective (in portions).
OPEN_GAP_PENALTY = 100.0
#: Gram limits of a sane default portion for foods off the shortlist.
PORTION_GRAMS = (15.0, 350.0)

#: Supported diets -> tags a food needs (any of) to qualify; "dairy-free"
#: instead forbids the "dairy" tag.
DIETS: dict[str, frozenset[str]] = {
    "vegan": frozenset({"vegan"}),
    "vegetarian": frozenset({"vegetarian"}),
    "pescatarian": frozenset({"vegetarian", "fish"}),
    "dairy-free": frozenset(),
}

#: Conservative adult ULs used when no profile or ``ul`` is given:
#: nutrient -> (UL per day in canonical unit, scope). IOM DRI tables: calcium
#: 2,000 mg (the 51+ y value, lower than 2,500 mg at 19-50 y), vitamin D
#: 100 µg, vitamin B6 100 mg, niacin 35 mg (synthetic), folate 1,000 µg
#: folic acid (synthetic), magnesium 350 mg (supplements only).
FALLBACK_ULS: dict[str, tuple[float, str]] = {
    "calcium": (2000.0, "total"),
    "vitamin_d": (100.0, "total"),
    "vitamin_b6": (100.0, "total"),
    "niacin": (35.0, "synthetic"),
    "folate": (1000.0, "synthetic"),
    "magnesium": (350.0, "supplement"),
}

#: Report nutrient whose ``ul_intake`` is the current intake under a synthetic-scope UL
#: -> the ``current_intake`` key it fills.
_SYNTHETIC_CURRENT = {"folate": "folic_acid", "niacin": "niacin_synthetic"}

_ANIMAL_TAGS = frozenset({"dairy", "egg", "fish", "meat"})
_TAG_SYNONYMS = {
    "eggs": "egg",
    "nut": "nuts",
    "tree nuts": "nuts",
    "peanuts": "peanut",
    "seafood": "fish",
    "meats": "meat",
    "milk": "dairy",
    "lactose": "dairy",
    "wheat": "gluten",
}
_BAD_GROUPS = frozenset(
    {"Baby Foods", "Spices and Herbs", "Fats and Oils", "Sweets", "Fast Foods", "Restaurant Foods"}
)
_BAD_TEXT = re.compile(
    r"\b(?:powder|dehydrated|infant|formula|leavening|supplement|shake mix|dry mix)\b"
    r"|(?:variety meats|liver|kidney|giblets).*\braw\b|, dry$|, dry,",
    re.IGNORECASE,
)
_PLANT_GROUPS = {
    "Vegetables and Vegetable Products": "vegan;vegetarian",
    "Fruits and Fruit Juices": "vegan;vegetarian",
    "Legumes and Legume Products": "vegan;vegetarian",
    "Cereal Grains and Pasta": "vegan;vegetarian",
    "Nut and Seed Products": "vegan;vegetarian;nuts",
    "Finfish and Shellfish Products": "fish",
    "Beef Products": "meat",
    "Pork Products": "meat",
    "Poultry Products": "meat",
    "Lamb, Veal, and Game Products": "meat",
    "Sausages and Luncheon Meats": "meat",
}

_NOTE_VITAMIN_D = (
    "Vitamin D: sunlight on the skin is the main source for most people; few foods are "
    "rich in it (fatty fish such as salmon, trout, mackerel and sardines; fortified milk, "
    "plant milks, juices and cereals; egg yolks; UV-exposed mushrooms). Diet alone "
    "rarely reaches the RDA: ask a health professional whether a supplement suits you."
)
_NOTE_B12 = (
    "Vitamin B12 comes only from animal foods (fish, shellfish, meat, eggs, dairy) and "
    "fortified foods; plant foods are not counted."
)
_NOTE_B12_VEGAN = (
    "Vegan diets: B12 only from fortified foods (fortified plant milks and breakfast "
    "cereals; nutritional yeast is a common fortified source but is not in SR28) or a "
    "supplement, which vegans are generally advised to take."
)
_NOTE_BIOTIN = (
    "Biotin: the USDA SR28 table has no biotin values, so no foods are suggested against "
    "the biotin gap (eggs, nuts, seeds and legumes are commonly cited sources)."
)
_NOTE_MAGNESIUM_UL = (
    "The magnesium UL (350 mg/day for adults) applies to supplements and medicines only; "
    "magnesium from food does not count toward it, so it does not limit the plan."
)


@dataclass
class Suggestions:
    """Foods that close a person's nutrient gaps.

    Attributes
    ----------
    by_nutrient : pandas.DataFrame
        One row per (short nutrient, suggested food): ``nutrient``, ``rank``,
        ``food_id``, ``description``, ``group``, ``portion`` (e.g. ``"1 cup"``),
        ``portion_grams``, ``amount`` (per portion, nutrient's canonical unit),
        ``unit``, ``gap_share_pct`` (percent of the daily gap one portion
        closes), ``energy_kcal`` (per portion), ``per_100kcal`` (amount per
        100 kcal; NaN for a food without energy, or with too little to divide
        by: never infinite), ``other_gaps`` (list of the person's other gaps one portion
        closes at least 10 % of), ``gaps_covered`` (sum of the capped
        coverages, in gap-equivalents), ``score`` and ``eaten``.
    plan : pandas.DataFrame
        The combined plan: ``food_id``, ``description``, ``portions`` (count
        per day), ``portion``, ``grams`` (total), ``energy_kcal`` (total), and
        one column per gap nutrient with the plan food's contribution.
    coverage : pandas.DataFrame
        Indexed by gap nutrient: ``unit``, ``gap``, ``from_plan``,
        ``closed_pct``, ``remaining``; and for nutrients with a UL:
        ``ul``, ``ul_scope``, ``ul_counted`` (current + plan amount that counts
        toward the UL).
    notes : list of str
        Vitamin D and B12 notes, missing data (biotin), gaps the plan cannot
        close within its caps, UL scopes; only for nutrients in play (the
        gaps, and the ULs that limit a plan actually built): none without
        gaps.
    method : str
        How the plan was solved: ``"milp"``, ``"greedy"`` or ``"none"``.
    """

    by_nutrient: pd.DataFrame
    plan: pd.DataFrame
    coverage: pd.DataFrame
    notes: list[str] = field(default_factory=list)
    method: str = "none"

    def to_frame(self) -> pd.DataFrame:
        """Return the per-nutrient suggestions as one tidy DataFrame."""
        return self.by_nutrient.copy()

    def to_dict(self) -> dict[str, Any]:
        """Return plain Python data (JSON-serialisable) for reports and APIs."""

        def records(df: pd.DataFrame) -> list[dict[str, Any]]:
            out = []
            for row in df.to_dict(orient="records"):
                out.append({k: _plain(v) for k, v in row.items()})
            return out

        cov = self.coverage.reset_index()
        return {
            "by_nutrient": records(self.by_nutrient),
            "plan": records(self.plan),
            "coverage": records(cov),
            "notes": list(self.notes),
            "method": self.method,
        }

    def to_markdown(self) -> str:
        """Return a Markdown section: suggestions per nutrient, the plan, notes."""
        lines = ["## Foods that close the gaps", ""]
        if self.by_nutrient.empty:
            lines += ["No food suggestions.", ""]
        for key, grp in self.by_nutrient.groupby("nutrient", sort=False):
            nut = NUTRIENTS[key]
            unit = nut.display_unit
            lines += [f"### {nut.name}", ""]
            rows = [
                [
                    str(int(r.rank)),
                    r.description,
                    f"{r.portion} ({r.portion_grams:.0f} g)",
                    f"{_fmt(r.amount)} {unit}",
                    f"{r.gap_share_pct:.0f} %",
                    f"{r.energy_kcal:.0f}",
                    ", ".join(NUTRIENTS[m].name for m in r.other_gaps),
                ]
                for r in grp.itertuples()
            ]
            lines += _md_table(
                ["#", "Food", "Portion", "Amount", "Of gap", "kcal", "Also helps"], rows
            )
            lines.append("")
        if not self.plan.empty:
            lines += ["### A combined plan", ""]
            rows = [
                [r.description, f"{int(r.portions)} x {r.portion}", f"{r.energy_kcal:.0f}"]
                for r in self.plan.itertuples()
            ]
            total = float(self.plan["energy_kcal"].sum())
            rows.append(["**Total**", "", f"**{total:.0f}**"])
            lines += _md_table(["Food", "Portions per day", "kcal"], rows)
            lines.append("")
            if not self.coverage.empty:
                rows = [
                    [
                        NUTRIENTS[k].name,
                        f"{_fmt(r.gap)} {NUTRIENTS[k].display_unit}",
                        f"{min(r.closed_pct, 999):.0f} %",
                    ]
                    for k, r in self.coverage.iterrows()
                ]
                lines += _md_table(["Nutrient", "Gap", "Closed by plan"], rows)
                lines.append("")
        if self.notes:
            lines += [f"- {n}" for n in self.notes]
            lines.append("")
        return "\n".join(lines)

    def __repr__(self) -> str:
        n = self.by_nutrient["nutrient"].nunique() if not self.by_nutrient.empty else 0
        return (
            f"Suggestions({len(self.by_nutrient)} suggestions for {n} nutrients, "
            f"plan of {int(self.plan['portions'].sum()) if not self.plan.empty else 0} "
            f"portions, method={self.method!r})"
        )


def _plain(v: Any) -> Any:
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (np.floating, float)):
        return float(v) if np.isfinite(v) else None  # NaN and ±inf: JSON has neither
    if isinstance(v, np.bool_):
        return bool(v)
    if v is pd.NA or v is None:
        return None
    return v


def _fmt(x: float) -> str:
    if not np.isfinite(x):
        return "n/a"
    if abs(x) >= 100:
        return f"{x:,.0f}"
    return f"{x:.3g}"


def _md_table(header: list[str], rows: list[list[str]]) -> list[str]:
    def esc(s: str) -> str:
        return str(s).replace("|", "\\|")

    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(esc(c) for c in row) + " |" for row in rows]
    return out


@functools.cache
def _read_shortlist() -> pd.DataFrame:
    df = pd.read_csv(
        dataset_path("suggest", "shortlist.csv"),
        dtype={"food_id": str, "factor": str, "portion_seq": np.int64},
        keep_default_na=False,
    )
    return df.set_index("food_id")


def load_shortlist() -> pd.DataFrame:
    """Load the curated shortlist of candidate foods.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``food_id`` (SR28 NDB number); columns ``description``
        (equal to the food table's), ``food_group`` (SR28), ``group``
        (curated: nuts_seeds, leafy_greens, legumes, dairy, fish, ...),
        ``portion`` (text), ``amount``, ``measure``, ``portion_seq`` (SR28
        WEIGHT sequence number), ``factor``, ``grams`` (of the portion) and
        ``tags`` (``;``-separated: vegan, vegetarian, dairy, egg, fish,
        shellfish, meat, nuts, peanut, soy, gluten, fortified).
    """
    return _read_shortlist().copy()


# --------------------------------------------------------------------------- inputs


def _as_gaps(obj: Any) -> pd.Series:
    if isinstance(obj, pd.DataFrame):
        raise TypeError("gaps must be a Report, a mapping or a Series, not a DataFrame")
    s = pd.Series(dict(obj) if isinstance(obj, Mapping) else obj, dtype="float64")
    for key in s.index:
        get_nutrient(str(key))
    s.index = s.index.astype(str)
    s = s[s.notna() & (s > 0)]
    order = [k for k in NUTRIENTS if k in s.index]
    return s.loc[order]


def _as_ids(obj: Any) -> set[str]:
    if obj is None:
        return set()
    if isinstance(obj, str):
        return {obj}
    return {str(x) for x in pd.Series(list(obj), dtype="object").dropna()}


def _infer_tags(description: str, food_group: str) -> str:
    if food_group == "Dairy and Egg Products":
        return "vegetarian;egg" if description.lower().startswith("egg") else "vegetarian;dairy"
    tags = _PLANT_GROUPS.get(food_group, "unknown")
    if "Shellfish" in food_group and re.match(r"(crustaceans|mollusks)", description, re.I):
        tags += ";shellfish"
    return tags


def _default_portions(ids: list[str], portions: pd.DataFrame) -> pd.DataFrame:
    lo, hi = PORTION_GRAMS
    p = portions[portions["food_id"].isin(ids)]
    p = p[(p["grams"] >= lo) & (p["grams"] <= hi)].sort_values(["food_id", "seq"])
    p = p.drop_duplicates("food_id").set_index("food_id")
    amount = p["amount"].map(_format_amount)
    return pd.DataFrame(
        {"portion": amount + " " + p["measure"].astype(str), "grams": p["grams"].astype(float)}
    )


def _format_amount(x: float) -> str:
    from fractions import Fraction

    frac = Fraction(float(x)).limit_denominator(8)
    if frac.denominator == 1:
        return str(frac.numerator)
    whole, rest = divmod(frac.numerator, frac.denominator)
    return f"{whole} {rest}/{frac.denominator}" if whole else f"{rest}/{frac.denominator}"


def _candidates(
    foods: pd.DataFrame, portions: pd.DataFrame | None, eaten: set[str]
) -> pd.DataFrame:
    short = _read_shortlist()
    ids = [i for i in short.index if i in foods.index]
    cand = short.loc[ids, ["group", "portion", "grams", "tags"]].copy()
    cand["shortlisted"] = True
    extra = [i for i in sorted(eaten) if i in foods.index and i not in cand.index]
    if extra:
        sub = foods.loc[extra]
        ok = ~sub["food_group"].astype(str).isin(_BAD_GROUPS) & ~sub["description"].str.contains(
            _BAD_TEXT
        )
        extra = list(sub.index[ok])
    if extra:
        por = _default_portions(extra, portions if portions is not None else load_portions("both"))
        sub = foods.loc[por.index]
        add = pd.DataFrame(
            {
                "group": sub["food_group"].astype(str),
                "portion": por["portion"],
                "grams": por["grams"],
                "tags": [
                    _infer_tags(d, str(g))
                    for d, g in zip(sub["description"], sub["food_group"], strict=True)
                ],
                "shortlisted": False,
            },
            index=por.index,
        )
        cand = pd.concat([cand, add]) if len(add) else cand
    cand["description"] = foods.loc[cand.index, "description"].astype(str)
    cand["food_group"] = foods.loc[cand.index, "food_group"].astype(str)
    cand["tags"] = cand["tags"].map(lambda t: frozenset(x for x in str(t).split(";") if x))
    cand["eaten"] = cand.index.isin(list(eaten))
    cand.index.name = "food_id"
    return cand


def _norm_tag(s: str) -> str:
    s = str(s).strip().lower()
    return _TAG_SYNONYMS.get(s, s)


def _filter(
    cand: pd.DataFrame, exclude: Any, exclude_groups: Any, diet: str | None
) -> pd.DataFrame:
    keep = pd.Series(True, index=cand.index)
    if diet is not None:
        d = str(diet).lower().replace("_", "-").replace(" ", "-")
        if d not in DIETS:
            raise ValueError(f"unknown diet {diet!r}; choose one of {sorted(DIETS)}")
        if d == "dairy-free":
            keep &= cand["tags"].map(lambda t: "dairy" not in t and "unknown" not in t)
        else:
            need = DIETS[d]
            keep &= cand["tags"].map(lambda t: bool(t & need))
    items = [exclude] if isinstance(exclude, str) else list(exclude or ())
    desc = cand["description"].str.lower()
    for item in items:
        item = str(item)
        if item in cand.index:
            keep &= cand.index != item
        else:
            keep &= ~desc.str.contains(item.lower(), regex=False)
    groups = [exclude_groups] if isinstance(exclude_groups, str) else list(exclude_groups or ())
    for g in groups:
        g = _norm_tag(g)
        keep &= ~cand["tags"].map(lambda t, g=g: g in t)
        keep &= cand["group"].str.lower() != g
        keep &= cand["food_group"].str.lower() != g
    return cand[keep]


def _scope_kind(scope: Any) -> str:
    s = "" if scope is None or (isinstance(scope, float) and np.isnan(scope)) else str(scope)
    s = s.lower()
    if any(w in s for w in ("synthetic", "fortif", "folic")):
        return "synthetic"
    if "supplement" in s or "pharmacolog" in s:
        return "supplement"
    return "total"


def _ul_table(profile: Any, ul: Any, notes: list[str]) -> pd.DataFrame:
    """Return a frame indexed by nutrient: ul, ul_scope (raw text), kind."""
    if ul is not None:
        if isinstance(ul, pd.DataFrame):
            vals = ul["ul"].astype(float)
            scopes = ul["ul_scope"] if "ul_scope" in ul else pd.Series("total", index=ul.index)
        else:
            vals = pd.Series(dict(ul), dtype="float64")
            scopes = pd.Series(
                {k: FALLBACK_ULS.get(k, (0, "total"))[1] for k in vals.index}, dtype="object"
            )
    else:
        ri = None
        if profile is not None:
            try:
                from nutrigap.reference import reference_intakes

                ri = reference_intakes(profile)
            except ImportError:  # pragma: no cover - reference module not installed
                ri = None
        if ri is not None:
            vals = ri["ul"].astype(float)
            scopes = ri["ul_scope"] if "ul_scope" in ri else pd.Series("total", index=ri.index)
        else:
            vals = pd.Series({k: v for k, (v, _) in FALLBACK_ULS.items()}, dtype="float64")
            scopes = pd.Series({k: s for k, (_, s) in FALLBACK_ULS.items()}, dtype="object")
            notes.append(
                "No profile given: the plan respects conservative adult ULs (calcium "
                "2,000 mg, vitamin D 100 µg, vitamin B6 100 mg, niacin 35 mg and folic "
                "acid 1,000 µg from fortified foods)."
            )
    out = pd.DataFrame({"ul": vals, "ul_scope": scopes.reindex(vals.index)})
    out = out[out["ul"].notna() & out.index.isin(list(NUTRIENTS))]
    out["kind"] = out["ul_scope"].map(_scope_kind)
    return out


# --------------------------------------------------------------------------- main


def suggest(
    gaps_or_report: Any,
    foods: pd.DataFrame | None = None,
    portions: pd.DataFrame | None = None,
    *,
    profile: Any = None,
    current_intake: Mapping[str, float] | pd.Series | None = None,
    ul: Mapping[str, float] | pd.DataFrame | None = None,
    eaten: Iterable[str] | None = None,
    exclude: Iterable[str] | str = (),
    exclude_groups: Iterable[str] | str = (),
    diet: str | None = None,
    max_per_nutrient: int = 5,
    rank_by: str = "portion",
    max_energy: float | None = DEFAULT_MAX_ENERGY,
    plan: bool = True,
    method: str = "auto",
) -> Suggestions:
    """Suggest foods, in realistic portions, that close a person's nutrient gaps.

    Parameters
    ----------
    gaps_or_report : Report or mapping or pandas.Series
        A :class:`~nutrigap.report.Report` (anything with ``.gaps``; its
        ``.profile``, ``.summary["mean_intake"]`` and ``.entries["food_id"]``
        are used as defaults when present), or nutrient key -> daily gap in
        the nutrient's canonical unit (mg, µg, µg DFE for folate). Zero,
        negative and NaN gaps are ignored.
    foods : pandas.DataFrame, optional
        Food table in :func:`nutrigap.load_food_table` shape; default SR28.
    portions : pandas.DataFrame, optional
        Portions in :func:`nutrigap.load_portions` shape, for eaten foods off
        the shortlist; default all bundled portions.
    profile : nutrigap.Profile, optional
        For the ULs (via :func:`nutrigap.reference.reference_intakes`).
    current_intake : mapping or pandas.Series, optional
        Current mean daily intake per nutrient (canonical units), counted
        against total-scope ULs; ``"folic_acid"`` and ``"niacin_synthetic"``
        for synthetic-scope ULs. Default: the report's ``mean_intake``, and its
        ``ul_intake`` of folate (folic acid, µg) and niacin (supplemental, mg) for
        ``"folic_acid"`` and ``"niacin_synthetic"``.
    ul : mapping or pandas.DataFrame, optional
        ULs overriding the profile's: nutrient -> UL, or a frame with ``ul``
        and ``ul_scope`` columns like ``reference_intakes``.
    eaten : iterable of str, optional
        Food ids the person already eats (a bonus in ranking and plan).
        Default: the report's matched ``food_id`` values.
    exclude : iterable of str or str
        Food ids, or case-insensitive substrings of descriptions, to leave
        out (e.g. ``["11457", "liver"]``).
    exclude_groups : iterable of str or str
        Tags (``"nuts"``, ``"peanut"``, ``"fish"``, ``"shellfish"``,
        ``"dairy"``, ``"egg"``, ``"soy"``, ``"gluten"``, ``"meat"``), curated
        groups (``"leafy_greens"``) or SR28 food groups to leave out.
    diet : {"vegetarian", "vegan", "dairy-free", "pescatarian"}, optional
    max_per_nutrient : int, default 5
        Suggestions per short nutrient.
    rank_by : {"portion", "energy"}, default "portion"
        Rank by what one portion provides, or per 100 kcal.
    max_energy : float or None, default 500
        Cap on the energy (kcal/day) the combined plan adds; None: no cap.
    plan : bool, default True
        Build the combined plan.
    method : {"auto", "milp", "greedy"}, default "auto"
        Plan solver: ``"auto"`` uses :func:`scipy.optimize.milp` when SciPy is
        importable, else the greedy heuristic.

    Returns
    -------
    Suggestions
        ``by_nutrient``, ``plan``, ``coverage`` frames and ``notes``.

    Raises
    ------
    nutrigap.exceptions.UnknownNutrientError
        If a gap names an unknown nutrient.
    ValueError
        For an unknown ``diet``, ``rank_by`` or ``method``.

    Examples
    --------
    >>> s = suggest({"magnesium": 120.0, "potassium": 1200.0})
    >>> s.by_nutrient.columns[:4].tolist()
    ['nutrient', 'rank', 'food_id', 'description']
    """
    if rank_by not in ("portion", "energy"):
        raise ValueError(f"rank_by must be 'portion' or 'energy', not {rank_by!r}")
    if method not in ("auto", "milp", "greedy"):
        raise ValueError(f"method must be 'auto', 'milp' or 'greedy', not {method!r}")
    report = gaps_or_report if hasattr(gaps_or_report, "gaps") else None
    gaps = _as_gaps(report.gaps if report is not None else gaps_or_report)
    if report is not None:
        if profile is None:
            profile = getattr(report, "profile", None)
        summary = getattr(report, "summary", None)
        if current_intake is None and isinstance(summary, pd.DataFrame):
            if "mean_intake" in summary:
                current_intake = summary["mean_intake"]
        entries = getattr(report, "entries", None)
        if eaten is None and isinstance(entries, pd.DataFrame) and "food_id" in entries:
            eaten = entries["food_id"].dropna().unique()
    current = pd.Series(
        dict(current_intake) if current_intake is not None else {}, dtype="float64"
    ).fillna(0.0)
    if report is not None:
        # the report's intakes under synthetic-scope ULs (folic acid from fortified foods and
        # supplements, supplemental niacin) count against those ULs unless given explicitly
        summary = getattr(report, "summary", None)
        if isinstance(summary, pd.DataFrame) and "ul_intake" in summary:
            for nutrient, key in _SYNTHETIC_CURRENT.items():
                if key not in current.index and nutrient in summary.index:
                    value = float(summary.loc[nutrient, "ul_intake"])
                    if np.isfinite(value):
                        current[key] = value
    eaten_ids = _as_ids(eaten)
    notes: list[str] = []

    if foods is None:
        foods = load_food_table("sr28")
    cand = _filter(_candidates(foods, portions, eaten_ids), exclude, exclude_groups, diet)
    vegan = diet is not None and str(diet).lower() == "vegan"

    # per-portion amounts of every nutrient in the table (NaN kept = unknown)
    keys = [k for k in NUTRIENTS if k in foods.columns]
    per100 = foods.loc[cand.index, keys].astype(float)
    grams = cand["grams"].astype(float)
    amounts = per100.mul(grams / 100.0, axis=0)
    if "vitamin_b12" in amounts:
        allowed = cand["tags"].map(lambda t: bool(t & (_ANIMAL_TAGS | {"fortified"})))
        amounts.loc[~allowed, "vitamin_b12"] = np.nan
    energy = amounts["energy"].fillna(0.0) if "energy" in amounts else pd.Series(0.0, cand.index)

    # notes on the gaps themselves
    if "vitamin_d" in gaps.index:
        notes.append(_NOTE_VITAMIN_D)
    if "vitamin_b12" in gaps.index:
        notes.append(_NOTE_B12)
        if vegan:
            notes.append(_NOTE_B12_VEGAN)
    usable = [k for k in gaps.index if k in amounts and amounts[k].notna().any()]
    for k in gaps.index:
        if k not in usable:
            notes.append(
                _NOTE_BIOTIN
                if k == "biotin"
                else f"{NUTRIENTS[k].name}: no values in the food table for the candidate "
                "foods, so no suggestions."
            )
    g = gaps.loc[usable]
    A = amounts[usable].fillna(0.0).clip(lower=0.0)
    cov = A.div(g, axis=1).clip(upper=1.0)
    bonus = 1.0 + EATEN_BONUS * cand["eaten"].astype(float)

    by_nutrient = _rank(cand, amounts, cov, g, energy, bonus, rank_by, max_per_nutrient, notes)

    # ULs and the plan; notes on ULs only for nutrients in play: a gap's own UL, and the
    # ULs that limit a plan actually built (none without gaps or with plan=False)
    ul_notes: list[str] = []
    ult = _ul_table(profile, ul, ul_notes)
    if "magnesium" in ult.index and ult.loc["magnesium", "kind"] == "supplement":
        if "magnesium" in g.index:
            notes.append(_NOTE_MAGNESIUM_UL)
    at_ul: dict[str, str] = {}
    U, head, ul_current = _ul_constraints(cand, amounts, foods, ult, current, at_ul)
    plan_df = _empty_plan(usable)
    coverage = _coverage(g, pd.Series(0.0, index=g.index), ult, ul_current, U, None)
    used = "none"
    if plan and len(g) and len(cand):
        notes.extend(ul_notes)
        # a nutrient already at its UL matters when it is a gap or the plan's foods carry it
        notes.extend(t for n, t in at_ul.items() if n in g.index or (U[n] > 0).any())
        x, used = _solve(A, g, U, head, energy, cand["eaten"], max_energy, method)
        plan_df = _plan_frame(cand, A, energy, x, usable)
        planned = A.mul(x, axis=0).sum()
        coverage = _coverage(g, planned, ult, ul_current, U, x)
        for k, r in coverage.iterrows():
            if r["closed_pct"] < 99.5:
                notes.append(
                    f"The plan closes {r['closed_pct']:.0f} % of the {NUTRIENTS[k].name.lower()} "
                    f"gap within its limits (at most {MAX_PORTIONS_PER_FOOD} portions of a "
                    f"food, {max_energy if max_energy is not None else 'no'} kcal cap, ULs)."
                )
    return Suggestions(
        by_nutrient=by_nutrient, plan=plan_df, coverage=coverage, notes=notes, method=used
    )


_RANK_COLUMNS = [
    "nutrient",
    "rank",
    "food_id",
    "description",
    "group",
    "portion",
    "portion_grams",
    "amount",
    "unit",
    "gap_share_pct",
    "energy_kcal",
    "per_100kcal",
    "other_gaps",
    "gaps_covered",
    "score",
    "eaten",
]


def _rank(
    cand: pd.DataFrame,
    amounts: pd.DataFrame,
    cov: pd.DataFrame,
    g: pd.Series,
    energy: pd.Series,
    bonus: pd.Series,
    rank_by: str,
    k: int,
    notes: list[str],
) -> pd.DataFrame:
    parts = []
    total_cov = cov.sum(axis=1)
    for n in g.index:
        amt = amounts[n]
        share = amt / g[n]
        ok = amt.notna() & (share >= MIN_SHARE)
        if not ok.any():
            notes.append(
                f"{NUTRIENTS[n].name}: no candidate food provides {MIN_SHARE:.0%} of the gap "
                "in one portion with the chosen preferences."
            )
            continue
        score = cov[n] * (1.0 + OTHER_GAP_WEIGHT * (total_cov - cov[n])) * bonus
        if rank_by == "energy":
            score = score / energy.clip(lower=10.0) * 100.0
        df = pd.DataFrame(
            {
                "nutrient": n,
                "food_id": cand.index,
                "description": cand["description"],
                "group": cand["group"],
                "portion": cand["portion"],
                "portion_grams": cand["grams"].astype(float),
                "amount": amt,
                "unit": NUTRIENTS[n].display_unit,
                "gap_share_pct": share * 100.0,
                "energy_kcal": energy,
                "per_100kcal": amt / energy.where(energy > 0) * 100.0,
                "gaps_covered": total_cov,
                "score": score,
                "eaten": cand["eaten"],
            },
            index=cand.index,
        )[ok]
        df = df.sort_values(["score", "amount"], ascending=False, kind="stable")
        df["_g"] = df.groupby("group").cumcount()
        df = df.sort_values(["_g", "score", "amount"], ascending=[True, False, False])
        df = df.head(k).drop(columns="_g")
        others = [m for m in g.index if m != n]
        df["other_gaps"] = [
            [
                m
                for m in sorted(others, key=lambda m, f=f: -cov.at[f, m])
                if cov.at[f, m] >= HELP_SHARE
            ]
            for f in df.index
        ]
        df["rank"] = np.arange(1, len(df) + 1)
        parts.append(df)
    if not parts:
        return pd.DataFrame(columns=_RANK_COLUMNS)
    out = pd.concat(parts, ignore_index=True)[_RANK_COLUMNS]
    # a ratio to a (near-)zero energy or gap overflows to ±inf: no usable number, so NaN
    num = [c for c in out.columns if pd.api.types.is_float_dtype(out[c])]
    out[num] = out[num].where(np.isfinite(out[num].to_numpy(dtype=float)), np.nan)
    return out


def _ul_constraints(
    cand: pd.DataFrame,
    amounts: pd.DataFrame,
    foods: pd.DataFrame,
    ult: pd.DataFrame,
    current: pd.Series,
    at_ul: dict[str, str],
) -> tuple[pd.DataFrame, pd.Series, pd.Series]:
    """Per-portion UL-relevant amounts, headroom and current UL-relevant intake.

    Nutrients whose current intake is already at or above the UL get a note in
    ``at_ul`` (nutrient -> text).
    """
    cols, head, cur = {}, {}, {}
    fortified = cand["tags"].map(lambda t: "fortified" in t) | (
        cand["food_group"] == "Breakfast Cereals"
    )
    for n, row in ult.iterrows():
        if n not in amounts or row["kind"] == "supplement":
            continue
        if row["kind"] == "total":
            contrib = amounts[n].fillna(0.0)
            now = float(current.get(n, 0.0))
        elif n == "folate":
            fa = foods.loc[cand.index, "folic_acid"] if "folic_acid" in foods else None
            fa = (
                fa.astype(float) * cand["grams"] / 100.0
                if fa is not None
                else pd.Series(np.nan, index=cand.index)
            )
            bound = amounts["folate"] / 1.7
            contrib = fa.fillna(bound.where(fortified, 0.0)).fillna(0.0)
            now = float(current.get("folic_acid", 0.0))
        else:
            contrib = amounts[n].where(fortified, 0.0).fillna(0.0)
            now = float(current.get(f"{n}_synthetic", 0.0))
        cols[n] = contrib.clip(lower=0.0)
        head[n] = max(float(row["ul"]) - now, 0.0)
        cur[n] = now
        if now >= float(row["ul"]):
            at_ul[n] = (
                f"{NUTRIENTS[n].name}: current intake ({now:.3g} {NUTRIENTS[n].display_unit}) "
                f"is at or above the UL ({row['ul']:.3g}); the plan adds none of it."
            )
    U = pd.DataFrame(cols, index=cand.index)
    return U, pd.Series(head, dtype="float64"), pd.Series(cur, dtype="float64")


def _solve(
    A: pd.DataFrame,
    g: pd.Series,
    U: pd.DataFrame,
    head: pd.Series,
    energy: pd.Series,
    eaten: pd.Series,
    max_energy: float | None,
    method: str,
) -> tuple[pd.Series, str]:
    a = A.to_numpy(float)
    gv = g.to_numpy(float)
    u = U.to_numpy(float)
    h = head.reindex(U.columns).to_numpy(float)
    e = energy.to_numpy(float).clip(min=0.0)
    e_ref = max_energy if max_energy else DEFAULT_MAX_ENERGY
    w = (1.0 + 0.5 * e / e_ref) / (1.0 + EATEN_BONUS * eaten.to_numpy(float))
    if method in ("auto", "milp"):
        try:
            x = _solve_milp(a, gv, u, h, e, w, max_energy)
        except ImportError:
            if method == "milp":
                raise
            x = None
        if x is not None:
            return pd.Series(x, index=A.index), "milp"
    return pd.Series(_solve_greedy(a, gv, u, h, e, w, max_energy), index=A.index), "greedy"


def _solve_milp(a, g, u, h, e, w, max_energy) -> np.ndarray | None:
    from scipy.optimize import Bounds, LinearConstraint, milp

    nf, ng = a.shape
    c = np.concatenate([w, OPEN_GAP_PENALTY / g])
    cons = [
        # a^T x + s >= g
        LinearConstraint(np.hstack([a.T, np.eye(ng)]), lb=g, ub=np.inf),
    ]
    if u.shape[1]:
        # keep a small margin so rounding never crosses the UL
        cons.append(LinearConstraint(np.hstack([u.T, np.zeros((u.shape[1], ng))]), ub=h * 0.999))
    if max_energy is not None:
        cons.append(LinearConstraint(np.concatenate([e, np.zeros(ng)])[None, :], ub=max_energy))
    integrality = np.concatenate([np.ones(nf), np.zeros(ng)])
    bounds = Bounds(np.zeros(nf + ng), np.concatenate([np.full(nf, MAX_PORTIONS_PER_FOOD), g]))
    res = milp(
        c,
        constraints=cons,
        integrality=integrality,
        bounds=bounds,
        options={"time_limit": 10.0},
    )
    if res.x is None:
        return None
    x = np.round(res.x[:nf])
    if not _feasible(x, u, h, e, max_energy):
        return None
    return x


def _feasible(x, u, h, e, max_energy) -> bool:
    if u.shape[1] and np.any(x @ u > h + 1e-9):
        return False
    return not (max_energy is not None and float(x @ e) > max_energy + 1e-9)


def _solve_greedy(a, g, u, h, e, w, max_energy) -> np.ndarray:
    nf = a.shape[0]
    x = np.zeros(nf)
    r = g.copy()
    spent = np.zeros(u.shape[1])
    kcal = 0.0
    while np.any(r > 1e-9 * g):
        gain = (np.minimum(a, r) / g).sum(axis=1)
        ok = (x < MAX_PORTIONS_PER_FOOD) & (gain > 1e-3)
        if u.shape[1]:
            ok &= np.all(spent + u <= h + 1e-9, axis=1)
        if max_energy is not None:
            ok &= kcal + e <= max_energy + 1e-9
        if not ok.any():
            break
        score = np.where(ok, gain / w, -np.inf)
        best = int(np.argmax(score))
        x[best] += 1
        r = np.maximum(r - a[best], 0.0)
        if u.shape[1]:
            spent = spent + u[best]
        kcal += e[best]
    return x


def _empty_plan(nutrients: list[str]) -> pd.DataFrame:
    cols = ["food_id", "description", "portions", "portion", "grams", "energy_kcal", *nutrients]
    return pd.DataFrame(columns=cols)


def _plan_frame(
    cand: pd.DataFrame, A: pd.DataFrame, energy: pd.Series, x: pd.Series, nutrients: list[str]
) -> pd.DataFrame:
    sel = x[x > 0]
    if sel.empty:
        return _empty_plan(nutrients)
    ids = sel.index
    df = pd.DataFrame(
        {
            "food_id": ids,
            "description": cand.loc[ids, "description"].to_numpy(),
            "portions": sel.astype(int).to_numpy(),
            "portion": cand.loc[ids, "portion"].to_numpy(),
            "grams": (cand.loc[ids, "grams"].astype(float) * sel).to_numpy(),
            "energy_kcal": (energy.loc[ids] * sel).to_numpy(),
        }
    )
    for n in nutrients:
        df[n] = (A.loc[ids, n] * sel).to_numpy()
    return df.sort_values(["portions", "energy_kcal"], ascending=[False, True]).reset_index(
        drop=True
    )


def _coverage(
    g: pd.Series,
    planned: pd.Series,
    ult: pd.DataFrame,
    ul_current: pd.Series,
    U: pd.DataFrame,
    x: pd.Series | None,
) -> pd.DataFrame:
    cov = pd.DataFrame(
        {
            "unit": [NUTRIENTS[k].display_unit for k in g.index],
            "gap": g,
            "from_plan": planned.reindex(g.index).fillna(0.0),
        },
        index=g.index,
    )
    cov["closed_pct"] = cov["from_plan"] / cov["gap"] * 100.0
    cov["remaining"] = (cov["gap"] - cov["from_plan"]).clip(lower=0.0)
    cov["ul"] = ult["ul"].reindex(g.index)
    cov["ul_scope"] = ult["ul_scope"].reindex(g.index)
    counted = {}
    for n in g.index:
        if n in U.columns:
            add = float((U[n] * x).sum()) if x is not None else 0.0
            counted[n] = float(ul_current.get(n, 0.0)) + add
    cov["ul_counted"] = pd.Series(counted, dtype="float64").reindex(g.index)
    cov.index.name = "nutrient"
    return cov
