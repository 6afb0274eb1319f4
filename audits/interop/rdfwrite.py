"""Write a sequence of graphs (audits.interop.dcat.graphs) as one document, part by part, so that a
40,000-package catalogue never sits in memory as a single graph or string. Each part is written
by rdflib's own serializer (every literal escaped by the library); only the documents' envelopes
are joined: repeated Turtle prefix lines (allowed anywhere in Turtle), one JSON-LD top-level
array of node objects, one rdf:RDF element holding the parts' descriptions."""
from __future__ import annotations

import re
from xml.sax.saxutils import quoteattr

from .dcat import NAMESPACES

XML_ROOT = re.compile(r"<rdf:RDF\b[^>]*>", re.S)
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


def write_parts(parts, fmt: str, out) -> None:
    """``fmt``: turtle, ntriples, jsonld or rdfxml; ``out``: a text stream."""
    {"turtle": _turtle, "ntriples": _ntriples, "jsonld": _jsonld, "rdfxml": _rdfxml}[fmt](parts, out)


def _turtle(parts, out) -> None:
    for graph in parts:
        out.write(graph.serialize(format="turtle"))


def _ntriples(parts, out) -> None:
    for graph in parts:
        out.write(graph.serialize(format="nt"))


def _jsonld(parts, out) -> None:
    out.write("[")
    first = True
    for graph in parts:
        body = graph.serialize(format="json-ld").strip()
        body = body[1:-1].strip() if body.startswith("[") else body
        if body:
            out.write(("\n" if first else ",\n") + body)
            first = False
    out.write("\n]\n")


def _rdfxml(parts, out) -> None:
    names = " ".join(f"xmlns:{p}={quoteattr(str(ns))}" for p, ns in NAMESPACES.items())
    out.write(f'<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF xmlns:rdf="{RDF_NS}" {names}>\n')
    for graph in parts:
        text = graph.serialize(format="xml")
        root = XML_ROOT.search(text)
        inner = text[root.end():text.rindex("</rdf:RDF>")]
        if "xmlns:ns" in text:          # a namespace not bound in NAMESPACES: its prefix would be lost
            raise ValueError("unbound namespace in an RDF/XML part: bind it in audits.interop.dcat.NAMESPACES")
        out.write(inner)
    out.write("</rdf:RDF>\n")
