"""Build small, real campaign folders for tests: campaign.yaml plus .xlsx inventories (the rows and
the writer are inventories/rows.py's)."""
from __future__ import annotations

from pathlib import Path

import yaml

from rows import CAMPAIGN, row, write_inventory

__all__ = ["good_row", "make_campaign", "write_inventory"]


def good_row(n: int, department: str = CAMPAIGN["department"], **changes) -> dict:
    """A correct row of the CAMPAIGN preset (inventories/rows.py); ``changes`` plant a mistake."""
    return row(n, CAMPAIGN, department=department, **changes)


def make_campaign(directory: Path, departments: dict[str, str], slug: str = "test-2020",
                  as_of: str = "2020-06-01") -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    config = {"campaign": slug, "name": "Тестова кампанія", "city": "Луцьк", "year": 2020,
              "as_of": as_of, "deadline": "2020-05-29",
              "departments": [{"code": code, "name": name, "contact": {"person": "Іван", "email": f"{code}@x.ua"}}
                              for code, name in departments.items()]}
    (directory / "campaign.yaml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return directory
