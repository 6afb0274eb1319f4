"""The data-checks flow: every data file of a campaign (a folder, or the files and URLs its
data-files.yaml lists per register item) is validated, screened for personal data and run
through its expectation suite, concurrently; remote files are fetched with retries. Results
go to <out>/data-checks.json and GX Data Docs to <out>/data-docs/; with a campaign in the
database they are stored per item, so proposals can leave out blocked items. Only wiring:
the work is in audits/data."""
from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

from flows import prefect_env  # noqa: F401  (must precede the Prefect import)

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from audits.campaign import verbs
from audits.campaign.config import folder_community
from audits.data import manifest, remote
from audits.data.check import check_file
from audits.reports.run_summary import links
from flows.publish import named, publish


@task(name="fetch-remote-file", cache_policy=NO_CACHE, retries=3, retry_delay_seconds=5)
def fetch(url: str, folder: str) -> str:
    return str(remote.fetch(url, Path(folder)))


@task(name="check-data-file", cache_policy=NO_CACHE)
def check(path: str, schema: str | None, as_of: date, expectations: bool, docs_dir: str | None, source: str,  # noqa: PLR0913
          previous: int | None = None, community=None) -> dict:
    return check_file(Path(path), schema, as_of=as_of, expectations=expectations,
                      docs_dir=Path(docs_dir) if docs_dir else None, source=source, previous_rows=previous,
                      community=community)


@task(name="read-previous-rows", cache_policy=NO_CACHE)
def read_previous(db_url: str | None, campaign_slug: str | None) -> dict[str, int]:
    """Rows of each item's previously checked file (the row count must not collapse)."""
    with verbs.database(db_url) as engine:
        return verbs.data_check_floors(engine, campaign_slug)


@task(name="store-data-checks", cache_policy=NO_CACHE)
def store(db_url: str | None, campaign_slug: str | None, results: list[tuple[str | None, dict]],
          checked_at: datetime) -> int:
    with verbs.database(db_url) as engine:
        return verbs.keep_data_checks(engine, campaign_slug, results, checked_at)


@flow(name="data-checks", log_prints=False, flow_run_name=named("data-checks", "campaign", "folder"))
def data_checks_flow(folder: str, out: str | None = None, as_of: date | None = None, expectations: bool = True,  # noqa: PLR0913
                     db_url: str | None = None, campaign: str | None = None, retry_delay_seconds: float = 5.0,
                     community=None) -> dict:
    """``community``: the coordinates' box (audits.data.community.Community); default: the
    folder's campaign.yaml ``community``, else Ukraine's box."""
    as_of = as_of or date.today()
    community = community or folder_community(Path(folder))
    out_dir = Path(out) if out else Path(folder) / "out"
    jobs = manifest.jobs(Path(folder))
    downloads = out_dir / "downloads"
    fetcher = fetch.with_options(retry_delay_seconds=retry_delay_seconds)
    previous = read_previous(db_url, campaign) if (db_url or campaign) else {}
    futures = []
    for job in jobs:
        local = fetcher.submit(job.ref, str(downloads)) if remote.is_remote(job.ref) else job.ref
        futures.append((job, check.submit(local, job.schema, as_of, expectations,
                                          str(out_dir / "data-docs") if expectations else None, job.ref,
                                          previous.get(job.item) if job.item else None, community)))
    results, failed = [], []
    for job, future in futures:
        try:
            results.append((job.item, future.result()))
        except Exception as exc:          # a remote file still failing after its retries: reported, not fatal
            failed.append({"source": job.ref, "item": job.item, "error": str(exc).splitlines()[0][:300]})
    stored = store(db_url, campaign, results, datetime.now().replace(microsecond=0)) if (db_url or campaign) else 0
    summary = {"files": len(jobs), "checked": len(results), "failed": failed, "stored": stored,
               "blocked": [r["source"] for _, r in results if r["privacy_hits"]],
               "results": [{**r, "item": item} for item, r in results]}
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "data-checks.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    publish(f"data-checks-{campaign or Path(folder).name}", "\n".join(
        [f"# Перевірка файлів даних: {campaign or Path(folder).name}",
         f"Файлів {len(jobs)}, перевірено {len(results)}, не отримано {len(failed)}, з персональними даними "
         f"{len(summary['blocked'])}.", ""] + links({"data-checks.json": str(out_dir / "data-checks.json")})),
            [{"Файл": r["source"], "Рядків": r.get("rows"), "Персональні дані": r["privacy_hits"]}
             for _, r in results])
    return summary
