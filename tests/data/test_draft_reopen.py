"""Going on with a review saved half-way, without a window: the briefing file a review saved is matched back to
the article's draft (statuses, edits, figures added by hand), saving it again writes the same file, and a file
that is not a review's draft of an article beside it is refused with what is wrong, changing nothing."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from briefing_app.data.briefing_file import BriefingFileError
from briefing_app.data.draft.reopen import _comment
from briefing_app.data.draft.review import ACCEPTED, PENDING, REJECTED, Review
from briefing_app.data.draft_file import draft_article, reopen_review_file, save_review
from briefing_fixtures import ROOT

MIC = ROOT / "resources" / "briefings" / "mic-2017-h1.article.txt"
SAMPLE = ROOT / "tests" / "data" / "draft_articles" / "sample-2019-q3.article.txt"


def _half_done(folder: Path, article: Path = MIC) -> tuple[Review, Path]:
    """A review saved half-way: some accepted, some rejected, an edited figure and title, two figures added from
    selections (one the rules read, one they do not: pending, its value to write), most items still pending."""
    copy = folder / article.name
    shutil.copy(article, copy)
    review = Review(draft_article(copy))
    draft, text = review.draft, review.draft.article_text
    figures = draft.figures
    review.set_status(figures[0].id, ACCEPTED)
    review.set_status(figures[1].id, REJECTED)
    review.set_status(figures[4].id, REJECTED)
    review.edit(figures[3].id, {"label": "Nhãn đã sửa", "value": "7", "qualifier": "khoảng"})
    review.set_status(draft.achievements[0].id, REJECTED)
    review.set_status(draft.achievements[2].id, ACCEPTED)
    review.edit(draft.directives[1].id, {"title": "Nhiệm vụ đã sửa"})
    review.set_status(draft.directives[0].id, REJECTED)  # the others are renumbered: a check on their number
    if "7,3 triệu thuê bao" in text:
        start = text.index("7,3 triệu thuê bao")
        added = review.add_figure(start, start + len("7,3 triệu thuê bao"))
        review.edit(added.id, {"label": "Thuê bao cố định (thêm)"})
    words = text.index(draft.limitations[0].title[:12])
    bare = review.add_figure(words, words + 12)
    review.set_status(bare.id, PENDING)
    path = folder / "review.yaml"
    save_review(review, path)
    return review, path


def _by_key(review: Review) -> dict[str, tuple]:
    return {i.key: (review.status(i.id), i) for i in review.draft.items()}


@pytest.mark.parametrize("article", [MIC, SAMPLE], ids=["mic-2017", "sample-2019"])
def test_a_reopened_review_has_every_status_edit_and_added_figure_and_saves_the_same_file(tmp_path, article):
    before, path = _half_done(tmp_path, article)
    saved = path.read_bytes()
    review = reopen_review_file(path)
    assert review.to_yaml().encode("utf-8") == saved  # saving without a change writes the file it opened
    assert review.counts() == before.counts()
    now, then = _by_key(review), _by_key(before)
    # every item the file holds, with its status and fields; the rejected ones by their place in the article
    for key, (status, item) in then.items():
        if status == REJECTED:
            continue
        assert now[key][0] == status, key
        if not item.id.endswith(":added"):  # an accepted item's notes are no longer written (nor kept once edited)
            assert now[key][1] == (item if status == PENDING else replace(item, unsure=now[key][1].unsure)), key
    rejected = {i.span for i in before.draft.items() if before.status(i.id) == REJECTED}
    assert rejected == {i.span for i in review.draft.items() if review.status(i.id) == REJECTED}
    # the added figures are placed in the article by their sentence; a pending one keeps what to check
    def added(r: Review) -> list[tuple]:
        return [(f.label, f.value, f.sentence, r.status(f.id), [c for c in f.checks if not c.startswith("figure:")]
                 if r.status(f.id) == PENDING else None) for f in r.draft.figures if f.id.endswith(":added")]

    assert added(review) == added(before) and len(added(review)) == (2 if article == MIC else 1)


def test_the_review_goes_on_after_reopening_and_reopens_again(tmp_path):
    _before, path = _half_done(tmp_path)
    review = reopen_review_file(path)
    edited = next(f for f in review.draft.figures if f.label == "Nhãn đã sửa")
    assert (edited.value, edited.qualifier, review.status(edited.id)) == ("7", "khoảng", ACCEPTED)
    pending = next(f for f in review.draft.figures if review.status(f.id) == PENDING and f.unsure)
    review.edit(pending.id, {"label": "Sửa sau khi mở lại"})
    rejected = next(i for i in review.draft.achievements if review.status(i.id) == REJECTED)
    review.set_status(rejected.id, ACCEPTED)  # a rejected item comes back
    save_review(review, path)
    again = reopen_review_file(path)
    assert again.to_yaml() == path.read_text(encoding="utf-8")
    assert again.status(pending.id) == ACCEPTED and again.draft.item(pending.id).label == "Sửa sau khi mở lại"
    assert again.status(rejected.id) == ACCEPTED and again.counts() == review.counts()


def test_a_key_changed_by_hand_is_matched_by_its_sentence_and_value(tmp_path):
    before, path = _half_done(tmp_path)
    figure = before.draft.figures[0]
    text = path.read_text(encoding="utf-8").replace(f'key: "{figure.key}"', 'key: "legal.doi_ten_bang_tay"', 1)
    path.write_text(text, encoding="utf-8")
    review = reopen_review_file(path)
    matched = review.draft.item(figure.id)  # the drafted figure, not a figure added by hand
    assert matched.key == "legal.doi_ten_bang_tay" and review.status(figure.id) == ACCEPTED
    assert review.to_yaml() == text


def _refused(path: Path) -> str:
    before = {p: p.read_bytes() for p in path.parent.iterdir() if p.is_file()}
    with pytest.raises(BriefingFileError) as caught:
        reopen_review_file(path)
    assert {p: p.read_bytes() for p in path.parent.iterdir() if p.is_file()} == before  # nothing changed
    message = caught.value.text("en")
    assert str(path) in message and caught.value.text("vi") != message
    return message


def test_a_file_that_is_not_a_review_s_draft_of_the_article_beside_it_is_refused_with_why(tmp_path):
    _review, path = _half_done(tmp_path)
    good = path.read_text(encoding="utf-8")
    assert "file not found" in _refused(tmp_path / "missing.yaml")
    path.write_text("format: [\n", encoding="utf-8")
    assert "did not find expected node content" in _refused(path)
    path.write_text('format: "briefing/1"\nbriefing:\n  id: "x"\n', encoding="utf-8")
    assert "is not a draft of an article" in _refused(path)
    path.write_text(good.replace(f'article: "{MIC.name}"', 'article: "gone.txt"'), encoding="utf-8")
    message = _refused(path)
    assert "briefing.source.article: cannot read its article" in message and "gone.txt: file not found" in message
    path.write_text(good.replace(f'article: "{MIC.name}"', 'article: "../x.txt"'), encoding="utf-8")
    assert "must be a file name beside the briefing file" in _refused(path)
    # the article changed since: the item whose sentence is gone is named, with its line
    path.write_text(good, encoding="utf-8")
    article = tmp_path / MIC.name
    first = _review.draft.figures[0]
    sentence = _review.draft.article_text[first.sentence[0]:first.sentence[1]]
    article.write_text(_review.draft.article_text.replace(sentence, sentence.replace(first.value, "99")),
                       encoding="utf-8")
    line = good.splitlines().index(f'    source: "{sentence}"') + 1
    assert f"review.yaml:{line}:13: indicators[0].source: this source is not in the article" in _refused(path)
    shutil.copy(MIC, article)
    # a change the review would not write back (an achievement's English title) would be lost at the next save:
    # refused (a figure's English label is kept: a guessed measure writes one)
    title = next(line for line in good.splitlines() if line.startswith("    title: {vi: ") and "en:" not in line)
    path.write_text(good.replace(title, title.replace('"}', '", en: "Edited"}', 1), 1), encoding="utf-8")
    assert "the file was changed outside the review" in _refused(path)
    # a briefing file written by hand
    hand = tmp_path / "mic-2017-h1.yaml"
    shutil.copy(ROOT / "resources" / "briefings" / "mic-2017-h1.yaml", hand)
    assert "was not saved by a review" in _refused(hand)


def test_a_check_comment_is_read_only_outside_quoted_text():
    assert _comment('    label: {vi: "Số # check: x"}  # check: the label') == ("check", "the label")
    assert _comment('    sector: "press"  # guess: from \'báo\'') == ("guess", "from 'báo'")
    assert _comment('    label: {vi: "a \\" # check: no"}') is None
    assert _comment("    value: null  # a note") is None
