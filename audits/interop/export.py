"""One export of a campaign's catalogue: DCAT-AP (Turtle, JSON-LD, RDF/XML), optionally with
its DQV quality measurements, the DQV measurements alone, or the POD data.json."""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from .dcat import catalog_graph, new_graph, serialize
from .dqv import add_quality
from .model import Catalog
from .pod import data_json

RDF_FORMATS = ("turtle", "jsonld", "rdfxml")
FORMATS = RDF_FORMATS + ("pod",)


@dataclass
class Export:
    text: str
    datasets: int
    measurements: int = 0
    violations: list = field(default_factory=list)


def export_catalog(catalog: Catalog, fmt: str, scores=(), *, quality: bool = False, hvd: bool = False,
                   validate: bool = False) -> Export:
    """``scores``: the campaign's QualityScore list (used with ``quality``); ``validate``: check the
    DCAT-AP graph against the shipped shapes (audits.interop.shacl) before writing it, and with
    ``hvd`` its high-value datasets against the HVD shapes."""
    if fmt == "pod":
        return Export(json.dumps(data_json(catalog), ensure_ascii=False, indent=2) + "\n", len(catalog.datasets))
    graph = catalog_graph(catalog, hvd=hvd)
    violations = []
    if validate:
        from .dcat import hvd_graph
        from .shacl import validate as check, validate_hvd

        violations = check(graph) + (validate_hvd(hvd_graph(catalog)) if hvd else [])
    added = add_quality(graph, _iris(catalog), scores, _base(catalog), catalog.as_of) if quality else 0
    return Export(serialize(graph, fmt), len(catalog.datasets), added, violations)


def export_quality(catalog: Catalog, fmt: str, scores) -> Export:
    """The DQV measurements alone: each names its dataset by the IRI the DCAT export gives it."""
    graph = new_graph()
    added = add_quality(graph, _iris(catalog), scores, _base(catalog), catalog.as_of)
    return Export(serialize(graph, fmt), len(catalog.datasets), added)


def _iris(catalog: Catalog) -> dict[str, str]:
    return {d.key: d.iri for d in catalog.datasets}


def _base(catalog: Catalog) -> str:
    return catalog.iri.removesuffix("catalog")
