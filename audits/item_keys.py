"""The key of a register item in the data checks: its department code and its inventory id."""
from __future__ import annotations


def item_key(department: str, item_id: str) -> str:
    return f"{department}:{item_id}"


def split_item_key(key: str) -> tuple[str, str]:
    department, item_id = key.split(":", 1)
    return department, item_id
