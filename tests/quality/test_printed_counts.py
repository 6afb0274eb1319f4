"""What `odaudit quality` and `odaudit campaign status` print reads as Ukrainian: counts agree
with their nouns (94 набори), the quality bands are named, not a Python dict."""
from __future__ import annotations

import pytest

from audits.messages import DATASETS, plural
from audits.quality.aggregate import bands_text
from cli_runner import odaudit


@pytest.mark.parametrize("n, text", [(1, "1 набір"), (21, "21 набір"), (94, "94 набори"), (12, "12 наборів"),
                                     (106, "106 наборів"), (111, "111 наборів"), (0, "0 наборів")])
def test_datasets_agree_with_their_count(n, text):
    assert plural(n, *DATASETS) == text


def test_bands_are_named_best_first():
    assert bands_text({"good": 57, "sufficient": 33, "excellent": 16}) == "відмінна 16, добра 57, достатня 33"
    assert bands_text({}) == "—"


def test_quality_and_status_print_no_dicts_and_agreeing_counts(demo_db):
    quality = odaudit("quality", "--db", demo_db)
    assert quality.returncode == 0, quality.stderr
    last = quality.stdout.strip().splitlines()[-1]
    assert last.startswith("Місто: 106 наборів, середній бал") and "рівні якості: відмінна" in last
    assert "{" not in quality.stdout and "'good'" not in quality.stdout
    status = odaudit("campaign", "status", "--db", demo_db)
    assert "у реєстрі 94 набори;" in status.stdout
