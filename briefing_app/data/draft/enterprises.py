"""Enterprises named in an article: the known operators of the sector, and any acronym that follows
"Tập đoàn" / "Tổng công ty" (``Tổng công ty VTC``). Each gets an id, the name the article first gives
it in full (``Tập đoàn VNPT``) and its short name."""

from __future__ import annotations

import re

from ..folding import fold
from .model import DraftEnterprise

__all__ = ["find_enterprises", "enterprises_in"]

#: Short names of enterprises of the sector (as they are usually spelt); an article's own spelling is kept.
KNOWN = ("VNPT", "Viettel", "MobiFone", "VinaPhone", "Vietnamobile", "Gmobile", "Gtel", "VTC", "VietnamPost",
         "VNPost", "Viettel Post", "FPT", "CMC", "VTVcab", "SCTV", "Hanoi Telecom", "Indochina Telecom", "Itelecom",
         "VNTT", "SPT", "Bkav", "NetNam")
_FRAME = r"(?:Tập đoàn|Tổng [Cc]ông ty|Công ty|Nhà mạng|nhà mạng)"
_KNOWN = re.compile(r"(?<![\w-])(" + "|".join(re.escape(k) for k in sorted(KNOWN, key=len, reverse=True))
                    + r")(?![\w-])", re.IGNORECASE)
#: "Tổng công ty Truyền thông đa phương tiện VTC": the frame, a few words, then the acronym.
_FRAMED = re.compile(_FRAME + r"(?:[ \u00a0]+[^\W\d][\w&]*){0,6}?[ \u00a0]+\(?([A-Z][A-Za-z]*[A-Z][\w&]*)\)?")
_NAME_BEFORE = re.compile(_FRAME + r"(?:[ \u00a0]+[^\s,;.()]+){0,6}?[ \u00a0]*\(?$")


def _id(short: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", fold(short)) or "enterprise"


def find_enterprises(text: str) -> dict[str, DraftEnterprise]:
    """Every enterprise named in ``text``, by id, with the first full name the article gives it."""
    found: dict[str, DraftEnterprise] = {}
    mentions = [(m.start(1), m.end(1), m.group(1)) for m in _KNOWN.finditer(text)]
    mentions += [(m.start(1), m.end(1), m.group(1)) for m in _FRAMED.finditer(text)]
    for start, _end, short in sorted(mentions):
        ident = _id(short)
        before = _NAME_BEFORE.search(text, max(0, start - 80), start)
        if before and before.group().rstrip(" (\u00a0").strip():
            full = before.group().rstrip(" (\u00a0").strip()
            # "Tổng công ty Bưu điện Việt Nam (VietnamPost)": the name is what stands before the bracket.
            name = full if text[start - 1:start] == "(" else f"{full} {short}"
        else:
            name = short
        known = found.get(ident)
        if known is None:
            found[ident] = DraftEnterprise(ident, name.strip(), short)
        elif known.name == known.short and name != short:
            found[ident] = DraftEnterprise(ident, name.strip(), known.short)
    return found


def enterprises_in(text: str, known: dict[str, DraftEnterprise]) -> list[str]:
    """The ids of the enterprises ``text`` names, in order, each once."""
    ids: list[str] = []
    for m in list(_KNOWN.finditer(text)) + list(_FRAMED.finditer(text)):
        ident = _id(m.group(1))
        if ident in known and ident not in ids:
            ids.append(ident)
    return ids
