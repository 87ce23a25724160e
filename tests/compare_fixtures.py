"""Small briefings for comparing two of them, written in code: figures with ``measure:`` lines and periods of
different lengths, directives and limitations by sector (tests/data/test_compare.py, tests/report)."""

from __future__ import annotations

from pathlib import Path

from briefing_app.data.build import build_database
from briefing_app.data.compare import compare_briefings
from briefing_app.data.store import open_store
from briefing_fixtures import measured_briefing as briefing

H1_2017 = ("6 tháng đầu năm 2017", "2017-01-01", "2017-06-30")
H1_2018 = ("6 tháng đầu năm 2018", "2018-01-01", "2018-06-30")
H1_2019 = ("6 tháng đầu năm 2019", "2019-01-01", "2019-06-30")
FY_2017 = ("năm 2017", "2017-01-01", "2017-12-31")


GENERATED_2017 = dict(key="revenue", label="Doanh thu viễn thông phát sinh", measure="telecom.revenue.generated",
                      value="213.355", unit="tỷ đồng", qualifier="ước đạt",
                      sentence="Doanh thu viễn thông phát sinh ước đạt 213.355 tỷ đồng.")
SERVICES_2018 = dict(key="revenue", label="Doanh thu dịch vụ viễn thông", measure="telecom.revenue.services",
                     value="181.948", unit="tỷ đồng", qualifier="ước tính", change_pct="4,83",
                     compared_with="cùng kỳ năm 2017",
                     sentence="Doanh thu dịch vụ viễn thông ước tính 181.948 tỷ đồng, tăng 4,83% so với cùng kỳ "
                              "năm 2017.")


def mobile(value: str, as_of: str, qualifier: str | None = None, **more: str) -> dict:
    said = f"{qualifier} {value}" if qualifier else value
    return dict(key="mobile", label="Thuê bao di động", measure="telecom.subscribers.mobile", value=value,
                unit="triệu thuê bao", qualifier=qualifier, as_of=as_of,
                sentence=f"Cả nước có {said} triệu thuê bao di động{more.pop('tail', '')}.", **more)


def services(value: str, **more: str) -> dict:
    tail = f", tăng {more['change_pct']}% so với {more['compared_with']}" if "change_pct" in more else ""
    return dict(key="services", label="Doanh thu dịch vụ viễn thông", measure="telecom.revenue.services",
                value=value, unit="tỷ đồng", sentence=f"Doanh thu dịch vụ viễn thông đạt {value} tỷ đồng{tail}.",
                **more)


def database(tmp_path: Path, *briefings: Path) -> Path:
    target = tmp_path / "compare.db"
    build_database(list(briefings), target)
    return target


def compared(db: Path, a: str, b: str):
    with open_store(db) as store:
        return compare_briefings(store, a, b)


def row_of(comparison, measure: str | None):
    return next(r for r in comparison.rows if (r.measure.id if r.measure else None) == measure)


DIRECTIVES_2017 = [("telecom", "Hạn chế tin nhắn rác và SIM rác"), ("telecom", "Đẩy mạnh phát triển dịch vụ 4G"),
                   ("postal", "Rà soát mạng lưới bưu chính công cộng")]
DIRECTIVES_2018 = [("telecom", "Tiếp tục hạn chế SIM rác, tin nhắn rác"), ("postal", "Phát triển dịch vụ 4G"),
                   ("postal", "Xây dựng Luật Bưu chính sửa đổi")]


def issue_database(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    return database(tmp_path,
                    briefing(src, "h1-2017", H1_2017, [GENERATED_2017, mobile("120", "2017-06-30")], DIRECTIVES_2017),
                    briefing(src, "h1-2018", H1_2018, [SERVICES_2018, mobile("123,91", "2018-06-30")],
                             DIRECTIVES_2018))


