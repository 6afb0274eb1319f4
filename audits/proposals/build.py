"""Everything the ranking needs, as plain data from the campaign's result: the register items,
their quality, whether the portal has them, their Resolution 835 item and the demand matched
to them."""
from __future__ import annotations

from dataclasses import replace

from ..catalogue.catalogue import load_catalogue
from ..interned import interned
from .candidate import Candidate, Demand
from .config import ProposalConfig, load_proposal_config
from .demand.match import SignalMatch, demand_by_item
from .demand.read import Signal
from .rank import Ranking, rank


def candidates(register: list[dict], scores, on_portal: dict | None, linked: dict, matches,
               config: ProposalConfig) -> list[Candidate]:
    """``scores``: the register's QualityScore, row for row; ``on_portal``: (department, row) →
    package link from a snapshot (None: no snapshot, the inventory's word is taken);
    ``linked``: (department, row) → Resolution 835 item id; ``matches``: SignalMatch."""
    titles = {item.id: item.title for item in load_catalogue("council")}
    demand = demand_by_item(matches, int(config.components["demand"]["per_requester"]))
    found = []
    for row, score in zip(register, scores):
        at = (row["department_code"], row["row"])
        published = at in on_portal if on_portal is not None else bool(row.get("published"))
        wanted = interned(replace(demand.get(at, Demand()), estimate=int(row.get("requests_per_year") or 0)))
        found.append(Candidate(row, score.percent, score.timeliness.state, wanted, linked.get(at),
                               titles.get(linked.get(at)), published))
    return found


def stored_matches(rows: list[dict]) -> list[SignalMatch]:
    """Demand matches as the store keeps them (audits.store.state) → SignalMatch."""
    return [SignalMatch(Signal(r["kind"], r["signal_id"], r["row"], r["text"], r["weight"], r["date"],
                               r["named_department"], r["requester"], r["file"]),
                        r["department"], r["item_row"], r["item_id"], r["score"]) for r in rows]


def ranking_of(register: list[dict], scores, on_portal: dict | None, linked: dict, matches,
               screened: dict, config: ProposalConfig | None = None) -> Ranking:
    """``screened``: (department, item id) → reason, for items the privacy screen set aside."""
    config = config or load_proposal_config()
    return rank(candidates(register, scores, on_portal, linked, matches, config), config, screened)
