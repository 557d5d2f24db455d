"""The main job: documents in, a store of articles, entities, quotes, events and stories out.

Two kinds of stage. Per-article stages (decode, clean, metadata, NER, titles, dates, quotes, events, story
features) are one pure function, `analyze_document`, that a worker process can run on its own. Corpus stages
(entity resolution, duplicates, stories, summaries, event linking) run in one place over the store, after the
new articles are committed, and only touch what the new articles change.

Bad input never stops a batch: every failure becomes a `Rejected` with a one-line reason.
"""
from __future__ import annotations

import hashlib
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial

from . import boilerplate, cluster, dates, entities, events, ingest, ner, quotes, summarise
from .records import Article, Document, Rejected, article_id
from .settings import setting
from .store import Store
from .workers import run_ordered

BATCH_SIZE = setting("batch").default   # articles per store transaction: a killed run loses at most one batch


@dataclass
class Summary:
    """What a run did, for the one-screen report at the end."""

    read: int = 0
    stored: int = 0
    already: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    seconds: float = 0.0
    stage_seconds: Counter = field(default_factory=Counter)
    languages: Counter = field(default_factory=Counter)

    def reasons(self) -> Counter:
        return Counter(r.reason.split(":")[0] for r in self.rejected)


def _reject(doc: Document, reason: str) -> Rejected:
    data = doc.data if doc.data is not None else (doc.text or "").encode("utf-8")
    return Rejected(doc.source, reason, len(data), hashlib.sha256(data).hexdigest())


def decode_document(doc: Document, max_bytes: int) -> str | Rejected:
    """The document's text, or why it has none."""
    if doc.data is not None:
        bad = ingest.check_bytes(doc.source, doc.data, max_bytes)
        if bad is not None:
            return bad
    try:
        return ingest.decode(doc)
    except ingest.DecodeError as exc:
        return _reject(doc, f"undecodable: {exc}")


def annotate(article: Article, timer: Callable[[str], None] | None = None) -> Article:
    """Run the per-article extraction stages on a clean article, in order. `timer(stage)` is called after
    each stage so the caller can attribute time.

    An article in another language (English, Persian, Urdu...) is kept and flagged by cleaning, but these
    stages are Arabic-only: their lexicons and model would read its words as Arabic names and quotes, so it
    gets none. Too short to tell ("und") counts as Arabic."""
    tick = timer or (lambda stage: None)
    if article.language and article.language not in ("ar", "und"):
        return article
    article.mentions = ner.find_mentions(article.text)
    tick("ner")
    article.timexes = dates.find_timexes(article.text, article.published)
    entities.drop_date_mentions(article)
    tick("dates")
    entities.attach_titles(article)
    entities.chain_mentions(article)
    tick("titles")
    article.quotes = quotes.find_quotes(article)
    tick("quotes")
    article.events = events.find_events(article)
    tick("events")
    return article


def analyze_document(doc: Document, text: str, line_stats=None
                     ) -> tuple[Article | Rejected, dict | None, dict[str, float]]:
    """Every per-article stage on one decoded document: (article or reject, story features, seconds per stage).

    Any exception inside one document's processing is caught here and recorded with the document's source,
    so one bad document never kills a run."""
    seconds: dict[str, float] = defaultdict(float)
    last = time.perf_counter()

    def tick(stage: str) -> None:
        nonlocal last
        now = time.perf_counter()
        seconds[stage] += now - last
        last = now

    stage = "clean"
    try:
        try:
            article = boilerplate.clean_document(doc, text, line_stats)
        except boilerplate.NoArticleText as exc:
            return _reject(doc, f"no article text: {exc}"), None, seconds
        tick("clean")
        stage = "extract"
        annotate(article, tick)
        stage = "features"
        features = cluster.story_features(article)
        tick("features")
        return article, features, seconds
    except Exception as exc:  # noqa: BLE001 - one document's crash must not end the batch
        return _reject(doc, f"{stage} failed: {type(exc).__name__}: {exc}"[:300]), None, seconds


def count_lines(paths: Iterable[str], max_bytes: int) -> object:
    """First pass: how often each short line recurs across distinct documents (boilerplate signal)."""
    stats = boilerplate.LineStats()
    for item in ingest.read_paths(paths, max_bytes=max_bytes):
        if isinstance(item, Rejected):
            continue
        if item.kind != "text":         # HTML boilerplate is trafilatura's job
            continue
        text = decode_document(item, max_bytes)
        if isinstance(text, str):
            stats.add(text, item.outlet_hint)
    return stats.compact()              # only the recurring lines: small to send to every worker


def _analyze_item(item: tuple[Document, str], line_stats=None):
    doc, text = item
    result, features, seconds = analyze_document(doc, text, line_stats)
    return doc.source, result, features, seconds


def _crashed(item: tuple[Document, str], reason: str):
    doc, _ = item
    return doc.source, _reject(doc, reason), None, {}


def analyze(paths: Iterable[str], store: Store, *, max_bytes: int = ingest.DEFAULT_MAX_BYTES,
            workers: int = 1, progress: Callable[[int], None] | None = None,
            batch_size: int = BATCH_SIZE) -> Summary:
    """Read PATHS into STORE and bring entities, stories and timelines up to date.

    Re-running on the same input changes nothing: known article ids are skipped before any work."""
    paths = [str(p) for p in paths]
    t0 = time.perf_counter()
    line_stats = count_lines(paths, max_bytes)
    counted = time.perf_counter() - t0
    summary = analyze_items(ingest.read_paths(paths, max_bytes=max_bytes), store, line_stats=line_stats,
                            max_bytes=max_bytes, workers=workers, progress=progress, batch_size=batch_size)
    summary.stage_seconds["line stats"] += counted
    summary.seconds = time.perf_counter() - t0
    return summary


def analyze_items(items: Iterable[Document | Rejected], store: Store, *, line_stats=None,
                  max_bytes: int = ingest.DEFAULT_MAX_BYTES, workers: int = 1,
                  progress: Callable[[int], None] | None = None, corpus: bool = True,
                  batch_size: int = BATCH_SIZE) -> Summary:
    """Run every stage on documents (from files, feeds or any other reader) and commit them to STORE.

    The per-article stages run on `workers` processes; results are committed in input order, in batches, so
    the store is the same whatever the number of workers, and a killed run resumes where it stopped."""
    started = time.perf_counter()
    summary = Summary()
    batch: list[Article] = []
    features: dict[str, dict] = {}
    loaded_sources: list[str] = []

    def flush() -> None:
        t = time.perf_counter()
        if batch and store.get_state("corpus_done") is not False:
            with store.transaction():           # new articles: the corpus stages must run (again)
                store.set_state("corpus_done", False)
        store.save_articles(batch, features)
        store.forget_rejected(loaded_sources)
        summary.stored += len(batch)
        batch.clear()
        features.clear()
        loaded_sources.clear()
        summary.stage_seconds["store"] += time.perf_counter() - t

    def new_documents() -> Iterator[tuple[Document, str]]:
        seen: set[str] = set()
        for item in items:
            summary.read += 1
            if progress:
                progress(1)
            if isinstance(item, Rejected):
                summary.rejected.append(item)
                continue
            t = time.perf_counter()
            text = decode_document(item, max_bytes)
            summary.stage_seconds["decode"] += time.perf_counter() - t
            if isinstance(text, Rejected):
                summary.rejected.append(text)
                continue
            known = article_id(item.url, text)
            if known in seen or store.known_ids([known]):
                summary.already += 1
                loaded_sources.append(item.source)
                continue
            seen.add(known)
            yield item, text

    work = partial(_analyze_item, line_stats=line_stats)
    for source, result, feats, seconds in run_ordered(work, new_documents(), workers, on_crash=_crashed):
        summary.stage_seconds.update(seconds)
        if isinstance(result, Rejected):
            summary.rejected.append(result)
            continue
        summary.languages[result.language or "und"] += 1
        batch.append(result)
        loaded_sources.append(source)
        if feats is not None:
            features[result.id] = feats
        if len(batch) >= batch_size:
            flush()
    flush()
    store.save_rejected(summary.rejected)
    if corpus and (summary.stored or not store.get_state("corpus_done")):
        update_corpus(store, summary.stage_seconds, workers)
    summary.seconds = time.perf_counter() - started
    return summary


def update_corpus(store: Store, stage_seconds: Counter | None = None, workers: int = 1) -> None:
    """Corpus stages over the whole store: entities, quote speakers, event entities, duplicates, stories,
    summaries, event links. Each is a pure function of what is stored, so running it twice changes nothing.
    `workers` processes build the changed stories' titles and summaries."""
    stage_seconds = stage_seconds if stage_seconds is not None else Counter()
    t = time.perf_counter()
    resolve_store_entities(store)
    stage_seconds["entities"] += time.perf_counter() - t
    t = time.perf_counter()
    build_store_stories(store, workers)
    stage_seconds["stories"] += time.perf_counter() - t


def resolve_store_entities(store: Store) -> None:
    """Add the new articles' names to the stored name statistics, resolve, and point every mention, quote
    speaker and event participant at its entity. Resolution is a pure function of the additive statistics,
    so this equals a full rebuild; only mentions whose entity changed are rewritten."""
    state = store.get_state("name_stats")
    stats = entities.NameStats.from_dict(state) if state else entities.NameStats()
    new_ids = []
    for article in store.iter_articles(where="resolved = 0"):
        stats.add_article(article)
        new_ids.append(article.id)
    if not new_ids and state is not None:
        return
    resolution = entities.resolve_entities(stats)
    changed, counts = [], Counter()
    for article, idx, mention in store.iter_mentions():
        entity = resolution.entity_of(mention.type, mention.name)
        if entity is not None:
            counts[entity] += 1
        if entity != mention.entity:
            changed.append((entity, article, idx))
    kept = [e for e in resolution.entities if counts[e.id]]      # an entity is there only if mentioned
    with store.transaction():
        store.replace_entities(kept, [], counts)
        store.update_mention_entities(changed)
        store.link_quote_speakers()
        store.link_event_entities()
        store.set_state("name_stats", stats.as_dict())
        store.mark_articles("resolved", new_ids)


STORY_ENTITIES = 12       # entities listed on a story: its most mentioned ones


def build_store_stories(store: Store, workers: int = 1) -> None:
    """Compare the new articles with stored candidates (blocking over a date window), keep the edges,
    regroup all edges into stories and duplicate links, and rebuild only the stories whose articles
    changed. The grouping is a function of the edge set, so adding a batch later equals clustering all
    at once. Building a story (title, summary) reads only its articles, so `workers` processes share it."""
    new = list(store.iter_features(where="clustered = 0"))
    dates = store.article_dates()
    story_edges: list[tuple[str, str, float]] = []
    duplicate_edges: list[tuple[str, str, float]] = []
    if new:
        days = [cluster.day_of(published) for _, published, _ in new]
        index = cluster.StoryIndex()
        if all(days):
            low, high = min(days), max(days)
            window = cluster.DATE_WINDOW_DAYS
            lo = (date.fromisoformat(low) - timedelta(days=window)).isoformat()
            hi = (date.fromisoformat(high) + timedelta(days=window + 1)).isoformat()
            stored = store.iter_features(where="clustered = 1 AND (published IS NULL OR"
                                               " (published >= ? AND published < ?))", params=(lo, hi))
        else:                    # an undated article may join any dated one: look at everything
            stored = store.iter_features(where="clustered = 1")
        for _, _, features in stored:
            index.add(features)
        for _, _, features in sorted(new, key=lambda x: (x[1] or "\uffff", x[0])):
            story_edges.extend(cluster.story_edges(features, index))
            duplicate_edges.extend(cluster.duplicate_edges(features, index))
            index.add(features)
    story_of = cluster.group_stories(dates, store.edges("story") + story_edges)
    duplicate_of = cluster.canonical_duplicates(dates, store.edges("duplicate") + duplicate_edges)

    before = store.article_stories()
    members: dict[str, list[str]] = defaultdict(list)
    for article, story in story_of.items():
        members[story].append(article)
    old_members: dict[str, set[str]] = defaultdict(set)
    for article, story in before.items():
        if story:
            old_members[story].add(article)
    changed = [s for s, arts in members.items() if set(arts) != old_members.get(s)]
    gone = [s for s in old_members if s not in members]
    stories = []
    jobs = [(story_id, sorted(members[story_id])) for story_id in sorted(changed)]
    if workers > 1 and len(jobs) > 1:
        built = run_ordered(partial(_build_story, str(store.path)), jobs, workers, chunk_size=32,
                            on_crash=lambda job, _: _build_story_here(store, job))
    else:
        built = (_build_story_here(store, job) for job in jobs)
    for story in built:
        counts = store.story_entity_counts(story.articles)
        story.entities = [e for e, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:STORY_ENTITIES]]
        stories.append(story)
    old_duplicates = store.article_duplicates()
    with store.transaction():
        if new:
            store.add_edges("story", story_edges)
            store.add_edges("duplicate", duplicate_edges)
        store.set_article_links({a: s for a, s in story_of.items() if before.get(a) != s},
                                {a: duplicate_of.get(a) for a in set(duplicate_of) | set(old_duplicates)
                                 if duplicate_of.get(a) != old_duplicates.get(a)})
        store.delete_stories(gone)
        store.save_stories(stories)
        store.mark_articles("clustered", [a for a, _, _ in new])
        for story in stories:
            link_story_events(store, story)
        store.set_state("corpus_done", True)


_READERS: dict[str, Store] = {}       # per worker process: its own read-only connection to the store


def _build_story(store_path: str, job: tuple[str, list[str]]):
    """`cluster.build_story` in a worker process, reading the story's articles itself: sending them over
    a pipe would cost more than building."""
    store = _READERS.get(store_path)
    if store is None:
        store = _READERS[store_path] = Store(store_path, readonly=True)
    return _build_story_here(store, job)


def _build_story_here(store: Store, job: tuple[str, list[str]]):
    story_id, article_ids = job
    return cluster.build_story(story_id, store.get_articles(article_ids))


def link_story_events(store: Store, story) -> None:
    """The same real-world event told by several articles of one story is linked to one canonical event."""
    story_events = store.events_of_articles(story.articles)
    events.link_events(story_events)
    store.set_event_links({v.id: v.same_as for v in story_events})
