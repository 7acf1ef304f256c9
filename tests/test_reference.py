"""DRI table and Profile: values pinned against the National Academies' reports."""

from __future__ import annotations

import math
import subprocess
import sys

import numpy as np
import pytest

import nutrigap
from nutrigap import Profile, ProfileError, UnknownNutrientError, load_dri_table, reference_intakes
from nutrigap.nutrients import TRACKED
from nutrigap.reference import DRI_NUTRIENTS, UL_SCOPES

F, M = "female", "male"

# (age, sex, condition, nutrient, column, value, where the value is printed)
PINNED = [
    # magnesium, IOM 1997 ch. 6
    (0.2, F, None, "magnesium", "ai", 30, "IOM 1997 Mg AI 0-6 mo"),
    (0.8, M, None, "magnesium", "ai", 75, "IOM 1997 Mg AI 7-12 mo"),
    (2, M, None, "magnesium", "ear", 65, "IOM 1997 Mg EAR 1-3 y"),
    (2, F, None, "magnesium", "ul", 65, "IOM 1997 Mg UL 1-3 y"),
    (6, F, None, "magnesium", "ul", 110, "IOM 1997 Mg UL 4-8 y"),
    (16, M, None, "magnesium", "rda", 410, "IOM 1997 Mg RDA M 14-18"),
    (16, F, None, "magnesium", "ear", 300, "IOM 1997 Mg EAR F 14-18"),
    (25, M, None, "magnesium", "rda", 400, "IOM 1997 Mg RDA M 19-30"),
    (40, F, None, "magnesium", "ear", 265, "IOM 1997 Mg EAR F 31-50 (NASEM 2000 example)"),
    (40, F, None, "magnesium", "rda", 320, "IOM 1997 Mg RDA F 31-50"),
    (75, M, None, "magnesium", "ear", 350, "IOM 1997 Mg EAR M >70"),
    (17, F, "pregnant", "magnesium", "rda", 400, "IOM 1997 Mg RDA pregnancy <=18"),
    (25, F, "pregnant", "magnesium", "ear", 290, "IOM 1997 Mg EAR pregnancy 19-30"),
    (35, F, "lactating", "magnesium", "rda", 320, "IOM 1997 Mg RDA lactation 31-50"),
    (35, F, "pregnant", "magnesium", "ul", 350, "IOM 1997 Mg UL pregnancy"),
    # calcium, IOM 2011 Table S-1
    (0.3, M, None, "calcium", "ai", 200, "IOM 2011 Ca AI 0-6 mo"),
    (0.3, M, None, "calcium", "ul", 1000, "IOM 2011 Ca UL 0-6 mo"),
    (0.9, F, None, "calcium", "ul", 1500, "IOM 2011 Ca UL 7-12 mo"),
    (3, F, None, "calcium", "rda", 700, "IOM 2011 Ca RDA 1-3"),
    (12, M, None, "calcium", "ear", 1100, "IOM 2011 Ca EAR 9-13"),
    (15, F, None, "calcium", "ul", 3000, "IOM 2011 Ca UL 14-18"),
    (60, M, None, "calcium", "rda", 1000, "IOM 2011 Ca RDA M 51-70"),
    (60, F, None, "calcium", "rda", 1200, "IOM 2011 Ca RDA F 51-70"),
    (60, F, None, "calcium", "ear", 1000, "IOM 2011 Ca EAR F 51-70"),
    (80, M, None, "calcium", "ul", 2000, "IOM 2011 Ca UL >70"),
    (16, F, "pregnant", "calcium", "ear", 1100, "IOM 2011 ch. 5 p. 362 pregnant adolescents"),
    (16, F, "lactating", "calcium", "rda", 1300, "IOM 2011 Ca RDA lactation 14-18"),
    (30, F, "lactating", "calcium", "ul", 2500, "IOM 2011 Ca UL lactation 19-30"),
    # vitamin D, IOM 2011 Table S-2 (µg)
    (0.5, F, None, "vitamin_d", "ai", 10, "IOM 2011 vit D AI 7-12 mo"),
    (0.7, F, None, "vitamin_d", "ul", 37.5, "IOM 2011 vit D UL 7-12 mo 1,500 IU"),
    (2, M, None, "vitamin_d", "ul", 62.5, "IOM 2011 vit D UL 1-3 y 2,500 IU"),
    (45, M, None, "vitamin_d", "rda", 15, "IOM 2011 vit D RDA 600 IU"),
    (71, F, None, "vitamin_d", "rda", 20, "IOM 2011 vit D RDA >70 800 IU"),
    (30, F, "pregnant", "vitamin_d", "ear", 10, "IOM 2011 vit D EAR 400 IU"),
    (10, M, None, "vitamin_d", "ul", 100, "IOM 2011 vit D UL 9+ 4,000 IU"),
    # potassium, NASEM 2019 Table S-1 (AIs)
    (0.1, M, None, "potassium", "ai", 400, "NASEM 2019 K AI 0-6 mo"),
    (0.6, M, None, "potassium", "ai", 860, "NASEM 2019 K AI 7-12 mo"),
    (11, M, None, "potassium", "ai", 2500, "NASEM 2019 K AI M 9-13"),
    (15, M, None, "potassium", "ai", 3000, "NASEM 2019 K AI M 14-18"),
    (15, F, None, "potassium", "ai", 2300, "NASEM 2019 K AI F 14-18"),
    (40, M, None, "potassium", "ai", 3400, "NASEM 2019 K AI M 19+"),
    (80, F, None, "potassium", "ai", 2600, "NASEM 2019 K AI F 19+"),
    (16, F, "pregnant", "potassium", "ai", 2600, "NASEM 2019 K AI pregnancy 14-18"),
    (33, F, "pregnant", "potassium", "ai", 2900, "NASEM 2019 K AI pregnancy 19-50"),
    (15, F, "lactating", "potassium", "ai", 2500, "NASEM 2019 K AI lactation 14-18"),
    (22, F, "lactating", "potassium", "ai", 2800, "NASEM 2019 K AI lactation 19-50"),
    # B vitamins, IOM 1998
    (40, M, None, "thiamin", "rda", 1.2, "IOM 1998 thiamin RDA M"),
    (40, F, None, "thiamin", "ear", 0.9, "IOM 1998 thiamin EAR F"),
    (16, F, None, "thiamin", "rda", 1.0, "IOM 1998 thiamin RDA F 14-18"),
    (30, F, "lactating", "riboflavin", "rda", 1.6, "IOM 1998 riboflavin RDA lactation"),
    (25, M, None, "riboflavin", "ear", 1.1, "IOM 1998 riboflavin EAR M"),
    (25, M, None, "niacin", "rda", 16, "IOM 1998 niacin RDA M (mg NE)"),
    (25, F, "pregnant", "niacin", "rda", 18, "IOM 1998 niacin RDA pregnancy"),
    (16, M, None, "niacin", "ul", 30, "IOM 1998 niacin UL 14-18"),
    (6, F, None, "niacin", "ul", 15, "IOM 1998 niacin UL 4-8"),
    (0.3, F, None, "niacin", "ai", 2, "IOM 1998 niacin AI 0-6 mo (preformed)"),
    (55, M, None, "vitamin_b6", "rda", 1.7, "IOM 1998 B6 RDA M 51+"),
    (55, F, None, "vitamin_b6", "ear", 1.3, "IOM 1998 B6 EAR F 51+"),
    (75, F, None, "vitamin_b6", "rda", 1.5, "IOM 1998 B6 RDA F >70"),
    (16, F, "pregnant", "vitamin_b6", "ul", 80, "IOM 1998 B6 UL pregnancy <=18"),
    (40, M, None, "vitamin_b6", "ul", 100, "IOM 1998 B6 UL adults"),
    (30, F, "pregnant", "folate", "ear", 520, "IOM 1998 folate EAR pregnancy"),
    (30, F, "pregnant", "folate", "rda", 600, "IOM 1998 folate RDA pregnancy"),
    (30, F, "lactating", "folate", "rda", 500, "IOM 1998 folate RDA lactation"),
    (12, M, None, "folate", "ul", 600, "IOM 1998 folate UL 9-13"),
    (40, F, None, "folate", "ul", 1000, "IOM 1998 folate UL adults"),
    (75, M, None, "vitamin_b12", "rda", 2.4, "IOM 1998 B12 RDA >70"),
    (30, F, "lactating", "vitamin_b12", "rda", 2.8, "IOM 1998 B12 RDA lactation"),
    (5, M, None, "vitamin_b12", "ear", 1.0, "IOM 1998 B12 EAR 4-8"),
    (30, F, "lactating", "pantothenic_acid", "ai", 7, "IOM 1998 pantothenic AI lactation"),
    (12, F, None, "pantothenic_acid", "ai", 4, "IOM 1998 pantothenic AI 9-13"),
    (30, F, "lactating", "biotin", "ai", 35, "IOM 1998 biotin AI lactation"),
    (16, M, None, "biotin", "ai", 25, "IOM 1998 biotin AI 14-18"),
    # total water, IOM 2005 (g/day)
    (40, M, None, "water", "ai", 3700, "IOM 2005 water AI men 3.7 L"),
    (40, F, None, "water", "ai", 2700, "IOM 2005 water AI women 2.7 L"),
    (16, M, None, "water", "ai", 3300, "IOM 2005 water AI boys 14-18"),
    (25, F, "pregnant", "water", "ai", 3000, "IOM 2005 water AI pregnancy"),
    (25, F, "lactating", "water", "ai", 3800, "IOM 2005 water AI lactation"),
]


def _profile(age, sex, condition):
    return Profile(age, sex, pregnant=condition == "pregnant", lactating=condition == "lactating")


@pytest.mark.parametrize(("age", "sex", "cond", "nutrient", "col", "value", "where"), PINNED)
def test_pinned_values(age, sex, cond, nutrient, col, value, where):
    ri = reference_intakes(_profile(age, sex, cond))
    assert ri.loc[nutrient, col] == pytest.approx(value), where


def test_enough_values_pinned():
    assert len(PINNED) >= 40
    assert {None, "pregnant", "lactating"} <= {p[2] for p in PINNED}
    assert {p[0] for p in PINNED if p[0] > 70} and {p[0] for p in PINNED if 14 <= p[0] < 19}


def test_table_shape_and_vocabulary():
    t = load_dri_table()
    assert len(t) == 22 * 13
    assert t.groupby("life_stage").size().eq(13).all()
    assert set(t["nutrient"]) == set(DRI_NUTRIENTS)
    assert set(t["ul_scope"]) <= set(UL_SCOPES)
    assert t["source"].str.len().gt(10).all()
    # exactly one of EAR(+RDA) or AI per row
    has_ear = t["ear"].notna()
    assert (has_ear == t["rda"].notna()).all()
    assert (has_ear ^ t["ai"].notna()).all()
    # RDA above EAR wherever both exist
    assert (t.loc[has_ear, "rda"] > t.loc[has_ear, "ear"]).all()


@pytest.mark.parametrize(
    "nutrient",
    ["thiamin", "riboflavin", "vitamin_b12", "pantothenic_acid", "biotin", "potassium", "water"],
)
def test_no_ul_is_explicit(nutrient):
    t = load_dri_table()
    rows = t[t["nutrient"] == nutrient]
    assert rows["ul"].isna().all()
    assert (rows["ul_scope"] == "none established").all()


@pytest.mark.parametrize(
    ("nutrient", "scope"),
    [
        ("magnesium", "supplements and medicines only"),
        ("niacin", "synthetic forms only"),
        ("folate", "synthetic forms only"),
        ("vitamin_b6", "all sources"),
        ("calcium", "all sources"),
        ("vitamin_d", "all sources"),
    ],
)
def test_ul_scopes(nutrient, scope):
    ri = reference_intakes(Profile(30, "m"))
    assert ri.loc[nutrient, "ul_scope"] == scope


@pytest.mark.parametrize("nutrient", ["magnesium", "niacin", "vitamin_b6", "folate"])
def test_infant_ul_not_determinable(nutrient):
    for age in (0.1, 0.7):
        ri = reference_intakes(Profile(age, "f"))
        assert math.isnan(ri.loc[nutrient, "ul"])
        assert ri.loc[nutrient, "ul_scope"] == "not determinable"


def test_folate_ul_is_folic_acid_not_dfe():
    ri = reference_intakes(Profile(30, "f"))
    assert ri.loc["folate", "unit"] == "µg DFE"
    assert ri.loc["folate", "ul_unit"] == "µg"
    assert "folic acid" in ri.loc["folate", "note"]


def test_potassium_has_ai_only():
    t = load_dri_table()
    k = t[t["nutrient"] == "potassium"]
    assert k["ear"].isna().all() and k["rda"].isna().all() and k["ai"].notna().all()


def test_reference_intakes_frame():
    ri = reference_intakes(Profile(40, "female"))
    assert list(ri.index) == [*TRACKED, "water"]
    for col in ("ear", "rda", "ai", "ul", "ul_scope", "unit", "source"):
        assert col in ri.columns
    assert ri["ear"].dtype == np.float64
    # a copy: changing it does not change later answers
    ri.loc["magnesium", "ear"] = 0
    assert reference_intakes(Profile(40, "female")).loc["magnesium", "ear"] == 265


def test_top_level_exports():
    assert nutrigap.Profile is Profile
    assert nutrigap.reference_intakes is reference_intakes
    assert nutrigap.load_dri_table is load_dri_table


# ------------------------------------------------------------------ life stages
@pytest.mark.parametrize(
    ("age", "sex", "cond", "code"),
    [
        (0, "f", None, "infant_0_6mo"),
        (0.49, "m", None, "infant_0_6mo"),
        (0.5, "m", None, "infant_7_12mo"),
        (0.99, "F", None, "infant_7_12mo"),
        (1, "f", None, "child_1_3"),
        (3.9, "m", None, "child_1_3"),
        (4, "m", None, "child_4_8"),
        (8.99, "f", None, "child_4_8"),
        (9, "m", None, "male_9_13"),
        (13.5, "Female", None, "female_9_13"),
        (14, "m", None, "male_14_18"),
        (18.9, "f", None, "female_14_18"),
        (19, "m", None, "male_19_30"),
        (30.99, "f", None, "female_19_30"),
        (31, "MALE", None, "male_31_50"),
        (50.5, "f", None, "female_31_50"),
        (51, "m", None, "male_51_70"),
        (70.9, "f", None, "female_51_70"),
        (71, "m", None, "male_71_plus"),
        (104, "f", None, "female_71_plus"),
        (14, "f", "pregnant", "pregnant_14_18"),
        (19, "f", "pregnant", "pregnant_19_30"),
        (50.9, "f", "pregnant", "pregnant_31_50"),
        (17, "f", "lactating", "lactating_14_18"),
        (29, "f", "lactating", "lactating_19_30"),
        (45, "f", "lactating", "lactating_31_50"),
    ],
)
def test_life_stage(age, sex, cond, code):
    assert _profile(age, sex, cond).life_stage == code


def test_profile_normalises_and_is_frozen():
    p = Profile(40, " F ")
    assert p.sex == "female" and p.age == 40.0 and isinstance(p.age, float)
    assert p.life_stage_label == "Females 31–50 years"
    assert p == Profile(40.0, "female")
    with pytest.raises(AttributeError):
        p.age = 41  # type: ignore[misc]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"age": -1, "sex": "f"}, "age"),
        ({"age": 130, "sex": "f"}, "age"),
        ({"age": float("nan"), "sex": "f"}, "age"),
        ({"age": "forty", "sex": "f"}, "age"),
        ({"age": True, "sex": "f"}, "age"),
        ({"age": 40, "sex": "x"}, "sex"),
        ({"age": 40, "sex": None}, "sex"),
        ({"age": 40, "sex": "m", "pregnant": True}, "male"),
        ({"age": 40, "sex": "m", "lactating": True}, "male"),
        ({"age": 30, "sex": "f", "pregnant": True, "lactating": True}, "both"),
        ({"age": 13, "sex": "f", "pregnant": True}, "14 through 50"),
        ({"age": 51, "sex": "f", "pregnant": True}, "14 through 50"),
        ({"age": 55, "sex": "f", "lactating": True}, "14 through 50"),
        ({"age": 30, "sex": "f", "pregnant": "yes"}, "pregnant"),
    ],
)
def test_bad_profiles(kwargs, message):
    with pytest.raises(ProfileError, match=message):
        Profile(**kwargs)


def test_reference_intakes_rejects_non_profile():
    with pytest.raises(ProfileError):
        reference_intakes({"age": 40, "sex": "f"})  # type: ignore[arg-type]


def test_unknown_nutrient_names_known_keys():
    from nutrigap.reference import reference_row

    with pytest.raises(UnknownNutrientError, match="magnesium") as exc:
        reference_row(Profile(40, "f"), "magnesum")
    assert "magnesum" in str(exc.value)
    with pytest.raises(UnknownNutrientError, match="no Dietary Reference Intake"):
        reference_row(Profile(40, "f"), "caffeine")


def test_csv_matches_build_script(repo_root):
    script = repo_root / "datasets" / "dri" / "build.py"
    res = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True, check=False
    )
    assert res.returncode == 0, res.stderr
