"""The bundled alias table (datasets/aliases) and the matching labels (benchmarks/).

The alias table maps everyday diary names to SR28 foods; these tests run its
validator, pin the choices that matter most (the as-eaten forms the README
documents) and check that the validator does catch bad rows. The label file of
the matching benchmark is checked for well-formed, existing ids and, where the
real samples are present, for line numbers that point at real records; the
second tuning set and the held-out set must not share a line or a text with the
label files before them.
"""

from __future__ import annotations

import csv
import importlib.util
import re
from pathlib import Path

import pandas as pd
import pytest

import nutrigap
from nutrigap.data import dataset_path


def _load_check(repo_root: Path):
    spec = importlib.util.spec_from_file_location(
        "aliases_check", repo_root / "datasets" / "aliases" / "check.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def check_module(repo_root):
    return _load_check(repo_root)


@pytest.fixture(scope="module")
def foods():
    # aliases name SR28 foods, and FNDDS dishes SR28 lacks ("fndds:<code>")
    return nutrigap.load_food_table("both")


@pytest.fixture(scope="module")
def aliases(check_module):
    return check_module.read_aliases(dataset_path("aliases", "aliases.csv"))


def test_alias_table_is_valid(check_module, aliases, foods):
    assert check_module.check(aliases, foods) == []


def test_alias_table_size(aliases):
    assert len(aliases) >= 500
    assert aliases["food_id"].nunique() >= 400


def test_food_ids_keep_leading_zeros_when_read_as_text():
    df = pd.read_csv(dataset_path("aliases", "aliases.csv"), dtype=str, keep_default_na=False)
    assert df["food_id"].str.fullmatch(r"\d{5}|fndds:\d{8}").all()
    assert (df["food_id"].str.startswith("0")).any()


def test_fndds_aliases_answer_only_where_fndds_is_matched():
    # a dish SR28 lacks: found with the default tables, left unmatched with SR28 alone
    d = pd.DataFrame({"food": ["grilled cheese", "latte"]})
    both = nutrigap.match_foods(d)
    assert both["food_id"].tolist() == ["fndds:14640100", "fndds:92101900"]
    assert (both["match_method"] == "alias").all()
    sr28 = nutrigap.match_foods(d, foods="sr28")
    assert not sr28["food_id"].astype(str).str.startswith("fndds:").any()


PINNED = {
    "banana": "09040",
    "egg": "01123",
    "eggs": "01123",
    "scrambled eggs": "01132",
    "boiled egg": "01129",
    "coffee": "14209",
    "2% milk": "01079",
    "milk": "01079",
    "whole milk": "01077",
    "skim milk": "01085",
    "oatmeal": "08121",
    "oats": "08121",
    "porridge": "08121",
    "rolled oats": "08120",
    "rice": "20045",
    "brown rice": "20037",
    "pasta": "20121",
    "black beans": "16015",
    "chicken breast": "05064",
    "salmon": "15237",
    "spinach": "11457",
    "cooked spinach": "11458",
    "almonds": "12061",
    "pumpkin seeds": "12014",
    "greek yogurt": "01256",
    "whole wheat bread": "18075",
    "peanut butter": "16398",
    "avocado": "09037",
    "orange juice": "09209",
    "dark chocolate": "19904",
    "tofu": "16427",
    "beer": "14003",
    "red wine": "14096",
    "green tea": "14278",
    "tea": "14355",
}


@pytest.mark.parametrize(("alias", "food_id"), sorted(PINNED.items()))
def test_pinned_alias(aliases, alias, food_id):
    row = aliases[aliases["alias"] == alias]
    assert len(row) == 1, f"alias {alias!r} missing"
    assert row["food_id"].iloc[0] == food_id


def test_cooked_staples_are_cooked(aliases, foods):
    """Grains and legumes people log cooked resolve to a cooked SR28 food."""
    for alias in ["rice", "brown rice", "pasta", "quinoa", "lentils", "chickpeas", "oatmeal"]:
        fid = aliases.loc[aliases["alias"] == alias, "food_id"].iloc[0]
        desc = foods.at[fid, "description"].lower()
        assert "cooked" in desc, (alias, desc)


def test_every_food_group_people_eat_is_covered(aliases, foods):
    groups = set(foods.loc[aliases["food_id"], "food_group"].astype(str))
    for group in [
        "Fruits and Fruit Juices",
        "Vegetables and Vegetable Products",
        "Cereal Grains and Pasta",
        "Baked Products",
        "Breakfast Cereals",
        "Dairy and Egg Products",
        "Poultry Products",
        "Beef Products",
        "Pork Products",
        "Finfish and Shellfish Products",
        "Legumes and Legume Products",
        "Nut and Seed Products",
        "Beverages",
        "Sweets",
        "Snacks",
        "Fats and Oils",
        "Spices and Herbs",
        "Fast Foods",
    ]:
        assert group in groups, group


def test_check_reports_bad_rows(check_module, foods, tmp_path):
    bad = tmp_path / "aliases.csv"
    bad.write_text(
        "alias,food_id,description,note\n"
        'banana,09040,"Bananas, raw",\n'
        'banana,09040,"Bananas, raw",\n'
        'Apple ,09003,"Apples, raw, with skin",\n'
        "ghost,99999,Nothing,\n"
        "kale,11233,Kale,\n"
        'short id,9040,"Bananas, raw",\n'
        'latte,fndds:92101900,"Coffee, Latte",\n'
        "ghost dish,fndds:99999999,Nothing,\n",
        encoding="utf-8",
    )
    problems = check_module.check(check_module.read_aliases(bad), foods)
    text = "\n".join(problems)
    assert "line 3: alias 'banana' repeats line 2" in text
    assert "line 4: alias 'Apple ' is not normalised" in text
    assert "line 5: food_id 99999" in text
    assert "line 6: description of 11233" in text
    assert "line 7: food_id '9040'" in text
    assert "line 9: food_id fndds:99999999" in text  # an FNDDS id must exist too
    assert len(problems) == 6


def test_check_script_exit_status(check_module, tmp_path):
    assert check_module.main([str(dataset_path("aliases", "aliases.csv"))]) == 0
    bad = tmp_path / "aliases.csv"
    bad.write_text("alias,food_id,description,note\nx,99999,y,\n", encoding="utf-8")
    assert check_module.main([str(bad)]) == 1


# --- the matching benchmark's labels -----------------------------------------------


@pytest.fixture(scope="module")
def labels(repo_root):
    return pd.read_csv(
        repo_root / "benchmarks" / "match_labels.csv", dtype=str, keep_default_na=False
    )


def test_labels_are_well_formed(labels, foods):
    assert list(labels.columns) == [
        "file",
        "line",
        "column",
        "expected_food_id",
        "note",
        "text",
        "expected_fndds",
    ]
    real = labels[labels["file"] != "own"]
    assert len(real) >= 300
    assert (real["text"] == "").all(), "real texts stay in /work/shared, never in the repo"
    assert (labels.loc[labels["file"] == "own", "text"] != "").all()
    assert not labels.duplicated(["file", "line"]).any()
    for expected in labels["expected_food_id"]:
        for fid in expected.split("|"):
            assert fid == "none" or (re.fullmatch(r"\d{5}", fid) and fid in foods.index), fid


def test_fndds_labels_are_fndds_ids(labels):
    fndds = nutrigap.load_food_table("fndds")
    for expected in labels["expected_fndds"]:
        ids = expected.split("|")
        assert len(ids) == len(set(ids)), expected
        for fid in ids:
            assert fid == "none" or (re.fullmatch(r"fndds:\d{8}", fid) and fid in fndds.index), fid


def test_label_lines_point_at_records(labels, real_samples):
    for (name, column), group in labels[labels["file"] != "own"].groupby(["file", "column"]):
        starts = {}
        with open(real_samples / name, newline="", encoding="utf-8") as fh:
            reader = csv.reader(fh)
            header = next(reader)
            col = header.index(column)
            start = reader.line_num + 1
            for row in reader:
                starts[start] = row[col]
                start = reader.line_num + 1
        for line in group["line"].astype(int):
            assert line in starts, f"{name}:{line}"
            assert starts[line].strip(), f"{name}:{line} has an empty {column}"


# --- the later label sets: second and third tuning sets, and the held-out set ----------

# in the order they were labelled; each was drawn from texts no earlier set holds
LATER_LABELS = [
    "match_labels_fresh.csv",
    "match_labels_round2.csv",
    "match_labels_round3.csv",
    "match_labels_round4.csv",
    "match_labels_round5.csv",
    "match_labels_round6.csv",
]


def _read_labels(repo_root: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(repo_root / "benchmarks" / name, dtype=str, keep_default_na=False)


def _record_starts(path: Path, column: str) -> dict[int, str]:
    """1-based physical start line of each CSV record -> its ``column`` text."""
    starts = {}
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        col = next(reader).index(column)
        start = reader.line_num + 1
        for row in reader:
            starts[start] = row[col]
            start = reader.line_num + 1
    return starts


def _label_texts(df, real_samples):
    """The real texts a label file points at, lower case, in file and line order."""
    out = []
    for (name, column), group in df[df["file"] != "own"].groupby(["file", "column"]):
        starts = _record_starts(real_samples / name, column)
        for line in group["line"].astype(int):
            assert line in starts, f"{name}:{line}"
            out.append(starts[line].strip().lower())
    return out


@pytest.mark.parametrize("name", LATER_LABELS)
def test_later_labels_are_well_formed(name, repo_root, labels, foods):
    later = _read_labels(repo_root, name)
    assert list(later.columns) == list(labels.columns)
    assert len(later) >= 150
    assert (later["file"] != "own").all()
    assert (later["text"] == "").all(), "real texts stay in /work/shared"
    assert later["line"].str.fullmatch(r"\d+").all()
    # the same column per file as the first labels
    old_cols = labels.groupby("file")["column"].first()
    for file, column in zip(later["file"], later["column"], strict=True):
        assert old_cols[file] == column, file
    fndds = nutrigap.load_food_table("fndds")
    for sr, fn in zip(later["expected_food_id"], later["expected_fndds"], strict=True):
        for ids, pattern, table in ((sr, r"\d{5}", foods), (fn, r"fndds:\d{8}", fndds)):
            parts = ids.split("|")
            assert parts and len(parts) == len(set(parts)), ids
            for fid in parts:
                assert fid == "none" or (re.fullmatch(pattern, fid) and fid in table.index), fid


@pytest.mark.parametrize("position", range(len(LATER_LABELS)))
def test_later_label_lines_are_new(position, repo_root, labels):
    later = _read_labels(repo_root, LATER_LABELS[position])
    keys = list(zip(later["file"], later["line"].astype(int), strict=True))
    assert len(set(keys)) == len(keys)
    for other in [labels] + [_read_labels(repo_root, n) for n in LATER_LABELS[:position]]:
        old = set(zip(other["file"], other["line"].astype(int), strict=True))
        assert not set(keys) & old, sorted(set(keys) & old)[:5]


@pytest.mark.parametrize("position", range(len(LATER_LABELS)))
def test_later_label_texts_are_new_and_distinct(position, repo_root, labels, real_samples):
    texts = _label_texts(_read_labels(repo_root, LATER_LABELS[position]), real_samples)
    assert all(texts), "every labelled line holds a non-blank text"
    assert len(set(texts)) == len(texts)
    seen = set(_label_texts(labels, real_samples)) | set(
        labels.loc[labels["file"] == "own", "text"].str.strip().str.lower()
    )
    for earlier in LATER_LABELS[:position]:
        seen |= set(_label_texts(_read_labels(repo_root, earlier), real_samples))
    assert not set(texts) & seen, sorted(set(texts) & seen)[:5]
