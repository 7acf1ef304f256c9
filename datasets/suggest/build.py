"""Build the curated shortlist of foods that :func:`nutrigap.suggest` proposes.

Usage::

    python datasets/suggest/build.py           # write shortlist.csv
    python datasets/suggest/build.py --check   # exit 1 if shortlist.csv is stale

The curation lives in :data:`SPEC` below: for each SR28 food, the curated
group, the household measure to use (``seq`` of the food's own SR28 WEIGHT
row, optionally times a whole or simple factor) and its dietary tags.
Everything else (description, SR food group, measure text, grams) is taken
from nutrigap's bundled SR28 table (``datasets/sr28``), so the CSV is
reproducible from the food table byte for byte.

Selection rules (see README.md): everyday, as-eaten, generic foods, cooked
where usually eaten cooked; no leavening agents, dried spices, infant foods,
supplements, powders or organ meats; a few widely sold fortified breakfast
cereals and plant milks, because they are the realistic vegan sources of
vitamin B12 and vitamin D.
"""

from __future__ import annotations

import sys
from fractions import Fraction
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from nutrigap.data import load_food_table, load_portions  # noqa: E402

#: curated group -> tags every food of the group carries
GROUP_TAGS: dict[str, str] = {
    "nuts_seeds": "vegan;vegetarian;nuts",
    "leafy_greens": "vegan;vegetarian",
    "vegetables": "vegan;vegetarian",
    "legumes": "vegan;vegetarian",
    "soy": "vegan;vegetarian;soy",
    "fruits": "vegan;vegetarian",
    "dairy": "vegetarian;dairy",
    "eggs": "vegetarian;egg",
    "fish": "fish",
    "shellfish": "fish;shellfish",
    "meat": "meat",
    "poultry": "meat",
    "grains": "vegan;vegetarian",
    "fortified_cereals": "vegan;vegetarian;fortified",
    "plant_milks": "vegan;vegetarian;fortified",
    "other": "vegan;vegetarian",
}

#: food_id, curated group, SR28 portion seq, factor, extra tags.
#: The factor multiplies the SR28 measure (e.g. 2 x "1 large" egg); 1 keeps it.
SPEC: list[tuple[str, str, int, str, str]] = [
    # nuts and seeds: 1 oz (28.35 g) or 1-2 tbsp of butters
    ("12061", "nuts_seeds", 5, "1", ""),  # almonds, 1 oz (23 kernels)
    ("12014", "nuts_seeds", 2, "1", ""),  # pumpkin seed kernels, 1 oz
    ("12016", "nuts_seeds", 2, "1", ""),
    ("12087", "nuts_seeds", 1, "1", ""),  # cashews raw
    ("12085", "nuts_seeds", 3, "1", ""),
    ("12155", "nuts_seeds", 6, "1", ""),  # walnuts
    ("12037", "nuts_seeds", 2, "1", ""),  # sunflower kernels
    ("12006", "nuts_seeds", 1, "1", ""),  # chia
    ("12220", "nuts_seeds", 3, "2", ""),  # flaxseed, 2 tbsp ground
    ("12023", "nuts_seeds", 2, "2", ""),  # sesame seeds, 2 tbsp
    ("12166", "nuts_seeds", 1, "2", ""),  # tahini, 2 tbsp
    ("12012", "nuts_seeds", 1, "1", ""),  # hemp seed, 3 tbsp
    ("12078", "nuts_seeds", 3, "1", ""),  # brazil nuts
    ("12152", "nuts_seeds", 2, "1", ""),  # pistachios
    ("12120", "nuts_seeds", 4, "1", ""),  # hazelnuts
    ("12142", "nuts_seeds", 3, "1", ""),  # pecans
    ("12195", "nuts_seeds", 1, "2", ""),  # almond butter, 2 tbsp
    ("16390", "nuts_seeds", 2, "1", "peanut"),  # peanuts
    ("16398", "nuts_seeds", 1, "1", "peanut"),  # peanut butter, 2 tbsp
    # leafy greens, mostly cooked: 1 cup
    ("11458", "leafy_greens", 1, "1", ""),  # spinach, cooked
    ("11457", "leafy_greens", 1, "2", ""),  # spinach, raw, 2 cups
    ("11148", "leafy_greens", 1, "1", ""),  # swiss chard, cooked
    ("11234", "leafy_greens", 1, "1", ""),  # kale, cooked
    ("11233", "leafy_greens", 1, "2", ""),  # kale, raw, 2 cups
    ("11162", "leafy_greens", 1, "1", ""),  # collards, cooked
    ("11569", "leafy_greens", 1, "1", ""),  # turnip greens, cooked
    ("11087", "leafy_greens", 1, "1", ""),  # beet greens, cooked
    ("11117", "leafy_greens", 1, "1", ""),  # bok choy, cooked
    ("11091", "leafy_greens", 1, "2", ""),  # broccoli, cooked, 1 cup chopped
    ("11090", "leafy_greens", 1, "1", ""),  # broccoli, raw
    # other vegetables
    ("11674", "vegetables", 3, "1", ""),  # potato, baked, medium
    ("11365", "vegetables", 2, "1", ""),  # potato, boiled
    ("11508", "vegetables", 3, "1", ""),  # sweet potato, baked, medium
    ("11486", "vegetables", 1, "1", ""),  # butternut squash
    ("11483", "vegetables", 1, "1", ""),  # acorn squash
    ("11012", "vegetables", 1, "1", ""),  # asparagus, 1/2 cup
    ("11099", "vegetables", 2, "2", ""),  # brussels sprouts, 1 cup
    ("11008", "vegetables", 1, "1", ""),  # artichoke, medium
    ("11279", "vegetables", 1, "1", ""),  # okra
    ("11424", "vegetables", 1, "1/2", ""),  # pumpkin, canned, 1/2 cup
    ("11529", "vegetables", 6, "1", ""),  # tomato, medium
    ("11124", "vegetables", 5, "1", ""),  # carrot, medium
    ("11081", "vegetables", 1, "1", ""),  # beets
    ("11305", "vegetables", 1, "1", ""),  # green peas
    ("11212", "soy", 1, "1", ""),  # edamame
    ("11939", "vegetables", 1, "1", "fortified"),  # UV-exposed portabella
    ("11260", "vegetables", 1, "1", ""),  # white mushrooms
    ("11886", "vegetables", 1, "1", ""),  # tomato juice
    ("11168", "vegetables", 2, "1", ""),  # corn on the cob
    ("11032", "legumes", 1, "1", ""),  # lima beans
    ("11053", "vegetables", 1, "1", ""),  # green beans
    ("11136", "vegetables", 1, "1", ""),  # cauliflower
    ("11299", "vegetables", 1, "1", ""),  # parsnips
    # legumes, cooked: 1 cup
    ("16015", "legumes", 1, "1", ""),  # black beans
    ("16070", "legumes", 1, "1", ""),  # lentils
    ("16057", "legumes", 1, "1", ""),  # chickpeas
    ("16028", "legumes", 1, "1", ""),  # kidney beans
    ("16043", "legumes", 1, "1", ""),  # pinto beans
    ("16038", "legumes", 1, "1", ""),  # navy beans
    ("16050", "legumes", 1, "1", ""),  # white beans
    ("16086", "legumes", 1, "1", ""),  # split peas
    ("16137", "legumes", 1, "2", ""),  # hummus, 2 tbsp
    ("16109", "soy", 1, "1", ""),  # soybeans
    ("16126", "soy", 1, "1", ""),  # tofu, firm, calcium sulfate + nigari
    ("16426", "soy", 1, "1", ""),  # tofu, firm, calcium sulfate
    ("16427", "soy", 1, "1", ""),  # tofu, regular, calcium sulfate
    ("16112", "soy", 1, "1", ""),  # miso, 1 tbsp
    # fruits
    ("09040", "fruits", 5, "1", ""),  # banana, medium
    ("09037", "fruits", 4, "1/2", ""),  # avocado, half
    ("09200", "fruits", 4, "1", ""),  # orange
    ("09206", "fruits", 1, "1", ""),  # orange juice
    ("09210", "fruits", 1, "1", "fortified"),  # orange juice + calcium + vitamin D
    ("09032", "fruits", 1, "1/4", ""),  # dried apricots, 1/4 cup
    ("09291", "fruits", 2, "4", ""),  # prunes, 4 pitted
    ("09298", "fruits", 4, "1", ""),  # raisins, small box
    ("09421", "fruits", 1, "2", ""),  # medjool dates, 2
    ("09094", "fruits", 2, "4", ""),  # dried figs, 4
    ("09148", "fruits", 2, "2", ""),  # kiwifruit, 2
    ("09181", "fruits", 2, "1", ""),  # cantaloupe
    ("09176", "fruits", 1, "1", ""),  # mango
    ("09226", "fruits", 1, "1", ""),  # papaya
    ("09286", "fruits", 1, "1", ""),  # pomegranate arils
    ("09316", "fruits", 4, "1", ""),  # strawberries
    ("09050", "fruits", 1, "1", ""),  # blueberries
    ("09003", "fruits", 4, "1", ""),  # apple, medium
    ("09111", "fruits", 3, "1", ""),  # grapefruit, half
    ("09278", "fruits", 2, "1", ""),  # plantain, cooked
    ("14090", "fruits", 1, "1", ""),  # coconut water
    # dairy
    ("01079", "dairy", 1, "1", "fortified"),  # milk 2%, vitamin D added
    ("01082", "dairy", 1, "1", "fortified"),  # milk 1%
    ("01085", "dairy", 1, "1", "fortified"),  # milk, skim
    ("01077", "dairy", 1, "1", "fortified"),  # milk, whole
    ("42290", "dairy", 1, "1", "fortified"),  # milk, skim, calcium fortified
    ("01117", "dairy", 1, "1", ""),  # yogurt, plain, low fat, 6 oz
    ("01118", "dairy", 1, "1", ""),  # yogurt, plain, skim
    ("01256", "dairy", 1, "1", ""),  # Greek yogurt, nonfat
    ("01287", "dairy", 1, "1", ""),  # Greek yogurt, lowfat
    ("01009", "dairy", 4, "1", ""),  # cheddar, 1 oz
    ("01028", "dairy", 1, "1", ""),  # mozzarella, 1 oz
    ("01040", "dairy", 4, "1", ""),  # swiss, 1 oz
    ("01033", "dairy", 1, "1", ""),  # parmesan, 1 oz
    ("01019", "dairy", 2, "1", ""),  # feta, 1 oz
    ("01015", "dairy", 1, "1", ""),  # cottage cheese, 4 oz
    ("01037", "dairy", 1, "1", ""),  # ricotta, 1/2 cup
    # eggs
    ("01129", "eggs", 3, "2", ""),  # 2 hard-boiled eggs
    ("01132", "eggs", 1, "2", ""),  # scrambled, 2 eggs
    ("01128", "eggs", 1, "2", ""),  # fried, 2 eggs
    # fish: 3 oz cooked (85 g)
    ("15237", "fish", 1, "1", ""),  # Atlantic salmon, farmed
    ("15086", "fish", 1, "1", ""),  # sockeye salmon
    ("15260", "fish", 1, "1", ""),  # pink salmon, canned, with bones
    ("15088", "fish", 4, "1", ""),  # sardines, canned, 1 can
    ("15047", "fish", 2, "1", ""),  # mackerel
    ("15241", "fish", 2, "1", ""),  # rainbow trout, farmed
    ("15040", "fish", 2, "1", ""),  # herring
    ("15121", "fish", 2, "1", ""),  # tuna, light, canned in water
    ("15126", "fish", 1, "1", ""),  # tuna, white, canned in water
    ("15016", "fish", 1, "1", ""),  # cod
    ("15262", "fish", 1, "1", ""),  # tilapia, 1 fillet
    ("15037", "fish", 1, "1", ""),  # halibut
    ("15067", "fish", 2, "1", ""),  # pollock
    ("15071", "fish", 2, "1", ""),  # rockfish
    ("15034", "fish", 2, "1", ""),  # haddock
    ("15235", "fish", 2, "1", ""),  # catfish, farmed
    ("15151", "shellfish", 1, "1", ""),  # shrimp
    ("15159", "shellfish", 1, "1", ""),  # clams
    ("15165", "shellfish", 1, "1", ""),  # mussels
    ("15169", "shellfish", 1, "1", ""),  # oysters
    ("15137", "shellfish", 2, "1", ""),  # king crab
    # meat and poultry: about 3 oz cooked
    ("05064", "poultry", 3, "1", ""),  # chicken breast, 1/2 breast
    ("05098", "poultry", 1, "1", ""),  # chicken thigh
    ("05186", "poultry", 1, "1", ""),  # turkey, light meat
    ("23568", "meat", 2, "1", ""),  # beef patty, 85% lean
    ("23629", "meat", 1, "3", ""),  # top sirloin, 3 oz
    ("10061", "meat", 1, "1", ""),  # pork tenderloin
    ("10042", "meat", 2, "1", ""),  # pork chop
    ("17014", "meat", 1, "1", ""),  # lamb, leg
    # grains
    ("20137", "grains", 1, "1", ""),  # quinoa
    ("20037", "grains", 1, "1", ""),  # brown rice
    ("20045", "grains", 1, "1", "fortified"),  # white rice, enriched
    ("20010", "grains", 1, "1", ""),  # buckwheat groats
    ("20013", "grains", 1, "1", "gluten"),  # bulgur
    ("20006", "grains", 1, "1", "gluten"),  # barley
    ("20125", "grains", 1, "1", "gluten"),  # whole-wheat pasta
    ("20121", "grains", 1, "1", "gluten;fortified"),  # pasta, enriched
    ("20002", "grains", 1, "1", ""),  # amaranth
    ("20032", "grains", 1, "1", ""),  # millet
    ("20089", "grains", 1, "1", ""),  # wild rice
    ("18363", "grains", 3, "2", ""),  # corn tortillas, 2
    ("18075", "grains", 1, "2", "gluten"),  # whole-wheat bread, 2 slices
    ("28397", "grains", 2, "2", "gluten"),  # multi-grain bread, 2 slices
    ("18060", "grains", 2, "2", "gluten"),  # rye bread, 2 slices
    # fortified breakfast cereals (1 NLEA serving)
    ("08013", "fortified_cereals", 1, "1", ""),  # Cheerios
    ("08077", "fortified_cereals", 1, "1", "gluten"),  # Total
    ("08029", "fortified_cereals", 1, "1", "gluten"),  # bran flakes
    ("08001", "fortified_cereals", 1, "1", "gluten"),  # All-Bran
    ("08060", "fortified_cereals", 1, "1", "gluten"),  # raisin bran
    ("08089", "fortified_cereals", 1, "1", "gluten"),  # Wheaties
    ("08067", "fortified_cereals", 1, "1", "gluten"),  # Special K
    ("08020", "fortified_cereals", 1, "1", ""),  # corn flakes
    ("08148", "fortified_cereals", 1, "1", "gluten"),  # shredded wheat
    ("08123", "fortified_cereals", 4, "1", ""),  # instant oatmeal, fortified
    ("08103", "fortified_cereals", 1, "1", "gluten"),  # cream of wheat
    # plant milks, fortified
    ("16139", "plant_milks", 1, "1", "soy"),  # soymilk + Ca, A, D
    ("16222", "plant_milks", 1, "1", "soy"),  # soymilk, unsweetened, fortified
    ("14016", "plant_milks", 1, "1", "nuts"),  # almond milk, sweetened
    ("14091", "plant_milks", 1, "1", "nuts"),  # almond milk, unsweetened
    ("14171", "plant_milks", 1, "1", ""),  # coconut milk beverage, fortified
    ("14639", "plant_milks", 1, "1", ""),  # rice milk
    # other
    ("19904", "other", 1, "1", ""),  # dark chocolate 70-85%, 1 oz
    ("19304", "other", 2, "1", ""),  # molasses, 1 tbsp
    ("43406", "other", 1, "1", "fortified"),  # yeast extract spread, 1 tsp
]

COLUMNS = [
    "food_id",
    "description",
    "food_group",
    "group",
    "portion",
    "amount",
    "measure",
    "portion_seq",
    "factor",
    "grams",
    "tags",
]


def format_amount(x: float) -> str:
    """Format a measure count as people write it: ``"1"``, ``"1/2"``, ``"2"``."""
    frac = Fraction(x).limit_denominator(8)
    if frac.denominator == 1:
        return str(frac.numerator)
    whole, rest = divmod(frac.numerator, frac.denominator)
    text = f"{rest}/{frac.denominator}"
    return f"{whole} {text}" if whole else text


def build() -> pd.DataFrame:
    """Return the shortlist table derived from :data:`SPEC` and the SR28 table."""
    foods = load_food_table("sr28")
    portions = load_portions("sr28").set_index(["food_id", "seq"])
    rows = []
    seen = set()
    for food_id, group, seq, factor, extra in SPEC:
        if food_id in seen:
            raise ValueError(f"{food_id} listed twice")
        seen.add(food_id)
        if group not in GROUP_TAGS:
            raise ValueError(f"{food_id}: unknown group {group!r}")
        p = portions.loc[(food_id, seq)]
        f = float(Fraction(factor))
        amount = float(p["amount"]) * f
        tags = [t for t in (GROUP_TAGS[group] + ";" + extra).split(";") if t]
        rows.append(
            {
                "food_id": food_id,
                "description": foods.loc[food_id, "description"],
                "food_group": foods.loc[food_id, "food_group"],
                "group": group,
                "portion": f"{format_amount(amount)} {p['measure']}",
                "amount": amount,
                "measure": p["measure"],
                "portion_seq": seq,
                "factor": factor,
                "grams": round(float(p["grams"]) * f, 4),
                "tags": ";".join(sorted(set(tags))),
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)


def main(argv: list[str]) -> int:
    out = HERE / "shortlist.csv"
    text = build().to_csv(index=False, lineterminator="\n")
    if "--check" in argv:
        if not out.is_file() or out.read_text(encoding="utf-8") != text:
            print(f"{out} is stale: run python {Path(__file__).relative_to(ROOT)}")
            return 1
        print(f"{out} is up to date")
        return 0
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out} ({text.count(chr(10)) - 1} foods)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
