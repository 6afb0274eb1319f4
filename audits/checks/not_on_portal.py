"""An item a department calls published that the portal snapshot does not have (a warning
at its portal-link cell). Items are found on the portal by their link, else by title. A
published item without a link already has its own error (published-without-link)."""
from __future__ import annotations

from ..portal.join import PortalIndex, link_register
from ..portal.monitor import link_note


def check(inspections, index: PortalIndex, snapshot_date):
    rows, places = [], {}
    for insp in inspections:
        if not (insp.department and insp.context):
            continue
        for row in insp.rows:
            values = row.values
            rows.append({"department_code": insp.department, "row": row.number, "title": values.get("title"),
                         "portal_url": values.get("portal_url"), "published": values.get("published") is True})
            places[(insp.department, row.number)] = (insp, values)
    linked = {(link.department, link.row) for link in link_register(rows, index)}
    for r in rows:
        if r["published"] and r["portal_url"] and (r["department_code"], r["row"]) not in linked:
            insp, values = places[(r["department_code"], r["row"])]
            yield insp.context.finding("not-on-portal", r["row"], "portal_url", values.get("portal_url"),
                                       title=values.get("title") or "", link=link_note(values.get("portal_url")),
                                       snapshot=snapshot_date.strftime("%d.%m.%Y"))
