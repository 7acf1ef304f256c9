"""Fuzzy matches sharing one word with the text must name the same thing (``_kind_doubt``)."""

from __future__ import annotations

import pandas as pd
import pytest
from _diaries import food_diary as _diary

from nutrigap import match_foods
from nutrigap.foods.matching import DEFAULT_THRESHOLD


def _one(text):
    return match_foods(_diary([text])).iloc[0]


class TestHeldBack:
    """Texts sharing one word with an unrelated food stay unmatched, the food a suggestion."""

    @pytest.mark.parametrize(
        ("text", "suggested"),
        [
            # the text's head noun is in none of the food's names
            ("1 1-inch piece of galangal, minced", "07030"),  # Ham, minced
            ("Protein", "16125"),  # Soy sauce made from hydrolyzed vegetable protein
            # ... or only in a segment adding to it
            # a kind of the text against another kind of the food
            ("½ tsp xantham gum", "19163"),  # Chewing gum
            ("2 tsp Memphis-Style Seasoning (recipe follows)", "02034"),  # poultry seasoning
            ("¼ c Blackening Seasoning", "02034"),
            ("1 tbsp furikake seasoning, to garnish", "02034"),
            # (a list an added segment starts goes on: "made with ..., and potato starch")
            ("Sandwich-size potato rolls, lightly toasted", "28340"),
            ("½ lb Abondance cheese (shredded)", "01146"),  # Cheese, parmesan, shredded
            ("½ lb Appenzeller cheese (shredded)", "01146"),
            ("2 oz dried porcini mushrooms", "11268"),  # Mushrooms, shiitake, dried
            # no kind in the text, one in the food's head phrase
            ("32 oz dough", "18338"),  # Phyllo dough
            # USDA's inverted name read the other way round
            ("1 tbsp speculoos cookie butter", "18155"),  # Cookies, butter
            ("yoghurt", "01256"),  # Yogurt, Greek, plain, nonfat: yogurt has other kinds
            ("dragon fruit", "09426"),  # Candied fruit: a form is the food's kind
            ("Barilla spaghetti", "20127"),  # Spaghetti, spinach, cooked
            # a food word of the text missing from the food
            ("canned unsweetened coconut milk", "01214"),  # Milk, canned, evaporated
            # the leaves of a fruit, a part the text says is removed
            ("6-8 fresh lime leaves", "09159"),  # Limes, raw
            ("8-16 fig leaves, washed well and tough stems removed, as needed", "09089"),
        ],
    )
    def test_unmatched_with_the_suggestion(self, text, suggested):
        row = _one(text)
        assert pd.isna(row["food_id"])
        assert row["status"] == "unmatched"
        assert row["runner_up_id"] == suggested
        assert "not accepted" in row["status_reason"]

    @pytest.mark.parametrize(
        "text",
        [
            "½ c additional fillings, such as cooked, crumbled Italian sausage (optional)",
            "1 8- or 9-ounce ball of pizza dough",  # not Melon balls
            "9-inch metal, glass, or ceramic pie dish",  # not Cracker meal
            "2 c canned unsweetened coconut milk (shake cans before opening)",  # no evaporated milk
        ],
    )
    def test_unmatched(self, text):
        assert pd.isna(_one(text)["food_id"])


class TestKept:
    """Right fuzzy answers the guard must leave alone."""

    @pytest.mark.parametrize(
        ("text", "food_id"),
        [
            ("tsp vanilla paste or extract", "02050"),  # the alternative keeps "vanilla"
            ("1 tbsp tamari or soy sauce", "16124"),  # Soy sauce made from soy (tamari)
            ("1 (10-oz) can Rotel diced tomatoes and green chiles", "11537"),  # a colour: no kind
            ("2 lb beef shank", "13227"),  # Beef, shank crosscuts: a cut, no other head
            ("½ tsp dried cumin", "02014"),  # Spices, cumin seed: a category word
            ("Soyburger", "16147"),  # Veggie burgers or soyburgers: its last name
            ("1 Tofurky sausage", "16107"),  # Sausage, meatless: stand-ins have own rules
            ("Bacon From Turkey", "07974"),  # Bacon, turkey: no unknown kind
            ("Sugar-Free, Vanilla Syrup", "43026"),  # Syrups, sugar free
            ("1 cup masoor dal (red lentils), rinsed", "16144"),  # an unknown head
            ("Post Grape-Nuts Cereal", "08038"),  # past the brand's segment
            ("1 lb pickling cucmbers, cut in half lengthwise", "11205"),  # a typo, no kind
            ("3 yolks", "01125"),  # Egg, yolk
            ("1 c beef stock", "06170"),  # Soup, stock, beef
            ("2 tbsp beef tallow", "04001"),  # Fat, beef tallow
            ("2 lb manila clams", "15157"),  # mixed species is no kind
            ("24 live oysters, scrubbed clean", "15171"),  # a head of few kinds
            ("Archway, Coconut Macaroon", "18524"),  # a brand as the head
            ("a handful of pistachios, raw or roasted, crushed", "12151"),  # Nuts, pistachio nuts
            ("sherbert", "19097"),  # Sherbet, orange: SR28's one sherbet
            ("pinapple", "09266"),  # Pineapple, raw, all varieties
            ("chickpeeas", "16056"),  # "mature seeds" is no kind
        ],
    )
    def test_matched(self, text, food_id):
        assert _one(text)["food_id"] == food_id

    @pytest.mark.parametrize(
        ("text", "food_ids"),
        [
            # texts the guard held back that aliases or rules of the same session answer
            ("½ tsp celery salt", {"02047"}),  # salt, as nearest
            ("3 lb mutton, washed, trimmed and cut in small pieces", {"35141", "17001"}),
            ("20 g milk powder", {"01090", "01092"}),
            ("½ c mayonaise", {"04025"}),
            ("1 (14 to 16 pound) whole turkey, giblets removed", {"05165"}),
            ("2 tsp neutral oil, like canola, divided", {"04044", "04582"}),
            ("¼ c grana cheese, grated", {"01033", "01032"}),  # an alias: parmesan
            ("2 tbsp Texas Pete hot sauce", {"06168"}),  # the hot sauce, not its sriracha
            ("½ lb Comté PDO cheese (shredded)", {"01023"}),  # aliases: gruyere
            ("½ lb Beaufort PDO cheese (shredded)", {"01023"}),
            ("1½ lb khanom jiin noodles", {"20134"}),  # fresh rice noodles, never dry
            ("½ c strawberry, plum, or blackberry preserves, or grape jelly", {"19297"}),
            ("2 c heavy cream or canned unsweetened coconut milk (shake cans)", {"01053"}),
        ],
    )
    def test_answered_otherwise(self, text, food_ids):
        assert _one(text)["food_id"] in food_ids

    def test_joined_texts_are_left_to_their_own_rule(self):
        assert _one("bean and rice burrito")["food_id"] is not None

    def test_a_lowered_threshold_asks_for_the_closest_food(self):
        # the guard holds back candidates of the default threshold or more only
        m = match_foods(_diary(["banana bread pudding"]), aliases={}, threshold=0)
        assert m["status"].iloc[0] == "matched"
        assert m["match_score"].iloc[0] < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("text", "food_id"),
    [
        ("duck, domesticated, raw", None),  # not the liver the fuzzy score prefers
        ("Goose, Domestic, Raw", None),
        ("1 whole duck", "05140"),  # the bird, not a duck egg
        ("3 yolks", "01125"),  # an egg's part names the egg
        ("½ c dried small red beans", "16032"),  # kidney beans are no kidney
        ("duck egg", "01138"),
    ],
)
def test_an_organ_or_an_egg_is_another_food(text, food_id):
    got = _one(text)["food_id"]
    assert pd.isna(got) if food_id is None else got == food_id
