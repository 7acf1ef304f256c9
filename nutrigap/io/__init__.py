"""Diary import: CSV, Cronometer, MyFitnessPal and free text into one tidy frame.

Every reader returns the canonical diary (see the project guide): one row per
entry with ``[person,] date, meal, food, quantity, unit, grams, supplement,
entry_type, source_file, source_line`` and, for exports that carry nutrient
amounts, one float column per nutrient key in canonical units (NaN = blank).
``diary.attrs["rejected"]`` holds every input line that did not become a row
(``source_file, source_line, raw, reason``; see :func:`rejected_rows`), so
rows read + rows rejected = data lines of the input. ``diary.attrs["format"]``
names the layout read.

One module per source, as pvlib's ``iotools`` keep one reader per data source:
:mod:`~nutrigap.io.generic` (:func:`read_csv_diary`),
:mod:`~nutrigap.io.cronometer` (:func:`read_cronometer`),
:mod:`~nutrigap.io.myfitnesspal` (:func:`read_myfitnesspal`),
:mod:`~nutrigap.io.text` (:func:`read_text_diary`, :func:`parse_entry`).
:func:`read_diary` detects the layout from the header.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from nutrigap.exceptions import DiaryFormatError
from nutrigap.io import cronometer as _cron
from nutrigap.io import generic as _generic
from nutrigap.io import myfitnesspal as _mfp
from nutrigap.io._common import (
    CANONICAL_COLUMNS,
    MAX_GRAMS,
    MAX_QUANTITY,
    REJECTED_COLUMNS,
    RejectedRows,
    empty_rejected,
    load_source,
    read_table,
    rejected_rows,
)
from nutrigap.io._quantity import Amount, parse_amount
from nutrigap.io.cronometer import read_cronometer
from nutrigap.io.generic import read_csv_diary
from nutrigap.io.myfitnesspal import read_myfitnesspal
from nutrigap.io.text import Entry, QuantityWarning, parse_entry, read_text_diary

__all__ = [
    "read_diary",
    "read_diaries",
    "read_csv_diary",
    "read_cronometer",
    "read_myfitnesspal",
    "read_text_diary",
    "parse_entry",
    "parse_amount",
    "rejected_rows",
    "RejectedRows",
    "detect_format",
    "Entry",
    "QuantityWarning",
    "Amount",
    "CANONICAL_COLUMNS",
    "REJECTED_COLUMNS",
    "MAX_GRAMS",
    "MAX_QUANTITY",
    "FORMATS",
]

#: Values accepted by ``read_diary(format=...)``.
FORMATS = ("auto", "csv", "cronometer", "myfitnesspal", "text")


def detect_format(header: list[str]) -> str | None:
    """Layout of a delimited file from its header: a :data:`FORMATS` name or None."""
    if _cron.is_servings(header) or _cron.is_summary(header):
        return "cronometer"
    if _mfp.is_summary(header) or _mfp.is_food_diary(header):
        return "myfitnesspal"
    if _generic.looks_generic(header):
        return "csv"
    return None


def _is_text_lines(source: object) -> bool:
    return isinstance(source, list | tuple) and all(isinstance(x, str) for x in source)


def read_diary(source: object, format: str = "auto", **kwargs: object) -> pd.DataFrame:
    """Read a food diary in any supported layout.

    Parameters
    ----------
    source : str, os.PathLike, file object, str or list of str
        A path (``.csv``, ``.tsv``, ``.txt``), an open file, CSV text (a string
        with a line break), or a list of free-text lines (``["2 eggs",
        "coffee"]``).
    format : {"auto", "csv", "cronometer", "myfitnesspal", "text"}
        ``"auto"`` picks from the header (a list of lines or a ``.txt`` path is
        free text); when ``columns=`` is given it reads a CSV diary with that
        column map.
    **kwargs
        Passed to the reader (``columns=``, ``encoding=``, ``delimiter=``,
        ``dayfirst=``, ``calcium_dv_mg=`` …).

    Returns
    -------
    pandas.DataFrame
        The canonical diary with ``attrs["rejected"]`` and ``attrs["format"]``.

    Raises
    ------
    DiaryFormatError
        If the layout is unknown (the message lists the columns seen and the
        ones needed) or the file cannot be read.
    """
    if format not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, not {format!r}")
    if format == "auto" and kwargs.get("columns"):
        # an explicit column map names a CSV diary's columns: read it as one
        format = "csv"
    if format == "text" or (format == "auto" and _is_text_lines(source)):
        return read_text_diary(source, **kwargs)
    if format == "auto" and isinstance(source, str | os.PathLike):
        if str(source).lower().endswith(".txt") and Path(source).is_file():
            return read_text_diary(source, **kwargs)
    encoding = kwargs.pop("encoding", None)
    delimiter = kwargs.pop("delimiter", None)
    text, name, data = load_source(source, encoding)
    table = read_table(text, name, delimiter, data)
    fmt = detect_format(table.header) if format == "auto" else format
    if fmt is None:
        if len(table.header) == 1 and format == "auto":  # one column, no header: free text
            return read_text_diary(text, **kwargs)
        raise DiaryFormatError(
            f"unknown diary layout; columns seen: {table.header}. Needed: a Cronometer "
            f"export {list(_cron.SERVINGS_REQUIRED)} or {list(_cron.SUMMARY_REQUIRED)}; a "
            "MyFitnessPal export ['Date', 'Meal', 'Calories'] or ['Date', 'Entry', 'Item', "
            "'Amount', 'Calories']; or a CSV diary with a food column (one of "
            f"{list(_generic.HEADER_ALIASES['food'])}); or pass columns={{'food': ...}}",
            file=name,
            line=table.header_line,
        )
    if fmt == "cronometer":
        return _cron._from_table(table, **kwargs)
    if fmt == "myfitnesspal":
        return _mfp._from_table(table, **kwargs)
    return _generic._from_table(table, **kwargs)


def _expand(paths: object) -> list[Path]:
    if isinstance(paths, str | os.PathLike):
        p = Path(paths)
        if p.is_dir():
            return sorted(q for q in p.iterdir() if q.suffix.lower() in {".csv", ".tsv", ".txt"})
        if any(ch in str(paths) for ch in "*?["):
            return sorted(Path(x) for x in glob.glob(str(paths)))
        return [p]
    out: list[Path] = []
    for x in paths:  # type: ignore[union-attr]
        out.extend(_expand(x))
    return out


def read_diaries(paths: str | os.PathLike | Iterable[str | os.PathLike], **kwargs: object):
    """Read many diaries into one frame with a ``person`` column.

    Parameters
    ----------
    paths : path, directory, glob pattern or list of them
        A directory reads its ``.csv``, ``.tsv`` and ``.txt`` files.
    **kwargs
        Passed to :func:`read_diary`.

    Returns
    -------
    pandas.DataFrame
        All rows; ``person`` is the file's own person column where it has one,
        else the file name's stem. ``attrs["rejected"]`` concatenates the
        rejected rows of every file; ``attrs["format"]`` is the common format
        (or ``"mixed"``) and ``attrs["formats"]`` maps file → format.

    Raises
    ------
    DiaryFormatError
        If nothing matches ``paths``.
    """
    files = _expand(paths)
    if not files:
        raise DiaryFormatError(f"no diary files found for {paths!r}")
    frames, rejected, formats = [], [], {}
    for f in files:
        d = read_diary(f, **kwargs)
        person = pd.Series(f.stem, index=d.index, dtype="str")
        if "person" in d.columns:
            person = d["person"].fillna(f.stem).astype("str")
        d = d.assign(person=person)
        d = d[["person", *[c for c in d.columns if c != "person"]]]
        rej = rejected_rows(d)
        if len(rej):
            rejected.append(rej)
        formats[str(f)] = d.attrs.get("format")
        d.attrs = {}
        frames.append(d)
    out = pd.concat(frames, ignore_index=True, sort=False)
    out["supplement"] = out["supplement"].fillna(False).astype(bool)
    out.attrs["rejected"] = pd.concat(rejected, ignore_index=True) if rejected else empty_rejected()
    kinds = sorted({v for v in formats.values() if v})
    out.attrs["format"] = kinds[0] if len(kinds) == 1 else "mixed"
    out.attrs["formats"] = formats
    return out
