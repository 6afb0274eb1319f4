"""SHACL validation of an export against the shapes odaudit ships (schemas/shacl/)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rdflib import Graph, Namespace

from ..paths import SCHEMAS

SH = Namespace("http://www.w3.org/ns/shacl#")
SHAPES = ("dcat-ap-3.0.1-shapes.ttl",)
HVD_SHAPES = ("dcat-ap-hvd-3.0.0-shapes.ttl",)


@dataclass(frozen=True, order=True)
class Violation:
    focus: str
    path: str
    constraint: str        # the constraint component's local name: MinCountConstraintComponent …
    value: str | None = None

    def to_dict(self) -> dict:
        return {"focus": self.focus, "path": self.path, "constraint": self.constraint, "value": self.value}


@cache
def shapes_graph(names: tuple[str, ...] = SHAPES) -> Graph:
    graph = Graph()
    for name in names:
        graph.parse(SCHEMAS / "shacl" / name, format="turtle")
    return graph


def validate(graph: Graph) -> list[Violation]:
    """Every sh:Violation of the graph against the shipped DCAT-AP 3 shapes, sorted."""
    return _violations(graph, shapes_graph(SHAPES), "none")


def validate_hvd(graph: Graph) -> list[Violation]:
    """Every sh:Violation of the catalogue of high-value datasets (audits.interop.dcat.hvd_graph)
    against the DCAT-AP HVD shapes. RDFS inference: the HVD shapes ask some values to be an
    rdfs:Resource, which every IRI is by RDFS."""
    return _violations(graph, shapes_graph(HVD_SHAPES), "rdfs")


def _violations(graph: Graph, shapes: Graph, inference: str) -> list[Violation]:
    from pyshacl import validate as run

    _conforms, report, _text = run(graph, shacl_graph=shapes, inference=inference, advanced=False)
    found = []
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        component = str(report.value(result, SH.sourceConstraintComponent)).rsplit("#", 1)[-1]
        value = report.value(result, SH.value)
        found.append(Violation(str(report.value(result, SH.focusNode)), str(report.value(result, SH.resultPath)),
                               component, None if value is None else str(value)))
    return sorted(found)
