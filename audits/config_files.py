"""Reading the YAML configs (quality, proposals, data checks): which file, and one loader.

Each config is a setting (``ODAUDIT_<NAME>_CONFIG``), so a council can point at its own file;
unset, the bundled ``config/<name>.yaml`` is read. A file that cannot be read or is not a YAML
mapping raises :class:`ConfigFileError` naming the file.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from . import paths, settings


class ConfigFileError(ValueError):
    """A config file that cannot be read, is not valid YAML or is not a mapping."""


def config_path(name: str) -> Path:
    """The file of config ``name`` (``quality``, ``proposals``, ``data_checks``): the setting
    ``<name>_config`` when set, else the bundled one."""
    chosen = settings.get(f"{name}_config")
    return Path(chosen) if chosen else paths.config_file(name)


def load_yaml(path: Path) -> dict:
    """The top-level mapping of a YAML file, read with ``yaml.safe_load``."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeError) as exc:
        raise ConfigFileError(f"{path}: cannot be read ({type(exc).__name__}: {exc})") from exc
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigFileError(f"{path}: not valid YAML: {_first_line(exc)}") from exc
    if not isinstance(raw, dict):
        raise ConfigFileError(f"{path}: expected a mapping of keys at the top, found {type(raw).__name__}")
    return raw


def _first_line(exc: Exception) -> str:
    return " ".join(str(exc).split())
