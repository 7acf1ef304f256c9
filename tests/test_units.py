import pytest
from hypothesis import given
from hypothesis import strategies as st

from nutrigap.exceptions import UnknownUnitError
from nutrigap.units import Q_, conversion_factor, parse_unit, unit_kind, ureg


def test_vitamin_d_iu_only_in_its_context():
    assert conversion_factor("IU", "µg", context="vitamin_d") == pytest.approx(0.025)
    assert conversion_factor("µg", "IU", context="vitamin_d") == pytest.approx(40)
    with pytest.raises(UnknownUnitError):
        conversion_factor("IU", "µg")
    with pytest.raises(UnknownUnitError):
        conversion_factor("IU", "mg")  # IU is no mass for other nutrients
    with ureg.context("vitamin_d"):
        assert Q_(400, "IU").to("µg").magnitude == pytest.approx(10)


@pytest.mark.parametrize(
    "unit, ml",
    [
        ("cup", 236.588),
        ("cups", 236.588),
        ("Tbsp", 14.787),
        ("tbsp.", 14.787),
        ("tsp", 4.929),
        ("fl oz", 29.574),
        ("ml", 1.0),
        ("L", 1000.0),
    ],
)
def test_household_volumes(unit, ml):
    assert conversion_factor(unit, "ml") == pytest.approx(ml, rel=1e-4)


@pytest.mark.parametrize("unit, g", [("oz", 28.3495), ("lb", 453.592), ("kg", 1000), ("g", 1)])
def test_masses(unit, g):
    assert conversion_factor(unit, "g") == pytest.approx(g, rel=1e-5)


@pytest.mark.parametrize("unit", ["mcg", "µg", "μg", "ug"])  # micro sign and Greek mu
def test_microgram_spellings(unit):
    assert conversion_factor(unit, "mg") == pytest.approx(1e-3)


def test_unit_kinds():
    assert [unit_kind(u) for u in ["g", "cup", "kcal", "IU", "medium", "serving"]] == [
        "mass",
        "volume",
        "energy",
        "iu",
        "other",
        "other",
    ]


def test_unknown_units_raise_clear_errors():
    with pytest.raises(UnknownUnitError, match="'medium'"):
        parse_unit("medium")
    with pytest.raises(UnknownUnitError, match="cannot convert 'cup' to 'g'"):
        conversion_factor("cup", "g")  # volume needs a density, never 1 g = 1 ml


units = st.sampled_from(["g", "mg", "µg", "kg", "oz", "lb"])


@given(x=st.floats(min_value=1e-6, max_value=1e6), a=units, b=units)
def test_mass_round_trip(x, a, b):
    back = x * conversion_factor(a, b) * conversion_factor(b, a)
    assert back == pytest.approx(x, rel=1e-9)


@given(x=st.floats(min_value=1e-3, max_value=1e6))
def test_vitamin_d_round_trip(x):
    ug = x * conversion_factor("IU", "µg", "vitamin_d")
    assert ug * conversion_factor("µg", "IU", "vitamin_d") == pytest.approx(x, rel=1e-12)
