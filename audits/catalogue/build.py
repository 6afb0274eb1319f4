"""Build schemas/catalogue/resolution-835.csv from the Annex spreadsheet, reproducibly.

    .venv/bin/python -m audits.catalogue.build [SOURCE.xlsx]

Source: the Annex of CMU Resolution No. 835 (Oct 2024 wording) as published by the Better
Regulation Delivery Office (brdo-ict-sector/postanova835-to-datagovua, MIT licence), a copy
of which is ../shared/reference/resolution-835-datasets-2024-10.xlsx. The holder column is
filled only on the first row of a block in some copies: it is forward-filled. Ids are ours
and stable: all-NN (every holder), oms-NN (local self-government), hNN-NN (other holders,
numbered by block).
"""
from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

from openpyxl import load_workbook

from ..paths import CATALOGUE_CSV as TARGET, checkout

ROOT = checkout()
SOURCE = ROOT.parent / "shared" / "reference" / "resolution-835-datasets-2024-10.xlsx"
ALL_HOLDERS = "Усі розпорядники інформації (відповідно до компетенції)"
LOCAL_GOVERNMENT = "Органи місцевого самоврядування"
COLUMNS = ("id", "title", "holder", "scope", "position")


def clean(text) -> str:
    return re.sub(r"\s+", " ", str(text or "").replace("\xa0", " ")).strip()


def read_rows(source: Path) -> list[tuple[str, str]]:
    """(title, holder) for every dataset row, holder forward-filled."""
    book = load_workbook(source, read_only=True, data_only=True)
    rows, holder = [], ""
    for title, who in list(book.worksheets[0].iter_rows(min_row=2, max_col=2, values_only=True)):
        holder = clean(who) or holder
        if clean(title):
            rows.append((clean(title), holder))
    book.close()
    return rows


def items(rows: list[tuple[str, str]]) -> list[dict]:
    blocks: dict[str, int] = {}
    counters: dict[str, int] = {}
    out = []
    for position, (title, holder) in enumerate(rows, 1):
        blocks.setdefault(holder, len(blocks) + 1)
        prefix, scope = _prefix(holder, blocks[holder])
        counters[prefix] = counters.get(prefix, 0) + 1
        out.append({"id": f"{prefix}-{counters[prefix]:02d}", "title": title, "holder": holder,
                    "scope": scope, "position": position})
    return out


def _prefix(holder: str, block: int) -> tuple[str, str]:
    if holder == ALL_HOLDERS:
        return "all", "all-holders"
    if holder == LOCAL_GOVERNMENT:
        return "oms", "local-government"
    return f"h{block:02d}", "other"


def write(path: Path, rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str]) -> None:
    source = Path(argv[0]) if argv else SOURCE
    rows = items(read_rows(source))
    write(TARGET, rows)
    print(f"{len(rows)} items written to {TARGET}")


if __name__ == "__main__":
    main(sys.argv[1:])
