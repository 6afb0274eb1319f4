"""README "Running on a Prefect server", run as written: a real `prefect server start` on a free
127.0.0.1 port, `odaudit prefect setup`, `prefect deploy --all` from the checkout, a real process
worker started in another folder with no odaudit variable set, and a campaign deployment run
that must finish Completed, named after its campaign, with its artifacts. Both stopped by PID."""
from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT
from prefect_processes import BIN, prefect_server, run, worker

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


def test_campaign_deployment_runs_on_a_real_server_and_worker(tmp_path):
    with prefect_server(tmp_path / "prefect-home") as (port, env):
        setup = run([str(BIN / "odaudit"), "prefect", "setup", "--concurrency", "4", "--portal-rate", "2"], env)
        assert setup.returncode == 0, setup.stderr
        deploy = run([str(BIN / "prefect"), "--no-prompt", "deploy", "--all"], env)
        assert deploy.returncode == 0, deploy.stdout[-2000:] + deploy.stderr[-2000:]
        elsewhere = tmp_path / "worker-folder"
        elsewhere.mkdir()
        with worker(env, elsewhere, tmp_path / "worker.log"):
            out, db = tmp_path / "out", f"sqlite:///{tmp_path / 'register.sqlite'}"
            started = run([str(BIN / "prefect"), "deployment", "run", "campaign/campaign", "--param", f"out={out}",
                           "--param", f"db_url={db}", "--param", "as_of=2020-06-01", "--watch",
                           "--watch-timeout", "150"], env, timeout=170)
        log = (tmp_path / "worker.log").read_text(encoding="utf-8", errors="replace")
        assert "Completed" in started.stdout, started.stdout[-3000:] + log[-3000:]
        assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["totals"]["invalid"] == 6
        assert "FileNotFoundError" not in log
        runs, artifacts = _read_back(env)
    assert [r["name"] for r in runs] == ["lutsk-2020 · 2020-06-01"]
    assert runs[0]["state_type"] == "COMPLETED"
    assert {a["key"] for a in artifacts} >= {"campaign-lutsk-2020", "campaign-lutsk-2020-table"}
    summary = next(a for a in artifacts if a["key"] == "campaign-lutsk-2020")["data"]
    assert "потребують виправлень 6" in summary and "summary.json" in summary


def _read_back(env: dict):
    import httpx

    api = env["PREFECT_API_URL"]
    runs = httpx.post(f"{api}/flow_runs/filter", json={}, timeout=10).json()
    artifacts = httpx.post(f"{api}/artifacts/filter", json={}, timeout=10).json()
    return runs, artifacts
