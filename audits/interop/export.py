"""One export of a campaign's catalogue: DCAT-AP (Turtle, JSON-LD, RDF/XML, N-Triples), optionally
with its DQV quality measurements, the DQV measurements alone, or the POD data.json. Written part
by part (audits.interop.rdfwrite), validated part by part."""
from __future__ import annotations

import io
import json
from dataclasses import dataclass, field

from .dcat import CHUNK, graphs, header_graph, new_graph
from .dqv import add_accessibility, add_quality, describe_metrics
from .gc_pause import frozen_heap
from .model import Catalog
from .pod import data_json
from .rdfwrite import write_parts

RDF_FORMATS = ("turtle", "jsonld", "rdfxml", "ntriples")
FORMATS = RDF_FORMATS + ("pod",)


@dataclass
class Export:
    text: str | None               # None when written to a stream
    datasets: int
    measurements: int = 0
    violations: list = field(default_factory=list)


def write_catalog(catalog: Catalog, fmt: str, out, scores=(), *, quality: bool = False, hvd: bool = False,  # noqa: PLR0913
                  validate: bool = False) -> Export:
    """Write the export to the text stream ``out``. ``scores``: the campaign's QualityScore list
    (used with ``quality``); ``validate``: check each part against the shipped DCAT-AP 3 shapes,
    and with ``hvd`` the high-value datasets against the HVD shapes."""
    if fmt == "pod":
        out.write(json.dumps(data_json(catalog), ensure_ascii=False, indent=2) + "\n")
        return Export(None, len(catalog.datasets))
    done = Export(None, len(catalog.datasets))
    by_key = {s.facts.key: s for s in scores} if quality else {}
    base = _base(catalog)

    def parts():
        for i, graph in enumerate(graphs(catalog, hvd=hvd)):
            part = catalog.datasets[(i - 1) * CHUNK:i * CHUNK] if i else ()
            if validate:      # each part with the catalogue node linking just its datasets
                from .shacl import validate as check

                done.violations += check(graph + header_graph(catalog, part) if i else header_graph(catalog, ()))
            if quality:
                if i == 0:
                    describe_metrics(graph, base)
                keyed = {d.key: d.iri for d in part}
                done.measurements += add_quality(graph, keyed, [by_key[k] for k in keyed if k in by_key], base,
                                                 catalog.as_of, describe=False)
            yield graph

    with frozen_heap():
        write_parts(parts(), fmt, out)
    if validate and hvd:
        from .dcat import hvd_graph
        from .shacl import validate_hvd

        done.violations += validate_hvd(hvd_graph(catalog))
    done.violations.sort()
    return done


def export_catalog(catalog: Catalog, fmt: str, scores=(), **options) -> Export:
    """``write_catalog`` into a string (small catalogues, tests)."""
    buffer = io.StringIO()
    done = write_catalog(catalog, fmt, buffer, scores, **options)
    done.text = buffer.getvalue()
    return done


def export_quality(catalog: Catalog, fmt: str, scores, link_scores=(), links_as_of=None) -> Export:
    """The DQV measurements alone: each names its dataset by the IRI the DCAT export gives it;
    ``link_scores``: the accessibility of each dataset's links (audits.interop.links.score), measured
    on ``links_as_of``."""
    graph, iris = new_graph(), {d.key: d.iri for d in catalog.datasets}
    added = add_quality(graph, iris, scores, _base(catalog), catalog.as_of)
    added += add_accessibility(graph, iris, link_scores, _base(catalog), links_as_of or catalog.as_of)
    buffer = io.StringIO()
    write_parts([graph], fmt, buffer)
    return Export(buffer.getvalue(), len(catalog.datasets), added)


def _base(catalog: Catalog) -> str:
    return catalog.iri.removesuffix("catalog")
