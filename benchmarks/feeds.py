"""One `marsad watch --once` round over 50 local feeds of 20 items each, then a round with nothing new.

    python benchmarks/feeds.py [--feeds 50] [--items 20] [--workers 1] [--fetch-only]

A local HTTP server on 127.0.0.1 serves generated RSS feeds (with ETags) and generated Arabic article pages.
Round 1 polls every feed, fetches every page once and analyses them; round 2 finds every feed unchanged.
What it reports:
- round 1: seconds, requests the server saw, pages fetched, articles stored, fetch rate (pages/s);
- round 2: seconds, requests (all conditional, all 304), whether anything was written.

The per-host delay is 0 here (one local host would otherwise cost a second a request). The real pipeline
analyses the pages when it can be imported; with `--fetch-only`, or when it cannot, a stand-in decodes each
page and stores it bare, so the figures are those of polling and fetching alone.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import sys
import tempfile
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from marsad import ingest  # noqa: E402
from marsad.records import Article, Rejected, article_id  # noqa: E402
from marsad.store import Store  # noqa: E402
from marsad.watch import WatchOptions, poll_once  # noqa: E402

SUBJECTS = ["وزير الخارجية", "رئيس الوزراء", "المتحدث باسم الحكومة", "وفد رسمي", "البنك المركزي", "مجلس النواب",
            "الأمين العام للجامعة العربية", "وزارة الصحة", "محافظ العاصمة", "اتحاد الكرة"]
VERBS = ["أعلن", "بحث", "ناقش", "استقبل", "أكد", "وقع", "افتتح", "دعا إلى"]
OBJECTS = ["خطة لتطوير البنية التحتية", "سبل تعزيز التعاون الاقتصادي", "اتفاقية للتبادل التجاري",
           "إجراءات جديدة لدعم الأسر", "مشروعا للطاقة المتجددة", "نتائج الاجتماع الوزاري", "الوضع الإقليمي"]
PLACES = ["القاهرة", "الرياض", "بغداد", "عمان", "الرباط", "تونس", "بيروت", "الدوحة", "الجزائر", "مسقط"]
DAYS = ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس"]


def sentence(rng: random.Random) -> str:
    return (f"{rng.choice(VERBS)} {rng.choice(SUBJECTS)} في {rng.choice(PLACES)} يوم {rng.choice(DAYS)} "
            f"{rng.choice(OBJECTS)}، مشيرا إلى أن {rng.choice(OBJECTS)} يحظى بأولوية خلال المرحلة المقبلة.")


def build_site(feeds: int, items: int, base: str) -> dict[str, tuple[dict, bytes]]:
    rng = random.Random(8)
    routes: dict[str, tuple[dict, bytes]] = {}
    for f in range(feeds):
        entries = []
        for i in range(items):
            path = f"/outlet{f}/news/{i}"
            title = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
            body = "".join(f"<p>{' '.join(sentence(rng) for _ in range(3))}</p>" for _ in range(5))
            page = (f'<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{title}</title>'
                    f"</head><body><nav><a href='/'>الرئيسية</a></nav><article><h1>{title}</h1>{body}</article>"
                    f"<footer>جميع الحقوق محفوظة</footer></body></html>")
            routes[path] = ({"Content-Type": "text/html; charset=utf-8"}, page.encode())
            entries.append(f"<item><title>{title}</title><link>{base}{path}</link>"
                           f"<pubDate>Sun, 12 May 2024 {i % 24:02d}:15:00 +0300</pubDate></item>")
        feed = (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>المنفذ {f}</title>'
                f"<link>{base}/outlet{f}/</link>{''.join(entries)}</channel></rss>")
        routes[f"/outlet{f}/rss.xml"] = ({"Content-Type": "application/rss+xml", "ETag": f'"feed{f}"'},
                                         feed.encode())
    return routes


def make_server(routes: dict[str, tuple[dict, bytes]]) -> ThreadingHTTPServer:
    """A server bound to a free port that will serve ROUTES (fill them before `start`). GET /__stats answers
    {"requests": n, "conditional": m} for the requests seen so far."""
    counts = {"requests": 0, "conditional": 0}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True     # headers and body go out as two writes: without this each
                                           # keep-alive response waits ~40 ms for a delayed ACK

        def log_message(self, *args):
            pass

        def do_GET(self):  # noqa: N802
            if self.path == "/__stats":
                headers, body, status = {"Content-Type": "application/json"}, json.dumps(counts).encode(), 200
            else:
                conditional = "If-None-Match" in self.headers or "If-Modified-Since" in self.headers
                counts["requests"] += 1
                counts["conditional"] += conditional
                route = routes.get(self.path)
                if route is None:
                    status, headers, body = 404, {"Content-Type": "text/plain"}, b"not found"
                else:
                    headers, body = route
                    status = 304 if conditional and self.headers.get("If-None-Match") == headers.get("ETag") else 200
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", "0" if status == 304 else str(len(body)))
            self.end_headers()
            if status != 304:
                self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    return server


def start(server: ThreadingHTTPServer) -> multiprocessing.Process:
    """Serve from a forked process: in this one the server would fight the client for the GIL."""
    process = multiprocessing.get_context("fork").Process(target=server.serve_forever, daemon=True)
    process.start()
    return process


def stats(base: str) -> dict[str, int]:
    return httpx.get(base + "/__stats").json()


def store_bare(items, store, workers=1):
    """Stand-in for the pipeline: decode and store each page as it came (what fetching alone costs)."""
    batch, rejected = [], []
    for item in items:
        if isinstance(item, Rejected):
            rejected.append(item)
            continue
        text = ingest.decode(item)
        batch.append(Article(id=article_id(item.url, text), source=item.source, text=text, url=item.url,
                             title=item.title_hint, published=item.published_hint))
    store.save_articles(batch)
    store.save_rejected(rejected)
    return SimpleNamespace(stored=len(batch), already=0, rejected=rejected)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--items", type=int, default=20)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--fetch-only", action="store_true", help="store pages bare instead of the pipeline")
    args = parser.parse_args()

    analyze, mode = store_bare, "fetch only (pages stored bare)"
    if not args.fetch_only:
        try:
            import marsad.pipeline  # noqa: F401
            analyze, mode = None, "full pipeline"
        except ImportError as exc:
            mode += f"; the pipeline cannot be imported yet ({exc})"
    routes: dict[str, tuple[dict, bytes]] = {}
    server = make_server(routes)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    routes.update(build_site(args.feeds, args.items, base))
    process = start(server)
    feeds = [f"{base}/outlet{f}/rss.xml" for f in range(args.feeds)]
    options = WatchOptions(host_delay=0.0, connect_timeout=5, read_timeout=30)
    print(f"{args.feeds} feeds x {args.items} items on {base}; analysis: {mode}")
    try:
        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "feeds.sqlite") as store:
            t = time.perf_counter()
            first = poll_once(store, feeds, options=options, workers=args.workers, analyze=analyze)
            t1 = time.perf_counter() - t
            seen = stats(base)
            print(f"round 1: {first.line()}")
            print(f"  server saw {seen['requests']} requests; {first.pages_fetched / t1:.0f} pages/s end to end")
            before = (store.count("articles"), store.count("rejected"), len(store.feed_item_states()))
            second = poll_once(store, feeds, options=options, workers=args.workers, analyze=analyze)
            after = (store.count("articles"), store.count("rejected"), len(store.feed_item_states()))
            later = stats(base)
            print(f"round 2: {second.line()}")
            print(f"  server saw {later['requests'] - seen['requests']} requests, "
                  f"{later['conditional'] - seen['conditional']} conditional; articles/rejects/items "
                  f"{before} -> {after}: {'nothing written' if before == after else 'CHANGED'}")
    finally:
        process.terminate()
        process.join()
        server.server_close()


if __name__ == "__main__":
    main()
