"""An axis whose tick labels use the interface language's number format (213.355 / 213,355)."""

from __future__ import annotations

from typing import Any

from ...data.numbers import format_number
from ...i18n import tr

__all__ = ["make_locale_axis", "tick_strings"]

#: Large ticks are written compactly: 20 tỷ / 20 bn rather than 20.000.000.000 (the word's key for each size).
_COMPACT = ((1e9, "axis.billions"), (1e6, "axis.millions"))


def tick_strings(values: list[float], spacing: float, lang: str, scale: float = 1.0) -> list[str]:
    """Tick labels in the language's notation, compact for millions and billions."""
    for size, key in _COMPACT:
        if spacing >= size:
            step = spacing / size
            decimals = 0 if step >= 1 else 1
            word = tr(key, lang)
            return [f"{format_number(round(v * scale / size, decimals), lang)} {word}" for v in values]
    decimals = 0 if spacing >= 1 else min(6, len(f"{spacing:.10f}".rstrip("0").split(".")[1]))
    return [format_number(round(v * scale, decimals), lang, decimals) for v in values]

_CLASS: Any = None


def make_locale_axis(pg: Any) -> Any:
    """The LocaleAxis class (defined once pyqtgraph is imported)."""
    global _CLASS
    if _CLASS is None:

        class LocaleAxis(pg.AxisItem):
            _lang = "vi"

            def set_language(self, lang: str) -> None:
                if lang != self._lang:
                    self._lang = lang
                    self.picture = None
                    self.update()

            def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph override
                return tick_strings(values, spacing * scale, self._lang, scale)

        _CLASS = LocaleAxis
    return _CLASS
