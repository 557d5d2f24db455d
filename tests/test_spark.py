"""The Spark engine (marsad/spark.py) and its Parquet result (marsad/parquet.py).

The pure parts (input listing, fetched files, the line-statistics replay, blocking cells) run everywhere.
The end-to-end tests run `marsad analyze` with the local engine and with `--engine spark` in local[2] mode
on the repository's fixtures plus generated bad input, and require the exports to be identical; they are
skipped only when pyspark or Java is missing.
"""
import io
import json
import os
import shutil
import zipfile
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

import pytest
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from marsad import cluster, ingest, parquet, pipeline, spark
from marsad.cli import app
from marsad.store import Store

FIXTURES = Path(__file__).parent / "fixtures"
runner = CliRunner()

FOOTER = "تابعونا على منصات التواصل الاجتماعي"
NEWSLETTER = "اشترك في النشرة البريدية لتصلك آخر الأخبار"
BODIES = [
    "أعلنت وزارة الصحة في الرياض اليوم عن افتتاح ثلاثة مستشفيات جديدة في المنطقة الشرقية بطاقة استيعابية "
    "تتجاوز ألف سرير، وقال المتحدث الرسمي إن المشاريع اكتملت قبل موعدها المحدد بستة أشهر.",
    "استقبل أمير منطقة مكة المكرمة في جدة وفدا من رجال الأعمال اليابانيين، وبحث معهم فرص الاستثمار في "
    "قطاعات الطاقة المتجددة والصناعات التحويلية والخدمات اللوجستية في موانئ البحر الأحمر.",
    "ارتفع مؤشر سوق الأسهم السعودية في ختام تعاملات الأسبوع بدعم من أسهم المصارف والبتروكيماويات، وبلغت "
    "قيمة التداولات أكثر من سبعة مليارات ريال وسط تفاؤل المستثمرين بنتائج الربع الثاني.",
    "نظمت جامعة الملك سعود في الرياض ملتقى علميا عن الذكاء الاصطناعي في التعليم بمشاركة باحثين من عشر "
    "دول عربية، وناقش المشاركون تجارب الجامعات في توظيف التقنيات الحديثة داخل القاعات.",
    "أكدت هيئة الأرصاد أن موجة حارة ستضرب مناطق واسعة من المملكة خلال الأيام المقبلة، ودعت المواطنين إلى "
    "تجنب التعرض المباشر لأشعة الشمس في ساعات الظهيرة والإكثار من شرب الماء.",
]


def saudi_record(outlet: str, url: str, body: str, footer: bool = True) -> dict:
    content = body + ("\n" + FOOTER + "\n" + NEWSLETTER if footer else "")
    return {"source": outlet, "url": url, "date_extracted": "2015-07-21 10:00:00", "title": body[:40],
            "author": "", "content": content}


def write_warc(path: Path, records) -> None:
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=False)
        for url, status, body in records:
            headers = StatusAndHeaders(status, [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))


LEVANT_PAGE = """<html><head><title>افتتاح معرض الكتاب في بيروت - صحيفة المشرق</title></head><body>
<nav>الرئيسية | محليات | اقتصاد</nav><article><h1>افتتاح معرض الكتاب في بيروت</h1>
<p>افتتح وزير الثقافة اللبناني مساء الأربعاء معرض بيروت الدولي للكتاب في دورته الجديدة بمشاركة أكثر من مئة
وعشرين دار نشر عربية وأجنبية، وسط حضور لافت من الكتّاب والقراء.</p>
<p>وقال الوزير في كلمة الافتتاح: «الكتاب ما زال نافذتنا على العالم رغم كل الأزمات»، مشيرا إلى أن المعرض
يستمر عشرة أيام ويتضمن ندوات وأمسيات شعرية وتوقيع كتب جديدة.</p></article>
<footer>جميع الحقوق محفوظة</footer></body></html>"""


def build_corpus(folder: Path) -> None:
    """The repository's pipeline and cleaning fixtures, and generated input of every awkward kind."""
    for sub in ("pipeline", "cleaning"):
        shutil.copytree(FIXTURES / sub, folder / sub)
    extra = folder / "extra"
    extra.mkdir()
    records = [saudi_record("alyaum", f"http://example.sa/{i}", body) for i, body in enumerate(BODIES)]
    records.append(records[0])                          # the same article again: one id, stored once
    (extra / "gulf.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records),
                                      encoding="utf-8")
    write_warc(extra / "crawl.warc", [("http://example.lb/culture/1", "200 OK", LEVANT_PAGE.encode("utf-8")),
                                      ("http://example.lb/missing", "404 Not Found", b"<html>not found</html>")])
    line = ("قال الباحث Dr. Sami Haddad إن نسبة النمو بلغت ٣٫٥٪ في عام ٢٠٢٤ وإنَّ الاقتصادَ العراقيَّ يتعافى "
            "ببطء ") * 400
    (extra / "long_line.txt").write_text(line[:50_000], encoding="utf-8")
    copied = (FIXTURES / "pipeline" / "gulf_site.txt").read_text(encoding="utf-8")
    (extra / "reposted.txt").write_text(copied + "\nالمصدر: وكالة أنباء الخليج\n", encoding="utf-8")  # a near-copy
    (extra / "empty.txt").write_bytes(b"")
    (extra / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    with zipfile.ZipFile(extra / "maghreb.zip", "w") as archive:
        archive.writestr("a.txt", "الرباط - أعلنت الحكومة المغربية عن برنامج جديد لدعم الفلاحين المتضررين من "
                                  "الجفاف بقيمة ثلاثة مليارات درهم يشمل جهات سوس ماسة ودرعة تافيلالت.")
        archive.writestr("b.txt", "")


# -- input listing and reading --------------------------------------------------------------------------------
def test_listed_inputs_read_as_read_paths_reads_the_folder(tmp_path):
    root = tmp_path / "in"
    (root / "b" / "deep").mkdir(parents=True)
    (root / "a").mkdir()
    (root / "b" / "deep" / "z.txt").write_text("خبر من العمق", encoding="utf-8")
    (root / "a" / "y.txt").write_text("خبر أول", encoding="utf-8")
    (root / "x.txt").write_text("خبر ثالث", encoding="utf-8")
    (root / ".hidden.txt").write_text("مخفي", encoding="utf-8")
    (root / "b" / "loop").symlink_to(root)               # a symlink back up the tree is followed once
    paths = [root, tmp_path / "missing.txt"]
    listed = spark.list_inputs(paths)
    assert [Path(p).name for p in listed] == ["y.txt", "z.txt", "x.txt", "missing.txt"]
    one_by_one = [item.source for i, p in enumerate(listed) for _, item in spark.read_input(i, p, 10**6)]
    assert one_by_one == [item.source for item in ingest.read_paths(paths)]
    orders = [order for i, p in enumerate(listed) for order, _ in spark.read_input(i, p, 10**6)]
    assert orders == sorted(orders)


def test_a_fetched_file_is_read_by_the_same_readers_under_its_uri(tmp_path):
    build_corpus(tmp_path)
    for name in ("crawl.warc", "maghreb.zip", "gulf.jsonl"):
        local = tmp_path / "extra" / name
        uri = f"s3a://news-bucket/2021/{name}"
        fetched = list(spark.read_fetched(7, uri, local.read_bytes(), 10**6))
        direct = list(ingest.read_paths([local]))
        assert [item.source for _, item in fetched] == [uri + item.source[len(str(local)):] for item in direct]
        assert [order for order, _ in fetched] == [(7, uri, n) for n in range(len(direct))]
        assert [getattr(i, "data", None) for _, i in fetched] == [getattr(i, "data", None) for i in direct]


# -- line statistics --------------------------------------------------------------------------------------------
def test_line_statistics_replayed_from_contributions_equal_count_lines(tmp_path):
    records = [saudi_record("alyaum", f"http://example.sa/{i}", body) for i, body in enumerate(BODIES)]
    records += [saudi_record("okaz", f"http://example.sa/o{i}", "جدة - " + body) for i, body in enumerate(BODIES[:3])]
    records.insert(3, dict(records[1], url="http://example.sa/copy"))     # a copy: counted once
    records.append(saudi_record("okaz", "http://example.sa/short", "خبر قصير", footer=False))
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    expected = pipeline.count_lines([str(path)], 10**6)

    facts = [spark.document_facts(*spark.decode_item(order, item, 10**6))
             for order, item in spark.read_input(0, str(path), 10**6)]
    prints = [(order, contribution[0]) for order, _, contribution, _ in facts if contribution]
    copies = spark.copies_in_order(reversed(prints))                       # any arrival order at the driver
    counts = Counter()
    for order, _, contribution, _ in facts:
        if contribution and order not in copies:
            counts.update(dict(spark._line_keys(contribution)).keys())
    got = spark.compact_line_stats(len(prints) - len(copies), len(copies),
                                   [kv for kv in counts.items() if spark._recurring(kv)])
    assert (got.documents, got.copies) == (expected.documents, expected.copies) == (len(records) - 1, 1)
    assert got._overall == expected._overall and got._per_outlet == expected._per_outlet
    assert got.is_recurring(FOOTER, "alyaum") and got.is_recurring(NEWSLETTER, None)


def test_copy_rule_depends_on_input_order():
    a, b, c = frozenset({1, 2, 3}), frozenset({2, 3, 4}), frozenset({3, 4, 5})
    # b is a copy of a; c shares two lines with b only, and b's lines were never counted: c counts
    assert spark.copies_in_order([((0, "", 0), a), ((0, "", 1), b), ((0, "", 2), c)]) == {(0, "", 1)}
    assert spark.copies_in_order([((0, "", 0), b), ((0, "", 1), a), ((0, "", 2), c)]) == {(0, "", 1), (0, "", 2)}


# -- story blocking cells -------------------------------------------------------------------------------------
def _features(aid: str, day: str | None, keys: list[str]) -> dict:
    return {"id": aid, "day": day, "outlet": None, "vector": {k: 1 / len(keys) ** 0.5 for k in keys},
            "title": {}, "keys": keys, "entities": [], "signature": ""}


def test_blocking_cells_meet_every_pair_the_index_compares_once_per_shared_key():
    feats = [
        _features("a1", "2024-04-14", ["بترا", "صفدي", "شكري", "عمان"]),
        _features("a2", "2024-04-16", ["بترا", "صفدي", "شكري"]),            # 2 days later
        _features("a3", "2024-04-18", ["صفدي", "شكري", "قاهره"]),           # 4 days after a1: out of window
        _features("a4", None, ["صفدي", "شكري", "عمان"]),                     # undated
        _features("a5", None, ["شكري", "عمان", "قاهره"]),                    # undated
        _features("a6", "2024-04-14", ["قاهره", "نيل"]),
    ]
    met: Counter = Counter()
    cells = defaultdict(list)
    for f in feats:
        for cell, posting in spark.story_postings(f["id"], f):
            cells[cell].append(posting)
    for cell, members in cells.items():
        for pair, (keys, band) in spark.cell_pairs(cell, members):
            assert not band
            met[pair] += keys
    index = cluster.StoryIndex()
    expected = {}
    for f in sorted(feats, key=lambda f: (f["day"] or "\uffff", f["id"])):
        for other in index.candidates(f):
            expected[tuple(sorted((f["id"], other)))] = True
        index.add(f)
    by_id = {f["id"]: f for f in feats}
    candidates = {pair for pair, n in met.items()
                  if cluster.is_story_candidate(n, False, cluster.day_number(by_id[pair[0]]),
                                                cluster.day_number(by_id[pair[1]]))}
    assert candidates == set(expected)
    for a, b in combinations(sorted(by_id), 2):        # met once per shared key, or not at all (dates apart)
        shared = len(set(by_id[a]["keys"]) & set(by_id[b]["keys"]))
        assert met.get((a, b), 0) in (0, shared)
    assert met[("a1", "a3")] == 0 and met[("a3", "a5")] == 2 and met[("a4", "a5")] == 2


def test_pair_edges_score_the_later_article_first(monkeypatch):
    seen = []
    monkeypatch.setattr(cluster, "story_edge", lambda new, old: seen.append((new["id"], old["id"])) or 0.9)
    early, late = _features("z-early", "2024-01-01", ["x"]), _features("a-late", "2024-01-02", ["x"])
    edges = spark.pair_edges(("a-late", "z-early"), (2, False), ("2024-01-02T10:00", late), ("2024-01-01", early))
    assert seen == [("a-late", "z-early")] and edges == [("story", "a-late", "z-early", 0.9)]


# -- errors without Spark -------------------------------------------------------------------------------------
def test_load_of_a_folder_that_is_no_result_is_one_line(tmp_path):
    (tmp_path / "not-a-result").mkdir()
    result = runner.invoke(app, ["load", str(tmp_path / "not-a-result"), "--store", str(tmp_path / "s.sqlite")])
    assert result.exit_code == 1
    assert "not a marsad Parquet result" in result.output and "Traceback" not in result.output


def test_unknown_engine_is_refused(tmp_path):
    result = runner.invoke(app, ["analyze", str(tmp_path), "--engine", "hadoop", "--store", str(tmp_path / "s")])
    assert result.exit_code == 2 and "unknown engine" in result.output


# -- end to end on Spark --------------------------------------------------------------------------------------
def _spark_available() -> str | None:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "pyspark is not installed (pip install 'marsad[spark]')"
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        return "no Java runtime (java on PATH or JAVA_HOME) for Spark"
    return None


needs_spark = pytest.mark.skipif(_spark_available() is not None, reason=str(_spark_available()))


@pytest.fixture(scope="module")
def session():
    made, created = spark.spark_session("local[2]", {"spark.sql.shuffle.partitions": "2",
                                                      "spark.default.parallelism": "2"})
    yield made
    if created:
        made.stop()


def _export(store: Path) -> dict:
    """The export without its time stamp, sources read through Hadoop (file:/...) named as local paths."""
    result = runner.invoke(app, ["export", "--store", str(store), "--out", "-"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    doc.pop("generated")
    for article in doc["articles"]:
        article["source"] = _local_name(article["source"])
    return doc


def _local_name(source: str) -> str:
    return "/" + source[len("file:"):].lstrip("/") if source.startswith("file:") else source


@pytest.fixture(scope="module")
def runs(session, tmp_path_factory):
    """The same corpus analysed by the local engine and by Spark (keeping its Parquet result). Spark reads
    one folder as a file:// URI, through binaryFiles, as it would read hdfs:// or s3a:// input."""
    folder = tmp_path_factory.mktemp("spark")
    corpus = folder / "corpus"
    corpus.mkdir()
    build_corpus(corpus)
    missing = str(folder / "missing.txt")
    local = runner.invoke(app, ["analyze", str(corpus), missing, "--store", str(folder / "local.sqlite"),
                                "--workers", "1"])
    assert local.exit_code == 0, local.output
    inputs = [str(corpus / "cleaning"), (corpus / "extra").as_uri(), str(corpus / "pipeline"), missing]
    on_spark = runner.invoke(app, ["analyze", *inputs, "--engine", "spark", "--master", "local[2]",
                                   "--store", str(folder / "spark.sqlite"), "--parquet", str(folder / "result")])
    assert on_spark.exit_code == 0, on_spark.output
    return folder, corpus, local.output, on_spark.output


@needs_spark
def test_spark_export_is_identical_to_the_local_one(runs):
    folder, _, local_output, spark_output = runs
    local, on_spark = _export(folder / "local.sqlite"), _export(folder / "spark.sqlite")
    assert local == on_spark
    assert len(local["articles"]) >= 16 and local["entities"] and local["quotes"] and local["stories"]
    assert any(a["source"].endswith("crawl.warc#0") for a in local["articles"])
    assert any(a["source"].startswith("file:") for a in _raw_articles(folder / "spark.sqlite"))
    assert len({s["id"] for s in local["stories"]}) < len(local["articles"])      # some stories join outlets
    assert any(a["duplicate_of"] for a in local["articles"])
    for line in ("documents read", "articles stored (new)", "already in the store", "rejected"):
        assert _row(local_output, line) == _row(spark_output, line)
    assert _row(spark_output, "already in the store") == "1"


def _raw_articles(store: Path) -> list:
    with Store(store) as db:
        return [{"source": a.source} for a in db.iter_articles(details=False)]


def _row(output: str, label: str) -> str:
    return next(line for line in output.splitlines() if label in line).split("│")[2].strip()


@needs_spark
def test_spark_store_holds_the_same_corpus_state(runs):
    folder = runs[0]
    with Store(folder / "local.sqlite") as a, Store(folder / "spark.sqlite") as b:
        assert sorted(a.edges("story")) == sorted(b.edges("story")) and a.edges("story")
        assert sorted(a.edges("duplicate")) == sorted(b.edges("duplicate"))
        assert a.get_state("name_stats") == b.get_state("name_stats")
        assert b.get_state("corpus_done") is True
        assert [(r.source, r.reason) for r in a.rejected()] == \
            sorted((_local_name(r.source), r.reason) for r in b.rejected())
        assert {Path(r.source).name for r in b.rejected()} >= {"empty.txt", "image.txt", "missing.txt"}
        assert list(a.iter_features()) == list(b.iter_features())


@needs_spark
def test_loading_into_a_store_with_articles_merges_like_a_local_run(runs, tmp_path):
    folder, corpus, _, _ = runs
    first = corpus / "pipeline"
    for name, load_rest in (("local", False), ("merged", True)):
        store = tmp_path / f"{name}.sqlite"
        assert runner.invoke(app, ["analyze", str(first), "--store", str(store), "--workers", "1"]).exit_code == 0
        if load_rest:
            with Store(store) as db:
                result = parquet.load(folder / "result", db)
            assert result.merged and result.already == len(list(first.iterdir())) and result.stored > 0
        else:
            args = [str(corpus), str(folder / "missing.txt")]
            assert runner.invoke(app, ["analyze", *args, "--store", str(store), "--workers", "1"]).exit_code == 0
    assert _export(tmp_path / "merged.sqlite") == _export(tmp_path / "local.sqlite")


@needs_spark
def test_load_command_into_a_new_store_and_again_changes_nothing(runs, tmp_path):
    folder = runs[0]
    store = tmp_path / "loaded.sqlite"
    first = runner.invoke(app, ["load", str(folder / "result"), "--store", str(store)])
    assert first.exit_code == 0 and "loaded" in first.output
    assert _export(store) == _export(folder / "local.sqlite")
    with Store(store) as db:
        again = parquet.load(folder / "result", db)
    assert again.stored == 0 and again.already > 0
    assert _export(store) == _export(folder / "local.sqlite")


@needs_spark
def test_parquet_tables_keep_offsets_into_the_clean_text(runs):
    folder = runs[0]
    texts = {r["id"]: r["text"] for r in parquet.read_rows(str(folder / "result"), "articles")}
    for table, field in (("mentions", "text"), ("timexes", "text"), ("events", "sentence")):
        rows = parquet.read_rows(str(folder / "result"), table)
        assert rows
        for r in rows:
            assert texts[r["article"]][r["start"]:r["end"]] == r[field]
    assert set(parquet.TABLES) == {p.name for p in (folder / "result").iterdir()}


@needs_spark
def test_joined_features_give_the_edges_broadcast_ones_give(runs, session):
    result = str(runs[0] / "result")
    rows = parquet.read_rows(result, "articles")
    features = session.sparkContext.parallelize(
        [(r["id"], (r["published"], json.loads(r["features"]))) for r in rows], 2)
    stored = sorted((e["kind"], e["a"], e["b"], e["score"]) for e in parquet.read_rows(result, "edges"))
    assert any(e[0] == "story" for e in stored) and any(e[0] == "duplicate" for e in stored)
    for limit in (0, len(rows)):                         # joined in twice, then broadcast
        assert spark.story_edge_list(session.sparkContext, features, 2, len(rows), broadcast_limit=limit) == stored


@needs_spark
def test_a_load_killed_before_its_last_transaction_resumes_to_the_same_store(runs, tmp_path, monkeypatch):
    folder = runs[0]
    store = tmp_path / "killed.sqlite"

    def killed(self, stories):
        raise KeyboardInterrupt
    with Store(store) as db:
        with monkeypatch.context() as patch:
            patch.setattr(Store, "save_stories", killed)
            with pytest.raises(KeyboardInterrupt):
                parquet.load(folder / "result", db, batch_size=4)
        assert db.count("articles") > 0 and db.count("stories") == 0 and db.get_state("corpus_done") is False
    again = runner.invoke(app, ["load", str(folder / "result"), "--store", str(store), "--batch", "4"])
    assert again.exit_code == 0 and "merged" in again.output
    assert _export(store) == _export(folder / "local.sqlite")
