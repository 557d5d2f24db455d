"""marsad watch: conditional polls, each page fetched once, robots.txt, per-feed failures with reasons,
link-less items, cp1256 pages. Everything runs against a local HTTP server the test starts on 127.0.0.1."""
from __future__ import annotations

import socket
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace

import feedparser
import httpx
import pytest

from marsad import ingest
from marsad.records import Article, Document, Rejected, article_id
from marsad.store import Store
from marsad.watch import (Fetcher, FetchError, WatchError, WatchOptions, feed_items, parse_interval, poll_feed,
                          poll_once, read_feed_list, watch)

FAST = WatchOptions(host_delay=0.0, connect_timeout=0.5, read_timeout=0.5, max_bytes=200_000, max_redirects=4)

# --- the local web: a tiny site the tests edit between rounds ----------------------------------------------------


class Site:
    """Routes -> (status, headers, body bytes) or a callable(handler) for special behaviour. Records every
    request as (path, headers)."""

    def __init__(self):
        self.routes: dict[str, object] = {}
        self.requests: list[tuple[str, dict[str, str], float]] = []
        self.lock = threading.Lock()

    def paths(self) -> list[str]:
        return [p for p, _, _ in self.requests]

    def feed(self, path: str, body: str, content_type: str = "application/rss+xml; charset=utf-8",
             etag: str | None = None, modified: str | None = None) -> None:
        headers = {"Content-Type": content_type}
        if etag:
            headers["ETag"] = etag
        if modified:
            headers["Last-Modified"] = modified
        self.routes[path] = (200, headers, body.encode("utf-8"))

    def page(self, path: str, body: str | bytes, content_type: str = "text/html; charset=utf-8") -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = (200, {"Content-Type": content_type}, data)


class Handler(BaseHTTPRequestHandler):
    site: Site

    def log_message(self, *args):      # keep test output quiet
        pass

    def do_GET(self):  # noqa: N802 - http.server's name
        site = self.server.site
        with site.lock:
            site.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}, time.monotonic()))
        route = site.routes.get(self.path)
        try:
            if route is None:
                self._send(404, {"Content-Type": "text/plain"}, b"not found")
            elif callable(route):
                route(self)
            else:
                status, headers, body = route
                etag, modified = headers.get("ETag"), headers.get("Last-Modified")
                if (etag and self.headers.get("If-None-Match") == etag) or \
                        (modified and self.headers.get("If-Modified-Since") == modified):
                    self._send(304, {k: v for k, v in headers.items() if k in ("ETag", "Last-Modified")}, b"")
                else:
                    self._send(status, headers, body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _send(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if status != 304:
            self.wfile.write(body)


@pytest.fixture
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.site = Site()
    server.site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server.site
    server.shutdown()
    server.server_close()


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "watch.sqlite") as s:
        yield s


def closed_port() -> int:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


# --- a stand-in for the pipeline: decodes and stores, so fetching is tested without the NLP stages ------------

def fake_analyze(items, store, workers=1):
    """Decode each document and store it as a bare article (skipping known ids), like analyze_items does."""
    stored, already, rejected, batch = 0, 0, [], []
    for item in items:
        if isinstance(item, Rejected):
            rejected.append(item)
            continue
        text = ingest.decode(item)
        aid = article_id(item.url, text)
        if store.known_ids([aid]) or any(a.id == aid for a in batch):
            already += 1
            continue
        batch.append(Article(id=aid, source=item.source, text=text, url=item.url, title=item.title_hint,
                             published=item.published_hint, outlet=item.outlet_hint, encoding=item.encoding))
    store.save_articles(batch)
    store.save_rejected(rejected)
    return SimpleNamespace(stored=len(batch), already=already, rejected=rejected)


def counts(store: Store) -> tuple[int, int, int]:
    return (store.count("articles"), store.count("rejected"), len(store.feed_item_states()))


# --- fixtures: feeds and pages in the style of real outlets --------------------------------------------------

PAGE = """<!doctype html><html lang="ar" dir="rtl"><head><meta charset="{charset}"><title>{title}</title></head>
<body><nav><a href="/">الرئيسية</a> | <a href="/sport">رياضة</a></nav>
<article><h1>{title}</h1><p>{body}</p>
<p>وأضاف المصدر أن الاجتماع المقبل سيعقد الأسبوع القادم لمتابعة ما تم الاتفاق عليه بين الجانبين.</p></article>
<footer>جميع الحقوق محفوظة</footer></body></html>"""

CAIRO_PAGES = {
    "/news/2024/05/12/nile-talks": ("جولة جديدة من مفاوضات سد النهضة",
                                    "أعلنت وزارة الموارد المائية والري المصرية، اليوم الأحد، انطلاق جولة جديدة من "
                                    "المفاوضات الفنية في القاهرة بمشاركة وفود من السودان وإثيوبيا."),
    "/news/2024/05/12/metro-line": ("افتتاح محطات جديدة بالخط الثالث للمترو",
                                    "افتتح وزير النقل كامل الوزير ثلاث محطات جديدة بالخط الثالث لمترو الأنفاق "
                                    "في القاهرة الكبرى صباح اليوم وسط إجراءات تنظيمية مشددة."),
}
GULF_PAGES = {
    "/ar/article/98211": ("الإمارات تستضيف منتدى الطاقة العربي",
                          "تستضيف أبوظبي الأسبوع المقبل منتدى الطاقة العربي بمشاركة وزراء الطاقة في دول "
                          "مجلس التعاون الخليجي وممثلين عن منظمة أوبك."),
    "/ar/article/98212": ("الرياض: توقيع اتفاقية للنقل البحري",
                          "وقعت المملكة العربية السعودية وسلطنة عمان في الرياض اتفاقية للنقل البحري تهدف إلى "
                          "تعزيز حركة التجارة بين موانئ البلدين."),
}


def page_html(title: str, body: str, charset: str = "utf-8") -> str:
    return PAGE.format(title=title, body=body, charset=charset)


def rss(base: str, items: list[tuple[str, str | None]], extra: str = "") -> str:
    """RSS 2.0 in the shape Arabic news sites publish (title, link, pubDate in RFC 822, description)."""
    out = []
    for title, path in items:
        link = f"<link>{base}{path}</link>" if path else ""
        out.append(f"<item><title>{title}</title>{link}<pubDate>Sun, 12 May 2024 10:43:00 +0300</pubDate>"
                   f"<description>{title} - تفاصيل</description></item>")
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
            f'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>بوابة القاهرة الإخبارية'
            f"</title><link>{base}/</link><description>آخر الأخبار</description>{''.join(out)}{extra}"
            f"</channel></rss>")


def atom(base: str, items: list[tuple[str, str]]) -> str:
    entries = "".join(
        f'<entry><title>{title}</title><link rel="alternate" href="{path}"/><id>tag:gulf,{path}</id>'
        f"<updated>2024-05-12T08:15:00+04:00</updated><summary>{title}</summary></entry>"
        for title, path in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="{base}/">'
            f"<title>صحيفة الخليج اليوم</title><id>tag:gulf,feed</id><updated>2024-05-12T08:15:00+04:00</updated>"
            f"{entries}</feed>")


def two_feeds(site: Site) -> list[str]:
    """An Egyptian RSS 2.0 feed with ETag and a Gulf Atom feed with Last-Modified (relative links)."""
    for path, (title, body) in CAIRO_PAGES.items():
        site.page(path, page_html(title, body))
    for path, (title, body) in GULF_PAGES.items():
        site.page(path, page_html(title, body))
    site.feed("/rss/latest.xml", rss(site.base, [(t, p) for p, (t, _) in CAIRO_PAGES.items()]), etag='"v1"')
    site.feed("/feeds/atom", atom(site.base, [(t, p.lstrip("/")) for p, (t, _) in GULF_PAGES.items()]),
              content_type="application/atom+xml", modified=formatdate(1715500000, usegmt=True))
    return [site.base + "/rss/latest.xml", site.base + "/feeds/atom"]


def run(store, feeds, **kw):
    return poll_once(store, feeds, options=kw.pop("options", FAST), analyze=kw.pop("analyze", fake_analyze), **kw)


# --- rounds ----------------------------------------------------------------------------------------------------

def test_first_round_stores_the_articles_of_an_rss_and_an_atom_feed(site, store):
    feeds = two_feeds(site)
    summary = run(store, feeds)
    assert summary.feeds == 2 and not summary.failed
    assert summary.new_items == 4 and summary.pages_fetched == 4 and summary.stored == 4
    assert store.count("articles") == 4
    by_url = {a.url: a for a in store.iter_articles(details=False)}
    assert set(by_url) == {site.base + p for p in (*CAIRO_PAGES, *GULF_PAGES)}   # Atom's relative links resolved
    nile = by_url[site.base + "/news/2024/05/12/nile-talks"]
    assert "سد النهضة" in nile.text and nile.title == "جولة جديدة من مفاوضات سد النهضة"
    assert nile.published == "2024-05-12T10:43:00+03:00" and nile.outlet == "بوابة القاهرة الإخبارية"
    assert by_url[site.base + "/ar/article/98211"].published == "2024-05-12T08:15:00+04:00"
    # robots.txt read once for the host; each page once; an honest User-Agent on every request
    assert site.paths().count("/robots.txt") == 1
    assert all(site.paths().count(p) == 1 for p in (*CAIRO_PAGES, *GULF_PAGES))
    assert all(h["user-agent"].startswith("marsad/") and "news research" in h["user-agent"]
               for _, h, _ in site.requests)
    states = {row[0]: row for row in store.feed_states()}
    assert states[feeds[0]][1] == '"v1"' and states[feeds[0]][4] == "ok"
    assert states[feeds[1]][2] is not None                 # Last-Modified kept for the Atom feed
    assert summary.requests == len(site.requests) == 2 + 1 + 4
    assert "2 feeds polled" in summary.line() and "4 articles stored" in summary.line()


def test_second_round_with_nothing_new_is_only_conditional_requests(site, store):
    feeds = two_feeds(site)
    run(store, feeds)
    before, seen = counts(store), len(site.requests)
    summary = run(store, feeds)
    later = site.requests[seen:]
    assert [p for p, _, _ in later] == ["/rss/latest.xml", "/feeds/atom"]
    assert later[0][1]["if-none-match"] == '"v1"'
    assert later[1][1]["if-modified-since"] == formatdate(1715500000, usegmt=True)
    assert summary.not_modified == 2 and summary.new_items == 0 and summary.pages_fetched == 0
    assert summary.requests == 2 and summary.stored == 0
    assert counts(store) == before


def test_unchanged_feed_without_validators_fetches_nothing_again(site, store):
    site.page("/a1", page_html(*CAIRO_PAGES["/news/2024/05/12/nile-talks"]))
    site.feed("/plain.xml", rss(site.base, [("سد النهضة", "/a1")]))          # no ETag, no Last-Modified
    run(store, [site.base + "/plain.xml"])
    seen = len(site.requests)
    summary = run(store, [site.base + "/plain.xml"])
    assert site.paths()[seen:] == ["/plain.xml"] and summary.new_items == 0
    assert "if-none-match" not in site.requests[-1][1]


def test_a_new_item_in_round_three_is_fetched_once(site, store):
    feeds = two_feeds(site)
    run(store, feeds)
    run(store, feeds)
    site.page("/news/2024/05/13/budget", page_html(
        "البرلمان يناقش الموازنة العامة", "ناقش مجلس النواب المصري اليوم مشروع الموازنة العامة للدولة "
        "للعام المالي الجديد بحضور وزير المالية محمد معيط."))
    items = [(t, p) for p, (t, _) in CAIRO_PAGES.items()] + [("البرلمان يناقش الموازنة العامة",
                                                               "/news/2024/05/13/budget")]
    site.feed("/rss/latest.xml", rss(site.base, items), etag='"v2"')
    summary = run(store, feeds)
    assert summary.new_items == 1 and summary.pages_fetched == 1 and summary.stored == 1
    assert store.count("articles") == 5
    summary = run(store, feeds)                             # and never again
    assert summary.new_items == 0 and site.paths().count("/news/2024/05/13/budget") == 1
    assert site.requests[-2][1]["if-none-match"] == '"v2"'


def test_robots_disallow_is_respected(site, store):
    site.routes["/robots.txt"] = (200, {"Content-Type": "text/plain"},
                                  b"User-agent: otherbot\nDisallow: /\n\nUser-agent: *\nDisallow: /private/\n"
                                  b"Disallow: /members/\n")
    site.page("/private/leak", page_html("وثيقة", "نص لا ينبغي جلبه من الموقع."))
    site.page("/members/only", page_html("للأعضاء", "نص خاص بالمشتركين."))
    site.page("/open/story", page_html(*GULF_PAGES["/ar/article/98211"]))
    site.feed("/rss", rss(site.base, [("وثيقة", "/private/leak"), ("للأعضاء", "/members/only"),
                                      ("منتدى الطاقة", "/open/story")]))
    summary = run(store, [site.base + "/rss"])
    assert "/private/leak" not in site.paths() and "/members/only" not in site.paths()
    assert "/open/story" in site.paths() and summary.stored == 1
    reasons = {r.source: r.reason for r in summary.rejected}
    assert reasons == {site.base + "/private/leak": "disallowed by robots.txt",
                       site.base + "/members/only": "disallowed by robots.txt"}


def test_robots_server_error_disallows_for_the_round_and_4xx_allows(site, store):
    site.routes["/robots.txt"] = (503, {"Content-Type": "text/plain"}, b"busy")
    site.page("/p1", page_html(*GULF_PAGES["/ar/article/98211"]))
    site.feed("/rss", rss(site.base, [("منتدى الطاقة", "/p1")]))
    summary = run(store, [site.base + "/rss"])
    assert "/p1" not in site.paths() and summary.rejected[0].reason == "disallowed by robots.txt"
    fetcher = Fetcher(httpx.Client(), FAST)
    site.routes["/robots.txt"] = (403, {}, b"forbidden")
    assert fetcher.allowed(site.base + "/p1")
    fetcher.new_round()
    site.routes["/robots.txt"] = (200, {}, b"User-agent: *\nDisallow: /p\n")
    assert not fetcher.allowed(site.base + "/p1")
    fetcher.new_round()         # a group naming marsad replaces the * group, as the standard says
    site.routes["/robots.txt"] = (200, {}, b"User-agent: *\nDisallow: /\n\nUser-agent: marsad\nDisallow: /m/\n")
    assert fetcher.allowed(site.base + "/p1") and not fetcher.allowed(site.base + "/m/1")
    fetcher.client.close()


def test_robots_fetch_failure_allows(store):
    fetcher = Fetcher(httpx.Client(), FAST)
    assert fetcher.allowed(f"http://127.0.0.1:{closed_port()}/any")
    fetcher.client.close()


# --- per-feed failures -----------------------------------------------------------------------------------------

def sleepy(handler):
    time.sleep(1.5)
    handler._send(200, {"Content-Type": "application/rss+xml"}, b"<rss/>")


def test_each_broken_feed_gets_a_reason_and_the_good_feed_still_loads(site, store):
    feeds = two_feeds(site)
    site.routes["/error"] = (500, {"Content-Type": "text/html"}, b"<h1>Internal Server Error</h1>")
    site.routes["/slow"] = sleepy
    site.routes["/loop-a"] = (302, {"Location": "/loop-b"}, b"")
    site.routes["/loop-b"] = (302, {"Location": "/loop-a"}, b"")
    site.page("/homepage", "<!doctype html><html><head><title>الرئيسية</title></head><body><p>مرحبا</p></body></html>")
    site.feed("/cut.xml", rss(site.base, [("خبر", "/x")])[:160])
    dead = f"http://127.0.0.1:{closed_port()}/rss"
    broken = [site.base + p for p in ("/error", "/slow", "/loop-a", "/homepage", "/cut.xml")] + [dead]
    started = time.monotonic()
    summary = run(store, broken + feeds[:1])
    assert time.monotonic() - started < 5
    reasons = dict(summary.failed)
    assert reasons[site.base + "/error"] == "HTTP 500 Internal Server Error"
    assert reasons[site.base + "/slow"] == "timed out (read)"
    assert reasons[site.base + "/loop-a"].startswith("redirect loop")
    assert reasons[site.base + "/homepage"] == "not a feed: the server sent an HTML page"
    assert reasons[site.base + "/cut.xml"].startswith("not a readable feed:")
    assert reasons[dead].startswith("connection failed")
    assert all("\n" not in r for r in reasons.values())
    assert summary.stored == 2 and store.count("articles") == 2        # the good feed went on
    states = {row[0]: row for row in store.feed_states()}
    assert states[site.base + "/error"][4:] == ("failed", "HTTP 500 Internal Server Error")
    assert states[feeds[0]][4] == "ok"


def test_redirects_are_followed_up_to_the_cap(site, store):
    site.feed("/rss/final", rss(site.base, []))
    site.routes["/old-rss"] = (301, {"Location": "/rss/final"}, b"")
    for i in range(6):
        site.routes[f"/hop{i}"] = (302, {"Location": f"/hop{i + 1}"}, b"")
    fetcher = Fetcher(httpx.Client(), FAST)
    assert poll_feed(fetcher, site.base + "/old-rss").status == "ok"
    with pytest.raises(FetchError, match="too many redirects"):
        fetcher.get(site.base + "/hop0")
    fetcher.client.close()


def test_oversized_feed_and_page_are_not_downloaded(site, store):
    big = "<p>" + "خبر " * 60_000 + "</p>"
    site.page("/huge", page_html("كبير", big))
    site.feed("/rss", rss(site.base, [("كبير", "/huge")]))
    summary = run(store, [site.base + "/rss"])
    assert summary.rejected[0].reason.startswith("over size limit") and store.count("articles") == 0
    assert store.feed_item_states()[0][3:] == ("failed", summary.rejected[0].reason, 1, True)   # not retried


def test_a_page_that_fails_for_now_is_retried_next_round(site, store):
    site.routes["/busy"] = (503, {}, b"try later")
    site.feed("/rss", rss(site.base, [("منتدى الطاقة", "/busy")]))
    first = run(store, [site.base + "/rss"])
    assert first.rejected[0].reason == "HTTP 503 Service Unavailable"
    site.page("/busy", page_html(*GULF_PAGES["/ar/article/98212"]))
    second = run(store, [site.base + "/rss"])
    assert second.new_items == 1 and second.stored == 1 and site.paths().count("/busy") == 2


# --- items and pages -------------------------------------------------------------------------------------------

def test_item_without_link_is_analysed_from_the_feed_content(site, store):
    content = ("<![CDATA[<p>أعلنت وزارة الداخلية العراقية في بغداد، اليوم الاثنين، عن خطة أمنية جديدة "
               "لتأمين الزيارة الأربعينية.</p>]]>")
    extra = (f"<item><title>خطة أمنية في بغداد</title><guid isPermaLink=\"false\">iq-5512</guid>"
             f"<content:encoded>{content}</content:encoded></item>"
             f"<item><title>عنوان بلا نص</title><guid isPermaLink=\"false\">iq-5513</guid></item>")
    site.feed("/rss", rss(site.base, [], extra=extra))
    summary = run(store, [site.base + "/rss"])
    assert summary.stored == 1
    article = next(store.iter_articles(details=False))
    assert "خطة أمنية جديدة" in article.text and article.url is None
    assert [r.reason for r in summary.rejected] == ["feed item has neither a link nor content"]
    assert run(store, [site.base + "/rss"]).new_items == 0     # known by guid: not analysed again


def test_page_in_cp1256_decodes_with_the_http_charset(site, store):
    title, body = "المغرب: انطلاق موسم الحصاد", "انطلق موسم الحصاد في سهول الغرب وسط توقعات بمحصول وفير هذا العام."
    html = page_html(title, body, charset="windows-1256").replace('<meta charset="windows-1256">', "")
    site.page("/maroc/1", html.encode("cp1256"), content_type="text/html; charset=windows-1256")
    site.feed("/rss", rss(site.base, [(title, "/maroc/1")]))
    summary = run(store, [site.base + "/rss"])
    assert summary.stored == 1
    article = next(store.iter_articles(details=False))
    assert body in article.text and article.encoding == "cp1256"


def test_arabic_slug_links_are_fetched_and_matched_against_robots(site, store):
    from urllib.parse import quote
    site.routes["/robots.txt"] = (200, {}, "User-agent: *\nDisallow: /أخبار/خاص\n".encode())
    site.page(quote("/أخبار/سد-النهضة-جولة-جديدة"), page_html(*CAIRO_PAGES["/news/2024/05/12/nile-talks"]))
    site.page(quote("/أخبار/خاص-بالمشتركين"), page_html("خاص", "نص خاص بالمشتركين فقط."))
    site.feed("/rss", rss(site.base, [("سد النهضة", "/أخبار/سد-النهضة-جولة-جديدة"),
                                      ("خاص", "/أخبار/خاص-بالمشتركين")]))
    with httpx.Client() as client:       # a caller's own client, without our User-Agent
        summary = run(store, [site.base + "/rss"], client=client)
    assert summary.stored == 1 and summary.rejected[0].reason == "disallowed by robots.txt"
    assert quote("/أخبار/خاص-بالمشتركين") not in site.paths()
    assert all(h["user-agent"].startswith("marsad/") for _, h, _ in site.requests)


def test_binary_page_is_rejected(site, store):
    site.page("/photo", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, content_type="image/png")
    site.feed("/rss", rss(site.base, [("صورة", "/photo")]))
    summary = run(store, [site.base + "/rss"])
    assert summary.rejected[0].reason == "not an article page (binary)"


def test_per_host_delay_spaces_requests_to_one_host(site, store):
    for path, (title, body) in CAIRO_PAGES.items():
        site.page(path, page_html(title, body))
    site.feed("/rss", rss(site.base, [(t, p) for p, (t, _) in CAIRO_PAGES.items()]))
    options = WatchOptions(host_delay=0.15, connect_timeout=0.5, read_timeout=0.5)
    run(store, [site.base + "/rss"], options=options)
    times = [t for _, _, t in site.requests]
    assert len(times) == 4 and all(b - a >= 0.14 for a, b in zip(times, times[1:]))


def test_robots_crawl_delay_is_honoured(site):
    site.routes["/robots.txt"] = (200, {}, b"User-agent: *\nCrawl-delay: 7\n")
    waits = []
    fetcher = Fetcher(httpx.Client(), FAST, sleep=waits.append, clock=lambda: 100.0)
    assert fetcher.allowed(site.base + "/a")
    fetcher.get(site.base + "/a")
    assert waits == [7.0]
    fetcher.client.close()


def test_a_feed_body_that_looks_like_a_path_is_not_opened_as_a_file(site, store, tmp_path):
    secret = tmp_path / "secret.xml"
    secret.write_text(rss("http://local.example", [("ملف محلي", "/leak")]), encoding="utf-8")
    site.routes["/rss"] = (200, {"Content-Type": "application/rss+xml"}, str(secret).encode())
    summary = run(store, [site.base + "/rss"])
    assert summary.new_items == 0 and summary.failed


def test_feed_items_keys_links_and_hints():
    parsed = feedparser.parse(rss("http://news.example", [("خبر أول", "/a#comments"), ("بلا رابط", None)]).encode())
    first, second = feed_items("http://news.example/rss", parsed)
    assert first.key == first.link == "http://news.example/a"          # fragment dropped
    assert second.link is None and second.key.startswith("http://news.example/rss#item-")
    assert first.outlet == "بوابة القاهرة الإخبارية" and first.published == "2024-05-12T10:43:00+03:00"


# --- the loop, the interval and the feed list ------------------------------------------------------------------

def test_parse_interval():
    assert parse_interval("10m") == 600 and parse_interval("30s") == 30 and parse_interval("1h") == 3600
    assert parse_interval("1h30m") == 5400 and parse_interval("90") == 90 and parse_interval(" 2M ") == 120
    for bad in ("", "0s", "ten minutes", "5x", "-1m"):
        with pytest.raises(WatchError):
            parse_interval(bad)


def test_read_feed_list(tmp_path):
    path = tmp_path / "feeds.txt"
    path.write_text("# Egyptian outlets\n\nhttps://a.example/rss  # main\n  https://b.example/atom\n"
                    "https://a.example/rss\n", encoding="utf-8")
    assert read_feed_list(path) == ["https://a.example/rss", "https://b.example/atom"]
    with pytest.raises(WatchError, match="cannot read feed list"):
        read_feed_list(tmp_path / "missing.txt")
    (tmp_path / "bin.txt").write_bytes(b"\xff\xfe\x00\xd8")
    with pytest.raises(WatchError):
        read_feed_list(tmp_path / "bin.txt")


def test_watch_loops_on_the_interval_and_reports_each_round(site, store, tmp_path):
    feeds = two_feeds(site)
    path = tmp_path / "feeds.txt"
    path.write_text("\n".join(feeds) + "\nnot-a-url\n", encoding="utf-8")
    sleeps, rounds = [], []
    watch(store, path, every=600, rounds=3, on_round=rounds.append, options=FAST, analyze=fake_analyze,
          sleep=sleeps.append)
    assert [r.stored for r in rounds] == [4, 0, 0] and [r.not_modified for r in rounds] == [0, 2, 2]
    assert rounds[0].failed == [("not-a-url", "not an http(s) URL: not-a-url")]
    assert len([s for s in sleeps if s > 500]) == 2          # waited out the interval twice, not after the last


def test_watch_reports_a_failed_round_and_goes_on(store, tmp_path):
    errors = []
    watch(store, tmp_path / "nowhere.txt", every=1, rounds=2, on_error=errors.append, sleep=lambda s: None,
          analyze=fake_analyze)
    assert len(errors) == 2 and "cannot read feed list" in str(errors[0])
    with pytest.raises(WatchError):
        watch(store, tmp_path / "nowhere.txt", every=1, rounds=1, on_error=errors.append, analyze=fake_analyze)


def test_cli_watch_once_reports_a_dead_feed_and_exits_2(tmp_path):
    from typer.testing import CliRunner

    from marsad.cli import app
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"http://127.0.0.1:{closed_port()}/rss\n", encoding="utf-8")
    args = ["watch", str(feeds), "--once", "--store", str(tmp_path / "s.sqlite"), "--connect-timeout", "0.5"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2, result.output
    assert "1 feeds polled (0 not modified, 1 failed)" in result.output and "connection failed" in result.output
    with Store(tmp_path / "s.sqlite") as s:
        assert s.feed_states()[0][4] == "failed"
    result = CliRunner().invoke(app, ["watch", str(feeds), "--every", "soon", "--store", str(tmp_path / "s.sqlite")])
    assert result.exit_code == 2 and "not an interval" in result.output


def test_bad_feed_bytes_never_crash(site, store):
    """Empty body, a 50,000-character line, Latin and Arabic-Indic digits, diacritics, NULs."""
    bodies = [b"", ("<rss><channel><item><title>" + "خ" * 50_000 + "</title></item></channel></rss>").encode(),
              "<rss><channel><item><title>مُؤتمر ٢٠٢٤ Summit</title><link>/s</link></item></channel></rss>".encode(),
              b"\x00\x01\x02<rss>", "نص عادي بلا وسوم".encode()]
    for i, body in enumerate(bodies):
        site.routes[f"/f{i}"] = (200, {"Content-Type": "application/xml"}, body)
    summary = run(store, [site.base + f"/f{i}" for i in range(len(bodies))])
    assert summary.feeds == len(bodies)
    reasons = dict(summary.failed)
    assert reasons[site.base + "/f0"].startswith("not a readable feed")
    assert all("\n" not in r.reason for r in summary.rejected)


def test_end_to_end_with_the_real_pipeline(site, store):
    """The whole pipeline on fetched pages; needs every stage (entities, stories) to be in place."""
    feeds = two_feeds(site)
    summary = poll_once(store, feeds, options=FAST)
    assert summary.stored == 4 and not summary.failed
    article = next(a for a in store.iter_articles() if a.url.endswith("nile-talks"))
    assert article.title == "جولة جديدة من مفاوضات سد النهضة" and "المفاوضات الفنية" in article.text
    assert article.published == "2024-05-12T10:43"        # the contract's ISO prefix, local clock time
    assert article.story is not None
    for m in article.mentions:
        assert article.text[m.start:m.end] == m.text
