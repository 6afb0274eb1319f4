"""Score, separate and rank: compliance gaps first (a legal duty, not a proposal), then the
proposals, each list by score (public interest), with blocked items set aside with their reason."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache

from ..interned import interned
from .blockers import reason
from .candidate import Candidate
from .components import COMPONENTS
from .components.base import Component
from .config import ProposalConfig, load_proposal_config

GAP, PROPOSAL = "gap", "proposal"
KIND_LABELS = {GAP: "обов'язковий (постанова № 835)", PROPOSAL: "пропозиція"}


@dataclass(frozen=True, slots=True)
class Proposal:
    kind: str                      # 'gap' or 'proposal'
    rank: int
    candidate: Candidate
    components: tuple[Component, ...]

    @property
    def score(self) -> float:
        return round(sum(c.points for c in self.components), 2)

    @property
    def points(self) -> dict[str, float]:
        """Component name → points (one dict for every proposal with the same components: read only)."""
        return _points(self.components)

    @property
    def justification(self) -> str:
        return _justification(self.kind, self.score, self.components, self.candidate.catalogue_id,
                              self.candidate.catalogue_title)

    @property
    def fingerprint(self) -> str:
        """What the working group saw: a change of any of it after export voids the row's decision."""
        shown = [self.kind, self.candidate.department, self.candidate.item_id, self.candidate.title,
                 self.score, self.points]
        return hashlib.sha256(json.dumps(shown, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict:
        c = self.candidate
        return {"rank": self.rank, "kind": self.kind, "item_id": c.item_id, "title": c.title,
                "department": c.department, "department_name": c.row.get("department_name"),
                "score": self.score, "components": self.points, "justification": self.justification,
                "catalogue_id": c.catalogue_id, "update_frequency": c.row.get("update_frequency"),
                "responsible_person": c.row.get("responsible_person"), "fingerprint": self.fingerprint}


@dataclass
class Ranking:
    compliance_gaps: list[Proposal] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)
    blocked: list[tuple[Candidate, str]] = field(default_factory=list)
    weights: dict = field(default_factory=dict)

    @property
    def rows(self) -> list[Proposal]:
        return self.compliance_gaps + self.proposals

    def to_dict(self) -> dict:
        return {"compliance_gaps": [p.to_dict() for p in self.compliance_gaps],
                "proposals": [p.to_dict() for p in self.proposals],
                "blocked": [{"item_id": c.item_id, "title": c.title, "department": c.department, "reason": r,
                             "catalogue_id": c.catalogue_id} for c, r in self.blocked],
                "weights": self.weights}


def components(c: Candidate, config: ProposalConfig) -> tuple[Component, ...]:
    return interned(tuple(interned(module.score(c, config)) for module in COMPONENTS))


def order(p: Proposal) -> tuple:
    """Deterministic: score, then demand, then department code, then item id."""
    return (-p.score, -p.points.get("demand", 0.0), p.candidate.department, p.candidate.item_id)


def rank(candidates: list[Candidate], config: ProposalConfig | None = None,
         screened: dict | None = None) -> Ranking:
    config = config or load_proposal_config()
    result = Ranking(weights=config.weights())
    gaps, proposals = [], []
    covered = {c.catalogue_id for c in candidates if c.published and c.catalogue_id}
    for c in candidates:
        if c.published:
            continue
        why = reason(c, config, screened)
        if why:
            result.blocked.append((c, why))
            continue
        gap = bool(c.catalogue_id) and c.catalogue_id not in covered   # another item may already publish it
        scored = Proposal(GAP if gap else PROPOSAL, 0, c, components(c, config))
        (gaps if gap else proposals).append(scored)
    gaps.sort(key=order)                       # gaps are ranked like proposals: the rank follows the score
    proposals.sort(key=order)
    result.compliance_gaps = [Proposal(p.kind, i, p.candidate, p.components) for i, p in enumerate(gaps, 1)]
    result.proposals = [Proposal(p.kind, i, p.candidate, p.components) for i, p in enumerate(proposals, 1)]
    result.blocked.sort(key=lambda b: (b[0].department, b[0].item_id))
    return result


@lru_cache(maxsize=8192)
def _points(components: tuple[Component, ...]) -> dict[str, float]:
    return {c.name: c.points for c in components}


@lru_cache(maxsize=8192)      # proposals with the same components share one text
def _justification(kind: str, score: float, components: tuple[Component, ...], catalogue_id: str | None,
                   catalogue_title: str | None) -> str:
    notes = [x.note for x in components if x.note and (x.points or x.name in ("readiness", "effort"))]
    if kind == GAP:
        head = (f"Обов'язковий набір за постановою № 835 (пункт {catalogue_id}"
                + (f" «{_short(catalogue_title)}»" if catalogue_title else "")
                + "): орган його має, але не оприлюднив")
    else:
        head = f"Пропозиція з балом {score:g}"
    return head + (": " + "; ".join(notes) if notes else "") + "."


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"
