"""The HTML pages: Arabic RTL everywhere, highlights at the stored offsets, untrusted text escaped, the JSON
twin of every page, charts, folded boilerplate, error pages, and pages of a store without corpus stages."""
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from marsad.store import Store
from marsad.web.app import create_app
from marsad.web.chart import day_chart
from marsad.web.spans import Highlight, nest_highlights
from marsad.queries import DayCount

sys.path.insert(0, str(Path(__file__).parent))      # web_fixtures sits beside the tests
from web_fixtures import XSS_IMG, XSS_SCRIPT, build_store  # noqa: E402

HTML = {"accept": "text/html"}
PAGES = ["/", "/search?q=بغداد", "/search", "/articles/a-eg0000000001", "/stories", "/stories/s-natoiraq001",
         "/entities", "/entities/e-stolt", "/outlets", "/outlets/youm7", "/articles/a-xss00000005",
         "/entities/e-xss", "/outlets/hespress", "/search?q=عنوان"]
TEMPLATES = Path(__file__).parent.parent / "marsad" / "web" / "templates"


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text inside elements that carry data-start."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.spans: list[dict] = []
        self._open: list[dict | None] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag in ("br", "img", "input", "meta", "link", "line", "rect"):
            return
        record = {"tag": tag, **attrs, "text": ""} if "data-start" in attrs else None
        if record is not None:
            self.spans.append(record)
        self._open.append(record)

    def handle_endtag(self, tag):
        if self._open:
            self._open.pop()

    def handle_data(self, data):
        for record in self._open:
            if record is not None:
                record["text"] += data


def parse(html: str) -> Elements:
    p = Elements()
    p.feed(html)
    return p


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("web") / "s.sqlite")


@pytest.fixture(scope="module")
def client(store_path):
    with TestClient(create_app(store_path)) as c:
        yield c


@pytest.mark.parametrize("url", PAGES)
def test_every_page_is_arabic_rtl_and_links_its_json_twin(client, url):
    r = client.get(url, headers=HTML)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/html")
    html_tag = next(attrs for tag, attrs in parse(r.text).tags if tag == "html")
    assert html_tag == {"lang": "ar", "dir": "rtl"}
    twin = re.search(r'<a href="([^"]+)" class="json-twin">', r.text)
    assert twin, url
    assert client.get(twin.group(1).replace("&amp;", "&")).status_code == 200


def test_article_highlights_sit_at_the_stored_offsets(client, store_path):
    with Store(store_path, readonly=True) as s:
        article = s.get_article("a-eg0000000001")
    spans = parse(client.get("/articles/a-eg0000000001", headers=HTML).text).spans
    mentions = [x for x in spans if "mention" in x.get("class", "")]
    quotes = [x for x in spans if "quote" in x.get("class", "")]
    assert len(mentions) == len(article.mentions) and len(quotes) == 1
    for x in mentions + quotes:
        start, end = int(x["data-start"]), int(x["data-end"])
        assert article.text[start:end] == x["text"]
    stored = {(m.start, m.end, m.entity) for m in article.mentions}
    assert {(int(x["data-start"]), int(x["data-end"]), x["data-entity"]) for x in mentions} == stored
    assert all(x["href"] == f"/entities/{x['data-entity']}" for x in mentions)


def test_article_text_is_whole_and_in_order(client, store_path):
    with Store(store_path, readonly=True) as s:
        article = s.get_article("a-gulf00000002")
    html = client.get("/articles/a-gulf00000002", headers=HTML).text
    body = re.search(r'<div class="text" id="text">(.*?)</div>', html, re.S).group(1)
    p = Elements()
    p.feed(body)
    text = re.sub(r"<[^>]+>", "", body)
    import html as html_mod
    assert html_mod.unescape(text) == article.text


def test_summary_sentence_link_is_marked_in_its_article(client):
    story = client.get("/stories/s-natoiraq001", headers=HTML).text
    link = re.search(r'href="(/articles/a-eg0000000001\?mark=(\d+)-(\d+)#mark)"', story)
    assert link
    spans = parse(client.get(link.group(1).replace("&amp;", "&"), headers=HTML).text).spans
    mark = next(x for x in spans if x["tag"] == "mark")
    assert (mark["data-start"], mark["data-end"]) == (link.group(2), link.group(3))


def test_removed_lines_are_folded(client):
    html = client.get("/articles/a-eg0000000001", headers=HTML).text
    details = re.search(r"<details class=\"removed\">(.*?)</details>", html, re.S).group(1)
    assert "اضف تعليقا واقرأ تعليقات القراء" in details and "<summary>" in details
    assert "<img" not in details


@pytest.mark.parametrize("url", ["/articles/a-xss00000005", "/entities/e-xss", "/search?q=عنوان",
                                 "/outlets/hespress", "/", "/articles/a-eg0000000001",
                                 "/search?q=" + XSS_IMG, "/stories/" + XSS_SCRIPT])
def test_untrusted_text_is_escaped(client, url):
    r = client.get(url, headers=HTML)
    assert XSS_SCRIPT not in r.text and "<img" not in r.text
    tags = parse(r.text).tags
    assert not any(tag == "img" for tag, _ in tags)
    assert not any(k.startswith("on") for _, attrs in tags for k in attrs)
    scripts = [attrs for tag, attrs in tags if tag == "script"]
    assert scripts == [{"src": "/static/marsad.js", "defer": None}]


def test_escaped_payload_is_shown_as_text(client):
    html = client.get("/articles/a-xss00000005", headers=HTML).text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_no_template_marks_data_safe():
    for path in TEMPLATES.glob("*.html"):
        source = path.read_text(encoding="utf-8")
        assert "|safe" not in source.replace(" ", "") and "autoescape false" not in source, path.name


def test_story_page_sections(client):
    html = client.get("/stories/s-natoiraq001", headers=HTML).text
    assert html.count('class="outlet-column"') == 3
    assert '<ol class="timeline">' in html and "<svg" in html and html.count("<rect") == 2
    assert "ترحب بكل دعم" in html                                   # a quote from the story
    assert 'href="/entities/e-stolt"' in html


def test_entity_page_sections(client):
    html = client.get("/entities/e-stolt", headers=HTML).text
    for alias in ("ستولتينبرغ", "يانس ستولينبيرج"):
        assert alias in html
    assert "الأمين العام لحلف شمال الأطلسي" in html
    assert "نعمل على تعزيز شراكتنا" in html                           # his quote
    assert 'href="/entities/e-kadhimi"' in html                     # seen with him
    assert "<svg" in html


def test_outlet_page_shows_its_spellings(client):
    html = client.get("/outlets/alriyadh", headers=HTML).text
    row = re.search(r'<a href="/entities/e-stolt">.*?</td>\s*<td>(.*?)</td>', html, re.S).group(1)
    assert "يانس ستولينبيرج" in row and "ستولينبيرج" in row and "ستولتينبرغ" not in row


def test_search_page_highlights_and_keeps_filters(client):
    html = client.get("/search", params={"q": "الاطلسي", "sort": "date", "outlet": "youm7"}, headers=HTML).text
    marks = [x for x in parse(html).spans if x["tag"] == "mark"]
    assert [m["text"] for m in marks] == ["الأطلسى"]
    assert '<option value="youm7" selected>' in html and '<option value="date" selected>' in html
    assert "لا نتائج" in client.get("/search", params={"q": "كلمةغيرموجودة"}, headers=HTML).text


def test_search_page_errors_are_pages(client):
    r = client.get("/search", params={"date_from": "أمس"}, headers=HTML)
    assert r.status_code == 422 and 'dir="rtl"' in r.text and "Traceback" not in r.text


def test_unknown_ids_give_an_arabic_404_page(client):
    for url in ("/stories/s-nope", "/entities/e-nope", "/articles/a-nope", "/outlets/nope", "/no/such/page"):
        r = client.get(url, headers=HTML)
        assert r.status_code == 404 and "غير موجود" in r.text and 'dir="rtl"' in r.text


def test_pages_of_a_store_without_corpus_stages(tmp_path):
    path = build_store(tmp_path / "bare.sqlite", corpus_stages=False)
    with TestClient(create_app(path)) as c:
        home = c.get("/", headers=HTML).text
        assert "لم تُجمع القصص بعد" in home and "a-eg0000000001" in home
        for url in ("/stories", "/entities", "/outlets/youm7", "/articles/a-eg0000000001", "/search?q=بغداد"):
            assert c.get(url, headers=HTML).status_code == 200, url
        spans = parse(c.get("/articles/a-eg0000000001", headers=HTML).text).spans
        assert spans and all(x["tag"] == "span" for x in spans)          # mentions without entity: no links


def test_fonts_are_local_and_nothing_is_fetched_from_elsewhere():
    css = (TEMPLATES.parent / "static" / "marsad.css").read_text(encoding="utf-8")
    assert '"Noto Naskh Arabic"' in css and "@import" not in css and "url(" not in css
    for path in TEMPLATES.glob("*.html"):
        assert not re.search(r'(src|href)="(https?:)?//', path.read_text(encoding="utf-8")), path.name


def test_nesting_keeps_every_character_and_drops_crossing_spans():
    text = "قال الوزير أحمد علي إن الاتفاق «سيوقع غدا في الرباط» رسميا"
    quote = (text.index("«") + 1, text.index("»"))
    rabat = (text.index("الرباط"), text.index("الرباط") + 6)
    crossing = (text.index("غدا"), text.index("رسميا"))
    pieces = nest_highlights(text, [Highlight("quote", *quote), Highlight("mention", *rabat),
                                    Highlight("mention", *crossing), Highlight("mention", 5, 5),
                                    Highlight("mention", -1, 3), Highlight("mention", 0, 999)])

    def flatten(items):
        return "".join(p if isinstance(p, str) else flatten(p.children) for p in items)

    assert flatten(pieces) == text
    quote_node = next(p for p in pieces if not isinstance(p, str))
    assert (quote_node.start, quote_node.end) == quote
    inner = [p for p in quote_node.children if not isinstance(p, str)]
    assert [(p.kind, p.start, p.end) for p in inner] == [("mention", *rabat)]


def test_same_span_quote_and_mention_nest():
    text = "الرباط"
    pieces = nest_highlights(text, [Highlight("quote", 0, 6), Highlight("mention", 0, 6)])
    assert pieces[0].kind == "quote" and pieces[0].children[0].kind == "mention"


def test_day_chart_fills_gaps_and_reads_right_to_left():
    chart = day_chart([DayCount("2021-07-01", 2), DayCount("2021-07-03", 4), DayCount("bad", 9)])
    assert [b.day for b in chart.bars] == ["2021-07-01", "2021-07-02", "2021-07-03"]
    assert [b.articles for b in chart.bars] == [2, 0, 4]
    assert chart.bars[0].x > chart.bars[-1].x                   # oldest on the right
    assert chart.bars[2].height > chart.bars[0].height > chart.bars[1].height == 0
    assert day_chart([]) is None and day_chart([DayCount("junk", 1)]) is None
