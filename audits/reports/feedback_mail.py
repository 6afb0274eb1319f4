"""feedback/<department>.txt: a short, polite Ukrainian summary for an e-mail to the department:
what is missing, how many errors, the deadline; a confirmation when the inventory was accepted."""
from __future__ import annotations

from datetime import date

from .. import messages
from ..findings import Finding
from ..messages import CODES
from . import feedback_texts as t

MISSING_CODES = ("missing-column", "missing-value", "no-rows")
MAX_CELLS = 8


def plural(count: int, forms: tuple[str, str, str]) -> str:
    """1 помилку, 2 помилки, 5 помилок, 11 помилок, 21 помилку."""
    return messages.plural(count, *forms)


def mail_text(department: dict, campaign: dict, findings: list[Finding], feedback_name: str | None,
              marked: bool = True, version: dict | None = None) -> str:
    """``department``: its entry in summary.json; ``campaign``: summary.json's campaign;
    ``marked``: whether the feedback file is a marked copy (else it only lists the findings);
    ``version``: a resubmission's version (audits.campaign.history): what it fixed, what is left."""
    paragraphs = [t.SUBJECT.format(department=department["name"]), t.GREETING]
    body = _body(department, campaign, findings, feedback_name, marked)
    if version is not None and department["status"] != "missing":
        body.insert(1, _resubmitted(version, sum(f.is_error for f in findings)))
    paragraphs += body
    paragraphs.append(t.SIGNATURE)
    return "\n\n".join(paragraphs) + "\n"


def _body(department: dict, campaign: dict, findings: list[Finding], feedback_name: str | None,
          marked: bool) -> list[str]:
    deadline = _date(campaign.get("deadline"))
    words = {"campaign": campaign["name"], "file": department.get("file") or "",
             "items": plural(department.get("items") or 0, t.ITEMS)}
    errors = sum(f.is_error for f in findings)
    warnings = len(findings) - errors
    missing = _missing(findings, department)
    if department["status"] == "missing":
        until = t.UNTIL.format(deadline=_dmy(deadline)) if deadline else ""
        return [t.NOT_RECEIVED.format(until=until, **words)] + _list(t.MISSING_HEADING, missing)
    if not findings:
        return [t.ACCEPTED_CLEAN.format(**words)] + _list(t.MISSING_HEADING, missing)
    attached = (t.ATTACHED if marked else t.ATTACHED_LIST).format(feedback=feedback_name, sheet=t.FINDINGS_SHEET)
    others = _groups([f for f in findings if f.code not in MISSING_CODES])
    if not errors:
        return [t.ACCEPTED_WARNINGS.format(warnings=plural(warnings, t.WARNINGS), **words), attached] + \
            _list(t.CHECK_HEADING, others) + _list(t.MISSING_HEADING, missing)
    and_warnings = t.AND_WARNINGS.format(warnings=plural(warnings, t.WARNINGS)) if warnings else ""
    return ([t.NEEDS_FIXES.format(errors=plural(errors, t.ERRORS), and_warnings=and_warnings, **words), attached]
            + _list(t.MISSING_HEADING, missing) + _list(t.OTHER_HEADING, others)
            + _deadline_line(deadline, _date(campaign.get("as_of"))))


def _resubmitted(version: dict, errors: int) -> str:
    """«Це версія 2 … У попередній (від 20.05.2020) було 4 помилки: виправлено 4 помилки, залишилося 0 помилок.»"""
    words = {"version": version["version"], "day": _dmy(date.fromisoformat(version["previous_received_at"][:10])),
             "was": plural(version["previous_errors"] or 0, t.ERRORS), "left": plural(errors, t.ERRORS_LEFT)}
    if version.get("fixed") is None:
        return t.RESUBMITTED_COUNTS.format(**words)
    new = t.RESUBMITTED_NEW.format(new=plural(version["new"], t.ERRORS_LEFT)) if version["new"] else ""
    return t.RESUBMITTED.format(fixed=plural(version["fixed"], t.ERRORS), new=new, **words)


def _missing(findings: list[Finding], department: dict) -> list[str]:
    lines = [t.MISSING_COLUMN.format(column=f.column) for f in findings if f.code == "missing-column"]
    values = [f for f in findings if f.code == "missing-value"]
    if values:
        lines.append(t.MISSING_VALUES.format(count=len(values), cells=_cells(values)))
    if any(f.code == "no-rows" for f in findings):
        lines.append(t.NO_ROWS)
    undeclared = [f"«{m['title']}» ({m['id']})" for m in department.get("mandatory", []) if not m["declared"]]
    if undeclared:
        lines.append(t.MISSING_MANDATORY.format(items="; ".join(undeclared)))
    return lines


def _groups(findings: list[Finding]) -> list[str]:
    """Findings of one code together, in the order first met: «Неправильна дата: 2 (L5, L7)»."""
    by_code: dict[str, list[Finding]] = {}
    for f in findings:
        by_code.setdefault(f.code, []).append(f)
    return [_group_line(code, group) for code, group in by_code.items()]


def _group_line(code: str, group: list[Finding]) -> str:
    title = CODES[code].title if code in CODES else code
    cells = _cells(group)
    return t.GROUP.format(title=title, count=len(group), cells=cells) if cells else f"{title}: {group[0].message}"


def _cells(findings: list[Finding]) -> str:
    cells = [f"{f.column_letter or ''}{f.row or ''}" for f in findings if f.row or f.column_letter]
    shown = ", ".join(cells[:MAX_CELLS])
    return shown + (", " + t.MORE_CELLS.format(count=len(cells) - MAX_CELLS) if len(cells) > MAX_CELLS else "")


def _list(heading: str, lines: list[str]) -> list[str]:
    lines = [line.rstrip(".") for line in lines]     # a line may be a whole message with its own full stop
    return [heading + "\n" + "\n".join(f"- {line};" for line in lines[:-1]) + ("\n" if len(lines) > 1 else "")
            + f"- {lines[-1]}."] if lines else []


def _deadline_line(deadline: date | None, as_of: date | None) -> list[str]:
    if deadline is None:
        return []
    if as_of is not None and as_of > deadline:
        return [t.DEADLINE_PASSED.format(deadline=_dmy(deadline))]
    return [t.DEADLINE_AHEAD.format(deadline=_dmy(deadline))]


def _date(value) -> date | None:
    return date.fromisoformat(value) if value else None


def _dmy(value: date) -> str:
    return value.strftime("%d.%m.%Y")
