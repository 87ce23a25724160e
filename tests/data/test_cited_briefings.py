"""Briefings cited by reference: the file names its articles; figures say which one they come from.

The articles' text is not held: no article file, no ``source`` sentences, an empty ``article_text``.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest

from briefing_app import cli
from briefing_app.data.briefing_file import BriefingFileError, load_briefing_file
from briefing_app.data.build import build_database
from briefing_app.data.export import export_csv, export_json
from briefing_app.data.importer import import_briefing
from briefing_app.data.records import CitedSource
from briefing_app.data.schema import SCHEMA_VERSION
from briefing_app.data.search import search
from briefing_app.data.snapshot import load_snapshot
from briefing_app.data.store import open_store
from briefing_fixtures import CITED_YAML, SMALL_YAML, write_briefing


def _cited_file(tmp_path, yaml_text=CITED_YAML):
    path = tmp_path / "cited.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    return path


def _problems(path) -> list[str]:
    with pytest.raises(BriefingFileError) as caught:
        load_briefing_file(path)
    return [f"{p.field}: {p.message}" for p in caught.value.problems]


@pytest.fixture
def cited_db(tmp_path):
    target = tmp_path / "cited.db"
    build_database([_cited_file(tmp_path)], target)
    return target


def test_a_cited_briefing_needs_no_article(tmp_path):
    document = load_briefing_file(_cited_file(tmp_path))
    assert document.article_text == ""
    assert document.article_path is None
    assert [s["key"] for s in document.cited_sources] == ["portal", "news"]
    mobile = document.indicators[0]
    assert (mobile["cited"], mobile["locator"], mobile["source_text"]) == ("news", "134,5 triệu thuê bao", "")
    assert document.briefing["meeting_cited"] == "portal"


def test_a_source_sentence_in_a_cited_briefing_says_to_use_cited(tmp_path):
    sentence = '    source: "Nộp ngân sách gần 50.000 tỷ đồng."\n'
    text = CITED_YAML.replace('    qualifier: "gần"\n', '    qualifier: "gần"\n' + sentence)
    assert _problems(_cited_file(tmp_path, text)) == [
        "indicators[1].source: this briefing cites its sources by reference (briefing.sources); figure "
        "telecom.budget has a 'source' sentence — use 'cited:' instead"]


def test_a_cited_item_without_cited_is_missing_it(tmp_path):
    title = '    title: {vi: "Thuê bao di động tăng", en: "Mobile subscribers grew"}\n'
    text = CITED_YAML.replace(title + "    cited: news\n", title)
    assert _problems(_cited_file(tmp_path, text)) == ["achievements[0].cited: is missing"]


def test_an_unknown_source_key_names_the_known_ones(tmp_path):
    text = CITED_YAML.replace("    cited: news\n    locator", "    cited: vnexpress\n    locator")
    assert _problems(_cited_file(tmp_path, text)) == [
        "indicators[0].cited: unknown cited article 'vnexpress' (briefing.sources has: portal, news)"]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "ftp://example.org/a", "example.org",
                                 "https://", "https://exa mple.org"])
def test_a_url_that_is_not_http_is_refused(tmp_path, url):
    text = CITED_YAML.replace('"https://example.org/so-ket-2019.html"', json.dumps(url))
    assert _problems(_cited_file(tmp_path, text)) == [
        f"briefing.sources[0].url: {url!r} is not a web address; give the article's http:// or https:// address"]


def test_a_long_locator_is_refused_as_a_copied_sentence(tmp_path):
    words = " ".join(["chữ"] * 13)
    text = CITED_YAML.replace('locator: "134,5 triệu thuê bao"', f'locator: "{words}"')
    assert _problems(_cited_file(tmp_path, text)) == [
        "indicators[0].locator: is 13 words long; a locator is at most 12 words to find the figure in the "
        "article, never a copied sentence"]


def test_both_modes_in_one_briefing_are_refused(tmp_path):
    text = CITED_YAML.replace("  sources:\n", "  source:\n    title: \"Bài\"\n    article: article.txt\n  sources:\n")
    assert _problems(_cited_file(tmp_path, text)) == [
        "briefing.source: a briefing holds either its article (briefing.source) or the articles it cites by "
        "reference (briefing.sources), not both"]


def test_cited_in_a_briefing_with_its_article_says_to_give_the_sentence(tmp_path):
    text = SMALL_YAML.replace('    source: "Sim rác vẫn còn tồn tại."', '    source: "Sim rác vẫn còn tồn tại."\n'
                                                                       '    cited: portal')
    assert _problems(write_briefing(tmp_path, text)) == [
        "limitations[0].cited: this briefing holds its article (briefing.source); limitation l1 has a 'cited' — "
        "give its exact sentence in 'source' instead, or cite every article by reference (briefing.sources)"]


def test_a_briefing_with_neither_says_both_ways(tmp_path):
    text = CITED_YAML.split("  sources:\n")[0] + "sectors:" + CITED_YAML.split("\nsectors:")[1]
    problems = _problems(_cited_file(tmp_path, text))
    assert problems[0] == ("briefing.source: is missing (give the article beside this file, or cite articles by "
                           "reference in briefing.sources)")


def test_a_date_not_stated_is_left_out(tmp_path):
    document = load_briefing_file(_cited_file(tmp_path))
    assert [s["published_at"] for s in document.cited_sources] == ["2019-07-06", None]


def test_the_store_reads_citations(cited_db):
    with open_store(cited_db) as store:
        snapshot = load_snapshot(store, "cited-2019")
    assert snapshot.briefing.article_text == ""
    assert snapshot.cited_sources == [
        CitedSource("portal", 1, "Bài tường thuật hội nghị sơ kết", "Cổng thông tin thử", "Test portal",
                    "https://example.org/so-ket-2019.html", "2019-07-06", None, None),
        CitedSource("news", 2, "Thuê bao di động cuối tháng 6", "Báo thử", "Test news",
                    "http://example.com/thue-bao?id=7", None, "Theo số liệu của Bộ", "From the ministry's figures"),
    ]
    mobile = snapshot.indicators[0]
    assert (mobile.cited, mobile.locator, mobile.source_text, mobile.value_text) == (
        "news", "134,5 triệu thuê bao", "", "134,5")
    assert snapshot.cited_source(mobile).title == "Thuê bao di động cuối tháng 6"
    directive = snapshot.directives[0]
    assert (directive.cited, directive.locator) == ("portal", "thông tin thuê bao")
    assert snapshot.cites_by_reference
    assert (snapshot.briefing.meeting_cited, snapshot.briefing.meeting_locator) == ("portal", "66 điểm cầu")


def test_search_finds_labels_of_a_cited_briefing(cited_db):
    with open_store(cited_db) as store:
        results = search(store, "thuê bao di động", "cited-2019")
    assert {r.section for r in results} >= {"indicators", "achievements"}
    assert all(r.section != "source" for r in results)


def test_export_json_lists_the_cited_sources(cited_db):
    with open_store(cited_db) as store:
        data = export_json(store, "cited-2019")
        csv_text = export_csv(store, "cited_sources", "cited-2019")
    assert [(s["key"], s["url"], s["published_at"]) for s in data["cited_sources"]] == [
        ("portal", "https://example.org/so-ket-2019.html", "2019-07-06"),
        ("news", "http://example.com/thue-bao?id=7", None)]
    assert data["indicators"][0]["cited"] == "news"
    assert data["briefing"]["article_text"] == ""
    assert csv_text.splitlines()[0] == ("id,briefing_id,key,position,title,publisher_vi,publisher_en,url,"
                                       "published_at,note_vi,note_en")


def test_export_of_a_briefing_with_its_article_has_no_cited_sources(small_db):
    with open_store(small_db) as store:
        data = export_json(store)
    assert data["cited_sources"] == []
    assert data["indicators"][0]["cited"] is None


def _as_version_2(path):
    """Make ``path`` look like a database made before schema 4: no cited table or columns."""
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE cited_sources")
    for table in ("indicators", "achievements", "limitations", "directives"):
        conn.execute(f"ALTER TABLE [{table}] DROP COLUMN cited")
        conn.execute(f"ALTER TABLE [{table}] DROP COLUMN locator")
    conn.execute("ALTER TABLE briefings DROP COLUMN meeting_cited")
    conn.execute("ALTER TABLE briefings DROP COLUMN meeting_locator")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()


def test_an_older_database_without_the_cited_table_still_opens(small_db):
    _as_version_2(small_db)
    with open_store(small_db) as store:
        snapshot = load_snapshot(store, "test-2017")
        data = export_json(store)
    assert snapshot.cited_sources == [] and snapshot.achievements[0].cited is None
    assert snapshot.indicators[0].cited is None
    assert data["cited_sources"] == []


def test_importing_a_cited_briefing_upgrades_an_older_database(tmp_path, small_db):
    _as_version_2(small_db)
    import_briefing(_cited_file(tmp_path), small_db)
    conn = sqlite3.connect(small_db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("SELECT key FROM cited_sources ORDER BY position").fetchall() == [("portal",), ("news",)]
    conn.close()
    with open_store(small_db) as store:
        assert load_snapshot(store, "cited-2019").indicators[1].cited == "portal"
        assert load_snapshot(store, "test-2017").cited_sources == []


def test_replacing_a_cited_briefing_replaces_its_sources(tmp_path, cited_db):
    text = CITED_YAML.replace('title: "Thuê bao di động cuối tháng 6"', 'title: "Tiêu đề mới"')
    import_briefing(_cited_file(tmp_path, text), cited_db, replace=True)
    conn = sqlite3.connect(cited_db)
    assert conn.execute("SELECT title FROM cited_sources ORDER BY position").fetchall() == [
        ("Bài tường thuật hội nghị sơ kết",), ("Tiêu đề mới",)]
    conn.close()


def test_validate_command_accepts_a_cited_briefing(tmp_path, capsys):
    assert cli.main(["validate", str(_cited_file(tmp_path))]) == 0
    assert "valid — 2 indicators, 1 achievements" in capsys.readouterr().out


def test_validate_command_fails_plainly_on_a_bad_url(tmp_path):
    path = _cited_file(tmp_path, CITED_YAML.replace('"https://example.org/so-ket-2019.html"', '"javascript:x"'))
    run = subprocess.run([sys.executable, "-m", "briefing_app", "validate", str(path)], capture_output=True,
                         text=True)
    assert run.returncode == 1
    assert "briefing.sources[0].url: 'javascript:x' is not a web address" in run.stderr
