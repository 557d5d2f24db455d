"""The HTTP API and the Arabic web UI over a store.

Thin on purpose: each route parses its parameters, calls one function of `marsad.queries` or `marsad.search`
and returns the record (JSON, under /api/) or renders it (HTML). Every HTML page has a JSON twin with the same
view data, linked from the page. Errors have one shape, made in one place (`error_response`): JSON
{"error": {"status": ..., "message": ...}} under /api/, the same message as an Arabic page elsewhere, and never
a traceback.

The store is opened read-only by default, and every route runs on the event loop's one thread, so the one
SQLite connection is never used by two requests at once (a local tool: simplicity over parallel reads).
"""
from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import quote

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import MarsadError, __version__, queries
from ..export import export_store
from ..queries import (ArticleList, ArticlePage, EntityList, EntityPage, EventList, HomePage, NotFound, OutletPage,
                       OutletRef, QuoteList, StoryList, StoryPage)
from ..records import Event
from ..search import (MAX_LIMIT, MAX_OFFSET, MAX_QUERY_CHARS, SearchError, SearchFilters, SearchResult,
                      matching_article_ids, search)
from ..store import Store, StoreError
from .chart import day_chart
from .spans import Highlight, nest_highlights

HERE = Path(__file__).parent
log = logging.getLogger("marsad.web")

EXPORT_CAP = 1000          # articles in the export of a search: an export is a file, not a crawl
ENTITY_TYPES = {"PER": "شخص", "ORG": "منظمة", "LOC": "مكان", "MISC": "أخرى"}
EVENT_TYPES = {"meeting": "لقاء", "visit": "زيارة", "call": "اتصال", "statement": "تصريح", "agreement": "اتفاق",
               "milestone": "محطة", "other": "حدث"}
QUOTE_KINDS = {"direct": "اقتباس مباشر", "reported": "قول منقول"}
STATUS_TITLES = {404: "غير موجود", 422: "طلب غير صالح", 400: "طلب غير صالح", 500: "خطأ في الخادم",
                 503: "المخزن غير متاح"}
_MARK = re.compile(r"^(\d{1,9})-(\d{1,9})$")
_WEB_LINK = re.compile(r"^https?://", re.IGNORECASE)


@dataclass
class ErrorDetail:
    status: int
    message: str


@dataclass
class ErrorBody:
    error: ErrorDetail


ERRORS = {404: {"model": ErrorBody, "description": "Unknown id"},
          422: {"model": ErrorBody, "description": "Bad parameter"}}

Limit = Annotated[int, Query(ge=1, le=queries.MAX_PAGE, description=f"Rows per page, at most {queries.MAX_PAGE}.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")]
DateParam = Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$",
                                        description="YYYY, YYYY-MM or YYYY-MM-DD (published date).")]
QueryText = Annotated[str, Query(max_length=MAX_QUERY_CHARS,
                                 description='Words (all must match) and "quoted phrases".')]


def error_response(request: Request, status: int, message: str) -> Response:
    """The one place an error becomes a response: JSON for the API, an HTML page for a person."""
    if request.url.path.startswith("/api/") or "text/html" not in request.headers.get("accept", ""):
        return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)
    templates: Environment = request.app.state.templates
    html = templates.get_template("error.html").render(status=status, message=message,
                                                       title=STATUS_TITLES.get(status, "خطأ"), json_url=None)
    return HTMLResponse(html, status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:3]:
        where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path"))
        parts.append(f"{where}: {err.get('msg', 'invalid')}" if where else str(err.get("msg", "invalid")))
    return "; ".join(parts) or "invalid request"


def _install_error_handlers(app: FastAPI) -> None:
    async def on_http(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no page at {request.url.path}"
        return error_response(request, exc.status_code, message)

    async def on_validation(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 422, _validation_message(exc))

    async def on_marsad(request: Request, exc: MarsadError) -> Response:
        if isinstance(exc, NotFound):
            return error_response(request, 404, str(exc))
        if isinstance(exc, SearchError):
            return error_response(request, 422, str(exc))
        if isinstance(exc, StoreError):
            return error_response(request, 503, str(exc))
        return error_response(request, 400, str(exc))

    async def on_crash(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s", request.url.path)
        return error_response(request, 500, "internal error")

    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(MarsadError, on_marsad)
    app.add_exception_handler(Exception, on_crash)


def when(value: str | None) -> Markup | str:
    """An ISO date prefix as a left-to-right <time> element: inside Arabic text an unisolated 2021-07-01
    is reordered by the bidi algorithm into nonsense. Markup.format escapes the value."""
    if not value:
        return ""
    return Markup('<time datetime="{0}" dir="ltr">{1}</time>').format(value, value.replace("T", " "))


def _templates() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True)
    env.globals.update(entity_types=ENTITY_TYPES, event_types=EVENT_TYPES, quote_kinds=QUOTE_KINDS,
                       version=__version__)
    env.filters["when"] = when
    env.tests["highlight"] = lambda piece: isinstance(piece, Highlight)
    # only http(s) links are rendered as links: a stored "javascript:" URL must stay inert text
    env.tests["web_link"] = lambda url: isinstance(url, str) and bool(_WEB_LINK.match(url))
    return env


def create_app(store_path: str | Path, readonly: bool = True) -> FastAPI:
    """The FastAPI application over the store at `store_path` (opened read-only unless asked)."""
    store = Store(store_path, readonly=readonly)
    app = FastAPI(title="marsad API", version=__version__,
                  description="Arabic news as articles, stories, entities, quotes and events (marsad.export/1).")
    app.state.store = store         # left open for the app's life: a test client may start and stop it often
    app.state.templates = _templates()
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _install_error_handlers(app)
    _api_routes(app, store)
    _html_routes(app, store)
    return app


def _filters(outlet, date_from, date_to, entity, story) -> SearchFilters:
    return SearchFilters(outlet=outlet, date_from=date_from, date_to=date_to, entity=entity, story=story)


def _export(store: Store, article_ids: list[str]) -> Response:
    buf = io.StringIO()
    export_store(store, buf, "json", article_ids=article_ids)
    return Response(buf.getvalue(), media_type="application/json")


EXPORT_DOC = {200: {"description": "The marsad.export/1 JSON document",
                    "content": {"application/json": {"schema": {"type": "object"}}}}, **ERRORS}


def _api_routes(app: FastAPI, store: Store) -> None:
    @app.get("/api/home", response_model=HomePage, responses=ERRORS, tags=["pages"])
    async def api_home() -> HomePage:
        """Counts, latest stories, most mentioned entities, outlets: the home page's data."""
        return queries.home_page(store)

    @app.get("/api/search", response_model=SearchResult, responses=ERRORS, tags=["search"])
    async def api_search(q: QueryText = "", outlet: str | None = None, date_from: DateParam = None,
                         date_to: DateParam = None, entity: str | None = None, story: str | None = None,
                         sort: Literal["relevance", "date"] = "relevance",
                         limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20, offset: Offset = 0) -> SearchResult:
        """Articles matching every word and phrase, with highlighted snippets (offsets into the article text)."""
        return search(store, q, _filters(outlet, date_from, date_to, entity, story), sort=sort, limit=limit,
                      offset=offset)

    @app.get("/api/export", responses=EXPORT_DOC, tags=["export"], response_class=Response)
    async def api_export(q: QueryText = "", outlet: str | None = None, date_from: DateParam = None,
                         date_to: DateParam = None, entity: str | None = None, story: str | None = None) -> Response:
        """The marsad.export/1 JSON of the best matches of a search (at most 1000 articles), or of a story."""
        if story is not None and store.get_story(story) is None:
            raise NotFound(f"no story {story!r}")
        ids = matching_article_ids(store, q, _filters(outlet, date_from, date_to, entity, story), EXPORT_CAP)
        return _export(store, ids)

    @app.get("/api/articles", response_model=ArticleList, responses=ERRORS, tags=["articles"])
    async def api_articles(outlet: str | None = None, story: str | None = None, entity: str | None = None,
                           limit: Limit = 20, offset: Offset = 0) -> ArticleList:
        """Articles, newest first, by outlet, story or entity."""
        return queries.articles_list(store, outlet=outlet, story=story, entity=entity, limit=limit, offset=offset)

    @app.get("/api/articles/{article_id}", response_model=ArticlePage, responses=ERRORS, tags=["articles"])
    async def api_article(article_id: str) -> ArticlePage:
        """One article with its mentions, quotes, dates and events (offsets into its text)."""
        return queries.article_page(store, article_id)

    @app.get("/api/stories", response_model=StoryList, responses=ERRORS, tags=["stories"])
    async def api_stories(limit: Limit = 20, offset: Offset = 0) -> StoryList:
        """Stories, latest first."""
        return queries.stories_list(store, limit, offset)

    @app.get("/api/stories/{story_id}", response_model=StoryPage, responses=ERRORS, tags=["stories"])
    async def api_story(story_id: str) -> StoryPage:
        """A story: summary with sources, articles by outlet, timeline, entities, quotes, articles per day."""
        return queries.story_page(store, story_id)

    @app.get("/api/stories/{story_id}/timeline", response_model=list[Event], responses=ERRORS, tags=["stories"])
    async def api_story_timeline(story_id: str) -> list[Event]:
        if store.get_story(story_id) is None:
            raise NotFound(f"no story {story_id!r}")
        return queries.story_timeline(store, story_id)

    @app.get("/api/stories/{story_id}/export", responses=EXPORT_DOC, tags=["export"], response_class=Response)
    async def api_story_export(story_id: str) -> Response:
        """The marsad.export/1 JSON of one story's articles."""
        story = store.get_story(story_id)
        if story is None:
            raise NotFound(f"no story {story_id!r}")
        return _export(store, story.articles)

    @app.get("/api/entities", response_model=EntityList, responses=ERRORS, tags=["entities"])
    async def api_entities(type: Literal["PER", "ORG", "LOC", "MISC"] | None = None, limit: Limit = 20,
                           offset: Offset = 0) -> EntityList:
        """Entities, most mentioned first."""
        return queries.entities_list(store, type, limit, offset)

    @app.get("/api/entities/{entity_id}", response_model=EntityPage, responses=ERRORS, tags=["entities"])
    async def api_entity(entity_id: str) -> EntityPage:
        """An entity: aliases, titles, quotes, timeline, related entities, articles, articles per day."""
        return queries.entity_page(store, entity_id)

    @app.get("/api/entities/{entity_id}/timeline", response_model=list[Event], responses=ERRORS,
             tags=["entities"])
    async def api_entity_timeline(entity_id: str) -> list[Event]:
        if store.get_entity(entity_id) is None:
            raise NotFound(f"no entity {entity_id!r}")
        return queries.entity_timeline(store, entity_id)

    @app.get("/api/quotes", response_model=QuoteList, responses=ERRORS, tags=["quotes"])
    async def api_quotes(speaker: str | None = None, story: str | None = None, article: str | None = None,
                         limit: Limit = 20, offset: Offset = 0) -> QuoteList:
        """Quotes by speaker entity, story or article."""
        return queries.quotes_list(store, speaker=speaker, story=story, article=article, limit=limit,
                                   offset=offset)

    @app.get("/api/events", response_model=EventList, responses=ERRORS, tags=["events"])
    async def api_events(entity: str | None = None, story: str | None = None, type: str | None = None,
                         date_from: DateParam = None, date_to: DateParam = None, limit: Limit = 20,
                         offset: Offset = 0) -> EventList:
        """Events by entity, story, type and date, oldest first."""
        return queries.events_list(store, entity=entity, story=story, type=type, date_from=date_from,
                                   date_to=date_to, limit=limit, offset=offset)

    @app.get("/api/outlets", response_model=list[OutletRef], responses=ERRORS, tags=["outlets"])
    async def api_outlets() -> list[OutletRef]:
        """Outlets with their article counts and date range."""
        return queries.outlets_list(store)

    @app.get("/api/outlets/{name}", response_model=OutletPage, responses=ERRORS, tags=["outlets"])
    async def api_outlet(name: str) -> OutletPage:
        """What one outlet covered, and how it spelled each entity's name."""
        return queries.outlet_page(store, name)


def _article_highlights(page: ArticlePage, mark: tuple[int, int] | None) -> list:
    """Quotes first, then the linked summary sentence, then mentions: the order in which they win a clash."""
    a = page.article
    spans = [Highlight("quote", q.start, q.end, q) for q in a.quotes]
    if mark:
        spans.append(Highlight("mark", mark[0], mark[1]))
    spans += [Highlight("mention", m.start, m.end, m) for m in a.mentions]
    return nest_highlights(a.text, spans)


def _html_routes(app: FastAPI, store: Store) -> None:
    templates: Environment = app.state.templates

    def render(name: str, **context) -> HTMLResponse:
        return HTMLResponse(templates.get_template(name).render(**context))

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def home() -> HTMLResponse:
        return render("home.html", page=queries.home_page(store), json_url="/api/home")

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    async def search_page(request: Request, q: QueryText = "", outlet: str | None = None,
                          date_from: DateParam = None, date_to: DateParam = None, entity: str | None = None,
                          story: str | None = None, sort: Literal["relevance", "date"] = "relevance",
                          limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20, offset: Offset = 0) -> HTMLResponse:
        outlet = outlet or None
        filters = _filters(outlet, date_from or None, date_to or None, entity or None, story or None)
        asked = bool(q.strip()) or any(vars(filters).values())
        result = search(store, q, filters, sort=sort, limit=limit, offset=offset) if asked else None
        query = str(request.url.query)
        return render("search.html", result=result, q=q, filters=filters, sort=sort,
                      outlets=[o.name for o in queries.outlets_list(store) if o.name],
                      json_url="/api/search" + (f"?{query}" if query else ""),
                      export_url="/api/export" + (f"?{query}" if query else ""),
                      base_query={k: v for k, v in request.query_params.items() if k != "offset"})

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    async def article(article_id: str, mark: str | None = None) -> HTMLResponse:
        page = queries.article_page(store, article_id)
        found = _MARK.match(mark or "")
        span = (int(found[1]), int(found[2])) if found else None
        return render("article.html", page=page, pieces=_article_highlights(page, span),
                      json_url=f"/api/articles/{quote(article_id, safe='')}")

    @app.get("/stories", response_class=HTMLResponse, include_in_schema=False)
    async def stories(limit: Limit = 30, offset: Offset = 0) -> HTMLResponse:
        return render("stories.html", page=queries.stories_list(store, limit, offset),
                      json_url=f"/api/stories?limit={limit}&offset={offset}")

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    async def story(story_id: str) -> HTMLResponse:
        page = queries.story_page(store, story_id)
        return render("story.html", page=page, chart=day_chart(page.per_day), json_url=f"/api/stories/{quote(story_id, safe='')}")

    @app.get("/entities", response_class=HTMLResponse, include_in_schema=False)
    async def entities(type: Literal["PER", "ORG", "LOC", "MISC"] | None = None, limit: Limit = 50,
                       offset: Offset = 0) -> HTMLResponse:
        return render("entities.html", page=queries.entities_list(store, type, limit, offset), type=type,
                      json_url=f"/api/entities?limit={limit}&offset={offset}" + (f"&type={type}" if type else ""))

    @app.get("/entities/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    async def entity(entity_id: str) -> HTMLResponse:
        page = queries.entity_page(store, entity_id)
        return render("entity.html", page=page, chart=day_chart(page.per_day),
                      json_url=f"/api/entities/{quote(entity_id, safe='')}")

    @app.get("/outlets", response_class=HTMLResponse, include_in_schema=False)
    async def outlets() -> HTMLResponse:
        return render("outlets.html", outlets=queries.outlets_list(store), json_url="/api/outlets")

    @app.get("/outlets/{name}", response_class=HTMLResponse, include_in_schema=False)
    async def outlet(name: str) -> HTMLResponse:
        page = queries.outlet_page(store, name)
        return render("outlet.html", page=page, chart=day_chart(page.per_day), json_url=f"/api/outlets/{quote(name, safe='')}")
