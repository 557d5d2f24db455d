"""Tests for marsad/boilerplate.py: cleaning scraped text and HTML into an article, and line recurrence.

The fixtures in tests/fixtures/cleaning/ are articles written for these tests in the manner of Egyptian,
Gulf, Levantine, Maghrebi and Iraqi sites, each with its own leftovers; other texts are built here.
"""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad import MarsadError
from marsad.boilerplate import (LineStats, NoArticleText, clean_document, clean_text, match_rule,
                                split_lines)
from marsad.metadata import line_key
from marsad.records import Article, Document, article_id

FIXTURES = Path(__file__).parent / "fixtures" / "cleaning"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def clean(text: str, **hints) -> Article:
    return clean_document(Document(source="test.txt", **hints), text)


def reasons(article: Article) -> dict[str, str]:
    return {r.line: r.why for r in article.removed}


def assert_lines_of(article: Article, raw: str) -> None:
    """Every kept paragraph is a whole line of the input (after space normalisation): nothing invented."""
    source = set(split_lines(raw))
    for paragraph in article.text.split("\n\n"):
        assert paragraph in source, paragraph


# ------------------------------------------------------------------------------------ fixtures by outlet

def test_egyptian_portal_byline_date_share_related_and_most_read():
    raw = fixture("egypt_portal.txt")
    a = clean(raw)
    why = reasons(a)
    assert a.title == "وزير الري: خطة عاجلة لتطهير الترع قبل موسم الصيف"
    assert why["كتب- أحمد سامي"] == "byline" and a.author == "أحمد سامي"
    assert why["الأحد 14 سبتمبر 2025 - 03:15 م"] == "date line"
    assert a.published == "2025-09-14T15:15"
    assert why["شارك"] == "share prompt"
    assert why["اقرأ أيضًا: الحكومة تعلن مواعيد صرف مستحقات مزارعي القطن"] == "related-articles list"
    assert why["تابعونا على جوجل نيوز"] == "follow prompt"
    assert why["الأكثر قراءة"] == "most-read list"
    assert why["موعد مباراة الأهلي والزمالك في الدوري الممتاز"] == "most-read list"
    assert "مواعيد التنفيذ" in a.text.split("\n\n")           # a subheading inside the body stays
    assert a.text.startswith("أعلن وزير الموارد المائية والري")
    assert a.text.endswith("بسبب نقص المياه في نهايات الترع.")
    assert "\n\n" in a.text and "\n\n\n" not in a.text
    assert_lines_of(a, raw)


def test_gulf_wire_dateline_credit_newsletter_copyright():
    raw = fixture("gulf_wire.txt")
    a = clean(raw)
    why = reasons(a)
    assert (a.dateline, a.agency) == ("دبي", "وام")
    assert why["دبي - وام"] == "dateline"
    assert a.published == "2025-03-18"
    assert why["مبنى وزارة تطوير البنية التحتية في دبي (أرشيفية)"] == "image credit"
    assert why["اشترك في النشرة الإخبارية لتصلك أهم الأخبار على بريدك الإلكتروني"] == "newsletter prompt"
    assert why["© 2025 جميع الحقوق محفوظة لمؤسسة الأخبار الخليجية"] == "copyright notice"
    assert "دعم الأسر المواطنة" in a.text
    assert_lines_of(a, raw)


def test_levantine_breadcrumb_font_widget_doubled_caption_inline_dateline():
    raw = fixture("levant_daily.txt")
    a = clean(raw)
    why = reasons(a)
    assert why["الرئيسية › سياسة › لبنان"] == "breadcrumb"
    assert why["حجم الخط"] == "font-size widget"
    assert why["نواب خلال جلسة مناقشة الموازنة في ساحة النجمة"] == "caption"
    assert sum(1 for r in a.removed if r.why == "caption") == 2
    assert why["مواضيع ذات صلة"] == "related-articles list"
    assert why["وزير المال: لا ضرائب جديدة على الرغيف"] == "related-articles list"
    assert a.published == "2024-03-12"
    # the dateline opens the first paragraph: read, and the paragraph left whole; the quoted paper's name
    # after the city is no wire marsad knows: the page's own outlet, no agency
    assert (a.dateline, a.agency, a.outlet) == ("بيروت", None, "الأفق")
    assert a.text.startswith("بيروت - «الأفق»: أقر مجلس النواب")
    assert_lines_of(a, raw)


def test_maghrebi_tags_comments_read_more_and_algerian_months():
    raw = fixture("maghreb_site.txt")
    a = clean(raw)
    why = reasons(a)
    assert a.published == "2025-06-05T18:40"
    assert (a.dateline, a.agency) == ("الجزائر", "وأج")
    assert why["اقرأ المزيد"] == "read-more link"
    assert why["الوسوم: الماء الشروب، وهران، تحلية مياه البحر"] == "tags"
    assert why["التعليقات (0)"] == "comment prompt"
    assert why["أضف تعليقك"] == "comment prompt"
    assert len(a.text.split("\n\n")) == 3
    assert_lines_of(a, raw)


def test_iraqi_paper_print_stamp_own_outlet_and_navigation():
    raw = fixture("iraq_paper.txt")
    a = clean(raw)
    why = reasons(a)
    assert why["."] == "lone punctuation"
    assert why["العدد 5821 الصفحة الأولى 2025/04/03"] == "date line"
    assert a.published == "2025-04-03"
    assert (a.dateline, a.agency) == ("بغداد", None)     # "بغداد - المدى": the paper itself, no agency
    assert a.outlet == "almada"                  # "تلقته «المدى»" names the paper itself
    assert why["ناقلة نفط في ميناء البصرة"] == "caption"
    assert why["الرجوع الى أعلى الصفحة"] == "navigation"
    assert a.title == "وزارة النفط تعلن ارتفاع صادرات الخام خلال الشهر الماضي"
    assert_lines_of(a, raw)


# ------------------------------------------------------------------------------ structure and rules

def test_title_repeated_with_author_name_is_not_text():
    raw = ("مصر تفتتح محطة رياح جديدة في خليج السويس\n\n"
           "مصر تفتتح محطة رياح جديدة في خليج السويس محمود عادل\n"
           "السويس (أ ش أ)\n\n"
           "افتتح رئيس الوزراء اليوم محطة لتوليد الكهرباء من الرياح في خليج السويس بقدرة 500 ميغاواط، "
           "بحضور عدد من الوزراء والسفراء.\n")
    a = clean(raw)
    assert [r.why for r in a.removed] == ["title", "title", "dateline"]
    assert (a.dateline, a.agency) == ("السويس", "أ ش أ")
    assert a.text.startswith("افتتح رئيس الوزراء")


def test_title_hint_wins_and_its_line_goes():
    raw = "عنوان من الصفحة نفسها\n\nأعلنت الشركة اليوم نتائجها المالية للربع الثالث من العام، محققة أرباحا قياسية.\n"
    a = clean(raw, title_hint="عنوان من الصفحة نفسها")
    assert a.title == "عنوان من الصفحة نفسها"
    assert a.removed[0].why == "title"
    b = clean(raw, title_hint="عنوان آخر من الحاوية")
    assert b.title == "عنوان آخر من الحاوية"


def test_second_headline_above_the_stamp_goes_but_short_lead_below_stays():
    raw = ("عنوان الخبر الأول هنا\n\nعنوان لخبر آخر يظهر أعلى الصفحة\n\nنشر في: آخر تحديث:\n\n"
           "ملخص قصير للخبر\n\n"
           "قال المتحدث باسم الحكومة إن الاجتماع المقبل سيعقد الأسبوع القادم في العاصمة لبحث الملفات "
           "العالقة بين الطرفين.\n")
    a = clean(raw)
    why = reasons(a)
    assert why["عنوان لخبر آخر يظهر أعلى الصفحة"] == "headline"
    assert why["نشر في: آخر تحديث:"] == "date line"
    assert "ملخص قصير للخبر" in a.text


def test_caption_repeating_a_body_sentence_at_the_top():
    raw = ("عنوان\n\nفرق الإنقاذ تبحث عن ناجين تحت الأنقاض في المدينة\n\n"
           "وقالت السلطات إن فرق الإنقاذ تبحث عن ناجين تحت الأنقاض في المدينة منذ الزلزال الذي ضرب "
           "المنطقة فجر الاثنين وأسفر عن سقوط عشرات الضحايا.\n")
    a = clean(raw, title_hint="عنوان")
    assert reasons(a)["فرق الإنقاذ تبحث عن ناجين تحت الأنقاض في المدينة"] == "caption repeated from the body"


def test_phrase_inside_a_body_sentence_is_not_boilerplate():
    body = ("وطالب المحتجون بإلغاء القرار، فيما أكد الوزير أنه سيضيف تعليقا مفصلا على الموضوع في مؤتمر "
            "صحفي، مشيرا إلى أن النشرة البريدية للوزارة ستتضمن التفاصيل كاملة للمواطنين.")
    a = clean("أعلنت الوزارة عن خطة جديدة للنقل العام في العاصمة تشمل خطوط حافلات إضافية.\n\n" + body + "\n\n"
              "وتبدأ الخطة في الأول من الشهر المقبل على أن تستكمل خلال ستة أشهر من تاريخ إطلاقها.\n")
    assert body in a.text


def test_long_comment_policy_at_the_end_is_removed():
    policy = ("ترحب الصحيفة بالنقاش الحيوي والمفيد، وننصحك بمراجعة إرشادات الاستخدام قبل نشر تعليقك، علما "
              "بأن التعليقات المنشورة لا تعبر عن رأي الصحيفة بل عن آراء أصحابها فقط ويتحملون مسؤوليتها كاملة.")
    a = clean("أقر البرلمان قانون الاستثمار الجديد بأغلبية كبيرة بعد نقاش استمر أسابيع بين الكتل.\n\n" + policy)
    assert reasons(a)[policy] == "comment prompt"


def test_tail_headlines_without_a_header_need_evidence():
    body = "ضرب إعصار قوي السواحل الشرقية للبلاد مساء أمس، متسببا في انقطاع الكهرباء عن آلاف المنازل."
    links = ["المنتخب يتأهل إلى نهائي كأس العرب للمرة الأولى", "ارتفاع أسعار الذهب في ختام تعاملات الأسبوع",
             "افتتاح معرض الكتاب الدولي بمشاركة ثلاثين دولة", "وزارة الصحة تطلق حملة تطعيم موسعة للأطفال",
             "انطلاق مهرجان الموسيقى العربية في دار الأوبرا"]
    a = clean(body + "\n\n" + "\n".join(links))
    assert all(reasons(a).get(link) == "related-articles list" for link in links)
    verses = ["يا دار ميّة بالعلياء فالسند", "أقوت وطال عليها سالف الأبد"]
    b = clean(body + "\n\n" + "\n".join(verses))
    assert all(v in b.text for v in verses)


def test_match_rule_normalises_spelling_and_respects_length():
    assert match_rule(line_key("أضف تعليقاً، واقرأ تعليقات القراء!"), 5) == ("comment prompt", False)
    assert match_rule(line_key("الاكثر قراءه"), 2) is None           # a list header, handled with its list
    assert match_rule(line_key("مشاركة"), 1) == ("share prompt", False)
    assert match_rule(line_key("فيسبوك تويتر واتساب"), 3) == ("share prompt", False)
    assert match_rule(line_key("مشاركة"), 400) is None


def test_a_copied_posts_signature_and_bare_link_go_its_words_stay():
    post = "نحتفل اليوم بإطلاق المشروع الجديد لتوسعة الحقل"
    raw = (f"{BODY}\n{post}\npic.twitter.com/AbC123xyz\n— Qatar Energy (@qatarenergy) February 25, 2024\n"
           f"— وزارة الطاقة (@MoEnergy_SA) 25 فبراير 2024\n{BODY}")
    a = clean(raw)
    assert a.text == f"{BODY}\n\n{post}\n\n{BODY}"
    assert {reasons(a)[line] for line in raw.split("\n")[2:5]} == {"social post embed"}
    prose = "— قال الوزير (في تصريح له) إن المشروع سيكتمل في 25 فبراير 2024"
    assert prose in clean(f"{BODY}\n{prose}\n{BODY}").text


def test_a_share_prompt_glued_before_the_first_sentence_is_cut_out():
    body = ("شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك أكد وزير المالية أن الميزانية الجديدة ستدعم "
            "المشاريع الصغيرة في جميع المحافظات خلال العام المقبل.\n\nوأضاف أن الدعم سيستمر.")
    c = clean(body)
    assert c.text.startswith("أكد وزير المالية")
    assert ("شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك", "share prompt") in [(r.line, r.why) for r in c.removed]
    kept = clean("على تويتر كتب الوزير أن الميزانية الجديدة ستدعم المشاريع الصغيرة في جميع المحافظات خلال العام.")
    assert kept.text.startswith("على تويتر كتب")


def test_a_share_prompt_that_strings_network_names_with_filler_words():
    line = "شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك"
    assert match_rule(line_key(line), len(line.split())) == ("share prompt", False)
    for kept in ("على تويتر", "نشر الرئيس على تويتر وفيسبوك", "شارك في الاجتماع على تويتر"):
        assert match_rule(line_key(kept), len(kept.split())) is None


def test_split_lines_normalises_spaces_and_invisible_marks():
    lines = split_lines("سطر\u00a0أول\u200f  هنا\r\n\r\n\u202bسطر ثان\u202c\u2028ثالث")
    assert lines == ["سطر أول هنا", "سطر ثان", "ثالث"]


# --------------------------------------------------------------------------------------------- LineStats

FOOTER = "صباحكم أجمل مع قرائنا الأعزاء في كل مكان"
SENTENCE = "وجرى خلال اللقاء بحث عدد من المسائل ذات الاهتمام المشترك."


def story(n: int, extra: str = "") -> str:
    """A distinct short article: its long lines differ from every other story's."""
    words = " ".join(f"كلمة{n}x{i}" for i in range(30))
    return f"افتتح المحافظ مشروعا جديدا رقم {n} في المدينة اليوم. {words}\n\n{extra}\n\n{FOOTER}\n"


def test_line_recurring_in_distinct_documents_of_an_outlet():
    stats = LineStats()
    for n in range(3):
        stats.add(story(n), "okaz")
    assert stats.is_recurring(FOOTER, "okaz")
    assert stats.count(FOOTER, "okaz") == 3
    assert not stats.is_recurring(FOOTER, "sabq")          # 3 overall is below the overall threshold
    for n in range(3, 5):
        stats.add(story(n), "sabq")
    assert stats.is_recurring(FOOTER, "sabq")              # 5 distinct documents overall
    assert not stats.is_recurring("سطر لم يظهر قط", "okaz")


def test_wire_copies_count_once():
    stats = LineStats()
    wire = story(7, "سطر قصير من خبر الوكالة")
    for outlet in ("okaz", "sabq", "alriyadh", "alyaum", "aawsat", "alwatan"):
        stats.add(wire, outlet)
    assert stats.documents == 1 and stats.copies == 5
    assert not stats.is_recurring("سطر قصير من خبر الوكالة", None)
    assert not stats.is_recurring("سطر قصير من خبر الوكالة", "okaz")


def test_long_lines_are_never_recurring():
    stats = LineStats()
    long_line = " ".join(["كلمة"] * 40)
    for n in range(6):
        stats.add(story(n, long_line), "okaz")
    assert not stats.is_recurring(long_line, "okaz")


def test_clean_removes_recurring_footer_but_keeps_recurring_body_sentence():
    stats = LineStats()
    for n in range(6):
        stats.add(story(n, SENTENCE), "okaz")
    assert stats.is_recurring(SENTENCE, "okaz")
    text = (f"استقبل أمير المنطقة اليوم في مكتبه وفدا من رجال الأعمال والمستثمرين في القطاع الصناعي.\n\n{SENTENCE}\n\n"
            "وأكد الأمير دعم الدولة للمشروعات الصناعية الصغيرة والمتوسطة في جميع محافظات المنطقة.\n\n"
            f"{FOOTER}\n")
    a = clean_document(Document(source="x", outlet_hint="okaz"), text, stats)
    assert reasons(a)[FOOTER] == "recurring line"
    assert SENTENCE in a.text
    assert FOOTER not in clean_document(Document(source="x", outlet_hint="sabq"), text, stats.compact()).text


def test_line_stats_memory_holds_hashes_not_lines():
    stats = LineStats()
    stats.add(story(1), "okaz")
    assert all(isinstance(k, int) for k in stats._overall)


# ------------------------------------------------------------------------------------ documents and ids

def test_article_id_from_decoded_input_before_cleaning():
    raw = fixture("gulf_wire.txt")
    doc = Document(source="a.txt", url="https://www.wam.ae/ar/article/1", encoding="cp1256")
    a = clean_document(doc, raw)
    assert a.id == article_id(doc.url, raw)
    assert a.source == "a.txt" and a.url == doc.url and a.encoding == "cp1256"
    assert a.outlet == "wam"


def test_hints_from_a_container():
    a = clean_document(Document(source="x.json#3", title_hint="عنوان", published_hint="2015-08-03 10:20:00",
                                outlet_hint="aawsat", author_hint="لندن: سارة محمود"),
                       "قال مسؤول بريطاني إن الحكومة ستعلن خطتها الجديدة للطاقة في الخريف المقبل.")
    assert a.title == "عنوان"
    assert a.published == "2015-08-03T10:20"
    assert a.outlet == "aawsat"
    assert (a.dateline, a.author) == ("لندن", "سارة محمود")


@pytest.mark.parametrize("text", ["", "   \n\n \u200f \n", "مشاركة\n\nاضف تعليق\n\nالأكثر قراءة\n"])
def test_nothing_left_raises_a_specific_error(text):
    with pytest.raises(NoArticleText) as err:
        clean(text)
    assert isinstance(err.value, MarsadError)
    assert str(err.value) and "\n" not in str(err.value)


def test_bad_input_does_not_crash():
    huge = "كلمة " * 10000                                 # a 50,000-character line
    assert clean(huge).text == huge.strip()
    mixed = "أعلنت شركة Apple عن iPhone جديد في مؤتمر WWDC بمدينة San Jose، وسط حضور كبير من المطورين."
    assert clean(mixed).text == mixed
    indic = "ارتفع المؤشر العام بنسبة ٣٫٥٪ ليغلق عند ١٢٤٥٠ نقطة في تعاملات يوم ٢٣ ديسمبر ٢٠٢١ وسط تداولات نشطة."
    assert clean(indic).text == indic
    marks = "قَالَ الْوَزِيرُ إِنَّ الْحُكُومَةَ سَتُعْلِنُ خُطَّتَهَا الْجَدِيدَةَ لِلتَّعْلِيمِ فِي الْأُسْبُوعِ الْمُقْبِلِ."
    assert clean(marks).text == marks
    assert clean("\x00\x01 نص غريب يحتوي رموز تحكم لكنه يبقى نصا يمكن قراءته.").text


def test_a_photo_item_keeps_its_caption():
    caption = "الممثلة خلال مشاركتها في حفل توزيع الجوائز السنوي في مدينة كان الفرنسية (أ ف ب)"
    a = clean(caption)
    assert a.text == caption
    with pytest.raises(NoArticleText):
        clean("صورة أرشيفية (رويترز)")


def test_non_arabic_article_is_kept_and_flagged():
    a = clean("The central bank raised interest rates by half a point on Thursday, "
              "citing persistent inflation and a tight labour market in the country.")
    assert a.language == "en"


def test_speed_of_plain_text_cleaning():
    raw = fixture("egypt_portal.txt")
    start = time.perf_counter()
    for _ in range(200):
        clean(raw)
    assert (time.perf_counter() - start) / 200 < 0.01      # well under 10 ms per article, even on a busy CI


# -------------------------------------------------------------------------------------------------- HTML

PAGE = """<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>وزير الصحة يفتتح مستشفى جديدا | موقع الأخبار</title>
<meta property="og:title" content="وزير الصحة يفتتح مستشفى جديدا في الزرقاء">
<meta property="article:published_time" content="2024-05-02T09:30:00+03:00">
<meta name="author" content="رنا الخطيب">
<meta property="og:site_name" content="عمون">
</head><body>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/local">محليات</a></li><li><a href="/sport">رياضة</a></li></ul></nav>
<article>
<h1>وزير الصحة يفتتح مستشفى جديدا في الزرقاء</h1>
<p>افتتح وزير الصحة صباح اليوم الخميس مستشفى الزرقاء الجديد بسعة ثلاثمئة سرير، في إطار خطة الوزارة لتوسيع الخدمات الطبية في المحافظات.</p>
<p>وقال الوزير في كلمة خلال حفل الافتتاح إن المستشفى يضم أقساما متخصصة في القلب والأورام وطب الأطفال، وإنه سيخدم أكثر من نصف مليون مواطن.</p>
<p>وأضاف أن الوزارة تعمل على تعيين مئتي طبيب وممرض جديد للعمل في المستشفى خلال الأشهر الثلاثة المقبلة، بالتعاون مع ديوان الخدمة المدنية.</p>
<p>مشاركة</p>
</article>
<footer><p>جميع الحقوق محفوظة لموقع الأخبار 2024</p></footer>
</body></html>"""


def test_html_page_text_and_own_metadata():
    a = clean_document(Document(source="p.html", kind="html", url="https://www.ammonnews.net/article/1"), PAGE)
    assert a.title == "وزير الصحة يفتتح مستشفى جديدا في الزرقاء"
    assert a.published == "2024-05-02T09:30"
    assert a.author == "رنا الخطيب"
    assert a.outlet == "ammonnews"
    assert a.text.startswith("افتتح وزير الصحة صباح اليوم الخميس")
    assert "الرئيسية" not in a.text and "جميع الحقوق" not in a.text and "مشاركة" not in a.text
    assert a.id == article_id("https://www.ammonnews.net/article/1", PAGE)


@pytest.mark.parametrize("page", ["", "<html><body><nav><a href='/'>الرئيسية</a></nav></body></html>",
                                  "<html><head><title>عنوان</title></head></html>", "<html><body><p></p></body></html>"])
def test_html_without_article_text_raises(page):
    with pytest.raises(NoArticleText):
        clean_document(Document(source="p.html", kind="html"), page)


@pytest.mark.parametrize("page", ["<<<>>> \x00 <p>نص", "<html><body>" + "<div>" * 3000 + "نص",
                                  "\ufeff<?xml version='1.0' encoding='utf-8'?><html/>"])
def test_broken_html_gives_an_article_or_a_reason(page):
    try:
        clean_document(Document(source="p.html", kind="html"), page)
    except NoArticleText as exc:
        assert str(exc)


def test_clean_text_reports_what_it_found():
    out = clean_text("عنوان قصير هنا\n\n23 ديسمبر 2021\n\nبغداد - رويترز\n\n"
                     "قالت وزارة الخارجية إن الوزير سيزور عددا من العواصم الأوروبية خلال الشهر المقبل.")
    assert out.title == "عنوان قصير هنا"
    assert out.date_lines == ["23 ديسمبر 2021"]
    assert out.credits == ["بغداد - رويترز"]
    assert len(out.paragraphs) == 1


# ------------------------------------------------------------------------------------------ robustness

LINE_PARTS = st.sampled_from([
    "مشاركة", "اضف تعليق", "الأكثر قراءة", "23 ديسمبر 2021", "بغداد: الصباح", ".", "...", "+ الخط -", "(Getty)",
    "قال الوزير إن الحكومة ستعلن خطتها الجديدة للطاقة في الخريف المقبل بعد مشاورات طويلة مع البرلمان.",
    "دعم القوات العراقية", "كتب: أحمد", "Next Previous", "«", "٢٠٢١", "\u200f", "\u00a0", "ـــ", "ً", "http://x.y/z",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(LINE_PARTS, min_size=1, max_size=4).map(" ".join), max_size=14),
       st.sampled_from(["\n", "\n\n", "\r\n"]))
def test_any_mix_of_lines_cleans_or_says_why(lines, sep):
    raw = sep.join(lines)
    try:
        a = clean(raw)
    except NoArticleText as exc:
        assert str(exc)
        return
    assert a.text and "\n\n\n" not in a.text
    kept = a.text.split("\n\n")
    lines = split_lines(raw)
    pieces = kept + [r.line for r in a.removed]          # whole lines, or pieces of one (page code cut out)
    assert all(any(piece in line for line in lines) for piece in pieces)
    assert sum(len(p.replace(" ", "")) for p in pieces) == sum(len(line.replace(" ", "")) for line in lines)
    assert all(r.why for r in a.removed)


def test_leftovers_of_international_and_pan_arab_sites():
    raw = ("صدر الصورة، Getty Images\nالتعليق على الصورة، الرئيس خلال المؤتمر الصحفي\n\n3 دقائق قراءة\n\nإعلان\n\n"
           "قال الرئيس إن الحكومة ستواصل الإصلاحات الاقتصادية رغم الصعوبات التي تواجهها البلاد في المرحلة الحالية.\n\n"
           "فيديو\n\n"
           "وأضاف أن الإصلاحات ستشمل النظام الضريبي وقطاع الطاقة والدعم الحكومي للسلع الأساسية خلال العام المقبل.\n\n"
           "المصدر : الجزيرة + وكالات\nدلالات\nالعراق\nالاقتصاد\nتابعوا RT على تلغرام\nالاسم\nالبريد الإلكتروني\n")
    a = clean(raw, title_hint="عنوان")
    why = reasons(a)
    assert why["صدر الصورة، Getty Images"] == "image credit"
    assert why["3 دقائق قراءة"] == "reading time"
    assert why["إعلان"] == "advertisement" and why["فيديو"] == "media label"
    assert why["المصدر : الجزيرة + وكالات"] == "source credit"
    assert why["دلالات"] == why["الاقتصاد"] == "tags"
    assert why["الاسم"] == "comment prompt"
    assert len(a.text.split("\n\n")) == 2


BODY = ("أعلنت وزارة الصحة في بيان اليوم عن خطة جديدة لتطوير المستشفيات الحكومية في المحافظات الشمالية، "
        "تشمل توسعة أقسام الطوارئ وتدريب الكوادر الطبية خلال العامين المقبلين.")


def test_page_code_glued_inside_a_paragraph_is_cut_out():
    """A plain-text scrape of a poll widget: style sheet and script between the question and its options."""
    code = ("#poll_box ul { padding: 0; margin: 0; } .poll_box h4 { color: #7b7a7a; font:bold 12px Tahoma; } "
            "jQuery(document).ready(function(){ jQuery('#poll_area').html('يرجى الانتظار…'); return false; });")
    raw = f"{BODY} هل تؤيد الخطة؟ {code} نعم لا لا أعرف"
    a = clean(raw, title_hint="عنوان")
    assert "{" not in a.text and "jQuery" not in a.text and "يرجى الانتظار" not in a.text
    assert a.text.startswith(BODY) and "هل تؤيد الخطة؟" in a.text
    assert reasons(a)[code] == "page code"


def test_prose_with_english_words_and_punctuation_is_not_page_code():
    raw = (f"{BODY} وقال المدير التنفيذي لشركة Global Health Partners; وهي شريكة في المشروع: إن التمويل "
           "(Phase one: design, build) سيبدأ قريبا.")
    a = clean(raw, title_hint="عنوان")
    assert a.text == raw and not a.removed


def test_list_glued_to_the_last_paragraph_is_cut_out():
    """"مقالات أخرى للكاتب" and its titles stuck to the end of a column, without a line break."""
    tail = "مقالات أخرى للكاتبحين يغيب الحوارالمدينة التي لا تنامرسالة إلى صديق قديم"
    a = clean(f"{BODY}\n\nوختم الكاتب مقاله بالدعوة إلى الحوار. إلى اللقاء،،، {tail}", title_hint="عنوان")
    assert a.text.endswith("إلى اللقاء،،,".replace(",", "،")) and reasons(a)[tail] == "related-articles list"
    # A header phrase that goes on as prose stays, and so does one in a paragraph that is not the last.
    prose = f"{BODY} وكان الفيلم الأكثر رواجا لما فيه من دعابة مرحة."
    assert clean(prose, title_hint="عنوان").text == prose
    middle = f"قال الكاتب. اقرأ أيضا: عنوان آخر {BODY}\n\n{BODY}"
    assert "اقرأ أيضا" in clean(middle, title_hint="عنوان").text


def test_a_writer_contact_line_below_the_column_goes():
    contact = "writer@example.comللتواصل مع الكاتب أرسل رسالة SMS تبدأ بالرمز (7) إلى 88000 - Stc 1234"
    a = clean(f"{BODY}\n\n{contact}", title_hint="عنوان")
    assert a.text == BODY and reasons(a)[contact] == "contact line"


def test_a_menu_above_the_headline_does_not_swallow_it_levant_style():
    """"أخبار" opens a related list at the foot of a page but is a menu item at its head: the menu's short
    items go, the headline, the dateline and the date stamp under it stay the article's own."""
    headline = "وزير الزراعة يبحث مع نظيره العراقي تصدير الخضار عبر معبر الكرامة"
    raw = (f"الرئيسية\nأخبار\nمحليات\n{headline}\nعمّان - بترا\nنشر في: 14/03/2024 - 11:20 ص\n\n{BODY}\n\n"
           "أخبار ذات صلة\nالزراعة تطلق حملة لمكافحة الآفات في الأغوار\nارتفاع أسعار الخضار في السوق المركزي")
    a = clean(raw)
    why = reasons(a)
    assert a.text == BODY and a.title == headline and why[headline] == "title"
    assert why["محليات"] in ("related-articles list", "section label")      # a menu item, a rubric: gone
    assert (a.dateline, a.agency) == ("عمّان", "بترا") and a.published.startswith("2024-03-14")
    assert why["ارتفاع أسعار الخضار في السوق المركزي"] == "related-articles list"


def test_a_wire_credit_under_the_story_goes():
    credit = "(تغطية صحفية سامر الخطيب - إعداد رنا أحمد للنشرة العربية - تحرير سها جادو)"
    a = clean(f"{BODY}\n\n{credit}")
    assert a.text == BODY and reasons(a)[credit] == "wire credit"


def test_a_line_naming_only_the_outlet_goes_and_names_it():
    raw = f"عنوان عن خطة وزارة الصحة الجديدة\nRT\n\n{BODY}\n\nقصص مقترحة"
    a = clean(raw)
    assert a.text == BODY and a.outlet == "rt-arabic"
    assert reasons(a)["RT"] == "outlet name" and reasons(a)["قصص مقترحة"] == "related-articles list"
    # a city a paper is named after stays a place, not the paper
    a = clean(f"عنوان عن خطة وزارة الصحة الجديدة\nالرياض\n\n{BODY}")
    assert a.outlet is None


def test_a_link_to_a_video_or_gallery_goes_wherever_it_stands():
    raw = f"{BODY}\n\nشاهد: لحظة وصول الوفد إلى المطار\n\n{BODY}\n\nبالصور.. افتتاح المعرض الدولي للكتاب"
    a = clean(raw, title_hint="عنوان")
    assert a.text == f"{BODY}\n\n{BODY}"
    assert reasons(a)["شاهد: لحظة وصول الوفد إلى المطار"] == "media link"
    # the verb "شاهد" opening a sentence is the story
    story = "شاهد آلاف الزوار العرض الجوي في سماء العاصمة أمس."
    assert clean(f"{BODY}\n\n{story}", title_hint="عنوان").text == f"{BODY}\n\n{story}"


def test_a_byline_naming_the_outlet_and_its_writer_names_the_outlet():
    a = clean(f"عنوان عن خطة وزارة الصحة الجديدة\nهسبريس - محمد بلقاسم\n\n{BODY}")
    assert (a.outlet, a.author) == ("hespress", "محمد بلقاسم")
    a = clean(f"عنوان عن خطة وزارة الصحة الجديدة\nالرياض - واس\n\n{BODY}")     # a wire's dateline
    assert (a.dateline, a.agency, a.outlet) == ("الرياض", "واس", None)


def test_a_tags_line_glued_after_the_last_sentence_goes_gulf_style():
    tags = "سمات الدفاع المدني حريق نجران"
    a = clean(f"{BODY} {tags}", title_hint="عنوان")
    assert a.text == BODY and reasons(a)[tags] == "tags"
    prose = BODY + " وأضاف أن سمات المرحلة المقبلة واضحة للجميع."
    assert clean(prose, title_hint="عنوان").text == prose        # the word inside a sentence is prose


def test_a_text_of_digits_and_punctuation_only_is_no_article():
    with pytest.raises(NoArticleText, match="no words"):
        clean("... !!! ??? 123 456\n٢٠٢٤ - 15:30")


def test_a_wire_stamp_gives_its_place_and_agency_as_well_as_its_date():
    a = clean(f"الظهران، 5 نوفمبر 2024 (واس)\n{BODY}")
    assert (a.dateline, a.agency, a.published) == ("الظهران", "واس", "2024-11-05")
    assert a.text == BODY and reasons(a)["الظهران، 5 نوفمبر 2024 (واس)"] == "date line"
    a = clean(f"عنوان عن خطة وزارة الصحة الجديدة\nالقاهرة في 3 مارس 2025 (أ ش أ)\n{BODY}")
    assert (a.dateline, a.agency, a.published) == ("القاهرة", "أ ش أ", "2025-03-03")
    a = clean(f"عنوان عن خطة وزارة الصحة الجديدة\nالخميس، 01 يوليو 2021 10:43 ص\n{BODY}")
    assert (a.dateline, a.agency) == (None, None)                       # a bare stamp names nobody


def test_the_pages_link_line_glued_after_the_last_sentence_goes_gulf_style():
    link = "رابط الخبر بصحيفة الوئام: الصحة تسجل إصابات جديدة في جدة"
    for glue in (" ", "\n\n"):
        a = clean(f"{BODY}{glue}{link}", title_hint="عنوان")
        assert a.text == BODY and reasons(a)[link] == "share prompt", repr(glue)
    tail = BODY[:-1] + " رابط الخبر: الصحة تسجل إصابات جديدة"      # no paper named: only after a sentence end
    assert clean(tail, title_hint="عنوان").text == tail
    short = "رابط الخبر: الصحة تسجل إصابات جديدة"
    a = clean(f"{BODY} {short}", title_hint="عنوان")
    assert a.text == BODY and reasons(a)[short] == "share prompt"


def test_a_news_sentence_that_mentions_a_text_message_is_kept():
    news = ("ولفتت الإدارة إلى أنه سيتم التوجيه إلى المدارس وفق الاحتياج، وسيتم الإبلاغ لاحقا بأماكن التوجيه "
            "من خلال رسالة sms.")
    assert clean(f"{BODY}\n\n{news}", title_hint="عنوان").text == f"{BODY}\n\n{news}"
    contact = "للتواصل مع الكاتب ارسل رسالة SMS تبدأ بالرمز (3) ثم مسافة ثم نص الرسالة إلى 88591"
    assert clean(f"{BODY}\n\n{contact}", title_hint="عنوان").text == BODY


def test_an_opinion_pages_rubric_and_the_writers_bio_are_not_the_article():
    raw = (f"مقال رأي\nبقلم: د. خالد الدخيل\nالحرب التي لا يريدها أحد\n{BODY}\n"
           "* كاتب وأكاديمي سعودي")
    a = clean(raw)
    assert (a.title, a.author, a.text) == ("الحرب التي لا يريدها أحد", "د. خالد الدخيل", BODY)
    assert reasons(a)["مقال رأي"] == "section label" and reasons(a)["* كاتب وأكاديمي سعودي"] == "author bio"


def test_a_headlines_rubric_is_not_part_of_the_title():
    assert clean(BODY, title_hint="عاجل | ترامب يعلن فرض رسوم جمركية").title == "ترامب يعلن فرض رسوم جمركية"
    assert clean(BODY, title_hint="بالفيديو.. لحظة انهيار المبنى").title == "لحظة انهيار المبنى"
    assert clean(BODY, title_hint="عاجلون إلى القمة").title == "عاجلون إلى القمة"


def test_the_headline_is_the_line_that_tells_the_lead_not_the_site_menu_above_it():
    """A scraped page starts with the site's menu; its two-word items are headline-shaped but share no
    word with the story, while the headline shares the lead's words."""
    raw = ("صحيفة المساء\nأخبار محلية\nعربي ودولي\nتخطى إلى المحتوى\nاقتصاد / أسواق\n"
           "الصحة تعلن خطة لتطوير المستشفيات الحكومية في الشمال\n"
           f"الأحد، 24 مارس 2024 02:15 م\n{BODY}")
    a = clean(raw)
    assert a.title == "الصحة تعلن خطة لتطوير المستشفيات الحكومية في الشمال"
    assert a.text == BODY
    assert {reasons(a)[item] for item in ("أخبار محلية", "عربي ودولي", "تخطى إلى المحتوى")} == {"menu"}
    assert a.published.startswith("2024-03-24")


def test_a_section_or_site_barred_off_a_headline_line_is_not_part_of_the_title():
    """A scraped page's "section | headline" line starts like a breadcrumb ("أخبار ..."), so it was read as
    a path and the article lost its title; the long part is the headline, whichever side the short one is."""
    for line in ("أخبار الصحة | الصحة تعلن خطة لتطوير المستشفيات الحكومية",
                 "الصحة تعلن خطة لتطوير المستشفيات الحكومية | صحيفة المساء"):
        a = clean(f"{line}\n{BODY}")
        assert (a.title, a.text) == ("الصحة تعلن خطة لتطوير المستشفيات الحكومية", BODY), line
    a = clean(f"أخبار | محليات | اقتصاد | رياضة\nالصحة تعلن خطة لتطوير المستشفيات الحكومية\n{BODY}")
    assert a.title == "الصحة تعلن خطة لتطوير المستشفيات الحكومية"


def test_without_a_line_sharing_the_leads_words_the_first_headline_shaped_line_is_the_title():
    raw = f"مشاريع تنموية جديدة\n{BODY}"
    assert clean(raw).title == "مشاريع تنموية جديدة"


def test_a_wires_section_before_a_slash_is_not_part_of_the_title():
    raw = f"اقتصادي / الصحة تعلن خطة لتطوير المستشفيات\n{BODY}"
    assert clean(raw).title == "الصحة تعلن خطة لتطوير المستشفيات"
    assert clean(raw, title_hint="عام / الصحة تعلن خطة لتطوير المستشفيات").title == "الصحة تعلن خطة لتطوير المستشفيات"


def test_date_stamps_with_a_time_zone_an_issue_number_or_the_writers_names_before_a_bar():
    for stamp, day in (("آخر تحديث: 19 مارس 2024 - 13:42 بتوقيت أبوظبي", "2024-03-19"),
                       ("الأربعاء - 3 رمضان 1445 هـ - 13 مارس 2024 مـ رقم العدد [ 16541 ]", "2024-03-13"),
                       ("محمد يوسف, أحمد أوزتورك |20.03.2024 - محدث : 20.03.2024", "2024-03-20")):
        a = clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\n{stamp}\nPaylaş\n{BODY}")
        assert (a.published or "")[:10] == day, stamp
        assert a.text == BODY and reasons(a)[stamp] == "date line"


def test_a_long_site_menu_does_not_push_the_date_line_out_of_the_header():
    menu = "\n".join(["الخبر", "الوطني", "الجزائر العميقة", "اقتصاد", "دولي", "رياضة", "ثقافة", "مجتمع",
                      "الخبر الأسبوعي", "الرئيسية > الجزائر العميقة"])
    a = clean(f"{menu}\nالصحة تعلن خطة لتطوير المستشفيات الحكومية\nكتب: سمير بن عمار\n"
              f"الخميس 27 جوان 2024 | 14:30\nآخر تحديث: الخميس 27 جوان 2024 | 17:05\n{BODY}")
    assert a.text == BODY and a.published.startswith("2024-06-27")


def test_the_interviewers_byline_gives_the_author():
    a = clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\nحاورتها: هبة العيساوي\n{BODY}")
    assert (a.author, a.text) == ("هبة العيساوي", BODY)


def test_a_question_headline_under_the_menu_is_the_title_not_the_lead():
    """BBC-style explainer: the headline asks, so it ends like a sentence and was read as the first paragraph;
    under it a caption label, the caption, and the date; tags after the body."""
    question = "لماذا تتأخر خطة تطوير المستشفيات الحكومية في الشمال؟"
    raw = (f"تخطى إلى المحتوى\nالقسم الرئيسي\n{question}\nالتعليق على الصورة،\n"
           f"ممرضة في قسم الطوارئ بأحد المستشفيات الحكومية في الشمال\n21 مارس/ آذار 2024\n{BODY}\n"
           "الكلمات الدالة\nالصحة\nالمستشفيات")
    a = clean(raw)
    assert (a.title, a.text) == (question, BODY)
    assert a.published.startswith("2024-03-21")
    assert reasons(a)["التعليق على الصورة،"] == "image credit"


def test_a_question_opening_an_untitled_text_stays_in_the_text():
    raw = f"هل تنجح خطة تطوير المستشفيات الحكومية؟\n{BODY}"
    a = clean(raw, title_hint="خطة الصحة")
    assert a.text.startswith("هل تنجح خطة")


def test_a_caption_label_alone_on_its_line_takes_the_caption_after_it():
    caption = "ممرضة في قسم الطوارئ بأحد المستشفيات الحكومية"
    a = clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية في الشمال\n{BODY}\nالتعليق على الصورة،\n{caption}\n{BODY}")
    assert reasons(a)[caption] == "caption" and caption not in a.text


def test_a_photo_label_a_copyright_sign_and_comment_rules_are_leftovers():
    second = "وقال الوزير إن الخطة تبدأ الشهر المقبل في ثلاث محافظات وتشمل عشرات المستشفيات الحكومية."
    leftovers = ["© 2024 شبكة الجزيرة الإعلامية", "يجب عليك تسجيل الدخول لكتابة تعليق", "نشر التعليق",
                 "تنويه: يرجى الالتزام بأدب الحوار وعدم الإساءة"]
    a = clean("الصحة تعلن خطة لتطوير المستشفيات\n" + BODY + "\nصورة: هسبريس - أرشيف\n" + second + "\n"
              + "\n".join(leftovers))
    assert a.text == BODY + "\n\n" + second
    assert reasons(a)["صورة: هسبريس - أرشيف"] == "image credit" and a.dateline is None and a.author is None


def test_initials_in_brackets_do_not_end_a_sentence():
    from marsad.arabic import split_sentences
    text = "واتهمت النيابة المتهم الأول (ف. م. ع)، بالاستيلاء على المال العام. وقال المحامي إن الحكم قاس."
    assert len(split_sentences(text)) == 2


def test_a_pages_own_author_beats_a_credit_line_naming_the_site():
    body = ("أعلن مدير صحة البصرة افتتاح مستشفى جديد للأطفال في المحافظة بسعة مئتي سرير، "
            "على أن يبدأ استقبال المرضى مطلع الشهر المقبل بعد استكمال تجهيز الأقسام.")
    page = ('<html lang="ar"><head><title>افتتاح مستشفى للأطفال في البصرة</title>'
            '<meta property="og:site_name" content="النخيل نيوز">'
            '<script type="application/ld+json">{"@type": "NewsArticle", "author": {"name": "حيدر الساعدي"}}'
            f'</script></head><body><article><h1>افتتاح مستشفى للأطفال في البصرة</h1>'
            f'<p>البصرة - النخيل نيوز</p><p>{body}</p><p>{body}</p></article></body></html>')
    a = clean_document(Document(source="p.html", kind="html"), page)
    assert a.author == "حيدر الساعدي"


def test_a_section_label_or_breadcrumb_sharing_the_leads_words_is_not_the_headline():
    """Menu and section lines name the beat, so they share the lead's words ("البطولة الاحترافية" over a
    league report); the headline is the longer line that shares them too. A region's section in the menu
    ("الشرق الأوسط") is no outlet's name."""
    lead = ("فاز فريق الوداد على الرجاء بهدفين لهدف في ديربي البيضاء ضمن منافسات البطولة الاحترافية "
            "لكرة القدم مساء اليوم الأحد على أرضية المركب الرياضي محمد الخامس.")
    raw = ("هسبريس الرياضية\nالرئيسية\nالبطولة الاحترافية\nالمنتخب الوطني\nالشرق الأوسط\nرياضات أخرى\n"
           "الرئيسية البطولة الاحترافية\nالوداد يعبر الرجاء في ديربي البيضاء\n"
           f"الأحد 26 أكتوبر 2025 - 23:10 تحديث منذ ساعتين\n{lead}")
    a = clean(raw)
    assert (a.title, a.text) == ("الوداد يعبر الرجاء في ديربي البيضاء", lead)
    assert a.published.startswith("2025-10-26") and a.outlet != "aawsat"


def test_wire_datelines_with_the_day_and_wire_sign_offs():
    second = "وقال الوزير إن الخطة تبدأ الشهر المقبل في ثلاث محافظات وتشمل عشرات المستشفيات الحكومية."
    a = clean(f"الصحة تعلن خطة لتطوير المستشفيات\nالكويت - 10 - 1 (كونا) -- {BODY}\n{second}\n(النهاية)\n"
              "م ع ش / ع ا ب\n--(كونا)\nحقوق النشر © 2024 وكالة الأنباء الكويتية")
    assert (a.dateline, a.agency) == ("الكويت", "كونا")
    assert a.text.endswith(second)
    b = clean(f"الصحة تعلن خطة لتطوير المستشفيات\nعمان 5 آذار (بترا) - {BODY}\n{second}\nوام/ريم الهاشمي/عاصم الخولي")
    assert (b.dateline, b.agency) == ("عمان", "بترا") and b.text.endswith(second)


def test_hashtag_lines_and_maghrebi_tag_headers_under_the_story():
    a = clean(f"الصحة تعلن خطة لتطوير المستشفيات\n{BODY}\n#الصحة #المستشفيات_الحكومية\n"
              "الكلمات المفاتيح:\nالصحة\nالمستشفيات\nالأخبار ذات الصلة\nوزير الصحة يزور مستشفى الشمال الجديد")
    assert a.text == BODY


def test_a_stamp_before_a_bar_and_the_byline_after_it_gives_the_date_and_the_author():
    stamp = "الثلاثاء 30-07-2024 02:15 | كتب: محمد عبدالعاطي"
    a = clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\n{stamp}\n{BODY}")
    assert (a.published, a.author, a.text) == ("2024-07-30T02:15", "محمد عبدالعاطي", BODY)
    assert reasons(a)[stamp] == "date line"


def test_a_date_stamp_under_the_standfirst_is_removed_and_dates_the_article():
    standfirst = ("بعد أشهر من الانتظار أعلنت الوزارة خطتها لتطوير المستشفيات في الشمال، "
                  "وقالت إن التنفيذ يبدأ قريبا.")
    for stamp, day in (("14.08.2024", "2024-08-14"),
                       ("نشر في: 26 أغسطس ,2024: 02:15 م GST", "2024-08-26")):
        a = clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\n{standfirst}\n{stamp}\n{BODY}")
        assert (a.published or "")[:10] == day, stamp
        assert a.text == f"{standfirst}\n\n{BODY}" and reasons(a)[stamp] == "date line"
    # a date further down the body is the story's own text
    late = f"الصحة تعلن خطة لتطوير المستشفيات\n{BODY}\n{BODY}\n{BODY}\n{BODY}\n14.08.2024\n{BODY}"
    assert "14.08.2024" in clean(late).text


def test_the_published_stamp_beats_the_update_stamp_under_it():
    a = clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\nمنشور 03 شباط / فبراير 2025 - 10:15 بتوقيت جرينتش\n"
              f"آخر تحديث 03 شباط / فبراير 2025 - 12:40 بتوقيت جرينتش\n{BODY}")
    assert (a.published, a.text) == ("2025-02-03T10:15", BODY)


def test_a_caption_that_names_its_photo_after_a_dash_is_removed():
    caption = "مقر وزارة الصحة في العاصمة - صورة أرشيفية"
    a = clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\n{caption}\n{BODY}")
    assert a.text == BODY and reasons(a)[caption] == "image credit"
    assert clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\nالقاهرة - رويترز\n{BODY}").dateline == "القاهرة"


def test_an_outlet_then_the_writer_is_a_byline():
    a = clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\nإرم نيوز - عبد الرحمن الأمين\n{BODY}")
    assert (a.author, a.text) == ("عبد الرحمن الأمين", BODY)


def test_a_lone_place_under_the_headline_is_the_dateline():
    a = clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\nالدوحة\nالخميس 24 أكتوبر 2024 م - 14:52\n{BODY}")
    assert (a.dateline, a.text) == ("الدوحة", BODY)


def test_wire_sign_offs_between_slashes_bare_initials_and_outlet_with_agency():
    for signoff in ("/العُمانية/", "ع ع", "فرانس24/ أ ف ب"):
        a = clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\n{BODY}\n{signoff}")
        assert a.text == BODY and reasons(a)[signoff] == "wire sign-off", signoff


def test_site_leftovers_below_the_story():
    tail = ["اختيارات المحرر\nمصر: تراجع التضخم للشهر الرابع على التوالي",
            "DW تُوصي\nما هو جدري القردة وكيف ينتقل؟\nالسويد تسجل أول إصابة بالسلالة الجديدة",
            "المزيد من السودان\nالبرهان يتفقد المتضررين من السيول\nالأمم المتحدة: المجاعة تتمدد في دارفور",
            "شارك هذه الصفحة", "النشرة الإخبارية", "الصفحة غير متوفرة", "تطبيق إرم نيوز",
            "تصميم وتطوير: ماسترويب 2024", "وسم: الذكاء الاصطناعي، أبوظبي، الحكومة الرقمية",
            "يحتوي هذا المقال على تحليل يمثل رأي كاتبه", "0"]
    for line in tail:
        a = clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\n{BODY}\n{line}")
        assert a.text == BODY, line
    # a photo credited to the outlet itself in brackets is a caption
    a = clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\n{BODY}\nالأمطار تغمر شارع الملك طلال في وسط البلد (الرأي)\n{BODY}")
    assert a.text == f"{BODY}\n\n{BODY}"


def test_an_edge_label_under_a_question_headline_goes_with_the_header():
    a = clean("اقتصاد\nماذا تعني خطة الصحة الجديدة للمستشفيات الحكومية في الشمال؟\nالثلاثاء 30 يوليو 2024 13:05\n"
              f"ملخص\n{BODY}")
    assert a.title.startswith("ماذا تعني") and a.text == BODY


def test_a_section_name_before_a_numeric_date_and_a_time_after_ala_are_date_lines():
    for stamp, day in (("اقتصادية 2025/10/06", "2025-10-06"), ("نشر في 12 أكتوبر 2025 على 16:40", "2025-10-12")):
        a = clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\n{stamp}\n{BODY}")
        assert (a.published or "")[:10] == day and a.text == BODY, stamp


def test_the_pages_own_name_above_the_story_beats_a_namesake_the_text_cites():
    raw = (f"النهار أونلاين\nالرئيسية\nرياضة\nالصحة تعلن خطة لتطوير المستشفيات الحكومية\n{BODY} "
           "وقال الوزير لـ«النهار» إن التنفيذ يبدأ قريبا.")
    assert clean(raw).outlet == "ennahar"


def test_readers_comments_under_the_story_and_the_comment_count_above_it_go():
    raw = (f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\n2 تعليقات\n{BODY}\nاقرأ أيضا\nالصحة تفتتح مستشفى جديدا\n"
           "التعليقات (2)\nأبو ياسين\nمنذ 3 ساعات\nرحمهم الله، المسؤولية على الوزارة قبل غيرها وعليها أن تتحرك.\n"
           "رد\nسليم - هولندا\nإلى متى هذه المآسي؟\nجميع الحقوق محفوظة © 2024 الصحيفة")
    a = clean(raw)
    assert a.text == BODY
    assert reasons(a)["سليم - هولندا"] == "reader comments" and reasons(a)["2 تعليقات"] == "comment count"


def test_a_stamp_followed_by_the_sites_address_and_an_outlet_as_author():
    a = clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\n2024-08-08 21:18:45 | arabic.news.cn\n{BODY}",
              author_hint="RT")
    assert (a.published, a.author, a.agency, a.text) == ("2024-08-08T21:18", None, "RT", BODY)


def test_an_unknown_sites_page_takes_its_address_as_outlet_a_known_one_its_id():
    assert clean(f"الصحة تعلن خطة لتطوير المستشفيات\n{BODY}", url="https://www.akhbar-alkhaleej.com/n/1").outlet \
        == "akhbar-alkhaleej.com"
    assert clean(f"الصحة تعلن خطة لتطوير المستشفيات\n{BODY}", url="https://www.youm7.com/story/1").outlet == "youm7"


def test_a_path_a_flattened_menu_a_language_switcher_or_a_ticker_is_not_the_headline():
    headline = "الصحة تعلن خطة لتطوير المستشفيات الحكومية في الشمال"
    for furniture in ("الأخبار المحلية > الصحة", "الرئيسية سياسة اقتصاد ثقافة رياضة برامج",
                      "عربي | English | Español", "عاجل: الصحة تعلن خطة جديدة للمستشفيات"):
        a = clean(f"صحيفة المساء\n{furniture}\n{headline}\nالأحد، 24 مارس 2024 02:15 م\n{BODY}")
        assert a.title == headline, furniture
        assert a.text == BODY, furniture


def test_the_date_of_a_dateline_is_the_publication_date_when_the_page_gives_none():
    """Sudan Tribune opens its body with "بورتسودان 14 أبريل 2025 —": the only date the page gives."""
    body = ("بورتسودان 14 أبريل 2025 — وصل المدير العام للمنظمة الإثنين إلى المدينة في أول زيارة له منذ "
            "اندلاع الحرب، والتقى وزير الصحة وعددا من المسؤولين.")
    a = clean(f"سودان تربيون\nأخبار\n\nمدير المنظمة يصل إلى بورتسودان\n\n{body}")
    assert (a.published, a.dateline, a.outlet) == ("2025-04-14", "بورتسودان", "sudantribune")
    stamped = clean(f"مدير المنظمة يصل إلى بورتسودان\nالسبت 12 أبريل 2025\n\n{body}")
    assert stamped.published == "2025-04-12"                # a date line of the page's own comes first


def test_a_time_glued_to_the_day_and_a_hijri_month_of_two_words_read_as_a_date_line():
    # Asharq Al-Awsat's "نُشر: 17:25-19 مايو 2025 م" (the time, a hyphen, the day) and Al-Riyadh's
    # "11 جمادى الآخرة 1446هـ - 12 ديسمبر 2024م" (the line was kept as body text and the date lost)
    a = clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\nنُشر: 17:25-19 مايو 2025 م ـ 21 ذو القِعدة 1446 هـ\n{BODY}")
    assert (a.published, a.text) == ("2025-05-19T17:25", BODY)
    b = clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\nالخميس 11 جمادى الآخرة 1446هـ - 12 ديسمبر 2024م\n{BODY}")
    assert (b.published, b.text) == ("2024-12-12", BODY)


def test_a_city_named_paper_on_the_masthead_line_is_the_outlet():
    """Algeria's الخبر shares its name with Al Khobar: on the page's first line, above the headline and its
    menu, it is the paper; a lone city under the headline stays the dateline."""
    a = clean(f"الخبر\nالرئيسية\nالوطن\nاقتصاد\nالصحة تعلن خطة لتطوير المستشفيات الحكومية\n{BODY}")
    assert a.outlet == "elkhabar"
    b = clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\nالخبر\n{BODY}")
    assert b.outlet is None and reasons(b)["الخبر"] == "dateline"


def test_a_city_that_is_also_a_papers_name_before_a_writer_is_the_dateline():
    a = clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\nالرياض - فهد العتيبي\n{BODY}")
    assert (a.outlet, a.dateline, a.author, a.agency) == (None, "الرياض", "فهد العتيبي", None)
    b = clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\nهسبريس - محمد بلقاسم\n{BODY}")
    assert (b.outlet, b.author) == ("hespress", "محمد بلقاسم")       # an outlet that is no place


def test_a_pages_author_field_gives_the_place_it_carries():
    page = ('<html><head><meta property="og:title" content="المركزي يبقي سعر الأساس دون تغيير">'
            '<meta name="author" content="مصطفى السيد - دبي"></head><body><article><h1>المركزي يبقي سعر '
            f'الأساس دون تغيير</h1><p>{BODY}</p></article></body></html>')
    a = clean_document(Document(source="page.html", kind="html"), page)
    assert (a.author, a.dateline) == ("مصطفى السيد", "دبي")


def test_a_kicker_over_the_headline_is_not_the_title_and_a_bare_name_under_it_is_the_author():
    """Al-Akhbar and Echorouk print a short overline over the headline; both share the lead's words, but
    the headline tells the lead sentence. The writer's name may stand alone under the headline."""
    lead = ("أعلن وزير الصحة اليوم إطلاق خطة لتطوير المستشفيات الحكومية في الشمال بكلفة 300 مليون دولار، "
            "على أن تبدأ الأشغال في المحافظات الثلاث مطلع الشهر المقبل.")
    kicker = "300 مليون دولار... والمعارضة تنتقد التأخير"
    headline = "الصحة تطلق خطة لتطوير المستشفيات الحكومية"
    a = clean(f"الرئيسية\nصحة\nالأحد 24 مارس 2024\n{kicker}\n{headline}\nهشام الخطيب\n{lead}\n{BODY}")
    assert (a.title, a.author) == (headline, "هشام الخطيب")
    assert a.text == lead + "\n\n" + BODY
    assert reasons(a)[kicker] == "kicker"
    # a deck under the headline is longer than it: the headline stays the title, the deck the text's
    deck = "الخطة تشمل توسعة أقسام الطوارئ في المستشفيات الحكومية وتدريب الكوادر الطبية خلال عامين"
    b = clean(f"{headline}\n{deck}\n{lead}")
    assert b.title == headline and b.text.startswith(deck)


def test_the_headlines_under_read_more_and_long_tags_under_a_one_word_header_go():
    links = ["الحكومة تقر موازنة العام المقبل بعجز أقل", "افتتاح معرض الكتاب بمشاركة ثلاثين دولة"]
    tags = ["وزارة الصحة العمومية بالشمال", "المستشفيات الحكومية"]
    a = clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\n{BODY}\nاقرأ المزيد\n" + "\n".join(links)
              + "\nالوسوم\n" + "\n".join(tags))
    assert a.text == BODY
    why = reasons(a)
    assert why["اقرأ المزيد"] == "read-more link" and why[links[1]] == "related-articles list"
    assert why[tags[0]] == "tags"


def test_readers_comments_under_a_visitors_comments_header_go():
    raw = (f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\n{BODY}\nتعليقات القراء (2)\n1 - مغربي من طنجة\n"
           "منذ 5 ساعات\nخطة جيدة إن طبقت فعلا\nمقبول\nمرفوض\n3\n2 - ليلى\nمنذ ساعة\nوماذا عن الجنوب\nأضف تعليقك")
    a = clean(raw)
    assert a.text == BODY
    assert reasons(a)["1 - مغربي من طنجة"] == "reader comments" and reasons(a)["مرفوض"] == "reader comments"


def test_a_view_counter_a_rule_of_tatweels_a_share_bar_and_split_hashtags_go():
    leftovers = ["ـــــــــ", "فيسبوك | تيليغرام | إنستقرام", "#الصحة #المستشفيات #الشمال السوري"]
    a = clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\nعدد المشاهدات: 1,204\n{BODY}\n" + "\n".join(leftovers))
    assert a.text == BODY
    why = reasons(a)
    assert why["عدد المشاهدات: 1,204"] == "view counter" and why[leftovers[0]] == "lone punctuation"
    assert why[leftovers[1]] == "share prompt" and why[leftovers[2]] == "tags"


def test_calls_to_subscribe_or_join_the_outlet_and_a_wire_subscription_notice_go():
    notice = ("المواد المنشورة على موقع الوكالة هي موجز لجزء من الخدمة الإخبارية التي تقدمها الوكالة لعملائها "
              "من المؤسسات الإعلامية في العالم. للاشتراك يرجى مراسلة قسم المبيعات عبر الرابط التالي.")
    calls = ["اشترك في «المساء» على يوتيوب", "انضموا إلى قناة المساء على تيليغرام", "إشترك في قائمتنا البريدية",
             "سجل الآن ليصلك كل جديد"]
    a = clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\n{BODY}\n{notice}\n" + "\n".join(calls))
    assert a.text == BODY
    why = reasons(a)
    assert why[notice] == "subscription notice" and why[calls[0]] == why[calls[1]] == "follow prompt"
    assert why[calls[2]] == why[calls[3]] == "newsletter prompt"


def test_the_pages_own_section_name_over_the_story_is_a_label_not_text():
    """Echorouk's page prints its section ("الجزائر") over the story, and trafilatura keeps it: the page's
    article:section names it, so it is no dateline and no paragraph."""
    from lxml import html as lxml_html

    from marsad.metadata import page_metadata
    tree = lxml_html.fromstring('<html><head><meta property="article:section" content="الجزائر"></head>'
                                '<body><p>نص</p></body></html>')
    assert page_metadata(tree).section == "الجزائر"
    second = "وقال الوزير إن الخطة تبدأ الشهر المقبل في ثلاث محافظات وتشمل عشرات المستشفيات الحكومية."
    out = clean_text(f"الجزائر\n{BODY}\n{second}", title="الصحة تعلن خطة لتطوير المستشفيات", section="الجزائر")
    assert out.text == BODY + "\n\n" + second
    assert [(r.line, r.why) for r in out.removed] == [("الجزائر", "section label")] and not out.credits


def test_captions_by_their_photo_words_or_the_outlet_after_their_full_stop_go():
    captions = ["صورة توضيحية", "جانب من اجتماع اللجنة الصحية بالمحافظة",
                "الوزير يتفقد قسم الطوارئ بالمستشفى الجامعي (صورة المكتب الإعلامي)",
                "(صورة: الوزير خلال افتتاح القسم الجديد - وزارة الصحة)",
                "الوزير يتفقد قسم الطوارئ بالمستشفى الجامعي. رويترز"]
    second = "وقال الوزير إن الخطة تبدأ الشهر المقبل في ثلاث محافظات وتشمل عشرات المستشفيات الحكومية."
    a = clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\n{captions[0]}\n{captions[1]}\n{BODY}\n{captions[2]}\n"
              f"{captions[3]}\n{second}\n{captions[4]}")
    assert a.text == BODY + "\n\n" + second
    assert all(reasons(a)[c] == "image credit" for c in captions)
    # a photo item's caption is its text
    assert clean("جانب من فعاليات مهرجان الصيف في أبها").text == "جانب من فعاليات مهرجان الصيف في أبها"


def test_a_caption_naming_a_person_at_an_event_goes_above_or_below_the_story_only():
    top, bottom = "الوزير خالد العمري خلال جولته في المستشفى الجامعي", "مدير الصحة أثناء افتتاح القسم الجديد"
    inside = "الوزير خلال الزيارة الثانية"
    second = "وقال الوزير إن الخطة تبدأ الشهر المقبل في ثلاث محافظات وتشمل عشرات المستشفيات الحكومية."
    a = clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\n{top}\n{BODY}\n{inside}\n{second}\n{bottom}")
    assert a.text == "\n\n".join((BODY, inside, second))     # between paragraphs it may be a subheading
    assert reasons(a)[top] == reasons(a)[bottom] == "caption"
    deck = "الوزير خلال زيارته المستشفى يعد بتوسعة قسم الطوارئ"     # a verb after: a deck, not a caption
    assert clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\n{deck}\n{BODY}").text.startswith(deck)


def test_the_outlet_a_copyright_line_names_when_nothing_else_does():
    for line, outlet in (("جميع الحقوق محفوظة © هسبريس 2025", "hespress"),
                         ("© 2025 جميع الحقوق محفوظة لجريدة القبس", "alqabas"),
                         ("© 2024 الحقوق محفوظة لشبكة الجزيرة", "aljazeera"),
                         ("جميع الحقوق محفوظة 2025", None)):
        a = clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\n{BODY}\n{line}")
        assert (a.outlet, a.text) == (outlet, BODY), line


def test_a_stamp_beside_a_writers_bare_name_gives_both():
    a = clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\n06 أكتوبر 2025  |  محمد المصلح\n{BODY}")
    assert (a.published, a.author, a.text) == ("2025-10-06", "محمد المصلح", BODY)
    b = clean(f"الوطن - قطر\nالصحة تعلن خطة لتطوير المستشفيات الحكومية\n{BODY}")
    assert (b.outlet, b.author) == ("alwatan-qa", None)     # a paper and its country: no writer named قطر


def test_the_site_name_over_its_menu_is_no_headline():
    a = clean(f"بوابة الصحة - المستشفيات الحكومية\nالرئيسية | أخبار | مباريات | ترتيب | فيديو\n\n"
              f"وزارة الصحة تعلن خطة جديدة لتطوير المستشفيات الحكومية\n{BODY}")
    assert (a.title, a.text) == ("وزارة الصحة تعلن خطة جديدة لتطوير المستشفيات الحكومية", BODY)


def test_a_site_menu_written_with_bars_is_a_menu_not_a_headline():
    menu = "محليات | اقتصاد | رياضة | ثقافة | مقالات | وفيات"
    a = clean(f"{menu}\nالصحة تعلن خطة لتطوير المستشفيات الحكومية\n{BODY}\n{menu}")
    assert (a.title, a.text, reasons(a)[menu]) == ("الصحة تعلن خطة لتطوير المستشفيات الحكومية", BODY, "menu")
    headline = "تقييم لاعبي النصر ضد الأهلي | ماني يخطف الفوز ورونالدو يواصل هوايته"
    assert clean(f"{headline}\n{BODY}").title == headline     # two long parts: a headline's bar


BODY_A = ("أعلنت وزارة الزراعة اليوم الخميس بدء موسم قطاف الزيتون في المحافظات الشمالية بمشاركة آلاف المزارعين، "
          "وسط توقعات بإنتاج يفوق العام الماضي بنحو الخمس.")
BODY_B = ("وقال مدير الإرشاد الزراعي إن الأمطار المبكرة ساعدت الأشجار على التعافي بعد صيف حار، مشيرا إلى أن "
          "الوزارة وزعت معاصر متنقلة على القرى البعيدة.")


def test_leftovers_under_an_agency_story_go_translator_notice_and_long_copyright():
    text = "\n".join([
        "موسم الزيتون يبدأ في الشمال", BODY_A, BODY_B,
        "* ترجمة إلى العربية: سامي النجار",
        "موقع الوكالة ينشر ملخصا لبعض الأخبار المقدمة للمشتركين في خدمتها، ويمكن التواصل معنا لخيارات الاشتراك المختلفة.",
        "© 2026 Example Media | سياسة الخصوصية | شروط الاستخدام | من نحن | اتصل بنا | خريطة الموقع",
    ])
    a = clean(text)
    assert a.text == BODY_A + "\n\n" + BODY_B
    why = reasons(a)
    assert why["* ترجمة إلى العربية: سامي النجار"] == "translator credit"
    assert why[text.split("\n")[-1]] == "copyright notice"


def test_outlets_a_reader_meets_on_jordanian_and_palestinian_pages_are_known():
    from marsad.metadata import outlet_from_hint, outlet_from_url
    assert outlet_from_url("https://www.roya.news/article/123") == "roya"
    assert outlet_from_hint("قناة رؤيا") == "roya"
    assert outlet_from_hint("وكالة الأنباء والمعلومات الفلسطينية") == "wafa"
    assert outlet_from_hint("القدس دوت كوم") == "alquds"


@pytest.mark.parametrize("notice, outlet", [
    ("حقوق النشر محفوظة لوكالة الأنباء الرسمية في البلاد (بترا) 2026", "petra"),
    ("جميع الحقوق محفوظة لوكالة الأنباء السعودية واس 2026", "was"),
])
def test_a_copyright_line_names_the_agency_not_the_generic_word_in_its_long_name(notice, outlet):
    a = clean("\n".join(["موسم الزيتون يبدأ في الشمال", BODY_A, BODY_B, notice]))
    assert reasons(a)[notice] == "copyright notice"
    assert a.outlet == outlet


def test_an_agency_long_name_dash_short_name_is_its_masthead_and_the_lead_holds_the_dateline():
    lead = ("عمان 2-11-2026 بترا- أعلنت وزارة المياه اليوم الاثنين بدء تنفيذ مشروع لتأهيل شبكات المياه في "
            "أحياء العاصمة الشرقية بكلفة تتجاوز عشرة ملايين دينار.")
    text = "\n".join(["وكالة الأنباء الأردنية - بترا", "المياه تبدأ تأهيل شبكات أحياء العاصمة الشرقية", lead, BODY_B])
    a = clean(text)
    assert reasons(a)["وكالة الأنباء الأردنية - بترا"] == "outlet name"
    assert (a.dateline, a.agency, a.author) == ("عمان", "بترا", None)
    assert a.outlet == "petra"


def test_a_name_dash_outlet_without_a_medium_word_is_no_masthead():
    text = "\n".join(["المياه تبدأ تأهيل شبكات أحياء العاصمة الشرقية", "سامر الحسيني - هسبريس", BODY_A, BODY_B])
    a = clean(text)
    assert reasons(a)["سامر الحسيني - هسبريس"] != "outlet name"
    assert (a.outlet, a.agency) == ("hespress", None)     # a site credited in a byline is the page's own


def test_a_one_word_section_under_the_headline_goes_and_the_wire_dateline_under_it_is_read():
    lead = ("الكويت - 4 - 11 (كونا) -- أعلن بنك الكويت المركزي اليوم الثلاثاء تثبيت سعر الخصم عند مستواه "
            "الحالي للمرة الثالثة على التوالي في ظل استقرار معدلات التضخم.")
    text = "\n".join(["المركزي يثبت سعر الخصم للمرة الثالثة", "اقتصاد", "04/11/2026 10:20 ص", lead, BODY_B])
    a = clean(text)
    assert reasons(a)["اقتصاد"] == "section label"
    assert a.text.startswith("أعلن بنك الكويت المركزي")         # the wire's stamp is read, then cut
    assert reasons(a)["الكويت - 4 - 11 (كونا) --"] == "dateline"
    assert (a.dateline, a.agency) == ("الكويت", "كونا")


def test_a_credit_line_with_the_writer_after_min_opening_the_body_is_removed_and_read():
    credit = 'نابلس - "الأيام" أونلاين - من سامي النجار'
    a = clean("\n".join(["موسم الزيتون يبدأ في الشمال", credit, BODY_A, BODY_B]))
    assert reasons(a)[credit] == "dateline"
    assert (a.dateline, a.agency, a.author) == ("نابلس", None, "سامي النجار")
    assert a.outlet == "alayyam-ps"     # the paper named الأيام that a Nablus dateline points to: the page's own


@pytest.mark.parametrize("caption", [
    "المطرب الراحل في حفلته الأخيرة على مسرح قرطاج (أرشيف \"الغد\").",
    "سوق الخضار المركزي في عمان صباح الجمعة (الغد/ سامي النجار)",
    "المزارعون في حقول الزيتون شمالي المدينة (سامي النجار/ رويترز)",
])
def test_a_short_caption_closed_by_an_archive_or_outlet_photographer_credit_goes(caption):
    a = clean("\n".join(["موسم الزيتون يبدأ في الشمال", caption, BODY_A, BODY_B]))
    assert reasons(a)[caption] == "image credit"
    assert a.text == BODY_A + "\n\n" + BODY_B


def test_a_body_sentence_ending_with_an_agency_in_brackets_stays():
    short = "وأكد الوزير أن الحملة مستمرة حتى نهاية الشهر (واس)."
    a = clean("\n".join(["موسم الزيتون يبدأ في الشمال", BODY_A, short, BODY_B]))
    assert short in a.text.split("\n\n")


@pytest.mark.parametrize("masthead, outlet", [
    ("صحيفة عكاظ", "okaz"), ("جريدة القبس", "alqabas"), ("موقع هسبريس", "hespress")])
def test_a_medium_word_before_a_known_outlet_name_is_still_its_masthead(masthead, outlet):
    text = "\n".join([masthead, "الرئيسية", "محليات", "اقتصاد",
                      "المياه تبدأ تأهيل شبكات أحياء العاصمة الشرقية", BODY_A, BODY_B])
    a = clean(text)
    assert reasons(a)[masthead] == "outlet name"
    assert a.outlet == outlet


def test_the_article_own_outlet_is_never_its_agency_but_a_wire_on_its_own_site_is():
    paper = clean("\n".join(["موسم الزيتون يبدأ في الشمال", "جنين - عنب بلدي", BODY_A, BODY_B]),
                  outlet_hint="enabbaladi")
    assert (paper.dateline, paper.agency, paper.outlet) == ("جنين", None, "enabbaladi")
    wire = clean("\n".join(["موسم الزيتون يبدأ في الشمال", "جنين - وفا", BODY_A, BODY_B]), outlet_hint="wafa")
    assert (wire.dateline, wire.agency) == ("جنين", "وفا")


def test_a_headline_longer_than_a_paragraph_above_the_date_stamp_is_the_title():
    head = ("بعد موسم ممطر على غير العادة: وزارة الزراعة تعلن بدء قطاف الزيتون في المحافظات الشمالية "
            "وتتوقع إنتاجا يفوق العام الماضي بنحو الخمس")
    text = "\n".join(["الرئيسية", "محليات", "اقتصاد", "زراعة", head, "نشر في 03/11/2026 - 09:15", BODY_A, BODY_B])
    a = clean(text)
    assert len(head.split()) > 20
    assert a.title == head and reasons(a)[head] == "title"
    assert a.text == BODY_A + "\n\n" + BODY_B


LEAD_WITH_DATELINE = ("عمان، الأردن (CNN)-- أعلنت وزارة الزراعة اليوم الخميس بدء موسم قطاف الزيتون في المحافظات "
                      "الشمالية بمشاركة آلاف المزارعين، وسط توقعات بإنتاج يفوق العام الماضي.")


@pytest.mark.parametrize("caption", [
    "مزارعون يجمعون ثمار الزيتون في حقل قرب جرش- رويترز",
    "مزارعون يجمعون ثمار الزيتون في حقل قرب جرش، 2 نوفمبر 2026 Credit: KHALIL MAZRAAWI/AFP via Getty Images",
])
def test_a_caption_closed_by_a_dashed_agency_or_a_latin_credit_goes_and_frees_the_dateline(caption):
    a = clean("\n".join(["موسم الزيتون يبدأ في الشمال", "02/11/2026", caption, LEAD_WITH_DATELINE, BODY_B]))
    assert reasons(a)[caption] == "image credit"
    assert (a.dateline, a.agency) == ("عمان، الأردن", "CNN")


def test_a_person_and_role_caption_over_the_lead_goes_but_a_standfirst_stays():
    head = "موسم الزيتون يبدأ في الشمال"
    caption = "سامر الحسيني مدير الإرشاد الزراعي"
    a = clean("\n".join([head, "02/11/2026 10:20", caption, BODY_A, BODY_B]))
    assert reasons(a)[caption] == "caption"
    assert a.text == BODY_A + "\n\n" + BODY_B
    standfirst = "الوزارة توزع معاصر متنقلة على القرى البعيدة"
    b = clean("\n".join([head, "02/11/2026 10:20", standfirst, BODY_A, BODY_B]))
    assert standfirst in b.text.split("\n\n")


HEAD_OLIVES = "موسم الزيتون يبدأ في الشمال"


def test_short_tags_without_a_header_after_the_share_bar_go():
    a = clean("\n".join([HEAD_OLIVES, BODY_A, BODY_B, "شارك هذا المقال", "فيسبوك", "الزيتون", "وزارة الزراعة",
                         "المحافظات الشمالية"]))
    assert a.text == BODY_A + "\n\n" + BODY_B
    assert reasons(a)["وزارة الزراعة"] == "tags"


def test_a_related_headlines_block_under_a_tahommak_header_goes():
    a = clean("\n".join([HEAD_OLIVES, BODY_A, BODY_B, "أخبار تهمك", "ارتفاع أسعار زيت الزيتون في الأسواق المحلية",
                         "مزارعو الجنوب يطالبون بدعم الأسمدة"]))
    assert a.text == BODY_A + "\n\n" + BODY_B


def test_contributors_under_the_story_go_and_a_wire_among_them_is_the_agency():
    a = clean("\n".join([HEAD_OLIVES, "جنين - عنب بلدي", BODY_A, BODY_B, "المساهمون", "عنب بلدي", "وكالات",
                         "شارك المقال"]), outlet_hint="enabbaladi")
    assert a.text == BODY_A + "\n\n" + BODY_B
    assert (a.dateline, a.agency) == ("جنين", "وكالات")


def test_an_app_name_on_the_line_after_an_unfinished_follow_prompt_goes():
    a = clean("\n".join([HEAD_OLIVES, BODY_A, BODY_B, "تابعوا آخر الأخبار على تطبيق", "نبض"]))
    assert a.text == BODY_A + "\n\n" + BODY_B


def test_reading_time_and_a_bare_time_under_the_date_go_and_the_time_joins_the_date():
    a = clean("\n".join([HEAD_OLIVES, "الخميس 05 نوفمبر 2026", "09:40 ص", "قراءة 4 دقائق", BODY_A, BODY_B]))
    assert a.text == BODY_A + "\n\n" + BODY_B
    assert reasons(a)["قراءة 4 دقائق"] == "reading time"
    assert a.published == "2026-11-05T09:40"


def test_a_writer_named_alone_under_the_headline_or_above_it_under_the_stamp_is_the_author():
    under = clean("\n".join([HEAD_OLIVES, "نرمين الخطيب", "05/11/2026 09:40", BODY_A, BODY_B]))
    assert under.author == "نرمين الخطيب" and reasons(under)["نرمين الخطيب"] == "byline"
    above = clean("\n".join(["الرئيسية", "محليات", "05/11/2026 09:40", "المصدر: وكالات", "ريهام سلوم",
                             HEAD_OLIVES, BODY_A, BODY_B]))
    assert above.author == "ريهام سلوم" and reasons(above)["ريهام سلوم"] == "byline"
    assert above.title == HEAD_OLIVES


def test_an_op_ed_signed_with_an_honorific_and_a_name_on_its_own_line():
    a = clean("\n".join(["الزيتون وأسئلة الموسم", "05/11/2026", "د. باسل القاسم", BODY_A, BODY_B]))
    assert a.author == "د. باسل القاسم"
    assert a.text == BODY_A + "\n\n" + BODY_B


def test_an_outlet_with_digits_and_a_wire_under_the_headline_gives_the_wire_as_agency():
    a = clean("\n".join([HEAD_OLIVES, "فرانس24- رويترز", "05/11/2026 09:40", BODY_A, BODY_B]))
    assert reasons(a)["فرانس24- رويترز"] == "byline"
    assert a.agency == "رويترز"


BODY_PORT = ("افتتحت هيئة الموانئ صباح اليوم رصيفا جديدا لسفن الحاويات في الميناء الشمالي بطاقة تبلغ مليون حاوية "
             "سنويا، بحضور عدد من ممثلي شركات الشحن الدولية.")
BODY_PORT_2 = ("وقال رئيس الهيئة إن الرصيف الجديد سيخفض زمن انتظار السفن إلى النصف، وإن المرحلة الثانية من "
               "المشروع تبدأ مطلع العام المقبل.")


@pytest.mark.parametrize("tags", [
    "الكلمات الدالة: الموانئ، الحاويات، النقل البحري",
    "الكلمات المفاتيح: الموانئ، الحاويات، النقل البحري",
    "الكلمات المتعلقة: الموانئ | الحاويات | النقل البحري",
    "وسوم: الموانئ، الحاويات",
    "كلمات مفتاحية: الموانئ، الحاويات",
    "كلمات البحث: الموانئ، الحاويات",
    "Tags: الموانئ، الحاويات",
])
def test_a_tags_label_of_any_wording_under_the_story_goes(tags):
    a = clean("\n".join([BODY_PORT, BODY_PORT_2, tags]))
    assert a.text == BODY_PORT + "\n\n" + BODY_PORT_2
    assert reasons(a)[tags] == "tags"


@pytest.mark.parametrize("line, why", [
    ("يستعمل موقعنا ملفات تعريف الارتباط (الكوكيز) لتقديم خدمة أفضل. أوافق", "cookie notice"),
    ("نستخدم ملفات تعريف الارتباط لتحسين تصفحك، وباستمرارك في التصفح فإنك تقبل استخدامها.", "cookie notice"),
    ("فيسبوك X واتساب تلغرام نسخ الرابط", "share prompt"),
    ("طباعة مشاركة حفظ", "share prompt"),
    ("شارك بتعليقك", "comment prompt"),
    ("Download the app", "follow prompt"),
])
def test_cookie_notices_share_bars_and_app_prompts_under_the_story_go(line, why):
    a = clean("\n".join([BODY_PORT, BODY_PORT_2, line]))
    assert a.text == BODY_PORT + "\n\n" + BODY_PORT_2
    assert reasons(a)[line] == why


@pytest.mark.parametrize("header", ["Related news", "أخبار ذات علاقة", "مواضيع مرتبطة", "تقارير ذات صلة"])
def test_a_related_header_in_english_or_new_wording_takes_its_headlines(header):
    items = ["وزير النقل يتفقد أعمال توسعة الطريق الساحلي", "انطلاق معرض الصناعات البحرية بمشاركة 40 شركة"]
    a = clean("\n".join([BODY_PORT, BODY_PORT_2, header] + items))
    assert a.text == BODY_PORT + "\n\n" + BODY_PORT_2
    assert all(reasons(a)[line] == "related-articles list" for line in [header] + items)


@pytest.mark.parametrize("line", ["-- (بترا) ن ع/ س ك", "ك.ل", "ر . ع", "قنا 0912 سيس 12/03/2026", "09:15ت غ"])
def test_wire_signoffs_codes_and_filing_times_under_the_story_go(line):
    a = clean("\n".join([BODY_PORT, BODY_PORT_2, line]))
    assert a.text == BODY_PORT + "\n\n" + BODY_PORT_2
    assert reasons(a)[line] == "wire sign-off"


def test_a_date_time_under_the_date_line_is_no_filing_time():
    a = clean("\n".join(["الرصيف الجديد يبدأ العمل", "الخميس 05 نوفمبر 2026", "09:40 ص", BODY_PORT, BODY_PORT_2]))
    assert a.published == "2026-11-05T09:40"


def test_one_unknown_short_paragraph_under_the_page_furniture_does_not_keep_the_furniture():
    notice = "هذا الموقع لا يتحمل مسؤولية أي محتوى منشور في الروابط الخارجية المذكورة أعلاه."
    copyright = "© جميع الحقوق محفوظة لصحيفة المرفأ 2026"
    a = clean("\n".join([BODY_PORT, BODY_PORT_2, copyright, notice]))
    assert a.text == BODY_PORT + "\n\n" + BODY_PORT_2
    assert reasons(a)[copyright] == "copyright notice" and reasons(a)[notice] == "page notice"


def test_an_unknown_last_paragraph_under_a_hashtag_or_prose_stays():
    closing = "القاعدة الأولى: لا تعد بما لا تملك، ولا تقل كل ما تعرف، واترك للوقت أن يتكلم."
    a = clean("\n".join([BODY_PORT, BODY_PORT_2, "#قواعد_الإدارة", closing]))
    assert a.text.endswith(closing)
    lone = clean("\n".join(["شارك الخبر", BODY_PORT]))
    assert lone.text == BODY_PORT


def test_a_section_word_in_a_feed_records_header_goes_but_a_topic_word_opening_the_story_stays():
    content = "\n".join(["موانئ", "كتب: سامر الحداد", BODY_PORT, BODY_PORT_2])
    a = clean(content, title_hint="الميناء الشمالي يستقبل أول سفينة حاويات عملاقة")
    assert a.text == BODY_PORT + "\n\n" + BODY_PORT_2
    assert reasons(a)["موانئ"] == "section label"
    topic = clean("\n".join(["الحاويات", BODY_PORT, BODY_PORT_2]), title_hint="أسئلة القراء عن النقل البحري")
    assert topic.text.startswith("الحاويات\n\n")


def test_the_outlets_name_without_its_qualifier_in_a_dateline_is_the_outlet_itself_not_an_agency():
    from marsad.boilerplate import _own_outlet
    assert _own_outlet("الشروق", "echorouk")            # "وهران - الشروق" on «الشروق أونلاين»
    assert not _own_outlet("الشروق", "hespress")
    assert not _own_outlet("واس", "was")                # a wire on its own site still credits itself
    text = "\n".join(["الشروق أونلاين", "وهران – الشروق:", BODY_PORT, BODY_PORT_2])
    a = clean(text, title_hint="رصيف جديد لسفن الحاويات")
    assert (a.outlet, a.dateline, a.agency) == ("echorouk", "وهران", None)


def test_a_bar_menu_may_open_with_the_sites_name():
    from marsad.boilerplate import _bar_menu
    assert _bar_menu("صحيفة عدن الغد | أخبار وتقارير | حوارات | كتابات | منوعات")
    # a long first part that names no outlet is a headline's, not a menu's
    assert not _bar_menu("الحكومة تقر الموازنة الجديدة | أخبار | حوارات | كتابات | منوعات")


def test_an_exclusive_credit_names_the_place_after_it_and_the_report_line_its_writer():
    # "خاص" marks the outlet's own report: no agency, no one's name; the word after it is the place
    text = "\n".join(["شفق نيوز / خاص - الوادي", "تقرير: سالم العمري", BODY_PORT, BODY_PORT_2])
    a = clean(text, title_hint="رصيف جديد لسفن الحاويات")
    assert (a.dateline, a.author) == ("الوادي", "سالم العمري")
    assert a.agency != "خاص"


def test_a_source_label_before_an_agency_is_no_dateline_and_the_wire_dateline_in_the_lead_is():
    lead = "الكويت 14 يونيو 2025 (كونا) " + BODY_PORT
    a = clean("\n".join(["مصدر: كونا", lead, BODY_PORT_2]), title_hint="رصيف جديد لسفن الحاويات")
    assert (a.dateline, a.agency) == ("الكويت", "كونا")


def test_a_writers_name_over_the_date_under_a_standfirst_or_signed_with_an_initial_is_the_author():
    standfirst = "الهيئة: المرحلة الثانية تبدأ قبل نهاية العام"
    a = clean("\n".join(["رصيف جديد لسفن الحاويات", standfirst, "سارة الحسيني", "14 يونيو 2025",
                         BODY_PORT, BODY_PORT_2]))
    assert a.author == "سارة الحسيني"
    a = clean("\n".join(["رصيف جديد لسفن الحاويات", "ك. سمير", "21 جوان 2025 - 23:10", BODY_PORT, BODY_PORT_2]))
    assert a.author == "ك. سمير"


def test_an_interviewers_credit_for_a_woman_is_a_byline():
    a = clean("\n".join(["حاورها: محمد الساعي", BODY_PORT, BODY_PORT_2]), title_hint="رصيف جديد لسفن الحاويات")
    assert a.author == "محمد الساعي"
    assert a.text.startswith(BODY_PORT[:20])


def test_a_masthead_names_its_outlet_in_a_part_or_by_the_short_name_closing_its_long_one():
    from marsad.boilerplate import _masthead_parts
    assert _masthead_parts("Xinhua Arabic | شبكة شينخوا") == "xinhua-ar"
    assert _masthead_parts("اقتصاد الشرق مع Bloomberg") == "asharq"
    assert _masthead_parts("وكالة الأنباء اليمنية سبأ") == "saba"
    assert _masthead_parts("الرئيسية | محليات | اقتصاد | رياضة") is None     # a bar menu
    assert _masthead_parts("وكالة الأنباء في الرياض") is None                 # a city closing it is no outlet
    text = "\n".join(["وكالة الأنباء اليمنية سبأ", "رصيف جديد لسفن الحاويات", BODY_PORT, BODY_PORT_2])
    assert clean(text).outlet == "saba"


def test_a_lead_opening_with_an_unlisted_place_and_its_date_gives_the_dateline_and_the_date():
    """"كسلا 15 يونيو 2025 — لقي ...": a place the list lacks, the day's date and a dash open the lead. The
    date is the publication date when the page has no other, the place the dateline, and the stored lead
    starts at its news (the prefix is listed as removed, so offsets into the text stay the text's)."""
    lead = "لقي 11 شخصا حتفهم وتضررت مئات الأسر جراء فيضان النهر الذي اجتاح أحياء بالمدينة فجر السبت الماضي."
    a = clean(f"سيول تجتاح أحياء المدينة وتشرد مئات الأسر\n\nكسلا 15 يونيو 2025 — {lead}\n\n{BODY}")
    assert (a.published, a.dateline) == ("2025-06-15", "كسلا")
    assert a.text.startswith("لقي 11 شخصا") and reasons(a)["كسلا 15 يونيو 2025 —"] == "dateline"
    b = clean(f"سيول تجتاح أحياء المدينة وتشرد مئات الأسر\n\nالمدينة، الأحد 15 يونيو 2025 - {lead}\n\n{BODY}")
    assert (b.published, b.dateline, b.text[:3]) == ("2025-06-15", "المدينة", "لقي")
    c = clean(f"سيول تجتاح أحياء المدينة وتشرد مئات الأسر\n\nالأحد 15 يونيو 2025 - {lead}\n\n{BODY}")
    assert c.dateline is None                   # a weekday is no place


def test_a_site_name_or_a_section_in_a_byline_is_no_author():
    """"هبة بريس - الرباط": an outlet marsad may not know, by its brand word; "السومرية نيوز – سياسة": the
    section the story is filed under. Neither is a person."""
    a = clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\nمغرب بريس - الرباط\n{BODY}")
    assert (a.author, a.dateline) == (None, "الرباط")
    b = clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\nالسومرية نيوز – سياسة\n{BODY}")
    assert b.author is None
    c = clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\nالرياض - تقرير - فهد العتيبي\n{BODY}")
    assert (c.author, c.dateline) == ("فهد العتيبي", "الرياض")


def test_a_writers_social_handle_and_role_word_are_no_part_of_the_name():
    a = clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\nخطة من ثلاث مراحل تمتد حتى نهاية العام المقبل\n"
              f"سعد الساعدي مراسل @saadsaadi\nالجمعة 13 يونيو 2025 1:05\n{BODY}")
    assert a.author == "سعد الساعدي"
    b = clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\nفهد الحربي (مكة المكرمة) okaz_online@\n{BODY}")
    assert (b.author, b.dateline) == ("فهد الحربي", "مكة المكرمة")


def test_a_name_several_outlets_share_needs_evidence_of_which_one():
    """الوطن is a paper in Saudi Arabia, Egypt, Oman, Syria and Qatar: the page's dateline or the country
    it names tells which; without either, no outlet rather than a wrong one."""
    egypt = clean(f"الوطن\nالرئيسية\nأخبار مصر\nحوادث\nالصحة تعلن خطة لتطوير المستشفيات الحكومية\n{BODY}")
    assert egypt.outlet == "elwatannews"
    oman = clean(f"الوطن\nالصحة تعلن خطة لتطوير المستشفيات الحكومية\nمسقط - فهد العتيبي\n{BODY}")
    assert oman.outlet == "alwatan-om"
    unknown = clean(f"الوطن\nالصحة تعلن خطة لتطوير المستشفيات الحكومية\n{BODY}")
    assert unknown.outlet is None
    tunisia = clean(f"الشروق أونلاين\nالصحة تعلن خطة لتطوير المستشفيات الحكومية\nتونس – الشروق:\n{BODY}")
    assert (tunisia.outlet, tunisia.agency) == ("alchourouk", None)
    hinted = clean(f"الوطن\nالصحة تعلن خطة لتطوير المستشفيات الحكومية\n{BODY}", outlet_hint="alwatan")
    assert hinted.outlet == "alwatan"           # an id from the container is no shared name


def test_sudanese_emirati_syrian_and_yemeni_outlets_name_themselves_and_sign_as_the_paper():
    """Mastheads ("صحيفة السوداني", "وكالة أنباء هاوار"), copyright lines ("© الانتباهة 2025") and the
    paper's own sign under a city ("الخرطوم: السوداني", "أبوظبي (الاتحاد)") name the outlet; the sign is no
    author. التغيير is a Yemeni site and a Sudanese paper: the country the page names decides."""
    menu = "أخبار | سياسة | اقتصاد | تقارير | رأي"
    head = "الصحة تعلن خطة لتطوير المستشفيات الحكومية"
    a = clean(f"صحيفة السوداني\n{menu}\n\n{head}\n\nالخرطوم: السوداني\n\n{BODY}")
    assert (a.outlet, a.author, a.dateline) == ("alsudani", None, "الخرطوم")
    a = clean(f"{head}\n\n{BODY}\n\nجميع الحقوق محفوظة © الانتباهة 2025")
    assert a.outlet == "alintibaha"
    a = clean(f"الاتحاد\n{menu}\n\n{head}\n\nأبوظبي (الاتحاد)\n\n{BODY}")
    assert (a.outlet, a.author, a.dateline) == ("alittihad", None, "أبوظبي")
    a = clean(f"وكالة أنباء هاوار\n{menu}\n\n{head}\n\nالرقة – سارة محمد\n\n{BODY}")
    assert (a.outlet, a.author, a.dateline) == ("hawarnews", "سارة محمد", "الرقة")
    yemen = BODY + " وقال مسؤول في اليمن إن الأمطار مستمرة."
    a = clean(f"موقع التغيير\n{menu}\n\n{head}\n\nالتغيير – خاص\n\n{yemen}")
    assert (a.outlet, a.dateline) == ("altagheer", None)


def test_a_pages_date_and_author_printed_under_its_headline_without_metadata():
    """A page with no date or author metadata prints them in classed elements right under its <h1>; a date
    bar above the headline is the site header's today, not the article's date."""
    page = ('<html><head><title>المركزي يبقي سعر الأساس دون تغيير | الموقع</title></head><body>'
            '<div class="date">الأحد 1 حزيران 2025</div><div class="article"><h1>المركزي يبقي سعر الأساس '
            'دون تغيير</h1><div class="author">لينا فخر الدين</div><div class="date">الجمعة 16 أيار 2025</div>'
            f'<p>{BODY}</p></div></body></html>')
    a = clean_document(Document(source="page.html", kind="html"), page)
    assert (a.published, a.author) == ("2025-05-16", "لينا فخر الدين")
    header_only = page.replace('<div class="author">لينا فخر الدين</div><div class="date">الجمعة 16 أيار '
                               '2025</div>', "")
    a = clean_document(Document(source="page.html", kind="html"), header_only)
    assert (a.published, a.author) == (None, None)


def test_a_gulf_writers_bare_name_under_the_headline_is_the_author():
    """مبارك, بدر, مشعل, طلال open many Gulf writers' names: alone under the headline, above the date, the
    line is the byline, not a second headline."""
    head = "الصحة تعلن خطة لتطوير المستشفيات الحكومية"
    a = clean(f"{head}\n\nمبارك العبدالله\n17 مايو 2025\n\n{BODY}")
    assert (a.title, a.author) == (head, "مبارك العبدالله")


def test_a_paper_dateline_then_from_and_the_writer_is_a_byline():
    # "CITY ـ «PAPER» من NAME:" over the story: the place, the paper and its writer, no line of the story
    line = "بيروت ـ «النهار العربي» من سلمى الخطيب:"
    a = clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\n{line}\n{BODY}")
    assert (a.dateline, a.author, a.text) == ("بيروت", "سلمى الخطيب", BODY)
    assert reasons(a)[line] == "dateline"


def test_a_byline_with_the_pronoun_written_on_the_verb():
    # "كتبه:" / "كتبته:" are "كتب:" with the pronoun of the piece on it
    for line, name in (("كتبه: ماهر العلي", "ماهر العلي"), ("كتبته: رنا حداد", "رنا حداد")):
        a = clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\n{line}\n{BODY}")
        assert (a.author, a.text) == (name, BODY), line


def test_a_paper_in_the_dateline_is_the_outlet_a_wire_only_when_told_to():
    head = "الصحة تعلن خطة لتطوير المستشفيات الحكومية"
    # a known paper after the city ("CITY - PAPER", "CITY: «PAPER»", "PAPER - CITY"): the page's outlet, no agency
    for line in ("دبي - البيان", "دبي: «البيان»", "البيان - دبي"):
        a = clean(f"{head}\n{line}\n{BODY}")
        assert (a.outlet, a.agency, a.dateline, a.text) == ("albayan", None, "دبي", BODY), line
    # a quoted name marsad does not know, after a known city: that paper itself, named as written
    a = clean(f"{head}\nالقاهرة - «المنارة»\n{BODY}")
    assert (a.outlet, a.agency) == ("المنارة", None)
    # after a word that may be a writer's name rather than a place, or a city that is also a paper: no outlet
    a = clean(f"{head}\nكسلا - «المنارة»\n{BODY}")
    assert (a.outlet, a.agency) == (None, "المنارة")
    # a wire's dateline: a paper may run its story; the wire is the outlet too only when told something
    a = clean(f"{head}\nالدوحة - قنا\n{BODY}")
    assert (a.outlet, a.agency) == (None, "قنا")
    told = "وقال مدير المستشفى لـ«قنا» إن العمل سيبدأ الشهر المقبل في جميع الأقسام."
    a = clean(f"{head}\nالدوحة - قنا\n{BODY}\n{told}")
    assert (a.outlet, a.agency) == ("qna", "قنا")
    # the container's author field naming an outlet credits it, it does not sign the page
    a = clean(f"{head}\n{BODY}", author_hint="البيان")
    assert a.outlet is None


def test_the_outlet_signing_off_under_the_story_names_it_and_goes():
    for signoff in ("الأيام البحرينية", "صحيفة البيان"):
        a = clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\n{BODY}\n{signoff}")
        assert a.text == BODY and reasons(a)[signoff] == "outlet name", signoff
    assert clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\n{BODY}\nالأيام البحرينية").outlet == "alayam"
    link = "http://albayan.ae/health/1.123"         # a link under the story is one of its lines
    a = clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\n{BODY}\n{link}")
    assert link in a.text


def test_a_newsletter_prompt_naming_the_outlet_and_a_top_news_rail_header_go():
    for tail in ("اشترك في نشرة المنارة اليومية", "اشتركوا في نشرة الصباح الأسبوعية", "أهم الأخبار"):
        a = clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\n{BODY}\n{tail}")
        assert a.text == BODY, tail


def test_a_wire_dateline_with_the_whole_date_gives_the_publication_date_and_leaves_the_lead():
    for stamp, day in (("نابلس 7-9-2025 وفا- ", "2025-09-07"), ("الدوحة 12-1-2026 (قنا) - ", "2026-01-12")):
        a = clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\n{stamp}{BODY}")
        assert (a.published, a.text) == (day, BODY), stamp
        assert reasons(a)[stamp.strip()] == "dateline"
    # a day and month without the year is no publication date, but the stamp is still no words of the story
    a = clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\nالكويت - 10 - 1 (كونا) -- {BODY}")
    assert a.published is None and a.text == BODY and (a.dateline, a.agency) == ("الكويت", "كونا")
    # an opening that only looks like one keeps its words: no agency in brackets, or no day
    for lead in (f"الكويت - 10 - 1 (الوزارة) -- {BODY}", f"بيروت (رويترز) - {BODY}"):
        assert clean(f"الصحة تعلن خطة لتطوير المستشفيات الحكومية\n{lead}").text == lead


def test_a_pages_byline_element_under_its_headline_gives_the_dateline():
    """The meta tags name the writer and the date; the byline element under the <h1> also names the place
    the story was filed from, which only it tells."""
    page = ('<html><head><title>المركزي يبقي سعر الأساس | الموقع</title>'
            '<meta name="author" content="لينا فخر الدين"></head><body><div class="article">'
            '<h1>المركزي يبقي سعر الأساس دون تغيير</h1><div class="byline">بيروت - الموقع الإخباري: لينا فخر '
            'الدين <time datetime="2025-05-16T10:00:00+03:00">الجمعة 16 أيار 2025</time></div>'
            f'<p>{BODY}</p></div></body></html>')
    a = clean_document(Document(source="page.html", kind="html"), page)
    assert (a.dateline, a.author, a.published) == ("بيروت", "لينا فخر الدين", "2025-05-16T10:00")
    # a byline element with the writer alone names no place
    plain = page.replace("بيروت - الموقع الإخباري: ", "")
    assert clean_document(Document(source="page.html", kind="html"), plain).dateline is None


def test_a_wire_end_mark_glued_to_the_last_sentence_goes_and_the_wires_own_page_is_its_outlet():
    last = "ويعد هذا الحكم نهائيا وباتا غير قابل للطعن."
    text = (f"التمييز تؤيد حبس وكيل سابق لوزارة الصحة\nالكويت - 10 - 3 (كونا) -- {BODY}\n"
            f"{last} (النهاية) م ع ح / ع ب ر")
    a = clean(text)
    assert a.text == f"{BODY}\n\n{last}"
    assert reasons(a)["(النهاية) م ع ح / ع ب ر"] == "wire sign-off"
    assert (a.outlet, a.agency, a.dateline) == ("kuna", "كونا", "الكويت")
    # a paper running the wire's story without its editors' sign-off is not the wire
    b = clean(f"التمييز تؤيد حبس وكيل سابق لوزارة الصحة\nالكويت - 10 - 3 (كونا) -- {BODY}\n{last} (النهاية)")
    assert b.text == f"{BODY}\n\n{last}" and b.outlet is None and b.agency == "كونا"
    # "(النهاية)" inside a sentence, words after it, is the story's own
    c = clean(f"التمييز تؤيد حبس وكيل سابق لوزارة الصحة\n{BODY}\nوشاهد الجمهور فيلم (النهاية) في عرضه الأول")
    assert c.text.endswith("فيلم (النهاية) في عرضه الأول")


def test_a_name_between_the_source_credit_and_the_date_is_the_byline_whatever_its_given_name():
    text = "\n".join(["النهار", "سياسة | لبنان", "جلسة تشريعية صاخبة تقر قرض البنك الدولي لإعادة الإعمار",
                     'المصدر: "النهار"', "جويل الفغالي", "الأربعاء 18 آذار 2026 | 19:42", BODY])
    a = clean(text)
    assert (a.author, a.text) == ("جويل الفغالي", BODY)
    assert reasons(a)["جويل الفغالي"] == "byline"
    # a headline-shaped line in that place is no name
    b = clean(text.replace("جويل الفغالي", "الحكومة تطلب قرضا جديدا"))
    assert b.author is None
