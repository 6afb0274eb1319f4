"""Benchmark: hostile inputs through the real CLI, each in its own process, several times.

Prints, per case, the exit code, the worst wall time and the peak memory (max RSS, from
``os.wait4``: the rusage of that one child) across the runs. No asserts: run on purpose and
read the figures (issue 14: a hostile input costs seconds and megabytes).

    PYTHONPATH=. .venv/bin/python bench/hostile.py [RUNS]

Cases: JSON nested 100,000 deep, a lone surrogate in a title, a million empty packages (7 MB),
the limit's worth (50,000) of empty packages (scored), a snapshot in campaign.yaml that is broken (run on
a copy of the demo campaign: refused before any of its files is read), a YAML alias bomb, a
50 MB campaign.yaml, a YAML tag; and, when ``audits/files.py`` is present (the guarded file
opener), a FIFO named x.csv.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ODAUDIT = str(Path(sys.executable).parent / "odaudit")
TIMEOUT_S = 120


def package(n: int, title: str = "Бюджет") -> dict:
    return {"id": f"p{n}", "name": f"budget-{n}", "title": title, "organization": {"name": "hromada"},
            "metadata_modified": "2020-05-01T10:00:00", "resources": [{"id": f"r{n}", "format": "CSV"}]}


def alias_bomb() -> str:
    lines = ["campaign: bomb", "a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 8)]
    return "\n".join(lines) + "\nname: *a7\ndepartments: []\n"


def campaign_folder(base: Path, name: str, yaml_text: str) -> Path:
    folder = base / name
    folder.mkdir()
    (folder / "campaign.yaml").write_text(yaml_text, encoding="utf-8")
    return folder


def demo_with_snapshot(base: Path, content: bytes) -> Path:
    """A copy of the demo campaign (13 departments' files) whose saved portal answer is ``content``."""
    folder = base / "demo"
    shutil.copytree(ROOT / "inventories" / "lutsk-2020", folder)
    (folder / "portal" / "package_search.json").write_bytes(content)
    return folder


def cases(base: Path) -> list[tuple[str, list[str]]]:
    def saved(name: str, content: bytes) -> str:
        path = base / name
        path.write_bytes(content)
        return str(path)

    def monitor(name: str, content: bytes) -> list[str]:
        return ["monitor", "--from-file", saved(name, content), "--as-of", "2020-06-01",
                "--db", f"sqlite:///{base / (name + '.sqlite')}"]

    def campaign(folder: Path) -> list[str]:
        return ["campaign", "run", str(folder), "--out", str(base / "out"), "--db", f"sqlite:///{base / 'c.sqlite'}"]

    many = [package(n) for n in range(1000)]
    many[500] = package(500, "Бюджет \ud800 2020")
    found = [
        ("monitor: JSON nested 100,000 deep", monitor("deep.json", b"[" * 100_000 + b"]" * 100_000)),
        ("monitor: lone surrogate in 1 of 1,000 titles", monitor("surrogate.json", json.dumps(many).encode())),
        ("monitor: 1,000,000 empty packages (7 MB)",
         monitor("million.json", b"[" + b",".join([b"{}"] * 1_000_000) + b"]")),
        ("monitor: 50,000 empty packages (the limit: scored)",
         monitor("limit.json", b"[" + b",".join([b"{}"] * 50_000) + b"]")),
        ("campaign run: demo with a snapshot nested 100,000 deep",
         campaign(demo_with_snapshot(base, b"[" * 100_000 + b"]" * 100_000))),
        ("campaign run: YAML alias bomb (9^8 values)", campaign(campaign_folder(base, "bomb", alias_bomb()))),
        ("campaign run: 50 MB campaign.yaml",
         campaign(campaign_folder(base, "huge", "campaign: huge\nname: " + "а" * 25_000_000 + "\n"))),
        ("campaign run: a !!python/object tag",
         campaign(campaign_folder(base, "tag", "campaign: t\nname: !!python/object:os.system x\ndepartments: []\n"))),
    ]
    if (ROOT / "audits" / "files.py").exists():
        fifo = base / "x.csv"
        os.mkfifo(fifo)
        found.append(("validate: a FIFO named x.csv", ["validate", str(fifo)]))
    return found


def run_once(args: list[str], env: dict) -> tuple[int, float, float]:
    """(exit code, wall seconds, peak RSS in MB) of one `odaudit ARGS` process; killed after
    TIMEOUT_S (a hang shows as exit -9 and the timeout)."""
    started = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        child = subprocess.Popen([ODAUDIT, *args], stdout=sink, stderr=sink, env=env)
        timer = threading.Timer(TIMEOUT_S, child.kill)
        timer.start()
        _, status, usage = os.wait4(child.pid, 0)      # this child's own rusage, not all children's
        timer.cancel()
        child.returncode = os.waitstatus_to_exitcode(status)
    return child.returncode, time.perf_counter() - started, usage.ru_maxrss / 1024


def main(runs: int = 3) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ODAUDIT_DATABASE_URL": ""}
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        print(f"{'case':58} {'exit':>4} {'worst s':>8} {'peak MB':>8}")
        for name, args in cases(base):
            worst, peak, codes = 0.0, 0.0, set()
            for _ in range(runs):
                shutil.rmtree(base / "out", ignore_errors=True)
                for db in base.glob("*.sqlite"):
                    db.unlink()
                code, wall, rss = run_once(args, env)
                worst, peak = max(worst, wall), max(peak, rss)
                codes.add(code)
            print(f"{name:58} {'/'.join(map(str, sorted(codes))):>4} {worst:8.2f} {peak:8.0f}", flush=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
