"""Great Expectations suites of a dataset, derived from its Table Schema (required, unique,
enum, ranges, lengths, patterns, types) plus content expectations from config/data_checks.yaml
(coordinates in the community's box, dates between a plausible start and the audit date,
amounts not negative, a limit on empty cells, the row count not collapsing).

The suite is plain data here (:class:`Spec`); :mod:`audits.data.gx_run` hands it to GX.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from ..config_files import config_path, load_yaml
from ..messages import TYPE_UK
from ..paths import config_file
from .community import UKRAINE, Community, community_of
from .schemas import DatasetSchema

CONFIG_PATH = config_file("data_checks")   # the bundled one; ODAUDIT_DATA_CHECKS_CONFIG points elsewhere
COORDINATE_MEANINGS = ("широта ", "довгота ")     # a box's meaning says where: kept when merged
TYPE_REGEX = {
    "integer": r"^\s*[+-]?\d+\s*$",
    "number": r"^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$",
    "year": r"^\d{4}$",
}


@dataclass(frozen=True)
class Spec:
    expectation: str              # GX class name, e.g. "ExpectColumnValuesToBeBetween"
    kwargs: dict
    meaning: str                  # Ukrainian: what is expected
    origin: str                   # "schema" or "content"
    field: str | None = None
    typed: bool = False           # checks the typed column (numbers, dates) rather than the text


@dataclass(frozen=True)
class ContentConfig:
    bbox: dict                    # the country's box: coordinates are checked against it without a community
    lat_names: frozenset
    lon_names: frozenset
    earliest: date
    future_allowed: frozenset
    amounts_not_negative: bool
    max_empty_share: float
    max_row_drop: float
    raw: dict = field(default_factory=dict, compare=False)
    community: Community | None = None     # an old config's own community block: the default one


@cache
def day_number(value: date) -> int:
    return (value - date(1970, 1, 1)).days


def load_content_config(path: Path | None = None) -> ContentConfig:
    """``path``: a data-checks YAML; default the ``data_checks_config`` setting, else the bundled file."""
    return _load(Path(path) if path else config_path("data_checks"))


@cache
def _load(path: Path) -> ContentConfig:
    raw = load_yaml(path)
    lower = lambda names: frozenset(str(n).casefold() for n in names)  # noqa: E731
    country = (raw.get("country") or {}).get("bbox") or UKRAINE.bbox
    community = community_of(raw["community"], f"{path}: community") if raw.get("community") else None
    return ContentConfig(country, lower(raw["coordinates"]["lat"]), lower(raw["coordinates"]["lon"]),
                         raw["dates"]["earliest"], lower(raw["dates"].get("future_allowed", [])),
                         bool(raw["amounts_not_negative"]), float(raw["max_empty_share"]),
                         float(raw["max_row_drop"]), raw, community)


def build_specs(schema: DatasetSchema, as_of: date, previous_rows: int | None = None,
                config: ContentConfig | None = None, community: Community | None = None) -> list[Spec]:
    """``community``: whose box the coordinates must be in (the campaign's, ``--community``);
    without one, the config's own community if it has one, else the country's box."""
    config = config or load_content_config()
    community = community or config.community or Community(None, config.bbox)
    specs: list[Spec] = []
    for f in schema.fields:
        specs.extend(_schema_specs(f))
        specs.extend(_content_specs(f, as_of, config, community))
    specs = _without_repeats(specs)
    if previous_rows:
        floor = math.ceil(previous_rows * (1 - config.max_row_drop))
        specs.append(Spec("ExpectTableRowCountToBeBetween", {"min_value": floor},
                          f"рядків не менше {floor} (попередня версія мала {previous_rows})", "content"))
    return specs


def _without_repeats(specs: list[Spec]) -> list[Spec]:
    """GX keeps one of two identical expectations (a schema minimum 0 and "not negative"); the
    kept one says both meanings when they differ (the schema's range and "within Ukraine, no
    community given")."""
    seen: dict[tuple, int] = {}
    out: list[Spec] = []
    for spec in specs:
        spec = Spec(spec.expectation, {k: v for k, v in spec.kwargs.items() if v is not None}, spec.meaning,
                    spec.origin, spec.field, spec.typed)
        key = (spec.expectation, spec.typed, repr(sorted((k, _same_number(v)) for k, v in spec.kwargs.items())))
        if key not in seen:
            seen[key] = len(out)
            out.append(spec)
        elif spec.origin == "content" and spec.meaning.startswith(COORDINATE_MEANINGS):
            kept = out[seen[key]]
            out[seen[key]] = Spec(kept.expectation, kept.kwargs, f"{kept.meaning}, {spec.meaning}", kept.origin,
                                  kept.field, kept.typed)
    return out


def _same_number(value):
    """44 and 44.0 are one bound to GX (a schema's maximum and the country's box)."""
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value


def _schema_specs(f: dict) -> list[Spec]:
    name, ftype, cons = f["name"], f.get("type", "string"), f.get("constraints", {})
    out = []
    if cons.get("required"):
        out.append(Spec("ExpectColumnValuesToNotBeNull", {"column": name}, "заповнене в кожному рядку", "schema", name))
    if cons.get("unique"):
        out.append(Spec("ExpectColumnValuesToBeUnique", {"column": name}, "без повторів", "schema", name))
    if "enum" in cons:
        out.append(Spec("ExpectColumnValuesToBeInSet", {"column": name, "value_set": [str(v) for v in cons["enum"]]},
                        "значення зі списку схеми", "schema", name))
    if ftype in TYPE_REGEX:
        out.append(Spec("ExpectColumnValuesToMatchRegex", {"column": name, "regex": TYPE_REGEX[ftype]},
                        f"тип «{TYPE_UK.get(ftype, ftype)}»", "schema", name))
    if ftype in ("integer", "number", "year") and ("minimum" in cons or "maximum" in cons):
        out.append(Spec("ExpectColumnValuesToBeBetween", {"column": name, "min_value": cons.get("minimum"),
                                                          "max_value": cons.get("maximum")},
                        f"у межах {cons.get('minimum', '…')}–{cons.get('maximum', '…')}", "schema", name, typed=True))
    if ftype == "string" and ("minLength" in cons or "maxLength" in cons):
        out.append(Spec("ExpectColumnValueLengthsToBeBetween", {"column": name, "min_value": cons.get("minLength"),
                                                                "max_value": cons.get("maxLength")},
                        f"довжина до {cons.get('maxLength', '…')} символів", "schema", name))
    if ftype == "string" and "pattern" in cons:
        out.append(Spec("ExpectColumnValuesToMatchRegex", {"column": name, "regex": f"^(?:{cons['pattern']})$"},
                        f"відповідає шаблону {cons['pattern']}", "schema", name))
    return out


def _content_specs(f: dict, as_of: date, config: ContentConfig, community: Community) -> list[Spec]:
    name, ftype, cons = f["name"], f.get("type", "string"), f.get("constraints", {})
    key, box, out = name.casefold(), community.bbox, []
    if key in config.lat_names:
        out.append(Spec("ExpectColumnValuesToBeBetween", {"column": name, "min_value": box["lat_min"], "max_value": box["lat_max"]},
                        f"широта {community.where}", "content", name, typed=True))
    elif key in config.lon_names:
        out.append(Spec("ExpectColumnValuesToBeBetween", {"column": name, "min_value": box["lon_min"], "max_value": box["lon_max"]},
                        f"довгота {community.where}", "content", name, typed=True))
    elif ftype in ("integer", "number") and config.amounts_not_negative:
        out.append(Spec("ExpectColumnValuesToBeBetween", {"column": name, "min_value": 0},
                        "не від'ємне", "content", name, typed=True))
    if ftype == "date":                                 # dates are compared as day numbers (see gx_run)
        if key in config.future_allowed:
            out.append(Spec("ExpectColumnValuesToBeBetween", {"column": name, "min_value": day_number(config.earliest)},
                            f"дата не раніше {config.earliest:%d.%m.%Y}", "content", name, typed=True))
        else:
            out.append(Spec("ExpectColumnValuesToBeBetween",
                            {"column": name, "min_value": day_number(config.earliest), "max_value": day_number(as_of)},
                            f"дата між {config.earliest:%d.%m.%Y} і датою аудиту {as_of:%d.%m.%Y}", "content", name,
                            typed=True))
    if not cons.get("required"):
        out.append(Spec("ExpectColumnValuesToNotBeNull", {"column": name, "mostly": round(1 - config.max_empty_share, 4)},
                        f"порожніх не більше {config.max_empty_share:.0%}", "content", name))
    return out
