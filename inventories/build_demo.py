"""Build the bundled demo campaign inventories/lutsk-2020/ (deterministic: fixed seed, fixed
document dates). Run: .venv/bin/python inventories/build_demo.py

Sixteen executive bodies of the Lutsk City Council are in scope; two send nothing. Most files
are .xlsx with a title block above the header, one is .ods, one is a Windows-1251 CSV with
semicolons. The mistakes clerks really make are planted in several files (see MISTAKES and
inventories/README.md); four files are clean. The bench reuses department_rows/write_xlsx.
Rows are built and .xlsx files written by inventories/rows.py (the tests' builder too), so
every file but the .ods is byte-identical on every run.
"""
from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import yaml

from rows import TITLES, Text, csv_text, row as inventory_row, values, write_inventory

HERE = Path(__file__).resolve().parent
OUT = HERE / "lutsk-2020"
TITLE = "Інвентаризація інформаційних ресурсів, 2020"

# code, name, file, responsible person and e-mail, titles (catalogue item where it is one)
DEPARTMENTS = [
    ("ukt", "Управління інформаційно-комунікаційних технологій", "ukt.xlsx",
     ("Мельник Андрій Олегович", "a.melnyk@lutskrada.gov.ua"),
     ["Перелік інформаційних систем Луцької міської ради", "Реєстр наборів даних Луцької міської ради",
      "Перелік точок доступу до безкоштовного Wi-Fi", "Перелік камер відеоспостереження «Безпечне місто»",
      "Звернення до гарячої лінії міської ради", "Перелік електронних сервісів міської ради",
      "Перелік телекомунікаційних мереж у комунальній власності", "Статистика відвідування офіційного сайту",
      "Перелік доменних імен міської ради"]),
    ("fin", "Департамент фінансів, бюджету та аудиту", "fin.xlsx",
     ("Ковальчук Ірина Василівна", "i.kovalchuk@lutskrada.gov.ua"),
     ["Бюджет Луцької міської територіальної громади", "Звіт про виконання бюджету громади",
      "Перелік розпорядників бюджетних коштів", "Бюджетні програми та паспорти бюджетних програм",
      "Місцеві податки і збори та їх ставки", "Перелік отримувачів бюджетних коштів",
      "Звіти про виконання паспортів бюджетних програм", "Інформація про місцеві запозичення",
      "Результати внутрішнього аудиту", "Перелік пільг зі сплати місцевих податків"]),
    ("eco", "Департамент економічної політики", "eco.xlsx",
     ("Савчук Тарас Миколайович", "t.savchuk@lutskrada.gov.ua"),
     ["Перелік розпорядників бюджетних коштів", "Перелік об'єктів торгівлі та побутового обслуговування",
      "Регуляторні акти міської ради", "Перелік ринків міста", "Програма економічного і соціального розвитку",
      "Перелік інвестиційних об'єктів", "Тарифи на послуги комунальних підприємств",
      "Реєстр місць для сезонної торгівлі"]),
    ("zhkg", "Департамент житлово-комунального господарства", "zhkg.xlsx",
     ("Бондар Олег Степанович", "o.bondar@lutskrada.gov.ua"),
     ["Перелік об'єктів комунальної власності", "Реєстр об'єднань співвласників багатоквартирних будинків",
      "Перелік багатоквартирних будинків та управителів", "Графік ремонту доріг і тротуарів",
      "Перелік громадських вбиралень", "Перелік дитячих та спортивних майданчиків",
      "Перелік укриттів і найпростіших укриттів", "Перелік зелених насаджень на вулицях міста",
      "Перелік кладовищ", "Графіки вивезення побутових відходів", "Перелік контейнерних майданчиків",
      "Перелік об'єктів зовнішнього освітлення"]),
    ("trans", "Управління транспорту та зв'язку", "trans.xlsx",
     ("Ткачук Віталій Петрович", "v.tkachuk@lutskrada.gov.ua"),
     ["Маршрути та розклад руху міського пасажирського транспорту", "Перелік зупинок громадського транспорту",
      "Перелік перевізників на міських автобусних маршрутах", "Перелік паркувальних майданчиків",
      "Тарифи на проїзд у міському транспорті", "Дислокація дорожніх знаків і світлофорів",
      "Перелік зарядних станцій для електромобілів", "Маршрути тролейбусів"]),
    ("osv", "Управління освіти", "osv.ods",
     ("Поліщук Наталія Іванівна", "n.polishchuk@lutskrada.gov.ua"),
     ["Перелік закладів загальної середньої освіти", "Перелік закладів дошкільної освіти",
      "Територія обслуговування закладів загальної середньої освіти", "Кількість учнів у закладах освіти",
      "Черга дітей до закладів дошкільної освіти (знеособлена)", "Перелік закладів позашкільної освіти",
      "Результати зовнішнього незалежного оцінювання за закладами", "Харчування у закладах освіти: постачальники"]),
    ("ozd", "Управління охорони здоров'я", "ozd_2020.csv",
     ("Гнатюк Світлана Романівна", "s.hnatiuk@lutskrada.gov.ua"),
     ["Перелік закладів охорони здоров'я комунальної власності", "Перелік аптек комунальної власності",
      "Графік роботи лікарів закладів первинної допомоги", "Перелік медичного обладнання закладів",
      "Кількість декларацій з лікарями первинної ланки", "Програми охорони здоров'я міста",
      "Перелік пунктів щеплення", "Закупівлі лікарських засобів"]),
    ("soc", "Департамент соціальної політики", "soc.xlsx",
     ("Романюк Оксана Валеріївна", "o.romaniuk@lutskrada.gov.ua"),
     ["Реєстр отримувачів соціальних послуг", "Перелік надавачів соціальних послуг",
      "Перелік пільговиків на проїзд", "Соціальні програми міста та обсяги фінансування",
      "Перелік закладів соціального захисту", "Кількість отримувачів житлових субсидій за місяцями",
      "Перелік безбар'єрних об'єктів", "Реєстр осіб з інвалідністю, які потребують житла"]),
    ("mist", "Департамент містобудування, земельних ресурсів та реклами", "mist.xlsx",
     ("Лисенко Роман Андрійович", "r.lysenko@lutskrada.gov.ua"),
     ["Перелік рекламних засобів", "Генеральний план міста", "Детальні плани територій",
      "Містобудівні умови та обмеження", "Перелік земельних ділянок, право оренди яких виставлено на торги",
      "Договори оренди земельних ділянок", "Перелік тимчасових споруд для провадження підприємницької діяльності",
      "Паспорти прив'язки тимчасових споруд", "Нормативна грошова оцінка земель", "Адресний реєстр"]),
    ("kult", "Управління культури", "kult.xlsx",
     ("Кравчук Марія Олександрівна", "m.kravchuk@lutskrada.gov.ua"),
     ["Перелік закладів культури комунальної власності", "Перелік пам'яток культурної спадщини місцевого значення",
      "Календар культурно-мистецьких заходів", "Перелік бібліотек та їх філій", "Перелік мистецьких шкіл",
      "Перелік пам'ятників і меморіальних дошок", "Гранти на культурні проєкти", "Перелік музеїв"]),
    ("cnap", "Департамент «Центр надання адміністративних послуг у місті Луцьку»", "cnap.xlsx",
     ("Шевчук Людмила Богданівна", "l.shevchuk@lutskrada.gov.ua"),
     ["Перелік адміністративних послуг", "Кількість наданих адміністративних послуг за видами",
      "Графік роботи віддалених робочих місць ЦНАП", "Інформаційні картки адміністративних послуг",
      "Середній час очікування в черзі", "Перелік віддалених робочих місць ЦНАП",
      "Звернення щодо якості обслуговування", "Реєстр виданих довідок"]),
    ("varta", "Департамент муніципальної варти", "varta.xlsx",
     ("Оліфіренко Василь Іванович", "v.olifirenko@lutskrada.gov.ua"),
     ["Перелік порушень правил благоустрою", "Протоколи про адміністративні правопорушення",
      "Маршрути патрулювання", "Перелік незаконно розміщених тимчасових споруд",
      "Звернення громадян до муніципальної варти", "Перелік демонтованих рекламних засобів",
      "Рейди з контролю за паркуванням", "Статистика виїздів за зверненнями"]),
    ("kadry", "Відділ кадрової роботи та нагород", "kadry.xlsx",
     ("Павлюк Галина Михайлівна", "h.pavliuk@lutskrada.gov.ua"),
     ["Структура виконавчих органів та штатна чисельність", "Перелік вакантних посад",
      "Результати конкурсів на зайняття посад", "Перелік нагороджених відзнаками міської ради",
      "Плани підвищення кваліфікації посадових осіб", "Кадровий резерв (знеособлений)",
      "Посадові інструкції відповідальних за відкриті дані", "Звіти про кількість працівників"]),
    ("mizh", "Управління міжнародного співробітництва та проектної діяльності", "mizh_inventory_2020.xlsx",
     ("Мазур Катерина Андріївна", "k.mazur@lutskrada.gov.ua"),
     ["Перелік міжнародних проєктів міської ради", "Перелік міст-партнерів Луцька",
      "Перелік грантових програм, до яких подано заявки", "Звіти про виконання міжнародних проєктів",
      "Перелік міжнародних делегацій", "Програма міжнародного співробітництва",
      "Угоди про співробітництво з іноземними містами", "Календар міжнародних заходів"]),
    ("sport", "Управління молоді, фізичної культури та спорту", None,
     ("Дмитрук Ігор Васильович", "i.dmytruk@lutskrada.gov.ua"), []),
    ("kap", "Управління капітального будівництва", None,
     ("Яковлев Сергій Петрович", "s.yakovlev@lutskrada.gov.ua"), []),
]

# Resolution 835 items each body is expected to hold (the ICT office's assignment, shown in feedback)
MANDATORY = {
    "ukt": ["all-06", "all-15", "oms-16", "oms-54"], "fin": ["all-12", "all-13", "oms-02"],
    "eco": ["oms-05", "oms-06", "oms-07", "oms-44"], "zhkg": ["oms-01", "oms-37", "oms-48", "oms-49", "oms-51"],
    "trans": ["oms-09", "oms-10", "oms-19", "oms-36", "oms-38", "oms-39", "oms-56"], "osv": ["oms-25", "oms-26"],
    "ozd": ["oms-11", "oms-23"], "soc": ["oms-15", "oms-29"],
    "mist": ["oms-04", "oms-20", "oms-27", "oms-35", "oms-43"], "cnap": ["oms-21"],
    "varta": ["oms-52"], "kap": ["oms-03", "oms-42"], "sport": ["oms-51"],
}

CATALOGUE = {  # titles that are Resolution 835 items, with the Annex wording
    "Перелік об'єктів комунальної власності": "Перелік об’єктів комунальної власності",
    "Бюджет Луцької міської територіальної громади": "Бюджет відповідної адміністративно-територіальної одиниці",
    "Перелік рекламних засобів": "Перелік розміщених рекламних засобів",
    "Перелік зупинок громадського транспорту": "Перелік зупинок громадського транспорту",
    "Реєстр наборів даних Луцької міської ради":
        "Реєстр наборів даних, що перебувають у володінні розпорядника інформації",
    "Перелік закладів загальної середньої освіти": "Перелік закладів освіти",
    "Генеральний план міста": "Генеральні плани населених пунктів",
    "Перелік громадських вбиралень": "Перелік громадських вбиралень",
}
LEGAL = ["Закон України «Про місцеве самоврядування в Україні»", "Закон України «Про доступ до публічної інформації»",
         "Бюджетний кодекс України", "Постанова КМУ від 21.10.2015 № 835",
         "Закон України «Про регулювання містобудівної діяльності»", "Закон України «Про освіту»",
         "Закон України «Про адміністративні послуги»", "Закон України «Про благоустрій населених пунктів»"]
STORAGE_FORMAT = [("електронна таблиця", "XLSX"), ("інформаційна система", "база даних"), ("реєстр", "CSV"),
                  ("паперові документи", "паперовий"), ("електронна таблиця", "DOCX"), ("інформаційна система", "API")]
FREQUENCIES = ["Щомісяця", "Щокварталу", "Щороку", "Відразу після внесення змін", "Щотижня", "Кожного півріччя"]
KEYWORDS = "Луцьк, міська рада, відкриті дані"


def department_rows(code: str, name: str, n: int, rng: random.Random, titles=None,
                    person=("Коваленко Олена Петрівна", "o.kovalenko@lutskrada.gov.ua")) -> list[dict]:
    """``n`` plausible, valid inventory rows of one department (used by the demo and the bench)."""
    titles = titles or [f"Набір даних {code} № {i}" for i in range(1, n + 1)]
    return [_row(code, name, i, titles[(i - 1) % len(titles)], rng, person) for i in range(1, n + 1)]


def _row(code, name, i, title, rng, person) -> dict:
    storage, fmt = rng.choice(STORAGE_FORMAT)
    updated = date(2019, 1, 1).fromordinal(date(2019, 1, 1).toordinal() + rng.randrange(0, 500))
    personal = "так" if "Реєстр отримувачів" in title or "Протоколи" in title else "ні"
    published = title in CATALOGUE and rng.random() < 0.6
    return inventory_row(
        i, id=f"{code}-{i:03d}", title=title,
        description=f"{title}: відомості, які веде {name[0].lower() + name[1:]}, "
                    "з актуальними даними станом на дату оновлення.",
        department=name, responsible_person=person[0], responsible_email=person[1],
        legal_basis=rng.choice(LEGAL), purpose="Виконання повноважень органу місцевого самоврядування",
        storage=storage, format=fmt, update_frequency=rng.choice(FREQUENCIES),
        last_updated=updated, current_as_of=updated, records=rng.choice([12, 35, 80, 150, 420, 1200, 5600]),
        language="Українська", keywords=KEYWORDS + ", " + title.split()[0].lower(),
        personal_data=personal, access="конфіденційна" if personal == "так" else "відкрита",
        published="так" if published else "ні",
        portal_url=f"https://data.gov.ua/dataset/lutsk-{code}-{i:03d}" if published else None,
        catalogue_ref=CATALOGUE.get(title), requests_per_year=rng.choice([0, 1, 3, 5, 12, 40]),
        notes=None,
    )


# The mistakes planted in the demo: code → [(item index, field, wrong value)].
MISTAKES = {
    "fin": [(2, "responsible_email", "i.kovalchuk.lutskrada.gov.ua"), (4, "update_frequency", "коли потрібно"),
            (6, "legal_basis", None)],
    "ozd": [(1, "last_updated", "31.02.2020"), (3, "published", "так"), (5, "records", "близько 500")],
    "soc": [(1, "access", "відкрита")],  # personal data with open access: a warning only
    "mist": [(1, "published", "так"), (3, "update_frequency", "за потреби"), (7, "last_updated", "01.09.2020")],
    "cnap": [(4, "id", "cnap-002"), (6, "title", "Перелік адміністративних послуг, які надаються через Центр надання "
             "адміністративних послуг у місті Луцьку, віддалені робочі місця, територіальні підрозділи, а також "
             "через Портал Дія та інші електронні сервіси, з інформаційними та технологічними картками, строками "
             "надання і вартістю кожної послуги"), (7, "access", "публічна")],
    "varta": [(2, "records", -15), (5, "storage", "шафа в кабінеті")],
    "kadry": [(1, "current_as_of", date(2020, 9, 1)), (3, "notes", "=HYPERLINK(\"http://example.org\",\"деталі\")"),
              (4, "responsible_person", None)],
}


def plant(code: str, rows: list[dict]) -> list[dict]:
    for index, field, value in MISTAKES.get(code, []):
        rows[index - 1][field] = value
        if field == "published":
            rows[index - 1]["portal_url"] = None
    return rows


def write_xlsx(path: Path, rows: list[dict], title_block: bool = True, as_text_dates: bool = False) -> Path:
    """The demo's .xlsx layout: the year in the title, a blank row after the fifth item (clerks
    leave blank rows), dates as дд.мм.рррр (cells or text), a note starting with '=' typed as text."""
    laid_out = [{k: Text(v) if isinstance(v, str) and v.startswith("=") else v for k, v in r.items()}
                for r in rows]
    if len(laid_out) >= 5:
        laid_out.insert(5, None)
    return write_inventory(path, laid_out, title_block=title_block, as_text_dates=as_text_dates, title=TITLE,
                           date_format="DD.MM.YYYY")


def write_ods(path: Path, rows: list[dict]) -> Path:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="Інвентаризація")
    for cells in [[TITLE], [], TITLES] + [values(r) for r in rows]:
        tr = TableRow()
        for value in cells:
            tr.addElement(_ods_cell(TableCell, P, value))
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


def _ods_cell(TableCell, P, value):
    if value is None:
        return TableCell()
    if isinstance(value, date):
        cell = TableCell(valuetype="date", datevalue=value.isoformat())
        cell.addElement(P(text=value.strftime("%d.%m.%Y")))
        return cell
    if isinstance(value, int):
        cell = TableCell(valuetype="float", value=value)
        cell.addElement(P(text=str(value)))
        return cell
    cell = TableCell(valuetype="string")
    cell.addElement(P(text=str(value)))
    return cell


def write_cp1251_csv(path: Path, rows: list[dict]) -> Path:
    path.write_bytes(csv_text([TITLES] + [values(r) for r in rows], ";").encode("cp1251"))
    return path


def campaign_yaml() -> dict:
    return {
        "campaign": "lutsk-2020", "name": "Аудит даних виконавчих органів Луцької міської ради, 2020",
        "city": "Луцьк", "year": 2020, "as_of": "2020-06-01", "deadline": "2020-05-29",
        # The council the campaign belongs to: carry-over and the clerks' examples come from it only.
        "council": {"name": "Луцька міська рада", "domain": "lutskrada.gov.ua", "organization": "lutska-miska-rada"},
        "contact": {"name": "Управління інформаційно-комунікаційних технологій", "email": "ikt@lutskrada.gov.ua",
                    "phone": "+380 332 77 79 00"},
        # The council's packages on data.gov.ua, as saved by inventories/build_portal_demo.py.
        "portal": {"organization": "lutska-miska-rada", "snapshot": "portal/package_search.json"},
        # Where the data files' coordinates must be: the Lutsk city territorial community (since
        # 2020: the city and its villages), with a margin of about 2 km.
        "community": {"name": "Луцька міська територіальна громада",
                      "bbox": {"lat_min": 50.60, "lat_max": 50.88, "lon_min": 25.10, "lon_max": 25.56}},
        # What residents asked for, as written by inventories/build_demand_demo.py.
        "demand": [{"kind": "econsult", "file": "demand/e-consultations.csv"},
                   {"kind": "info_request", "file": "demand/info-requests.csv"},
                   {"kind": "portal_request", "file": "demand/portal-requests.xlsx"}],
        "departments": [{"code": code, "name": name, "contact": {"person": person[0], "email": person[1]},
                         **({"mandatory": MANDATORY[code]} if code in MANDATORY else {})}
                        for code, name, _, person, _ in DEPARTMENTS],
    }


DEMAND_COMMENT = "# What residents asked for (built by inventories/build_demand_demo.py; layouts in schemas/demand/)."


def build(out: Path = OUT) -> None:
    out.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(campaign_yaml(), allow_unicode=True, sort_keys=False)
    text = text.replace("\ndemand:\n", "\n" + DEMAND_COMMENT + "\ndemand:\n", 1)
    (out / "campaign.yaml").write_text("# The bundled demo campaign (built by inventories/build_demo.py).\n" + text,
                                       encoding="utf-8")
    rng = random.Random(2020)
    for code, name, filename, person, titles in DEPARTMENTS:
        if filename is None:
            continue
        n = len(titles) + rng.randrange(0, 4) if code not in ("zhkg", "fin") else len(titles) * 2
        rows = plant(code, department_rows(code, name, n, rng, titles, person))
        for i, row in enumerate(rows[len(titles):], len(titles) + 1):
            row["title"] = f"{row['title']} (архів {2000 + i})"
        path = out / filename
        if filename.endswith(".ods"):
            write_ods(path, rows)
        elif filename.endswith(".csv"):
            write_cp1251_csv(path, rows)
        else:
            write_xlsx(path, rows, as_text_dates=code in ("eco", "kadry"))


if __name__ == "__main__":
    build()
    print(f"demo campaign written to {OUT}")
