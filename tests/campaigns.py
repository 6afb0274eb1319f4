"""Build small, real campaign folders for tests: campaign.yaml plus .xlsx inventories."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml
from openpyxl import Workbook

from audits.inventory.schema import load_schema


def good_row(n: int, department: str = "Управління ІКТ", **changes) -> dict:
    row = {
        "id": f"ds-{n:03d}", "title": f"Перелік об'єктів номер {n}", "description": "Опис набору даних",
        "department": department, "responsible_person": "Коваленко Олена Петрівна",
        "responsible_email": "o.kovalenko@lutskrada.gov.ua",
        "legal_basis": "Закон України «Про доступ до публічної інформації»",
        "purpose": "Облік", "storage": "електронна таблиця", "format": "XLSX", "update_frequency": "Щомісяця",
        "last_updated": date(2020, 3, 1), "current_as_of": date(2020, 3, 1), "records": 120,
        "language": "українська", "keywords": "облік, майно", "personal_data": "ні", "access": "відкрита",
        "published": "ні", "portal_url": None, "catalogue_ref": None, "requests_per_year": 3, "notes": None,
    }
    row.update(changes)
    return row


def write_inventory(path: Path, rows: list[dict], title_block: bool = True) -> Path:
    schema = load_schema()
    book = Workbook()
    sheet = book.active
    sheet.title = "Інвентаризація"
    if title_block:
        sheet.append(["Інвентаризація інформаційних ресурсів"])
        sheet.append([rows[0]["department"] if rows else ""])
        sheet.append([])
    sheet.append([f["title"] for f in schema.fields])
    for row in rows:
        sheet.append([row.get(name) for name in schema.names])
    book.save(path)
    return path


def make_campaign(directory: Path, departments: dict[str, str], slug: str = "test-2020",
                  as_of: str = "2020-06-01") -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    config = {"campaign": slug, "name": "Тестова кампанія", "city": "Луцьк", "year": 2020,
              "as_of": as_of, "deadline": "2020-05-29",
              "departments": [{"code": code, "name": name, "contact": {"person": "Іван", "email": f"{code}@x.ua"}}
                              for code, name in departments.items()]}
    (directory / "campaign.yaml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return directory
