"""A department's files as versions: each one received, its date, its errors and warnings, and
what changed since the one before (errors fixed, new errors). Plain records in, plain data out.

Two findings are "the same" when their code, field (or column) and row are: a fixed value
removes its error, the same mistake left in place keeps it. When a version's findings are not
loaded, only its counts are known and ``fixed``/``new`` are None."""
from __future__ import annotations

from ..findings import Finding
from ..messages import plural
from ..store.records import SubmissionRecord

ERRORS = ("помилка", "помилки", "помилок")
WERE = ("помилку", "помилки", "помилок")
VERSION = "версія {version} від {day}"
FIRST = "{head}: {errors}"
LATER = "{head}: було {was}, тепер {errors}"
CHANGES = "виправлено {fixed}, нових {new}"


def versions(subs: list[SubmissionRecord], department: str) -> list[dict]:
    """Every file of ``department`` in the order received, numbered from 1."""
    own = [s for s in subs if s.department == department]
    found, before = [], None
    for n, s in enumerate(own, 1):
        fixed, new = _changes(before, s)
        found.append({"version": n, "received_at": s.received_at.isoformat(timespec="seconds"), "file": s.filename,
                      "errors": s.errors, "warnings": s.warnings, "accepted": s.valid, "current": s.is_current,
                      "previous_errors": before.errors if before else None,
                      "previous_received_at": before.received_at.isoformat(timespec="seconds") if before else None,
                      "fixed": fixed, "new": new})
        before = s
    return found


def _changes(before: SubmissionRecord | None, now: SubmissionRecord) -> tuple[int | None, int | None]:
    if before is None or before.findings is None or now.findings is None:
        return None, None
    was, is_ = _errors(before.findings), _errors(now.findings)
    return len(was - is_), len(is_ - was)


def _errors(findings: list[Finding]) -> set[tuple]:
    return {(f.code, f.field or f.column, f.row) for f in findings if f.is_error}


def current_version(subs: list[SubmissionRecord], department: str) -> dict | None:
    """The version of the department's current file, with what it fixed (None: nothing received)."""
    found = [v for v in versions(subs, department) if v["current"]]
    return found[-1] if found else None


def label(version: dict) -> str:
    """«версія 2 від 12.06.2020: було 10 помилок, тепер 0» (the first: «версія 1 від …: 3 помилки»)."""
    head = VERSION.format(version=version["version"], day=_dmy(version["received_at"]))
    if version["previous_errors"] is None:
        return FIRST.format(head=head, errors=plural(version["errors"], *ERRORS))
    return LATER.format(head=head, was=plural(version["previous_errors"], *WERE), errors=version["errors"])


def changes_text(version: dict) -> str:
    """«виправлено 4 помилки, нових 0» (empty when not known)."""
    if version["fixed"] is None:
        return ""
    return CHANGES.format(fixed=plural(version["fixed"], *WERE), new=version["new"])


def _dmy(iso: str) -> str:
    return f"{iso[8:10]}.{iso[5:7]}.{iso[:4]}"
