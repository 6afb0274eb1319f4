"""README "Running on a Prefect server", run as written against a real `prefect server start` on
a free 127.0.0.1 port and a real process worker (started in another folder, no odaudit variable
set): `odaudit prefect setup`, `prefect deploy --all`, a campaign deployment run that finishes
Completed, named after its campaign, with its artifacts; the national run over a local portal
stub (faults included) and its rerun after the worker died. Everything stopped by PID."""
from __future__ import annotations

import json
import re
import time

import httpx
import pytest
import sqlalchemy as sa

from conftest import ROOT, migrated_prefect_db
from prefect_processes import BIN, kill_tree, portal_stub, prefect_server, run, start, stop, worker

pytestmark = pytest.mark.flow
README = (ROOT / "README.md").read_text(encoding="utf-8")


def section_commands() -> list[str]:
    """The shell lines of the README section, in order (the test runs what the reader runs)."""
    section = README.split("## Running on a Prefect server", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, re.S)
    return [line.split(" #")[0].strip() for block in blocks for line in block.splitlines()
            if line.strip() and not line.startswith("#")]


def test_readme_section_names_the_commands_this_test_runs():
    commands = section_commands()
    assert [c for c in commands if c.startswith((".venv/bin/prefect server start", ".venv/bin/odaudit prefect setup",
                                                 ".venv/bin/prefect --no-prompt deploy --all",
                                                 ".venv/bin/prefect worker start"))] == [
        ".venv/bin/prefect server start --host 127.0.0.1 --port 4200",
        ".venv/bin/odaudit prefect setup --concurrency 4 --portal-rate 2",
        ".venv/bin/prefect --no-prompt deploy --all",
        ".venv/bin/prefect worker start --pool odaudit"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """(env, folder) of a server set up and deployed as README says."""
    folder = tmp_path_factory.mktemp("prefect-server")
    with prefect_server(folder / "prefect-home", migrated_prefect_db()) as (port, env):
        setup = run([str(BIN / "odaudit"), "prefect", "setup", "--concurrency", "4", "--portal-rate", "2"], env)
        assert setup.returncode == 0, setup.stderr
        deploy = run([str(BIN / "prefect"), "--no-prompt", "deploy", "--all"], env)
        assert deploy.returncode == 0, deploy.stdout[-2000:] + deploy.stderr[-2000:]
        (folder / "worker-folder").mkdir()
        yield env, folder


def deployment_run(env: dict, name: str, timeout: int = 150, **params) -> str:
    args = [str(BIN / "prefect"), "deployment", "run", name, "--watch", "--watch-interval", "1",
            "--watch-timeout", str(timeout)]
    for key, value in params.items():
        args += ["--param", f"{key}={value}"]
    return run(args, env, timeout=timeout + 20).stdout


def completed(watched: str) -> bool:
    """`prefect deployment run --watch` printed that the run ended Completed."""
    return "finished successfully in 'Completed'" in watched


def flow_runs(env: dict, flow_name: str | None = None) -> list[dict]:
    api = env["PREFECT_API_URL"]
    body = {"flows": {"name": {"any_": [flow_name]}}} if flow_name else {}
    return httpx.post(f"{api}/flow_runs/filter", json=body, timeout=10).json()


def artifacts(env: dict) -> dict[str, dict]:
    found = httpx.post(f"{env['PREFECT_API_URL']}/artifacts/filter", json={}, timeout=10).json()
    return {a["key"]: a for a in found if a.get("key")}


def test_campaign_deployment_runs_on_the_server_and_a_worker(server, tmp_path):
    env, folder = server
    with worker(env, folder / "worker-folder", tmp_path / "worker.log"):
        out, db = tmp_path / "out", f"sqlite:///{tmp_path / 'register.sqlite'}"
        watched = deployment_run(env, "campaign/campaign", out=out, db_url=db, as_of="2020-06-01")
    log = (tmp_path / "worker.log").read_text(encoding="utf-8", errors="replace")
    assert completed(watched), watched[-3000:] + log[-3000:]
    assert "FileNotFoundError" not in log
    assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["totals"]["invalid"] == 6
    runs = flow_runs(env, "campaign")
    assert [(r["name"], r["state_type"]) for r in runs] == [("lutsk-2020 · 2020-06-01", "COMPLETED")]
    found = artifacts(env)
    assert {"campaign-lutsk-2020", "campaign-lutsk-2020-table"} <= set(found)
    assert "потребують виправлень 6" in found["campaign-lutsk-2020"]["data"]


def test_schedules_are_created_paused(server):
    env, _ = server
    api = env["PREFECT_API_URL"]
    deployments = httpx.post(f"{api}/deployments/filter", json={}, timeout=10).json()
    schedules = {d["name"]: [s["active"] for s in d["schedules"]] for d in deployments}
    assert schedules["monitor"] == [False] and schedules["reminders"] == [False]


def test_national_run_over_the_live_stub_with_faults(server, tmp_path):
    """Two organisations in one child run (batch=2); the stub answers each organisation's first
    request with 500 (the client retries) and counts requests: never more than the rate limit's 2
    a second."""
    env, folder = server
    db = f"sqlite:///{tmp_path / 'national.sqlite'}"
    with portal_stub("--orgs", "2", "--packages", "20", "--fault", "500") as (base, stats), \
            worker(env, folder / "worker-folder", tmp_path / "worker.log"):
        watched = deployment_run(env, "national/national", base_url=base, out=tmp_path / "out", db_url=db,
                                 as_of="2020-06-01", batch=2)        # both in one child run
        seen = httpx.get(stats).json()
    assert completed(watched), watched[-3000:]
    table = (tmp_path / "out" / "national.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(table) == 3 and table[0].startswith("rank,organization,title,packages")
    assert {(tmp_path / "out" / n).is_file() for n in ("national.xlsx", "national.html")} == {True}
    assert seen["faults"] == {"500": 2} and seen["max_per_second"] <= 2
    assert [r["name"] for r in flow_runs(env, "organisation")] == ["org · hromada-0000 (+1)"]


def test_rerun_after_the_worker_died_does_only_the_missing(server, tmp_path):
    """The worker and its flow runs are killed once the first organisation is stored; the dead
    runs are marked Crashed (what the heartbeat automation of `odaudit prefect setup` does after
    --zombie-after seconds); a new worker and a rerun complete the others, none twice."""
    env, folder = server
    db = f"sqlite:///{tmp_path / 'national.sqlite'}"
    engine = sa.create_engine(db)

    def stored() -> set[str]:
        try:
            with engine.connect() as c:
                return {r[0] for r in c.execute(sa.text("select organization from national_result"))}
        except sa.exc.OperationalError:          # not created yet
            return set()

    params = {"out": tmp_path / "out", "db_url": db, "as_of": "2020-06-01"}
    with portal_stub("--orgs", "4", "--packages", "30", "--delay", "1") as (base, _):
        dying = start([str(BIN / "prefect"), "worker", "start", "--pool", "odaudit"], env, folder / "worker-folder",
                      tmp_path / "dying.log")
        first = start([str(BIN / "prefect"), "deployment", "run", "national/national", *_params(params, base)], env,
                      ROOT, tmp_path / "first.log")
        deadline = time.monotonic() + 120
        while not stored() and time.monotonic() < deadline:
            time.sleep(0.2)
        kill_tree(dying)
        stop(first)
        before = stored()
        assert 1 <= len(before) < 4, before
        _crash_running(env)
        with worker(env, folder / "worker-folder", tmp_path / "worker.log"):
            watched = deployment_run(env, "national/national", base_url=base, **params)
    assert completed(watched), watched[-3000:]
    assert stored() == {f"hromada-{n:04d}" for n in range(4)}
    national = sorted((r for r in flow_runs(env, "national") if r["parameters"].get("db_url") == db),
                      key=lambda r: r["created"])
    assert [r["state_type"] for r in national] == ["CRASHED", "COMPLETED"]
    rerun = [u["organization"] for r in flow_runs(env, "organisation") for u in r["parameters"]["units"]
             if r["parameters"].get("db_url") == db and r["created"] > national[-1]["created"]]
    assert rerun and not set(rerun) & before      # the rerun started only organisations not stored before


def _crash_running(env: dict) -> None:
    api = env["PREFECT_API_URL"]
    running = httpx.post(f"{api}/flow_runs/filter", json={"flow_runs": {"state": {"type": {"any_": [
        "RUNNING", "PENDING"]}}}}, timeout=10).json()
    for r in running:
        httpx.post(f"{api}/flow_runs/{r['id']}/set_state", json={"state": {"type": "CRASHED", "message": "worker died"},
                                                                 "force": True}, timeout=10).raise_for_status()


def _params(params: dict, base: str) -> list[str]:
    args = ["--param", f"base_url={base}"]
    for key, value in params.items():
        args += ["--param", f"{key}={value}"]
    return args
