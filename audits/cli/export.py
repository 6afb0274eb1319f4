"""odaudit export dcat|dqv: the register, the portal packages and their quality for other catalogues."""
from __future__ import annotations

import sys
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Optional

import typer

from .common import DB_HELP, EXIT_FINDINGS, EXIT_OK, cannot_run

app = typer.Typer(help="Export the register and its quality for other catalogues (DCAT-AP 3, DQV, POD data.json).",
                  no_args_is_help=True)
FORMAT_HELP = "turtle, jsonld, rdfxml or ntriples (DCAT-AP 3), or pod (Project Open Data data.json)."
BASE_HELP = "IRI the catalogue's own datasets hang under (default urn:odaudit:<campaign>:)."


@app.command("dcat")
def dcat(  # noqa: PLR0913
    campaign: Optional[str] = typer.Option(None, "--campaign", help="Campaign slug (default: the newest)."),
    fmt: str = typer.Option("turtle", "--format", help=FORMAT_HELP),
    out: Optional[Path] = typer.Option(None, "--out", help="File to write (default: standard output)."),
    quality: bool = typer.Option(False, "--quality", help="Add the DQV quality measurements to the graph."),
    hvd: bool = typer.Option(False, "--hvd", help="Mark datasets whose theme is an EU high-value category."),
    validate: bool = typer.Option(False, "--validate", help="Check against the DCAT-AP 3 shapes; exit 1 on a violation."),
    base: Optional[str] = typer.Option(None, "--base", help=BASE_HELP),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
) -> None:
    """The register and the latest snapshot's packages as a DCAT-AP 3 catalogue (or data.json).

    Example: odaudit export dcat --campaign lutsk-2020 --format turtle --validate --out out/lutsk-2020/catalog.ttl
    """
    from ..campaign import exports
    from ..interop.export import FORMATS

    if fmt not in FORMATS:
        raise typer.BadParameter(f"'{fmt}': choose one of {', '.join(FORMATS)}", param_hint="--format")
    if validate and fmt == "pod":
        raise typer.BadParameter("the shapes are DCAT-AP's: --validate needs turtle, jsonld or rdfxml")
    with cannot_run(debug):
        from ..campaign.verbs import engine_for

        with _stream(out) as stream:
            done = exports.catalog_export(engine_for(db), campaign, date.today(), fmt, stream, quality=quality,
                                          hvd=hvd, validate=validate, base=base)
    summary = f"{done.datasets} datasets" + (f", {done.measurements} quality measurements" if quality else "")
    if validate:
        summary += f"; SHACL (DCAT-AP 3{' + HVD' if hvd else ''}): {len(done.violations)} violations"
        for v in done.violations:
            typer.echo(f"  {v.focus} {v.path}: {v.constraint}" + (f" ({v.value})" if v.value else ""), err=True)
    typer.echo(summary + (f" → {out}" if out else ""), err=True)
    raise typer.Exit(EXIT_FINDINGS if done.violations else EXIT_OK)


@app.command("dqv")
def dqv(  # noqa: PLR0913
    campaign: Optional[str] = typer.Option(None, "--campaign", help="Campaign slug (default: the newest)."),
    fmt: str = typer.Option("turtle", "--format", help="turtle, jsonld, rdfxml or ntriples."),
    out: Optional[Path] = typer.Option(None, "--out", help="File to write (default: standard output)."),
    base: Optional[str] = typer.Option(None, "--base", help=BASE_HELP),
    links: bool = typer.Option(False, "--links", help="Add each dataset's accessibility from the stored link checks "
                               "(odaudit links)."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
) -> None:
    """The quality indicators as W3C DQV measurements, one per indicator per dataset.

    Datasets are named by the IRIs `odaudit export dcat` gives them; the metrics are described once
    (dqv:Metric with skos:definition in Ukrainian and English).

    Example: odaudit export dqv --campaign lutsk-2020 --out out/lutsk-2020/quality.ttl
    """
    from ..campaign import exports
    from ..interop.export import RDF_FORMATS

    if fmt not in RDF_FORMATS:
        raise typer.BadParameter(f"'{fmt}': choose one of {', '.join(RDF_FORMATS)}", param_hint="--format")
    with cannot_run(debug):
        from ..campaign.verbs import engine_for

        done = exports.quality_export(engine_for(db), campaign, date.today(), fmt, base=base, links=links)
        _write(done.text, out)
    typer.echo(f"{done.measurements} quality measurements of {done.datasets} datasets" + (f" → {out}" if out else ""),
               err=True)


def _write(text: str, out: Path | None) -> None:
    with _stream(out) as stream:
        stream.write(text)


@contextmanager
def _stream(out: Path | None):
    """The file to write (removed again if the export fails half-way), or standard output."""
    if out is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    path = Path(out)
    try:
        with open(path, "w", encoding="utf-8") as fh:
            yield fh
    except BaseException:
        path.unlink(missing_ok=True)
        raise
