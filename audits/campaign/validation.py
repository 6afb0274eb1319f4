"""campaign.yaml checked as a whole before anything runs: read safely (a bounded file size; YAML
aliases allowed only while their expansion stays small), then validated against
``schemas/campaign.schema.json`` and the few rules a schema cannot say (real dates, unique
department codes, known Resolution 835 items, files that exist). Every problem is one English
line for the engineer running the campaign, all of them at once."""
from __future__ import annotations

import json
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

import yaml

from ..config_files import bounded_load, max_bytes
from ..files import FileRefused, read_text_bounded
from ..paths import CAMPAIGN_SCHEMA


class CampaignLoader(yaml.SafeLoader):
    """SafeLoader whose dates stay text (checked by the schema's date format): YAML's own
    timestamps would raise on 2021-13-01 and turn 2020-06-01T10:00:00 into a datetime."""


CampaignLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def read_yaml(path: Path) -> tuple[object, list[str]]:
    """(the parsed document, problems): a file that cannot be read or parsed is one problem."""
    try:
        text = read_text_bounded(path, max_bytes())       # a campaign.yaml is a few kilobytes
    except FileRefused as exc:
        if exc.reason != "too-large":
            return None, [f"cannot be read ({exc})"]
        return None, [f"too large for a campaign.yaml (more than {max_bytes():,} bytes: setting yaml_max_kb)"]
    except (OSError, UnicodeError) as exc:
        return None, [f"cannot be read ({type(exc).__name__}: {exc})"]
    try:
        return bounded_load(text, CampaignLoader), []
    except (yaml.YAMLError, ValueError, OverflowError, RecursionError) as exc:
        return None, [f"not valid YAML: {' '.join(str(exc).split())}"]


@lru_cache(maxsize=1)
def campaign_schema() -> dict:
    return json.loads(CAMPAIGN_SCHEMA.read_text(encoding="utf-8"))


def problems(raw, directory: Path) -> list[str]:
    """Every problem of a parsed campaign.yaml, one line each (``where: what``); empty when valid."""
    if raw is None:
        return ["the file is empty; it needs campaign, name and departments"]
    if not isinstance(raw, dict):
        return [f"expected a mapping of keys at the top (campaign, name, departments, ...), found {_kind(raw)}"]
    doc = as_json(raw)
    found = _schema_problems(doc)
    bad = {line.split(":", 1)[0] for line in found}
    return found + _rule_problems(doc, directory, bad)


def as_json(value):
    """YAML values as JSON sees them: dates as ISO text, a timestamp kept as text (never a date),
    keys as text, anything else YAML can build (bytes, sets) as its repr."""
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return repr(value)


def _schema_problems(doc: dict) -> list[str]:
    from jsonschema import Draft202012Validator, FormatChecker

    validator = Draft202012Validator(campaign_schema(), format_checker=FormatChecker(formats=("date",)))
    errors = sorted(validator.iter_errors(doc), key=lambda e: (_where(e.absolute_path), e.validator))
    lines = []
    for error in errors:
        line = _line(error)
        if line not in lines:
            lines.append(line)
    return lines


def _line(error) -> str:
    where = _where(error.absolute_path)
    expected = error.schema.get("x-expected") if isinstance(error.schema, dict) else None
    if error.validator == "additionalProperties":
        known = ", ".join(error.schema.get("properties", {}))
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        return f"{where}: unknown key{'s' if len(extra) > 1 else ''} {', '.join(map(repr, extra))} (known: {known})"
    if error.validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return f"{where}: '{missing}' is required"
    if error.validator == "minItems":
        return f"{where}: expected {expected or 'at least one entry'}, got an empty list"
    if error.validator in ("maxLength", "minLength") and isinstance(error.instance, str):
        return f"{where}: expected {expected or 'a shorter text'}, got {len(error.instance)} characters"
    return f"{where}: expected {expected or error.message}, got {_shown(error.instance)}"


def _rule_problems(doc: dict, directory: Path, bad: set[str]) -> list[str]:
    """What the schema cannot say; checked only where the shape is already right."""
    lines = []
    departments = doc.get("departments") if isinstance(doc.get("departments"), list) else []
    seen: dict[str, int] = {}
    for i, dept in enumerate(departments):
        if not isinstance(dept, dict) or not isinstance(dept.get("code"), str):
            continue
        code = dept["code"]
        if code in seen:
            lines.append(f"departments[{i}].code: '{code}' is already the code of departments[{seen[code]}]; "
                         "codes must be unique")
        seen.setdefault(code, i)
        lines += _unknown_items(dept.get("mandatory"), f"departments[{i}].mandatory")
    lines += _files(doc, directory, bad)
    lines += _community(doc.get("community"), bad)
    return lines


def _unknown_items(items, where: str) -> list[str]:
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        return []
    from ..catalogue.catalogue import load_catalogue

    unknown = sorted(set(items) - {item.id for item in load_catalogue("council")})
    return [f"{where}: unknown Resolution 835 items {', '.join(unknown)} (see 'odaudit catalogue list')"] if unknown \
        else []


def _files(doc: dict, directory: Path, bad: set[str]) -> list[str]:
    wanted = []
    portal = doc.get("portal")
    if isinstance(portal, dict) and isinstance(portal.get("snapshot"), str) and "portal.snapshot" not in bad:
        wanted.append(("portal.snapshot", portal["snapshot"]))
    demand = doc.get("demand") if isinstance(doc.get("demand"), list) else []
    wanted += [(f"demand[{i}].file", d["file"]) for i, d in enumerate(demand)
               if isinstance(d, dict) and isinstance(d.get("file"), str) and f"demand[{i}].file" not in bad]
    return [f"{where}: '{name}' is outside the campaign folder" if not _inside(directory, name)
            else f"{where}: {directory / name} not found" for where, name in wanted
            if not _inside(directory, name) or not (directory / name).is_file()]


def _inside(directory: Path, name: str) -> bool:
    """A file named by campaign.yaml must be in its folder (no ../ out of it)."""
    try:
        return (directory / name).resolve().is_relative_to(directory.resolve())
    except (OSError, ValueError):
        return False


def _community(raw, bad: set[str]) -> list[str]:
    if not isinstance(raw, dict) or any(w.startswith("community") for w in bad):
        return []
    from ..data.community import CommunityError, community_of

    try:
        community_of(raw, "community")
    except CommunityError as exc:
        return [str(exc)]
    return []


def _where(path) -> str:
    where = ""
    for part in path:
        where += f"[{part}]" if isinstance(part, int) else (f".{part}" if where else str(part))
    return where or "top level"


def _kind(value) -> str:
    return {list: "a list", str: "a text", int: "a number", float: "a number", bool: "yes/no"}.get(
        type(value), type(value).__name__)


def _shown(value) -> str:
    if isinstance(value, (dict, list)):
        kind = _kind(value) if isinstance(value, list) else "a mapping"
        return f"{kind} {_clip(json.dumps(value, ensure_ascii=False))}"
    return _clip(repr(value))


def _clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"
