"""The sectors of a ministry of information and communications review, and a guess of an item's sector.

The guess counts keywords (compared without tone marks) in the item's sentence; it is only a guess
and the draft says so (``# guess:``), naming the keyword it went by.
"""

from __future__ import annotations

import re

from ..folding import fold

__all__ = ["SECTORS", "guess_sector"]

#: (id, vi, en), in display order: the same ids as the curated briefings, so drafts line up with them.
SECTORS = (
    ("general", "Chỉ đạo, điều hành chung", "General direction and administration"),
    ("legal", "Xây dựng thể chế, chính sách", "Legislation and policy-making"),
    ("press", "Báo chí", "Press"),
    ("publishing", "Xuất bản", "Publishing"),
    ("postal", "Bưu chính", "Postal services"),
    ("telecom", "Viễn thông", "Telecommunications"),
    ("frequency", "Tần số vô tuyến điện, truyền hình số", "Radio frequencies and digital television"),
    ("internet", "Internet và tên miền", "Internet and domain names"),
    ("it_industry", "Công nghiệp công nghệ thông tin", "IT industry"),
    ("it_application", "Ứng dụng công nghệ thông tin, Chính phủ điện tử", "IT application and e-government"),
    ("information_security", "An toàn thông tin", "Information security"),
    ("online_content", "Thông tin điện tử, mạng xã hội", "Online information and social networks"),
    ("enterprises", "Doanh nghiệp", "Enterprises"),
    ("planning_finance", "Kế hoạch, tài chính, đầu tư", "Planning, finance and investment"),
    ("organisation", "Tổ chức cán bộ", "Organisation and personnel"),
    ("inspection", "Thanh tra", "Inspection"),
    ("international", "Hợp tác quốc tế", "International cooperation"),
    ("local_management", "Quản lý nhà nước tại địa phương", "State management in the provinces"),
)

#: Keywords by sector, as written (folded before matching); a longer keyword weighs more.
_KEYWORDS = {
    "legal": ["văn bản quy phạm pháp luật", "VBQPPL", "dự án luật", "sửa đổi", "thông tư", "nghị định", "đề án",
              "cơ chế, chính sách", "luật", "quyết định"],
    "press": ["báo chí", "nhà báo", "báo in", "tạp chí", "báo điện tử", "thẻ nhà báo", "tuyên truyền", "phát thanh"],
    "publishing": ["xuất bản", "nhà xuất bản", "sách", "in lậu", "phát hành"],
    "postal": ["bưu chính", "bưu cục", "bưu điện", "chuyển phát", "thùng thư", "bưu phẩm", "kiốt"],
    "telecom": ["viễn thông", "thuê bao", "di động", "sim", "tin nhắn rác", "2G", "3G", "4G", "5G", "BTS",
                "cáp quang", "băng rộng", "mã vùng", "roaming", "nhà mạng", "điện thoại"],
    "frequency": ["tần số", "truyền hình số", "số hóa truyền dẫn", "đầu thu", "vô tuyến điện"],
    "internet": ["tên miền", "DNS", "IPv6", "internet", "VNNIC"],
    "it_industry": ["công nghiệp công nghệ thông tin", "công nghiệp CNTT", "phần cứng", "phần mềm", "điện tử",
                    "linh kiện", "kim ngạch"],
    "it_application": ["ứng dụng CNTT", "chính phủ điện tử", "dịch vụ công trực tuyến", "thành phố thông minh",
                       "cải cách hành chính", "dịch vụ CNTT"],
    "information_security": ["an toàn thông tin", "mã độc", "tấn công mạng", "an ninh mạng", "lỗ hổng",
                             "tin tặc", "ứng cứu"],
    "online_content": ["mạng xã hội", "trang thông tin điện tử", "facebook", "google", "youtube", "clip",
                       "tài khoản", "thông tin xấu độc", "xuyên biên giới"],
    "enterprises": ["doanh nghiệp nhà nước", "tập đoàn", "tổng công ty", "lợi nhuận", "cổ phần hóa"],
    "planning_finance": ["ngân sách", "đầu tư công", "vốn đầu tư", "dự toán", "kế hoạch vốn"],
    "organisation": ["tổ chức bộ máy", "cơ cấu tổ chức", "nguồn nhân lực quản lý", "cán bộ, công chức"],
    "inspection": ["thanh tra", "kiểm tra", "xử phạt", "xử lý vi phạm"],
    "international": ["hợp tác quốc tế", "song phương", "đa phương", "APEC", "UPU", "đối ngoại"],
    "local_management": ["Sở TT&TT", "địa phương gửi báo cáo", "tại địa phương"],
}
_PATTERNS = [(sector, word, re.compile(rf"(?<!\w){re.escape(fold(word))}(?!\w)"))
             for sector, words in _KEYWORDS.items() for word in words]


def guess_sector(*texts: str) -> tuple[str, str]:
    """The likeliest sector of ``texts`` (the first that has keywords wins) and the keyword it went by;
    ``("general", "")`` when no keyword is found."""
    for text in texts:
        folded = fold(text)
        scores: dict[str, float] = {}
        best_word: dict[str, tuple[float, str]] = {}
        for sector, word, pattern in _PATTERNS:
            hits = len(pattern.findall(folded))
            if hits:
                weight = hits * (1 + len(word) / 10)
                scores[sector] = scores.get(sector, 0) + weight
                if weight > best_word.get(sector, (0, ""))[0]:
                    best_word[sector] = (weight, word)
        if scores:
            sector = max(scores, key=lambda s: scores[s])
            return sector, best_word[sector][1]
    return "general", ""
