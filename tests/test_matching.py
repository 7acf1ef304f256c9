"""Food matching: normalisation, aliases, exact/fuzzy scoring, overrides, FDC, report."""

from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np
import pandas as pd
import pytest
from _diaries import food_diary as _diary
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nutrigap.data import datasets_dir, load_food_table
from nutrigap.foods import (
    DEFAULT_THRESHOLD,
    MATCH_COLUMNS,
    load_aliases,
    load_overrides,
    match_foods,
    match_report,
)
from nutrigap.foods.matching import (
    Candidate,
    brand_reading,
    fuzzy_doubt,
    match_texts,
    same_family,
)
from nutrigap.foods.normalize import (
    clean_query,
    fold,
    leading_measure,
    normalize_food_text,
    singular,
)

# A small alias fixture in the shape of datasets/aliases/aliases.csv.
ALIASES = """alias,food_id,description,note
banana,09040,"Bananas, raw",
2% milk,01079,"Milk, reduced fat, fluid, 2% milkfat, with added vitamin A and vitamin D",
coffee,14209,"Beverages, coffee, brewed, prepared with tap water",
egg,01123,"Egg, whole, raw, fresh",
scrambled egg,01132,"Egg, whole, cooked, scrambled",
almond,12061,"Nuts, almonds",
spinach,11457,"Spinach, raw",
salmon,15076,"Fish, salmon, Atlantic, wild, raw",
oatmeal,08121,"Cereals, oats, regular and quick, unenriched, cooked with water",
greek yogurt,01256,"Yogurt, Greek, plain, nonfat",
whole wheat bread,18075,"Bread, whole-wheat, commercially prepared",
"""

EVERYDAY = {
    "banana": "09040",
    "2% milk": "01079",
    "coffee": "14209",
    "egg": "01123",
    "2 scrambled eggs": "01132",
    "almonds": "12061",
    "spinach": "11457",
    "salmon": "15076",
    "oatmeal": "08121",
    "greek yogurt": "01256",
    "whole wheat bread": "18075",
    "handful of almonds": "12061",
    "Bananas": "09040",
    "Greek Yogurt": "01256",
}


@pytest.fixture
def alias_csv(tmp_path):
    path = tmp_path / "aliases.csv"
    path.write_text(ALIASES, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def sr28():
    return load_food_table("sr28")


# ----------------------------------------------------------------- normalise
class TestNormalize:
    def test_fold_accents_fractions_trademarks(self):
        assert fold("Crème Brûlée ½ cup™") == "creme brulee 1/2 cup"

    @pytest.mark.parametrize(
        ("plural", "one"),
        [("eggs", "egg"), ("berries", "berry"), ("peaches", "peach"), ("tomatoes", "tomato")],
    )
    def test_singular(self, plural, one):
        assert singular(plural) == one

    @pytest.mark.parametrize("word", ["hummus", "glass", "asparagus", "couscous"])
    def test_singular_keeps_words_that_only_look_plural(self, word):
        assert singular(word) == word

    def test_word_order_case_punctuation_plurals_and_raw(self):
        a = normalize_food_text("Spinach, raw")
        b = normalize_food_text("fresh SPINACH!")
        assert a.key == b.key == "spinach"

    def test_quantities_units_and_noise_are_dropped(self):
        n = normalize_food_text("2 cups of organic large Blueberries")
        assert n.key == "blueberry"
        assert normalize_food_text("handful of almonds").key == "almond"
        assert normalize_food_text("8 fl oz orange juice").key == "juice orange"

    def test_percent_is_identity_not_quantity(self):
        assert normalize_food_text("2% milk").key == "2% milk"
        assert normalize_food_text("2 % Milk").key == "2% milk"

    def test_brand_dash_prefix(self):
        assert normalize_food_text("Chobani - Greek Yogurt, Plain").key == "greek yogurt"

    def test_head_noun_is_last_word_of_first_segment(self):
        assert normalize_food_text("whole wheat bread").head == "bread"
        assert normalize_food_text("Eggs, scrambled").head == "egg"

    def test_non_text(self):
        assert normalize_food_text(None).key == ""  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("2 scrambled eggs", (2.0, None)),
            ("1 1/2 slices bread", (1.5, "slice")),
            ("handful of almonds", (1.0, "handful")),
            ("a glass of milk", (1.0, "glass")),
            ("½ cup oats", (0.5, "cup")),
        ],
    )
    def test_leading_measure(self, text, expected):
        assert leading_measure(text) == expected

    def test_leading_measure_absent(self):
        q, u = leading_measure("banana")
        assert np.isnan(q) and u is None


# ------------------------------------------------------------------ matching
class TestEveryday:
    def test_with_alias_fixture(self, alias_csv):
        m = match_foods(_diary(list(EVERYDAY)), aliases=alias_csv)
        got = dict(zip(m["food"], m["food_id"], strict=True))
        assert got == EVERYDAY
        assert set(m["match_method"]) <= {"alias", "exact"}
        assert (m["status"] == "matched").all()

    def test_fried_eggs_is_an_egg_not_candy(self, sr28):
        m = match_foods(_diary(["fried eggs", "Fried Eggs"]), aliases={}, foods="sr28")
        assert (m["food_id"] == "01128").all()  # Egg, whole, cooked, fried
        assert str(sr28.loc[m["food_id"].iloc[0], "food_group"]) != "Sweets"
        # with both tables (the default) a fried egg "as eaten" from FNDDS
        both = match_foods(_diary(["fried eggs"]), aliases={})
        assert both["matched_description"].iloc[0].startswith("Egg")

    def test_fried_eggs_against_gummy_sweets(self, sr28):
        # The real bug: a popular app logged "fried eggs" as gummy sweets.
        table = pd.concat(
            [
                sr28.loc[["01128"]],
                pd.DataFrame(
                    {
                        "description": ["Candies, HARIBO, fried eggs, gummy"],
                        "food_group": ["Sweets"],
                    },
                    index=pd.Index(["99901"], name="food_id"),
                ),
            ]
        )
        m = match_foods(_diary(["fried eggs"]), foods=table, portions=_no_portions(), aliases={})
        assert m["food_id"].iloc[0] == "01128"
        assert m["runner_up_id"].iloc[0] == "99901"
        assert m["match_score"].iloc[0] - m["runner_up_score"].iloc[0] >= 20
        # with only the candy on offer the honest answer is "unmatched"
        candy_only = table.loc[["99901"]]
        m2 = match_foods(
            _diary(["fried eggs"]), foods=candy_only, portions=_no_portions(), aliases={}
        )
        assert m2["status"].iloc[0] == "unmatched"
        assert "99901" in m2["status_reason"].iloc[0]
        # naming the sweet finds it
        m3 = match_foods(
            _diary(["haribo fried eggs"]), foods=candy_only, portions=_no_portions(), aliases={}
        )
        assert m3["food_id"].iloc[0] == "99901"

    @pytest.mark.parametrize(
        ("text", "group", "head"),
        [
            ("egg", "Dairy and Egg Products", "Egg"),
            ("2 scrambled eggs", "Dairy and Egg Products", "Egg"),
            ("almonds", "Nut and Seed Products", "Nuts, almonds"),
            ("spinach", "Vegetables and Vegetable Products", "Spinach"),
            ("salmon", "Finfish and Shellfish Products", "Fish, salmon"),
            ("greek yogurt", "Dairy and Egg Products", "Yogurt, Greek"),
            ("whole wheat bread", "Baked Products", "Bread"),
            ("banana", "Fruits and Fruit Juices", "Bananas, raw"),
            ("coffee", "Beverages", "Beverages, coffee, brewed"),
            ("bannana", "Fruits and Fruit Juices", "Bananas, raw"),
        ],
    )
    def test_sensible_without_aliases(self, sr28, text, group, head):
        m = match_foods(_diary([text]), aliases={}, foods="sr28")
        fid = m["food_id"].iloc[0]
        if text == "salmon":
            # chinook, chum, pink ... tie: a guess between species is left to
            # the person, with a salmon as the suggestion (the alias table
            # answers "salmon" in normal use)
            assert m["status"].iloc[0] == "unmatched"
            assert "ties with" in m["status_reason"].iloc[0]
            fid = m["runner_up_id"].iloc[0]
        else:
            assert m["status"].iloc[0] == "matched", m["status_reason"].iloc[0]
        assert str(sr28.loc[fid, "food_group"]) == group
        assert sr28.loc[fid, "description"].startswith(head)

    def test_a_tie_between_different_foods_is_not_a_match(self):
        # "juice": acerola, apple, lemon ... juice all fit; fat levels of one
        # yogurt or packing variants of one food are not different foods
        m = match_foods(_diary(["juice", "greek yogurt, plain", "canned beets"]), aliases={})
        assert m["status"].tolist() == ["unmatched", "matched", "matched"]
        assert "ties with" in m["status_reason"].iloc[0]

    def test_usda_descriptions_match_exactly(self, sr28):
        sample = sr28.sample(200, random_state=1)
        m = match_foods(_diary(sample["description"].tolist()), aliases={})
        same = (m["food_id"].to_numpy() == sample.index.to_numpy()) | (
            # several USDA foods normalise alike ("Spinach, raw" / "Spinach, fresh")
            m["matched_description"].map(lambda d: normalize_food_text(d).key).to_numpy()
            == sample["description"].map(lambda d: normalize_food_text(d).key).to_numpy()
        )
        assert same.mean() > 0.97
        matched = m["food_id"].notna()  # some are "unresolved": foods without portions
        assert matched.mean() > 0.97
        assert (
            m.loc[matched & (m.match_method == "fuzzy"), "match_score"] >= DEFAULT_THRESHOLD
        ).all()

    def test_a_brand_product_named_alone_is_its_branded_food(self):
        # the text is the brand's product name; the description's head is its maker
        m = match_foods(_diary(["big mac", "Tabasco"]), aliases={})
        assert m["food_id"].tolist() == ["21237", "06169"]
        assert (m["match_method"] == "fuzzy").all()

    def test_nonsense_is_unmatched_never_assigned(self):
        m = match_foods(_diary(["xyzzy plugh", "qwerty zork", ""]), aliases={})
        assert (m["status"] == "unmatched").all()
        assert m["food_id"].isna().all()
        assert (m["status_reason"].str.len() > 0).all()
        assert (m["match_method"] == "none").all()

    def test_below_threshold_lists_candidates(self):
        m = match_foods(_diary(["oatmeal"]), aliases={})
        # "Bread, oatmeal" (78) ties "Bread, oatmeal, toasted": not oatmeal,
        # held back by the acceptance rule but listed as a suggestion
        assert m["status"].iloc[0] == "unmatched"
        assert pd.isna(m["food_id"].iloc[0])
        assert "best candidates" in m["status_reason"].iloc[0]
        assert "not accepted" in m["status_reason"].iloc[0]
        assert m["runner_up_id"].iloc[0] == "18039"
        assert m["runner_up_score"].iloc[0] >= DEFAULT_THRESHOLD
        # a threshold of 0 accepts a low best candidate that names the text's
        # head noun (the margin rules still apply); 100 rejects fuzzy ones
        loose = match_foods(_diary(["banana bread pudding"]), aliases={}, threshold=0)
        assert loose["status"].iloc[0] == "matched"
        assert loose["match_score"].iloc[0] < DEFAULT_THRESHOLD
        default = match_foods(_diary(["banana bread pudding"]), aliases={})
        assert default["status"].iloc[0] == "unmatched"
        strict = match_foods(_diary(["chicken breast"]), aliases={}, threshold=100)
        assert strict["status"].iloc[0] == "unmatched"

    def test_head_noun_disagreement_scores_low(self):
        # "milk chocolate" is chocolate; a milk may not win it with a high score
        m = match_foods(_diary(["milk chocolate", "almond milk"]), aliases={}, foods="sr28")
        sr = load_food_table()
        d0 = sr.loc[m["food_id"].iloc[0], "description"].lower()
        assert "chocolate" in d0
        if m["status"].iloc[1] == "matched":
            assert "milk" in sr.loc[m["food_id"].iloc[1], "description"].lower()


def _no_portions():
    return pd.DataFrame(
        {"food_id": [], "seq": [], "amount": [], "measure": [], "grams": []}
    ).astype({"food_id": str, "measure": str})


class TestBundledAliases:
    @pytest.fixture(scope="class")
    @classmethod
    def bundled(cls):
        path = datasets_dir() / "aliases" / "aliases.csv"
        if not path.is_file():
            pytest.skip("bundled alias table not built yet")
        return pd.read_csv(path, dtype=str, keep_default_na=False)

    def test_every_alias_points_into_the_bundled_tables(self, bundled, sr28):
        both = load_food_table("both")
        missing = sorted(set(bundled["food_id"]) - set(both.index))
        assert not missing
        # FNDDS ids only for dishes SR28 lacks: a handful
        assert set(bundled["food_id"]) - set(sr28.index) <= {
            i for i in bundled["food_id"] if i.startswith("fndds:")
        }

    def test_everyday_strings(self, bundled, sr28):
        texts = [t for t in EVERYDAY if t != "oatmeal"] + ["oatmeal"]
        m = match_foods(_diary(texts))
        assert (m["status"] == "matched").all(), m.loc[m.status != "matched", "food"].tolist()
        got = dict(zip(m["food"], m["food_id"], strict=True))
        for text in ("banana", "2% milk", "coffee", "almonds", "handful of almonds", "spinach"):
            assert got[text] == EVERYDAY[text], text
        for text in ("egg", "2 scrambled eggs"):
            assert sr28.loc[got[text], "description"].startswith("Egg"), text
        assert (
            "fried"
            in sr28.loc[
                match_foods(_diary(["fried eggs"]))["food_id"].iloc[0], "description"
            ].lower()
        )


class TestOverridesAndGiven:
    def test_override_dict_and_csv_win(self, tmp_path, alias_csv):
        d = _diary(["banana", "Banana ", "mystery stew"])
        m = match_foods(d, aliases=alias_csv, overrides={"banana": "09041"})
        assert m["food_id"].tolist()[:2] == ["09041", "09041"]  # normalised key covers both
        assert m["match_method"].tolist()[:2] == ["override", "override"]
        csv = tmp_path / "ov.csv"
        pd.DataFrame({"food": ["mystery stew"], "food_id": ["11457"]}).to_csv(csv, index=False)
        m2 = match_foods(d, aliases=alias_csv, overrides=csv)
        assert m2["food_id"].iloc[2] == "11457"
        assert m2["match_method"].iloc[2] == "override"
        assert m2["match_method"].iloc[0] == "alias"

    def test_override_to_unknown_id_is_unmatched_with_reason(self):
        m = match_foods(_diary(["banana"]), aliases={}, overrides={"banana": "9040"})
        assert m["status"].iloc[0] == "unmatched"
        assert "'9040'" in m["status_reason"].iloc[0]

    def test_overrides_need_columns(self, tmp_path):
        from nutrigap.exceptions import MatchError

        bad = tmp_path / "bad.csv"
        bad.write_text("text,id\nbanana,09040\n")
        with pytest.raises(MatchError, match="food,food_id"):
            load_overrides(bad)

    def test_alias_to_food_not_in_table_falls_through(self):
        m = match_foods(_diary(["banana"]), aliases={"banana": "99999"})
        assert m["food_id"].iloc[0] == "09040"
        assert m["match_method"].iloc[0] == "exact"

    def test_given_rows_are_not_rematched(self):
        # an export with a column for every tracked nutrient: its rows are not matched
        from nutrigap.nutrients import TRACKED

        d = pd.DataFrame(
            {
                "food": ["Bananas, raw", "Bananas, raw", "Daily total"],
                "quantity": [1.0, 1.0, np.nan],
                "unit": ["medium", "medium", None],
                "grams": [np.nan, 118.0, np.nan],
                "entry_type": ["food", "food", "summary"],
                **{k: [np.nan, 1.0, 2.0] for k in TRACKED},
            }
        )
        d["magnesium"] = [np.nan, 31.9, 350.0]
        m = match_foods(d, aliases={})
        assert m["status"].tolist() == ["matched", "given", "given"]
        assert m["match_method"].tolist() == ["exact", "given", "given"]
        assert m["food_id"].iloc[1:].isna().all()
        assert m["grams"].iloc[1] == 118.0
        assert m["grams_method"].iloc[1] == "stated"

    def test_export_rows_lacking_a_tracked_column_are_matched(self):
        # only magnesium exported (and vitamin D blank in every row of file a.csv):
        # the rows are matched so the other nutrients can come from the table;
        # summary rows are never matched
        d = pd.DataFrame(
            {
                "food": ["Bananas, raw", "Bananas, raw", "xqzzy unknown", "Daily total"],
                "quantity": [1.0, np.nan, 1.0, np.nan],
                "unit": ["medium", None, "cup", None],
                "grams": [np.nan, 118.0, np.nan, np.nan],
                "entry_type": ["food", "food", "food", "summary"],
                "magnesium": [np.nan, 31.9, 5.0, 350.0],
                "vitamin_d": np.nan,
            }
        )
        m = match_foods(d, aliases={})
        assert m["status"].tolist() == ["matched", "matched", "unmatched", "given"]
        assert m["food_id"].iloc[:2].tolist() == ["09040", "09040"]
        assert m["grams"].iloc[1] == 118.0
        assert m["grams_method"].iloc[1] == "stated"
        assert m["grams"].iloc[0] == pytest.approx(118.0)

    def test_supplements_with_amounts_are_never_matched(self):
        d = pd.DataFrame(
            {
                "food": ["magnesium citrate", "Bananas, raw"],
                "quantity": [1.0, 1.0],
                "unit": ["tablet", "medium"],
                "supplement": [True, False],
                "magnesium": [200.0, 31.9],
            }
        )
        m = match_foods(d, aliases={})
        assert m["status"].tolist() == ["given", "matched"]


class TestReport:
    def test_one_row_per_text_and_overrides_round_trip(self, tmp_path):
        d = _diary(
            ["banana", "banana", "xyzzy", "Spinach, raw", "spinach"],
            quantity=[1, 2, 1, 1, 1],
            unit=["medium", "medium", "cup", "cup", "bunch"],
        )
        m = match_foods(d, aliases={})
        rep = match_report(m)
        assert sorted(rep["food"]) == sorted(set(d["food"]))
        assert rep.loc[rep.food == "banana", "n_entries"].item() == 2
        assert rep["status"].iloc[0] == "unmatched"  # what needs review comes first
        assert "09040" in rep.loc[rep.food == "banana", "candidates"].item()
        for col in ("runner_up_id", "runner_up_score", "method", "source", "score", "reason"):
            assert col in rep.columns
        # fix the unmatched one and feed the report back as overrides
        rep.loc[rep.food == "xyzzy", "food_id"] = "11457"
        path = tmp_path / "overrides.csv"
        rep[["food", "food_id"]].dropna().to_csv(path, index=False)
        m2 = match_foods(d, aliases={}, overrides=path)
        assert m2.loc[m2.food == "xyzzy", "food_id"].item() == "11457"
        assert (m2["match_method"] == "override").all()

    def test_report_needs_a_matched_diary(self):
        from nutrigap.exceptions import MatchError

        with pytest.raises(MatchError):
            match_report(_diary(["banana"]))


# ------------------------------------------------------------- FDC fallback
class _Result(NamedTuple):
    table: pd.DataFrame
    portions: pd.DataFrame


class FakeFDC:
    def __init__(self):
        self.queries: list[str] = []

    def search(self, query):
        self.queries.append(query)
        table = pd.DataFrame(
            {
                "description": ["Pitaya (dragon fruit), raw", "Candies, dragon gummies"],
                "food_group": ["Fruits and Fruit Juices", "Sweets"],
                "magnesium": [40.0, 1.0],
            },
            index=pd.Index(["fdc:1102", "fdc:9"], name="food_id"),
        )
        portions = pd.DataFrame(
            {
                "food_id": ["fdc:1102"],
                "seq": [1],
                "amount": [1.0],
                "measure": ["cup"],
                "grams": [150.0],
            }
        )
        return _Result(table, portions)


def test_fdc_fallback_for_unmatched_only():
    fake = FakeFDC()
    d = _diary(["banana", "pitaya", "pitaya"], quantity=[1, 1, 2], unit=["medium", "cup", "cup"])
    m = match_foods(d, aliases={}, fdc=fake)
    assert fake.queries == ["pitaya"]  # once per distinct unmatched text
    assert m["match_method"].tolist() == ["exact", "fdc", "fdc"]
    assert m["food_id"].tolist()[1:] == ["fdc:1102", "fdc:1102"]
    assert m["match_source"].iloc[1] == "fdc"
    assert m["grams"].tolist()[1:] == [150.0, 300.0]
    assert "fdc:1102" in m.attrs["fdc_foods"].index
    assert (m.attrs["fdc_portions"]["food_id"] == "fdc:1102").all()


# ------------------------------------------------------------ several sources
def test_close_calls_between_sources():
    # the same food in both tables: FNDDS for a dish, SR28 for a single
    # ingredient, cooked or raw (SR28 has pantothenic acid and biotin)
    table = pd.DataFrame(
        {
            "description": [
                "Egg, whole, cooked, scrambled",
                "Egg, whole, cooked, scrambled",
                "Spinach, raw",
                "Spinach, raw",
                "Egg salad sandwich",
                "Egg salad sandwich",
            ],
            "food_group": ["Dairy and Egg Products", "Eggs", "Vegetables", "Spinach", "", ""],
            "source": ["sr28", "fndds", "sr28", "fndds", "sr28", "fndds"],
        },
        index=pd.Index(
            ["01132", "fndds:1", "11457", "fndds:2", "99001", "fndds:3"], name="food_id"
        ),
    )
    m = match_foods(
        _diary(["scrambled eggs", "spinach", "Spinach, raw", "egg salad sandwiches"]),
        foods=table,
        portions=_no_portions(),
        aliases={},
    )
    assert m["food_id"].tolist() == ["01132", "11457", "11457", "fndds:3"]
    assert m["match_source"].tolist() == ["sr28", "sr28", "sr28", "fndds"]


def test_both_bundled_tables():
    if not (datasets_dir() / "fndds" / "foods.csv.gz").is_file():
        pytest.skip("FNDDS table not bundled")
    m = match_foods(_diary(["banana", "milk", "fried eggs"]), foods="both", aliases={})
    assert m["food_id"].iloc[0] == "09040"
    assert (m["status"] == "matched").all()
    assert m["matched_description"].iloc[2].startswith("Egg")


# ------------------------------------------------------------------ contract
def test_output_contract(alias_csv):
    d = _diary(["banana", "xyzzy", None], quantity=[1, 1, 1], unit=["medium", "cup", None])
    d.attrs["format"] = "csv"
    m = match_foods(d, aliases=alias_csv)
    assert list(m.columns[: len(d.columns)]) == list(d.columns)
    for c in MATCH_COLUMNS:
        assert c in m.columns
    assert m.attrs["format"] == "csv"
    assert m["match_score"].dtype == np.float64
    assert load_aliases(alias_csv)["banana"] == "09040"


POOL = [
    "banana",
    "Bananas, raw",
    "2% milk",
    "fried eggs",
    "xyzzy",
    "spinach",
    "Spinach, raw",
    "chicken breast",
    "handful of almonds",
    "",
    "big mac",
    "coffee",
]
UNITS = [None, "cup", "medium", "g", "ml", "slice", "bunch", "serving", "kcal"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(POOL),
            st.one_of(st.none(), st.floats(0.1, 400)),
            st.sampled_from(UNITS),
            st.booleans(),
        ),
        min_size=1,
        max_size=25,
    ),
    seed=st.integers(0, 2**16),
)
def test_deterministic_order_free_and_nothing_lost(rows, seed):
    d = pd.DataFrame(
        {
            "food": [r[0] for r in rows],
            "quantity": [np.nan if r[1] is None else r[1] for r in rows],
            "unit": [r[2] for r in rows],
            "magnesium": [12.0 if r[3] and i % 3 == 0 else np.nan for i, r in enumerate(rows)],
        }
    )
    m = match_foods(d, aliases={})
    assert len(m) == len(d)
    assert m["food"].tolist() == d["food"].tolist()
    assert set(m["status"]) <= {"matched", "given", "unmatched", "unresolved"}
    bad = m["status"].isin(["unmatched", "unresolved"])
    assert (m.loc[bad, "status_reason"].str.len() > 0).all()
    assert m.loc[m.status == "matched", "grams"].notna().all()
    assert m.loc[m.status == "matched", "food_id"].notna().all()
    perm = np.random.default_rng(seed).permutation(len(d))
    m2 = match_foods(d.iloc[perm].reset_index(drop=True), aliases={})
    cols = ["food_id", "match_score", "match_method", "grams", "status", "status_reason"]
    pd.testing.assert_frame_equal(
        m2[cols], m.iloc[perm][cols].reset_index(drop=True), check_dtype=False
    )


# --------------------------------------------------------- issue 5 / issue 11
#: Every food of the bundled analysis sample diaries and the SR28 food it means.
SAMPLE_FOODS = {
    "oatmeal": "08121",
    "2% milk": "01079",
    "banana": "09040",
    "almonds": "12061",
    "coffee": "14209",
    "tuna, canned in water": "15121",
    "whole wheat bread": "18075",
    "carrots, raw": "11124",
    "apple": "09003",
    "water": "14411",
    "peanut butter": "16398",
    "green tea": "14278",
    "salmon, cooked": "15237",
    "potato, baked": "11674",
    "broccoli, cooked": "11091",
    "egg, boiled": "01129",
    "orange": "09200",
    "lentils, cooked": "16070",
    "kale, cooked": "11234",
    "chicken breast, roasted": "05064",
    "brown rice, cooked": "20037",
    "spinach, raw": "11457",
    "plain yogurt": "01117",
    "pumpkin seeds": "12014",
    "black beans, cooked": "16015",
    "olive oil": "04053",
    "avocado": "09037",
    "red wine": "14096",
    "white bread": "18069",
    "butter": "01001",
    "strawberry jam": "19297",
    "half and half": "01049",
    "ham": "07029",
    "mayonnaise": "04025",
    "potato chips": "19411",
    "cola": "14148",
    "chocolate chip cookies": "18159",
    "pasta": "20121",
    "tomato sauce": "11549",
    "chicken noodle soup": "06419",
    "cheese pizza": "21299",
    "hamburger": "21108",
    "french fries": "21138",
    "corn flakes": "08020",
    "whole milk": "01077",
    "white rice, cooked": "20045",
    "iceberg lettuce": "11252",
}


def test_sample_diaries_match_and_resolve(repo_root):
    from nutrigap.data import dataset_path

    frames = [
        pd.read_csv(dataset_path("samples", f"{name}.csv"))
        for name in ("balanced", "low-magnesium", "supplements")
    ]
    d = pd.concat(frames, ignore_index=True)
    if "supplement" in d.columns:
        d = d[d["supplement"].fillna(False).astype(str).str.lower() != "true"]
    d = d[["food", "quantity", "unit"]].reset_index(drop=True)
    assert set(d["food"]) <= set(SAMPLE_FOODS), set(d["food"]) - set(SAMPLE_FOODS)
    m = match_foods(d, foods="sr28")
    got = dict(zip(m["food"], m["food_id"], strict=True))
    # rice: any cooked white/brown rice of the same kind is acceptable
    ok_alt = {"brown rice, cooked": {"20037", "20041"}, "white rice, cooked": {"20045", "20051"}}
    for food, fid in SAMPLE_FOODS.items():
        assert got[food] in ok_alt.get(food, {fid}), (food, got[food])
    assert m["grams"].notna().all(), m.loc[m["grams"].isna(), ["food", "unit", "status_reason"]]
    assert (m["status"] == "matched").all()
    # with the default tables too; cooked foods as eaten may come from FNDDS
    both = match_foods(d)
    assert (both["status"] == "matched").all()
    assert both["grams"].notna().all()
    fndds = both.loc[both["food_id"].str.startswith("fndds:"), "food"]
    assert set(fndds) <= {f for f in SAMPLE_FOODS if "cooked" in f or "baked" in f}, set(fndds)


def test_fndds_descriptions_match_exactly_with_both():
    d = _diary(
        [
            "Pizza, cheese, from restaurant or fast food, thin crust",
            "Coffee, brewed",
            "coffee",
        ]
    )
    m = match_foods(d, foods="both")
    assert m["food_id"].tolist()[:2] == ["fndds:58106220", "fndds:92101000"]
    assert m["match_method"].tolist()[:2] == ["exact", "exact"]
    # the everyday name keeps its alias (SR28, brewed with tap water)
    assert m["food_id"].iloc[2] == "14209"
    assert m["match_source"].tolist() == ["fndds", "fndds", "sr28"]


def test_fndds_portions_slice_and_quantity_not_specified():
    d = pd.DataFrame(
        {
            "food": ["Pizza, cheese, from restaurant or fast food, thin crust"] * 2,
            "quantity": [1.0, np.nan],
            "unit": ["slice", None],
        }
    )
    m = match_foods(d, foods="both")
    # 1 slice -> FNDDS "piece, NFS"; bare -> "Quantity not specified"
    assert m["grams_method"].tolist() == ["portion", "default"]
    assert m["grams"].notna().all() and (m["grams"] > 50).all()


class TestIssue5Rules:
    def test_raw_in_text_is_honoured(self):
        m = match_foods(_diary(["Beets, Raw", "Okra, Raw", "Lentils, Raw", "lentils, cooked"]))
        assert m["food_id"].tolist() == ["11080", "11278", "16069", "16070"]

    def test_word_order_matters_for_aliases(self):
        m = match_foods(_diary(["milk chocolate", "chocolate milk", "extra firm tofu"]))
        a, b, c = m["matched_description"].fillna("").str.lower().tolist()
        assert "milk chocolate" in a or a.startswith("candies, milk chocolate")
        assert "chocolate" in b and "milk" in b and not b.startswith("candies")
        assert "firm" in c or c == ""  # never plain "tofu, firm" via an order-free key of "tofu"

    def test_head_noun_of_usda_style_text(self):
        m = match_foods(_diary(["Peanut Butter, Regular, Salted"]))
        assert m["food_id"].iloc[0] in {"16097", "16098"}

    def test_brand_words_do_not_match_unrelated_foods(self):
        m = match_foods(_diary(["Kalbe, Fitbar, Chocolate", "Larabar Pecan Pie"]))
        assert m["food_id"].isna().all()

    def test_ingredient_lines_are_stripped(self):
        texts = [
            "1 tsp ground cumin, plus more to taste",
            "3 md onions, chopped",
            "4 c shredded mozzarella, divided",
            "2 tbsp Greek yogurt or sour cream (optional)",
        ]
        m = match_foods(_diary(texts))
        assert m["food_id"].iloc[0] == "02014"
        assert m["food_id"].iloc[1] == "11282"
        assert str(m["matched_description"].iloc[2]).lower().startswith("cheese, mozzarella")
        assert "yogurt" in str(m["matched_description"].iloc[3]).lower()

    def test_bare_nuts_default_to_an_ounce(self):
        d = pd.DataFrame({"food": ["almonds"], "quantity": [np.nan], "unit": [None]})
        m = match_foods(d)
        assert m["grams"].iloc[0] == pytest.approx(28.35)

    def test_size_units_fall_back_to_the_one_item_measure(self):
        d = pd.DataFrame(
            {"food": ["orange", "avocado"], "quantity": [1.0, 1.0], "unit": ["medium", "fruit"]}
        )
        m = match_foods(d)
        assert m["grams"].tolist() == [131.0, 201.0]


class TestIndexCache:
    def test_equal_tables_share_one_index_and_edits_get_a_new_one(self, monkeypatch, tmp_path):
        from nutrigap.foods import matching

        monkeypatch.setenv("NUTRIGAP_CACHE_DIR", str(tmp_path))
        a = load_food_table("sr28").head(300)
        b = load_food_table("sr28").head(300)  # a separate object, same content
        assert a is not b
        assert matching.table_fingerprint(a) == matching.table_fingerprint(b)
        assert matching.food_index(a) is matching.food_index(b)
        c = b.copy()
        c.iloc[0, c.columns.get_loc("description")] = "Totally different food, raw"
        assert matching.table_fingerprint(c) != matching.table_fingerprint(a)
        assert "Totally different food, raw" in matching.food_index(c).descriptions

    def test_persisted_index_is_read_back_and_matches_alike(self, monkeypatch, tmp_path):
        from nutrigap.foods import matching

        monkeypatch.setenv("NUTRIGAP_CACHE_DIR", str(tmp_path))
        table = load_food_table("sr28").head(500)
        d = pd.DataFrame({"food": ["butter", "cheddar cheese", "xyzzy"]})
        matching.clear_index_cache()
        first = match_foods(d, foods=table, aliases={})
        files = list((tmp_path / "food-index").glob("*.pkl"))
        assert len(files) == 1
        matching.clear_index_cache()  # a new process: memory empty, disk full
        again = match_foods(d, foods=table, aliases={})
        pd.testing.assert_frame_equal(first, again)

    def test_unwritable_or_disabled_disk_cache_still_matches(self, monkeypatch):
        from nutrigap.foods import matching

        monkeypatch.setenv("NUTRIGAP_CACHE_DIR", "")
        assert matching.index_cache_dir() is None
        matching.clear_index_cache()
        m = match_foods(pd.DataFrame({"food": ["Spinach, raw"]}), aliases={})
        assert m["food_id"].iloc[0] == "11457"

    def test_candidates_in_attrs_are_shared_not_copied(self):
        d = pd.DataFrame({"food": ["fried eggs", "xyzzy plugh"], "quantity": [2.0, 1.0]})
        m = match_foods(d, aliases={})
        cands = m.attrs["match_candidates"]
        derived = m[["food", "food_id"]].assign(x=1)
        assert derived.attrs["match_candidates"] is cands
        assert isinstance(cands, dict) and "fried eggs" in cands
        rep = match_report(derived.join(m.drop(columns=["food", "food_id"])))
        assert rep.set_index("food").loc["fried eggs", "candidates"] == cands["fried eggs"]


class TestIssue5Round2:
    def test_usda_inverted_chicken_names_are_reachable(self):
        m = match_foods(_diary(["chicken breast", "chicken thigh"]), aliases={})
        for desc in m["matched_description"]:
            assert str(desc).startswith("Chicken, broilers or fryers, ")
        assert "breast" in m["matched_description"].iloc[0]
        assert "thigh" in m["matched_description"].iloc[1]

    def test_brand_words_unknown_to_the_table_cost_little(self):
        # "century" is unknown to SR28 and not a food word: a small penalty
        texts = ["Century Tuna, light, canned in oil", "tuna, light, canned in oil"]
        m = match_foods(_diary(texts), aliases={})
        assert m["food_id"].iloc[0] == m["food_id"].iloc[1] == "15119"
        assert DEFAULT_THRESHOLD <= m["match_score"].iloc[0] < m["match_score"].iloc[1]

    def test_an_unknown_word_that_is_the_food_stays_unmatched(self):
        # one known word left: the unknown word is the food's identity
        texts = ["porcini powder", "lovage leaves", "Larabar Pecan Pie", "gnocchi with butter"]
        m = match_foods(_diary(texts), aliases={})
        assert m["food_id"].isna().all(), m[["food", "matched_description"]]

    def test_aliases_behind_a_brand(self):
        m = match_foods(_diary(["Selecta, Non Fat Milk", "Hosen Baked Beans"]))
        assert m["food_id"].tolist() == ["01085", "16006"]
        assert (m["match_method"] == "alias").all()

    def test_alias_skipped_when_the_text_names_another_form(self):
        m = match_foods(_diary(["Pinto Beans (Canned, Drained)", "pinto beans"]))
        assert m["food_id"].iloc[0] != "16043"  # the alias food is boiled from dry
        assert m["food_id"].iloc[1] == "16043"


class TestFuzzyAcceptance:
    """Issue 5: fuzzy matches that are not clearly ahead stay unmatched, with a suggestion."""

    def test_low_score_with_another_head_noun_needs_a_lead(self):
        a = Candidate("1", "Tomato and vegetable juice, low sodium", "sr28", 77.0)
        b = Candidate("2", "Vegetable juice cocktail, low sodium", "sr28", 75.0)
        assert fuzzy_doubt([a, b], "vegetable") is not None
        # a clear lead is accepted
        assert fuzzy_doubt([a, Candidate("2", b.description, "sr28", 70.0)], "vegetable") is None
        # the text's own head noun with a tie between variants is accepted
        t1 = Candidate("15119", "Fish, tuna, light, canned in oil, drained solids", "sr28", 78)
        t2 = Candidate("15124", "Fish, tuna, white, canned in oil, drained solids", "sr28", 78)
        assert fuzzy_doubt([t1, t2], "tuna") is None

    def test_tie_with_another_family_is_doubtful_at_any_score(self):
        a = Candidate("1", "Liver cheese, pork", "sr28", 95.0)
        b = Candidate("2", "Liver sausage, liverwurst, pork", "sr28", 93.0)
        assert not same_family(a.description, b.description)
        assert fuzzy_doubt([a, b], "liver") is not None
        # variants of one food may tie
        e1 = Candidate("01129", "Egg, whole, cooked, fried", "sr28", 99.0)
        e2 = Candidate("01131", "Egg, whole, cooked, poached", "sr28", 99.0)
        assert same_family(e1.description, e2.description)
        assert fuzzy_doubt([e1, e2], "egg") is None
        assert fuzzy_doubt([a], "liver") is None

    def test_held_back_candidate_is_a_suggestion_in_the_report(self):
        m = match_foods(_diary(["oatmeal", "oatmeal", "banana"]), aliases={})
        assert list(m["status"]) == ["unmatched", "unmatched", "matched"]
        rep = match_report(m)
        row = rep[rep["food"] == "oatmeal"].iloc[0]
        assert row["status"] == "unmatched" and pd.isna(row["food_id"])
        assert row["runner_up_id"] == "18039" and row["runner_up_score"] >= DEFAULT_THRESHOLD
        assert "18039" in row["candidates"] and "not accepted" in row["reason"]
        # accepting the suggestion as an override matches it
        fixed = match_foods(_diary(["oatmeal"]), aliases={}, overrides={"oatmeal": "18039"})
        assert fixed["food_id"].iloc[0] == "18039"
        assert fixed["match_method"].iloc[0] == "override"


class TestReviewedCases:
    """Cases a review of the 2026-11-29 matcher found wrong, now pinned."""

    def test_raw_legumes_and_grains_stay_raw_with_both_tables(self):
        # FNDDS's "Black beans, NFS" is cooked: a raw text must not take it
        m = match_foods(_diary(["dried black beans", "raw chickpeas", "raw quinoa"]))
        assert m["food_id"].tolist() == ["16014", "16056", "20035"]

    def test_dried_with_a_cooking_word_is_cooked(self):
        m = match_foods(_diary(["2 cups dried lentils, cooked", "dried pinto beans, boiled"]))
        assert m["food_id"].tolist() == ["16070", "16043"]

    def test_alternatives_keep_the_food(self):
        m = match_foods(_diary(["creamy or chunky peanut butter", "canola or vegetable oil"]))
        desc = m["matched_description"].tolist()
        assert desc[0].startswith("Peanut butter")
        assert desc[1].startswith("Oil, canola")

    def test_chilli_the_dish_and_the_pepper(self):
        m = match_foods(_diary(["bowl of chilli", "1 red chilli", "chile con carne"]))
        desc = m["matched_description"].tolist()
        assert desc[0].startswith("Chili con carne")
        assert desc[1].startswith("Peppers, hot chili")
        assert m["status"].iloc[2] == "matched" and "chili" in desc[2].lower()

    def test_a_glued_quantity_is_not_a_word(self):
        m = match_foods(_diary(["almonds 30g"]))
        assert m["food_id"].iloc[0] == "12061"

    def test_a_joined_text_matches_the_same_alone_or_after_another(self):
        # the search cache must tell "potato with cheese sauce" (potato first)
        # from "potato cheese with sauce": same words, another first food
        from nutrigap.foods.matching import food_index

        idx = food_index("both")
        idx._search_cache.clear()
        match_foods(_diary(["potato cheese with sauce"]))
        after = match_foods(_diary(["potato with cheese sauce"]))
        idx._search_cache.clear()
        alone = match_foods(_diary(["potato with cheese sauce"]))
        assert after["food_id"].iloc[0] == alone["food_id"].iloc[0]
        assert after["match_score"].iloc[0] == alone["match_score"].iloc[0]


def test_a_text_with_no_food_word_is_unmatched():
    # "cooked" alone names no food ("Cereal, cooked, NFS" is not an answer)
    m = match_foods(_diary(["1 cup cooked", "cooked"]))
    assert m["food_id"].isna().all()
    assert (m["status"] == "unmatched").all()


def test_salted_or_unsalted_butter_is_butter():
    m = match_foods(_diary(["salted or unsalted butter"]))
    assert m["matched_description"].iloc[0].startswith("Butter")


class TestSecondRoundRules:
    """Rules added on 2026-11-29 (afternoon) from the third tuning set."""

    def test_the_last_alternative_answers_when_the_first_names_nothing(self):
        texts = ["1/2 c veal or beef stock", "2 tsp fine sea or kosher salt"]
        m = match_foods(_diary(texts))
        assert m["food_id"].tolist() == ["06170", "02047"]
        got, _ = match_texts(texts, "both", aliases=load_aliases())
        # ("fine" is a grind, so "fine sea salt" is salt itself)
        assert got["status_reason"].tolist() == ["matched the alternative 'beef stock'", ""]

    def test_a_state_said_before_the_list_holds_for_the_last_alternative(self):
        m = match_foods(_diary(["1 lb dried casarecce or spaghetti"]))
        assert m["matched_description"].iloc[0] == "Pasta, dry, enriched"

    def test_the_first_alternative_wins_when_it_matches(self):
        m = match_foods(_diary(["canola or vegetable oil"]))
        assert m["matched_description"].iloc[0].startswith("Oil, canola")
        assert m["status_reason"].iloc[0] == ""

    def test_an_unmatched_list_stays_unmatched_with_its_reason(self):
        m = match_foods(_diary(["1 c zzyzx or qwertyfood"]))
        assert m["status"].iloc[0] == "unmatched"
        assert m["status_reason"].iloc[0]

    def test_soft_is_not_hard(self):
        m = match_foods(_diary(["Soft Pretzel, Salted", "pretzels"]), foods="sr28")
        assert m["food_id"].iloc[0] == "43109"
        assert "hard" in m["matched_description"].iloc[1]

    def test_bought_by_the_bunch_or_head_is_raw(self):
        m = match_foods(_diary(["1 bunch asparagus", "asparagus"]))
        assert m["matched_description"].tolist() == [
            "Asparagus, raw",
            "Asparagus, cooked, boiled, drained",
        ]

    def test_bought_by_the_pound_is_raw(self):
        m = match_foods(_diary(["6 lb mussels", "mussels"]))
        assert m["food_id"].tolist() == ["15164", "15165"]

    def test_a_raw_text_takes_the_raw_food_of_its_alias(self):
        # the aliases name the cooked food; the text says raw
        m = match_foods(_diary(["raw collard greens", "collard greens", "raw salmon"]))
        desc = m["matched_description"].tolist()
        assert desc[0] == "Collards, raw"
        assert desc[1].startswith("Collards, cooked")
        assert desc[2] == "Fish, salmon, Atlantic, farmed, raw"
        assert m["match_method"].tolist() == ["alias"] * 3

    def test_a_second_amount_is_not_a_word_of_the_food(self):
        texts = [
            "1/4 c plus 1 tablespoon extra-virgin olive oil",
            "1/2 c plus 3 tbsp cayenne pepper",
            "1/2 c to 1 cup shelled raw pistachios",
        ]
        m = match_foods(_diary(texts))
        assert m["food_id"].tolist() == ["04053", "02031", "12151"]

    def test_a_part_of_a_vegetable_after_the_comma_is_not_a_word_of_the_food(self):
        texts = ["1 leek, white and light green parts only", "2 scallions, green parts only"]
        m = match_foods(_diary(texts))
        assert m["food_id"].tolist() == ["11246", "11291"]

    def test_juice_of_a_fruit_is_its_raw_juice(self):
        texts = ["juice of 2 oranges", "juice of half a lemon", "zest of 1 orange"]
        m = match_foods(_diary(texts))
        assert m["matched_description"].tolist() == [
            "Orange juice, raw",
            "Lemon juice, raw",
            "Orange peel, raw",
        ]

    def test_amounts_joined_by_or_are_not_alternatives(self):
        got, _ = match_texts(
            ["juice of 2 large or 3 small blood oranges"], "both", aliases=load_aliases()
        )
        # never "Oranges, raw" through the "alternative" "3 small blood oranges"
        assert got["food_id"].iloc[0] in (None, "09206") or pd.isna(got["food_id"].iloc[0])

    def test_unsweetened_chocolate_is_baking_chocolate_not_milk_chocolate(self):
        m = match_foods(_diary(["unsweetened chocolate", "chocolate", "unsweetened cocoa powder"]))
        assert m["food_id"].tolist() == ["19078", "19120", "19165"]

    def test_ground_spices_are_not_the_fresh_plant(self):
        m = match_foods(_diary(["1 tsp ground coriander", "coriander", "ground ginger", "ginger"]))
        assert m["matched_description"].tolist() == [
            "Spices, coriander seed",
            "Coriander (cilantro) leaves, raw",
            "Spices, ginger, ground",
            "Ginger root, raw",
        ]

    def test_an_alias_naming_absent_words_answers_only_texts_naming_them(self):
        aliases = load_aliases({"chocolate": "19120", "unsweetened chocolate": "19078"})
        got, _ = match_texts(["unsweetened chocolate", "chocolate"], "sr28", aliases=aliases)
        assert got["food_id"].tolist() == ["19078", "19120"]
        aliases = load_aliases({"unsweetened chocolate": "19078", "chocolate": "19120"})
        got, _ = match_texts(["chocolate"], "sr28", aliases=aliases)
        assert got["food_id"].tolist() == ["19120"]

    def test_a_leading_brand_of_known_words_is_not_the_food(self):
        texts = [
            "Force of Nature, Beef Hotdog",
            "Chobani, Greek Yogurt, Vanilla",
            "Century Tuna, Flakes in Oil",
        ]
        m = match_foods(_diary(texts))
        assert m["matched_description"].iloc[0] == "Frankfurter, beef, unheated"
        # a brand the table has products of picks them
        assert "CHOBANI" in m["matched_description"].iloc[1]
        # "tuna" names foods: "Century Tuna" is not stripped as a brand
        assert m["status"].iloc[2] == "unmatched" or "una" in m["matched_description"].iloc[2]

    def test_a_cut_after_the_dash_describes_the_food_before_it(self):
        m = match_foods(_diary(["Chicken - Breast", "Pork - Chops", "Chobani - Greek Yogurt"]))
        desc = m["matched_description"].tolist()
        assert desc[0].startswith("Chicken, broilers or fryers, breast")
        assert desc[1].startswith("Pork, fresh, loin")
        assert desc[2].startswith("Yogurt, Greek")

    def test_one_fit_check_for_whole_and_contained_aliases(self):
        # the alias's own form word is no conflict inside a longer text either
        m = match_foods(_diary(["Spanish smoked paprika", "smoked paprika"]))
        assert m["food_id"].tolist() == ["02028", "02028"]
        assert m["match_method"].tolist() == ["alias", "alias"]
        # a cooking method the alias food lacks is a conflict for both
        m = match_foods(_diary(["chicken breast boiled", "Kirkland chicken breast, boiled"]))
        assert not m["matched_description"].fillna("").str.contains("roasted").any()


class TestReviewOfTheSecondRound:
    """Cases a review of the afternoon's rules found wrong, now pinned."""

    def test_raw_forms_of_cured_and_dry_foods(self):
        texts = ["1 lb bacon", "1 lb sausage", "1 lb spaghetti", "3 lb whole chicken"]
        m = match_foods(_diary(texts))
        assert m["food_id"].tolist() == ["10123", "07063", "20120", "05006"]

    def test_foods_bought_cooked_stay_cooked(self):
        m = match_foods(_diary(["2 lb rotisserie chicken", "1 lb pulled pork"]))
        assert not m["matched_description"].str.contains("raw").any()

    def test_a_raw_text_takes_the_raw_form_of_an_alias_inside_it(self):
        m = match_foods(_diary(["1 lb salmon fillets", "1 lb italian sausage, casings removed"]))
        assert m["matched_description"].tolist() == [
            "Fish, salmon, Atlantic, farmed, raw",
            "Sausage, Italian, pork, raw",
        ]

    def test_a_dish_named_first_is_not_a_brand(self):
        texts = ["Taquitos, Chicken", "Latte, Vanilla", "Pierogi, Potato", "Canned, Black Beans"]
        m = match_foods(_diary(texts))
        assert m["matched_description"].iloc[0].startswith("Taquitos")
        # never the flavour or filling alone
        assert m["food_id"].iloc[1] != "02050"
        assert m["food_id"].iloc[2] != "11674"
        assert m["food_id"].iloc[3] != "16014"

    def test_opposite_words_leave_aliases_found_inside_longer_texts(self):
        texts = ["Hot Chocolate, Homemade", "Hot Dog, Beef", "Iced Tea, Unsweetened"]
        m = match_foods(_diary(texts))
        assert m["food_id"].tolist() == ["01105", "07022", "14355"]

    def test_a_percentage_or_a_can_size_is_not_a_second_amount(self):
        from nutrigap.foods.normalize import clean_query

        assert clean_query("1 lb - 85% lean ground beef") == "1 lb - 85% lean ground beef"
        # ("or 2" is the second amount; "3-oz" the can's size, dropped with it)
        assert clean_query("1 or 2 3-oz cans tuna") == "1 cans tuna"
        m = match_foods(_diary(["1 lb - 85% lean ground beef"]))
        assert m["food_id"].iloc[0] == "23567"

    def test_skin_on_and_roasted_and_salted_are_the_food(self):
        m = match_foods(_diary(["4 chicken thighs, skin on", "1 cup pecans, roasted and salted"]))
        assert "meat and skin" in m["matched_description"].iloc[0]
        assert "with salt" in m["matched_description"].iloc[1]

    def test_diet_is_not_the_regular_drink(self):
        m = match_foods(_diary(["diet dr pepper", "dr pepper", "diet coke"]))
        assert m["food_id"].iloc[0] != "14153"
        assert m["food_id"].iloc[1] == "14153"
        assert m["food_id"].iloc[2] == "14416"

    def test_two_whole_amounts_or_a_food_before_or(self):
        got, _ = match_texts(
            ["1 c sugar or 1/2 c honey", "1 tbsp honey or maple syrup"],
            "both",
            aliases=load_aliases(),
        )
        assert got["food_id"].iloc[0] == "19335"
        assert got["matched_description"].iloc[1] in ("Honey", "Syrups, maple")

    def test_juice_of_one_lemon(self):
        m = match_foods(_diary(["juice of one lemon", "zest of one lemon"]))
        assert m["matched_description"].tolist() == ["Lemon juice, raw", "Lemon peel, raw"]

    def test_by_the_pound_without_a_raw_form_keeps_the_alias_food(self):
        # deli turkey has no raw form: "1 lb" does not make it a raw turkey leg
        m = match_foods(_diary(["1 lb sliced turkey", "1 lb kielbasa"]))
        assert m["food_id"].iloc[0] == "07046"
        assert "raw" not in m["matched_description"].iloc[1]


class TestRecipeLineNormalisation:
    """Container words, sizes within a run of units, and a unit that is the food."""

    @pytest.mark.parametrize(
        ("text", "key"),
        [
            ("1 small head cauliflower, cut into florets", "cauliflower"),
            ("2 ears fresh corn", "corn"),
            ("1 loaf crusty bread", "crusty bread"),
            ("1 box cake mix", "cake mix"),
            ("4 cups warm chicken stock", "chicken stock"),
            ("1 cup lump crabmeat, picked over", "lump crabmeat"),
            ("1 tsp cloves", "clove"),
            ("1 cup whole milk", "whole milk"),
            ("meat loaf", "meat loaf"),
        ],
    )
    def test_the_food_left_after_cleaning(self, text, key):
        from nutrigap.foods.normalize import clean_query

        assert normalize_food_text(clean_query(text)).text == key


class TestDashAndJoinedTexts:
    """'Food - Qualifier' entries and texts joining two foods (alias helpers' findings)."""

    def test_the_food_before_the_dash(self):
        m = match_foods(_diary(["Strawberries - Fresh", "Milk - Skim", "Chobani - Greek Yogurt"]))
        assert m["food_id"].tolist() == ["09316", "01085", "01256"]
        got, _ = match_texts(["Milk - Skim"], "both", aliases=load_aliases())
        assert "before the dash" in got["status_reason"].iloc[0]

    def test_a_joined_text_is_not_the_second_food(self):
        texts = ["pancakes with syrup", "coffee with cream", "coffee with creamer"]
        m = match_foods(_diary(texts))
        desc = m["matched_description"].fillna("").tolist()
        assert "syrup" not in desc[0].lower()
        assert not desc[1].startswith("Cream")
        assert not desc[2].startswith("Coffee creamer")

    def test_joined_aliases_and_dishes_still_answer(self):
        texts = ["mac and cheese", "chicken with gravy", "half and half"]
        m = match_foods(_diary(texts))
        assert m["food_id"].tolist() == ["32005", "fndds:27142000", "01049"]


class TestNccdbWording:
    """Cronometer's generic names (NCCDB wording) and dry goods said dry after the comma."""

    def test_visible_fat_is_usda_separable_lean(self):
        assert (
            clean_query("Beef Steak, Flank, No Visible Fat Eaten") == "beef steak, flank, lean only"
        )
        assert clean_query("Pork Chop, Lean and Fat Eaten") == "pork chop, lean and fat"
        m = match_foods(_diary(["Beef Steak, Sirloin, No Visible Fat Eaten"]))
        assert "separable lean only" in m["matched_description"].iloc[0]

    def test_what_was_eaten(self):
        assert clean_query("Pork Chop, Lean Only Eaten") == "pork chop, lean only"
        assert clean_query("Chicken Thigh, Roasted, Skin Not Eaten") == (
            "chicken thigh, roasted, without skin"
        )
        # (eaten, so cooked: "with skin" alone is "..., meat and skin, raw")
        assert clean_query("Chicken Drumstick, Skin Eaten") == (
            "chicken drumstick, cooked, with skin"
        )

    def test_or_immature_is_dropped(self):
        assert clean_query("Edamame, Green or Immature") == "edamame, green"
        m = match_foods(_diary(["Edamame, Green or Immature, Cooked from Frozen"]))
        assert m["food_id"].iloc[0] == "11212"  # Edamame, frozen, prepared

    def test_a_dry_good_said_dry_or_uncooked_is_the_dry_food(self):
        texts = [
            "Oatmeal, Regular or Quick, Dry",
            "quinoa, dry",
            "2 cups uncooked rice",
            "8 oz dried spaghetti",
        ]
        m = match_foods(_diary(texts))
        # oats dry 08120, quinoa uncooked 20035, long-grain rice raw 20044, pasta dry 20120
        assert m["food_id"].tolist() == ["08120", "20035", "20044", "20120"]
        # a cooking word wins: cooked from dry is cooked
        assert clean_query("quinoa, dry, cooked") == "quinoa, dry, cooked"
        assert clean_query("dry white wine") == "dry white wine"

    def test_frozen_is_the_raw_food_only_where_the_table_has_no_frozen_kind(self):
        m = match_foods(
            _diary(
                [
                    "Frozen Shiitake Mushrooms",
                    "frozen blueberries",
                    "French Fries, Cooked from Frozen",
                ]
            )
        )
        ids = m["food_id"].tolist()
        assert ids[0] == "11238"  # SR28 has no frozen mushroom: the raw shiitake
        assert ids[1] == "09054"  # Blueberries, frozen, unsweetened: not the raw
        # potatoes come frozen in the table: the fast-food fries alias is no answer
        assert ids[2] != "21138"


class TestProduceAsBought:
    """A counted vegetable with its size is the raw vegetable; '1 whole onion' is an onion."""

    def test_counted_produce_with_a_size_is_raw(self):
        texts = [
            "1 small butternut squash",
            "6 oz small potatoes",
            "1 medium baked potato",
            "potato",
        ]
        m = match_foods(_diary(texts))
        # butternut raw 11485, potatoes raw 11352; a text saying baked, or no
        # size, keeps the alias food (baked potato 11674)
        assert m["food_id"].tolist() == ["11485", "11352", "11674", "11674"]

    def test_a_counted_whole_item(self):
        assert clean_query("1 whole onion") == "1 onion"
        assert clean_query("2 whole wheat tortillas") == "2 whole wheat tortillas"
        m = match_foods(_diary(["1 whole onion", "2 whole eggs"]))
        assert m["food_id"].tolist() == ["11282", "01123"]  # Onions, raw; Egg, whole, raw


class TestPossessiveBrand:
    """A text led by a maker's name in the possessive is read without it when unmatched."""

    def test_brand_reading(self):
        assert brand_reading("Bush's, Baked Beans") == "baked beans"
        assert brand_reading("Lay\u2019s Classic Potato Chips") == "classic potato chips"
        assert brand_reading("Shepherd's pie") is None  # a food's own possessive
        assert brand_reading("baked beans") is None

    def test_the_food_after_the_brand_is_matched_and_the_reason_says_so(self):
        texts = ["Bush's, Baked Beans", "Hellmann's Mayonnaise", "Zapp's Voodoo"]
        got, _ = match_texts(texts, "both", aliases=load_aliases())
        assert got["food_id"].tolist()[:2] == ["16006", "04025"]
        assert "possessive" in got["status_reason"].iloc[0]
        assert got["status"].iloc[2] == "unmatched"  # nothing after the brand names a food


class TestCacaoShare:
    """Dark chocolate named by its cacao share is SR28's band of that share."""

    @pytest.mark.parametrize(
        ("text", "food_id"),
        [
            ("Lake Champlain 57% Dark Chocolate", "19902"),  # 45-59 % cacao solids
            ("2 oz 60% bittersweet chocolate, chopped", "19903"),  # 60-69 %
            ("dark chocolate (72% cacao)", "19904"),  # 70-85 %
            ("Lindt Excellence 90% Cocoa Dark Chocolate", "19904"),  # the nearest band
            ("100% cacao chocolate", "19078"),  # unsweetened baking chocolate
        ],
    )
    def test_band(self, text, food_id):
        assert match_foods(_diary([text]))["food_id"].iloc[0] == food_id

    def test_the_amount_is_kept_and_other_percentages_are_not_cacao(self):
        assert clean_query("1 oz 85% dark chocolate") == "1 oz dark chocolate, 70-85% cacao solids"
        assert clean_query("1% chocolate milk") == "1% chocolate milk"
        assert (
            clean_query("chocolate protein powder 70% cocoa")
            == "chocolate protein powder 70% cocoa"
        )


class TestBoughtInCans:
    """An amount in cans or tins names the canned food."""

    def test_cleaning_drops_the_can_size(self):
        assert clean_query("2 28-ounce cans whole plum tomatoes") == "2 cans plum tomatoes"
        assert clean_query("1 (15 oz) can kidney beans") == "1 can kidney beans"
        assert clean_query("1 canola oil") == "1 canola oil"

    def test_a_food_the_table_has_in_no_can_keeps_its_alias(self):
        # (a can of coke, broth or red bull is the drink; a review found these unmatched)
        m = match_foods(_diary(["1 can coke", "1 can sparkling water", "1 can pumpkin"]))
        assert m["food_id"].tolist()[:2] == ["14148", "14121"]  # cola; club soda
        assert m["food_id"].iloc[2] == "11424"  # Pumpkin, canned, without salt (the plain)

    def test_the_canned_food_not_the_alias_cooked_one(self):
        texts = ["1 can black beans", "1 can pumpkin", "2 28-ounce cans whole plum tomatoes"]
        m = match_foods(_diary(texts))
        desc = m["matched_description"].tolist()
        assert all("canned" in d for d in desc), desc

    def test_an_alias_written_in_the_text_still_names_its_own_form(self):
        m = match_foods(_diary(["smoked paprika"]))
        assert m["food_id"].iloc[0] == "02028"  # Spices, paprika


class TestChiliKinds:
    """A kind of chili is the pepper; 'chili' alone is still the dish."""

    @pytest.mark.parametrize(
        ("text", "food_id"),
        [
            ("1 jalapeno chili", "11979"),  # Peppers, jalapeno, raw
            ("1 diced jalepeno chile pepper", "11979"),  # a misspelling
            ("2 Thai bird chiles", "11819"),  # Peppers, hot chili, red, raw
            ("2 serrano chiles", "11977"),  # Peppers, serrano, raw
            ("chili", "22904"),  # Chili con carne with beans
        ],
    )
    def test_kind(self, text, food_id):
        assert match_foods(_diary([text]))["food_id"].iloc[0] == food_id


class TestLabelClaims:
    """Label claims in a leading segment run on into the food; gluten-free on broth is a claim."""

    def test_claims(self):
        assert (
            clean_query("1 qt low-sodium, gluten-free beef broth") == "1 qt low-sodium beef broth"
        )
        assert clean_query("8 oz medium, fully peeled, gulf brown shrimp") == (
            "8 oz medium gulf brown shrimp"
        )
        # a grain product without gluten is another food (USDA: "Bread, gluten-free")
        assert "gluten" in clean_query("gluten-free bread")
        assert "gluten" in clean_query("gluten free soy sauce")  # tamari, not shoyu
        m = match_foods(_diary(["1 qt low-sodium, gluten-free beef broth"]))
        assert m["food_id"].iloc[0] == "06188"  # Soup, beef broth, less/reduced sodium


class TestFreshIsNotDried:
    """'fresh' makes 'dried' an absent word: fresh herbs are not the dried spice."""

    def test_fresh_herbs(self):
        m = match_foods(
            _diary(["1 tbsp fresh tarragon", "1 tsp dried tarragon", "1 cup fresh basil"])
        )
        assert pd.isna(m["food_id"].iloc[0])  # SR28 has tarragon only dried
        assert m["food_id"].tolist()[1:] == ["02041", "02044"]  # dried spice; Basil, fresh

    def test_a_knob_is_a_unit(self):
        m = match_foods(_diary(["1 knob fresh ginger, peeled and grated"]))
        assert m["food_id"].iloc[0] == "11216"  # Ginger root, raw


class TestStandInsAndMoistHeat:
    """An imitation food is another food; steamed and boiled are USDA's moist heat."""

    @pytest.mark.parametrize(
        ("text", "food_id"),
        [
            ("Crab, Alaska King, Steamed", "15137"),  # cooked, moist heat (was imitation)
            ("imitation crab", "15138"),  # the text says so
        ],
    )
    def test_stand_in(self, text, food_id):
        assert match_foods(_diary([text]))["food_id"].iloc[0] == food_id

    def test_grilled_shrimp_is_shrimp(self):
        m = match_foods(_diary(["grilled shrimp"]))
        assert m["food_id"].iloc[0] != "15153"  # not the imitation shrimp
        assert "cooked" in m["matched_description"].iloc[0]


class TestWordsOfOneFood:
    def test_glass_noodles_and_albacore(self):
        m = match_foods(
            _diary(["glass noodles", "Tuna, Albacore, Canned in Water", "a glass of milk"])
        )
        # cellophane noodles; white tuna canned in water; 2 % milk
        assert m["food_id"].tolist() == ["16082", "15126", "01079"]


class TestBrandSpellings:
    @pytest.mark.parametrize(
        ("text", "food_id"),
        [
            ("M&M's", "19141"),  # milk chocolate candies ("m and m" named nothing)
            ("M&M's Peanut", "19140"),  # was Peanuts, NFS
            ("Heineken 0.0", "14305"),  # non-alcoholic beer
            ("Guinness 0.0", "14305"),  # was regular beer
            ("Heineken 0.0 Alcohol Free", "14305"),
        ],
    )
    def test_spelling(self, text, food_id):
        assert match_foods(_diary([text]))["food_id"].iloc[0] == food_id


class TestAppNameQualifiers:
    """Later segments that say nothing of the food, and flavours of flavour-free foods."""

    def test_empty_qualifiers_are_dropped(self):
        assert clean_query("Cape Cod Potato Chips, Original") == "cape cod potato chips"
        assert (
            clean_query("Starbucks Caffe Latte, Grande, 2% Milk")
            == "starbucks caffe latte, 2% milk"
        )
        # not after a lone brand: the flavour would be read as the food
        assert clean_query("Yoplait, Original, Strawberry") == "yoplait, original, strawberry"

    def test_flavours_of_water_and_gum(self):
        texts = [
            "Bubly, Sparkling Water, Grapefruit",
            "PUR Gum, Spearmint",
            "Yoplait, Original, Strawberry",
        ]
        m = match_foods(_diary(texts))
        # club soda; sugar-free gum (the alias "pur gum", brand words first); no strawberries
        assert m["food_id"].tolist()[:2] == ["14121", "43060"]
        assert m["food_id"].iloc[2] != "09316"


class TestWeighedDryGoods:
    """Pasta, grains and legumes given by weight are weighed dry, as bought."""

    @pytest.mark.parametrize(
        ("text", "food_id"),
        [
            ("4 oz spaghetti", "20120"),  # Pasta, dry, enriched
            ("100 g basmati rice", "20044"),  # Rice, white, long-grain, raw
            ("200 g cooked rice", "20045"),  # a cooked weight says so
            ("1 cup rice", "20045"),  # a volume: the alias food, cooked
            ("12 oz orzo pasta", "20120"),
        ],
    )
    def test_weight(self, text, food_id):
        assert match_foods(_diary([text]))["food_id"].iloc[0] == food_id

    def test_an_unknown_noodle_stays_unmatched(self):
        m = match_foods(_diary(["8 oz shirataki noodles"]))
        assert pd.isna(m["food_id"].iloc[0])  # konjac: not chow mein noodles


class TestHeldBackProductsAndCombinations:
    """A middling fuzzy match for a branded or joined text is a suggestion, not an answer."""

    def test_held_back(self):
        texts = ["Quest Bar, Cookies and Cream", "Chicken and Potatoes", "Fage, Greek Yogurt, 2%"]
        got, _ = match_texts(texts, "both", aliases=load_aliases())
        assert got["status"].tolist() == ["unmatched"] * 3
        assert got["runner_up_id"].notna().all()  # the suggestion is kept
        assert "brand or joining foods" in got["status_reason"].iloc[0]

    def test_other_readings_keep_to_the_held_back_food(self):
        # (a threshold above fish stock's score holds the first reading back)
        got, _ = match_texts(
            ["4 c fish stock or water", "1 c fish stock"],
            "both",
            aliases=load_aliases(),
            threshold=85,
        )
        first = got.iloc[0]
        if pd.isna(first["food_id"]):
            assert first["runner_up_description"].startswith("Soup, stock, fish")
        else:  # FNDDS's fish stock, where SR28's was held back (_fndds_fallback)
            assert "fish" in first["matched_description"].lower()
        assert "water" not in str(first["matched_description"]).lower()  # not the other reading
        # the same text at the default threshold is the fish stock
        assert match_foods(_diary(["4 c fish stock or water"]))["food_id"].iloc[0] == "06174"


class TestAliasUnderItsFoodsHead:
    def test_a_variety_alias_answers_the_variety_named_with_its_kind(self):
        texts = ["4 tbsp Gorgonzola cheese, crumbled", "Beef, Steak, Ribeye", "Post, Grape-Nuts"]
        m = match_foods(_diary(texts))
        assert m["food_id"].iloc[0] == "01004"  # Cheese, blue (the alias "gorgonzola")
        assert "rib" in m["matched_description"].iloc[1].lower()
        assert "GRAPE-NUTS" in m["matched_description"].iloc[2]


class TestCookedSibling:
    def test_the_alias_food_cooked_the_texts_way(self):
        texts = ["toasted coconut flakes", "1/4 c toasted sunflower seeds", "boiled potatoes"]
        m = match_foods(_diary(texts))
        # Nuts, coconut meat, dried (desiccated), toasted; sunflower kernels, toasted;
        # the alias food when it is cooked that way already
        assert m["food_id"].tolist()[:2] == ["12114", "12039"]
        assert "boiled" in m["matched_description"].iloc[2]


class TestLeadingFormSegment:
    def test_a_leading_form_runs_on_into_the_food(self):
        assert clean_query("Canned, Black Beans") == "canned black beans"
        m = match_foods(_diary(["Canned, Black Beans", "hot dog, turkey"]))
        assert "canned" in m["matched_description"].iloc[0]
        assert m["food_id"].iloc[1] == "07025"  # Frankfurter, turkey (alias)


class TestReviewOfTheEveningRules:
    """Regressions a reviewer found in the evening's rules, each pinned."""

    @pytest.mark.parametrize(
        ("text", "food_id"),
        [
            ("1 cup black beans, rinsed and drained", "16015"),  # canned or cooked, not dry
            ("1 large mashed potato", "11934"),  # mashed has no raw form
            ("1 whole roasted chicken", "05009"),  # meat and skin, roasted
            ("hot chili", "22904"),  # the dish, not the pepper
            ("3 guajillo chiles, stemmed", "11962"),  # sold dried: hot chile, sun-dried
            ("Sugar-Free, Vanilla Syrup", "43026"),  # Syrups, sugar free
            ("water 0.0", "14411"),  # no beer
            ("a knob of butter", "01001"),
        ],
    )
    def test_right(self, text, food_id):
        assert match_foods(_diary([text]))["food_id"].iloc[0] == food_id

    @pytest.mark.parametrize(
        "text",
        [
            "Seltzer, Vodka, Lime",  # not club soda: vodka is no flavour
            "dark chocolate chips 60% less sugar",  # not a cacao share
            "frozen coffee",  # a frozen drink is not brewed coffee
            "Breyer's Vanilla",  # an ice cream, not vanilla extract
            "1 lb merguez sausage",  # not meatless sausage
        ],
    )
    def test_not_these(self, text):
        m = match_foods(_diary([text]))
        bad = {
            "Seltzer, Vodka, Lime": "14121",
            "dark chocolate chips 60% less sugar": "19903",
            "frozen coffee": "14209",
            "Breyer's Vanilla": "02050",
            "1 lb merguez sausage": "16107",
        }[text]
        assert m["food_id"].iloc[0] != bad

    def test_meatless_dishes_are_found(self):
        m = match_foods(_diary(["bean and rice burrito", "lasagna, vegetarian"]))
        assert m["food_id"].notna().all()


class TestStandInsOnTheAliasPath:
    @pytest.mark.parametrize(
        ("text", "not_this"),
        [
            ("imitation crab meat", "15141"),  # not the canned blue crab
            ("veggie bacon", "10862"),  # not pork bacon
            ("1 tsp xanthan gum", "19163"),  # not chewing gum
            ("Orbit, Peppermint", "02064"),  # a flavour after a brand: not peppermint leaves
        ],
    )
    def test_not(self, text, not_this):
        m = match_foods(_diary([text]))
        assert m["food_id"].iloc[0] != not_this

    def test_flavours_of_candy_and_tinned(self):
        m = match_foods(
            _diary(["Gummy Bears, Cherry", "1 cup tinned tomatoes", "2 cups whole strawberries"])
        )
        # gumdrops (not bear meat); canned tomatoes; raw strawberries (not frozen, whole)
        assert m["food_id"].tolist() == ["19106", "11531", "09316"]


class TestRecipeLinesOfManyCuisines:
    """Helpers' findings on recipe lines: preparation after the comma, units, packs, weights."""

    def test_preparation_after_the_comma(self):
        for text, want in [
            ("1 wedge Brie, rind removed", "1 wedge brie"),
            ("1 lb chicken wings, tips removed", "1 lb chicken wings"),
            ("2 stalks lemongrass, bottom third only, bruised", "2 stalks lemongrass"),
            ("1/3 cup tahini, well stirred", "1/3 cup tahini"),
        ]:
            assert clean_query(text) == want

    @pytest.mark.parametrize(
        ("text", "food_id"),
        [
            ("2 ribs celery", "11143"),  # Celery, raw
            ("1 (20-oz) can crushed pineapple in juice", "09354"),  # juice pack, not juice
            ("1 can peaches in light syrup", "09240"),  # light syrup pack
            ("4 (6-oz) salmon fillets", "15236"),  # counted with its weight: raw
            ("1 (15-oz) can lentils, drained", "16070"),  # a can's weight is no raw food
            ("1 (14.5-oz) can chicken broth", "06413"),  # not condensed, not cubes
        ],
    )
    def test_food(self, text, food_id):
        assert match_foods(_diary([text]))["food_id"].iloc[0] == food_id

    def test_the_leaves_of_a_fruit_are_not_the_fruit(self):
        m = match_foods(_diary(["4 makrut lime leaves, torn", "1 cup basil leaves"]))
        assert pd.isna(m["food_id"].iloc[0])
        assert m["food_id"].iloc[1] == "02044"  # Basil, fresh


class TestMyFitnessPalFoodFirst:
    @pytest.mark.parametrize(
        ("text", "food_id"),
        [
            ("Apple - Raw, with skin", "09003"),  # was pork skins
            ("Tortilla - Flour", "fndds:52215200"),  # was wheat flour
            ("Ketchup - Tomato", "11935"),  # Catsup, was tomatoes
            ("Chobani - Greek Yogurt", "01256"),  # a brand before the dash stays a brand
        ],
    )
    def test_food_first(self, text, food_id):
        assert match_foods(_diary([text]))["food_id"].iloc[0] == food_id


def test_a_pizzas_thin_crust_is_no_preparation():
    assert clean_query("Pizza, Cheese, Thin Crust") == "pizza, cheese, thin crust"
    assert clean_query("1 thinly sliced onion") == "1 onion"


def test_a_diary_names_qualifiers_are_kept():
    # (no amount: the segments say what the food is, not how a cook prepares it)
    assert clean_query("Peanuts, Roasted in Oil, Salted") == "peanuts, roasted in oil, salted"
    assert clean_query("1 cup cheddar, shredded, divided") == "1 cup cheddar"
    m = match_foods(_diary(["Coconut, Shredded, Sweetened", "Ginger, Ground"]))
    assert "sweetened" in m["matched_description"].iloc[0]
    assert m["food_id"].iloc[1] == "02021"  # Spices, ginger, ground (was the raw root)


def test_usda_notes_that_name_no_food():
    m = match_foods(_diary(["Bread, White, Commercially Prepared"]))
    assert m["food_id"].iloc[0] == "18069"  # was the toasted bread: its note cost words


def test_the_fat_the_text_says_was_eaten():
    m = match_foods(_diary(["Beef Steak, Flank, Lean and Fat Eaten", "flank steak"]))
    assert "separable lean and fat" in m["matched_description"].iloc[0]  # the alias's twin
    assert "separable lean only" in m["matched_description"].iloc[1]  # the alias food


def test_a_description_joining_foods_is_no_exact_answer_to_one_food():
    m = match_foods(_diary(["Gravy, Turkey", "turkey with gravy"]))
    assert m["matched_description"].iloc[0].startswith("Gravy, turkey")
    assert m["food_id"].iloc[1] == "fndds:27142200"  # Turkey with gravy


class TestRecipeLineSteps:
    """What a recipe line says around its food: purposes, vague amounts, steps.

    Found by matching ~5,900 recipe lines both whole and by the food name a
    person wrote for each (``ingredient-lines-tastecooking.csv``'s ``name``):
    the lines below are of the kinds that were unmatched whole while their
    name matched.
    """

    @pytest.mark.parametrize(
        ("text", "key"),
        [
            # what it is for, or how much per what
            ("canola oil for deep frying", "canola oil"),
            ("butter for greasing the tin", "butter"),
            ("icing sugar to dust", "icing sugar"),
            ("brown sugar for the topping", "brown sugar"),
            ("2 slices cheddar per burger", "cheddar"),
            ("For the glaze: 1 cup powdered sugar", "powdered sugar"),
            # vague amounts
            ("a splash of soy sauce", "soy sauce"),
            ("a few dashes of hot sauce", "hot sauce"),
            ("a generous pinch of sea salt", "sea salt"),
            ("Pinch or two of nutmeg", "nutmeg"),
            ("a small bunch of chives", "chive"),
            ("a few sprigs rosemary", "rosemary"),
            ("12 or so cherry tomatoes", "cherry tomato"),
            # measure nouns after the food, sizes in one word
            ("6 oregano sprigs", "oregano"),
            ("2 celery stalks", "celery stalk"),  # a part word: the alias "celery" answers
            ("4 rashers streaky bacon", "streaky bacon"),
            ("2 medium-sized carrots", "carrot"),
            ("a thumb-size piece of ginger", "ginger"),
            # steps and parts after the comma
            ("1 lb chorizo, casings removed", "chorizo"),
            ("3 shallots, root ends trimmed off", "shallot"),
            ("2 lb spare ribs, membrane removed", "spare rib"),
            ("1 cup olives, brine reserved", "olive"),
            ("1 lb penne, any shape works", "penne"),
            ("2 leeks, white and light green parts", "leek"),
            ("3 cups whole milk, enough to cover", "whole milk"),
            ("4 chicken thighs, marinated overnight", "chicken thigh marinated overnight"),
            ("1 cup farro, soaked then drained", "farro"),
            ("6 oz pancetta, cooked until crisp", "pancetta cooked"),
            # compounds of steps, "scooped and leveled", second amounts with "and"
            ("2 tbsp well-stirred almond butter", "almond butter"),
            ("1/4 cup hand-torn basil", "basil"),
            ("1 c scooped and leveled, plus 2 tbsp rye flour", "rye flour"),
            ("1/2 c and 1 tbsp olive oil", "olive oil"),
            ("1 stick plus 1 tbsp butter", "butter"),
            # cut claims before the food; steps said without a comma
            ("4 boneless, skinless turkey thighs, cubed", "boneless turkey thigh"),  # skin absent
            ("3 tbsp arrowroot dissolved in 2 tbsp cold water", "arrowroot"),
            ("2 egg whites beaten with a pinch of salt", "egg white"),
            ("Salt as needed", "salt"),
            ("6 oz cream cheese at room temperature", "cream cheese"),
            # either state is no state; washed and dried is no dried food
            ("1 cup corn kernels, fresh or frozen", "corn kernel"),
            ("1 bunch kale, washed and dried", "kale"),
            ("1 lb dried black beans, rinsed and dried", "black bean"),
        ],
    )
    def test_the_food_left(self, text, key):
        assert normalize_food_text(clean_query(text)).text == key

    def test_what_names_the_food_is_kept(self):
        # a skin removed says the food is skinless; a state before "until" stays
        assert clean_query("2 chicken legs, skin removed") == "2 chicken legs, skin removed"
        assert clean_query("Beef for stew") == "beef for stew"
        assert clean_query("1 lb dried black beans, rinsed and dried") == "1 lb raw black beans"
        assert clean_query("1 can tuna, packed in water").startswith("1 can tuna")
        assert normalize_food_text(clean_query("1 (6-rib) rack of lamb, frenched")).tokens[-1] == (
            "frenched"
        )
        # a range written with an en dash stays a range
        assert clean_query("one 3\u20134 pound chicken").startswith("one 3-4 pound")

    @pytest.mark.parametrize(
        ("text", "food_id"),
        [
            ("2 tbsp freshly squeezed lime juice", "09160"),  # Lime juice, raw
            ("1/2 cup fresh-squeezed orange juice", "09206"),  # Orange juice, raw
            ("vegetable oil for frying", None),  # matched, to an oil
            ("a few dashes of Worcestershire sauce", "06971"),
            ("8 thyme sprigs", "02049"),
        ],
    )
    def test_matched(self, text, food_id):
        got = match_foods(_diary([text]))
        assert got["food_id"].notna().iloc[0], text
        if food_id is not None:
            assert got["food_id"].iloc[0] == food_id
        else:
            assert "oil" in got["matched_description"].iloc[0].lower()


class TestAlcoholFreeDrinks:
    """USDA has one non-alcoholic beer (14305) and one non-alcoholic wine (14553)."""

    @pytest.mark.parametrize(
        ("text", "food_id"),
        [
            ("Brooklyn Brewery, Special Effects, Non-Alcoholic Hoppy Amber", "14305"),
            ("Partake Non-Alcoholic Pale", "14305"),
            ("Alcohol-free lager, 330 ml", "14305"),
            ("Fre, Cabernet Sauvignon, Alcohol-Removed Wine", "14553"),
            ("Ariel Chardonnay, Dealcoholized", "14553"),
            ("non alcoholic rose", "14553"),
        ],
    )
    def test_beer_and_wine(self, text, food_id):
        assert match_foods(_diary([text]))["food_id"].iloc[0] == food_id

    def test_other_alcohol_free_drinks_are_not_beer(self):
        got = match_foods(_diary(["non-alcoholic sparkling apple cider", "alcohol-free gin"]))
        assert not got["food_id"].isin(["14305", "14553"]).any()


class TestDriedAndMoistFoodsApart:
    """Water makes a dried food and a raw or boiled one several times apart per gram."""

    def test_a_dried_fruit_is_no_raw_one(self):
        got = match_foods(_diary(["dried breadfruit", "dried jackfruit"]))
        assert not got["matched_description"].fillna("").str.contains(", raw").any()

    def test_boiled_yolks_are_no_dried_yolk(self):
        got = match_foods(_diary(["4 hard-boiled egg yolks"]))
        assert "dried" not in str(got["matched_description"].iloc[0])

    @pytest.mark.parametrize(
        ("text", "food_id"),
        [
            ("1/4 cup toasted pine nuts", "12147"),  # USDA's shelf nuts are "dried"
            ("dried apricots", "09032"),
            ("1 tsp dried thyme", "02042"),
            ("dried shiitake mushrooms", "11268"),
        ],
    )
    def test_dried_foods_named_so_still_match(self, text, food_id):
        assert match_foods(_diary([text]))["food_id"].iloc[0] == food_id


class TestOriginsSpicePowdersAndSynonymBrands:
    @pytest.mark.parametrize(
        ("text", "food_id"),
        [
            ("2 tbsp Moroccan olive oil", "04053"),  # a place is no other olive oil
            ("Ceylon cinnamon", "02010"),
            ("3 Persian cucumbers", "11205"),
            ("Greek yogurt", "01256"),  # ... unless USDA names the place
            ("Swiss cheese", "01040"),
            ("2 tsp cumin powder", "02014"),  # USDA's ground spice
            ("1/2 tsp powdered ginger", "02021"),
            ("1 tsp mustard powder", "02024"),
        ],
    )
    def test_matched(self, text, food_id):
        assert match_foods(_diary([text]))["food_id"].iloc[0] == food_id

    def test_a_place_naming_another_spice_is_not_soft(self):
        got = match_foods(_diary(["1 tsp Sichuan pepper"]))
        assert got["food_id"].iloc[0] != "02030"  # Sichuan pepper is no black pepper


class TestFnddsWhereSr28HasNone:
    @pytest.mark.parametrize(
        ("text", "food_id"),
        [
            ("Watermelon Juice", "fndds:64133100"),
            ("1/2 cup plain coconut yogurt", "fndds:42401100"),
            ("Gelato, Vanilla", "fndds:13110460"),
        ],
    )
    def test_fndds_answers(self, text, food_id):
        assert match_foods(_diary([text]))["food_id"].iloc[0] == food_id

    def test_not_a_less_specific_or_cooked_fndds_food(self):
        got = match_foods(_diary(["Jollof rice", "1/2 lb long pasta such as linguine"]))
        assert not got["food_id"].isin(["fndds:56205000", "fndds:56130000"]).any()
        assert got["food_id"].isna().iloc[0]

    def test_sr28_alone_is_not_searched_again(self):
        got = match_foods(_diary(["Watermelon Juice"]), foods="sr28")
        assert got["food_id"].isna().iloc[0]


class TestFrozenSibling:
    @pytest.mark.parametrize(
        ("text", "food_id"),
        [
            ("Frozen Green Bell Peppers", "11337"),  # unprepared, not boiled
            ("frozen raspberries, thawed", "09518"),  # unsweetened unless said
        ],
    )
    def test_the_alias_foods_frozen_kind(self, text, food_id):
        assert match_foods(_diary([text]))["food_id"].iloc[0] == food_id


class TestReviewOfTheRecipeLineRules:
    """Regressions an adversarial review of this session's rules found (2,187 texts)."""

    @pytest.mark.parametrize(
        ("text", "food_id"),
        [
            ("Greek Yogurt \u2013 Plain Nonfat", "01256"),  # an en dash is a dash
            ("Bacon \u2014 Cooked, Pan-Fried", "10862"),
            ("2 broccoli stalks", "11741"),  # USDA's "Broccoli, stalks, raw"
            ("Dealcoholized vanilla extract", "02050"),  # no wine
            ("Eggnog, non-alcoholic", "01057"),  # no beer
            ("2 cups long grain rice, parboiled", "20047"),  # parboiled names the rice
            ("4 chicken thighs, bone and skin removed", "05098"),  # meat only
            ("Beans, Pinto, Dried", "16042"),  # dried beans are USDA's raw beans
            ("Italian olive oil", "04053"),  # a place that heads "Dressing, italian"
        ],
    )
    def test_matched(self, text, food_id):
        assert match_foods(_diary([text]))["food_id"].iloc[0] == food_id

    @pytest.mark.parametrize(
        ("text", "key"),
        [
            ("4 oz chocolate for baking", "chocolate baking"),  # baking chocolate
            ("1 box mix for stuffing", "mix stuffing"),
            ("Soup, Ready to Serve, Chicken Noodle", "soup ready serve chicken noodle"),
            ("Peaches, In A Light Syrup", "peach light syrup"),
            ("1 cup pureed tomatoes", "pureed tomato"),
            ("1 cup coconut, sweetened or unsweetened", "coconut sweetened"),
        ],
    )
    def test_what_is_not_a_purpose_step_or_either(self, text, key):
        assert normalize_food_text(clean_query(text)).text == key

    def test_other_alcohol_free_drinks_are_left_as_written(self):
        got = match_foods(_diary(["non-alcoholic ginger beer", "alcohol-free mirin"]))
        assert not got["food_id"].isin(["14305", "14553"]).any()


def test_a_weight_with_a_vulgar_fraction_is_as_bought():
    # "1 ½ lb" is "1 1/2 lb": bought by the pound, the raw food
    got = match_foods(_diary(["1 ½ lb ground pork", "¾ lb fusilli pasta", "1⅔ lb beets"]))
    desc = got["matched_description"].str.lower()
    assert desc.iloc[0].endswith("raw") and "ground" in desc.iloc[0]
    assert "dry" in desc.iloc[1]
    assert desc.iloc[2] == "beets, raw"


def test_an_oil_pack_is_packed_in_oil():
    got = match_foods(_diary(["Sun-Dried Tomatoes, Oil Pack", "oil-packed sun-dried tomatoes"]))
    assert (got["food_id"] == "11956").all()  # "Tomatoes, sun-dried, packed in oil, drained"


class TestSecondReview:
    """Regressions a second adversarial review found (1,239 new texts)."""

    @pytest.mark.parametrize(
        "text", ["frozen chicken breast", "frozen pork chops", "Bread, Frozen"]
    )
    def test_frozen_meat_and_bread_take_no_frozen_product(self, text):
        got = match_foods(_diary([text]))["matched_description"].iloc[0]
        assert not isinstance(got, str) or not re.search(r"nugget|ears|chapati|dinner", got, re.I)

    @pytest.mark.parametrize(
        "text",
        ["Chinese gooseberry", "Chinese dates", "Russian salad", "Italian cheese", "Thai tea"],
    )
    def test_places_naming_other_foods_are_not_soft(self, text):
        got = match_foods(_diary([text]))["matched_description"].iloc[0]
        assert not isinstance(got, str) or not re.search(
            r"^Gooseberries|^Dates|^Lettuce|cheddar", got
        )

    def test_frozen_cherries_stay_sweet_cherries(self):
        got = match_foods(_diary(["frozen cherries"]))["matched_description"].iloc[0]
        assert got.startswith("Cherries, sweet, frozen")


class TestThirdReview:
    @pytest.mark.parametrize(
        ("text", "food_id"),
        [
            ("Chinese eggplant", "11209"),  # a place that names no other food is soft
            ("Mexican lime", "09159"),
            ("German rye bread", "18060"),
            ("frozen pearl onions", "11287"),  # an FNDDS alias food's SR28 frozen kind
            ("fig jam", "19297"),  # USDA's jam; its fruit is the flavour
        ],
    )
    def test_matched(self, text, food_id):
        assert match_foods(_diary([text]))["food_id"].iloc[0] == food_id

    def test_a_diary_combination_keeps_both_foods(self):
        # "mixed with" ends a recipe line's food only after an amount
        assert clean_query("Eggs mixed with cheese") == "eggs mixed with cheese"
        assert clean_query("1 egg yolk mixed with water") == "1 egg yolk"


def test_a_range_with_a_spaced_dash_keeps_the_food_a_word():
    # "2- 3 carrots" was cleaned to "2carrots" (the second amount took the space)
    assert clean_query("2- 3 carrots") == "2 carrots"
    assert match_foods(_diary(["2- 3 carrots"]))["food_id"].notna().iloc[0]


@pytest.mark.parametrize(
    ("text", "food_id"),
    [
        ("1/4 cup lard or vegetable oil", "04002"),  # lard, not "lard oil" nor the oil
        ("2 tbsp butter or olive oil, for the pan", "01001"),
        ("1/2 c veal or beef stock", "06170"),  # veal is the stock's kind, as before
    ],
)
def test_a_first_alternative_that_is_a_food_of_its_own(text, food_id):
    assert match_foods(_diary([text]))["food_id"].iloc[0] == food_id


class TestKindsGrindsAndStatesOfRecipeLines:
    """Rules of 2026-11-29 (sixth session) from the errors of rounds 3 and 4 and
    from unlabelled recipe lines (read as a development set; rounds 6 and 7 held out)."""

    @pytest.mark.parametrize(
        ("text", "cleaned"),
        [
            ("3 c walnut halves and/or pieces (12 oz / 342g)", "3 c walnut"),  # "and/or" lists
            ("1 c water, or a bit more as needed", "1 c water"),
            ("¼ c homemade or jarred pesto", "1/4 c pesto"),  # either, so neither
            ("2 scallions, light green and white parts only", "2 scallions"),
            ("¼ tsp fine-grain sea salt", "1/4 tsp sea salt"),  # a grind, not a food
            ("1 c fine bread crumbs", "1 c bread crumbs"),
            ("4 md juicy limes", "4 md limes"),
            ("2 crisp apples, such as braeburn", "2 apples"),
            ("1 cup tart cherries", "1 cup tart cherries"),  # a kind of cherry
            ("apple crisp", "apple crisp"),  # the dish
            ("Peel of one lemon, sliced as thinly as possible", "lemon peel"),
            ("1 lb fava beans, in their pods", "1 lb fava beans, in pod"),  # USDA's "in pod"
            ("2 lb clams in their shells", "2 lb clams"),
            ("½ c pitted oil-cured olives", "1/2 c cured olives"),  # not the oil
            ("2 tbsp plain full-fat yogurt", "2 tbsp plain whole milk yogurt"),
            ("1 c full-fat milk", "1 c whole milk"),
            ("full-fat coconut milk", "coconut milk"),  # no dairy word for a plant milk
            ("full-fat sour cream", "sour cream"),  # USDA's regular is the full-fat one
            # a spice toasted before grinding is the spice (USDA has none roasted)
            ("½ tsp toasted and ground cumin seeds", "1/2 tsp cumin seed"),
        ],
    )
    def test_cleaned(self, text, cleaned):
        assert clean_query(text) == cleaned

    @pytest.mark.parametrize(
        ("text", "cleaned"),
        [
            ("1 tsp flavorless oil, such as canola", "1 tsp canola oil"),
            ("Neutral oil (such as soybean or palm) for deep-frying", "soybean oil"),
            ("1 lb wild mushrooms, such as chanterelles or porcini", "1 lb chanterelles mushrooms"),
            ("A few sprigs of herbs such as rosemary and/or thyme", "rosemary"),
            ("3 ½ oz semisoft cheese such as Fontina, cut up", "3 1/2 oz fontina cheese"),
            ("smoked fish such as mackerel", "smoked mackerel"),  # the kind's state stays
            ("½ c fresh herb sprigs, such as chervil and dill", "1/2 c fresh chervil"),
            # a mix is the generic food; a kind that says more keeps its words
            ("2 lb mixed mushrooms (such as maitake)", "2 lb mixed mushrooms"),
            ("1 lb red chiles, such as Fresno", "1 lb red chiles"),
            ("smoked herring or other smoked fish such as mackerel", "smoked herring"),
        ],
    )
    def test_a_kind_such_as_an_example_is_the_example(self, text, cleaned):
        assert clean_query(text) == cleaned

    @pytest.mark.parametrize(
        ("text", "food_id"),
        [
            # nuts and seeds toasted at home are USDA's dry-roasted or toasted ones
            ("½ c chopped pistachios, toasted", "12152"),
            ("2 tbsp crushed toasted hazelnuts", "12122"),
            ("1 cup pecan halves, toasted", "12143"),  # not "oil roasted"
            ("¼ c toasted sliced almonds", "12063"),  # not "honey roasted"
            ("¼ c coarsely chopped toasted peanuts", "16390"),
            ("1/4 cup pepitas, toasted", "12016"),
            ("3 tbsp toasted sesame seeds", "12024"),
            ("1/2 cup roasted salted cashews", "12585"),
            # a spice USDA has in no roasted form is the spice
            ("2 tsp roasted ground cumin", "02014"),
            # a cooking word's neighbour: braised greens are the boiled ones
            ("1 ½ c braised collard greens", "11162"),
            # peeled produce is USDA's twin without skin
            ("2 c peeled, chopped apple", "09004"),
            ("1 cucumber, peeled and sliced", "11206"),
            ("2 apples, unpeeled", "09003"),
            ("1 lb potatoes, peeled", "11352"),  # (SR28 has no raw peeled potato)
            # fresh bread crumbs are no dry ones; soft ones are USDA's white bread
            ("soft bread crumbs", "18069"),
            ("2 tbsp plain full-fat yogurt or labneh", "01116"),
            ("½ c pitted oil-cured olives, roughly chopped", "09193"),
        ],
    )
    def test_matched(self, text, food_id):
        assert match_foods(_diary([text]))["food_id"].iloc[0] == food_id

    @pytest.mark.parametrize(
        "text",
        [
            "Meatballs, without Sauce, Pork",  # not "Meatballs, meatless"
            "Red Sichuan Pepper (Szechuan)",  # another plant than the red bell pepper
        ],
    )
    def test_left_unmatched(self, text):
        assert match_foods(_diary([text]))["food_id"].isna().iloc[0]

    def test_a_raw_form_keeps_the_food_named(self):
        # "cubed goat meat" (raw): the raw food of the goat's kind, never another
        # game meat's ("Game meat, elk, raw")
        got = match_foods(_diary(["1 lb cubed goat meat"]))["matched_description"].iloc[0]
        assert "goat" in got.lower()
        assert match_foods(_diary(["1 lb bay scallops"]))["food_id"].iloc[0] == "15172"

    @pytest.mark.parametrize(
        ("text", "cleaned"),
        [
            # a part removed or a step after the food
            ("2 heads frisée, leaves separated, dark leaves discarded", "2 heads frisee"),
            ("1 slice country bread, crusts trimmed", "1 slice country bread"),
            ("2 cinnamon sticks, broken in half", "2 cinnamon sticks"),
            ("8 c cabbage kimchi, fermented for at least a week", "8 c cabbage kimchi"),
            ("2 gingersnaps, whole", "2 gingersnaps"),
            ("Milk, Whole", "milk, whole"),  # a diary name's qualifier stays
            # a second amount after the food; not an amount first
            ("1 lg egg plus 1 yolk", "1 lg egg"),
            ("2 c flour plus more for dusting", "2 c flour"),
            ("Zest of 1 lemon plus 1 tablespoon juice", "lemon zest"),
            ("480 ml (2 cups plus 1 tsp) water", "480 ml water"),
            ("1/8 whole plus 1/4 chopped white onion", "1/8 white onion"),  # amounts first
            ("leaves from a few sprigs of dill", "fresh dill"),
            ("8 qt cold, filtered water", "8 qt cold filtered water"),
            ("Shaved Parmigiano-Reggiano", "parmigiano-reggiano"),
            ("1 lg loaf of day-old challah", "1 lg loaf of challah"),
            # a form the parentheses deny is none
            ("3 dried red chiles (not a smoked variety)", "3 dried red chiles"),
        ],
    )
    def test_cleaned_parts_steps_and_second_amounts(self, text, cleaned):
        assert clean_query(text) == cleaned

    def test_zest_is_usdas_peel_and_no_typo(self):
        # "zest" was corrected to the brand word "Zesta" (KEEBLER, ZESTA, Saltines)
        m = match_foods(_diary(["2½ tsp Meyer lemon zest", "1 tbsp freshly grated zest"]))
        assert m["food_id"].tolist()[0] == "09156"
        assert m["food_id"].isna().iloc[1]  # whose peel, the text does not say

    def test_a_stand_in_needs_its_word_but_a_dish_s_kind_does_not(self):
        m = match_foods(_diary(["Meatballs, without Sauce, Pork", "lasagna, vegetarian"]))
        assert m["food_id"].isna().iloc[0]
        assert "stand-in" in m["status_reason"].iloc[0]
        assert m["food_id"].iloc[1] == "fndds:58130310"  # FNDDS "Lasagna, meatless"


class TestReviewOfTheSixthSessionRules:
    """Regressions two reviewers found with 3,193 texts of their own (before and
    after the rules of ``TestKindsGrindsAndStatesOfRecipeLines``), now pinned."""

    @pytest.mark.parametrize(
        ("text", "food_id"),
        [
            # "fresh" is the opposite of "dry" only for foods sold dry, not of
            # USDA's "cooked, dry heat" or "dry roasted"
            ("Fresh Salmon, Baked", "15237"),
            ("Fresh Cod Fillet", "15016"),
            ("Fresh Roasted Pecans", "12143"),  # dry roasted, unsalted unless said
            # a kind that names its food keeps it; a brand for an example goes
            ("2 tbsp extra-virgin olive oil, such as Colavita", "04053"),
            ("4 oz cream cheese such as Philadelphia", "01017"),
            ("1 tbsp oil such as Wesson", "04044"),  # the example names nothing: the kind
            ("1/4 cup oil, such as a neutral one", "04044"),
            ("8 oz mushrooms, such as oyster", "11987"),  # oyster mushrooms, no mollusc
            ("2 tbsp herbs such as bay", "02004"),
            # split peas are USDA's; "whole" names the bird, the milk, the grain
            ("1 cup Peas, split, cooked", "16086"),
            ("3 oz Chicken, whole, roasted", "05009"),
            ("1 cup milk, whole, warmed", "01077"),
            ("1 cup oats, whole", "20038"),
            # a stand-in is rejected only where the text names the food it stands for
            ("Soyburger", "16147"),
            ("1 Tofurky sausage", "16107"),
            ("Full Fat Mozzarella", "01026"),
            ("Roasted Potatoes", "fndds:71104030"),  # FNDDS's own, not the alias's baked
            ("1 cup shaved Brussels sprouts", "11098"),  # shaved is raw
            ("1 cup broth and/or water", "06194"),  # broth is chicken broth, not fish
            ("1 heaping cup plus 2 tbsp rolled oats", "08120"),
            ("1 cup frozen yellow peaches", "09250"),  # USDA's frozen peaches name no colour
            ("Sichuan Green Beans", "11053"),  # the cuisine, not the peppercorn
            ("1 golden kiwi fruit", "09520"),
            ("Potatoes, Peeled, Boiled", "11367"),  # cooked without skin
            ("toasted salted peanuts", "16090"),  # the salted dry-roasted form
            ("Pistachios, Roasted, Salted", "12652"),
        ],
    )
    def test_matched(self, text, food_id):
        assert match_foods(_diary([text]))["food_id"].iloc[0] == food_id

    @pytest.mark.parametrize(
        "text",
        [
            "1 cup roasted peppers",  # no black pepper "as sold"
            "Red Sichuan Pepper (Szechuan)",
        ],
    )
    def test_left_unmatched(self, text):
        assert match_foods(_diary([text]))["food_id"].isna().iloc[0]

    def test_the_kind_answers_when_its_example_names_nothing(self):
        got, _ = match_texts(
            ["1 lb mushrooms, such as chicken of the woods"], "both", aliases=load_aliases()
        )
        assert got["food_id"].iloc[0] == "11260"
        assert "the kind" in got["status_reason"].iloc[0]

    @pytest.mark.parametrize(
        ("text", "food_id"),
        [
            ("Castelvetrano, Green Olives from Sicily", "09195"),  # a place after "from"
            ("1 ½ c medium-grain rice, washed", "20050"),  # washed: as bought, raw
            ("6 medium celery stalks with leaves", "11143"),
            ("4 lg free-range eggs", "01123"),
            ("2 lb grass-fed ground beef", "13047"),  # USDA has grass-fed beef apart
            ("1 spatchcocked chicken (4½ to 5 pounds)", "05006"),  # a whole bird, raw
            ("½ c canned sweet potato puree", "11514"),
        ],
    )
    def test_matched_later(self, text, food_id):
        assert match_foods(_diary([text]))["food_id"].iloc[0] == food_id

    def test_a_maker_s_one_word_product_is_no_spice(self):
        # "St Claire's Peppermint" is the maker's candy, not the herb
        m = match_foods(_diary(["St Claire's Peppermint", "Reese's Big Cup", "Bob's Peppermint"]))
        assert m["food_id"].iloc[0] == "fndds:91745020"  # an alias: the hard candy
        assert m["food_id"].iloc[1] == "19150"
        assert m["food_id"].isna().iloc[2]  # another maker: left unmatched, not the herb

    @pytest.mark.parametrize(
        ("text", "food_id"),
        [
            # the second review round's findings
            ("1 lb goat", "17168"),  # USDA's raw goat is "Goat, raw", of another name
            ("Bell Pepper, Yellow, Frozen", "11951"),  # no frozen yellow: the raw one
            ("1 lb fresh fettuccine", "20093"),  # fresh pasta is USDA's fresh-refrigerated
            ("Bread Crumbs, Fresh", "18069"),  # "fresh" after the food as well
            ("1 cup fresh bread crumbs", "18069"),  # not "Bread crumbs, dry"
            ("Frozen Yellow Bell Pepper", "11951"),  # SR28 freezes green and red ones only
            ("1 oz fresh yeast", "18374"),  # compressed yeast
            ("full fat milk chocolate", "19120"),  # the candy, not chocolate milk
            ("1 cup full-fat chocolate milk", "01102"),
            ("Cottage Cheese, Full Fat", "01012"),  # creamed, 4 % milkfat
            ("2 apples, cored but not peeled", "09003"),
            ("2 oz shaved turkey", "05186"),  # shaved deli meat stays cooked
            ("1 tsp roasted coriander", "02013"),  # the seed spice, not the leaves
            ("1 ear corn on the cob", "11168"),  # a diary's ear of corn is cooked
            ("1 cup greens, such as kale", "11233"),  # no "kale greens"
            ("1 lb fish fillets, such as tilapia", "15261"),
            ("1 cup salad greens such as mesclun", "11253"),  # the kind, when the example fails
        ],
    )
    def test_matched_in_the_second_review(self, text, food_id):
        assert match_foods(_diary([text]))["food_id"].iloc[0] == food_id

    @pytest.mark.parametrize(
        "text", ["oatmeal + 1 tbsp peanut butter", "1 banana plus 2 tbsp peanut butter"]
    )
    def test_plus_another_food_is_not_cut_off(self, text):
        # two foods: never the first alone, silently half-counted
        assert clean_query(text).endswith("peanut butter")

    def test_roasted_fennel_is_the_vegetable(self):
        assert clean_query("roasted fennel") == "roasted fennel"

    @pytest.mark.parametrize(
        ("text", "cleaned"),
        [
            # a step said with its manner goes, a state it names stays
            ("1 c pimientos, thoroughly drained and finely chopped", "1 c pimientos"),
            ("1 tsp coriander seeds, roughly ground in a mortar", "1 tsp coriander seeds"),
            ("½ c shelled pistachios, toasted and roughly chopped", "1/2 c pistachios, toasted"),
            # a comment in parentheses names no form
            ("Pinch of flaky sea salt (omit if using roasted, salted nuts)", "flaky sea salt"),
            ("1 bag Earl Grey tea", "1 bag earl grey tea"),
        ],
    )
    def test_cleaned_in_the_last_pass(self, text, cleaned):
        assert clean_query(text) == cleaned

    @pytest.mark.parametrize(
        ("text", "food_id"),
        [
            ("lg tomato, cored and quartered", "11529"),  # a size abbreviation alone
            ("12 oz seeded Jalapenos", "11979"),
            ("1 tbsp rapeseed (canola) oil", "04582"),
        ],
    )
    def test_matched_in_the_last_pass(self, text, food_id):
        assert match_foods(_diary([text]))["food_id"].iloc[0] == food_id

    @pytest.mark.parametrize(
        ("text", "food_id"),
        [
            # FNDDS's other names of a food, as aliases (a rule reading every
            # such name was withdrawn: "Matzo Meal" is listed for a muffin)
            ("Crab Rangoon", "fndds:58111200"),
            ("Olive Spread", "fndds:75510050"),
            ("1 tbsp thinly sliced fresh chives or green onion", "11156"),
        ],
    )
    def test_fndds_names_as_aliases(self, text, food_id):
        assert match_foods(_diary([text]))["food_id"].iloc[0] == food_id

    @pytest.mark.parametrize(
        ("text", "food_id"),
        [
            # the third review round's findings
            ("1 oz Peanuts, Lightly Salted", "16090"),  # a state with its manner stays
            ("1 lb pork, coarsely ground", "10219"),
            ("1 lb pork, ground in a food processor", "10219"),
            ("1 Chicken, Breast", "05057"),  # a part, not a whole bird
            ("1 chicken (breast)", "05064"),
            ("Bacon From Turkey", "07974"),  # Turkey the bird, not the country
            ("Rainbow trout, farm raised", "15240"),  # USDA's "farmed"
            ("1 lb free range elk, ground", "35173"),  # USDA has free-range elk
            ("Newman's Salsa", "06178"),  # the maker's product is the food
            ("1 cup Yogurt, Full Fat", "01116"),
            ("1 cup full-fat buttermilk", "01230"),
            ("1 cup pumpkin (canned, not pie filling)", "11424"),  # a form before "not"
            ("1 cup almonds (roasted, no salt)", "12063"),
            ("1 cup seeded raisins", "09299"),  # seeded is no step here
            ("roasted sunflower seeds", "12037"),  # dry roasted; toasted where said
            ("toasted sunflower seeds", "12039"),
        ],
    )
    def test_matched_in_the_third_review(self, text, food_id):
        assert match_foods(_diary([text]))["food_id"].iloc[0] == food_id

    def test_with_greens_names_a_dish_s_part_only_for_produce(self):
        assert clean_query("1 bunch beets with greens") == "1 bunch beets"
        assert "greens" in clean_query("Chicken With Greens")

    @pytest.mark.parametrize(
        ("text", "food_id"),
        [
            # the fourth review round's gaps
            ("1 cup nuts, such as walnuts", "12155"),
            ("bread, such as sourdough", "18029"),
            ("beans, such as black or pinto", "16015"),
            ("whole almonds", "12061"),  # whole nuts are the nuts
            ("fresh tuna", "15118"),  # not the canned tuna of "tuna"
        ],
    )
    def test_matched_in_the_fourth_review(self, text, food_id):
        assert match_foods(_diary([text]))["food_id"].iloc[0] == food_id

    def test_mixed_berries_stay_the_mix(self):
        assert clean_query("1 cup mixed berries, such as raspberries") == "1 cup mixed berries"


class TestRoundEightAndTheErrorHunt:
    """Gaps of the round-8 development set and of four helpers' hunt for wrong
    answers over about 6,000 unlabelled recipe lines, now pinned."""

    @pytest.mark.parametrize(
        ("text", "food_id"),
        [
            ("Milk, Whole, Full Fat", "01077"),  # the qualifier after a later segment
            ("1 c raw milk", "01079"),  # raw milk is fluid, never "Milk, dry"
            ("raw whole milk", "01077"),
            ("2 c uncooked rice", "20044"),  # ", dry" is still the grain as bought
            ("2 medium zucchinis", "11477"),  # -is plurals
            ("black gram flour", "16083"),  # urad flour, not gram (chickpea) flour
            ("2 tbsp gram flour", "16157"),
            ("1 c pimientos, thoroughly drained and finely chopped", "11943"),
            ("¼ c Picholine olives, pitted and chopped", "09195"),
            ("2.5 c low-sodium chicken stock", "06970"),
            ("3 c gluten-free oat flour", "20132"),
            ("3 tbsp Irish cream liqueur (such as Baileys)", "fndds:93301450"),
            # a diary's cuts named by the butcher's words are eaten cooked (a
            # recipe's are bought raw: TestRecipeContext)
            ("2 boneless skinless chicken breasts", "05064"),
            ("1 boneless skinless chicken breast, cooked and shredded", "05064"),
        ],
    )
    def test_matched(self, text, food_id):
        assert match_foods(_diary([text]))["food_id"].iloc[0] == food_id

    def test_singular_of_is_plurals_keeps_singular_words(self):
        from nutrigap.foods.normalize import singular

        assert [singular(w) for w in ["zucchinis", "kiwis", "martinis", "basis", "hummus"]] == [
            "zucchini",
            "kiwi",
            "martini",
            "basis",
            "hummus",
        ]


class TestRecipeContext:
    """``context="recipe"``: an ingredient list names its foods as bought."""

    @pytest.mark.parametrize(
        ("text", "diary_id", "recipe_id"),
        [
            ("1 c jasmine rice", "20045", "20044"),  # cooked rice / the dry grain
            ("8 skin-on, bone-in chicken thighs", "05094", "05091"),
            ("2 boneless skinless chicken breasts", "05064", "05062"),
            ("12 oz tagliatelle", "20121", "20120"),  # a fuzzy match's dry form too
            ("1 c peas", "11305", "11304"),
            ("8 oz ground beef", "23570", "23567"),
            ("4 rashers thin-cut bacon", "10862", "10123"),
            ("2 Yukon Gold potatoes", "11674", "11352"),
            ("3 c Israeli couscous", "20029", "20028"),
            ("1 c frozen peas", "11313", "11312"),
        ],
    )
    def test_a_plain_name_is_the_food_as_bought(self, text, diary_id, recipe_id):
        d = _diary([text])
        assert match_foods(d)["food_id"].iloc[0] == diary_id
        assert match_foods(d, context="recipe")["food_id"].iloc[0] == recipe_id

    @pytest.mark.parametrize(
        ("text", "food_id"),
        [
            ("2 c cooked rice", "20045"),  # a state said is kept
            ("hot white rice, for serving", "20045"),
            ("2 c shredded chicken", "05064"),
            ("½ c salted cashews", "12585"),  # nuts keep the form they are sold in
            ("1 c chickpeas", "16057"),  # legumes by the cup: cooked or canned as often
            ("1 can black beans", "16018"),  # canned
            ("1 jar marinated artichoke hearts", "fndds:75201023"),  # the product
            ("1 c whole milk", "01077"),  # no raw form: the food itself
            ("1 c chicken stock", "06172"),
            ("2 tbsp wheat germ", "08084"),
        ],
    )
    def test_what_a_recipe_buys_cooked_or_has_no_raw_form_stays(self, text, food_id):
        assert match_foods(_diary([text]), context="recipe")["food_id"].iloc[0] == food_id

    def test_an_unknown_context_is_an_error(self):
        with pytest.raises(ValueError, match="context"):
            match_foods(_diary(["rice"]), context="menu")

    @pytest.mark.parametrize(
        ("text", "food_id"),
        [
            # a count and its weight is a whole bird as bought, in any context
            ("1 4–5 lb chicken", "05006"),
            ("1 4- to 4½-pound chicken, preferably organic", "05006"),
            ("1 (14 to 16 pound) whole turkey, giblets removed", "05165"),
            ("1 (12-15) pound turkey, deboned*", "05165"),
            ("1 whole turkey", "05166"),  # as eaten, as "whole chicken"
            ("1 lb turkey", "05193"),  # a weight of turkey meat, not a bird
        ],
    )
    def test_whole_birds(self, text, food_id):
        assert match_foods(_diary([text]))["food_id"].iloc[0] == food_id


class TestPartsCansAndAlternativesOfRecipeLines:
    """The error hunt's parts of citrus, cans and jars, and water as an alternative."""

    @pytest.mark.parametrize(
        ("text", "food_id"),
        [
            ("½ lemon, juiced", "09152"),  # the juice of half a lemon
            ("1 lemon, juiced with zest reserved", "09152"),
            ("3 lemons, zested", "09156"),  # the peel
            ("a squeeze of lemon", "09152"),
            ("1 orange, zested and juiced", "09200"),  # both: the fruit
            ("4 limes, zested and quartered, plus more for serving", "09159"),
            ("1 28-ounce can crushed red tomatoes", "11531"),  # canned, not raw
            ("18 oz jarred crushed or diced tomatoes", "11531"),
            ("1 jar roasted red peppers", "11916"),
            ("1 jar salsa", "06164"),  # a jar of a product is the product
            ("1 can coke", "14148"),
            ("2 c water or chicken stock", "14411"),  # water named first is water
            ("½ c dried large lima beans", "16071"),  # mature seeds, not the vegetable
            ("6 lg shiitake mushrooms, rehydrated", "11268"),  # bought dried
        ],
    )
    def test_matched(self, text, food_id):
        assert match_foods(_diary([text]))["food_id"].iloc[0] == food_id

    @pytest.mark.parametrize(
        "text",
        ["3 tbsp silver rum or water", "2 tbsp apricot brandy or water", "4 c Pork Stock or water"],
    )
    def test_water_is_no_alternative_to_a_drink(self, text):
        # the first food named, or nothing; never the water
        assert match_foods(_diary([text]))["food_id"].iloc[0] not in {"14411", "14555"}


class TestMoreOfTheErrorHunt:
    @pytest.mark.parametrize(
        ("text", "food_id"),
        [
            ("Zest of 1 Meyer lemon or regular lemon", "09156"),
            ("3 c roughly chopped ripe tomatoes (from about 3 medium) and their juices", "11529"),
            ("1 c dry quinoa (or 3 cups cooked)", "20035"),  # the cooked amount is a comment
            ("¼ c raw sesame seeds", "12023"),  # not the tahini "from raw" kernels
            ("1 unpeeled garnet yam (sweet potato), quartered", "11507"),
            ("2 chicken or vegetable bouillon cubes", "06081"),
        ],
    )
    def test_matched(self, text, food_id):
        assert match_foods(_diary([text]))["food_id"].iloc[0] == food_id

    @pytest.mark.parametrize(
        ("text", "food_id"),
        [
            ("1 tsp urad dal", "16083"),  # dals and lentils are bought dry
            ("1 c red lentils", "16069"),
            ("1 c pearl barley, or about 3½ cups cooked", "20005"),
            ("1 c kalijira or basmati rice", "20044"),  # an alternative, as bought too
            ("1 lb tilapia or red snapper fillet, cut into large 2-inch chunks", "15261"),
        ],
    )
    def test_matched_in_a_recipe(self, text, food_id):
        assert match_foods(_diary([text]), context="recipe")["food_id"].iloc[0] == food_id


class TestTheFirstFoodOfAList:
    """A list's first food is tried alone before its others where the list names
    whole foods (a serial comma, or a fat such as butter before "or")."""

    @pytest.mark.parametrize(
        ("text", "food_id"),
        [
            ("¾ c (1 1/2 sticks) unsalted butter or Earth Balance Vegan Buttery Sticks", "01145"),
            ("6 tbsp melted unsalted butter, coconut oil, or vegetable oil", "01145"),
            ("unsalted butter or olive oil", "01145"),
            ("2 tbsp fresh basil, cilantro, or flat-leaf parsley, cut into chiffonade", "02044"),
            ("⅓ c dry white wine, or chicken broth", "14106"),
            ("2 oz spinach, kale, chard, or other hearty green per person", "11457"),
            ("4 tbsp rendered lard or vegetable oil, divided", "04002"),
        ],
    )
    def test_matched(self, text, food_id):
        assert match_foods(_diary([text]))["food_id"].iloc[0] == food_id

    def test_kinds_of_one_product_are_not_whole_foods(self):
        from nutrigap.foods.normalize import alternatives

        assert "hot fish" not in alternatives("4 c hot fish or shrimp stock")
        assert alternatives("1/2 c veal or beef stock") == ("beef stock",)
        # a diary's qualifiers after commas are no list
        got = match_foods(_diary(["Coconut, Young or Immature, Water or Juice, Fresh"]))
        assert got["food_id"].iloc[0] != "12104"


class TestRatiosPowdersAndShapes:
    @pytest.mark.parametrize(
        ("text", "food_id"),
        [
            ("½ lb 80/20 ground beef", "23572"),  # the lean/fat ratio, not a fraction
            ("1 lb ground beef (80/20)", "23572"),
            ("1 lb 80/20 ground chuck", "23572"),
            ("1 lb 90/10 ground beef", "23562"),
            ("2 tsp ground garlic", "02020"),  # the powder
            ("1 clove garlic, ground", "11215"),  # fresh garlic, ground at home
            ("1 lb bowtie pasta", "20120"),  # bought dry by weight, not fresh
            ("8 oz long pasta (preferably linguine)", "20120"),
            ("8 oz fresh mozzarella, torn", "01026"),  # whole milk
            ("2 tbsp canola or other mild vegetable oil", "04582"),  # the kind, of the head
            ("1 lb slab bacon, cut into ½-inch pieces", "10123"),  # raw, never "Bacon, meatless"
            ("Trader Joe's Bananas", "09040"),  # a grocer's produce is the produce
        ],
    )
    def test_matched(self, text, food_id):
        assert match_foods(_diary([text]))["food_id"].iloc[0] == food_id

    def test_a_recipe_s_refrigerated_pie_crust_is_unbaked(self):
        d = _diary(["1 refrigerated pie crust"])
        assert match_foods(d)["food_id"].iloc[0] == "18946"  # baked, as eaten
        assert match_foods(d, context="recipe")["food_id"].iloc[0] == "18948"


@pytest.mark.parametrize(
    ("text", "food_id"), [("McCormick's Oregano", "02027"), ("Penzey's Cumin", "02014")]
)
def test_a_spice_maker_s_spice_is_the_spice(text, food_id):
    # (a candy maker's "St Claire's Clove" reads the same way: no rule tells them apart)
    assert match_foods(_diary([text]))["food_id"].iloc[0] == food_id


class TestReviewOfTheSeventhSession:
    """Regressions two reviewers found with about 6,000 texts of their own, now pinned."""

    @pytest.mark.parametrize(
        ("text", "food_id"),
        [
            ("1 lb 75/25 ground chuck", "23577"),  # chuck is ground beef of that share
            ("lean ground beef 90/10, pan-browned", "23565"),
            ("Hamburger, 80/20", "23575"),
            ("1 lb 80/20 ground pork", "10219"),  # no share for pork: the ratio goes
            ("1 lb 80/20 ground turkey", "05305"),  # nor 80 % for turkey
            ("1 lb 85/15 ground chicken", "05332"),
            ("ground bison 90/10", "17331"),
            ("1 lb 93/7 ground turkey", "05665"),
            ("80/20 beef patty", "23568"),
            ("1 jar sun-dried tomatoes", "11955"),  # a preserved form stays itself
            ("1 jar dried apricots", "09032"),
            ("1 can chili beans", "43112"),  # no canned food of another kind
            ("1 (8-oz) can mushrooms, drained", "11264"),
            ("1 tsp ground chile de arbol", "11962"),
            ("1 tsp fresh ground garlic", "11215"),
            ("3 cloves ground garlic", "11215"),
            ("1 lemon, zested, then cut into wedges", "09150"),
            ("1 mandarin, juiced", "09221"),
            ("Trader Joe's Basil", "02044"),
            ("McCormick's Oregano", "02027"),
            ("Kit Kat Wafer", "19109"),  # the brand's product, named by its brand
            ("Preserves, Apricot", "19719"),  # "Jams and preserves": two names
            ("peanut butter crackers", "18234"),  # "with peanut butter filling"
            ("Shaved Ice", "fndds:91621000"),
            ("1 lb bok choy, large or small heads halved or quartered lengthwise", "11116"),
        ],
    )
    def test_matched(self, text, food_id):
        assert match_foods(_diary([text]))["food_id"].iloc[0] == food_id

    @pytest.mark.parametrize(
        "text",
        [
            "1 lb ground sirloin chili",  # a pound of the dish, not cayenne
            "6 oz dark, milk or white chocolate, chopped",  # adjectives, not milk
        ],
    )
    def test_not_the_misread_food(self, text):
        assert match_foods(_diary([text]))["food_id"].iloc[0] not in {"02031", "01079"}

    @pytest.mark.parametrize(
        ("text", "food_id"),
        [
            ("1 boneless skinless chicken breast", "05064"),  # a diary's portion, cooked
            ("1 boneless pork chop", "10042"),
        ],
    )
    def test_a_diary_s_cut_is_eaten_cooked(self, text, food_id):
        assert match_foods(_diary([text]))["food_id"].iloc[0] == food_id

    @pytest.mark.parametrize(
        ("text", "food_id"),
        [
            ("Beans, Kidney, Canned", None),  # never a raw snap bean
            ("1 turkey slice", "05186"),  # slices are bought cooked
            ("2 c chicken", "05064"),  # by the cup: cooked meat
            ("1 c mashed pumpkin", "11423"),
            ("2 c day old rice", "20045"),
            ("1 c frozen brown rice", "20037"),
            ("1 c brown rice (or 3 cups cooked)", "20036"),
        ],
    )
    def test_what_a_recipe_buys_prepared(self, text, food_id):
        got = match_foods(_diary([text]), context="recipe")["food_id"].iloc[0]
        if food_id is None:
            assert got != "11052"
        else:
            assert got == food_id


class TestSecondReviewOfTheSeventhSession:
    """A reviewer's findings on the error hunt's recipe and Cronometer rules, pinned."""

    @pytest.mark.parametrize(
        ("text", "food_id"),
        [
            ("2 unripe tomatoes", "11527"),  # green tomatoes
            ("2 chicken breasts, skinned and boned", "05064"),
            ("1/2 lb deli-sliced turkey breast", "07046"),  # USDA's deli turkey
            ("2½ oz deli-sliced mortadella, cut into strips", "fndds:25221210"),
            ("1 lb pork, ground or minced", "10219"),  # ground meat, not a cut
            ("4 c whole button mushrooms, ground or pulsed in a food processor", "11260"),
            ("1 tbsp anchovy or tomato paste", "15002"),  # the first food named
            ("Cashews, Roasted in Oil, with Salt Added", "12586"),  # not canned: salted
            ("Peanuts, Oil Roasted, with Salt Added", "16089"),  # all types, no tie
            ("Muffin, Made with Bran", "18283"),  # the defining ingredient stays
            ("Falafel, Made with Garbanzo Beans", "16138"),
            ("Apple, Skin Eaten", "09003"),  # a fruit's skin: with skin, raw
            ("Chicken Breast, Skin Eaten", "05060"),  # a bird's: cooked
            ("Braunschweiger", "07014"),  # "(a liver sausage)" is its name
            ("Frybread, Apache", "35185"),  # "made with lard" is its recipe
            ("28 oz canned plum tomatoes in tomato juice, juices reserved", "11531"),
        ],
    )
    def test_matched(self, text, food_id):
        assert match_foods(_diary([text]))["food_id"].iloc[0] == food_id

    @pytest.mark.parametrize(
        "text",
        [
            "Warm corn and flour tortillas, for serving",  # no boiled corn
            "Chocolate and caramel sauce, for drizzling",  # no milk chocolate
            "Soup, Broth Based",  # no chicken broth
        ],
    )
    def test_one_product_of_two_kinds_is_not_its_first_word(self, text):
        got = match_foods(_diary([text]))["food_id"].iloc[0]
        assert got not in {"11168", "19120", "06194"}
