"""Make a large briefing database for benchmarks, through the real build path.

    python benchmarks/make_scale_db.py -o /tmp/scale.db [--briefings 200 --indicators 100000 --items 100000]

Writes briefing YAML files and their article text files into a temporary
folder — Vietnamese sentences with tone marks and ``đ``, numbers in Vietnamese
notation (``213.355``, ``2,93``) — and builds the database with
:func:`briefing_app.data.build.build_database`, so the search index is the one
the application builds. ``--indicators`` and ``--items`` are totals over all
briefings; every size can be made tiny for a smoke test. The output is the same
for the same ``--seed``.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from briefing_app.data.build import build_database  # noqa: E402

SECTORS = [
    ("telecom", "Viễn thông", "Telecommunications"),
    ("postal", "Bưu chính", "Postal services"),
    ("press", "Báo chí", "Press"),
    ("publishing", "Xuất bản, in và phát hành", "Publishing"),
    ("it", "Công nghệ thông tin", "Information technology"),
    ("security", "An toàn thông tin", "Information security"),
    ("broadcast", "Phát thanh, truyền hình", "Broadcasting"),
    ("egov", "Chính phủ điện tử", "E-government"),
]

# (label, English label, unit vi, unit en, sector, magnitude) — the figures a ministry reports.
FIGURES = [
    ("Doanh thu dịch vụ viễn thông", "Telecom service revenue", "tỷ đồng", "billion VND", "telecom", 6),
    ("Tổng số thuê bao điện thoại", "Telephone subscribers", "triệu thuê bao", "million subscribers", "telecom", 3),
    ("Thuê bao di động 4G", "4G mobile subscribers", "triệu thuê bao", "million subscribers", "telecom", 2),
    ("Thuê bao băng rộng cố định", "Fixed broadband subscribers", "nghìn thuê bao", "thousand subscribers",
     "telecom", 4),
    ("Số trạm phát sóng BTS", "BTS base stations", "trạm", "stations", "telecom", 5),
    ("SIM rác đã bị xử lý", "Junk SIMs processed", "triệu SIM", "million SIMs", "telecom", 2),
    ("Tin nhắn rác bị chặn", "Spam messages blocked", "triệu tin nhắn", "million messages", "telecom", 3),
    ("Doanh thu bưu chính", "Postal revenue", "tỷ đồng", "billion VND", "postal", 5),
    ("Sản lượng bưu gửi", "Postal items", "triệu bưu gửi", "million items", "postal", 3),
    ("Điểm phục vụ bưu chính", "Postal service points", "điểm", "points", "postal", 5),
    ("Bán kính phục vụ bình quân", "Average service radius", "km/điểm", "km per point", "postal", 1),
    ("Số cơ quan báo chí", "Press agencies", "cơ quan", "agencies", "press", 3),
    ("Thẻ nhà báo được cấp", "Press cards issued", "thẻ", "cards", "press", 4),
    ("Xuất bản phẩm được xuất bản", "Publications issued", "xuất bản phẩm", "publications", "publishing", 5),
    ("Doanh thu công nghiệp phần cứng, điện tử", "Hardware and electronics revenue", "tỷ USD", "billion USD", "it", 2),
    ("Doanh thu phần mềm", "Software revenue", "tỷ đồng", "billion VND", "it", 5),
    ("Doanh nghiệp công nghệ thông tin", "IT enterprises", "doanh nghiệp", "enterprises", "it", 5),
    ("Sự cố tấn công mạng được xử lý", "Cyber attacks handled", "sự cố", "incidents", "security", 4),
    ("Trang web bị tấn công thay đổi giao diện", "Websites defaced", "trang", "sites", "security", 3),
    ("Hộ nghèo được hỗ trợ đầu thu truyền hình số", "Poor households given DTT receivers", "hộ", "households",
     "broadcast", 6),
    ("Kênh truyền hình trả tiền", "Pay TV channels", "kênh", "channels", "broadcast", 3),
    ("Dịch vụ công trực tuyến mức độ 3, 4", "Level 3–4 online public services", "dịch vụ", "services", "egov", 4),
    ("Hồ sơ được xử lý trực tuyến", "Files processed online", "hồ sơ", "files", "egov", 6),
    ("Tổng truy vấn tên miền quốc gia .vn", "Queries to the .vn name servers", "truy vấn", "queries", "it", 11),
]

#: The measure each figure counts (resources/measures.yaml), so a series over the scale database has
#: thousands of points to gather and convert ("nghìn thuê bao" into the measure's "triệu thuê bao").
MEASURES = {
    "Doanh thu dịch vụ viễn thông": "telecom.revenue.services",
    "Tổng số thuê bao điện thoại": "telecom.subscribers.phone_total",
    "Thuê bao di động 4G": "telecom.subscribers.mobile_broadband",
    "Thuê bao băng rộng cố định": "telecom.subscribers.fixed_broadband",
    "Doanh thu bưu chính": "postal.revenue",
    "Điểm phục vụ bưu chính": "postal.service_points",
    "Bán kính phục vụ bình quân": "postal.service_radius",
    "Số cơ quan báo chí": "press.agencies.print",
    "Thẻ nhà báo được cấp": "press.journalists_card_issued_period",
    "Doanh nghiệp công nghệ thông tin": "it.enterprises",
    "Tổng truy vấn tên miền quốc gia .vn": "internet.dns_queries",
}

PLACES = [
    "Hà Nội", "Thành phố Hồ Chí Minh", "Đà Nẵng", "Hải Phòng", "Cần Thơ", "Đồng Nai", "Bình Dương",
    "Quảng Ninh", "Thừa Thiên Huế", "Nghệ An", "Thanh Hóa", "Đắk Lắk", "Lâm Đồng", "Điện Biên",
    "Hà Giang", "Lào Cai", "Khánh Hòa", "Bà Rịa - Vũng Tàu", "Đồng Tháp", "Kiên Giang", "Bắc Ninh",
    "Hưng Yên", "Quảng Nam", "Bình Định", "Gia Lai", "Sơn La", "Cà Mau", "Long An", "Tiền Giang",
]
PERIODS = [
    ("6 tháng đầu năm", "first half"), ("quý I", "Q1"), ("quý II", "Q2"), ("quý III", "Q3"),
    ("9 tháng", "nine months"), ("cả năm", "full year"), ("tháng 6", "June"), ("tháng 12", "December"),
]
QUALIFIED = [("ước đạt", "ước đạt"), ("hơn", "hơn"), ("gần", "gần"), ("khoảng", "khoảng"), ("đạt", None)]
COMPARE = [
    "tăng {pct}% so với cùng kỳ năm trước",
    "bằng {pct}% so với kế hoạch năm",
    "giảm {pct}% so với cùng kỳ",
    "đạt {pct}% kế hoạch được giao",
    "tăng mạnh so với năm {year}",
]
ACTIONS = [
    ("Đẩy mạnh", "Stepped up"), ("Triển khai", "Rolled out"), ("Hoàn thành", "Completed"),
    ("Tăng cường", "Strengthened"), ("Chỉ đạo", "Directed"), ("Tổ chức", "Organised"),
    ("Xây dựng", "Drafted"), ("Rà soát", "Reviewed"), ("Kiểm tra, xử lý", "Inspected and sanctioned"),
    ("Hỗ trợ", "Supported"), ("Phối hợp", "Coordinated"), ("Ban hành", "Issued"),
]
OBJECTS = [
    ("việc chuyển đổi mã vùng điện thoại cố định", "the fixed-line area-code change"),
    ("quản lý thuê bao di động trả trước", "management of prepaid mobile subscribers"),
    ("ngăn chặn tin nhắn rác, cuộc gọi rác", "blocking of spam messages and calls"),
    ("phát triển mạng 4G trên phạm vi toàn quốc", "nationwide 4G roll-out"),
    ("quy hoạch phát triển và quản lý báo chí toàn quốc", "the national press plan"),
    ("đảm bảo an toàn thông tin mạng cho các hệ thống quan trọng", "information security of critical systems"),
    ("số hóa truyền hình mặt đất", "digital terrestrial television switch-over"),
    ("cung cấp dịch vụ công trực tuyến mức độ 3, 4", "level 3–4 online public services"),
    ("chuyển mạng giữ nguyên số thuê bao", "mobile number portability"),
    ("thu hồi SIM kích hoạt sẵn", "recovery of pre-activated SIMs"),
    ("phát triển doanh nghiệp công nghệ số", "digital technology enterprises"),
    ("đào tạo nguồn nhân lực công nghệ thông tin", "IT workforce training"),
    ("xây dựng Chính phủ điện tử", "e-government"),
    ("hạ tầng bưu chính phục vụ thương mại điện tử", "postal infrastructure for e-commerce"),
    ("thông tin tuyên truyền về biển, đảo", "information on the seas and islands"),
    ("phòng chống thông tin sai sự thật trên mạng xã hội", "countering false information on social networks"),
    ("cấp phép kênh truyền hình trả tiền", "pay-TV licensing"),
    ("cải cách thủ tục hành chính", "administrative reform"),
]
WEAKNESSES = [
    ("Tình trạng SIM rác, SIM kích hoạt sẵn vẫn còn tồn tại", "Junk and pre-activated SIMs remain"),
    ("Một số cơ quan báo chí vi phạm quy định về tôn chỉ, mục đích", "Some press agencies breached their charters"),
    ("Tiến độ triển khai dịch vụ công trực tuyến còn chậm", "Online public services lag"),
    ("Nguồn nhân lực an toàn thông tin còn thiếu", "Shortage of security staff"),
    ("Chất lượng dịch vụ bưu chính công ích chưa đồng đều", "Uneven public postal service quality"),
    ("Việc xử lý tin nhắn rác, cuộc gọi rác chưa triệt để", "Spam handling is incomplete"),
    ("Hạ tầng viễn thông ở vùng sâu, vùng xa còn hạn chế", "Weak telecom infrastructure in remote areas"),
    ("Công tác đảm bảo an toàn thông tin ở nhiều địa phương chưa được quan tâm đúng mức", "Local security neglected"),
]
CAUSES = [
    "do nguồn lực đầu tư còn hạn chế", "do sự phối hợp giữa các đơn vị chưa chặt chẽ",
    "do nhận thức của một số đơn vị chưa đầy đủ", "do cơ chế, chính sách chưa theo kịp thực tiễn",
    "do địa bàn rộng, điều kiện đi lại khó khăn",
]
ENTERPRISES = [
    ("vnpt", "Tập đoàn Bưu chính Viễn thông Việt Nam", "VNPT Group", "VNPT"),
    ("viettel", "Tập đoàn Công nghiệp - Viễn thông Quân đội", "Viettel Group", "Viettel"),
    ("mobifone", "Tổng công ty Viễn thông MobiFone", "MobiFone Corporation", "MobiFone"),
    ("vnpost", "Tổng công ty Bưu điện Việt Nam", "Vietnam Post", "VNPost"),
    ("vtc", "Tổng công ty Truyền thông đa phương tiện", "VTC Multimedia", "VTC"),
]


def vn_number(rng: random.Random, digits: int) -> str:
    """A number as the source writes it: 213.355, 72.736.956.416, 2,93."""
    if digits <= 1:
        return f"{rng.randint(1, 9)},{rng.randint(10, 99)}"
    value = rng.randint(10 ** (digits - 1), 10 ** digits - 1)
    text = f"{value:,}".replace(",", ".")
    if digits <= 3 and rng.random() < 0.5:
        text += f",{rng.randint(1, 9)}"
    return text


def make_briefing(index: int, n_indicators: int, n_items: int, rng: random.Random) -> tuple[dict, str]:
    """One briefing document (as a YAML-ready dict) and its article text."""
    year = 2010 + index % 12
    bid = f"scale-{index:04d}"
    period_vi, period_en = rng.choice(PERIODS)
    paragraphs: list[list[str]] = []
    current: list[str] = []

    def add(sentence: str) -> None:
        nonlocal current
        current.append(sentence)
        if len(current) >= rng.randint(3, 6):
            paragraphs.append(current)
            current = []

    meeting_source = (f"Hội nghị sơ kết công tác {period_vi} năm {year} được tổ chức trực tuyến "
                      f"tại {rng.randint(20, 70)} điểm cầu trên cả nước.")
    sites = meeting_source.split(" tại ")[1].split()[0]
    paragraphs.append([meeting_source])

    indicators = []
    for i in range(n_indicators):
        label, label_en, unit, unit_en, sector, magnitude = FIGURES[i % len(FIGURES)]
        place = rng.choice(PLACES)
        value = vn_number(rng, magnitude)
        qualifier, q = rng.choice(QUALIFIED)
        pct = f"{rng.randint(3, 140)},{rng.randint(1, 99)}"
        compare = rng.choice(COMPARE).format(pct=pct, year=year - 1)
        sentence = (f"{label} tại {place} {period_vi} năm {year} {qualifier} {value} {unit}, {compare} "
                    f"(mục {index}.{i}).")
        add(sentence)
        row = {"key": f"i{i}", "sector": sector,
               "label": {"vi": f"{label} tại {place}", "en": f"{label_en}, {place}"},
               "value": value, "unit": {"vi": unit, "en": unit_en}, "as_of": str(year), "source": sentence}
        if q:
            row["qualifier"] = q
        if label in MEASURES:
            row["measure"] = MEASURES[label]
        indicators.append(row)

    sections = {"achievements": [], "limitations": [], "directives": []}
    n_directives = max(1, n_items // 5) if n_items >= 3 else 0
    n_limitations = (n_items - n_directives) * 2 // 5
    n_achievements = n_items - n_directives - n_limitations
    for i in range(n_achievements):
        (action, action_en), (obj, obj_en) = rng.choice(ACTIONS), rng.choice(OBJECTS)
        place = rng.choice(PLACES)
        sector = rng.choice(SECTORS)[0]
        sentence = (f"{action} {obj} tại {place}, {rng.choice(['góp phần', 'qua đó', 'nhờ đó'])} "
                    f"nâng cao hiệu quả quản lý nhà nước về {rng.choice(SECTORS)[1].lower()} "
                    f"(kết quả {index}.{i}).")
        add(sentence)
        sections["achievements"].append({"key": f"a{i}", "sector": sector,
                                          "title": {"vi": f"{action} {obj} tại {place}",
                                                    "en": f"{action_en} {obj_en} in {place}"},
                                          "source": sentence})
    for i in range(n_limitations):
        weakness, weakness_en = rng.choice(WEAKNESSES)
        place = rng.choice(PLACES)
        sentence = f"{weakness} tại {place}, {rng.choice(CAUSES)} (hạn chế {index}.{i})."
        add(sentence)
        sections["limitations"].append({"key": f"l{i}", "sector": rng.choice(SECTORS)[0],
                                        "title": {"vi": f"{weakness} tại {place}", "en": f"{weakness_en} ({place})"},
                                        "source": sentence})
    if current:
        paragraphs.append(current)
    directive_paragraphs = []
    for i in range(n_directives):
        (action, action_en), (obj, obj_en) = rng.choice(ACTIONS), rng.choice(OBJECTS)
        text = (f"{i + 1}. {action} {obj}; đồng thời {rng.choice(ACTIONS)[0].lower()} "
                f"{rng.choice(OBJECTS)[0]} tại {rng.choice(PLACES)} trong {period_vi.lower()} năm {year + 1}.")
        directive_paragraphs.append(text)
        sections["directives"].append({"number": i + 1, "key": f"d{i}", "sector": rng.choice(SECTORS)[0],
                                       "title": {"vi": f"{action} {obj}", "en": f"{action_en} {obj_en}"},
                                       "source": text})
    title = f"Báo cáo sơ kết công tác {period_vi} năm {year} (số {index})"
    article = "\n".join([title, ""] + [" ".join(p) for p in paragraphs] + directive_paragraphs) + "\n"
    document = {
        "format": "briefing/1",
        "briefing": {
            "id": bid,
            "organisation": {"vi": "Bộ Thông tin và Truyền thông", "en": "Ministry of Information and Communications"},
            "title": {"vi": f"Hội nghị sơ kết công tác {period_vi} năm {year}",
                      "en": f"Review of the {period_en} of {year}"},
            "period": {"vi": f"{period_vi} năm {year}", "en": f"{period_en} {year}",
                       "start": f"{year}-01-01", "end": f"{year}-12-31"},
            "meeting": {"date": f"{year}-07-14", "place": {"vi": "Hà Nội", "en": "Hanoi"},
                        "connected_sites": sites, "source": meeting_source},
            "source": {"title": title, "published_at": f"{year}-07-14T13:06", "authors": ["Xuân Lộc"],
                       "article": f"{bid}.article.txt"},
        },
        "sectors": [{"id": key, "vi": vi, "en": en} for key, vi, en in SECTORS],
        "enterprises": [{"id": key, "name": {"vi": vi, "en": en}, "short": short}
                        for key, vi, en, short in ENTERPRISES],
        "indicators": indicators,
        **sections,
    }
    return document, article


def split(total: int, parts: int) -> list[int]:
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


def write_sources(folder: Path, briefings: int, indicators: int, items: int, seed: int) -> list[Path]:
    """Write the briefing YAML files and their articles into ``folder``; return the YAML paths."""
    rng = random.Random(seed)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    paths = []
    for index, (n_ind, n_items) in enumerate(zip(split(indicators, briefings), split(items, briefings))):
        document, article = make_briefing(index, n_ind, n_items, rng)
        bid = document["briefing"]["id"]
        (folder / f"{bid}.article.txt").write_text(article, encoding="utf-8")
        path = folder / f"{bid}.yaml"
        path.write_text(yaml.dump(document, Dumper=dumper, allow_unicode=True, sort_keys=False, width=1000),
                        encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-o", "--output", type=Path, required=True, help="database to write")
    parser.add_argument("--briefings", type=int, default=200)
    parser.add_argument("--indicators", type=int, default=100_000, help="indicators over all briefings")
    parser.add_argument("--items", type=int, default=100_000,
                        help="achievements, limitations and directives over all briefings")
    parser.add_argument("--seed", type=int, default=2017)
    args = parser.parse_args(argv)
    if args.briefings < 1 or args.indicators < 0 or args.items < 0:
        parser.error("--briefings must be at least 1; --indicators and --items at least 0")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="briefing-scale-") as tmp:
        sources = write_sources(Path(tmp), args.briefings, args.indicators, args.items, args.seed)
        written = time.perf_counter()
        result = build_database(sources, args.output)
    counts = ", ".join(f"{n} {name}" for name, n in result.counts.items())
    print(f"Built {result.path} from {result.briefings} briefing file(s): {counts} "
          f"(files {written - started:.1f} s, build {time.perf_counter() - written:.1f} s).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
