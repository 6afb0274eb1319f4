"""Quality points: MQA-style (earned ÷ applicable), every lost point explained, weights from the config."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml

from audits.portal.package import package_facts
from audits.quality.config import CONFIG_PATH, load_quality_config
from audits.quality.inventory_facts import inventory_facts
from audits.quality.score import score_dataset

AS_OF = date(2020, 6, 1)


def package(**changes) -> dict:
    base = {"id": "p1", "name": "zupynky", "title": "Перелік зупинок громадського транспорту",
            "notes": "Зупинки міського транспорту: назва, координати, маршрути, що через них проходять.",
            "tags": [{"name": "транспорт"}, {"name": "зупинки"}, {"name": "Луцьк"}],
            "organization": {"name": "lutska-miska-rada", "title": "Луцька міська рада"},
            "resources": [{"format": "CSV", "url": "https://data.gov.ua/r/1", "last_modified": "2020-05-20T10:00:00",
                           "schema": "https://example.org/stops.json"}],
            "metadata_created": "2019-01-01T00:00:00", "metadata_modified": "2020-05-01T00:00:00",
            "license_id": "cc-by", "maintainer": "Ткачук Віталій", "maintainer_email": "v.tkachuk@lutskrada.gov.ua",
            "language": "uk", "update_frequency": "once a month",
            "purpose_of_collecting_information": "Постанова № 835"}
    return {**base, **changes}


def points(score) -> dict:
    return {i.name: (round(i.earned, 2), i.possible) for i in score.indicators}


def test_a_complete_fresh_schema_described_package_earns_everything():
    score = score_dataset(package_facts(package()), AS_OF)
    assert (score.earned, score.possible, score.percent, score.band) == (100.0, 100.0, 100.0, "excellent")
    assert score.reasons == []


def test_every_lost_point_is_explained():
    score = score_dataset(package_facts(package(
        resources=[{"format": "PDF", "url": "https://data.gov.ua/r/1", "last_modified": "2020-01-02T00:00:00"}],
        metadata_modified="2020-01-02T00:00:00", license_id="", maintainer_email="", tags=[{"name": "транспорт"}],
        notes="Зупинки")), AS_OF)
    assert points(score) == {"metadata": (27.69, 30.0), "timeliness": (0.0, 20.0), "openness": (5.0, 20.0),
                             "machine_readable": (0.0, 10.0), "non_proprietary": (0.0, 5.0), "licence": (0.0, 5.0),
                             "contact_point": (2.5, 5.0), "keywords": (1.0, 3.0), "description": (1.0, 2.0),
                             "data_checks": (0.0, None)}
    assert round(sum(x.points for i in score.indicators for x in i.lost), 6) == round(score.possible - score.earned, 6)
    assert [r.split(":")[0] for r in score.reasons] == ["−2.30769", "−20", "−15", "−10", "−5", "−5", "−2.5", "−2", "−1"]
    assert "«електронна пошта відповідальної особи»" in score.reasons[0]
    assert "прострочено на 120 дн." in score.reasons[1]
    assert (score.percent, score.band) == (37.2, "sufficient")


def inventory_row(**changes) -> dict:
    row = {"department_code": "trans", "department_name": "Управління транспорту", "row": 5, "id": "trans-001",
           "title": "Перелік зупинок", "description": "Зупинки міського транспорту з координатами та маршрутами.",
           "format": "XLSX", "update_frequency": "Щокварталу", "last_updated": "2020-04-01",
           "current_as_of": "2020-04-01", "language": "українська", "keywords": "транспорт, зупинки, Луцьк",
           "responsible_person": "Ткачук В. П.", "responsible_email": "v.tkachuk@lutskrada.gov.ua",
           "legal_basis": "Закон", "purpose": "Повноваження", "published": False, "portal_url": None}
    return {**row, **changes}


def test_indicators_that_do_not_apply_are_left_out_not_lost():
    held = score_dataset(inventory_facts(inventory_row()), AS_OF)
    assert points(held)["licence"] == (0.0, None)          # only held, not published: no licence to judge
    assert (held.possible, held.earned) == (95.0, 95.0 - 10.0 - 5.0)   # XLSX: 2 of 4 stars, and proprietary
    on_change = score_dataset(inventory_facts(inventory_row(update_frequency="Відразу після внесення змін")), AS_OF)
    assert points(on_change)["timeliness"] == (0.0, None) and on_change.possible == 75.0


def test_no_frequency_is_reported_and_costs_points():
    score = score_dataset(inventory_facts(inventory_row(update_frequency="за потреби")), AS_OF)
    assert score.timeliness.state == "unknown"
    assert points(score)["timeliness"] == (0.0, 20.0)
    assert "Не вказано періодичність оновлення" in score.reasons[0]


def test_weights_and_bands_come_from_the_config_file(tmp_path: Path):
    raw = yaml.safe_load(CONFIG_PATH.read_text(encoding="utf-8"))
    raw["indicators"]["timeliness"]["points"] = 0.0001
    raw["bands"][0]["min"] = 99.0
    custom = tmp_path / "quality.yaml"
    custom.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    late = package(metadata_modified="2019-01-01T00:00:00",
                   resources=[{"format": "CSV", "url": "u", "schema": "s", "last_modified": "2019-01-01T00:00:00"}])
    default = score_dataset(package_facts(late), AS_OF)
    changed = score_dataset(package_facts(late), AS_OF, load_quality_config(custom))
    assert (default.percent, default.band) == (80.0, "good")
    assert (changed.percent, changed.band) == (100.0, "excellent")


def test_records_on_paper_are_told_to_digitise_not_that_their_formats_are_closed():
    paper = score_dataset(inventory_facts(inventory_row(format="паперовий")), AS_OF)
    lost = [x.reason for i in paper.indicators if i.name == "non_proprietary" for x in i.lost]
    assert lost == ["Дані ведуться лише на папері: оцифруйте їх і оприлюдніть у відкритому форматі "
                    "(CSV, JSON або XML)."]
    assert not any("закриті" in r for r in paper.reasons)
    closed = score_dataset(inventory_facts(inventory_row(format="XLSX")), AS_OF)
    assert [x.reason for i in closed.indicators if i.name == "non_proprietary" for x in i.lost] == [
        "Усі формати закриті (XLSX): додайте CSV, JSON або XML."]
