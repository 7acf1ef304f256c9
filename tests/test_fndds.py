"""The bundled FNDDS 2017-2018 table: fixed values, the build script, the raw files."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from nutrigap import NUTRIENTS, load_food_table, load_portions

ROOT = Path(__file__).resolve().parents[1]
ABSENT = ("pantothenic_acid", "biotin")  # not in FNDDS 2017-2018


def _load_build():
    spec = importlib.util.spec_from_file_location(
        "fndds_build", ROOT / "datasets" / "fndds" / "build.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _load_build()


@pytest.fixture(scope="module")
def foods():
    return load_food_table("fndds")


@pytest.fixture(scope="module")
def portions():
    return load_portions("fndds")


# --- the bundled table ---------------------------------------------------------------------


def test_shape_and_ids(foods):
    assert len(foods) == 7083
    assert foods.index.is_unique and foods.index.name == "food_id"
    assert foods.index.str.fullmatch(r"fndds:\d{8}").all()
    assert (foods["source"] == "fndds").all()
    for key in NUTRIENTS:
        assert foods[key].dtype == np.float64, key
    assert list(load_food_table("sr28").columns) == [
        c for c in foods.columns if c != "additional_description"
    ]


@pytest.mark.parametrize(
    "code, key, value",
    [
        ("11111000", "calcium", 123.0),  # milk, whole
        ("11111000", "magnesium", 12.0),
        ("11111000", "vitamin_d", 1.1),  # µg (44 IU)
        ("11111000", "vitamin_b12", 0.54),
        ("58106220", "calcium", 288.0),  # pizza, cheese, restaurant, thin crust
        ("58106220", "energy", 302.0),
        ("92101000", "caffeine", 40.0),  # coffee, brewed
        ("92101000", "water", 99.39),
        ("92101000", "potassium", 49.0),
    ],
)
def test_well_known_values(foods, code, key, value):
    assert foods.loc[f"fndds:{code}", key] == pytest.approx(value)


def test_text_columns(foods):
    milk = foods.loc["fndds:11111000"]
    assert milk["description"] == "Milk, whole"
    assert milk["additional_description"] == "3.5% or 3.8% fat milk; leche fresca"
    assert milk["food_group"] == "Milk, whole"
    assert foods.loc["fndds:92101000", "food_group"] == "Coffee"
    assert foods.loc["fndds:58106220", "food_group"] == "Pizza"
    assert foods["additional_description"].notna().sum() == 5011
    assert foods["food_group"].dtype == "category"
    # whitespace normalised (the source has double spaces in 15 descriptions)
    assert not foods["description"].str.contains(r"\s{2}|^\s|\s$").any()


def test_vitamin_d_is_micrograms_not_iu(foods):
    assert foods["vitamin_d"].max() < 100  # in IU fish would reach thousands
    assert foods.loc["fndds:11111000", "vitamin_d"] < 5  # 1.1 µg, i.e. 44 IU


def test_missing_is_not_zero(foods):
    for key in ABSENT:
        assert foods[key].isna().all(), key
    present = [k for k in NUTRIENTS if k not in ABSENT]
    assert foods[present].notna().all().all()  # FNDDS imputes every other value


def test_folate_and_synthetic_forms(foods):
    assert (foods["folate_derivation"] == "dfe").all()
    # DFE = food folate + 1.7 × folic acid >= 1.7 × folic acid (up to rounding)
    assert (foods["folate"] - 1.7 * foods["folic_acid"] >= -2).all()
    assert foods["folic_acid"].gt(0).sum() > 500  # fortified grains, cereals
    assert (foods["vitamin_b12_added"] <= foods["vitamin_b12"] + 0.01).all()


def test_both_tables():
    both = load_food_table("both")
    assert len(both) == 8789 + 7083
    assert both.index.is_unique
    assert both["source"].value_counts().to_dict() == {"sr28": 8789, "fndds": 7083}
    assert both.loc["11457", "magnesium"] == 79.0  # SR28 spinach, untouched
    assert both.loc["fndds:11111000", "calcium"] == 123.0
    p = load_portions("both")
    assert len(p) == 15438 + 32614
    assert set(p["food_id"]) <= set(both.index)


def test_portions(portions, foods):
    assert len(portions) == 32614
    assert set(portions["food_id"]) <= set(foods.index)
    assert portions["food_id"].nunique() == 7058  # 25 "... as ingredient" foods have none
    assert portions["seq"].dtype == np.int64
    assert ((portions["grams"] > 0) | portions["grams"].isna()).all()
    assert portions["grams"].isna().sum() == 174  # -9 and 0 in the source
    milk = portions[portions.food_id == "fndds:11111000"].set_index("measure")["grams"]
    assert milk["cup"] == 244.0
    assert milk["fl oz"] == 30.5
    generic = portions[portions["subcode"].isna()]
    qns = generic["measure"].str.startswith("Quantity not specified")
    assert generic.loc[qns, "food_id"].nunique() == 7057


def test_portion_amounts(portions):
    pizza = portions[(portions.food_id == "fndds:58106230") & portions.subcode.isna()]
    bagel = pizza[pizza.measure == "bagel"].iloc[0]
    assert (bagel.amount, bagel.grams) == (0.5, 93.0)  # "1/2 bagel", 93 g
    strips = portions[(portions.food_id == "fndds:26303110") & (portions.measure == "strips")]
    assert strips.amount.item() == 10.0  # "10 strips"
    can = portions[(portions.food_id == "fndds:28355140") & (portions.seq == 5)]
    assert (can.amount.item(), can.measure.item()) == (1.0, "19 oz can, ready-to-serve")


def test_subcode_portions(portions):
    kakes = portions[portions.subcode == 1000230]
    assert (kakes.food_id == "fndds:53108200").all()
    assert (kakes.subcode_description == "Tastykake Chocolate Kandy Kakes").all()
    assert kakes.set_index("measure").loc["cake", "grams"] == 19.0
    assert portions.subcode.notna().sum() == 848
    # generic portions of a food come before its subcodes
    food = portions[portions.food_id == "fndds:53108200"]
    first_sub = food.subcode.notna().to_numpy().argmax()
    assert food.subcode.iloc[:first_sub].isna().all()
    assert food.subcode.iloc[first_sub:].notna().all()


# --- portion description parsing -----------------------------------------------------------


@pytest.mark.parametrize(
    "text, amount, measure",
    [
        ("1 cup", 1.0, "cup"),
        ("1/2 cup", 0.5, "cup"),
        ("1-1/2 cups", 1.5, "cups"),
        ("1 piece, NFS", 1.0, "piece, NFS"),
        ("Quantity not specified", 1.0, "Quantity not specified"),
        ("Guideline amount per fl oz of beverage", 1.0, "Guideline amount per fl oz of beverage"),
        ("10 strips", 10.0, "strips"),
        ('1/4 of 9" dia pie', 0.25, '9" dia pie'),
        ("19 oz can, ready-to-serve", 1.0, "19 oz can, ready-to-serve"),
        ("10-3/4 oz can, ready-to-serve", 1.0, "10-3/4 oz can, ready-to-serve"),
        ("1 oz, boneless, cooked", 1.0, "oz, boneless, cooked"),
        ('1" wedge', 1.0, '1" wedge'),
        ("Topping from 1 piece", 1.0, "Topping from 1 piece"),
        ("1  slice\n", 1.0, "slice"),
    ],
)
def test_split_portion(text, amount, measure):
    assert build.split_portion(text) == (pytest.approx(amount), measure)


@given(
    st.integers(1, 999),
    st.sampled_from(["cup", "slice", "piece, NFS", 'medium (2-1/2" dia)', "fl oz"]),
)
def test_split_portion_counts(n, measure):
    assert build.split_portion(f"{n} {measure}") == (float(n), measure)


@given(st.integers(1, 9), st.integers(2, 16))
def test_split_portion_fractions(whole, denominator):
    amount, measure = build.split_portion(f"{whole}-1/{denominator} tablespoon")
    assert amount == pytest.approx(whole + 1 / denominator)
    assert measure == "tablespoon"


# --- the build script on a small fixture in the source's format ----------------------------

NUTRIENT_HEADER = [
    "Food code",
    "Main food description",
    "WWEIA Category number",
    "WWEIA Category description",
    "Energy (kcal)",
    "Thiamin (mg)",
    "Riboflavin (mg)",
    "Niacin (mg)",
    "Vitamin B-6 (mg)",
    "Folic acid (mcg)",
    "Folate, DFE (mcg_DFE)",
    "Vitamin B-12 (mcg)",
    "Vitamin B-12, added\n(mcg)",
    "Vitamin D (D2 + D3) (mcg)",
    "Calcium (mg)",
    "Magnesium (mg)",
    "Potassium (mg)",
    "Caffeine (mg)",
    "Alcohol (g)",
    "Water\n(g)",
]


def _csv(rows: list[list[str]], title: str) -> str:
    def cell(v: str) -> str:
        return '"' + v.replace('"', '""') + '"' if any(c in v for c in ',"\n') else v

    width = len(rows[0])
    lines = [cell(f"{title}\n2017-2018 FNDDS - At A Glance   ") + "," * (width - 1)]
    lines += [",".join(cell(v) for v in r) for r in rows]
    return "\ufeff" + "\r\n".join(lines) + "\r\n"


def write_fixture(folder: Path, header: list[str] = NUTRIENT_HEADER) -> Path:
    def rows(*lines: str) -> list[list[str]]:
        return [line.split("|") for line in lines]

    nut = [
        header,
        *rows(
            "11111000|Milk, whole|1002|Milk, whole|60|0.056|0.138|0.105|0.061|0|5|0.54|0|1.1"
            "|123|12|150|0|0|88.1",
            "92101000|Coffee,  brewed|7302|Coffee|1|0.014|0.076|0.191|0.001|0|2|0|0|0"
            "|2|3|49|40|0|99.39",
        ),
    ]
    foods = rows(
        "Food code|Main food description|Additional food description|WWEIA Category number"
        "|WWEIA Category description",
        "11111000|Milk, whole|3.5% milk; leche fresca|1002|Milk, whole",
        "92101000|Coffee,  brewed||7302|Coffee",
    )
    por = rows(
        "Food code|Main food description|Subcode|Subcode description|WWEIA Category number"
        "|WWEIA Category description|Seq num|Portion description|Portion weight (g)",
        "11111000|Milk, whole|||1002|Milk, whole|1|1 cup|244",
        "11111000|Milk, whole|||1002|Milk, whole|2|1/2 cup|122",
        "92101000|Coffee, brewed|||7302|Coffee|1|Quantity not specified|-9",
        "92101000|Coffee, brewed|1000001|Brand X|7302|Coffee|1|1 mug|360",
    )
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows, title in (
        (build.NUTRIENT_FILE, nut, "FNDDS Nutrient Values"),
        (build.FOOD_FILE, foods, "Food and Beverages"),
        (build.PORTION_FILE, por, "Portions and Weights"),
    ):
        (folder / name).write_bytes(_csv(rows, title).encode("utf-8"))
    return folder


def test_build_fixture(tmp_path):
    table, portions = build.build(write_fixture(tmp_path))
    table = table.set_index("food_id")
    assert list(table.index) == ["fndds:11111000", "fndds:92101000"]
    assert table.loc["fndds:11111000", "water"] == 88.1  # header "Water\n(g)"
    assert table.loc["fndds:92101000", "description"] == "Coffee, brewed"
    assert pd.isna(table.loc["fndds:92101000", "additional_description"])
    assert table[list(ABSENT)].isna().all().all()
    assert portions["grams"].isna().tolist() == [False, False, True, False]
    assert portions["amount"].tolist() == [1.0, 0.5, 1.0, 1.0]
    assert portions["subcode_description"].isna().tolist() == [True, True, True, False]


@pytest.mark.parametrize(
    "old, new, message",
    [
        ("Magnesium (mg)", "Magnesium (g)", "not in the expected unit 'mg'"),
        ("Calcium (mg)", "Calcium, total (mg)", "'Calcium \\(mg\\)' is absent"),
        ("Vitamin D (D2 + D3) (mcg)", "Vitamin D (D2 + D3) (IU)", "not in the expected unit"),
    ],
)
def test_build_fails_loudly(tmp_path, old, new, message):
    header = [new if h == old else h for h in NUTRIENT_HEADER]
    with pytest.raises(SystemExit, match=message):
        build.build(write_fixture(tmp_path, header))


# --- against the raw files (skipped where /work/shared is absent) ---------------------------


@pytest.fixture(scope="module")
def rebuilt(fndds_dir, tmp_path_factory):
    """Build twice from the raw files into a temporary folder."""
    out = tmp_path_factory.mktemp("fndds")
    table, portions = build.build(fndds_dir)
    for run in (1, 2):
        build.write_csv_gz(table, out / f"foods{run}.csv.gz")
        build.write_csv_gz(portions, out / f"portions{run}.csv.gz")
    return out


def test_build_is_reproducible_and_current(rebuilt):
    bundled = ROOT / "datasets" / "fndds"
    for name in ("foods", "portions"):
        first = (rebuilt / f"{name}1.csv.gz").read_bytes()
        assert first == (rebuilt / f"{name}2.csv.gz").read_bytes()
        assert first == (bundled / f"{name}.csv.gz").read_bytes(), f"{name}.csv.gz is stale"


def test_against_raw_nutrients(fndds_dir, foods):
    raw = pd.read_csv(
        fndds_dir / build.NUTRIENT_FILE, header=1, encoding="utf-8-sig", dtype={"Food code": str}
    )
    raw.columns = [" ".join(c.split()) for c in raw.columns]
    raw = raw.set_index("fndds:" + raw["Food code"])
    assert len(raw) == 7083 and set(raw.index) == set(foods.index)
    pairs = {
        "magnesium": "Magnesium (mg)",
        "calcium": "Calcium (mg)",
        "potassium": "Potassium (mg)",
        "vitamin_d": "Vitamin D (D2 + D3) (mcg)",
        "folate": "Folate, DFE (mcg_DFE)",
        "vitamin_b12": "Vitamin B-12 (mcg)",
        "caffeine": "Caffeine (mg)",
        "water": "Water (g)",
        "folic_acid": "Folic acid (mcg)",
        "vitamin_b12_added": "Vitamin B-12, added (mcg)",
    }
    for key, column in pairs.items():
        np.testing.assert_allclose(
            foods[key].to_numpy(), raw.loc[foods.index, column].to_numpy(), rtol=1e-5, err_msg=key
        )


def test_against_raw_portions(fndds_dir, portions):
    raw = pd.read_csv(
        fndds_dir / build.PORTION_FILE, header=1, encoding="utf-8-sig", dtype={"Food code": str}
    )
    assert len(raw) == len(portions) == 32614
    weights = raw["Portion weight (g)"]
    assert portions["grams"].sum() == pytest.approx(weights[weights > 0].sum())
    assert (weights <= 0).sum() == portions["grams"].isna().sum()
    per_food = raw.groupby("fndds:" + raw["Food code"]).size()
    assert per_food.equals(portions.groupby("food_id").size().rename_axis(None))
