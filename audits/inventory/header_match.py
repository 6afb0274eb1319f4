"""The one header matcher of inventories and data files: which file column is which schema field.

A column is recognised by the field's machine ``name``, its Ukrainian ``title`` or a declared
alias (``x-header-aliases``), whatever the case, apostrophes and spaces (:func:`fold`), in any
order. A name beats a title, a title beats an alias; a label that still fits two fields is
ambiguous and used for neither. The result says, per file column, its field (or None), per
field its column, and what is wrong with the header (:class:`Issue`); an unknown label gets the
closest field as a suggestion. Everything here is user text of any size: labels are cut to
``LABEL_CHARS`` before any comparison and at most ``SUGGEST_AT_MOST`` unknown labels are
compared with the fields, so a row of 16,384 columns of 10,000 characters stays linear."""
from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from dataclasses import dataclass, field as dc_field

from .grid import column_letter
from .schema import fold

LABEL_CHARS = 200          # a label longer than this is compared by its start
SUGGEST_AT_MOST = 50       # unknown labels that get a suggestion (the rest are only counted)
TOKEN_CUTOFF = 0.5         # shared words (weighted) that make a suggestion
TYPO_CUTOFF = 0.75         # difflib ratio of the loose forms that makes a suggestion
_PRIORITY = ("name", "title", "alias")

# kinds of :class:`Issue`
UNKNOWN, MISSING, DUPLICATE, AMBIGUOUS, BLANK = "unknown", "missing", "duplicate", "ambiguous", "blank"


def column_name(index: int) -> str:
    """How a column without a header is named to the user: «колонка C (3)»."""
    return f"колонка {column_letter(index)} ({index + 1})"


def words(label: str) -> list[str]:
    """snake_case, camelCase, kebab-case and spaced labels as the same list of lowercase words."""
    text = re.sub(r"([a-zа-яіїєґ0-9])([A-ZА-ЯІЇЄҐ])", r"\1 \2", str(label)[:LABEL_CHARS])
    return [w for w in re.split(r"[\W_]+", fold(text)) if w]


def loose(label: str) -> str:
    """The label without case, spaces, underscores and hyphens: stop_lat, stopLat, Stop Lat → stoplat."""
    return "".join(words(label))


def _compact(label: str) -> str:
    """The folded label without any whitespace: «Stop Name» and «stopName» are one label."""
    return fold(label).replace(" ", "")


def _is_blank(value) -> bool:
    return value is None or not str(value).strip()


@dataclass(frozen=True)
class Issue:
    kind: str                      # UNKNOWN, MISSING, DUPLICATE, AMBIGUOUS or BLANK
    index: int | None              # 0-based file column (None for a missing field)
    label: str                     # the header as written (stripped; "" when blank)
    field: str | None = None       # MISSING/DUPLICATE: the field; UNKNOWN: the suggested field
    candidates: tuple[str, ...] = ()   # AMBIGUOUS: the fields the label fits

    @property
    def letter(self) -> str:
        return column_letter(self.index) if self.index is not None else ""


@dataclass
class HeaderMatch:
    labels: list[str]                     # the header as written, one per file column
    columns: list[str | None]             # per file column: its field, or None
    positions: dict[str, int]             # per matched field: its (first) file column
    issues: list[Issue] = dc_field(default_factory=list)
    header_rows: int = 1                  # 2: machine names above Ukrainian labels
    unsuggested: int = 0                  # unknown labels past SUGGEST_AT_MOST (not compared)

    @property
    def missing(self) -> list[str]:
        return [i.field for i in self.issues if i.kind == MISSING]

    @property
    def matched(self) -> int:
        return len(self.positions)

    def in_schema_order(self) -> bool:
        """Every column is its schema field, in the schema's order, with nothing else."""
        return all(c is not None for c in self.columns) and not self.issues


class Matcher:
    """Built once per schema from its Table Schema ``fields``."""

    def __init__(self, fields: list[dict]) -> None:
        self.names = [f["name"] for f in fields]
        self.titles = {f["name"]: str(f.get("title") or f["name"]) for f in fields}
        self.index: dict[str, dict[str, set[str]]] = {}     # folded label → priority → fields
        self.compact: dict[str, dict[str, set[str]]] = {}   # the same without any whitespace
        for f in fields:
            labels = [("name", f["name"]), ("title", f.get("title") or "")]
            labels += [("alias", a) for a in f.get("x-header-aliases", []) or []]
            for kind, label in labels:
                if label:
                    self.index.setdefault(fold(label), {}).setdefault(kind, set()).add(f["name"])
                    self.compact.setdefault(_compact(label), {}).setdefault(kind, set()).add(f["name"])
        self._forms = self._suggestion_forms(fields)

    # --- one label ----------------------------------------------------------------------
    def candidates(self, label) -> tuple[str, ...]:
        """The fields ``label`` names: one, none, or several (ambiguous)."""
        if _is_blank(label):
            return ()
        text = str(label)
        if len(text) > LABEL_CHARS * 5:          # no field label is that long
            return ()
        found = self.index.get(fold(text)) or self.compact.get(_compact(text))   # «stop name» is stopName
        if not found:
            return ()
        for kind in _PRIORITY:
            if kind in found:
                return tuple(sorted(found[kind], key=self.names.index))
        return ()

    def field_of(self, label) -> str | None:
        found = self.candidates(label)
        return found[0] if len(found) == 1 else None

    def suggest(self, label, taken=frozenset()) -> str | None:
        """The field an unknown label most probably means, or None: shared words first (rare
        words weigh more: «stop_lat» is «lat», not «stopName»), then a typo-level likeness."""
        tokens = set(words(label))
        if not tokens:
            return None
        best, best_score = None, 0.0
        for name, form_tokens, _ in self._forms:
            if name in taken:
                continue
            shared = tokens & form_tokens
            if not shared:
                continue
            union = tokens | form_tokens
            score = sum(self._weight(t) for t in shared) / sum(self._weight(t) for t in union)
            if score > best_score:
                best, best_score = name, score
        if best_score >= TOKEN_CUTOFF:
            return best
        key = loose(label)
        best, best_ratio = None, 0.0
        for name, _, form in self._forms:
            if name in taken:
                continue
            matcher = difflib.SequenceMatcher(None, key, form, autojunk=False)
            if matcher.real_quick_ratio() < TYPO_CUTOFF or matcher.quick_ratio() < TYPO_CUTOFF:
                continue
            ratio = matcher.ratio()
            if ratio > best_ratio:
                best, best_ratio = name, ratio
        return best if best_ratio >= TYPO_CUTOFF else None

    def _suggestion_forms(self, fields: list[dict]) -> list[tuple[str, set[str], str]]:
        forms = []
        for f in fields:
            for label in [f["name"], f.get("title") or ""] + list(f.get("x-header-aliases", []) or []):
                if label:
                    forms.append((f["name"], set(words(label)), loose(label)))
        counts = Counter(t for _, tokens, _ in {(n, frozenset(t), "") for n, t, _ in forms} for t in tokens)
        self._idf = {t: math.log(1 + len(fields) / c) for t, c in counts.items()}
        self._default_idf = math.log(1 + len(fields))
        return forms

    def _weight(self, token: str) -> float:
        return self._idf.get(token, self._default_idf)

    # --- a header -----------------------------------------------------------------------
    def is_label_row(self, first: list, second: list) -> bool:
        """``second`` is the Ukrainian labels of the fields ``first`` names (a national
        template's two-row header): in most columns named in row 1, row 2 is another label of
        the same field (not the name again, not a value)."""
        named = same = 0
        for top, below in zip(first, second):
            field = self.field_of(top)
            if field is None:
                continue
            named += 1
            if not _is_blank(below) and fold(below) != fold(top) and self.field_of(below) == field:
                same += 1
        return same >= 1 and 2 * same >= named

    def match(self, first: list, second: list | None = None) -> HeaderMatch:
        """Match a header row (and, when ``second`` is the labels of ``first``, both as one)."""
        two = second is not None and self.is_label_row(first, second)
        width = max(len(first), len(second) if two else 0)
        labels, columns, issues = [], [], []
        positions: dict[str, int] = {}
        for i in range(width):
            top = first[i] if i < len(first) else None
            below = second[i] if two and i < len(second) else None
            label = str(top).strip() if not _is_blank(top) else (str(below).strip() if not _is_blank(below) else "")
            found = self.candidates(top) or (self.candidates(below) if two else ())
            labels.append(label)
            field = found[0] if len(found) == 1 else None
            if len(found) > 1:
                issues.append(Issue(AMBIGUOUS, i, label, None, found))
            elif field and field in positions:
                issues.append(Issue(DUPLICATE, i, label, field))
                field = None
            elif field:
                positions[field] = i
            columns.append(field)
        unknown = [i for i, c in enumerate(columns) if c is None and labels[i]
                   and not any(x.index == i for x in issues)]
        for n, i in enumerate(unknown):
            suggestion = self.suggest(labels[i], positions.keys()) if n < SUGGEST_AT_MOST else None
            issues.append(Issue(UNKNOWN, i, labels[i], suggestion))
        issues += [Issue(BLANK, i, "") for i, c in enumerate(columns) if c is None and not labels[i]]
        issues += [Issue(MISSING, None, "", name) for name in self.names if name not in positions]
        issues.sort(key=lambda x: (x.index is None, x.index or 0))
        return HeaderMatch(labels, columns, positions, issues, 2 if two else 1,
                           max(0, len(unknown) - SUGGEST_AT_MOST))


_MATCHERS: dict[int, tuple[object, Matcher]] = {}


def matcher_of(owner, fields: list[dict]) -> Matcher:
    """The matcher of a loaded schema (``owner``: the schema object, ``fields`` its Table Schema
    fields), built once per schema object and kept while it lives (at most 64 kept)."""
    kept = _MATCHERS.get(id(owner))
    if kept is None or kept[0] is not owner:
        if len(_MATCHERS) > 64:
            _MATCHERS.clear()
        kept = _MATCHERS[id(owner)] = (owner, Matcher(fields))
    return kept[1]
