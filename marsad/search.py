"""Full-text search over article titles and clean text, Arabic-aware and clitic-insensitive.

Why a stem per word: Arabic glues conjunctions, prepositions and the article onto the word (والناتو, بالعراق,
للناتو), and outlets differ in alef, ya and teh-marbuta spelling. So every word, in the text at index time and
in the query at search time, goes through `match_term`: the one matching normalisation
(`normalize_for_matching`), then the surface clitic rule (`split_proclitics`, `strip_article`). The store keeps
these terms in an SQLite FTS5 index (bm25 ranking, phrase queries) written in the same transaction as the article.

The surface rule cannot tell a clitic from a root letter (لبنان loses its ل, but بلبنان keeps it), so a query
word is expanded into the terms of the forms it takes with each clitic in front (`query_terms`): whatever the
rule did to the word in the text, one of those terms is what it produced. Matching is then exact on terms.

Highlights are found again on the original stored text (same word pattern, same `match_term`), so their
offsets point into `article.text` / `article.title`, never into a normalised copy.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import product
from typing import TYPE_CHECKING

from . import MarsadError
from .arabic import normalize_for_matching, split_proclitics, strip_article

if TYPE_CHECKING:  # the store imports this module to index articles as it saves them
    from .store import Store


class SearchError(MarsadError):
    """A search request that cannot be answered as asked (bad date, unknown sort, limit out of range)."""


TERMS_VERSION = 2               # bump when the term rules change: stores re-index (Store._refresh_search_terms)
MAX_LIMIT = 100                 # results per page: a page of snippets stays cheap to build
MAX_OFFSET = 10_000             # deep paging past this is a crawl, not a search
MAX_QUERY_CHARS = 500
MAX_GROUPS = 12                 # words and phrases per query: keeps the FTS expression small
MAX_PHRASE_VARIANTS = 64        # a phrase expands into the product of its words' terms; cap it
SORTS = ("relevance", "date")
SNIPPET_CHARS = 240
MAX_HIGHLIGHT_SPAN = 100        # matches examined per article for the snippet window

# A word: letters and digits of any script with the marks and tatweel inside them. Diacritics are kept inside
# the word here (a vowelled وَلِلنّاتُو is one word), underscore splits hashtags into words.
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
WORD = re.compile(rf"(?:[^\W_]|[{_MARKS}])+")
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_PHRASE = re.compile(r'"([^"]*)"|«([^»]*)»|“([^”]*)”')

# Clitic sequences a word can carry in running text; data, not branches. "لل" is ل + ال with the alef dropped.
CLITIC_PREFIXES = ("", "و", "ف", "ب", "ك", "ل", "وب", "وك", "ول", "فب", "فل", "ال", "وال", "فال", "بال",
                   "كال", "لل", "وبال", "وكال", "ولل", "فبال", "فلل")


_NOT_ALNUM = re.compile(r"[\W_]+")      # what str.isalnum() rejects


@lru_cache(maxsize=262_144)
def match_term(word: str) -> str:
    """The index term of one word: normalised (alef, ya, teh marbuta, diacritics, tatweel, digits, case),
    proclitics و/ف + ب/ك/ل and the article ال taken off (ل + ال written لل included). Cached: news
    vocabulary is small next to its token count, so indexing and highlighting mostly hit the cache."""
    w = _NOT_ALNUM.sub("", normalize_for_matching(word))
    n = split_proclitics(w)
    stem = w[n:]
    if n and w[n - 1] == "ل" and stem.startswith("ل") and len(stem) > 3:
        stem = stem[1:]
    return strip_article(stem)


_COMPOUND_HEADS = ("عبد", "ابو")


@lru_cache(maxsize=65_536)
def word_terms(word: str) -> tuple[str, ...]:
    """The index terms of one written word: its `match_term`, or two for a compound name written as one
    word (عبدالعال, أبوالغيط), as the two words it is also written as (عبد العال): so a search for either
    spelling finds both. Only before the article: عبدة or أبواب are no compounds."""
    term = match_term(word)
    for head in _COMPOUND_HEADS:
        if term.startswith(head + "ال") and len(term) > len(head) + 3:
            return head, match_term(term[len(head):])
    return (term,) if term else ()


class _TermCache(dict):
    """word -> terms for indexing: a dict whose misses compute them, so the hits of `index_terms` stay
    in C (`map` over `__getitem__`); bounded by clearing, since news vocabulary keeps growing slowly."""

    def __missing__(self, word: str) -> str:
        if len(self) > 500_000:
            self.clear()
        term = self[word] = " ".join(word_terms(word))
        return term


_TERMS = _TermCache()


def index_terms(text: str | None) -> str:
    """The FTS document for a title or a body: its words' terms separated by spaces, in text order, so
    phrase queries match adjacent words."""
    if not text:
        return ""
    return " ".join(filter(None, map(_TERMS.__getitem__, WORD.findall(text))))


def query_terms(word: str) -> frozenset[str]:
    """Every term the word can have been indexed under, whatever clitics it carries in the text. Only terms
    that are a tail of the word itself are kept: "ب" + "في" gives the term بفي, which no text means."""
    w = _NOT_ALNUM.sub("", normalize_for_matching(word))
    if w.startswith("ال") and len(w) > 3:
        forms = [p + w for p in CLITIC_PREFIXES if "ل" not in p or p in ("ل", "ول", "فل")]
        forms += [p + "ل" + w[1:] for p in ("", "و", "ف")]         # للناتو: ل + الناتو without its alef
    else:
        forms = [p + w for p in CLITIC_PREFIXES]
    terms = {t for t in map(match_term, forms) if t and w.endswith(t)}
    terms.add(match_term(w))
    terms.discard("")
    return frozenset(terms)


@dataclass(frozen=True)
class QueryGroup:
    """One query word (one position) or one quoted phrase (several positions, adjacent in the text)."""

    text: str
    positions: tuple[frozenset[str], ...]


@dataclass(frozen=True)
class ParsedQuery:
    groups: tuple[QueryGroup, ...]

    def fts(self) -> str | None:
        """The FTS5 MATCH expression: every group must match (AND); a word matches any of its terms."""
        if not self.groups:
            return None
        parts = []
        for g in self.groups:
            variants = _phrase_variants(g.positions)
            parts.append("(" + " OR ".join(f'"{v}"' for v in variants) + ")")
        return " AND ".join(parts)


def _phrase_variants(positions: tuple[frozenset[str], ...]) -> list[str]:
    """The phrase's term sequences; past MAX_PHRASE_VARIANTS only the first (sorted) term of each word."""
    options = [sorted(p) for p in positions]
    count = 1
    for o in options:
        count *= len(o)
    if count > MAX_PHRASE_VARIANTS:
        options = [[max(o, key=lambda t: (len(t), t))] for o in options]   # the least ambiguous term
    return [" ".join(seq) for seq in product(*options)]


def parse_query(query: str) -> ParsedQuery:
    """Quoted parts ("..." or «...» or “...”) are phrases, the other words are single-word groups.
    Unbalanced quotes count as plain words. Words without letters or digits are dropped."""
    query = (query or "")[:MAX_QUERY_CHARS]
    groups: list[QueryGroup] = []
    seen: set[tuple] = set()

    def add(text: str, words: list[str]) -> None:
        positions = tuple(t for w in words for t in _query_positions(w) if t)
        if positions and positions not in seen and len(groups) < MAX_GROUPS:
            seen.add(positions)
            groups.append(QueryGroup(text, positions))

    rest = []
    last = 0
    for m in _PHRASE.finditer(query):
        rest.append(query[last:m.start()])
        phrase = next(g for g in m.groups() if g is not None)
        add(phrase.strip(), [w.group() for w in WORD.finditer(phrase)])
        last = m.end()
    rest.append(query[last:])
    for chunk in rest:
        for w in WORD.finditer(chunk):
            add(w.group(), [w.group()])
    return ParsedQuery(tuple(groups))


def _query_positions(word: str) -> list[frozenset[str]]:
    """A query word's positions: one, or two for a compound written as one word (عبدالعال: عبد + العال)."""
    parts = word_terms(word)
    if len(parts) == 2:
        return [frozenset({parts[0]}), query_terms("ال" + parts[1]) | {parts[1]}]
    return [query_terms(word)]


@dataclass
class Span:
    start: int
    end: int


@dataclass
class Snippet:
    """A window of the article text: `text == article.text[start:end]`; `highlights` are offsets into the
    whole article text (not into the snippet), each inside [start, end)."""

    start: int
    end: int
    text: str
    highlights: list[Span] = field(default_factory=list)


@dataclass
class SearchHit:
    article: str
    title: str | None
    outlet: str | None
    published: str | None
    story: str | None
    score: float
    snippet: Snippet
    title_highlights: list[Span] = field(default_factory=list)


@dataclass
class SearchFilters:
    outlet: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    entity: str | None = None
    story: str | None = None


@dataclass
class SearchResult:
    query: str
    total: int
    limit: int
    offset: int
    sort: str
    hits: list[SearchHit] = field(default_factory=list)


def find_matches(text: str | None, query: ParsedQuery) -> list[Span]:
    """Offsets in `text` of every word or phrase of the query, in text order, not overlapping."""
    if not text or not query.groups:
        return []
    words = [(m.start(), m.end(), term) for m in WORD.finditer(text) for term in word_terms(m.group())]
    firsts = set().union(*(g.positions[0] for g in query.groups))
    spans: list[Span] = []
    last_end = -1
    for i, (start, _end, term) in enumerate(words):
        if term not in firsts or start < last_end:
            continue
        best = 0
        for g in query.groups:
            n = len(g.positions)
            if n > best and i + n <= len(words) and all(words[i + k][2] in g.positions[k] for k in range(n)):
                best = n
        if best:
            spans.append(Span(start, words[i + best - 1][1]))
            last_end = spans[-1].end
    return spans


def make_snippet(text: str, matches: list[Span], width: int = SNIPPET_CHARS) -> Snippet:
    """The window of about `width` characters holding the most matches (earliest on ties), widened to word
    boundaries; the start of the text when nothing matched in it (a title-only hit)."""
    if not matches:
        end = _word_end(text, min(len(text), width))
        return Snippet(0, end, text[:end])
    best_i, best_n = 0, 0
    candidates = matches[:MAX_HIGHLIGHT_SPAN]
    j = 0
    for i, m in enumerate(candidates):
        while j < len(candidates) and candidates[j].end <= m.start + width:
            j += 1
        if j - i > best_n:
            best_i, best_n = i, j - i
    first = candidates[best_i]
    start = _word_start(text, max(0, first.start - width // 4))
    end = _word_end(text, min(len(text), max(start + width, first.end)))
    inside = [m for m in matches if m.start >= start and m.end <= end]
    return Snippet(start, end, text[start:end], inside)


def _word_start(text: str, i: int) -> int:
    """Move back to the start of the word (bounded, so a 50,000-character word cannot stall us)."""
    floor = max(0, i - 30)
    while i > floor and not text[i - 1].isspace():
        i -= 1
    return i


def _word_end(text: str, i: int) -> int:
    ceiling = min(len(text), i + 30)
    while i < ceiling and not text[i].isspace():
        i += 1
    return i


def check_filters(filters: SearchFilters) -> None:
    for name in ("date_from", "date_to"):
        value = getattr(filters, name)
        if value is not None and not _DATE.match(value):
            raise SearchError(f"{name.replace('_', ' ')} must be YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")


def search(store: Store, query: str, filters: SearchFilters | None = None, *, sort: str = "relevance",
           limit: int = 20, offset: int = 0) -> SearchResult:
    """Articles matching every word and phrase of `query` (an empty query lists the filtered articles,
    newest first), ranked by bm25 (title words weigh more) or by date, one page at a time, each with a
    highlighted snippet."""
    filters = filters or SearchFilters()
    if sort not in SORTS:
        raise SearchError(f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
    if not 1 <= limit <= MAX_LIMIT:
        raise SearchError(f"limit must be between 1 and {MAX_LIMIT}")
    if not 0 <= offset <= MAX_OFFSET:
        raise SearchError(f"offset must be between 0 and {MAX_OFFSET}")
    check_filters(filters)
    parsed = parse_query(query)
    match = parsed.fts()
    if match is None and (query or "").strip():
        return SearchResult(query, 0, limit, offset, sort)          # only punctuation: nothing can match
    total, rows = store.search_articles(match, outlet=filters.outlet, date_from=filters.date_from,
                                        date_to=filters.date_to, entity=filters.entity, story=filters.story,
                                        sort=sort if match else "date", limit=limit, offset=offset)
    hits = []
    for article, score in rows:
        snippet = make_snippet(article.text, find_matches(article.text, parsed))
        hits.append(SearchHit(article.id, article.title, article.outlet, article.published, article.story,
                              round(score, 4), snippet, find_matches(article.title, parsed)))
    return SearchResult(query, total, limit, offset, sort, hits)


def matching_article_ids(store: Store, query: str, filters: SearchFilters | None = None,
                         cap: int = 1000) -> list[str]:
    """Ids of up to `cap` best matches: what an export of a search exports."""
    filters = filters or SearchFilters()
    check_filters(filters)
    match = parse_query(query).fts()
    _, rows = store.search_articles(match, outlet=filters.outlet, date_from=filters.date_from,
                                    date_to=filters.date_to, entity=filters.entity, story=filters.story,
                                    sort="relevance" if match else "date", limit=cap, offset=0, with_text=False)
    return [a.id for a, _ in rows]
