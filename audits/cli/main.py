"""The odaudit command line. Exit codes: 0 ran and found no errors, 1 ran and found errors,
2 could not run. Heavy modules are imported inside the commands that need them."""
from __future__ import annotations

import sys

import typer

from . import (
    campaign,
    catalogue,
    coverage,
    data,
    monitor,
    notify,
    plan,
    proposals,
    quality,
    review,
    server,
    template,
    validate,
)
from .crash import GuardedGroup

app = typer.Typer(cls=GuardedGroup, help="Open-data audit of a city council's executive bodies (Resolution 835).",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
app.command("validate", help=validate.HELP)(validate.command)
app.add_typer(campaign.app, name="campaign")
app.add_typer(catalogue.app, name="catalogue")
app.add_typer(data.app, name="data")
app.command("coverage")(coverage.command)
app.command("monitor", help=monitor.HELP)(monitor.command)
app.command("quality")(quality.command)
app.command("proposals", help=proposals.HELP)(proposals.command)
app.add_typer(review.app, name="review")
app.add_typer(plan.app, name="plan")
app.add_typer(server.app, name="prefect")
app.command("notify", help=notify.HELP)(notify.command)
app.command("template", help=template.HELP)(template.command)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(2)
