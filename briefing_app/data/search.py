"""Full-text search over a briefing database: Vietnamese-aware, ranked, safe for any input.

The index (``search_index``, FTS5, built by :mod:`.build`) holds folded text:
lower case, no tone marks, ``đ`` as ``d``, and grouped numbers also without
separators. A query is folded the same way and never reaches FTS5 as syntax:
every word becomes a quoted FTS5 string, so quotes, ``AND``/``OR``/``NOT``/
``NEAR``, ``*``, ``^``, ``:`` and brackets are just text.

Ranking: rows holding the words as one phrase come first, then rows holding
them scattered; within each, SQLite's ``bm25()`` (titles weigh more than
bodies). Both are ``ORDER BY … LIMIT`` in SQL, so only the top rows reach Python.
The ranking statements read nothing but rowids: every other column of a row is
in FTS5's content table, one look-up per matching row, so the columns are read
for the rows shown only.

Ranking costs about a microsecond per matching row, and a common word in every
briefing of a large library matches tens of thousands of rows (``bao chi``:
48,148 at 100,000 items). So when the index holds more than
:data:`RECENT_ROWS` rows and all briefings are searched, each ranking pass first
ranks only the rows of the briefings added last (the highest rowids, about
:data:`RECENT_ROWS` rows); when those fill the page, the rest are not ranked.
Otherwise the pass ranks every row, as for a small library, where nothing changes.

Prefixes: the last word is matched as a prefix while it is being typed, but
FTS5 only gets a ``*`` when that word is at least :data:`MIN_PREFIX` characters:
a one- or two-letter prefix expands to thousands of terms (measured: 250 ms on
100,000 items). For such a short last word, FTS5 searches it exactly, and the
best :data:`TAIL_CANDIDATES` rows for the other words are checked for the
prefix in Python, so ``thue b`` still finds ``thuê bao`` at a bounded cost.

Snippets and titles are the original text (tone marks and all), fetched from
the item's table; the highlight spans are found by folding the original text,
which keeps one character per character for Vietnamese, and matching the
folded query words there.
"""

from __future__ import annotations

import bisect
import re
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .folding import fold
from .schema import FTS_TABLE
from .store import BriefingStore, StoreError, file_fingerprint

__all__ = ["SearchResult", "SearchQuery", "SearchInterrupted", "parse_query", "search", "warm_up", "SECTIONS",
           "MAX_QUERY_CHARS", "MAX_WORDS", "MIN_PREFIX", "RECENT_ROWS"]

#: Sections a result can come from, in the order the interface lists them.
SECTIONS = ("indicators", "achievements", "limitations", "directives", "enterprises", "source")
#: Longer input is cut: nobody searches for a paragraph, and a 10,000-character paste must stay fast.
MAX_QUERY_CHARS = 200
#: Words beyond this many are ignored (each is one more doclist to intersect).
MAX_WORDS = 12
#: The shortest last word that FTS5 matches as a prefix (``bao*``); shorter ones are matched exactly.
MIN_PREFIX = 3
#: Rows for the other words checked in Python for a short last word's prefix.
TAIL_CANDIDATES = 200
#: Index rows of the briefings added last that a ranking pass over all briefings ranks first (see above).
RECENT_ROWS = 20_000
#: Results are at most this many, whatever ``limit`` asks.
MAX_LIMIT = 500
#: Snippet length in characters (before the ellipses), and the context kept before the first match.
SNIPPET_CHARS = 160
SNIPPET_CONTEXT = 40
#: Matches tried as the start of a snippet (a long paragraph can hold hundreds of a common word).
MAX_ANCHORS = 40
#: A title made from a paragraph: at most this many characters of its first words.
SOURCE_TITLE_CHARS = 70
#: bm25 weights for the FTS columns (section, item_id, briefing_id, title, body).
_WEIGHTS = (0.0, 0.0, 0.0, 4.0, 1.0)

_TOKEN = re.compile(r"[^\W_]+")
_SEP = r"[\W_]+"
_BEFORE = r"(?<![^\W_])"
_AFTER = r"(?![^\W_])"
_LINE_BREAKS = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\u2028": " ", "\u2029": " "})


class SearchInterrupted(Exception):
    """The search was interrupted (``sqlite3.Connection.interrupt()`` from another thread): a newer
    query made it stale. Not an error of the database."""


@dataclass(frozen=True)
class SearchResult:
    """One item that matches a query.

    ``title`` and ``snippet`` are original text (never folded, never markup);
    ``highlights`` are ``(start, end)`` character spans of ``snippet`` that
    matched a query word. ``rank`` is the position in the results, 1 = best.
    For ``section == 'source'``, ``item_id`` is the paragraph's offset in the
    article and ``length`` its length in characters (0 for other sections).
    ``title_en`` is the English title where the briefing has one (results from
    every briefing are shown in the interface's language, not only the open one's).
    """

    section: str
    item_id: int
    briefing_id: str
    title: str
    snippet: str
    highlights: tuple[tuple[int, int], ...]
    rank: int
    length: int = 0
    title_en: str | None = None


@dataclass(frozen=True)
class SearchQuery:
    """A query folded and split into words, each word a tuple of index tokens.

    ``213.355`` is one word of two tokens (``213``, ``355``), matched as a
    phrase or as ``213355``. ``open_tail`` says the last word may still be
    being typed (the query does not end in a space), so it matches as a prefix.
    """

    words: tuple[tuple[str, ...], ...]
    open_tail: bool

    @property
    def tokens(self) -> tuple[str, ...]:
        return tuple(t for word in self.words for t in word)

    @property
    def fts_prefix(self) -> bool:
        """Whether FTS5 gets a ``*`` on the last word (only where it pays)."""
        return self.open_tail and len(self.words[-1][-1]) >= MIN_PREFIX

    @property
    def short_tail(self) -> bool:
        """The last word is a one- or two-letter prefix: matched exactly in FTS5, as a prefix in Python."""
        return self.open_tail and len(self.words[-1][-1]) < MIN_PREFIX


def parse_query(text: str) -> SearchQuery | None:
    """Fold and split ``text`` into searchable words; ``None`` when nothing in it can be searched."""
    if not isinstance(text, str):
        return None
    text = text[:MAX_QUERY_CHARS]
    # Lone surrogates (from a bad paste) cannot be encoded for SQLite; drop them.
    text = text.encode("utf-8", "ignore").decode("utf-8")
    folded = fold(text)
    chunks = folded.split()
    words: list[tuple[str, ...]] = []
    last_chunk = -1
    for index, chunk in enumerate(chunks):
        tokens = tuple(_TOKEN.findall(chunk))
        if tokens:
            words.append(tokens)
            last_chunk = index
        if len(words) == MAX_WORDS:
            break
    if not words:
        return None
    # The last word is still being typed when nothing follows it, not even a space or a full stop.
    open_tail = (not text[-1].isspace() and last_chunk == len(chunks) - 1
                 and chunks[last_chunk].endswith(words[-1][-1]))
    return SearchQuery(tuple(words), open_tail)


# ------------------------------------------------------------------ FTS5 expressions
def _fts_string(text: str) -> str:
    """``text`` as an FTS5 string: double quotes around it, inner quotes doubled."""
    return '"' + text.replace('"', '""') + '"'


def _is_grouped_number(tokens: Sequence[str]) -> bool:
    """``213 355`` / ``72 736 956 416``: a number written with thousands separators."""
    return (len(tokens) > 1 and all(t.isdigit() for t in tokens) and 1 <= len(tokens[0]) <= 3
            and all(len(t) == 3 for t in tokens[1:]))


def _word_expr(tokens: Sequence[str], prefix: bool) -> str:
    star = " *" if prefix else ""
    expr = _fts_string(" ".join(tokens)) + star
    if _is_grouped_number(tokens):
        # The index also holds 213.355 as 213355; either form of the number matches.
        expr = f"({expr} OR {_fts_string(''.join(tokens)) + star})"
    return expr


def _and_expr(words: Sequence[Sequence[str]], prefix: bool) -> str:
    return " AND ".join(_word_expr(w, prefix and i == len(words) - 1) for i, w in enumerate(words))


def _phrase_expr(query: SearchQuery, prefix: bool = True) -> str:
    return _fts_string(" ".join(query.tokens)) + (" *" if prefix and query.fts_prefix else "")


# ------------------------------------------------------------------ Python-side patterns
def _word_core(tokens: Sequence[str]) -> str:
    alternatives = [_SEP.join(re.escape(t) for t in tokens)]
    if all(t.isdigit() for t in tokens):
        # 213355 finds 213.355 and 213,355 in the text.
        alternatives.append(r"[.,]?".join(re.escape(d) for d in "".join(tokens)))
    return "(?:" + "|".join(alternatives) + ")"


def _word_patterns(query: SearchQuery, highlight: bool = False) -> list[re.Pattern[str]]:
    """One pattern per word for folded text, the last one a prefix while it is being typed.

    For ``highlight``, a one- or two-letter last word is a prefix only inside
    the phrase (``thuê b|ao``), not on its own: a lone ``b`` would light up every
    word starting with b.
    """
    out = []
    for i, tokens in enumerate(query.words):
        prefix = query.open_tail and i == len(query.words) - 1
        if highlight and prefix and query.short_tail and len(query.words) > 1:
            prefix = False
        out.append(re.compile(_BEFORE + _word_core(tokens) + ("" if prefix else _AFTER)))
    return out


def _phrase_pattern(query: SearchQuery) -> re.Pattern[str]:
    core = _SEP.join(_word_core(tokens) for tokens in query.words)
    return re.compile(_BEFORE + core + ("" if query.open_tail else _AFTER))


# ------------------------------------------------------------------ search
@dataclass(frozen=True)
class _Hit:
    rowid: int
    section: str
    item_id: int
    briefing_id: str


def search(store: BriefingStore, query: str, briefing_id: str | None = None, limit: int = 50) -> list[SearchResult]:
    """The items of ``store`` that match ``query``, best first, at most ``limit``.

    Tone marks, ``đ`` and case are ignored; the last word matches as a prefix
    while it is being typed; ``213.355`` and ``213355`` find the same figure.
    Any input is safe: text that holds nothing searchable gives ``[]``.
    Restrict to one briefing with ``briefing_id``. Raises :class:`StoreError`
    only when the database itself cannot be read, and :class:`SearchInterrupted`
    when another thread interrupted the store's connection.
    """
    parsed = parse_query(query)
    try:
        limit = min(int(limit), MAX_LIMIT)
    except (TypeError, ValueError):
        return []
    if parsed is None or limit <= 0:
        return []
    conn = store.connection()
    try:
        scope = _scope(store, conn, briefing_id)
        if scope is None:
            return []
        hits = _ranked_hits(conn, parsed, scope, limit)
        return _results(store, conn, parsed, hits)
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_INTERRUPT or str(exc) == "interrupted":
            raise SearchInterrupted() from None
        if str(exc).startswith("fts5:"):
            # The expressions are built to be valid; if FTS5 still objects, the answer is "nothing".
            return []
        raise StoreError(store.path, f"cannot be searched ({exc})") from None
    except sqlite3.Error as exc:
        raise StoreError(store.path, f"cannot be searched ({exc})") from None


def warm_up(store: BriefingStore) -> None:
    """Read now what searching ``store`` keeps (each briefing's rows in the index: 150-200 ms for
    200 briefings), so that the first search does not wait for it. What is read serves every store
    on the same file as it is now (the window's, read on its worker thread, serves its own too)."""
    try:
        _scope(store, store.connection(), None)
    except sqlite3.Error as exc:
        raise StoreError(store.path, f"cannot be searched ({exc})") from None


#: Per database file as it is on disk (path and :func:`~.store.file_fingerprint`): {briefing id: (first
#: rowid, last rowid)} in the index. Keyed by the file, not the connection, so that stores on one file share
#: it (the window's worker thread reads it for the GUI thread's store); any commit changes the fingerprint.
_ROWID_RANGES: dict[tuple[str, tuple], dict[str, tuple[int, int]]] = {}
_ROWID_RANGES_LOCK = threading.Lock()
#: Files whose ranges are kept (a window has one or two open; the CLI one).
_ROWID_RANGES_KEPT = 4


@dataclass(frozen=True)
class _Scope:
    """Which index rows to search: all, or one briefing's (its rowid range, then its id).

    ``recent`` is the first rowid of the briefings added last that hold about
    :data:`RECENT_ROWS` index rows: ranking passes over all briefings try the rows
    from there on first (0: the index is small, every pass ranks every row).
    """

    briefing_id: str | None = None
    first: int = 0
    last: int = 0
    recent: int = 0


def _scope(store: BriefingStore, conn: sqlite3.Connection, briefing_id: str | None) -> _Scope | None:
    """The search scope; ``None`` when the briefing has no rows in the index.

    A briefing's index rows are written together, so they sit in one rowid range.
    FTS5 seeks to a rowid range instead of ranking every match in every
    briefing (a common word in 200 briefings: 150 ms; in one: 5 ms). The range is
    only a bound: the briefing id is still checked. Ranges are read once per
    state of the file (see :data:`_ROWID_RANGES`).
    """
    ranges = _rowid_ranges(store, conn)
    if briefing_id is None:
        return _Scope(recent=_recent_start(ranges.values()))
    bounds = ranges.get(briefing_id)
    return None if bounds is None else _Scope(briefing_id, *bounds)


def _rowid_ranges(store: BriefingStore, conn: sqlite3.Connection) -> dict[str, tuple[int, int]]:
    """Each briefing's first and last rowid in the index, read once per state of the file."""
    path = str(store.path.absolute())
    before = file_fingerprint(path)
    key = (path, before) if before is not None else None
    with _ROWID_RANGES_LOCK:
        cached = _ROWID_RANGES.get(key) if key is not None else None
    if cached is not None:
        return cached
    ranges = {row[0]: (row[1], row[2]) for row in conn.execute(
        f"SELECT briefing_id, min(rowid), max(rowid) FROM {FTS_TABLE} GROUP BY briefing_id")}
    # Kept only when no commit came while reading: then these are the ranges of the file as fingerprinted.
    if key is not None and file_fingerprint(path) == before:
        with _ROWID_RANGES_LOCK:
            for old in [k for k in _ROWID_RANGES if k[0] == path]:
                del _ROWID_RANGES[old]
            while len(_ROWID_RANGES) >= _ROWID_RANGES_KEPT:
                del _ROWID_RANGES[next(iter(_ROWID_RANGES))]
            _ROWID_RANGES[key] = ranges
    return ranges


def _recent_start(ranges: Iterable[tuple[int, int]]) -> int:
    """The first rowid of the briefings added last that together hold at least :data:`RECENT_ROWS`
    index rows; 0 when that would be (nearly) every row, so bounding saves nothing."""
    rows = 0
    ordered = sorted(ranges, reverse=True)
    for first, last in ordered:
        rows += last - first + 1
        if rows >= RECENT_ROWS:
            return first if first != ordered[-1][0] else 0
    return 0


def _fts_rows(conn: sqlite3.Connection, expr: str, scope: _Scope, limit: int,
              columns: str = "section, item_id, briefing_id") -> list[tuple]:
    """The best ``limit`` rows matching ``expr`` in ``scope``, best first: ``(rowid, *columns)``.

    Ranked on rowids alone, then ``columns`` read for those rows only. Over all
    briefings of a large index, the rows of the briefings added last are ranked
    first (``scope.recent``), and all rows only when those do not fill ``limit``.
    """
    where = f"{FTS_TABLE} MATCH ?"
    params: list = [expr]
    if scope.briefing_id is not None:
        where += " AND rowid BETWEEN ? AND ?"
        params += [scope.first, scope.last]
    rowids: list[int] = []
    if scope.recent:
        rowids = _ranked_rowids(conn, f"{where} AND rowid >= ?", [*params, scope.recent], limit)
    if len(rowids) < limit:
        rowids = _ranked_rowids(conn, where, params, limit)
    if not rowids:
        return []
    found = {row[0]: tuple(row) for row in conn.execute(
        f"SELECT rowid, {columns} FROM {FTS_TABLE} WHERE rowid IN ({_in_clause(len(rowids))})", rowids)}
    rows = [found[r] for r in rowids if r in found]
    if scope.briefing_id is not None and any(row[3] != scope.briefing_id for row in rows):
        # A briefing's rows are written together, so its range holds only its rows; a database changed
        # by other means may interleave them: rank with the briefing checked on every row instead.
        where += " AND briefing_id = ?"
        params.append(scope.briefing_id)
        weights = ", ".join(str(w) for w in _WEIGHTS)
        return [tuple(row) for row in conn.execute(
            f"SELECT rowid, {columns} FROM {FTS_TABLE} WHERE {where} "
            f"ORDER BY bm25({FTS_TABLE}, {weights}) LIMIT ?", (*params, limit))]
    return rows


def _ranked_rowids(conn: sqlite3.Connection, where: str, params: Sequence, limit: int) -> list[int]:
    weights = ", ".join(str(w) for w in _WEIGHTS)
    sql = f"SELECT rowid FROM {FTS_TABLE} WHERE {where} ORDER BY bm25({FTS_TABLE}, {weights}) LIMIT ?"
    return [row[0] for row in conn.execute(sql, (*params, limit))]


def _ranked_hits(conn: sqlite3.Connection, query: SearchQuery, scope: _Scope, limit: int) -> list[_Hit]:
    """Phrase matches first, then scattered matches; each group ranked by bm25 in SQL.

    While the last word is being typed, each group first takes that word whole
    (``bao chi``), then as the start of longer words (``bao chi*``: also ``bao
    chinh``): the word as typed is the better match, and a prefix that expands to
    many words (``chi*``: chi, chia, chinh, chien…) costs several times more.
    Ranking is the cost (about a microsecond per matching row), so no query runs
    that cannot change the answer: once a group fills ``limit``, the next ones are
    not searched.
    """
    groups: list[list[tuple]] = []
    seen: set[int] = set()

    def add(rows: list[tuple]) -> bool:
        """Add a group; True when the groups so far fill ``limit``."""
        groups.append(rows)
        seen.update(row[0] for row in rows)
        return len(seen) >= limit

    if len(query.words) > 1:
        if query.fts_prefix and add(_fts_rows(conn, _phrase_expr(query, prefix=False), scope, limit)):
            return _merge(groups, limit)
        if add(_fts_rows(conn, _phrase_expr(query), scope, limit)):
            return _merge(groups, limit)
    tail = _short_tail_rows(conn, query, scope) if query.short_tail else None
    if tail is not None:
        as_phrase, scattered, complete = tail
        groups += [as_phrase, scattered]
        if not complete and sum(len(g) for g in groups) < limit:
            # More rows hold the other words than were checked: add the exact matches of the short word.
            groups.append(_fts_rows(conn, _and_expr(query.words, False), scope, 2 * limit))
    else:
        if query.fts_prefix and add(_fts_rows(conn, _and_expr(query.words, False), scope, 2 * limit)):
            return _merge(groups, limit)
        groups.append(_fts_rows(conn, _and_expr(query.words, query.fts_prefix), scope, 2 * limit))
    return _merge(groups, limit)


def _merge(groups: Iterable[Iterable[tuple]], limit: int) -> list[_Hit]:
    """The rows of ``groups`` in order, each row once, at most ``limit``."""
    hits: list[_Hit] = []
    seen: set[int] = set()
    for group in groups:
        for row in group:
            rowid = row[0]
            if rowid in seen:
                continue
            seen.add(rowid)
            hits.append(_Hit(rowid, row[1], int(row[2]), row[3]))
            if len(hits) == limit:
                return hits
    return hits


def _short_tail_rows(conn: sqlite3.Connection, query: SearchQuery,
                     scope: _Scope) -> tuple[list[tuple], list[tuple], bool] | None:
    """Rows where a one- or two-letter last word matches as a prefix: (as a phrase, scattered, complete).

    FTS5 ranks the rows holding everything but that last letter or two (the
    "head"); Python checks the best :data:`TAIL_CANDIDATES` of them for the
    prefix in their indexed (already folded) text, which also finds the short
    word itself. ``complete`` says every row holding the head was checked.
    ``None`` when there is no head (the query is one short word).
    """
    head = list(query.words[:-1])
    if len(query.words[-1]) > 1:
        head.append(query.words[-1][:-1])
    if not head:
        return None
    rows = _fts_rows(conn, _and_expr(head, False), scope, TAIL_CANDIDATES,
                     "section, item_id, briefing_id, title, body")
    phrase = _phrase_pattern(query)
    words = _word_patterns(query)
    as_phrase, scattered = [], []
    for row in rows:
        text = f"{row[4]}\n{row[5]}"
        if phrase.search(text):
            as_phrase.append(row[:4])
        elif all(p.search(text) for p in words):
            scattered.append(row[:4])
    return as_phrase, scattered, len(rows) < TAIL_CANDIDATES


# ------------------------------------------------------------------ original texts
def _in_clause(n: int) -> str:
    return ",".join("?" * n)


_Original = tuple[str, list[str], int, str | None]


def _originals(store: BriefingStore, conn: sqlite3.Connection,
               hits: list[_Hit]) -> dict[tuple[str, int, str], _Original]:
    """For each hit: its title, the original texts a snippet may come from (best first), a length, and
    its English title (None where there is none)."""
    by_section: dict[str, list[_Hit]] = {}
    for hit in hits:
        by_section.setdefault(hit.section, []).append(hit)
    out: dict[tuple[str, int, str], _Original] = {}
    for section, group in by_section.items():
        ids = sorted({h.item_id for h in group})
        if section == "indicators":
            sql = (f"SELECT id, briefing_id, label_vi, label_en, source_text, value_text, unit_vi "
                   f"FROM indicators WHERE id IN ({_in_clause(len(ids))})")
            for r in conn.execute(sql, ids):
                figure = " ".join(p for p in (r[5], r[6]) if p)
                out[(section, r[0], r[1])] = (r[2] or "", [r[4] or "", r[2] or "", r[3] or "", figure], 0, r[3])
        elif section in ("achievements", "limitations", "directives"):
            sql = (f"SELECT id, briefing_id, title_vi, title_en, source_text "
                   f"FROM {section} WHERE id IN ({_in_clause(len(ids))})")
            for r in conn.execute(sql, ids):
                out[(section, r[0], r[1])] = (r[2] or "", [r[4] or "", r[2] or "", r[3] or ""], 0, r[3])
        elif section == "enterprises":
            sql = (f"SELECT id, briefing_id, name_vi, name_en, short_name "
                   f"FROM enterprises WHERE id IN ({_in_clause(len(ids))})")
            for r in conn.execute(sql, ids):
                out[(section, r[0], r[1])] = (r[2] or "", [r[2] or "", r[4] or "", r[3] or ""], 0, r[3])
        elif section == "source":
            per_briefing: dict[str, list[_Hit]] = {}
            for hit in group:
                per_briefing.setdefault(hit.briefing_id, []).append(hit)
            for bid, paragraph_hits in per_briefing.items():
                article = _article(store, conn, bid)
                if article is None:
                    continue
                for hit in paragraph_hits:
                    end = article.find("\n", hit.item_id)
                    paragraph = article[hit.item_id:end if end >= 0 else len(article)]
                    if paragraph:
                        out[(section, hit.item_id, bid)] = (_first_words(paragraph), [paragraph], len(paragraph),
                                                            None)
    return out


#: Articles read for paragraph results, per file state (path and fingerprint) and briefing, newest last.
_ARTICLES: OrderedDict[tuple[str, tuple, str], str] = OrderedDict()
_ARTICLES_LOCK = threading.Lock()
#: Characters of article text kept: 30 articles of a large library's 130,000 characters, every article of a small one.
ARTICLE_CACHE_CHARS = 4_000_000


def _article(store: BriefingStore, conn: sqlite3.Connection, briefing_id: str) -> str | None:
    """The briefing's article, kept while the file is unchanged.

    A paragraph result's text is a line of the article, found by its offset. SQLite reads a long
    text through a chain of overflow pages from its start (``substr`` as well), so a paragraph near
    the end of a 130,000-character article costs the whole article: about 0.7 ms each, 10 ms for
    the 15 articles a common word's results come from. Successive keystrokes find the same
    paragraphs, so the articles are kept (up to :data:`ARTICLE_CACHE_CHARS` characters).
    """
    path = str(store.path.absolute())
    fingerprint = file_fingerprint(path)
    key = (path, fingerprint, briefing_id) if fingerprint is not None else None
    if key is not None:
        with _ARTICLES_LOCK:
            article = _ARTICLES.get(key)
            if article is not None:
                _ARTICLES.move_to_end(key)
                return article
    row = conn.execute("SELECT article_text FROM briefings WHERE id = ?", (briefing_id,)).fetchone()
    article = row[0] if row is not None else None
    if key is not None and isinstance(article, str) and len(article) <= ARTICLE_CACHE_CHARS:
        with _ARTICLES_LOCK:
            for stale in [k for k in _ARTICLES if k[0] == path and k[1] != fingerprint]:
                del _ARTICLES[stale]  # the file changed: what was read of it before is gone
            _ARTICLES[key] = article
            total = sum(len(text) for text in _ARTICLES.values())
            while total > ARTICLE_CACHE_CHARS:
                _key, dropped = _ARTICLES.popitem(last=False)
                total -= len(dropped)
    return article if isinstance(article, str) else None


def _first_words(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= SOURCE_TITLE_CHARS:
        return text
    cut = text.rfind(" ", 0, SOURCE_TITLE_CHARS)
    return text[: cut if cut > SOURCE_TITLE_CHARS // 2 else SOURCE_TITLE_CHARS].rstrip(" ,;:.-–") + "…"


def _results(store: BriefingStore, conn: sqlite3.Connection, query: SearchQuery,
             hits: list[_Hit]) -> list[SearchResult]:
    if not hits:
        return []
    originals = _originals(store, conn, hits)
    patterns = _word_patterns(query, highlight=True)
    phrase = _phrase_pattern(query) if len(query.words) > 1 else None
    results: list[SearchResult] = []
    for hit in hits:
        original = originals.get((hit.section, hit.item_id, hit.briefing_id))
        if original is None:  # an index row without its item: a damaged database; skip it
            continue
        title, texts, length, title_en = original
        snippet, spans = make_snippet(texts, patterns, phrase)
        results.append(SearchResult(hit.section, hit.item_id, hit.briefing_id, _one_line(title), snippet,
                                    spans, len(results) + 1, length, _one_line(title_en) if title_en else None))
    return results


# ------------------------------------------------------------------ snippets
def _one_line(text: str) -> str:
    return text.translate(_LINE_BREAKS)


class _FoldTable(dict):
    """``str.translate`` table: each character to its :func:`fold`, computed once per character.

    Folding character by character is :func:`fold` for Vietnamese text (a
    precomposed letter folds to one letter; a combining mark to nothing), and
    with the table cached it is many times faster than folding each snippet.
    """

    def __missing__(self, code: int) -> str:
        folded = fold(chr(code))
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def _fold_with_map(text: str) -> tuple[str, list[int] | None]:
    """``text`` folded and, when that changed its length, where each folded character came from."""
    folded = text.translate(_FOLD_TABLE)
    if len(folded) == len(text):
        return folded, None  # one character for one: Vietnamese text, precomposed
    origin: list[int] = []
    for index, char in enumerate(text):
        origin.extend([index] * len(_FOLD_TABLE[ord(char)]))
    return folded, origin


def _matches(text: str, patterns: Sequence[re.Pattern[str]],
             phrase: re.Pattern[str] | None = None) -> list[tuple[int, int, int]]:
    """``(start, end, word)`` spans of ``text`` (original positions) where a word matched.

    A match of the whole ``phrase`` is word ``-1``, so "điện thoại" is one span, space included.
    """
    folded, origin = _fold_with_map(text)
    found = []
    numbered = list(enumerate(patterns)) + ([(-1, phrase)] if phrase is not None else [])
    for word, pattern in numbered:
        for m in pattern.finditer(folded):
            start, end = m.span()
            if end <= start:
                continue
            if origin is not None:
                start, end = origin[start], origin[end - 1] + 1
                while end < len(text) and not _FOLD_TABLE[ord(text[end])]:  # keep trailing combining marks
                    end += 1
            found.append((start, end, word))
    found.sort()
    return found


def make_snippet(texts: Sequence[str], patterns: Sequence[re.Pattern[str]],
                 phrase: re.Pattern[str] | None = None) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The part of the best of ``texts`` around the matches, and the matched spans within it.

    ``patterns`` match the query's words in folded text, ``phrase`` all of them
    in a row. The best text matches the most distinct words, then holds the
    phrase (ties: the earlier text). Spans are merged where they touch.
    """
    best_text: str = ""
    best_matches: list[tuple[int, int, int]] = []
    best_score: tuple[int, bool] = (-1, False)
    for text in texts:
        if not text:
            continue
        matches = _matches(text, patterns, phrase)
        score = (len({m[2] for m in matches if m[2] >= 0}), any(m[2] < 0 for m in matches))
        if score > best_score:
            best_text, best_matches, best_score = text, matches, score
    text, matches = best_text, best_matches
    start, end = _window(text, matches)
    lead = "…" if start > 0 else ""
    tail = "…" if end < len(text) else ""
    snippet = lead + _one_line(text[start:end]) + tail
    spans: list[tuple[int, int]] = []
    for m_start, m_end, _word in matches:
        if m_end <= start or m_start >= end:
            continue
        s, e = max(m_start, start) - start + len(lead), min(m_end, end) - start + len(lead)
        if spans and s <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], e))
        else:
            spans.append((s, e))
    return snippet, tuple(spans)


def _window(text: str, matches: list[tuple[int, int, int]]) -> tuple[int, int]:
    """Start and end of the snippet: the window holding the most distinct matched words."""
    n = len(text)
    if n <= SNIPPET_CHARS:
        return 0, n
    anchor = 0
    if matches:
        best: tuple[int, bool] = (-1, False)
        starts = [m[0] for m in matches]
        for m_start, _e, _w in matches[:MAX_ANCHORS]:
            lo = max(0, m_start - SNIPPET_CONTEXT)
            hi = lo + SNIPPET_CHARS
            inside = set()
            for _s, e, w in matches[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]:
                if e <= hi:
                    inside.add(w)
            score = (len(inside - {-1}), -1 in inside)
            if score > best:
                best, anchor = score, m_start
    start = max(0, anchor - SNIPPET_CONTEXT)
    end = min(n, start + SNIPPET_CHARS)
    if end == n:
        start = max(0, n - SNIPPET_CHARS)
    # Cut at spaces, not inside words, when a space is near.
    if start > 0:
        space = text.find(" ", start, min(anchor, start + 20))
        if space >= 0:
            start = space + 1
    if end < n:
        space = text.rfind(" ", max(start, end - 20), end)
        if space > anchor:
            end = space
    return start, end
