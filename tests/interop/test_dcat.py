"""DCAT-AP 3 export of the demo campaign, validated with pySHACL against the shipped DCAT-AP 3.0.1 shapes."""
from __future__ import annotations

import json
from dataclasses import replace

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF

from audits.interop.dcat import catalog_graph, serialize
from audits.interop.export import export_catalog
from audits.interop.shacl import Violation, shapes_graph, validate
from cli_runner import odaudit

DCAT = Namespace("http://www.w3.org/ns/dcat#")
WRONG_FREQUENCY = "http://publications.europa.eu/resource/authority/frequency/EVERY_FULL_MOON"


def test_the_demo_export_passes_the_dcat_ap_3_shapes_with_zero_violations(demo_catalog):
    graph = catalog_graph(demo_catalog, hvd=True)
    assert validate(graph) == []
    assert len(list(graph.subjects(RDF.type, DCAT.Dataset))) == len(demo_catalog.datasets) == 106
    assert len(list(graph.subjects(RDF.type, DCAT.Distribution))) > 0


def test_a_broken_export_gives_exactly_its_two_violations(demo_catalog):
    untitled, other = demo_catalog.datasets[0], demo_catalog.datasets[1]
    broken = replace(demo_catalog, datasets=(replace(untitled, title=""),) + demo_catalog.datasets[1:])
    graph = catalog_graph(broken)
    graph.set((URIRef(other.iri), DCTERMS.accrualPeriodicity, URIRef(WRONG_FREQUENCY)))
    assert validate(graph) == sorted([
        Violation(other.iri, str(DCTERMS.accrualPeriodicity), "ClassConstraintComponent", WRONG_FREQUENCY),
        Violation(untitled.iri, str(DCTERMS.title), "MinCountConstraintComponent")])


def test_every_class_the_export_writes_has_its_shape_shipped(demo_catalog):
    """The shapes file holds the DCAT-AP 3.0.1 shapes of the classes odaudit writes: a class
    written without its shape would be validated by nothing."""
    graph = catalog_graph(demo_catalog, hvd=True)
    sh = "http://www.w3.org/ns/shacl#"
    targeted = set(shapes_graph().objects(None, URIRef(sh + "targetClass")))
    written = set(graph.objects(None, RDF.type)) - {URIRef("http://xmlns.com/foaf/0.1/Organization")}
    assert written - targeted == set()


def test_frequency_format_licence_and_themes_come_from_the_eu_vocabularies(demo_catalog):
    graph = catalog_graph(demo_catalog)
    stops = URIRef("https://data.gov.ua/dataset/1dffc986-e719-5800-9739-e26d8a26dfa0")
    assert graph.value(stops, DCTERMS.accrualPeriodicity) == URIRef(
        "http://publications.europa.eu/resource/authority/frequency/ANNUAL")
    assert URIRef("http://publications.europa.eu/resource/authority/data-theme/TRAN") in set(
        graph.objects(stops, DCAT.theme))
    formats = {graph.value(d, DCTERMS.format) for d in graph.objects(stops, DCAT.distribution)}
    assert URIRef("http://publications.europa.eu/resource/authority/file-type/CSV") in formats
    licences = {graph.value(d, DCTERMS.license) for d in graph.objects(stops, DCAT.distribution)}
    assert licences == {URIRef("http://publications.europa.eu/resource/authority/licence/CC_BY_4_0")}


def test_hvd_items_carry_the_category_and_the_implementing_regulation(demo_catalog):
    graph = catalog_graph(demo_catalog, hvd=True)
    r5r = "http://data.europa.eu/r5r/"
    stops = URIRef("https://data.gov.ua/dataset/1dffc986-e719-5800-9739-e26d8a26dfa0")
    assert graph.value(stops, URIRef(r5r + "hvdCategory")) == URIRef("http://data.europa.eu/bna/c_b79e35eb")
    assert graph.value(stops, URIRef(r5r + "applicableLegislation")) == URIRef(
        "http://data.europa.eu/eli/reg_impl/2023/138/oj")
    assert graph.value(stops, URIRef(r5r + "hvdCategory")) is not None
    assert catalog_graph(demo_catalog).value(stops, URIRef(r5r + "hvdCategory")) is None   # off by default


def test_user_text_in_literals_is_escaped_by_the_serializer(demo_catalog):
    nasty = 'Назва " з лапками\n""" і <теги> @prefix x: <y> .'
    first = replace(demo_catalog.datasets[0], title=nasty, keywords=("a\"b", "c\\d"))
    graph = catalog_graph(replace(demo_catalog, datasets=(first,)))
    for fmt, parse_as in (("turtle", "turtle"), ("jsonld", "json-ld"), ("rdfxml", "xml")):
        back = Graph().parse(data=serialize(graph, fmt), format=parse_as)
        assert back.value(URIRef(first.iri), DCTERMS.title) == Literal(nasty, lang="uk")
        assert len(back) == len(graph)


def test_the_pod_data_json_has_every_dataset_with_the_required_fields(demo_catalog):
    done = json.loads(export_catalog(demo_catalog, "pod").text)
    assert done["conformsTo"] == "https://project-open-data.cio.gov/v1.1/schema"
    assert len(done["dataset"]) == 106
    required = {"title", "description", "keyword", "modified", "publisher", "contactPoint", "identifier",
                "accessLevel"}
    assert [d["title"] for d in done["dataset"] if not required <= set(d)] == []
    stops = next(d for d in done["dataset"] if d["identifier"].endswith("1dffc986-e719-5800-9739-e26d8a26dfa0"))
    assert stops["accrualPeriodicity"] == "R/P1Y" and stops["distribution"][0]["format"] == "CSV"


def test_the_cli_writes_and_validates_the_export(demo_db, tmp_path):
    out = tmp_path / "catalog.jsonld"
    ran = odaudit("export", "dcat", "--campaign", "lutsk-2020", "--format", "jsonld", "--validate", "--quality",
                  "--db", demo_db, "--out", out)
    assert ran.returncode == 0, ran.stderr
    assert "106 datasets" in ran.stderr and "0 violations" in ran.stderr
    assert len(Graph().parse(out, format="json-ld")) > 3000


def test_a_wrong_format_or_campaign_is_one_line_and_exit_2(demo_db):
    ran = odaudit("export", "dcat", "--format", "csv", "--db", demo_db)
    assert ran.returncode == 2 and "Traceback" not in ran.stderr
    ran = odaudit("export", "dcat", "--campaign", "nope", "--db", demo_db)
    assert ran.returncode == 2 and ran.stderr.startswith("odaudit: cannot run: no campaign 'nope'")


def test_the_high_value_datasets_pass_the_hvd_shapes(demo_catalog):
    from audits.interop.dcat import hvd_graph
    from audits.interop.shacl import validate_hvd

    graph = hvd_graph(demo_catalog)
    assert len(list(graph.subjects(RDF.type, DCAT.Dataset))) > 0
    assert validate_hvd(graph) == []


def test_an_hvd_distribution_without_its_legislation_is_exactly_one_violation(demo_catalog):
    from audits.interop.dcat import hvd_graph
    from audits.interop.shacl import validate_hvd

    graph = hvd_graph(demo_catalog)
    legislation = URIRef("http://data.europa.eu/r5r/applicableLegislation")
    dist = next(graph.subjects(RDF.type, DCAT.Distribution))
    graph.remove((dist, legislation, None))
    assert validate_hvd(graph) == [Violation(str(dist), str(legislation), "MinCountConstraintComponent")]


@pytest.mark.parametrize("fmt,parse_as", [("turtle", "turtle"), ("jsonld", "json-ld"), ("rdfxml", "xml"),
                                          ("ntriples", "nt")])
def test_the_export_written_in_parts_is_the_whole_graph(demo_catalog, fmt, parse_as):
    from rdflib.compare import isomorphic

    back = Graph().parse(data=export_catalog(demo_catalog, fmt, hvd=True).text, format=parse_as)
    assert isomorphic(back, catalog_graph(demo_catalog, hvd=True))


def test_quality_in_parts_adds_every_measurement_once(demo_result, demo_catalog):
    from audits.interop.export import export_quality

    whole = Graph().parse(data=export_quality(demo_catalog, "turtle", demo_result.scores).text, format="turtle")
    done = export_catalog(demo_catalog, "turtle", demo_result.scores, quality=True)
    back = Graph().parse(data=done.text, format="turtle")
    assert done.measurements == len(list(whole.subjects(RDF.type, URIRef("http://www.w3.org/ns/dqv#QualityMeasurement"))))
    assert set(whole) <= set(back)


@pytest.mark.parametrize("args", [("export", "dcat"), ("export", "dqv"), ("assessment",)])
def test_an_output_folder_that_is_not_there_is_one_line_and_exit_2(demo_db, tmp_path, args):
    ran = odaudit(*args, "--db", demo_db, "--out", tmp_path / "missing" / "file.out")
    assert ran.returncode == 2 and "Traceback" not in ran.stderr
    assert ran.stderr.startswith("odaudit: cannot run:") and len(ran.stderr.strip().splitlines()) == 1
