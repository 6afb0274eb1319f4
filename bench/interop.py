"""Benchmark: the DCAT-AP export and the link check of a generated 40,000-package snapshot
(about the whole national portal; the packages of bench/monitor.py).

  dcat:  catalogue model → DCAT-AP with --quality's DQV measurements and --hvd, written part by
         part (Turtle, N-Triples, JSON-LD); then SHACL validation of a 2,000-package slice
  links: every landing page and resource URL tried against local HTTP servers (subprocesses on
         127.0.0.1, 8 ports = 8 hosts, stopped by PID), answers stored in a fresh SQLite database

Each part runs in its own process, so the peak RSS printed is that part's. Run on purpose:
  .venv/bin/python bench/interop.py [N]
"""
from __future__ import annotations

import os
import random
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
AS_OF = date(2020, 6, 1)
PORTS = 8


def packages(n: int) -> list[dict]:
    from monitor import package

    rng = random.Random(835)
    return [package(i, rng) for i in range(n)]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def dcat(n: int, fmt: str) -> None:
    from audits.interop.export import write_catalog
    from audits.interop.model import catalog_of
    from audits.interop.shacl import validate
    from audits.portal.monitor import assess
    from audits.store.records import CampaignRecord

    found = packages(n)
    campaign = CampaignRecord("bench-2020", "Бенчмарк", "Місто", 2020, as_of=AS_OF, portal_organization="org-0000")
    started = time.perf_counter()
    scores = assess(found, AS_OF, "bench").scores
    scored = time.perf_counter() - started
    before = peak_mb()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"catalog.{fmt}"
        started = time.perf_counter()
        catalog = catalog_of(campaign, [], found, AS_OF)
        with open(path, "w", encoding="utf-8") as out:
            done = write_catalog(catalog, fmt, out, scores, quality=True, hvd=True)
        written = time.perf_counter() - started
        size = path.stat().st_size / 2**20
    print(f"dcat --format {fmt} --quality --hvd: {n} packages, {done.measurements:,} DQV measurements → "
          f"{size:.0f} MB in {written:.1f} s ({n / written:,.0f} packages/s); peak RSS {peak_mb():.0f} MB "
          f"(snapshot and scores alone {before:.0f} MB; scoring {scored:.1f} s)")
    if fmt == "turtle":
        from audits.interop.dcat import catalog_graph

        part = catalog_of(campaign, [], found[:2000], AS_OF)
        started = time.perf_counter()
        violations = validate(catalog_graph(part))
        print(f"dcat: SHACL (DCAT-AP 3) of 2,000 packages: {time.perf_counter() - started:.1f} s, "
              f"{len(violations)} violations")


class Quick(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_HEAD(self):  # noqa: N802
        self.send_response(200)
        self.send_header("Content-Type", "text/csv")
        self.send_header("Content-Length", "12")
        self.end_headers()

    do_GET = do_HEAD


def serve(port: int) -> None:
    ThreadingHTTPServer(("127.0.0.1", port), Quick).serve_forever()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def links(n: int) -> None:
    from audits.interop.links.check import run_check
    from audits.interop.links.fetch import Limits
    from audits.store.db import open_database, transaction
    from audits.store.links import save_checks

    ports = [free_port() for _ in range(PORTS)]
    servers = [subprocess.Popen([sys.executable, __file__, "serve", str(p)]) for p in ports]
    try:
        time.sleep(1.5)
        found = packages(n)
        for i, p in enumerate(found):            # every resource on one of the local hosts
            for r in p["resources"]:
                r["url"] = r["url"].replace("https://example.org", f"http://127.0.0.1:{ports[i % PORTS]}")
        limits = Limits(timeout_s=10, retries=1, per_host=8, concurrency=64, allow_private=True)
        started = time.perf_counter()
        report = run_check([], found, {}, limits, portal=f"http://127.0.0.1:{ports[0]}")
        checked = time.perf_counter() - started
        with tempfile.TemporaryDirectory() as tmp:
            engine = open_database(f"sqlite:///{Path(tmp) / 'links.sqlite'}")
            started = time.perf_counter()
            with transaction(engine) as session:
                save_checks(session, [r.fields() for r in report.results.values()], AS_OF, datetime(2020, 6, 1, 9))
            stored = time.perf_counter() - started
            engine.dispose()
    finally:
        for server in servers:
            os.kill(server.pid, signal.SIGTERM)
            server.wait()
    s = report.summary()
    print(f"links: {n} packages → {s['links']:,} links, {s['urls']:,} URLs; {s['ok']:,} ok, {s['broken']} broken; "
          f"checked in {checked:.1f} s ({s['urls'] / checked:,.0f} URLs/s, {PORTS} hosts × per-host limit "
          f"{limits.per_host}); stored in {stored:.1f} s; peak RSS {peak_mb():.0f} MB")


def main(n: int = 40_000) -> None:
    for part in (["dcat", "turtle"], ["dcat", "ntriples"], ["dcat", "jsonld"], ["links"]):
        done = subprocess.run([sys.executable, __file__, part[0], str(n), *part[1:]], capture_output=True, text=True)
        sys.stdout.write(done.stdout)
        if done.returncode:
            sys.exit(done.stderr)


if __name__ == "__main__":
    args = sys.argv[1:]
    if args and args[0] == "serve":
        serve(int(args[1]))
    elif args and args[0] == "dcat":
        dcat(int(args[1]), args[2])
    elif args and args[0] == "links":
        links(int(args[1]))
    else:
        main(*(int(a) for a in args[:1]))
