"""Benchmark: match 10,000 titles against all 992 catalogue items (and the council's 73).

Run on purpose: .venv/bin/python bench/catalogue_match.py
"""
from __future__ import annotations

import csv
import random
import time
from pathlib import Path

from audits.catalogue.matcher import match, match_many

LABELLED = Path(__file__).resolve().parents[1] / "tests" / "catalogue" / "data" / "drifted-titles.csv"


def titles(n: int) -> list[str]:
    with open(LABELLED, encoding="utf-8", newline="") as fh:
        base = [r["input"] for r in csv.DictReader(fh)]
    rng = random.Random(835)
    return [f"{rng.choice(base)} {rng.choice(['', '2019', 'за 2020 рік', 'Луцької міської ради'])}".strip()
            for _ in range(n)]


def main() -> None:
    inputs = titles(10_000)
    for scope in ("all", "council"):
        match("прогрів", scope)  # build the index once
        started = time.perf_counter()
        confident = sum(m.confident for m in match_many(inputs, scope))
        elapsed = time.perf_counter() - started
        print(f"scope {scope:7}: {len(inputs):,} titles in one batch in {elapsed:.2f} s "
              f"({len(inputs) / elapsed:,.0f} titles/s), {confident:,} confident")
        started = time.perf_counter()
        for title in inputs[:1000]:
            match(title, scope)
        elapsed = time.perf_counter() - started
        print(f"scope {scope:7}: 1,000 titles one by one in {elapsed:.2f} s ({1000 / elapsed:,.0f} titles/s)")


if __name__ == "__main__":
    main()
