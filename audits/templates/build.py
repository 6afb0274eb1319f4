"""Build the templates of a campaign: one TemplateSpec per department, written as .xlsx and .ods."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .ods import write_ods_template
from .previous import prefill_rows
from .spec import TEMPLATE_VERSION, TemplateSpec, columns, schema_fingerprint
from .xlsx import write_xlsx_template

if TYPE_CHECKING:  # the campaign layer calls templates with its config; no import at run time
    from ..campaign.config import CampaignConfig, DepartmentConfig


@dataclass(frozen=True)
class Written:
    department: str
    xlsx: Path
    ods: Path
    prefilled: int

    def to_dict(self) -> dict:
        return {"department": self.department, "xlsx": str(self.xlsx), "ods": str(self.ods),
                "prefilled": self.prefilled}


def contact_text(contact: dict) -> str:
    return ", ".join(str(contact[k]) for k in ("name", "person", "email", "phone") if contact.get(k))


def template_spec(config: CampaignConfig, dept: DepartmentConfig, items: list[dict] = (),
                  previous: str | None = None) -> TemplateSpec:
    cols = columns(as_of=config.as_of)
    meta = {"odaudit_template": TEMPLATE_VERSION, "odaudit_campaign": config.slug,
            "odaudit_department": dept.code, "odaudit_schema": schema_fingerprint()}
    return TemplateSpec(config.slug, config.name, dept.code, dept.name, config.deadline, config.as_of,
                        contact_text(config.contact), cols, prefill_rows(cols, list(items), dept.name),
                        previous if items else None, meta, council_examples(config))


def council_examples(config: CampaignConfig) -> dict:
    """Examples built from the campaign's own council (never another's): its e-mail domain."""
    email = config.council.email_example()
    return {"responsible_email": email} if email else {}


def file_stem(config: CampaignConfig, dept: DepartmentConfig) -> str:
    """``ukt`` → ``ukt_lutsk-2020``: named by the department code, as the campaign folder expects."""
    return f"{dept.code}_{config.slug}"


def write_templates(config: CampaignConfig, out: Path, departments: list[DepartmentConfig],
                    previous: str | None = None, items: dict[str, list[dict]] | None = None) -> list[Written]:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for dept in departments:
        spec = template_spec(config, dept, (items or {}).get(dept.code, []), previous)
        stem = file_stem(config, dept)
        written.append(Written(dept.code, write_xlsx_template(spec, out / f"{stem}.xlsx"),
                               write_ods_template(spec, out / f"{stem}.ods"), len(spec.prefill)))
    return written
