"""USDA FoodData Central (FDC) client: foods the bundled tables lack.

:class:`FDCClient` talks to the FDC REST API [1]_ and returns foods in the
shape of the bundled food table (:func:`nutrigap.load_food_table`): a DataFrame
indexed by ``food_id`` ``"fdc:<id>"`` with one float column per nutrient key of
:data:`nutrigap.NUTRIENTS`, per 100 g in the canonical unit, NaN where FDC has
no value; plus household portions in the shape of
:func:`nutrigap.load_portions`. Both come back together as :class:`FDCFoods`.

Every response is kept in a persistent on-disk cache
(:mod:`nutrigap.cache`, in ``platformdirs.user_cache_dir("nutrigap")`` by
default), so a repeated run makes no network calls, and ``offline=True``
serves only from that cache.

Parsing
-------
FDC returns nutrients in three layouts, all understood:

* search results (``POST /foods/search``): ``{"nutrientId": 1090,
  "nutrientNumber": "304", "unitName": "MG", "value": 79.0}``;
* full details (``GET /food/{id}``, ``POST /foods``): ``{"nutrient": {"id":
  1090, "number": "304", "unitName": "mg"}, "amount": 79.0}``;
* abridged (``format=abridged``): ``{"number": "304", "name": ...,
  "amount": 79.0, "unitName": "MG"}``.

Nutrients are recognised by FDC nutrient id (:attr:`Nutrient.fdc_id`) or by
nutrient number (the SR number, :attr:`Nutrient.sr_number`; biotin, absent
from SR28, is number 416). Amounts are converted from ``unitName`` to the
canonical unit with :func:`nutrigap.units.conversion_factor`, once per
distinct unit. Where ``unitName`` is missing the amount is taken to be in the
unit FDC uses for that nutrient (the catalog's canonical unit, which matches
FDC's for every nutrient read here; vitamin D IU, id 1110, in IU). A unit that
cannot be converted drops that one value (NaN) with a logged warning.

Derived values, each recorded in a ``*_derivation`` column:

* ``vitamin_d``: vitamin D2 + D3 in µg (id 1114, number 328) when present,
  else vitamin D in IU (1110, number 324) / 40 (IOM 2011: 40 IU = 1 µg).
* ``energy``: energy in kcal (1008, number 208); FDC Foundation foods often
  lack it and give energy by Atwater factors instead: specific factors (2048,
  number 958; the method behind SR energy values) are preferred to general
  factors (2047, number 957); last resort energy in kJ (1062, number 268).
* ``folate`` (µg DFE): DFE (1190, number 435) when present; otherwise as in
  the bundled SR28 table: food folate (1187, 432) + 1.7 × (total folate (1177,
  417) − food folate); total folate alone (assumes no folic acid: a lower bound
  for fortified foods); or 1.7 × folic acid (1186, 431) alone [2]_.
  ``folic_acid`` is 431, or 417 − 432; ``vitamin_b12_added`` is 578 (id 1246).

Branded foods' ``foodNutrients`` are per 100 g (per 100 mL for liquids, taken
here as per 100 g, i.e. a density of 1). Their ``labelNutrients`` are per
serving; where a nutrient (energy, calcium, potassium) is only on the label it
is scaled to 100 g by the serving's gram weight (mass serving units only).

Portions
--------
``foodPortions`` differ by data type: Foundation gives a ``measureUnit``
(``{"name": "cup"}``) plus an optional ``modifier`` ("chopped" → measure
"cup, chopped"); SR Legacy leaves ``measureUnit`` "undetermined" and puts the
measure in ``modifier`` ("cup, chopped"); FNDDS puts the whole portion in
``portionDescription`` ("1 cup", "1 medium (2-3/4\\" dia)"), split here into
amount and measure, and a numeric code in ``modifier`` (ignored). Search
results carry ``foodMeasures`` (``disseminationText`` "1 cup"). Branded foods
give one serving (``servingSize`` + ``servingSizeUnit`` and
``householdServingFullText`` such as "2 TBSP"), which becomes a household row
("tbsp", amount 2) and a ``"serving"`` row, when the serving size is a mass.

The API key
-----------
From ``api_key=`` or the ``FDC_API_KEY`` environment variable; sign up free
at https://fdc.nal.usda.gov/api-key-signup.html. It is sent in the
``X-Api-Key`` header, never in a URL, so it cannot reach log records (requests
and urllib3 log URLs at DEBUG); it is not part of any cache key or cache file,
nor of any repr or exception message (messages are scrubbed of it as well).
``DEMO_KEY`` works with a :class:`UserWarning`: it allows very few requests
(about 30 an hour and 50 a day per IP address).

References
----------
.. [1] USDA Agricultural Research Service, *FoodData Central API Guide* and
   OpenAPI specification, https://fdc.nal.usda.gov/api-guide.html.
.. [2] Institute of Medicine (1998), *Dietary Reference Intakes for Thiamin,
   Riboflavin, Niacin, Vitamin B6, Folate, Vitamin B12, Pantothenic Acid,
   Biotin, and Choline*, ch. 8: DFE = food folate + 1.7 × folic acid.

Examples
--------
>>> from nutrigap.fdc import FDCClient
>>> client = FDCClient()  # doctest: +SKIP
>>> hits = client.search("mung beans, sprouted")  # doctest: +SKIP
>>> hits.table[["description", "magnesium", "score"]]  # doctest: +SKIP
"""

from __future__ import annotations

import email.utils
import functools
import logging
import math
import os
import re
import time
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import pandas as pd
import requests

from nutrigap import __version__
from nutrigap.cache import JSONCache, cache_key, default_cache_dir
from nutrigap.exceptions import FDCError, UnknownUnitError
from nutrigap.nutrients import NUTRIENTS
from nutrigap.units import IU_PER_UG_VITAMIN_D, conversion_factor, unit_kind

__all__ = [
    "FDCClient",
    "FDCFoods",
    "FDCAuthError",
    "FDCNotFoundError",
    "FDCRateLimitError",
    "FDCServerError",
    "FDCResponseError",
    "FDCTimeoutError",
    "FDCConnectionError",
    "FDCOfflineError",
    "parse_foods",
    "BASE_URL",
    "DATA_TYPES",
    "DEFAULT_DATA_TYPES",
    "MAX_IDS_PER_REQUEST",
    "TABLE_COLUMNS",
    "PORTION_COLUMNS",
]

log = logging.getLogger(__name__)

#: Root of the FDC REST API, version 1.
BASE_URL = "https://api.nal.usda.gov/fdc/v1"
#: Where to get a free API key.
SIGNUP_URL = "https://fdc.nal.usda.gov/api-key-signup.html"
#: FDC data types. Branded foods are left out of searches unless asked for:
#: their hundreds of thousands of products bury the generic foods.
DATA_TYPES: tuple[str, ...] = (
    "Foundation",
    "SR Legacy",
    "Survey (FNDDS)",
    "Branded",
    "Experimental",
)
DEFAULT_DATA_TYPES: tuple[str, ...] = ("Foundation", "SR Legacy", "Survey (FNDDS)")
#: The API accepts at most 20 FDC ids per ``/foods`` request.
MAX_IDS_PER_REQUEST = 20
#: HTTP statuses retried with exponential backoff.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})

#: Columns of :attr:`FDCFoods.table` (index ``food_id``); search results add
#: ``score`` (FDC relevance) and ``rank`` (1 = first hit).
TABLE_COLUMNS: tuple[str, ...] = (
    "description",
    "food_group",
    *NUTRIENTS,
    "folate_derivation",
    "folic_acid",
    "vitamin_b12_added",
    "vitamin_d_derivation",
    "energy_derivation",
    "source",
    "data_type",
    "fdc_id",
)
PORTION_COLUMNS: tuple[str, ...] = ("food_id", "seq", "amount", "measure", "grams")


# --------------------------------------------------------------------------- errors


class FDCAuthError(FDCError):
    """The API key is missing, invalid or disabled (HTTP 403 ``API_KEY_*``)."""


class FDCNotFoundError(FDCError, LookupError):
    """No such food (HTTP 404) or endpoint."""


class FDCRateLimitError(FDCError):
    """HTTP 429 ``OVER_RATE_LIMIT`` persisted through every retry."""


class FDCServerError(FDCError):
    """HTTP 5xx persisted through every retry."""


class FDCResponseError(FDCError):
    """The response was not the JSON expected (malformed, or of the wrong shape)."""


class FDCTimeoutError(FDCError, TimeoutError):
    """Connecting or reading timed out on every attempt."""


class FDCConnectionError(FDCError, ConnectionError):
    """The server could not be reached on any attempt."""


class FDCOfflineError(FDCError):
    """Offline mode and the response is not in the cache."""


# --------------------------------------------------------------------------- result


class FDCFoods(NamedTuple):
    """Foods from FoodData Central, in the bundled tables' shapes.

    Attributes
    ----------
    table : pandas.DataFrame
        Indexed by ``food_id`` (``"fdc:<id>"``); columns :data:`TABLE_COLUMNS`
        (nutrients per 100 g in canonical units, NaN = missing), plus
        ``score`` and ``rank`` for search results.
    portions : pandas.DataFrame
        Columns :data:`PORTION_COLUMNS`, like :func:`nutrigap.load_portions`.
    missing : tuple of int
        Requested FDC ids the API did not return (:meth:`FDCClient.foods`).
    """

    table: pd.DataFrame
    portions: pd.DataFrame
    missing: tuple[int, ...] = ()


# --------------------------------------------------------------------------- nutrients


@dataclass(frozen=True)
class _Field:
    name: str
    fdc_id: int
    number: str
    unit: str
    context: str | None = None


def _fields() -> tuple[_Field, ...]:
    out = [
        _Field(n.key, n.fdc_id, n.sr_number, n.unit, "vitamin_d" if n.key == "vitamin_d" else None)
        for n in NUTRIENTS.values()
    ]
    out += [
        # FDC nutrient ids and numbers, FDC nutrient list (nutrient.csv, 2024 release)
        _Field("biotin", 1176, "416", "µg"),  # biotin has no SR28 number; FDC gives 416
        _Field("vitamin_d_iu", 1110, "324", "IU", "vitamin_d"),
        _Field("folate_total", 1177, "417", "µg"),
        _Field("folate_food", 1187, "432", "µg"),
        _Field("folic_acid", 1186, "431", "µg"),
        _Field("vitamin_b12_added", 1246, "578", "µg"),
        _Field("energy_atwater_specific", 2048, "958", "kcal"),
        _Field("energy_atwater_general", 2047, "957", "kcal"),
        _Field("energy_kj", 1062, "268", "kcal"),
    ]
    return tuple(out)


_FIELDS = _fields()
_BY_ID: dict[int, _Field] = {f.fdc_id: f for f in _FIELDS}
_BY_NUMBER: dict[str, _Field] = {f.number: f for f in _FIELDS if f.number}

# FDC unit spellings that are not units by themselves.
_UNIT_FIXES = {"GRM": "g", "MLT": "ml", "MC_G": "µg", "UG_DFE": "µg", "MCG_DFE": "µg"}


@functools.lru_cache(maxsize=256)
def _factor(unit: str | None, field: _Field) -> float | None:
    """Factor from an FDC ``unitName`` to the field's unit; None if not convertible."""
    if unit is None or not str(unit).strip():
        return 1.0  # documented: FDC's unit for the nutrient, the canonical one
    u = str(unit).strip()
    u = _UNIT_FIXES.get(u.upper(), u)
    u = re.sub(r"[\s_]*DFE$", "", u, flags=re.IGNORECASE)
    try:
        return conversion_factor(u, field.unit, field.context)
    except UnknownUnitError:
        log.warning(
            "FDC unit %r of nutrient %s (id %d) cannot be converted to %s; value dropped",
            unit,
            field.name,
            field.fdc_id,
            field.unit,
        )
        return None


def _as_float(x: Any) -> float:
    if x is None or isinstance(x, bool):
        return math.nan
    try:
        v = float(x)
    except (TypeError, ValueError):
        return math.nan
    return v if math.isfinite(v) else math.nan


def _field_of(nid: Any, number: Any) -> _Field | None:
    if nid is not None:
        try:
            f = _BY_ID.get(int(nid))
        except (TypeError, ValueError):
            f = None
        if f is not None:
            return f
    if number is not None:
        num = str(number).strip()
        f = _BY_NUMBER.get(num)
        if f is None and num.isdigit():  # some abridged records carry the id in "number"
            f = _BY_ID.get(int(num))
        return f
    return None


def _first(d: Mapping[str, Any], *keys: str) -> Any:
    for k in keys:
        v = d.get(k)
        if v is not None:
            return v
    return None


def _raw_nutrients(entries: Iterable[Any]) -> dict[str, float]:
    """Amounts by field name, converted to the field's unit (first value wins)."""
    raw: dict[str, float] = {}
    for e in entries or ():
        if not isinstance(e, Mapping):
            continue
        nut = e.get("nutrient")
        if isinstance(nut, Mapping):  # full details
            field = _field_of(nut.get("id"), nut.get("number"))
            unit = _first(nut, "unitName") or e.get("unitName")
            amount = _first(e, "amount", "value")
        else:  # search result or abridged
            field = _field_of(e.get("nutrientId"), _first(e, "nutrientNumber", "number"))
            unit = e.get("unitName")
            amount = _first(e, "value", "amount")
        if field is None or field.name in raw:
            continue
        value = _as_float(amount)
        if math.isnan(value):
            continue
        factor = _factor(unit, field)
        if factor is not None:
            raw[field.name] = value * factor
    return raw


# Label nutrient names (Branded labelNutrients, per serving) -> field.
_LABEL = {"calories": "energy", "calcium": "calcium", "potassium": "potassium"}


def _derive(raw: dict[str, float]) -> dict[str, Any]:
    nan = math.nan
    row: dict[str, Any] = {k: raw.get(k, nan) for k in NUTRIENTS}

    row["vitamin_d_derivation"] = None
    if not math.isnan(row["vitamin_d"]):
        row["vitamin_d_derivation"] = "1114"
    elif "vitamin_d_iu" in raw:
        row["vitamin_d"] = raw["vitamin_d_iu"] / IU_PER_UG_VITAMIN_D
        row["vitamin_d_derivation"] = "1110 IU/40"

    row["energy_derivation"] = None
    if not math.isnan(row["energy"]):
        row["energy_derivation"] = "1008"
    else:
        for name, tag in (
            ("energy_atwater_specific", "2048"),
            ("energy_atwater_general", "2047"),
            ("energy_kj", "1062"),
        ):
            if name in raw:
                row["energy"], row["energy_derivation"] = raw[name], tag
                break

    total, food, fa = (raw.get(k, nan) for k in ("folate_total", "folate_food", "folic_acid"))
    derived_fa = max(total - food, 0.0) if not (math.isnan(total) or math.isnan(food)) else nan
    row["folate_derivation"] = None
    if not math.isnan(row["folate"]):
        row["folate_derivation"] = "435"
    elif not (math.isnan(total) or math.isnan(food)):
        row["folate"], row["folate_derivation"] = food + 1.7 * derived_fa, "food+1.7*fa"
    elif not math.isnan(total):
        row["folate"], row["folate_derivation"] = total, "total"
    elif not math.isnan(fa):
        row["folate"], row["folate_derivation"] = 1.7 * fa, "1.7*fa"
    row["folic_acid"] = fa if not math.isnan(fa) else derived_fa
    row["vitamin_b12_added"] = raw.get("vitamin_b12_added", nan)
    return row


def _serving_grams(item: Mapping[str, Any]) -> float | None:
    size = _as_float(item.get("servingSize"))
    unit = item.get("servingSizeUnit")
    if math.isnan(size) or size <= 0 or not unit:
        return None
    u = _UNIT_FIXES.get(str(unit).strip().upper(), str(unit).strip())
    if unit_kind(u) != "mass":
        return None
    return size * conversion_factor(u, "g")


def _food_group(item: Mapping[str, Any]) -> str | None:
    cat = item.get("foodCategory")
    if isinstance(cat, Mapping):
        cat = cat.get("description")
    if not cat:
        w = item.get("wweiaFoodCategory")
        if isinstance(w, Mapping):
            cat = w.get("wweiaFoodCategoryDescription") or w.get("description")
    if not cat:
        cat = item.get("brandedFoodCategory")
    return str(cat) if cat else (str(item["dataType"]) if item.get("dataType") else None)


# ---- portions

_QTY = re.compile(
    r"^\s*(?P<q>\d+\s+\d+/\d+|\d+-\d+/\d+|\d+/\d+|\d+(?:\.\d+)?|\.\d+)\s*(?P<rest>\S.*)?$"
)


def _quantity(text: str) -> tuple[float, str]:
    """Split ``"1 1/2 cup"`` into ``(1.5, "cup")``; no number → ``(1.0, text)``."""
    m = _QTY.match(text)
    if not m or not m.group("rest"):
        return 1.0, text.strip()
    q = m.group("q").replace("-", " ")
    total = 0.0
    for part in q.split():
        if "/" in part:
            a, b = part.split("/")
            total += float(a) / float(b) if float(b) else math.nan
        else:
            total += float(part)
    if not (total > 0):
        return 1.0, text.strip()
    return total, m.group("rest").strip()


def _portion_rows(item: Mapping[str, Any], food_id: str) -> list[dict[str, Any]]:
    rows: list[tuple[float, str, float, Any]] = []  # (amount, measure, grams, seq)
    for p in item.get("foodPortions") or ():
        if not isinstance(p, Mapping):
            continue
        grams = _as_float(p.get("gramWeight"))
        if math.isnan(grams) or grams <= 0:
            continue
        unit = p.get("measureUnit")
        base = unit.get("name") if isinstance(unit, Mapping) else None
        if base and str(base).strip().lower() in {"undetermined", "unknown", ""}:
            base = None
        mod = str(p.get("modifier") or "").strip()
        if mod.isdigit():  # FNDDS portion codes
            mod = ""
        desc = str(p.get("portionDescription") or "").strip()
        amount = _as_float(p.get("amount"))
        amount = 1.0 if math.isnan(amount) or amount <= 0 else amount
        if base:
            measure = f"{base}, {mod}" if mod else str(base)
        elif mod:
            measure = mod
        elif desc:
            amount, measure = _quantity(desc)
        else:
            continue
        rows.append((amount, measure, grams, p.get("sequenceNumber")))
    for m in item.get("foodMeasures") or ():  # search results
        if not isinstance(m, Mapping):
            continue
        grams = _as_float(m.get("gramWeight"))
        text = str(m.get("disseminationText") or m.get("measureUnitName") or "").strip()
        if math.isnan(grams) or grams <= 0 or not text:
            continue
        amount, measure = _quantity(text)
        rows.append((amount, measure, grams, m.get("rank")))
    if item.get("dataType") == "Branded" or item.get("servingSize") is not None:
        grams = _serving_grams(item)
        if grams is not None:
            text = str(item.get("householdServingFullText") or "").strip()
            if text:
                amount, measure = _quantity(text)
                rows.append((amount, measure.lower(), grams, None))
            rows.append((1.0, "serving", grams, None))
    out = []
    for i, (amount, measure, grams, _seq) in enumerate(rows, start=1):
        out.append(
            {"food_id": food_id, "seq": i, "amount": amount, "measure": measure, "grams": grams}
        )
    return out


def _food_row(item: Mapping[str, Any]) -> dict[str, Any]:
    raw = _raw_nutrients(item.get("foodNutrients") or ())
    row = _derive(raw)
    label = item.get("labelNutrients")
    if isinstance(label, Mapping):
        grams = _serving_grams(item)
        if grams:
            for name, key in _LABEL.items():
                v = label.get(name)
                v = _as_float(v.get("value") if isinstance(v, Mapping) else v)
                if math.isnan(row[key]) and not math.isnan(v):
                    row[key] = v * 100.0 / grams
                    if key == "energy":
                        row["energy_derivation"] = "label"
    row.update(
        description=str(item.get("description") or ""),
        food_group=_food_group(item),
        source="fdc",
        data_type=item.get("dataType"),
        fdc_id=int(item["fdcId"]),
    )
    return row


def parse_foods(items: Sequence[Mapping[str, Any]], *, search: bool = False) -> FDCFoods:
    """Turn FDC food records (any of the three layouts) into an :class:`FDCFoods`.

    Parameters
    ----------
    items : sequence of dict
        Parsed JSON food records: ``foods`` of a search response, the list
        returned by ``/foods``, or one ``/food/{id}`` record in a list.
    search : bool, default False
        Add ``score`` (FDC relevance, from the record) and ``rank`` (1-based
        position) columns.

    Returns
    -------
    FDCFoods

    Raises
    ------
    FDCResponseError
        If a record is not an object with an ``fdcId``.
    """
    rows, portions = [], []
    for rank, item in enumerate(items, start=1):
        if not isinstance(item, Mapping) or item.get("fdcId") is None:
            raise FDCResponseError(f"FDC food record without fdcId: {str(item)[:120]!r}")
        row = _food_row(item)
        food_id = f"fdc:{row['fdc_id']}"
        row["food_id"] = food_id
        if search:
            row["score"] = _as_float(item.get("score"))
            row["rank"] = rank
        rows.append(row)
        portions.extend(_portion_rows(item, food_id))
    columns = ["food_id", *TABLE_COLUMNS] + (["score", "rank"] if search else [])
    table = pd.DataFrame(rows, columns=columns)
    floats = [*NUTRIENTS, "folic_acid", "vitamin_b12_added"] + (["score"] if search else [])
    table = table.astype({c: np.float64 for c in floats})
    table = table.astype({"fdc_id": np.int64, **({"rank": np.int64} if search else {})})
    for c in ("description", "source", "data_type", "food_id"):
        table[c] = table[c].astype("str")
    for c in ("folate_derivation", "vitamin_d_derivation", "energy_derivation"):
        table[c] = table[c].astype("str")
    table["food_group"] = table["food_group"].astype("category")
    table = table.set_index("food_id")
    ptable = pd.DataFrame(portions, columns=list(PORTION_COLUMNS)).astype(
        {
            "food_id": "str",
            "seq": np.int64,
            "amount": np.float64,
            "measure": "str",
            "grams": np.float64,
        }
    )
    return FDCFoods(table, ptable)


# --------------------------------------------------------------------------- HTTP


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (seconds or HTTP date)."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


def _error_code(resp: requests.Response) -> tuple[str | None, str | None]:
    """``(code, message)`` of an api.data.gov error body ``{"error": {...}}``."""
    try:
        body = resp.json()
    except ValueError:
        return None, None
    err = body.get("error") if isinstance(body, Mapping) else None
    if isinstance(err, Mapping):
        return err.get("code"), err.get("message")
    if isinstance(body, Mapping):
        return body.get("code"), body.get("message") or body.get("error")
    return None, None


class FDCClient:
    """Client of the USDA FoodData Central API with retries and a disk cache.

    Parameters
    ----------
    api_key : str, optional
        Your data.gov API key; default the ``FDC_API_KEY`` environment
        variable. Needed only for requests the cache cannot answer.
        ``"DEMO_KEY"`` works but warns: its rate limit is very low.
    base_url : str, default :data:`BASE_URL`
    cache : str, Path, JSONCache, bool or None, default None
        ``None`` or ``True``: ``<platformdirs user cache>/nutrigap/fdc``;
        a path: that folder; ``False``: no cache.
    offline : bool, default False
        Serve only from the cache; a miss raises :class:`FDCOfflineError`
        naming the request. Needs a cache.
    timeout : float or (float, float), default (3.05, 30.0)
        Connect and read timeouts in seconds.
    retries : int, default 4
        Further attempts after a 429, 5xx, timeout or connection error.
    backoff : float, default 0.5
        Wait before retry *n* (0-based) is ``backoff * 2**n`` seconds, or the
        server's ``Retry-After`` when given; never more than ``max_wait``.
    max_wait : float, default 60.0
        Cap on any single wait, in seconds.
    session : requests.Session, optional
        Reuse a session (proxies, adapters); default a new one.
    sleep : callable, default time.sleep
        Called with the seconds to wait between attempts (tests pass a fake).

    Raises
    ------
    ValueError
        ``offline=True`` with ``cache=False``.
    """

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str = BASE_URL,
        cache: str | os.PathLike[str] | JSONCache | bool | None = None,
        offline: bool = False,
        timeout: float | tuple[float, float] = (3.05, 30.0),
        retries: int = 4,
        backoff: float = 0.5,
        max_wait: float = 60.0,
        session: requests.Session | None = None,
        sleep: Callable[[float], Any] = time.sleep,
    ) -> None:
        key = api_key if api_key is not None else os.environ.get("FDC_API_KEY")
        self._api_key: str | None = key.strip() if key and key.strip() else None
        if self._api_key == "DEMO_KEY":
            warnings.warn(
                "using FDC DEMO_KEY: it allows only about 30 requests an hour per IP address; "
                f"get a free key at {SIGNUP_URL} and set FDC_API_KEY",
                UserWarning,
                stacklevel=2,
            )
        self.base_url = base_url.rstrip("/")
        if cache is None or cache is True:
            self.cache: JSONCache | None = JSONCache(default_cache_dir(), namespace="fdc")
        elif cache is False:
            self.cache = None
        elif isinstance(cache, JSONCache):
            self.cache = cache
        else:
            self.cache = JSONCache(Path(cache), namespace="fdc")
        if offline and self.cache is None:
            raise ValueError("offline=True needs a cache (cache=False given)")
        self.offline = offline
        self.timeout = timeout
        self.retries = int(retries)
        self.backoff = float(backoff)
        self.max_wait = float(max_wait)
        self._sleep = sleep
        self.session = session or requests.Session()
        self.session.headers.setdefault("User-Agent", f"nutrigap/{__version__} (python-requests)")
        self.requests_made = 0
        self.cache_hits = 0

    # -- plumbing

    def __repr__(self) -> str:
        key = "DEMO_KEY" if self._api_key == "DEMO_KEY" else ("set" if self._api_key else "unset")
        cache = str(self.cache.directory) if self.cache is not None else None
        return (
            f"FDCClient(base_url={self.base_url!r}, api_key=<{key}>, cache={cache!r}, "
            f"offline={self.offline})"
        )

    def __enter__(self) -> FDCClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the HTTP session."""
        self.session.close()

    def _scrub(self, text: str) -> str:
        text = re.sub(r"(api_key=)[^&\s\"']+", r"\1***", str(text))
        if self._api_key:
            text = text.replace(self._api_key, "***")
        return text

    def _request_id(self, method: str, path: str, params: Mapping[str, Any] | None, body: Any):
        return {
            "base_url": self.base_url,
            "method": method,
            "path": path,
            "params": dict(params or {}),
            "body": body,
        }

    def _cached(self, request: Mapping[str, Any]) -> tuple[str, Any] | None:
        if self.cache is None:
            return None
        key = cache_key(request)
        entry = self.cache.get(key)
        if entry is None or "response" not in entry:
            return None
        self.cache_hits += 1
        log.debug("FDC cache hit: %s %s", request["method"], request["path"])
        return key, entry["response"]

    def _store(self, request: Mapping[str, Any], response: Any) -> None:
        if self.cache is not None:
            self.cache.set(cache_key(request), {"request": dict(request), "response": response})

    def _call(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        body: Any = None,
        what: str | None = None,
    ) -> Any:
        """One API call through the cache; returns the parsed JSON."""
        request = self._request_id(method, path, params, body)
        hit = self._cached(request)
        if hit is not None:
            return hit[1]
        if self.offline:
            assert self.cache is not None
            raise FDCOfflineError(
                f"offline: {what or f'{method} {path}'} is not in the FDC cache at "
                f"{self.cache.root}; run once online to fill it"
            )
        data = self._fetch(method, path, params=params, body=body, what=what)
        self._store(request, data)
        return data

    def _fetch(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        body: Any = None,
        what: str | None = None,
    ) -> Any:
        """Send one request with retries; return parsed JSON or raise an FDCError."""
        what = what or f"{method} {path}"
        if not self._api_key:
            raise FDCAuthError(
                f"no FDC API key for {what}: pass api_key= or set FDC_API_KEY "
                f"(free key: {SIGNUP_URL})"
            )
        url = self.base_url + path
        headers = {"X-Api-Key": self._api_key, "Accept": "application/json"}
        err: FDCError | None = None
        for attempt in range(self.retries + 1):
            wait = self.backoff * 2**attempt
            t0 = time.perf_counter()
            try:
                resp = self.session.request(
                    method, url, params=params, json=body, headers=headers, timeout=self.timeout
                )
            except requests.Timeout as exc:
                err = FDCTimeoutError(
                    f"FDC timed out on {what} after {attempt + 1} attempt(s): "
                    f"{self._scrub(type(exc).__name__)} (timeout={self.timeout})"
                )
            except requests.ConnectionError as exc:
                err = FDCConnectionError(
                    f"cannot reach FDC at {self.base_url} for {what} after {attempt + 1} "
                    f"attempt(s): {self._scrub(str(exc))[:300]}"
                )
            except requests.RequestException as exc:
                raise FDCError(
                    f"FDC request {what} failed: {self._scrub(str(exc))[:300]}"
                ) from None
            else:
                self.requests_made += 1
                status = resp.status_code
                log.debug(
                    "FDC %s %s -> %d in %.2f s (rate limit remaining: %s)",
                    method,
                    path,
                    status,
                    time.perf_counter() - t0,
                    resp.headers.get("X-RateLimit-Remaining", "?"),
                )
                if status < 300:
                    try:
                        return resp.json()
                    except ValueError:
                        excerpt = self._scrub(resp.text[:120])
                        raise FDCResponseError(
                            f"malformed JSON from FDC for {what}: {excerpt!r}", status=status
                        ) from None
                if status not in RETRY_STATUSES:
                    raise self._status_error(resp, what)
                err = self._status_error(resp, what, attempts=attempt + 1)
                ra = _retry_after(resp.headers.get("Retry-After"))
                if ra is not None:
                    wait = ra
            if attempt < self.retries:
                wait = min(max(wait, 0.0), self.max_wait)
                log.info("FDC %s: %s; retrying in %.1f s", what, err, wait)
                self._sleep(wait)
        assert err is not None
        raise err

    def _status_error(self, resp: requests.Response, what: str, attempts: int = 1) -> FDCError:
        status = resp.status_code
        code, message = _error_code(resp)
        detail = self._scrub(f"{code}: {message}" if code else (message or resp.reason or ""))
        if status in (401, 403):
            if code == "API_KEY_MISSING":
                hint = "no API key was sent"
            elif code == "API_KEY_INVALID":
                hint = "the API key is invalid"
            else:
                hint = "access denied"
            return FDCAuthError(
                f"FDC refused {what} (HTTP {status}, {detail}): {hint}; check FDC_API_KEY "
                f"or get a free key at {SIGNUP_URL}",
                status=status,
            )
        if status == 404:
            return FDCNotFoundError(f"FDC has no {what} (HTTP 404)", status=status)
        if status == 429:
            return FDCRateLimitError(
                f"FDC rate limit exceeded on {what} after {attempts} attempt(s) (HTTP 429"
                f"{', ' + detail if detail else ''}); wait, or use your own key instead of "
                "DEMO_KEY (1,000 requests an hour)",
                status=status,
            )
        if status >= 500:
            return FDCServerError(
                f"FDC server error on {what} after {attempts} attempt(s) (HTTP {status}"
                f"{', ' + detail if detail else ''})",
                status=status,
            )
        return FDCError(f"FDC rejected {what} (HTTP {status}, {detail})", status=status)

    # -- public API

    def search(
        self,
        query: str,
        data_types: Sequence[str] | str = DEFAULT_DATA_TYPES,
        page_size: int = 25,
        *,
        page_number: int = 1,
        require_all_words: bool = False,
    ) -> FDCFoods:
        """Search FDC foods by keywords (``POST /foods/search``).

        Parameters
        ----------
        query : str
            Search terms, e.g. ``"spinach raw"``.
        data_types : sequence of str, default Foundation, SR Legacy, Survey (FNDDS)
            Any of :data:`DATA_TYPES`; add ``"Branded"`` to include products.
        page_size : int, default 25
            Results per page (the API allows 1-200).
        page_number : int, default 1
        require_all_words : bool, default False
            Only foods containing every word.

        Returns
        -------
        FDCFoods
            ``table`` in FDC's relevance order with ``score`` and ``rank``
            columns (nutrients from the search record, per 100 g);
            ``table.attrs["total_hits"]`` is the number of matching foods.
            ``portions`` come from the records' ``foodMeasures`` where given.
        """
        if isinstance(data_types, str):
            data_types = (data_types,)
        bad = [d for d in data_types if d not in DATA_TYPES]
        if bad:
            raise ValueError(f"unknown FDC data type(s) {bad}; choose from {DATA_TYPES}")
        if not 1 <= int(page_size) <= 200:
            raise ValueError(f"page_size must be 1-200, got {page_size}")
        q = " ".join(str(query).split())
        if not q:
            raise ValueError("empty FDC search query")
        body = {
            "query": q,
            "dataType": list(data_types),
            "pageSize": int(page_size),
            "pageNumber": int(page_number),
        }
        if require_all_words:
            body["requireAllWords"] = True
        data = self._call("POST", "/foods/search", body=body, what=f"search {q!r}")
        if not isinstance(data, Mapping) or not isinstance(data.get("foods"), list):
            raise FDCResponseError(f"FDC search {q!r}: response has no 'foods' list")
        result = parse_foods(data["foods"], search=True)
        result.table.attrs["total_hits"] = int(data.get("totalHits") or len(data["foods"]))
        result.table.attrs["query"] = q
        return result

    def _food_request(self, fdc_id: int) -> dict[str, Any]:
        return self._request_id("GET", f"/food/{fdc_id}", {"format": "full"}, None)

    def food(self, fdc_id: int | str) -> FDCFoods:
        """Fetch one food's full record (``GET /food/{fdcId}``).

        Parameters
        ----------
        fdc_id : int or str
            FDC id; ``"fdc:<id>"`` food ids are accepted too.

        Raises
        ------
        FDCNotFoundError
            FDC has no such food.
        """
        fid = _parse_id(fdc_id)
        data = self._call(
            "GET", f"/food/{fid}", params={"format": "full"}, what=f"food with FDC id {fid}"
        )
        if not isinstance(data, Mapping):
            raise FDCResponseError(f"FDC food {fid}: expected an object")
        return parse_foods([data])

    def foods(self, ids: Iterable[int | str]) -> FDCFoods:
        """Fetch many foods' full records, at most 20 per request (``POST /foods``).

        Foods already cached (by this method or :meth:`food`) are not
        requested again; each food is cached on its own, so later calls with
        other id sets still hit the cache.

        Parameters
        ----------
        ids : iterable of int or str
            FDC ids (or ``"fdc:<id>"``); duplicates are fetched once.

        Returns
        -------
        FDCFoods
            Rows in the order requested; ids FDC did not return are listed in
            ``missing``.

        Raises
        ------
        FDCOfflineError
            Offline and some ids are not cached (the message lists them).
        """
        wanted = list(dict.fromkeys(_parse_id(i) for i in ids))
        records: dict[int, Any] = {}
        todo = []
        for fid in wanted:
            hit = self._cached(self._food_request(fid))
            if hit is not None:
                records[fid] = hit[1]
            else:
                todo.append(fid)
        if todo and self.offline:
            assert self.cache is not None
            shown = ", ".join(map(str, todo[:20])) + (" ..." if len(todo) > 20 else "")
            raise FDCOfflineError(
                f"offline: {len(todo)} FDC food(s) not in the cache at {self.cache.root}: {shown}"
            )
        for start in range(0, len(todo), MAX_IDS_PER_REQUEST):
            chunk = todo[start : start + MAX_IDS_PER_REQUEST]
            data = self._fetch(
                "POST",
                "/foods",
                body={"fdcIds": chunk, "format": "full"},
                what=f"foods {chunk[0]}..{chunk[-1]} ({len(chunk)} ids)",
            )
            if not isinstance(data, list):
                raise FDCResponseError("FDC /foods: expected a list of foods")
            for item in data:
                if isinstance(item, Mapping) and item.get("fdcId") is not None:
                    fid = int(item["fdcId"])
                    records[fid] = item
                    self._store(self._food_request(fid), item)
        missing = tuple(f for f in wanted if f not in records)
        if missing:
            log.warning("FDC returned no record for %d id(s): %s", len(missing), missing[:20])
        table, portions, _ = parse_foods([records[f] for f in wanted if f in records])
        return FDCFoods(table, portions, missing)

    def best_match(
        self,
        text: str,
        *,
        data_types: Sequence[str] = DEFAULT_DATA_TYPES,
        min_score: float = 70.0,
        candidates: int = 10,
        details: bool = True,
    ) -> tuple[FDCFoods, float] | None:
        """The FDC food that best matches a diary's food text, for the matcher.

        Searches FDC, scores the top ``candidates`` hits against ``text`` with
        rapidfuzz's ``token_set_ratio`` on lower-cased, punctuation-free text
        (0-100; 100 when every word of one is in the other), and keeps the
        best; ties go to FDC's own relevance order.

        Parameters
        ----------
        text : str
            The food as written, e.g. ``"mung bean sprouts"``.
        data_types : sequence of str, default :data:`DEFAULT_DATA_TYPES`
        min_score : float, default 70
            Below this the result is ``None``.
        candidates : int, default 10
            How many search hits to consider.
        details : bool, default True
            Fetch the chosen food's full record (one more, cached request) so
            ``portions`` holds its household measures; else use the search
            record.

        Returns
        -------
        (FDCFoods, float) or None
            One-row foods (index ``"fdc:<id>"``, plus ``match_score``,
            ``fdc_score`` and ``fdc_rank`` columns) and its match score 0-100;
            ``None`` when FDC finds nothing scoring ``min_score`` or more.
        """
        from rapidfuzz import fuzz, utils

        hits = self.search(text, data_types=data_types, page_size=max(1, min(candidates, 200)))
        if hits.table.empty:
            return None
        scores = np.array(
            [
                fuzz.token_set_ratio(text, d, processor=utils.default_process)
                for d in hits.table["description"]
            ],
            dtype=float,
        )
        best = int(np.argmax(scores))  # first maximum = best FDC rank among ties
        score = float(scores[best])
        if score < min_score:
            return None
        food_id = hits.table.index[best]
        fdc_score = float(hits.table["score"].iloc[best])
        fdc_rank = int(hits.table["rank"].iloc[best])
        if details:
            chosen = self.food(int(hits.table["fdc_id"].iloc[best]))
        else:
            chosen = FDCFoods(
                hits.table.loc[[food_id], list(TABLE_COLUMNS)].copy(),
                hits.portions[hits.portions["food_id"] == food_id].reset_index(drop=True),
            )
        table = chosen.table.copy()
        table["match_score"] = score
        table["fdc_score"] = fdc_score
        table["fdc_rank"] = fdc_rank
        return FDCFoods(table, chosen.portions), score


def _parse_id(value: int | str) -> int:
    s = str(value).strip()
    if s.lower().startswith("fdc:"):
        s = s[4:]
    try:
        fid = int(s)
    except ValueError:
        raise ValueError(f"not an FDC id: {value!r}") from None
    if fid <= 0:
        raise ValueError(f"not an FDC id: {value!r}")
    return fid
