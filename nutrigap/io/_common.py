"""Plumbing shared by the diary readers.

* :func:`load_text` reads a path, a file object, bytes or a string and decodes
  it: UTF-16 when it starts with a UTF-16 byte-order mark, else UTF-8 (with or
  without BOM), else cp1252, else latin-1 (which never fails).
* :func:`sniff_delimiter` picks ``,``, ``;`` or tab from the header line.
* :func:`split_records` runs :mod:`csv` over the text and keeps, for every
  record, the physical line where it starts (records may hold quoted
  newlines), so every row of a diary and of its rejected table points at its
  line in the file.
* :class:`Table` is the parsed file: header, columns of raw strings,
  ``source_line`` per row, and the rejected rows with reasons.
* :func:`to_number`, :func:`parse_dates` vectorise cell parsing: a fast
  :func:`pandas.to_numeric` pass, then one parse per distinct leftover string.
* :func:`finish` assembles the canonical diary and applies the plausibility
  limits (:data:`MAX_GRAMS`, :data:`DATE_RANGE`).
"""

from __future__ import annotations

import codecs
import csv
import functools
import io
import math
import os
import re
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from nutrigap.exceptions import DiaryFormatError, UnknownUnitError
from nutrigap.nutrients import NUTRIENTS
from nutrigap.units import conversion_factor

__all__ = [
    "CANONICAL_COLUMNS",
    "REJECTED_COLUMNS",
    "NUTRIENT_KEYS",
    "MAX_GRAMS",
    "MAX_QUANTITY",
    "DATE_RANGE",
    "rejected_rows",
    "empty_rejected",
    "RejectedRows",
    "load_text",
    "load_source",
    "sniff_delimiter",
    "Table",
    "read_table",
    "to_number",
    "parse_dates",
    "nutrient_column",
    "finish",
]

#: Columns of every canonical diary, in order (nutrient columns follow).
CANONICAL_COLUMNS = [
    "person",
    "date",
    "meal",
    "food",
    "quantity",
    "unit",
    "grams",
    "supplement",
    "entry_type",
    "source_file",
    "source_line",
]
#: Columns of ``diary.attrs["rejected"]``.
REJECTED_COLUMNS = ["source_file", "source_line", "raw", "reason"]
#: Nutrient keys a reader may fill, in catalog order.
NUTRIENT_KEYS = list(NUTRIENTS)

#: One entry stating more than this many grams is rejected (5 kg: a slip of
#: the keyboard is likelier than a 5 kg portion; a 2 l bottle of water passes).
MAX_GRAMS = 5000.0
#: A quantity above this (in any unit) is rejected as a typo.
MAX_QUANTITY = 10000.0
#: Dates outside this range are rejected as unparseable slips.
DATE_RANGE = (pd.Timestamp("1900-01-01"), pd.Timestamp("2100-12-31"))


class RejectedRows(pd.DataFrame):
    """The rejected-rows table (a :class:`pandas.DataFrame`).

    The only difference from a plain frame: ``a == b`` between two rejected
    tables is ``a.equals(b)`` (a bool). pandas compares ``attrs`` dicts when it
    concatenates or ``astype``-s a diary; with a plain frame in ``attrs`` that
    comparison raises "truth value of a DataFrame is ambiguous".
    """

    @property
    def _constructor(self):
        return RejectedRows

    def __eq__(self, other: object):  # type: ignore[override]
        if isinstance(other, RejectedRows):
            return self.equals(other)
        return super().__eq__(other)

    __hash__ = None  # type: ignore[assignment]


def empty_rejected() -> pd.DataFrame:
    """An empty rejected-rows table with the right columns and dtypes."""
    return _EMPTY_REJECTED.copy()


_EMPTY_REJECTED = RejectedRows(
    {
        "source_file": pd.Series([], dtype="str"),
        "source_line": pd.Series([], dtype="int64"),
        "raw": pd.Series([], dtype="str"),
        "reason": pd.Series([], dtype="str"),
    }
)


def rejected_rows(diary: pd.DataFrame) -> pd.DataFrame:
    """The rows of the input that did not become diary rows, with the reason.

    Parameters
    ----------
    diary : pandas.DataFrame
        A diary returned by a nutrigap reader.

    Returns
    -------
    pandas.DataFrame
        Columns ``source_file``, ``source_line`` (1-based physical line),
        ``raw`` (the line(s) as written) and ``reason``; empty when nothing was
        rejected.
    """
    rej = diary.attrs.get("rejected")
    if rej is None:
        return empty_rejected()
    return rej


# --- reading and decoding ----------------------------------------------------


def _decode(data: bytes, name: str, encoding: str | None) -> tuple[str, bool]:
    """The text, and whether ``data`` is its UTF-8 encoding (BOM aside)."""
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise DiaryFormatError(
                f"cannot decode as {encoding}: {exc.reason}", file=name, line=line
            ) from exc
        return text, codecs.lookup(encoding).name in ("utf-8", "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), False
    try:
        return data.decode("utf-8-sig"), True
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), False
    except UnicodeDecodeError:
        return data.decode("latin-1"), False


def _looks_like_text(s: str) -> bool:
    return "\n" in s or "\r" in s


def load_text(source: object, encoding: str | None = None) -> tuple[str, str]:
    """Read and decode a diary source.

    Parameters
    ----------
    source : str, os.PathLike, bytes or file object
        A path; CSV text (a string holding a line break); bytes; or an open
        file (text or binary).
    encoding : str, optional
        Force an encoding instead of detecting it.

    Returns
    -------
    (text, name)
        The decoded text (BOM removed) and the name used in messages and in
        ``source_file``: the path, ``"<string>"``, or the file object's name.

    Raises
    ------
    DiaryFormatError
        If the path does not exist or the bytes are not text.
    """
    text, name, _ = load_source(source, encoding)
    return text, name


def load_source(source: object, encoding: str | None = None) -> tuple[str, str, bytes | None]:
    """:func:`load_text`, plus the bytes read when they are UTF-8 (else None).

    The third item is then exactly ``text.encode("utf-8")`` (without the
    byte order mark the text lost): :func:`read_table` hands it to pandas' C
    parser instead of encoding ``text`` again (0.1 s per 60 MB).
    """
    if isinstance(source, bytes | bytearray):
        data, name = bytes(source), "<bytes>"
    elif isinstance(source, str) and _looks_like_text(source):
        return source.removeprefix("\ufeff"), "<string>", None
    elif isinstance(source, str | os.PathLike):
        path = Path(source)
        name = str(source)
        if not path.is_file():
            raise DiaryFormatError("no such file", file=name)
        data = path.read_bytes()
    elif hasattr(source, "read"):
        name = str(getattr(source, "name", "<file>"))
        content = source.read()
        if isinstance(content, str):
            return content.removeprefix("\ufeff"), name, None
        data = bytes(content)
    else:
        raise TypeError(f"cannot read a diary from {type(source).__name__}")
    text, utf8 = _decode(data, name, encoding)
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise DiaryFormatError("binary data (NUL byte): not a text file", file=name, line=line)
    text = text.removeprefix("\ufeff")
    if not utf8:
        return text, name, None
    # drop the byte order marks the text lost, so that data encodes text exactly
    n_boms = len(data) - len(data.lstrip(codecs.BOM_UTF8)) if data[:1] == b"\xef" else 0
    n_kept = len(text) - len(text.lstrip("\ufeff")) if text[:1] == "\ufeff" else 0
    drop = n_boms - n_kept * len(codecs.BOM_UTF8)
    return text, name, data[drop:] if drop else data


_LINE_SPLIT = re.compile(r"\r\n|\r|\n")


def sniff_delimiter(header_line: str) -> str:
    """``,``, ``;`` or tab: the most frequent one outside quotes in the header line."""
    outside = re.sub(r'"[^"]*"', "", header_line)
    counts = {d: outside.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


# --- records -----------------------------------------------------------------

#: Texts at least this long (characters) are split by pandas' C parser when
#: every record is one physical line; shorter ones (and files with quoted line
#: breaks or over-long rows) go through :mod:`csv`, whose fixed cost is lower.
FAST_MIN_CHARS = 200_000


@dataclass(frozen=True)
class Factor:
    """A column as distinct values and one code per row (``uniques[codes]`` = rows).

    ``uniques`` are the distinct cell strings with surrounding whitespace
    stripped; readers parse each of them once and map the results back with
    :meth:`take`.
    """

    codes: np.ndarray
    uniques: np.ndarray

    def take(self, per_unique: object) -> np.ndarray:
        """Per-row values from one value per distinct string."""
        return np.asarray(per_unique)[self.codes]

    def rows(self) -> np.ndarray:
        """The stripped cell strings, one per row (object array)."""
        return self.uniques[self.codes]

    def blank(self) -> np.ndarray:
        """True where the cell is empty (after stripping)."""
        return self.take(self.uniques == "")


def _factor_raw(codes: np.ndarray, uniques: np.ndarray) -> Factor:
    """Strip the distinct strings and merge the ones that become equal."""
    stripped = np.array([u.strip() for u in uniques.tolist()], dtype=object)
    if len(stripped) and not np.array_equal(stripped, uniques):
        c2, u2 = pd.factorize(stripped)
        return Factor(c2[codes], np.asarray(u2, dtype=object))
    return Factor(codes, stripped)


class _Columns(Mapping):
    """Column name → raw cell strings (object array), built on first access."""

    def __init__(self, raw: dict[str, np.ndarray] | None = None, factors=None) -> None:
        self._raw = dict(raw or {})
        self._factors: dict[str, tuple[np.ndarray, np.ndarray]] = dict(factors or {})

    def __getitem__(self, key: str) -> np.ndarray:
        if key not in self._raw:
            codes, uniques = self._factors[key]
            self._raw[key] = uniques[codes]
        return self._raw[key]

    def __iter__(self):
        return iter(self._factors or self._raw)

    def __len__(self) -> int:
        return len(self._factors or self._raw)

    def __contains__(self, key: object) -> bool:
        return key in (self._factors or self._raw)


@dataclass
class Table:
    """A delimited file split into records.

    Attributes
    ----------
    name : str
        Source name (``source_file``).
    header : list of str
        Column names as written (duplicates renamed ``name.1``, ``name.2`` …).
    columns : Mapping
        Column name → numpy object array of raw cell strings, one per kept row
        (built on first access; :meth:`factor` is the cheap way in).
    lines : numpy.ndarray
        1-based physical line where each kept row starts.
    ends : numpy.ndarray
        Last physical line of each kept row.
    text : str
        The decoded text (for the raw lines of rejected rows).
    delimiter : str
    header_line : int
    rejected : list of (line, raw, reason)
    """

    name: str
    header: list[str]
    columns: Mapping
    lines: np.ndarray
    ends: np.ndarray
    text: str
    delimiter: str
    header_line: int
    rejected: list[tuple[int, str, str]] = field(default_factory=list)
    _physical: list[str] | None = field(default=None, repr=False)
    _factors: dict[str, Factor] = field(default_factory=dict, repr=False)

    def raw(self, i: int) -> str:
        """Raw text of kept row ``i`` (its physical lines)."""
        if self._physical is None:
            self._physical = _LINE_SPLIT.split(self.text)
        return "\n".join(self._physical[self.lines[i] - 1 : self.ends[i]])

    def __len__(self) -> int:
        return len(self.lines)

    def col(self, name: str) -> pd.Series:
        return pd.Series(self.columns[name], dtype="object")

    def factor(self, name: str) -> Factor:
        """Column ``name`` as stripped distinct strings and per-row codes (cached)."""
        f = self._factors.get(name)
        if f is None:
            cols = self.columns
            if isinstance(cols, _Columns) and name in cols._factors:
                codes, uniques = cols._factors[name]
            elif len(cols[name]) < 2000:  # pandas' fixed cost exceeds a dict's work
                seen: dict[str, int] = {}
                codes = np.array(
                    [seen.setdefault(v, len(seen)) for v in cols[name].tolist()], dtype=np.intp
                )
                uniques = np.array([*seen, None], dtype=object)[:-1]
            else:
                codes, uniques = pd.factorize(np.asarray(cols[name], dtype=object))
                uniques = np.asarray(uniques, dtype=object)
            f = self._factors[name] = _factor_raw(np.asarray(codes, dtype=np.intp), uniques)
        return f


def _records(text: str, delimiter: str, name: str) -> Iterable[tuple[int, int, list[str]]]:
    """Yield (start_line, end_line, fields) for each non-blank record."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    prev_end = 0
    while True:
        start = prev_end + 1
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise DiaryFormatError(f"malformed CSV: {exc}", file=name, line=start) from exc
        prev_end = reader.line_num
        if not any(fields) or not "".join(fields).strip():
            continue  # blank line (or a row of empty cells): not a data line
        yield start, prev_end, fields


def _dedupe(header: list[str], name: str) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    dups = []
    for h in header:
        h = h.strip()
        if h in seen:
            seen[h] += 1
            dups.append(h)
            out.append(f"{h}.{seen[h]}")
        else:
            seen[h] = 0
            out.append(h)
    if dups:
        warnings.warn(
            f"{name}: duplicate column(s) {sorted(set(dups))}; the first of each is used",
            stacklevel=3,
        )
    return out


def _count_lines(body: bytes) -> int:
    """Number of physical lines as :data:`_LINE_SPLIT` counts them (``\\r\\n``, ``\\r``, ``\\n``).

    Counted on the UTF-8 bytes (line breaks are single bytes there; ``bytes.count``
    is a ``memchr`` loop, several times faster than on ``str``).
    """
    n = body.count(b"\n")
    if b"\r" in body:
        n += body.count(b"\r") - body.count(b"\r\n")
    return n + 1


def _fast_table(
    text: str, start: int, header_idx: int, delim: str, name: str, data: bytes | None = None
) -> Table | None:
    """Split with pandas' C parser when every record is one physical line.

    ``start`` is the offset of the header line in ``text``; ``data``, when
    given, is ``text`` encoded as UTF-8, as read from
    the file, and is parsed instead of encoding ``text`` again. pandas keeps blank
    lines as rows (``skip_blank_lines=False``), so the records are one per
    physical line exactly when their count equals the number of lines; then
    the line of row ``i`` is ``header_line + 1 + i``. Returns None when a quoted
    field spans lines or a row has too many fields (the :mod:`csv` path then
    handles the file and reports those rows).
    """
    if data is not None:
        if start:
            data = data[len(text[:start].encode("utf-8")) :]
    else:
        try:
            data = (text[start:] if start else text).encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates in a str source
            return None
    try:
        df = pd.read_csv(
            io.BytesIO(data),
            sep=delim,
            header=None,
            dtype="category",
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=False,
            quoting=csv.QUOTE_MINIMAL,
            engine="c",
            encoding="utf-8",
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError):
        return None
    expected = _count_lines(data)
    if data.endswith((b"\n", b"\r")):
        expected -= 1  # the final line break does not open a record
    del data
    if len(df) != expected or len(df) == 0:
        return None
    raw: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    header_cells = []
    blank = None
    for j, c in enumerate(df.columns):
        cat = df[c].array
        codes = np.asarray(cat.codes, dtype=np.intp)
        uniques = np.asarray(cat.categories, dtype=object)
        if (codes < 0).any():  # pragma: no cover - na_filter=False gives no NaN
            return None
        header_cells.append(uniques[codes[0]])
        codes = codes[1:]
        f = _factor_raw(codes, uniques)
        raw[j] = (codes, uniques, f)
        b = f.blank()
        blank = b if blank is None else blank & b
    keep = ~blank
    lines = np.arange(header_idx + 2, header_idx + 2 + len(df) - 1, dtype=np.int64)
    header = _dedupe([str(h) for h in header_cells], name)
    factors: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    stripped: dict[str, Factor] = {}
    all_kept = bool(keep.all())
    for j, h in enumerate(header):
        codes, uniques, f = raw[j]
        if not all_kept:
            codes = codes[keep]
            f = Factor(f.codes[keep], f.uniques)
        factors[h] = (codes, uniques)
        stripped[h] = f
    if not all_kept:
        lines = lines[keep]
    return Table(
        name=name,
        header=header,
        columns=_Columns(factors=factors),
        lines=lines,
        ends=lines,
        text=text,
        delimiter=delim,
        header_line=header_idx + 1,
        _factors=stripped,
    )


def _header_position(text: str) -> tuple[int, int, str] | None:
    """(index, character offset, text) of the first non-blank physical line."""
    pos = 0
    for i, m in enumerate(_LINE_END.finditer(text)):
        line = text[pos : m.start()]
        if line.strip():
            return i, pos, line
        pos = m.end()
        if pos >= len(text):
            break
    return None


_LINE_END = re.compile(r"\r\n|\r|\n|\Z")


def read_table(
    text: str, name: str, delimiter: str | None = None, data: bytes | None = None
) -> Table:
    """Split ``text`` into a header and rows of raw strings.

    Rows with more fields than the header are rejected; rows with fewer are
    padded with empty cells (spreadsheets drop trailing empty cells).
    ``data`` is optionally ``text``'s UTF-8 bytes (:func:`load_source`),
    which spares the fast path encoding it again.
    """
    found = _header_position(text)
    if found is None:
        raise DiaryFormatError("the file is empty", file=name)
    header_idx, start, header_text = found
    delim = delimiter or sniff_delimiter(header_text)
    if len(text) >= FAST_MIN_CHARS:
        fast = _fast_table(text, start, header_idx, delim, name, data)
        if fast is not None:
            return fast
    physical = _LINE_SPLIT.split(text)
    it = iter(_records(text, delim, name))
    try:
        header_line, _, header = next(it)
    except StopIteration:
        raise DiaryFormatError("the file is empty", file=name) from None
    header = _dedupe(header, name)
    n = len(header)
    rows: list[list[str]] = []
    lines: list[int] = []
    ends: list[int] = []
    rejected: list[tuple[int, str, str]] = []
    for line, end, fields in it:
        if len(fields) != n:
            if len(fields) > n:
                if "".join(fields[n:]).strip():
                    raw = "\n".join(physical[line - 1 : end])
                    rejected.append((line, raw, f"{len(fields)} fields, the header has {n}"))
                    continue
                fields = fields[:n]
            else:
                fields = fields + [""] * (n - len(fields))
        rows.append(fields)
        lines.append(line)
        ends.append(end)
    if rows:
        cols = list(zip(*rows, strict=True))
        columns = {h: np.array(c, dtype=object) for h, c in zip(header, cols, strict=True)}
    else:
        columns = {h: np.array([], dtype=object) for h in header}
    return Table(
        name=name,
        header=header,
        columns=_Columns(raw=columns),
        lines=np.array(lines, dtype=np.int64),
        ends=np.array(ends, dtype=np.int64),
        text=text,
        delimiter=delim,
        header_line=header_line,
        rejected=rejected,
        _physical=physical,
    )


def norm_header(h: str) -> str:
    """Header key for matching: lower case, spaces/underscores/hyphens collapsed to one space."""
    return re.sub(r"[\s_\-]+", " ", h.strip().lower()).strip()


# --- cells -------------------------------------------------------------------

_NUM_SUFFIX = re.compile(
    r"^\s*(?P<n>[-+]?(?:\d[\d.,\s]*|[.,]\d+))\s*(?P<u>%|[a-zA-Zµμ]+)?\s*$",
)


def _slow_number(s: str, decimal_comma: bool) -> tuple[float, str | None]:
    from nutrigap.io._quantity import _dec

    m = _NUM_SUFFIX.match(s)
    if not m:
        return math.nan, None
    num = m.group("n").replace(" ", "").replace("\u00a0", "")
    sign = -1.0 if num.startswith("-") else 1.0
    num = num.lstrip("+-")
    try:
        return sign * _dec(num, decimal_comma), m.group("u")
    except ValueError:
        return math.nan, None


def to_number(
    values: pd.Series, decimal_comma: bool = False
) -> tuple[pd.Series, pd.Series, pd.Series | None]:
    """Parse a column of raw strings as numbers.

    Returns
    -------
    (numbers, bad, suffix)
        ``numbers`` float (NaN for blank or bad cells); ``bad`` bool, True where
        a non-blank cell is not a number; ``suffix`` the unit written after the
        number (``"3,436mg"`` → ``"mg"``, ``"12%"`` → ``"%"``) or None when no
        cell has one.
    """
    s = values.astype("object")
    arr = s.to_numpy(dtype=object)
    out = pd.to_numeric(pd.Series(arr, index=s.index), errors="coerce").astype("float64")
    need = out.isna().to_numpy() & (arr != "") & pd.notna(arr)
    if decimal_comma:
        has_comma = np.fromiter((isinstance(v, str) and "," in v for v in arr), bool, len(arr))
        need |= has_comma
    blank = pd.Series(
        np.fromiter((not isinstance(v, str) or not v.strip() for v in arr), bool, len(arr))
        if need.any()
        else (arr == "") | pd.isna(arr),
        index=s.index,
    )
    need &= ~blank.to_numpy()
    suffix = None
    if need.any():
        sub = pd.Series(arr[need], index=s.index[need]).astype(str).str.strip()
        uniq = pd.unique(sub)
        parsed = {u: _slow_number(u, decimal_comma) for u in uniq}
        out.loc[need] = sub.map(lambda u: parsed[u][0]).astype("float64")
        suf = sub.map(lambda u: parsed[u][1])
        if suf.notna().any():
            suffix = pd.Series(None, index=s.index, dtype="object")
            suffix.loc[need] = suf
    bad = (~blank) & out.isna()
    return out, bad, suffix


_DATE_FORMATS = [
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%m/%d/%Y",
    "%d/%m/%Y",
    "%d.%m.%Y",
    "%m/%d/%y",
    "%d/%m/%y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%A, %B %d, %Y",
    "%Y%m%d",
]


def parse_dates(values: pd.Series, dayfirst: bool | None = None) -> tuple[pd.Series, pd.Series]:
    """Parse a date column, once per distinct string.

    The format is chosen per column: the one of :data:`_DATE_FORMATS` (plus
    ISO 8601 with a time) that parses most distinct values; ``M/D/Y`` wins a
    tie with ``D/M/Y`` unless ``dayfirst``. Times are dropped (day resolution).

    Returns
    -------
    (dates, bad)
        ``dates`` datetime64[ns] (NaT for blank or bad), ``bad`` True where a
        non-blank cell is not a date in the chosen format (or outside
        :data:`DATE_RANGE`).
    """
    s = values.astype("object").where(values.notna(), "").astype(str).str.strip()
    codes, uniq = pd.factorize(s.to_numpy(dtype=object))
    dates_u, bad_u = parse_distinct_dates(np.asarray(uniq, dtype=object), dayfirst)
    dates = pd.Series(dates_u[codes], index=s.index)
    return dates, pd.Series(bad_u[codes], index=s.index)


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_distinct_dates(
    uniques: np.ndarray, dayfirst: bool | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`parse_dates` on distinct stripped strings: (datetime64[ns] array, bad array).

    Results are cached per set of distinct strings, so many files with the
    same days (a batch of diaries) parse them once.
    """
    uniques = np.asarray(uniques, dtype=object)
    dates, bad = _distinct_dates(tuple(uniques.tolist()), bool(dayfirst))
    return dates, bad


@functools.lru_cache(maxsize=256)
def _distinct_dates(uniq: tuple[str, ...], dayfirst: bool) -> tuple[np.ndarray, np.ndarray]:
    blank = np.array([u == "" for u in uniq], dtype=bool)
    dates = np.full(len(uniq), np.datetime64("NaT"), dtype="datetime64[ns]")
    texts = [u for u in uniq if u != ""]
    if texts:
        dates[~blank] = _best_format(texts, dayfirst)
    ok = ~np.isnat(dates)
    out_of_range = ok & (
        (dates < DATE_RANGE[0].to_datetime64()) | (dates > DATE_RANGE[1].to_datetime64())
    )
    dates[out_of_range] = np.datetime64("NaT")
    bad = ~blank & np.isnat(dates)
    dates.flags.writeable = False
    bad.flags.writeable = False
    return dates, bad


def _best_format(texts: list[str], dayfirst: bool) -> np.ndarray:
    """Day-resolution datetime64[ns] of each text in the format that parses most of them."""
    if all(_ISO_DAY.fullmatch(t) for t in texts):
        try:  # every text is a valid YYYY-MM-DD: the first format's result, without pandas
            return np.array(texts, dtype="datetime64[D]").astype("datetime64[ns]")
        except ValueError:
            pass
    uniq = pd.Series(texts, dtype="object")
    formats = list(_DATE_FORMATS)
    if dayfirst:
        formats.remove("%d/%m/%Y")
        formats.insert(2, "%d/%m/%Y")
        formats.remove("%d/%m/%y")
        formats.insert(5, "%d/%m/%y")
    best, best_n = None, -1
    for fmt in [*formats, "ISO8601"]:
        parsed = pd.to_datetime(uniq, format=fmt, errors="coerce")
        n = int(parsed.notna().sum())
        if n > best_n:
            best, best_n = parsed, n
        if n == len(uniq):
            break
    return best.dt.normalize().to_numpy(dtype="datetime64[ns]")


# --- nutrient columns ----------------------------------------------------------

_NUTRIENT_NAMES: dict[str, str] = {
    "magnesium": "magnesium",
    "calcium": "calcium",
    "potassium": "potassium",
    "vitamin d": "vitamin_d",
    "vitamin d (d2 + d3)": "vitamin_d",
    "vitamin d2+d3": "vitamin_d",
    "thiamin": "thiamin",
    "thiamine": "thiamin",
    "b1 (thiamine)": "thiamin",
    "b1": "thiamin",
    "vitamin b1": "thiamin",
    "riboflavin": "riboflavin",
    "b2 (riboflavin)": "riboflavin",
    "b2": "riboflavin",
    "vitamin b2": "riboflavin",
    "niacin": "niacin",
    "b3 (niacin)": "niacin",
    "b3": "niacin",
    "vitamin b3": "niacin",
    "pantothenic acid": "pantothenic_acid",
    "b5 (pantothenic acid)": "pantothenic_acid",
    "b5": "pantothenic_acid",
    "vitamin b5": "pantothenic_acid",
    "vitamin b6": "vitamin_b6",
    "b6 (pyridoxine)": "vitamin_b6",
    "b6": "vitamin_b6",
    "pyridoxine": "vitamin_b6",
    "biotin": "biotin",
    "b7 (biotin)": "biotin",
    "b7": "biotin",
    "vitamin b7": "biotin",
    "folate": "folate",
    "folate (dfe)": "folate",
    "folate, dfe": "folate",
    "b9 (folate)": "folate",
    "vitamin b12": "vitamin_b12",
    "b12 (cobalamin)": "vitamin_b12",
    "b12": "vitamin_b12",
    "cobalamin": "vitamin_b12",
    "energy": "energy",
    "calories": "energy",
    "kcal": "energy",
    "water": "water",
    "caffeine": "caffeine",
    "alcohol": "alcohol",
}
_NUTRIENT_NAMES.update({k.replace("_", " "): k for k in NUTRIENTS})
_HEADER_UNIT = re.compile(r"^(?P<name>.*?)\s*\((?P<unit>[^()]*)\)\s*$")
_KEY_UNIT = re.compile(r"^(?P<name>.*?)[\s_](?P<unit>mg|ug|µg|mcg|g|kcal|iu|pct dv|pct)$")


def _canon_unit(key: str) -> str:
    return NUTRIENTS[key].unit.split()[0]  # "µg DFE" -> "µg"


def nutrient_column(header: str) -> tuple[str, str | None] | None:
    """Which nutrient a header holds, and in which unit.

    ``"Vitamin D (IU)"`` → ``("vitamin_d", "IU")``; ``"B1 (Thiamine) (mg)"`` →
    ``("thiamin", "mg")``; ``"magnesium_mg"`` → ``("magnesium", "mg")``;
    ``"Potassium"`` → ``("potassium", None)`` (canonical unit assumed).
    None when the header is not one of the tracked or context nutrients.
    """
    h = re.sub(r"\s+", " ", header.strip().lower())
    unit = None
    m = _HEADER_UNIT.match(h)
    if m and m.group("name").strip() and not _NUTRIENT_NAMES.get(h):
        unit = m.group("unit").strip()
        h = m.group("name").strip()
    elif not _NUTRIENT_NAMES.get(h):
        m2 = _KEY_UNIT.match(h)
        if m2 and _NUTRIENT_NAMES.get(m2.group("name").replace("_", " ")):
            h, unit = m2.group("name").replace("_", " "), m2.group("unit")
    key = _NUTRIENT_NAMES.get(h)
    if key is None:
        return None
    if unit in {"pct", "pct dv", "% dv", "%dv", "%"}:
        unit = "%"
    return key, unit


def nutrient_factor(key: str, unit: str | None, name: str, column: str) -> float:
    """Factor from ``unit`` to the nutrient's canonical unit (once per column)."""
    if unit is None:
        return 1.0
    u = {"ug": "µg", "mcg": "µg"}.get(unit.lower(), unit)
    if key == "folate" and "dfe" in u.lower():
        u = "µg"
    try:
        return conversion_factor(
            u, _canon_unit(key), context="vitamin_d" if key == "vitamin_d" else None
        )
    except UnknownUnitError as exc:
        raise DiaryFormatError(
            f"unit {unit!r} cannot be converted to {NUTRIENTS[key].unit} for {key}",
            file=name,
            column=column,
        ) from exc


# --- assembling ----------------------------------------------------------------


class Rejects:
    """Collects rejected rows of a table: a boolean mask per reason."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.mask = np.zeros(len(table), dtype=bool)
        self.reason = np.empty(len(table), dtype=object)

    def add(self, bad: pd.Series | np.ndarray, reason: str | CellReason) -> None:
        bad = np.asarray(bad, dtype=bool) & ~self.mask
        if not bad.any():
            return
        if isinstance(reason, CellReason):
            vals = reason.at(bad)
            self.reason[bad] = [
                f"column {reason.column!r}: {reason.what} {str(v).strip()!r}" for v in vals
            ]
        else:
            self.reason[bad] = reason
        self.mask |= bad

    def frame(self) -> pd.DataFrame:
        t = self.table
        recs = [(t.name, line, raw, reason) for line, raw, reason in t.rejected]
        idx = np.flatnonzero(self.mask)
        recs += [(t.name, int(t.lines[i]), t.raw(i), str(self.reason[i])) for i in idx]
        if not recs:
            return empty_rejected()
        df = RejectedRows(recs, columns=REJECTED_COLUMNS)
        df["source_line"] = df["source_line"].astype("int64")
        return df.sort_values("source_line", kind="stable").reset_index(drop=True)


@dataclass
class CellReason:
    """Per-row reason text ``column 'X': not a number 'abc'``, built only for bad rows.

    ``values`` holds the cells: one per row, or a :class:`Factor`.
    """

    column: str
    what: str
    values: object

    def at(self, mask: np.ndarray) -> np.ndarray:
        if isinstance(self.values, Factor):
            return self.values.uniques[self.values.codes[mask]]
        return np.asarray(self.values, dtype=object)[mask]


def cell_reason(column: str, what: str, values: object) -> CellReason:
    """Reason naming the column and the offending cell (formatted lazily)."""
    return CellReason(column, what, values)


def _values(v: object, n: int) -> np.ndarray | None:
    """Per-row numpy values of a column given as Series/array, or None for a scalar."""
    if isinstance(v, pd.Series | pd.Index):
        return v.to_numpy()
    if isinstance(v, np.ndarray | pd.api.extensions.ExtensionArray):
        return np.asarray(v)
    return None


def _float_col(v: object, n: int) -> np.ndarray:
    a = _values(v, n)
    if a is None:
        return np.full(n, np.nan if v is None or v is pd.NA else float(v), dtype="float64")
    return np.asarray(pd.to_numeric(a, errors="coerce") if a.dtype == object else a, "float64")


def _str_col(v: object, n: int, keep: np.ndarray | None) -> pd.api.extensions.ExtensionArray:
    """A ``str`` column: one validation per distinct value where possible."""
    if isinstance(v, Factor):
        uniq = _STR_ARRAY._from_sequence(v.uniques, dtype=_STR)
        codes = v.codes if keep is None else v.codes[keep]
        return uniq.take(codes)
    a = _values(v, n)
    if a is None:
        m = n if keep is None else int(keep.sum())
        return pd.array([v], dtype="str").take(np.zeros(m, dtype=np.intp))
    if keep is not None:
        a = a[keep]
    return _STR_ARRAY._from_sequence(np.asarray(a, dtype=object), dtype=_STR)


_STR = pd.api.types.pandas_dtype("str")
_STR_ARRAY = _STR.construct_array_type()


def finish(
    data: dict[str, object],
    table: Table,
    rejects: Rejects,
    fmt: str,
    nutrients: dict[str, object] | None = None,
    extra: dict[str, pd.Series] | None = None,
) -> pd.DataFrame:
    """Apply the plausibility limits, drop rejected rows and build the canonical frame.

    Columns may be given as Series, numpy arrays, scalars or (text columns) a
    :class:`Factor` of distinct strings and codes.
    """
    n = len(table)
    q = _float_col(data.get("quantity", np.nan), n)
    g = _float_col(data.get("grams", np.nan), n)
    with np.errstate(invalid="ignore"):
        rejects.add(q < 0, "negative quantity")
        rejects.add(g < 0, "negative grams")
        rejects.add(q > MAX_QUANTITY, f"quantity above {MAX_QUANTITY:g} (limit MAX_QUANTITY)")
        rejects.add(g > MAX_GRAMS, f"more than {MAX_GRAMS:g} g in one entry (limit MAX_GRAMS)")
        nut = {k: _float_col(v, n) for k, v in (nutrients or {}).items()}
        for key, v in nut.items():
            rejects.add(v < 0, f"negative {key}")
    keep = None if not rejects.mask.any() else ~rejects.mask
    m = n if keep is None else int(keep.sum())

    def kept(a: np.ndarray) -> np.ndarray:
        return a if keep is None else a[keep]

    date = data.get("date", pd.NaT)
    d = _values(date, n)
    if d is None:
        date_col = np.full(m, np.datetime64("NaT"), dtype="datetime64[ns]")
    else:
        date_col = kept(np.asarray(pd.to_datetime(d) if d.dtype == object else d)).astype(
            "datetime64[ns]"
        )
    supp = data.get("supplement", False)
    s = _values(supp, n)
    supp_col = np.full(m, bool(supp)) if s is None else kept(np.asarray(s, dtype=bool))
    cols: dict[str, object] = {}
    if data.get("person") is not None:
        cols["person"] = _str_col(data["person"], n, keep)
    cols.update(
        {
            "date": date_col,
            "meal": _str_col(data.get("meal", pd.NA), n, keep),
            "food": _str_col(data.get("food", pd.NA), n, keep),
            "quantity": kept(q),
            "unit": _str_col(data.get("unit", pd.NA), n, keep),
            "grams": kept(g),
            "supplement": supp_col,
            "entry_type": _str_col(data.get("entry_type", "food"), n, keep),
            "source_file": _str_col(table.name, n, keep),
            "source_line": kept(np.asarray(table.lines, dtype=np.int64)),
        }
    )
    for key in NUTRIENT_KEYS:
        if key in nut:
            cols[key] = kept(nut[key])
    for k, v in (extra or {}).items():
        a = _values(v, n)
        cols[k] = kept(a) if a is not None else v
    out = pd.DataFrame(cols, index=pd.RangeIndex(m), copy=False)
    out.attrs["rejected"] = rejects.frame()
    out.attrs["format"] = fmt
    return out
