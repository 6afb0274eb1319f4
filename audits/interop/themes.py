"""A dataset's theme from its words, by the themes of config/proposals.yaml (one matcher for the
proposals' value component and the export's dcat:theme and HVD category)."""
from __future__ import annotations

from functools import cache

from ..proposals.components.base import has_stem
from ..proposals.config import load_proposal_config


@cache
def _themes():
    return load_proposal_config().themes


def themes_of(*texts) -> list:
    """Every theme (audits.proposals.config.Theme) a word of the texts starts with a stem of."""
    text = " ".join(str(t) for t in texts if t).casefold()
    return [t for t in _themes() if has_stem(text, t.stems)] if text else []
