"""Cleaning: from a scraped page (plain text or HTML) to the article's own paragraphs, every removal explained.

Scraped news text carries the page around the article: share and comment prompts, newsletter calls,
"الأكثر قراءة" lists, captions printed twice, a font-size widget, date stamps, the title repeated with the
author's name. Three kinds of evidence decide what goes, because rules alone do not generalise to outlets we
have never seen:

1. Rules as data (`data/boilerplate.json`): phrases a reader would recognise, compared on `line_key`.
2. Structure: where a line sits (above the first or below the last body paragraph), its length, whether it
   ends like a sentence, whether it repeats (twice in a row, or a sentence of the body), whether it starts a
   run of short link-like lines at the end.
3. Recurrence (`LineStats`): a short line seen in many *distinct* documents of an outlet is the site talking,
   not the article.

Removal is conservative inside the body: a short subheading ("دعم القوات العراقية") stays, a recurring line
that ends like a sentence stays where it sits between body paragraphs (formulaic wire sentences recur too).
The clean text keeps one paragraph per kept line, paragraphs separated by a blank line ("\\n\\n").

HTML goes through trafilatura first (no HTML extraction of our own), then through the same line cleaning.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from . import MarsadError
from . import metadata
from .arabic import ARABIC_LETTER, LATIN_LETTER, normalize_for_matching
from .metadata import ends_sentence, is_date_line, line_key, looks_like_headline
from .records import Article, Document, Removed, article_id


class NoArticleText(MarsadError):
    """Nothing of the article is left (empty input, an HTML page without article text, only boilerplate)."""


# -- text normalisation of lines -------------------------------------------------------------------------

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_HAS_WORD = re.compile(r"[^\W_]")


def split_lines(text: str) -> list[str]:
    """The text's non-empty lines, with invisible bidi/zero-width marks removed and odd spaces (no-break,
    thin, ideographic) made plain, so that what later stages see and what they match are the same."""
    text = _INVISIBLE.sub("", _NEWLINES.sub("\n", text))
    lines = []
    for raw in text.split("\n"):
        line = _SPACES.sub(" ", raw).strip()
        if line:
            lines.append(line)
    return lines


# -- rules as data -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Rule:
    why: str
    max_words: int
    exact: frozenset[str]
    starts: tuple[str, ...]
    contains: tuple[str, ...]
    edges_only: bool


@dataclass(frozen=True)
class _Rules:
    rules: tuple[_Rule, ...]
    max_words: int
    list_headers: dict[str, str]            # line_key -> why
    related_starts: tuple[str, ...]
    social_words: frozenset[str]
    credits: re.Pattern[str]                # a caption's trailing credit "(Getty)", "(أ ف ب)"
    caption_markers: tuple[str, ...]
    breadcrumb_starts: frozenset[str]
    byline_start: re.Pattern[str]


def _keys(phrases: Iterable[str]) -> list[str]:
    return [k for k in (line_key(p) for p in phrases) if k]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = metadata._load("boilerplate.json")
    rules = tuple(
        _Rule(r["why"], r["max_words"], frozenset(_keys(r["exact"])), tuple(_keys(r["starts"])),
              tuple(_keys(r["contains"])), bool(r.get("edges_only")))
        for r in data["line_rules"])
    headers = {k: why for why, phrases in data["list_headers"].items() for k in _keys(phrases)}
    credits = "|".join(re.escape(k) for k in sorted(set(_keys(data["caption_credits"])), key=len, reverse=True))
    byline = "|".join(re.escape(w) for w in sorted(data["byline_words"], key=len, reverse=True))
    return _Rules(
        rules=rules,
        max_words=max(r.max_words for r in rules),
        list_headers=headers,
        related_starts=tuple(_keys(data["related_starts"])),
        social_words=frozenset(w for p in _keys(data["social_words"]) for w in p.split()),
        credits=re.compile(rf"[(\[](?:{credits})(?:\s*[/|,،-]\s*(?:{credits}))*\s*[)\]]\s*$", re.IGNORECASE),
        caption_markers=tuple(_keys(data["caption_markers"])),
        breadcrumb_starts=frozenset(_keys(data["breadcrumb_starts"])),
        byline_start=re.compile(rf"^(?:{byline})\s*[:\-–—ـ]\s*\S|^(?:كتب|كتبت|بقلم|بواسطة)\s+\S", re.IGNORECASE),
    )


def _starts_with(key: str, prefixes: tuple[str, ...]) -> bool:
    return any(key == p or key.startswith(p + " ") for p in prefixes)


def _contains(key: str, phrases: tuple[str, ...]) -> bool:
    """Substring match, so a phrase still matches behind a clitic ("بنشرتنا البريدية")."""
    return any(p in key for p in phrases)


def match_rule(key: str, words: int, at_edge: bool = True) -> str | None:
    """Why a line (given its `line_key` and word count) is boilerplate by the phrase rules, or None."""
    rules = _rules()
    if words > rules.max_words or not key:
        return None
    for rule in rules.rules:
        if words > rule.max_words or (rule.edges_only and not at_edge):
            continue
        if key in rule.exact or _starts_with(key, rule.starts) or _contains(key, rule.contains):
            return rule.why
    if all(w in rules.social_words for w in key.split()):
        return "share prompt"
    return None


_BREADCRUMB_SEP = re.compile(r"\s*(?:[›»>/|\\]|&gt;|::)\s*")


def _is_breadcrumb(line: str) -> bool:
    """"الرئيسية > أخبار > عربي" or "Home / World": a path of short segments from the site's home."""
    parts = [p for p in _BREADCRUMB_SEP.split(line) if p]
    if len(parts) < 2 or len(parts) == len(line.split()) + 1:
        return False
    if any(len(p.split()) > 4 for p in parts):
        return False
    return line_key(parts[0]) in _rules().breadcrumb_starts or len(parts) >= 3 and not ends_sentence(line)


def _is_caption_credit(line: str, key: str) -> bool:
    """A photo caption or credit: ends with a credit in brackets ("... (Getty)", "... (أ ف ب)") or names the
    photo ("صورة أرشيفية", "تصوير: ...")."""
    rules = _rules()
    probe = normalize_for_matching(line)
    if rules.credits.search(probe):
        return True
    return any(key == m or key.startswith(m + " ") or key.endswith(" " + m) for m in rules.caption_markers)


# -- recurrence across documents -------------------------------------------------------------------------


def _hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


class LineStats:
    """In how many distinct documents each short line occurs, overall and per outlet.

    A site's own furniture (share prompts, newsletter calls, its footer, "اقرأ أيضا") recurs in every page
    of that site, so a short line seen in many documents is boilerplate. Wire copy breaks the naive count:
    one agency story republished by ten outlets would make its every line "recurring". So a document is
    first fingerprinted by its longest lines; a document whose fingerprint lines were already seen is a copy
    and adds nothing, and copies of one text count once.

    Thresholds (a line is recurring when either holds), chosen on SaudiNewsNet (31,030 articles, 14 outlets):
    - in >= 3 distinct documents of the same outlet: a site leftover appears on every page of the site, so
      three unrelated articles of one outlet sharing a short line is already strong evidence, and small
      batches (tens of articles per outlet) still learn their footer;
    - in >= 5 distinct documents overall: generic phrases shared by many sites, with a higher bar because
      different outlets legitimately share set phrases.
    Only lines of at most 20 words are counted: boilerplate is short, body paragraphs are not.
    The cleaner adds its own caution: a recurring line that ends like a sentence is only removed above or
    below the body, never between body paragraphs.

    Memory: 8-byte hashes in Counters, never the lines; about 8 MB for the whole of SaudiNewsNet.
    """

    MAX_WORDS = 20
    PER_OUTLET = 3
    OVERALL = 5
    FINGERPRINT_LINES = 3

    def __init__(self) -> None:
        self.documents = 0                  # distinct (non-copy) documents counted
        self.copies = 0                     # documents skipped as copies of one already counted
        self._fingerprints: set[int] = set()
        self._overall: Counter[int] = Counter()
        self._per_outlet: Counter[int] = Counter()

    @staticmethod
    def _outlet_hash(outlet: str, key: str) -> int:
        return _hash(outlet.strip().lower() + "\x1f" + key)

    def add(self, text: str, outlet: str | None) -> None:
        """Count one document's short lines (each line once per document)."""
        lines = split_lines(text or "")
        if not lines:
            return
        longest = sorted(lines, key=len, reverse=True)[:self.FINGERPRINT_LINES]
        prints = {_hash(line_key(line)) for line in longest}
        if len(prints & self._fingerprints) >= min(2, len(prints)):
            self.copies += 1
            return
        self._fingerprints.update(prints)
        self.documents += 1
        keys = {line_key(line) for line in lines if len(line.split()) <= self.MAX_WORDS}
        keys.discard("")
        for key in keys:
            self._overall[_hash(key)] += 1
            if outlet:
                self._per_outlet[self._outlet_hash(outlet, key)] += 1

    def count(self, line: str, outlet: str | None = None) -> int:
        """Distinct documents the line was seen in: of `outlet` when given, else overall."""
        key = line_key(line)
        if outlet:
            return self._per_outlet.get(self._outlet_hash(outlet, key), 0)
        return self._overall.get(_hash(key), 0)

    def is_recurring(self, line: str, outlet: str | None) -> bool:
        """Whether a short line recurs enough to be the site's furniture (thresholds in the class doc)."""
        if len(line.split()) > self.MAX_WORDS:
            return False
        key = line_key(line)
        if not key:
            return False
        if self._overall.get(_hash(key), 0) >= self.OVERALL:
            return True
        return bool(outlet) and self._per_outlet.get(self._outlet_hash(outlet, key), 0) >= self.PER_OUTLET

    def compact(self) -> LineStats:
        """A copy holding only the lines that reached a threshold: enough for `is_recurring`, small to send to
        worker processes (it cannot count further documents correctly)."""
        small = LineStats()
        small.documents, small.copies = self.documents, self.copies
        small._overall = Counter({h: n for h, n in self._overall.items() if n >= self.OVERALL})
        small._per_outlet = Counter({h: n for h, n in self._per_outlet.items() if n >= self.PER_OUTLET})
        return small


# -- cleaning the lines of one document ------------------------------------------------------------------

PARAGRAPH_WORDS = 20        # a line this long is body text whatever its punctuation
SENTENCE_WORDS = 8          # a line this long that ends like a sentence is body text
CAPTION_MAX_WORDS = 25
TOP_ZONE_MAX = 12           # lines above the body looked at for title, date, dateline, byline


@dataclass
class _Line:
    text: str
    key: str
    words: int
    sentence: bool
    why: str | None = None

    @property
    def kept(self) -> bool:
        return self.why is None


@dataclass
class CleanText:
    """The result of cleaning one text: paragraphs kept, lines removed, and what the removed lines said."""

    paragraphs: list[str]
    removed: list[Removed]
    title: str | None = None
    date_lines: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)      # dateline/byline lines, top first

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def _make_line(text: str) -> _Line:
    words = len(text.split())
    key = line_key(text) if words <= 400 else ""
    return _Line(text, key, words, ends_sentence(text))


def _is_paragraph(line: _Line) -> bool:
    return line.words >= PARAGRAPH_WORDS or (line.words >= SENTENCE_WORDS and line.sentence)


def _body_bounds(lines: list[_Line]) -> tuple[int, int]:
    """Index of the first and last body paragraph among kept lines; falls back to sentences, then to the
    longest line, so a two-line news flash still has a body."""
    for test in (_is_paragraph, lambda ln: ln.sentence and ln.words >= 3, lambda ln: ln.words >= 3):
        idx = [i for i, ln in enumerate(lines) if ln.kept and test(ln)]
        if idx:
            return idx[0], idx[-1]
    kept = [i for i, ln in enumerate(lines) if ln.kept and _HAS_WORD.search(ln.text)]
    if not kept:
        return len(lines), -1
    best = max(kept, key=lambda i: lines[i].words)
    return best, best


def _apply_rules(lines: list[_Line]) -> None:
    """Phrase rules, lone punctuation, breadcrumbs, and list headers with the link-like lines after them."""
    rules = _rules()
    i = 0
    while i < len(lines):
        line = lines[i]
        if not _HAS_WORD.search(line.text):
            line.why = "lone punctuation"
        elif line.words <= 6 and line.key in rules.list_headers:
            why = line.why = rules.list_headers[line.key]
            j = i + 1
            while j < len(lines) and lines[j].words <= PARAGRAPH_WORDS and not lines[j].sentence:
                lines[j].why = why
                j += 1
            i = j
            continue
        elif line.words <= 30 and not line.sentence and _starts_with(line.key, rules.related_starts):
            line.why = "related-articles list"
        elif line.words <= rules.max_words:
            why = match_rule(line.key, line.words, at_edge=False)
            if why:
                line.why = why
            elif is_date_line(line.text, line.key):
                pass                    # a date stamp with slashes is not a breadcrumb; placed by position
            elif ("›" in line.text or ">" in line.text or "/" in line.text or "|" in line.text
                  or "»" in line.text) and _is_breadcrumb(line.text):
                line.why = "breadcrumb"
        i += 1


def _apply_edge_rules(lines: list[_Line], first: int, last: int) -> None:
    for i, line in enumerate(lines):
        if line.kept and (i < first or i > last):
            why = match_rule(line.key, line.words, at_edge=True)
            if why:
                line.why = why


def _is_byline(line: _Line) -> bool:
    return line.words <= 8 and bool(_rules().byline_start.match(line.text))


def _same_as_title(line: _Line, title_key: str) -> bool:
    """The title itself, the title with the author's name or tags appended, or a truncated title."""
    if not title_key or not line.key:
        return False
    if line.key == title_key or line.key.startswith(title_key + " "):
        return True
    return line.words >= 4 and title_key.startswith(line.key + " ")


def _clean_top(lines: list[_Line], first: int, title: str | None, out: CleanText) -> None:
    """Above the body: date stamps, datelines, bylines, photo credits, the title and any second headline."""
    title_key = line_key(title) if title else ""
    top = [i for i in range(min(first, len(lines))) if lines[i].kept][:TOP_ZONE_MAX]
    last_meta = -1
    for i in top:
        line = lines[i]
        if is_date_line(line.text, line.key):
            line.why = "date line"
            out.date_lines.append(line.text)
        elif _is_byline(line):
            line.why = "byline"
            out.credits.append(line.text)
        elif line.words <= 7 and metadata.parse_credit(line.text, strict=True):
            line.why = "dateline"
            out.credits.append(line.text)
        elif title_key and _same_as_title(line, title_key):
            line.why = "title"
        elif not title_key and looks_like_headline(line.text, line.words) and not _is_caption_credit(line.text, line.key):
            title_key = line.key
            out.title = line.text
            line.why = "title"
        elif line.words <= CAPTION_MAX_WORDS and not line.sentence and _is_caption_credit(line.text, line.key):
            line.why = "image credit"
        else:
            continue
        if line.why != "title" or i > last_meta:
            last_meta = i
    # A headline-shaped line above the last stamp (date, dateline, byline) is page header: a second headline,
    # a kicker. Below the last stamp it may be the article's own short lead, so it stays.
    for i in top:
        line = lines[i]
        if line.kept and i < last_meta and looks_like_headline(line.text, line.words):
            line.why = "headline"


def _clean_bottom(lines: list[_Line], last: int, out: CleanText) -> None:
    """Below the body: stamps and bylines, then a run of two or more link-like lines (related articles)."""
    tail = [i for i in range(last + 1, len(lines)) if lines[i].kept]
    for i in tail:
        line = lines[i]
        if is_date_line(line.text, line.key):
            line.why = "date line"
            out.date_lines.append(line.text)
        elif _is_byline(line):
            line.why = "byline"
            out.credits.append(line.text)
    links = [i for i in tail if lines[i].kept and looks_like_headline(lines[i].text, lines[i].words)
             and lines[i].words >= 3]
    if len(links) >= 2:
        for i in links:
            lines[i].why = "related-articles list"


def _clean_captions(lines: list[_Line], title_key: str) -> None:
    """Captions: short unpunctuated lines printed twice (image alt text and caption), lines naming a photo or
    its credit, and lines that repeat a sentence of the body (a pull quote or caption)."""
    short = [i for i, ln in enumerate(lines) if ln.kept and ln.words <= CAPTION_MAX_WORDS and not ln.sentence
             and ln.key]
    seen: Counter[str] = Counter(lines[i].key for i in short)
    body = "\n".join(ln.key for ln in lines if ln.kept and _is_paragraph(ln))
    for i in short:
        line = lines[i]
        if title_key and line.key == title_key:
            line.why = "title"
        elif seen[line.key] >= 2:
            line.why = "caption"
        elif _is_caption_credit(line.text, line.key):
            line.why = "image credit"
        elif line.words >= 6 and line.key in body:
            line.why = "caption repeated from the body"


def _clean_recurring(lines: list[_Line], first: int, last: int, stats: LineStats, outlet: str | None) -> None:
    for i, line in enumerate(lines):
        if not line.kept or line.words > LineStats.MAX_WORDS:
            continue
        inside = first <= i <= last
        if inside and line.sentence:
            continue
        if stats.is_recurring(line.text, outlet):
            line.why = "recurring line"


def clean_text(text: str, title: str | None = None, line_stats: LineStats | None = None,
               outlet: str | None = None) -> CleanText:
    """Clean one decoded text (see the module doc for the evidence used). `title` is the known title, if
    any (the title line and its variants at the top are removed); else the first headline-shaped line at
    the top becomes the title. `outlet` keys the per-outlet recurrence counts of `line_stats`."""
    lines = [_make_line(t) for t in split_lines(text or "")]
    out = CleanText([], [])
    if not lines:
        return out
    _apply_rules(lines)
    first, last = _body_bounds(lines)
    _apply_edge_rules(lines, first, last)
    _clean_top(lines, first, title, out)
    title = title or out.title
    out.title = title
    first, last = _body_bounds(lines)
    _clean_captions(lines, line_key(title) if title else "")
    if line_stats is not None:
        _clean_recurring(lines, first, last, line_stats, outlet)
    first, last = _body_bounds(lines)
    _clean_bottom(lines, last, out)
    for line in lines:
        if line.kept:
            out.paragraphs.append(line.text)
        else:
            out.removed.append(Removed(line.text, line.why or ""))
    return out


# -- documents -------------------------------------------------------------------------------------------


@dataclass
class _Page:
    """What trafilatura read from an HTML page."""

    text: str
    title: str | None = None
    date: str | None = None
    author: str | None = None
    sitename: str | None = None
    url: str | None = None


def _year_only_if_defaulted(date: str | None) -> str | None:
    """htmldate fills an unknown month and day with 01-01; that is a year, not a date."""
    if date and len(date) >= 10 and date[4:10] == "-01-01":
        return date[:4]
    return date


def extract_html(html: str, url: str | None = None) -> _Page:
    """Main text and metadata of an HTML page, by trafilatura (comments excluded, precision favoured: a
    missed sentence costs less than a sidebar headline taken for article text)."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, url=url, include_comments=False, favor_precision=True,
                                          include_tables=False, with_metadata=True,
                                          date_extraction_params={"extensive_search": False,
                                                                  "original_date": True})
    except Exception as exc:  # noqa: BLE001 - lxml and trafilatura raise many kinds on broken markup
        raise NoArticleText(f"HTML not readable: {type(exc).__name__}") from exc
    if doc is None or not (doc.text or "").strip():
        raise NoArticleText("no article text in the HTML")
    return _Page(doc.text, doc.title, _year_only_if_defaulted(doc.date), doc.author, doc.sitename, doc.url)


def clean_document(doc: Document, text: str, line_stats: LineStats | None = None) -> Article:
    """One decoded document -> a clean Article with its metadata and the list of what was removed and why.

    `text` is the decoded input (HTML source when doc.kind == "html"). The article id is computed from it
    before any cleaning, so the id is known without running this stage. Raises NoArticleText when nothing
    of an article is left."""
    raw = text or ""
    aid = article_id(doc.url, raw)
    page = None
    body = raw
    if doc.kind == "html":
        page = extract_html(raw, doc.url)
        body = page.text
    title_hint = metadata.extract_title(doc, [], page.title if page else None)
    cleaned = clean_text(body, title=title_hint, line_stats=line_stats, outlet=doc.outlet_hint)
    if not cleaned.paragraphs:
        raise NoArticleText("only boilerplate" if cleaned.removed else "empty text")
    clean = cleaned.text
    credit = _credit(doc, cleaned, page)
    return Article(
        id=aid,
        source=doc.source,
        text=clean,
        url=doc.url or (page.url if page else None),
        outlet=metadata.extract_outlet(doc, clean) or (metadata.outlet_from_hint(page.sitename) if page else None),
        title=cleaned.title,
        published=metadata.extract_published(doc, cleaned.date_lines, page.date if page else None),
        dateline=credit.dateline,
        agency=credit.agency,
        author=credit.author,
        language=metadata.extract_language(clean),
        encoding=doc.encoding,
        removed=cleaned.removed,
    )


def _credit(doc: Document, cleaned: CleanText, page: _Page | None) -> metadata.Credit:
    """Dateline, agency and author: from the container's author field and the removed dateline/byline lines,
    then a dateline opening the first paragraph; the first source to give a field wins."""
    found = metadata.Credit()
    sources: list[metadata.Credit | None] = [metadata.parse_credit(doc.author_hint or "")]
    sources += [metadata.parse_credit(line) for line in cleaned.credits]
    sources.append(metadata.extract_dateline(cleaned.paragraphs[0]))
    if page and page.author:
        sources.append(metadata.Credit(author=page.author))
    for credit in sources:
        if credit is None:
            continue
        found.dateline = found.dateline or credit.dateline
        found.agency = found.agency or credit.agency
        found.author = found.author or credit.author
    return found
