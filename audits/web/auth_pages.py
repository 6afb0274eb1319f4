"""Sign-in and sign-out, the home page (each role's first page), the health check."""
from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse

from ..campaign import accounts
from .access import DEPARTMENT, GROUP, ICT, SECRETARY
from .common import (
    address,
    checked_form,
    ensure_session,
    now,
    redirect,
    render,
    session_of,
    set_session,
    signed_in,
    user_of,
)
from .session import new_session, now_ms

MAX_FIELD = 1024


def healthz(request: Request):
    from ..campaign.verbs import database_ok

    ok = database_ok(request.app.state.engine)
    return PlainTextResponse("ok" if ok else "database unreachable", status_code=200 if ok else 503)


def login_form(request: Request):
    if user_of(request) is not None:
        return redirect("/")
    session, fresh = ensure_session(request)
    response = render(request, "login.html", error=None, username="")
    if fresh:
        set_session(request, response, session)
    return response


async def login(request: Request):
    form = await checked_form(request)
    name, password = str(form.get("username") or "")[:MAX_FIELD], str(form.get("password") or "")[:MAX_FIELD]
    limiter, where = request.app.state.limiter, address(request)
    engine = request.app.state.engine
    if limiter.blocked(name, where):
        await run_in_threadpool(accounts.log, engine, now(request), name[:100], where, "sign-in-blocked")
        return render(request, "login.html", status=429, username=name,
                      error="Забагато невдалих спроб. Спробуйте знову за 15 хвилин.")
    found = await run_in_threadpool(accounts.authenticate, engine, name, password)   # argon2: ~50 ms, off the loop
    if found is None:
        limiter.failed(name, where)
        await run_in_threadpool(accounts.log, engine, now(request), name[:100], where, "sign-in-failed")
        return render(request, "login.html", status=401, username=name,
                      error="Неправильне ім'я користувача або пароль.")
    limiter.succeeded(name)
    await run_in_threadpool(accounts.log, engine, now(request), found.name, where, "sign-in")
    response = redirect("/")
    set_session(request, response, new_session(found.name))     # a new token: nothing carries over
    return response


async def logout(request: Request):
    await checked_form(request)
    found = user_of(request)
    if found is not None:
        await run_in_threadpool(accounts.sign_out, request.app.state.engine, found.name, now_ms())
    response = redirect("/login")
    response.delete_cookie("odaudit_session", path="/")
    return response


def token(request: Request):
    """The session's CSRF token, for tools that post files (header X-CSRF-Token)."""
    signed_in(request)
    return JSONResponse({"csrf_token": session_of(request).csrf})


def home(request: Request):
    user = signed_in(request)
    found = accounts.campaigns(request.app.state.engine, user.council)
    if user.role == ICT:
        return redirect("/campaigns")
    if not found:
        return render(request, "empty.html")
    newest = found[0]["slug"]
    if user.role == DEPARTMENT:
        return redirect(f"/campaigns/{newest}/departments/{user.department}")
    if user.role in (GROUP, SECRETARY):
        return redirect(f"/campaigns/{newest}/proposals")
    return render(request, "empty.html")
