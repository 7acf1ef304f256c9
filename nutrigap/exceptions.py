"""Exceptions raised by nutrigap.

Every error nutrigap raises on purpose subclasses :class:`NutrigapError`, so a
caller can catch them all at once. Errors about input files carry the file,
line and column when they are known and put them in the message.
"""

from __future__ import annotations

__all__ = [
    "NutrigapError",
    "DiaryFormatError",
    "UnknownUnitError",
    "UnknownNutrientError",
    "ProfileError",
    "FoodTableError",
    "MatchError",
    "FDCError",
]


class NutrigapError(Exception):
    """Base class of every error nutrigap raises on purpose."""


class DiaryFormatError(NutrigapError, ValueError):
    """A diary could not be read.

    Parameters
    ----------
    message : str
        What is wrong.
    file : str, optional
        The file (path or a description such as ``"<string>"``).
    line : int, optional
        1-based physical line number in the file.
    column : str, optional
        The column name (or 1-based index) concerned.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: str | int | None = None,
    ) -> None:
        self.reason = message
        self.file = file
        self.line = line
        self.column = column
        where = []
        if file is not None:
            where.append(str(file))
        if line is not None:
            where.append(f"line {line}")
        if column is not None:
            where.append(f"column {column!r}")
        prefix = ", ".join(where)
        super().__init__(f"{prefix}: {message}" if prefix else message)


class UnknownUnitError(NutrigapError, ValueError):
    """A unit string that nutrigap cannot interpret."""


class UnknownNutrientError(NutrigapError, KeyError):
    """A nutrient key that is not in :data:`nutrigap.NUTRIENTS`."""

    def __str__(self) -> str:  # KeyError quotes its argument; keep the message readable
        return str(self.args[0]) if self.args else ""


class ProfileError(NutrigapError, ValueError):
    """An invalid person profile (age, sex, pregnancy, lactation)."""


class FoodTableError(NutrigapError):
    """The bundled food table is missing, corrupt or lacks a requested food."""


class MatchError(NutrigapError):
    """Food matching failed for a reason other than a missing match."""


class FDCError(NutrigapError):
    """An error talking to USDA FoodData Central.

    Parameters
    ----------
    message : str
        What went wrong. Never contains the API key.
    status : int, optional
        The HTTP status code, if a response was received.
    """

    def __init__(self, message: str, *, status: int | None = None) -> None:
        self.status = status
        super().__init__(message)
