"""The proposals flow (after a campaign: rank, keep the export, write proposals.xlsx/.html)
and the review flow (record the working group's decisions from a filled sheet). Wiring only."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from flows import prefect_env  # noqa: F401  (must precede the Prefect import)

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.states import Completed, Failed

from audits.campaign import verbs
from audits.reports.proposals_outputs import write_proposal_outputs
from audits.reports.run_summary import links, review_markdown
from flows.publish import named, publish


@task(name="rank-proposals", cache_policy=NO_CACHE)
def rank(db_url: str | None, campaign: str | None, as_of: date | None, exported_at: datetime):
    with verbs.database(db_url) as engine:
        return verbs.proposals(engine, campaign, as_of, exported_at)


@task(name="write-proposals", cache_policy=NO_CACHE)
def write(report, out: Path) -> dict[str, str]:
    return {k: str(v) for k, v in write_proposal_outputs(Path(out), report).items()}


@task(name="import-decisions", cache_policy=NO_CACHE)
def record(db_url: str | None, file: Path, recorded_at: datetime, by: str | None):
    with verbs.database(db_url) as engine:
        return verbs.review(engine, Path(file), recorded_at, by)


@flow(name="proposals", log_prints=False, flow_run_name=named("proposals", "campaign", "out"))
def proposals_flow(out: Path, db_url: str | None = None, campaign: str | None = None, as_of: date | None = None,
                   exported_at: datetime | None = None) -> dict:
    """Rank the register's unpublished items; returns the export id, the counts and the paths."""
    report = rank(db_url, campaign, as_of, exported_at or datetime.now().replace(microsecond=0))
    paths = write(report, Path(out))
    r = report.ranking
    publish(f"proposals-{report.campaign}", "\n".join([
        f"# Пропозиції: {report.campaign}", f"Прогалини Постанови № 835: {len(r['compliance_gaps'])}, пропозицій "
        f"{len(r['proposals'])}, заблоковано {len(r['blocked'])}; вивантаження {report.export_id}.", ""] + links(paths)))
    return {"export": report.export_id, "compliance_gaps": len(r["compliance_gaps"]),
            "proposals": len(r["proposals"]), "blocked": len(r["blocked"]), "outputs": paths}


@flow(name="review", log_prints=False, flow_run_name=named("review", "file"))
def review_flow(file: Path, db_url: str | None = None, by: str | None = None,
                recorded_at: datetime | None = None) -> dict:
    """Record the decisions of a filled proposals.xlsx (all or none); returns what happened."""
    review = record(db_url, Path(file), recorded_at or datetime.now().replace(microsecond=0), by)
    found = review.to_dict()
    publish(f"review-{review.campaign or Path(file).stem}", review_markdown(found))
    if review.errors:      # nothing recorded: the run says so (Failed, with the reason), not Completed
        first = next(f.message for f in review.findings if f.is_error)
        return Failed(message=f"nothing recorded: {review.errors} error(s) in {Path(file).name}; first: {first}",
                      data=found)
    return Completed(message=f"{review.recorded} decision(s) recorded, {review.unchanged} unchanged", data=found)
