"""The dataset Table Schemas under schemas/datasets/<name>/schema.yaml: each names the
Resolution 835 catalogue item it describes (``catalogue``)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

from ..files import read_text_bounded
from ..paths import DATASET_SCHEMAS as DATASETS


@dataclass(frozen=True)
class DatasetSchema:
    name: str
    title: str
    catalogue: str | None
    descriptor: dict
    path: Path

    @property
    def fields(self) -> list[dict]:
        return self.descriptor["fields"]

    @property
    def field_names(self) -> list[str]:
        return [f["name"] for f in self.fields]

    @property
    def primary_key(self) -> list[str]:
        key = self.descriptor.get("primaryKey") or []
        return [key] if isinstance(key, str) else list(key)

    @property
    def missing_values(self) -> list[str]:
        return list(self.descriptor.get("missingValues", [""]))

    def title_of(self, field: str) -> str:
        return self._titles.get(field, field)

    @cached_property
    def _titles(self) -> dict[str, str]:
        return {f["name"]: f.get("title") or f["name"] for f in reversed(self.fields)}


class SchemaError(ValueError):
    """A schema that cannot be found or read (the CLI turns it into exit 2)."""


class NotCovered(Exception):
    """The fast path does not cover this file or schema; the message says why."""


def load_schema(ref: str | Path) -> DatasetSchema:
    """A schema by file path, by folder, or by dataset name (``transport-stops``)."""
    path = Path(ref)
    if not path.exists() and (DATASETS / str(ref)).is_dir():
        path = DATASETS / str(ref)
    if path.is_dir():
        path = path / "schema.yaml"
    if not path.is_file():
        raise SchemaError(f"no Table Schema at {ref} (a file, a folder or one of: {', '.join(schema_names())})")
    try:
        descriptor = yaml.safe_load(read_text_bounded(path))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise SchemaError(f"{path}: not a readable YAML/JSON Table Schema ({exc})") from None
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("fields"), list):
        raise SchemaError(f"{path}: a Table Schema needs a list of fields")
    return DatasetSchema(descriptor.get("name") or path.parent.name, descriptor.get("title") or path.parent.name,
                         descriptor.get("catalogue"), descriptor, path)


def schema_names() -> list[str]:
    return sorted(p.parent.name for p in DATASETS.glob("*/schema.yaml"))


def all_schemas() -> list[DatasetSchema]:
    return [load_schema(name) for name in schema_names()]
