"""The key of a register item in the data checks: its department code and its inventory id."""
from __future__ import annotations


def item_key(department: str, item_id: str) -> str:
    return f"{department}:{item_id}"


def split_item_key(key: str) -> tuple[str, str]:
    department, item_id = key.split(":", 1)
    return department, item_id


# Where a register row is from, set on the submission's item by audits.campaign.status.register_of
# (in this order, before the schema's fields): not what the department declared, never stored as data.
REGISTER_KEYS = ("department_code", "department_name", "file", "row")
