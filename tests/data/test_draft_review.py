"""The review of a draft without a window (issue #18): decisions, checked edits, figures added from a selection,
the file a review writes, and the validator's problems placed on the items they are about."""

from __future__ import annotations

import pytest

from briefing_app.data.briefing_file import load_briefing_file
from briefing_app.data.draft.review import ACCEPTED, PENDING, REJECTED, EditError, Review, check_field
from briefing_app.data.draft_file import draft_article, save_review
from briefing_fixtures import ROOT

MIC = ROOT / "resources" / "briefings" / "mic-2017-h1.article.txt"


@pytest.fixture
def review() -> Review:
    return Review(draft_article(MIC))


def _figure(review: Review, label: str):
    return next(f for f in review.draft.figures if f.label == label)


def test_a_typed_number_must_be_in_vietnamese_notation_and_only_a_change_carries_a_sign():
    assert check_field("value", " 72.736.956.416 ") == "72.736.956.416"
    assert check_field("change_pct", "-2,1") == "-2,1"
    assert check_field("change_pct", "+13") == "13"
    assert check_field("value", "") is None
    for name, text, kind in (("value", "1.2.3", "number"), ("value", "72,736,956", "number"),
                             ("value", "-5", "number"), ("qualifier", "chừng", "qualifier"),
                             ("sector", "space", "sector"), ("label", "  ", "required")):
        with pytest.raises(EditError) as caught:
            check_field(name, text)
        assert (caught.value.field, caught.value.kind) == (name, kind)


def test_an_edit_changes_only_what_was_typed_accepts_the_item_and_a_refused_edit_changes_nothing(review):
    revenue = _figure(review, "Doanh thu viễn thông phát sinh")
    assert (revenue.value, revenue.plan_pct, revenue.plan_qualifier) == ("213.355", "47,41", None)
    edited = review.edit(revenue.id, {"label": "Doanh thu viễn thông", "plan_pct": ""})
    assert edited.label == "Doanh thu viễn thông" and edited.value == "213.355" and edited.unit == "tỷ đồng"
    assert edited.plan_pct is None and edited.plan is None  # a cleared comparison takes its words with it
    assert review.status(revenue.id) == ACCEPTED
    with pytest.raises(EditError):
        review.edit(revenue.id, {"value": "213,355,000", "label": "X"})
    assert review.draft.item(revenue.id).label == "Doanh thu viễn thông"


def test_the_file_leaves_out_rejected_items_and_keeps_checks_only_on_pending_ones(review):
    first, second, third = review.draft.figures[:3]
    review.set_status(first.id, REJECTED)
    review.set_status(second.id, ACCEPTED)
    assert first.unsure and second.unsure and third.unsure and review.status(third.id) == PENDING
    text = review.to_yaml()
    blocks = {b.split("\n", 1)[0]: b for b in text.split("\n  - key: ")[1:]}
    assert not any(b.startswith(f'"{first.key}"') for b in blocks)
    accepted = next(b for k, b in blocks.items() if k == f'"{second.key}"')
    pending = next(b for k, b in blocks.items() if k == f'"{third.key}"')
    assert "# check:" not in accepted and "# guess:" not in accepted
    assert "# check: the sentence names no date" in pending
    assert review.counts("figures") == {PENDING: len(review.draft.figures) - 2, ACCEPTED: 1, REJECTED: 1}


def test_a_figure_added_from_a_selection_is_read_by_the_rules_with_its_sentence_as_source(review):
    text = review.draft.article_text
    start = text.index("7,3 triệu thuê bao cố định")
    before = len(review.draft.figures)
    added = review.add_figure(start - 10, start + len("7,3 triệu thuê bao"))
    assert len(review.draft.figures) == before + 1 and review.status(added.id) == ACCEPTED
    assert (added.value, added.unit) == ("7,3", "triệu thuê bao")
    assert text[added.sentence[0]:added.sentence[1]].startswith("Điện thoại cố định tiếp tục giảm chậm")
    assert added.key not in {f.key for f in review.draft.figures if f.id != added.id}
    assert review.draft.figures.index(added) > 0  # in the article's order, not at the end
    # Text the rules find no figure in: the first number is the value, everything is marked to check.
    date = text.index("ngày 25/8/2004")
    bare = review.add_figure(date, date + len("ngày 25/8"))
    assert bare.value == "25" and "figure" in bare.unsure
    with pytest.raises(ValueError):
        review.add_figure(0, 0)


def test_a_saved_review_is_validated_and_each_problem_lands_on_its_item(review, tmp_path):
    figures = review.draft.figures
    review.set_status(figures[0].id, REJECTED)
    fixed = _figure(review, "Cố định")
    review.edit(fixed.id, {"value": "7,4", "qualifier": "khoảng"})  # neither is in its sentence
    saved = save_review(review, tmp_path / "draft.yaml")
    assert saved.article_copied == tmp_path / MIC.name
    assert (tmp_path / MIC.name).read_text(encoding="utf-8") == MIC.read_text(encoding="utf-8")
    assert set(saved.problems.by_item) == {fixed.id} and not saved.problems.general
    fields = sorted(p.field.split(".")[-1] for p in saved.problems.by_item[fixed.id])
    assert fields == ["qualifier", "value"]
    review.edit(fixed.id, {"value": "7,3", "qualifier": "hơn", "label": "Thuê bao cố định"})
    saved = save_review(review, tmp_path / "draft.yaml")
    assert saved.problems.count == 0 and saved.article_copied is None
    document = load_briefing_file(tmp_path / "draft.yaml")
    row = next(r for r in document.indicators if r["label_vi"] == "Thuê bao cố định")
    assert (row["value_text"], row["qualifier"]) == ("7,3", "hơn")
    assert figures[0].key not in {r["key"] for r in document.indicators}


def test_a_save_that_cannot_write_raises_and_leaves_the_old_file_as_it_was(review, tmp_path):
    target = tmp_path / "missing-folder" / "draft.yaml"
    with pytest.raises(OSError):
        save_review(review, target)
    assert not target.parent.exists()
    article_beside = tmp_path / MIC.name
    article_beside.write_bytes(MIC.read_bytes())
    with pytest.raises(OSError):  # never over the article it reads
        save_review(review, article_beside)
    assert article_beside.read_bytes() == MIC.read_bytes()
