"""Match a dataset title written the way people write to the Resolution 835 catalogue.

An explicit catalogue reference (an item id such as ``oms-01`` or the item's own title)
wins; otherwise titles are compared on normalised, stemmed tokens with rapidfuzz and the
best item is returned with its score (0–100), whether it is confident, and up to three
alternatives. The thresholds were set on tests/catalogue/data/drifted-titles.csv.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import fuzz, process

from .catalogue import CatalogueItem, load_catalogue
from .normalize import key

CONFIDENT = 72        # score at or above which a match is confident ...
MARGIN = 8            # ... when it also beats the runner-up by this much ...
COVERAGE = 0.6        # ... and this share of the title's words appear in the item
SHOWN = 55            # alternatives below this are not worth showing
ID = re.compile(r"^(all|oms|h\d{2})-\d{2,3}$")


@dataclass(frozen=True)
class Match:
    input: str
    item: CatalogueItem | None
    score: float
    confident: bool
    alternatives: list[tuple[CatalogueItem, float]] = field(default_factory=list)
    method: str = "title"          # 'reference' when the clerk's catalogue reference decided

    def to_dict(self) -> dict:
        entry = lambda item, score: {"id": item.id, "title": item.title, "holder": item.holder,  # noqa: E731
                                     "score": round(score, 1)}
        return {"input": self.input, "match": entry(self.item, self.score) if self.item else None,
                "confident": self.confident, "alternatives": [entry(i, s) for i, s in self.alternatives]}


@cache
def _index(scope: str) -> tuple[tuple[CatalogueItem, ...], tuple[str, ...]]:
    items = load_catalogue(scope)
    return items, tuple(key(i.title) for i in items)


def scores(queries: list[str], keys):
    """Mostly token-set similarity (a shortened title is a subset of the Annex wording),
    tempered by whole-string similarity so that a subset of a longer item does not tie.
    Both run in rapidfuzz's C++ over all pairs at once; returns a numpy array queries × keys."""
    return (0.8 * process.cdist(queries, keys, scorer=fuzz.token_set_ratio, workers=-1)
            + 0.2 * process.cdist(queries, keys, scorer=fuzz.ratio, workers=-1))


def best(queries: list[str], keys, within: str = "key") -> list[tuple[int | None, float]]:
    """For each (already keyed) query, the index of the key it confidently matches, or None,
    and the best score. ``within``: whose words must be found in the other: ``"key"`` (a title
    matched to a title: the query's words in the key) or ``"query"`` (a key found inside a long
    text such as a citizen's request: the key's words in the query). Same thresholds as titles."""
    if not queries or not len(keys):
        return [(None, 0.0)] * len(queries)
    table = scores(queries, keys)
    return [_best(query, table[i], keys, within) for i, query in enumerate(queries)]


def _best(query: str, row, keys, within: str) -> tuple[int | None, float]:
    if not query:
        return None, 0.0
    if within == "query":
        return _most_specific(query, row, keys)
    order = row.argsort()[::-1][:2]
    top = float(row[order[0]])
    runner_up = float(row[order[1]]) if len(order) > 1 else 0.0
    confident = top >= CONFIDENT and top - runner_up >= MARGIN and coverage(query, keys[order[0]]) >= COVERAGE
    return (int(order[0]), top) if confident else (None, top)


def _most_specific(query: str, row, keys) -> tuple[int | None, float]:
    """A long text names an item when the item's words are in it. Among the keys scoring
    within MARGIN of the best, the one with the most of its words in the text wins (then the
    one with the fewest words missing); a tie between different items is not confident."""
    top = float(row.max())
    near = [int(i) for i in row.argsort()[::-1][:20] if row[i] >= max(CONFIDENT, top - MARGIN)]
    if not near:
        return None, top
    found = set(query.split())
    rank = {i: (sum(w in found for w in keys[i].split()), coverage(keys[i], query)) for i in near}
    best = max(near, key=lambda i: rank[i])
    tied = [i for i in near if rank[i] == rank[best] and keys[i] != keys[best]]
    confident = not tied and rank[best][1] >= COVERAGE
    return (best, float(row[best])) if confident else (None, top)


def coverage(query: str, target: str) -> float:
    words, found = query.split(), set(target.split())
    return sum(w in found for w in words) / max(1, len(words))


def match(title: str, scope: str = "council", reference: str | None = None) -> Match:
    return match_many([title], scope, [reference])[0]


def match_many(titles: list[str], scope: str = "council", references: list | None = None) -> list[Match]:
    """Match many titles in one pass; ``references`` (aligned, optional) are the clerk's catalogue
    references: an item id, the item's title, or the title as the clerk wrote it (matched too)."""
    items, keys = _index(scope)
    matches = _by_title(titles, items, keys)
    refs = [(i, r) for i, r in enumerate(references or []) if r and str(r).strip()]
    by_ref = _by_title([str(r) for _, r in refs], items, keys)
    for (i, ref), ref_match in zip(refs, by_ref):
        explicit = _explicit(str(ref), items)
        if explicit is not None:
            matches[i] = Match(titles[i], explicit, 100.0, True, method="reference")
        elif ref_match.confident:
            matches[i] = Match(titles[i], ref_match.item, ref_match.score, True, ref_match.alternatives, "reference")
    return matches


def _by_title(titles: list[str], items, keys) -> list[Match]:
    queries = [key(t) for t in titles]
    table = scores(queries, keys) if titles else None
    return [_result(title, query, table[row], items, keys) for row, (title, query) in enumerate(zip(titles, queries))]


def _result(title: str, query: str, row, items, keys) -> Match:
    order = [int(i) for i in row.argsort()[::-1][:4] if row[i] >= SHOWN] if query else []
    if not order:
        return Match(title, None, 0.0, False)
    best, runner_up = float(row[order[0]]), float(row[order[1]]) if len(order) > 1 else 0.0
    confident = (best >= CONFIDENT and best - runner_up >= MARGIN
                 and coverage(query, keys[order[0]]) >= COVERAGE)
    return Match(title, items[order[0]], best, confident, [(items[i], float(row[i])) for i in order[1:]])


def _explicit(reference: str, items) -> CatalogueItem | None:
    ref = reference.strip()
    if ID.match(ref.casefold()):
        return next((i for i in items if i.id == ref.casefold()), None)
    wanted = key(ref)
    return next((i for i in items if key(i.title) == wanted), None)
