"""A department's page: its campaign, deadline, template, versions and findings; the upload
(for the browser and for tools); the feedback workbook; one version and its original file."""
from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import JSONResponse

from ..campaign import accounts, upload, views
from .access import ICT, Forbidden, need_department
from .common import (
    WRITES,
    address,
    checked_form,
    download,
    find_campaign,
    now,
    redirect,
    render,
    signed_in,
    today,
    wants_json,
)


def _allowed(request: Request) -> tuple:
    """(user, campaign, code) for a page of this department, or 403 (404 only for ICT)."""
    user = signed_in(request)
    slug, code = request.path_params["slug"], request.path_params["code"]
    campaign = find_campaign(request, slug)
    need_department(user, campaign, code)
    if campaign is None:
        raise (LookupError if user.role == ICT else Forbidden)()
    return user, campaign, code


def page(request: Request):
    user, campaign, code = _allowed(request)
    found = views.department_page(request.app.state.engine, campaign["slug"], code, today(request))
    return render(request, "department.html", p=found, slug=campaign["slug"], upload_result=None)


async def submit(request: Request):
    user, campaign, code = _allowed(request)
    form = await checked_form(request)
    sent = form.get("file")
    if not isinstance(sent, UploadFile):
        return render(request, "error.html", status=400, title="Не вибрано файл",
                      text="Виберіть файл переліку (.xlsx, .ods або .csv) і надішліть ще раз.")
    data = await sent.read()
    result, found = await run_in_threadpool(_store, request, user, campaign["slug"], code, sent.filename, data)
    if wants_json(request):
        return JSONResponse(result.to_dict(), status_code=201)
    return render(request, "department.html", status=201, p=found, slug=campaign["slug"], upload_result=result)


def _store(request: Request, user, slug: str, code: str, filename: str | None, data: bytes) -> tuple:
    """Stored one at a time (each upload rebuilds the campaign's current files), then logged."""
    engine = request.app.state.engine
    with WRITES:
        result = upload.submit(engine, slug, code, filename, data, now(request))
        accounts.log(engine, now(request), user.name, address(request), "upload", campaign=slug, department=code,
                     file=result.filename, sha256=result.sha256, submission=result.submission_id,
                     status=result.status, errors=result.errors)
    return result, views.department_page(engine, slug, code, today(request))


def feedback(request: Request):
    user, campaign, code = _allowed(request)
    found = upload.feedback_xlsx(request.app.state.engine, campaign["slug"], code, today(request))
    if found is None:
        return render(request, "error.html", status=404, title="Немає файлу",
                      text="Орган ще не надіслав перелік: зауважень немає.")
    return download(*found)


def template(request: Request):
    user, campaign, code = _allowed(request)
    return download(*upload.template_xlsx(request.app.state.engine, campaign["slug"], code, today(request)))


def _version(request: Request) -> tuple:
    user, campaign, code = _allowed(request)
    found = views.submission_page(request.app.state.engine, campaign["slug"], code, request.path_params["sid"])
    if found is None:    # another department's version looks like one that is not there
        raise (LookupError if user.role == ICT else Forbidden)()
    return campaign, code, found


def version(request: Request):
    campaign, code, found = _version(request)
    return render(request, "version.html", v=found, slug=campaign["slug"], code=code)


def original(request: Request):
    campaign, code, found = _version(request)
    stored = upload.submission_file(request.app.state.engine, campaign["slug"], found["id"])
    if stored is None or stored["content"] is None or stored["department"] != code:
        raise LookupError()
    return download(stored["filename"], stored["content"], "application/octet-stream")


def back(request: Request):
    return redirect(request.url.path.rsplit("/", 1)[0])
