"""Everything the ranking needs, read from the register: the items, their quality, whether the
portal has them, their Resolution 835 item and the demand matched to them."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from ..campaign.status import register_rows
from ..catalogue.catalogue import load_catalogue
from ..portal.current import current_portal
from ..portal.monitor import portal_facts
from ..quality.collect import inventory_scores
from ..store.proposals import demand_signals
from ..store.repository import coverage_links
from .candidate import Candidate, Demand
from .config import ProposalConfig, load_proposal_config
from .demand.match import SignalMatch, demand_by_item
from .demand.read import Signal
from .rank import Ranking, rank


def candidates(session, campaign, as_of: date, config: ProposalConfig | None = None) -> list[Candidate]:
    config = config or load_proposal_config()
    register = register_rows(session, campaign)
    portal = current_portal(session, campaign, register)
    on_portal = portal_facts(portal).by_row if portal else None
    linked = {(link.department, link.row): link.catalogue_id for link in coverage_links(session, campaign)}
    titles = {item.id: item.title for item in load_catalogue("council")}
    demand = demand_by_item(stored_matches(demand_signals(session, campaign)),
                            int(config.components["demand"]["per_requester"]))
    found = []
    for row, score in zip(register, inventory_scores(register, as_of)):
        at = (row["department_code"], row["row"])
        published = at in on_portal if on_portal is not None else bool(row.get("published"))
        wanted = replace(demand.get(at, Demand()), estimate=int(row.get("requests_per_year") or 0))
        found.append(Candidate(row, score.percent, score.timeliness.state, wanted, linked.get(at),
                               titles.get(linked.get(at)), published))
    return found


def stored_matches(rows) -> list[SignalMatch]:
    return [SignalMatch(Signal(r.kind, r.signal_id, r.row, r.text, r.weight, r.date, r.named_department,
                               r.requester, r.file), r.department, r.item_row, r.item_id, r.score) for r in rows]


def screened_items(session, campaign) -> dict[tuple[str, str], str]:
    """(department, item id) → reason, for items whose data file the privacy screen flagged
    and no reviewer has cleared (audits.data.store)."""
    from ..data.store import blocked_items, split_item_key

    return {split_item_key(key): reason for key, reason in blocked_items(session, campaign.id).items()}


def ranking_for(session, campaign, as_of: date, screened: dict | None = None,
                config: ProposalConfig | None = None) -> Ranking:
    """``screened``: (department, item id) → reason; by default the stored privacy screen."""
    config = config or load_proposal_config()
    screened = screened_items(session, campaign) if screened is None else screened
    return rank(candidates(session, campaign, as_of, config), config, screened)
