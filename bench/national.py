"""Benchmark of the national run on a real Prefect server with real process workers.

Generates a portal of ORGS organisations (default 1,470 hromadas, about 40,000 packages:
bench/portal_stub.py, realistic shares of late and unknown frequencies), serves it from a local
HTTP server, starts `prefect server start` (PostgreSQL with --pg, else SQLite), runs
`odaudit prefect setup`, `prefect deploy --all`, then for each worker count the national flow
(one child flow run per organisation) and prints: wall time, organisations/s, packages/s,
requests/s seen by the stub (max in any second, against the rate limit), and the peak memory
(RSS) of the server, the workers and the flow-run processes.

    .venv/bin/python bench/national.py [--orgs 1470] [--packages 40000] [--limit N] [--workers 1 2]
        [--rate 20] [--concurrency 4] [--batch 1] [--pg postgresql://postgres@127.0.0.1:5432]
``--limit`` runs only the first N organisations (a full run of 1,470 is one process each)."""
from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from prefect_processes import BIN, portal_stub, prefect_server, run, start, stop  # noqa: E402


class Peaks:
    """Peak RSS per role (server / worker / flow run), sampled from /proc twice a second."""

    def __init__(self, roots: dict[str, int]):
        self.roots, self.peak, self.stop = roots, {}, threading.Event()
        self.thread = threading.Thread(target=self._loop, daemon=True)

    def _loop(self):
        from prefect_processes import descendants

        while not self.stop.wait(0.5):
            for role, pid in list(self.roots.items()):
                kids = descendants(pid)
                own = _rss(pid) + sum(_rss(k) for k in kids if "prefect.engine" not in _cmd(k))
                runs = [_rss(k) for k in kids if "prefect.engine" in _cmd(k)]
                self.peak[role] = max(self.peak.get(role, 0), own)
                if runs:
                    self.peak["flow run (one)"] = max(self.peak.get("flow run (one)", 0), max(runs))
                    self.peak["flow runs (all at once)"] = max(self.peak.get("flow runs (all at once)", 0), sum(runs))


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 0


def _cmd(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def one_run(env: dict, base: str, stats: str, workers: int, folder: Path, db_url: str, options,  # noqa: PLR0913
            server_pid: int) -> dict:
    procs = [start([str(BIN / "prefect"), "worker", "start", "--pool", "odaudit", "--name", f"bench-{n}"], env,
                   folder, folder / f"worker-{workers}-{n}.log") for n in range(workers)]
    peaks = Peaks({"server": server_pid, **{f"worker {n}": p.pid for n, p in enumerate(procs)}})
    peaks.thread.start()
    before = httpx.get(stats).json()["requests"]
    args = [str(BIN / "prefect"), "deployment", "run", "national/national", "--watch", "--watch-timeout", "7200",
            "--param", f"base_url={base}", "--param", f"out={folder / f'out-{workers}'}", "--param",
            f"db_url={db_url}", "--param", "as_of=2020-06-01", "--param", "poll_s=2"]
    if options.limit:
        args += ["--param", f"limit={options.limit}"]
    args += ["--param", f"batch={options.batch}"]
    started = time.perf_counter()
    watched = run(args, env, timeout=7300)
    wall = time.perf_counter() - started
    peaks.stop.set()
    for p in procs:
        stop(p)
    seen = httpx.get(stats).json()
    return {"wall": wall, "ok": "finished successfully in 'Completed'" in watched.stdout,
            "requests": seen["requests"] - before, "max_per_second": seen["max_per_second"], "peaks": peaks.peak,
            "tail": watched.stdout[-400:]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orgs", type=int, default=1470)
    parser.add_argument("--packages", type=int, default=40_000)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--rate", type=float, default=20.0)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--batch", type=int, default=1, help="organisations per child flow run")
    parser.add_argument("--pg", help="PostgreSQL server (postgresql://user@host:port): Prefect's and the register's")
    a = parser.parse_args()
    import sqlalchemy as sa

    with tempfile.TemporaryDirectory() as tmp, portal_stub("--orgs", str(a.orgs), "--packages", str(a.packages)) \
            as (base, stats):
        folder = Path(tmp)
        extra, db_urls = {}, {}
        if a.pg:
            admin = sa.create_engine(a.pg.replace("postgresql://", "postgresql+psycopg://") + "/postgres",
                                     isolation_level="AUTOCOMMIT")
            with admin.connect() as c:
                for name in ["bench_prefect", *(f"bench_national_{w}" for w in a.workers)]:
                    c.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))   # bench names, not user input
                    c.execute(sa.text(f'CREATE DATABASE "{name}"'))
            extra["PREFECT_API_DATABASE_CONNECTION_URL"] = a.pg.replace("postgresql://", "postgresql+asyncpg://") + \
                "/bench_prefect"
            db_urls = {w: a.pg.replace("postgresql://", "postgresql+psycopg://") + f"/bench_national_{w}"
                       for w in a.workers}
        else:
            db_urls = {w: f"sqlite:///{folder / f'national-{w}.sqlite'}" for w in a.workers}
        with prefect_server(folder / "prefect-home", PREFECT_LOGGING_LEVEL="WARNING", **extra) as (port, env):
            server_pid = int(next(p.name for p in Path("/proc").iterdir() if p.name.isdigit()
                                  and f"--port {port}" in _cmd(int(p.name))))
            assert run([str(BIN / "odaudit"), "prefect", "setup", "--concurrency", str(a.concurrency), "--portal-rate",
                        str(a.rate)], env).returncode == 0
            assert run([str(BIN / "prefect"), "--no-prompt", "deploy", "--all"], env).returncode == 0
            total = httpx.get(base + "/api/3/action/organization_list").json()["result"]
            orgs = min(a.limit or len(total), len(total))
            print(f"portal: {len(total)} organisations, {a.packages:,} packages; national run of {orgs} "
                  f"organisations, {a.batch} per child run; pool concurrency {a.concurrency}, portal rate limit "
                  f"{a.rate:g}/s; "
                  f"Prefect database {'PostgreSQL' if a.pg else 'SQLite'}")
            for w in a.workers:
                r = one_run(env, base, stats, w, folder, db_urls[w], a, server_pid)
                engine = sa.create_engine(db_urls[w])
                with engine.connect() as c:
                    rows, packages = c.execute(sa.text("select count(*), coalesce(sum(packages), 0) "
                                                       "from national_result")).one()
                engine.dispose()
                peaks = ", ".join(f"{k} {v} MB" for k, v in r["peaks"].items())
                print(f"{w} worker(s): {'Completed' if r['ok'] else 'NOT completed'}, {rows} organisations "
                      f"({packages:,} packages) in {r['wall']:.1f} s: {rows / r['wall']:.2f} organisations/s, "
                      f"{packages / r['wall']:.0f} packages/s; stub saw {r['requests']} requests, "
                      f"{r['requests'] / r['wall']:.1f}/s on average, at most {r['max_per_second']} in one second "
                      f"(limit {a.rate:g}); peak RSS: {peaks}")
                if not r["ok"]:
                    print(r["tail"])


if __name__ == "__main__":
    main()
