"""What a department's template holds, derived from the inventory schema and campaign.yaml.
Both writers (XLSX and ODS) lay out this one description, so they cannot drift apart."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

from ..inventory.schema import SCHEMA_PATH, InventorySchema, field_example, load_schema
from . import texts

TEMPLATE_VERSION = "1"
HEADER_ROW = 3            # title and subtitle above the header, as the reader allows
BLANK_ROWS = 200          # empty rows with the department prefilled, after the prefilled items
VALIDATED_ROWS = 5000     # how far down the dropdowns and checks reach (the reader's row limit)
DATE_FLOOR = date(1950, 1, 1)


@dataclass(frozen=True)
class Column:
    name: str
    title: str
    letter: str
    kind: str                 # text | list | boolean | date | integer
    required: bool
    hint: str                 # the field description: shown on the header and as the input message
    rule: str                 # the constraints in words (instructions sheet)
    example: str
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    width: float = 20


@dataclass(frozen=True)
class TemplateSpec:
    campaign: str             # slug
    campaign_name: str
    department: str           # code
    department_name: str
    deadline: date | None
    as_of: date | None
    contact: str
    columns: tuple[Column, ...]
    prefill: tuple[dict, ...] = ()          # rows (field name → cell value) carried over
    previous: str | None = None             # the campaign they come from
    meta: dict = field(default_factory=dict)
    examples: dict = field(default_factory=dict)   # field → the worked example of the campaign's own council

    @property
    def first_row(self) -> int:
        return HEADER_ROW + 1

    @property
    def filled_rows(self) -> int:
        """Rows with the department prefilled (and so protected)."""
        return len(self.prefill) + BLANK_ROWS

    @property
    def last_validated_row(self) -> int:
        return HEADER_ROW + max(VALIDATED_ROWS, self.filled_rows)

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    def example_row(self) -> dict:
        """The worked example of the instructions sheet, with this department's name and its own
        council's values (its e-mail domain); the schema's neutral example otherwise."""
        own = {**self.examples, "department": self.department_name}
        return {c.name: own.get(c.name) or c.example for c in self.columns}


def schema_fingerprint() -> str:
    return hashlib.sha256(SCHEMA_PATH.read_bytes()).hexdigest()[:12]


def columns(schema: InventorySchema | None = None, as_of: date | None = None) -> tuple[Column, ...]:
    schema = schema or load_schema()
    return tuple(_column(f, i, as_of) for i, f in enumerate(schema.fields))


def _column(f: dict, index: int, as_of: date | None) -> Column:
    from ..inventory.grid import column_letter

    constraints = f.get("constraints", {})
    kind, choices = _kind(f)
    minimum = constraints.get("minimum")
    return Column(f["name"], f.get("title", f["name"]), column_letter(index), kind,
                  bool(constraints.get("required")), f.get("description", ""), _rule(f, kind, choices, as_of),
                  field_example(f), choices, minimum, _width(f, kind, choices))


def _kind(f: dict) -> tuple[str, tuple[str, ...]]:
    enum = f.get("constraints", {}).get("enum")
    if enum:
        return "list", tuple(enum)
    if f["type"] == "boolean":
        return "boolean", (texts.YES, texts.NO)
    if f["type"] in ("date", "integer"):
        return f["type"], ()
    return "text", ()


def _rule(f: dict, kind: str, choices: tuple[str, ...], as_of: date | None) -> str:
    constraints = f.get("constraints", {})
    parts = []
    if kind == "list":
        parts.append(texts.RULE_LIST.format(choices=" / ".join(choices)))
    elif kind == "boolean":
        parts.append(texts.RULE_BOOLEAN)
    elif kind == "date":
        parts.append(texts.RULE_DATE_AS_OF.format(as_of=as_of.strftime("%d.%m.%Y")) if as_of else texts.RULE_DATE)
    elif kind == "integer":
        parts.append(texts.RULE_INTEGER.format(minimum=constraints.get("minimum", 0)))
    if "maxLength" in constraints:
        parts.append(texts.RULE_MAX_LENGTH.format(limit=constraints["maxLength"]))
    if constraints.get("unique"):
        parts.append(texts.RULE_UNIQUE)
    return "; ".join(parts)


def _width(f: dict, kind: str, choices: tuple[str, ...]) -> float:
    """Wide enough for the longest list value, or for the text it usually holds; headers wrap."""
    if kind == "list":
        base = max(len(c) for c in choices) + 4
    elif kind in ("date", "integer", "boolean"):
        base = 14
    else:
        base = min(12 + f.get("constraints", {}).get("maxLength", 60) // 20, 48)
    base = max(base, len(field_example(f)) + 2)
    return float(max(12, min(base, 48)))
