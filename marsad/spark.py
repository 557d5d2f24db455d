"""marsad on Apache Spark: `marsad analyze --engine spark` runs the local engine's stage functions, distributed,
writes the result as Parquet, and `load` puts that result into a store.

Why the result equals the local engine's (tests/test_spark.py compares the two exports):

1. Read. The driver lists the inputs the way `ingest.read_paths` walks them (folders in sorted name order,
   hidden entries skipped) and Spark reads each file on an executor with `read_paths` itself. Inputs given as
   URIs (s3a://, hdfs://, file://) are read with `binaryFiles`, the way Common Crawl's PySpark examples read
   WARC files: the bytes land on an executor, which hands them to the same readers (WARC through warcio).
   Every item carries its place in the input, (input, file, item), so "first" means what it means locally.
2. Line statistics (`pipeline.count_lines`). Each document's contribution is computed by `LineStats.add` on an
   executor: its fingerprint and the hashes of its short lines. The fingerprints go to the driver, which
   replays the copy rule in input order (a copy of a document counted before adds nothing); the hashes of
   the documents that count are summed with reduceByKey, only those reaching a threshold come back, and the
   compact stats are broadcast.
3. Per-article stages: `pipeline.analyze_document` in mapPartitions, on the documents left after dropping
   repeated article ids (the first in input order stays, as locally).
4. Entities (`pipeline.resolve_store_entities`): `NameStats` per partition, reduced; `resolve_entities` on
   the driver (a pure function of the stats); the resolution is broadcast and each article's mentions,
   quote speakers and event places and participants are linked on the executors.
5. Stories (`pipeline.build_store_stories`): each article is posted under its blocking keys and day (and
   copied to the next DATE_WINDOW_DAYS days and to the undated cell, so that every pair StoryIndex would
   compare meets in exactly one cell per shared key) and under its LSH band keys; pairs are counted per
   shared key, judged with `cluster.is_story_candidate`, scored with `cluster.story_edge` and
   `cluster.duplicate_edge` (the later article first, as the local engine scores it), so the edge set is the
   local one. `group_stories` and `canonical_duplicates` run on the driver over the collected edges; story
   records are built per story (group-by on story id), with event links per story.

6. Parquet (marsad/parquet.py): each partition writes its stories and articles with their mentions,
   timexes, quotes and events; the driver writes entities, edges, rejects and the name statistics.
   `parquet.load` (`marsad load`) puts the result into a store.

pyspark is an optional extra (`marsad[spark]`): it is imported only inside the functions that drive Spark.
"""
from __future__ import annotations

import os
import posixpath
import shutil
import stat
import sys
import tempfile
import time
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import combinations
from operator import add
from pathlib import Path

from . import MarsadError, boilerplate, cluster, entities, events, ingest, parquet, pipeline
from .records import Article, Document, Rejected, Story, article_id
from .store import Store


class SparkEngineError(MarsadError):
    """Spark cannot run (pyspark or Java missing, a bad master URL) or a Spark job failed."""


# (position in the listed inputs, the file's URI when Spark fetched it else "", item number in that file):
# sorting by it gives the order the local engine reads in.
Order = tuple[int, str, int]

BROADCAST_FEATURES = 10_000   # up to this many articles, story features (~3 KB each) are broadcast to judge
                              # candidate pairs; beyond, each pair is joined with its two articles' features
DOCUMENTS_PER_TASK = 25       # per-article stages: a task gets >= ~2 s of work (~70 ms a document), so a
                              # task's fixed cost (~0.1 s) stays small, and up to 4 tasks a core to balance

SESSION_DEFAULTS = {
    "spark.app.name": "marsad",
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
}


@dataclass
class SparkSummary(pipeline.Summary):
    """The local engine's run summary; `stage_seconds` holds wall time per phase, `cpu_seconds` the
    per-article stages' time summed over the executors, `partitions` the per-article stages' partitions."""

    cpu_seconds: Counter = field(default_factory=Counter)
    partitions: int = 0
    edges: int = 0


# -- reading --------------------------------------------------------------------------------------------------
def _is_uri(path: str) -> bool:
    return "://" in path


def list_inputs(paths: Iterable[str | os.PathLike]) -> list[str]:
    """The files `ingest.read_paths(paths)` would read, in its order, each for an executor to read on its
    own: folders expanded recursively in sorted name order without hidden entries, a symlink back up the
    tree followed once. A file, a missing path, an unreadable folder or a URI is kept as given: the executor
    reads it, or records why it cannot, exactly as read_paths would."""
    found: list[str] = []
    for path in paths:
        path = os.fsdecode(path)
        if _is_uri(path):
            found.append(path)
        else:
            _walk(path, found, set())
    return found


def _walk(path: str, found: list[str], seen_dirs: set[str]) -> None:
    try:
        is_dir = stat.S_ISDIR(os.stat(path).st_mode)
    except OSError:
        is_dir = False
    if not is_dir:
        found.append(path)
        return
    real = os.path.realpath(path)
    if real in seen_dirs:
        return
    seen_dirs.add(real)
    try:
        with os.scandir(path) as listing:
            names = sorted(entry.name for entry in listing)
    except OSError:
        found.append(path)
        return
    for name in names:
        if not name.startswith("."):
            _walk(os.path.join(path, name), found, seen_dirs)


def read_input(position: int, path: str, max_bytes: int) -> Iterator[tuple[Order, Document | Rejected]]:
    """The items of one listed input, tagged with their place in the input order."""
    for n, item in enumerate(ingest.read_paths([path], max_bytes=max_bytes)):
        yield (position, "", n), item


def read_fetched(position: int, uri: str, data: bytes, max_bytes: int
                 ) -> Iterator[tuple[Order, Document | Rejected]]:
    """The items of a file Spark fetched (`binaryFiles`: s3a://, hdfs://, file://), through the same readers:
    written to a local temporary file under its own name (the name helps tell .warc.gz, .zip, .jsonl
    apart), read with read_paths, and every source named after the URI again."""
    name = posixpath.basename(uri.rstrip("/")) or "input"
    with tempfile.TemporaryDirectory(prefix="marsad-") as folder:
        local = os.path.join(folder, name)
        with open(local, "wb") as handle:
            handle.write(data)
        for n, item in enumerate(ingest.read_paths([local], max_bytes=max_bytes)):
            if item.source.startswith(local):
                item.source = uri + item.source[len(local):]
            yield (position, uri, n), item


def decode_item(order: Order, item: Document | Rejected, max_bytes: int
                ) -> tuple[Order, Document | Rejected, str | None]:
    """(order, document, text), or (order, reject, None) when the item is a reject or does not decode."""
    if isinstance(item, Rejected):
        return order, item, None
    text = pipeline.decode_document(item, max_bytes)
    if isinstance(text, Rejected):
        return order, text, None
    return order, item, text


# -- line statistics ------------------------------------------------------------------------------------------
def line_contribution(doc: Document, text: str) -> tuple[frozenset, list[int], list[int]] | None:
    """What one document adds to the line statistics, computed by `LineStats.add` itself on a fresh
    LineStats: (fingerprint hashes, short-line hashes overall, short-line hashes per outlet). None when the
    document does not count (HTML, which trafilatura cleans, or a text without lines)."""
    if doc.kind != "text":
        return None
    return boilerplate.LineStats.contribution(text, doc.outlet_hint)


def document_facts(order: Order, item: Document | Rejected, text: str | None) -> tuple:
    """(order, article id, line contribution, None) of a decoded document; (order, None, None, reject)."""
    if text is None:
        return order, None, None, item
    return order, article_id(item.url, text), line_contribution(item, text), None


def copies_in_order(prints: Iterable[tuple[Order, frozenset]]) -> set[Order]:
    """The documents LineStats.add skips as copies, given every counted document's fingerprint in input
    order: those sharing min(2, len(fingerprint)) hashes with the fingerprints of the documents counted
    before (`LineStats.is_copy`, replayed here in input order because the answer depends on it)."""
    seen: set[int] = set()
    copies: set[Order] = set()
    for order, fingerprint in sorted(prints, key=lambda p: p[0]):
        if boilerplate.LineStats.is_copy(fingerprint, seen):
            copies.add(order)
            continue
        seen.update(fingerprint)
    return copies


def _line_keys(contribution) -> Iterator[tuple[tuple[int, int], int]]:
    _, overall, per_outlet = contribution
    for h in overall:
        yield (0, h), 1
    for h in per_outlet:
        yield (1, h), 1


def _line_partition(key: tuple[int, int]) -> int:
    return key[1]                   # already a hash: pyspark's own hashing costs an os.environ lookup a key


def _recurring(kv: tuple[tuple[int, int], int]) -> bool:
    (kind, _), n = kv
    return n >= (boilerplate.LineStats.OVERALL if kind == 0 else boilerplate.LineStats.PER_OUTLET)


def compact_line_stats(documents: int, copies: int, counts: Iterable[tuple[tuple[int, int], int]]
                       ) -> boilerplate.LineStats:
    """The LineStats `count_lines(...).compact()` returns, from the reduced counts of the lines that reached
    a threshold."""
    overall: dict[int, int] = {}
    per_outlet: dict[int, int] = {}
    for (kind, h), n in counts:
        (overall if kind == 0 else per_outlet)[h] = n
    return boilerplate.LineStats.from_counts(documents, copies, overall, per_outlet)


# -- per-article stages and entities --------------------------------------------------------------------------
def analyze_partition(rows: Iterable[tuple[Order, Document, str]], line_stats: boilerplate.LineStats
                      ) -> Iterator[tuple]:
    """pipeline.analyze_document on each document: (order, article or reject, story features, seconds)."""
    for order, doc, text in rows:
        result, features, seconds = pipeline.analyze_document(doc, text, line_stats)
        yield order, result, features, dict(seconds)


@dataclass
class Totals:
    """What the driver needs from the per-article stages, added up over partitions: the name statistics
    (entity resolution), every article's date (story grouping), rejects, and figures for the summary."""

    names: entities.NameStats = field(default_factory=entities.NameStats)
    dates: dict[str, str | None] = field(default_factory=dict)
    rejects: list[tuple[Order, Rejected]] = field(default_factory=list)
    seconds: Counter = field(default_factory=Counter)
    languages: Counter = field(default_factory=Counter)

    def add(self, other: Totals) -> Totals:
        self.names.add(other.names)
        self.dates.update(other.dates)
        self.rejects.extend(other.rejects)
        self.seconds.update(other.seconds)
        self.languages.update(other.languages)
        return self


def partition_totals(rows: Iterable[tuple]) -> Iterator[Totals]:
    """One Totals per partition of analysed documents."""
    totals = Totals()
    for order, result, _, spent in rows:
        totals.seconds.update(spent)
        if isinstance(result, Article):
            totals.names.add_article(result)
            totals.dates[result.id] = result.published
            totals.languages[result.language or "und"] += 1
        else:
            totals.rejects.append((order, result))
    yield totals


def _mentioned(article: Article, idx: int | None) -> str | None:
    if idx is None or not 0 <= idx < len(article.mentions):
        return None
    return article.mentions[idx].entity


def link_article(article: Article, resolution: entities.Resolution) -> Article:
    """Point the article's mentions at their entities, then its quotes' speakers and its events' places and
    participants at the entities of the mentions the stages chose (what `Store.link_quote_speakers` and
    `Store.link_event_entities` do over the whole store)."""
    entities.link_mentions(article, resolution)
    for quote in article.quotes:
        quote.speaker = _mentioned(article, quote.speaker_mention)
    for event in article.events:
        event.place = _mentioned(article, event.place_mention)
        participants: list[str] = []
        for idx in event.participant_mentions:
            entity = _mentioned(article, idx)
            if entity and entity not in participants:
                participants.append(entity)
        event.participants = participants
    return article


# -- stories --------------------------------------------------------------------------------------------------
def arrival_key(article: str, published: str | None) -> tuple[str, str]:
    """The order `pipeline.build_store_stories` takes new articles in: a pair is scored with the later one
    first."""
    return (published or "\uffff", article)


def story_postings(article: str, features: dict) -> Iterator[tuple[str, tuple[bool, str]]]:
    """(cell, (home?, article)) postings of one article. Blocking-key cells "key|DAY|KEY": an article is at
    home in its own day's cell (the undated one, DAY "-", when undated) and visits the next
    DATE_WINDOW_DAYS days' cells and the undated cell, so two articles StoryIndex would compare on a key
    meet in exactly one cell, at least one of them at home. LSH band cells "band|KEY": everyone is at home."""
    day = cluster.day_number(features)
    for key in features.get("keys") or ():
        if day is None:
            yield f"key|-|{key}", (True, article)
            continue
        yield f"key|{day}|{key}", (True, article)
        for later in range(1, cluster.DATE_WINDOW_DAYS + 1):
            yield f"key|{day + later}|{key}", (False, article)
        yield f"key|-|{key}", (False, article)
    for band in cluster.lsh_band_keys(features):
        yield f"band|{band}", (True, article)


def cell_pairs(cell: str, members: Iterable[tuple[bool, str]]) -> Iterator[tuple[tuple[str, str], tuple[int, bool]]]:
    """The pairs one cell contributes, (sorted ids) -> (shared keys, shared band): home with home, home with
    visitor."""
    homes = sorted({a for home, a in members if home})
    visitors = sorted({a for home, a in members if not home})
    shared = (0, True) if cell.startswith("band|") else (1, False)
    for pair in combinations(homes, 2):
        yield pair, shared
    for a in homes:
        for b in visitors:
            if a != b:
                yield ((a, b) if a < b else (b, a)), shared


def pair_edges(pair: tuple[str, str], shared: tuple[int, bool], first: tuple, second: tuple
               ) -> list[tuple[str, str, str, float]]:
    """The story and duplicate edges of one candidate pair: (kind, a, b, score) with a < b. `first` and
    `second` are (published, features) of pair[0] and pair[1]."""
    keys, band = shared
    (a, (pub_a, feat_a)), (b, (pub_b, feat_b)) = (pair[0], first), (pair[1], second)
    if arrival_key(a, pub_a) < arrival_key(b, pub_b):
        (a, pub_a, feat_a), (b, pub_b, feat_b) = (b, pub_b, feat_b), (a, pub_a, feat_a)
    low, high = sorted((a, b))
    edges = []
    if cluster.is_story_candidate(keys, band, cluster.day_number(feat_a), cluster.day_number(feat_b)):
        score = cluster.story_edge(feat_a, feat_b)
        if score is not None:
            edges.append(("story", low, high, score))
    if band:
        score = cluster.duplicate_edge(feat_a, feat_b)
        if score is not None:
            edges.append(("duplicate", low, high, score))
    return edges


def _merge_shared(x: tuple[int, bool], y: tuple[int, bool]) -> tuple[int, bool]:
    return x[0] + y[0], x[1] or y[1]


def cell_partition(cell: str) -> int:
    """Partitioner of cells: crc32 (pyspark's default hash looks PYTHONHASHSEED up in os.environ per call,
    a third of the time of this shuffle)."""
    return zlib.crc32(cell.encode("utf-8"))


def pair_partition(pair: tuple[str, str]) -> int:
    return zlib.crc32(pair[0].encode("ascii", "replace")) ^ zlib.crc32(pair[1].encode("ascii", "replace"))


def story_candidates(features, partitions: int):
    """Candidate pairs ((a, b), (shared blocking keys, shared band)) from an RDD of (id, (published,
    features)): postings grouped by cell, pairs counted over cells."""
    return features.flatMap(lambda kv: story_postings(kv[0], kv[1][1])).groupByKey(partitions, cell_partition) \
        .flatMap(lambda cell: cell_pairs(*cell)).reduceByKey(_merge_shared, partitions, pair_partition)


def story_edge_list(sc, features, partitions: int, articles: int,
                    broadcast_limit: int = BROADCAST_FEATURES) -> list[tuple[str, str, str, float]]:
    """Every story and duplicate edge, sorted: (kind, a, b, score) with a < b. Each candidate pair is
    judged with both articles' features: broadcast to the executors when there are at most
    `broadcast_limit` articles (one shuffle fewer, no features shipped per pair), else joined in twice."""
    candidates = story_candidates(features, partitions)
    if articles <= broadcast_limit:
        table = sc.broadcast(features.collectAsMap())
        try:
            edges = candidates.flatMap(lambda kv: pair_edges(kv[0], kv[1], table.value[kv[0][0]],
                                                             table.value[kv[0][1]])).collect()
        finally:
            table.unpersist()
    else:
        edges = candidates.map(lambda kv: (kv[0][0], (kv[0], kv[1]))).join(features, partitions) \
            .map(lambda kv: (kv[1][0][0][1], (kv[1][0][0], kv[1][0][1], kv[1][1]))) \
            .join(features, partitions) \
            .flatMap(lambda kv: pair_edges(kv[1][0][0], kv[1][0][1], kv[1][0][2], kv[1][1])).collect()
    return sorted(edges)


def story_of_group(story_id: str, articles: Iterable[Article]) -> Story:
    """The story record of one story's articles with its most mentioned entities, and their events linked
    (what `build_store_stories` and `link_story_events` do for a story)."""
    articles = sorted(articles, key=lambda a: a.id)
    story = cluster.build_story(story_id, articles)
    counts = Counter(m.entity for a in articles for m in a.mentions if m.entity is not None)
    story.entities = [e for e, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:pipeline.STORY_ENTITIES]]
    events.link_events([v for a in articles for v in a.events])
    return story


def write_partition(index: int, groups: Iterable[tuple[str, Iterable[tuple]]], folder: str) -> Iterator[Counter]:
    """Build the stories of one partition (story id, [(order, article, features)]) and write them with their
    articles as this partition's part files of the article tables. Yields the partition's mentions per
    entity (the entities table counts them)."""
    rows: dict[str, list[dict]] = {name: [] for name in parquet.ARTICLE_TABLES}
    mentions: Counter = Counter()
    for story_id, members in groups:
        members = sorted(members, key=lambda m: m[0])
        rows["stories"].append(parquet.story_row(story_of_group(story_id, [a for _, a, _ in members])))
        for order, article, features in members:
            rows["articles"].append(parquet.article_row(article, features, order))
            for name, row in parquet.detail_rows(article):
                rows[name].append(row)
            mentions.update(m.entity for m in article.mentions if m.entity is not None)
    for name, table in rows.items():
        parquet.write_rows(folder, name, f"part-{index:05d}", table)
    yield mentions


# -- the Spark job --------------------------------------------------------------------------------------------
def _local_master(master: str) -> bool:
    return master.startswith("local")


def spark_session(master: str | None = None, conf: dict[str, str] | None = None):
    """(session, created): the active SparkSession if there is one, else a new one on `master` (local[*]
    when None) with SESSION_DEFAULTS and `conf`. A local master runs its Python workers with this
    interpreter and can import this copy of marsad; on a cluster, ship marsad yourself (README)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise SparkEngineError("pyspark is not installed: pip install 'marsad[spark]'") from exc
    active = SparkSession.getActiveSession()
    if active is not None:
        return active, False
    master = master or "local[*]"
    builder = SparkSession.builder.master(master)
    for key, value in {**SESSION_DEFAULTS, **(conf or {})}.items():
        builder = builder.config(key, value)
    if _local_master(master):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
        root = str(Path(__file__).resolve().parent.parent)
        paths = os.environ.get("PYTHONPATH", "").split(os.pathsep)
        if root not in paths:
            os.environ["PYTHONPATH"] = os.pathsep.join(p for p in [root, *paths] if p)
    try:
        session = builder.getOrCreate()
    except Exception as exc:  # noqa: BLE001 - Java missing, bad master URL: py4j raises many kinds
        raise SparkEngineError(f"cannot start Spark on {master}: {_one_line(exc, 200)}") from exc
    session.sparkContext.setLogLevel("ERROR")
    return session, True


def analyze(paths: Iterable[str | os.PathLike], out: str | os.PathLike, *, spark=None,
            master: str | None = None, max_bytes: int = ingest.DEFAULT_MAX_BYTES,
            partitions: int | None = None) -> SparkSummary:
    """Run every stage of `pipeline.analyze` on Spark over PATHS and write the result as Parquet to OUT (a
    folder or URI every executor can write to; one folder per table, replacing what is there). Uses `spark`
    (a SparkSession), else the active session, else starts one on `master` and stops it at the end.
    `partitions`: how many partitions the per-article stages use (default: 4 per core Spark has)."""
    started = time.perf_counter()
    summary = SparkSummary()
    created = False
    if spark is None:
        spark, created = spark_session(master)
    summary.stage_seconds["spark start"] = time.perf_counter() - started
    try:
        _run(spark, [os.fsdecode(p) for p in paths], os.fsdecode(out), max_bytes, partitions, summary)
    except MarsadError:
        raise
    except Exception as exc:  # noqa: BLE001 - a failed Spark job arrives as a py4j error with a JVM trace
        raise SparkEngineError(f"Spark job failed: {_one_line(exc)}") from exc
    finally:
        if created:
            spark.stop()
    summary.seconds = time.perf_counter() - started
    return summary


def _one_line(exc: BaseException, limit: int = 300) -> str:
    return " ".join(str(exc).split())[:limit] or type(exc).__name__


def analyze_into_store(paths: Iterable[str | os.PathLike], store: Store, *, parquet_dir: str | None = None,
                       spark=None, master: str | None = None, max_bytes: int = ingest.DEFAULT_MAX_BYTES,
                       partitions: int | None = None, batch_size: int = pipeline.BATCH_SIZE) -> SparkSummary:
    """`marsad analyze --engine spark`: `analyze`, then `parquet.load` into STORE (`batch_size` articles a
    transaction). The Parquet result stays
    in `parquet_dir` when given; otherwise it goes to a temporary folder beside the store, removed after
    loading (only with a local master: executors on other machines cannot write there)."""
    started = time.perf_counter()
    created = False
    if spark is None:
        spark, created = spark_session(master)
    start_seconds = time.perf_counter() - started
    try:
        folder = parquet_dir
        if folder is None:
            if not _local_master(spark.sparkContext.master):
                raise SparkEngineError("on a cluster give --parquet: a folder every executor and this machine "
                                       "can reach (hdfs://..., s3a://...)")
            folder = tempfile.mkdtemp(prefix=".marsad-parquet-", dir=store.path.resolve().parent)
        try:
            summary = analyze(paths, folder, spark=spark, max_bytes=max_bytes, partitions=partitions)
            t = time.perf_counter()
            loaded = parquet.load(folder, store, batch_size)
            summary.stage_seconds["load into store"] += time.perf_counter() - t
        finally:
            if parquet_dir is None:
                shutil.rmtree(folder, ignore_errors=True)
    finally:
        if created:
            spark.stop()
    summary.stage_seconds["spark start"] = start_seconds
    summary.stored = loaded.stored
    summary.already += loaded.already
    summary.seconds = time.perf_counter() - started
    return summary


def _run(spark, paths: list[str], out: str, max_bytes: int, partitions: int | None,
         summary: SparkSummary) -> None:
    """Six Spark jobs: document facts, line counts, per-article stages, story features, story edges, story
    records and Parquet. Between them the driver replays the copy rule, resolves entities and groups
    stories."""
    from pyspark import StorageLevel

    sc = spark.sparkContext
    cached: list = []
    shared: list = []

    def persist(rdd):
        cached.append(rdd.persist(StorageLevel.MEMORY_AND_DISK))
        return rdd

    def broadcast(value):
        shared.append(sc.broadcast(value))
        return shared[-1]

    def phase(name: str, since: float) -> float:
        now = time.perf_counter()
        summary.stage_seconds[name] += now - since
        return now

    try:
        t = time.perf_counter()
        parquet.prepare(out)
        # 1. read, decode, and each document's article id and line contribution
        inputs = list_inputs(paths)
        local = [(i, p) for i, p in enumerate(inputs) if not _is_uri(p)]
        cores = sc.defaultParallelism
        items = sc.parallelize(local, max(1, min(len(local), cores * 2))) \
            .flatMap(lambda ip: read_input(ip[0], ip[1], max_bytes))
        remote = [(i, p) for i, p in enumerate(inputs) if _is_uri(p)]
        if remote:
            sc._jsc.hadoopConfiguration().set("mapreduce.input.fileinputformat.input.dir.recursive", "true")
        for i, uri in remote:
            items = items.union(sc.binaryFiles(uri).flatMap(
                lambda kv, i=i: read_fetched(i, kv[0], kv[1], max_bytes)))
        decoded = persist(items.map(lambda oi: decode_item(oi[0], oi[1], max_bytes)))
        facts = persist(decoded.map(lambda r: document_facts(*r)))
        small = sorted(facts.map(lambda f: (f[0], f[1], f[2][0] if f[2] else None, f[3])).collect(),
                       key=lambda f: f[0])

        # 2. line statistics (copies replayed in input order here), repeated article ids
        summary.read = len(small)
        rejects = [(order, reject) for order, _, _, reject in small if reject is not None]
        first_of: dict[str, Order] = {}
        repeated: set[Order] = set()
        for order, aid, _, _ in small:
            if aid is None:
                continue
            if aid in first_of:
                repeated.add(order)
            else:
                first_of[aid] = order
        summary.already = len(repeated)
        prints = [(order, fp) for order, _, fp, _ in small if fp is not None]
        del small, first_of
        copies = copies_in_order(prints)
        skip = broadcast(copies)
        counts = facts.filter(lambda f: f[2] is not None and f[0] not in skip.value) \
            .flatMap(lambda f: _line_keys(f[2])).reduceByKey(add, cores, _line_partition).filter(_recurring).collect()
        line_stats = broadcast(compact_line_stats(len(prints) - len(copies), len(copies), counts))
        facts.unpersist()
        t = phase("read + line stats", t)

        # 3. per-article stages
        dropped = broadcast(repeated)
        n = partitions or max(cores, min(cores * 4, -(-(summary.read - len(repeated)) // DOCUMENTS_PER_TASK)))
        summary.partitions = n
        analyzed = persist(decoded.filter(lambda r: r[2] is not None and r[0] not in dropped.value)
                           .repartition(n).mapPartitions(lambda rows: analyze_partition(rows, line_stats.value)))
        totals = analyzed.mapPartitions(partition_totals).treeReduce(Totals.add)
        decoded.unpersist()
        summary.cpu_seconds.update(totals.seconds)
        summary.languages.update(totals.languages)
        summary.stored = len(totals.dates)
        rejects = sorted(rejects + totals.rejects, key=lambda r: r[0])
        summary.rejected = [r for _, r in rejects]
        t = phase("per-article stages", t)

        # 4. entities: resolved here, linked on the executors
        resolution = entities.resolve_entities(totals.names)
        linking = broadcast(resolution)
        linked = persist(analyzed.filter(lambda r: isinstance(r[1], Article))
                         .map(lambda r: (r[0], link_article(r[1], linking.value), r[2])))
        t = phase("entities", t)

        # 5. story edges: candidate pairs by blocking key and day and by LSH band, judged pair by pair
        features = persist(linked.map(lambda r: (r[1].id, (r[1].published, r[2]))))
        edges = story_edge_list(sc, features, n, summary.stored)
        analyzed.unpersist()
        features.unpersist()
        summary.edges = len(edges)
        t = phase("story edges", t)
        story_of = cluster.group_stories(totals.dates, [e[1:] for e in edges if e[0] == "story"])
        duplicate_of = cluster.canonical_duplicates(totals.dates, [e[1:] for e in edges if e[0] == "duplicate"])
        links = broadcast((story_of, duplicate_of))
        t = phase("story grouping", t)

        # 6. story records and the article tables, written by the partitions; the rest by the driver
        def place(row):
            order, article, feats = row
            article.story = links.value[0].get(article.id)
            article.duplicate_of = links.value[1].get(article.id)
            return article.story, (order, article, feats)

        mentions: Counter = Counter()
        for part in linked.map(place).groupByKey(n) \
                .mapPartitionsWithIndex(lambda i, groups: write_partition(i, groups, out)).collect():
            mentions.update(part)
        part = "part-00000"
        parquet.write_rows(out, "entities", part, (parquet.entity_row(e, mentions[e.id])
                                                   for e in resolution.entities if mentions[e.id]))
        parquet.write_rows(out, "edges", part, (parquet.edge_row(*e) for e in edges))
        parquet.write_rows(out, "rejected", part, (parquet.rejected_row(r, order) for order, r in rejects))
        parquet.write_rows(out, "state", part, [parquet.state_row("name_stats", totals.names.as_dict())])
        phase("stories + parquet", t)
    finally:
        for rdd in cached:
            rdd.unpersist()
        for value in shared:
            value.unpersist()
