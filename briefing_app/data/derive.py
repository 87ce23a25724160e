"""Values implied by the source, and checks of its arithmetic.

Derived values (the annual plan implied by "47,41% of plan", last year's value
implied by "+13%") are always kept apart from stated ones and carry their
formula. Checks compare parts with their stated total; a stated figure is never
adjusted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from .numbers import format_number
from .schema import QUALIFIER_TOLERANCE, QUALIFIERS

__all__ = ["DerivedValue", "SumCheck", "derive_values", "check_sums"]

# Which way each qualifier leans, read off its tolerance: "over" reaches further above, "nearly" further below,
# "about" and "estimated" both ways alike.
_ABOVE = {q for q, (below, above) in QUALIFIER_TOLERANCE.items() if above > below}
_BELOW = {q for q, (below, above) in QUALIFIER_TOLERANCE.items() if below > above}
_ROUGH = {q for q, (below, above) in QUALIFIER_TOLERANCE.items() if below == above}
#: How far an approximate ("khoảng", "gần", "ước đạt", …) total may be from its parts.
APPROXIMATE_TOLERANCE = Decimal("0.05")


@dataclass(frozen=True)
class DerivedValue:
    indicator_key: str
    kind: str  # "annual_plan" | "previous_value"
    value: Decimal
    unit_vi: str | None
    unit_en: str | None
    formula: str
    label_vi: str
    label_en: str


@dataclass(frozen=True)
class SumCheck:
    indicator_key: str
    part_keys: tuple[str, ...]
    status: str  # "ok" | "mismatch"
    expected: str
    stated: str
    what_vi: str
    what_en: str


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral() else format(value, "f")


def significant_digits(text: str) -> int:
    """How many significant digits a number as written states: ``49`` → 2, ``2,1`` → 2, ``0,5`` → 1."""
    digits = "".join(ch for ch in text if ch.isdigit()).lstrip("0")
    return max(1, len(digits))


def round_significant(value: Decimal, digits: int) -> Decimal:
    """``value`` rounded to ``digits`` significant digits (435418,37 to 2 → 440000)."""
    if not value:
        return value
    exponent = value.adjusted() - (digits - 1)
    return value.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP)


def _derived(value: Decimal, percent_text: str | None, approximate: bool) -> tuple[Decimal, str]:
    """The derived value and how its formula ends: exact to two decimals, or, from an approximate
    percentage ("khoảng 49%"), rounded to what that percentage supports and marked ≈."""
    if approximate:
        rounded = round_significant(value, significant_digits(percent_text or ""))
        return rounded, f"≈ {format_number(rounded, 'en')}"
    return value, f"= {format_number(value, 'en', 2)}"


def _labels(basis_vi: str, basis_en: str, approximate: bool) -> tuple[str, str]:
    note_vi, note_en = ("suy ra, xấp xỉ", "derived, approximate") if approximate else ("suy ra", "derived")
    return (f"{basis_vi[:1].upper()}{basis_vi[1:]} ({note_vi})", f"{basis_en[:1].upper()}{basis_en[1:]} ({note_en})")


def derive_values(indicators: Iterable[dict[str, Any]]) -> list[DerivedValue]:
    """Every value the source implies but does not state, with its formula."""
    out: list[DerivedValue] = []
    for row in indicators:
        value: Decimal | None = row.get("value")
        if value is None or row.get("value_max") is not None:
            continue
        unit_vi, unit_en = row.get("unit_vi"), row.get("unit_en")
        plan = row.get("plan_pct")
        if plan:
            approximate = row.get("plan_qualifier") is not None
            result, tail = _derived(value * 100 / plan, row.get("plan_pct_text"), approximate)
            shown = f"(≈ {_plain(plan)} %)" if approximate else f"{_plain(plan)} %"
            out.append(DerivedValue(row["key"], "annual_plan", result, unit_vi, unit_en,
                                    f"{_plain(value)} ÷ {shown} {tail}",
                                    *_labels(row.get("plan_vi") or "kế hoạch năm", row.get("plan_en") or "annual plan",
                                             approximate)))
        change = row.get("change_pct")
        same = row.get("same_period_pct")
        if change is not None and change > -100:
            approximate = row.get("change_qualifier") is not None
            result, tail = _derived(value * 100 / (100 + change), row.get("change_pct_text"), approximate)
            shown = f"(≈ {_plain(change)} %)" if approximate else f"{_plain(change)} %"
            formula = f"{_plain(value)} ÷ (100 % + {shown}) {tail}"
        elif same:
            approximate = False
            result, tail = _derived(value * 100 / same, row.get("same_period_pct_text"), approximate)
            formula = f"{_plain(value)} ÷ {_plain(same)} % {tail}"
        else:
            continue
        out.append(DerivedValue(row["key"], "previous_value", result, unit_vi, unit_en, formula,
                                *_labels(row.get("compared_with_vi") or "cùng kỳ năm trước",
                                         row.get("compared_with_en") or "same period last year", approximate)))
    return out


def _consistent(total: Decimal, total_q: str | None, parts: Decimal, part_qs: set[str | None]) -> bool:
    """Whether parts summing to ``parts`` fit a total stated as ``total_q total``."""
    approximate = bool((part_qs | {total_q}) - {None})
    if not approximate:
        return parts == total
    # Parts stated as "over x" only give a lower bound for their sum.
    parts_lower_bound_only = bool(part_qs & _ABOVE) and not (part_qs & (_BELOW | _ROUGH))
    if total_q in _ABOVE:
        return parts >= total or (total - parts) <= total * APPROXIMATE_TOLERANCE and parts_lower_bound_only
    if total_q in _BELOW:
        return total * (1 - APPROXIMATE_TOLERANCE) <= parts <= total
    return abs(parts - total) <= total * APPROXIMATE_TOLERANCE


def check_sums(indicators: list[dict[str, Any]]) -> list[SumCheck]:
    """Compare each total that has two or more parts in its unit with the sum of those parts.

    A single "of which" part is a subset, not a breakdown, and is not checked.
    """
    by_parent: dict[str, list[dict[str, Any]]] = {}
    for row in indicators:
        if row.get("parent"):
            by_parent.setdefault(row["parent"], []).append(row)
    by_key = {row["key"]: row for row in indicators}
    out = []
    for parent_key, parts in by_parent.items():
        total = by_key[parent_key]
        same_unit = [p for p in parts if p.get("value") is not None and p.get("unit_vi") == total.get("unit_vi")
                     and p.get("value_max") is None]
        if total.get("value") is None or len(same_unit) < 2:
            continue
        parts_sum = sum((p["value"] for p in same_unit), Decimal(0))
        qualifiers = {p.get("qualifier") for p in same_unit}
        total_q = total.get("qualifier")
        ok = _consistent(total["value"], total_q, parts_sum, qualifiers)
        unit = total.get("unit_vi") or ""
        q_parts = "hơn " if qualifiers & _ABOVE and qualifiers <= (_ABOVE | {None}) else ""
        expected_vi = f"{q_parts}{format_number(parts_sum, 'vi')} {unit}".strip()
        stated = f"{total_q + ' ' if total_q else ''}{total['value_text']} {unit}".strip()
        n = len(same_unit)
        diff = parts_sum - total["value"]
        what_vi = (f"{n} thành phần của “{total['label_vi']}” cộng lại được {expected_vi}, "
                   f"nguồn nêu tổng là {stated}" + ("" if ok else f" (chênh {format_number(diff, 'vi')})"))
        label_en = total.get("label_en") or total["label_vi"]
        unit_en = total.get("unit_en") or unit
        q_total = QUALIFIERS.get(total_q or "", "")
        what_en = (f"The {n} parts of “{label_en}” add up to {'over ' if q_parts else ''}"
                   f"{format_number(parts_sum, 'en')} {unit_en}; the source states "
                   f"{q_total + ' ' if q_total else ''}{format_number(total['value'], 'en')} {unit_en} in total"
                   + ("" if ok else f" (difference {format_number(diff, 'en')})"))
        out.append(SumCheck(parent_key, tuple(p["key"] for p in same_unit), "ok" if ok else "mismatch",
                            expected_vi, stated, what_vi, what_en))
    return out
