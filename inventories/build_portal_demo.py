"""Build the demo's saved portal response inventories/lutsk-2020/portal/package_search.json:
what data.gov.ua's package_search could have returned for the Lutsk City Council on
2020-06-01, in the portal's own shape (CKAN 2.7). Deterministic: run it again, get the same file.

Planted, so the monitor has something to say (see inventories/README.md):
four of the five accepted register items called published are here (by their portal link);
the fifth (zhkg, "… (архів 2013)") is not: a `not-on-portal` finding (so are two items of
files that still need fixes: fin row 16, mist row 17). Packages are late,
on time, without a frequency, "immediately after making changes" and "no longer
updated"; formats from PDF to an API; one has no licence, one a closed one, one no e-mail.
Run: .venv/bin/python inventories/build_portal_demo.py
"""
from __future__ import annotations

import json
import uuid
from pathlib import Path

OUT = Path(__file__).resolve().parent / "lutsk-2020" / "portal" / "package_search.json"
ORG = {"id": "2f4c1a52-6b1e-4c57-9a3e-0c1d2e3f4a5b", "name": "lutska-miska-rada", "title": "Луцька міська рада",
       "type": "organization", "state": "active", "is_organization": True}
TAGS = ["Луцьк", "відкриті дані", "міська рада"]

# name, title, frequency, modified, [(format, last_modified)], licence, maintainer e-mail, extra tags
PACKAGES = [
    ("lutsk-trans-002", "Перелік зупинок громадського транспорту", "once a year", "2019-06-03",
     [("CSV", "2019-06-03"), ("JSON", "2019-06-03")], "cc-by", "v.tkachuk@lutskrada.gov.ua", ["транспорт", "зупинки"]),
    ("lutsk-osv-009", "Перелік закладів загальної середньої освіти (архів 2009)", "immediately after making changes",
     "2019-12-10", [("XLSX", "2019-12-10")], "cc-by", "n.polishchuk@lutskrada.gov.ua", ["освіта"]),
    ("lutsk-ukt-002", "Реєстр наборів даних Луцької міської ради", "once a quarter", "2019-10-06",
     [("CSV", "2019-10-06")], "cc-by", "a.melnyk@lutskrada.gov.ua", ["реєстр"]),
    ("lutsk-zhkg-001", "Перелік об'єктів комунальної власності", "once a month", "2020-03-06",
     [("DOCX", "2020-03-06"), ("PDF", "2020-05-12")], "cc-by", "o.bondar@lutskrada.gov.ua", ["комунальна власність"]),
    ("biudzhet-lutskoi-mth-2020", "Бюджет Луцької міської територіальної громади на 2020 рік", "once a year",
     "2020-01-15", [("XLSX", "2020-01-15"), ("CSV", "2020-01-15")], "cc-by", "i.kovalchuk@lutskrada.gov.ua",
     ["бюджет", "фінанси"]),
    ("miscevi-podatky-i-zbory", "Місцеві податки і збори та їх ставки", "once a year", "2018-07-02",
     [("PDF", "2018-07-02")], "", "i.kovalchuk@lutskrada.gov.ua", ["податки"]),
    ("perelik-parkuvalnyh-maidanchykiv", "Перелік паркувальних майданчиків", "once a quarter", "2020-04-20",
     [("CSV", "2020-04-20")], "cc-by", "", ["паркування", "транспорт"]),
    ("marshruty-ta-rozklad", "Маршрути та розклад руху міського пасажирського транспорту", "once a month",
     "2020-05-25", [("API", "2020-05-30"), ("JSON", "2020-05-25")], "cc-by", "v.tkachuk@lutskrada.gov.ua",
     ["транспорт", "маршрути", "розклад"]),
    ("reguliatorni-akty", "Регуляторні акти міської ради", "immediately after making changes", "2020-02-11",
     [("DOCX", "2020-02-11")], "other-closed", "t.savchuk@lutskrada.gov.ua", []),
    ("zvernennia-hromadian-2018", "Звернення громадян до міської ради у 2018 році", "no longer updated", "2019-01-20",
     [("XLS", "2019-01-20")], "cc-by", "a.melnyk@lutskrada.gov.ua", ["звернення"]),
    ("perelik-ukryttiv", "Перелік укриттів і найпростіших укриттів", "", "2020-05-05",
     [("CSV", "2020-05-05")], "cc-by", "o.bondar@lutskrada.gov.ua", ["укриття", "безпека"]),
    ("vidomosti-pro-rynky", "Відомості про ринки міста", "once a half year", "2019-09-30",
     [("CSV", "2019-09-30")], "cc-by", "t.savchuk@lutskrada.gov.ua", ["торгівля"]),
]


def package(name, title, frequency, modified, resources, licence, email, tags) -> dict:
    pid = str(uuid.uuid5(uuid.NAMESPACE_URL, f"https://data.gov.ua/dataset/{name}"))
    return {
        "id": pid, "name": name, "title": title, "state": "active", "type": "dataset", "private": False,
        "notes": f"{title}. Набір даних оприлюднює Луцька міська рада відповідно до постанови КМУ № 835."
        if len(tags) > 1 else title,
        "tags": [{"name": t, "display_name": t, "state": "active"} for t in TAGS[:1] + tags],
        "organization": ORG, "owner_org": ORG["id"], "license_id": licence,
        "license_title": {"cc-by": "Creative Commons Attribution"}.get(licence, licence),
        "maintainer": "Луцька міська рада" if email else "", "maintainer_email": email, "language": "uk",
        "update_frequency": frequency, "purpose_of_collecting_information": "Постанова КМУ від 21.10.2015 № 835",
        "metadata_created": "2017-03-01T09:00:00.000000", "metadata_modified": f"{modified}T10:00:00.000000",
        "num_resources": len(resources), "num_tags": len(tags) + 1,
        "resources": [{"id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{pid}/{i}")), "package_id": pid,
                       "name": f"{title} ({fmt})", "format": fmt,
                       "url": f"https://data.gov.ua/dataset/{pid}/resource/{i}",
                       "created": "2017-03-01T09:00:00.000000", "last_modified": f"{changed}T10:00:00.000000",
                       "mimetype": None, "size": None} for i, (fmt, changed) in enumerate(resources)],
    }


def main() -> None:
    results = [package(*row) for row in PACKAGES]
    body = {"help": "https://data.gov.ua/api/3/action/help_show?name=package_search", "success": True,
            "result": {"count": len(results), "sort": "name asc", "facets": {}, "results": results,
                       "search_facets": {}}}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(body, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(results)} packages")


if __name__ == "__main__":
    main()
