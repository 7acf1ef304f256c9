"""Food suggestions: sensible foods, reproducible amounts, plans within the ULs."""

from __future__ import annotations

import subprocess
import sys
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nutrigap.data import load_food_table, load_portions
from nutrigap.exceptions import UnknownNutrientError
from nutrigap.suggestions import (
    FALLBACK_ULS,
    MAX_PORTIONS_PER_FOOD,
    Suggestions,
    load_shortlist,
    suggest,
)

FOODS = load_food_table()
SHORT = load_shortlist()


def top(s: Suggestions, nutrient: str) -> pd.DataFrame:
    return s.by_nutrient[s.by_nutrient["nutrient"] == nutrient]


# --------------------------------------------------------------------------- shortlist


def test_shortlist_matches_food_table_and_portions(repo_root):
    assert 120 <= len(SHORT) <= 200
    assert SHORT.index.is_unique
    assert (SHORT["description"] == FOODS.loc[SHORT.index, "description"]).all()
    por = load_portions().set_index(["food_id", "seq"])
    for fid, row in SHORT.iterrows():
        base = por.loc[(fid, int(row["portion_seq"]))]
        assert row["measure"] == base["measure"]
        factor = eval(row["factor"])  # "1", "2", "1/2": simple fractions only
        assert row["grams"] == pytest.approx(base["grams"] * factor)
        assert 5 <= row["grams"] <= 350, fid
    out = subprocess.run(
        [sys.executable, str(repo_root / "datasets/suggest/build.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_shortlist_has_no_odd_candidates():
    bad = SHORT["description"].str.contains(
        r"Leavening|powder|infant|formula|dehydrated|liver|Spices", case=False, regex=True
    )
    assert not bad.any(), SHORT[bad]
    tags = SHORT["tags"].str.split(";")
    assert (
        tags.map(lambda t: "vegan" in t and ("dairy" in t or "fish" in t or "meat" in t)).sum() == 0
    )
    assert tags.map(lambda t: "vegan" in t and "vegetarian" not in t).sum() == 0


# --------------------------------------------------------------------------- ranking


@pytest.mark.parametrize(
    "nutrient, gap, groups",
    [
        ("magnesium", 150.0, [{"nuts_seeds"}, {"leafy_greens"}, {"legumes", "soy"}]),
        ("calcium", 500.0, [{"dairy", "fortified_cereals", "plant_milks", "soy"}]),
        ("vitamin_d", 10.0, [{"fish"}, {"dairy", "eggs", "plant_milks"}]),
    ],
)
def test_top_suggestions_are_the_classic_sources(nutrient, gap, groups):
    s = suggest({nutrient: gap}, max_per_nutrient=6)
    got = set(top(s, nutrient)["group"])
    for wanted in groups:
        assert got & wanted, (nutrient, got)


def test_potassium_top_includes_classics():
    s = suggest({"potassium": 1500.0})
    text = " ".join(top(s, "potassium")["description"]).lower()
    assert any(w in text for w in ("banana", "potato", "beans", "spinach", "beet greens"))


def test_realistic_portions():
    s = suggest({"magnesium": 300.0, "potassium": 3000.0, "vitamin_d": 15.0}, max_per_nutrient=500)
    df = s.by_nutrient.drop_duplicates("food_id").set_index("food_id")
    assert df.loc["12061", "portion_grams"] == pytest.approx(28.35)  # 1 oz almonds
    assert df.loc["11458", "portion"] == "1 cup"  # cooked spinach, 180 g
    assert df.loc["09040", "portion"].startswith("1 medium")  # banana, 118 g
    assert df.loc["15237", "portion"] == "3 oz"  # salmon, 85 g


def test_amounts_are_reproducible_from_the_food_table():
    gaps = {"magnesium": 120.0, "calcium": 300.0, "folate": 100.0, "vitamin_b12": 1.0}
    s = suggest(gaps, max_per_nutrient=20)
    for r in s.by_nutrient.itertuples():
        expected = FOODS.loc[r.food_id, r.nutrient] * SHORT.loc[r.food_id, "grams"] / 100
        assert r.amount == pytest.approx(expected, rel=1e-12)
        assert r.gap_share_pct == pytest.approx(100 * expected / gaps[r.nutrient])
        kcal = FOODS.loc[r.food_id, "energy"] * SHORT.loc[r.food_id, "grams"] / 100
        assert r.energy_kcal == pytest.approx(kcal)
    for r in s.plan.itertuples():
        for n in gaps:
            expected = FOODS.loc[r.food_id, n] * SHORT.loc[r.food_id, "grams"] / 100 * r.portions
            assert getattr(r, n) == pytest.approx(np.nan_to_num(expected))


def test_multi_gap_foods_rank_higher():
    alone = suggest({"magnesium": 150.0}, max_per_nutrient=50)
    multi = suggest(
        {"magnesium": 150.0, "calcium": 400.0, "potassium": 1500.0, "folate": 200.0},
        max_per_nutrient=50,
    )
    spinach_alone = top(alone, "magnesium").set_index("food_id").loc["11458"]
    spinach_multi = top(multi, "magnesium").set_index("food_id").loc["11458"]
    assert spinach_multi["rank"] == 1
    assert spinach_multi["score"] > spinach_alone["score"]
    assert set(spinach_multi["other_gaps"]) >= {"calcium", "potassium", "folate"}


def test_rank_by_energy_prefers_light_foods():
    s = suggest({"potassium": 1000.0}, rank_by="energy", max_per_nutrient=5)
    df = top(s, "potassium")
    assert df["energy_kcal"].median() < 100
    with pytest.raises(ValueError, match="rank_by"):
        suggest({"potassium": 1000.0}, rank_by="taste")


def test_max_per_nutrient_and_variety():
    s = suggest({"magnesium": 150.0}, max_per_nutrient=4)
    df = top(s, "magnesium")
    assert len(df) == 4 and list(df["rank"]) == [1, 2, 3, 4]
    assert df["group"].is_unique  # best of each group before a second of any


# --------------------------------------------------------------------------- notes, special nutrients


def test_biotin_gap_gets_a_note_not_numbers():
    s = suggest({"biotin": 10.0, "magnesium": 50.0})
    assert "biotin" not in set(s.by_nutrient["nutrient"])
    assert "biotin" not in s.plan.columns
    assert any("biotin" in n.lower() and "sr28" in n.lower() for n in s.notes)


def test_vitamin_d_and_b12_notes():
    s = suggest({"vitamin_d": 10.0, "vitamin_b12": 1.5}, diet="vegan")
    text = " ".join(s.notes).lower()
    assert "sunlight" in text and "fortified" in text and "nutritional yeast" in text
    b12 = top(s, "vitamin_b12")
    assert len(b12) > 0
    assert b12["food_id"].map(lambda f: "fortified" in SHORT.loc[f, "tags"]).all()


def test_b12_never_from_unfortified_plants():
    s = suggest({"vitamin_b12": 0.2}, max_per_nutrient=200)
    tags = top(s, "vitamin_b12")["food_id"].map(lambda f: set(SHORT.loc[f, "tags"].split(";")))
    assert tags.map(lambda t: bool(t & {"dairy", "egg", "fish", "meat", "fortified"})).all()


def test_unknown_nutrient_and_bad_arguments():
    with pytest.raises(UnknownNutrientError):
        suggest({"vitamin_q": 1.0})
    with pytest.raises(ValueError, match="diet"):
        suggest({"calcium": 100.0}, diet="paleo")


def test_zero_and_missing_gaps_are_ignored():
    s = suggest({"calcium": 0.0, "magnesium": np.nan})
    assert s.by_nutrient.empty and s.plan.empty and s.coverage.empty


# --------------------------------------------------------------------------- preferences


def test_exclusions_by_id_text_and_group():
    s = suggest(
        {"magnesium": 200.0, "calcium": 500.0},
        exclude=["11458", "tofu"],
        exclude_groups=["nuts", "dairy"],
        max_per_nutrient=50,
    )
    ids = set(s.by_nutrient["food_id"]) | set(s.plan["food_id"])
    assert "11458" not in ids
    for fid in ids:
        tags = SHORT.loc[fid, "tags"].split(";")
        assert "nuts" not in tags and "dairy" not in tags
        assert "tofu" not in SHORT.loc[fid, "description"].lower()


def test_eaten_foods_get_a_bonus_and_off_list_foods_qualify():
    base = top(suggest({"magnesium": 150.0}, max_per_nutrient=200), "magnesium")
    eaten = top(suggest({"magnesium": 150.0}, eaten=["12061"], max_per_nutrient=200), "magnesium")
    a0 = base.set_index("food_id").loc["12061"]
    a1 = eaten.set_index("food_id").loc["12061"]
    assert a1["eaten"] and a1["score"] == pytest.approx(a0["score"] * 1.15)
    # a food off the shortlist the person eats qualifies with its first sane SR28 measure
    off = "20033"  # Oat bran, raw: 1 cup = 94 g
    assert off not in SHORT.index
    s = suggest({"magnesium": 150.0}, eaten=[off], max_per_nutrient=200)
    row = top(s, "magnesium").set_index("food_id").loc[off]
    assert 15 <= row["portion_grams"] <= 350
    # baking powder never qualifies, even when eaten
    s = suggest({"calcium": 500.0}, eaten=["18369"], max_per_nutrient=200)
    assert "18369" not in set(s.by_nutrient["food_id"])


def test_sanity_filter_on_eaten_foods_raises_no_warning():
    """The description filter is a plain boolean test: pandas warned (UserWarning, "has match
    groups") on every call with eaten foods off the shortlist while it had capturing groups."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s = suggest({"magnesium": 150.0}, eaten=["20033", "18369", "05027"], max_per_nutrient=200)
    ids = set(s.by_nutrient["food_id"])
    assert "20033" in ids  # oat bran qualifies
    assert "18369" not in ids  # baking powder is filtered out
    assert "05027" not in ids  # raw chicken liver is filtered out


def test_report_duck_typing():
    report = SimpleNamespace(
        gaps=pd.Series({"magnesium": 100.0, "calcium": 300.0}),
        profile=None,
        summary=pd.DataFrame({"mean_intake": {"calcium": 1950.0, "magnesium": 200.0}}),
        entries=pd.DataFrame({"food_id": ["12061", None]}),
    )
    s = suggest(report, max_per_nutrient=500)
    assert s.by_nutrient["eaten"].any()
    # 1,950 mg calcium already: the plan may add at most 50 mg (fallback UL 2,000 mg)
    assert s.coverage.loc["calcium", "ul_counted"] <= 2000.0 + 1e-6


def test_report_synthetic_intakes_count_against_their_uls():
    """A report whose person already takes 980 µg folic acid and 34 mg supplemental niacin
    (``summary["ul_intake"]``): the plan must not add fortified cereal (Corn Flakes: 323 µg
    folic acid and 17.9 mg niacin per 100 g) beyond the 1,000 µg / 35 mg ULs. Before, the
    report's synthetic intakes were ignored and the plan added 393 µg folic acid."""
    summary = pd.DataFrame(
        {
            "mean_intake": {"folate": 1800.0, "niacin": 40.0, "thiamin": 0.6},
            "ul_intake": {"folate": 980.0, "niacin": 34.0, "thiamin": np.nan},
        }
    )
    report = SimpleNamespace(
        gaps=pd.Series({"vitamin_b12": 2.0, "thiamin": 0.5, "riboflavin": 0.5}),
        profile=None,
        summary=summary,
        entries=pd.DataFrame({"food_id": [None]}),
    )
    s = suggest(report)
    plan = s.plan
    grams = plan["grams"].to_numpy()
    per100 = FOODS.loc[plan["food_id"]]
    fortified = (
        SHORT["tags"].reindex(plan["food_id"]).fillna("").str.contains("fortified").to_numpy()
        | (per100["food_group"] == "Breakfast Cereals").to_numpy()
    )
    bound = (per100["folate"] / 1.7).where(fortified, 0.0)
    folic = (per100["folic_acid"].fillna(bound).fillna(0.0).to_numpy() * grams / 100).sum()
    niacin = (np.where(fortified, per100["niacin"].fillna(0.0), 0.0) * grams / 100).sum()
    assert 980.0 + folic <= 1000.0 + 1e-6
    assert 34.0 + niacin <= 35.0 + 1e-6
    # an explicit current_intake still wins
    s2 = suggest(report, current_intake={"folic_acid": 0.0, "niacin_synthetic": 0.0})
    assert not s2.plan.empty


# --------------------------------------------------------------------------- the plan

NUTS = ["magnesium", "calcium", "potassium", "vitamin_d", "folate", "vitamin_b12", "vitamin_b6"]


def _check_plan(s: Suggestions, current: dict, max_energy: float | None):
    plan = s.plan
    if plan.empty:
        return
    assert (plan["portions"] <= MAX_PORTIONS_PER_FOOD).all() and (plan["portions"] >= 1).all()
    if max_energy is not None:
        assert plan["energy_kcal"].sum() <= max_energy + 1e-6
    grams = SHORT["grams"].reindex(plan["food_id"]).to_numpy() * plan["portions"].to_numpy()
    per100 = FOODS.loc[plan["food_id"]]
    for n, (ul, scope) in FALLBACK_ULS.items():
        if scope == "total":
            total = (per100[n].fillna(0).to_numpy() * grams / 100).sum()
            assert current.get(n, 0.0) + total <= max(ul, current.get(n, 0.0)) + 1e-6, n
        elif n == "folate":
            fortified = (
                SHORT.loc[plan["food_id"], "tags"].str.contains("fortified").to_numpy()
                | (per100["food_group"] == "Breakfast Cereals").to_numpy()
            )
            bound = (per100["folate"] / 1.7).where(fortified, 0.0)
            fa = per100["folic_acid"].fillna(bound).fillna(0).to_numpy()
            fa = (fa * grams / 100).sum()
            assert fa <= ul + 1e-6


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    gaps=st.dictionaries(st.sampled_from(NUTS), st.floats(0.5, 3000), min_size=1, max_size=5),
    current=st.dictionaries(st.sampled_from(["calcium", "vitamin_d"]), st.floats(0, 2100)),
    diet=st.sampled_from([None, "vegan", "vegetarian", "pescatarian", "dairy-free"]),
    groups=st.lists(st.sampled_from(["nuts", "fish", "dairy", "gluten", "soy", "egg"]), max_size=2),
    method=st.sampled_from(["milp", "greedy"]),
    max_energy=st.sampled_from([None, 300.0, 500.0]),
)
def test_plan_respects_uls_diets_and_exclusions(gaps, current, diet, groups, method, max_energy):
    gaps = {
        k: v / 100 if k in ("vitamin_d", "vitamin_b12", "vitamin_b6") else v
        for k, v in gaps.items()
    }
    current = {k: v / 50 if k == "vitamin_d" else v for k, v in current.items()}
    s = suggest(
        gaps,
        current_intake=current,
        diet=diet,
        exclude_groups=groups,
        method=method,
        max_energy=max_energy,
    )
    _check_plan(s, current, max_energy)
    ids = set(s.plan["food_id"]) | set(s.by_nutrient["food_id"])
    for fid in ids:
        tags = set(SHORT.loc[fid, "tags"].split(";"))
        assert not tags & set(groups)
        if diet in ("vegan", "vegetarian"):
            assert diet in tags
        if diet == "pescatarian":
            assert tags & {"vegetarian", "fish"}
        if diet == "dairy-free":
            assert "dairy" not in tags


def test_plan_closes_common_gaps_with_few_portions():
    gaps = {"magnesium": 150.0, "potassium": 1500.0, "calcium": 400.0, "vitamin_d": 10.0}
    for method in ("milp", "greedy"):
        s = suggest(gaps, method=method)
        assert s.method == method
        assert (s.coverage["closed_pct"] >= 99.9).all(), s.coverage
        assert s.plan["portions"].sum() <= 6
        assert s.plan["energy_kcal"].sum() <= 500


def test_plan_reports_what_it_cannot_close():
    s = suggest({"vitamin_d": 15.0, "potassium": 4000.0}, diet="vegan", max_energy=100.0)
    assert (s.coverage["closed_pct"] < 99.5).any()
    assert any("within its limits" in n for n in s.notes)


def test_explicit_ul_table_limits_the_plan():
    ul = pd.DataFrame({"ul": {"calcium": 600.0}, "ul_scope": {"calcium": "total intake"}})
    s = suggest({"calcium": 1000.0}, ul=ul, current_intake={"calcium": 100.0})
    assert s.coverage.loc["calcium", "ul_counted"] <= 600.0 + 1e-6
    assert s.coverage.loc["calcium", "closed_pct"] < 100


def test_no_gaps_no_notes():
    """Nothing to close: no UL notes (vitamin D, fallback ULs) for nutrients not in play."""
    assert suggest({}).notes == []
    profile = pytest.importorskip("nutrigap.reference").Profile(35, "female")
    s = suggest({}, profile=profile, current_intake={"vitamin_d": 150.0, "calcium": 3000.0})
    assert s.notes == [] and s.plan.empty
    # a gap without a plan: its own notes only
    s = suggest({"magnesium": 100.0}, current_intake={"vitamin_d": 150.0}, plan=False)
    assert not any("Vitamin D" in n or "No profile" in n for n in s.notes), s.notes
    # with a plan, vitamin D at its UL limits the foods chosen: then the note is in play
    s = suggest({"magnesium": 100.0}, current_intake={"vitamin_d": 150.0})
    assert any(n.startswith("Vitamin D: current intake") for n in s.notes)
    assert (FOODS.loc[s.plan["food_id"], "vitamin_d"].fillna(0.0) == 0).all()


def test_near_zero_energy_food_gives_no_infinity():
    """per_100kcal divides by the portion's energy: a (near-)zero energy is NaN, never inf."""
    import json

    foods = FOODS.copy()
    foods.loc["11458", "energy"] = 1e-310  # cooked spinach, 87 mg magnesium per 100 g
    for rank_by in ("portion", "energy"):
        s = suggest({"magnesium": 100.0}, foods, rank_by=rank_by, max_per_nutrient=20)
        spinach = s.by_nutrient[s.by_nutrient["food_id"] == "11458"]
        assert len(spinach) == 1 and np.isnan(spinach["per_100kcal"].iloc[0])
        num = s.by_nutrient.select_dtypes("number").to_numpy(dtype=float)
        assert not np.isinf(num).any()
        json.dumps(s.to_dict(), allow_nan=False)
    # the JSON clean-up itself: NaN and infinities become None
    s = Suggestions(
        by_nutrient=pd.DataFrame({"x": [np.inf, -np.inf, np.nan, 1.5]}),
        plan=pd.DataFrame(),
        coverage=pd.DataFrame(),
    )
    assert [r["x"] for r in s.to_dict()["by_nutrient"]] == [None, None, None, 1.5]


# --------------------------------------------------------------------------- outputs


def test_outputs():
    s = suggest({"magnesium": 150.0, "vitamin_d": 10.0, "biotin": 5.0})
    d = s.to_dict()
    assert set(d) == {"by_nutrient", "plan", "coverage", "notes", "method"}
    import json

    json.dumps(d)  # plain data
    md = s.to_markdown()
    assert "### Magnesium" in md and "A combined plan" in md and "sunlight" in md
    assert s.to_frame().equals(s.by_nutrient)
    assert "Suggestions(" in repr(s)


def test_profile_uls_from_reference():
    reference = pytest.importorskip("nutrigap.reference")
    profile = reference.Profile(age=60, sex="female")
    s = suggest(
        {"calcium": 800.0, "magnesium": 150.0}, profile=profile, current_intake={"calcium": 1500.0}
    )
    ul = reference.reference_intakes(profile).loc["calcium", "ul"]
    assert s.coverage.loc["calcium", "ul"] == ul
    assert s.coverage.loc["calcium", "ul_counted"] <= ul + 1e-6
    assert any("supplements" in n for n in s.notes)  # magnesium UL scope explained


def test_package_name_suggest_stays_the_function():
    """Importing the module behind ``nutrigap.suggest`` must not shadow the function."""
    import importlib

    import nutrigap

    importlib.import_module("nutrigap.suggestions")
    assert callable(nutrigap.suggest)
    assert nutrigap.suggest.__module__ == "nutrigap.suggestions"
