"""The Spark engine's result as Parquet, one folder per table, and loading it into a store (`marsad load`).

Tables: articles, mentions, timexes, quotes, events, stories (written by the Spark partitions that hold
the articles, each its own part files), entities, edges, rejected, state (written by the driver). Columns
are the store's; `idx` keeps each article's list order, `order_*` the input order, `features` the story
features as JSON and `state` the name statistics the next incremental run adds to.

Written and read with pyarrow, which needs no Spark: a result can be loaded on a machine without Java. A
folder is a local path or a URI pyarrow opens (hdfs://, s3://; s3a:// is read as s3://).
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from . import MarsadError, pipeline
from .records import Article, Entity, Event, Mention, Quote, Rejected, Removed, Story, SummarySentence, Timex
from .store import Store

TABLES = ("articles", "mentions", "timexes", "quotes", "events", "stories", "entities", "edges", "rejected",
          "state")
ARTICLE_TABLES = TABLES[:6]          # written per partition, next to the articles
PART_ROWS = 5000                     # rows of one table in one part file: bounds a writer's memory


class ParquetError(MarsadError):
    """A Parquet result cannot be written or read (missing table, unreachable folder, corrupt file)."""


@lru_cache(maxsize=1)
def schemas() -> dict:
    """The pyarrow schema of each table."""
    import pyarrow as pa

    s, i32, i64 = pa.string(), pa.int32(), pa.int64()
    span = [("start", i32), ("end", i32)]
    return {
        "articles": pa.schema([
            ("id", s), ("source", s), ("url", s), ("outlet", s), ("title", s), ("published", s), ("dateline", s),
            ("agency", s), ("author", s), ("language", s), ("encoding", s), ("text", s),
            ("removed", pa.list_(pa.struct([("line", s), ("why", s)]))), ("story", s), ("duplicate_of", s),
            ("features", s), ("order_input", i32), ("order_file", s), ("order_item", i64)]),
        "mentions": pa.schema([("article", s), ("idx", i32), *span, ("text", s), ("type", s), ("name", s),
                               ("title", s), ("entity", s)]),
        "timexes": pa.schema([("article", s), ("idx", i32), *span, ("text", s), ("value", s), ("kind", s),
                              ("flag", s)]),
        "quotes": pa.schema([("id", s), ("article", s), ("idx", i32), ("kind", s), ("text", s), *span,
                             ("verb", s), ("speaker_text", s), ("speaker_mention", i32), ("speaker", s)]),
        "events": pa.schema([("id", s), ("article", s), ("idx", i32), ("type", s), ("sentence", s), *span,
                             ("date", s), ("date_text", s), ("trigger", s), ("place_mention", i32),
                             ("participant_mentions", pa.list_(i32)), ("place", s), ("participants", pa.list_(s)),
                             ("same_as", s)]),
        "stories": pa.schema([("id", s), ("title", s), ("articles", pa.list_(s)), ("first", s), ("last", s),
                              ("outlets", pa.list_(s)), ("entities", pa.list_(s)),
                              ("summary", pa.list_(pa.struct([("text", s), ("article", s), *span])))]),
        "entities": pa.schema([("id", s), ("type", s), ("name", s), ("aliases", pa.list_(s)),
                               ("titles", pa.list_(s)), ("mentions", i64)]),
        "edges": pa.schema([("kind", s), ("a", s), ("b", s), ("score", pa.float64())]),
        "rejected": pa.schema([("source", s), ("reason", s), ("size", i64), ("sha256", s), ("order_input", i32),
                               ("order_file", s), ("order_item", i64)]),
        "state": pa.schema([("key", s), ("value", s)]),
    }


# -- rows -----------------------------------------------------------------------------------------------------
def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def article_row(article: Article, features: dict | None, order: tuple[int, str, int]) -> dict:
    a = article
    return {"id": a.id, "source": a.source, "url": a.url, "outlet": a.outlet, "title": a.title,
            "published": a.published, "dateline": a.dateline, "agency": a.agency, "author": a.author,
            "language": a.language, "encoding": a.encoding, "text": a.text,
            "removed": [{"line": r.line, "why": r.why} for r in a.removed], "story": a.story,
            "duplicate_of": a.duplicate_of, "features": None if features is None else _dump(features),
            "order_input": order[0], "order_file": order[1], "order_item": order[2]}


def detail_rows(article: Article) -> Iterator[tuple[str, dict]]:
    """(table, row) for the article's mentions, timexes, quotes and events."""
    a = article.id
    for i, m in enumerate(article.mentions):
        yield "mentions", {"article": a, "idx": i, "start": m.start, "end": m.end, "text": m.text, "type": m.type,
                           "name": m.name, "title": m.title, "entity": m.entity}
    for i, t in enumerate(article.timexes):
        yield "timexes", {"article": a, "idx": i, "start": t.start, "end": t.end, "text": t.text, "value": t.value,
                          "kind": t.kind, "flag": t.flag}
    for i, q in enumerate(article.quotes):
        yield "quotes", {"id": q.id, "article": a, "idx": i, "kind": q.kind, "text": q.text, "start": q.start,
                         "end": q.end, "verb": q.verb, "speaker_text": q.speaker_text,
                         "speaker_mention": q.speaker_mention, "speaker": q.speaker}
    for i, v in enumerate(article.events):
        yield "events", {"id": v.id, "article": a, "idx": i, "type": v.type, "sentence": v.sentence,
                         "start": v.start, "end": v.end, "date": v.date, "date_text": v.date_text,
                         "trigger": v.trigger, "place_mention": v.place_mention,
                         "participant_mentions": list(v.participant_mentions), "place": v.place,
                         "participants": list(v.participants), "same_as": v.same_as}


def story_row(story: Story) -> dict:
    return {"id": story.id, "title": story.title, "articles": story.articles, "first": story.first,
            "last": story.last, "outlets": story.outlets, "entities": story.entities,
            "summary": [{"text": x.text, "article": x.article, "start": x.start, "end": x.end}
                        for x in story.summary]}


def entity_row(entity: Entity, mentions: int) -> dict:
    return {"id": entity.id, "type": entity.type, "name": entity.name, "aliases": entity.aliases,
            "titles": entity.titles, "mentions": mentions}


def edge_row(kind: str, a: str, b: str, score: float) -> dict:
    return {"kind": kind, "a": a, "b": b, "score": score}


def rejected_row(reject: Rejected, order: tuple[int, str, int]) -> dict:
    return {"source": reject.source, "reason": reject.reason, "size": reject.size, "sha256": reject.sha256,
            "order_input": order[0], "order_file": order[1], "order_item": order[2]}


def state_row(key: str, value) -> dict:
    return {"key": key, "value": _dump(value)}


# -- files ----------------------------------------------------------------------------------------------------
def filesystem(folder: str):
    """(pyarrow filesystem, path) of a local folder or a URI; s3a:// (Hadoop's name) is opened as s3://."""
    try:
        from pyarrow import fs
    except ImportError as exc:
        raise ParquetError("pyarrow is not installed: pip install 'marsad[spark]'") from exc
    if "://" not in folder:
        return fs.LocalFileSystem(), os.path.abspath(folder)
    uri = "s3://" + folder[len("s3a://"):] if folder.startswith("s3a://") else folder
    try:
        return fs.FileSystem.from_uri(uri)
    except Exception as exc:  # noqa: BLE001 - pyarrow raises ArrowInvalid, OSError, ...
        raise ParquetError(f"cannot open {folder}: {_one_line(exc)}") from exc


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__


def prepare(folder: str) -> None:
    """Create FOLDER with an empty folder per table (what an earlier result left there is removed)."""
    fs, path = filesystem(folder)
    try:
        for name in TABLES:
            fs.create_dir(f"{path}/{name}", recursive=True)
            fs.delete_dir_contents(f"{path}/{name}", missing_dir_ok=True)
    except OSError as exc:
        raise ParquetError(f"cannot write to {folder}: {_one_line(exc)}") from exc


def write_rows(folder: str, name: str, part: str, rows: Iterable[dict]) -> None:
    """Write ROWS of table NAME as part files `{part}-NNN.parquet`, PART_ROWS rows each (one, maybe empty,
    at least, so that every table has its schema)."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    fs, path = filesystem(folder)
    schema = schemas()[name]
    chunk: list[dict] = []
    n = 0

    def flush() -> None:
        nonlocal n
        table = pa.Table.from_pylist(chunk, schema=schema)
        try:
            pq.write_table(table, f"{path}/{name}/{part}-{n:03d}.parquet", filesystem=fs)
        except OSError as exc:
            raise ParquetError(f"cannot write {name} to {folder}: {_one_line(exc)}") from exc
        chunk.clear()
        n += 1

    for row in rows:
        chunk.append(row)
        if len(chunk) >= PART_ROWS:
            flush()
    if chunk or n == 0:
        flush()


def read_rows(folder: str, name: str) -> list[dict]:
    """Every row of table NAME."""
    import pyarrow.dataset as ds
    fs, path = filesystem(folder)
    try:
        table = ds.dataset(f"{path}/{name}", format="parquet", filesystem=fs).to_table()
    except FileNotFoundError as exc:
        raise ParquetError(f"{folder} is not a marsad Parquet result: it has no {name} table") from exc
    except Exception as exc:  # noqa: BLE001 - a corrupt file: ArrowInvalid, OSError
        raise ParquetError(f"cannot read the {name} table of {folder}: {_one_line(exc)}") from exc
    return table.to_pylist()


# -- loading into a store -------------------------------------------------------------------------------------
@dataclass
class LoadResult:
    stored: int = 0          # articles new to the store
    already: int = 0         # articles the store had
    rejected: int = 0
    merged: bool = False     # the store held articles before: the corpus stages re-ran over the whole store


def _by_article(rows: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for row in sorted(rows, key=lambda r: (r["article"], r["idx"])):
        grouped.setdefault(row["article"], []).append(row)
    return grouped


def _input_order(row: dict) -> tuple[int, str, int]:
    return row["order_input"], row["order_file"], row["order_item"]


def article_of(row: dict, details: dict[str, dict[str, list[dict]]]) -> Article:
    """An Article from its rows, as it leaves the per-article stages: no entity, story, speaker or event
    link yet (`load` writes those, or the local corpus stages compute them)."""
    aid = row["id"]
    article = Article(
        id=aid, source=row["source"], text=row["text"], url=row["url"], outlet=row["outlet"], title=row["title"],
        published=row["published"], dateline=row["dateline"], agency=row["agency"], author=row["author"],
        language=row["language"], encoding=row["encoding"],
        removed=[Removed(r["line"], r["why"]) for r in row["removed"] or []])
    article.mentions = [Mention(m["start"], m["end"], m["text"], m["type"], m["name"], m["title"])
                        for m in details["mentions"].get(aid, [])]
    article.timexes = [Timex(t["start"], t["end"], t["text"], t["value"], t["kind"], t["flag"])
                       for t in details["timexes"].get(aid, [])]
    article.quotes = [Quote(q["id"], aid, q["kind"], q["text"], q["start"], q["end"], q["verb"], q["speaker_text"],
                            q["speaker_mention"]) for q in details["quotes"].get(aid, [])]
    article.events = [Event(v["id"], aid, v["type"], v["sentence"], v["start"], v["end"], v["date"], v["date_text"],
                            v["trigger"], v["place_mention"], list(v["participant_mentions"] or []))
                      for v in details["events"].get(aid, [])]
    return article


def load(folder: str | os.PathLike, store: Store, batch_size: int = pipeline.BATCH_SIZE) -> LoadResult:
    """Put a Parquet result into STORE: the articles in input order, in batches (as the local engine commits
    them), then everything the corpus stages found in one transaction.

    Into an empty store the corpus-level results go in as computed: entities and the mentions pointing at
    them, quote speakers, event places, participants and links, stories, duplicate links, edges and the name
    statistics, so a later local run adds to it incrementally. Into a store that already holds articles
    (another corpus, or a load that was killed before its last transaction), the local corpus stages
    (`pipeline.update_corpus`) merge the new articles with the stored ones, as a local run would. Articles
    the store has are skipped: loading twice changes nothing."""
    folder = os.fsdecode(folder)
    tables = {name: read_rows(folder, name) for name in TABLES}
    result = LoadResult(merged=store.count("articles") > 0)
    details = {name: _by_article(tables[name]) for name in ("mentions", "timexes", "quotes", "events")}
    rows = sorted(tables["articles"], key=_input_order)
    for start in range(0, len(rows), batch_size):
        chunk = rows[start:start + batch_size]
        known = store.known_ids([r["id"] for r in chunk])
        new = [r for r in chunk if r["id"] not in known]
        result.already += len(known)
        result.stored += len(new)
        if not new:
            continue
        if store.get_state("corpus_done") is not False:
            with store.transaction():
                store.set_state("corpus_done", False)
        store.save_articles([article_of(r, details) for r in new],
                            {r["id"]: json.loads(r["features"]) for r in new if r["features"]})
        store.forget_rejected(r["source"] for r in new)
    rejects = sorted(tables["rejected"], key=_input_order)
    store.save_rejected(Rejected(r["source"], r["reason"], r["size"], r["sha256"]) for r in rejects)
    result.rejected = len(rejects)
    if result.merged:
        if result.stored or not store.get_state("corpus_done"):
            pipeline.update_corpus(store)
        return result
    state = {r["key"]: json.loads(r["value"]) for r in tables["state"]}
    stories = [Story(id=s["id"], title=s["title"], articles=list(s["articles"]), first=s["first"], last=s["last"],
                     outlets=list(s["outlets"]), entities=list(s["entities"]),
                     summary=[SummarySentence(x["text"], x["article"], x["start"], x["end"]) for x in s["summary"]])
               for s in tables["stories"]]
    entities = tables["entities"]
    with store.transaction():
        store.replace_entities([Entity(e["id"], e["type"], e["name"], list(e["aliases"]), list(e["titles"]))
                                for e in entities],
                               [(m["article"], m["idx"], m["entity"]) for m in tables["mentions"] if m["entity"]],
                               {e["id"]: e["mentions"] for e in entities})
        store.link_quote_speakers()
        store.link_event_entities()
        store.set_event_links({v["id"]: v["same_as"] for v in tables["events"] if v["same_as"]})
        store.set_article_links({r["id"]: r["story"] for r in rows if r["story"]},
                                {r["id"]: r["duplicate_of"] for r in rows if r["duplicate_of"]})
        for kind in ("story", "duplicate"):
            store.add_edges(kind, [(e["a"], e["b"], e["score"]) for e in tables["edges"] if e["kind"] == kind])
        store.save_stories(stories)
        if "name_stats" in state:
            store.set_state("name_stats", state["name_stats"])
        ids = [r["id"] for r in rows]
        store.mark_articles("resolved", ids)
        store.mark_articles("clustered", ids)
        store.set_state("corpus_done", True)
    return result
