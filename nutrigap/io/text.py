"""Free-text diary entries: ``2 cups spinach``, ``almonds 30g``, ``a handful of almonds``.

:func:`parse_entry` splits one entry into quantity, unit and food with the
grammar of :mod:`nutrigap.io._quantity`:

1. a leading amount — a number (``2``, ``1 1/2``, ``1½``, ``0,5``, ``2-3``,
   ``two``; ``a``/``an`` only before a unit), then optionally an inner size
   (``2 8 oz packages``, ``1 (14-oz) can``, ``1 15-ounce can``: so many
   containers of that size; a mass gives ``grams``) or a parenthesis that is
   skipped (``2 (7 × 8-inch) sheets``), then optionally a unit with an optional
   size word before it (``1 lg clove`` is a clove, ``1 medium banana`` is a
   medium) and ``of``;
2. otherwise a trailing amount with a unit (``almonds 30g``,
   ``milk, 200 ml``, ``rice (1 cup)``) or a count (``eggs x3``);
3. otherwise no amount (``coffee``).

A mass unit sets ``grams``; a parenthesised mass after a volume gives the
total mass (``¼ c (1.5 oz) crickets`` → 42.5 g).

:func:`read_text_diary` reads such lines (a list or a ``.txt`` file), each
optionally prefixed by a date (``2024-03-01 2 eggs``) and/or a meal
(``breakfast: oatmeal``). A date (alone on its line or before an entry)
holds for the lines below until the next date; a meal prefix holds for its
line, a meal alone on its line (``Lunch:``) for the lines below. Header lines,
blank lines and ``#`` comments are not entries.
"""

from __future__ import annotations

import math
import re
import warnings
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import numpy as np
import pandas as pd

from nutrigap.io._common import Rejects, Table, finish, load_text, parse_dates
from nutrigap.io._quantity import (
    _ONE,
    _UNIT_ALT,
    NUMBER_RE,
    SIZE_WORDS,
    WORD_NUMBER_RE,
    _lead_number,
    _unit_head,
    canonical_unit,
    grams_per,
    parse_number,
)

__all__ = ["Entry", "QuantityWarning", "parse_entry", "read_text_diary"]


class QuantityWarning(UserWarning):
    """An entry's quantity is written in words that could not be read.

    :func:`parse_entry` then returns the entry without a quantity and with the
    whole text as the food; :func:`read_text_diary` rejects the line instead.
    """


class Entry(NamedTuple):
    """One parsed diary entry.

    Attributes
    ----------
    quantity : float
        NaN when the entry states none (``coffee``).
    unit : str or None
        Canonical unit (``cup``, ``tbsp``, ``g``, ``medium``…); None for a count
        (``3 eggs``) or no amount.
    food : str
        The food as written, amount removed.
    grams : float
        Mass stated by the entry, else NaN.
    """

    quantity: float
    unit: str | None
    food: str
    grams: float


_NAN = math.nan
_INNER = re.compile(
    rf"^\s*\(?\s*(?P<q>{_ONE})\s*-?\s*(?P<u>{_UNIT_ALT})(?![\w])\.?\s*\)?(?=\s)",
    re.IGNORECASE,
)
_SKIP_PAREN = re.compile(r"^\s*\([^()]*\)")
_PAREN_MASS = re.compile(
    rf"^\s*\(\s*(?:about\s+|approx\.?\s+|~\s*)?(?P<q>{_ONE})\s*(?P<u>{_UNIT_ALT})(?![\w])[^()]*\)",
    re.IGNORECASE,
)
_OF = re.compile(r"^\s*(?:of\s+|,\s*)", re.IGNORECASE)
_ARTICLE = re.compile(r"^\s*(?:an?|the)\s+", re.IGNORECASE)
_TRAIL = re.compile(
    rf"^(?P<food>.*?\S)[\s,(:\-–]*\s(?P<amt>(?:{NUMBER_RE.pattern})\s*(?P<u>{_UNIT_ALT})(?![\w])\.?)\)?\s*$",
    re.IGNORECASE,
)
_TRAIL_TIGHT = re.compile(
    rf"^(?P<food>.*?\S)[\s,(:\-–]*?(?P<amt>(?<![\w.,/])(?:\d+(?:[.,]\d+)?|\d+/\d+)\s*(?P<u>{_UNIT_ALT})(?![\w])\.?)\)?\s*$",
    re.IGNORECASE,
)
_TRAIL_X = re.compile(r"^(?P<food>.*?\S)\s*[,(]?\s*[x×]\s*(?P<q>\d+(?:[.,]\d+)?)\)?\s*$", re.I)
_MID_UNIT = re.compile(
    rf"^\s*(?P<w>(?:[A-Za-z][\w'-]*\s+){{1,2}}?)(?P<u>{_UNIT_ALT})(?![\w])", re.IGNORECASE
)
#: Units never taken from after a word (one letter, sizes, "each", "can" as verb)
_NOT_MID = {"each", "can", "inch", "cm", *SIZE_WORDS}
_MASS = {"g", "kg", "mg", "oz", "lb", "µg"}
# number words left over after a quantity: "one and a bit cups", "2 cups or three"
_LEFTOVER = re.compile(
    r"^\s*(?:(?:and|&|to|or)\s+(?:{w})(?![\w])"
    r"|(?:{w})(?![\w-]))".format(
        w="|".join(
            [
                "one",
                "two",
                "three",
                "four",
                "five",
                "six",
                "seven",
                "eight",
                "nine",
                "ten",
                "eleven",
                "twelve",
                r"half(?!\s*(?:and|&|-)\s*-?\s*half)",
                "halves",
                "quarters?",
                "thirds?",
                "dozen",
                "couple",
                "an?",
            ]
        )
    ),
    re.IGNORECASE,
)
# "a pinch or two", "2 cups and a half": the rest of the quantity after its unit
_AFTER_UNIT = re.compile(
    rf"^\s*(?P<op>or|to|and|&)\s+(?P<n>{WORD_NUMBER_RE}|\d+(?:[.,]\d+)?)(?![\w])(?:\s+of(?![\w]))?",
    re.IGNORECASE,
)
_VOLUME = {"ml", "cl", "dl", "l", "cup", "tbsp", "tsp", "fl oz", "pint", "quart", "gallon"}


def _clean_food(text: str) -> str:
    food = _OF.sub("", text, count=1)
    food = re.sub(r"^[\s,;:\-–]+", "", food)
    food = re.sub(r"\s+([,;)])", r"\1", re.sub(r"\s{2,}", " ", food))
    return food.strip()


def parse_entry(text: str, *, decimal_comma: bool = False) -> Entry:
    """Split one free-text diary entry into quantity, unit and food.

    Parameters
    ----------
    text : str
        One entry: ``"2 cups spinach"``, ``"almonds 30g"``, ``"1 medium banana"``,
        ``"3 eggs"``, ``"200 ml milk"``, ``"1½ tbsp peanut butter"``,
        ``"1 1/2 cups oats"``, ``"a handful of almonds"``, ``"coffee"``.
    decimal_comma : bool
        Read ``1,5`` as 1.5 even where it could be a thousands separator.

    Returns
    -------
    Entry
        ``(quantity, unit, food, grams)``. Spelled-out quantities are read
        (``"one and a half cups rice"``, ``"a dozen eggs"``, ``"half a cup"``,
        ``"a couple of eggs"``, ``"two to three eggs"``).

    Warns
    -----
    QuantityWarning
        When the entry starts with number words that cannot be read
        (``"one and a bit cups rice"``); the entry then has no quantity and
        the whole text as its food, so nothing is guessed silently.

    Examples
    --------
    >>> parse_entry("1 1/2 cups oats")
    Entry(quantity=1.5, unit='cup', food='oats', grams=nan)
    >>> parse_entry("almonds 30g")
    Entry(quantity=30.0, unit='g', food='almonds', grams=30.0)
    >>> parse_entry("a handful of almonds")
    Entry(quantity=1.0, unit='handful', food='almonds', grams=nan)
    """
    entry, problem = _parse_entry(text, decimal_comma)
    if problem:
        warnings.warn(problem, QuantityWarning, stacklevel=2)
    return entry


def _parse_entry(text: str, decimal_comma: bool) -> tuple[Entry, str | None]:
    """:func:`parse_entry` and the reason its quantity words were not read (or None)."""
    s = re.sub(r"\s+", " ", str(text)).strip()
    entry = _split_entry(s, decimal_comma)
    if _LEFTOVER.match(entry.food) and not re.match(r"^an?\b", entry.food, re.I):
        s = re.sub(r"^(?:[-*•·]\s+)", "", s)
        return Entry(_NAN, None, s, _NAN), f"quantity words not understood in {s!r}"
    return entry, None


def _split_entry(s: str, decimal_comma: bool) -> Entry:
    s = re.sub(r"^(?:[-*•·]\s+)", "", s)
    if re.match(r"^[-−]\d", s):  # a negative amount: parsed, for the reader to reject
        e = _split_entry(s[1:], decimal_comma)
        return Entry(-e.quantity, e.unit, e.food, -e.grams)
    lead = _lead_number(s, decimal_comma)
    if lead is not None:
        q, rest = lead
        grams = _NAN
        unit: str | None = None
        inner = _INNER.match(rest)
        if inner:
            u_in = canonical_unit(inner.group("u"))
            after = rest[inner.end() :]
            container, after2 = _unit_head(after)
            if container is not None and container not in SIZE_WORDS:
                # "2 8 oz packages", "1 (14-oz) can", "1 15-ounce can"
                per = parse_number(inner.group("q"), decimal_comma) * grams_per(u_in)
                return Entry(q, container, _clean_food(after2), q * per)
            inner = None
        paren_total = _NAN
        m = _SKIP_PAREN.match(rest)
        if m:  # "2 (7 × 8-inch) sheets"
            rest = rest[m.end() :]
        unit, rest = _unit_head(rest)
        au = _AFTER_UNIT.match(rest) if unit is not None else None
        if au:
            v = parse_number(au.group("n"), decimal_comma)
            if au.group("op").lower() in {"or", "to"}:  # "a pinch or two": the midpoint
                q, rest = (q + v) / 2.0, rest[au.end() :]
            elif v < 1:  # "2 cups and a half"
                q, rest = q + v, rest[au.end() :]
        pm = _PAREN_MASS.match(rest)
        if pm:
            u2 = canonical_unit(pm.group("u"))
            v2 = parse_number(pm.group("q"), decimal_comma)
            if u2 in _MASS:
                paren_total = v2 * grams_per(u2)
                if unit not in _VOLUME and unit not in _MASS:
                    paren_total *= q  # "2 lg (about 8 oz) zucchini": per unit
            rest = rest[pm.end() :]
        else:
            m = _SKIP_PAREN.match(rest)
            if m:
                rest = rest[m.end() :]
        if unit is None:  # "3 garlic cloves", "1 good pinch", "2 thick slices"
            mid = _MID_UNIT.match(rest)
            if mid and len(mid.group("u")) > 2 and canonical_unit(mid.group("u")) not in _NOT_MID:
                unit = canonical_unit(mid.group("u"))
                rest = mid.group("w") + rest[mid.end() :]
        if unit in _MASS:
            grams = q * grams_per(unit)
        elif not math.isnan(paren_total):
            grams = paren_total
        food = _clean_food(rest)
        if unit is None:
            food = _ARTICLE.sub("", food, count=1)
        return Entry(q, unit, food, grams)
    lone = _unit_head(s)
    if lone[0] is not None and lone[0] not in SIZE_WORDS and len(s) > len(lone[1]) + 1:
        u0 = lone[0]
        head = s[: len(s) - len(lone[1])].strip().lower()
        if len(head) > 2:  # "Pinch of salt", "splash of oil" (not "l", "c")
            au = _AFTER_UNIT.match(lone[1])
            if au and au.group("op").lower() in {"or", "to"}:  # "Bottle or two of water"
                v = parse_number(au.group("n"), decimal_comma)
                return Entry((1.0 + v) / 2.0, u0, _clean_food(lone[1][au.end() :]), _NAN)
            return Entry(_NAN, u0, _clean_food(lone[1]), _NAN)
    for pat in (_TRAIL, _TRAIL_TIGHT):
        m = pat.match(s)
        if m and m.group("food").strip(" ,(-"):
            u = canonical_unit(m.group("u"))
            amt = m.group("amt")
            num = amt[: len(amt) - len(m.group("u")) - (1 if amt.endswith(".") else 0)].strip()
            q = parse_number(num, decimal_comma)
            if not math.isnan(q):
                food = m.group("food").rstrip(" ,(:-–")
                return Entry(q, u, food, q * grams_per(u) if u in _MASS else _NAN)
    m = _TRAIL_X.match(s)
    if m:
        return Entry(parse_number(m.group("q"), decimal_comma), None, m.group("food"), _NAN)
    return Entry(_NAN, None, s, _NAN)


# --- text diaries ------------------------------------------------------------

_DATE_PREFIX = re.compile(
    r"^(?P<date>\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}\.\d{1,2}\.\d{4})"
    r"(?:\s*[:,;|\-–]\s*|\s+|$)"
)
_MEAL_PREFIX = re.compile(r"^(?P<meal>[A-Za-z][A-Za-z ]{0,24}?)\s*:\s*(?=\S|$)")


def read_text_diary(
    source: str | Sequence[str] | Iterable[str] | object,
    *,
    encoding: str | None = None,
    dayfirst: bool | None = None,
    decimal_comma: bool = False,
) -> pd.DataFrame:
    """Read a free-text diary: one entry per line.

    Parameters
    ----------
    source : list of str, path of a text file, file object, or str
        A list (or any iterable) of lines, a path, an open file, or the text.
    encoding : str, optional
        Force the encoding of a file.
    dayfirst : bool, optional
        Read ``1/2/2024`` as 1 February.
    decimal_comma : bool
        Read ``0,5`` as a decimal everywhere.

    Returns
    -------
    pandas.DataFrame
        The canonical diary (``entry_type="food"``; ``date`` NaT where no date
        was given); ``attrs["format"]`` is ``"text"``.
    """
    if isinstance(source, str) and "\n" not in source and not _is_path(source):
        lines, name = [source], "<lines>"
    elif isinstance(source, list | tuple) or (
        not isinstance(source, str | bytes)
        and hasattr(source, "__iter__")
        and not hasattr(source, "read")
        and not hasattr(source, "__fspath__")
    ):
        lines, name = [str(x) for x in source], "<lines>"
    else:
        text, name = load_text(source, encoding)
        lines = re.split(r"\r\n|\r|\n", text)
    return _parse_lines(lines, name, dayfirst=dayfirst, decimal_comma=decimal_comma)


def _is_path(s: str) -> bool:
    from pathlib import Path

    try:
        return Path(s).is_file()
    except OSError:
        return False


def _parse_lines(
    lines: list[str], name: str, dayfirst: bool | None, decimal_comma: bool
) -> pd.DataFrame:
    numbers: list[int] = []
    raws: list[str] = []
    date_txt: list[str] = []
    meals: list[str | None] = []
    bodies: list[str] = []
    cur_date, cur_meal = "", None
    for i, line in enumerate(lines, start=1):
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        d = _DATE_PREFIX.match(s)
        row_date = cur_date
        if d:  # a date starts a new day for this line and the lines below
            row_date = cur_date = d.group("date")
            cur_meal = None
            s = s[d.end() :].strip()
            if not s:
                continue
        m = _MEAL_PREFIX.match(s)
        row_meal = cur_meal
        if m:
            row_meal = m.group("meal").strip()
            s = s[m.end() :].strip()
            if not s:
                cur_meal = row_meal
                continue
        numbers.append(i)
        raws.append(line)
        date_txt.append(row_date)
        meals.append(row_meal)
        bodies.append(s)
    lines_arr = np.asarray(numbers, dtype=np.int64)
    table = Table(
        name=name,
        header=[],
        columns={},
        lines=lines_arr,
        ends=lines_arr,
        text="\n".join(lines),
        delimiter=",",
        header_line=0,
        _physical=list(lines),
    )
    rejects = Rejects(table)
    dates, bad = parse_dates(pd.Series(date_txt, dtype="object"), dayfirst=dayfirst)
    rejects.add(bad, "not a date")
    parsed = {b: _parse_entry(b, decimal_comma) for b in set(bodies)}
    entries = [parsed[b][0] for b in bodies]
    problems = [parsed[b][1] for b in bodies]
    if any(problems):  # number words that could not be read: rejected, never guessed
        bad = np.array([p is not None for p in problems])
        reasons = np.array([p or "" for p in problems], dtype=object)
        for reason in pd.unique(reasons[bad]):
            rejects.add(reasons == reason, str(reason))
    food = pd.Series([e.food for e in entries], dtype="object")
    rejects.add(food.fillna("").str.strip().eq("").to_numpy(), "no food named")
    data = {
        "date": dates,
        "meal": pd.Series(meals, dtype="object"),
        "food": food,
        "quantity": pd.Series([e.quantity for e in entries], dtype="float64"),
        "unit": pd.Series([e.unit for e in entries], dtype="object"),
        "grams": pd.Series([e.grams for e in entries], dtype="float64"),
        "supplement": False,
        "entry_type": "food",
    }
    return finish(data, table, rejects, "text")
