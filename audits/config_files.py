"""Reading the YAML configs (quality, proposals, data checks): which file, and one loader.

Each config is a setting (``ODAUDIT_<NAME>_CONFIG``), so a council can point at its own file;
unset, the bundled ``config/<name>.yaml`` is read. A file that cannot be read or is not a YAML
mapping raises :class:`ConfigFileError` naming the file.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from . import paths, settings
from .files import read_text_bounded


class ConfigFileError(ValueError):
    """A config file that cannot be read, is not valid YAML or is not a mapping."""


def config_path(name: str) -> Path:
    """The file of config ``name`` (``quality``, ``proposals``, ``data_checks``): the setting
    ``<name>_config`` when set, else the bundled one."""
    chosen = settings.get(f"{name}_config")
    return Path(chosen) if chosen else paths.config_file(name)


MAX_NODES = 100_000     # values of a config once its aliases are expanded (ours have a few hundred)
# The only tags a plain YAML value resolves to: an explicit tag (!!binary, !!set, !!python/…,
# !custom) is refused, whatever the loader would make of it.
PLAIN_TAGS = frozenset("tag:yaml.org,2002:" + t for t in
                       ("str", "int", "float", "bool", "null", "timestamp", "merge", "value", "seq", "map"))


def max_bytes() -> int:
    """The largest YAML config accepted (setting ``yaml_max_kb``)."""
    return int(settings.get("yaml_max_kb") * 1024)


def expanded_size(node, seen: dict | None = None) -> int:
    """How many values a composed YAML node is once every alias is expanded, counted without
    expanding (a shared node counts once per use): nine lines of aliases make billions."""
    seen = {} if seen is None else seen
    if id(node) not in seen:
        if node.tag not in PLAIN_TAGS:
            raise ValueError(f"the tag {node.tag!r} (line {node.start_mark.line + 1}) is not accepted; "
                             "write plain values")
        children = node.value if isinstance(node, yaml.SequenceNode) else \
            [n for pair in node.value for n in pair] if isinstance(node, yaml.MappingNode) else []
        seen[id(node)] = 1 + sum(expanded_size(child, seen) for child in children)
    return seen[id(node)]


def bounded_load(text: str, loader=yaml.SafeLoader):
    """``yaml.safe_load`` that refuses (ValueError) a text longer than ``max_bytes()``, any explicit
    tag, and a document whose aliases expand past MAX_NODES."""
    if len(text) > max_bytes():
        raise ValueError(f"too large ({len(text):,} characters, at most {max_bytes():,}: setting yaml_max_kb)")
    reader = loader(text)
    try:
        node = reader.get_single_node()
        if node is None:
            return None
        size = expanded_size(node)
        if size > MAX_NODES:
            raise ValueError(f"its aliases expand to {size} values (at most {MAX_NODES}); write the values out")
        return reader.construct_document(node)
    finally:
        reader.dispose()


def load_yaml(path: Path) -> dict:
    """The top-level mapping of a YAML file, read safely (aliases bounded: bounded_load)."""
    path = Path(path)
    try:
        text = read_text_bounded(path)
    except (OSError, UnicodeError) as exc:
        raise ConfigFileError(f"{path}: cannot be read ({type(exc).__name__}: {exc})") from exc
    try:
        raw = bounded_load(text)
    except (yaml.YAMLError, ValueError, RecursionError) as exc:
        raise ConfigFileError(f"{path}: not valid YAML: {_first_line(exc)}") from exc
    if not isinstance(raw, dict):
        raise ConfigFileError(f"{path}: expected a mapping of keys at the top, found {type(raw).__name__}")
    return raw


def _first_line(exc: Exception) -> str:
    return " ".join(str(exc).split())
