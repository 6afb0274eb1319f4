"""Prefect defaults for odaudit, set before Prefect is imported: ephemeral mode with state
under var/prefect, no analytics, a startup timeout that survives a busy 2-core machine.
An explicit environment (e.g. PREFECT_API_URL for a real server) always wins."""
from __future__ import annotations

import os
from pathlib import Path

DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW": "ignore",
    # Ephemeral mode has no UI to show task runs and events; these services only cost time
    # and log cancellation noise at shutdown (stack notes). A real server keeps its own settings.
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_EVENT_PERSISTER_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_TRIGGERS_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_EVENT_LOGGER_ENABLED": "false",
}


def configure() -> None:
    os.environ.setdefault("PREFECT_HOME", str(Path("var/prefect").resolve()))
    Path(os.environ["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)  # Prefect makes only the last level
    for key, value in DEFAULTS.items():
        os.environ.setdefault(key, value)


configure()
