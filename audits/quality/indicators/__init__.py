"""One indicator per module; each has NAME, LABEL and ``score(facts, config, timeliness)``."""
from . import (
    contact_point,
    data_checks,
    description,
    keywords,
    licence,
    machine_readable,
    metadata,
    non_proprietary,
    openness,
    timeliness as timeliness_indicator,
)

INDICATORS = (metadata, timeliness_indicator, openness, machine_readable, non_proprietary, licence,
    contact_point, keywords, description, data_checks)
