"""The layout of proposals.xlsx, shared by the export and the import of decisions: which
columns the working group fills, and which it must leave as exported."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .components import COMPONENTS
from .rank import KIND_LABELS

SHEET = "Пропозиції"
META_SHEET = "_odaudit"          # hidden: campaign, export id, what each row was
DECISIONS = ("схвалити", "відхилити", "відкласти")
APPROVE = "схвалити"


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    width: int
    editable: bool = False


COLUMNS = (       # widths: all the columns on one A4 landscape page width (audits/reports/print_setup.py)
    Column("position", "№", 4), Column("kind_label", "Тип", 13), Column("rank", "Місце", 6),
    Column("item_id", "Ідентифікатор", 10), Column("title", "Набір даних", 30), Column("department", "Орган", 7),
    Column("score", "Бал", 6),
    *(Column(f"c_{m.NAME}", m.LABEL, 6) for m in COMPONENTS),
    Column("justification", "Обґрунтування", 44), Column("catalogue_id", "Пункт постанови № 835", 10),
    Column("update_frequency", "Періодичність оновлення", 14),
    Column("decision", "Рішення", 12, True), Column("comment", "Коментар", 18, True),
    Column("responsible", "Відповідальний", 16, True), Column("deadline", "Термін", 11, True),
)
EDITABLE = tuple(c.key for c in COLUMNS if c.editable)
HEADERS = {c.key: c.header for c in COLUMNS}


def cells(row: dict, position: int, decision: dict | None = None) -> dict:
    """The exported cells of one Proposal.to_dict(); the decision columns carry ``decision``, the
    decision in force for the item (audits.store.state.decision_dict), else the responsible person."""
    values = {"position": position, "kind_label": KIND_LABELS[row["kind"]], "rank": row["rank"],
              "item_id": row["item_id"], "title": row["title"], "department": row["department"],
              "score": row["score"], "justification": row["justification"], "catalogue_id": row.get("catalogue_id"),
              "update_frequency": row.get("update_frequency"), **decided(row, decision)}
    values.update({f"c_{name}": points for name, points in row["components"].items()})
    return values


def decided(row: dict, decision: dict | None) -> dict:
    """The editable cells: the decision in force, so a meeting continues where the last one stopped."""
    if decision is None:
        return {"decision": None, "comment": None, "responsible": row.get("responsible_person"), "deadline": None}
    deadline = decision.get("deadline")
    return {"decision": decision["decision"], "comment": decision.get("comment"),
            "responsible": decision.get("responsible"),
            "deadline": date.fromisoformat(deadline) if isinstance(deadline, str) else deadline}
