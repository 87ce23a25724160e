"""Photo file names and captions in a stored article: described by offset, the text left as stored."""

from __future__ import annotations

import pytest

from briefing_app.data.article_parts import CAPTION_MAX, article_parts, is_photo_file_name
from briefing_app.paths import resources_dir


def _shown(text: str) -> list[tuple[str, str]]:
    return [(part.kind, text[part.start:part.stop]) for part in article_parts(text) if part.shown]


@pytest.mark.parametrize("line", ["20170714-m6.JPG", "20170714-m8.jpg", " anh_1.jpeg \n", "IMG 2.png".replace(" ", "_"),
                                  "a.webp", "photo.TIFF"])
def test_a_file_name_alone_on_its_line_is_a_photo_file_name(line):
    assert is_photo_file_name(line)


@pytest.mark.parametrize("line", ["", "Các đại biểu tham dự Hội nghị", "Xem ảnh 20170714-m8.jpg",
                                  "20170714-m8.jpg là ảnh hội nghị", "http://example.vn/a.jpg", "báo cáo.pdf",
                                  "Ban hành 17 Thông tư."])
def test_a_sentence_or_another_file_is_not(line):
    assert not is_photo_file_name(line)


def test_parts_cover_the_text_exactly_in_order():
    text = "Tiêu đề\n\nĐoạn một.\n \n20170714-m6.JPG\n\nCác đại biểu\n \nĐoạn hai."
    parts = article_parts(text)
    assert parts[0].start == 0 and parts[-1].stop == len(text)
    assert all(a.stop == b.start for a, b in zip(parts, parts[1:]))
    assert "".join(text[p.start:p.stop] for p in parts) == text


def test_the_file_name_and_its_blank_line_are_left_out_and_the_next_line_is_its_caption():
    text = "Đoạn một.\n \n20170714-m6.JPG\n\nCác đại biểu tham dự Hội nghị\n \nĐoạn hai."
    assert _shown(text) == [("text", "Đoạn một.\n \n"), ("caption", "Các đại biểu tham dự Hội nghị\n"),
                            ("text", " \nĐoạn hai.")]


def test_a_caption_written_twice_is_shown_once():
    text = "Mở đầu.\n\nBộ trưởng phát biểu tại Hội nghị\n\nBộ trưởng phát biểu tại Hội nghị\n\nTheo báo cáo."
    assert _shown(text) == [("text", "Mở đầu.\n\n"), ("caption", "Bộ trưởng phát biểu tại Hội nghị\n"),
                            ("text", "\nTheo báo cáo.")]


def test_a_long_line_after_a_photo_is_the_article_going_on():
    paragraph = "Chỉ đạo các cơ quan báo chí " * 10
    assert len(paragraph) > CAPTION_MAX
    assert _shown(f"a.jpg\n\n{paragraph}\n") == [("text", paragraph + "\n")]


def test_an_article_without_photos_is_one_text_part():
    text = "Một.\n\nHai.\n"
    assert article_parts(text) == [(0, len(text), "text")]
    assert article_parts("") == []


def test_the_bundled_article_shows_no_file_names_and_its_three_captions():
    text = (resources_dir() / "briefings" / "mic-2017-h1.article.txt").read_text(encoding="utf-8")
    shown = _shown(text)
    visible = "".join(chunk for _kind, chunk in shown)
    assert ".JPG" not in visible and ".jpg" not in visible
    captions = [chunk.strip() for kind, chunk in shown if kind == "caption"]
    assert captions == ["Bộ trưởng Trương Minh Tuấn phát biểu chỉ đạo tại Hội nghị", "Các đại biểu tham dự Hội nghị",
                        "Thứ trưởng Nguyễn Minh Hồng báo cáo tại Hội nghị"]
    assert visible.count("Bộ trưởng Trương Minh Tuấn phát biểu chỉ đạo tại Hội nghị") == 1
    # everything else is shown as stored
    hidden = [text[p.start:p.stop] for p in article_parts(text) if not p.shown]
    assert all(h.strip() in ("", "20170714-m6.JPG", "20170714-m8.jpg",
                             "Bộ trưởng Trương Minh Tuấn phát biểu chỉ đạo tại Hội nghị") for h in hidden), hidden
