"""The one place that knows where the project's bundled files are: the Table Schemas
(``schemas/``) and the YAML configs (``config/``).

They live in the top-level ``schemas/`` and ``config/`` folders of the source checkout, where
people edit them. ``audits/_bundled/`` holds two symlinks to those folders, so the same paths
work in the checkout and in an editable install; a built wheel carries real copies there as
package data (pyproject.toml), so a non-editable install finds them too.
"""
from __future__ import annotations

from pathlib import Path

BUNDLED = Path(__file__).resolve().parent / "_bundled"
SCHEMAS = (BUNDLED / "schemas").resolve()   # resolved: in a checkout, the top-level folder itself
CONFIG = (BUNDLED / "config").resolve()

INVENTORY_SCHEMA = SCHEMAS / "inventory.schema.yaml"
CAMPAIGN_SCHEMA = SCHEMAS / "campaign.schema.json"
DATASET_SCHEMAS = SCHEMAS / "datasets"
DEMAND_SCHEMAS = SCHEMAS / "demand"
CATALOGUE_CSV = SCHEMAS / "catalogue" / "resolution-835.csv"


def config_file(name: str) -> Path:
    """The bundled ``config/<name>.yaml``."""
    return CONFIG / f"{name}.yaml"


def checkout() -> Path:
    """The source checkout (the folder holding pyproject.toml): only the rebuild tools need it."""
    return Path(__file__).resolve().parents[1]
