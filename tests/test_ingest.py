"""Tests for marsad.ingest: every input format, every encoding, every kind of bad input.

All fixtures are written here (short paragraphs in the style of Egyptian, Gulf, Levantine, Iraqi and Maghrebi
outlets) or generated into tmp_path: zips, tars, WARCs, feeds.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import tarfile
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from marsad import MarsadError
from marsad import ingest
from marsad.ingest import DecodeError, check_bytes, decode, decode_bytes, read_paths, sniff_kind
from marsad.records import Document, Rejected

EGYPT = ("أعلنت وزارة الري المصرية، اليوم الثلاثاء، عن خطة جديدة لتطوير شبكة الترع في محافظات الصعيد، "
         "وقال المتحدث باسم الوزارة إن المرحلة الأولى ستنتهي قبل نهاية العام المقبل.")
GULF = ("استقبل ولي العهد في قصر الحكم بالرياض وفداً من رجال الأعمال الكويتيين، وجرى خلال اللقاء استعراض "
        "فرص الاستثمار المشترك في قطاعي الطاقة والسياحة.")
LEVANT = ("قال وزير الطاقة اللبناني إن ساعات التغذية الكهربائية ستزداد تدريجياً خلال فصل الصيف، مشيراً إلى "
          "وصول باخرة محملة بالفيول إلى مرفأ بيروت صباح الأحد.")
IRAQ = ("أفاد مصدر أمني في محافظة نينوى بأن القوات المشتركة نفذت عملية تفتيش واسعة في المناطق الصحراوية "
        "غرب الموصل، من دون تسجيل أي خسائر.")
MAGHREB = ("أكدت وزارة الفلاحة التونسية أن صابة الحبوب لهذا الموسم تجاوزت التوقعات، داعية الفلاحين إلى "
           "الإسراع في تسليم محاصيلهم إلى مراكز التجميع.")
PARAGRAPH = "\n\n".join([EGYPT, GULF, LEVANT, IRAQ, MAGHREB])
HEADLINE = "وزير الخارجية يصل إلى عمان في زيارة رسمية"


def html_page(body: str, charset: str = "utf-8", title: str = HEADLINE) -> str:
    return (f'<!DOCTYPE html>\n<html lang="ar" dir="rtl"><head><meta charset="{charset}"><title>{title}</title>'
            f"</head><body><article><h1>{title}</h1><p>{body}</p></article></body></html>")


def items(paths, **kwargs) -> list[Document | Rejected]:
    return list(read_paths(paths if isinstance(paths, list) else [paths], **kwargs))


def docs(found) -> list[Document]:
    return [item for item in found if isinstance(item, Document)]


def rejects(found) -> list[Rejected]:
    return [item for item in found if isinstance(item, Rejected)]


def saudi_style_articles() -> list[dict]:
    """Objects with exactly the SaudiNewsNet keys, one with empty content as in the real files."""
    return [
        {"source": "aawsat", "url": "http://example.sa/a/1", "date_extracted": "2015-07-21 14:03:00",
         "title": HEADLINE, "author": "الرياض: محمد العتيبي", "content": GULF + "\n" + EGYPT},
        {"source": "okaz", "url": "http://example.sa/a/2", "date_extracted": "2015-07-21 09:15:12",
         "title": "", "author": "", "content": ""},
        {"source": "alriyadh", "url": "http://example.sa/a/3", "date_extracted": "2015-07-21 22:40:05",
         "title": "تونس: صابة قياسية", "author": "", "content": MAGHREB},
    ]


def write_warc(path, records, gz: bool) -> None:
    """records: (url, content_type, status, body bytes)."""
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gz)
        for url, content_type, status, body in records:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            writer.write_record(record)


def rss_feed(with_empty_item: bool = True) -> str:
    empty = "<item><title>عنوان بلا نص</title><link>http://example.ps/3</link></item>" if with_empty_item else ""
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>صحيفة الشام اليوم</title><link>http://example.sy/</link><description>أخبار</description>
<item><title>{HEADLINE}</title><link>http://example.sy/news/1</link>
<pubDate>Thu, 01 Jul 2021 10:43:00 +0300</pubDate><author>مراسل دمشق</author>
<description>ملخص قصير</description>
<content:encoded><![CDATA[<p>{LEVANT}</p><p>{IRAQ}</p>]]></content:encoded></item>
<item><title>خبر ثان</title><link>http://example.sy/news/2</link><description>{EGYPT}</description></item>
{empty}
</channel></rss>"""


ATOM_FEED = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>وكالة المغرب العربي</title><id>urn:x</id>
<updated>2021-07-01T08:00:00Z</updated>
<entry><title>{HEADLINE}</title><link href="http://example.ma/n/7"/><id>urn:x:7</id>
<updated>2021-07-01T08:00:00+01:00</updated><author><name>الرباط</name></author>
<content type="html">&lt;p&gt;{MAGHREB}&lt;/p&gt;</content></entry>
</feed>"""


# --- plain files, HTML, folders --------------------------------------------------------------------------------

def test_text_file_becomes_text_document_with_bytes(tmp_path):
    path = tmp_path / "news.txt"
    path.write_bytes(PARAGRAPH.encode("utf-8"))
    [doc] = items(path)
    assert isinstance(doc, Document)
    assert (doc.kind, doc.source, doc.text, doc.encoding) == ("text", str(path), None, "utf-8")
    assert doc.data == PARAGRAPH.encode("utf-8")
    assert decode(doc) == PARAGRAPH


def test_html_by_extension_by_content_and_in_txt(tmp_path):
    page = html_page(EGYPT).encode("utf-8")
    (tmp_path / "a.html").write_bytes(page)
    (tmp_path / "b").write_bytes(page)                   # no extension: sniffed
    (tmp_path / "c.txt").write_bytes(page)               # scraped page saved as .txt
    (tmp_path / "d.txt").write_bytes(("سعر الدولار < 50 جنيهاً و> 40\n" + EGYPT).encode())
    found = items(tmp_path)
    assert [(os.path.basename(d.source), d.kind) for d in found] == [
        ("a.html", "html"), ("b", "html"), ("c.txt", "html"), ("d.txt", "text")]


def test_folder_is_recursive_sorted_and_skips_hidden(tmp_path):
    for name in ["z.txt", "b/2.txt", "b/1.txt", "a.txt", ".hidden.txt", ".git/x.txt", "b/.cache/y.txt"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(IRAQ + name, encoding="utf-8")
    sources = [os.path.relpath(d.source, tmp_path) for d in items(tmp_path)]
    assert sources == ["a.txt", os.path.join("b", "1.txt"), os.path.join("b", "2.txt"), "z.txt"]


def test_order_is_deterministic_and_follows_the_given_paths(tmp_path):
    names = ["m.txt", "c.jsonl", "k.zip", "a.txt"]
    (tmp_path / "m.txt").write_text(EGYPT, encoding="utf-8")
    (tmp_path / "a.txt").write_text(GULF, encoding="utf-8")
    (tmp_path / "c.jsonl").write_text("\n".join(json.dumps({"text": t}) for t in (IRAQ, LEVANT)), encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "k.zip", "w") as archive:
        archive.writestr("z.txt", MAGHREB)          # member order, not name order
        archive.writestr("a.txt", EGYPT)
    first = [i.source for i in items(tmp_path)]
    assert first == [i.source for i in items(tmp_path)]
    assert [os.path.relpath(s, tmp_path) for s in first] == [
        "a.txt", "c.jsonl#1", "c.jsonl#2", "k.zip!z.txt", "k.zip!a.txt", "m.txt"]
    given_order = [tmp_path / n for n in names]
    assert [os.path.basename(i.source) for i in items(given_order)] == [
        "m.txt", "c.jsonl#1", "c.jsonl#2", "k.zip!z.txt", "k.zip!a.txt", "a.txt"]


def test_a_single_path_string_is_not_iterated_as_characters(tmp_path):
    path = tmp_path / "one.txt"
    path.write_text(EGYPT, encoding="utf-8")
    assert [d.source for d in read_paths(str(path))] == [str(path)]


# --- archives ------------------------------------------------------------------------------------------------------

def test_saudinewsnet_zip_loads_as_is(tmp_path):
    archive_path = tmp_path / "2015-07-21.zip"
    with zipfile.ZipFile(archive_path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("2015-07-21.json", json.dumps(saudi_style_articles(), ensure_ascii=False, indent=4))
    found = items(archive_path)
    first, empty, third = found
    assert isinstance(first, Document) and isinstance(third, Document)
    assert first.source == f"{archive_path}!2015-07-21.json#1"
    assert (first.kind, first.text, first.url) == ("text", GULF + "\n" + EGYPT, "http://example.sa/a/1")
    assert (first.title_hint, first.published_hint, first.outlet_hint, first.author_hint) == (
        HEADLINE, "2015-07-21 14:03:00", "aawsat", "الرياض: محمد العتيبي")
    assert first.data is None and decode(first) == first.text
    assert isinstance(empty, Rejected) and empty.source.endswith("#2") and empty.reason == "empty article text"
    assert third.source.endswith("#3") and third.author_hint is None and third.outlet_hint == "alriyadh"


def test_tar_gz_of_text_files(tmp_path):
    path = tmp_path / "batch.tar.gz"
    with tarfile.open(path, "w:gz") as archive:
        for name, text in [("day1/egypt.txt", EGYPT), ("day1/.DS_Store", "x"), ("day2/iraq.txt", IRAQ)]:
            data = text.encode("utf-8")
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    found = items(path)
    assert [d.source for d in found] == [f"{path}!day1/egypt.txt", f"{path}!day2/iraq.txt"]
    assert decode(found[1]) == IRAQ


def test_nested_archives_and_member_types(tmp_path):
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("deep/page.htm", html_page(LEVANT))
    warc = tmp_path / "w.warc"
    write_warc(warc, [("http://example.iq/1", "text/html; charset=utf-8", "200 OK",
                       html_page(IRAQ).encode())], gz=False)
    outer_zip = tmp_path / "outer.zip"
    with zipfile.ZipFile(outer_zip, "w") as archive:
        archive.writestr("inner.zip", inner.getvalue())
        archive.writestr("lines.jsonl", json.dumps({"body": EGYPT, "link": "http://example.eg/9"}) + "\n")
        archive.writestr("feed.rss", rss_feed(with_empty_item=False))
        archive.write(warc, "crawl.warc")
        archive.writestr("__MACOSX/._lines.jsonl", "junk")
    tar_path = tmp_path / "all.tar"
    with tarfile.open(tar_path, "w") as archive:
        archive.add(outer_zip, "outer.zip")
    found = items(tar_path)
    assert all(isinstance(i, Document) for i in found), found
    prefix = f"{tar_path}!outer.zip!"
    assert [i.source[len(prefix):] for i in found] == [
        "inner.zip!deep/page.htm", "lines.jsonl#1", "feed.rss#1", "feed.rss#2", "crawl.warc#0"]
    assert found[1].url == "http://example.eg/9" and found[4].url == "http://example.iq/1"


def test_archives_nested_too_deep_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_NESTING", 1)
    level2 = io.BytesIO()
    with zipfile.ZipFile(level2, "w") as archive:
        archive.writestr("a.txt", EGYPT)
    level1 = io.BytesIO()
    with zipfile.ZipFile(level1, "w") as archive:
        archive.writestr("level2.zip", level2.getvalue())
    path = tmp_path / "level0.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("level1.zip", level1.getvalue())
    [found] = items(path)
    assert isinstance(found, Rejected) and found.reason == "archives nested too deep"


def test_gzipped_jsonl(tmp_path):
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(gzip.compress("\n".join(json.dumps({"content": t}) for t in (GULF, IRAQ)).encode()))
    assert [d.text for d in items(path)] == [GULF, IRAQ]


# --- JSON and JSON lines -------------------------------------------------------------------------------------------

def test_jsonl_bad_line_is_rejected_with_its_number_and_the_rest_loads(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": EGYPT, "title": HEADLINE, "url": "http://example.eg/1", "date": "2021-07-01"},
                   ensure_ascii=False),
        '{"text": "' + GULF + '", "title": ',
        "",
        json.dumps({"content": f"<div><p>{LEVANT}</p><p>{IRAQ}</p></div>", "outlet": "النهار",
                    "published": "2021-07-02T09:00:00+03:00", "author": ["سامر", "ليلى"]}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    first, bad, last = items(path)
    assert first.text == EGYPT and first.kind == "text" and first.published_hint == "2021-07-01"
    assert isinstance(bad, Rejected) and bad.source == f"{path}#2"
    assert bad.reason.startswith("malformed JSON") and "\n" not in bad.reason and bad.sha256
    assert last.source == f"{path}#4" and last.kind == "html"
    assert (last.outlet_hint, last.author_hint) == ("النهار", "سامر، ليلى")


def test_json_array_single_object_and_articles_wrapper(tmp_path):
    (tmp_path / "array.json").write_text(json.dumps([{"body": EGYPT}, {"body": GULF}]), encoding="utf-8")
    (tmp_path / "one.json").write_text(json.dumps({"title": HEADLINE, "text": IRAQ, "link": "http://x.iq/1"}),
                                       encoding="utf-8")
    (tmp_path / "wrapped.json").write_text(json.dumps(
        {"status": "ok", "articles": [{"title": HEADLINE, "content": LEVANT, "publishedAt": "2021-07-01T10:00Z",
                                       "source": {"id": None, "name": "الأخبار"}}], "total": 1}), encoding="utf-8")
    (tmp_path / "wordpress.json").write_text(json.dumps(
        [{"link": "http://x.tn/p/5", "title": {"rendered": HEADLINE},
          "content": {"rendered": f"<p>{MAGHREB}</p><p>{EGYPT}</p>"}, "date": 1625130180}]), encoding="utf-8")
    found = {os.path.basename(d.source): d for d in items(tmp_path)}
    assert sorted(found) == ["array.json#1", "array.json#2", "one.json", "wordpress.json#1", "wrapped.json#1"]
    assert found["one.json"].url == "http://x.iq/1" and found["one.json"].text == IRAQ
    assert found["wrapped.json#1"].outlet_hint == "الأخبار"
    assert found["wrapped.json#1"].published_hint == "2021-07-01T10:00Z"
    press = found["wordpress.json#1"]
    assert press.kind == "html" and press.title_hint == HEADLINE
    assert press.published_hint == "2021-07-01T09:03:00+00:00"


@pytest.mark.parametrize("content, reason", [
    ('{"name": "config", "debug": true}', "JSON holds no articles"),
    ("[1, 2, 3]", "JSON holds no articles"),
    ("42", "JSON holds no articles"),
    ('[{"text": "' + EGYPT + '"}, {"text": "x"', "malformed JSON"),
    ('[{"text": "abc"} {"text": "d"}]', "malformed JSON"),
])
def test_json_that_is_not_articles_or_is_broken(tmp_path, content, reason):
    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    found = items(path)
    assert isinstance(found[-1], Rejected) and found[-1].reason.startswith(reason), found


def test_big_json_array_streams_and_oversize_item_is_rejected(tmp_path):
    """A file far over max_bytes still loads item by item; one item over the limit ends that file."""
    articles = [{"content": f"{PARAGRAPH} رقم {n}", "url": f"http://x.sa/{n}"} for n in range(300)]
    articles.append({"content": EGYPT * 200})
    path = tmp_path / "big.json"
    path.write_text(json.dumps(articles, ensure_ascii=False), encoding="utf-8")
    assert path.stat().st_size > 300_000
    found = items(path, max_bytes=20_000)
    assert len(docs(found)) == 300 and docs(found)[-1].text.endswith("رقم 299")
    [rejected] = rejects(found)
    assert rejected.source.endswith("#301") and rejected.reason.startswith("over size limit")


def test_json_reader_handles_values_split_across_chunks(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "CHUNK", 7)
    values = [{"text": EGYPT, "n": 123456789}, {"text": GULF, "n": -1.5e10}]
    path = tmp_path / "tiny_chunks.json"
    path.write_text(json.dumps({"articles": values}, ensure_ascii=False), encoding="utf-8")
    assert [d.text for d in items(path)] == [EGYPT, GULF]


# --- feeds ---------------------------------------------------------------------------------------------------------

def test_rss_items_become_html_documents(tmp_path):
    path = tmp_path / "sham.rss"
    path.write_text(rss_feed(), encoding="utf-8")
    first, second, empty = items(path)
    assert first.kind == "html" and LEVANT in first.text and IRAQ in first.text   # content:encoded, not summary
    assert (first.url, first.title_hint, first.outlet_hint) == ("http://example.sy/news/1", HEADLINE,
                                                                 "صحيفة الشام اليوم")
    assert first.published_hint == "2021-07-01T10:43:00+03:00" and first.author_hint == "مراسل دمشق"
    assert second.text == EGYPT and second.published_hint is None
    assert isinstance(empty, Rejected) and empty.source == f"{path}#3" and empty.reason == "feed item has no text"


def test_atom_feed_sniffed_without_extension(tmp_path):
    path = tmp_path / "atom_download"
    path.write_text(ATOM_FEED, encoding="utf-8")
    [entry] = items(path)
    assert entry.kind == "html" and MAGHREB in entry.text and entry.url == "http://example.ma/n/7"
    assert entry.published_hint == "2021-07-01T08:00:00+01:00" and entry.outlet_hint == "وكالة المغرب العربي"


def test_xml_that_is_not_a_feed_is_rejected(tmp_path):
    path = tmp_path / "sitemap.xml"
    path.write_text('<?xml version="1.0"?><urlset><url><loc>http://x</loc></url></urlset>', encoding="utf-8")
    [rejected] = items(path)
    assert isinstance(rejected, Rejected) and "feed" in rejected.reason


# --- WARC ----------------------------------------------------------------------------------------------------------

def warc_records():
    return [
        ("http://example.eg/news/1", "text/html; charset=utf-8", "200 OK", html_page(EGYPT).encode("utf-8")),
        ("http://example.eg/logo.png", "image/png", "200 OK", b"\x89PNG\r\n\x1a\n" + bytes(300)),
        ("http://example.sa/news/2", "text/html; charset=windows-1256", "200 OK",
         html_page(GULF, charset="windows-1256").encode("cp1256")),
        ("http://example.eg/missing", "text/html", "404 Not Found", b"<html><body>not found</body></html>"),
        ("http://example.lb/news/3", "text/html", "200 OK", html_page(LEVANT).encode("utf-8")),
    ]


@pytest.mark.parametrize("gz", [False, True])
def test_warc_html_responses(tmp_path, gz):
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    write_warc(path, warc_records(), gz)
    found = items(path)
    assert [type(i).__name__ for i in found] == ["Document", "Document", "Rejected", "Document"]
    egypt, gulf, missing, levant = found
    assert egypt.kind == "html" and egypt.url == "http://example.eg/news/1" and egypt.encoding == "utf-8"
    assert egypt.data == html_page(EGYPT).encode("utf-8")
    assert gulf.encoding == "cp1256" and GULF in decode(gulf)
    assert missing.reason == "HTTP status 404"
    assert levant.url == "http://example.lb/news/3"
    assert len({i.source for i in found}) == 4 and all(i.source.startswith(f"{path}#") for i in found)


@pytest.mark.parametrize("gz", [False, True])
def test_truncated_warc_keeps_what_came_before(tmp_path, gz):
    path = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    records = [(f"http://example.iq/{n}", "text/html", "200 OK", html_page(IRAQ + f" {n} " + os.urandom(600).hex())
                .encode()) for n in range(3)]
    write_warc(path, records, gz)
    data = path.read_bytes()
    path.write_bytes(data[:int(len(data) * 0.8)])
    found = items(path)
    assert [d.url for d in docs(found)] == ["http://example.iq/0", "http://example.iq/1"]
    assert isinstance(found[-1], Rejected) and "truncated" in found[-1].reason


# --- encodings -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("encoding, label", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("utf-16-le", "utf-16-le"),
    ("utf-16-be", "utf-16-be"), ("cp1256", "cp1256"), ("iso8859_6", "iso-8859-6"),
])
def test_each_encoding_decodes_to_the_same_text(tmp_path, encoding, label):
    data = PARAGRAPH.encode(encoding)
    if encoding == "utf-16":
        for bom_order in ("utf-16-le", "utf-16-be"):       # BOM in both byte orders
            bom = b"\xff\xfe" if bom_order.endswith("le") else b"\xfe\xff"
            assert decode_bytes(bom + PARAGRAPH.encode(bom_order)) == (PARAGRAPH, "utf-16")
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    [doc] = items(path)
    assert isinstance(doc, Document), doc
    assert doc.encoding == label
    fresh = Document(source="x", data=data)
    assert decode(fresh) == PARAGRAPH and fresh.encoding == label


def test_short_cp1256_headline_is_cp1256():
    fresh = Document(source="x", data=HEADLINE.encode("cp1256"))
    assert decode(fresh) == HEADLINE and fresh.encoding == "cp1256"


def test_declared_charsets_and_wrong_declarations():
    page = html_page(EGYPT, charset="windows-1256")
    assert decode_bytes(page.encode("cp1256")) == (page, "cp1256")
    lying = html_page(GULF, charset="iso-8859-1")            # declared Latin-1, written in cp1256
    assert decode_bytes(lying.encode("cp1256")) == (lying, "cp1256")
    iso = html_page(IRAQ, charset="ISO-8859-6")
    assert decode_bytes(iso.encode("iso8859_6")) == (iso, "iso-8859-6")
    assert decode_bytes(IRAQ.encode("iso8859_6"), "text/html; charset=iso-8859-6") == (IRAQ, "iso-8859-6")
    french = "Le ministère a annoncé une réforme économique très attendue à Tunis et à Alger."
    assert decode_bytes(french.encode("cp1252"), "text/html; charset=windows-1252") == (french, "cp1252")


def test_hard_cases_pass_through_unchanged(tmp_path):
    long_line = (EGYPT + " ") * 300
    assert len(long_line) > 50_000
    mixed = "قال رئيس شركة Apple Inc. تيم كوك إن المبيعات ارتفعت بنسبة ١٥٪ في عام ٢٠٢١ مقارنةً بـ2020."
    voweled = "إِنَّ الْحُكُومَةَ الـعـراقـيـة عَازِمَةٌ عَلَى الْإِصْلَاحِ"
    for n, text in enumerate([long_line, mixed, voweled]):
        path = tmp_path / f"{n}.txt"
        path.write_bytes(text.encode("utf-8"))
        [doc] = items(path)
        assert decode(doc) == text
    for text in [long_line, voweled]:              # cp1256 has no Arabic-Indic digits
        assert decode(Document(source="x", data=text.encode("cp1256"))) == text


def test_decode_returns_text_that_arrived_decoded():
    doc = Document(source="x", text=MAGHREB, data=None)
    assert decode(doc) == MAGHREB


def test_undecodable_bytes_raise_decode_error():
    with pytest.raises(DecodeError) as caught:
        decode(Document(source="x", data=codecs_bom_utf8() + b"\xff\xfe\xfa" + "نص".encode()))
    assert issubclass(DecodeError, MarsadError) and "\n" not in str(caught.value)
    with pytest.raises(DecodeError):
        decode_bytes(b"\x81\x01\x02\x03\x04\x05\x06" * 100)
    with pytest.raises(DecodeError):
        decode(Document(source="x"))


def codecs_bom_utf8() -> bytes:
    return b"\xef\xbb\xbf"


def test_undecodable_file_is_rejected_by_read_paths(tmp_path):
    path = tmp_path / "broken.txt"
    path.write_bytes(codecs_bom_utf8() + EGYPT.encode("utf-8") + b"\xc3\x28")
    [rejected] = items(path)
    assert isinstance(rejected, Rejected) and rejected.reason.startswith("undecodable")
    assert rejected.size == path.stat().st_size and len(rejected.sha256) == 64


# --- bad input -----------------------------------------------------------------------------------------------------

def test_missing_path_and_permission_denied(tmp_path, monkeypatch):
    missing = tmp_path / "nope.txt"
    locked = tmp_path / "locked.txt"
    locked.write_text(EGYPT, encoding="utf-8")
    real_open = open

    def fake_open(path, *args, **kwargs):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(ingest, "open", fake_open, raising=False)
    gone, denied = items([missing, locked])
    assert gone.reason == "unreadable path: no such file or directory"
    assert denied.reason == "unreadable path: permission denied"


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b" \n\t\r\n  ", "blank file (whitespace only)"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary file (PNG image)"),
    ("dump.txt", ("نص".encode() + b"\x00\x00\x00\x07") * 100, "binary file (NUL bytes)"),
    ("scan.html", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "binary file (PDF document)"),
])
def test_bad_files_are_rejected(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    [rejected] = items(path)
    assert isinstance(rejected, Rejected) and rejected.reason == reason
    assert rejected.size == len(data)


def test_over_size_limit(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(PARAGRAPH.encode() * 20)
    [rejected] = items(path, max_bytes=1000)
    assert rejected.reason == "over size limit 1000 bytes" and rejected.size == path.stat().st_size
    [default] = items(path)
    assert isinstance(default, Document)
    assert check_bytes("x", b"a" * 21, max_bytes=20).reason == "over size limit 20 bytes"
    assert ingest._size_limit_reason(20_000_000) == "over size limit 20 MB"


def test_truncated_zip_and_tar(tmp_path):
    texts = [PARAGRAPH + os.urandom(3000).hex() for _ in range(3)]
    zip_path = tmp_path / "cut.zip"
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as archive:
        for n, text in enumerate(texts):
            archive.writestr(f"{n}.txt", text)
    zip_path.write_bytes(zip_path.read_bytes()[:-200])
    [rejected] = items(zip_path)
    assert rejected.reason.startswith("truncated or corrupt zip")
    for mode, name in [("w", "cut.tar"), ("w:gz", "cut.tar.gz")]:
        tar_path = tmp_path / name
        with tarfile.open(tar_path, mode) as archive:
            for n, text in enumerate(texts):
                data = text.encode()
                info = tarfile.TarInfo(f"{n}.txt")
                info.size = len(data)
                archive.addfile(info, io.BytesIO(data))
        data = tar_path.read_bytes()
        tar_path.write_bytes(data[:len(data) // 2])
        found = items(tar_path)
        assert [os.path.basename(d.source) for d in docs(found)] == [f"{name}!0.txt"]
        assert isinstance(found[-1], Rejected) and "truncated" in found[-1].reason and found[-1].source.startswith(
            str(tar_path))


def test_encrypted_zip_member_is_rejected(tmp_path):
    path = tmp_path / "locked.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.txt", EGYPT)
        archive.writestr("b.txt", GULF)
    raw = bytearray(path.read_bytes())
    # Set the "encrypted" flag on the second member in its central directory entry.
    central = raw.rfind(b"PK\x01\x02")
    raw[central + 8] |= 0x1
    path.write_bytes(bytes(raw))
    first, second = items(path)
    assert first.text is None and decode(first) == EGYPT
    assert isinstance(second, Rejected) and second.reason == "encrypted zip member"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=600), name=st.sampled_from(
    ["x.txt", "x.html", "x.json", "x.jsonl", "x.rss", "x.warc", "x.warc.gz", "x.zip", "x.tar.gz", "x"]),
    prefix=st.sampled_from([b"", b"PK\x03\x04", b"\x1f\x8b\x08\x00", b"WARC/1.0\r\n", b"[{", b"<rss>", b"\xff\xfe"]))
def test_random_bytes_never_raise(tmp_path, data, name, prefix):
    path = tmp_path / name
    path.write_bytes(prefix + data)
    for item in read_paths([path], max_bytes=10_000):
        assert isinstance(item, (Document, Rejected))
        if isinstance(item, Rejected):
            assert "\n" not in item.reason and item.reason


# --- sniffing and checks -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, data, kind", [
    ("a.txt", EGYPT.encode(), "text"),
    ("a", EGYPT.encode("utf-16"), "text"),
    ("a.txt", html_page(GULF).encode(), "html"),
    ("page", b"<html><body><p>x</p></body></html>", "html"),
    ("a.xml", rss_feed().encode(), "feed"),
    ("download", ATOM_FEED.encode(), "feed"),
    ("a.warc", b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "warc"),
    ("a.bin", gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n"), "warc"),
    ("a.json", b'[{"text": "x"}]', "json"),
    ("a.json", b'{"text": "x"}\n{"text": "y"}\n', "jsonl"),
    ("a.jsonl", b'{"text": "x"}\n', "jsonl"),
    ("export", b'  {"articles": []}', "json"),
    ("renamed.txt", b"PK\x03\x04rest", "zip"),
    ("a.tgz", gzip.compress(b"anything"), "tar"),
    ("a.txt", b"\x89PNG\r\n\x1a\n", "binary"),
    ("a.txt.gz", gzip.compress(b"plain"), "binary"),
])
def test_sniff_kind(name, data, kind):
    assert sniff_kind(name, data) == kind


def test_check_bytes_passes_text_and_utf16():
    assert check_bytes("x", PARAGRAPH.encode("utf-16-le")) is None
    assert check_bytes("x", PARAGRAPH.encode("cp1256")) is None
    rejected = check_bytes("x", b"GIF89a" + bytes(50))
    assert rejected.reason == "binary file (GIF image)" and rejected.size == 56 and len(rejected.sha256) == 64


# --- more edges ----------------------------------------------------------------------------------------------------

def test_json_lines_in_a_json_file_with_long_first_line(tmp_path):
    path = tmp_path / "dump.json"
    first = {"text": PARAGRAPH * 20}                  # first line longer than the sniffing head
    path.write_text(json.dumps(first, ensure_ascii=False) + "\n" + json.dumps({"text": IRAQ}) + "\n",
                    encoding="utf-8")
    assert [(os.path.basename(d.source), len(d.text)) for d in items(path)] == [
        ("dump.json#1", len(PARAGRAPH * 20)), ("dump.json#2", len(IRAQ))]


def test_json_trailing_data_is_reported_after_the_articles(tmp_path):
    path = tmp_path / "x.json"
    path.write_text(json.dumps([{"text": EGYPT}]) + " ]garbage", encoding="utf-8")
    doc, rejected = items(path)
    assert doc.text == EGYPT and rejected.reason == "trailing data after the JSON value"


def test_jsonl_overlong_line_and_non_article_lines(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join([json.dumps({"text": EGYPT * 30}), json.dumps({"text": GULF}), "[1, 2]"]),
                    encoding="utf-8")
    over, gulf, odd = items(path, max_bytes=2000)
    assert over.source.endswith("#1") and over.reason == "line over size limit 2000 bytes"
    assert gulf.text == GULF and odd.reason == "not an article: a JSON list"
    other = tmp_path / "metrics.jsonl"
    other.write_text('{"step": 1, "loss": 0.5}\n{"step": 2, "loss": 0.4}\n', encoding="utf-8")
    [rejected] = items(other)
    assert rejected.source == str(other) and rejected.reason.startswith("JSON lines hold no articles")


def test_folder_symlink_loop_and_fifo_do_not_hang(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(EGYPT, encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    os.mkfifo(tmp_path / "pipe")
    found = items(tmp_path)
    assert [os.path.relpath(i.source, tmp_path) for i in docs(found)] == [os.path.join("sub", "a.txt")]
    assert [(os.path.basename(r.source), r.reason) for r in rejects(found)] == [("pipe", "not a regular file")]


def test_warc_with_wrong_content_length_is_reported_not_printed(tmp_path, capsys):
    path = tmp_path / "bad_length.warc"
    write_warc(path, warc_records()[:1] + warc_records()[4:], gz=False)
    data = path.read_bytes()
    start = data.index(b"Content-Length: ", data.index(b"application/http")) + len(b"Content-Length: ")
    end = data.index(b"\r\n", start)
    wrong = str(int(data[start:end]) - 40).encode()
    path.write_bytes(data[:start] + wrong + data[end:])
    found = items(path)
    assert any(isinstance(r, Rejected) and "Content-Length" in r.reason for r in found), found
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("headline", ["الرياض", "هدنة في غزة", "السيسي يستقبل ملك الأردن", "قال الوزير"])
def test_short_single_byte_headlines_that_charset_guessing_gets_wrong(headline):
    """charset-normalizer reads these as big5, cp874 or cp1255; they must come out Arabic."""
    assert decode_bytes(headline.encode("cp1256")) == (headline, "cp1256")
    assert decode_bytes(headline.encode("iso8859_6")) == (headline, "iso-8859-6")


def test_feed_body_that_is_a_path_is_not_read_as_a_file(tmp_path):
    """feedparser takes bytes for a file name or URL: a body naming a local file must not be opened."""
    secret = tmp_path / "secret.xml"
    secret.write_text('<rss version="2.0"><channel><item><title>سر</title><description>نص سري طويل بما يكفي</description></item></channel></rss>', encoding="utf-8")
    feed = tmp_path / "feed.rss"
    feed.write_bytes(str(secret).encode())
    from marsad.ingest import read_paths
    items = list(read_paths([feed]))
    assert not any(getattr(i, "title_hint", None) == "سر" for i in items)
