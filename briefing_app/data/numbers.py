"""Parse and format numbers the way Vietnamese and English readers write them.

Vietnamese groups thousands with ``.`` and marks decimals with ``,``:
``72.736.956.416`` is 72,736,956,416 and ``2,93`` is 2.93. English does the
opposite. Values are handled as :class:`~decimal.Decimal` so that what the
source states is what we show, digit for digit.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

__all__ = [
    "Quantity",
    "NumberFormatError",
    "parse_number",
    "parse_quantity",
    "format_number",
    "format_percent",
    "LANGUAGES",
    "MINUS",
    "VI_NUMBER",
]

LANGUAGES = ("vi", "en")

#: The sign a negative number is shown with, in both languages: U+2212 MINUS SIGN, as wide as "+" and
#: never mistaken for a hyphen or a dash ("(chênh −150)", not "(chênh -150)"). Briefing files may write
#: either sign; the parser reads both.
MINUS = "\u2212"

_SEPARATORS = {"vi": (".", ","), "en": (",", ".")}  # (thousands, decimal)

# A Vietnamese number: digits in groups of three separated by '.', optional
# ',' decimals; or plain digits. A leading sign is allowed: '+', '-' or the minus sign the app writes
# (so what it shows parses back, and a figure pasted from a word processor reads as written).
_VI_NUMBER = re.compile(r"[+\-\u2212]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?")
_EN_NUMBER = re.compile(r"[+\-\u2212]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_PATTERNS = {"vi": _VI_NUMBER, "en": _EN_NUMBER}
#: A number as briefing files write them (the JSON Schema of the file format uses its pattern).
VI_NUMBER = _VI_NUMBER


class NumberFormatError(ValueError):
    """A text that should hold a number does not."""


class Quantity(NamedTuple):
    """A number with the unit written after it (``213.355 tỷ đồng``)."""

    value: Decimal
    unit: str


def parse_number(text: str, lang: str = "vi") -> Decimal:
    """Parse one number written in ``lang``'s notation.

    >>> parse_number("72.736.956.416")
    Decimal('72736956416')
    >>> parse_number("2,93")
    Decimal('2.93')
    >>> parse_number("213,355", "en")
    Decimal('213355')
    """
    if not isinstance(text, str):
        raise NumberFormatError(f"expected a number written as text, got {type(text).__name__}")
    stripped = text.strip()
    pattern = _PATTERNS[lang]
    if not pattern.fullmatch(stripped):
        raise NumberFormatError(f"{text!r} is not a number in {lang} notation")
    thousands, decimal = _SEPARATORS[lang]
    canonical = stripped.replace(thousands, "").replace(decimal, ".").replace(MINUS, "-")
    try:
        return Decimal(canonical)
    except InvalidOperation as exc:  # pragma: no cover - the regex rules this out
        raise NumberFormatError(f"{text!r} is not a number") from exc


def parse_quantity(text: str, lang: str = "vi") -> Quantity:
    """Parse a number followed by its unit: ``213.355 tỷ đồng``, ``68,8 triệu``, ``47,41%``."""
    stripped = text.strip()
    match = _PATTERNS[lang].match(stripped)
    if not match:
        raise NumberFormatError(f"{text!r} does not start with a number")
    rest = stripped[match.end():]
    if rest and not (rest[0].isspace() or rest[0] == "%"):
        # "2,93km" is fine for a reader but "1.2345" must not parse as 1.234 + "5".
        if rest[0].isdigit() or rest[0] in ".,":
            raise NumberFormatError(f"{text!r} is not a number in {lang} notation")
    return Quantity(parse_number(match.group(0), lang), rest.strip())


def _plain_digits(value: Decimal) -> tuple[str, str, str]:
    """Split a Decimal into sign (:data:`MINUS` or nothing), integer digits and fraction digits, no exponent."""
    if not value.is_finite():
        raise NumberFormatError(f"{value} is not a finite number")
    sign = value.is_signed()
    text = format(abs(value), "f")
    whole, _, fraction = text.partition(".")
    return (MINUS if sign and value != 0 else ""), whole, fraction


def format_number(value: Decimal | float | int, lang: str = "vi", decimals: int | None = None) -> str:
    """Format a number for ``lang`` readers, keeping every stated digit.

    ``decimals`` rounds to that many places; by default the number keeps the
    digits it has (``Decimal("2.93")`` → ``2,93``; a float is shown by its
    shortest exact representation). A negative number starts with :data:`MINUS`.
    """
    value = to_decimal(value)
    if decimals is not None:
        value = value.quantize(Decimal(1).scaleb(-decimals))
    sign, whole, fraction = _plain_digits(value)
    thousands, decimal = _SEPARATORS[lang]
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = sign + thousands.join(groups)
    if fraction:
        text += decimal + fraction
    return text


def format_percent(value: Decimal | float | int, lang: str = "vi", decimals: int | None = None) -> str:
    """``47,41 %`` style percent for the language (a thin space before % in both)."""
    return format_number(value, lang, decimals) + "\u00a0%"


def to_decimal(value: float | int | str | Decimal) -> Decimal:
    """The Decimal a stored REAL stands for (its shortest repr, not its binary expansion)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return Decimal(int(value))
        return Decimal(repr(value))
    return Decimal(value)
