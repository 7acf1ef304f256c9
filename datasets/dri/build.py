"""Write ``dri.csv``: Dietary Reference Intakes for nutrigap's nutrients, one row per
life-stage group x nutrient.

The numbers below are typed from the National Academies' DRI reports (see README.md for the
full references); each nutrient block names the report, chapter and table it comes from.
Run ``python datasets/dri/build.py`` to rewrite the CSV, ``--check`` to verify that the
committed CSV matches this script (the tests do the same).

Life-stage groups, in the reports' order (22 columns of every row below)::

    0-6 mo, 7-12 mo, 1-3 y, 4-8 y,
    males 9-13, 14-18, 19-30, 31-50, 51-70, >70,
    females 9-13, 14-18, 19-30, 31-50, 51-70, >70,
    pregnancy 14-18, 19-30, 31-50, lactation 14-18, 19-30, 31-50
"""

from __future__ import annotations

import csv
import io
import math
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "dri.csv"

# code, label, sex, condition, age_min (years, inclusive), age_max (years, exclusive)
GROUPS: list[tuple[str, str, str, str, float, float]] = [
    ("infant_0_6mo", "Infants 0–6 months", "any", "none", 0.0, 0.5),
    ("infant_7_12mo", "Infants 7–12 months", "any", "none", 0.5, 1.0),
    ("child_1_3", "Children 1–3 years", "any", "none", 1.0, 4.0),
    ("child_4_8", "Children 4–8 years", "any", "none", 4.0, 9.0),
]
for _sex, _word in (("male", "Males"), ("female", "Females")):
    for _lo, _hi, _txt in (
        (9, 14, "9–13 years"),
        (14, 19, "14–18 years"),
        (19, 31, "19–30 years"),
        (31, 51, "31–50 years"),
        (51, 71, "51–70 years"),
        (71, 130, "over 70 years"),
    ):
        _code = f"{_sex}_{_lo}_{_hi - 1}" if _hi < 130 else f"{_sex}_71_plus"
        GROUPS.append((_code, f"{_word} {_txt}", _sex, "none", float(_lo), float(_hi)))
for _cond, _word in (("pregnant", "Pregnancy"), ("lactating", "Lactation")):
    for _lo, _hi, _txt in (
        (14, 19, "14–18 years"),
        (19, 31, "19–30 years"),
        (31, 51, "31–50 years"),
    ):
        GROUPS.append(
            (f"{_cond}_{_lo}_{_hi - 1}", f"{_word} {_txt}", "female", _cond, float(_lo), float(_hi))
        )
assert len(GROUPS) == 22

_ = None  # not set for this group


def row(infants: tuple, children: tuple, males: tuple, females: tuple, preg: tuple, lact: tuple):
    """Assemble one value per group (2 infant, 2 child, 6 male, 6 female, 3 + 3)."""
    vals = (*infants, *children, *males, *females, *preg, *lact)
    assert len(vals) == 22, len(vals)
    return vals


def same(v, n):
    return (v,) * n


ND = "ND"  # UL not determinable (infants)

# Each entry: unit, ul_unit, ai, ear, rda, ul, ul_scope_when_set, ear_cv, note, source.
# ear_cv "implied" = (RDA - EAR) / (2 * EAR) for the group (see README).
NUTRIENTS: dict[str, dict] = {}

# --- Magnesium: IOM 1997 (Ca, P, Mg, vitamin D, F), ch. 6; NASEM DRI summary tables -----
NUTRIENTS["magnesium"] = dict(
    unit="mg",
    ul_unit="mg",
    ai=row((30, 75), (_, _), same(_, 6), same(_, 6), same(_, 3), same(_, 3)),
    ear=row(
        (_, _),
        (65, 110),
        (200, 340, 330, 350, 350, 350),
        (200, 300, 255, 265, 265, 265),
        (335, 290, 300),
        (300, 255, 265),
    ),
    rda=row(
        (_, _),
        (80, 130),
        (240, 410, 400, 420, 420, 420),
        (240, 360, 310, 320, 320, 320),
        (400, 350, 360),
        (360, 310, 320),
    ),
    ul=row((ND, ND), (65, 110), same(350, 6), same(350, 6), same(350, 3), same(350, 3)),
    ul_scope="supplements and medicines only",
    ear_cv=0.10,
    note=(
        "UL applies to magnesium from supplements and medicines (pharmacological agents) only, "
        "not to magnesium in food and water."
    ),
    source=(
        "IOM 1997, DRI for Calcium, Phosphorus, Magnesium, Vitamin D, and Fluoride, ch. 6 "
        "(magnesium: EAR, RDA, AI, UL; CV of requirement 10%); NASEM DRI summary tables"
    ),
)

# --- Calcium: IOM 2011 (calcium and vitamin D), Table S-1 and ch. 5-6 -----------------
NUTRIENTS["calcium"] = dict(
    unit="mg",
    ul_unit="mg",
    ai=row((200, 260), (_, _), same(_, 6), same(_, 6), same(_, 3), same(_, 3)),
    ear=row(
        (_, _),
        (500, 800),
        (1100, 1100, 800, 800, 800, 1000),
        (1100, 1100, 800, 800, 1000, 1000),
        (1100, 800, 800),
        (1100, 800, 800),
    ),
    rda=row(
        (_, _),
        (700, 1000),
        (1300, 1300, 1000, 1000, 1000, 1200),
        (1300, 1300, 1000, 1000, 1200, 1200),
        (1300, 1000, 1000),
        (1300, 1000, 1000),
    ),
    ul=row(
        (1000, 1500),
        (2500, 2500),
        (3000, 3000, 2500, 2500, 2000, 2000),
        (3000, 3000, 2500, 2500, 2000, 2000),
        (3000, 2500, 2500),
        (3000, 2500, 2500),
    ),
    ul_scope="all sources",
    ear_cv="implied",
    note=(
        "No CV of requirement is published; SD of requirement taken as (RDA - EAR) / 2, since "
        "the RDA covers 97.5% of the group. Pregnant/lactating 14-18 y EAR is 1,100 mg (IOM "
        "2011 ch. 5, p. 362); some printings of the summary EAR table show 1,000."
    ),
    source="IOM 2011, DRI for Calcium and Vitamin D, Table S-1 (ch. 5 EAR/RDA/AI, ch. 6 UL)",
)

# --- Vitamin D: IOM 2011, Table S-2; µg (40 IU = 1 µg) ---------------------------------
NUTRIENTS["vitamin_d"] = dict(
    unit="µg",
    ul_unit="µg",
    ai=row((10, 10), (_, _), same(_, 6), same(_, 6), same(_, 3), same(_, 3)),
    ear=row((_, _), (10, 10), same(10, 6), same(10, 6), same(10, 3), same(10, 3)),
    rda=row(
        (_, _),
        (15, 15),
        (15, 15, 15, 15, 15, 20),
        (15, 15, 15, 15, 15, 20),
        same(15, 3),
        same(15, 3),
    ),
    ul=row((25, 37.5), (62.5, 75), same(100, 6), same(100, 6), same(100, 3), same(100, 3)),
    ul_scope="all sources",
    ear_cv="implied",
    note=(
        "Assumes minimal sun exposure. IU values are primary in the report (AI 400 IU, EAR 400, "
        "RDA 600/800, UL 1,000/1,500/2,500/3,000/4,000 IU); µg = IU / 40, so the infant 7-12 mo "
        "and child 1-3 y ULs are 37.5 and 62.5 µg (summary tables round to 38 and 63). SD of "
        "requirement taken as (RDA - EAR) / 2."
    ),
    source="IOM 2011, DRI for Calcium and Vitamin D, Table S-2 (ch. 5 EAR/RDA/AI, ch. 6 UL)",
)

# --- Potassium: NASEM 2019 (sodium and potassium), Table S-1: AIs only, no UL --------
NUTRIENTS["potassium"] = dict(
    unit="mg",
    ul_unit="mg",
    ai=row(
        (400, 860),
        (2000, 2300),
        (2500, 3000, 3400, 3400, 3400, 3400),
        (2300, 2300, 2600, 2600, 2600, 2600),
        (2600, 2900, 2900),
        (2500, 2800, 2800),
    ),
    ear=row((_, _), (_, _), same(_, 6), same(_, 6), same(_, 3), same(_, 3)),
    rda=row((_, _), (_, _), same(_, 6), same(_, 6), same(_, 3), same(_, 3)),
    ul=row((_, _), (_, _), same(_, 6), same(_, 6), same(_, 3), same(_, 3)),
    ul_scope="none established",
    ear_cv=None,
    note=(
        "AIs only (no EAR/RDA since 2019). No UL: not determined for lack of a toxicological "
        "indicator specific to excess dietary potassium; AIs do not apply to people with "
        "impaired potassium excretion (kidney disease, some medicines)."
    ),
    source="NASEM 2019, DRI for Sodium and Potassium, Table S-1 (ch. 4)",
)

_b_src = "IOM 1998, DRI for Thiamin, Riboflavin, Niacin, Vitamin B6, Folate, Vitamin B12, Pantothenic Acid, Biotin, and Choline"
_none = row((_, _), (_, _), same(_, 6), same(_, 6), same(_, 3), same(_, 3))

NUTRIENTS["thiamin"] = dict(
    unit="mg",
    ul_unit="mg",
    ai=row((0.2, 0.3), (_, _), same(_, 6), same(_, 6), same(_, 3), same(_, 3)),
    ear=row(
        (_, _),
        (0.4, 0.5),
        (0.7, 1.0, 1.0, 1.0, 1.0, 1.0),
        (0.7, 0.9, 0.9, 0.9, 0.9, 0.9),
        same(1.2, 3),
        same(1.2, 3),
    ),
    rda=row(
        (_, _),
        (0.5, 0.6),
        (0.9, 1.2, 1.2, 1.2, 1.2, 1.2),
        (0.9, 1.0, 1.1, 1.1, 1.1, 1.1),
        same(1.4, 3),
        same(1.4, 3),
    ),
    ul=_none,
    ul_scope="none established",
    ear_cv=0.10,
    note="No UL: no adverse effects of thiamin from food or supplements have been established.",
    source=f"{_b_src}, ch. 4 (CV of requirement 10%); NASEM DRI summary tables",
)

NUTRIENTS["riboflavin"] = dict(
    unit="mg",
    ul_unit="mg",
    ai=row((0.3, 0.4), (_, _), same(_, 6), same(_, 6), same(_, 3), same(_, 3)),
    ear=row(
        (_, _),
        (0.4, 0.5),
        (0.8, 1.1, 1.1, 1.1, 1.1, 1.1),
        (0.8, 0.9, 0.9, 0.9, 0.9, 0.9),
        same(1.2, 3),
        same(1.3, 3),
    ),
    rda=row(
        (_, _),
        (0.5, 0.6),
        (0.9, 1.3, 1.3, 1.3, 1.3, 1.3),
        (0.9, 1.0, 1.1, 1.1, 1.1, 1.1),
        same(1.4, 3),
        same(1.6, 3),
    ),
    ul=_none,
    ul_scope="none established",
    ear_cv=0.10,
    note="No UL: no adverse effects of riboflavin from food or supplements have been established.",
    source=f"{_b_src}, ch. 5 (CV of requirement 10%); NASEM DRI summary tables",
)

NUTRIENTS["niacin"] = dict(
    unit="mg",
    ul_unit="mg",
    ai=row((2, 4), (_, _), same(_, 6), same(_, 6), same(_, 3), same(_, 3)),
    ear=row(
        (_, _),
        (5, 6),
        (9, 12, 12, 12, 12, 12),
        (9, 11, 11, 11, 11, 11),
        same(14, 3),
        same(13, 3),
    ),
    rda=row(
        (_, _),
        (6, 8),
        (12, 16, 16, 16, 16, 16),
        (12, 14, 14, 14, 14, 14),
        same(18, 3),
        same(17, 3),
    ),
    ul=row(
        (ND, ND),
        (10, 15),
        (20, 30, 35, 35, 35, 35),
        (20, 30, 35, 35, 35, 35),
        (30, 35, 35),
        (30, 35, 35),
    ),
    ul_scope="synthetic forms only",
    ear_cv=0.15,
    note=(
        "EAR/RDA/AI in mg niacin equivalents (NE; 1 mg NE = 1 mg niacin = 60 mg tryptophan), "
        "except the 0-6 mo AI (2 mg preformed niacin). UL in mg niacin, applies to niacin from "
        "supplements, fortified foods or both (flushing), not to niacin naturally in food."
    ),
    source=f"{_b_src}, ch. 6 (CV of requirement 15%); NASEM DRI summary tables",
)

NUTRIENTS["pantothenic_acid"] = dict(
    unit="mg",
    ul_unit="mg",
    ai=row(
        (1.7, 1.8),
        (2, 3),
        (4, 5, 5, 5, 5, 5),
        (4, 5, 5, 5, 5, 5),
        same(6, 3),
        same(7, 3),
    ),
    ear=_none,
    rda=_none,
    ul=_none,
    ul_scope="none established",
    ear_cv=None,
    note="AIs only. No UL: no adverse effects of pantothenic acid have been established.",
    source=f"{_b_src}, ch. 10; NASEM DRI summary tables",
)

NUTRIENTS["vitamin_b6"] = dict(
    unit="mg",
    ul_unit="mg",
    ai=row((0.1, 0.3), (_, _), same(_, 6), same(_, 6), same(_, 3), same(_, 3)),
    ear=row(
        (_, _),
        (0.4, 0.5),
        (0.8, 1.1, 1.1, 1.1, 1.4, 1.4),
        (0.8, 1.0, 1.1, 1.1, 1.3, 1.3),
        same(1.6, 3),
        same(1.7, 3),
    ),
    rda=row(
        (_, _),
        (0.5, 0.6),
        (1.0, 1.3, 1.3, 1.3, 1.7, 1.7),
        (1.0, 1.2, 1.3, 1.3, 1.5, 1.5),
        same(1.9, 3),
        same(2.0, 3),
    ),
    ul=row(
        (ND, ND),
        (30, 40),
        (60, 80, 100, 100, 100, 100),
        (60, 80, 100, 100, 100, 100),
        (80, 100, 100),
        (80, 100, 100),
    ),
    ul_scope="all sources",
    ear_cv=0.10,
    note="UL (sensory neuropathy) applies to total intake from food and supplements, as pyridoxine.",
    source=f"{_b_src}, ch. 7 (CV of requirement 10%); NASEM DRI summary tables",
)

NUTRIENTS["biotin"] = dict(
    unit="µg",
    ul_unit="µg",
    ai=row(
        (5, 6),
        (8, 12),
        (20, 25, 30, 30, 30, 30),
        (20, 25, 30, 30, 30, 30),
        same(30, 3),
        same(35, 3),
    ),
    ear=_none,
    rda=_none,
    ul=_none,
    ul_scope="none established",
    ear_cv=None,
    note="AIs only. No UL: no adverse effects of biotin have been established.",
    source=f"{_b_src}, ch. 11; NASEM DRI summary tables",
)

NUTRIENTS["folate"] = dict(
    unit="µg DFE",
    ul_unit="µg",
    ai=row((65, 80), (_, _), same(_, 6), same(_, 6), same(_, 3), same(_, 3)),
    ear=row(
        (_, _),
        (120, 160),
        (250, 320, 320, 320, 320, 320),
        (250, 320, 320, 320, 320, 320),
        same(520, 3),
        same(450, 3),
    ),
    rda=row(
        (_, _),
        (150, 200),
        (300, 400, 400, 400, 400, 400),
        (300, 400, 400, 400, 400, 400),
        same(600, 3),
        same(500, 3),
    ),
    ul=row(
        (ND, ND),
        (300, 400),
        (600, 800, 1000, 1000, 1000, 1000),
        (600, 800, 1000, 1000, 1000, 1000),
        (800, 1000, 1000),
        (800, 1000, 1000),
    ),
    ul_scope="synthetic forms only",
    ear_cv=0.10,
    note=(
        "EAR/RDA/AI in µg dietary folate equivalents (DFE = food folate + 1.7 x folic acid). "
        "UL in µg of folic acid from supplements and fortified foods (masking of B12 "
        "deficiency), not DFE and not food folate."
    ),
    source=f"{_b_src}, ch. 8 (CV of requirement 10%); NASEM DRI summary tables",
)

NUTRIENTS["vitamin_b12"] = dict(
    unit="µg",
    ul_unit="µg",
    ai=row((0.4, 0.5), (_, _), same(_, 6), same(_, 6), same(_, 3), same(_, 3)),
    ear=row(
        (_, _),
        (0.7, 1.0),
        (1.5, 2.0, 2.0, 2.0, 2.0, 2.0),
        (1.5, 2.0, 2.0, 2.0, 2.0, 2.0),
        same(2.2, 3),
        same(2.4, 3),
    ),
    rda=row(
        (_, _),
        (0.9, 1.2),
        (1.8, 2.4, 2.4, 2.4, 2.4, 2.4),
        (1.8, 2.4, 2.4, 2.4, 2.4, 2.4),
        same(2.6, 3),
        same(2.8, 3),
    ),
    ul=_none,
    ul_scope="none established",
    ear_cv=0.10,
    note=(
        "No UL: no adverse effects of excess B12 from food or supplements have been established. "
        "People over 50 are advised to meet the RDA mainly from fortified foods or supplements."
    ),
    source=f"{_b_src}, ch. 9 (CV of requirement 10%); NASEM DRI summary tables",
)

# --- Total water: IOM 2005 (water, potassium, sodium, chloride, sulfate), ch. 4 --------
# AIs in litres per day x 1000 = g/day (1 L of water = 1 kg). Total water = drinking water,
# beverages and the water in food.
NUTRIENTS["water"] = dict(
    unit="g",
    ul_unit="g",
    ai=row(
        (700, 800),
        (1300, 1700),
        (2400, 3300, 3700, 3700, 3700, 3700),
        (2100, 2300, 2700, 2700, 2700, 2700),
        same(3000, 3),
        same(3800, 3),
    ),
    ear=_none,
    rda=_none,
    ul=_none,
    ul_scope="none established",
    ear_cv=None,
    note=(
        "AI for total water (drinks plus water in food), 1 L = 1,000 g. Needs rise with heat "
        "and physical activity. No UL."
    ),
    source=(
        "IOM 2005, DRI for Water, Potassium, Sodium, Chloride, and Sulfate, ch. 4; NASEM DRI "
        "summary table 'Total Water and Macronutrients'"
    ),
)

COLUMNS = [
    "life_stage",
    "label",
    "sex",
    "condition",
    "age_min",
    "age_max",
    "nutrient",
    "unit",
    "ear",
    "rda",
    "ai",
    "ear_cv",
    "ul",
    "ul_unit",
    "ul_scope",
    "note",
    "source",
]


def _fmt(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def rows() -> list[dict[str, str]]:
    out = []
    for i, (code, label, sex, cond, lo, hi) in enumerate(GROUPS):
        for key, spec in NUTRIENTS.items():
            ear, rda, ai, ul = spec["ear"][i], spec["rda"][i], spec["ai"][i], spec["ul"][i]
            # exactly one of (EAR + RDA) or AI per group
            assert (ear is None) == (rda is None), (key, code)
            assert (ear is None) != (ai is None), (key, code)
            if ul == ND:
                ul, scope = None, "not determinable"
            elif ul is None:
                scope = spec["ul_scope"] if spec["ul_scope"] == "none established" else "?"
                assert scope == "none established", (key, code)
            else:
                scope = spec["ul_scope"]
            cv = spec["ear_cv"] if ear is not None else None
            if cv == "implied":
                cv = round((rda - ear) / (2 * ear), 4)
            out.append(
                {
                    "life_stage": code,
                    "label": label,
                    "sex": sex,
                    "condition": cond,
                    "age_min": _fmt(lo),
                    "age_max": _fmt(hi) if math.isfinite(hi) else "",
                    "nutrient": key,
                    "unit": spec["unit"],
                    "ear": _fmt(ear),
                    "rda": _fmt(rda),
                    "ai": _fmt(ai),
                    "ear_cv": _fmt(cv),
                    "ul": _fmt(ul),
                    "ul_unit": spec["ul_unit"] if ul is not None else "",
                    "ul_scope": scope,
                    "note": spec["note"],
                    "source": spec["source"],
                }
            )
    return out


def render() -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows())
    return buf.getvalue()


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT} is out of date; run python {Path(__file__).name}", file=sys.stderr)
            return 1
        print(f"{OUT} is up to date")
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({text.count(chr(10)) - 1} rows)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
