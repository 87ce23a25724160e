"""Dates and periods read once (data/periods.py): what they are, and that they sort by their real last day."""

from datetime import date

import pytest

from briefing_app.data.periods import PERIOD, parse_period, period_end


@pytest.mark.parametrize("text, end", [
    ("2017-Q1", "2017-03-31"),
    ("2017-Q2", "2017-06-30"),
    ("2017-Q3", "2017-09-30"),
    ("2017-Q4", "2017-12-31"),
    ("2017-H1", "2017-06-30"),
    ("2017-H2", "2017-12-31"),
    ("2017-02", "2017-02-28"),
    ("2016-02", "2016-02-29"),
    ("2017-06", "2017-06-30"),
    ("2017", "2017-12-31"),
    ("2017-06-30", "2017-06-30"),
    ("2017-07-14T13:06", "2017-07-14T13:06"),
])
def test_periods_end_on_their_real_last_day(text, end):
    assert period_end(text) == end


def test_a_quarter_sorts_with_the_day_that_closes_it():
    assert period_end("2017-Q2") == period_end("2017-06-30") == period_end("2017-H1")
    assert period_end("2017-06-29") < period_end("2017-Q2") < period_end("2017-07-01") < period_end("2017-Q3")


@pytest.mark.parametrize("text, kind, number, start", [
    ("2017-Q3", "quarter", 3, date(2017, 7, 1)),
    ("2017-H2", "half", 2, date(2017, 7, 1)),
    ("2017-06", "month", 6, date(2017, 6, 1)),
    ("2017", "year", 0, date(2017, 1, 1)),
    ("2017-07-14", "day", 0, date(2017, 7, 14)),
])
def test_periods_are_read_once(text, kind, number, start):
    period = parse_period(text)
    assert (period.kind, period.year, period.number, period.start) == (kind, 2017, number, start)


def test_what_is_not_a_period_is_kept_as_written():
    for text in ("2017-13", "2017-02-30", "2017-Q5", "soon", "2017-06T10:00"):
        assert parse_period(text) is None
        assert period_end(text) == text
    assert parse_period(None) is None and period_end(None) is None and period_end("") is None
    assert parse_period("2017-07-14T13:06").time == "13:06"


def test_the_validator_accepts_what_the_reader_reads():
    for text in ("2017-Q2", "2017-H1", "2017-06", "2017", "2017-06-30"):
        assert PERIOD.fullmatch(text) and parse_period(text) is not None
