"""The examples in the package's docstrings run and print what they show."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import nutrigap

# (``nutrigap.__main__`` runs the command line when imported)
_LEAVES = sorted(
    m.name
    for m in pkgutil.walk_packages(nutrigap.__path__, prefix="nutrigap.")
    if not m.ispkg and m.name != "nutrigap.__main__"
)
MODULES = [*_LEAVES, "nutrigap", "nutrigap.foods", "nutrigap.io"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{name}: {result.failed} of {result.attempted} examples failed"
