"""Exports of what is stored, in the `marsad.export/1` shape (../docs/export-contract.md).

JSON, JSONL and CSV share one path: `export_records` yields (kind, record) pairs in the contract's shape and
the writers only format them. Records stream from the store, so a big store exports in flat memory. The export
of a subset (a search result, a story) is the same records restricted to those articles.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from typing import IO

from . import MarsadError
from .records import Article, Entity, Event, Quote, Story
from .store import Store

SCHEMA = "marsad.export/1"
KINDS = ("articles", "entities", "quotes", "events", "stories")
FORMATS = ("json", "jsonl", "csv")


class ExportError(MarsadError):
    """The export cannot be written (unknown format, unwritable file)."""


def article_record(a: Article) -> dict:
    return {"id": a.id, "source": a.source, "url": a.url, "outlet": a.outlet, "title": a.title,
            "published": a.published, "dateline": a.dateline, "agency": a.agency, "author": a.author,
            "language": a.language, "encoding": a.encoding, "text": a.text,
            "removed": [{"line": r.line, "why": r.why} for r in a.removed],
            "story": a.story, "duplicate_of": a.duplicate_of}


def entity_record(e: Entity, mentions: list[dict]) -> dict:
    return {"id": e.id, "type": e.type, "name": e.name, "aliases": e.aliases, "titles": e.titles,
            "mentions": mentions}


def quote_record(q: Quote) -> dict:
    return {"id": q.id, "article": q.article, "kind": q.kind, "text": q.text, "speaker": q.speaker,
            "speaker_text": q.speaker_text, "verb": q.verb, "start": q.start, "end": q.end}


def event_record(v: Event) -> dict:
    return {"id": v.id, "article": v.article, "type": v.type, "date": v.date, "date_text": v.date_text,
            "place": v.place, "participants": v.participants, "sentence": v.sentence, "start": v.start,
            "end": v.end, "trigger": v.trigger, "same_as": v.same_as}


def story_record(s: Story, articles: list[str] | None = None) -> dict:
    return {"id": s.id, "title": s.title, "articles": articles if articles is not None else s.articles,
            "first": s.first, "last": s.last, "entities": s.entities, "outlets": s.outlets,
            "summary": [x.text for x in s.summary],
            "summary_sources": [{"article": x.article, "start": x.start, "end": x.end} for x in s.summary]}


def export_records(store: Store, article_ids: Iterable[str] | None = None) -> Iterator[tuple[str, dict]]:
    """Yield ("articles"|"entities"|"quotes"|"events"|"stories", record) in the contract's order.

    With `article_ids`, only those articles and what belongs to them (entities keep only their mentions in
    those articles, stories only those articles)."""
    subset = None if article_ids is None else set(article_ids)
    for a in store.iter_articles(details=False):
        if subset is None or a.id in subset:
            yield "articles", article_record(a)
    current, mentions = None, []
    for art, m in store.entity_mentions():
        if m.entity != current:
            if current is not None and mentions:
                yield "entities", entity_record(store.get_entity(current), mentions)
            current, mentions = m.entity, []
        if subset is None or art in subset:
            mentions.append({"article": art, "start": m.start, "end": m.end, "text": m.text})
    if current is not None and mentions:
        yield "entities", entity_record(store.get_entity(current), mentions)
    for q in store.quotes():
        if subset is None or q.article in subset:
            yield "quotes", quote_record(q)
    for v in store.events():
        if subset is None or v.article in subset:
            yield "events", event_record(v)
    for s in store.stories():
        kept = s.articles if subset is None else [a for a in s.articles if a in subset]
        if kept:
            yield "stories", story_record(s, kept)


def _generated() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def write_json(records: Iterable[tuple[str, dict]], out: IO[str]) -> None:
    """One JSON document; every kind's key is present even when empty. Written as it streams."""
    out.write('{"schema": "%s", "generated": "%s"' % (SCHEMA, _generated()))
    pending = list(KINDS)
    open_kind = None
    first = True
    for kind, record in records:
        if kind != open_kind:
            if open_kind is not None:
                out.write("\n]")
            while pending and pending[0] != kind:           # kinds with no records still get their key
                out.write(f',\n"{pending.pop(0)}": []')
            pending.pop(0)
            out.write(f',\n"{kind}": [\n')
            open_kind, first = kind, True
        if not first:
            out.write(",\n")
        out.write(json.dumps(record, ensure_ascii=False))
        first = False
    if open_kind is not None:
        out.write("\n]")
    for kind in pending:
        out.write(f',\n"{kind}": []')
    out.write("}\n")


def write_jsonl(records: Iterable[tuple[str, dict]], out: IO[str]) -> None:
    """One record a line, each tagged with the export key it belongs to: {"record": "quotes", ...}. Not
    "kind": a quote has a field of that name (direct/reported), which the tag would overwrite."""
    out.write(json.dumps({"record": "header", "schema": SCHEMA, "generated": _generated()}) + "\n")
    for kind, record in records:
        out.write(json.dumps({"record": kind, **record}, ensure_ascii=False) + "\n")


CSV_COLUMNS = {
    "articles": ["id", "source", "url", "outlet", "title", "published", "dateline", "agency", "author",
                 "language", "story", "duplicate_of", "text"],
    "entities": ["id", "type", "name", "aliases", "titles", "mentions"],
    "quotes": ["id", "article", "kind", "speaker", "speaker_text", "verb", "start", "end", "text"],
    "events": ["id", "article", "type", "date", "date_text", "place", "participants", "start", "end", "sentence"],
    "stories": ["id", "title", "first", "last", "outlets", "entities", "articles", "summary"],
}


def write_csv(records: Iterable[tuple[str, dict]], out: IO[str], kind: str = "articles") -> None:
    """One kind of record as a CSV table; lists are joined with " | ", entity mentions are counted."""
    writer = csv.writer(out)
    columns = CSV_COLUMNS[kind]
    writer.writerow(columns)
    for k, record in records:
        if k != kind:
            continue
        row = []
        for col in columns:
            value = record.get(col)
            if col == "mentions":
                value = len(value)
            elif isinstance(value, list):
                value = " | ".join(str(v) for v in value)
            row.append("" if value is None else value)
        writer.writerow(row)


def export_store(store: Store, out: IO[str], fmt: str = "json", kind: str = "articles",
                 article_ids: Iterable[str] | None = None) -> None:
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "csv" and kind not in CSV_COLUMNS:
        raise ExportError(f"unknown record kind {kind!r}; use one of {', '.join(CSV_COLUMNS)}")
    records = export_records(store, article_ids)
    if fmt == "json":
        write_json(records, out)
    elif fmt == "jsonl":
        write_jsonl(records, out)
    else:
        write_csv(records, out, kind)
