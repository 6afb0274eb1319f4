"""The portal's vocabularies, exactly: the update frequency's list is the labels data.gov.ua shows,
so the templates' dropdowns (built from the enum, see tests/templates) and every export write them;
the English UI labels, the API keys and our earlier labels are read as the portal's label."""
from __future__ import annotations

import pytest

from audits.inventory.normalize import to_text
from audits.inventory.schema import load_schema
from audits.quality.timeliness import frequency_code, frequency_label

FREQUENCY = load_schema().field("update_frequency")
# data.gov.ua's labels and the CKAN API key of each (shared reference: portal-vocabularies.csv)
PORTAL = {"Більш як один раз на день": "more than once a day", "Щодня": "once a day", "Щотижня": "once a week",
          "Щомісяця": "once a month", "Щокварталу": "once a quarter", "Кожного півріччя": "once a half year",
          "Щороку": "once a year", "Відразу після внесення змін": "immediately after making changes",
          "Більше не оновлюється": "no longer updated"}


def test_the_list_is_the_portals_labels_in_the_portals_order():
    assert FREQUENCY["constraints"]["enum"] == list(PORTAL)
    assert FREQUENCY["x-portal-code"] == PORTAL


@pytest.mark.parametrize("label", list(PORTAL))
def test_a_portal_label_is_kept_and_has_its_api_key(label):
    assert (to_text(label, FREQUENCY), frequency_code(label)) == (label, PORTAL[label])


@pytest.mark.parametrize("written, label", [
    ("more than once a day", "Більш як один раз на день"), ("once a half year", "Кожного півріччя"),
    ("Once a quarter", "Щокварталу"), ("Immediately after making changes", "Відразу після внесення змін"),
    ("Більше одного разу на день", "Більш як один раз на день"), ("Щопівроку", "Кожного півріччя"),
    ("кожного  півріччя", "Кожного півріччя"), ("По мірі зміни даних", "Відразу після внесення змін")])
def test_english_labels_api_keys_and_our_old_labels_become_the_portals(written, label):
    assert to_text(written, FREQUENCY) == label
    assert frequency_code(written) == PORTAL[label]


def test_language_is_written_as_the_portal_shows_it():
    language = load_schema().field("language")
    assert [to_text(v, language) for v in ("українська", "укр", "Українська")] == ["Українська"] * 3


@pytest.mark.parametrize("written, shown", [
    ("once a half year", "Кожного півріччя"), ("Щопівроку", "Кожного півріччя"), ("Щомісяця", "Щомісяця"),
    ("за потреби", "за потреби"), (None, None)])
def test_exports_write_the_portals_label(written, shown):
    """quality.csv/xlsx and the plan annex: the label the portal shows, never the API key."""
    assert frequency_label(written) == shown
