"""One settings registry: each setting declared once with its name, default and help.

Values come from the environment (``ODAUDIT_<NAME>``); the CLI help and README table are
derived from :data:`SETTINGS`.
"""
from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    help: str

    @property
    def env(self) -> str:
        return "ODAUDIT_" + self.name.upper()

    def get(self):
        raw = os.environ.get(self.env)
        if raw is None or raw == "":
            return self.default
        return type(self.default)(raw)


SETTINGS = {s.name: s for s in [
    Setting("database_url", "sqlite:///var/odaudit.sqlite",
            "SQLAlchemy URL of the register database (PostgreSQL: postgresql+psycopg://user@host/db)."),
    Setting("max_file_mb", 20.0, "Largest accepted user file read whole (inventory, review sheet, portal snapshot, "
            "config YAML), in MB; counted on the bytes actually read (audits/files.py)."),
    Setting("max_unpacked_mb", 200.0, "Largest total unpacked size of an .xlsx/.ods archive, in MB (zip-bomb guard)."),
    Setting("max_rows", 5000, "Most data rows read from one inventory sheet; more is a 'too-many-rows' finding."),
    Setting("max_columns", 60, "Most columns read from one inventory sheet."),
    Setting("read_timeout_s", 60.0, "Longest time spent reading one file, in seconds."),
    Setting("error_log_dir", "",
            "Folder of the tracebacks of internal errors (default: odaudit-errors in the system temp folder)."),
    Setting("review_deadline_years", 5,
            "Latest accepted deadline in a review sheet, in years after the audit date (or the import day, if later)."),
    Setting("review_max_text", 2000,
            "Longest text accepted in a review sheet's comment or responsible cell, in characters."),
    Setting("json_max_mb", 50.0, "Largest accepted JSON file (a portal snapshot), in MB."),
    Setting("json_max_depth", 64, "Deepest nesting of brackets accepted in a JSON file (a CKAN answer has about 6)."),
    Setting("snapshot_max_packages", 50_000,
            "Most packages read from one portal snapshot; more is refused (data.gov.ua holds about 40,000 in all; "
            "the monitor needs about 18 KB of memory per package)."),
    Setting("yaml_max_kb", 1024, "Largest accepted YAML config (campaign.yaml and the other configs), in KB."),
    Setting("quality_config", "",
            "YAML of the quality indicators' weights and thresholds (default: the bundled config/quality.yaml)."),
    Setting("proposals_config", "",
            "YAML of the public-interest score's weights and themes (default: the bundled config/proposals.yaml)."),
    Setting("web_secret", "",
            "Key that signs the web app's session cookies (odaudit serve); default: a random key at each start, "
            "so everyone signs in again after a restart."),
    Setting("smtp_url", "", "SMTP server of odaudit notify --send: smtp://user:password@host:587 (STARTTLS, then "
            "login); smtp+plain://host:25 for a local relay; ?cafile=PATH trusts one more certificate authority."),
    Setting("mail_from", "", "From address of the e-mails (default: odaudit@ the departments' e-mail domain)."),
    Setting("data_checks_config", "",
            "YAML of the data-file content expectations (default: the bundled config/data_checks.yaml)."),
    Setting("links_timeout_s", 10.0, "Longest time the link check spends on one link (every redirect, the headers "
            "and the body read), in seconds."),
    Setting("links_max_bytes", 1_048_576, "Most body bytes the link check reads from one link (a GET after a "
            "failed HEAD)."),
    Setting("links_per_host", 2, "Most links of one host the link check tries at the same time."),
    Setting("links_allow_private", 0, "1: the link check may fetch localhost and private addresses. Only for tests "
            "against a local server; never set it for a real campaign."),
]}


def get(name: str):
    return SETTINGS[name].get()
