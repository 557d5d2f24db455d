"""Keeping a store current from RSS/Atom feeds: poll, fetch each new article page once, analyse.

A round polls every feed with a conditional request (the ETag and Last-Modified the feed sent last time), so a
feed that has not changed costs one 304 and nothing else. Each item link not seen before is fetched once, as
a polite crawler would: an honest User-Agent, robots.txt obeyed, a delay between two requests to one host,
timeouts, a size cap and a redirect cap. The pages go through `pipeline.analyze_items` like any other
document, so new articles join the existing stories and entities. What was polled and fetched is recorded
in the store after the round's articles are committed: a round killed half-way is simply done again (its
articles are skipped by content id), never half-remembered.

A feed that is dead, slow, redirects in a loop, or sends HTML or broken XML gets a one-line reason (printed
and kept in the store's feed state) and the other feeds go on. Everything here raises only `WatchError`.
"""
from __future__ import annotations

import io
import re
import time
import urllib.robotparser
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from itertools import chain, zip_longest
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import feedparser
import httpx

from . import MarsadError, ingest
from .records import Document, Rejected, content_id
from .settings import setting
from .store import Store

MAX_ATTEMPTS = 3            # a page that keeps failing (timeouts, 5xx) is given up after this many rounds
MAX_CRAWL_DELAY = 30.0      # a robots.txt Crawl-delay above this is read as this (some say 3600 by mistake)
ROBOTS_MAX_BYTES = 500_000  # robots.txt beyond this is cut, as the big crawlers do
SLOW_RESPONSE_SECONDS = 120.0   # a response still trickling in after this long is dropped (the read timeout
                                # alone is per chunk, so a server sending a byte a second would never stop)
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
TRANSIENT_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})    # worth another try next round


class WatchError(MarsadError):
    """A feed list, interval or request that cannot be used; the message is a one-line reason."""


class FetchError(WatchError):
    """A request that gave no usable response. `transient` failures (timeouts, refused connections) are
    retried in a later round; permanent ones (a redirect loop, an oversized page) are not."""

    def __init__(self, reason: str, transient: bool = False):
        super().__init__(reason)
        self.transient = transient


@dataclass(frozen=True)
class WatchOptions:
    """How politely and patiently to fetch; defaults are the declared settings (marsad/settings.py)."""

    user_agent: str = setting("user_agent").default
    host_delay: float = setting("host_delay").default
    connect_timeout: float = setting("connect_timeout").default
    read_timeout: float = setting("read_timeout").default
    max_bytes: int = int(setting("max_page_mb").default * 1_000_000)
    max_redirects: int = setting("max_redirects").default


@dataclass
class Response:
    """A final (non-redirect) HTTP response, read whole."""

    url: str                    # after redirects
    status: int
    headers: httpx.Headers
    data: bytes


@dataclass
class FeedItem:
    """One feed entry: its link (absolute, without fragment) or None, and what the feed says about it.
    `key` identifies it across rounds: the link, or for a link-less item the feed URL and a content hash."""

    key: str
    feed: str
    link: str | None
    content: str                # content:encoded / Atom content, the full text when the feed carries it
    summary: str                # description / summary, often a teaser
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    author: str | None = None


@dataclass
class FeedPoll:
    """How one feed's poll went: status "ok", "not modified" or "failed" (with a one-line reason)."""

    url: str
    status: str
    reason: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    items: list[FeedItem] = field(default_factory=list)


@dataclass
class RoundSummary:
    """What one round did, for the one-line report and for tests."""

    feeds: int = 0
    not_modified: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)     # (feed url, reason)
    new_items: int = 0
    pages_fetched: int = 0
    stored: int = 0
    already: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    requests: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        return (f"{self.feeds} feeds polled ({self.not_modified} not modified, {len(self.failed)} failed), "
                f"{self.new_items} new items, {self.pages_fetched} pages fetched, {self.stored} articles stored, "
                f"{len(self.rejected)} rejected, {self.requests} requests, {self.seconds:.1f} s")


def _one_line(text: object, limit: int = 200) -> str:
    text = " ".join(str(text).split()) or "unknown error"
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# --- the polite client ---------------------------------------------------------------------------------------

class Fetcher:
    """One HTTP client that behaves: waits between requests to a host, obeys robots.txt (read once per host
    per round, see `new_round`), follows a bounded number of redirects and reads no more than the size cap.
    It counts the requests it makes."""

    def __init__(self, client: httpx.Client, options: WatchOptions, *,
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic):
        self.client = client
        self.options = options
        self.requests = 0
        self._sleep = sleep
        self._clock = clock
        self._last_request: dict[str, float] = {}
        self._crawl_delay: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}
        self._timeout = httpx.Timeout(options.read_timeout, connect=options.connect_timeout)

    def new_round(self) -> None:
        """Forget robots.txt: a site's rules are read afresh once per round."""
        self._robots.clear()
        self._crawl_delay.clear()

    def _wait_for(self, host: str) -> None:
        delay = max(self.options.host_delay, self._crawl_delay.get(host, 0.0))
        last = self._last_request.get(host)
        if last is not None and delay > 0:
            wait = last + delay - self._clock()
            if wait > 0:
                self._sleep(wait)

    def get(self, url: str, headers: dict[str, str] | None = None, max_bytes: int | None = None) -> Response:
        """GET `url`, following redirects by hand so each hop waits its turn for its host and a loop is named
        as such (a URL coming back, unless the server set a cookie on the way: some sites bounce once through
        a cookie check). Raises FetchError with a one-line reason."""
        max_bytes = self.options.max_bytes if max_bytes is None else max_bytes
        visited: set[str] = set()
        current = url
        for _ in range(self.options.max_redirects + 1):
            parts = urlsplit(current)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                raise FetchError(f"not an http(s) URL: {_one_line(current, 120)}")
            self._wait_for(parts.netloc)
            try:
                self.requests += 1
                response = self._get_once(current, headers or {}, max_bytes)
            finally:
                self._last_request[parts.netloc] = self._clock()
            if response.status not in REDIRECT_STATUSES or "location" not in response.headers:
                return response
            visited.add(current)
            target = urldefrag(urljoin(current, response.headers["location"].strip()))[0]
            if target in visited and "set-cookie" not in response.headers:
                raise FetchError(f"redirect loop ({_one_line(target, 120)} again)")
            current = target
        raise FetchError(f"too many redirects (more than {self.options.max_redirects})")

    def _get_once(self, url: str, headers: dict[str, str], max_bytes: int) -> Response:
        started = self._clock()
        headers = {"User-Agent": self.options.user_agent, **headers}    # whatever client the caller gave us
        try:
            with self.client.stream("GET", url, headers=headers, timeout=self._timeout,
                                    follow_redirects=False) as reply:
                size = reply.headers.get("content-length", "")
                if size.isdigit() and int(size) > max_bytes:
                    raise FetchError(f"over size limit ({int(size)} bytes, limit {max_bytes})")
                chunks, total = [], 0
                for chunk in reply.iter_bytes():
                    total += len(chunk)
                    if total > max_bytes:
                        raise FetchError(f"over size limit (more than {max_bytes} bytes)")
                    if self._clock() - started > SLOW_RESPONSE_SECONDS:
                        raise FetchError(f"too slow (still arriving after {SLOW_RESPONSE_SECONDS:g} s)", True)
                    chunks.append(chunk)
                return Response(str(reply.url), reply.status_code, reply.headers, b"".join(chunks))
        except httpx.TimeoutException as exc:
            what = {httpx.ConnectTimeout: "connect", httpx.ReadTimeout: "read"}.get(type(exc), "request")
            raise FetchError(f"timed out ({what})", transient=True) from None
        except httpx.TransportError as exc:         # refused, reset, DNS, TLS, malformed HTTP
            raise FetchError(f"connection failed: {_one_line(exc) if str(exc) else type(exc).__name__}",
                             transient=True) from None
        except httpx.HTTPError as exc:              # content decoding (a broken gzip body) and the like
            raise FetchError(f"bad response: {_one_line(exc) if str(exc) else type(exc).__name__}") from None
        except (httpx.InvalidURL, ValueError, UnicodeError) as exc:
            raise FetchError(f"bad URL: {_one_line(exc)}") from None

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets us fetch `url`. Read once per host per round: a robots.txt that cannot be
        fetched or answers 4xx allows everything (the usual reading: no rules published); a 5xx disallows
        everything for this round (the site is in trouble, and its rules unknown)."""
        origin = _origin(url)
        rules = self._robots.get(origin)
        if rules is None:
            rules = self._read_robots(origin)
            self._robots[origin] = rules
        return rules.can_fetch(self.options.user_agent, url)

    def _read_robots(self, origin: str) -> urllib.robotparser.RobotFileParser:
        rules = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        try:
            response = self.get(origin + "/robots.txt", max_bytes=ROBOTS_MAX_BYTES)
        except FetchError:
            rules.allow_all = True
            return rules
        if 200 <= response.status < 300:
            rules.parse(response.data.decode("utf-8-sig", errors="replace").splitlines())
            delay = rules.crawl_delay(self.options.user_agent)
            if delay:
                self._crawl_delay[urlsplit(origin).netloc] = min(float(delay), MAX_CRAWL_DELAY)
        elif 500 <= response.status < 600:
            rules.disallow_all = True
        else:
            rules.allow_all = True
        return rules


def make_client(options: WatchOptions) -> httpx.Client:
    """The HTTP client a watch uses: our User-Agent, the timeouts, redirects left to `Fetcher.get`."""
    timeout = httpx.Timeout(options.read_timeout, connect=options.connect_timeout)
    return httpx.Client(headers={"User-Agent": options.user_agent}, timeout=timeout, follow_redirects=False)


def _reason_phrase(status: int) -> str:
    return f"HTTP {status} {httpx.codes.get_reason_phrase(status)}".rstrip()


# --- feeds ---------------------------------------------------------------------------------------------------

FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"


def poll_feed(fetcher: Fetcher, url: str, validators: tuple[str | None, str | None] | None = None) -> FeedPoll:
    """Fetch and parse one feed, conditionally when we hold its validators. Never raises: a failure is a
    FeedPoll with status "failed" and a one-line reason, and keeps the old validators."""
    etag, modified = validators or (None, None)
    headers = {"Accept": FEED_ACCEPT}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    try:
        response = fetcher.get(url, headers)
    except FetchError as exc:
        return FeedPoll(url, "failed", str(exc), etag, modified)
    if response.status == 304:
        return FeedPoll(url, "not modified", None, response.headers.get("etag") or etag,
                        response.headers.get("last-modified") or modified)
    if not 200 <= response.status < 300:
        return FeedPoll(url, "failed", _reason_phrase(response.status), etag, modified)
    # A stream, never bytes: feedparser first tries bytes as a file name, so a feed whose body is a path
    # ("/etc/passwd") would make it read a local file.
    parsed = feedparser.parse(io.BytesIO(response.data), response_headers={
        "content-type": response.headers.get("content-type", "application/xml"),
        "content-location": response.url})
    poll = FeedPoll(url, "ok", None, response.headers.get("etag"), response.headers.get("last-modified"),
                    feed_items(url, parsed, response.url))
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if not parsed.entries:
        if ingest.sniff_kind("", response.data) == "html":
            poll.status, poll.reason = "failed", "not a feed: the server sent an HTML page"
        elif problem is not None or not response.data.strip():
            poll.status = "failed"
            poll.reason = f"not a readable feed: {_one_line(problem or 'empty response')}"
        else:
            poll.reason = "feed has no items"
    elif problem is not None:
        poll.reason = f"feed warning: {_one_line(problem)}"   # read anyway: items before a fault still count
    if poll.status == "failed":
        poll.etag, poll.last_modified = etag, modified
    return poll


def _item_link(entry: dict, base: str) -> str | None:
    """The entry's page, absolute and without fragment; None unless it is an http(s) URL."""
    link = (entry.get("link") or "").strip()
    if not link:
        return None
    link = urldefrag(urljoin(base, link))[0]
    parts = urlsplit(link)
    return link if parts.scheme in ("http", "https") and parts.netloc else None


def feed_items(feed_url: str, parsed: feedparser.FeedParserDict, base: str | None = None) -> list[FeedItem]:
    """The items of a parsed feed. A link-less item is known by the feed URL and a hash of its guid (or, with
    no guid, of its title and text), so it is analysed once however often the feed repeats it."""
    feed_title = (parsed.feed.get("title") or "").strip() or None
    items = []
    for entry in parsed.entries:
        link = _item_link(entry, base or feed_url)
        content = max((part.get("value") or "" for part in entry.get("content") or []), key=len, default="")
        summary = entry.get("summary") or ""
        title = (entry.get("title") or "").strip() or None
        key = link or f"{feed_url}#" + content_id("item", entry.get("id") or "", "" if entry.get("id") else
                                                  f"{title}\x1f{content}\x1f{summary}")
        origin = entry.get("source") or {}
        items.append(FeedItem(
            key=key, feed=feed_url, link=link, content=content, summary=summary, title=title,
            published=ingest.feed_date(entry),         # the same reading of feed dates as a feed file gets
            outlet=(origin.get("title") or "").strip() or feed_title,
            author=(entry.get("author") or "").strip() or None))
    return items


# --- pages ---------------------------------------------------------------------------------------------------

@dataclass
class ItemOutcome:
    """What became of one item this round, as recorded in the store's feed_items."""

    status: str                 # fetched, from feed, robots, failed
    reason: str | None
    attempts: int
    done: bool                  # False: try again next round


def _feed_document(item: FeedItem, source: str, text: str) -> Document:
    return Document(source=source, kind="html", text=text, url=item.link, title_hint=item.title,
                    published_hint=item.published, outlet_hint=item.outlet, author_hint=item.author)


def _without_page(item: FeedItem, reason: str) -> Document | Rejected:
    """An item whose page we cannot have: its full text from the feed when the feed carries it (a teaser
    summary is not an article), else a Rejected with the reason."""
    if item.content.strip():
        return _feed_document(item, item.link or item.key, item.content)
    return Rejected(item.link or item.key, reason)


def fetch_item(fetcher: Fetcher, item: FeedItem, attempt: int = 1) -> tuple[Document | Rejected, ItemOutcome]:
    """One item as a document for the pipeline: its page (fetched once, if robots.txt allows), or its text
    from the feed when it has no link, or a Rejected with a one-line reason."""
    if item.link is None:
        text = item.content if item.content.strip() else item.summary
        if not text.strip():
            return (Rejected(item.key, "feed item has neither a link nor content"),
                    ItemOutcome("failed", "no link, no content", attempt, True))
        return _feed_document(item, item.key, text), ItemOutcome("from feed", None, attempt, True)
    if not fetcher.allowed(item.link):
        reason = "disallowed by robots.txt"
        return _without_page(item, reason), ItemOutcome("robots", reason, attempt, True)
    try:
        response = fetcher.get(item.link, {"Accept": PAGE_ACCEPT})
    except FetchError as exc:
        done = not exc.transient or attempt >= MAX_ATTEMPTS
        doc = _without_page(item, str(exc)) if done else Rejected(item.link, str(exc))
        return doc, ItemOutcome("failed", str(exc), attempt, done)
    if not 200 <= response.status < 300:
        reason = _reason_phrase(response.status)
        done = response.status not in TRANSIENT_STATUSES or attempt >= MAX_ATTEMPTS
        doc = _without_page(item, reason) if done else Rejected(item.link, reason)
        return doc, ItemOutcome("failed", reason, attempt, done)
    outcome = ItemOutcome("fetched", None, attempt, True)
    kind = ingest.sniff_kind("", response.data)
    if kind not in ("html", "text"):
        reason = f"not an article page ({kind})"
        outcome.reason = reason
        return Rejected(item.link, reason, len(response.data)), outcome
    try:        # the HTTP charset is a hint decode_bytes weighs with <meta> and what reads as Arabic
        _, encoding = ingest.decode_bytes(response.data, response.headers.get("content-type"))
    except ingest.DecodeError as exc:
        outcome.reason = f"undecodable: {exc}"
        return Rejected(item.link, outcome.reason, len(response.data)), outcome
    return Document(source=item.link, kind=kind, data=response.data, url=response.url, title_hint=item.title,
                    published_hint=item.published, outlet_hint=item.outlet, author_hint=item.author,
                    encoding=encoding), outcome


def _by_host_in_turn(urls: Iterable[str]) -> list[str]:
    """URLs reordered so hosts take turns (a, b, c, a, b, c, ...): the per-host delay of one host passes
    while the others are fetched, instead of being slept through."""
    by_host: dict[str, list[str]] = defaultdict(list)
    for url in urls:
        by_host[urlsplit(url).netloc].append(url)
    return [url for turn in zip_longest(*by_host.values()) for url in turn if url is not None]


# --- rounds --------------------------------------------------------------------------------------------------

def _analyze_with_pipeline(items: Iterable[Document | Rejected], store: Store, workers: int = 1):
    """pipeline.analyze_items, imported only when a round has something to analyse (the pipeline pulls in
    every NLP stage; a round of 304s needs none of them)."""
    from .pipeline import analyze_items
    return analyze_items(items, store, workers=workers)


def poll_once(store: Store, feed_urls: Iterable[str], *, client: httpx.Client | None = None,
              options: WatchOptions | None = None, workers: int = 1, analyze: Callable | None = None,
              fetcher: Fetcher | None = None) -> RoundSummary:
    """One round: poll every feed, fetch the new items' pages, analyse them into STORE, record the feeds'
    state and the items seen.

    `analyze(items, store, workers=N)` defaults to `pipeline.analyze_items` and must return an object with
    `stored`, `already` and `rejected` (a pipeline.Summary). Pages are fetched lazily as it consumes the
    documents, so with several workers fetching overlaps with analysis. The round's bookkeeping is written
    after analysis returns, so if it raises nothing is remembered and the next round does the work again."""
    started = time.perf_counter()
    options = options or WatchOptions()
    own_client = client is None and fetcher is None
    if fetcher is None:
        fetcher = Fetcher(client or make_client(options), options)
    analyze = analyze or _analyze_with_pipeline
    requests_before = fetcher.requests
    summary = RoundSummary()
    try:
        fetcher.new_round()
        urls = list(dict.fromkeys(u.strip() for u in feed_urls if u and u.strip()))
        validators = store.feed_validators(urls)
        polls = [poll_feed(fetcher, url, validators.get(url)) for url in _by_host_in_turn(urls)]
        summary.feeds = len(polls)
        summary.not_modified = sum(p.status == "not modified" for p in polls)
        summary.failed = [(p.url, p.reason or "failed") for p in polls if p.status == "failed"]
        items: dict[str, FeedItem] = {}
        for poll in polls:
            for item in poll.items:
                items.setdefault(item.key, item)
        seen = store.feed_items_seen(items)
        new = {key: item for key, item in items.items() if not seen.get(key, (False, 0))[0]}
        summary.new_items = len(new)
        outcomes: dict[str, ItemOutcome] = {}

        def documents() -> Iterator[Document | Rejected]:
            link_order = _by_host_in_turn(item.link for item in new.values() if item.link)
            linkless = [key for key, item in new.items() if item.link is None]
            for key in chain(linkless, link_order):
                item = new[key]
                doc, outcome = fetch_item(fetcher, item, seen.get(key, (False, 0))[1] + 1)
                outcomes[key] = outcome
                summary.pages_fetched += outcome.status == "fetched"
                yield doc

        if new or store.get_state("corpus_done") is False:     # False: an earlier round stopped mid-corpus
            result = analyze(documents(), store, workers=workers)
            summary.stored, summary.already = result.stored, result.already
            summary.rejected = list(result.rejected)
        polled = _now()
        store.save_feed_round(
            [(p.url, p.etag, p.last_modified, polled, p.status, p.reason) for p in polls],
            [(key, new[key].feed, new[key].link, o.status, o.reason, o.attempts, polled, o.done)
             for key, o in outcomes.items()])
    finally:
        summary.requests = fetcher.requests - requests_before
        if own_client:
            fetcher.client.close()
    summary.seconds = time.perf_counter() - started
    return summary


_INTERVAL_PART = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)", re.IGNORECASE)
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """Seconds in "30s", "10m", "1h", "1h30m" or "90" (plain seconds). Raises WatchError."""
    text = (text or "").strip()
    total, at = 0.0, 0
    while at < len(text):
        match = _INTERVAL_PART.match(text, at)
        if not match or match.end() == at:
            raise WatchError(f"not an interval: {text!r} (try 30s, 10m, 1h)")
        total += float(match.group(1)) * _UNIT_SECONDS[match.group(2).lower()]
        at = match.end()
        while at < len(text) and text[at].isspace():
            at += 1
    if not text or total <= 0:
        raise WatchError(f"not an interval: {text!r} (try 30s, 10m, 1h)")
    return total


def read_feed_list(path: str | Path) -> list[str]:
    """Feed URLs from a text file: one a line; blank lines and # comments ignored, and anything after the
    URL on its line (a note). Duplicates are dropped, order kept. Raises WatchError."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise WatchError(f"cannot read feed list {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise WatchError(f"feed list {path} is not UTF-8 text") from None
    urls = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            urls.append(line.split()[0])
    return list(dict.fromkeys(urls))


def watch(store: Store, feeds_file: str | Path, *, every: float, rounds: int | None = None,
          on_round: Callable[[RoundSummary], None] | None = None,
          on_error: Callable[[MarsadError], None] | None = None, options: WatchOptions | None = None,
          client: httpx.Client | None = None, workers: int = 1, analyze: Callable | None = None,
          sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic) -> None:
    """Poll every `every` seconds (from the start of one round to the next; a round that overruns starts the
    next at once), `rounds` times or until interrupted. The feed list is read again each round, so feeds can
    be added without a restart. With `on_error`, a round that fails (the feed list unreadable, the store
    locked) is reported and the watch goes on; without it, or for a single round, the error is raised."""
    options = options or WatchOptions()
    own_client = client is None
    fetcher = Fetcher(client or make_client(options), options, sleep=sleep, clock=clock)
    next_at = clock()
    done = 0
    try:
        while rounds is None or done < rounds:
            try:
                summary = poll_once(store, read_feed_list(feeds_file), fetcher=fetcher, options=options,
                                    workers=workers, analyze=analyze)
            except MarsadError as exc:
                if on_error is None or rounds == 1:
                    raise
                on_error(exc)
            else:
                if on_round:
                    on_round(summary)
            done += 1
            if rounds is not None and done >= rounds:
                return
            next_at += every
            wait = next_at - clock()
            if wait < 0:
                next_at, wait = clock(), 0.0
            sleep(wait)
    finally:
        if own_client:
            fetcher.client.close()
