"""Benchmark: score a generated snapshot of 40,000 packages (about the whole national portal)
from file with `odaudit monitor --from-file`, stored in a fresh SQLite database.

Prints the wall time and the peak memory (max RSS) of the CLI process, and the in-process
time of reading + scoring alone. Run on purpose: .venv/bin/python bench/monitor.py [N]
"""
from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FREQUENCIES = ["once a day", "once a week", "once a month", "once a quarter", "once a half year", "once a year",
               "immediately after making changes", "no longer updated", ""]
FORMATS = ["CSV", "XLSX", "PDF", "JSON", "XML", "DOCX", "API", "ZIP"]
WORDS = ("реєстр перелік дані бюджет звіт об'єкти заклади транспорт зупинки маршрути земельні ділянки ліцензії "
         "дозволи закупівлі програми тарифи адреси укриття паркування освіта охорона здоров'я").split()


def package(i: int, rng: random.Random) -> dict:
    modified = date(2020, 6, 1) - timedelta(days=rng.randrange(0, 1500))
    org = f"org-{i % 1800:04d}"
    return {
        "id": f"{i:08d}-0000-4000-8000-000000000000", "name": f"dataset-{i}",
        "title": " ".join(rng.sample(WORDS, rng.randint(2, 6))).capitalize() + f" № {i}",
        "notes": "Опис набору даних. " * rng.randint(0, 12), "state": "active",
        "tags": [{"name": w} for w in rng.sample(WORDS, rng.randint(0, 5))],
        "organization": {"name": org, "title": f"Розпорядник {org}"},
        "license_id": rng.choice(["cc-by", "cc-by", "", "other-closed"]),
        "maintainer": rng.choice(["Іваненко Іван", ""]), "maintainer_email": rng.choice(["i@example.gov.ua", ""]),
        "language": "uk", "update_frequency": rng.choice(FREQUENCIES),
        "purpose_of_collecting_information": rng.choice(["Закон", ""]),
        "metadata_created": "2017-01-01T00:00:00", "metadata_modified": f"{modified}T10:00:00.000000",
        "resources": [{"id": f"{i}-{k}", "format": rng.choice(FORMATS), "url": f"https://example.org/{i}/{k}",
                       "last_modified": f"{modified - timedelta(days=rng.randrange(0, 30))}T00:00:00"}
                      for k in range(rng.randint(1, 4))],
    }


def main(n: int = 40_000) -> None:
    rng = random.Random(835)
    with tempfile.TemporaryDirectory() as tmp:
        saved = Path(tmp) / "package_search.json"
        body = {"success": True, "result": {"count": n, "results": [package(i, rng) for i in range(n)]}}
        saved.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
        size_mb = saved.stat().st_size / 2**20

        from audits.portal import monitor

        started = time.perf_counter()
        packages, source = monitor.read_file(saved)
        result = monitor.assess(packages, date(2020, 6, 1), source)
        in_process = time.perf_counter() - started

        command = [str(Path(sys.executable).parent / "odaudit"), "monitor", "--from-file", str(saved),
                   "--as-of", "2020-06-01", "--db", f"sqlite:///{Path(tmp) / 'bench.sqlite'}",
                   "--out", str(Path(tmp) / "out")]
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True)
        wall = time.perf_counter() - started
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if done.returncode > 1:
        sys.exit(done.stderr)
    s = result.summary
    print(f"snapshot: {n} packages, {size_mb:.1f} MB of JSON")
    print(f"read + score in process: {in_process:.1f} s ({n / in_process:,.0f} packages/s); "
          f"mean score {s['mean_score']}%, timeliness {s['timeliness']}")
    print(f"odaudit monitor --from-file (read, score, store snapshot, write quality.csv/.xlsx/.html): "
          f"{wall:.1f} s wall, peak RSS {peak_mb:.0f} MB")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:2]))
