"""``briefing-app draft``'s file work: read the article, draft it, write the briefing file atomically.

The draft names its article by file name (``briefing.source.article``), and the validator reads the
article beside the briefing file, so a draft written elsewhere is said to need the article beside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..i18n import Message
from .atomic import write_text_atomically
from .briefing_file import MAX_ARTICLE_BYTES, BriefingFileError, Problem, parse_briefing_text, read_text_file
from .draft import Draft, draft_briefing, draft_to_yaml
from .draft.reopen import read_saved_draft, reopen_review
from .draft.review import ItemProblems, Review, item_problems
from .text import shown

__all__ = ["DraftFileError", "WrittenDraft", "default_draft_path", "write_draft", "briefing_id_for", "read_article",
           "draft_article", "SavedReview", "save_review", "review_problems", "reopen_review_file"]


class DraftFileError(Exception):
    """The article cannot be drafted (the message says which file and why)."""


@dataclass(frozen=True)
class WrittenDraft:
    path: Path | None  # None: the text goes to standard output
    text: str
    summary: str  # "55 figures (12 to check), 40 candidate achievements, …"
    notes: tuple[str, ...]


def default_draft_path(article: Path) -> Path:
    """``mic-2017-h1.article.txt`` → ``mic-2017-h1.article.draft.yaml``, beside the article."""
    return article.with_name(f"{article.stem}.draft.yaml")


def briefing_id_for(article: Path) -> str:
    """A briefing id from the article's file name (``mic-2017-h1.article.txt`` → ``mic-2017-h1``)."""
    stem = article.name.split(".")[0].lower()
    ident = re.sub(r"[^a-z0-9_.\-]+", "-", stem).strip("-._")
    return ident or "draft"


def read_article(path: Path) -> str:
    """The article's text (UTF-8, a BOM allowed); DraftFileError saying what is wrong with the file."""
    try:
        if not path.is_file():
            raise DraftFileError(f"{path}: is not a file" if path.exists() else f"{path}: no such file")
        raw = path.read_bytes()
    except OSError as exc:
        raise DraftFileError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if len(raw) > MAX_ARTICLE_BYTES:
        raise DraftFileError(f"{path}: is {len(raw):,} bytes; an article may be at most {MAX_ARTICLE_BYTES:,} bytes")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise DraftFileError(f"{path}: is not UTF-8 text (line {line}: byte 0x{raw[exc.start]:02x})") from None


def write_draft(article: Path, output: Path | None, briefing_id: str | None = None) -> WrittenDraft:
    """Draft ``article`` and write the briefing file to ``output`` (None: return the text only).

    The article is never overwritten (the atomic writer refuses an output that is one of its inputs).
    """
    text = read_article(article)
    ident = briefing_id or briefing_id_for(article)
    if not re.fullmatch(r"[a-z0-9][a-z0-9_.\-]*", ident):
        raise DraftFileError(f"--id {shown(ident)!r}: use lowercase letters, digits, '_', '.' or '-'")
    draft = draft_briefing(text, ident, article.name)
    yaml_text = draft_to_yaml(draft)
    unsure = sum(1 for f in draft.figures if f.unsure)
    summary = (f"{len(draft.figures)} figures ({unsure} to check), {len(draft.achievements)} candidate achievements, "
               f"{len(draft.limitations)} candidate limitations, {len(draft.directives)} directives")
    notes: list[str] = []
    if output is not None:
        write_text_atomically(output, yaml_text, inputs=(article,))
        if output.resolve().parent != article.resolve().parent:
            notes.append(f"{output} names its article '{article.name}'; copy the article beside it before "
                         "validating or importing it")
    return WrittenDraft(output, yaml_text, summary, tuple(notes))


def draft_article(article: Path) -> Draft:
    """The draft of the article file (its id from the file name): what the review window opens."""
    return draft_briefing(read_article(article), briefing_id_for(article), article.name)


@dataclass(frozen=True)
class SavedReview:
    """What saving a review did: the file written, the validator's problems placed on the items, and notes
    about the article beside it (copied there, or a different file of its name found there)."""

    path: Path
    problems: ItemProblems
    article_copied: Path | None
    article_differs: Path | None


def save_review(review: Review, path: Path) -> SavedReview:
    """Write the reviewed draft to ``path`` (atomically; OSError/OutputError: nothing was written) and
    validate it as ``briefing-app validate`` does.

    The file is saved whatever the validator says: it is a draft, and a half-done review must never be lost;
    the problems come back placed on their items. The validator reads the article beside the file by name, so
    when that folder has no file of the article's name, the article is copied there; one that differs is left
    alone and said (``article_differs``).
    """
    draft = review.draft
    text = review.to_yaml()
    article = path.parent / draft.article_name
    write_text_atomically(path, text, inputs=(article,))
    copied = differs = None
    if not article.exists():
        write_text_atomically(article, draft.article_text, inputs=(path,))
        copied = article
    else:
        try:
            if read_article(article) != draft.article_text:
                differs = article
        except DraftFileError:
            differs = article
    return SavedReview(path, review_problems(review, path), copied, differs)


def review_problems(review: Review, path: Path) -> ItemProblems:
    """What ``briefing-app validate`` says of the file the review writes to ``path`` (its article read beside
    it), placed on the items."""
    try:
        parse_briefing_text(review.to_yaml(), path)
        return item_problems((), {})
    except BriefingFileError as exc:
        return item_problems(exc.problems, review.kept_by_section())


def reopen_review_file(path: Path) -> Review:
    """The review saved to the briefing file ``path``, to go on with (``data/draft/reopen.py``): its article is
    read beside it and drafted again. BriefingFileError (nothing is written) naming the file and what is wrong:
    not readable, not YAML, not a draft of an article, no readable article beside it, an item the article no
    longer holds."""
    saved = read_saved_draft(read_text_file(path, "briefing"), path)
    article = path.parent / saved.article_name
    try:
        article_text = read_text_file(article, "article")
    except BriefingFileError as exc:
        line, column = saved.document["briefing"]["source"].marks["article"]
        raise BriefingFileError([Problem(str(path), line, column, "briefing.source.article", Message(
            "reopen.article_unreadable", article=str(article), problem=exc.problems[0].message))]) from None
    return reopen_review(saved, article_text)
