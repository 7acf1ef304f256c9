"""Grams of food from a diary's quantity and unit, per distinct (food, unit).

Rules, in order (``grams_method`` in brackets):

1. The entry states its mass (``grams`` column) → kept [``stated``].
2. Mass units (g, kg, mg, oz, lb …) → converted by :mod:`nutrigap.units`
   [``mass``]. ``handful`` counts as 1 oz (28.35 g), the usual serving of nuts
   that fits a hand (American Heart Association serving-size guidance).
3. A measure the food itself has, matched on its normalised head word
   [``portion``]: the text before the first comma or parenthesis, singular,
   ``tablespoon`` → ``tbsp`` etc. A plain measure beats a qualified one
   (``"cup"`` over ``"cup, chopped"``); among equals USDA's order (``seq``)
   decides. grams = quantity / portion.amount × portion.grams.
4. Volume units (ml, l, cup, tbsp, tsp, fl oz, pint …) the food has no measure
   for → through the food's density from one of its volume measures (plain
   before qualified, then USDA order), converted with pint once per unit
   [``volume``]. ``glass`` is 1 cup (8 fl oz). Without a volume measure the
   entry is **unresolved**: 1 g is never assumed to be 1 ml.
5. ``medium``/``fruit``/``whole``/``each``/``piece`` when the food has no
   such measure → its one-item measure: ``medium``, else the first count
   measure that is not another size ("fruit (2-5/8\" dia)" for an orange)
   [``count``].
   A count without a unit (``3 eggs``; also ``piece``/``each``/``whole`` when
   the food has no such measure) → quantity × the food's *default unit*
   [``count``]: the earliest-listed ``medium`` or ``large`` measure (USDA lists
   the usual size first: a large egg, a medium banana), else the first measure
   that is neither a mass, a volume nor a serving (``slice``, ``fillet``,
   ``container``), else a serving measure.
6. A bare food, neither quantity nor unit → 1 default portion [``default``]:
   FNDDS ``Quantity not specified`` (USDA's own weight for an unstated amount),
   else a plain ``1 oz`` measure (USDA lists one for nuts, seeds and snacks,
   "oz (23 whole kernels)": a bare "almonds" is a handful-sized ounce, not a
   cup), else ``medium``/``large`` as above, else a serving measure (``serving``,
   ``NLEA serving``, FNDDS ``Quantity not specified``), else the food's cup,
   else its first count measure, else its first measure.

Results above :data:`MAX_GRAMS` (5 kg in one entry) are unresolved: a parsing
slip is likelier than a 5 kg meal.
"""

from __future__ import annotations

import functools
import re

import numpy as np
import pandas as pd

from nutrigap.exceptions import UnknownUnitError
from nutrigap.foods.normalize import fold, singular
from nutrigap.units import conversion_factor, unit_kind

__all__ = [
    "MAX_GRAMS",
    "HANDFUL_GRAMS",
    "canonical_unit",
    "measure_head",
    "portion_grams",
    "resolve_grams",
]

#: One entry above this many grams is unresolved.
MAX_GRAMS: float = 5000.0
#: 1 handful = 1 oz (28.35 g): AHA serving guidance for nuts ("a small handful").
HANDFUL_GRAMS: float = 28.349523125

_UNIT_SYNONYMS = {
    "tablespoon": "tbsp",
    "tbs": "tbsp",
    "tbl": "tbsp",
    "tblsp": "tbsp",
    "teaspoon": "tsp",
    "ounce": "oz",
    "fluid ounce": "fl oz",
    "fl. oz": "fl oz",
    "floz": "fl oz",
    "fl_oz": "fl oz",
    "c": "cup",
    "gram": "g",
    "gr": "g",
    "kilogram": "kg",
    "pound": "lb",
    "lbs": "lb",
    "millilitre": "ml",
    "milliliter": "ml",
    "litre": "l",
    "liter": "l",
    "pc": "piece",
    "pcs": "piece",
    "ea": "each",
    "med": "medium",
    "lg": "large",
    "sm": "small",
    "mug": "cup",
}
_COUNT_WORDS = frozenset({"piece", "each", "whole", "item", "unit", "count", "x"})
_SERVING_HEADS = frozenset({"serving", "nlea serving", "quantity not specified"})
_SIZE_HEADS = frozenset({"small", "large", "extra large", "jumbo", "very large", "extra small"})
#: Units that name one whole item; without such a measure the food's
#: one-item measure is used (:meth:`_Measures.whole_item`).
_WHOLE_ITEM_UNITS = frozenset({"medium", "fruit", "whole", "each", "item", "piece"})
_LEAD_NUM = re.compile(r"^[\d\s./-]+")


@functools.lru_cache(maxsize=4096)
def canonical_unit(unit: object) -> str:
    """Canonical spelling of a diary unit: ``"Tablespoons"`` → ``"tbsp"``; NA → ``""``."""
    if not isinstance(unit, str):
        return ""
    u = re.sub(r"\s+", " ", fold(unit).strip().rstrip("."))
    if not u:
        return ""
    u = _UNIT_SYNONYMS.get(u, u)
    words = [singular(w) for w in u.split()]
    u = " ".join(words)
    return _UNIT_SYNONYMS.get(u, u)


@functools.lru_cache(maxsize=65536)
def measure_head(measure: str) -> tuple[str, bool]:
    """Head of a portion's measure text and whether it is qualified.

    ``"cup, chopped"`` → ``("cup", True)``; ``"medium (7\\" to 7-7/8\\" long)"`` →
    ``("medium", False)``; ``"1 piece, NFS"`` → ``("piece", True)``.
    """
    m = fold(str(measure))
    head = re.split(r"[,(]", m, maxsplit=1)[0]
    head = _LEAD_NUM.sub("", head).strip()
    qualified = "," in m and bool(m.split(",", 1)[1].strip())
    if head in {"quantity not specified"}:
        return head, False
    return canonical_unit(head) or head, qualified


@functools.lru_cache(maxsize=65536)
def _kind(head: str) -> str:
    """:func:`nutrigap.units.unit_kind` of a unit or measure head, once per string."""
    if head in {"oz", "lb", "g", "kg", "mg"}:
        return "mass"
    return unit_kind(head) if head else "other"


@functools.lru_cache(maxsize=65536)
def _ml(unit: str) -> float:
    return conversion_factor(unit, "ml")


class _Measures:
    """The portions of one food, parsed once."""

    def __init__(self, items: list | None = None):
        self.items = items or []
        self._density: tuple | None | bool = False  # False: not computed yet

    @staticmethod
    def parse(portions: pd.DataFrame) -> dict[str, _Measures]:
        """Parse a portions table into ``{food_id: _Measures}`` in one pass.

        Order within a food: USDA ``seq``, with FNDDS portions tied to a
        subcode (one variety of the food) last.
        """
        if len(portions) == 0:
            return {}
        fid = portions["food_id"].astype(str).to_numpy(dtype=object)
        sub = (
            portions["subcode"].notna().to_numpy()
            if "subcode" in portions.columns
            else np.zeros(len(portions), dtype=bool)
        )
        seq = pd.to_numeric(portions["seq"], errors="coerce").to_numpy(dtype=np.float64)
        order = np.lexsort((seq, sub, fid))
        amount = portions["amount"].to_numpy(dtype=np.float64)[order]
        grams = portions["grams"].to_numpy(dtype=np.float64)[order]
        measure = portions["measure"].astype(object).to_numpy()[order]
        ok = np.isfinite(amount) & np.isfinite(grams) & (amount > 0) & (grams > 0)
        out: dict[str, _Measures] = {}
        for f, a, m, g, good in zip(
            fid[order].tolist(),
            amount.tolist(),
            measure.tolist(),
            grams.tolist(),
            ok.tolist(),
            strict=True,
        ):
            if not good:
                continue
            head, qual = measure_head(m)
            ms = out.get(f)
            if ms is None:
                ms = out[f] = _Measures()
            ms.items.append((head, qual, a, g, str(m)))
        return out

    def find(self, unit: str):
        """Best measure for ``unit``: plain head, qualified head, then head starting with it."""
        best = None
        for rank_order, (head, qual, amount, grams, measure) in enumerate(self.items):
            if head == unit:
                rank = 1 if qual else 0
            elif head.split(" ", 1)[0] == unit:
                rank = 2
            elif unit in head.split() and not head.startswith("extra"):
                rank = 3
            else:
                continue
            key = (rank, rank_order)
            if best is None or key < best[0]:
                best = (key, grams / amount, measure)
        return None if best is None else best[1:]

    def density(self):
        """g per ml from the food's volume measures, plain first, then USDA order."""
        if self._density is False:
            self._density = self._find_density()
        return self._density

    def _find_density(self):
        best = None
        for order, (head, qual, amount, grams, measure) in enumerate(self.items):
            if _kind(head) != "volume":
                continue
            try:
                ml = _ml(head)
            except UnknownUnitError:
                continue
            key = (qual, order)
            if best is None or key < best[0]:
                best = (key, grams / (amount * ml), measure)
        return None if best is None else best[1:]

    def whole_item(self):
        """The food's one-item measure: ``medium``, else the first plain count measure.

        Sizes other than medium (small, large, extra large …) and volumes,
        masses and servings are not one typical item.
        """
        for head, _q, amount, grams, measure in self.items:
            if head == "medium":
                return grams / amount, measure
        for head, _q, amount, grams, measure in self.items:
            if _kind(head) == "other" and head not in _SIZE_HEADS and head not in _SERVING_HEADS:
                return grams / amount, measure
        return None

    def default(self, bare: bool):
        """The default unit (count) or default portion (bare); see module notes."""
        if bare:
            # FNDDS says what a bare entry weighs; nuts and snacks list an
            # ounce ("oz (23 whole kernels)"), a better bare portion than a cup
            for head, _q, amount, grams, measure in self.items:
                if head == "quantity not specified":
                    return grams / amount, measure
            for head, _q, amount, grams, measure in self.items:
                if head == "oz" and amount == 1.0:
                    return grams / amount, measure
        for order in (("medium", "large"),):
            for head, _q, amount, grams, measure in self.items:
                if head in order:
                    return grams / amount, measure
        count = serving = cup = None
        for head, _q, amount, grams, measure in self.items:
            if head in _SERVING_HEADS or "serving" in head:
                serving = serving or (grams / amount, measure)
            elif _kind(head) == "other":
                count = count or (grams / amount, measure)
            elif head == "cup":
                cup = cup or (grams / amount, measure)
        chain = (serving, cup, count) if bare else (count, serving)
        for got in chain:
            if got is not None:
                return got
        if bare and self.items:
            head, _q, amount, grams, measure = self.items[0]
            return grams / amount, measure
        return None


def portion_grams(
    food_id: str, unit: object, portions: pd.DataFrame, *, bare: bool = False
) -> tuple[float, str, str]:
    """Grams per one ``unit`` of a food.

    Parameters
    ----------
    food_id : str
    unit : str or None
        Diary unit (``"cup"``, ``"medium"``, ``"g"``); None/NA for a count.
    portions : DataFrame
        Shaped like :func:`nutrigap.data.load_portions`.
    bare : bool
        No quantity either: the default *portion* rather than the default unit.

    Returns
    -------
    (grams_per_unit, method, reason)
        ``grams_per_unit`` is NaN and ``reason`` says why when unresolved.

    Examples
    --------
    >>> from nutrigap.data import load_portions
    >>> portion_grams("11457", "cup", load_portions())
    (30.0, 'portion', '')
    """
    rows = portions[portions["food_id"].astype(str) == str(food_id)]
    ms = _Measures.parse(rows).get(str(food_id), _Measures())
    return _resolve_one(str(food_id), canonical_unit(unit), ms, bare)


def _resolve_one(food_id: str, unit: str, ms: _Measures, bare: bool) -> tuple[float, str, str]:
    nan = float("nan")
    if unit == "handful":
        return HANDFUL_GRAMS, "mass", ""
    if unit == "glass":
        unit = "cup"
    kind = _kind(unit) if unit else "none"
    if kind == "mass":
        return conversion_factor(unit, "g"), "mass", ""
    if kind in {"energy", "iu"}:
        return nan, "", f"unit {unit!r} is not an amount of food"
    if unit and unit not in _COUNT_WORDS:
        got = ms.find(unit)
        if got is not None:
            return got[0], "portion", ""
        if kind == "volume":
            dens = ms.density()
            if dens is None:
                return nan, "", f"no density for food {food_id}: it has no volume measure"
            try:
                return dens[0] * _ml(unit), "volume", ""
            except UnknownUnitError:
                return nan, "", f"cannot convert {unit!r} to ml"
        if unit == "slice":  # FNDDS cuts pizza and cake in "piece"s
            got = ms.find("piece")
            if got is not None:
                return got[0], "portion", ""
        if unit in _WHOLE_ITEM_UNITS:
            # "orange, 1 medium" where USDA lists "fruit (2-5/8\" dia)", "avocado,
            # 1 fruit" where it lists "avocado, NS as to Florida or California":
            # the food's one-item measure
            got = ms.whole_item()
            if got is not None:
                return got[0], "count", ""
        have = ", ".join(m[4] for m in ms.items) or "none"
        return nan, "", f"food {food_id} has no {unit!r} measure (measures: {have})"
    got = ms.default(bare)
    if got is None:
        return nan, "", f"food {food_id} has no count or default measure"
    return got[0], "default" if bare else "count", ""


def _grams_for_pairs(food_ids, units, bare, portions):
    """Resolve distinct (food, canonical unit, bare) triples: arrays per triple."""
    wanted = set(food_ids)
    pid = portions["food_id"].astype(str)
    pf = portions[pid.isin(wanted)]
    groups = _Measures.parse(pf)
    empty = _Measures()
    per = np.empty(len(food_ids))
    meth = np.empty(len(food_ids), dtype=object)
    why = np.empty(len(food_ids), dtype=object)
    for i, (f, u, b) in enumerate(zip(food_ids, units, bare, strict=True)):
        per[i], meth[i], why[i] = _resolve_one(f, u, groups.get(f, empty), bool(b))
    return per, meth, why


def resolve_grams(
    food_id: pd.Series | np.ndarray,
    quantity: pd.Series | np.ndarray,
    unit: pd.Series | np.ndarray,
    portions: pd.DataFrame,
    stated: pd.Series | np.ndarray | None = None,
    max_grams: float = MAX_GRAMS,
) -> pd.DataFrame:
    """Resolve grams for many entries, working once per distinct (food, unit).

    Parameters
    ----------
    food_id, quantity, unit : array-like, aligned
        Matched food ids (NA where unmatched), quantities (NaN = not stated)
        and diary units (NA = none).
    portions : DataFrame
        Shaped like :func:`nutrigap.data.load_portions`.
    stated : array-like of float, optional
        Grams the entry already states; kept as they are.
    max_grams : float
        Larger results are unresolved.

    Returns
    -------
    DataFrame
        Columns ``grams`` (float, NaN where unresolved), ``grams_method``
        (str or NA) and ``reason`` (str, empty when resolved), one row per
        entry in input order.
    """
    fid = pd.Series(food_id, dtype=object).reset_index(drop=True)
    qty = pd.to_numeric(pd.Series(quantity).reset_index(drop=True), errors="coerce").to_numpy(
        dtype=np.float64
    )
    n = len(fid)
    given = (
        np.full(n, np.nan)
        if stated is None
        else pd.to_numeric(pd.Series(stated).reset_index(drop=True), errors="coerce").to_numpy(
            dtype=np.float64
        )
    )
    canon = np.asarray([canonical_unit(u) for u in pd.Series(unit, dtype=object)], dtype=object)
    need = fid.notna().to_numpy() & np.isnan(given)
    bare = np.isnan(qty) & (canon == "")
    grams = np.full(n, np.nan)
    method = np.full(n, None, dtype=object)
    reason = np.full(n, "", dtype=object)
    if need.any():
        keys = pd.MultiIndex.from_arrays(
            [fid[need].astype(str).to_numpy(), canon[need], bare[need]]
        )
        inv, uniq = pd.factorize(keys)
        per, meth, why = _grams_for_pairs(
            list(uniq.get_level_values(0)),
            list(uniq.get_level_values(1)),
            np.asarray(uniq.get_level_values(2), dtype=bool),
            portions,
        )
        q = qty[need]
        g = per[inv] * np.where(np.isnan(q), 1.0, q)
        r = why[inv].astype(object)
        mt = meth[inv].astype(object)
        big = g > max_grams
        r[big] = f"more than {max_grams:.0f} g in one entry: check quantity and unit"
        neg = q < 0
        r[neg] = "negative quantity"
        bad = big | neg | np.isnan(g)
        g[bad] = np.nan
        mt[bad | (mt == "")] = None
        grams[need], method[need], reason[need] = g, mt, r
    has_stated = ~np.isnan(given)
    grams[has_stated] = given[has_stated]
    method[has_stated] = "stated"
    reason[has_stated] = ""
    return pd.DataFrame({"grams": grams, "grams_method": method, "reason": reason})
