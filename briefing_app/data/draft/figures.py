"""Figures stated in an article: value as written, unit, qualifier, the comparisons that follow it,
the total it is a part of, the enterprise it belongs to, and a short label (Qt-free, rules only).

A sentence is read left to right. Each number that is a figure (not a date, a year, a document
number, an ordinal or a span of time) either starts a new figure or — a percentage that follows a
figure with nothing but linking words between them ("…213.355 tỷ đồng, bằng 47,41% so với kế hoạch")
— becomes one of its comparisons: percent of plan, change (``tăng``/``giảm``), percent of the same
period. A percentage with its own subject ("lợi nhuận tăng 34%") is a figure of its own with no value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..folding import fold
from ..schema import QUALIFIERS
from ..sentence_percents import check_percent
from .dates import as_of_in, period_phrase_as_of
from .enterprises import enterprises_in
from .model import DraftEnterprise, DraftFigure, Span
from .sectors import guess_sector
from .text import Paragraph
from .units import CURRENCIES, DURATIONS, NOUNS, UnitMatch, match_unit, unit_en

__all__ = ["find_figures"]

_NUMBER = r"(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?"
_FIGURE = re.compile(rf"(?<![\w.,/:\-–])(?P<v>{_NUMBER})(?:[ \u00a0]?[-–][ \u00a0]?(?P<m>{_NUMBER}))?"
                     rf"(?![\w/:]|[.,]\d|-[^\W\d])")
#: Words right before a number that make it a date, an ordinal or a document's number, never a figure.
_NOT_BEFORE = re.compile(
    r"(?<!\w)(?:tháng|ngày|năm|quý|thứ|cấp|giai đoạn|mức độ|lần|số|điều|khoản|thông tư|nghị định|quyết định|"
    r"chỉ thị|nghị quyết|luật|khóa|khoá|kỳ|phiên|website|top|đợt|vòng|phần|chương|mục|tầm nhìn|apec|nhiệm kỳ|"
    r"phiên bản|version|ipv|mục tiêu|hạng|thứ hạng|vị trí|nhóm|tuyến|kênh|đường|tầng|phòng|khu|lô|mã|covid)"
    r"[ \u00a0]*$", re.IGNORECASE)
_DURATION_AFTER = re.compile(rf"[ \u00a0](?:{'|'.join(DURATIONS)})(?!\w)", re.IGNORECASE)
_DIRECTION = re.compile(r"(?<!\w)(tăng|giảm)(?!\w)", re.IGNORECASE)
_PLAN_AFTER = re.compile(r"^[ \u00a0]*(?:so với[ \u00a0]+)?"
                         r"((?:kế hoạch|KH|chỉ tiêu)(?:(?![ \u00a0]và[ \u00a0])[^,;.()])*)",
                        re.IGNORECASE)
_SAME_AFTER = re.compile(r"^[ \u00a0]*so với[ \u00a0]+([^,;()]*?)[ \u00a0]*(?=[,;()]|\.(?:\s|$)|$)", re.IGNORECASE)
_COMPARED = re.compile(r"so với[ \u00a0]+([^,;()]*?)[ \u00a0]*(?=[,;()]|\.(?:\s|$)|$)", re.IGNORECASE)
_HIGHER_THAN = re.compile(r"(?:cao|thấp) hơn[ \u00a0]+(cùng kỳ(?:[ \u00a0]+năm[ \u00a0]+(?:trước|\d{4}))?)")
#: Where a clause ends inside a sentence (as sentence_percents reads it: a mark followed by a space).
_CLAUSE_MARK = re.compile(r"[,;:](?=\s)|[()]|[ \u00a0]và[ \u00a0]")
_IN_PART = re.compile(r"(?<!\w)trong đó(?!\w)", re.IGNORECASE)
#: Linking words between a figure and its comparison: nothing else may stand between them.
_LINKING = re.compile(
    r"(?<!\w)(?:và|đạt|bằng|tăng|giảm|trưởng|so|với|mức|ước|khoảng|hơn|trên|gần|tính|vào|đồng thời|chỉ|là|"
    r"tương đương|ở|có|cũng|lên|xuống|được)(?!\w)|[,;:\s]", re.IGNORECASE)
_QUALIFIERS = sorted(QUALIFIERS, key=len, reverse=True)
#: Words a qualifier may stand before without being its figure's own word ("đạt khoảng", "ước tính đạt").
_FILLERS_BEFORE = ("đạt", "là", "có", "còn", "ở mức", "mức", "lên", "lên tới", "tới", "chỉ")
_METRICS = (("nộp ngân sách", "budget"), ("nộp nsnn", "budget"), ("lợi nhuận", "profit"),
            ("doanh thu", "revenue"), ("kim ngạch xuất khẩu", "exports"), ("thuê bao", "subscribers"),
            ("chi phí", "costs"), ("vốn", "capital"))
_YEAR = re.compile(r"(19[5-9]\d|20\d\d|2100)")


@dataclass
class _Mention:
    start: int
    end: int  # end of the number (of value_max for a range)
    value: str
    value_max: str | None
    percent: bool
    unit: UnitMatch | None
    qualifier: str | None
    qualifier_start: int  # where the figure's words start: the qualifier, else the number


def _qualifier_before(text: str, start: int, floor: int) -> tuple[str | None, int]:
    """The qualifier written right before ``start`` (skipping "đạt", "là"…), and where it starts."""
    before = text[max(floor, start - 40):start]
    base = start - len(before)
    trimmed = before.rstrip(" \u00a0")
    for q in _QUALIFIERS:
        if trimmed.endswith(q) and (len(trimmed) == len(q) or not trimmed[-len(q) - 1].isalnum()):
            return q, base + len(trimmed) - len(q)
    for filler in _FILLERS_BEFORE:
        if trimmed.endswith(" " + filler):
            inner = trimmed[:-len(filler)].rstrip(" \u00a0")
            for q in _QUALIFIERS:
                if inner.endswith(q) and (len(inner) == len(q) or not inner[-len(q) - 1].isalnum()):
                    return q, base + len(inner) - len(q)
    return None, start


def _mentions(text: str, start: int, end: int, paragraph_start: int) -> list[_Mention]:
    found: list[_Mention] = []
    excluded_end = -1
    for m in _FIGURE.finditer(text, start, end):
        before = text[max(paragraph_start, m.start() - 30):m.start()]
        value, value_max = m.group("v"), m.group("m")
        after_number = m.end()
        unit = match_unit(text, after_number)
        percent = unit is not None and unit.text == "%"
        if m.start() == paragraph_start and text.startswith(".", after_number):
            continue  # "1. …": a numbered paragraph
        if _NOT_BEFORE.search(before) or _DURATION_AFTER.match(text, after_number):
            excluded_end = after_number
            continue
        if value_max is None and _YEAR.fullmatch(value) and not (unit and unit.known and unit.text != "%"):
            excluded_end = after_number
            continue
        if value_max is not None and _YEAR.fullmatch(value) and _YEAR.fullmatch(value_max):
            continue  # 2016-2020
        if excluded_end >= 0 and re.fullmatch(r"[ \u00a0]*(?:,|và|hoặc|-)[ \u00a0]*", text[excluded_end:m.start()]) \
                and not (unit and unit.known):
            excluded_end = after_number  # "mức độ 3, 4": the list goes on
            continue
        if unit is None:
            continue  # a number with no unit is not a figure we can state
        qualifier, qualifier_start = _qualifier_before(text, m.start(), paragraph_start)
        found.append(_Mention(m.start(), m.end(), value, value_max, percent, unit, qualifier, qualifier_start))
    return found


def _clause_start(text: str, floor: int, pos: int) -> int:
    ends = [m.end() for m in _CLAUSE_MARK.finditer(text, floor, pos)]
    return max([floor, *ends])


def _clause_end(text: str, pos: int, ceiling: int) -> int:
    m = re.compile(r"[,;()]|[.](?=\s|$)|[ \u00a0]và[ \u00a0]").search(text, pos, ceiling)
    return m.start() if m else ceiling


_LEADING = re.compile(
    r"^(?:(?:và|còn|riêng|trong đó(?: có)?|cụ thể(?: như)?|hiện(?: nay)?|theo đó|đặc biệt|ngoài ra|đồng thời|"
    r"tính đến[^,]*|trong[ \u00a0]+\d+[ \u00a0]+tháng(?: đầu năm)?(?:[ \u00a0]+\d{4})?|"
    r"\d+[ \u00a0]+tháng đầu năm(?:[ \u00a0]+\d{4})?|cho biết|của|đạt|mức|có|là|cả nước(?: có)?)[ \u00a0,:]*)+",
    re.IGNORECASE)
_TRAILING = re.compile(
    r"(?:[ \u00a0,:]+|(?<!\w)(?:đạt|là|có|hiện có|đã có|chiếm|ước|mức|được|đã|khoảng|ở mức|lên tới|tới|"
    r"trong[ \u00a0]+\d+[ \u00a0]+tháng(?: đầu năm)?(?:[ \u00a0]+\d{4})?|"
    r"\d+[ \u00a0]+tháng(?: đầu năm)?(?:[ \u00a0]+\d{4})?|"
    r"tăng|giảm|bằng|chỉ|từ|tiếp tục (?:tăng|giảm)(?: chậm| mạnh)?|tính đến[^,]*|"
    r"(?:cao|thấp) hơn cùng kỳ(?: năm (?:trước|\d{4}))?))+$", re.IGNORECASE)
_INNER = re.compile(r"(?<!\w)(?:số lượng|tổng số|đã|toàn)[ \u00a0]+", re.IGNORECASE)


def _tidy(phrase: str, drop: tuple[str, ...] = ()) -> str:
    phrase = " ".join(phrase.replace("\u00a0", " ").split()).lstrip(" ,;:.)(")
    for name in sorted(drop, key=len, reverse=True):
        phrase = re.sub(rf"(?<!\w)(?:của[ ]+)?{re.escape(name)}(?!\w)", " ", phrase)
    if drop:  # "Tổng công ty đạt …" once the enterprise's name is gone
        phrase = re.sub(r"(?<!\w)(?:Tập đoàn|Tổng [Cc]ông ty|Công ty)(?!\w)[ ]*(?=đạt|có|là|đã|cho biết|,|$)", " ",
                        phrase)
    previous = None
    while previous != phrase:
        previous = phrase
        phrase = _LEADING.sub("", phrase).strip()
        phrase = _TRAILING.sub("", phrase).strip()
    phrase = _INNER.sub("", phrase)
    phrase = " ".join(phrase.split()).strip(" ,;:-")
    return phrase


def _shorten(phrase: str, words: int = 9) -> str:
    """At most ``words`` words, from the start: a Vietnamese noun phrase has its head first."""
    parts = phrase.split()
    return " ".join(parts[:words]).rstrip(" ,;:")


def _capital(phrase: str) -> str:
    return phrase[:1].upper() + phrase[1:] if phrase else phrase


def _metric(label: str) -> str | None:
    folded = fold(label)
    for words, metric in _METRICS:
        if fold(words) in folded:
            if metric == "subscribers":
                if "trong nuoc" in folded:
                    return "subscribers_domestic"
                if "nuoc ngoai" in folded:
                    return "subscribers_abroad"
            return metric
    return None


def _slug(label: str, words: int = 4) -> str:
    folded = re.sub(r"[^a-z0-9 ]+", " ", fold(label))
    return "_".join(folded.split()[:words]) or "figure"


class _Sentence:
    """The state of one sentence being read: the figure comparisons attach to, and how far we have read."""

    def __init__(self, start: int):
        self.current: DraftFigure | None = None
        self.cursor = start
        self.part_parent: DraftFigure | None = None
        self.figures: list[DraftFigure] = []


def find_figures(text: str, paragraphs: list[Paragraph], enterprises: dict[str, DraftEnterprise],
                 period_as_of: str | None, year: int | None,
                 skip: tuple[Span, ...] = ()) -> list[DraftFigure]:
    """Every figure the article states, in order. ``skip``: passages read elsewhere (the meeting's)."""
    figures: list[DraftFigure] = []
    mentions_of: dict[str, _Mention] = {}
    for paragraph in paragraphs:
        as_of_here: str | None = None
        last_of_previous: DraftFigure | None = None
        paragraph_enterprises = enterprises_in(text[paragraph.start:paragraph.end], enterprises)
        for sentence in paragraph.sentences:
            sentence_text = text[sentence.start:sentence.end]
            stated_as_of = as_of_in(sentence_text, year)
            if stated_as_of:
                as_of_here = stated_as_of
            named = enterprises_in(sentence_text, enterprises)
            enterprise = named[0] if len(named) == 1 else (
                paragraph_enterprises[0] if not named and len(paragraph_enterprises) == 1 else None)
            drop = tuple(n for e in enterprises.values() for n in {e.name, e.short}) if enterprise else ()
            state = _Sentence(sentence.start)
            if _IN_PART.match(sentence_text):
                state.part_parent = last_of_previous
            for mention in _mentions(text, sentence.start, sentence.end, paragraph.start):
                if any(s <= mention.start < e for s, e in skip):
                    continue
                figure = _read_mention(text, sentence.span, mention, state, drop)
                if figure is None:
                    continue
                figure.sentence = sentence.span
                figure.enterprise = enterprise
                if enterprise:
                    figure.sector, figure.sector_hint = "enterprises", f"enterprise {enterprises[enterprise].short}"
                    figure.metric = _metric(figure.label)
                    if figure.metric is None:
                        figure.unsure["metric"] = "no revenue, profit, budget or subscribers word in the label"
                else:
                    figure.sector, figure.sector_hint = guess_sector(
                        figure.label + " " + (figure.unit or ""), sentence_text, text[paragraph.start:paragraph.end])
                figures.append(figure)
                mentions_of[figure.id] = mention
            for figure in state.figures:  # once every comparison of the sentence is attached
                _set_as_of(figure, text, sentence_text, as_of_here, period_as_of, year, mentions_of[figure.id])
                _keep_valid_comparisons(figure, sentence_text)
            if figures and figures[-1].sentence == sentence.span:
                last_of_previous = next((f for f in reversed(figures) if f.sentence == sentence.span and f.value),
                                        None)
    _name_keys(figures)
    return figures


def _read_mention(text: str, sentence: Span, mention: _Mention, state: _Sentence,
                  drop: tuple[str, ...]) -> DraftFigure | None:
    """Attach ``mention`` to the figure before it (a comparison), or make a new figure of it."""
    s_start, s_end = sentence
    clause_start = _clause_start(text, s_start, mention.qualifier_start)
    before_clause = text[clause_start:mention.qualifier_start]
    after_end = _clause_end(text, mention.unit.end if mention.unit else mention.end, s_end)
    unit_end = mention.unit.end if mention.unit else mention.end
    after = text[unit_end:after_end]
    kind = "value"
    if mention.percent and mention.value_max is None:
        # Only a direction after the clause's last percentage is this one's ("tăng 5,1% so với cùng kỳ đạt
        # 43,2% kế hoạch": "tăng" is the first percentage's).
        directions = list(_DIRECTION.finditer(before_clause[before_clause.rfind("%") + 1:]))
        if directions:
            kind = "change"
        elif _PLAN_AFTER.match(after):
            kind = "value" if re.search(r"hoàn thành[ \u00a0]*$", before_clause.strip()) else "plan"
            if re.search(r"hoàn thành[ \u00a0]*$", text[clause_start:mention.qualifier_start].rstrip()):
                kind = "value"
        elif _SAME_AFTER.match(after):
            kind = "same_period"
    # The comparison's words start at its verb ("tăng", "bằng"); what stands before must only link it.
    between = text[state.cursor:mention.qualifier_start]
    linked = state.current is not None and not _LINKING.sub("", between)
    if kind != "value" and linked and state.current is not None:
        if _attach(state.current, kind, mention, text, after, unit_end, after_end):
            state.cursor = after_end
            return None
    if kind != "value":
        return _comparison_only(text, sentence, mention, state, kind, between, after, unit_end, after_end, drop)
    return _value_figure(text, sentence, mention, state, before_clause, after, unit_end, after_end, drop)


def _attach(figure: DraftFigure, kind: str, mention: _Mention, text: str, after: str, unit_end: int,
            after_end: int) -> bool:
    """Put a comparison on ``figure``; False when it already has one of that kind."""
    number_span = (mention.start, mention.end)
    if kind == "plan":
        if figure.plan_pct is not None:
            return False
        figure.plan_pct, figure.plan_qualifier = mention.value, mention.qualifier
        plan = _PLAN_AFTER.match(after)
        figure.plan = " ".join(plan.group(1).split()).rstrip(" .") if plan else None
        figure.field_spans["plan_pct"] = number_span
    elif kind == "change":
        if figure.change_pct is not None:
            return False
        directions = list(_DIRECTION.finditer(text, 0, mention.qualifier_start))
        falling = bool(directions) and directions[-1].group(1).lower() == "giảm"
        figure.change_pct = f"-{mention.value}" if falling else mention.value
        figure.change_qualifier = mention.qualifier
        figure.field_spans["change_pct"] = number_span
        compared = _COMPARED.search(after)
        if compared and figure.compared_with is None:
            figure.compared_with = " ".join(compared.group(1).split())
    else:
        if figure.same_period_pct is not None:
            return False
        figure.same_period_pct = mention.value
        figure.field_spans["same_period_pct"] = number_span
        compared = _SAME_AFTER.match(after)
        if compared and figure.compared_with is None:
            figure.compared_with = " ".join(compared.group(1).split())
    if mention.qualifier and kind == "same_period":
        figure.unsure["same_period_pct"] = f"the sentence says '{mention.qualifier}' before it; a percent of the " \
                                           "same period has no qualifier field"
    return True


def _comparison_only(text: str, sentence: Span, mention: _Mention, state: _Sentence, kind: str, between: str,
                     after: str, unit_end: int, after_end: int, drop: tuple[str, ...]) -> DraftFigure:
    """A percentage with a subject of its own and no value ("lợi nhuận đạt 51% kế hoạch năm")."""
    own_clause = re.split(r"[,;(]|[ \u00a0]và[ \u00a0]", between)[-1]
    subject = _tidy(re.sub(r"(?<!\w)(?:tăng|giảm)(?!\w).*$", "", own_clause, flags=re.IGNORECASE), drop)
    previous = state.current
    inherited = not subject and previous is not None
    label = previous.label if inherited and previous is not None else _capital(_shorten(subject)) or "Mức so sánh"
    figure = DraftFigure(id=f"figure:{mention.start}", key="", span=(mention.start, mention.end), sentence=sentence,
                         sector="general", label=label)
    _attach(figure, kind, mention, text, after, unit_end, after_end)
    figure.unsure["value"] = "the article gives only a comparison here, no absolute figure"
    if inherited:
        figure.unsure["label"] = "a second comparison of the figure before it; say how it differs"
    if re.search(r"(?<!\w)cả năm(?!\w)", after + between):
        figure.unsure["as_of"] = "the sentence says 'cả năm' (the whole year)"
    state.current, state.cursor = figure, after_end
    state.figures.append(figure)
    return figure


def _value_figure(text: str, sentence: Span, mention: _Mention, state: _Sentence, before_clause: str, after: str,
                  unit_end: int, after_end: int, drop: tuple[str, ...]) -> DraftFigure:
    unit = mention.unit
    assert unit is not None
    s_start, _ = sentence
    figure = DraftFigure(id=f"figure:{mention.start}", key="", span=(mention.start, mention.end), sentence=sentence,
                         sector="general", label="", value=mention.value, value_max=mention.value_max,
                         qualifier=mention.qualifier)
    figure.field_spans["value"] = (mention.start, mention.start + len(mention.value))
    if mention.value_max:
        figure.field_spans["value_max"] = (mention.end - len(mention.value_max), mention.end)
    if mention.qualifier:
        figure.field_spans["qualifier"] = (mention.qualifier_start, mention.qualifier_start + len(mention.qualifier))
    figure.unit = unit.text
    figure.field_spans["unit"] = (unit_end - len(unit.text) if text[unit_end - len(unit.text):unit_end] == unit.text
                                  else mention.end, unit_end)
    # The total this is a part of: the last figure before the sentence's last "trong đó".
    parts_from = [m.end() for m in _IN_PART.finditer(text, s_start, mention.start)]
    parent = None
    if parts_from:
        earlier = [f for f in state.figures if f.span[1] <= parts_from[-1] and f.value is not None]
        parent = earlier[-1] if earlier else state.part_parent
    words_after = _tidy(after)
    before_words = _tidy(before_clause, drop)
    inherits_unit = False
    if parent is not None and parent.value is not None:
        share = unit.text == "%" and re.search(r"chiếm[ \u00a0]*$", text[s_start:mention.qualifier_start].rstrip())
        if unit.text.lower() == (parent.unit or "").lower() or share:
            figure.parent = parent.id
        elif unit.counted and parent.unit and (parent.unit.lower() in NOUNS or parent.unit.split()[-1] in NOUNS) \
                and not before_words:
            figure.parent = parent.id
            inherits_unit = True
    # The unit: a scale alone ("hơn 130 triệu") takes the counted noun its clause names ("thuê bao").
    if unit.noun is None and unit.scale:
        currency = _currency_of(before_clause, state)
        # The clause's own noun; else the unit of the figure just read; else the sentence's subject, which a
        # parenthesis may have cut off from the clause ("Số thuê bao … (di động và cố định) … đạt 128,12 triệu").
        noun = currency or _noun_in(before_clause) or (
            state.current.unit.split(" ", 1)[1] if state.current and state.current.unit and " " in state.current.unit
            else None) or _noun_in(text[s_start:mention.qualifier_start])
        if currency:
            figure.unit = f"{unit.scale} {currency}"
            figure.unsure["unit"] = f"the article writes only '{unit.scale}'; the sentence's currency " \
                                    f"'{currency}' is taken, as it speaks of money"
        elif noun:
            figure.unit = f"{unit.scale} {noun}"
            figure.unsure["unit"] = f"the article writes only '{unit.scale}'; '{noun}' is taken from the sentence"
        else:
            figure.unsure["unit"] = f"the article writes only '{unit.scale}'; what is counted is not said"
    elif not unit.known:
        figure.unsure["unit"] = f"'{unit.text}' is not in the list of units; check it is what is counted"
    if inherits_unit and parent is not None:
        own = text[mention.end:after_end]
        figure.label = _capital(_shorten(_tidy(own), 8))
        figure.unit = parent.unit
        figure.unsure["unit"] = f"a part of '{parent.label}' ('trong đó'): the total's unit is used, the " \
                                f"article's word '{unit.text}' is in the label"
    else:
        marks = [m.end() for m in re.finditer(r"[;(]", text[s_start:mention.start])]
        lead_from = max(state.cursor, s_start + max(marks, default=0))
        lead = text[lead_from:mention.qualifier_start]
        figure.label = _label(before_words, lead, unit, words_after, text, mention, s_start, drop)
        compared_label = re.match(r"[ \u00a0]*so với[ \u00a0]+(.+?)[ \u00a0]+(?:chỉ[ \u00a0]+)?(?:đạt|là)[ \u00a0]*$",
                                  before_clause)
        if compared_label and state.figures:
            figure.label = f"{state.figures[-1].label} ({' '.join(compared_label.group(1).split())})"
    if figure.unit:
        figure.unit_en = unit_en(figure.unit)
    if not figure.label:
        figure.label = _capital(figure.unit or "Số liệu")
        figure.unsure["label"] = "nothing before or after the number names it"
    # A range or a share compared with the same period, stated without a percentage of its own.
    higher = _HIGHER_THAN.search(before_clause) or _HIGHER_THAN.search(text[s_start:mention.start])
    if higher and unit.text == "%":
        figure.compared_with = higher.group(1)
    # Words that finish the unit's noun ("thuê bao di động") may stand between a figure and its comparison.
    trailing = text[unit_end:after_end]
    state.current, state.cursor = figure, (after_end if not re.search(r"\d", trailing) else unit_end)
    state.figures.append(figure)
    return figure


_VERBISH = re.compile(r"(?<!\w)(?:đã|được|bị|ban hành|trình|gỡ bỏ|xóa|xoá|xử lý|hoàn thành|cấp|tổ chức|phát triển|"
                      r"thu hồi|phê duyệt|ký|triển khai|cung cấp)(?!\w)", re.IGNORECASE)


def _label(before: str, lead: str, unit: UnitMatch, after: str, text: str, mention: _Mention, s_start: int,
           drop: tuple[str, ...]) -> str:
    """A short label of ours: the noun phrase before the number; for a count whose sentence says what was
    done ("Bộ đã ban hành 17 Thông tư"), the counted noun and that verb phrase; else the noun and what follows."""
    share = unit.text == "%" and re.search(r"chiếm[ \u00a0]*$", text[s_start:mention.qualifier_start].rstrip())
    if share and before:
        return _capital(_shorten(f"tỷ trọng {before}"))
    noun = unit.noun if unit.counted else ""
    rest = _shorten(after.split(",")[0], 6)
    if noun and _VERBISH.search(lead) and not (before and fold(noun) in fold(before)):
        parts = [p for p in lead.split(",")]
        while len(parts) > 1 and not _VERBISH.search(parts[-1]):
            parts[-2] = parts[-2] + "," + parts[-1]
            parts.pop()
        verb = _tidy(re.sub(r"^.*?(?<!\w)(?:đã|sẽ)(?!\w)", "", parts[-1]), drop)
        phrase = f"{noun} {rest}" if rest and not verb else f"{noun} {verb}"
        return _capital(_shorten(" ".join(phrase.split()), 8))
    if before:
        if unit.text == "%" and rest and len(rest.split()) <= 4 and not rest.startswith("so với"):
            before = f"{before} {rest}"
        return _capital(_shorten(before))
    whole = _tidy(lead, drop)
    if whole and not _VERBISH.search(whole):
        return _capital(_shorten(whole))
    if noun:
        return _capital(_shorten(f"{noun} {rest}".strip(), 8))
    return _capital(_shorten(whole or rest))


#: Words whose last syllable is a counted noun but which count nothing ("thời điểm" is a moment, not points;
#: "dịch vụ" services, not cases): a noun inside one of them is not the clause's counted noun.
_NOT_COUNTED = ("thời điểm", "địa điểm", "đặc điểm", "quan điểm", "trọng điểm", "điểm mới", "nhiệm vụ",
                "dịch vụ", "phục vụ", "nghiệp vụ", "chính phủ", "trang bị", "cơ quan chức năng")
#: Words that make a bare scale ("2.854 tỷ") an amount of money: the sentence's currency is its unit.
_MONEY = re.compile(r"(?<!\w)(?:doanh thu|lợi nhuận|kim ngạch|ngân sách|vốn|đầu tư|nộp|giá trị)(?!\w)",
                    re.IGNORECASE)


def _noun_in(phrase: str) -> str | None:
    """The counted noun a clause names last, spelt as the article spells it (tone marks matter: "tính đến"
    is not "tỉnh"), skipping nouns that are part of a longer word ("thời điểm", "dịch vụ")."""
    lowered = phrase.lower()
    taken: list[tuple[int, int]] = []
    for word in sorted(_NOT_COUNTED, key=len, reverse=True):
        taken += [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", lowered)]
    best = None
    for noun in sorted(NOUNS, key=len, reverse=True):
        for hit in re.finditer(rf"(?<!\w){re.escape(noun)}(?!\w)", lowered):
            if any(a <= hit.start() and hit.end() <= b for a, b in taken):
                continue  # inside a longer noun already found, or a word that counts nothing
            taken.append((hit.start(), hit.end()))
            if best is None or hit.start() > best[0]:
                best = (hit.start(), noun)
    if best is None:
        return None
    return {"sim": "SIM"}.get(best[1], best[1])


def _currency_of(clause: str, state: _Sentence) -> str | None:
    """The currency a bare scale stands in, when its clause speaks of money: the sentence's last one
    ("tổng doanh thu đạt 10.259 tỷ đồng; … cố định đạt 2.854 tỷ" → "đồng"), else none."""
    if not _MONEY.search(clause):
        return None
    for earlier in reversed(state.figures):
        last = (earlier.unit or "").split(" ")[-1].lower()
        if last in CURRENCIES:
            return (earlier.unit or "").split(" ")[-1]
    return None


def _set_as_of(figure: DraftFigure, text: str, sentence_text: str, as_of_here: str | None,
               period_as_of: str | None, year: int | None, mention: _Mention) -> None:
    if "as_of" in figure.unsure:  # "cả năm"
        figure.as_of = str(year) if year else None
        return
    before = text[figure.sentence[0]:mention.start]
    compared = re.search(r"so với[ \u00a0]+([^,;()]*)$", before)
    if compared:
        stated = period_phrase_as_of(compared.group(1), year)
        if stated:
            figure.as_of = stated
            return
    if as_of_here:
        figure.as_of = as_of_here
        return
    flows = figure.plan_pct or figure.change_pct or figure.same_period_pct
    if period_as_of and (flows or period_phrase_as_of(sentence_text, year) == period_as_of):
        figure.as_of = period_as_of
    elif period_as_of:
        figure.unsure["as_of"] = "the sentence names no date or period; left empty"


def _keep_valid_comparisons(figure: DraftFigure, sentence_text: str) -> None:
    """A comparison the validator would refuse in its sentence is dropped, and said so (never guessed)."""
    for name, qualifier_name in (("plan_pct", "plan_qualifier"), ("change_pct", "change_qualifier"),
                                 ("same_period_pct", None)):
        value = getattr(figure, name)
        if value is None:
            continue
        qualifier = getattr(figure, qualifier_name) if qualifier_name else None
        problems = check_percent(name, value, qualifier, sentence_text)
        if problems:
            setattr(figure, name, None)
            if qualifier_name:
                setattr(figure, qualifier_name, None)
            figure.unsure[name] = f"read as {value}% but the sentence reads otherwise ({problems[0][1]}); left out"
    if figure.value is None and not (figure.plan_pct or figure.change_pct or figure.same_period_pct):
        figure.unsure["value"] = "no value and no comparison could be kept; write one or reject this figure"


def _name_keys(figures: list[DraftFigure]) -> None:
    seen: set[str] = set()
    for figure in figures:
        base = (f"{figure.enterprise}.{figure.metric or _slug(figure.label, 3)}" if figure.enterprise
                else f"{figure.sector}.{_slug(figure.label)}")
        key, n = base, 2
        while key in seen:
            key, n = f"{base}_{n}", n + 1
        seen.add(key)
        figure.key = key
