"""The catalogue model (model.py) as a DCAT-AP 3 graph, written with rdflib: every user text is
an rdflib Literal (escaped by the serializer, never concatenated), every address a URIRef.

Vocabulary concepts (frequency, file type, licence, access right, theme, language, HVD category)
are described in the graph with their label and scheme, as DCAT-AP's range shapes ask."""
from __future__ import annotations

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, RDFS, SKOS, XSD

from . import vocabularies as v
from .model import Catalog, Dataset, Distribution
from .themes import themes_of

DCATAP = Namespace("http://data.europa.eu/r5r/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
LANG = "uk"
FORMATS = {"turtle": "turtle", "jsonld": "json-ld", "rdfxml": "pretty-xml", "ntriples": "nt"}
CHUNK = 20            # datasets per part written at a time (rdflib's Turtle writer is fastest on small graphs)
NAMESPACES = {"dcat": DCAT, "dct": DCTERMS, "foaf": FOAF, "vcard": VCARD, "skos": SKOS, "dcatap": DCATAP,
              "eli": ELI, "dqv": Namespace("http://www.w3.org/ns/dqv#"), "prov": Namespace("http://www.w3.org/ns/prov#"),
              "rdfs": RDFS, "xsd": XSD}
DCAT_AP = URIRef("https://semiceu.github.io/DCAT-AP/releases/3.0.1")


def new_graph() -> Graph:
    graph = Graph()
    for prefix, ns in NAMESPACES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph


def catalog_graph(catalog: Catalog, hvd: bool = False) -> Graph:
    """The whole catalogue in one graph. ``hvd``: mark datasets whose theme has an EU high-value
    category (config/proposals.yaml) with dcatap:hvdCategory and the HVD Implementing Regulation
    as applicable legislation. For a big catalogue, ``graphs`` gives the same triples in parts."""
    graph, agents = header_graph(catalog), {}
    for dataset in catalog.datasets:
        add_dataset(graph, dataset, catalog.iri, agents, hvd)
    return graph


def graphs(catalog: Catalog, hvd: bool = False, size: int = CHUNK):
    """The catalogue as a header graph, then one graph per ``size`` datasets: each part holds what
    its nodes need (their agents, contact points, concepts), so each can be written and validated
    on its own and memory stays bounded."""
    yield header_graph(catalog)
    agents: dict[str, str] = {}
    for start in range(0, len(catalog.datasets), size):
        graph = new_graph()
        for dataset in catalog.datasets[start:start + size]:
            add_dataset(graph, dataset, catalog.iri, agents, hvd)
        yield graph


def header_graph(catalog: Catalog, datasets=None) -> Graph:
    """The catalogue node: title, publisher, and its links to ``datasets`` (default: all; their
    descriptions are in the other parts)."""
    graph, node = new_graph(), URIRef(catalog.iri)
    graph.add((node, RDF.type, DCAT.Catalog))
    graph.add((node, DCTERMS.title, Literal(catalog.title, lang=LANG)))
    graph.add((node, DCTERMS.description, Literal(catalog.description, lang=LANG)))
    graph.add((node, DCTERMS.publisher, _agent(graph, catalog.iri + ":publisher", catalog.publisher)))
    graph.add((node, DCTERMS.modified, Literal(catalog.as_of, datatype=XSD.date)))
    graph.add((node, DCTERMS.conformsTo, DCAT_AP))
    graph.add((DCAT_AP, RDF.type, DCTERMS.Standard))
    if catalog.homepage:
        graph.add((node, FOAF.homepage, _document(graph, catalog.homepage)))
    for dataset in catalog.datasets if datasets is None else datasets:
        graph.add((node, DCAT.dataset, URIRef(dataset.iri)))
    return graph


def add_dataset(graph: Graph, d: Dataset, base: str, agents: dict, hvd: bool = False) -> URIRef:  # noqa: C901
    node = URIRef(d.iri)
    graph.add((node, RDF.type, DCAT.Dataset))
    graph.add((node, DCTERMS.identifier, Literal(d.identifier)))
    if d.title:
        graph.add((node, DCTERMS.title, Literal(d.title, lang=LANG)))
    graph.add((node, DCTERMS.description, Literal(d.description or d.title or d.identifier, lang=LANG)))
    for word in d.keywords:
        graph.add((node, DCAT.keyword, Literal(word, lang=LANG)))
    if d.publisher:
        iri = agents.setdefault(d.publisher, f"{base}:agent:{len(agents) + 1}")
        graph.add((node, DCTERMS.publisher, _agent(graph, iri, d.publisher)))
    if d.contact_name or d.contact_email:
        graph.add((node, DCAT.contactPoint, _contact(graph, d)))
    _concept_link(graph, node, DCTERMS.accrualPeriodicity, v.frequency(d.frequency), DCTERMS.Frequency)
    _concept_link(graph, node, DCTERMS.accessRights, v.ACCESS.get(d.access or ""), DCTERMS.RightsStatement)
    for language in v.languages(d.language):
        _concept_link(graph, node, DCTERMS.language, language, DCTERMS.LinguisticSystem)
    if d.modified:
        graph.add((node, DCTERMS.modified, Literal(d.modified, datatype=XSD.date)))
    if d.issued:
        graph.add((node, DCTERMS.issued, Literal(d.issued, datatype=XSD.date)))
    if d.landing_page:
        graph.add((node, DCAT.landingPage, _document(graph, d.landing_page)))
    for theme in themes_of(d.title, d.description, " ".join(d.keywords)):
        _concept_link(graph, node, DCAT.theme, v.THEMES.get(theme.name))
    categories = hvd_categories(d) if hvd else []
    _hvd(graph, node, categories)
    for dist in d.distributions:
        graph.add((node, DCAT.distribution, dist_node := add_distribution(graph, dist, d.licence)))
        if categories:          # the HVD profile asks the applicable legislation of each distribution too
            graph.add((dist_node, DCATAP.applicableLegislation, URIRef(v.HVD_LEGISLATION)))
    return node


def hvd_categories(d: Dataset) -> list:
    """The EU high-value categories of the dataset's themes (config/proposals.yaml ``hvd``)."""
    themes = themes_of(d.title, d.description, " ".join(d.keywords))
    return [v.HVD[t.hvd] for t in themes if t.hvd in v.HVD]


def hvd_graph(catalog: Catalog) -> Graph:
    """The catalogue of its high-value datasets only: what the HVD shapes validate."""
    from dataclasses import replace

    return catalog_graph(replace(catalog, datasets=tuple(d for d in catalog.datasets if hvd_categories(d))), hvd=True)


def add_distribution(graph: Graph, d: Distribution, licence: str | None) -> URIRef:
    node = URIRef(d.iri)
    graph.add((node, RDF.type, DCAT.Distribution))
    graph.add((node, DCAT.accessURL, URIRef(d.access_url)))
    if d.download_url:
        graph.add((node, DCAT.downloadURL, URIRef(d.download_url)))
    if d.title:
        graph.add((node, DCTERMS.title, Literal(d.title, lang=LANG)))
    _concept_link(graph, node, DCTERMS.format, v.file_type(d.format), DCTERMS.MediaTypeOrExtent)
    _concept_link(graph, node, DCTERMS.license, v.LICENCES.get((licence or "").lower()), DCTERMS.LicenseDocument)
    if d.modified:
        graph.add((node, DCTERMS.modified, Literal(d.modified, datatype=XSD.date)))
    if d.byte_size is not None and d.byte_size >= 0:
        graph.add((node, DCAT.byteSize, Literal(d.byte_size, datatype=XSD.nonNegativeInteger)))
    return node


def _hvd(graph: Graph, node: URIRef, categories: list) -> None:
    if not categories:
        return
    legislation = URIRef(v.HVD_LEGISLATION)
    graph.add((node, DCATAP.applicableLegislation, legislation))
    graph.add((legislation, RDF.type, ELI.LegalResource))
    for category in categories:
        _concept_link(graph, node, DCATAP.hvdCategory, category)


def _concept_link(graph: Graph, node, prop, concept, kind=None) -> None:
    if concept is None:
        return
    iri = URIRef(concept.iri)
    graph.add((node, prop, iri))
    graph.add((iri, RDF.type, SKOS.Concept))
    if kind is not None:
        graph.add((iri, RDF.type, kind))
    graph.add((iri, SKOS.prefLabel, Literal(concept.label, lang="en")))
    scheme = URIRef(concept.scheme)
    graph.add((iri, SKOS.inScheme, scheme))
    graph.add((scheme, RDF.type, SKOS.ConceptScheme))
    graph.add((scheme, DCTERMS.title, Literal(v.SCHEME_TITLES[concept.scheme], lang="en")))


def _agent(graph: Graph, iri: str, name: str) -> URIRef:
    node = URIRef(iri)
    graph.add((node, RDF.type, FOAF.Agent))
    graph.add((node, RDF.type, FOAF.Organization))
    graph.add((node, FOAF.name, Literal(name, lang=LANG)))
    return node


def _contact(graph: Graph, d: Dataset) -> BNode:
    node = BNode()
    graph.add((node, RDF.type, VCARD.Kind))
    graph.add((node, VCARD.fn, Literal(d.contact_name or d.publisher or d.contact_email)))
    if d.contact_email and "@" in d.contact_email and " " not in d.contact_email.strip():
        graph.add((node, VCARD.hasEmail, URIRef("mailto:" + d.contact_email.strip())))
    return node


def _document(graph: Graph, url: str) -> URIRef:
    node = URIRef(url)
    graph.add((node, RDF.type, FOAF.Document))
    return node


def serialize(graph: Graph, fmt: str) -> str:
    """``fmt``: turtle, jsonld or rdfxml."""
    return graph.serialize(format=FORMATS[fmt])
