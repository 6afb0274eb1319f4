"""One register item as the prioritisation sees it: its row, its quality, the demand for it,
and whether it is mandatory under Resolution 835 or already on the portal."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Demand:
    """Signals matched to one item, counted per kind (requests once per requester)."""
    votes: int = 0
    info_requests: int = 0
    portal_requests: int = 0
    estimate: int = 0           # the department's own "requests per year"
    signals: tuple[str, ...] = ()   # ids of the signals, for the report


@dataclass(frozen=True, slots=True)
class Candidate:
    row: dict                   # the register row (department_code, row, id, title, …)
    quality: float | None = None        # the item's quality score, %
    timeliness: str | None = None       # its timeliness state
    demand: Demand = field(default_factory=Demand)
    catalogue_id: str | None = None     # the Resolution 835 item it is linked to
    catalogue_title: str | None = None
    published: bool = False             # on the portal (or declared so, when no snapshot)

    @property
    def item_id(self) -> str:
        return str(self.row.get("id") or f"{self.row['department_code']}-r{self.row['row']}")

    @property
    def department(self) -> str:
        return self.row["department_code"]

    @property
    def title(self) -> str:
        return str(self.row.get("title") or "")

    def text(self, *fields: str) -> str:
        return " ".join(str(self.row.get(f) or "") for f in fields).casefold()
