"""Fresh and dried herbs, turmeric and ground chiles in recipe lines.

A herb counted in sprigs, leaves, a bunch or a handful, or chopped or picked,
is fresh: where USDA has it only dried (tarragon, oregano, sage, marjoram,
chervil, savory, turmeric root) it stays unmatched, never the dried spice
(3-5 times the nutrients per gram). Ground herbs are the dried spice, ground
chiles USDA's red pepper or cayenne.
"""

from __future__ import annotations

import pytest
from _diaries import food_diary as _diary

from nutrigap import match_foods
from nutrigap.foods.normalize import clean_query

# fresh herbs the tables have only dried: unmatched (honest), never the spice
FRESH_ONLY_DRIED = [
    "3-4 sprigs tarragon, plus leaves for sprinkling",
    "2 sprigs oregano, leaves picked",
    "½ bunch oregano",
    "1 sprig oregano, stems removed",
    "a few sprigs of sage",
    "⅓ c sage leaves, chopped",
    "5 sage leaves",
    "A generous handful of sage, stems attached, tied into a bundle (or about ¼ cup packed sage leaves)",
    "⅓ c marjoram leaves, stripped from their stems",
    "¼ c tarragon leaves, roughly chopped",
    "2 tbsp chopped oregano",
    "1 tbsp chopped savory",
    "a small handful of other herbs, such as chervil, anise hyssop, sorrel, or perilla",
    "1 tbsp fresh oregano",
    "fresh tarragon",
    # turmeric root: USDA has turmeric only ground (02043)
    "1 2-inch piece fresh turmeric",
    "2 tbsp minced fresh turmeric",
    "1 piece of turmeric, about 3 cm (1 1/4 in), sliced with skin on",
    "1 1-inch knob fresh turmeric, peeled (or 1 1/2 teaspoons powdered turmeric)",
]


@pytest.mark.parametrize("text", FRESH_ONLY_DRIED)
def test_fresh_herb_without_a_fresh_entry_is_unmatched(text):
    m = match_foods(_diary([text]))
    assert m["food_id"].isna().all(), m["matched_description"].iloc[0]


@pytest.mark.parametrize(
    ("text", "food_id"),
    [
        # fresh herbs the tables have fresh stay fresh
        ("2 sprigs thyme", "02049"),  # Thyme, fresh
        ("1 tbsp fresh thyme leaves", "02049"),
        ("2 sprigs rosemary", "02063"),  # Rosemary, fresh
        ("handful of basil leaves", "02044"),  # Basil, fresh
        ("a handful of torn basil", "02044"),
        ("10 mint leaves", "02064"),  # Peppermint, fresh
        ("1 tbsp chopped parsley", "11297"),  # Parsley, fresh
        ("1 bunch dill, chopped", "02045"),  # Dill weed, fresh
        ("1 bunch cilantro", "11165"),  # Coriander (cilantro) leaves, raw
        ("2 handfuls of mixed herbs (such as mint or basil), minced", "02064"),
        # the amount was for the fresh herb; the dried one is its alternative
        ("2 tsp fresh thyme leaves, or 1/2 teaspoon dried", "02049"),
        # a spoon of the herb, or a dried word, is the dried spice
        ("1 tsp oregano", "02027"),  # Spices, oregano, dried
        ("oregano leaves", "02027"),  # (sold dried under this name)
        ("1 tsp dried oregano", "02027"),
        ("1 tsp rubbed sage", "02038"),  # Spices, sage, ground
        ("1 tsp ground sage", "02038"),
        ("1 tsp dried tarragon", "02041"),
        ("1 tsp turmeric", "02043"),  # Spices, turmeric, ground
        ("1 tsp ground turmeric", "02043"),
        # ground thyme, rosemary and basil are the dried spices, not fresh
        ("1 ½ tsp ground thyme", "02042"),  # Spices, thyme, dried
        ("½ tsp ground rosemary", "02036"),  # Spices, rosemary, dried
        ("1 tsp crushed rosemary", "02036"),
        ("1 tsp ground basil", "02003"),  # Spices, basil, dried
        # ground chiles: USDA's red pepper or cayenne, not the raw chili
        ("pinch of ground pequín chile, plus more to taste (optional)", "02031"),
        ("~2 tsp ground Indian red chile", "02031"),
        ("1/2 tsp ground chili pepper", "02031"),
        ("1 tsp ground red pepper", "02031"),  # (not the sweet red pepper)
        ("1 tsp ground ancho chile", "11978"),  # Peppers, ancho, dried
        ("1 tsp ground chili powder", "02009"),  # Spices, chili powder
        # ginger: the fresh root and the ground spice
        ("1 tbsp grated fresh ginger", "11216"),  # Ginger root, raw
        ("1 tsp ground ginger", "02021"),  # Spices, ginger, ground
        ("1 tsp fresh ground ginger", "02021"),  # (freshly ground)
        # other foods named by a herb
        ("4 bay leaves", "02004"),  # Spices, bay leaf
        ("2 dill pickles", "11937"),
        ("1 tsp freshly ground black pepper", "02030"),
        ("1 lb fresh ground beef", "23567"),
    ],
)
def test_herb_answers(text, food_id):
    m = match_foods(_diary([text]))
    assert m["food_id"].iloc[0] == food_id, m["matched_description"].iloc[0]


@pytest.mark.parametrize(
    "text",
    [
        "1 lb sage sausage",
        "10 curry leaves",
        "4 kaffir lime leaves",
        "2 tbsp chopped mint chocolate",
    ],
)
def test_herb_words_of_other_foods_are_not_made_fresh(text):
    assert "fresh" not in clean_query(text)


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        ("2 sprigs oregano, leaves picked", "2 sprigs fresh oregano"),
        ("⅓ c sage leaves, chopped", "1/3 c fresh sage leaves"),
        ("1 tsp oregano leaves", "1 tsp oregano leaves"),
        ("2 sprigs thyme", "2 sprigs thyme"),  # (already Thyme, fresh)
        ("1 ½ tsp ground thyme", "1 1/2 tsp dried thyme"),
        ("1 lb ground turkey chili", "1 lb ground turkey chili"),
    ],
)
def test_clean_query_herb_rewrites(text, cleaned):
    assert clean_query(text) == cleaned
