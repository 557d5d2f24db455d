"""Benchmark: the cleaning stage on HTML pages and on plain-text articles.

HTML (../shared/data/news/extraction-arabic-html, see its SOURCE.md: two distinct Arabic pages, regression
fixtures rather than a statistically meaningful benchmark):
- time of marsad's HTML path (`clean_document` on a kind="html" document: trafilatura text, the page's own
  metadata, then line cleaning) against `trafilatura.extract` alone on the same page, as a ratio (aim <= 1.2);
- token F1 of each output against newspaper's expected text of the CNN Arabic page (`newspaper/arabic.txt`),
  the goose3 expected prefix of the same page, and the Assabah page's must-have / must-not-have snippets
  from trafilatura's evaldata.

Plain text (SaudiNewsNet contents, 31,030 articles): one `LineStats` pass, then `clean_document` on every
article, in one process; articles per second for each (aim >= 1,000/s for cleaning), the LineStats size,
and how many lines were removed for each reason.

Run: nice -n 10 .venv/bin/python benchmarks/html_extraction.py [--limit N] [--repeat R]
"""
from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from marsad.arabic import tokenize  # noqa: E402
from marsad.boilerplate import LineStats, NoArticleText, clean_document  # noqa: E402
from marsad.records import Document  # noqa: E402

SHARED = ROOT.parent / "shared" / "data" / "news"
HTML_DIR = SHARED / "extraction-arabic-html"
SNN_DIR = SHARED / "saudinewsnet" / "dataset"

PAGES = [
    ("newspaper/arabic_article.html", "http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html"),
    ("goose3/test_cnn_arabic.html", "http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html"),
    ("trafilatura/assabah.com.tn.article.html", None),
]


def words(text: str) -> Counter:
    return Counter(t.text for t in tokenize(text or "") if t.text[0].isalnum())


def token_f1(found: str, gold: str) -> tuple[float, float, float]:
    f, g = words(found), words(gold)
    common = sum((f & g).values())
    if not common:
        return 0.0, 0.0, 0.0
    p, r = common / sum(f.values()), common / sum(g.values())
    return p, r, 2 * p * r / (p + r)


def best_time(fn, repeat: int) -> float:
    """Median CPU time of `repeat` runs: the machine is shared, so wall-clock single runs are noisy."""
    times = []
    for _ in range(repeat):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    times.sort()
    return times[len(times) // 2]


def html_benchmark(repeat: int) -> dict:
    import trafilatura

    report: dict = {"pages": []}
    total_t = total_m = 0.0
    for rel, url in PAGES:
        html = (HTML_DIR / rel).read_text(encoding="utf-8")
        doc = Document(source=rel, kind="html", url=url)
        t_traf = best_time(lambda: trafilatura.extract(html, url=url), repeat)
        t_marsad = best_time(lambda: clean_document(doc, html), repeat)
        total_t += t_traf
        total_m += t_marsad
        article = clean_document(doc, html)
        baseline = trafilatura.extract(html, url=url) or ""
        row = {"page": rel, "trafilatura_ms": round(t_traf * 1000, 1), "marsad_ms": round(t_marsad * 1000, 1),
               "ratio": round(t_marsad / t_traf, 2), "title": article.title, "published": article.published,
               "outlet": article.outlet, "dateline": article.dateline, "agency": article.agency,
               "author": article.author, "removed": [(r.why, r.line[:60]) for r in article.removed]}
        if rel.startswith("newspaper/"):
            gold = (HTML_DIR / "newspaper" / "arabic.txt").read_text(encoding="utf-8")
            row["f1_marsad"] = [round(x, 3) for x in token_f1(article.text, gold)]
            row["f1_trafilatura"] = [round(x, 3) for x in token_f1(baseline, gold)]
        if rel.startswith("goose3/"):
            expected = json.loads((HTML_DIR / "goose3" / "test_cnn_arabic.json").read_text(encoding="utf-8"))
            prefix = " ".join(expected["expected"]["cleaned_text"].split())
            row["goose3_prefix_marsad"] = " ".join(article.text.split()).startswith(prefix)
            row["goose3_prefix_trafilatura"] = " ".join(baseline.split()).startswith(prefix)
        if rel.startswith("trafilatura/"):
            evaldata = json.loads((HTML_DIR / "trafilatura" / "assabah.com.tn.evaldata.json").read_text("utf-8"))
            entry = next(iter(evaldata.values()))
            for name, text in (("marsad", article.text), ("trafilatura", baseline)):
                row[f"with_{name}"] = f"{sum(s in text for s in entry['with'])}/{len(entry['with'])}"
                row[f"without_{name}"] = f"{sum(s not in text for s in entry['without'])}/{len(entry['without'])}"
        report["pages"].append(row)
    report["ratio_all_pages"] = round(total_m / total_t, 2)
    return report


def read_saudinewsnet(limit: int | None) -> list[dict]:
    articles: list[dict] = []
    for path in sorted(SNN_DIR.glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                articles += json.loads(archive.read(name).decode("utf-8"))
        if limit and len(articles) >= limit:
            break
    return articles[:limit] if limit else articles


def text_benchmark(limit: int | None) -> dict:
    articles = read_saudinewsnet(limit)
    docs = [Document(source=a["url"], url=a["url"], title_hint=a["title"] or None, outlet_hint=a["source"],
                     author_hint=a["author"] or None, text=a["content"]) for a in articles]
    stats = LineStats()
    # CPU time of this process: the machine is shared, and the aim is per core
    t0 = time.process_time()
    for d in docs:
        stats.add(d.text, d.outlet_hint)
    t1 = time.process_time()
    reasons: Counter = Counter()
    rejected: Counter = Counter()
    filled: Counter = Counter()
    for d in docs:
        try:
            a = clean_document(d, d.text, stats)
        except NoArticleText as exc:
            rejected[str(exc)] += 1
            continue
        reasons.update(r.why for r in a.removed)
        filled.update(k for k in ("title", "published", "dateline", "agency", "author", "outlet") if getattr(a, k))
    t2 = time.process_time()
    n = len(docs)
    return {"articles": n, "line_stats_per_cpu_s": round(n / (t1 - t0)), "clean_per_cpu_s": round(n / (t2 - t1)),
            "line_stats": {"distinct_documents": stats.documents, "copies": stats.copies,
                           "keys": len(stats._overall) + len(stats._per_outlet),
                           "pickled_kb": len(pickle.dumps(stats)) // 1024,
                           "compact_pickled_kb": len(pickle.dumps(stats.compact())) // 1024},
            "rejected": dict(rejected), "fields_filled": dict(filled), "removed_by_reason": dict(reasons.most_common())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="SaudiNewsNet articles to use (default: all)")
    parser.add_argument("--repeat", type=int, default=15, help="timed runs per HTML page (median reported)")
    args = parser.parse_args()
    print(json.dumps({"html": html_benchmark(args.repeat), "text": text_benchmark(args.limit)},
                     ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
