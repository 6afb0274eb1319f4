"""The working group's pages: proposals with their components, justification, theme and
decision, filtered by department and theme; the decision history; the sheet and plan
downloads; the secretary's decisions (a form per proposal, or a filled sheet)."""
from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request

from ..campaign import accounts, decide, views
from .access import GROUP, ICT, SECRETARY, need_campaign, need_role
from .common import WRITES, address, checked_form, download, find_campaign, now, render, signed_in, today

READERS = (ICT, GROUP, SECRETARY)
FIELDS = ("department", "item_id", "decision", "comment", "responsible", "deadline")


def _campaign(request: Request, *roles: str) -> tuple:
    user = signed_in(request)
    campaign = find_campaign(request, request.path_params["slug"])
    need_campaign(user, campaign, *roles)
    if campaign is None:
        raise LookupError()
    return user, campaign


def _page(request: Request, user, slug: str, status: int = 200, review=None):
    department = request.query_params.get("department") or None
    theme = request.query_params.get("theme") or None
    found = views.proposals_page(request.app.state.engine, slug, today(request), department, theme)
    return render(request, "proposals.html", status=status, r=found, slug=slug, department=department,
                  theme=theme, review=review, may_decide=user.role == SECRETARY)


def proposals(request: Request):
    user, campaign = _campaign(request, *READERS)
    return _page(request, user, campaign["slug"])


def sheet(request: Request):
    user, campaign = _campaign(request, *READERS)
    with WRITES:        # the ranking is kept as an export: the sheet carries its number
        return download(*decide.proposals_sheet(request.app.state.engine, campaign["slug"], now(request)))


def plan(request: Request):
    user, campaign = _campaign(request, *READERS)
    return download(*decide.plan_xlsx(request.app.state.engine, campaign["slug"], today(request)))


async def decisions(request: Request):
    user, campaign = _campaign(request, *READERS)
    need_role(user, SECRETARY)
    form = await checked_form(request)
    engine, at, slug = request.app.state.engine, now(request), campaign["slug"]
    sent = form.get("file")
    data = await sent.read() if isinstance(sent, UploadFile) and sent.filename else None
    fields = {k: str(form.get(k) or "")[:4000] for k in FIELDS}
    review = await run_in_threadpool(_record, engine, slug, sent.filename if data is not None else None, data, fields,
                                     at, user.name)
    await run_in_threadpool(_log, request, user, slug, fields, review)
    return await run_in_threadpool(_page, request, user, slug, 400 if review.errors else 200, review)


def _record(engine, slug: str, filename: str | None, data: bytes | None, fields: dict, at, by: str):  # noqa: PLR0913
    with WRITES:
        if data is not None:
            return decide.import_sheet(engine, filename, data, at, by)
        return decide.record_one(engine, slug, fields, at, by)


def _log(request: Request, user, slug: str, fields: dict, review) -> None:
    engine, at = request.app.state.engine, now(request)
    accounts.log(engine, at, user.name, address(request), "decision", campaign=slug,
                 department=fields["department"][:64] or None, file=review.file,
                 export=review.export_id, recorded=review.recorded, errors=review.errors,
                 decisions=[{k: str(v) for k, v in d.items() if k in ("department", "item_id", "decision")}
                            for d in review.decisions])
