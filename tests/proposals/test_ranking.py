"""The public-interest score on hand-made candidates: components add up, demand is damped,
blockers take items out with the reason, gaps come first, ties are deterministic."""
from __future__ import annotations

import math

from audits.proposals.candidate import Candidate, Demand
from audits.proposals.components import COMPONENTS
from audits.proposals.components.base import plural
from audits.proposals.config import load_proposal_config
from audits.proposals.demand.match import SignalMatch, demand_by_item
from audits.proposals.demand.read import Signal
from audits.proposals.rank import rank

CONFIG = load_proposal_config()


def item(n: int, dept: str = "trans", **changes) -> dict:
    row = {"department_code": dept, "department_name": "Департамент", "row": 4 + n, "id": f"{dept}-{n:03d}",
           "title": f"Перелік об'єктів № {n}", "description": "", "keywords": "", "notes": None,
           "format": "CSV", "storage": "реєстр", "personal_data": False, "access": "відкрита",
           "published": False, "records": 100, "update_frequency": "Щомісяця", "responsible_person": "Іваненко І. І."}
    return {**row, **changes}


NO_DEMAND = Demand()


def candidate(n: int, dept: str = "trans", demand: Demand = NO_DEMAND, catalogue: str | None = None,
              published: bool = False, quality: float | None = 80.0, timeliness: str = "on-time",
              **changes) -> Candidate:
    return Candidate(item(n, dept, **changes), quality, timeliness, demand, catalogue, None, published)


def test_components_add_up_to_the_score_and_effort_is_a_penalty():
    ranking = rank([candidate(1, format="паперовий", storage="паперові документи", title="Тарифи на проїзд",
                              demand=Demand(votes=10))])
    p = ranking.proposals[0]
    assert list(p.points) == [m.NAME for m in COMPONENTS]
    assert p.points["effort"] == -10 and p.points["readiness"] == 0
    assert p.points["theme"] == 20.0          # «проїзд»: transport and mobility, full share
    assert p.score == round(sum(p.points.values()), 2)


def test_demand_is_damped_and_capped():
    def demand_points(**counts) -> float:
        return rank([candidate(1, demand=Demand(**counts))]).proposals[0].points["demand"]

    settings = CONFIG.components["demand"]
    assert demand_points() == 0
    assert demand_points(votes=10) == round(settings["max"] * math.log1p(10) / math.log1p(settings["saturation"]), 2)
    assert demand_points(votes=100) < 2 * demand_points(votes=10)      # ten times the votes, not ten times the points
    assert demand_points(votes=100_000) == settings["max"]                 # capped


def test_one_loud_requester_counts_once():
    signals = [Signal("info_request", f"Z-{i}", i, "Тарифи на проїзд", requester="R-7") for i in range(8)]
    signals.append(Signal("info_request", "Z-9", 9, "Тарифи на проїзд", requester="R-8"))
    signals.append(Signal("econsult", "E-1", 2, "Тарифи", weight=40))
    matches = [SignalMatch(s, "trans", 5, "trans-001", 100.0) for s in signals]
    demand = demand_by_item(matches, per_requester=1)[("trans", 5)]
    assert (demand.info_requests, demand.votes, len(demand.signals)) == (2, 40, 3)


def test_blockers_take_items_out_with_the_reason():
    ranking = rank([candidate(1, access="службова"),
                    candidate(2, personal_data=True),
                    candidate(3, personal_data=True, notes="Буде знеособлено: лише вік і район"),
                    candidate(4)])
    assert [(c.item_id, r.split(" ")[0]) for c, r in ranking.blocked] == [("trans-001", "обмежений"),
                                                                           ("trans-002", "містить")]
    assert [p.candidate.item_id for p in ranking.proposals] == ["trans-004", "trans-003"]
    assert ranking.proposals[1].points["effort"] == -CONFIG.components["effort"]["personal_data"]


def test_privacy_screen_blocks_too():
    ranking = rank([candidate(1), candidate(2)], screened={("trans", "trans-002"): "у файлі знайдено РНОКПП"})
    assert [(c.item_id, r) for c, r in ranking.blocked] == [("trans-002", "у файлі знайдено РНОКПП")]


def test_compliance_gaps_come_first_and_a_published_item_covers_its_catalogue_entry():
    ranking = rank([candidate(1, demand=Demand(votes=500)),
                    candidate(2, catalogue="oms-56", quality=10.0),
                    candidate(3, catalogue="oms-01"), candidate(4, catalogue="oms-01", published=True)])
    assert [(p.kind, p.rank, p.candidate.item_id) for p in ranking.rows] == [
        ("gap", 1, "trans-002"), ("proposal", 1, "trans-001"), ("proposal", 2, "trans-003")]
    assert ranking.rows[0].justification.startswith("Обов'язковий набір за постановою № 835 (пункт oms-56")


def test_ties_are_broken_deterministically():
    same = [candidate(2, "zhkg"), candidate(1, "zhkg"), candidate(1, "eco"),
            candidate(3, "eco", demand=Demand(votes=1))]
    order = [p.candidate.item_id for p in rank(same).proposals]
    assert order == ["eco-003", "eco-001", "zhkg-001", "zhkg-002"]
    assert order == [p.candidate.item_id for p in rank(list(reversed(same))).proposals]


def test_justification_speaks_ukrainian_with_agreeing_numbers():
    p = rank([candidate(1, title="Перелік зарядних станцій", format="DOCX",
                        demand=Demand(votes=21, info_requests=3, estimate=5))]).proposals[0]
    assert p.justification == (
        f"Пропозиція з балом {p.score:g}: попит: 21 голос на е-консультаціях, 3 запити на публічну інформацію, "
        "орган оцінює 5 запитів на рік; тема «транспорт і мобільність» (категорія високої цінності ЄС "
        "«мобільність»); поточний формат DOCX; якість опису 80%; оновлення: вчасно; "
        "треба перетворити DOCX на таблицю.")
    assert [plural(n, "запит", "запити", "запитів") for n in (1, 2, 5, 11, 12, 21, 22, 25)] == [
        "1 запит", "2 запити", "5 запитів", "11 запитів", "12 запитів", "21 запит", "22 запити", "25 запитів"]


def test_the_weights_used_are_stated():
    weights = rank([]).weights
    assert weights["file"] == "config/proposals.yaml"
    assert set(weights["components"]) == {m.NAME for m in COMPONENTS}
    assert weights["themes"]["transport"]["hvd"] == "мобільність"
