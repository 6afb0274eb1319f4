"""Quality indicators as DQV measurements: one per indicator that applies, per dataset."""
from __future__ import annotations

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF, SKOS

from audits.interop.export import export_quality
from audits.interop.metrics import METRICS
from cli_runner import odaudit

DQV = Namespace("http://www.w3.org/ns/dqv#")


def test_one_measurement_per_applicable_indicator_per_dataset_and_the_score(demo_result, demo_catalog):
    graph = Graph().parse(data=export_quality(demo_catalog, "turtle", demo_result.scores).text, format="turtle")
    expected = sum(len([i for i in s.indicators if i.applies]) + (s.percent is not None) for s in demo_result.scores)
    assert len(list(graph.subjects(RDF.type, DQV.QualityMeasurement))) == expected
    keyed = {d.key: d.iri for d in demo_catalog.datasets}
    assert {str(o) for o in graph.objects(None, DQV.computedOn)} == {keyed[s.facts.key] for s in demo_result.scores}


def test_every_metric_is_described_once_in_ukrainian_and_english(demo_result, demo_catalog):
    graph = Graph().parse(data=export_quality(demo_catalog, "turtle", demo_result.scores).text, format="turtle")
    metrics = set(graph.subjects(RDF.type, DQV.Metric))
    assert len(metrics) == len(METRICS)
    for metric in metrics:
        assert {d.language for d in graph.objects(metric, SKOS.definition)} == {"uk", "en"}


def test_a_lost_point_keeps_its_reason(demo_result, demo_catalog):
    graph = Graph().parse(data=export_quality(demo_catalog, "turtle", demo_result.scores).text, format="turtle")
    late = next(s for s in demo_result.scores if any(i.name == "timeliness" and i.lost for i in s.indicators))
    node = URIRef(f"urn:odaudit:lutsk-2020:quality:{late.facts.key.replace(':', '%3A')}:timeliness")
    assert float(graph.value(node, DQV.value)) == 0.0
    assert graph.value(node, URIRef("http://www.w3.org/2000/01/rdf-schema#comment")) is not None


def test_the_cli_exports_dqv(demo_db):
    ran = odaudit("export", "dqv", "--db", demo_db)
    assert ran.returncode == 0, ran.stderr
    assert "quality measurements of 106 datasets" in ran.stderr
    assert "dqv:QualityMeasurement" in ran.stdout
