"""The inventory Table Schema: loading it and looking fields up by name or Ukrainian title."""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from ..paths import INVENTORY_SCHEMA as SCHEMA_PATH

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "‘": "'"})


def fold(text: str) -> str:
    """Comparable form of a header or enum value: case, apostrophes, spaces and stars ignored."""
    text = str(text).translate(_APOSTROPHES).replace("*", " ").replace("\n", " ")
    return re.sub(r"\s+", " ", text).strip().casefold()


@dataclass(frozen=True)
class InventorySchema:
    descriptor: dict

    @property
    def fields(self) -> list[dict]:
        return self.descriptor["fields"]

    @property
    def names(self) -> list[str]:
        return [f["name"] for f in self.fields]

    def field(self, name: str) -> dict:
        return next(f for f in self.fields if f["name"] == name)

    def required(self, name: str) -> bool:
        return bool(self.field(name).get("constraints", {}).get("required"))

    def title(self, name: str) -> str:
        return self.field(name).get("title", name)

    def example(self, name: str) -> str:
        return field_example(self.field(name))

    def matcher(self):
        """The header matcher of this schema (names, titles and ``x-header-aliases``), built once."""
        from .header_match import matcher_of

        return matcher_of(self, self.fields)

    def frictionless_descriptor(self, relaxed: set[str] = frozenset()) -> dict:
        """A plain Table Schema for frictionless: custom ``x-`` keys (the clerk's ``x-example`` among
        them), any ``example`` and the primary key (reported by the unique constraint instead) removed;
        fields in ``relaxed`` lose ``required`` (their whole column is missing and reported once)."""
        fields = []
        for f in copy.deepcopy(self.fields):
            f = {k: v for k, v in f.items() if not k.startswith("x-") and k != "example"}
            if f["name"] in relaxed:
                f.get("constraints", {}).pop("required", None)
            fields.append(f)
        return {"fields": fields}


def field_example(field: dict) -> str:
    """The right value as the clerk types it: ``x-example`` (dd.mm.yyyy dates), else Table Schema's
    ``example``; empty when the field has neither."""
    return str(field.get("x-example", field.get("example", "")))


@cache
def load_schema(path: Path = SCHEMA_PATH) -> InventorySchema:
    return InventorySchema(yaml.safe_load(Path(path).read_text(encoding="utf-8")))
