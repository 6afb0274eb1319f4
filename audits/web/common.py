"""What every page shares: the signed-in user, rendering, the session cookie, CSRF, downloads."""
from __future__ import annotations

import threading
from datetime import date, datetime
from urllib.parse import quote

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from ..campaign import accounts
from ..messages import DATASETS, plural
from ..reports import charts
from .access import Forbidden
from .session import COOKIE, CSRF_FIELD, CSRF_HEADER, MAX_AGE, Session, decode, encode, new_session, same_token

TEMPLATES = __file__.rsplit("/", 1)[0] + "/templates"
# Writes one at a time in this process: each upload rebuilds the campaign's current files and
# each decision imports a sheet of the current ranking (odaudit serve runs one process).
WRITES = threading.Lock()


def environment() -> Environment:
    """Every page is HTML: autoescape on for all of them, whatever the file name. The charts'
    macros (_charts.html) are the reports' own: one drawing for status.html and the pages."""
    loader = ChoiceLoader([FileSystemLoader(TEMPLATES), PackageLoader("audits.reports", "templates")])
    env = Environment(loader=loader, autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(charts=charts, role_labels=accounts.ROLE_LABELS, dmy=dmy, days_text=days_text,
                       datasets=lambda n: plural(n, *DATASETS), action_labels=ACTIONS)
    return env


def dmy(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, str):
        value = datetime.fromisoformat(value) if "T" in value or " " in value else date.fromisoformat(value)
    return value.strftime("%d.%m.%Y %H:%M" if isinstance(value, datetime) else "%d.%m.%Y")


def days_text(days: int | None) -> str:
    if days is None:
        return "строк не задано"
    if days > 0:
        return f"до кінцевого строку {days} дн."
    if days == 0:
        return "кінцевий строк сьогодні"
    return f"кінцевий строк минув {-days} дн. тому"


ACTIONS = {"sign-in": "вхід", "sign-in-failed": "невдалий вхід", "sign-in-blocked": "вхід заблоковано",
           "upload": "надіслано перелік", "decision": "рішення робочої групи"}


class NotSignedIn(Exception):
    """A page that needs a user, asked without one: to the sign-in form."""


def session_of(request: Request) -> Session | None:
    if "session" not in request.scope.setdefault("state", {}):
        request.scope["state"]["session"] = decode(request.cookies.get(COOKIE), request.app.state.secret)
    return request.scope["state"]["session"]


def user_of(request: Request):
    """The signed-in, active account (None: nobody, or the session is not valid)."""
    state = request.scope.setdefault("state", {})
    if "user" not in state:
        session = session_of(request)
        found = accounts.user(request.app.state.engine, session.user) if session and session.user else None
        state["user"] = found if found and session.issued >= found.sessions_after else None
    return state["user"]


def signed_in(request: Request):
    found = user_of(request)
    if found is None:
        raise NotSignedIn()
    return found


def address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def render(request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
    session = session_of(request)
    page = request.app.state.env.get_template(name).render(
        user=user_of(request), csrf=session.csrf if session else "", csrf_field=CSRF_FIELD, **context)
    response = HTMLResponse(page, status_code=status)
    secure_headers(response)
    return response


def secure_headers(response: Response) -> None:
    """No script, style or image from anywhere else; no framing; no sniffing."""
    response.headers["content-security-policy"] = ("default-src 'none'; style-src 'unsafe-inline'; img-src 'self' "
                                                   "data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
    response.headers["x-content-type-options"] = "nosniff"
    response.headers["referrer-policy"] = "same-origin"
    response.headers["cache-control"] = "no-store"


def set_session(request: Request, response: Response, session: Session) -> None:
    response.set_cookie(COOKIE, encode(session, request.app.state.secret), max_age=MAX_AGE, path="/",
                        httponly=True, samesite="lax", secure=request.url.scheme == "https")


def ensure_session(request: Request) -> tuple[Session, bool]:
    """The session, or a new anonymous one (True: it must be set on the response)."""
    found = session_of(request)
    if found is not None:
        return found, False
    found = new_session()
    request.scope["state"]["session"] = found
    return found, True


async def checked_form(request: Request):
    """The form of a POST whose CSRF token (form field, or header for tools) is the session's."""
    form = await request.form(max_files=1, max_fields=50)
    given = request.headers.get(CSRF_HEADER) or form.get(CSRF_FIELD)
    if not same_token(given if isinstance(given, str) else None, session_of(request)):
        raise Forbidden("csrf")
    return form


def redirect(path: str) -> RedirectResponse:
    return RedirectResponse(path, status_code=303)


def download(name: str, data: bytes, media: str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
             ) -> Response:
    ascii_name = "".join(c if c.isascii() and (c.isalnum() or c in "._-") else "_" for c in name) or "file"
    response = Response(data, media_type=media, headers={
        "content-disposition": f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"})
    response.headers["x-content-type-options"] = "nosniff"
    response.headers["cache-control"] = "no-store"
    return response


def now(request: Request) -> datetime:
    return request.app.state.clock().replace(microsecond=0)


def today(request: Request) -> date:
    return now(request).date()


def find_campaign(request: Request, slug: str) -> dict | None:
    return next((c for c in accounts.campaigns(request.app.state.engine) if c["slug"] == slug), None)


def wants_json(request: Request) -> bool:
    return "application/json" in request.headers.get("accept", "")
