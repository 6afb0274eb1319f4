"""The ICT office's pages: the campaigns, a campaign's dashboard, a council's campaigns side by
side, the accounts and the audit log."""
from __future__ import annotations

from starlette.requests import Request

from ..campaign import accounts, views
from .access import ICT, Forbidden, need_campaign, need_role
from .common import find_campaign, render, signed_in, today


def campaigns(request: Request):
    user = signed_in(request)
    need_role(user, ICT)
    found = accounts.campaigns(request.app.state.engine, user.council)
    councils = sorted({c["council"] for c in found if c["council"]})
    return render(request, "campaigns.html", campaigns=found, councils=councils)


def dashboard(request: Request):
    user = signed_in(request)
    campaign = find_campaign(request, request.path_params["slug"])
    need_campaign(user, campaign, ICT)
    if campaign is None:
        raise LookupError()
    found = views.dashboard(request.app.state.engine, campaign["slug"], today(request))
    return render(request, "dashboard.html", d=found, slug=campaign["slug"], council=campaign["council"])


def council(request: Request):
    user = signed_in(request)
    need_role(user, ICT)
    name = request.path_params["council"]
    if user.council is not None and user.council != name:
        raise Forbidden()
    found = views.council_campaigns(request.app.state.engine, name, today(request))
    if not found:
        raise LookupError()
    return render(request, "council.html", council=name, campaigns=found)


def users(request: Request):
    user = signed_in(request)
    need_role(user, ICT)
    engine = request.app.state.engine
    return render(request, "users.html", users=accounts.list_users(engine), events=accounts.events(engine, 100))
