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


COLUMNS = (
    Column("position", "№", 5), Column("kind_label", "Тип", 30), Column("rank", "Місце", 7),
    Column("item_id", "Ідентифікатор", 14), Column("title", "Набір даних", 48), Column("department", "Орган", 10),
    Column("score", "Бал", 8),
    *(Column(f"c_{m.NAME}", m.LABEL, 11) for m in COMPONENTS),
    Column("justification", "Обґрунтування", 70), Column("catalogue_id", "Пункт постанови № 835", 12),
    Column("update_frequency", "Періодичність оновлення", 16),
    Column("decision", "Рішення", 13, True), Column("comment", "Коментар", 30, True),
    Column("responsible", "Відповідальний", 26, True), Column("deadline", "Термін", 12, True),
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
