"""The card's rows, built from plain data. The five criteria follow the public description of the
procedure and its methodology (data.gov.ua «Порядок щорічної оцінки…», the 2019 assessment's
methodology): the open-data policy, publication of the datasets the list requires, their
compliance with the requirements (quality), their updating, and their use and the dialogue with
users. The official card form (a DOCX on data.gov.ua) is the authority on the exact wording: a
person checks the card against it before sending."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ...messages import plural

ODAUDIT, PERSON = "odaudit", "людина"
POLICY, PUBLICATION, COMPLIANCE, UPDATING, USE = (
    "1. Впровадження політики відкритих даних", "2. Оприлюднення наборів даних",
    "3. Відповідність оприлюднених наборів вимогам", "4. Оновлення наборів даних",
    "5. Використання відкритих даних і взаємодія з користувачами")


@dataclass(frozen=True)
class Row:
    criterion: str
    indicator: str
    value: str                    # the figure, or "" where a person fills it
    source: str                   # where the figure comes from (file, campaign, snapshot, date)
    filled_by: str                # ODAUDIT or PERSON


@dataclass
class Card:
    holder: str
    campaign: str
    year: int | None
    as_of: date
    rows: list[Row] = field(default_factory=list)

    @property
    def filled(self) -> list[Row]:
        return [r for r in self.rows if r.filled_by == ODAUDIT]

    @property
    def for_person(self) -> list[Row]:
        return [r for r in self.rows if r.filled_by == PERSON]


@dataclass(frozen=True)
class Sources:
    """What the card is built from, as plain data."""
    campaign: str                 # slug
    campaign_name: str
    holder: str
    year: int | None
    as_of: date
    register: list[dict]
    coverage: dict                # audits.catalogue.coverage.totals
    inventory_scores: list
    portal_scores: list
    snapshot: str | None = None   # "знімок № 3 від 01.06.2020 (lutska-miska-rada, <source>)"
    not_on_portal: int = 0


def build_card(s: Sources) -> Card:
    card = Card(s.holder, s.campaign, s.year, s.as_of)
    card.rows = policy_rows(s) + publication_rows(s) + compliance_rows(s) + updating_rows(s) + use_rows(s)
    return card


def _register_source(s: Sources) -> str:
    return (f"реєстр кампанії {s.campaign} станом на {s.as_of:%d.%m.%Y} "
            f"({plural(len(s.register), 'позиція', 'позиції', 'позицій')}; register.csv)")


def policy_rows(s: Sources) -> list[Row]:
    with_contact = [r for r in s.register if r.get("responsible_person") and r.get("responsible_email")]
    departments = {r["department_code"] for r in s.register}
    return [
        Row(POLICY, "Розпорядчий документ про визначення відповідальних осіб за оприлюднення наборів даних "
                    "(реквізити, посилання на оприлюднення)", "", "документ ради", PERSON),
        Row(POLICY, "План дій з реалізації політики відкритих даних (реквізити рішення)", "", "документ ради",
            PERSON),
        Row(POLICY, "Перелік (реєстр) наборів даних розпорядника: позицій / виконавчих органів, що його подали",
            f"{len(s.register)} / {len(departments)}", _register_source(s), ODAUDIT),
        Row(POLICY, "Позицій реєстру з відповідальною особою та її електронною поштою",
            f"{len(with_contact)} з {len(s.register)}", _register_source(s), ODAUDIT),
    ]


def publication_rows(s: Sources) -> list[Row]:
    c = s.coverage
    source = (f"покриття постанови № 835 (coverage.csv): реєстр кампанії {s.campaign} і "
              f"{s.snapshot or 'без знімка порталу'}")
    published = [r for r in s.register if r.get("published")]
    rows = [
        Row(PUBLICATION, "Наборів, які розпорядник має оприлюднити за переліком (постанова № 835)", str(c["items"]),
            "schemas/catalogue/resolution-835.csv: блоки «Усі розпорядники» та «Органи місцевого самоврядування»",
            ODAUDIT),
        Row(PUBLICATION, "З них оприлюднено на Єдиному державному вебпорталі відкритих даних",
            f"{c['published']} ({_share(c['published'], c['items'])})", source, ODAUDIT),
        Row(PUBLICATION, "З них є в розпорядника, але не оприлюднено", str(c["held"]), source, ODAUDIT),
        Row(PUBLICATION, "З них не знайдено ні в реєстрі, ні на порталі", str(c["not-found"]), source, ODAUDIT),
        Row(PUBLICATION, "Позицій реєстру, позначених оприлюдненими", str(len(published)), _register_source(s),
            ODAUDIT),
    ]
    if s.snapshot:
        rows += [Row(PUBLICATION, "Наборів розпорядника на порталі", str(len(s.portal_scores)), s.snapshot, ODAUDIT),
                 Row(PUBLICATION, "Позначено оприлюдненими, але на порталі немає (not-on-portal)",
                     str(s.not_on_portal), s.snapshot, ODAUDIT)]
    return rows


def compliance_rows(s: Sources) -> list[Row]:
    scores = s.portal_scores or s.inventory_scores
    what = s.snapshot if s.portal_scores else _register_source(s)
    source = f"показники якості (config/quality.yaml; quality.csv): {what}"

    def having(name: str) -> str:
        applies = [x for x in scores for i in x.indicators if i.name == name and i.applies]
        full = [x for x in applies for i in x.indicators if i.name == name and i.earned == i.possible]
        return f"{len(full)} з {len(applies)}"

    percents = [x.percent for x in scores if x.percent is not None]
    mean = f"{sum(percents) / len(percents):.1f}" if percents else "—"
    return [
        Row(COMPLIANCE, "Середній бал якості наборів, %", mean, source, ODAUDIT),
        Row(COMPLIANCE, "Наборів з повним паспортом (елементи паспорта за Положенням)", having("metadata"), source,
            ODAUDIT),
        Row(COMPLIANCE, "Наборів у машинозчитуваному форматі", having("machine_readable"), source, ODAUDIT),
        Row(COMPLIANCE, "Наборів у відкритому (непропрієтарному) форматі", having("non_proprietary"), source,
            ODAUDIT),
        Row(COMPLIANCE, "Наборів з відкритою ліцензією", having("licence"), source, ODAUDIT),
        Row(COMPLIANCE, "Структура наборів відповідає затвердженим стандартам (національні структури даних)", "",
            "перевірка файлів даних (odaudit data check) там, де вона проводилась; решта — людина", PERSON),
    ]


def updating_rows(s: Sources) -> list[Row]:
    scores = s.portal_scores or s.inventory_scores
    what = s.snapshot if s.portal_scores else _register_source(s)
    source = f"своєчасність (config/quality.yaml, періоди за частотою): {what}"
    count = lambda state: sum(x.timeliness.state == state for x in scores)  # noqa: E731
    return [
        Row(UPDATING, "Наборів, оновлених вчасно (за заявленою частотою)", f"{count('on-time')} з {len(scores)}",
            source, ODAUDIT),
        Row(UPDATING, "Наборів із запізненням оновлення", str(count("late")), source, ODAUDIT),
        Row(UPDATING, "Наборів без частоти або дати оновлення", str(count("unknown")), source, ODAUDIT),
        Row(UPDATING, "Наборів, що оновлюються після внесення змін / більше не оновлюються",
            f"{count('on-change')} / {count('no-longer-updated')}", source, ODAUDIT),
    ]


def use_rows(s: Sources) -> list[Row]:
    requests = sum(int(r.get("requests_per_year") or 0) for r in s.register)
    return [
        Row(USE, "Запитів на інформацію на рік щодо наборів реєстру (за оцінкою органів)", str(requests),
            _register_source(s) + ": колонка «Запитів на рік»", ODAUDIT),
        Row(USE, "Зворотний зв'язок з користувачами (канали, звернення щодо відкритих даних)", "",
            "дані ради", PERSON),
        Row(USE, "Приклади використання відкритих даних (сервіси, аналітика, журналістика)", "", "дані ради",
            PERSON),
        Row(USE, "Заходи із залучення користувачів і навчання працівників", "", "дані ради", PERSON),
    ]


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "—"
