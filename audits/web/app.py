"""The ASGI app: routes, the error pages (Ukrainian, never a traceback), the body limit."""
from __future__ import annotations

import logging
import secrets
from datetime import datetime

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from .. import settings
from ..campaign import verbs
from . import auth_pages, department_pages, ict_pages, review_pages
from .access import Forbidden
from .common import NotSignedIn, environment, redirect, render, wants_json
from .limits import BodyLimit, BodyTooLarge, SignInLimiter, body_limit

log = logging.getLogger(__name__)
DEPT = "/campaigns/{slug}/departments/{code}"

ROUTES = [
    Route("/healthz", auth_pages.healthz),
    Route("/login", auth_pages.login_form, methods=["GET"]),
    Route("/login", auth_pages.login, methods=["POST"]),
    Route("/logout", auth_pages.logout, methods=["POST"]),
    Route("/api/token", auth_pages.token),
    Route("/", auth_pages.home),
    Route("/campaigns", ict_pages.campaigns),
    Route("/users", ict_pages.users),
    Route("/councils/{council}", ict_pages.council),
    Route("/campaigns/{slug}", ict_pages.dashboard),
    Route(DEPT, department_pages.page),
    Route(DEPT + "/template.xlsx", department_pages.template),
    Route(DEPT + "/feedback.xlsx", department_pages.feedback),
    Route(DEPT + "/submissions", department_pages.submit, methods=["POST"]),
    Route(DEPT + "/submissions", department_pages.back, methods=["GET"]),
    Route(DEPT + "/submissions/{sid:int}", department_pages.version),
    Route(DEPT + "/submissions/{sid:int}/file", department_pages.original),
    Route("/campaigns/{slug}/proposals", review_pages.proposals),
    Route("/campaigns/{slug}/proposals.xlsx", review_pages.sheet),
    Route("/campaigns/{slug}/plan.xlsx", review_pages.plan),
    Route("/campaigns/{slug}/decisions", review_pages.decisions, methods=["POST"]),
]

TEXTS = {400: ("Неправильний запит", "Запит не вдалося прочитати. Поверніться і спробуйте ще раз."),
         403: ("Доступ заборонено", "Ця сторінка чи дія недоступна для вашої ролі або органу."),
         404: ("Сторінку не знайдено", "Такої сторінки немає. Перевірте адресу."),
         405: ("Дія недоступна", "Ця адреса не приймає такий запит."),
         413: ("Завеликий файл", "Файл більший за дозволений розмір. Зменште його і надішліть ще раз."),
         500: ("Внутрішня помилка", "Щось пішло не так на сервері. Спробуйте пізніше; якщо повториться, "
                                    "повідомте відділ ІКТ (час помилки записано в журнал сервера).")}


def error_page(request: Request, status: int):
    title, text = TEXTS.get(status, TEXTS[400])
    if wants_json(request):
        return JSONResponse({"error": title}, status_code=status)
    try:
        return render(request, "error.html", status=status, title=title, text=text)
    except Exception:  # noqa: BLE001 - the error page itself must never fail with a traceback
        log.exception("error page")
        from starlette.responses import HTMLResponse

        return HTMLResponse(f"<!doctype html><html lang=uk><meta charset=utf-8><title>{title}</title>"
                            f"<h1>{title}</h1><p>{text}</p></html>", status_code=status)


async def on_forbidden(request: Request, exc: Exception):
    return error_page(request, 403)


async def on_missing(request: Request, exc: Exception):
    return error_page(request, 404)


async def on_not_signed_in(request: Request, exc: Exception):
    if wants_json(request):
        return JSONResponse({"error": "Потрібно увійти"}, status_code=401)
    return redirect("/login")


async def on_http(request: Request, exc: HTTPException):
    return error_page(request, exc.status_code if exc.status_code in TEXTS else 400)


async def on_too_large(request: Request, exc: Exception):
    return error_page(request, 413)


async def on_crash(request: Request, exc: Exception):
    log.error("internal error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_page(request, 500)


def create_app(db_url: str | None = None, secret: str | None = None, clock=datetime.now, engine=None) -> Starlette:
    """``secret``: the key that signs session cookies (default the setting ``web_secret``; without
    it a random one, so sessions end when the server restarts)."""
    app = Starlette(routes=ROUTES, middleware=[Middleware(BodyLimit, limit=body_limit())], exception_handlers={
        Forbidden: on_forbidden, LookupError: on_missing, NotSignedIn: on_not_signed_in, HTTPException: on_http,
        BodyTooLarge: on_too_large, Exception: on_crash})
    app.state.engine = engine or verbs.engine_for(db_url)
    app.state.secret = (secret or settings.get("web_secret") or secrets.token_urlsafe(32)).encode()
    app.state.limiter = SignInLimiter()
    app.state.env = environment()
    app.state.clock = clock
    return app
