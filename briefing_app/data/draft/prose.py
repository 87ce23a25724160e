"""The meeting's facts, the numbered directives, and candidate achievements and limitations (rules only).

Achievements are the sentences after the paragraph that introduces the results ("đạt được những kết
quả …") up to the one that introduces the shortcomings ("những hạn chế …", "tồn tại", "khó khăn");
limitations run from there to the tasks ahead ("phương hướng, nhiệm vụ") or the numbered list. A
sentence that lists several shortcomings ("…; Tình trạng …; Một số …") gives one candidate for each,
all citing the whole sentence. They are candidates: a person keeps the ones that are.
"""

from __future__ import annotations

import re

from .dates import date_in
from .model import DraftItem, DraftMeeting, Span
from .sectors import guess_sector
from .text import Paragraph

__all__ = ["find_meeting", "find_directives", "find_achievements_and_limitations", "short_title"]

_DIRECTIVE = re.compile(r"(\d{1,2})\.[ \u00a0]+")
_SITES = re.compile(r"(?:trực tuyến|kết nối|truyền hình)[^.]*?(?:tại|tới|với|đến)[ \u00a0]+"
                    r"(?:hơn[ \u00a0]+|gần[ \u00a0]+)?"
                    r"(\d{1,3}(?:\.\d{3})*)[ \u00a0]+điểm cầu", re.IGNORECASE)
_PLACE = re.compile(r"\d{4},?[ \u00a0]+tại[ \u00a0]+([A-ZĐÀ-Ỹ][^,.;]{1,60}?)(?:,|[ \u00a0]+(?:Bộ|đã|diễn ra|tổ chức))")
_CHAIR = re.compile(r"(?:[Cc]hủ trì[^:;.]*?(?:có|là)[ \u00a0]+([^;.]+)|[Dd]o[ \u00a0]+([^;.]+?)[ \u00a0]+chủ trì"
                    r"|([^;.,]+?)[ \u00a0]+chủ trì[ \u00a0]+Hội nghị"
                    r"|Tới dự và (?:phát biểu )?chỉ đạo(?: tại Hội nghị)? có[ \u00a0]+([^;.]+))")
_ATTENDEES = re.compile(r"[Cc]ùng (?:tham )?dự(?: Hội nghị)? có[ \u00a0]+([^.]+)")
_KIND = re.compile(r"(Hội nghị[^.;]*?)(?=\.|;|$)")
_ACHIEVEMENTS_START = re.compile(r"kết quả[^.]*?(?:sau|như)[ \u00a0]*:|đạt được[^.]*:", re.IGNORECASE)
_LIMITATIONS_START = re.compile(r"(?:hạn chế|tồn tại|khó khăn, vướng mắc|bất cập|yếu kém)[^.]*?"
                                r"(?:như|sau|là)[ \u00a0]*:",
                                re.IGNORECASE)
_TASKS_START = re.compile(r"(?:phương hướng|nhiệm vụ|công tác trọng tâm)[^.]*"
                          r"(?:6 tháng cuối năm|thời gian tới|năm \d{4}|"
                          r"sau đây|như sau|gồm)", re.IGNORECASE)
_CAPTION = re.compile(r"\.(?:jpe?g|png|gif)$", re.IGNORECASE)
_FRAME = re.compile(r"^(?:(?:Trong|Sau)[ \u00a0]+\d+[ \u00a0]+tháng[^,]*,|Sáu tháng đầu năm[^,]*,|Đặc biệt,|Ngoài ra,|"
                    r"Bên cạnh đó,|Theo đó,|Cụ thể,|Tính đến[^,]*,|Về[^,:]*[,:]|Cũng tại Hội nghị,)[ \u00a0]*")


def short_title(text: str, words: int = 14) -> str:
    """A short title from a passage: its first clause without the opening frame, at most ``words`` words."""
    text = " ".join(text.replace("\u00a0", " ").split())
    text = re.sub(r"^\d{1,2}\.\s+", "", text)
    previous = None
    while previous != text:
        previous = text
        text = _FRAME.sub("", text).strip()
    text = re.split(r";|\.(?:\s|$)", text)[0]
    parts = text.split()
    if len(parts) > words:
        cut = " ".join(parts[:words])
        comma = cut.rfind(",")
        text = cut[:comma] if comma > len(cut) // 2 else cut
    return (text[:1].upper() + text[1:]).rstrip(" ,:;") if text else text


def find_meeting(text: str, paragraphs: list[Paragraph]) -> DraftMeeting | None:
    """Date, place, chair, attendees, kind and connected sites from the first paragraphs that state them."""
    for paragraph in paragraphs[:6]:
        body = text[paragraph.start:paragraph.end]
        found = date_in(body)
        if not found or not re.search(r"Hội nghị|hội nghị|cuộc họp|Hội thảo", body):
            continue
        meeting = DraftMeeting(span=paragraph.span, date=found[0])
        place = _PLACE.search(body)
        meeting.place = place.group(1).strip() if place else None
        chair = _CHAIR.search(body)
        if chair:
            meeting.chaired_by = next(g for g in chair.groups() if g).strip()
            meeting.unsure["chaired_by"] = "who chaired is read from the sentence's wording; check the role"
        attendees = _ATTENDEES.search(body)
        if attendees:
            meeting.attendees = [" ".join(a.split()) for a in attendees.group(1).split(";") if a.strip()][:30]
            meeting.unsure["attendees"] = "split at ';' as the article lists them"
        kind = _KIND.search(body)
        if kind:
            online = " (trực tuyến)" if re.search(r"trực tuyến", body) else ""
            meeting.kind = " ".join(kind.group(1).split())[:480] + online
        sites = _SITES.search(body)
        if sites:
            meeting.connected_sites = sites.group(1)
        sentences = [s for s in paragraph.sentences]
        if sentences:
            meeting.span = (sentences[0].start, sentences[-1].end)
        return meeting
    return None


def find_directives(text: str, paragraphs: list[Paragraph]) -> list[DraftItem]:
    """The longest run of paragraphs numbered 1., 2., 3. … in order; each paragraph whole is its source."""
    best: list[Paragraph] = []
    run: list[Paragraph] = []
    for paragraph in paragraphs:
        m = _DIRECTIVE.match(text, paragraph.start)
        number = int(m.group(1)) if m else None
        if number == len(run) + 1:
            run.append(paragraph)
        elif number == 1:
            run = [paragraph]
        else:
            run = [] if number is not None else run
            continue
        if len(run) > len(best):
            best = list(run)
    items = []
    for n, paragraph in enumerate(best, start=1):
        body = text[paragraph.start:paragraph.end]
        sector, hint = guess_sector(body)
        items.append(DraftItem(id=f"directive:{paragraph.start}", section="directives", key=f"d{n:02d}",
                               span=paragraph.span, sector=sector, title=short_title(body), number=n,
                               sector_hint=hint, unsure={"title": "the passage's first words; write a short title"}))
    return items


def find_achievements_and_limitations(text: str, paragraphs: list[Paragraph], stop: int,
                                      skip: tuple[Span, ...] = ()) -> tuple[list[DraftItem], list[DraftItem]]:
    """Candidate achievements and limitations, from where the article introduces them, up to ``stop``."""
    achievements: list[DraftItem] = []
    limitations: list[DraftItem] = []
    zone = None
    for paragraph in paragraphs:
        if paragraph.start >= stop:
            break
        if any(s <= paragraph.start < e for s, e in skip):
            continue
        for sentence in paragraph.sentences:
            body = text[sentence.start:sentence.end]
            limitation_intro = _LIMITATIONS_START.search(body)
            if limitation_intro:
                zone = "limitations"
            elif zone is not None and _TASKS_START.search(body) and zone == "limitations":
                zone = "done"
            elif zone is None and _ACHIEVEMENTS_START.search(body):
                zone = "achievements"
                continue
            if zone not in ("achievements", "limitations") or _CAPTION.search(body) or len(body.split()) < 8:
                continue
            target = achievements if zone == "achievements" else limitations
            _add_candidates(text, sentence.span, zone, target, limitation_intro.end() if limitation_intro else None)
    return achievements, limitations


def _add_candidates(text: str, span: Span, section: str, target: list[DraftItem], intro_end: int | None) -> None:
    start, end = span
    focus_start = start + intro_end if intro_end is not None else start
    pieces = [(focus_start, end)]
    if section == "limitations":
        cuts = [m.end() for m in re.finditer(r";[ \u00a0]+(?=[A-ZĐÀ-Ỹ])", text[focus_start:end])]
        bounds = [focus_start, *[focus_start + c for c in cuts], end]
        pieces = [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]
    name = section[:-1]
    for piece_start, piece_end in pieces:
        piece = text[piece_start:piece_end]
        sector, hint = guess_sector(piece, text[start:end])
        n = sum(1 for item in target if item.key.startswith(f"{sector}.")) + 1
        target.append(DraftItem(id=f"{name}:{piece_start}", section=section, key=f"{sector}.{name}_{n}", span=span,
                                sector=sector, title=short_title(piece), focus=(piece_start, piece_end),
                                sector_hint=hint, unsure={"title": "the passage's first words; write a short title"}))
