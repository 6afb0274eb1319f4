"""odaudit data validate / screen: check a data file (not an inventory) against a dataset
Table Schema, or screen it for personal data. Nothing is stored."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Optional

import typer

from ..files import regular
from .common import (
    DB_HELP,
    EXIT_CANNOT_RUN,
    EXIT_FINDINGS,
    EXIT_OK,
    cannot_run,
    console as make_console,
    parse_date,
    print_json,
)

app = typer.Typer(help="Check data files: dataset Table Schemas (fast path), the privacy screen, GX suites.",
                  no_args_is_help=True)

VALIDATE_HELP = """Validate a data file (.csv; .xlsx through frictionless) against a dataset Table Schema.

SCHEMA is a schema file, its folder, or a dataset name from schemas/datasets/ (e.g. transport-stops).
Large CSV files are checked by the vectorised path in blocks; what it does not cover goes to
frictionless, with the same findings. Exit 0: no errors; 1: errors found; 2: could not run.

Example: odaudit data validate stops.csv --schema transport-stops --json
"""

SCREEN_HELP = """Screen a data file (.csv, .xlsx) for personal data: РНОКПП, passport and ID-card numbers,
phone numbers, e-mail addresses, IBAN UA, full names with a patronymic.

Each hit is a finding with a masked sample. Exit 0: nothing found; 1: personal data found (the
file is blocked from proposals until reviewed); 2: could not run.

The dataset's contact point (the responsible person and their e-mail, required in every
passport by Resolution 835) is not personal data to remove: a name or e-mail in such a column
is a note ("notes" in --json), never a block. Contact columns are the fields the --schema marks
x-contact-point, and always the inventory's «Відповідальна особа» / «Електронна пошта
відповідальної особи» (and their aliases) and the national register's contactPointFn /
contactPointHasEmail. A phone, РНОКПП or passport number there still blocks.

Example: odaudit data screen leased-property.csv --json
"""


@app.command("validate", help=VALIDATE_HELP)
def validate(
    file: Path = typer.Argument(..., help="The data file.", exists=True, dir_okay=False),
    schema: str = typer.Option(..., "--schema", help="Table Schema: a file, a folder or a dataset name."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    engine: str = typer.Option("auto", "--engine", help="auto (fast, else frictionless), fast or frictionless."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
) -> None:
    from ..data.schemas import load_schema
    from ..data.validate import validate_file

    if engine not in ("auto", "fast", "frictionless"):
        raise typer.BadParameter("--engine is auto, fast or frictionless")
    with cannot_run(debug):
        regular(file)                      # a FIFO, a device: one line and exit 2, never a hang
        report = validate_file(file, load_schema(schema), engine)
    _print(report.to_dict(), as_json, extra=f"перевірено: {report.engine}" +
           (f" ({report.fallback})" if report.fallback else ""))
    raise typer.Exit(EXIT_OK if report.valid else EXIT_FINDINGS)


@app.command("screen", help=SCREEN_HELP)
def screen(
    file: Path = typer.Argument(..., help="The data file.", exists=True, dir_okay=False),
    schema: Optional[str] = typer.Option(None, "--schema", help="The file's Table Schema (its contact-point fields)."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
) -> None:
    from ..data.privacy.contact import schema_contact_columns
    from ..data.privacy.screen import screen_file
    from ..data.schemas import load_schema

    with cannot_run(debug):
        columns = schema_contact_columns(load_schema(schema).descriptor) if schema else None
    result = screen_file(file, columns)
    if result.unread:                      # nothing was screened: never "nothing found"
        typer.echo(f"odaudit: cannot run: could not read {file} to screen it: {result.unread}", err=True)
        raise typer.Exit(EXIT_CANNOT_RUN)
    report = result.to_dict()
    if not as_json:                        # the table shows the notes after the hits
        report = {**report, "findings": report["findings"] + report["notes"]}
    _print(report, as_json, extra=", ".join(f"{k}: {v}" for k, v in result.kinds.items()))
    raise typer.Exit(EXIT_FINDINGS if result.findings else EXIT_OK)


EXPECT_HELP = """Run the expectation suite of a dataset (Great Expectations, ephemeral, no analytics) on a data file:
the schema's rules plus content (coordinates in the community, dates, amounts, empty cells, row count).
A required field whose column is missing from the file is a failed expectation.

--community gives the community's box: "lat_min,lat_max,lon_min,lon_max" (e.g. "50.60,50.88,25.10,25.56"),
or a YAML file with community: {name: ..., bbox: {lat_min, lat_max, lon_min, lon_max}}, or a campaign
folder (its campaign.yaml community). Without it coordinates are checked only against Ukraine's box
(44–53 N, 22–41 E), and the findings say that no community was given.

Failed expectations are warnings; the share met feeds the data_checks quality indicator.
--docs DIR builds GX Data Docs there (open DIR/index.html). Exit 0: all met; 1: some failed; 2: could not run.

Example: odaudit data expect stops.csv --schema transport-stops --as-of 2020-06-01 --docs out/data-docs
"""


@app.command("expect", help=EXPECT_HELP)
def expect(
    file: Path = typer.Argument(..., help="The data file.", exists=True, dir_okay=False),
    schema: str = typer.Option(..., "--schema", help="Table Schema: a file, a folder or a dataset name."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Audit date (YYYY-MM-DD); later dates fail. Default: today."),
    previous_rows: Optional[int] = typer.Option(None, "--previous-rows", help="Rows of the previous version of the file."),
    docs: Optional[Path] = typer.Option(None, "--docs", help="Build GX Data Docs into this folder."),
    community: Optional[str] = typer.Option(None, "--community", help="The community's box: "
                                            "'lat_min,lat_max,lon_min,lon_max', a YAML file or a campaign folder."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
) -> None:
    from ..data.gx_run import run_suite
    from ..data.schemas import load_schema

    with cannot_run(debug):
        regular(file)
        report = run_suite(file, load_schema(schema), parse_date(as_of) or date.today(), previous_rows, docs,
                           _community(community))
    data = report.to_dict()
    data["valid"] = not report.findings
    _print(data, as_json, extra=f"очікувань виконано {report.met} з {report.total}"
           + (f"; Data Docs: {report.docs}" if report.docs else ""))
    raise typer.Exit(EXIT_OK if not report.findings else EXIT_FINDINGS)


def _community(text: str | None):
    """--community: four numbers, a community YAML file, or a campaign folder; None: Ukraine's box."""
    if text is None:
        return None
    if Path(text).is_dir():
        from ..campaign.config import load_campaign

        found = load_campaign(Path(text), snapshot=False).community
        if found is None:
            from ..data.community import CommunityError

            raise CommunityError(f"{text}/campaign.yaml has no 'community: {{name, bbox}}'")
        return found
    from ..data.community import parse_community

    return parse_community(text)


def _print(report: dict, as_json: bool, extra: str = "") -> None:
    if as_json:
        print_json(report)
        return
    from rich.table import Table

    console = make_console()
    verdict = "[green]без помилок[/]" if report["valid"] else "[red]є знахідки[/]"
    console.print(f"[bold]{report['file']}[/]: рядків {report['rows']}, {verdict}, {report['seconds']} с"
                  + (f"; {extra}" if extra else ""))
    if report["findings"]:
        table = Table("Рядок", "Поле", "Код", "Повідомлення")
        for f in report["findings"][:200]:
            table.add_row(str(f["row"] or ""), f["field"] or "", f["code"], f["message"])
        console.print(table)
        if len(report["findings"]) > 200:
            console.print(f"… і ще {len(report['findings']) - 200}; усі — з --json")


REVIEW_HELP = """Record that a person looked at the personal-data hits in an item's data file.

--cleared: not personal data, or lawfully public: the item may be proposed again.
--confirmed: personal data indeed: it stays out of the proposals until a depersonalised file
is checked. ITEM is <department code>:<inventory id>, as in data-checks.json.

Example: odaudit data review mist:mist-007 --cleared --by "Ткачук В. П." --note "ФОП: дані з ЄДР"
"""


@app.command("review", help=REVIEW_HELP)
def review(
    item: str = typer.Argument(..., help="<department code>:<inventory id>, e.g. mist:mist-007."),
    cleared: bool = typer.Option(..., "--cleared/--confirmed", help="Cleared (unblock) or confirmed (keep blocked)."),
    by: str = typer.Option(..., "--by", help="Who reviewed the hits."),
    note: Optional[str] = typer.Option(None, "--note", help="Why (kept with the review)."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    campaign: Optional[str] = typer.Option(None, "--campaign", help="Campaign slug (default: the newest)."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
) -> None:
    from datetime import datetime

    from ..campaign import verbs

    with cannot_run(debug):
        state = verbs.review_data_item(verbs.engine_for(db), campaign, item, by, cleared,
                                       datetime.now().replace(microsecond=0), note)
    typer.echo(f"{item}: {'знято блокування' if state == 'cleared' else 'лишається заблокованим до знеособлення'}")
    raise typer.Exit(EXIT_OK)
