"""Load the weights of the public-interest score (config/proposals.yaml, or the council's own file
named by ODAUDIT_PROPOSALS_CONFIG)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..config_files import config_path, load_yaml
from ..paths import config_file

CONFIG_PATH = config_file("proposals")   # the bundled one; ODAUDIT_PROPOSALS_CONFIG points elsewhere


@dataclass(frozen=True)
class Theme:
    name: str
    label: str
    share: float
    hvd: str | None
    stems: tuple[str, ...]


@dataclass(frozen=True)
class ProposalConfig:
    path: Path
    components: dict[str, dict]
    themes: tuple[Theme, ...]
    restricted: frozenset[str]
    depersonalisation: tuple[str, ...]

    def max(self, component: str) -> float:
        return float(self.components[component].get("max", self.components[component].get("max_penalty", 0)))

    def weights(self) -> dict:
        """What the reports state: every component's settings and the theme shares."""
        return {"file": f"config/{self.path.name}", "components": self.components,
                "themes": {t.name: {"label": t.label, "share": t.share, "hvd": t.hvd} for t in self.themes}}


def load_proposal_config(path: Path | None = None) -> ProposalConfig:
    """``path``: a proposals YAML; default the ``proposals_config`` setting, else the bundled file."""
    return _load(Path(path) if path else config_path("proposals"))


@cache
def _load(path: Path) -> ProposalConfig:
    raw = load_yaml(path)
    themes = tuple(Theme(name, t["label"], float(t["share"]), t.get("hvd"), tuple(s.casefold() for s in t["stems"]))
                   for name, t in raw["themes"].items())
    blockers = raw["blockers"]
    return ProposalConfig(path, raw["components"], themes,
                          frozenset(str(v).casefold() for v in blockers["restricted_access"]),
                          tuple(str(v).casefold() for v in blockers["depersonalisation"]))
