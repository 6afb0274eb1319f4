"""Quality scores as W3C Data Quality Vocabulary measurements: one dqv:QualityMeasurement per
indicator that applies, per dataset, plus the overall score; our metrics described once
(metrics.py) as dqv:Metric with skos:definition in Ukrainian and English."""
from __future__ import annotations

from urllib.parse import quote

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

from .metrics import METRICS

DQV = Namespace("http://www.w3.org/ns/dqv#")
PROV = Namespace("http://www.w3.org/ns/prov#")
DIMENSIONS = {"findability": "Findability", "accessibility": "Accessibility",
              "interoperability": "Interoperability", "reusability": "Reusability",
              "contextuality": "Contextuality"}


def add_quality(graph: Graph, datasets: dict[str, str], scores, base: str, as_of, describe: bool = True) -> int:  # noqa: PLR0913
    """Add the measurements of ``scores`` (QualityScore) to ``graph``; ``datasets``: score key →
    dataset IRI (a score of a dataset not in the export is left out); ``describe``: describe the
    metrics in this graph too. Returns the measurements added."""
    graph.bind("dqv", DQV)
    metrics = describe_metrics(graph, base) if describe else metric_iris(base)
    added = 0
    for score in scores:
        dataset = datasets.get(score.facts.key)
        if dataset is None:
            continue
        values = [(i.name, round(i.earned / i.possible, 4) if i.possible else 0.0, [x.reason for x in i.lost])
                  for i in score.indicators if i.applies]
        if score.percent is not None:
            values.append(("score", score.percent, []))
        for name, value, reasons in values:
            add_measurement(graph, URIRef(dataset), metrics[name], f"{base}quality:{quote(score.facts.key)}:{name}",
                            value, reasons, as_of)
            added += 1
    return added


def add_measurement(graph: Graph, dataset: URIRef, metric: URIRef, iri: str, value: float,  # noqa: PLR0913
                    reasons: list[str], as_of) -> URIRef:
    node = URIRef(iri)
    graph.add((node, RDF.type, DQV.QualityMeasurement))
    graph.add((node, DQV.computedOn, dataset))
    graph.add((node, DQV.isMeasurementOf, metric))
    graph.add((node, DQV.value, Literal(value, datatype=XSD.decimal)))
    graph.add((node, PROV.generatedAtTime, Literal(as_of, datatype=XSD.date)))
    for reason in reasons:
        graph.add((node, RDFS.comment, Literal(reason, lang="uk")))
    graph.add((dataset, DQV.hasQualityMeasurement, node))
    return node


def metric_iris(base: str) -> dict[str, URIRef]:
    return {name: URIRef(f"{base}metric:{name}") for name in METRICS}


def describe_metrics(graph: Graph, base: str) -> dict[str, URIRef]:
    found = {}
    for name, m in METRICS.items():
        node = URIRef(f"{base}metric:{name}")
        graph.add((node, RDF.type, DQV.Metric))
        graph.add((node, SKOS.prefLabel, Literal(name, lang="en")))
        graph.add((node, SKOS.definition, Literal(m.uk, lang="uk")))
        graph.add((node, SKOS.definition, Literal(m.en, lang="en")))
        graph.add((node, DQV.expectedDataType, XSD.decimal))
        dimension = URIRef(f"{base}dimension:{m.dimension}")
        graph.add((node, DQV.inDimension, dimension))
        graph.add((dimension, RDF.type, DQV.Dimension))
        graph.add((dimension, SKOS.prefLabel, Literal(DIMENSIONS[m.dimension], lang="en")))
        graph.add((dimension, DCTERMS.source, URIRef("https://data.europa.eu/mqa/methodology")))
        found[name] = node
    return found


def add_accessibility(graph: Graph, datasets: dict[str, str], link_scores, base: str, as_of) -> int:
    """One accessibility measurement per dataset whose links were checked (audits.interop.links.score)."""
    metric = metric_iris(base)["accessibility"]
    added = 0
    for s in link_scores:
        dataset = datasets.get(s.key)
        if dataset is not None:
            add_measurement(graph, URIRef(dataset), metric, f"{base}quality:{quote(s.key)}:accessibility",
                            round(s.indicator.earned / s.indicator.possible, 4), [x.reason for x in s.indicator.lost],
                            as_of)
            added += 1
    return added
