"""A local CKAN-like portal for the national run's tests and benchmark: organization_list and
paged package_search (fq=organization:NAME) over generated packages (bench/monitor.py's
generator: realistic shares of late and unknown frequencies), on 127.0.0.1. It counts every
request per second (GET /stats) and can misbehave on purpose: answer slowly, answer the first
requests of each organisation with 500 or 429 + Retry-After, or cut a JSON answer short.

    python bench/portal_stub.py PORT --orgs 1470 --packages 40000 [--delay 0.2]
        [--fault 500|429|truncated --fault-times 2 [--fault-org NAME]]
It prints "ready" when it listens; stop it by its PID."""
from __future__ import annotations

import argparse
import json
import random
import sys
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from monitor import package  # noqa: E402  (bench/monitor.py: one package generator)


def hromada(n: int) -> str:
    return f"hromada-{n:04d}"


def portal(orgs: int, packages: int, seed: int = 835) -> dict[str, list[dict]]:
    """Organisation name → its packages; sizes vary (a few large cities, many small hromadas)."""
    from audits.catalogue.catalogue import load_catalogue

    titles = [item.title for item in load_catalogue("council")]
    rng = random.Random(seed)
    weights = [1 / (1 + n) ** 0.6 for n in range(orgs)]
    owners = rng.choices(range(orgs), weights=weights, k=packages)
    found: dict[str, list[dict]] = {hromada(n): [] for n in range(orgs)}
    for i, owner in enumerate(owners):
        p = package(i, rng)
        p["organization"] = {"name": hromada(owner), "title": f"Громада № {owner}"}
        if rng.random() < 0.3:              # about a third are Resolution 835 datasets, titled as the catalogue does
            p["title"] = rng.choice(titles)
        found[hromada(owner)].append(p)
    for n, name in enumerate(found):          # every organisation publishes something
        if not found[name]:
            p = package(packages + n, rng)
            p["organization"] = {"name": name, "title": f"Громада № {n}"}
            found[name].append(p)
    return found


class Stats:
    def __init__(self):
        self.lock, self.per_second, self.faults = threading.Lock(), Counter(), Counter()

    def count(self) -> None:
        with self.lock:
            self.per_second[int(time.time())] += 1

    def to_dict(self) -> dict:
        with self.lock:
            seconds = sorted(self.per_second)
            busy = [self.per_second[s] for s in seconds[1:-1]] or list(self.per_second.values()) or [0]
            return {"requests": sum(self.per_second.values()), "max_per_second": max(self.per_second.values() or [0]),
                    "max_per_second_inner": max(busy), "seconds": len(seconds), "faults": dict(self.faults)}


def handler(data: dict[str, list[dict]], stats: Stats, args) -> type[BaseHTTPRequestHandler]:
    served_faults: Counter = Counter()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *a):        # quiet
            pass

        def do_GET(self):  # noqa: N802 (http.server's name)
            url = urlsplit(self.path)
            if url.path == "/stats":
                return self._json(200, stats.to_dict())
            stats.count()
            if args.delay:
                time.sleep(args.delay)
            query = {k: v[0] for k, v in parse_qs(url.query).items()}
            if url.path.endswith("/organization_list"):
                return self._json(200, {"success": True, "result": sorted(data)})
            if not url.path.endswith("/package_search"):
                return self._json(404, {"success": False, "error": {"message": "Not found"}})
            org = query.get("fq", "").partition(":")[2]
            if args.fault and (args.fault_org in (None, org)) and served_faults[org] < args.fault_times:
                served_faults[org] += 1
                stats.faults[args.fault] += 1
                return self._fault(args.fault)
            found = data.get(org, [])
            start, rows = int(query.get("start", 0)), int(query.get("rows", 100))
            return self._json(200, {"success": True, "result": {"count": len(found),
                                                               "results": found[start:start + rows]}})

        def _fault(self, kind: str):
            if kind == "429":
                self.send_response(429)
                self.send_header("Retry-After", "1")
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif kind == "truncated":
                body = b'{"success": true, "result": {"count": 3, "resu'
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            else:
                self._json(500, {"success": False, "error": {"message": "Internal Server Error"}})

        def _json(self, status: int, body):
            raw = json.dumps(body, ensure_ascii=False).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

    return Handler


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("--orgs", type=int, default=1470)
    parser.add_argument("--packages", type=int, default=40_000)
    parser.add_argument("--delay", type=float, default=0.0)
    parser.add_argument("--fault", choices=("500", "429", "truncated"))
    parser.add_argument("--fault-times", type=int, default=1)
    parser.add_argument("--fault-org")
    args = parser.parse_args(argv)
    data, stats = portal(args.orgs, args.packages), Stats()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), handler(data, stats, args))
    print("ready", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
