"""Benchmark: `odaudit data validate` against `frictionless validate` on one generated file.

A 1,000,000-row, 5-column CSV in the national EV-charging structure (schemas/datasets/ev-charging:
uid, ownerName, ownerId, ownerTelephone, ownerEmail) with about 0.1 % planted errors (patterns,
required, duplicates, missing and extra cells, blank rows). Until issue 12 the file had our own
8-column shape (with numbers); figures from before that are not comparable. Both tools run as
separate processes, one after the other, on the same file; each one's wall time, rows per second
and peak memory (ru_maxrss of that process alone, via wait4) are printed with its finding count.

    .venv/bin/python bench/data_validate.py [--rows 1000000] [--keep] [--repeat 5] [--skip-frictionless]

The floor is bench/bare_findings.py: a bare pyarrow pass that finds the same (row, field, code)
findings and nothing else (no messages, no report, no CLI); the bench checks that it does.

Run on purpose, not in the test suite. The file goes to var/bench/ (about 80 MB per 1M rows).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SCHEMA = ROOT / "schemas" / "datasets" / "ev-charging"
HEADER = "uid,ownerName,ownerId,ownerTelephone,ownerEmail"


def generate(path: Path, rows: int, seed: int = 7) -> int:
    """Write the file; returns the number of planted errors (rows with a planted problem)."""
    rnd = random.Random(seed)
    planted = 0
    owners = [("ТОВ «Тока»", "41234567"), ("ТОВ «Екофактор»", "40123456"), ("КП «Міськсвітло»", "01411082")]
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER + "\n")
        for i in range(1, rows + 1):
            name, code = rnd.choice(owners)
            cells = [f"ev-{i}", name, code, f"+380{rnd.randint(100000000, 999999999)}",
                     f"station{rnd.randint(1, 999)}@charge.example.org"]
            if rnd.random() < 0.001:
                planted += 1
                kind = rnd.randrange(7)
                if kind == 0:
                    cells[2] = cells[2][1:]                        # pattern: 7 digits
                elif kind == 1:
                    cells[3] = "050 123 45 67"                     # pattern: not +380…
                elif kind == 2:
                    cells[1] = ""                                  # required
                elif kind == 3:
                    cells[0] = "ev-1"                              # unique + primary key
                elif kind == 4:
                    cells = cells[:3]                              # missing cells
                elif kind == 5:
                    cells = cells + ["зайве"]                      # extra cell
                else:
                    cells = [""] * 5                               # blank row
            fh.write(",".join(cells) + "\n")
    return planted


def run(cmd: list[str], cwd: Path = ROOT) -> dict:
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=cwd,
                            env={**os.environ, "GX_ANALYTICS_ENABLED": "false"})
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    return {"seconds": time.perf_counter() - started, "peak_mb": usage.ru_maxrss / 1024,
            "cpu": usage.ru_utime + usage.ru_stime,
            "exit": os.waitstatus_to_exitcode(status), "stdout": out}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--keep", action="store_true", help="keep the generated file")
    parser.add_argument("--skip-frictionless", action="store_true")
    parser.add_argument("--repeat", type=int, default=1, help="run odaudit this many times, keep the fastest")
    args = parser.parse_args()
    folder = ROOT / "var" / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    data = folder / f"ev-charging-{args.rows}.csv"
    if not data.exists():
        planted = generate(data, args.rows)
        print(f"generated {data.relative_to(ROOT)}: {args.rows} rows, {planted} rows with a planted error, "
              f"{data.stat().st_size / 1e6:.0f} MB")
    schema_json = folder / "ev-charging.schema.json"       # frictionless CLI: the Table Schema keys only
    import yaml
    descriptor = yaml.safe_load((SCHEMA / "schema.yaml").read_text(encoding="utf-8"))
    schema_json.write_text(json.dumps({k: descriptor[k] for k in ("fields", "primaryKey", "missingValues")},
                                      ensure_ascii=False), encoding="utf-8")

    # The floor (bench/bare_findings.py): pyarrow with the same findings and nothing else.
    floor = [sys.executable, str(ROOT / "bench" / "bare_findings.py"), str(data)]
    bare = min((run(floor) for _ in range(args.repeat)), key=lambda r: r["seconds"])
    print(f"bare pyarrow pass with the same findings (bench/bare_findings.py): {bare['seconds']:.2f} s, "
          f"CPU {bare['cpu']:.2f} s, peak {bare['peak_mb']:.0f} MB, {int(bare['stdout'])} findings")
    tiny = folder / "ev-charging-2.csv"
    tiny.write_text(HEADER + "\nev-1,ТОВ «Тока»,41234567,+380501234567,a@charge.example.org\n"
                    "ev-2,ТОВ «Тока»,41234567,+380501234568,b@charge.example.org\n", encoding="utf-8")
    small = min((run([str(BIN / "odaudit"), "data", "validate", str(tiny), "--schema", str(SCHEMA)])
                 for _ in range(3)), key=lambda r: r["cpu"])
    print(f"odaudit data validate on a 2-row file: {small['seconds']:.2f} s wall, CPU {small['cpu']:.2f} s, "
          f"exit {small['exit']}")
    tiny.unlink()
    ours = min((run([str(BIN / "odaudit"), "data", "validate", str(data), "--schema", str(SCHEMA), "--json"])
                for _ in range(args.repeat)), key=lambda r: r["seconds"])
    report = json.loads(ours["stdout"])
    ours_count = len(report["findings"])
    print(f"odaudit data validate: {ours['seconds']:.1f} s, {args.rows / ours['seconds']:,.0f} rows/s, "
          f"CPU {ours['cpu']:.1f} s, peak {ours['peak_mb']:.0f} MB, {ours_count} findings, "
          f"engine {report.get('engine')}, exit {ours['exit']}")
    print(f"odaudit ÷ bare pyarrow: {ours['seconds'] / bare['seconds']:.2f}× wall time, "
          f"{ours['cpu'] / bare['cpu']:.2f}× CPU time (fastest of {args.repeat} runs each)")
    keys = run(floor + ["--keys"])["stdout"].decode("utf-8").splitlines()[1:]
    floor_keys = sorted((int(r), f, c) for r, f, c in (line.split("\t") for line in keys))
    print(f"the floor's (row, field, code) findings are odaudit's: {floor_keys == sorted(_keys_ours(report))}")
    if args.skip_frictionless:
        if not args.keep:
            data.unlink()
        return
    theirs = run([str(BIN / "frictionless"), "validate", data.name, "--schema", schema_json.name,
                  "--limit-errors", "1000000000", "--encoding", "utf-8", "--json"], cwd=folder)
    fl = json.loads(theirs["stdout"].decode("utf-8")) if theirs["stdout"].strip().startswith(b"{") else {}
    fl_count = sum(len(t.get("errors", [])) for t in fl.get("tasks", []))
    print(f"frictionless validate:  {theirs['seconds']:.1f} s, {args.rows / theirs['seconds']:,.0f} rows/s, "
          f"CPU {theirs['cpu']:.1f} s, peak {theirs['peak_mb']:.0f} MB, {fl_count} findings, exit {theirs['exit']}")
    same = sorted(_keys_ours(report)) == sorted(_keys_fl(fl))
    print(f"speed-up {theirs['seconds'] / ours['seconds']:.1f}× wall time, "
          f"{theirs['cpu'] / ours['cpu']:.1f}× CPU time; the same (row, field, code) findings: {same}")
    if not args.keep:
        data.unlink()


def _keys_ours(report) -> list[tuple]:
    return [(f["row"] or 0, f["field"] or "", f["code"]) for f in report["findings"]]


def _keys_fl(fl) -> list[tuple]:
    out = []
    for task in fl.get("tasks", []):
        for e in task.get("errors", []):
            field = "" if e["type"] in ("blank-row", "primary-key", "extra-cell") else e.get("fieldName") or ""
            out.append((e.get("rowNumber") or 0, field, e["type"]))
    return out


if __name__ == "__main__":
    main()
