"""The kinds of demand signal, each with its own Table Schema under schemas/demand/."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ...paths import DEMAND_SCHEMAS as SCHEMAS


@dataclass(frozen=True)
class Kind:
    name: str
    label: str                    # Ukrainian, for reports
    schema: Path
    text: tuple[str, ...]         # fields matched to inventory titles
    weight: str | None = None     # integer field that multiplies the signal (votes, supporters)
    requester: str | None = None  # field that identifies a requester (counted once)
    base: int = 1                 # what the signal counts for before its weight field


KINDS = {k.name: k for k in (
    Kind("econsult", "пропозиції на платформі «Е-консультації»", SCHEMAS / "econsult.schema.yaml",
         ("title", "description"), weight="votes", base=0),
    Kind("info_request", "запити на публічну інформацію", SCHEMAS / "info-requests.schema.yaml",
         ("topic",), requester="requester"),
    Kind("portal_request", "запити на набори даних на data.gov.ua", SCHEMAS / "portal-requests.schema.yaml",
         ("title", "description"), weight="supporters"),
)}
