"""Search and page latency, and search requests per second over loopback HTTP.

    python benchmarks/web.py --store STORE.sqlite            # measure an existing store
    python benchmarks/web.py --build /tmp/snn.sqlite [--limit N]
                                                             # first save SaudiNewsNet articles into a new store

What it reports (aims: search p95 < 30 ms, story and entity pages < 100 ms):
- search: p50/p95 of `marsad.search.search` in-process over 200 queries made of title words (single words,
  pairs, quoted phrases, some with an outlet filter or date sort);
- pages: p50/p95 of GET /stories/{id} and /entities/{id} (HTML) and of their JSON twins through uvicorn;
- load: requests/s of GET /api/search from 4 client threads against `marsad serve` on 127.0.0.1, bounded in
  count (600 requests) and time (30 s).

`--build` saves text only (no pipeline yet): when the pipeline's corpus stages are not available it adds
stand-in entities (frequent title words, their occurrences as mentions) and stories (articles of one day
sharing such a word), so that the pages have realistic sizes to render. Those are benchmark scaffolding only.
"""
from __future__ import annotations

import argparse
import glob
import json
import random
import re
import statistics
import subprocess
import sys
import threading
import time
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from marsad.records import Article, Entity, Mention, Story, SummarySentence, article_id  # noqa: E402
from marsad.search import WORD, SearchFilters, match_term, search  # noqa: E402
from marsad.store import Store  # noqa: E402

SNN = "/work/shared/data/news/saudinewsnet/dataset/*.zip"


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def load_snn(limit: int | None) -> list[Article]:
    articles, seen = [], set()
    for path in sorted(glob.glob(SNN)):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                for item in json.loads(z.read(name)):
                    text = (item.get("content") or "").strip()
                    if not text:
                        continue
                    aid = article_id(item.get("url"), text)
                    if aid in seen:
                        continue
                    seen.add(aid)
                    day = (item.get("date_extracted") or "")[:10] or None
                    articles.append(Article(id=aid, source=f"{Path(path).name}!{name}", text=text,
                                            url=item.get("url"), outlet=item.get("source"),
                                            title=item.get("title"), published=day, language="ar"))
                    if limit and len(articles) >= limit:
                        return articles
    return articles


def stand_in_corpus(articles: list[Article], n_entities: int = 300) -> tuple[list[Entity], list[Story]]:
    """Frequent title words as entities (mentions at their occurrences), and per-day groups sharing one as
    stories. Benchmark scaffolding, not analysis."""
    df = Counter()
    for a in articles:
        df.update({w.group() for w in WORD.finditer(a.title or "") if len(w.group()) >= 5})
    names = [w for w, _ in df.most_common(n_entities)]
    entities = [Entity(f"e-bench{i:04d}", "LOC", w) for i, w in enumerate(names)]
    pattern = re.compile("|".join(re.escape(w) for w in sorted(names, key=len, reverse=True)))
    eid = {e.name: e.id for e in entities}
    groups: dict[tuple[str, str], list[Article]] = defaultdict(list)
    for a in articles:
        for m in list(pattern.finditer(a.text))[:30]:
            a.mentions.append(Mention(m.start(), m.end(), m.group(), "LOC", entity=eid[m.group()]))
        title_hits = [m.group() for m in pattern.finditer(a.title or "")]
        if title_hits and a.published:
            groups[(a.published, title_hits[0])].append(a)
    stories = []
    for (day, word), members in groups.items():
        if len(members) < 3:
            continue
        sid = f"s-bench{len(stories):05d}"
        for a in members:
            a.story = sid
        summary = []
        for a in members[:3]:
            end = a.text.find(".")
            end = end if 0 < end < 400 else min(len(a.text), 200)
            summary.append(SummarySentence(a.text[:end], a.id, 0, end))
        stories.append(Story(sid, members[0].title or word, [a.id for a in members], first=day, last=day,
                             outlets=sorted({a.outlet for a in members if a.outlet}), entities=[eid[word]],
                             summary=summary))
    return entities, stories


def build(path: Path, limit: int | None) -> None:
    t = time.perf_counter()
    articles = load_snn(limit)
    entities, stories = stand_in_corpus(articles)
    t_load = time.perf_counter() - t
    t = time.perf_counter()
    with Store(path) as store:
        for i in range(0, len(articles), 500):
            store.save_articles(articles[i:i + 500])
        t_save = time.perf_counter() - t
        counts = Counter(m.entity for a in articles for m in a.mentions)
        with store.transaction():
            store.replace_entities(entities, [], counts)
            store.replace_stories(stories)
    chars = sum(len(a.text) for a in articles)
    print(f"built {path}: {len(articles)} articles ({chars / 1e6:.1f} M chars), {len(entities)} stand-in entities,"
          f" {len(stories)} stand-in stories; read {t_load:.1f} s, saved+indexed {t_save:.1f} s"
          f" ({len(articles) / t_save:.0f} articles/s)")


def make_queries(store: Store, n: int = 200, seed: int = 7) -> list[tuple[str, SearchFilters, str]]:
    rng = random.Random(seed)
    titles = [r[0] for r in store.db.execute("SELECT title FROM articles WHERE title IS NOT NULL"
                                             " ORDER BY random() LIMIT 2000")]
    outlets = [o[0] for o in store.outlets() if o[0]]
    queries = []
    while len(queries) < n and titles:
        words = [w.group() for w in WORD.finditer(rng.choice(titles)) if len(w.group()) > 2]
        if not words:
            continue
        kind = rng.random()
        if kind < 0.4:
            q = rng.choice(words)
        elif kind < 0.75 and len(words) > 1:
            i = rng.randrange(len(words) - 1)
            q = f"{words[i]} {words[i + 1]}" if rng.random() < 0.5 else f'"{words[i]} {words[i + 1]}"'
        else:
            q = " ".join(rng.sample(words, min(3, len(words))))
        filters = SearchFilters(outlet=rng.choice(outlets)) if outlets and rng.random() < 0.2 else SearchFilters()
        queries.append((q, filters, "date" if rng.random() < 0.2 else "relevance"))
    return queries


def bench_search(store: Store) -> None:
    queries = make_queries(store)
    for q, f, s in queries[:10]:                       # warm the page cache and the term cache
        search(store, q, f, sort=s)
    times, totals = [], []
    for q, f, s in queries:
        t = time.perf_counter()
        result = search(store, q, f, sort=s)
        times.append((time.perf_counter() - t) * 1000)
        totals.append(result.total)
    print(f"search in-process: {len(times)} queries, p50 {pct(times, .5):.1f} ms, p95 {pct(times, .95):.1f} ms,"
          f" max {max(times):.1f} ms; median hits {statistics.median(totals):.0f}")


def wait_up(base: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    import httpx
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit("server exited early")
        try:
            if httpx.get(base + "/api/outlets", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("server did not come up")


def bench_http(store_path: Path, store: Store) -> None:
    import socket

    import httpx
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([sys.executable, "-m", "marsad", "serve", "--store", str(store_path), "--port",
                             str(port)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_up(base, proc)
        with httpx.Client(base_url=base, timeout=30) as client:
            _, stories = store.list_stories(limit=40)
            _, entities = store.list_entities(limit=40)
            for label, urls in (("story page", [f"/stories/{s.id}" for s in stories]),
                                ("story JSON", [f"/api/stories/{s.id}" for s in stories]),
                                ("entity page", [f"/entities/{e.id}" for e, _ in entities]),
                                ("entity JSON", [f"/api/entities/{e.id}" for e, _ in entities]),
                                ("article page", [f"/articles/{a}" for a in
                                                  store.article_ids()[:40]])):
                if not urls:
                    print(f"{label}: none in this store")
                    continue
                times = []
                for url in urls:
                    t = time.perf_counter()
                    r = client.get(url, headers={"accept": "text/html"})
                    times.append((time.perf_counter() - t) * 1000)
                    assert r.status_code == 200, (url, r.status_code)
                print(f"{label} over HTTP: {len(times)} pages, p50 {pct(times, .5):.1f} ms,"
                      f" p95 {pct(times, .95):.1f} ms")
        queries = [q for q, _, _ in make_queries(store, 600, seed=11)]
        lock, done, errors = threading.Lock(), [], []
        stop_at = time.monotonic() + 30

        def worker(chunk: list[str]) -> None:
            with httpx.Client(base_url=base, timeout=30) as c:
                for q in chunk:
                    if time.monotonic() > stop_at:
                        return
                    r = c.get("/api/search", params={"q": q})
                    with lock:
                        (done if r.status_code == 200 else errors).append(r.status_code)

        threads = [threading.Thread(target=worker, args=(queries[i::4],)) for i in range(4)]
        t = time.perf_counter()
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        seconds = time.perf_counter() - t
        print(f"search over HTTP, 4 client threads: {len(done)} requests in {seconds:.1f} s ="
              f" {len(done) / seconds:.0f} requests/s; errors {len(errors)}")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", type=Path, help="an existing store to measure")
    ap.add_argument("--build", type=Path, help="build this new store from SaudiNewsNet first")
    ap.add_argument("--limit", type=int, default=None, help="with --build: at most this many articles")
    ap.add_argument("--no-http", action="store_true", help="skip the page and load measurements")
    args = ap.parse_args()
    if args.build:
        if args.build.exists():
            raise SystemExit(f"{args.build} exists: measure it with --store, or remove it")
        build(args.build, args.limit)
        path = args.build
    elif args.store:
        path = args.store
    else:
        raise SystemExit("give --store STORE or --build NEW_STORE")
    with Store(path, readonly=True) as store:
        print(f"store {path}: {store.count('articles')} articles, {store.count('stories')} stories,"
              f" {store.count('entities')} entities, {path.stat().st_size / 1e6:.0f} MB")
        bench_search(store)
        if not args.no_http:
            bench_http(path, store)
    print(f"term cache: {match_term.cache_info().currsize} terms")


if __name__ == "__main__":
    main()
