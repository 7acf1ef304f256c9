"""Units: one pint registry for the package, used at the edges only.

nutrigap keeps nutrient amounts as floats in one canonical unit per nutrient
(:mod:`nutrigap.nutrients`). Pint converts at the boundaries: when a reader
meets a header such as ``Vitamin D (IU)``, when a diary line says ``4.8 oz``,
and when a report displays a quantity. Conversions are resolved once per
distinct unit string (:func:`conversion_factor` is cached), never per row.

The registry adds:

* household measures as USDA uses them: ``cup``, ``tbsp``, ``tsp``, ``fl_oz``
  (US customary; pint's definitions), plus spellings such as ``tablespoon``,
  ``Tbs``, ``c``;
* ``IU`` (international unit) as its own dimension, convertible to mass only
  inside the ``vitamin_d`` context, where 40 IU = 1 µg [1]_. IU is not a mass
  for any other nutrient, so ``Q_(1, "IU").to("µg")`` outside the context
  raises.

References
----------
.. [1] Institute of Medicine (2011), *Dietary Reference Intakes for Calcium and
   Vitamin D*, National Academies Press: 1 µg vitamin D = 40 IU.
"""

from __future__ import annotations

import functools
import re

import pint

from nutrigap.exceptions import UnknownUnitError

__all__ = [
    "ureg",
    "Q_",
    "IU_PER_UG_VITAMIN_D",
    "parse_unit",
    "conversion_factor",
    "unit_kind",
]

#: International units of vitamin D per microgram (IOM 2011).
IU_PER_UG_VITAMIN_D = 40.0


def _make_registry() -> pint.UnitRegistry:
    # pint caches its parsed default definitions in the user cache folder
    # (cache_folder=":auto:"), which makes building the registry about five times
    # faster after the first run; fall back to no cache where that folder is not
    # writable.
    try:
        return pint.UnitRegistry(autoconvert_offset_to_baseunit=True, cache_folder=":auto:")
    except OSError:  # pragma: no cover - read-only home
        return pint.UnitRegistry(autoconvert_offset_to_baseunit=True)


ureg = _make_registry()
ureg.define("international_unit = [biological_activity] = IU = iu")
ureg.define("fl_oz = fluid_ounce")
ureg.define("tbs = tablespoon = Tbs = tbl")
ureg.define("mcg_dfe = microgram")

_vitd = pint.Context("vitamin_d")
_vitd.add_transformation(
    "[biological_activity]",
    "[mass]",
    lambda reg, x: x.magnitude / IU_PER_UG_VITAMIN_D * reg.microgram,
)
_vitd.add_transformation(
    "[mass]",
    "[biological_activity]",
    lambda reg, x: x.to(reg.microgram).magnitude * IU_PER_UG_VITAMIN_D * reg.international_unit,
)
ureg.add_context(_vitd)

Q_ = ureg.Quantity

# Spellings seen in diaries and exports that pint does not know, mapped to
# pint unit names. Keys are lower-case with trailing dots removed.
_ALIASES = {
    "c": "cup",
    "cups": "cup",
    "tbsp": "tablespoon",
    "tbsps": "tablespoon",
    "tbs": "tablespoon",
    "tblsp": "tablespoon",
    "tbl": "tablespoon",
    "tablespoons": "tablespoon",
    "tsp": "teaspoon",
    "tsps": "teaspoon",
    "teaspoons": "teaspoon",
    "fl oz": "fluid_ounce",
    "fl. oz": "fluid_ounce",
    "floz": "fluid_ounce",
    "fluid ounce": "fluid_ounce",
    "fluid ounces": "fluid_ounce",
    "ounce": "ounce",
    "ounces": "ounce",
    "oz": "ounce",
    "lb": "pound",
    "lbs": "pound",
    "pounds": "pound",
    "g": "gram",
    "gr": "gram",
    "grams": "gram",
    "gram": "gram",
    "kg": "kilogram",
    "kgs": "kilogram",
    "kilograms": "kilogram",
    "mg": "milligram",
    "milligrams": "milligram",
    "µg": "microgram",
    "μg": "microgram",
    "ug": "microgram",
    "mcg": "microgram",
    "micrograms": "microgram",
    "ml": "milliliter",
    "mls": "milliliter",
    "millilitre": "milliliter",
    "millilitres": "milliliter",
    "milliliters": "milliliter",
    "cl": "centiliter",
    "dl": "deciliter",
    "l": "liter",
    "litre": "liter",
    "litres": "liter",
    "liters": "liter",
    "pint": "pint",
    "pints": "pint",
    "pt": "pint",
    "quart": "quart",
    "quarts": "quart",
    "qt": "quart",
    "gallon": "gallon",
    "gallons": "gallon",
    "kcal": "kilocalorie",
    "cal": "kilocalorie",  # food labels' "Calories" are kilocalories
    "kj": "kilojoule",
    "iu": "international_unit",
}

_CLEAN = re.compile(r"[\s.]+$")


def _normalise(unit: str) -> str:
    u = _CLEAN.sub("", unit.strip())
    u = re.sub(r"\s+", " ", u)
    return u.lower() if u.lower() in _ALIASES else u


@functools.lru_cache(maxsize=4096)
def parse_unit(unit: str) -> pint.Unit:
    """Parse a unit string as written in a diary or an export header.

    Parameters
    ----------
    unit : str
        For example ``"mg"``, ``"µg"``, ``"mcg"``, ``"IU"``, ``"Tbsp"``,
        ``"fl oz"``, ``"cups"``.

    Returns
    -------
    pint.Unit
        A unit of the package registry :data:`ureg`.

    Raises
    ------
    UnknownUnitError
        If the string is not a unit (``"medium"``, ``"serving"``), naming it.
    """
    if not isinstance(unit, str) or not unit.strip():
        raise UnknownUnitError(f"empty unit {unit!r}")
    u = _normalise(unit)
    name = _ALIASES.get(u.lower(), u)
    try:
        parsed = ureg.parse_units(name)
    except (pint.errors.UndefinedUnitError, AttributeError, ValueError, TypeError) as exc:
        raise UnknownUnitError(f"unknown unit {unit!r}") from exc
    return parsed


@functools.lru_cache(maxsize=4096)
def conversion_factor(from_unit: str, to_unit: str, context: str | None = None) -> float:
    """Return the factor that converts amounts in ``from_unit`` to ``to_unit``.

    Cached per distinct ``(from_unit, to_unit, context)``, so converting a column
    costs one pint call plus a float multiplication.

    Parameters
    ----------
    from_unit, to_unit : str
        Unit strings accepted by :func:`parse_unit`.
    context : str, optional
        A pint context name; ``"vitamin_d"`` enables IU ↔ µg.

    Returns
    -------
    float

    Raises
    ------
    UnknownUnitError
        If either unit is unknown or the two are not convertible (``"IU"`` to
        ``"mg"`` without the vitamin D context, ``"cup"`` to ``"g"``).

    Examples
    --------
    >>> conversion_factor("IU", "µg", context="vitamin_d")
    0.025
    >>> round(conversion_factor("oz", "g"), 6)
    28.349523
    """
    src = parse_unit(from_unit)
    dst = parse_unit(to_unit)
    try:
        if context:
            with ureg.context(context):
                return float(Q_(1.0, src).to(dst).magnitude)
        return float(Q_(1.0, src).to(dst).magnitude)
    except pint.errors.DimensionalityError as exc:
        raise UnknownUnitError(
            f"cannot convert {from_unit!r} to {to_unit!r}"
            + (f" in the {context!r} context" if context else "")
        ) from exc


@functools.lru_cache(maxsize=4096)
def unit_kind(unit: str) -> str:
    """Classify a unit string as ``"mass"``, ``"volume"``, ``"energy"``, ``"iu"`` or ``"other"``.

    Strings that are not units at all (``"medium"``, ``"serving"``, ``"slice"``)
    are ``"other"``; they are household or count measures resolved through a
    food's own portions.

    Parameters
    ----------
    unit : str

    Returns
    -------
    str
    """
    try:
        u = parse_unit(unit)
    except UnknownUnitError:
        return "other"
    dim = u.dimensionality
    if dim == ureg.gram.dimensionality:
        return "mass"
    if dim == ureg.liter.dimensionality:
        return "volume"
    if dim == ureg.kilocalorie.dimensionality:
        return "energy"
    if dim == ureg.international_unit.dimensionality:
        return "iu"
    return "other"
