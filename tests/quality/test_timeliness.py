"""The timeliness engine: each frequency at its threshold is on time, a day later is late."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from audits.portal.package import last_update
from audits.quality.config import load_quality_config
from audits.quality.timeliness import frequency_code, timeliness

AS_OF = date(2020, 6, 1)
PERIODS = load_quality_config().periods


@pytest.mark.parametrize("frequency, days", [
    ("more than once a day", 1), ("once a day", 1), ("once a week", 7), ("once a month", 31),
    ("once a quarter", 91), ("once a half year", 182), ("once a year", 364)])
def test_exactly_at_the_threshold_is_on_time_and_a_day_more_is_late(frequency, days):
    at = timeliness(frequency, AS_OF - timedelta(days=days), AS_OF, PERIODS)
    after = timeliness(frequency, AS_OF - timedelta(days=days + 1), AS_OF, PERIODS)
    assert (at.state, at.days_since_update, at.days_overdue) == ("on-time", days, 0)
    assert (after.state, after.days_since_update, after.days_overdue) == ("late", days + 1, 1)


def test_ukrainian_labels_and_aliases_mean_the_portal_codes():
    assert [frequency_code(v) for v in ("Щомісяця", "щомісячно", "ONCE A MONTH", "Щороку", "за потреби", None, "")] \
        == ["once a month", "once a month", "once a month", "once a year", None, None, None]


def test_states_without_a_period():
    old = AS_OF - timedelta(days=900)
    assert timeliness("Відразу після внесення змін", old, AS_OF, PERIODS).state == "on-change"
    assert timeliness("no longer updated", old, AS_OF, PERIODS).state == "no-longer-updated"
    unknown = timeliness(None, old, AS_OF, PERIODS)
    assert (unknown.state, unknown.days_since_update, unknown.days_overdue) == ("unknown", 900, None)
    assert timeliness("once a month", None, AS_OF, PERIODS).state == "unknown"


def test_a_date_after_as_of_counts_as_just_updated():
    result = timeliness("once a week", AS_OF + timedelta(days=3), AS_OF, PERIODS)
    assert (result.state, result.days_since_update) == ("on-time", 0)


def test_last_update_is_the_latest_of_package_and_resources():
    package = {"metadata_modified": "2020-01-10T08:00:00.123456",
               "resources": [{"last_modified": "2020-03-05T10:00:00"}, {"last_modified": None},
                             {"last_modified": "2020-02-01T00:00:00Z"}]}
    assert last_update(package) == date(2020, 3, 5)
    assert last_update({"metadata_modified": "garbage", "resources": "not a list"}) is None
