"""feedback/: for every department, <code>.txt (the e-mail summary) and, where the clerk has
something to fix or check, <code>.xlsx (its own file, marked); an accepted file without
findings gets only its confirmation e-mail. Findings are the campaign result's Finding objects, the same ones
`odaudit validate --json` prints. A file that cannot be copied never stops the others."""
from __future__ import annotations

import logging
from pathlib import Path

from ..findings import Finding
from .feedback_mail import mail_text
from .feedback_texts import REASON_UNREADABLE
from .feedback_xlsx import write_feedback_xlsx, write_marked_copy

log = logging.getLogger(__name__)
FEEDBACK = "feedback"


def write_feedback(out: Path, summary: dict, findings: dict[str, list[Finding]],
                   files: dict[str, tuple[str, bytes | None]], resubmitted: dict[str, dict] | None = None) -> Path:
    """Write ``out/feedback/``; ``summary`` is summary.json, ``findings`` each department's current
    findings, ``files`` each department's current file (name, original bytes), ``resubmitted``
    the version of each department's current file when it is not the first (what it fixed)."""
    resubmitted = resubmitted or {}
    folder = Path(out) / FEEDBACK
    folder.mkdir(parents=True, exist_ok=True)
    for department in summary["departments"]:
        code = department["code"]
        own = findings.get(code, [])
        name, marked = None, False
        if code in files and own:
            name = f"{code}.xlsx"
            try:
                marked = write_marked_copy(folder / name, files[code][0], files[code][1], own)
            except Exception:  # never let one department's file stop the others' feedback
                log.warning("feedback for %s: the marked copy could not be written", code, exc_info=True)
                write_feedback_xlsx(folder / name, files[code][0], None, own, reason=REASON_UNREADABLE)
        text = mail_text(department, summary["campaign"], own, name, marked, resubmitted.get(code))
        (folder / f"{code}.txt").write_text(text, encoding="utf-8")
    return folder
