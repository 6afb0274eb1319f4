"""The contact point of a dataset: the responsible person and their e-mail, which Resolution 835
requires in every passport. A column that holds them is not personal data to remove: a
name or an e-mail found there is a note, never a block. A phone, РНОКПП or passport number
found there still blocks.

Which columns: the fields a dataset schema marks ``x-contact-point: person|email`` (their
name, title and ``x-header-aliases``) when the file's schema is known; and, always, the
headers known to be contact points: our inventory's ``responsible_person`` and
``responsible_email`` (read from schemas/inventory.schema.yaml) and the national register's
``contactPointFn`` / ``contactPointHasEmail`` (and any dataset schema's marked fields). An alias that names only a medium («E-mail»)
is not enough on its own: in a list of tenants such a column holds the tenants' addresses."""
from __future__ import annotations

from functools import cache

from ...inventory.schema import fold

KINDS = frozenset({"full-name", "email"})            # what a contact column may hold without a block
INVENTORY_FIELDS = ("responsible_person", "responsible_email")
NATIONAL = ("contactPointFn", "contactPointHasEmail")  # the national register of datasets (data.gov.ua)
MEDIUM_ONLY = frozenset(fold(n) for n in ("E-mail", "Email", "E mail", "Ел. пошта", "Електронна пошта", "Пошта",
                                          "Контакт", "Контакти", "Contact", "Mail"))


def headers_of(field: dict) -> set[str]:
    """A field's name, title and declared header aliases, folded; medium-only names left out."""
    names = [field.get("name"), field.get("title"), *(field.get("x-header-aliases") or [])]
    return {fold(n) for n in names if isinstance(n, str) and n.strip()} - MEDIUM_ONLY


def schema_contact_columns(descriptor: dict | None) -> frozenset[str]:
    """The headers of a Table Schema's fields marked ``x-contact-point``."""
    fields = (descriptor or {}).get("fields") or []
    found: set[str] = set()
    for f in fields:
        if isinstance(f, dict) and f.get("x-contact-point"):
            found |= headers_of(f)
    return frozenset(found)


@cache
def known_contact_columns() -> frozenset[str]:
    """Headers that are a contact point in any file: our inventory's and the national register's."""
    from ...inventory.schema import load_schema
    from ..schemas import all_schemas

    schema = load_schema()
    found = {fold(n) for n in NATIONAL}
    for name in INVENTORY_FIELDS:
        found |= headers_of(schema.field(name))
    for dataset in all_schemas():              # the national structures' own contact-point fields
        found |= schema_contact_columns(dataset.descriptor)
    return frozenset(found)


def is_contact(header: str, declared: frozenset[str] = frozenset()) -> bool:
    key = fold(header)
    return key in declared or key in known_contact_columns()
