"""Which lines of a stored article are its photos' file names and captions, for showing it to a reader.

Articles are stored as they were copied from the web page, photo lines included: a file name on a line
of its own ("20170714-m6.JPG"), the photo's caption on the next line, and for the lead photo the caption
written twice. A reader wants the captions shown as captions and no file names; source matching
(:mod:`.source_match`) and every stored offset keep using the article text exactly as stored, so this
module only *describes* the text: contiguous parts covering all of it, each with its kind, by offset.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

__all__ = ["ArticlePart", "PartKind", "CAPTION_MAX", "article_parts", "is_photo_file_name"]

#: text: shown as written; caption: shown as a photo caption; photo_file / repeat: not shown.
PartKind = Literal["text", "caption", "photo_file", "repeat"]

#: A caption is one short line; a longer line after a photo is the article going on.
CAPTION_MAX = 160

_PHOTO_FILE = re.compile(r"[^\s/\\]{1,120}\.(?:jpe?g|png|gif|webp|bmp|tiff?|heic)", re.IGNORECASE)


class ArticlePart(NamedTuple):
    """``text[start:stop]`` is of ``kind``; parts follow each other and cover the whole article."""

    start: int
    stop: int
    kind: PartKind

    @property
    def shown(self) -> bool:
        """Whether a reader sees this part (file names and a caption's repeat are left out)."""
        return self.kind in ("text", "caption")


def is_photo_file_name(line: str) -> bool:
    """Whether ``line`` is nothing but an image's file name (``20170714-m6.JPG``), spaces aside.

    >>> is_photo_file_name(" 20170714-m8.jpg ")
    True
    >>> is_photo_file_name("Xem ảnh 20170714-m8.jpg")
    False
    """
    return _PHOTO_FILE.fullmatch(line.strip()) is not None


def _is_caption_like(line: str) -> bool:
    return 0 < len(line.strip()) <= CAPTION_MAX and not is_photo_file_name(line)


def article_parts(text: str) -> list[ArticlePart]:
    """The article ``text`` cut into parts by line (each part ends after its line's newline).

    - a line that is an image's file name is ``photo_file``, together with one blank line after it;
    - the first non-blank line after a file name is a ``caption`` when it is short (≤ :data:`CAPTION_MAX`);
    - a short line written again as the next non-blank line is a caption, and its second copy, with the
      blank line before it, is a ``repeat``;
    - everything else is ``text``. Neighbouring parts of one kind are merged.
    """
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    kinds: list[PartKind] = ["text"] * len(lines)

    def next_filled(index: int) -> int | None:
        while index < len(lines) and not lines[index].strip():
            index += 1
        return index if index < len(lines) else None

    for index, line in enumerate(lines):
        if kinds[index] in ("photo_file", "repeat") or not line.strip():
            continue
        if is_photo_file_name(line):
            kinds[index] = "photo_file"
            if index + 1 < len(lines) and not lines[index + 1].strip():
                kinds[index + 1] = "photo_file"
            following = next_filled(index + 1)
            if following is not None and _is_caption_like(lines[following]):
                kinds[following] = "caption"
            continue
        # a caption written twice (the lead photo's) is one caption
        following = next_filled(index + 1)
        if following is not None and _is_caption_like(line) and lines[following].strip() == line.strip():
            kinds[index] = "caption"
            for hidden in range(index + 1, following + 1):
                kinds[hidden] = "repeat"

    parts: list[ArticlePart] = []
    for index, kind in enumerate(kinds):
        if parts and parts[-1].kind == kind:
            parts[-1] = parts[-1]._replace(stop=starts[index + 1])
        else:
            parts.append(ArticlePart(starts[index], starts[index + 1], kind))
    return parts
