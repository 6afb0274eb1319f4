"""Benchmark: a full campaign run of 40 departments × 300 items (12,000 rows).

Run on purpose (`make bench`), never in the test suite. Prints wall time and peak memory of
`odaudit campaign run` (Prefect ephemeral mode, SQLite), for a first run and a rerun
(nothing new: every file is already stored), plus the plain pipeline without Prefect.
"""
from __future__ import annotations

import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "inventories"))
from build_demo import department_rows, write_xlsx  # noqa: E402

DEPARTMENTS, ITEMS = 40, 300


def build(directory: Path) -> None:
    rng = random.Random(835)
    departments = [{"code": f"d{i:02d}", "name": f"Виконавчий орган № {i}"} for i in range(1, DEPARTMENTS + 1)]
    for dept in departments:
        write_xlsx(directory / f"{dept['code']}.xlsx", department_rows(dept["code"], dept["name"], ITEMS, rng))
    config = {"campaign": "bench", "name": "Benchmark campaign", "year": 2020, "as_of": "2020-06-01",
              "departments": departments}
    (directory / "campaign.yaml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")


def timed_cli(directory: Path, db: str, out: Path) -> float:
    started = time.perf_counter()
    result = subprocess.run([str(Path(sys.executable).parent / "odaudit"), "campaign", "run", str(directory),
                             "--db", db, "--out", str(out), "--json"], capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode > 1:
        sys.exit(f"campaign run failed:\n{result.stderr[-3000:]}")
    return elapsed


def timed_pipeline(directory: Path, db: str) -> float:
    from datetime import date, datetime

    from audits.campaign import pipeline
    from audits.campaign.config import load_campaign
    from audits.store.db import open_database

    started = time.perf_counter()
    config = load_campaign(directory)
    inspections = [pipeline.inspect(item, date(2020, 6, 1)) for item in pipeline.plan(config)]
    cross = pipeline.cross_findings(pipeline.current_per_department(inspections), config)
    pipeline.store_run(open_database(db), config, inspections, cross, datetime(2020, 6, 1))
    return time.perf_counter() - started


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        campaign = tmp / "campaign"
        campaign.mkdir()
        started = time.perf_counter()
        build(campaign)
        print(f"generated {DEPARTMENTS} files × {ITEMS} items in {time.perf_counter() - started:.1f} s")
        first = timed_cli(campaign, f"sqlite:///{tmp / 'bench.sqlite'}", tmp / "out")
        rerun = timed_cli(campaign, f"sqlite:///{tmp / 'bench.sqlite'}", tmp / "out")
        peak_cli = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        plain = timed_pipeline(campaign, f"sqlite:///{tmp / 'plain.sqlite'}")
        peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rows = DEPARTMENTS * ITEMS
        print(f"odaudit campaign run (Prefect ephemeral, SQLite): first {first:.1f} s, rerun {rerun:.1f} s")
        print(f"  peak memory of the largest child process: {peak_cli:.0f} MB")
        print(f"plain pipeline without Prefect: {plain:.1f} s ({rows / plain:,.0f} rows/s), "
              f"peak memory {peak_self:.0f} MB")


if __name__ == "__main__":
    main()
