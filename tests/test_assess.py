"""Assessment of an individual's intake (NASEM 2000, ch. 3 and app. B)."""

from __future__ import annotations

import math
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nutrigap
from nutrigap import Profile, UnknownNutrientError, assess_intake, percent_of_target
from nutrigap.assess import (
    RESULT_COLUMNS,
    _erfc_ndtr,
    assess_intakes,
    assess_matrix,
    confidence_band,
    format_probability,
    normal_cdf,
    z_ear,
    z_threshold,
)
from nutrigap.reference import DRI_NUTRIENTS, load_dri_table, reference_intakes

WOMAN_40 = Profile(40, "female")


# ------------------------------------------------------------ worked examples
def test_magnesium_worked_example():
    """NASEM 2000 ch. 3: woman 40 y, EAR 265 mg, 3 days averaging 320 mg, SD 86 mg:
    D = 55, SD_D = 56, z just under 1, about 85% confidence of adequacy."""
    a = assess_intake("magnesium", 320, 3, WOMAN_40)
    assert a.target_kind == "EAR" and a.target == 265
    assert a.sd_within == 86  # the pooled CSFII SD is the default for this group
    assert a.sd_requirement == pytest.approx(26.5)
    assert math.sqrt(a.sd_requirement**2 + a.sd_within**2 / 3) == pytest.approx(56, abs=0.5)
    assert a.z == pytest.approx(1.0, abs=0.05)
    assert a.probability == pytest.approx(0.85, abs=0.02)
    assert a.verdict == "adequate"
    assert "84% confidence" in a.confidence_text
    assert a.percent_of_target == pytest.approx(100)  # intake exactly at the RDA


def test_magnesium_377_for_97_5_percent():
    """Same example: 377 mg/day over three days gives 97.5% confidence."""
    a = assess_intake("magnesium", 377, 3, WOMAN_40, sd_within=86)
    assert a.probability == pytest.approx(0.975, abs=0.005)
    assert a.confidence_band == 0.95


@pytest.mark.parametrize(("n", "expected"), [(1, 0.73), (3, 0.86), (7, 0.95)])
def test_calcium_ai_worked_example(n, expected):
    """NASEM 2000 ch. 3: AI 1,000 mg, mean 1,200 mg, SD 325 mg -> 73/86/95% for 1/3/7 days."""
    p = normal_cdf(z_threshold(1200, 1000, n, 325))
    assert round(p, 2) == expected


@pytest.mark.parametrize(("n", "expected"), [(1, 0.73), (3, 0.86), (7, 0.95)])
def test_ai_method_through_assess_intake(n, expected):
    """The same numbers through the public API, on an AI nutrient (potassium, AI 2,600 mg)."""
    a = assess_intake("potassium", 2600 + 200, n, WOMAN_40, sd_within=325)
    assert a.target_kind == "AI"
    assert round(a.probability, 2) == expected
    assert a.verdict == "adequate"  # z >= 0.5 in all three cases


@pytest.mark.parametrize(("n", "expected"), [(1, 0.69), (3, 0.80), (7, 0.90)])
def test_phosphorus_ul_worked_example(n, expected):
    """NASEM 2000 Table 3-4: mean 3.8 g, UL 4.0 g, SD 0.41 g: confidence below the UL."""
    z = z_threshold(3.8, 4.0, n, 0.41)
    assert round(1 - normal_cdf(z), 2) == pytest.approx(expected, abs=0.01)


# ------------------------------------------------------------------- Table B-1
@pytest.mark.parametrize(
    ("z", "level"),
    [
        (2.0, 0.98),
        (1.7, 0.95),
        (1.5, 0.93),
        (1.0, 0.85),
        (0.5, 0.70),
        (0.49, 0.5),
        (0.0, 0.5),
        (-0.49, 0.5),
        (-0.5, 0.70),
        (-1.2, 0.85),
        (-1.6, 0.93),
        (-1.65, 0.95),
        (-3.0, 0.98),
    ],
)
def test_confidence_band(z, level):
    assert confidence_band(z) == level


def test_verdicts_follow_table_b1():
    # EAR 265, SD_r 26.5, SD 86, n 3 -> SD_D 56.28
    sdd = math.sqrt(26.5**2 + 86**2 / 3)
    cases = [(2.1, "adequate", 0.98), (0.3, "cannot tell", 0.5), (-0.3, "cannot tell", 0.5)]
    cases += [(-0.6, "inadequate", 0.70), (-1.7, "inadequate", 0.95)]
    for z, verdict, band in cases:
        a = assess_intake("magnesium", 265 + z * sdd, 3, WOMAN_40)
        assert a.z == pytest.approx(z)
        assert (a.verdict, a.confidence_band) == (verdict, band)
    low = assess_intake("magnesium", 150, 3, WOMAN_40)
    assert low.verdict == "inadequate" and low.confidence == pytest.approx(1 - low.probability)


# ------------------------------------------------------------- AI: never deficient
@given(
    intake=st.floats(0, 20000, allow_nan=False),
    n=st.integers(1, 60),
    key=st.sampled_from(["potassium", "pantothenic_acid", "biotin", "water"]),
)
@settings(max_examples=60, deadline=None)
def test_ai_shortfall_is_never_called_inadequate(intake, n, key):
    a = assess_intake(key, intake, n, WOMAN_40)
    assert a.target_kind == "AI"
    assert a.verdict in {"adequate", "cannot conclude"}
    assert "deficien" not in a.confidence_text.replace("not evidence of deficiency", "")


def test_ai_below_target_cannot_conclude():
    a = assess_intake("potassium", 1500, 14, WOMAN_40)
    assert a.verdict == "cannot conclude"
    assert a.probability < 0.01  # far below the AI, yet no deficiency claimed
    assert "not evidence of deficiency" in a.confidence_text


@pytest.mark.parametrize(
    ("p", "label"),
    [
        (0.8389, "84%"),
        (0.5, "50%"),
        (0.994, "99%"),
        (0.996, ">99%"),
        (1.0, ">99%"),
        (0.006, "1%"),
        (0.004, "<1%"),
        (0.0, "<1%"),
        (math.nan, "–"),
        (None, "–"),
    ],
)
def test_format_probability_never_says_100_or_0(p, label):
    assert format_probability(p) == label


def test_confidence_texts_are_capped():
    """A fortnight of records far from the cut-off is not "about 100%" certain."""
    texts = [
        assess_intake("magnesium", 1000, 14, WOMAN_40).confidence_text,  # adequate
        assess_intake("magnesium", 40, 14, WOMAN_40).confidence_text,  # inadequate
        assess_intake("potassium", 9000, 14, WOMAN_40).confidence_text,  # above the AI
        assess_intake("magnesium", 300, 14, WOMAN_40, ul_intake=0.0).ul_text,  # below the UL
        assess_intake("magnesium", 300, 14, WOMAN_40, ul_intake=5000.0).ul_text,  # over the UL
    ]
    for text in texts:
        assert ">99% confidence" in text, text
        assert "100%" not in text and "about >" not in text
    assert "about 84% confidence" in assess_intake("magnesium", 320, 3, WOMAN_40).confidence_text


def test_ai_cannot_conclude_stores_the_probability_above_the_ai():
    """Not a made-up 0.5: the probability that usual intake is above the AI."""
    far = assess_intake("potassium", 1500, 14, WOMAN_40)
    assert far.verdict == "cannot conclude"
    assert far.confidence == far.probability < 0.01
    assert far.confidence_band == 0.5  # no conclusion drawn (Table B-1)
    # just above the AI but not confidently (0 < z < 0.5)
    near = assess_intake("potassium", 2650, 3, WOMAN_40, sd_within=500)
    assert 0 < near.z < 0.5 and near.verdict == "cannot conclude"
    assert near.confidence == pytest.approx(normal_cdf(near.z))
    assert 0.5 < near.confidence < 0.7


@given(intake=st.floats(0, 20000, allow_nan=False), n=st.integers(1, 30))
@settings(max_examples=40, deadline=None)
def test_ai_confidence_is_always_the_probability_above_the_ai(intake, n):
    a = assess_intake("potassium", intake, n, WOMAN_40)
    assert a.confidence == a.probability


# ------------------------------------------------------------ hypothesis properties
_PROFILES = [
    Profile(40, "female"),
    Profile(25, "m"),
    Profile(75, "f"),
    Profile(16, "m"),
    Profile(6, "f"),
    Profile(30, "f", pregnant=True),
    Profile(17, "f", lactating=True),
]
_EAR_NUTRIENTS = [
    "magnesium",
    "calcium",
    "vitamin_d",
    "thiamin",
    "riboflavin",
    "niacin",
    "vitamin_b6",
    "folate",
    "vitamin_b12",
]


@given(
    profile=st.sampled_from(_PROFILES),
    key=st.sampled_from([*_EAR_NUTRIENTS, "potassium", "biotin"]),
    a=st.floats(0, 5000, allow_nan=False),
    b=st.floats(0, 5000, allow_nan=False),
    n=st.integers(1, 30),
)
@settings(max_examples=150, deadline=None)
def test_probability_rises_with_intake(profile, key, a, b, n):
    lo, hi = sorted((a, b))
    df = assess_intakes(pd.Series({key: lo}), n, profile)
    p_lo = df.loc[key, "probability"]
    p_hi = assess_intakes(pd.Series({key: hi}), n, profile).loc[key, "probability"]
    assert p_lo <= p_hi + 1e-12


@given(
    profile=st.sampled_from(_PROFILES),
    key=st.sampled_from(_EAR_NUTRIENTS),
    excess=st.floats(1e-3, 3.0),
    n1=st.integers(1, 30),
    n2=st.integers(1, 30),
)
@settings(max_examples=150, deadline=None)
def test_probability_rises_with_days_above_ear(profile, key, excess, n1, n2):
    ear = reference_intakes(profile).loc[key, "ear"]
    intake = ear * (1 + excess)
    lo, hi = sorted((n1, n2))
    p_lo = assess_intake(key, intake, lo, profile).probability
    p_hi = assess_intake(key, intake, hi, profile).probability
    assert p_lo <= p_hi + 1e-12
    assert p_lo > 0.5


@given(
    profile=st.sampled_from(_PROFILES),
    key=st.sampled_from(_EAR_NUTRIENTS),
    n=st.integers(1, 60),
    sd=st.one_of(st.none(), st.floats(0, 1000)),
)
@settings(max_examples=100, deadline=None)
def test_probability_is_one_half_at_the_ear(profile, key, n, sd):
    ear = reference_intakes(profile).loc[key, "ear"]
    a = assess_intake(key, ear, n, profile, sd_within=sd)
    assert a.z == 0.0
    assert a.probability == 0.5
    assert a.verdict == "cannot tell"


def test_one_half_at_the_ear_for_every_life_stage():
    t = load_dri_table()
    t = t[t["ear"].notna()]
    for stage, rows in t.groupby("life_stage"):
        first = rows.iloc[0]
        cond = first["condition"]
        sex = "female" if first["sex"] == "any" else first["sex"]
        prof = Profile(
            first["age_min"], sex, pregnant=cond == "pregnant", lactating=cond == "lactating"
        )
        assert prof.life_stage == stage
        df = assess_intakes(rows.set_index("nutrient")["ear"], 2, prof)
        assert (df["probability"] == 0.5).all(), stage


# --------------------------------------------------------------------------- ULs
def test_supplement_only_ul_is_not_judged_on_food():
    a = assess_intake("magnesium", 900, 7, WOMAN_40)  # lots of magnesium from food
    assert a.ul_verdict == "not assessed"
    assert math.isnan(a.ul_z)
    assert "ul_intake" in a.ul_text


@pytest.mark.parametrize(
    ("supplement", "verdict"),
    [(100, "safe"), (500, "possible risk of excess"), (350, "cannot tell")],
)
def test_supplement_ul_with_ul_intake(supplement, verdict):
    a = assess_intake("magnesium", 600, 7, WOMAN_40, ul_intake=supplement)
    assert a.ul_intake == supplement
    assert a.ul_verdict == verdict
    assert a.ul_confidence_below == pytest.approx(1 - a.ul_probability_over)


def test_folate_ul_uses_folic_acid():
    food_only = assess_intake("folate", 1500, 7, WOMAN_40)
    assert food_only.ul_verdict == "not assessed"
    fortified = assess_intake("folate", 1500, 7, WOMAN_40, ul_intake=200)
    assert fortified.ul_verdict == "safe"
    assert "folic acid" in fortified.note
    niacin = assess_intake("niacin", 20, 7, WOMAN_40, ul_intake=10.0)
    assert "supplements, fortified foods or both" in niacin.note
    assert "not to niacin naturally in food" in niacin.note
    assert "counts niacin from" not in niacin.note  # what was counted is the caller's to say


def test_all_source_ul_uses_mean_intake():
    high = assess_intake("calcium", 3200, 7, WOMAN_40)
    assert high.ul == 2500 and high.ul_intake == 3200
    assert high.ul_verdict == "possible risk of excess"
    assert high.ul_probability_over > 0.95
    ok = assess_intake("vitamin_b6", 2.0, 3, WOMAN_40)
    assert ok.ul_verdict == "safe" and ok.ul_confidence_below > 0.99


def test_no_ul_and_not_determinable():
    assert assess_intake("thiamin", 50, 3, WOMAN_40).ul_verdict == "no UL"
    assert assess_intake("potassium", 9000, 3, WOMAN_40).ul_verdict == "no UL"
    infant = assess_intake("magnesium", 80, 3, Profile(0.8, "f"), ul_intake=50)
    assert infant.ul_verdict == "not determinable"
    assert infant.target_kind == "AI"


# ----------------------------------------------------------- SD_within handling
def test_default_sd_is_planning_cv_outside_published_groups():
    man = assess_intake("magnesium", 300, 3, Profile(40, "m"))  # EAR 350
    assert man.sd_within == pytest.approx(0.30 * 350)
    assert "planning CV" in man.sd_within_source
    high = assess_intake("magnesium", 500, 3, Profile(40, "m"))
    assert high.sd_within == pytest.approx(0.30 * 500)
    pregnant = assess_intake("magnesium", 300, 3, Profile(30, "f", pregnant=True))
    assert pregnant.sd_within == pytest.approx(0.30 * 300)  # not the non-pregnant pooled SD


def test_sd_within_kind_marks_estimates():
    """Only magnesium and calcium for women 19-50 have published pooled SDs (86 and 325 mg);
    every other SD is nutrigap's planning estimate and must say so in a machine-readable
    field, not only in prose."""
    df = assess_intakes({"magnesium": 300, "calcium": 900, "potassium": 2000}, 3, WOMAN_40)
    assert df["sd_within_kind"].tolist() == ["published", "published", "estimate"]
    assert "not a published table value" in df.loc["potassium", "sd_within_source"]
    man = assess_intake("magnesium", 300, 3, Profile(40, "m"))
    assert man.sd_within_kind == "estimate"
    given = assess_intake("magnesium", 300, 3, WOMAN_40, sd_within=40)
    assert given.sd_within_kind == "given"
    every = assess_intakes(dict.fromkeys(DRI_NUTRIENTS, 1.0), 3, Profile(25, "m"))
    assert set(every["sd_within_kind"]) == {"estimate"}


def test_sd_within_overrides():
    a = assess_intake("magnesium", 300, 3, WOMAN_40, sd_within=40)
    assert a.sd_within == 40 and a.sd_within_source == "given by caller"
    df = assess_intakes({"magnesium": 300, "calcium": 900}, 3, WOMAN_40, sd_within={"calcium": 200})
    assert df.loc["calcium", "sd_within"] == 200
    assert df.loc["magnesium", "sd_within"] == 86


def test_high_cv_nutrients_carry_a_note():
    assert "rough" in assess_intake("vitamin_d", 5, 7, WOMAN_40).note
    assert assess_intake("thiamin", 1, 7, WOMAN_40).note == ""


# ------------------------------------------------------------------ vectorised
def test_vector_and_scalar_agree():
    means = pd.Series(
        {
            "magnesium": 250.0,
            "calcium": 700.0,
            "potassium": 2000.0,
            "vitamin_d": 4.0,
            "thiamin": 1.5,
            "riboflavin": 2.0,
            "niacin": 25.0,
            "pantothenic_acid": 5.0,
            "vitamin_b6": 2.0,
            "biotin": np.nan,
            "folate": 500.0,
            "vitamin_b12": 5.0,
            "water": 2500.0,
        }
    )
    prof = Profile(35, "m")
    ul_in = {"magnesium": 400.0, "folate": 200.0}
    df = assess_intakes(means, 4, prof, ul_intakes=ul_in)
    assert list(df.index) == list(DRI_NUTRIENTS)
    assert list(df.columns) == [c for c in RESULT_COLUMNS if c != "nutrient"]
    for key, mean in means.items():
        one = assess_intake(key, mean, 4, prof, ul_intake=ul_in.get(key)).to_dict()
        row = df.loc[key].to_dict()
        for col, val in row.items():
            if isinstance(val, float) and math.isnan(val):
                assert math.isnan(one[col]), (key, col)
            else:
                assert one[col] == val, (key, col)
    assert df.loc["biotin", "verdict"] == "no data"
    assert df.loc["magnesium", "verdict"] == "inadequate"
    assert df.loc["niacin", "ul_verdict"] == "not assessed"


PROFILES = [
    WOMAN_40,
    Profile(70, "m"),
    Profile(28, "f", pregnant=True),
    Profile(0.5, "m"),
    Profile(16, "f", lactating=True),
]
FINITE = st.floats(0, 5000, allow_nan=False)


@settings(max_examples=25, deadline=None)
@given(
    prof=st.sampled_from(PROFILES),
    rows=st.lists(
        st.tuples(
            st.lists(st.one_of(FINITE, st.just(float("nan"))), min_size=5, max_size=5),
            st.integers(1, 14),
            st.floats(0, 800, allow_nan=False),
            st.booleans(),
        ),
        min_size=1,
        max_size=4,
    ),
    sd=st.one_of(st.none(), st.floats(0, 300, allow_nan=False)),
)
def test_matrix_rows_are_assess_intakes(prof, rows, sd):
    # the grid analyze_many assesses gives, row by row, what analyze gets per person
    keys = ["magnesium", "potassium", "folate", "vitamin_d", "niacin"]
    mean = np.array([r[0] for r in rows])
    n = np.array([[r[1]] * len(keys) for r in rows], dtype=float)
    ul_in = np.array([[r[2], np.nan, r[2], np.nan, r[2] / 10] for r in rows])
    ul_given = np.array([[r[3], False, r[3], False, r[3]] for r in rows])
    grid = assess_matrix(mean, n, prof, keys, sd_within=sd, ul_intake=ul_in, ul_given=ul_given)
    for i, r in enumerate(rows):
        ul = {k: ul_in[i, j] for j, k in enumerate(keys) if ul_given[i, j]}
        one = assess_intakes(dict(zip(keys, r[0], strict=True)), r[1], prof, sd, ul)
        for col in one.columns:
            got = pd.Series(grid[col][i], index=keys, name=col)
            if one[col].dtype == float:
                np.testing.assert_array_equal(got.astype(float), one[col], err_msg=col)
            else:
                assert got.tolist() == one[col].tolist(), col


def test_matrix_ai_cannot_conclude_keeps_its_probability():
    r = assess_matrix([[1000.0], [2000.0], [5000.0]], 3, WOMAN_40, ["potassium"], texts=False)
    assert r["verdict"][:, 0].tolist() == ["cannot conclude", "cannot conclude", "adequate"]
    assert r["confidence"][0, 0] < r["confidence"][1, 0] < 0.5  # below the AI (2,600 mg)
    np.testing.assert_array_equal(r["confidence"], r["probability"])
    assert "confidence_text" not in r


def test_matrix_takes_a_dataframe_and_checks_shapes():
    df = pd.DataFrame({"magnesium": [320.0, 150.0], "calcium": [1200.0, 400.0]})
    r = assess_matrix(df, 3, WOMAN_40)
    assert r["verdict"].tolist() == [["adequate", "adequate"], ["inadequate", "inadequate"]]
    assert r["z"][0, 0] == pytest.approx(0.98, abs=0.01)
    with pytest.raises(ValueError, match="shape"):
        assess_matrix([[1.0, 2.0]], 3, WOMAN_40, ["magnesium"])
    with pytest.raises(ValueError, match="n_days"):
        assess_matrix([[300.0]], [[0.0]], WOMAN_40, ["magnesium"])
    with pytest.raises(ValueError, match="negative"):
        assess_matrix([[300.0], [-1.0]], 3, WOMAN_40, ["magnesium"])
    with pytest.raises(UnknownNutrientError):
        assess_matrix([[300.0]], 3, WOMAN_40, ["caffeine"])
    with pytest.raises(TypeError):
        assess_matrix([[300.0]], 3, WOMAN_40)


def test_normal_cdf_exact_without_scipy():
    # Φ(z) to 17 digits (mpmath.ncdf at 30 digits; A&S table 26.1 for the central ones)
    z = np.array([-30.0, -10.0, -8.0, -1.959963984540054, -1.0, -0.5, 0.0, 0.98, 1.0, 3.0])
    known = np.array(
        [
            4.906713927148187e-198,
            7.6198530241605261e-24,
            6.2209605742717841e-16,
            0.025,
            0.15865525393145705,
            0.3085375387259869,
            0.5,
            0.83645694067230765,
            0.8413447460685429,
            0.9986501019683699,
        ]
    )
    np.testing.assert_allclose(normal_cdf(z), known, rtol=1e-12)
    assert normal_cdf(-30.0) > 0  # the lower tail is not lost to 1 - Φ(30)
    edge = normal_cdf(np.array([np.inf, -np.inf, np.nan]))
    assert edge[0] == 1.0 and edge[1] == 0.0 and np.isnan(edge[2])
    exact = np.array([0.5 * math.erfc(-v / math.sqrt(2.0)) for v in z])
    np.testing.assert_allclose(_erfc_ndtr(z), exact, rtol=1e-15)
    assert normal_cdf(z.reshape(2, 5)).shape == (2, 5)
    assert isinstance(normal_cdf(1.0), float) and round(normal_cdf(1.0), 4) == 0.8413
    assert assess_intake("magnesium", 320, 3, WOMAN_40).confidence == pytest.approx(0.836, abs=1e-3)


def test_result_fields():
    d = assess_intake("magnesium", 320, 3, WOMAN_40).to_dict()
    for field in (
        "nutrient",
        "mean_intake",
        "n_days",
        "target_kind",
        "target",
        "z",
        "probability",
        "verdict",
        "confidence_text",
        "ul",
        "ul_scope",
        "ul_z",
        "ul_probability_over",
        "ul_confidence_below",
        "ul_verdict",
    ):
        assert field in d


def test_per_nutrient_days():
    df = assess_intakes(
        {"magnesium": 320, "calcium": 1100}, {"magnesium": 3, "calcium": 7}, WOMAN_40
    )
    assert df["n_days"].tolist() == [3.0, 7.0]


# ---------------------------------------------------------------------- errors
def test_unknown_nutrient_names_known_keys():
    with pytest.raises(UnknownNutrientError, match="magnesium, calcium"):
        assess_intake("magnesum", 300, 3, WOMAN_40)
    with pytest.raises(UnknownNutrientError, match="no Dietary Reference Intake"):
        assess_intakes({"caffeine": 200}, 3, WOMAN_40)
    with pytest.raises(UnknownNutrientError):
        assess_intakes({"magnesium": 300}, 3, WOMAN_40, sd_within={"zinc": 3})


@pytest.mark.parametrize(
    ("args", "kwargs", "exc"),
    [
        (("magnesium", 300, 0, WOMAN_40), {}, ValueError),
        (("magnesium", 300, float("nan"), WOMAN_40), {}, ValueError),
        (("magnesium", -5, 3, WOMAN_40), {}, ValueError),
        (("magnesium", 300, 3, WOMAN_40, -1), {}, ValueError),
        (("magnesium", 300, 3, {"age": 40}), {}, TypeError),
    ],
)
def test_bad_arguments(args, kwargs, exc):
    with pytest.raises(exc):
        assess_intake(*args, **kwargs)


# ------------------------------------------------------------ percent_of_target
def test_percent_of_target():
    assert percent_of_target("magnesium", 160, WOMAN_40) == pytest.approx(50.0)
    assert percent_of_target("potassium", 2600, WOMAN_40) == pytest.approx(100.0)  # AI
    assert percent_of_target("vitamin_d", 10, Profile(80, "m")) == pytest.approx(50.0)
    with pytest.raises(UnknownNutrientError):
        percent_of_target("energy", 2000, WOMAN_40)


def test_assess_does_not_import_scipy():
    # importing scipy.special cost ~0.45 s of every batch run; scipy is optional
    code = "import sys, nutrigap.assess; sys.exit('scipy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_z_helpers_vectorise():
    z = z_ear(np.array([265.0, 320.0]), 265, 3, 86, 26.5)
    assert z[0] == 0 and z[1] == pytest.approx(0.977, abs=1e-3)
    assert normal_cdf(np.array([-np.inf, 0.0, np.inf])).tolist() == [0.0, 0.5, 1.0]


def test_top_level_exports():
    assert nutrigap.assess_intake is assess_intake
    assert nutrigap.percent_of_target is percent_of_target
