"""Match demand signals to register items with the catalogue matcher (one matcher), and count
the demand for each item: votes, requests once per requester, portal requests."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ...catalogue import matcher
from ...catalogue.normalize import key
from ...inventory.schema import fold
from ..candidate import Demand
from .read import Signal


@dataclass(frozen=True)
class SignalMatch:
    signal: Signal
    department: str | None     # the matched item's department
    row: int | None            # the matched item's row
    item_id: str | None
    score: float


def match_signals(signals: list[Signal], register: list[dict]) -> list[SignalMatch]:
    """A signal that names a department is matched among that department's items only."""
    keys = [key(r.get("title") or "") for r in register]
    groups = defaultdict(list)
    for s in signals:
        groups[_department(s.department, register)].append(s)
    found = []
    for dept, group in groups.items():
        pool = [i for i, r in enumerate(register) if dept is None or r["department_code"] == dept]
        picks = matcher.best([key(s.text) for s in group], [keys[i] for i in pool], within="query")
        for s, (i, score) in zip(group, picks):
            r = register[pool[i]] if i is not None else None
            found.append(SignalMatch(s, r and r["department_code"], r and r["row"], r and r.get("id"), round(score, 1)))
    return sorted(found, key=lambda m: (m.signal.kind, m.signal.row))


def _department(named: str | None, register: list[dict]) -> str | None:
    """A department code or name as the file gives it → the code (None: not named or unknown)."""
    if not named:
        return None
    wanted = fold(named)
    for r in register:
        if wanted in (fold(r["department_code"]), fold(r.get("department_name") or "")):
            return r["department_code"]
    return None


def demand_by_item(matches, per_requester: int = 1) -> dict[tuple[str, int], Demand]:
    """(department, row) → Demand. ``matches``: SignalMatch or stored rows with the same fields."""
    votes, info, portal, ids = defaultdict(int), defaultdict(int), defaultdict(int), defaultdict(list)
    seen = defaultdict(int)
    for m in matches:
        if m.row is None:
            continue
        at, s = (m.department, m.row), m.signal
        if s.kind == "econsult":
            votes[at] += s.weight
        elif s.kind == "portal_request":
            portal[at] += s.weight
        else:
            who = (at, s.requester or f"#{s.signal_id}")
            seen[who] += 1
            if seen[who] > per_requester:
                continue
            info[at] += 1
        ids[at].append(s.signal_id)
    return {at: Demand(votes[at], info[at], portal[at], 0, tuple(ids[at])) for at in ids}
