import pytest

import nutrigap
from nutrigap.nutrients import CONTEXT, NUTRIENTS, TRACKED, get_nutrient, nutrient_table

# (key, unit, SR number, FDC id) as given by USDA SR28 NUTR_DEF and the FDC nutrient list
EXPECTED = [
    ("magnesium", "mg", "304", 1090),
    ("calcium", "mg", "301", 1087),
    ("potassium", "mg", "306", 1092),
    ("vitamin_d", "µg", "328", 1114),
    ("thiamin", "mg", "404", 1165),
    ("riboflavin", "mg", "405", 1166),
    ("niacin", "mg", "406", 1167),
    ("pantothenic_acid", "mg", "410", 1170),
    ("vitamin_b6", "mg", "415", 1175),
    ("biotin", "µg", "", 1176),
    ("folate", "µg", "435", 1190),
    ("vitamin_b12", "µg", "418", 1178),
    ("energy", "kcal", "208", 1008),
    ("water", "g", "255", 1051),
    ("caffeine", "mg", "262", 1057),
    ("alcohol", "g", "221", 1018),
]


def test_catalog_keys_units_and_numbers():
    got = [(n.key, n.unit, n.sr_number, n.fdc_id) for n in NUTRIENTS.values()]
    assert got == EXPECTED
    assert len(TRACKED) == 12 and len(CONTEXT) == 4
    assert nutrigap.NUTRIENTS is NUTRIENTS


@pytest.mark.parametrize("key", TRACKED)
def test_tracked_nutrients_carry_muscle_and_nerve_context(key):
    n = NUTRIENTS[key]
    for field in ("role", "sources", "deficiency", "twitch", "excess"):
        assert len(getattr(n, field)) > 30, (key, field)


@pytest.mark.parametrize(
    "key, words",
    [
        ("magnesium", ["diarrhoea", "nausea", "cramps"]),
        ("calcium", ["kidney stones", "constipation"]),
        ("potassium", ["arrhythmias"]),
        ("vitamin_d", ["calcium absorption", "toxicity"]),
        ("vitamin_b6", ["nerve damage"]),
        ("folate", ["mask vitamin B12 deficiency"]),
    ],
)
def test_over_supplementation_risks_are_stated(key, words):
    for w in words:
        assert w in NUTRIENTS[key].excess


def test_catalog_is_read_only():
    with pytest.raises(TypeError):
        NUTRIENTS["magnesium"] = None  # type: ignore[index]


def test_unknown_nutrient_names_the_known_ones():
    with pytest.raises(nutrigap.UnknownNutrientError, match="magnesium"):
        get_nutrient("vitamin_z")
    with pytest.raises(KeyError):  # also a KeyError, for dict-like callers
        get_nutrient("vitamin_z")


def test_nutrient_table_frame():
    df = nutrient_table()
    assert list(df.index) == [e[0] for e in EXPECTED]
    assert df.loc["folate", "display_unit"] == "µg DFE"
