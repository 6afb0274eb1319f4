"""The odaudit command line. Exit codes: 0 ran and found no errors, 1 ran and found errors,
2 could not run. Heavy modules are imported inside the commands that need them."""
from __future__ import annotations

import sys

import typer

from . import (
    assessment,
    campaign,
    catalogue,
    coverage,
    data,
    export as export_commands,
    links as link_commands,
    monitor,
    notify,
    plan,
    proposals,
    quality,
    review,
    serve,
    server,
    template,
    user,
    validate,
)
from .crash import GuardedGroup

app = typer.Typer(cls=GuardedGroup, help="Open-data audit of a city council's executive bodies (Resolution 835).",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
app.command("validate", help=validate.HELP)(validate.command)
app.add_typer(campaign.app, name="campaign")
app.add_typer(catalogue.app, name="catalogue")
app.add_typer(data.app, name="data")
app.add_typer(export_commands.app, name="export")
app.command("coverage")(coverage.command)
app.command("monitor", help=monitor.HELP)(monitor.command)
app.command("links", help=link_commands.HELP)(link_commands.command)
app.command("assessment", help=assessment.HELP)(assessment.command)
app.command("quality")(quality.command)
app.command("proposals", help=proposals.HELP)(proposals.command)
app.add_typer(review.app, name="review")
app.add_typer(plan.app, name="plan")
app.add_typer(server.app, name="prefect")
app.command("notify", help=notify.HELP)(notify.command)
app.command("template", help=template.HELP)(template.command)
app.command("serve", help=serve.HELP)(serve.command)
app.add_typer(user.app, name="user")


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(2)
