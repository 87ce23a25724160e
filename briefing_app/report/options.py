"""What to print: sections, language, page size and orientation (Qt-free)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, TypedDict, Unpack

from ..data.charts import ChartSpec

if TYPE_CHECKING:
    from ..data.compare import Comparison

__all__ = ["SECTIONS", "PAGE_SIZES", "ORIENTATIONS", "ReportOptions", "OptionChanges", "parse_sections"]

#: the printable sections, in the order the pack prints them
SECTIONS = ("overview", "indicators", "achievements", "limitations", "directives", "enterprises", "sources")
#: page sizes by name, in millimetres (portrait)
PAGE_SIZES: dict[str, tuple[float, float]] = {"A4": (210.0, 297.0), "A3": (297.0, 420.0), "Letter": (215.9, 279.4)}
ORIENTATIONS = ("portrait", "landscape")


class OptionChanges(TypedDict, total=False):
    """The fields :meth:`ReportOptions.with_changes` takes, so a caller's misspelt or mistyped change is caught."""

    sections: tuple[str, ...]
    lang: str
    page_size: str | tuple[float, float]
    orientation: str
    sector_id: int | None
    checklist: bool
    chart: ChartSpec | None
    compare_with: Comparison | None
    margins_mm: tuple[float, float, float, float]


@dataclass(frozen=True)
class ReportOptions:
    """Choices for one printout.

    ``page_size`` is a name from :data:`PAGE_SIZES` or a ``(width, height)`` in
    millimetres. ``sector_id`` keeps only that sector's indicators (printing the
    Indicators tab as it is shown); ``checklist`` prints the directives with a
    box to tick in front of each; ``chart`` prints that chart alone (the chart in
    front of the reader) with the source sentences of its figures, instead of
    the sections. ``compare_with`` (made by :func:`~briefing_app.data.compare.compare_briefings` with the printed
    briefing as A) adds a section comparing it with the other briefing, after the overview.
    """

    sections: tuple[str, ...] = SECTIONS
    lang: str = "vi"
    page_size: str | tuple[float, float] = "A4"
    orientation: str = "portrait"
    sector_id: int | None = None
    checklist: bool = False
    chart: ChartSpec | None = None
    compare_with: Comparison | None = None
    margins_mm: tuple[float, float, float, float] = field(default=(16.0, 14.0, 16.0, 14.0))  # left, top, right, bottom

    def __post_init__(self) -> None:
        unknown = [s for s in self.sections if s not in SECTIONS]
        if unknown:
            raise ValueError(f"unknown section(s): {', '.join(unknown)} (choose from {', '.join(SECTIONS)})")
        if not self.sections:
            raise ValueError("choose at least one section")
        # keep the pack's order whatever order they were given in
        object.__setattr__(self, "sections", tuple(s for s in SECTIONS if s in self.sections))
        if self.lang not in ("vi", "en"):
            raise ValueError(f"unknown language {self.lang!r} (vi or en)")
        if isinstance(self.page_size, str) and self.page_size not in PAGE_SIZES:
            raise ValueError(f"unknown page size {self.page_size!r} ({', '.join(PAGE_SIZES)})")
        if self.orientation not in ORIENTATIONS:
            raise ValueError(f"unknown orientation {self.orientation!r} (portrait or landscape)")

    @property
    def page_mm(self) -> tuple[float, float]:
        """The page's width and height in millimetres, orientation applied."""
        width, height = PAGE_SIZES[self.page_size] if isinstance(self.page_size, str) else self.page_size
        if self.orientation == "landscape":
            width, height = max(width, height), min(width, height)
        return width, height

    @property
    def references(self) -> bool:
        """Whether figures carry reference numbers (only when the sources appendix is printed)."""
        return "sources" in self.sections

    def with_changes(self, **changes: Unpack[OptionChanges]) -> ReportOptions:
        return replace(self, **changes)


def parse_sections(text: str) -> tuple[str, ...]:
    """``"overview,indicators"`` → ``("overview", "indicators")``; raise ValueError naming unknown ones."""
    names = tuple(part.strip().lower() for part in text.split(",") if part.strip())
    unknown = [n for n in names if n not in SECTIONS]
    if unknown:
        raise ValueError(f"unknown section(s): {', '.join(unknown)} (choose from {', '.join(SECTIONS)})")
    if not names:
        raise ValueError(f"no section given (choose from {', '.join(SECTIONS)})")
    return names
