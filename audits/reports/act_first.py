"""What each department must do first, for the ICT office: send its file, or fix its errors
(the first few named); most errors first, those who sent nothing last. status.html and the web
app's dashboard show the same list."""
from __future__ import annotations

SHOWN = 3
SEND, FIX = "надіслати заповнений перелік", "виправити помилки і надіслати ще раз"


def act_first(departments: list[dict], errors: dict[str, list]) -> list[dict]:
    """``departments``: summary.json's; ``errors``: department code → its error findings, in order."""
    rows = []
    for d in departments:
        own = errors.get(d["code"], [])
        if d["status"] == "missing":
            rows.append({**_short(d), "action": SEND, "findings": [], "more": 0})
        elif d["errors"]:
            rows.append({**_short(d), "action": FIX, "findings": own[:SHOWN], "more": max(0, len(own) - SHOWN)})
    return sorted(rows, key=lambda r: (r["status"] == "missing", -r["errors"], r["code"]))


def _short(d: dict) -> dict:
    return {k: d.get(k) for k in ("code", "name", "status", "errors", "warnings", "file")}


def state_parts(totals: dict) -> list[tuple[str, str, int]]:
    """The departments by state, as a stacked bar takes them."""
    return [("accepted", "прийнято", totals["accepted"]), ("invalid", "потребує виправлень", totals["invalid"]),
            ("missing", "не надіслано", totals["missing"])]


def coverage_parts(coverage: dict) -> list[tuple[str, str, int]]:
    return [("published", "оприлюднено", coverage.get("published", 0)),
            ("held", "є в переліках, не оприлюднено", coverage.get("held", 0)),
            ("not-found", "не знайдено", coverage.get("not-found", 0))]
