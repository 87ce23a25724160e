"""One briefing read in full, with the look-ups every view needs (Qt-free).

Views never query the database; they receive a :class:`Snapshot` and ask it
for children, related items, derived values and discrepancies.
"""

from __future__ import annotations

from .records import Briefing, Check, CitedSource, DerivedValue, Enterprise, Indicator, Item, Link, Sector
from .store import BriefingStore

__all__ = ["Snapshot", "load_snapshot", "Entry"]

Entry = Indicator | Item


class Snapshot:
    """A briefing's records, with look-up tables built once. Equal when the records are."""

    #: the records it holds, in the order ``__init__`` takes them
    PARTS = ("briefing", "sectors", "enterprises", "indicators", "achievements", "limitations", "directives",
             "links", "derived", "checks", "cited_sources")

    def __init__(self, briefing: Briefing, sectors: list[Sector], enterprises: list[Enterprise],
                 indicators: list[Indicator], achievements: list[Item], limitations: list[Item],
                 directives: list[Item], links: list[Link], derived: list[DerivedValue], checks: list[Check],
                 cited_sources: list[CitedSource] | None = None):
        self.briefing = briefing
        self.sectors = sectors
        self.enterprises = enterprises
        self.indicators = indicators
        self.achievements = achievements
        self.limitations = limitations
        self.directives = directives
        self.links = links
        self.derived = derived
        self.checks = checks
        #: The articles a briefing cited by reference names (empty when it holds its article).
        self.cited_sources = list(cited_sources or [])
        self._cited = {c.key: c for c in self.cited_sources}
        self._by_ref: dict[tuple[str, int], Entry] = {}
        for indicator in self.indicators:
            self._by_ref[("indicators", indicator.id)] = indicator
        for section in ("achievements", "limitations", "directives"):
            for item in getattr(self, section):
                self._by_ref[(section, item.id)] = item
        self._sectors = {s.id: s for s in self.sectors}
        self._enterprises = {e.id: e for e in self.enterprises}
        # Look-up tables, so views over a briefing of thousands of figures stay linear.
        self._children: dict[int, list[Indicator]] = {}
        for indicator in self.indicators:
            if indicator.parent_id is not None:
                self._children.setdefault(indicator.parent_id, []).append(indicator)
        self._derived: dict[int, list[DerivedValue]] = {}
        for value in self.derived:
            self._derived.setdefault(value.indicator_id, []).append(value)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Snapshot):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self.PARTS)

    # Unhashable: mutable lists inside. typeshed types object.__hash__ as a method and cannot say None.
    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Snapshot({self.briefing.id!r}, {len(self.indicators)} indicators)"

    def replace(self, **changes: object) -> Snapshot:
        """A snapshot with some records replaced (``snapshot.replace(indicators=[...])``)."""
        parts = {name: getattr(self, name) for name in self.PARTS}
        parts.update(changes)
        return Snapshot(**parts)

    # -------------------------------------------------------------- look-ups
    def entry(self, section: str, item_id: int) -> Entry | None:
        return self._by_ref.get((section, item_id))

    def section_entries(self, section: str) -> list[Entry]:
        return list(getattr(self, section))

    @property
    def cites_by_reference(self) -> bool:
        """Whether the briefing names its articles (``cited_sources``) instead of holding the text."""
        return bool(self.cited_sources)

    def cited_source(self, entry: Entry | None) -> CitedSource | None:
        """The cited article an item or figure comes from, in a briefing cited by reference; else None."""
        key = entry.cited if entry is not None else None
        return self._cited.get(key) if key is not None else None

    def sector(self, sector_id: int) -> Sector | None:
        return self._sectors.get(sector_id)

    def enterprise(self, enterprise_id: int | None) -> Enterprise | None:
        return self._enterprises.get(enterprise_id) if enterprise_id is not None else None

    def indicator(self, indicator_id: int | None) -> Indicator | None:
        entry = self._by_ref.get(("indicators", indicator_id)) if indicator_id is not None else None
        return entry if isinstance(entry, Indicator) else None

    def children(self, indicator: Indicator) -> list[Indicator]:
        return list(self._children.get(indicator.id, ()))

    def indicators_in_tree_order(self, sector_id: int | None = None) -> list[Indicator]:
        """Indicators with each total followed by its parts (depth-first), optionally for one sector."""
        pool = [i for i in self.indicators if sector_id is None or i.sector_id == sector_id]
        ids = {i.id for i in pool}
        out: list[Indicator] = []

        def visit(indicator: Indicator) -> None:
            out.append(indicator)
            for child in self._children.get(indicator.id, ()):
                if child.id in ids:
                    visit(child)

        for indicator in pool:
            if indicator.parent_id is None or indicator.parent_id not in ids:
                visit(indicator)
        return out

    def derived_for(self, indicator_id: int) -> list[DerivedValue]:
        return list(self._derived.get(indicator_id, ()))

    def checks_for(self, section: str, item_id: int) -> list[Check]:
        return [c for c in self.checks if (section, item_id) in c.items]

    def discrepancies(self) -> list[Check]:
        return [c for c in self.checks if c.status == "mismatch"]

    def related(self, section: str, item_id: int) -> list[tuple[str, Entry]]:
        """Items the source connects with this one, with the relation as seen from this item."""
        out: list[tuple[str, Entry]] = []
        for link in self.links:
            if (link.from_section, link.from_id) == (section, item_id):
                other = self.entry(link.to_section, link.to_id)
                relation = link.relation
            elif (link.to_section, link.to_id) == (section, item_id):
                other = self.entry(link.from_section, link.from_id)
                relation = {"addressed_by": "addresses", "cited_by": "cites"}.get(link.relation, link.relation)
            else:
                continue
            if other is not None:
                out.append((relation, other))
        return out

    def items_by_sector(self, section: str) -> list[tuple[Sector, list[Item]]]:
        """Items of a section grouped by sector, sectors in display order."""
        groups: dict[int, list[Item]] = {}
        for item in getattr(self, section):
            groups.setdefault(item.sector_id, []).append(item)
        return [(s, groups[s.id]) for s in self.sectors if s.id in groups]

    def enterprise_results(self, enterprise_id: int) -> list[Indicator]:
        return [i for i in self.indicators if i.enterprise_id == enterprise_id]

    def headline_indicators(self, limit: int = 12) -> list[Indicator]:
        """The figure that leads each sector: its first total with a stated value (enterprises excluded).

        The Overview's tiles and the printed pack's headline table both lead with these.
        """
        chosen: list[Indicator] = []
        seen: set[int] = set()
        for indicator in self.indicators:
            if (indicator.enterprise_id is None and indicator.parent_id is None and indicator.value is not None
                    and indicator.value_max is None and indicator.sector_id not in seen):
                seen.add(indicator.sector_id)
                chosen.append(indicator)
        return chosen[:limit]

    def counts(self) -> dict[str, int]:
        return {"indicators": len(self.indicators), "achievements": len(self.achievements),
                "limitations": len(self.limitations), "directives": len(self.directives),
                "enterprises": len(self.enterprises), "discrepancies": len(self.discrepancies())}


def load_snapshot(store: BriefingStore, briefing_id: str) -> Snapshot:
    """Read one briefing completely, as one consistent state of the database."""
    with store.read_transaction():
        return _read(store, briefing_id)


def _read(store: BriefingStore, briefing_id: str) -> Snapshot:
    return Snapshot(
        briefing=store.briefing(briefing_id),
        sectors=store.sectors(briefing_id),
        enterprises=store.enterprises(briefing_id),
        indicators=store.indicators(briefing_id),
        achievements=store.items("achievements", briefing_id),
        limitations=store.items("limitations", briefing_id),
        directives=store.items("directives", briefing_id),
        links=store.links(briefing_id),
        derived=store.derived_values(briefing_id),
        checks=store.checks(briefing_id),
        cited_sources=store.cited_sources(briefing_id),
    )
