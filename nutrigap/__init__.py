"""nutrigap: find the twitch-related nutrients a food diary is short of.

Read a diary (CSV, Cronometer, MyFitnessPal or free text), match its foods to
the bundled USDA table, compare intakes with the Dietary Reference Intakes by
the National Academies' method for individuals, and report what is short, what
is over a tolerable upper intake, and which foods close the gaps.

nutrigap informs; it does not diagnose.

The public names below are imported lazily, so ``import nutrigap`` stays fast
and a CLI call pays only for what it uses.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS: dict[str, str] = {
    # catalog and units
    "NUTRIENTS": "nutrigap.nutrients",
    "TRACKED": "nutrigap.nutrients",
    "CONTEXT": "nutrigap.nutrients",
    "Nutrient": "nutrigap.nutrients",
    "get_nutrient": "nutrigap.nutrients",
    "nutrient_table": "nutrigap.nutrients",
    "ureg": "nutrigap.units",
    "Q_": "nutrigap.units",
    # bundled data
    "load_food_table": "nutrigap.data",
    "load_portions": "nutrigap.data",
    # reference intakes and assessment
    "Profile": "nutrigap.reference",
    "reference_intakes": "nutrigap.reference",
    "load_dri_table": "nutrigap.reference",
    "assess_intake": "nutrigap.assess",
    "assess_intakes": "nutrigap.assess",
    "assess_matrix": "nutrigap.assess",
    "percent_of_target": "nutrigap.assess",
    # diary import
    "read_diary": "nutrigap.io",
    "read_diaries": "nutrigap.io",
    "read_csv_diary": "nutrigap.io",
    "read_cronometer": "nutrigap.io",
    "read_myfitnesspal": "nutrigap.io",
    "read_text_diary": "nutrigap.io",
    "parse_entry": "nutrigap.io",
    # matching and portions
    "match_foods": "nutrigap.foods",
    "match_report": "nutrigap.foods",
    # analysis and report
    "analyze": "nutrigap.analysis",
    "analyze_many": "nutrigap.batch",
    "Report": "nutrigap.report",
    "suggest": "nutrigap.suggestions",
    # live USDA FoodData Central
    "FDCClient": "nutrigap.fdc",
    # exceptions
    "NutrigapError": "nutrigap.exceptions",
    "DiaryFormatError": "nutrigap.exceptions",
    "UnknownUnitError": "nutrigap.exceptions",
    "UnknownNutrientError": "nutrigap.exceptions",
    "ProfileError": "nutrigap.exceptions",
    "FoodTableError": "nutrigap.exceptions",
    "MatchError": "nutrigap.exceptions",
    "FDCError": "nutrigap.exceptions",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'nutrigap' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
