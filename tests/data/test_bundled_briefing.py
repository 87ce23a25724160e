"""The shipped data.db against the source article: every figure, as stated.

The list below was written from the article by hand, independently of the
briefing file: (figure as written, unit, qualifier, percent of plan, change,
percent of same period).
"""

import sqlite3
from pathlib import Path

import pytest

from briefing_app.data.build import build_database, default_sources
from briefing_app.data.snapshot import load_snapshot
from briefing_app.data.store import open_store
from briefing_app.paths import resources_dir
from briefing_fixtures import ROOT

ARTICLE = (ROOT / "resources/briefings/mic-2017-h1.article.txt").read_text(encoding="utf-8")

FIGURES = [
    # legal work
    ("06", "đề án", None, None, None, None),
    ("04", "nghị định", None, None, None, None),
    ("04", "quyết định", None, None, None, None),
    ("17", "Thông tư", None, None, None, None),
    ("70", "%", "gần", None, None, None),
    ("15", "%", None, None, None, None),
    # press
    ("982", "cơ quan", None, None, None, None),
    ("193", "cơ quan", None, None, None, None),
    ("639", "cơ quan", None, None, None, None),
    ("150", "cơ quan", None, None, None, None),
    ("17.297", "nhà báo", None, None, None, None),
    # postal
    ("12.783", "điểm phục vụ", None, None, None, None),
    ("64", "điểm phục vụ", None, None, None, None),
    ("760", "điểm phục vụ", None, None, None, None),
    ("1.973", "điểm phục vụ", None, None, None, None),
    ("8.098", "điểm phục vụ", None, None, None, None),
    ("434", "điểm phục vụ", None, None, None, None),
    ("43", "điểm phục vụ", None, None, None, None),
    ("1.537", "điểm phục vụ", None, None, None, None),
    ("2,93", "km/điểm", None, None, None, None),
    ("7.164", "người/điểm", None, None, None, None),
    # telecom
    ("213.355", "tỷ đồng", "ước đạt", "47,41", None, None),
    ("68,8", "triệu thuê bao", "khoảng", None, None, None),
    ("54,2", "triệu thuê bao", "khoảng", None, None, None),
    ("130", "triệu thuê bao", "hơn", None, None, None),
    ("7,3", "triệu thuê bao", None, None, None, None),
    ("10,11", "triệu thuê bao", "hơn", None, None, None),
    ("24", "triệu SIM", "gần", None, None, None),
    # internet and domain names
    ("72.736.956.416", "truy vấn", None, None, "13", None),
    ("31", "đơn vị", None, None, None, None),
    ("236.773", "tên miền", None, None, None, None),
    ("158.367", "tên miền", None, None, None, None),
    # IT industry
    ("31,34", "tỷ USD", "ước đạt", None, "15", None),
    ("91", "%", "trên", None, None, None),
    ("7,59", "tỷ USD", None, None, "12,36", None),
    # online content
    ("3776", "clip", "hơn", None, None, None),
    ("106", "tài khoản", None, None, None, None),
    ("600", "tài khoản", None, None, None, None),
    # enterprises
    ("10", "%", None, None, None, None),  # "từ 10-20%", a range
    ("2.390", "tỷ đồng", None, "50,4", "15,5", None),
    ("68.000", "tỷ đồng", None, None, None, "106"),
    ("117.714", "tỷ đồng", None, "48,7", None, None),
    ("21.470", "tỷ đồng", None, None, None, None),
    ("19.956", "tỷ đồng", None, "48,7", None, None),
    ("100", "triệu thuê bao", "gần", None, None, None),
    ("61", "triệu thuê bao", "hơn", None, None, None),
    ("31", "triệu thuê bao", "hơn", None, None, None),
    (None, None, None, "44", None, None),   # VTC revenue
    (None, None, None, "51", None, None),   # VTC profit
    ("21.300", "tỷ đồng", None, "43", "18,7", None),
    ("2.600", "tỷ đồng", None, "46", None, None),
    ("2.700", "tỷ đồng", None, None, None, None),
    ("7.485", "tỷ đồng", None, "45", None, "101"),
    (None, None, None, None, "34", None),   # VietnamPost profit, half-year
    (None, None, None, None, "38", None),   # VietnamPost profit, whole year
]


@pytest.fixture(scope="module")
def snapshot(bundled_db):
    with open_store(bundled_db) as store:
        briefings = store.briefings()
        assert [b.id for b in briefings] == [  # newest period first
            "mic-2019-h1", "mic-2018-h1", "mic-2017-fy", "mic-2017-h1", "mic-2016-fy"]
        yield load_snapshot(store, "mic-2017-h1")


def logical_dump(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        lines = list(conn.iterdump())
        lines.append(f"application_id={conn.execute('PRAGMA application_id').fetchone()[0]}")
        lines.append(f"user_version={conn.execute('PRAGMA user_version').fetchone()[0]}")
        return lines
    finally:
        conn.close()


def test_committed_database_equals_a_fresh_build(tmp_path, bundled_db):
    fresh = tmp_path / "fresh.db"
    build_database(default_sources(resources_dir()), fresh)
    assert logical_dump(fresh) == logical_dump(bundled_db), "data.db drifted: run `briefing-app build-db`"


@pytest.mark.parametrize("figure", FIGURES, ids=lambda f: "/".join(str(x) for x in f if x))
def test_every_figure_is_stored_as_stated(snapshot, figure):
    value, unit, qualifier, plan, change, same = figure
    matches = [i for i in snapshot.indicators
               if i.value_text == value and i.unit_vi == unit and i.qualifier == qualifier
               and _text(i, "plan_pct") == plan and _text(i, "change_pct") == change
               and _text(i, "same_period_pct") == same]
    assert matches, f"no indicator states {figure}"
    for indicator in matches:
        assert indicator.source_text in ARTICLE
        assert ARTICLE[indicator.source_offset:].startswith(indicator.source_text)
        if value:
            assert value in indicator.source_text
        if qualifier:
            assert f"{qualifier} {value}" in indicator.source_text.replace("\u00a0", " ")


def _text(indicator, name):
    value = getattr(indicator, name)
    if value is None:
        return None
    from briefing_app.data.numbers import format_number
    return format_number(value, "vi")


def test_no_indicator_is_unaccounted_for(snapshot):
    # Every stored figure is one the list above names (no invented numbers).
    assert len(snapshot.indicators) == len(FIGURES)


def test_the_range_claim_keeps_both_ends(snapshot):
    claim = next(i for i in snapshot.indicators if i.value_max is not None)
    assert (str(claim.value), str(claim.value_max)) == ("10", "20")
    assert "từ 10-20%" in claim.source_text


def test_sixteen_directives_in_order(snapshot):
    assert [d.number for d in snapshot.directives] == list(range(1, 17))
    for directive in snapshot.directives:
        assert directive.source_text.startswith(f"{directive.number}. ")
        assert directive.source_text in ARTICLE
    assert snapshot.directives[6].source_text.startswith(
        "7. Xây dựng các chính sách nhằm quản lý thị trường viễn thông")
    assert snapshot.directives[15].source_text.endswith("hoàn thành tốt nhiệm vụ được giao./.")


def test_achievements_and_limitations_come_from_the_article(snapshot):
    assert len(snapshot.achievements) >= 20 and len(snapshot.limitations) >= 15
    for item in snapshot.achievements + snapshot.limitations:
        assert item.source_text in ARTICLE and item.title_vi and item.title_en
    limitation_texts = " ".join(i.source_text for i in snapshot.limitations)
    for phrase in ("thương mại hóa", "Vi phạm bản quyền truyền hình", "in lậu sách", "SIM kích hoạt sẵn",
                   "nhiễm mã độc", "Nguồn nhân lực an toàn thông tin"):
        assert phrase in limitation_texts


def test_the_meeting_facts(snapshot):
    b = snapshot.briefing
    assert (b.meeting_date, b.meeting_place_vi, b.connected_sites) == ("2017-07-14", "Hà Nội", 67)
    assert "Trương Minh Tuấn" in b.chaired_by
    assert b.source_authors == ("Xuân Lộc", "Thu Hương")
    assert b.source_published_at == "2017-07-14T13:06"
    assert "banner" not in b.article_text and b.article_text.rstrip().endswith("Xuân Lộc - Thu Hương")


def test_discrepancies_are_recorded_not_fixed(snapshot):
    by_total = {snapshot.indicator(c.indicator_id).value_text: c for c in snapshot.discrepancies()
                if c.kind == "sum_of_parts"}
    assert by_total["982"].expected == "832 cơ quan"
    assert by_total["12.783"].expected == "12.909 điểm phục vụ"
    assert by_total["100"].stated == "gần 100 triệu thuê bao"
    stated = [c for c in snapshot.discrepancies() if c.kind == "stated"]
    assert len(stated) >= 2
    # The phone subscribers add up (68,8 + 54,2 + 7,3 = 130,3 > "hơn 130"): checked, not flagged.
    total_phones = next(i for i in snapshot.indicators if i.value_text == "130")
    assert [c.status for c in snapshot.checks_for("indicators", total_phones.id)] == ["ok"]


def test_derived_values_are_marked_with_formula(snapshot):
    revenue = next(i for i in snapshot.indicators if i.value_text == "213.355")
    [plan] = snapshot.derived_for(revenue.id)
    assert plan.kind == "annual_plan" and "(suy ra)" in plan.label_vi and "(derived)" in plan.label_en
    assert plan.formula == "213355 ÷ 47.41 % = 450,021.09"
    dns = next(i for i in snapshot.indicators if i.value_text == "72.736.956.416")
    [previous] = snapshot.derived_for(dns.id)
    assert previous.kind == "previous_value" and previous.formula.startswith("72736956416 ÷ (100 % + 13 %)")


def test_related_items_connect_limitations_to_directives(snapshot):
    sim = next(i for i in snapshot.limitations if "SIM kích hoạt sẵn" in i.source_text)
    related = snapshot.related("limitations", sim.id)
    assert any(rel == "addressed_by" and getattr(e, "number", None) == 7 for rel, e in related)


#: The 2017 review's figures and the measures they count (resources/measures.yaml): (figure as written, unit, measure).
MEASURED = [
    ("213.355", "tỷ đồng", "telecom.revenue.generated"),
    ("130", "triệu thuê bao", "telecom.subscribers.phone_total"),
    ("7,3", "triệu thuê bao", "telecom.subscribers.fixed"),
    ("10,11", "triệu thuê bao", "telecom.subscribers.fixed_broadband"),
    ("68,8", "triệu thuê bao", "telecom.subscribers.2g"),
    ("54,2", "triệu thuê bao", "telecom.subscribers.3g"),
    ("06", "đề án", "legal.schemes_submitted"),
    ("982", "cơ quan", "press.agencies.print"),  # the total of print newspapers and magazines
    ("193", "cơ quan", "press.agencies.print_newspapers"),
    ("639", "cơ quan", "press.agencies.print_magazines"),
    ("17.297", "nhà báo", "press.journalists_card"),
    ("12.783", "điểm phục vụ", "postal.service_points"),
    ("72.736.956.416", "truy vấn", "internet.dns_queries"),
    ("31,34", "tỷ USD", "it.industry.revenue_usd"),  # in USD: never converted into it.industry.revenue (đồng)
]


@pytest.mark.parametrize(("value", "unit", "measure"), MEASURED, ids=lambda x: x)
def test_the_reviews_figures_name_their_measures(snapshot, value, unit, measure):
    [indicator] = [i for i in snapshot.indicators if i.value_text == value and i.unit_vi == unit]
    assert indicator.measure == measure


def test_figures_of_enterprises_name_no_sector_measure(snapshot):
    # Viettel's or VNPT's own results are not the sector's: they must never join a sector series.
    assert {i.measure for i in snapshot.indicators if i.enterprise_id is not None} == {None}
