"""Units as Vietnamese reports write them after a figure, with an English reading.

A unit is an optional scale (``nghìn``, ``triệu``, ``tỷ``, ``nghìn tỷ``), then a currency or a counted
noun (``đồng``, ``USD``, ``thuê bao``, ``điểm phục vụ``), then an optional ``/…`` (``km/điểm``,
``thuê bao/100 dân``). The nouns are the ones ministry reviews count in; a word after a number that
is not one of them is still taken, and marked for checking.
"""

from __future__ import annotations

import re

__all__ = ["SCALES", "NOUNS", "CANONICAL", "unit_en", "match_unit", "UnitMatch", "DURATIONS"]

SCALES = {"nghìn tỷ": "trillion", "ngàn tỷ": "trillion", "nghìn tỉ": "trillion", "ngàn tỉ": "trillion",
          "triệu tỷ": "quadrillion", "triệu tỉ": "quadrillion",
          "nghìn": "thousand", "ngàn": "thousand", "triệu": "million", "tỷ": "billion", "tỉ": "billion"}
CURRENCIES = {"đồng": "VND", "usd": "USD", "vnđ": "VND", "vnd": "VND", "đô la mỹ": "USD"}
#: Counted nouns (lower case) → English. Longer entries win ("điểm phục vụ" before "điểm").
NOUNS = {
    "điểm phục vụ": "service points", "điểm cầu": "sites", "điểm": "points", "bưu cục": "post offices",
    "cơ quan báo chí": "press agencies", "cơ quan": "agencies", "nhà báo": "journalists", "thẻ nhà báo": "press cards",
    "thẻ": "cards", "tên miền": "domain names", "truy vấn": "queries", "đơn vị": "units",
    "doanh nghiệp": "enterprises", "thuê bao": "subscribers", "đề án": "schemes", "dự án": "projects",
    "nghị định": "decrees", "quyết định": "decisions", "thông tư": "circulars", "văn bản": "documents",
    "luật": "laws", "clip": "clips", "video": "videos", "tài khoản": "accounts", "sim": "SIM cards",
    "trạm bts": "base stations", "trạm": "stations", "km cáp quang": "km of fibre", "km": "km", "người": "people",
    "lượt truy cập": "visits", "lượt": "times", "hồ sơ": "applications", "dịch vụ công": "public services",
    "dịch vụ": "services", "trang thông tin điện tử": "websites", "trang": "websites", "website": "websites",
    "mạng xã hội": "social networks", "nhà xuất bản": "publishers", "xuất bản phẩm": "publications",
    "đầu sách": "titles", "bản": "copies", "cuốn": "copies", "đài": "stations", "kênh": "channels",
    "tin nhắn": "messages", "cuộc gọi": "calls", "cuộc tấn công": "attacks", "sự cố": "incidents",
    "lỗ hổng": "vulnerabilities", "mã độc": "malware samples", "máy tính": "computers", "máy": "devices",
    "đầu thu": "receivers", "hộ gia đình": "households", "hộ": "households", "xã": "communes",
    "tỉnh": "provinces", "sở tt&tt": "provincial departments", "sở": "departments", "địa phương": "localities",
    "bộ": "ministries", "vụ": "cases", "vụ việc": "cases", "trường hợp": "cases", "tổ chức": "organisations",
    "cá nhân": "individuals", "kiốt": "kiosks", "ki-ốt": "kiosks", "thùng thư": "letter boxes",
    "đại lý": "agents", "nội dung": "items of content", "bài viết": "articles", "tin bài": "articles",
    "chương trình": "programmes", "ứng dụng": "apps", "giấy phép": "licences", "chứng thư số": "digital certificates",
    "địa chỉ": "addresses", "cuộc thanh tra": "inspections", "cuộc kiểm tra": "inspections",
    "quyết định xử phạt": "penalty decisions", "học viên": "trainees", "lớp": "classes", "cán bộ": "officials",
    "sản phẩm": "products", "thiết bị": "devices", "băng tần": "bands", "tần số": "frequencies",
    "hệ thống": "systems", "cơ sở dữ liệu": "databases", "trung tâm dữ liệu": "data centres",
    "lao động": "workers", "người lao động": "workers", "bưu gửi": "postal items", "bưu phẩm": "postal items",
    "bưu kiện": "parcels", "gói, kiện": "parcels", "trường học": "schools", "kỹ sư": "engineers",
}
#: How a unit is spelt in a briefing file when the article writes it otherwise ("Sim" → "SIM").
CANONICAL = {"sim": "SIM", "usd": "USD", "vnđ": "VNĐ", "vnd": "VND", "trạm bts": "trạm BTS", "sở tt&tt": "Sở TT&TT"}
#: Words after a number that make it a span of time, not a figure ("6 tháng", "10 năm").
DURATIONS = ("tháng", "năm", "ngày", "quý", "tuần", "giờ", "phút", "giây", "thập kỷ", "kỳ")

_PER = re.compile(r"/(?:(\d+)[ \u00a0])?([^\s,;.()/]+)")


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_SCALE = re.compile(rf"(?:{_alternation(SCALES)})(?![\w])", re.IGNORECASE)
_CURRENCY = re.compile(rf"(?:{_alternation(CURRENCIES)})(?![\w])", re.IGNORECASE)
_NOUN = re.compile(rf"(?:{_alternation(NOUNS)})(?![\w])", re.IGNORECASE)
_SPACE = re.compile(r"[ \u00a0\u2009\u202f]")


class UnitMatch:
    """A unit found after a number: its text as the file writes it, where it ends, and how sure we are."""

    def __init__(self, text: str, end: int, scale: str | None, noun: str | None, known: bool, per: str = ""):
        self.text = text
        self.end = end
        self.scale = scale
        self.noun = noun
        self.known = known
        self.per = per

    @property
    def counted(self) -> bool:
        """A plain counted noun (no scale, currency or ``/…``): a part may take its total's unit instead."""
        return (self.scale is None and not self.per and self.noun is not None and self.noun != "%"
                and self.noun.lower() not in CURRENCIES)


def _canonical(word: str) -> str:
    return CANONICAL.get(word.lower(), word)


def match_unit(text: str, pos: int) -> UnitMatch | None:
    """The unit written at ``text[pos:]`` (after the number and one space), or None."""
    i = pos
    space = _SPACE.match(text, i)
    if space:
        i = space.end()
    if text.startswith("%", pos) or (space and text.startswith("%", i)):
        at = text.index("%", pos)
        return UnitMatch("%", at + 1, None, "%", True)
    if not space:
        return None
    scale = _SCALE.match(text, i)
    scale_text = None
    if scale:
        scale_text = text[scale.start():scale.end()]
        i = scale.end()
        after = _SPACE.match(text, i)
        j = after.end() if after else i
        noun = (_CURRENCY.match(text, j) or _NOUN.match(text, j)) if after else None
        if noun is None:
            return UnitMatch(scale_text, i, scale_text, None, True)
        i = noun.end()
        noun_text = _canonical(text[noun.start():noun.end()])
        return _with_per(text, UnitMatch(f"{scale_text} {noun_text}", i, scale_text, noun_text, True))
    noun = _CURRENCY.match(text, i) or _NOUN.match(text, i)
    if noun:
        noun_text = _canonical(text[noun.start():noun.end()])
        return _with_per(text, UnitMatch(noun_text, noun.end(), None, noun_text, True))
    word = re.compile(r"[^\W\d_][\w&-]*", re.UNICODE).match(text, i)
    if word and word.group()[0].islower() and word.group().lower() not in _NOT_UNITS:
        return _with_per(text, UnitMatch(word.group(), word.end(), None, word.group(), False))
    return None


#: Words that follow a number without being its unit.
_NOT_UNITS = {"và", "hoặc", "so", "với", "của", "tại", "trên", "dưới", "đến", "từ", "là", "được", "bị", "đã", "có",
              "trong", "theo", "cho", "về", "lần", "thì", "mà", "nhưng", "để", "khi"} | set(DURATIONS)


def _with_per(text: str, unit: UnitMatch) -> UnitMatch:
    per = _PER.match(text, unit.end)
    if per:
        unit.text = f"{unit.text}{per.group()}"
        unit.per = per.group()
        unit.end = per.end()
    return unit


def unit_en(unit: str) -> str | None:
    """The English reading of a unit the lexicon knows ("triệu thuê bao" → "million subscribers"), else None."""
    lowered = unit.lower()
    if lowered == "%":
        return "%"
    per = ""
    if "/" in lowered:
        lowered, _, rest = lowered.partition("/")
        number, _, noun = rest.rpartition(" ")
        per_noun = {"điểm": "point", "dân": "people", "người": "person"}.get(noun, noun)
        per = f" per {number} {per_noun}" if number else f" per {per_noun}"
    scale = next((s for s in sorted(SCALES, key=len, reverse=True) if lowered == s or lowered.startswith(s + " ")),
                 None)
    rest = lowered[len(scale):].strip() if scale else lowered
    if rest in CURRENCIES:
        noun_en = CURRENCIES[rest]
    elif rest in NOUNS:
        noun_en = NOUNS[rest]
    elif not rest:
        noun_en = ""
    else:
        return None
    words = [w for w in (SCALES[scale] if scale else "", noun_en) if w]
    return " ".join(words) + per if words else None
