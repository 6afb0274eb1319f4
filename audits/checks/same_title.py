"""The same dataset title declared by two departments (a warning on both sides)."""
from __future__ import annotations

import re
from collections import defaultdict

from ..inventory.schema import fold


def _key(title: str) -> str:
    return re.sub(r"[«»\"“”„'.]", "", fold(title)).strip()


def check(inspections, names: dict[str, str] | None = None):
    """``inspections``: the current Inspection of each department (see audits.validate);
    ``names``: department code → the name shown in the message."""
    names = names or {}
    declared = defaultdict(list)   # title key → [(inspection, row)]
    for insp in inspections:
        if insp.department and insp.context:
            for row in insp.rows:
                if row.values.get("title"):
                    declared[_key(row.values["title"])].append((insp, row))
    for entries in declared.values():
        departments = {insp.department for insp, _ in entries}
        if len(departments) < 2:
            continue
        for insp, row in entries:
            others = ", ".join(sorted(names.get(d, d) for d in departments - {insp.department}))
            yield insp.context.finding("same-title-other-department", row.number, "title",
                                       row.values["title"], other=others)
