"""The template's identity (campaign, department, template version, schema fingerprint), kept in
the document properties (XLSX custom properties, ODS user-defined metadata) and in a hidden sheet.
Reading it back recognises a returned file whatever its name. Reading is bounded and never raises."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.etree.ElementTree import ParseError, fromstring

from ..files import read_bytes_bounded

KEYS = ("odaudit_template", "odaudit_campaign", "odaudit_department", "odaudit_schema")
MAX_MEMBER = 1 << 20      # document properties are a few hundred bytes; anything big is not ours
VT = "{http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes}"
CUSTOM = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"


def identity(spec_meta: dict) -> dict[str, str]:
    return {k: str(spec_meta[k]) for k in KEYS}


def read_identity(path: Path, max_bytes: int) -> dict[str, str]:
    """The odaudit_* properties of an .xlsx or .ods file; {} for anything else or anything odd."""
    try:
        with zipfile.ZipFile(io.BytesIO(read_bytes_bounded(path, max_bytes))) as archive:
            names = set(archive.namelist())
            if "docProps/custom.xml" in names:
                return _xlsx(_member(archive, "docProps/custom.xml"))
            if "meta.xml" in names:
                return _ods(_member(archive, "meta.xml"))
    except (OSError, zipfile.BadZipFile, ParseError, ValueError, RuntimeError, NotImplementedError, EOFError):
        return {}
    return {}


def _member(archive: zipfile.ZipFile, name: str) -> bytes:
    if archive.getinfo(name).file_size > MAX_MEMBER:
        raise ValueError("too large")
    data = archive.read(name)
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise ValueError("DTD")
    return data


def _xlsx(data: bytes) -> dict[str, str]:
    found = {}
    for prop in fromstring(data).iter(CUSTOM + "property"):
        name = prop.get("name")
        if name in KEYS:
            found[name] = "".join(prop.itertext()).strip()
    return found


def _ods(data: bytes) -> dict[str, str]:
    found = {}
    for prop in fromstring(data).iter(META + "user-defined"):
        name = prop.get(META + "name")
        if name in KEYS:
            found[name] = "".join(prop.itertext()).strip()
    return found


def template_department(path: Path, codes: set[str], max_bytes: int) -> str | None:
    """The department a returned template belongs to, if it is one of ``codes``."""
    code = read_identity(path, max_bytes).get("odaudit_department")
    return code if code in codes else None
