"""One e-mail to one department, as a plain object, an RFC 5322 message and an .eml file."""
from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from ..files import read_bytes_bounded

SUBJECT_PREFIX = "Тема: "
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass
class Mail:
    kind: str                    # feedback | reminders
    department: str              # its code
    to: str | None               # the department's contact_email (None: nobody to send to)
    subject: str
    body: str
    attachment: Path | None = None
    version: str = ""            # what makes this mail new: the department's file (sha256) and, for reminders, the week


def from_text(kind: str, department: str, to: str | None, text: str, attachment: Path | None,  # noqa: PLR0913
              version: str) -> Mail:
    """A feedback text (its first line «Тема: …» is the subject) as a Mail."""
    first, _, rest = text.partition("\n\n")
    subject = first.removeprefix(SUBJECT_PREFIX).strip()
    return Mail(kind, department, (to or "").strip() or None, subject, rest.strip() + "\n", attachment, version)


def message(mail: Mail, sender: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"], msg["Subject"] = sender, mail.subject
    if mail.to:
        msg["To"] = mail.to
    msg["Date"], msg["Message-ID"] = formatdate(localtime=True), make_msgid(domain=sender.rpartition("@")[2] or None)
    msg.set_content(mail.body, charset="utf-8")
    if mail.attachment is not None and mail.attachment.is_file():
        kind = mimetypes.guess_type(mail.attachment.name)[0] or XLSX
        maintype, _, subtype = kind.partition("/")
        msg.add_attachment(read_bytes_bounded(mail.attachment), maintype=maintype, subtype=subtype,
                           filename=mail.attachment.name)
    return msg


def write_eml(folder: Path, mail: Mail, sender: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{mail.department}.eml"
    path.write_bytes(bytes(message(mail, sender)))
    return path
