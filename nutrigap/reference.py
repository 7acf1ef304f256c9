"""Dietary Reference Intakes (DRIs) and the person they apply to.

A :class:`Profile` (age, sex, pregnancy, lactation) selects one of the National
Academies' 22 life-stage groups; :func:`reference_intakes` returns that group's
Estimated Average Requirement (EAR), Recommended Dietary Allowance (RDA) or
Adequate Intake (AI), and Tolerable Upper Intake Level (UL) for every tracked
nutrient and for total water.

The values live in the bundled table ``datasets/dri/dri.csv`` (built and
checked by ``datasets/dri/build.py``; provenance in ``datasets/dri/README.md``),
one row per life-stage group and nutrient, each citing its report and table.

Every UL has a *scope*, because several ULs do not apply to food:

``"all sources"``
    food, drinks and supplements together (calcium, vitamin D, vitamin B6).
``"supplements and medicines only"``
    magnesium: the UL covers pharmacological magnesium, not food and water.
``"synthetic forms only"``
    niacin (from supplements and fortified foods) and folate (folic acid from
    supplements and fortified foods, in µg of folic acid, not µg DFE).
``"none established"``
    no UL was set (thiamin, riboflavin, pantothenic acid, biotin, vitamin B12,
    potassium, water): no adverse effect has been shown, which is not a
    promise that any amount is safe.
``"not determinable"``
    infants, for magnesium, niacin, vitamin B6 and folate: the reports advise
    food and formula as the only sources.

References
----------
.. [1] Institute of Medicine (1997). *Dietary Reference Intakes for Calcium,
   Phosphorus, Magnesium, Vitamin D, and Fluoride*. National Academy Press.
   doi:10.17226/5776
.. [2] Institute of Medicine (1998). *Dietary Reference Intakes for Thiamin,
   Riboflavin, Niacin, Vitamin B6, Folate, Vitamin B12, Pantothenic Acid,
   Biotin, and Choline*. National Academy Press. doi:10.17226/6015
.. [3] Institute of Medicine (2005). *Dietary Reference Intakes for Water,
   Potassium, Sodium, Chloride, and Sulfate*. National Academies Press.
   doi:10.17226/10925
.. [4] Institute of Medicine (2011). *Dietary Reference Intakes for Calcium and
   Vitamin D*. National Academies Press. doi:10.17226/13050
.. [5] National Academies of Sciences, Engineering, and Medicine (2019).
   *Dietary Reference Intakes for Sodium and Potassium*. National Academies
   Press. doi:10.17226/25353
"""

from __future__ import annotations

import functools
import math
import numbers
from dataclasses import dataclass

import numpy as np
import pandas as pd

from nutrigap.data import dataset_path
from nutrigap.exceptions import ProfileError, UnknownNutrientError
from nutrigap.nutrients import TRACKED, get_nutrient

__all__ = [
    "Profile",
    "reference_intakes",
    "load_dri_table",
    "DRI_NUTRIENTS",
    "UL_SCOPES",
    "MAX_AGE",
]

#: Nutrient keys that have DRIs: the twelve tracked nutrients plus total water.
DRI_NUTRIENTS: tuple[str, ...] = (*TRACKED, "water")

#: The vocabulary of the ``ul_scope`` column.
UL_SCOPES: tuple[str, ...] = (
    "all sources",
    "supplements and medicines only",
    "synthetic forms only",
    "none established",
    "not determinable",
)

#: Oldest accepted age in years; older ages are taken for typing errors.
MAX_AGE: float = 125.0

_SEXES = {"female": "female", "f": "female", "male": "male", "m": "male"}
_FLOAT_COLS = ["age_min", "age_max", "ear", "rda", "ai", "ear_cv", "ul"]


@dataclass(frozen=True)
class Profile:
    """The person whose intake is assessed.

    Parameters
    ----------
    age : float
        Age in years; fractional for infants (``0.25`` is 3 months). Must be
        at least 0 and below :data:`MAX_AGE` (125).
    sex : {"female", "male"}
        Case-insensitive; ``"f"`` and ``"m"`` are accepted and normalised to
        ``"female"``/``"male"``. The DRIs do not differ by sex before age 9,
        but a sex is still required.
    pregnant, lactating : bool, default False
        The DRIs for pregnancy and lactation cover ages 14 through 50, so
        either flag outside that range is an error, as are both together and
        either for a male.

    Raises
    ------
    ProfileError
        With a message saying what is wrong.

    Examples
    --------
    >>> Profile(40, "F").life_stage
    'female_31_50'
    >>> Profile(0.3, "m").life_stage_label
    'Infants 0–6 months'
    >>> Profile(28, "female", pregnant=True).life_stage
    'pregnant_19_30'
    """

    age: float
    sex: str
    pregnant: bool = False
    lactating: bool = False

    def __post_init__(self) -> None:
        age = self.age
        if isinstance(age, bool) or not isinstance(age, numbers.Real):
            raise ProfileError(f"age must be a number of years, got {age!r}")
        age = float(age)
        if math.isnan(age) or age < 0 or age >= MAX_AGE:
            raise ProfileError(
                f"age must be at least 0 and below {MAX_AGE:g} years, got {self.age!r}"
            )
        if not isinstance(self.sex, str) or self.sex.strip().lower() not in _SEXES:
            raise ProfileError(f"sex must be 'female' or 'male' (or 'f'/'m'), got {self.sex!r}")
        sex = _SEXES[self.sex.strip().lower()]
        for flag in ("pregnant", "lactating"):
            value = getattr(self, flag)
            if not isinstance(value, (bool, np.bool_)):
                raise ProfileError(f"{flag} must be True or False, got {value!r}")
        pregnant, lactating = bool(self.pregnant), bool(self.lactating)
        if pregnant and lactating:
            raise ProfileError(
                "pregnant and lactating cannot both be set: the DRIs have separate groups; "
                "choose the one that applies now"
            )
        if (pregnant or lactating) and sex == "male":
            what = "pregnant" if pregnant else "lactating"
            raise ProfileError(f"a male profile cannot be {what}")
        if (pregnant or lactating) and not 14 <= age < 51:
            what = "pregnancy" if pregnant else "lactation"
            raise ProfileError(
                f"the DRIs for {what} cover ages 14 through 50; got age {self.age!r}"
            )
        object.__setattr__(self, "age", age)
        object.__setattr__(self, "sex", sex)
        object.__setattr__(self, "pregnant", pregnant)
        object.__setattr__(self, "lactating", lactating)

    @property
    def condition(self) -> str:
        """``"pregnant"``, ``"lactating"`` or ``"none"``."""
        if self.pregnant:
            return "pregnant"
        if self.lactating:
            return "lactating"
        return "none"

    @property
    def life_stage(self) -> str:
        """Code of the DRI life-stage group, e.g. ``"female_31_50"``, ``"child_4_8"``,
        ``"male_71_plus"``, ``"lactating_14_18"`` (the ``life_stage`` column of
        :func:`load_dri_table`)."""
        return _group_of(self)[0]

    @property
    def life_stage_label(self) -> str:
        """Readable name of the group, e.g. ``"Females 31–50 years"``."""
        return _group_of(self)[1]


@functools.lru_cache(maxsize=1024)
def _group_of(profile: Profile) -> tuple[str, str]:
    groups = _groups()
    age, cond = profile.age, profile.condition
    if age < 9:
        cand = groups[groups["sex"] == "any"]
    else:
        cand = groups[(groups["sex"] == profile.sex) & (groups["condition"] == cond)]
    hit = cand[(cand["age_min"] <= age) & (age < cand["age_max"])]
    if len(hit) != 1:  # pragma: no cover - the table covers 0 to MAX_AGE
        raise ProfileError(f"no DRI life-stage group for {profile!r}")
    return str(hit.index[0]), str(hit["label"].iloc[0])


@functools.cache
def _read_dri() -> pd.DataFrame:
    path = dataset_path("dri", "dri.csv")
    df = pd.read_csv(
        path,
        dtype={c: np.float64 for c in _FLOAT_COLS},
        keep_default_na=False,
        na_values={c: [""] for c in _FLOAT_COLS},
    )
    return df


@functools.cache
def _groups() -> pd.DataFrame:
    df = _read_dri()
    return (
        df.drop_duplicates("life_stage")
        .set_index("life_stage")[["label", "sex", "condition", "age_min", "age_max"]]
        .copy()
    )


def load_dri_table() -> pd.DataFrame:
    """Return the whole bundled DRI table.

    Returns
    -------
    pandas.DataFrame
        One row per life-stage group x nutrient (22 x 13 = 286 rows). Columns:
        ``life_stage`` (code), ``label``, ``sex`` (``"any"``, ``"female"``,
        ``"male"``), ``condition`` (``"none"``, ``"pregnant"``,
        ``"lactating"``), ``age_min``/``age_max`` (years, the group is
        ``age_min <= age < age_max``), ``nutrient`` (key), ``unit``, ``ear``,
        ``rda``, ``ai`` (float, NaN where not set: a group has either an EAR and
        RDA or an AI), ``ear_cv`` (coefficient of variation of the requirement
        used for the EAR; see ``datasets/dri/README.md``), ``ul`` (NaN where
        none), ``ul_unit``, ``ul_scope`` (see :data:`UL_SCOPES`), ``note``,
        ``source`` (report and table).

    Examples
    --------
    >>> t = load_dri_table()
    >>> t.loc[(t.life_stage == "female_31_50") & (t.nutrient == "magnesium"), "ear"].item()
    265.0
    """
    return _read_dri().copy()


def reference_intakes(profile: Profile) -> pd.DataFrame:
    """Return the DRIs that apply to ``profile``.

    Parameters
    ----------
    profile : Profile

    Returns
    -------
    pandas.DataFrame
        Indexed by nutrient key (the twelve tracked nutrients, then
        ``"water"``), with columns ``ear``, ``rda``, ``ai``, ``ul`` (floats in
        the nutrient's canonical unit; NaN where the DRIs set none),
        ``ul_scope``, ``unit``, ``ul_unit``, ``ear_cv``, ``source``, ``note``,
        ``life_stage``.

    Examples
    --------
    >>> ri = reference_intakes(Profile(40, "female"))
    >>> ri.loc["magnesium", ["ear", "rda", "ul"]].tolist()
    [265.0, 320.0, 350.0]
    >>> ri.loc["magnesium", "ul_scope"]
    'supplements and medicines only'
    >>> float(ri.loc["potassium", "ai"])
    2600.0
    """
    if not isinstance(profile, Profile):
        raise ProfileError(f"expected a nutrigap.Profile, got {type(profile).__name__}")
    return _reference(profile.life_stage).copy()


@functools.cache
def _reference(code: str) -> pd.DataFrame:
    """The DRIs of one life-stage group (cached; callers must not modify it)."""
    df = _read_dri()
    sub = df[df["life_stage"] == code].set_index("nutrient")
    cols = ["ear", "rda", "ai", "ul", "ul_scope", "unit", "ul_unit", "ear_cv", "source", "note"]
    out = sub.loc[list(DRI_NUTRIENTS), cols].copy()
    out["life_stage"] = code
    out.index.name = "nutrient"
    return out


def reference_row(profile: Profile, nutrient: str) -> pd.Series:
    """Return one nutrient's DRIs for ``profile`` (raises UnknownNutrientError)."""
    nutrient = _check_dri_nutrient(nutrient)
    return reference_intakes(profile).loc[nutrient]


def _check_dri_nutrient(key: str) -> str:
    get_nutrient(key)  # unknown keys: the catalog's message lists them
    if key not in DRI_NUTRIENTS:
        raise UnknownNutrientError(
            f"no Dietary Reference Intake for {key!r}; nutrients with DRIs: "
            f"{', '.join(DRI_NUTRIENTS)}"
        )
    return key
