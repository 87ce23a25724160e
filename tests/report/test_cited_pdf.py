"""The printed pack of a briefing cited by reference lists its cited articles where the sentences would be."""

from briefing_app.cli import main


def test_the_sources_appendix_lists_the_citations(qapp, tmp_path, capsys, read_pdf):
    target = tmp_path / "cited.pdf"
    assert main(["print", "-o", str(target), "--briefing", "mic-2019-h1", "--lang", "en"]) == 0
    text = " ".join(" ".join(doc_text.split()) for doc_text in read_pdf(target).texts)
    assert ("Source: Việt Nam có 51,1 triệu thuê bao di động băng rộng trong năm 2019 — VietnamPlus (Vietnam News "
            "Agency), date not stated, https://vietnamplus.vn/viet-nam-co-511-trieu-thue-bao-di-dong-bang-rong-trong-"
            "nam-2019/580597.vnp") in text.replace("- ", "-")
    assert "Source: 6 tháng đầu năm ngành CNTT Việt Nam đạt trên 43 tỷ USD — ICTVietnam magazine, 15 Jul 2019" in text
    assert "Mobile subscribers" in text
    assert "The source sentence is not held in the app; see the article at the address above." in text
    assert "This briefing cites its articles by address; their text is not held in the app." in text


def test_the_vietnamese_pack_says_the_sentence_is_not_held(qapp, tmp_path, capsys, read_pdf):
    target = tmp_path / "cited-vi.pdf"
    assert main(["print", "-o", str(target), "--briefing", "mic-2019-h1", "--sections", "sources"]) == 0
    text = " ".join(" ".join(t.split()) for t in read_pdf(target).texts)
    assert "Nguồn: Bộ TT&TT sơ kết công tác 6 tháng đầu năm và phương hướng nhiệm vụ 6 tháng cuối năm 2019" in text
    assert "Sở Thông tin và Truyền thông tỉnh Hà Nam, không ghi ngày" in text
    assert "Câu gốc không được lưu trong ứng dụng; xem bài viết tại địa chỉ trên." in text
