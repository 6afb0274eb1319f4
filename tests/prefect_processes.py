"""A real `prefect server start` and a real process worker for tests and benchmarks: started as
processes on a free 127.0.0.1 port, each in its own process group, stopped by PID."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def environment(home: Path, port: int, **extra: str) -> dict[str, str]:
    """The environment of every command: this checkout first on the path, a server of its own."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_") and k != "ODAUDIT_PROJECT_DIR"}
    env.update(PREFECT_HOME=str(home), PREFECT_API_URL=f"http://127.0.0.1:{port}/api", DO_NOT_TRACK="1",
               PREFECT_SERVER_ANALYTICS_ENABLED="false", PYTHONPATH=str(ROOT), PATH=f"{BIN}{os.pathsep}{env['PATH']}",
               PREFECT_LOGGING_LEVEL="INFO",
               # a worker asks for scheduled runs every second, not every 10 s: the tests wait less,
               # what runs is the same
               PREFECT_WORKER_QUERY_SECONDS="1", PREFECT_WORKER_PREFETCH_SECONDS="1")
    env.update(extra)
    return env


def start(args: list[str], env: dict, cwd: Path, log: Path) -> subprocess.Popen:
    return subprocess.Popen(args, env=env, cwd=cwd, stdout=log.open("wb"), stderr=subprocess.STDOUT,
                            start_new_session=True)


def stop(process: subprocess.Popen, timeout: float = 20) -> None:
    """SIGTERM to the process group the PID leads (the server's uvicorn, the worker's flow runs), then SIGKILL."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout)


def wait_healthy(port: int, process: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"prefect server exited with {process.returncode}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"prefect server not healthy on port {port} after {timeout} s")


@contextmanager
def prefect_server(home: Path, database: Path | None = None, **extra: str):
    """(port, env) of a running server; stopped by PID on exit. ``database``: a migrated Prefect
    database copied in as the server's own (home/prefect.db), which spares it the migrations."""
    port = free_port()
    env = environment(home, port, **extra)
    home.mkdir(parents=True, exist_ok=True)
    if database is not None:
        shutil.copy(database, home / "prefect.db")
    server = start([str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)], env, home,
                   home / "server.log")
    try:
        wait_healthy(port, server)
        yield port, env
    finally:
        stop(server)


@contextmanager
def worker(env: dict, cwd: Path, log: Path, pool: str = "odaudit"):
    process = start([str(BIN / "prefect"), "worker", "start", "--pool", pool], env, cwd, log)
    try:
        yield process
    finally:
        stop(process)


def run(args: list[str], env: dict, cwd: Path = ROOT, timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run(args, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout)


def descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (a worker's flow runs may lead process groups of their own)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def kill_tree(process: subprocess.Popen) -> None:
    """A worker dying as a machine would: it and every flow run it started, SIGKILL, by PID."""
    for pid in [*descendants(process.pid), process.pid]:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    process.wait(10)


@contextmanager
def portal_stub(*args: str):
    """(base URL, stats URL) of bench/portal_stub.py running on a free port; stopped by PID."""
    port = free_port()
    process = subprocess.Popen([sys.executable, str(ROOT / "bench" / "portal_stub.py"), str(port), *args],
                               stdout=subprocess.PIPE, start_new_session=True, env={**os.environ,
                                                                                   "PYTHONPATH": str(ROOT)})
    try:
        assert process.stdout.readline().strip() == b"ready"
        yield f"http://127.0.0.1:{port}", f"http://127.0.0.1:{port}/stats"
    finally:
        stop(process)
