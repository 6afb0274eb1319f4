"""Who may see and do what. Every page asks here; a refusal is 403 with nothing about the
thing asked for (a department's page, file or version of another department looks the same
whether it exists or not)."""
from __future__ import annotations

ICT, DEPARTMENT, GROUP, SECRETARY = "ict", "department", "working-group", "secretary"


class Forbidden(Exception):
    """403: this user may not see or do this."""


def council_ok(user, campaign: dict | None) -> bool:
    """A user tied to a council sees only that council's campaigns."""
    return user.council is None or (campaign is not None and campaign.get("council") == user.council)


def need_role(user, *roles: str) -> None:
    if user is None or user.role not in roles:
        raise Forbidden()


def may_see_department(user, code: str) -> bool:
    return user.role == ICT or (user.role == DEPARTMENT and user.department == code)


def need_department(user, campaign: dict | None, code: str) -> None:
    if not (may_see_department(user, code) and council_ok(user, campaign)):
        raise Forbidden()


def need_campaign(user, campaign: dict | None, *roles: str) -> None:
    need_role(user, *roles)
    if not council_ok(user, campaign):
        raise Forbidden()


def may_decide(user) -> bool:
    return user is not None and user.role == SECRETARY
