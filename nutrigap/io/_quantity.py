"""Quantities and units as people write them: ``1 1/2 tbsp``, ``½ cup``, ``30g``, ``0,5 l``.

One grammar serves every reader: the free-text parser
(:func:`nutrigap.io.parse_entry`), the ``amount`` cell of a generic CSV diary,
MyFitnessPal's ``4.8 oz`` / ``2 serving(s)`` and Cronometer's ``1.00 tsp``,
``2.00 x 2.0 tbsp``, ``1.00 box - each 1.65 oz``. Everything here works on one
distinct string and is cached, so a column is parsed once per distinct value.

Numbers
    integers, decimals with ``.`` or ``,`` (``0,5``; ``1,000`` is a thousand
    unless ``decimal_comma``), fractions ``1/2`` (also with the fraction slash
    ``⁄``), mixed numbers ``1 1/2``, ``1-1/2``, Unicode vulgar fractions alone or
    after an integer (``½``, ``1½``, ``1 ½``; their values come from
    :func:`unicodedata.numeric`), ranges ``2-3`` / ``2 to 3`` (the midpoint) and
    the words ``a``/``an``/``one`` … ``twelve``, ``half``, ``dozen``.
Units
    A vocabulary of spellings mapped to one canonical, singular, lower-case
    name (``tablespoons`` → ``tbsp``, ``c`` → ``cup``, ``serving(s)`` →
    ``serving``, ``lg`` → ``large``). Unknown measure words after a number are
    kept as written (lower case, singular) so the food matcher can look them up
    among a food's own portions.
Grams
    Set when the amount states a mass: ``30g`` → 30, ``4.8 oz`` → 136.08,
    ``2 (8 oz) packages`` / ``1.00 box - each 1.65 oz`` → quantity × the stated
    mass per unit. Conversions go through :func:`nutrigap.units.conversion_factor`
    once per unit.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from typing import NamedTuple

from nutrigap.units import conversion_factor

__all__ = ["Amount", "parse_amount", "parse_number", "canonical_unit", "UNITS", "VULGAR"]

# --- numbers -----------------------------------------------------------------

#: Unicode vulgar fractions (every "VULGAR FRACTION" code point) -> value.
VULGAR: dict[str, float] = {
    ch: unicodedata.numeric(ch)
    for ch in map(chr, range(0x00A0, 0x2190))
    if unicodedata.name(ch, "").startswith("VULGAR FRACTION") and ch != "\u2189"
}
_V = "[" + "".join(VULGAR) + "]"

#: Cardinal number words (one … twenty, and the tens) -> value.
CARDINALS: dict[str, float] = {
    w: float(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
    if i
}
CARDINALS.update({"thirty": 30.0, "forty": 40.0, "fifty": 50.0})
#: Fraction words -> value of one part (``three quarters`` = 3 × 0.25).
_FRACTIONS = {
    "half": 0.5,
    "halves": 0.5,
    "quarter": 0.25,
    "quarters": 0.25,
    "third": 1 / 3,
    "thirds": 1 / 3,
}
_SEP = r"(?:\s+|\s*-\s*)"
# "half and half" (the cream) is a food, not a quantity
_HALF = rf"half(?!{_SEP}(?:and|&){_SEP}half)"
_CARD = "(?:" + "|".join(sorted(CARDINALS, key=len, reverse=True)) + ")"
_CARD_OR_DIGIT = rf"(?:{_CARD}|\d+)"
# "a half", "one half", "half", "a quarter", "three quarters", "two thirds"
_FRACW = (
    rf"(?:(?:(?:an?|one){_SEP})?(?:{_HALF}|quarter|third)|{_CARD}{_SEP}(?:halves|quarters|thirds))"
)
_WORD_ALTS = [
    # "one and a half", "two and a quarter", "1 and a half", "one-and-a-half"
    rf"{_CARD_OR_DIGIT}{_SEP}(?:and|&){_SEP}{_FRACW}",
    # "a dozen", "half a dozen", "a half dozen", "two dozen"
    rf"(?:(?:half(?:{_SEP}an?)?|an?{_SEP}half|an?|{_CARD}|\d+){_SEP})?dozen",
    # "two to three", "one or two"
    rf"{_CARD}{_SEP}(?:to|or|-){_SEP}{_CARD}",
    # "a couple of", "a couple", "couple of"
    rf"(?:an?{_SEP})?couple(?:{_SEP}of)?",
    # "half a cup", "half an avocado"
    rf"{_HALF}{_SEP}an?",
    _FRACW,
    _CARD,
    r"an?",
]
#: Spelled-out quantities: ``one``, ``a``, ``half``, ``one and a half``,
#: ``two and a quarter``, ``a dozen``, ``a couple of``, ``two to three``.
WORD_NUMBER_RE = "(?:" + "|".join(_WORD_ALTS) + ")"


def _word_tokens(text: str) -> list[str]:
    return [t for t in re.split(r"[\s-]+", text.lower().replace("&", " and ")) if t]


def word_value(text: str) -> float:
    """Value of a spelled-out quantity (``"one and a half"`` → 1.5); NaN if not one.

    Examples
    --------
    >>> [word_value(s) for s in ["two and a quarter", "half a dozen", "a couple of", "two to three"]]
    [2.25, 6.0, 2.0, 2.5]
    """
    return _tokens_value(_word_tokens(text))


def _tokens_value(t: list[str]) -> float:
    if t and t[-1] == "of":
        t = t[:-1]
    if not t:
        return math.nan
    if t[-1] == "dozen":
        return 12.0 * (_tokens_value(t[:-1]) if len(t) > 1 else 1.0)
    if "and" in t:
        i = t.index("and")
        return _tokens_value(t[:i]) + _tokens_value(t[i + 1 :])
    for sep in ("to", "or"):
        if sep in t:
            i = t.index(sep)
            return (_tokens_value(t[:i]) + _tokens_value(t[i + 1 :])) / 2.0
    if len(t) == 2 and t[0] == "half" and t[1] in {"a", "an"}:
        return 0.5
    if len(t) == 2 and t[0] in {"a", "an", "one"}:
        return _tokens_value(t[1:])
    if len(t) == 2 and t[1] in _FRACTIONS:
        return _tokens_value(t[:1]) * _FRACTIONS[t[1]]
    if len(t) == 1:
        w = t[0]
        if w in CARDINALS:
            return CARDINALS[w]
        if w in _FRACTIONS:
            return _FRACTIONS[w]
        if w in {"a", "an"}:
            return 1.0
        if w == "couple":
            return 2.0
        if w.isdigit():
            return float(w)
    return math.nan


_DEC = r"\d+(?:[.,]\d+)*|[.,]\d+"
_FRAC = r"\d+\s*[/⁄]\s*\d+"
# one number: mixed (1 1/2, 1-1/2, 1½, 1 ½), fraction, vulgar, decimal
_ONE = rf"(?:\d+(?:\s+|-)(?:{_FRAC})|\d+\s*{_V}|{_FRAC}|{_V}|{_DEC})"
_RANGE = rf"(?P<a>{_ONE})(?:\s*(?:-|–|—|to|or)\s*(?P<b>{_ONE}))?"
NUMBER_RE = re.compile(rf"(?:(?P<w>{WORD_NUMBER_RE})(?![\w])|{_RANGE})", re.IGNORECASE)


def _dec(text: str, decimal_comma: bool) -> float:
    t = text.strip()
    if "," in t and "." in t:  # the last separator is the decimal one
        if t.rfind(",") > t.rfind("."):
            t = t.replace(".", "").replace(",", ".")
        else:
            t = t.replace(",", "")
    elif "," in t:
        if not decimal_comma and re.fullmatch(r"\d{1,3}(?:,\d{3})+", t):
            t = t.replace(",", "")
        else:
            t = t.replace(",", ".")
    return float(t)


def _one(text: str, decimal_comma: bool) -> float:
    t = text.strip()
    if t[-1] in VULGAR:
        whole = t[:-1].strip()
        return (float(whole) if whole else 0.0) + VULGAR[t[-1]]
    m = re.fullmatch(r"(?:(\d+)(?:\s+|-))?(\d+)\s*[/⁄]\s*(\d+)", t)
    if m:
        den = float(m.group(3))
        if den == 0:
            return math.nan
        return float(m.group(1) or 0) + float(m.group(2)) / den
    return _dec(t, decimal_comma)


def parse_number(text: str, decimal_comma: bool = False) -> float:
    """Value of a number written as in a diary; NaN when it is not one.

    Examples
    --------
    >>> [parse_number(s) for s in ["1 1/2", "½", "1½", "0,5", "2-3", "a", "3,436"]]
    [1.5, 0.5, 1.5, 0.5, 2.5, 1.0, 3436.0]
    """
    m = NUMBER_RE.fullmatch(text.strip())
    if not m:
        return math.nan
    return _match_value(m, decimal_comma)


def _match_value(m: re.Match, decimal_comma: bool) -> float:
    if m.group("w"):
        return word_value(m.group("w"))
    a = _one(m.group("a"), decimal_comma)
    if m.group("b"):
        return (a + _one(m.group("b"), decimal_comma)) / 2.0
    return a


# --- units -------------------------------------------------------------------

#: Spelling (lower case) -> canonical unit name.
UNITS: dict[str, str] = {}


def _add(canonical: str, *spellings: str) -> None:
    UNITS[canonical] = canonical
    for s in spellings:
        UNITS[s] = canonical


_add("g", "gram", "grams", "gr", "grm", "grs", "gm", "gms")
_add("kg", "kilogram", "kilograms", "kilo", "kilos", "kgs")
_add("mg", "milligram", "milligrams")
_add("µg", "mcg", "μg", "ug", "microgram", "micrograms")
_add("oz", "ounce", "ounces", "ozs")
_add("lb", "lbs", "pound", "pounds")
_add("ml", "millilitre", "milliliter", "millilitres", "milliliters", "mls", "cc")
_add("cl", "centilitre", "centiliter", "centilitres", "centiliters")
_add("dl", "decilitre", "deciliter", "decilitres", "deciliters")
_add("l", "litre", "liter", "litres", "liters", "ltr")
_add("cup", "cups", "c")
_add("tbsp", "tbsps", "tablespoon", "tablespoons", "tbs", "tbl", "tbls", "tblsp", "tbsp.")
_add("tsp", "tsps", "teaspoon", "teaspoons", "tsp.")
_add("fl oz", "fluid ounce", "fluid ounces", "fl. oz", "fl.oz", "floz", "fl oz.")
_add("pint", "pints", "pt", "pts")
_add("quart", "quarts", "qt", "qts")
_add("gallon", "gallons", "gal")
_add("iu", "IU", "international unit", "international units")
_add("small", "sm", "sml")
_add("medium", "med", "md")
_add("large", "lg", "lrg")
_add("extra large", "xl", "x-large", "extra-large")
_add("serving", "servings", "serving(s)", "serve", "serves", "portion", "portions", "svg")
_add("piece", "pieces", "pc", "pcs", "piece(s)")
_add("slice", "slices", "slice(s)")
_add("each", "ea")
for _w in (
    "can",
    "tin",
    "jar",
    "bottle",
    "package",
    "packet",
    "pack",
    "bag",
    "box",
    "bar",
    "stick",
    "scoop",
    "sprig",
    "bunch",
    "head",
    "stalk",
    "sheet",
    "ear",
    "fillet",
    "container",
    "carton",
    "tablet",
    "capsule",
    "softgel",
    "pill",
    "caplet",
    "gummy",
    "lozenge",
    "drop",
    "handful",
    "pinch",
    "dash",
    "splash",
    "clove",
    "wedge",
    "knob",
    "bulb",
    "cube",
    "square",
    "strip",
    "link",
    "patty",
    "glass",
    "mug",
    "bowl",
    "plate",
    "cob",
    "loaf",
    "leaf",
    "sachet",
    "shot",
    "rasher",
    "dollop",
    "block",
    "ball",
    "log",
    "stem",
    "inch",
    "cm",
):
    _add(_w)
_PLURALS = {
    "cans": "can",
    "tins": "tin",
    "jars": "jar",
    "bottles": "bottle",
    "packages": "package",
    "pkg": "package",
    "pkgs": "package",
    "packets": "packet",
    "packs": "pack",
    "bags": "bag",
    "boxes": "box",
    "bars": "bar",
    "sticks": "stick",
    "scoops": "scoop",
    "sprigs": "sprig",
    "bunches": "bunch",
    "heads": "head",
    "stalks": "stalk",
    "sheets": "sheet",
    "ears": "ear",
    "fillets": "fillet",
    "filets": "fillet",
    "containers": "container",
    "cartons": "carton",
    "tablets": "tablet",
    "capsules": "capsule",
    "softgels": "softgel",
    "pills": "pill",
    "caplets": "caplet",
    "gummies": "gummy",
    "lozenges": "lozenge",
    "drops": "drop",
    "handfuls": "handful",
    "handsful": "handful",
    "pinches": "pinch",
    "dashes": "dash",
    "splashes": "splash",
    "cloves": "clove",
    "wedges": "wedge",
    "knobs": "knob",
    "bulbs": "bulb",
    "cubes": "cube",
    "squares": "square",
    "strips": "strip",
    "links": "link",
    "patties": "patty",
    "glasses": "glass",
    "mugs": "mug",
    "bowls": "bowl",
    "plates": "plate",
    "cobs": "cob",
    "loaves": "loaf",
    "leaves": "leaf",
    "sachets": "sachet",
    "shots": "shot",
    "rashers": "rasher",
    "dollops": "dollop",
    "blocks": "block",
    "balls": "ball",
    "logs": "log",
    "stems": "stem",
    "inches": "inch",
    "in.": "inch",
}
UNITS.update(_PLURALS)

#: Words that describe the size of a count; ``1 lg clove`` is a clove.
SIZE_WORDS = frozenset({"small", "medium", "large", "extra large"})
#: Dose forms: an entry measured in these is a supplement.
DOSE_FORMS = frozenset({"tablet", "capsule", "softgel", "pill", "caplet", "gummy", "lozenge"})
_MASS_MULT = {"g", "kg", "oz", "lb"}
#: Canonical units that are masses (pint knows more, e.g. a 94 lb cement "bag").
MASS_UNITS = frozenset({"g", "kg", "mg", "µg", "oz", "lb"})
#: Canonical units that are volumes.
VOLUME_UNITS = frozenset(
    {"ml", "cl", "dl", "l", "cup", "tbsp", "tsp", "fl oz", "pint", "quart", "gallon"}
)  # inner masses that describe the food (not a dose)

_UNIT_ALT = "|".join(sorted((re.escape(u) for u in UNITS), key=len, reverse=True))
# A unit word must end at a word boundary (``c`` in ``1 c flour``, not ``1 carrot``)
UNIT_RE = re.compile(rf"(?:{_UNIT_ALT})(?![\w])", re.IGNORECASE)


def _singular(word: str) -> str:
    w = word
    if w in _PLURALS:
        return _PLURALS[w]
    if len(w) <= 3 or w.endswith(("ss", "us", "is")):
        return w
    if w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "sses")):
        return w[:-2]
    if w.endswith("s"):
        return w[:-1]
    return w


@functools.lru_cache(maxsize=8192)
def canonical_unit(text: str) -> str | None:
    """Canonical unit name of a unit as written; None for an empty string.

    Known spellings map through :data:`UNITS`; other measure words are kept,
    lower case and singular (``"Large Eggs"`` → ``"large egg"``).

    Examples
    --------
    >>> [canonical_unit(s) for s in ["Tablespoons", "c", "serving(s)", "Slices", "fl. oz"]]
    ['tbsp', 'cup', 'serving', 'slice', 'fl oz']
    """
    t = re.sub(r"\s+", " ", text.strip().lower()).strip(" .")
    if not t:
        return None
    if t in UNITS:
        return UNITS[t]
    if t.rstrip(".") in UNITS:
        return UNITS[t.rstrip(".")]
    words = [_singular(w) for w in t.split(" ")]
    t2 = " ".join(words)
    return UNITS.get(t2, t2)


@functools.lru_cache(maxsize=1024)
def grams_per(unit: str | None) -> float:
    """Grams in one ``unit`` when it is a mass unit, else NaN."""
    if unit in MASS_UNITS:
        return conversion_factor(unit, "g")
    return math.nan


# --- amounts -----------------------------------------------------------------


class Amount(NamedTuple):
    """A parsed amount: ``quantity`` (NaN if none), ``unit`` (None if none), ``grams``."""

    quantity: float
    unit: str | None
    grams: float


_NAN = math.nan
_LEAD = re.compile(rf"^\s*(?:{NUMBER_RE.pattern})", re.IGNORECASE)
_X = re.compile(r"^\s*(?:x|×|\*)\s*", re.IGNORECASE)
_EACH = re.compile(
    rf"\beach\s+(?P<q>{_ONE})\s*(?P<u>g|kg|oz|ounces?|lb|lbs|pounds?)(?![\w])", re.IGNORECASE
)
_RECIPE_G = re.compile(r"(?:—|–|-)\s*(?P<q>\d+(?:[.,]\d+)?)\s*g\b", re.IGNORECASE)
_PAREN = re.compile(r"\(([^()]*)\)")


def _lead_number(text: str, decimal_comma: bool) -> tuple[float, str] | None:
    m = _LEAD.match(text)
    if not m or not m.group(0).strip():
        return None
    # "a"/"an" are one ("a handful", "an apple") but not before "few"/"little"/"bit"
    if m.group("w") and m.group("w").lower() in {"a", "an"}:
        if re.match(r"\s*(?:few|little|bit|splash of|lot)\b", text[m.end() :], re.I):
            return None
    return _match_value(m, decimal_comma), text[m.end() :]


def _unit_head(rest: str) -> tuple[str | None, str]:
    """Split a known unit (and a size word before it) off the front of ``rest``."""
    r = rest.lstrip()
    m = UNIT_RE.match(r)
    if not m:
        return None, rest
    unit = canonical_unit(m.group(0))
    after = r[m.end() :]
    if unit in SIZE_WORDS:  # "lg clove" -> clove; "medium banana" -> medium
        m2 = UNIT_RE.match(after.lstrip())
        if m2 and canonical_unit(m2.group(0)) not in SIZE_WORDS:
            return canonical_unit(m2.group(0)), after.lstrip()[m2.end() :]
    return unit, after


@functools.lru_cache(maxsize=65536)
def parse_amount(text: str, decimal_comma: bool = False) -> Amount:
    """Parse an amount cell: a quantity and a unit, nothing else.

    Parameters
    ----------
    text : str
        ``"2 cups"``, ``"30g"``, ``"1 1/2 tbsp"``, ``"½ cup"``, ``"0,5 l"``,
        ``"2 serving(s)"``, Cronometer's ``"2.00 x 2.0 tbsp"``,
        ``"1.00 box - each 1.65 oz"``, ``"full recipe — 151.0g"``.
    decimal_comma : bool
        Read ``1,234`` as 1.234 (files whose delimiter is ``;``).

    Returns
    -------
    Amount
        ``grams`` is set when the amount states a mass.

    Examples
    --------
    >>> parse_amount("2.00 x 2.0 tbsp")
    Amount(quantity=4.0, unit='tbsp', grams=nan)
    >>> round(parse_amount("4.8 oz").grams, 2)
    136.08
    """
    s = re.sub(r"\s+", " ", str(text)).strip()
    if not s:
        return Amount(_NAN, None, _NAN)
    if re.match(r"^[-−]\s*\d", s):  # a negative amount: parsed, for the reader to reject
        a = parse_amount(s.lstrip("-− "), decimal_comma)
        return Amount(-a.quantity, a.unit, -a.grams)
    grams = _NAN
    lead = _lead_number(s, decimal_comma)
    if lead is None:
        q, rest = _NAN, s
    else:
        q, rest = lead
    # Cronometer "N x M unit" and "N M unit" (M of unit per serving)
    xm = _X.match(rest)
    inner = _lead_number(rest[xm.end() :] if xm else rest, decimal_comma)
    if inner is not None and not math.isnan(q):
        q2, rest2 = inner
        unit2, _after = _unit_head(rest2)
        container = _PAREN.sub(" ", _after).strip()
        if unit2 is not None and container and not xm and container[0].isalpha():
            # "2 8 oz packages", "1.00 170g container", "1.00 1000mcg tablet":
            # so many containers, each holding the inner amount
            unit_c = canonical_unit(re.split(r"\s+-\s+|,", container, maxsplit=1)[0])
            per = q2 * grams_per(unit2) if unit2 in _MASS_MULT else _NAN
            return Amount(q, unit_c, q * per)
        if xm or unit2 is not None or not rest2.strip():
            q, rest = q * q2, rest2
    if rest.strip().lower().startswith("full recipe"):
        m = _RECIPE_G.search(rest)
        if m:
            grams = float(m.group("q").replace(",", "."))
        return Amount(q, "full recipe", grams)
    unit, after = _unit_head(rest)
    tail = after
    if unit is None:
        # unknown measure word ("4.00 medium - 7\" long", "365 WF Can", "date, pitted")
        head = re.split(r"\s+-\s+|,|\(", rest, maxsplit=1)[0]
        unit = canonical_unit(head)
        tail = rest[len(head) :]
    m = _EACH.search(tail)
    if m and not math.isnan(q):  # "box - each 1.65 oz"
        per = _one(m.group("q"), decimal_comma) * grams_per(canonical_unit(m.group("u")))
        grams = q * per
    elif not math.isnan(q):
        grams = q * grams_per(unit)
    if unit is None and math.isnan(q):
        return Amount(_NAN, None, _NAN)
    return Amount(q, unit, grams)
