"""Is an individual's usual intake adequate? The National Academies' method.

A few days of food records estimate a person's *usual* (long-run average)
intake only roughly: intakes vary from day to day, and requirements vary from
person to person. The National Academies' report *DRI: Applications in Dietary
Assessment* (2000), chapter 3 and appendix B, turns the observed mean into a
statement with a stated confidence, which is what :func:`assess_intake` and
:func:`assess_intakes` compute.

Nutrients with an EAR
    .. math:: z = \\frac{\\bar y - \\mathrm{EAR}}
              {\\sqrt{\\mathrm{SD}_r^2 + \\mathrm{SD}_{within}^2 / n}}

    with :math:`\\bar y` the mean of ``n`` logged days, :math:`\\mathrm{SD}_r`
    the SD of requirements (CV x EAR: 10%, 15% for niacin; for calcium and
    vitamin D, whose 2011 EARs carry no published CV, (RDA - EAR) / 2, since
    the RDA is set at the 97.5th percentile of requirements) and
    :math:`\\mathrm{SD}_{within}` the day-to-day SD of intake.
    ``probability`` = Φ(z) is the probability that usual intake meets the
    person's requirement. The verdict follows the report's Table B-1: z ≥ 2.00
    "adequate" with 98% confidence, ≥ 1.65 95%, ≥ 1.50 93%, ≥ 1.00 85%,
    ≥ 0.50 70%; between -0.50 and 0.50 "cannot tell" (50%); symmetrically
    "inadequate".

Nutrients with an AI only
    :math:`z = (\\bar y - \\mathrm{AI}) / (\\mathrm{SD}_{within}/\\sqrt n)`;
    ``probability`` = Φ(z) is the confidence that usual intake is above the
    AI. Above it with confidence (z ≥ 0.5): "adequate"; otherwise "cannot
    conclude". ``confidence`` holds Φ(z) for both verdicts: for "cannot
    conclude" it is the (low) probability that usual intake is above the AI,
    not a confidence of a shortfall. An intake below an AI is never called a
    deficiency: the AI is an intake that appears adequate, not a requirement.

Tolerable Upper Intake Levels
    :math:`z = (\\bar y_{UL} - \\mathrm{UL}) / (\\mathrm{SD}_{within}/\\sqrt n)`,
    on the intake the UL's scope covers (``ul_intake``: supplements and
    medicines for magnesium, folic acid for folate, niacin from supplements
    and fortified foods for niacin, as the caller counts it; the mean intake
    for all-source ULs).
    ``ul_confidence_below`` = Φ(-z): "safe" when confidently below,
    "possible risk of excess" when confidently above, else "cannot tell".
    A supplements-only or synthetic-only UL is never judged on food intake:
    without ``ul_intake`` it is "not assessed".

Day-to-day SD of intake (``sd_within``)
    The report uses the SD of daily intake pooled over everyone of the same
    sex and life stage in a national survey (CSFII 1994-96, its Tables
    B-2 to B-5), not the person's own SD: a few days rarely show the full
    range of someone's intakes, so their own SD is badly biased. nutrigap
    bundles the published pooled values it could verify (``sd_within.csv``)
    and otherwise uses a planning coefficient of variation per nutrient,
    ``SD = CV x max(intake, cut-off)`` where the cut-off is the EAR, AI or UL
    being tested (intake variability grows with intake; the floor keeps a low
    intake from implying a tiny SD). Callers may pass their own SDs (a scalar,
    or a mapping nutrient -> SD), e.g. a survey table for their population,
    or the person's own SD from at least a week or two of records
    (``daily.std(ddof=1)``), knowing the bias above.

All of this assumes daily intakes are roughly normal; with within-person CVs
above 60-70% (vitamin D, vitamin B12) the report warns the method is
unreliable, and the result's ``note`` says so.

References
----------
.. [1] Institute of Medicine (2000). *Dietary Reference Intakes: Applications
   in Dietary Assessment*. National Academy Press, ch. 3 and appendix B
   (Tables B-1 to B-5). doi:10.17226/9956
.. [2] Institute of Medicine (2006). *Dietary Reference Intakes: The Essential
   Guide to Nutrient Requirements*, appendices H and I. doi:10.17226/11537
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import pandas as pd

from nutrigap.data import dataset_path
from nutrigap.reference import (
    DRI_NUTRIENTS,
    Profile,
    _check_dri_nutrient,
    _reference,
    reference_intakes,
)

__all__ = [
    "Assessment",
    "assess_intake",
    "assess_intakes",
    "assess_matrix",
    "percent_of_target",
    "confidence_band",
    "format_probability",
    "normal_cdf",
    "z_ear",
    "z_threshold",
    "default_sd_within",
    "CONFIDENCE_BANDS",
    "HIGH_CV",
]

#: Table B-1 of NASEM (2000): |z| thresholds and the probability of a correct
#: conclusion. Below 0.50 the report draws no conclusion (50%).
CONFIDENCE_BANDS: tuple[tuple[float, float], ...] = (
    (2.00, 0.98),
    (1.65, 0.95),
    (1.50, 0.93),
    (1.00, 0.85),
    (0.50, 0.70),
)

#: Within-person CV above which the normal approximation is unreliable
#: (NASEM 2000, Tables B-2 to B-5, note: "larger than 60 to 70 percent").
HIGH_CV: float = 0.6


# --------------------------------------------------------------------------- maths
def normal_cdf(z: Any) -> Any:
    """Standard normal cumulative distribution Φ(z), elementwise.

    Parameters
    ----------
    z : float or array_like
        NaN gives NaN; ±inf give 1 and 0.

    Returns
    -------
    float or numpy.ndarray

    Examples
    --------
    >>> round(normal_cdf(1.0), 4)
    0.8413
    """
    out = _ndtr(np.asarray(z, dtype=np.float64))
    return float(out) if np.ndim(out) == 0 else out


_ERFC = np.frompyfunc(math.erfc, 1, 1)


def _erfc_ndtr(z: np.ndarray) -> np.ndarray:
    """Φ(z) = erfc(-z / √2) / 2 with :func:`math.erfc` per element.

    ``erfc`` of the negated argument keeps the lower tail exact (Φ(-30) ≈ 5e-198
    rather than 1 - Φ(30) = 0). :func:`math.erfc` is the C library's, correct
    to a few units in the last place: against ``scipy.special.ndtr`` on z in
    [-35, 9] the relative difference is below 3e-13 and the absolute below
    3e-16 (``tests/test_assess.py`` checks tabulated values to 1e-12).
    120,000 values take ~30 ms; importing :mod:`scipy.special` for its ufunc
    took ~0.45 s, more than a batch of 10,000 people spends here, and scipy
    is optional (``nutrigap[optimize]``).
    """
    x = np.asarray(z, dtype=np.float64)
    out = 0.5 * np.asarray(_ERFC(-x / math.sqrt(2.0)), dtype=np.float64)
    return out.reshape(x.shape)


_ndtr = _erfc_ndtr


def _safe_div(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    num = np.asarray(num, dtype=np.float64)
    den = np.asarray(den, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        z = num / den
        # den == 0 (an SD of 0 was given): the sign of the difference decides
        signed = np.where(num == 0, 0.0, np.copysign(np.inf, num))
    zero = (den == 0) & ~np.isnan(num)
    return np.where(zero, signed, z)


def z_ear(mean_intake: Any, ear: Any, n_days: Any, sd_within: Any, sd_requirement: Any) -> Any:
    """z statistic for comparing a mean intake with the EAR (NASEM 2000, eq. B-1).

    ``z = (mean - EAR) / sqrt(SD_r² + SD_within² / n)``.

    Examples
    --------
    The report's magnesium example (woman 40 y, 3 days, mean 320 mg):

    >>> round(z_ear(320, 265, 3, 86, 26.5), 2)
    0.98
    """
    den = np.sqrt(np.square(sd_requirement) + np.square(sd_within) / np.asarray(n_days, float))
    z = _safe_div(np.asarray(mean_intake, float) - np.asarray(ear, float), den)
    return float(z) if np.ndim(z) == 0 else z


def z_threshold(mean_intake: Any, threshold: Any, n_days: Any, sd_within: Any) -> Any:
    """z statistic for comparing a mean intake with an AI or a UL (NASEM 2000, app. B).

    ``z = (mean - threshold) / (SD_within / sqrt(n))``.

    Examples
    --------
    The report's calcium example (AI 1,000 mg, mean 1,200 mg, SD 325 mg):

    >>> [round(normal_cdf(z_threshold(1200, 1000, n, 325)), 2) for n in (1, 3, 7)]
    [0.73, 0.86, 0.95]
    """
    den = np.asarray(sd_within, float) / np.sqrt(np.asarray(n_days, float))
    z = _safe_div(np.asarray(mean_intake, float) - np.asarray(threshold, float), den)
    return float(z) if np.ndim(z) == 0 else z


def confidence_band(z: float) -> float:
    """Probability of a correct conclusion for ``|z|`` by the report's Table B-1.

    Returns 0.98, 0.95, 0.93, 0.85, 0.70, or 0.5 when ``|z| < 0.5`` (no
    conclusion); NaN for NaN.

    Examples
    --------
    >>> confidence_band(1.2), confidence_band(-2.3), confidence_band(0.1)
    (0.85, 0.98, 0.5)
    """
    if z is None or math.isnan(z):
        return math.nan
    a = abs(z)
    for threshold, level in CONFIDENCE_BANDS:
        if a >= threshold:
            return level
    return 0.5


# --------------------------------------------------------------------- SD_within
@functools.cache
def _sd_table() -> pd.DataFrame:
    return pd.read_csv(
        dataset_path("dri", "sd_within.csv"),
        dtype={"sd": np.float64, "cv": np.float64, "age_min": np.float64, "age_max": np.float64},
        keep_default_na=False,
        na_values={"sd": [""], "cv": [""]},
    )


def default_sd_within(profile: Profile) -> pd.DataFrame:
    """Return the default day-to-day SD rule for each DRI nutrient.

    Parameters
    ----------
    profile : Profile

    Returns
    -------
    pandas.DataFrame
        Indexed by nutrient: ``sd`` (a published pooled SD for the person's
        group, NaN where none is bundled), ``cv`` (planning CV used when ``sd``
        is NaN: SD = CV x max(intake, cut-off)), ``source``.

    Examples
    --------
    >>> float(default_sd_within(Profile(40, "female")).loc["magnesium", "sd"])
    86.0
    """
    return _sd_defaults(profile).copy()


@functools.lru_cache(maxsize=1024)
def _sd_defaults(profile: Profile) -> pd.DataFrame:
    tab = _sd_table()
    match = tab[
        tab["sex"].isin(["any", profile.sex])
        & tab["condition"].isin(["any", profile.condition])
        & (tab["age_min"] <= profile.age)
        & (profile.age < tab["age_max"])
    ]
    published = match[match["sd"].notna()].drop_duplicates("nutrient").set_index("nutrient")
    planning = match[match["cv"].notna()].drop_duplicates("nutrient").set_index("nutrient")
    out = pd.DataFrame(index=pd.Index(DRI_NUTRIENTS, name="nutrient"))
    out["sd"] = published["sd"].reindex(out.index)
    out["cv"] = planning["cv"].reindex(out.index)
    out["source"] = (
        published["source"].reindex(out.index).fillna(planning["source"].reindex(out.index))
    )
    out["source"] = out["source"].fillna("")
    return out


# ----------------------------------------------------------------------- results
@dataclass(frozen=True)
class Assessment:
    """The assessment of one nutrient for one person (see :func:`assess_intake`).

    Attributes
    ----------
    nutrient, unit : str
    mean_intake : float
        Observed mean daily intake (canonical unit).
    n_days : float
        Number of logged days behind the mean.
    target_kind : {"EAR", "AI"} or None
    target : float
        The EAR or AI compared with (NaN if none).
    sd_within, sd_requirement : float
        SDs used (SD of requirement is NaN for AI nutrients).
    sd_within_kind : {"published", "estimate", "given"}
        Where ``sd_within`` comes from: a published pooled SD (NASEM 2000,
        Table B-2), nutrigap's planning estimate (CV x max(intake, cut-off),
        not a published value) or the caller.
    sd_within_source : str
    z, probability : float
        For EAR nutrients Φ(z) is the probability that usual intake meets the
        requirement; for AI nutrients the confidence that usual intake is above
        the AI.
    confidence : float
        EAR nutrients: the probability that the verdict is right, Φ(|z|) for
        "adequate" and "inadequate" (as the report's chapter 3 tables, from a
        z table), 0.5 for "cannot tell" (about 50/50). AI nutrients: always
        Φ(z), the probability that usual intake is above the AI; for
        "adequate" that is the probability that the verdict is right, for
        "cannot conclude" it is below 0.70 (and below 0.5 when the mean is
        under the AI) and is *not* a confidence of a shortfall, which an AI
        cannot give. NaN for "no data" and "no reference".
    confidence_band : float
        The confidence by the report's Table B-1 bins (a lower bound: 0.98,
        0.95, 0.93, 0.85, 0.70), or 0.5 when no conclusion is drawn ("cannot
        tell", "cannot conclude").
    verdict : str
        ``"adequate"``, ``"inadequate"``, ``"cannot tell"`` (EAR);
        ``"adequate"``, ``"cannot conclude"`` (AI); ``"no reference"``;
        ``"no data"`` (mean is NaN).
    confidence_text : str
        The verdict in words with its confidence (:func:`format_probability`:
        "about 84% confidence", never "100%": ">99% confidence").
    percent_of_target : float
        Mean as % of the RDA or AI (less informative than the verdict).
    ul, ul_unit, ul_scope : float, str, str
    ul_intake : float
        The intake tested against the UL (NaN if not assessed).
    ul_z, ul_probability_over, ul_confidence_below : float
        z and Φ(z) (probability usual intake is over the UL) and 1 - Φ(z).
    ul_confidence, ul_confidence_band : float
        Probability that the UL verdict is right, exact and by Table B-1.
    ul_verdict : str
        ``"safe"``, ``"possible risk of excess"``, ``"cannot tell"``,
        ``"not assessed"``, ``"no UL"``, ``"not determinable"``, ``"no data"``.
    ul_text, note, life_stage : str
    """

    nutrient: str
    unit: str
    mean_intake: float
    n_days: float
    target_kind: str | None
    target: float
    sd_within: float
    sd_within_kind: str
    sd_within_source: str
    sd_requirement: float
    z: float
    probability: float
    confidence: float
    confidence_band: float
    verdict: str
    confidence_text: str
    percent_of_target: float
    ul: float
    ul_unit: str
    ul_scope: str
    ul_intake: float
    ul_z: float
    ul_probability_over: float
    ul_confidence_below: float
    ul_confidence: float
    ul_confidence_band: float
    ul_verdict: str
    ul_text: str
    note: str
    life_stage: str

    def to_dict(self) -> dict[str, Any]:
        """Return the fields as a plain dict."""
        return asdict(self)


RESULT_COLUMNS: tuple[str, ...] = tuple(f for f in Assessment.__dataclass_fields__)


# ------------------------------------------------------------------ input checks
def format_probability(p: float) -> str:
    """A probability as a percentage for people, never "100%" or "0%".

    Values that round to 100% or 0% are shown as ``">99%"`` and ``"<1%"``: a
    few days of records never make a conclusion certain. Used by the
    assessment texts and by the report's confidence column.

    Parameters
    ----------
    p : float
        A probability (0-1).

    Returns
    -------
    str
        ``">99%"``, ``"<1%"``, or the whole percentage (``"84%"``); ``"–"``
        for NaN or a missing value.

    Examples
    --------
    >>> format_probability(0.8389), format_probability(0.9999), format_probability(0.001)
    ('84%', '>99%', '<1%')
    """
    try:
        v = float(p)
    except (TypeError, ValueError):
        return "–"
    if not math.isfinite(v):
        return "–"
    pct = round(v * 100)
    if pct >= 100:
        return ">99%"
    if pct <= 0:
        return "<1%"
    return f"{pct:d}%"


def _fmt_pct(p: float) -> str:
    label = format_probability(p)
    return f"{label} confidence" if label[0] in "<>" else f"about {label} confidence"


# ------------------------------------------------------------------------- core
def _per_nutrient_array(
    value: Any, keys: list[str], shape: tuple[int, int], name: str, default: float
) -> np.ndarray:
    """A scalar, a mapping nutrient -> value, or an array as a float array of ``shape``."""
    if value is None:
        return np.full(shape, default)
    if isinstance(value, (Mapping, pd.Series)):
        items = dict(value.items())
        for k in items:
            _check_dri_nutrient(k)
        row = np.array(
            [default if items.get(k) is None else float(items[k]) for k in keys], dtype=np.float64
        )
        return np.broadcast_to(row, shape).copy()
    if isinstance(value, bool):
        raise TypeError(f"{name} must be a number, a mapping nutrient -> number or an array")
    try:
        arr = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise TypeError(
            f"{name} must be a number, a mapping nutrient -> number or an array, got {value!r}"
        ) from None
    try:
        return np.broadcast_to(arr, shape).copy()
    except ValueError:
        raise ValueError(
            f"{name} has shape {arr.shape}, which does not fit intakes of shape {shape}"
        ) from None


def assess_matrix(
    mean: Any,
    n_days: Any,
    profile: Profile,
    nutrients: Sequence[str] | None = None,
    *,
    sd_within: Any = None,
    ul_intake: Any = None,
    ul_given: Any = None,
    texts: bool = True,
) -> dict[str, np.ndarray]:
    """Assess a people x nutrients grid of mean intakes for one profile (NASEM 2000).

    The one implementation of the rules in the module docs: :func:`assess_intakes`
    (one person) and :func:`nutrigap.analyze_many` (everyone of a profile at once)
    both call it.

    Parameters
    ----------
    mean : array_like or pandas.DataFrame, shape (n_people, n_nutrients) or (n_nutrients,)
        Observed mean daily intakes in each nutrient's canonical unit (NaN: no
        data). A DataFrame's columns name the nutrients.
    n_days : float, mapping or array_like
        Number of logged days behind each mean (at least 1); a scalar, a mapping
        nutrient -> days, or an array broadcastable to ``mean``.
    profile : Profile
    nutrients : sequence of str, optional
        Nutrient keys of the columns (keys with DRIs); required unless ``mean``
        is a DataFrame.
    sd_within : float, mapping or array_like, optional
        Day-to-day SD of intake overriding the defaults (NaN entries and
        nutrients missing from a mapping keep the default).
    ul_intake : mapping or array_like, optional
        Mean daily intake covered by each UL's scope (supplemental magnesium,
        folic acid in µg, supplemental or fortification niacin); for all-source
        ULs it replaces the mean intake where given.
    ul_given : array_like of bool, optional
        Where ``ul_intake`` counts as given (default: where it is not NaN; for a
        mapping, its keys). Given but NaN means the UL intake is unknown ("no
        data") rather than not asked for ("not assessed").
    texts : bool, default True
        Also build the per-cell texts (``confidence_text``, ``ul_text``,
        ``note``, ``sd_within_source``); large batches that do not show them
        can skip the string work.

    Returns
    -------
    dict of str -> numpy.ndarray
        One array of shape ``mean.shape`` (2-D) per field of :class:`Assessment`
        except ``nutrient`` (texts only with ``texts=True``), plus ``ear``,
        ``rda`` and ``ai``. Arrays of per-nutrient constants are read-only
        broadcast views.

    Raises
    ------
    UnknownNutrientError
        For a key without DRIs.
    ValueError
        For a negative intake, fewer than 1 day, a negative SD or mismatched shapes.

    Examples
    --------
    >>> r = assess_matrix([[320.0, 3000.0], [150.0, 1000.0]], 3, Profile(40, "f"),
    ...                   ["magnesium", "potassium"])
    >>> r["verdict"].tolist()
    [['adequate', 'adequate'], ['inadequate', 'cannot conclude']]
    """
    if not isinstance(profile, Profile):
        raise TypeError(f"profile must be a nutrigap.Profile, got {type(profile).__name__}")
    if nutrients is None:
        if not isinstance(mean, pd.DataFrame):
            raise TypeError("give the nutrient keys of the columns (nutrients=[...])")
        nutrients = [str(c) for c in mean.columns]
    keys = [_check_dri_nutrient(k) for k in nutrients]
    m = np.asarray(mean.to_numpy() if isinstance(mean, pd.DataFrame) else mean, dtype=np.float64)
    if m.ndim == 1:
        m = m[None, :]
    if m.ndim != 2 or m.shape[1] != len(keys):
        raise ValueError(f"mean has shape {m.shape}; expected (n_people, {len(keys)} nutrients)")
    shape = m.shape
    if np.any(m < 0):
        bad = sorted({keys[j] for j in np.flatnonzero((m < 0).any(axis=0))})
        raise ValueError(f"mean intakes must not be negative: {bad}")
    n = _per_nutrient_array(n_days, keys, shape, "n_days", np.nan)
    if np.any(np.isnan(n)) or np.any(n < 1):
        raise ValueError(f"n_days must be at least 1 for every nutrient, got {n_days!r}")
    sd_user = _per_nutrient_array(sd_within, keys, shape, "sd_within", np.nan)
    if np.any(sd_user < 0):
        raise ValueError(f"sd_within must not be negative, got {sd_within!r}")
    if isinstance(ul_intake, (int, float, np.integer, np.floating)):
        raise TypeError("ul_intake must be a mapping nutrient -> intake or an array")
    ul_in = _per_nutrient_array(ul_intake, keys, shape, "ul_intake", np.nan)
    if ul_given is not None:
        given = np.broadcast_to(np.asarray(ul_given, dtype=bool), shape)
    elif isinstance(ul_intake, (Mapping, pd.Series)):
        given = np.broadcast_to(np.array([k in ul_intake for k in keys]), shape)
    else:
        given = ~np.isnan(ul_in)

    ref = _reference(profile.life_stage).loc[keys]
    sd_def = _sd_defaults(profile).loc[keys]

    def row(values: Any, dtype: Any = np.float64) -> np.ndarray:
        return np.asarray(values, dtype=dtype)[None, :]

    ear, rda, ai, ul = (row(ref[c].to_numpy(float)) for c in ("ear", "rda", "ai", "ul"))
    scope = row(ref["ul_scope"].to_numpy(object), object)
    has_ear = ~np.isnan(ear)
    has_ai = ~has_ear & ~np.isnan(ai)
    target = np.where(has_ear, ear, ai)
    sd_req = np.where(has_ear, row(ref["ear_cv"].to_numpy(float)) * ear, np.nan)
    pub = row(sd_def["sd"].to_numpy(float))
    cv = row(sd_def["cv"].to_numpy(float))
    given_sd = ~np.isnan(sd_user)

    def resolve_sd(level: np.ndarray, cutoff: np.ndarray) -> np.ndarray:
        return np.where(
            given_sd, sd_user, np.where(~np.isnan(pub), pub, cv * np.fmax(level, cutoff))
        )

    sd = resolve_sd(m, target)
    z = np.where(
        has_ear,
        z_ear(m, ear, n, sd, sd_req),
        np.where(has_ai, z_threshold(m, ai, n, sd), np.nan),
    )
    z = np.broadcast_to(np.asarray(z, dtype=np.float64), shape)
    prob = np.asarray(normal_cdf(z), dtype=np.float64).reshape(shape)
    with np.errstate(divide="ignore", invalid="ignore"):
        pct = m / np.where(has_ear, rda, ai) * 100.0

    # verdicts (Table B-1 cut-offs at |z| = 0.5)
    nodata = np.isnan(m)
    ear_c = np.broadcast_to(has_ear, shape) & ~nodata
    ai_c = np.broadcast_to(has_ai, shape) & ~nodata
    none_c = ~np.broadcast_to(has_ear | has_ai, shape) & ~nodata
    hi, lo = z >= 0.5, z <= -0.5
    verdict = np.full(shape, "no data", dtype=object)
    verdict[ear_c] = "cannot tell"
    verdict[ear_c & hi] = "adequate"
    verdict[ear_c & lo] = "inadequate"
    verdict[ai_c] = "cannot conclude"
    verdict[ai_c & hi] = "adequate"
    verdict[none_c] = "no reference"
    sure = np.maximum(prob, 1.0 - prob)  # probability that the side concluded is right
    # for an AI the confidence is always the probability that usual intake is above it
    conf = np.where(ear_c, np.where(hi | lo, sure, 0.5), np.where(ai_c, prob, np.nan))
    band = np.full(shape, np.nan)
    decided = (ear_c & (hi | lo)) | (ai_c & hi)
    band[ear_c | ai_c] = 0.5
    band[decided] = _bands(z[decided])

    # UL test, on the intake its scope covers
    all_src = scope == "all sources"
    partial = np.isin(scope, ["supplements and medicines only", "synthetic forms only"])
    ul_level = np.where(given, ul_in, np.where(all_src, m, np.nan))
    ul_level = np.where(all_src | partial, ul_level, np.nan)
    ul_z = np.broadcast_to(
        np.asarray(z_threshold(ul_level, ul, n, resolve_sd(ul_level, ul)), np.float64), shape
    )
    ul_over = np.asarray(normal_cdf(ul_z), dtype=np.float64).reshape(shape)
    scope_b = np.broadcast_to(scope, shape)
    lvl_nan = np.isnan(ul_level)
    tested = ~lvl_nan & np.broadcast_to(all_src | partial, shape)
    ul_verdict = np.full(shape, "cannot tell", dtype=object)
    ul_verdict[ul_z <= -0.5] = "safe"
    ul_verdict[ul_z >= 0.5] = "possible risk of excess"
    ul_verdict[lvl_nan] = "no data"
    not_asked = lvl_nan & np.broadcast_to(partial, shape) & ~given
    ul_verdict[not_asked] = "not assessed"
    ul_verdict[scope_b == "not determinable"] = "not determinable"
    ul_verdict[scope_b == "none established"] = "no UL"
    ul_sure = np.maximum(ul_over, 1.0 - ul_over)
    ul_decided = tested & ((ul_z <= -0.5) | (ul_z >= 0.5))
    ul_conf = np.where(tested, np.where(ul_decided, ul_sure, 0.5), np.nan)
    ul_band = np.where(tested, 0.5, np.nan)
    ul_band[ul_decided] = _bands(ul_z[ul_decided])

    sd_kind = np.where(given_sd, "given", np.where(~np.isnan(pub), "published", "estimate"))

    def const(values: Any, dtype: Any = object) -> np.ndarray:
        return np.broadcast_to(np.asarray(values, dtype=dtype)[None, :], shape)

    out: dict[str, np.ndarray] = {
        "unit": const(ref["unit"].astype(str).to_numpy(object)),
        "mean_intake": m,
        "n_days": n,
        "target_kind": np.broadcast_to(
            np.where(has_ear, "EAR", np.where(has_ai, "AI", None)).astype(object), shape
        ),
        "target": np.broadcast_to(target, shape),
        "sd_within": np.broadcast_to(sd, shape),
        "sd_within_kind": np.broadcast_to(sd_kind.astype(object), shape),
        "sd_requirement": np.broadcast_to(sd_req, shape),
        "z": z,
        "probability": prob,
        "confidence": conf,
        "confidence_band": band,
        "verdict": verdict,
        "percent_of_target": pct,
        "ul": np.broadcast_to(ul, shape),
        "ul_unit": const(ref["ul_unit"].astype(str).to_numpy(object)),
        "ul_scope": scope_b,
        "ul_intake": ul_level,
        "ul_z": ul_z,
        "ul_probability_over": ul_over,
        "ul_confidence_below": 1.0 - ul_over,
        "ul_confidence": ul_conf,
        "ul_confidence_band": ul_band,
        "ul_verdict": ul_verdict,
        "life_stage": np.broadcast_to(np.asarray(profile.life_stage, dtype=object), shape),
        "ear": np.broadcast_to(ear, shape),
        "rda": np.broadcast_to(rda, shape),
        "ai": np.broadcast_to(ai, shape),
    }
    if texts:
        out.update(_texts(out, keys, given_sd, pub, cv, sd_def["source"].to_numpy(object)))
    return out


def _bands(z: np.ndarray) -> np.ndarray:
    """Table B-1 confidence for ``|z| >= 0.5`` (vectorised :func:`confidence_band`)."""
    a = np.abs(z)
    out = np.full(a.shape, 0.5)
    for threshold, level in reversed(CONFIDENCE_BANDS):
        out[a >= threshold] = level
    return out


_NOTE_HIGH_CV = (
    "daily intakes of this nutrient vary so much that the normal approximation is "
    "rough (NASEM 2000, app. B): treat the confidence as indicative"
)
_NOTE_UL = {
    "folate": "the folate UL counts folic acid in µg (not µg DFE)",
    "niacin": (
        "the niacin UL applies to niacin from supplements, fortified foods or both, "
        "not to niacin naturally in food"
    ),
    "magnesium": "the magnesium UL counts supplements and medicines, not food",
}


def _texts(
    r: dict[str, np.ndarray],
    keys: list[str],
    given_sd: np.ndarray,
    pub: np.ndarray,
    cv: np.ndarray,
    src: np.ndarray,
) -> dict[str, np.ndarray]:
    """The per-cell texts of :func:`assess_matrix` (one loop over cells: small grids)."""
    shape = r["verdict"].shape
    text = np.empty(shape, dtype=object)
    ul_text = np.empty(shape, dtype=object)
    note = np.empty(shape, dtype=object)
    sd_src = np.empty(shape, dtype=object)
    for i, j in np.ndindex(shape):
        v, conf = r["verdict"][i, j], r["confidence"][i, j]
        if v == "no data":
            t = "no intake data for this nutrient"
        elif v == "no reference":
            t = "no DRI for this life stage"
        elif v == "inadequate":
            t = f"usual intake is likely inadequate ({_fmt_pct(conf)})"
        elif v == "cannot tell":
            t = (
                "cannot tell whether usual intake meets the requirement "
                "(about 50/50); more logged days would sharpen this"
            )
        elif v == "cannot conclude":
            t = (
                "adequacy cannot be concluded: intake is not confidently above the AI, so it "
                "may be short; a shortfall against an AI is not evidence of deficiency"
            )
        elif r["target_kind"][i, j] == "AI":
            t = f"usual intake is above the AI, so likely adequate ({_fmt_pct(conf)})"
        else:
            t = f"usual intake is adequate ({_fmt_pct(conf)})"
        text[i, j] = t

        uv, s = r["ul_verdict"][i, j], str(r["ul_scope"][i, j])
        uc = r["ul_confidence"][i, j]
        ul_text[i, j] = {
            "no UL": "no UL established for this nutrient",
            "not determinable": (
                "UL not determinable at this age: food and formula should be the only sources"
            ),
            "not assessed": (
                f"the UL applies to {s} (not food); give the intake it covers "
                "(ul_intake) to assess it"
            ),
            "no data": "no intake data to compare with the UL",
            "safe": f"usual intake is below the UL ({_fmt_pct(uc)})",
            "possible risk of excess": (
                f"usual intake may exceed the UL ({_fmt_pct(uc)}): possible risk of excess"
            ),
            "cannot tell": "intake is too close to the UL to tell whether usual intake is below it",
        }[uv]

        notes = []
        if cv[0, j] >= HIGH_CV and not given_sd[i, j]:
            notes.append(_NOTE_HIGH_CV)
        if keys[j] in _NOTE_UL and s in ("supplements and medicines only", "synthetic forms only"):
            notes.append(_NOTE_UL[keys[j]])
        note[i, j] = "; ".join(notes)
        if given_sd[i, j]:
            sd_src[i, j] = "given by caller"
        elif not np.isnan(pub[0, j]):
            sd_src[i, j] = str(src[j])
        else:
            sd_src[i, j] = f"planning CV {cv[0, j]:.2f} x max(intake, cut-off): {src[j]}"
    return {"confidence_text": text, "ul_text": ul_text, "note": note, "sd_within_source": sd_src}


def assess_intakes(
    mean_intakes: pd.Series | Mapping[str, float],
    n_days: float | Mapping[str, float],
    profile: Profile,
    sd_within: float | Mapping[str, float] | None = None,
    ul_intakes: Mapping[str, float] | pd.Series | None = None,
) -> pd.DataFrame:
    """Assess several nutrients at once (one row per nutrient).

    A one-person view of :func:`assess_matrix`.

    Parameters
    ----------
    mean_intakes : pandas.Series or mapping
        Nutrient key -> observed mean daily intake in the canonical unit
        (NaN: no data). Keys must have DRIs (:data:`nutrigap.reference.DRI_NUTRIENTS`).
    n_days : int or mapping
        Number of logged days behind each mean (at least 1).
    profile : Profile
    sd_within : float or mapping, optional
        Day-to-day SD of intake overriding the defaults (see module docs);
        a mapping may cover some nutrients only.
    ul_intakes : mapping, optional
        Nutrient -> mean daily intake covered by the UL's scope (e.g.
        supplemental magnesium, folic acid in µg). Required to assess ULs that
        cover supplements or synthetic forms only; for all-source ULs it
        replaces the mean intake when given.

    Returns
    -------
    pandas.DataFrame
        Indexed by nutrient, columns as the fields of :class:`Assessment`
        (except ``nutrient``).

    Raises
    ------
    UnknownNutrientError
        For a key without DRIs.
    ValueError
        For a negative intake, fewer than 1 day or a negative SD.

    Examples
    --------
    >>> df = assess_intakes({"magnesium": 320.0, "potassium": 3000.0}, 3, Profile(40, "f"))
    >>> df.loc["magnesium", "verdict"], df.loc["potassium", "verdict"]
    ('adequate', 'adequate')
    """
    if not isinstance(profile, Profile):
        raise TypeError(f"profile must be a nutrigap.Profile, got {type(profile).__name__}")
    means_map = dict(mean_intakes.items())
    keys = [_check_dri_nutrient(k) for k in means_map]
    mean = np.array([np.nan if means_map[k] is None else means_map[k] for k in keys], float)
    if isinstance(ul_intakes, (Mapping, pd.Series)):
        ul_intakes = {k: v for k, v in ul_intakes.items() if v is not None}
    r = assess_matrix(mean, n_days, profile, keys, sd_within=sd_within, ul_intake=ul_intakes)
    cols = [c for c in RESULT_COLUMNS if c != "nutrient"]
    return pd.DataFrame(
        {c: r[c][0].tolist() for c in cols},
        index=pd.Index(keys, name="nutrient"),
        columns=cols,
    )


def assess_intake(
    nutrient: str,
    mean_intake: float,
    n_days: float,
    profile: Profile,
    sd_within: float | None = None,
    *,
    ul_intake: float | None = None,
) -> Assessment:
    """Assess one nutrient's intake for one person (NASEM 2000 method).

    Parameters
    ----------
    nutrient : str
        A key with DRIs, e.g. ``"magnesium"``.
    mean_intake : float
        Observed mean daily intake over ``n_days`` days, canonical unit.
    n_days : int
        Number of logged days (at least 1).
    profile : Profile
    sd_within : float, optional
        Day-to-day SD of intake; default: the bundled pooled SD or planning CV
        (see the module docs).
    ul_intake : float, optional
        Mean daily intake covered by the UL's scope (supplements and medicines
        for magnesium; folic acid, µg, for folate; supplemental or fortification
        niacin). Without it, ULs limited to those forms are "not assessed".

    Returns
    -------
    Assessment

    Examples
    --------
    The report's worked example: a woman aged 40 whose three days of records
    average 320 mg magnesium (EAR 265 mg, pooled SD of daily intake 86 mg):

    >>> a = assess_intake("magnesium", 320, 3, Profile(40, "female"))
    >>> round(a.z, 2), a.verdict, round(a.confidence, 2)
    (0.98, 'adequate', 0.84)

    (z is just under 1, "about 85 percent" in the report; by the coarser
    Table B-1 bins, ``a.confidence_band`` is 0.70.)
    """
    sd = None if sd_within is None else {nutrient: sd_within}
    ul = None if ul_intake is None else {nutrient: ul_intake}
    df = assess_intakes(pd.Series({nutrient: mean_intake}, dtype=float), n_days, profile, sd, ul)
    row = df.iloc[0].to_dict()
    return Assessment(nutrient=df.index[0], **row)


def percent_of_target(nutrient: str, mean_intake: float, profile: Profile) -> float:
    """Mean intake as a percentage of the RDA (or the AI where there is no RDA).

    Less informative than :func:`assess_intake`: it ignores how many days were
    logged and how much intakes and requirements vary, so 100% of the RDA from
    three days is not proof of adequacy (NASEM 2000, ch. 3).

    Returns
    -------
    float
        ``mean_intake / target * 100``; NaN if the life stage has no RDA or AI.

    Examples
    --------
    >>> percent_of_target("magnesium", 160, Profile(40, "female"))
    50.0
    """
    nutrient = _check_dri_nutrient(nutrient)
    ref = reference_intakes(profile).loc[nutrient]
    target = ref["rda"] if not np.isnan(ref["rda"]) else ref["ai"]
    if np.isnan(target):
        return math.nan
    return float(mean_intake) / float(target) * 100.0
