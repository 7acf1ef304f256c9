"""Recipe lines of the error hunt that the matcher still missed or got wrong.

Reviewers judged the matcher's answers on about 6,000 real recipe ingredient
lines; these are representative lines of the rows left after the alias
sessions, now answered through narrow cleaning rules in
:func:`nutrigap.foods.normalize.clean_query` (``_recipe_phrases``: salt and
pepper, two foods for serving, live cultures, tender stems, split or whole
lentils, PDO labels, heads-on shrimp, a firm but ripe fruit ...), fixes to
its reading of alternatives ("heavy cream or coconut milk", "red or white
wine or water") and a few aliases (risotto and paella rices, yellow eye
beans, diver scallops, glucose). Lines are matched as a recipe's ingredients
(``context="recipe"``: a food as bought).
"""

from __future__ import annotations

import pandas as pd
import pytest
from _diaries import food_diary as _diary

from nutrigap import match_foods
from nutrigap.foods.normalize import clean_query


def _recipe(text):
    return match_foods(_diary([text]), context="recipe").iloc[0]


class TestRecipePhrases:
    """A recurring phrase hides a plain food."""

    @pytest.mark.parametrize(
        ("text", "food_id"),
        [
            # salt and pepper to taste: the salt, the first food named
            ("kosher salt and freshly ground black pepper", "02047"),  # Salt, table
            ("Kosher salt, freshly ground pepper", "02047"),
            ("salt and pepper to season chicken", "02047"),
            # two foods for serving or the pan: the first
            ("paprika and snipped chives, for garnish", "02028"),  # Spices, paprika
            ("cooking spray and flour, for the pan", "04679"),  # Oil, PAM cooking spray
            ("Lemon wedges and pickled peppers to serve", "09150"),  # Lemons, raw
            # cultures, stems, temperatures, juice: the food
            ("¾ c live-culture plain yogurt", "01117"),  # Yogurt, plain, low fat
            ("1 ½ tbsp plain yogurt with live cultures", "01117"),
            ("Cilantro leaves and tender stems", "11165"),  # Coriander (cilantro) leaves
            ("1½ tbsp cool water", "14411"),  # Beverages, water, tap, drinking
            ("1 c kimchi with juice, finely chopped", "11118"),  # Cabbage, kimchi
            # pulses split or whole, dried: the raw seeds
            ("¾ c dried whole black lentils", "16069"),  # Lentils, raw
            ("1 ½ c dried whole mung beans, soaked overnight, drained", "16080"),
            ("1 c dried moong dal", "16080"),  # Mung beans, mature seeds, raw
            # labels, milling, ripeness and counts that name no other food
            ("½ lb Comté PDO cheese (shredded)", "01023"),  # Cheese, gruyere
            ("210 g freshly milled stone ground all-purpose flour", "20081"),
            ("3 firm, unripe yellow nectarines", "09191"),  # Nectarines, raw
            ("3 firm but ripe plums or pluots, sliced", "09279"),  # Plums, raw
            ("3 lg whole beets, scrubbed and trimmed", "11080"),  # Beets, raw
            ("½ pt whole cherry tomatoes", "11529"),
            ("1 (9-ounce/255g) package no-boil lasagna noodles", "20120"),  # Pasta, dry
            ("½ head of garlic, cloves smashed and skins discarded", "11215"),  # Garlic, raw
            ("¾ inch section ginger", "11216"),  # Ginger root, raw
            ("1 squeeze lemon juice", "09152"),  # Lemon juice, raw
            ("8 u-10 prawns, head-on and shell-on, thawed if frozen", "15149"),  # shrimp, raw
            ("¼ c hazelnuts, toasted, skinned, and coarsely chopped", "12122"),  # dry roasted
            ("1 tbsp dried chile powder", "02009"),  # Spices, chili powder
            ("1 lb mild bulk Italian sausage", "07036"),  # Sausage, Italian, pork, raw
            ("10.5 oz feta packed in brine, brine reserved", "01019"),  # Cheese, feta
            ("¼ c mild, fruity extra-virgin olive oil", "04053"),  # Oil, olive
            ("cold-pressed rapeseed (canola) oil", "04582"),  # Oil, canola
            ("1¾ tsp 10-year aged balsamic vinegar", "02069"),  # Vinegar, balsamic
            ("0.75 c strong, hot coffee", "14209"),  # coffee, brewed
            ("2 ¼ c quick 1-minute oats", "08120"),  # oats, not fortified, dry
            ("seeds from 5 cardamom pods, crushed", "02006"),  # Spices, cardamom
            ("Heaping ¼ cup pitted olives (any type), sliced in half or left whole", "09193"),
            ("4 oz round of fresh goat or other mild soft cheese, such as sheep", "01159"),
            # a meatless claim on a food that never had meat
            ("1 c vegan sugar", "19335"),  # Sugars, granulated
            ("½ c vegan chocolate chips", "19080"),  # Candies, semisweet chocolate
            ("½ tbsp vegetarian Worcestershire sauce", "06971"),
            # a bird by its weight is the whole bird
            ("1 lb 4-lb chicken", "05006"),  # Chicken, meat and skin, raw
            ("5 lb chicken", "05006"),
            # "1 tbsp plus 1/2 teaspoon" is one amount: ground coriander is the seed
            ("1 tbsp plus ½ teaspoon ground coriander", "02013"),
            # steps, shapes and containers that name no other food
            ("4 c whole button mushrooms, ground or pulsed in a food processor", "11260"),
            ("¼ c chopped fresh cilantro, leafy tops only", "11165"),
            ("1 lb large boiled shrimp, 4 cups of cooking water reserved", "15151"),
            (
                "8 oz somyeon (thin wheat noodles), cooked according to package instructions",
                "20116",
            ),
            ("½ lb short pasta (rigatoni, shells, etc.) cooked to very al dente", "20120"),
            ("5 oz dried narrow flat rice noodles", "20133"),  # Rice noodles, dry
            ("2 (7½ × 8-inch) sheets unseasoned kimbap gim", "fndds:75232000"),
            ("1 c grated, not shredded, parmesan cheese", "01032"),  # parmesan, grated
            ("1 tsp finely grated orange zest plus juice of 1 orange", "09216"),  # Orange peel
            ("1 c dried shiitake mushroom caps, soaked overnight", "11268"),
            ("2 full racks baby back pork ribs", "10192"),  # Pork, backribs, raw
            ("1 bulb fennel with stalks, halved", "11957"),  # Fennel, bulb, raw
            ("¼ c mixed black and white sesame seeds", "12023"),  # sesame seeds, whole
            ("½ c sliced green and yellow bell peppers", "11333"),  # Peppers, sweet, green
            ("chives and chive blossoms", "11156"),  # Chives, raw
            ("½ c strawberry, plum, or blackberry preserves, or grape jelly", "19297"),
            ("1 habanero or Scotch bonnet chili", "11819"),  # Peppers, hot chili, red
            ("Kale Pesto (recipe follows) or your favorite store-bought pesto", "06626"),
            ("4 pieces Saj Bread or your favorite brand of 12-inch flour tortillas", "18364"),
            # a lean share in parentheses, a lemon's flesh discarded
            (
                "1 lb ground beef (an equal-parts blend of prime, dry-aged New York strip and "
                "chuck with a 75/25 lean-to-fat ratio), formed into loose 8-ounce patties",
                "23577",  # Beef, ground, 75% lean meat / 25% fat, raw
            ),
            ("½ lg preserved lemon, flesh discarded and rind finely chopped", "09156"),
        ],
    )
    def test_food(self, text, food_id):
        assert _recipe(text)["food_id"] == food_id


class TestAlternatives:
    """A list of alternatives is read by its first food."""

    @pytest.mark.parametrize(
        ("text", "food_id"),
        [
            # the first is a whole food, no kind of the second's head
            ("2 c heavy cream or canned unsweetened coconut milk", "01053"),  # heavy cream
            ("½ c heavy cream or full-fat coconut milk", "01053"),
            ("2 tbsp marsala wine or apple juice", "14536"),  # wine, dessert, dry
            ("Butter and/or olive oil", "01001"),  # Butter, salted
            # a third alternative ends the second
            ("1 c red or white wine or water", "14096"),  # wine, table, red
            # a colour after a state, a range before the food
            ("toasted white or black sesame seeds", "12024"),  # sesame, roasted and toasted
            # kinds of one product, listed
            ("3 oz milk, semisweet or bittersweet chocolate, finely chopped", "19120"),
            ("1½ c dark, bittersweet, or semisweet chocolate chips or chunks", "19080"),
            ("1 c Vialone nano, Carnaroli, or Arborio rice", "20050"),  # medium-grain, raw
            ("½ c tamarind concentrate or juice of 1 lime", "09322"),  # Tamarinds, raw
        ],
    )
    def test_first_food(self, text, food_id):
        assert _recipe(text)["food_id"] == food_id

    @pytest.mark.parametrize(
        "text",
        [
            "2-3 tbsp squid or cuttlefish ink",  # no squid
            "2 tsp vegetable or chicken bouillon paste (optional)",  # no raw vegetable
        ],
    )
    def test_no_stand_in(self, text):
        assert pd.isna(_recipe(text)["food_id"])


class TestAliases:
    """Everyday names the tables know under other words."""

    @pytest.mark.parametrize(
        ("text", "food_id"),
        [
            ("2 c (1 pound) dry yellow eye beans", "16047"),  # Beans, yellow, raw
            ("½ c dried light red kidney beans", "16032"),  # Beans, kidney, red, raw
            ("1 c Spanish Calasparra rice", "20050"),  # Rice, white, medium-grain, raw
            ("10 diver scallops", "15172"),  # Mollusks, scallop, raw
            ("6 lb Peking duck", "05139"),  # Duck, meat and skin, raw
            ("⅔ c glucose", "19350"),  # Syrups, corn, light
            ("4 tbsp pecans in syrup ice-cream topping", "19367"),  # Toppings, nuts in syrup
            ("2 chorizo sausage links, cut into bite-size pieces", "07019"),
            ("⅓ c crushed Fried Peanuts", "16389"),  # Peanuts, oil-roasted
            ("3 tbsp silver rum or water", "14050"),  # rum, 80 proof
            ("1 c unsweetened grated coconut", "12108"),  # coconut, dried, not sweetened
            ("2 c short-grain glutinous rice", "20054"),  # Rice, white, glutinous, uncooked
            ("1 lb frozen crinkle cut fries", "11402"),  # french fried, frozen, unprepared
            ("1 c vermicelli bean thread, soaked in hot water", "16082"),  # cellophane
            ("1 tsp scotch bonnet or habanero sauce", "06168"),  # Sauce, pepper or hot
            ("1 Martin’s potato sandwich roll", "18971"),  # Bread, potato
        ],
    )
    def test_alias(self, text, food_id):
        assert _recipe(text)["food_id"] == food_id


class TestLeftAlone:
    """What the new readings must not touch."""

    @pytest.mark.parametrize(
        ("text", "food_id"),
        [
            ("half and half, for serving", "01049"),  # a food named by two words
            ("Roast Beef, Deli Sliced", "07043"),  # USDA's deli roast beef
            ("1 tsp sambal oelek or other chile paste", "06961"),
            ("4 tsp pure vanilla extract or vanilla bean paste", "02050"),
            ("1 c dried breadcrumbs or Japanese panko", "18079"),
            ("1 tbsp cold-pressed flaxseed oil", "42231"),  # USDA's cold pressed oil
            ("1 c split peas", "16085"),  # Peas, green, split, raw
            ("Cod, Atlantic, Baked or Broiled", "15016"),  # two states: cooked
            ("zest and juice of one lemon", "09152"),  # Lemon juice, raw
        ],
    )
    def test_kept(self, text, food_id):
        assert _recipe(text)["food_id"] == food_id

    @pytest.mark.parametrize(
        ("text", "cleaned"),
        [
            ("2 lb chicken", "2 lb chicken"),  # a weight of chicken, not a bird
            ("salt and pepper squid", "salt and pepper squid"),  # the dish
            ("2 tbsp white wine or cider vinegar", "2 tbsp white wine vinegar"),
        ],
    )
    def test_cleaned(self, text, cleaned):
        assert clean_query(text) == cleaned
