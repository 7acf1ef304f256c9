"""The nutrient catalog: one vocabulary for every stage of nutrigap.

Each nutrient has a stable key (``"magnesium"``, ``"vitamin_d"``, ...) that is
the column name wherever nutrient amounts appear (food table, diary, daily
totals, report), and exactly one canonical unit. Amounts are plain floats in
that unit; conversion to and from other units happens at the edges, with
:mod:`nutrigap.units`.

The twelve *tracked* nutrients are those most often tied to muscle twitches
(fasciculations); the four *context* quantities (energy, water, caffeine,
alcohol) feed the lifestyle signals of a report.

The muscle-and-nerve texts are written for a lay reader. They summarise the
National Institutes of Health Office of Dietary Supplements fact sheets and the
National Academies DRI reports listed in :mod:`nutrigap.reference`.

References
----------
.. [1] USDA ARS, *National Nutrient Database for Standard Reference, Release 28*
   (2016), file NUTR_DEF: nutrient numbers (``sr_number``).
.. [2] USDA ARS, *FoodData Central API Guide*: nutrient ids (``fdc_id``).
.. [3] NIH Office of Dietary Supplements, Health Professional Fact Sheets
   (magnesium, calcium, potassium, vitamin D, thiamin, riboflavin, niacin,
   pantothenic acid, vitamin B6, biotin, folate, vitamin B12).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType

import pandas as pd

from nutrigap.exceptions import UnknownNutrientError

__all__ = [
    "Nutrient",
    "NUTRIENTS",
    "TRACKED",
    "CONTEXT",
    "get_nutrient",
    "nutrient_table",
]


@dataclass(frozen=True)
class Nutrient:
    """One entry of the nutrient catalog.

    Attributes
    ----------
    key : str
        Stable identifier, used as a column name everywhere.
    name : str
        Human-readable name.
    unit : str
        Canonical unit (a pint-parsable string, e.g. ``"mg"``, ``"µg"``).
        Folate is in µg of dietary folate equivalents (DFE).
    sr_number : str
        USDA SR28 nutrient number (``NUTR_DEF.Nutr_No``); ``""`` if SR28 has
        no such nutrient.
    fdc_id : int
        FoodData Central nutrient id.
    kind : {"tracked", "context"}
        Tracked nutrients are assessed against DRIs; context quantities feed
        the lifestyle signals.
    role : str
        Its primary role in muscle and nerve function.
    sources : str
        Good food sources.
    deficiency : str
        Signs of deficiency.
    twitch : str
        How a shortfall (or excess, for context quantities) contributes to
        twitching.
    excess : str
        What too much (usually from supplements) risks.
    """

    key: str
    name: str
    unit: str
    sr_number: str
    fdc_id: int
    kind: str
    role: str = ""
    sources: str = ""
    deficiency: str = ""
    twitch: str = ""
    excess: str = ""
    unit_label: str = field(default="")

    @property
    def display_unit(self) -> str:
        """Unit as shown to people (``"µg DFE"`` for folate)."""
        return self.unit_label or self.unit


_CATALOG = [
    Nutrient(
        key="magnesium",
        name="Magnesium",
        unit="mg",
        sr_number="304",
        fdc_id=1090,
        kind="tracked",
        role=(
            "Lets muscles relax after they contract: it acts as the natural counterpart "
            "of calcium in muscle cells and calms nerve excitability."
        ),
        sources=(
            "Pumpkin seeds, almonds, cashews, spinach and other leafy greens, black beans, "
            "edamame, whole grains, peanut butter, dark chocolate."
        ),
        deficiency=(
            "Muscle cramps and twitches, tremor, fatigue, weakness, loss of appetite, "
            "nausea; severe lack causes numbness, tingling and abnormal heart rhythms."
        ),
        twitch=(
            "With too little magnesium, nerves fire more easily and calcium floods muscle "
            "cells, so muscles contract on their own: twitches, eyelid flutters and cramps."
        ),
        excess=(
            "From supplements or medicines: diarrhoea, nausea and abdominal cramps; very "
            "high doses cause low blood pressure and heart rhythm problems, especially with "
            "poor kidney function."
        ),
    ),
    Nutrient(
        key="calcium",
        name="Calcium",
        unit="mg",
        sr_number="301",
        fdc_id=1087,
        kind="tracked",
        role=(
            "Triggers every muscle contraction and the release of nerve signals; keeps "
            "bones strong, which buffer the calcium level in the blood."
        ),
        sources=(
            "Milk, yogurt and cheese, calcium-set tofu, fortified plant milks and juices, "
            "canned sardines and salmon with bones, kale, bok choy, broccoli."
        ),
        deficiency=(
            "Long-term: bone loss. When blood calcium falls: tingling around the mouth and "
            "fingers, muscle cramps and spasms."
        ),
        twitch=(
            "Low calcium in the blood makes nerve membranes unstable, so nerves fire "
            "spontaneously and muscles twitch or spasm."
        ),
        excess=(
            "Risk of kidney stones, constipation, and high blood calcium that can impair kidney "
            "function; mostly from supplements."
        ),
    ),
    Nutrient(
        key="potassium",
        name="Potassium",
        unit="mg",
        sr_number="306",
        fdc_id=1092,
        kind="tracked",
        role=(
            "Sets the electrical charge across muscle and nerve cells, which every nerve "
            "signal and muscle contraction relies on, the heart's included."
        ),
        sources=(
            "Potatoes and sweet potatoes, beans and lentils, bananas, spinach, avocado, "
            "tomatoes, yogurt, dried apricots, salmon."
        ),
        deficiency=(
            "Weakness, fatigue, muscle cramps, constipation; severe lack (usually from "
            "illness or diuretics, rarely from diet alone) causes heart rhythm problems."
        ),
        twitch=(
            "Too little potassium disturbs the resting charge of muscle cells, causing "
            "cramps, twitches and weakness."
        ),
        excess=(
            "Supplements can raise blood potassium to levels that cause dangerous heart "
            "arrhythmias, above all with kidney disease or some blood-pressure medicines."
        ),
    ),
    Nutrient(
        key="vitamin_d",
        name="Vitamin D",
        unit="µg",
        sr_number="328",
        fdc_id=1114,
        kind="tracked",
        role=(
            "Lets the gut absorb calcium and keeps blood calcium steady; supports muscle strength."
        ),
        sources=(
            "Sunlight on the skin is a primary source. Few foods are rich in it: fatty fish "
            "(salmon, trout, sardines), fortified milk and plant milks, egg yolks, "
            "UV-exposed mushrooms."
        ),
        deficiency=(
            "Bone pain, muscle aches and weakness; in children rickets, in adults osteomalacia."
        ),
        twitch=(
            "Without enough vitamin D little calcium is absorbed; low blood calcium then "
            "makes nerves irritable and muscles twitch or cramp."
        ),
        excess=(
            "Too much from supplements raises calcium absorption beyond need: high blood "
            "calcium, nausea, weakness, kidney stones and, at very high doses, toxicity "
            "harming kidneys and heart."
        ),
    ),
    Nutrient(
        key="thiamin",
        name="Thiamin (B1)",
        unit="mg",
        sr_number="404",
        fdc_id=1165,
        kind="tracked",
        role=("Turns glucose into energy for nerves and muscles and helps conduct nerve signals."),
        sources=(
            "Pork, whole and enriched grains, fortified cereals, legumes, sunflower seeds, trout."
        ),
        deficiency=(
            "Fatigue, irritability, poor memory; severe lack (beriberi) causes nerve damage "
            "with tingling, muscle weakness and wasting."
        ),
        twitch=(
            "Nerves starved of energy misfire: tingling, cramps and twitches can be early "
            "signs, especially with heavy alcohol use, which depletes thiamin."
        ),
        excess="No harm is known from food or supplements; no upper limit is set.",
    ),
    Nutrient(
        key="riboflavin",
        name="Riboflavin (B2)",
        unit="mg",
        sr_number="405",
        fdc_id=1166,
        kind="tracked",
        role="Helps cells, including muscle and nerve cells, produce energy.",
        sources="Milk and yogurt, eggs, lean meats, mushrooms, almonds, fortified cereals.",
        deficiency=(
            "Cracks at the corners of the mouth, sore throat, swollen tongue, skin problems."
        ),
        twitch=(
            "A shortfall lowers the energy supply of nerves and muscles and impairs the use "
            "of vitamin B6; it is rarely a cause of twitches on its own."
        ),
        excess="No harm is known from food or supplements; no upper limit is set.",
    ),
    Nutrient(
        key="niacin",
        name="Niacin (B3)",
        unit="mg",
        sr_number="406",
        fdc_id=1167,
        kind="tracked",
        role="Needed by over 400 enzymes that make energy in muscle and nerve cells.",
        sources="Poultry, fish, meat, peanuts, whole and enriched grains, fortified cereals.",
        deficiency=("Severe lack (pellagra) causes a sun-sensitive rash, diarrhoea and confusion."),
        twitch=(
            "Severe deficiency affects the nervous system; mild shortfalls rarely cause "
            "twitches by themselves."
        ),
        excess=(
            "Supplements (nicotinic acid) cause flushing, itching and stomach upset; very "
            "high doses can damage the liver."
        ),
    ),
    Nutrient(
        key="pantothenic_acid",
        name="Pantothenic acid (B5)",
        unit="mg",
        sr_number="410",
        fdc_id=1170,
        kind="tracked",
        role=(
            "Part of coenzyme A, which muscles use to burn fat and carbohydrate and nerves "
            "use to make the signal molecule acetylcholine."
        ),
        sources="Meat, liver, eggs, mushrooms, avocado, sunflower seeds, whole grains, milk.",
        deficiency=(
            "Very rare: numbness and burning of the feet, fatigue, irritability, muscle cramps."
        ),
        twitch=(
            "Little acetylcholine and energy for nerves can cause burning, numbness and "
            "cramps; isolated deficiency is very rare."
        ),
        excess="Very large doses may cause diarrhoea; no upper limit is set.",
    ),
    Nutrient(
        key="vitamin_b6",
        name="Vitamin B6",
        unit="mg",
        sr_number="415",
        fdc_id=1175,
        kind="tracked",
        role=(
            "Makes the nerve-signal chemicals (neurotransmitters) and helps keep nerve "
            "insulation (myelin) healthy."
        ),
        sources=(
            "Chickpeas, fish such as tuna and salmon, poultry, potatoes, bananas, fortified "
            "cereals."
        ),
        deficiency=(
            "Tingling and numbness, confusion, depression, cracked lips, a sore tongue, anaemia."
        ),
        twitch=(
            "Too little B6 upsets the balance of nerve-signal chemicals and can damage "
            "nerves, causing tingling and twitching."
        ),
        excess=(
            "Long-term high-dose supplements cause nerve damage (sensory neuropathy): "
            "numbness and pain in hands and feet, and loss of coordination."
        ),
    ),
    Nutrient(
        key="biotin",
        name="Biotin (B7)",
        unit="µg",
        sr_number="",
        fdc_id=1176,
        kind="tracked",
        role="Helps turn fat, carbohydrate and protein into energy for nerves and muscles.",
        sources="Eggs (cooked), liver, salmon, pork, sunflower seeds, sweet potatoes, almonds.",
        deficiency=(
            "Rare: thinning hair, a scaly red rash around the eyes, nose and mouth, "
            "depression, tingling in the arms and legs."
        ),
        twitch=(
            "Severe deficiency can cause tingling and nerve symptoms; diet alone rarely "
            "causes it. Food tables seldom list biotin, so it can rarely be judged from a "
            "diary."
        ),
        excess=(
            "No harm is known, but high-dose supplements distort many blood tests "
            "(including thyroid and heart tests); no upper limit is set."
        ),
    ),
    Nutrient(
        key="folate",
        name="Folate",
        unit="µg",
        sr_number="435",
        fdc_id=1190,
        kind="tracked",
        role=(
            "Needed to make DNA and red blood cells and, with vitamin B12, to keep nerves healthy."
        ),
        sources=(
            "Leafy greens (spinach), asparagus, Brussels sprouts, lentils, chickpeas and "
            "beans, avocado, enriched bread, pasta and cereals."
        ),
        deficiency=(
            "Tiredness and weakness from anaemia, a sore tongue, irritability; in pregnancy "
            "it raises the risk of neural-tube defects."
        ),
        twitch=(
            "A shortfall affects nerve health and, through anaemia, delivers less oxygen to "
            "muscles, which can add to weakness and twitches."
        ),
        excess=(
            "High intakes of synthetic folic acid can mask vitamin B12 deficiency by "
            "correcting the anaemia while nerve damage progresses."
        ),
        unit_label="µg DFE",
    ),
    Nutrient(
        key="vitamin_b12",
        name="Vitamin B12",
        unit="µg",
        sr_number="418",
        fdc_id=1178,
        kind="tracked",
        role=(
            "Keeps nerves healthy by maintaining their insulating sheath (myelin) and is "
            "needed to make red blood cells."
        ),
        sources=(
            "Only animal foods or fortified foods: clams, fish, meat, eggs, milk and "
            "yogurt, fortified cereals and plant milks, nutritional yeast."
        ),
        deficiency=(
            "Fatigue and anaemia, numbness and tingling in hands and feet, balance "
            "problems, memory trouble; common in vegans, older adults and people on "
            "metformin or acid-reducing drugs."
        ),
        twitch=(
            "Damage to nerve insulation makes nerves misfire, causing tingling, twitches "
            "and, if untreated, lasting nerve damage."
        ),
        excess="No harm is known from food or supplements; no upper limit is set.",
    ),
    Nutrient(
        key="energy",
        name="Energy",
        unit="kcal",
        sr_number="208",
        fdc_id=1008,
        kind="context",
        role="Fuel for all body functions.",
    ),
    Nutrient(
        key="water",
        name="Water",
        unit="g",
        sr_number="255",
        fdc_id=1051,
        kind="context",
        role=("Keeps the balance of salts (electrolytes) that muscles and nerves need to signal."),
        sources="Drinks of all kinds, fruit, vegetables, soups.",
        twitch=(
            "Dehydration, especially after sweating, upsets electrolytes and makes cramps "
            "and twitches more likely."
        ),
    ),
    Nutrient(
        key="caffeine",
        name="Caffeine",
        unit="mg",
        sr_number="262",
        fdc_id=1057,
        kind="context",
        role="A stimulant of the nervous system.",
        sources="Coffee, tea, cola, energy drinks, chocolate.",
        twitch=(
            "Caffeine makes nerves more excitable; high intakes are a common trigger of "
            "benign twitches such as eyelid flutter."
        ),
        excess=(
            "Above about 400 mg a day (200 mg in pregnancy): jitteriness, poor sleep, fast "
            "heartbeat, twitches."
        ),
    ),
    Nutrient(
        key="alcohol",
        name="Alcohol",
        unit="g",
        sr_number="221",
        fdc_id=1018,
        kind="context",
        role="Not a nutrient the body needs.",
        sources="Beer, wine, spirits.",
        twitch=(
            "Alcohol dehydrates, depletes magnesium and thiamin and disturbs sleep; "
            "withdrawal after heavy drinking causes tremor and twitches."
        ),
        excess=(
            "Health guidance advises at most one standard drink (14 g) a day for women and "
            "two for men, and none in pregnancy."
        ),
    ),
]

#: Read-only mapping from nutrient key to :class:`Nutrient`, in report order.
NUTRIENTS: MappingProxyType[str, Nutrient] = MappingProxyType({n.key: n for n in _CATALOG})

#: Keys of the twelve nutrients assessed against Dietary Reference Intakes.
TRACKED: tuple[str, ...] = tuple(n.key for n in _CATALOG if n.kind == "tracked")

#: Keys of the context quantities (energy, water, caffeine, alcohol).
CONTEXT: tuple[str, ...] = tuple(n.key for n in _CATALOG if n.kind == "context")


def get_nutrient(key: str) -> Nutrient:
    """Return the catalog entry for ``key``.

    Parameters
    ----------
    key : str
        A nutrient key such as ``"magnesium"``.

    Returns
    -------
    Nutrient

    Raises
    ------
    UnknownNutrientError
        If ``key`` is not in the catalog; the message lists the known keys.
    """
    try:
        return NUTRIENTS[key]
    except (KeyError, TypeError):
        raise UnknownNutrientError(
            f"unknown nutrient {key!r}; known nutrients: {', '.join(NUTRIENTS)}"
        ) from None


def nutrient_table() -> pd.DataFrame:
    """Return the catalog as a DataFrame indexed by nutrient key.

    Returns
    -------
    pandas.DataFrame
        Columns ``name``, ``unit``, ``display_unit``, ``sr_number``, ``fdc_id``,
        ``kind``, ``role``, ``sources``, ``deficiency``, ``twitch``, ``excess``.
    """
    rows = [
        {
            "key": n.key,
            "name": n.name,
            "unit": n.unit,
            "display_unit": n.display_unit,
            "sr_number": n.sr_number,
            "fdc_id": n.fdc_id,
            "kind": n.kind,
            "role": n.role,
            "sources": n.sources,
            "deficiency": n.deficiency,
            "twitch": n.twitch,
            "excess": n.excess,
        }
        for n in _CATALOG
    ]
    return pd.DataFrame(rows).set_index("key")
