"""Cronometer's generic food names, written in NCCDB's wording, read as USDA's.

A diary names food as eaten. Cronometer's recurring qualifiers are rewritten
into USDA's words by :func:`nutrigap.foods.normalize.clean_query` (its helper
``_nccdb_qualifiers``): "Cooked in Unsalted Water" is "cooked, without salt",
"Skin Eaten" is eaten cooked, "with Salt Added" is salted, "Arils" are the raw
fruit's edible part, a young coconut's "Water or Juice" is coconut water,
"Made with X" is a dish's ingredient, "Original Recipe" no flavour, "Plain or
Seasoned" plain, and a list "A or B" in a later segment qualifies one food.
The texts are real Cronometer names from the development labels and the
diary error hunt, and the NCCDB wordings the rules read.
"""

from __future__ import annotations

import pytest
from _diaries import food_diary as _diary

from nutrigap import match_foods
from nutrigap.foods.normalize import clean_query


@pytest.mark.parametrize(
    ("text", "food_id"),
    [
        # "Cooked in Unsalted Water"; a pasta's "White" (USDA's enriched pasta)
        ("Angel Hair Pasta, White, Cooked in Unsalted Water", "20121"),
        ("Spaghetti Noodles, White, Cooked in Unsalted Water", "20121"),
        ("Soba Noodles, Buckwheat Based, Cooked in Unsalted Water", "20115"),
        ("Soba Noodles, Cooked in Unsalted Water", "20115"),
        ("Egg Noodles, Cooked in Salted Water", "20110"),  # (salted twin: same nutrients)
        # "Skin Eaten": meat and skin, cooked
        ("Duck Breast, Domestic, Skin Eaten", "05315"),
        ("Duck Breast, Domestic, Skin Not Eaten", "05316"),
        ("Chicken Breast, Skin Eaten", "05060"),  # roasted, not raw 05057
        ("Chicken Drumstick, Skin Eaten", "05069"),
        ("Turkey, Dark Meat, Skin Eaten", "05184"),  # not raw 05183
        ("Duck, Skin Eaten", "05140"),
        ("Chicken Breast, Roasted, Skin Eaten", "05060"),
        ("Chicken Thigh, Skin Eaten", "05094"),
        # "with Salt Added": a canned food is USDA's salted canned food
        ("Sardines, Canned in Oil, with Salt Added", "15088"),
        ("Almonds, Dry Roasted, with Salt Added", "12563"),
        ("Peanuts, Dry Roasted, with Salt Added", "16090"),
        # arils, coconut water
        ("Pomegranate, Fresh, Arils-Seed/Juice Sacs", "09286"),
        ("Coconut, Young or Immature, Water or Juice, Fresh", "12119"),
        # "X Based", "Made with X": what the food is made of
        ("Dairy Free Yogurt Substitute, Coconut Milk Based, Plain", "fndds:42401100"),
        ("Falafel, Made with Garbanzo Beans", "16138"),
        # "Original Recipe", kettle-cooked chips
        ("Miss Vickie's, Kettle Cooked Potato Chips, Original Recipe Sea Salt", "19411"),
        ("Miss Vickie's, Kettle Cooked Potato Chips, Sea Salt & Vinegar", "19411"),
        # a list in a later segment qualifies one food
        ("Bagel, White, Plain or Seasoned", "18001"),
        ("Pizza, Homemade or Restaurant, One Meat Topping, Thick Crust or Deep Dish", "22902"),
        ("Beef Steak, Minute or Cubed", "fndds:21101000"),  # cube steak: beef steak, NS
        ("Ramen Noodles, Prepared from Dehydrated or Instant Mix", "fndds:58407030"),
        ("Tripe Stew or Menudo, Pima Indian", "fndds:28311020"),
        # "(Canned, Drained)": USDA's drained solids where SR28 has them
        ("Chickpeas / Garbanzo (Canned, Drained)", "16358"),
        ("Kidney Beans (Canned, Drained)", "16145"),
        ("Pinto Beans (Canned, Drained)", "16146"),
        ("Lentils (Canned, Drained)", "fndds:41305020"),  # (FNDDS only)
        # a beef rump roast is USDA's bottom round, lean only
        ("Roast Beef, Rump, No Visible Fat Eaten", "23604"),
        ("Roast Beef, Chuck, No Visible Fat Eaten", "13377"),
    ],
)
def test_cronometer_name_is_the_usda_food(text, food_id):
    m = match_foods(_diary([text]))
    assert m["food_id"].iloc[0] == food_id, m["matched_description"].iloc[0]


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        (
            "Angel Hair Pasta, White, Cooked in Unsalted Water",
            "angel hair pasta, cooked, without salt",
        ),
        ("Spaghetti, White, Cooked in Salted Water", "spaghetti, cooked"),
        ("Duck Breast, Domestic, Skin Eaten", "duck, domesticated, breast, cooked, with skin"),
        ("Chicken Thigh, Roasted, Skin Eaten", "chicken thigh, roasted, with skin"),
        ("Sardines, Canned in Oil, with Salt Added", "sardines, canned in oil"),
        ("Wild planet sardines with salt added", "wild planet sardines, with salt"),
        ("Pomegranate, Fresh, Arils-Seed/Juice Sacs", "pomegranate, fresh"),
        ("Falafel, Made with Garbanzo Beans", "falafel"),
        ("Bagel, White, Plain or Seasoned", "bagel, white, plain"),
        (
            "Pizza, Homemade or Restaurant, One Meat Topping, Thick Crust or Deep Dish",
            "pizza, meat topping, thick crust",
        ),
        (
            "Ramen Noodles, Prepared from Dehydrated or Instant Mix",
            "ramen noodles, instant, prepared",
        ),
        ("Chickpeas / Garbanzo (Canned, Drained)", "chickpeas / garbanzo, canned drained solids"),
        ("Lentils (Canned, Drained)", "lentils, canned"),
        ("Roast Beef, Rump, No Visible Fat Eaten", "roast beef, bottom round, lean only"),
    ],
)
def test_qualifiers_read_as_usda_words(text, cleaned):
    assert clean_query(text) == cleaned


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        # a preparation USDA tells apart is kept
        ("Oatmeal, Made with Milk", "oatmeal, made with milk"),
        ("Hot Cocoa, Made with Water", "hot cocoa, made with water"),
        ("Cornbread, Made with 2% Milk", "cornbread, made with 2% milk"),
        # "Plant Based" is a claim, not what a protein powder is made of
        ("Truvani, Plant Based Protein, Unflavored", "truvani, plant based protein, unflavored"),
        # KFC's "Original Recipe" is its chicken (USDA 21434), no snack's flavour
        ("KFC, Original Recipe, Chicken Breast", "kfc, original recipe, chicken breast"),
        # a recipe's drained beans are drained as a step; lentils SR28 lacks canned
        ("1 can chickpeas, drained", "1 can chickpeas"),
        # "Domestic" only with a part: "duck, domesticated, raw" reads as liver
        ("Duck, Domestic, Raw", "duck, domestic, raw"),
        # states said: no "cooked" added
        ("Chicken Breast, Fried, Batter, Skin Eaten", "chicken breast, fried, batter, with skin"),
        ("Danish Pastry, Plain or Spiced", "danish pastry, plain or spiced"),
    ],
)
def test_unrelated_texts_are_left_alone(text, cleaned):
    assert clean_query(text) == cleaned


def test_nothing_the_rules_should_not_answer():
    # "with Salt Added" on a brand the table lacks stays unmatched, and a raw
    # domestic duck is not its liver
    m = match_foods(_diary(["Wild planet sardines with salt added", "Duck, Domestic, Raw"]))
    assert m["food_id"].isna().all(), m["matched_description"].tolist()
