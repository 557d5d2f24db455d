"""The SQLite store: the only module that holds SQL.

One file, WAL mode, a schema version with forward migrations. Writers commit in batches inside transactions,
so a reader never sees half an article and a killed run leaves only whole batches behind. Records go in and
come out as the dataclasses of `marsad.records`; nothing outside this module builds a query.
"""
from __future__ import annotations

import json
from collections import Counter
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from . import MarsadError
from .records import (Article, Entity, Event, Mention, Quote, Rejected, Removed, Story, SummarySentence,
                      Timex)


class StoreError(MarsadError):
    """The store cannot be opened or written (read-only file, full disk, not a marsad store)."""


SCHEMA_VERSION = 6

# Each migration takes the store from version i to i+1. Add new ones at the end; never edit old ones.
MIGRATIONS: list[str] = [
    # 0 -> 1: articles and everything the per-article stages find in them
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY, source TEXT NOT NULL, url TEXT, outlet TEXT, title TEXT, published TEXT,
        dateline TEXT, agency TEXT, author TEXT, language TEXT, encoding TEXT, text TEXT NOT NULL,
        removed TEXT NOT NULL DEFAULT '[]', story TEXT, duplicate_of TEXT, features TEXT
    );
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_outlet ON articles(outlet);
    CREATE INDEX articles_story ON articles(story);
    CREATE TABLE mentions (
        article TEXT NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        text TEXT NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL, title TEXT, entity TEXT,
        PRIMARY KEY (article, idx)
    ) WITHOUT ROWID;
    CREATE INDEX mentions_entity ON mentions(entity);
    CREATE TABLE timexes (
        article TEXT NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        text TEXT NOT NULL, value TEXT, kind TEXT, flag TEXT, PRIMARY KEY (article, idx)
    ) WITHOUT ROWID;
    CREATE TABLE quotes (
        id TEXT PRIMARY KEY, article TEXT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, verb TEXT, speaker_text TEXT,
        speaker_mention INTEGER, speaker TEXT
    );
    CREATE INDEX quotes_article ON quotes(article);
    CREATE INDEX quotes_speaker ON quotes(speaker);
    CREATE TABLE events (
        id TEXT PRIMARY KEY, article TEXT NOT NULL, type TEXT NOT NULL, sentence TEXT NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, date TEXT, date_text TEXT, trigger TEXT,
        place_mention INTEGER, participant_mentions TEXT NOT NULL DEFAULT '[]', place TEXT,
        participants TEXT NOT NULL DEFAULT '[]', same_as TEXT
    );
    CREATE INDEX events_article ON events(article);
    CREATE TABLE rejected (
        source TEXT PRIMARY KEY, reason TEXT NOT NULL, size INTEGER, sha256 TEXT
    );
    """,
    # 1 -> 2: corpus-level records: entities, stories, and the state that lets them grow incrementally
    """
    CREATE TABLE entities (
        id TEXT PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL, aliases TEXT NOT NULL DEFAULT '[]',
        titles TEXT NOT NULL DEFAULT '[]', mentions INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX entities_name ON entities(name);
    CREATE TABLE stories (
        id TEXT PRIMARY KEY, title TEXT NOT NULL, first TEXT, last TEXT, outlets TEXT NOT NULL DEFAULT '[]',
        entities TEXT NOT NULL DEFAULT '[]', summary TEXT NOT NULL DEFAULT '[]', size INTEGER NOT NULL
    );
    CREATE TABLE edges (
        kind TEXT NOT NULL, a TEXT NOT NULL, b TEXT NOT NULL, score REAL NOT NULL, PRIMARY KEY (kind, a, b)
    ) WITHOUT ROWID;
    CREATE TABLE state (key TEXT PRIMARY KEY, value BLOB);
    """,
    # 2 -> 3: full-text search. The FTS table is contentless (it holds only the index of the terms made by
    # marsad.search.index_terms); search_docs maps its integer rowid to the article id, once per article.
    """
    CREATE TABLE search_docs (doc INTEGER PRIMARY KEY, article TEXT NOT NULL UNIQUE);
    CREATE VIRTUAL TABLE search_index USING fts5(title, body, content='', tokenize='unicode61 remove_diacritics 0')
    """,
    # 3 -> 4: watched feeds. `feeds` keeps each feed's validators (ETag, Last-Modified) for conditional
    # requests and how its last poll went; `feed_items` remembers every item seen (by link, or by a content
    # key for an item without one), so a page is fetched once, and a page that failed is retried a few times.
    """
    CREATE TABLE feeds (
        url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, last_polled TEXT, last_status TEXT, reason TEXT
    );
    CREATE TABLE feed_items (
        item TEXT PRIMARY KEY, feed TEXT NOT NULL, url TEXT, status TEXT NOT NULL, reason TEXT,
        attempts INTEGER NOT NULL DEFAULT 1, last_tried TEXT, done INTEGER NOT NULL
    );
    CREATE INDEX feed_items_feed ON feed_items(feed)
    """,
    # 4 -> 5: search_docs doubles as a slim copy of the articles' fixed sort and filter columns, so search
    # filters, date order and per-day counts never read the wide article rows (their text is inline).
    """
    ALTER TABLE search_docs ADD COLUMN published TEXT;
    ALTER TABLE search_docs ADD COLUMN outlet TEXT;
    UPDATE search_docs SET published = (SELECT published FROM articles WHERE articles.id = search_docs.article),
                           outlet = (SELECT outlet FROM articles WHERE articles.id = search_docs.article);
    CREATE INDEX search_docs_published ON search_docs(published);
    CREATE INDEX search_docs_outlet ON search_docs(outlet, published)
    """,
    # 5 -> 6: which articles the corpus stages have taken in, so each run only adds the new ones
    """
    ALTER TABLE articles ADD COLUMN resolved INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE articles ADD COLUMN clustered INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX articles_resolved ON articles(resolved);
    CREATE INDEX articles_clustered ON articles(clustered)
    """,
]


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class Store:
    """An open marsad store. Use as a context manager, or call `close()`."""

    def __init__(self, path: str | Path, *, readonly: bool = False):
        self.path = Path(path)
        self.readonly = readonly
        try:
            if readonly:
                if not self.path.exists():
                    raise StoreError(f"no store at {self.path}")
                self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            else:
                self.db = sqlite3.connect(self.path, check_same_thread=False)
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=OFF")
            self.db.execute("PRAGMA cache_size=-65536")
            if not readonly:
                self._migrate()
                self._refresh_search_terms()
            elif self.schema_version() != SCHEMA_VERSION:
                raise StoreError(f"{self.path} is a store of schema {self.schema_version()}, "
                                 f"this marsad reads {SCHEMA_VERSION}: open it once for writing to migrate")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}") from exc

    # -- lifecycle -----------------------------------------------------------------------------------------
    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self):
        """All writes inside commit together or not at all; sqlite errors become StoreError."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
            yield
            self.db.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise StoreError(f"cannot write to store {self.path}: {exc}") from exc
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        try:
            self.db.execute("ROLLBACK")
        except sqlite3.Error:
            pass

    def schema_version(self) -> int:
        try:
            row = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        except sqlite3.OperationalError:
            return 0
        return int(row[0]) if row else 0

    def _migrate(self) -> None:
        self.db.isolation_level = None      # explicit transactions only
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path} was written by a newer marsad (schema {version})")
        if version == SCHEMA_VERSION:
            return
        with self.transaction():
            self.db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            for script in MIGRATIONS[version:]:
                for statement in script.split(";"):
                    if statement.strip():
                        self.db.execute(statement)
            if version < 3:
                self._index_for_search(self.iter_articles(details=False))
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))

    # -- writing per-article results ---------------------------------------------------------------------
    def known_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        found: set[str] = set()
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            found.update(r[0] for r in self.db.execute(f"SELECT id FROM articles WHERE id IN ({marks})", chunk))
        return found

    def save_articles(self, articles: Sequence[Article], features: dict[str, object] | None = None) -> None:
        """Insert whole articles with their mentions, timexes, quotes and events, in one transaction.

        An article already stored (same content-derived id) is left as it is: re-running changes nothing."""
        features = features or {}
        with self.transaction():
            for a in articles:
                cur = self.db.execute(
                    "INSERT OR IGNORE INTO articles (id, source, url, outlet, title, published, dateline, agency,"
                    " author, language, encoding, text, removed, story, duplicate_of, features)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (a.id, a.source, a.url, a.outlet, a.title, a.published, a.dateline, a.agency, a.author,
                     a.language, a.encoding, a.text, _dump([[r.line, r.why] for r in a.removed]), a.story,
                     a.duplicate_of, _dump(features[a.id]) if a.id in features else None))
                if cur.rowcount == 0:
                    continue
                self.db.executemany(
                    'INSERT INTO mentions (article, idx, start, "end", text, type, name, title, entity)'
                    " VALUES (?,?,?,?,?,?,?,?,?)",
                    [(a.id, i, m.start, m.end, m.text, m.type, m.name, m.title, m.entity)
                     for i, m in enumerate(a.mentions)])
                self.db.executemany(
                    'INSERT INTO timexes (article, idx, start, "end", text, value, kind, flag)'
                    " VALUES (?,?,?,?,?,?,?,?)",
                    [(a.id, i, t.start, t.end, t.text, t.value, t.kind, t.flag) for i, t in enumerate(a.timexes)])
                self.db.executemany(
                    'INSERT OR IGNORE INTO quotes (id, article, kind, text, start, "end", verb, speaker_text,'
                    " speaker_mention, speaker) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    [(q.id, a.id, q.kind, q.text, q.start, q.end, q.verb, q.speaker_text, q.speaker_mention,
                      q.speaker) for q in a.quotes])
                self.db.executemany(
                    'INSERT OR IGNORE INTO events (id, article, type, sentence, start, "end", date, date_text,'
                    " trigger, place_mention, participant_mentions, place, participants, same_as)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    [(v.id, a.id, v.type, v.sentence, v.start, v.end, v.date, v.date_text, v.trigger,
                      v.place_mention, _dump(v.participant_mentions), v.place, _dump(v.participants), v.same_as)
                     for v in a.events])
                self._index_for_search([a])

    def save_rejected(self, rejects: Iterable[Rejected]) -> None:
        rows = [(r.source, r.reason, r.size, r.sha256) for r in rejects]
        if rows:
            with self.transaction():
                self.db.executemany("INSERT OR REPLACE INTO rejected VALUES (?,?,?,?)", rows)

    def forget_rejected(self, sources: Iterable[str]) -> None:
        """A source that now loads is no longer a reject (e.g. after a fix)."""
        rows = [(s,) for s in sources]
        if rows:
            with self.transaction():
                self.db.executemany("DELETE FROM rejected WHERE source=?", rows)

    # -- reading articles ----------------------------------------------------------------------------------
    _ARTICLE_COLS = ("id, source, url, outlet, title, published, dateline, agency, author, language, encoding,"
                     " text, removed, story, duplicate_of")

    def _article_from_row(self, row) -> Article:
        (id_, source, url, outlet, title, published, dateline, agency, author, language, encoding, text,
         removed, story, duplicate_of) = row
        return Article(id=id_, source=source, url=url, outlet=outlet, title=title, published=published,
                       dateline=dateline, agency=agency, author=author, language=language, encoding=encoding,
                       text=text, removed=[Removed(line, why) for line, why in json.loads(removed)],
                       story=story, duplicate_of=duplicate_of)

    def _attach_details(self, articles: list[Article]) -> None:
        by_id = {a.id: a for a in articles}
        ids = list(by_id)
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(
                    f'SELECT article, start, "end", text, type, name, title, entity FROM mentions'
                    f" WHERE article IN ({marks}) ORDER BY article, idx", chunk):
                by_id[row[0]].mentions.append(Mention(*row[1:]))
            for row in self.db.execute(
                    f'SELECT article, start, "end", text, value, kind, flag FROM timexes'
                    f" WHERE article IN ({marks}) ORDER BY article, idx", chunk):
                by_id[row[0]].timexes.append(Timex(*row[1:]))
            for row in self.db.execute(
                    f'SELECT id, article, kind, text, start, "end", verb, speaker_text, speaker_mention, speaker'
                    f" FROM quotes WHERE article IN ({marks}) ORDER BY article, start", chunk):
                by_id[row[1]].quotes.append(Quote(*row))
            for row in self.db.execute(
                    f"SELECT {self._EVENT_COLS} FROM events WHERE article IN ({marks}) ORDER BY article, start",
                    chunk):
                by_id[row[1]].events.append(self._event_from_row(row))

    def get_article(self, article_id: str) -> Article | None:
        row = self.db.execute(f"SELECT {self._ARTICLE_COLS} FROM articles WHERE id=?", (article_id,)).fetchone()
        if row is None:
            return None
        article = self._article_from_row(row)
        self._attach_details([article])
        return article

    def get_articles(self, ids: Sequence[str], details: bool = True) -> list[Article]:
        """Articles by id, in the order asked (unknown ids are skipped)."""
        found: dict[str, Article] = {}
        ids = list(ids)
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(f"SELECT {self._ARTICLE_COLS} FROM articles WHERE id IN ({marks})", chunk):
                found[row[0]] = self._article_from_row(row)
        articles = [found[i] for i in ids if i in found]
        if details:
            self._attach_details(articles)
        return articles

    def iter_articles(self, details: bool = True, batch: int = 500, where: str = "",
                      params: Sequence = ()) -> Iterator[Article]:
        """Stream all articles in id order, a batch at a time, so memory stays flat on a big store."""
        last = ""
        cond = f" AND ({where})" if where else ""
        while True:
            rows = self.db.execute(f"SELECT {self._ARTICLE_COLS} FROM articles WHERE id > ?{cond}"
                                   f" ORDER BY id LIMIT ?", (last, *params, batch)).fetchall()
            if not rows:
                return
            articles = [self._article_from_row(r) for r in rows]
            if details:
                self._attach_details(articles)
            yield from articles
            last = rows[-1][0]

    def article_ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM articles ORDER BY id")]

    def count(self, table: str) -> int:
        if table not in {"articles", "mentions", "timexes", "quotes", "events", "entities", "stories", "rejected"}:
            raise ValueError(table)
        return self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def rejected(self) -> list[Rejected]:
        return [Rejected(*r) for r in self.db.execute("SELECT source, reason, size, sha256 FROM rejected ORDER BY source")]

    # -- per-article features and state for the corpus stages ---------------------------------------------
    def iter_features(self, where: str = "", params: Sequence = ()) -> Iterator[tuple[str, str | None, object]]:
        """(article id, published, features) for the stories stage, in id order."""
        cond = f" AND ({where})" if where else ""
        for id_, published, features in self.db.execute(
                f"SELECT id, published, features FROM articles WHERE features IS NOT NULL{cond} ORDER BY id",
                params):
            yield id_, published, json.loads(features)

    def get_state(self, key: str):
        row = self.db.execute("SELECT value FROM state WHERE key=?", (key,)).fetchone()
        return None if row is None else json.loads(row[0])

    def set_state(self, key: str, value) -> None:
        """Called inside a transaction by the corpus stages."""
        self.db.execute("INSERT OR REPLACE INTO state VALUES (?, ?)", (key, _dump(value)))

    def iter_mentions(self) -> Iterator[tuple[str, int, Mention]]:
        for row in self.db.execute('SELECT article, idx, start, "end", text, type, name, title, entity'
                                   " FROM mentions ORDER BY article, idx"):
            yield row[0], row[1], Mention(*row[2:])

    # -- writing corpus-level results ----------------------------------------------------------------------
    def replace_entities(self, entities: Sequence[Entity], mention_entity: Iterable[tuple[str, int, str | None]],
                         counts: dict[str, int]) -> None:
        """Store the resolved entities and point every mention at its entity (article, idx, entity id)."""
        self.db.execute("DELETE FROM entities")
        self.db.executemany("INSERT INTO entities VALUES (?,?,?,?,?,?)",
                            [(e.id, e.type, e.name, _dump(e.aliases), _dump(e.titles), counts.get(e.id, 0))
                             for e in entities])
        self.update_mention_entities((ent, art, idx) for art, idx, ent in mention_entity)

    def link_quote_speakers(self) -> None:
        """A quote's speaker is the entity of the mention the quotes stage pointed at."""
        self.db.execute("""UPDATE quotes SET speaker = (SELECT m.entity FROM mentions m
                           WHERE m.article = quotes.article AND m.idx = quotes.speaker_mention)""")

    def link_event_entities(self) -> None:
        """An event's place and participants are the entities of the mentions the events stage pointed at."""
        entity_of = {}
        rows = self.db.execute("SELECT id, article, place_mention, participant_mentions FROM events").fetchall()
        needed = {r[1] for r in rows}
        for art, idx, ent in self.db.execute("SELECT article, idx, entity FROM mentions"):
            if art in needed:
                entity_of[(art, idx)] = ent
        updates = []
        for vid, art, place_mention, pms in rows:
            place = entity_of.get((art, place_mention)) if place_mention is not None else None
            participants = []
            for idx in json.loads(pms):
                ent = entity_of.get((art, idx))
                if ent and ent not in participants:
                    participants.append(ent)
            updates.append((place, _dump(participants), vid))
        self.db.executemany("UPDATE events SET place=?, participants=? WHERE id=?", updates)

    def set_event_links(self, same_as: dict[str, str | None]) -> None:
        self.db.executemany("UPDATE events SET same_as=? WHERE id=?", [(v, k) for k, v in same_as.items()])

    def add_edges(self, kind: str, edges: Iterable[tuple[str, str, float]]) -> None:
        self.db.executemany("INSERT OR REPLACE INTO edges VALUES (?,?,?,?)",
                            [(kind, a, b, s) if a < b else (kind, b, a, s) for a, b, s in edges])

    def edges(self, kind: str) -> list[tuple[str, str, float]]:
        return [tuple(r) for r in self.db.execute("SELECT a, b, score FROM edges WHERE kind=?", (kind,))]

    def set_article_links(self, story_of: dict[str, str], duplicate_of: dict[str, str | None]) -> None:
        self.db.executemany("UPDATE articles SET story=? WHERE id=?", [(s, a) for a, s in story_of.items()])
        self.db.executemany("UPDATE articles SET duplicate_of=? WHERE id=?",
                            [(d, a) for a, d in duplicate_of.items()])

    def replace_stories(self, stories: Sequence[Story]) -> None:
        self.db.execute("DELETE FROM stories")
        self.save_stories(stories)

    def mark_articles(self, column: str, ids: Iterable[str]) -> None:
        """Record that a corpus stage ("resolved" or "clustered") has taken these articles in."""
        if column not in ("resolved", "clustered"):
            raise ValueError(column)
        self.db.executemany(f"UPDATE articles SET {column}=1 WHERE id=?", [(i,) for i in ids])

    def article_dates(self) -> dict[str, str | None]:
        return dict(self.db.execute("SELECT id, published FROM articles"))

    def article_stories(self) -> dict[str, str | None]:
        return dict(self.db.execute("SELECT id, story FROM articles"))

    def article_duplicates(self) -> dict[str, str | None]:
        return dict(self.db.execute("SELECT id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL"))

    def story_entity_counts(self, article_ids: Sequence[str]) -> Counter:
        """How often each entity is mentioned in these articles."""
        counts: Counter = Counter()
        for i in range(0, len(article_ids), 500):
            chunk = list(article_ids[i:i + 500])
            marks = ",".join("?" * len(chunk))
            counts.update(dict(self.db.execute(
                f"SELECT entity, count(*) FROM mentions WHERE entity IS NOT NULL AND article IN ({marks})"
                f" GROUP BY entity", chunk)))
        return counts

    def update_mention_entities(self, rows: Iterable[tuple[str | None, str, int]]) -> None:
        """(entity id, article, idx) for the mentions whose entity changed."""
        self.db.executemany("UPDATE mentions SET entity=? WHERE article=? AND idx=?", rows)

    def delete_stories(self, ids: Iterable[str]) -> None:
        self.db.executemany("DELETE FROM stories WHERE id=?", [(i,) for i in ids])

    def save_stories(self, stories: Sequence[Story]) -> None:
        self.db.executemany("INSERT OR REPLACE INTO stories VALUES (?,?,?,?,?,?,?,?)", [
            (s.id, s.title, s.first, s.last, _dump(s.outlets), _dump(s.entities),
             _dump([[x.text, x.article, x.start, x.end] for x in s.summary]), len(s.articles)) for s in stories])

    # -- reading corpus-level records ----------------------------------------------------------------------
    def entities(self) -> list[Entity]:
        return [Entity(id=r[0], type=r[1], name=r[2], aliases=json.loads(r[3]), titles=json.loads(r[4]))
                for r in self.db.execute("SELECT id, type, name, aliases, titles FROM entities ORDER BY id")]

    def entities_with_counts(self) -> list[tuple[Entity, int]]:
        return [(Entity(id=r[0], type=r[1], name=r[2], aliases=json.loads(r[3]), titles=json.loads(r[4])), r[5])
                for r in self.db.execute("SELECT id, type, name, aliases, titles, mentions FROM entities"
                                         " ORDER BY mentions DESC, id")]

    def get_entity(self, entity_id: str) -> Entity | None:
        r = self.db.execute("SELECT id, type, name, aliases, titles FROM entities WHERE id=?",
                            (entity_id,)).fetchone()
        return None if r is None else Entity(id=r[0], type=r[1], name=r[2], aliases=json.loads(r[3]),
                                            titles=json.loads(r[4]))

    def entity_mentions(self, entity_id: str | None = None) -> Iterator[tuple[str, Mention]]:
        """(article id, mention) for one entity, or for all resolved mentions, ordered by entity/article."""
        sql = 'SELECT article, start, "end", text, type, name, title, entity FROM mentions'
        if entity_id is None:
            rows = self.db.execute(sql + " WHERE entity IS NOT NULL ORDER BY entity, article, idx")
        else:
            rows = self.db.execute(sql + " WHERE entity=? ORDER BY article, idx", (entity_id,))
        for row in rows:
            yield row[0], Mention(*row[1:])

    def _story_from_row(self, r) -> Story:
        return Story(id=r[0], title=r[1], first=r[2], last=r[3], outlets=json.loads(r[4]),
                     entities=json.loads(r[5]), summary=[SummarySentence(*x) for x in json.loads(r[6])],
                     articles=[a for (a,) in self.db.execute(
                         "SELECT id FROM articles WHERE story=? ORDER BY published, id", (r[0],))])

    def stories(self) -> list[Story]:
        return [self._story_from_row(r) for r in self.db.execute(
            "SELECT id, title, first, last, outlets, entities, summary FROM stories ORDER BY size DESC, id")]

    def get_story(self, story_id: str) -> Story | None:
        r = self.db.execute("SELECT id, title, first, last, outlets, entities, summary FROM stories WHERE id=?",
                            (story_id,)).fetchone()
        return None if r is None else self._story_from_row(r)

    def quotes(self) -> list[Quote]:
        return [Quote(*r) for r in self.db.execute(
            'SELECT id, article, kind, text, start, "end", verb, speaker_text, speaker_mention, speaker'
            " FROM quotes ORDER BY article, start")]

    _EVENT_COLS = ('id, article, type, sentence, start, "end", date, date_text, trigger, place_mention,'
                   " participant_mentions, place, participants, same_as")

    @staticmethod
    def _event_from_row(r) -> Event:
        return Event(id=r[0], article=r[1], type=r[2], sentence=r[3], start=r[4], end=r[5], date=r[6],
                     date_text=r[7], trigger=r[8], place_mention=r[9], participant_mentions=json.loads(r[10]),
                     place=r[11], participants=json.loads(r[12]), same_as=r[13])

    def events(self) -> list[Event]:
        return [self._event_from_row(r) for r in self.db.execute(
            f"SELECT {self._EVENT_COLS} FROM events ORDER BY article, start")]

    def events_of_articles(self, article_ids: Sequence[str]) -> list[Event]:
        out = []
        ids = list(article_ids)
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            out.extend(self._event_from_row(r) for r in self.db.execute(
                f"SELECT {self._EVENT_COLS} FROM events WHERE article IN ({marks}) ORDER BY article, start", chunk))
        return out

    # -- search and pages ----------------------------------------------------------------------------------
    def _index_for_search(self, articles: Iterable[Article]) -> None:
        """Write the search index rows of new articles. Called inside the transaction that saves them, so an
        article and its index row commit together; an article indexed before is skipped (re-runs add none)."""
        from .search import index_terms
        for a in articles:
            cur = self.db.execute("INSERT OR IGNORE INTO search_docs (article, published, outlet) VALUES (?,?,?)",
                                  (a.id, a.published, a.outlet))
            if cur.rowcount:
                self.db.execute("INSERT INTO search_index (rowid, title, body) VALUES (?,?,?)",
                                (cur.lastrowid, index_terms(a.title), index_terms(a.text)))

    def _refresh_search_terms(self) -> None:
        """Re-index every article when the store's search terms were made by other term rules than this
        marsad's (`marsad.search.TERMS_VERSION`), so old and new articles answer a query alike."""
        from .search import TERMS_VERSION
        row = self.db.execute("SELECT value FROM meta WHERE key = 'search_terms'").fetchone()
        if row is not None and row[0] == str(TERMS_VERSION):
            return
        if self.db.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is not None:
            self.rebuild_search_index()
        with self.transaction():
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('search_terms', ?)", (str(TERMS_VERSION),))

    def rebuild_search_index(self) -> int:
        """Index every stored article again (after the term rules change); returns the number indexed."""
        with self.transaction():
            self.db.execute("INSERT INTO search_index (search_index) VALUES ('delete-all')")
            self.db.execute("DELETE FROM search_docs")
            self._index_for_search(self.iter_articles(details=False))
        return self.db.execute("SELECT count(*) FROM search_docs").fetchone()[0]

    @staticmethod
    def _doc_conditions(outlet: str | None = None, date_from: str | None = None, date_to: str | None = None,
                        entity: str | None = None, story: str | None = None) -> tuple[str, list]:
        """WHERE conditions on search_docs `d`. Dates are ISO prefixes, so `date_to` "2021-07-01" keeps
        "2021-07-01T10:43": the bound is extended past every longer string with the same prefix."""
        conds, params = [], []
        if outlet is not None:
            conds.append("d.outlet = ?")
            params.append(outlet)
        if date_from:
            conds.append("d.published >= ?")
            params.append(date_from)
        if date_to:
            conds.append("d.published <= ?")
            params.append(date_to + "\uffff")
        if entity is not None:
            conds.append("d.article IN (SELECT article FROM mentions WHERE entity = ?)")
            params.append(entity)
        if story is not None:
            conds.append("d.article IN (SELECT id FROM articles WHERE story = ?)")
            params.append(story)
        return " AND ".join(conds), params

    def search_articles(self, match: str | None, *, outlet: str | None = None, date_from: str | None = None,
                        date_to: str | None = None, entity: str | None = None, story: str | None = None,
                        sort: str = "relevance", limit: int = 20, offset: int = 0,
                        with_text: bool = True) -> tuple[int, list[tuple[Article, float]]]:
        """(total matches, one page of (article without details, score)). `match` is an FTS5 expression
        over index terms (see marsad.search) or None to list the filtered articles. Relevance is bm25 with
        title terms weighing four times body terms; newest first breaks ties and orders `sort="date"`.

        The page is chosen on the slim tables (the FTS index and search_docs) and only its articles are read."""
        where, params = self._doc_conditions(outlet, date_from, date_to, entity, story)
        cond = f" WHERE {where}" if where else ""
        by_date = "d.published DESC, d.doc DESC"
        try:
            if match is None:
                total = self.db.execute(f"SELECT count(*) FROM search_docs d{cond}", params).fetchone()[0]
                rows = self.db.execute(f"SELECT d.article, 0.0 FROM search_docs d{cond} ORDER BY {by_date}"
                                       f" LIMIT ? OFFSET ?", (*params, limit, offset)).fetchall()
            elif not where and sort == "relevance":
                total = self.db.execute("SELECT count(*) FROM search_index WHERE search_index MATCH ?",
                                        (match,)).fetchone()[0]
                rows = self.db.execute(
                    "SELECT d.article, r.rank_ FROM (SELECT rowid AS doc, bm25(search_index, 4.0, 1.0) AS rank_"
                    " FROM search_index WHERE search_index MATCH ? ORDER BY rank_ LIMIT ? OFFSET ?) r"
                    " JOIN search_docs d ON d.doc = r.doc ORDER BY r.rank_", (match, limit, offset)).fetchall()
            else:
                # The FTS match runs first, materialised, and the filters apply to its hits: left to itself
                # the planner may walk an outlet's articles and probe the FTS index once per article.
                hits = ("WITH hits AS MATERIALIZED (SELECT rowid AS doc, bm25(search_index, 4.0, 1.0) AS rank_"
                        " FROM search_index WHERE search_index MATCH ?)")
                base = f"FROM hits JOIN search_docs d ON d.doc = hits.doc{cond}"
                total = self.db.execute(f"{hits} SELECT count(*) {base}", (match, *params)).fetchone()[0]
                order = f"hits.rank_, {by_date}" if sort == "relevance" else by_date
                rows = self.db.execute(f"{hits} SELECT d.article, hits.rank_ {base} ORDER BY {order} LIMIT ? OFFSET ?",
                                       (match, *params, limit, offset)).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"search failed: {exc}") from exc
        found = {a.id: a for a in self._articles_for_listing([r[0] for r in rows], with_text)}
        return total, [(found[r[0]], -float(r[1])) for r in rows if r[0] in found]

    _LIST_COLS = _ARTICLE_COLS.replace(" text,", " '' AS text,").replace(" removed,", " '[]' AS removed,")

    def _articles_for_listing(self, ids: list[str], with_text: bool) -> list[Article]:
        if with_text:
            return self.get_articles(ids, details=False)
        found = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(f"SELECT {self._LIST_COLS} FROM articles WHERE id IN ({marks})", chunk):
                found[row[0]] = self._article_from_row(row)
        return [found[i] for i in ids if i in found]

    def outlets(self) -> list[tuple[str | None, int, str | None, str | None]]:
        """(outlet, articles, first published, last published), most articles first."""
        return [tuple(r) for r in self.db.execute(
            "SELECT outlet, count(*), min(published), max(published) FROM articles GROUP BY outlet"
            " ORDER BY count(*) DESC, outlet")]

    def list_stories(self, limit: int = 20, offset: int = 0) -> tuple[int, list[Story]]:
        """Stories, latest first (by their last article's date), then largest."""
        total = self.count("stories")
        rows = self.db.execute("SELECT id, title, first, last, outlets, entities, summary FROM stories"
                               " ORDER BY last IS NULL, last DESC, size DESC, id LIMIT ? OFFSET ?",
                               (limit, offset)).fetchall()
        return total, [self._story_from_row(r) for r in rows]

    def _entity_from_row(self, r) -> tuple[Entity, int]:
        return Entity(id=r[0], type=r[1], name=r[2], aliases=json.loads(r[3]), titles=json.loads(r[4])), r[5]

    def list_entities(self, type: str | None = None, limit: int = 20,
                      offset: int = 0) -> tuple[int, list[tuple[Entity, int]]]:
        """(total, page of (entity, mention count)), most mentioned first."""
        cond, params = (" WHERE type = ?", [type]) if type else ("", [])
        total = self.db.execute(f"SELECT count(*) FROM entities{cond}", params).fetchone()[0]
        rows = self.db.execute(f"SELECT id, type, name, aliases, titles, mentions FROM entities{cond}"
                               " ORDER BY mentions DESC, id LIMIT ? OFFSET ?", (*params, limit, offset))
        return total, [self._entity_from_row(r) for r in rows]

    def get_entities(self, ids: Sequence[str]) -> list[tuple[Entity, int]]:
        """(entity, mention count) by id, in the order asked; unknown ids are skipped."""
        found = {}
        ids = list(dict.fromkeys(ids))
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            for r in self.db.execute(f"SELECT id, type, name, aliases, titles, mentions FROM entities"
                                     f" WHERE id IN ({marks})", chunk):
                found[r[0]] = self._entity_from_row(r)
        return [found[i] for i in ids if i in found]

    def cooccurring_entities(self, entity_id: str, limit: int = 10, sample: int = 1000) -> list[tuple[str, int]]:
        """(entity id, articles shared) for the entities most often in the same articles as this one.

        Counted over at most `sample` of its articles (the first by id, which is a hash, so a fair sample):
        exact for all but the most frequent entities, and a page stays fast for those too."""
        return [tuple(r) for r in self.db.execute(
            "WITH arts AS (SELECT DISTINCT article FROM mentions WHERE entity = ? LIMIT ?)"
            " SELECT m.entity, count(DISTINCT m.article) AS n FROM arts JOIN mentions m ON m.article = arts.article"
            " WHERE m.entity IS NOT NULL AND m.entity != ? GROUP BY m.entity ORDER BY n DESC, m.entity LIMIT ?",
            (entity_id, sample, entity_id, limit))]

    def story_entities(self, story_id: str, limit: int = 50) -> list[tuple[str, int]]:
        """(entity id, mentions) of the entities named in a story's articles, most mentioned first."""
        return [tuple(r) for r in self.db.execute(
            "SELECT m.entity, count(*) AS n FROM mentions m JOIN articles a ON a.id = m.article"
            " WHERE a.story = ? AND m.entity IS NOT NULL GROUP BY m.entity ORDER BY n DESC, m.entity LIMIT ?",
            (story_id, limit))]

    def find_quotes(self, *, article_ids: Sequence[str] | None = None, speaker: str | None = None,
                    story: str | None = None, limit: int = 20, offset: int = 0) -> tuple[int, list[Quote]]:
        """(total, page of quotes) by speaker entity, by story, or in the given articles; oldest first."""
        conds, params = [], []
        if speaker is not None:
            conds.append("q.speaker = ?")
            params.append(speaker)
        if story is not None:
            conds.append("a.story = ?")
            params.append(story)
        if article_ids is not None:
            ids = list(article_ids)[:900]
            conds.append(f"q.article IN ({','.join('?' * len(ids))})" if ids else "0")
            params.extend(ids)
        cond = (" WHERE " + " AND ".join(conds)) if conds else ""
        base = f"FROM quotes q JOIN articles a ON a.id = q.article{cond}"
        total = self.db.execute(f"SELECT count(*) {base}", params).fetchone()[0]
        rows = self.db.execute(
            'SELECT q.id, q.article, q.kind, q.text, q.start, q."end", q.verb, q.speaker_text, q.speaker_mention,'
            f" q.speaker {base} ORDER BY a.published IS NULL, a.published, q.article, q.start LIMIT ? OFFSET ?",
            (*params, limit, offset)).fetchall()
        return total, [Quote(*r) for r in rows]

    def find_events(self, *, entity: str | None = None, story: str | None = None, type: str | None = None,
                    date_from: str | None = None, date_to: str | None = None, canonical: bool = False,
                    limit: int = 100, offset: int = 0) -> tuple[int, list[Event]]:
        """(total, page of events) by participant/place entity, story, type and date; by date, undated last.
        `canonical` leaves out retellings (events with `same_as`), as a timeline does."""
        conds, params = [], []
        if entity is not None:
            pattern = '%"' + entity.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + '"%'
            conds.append("(v.place = ? OR v.participants LIKE ? ESCAPE '\\')")
            params += [entity, pattern]
        if story is not None:
            conds.append("a.story = ?")
            params.append(story)
        if type is not None:
            conds.append("v.type = ?")
            params.append(type)
        if date_from:
            conds.append("v.date >= ?")
            params.append(date_from)
        if date_to:
            conds.append("v.date <= ?")
            params.append(date_to + "\uffff")
        if canonical:
            conds.append("v.same_as IS NULL")
        cond = (" WHERE " + " AND ".join(conds)) if conds else ""
        base = f"FROM events v JOIN articles a ON a.id = v.article{cond}"
        total = self.db.execute(f"SELECT count(*) {base}", params).fetchone()[0]
        rows = self.db.execute(
            'SELECT v.id, v.article, v.type, v.sentence, v.start, v."end", v.date, v.date_text, v.trigger,'
            " v.place_mention, v.participant_mentions, v.place, v.participants, v.same_as"
            f" {base} ORDER BY v.date IS NULL, v.date, v.article, v.start LIMIT ? OFFSET ?",
            (*params, limit, offset)).fetchall()
        return total, [Event(id=r[0], article=r[1], type=r[2], sentence=r[3], start=r[4], end=r[5], date=r[6],
                             date_text=r[7], trigger=r[8], place_mention=r[9],
                             participant_mentions=json.loads(r[10]), place=r[11],
                             participants=json.loads(r[12]), same_as=r[13]) for r in rows]

    def articles_per_day(self, *, entity: str | None = None, story: str | None = None,
                         outlet: str | None = None) -> list[tuple[str, int]]:
        """(YYYY-MM-DD, articles) for the dated articles of an entity, a story or an outlet, oldest first."""
        where, params = self._doc_conditions(outlet=outlet, entity=entity, story=story)
        cond = f" AND {where}" if where else ""
        return [tuple(r) for r in self.db.execute(
            "SELECT substr(d.published, 1, 10) AS day, count(*) FROM search_docs d"
            f" WHERE length(d.published) >= 10{cond} GROUP BY day ORDER BY day", params)]

    def outlet_spellings(self, outlet: str | None) -> list[tuple[str, str, int]]:
        """(entity id, surface form, mentions) of the names this outlet wrote, most used first per entity."""
        cond, params = ("a.outlet = ?", [outlet]) if outlet is not None else ("a.outlet IS NULL", [])
        return [tuple(r) for r in self.db.execute(
            "SELECT m.entity, m.text, count(*) AS n FROM mentions m JOIN articles a ON a.id = m.article"
            f" WHERE {cond} AND m.entity IS NOT NULL GROUP BY m.entity, m.text ORDER BY m.entity, n DESC, m.text",
            params)]

    def outlet_stories(self, outlet: str, limit: int = 20) -> list[tuple[str, int]]:
        """(story id, this outlet's articles in it) for the stories the outlet covered, most covered first."""
        return [tuple(r) for r in self.db.execute(
            "SELECT story, count(*) AS n FROM articles WHERE outlet = ? AND story IS NOT NULL"
            " GROUP BY story ORDER BY n DESC, story LIMIT ?", (outlet, limit))]

    # -- feeds ---------------------------------------------------------------------------------------------
    def feed_validators(self, urls: Iterable[str]) -> dict[str, tuple[str | None, str | None]]:
        """(ETag, Last-Modified) each known feed last sent, to make the next poll a conditional request."""
        found: dict[str, tuple[str | None, str | None]] = {}
        urls = list(urls)
        for i in range(0, len(urls), 500):
            chunk = urls[i:i + 500]
            marks = ",".join("?" * len(chunk))
            for url, etag, modified in self.db.execute(
                    f"SELECT url, etag, last_modified FROM feeds WHERE url IN ({marks})", chunk):
                found[url] = (etag, modified)
        return found

    def feed_items_seen(self, items: Iterable[str]) -> dict[str, tuple[bool, int]]:
        """(done, attempts) for the given item keys already seen; done items need no more fetching."""
        found: dict[str, tuple[bool, int]] = {}
        items = list(items)
        for i in range(0, len(items), 500):
            chunk = items[i:i + 500]
            marks = ",".join("?" * len(chunk))
            for item, done, attempts in self.db.execute(
                    f"SELECT item, done, attempts FROM feed_items WHERE item IN ({marks})", chunk):
                found[item] = (bool(done), attempts)
        return found

    def save_feed_round(self, feeds: Iterable[tuple], items: Iterable[tuple]) -> None:
        """Record a poll in one transaction. `feeds`: (url, etag, last_modified, last_polled, last_status,
        reason); `items`: (item, feed, url, status, reason, attempts, last_tried, done)."""
        feeds, items = list(feeds), list(items)
        with self.transaction():
            self.db.executemany("INSERT OR REPLACE INTO feeds (url, etag, last_modified, last_polled, last_status,"
                                " reason) VALUES (?,?,?,?,?,?)", feeds)
            self.db.executemany("INSERT OR REPLACE INTO feed_items (item, feed, url, status, reason, attempts,"
                                " last_tried, done) VALUES (?,?,?,?,?,?,?,?)",
                                [(*row[:7], int(bool(row[7]))) for row in items])

    def feed_states(self) -> list[tuple[str, str | None, str | None, str | None, str | None, str | None]]:
        """(url, etag, last_modified, last_polled, last_status, reason) of every polled feed, by url."""
        return [tuple(r) for r in self.db.execute(
            "SELECT url, etag, last_modified, last_polled, last_status, reason FROM feeds ORDER BY url")]

    def feed_item_states(self, feed: str | None = None
                         ) -> list[tuple[str, str, str | None, str, str | None, int, bool]]:
        """(item, feed, url, status, reason, attempts, done) of the items seen, of one feed or all, by item."""
        cond, params = (" WHERE feed = ?", (feed,)) if feed is not None else ("", ())
        return [(*r[:6], bool(r[6])) for r in self.db.execute(
            f"SELECT item, feed, url, status, reason, attempts, done FROM feed_items{cond} ORDER BY item", params)]
