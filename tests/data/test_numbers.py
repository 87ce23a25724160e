from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing_app.data.numbers import (
    NumberFormatError,
    format_number,
    format_percent,
    parse_number,
    parse_quantity,
    to_decimal,
)


@pytest.mark.parametrize("text, expected", [
    ("72.736.956.416", Decimal("72736956416")),
    ("2,93", Decimal("2.93")),
    ("213.355", Decimal("213355")),
    ("1.973", Decimal("1973")),
    ("3776", Decimal("3776")),
    ("06", Decimal("6")),
    ("-5", Decimal("-5")),
    ("12,36", Decimal("12.36")),
])
def test_parse_vietnamese_notation(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text, value, unit", [
    ("213.355 tỷ đồng", Decimal("213355"), "tỷ đồng"),
    ("68,8 triệu", Decimal("68.8"), "triệu"),
    ("47,41%", Decimal("47.41"), "%"),
    ("2,93 km/điểm", Decimal("2.93"), "km/điểm"),
])
def test_parse_quantity(text, value, unit):
    quantity = parse_quantity(text)
    assert (quantity.value, quantity.unit) == (value, unit)


@pytest.mark.parametrize("text", ["", "abc", "1.23", "1.2345", "2.93", "1,2,3", "12.34.5", "tỷ 5", "1..000"])
def test_rejects_what_is_not_a_vietnamese_number(text):
    with pytest.raises(NumberFormatError):
        parse_number(text)


def test_parse_rejects_non_text():
    with pytest.raises(NumberFormatError):
        parse_number(12)  # type: ignore[arg-type]


def test_english_notation():
    assert parse_number("72,736,956,416", "en") == Decimal("72736956416")
    assert parse_number("2.93", "en") == Decimal("2.93")


@pytest.mark.parametrize("value, vi, en", [
    (Decimal("213355"), "213.355", "213,355"),
    (Decimal("72736956416"), "72.736.956.416", "72,736,956,416"),
    (Decimal("2.93"), "2,93", "2.93"),
    # a minus sign (U+2212), not a hyphen: "(chênh −150)" in the window and the printed pack (#16 §9)
    (Decimal("-1234.5"), "\u22121.234,5", "\u22121,234.5"),
    (Decimal("0"), "0", "0"),
    (72736956416.0, "72.736.956.416", "72,736,956,416"),
    (68.8, "68,8", "68.8"),
    (999, "999", "999"),
])
def test_format(value, vi, en):
    assert format_number(value, "vi") == vi
    assert format_number(value, "en") == en


def test_format_rounds_when_asked():
    assert format_number(Decimal("450021.0925964986"), "vi", 2) == "450.021,09"
    assert format_percent(Decimal("47.41"), "en") == "47.41\u00a0%"


def test_to_decimal_uses_shortest_repr():
    assert to_decimal(0.1) == Decimal("0.1")
    assert to_decimal(5.0) == Decimal(5)


decimals = st.decimals(min_value=Decimal("-1e15"), max_value=Decimal("1e15"), allow_nan=False,
                       allow_infinity=False, places=None).filter(lambda d: d.as_tuple().exponent >= -6)


@given(decimals, st.sampled_from(["vi", "en"]))
def test_format_then_parse_round_trips(value, lang):
    assert parse_number(format_number(value, lang), lang) == value


@given(st.integers(min_value=0, max_value=10**15))
def test_integers_round_trip_through_quantity(n):
    quantity = parse_quantity(format_number(n, "vi") + " tỷ đồng")
    assert quantity.value == n and quantity.unit == "tỷ đồng"
