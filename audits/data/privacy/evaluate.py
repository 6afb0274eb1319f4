"""Precision and recall of the detectors on a labelled sample (CSV: text, column, expected;
an empty ``expected`` means nothing personal is in the text).

    .venv/bin/python -m audits.data.privacy.evaluate tests/data/privacy/labelled-sample.csv
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

from .screen import detect


def evaluate(path: Path) -> dict:
    tp = fp = fn = 0
    wrong: list[dict] = []
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            kinds = [h.kind for h in detect(row["text"], row["column"])]
            expected = row["expected"] or None
            tp += expected in kinds
            fn += expected is not None and expected not in kinds
            extra = [k for k in kinds if k != expected]
            fp += len(extra)
            if extra or (expected and expected not in kinds):
                wrong.append({"text": row["text"], "expected": expected, "found": kinds})
    return {"true_positives": tp, "false_positives": fp, "false_negatives": fn,
            "precision": tp / (tp + fp) if tp + fp else 1.0, "recall": tp / (tp + fn) if tp + fn else 1.0,
            "wrong": wrong}


if __name__ == "__main__":
    result = evaluate(Path(sys.argv[1]))
    print({k: (round(v, 3) if isinstance(v, float) else v) for k, v in result.items()})
