"""Extractive story summaries on small hand-written articles (Egyptian and Gulf styles)."""
from __future__ import annotations

from marsad import summarise
from marsad.records import Article, Mention, Timex

WIRE = ("أعلن البنك المركزي المصري رفع أسعار الفائدة الأساسية بمقدار 200 نقطة أساس في اجتماع استثنائي "
        "عقده صباح الخميس.")

CAIRO = Article(
    id="a-cairo", source="t", outlet="cairo-daily", published="2024-02-01T09:00",
    title="المركزي المصري يرفع الفائدة 2% في اجتماع استثنائي",
    text=(WIRE + "\n"
          "وقال محافظ البنك حسن عبد الله إن القرار يهدف إلى احتواء التضخم الذي بلغ 35.2% في يناير.\n"
          "وأضاف أن البنك سيواصل متابعة تطورات سعر الصرف في السوق الموازية عن كثب.\n"
          "شارك الخبر\n"
          "وكانت لجنة السياسة النقدية قد أبقت على أسعار الفائدة دون تغيير في اجتماعها الأخير في ديسمبر.\n"
          "المركزي المصري يرفع الفائدة 2% في اجتماع استثنائي"),
    mentions=[Mention(WIRE.index("البنك"), WIRE.index("البنك") + len("البنك المركزي المصري"),
                      "البنك المركزي المصري", "ORG")],
    timexes=[Timex(WIRE.index("صباح"), WIRE.index("صباح") + len("صباح الخميس"), "صباح الخميس", "2024-02-01")])

GULF = Article(
    id="a-gulf", source="t", outlet="gulf-business", published="2024-02-01T13:30",
    title="مصر ترفع الفائدة لمواجهة التضخم",
    text=(WIRE + "\n"
          "ويرى محللون في دبي أن الخطوة تمهد لاتفاق موسع مع صندوق النقد الدولي خلال الأسابيع المقبلة.\n"
          "وتراجعت السندات المصرية المقومة بالدولار في التعاملات المبكرة بعد الإعلان عن القرار."),
)

EMPTY = Article(id="a-empty", source="t", text="", title=None)


def test_sentences_come_from_the_articles_with_valid_offsets():
    by_id = {a.id: a for a in (CAIRO, GULF)}
    summary = summarise.summarise([GULF, CAIRO])
    assert 3 <= len(summary) <= 5
    for s in summary:
        assert by_id[s.article].text[s.start:s.end] == s.text


def test_no_two_sentences_say_the_same_thing():
    summary = summarise.summarise([CAIRO, GULF])
    texts = [s.text for s in summary]
    assert len(texts) == len(set(texts))
    assert sum(1 for t in texts if t == WIRE) == 1       # the wire sentence both outlets carry, once


def test_lead_with_who_what_when_comes_first():
    summary = summarise.summarise([CAIRO, GULF])
    assert summary[0].text == WIRE
    assert summary[0].article == CAIRO.id                # the earliest article's copy is kept


def test_max_sentences_is_respected_and_headline_echo_skipped():
    assert len(summarise.summarise([CAIRO, GULF], max_sentences=2)) == 2
    assert summarise.summarise([CAIRO], max_sentences=0) == []
    texts = [s.text for s in summarise.summarise([CAIRO, GULF])]
    assert CAIRO.title not in texts
    assert "شارك الخبر" not in texts


def test_empty_and_odd_input():
    assert summarise.summarise([]) == []
    assert summarise.summarise([EMPTY]) == []
    long_line = Article(id="a-long", source="t", text="كلمة " * 10_000)
    assert summarise.summarise([long_line]) == []        # one 10,000-word run-on line is no sentence


def test_tatweel_runs_diacritics_and_latin_do_not_crash():
    odd = Article(id="a-odd", source="t", published="2024-02-02",
                  text=("ـــ ـــ أعلن البَنْكُ المَرْكَزِيُّ رفع الفائدة ٢٠٠ نقطة أساس وفق بيان Reuters اليوم الجمعة.\n"
                        "ـــــ\n" + "وقال المحافظ إن التضخم سيتراجع خلال العام المقبل بحسب توقعات البنك الرسمية."))
    summary = summarise.summarise([odd])
    assert summary and all(odd.text[s.start:s.end] == s.text for s in summary)


def test_a_cut_copy_of_a_chosen_sentence_is_not_chosen_again():
    full = ("أعلنت قيادة القوات المشتركة في بيان لها اليوم استشهاد الرقيب سامي بن فهد الحربي من منسوبي الحرس "
            "الوطني بعد إصابته بمقذوف في قطاع نجران، وأكدت أن القوات ردت على مصادر النيران.")
    cut = "أعلنت قيادة القوات المشتركة في بيان لها اليوم استشهاد الرقيب سامي بن فهد."
    other = "وشيع المئات جثمان الشهيد في مسقط رأسه بحضور عدد من المسؤولين وأقاربه وزملائه في الحرس الوطني."
    a = Article(id="a-1", source="t", text=full + "\n\n" + other, published="2024-05-01")
    b = Article(id="a-2", source="t", text=cut, published="2024-05-01")
    texts = [s.text for s in summarise.summarise([a, b])]
    assert full in texts and cut not in texts


def test_an_interviews_questions_are_not_summary_sentences():
    text = ("س: هل تنوي الحكومة رفع أسعار الكهرباء على المستهلكين هذا العام؟\n"
            "ج: لا توجد أي نية لرفع أسعار الكهرباء على المستهلكين خلال العام الحالي.\n"
            "س: ماذا عن مشروع الربط الكهربائي مع العراق بعد اكتمال مرحلته الأولى؟\n"
            "ج: نزود العراق حاليا بنحو 40 ميغاواط ونعمل على رفع الكمية إلى 150 ميغاواط بنهاية العام.")
    interview = Article(id="a-interview", source="t", published="2024-03-01", title="وزير الطاقة: لا رفع للأسعار",
                        text=text)
    chosen = summarise.summarise([interview])
    assert len(chosen) == 2 and all(s.text.startswith("ج:") for s in chosen)


def test_a_quotation_of_two_sentences_is_one_summary_sentence():
    text = ("حذرت منظمة الصحة العالمية من تفشي وباء الكوليرا في السودان مع بدء موسم الأمطار هذا الشهر.\n"
            "وقالت المتحدثة باسم المنظمة: \"نحن قلقون للغاية. النظام الصحي في السودان على وشك الانهيار الكامل\".\n"
            "وأرسلت المنظمة مليون جرعة من اللقاح إلى ولايات كسلا والقضارف والجزيرة هذا الأسبوع.")
    a = Article(id="a-who", source="t", published="2024-08-01", title="الصحة العالمية تحذر من الكوليرا", text=text)
    chosen = summarise.summarise([a])
    quoted = [s for s in chosen if "قلقون" in s.text or "الانهيار" in s.text]
    assert len(quoted) == 1 and quoted[0].text.endswith('الكامل".') and quoted[0].text.startswith("وقالت")
    assert all(a.text[s.start:s.end] == s.text for s in chosen)


def test_a_summary_sentence_leaves_out_the_dateline_and_captions_are_never_chosen():
    from marsad.records import Article
    from marsad.summarise import summarise
    text = ("مسقط (بترا) - بحث وزير الخارجية الأردني نادر العمري مع نظيره العماني في مسقط اليوم سبل تعزيز "
            "التعاون بين البلدين في مجالات الطاقة والنقل.\n\n"
            "الوزيران خلال المؤتمر الصحفي المشترك في قصر العلم بمسقط\n\n"
            "وقال العمري إن البلدين اتفقا على تشكيل لجنة مشتركة لمتابعة المشاريع الكبرى في الطاقة والنقل.")
    a = Article(id="a", source="a.txt", text=text, published="2024-03-12")
    chosen = summarise([a])
    texts = [s.text for s in chosen]
    assert texts[0].startswith("بحث وزير الخارجية") and all(text[s.start:s.end] == s.text for s in chosen)
    assert not any(t.startswith("الوزيران خلال") for t in texts)


def test_summary_sentences_read_in_each_articles_order_most_central_article_first():
    summary = summarise.summarise([CAIRO, GULF])
    articles = [s.article for s in summary]
    assert articles == sorted(articles, key=articles.index)            # one article's sentences together
    for aid in set(articles):
        starts = [s.start for s in summary if s.article == aid]
        assert starts == sorted(starts)                                 # in the order the article tells them
    assert summary[0].text == WIRE
