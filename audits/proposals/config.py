"""Load the weights of the public-interest score (config/proposals.yaml)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

CONFIG_PATH = Path(__file__).resolve().parents[2] / "config" / "proposals.yaml"


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


@cache
def load_proposal_config(path: Path = CONFIG_PATH) -> ProposalConfig:
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    themes = tuple(Theme(name, t["label"], float(t["share"]), t.get("hvd"), tuple(s.casefold() for s in t["stems"]))
                   for name, t in raw["themes"].items())
    blockers = raw["blockers"]
    return ProposalConfig(Path(path), raw["components"], themes,
                          frozenset(str(v).casefold() for v in blockers["restricted_access"]),
                          tuple(str(v).casefold() for v in blockers["depersonalisation"]))
