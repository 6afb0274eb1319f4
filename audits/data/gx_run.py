"""Run a dataset's expectation suite with Great Expectations: an ephemeral context (nothing
written unless Data Docs are asked for, no GX Cloud), analytics and progress bars off. The
results become the project's findings (warnings) and the share of expectations met, which
the ``data_checks`` quality indicator turns into points."""
from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..files import regular
from ..findings import Finding
from .gx_suites import Spec, build_specs
from .schemas import DatasetSchema
from .sniff import sniff

ROW_SAMPLE = 5


@dataclass
class GxReport:
    file: str
    rows: int
    met: int
    total: int
    findings: list[Finding] = field(default_factory=list)
    docs: Path | None = None
    seconds: float = 0.0

    @property
    def share(self) -> float:
        return self.met / self.total if self.total else 1.0

    def to_dict(self) -> dict:
        return {"file": self.file, "rows": self.rows, "expectations": self.total, "met": self.met,
                "share": round(self.share, 4), "docs": str(self.docs) if self.docs else None,
                "findings": [{"row": f.row, "field": f.field, "code": f.code, "severity": f.severity,
                              "message": f.message} for f in self.findings], "seconds": round(self.seconds, 3)}


def read_frame(path: Path, schema: DatasetSchema):
    """The file as text columns named by field (matched by header, as the validator matches them;
    a column no field owns is left out) and indexed by the row number a user sees, empty → None,
    plus ``<field>`` typed for the range checks (numbers as floats, dates as day numbers)."""
    import pandas as pd

    from .header import file_layout

    path = Path(path)
    layout = file_layout(path, schema)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        frame = pd.read_excel(regular(path), dtype=str, keep_default_na=False, header=None, skiprows=layout.header_rows)
        frame = frame.reindex(columns=range(layout.width)) if len(frame.columns) < layout.width else frame
        frame = frame.iloc[:, :layout.width]
        frame.columns = layout.names()
        frame.index = range(layout.header_rows + 1, len(frame) + layout.header_rows + 1)
    else:
        frame = _csv_frame(path, layout)
    frame = frame[[name for name in layout.names() if name in layout.match.positions]]
    missing = set(schema.missing_values)
    text = frame.apply(lambda col: col.where(~col.isin(missing), None))
    typed = pd.DataFrame(index=frame.index)
    for f in schema.fields:
        name = f["name"]
        if name not in text:
            continue
        if f.get("type") in ("integer", "number", "year"):
            typed[name] = pd.to_numeric(text[name].str.strip(), errors="coerce")
        elif f.get("type") == "date":
            fmt_ = f.get("format", "default")
            parsed = pd.to_datetime(text[name], format="%Y-%m-%d" if fmt_ == "default" else fmt_, errors="coerce")
            typed[name] = (parsed - pd.Timestamp("1970-01-01")).dt.days       # day numbers, as gx_suites
    return text, typed


def _csv_frame(path: Path, layout):
    """The CSV read the way the validator reads it (pyarrow blocks, ragged rows in place), so a
    row number here is the row number of the validation findings."""
    import pyarrow as pa

    from .blocks import read_blocks

    fmt = sniff(path)
    names = layout.names()
    parts, index = [], []
    for columns, rows, _ncells, _extra in read_blocks(path, fmt, names, header_rows=layout.header_rows):
        parts.append(pa.table(columns, names=names))
        index.extend(rows.tolist())
    table = pa.concat_tables(parts) if parts else pa.table({n: pa.array([], pa.string()) for n in names})
    frame = table.to_pandas()
    frame.index = index
    return frame


def run_suite(path: Path, schema: DatasetSchema, as_of: date, previous_rows: int | None = None,  # noqa: PLR0913
              docs_dir: Path | None = None, community=None) -> GxReport:
    """``community``: audits.data.community.Community whose box the coordinates must be in."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    started = time.perf_counter()
    text, typed = read_frame(path, schema)
    every = build_specs(schema, as_of, previous_rows, community=community)
    specs = [s for s in every if s.field is None or s.field in text]
    absent = [s for s in every if s.field is not None and s.field not in text and _requires(s)]
    results = _validate(schema.name, text, typed, specs, docs_dir)
    findings = [_missing(spec, schema, Path(path).name) for spec in absent]
    findings += [_finding(spec, result, Path(path).name, len(text)) for spec, result in zip(specs, results)
                 if not result["success"]]
    met = sum(1 for r in results if r["success"])
    return GxReport(str(path), len(text), met, len(specs) + len(absent), findings,
                    docs_dir / "index.html" if docs_dir else None, time.perf_counter() - started)


def _requires(spec: Spec) -> bool:
    """The schema's "filled in every row": a column it is about must be in the file."""
    return spec.origin == "schema" and spec.expectation == "ExpectColumnValuesToNotBeNull"


def _missing(spec: Spec, schema: DatasetSchema, file: str) -> Finding:
    """A required field whose column is not in the file: its expectation failed, not skipped."""
    column = schema.title_of(spec.field)
    params = dict(column=column, expectation_uk=spec.meaning, detail=f"колонки «{column}» ({spec.field}) у файлі немає")
    return Finding.of("gx-expectation-failed", params, file=file, column=column, field=spec.field, value=spec.origin)


def _validate(name: str, text, typed, specs: list[Spec], docs_dir: Path | None) -> list[dict]:
    """One GX run per frame (text and typed); results in the order of ``specs``."""
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    if docs_dir:
        context.add_data_docs_site(site_name="odaudit", site_config={
            "class_name": "SiteBuilder", "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(Path(docs_dir).resolve())}})
    source = context.data_sources.add_pandas("odaudit")
    out: dict[int, dict] = {}
    for part, frame in (("text", text), ("typed", typed)):
        chosen = [(i, s) for i, s in enumerate(specs) if s.typed == (part == "typed")]
        if not chosen:
            continue
        batch = source.add_dataframe_asset(f"{name}-{part}").add_batch_definition_whole_dataframe("whole")
        suite = context.suites.add(gx.ExpectationSuite(name=f"{name}-{part}"))
        ids = {}
        for i, spec in chosen:
            added = suite.add_expectation(getattr(gx.expectations, spec.expectation)(**spec.kwargs))
            ids[str(added.id)] = i
        definition = context.validation_definitions.add(gx.ValidationDefinition(name=f"{name}-{part}", data=batch, suite=suite))
        result_format = {"result_format": "COMPLETE", "partial_unexpected_count": ROW_SAMPLE}
        if docs_dir:
            checkpoint = context.checkpoints.add(gx.Checkpoint(
                name=f"{name}-{part}", validation_definitions=[definition], result_format=result_format,
                actions=[gx.checkpoint.UpdateDataDocsAction(name="docs", site_names=["odaudit"])]))
            run = checkpoint.run(batch_parameters={"dataframe": frame})
            results = next(iter(run.run_results.values())).results
        else:
            results = definition.run(batch_parameters={"dataframe": frame}, result_format=result_format).results
        for result in results:                     # GX orders results its own way: match by id
            info = result.exception_info or {}
            out[ids[str(result.expectation_config.id)]] = {
                "success": bool(result.success), "result": dict(result.result or {}),
                "error": info.get("exception_message") if info.get("raised_exception") else None}
    return [out[i] for i in range(len(specs))]


def _finding(spec: Spec, result: dict, file: str, rows: int) -> Finding:
    r = result["result"]
    index = list(r.get("unexpected_index_list") or [])
    count = r.get("unexpected_count")
    if spec.expectation == "ExpectTableRowCountToBeBetween":
        detail = f"рядків {r.get('observed_value')}"
    else:
        shown = ", ".join(str(i) for i in index[:ROW_SAMPLE]) + (" …" if len(index) > ROW_SAMPLE else "")
        detail = f"{count} із {rows} рядків" + (f"; рядки {shown}" if shown else "")
    params = dict(column=spec.field or "уся таблиця", expectation_uk=spec.meaning, detail=detail)
    return Finding.of("gx-expectation-failed", params, file=file, row=index[0] if index else None,
                      column=spec.field, field=spec.field, value=spec.origin)
