"""The time_limit fixture (tests/ui/conftest.py): every wall-clock bound of the GUI tests, times
$BRIEFING_TEST_TIME_SCALE, so a slow CI machine widens them all at once."""

import pytest


def test_the_scale_multiplies_every_bound(monkeypatch, time_limit):
    monkeypatch.delenv("BRIEFING_TEST_TIME_SCALE", raising=False)
    assert time_limit(0.5) == 0.5 and time_limit.ms(0.2) == 200
    monkeypatch.setenv("BRIEFING_TEST_TIME_SCALE", "3")
    assert time_limit(0.5) == 1.5 and time_limit.ms(0.2) == 600


@pytest.mark.parametrize("value", ["fast", "0", "-2"])
def test_a_scale_that_is_not_a_positive_number_is_refused_plainly(monkeypatch, time_limit, value):
    monkeypatch.setenv("BRIEFING_TEST_TIME_SCALE", value)
    with pytest.raises(pytest.fail.Exception, match=f"BRIEFING_TEST_TIME_SCALE='{value}': expected a positive number"):
        time_limit(0.5)
