"""Typed records that flow between pipeline stages.

Every stage is a function over these records. Offsets (`start`, `end`) are always Python string indices into
the owning article's clean `text` (end exclusive), so `article.text[start:end] == mention.text` holds.
Dates are ISO 8601 prefixes as precise as the source allows ("2021", "2021-07", "2021-07-01",
"2021-07-01T10:43") or None, never a guess.

Ids derive from content (see `content_id`) so that re-running on the same input changes nothing.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


def content_id(prefix: str, *parts: object) -> str:
    """A stable id such as "a-3f2c9e1b7d20": a prefix and 12 hex digits of a SHA-256 over the parts."""
    digest = hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return f"{prefix}-{digest.hexdigest()[:12]}"


def article_id(url: str | None, raw_text: str) -> str:
    """An article's id: from its URL (when it has one) and its decoded text before cleaning, so the id is
    known before any stage runs (a re-run skips known articles) and two copies of one text at two URLs stay
    two articles (the later one is marked a duplicate, never dropped)."""
    return content_id("a", url or "", raw_text)


@dataclass
class Document:
    """One candidate article as read from the input, before decoding and cleaning.

    `data` holds raw bytes still to be decoded (files, archive members, WARC payloads); `text` holds text
    that arrived already decoded (JSON fields). Exactly one of the two is set. The `*_hint` fields carry
    metadata the container gave us (a JSON `title`, a feed item's date, the SaudiNewsNet `source` id); the
    metadata stage prefers them to what it can guess from the text.
    """

    source: str                     # path, "archive.zip!member", "file.jsonl#12", or a URL
    kind: str = "text"              # "text" (scraped plain text) or "html"
    data: bytes | None = None
    text: str | None = None
    url: str | None = None
    title_hint: str | None = None
    published_hint: str | None = None
    outlet_hint: str | None = None
    author_hint: str | None = None
    encoding: str | None = None     # the original bytes' encoding once decoded ("utf-8", "cp1256", ...)

    def raw_size(self) -> int:
        if self.data is not None:
            return len(self.data)
        return len((self.text or "").encode("utf-8"))


@dataclass
class Rejected:
    """A document that could not become an article, with a one-line reason. Kept in the store."""

    source: str
    reason: str
    size: int | None = None
    sha256: str | None = None


@dataclass
class Removed:
    """A line the cleaner took out of the text, and why (e.g. "comment prompt", "recurring line")."""

    line: str
    why: str


@dataclass
class Mention:
    """A named-entity mention found by the tagger.

    `text` is the surface form exactly as in the article (clitics like و/ب/ل and a hashtag's "#" are outside
    the span). `name` is the form used for matching (a hashtag's underscores become spaces). `title` is a
    role phrase next to the name ("رئيس الوزراء العراقي"), `entity` the resolved entity id once known.
    """

    start: int
    end: int
    text: str
    type: str                       # PER, ORG, LOC, MISC
    name: str = ""
    title: str | None = None
    entity: str | None = None

    def __post_init__(self) -> None:
        if not self.name:
            self.name = self.text


@dataclass
class Timex:
    """A temporal expression: `value` is an ISO prefix or None (relative with no publication date)."""

    start: int
    end: int
    text: str
    value: str | None
    kind: str = "date"              # date, time, duration, set, relative
    flag: str | None = None         # e.g. "weekday-mismatch"


@dataclass
class Quote:
    """Who said what. `speaker_mention` indexes the article's mentions until entities are resolved."""

    id: str
    article: str
    kind: str                       # direct or reported
    text: str
    start: int
    end: int
    verb: str | None = None
    speaker_text: str | None = None
    speaker_mention: int | None = None
    speaker: str | None = None      # entity id, filled after entity resolution


@dataclass
class Event:
    """A dated, typed event from one sentence; mention indexes become entity ids after resolution."""

    id: str
    article: str
    type: str                       # meeting, visit, call, statement, agreement, milestone, other
    sentence: str
    start: int
    end: int
    date: str | None = None
    date_text: str | None = None
    trigger: str | None = None
    place_mention: int | None = None
    participant_mentions: list[int] = field(default_factory=list)
    place: str | None = None
    participants: list[str] = field(default_factory=list)
    same_as: str | None = None      # id of the event this one retells (same event told by another article)


@dataclass
class Article:
    """A clean, dated, attributed article and everything the per-article stages found in it."""

    id: str
    source: str
    text: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    dateline: str | None = None
    agency: str | None = None
    author: str | None = None
    language: str | None = None
    encoding: str | None = None
    removed: list[Removed] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    story: str | None = None
    duplicate_of: str | None = None


@dataclass
class Entity:
    """A person, organisation or place merged across spellings, articles and outlets."""

    id: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)


@dataclass
class SummarySentence:
    text: str
    article: str
    start: int
    end: int


@dataclass
class Story:
    """One event as told by many outlets."""

    id: str
    title: str
    articles: list[str]
    first: str | None = None
    last: str | None = None
    outlets: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    summary: list[SummarySentence] = field(default_factory=list)
