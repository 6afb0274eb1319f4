"""Benchmark: a full campaign run of 40 departments × 300 items (12,000 rows) by default.

Run on purpose (`make bench`), never in the test suite. Prints wall and CPU time and peak
memory of `odaudit campaign run` (Prefect ephemeral mode, SQLite), for a first run and a
rerun (nothing new: every file is already stored), plus the plain pipeline without Prefect
(build, store and every output), each in its own process.

    python bench/campaign.py [DEPARTMENTS] [ITEMS]      # e.g. 40 3000 for the memory target
"""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "inventories"))
from build_demo import department_rows, write_xlsx  # noqa: E402

DEPARTMENTS, ITEMS = (int(a) for a in (sys.argv[1:3] if len(sys.argv) > 2 else (40, 300)))


def build(directory: Path) -> None:
    rng = random.Random(835)
    departments = [{"code": f"d{i:02d}", "name": f"Виконавчий орган № {i}"} for i in range(1, DEPARTMENTS + 1)]
    for dept in departments:
        write_xlsx(directory / f"{dept['code']}.xlsx", department_rows(dept["code"], dept["name"], ITEMS, rng))
    config = {"campaign": "bench", "name": "Benchmark campaign", "year": 2020, "as_of": "2020-06-01",
              "departments": departments}
    (directory / "campaign.yaml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")


PLAIN = """
import json, resource, sys, time
from datetime import date, datetime
from pathlib import Path
from sqlalchemy import event
started, cpu = time.perf_counter(), time.process_time()
from audits.campaign import outputs, pipeline
from audits.campaign.config import load_campaign
from audits.store.db import open_database
engine = open_database(sys.argv[2])
statements = {"SELECT": 0, "INSERT": 0, "UPDATE": 0, "DELETE": 0}
@event.listens_for(engine, "before_cursor_execute")
def count(conn, cursor, statement, parameters, context, executemany):
    verb = statement.lstrip().split(None, 1)[0].upper()
    statements[verb] = statements.get(verb, 0) + 1
result = pipeline.audit(engine, load_campaign(Path(sys.argv[1])), date(2020, 6, 1), datetime(2020, 6, 1))
stored, first = time.perf_counter() - started, dict(statements)
outputs.write_outputs(result, Path(sys.argv[3]))
wall, used = time.perf_counter() - started, time.process_time() - cpu
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
del result
statements.update({k: 0 for k in statements})
pipeline.audit(engine, load_campaign(Path(sys.argv[1])), date(2020, 6, 1), datetime(2020, 6, 2))
print(json.dumps({"wall": wall, "cpu": used, "stored": stored, "statements": first, "rerun": statements,
                  "peak_mb": peak, "rerun_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def timed(command: list[str]) -> tuple[float, float, float, str]:
    """Wall seconds, CPU seconds of the process and its children, the peak MB of this process
    (and of its children: Prefect's server) alone (wait4), stdout."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(command, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - started
        out.seek(0), err.seek(0)
        stdout, stderr = out.read().decode("utf-8"), err.read().decode("utf-8", "replace")
    if os.waitstatus_to_exitcode(status) > 1:
        sys.exit(f"{command[1]} failed:\n{stderr[-3000:]}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, stdout


def timed_cli(directory: Path, db: str, out: Path) -> tuple[float, float, float, str]:
    return timed([str(Path(sys.executable).parent / "odaudit"), "campaign", "run", str(directory),
                  "--db", db, "--out", str(out), "--json"])


def timed_pipeline(directory: Path, db: str, out: Path) -> dict:
    return json.loads(timed([sys.executable, "-c", PLAIN, str(directory), db, str(out)])[3])


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
        plain = timed_pipeline(campaign, f"sqlite:///{tmp / 'plain.sqlite'}", tmp / "plain-out")
        rows = DEPARTMENTS * ITEMS
        print(f"odaudit campaign run (Prefect ephemeral, SQLite): first {first[0]:.1f} s wall, {first[1]:.1f} s CPU; "
              f"rerun {rerun[0]:.1f} s wall, {rerun[1]:.1f} s CPU (CPU includes Prefect's server process)")
        print(f"  peak memory of the process: first run {first[2]:.0f} MB, rerun {rerun[2]:.0f} MB")
        print(f"plain pipeline without Prefect, outputs included: {plain['wall']:.1f} s wall, {plain['cpu']:.1f} s CPU "
              f"({rows / plain['wall']:,.0f} rows/s; stored after {plain['stored']:.1f} s), "
              f"peak memory {plain['peak_mb']:.0f} MB (with a rerun in the same process after it: "
              f"{plain['rerun_peak_mb']:.0f} MB)")
        print(f"  database statements of the first run: {plain['statements']}; of a rerun: {plain['rerun']}")


if __name__ == "__main__":
    main()
