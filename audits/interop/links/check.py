"""One link check of a campaign, as plain data: the targets, the answers (today's stored ones
reused), the accessibility scores and the findings about links that were not tried."""
from __future__ import annotations

from dataclasses import dataclass, field

from ...findings import Finding
from ...settings import get
from ..gc_pause import frozen_heap
from .fetch import Limits, LinkResult, check_urls
from .guard import BAD_URL, NOT_WEB, PRIVATE
from .score import LinkScore, score_links
from .targets import PORTAL, Target, targets_of

NOT_TRIED = (PRIVATE, NOT_WEB, BAD_URL)


@dataclass
class LinkReport:
    targets: list[Target]
    results: dict[str, LinkResult]
    scores: list[LinkScore]
    findings: list[Finding] = field(default_factory=list)
    fetched: int = 0          # tried now (the rest came from today's stored answers)

    @property
    def broken(self) -> list[tuple[Target, LinkResult]]:
        return [(t, self.results[t.url]) for t in self.targets if not self.results[t.url].ok]

    def summary(self) -> dict:
        ok = len([u for u, r in self.results.items() if r.ok])
        return {"links": len(self.targets), "urls": len(self.results), "ok": ok, "broken": len(self.results) - ok,
                "fetched": self.fetched, "cached": len(self.results) - self.fetched, "datasets": len(self.scores),
                "not_tried": len(self.findings)}


def limits_from_settings(**changes) -> Limits:
    base = Limits(timeout_s=float(get("links_timeout_s")), max_bytes=int(get("links_max_bytes")),
                  per_host=int(get("links_per_host")), allow_private=bool(int(get("links_allow_private"))))
    return Limits(**{**base.__dict__, **changes})


def run_check(register: list[dict], packages: list[dict], cached: dict[str, dict], limits: Limits,  # noqa: PLR0913
              transport=None, portal: str = PORTAL) -> LinkReport:
    """``cached``: today's stored answers (url → LinkResult fields); the rest is fetched."""
    targets = targets_of(register, packages, portal)
    urls = list(dict.fromkeys(t.url for t in targets))
    results = {u: LinkResult(u, **cached[u]) for u in urls if u in cached}
    with frozen_heap():
        fresh = check_urls([u for u in urls if u not in results], limits, transport)
    results.update(fresh)
    return LinkReport(targets, results, score_links(targets, results, limits), not_tried(targets, results),
                      len(fresh))


def not_tried(targets: list[Target], results: dict[str, LinkResult]) -> list[Finding]:
    return [_finding(t) for t in targets if results[t.url].error in NOT_TRIED]


def _finding(t: Target) -> Finding:
    department, row = None, None
    if t.kind == "portal-link":        # a register row: "<department>:<row>"
        department, _, number = t.key.partition(":")
        row = int(number) if number.isdigit() else None
    return Finding.of("link-not-checked", {"value": t.url, "title": t.title}, department=department, row=row,
                      field="portal_url" if t.kind == "portal-link" else None, value=t.url)
