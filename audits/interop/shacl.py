"""SHACL validation of an export against the shapes odaudit ships (schemas/shacl/)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rdflib import Graph, Namespace

from ..paths import SCHEMAS

SH = Namespace("http://www.w3.org/ns/shacl#")
SHAPES = ("dcat-ap-3.0.1-shapes.ttl",)


@dataclass(frozen=True, order=True)
class Violation:
    focus: str
    path: str
    constraint: str        # the constraint component's local name: MinCountConstraintComponent …
    value: str | None = None

    def to_dict(self) -> dict:
        return {"focus": self.focus, "path": self.path, "constraint": self.constraint, "value": self.value}


@cache
def shapes_graph() -> Graph:
    graph = Graph()
    for name in SHAPES:
        graph.parse(SCHEMAS / "shacl" / name, format="turtle")
    return graph


def validate(graph: Graph) -> list[Violation]:
    """Every sh:Violation of the graph against the shipped DCAT-AP 3 shapes, sorted."""
    from pyshacl import validate as run

    _conforms, report, _text = run(graph, shacl_graph=shapes_graph(), inference="none", advanced=False)
    found = []
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        component = str(report.value(result, SH.sourceConstraintComponent)).rsplit("#", 1)[-1]
        value = report.value(result, SH.value)
        found.append(Violation(str(report.value(result, SH.focusNode)), str(report.value(result, SH.resultPath)),
                               component, None if value is None else str(value)))
    return sorted(found)
