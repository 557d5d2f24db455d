"""Read-side questions the CLI, the HTTP API and the web UI all ask of a store: one function each, so the
three stay thin and agree.

The `*_page` functions return the view data of one web page as typed records. The HTML page renders them and
its JSON twin under /api/ returns them as they are, so what a person sees and what a program reads cannot
drift apart. Every function works on a store where later stages have not run yet: no entities, quotes, events
or stories simply gives empty sections.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from . import MarsadError, entities
from .arabic import normalize_for_matching
from .records import Article, Entity, Event, Quote, Story
from .store import Store


class NotFound(MarsadError):
    """No article, story, entity or outlet with that id or name."""


MAX_PAGE = 100            # rows per list page, for the API and the UI alike


def find_entity(store: Store, name_or_id: str) -> Entity | None:
    """An entity by id, by name or by any alias (normalised, so alef/ya/teh-marbuta spellings all match);
    failing that, by a spelling the store has never seen, compared as entity resolution compares names
    (`entities.spelling_matches`: "ستولتنبرغ" finds the entity written ستولتينبرغ / ستولينبيرج). Among
    several, the one with the most mentions."""
    found = store.get_entity(name_or_id)
    if found is not None:
        return found
    wanted = normalize_for_matching(name_or_id.strip())
    if not wanted:
        return None
    candidates = list(store.entities_with_counts())
    for same in (lambda form, type: normalize_for_matching(form) == wanted,
                 lambda form, type: entities.spelling_matches(name_or_id, form, type)):
        best, best_count = None, -1
        for entity, count in candidates:
            if count > best_count and any(same(f, entity.type) for f in (entity.name, *entity.aliases)):
                best, best_count = entity, count
        if best is not None:
            return best
    return None


def entity_timeline(store: Store, entity_id: str, limit: int = 500) -> list[Event]:
    """Canonical events (not retellings) where the entity takes part or is the place, by date, undated last."""
    return store.find_events(entity=entity_id, canonical=True, limit=limit)[1]


def story_timeline(store: Store, story_id: str, limit: int = 500) -> list[Event]:
    """Canonical events of the story's articles, by date, undated last."""
    return store.find_events(story=story_id, canonical=True, limit=limit)[1]


# -- view records ------------------------------------------------------------------------------------------
@dataclass
class Counts:
    articles: int
    stories: int
    entities: int
    quotes: int
    events: int
    outlets: int


@dataclass
class EntityRef:
    """An entity as listed on a page; `count` is its mentions, or the articles shared with the page's entity."""

    id: str
    name: str
    type: str
    count: int = 0


@dataclass
class ArticleRef:
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    story: str | None = None


@dataclass
class StoryRef:
    id: str
    title: str
    first: str | None
    last: str | None
    outlets: list[str]
    size: int


@dataclass
class OutletRef:
    name: str | None
    articles: int
    first: str | None
    last: str | None


@dataclass
class DayCount:
    day: str
    articles: int


@dataclass
class QuoteView:
    """A quote with what a reader needs next to it: who (by name) and where (which article)."""

    id: str
    article: str
    kind: str
    text: str
    start: int
    end: int
    verb: str | None
    speaker: str | None
    speaker_text: str | None
    speaker_name: str | None
    article_title: str | None
    outlet: str | None
    published: str | None


@dataclass
class SummaryLink:
    """A summary sentence and the place in its article it was taken from."""

    text: str
    article: str
    start: int
    end: int
    article_title: str | None
    outlet: str | None


@dataclass
class OutletGroup:
    outlet: str | None
    articles: list[ArticleRef]


@dataclass
class HomePage:
    counts: Counts
    stories: list[StoryRef]
    entities: list[EntityRef]
    outlets: list[OutletRef]
    articles: list[ArticleRef]


@dataclass
class ArticlePage:
    article: Article
    story: StoryRef | None
    entity_names: dict[str, str]
    duplicate_of: ArticleRef | None = None


@dataclass
class StoryPage:
    story: StoryRef
    summary: list[SummaryLink]
    by_outlet: list[OutletGroup]
    timeline: list[Event]
    entities: list[EntityRef]
    quotes: list[QuoteView]
    per_day: list[DayCount]
    entity_names: dict[str, str]


@dataclass
class EntityPage:
    entity: Entity
    mentions: int
    quotes: list[QuoteView]
    quotes_total: int
    timeline: list[Event]
    related: list[EntityRef]
    articles: list[ArticleRef]
    articles_total: int
    per_day: list[DayCount]
    entity_names: dict[str, str]


@dataclass
class Spelling:
    text: str
    count: int


@dataclass
class OutletSpellings:
    """How one outlet wrote one entity's name."""

    entity: EntityRef
    forms: list[Spelling]


@dataclass
class OutletPage:
    outlet: OutletRef
    articles: list[ArticleRef]
    stories: list[StoryRef]
    spellings: list[OutletSpellings]
    per_day: list[DayCount]


@dataclass
class Page:
    total: int
    limit: int
    offset: int


@dataclass
class ArticleList(Page):
    articles: list[ArticleRef] = field(default_factory=list)


@dataclass
class StoryList(Page):
    stories: list[StoryRef] = field(default_factory=list)


@dataclass
class EntityList(Page):
    entities: list[EntityRef] = field(default_factory=list)


@dataclass
class QuoteList(Page):
    quotes: list[QuoteView] = field(default_factory=list)


@dataclass
class EventList(Page):
    events: list[Event] = field(default_factory=list)


# -- conversions ---------------------------------------------------------------------------------------------
def article_ref(a: Article) -> ArticleRef:
    return ArticleRef(a.id, a.title, a.outlet, a.published, a.story)


def story_ref(s: Story) -> StoryRef:
    return StoryRef(s.id, s.title, s.first, s.last, s.outlets, len(s.articles))


def _entity_refs(store: Store, counted: list[tuple[str, int]]) -> list[EntityRef]:
    found = {e.id: e for e, _ in store.get_entities([i for i, _ in counted])}
    return [EntityRef(i, found[i].name, found[i].type, n) for i, n in counted if i in found]


def _names(store: Store, ids) -> dict[str, str]:
    return {e.id: e.name for e, _ in store.get_entities([i for i in ids if i])}


def _event_entity_ids(events: list[Event]) -> set[str]:
    return {x for v in events for x in [v.place, *v.participants] if x}


def quote_views(store: Store, quotes: list[Quote]) -> list[QuoteView]:
    articles = {a.id: a for a in store.get_articles(list({q.article for q in quotes}), details=False)}
    names = _names(store, {q.speaker for q in quotes})
    out = []
    for q in quotes:
        a = articles.get(q.article)
        out.append(QuoteView(q.id, q.article, q.kind, q.text, q.start, q.end, q.verb, q.speaker, q.speaker_text,
                             names.get(q.speaker or ""), a.title if a else None, a.outlet if a else None,
                             a.published if a else None))
    return out


def _days(rows: list[tuple[str, int]]) -> list[DayCount]:
    return [DayCount(d, n) for d, n in rows]


# -- pages -----------------------------------------------------------------------------------------------
def counts(store: Store) -> Counts:
    return Counts(store.count("articles"), store.count("stories"), store.count("entities"), store.count("quotes"),
                  store.count("events"), sum(1 for o in store.outlets() if o[0] is not None))


def home_page(store: Store, stories: int = 10, entities: int = 20) -> HomePage:
    """Latest stories, most mentioned entities, outlets, and (for a store without stories yet) the latest
    articles."""
    _, latest = store.list_stories(limit=stories)
    _, top = store.list_entities(limit=entities)
    _, recent = store.search_articles(None, limit=10, with_text=False)
    return HomePage(counts(store), [story_ref(s) for s in latest],
                    [EntityRef(e.id, e.name, e.type, n) for e, n in top],
                    [OutletRef(*o) for o in store.outlets() if o[0] is not None],
                    [article_ref(a) for a, _ in recent])


def article_page(store: Store, article_id: str) -> ArticlePage:
    article = store.get_article(article_id)
    if article is None:
        raise NotFound(f"no article {article_id!r}")
    story = store.get_story(article.story) if article.story else None
    ids = {m.entity for m in article.mentions} | {q.speaker for q in article.quotes}
    ids |= _event_entity_ids(article.events)
    duplicate = None
    if article.duplicate_of:
        found = store.get_articles([article.duplicate_of], details=False)
        duplicate = article_ref(found[0]) if found else None
    return ArticlePage(article, story_ref(story) if story else None, _names(store, ids), duplicate)


def story_page(store: Store, story_id: str, quotes: int = 50) -> StoryPage:
    story = store.get_story(story_id)
    if story is None:
        raise NotFound(f"no story {story_id!r}")
    members = store.get_articles(story.articles, details=False)
    by_id = {a.id: a for a in members}
    groups: dict[str | None, list[ArticleRef]] = defaultdict(list)
    for a in members:
        groups[a.outlet].append(article_ref(a))
    by_outlet = [OutletGroup(o, refs) for o, refs in sorted(groups.items(), key=lambda kv: (-len(kv[1]),
                                                                                            kv[0] or "\uffff"))]
    summary = []
    for s in story.summary:
        a = by_id.get(s.article) or next(iter(store.get_articles([s.article], details=False)), None)
        summary.append(SummaryLink(s.text, s.article, s.start, s.end, a.title if a else None,
                                   a.outlet if a else None))
    timeline = story_timeline(store, story_id)
    counted = store.story_entities(story_id)
    listed = {i for i, _ in counted}
    counted += [(i, 0) for i in story.entities if i not in listed]
    entities = _entity_refs(store, counted)
    _, story_quotes = store.find_quotes(story=story_id, limit=quotes)
    names = {e.id: e.name for e in entities} | _names(store, _event_entity_ids(timeline))
    return StoryPage(story_ref(story), summary, by_outlet, timeline, entities, quote_views(store, story_quotes),
                     _days(store.articles_per_day(story=story_id)), names)


def entity_page(store: Store, entity_id: str, articles: int = 30, quotes: int = 30) -> EntityPage:
    found = store.get_entities([entity_id])
    if not found:
        raise NotFound(f"no entity {entity_id!r}")
    entity, mentions = found[0]
    quotes_total, said = store.find_quotes(speaker=entity_id, limit=quotes)
    timeline = entity_timeline(store, entity_id)
    related = _entity_refs(store, store.cooccurring_entities(entity_id, 12))
    articles_total, rows = store.search_articles(None, entity=entity_id, limit=articles, with_text=False)
    names = {e.id: e.name for e in related} | _names(store, _event_entity_ids(timeline) | {entity_id})
    return EntityPage(entity, mentions, quote_views(store, said), quotes_total, timeline, related,
                      [article_ref(a) for a, _ in rows], articles_total,
                      _days(store.articles_per_day(entity=entity_id)), names)


def outlet_page(store: Store, name: str, articles: int = 30, spellings: int = 100) -> OutletPage:
    """What one outlet covered, and how it spelled the names it wrote (per entity, its forms)."""
    row = next((o for o in store.outlets() if o[0] == name), None)
    if row is None:
        raise NotFound(f"no outlet {name!r}")
    _, rows = store.search_articles(None, outlet=name, limit=articles, with_text=False)
    covered = [s for s in (store.get_story(i) for i, _ in store.outlet_stories(name, 20)) if s]
    forms: dict[str, list[Spelling]] = defaultdict(list)
    for ent, text, n in store.outlet_spellings(name):
        forms[ent].append(Spelling(text, n))
    ranked = sorted(forms, key=lambda e: -sum(s.count for s in forms[e]))[:spellings]
    refs = {r.id: r for r in _entity_refs(store, [(e, sum(s.count for s in forms[e])) for e in ranked])}
    return OutletPage(OutletRef(*row), [article_ref(a) for a, _ in rows], [story_ref(s) for s in covered],
                      [OutletSpellings(refs[e], forms[e]) for e in ranked if e in refs],
                      _days(store.articles_per_day(outlet=name)))


def outlets_list(store: Store) -> list[OutletRef]:
    return [OutletRef(*o) for o in store.outlets()]


def stories_list(store: Store, limit: int = 20, offset: int = 0) -> StoryList:
    total, rows = store.list_stories(limit, offset)
    return StoryList(total, limit, offset, [story_ref(s) for s in rows])


def entities_list(store: Store, type: str | None = None, limit: int = 20, offset: int = 0) -> EntityList:
    total, rows = store.list_entities(type, limit, offset)
    return EntityList(total, limit, offset, [EntityRef(e.id, e.name, e.type, n) for e, n in rows])


def articles_list(store: Store, *, outlet: str | None = None, story: str | None = None,
                  entity: str | None = None, limit: int = 20, offset: int = 0) -> ArticleList:
    total, rows = store.search_articles(None, outlet=outlet, story=story, entity=entity, limit=limit,
                                        offset=offset, with_text=False)
    return ArticleList(total, limit, offset, [article_ref(a) for a, _ in rows])


def quotes_list(store: Store, *, speaker: str | None = None, story: str | None = None,
                article: str | None = None, limit: int = 20, offset: int = 0) -> QuoteList:
    total, rows = store.find_quotes(speaker=speaker, story=story,
                                    article_ids=[article] if article is not None else None,
                                    limit=limit, offset=offset)
    return QuoteList(total, limit, offset, quote_views(store, rows))


def events_list(store: Store, *, entity: str | None = None, story: str | None = None, type: str | None = None,
                date_from: str | None = None, date_to: str | None = None, limit: int = 20,
                offset: int = 0) -> EventList:
    total, rows = store.find_events(entity=entity, story=story, type=type, date_from=date_from,
                                    date_to=date_to, limit=limit, offset=offset)
    return EventList(total, limit, offset, rows)
