"""The detail pane's content for an indicator or an item, as escaped HTML (strings, no widgets).

Every text from the database goes through :func:`~briefing_app.ui.plain.escape`;
only our own tags and ``item:``/``source:`` links are markup.
"""

from __future__ import annotations

from ..data.records import Indicator, Item
from ..data.snapshot import Entry, Snapshot
from ..data.wording import as_of_text, citation_text, comparisons, derived_text, figure_text
from ..i18n import tr
from ..text_limits import elide, shorten
from .plain import escape

__all__ = ["indicator_html", "item_html", "entry_link", "entry_title"]


def entry_title(entry: Entry, lang: str) -> str:
    if isinstance(entry, Item) and entry.number is not None:
        return f"{entry.number}. {entry.title(lang)}"
    if isinstance(entry, Indicator):
        figure = figure_text(entry, lang)
        return f"{entry.label(lang)}: {figure}" if figure else entry.label(lang)
    return entry.title(lang)


def entry_link(entry: Entry, lang: str) -> str:
    section = tr(f"section.{entry.section}", lang)
    return (f'{escape(section)}: <a href="item:{entry.section}:{entry.id}">'
            f"{escape(elide(entry_title(entry, lang)))}</a>")


def _source_block(snapshot: Snapshot, entry: Entry, lang: str, heading_key: str) -> str:
    cited = snapshot.cited_source(entry)
    if entry.cited is not None:
        # Cited by reference: the article named where its sentence would be, which is not held (no link to it).
        line = citation_text(cited, lang) if cited is not None else entry.cited
        locator = (f"<p>{escape(elide(tr('citation.locator', lang, locator=entry.locator)))}</p>"
                   if entry.locator else "")
        return (f"<h4>{escape(tr(heading_key, lang))}</h4>"
                f'<p class="citation">{escape(shorten(line, lang))}</p>{locator}'
                f"<p><i>{escape(tr('citation.not_held', lang))}</i></p>")
    return (f"<h4>{escape(tr(heading_key, lang))}</h4>"
            f'<blockquote style="margin-left:12px">{escape(shorten(entry.source_text, lang))}</blockquote>'
            f'<p><a href="source:{entry.source_offset}:{len(entry.source_text)}">'
            f"{escape(tr('action.show_in_source', lang).replace('&', ''))}</a></p>")


def _related_block(snapshot: Snapshot, section: str, item_id: int, lang: str) -> str:
    related = snapshot.related(section, item_id)
    rows = [f"<li>{escape(tr(f'relation.{relation}', lang))} — {entry_link(entry, lang)}</li>"
            for relation, entry in related]
    body = f"<ul>{''.join(rows)}</ul>" if rows else f"<p>{escape(tr('detail.no_related', lang))}</p>"
    return f"<h4>{escape(tr('detail.related', lang))}</h4>{body}"


def _checks_block(snapshot: Snapshot, section: str, item_id: int, lang: str) -> str:
    checks = [c for c in snapshot.checks_for(section, item_id) if c.status == "mismatch"]
    if not checks:
        return ""
    rows = "".join(f"<li>⚠ {escape(shorten(c.what(lang), lang))}</li>" for c in checks)
    return f"<h4>{escape(tr('detail.discrepancies', lang))}</h4><ul>{rows}</ul>"


def indicator_html(snapshot: Snapshot, indicator: Indicator, lang: str) -> str:
    """Everything known about one figure: as stated, compared, derived, checked, related."""
    # What is laid out is capped (see long_text): a 1 MB label or passage froze the window for minutes.
    out = [f"<h3>{escape(shorten(indicator.label(lang), lang))}</h3>"]
    figure = figure_text(indicator, lang)
    if figure:
        out.append(f'<p style="font-size:large"><b>{escape(shorten(figure, lang))}</b></p>')
    words = comparisons(indicator, lang)
    if words:
        out.append("<ul>" + "".join(f"<li>{escape(shorten(w, lang))}</li>" for w in words) + "</ul>")
    facts = []
    sector = snapshot.sector(indicator.sector_id)
    if sector:
        facts.append(f"{escape(tr('col.sector', lang))}: {escape(elide(sector.name(lang)))}")
    enterprise = snapshot.enterprise(indicator.enterprise_id)
    if enterprise:
        facts.append(f"{escape(tr('col.enterprise', lang))}: {escape(elide(enterprise.name(lang)))}")
    if indicator.as_of:
        facts.append(f"{escape(tr('col.as_of', lang))}: {escape(elide(as_of_text(indicator, lang)))}")
    if facts:
        out.append("<p>" + "<br>".join(facts) + "</p>")
    out.append(_source_block(snapshot, indicator, lang, "detail.source"))
    derived = snapshot.derived_for(indicator.id)
    if derived:
        rows = "".join(
            f"<li><i>{escape(shorten(derived_text(d, indicator, lang), lang))}</i><br>"
            f"<small>{escape(elide(tr('detail.formula', lang, formula=d.formula)))}</small></li>" for d in derived)
        out.append(f"<h4>{escape(tr('detail.derived', lang))}</h4><ul>{rows}</ul>")
    parent = snapshot.indicator(indicator.parent_id)
    if parent:
        out.append(f"<h4>{escape(tr('detail.part_of', lang))}</h4><p>{entry_link(parent, lang)}</p>")
    children = snapshot.children(indicator)
    if children:
        rows = "".join(f"<li>{entry_link(c, lang)}</li>" for c in children)
        out.append(f"<h4>{escape(tr('detail.parts', lang))}</h4><ul>{rows}</ul>")
    out.append(_checks_block(snapshot, "indicators", indicator.id, lang))
    out.append(_related_block(snapshot, "indicators", indicator.id, lang))
    return "".join(out)


def item_html(snapshot: Snapshot, item: Item, lang: str) -> str:
    """An achievement, limitation or directive: title, sector, source passage, related items."""
    out = [f"<h3>{escape(shorten(entry_title(item, lang), lang))}</h3>"]
    sector = snapshot.sector(item.sector_id)
    if sector:
        out.append(f"<p>{escape(tr('col.sector', lang))}: {escape(elide(sector.name(lang)))}</p>")
    out.append(_source_block(snapshot, item, lang, "detail.source"))
    out.append(_checks_block(snapshot, item.section, item.id, lang))
    out.append(_related_block(snapshot, item.section, item.id, lang))
    return "".join(out)
