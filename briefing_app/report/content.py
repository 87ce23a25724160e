"""What the briefing pack says, as plain blocks (Qt-free).

:func:`build_content` turns a :class:`~briefing_app.data.snapshot.Snapshot`
and :class:`~briefing_app.report.options.ReportOptions` into a list of blocks
— headings, paragraphs, tables, numbered lists, charts — worded with
:mod:`briefing_app.data.wording`, so a number reads exactly as it does on
screen. The layout (:mod:`briefing_app.report.layout`) measures and places
them; every text here is plain text and is drawn as such, never as HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..data.charts import (
    ChartSpec,
    change_chart,
    enterprise_chart,
    enterprise_plan_chart,
    overview_charts,
    sector_chart,
)
from ..data.compare import ComparedFigure, Comparison, ComparisonRow, ItemComparison, change_cell, figure_cell
from ..data.numbers import format_number
from ..data.records import Indicator, Item
from ..data.snapshot import Snapshot
from ..data.wording import (
    as_of_text,
    citation_text,
    comparisons,
    date_text,
    derived_text,
    figure_text,
    meeting_facts,
)
from ..i18n import tr, tr_n
from .options import ReportOptions

__all__ = [
    "Text", "Cell", "Column", "Row", "TitleBlock", "Contents", "Heading", "Paragraph", "Table", "ListItem",
    "ItemList", "Chart", "Block", "References", "Content", "build_content",
]

#: how a text is set: body, bold, italic, small, small_italic, muted
Style = str


@dataclass(frozen=True)
class Text:
    text: str
    style: Style = "body"


@dataclass(frozen=True)
class Cell:
    """Paragraphs stacked in one table cell; ``indent`` in steps (the depth of a part under its total)."""

    texts: tuple[Text, ...]
    indent: int = 0

    @staticmethod
    def of(text: str, style: Style = "body", indent: int = 0) -> Cell:
        return Cell((Text(text, style),) if text else (), indent)


@dataclass(frozen=True)
class Column:
    header: str
    weight: float


@dataclass(frozen=True)
class Row:
    """A table row; a ``group`` row spans the table (a sector or an enterprise) and keeps with the next row."""

    cells: tuple[Cell, ...]
    group: bool = False


@dataclass(frozen=True)
class TitleBlock:
    kicker: str
    organisation: str
    title: str
    facts: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Contents:
    title: str
    #: (anchor, text) of each entry; the layout finds each anchor's page
    entries: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str | None = None


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: Style = "body"


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    show_header: bool = True
    zebra: bool = True


@dataclass(frozen=True)
class ListItem:
    marker: str
    texts: tuple[Text, ...]


@dataclass(frozen=True)
class ItemList:
    items: tuple[ListItem, ...]
    #: how the markers are set ("check" for the boxes of a checklist)
    marker_style: Style = "bold"


@dataclass(frozen=True)
class Chart:
    spec: ChartSpec


Block = TitleBlock | Contents | Heading | Paragraph | Table | ItemList | Chart


@dataclass
class References:
    """Reference numbers for source sentences, given in the order figures first appear.

    Figures quoting the same sentence share its number, so the appendix lists
    each sentence once, with the figures it backs.
    """

    enabled: bool = True
    _numbers: dict[str, int] = field(default_factory=dict)
    #: (number, sentence, labels of the figures citing it)
    entries: list[tuple[int, str, list[str]]] = field(default_factory=list)
    #: In a briefing cited by reference: each cited article's key -> its citation line, which stands in the
    #: appendix where a sentence would (figures from one article share its number).
    citations: dict[str, str] = field(default_factory=dict)

    def cite(self, indicator: Indicator, label: str) -> str:
        """`` [3]`` after a figure (empty when references are off)."""
        text = indicator.source_text or (self.citations.get(indicator.cited, "") if indicator.cited else "")
        if not self.enabled or not text:
            return ""
        number = self._numbers.get(text)
        if number is None:
            number = len(self.entries) + 1
            self._numbers[text] = number
            self.entries.append((number, text, []))
        labels = self.entries[number - 1][2]
        if label not in labels:
            labels.append(label)
        return f" [{number}]"


@dataclass
class Content:
    title: str
    lang: str
    blocks: list[Block]
    references: References


class _Builder:
    def __init__(self, snapshot: Snapshot, options: ReportOptions):
        self.s = snapshot
        self.o = options
        self.lang = options.lang
        self.refs = References(enabled=options.references,
                               citations={c.key: citation_text(c, options.lang) for c in snapshot.cited_sources})
        self.blocks: list[Block] = []
        self.short_names = {e.id: (e.short_name or e.name(self.lang)) for e in snapshot.enterprises}

    def t(self, key: str, **values: object) -> str:
        return tr(key, self.lang, **values)

    def t_n(self, key: str, n: int, **values: object) -> str:
        return tr_n(key, n, self.lang, **values)

    # ------------------------------------------------------------ pieces
    def label(self, indicator: Indicator) -> str:
        name = self.short_names.get(indicator.enterprise_id) if indicator.enterprise_id is not None else None
        label = indicator.label(self.lang)
        return f"{name}: {label}" if name and not label.startswith(name) else label

    def figure_cell(self, indicator: Indicator) -> Cell:
        figure = figure_text(indicator, self.lang)
        ref = self.refs.cite(indicator, self.label(indicator))
        if not figure:
            return Cell((Text(self.t("report.not_stated") + ref, "muted"),))
        return Cell((Text(figure + ref, "bold"),))

    def notes_cell(self, indicator: Indicator) -> Cell:
        """Comparisons as stated, then derived values (marked), then discrepancies (marked ⚠)."""
        texts = [Text(c) for c in comparisons(indicator, self.lang)]
        for derived in self.s.derived_for(indicator.id):
            texts.append(Text(derived_text(derived, indicator, self.lang), "italic"))
        for check in self.s.checks_for("indicators", indicator.id):
            if check.status == "mismatch" and check.indicator_id == indicator.id:
                texts.append(Text("⚠ " + check.what(self.lang), "small_italic"))
        return Cell(tuple(texts))

    def heading(self, section: str, key: str | None = None) -> None:
        self.blocks.append(Heading(1, self.t(key or f"report.section.{section}"), anchor=section))

    def nothing(self) -> None:
        self.blocks.append(Paragraph(self.t("report.nothing"), "muted"))

    # ------------------------------------------------------------ sections
    def title_block(self) -> None:
        b = self.s.briefing
        lang = self.lang
        place = (b.meeting_place_en if lang == "en" and b.meeting_place_en else b.meeting_place_vi) or ""
        kind = (b.meeting_kind_en if lang == "en" and b.meeting_kind_en else b.meeting_kind_vi) or ""
        facts = [
            (self.t("overview.period"), b.period(lang)),
            (self.t("overview.when"), date_text(b.meeting_date, lang)),
            (self.t("overview.where"), place),
            (self.t("overview.what"), kind),
        ]
        self.blocks.append(TitleBlock(self.t("report.pack"), b.organisation(lang), b.title(lang),
                                      tuple((k, v) for k, v in facts if v)))

    def contents(self) -> None:
        entries = [(section, self.t(f"report.section.{section}")) for section in self.o.sections]
        comparison = self.o.compare_with
        if comparison is not None:
            entries.insert(1 if self.o.sections[0] == "overview" else 0, ("comparison", self.comparison_title()))
        if len(entries) < 2:
            return
        self.blocks.append(Contents(self.t("report.contents"), tuple(entries)))

    def comparison_title(self) -> str:
        comparison = self.o.compare_with
        assert comparison is not None
        other = comparison.b if comparison.a.id == self.s.briefing.id else comparison.a
        return self.t("report.section.comparison", briefing=other.id)

    def comparison(self) -> None:
        """The printed briefing against the other: figures (earlier, later, changes, note), then the directives
        and recurring limitations that continue, are new or were dropped."""
        c = self.o.compare_with
        assert c is not None
        lang = self.lang
        older, newer = (c.a, c.b) if c.newer == "b" else (c.b, c.a)
        self.blocks.append(Heading(1, self.comparison_title(), anchor="comparison"))
        self.blocks.append(Paragraph(self.t("report.compare.intro", older=f"{older.id} — {older.period(lang)}",
                                            newer=f"{newer.id} — {newer.period(lang)}"), "small_italic"))
        self.blocks.append(Heading(2, self.t("report.compare.figures")))
        if not c.rows:
            self.nothing()
        else:
            columns = (Column(self.t("report.compare.col.measure"), 21), Column(self.t("report.compare.col.older"), 16),
                       Column(self.t("report.compare.col.newer"), 16), Column(self.t("report.compare.col.change"), 10),
                       Column(self.t("report.compare.col.stated"), 10), Column(self.t("report.compare.col.note"), 27))
            rows = []
            for row in c.rows:
                # the table reads earlier → later; the computed change is the later against the earlier
                early, late = (row.a, row.b) if c.newer == "b" else (row.b, row.a)
                change = row.change_pct if c.newer == "b" or row.change_pct is None else _reversed(row, early, late)
                rows.append(Row((Cell.of(row.label(lang)), Cell.of(figure_cell(early, lang)),
                                 Cell.of(figure_cell(late, lang)), Cell.of(change_cell(change, lang)),
                                 Cell.of(change_cell(row.stated_change_pct, lang)),
                                 Cell.of(row.note(lang), "small_italic"))))
            self.blocks.append(Table(columns, tuple(rows)))
            not_comparable = sum(1 for row in c.rows if not row.comparable)
            if not_comparable:
                self.blocks.append(Paragraph(self.t_n("count.compare.not_comparable", not_comparable), "muted"))
        self.compared_items("report.compare.directives", c.directives, c, older.id, newer.id)
        self.compared_items("report.compare.limitations", c.limitations, c, older.id, newer.id)

    def compared_items(self, key: str, items: ItemComparison, c: Comparison, older: str, newer: str) -> None:
        lang = self.lang
        self.blocks.append(Heading(2, self.t(key)))
        section = key.rsplit(".", 1)[1]
        if not (items.continued or items.new or items.dropped):
            self.blocks.append(Paragraph(self.t(f"compare.neither.{section}"), "muted"))
            return
        silent = items.silent_side()
        def line(item: Item, briefing_id: str) -> Text:
            sector = c.sector_of(item, briefing_id)
            return Text(f"{item.title(lang)} ({sector.name(lang) if sector else ''})".replace(" ()", ""))

        def marker(item: Item) -> str:
            return f"{item.number}." if item.number else "•"

        if items.continued:
            self.blocks.append(Heading(3, self.t_n("count.compare.continued", len(items.continued))))
            out = []
            for match in items.continued:
                early, late = (match.a, match.b) if c.newer == "b" else (match.b, match.a)
                score = self.t("report.compare.score", score=format_number(Decimal(str(match.score)), lang))
                out.append(ListItem(marker(late), (line(late, newer), Text(f"← {marker(early)} {early.title(lang)} · "
                                                                            f"{score}", "small_muted"))))
            self.blocks.append(ItemList(tuple(out)))
        if silent is not None:
            # One briefing lists none (cited by reference, figures only): nothing is new or dropped.
            periods = {b.id: b.period(lang) for b in (c.a, c.b)}
            quiet, other = (older, newer) if silent == "older" else (newer, older)
            listed = items.new if silent == "older" else items.dropped
            self.blocks.append(Paragraph(self.t(f"compare.silent.{section}", quiet=periods[quiet],
                                                other=periods[other]), "muted"))
            self.blocks.append(Heading(3, self.t_n("count.compare.listed_in", len(listed), period=periods[other])))
            self.blocks.append(ItemList(tuple(ListItem(marker(i), (line(i, other),)) for i in listed)))
            return
        for counted, listed, briefing_id in (("count.compare.new", items.new, newer),
                                             ("count.compare.dropped", items.dropped, older)):
            if listed:
                self.blocks.append(Heading(3, self.t_n(counted, len(listed))))
                self.blocks.append(ItemList(tuple(ListItem(marker(i), (line(i, briefing_id),)) for i in listed)))

    def overview(self) -> None:
        s, lang = self.s, self.lang
        b = s.briefing
        self.heading("overview")
        # What, when and where are in the title block already.
        facts = [(f"overview.{name}", text) for name, text in meeting_facts(b, lang)
                 if name not in ("what", "when", "where")]
        fact_rows = tuple(Row((Cell.of(self.t(key), "bold"), Cell(tuple(Text(line) for line in value.split("\n")))))
                          for key, value in facts)
        if fact_rows:
            self.blocks.append(Table((Column("", 24), Column("", 76)), fact_rows, show_header=False, zebra=False))
        counts = s.counts()
        self.blocks.append(Paragraph(self.t("overview.counts") + ": " + " · ".join(
            self.t_n(f"count.{name}", counts[name]) for name in
            ("indicators", "achievements", "limitations", "directives", "enterprises", "discrepancies"))))
        if self.o.references:
            self.blocks.append(Paragraph(self.t("report.refs_note"), "small_italic"))
        else:
            self.blocks.append(Paragraph(self.t("report.derived_note"), "small_italic"))

        headlines = s.headline_indicators()
        if headlines:
            self.blocks.append(Heading(2, self.t("overview.headlines")))
            columns = (Column(self.t("col.sector"), 20), Column(self.t("col.label"), 30),
                       Column(self.t("report.col.figure"), 22), Column(self.t("report.col.comparisons"), 28))
            rows = []
            for indicator in headlines:
                sector = s.sector(indicator.sector_id)
                rows.append(Row((Cell.of(sector.name(lang) if sector else ""), Cell.of(self.label(indicator)),
                                 self.figure_cell(indicator), self.notes_cell(indicator))))
            self.blocks.append(Table(columns, tuple(rows)))

        charts = [c for c in overview_charts(s) if not c.key.startswith("enterprises:")
                  or "enterprises" not in self.o.sections]
        if charts:
            self.blocks.append(Heading(2, self.t("report.charts")))
            self.blocks.extend(Chart(c) for c in charts)

        discrepancies = s.discrepancies()
        self.blocks.append(Heading(2, self.t("overview.discrepancies")))
        if discrepancies:
            self.blocks.append(ItemList(tuple(ListItem("⚠", (Text(c.what(lang)),)) for c in discrepancies)))
        else:
            self.blocks.append(Paragraph(self.t("overview.no_discrepancies")))

    def indicator_table(self, indicators: list[Indicator], grouped: bool) -> Table:
        columns = (Column(self.t("col.label"), 33), Column(self.t("report.col.figure"), 23),
                   Column(self.t("report.col.comparisons"), 31), Column(self.t("col.as_of"), 13))
        rows: list[Row] = []
        current_sector: int | None = None
        for indicator in indicators:
            if grouped and indicator.sector_id != current_sector:
                current_sector = indicator.sector_id
                sector = self.s.sector(current_sector)
                rows.append(Row((Cell.of(sector.name(self.lang) if sector else "", "bold"),), group=True))
            rows.append(Row((Cell.of(self.label(indicator), indent=indicator.depth), self.figure_cell(indicator),
                             self.notes_cell(indicator), Cell.of(as_of_text(indicator, self.lang), "small"))))
        return Table(columns, tuple(rows))

    def indicators(self) -> None:
        s = self.s
        sector = s.sector(self.o.sector_id) if self.o.sector_id is not None else None
        self.heading("indicators")
        if sector is not None:
            self.blocks.append(Paragraph(self.t("report.sector", name=sector.name(self.lang)), "bold"))
        indicators = s.indicators_in_tree_order(sector.id if sector else None)
        if not indicators:
            self.nothing()
            return
        if sector is None:
            # sectors in display order, each total followed by its parts
            order = {sec.id: n for n, sec in enumerate(s.sectors)}
            indicators = sorted(indicators, key=lambda i: order.get(i.sector_id, len(order)))
        self.blocks.append(self.indicator_table(indicators, grouped=sector is None))
        if sector is not None:
            # the sector printed alone: its chart, and the implied previous values beside the stated ones
            candidates = [sector_chart(s, sector.id)] + [change_chart(s, i) for i in indicators]
            charts = [c for c in candidates if c is not None and not c.is_empty()]
            if charts:
                self.blocks.append(Heading(2, self.t("report.charts")))
                self.blocks.extend(Chart(c) for c in charts)

    def items(self, section: str) -> None:
        lang = self.lang
        if section == "directives" and self.o.checklist:
            self.heading(section, "report.checklist")
            directives = sorted(self.s.directives, key=lambda d: (d.number or 0, d.position))
            if not directives:
                self.nothing()
                return
            boxes = []
            for d in directives:
                sector = self.s.sector(d.sector_id)
                boxes.append(ListItem("☐", (
                    Text(f"{d.number or d.position}. {d.title(lang)}"),
                    Text(sector.name(lang) if sector else "", "small_muted"))))
            self.blocks.append(ItemList(tuple(boxes), marker_style="check"))
            return
        self.heading(section)
        if section == "directives":
            self.directives()
            return
        groups = self.s.items_by_sector(section)
        if not groups:
            self.nothing()
            return
        number = 0
        for sector, items in groups:
            self.blocks.append(Heading(3, sector.name(lang)))
            out = []
            for item in items:
                number += 1
                out.append(ListItem(f"{number}.", (Text(item.title(lang)),)))
            self.blocks.append(ItemList(tuple(out)))

    def directives(self) -> None:
        """The directives in their own numbering (1, 2, 3 …), as the source and the window list them, each with
        its sector beside it: grouped by sector their numbers would run 1, 16, 2, 4 …"""
        lang = self.lang
        directives = sorted(self.s.directives, key=lambda d: (d.number or 0, d.position))
        if not directives:
            self.nothing()
            return
        out = []
        for n, d in enumerate(directives, start=1):
            sector = self.s.sector(d.sector_id)
            texts = [Text(d.title(lang), "bold"), Text(sector.name(lang) if sector else "", "small_muted")]
            if d.source_text:
                texts.append(Text(f"{self.t('report.passage')}: {d.source_text}", "small_muted"))
            out.append(ListItem(f"{d.number or n}.", tuple(texts)))
        self.blocks.append(ItemList(tuple(out)))

    def enterprises(self) -> None:
        s, lang = self.s, self.lang
        self.heading("enterprises")
        if not s.enterprises:
            self.nothing()
            return
        columns = (Column(self.t("report.col.result"), 33), Column(self.t("report.col.figure"), 25),
                   Column(self.t("report.col.comparisons"), 42))
        rows: list[Row] = []
        for enterprise in s.enterprises:
            name = enterprise.name(lang)
            if enterprise.short_name and enterprise.short_name not in name:
                name += f" ({enterprise.short_name})"
            rows.append(Row((Cell.of(name, "bold"),), group=True))
            results = s.enterprise_results(enterprise.id)
            own = {r.id for r in results}
            if not results:
                rows.append(Row((Cell.of(self.t("enterprises.no_results"), "muted"), Cell(()), Cell(()))))
            for result in results:
                depth = 1 if result.parent_id in own else 0
                rows.append(Row((Cell.of(result.label(lang), indent=depth), self.figure_cell(result),
                                 self.notes_cell(result))))
        self.blocks.append(Table(columns, tuple(rows)))
        charts = [c for c in (enterprise_chart(s), enterprise_plan_chart(s)) if c is not None and not c.is_empty()]
        if charts:
            self.blocks.append(Heading(2, self.t("report.charts")))
            self.blocks.extend(Chart(c) for c in charts)

    def sources(self) -> None:
        b = self.s.briefing
        lang = self.lang
        self.heading("sources")
        # what the footer's "Data fingerprint" is for, said once where an official looks up where things come from
        self.blocks.append(Paragraph(self.t("report.fingerprint_note"), "small_italic"))
        if self.s.cites_by_reference:
            self.cited_sources()
            return
        publisher = (b.source_publisher_en if lang == "en" and b.source_publisher_en else b.source_publisher_vi) or ""
        details = [p for p in (publisher, date_text(b.source_published_at, lang), ", ".join(b.source_authors)) if p]
        article = self.t("report.article", title=b.source_title)
        self.blocks.append(Paragraph(article + (" — " + "; ".join(details) if details else "")))
        self.blocks.append(Paragraph(self.t("source.original_note"), "small_italic"))
        if not self.refs.entries:
            # the appendix printed alone lists every figure's sentence
            for indicator in self.s.indicators:
                self.refs.cite(indicator, self.label(indicator))
        if not self.refs.entries:
            self.nothing()
            return
        self.blocks.append(ItemList(tuple(
            ListItem(f"[{number}]", (Text(sentence), Text(self.t("report.figures", labels="; ".join(labels)),
                                                          "small_muted")))
            for number, sentence, labels in self.refs.entries)))

    def cited_sources(self) -> None:
        """The appendix of a briefing cited by reference: each cited article (title, publisher, date, address)
        with the figures it backs, and the note that the sentences are not held."""
        self.blocks.append(Paragraph(self.t("source.cited_note"), "small_italic"))
        if not self.refs.entries:
            for indicator in self.s.indicators:
                self.refs.cite(indicator, self.label(indicator))
        listed = {text for _n, text, _labels in self.refs.entries}
        items = [ListItem(f"[{number}]", (Text(text), Text(self.t("report.figures", labels="; ".join(labels)),
                                                           "small_muted")))
                 for number, text, labels in self.refs.entries]
        # Articles no printed figure cites (only items do) are listed too, so every citation is in the pack.
        for source in self.s.cited_sources:
            text = self.refs.citations[source.key]
            if text not in listed:
                items.append(ListItem(f"[{len(items) + 1}]", (Text(text),)))
        self.blocks.append(ItemList(tuple(items)))
        self.blocks.append(Paragraph(self.t("citation.not_held"), "small_italic"))

    def chart_alone(self) -> None:
        """The chart in front of the reader, then the sentence each of its figures comes from."""
        spec = self.o.chart
        assert spec is not None
        self.blocks.append(Chart(spec))
        sentences: dict[str, list[str]] = {}
        for category in spec.categories:
            entry = self.s.entry(*category.ref) if category.ref else None
            if entry is not None and entry.source_text:
                sentences.setdefault(entry.source_text, []).append(category.label(self.lang))
        if sentences:
            self.blocks.append(Heading(2, self.t("report.chart_sources")))
            self.blocks.append(ItemList(tuple(
                ListItem(f"[{number}]", (Text(sentence), Text(self.t("report.figures", labels="; ".join(labels)),
                                                              "small_muted")))
                for number, (sentence, labels) in enumerate(sentences.items(), start=1))))

    def build(self) -> Content:
        self.title_block()
        if self.o.chart is not None:
            self.chart_alone()
            return Content(self.s.briefing.title(self.lang), self.lang, self.blocks, self.refs)
        self.contents()
        for n, section in enumerate(self.o.sections):
            if n == 0 and section != "overview" and self.o.compare_with is not None:
                self.comparison()
            if section in ("achievements", "limitations", "directives"):
                self.items(section)
            else:
                getattr(self, section)()
            if section == "overview" and self.o.compare_with is not None:
                self.comparison()
        return Content(self.s.briefing.title(self.lang), self.lang, self.blocks, self.refs)


def _reversed(row: ComparisonRow, early: ComparedFigure | None, late: ComparedFigure | None) -> Decimal | None:
    """A row's computed change the other way round (later against earlier), from its values, exactly."""
    if early is None or late is None or early.value is None or late.value is None or early.value == 0:
        return None
    return ((late.value - early.value) / early.value * 100).quantize(Decimal("0.01"))


def build_content(snapshot: Snapshot, options: ReportOptions) -> Content:
    """The pack's blocks for ``options``: title block, contents, then each chosen section in order."""
    return _Builder(snapshot, options).build()
