"""Tests for marsad/metadata.py: line keys, date lines, datelines and bylines, outlets, language, titles."""
from __future__ import annotations

import json
import re
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from marsad.arabic import normalize_for_matching
from marsad.metadata import (Credit, extract_dateline, extract_language, extract_outlet, extract_published,
                             extract_title, is_date_line, line_key, outlet_from_hint, outlet_from_text,
                             outlet_from_url, page_metadata, parse_credit, parse_published)
from marsad.records import Document

# ---------------------------------------------------------------------------------------------- line_key


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(
    "ابتثجحخدذرزسشصضطظعغفقكلمنهوي أإآٱىةؤئء ًٌٍَُِّْـ٠١٢٣٤٥٦٧٨٩۰۴پچژگکی،؛؟.!«»ﻻAbZ12 "), max_size=40))
def test_line_key_agrees_with_the_one_matching_normalisation(text):
    expected = re.sub(r"[\W_]+", " ", normalize_for_matching(text)).strip()
    assert line_key(text) == expected


def test_line_key_examples():
    assert line_key("اضف تعليقاً واقرأ تعليقات القراء") == line_key("أضف تعليقا، واقرأ تعليقات القراء!")
    assert line_key("  ٢٠٢١/٠٧/٠١ ") == "2021 07 01"
    assert line_key("...") == ""


# ------------------------------------------------------------------------------------------- date lines

@pytest.mark.parametrize("line", [
    "الخميس، 01 يوليو 2021 10:43 ص", "23 ديسمبر 2021", "نشر في: آخر تحديث:", "الثانية والثالثة 2025/02/06",
    "2015/08/11", "الثلاثاء 12 آذار 2024", "الخميس 05 جوان 2025 - 18:40", "التاريخ : 9 / 10 / 1436هـ",
    "الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس", "Published: 3 March 2024",
    "2024-06-16T10:30:00+03:00", "Sun, 16 Jun 2024 10:30:00 GMT", "يونيو 16, 2024",
    "نشر بتاريخ: 2024-03-22T10:15:00+03:00", "آخر تحديث: 2024-03-22T10:15:00Z",    # a label, a machine stamp
])
def test_date_lines(line):
    assert is_date_line(line)


@pytest.mark.parametrize("line", [
    "1", "(1)", "3601100204", "الخميس", "دعم القوات العراقية", "في", "قتل 23 شخصا في 2021",
    "وزارة الصحة تعلن 500 إصابة جديدة", "", "12:30", "1,250", "Version 2.0.1",
    "الرياض 2024-03-22T10:15:00+03:00", "قال في 2024-03-22T10:15:00+03:00",
])
def test_not_date_lines(line):
    assert not is_date_line(line)


def test_published_from_hint_page_and_lines():
    doc = Document(source="x", published_hint="2015-08-03 10:20:00")
    assert extract_published(doc) == "2015-08-03T10:20"
    assert extract_published(Document(source="x"), ["الخميس، 01 يوليو 2021 10:43 ص"]) == "2021-07-01T10:43"
    assert extract_published(Document(source="x"), ["العدد 5821 الصفحة الأولى 2025/04/03"]) == "2025-04-03"
    assert extract_published(Document(source="x"), [], page_date="2024-05-02") == "2024-05-02"
    assert extract_published(Document(source="x"), ["نشر في: آخر تحديث:"]) is None
    assert extract_published(Document(source="x"), ["نشر بتاريخ: 2024-03-22T10:15:00+03:00"]) == "2024-03-22T10:15"
    assert parse_published("") is None and parse_published("not a date") is None


# -------------------------------------------------------------------------------- datelines and bylines

@pytest.mark.parametrize("text, expected", [
    ("بروكسل (أ ش أ)", Credit("بروكسل", "أ ش أ")),
    ("بغداد: الصباح", Credit("بغداد", "الصباح")),
    ("القاهرة - رويترز", Credit("القاهرة", "رويترز")),
    ("واشنطن - (أ ف ب)", Credit("واشنطن", "أ ف ب")),
    ("الرياض - واس", Credit("الرياض", "واس")),
    ("كفر الشيخ - أ ش أ", Credit("كفر الشيخ", "أ ش أ")),
    ("واس (جدة)", Credit("جدة", "واس")),
    ("جنيف : (رويترز)", Credit("جنيف", "رويترز")),
    ("عين اليوم – الرياض", Credit("الرياض", "عين اليوم")),
])
def test_parse_credit_datelines(text, expected):
    assert parse_credit(text, strict=True) == expected


@pytest.mark.parametrize("text, expected", [
    ("لندن: سارة محمود", Credit("لندن", None, "سارة محمود")),
    ("عبدالرحيم الحدادي - المدينة المنورة", Credit("المدينة المنورة", None, "عبدالرحيم الحدادي")),
    ("بواسطة : عمرو عاطف", Credit(None, None, "عمرو عاطف")),
    ("&nbsp;واس (جدة)", Credit("جدة", "واس")),
    ("عدن، صنعاء: محمد عبدالعظيم، الوكالات", Credit("عدن، صنعاء", "الوكالات", "محمد عبدالعظيم")),
])
def test_parse_credit_bylines(text, expected):
    assert parse_credit(text) == expected


@pytest.mark.parametrize("text", [
    "قال الوزير: سنبدأ غدا", "دعم القوات العراقية", "الحكومة - المعارضة", "",
    "أعلنت الوزارة اليوم أن الخطة ستبدأ خلال أسبوعين في جميع المحافظات",
])
def test_parse_credit_refuses_ordinary_lines(text):
    assert parse_credit(text, strict=True) is None


@pytest.mark.parametrize("paragraph, place, agency", [
    ("بيروت - «الحياة»: قال وزير الخارجية إن الحكومة ستتابع الملف.", "بيروت", "الحياة"),
    ("دمشق، سوريا (CNN) -- أكدت جهات سورية معارضة أن الفصائل سيطرت على مستودعات.", "دمشق، سوريا", "CNN"),
    ("القاهرة - رويترز - قال مسؤول إن المحادثات ستستأنف غدا.", "القاهرة", "رويترز"),
    ("غزة (الأناضول) - أعلنت وزارة الصحة ارتفاع عدد الضحايا.", "غزة", "الأناضول"),
    ("غزة/ الأناضول: أعلنت وزارة الصحة ارتفاع عدد الضحايا.", "غزة", "الأناضول"),
    ("الرياض (واس) - أعلنت وزارة الصحة تسجيل إصابات جديدة.", "الرياض", "واس"),   # a city a paper is named after
    ("بغداد - أعلن وزير المالية إطلاق رواتب الموظفين.", "بغداد", None),             # a known place alone
    ("شفق نيوز/ أعلن وزير المالية إطلاق رواتب الموظفين.", None, "شفق نيوز"),         # the outlet first
    ("المدى/ بغداد: أعلن وزير المالية إطلاق رواتب الموظفين.", "بغداد", "المدى"),
    ("سبق- أبها: أعاد ملتقى ليالي أبها الرمضانية فعالياته.", "أبها", "سبق"),
    ("أبوظبي في 12 يناير / وام / استقبل رئيس الدولة وزير الخارجية الأمريكي.", "أبوظبي", "وام"),   # WAM's stamp
])
def test_inline_dateline_leaves_the_paragraph_intact(paragraph, place, agency):
    credit = extract_dateline(paragraph)
    assert credit == Credit(place, agency)


@pytest.mark.parametrize("paragraph", [
    "الكاظمي (رئيس الوزراء) قال إن الحكومة ماضية في خطتها.",
    "الناتو: نعمل على تعزيز شراكتنا مع العراق.",
    "قال الوزير - في مؤتمر صحفي - إن الخطة جاهزة.",
    "بروكسل (أ ش أ)",
    "الكاظمي - رئيس الوزراء - قال إن الحكومة ماضية في خطتها.",
    "مشروع - كما قال الوزير - سينجز قريبا.",
    "وزارة المالية/ أعلنت إطلاق رواتب الموظفين.",
])
def test_not_an_inline_dateline(paragraph):
    assert extract_dateline(paragraph) is None


# ---------------------------------------------------------------------------------------------- outlets

def test_outlet_list_is_well_formed():
    data = json.loads(resources.files("marsad").joinpath("data", "outlets.json").read_text(encoding="utf-8"))
    ids = [o["id"] for o in data["outlets"]]
    assert len(ids) == len(set(ids)) and len(ids) >= 80
    for sid in ("aawsat", "alriyadh", "aljazirah", "alyaum", "aleqtisadiya", "okaz", "alwatan", "almadina",
                "alweeam", "3alyoum", "sabq", "was", "arreyadi", "arriyadiyah"):
        assert sid in ids
    assert all(o["names"] and o["domains"] for o in data["outlets"])


@pytest.mark.parametrize("url, outlet", [
    ("https://www.youm7.com/story/2021/7/1/x", "youm7"),
    ("http://aawsat.com/home/article/410826/x", "aawsat"),
    ("https://gate.ahram.org.eg/News/1.aspx", "ahram"),
    ("https://www.bbc.com/arabic/world-123", "bbc-arabic"),
    ("https://www.bbc.com/news/world-123", None),
    ("https://www.aa.com.tr/ar/x", "aa-ar"),
    ("https://example.com/aawsat.com", None),
    ("not a url", None),
    (None, None),
])
def test_outlet_from_url(url, outlet):
    assert outlet_from_url(url) == outlet


def test_outlet_from_hint_id_name_domain():
    assert outlet_from_hint("aawsat") == "aawsat"
    assert outlet_from_hint("عكاظ") == "okaz"
    assert outlet_from_hint("www.hespress.com") == "hespress"
    assert outlet_from_hint("صحيفة مجهولة") is None
    assert outlet_from_hint("") is None


def test_outlet_from_text_needs_a_self_reference():
    assert outlet_from_text('وذكر بيان رئاسي، تلقته "الصباح"، أن الرئيس استقبل الوفد.') == "alsabaah"
    assert outlet_from_text("انضم إلى قائمة من يقدّرون محتوى الحل نت واشترك بنشرتنا البريدية.") == "alhal"
    assert outlet_from_text("وكشف الوزير لـ«الشرق الأوسط» عن خطة جديدة.") == "aawsat"
    # a mere mention of another outlet as a source is not a cue, nor is an ordinary word
    assert outlet_from_text("ونقلت صحيفة «الشرق الأوسط» عن مصادر أن الاجتماع تأجل.") is None
    assert outlet_from_text("وصل الوفد صباح اليوم إلى الرياض.") is None


def test_extract_outlet_order():
    doc = Document(source="x", url="https://www.okaz.com.sa/news/1", outlet_hint="sabq")
    assert extract_outlet(doc, "") == "okaz"
    assert extract_outlet(Document(source="x", outlet_hint="sabq"), 'تلقته "الصباح"') == "sabq"


# --------------------------------------------------------------------------------------------- language

@pytest.mark.parametrize("text, lang", [
    ("قال الأمين العام لحلف شمال الأطلسي إن الحلف سيعمل على تعزيز شراكته مع العراق في المرحلة المقبلة.", "ar"),
    ("The secretary general said the alliance would strengthen its partnership with Iraq next year.", "en"),
    ("Le secrétaire général a déclaré que l'alliance renforcerait son partenariat avec l'Irak dans les mois qui viennent.", "fr"),
    ("دبیرکل ناتو گفت که این ائتلاف همکاری خود را با عراق در سال آینده گسترش می دهد و این برای منطقه مهم است.", "fa"),
    ("نیٹو کے سیکرٹری جنرل نے کہا ہے کہ اتحاد عراق کے ساتھ اپنی شراکت داری کو مضبوط کرے گا اور یہ اہم ہے۔", "ur"),
    ("12345 ... ---", "und"),
    ("الأمير محمد بن سلمان", "ar"),
    ("ok", "und"),
    ("", "und"),
])
def test_language(text, lang):
    assert extract_language(text) == lang


def test_arabic_article_with_latin_names_is_arabic():
    text = ("أعلنت شركة Microsoft عن شراكة مع OpenAI في مؤتمر عقد في Seattle، وقال الرئيس التنفيذي إن "
            "الشراكة ستشمل مراكز بيانات في المنطقة العربية خلال السنوات الخمس المقبلة.")
    assert extract_language(text) == "ar"


# ---------------------------------------------------------------------------------------- title and page

def test_title_order():
    assert extract_title(Document(source="x", title_hint=" عنوان &amp; آخر "), ["سطر"]) == "عنوان & آخر"
    assert extract_title(Document(source="x"), ["سطر"], page_title="عنوان الصفحة") == "عنوان الصفحة"
    assert extract_title(Document(source="x"), ["سطر ينتهي بنقطة مثل الجمل.", "عنوان الخبر هنا"]) == "عنوان الخبر هنا"
    assert extract_title(Document(source="x"), []) is None


def test_page_metadata_reads_meta_tags_json_ld_and_canonical():
    tree = lxml_html.fromstring("""<html><head><title>بديل | الموقع</title>
        <meta name="title" content="عنوان أضعف">
        <meta property="og:title" content="العنوان">
        <meta name="author" content="https://example.com/authors/1">
        <meta property="og:site_name" content="هسبريس">
        <link rel="canonical" href="https://www.hespress.com/x-1.html">
        <script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2023-11-05T14:20:00Z"}</script>
        </head><body><p>نص</p></body></html>""")
    page = page_metadata(tree)
    assert page.title == "العنوان"
    assert page.date == "2023-11-05T14:20"
    assert page.author is None                       # an author URL is not a name
    assert page.sitename == "هسبريس"
    assert page.url == "https://www.hespress.com/x-1.html"
    bare = page_metadata(lxml_html.fromstring(
        "<html><head><title>وزير الصحة يفتتح مستشفى جديدا | الموقع</title></head><body></body></html>"))
    assert (bare.title, bare.date) == ("وزير الصحة يفتتح مستشفى جديدا", None)


@pytest.mark.parametrize("author_json", [
    '"author": {"@type": "Person", "name": "هدى السعدي"}',
    '"author": [{"@type": "Person", "name": "هدى السعدي", "url": "https://example.com/h"}, {"name": "آخر"}]',
    '"author": "هدى السعدي"',
])
def test_page_metadata_reads_the_json_ld_author(author_json):
    tree = lxml_html.fromstring(f"""<html><head><title>عنوان</title>
        <script type="application/ld+json">{{"@type": "NewsArticle", {author_json},
        "datePublished": "2024-07-03T09:15:00+03:00"}}</script></head><body><p>نص</p></body></html>""")
    page = page_metadata(tree)
    assert (page.author, page.date) == ("هدى السعدي", "2024-07-03T09:15")


@pytest.mark.parametrize("line, credit", [
    ("الظهران، 5 نوفمبر 2024 (واس)", Credit("الظهران", "واس")),
    ("الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس", Credit("الرياض", "واس")),
    ("القاهرة في 3 مارس 2025 (أ ش أ)", Credit("القاهرة", "أ ش أ")),
    ("بغداد 12 مايو 2024", Credit("بغداد", None)),
    ("الخميس، 01 يوليو 2021 10:43 ص", None),
    ("بروكسل (أ ش أ)", None),                      # no date: a dateline, parse_credit's to read
])
def test_stamp_credit(line, credit):
    from marsad.metadata import stamp_credit
    assert stamp_credit(line) == credit


def test_a_name_in_quotes_after_a_dateline_is_the_paper_not_a_writer():
    assert parse_credit("بيروت - «الأخبار»", strict=True) == Credit("بيروت", "الأخبار")
    assert parse_credit('عمّان - "الغد"', strict=True) == Credit("عمّان", "الغد")
    assert parse_credit("لندن: فلان الفلاني", strict=True) == Credit("لندن", None, "فلان الفلاني")


def test_a_name_alone_in_an_author_field_is_the_author_not_a_dateline():
    from marsad.metadata import parse_author_field
    assert parse_author_field("محمد الحمادي") == Credit(author="محمد الحمادي")
    assert parse_author_field("فريق التحرير").author == "فريق التحرير"
    assert parse_author_field("جدة") == Credit(dateline="جدة")                  # a known place stays one
    assert parse_author_field("واس - الرياض") == Credit(dateline="الرياض", agency="واس")


def test_json_ld_written_with_unicode_escapes_is_decoded():
    import lxml.html
    from marsad.metadata import page_metadata
    escaped = "".join(f"\\u{ord(c):04x}" for c in "حيدر الساعدي")
    page = ('<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": '
            '"\\u0627\\u0644\\u0639\\u0646\\u0648\\u0627\\u0646 \\"\\u0627\\u0644\\u0623\\u0648\\u0644\\"", '
            '"author": {"@type": "Person", "name": "' + escaped + '"}}</script></head><body></body></html>')
    found = page_metadata(lxml.html.fromstring(page))
    assert (found.title, found.author) == ('العنوان "الأول"', "حيدر الساعدي")


def test_an_author_field_naming_a_writer_or_the_paper_and_a_city():
    from marsad.metadata import parse_author_field
    assert parse_author_field("متعب الروقي من جدة") == Credit(dateline="جدة", author="متعب الروقي")
    assert parse_author_field("«الاقتصادية» من الرياض") == Credit(dateline="الرياض", agency="الاقتصادية")


def test_a_dateline_with_the_days_date_before_the_dash():
    text = "الخرطوم 15 أبريل 2024 – تجددت الاشتباكات العنيفة بين الجيش والدعم السريع."
    assert extract_dateline(text) == Credit(dateline="الخرطوم")


def test_a_sentence_naming_an_agency_in_brackets_is_no_dateline():
    from marsad.metadata import dateline_end, extract_dateline
    text = "وأفادت وكالة الأنباء الكويتية (كونا) بأن وزير الخارجية وقع الاتفاقيات عن الجانب الكويتي."
    assert extract_dateline(text) is None and dateline_end(text) == 0
    assert extract_dateline("الكويت (كونا) - أكد وزير الخارجية أن الاتفاقيات وقعت.").dateline == "الكويت"


def test_the_writer_the_outlet_then_the_place_opening_the_text():
    from marsad.metadata import extract_dateline
    credit = extract_dateline("عبدالله البرقاوي- سبق- الرياض: أعلن طيران ناس عن تكريم قائد الطائرة.")
    assert (credit.dateline, credit.agency, credit.author) == ("الرياض", "سبق", "عبدالله البرقاوي")


def test_a_page_on_an_unknown_site_is_named_by_its_address():
    from marsad.metadata import site_of
    assert site_of("https://www.akhbar-alkhaleej.com/news/article/1") == "akhbar-alkhaleej.com"
    assert site_of("http://10.0.0.1/page") is None and site_of(None) is None


@pytest.mark.parametrize("paragraph, place, agency", [
    ("نابلس 2-11-2026 وفا- أصيب ثلاثة مواطنين برصاص الاحتلال", "نابلس", "وفا"),
    ("عمان 12/4 بترا: قال وزير المياه", "عمان", "بترا"),
])
def test_a_dateline_with_the_date_in_digits_and_the_agency_unbracketed(paragraph, place, agency):
    credit = extract_dateline(paragraph)
    assert (credit.dateline, credit.agency) == (place, agency)


def test_digits_after_a_place_are_no_dateline_without_an_agency():
    assert extract_dateline("بغداد 3-4 أشخاص - قتلوا في انفجار") is None


def test_a_credit_ending_in_from_and_a_writer_names_the_writer():
    from marsad.metadata import parse_credit
    credit = parse_credit('نابلس - "الأيام" أونلاين - من سامي النجار', strict=True)
    assert (credit.dateline, credit.agency, credit.author) == ("نابلس", "الأيام", "سامي النجار")


def test_a_json_ld_person_beats_a_meta_author_naming_the_outlet_and_its_wire_is_the_agency():
    from marsad.boilerplate import clean_document
    from marsad.metadata import parse_author_field
    ld = json.dumps({"@type": "NewsArticle", "author": [{"@type": "Person", "name": "رنا الحداد"}]},
                    ensure_ascii=False)
    head = (f'<head><meta name="author" content="بي بي سي مع رويترز"><script type="application/ld+json">{ld}'
            '</script></head>')
    page = page_metadata(lxml_html.fromstring(f"<html>{head}<body><p>نص</p></body></html>"))
    assert (page.author, page.credit) == ("رنا الحداد", "بي بي سي مع رويترز")
    assert parse_author_field("بي بي سي مع رويترز").agency == "رويترز"
    body = ("<p>أعلنت وزارة الزراعة اليوم الخميس بدء موسم قطاف الزيتون في المحافظات الشمالية بمشاركة آلاف "
            "المزارعين، وسط توقعات بإنتاج يفوق العام الماضي بنحو الخمس.</p>") * 3
    a = clean_document(Document(source="p.html", kind="html"), f"<html>{head}<body><article>{body}</article></body></html>")
    assert (a.author, a.agency) == ("رنا الحداد", "رويترز")


@pytest.mark.parametrize("line, agency", [("عربي21- الأناضول", "الأناضول"), ("سبق - وكالات", "وكالات"),
                                          ("الوئام، رويترز", "رويترز")])
def test_an_outlet_then_a_wire_credits_the_wire(line, agency):
    assert parse_credit(line, strict=True).agency == agency


def test_a_sentence_telling_whom_words_were_said_to_is_no_dateline():
    from marsad.metadata import dateline_end
    said = 'وقال رئيس النقابة لـ"معا": "الموظف يتقاضى راتبا منقوصا منذ سنوات"'
    assert dateline_end(said) == 0
    assert dateline_end('رام الله - "معا" - أعلنت الوزارة') > 0


@pytest.mark.parametrize("paragraph, place, agency", [
    ("مسقط في 3 مارس /العُمانية/ افتتح وزير التراث متحفا جديدا للمخطوطات", "مسقط", "العُمانية"),
    ("عمّان 8 أيار (بترا)- افتتح وزير السياحة مهرجانا للتراث", "عمّان", "بترا"),
])
def test_diacritics_in_a_dateline_do_not_hide_its_place_or_agency(paragraph, place, agency):
    from marsad.metadata import dateline_end
    credit = extract_dateline(paragraph)
    assert (credit.dateline, credit.agency) == (place, agency)
    assert paragraph[dateline_end(paragraph):].startswith("افتتح")


@pytest.mark.parametrize("paragraph, place, agency", [
    ("قفصة 12 أكتوبر (وات)- سجلت مصالح الحماية المدنية ثلاثة حرائق في الغابات", "قفصة", "وات"),
    ("صحار في 5 فبراير /العمانية/ بدأت أعمال توسعة الميناء الصناعي", "صحار", "العمانية"),
    ("سيدي بوزيد 7 جانفي (وات) - انطلقت حملة لتلقيح الماشية", "سيدي بوزيد", "وات"),
])
def test_a_place_off_the_list_dated_and_credited_to_a_known_agency_is_a_dateline(paragraph, place, agency):
    credit = extract_dateline(paragraph)
    assert (credit.dateline, credit.agency) == (place, agency)


@pytest.mark.parametrize("paragraph", [
    "قال 12 أكتوبر (وات)- إن الحملة ستتواصل",                       # a verb, no place
    "وأضاف الوزير 12 أكتوبر (وات)- أن الحملة ستتواصل",              # a sentence
    "قفصة 12 (وات)- سجلت مصالح الحماية المدنية ثلاثة حرائق",        # no month: not dated
    "قفصة 12 أكتوبر (فلان)- سجلت مصالح الحماية المدنية ثلاثة حرائق",  # no known agency
])
def test_an_unknown_place_needs_a_month_and_a_known_agency(paragraph):
    assert extract_dateline(paragraph) is None


@pytest.mark.parametrize("hint, outlet", [
    ("https://www.lbcgroup.tv/news/lebanon/123/x/ar", "lbci"), ("LBCI Lebanon", "lbci"),
    ("https://www.alchourouk.com/article/456", "alchourouk"), ("الشروق التونسية", "alchourouk"),
    ("https://www.echoroukonline.com/x", "echorouk"), ("الشروق الجزائرية", "echorouk"),
])
def test_lbci_and_tunisias_al_chourouk_are_known_outlets_apart_from_algerias_echorouk(hint, outlet):
    from marsad.metadata import outlet_from_hint
    assert outlet_from_hint(hint) == outlet


def test_exclusive_is_no_agency_and_the_word_after_it_is_the_place():
    assert parse_credit("عدن الغد / خاص - سيئون") == Credit(dateline="سيئون", agency="عدن الغد")
    assert parse_credit("خاص - عدن", strict=True) == Credit(dateline="عدن")


def test_a_wire_dateline_with_a_numeric_date_or_no_dash_after_the_agency():
    assert extract_dateline("سلا – 28/06/2025 (ومع) - فاز فيلم مغربي بالجائزة") == Credit(dateline="سلا",
                                                                                          agency="ومع")
    assert extract_dateline("بغداد 14 يونيو 2025 (شينخوا) وقعت وزارة الكهرباء") == Credit(dateline="بغداد",
                                                                                         agency="شينخوا")
    assert extract_dateline("وقال 12 (واس) إن الوزارة") is None
