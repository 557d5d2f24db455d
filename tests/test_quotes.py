"""Quotations and speakers on short texts written for these tests in several outlets' styles.

Mentions are built by hand (`article(...)` below) so the tests do not depend on the NER model.
"""
from __future__ import annotations

import time

import pytest

from marsad.quotes import find_quotes, quote_spans
from marsad.records import Article, Mention, Timex, content_id


def article(text: str, names: dict[str, str] | None = None, titles: dict[str, str] | None = None,
            timexes: list[Timex] | None = None) -> Article:
    """An article whose mentions are every occurrence of each name in `names` (name -> type), longest
    names first, never overlapping; `titles` gives a PER name's role phrase (Mention.title)."""
    names = names or {}
    titles = titles or {}
    taken = [False] * len(text)
    mentions = []
    for name in sorted(names, key=len, reverse=True):
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            if not any(taken[start:end]):
                taken[start:end] = [True] * len(name)
                mentions.append(Mention(start, end, name, names[name], title=titles.get(name)))
            start = text.find(name, end)
    mentions.sort(key=lambda m: m.start)
    return Article(id="a-test", source="test", text=text, mentions=mentions, timexes=timexes or [])


def speaker(a: Article, q) -> str | None:
    return a.mentions[q.speaker_mention].text if q.speaker_mention is not None else None


def check_offsets(a: Article, quotes) -> None:
    for q in quotes:
        assert a.text[q.start:q.end] == q.text
        assert q.id == content_id("q", a.id, q.start, q.end)
        assert q.article == a.id


# --- quote marks ------------------------------------------------------------------------------------------

def test_guillemets_after_qala_inna_iraqi_style():
    a = article("وقال رئيس الوزراء علي العلاق إن: «الحكومة ماضية في تنفيذ برنامجها الخدمي رغم التحديات».",
                {"علي العلاق": "PER"})
    [q] = find_quotes(a)
    check_offsets(a, [q])
    assert q.kind == "direct"
    assert q.text == "الحكومة ماضية في تنفيذ برنامجها الخدمي رغم التحديات"
    assert q.verb == "قال"
    assert speaker(a, q) == "علي العلاق"
    assert q.speaker_text == "علي العلاق"


def test_curly_quotes_levantine_style_with_colon():
    a = article("وقال وزير الخارجية سامر الحلبي: “لن نقبل بأي تسوية تمس سيادة البلاد وحقوق شعبها”.",
                {"سامر الحلبي": "PER"})
    [q] = find_quotes(a)
    assert q.text == "لن نقبل بأي تسوية تمس سيادة البلاد وحقوق شعبها"
    assert speaker(a, q) == "سامر الحلبي"


def test_straight_quotes_egyptian_style():
    a = article('وصرح المتحدث الرسمي هشام الدسوقى بأن "المشروعات الجديدة ستوفر آلاف فرص العمل للشباب".',
                {"هشام الدسوقى": "PER"})
    [q] = find_quotes(a)
    assert q.kind == "direct"
    assert q.text == "المشروعات الجديدة ستوفر آلاف فرص العمل للشباب"
    assert speaker(a, q) == "هشام الدسوقى"


def test_low_high_quote_pair():
    a = article("وأوضح نادر القاسم „أن الموسم الزراعي هذا العام أفضل من المواسم الثلاثة الماضية“.",
                {"نادر القاسم": "PER"})
    [q] = find_quotes(a)
    assert q.text == "أن الموسم الزراعي هذا العام أفضل من المواسم الثلاثة الماضية"
    assert speaker(a, q) == "نادر القاسم"


def test_quote_spanning_paragraphs_stays_one():
    text = ("وقال سعيد المرزوقي: «نعمل على توسيع الشبكة لتشمل المدن الساحلية كافة.\n\n"
            "وسنبدأ المرحلة الثانية مطلع العام المقبل بعد استكمال الدراسات».\n\n"
            "وتتولى الهيئة الإشراف على المشروع.")
    a = article(text, {"سعيد المرزوقي": "PER"})
    [q] = find_quotes(a)
    assert q.text.startswith("نعمل على توسيع") and q.text.endswith("استكمال الدراسات")
    assert "\n\n" in q.text
    assert speaker(a, q) == "سعيد المرزوقي"


def test_paragraph_reopening_the_mark_continues_the_quote():
    text = ('وقال فهد العتيبي: "الأسعار ستعود إلى مستوياتها الطبيعية خلال أسابيع\n'
            '"ونراقب الأسواق يوميا لمنع أي احتكار أو تلاعب بالأسعار".')
    a = article(text, {"فهد العتيبي": "PER"})
    [q] = find_quotes(a)
    assert q.text.startswith("الأسعار ستعود") and q.text.endswith("تلاعب بالأسعار")


def test_nested_marks_do_not_split_the_quote():
    a = article("وقال أحمد يوسف: «نرحب بقرار “الناتو” توسيع بعثته التدريبية في البلاد».",
                {"أحمد يوسف": "PER", "الناتو": "ORG"})
    [q] = find_quotes(a)
    assert q.text == "نرحب بقرار “الناتو” توسيع بعثته التدريبية في البلاد"


def test_unclosed_straight_quote_does_not_swallow_next_paragraph():
    text = ('وطالب المجلس بتوسيع التعاون "وفقا لما تراه الحكومة مناسبا\n\n'
            'وفي سياق آخر، افتتح المحافظ "مستشفى الأمل" الجديد.')
    assert quote_spans(text) == [(text.index('"مستشفى'), text.index('" الجديد'))]


def test_quoted_terms_are_not_quotes():
    text = ('وتعمل البعثة برغم كونها "بعثة غير قتالية" في مناطق عدة، وتنسق مع "الناتو" و“الكاظمي” '
            'ضمن برنامج "تدريب المدربين".')
    a = article(text, {"الناتو": "ORG", "الكاظمي": "PER"})
    assert find_quotes(a) == []


def test_short_quoted_term_after_a_verb_is_not_a_quote():
    text = 'ووصف جمال الدوري الاتفاق بـ"التاريخي"، وأشاد بـ"الناتو" و"الحلفاء الغربيين".'
    a = article(text, {"جمال الدوري": "PER", "الناتو": "ORG"})
    assert find_quotes(a) == []


def test_quoted_speaker_name_before_colon_is_a_label():
    a = article("وتابع “خالد الراشد”: «سنواصل دعم المشاريع الصغيرة والمتوسطة في جميع المحافظات».",
                {"خالد الراشد": "PER"})
    [q] = find_quotes(a)
    assert q.text.startswith("سنواصل")
    assert q.verb == "تابع"
    assert speaker(a, q) == "خالد الراشد"


def test_quoted_title_after_a_title_word_is_not_a_quote():
    text = ("وكتبت الصحيفة تقريرا مطولا تحت عنوان «كيف تغيرت خريطة التحالفات في المنطقة خلال عام واحد» "
            "وأطلقت الوزارة حملة \"معا من أجل مدارس آمنة ونظيفة لكل أطفال المدينة\".")
    assert find_quotes(article(text)) == []


@pytest.mark.parametrize("lead", [
    "وقال الوزير سامي الرفاعي في كلمة خلال المؤتمر:",
    "وقال سامي الرفاعي في تصريح للموقع:",
    "وقال سامي الرفاعي بعد تتويجه بالجائزة:",
])
def test_definite_title_word_before_a_speech_colon_does_not_make_a_name(lead):
    a = article(lead + " «سنعلن النتائج النهائية للمسابقة الأسبوع المقبل».", {"سامي الرفاعي": "PER"})
    [q] = find_quotes(a)
    assert q.text == "سنعلن النتائج النهائية للمسابقة الأسبوع المقبل"
    assert speaker(a, q) == "سامي الرفاعي"


def test_indefinite_title_word_before_a_colon_still_names():
    text = "وقال الوزير إن الوزارة ستنظم مؤتمرا بعنوان: «مستقبل الطاقة المتجددة في دول الخليج العربي»."
    assert [q.text for q in find_quotes(article(text)) if q.kind == "direct"] == []


def test_paragraph_that_is_only_a_quote_continues_the_previous_quote_only():
    text = ("وقال رامي العطار: «نريد حلا عادلا يحفظ حقوق جميع الأطراف دون استثناء».\n\n"
            "«ولن نتراجع عن مطالبنا مهما طال الزمن وكثرت الضغوط علينا من كل جانب».\n\n"
            "وتشهد المدينة منذ أسابيع احتجاجات يقودها اتحاد النقابات.\n\n"
            "«نحن لا نطالب بالمستحيل بل بحقوق كفلها الدستور لكل مواطن في هذا البلد»")
    a = article(text, {"رامي العطار": "PER", "اتحاد النقابات": "ORG"})
    q1, q2, q3 = find_quotes(a)
    assert speaker(a, q1) == speaker(a, q2) == "رامي العطار"
    assert q3.speaker_mention is None                # a paragraph about something else came between


def test_long_unattributed_quote_counts_but_has_no_speaker():
    a = article('وتضمن التقرير عبارة "إن الوضع الاقتصادي يتطلب إصلاحات عاجلة وجذرية في قطاعات عدة" دون توضيح.')
    [q] = find_quotes(a)
    assert q.speaker_mention is None and q.verb is None


# --- قال: without marks ------------------------------------------------------------------------------------

def test_colon_form_runs_to_end_of_paragraph():
    text = ("وقال مروان الشامي: لقد أنجزنا المرحلة الأولى من المشروع في وقت قياسي ونأمل الانتهاء قريبا\n"
            "وتبلغ كلفة المشروع مليوني دينار.")
    a = article(text, {"مروان الشامي": "PER"})
    [q] = find_quotes(a)
    assert q.kind == "direct"
    assert q.text == "لقد أنجزنا المرحلة الأولى من المشروع في وقت قياسي ونأمل الانتهاء قريبا"
    assert speaker(a, q) == "مروان الشامي"


def test_colon_after_subject_and_according_phrase():
    a = article("وأضاف يوسف النعيمي بحسب بيان الوزارة: سنطلق حملة وطنية للتوعية بمخاطر المخدرات",
                {"يوسف النعيمي": "PER"})
    [q] = find_quotes(a)
    assert q.verb == "أضاف"
    assert speaker(a, q) == "يوسف النعيمي"


# --- reported speech ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, clause", [
    ("أكد ليث الجبوري أن الانتخابات ستجري في موعدها المحدد دون تأجيل.",
     "الانتخابات ستجري في موعدها المحدد دون تأجيل"),
    ("وشدد ليث الجبوري على ضرورة حماية المنشآت النفطية من أي اعتداء.",
     "ضرورة حماية المنشآت النفطية من أي اعتداء"),
    ("وأعرب ليث الجبوري عن أمله في انتهاء الأزمة السياسية قريبا.",
     "أمله في انتهاء الأزمة السياسية قريبا"),
    ("وأشار ليث الجبوري إلى أن الحكومة ستدعم المزارعين بقروض ميسرة.",
     "الحكومة ستدعم المزارعين بقروض ميسرة"),
    ("ولفت ليث الجبوري إلى أن العمل جار لإعادة فتح المعابر الحدودية.",
     "العمل جار لإعادة فتح المعابر الحدودية"),
    ("وبيّن ليث الجبوري أن الموازنة تتضمن تخصيصات لبناء المدارس.",
     "الموازنة تتضمن تخصيصات لبناء المدارس"),
    ("وكشف ليث الجبوري أن لجنة تحقيق شُكلت لمتابعة الملف.",
     "لجنة تحقيق شُكلت لمتابعة الملف"),
])
def test_reported_verbs(sentence, clause):
    a = article(sentence, {"ليث الجبوري": "PER"})
    [q] = find_quotes(a)
    check_offsets(a, [q])
    assert q.kind == "reported"
    assert q.text == clause
    assert speaker(a, q) == "ليث الجبوري"


def test_reported_clause_ends_at_next_attribution_and_participle_keeps_speaker():
    text = ("وقالت الوزيرة ريم السالم إن الوزارة أطلقت منصة رقمية جديدة للخدمات، "
            "مضيفةً أن المنصة ستختصر زمن المعاملات إلى النصف.")
    a = article(text, {"ريم السالم": "PER"})
    q1, q2 = find_quotes(a)
    assert q1.text == "الوزارة أطلقت منصة رقمية جديدة للخدمات"
    assert q2.text == "المنصة ستختصر زمن المعاملات إلى النصف"
    assert q2.verb == "مضيفةً"
    assert speaker(a, q1) == speaker(a, q2) == "ريم السالم"


def test_preposition_of_an_object_noun_does_not_start_a_clause():
    text = "وأكد ناصر الهاشمي لرئيسة البعثة الأممية عزم حكومته على إنجاح الانتخابات في موعدها المقرر."
    assert find_quotes(article(text, {"ناصر الهاشمي": "PER"})) == []


def test_non_speech_an_is_not_a_reported_clause():
    text = "وقال حسن البدري في وقت سابق، إلا أن الظروف تغيرت كثيرا منذ ذلك الحين وبعد أن تبدلت الحكومة."
    a = article(text, {"حسن البدري": "PER"})
    assert find_quotes(a) == []


def test_reporting_verb_with_diacritics_and_alef_variants():
    a = article("وأَكّدَ سليم الحداد أنّ المفاوضات مستمرة بين الطرفين حتى الآن.", {"سليم الحداد": "PER"})
    [q] = find_quotes(a)
    assert q.verb == "أَكّدَ"
    assert speaker(a, q) == "سليم الحداد"


# --- speakers ------------------------------------------------------------------------------------------------

def test_speaker_before_the_verb():
    text = "أمّا وزير المالية طارق الزين، فأكد أن العجز سينخفض خلال العامين المقبلين."
    a = article(text, {"طارق الزين": "PER"})
    [q] = find_quotes(a)
    assert speaker(a, q) == "طارق الزين"
    assert q.verb == "أكد"


def test_speaker_after_the_quote():
    text = ("«نقدر الدعم الذي قدمه الأشقاء في أصعب الظروف التي مرت بها البلاد»، قال “نزار العبيدي” مختتما.")
    a = article(text, {"نزار العبيدي": "PER"})
    [q] = find_quotes(a)
    assert q.verb == "قال"
    assert speaker(a, q) == "نزار العبيدي"


def test_continuation_verbs_take_the_last_speaker():
    text = ("وقال محافظ البصرة عماد الموسوي إن: «المحافظة تحتاج إلى مشاريع عاجلة لتحلية المياه».\n\n"
            "وأضاف: «لقد خاطبنا الوزارات المعنية أكثر من مرة دون استجابة كافية».\n\n"
            "مُردفاً: «نأمل أن تتغير الأمور بعد إقرار الموازنة الجديدة للعام المقبل».")
    a = article(text, {"عماد الموسوي": "PER", "البصرة": "LOC"})
    quotes = find_quotes(a)
    assert [q.verb for q in quotes] == ["قال", "أضاف", "مُردفاً"]
    assert [speaker(a, q) for q in quotes] == ["عماد الموسوي"] * 3


def test_long_quotation_keeps_its_speaker_in_focus():
    text = ("وقال نوري الحسن: «بدأنا العمل قبل عامين. واجهنا صعوبات كثيرة. لكننا لم نستسلم أبدا. "
            "وها نحن نرى النتائج اليوم في كل مدينة».\nوأضاف أن المرحلة المقبلة ستركز على الأرياف.")
    a = article(text, {"نوري الحسن": "PER"})
    q1, q2 = find_quotes(a)
    assert speaker(a, q1) == speaker(a, q2) == "نوري الحسن"


def test_pronoun_does_not_reach_a_name_several_sentences_back():
    text = ("التقى المحافظ وليد الشمري وجهاء المدينة. وتناول اللقاء ملف الخدمات. وحضر الاجتماع عدد من المسؤولين. "
            "وشهدت القاعة نقاشا حادا. وأكد أن العمل سيبدأ قريبا في المشاريع المتوقفة.")
    a = article(text, {"وليد الشمري": "PER"})
    [q] = find_quotes(a)
    assert q.speaker_mention is None


def test_anonymous_subject_before_the_verb():
    text = ("التقى المدرب فارس القحطاني اللاعبين أمس.\n"
            "مصادر مقربة من النادي تؤكد أن اللاعب في طريقه إلى الفريق خلال أيام.")
    a = article(text, {"فارس القحطاني": "PER"})
    [q] = find_quotes(a)
    assert q.speaker_mention is None and q.speaker_text == "مصادر"


def test_verbal_noun_after_preposition_is_not_a_reporting_verb():
    text = "التقى الوزير خالد النمر المستثمرين. والجدير بالذكر أن المشروع بدأ قبل ثلاث سنوات في المنطقة."
    assert find_quotes(article(text, {"خالد النمر": "PER"})) == []


def test_pronoun_subject_follows_the_person_the_paragraph_is_about():
    text = ("التقى وزير الداخلية كمال النجار وفدا من شيوخ العشائر في مكتبه.\n"
            "وأكد خلال اللقاء أن الأجهزة الأمنية ستلاحق المطلوبين في كل مكان.")
    a = article(text, {"كمال النجار": "PER"})
    [q] = find_quotes(a)
    assert speaker(a, q) == "كمال النجار"


def test_office_statement_names_the_person():
    a = article("وبحث اللقاء: «ملفات التعاون الاقتصادي والاستثمار في قطاع الطاقة والنقل»، حسب بيان لمكتب "
                "“حيدر الساعدي” الإعلامي.\nوذكر البيان أن الجانبين اتفقا على تشكيل لجنة مشتركة لمتابعة المشاريع.",
                {"حيدر الساعدي": "PER"})
    q1, q2 = find_quotes(a)
    assert speaker(a, q1) == "حيدر الساعدي"
    assert q1.verb is None
    assert speaker(a, q2) == "حيدر الساعدي"          # "البيان" is the statement named before


def test_possessive_office_statement_uses_the_person_discussed():
    text = ("واستقبل رئيس الوزراء جواد البياتي السفير الياباني.\n"
            "وذكر بيان لمكتبه، تلقته \"الصباح\"، أن \"الجانبين بحثا سبل تطوير التعاون في مجالات الطاقة والنقل\".")
    a = article(text, {"جواد البياتي": "PER", "الصباح": "ORG"})
    [q] = find_quotes(a)
    assert speaker(a, q) == "جواد البياتي"


def test_presidential_statement_resolves_through_the_title():
    text = ("استقبل رئيس الجمهورية نبيل الخطيب وفد البنك الدولي.\n"
            "وذكر بيان رئاسي أن \"رئيس الجمهورية بحث مع الوفد برامج دعم المشاريع الصغيرة\".")
    a = article(text, {"نبيل الخطيب": "PER", "البنك الدولي": "ORG"}, titles={"نبيل الخطيب": "رئيس الجمهورية"})
    [q] = find_quotes(a)
    assert speaker(a, q) == "نبيل الخطيب"
    assert q.speaker_text == "بيان رئاسي"


def test_presidency_statement_does_not_name_the_prime_minister():
    text = ("استقبل رئيس الوزراء جواد البياتي السفير الياباني.\n"
            "وذكر بيان للرئاسة أن \"الرئيس سيزور اليابان الشهر المقبل في أول جولة آسيوية له\".")
    a = article(text, {"جواد البياتي": "PER"}, titles={"جواد البياتي": "رئيس الوزراء"})
    [q] = find_quotes(a)
    assert q.speaker_mention is None


def test_title_only_speaker_resolves_to_earlier_named_person():
    text = ("وصل رئيس الوزراء الأردني ماهر العدوان إلى القاهرة في زيارة رسمية.\n"
            "وأكد رئيس الوزراء، بحسب البيان، \"أهمية التنسيق المشترك في مواجهة التحديات الإقليمية\".")
    a = article(text, {"ماهر العدوان": "PER", "القاهرة": "LOC"})       # title inferred from the text
    [q] = find_quotes(a)
    assert q.speaker_mention == 0
    assert q.speaker_text == "رئيس الوزراء"


def test_title_shared_by_two_people_gives_no_speaker():
    text = ("واجتمع وزير الخارجية العراقي كريم الدليمي مع وزير الخارجية الكويتي فيصل الصباح.\n"
            "وقال وزير الخارجية إن المحادثات تناولت ملف الحدود البحرية بين البلدين.")
    a = article(text, {"كريم الدليمي": "PER", "فيصل الصباح": "PER"})
    [q] = find_quotes(a)
    assert q.speaker_mention is None


def test_other_international_title_does_not_resolve():
    text = ("التقى الأمين العام لحلف شمال الأطلسي ينس ستولتينبرغ الوفد.\n"
            "وقال الأمين العام للأمم المتحدة إن الوضع الإنساني يتدهور بسرعة في المنطقة.")
    a = article(text, {"ينس ستولتينبرغ": "PER"})
    [q] = find_quotes(a)
    assert q.speaker_mention is None


def test_anonymous_sources_give_no_speaker_and_continuation_stays_anonymous():
    text = ("وقالت مصادر مطلعة إن الحكومة تدرس رفع أسعار الوقود مطلع الشهر المقبل.\n"
            "وأضافت أن القرار لم يحسم بعد بانتظار موافقة البرلمان.")
    a = article(text)
    q1, q2 = find_quotes(a)
    assert q1.speaker_mention is None and q1.speaker_text == "مصادر"
    assert q2.speaker_mention is None and q2.speaker_text == "مصادر"


def test_unknown_named_subject_is_not_replaced_by_the_focus():
    text = ("التقى وزير الصحة منير العلي الوفد الأوروبي.\n"
            "وقالت المسؤولة الأوروبية إن الاتحاد سيقدم لقاحات إضافية للمراكز الصحية.")
    a = article(text, {"منير العلي": "PER"})
    [q] = find_quotes(a)
    assert q.speaker_mention is None
    assert q.speaker_text == "المسؤولة الأوروبية"


def test_organisation_speaker_and_object_is_not_speaker():
    text = ("وقالت وزارة الدفاع في بيان، إن قواتها أحبطت محاولة تسلل على الحدود الشمالية.\n"
            "وأكد في اتصال مع جاسم الكعبي أن الوضع الأمني مستقر تماما في المنطقة.")
    a = article(text, {"وزارة الدفاع": "ORG", "جاسم الكعبي": "PER"})
    q1, q2 = find_quotes(a)
    assert speaker(a, q1) == "وزارة الدفاع"
    assert speaker(a, q2) == "وزارة الدفاع"          # not the object "مع جاسم الكعبي"


def test_agency_report_of_a_named_source():
    text = "ونقلت وكالة الأنباء عن سامي الحمد قوله إن المفاوضات ستستأنف الأسبوع المقبل في الدوحة."
    a = article(text, {"سامي الحمد": "PER", "الدوحة": "LOC"})
    [q] = find_quotes(a)
    assert q.verb == "قوله"
    assert speaker(a, q) == "سامي الحمد"


def test_gulf_style_praise_quote():
    text = 'من جانبه، أشاد الشيخ سلطان المهيري بـ"جهود الفرق الميدانية في إنجاز المشروع قبل موعده".'
    a = article(text, {"سلطان المهيري": "PER"})
    [q] = find_quotes(a)
    assert q.text == "جهود الفرق الميدانية في إنجاز المشروع قبل موعده"
    assert speaker(a, q) == "سلطان المهيري"


def test_maghrebi_style_reported_with_feminine_verb():
    text = "وأفادت الناطقة باسم الحكومة نادية بنعلي بأن المغرب سيحتضن القمة الإفريقية المقبلة بمراكش."
    a = article(text, {"نادية بنعلي": "PER", "المغرب": "LOC", "مراكش": "LOC"})
    [q] = find_quotes(a)
    assert q.kind == "reported"
    assert speaker(a, q) == "نادية بنعلي"


# --- bad input -----------------------------------------------------------------------------------------------

def test_empty_and_blank_text():
    assert find_quotes(article("")) == []
    assert find_quotes(article(" \n\n ")) == []


def test_mentions_with_wrong_offsets_are_ignored():
    a = article("وقال عمر الحسن إن الاجتماع سيعقد غدا في العاصمة.", {"عمر الحسن": "PER"})
    a.mentions.append(Mention(500, 510, "خارج النص", "PER"))
    a.mentions.insert(0, Mention(0, 4, "غلط", "PER"))
    [q] = find_quotes(a)
    assert speaker(a, q) == "عمر الحسن"


def test_mixed_scripts_digits_and_long_line_are_fast():
    unit = ('وقال المدير John Smith إن الشركة حققت أرباحا بلغت ٣٫٥ مليون دولار في ٢٠٢٣ '
            '«وهذا رقم قياسي للشركة منذ تأسيسها قبل عشرين عاما» ')
    text = unit * (50_000 // len(unit))
    a = article(text, {"John Smith": "PER"})
    t = time.perf_counter()
    quotes = find_quotes(a)
    elapsed = time.perf_counter() - t
    check_offsets(a, quotes)
    # each unit is one reported clause with its quoted words in it
    assert len(quotes) >= (50_000 // len(unit)) - 1
    assert all("«" in q.text for q in quotes[:-1])
    assert elapsed < 5.0


def test_marks_only_and_stray_marks_do_not_crash():
    for text in ["«»", "»«", '"""', "“", "قال:", "قال: «", "«" * 100 + "»" * 3, "\n".join(["«نص"] * 50)]:
        check_offsets(article(text), find_quotes(article(text)))


# --- fixes from the hand-judged SaudiNewsNet sample (evaluation/quotes.py) ---------------------------------

def test_colon_quote_stops_where_the_next_attribution_opens_gulf_one_paragraph():
    # outlets that flatten the article into one paragraph: the first colon quote must not swallow the rest
    text = ("وتحدث والد الطالب عن معاناة أسرته، وقال: نحن ننتظر قرار اللجنة منذ شهرين ولم يصلنا أي رد. "
            "وتابع: نناشد المسؤولين النظر في حالة ابننا بشكل عاجل. "
            "وأضاف أن الأسرة راجعت المستشفى ثلاث مرات دون نتيجة.")
    a = article(text)
    q1, q2, q3 = find_quotes(a)
    check_offsets(a, [q1, q2, q3])
    assert q1.text == "نحن ننتظر قرار اللجنة منذ شهرين ولم يصلنا أي رد"
    assert q2.text == "نناشد المسؤولين النظر في حالة ابننا بشكل عاجل" and q2.verb == "تابع"
    assert q3.kind == "reported" and q3.text.startswith("الأسرة راجعت")


def test_colon_quote_stops_before_a_label_and_colon():
    text = "وقال الأب: ابني يحتاج إلى عملية عاجلة في أقرب وقت. وللتواصل: هاتف الأسرة في المحافظة."
    [q] = find_quotes(article(text))
    assert q.text == "ابني يحتاج إلى عملية عاجلة في أقرب وقت"


def test_name_ali_is_not_the_preposition_ala_iraqi_style():
    text = "وأكد الشيخ علي الساعدي أن العشائر ستقف مع القوات الأمنية في حماية المدينة."
    a = article(text, {"علي الساعدي": "PER"})
    [q] = find_quotes(a)
    assert q.text == "العشائر ستقف مع القوات الأمنية في حماية المدينة"
    assert speaker(a, q) == "علي الساعدي"


def test_verb_preposition_and_connector_after_a_long_lead_levantine_style():
    text = ("وأشار الناطق باسم الوزارة في بيان وزعته الوزارة على وسائل الإعلام مساء اليوم إلى أن "
            "المعابر ستفتح أمام الشاحنات ابتداء من الأسبوع المقبل.")
    [q] = find_quotes(article(text))
    assert q.text == "المعابر ستفتح أمام الشاحنات ابتداء من الأسبوع المقبل"
    assert q.verb == "أشار"


def test_long_name_and_role_before_a_colon_and_quote_egyptian_style():
    text = ('وقالت منى عبد الرازق، مديرة التسويق في شركة النيل للاتصالات في منطقة الدلتا وشمال الصعيد '
            'والقاهرة الكبرى: "نسعى إلى مضاعفة عدد المشتركين قبل نهاية العام الحالي".')
    a = article(text, {"منى عبد الرازق": "PER"})
    [q] = find_quotes(a)
    assert q.kind == "direct" and speaker(a, q) == "منى عبد الرازق"


def test_long_lead_before_inna_gulf_style():
    text = ("وقال العقيد فهد الشمري, المتحدث باسم الإدارة العامة للمرور خلال مؤتمر صحافي عقد في الدمام, أمس, "
            "إن الحملة ضبطت أكثر من ألف مخالفة في أسبوع.")
    a = article(text, {"فهد الشمري": "PER"})
    [q] = find_quotes(a)
    assert q.text == "الحملة ضبطت أكثر من ألف مخالفة في أسبوع"
    assert speaker(a, q) == "فهد الشمري"


def test_forecast_verbs_and_negated_verb_open_their_own_clause_maghrebi_style():
    text = ("وتوقع الخبير يوسف بنجلون أن يتراجع العجز التجاري خلال الفصل المقبل، "
            "ولم يستبعد أن يرفع البنك المركزي سعر الفائدة قبل نهاية السنة.")
    a = article(text, {"يوسف بنجلون": "PER"})
    q1, q2 = find_quotes(a)
    assert q1.text == "يتراجع العجز التجاري خلال الفصل المقبل"
    assert q2.text == "يرفع البنك المركزي سعر الفائدة قبل نهاية السنة"
    assert speaker(a, q1) == speaker(a, q2) == "يوسف بنجلون"


def test_impersonal_yutawaqqa_is_not_a_quotation():
    assert find_quotes(article("ويتوقع أن تصادق الحكومة على مشروع القانون خلال جلستها المقبلة.")) == []
    [q] = find_quotes(article("ويتوقع الاقتصاديون أن تصادق الحكومة على مشروع القانون خلال جلستها المقبلة."))
    assert q.speaker_text == "الاقتصاديون"


def test_announced_noun_phrase_is_an_event_not_a_quotation():
    assert find_quotes(article("وأعلنت الشركة عن إطلاق خدمة جديدة للدفع الإلكتروني في الأسواق الخليجية.")) == []
    assert find_quotes(article("ولم يكشف المصدر عن أسماء المرشحين لتولي المنصب في الحكومة المقبلة.")) == []
    [q] = find_quotes(article("وأعلنت الشركة أن الخدمة الجديدة ستتوفر في الأسواق الخليجية الشهر المقبل."))
    assert q.kind == "reported"


def test_especially_as_is_not_a_reported_clause():
    text = "وطالب الأهالي بتأجيل الدراسة، مؤكدين صعوبة التنقل خصوصاً أن الطرق مغلقة منذ أسبوع بسبب الأمطار."
    assert find_quotes(article(text)) == []


def test_surname_alone_links_to_the_person_named_before():
    text = ("وأوضح الرئيس التنفيذي للشركة خالد بن سعد المطيري أن الأرباح ارتفعت بنسبة عشرة في المئة.\n"
            "وأضاف المطيري أن الشركة ستفتتح ثلاثة فروع جديدة العام المقبل.\n"
            "وقال اللواء المطيري إن الخطة جاهزة للتنفيذ في الموعد المحدد.")
    a = article(text, {"خالد بن سعد المطيري": "PER"})
    q1, q2, q3 = find_quotes(a)
    assert speaker(a, q2) == "خالد بن سعد المطيري" and q2.speaker_text == "المطيري"
    assert speaker(a, q3) == "خالد بن سعد المطيري" and q3.speaker_text == "اللواء المطيري"


def test_quoted_surname_after_a_title_links_to_the_person():
    text = ('وقال مدير المستشفى الدكتور سالم الحارثي إن الأجنحة الجديدة ستفتتح قريبا.\n'
            'وأضاف الدكتور "الحارثي": إن المستشفى استقبل أكثر من ألف مراجع خلال العيد.')
    a = article(text, {"سالم الحارثي": "PER"})
    q1, q2 = find_quotes(a)
    assert speaker(a, q2) == "سالم الحارثي"


def test_shared_surname_is_not_linked():
    text = ("التقى ماجد العتيبي وسعود العتيبي بأعضاء المجلس البلدي.\n"
            "وقال العتيبي إن المجلس سيناقش الميزانية الأسبوع المقبل.")
    a = article(text, {"ماجد العتيبي": "PER", "سعود العتيبي": "PER"})
    [q] = find_quotes(a)
    assert q.speaker_mention is None and q.speaker_text == "العتيبي"


def test_epithet_names_the_person_just_named_egyptian_style():
    text = ("توقع الدكتور حسام عبد العزيز أستاذ الاقتصاد بجامعة القاهرة أن يتراجع التضخم خلال الربع المقبل.\n"
            "ورأى الخبير الاقتصادي أن خفض الفائدة سيشجع الاستثمار المحلي في قطاع الصناعة.")
    a = article(text, {"حسام عبد العزيز": "PER"})
    q1, q2 = find_quotes(a)
    assert speaker(a, q2) == "حسام عبد العزيز"
    assert q2.speaker_text.startswith("الخبير الاقتصادي")


def test_reporter_byline_is_never_the_speaker():
    text = ("سامي الدوسري- الدمام: روى الأب معاناة أسرته مع المرض، وقال: ابني يحتاج إلى عملية عاجلة ولا نملك "
            "تكاليفها.")
    a = article(text, {"سامي الدوسري": "PER"})
    [q] = find_quotes(a)
    assert q.speaker_mention is None


def test_speaker_text_stops_before_the_connector():
    text = 'وقال الوزير إن "الحكومة ستدعم المزارعين بقروض ميسرة هذا الموسم".'
    [q] = find_quotes(article(text))
    assert q.speaker_text == "الوزير"


def test_name_quoted_inside_a_straight_quote_egyptian_style():
    text = ('وقالت المتحدثة باسم الشركة: "نأمل أن يساعد تطبيق "دليل المسافر" المواطنين في تنظيم رحلاتهم '
            'خلال الإجازة الصيفية".')
    [q] = find_quotes(article(text))
    assert q.text.startswith("نأمل أن يساعد") and q.text.endswith("خلال الإجازة الصيفية")


def test_stray_mark_with_a_sentence_end_keeps_the_plain_pairing():
    # the second mark looks like a nested opening, but a sentence ends before the mark after its close
    stray = 'وقال المدير "المشروع بدأ. وافتتح المحافظ "مستشفى الأمل" الجديد.'
    assert [stray[s + 1:e] for s, e in quote_spans(stray)] == ["المشروع بدأ. وافتتح المحافظ "]


def test_ambiguous_verb_counts_only_words_outside_names_levantine_style():
    text = "وبين من جهته رئيس البلدية خليل أبو حمدان أن أعمال الصيانة ستنتهي قبل حلول فصل الشتاء."
    a = article(text, {"خليل أبو حمدان": "PER"})
    [q] = find_quotes(a)
    assert q.text == "أعمال الصيانة ستنتهي قبل حلول فصل الشتاء"
    assert speaker(a, q) == "خليل أبو حمدان"
    # the preposition بين before a long phrase is still no verb: only أكدت gives a quotation
    [q] = find_quotes(article("وتوزعت المساعدات بين الأسر الفقيرة في القرى الجبلية البعيدة، وأكدت الجمعية أن "
                              "التوزيع سيستمر حتى نهاية الشهر."))
    assert q.verb == "أكدت" and q.text == "التوزيع سيستمر حتى نهاية الشهر"


def test_amma_turns_to_a_new_speaker_before_a_participle_gulf_style():
    text = ('القارئ ناصر العنزي علق قائلا "الرسوم مرتفعة جدا ولا تناسب دخل الأسر الصغيرة". '
            'أما القارئة "أم فهد" فعلقت قائلة: "نحتاج إلى مدارس أقرب إلى الأحياء الجديدة في شمال المدينة".')
    a = article(text, {"ناصر العنزي": "PER"})
    q1, q2 = find_quotes(a)
    assert speaker(a, q1) == "ناصر العنزي"
    assert q2.speaker_mention is None and q2.speaker_text == "القارئة"


def test_name_deep_in_a_sentence_is_not_the_agent_a_later_qala_points_at():
    text = ("ناشد والد الطفل المريض من سكان حي النسيم وزير الصحة الدكتور هاني العمر التدخل لعلاج ابنه.\n"
            "وقال: إن حالة ابنه تسوء يوما بعد يوم ويحتاج إلى عملية عاجلة.")
    a = article(text, {"هاني العمر": "PER"})
    [q] = find_quotes(a)
    assert q.speaker_mention is None
    text = ("استقبل وزير الصحة الدكتور هاني العمر وفد منظمة الصحة العالمية.\n"
            "وقال: إن الوزارة ستوسع برنامج التطعيم ليشمل المناطق النائية.")
    a = article(text, {"هاني العمر": "PER"})
    [q] = find_quotes(a)
    assert speaker(a, q) == "هاني العمر"


def test_relative_pronoun_speaker_is_the_person_just_named_levantine_style():
    text = ("ومن بين المتبرعين رجل الأعمال سمير الخوري الذي أعلن أنه سيمول بناء مدرستين في القرى الحدودية. "
            "كما التقت اللجنة بالمهندسة رنا حداد والتي ذكرت أن أعمال الترميم ستبدأ في الربيع.")
    a = article(text, {"سمير الخوري": "PER", "رنا حداد": "PER"})
    q1, q2 = find_quotes(a)
    assert speaker(a, q1) == "سمير الخوري"
    assert speaker(a, q2) == "رنا حداد"            # after the preposition ب, still the antecedent


def test_kama_and_fima_before_a_verb_open_the_next_speakers_clause_gulf_style():
    text = ("والتقى المركز الإعلامي بالزائر فهد السبيعي الذي ذكر أن الفعاليات متنوعة وتناسب جميع أفراد الأسرة، "
            "كما أوضح الزائر ماجد الحربي أن المواقف متوفرة وقريبة من المسرح.")
    a = article(text, {"فهد السبيعي": "PER", "ماجد الحربي": "PER"})
    q1, q2 = find_quotes(a)
    assert q1.text == "الفعاليات متنوعة وتناسب جميع أفراد الأسرة"
    assert speaker(a, q1) == "فهد السبيعي" and speaker(a, q2) == "ماجد الحربي"


# --- round 2 (check2/dev2 samples) ------------------------------------------------------------------------

def test_quoted_words_inside_a_reported_clause_are_part_of_it_egyptian_style():
    text = ("وقال وزير الري محمود الشافعي إن منسوب المياه في البحيرة «لن يتأثر بأي حال خلال موسم الفيضان» "
            "وفق تقديرات الوزارة.")
    a = article(text, {"محمود الشافعي": "PER"})
    [q] = find_quotes(a)
    check_offsets(a, [q])
    assert q.kind == "reported"
    assert q.text.startswith("منسوب المياه في البحيرة «لن يتأثر")
    assert "الفيضان»" in q.text
    assert speaker(a, q) == "محمود الشافعي"


def test_unattributed_quoted_words_inside_a_clause_do_not_cut_it_gulf_style():
    text = ('وذكرت الهيئة العامة للسياحة في بيان صحفي وزعته اليوم على وسائل الإعلام المحلية أن الفرق الميدانية رصدت '
            '"ارتفاعا ملحوظا في أعداد الزوار خلال الأيام الثلاثة الأولى من العيد مقارنة بالعام الماضي".')
    a = article(text, {"الهيئة العامة للسياحة": "ORG"})
    [q] = find_quotes(a)
    assert q.kind == "reported"
    assert q.text.startswith("الفرق الميدانية رصدت")
    assert q.text.rstrip('"').endswith("بالعام الماضي")


def test_colon_quote_stops_at_a_participle_that_takes_a_clause_levantine_style():
    text = ("وقال مدير الدفاع المدني جورج الخوري: إن الحريق اندلع في مستودع للأخشاب قرب المرفأ وامتد إلى "
            "مبنيين مجاورين؛ مشيراً إلى أن فرق الإطفاء سيطرت عليه بعد ثلاث ساعات من العمل.")
    a = article(text, {"جورج الخوري": "PER"})
    q1, q2 = find_quotes(a)
    check_offsets(a, [q1, q2])
    assert q1.kind == "direct" and q1.text.endswith("مبنيين مجاورين")
    assert q2.kind == "reported" and q2.text.startswith("فرق الإطفاء سيطرت")
    assert speaker(a, q1) == speaker(a, q2) == "جورج الخوري"


def test_colon_quote_stops_at_a_sentence_opening_with_a_participle_gulf_style():
    text = ("وأكد رئيس البلدية سالم المري والذي قال: إن الحديقة الجديدة ستفتح أبوابها للعائلات مطلع الشهر "
            "المقبل. منوهاً بأن الدخول سيكون مجانياً طوال أيام العيد. وتجول المري بعد ذلك في أرجاء الحديقة "
            "واطلع على الألعاب المخصصة للأطفال.")
    a = article(text, {"سالم المري": "PER"})
    quotes = find_quotes(a)
    colon = [q for q in quotes if q.kind == "direct"]
    assert len(colon) == 1 and colon[0].text.endswith("مطلع الشهر المقبل")
    assert any(q.kind == "reported" and q.text.startswith("الدخول سيكون مجانياً") for q in quotes)


def test_colon_quote_stops_at_a_sentence_opening_with_bayyana_and_its_clause_iraqi_style():
    text = ("وقال مدير الصحة حيدر الموسوي: تم نقل المصابين إلى مستشفى الحلة التعليمي. وبيّن المتحدث الرسمي "
            "باسم دائرة صحة بابل في المحافظة أن حالة ثلاثة منهم حرجة.")
    a = article(text, {"حيدر الموسوي": "PER"})
    quotes = find_quotes(a)
    assert quotes[0].text == "تم نقل المصابين إلى مستشفى الحلة التعليمي"
    assert quotes[-1].kind == "reported" and quotes[-1].text == "حالة ثلاثة منهم حرجة"


def test_a_long_colon_lead_ending_with_a_name_maghrebi_style():
    text = ("وقال المدير الجهوي للوقاية المدنية بجهة الدار البيضاء سطات والمسؤول عن عمليات الإنقاذ "
            "الكولونيل رشيد بنعلي: إن فرق الإنقاذ تمكنت من انتشال جميع العالقين تحت الأنقاض.")
    a = article(text, {"رشيد بنعلي": "PER"})
    [q] = find_quotes(a)
    assert q.text == "إن فرق الإنقاذ تمكنت من انتشال جميع العالقين تحت الأنقاض"
    assert speaker(a, q) == "رشيد بنعلي"
    # without a name by the colon the lead stays short: a label far from its verb is no attribution
    b = article("وقال التقرير الصادر عن الهيئة في ختام أعمال دورتها الثالثة المنعقدة في مدينة فاس وبحضور "
                "ممثلين عن القطاعات المعنية ما يلي: تحسين الخدمات وتوسيع الشبكة.")
    assert not [q for q in find_quotes(b) if q.kind == "direct"]


def test_unnamed_plural_sources_are_no_person_egyptian_style():
    text = ("قال منظمون إن عدد زوار معرض الكتاب تجاوز مليوني زائر هذا العام. "
            "غير أن مختصين آخرين يقولون \"إن الأرقام المعلنة لا تعكس حجم المبيعات الفعلي في أجنحة دور النشر\".")
    # the tagger took the plural noun for a name: it is still nobody in particular
    a = article(text, {"منظمون": "PER"})
    q1, q2 = find_quotes(a)
    assert q1.speaker_mention is None and q1.speaker_text == "منظمون"
    assert q2.speaker_mention is None and q2.speaker_text == "مختصين"


def test_kana_subject_qad_verb_gulf_style():
    text = ("وقال المحلل الاقتصادي فيصل الرشيد إن أسعار الحديد سترتفع. وكان ناصر العتيبي رئيس شركة "
            "\"الخليج للصلب\" قد أعلن في مارس الماضي أن شركته ستضاعف إنتاجها خلال عامين.")
    a = article(text, {"فيصل الرشيد": "PER", "ناصر العتيبي": "PER", "مارس": "ORG"})
    q1, q2 = find_quotes(a)
    assert speaker(a, q1) == "فيصل الرشيد"
    assert speaker(a, q2) == "ناصر العتيبي"


def test_rawa_reports_speech_levantine_style():
    text = "وروى أحد سكان الحي ويدعى خليل عساف لمراسلنا «أن المياه دخلت البيوت قبل الفجر بقليل»."
    a = article(text, {"خليل عساف": "PER"})
    [q] = find_quotes(a)
    assert q.verb == "روى" and speaker(a, q) == "خليل عساف"


def test_name_quoted_after_a_clitic_inside_a_straight_quote_iraqi_style():
    text = ('وأضاف الساعدي أن "العراق بحاجة إلى شركات أجنبية، والشركات الصينية مثل "سينوبك" و"بتروتشاينا" '
            'تتطلع إلى المشاركة في ذلك".')
    a = article(text, {"الساعدي": "PER"})
    [q] = find_quotes(a)
    assert q.text.endswith("تتطلع إلى المشاركة في ذلك")
    assert speaker(a, q) == "الساعدي"


def test_a_site_quoted_after_according_to_is_a_name_maghrebi_style():
    text = 'وبلغت قيمة الصفقة عشرة ملايين درهم؛ حسب موقع "هسبريس المغربي الإخباري".'
    assert find_quotes(article(text)) == []


def test_a_quote_opening_with_inna_after_a_long_lead_egyptian_style():
    text = ("وقالت الدكتورة منى عبد الحميد رئيسة قسم الآثار بجامعة القاهرة للطلاب خلال زيارتهم للموقع الأثري "
            "بمنطقة سقارة صباح السبت برفقة عدد من الأساتذة \"إن هذه المقبرة من أهم الاكتشافات في العقد الأخير\".")
    a = article(text, {"منى عبد الحميد": "PER"})
    [q] = find_quotes(a)
    assert speaker(a, q) == "منى عبد الحميد"


def test_bare_role_points_at_the_one_person_named_with_it_gulf_style():
    text = ("وقال سلطان الحمادي المتحدث باسم هيئة الطيران المدني إن الرحلات ستعود إلى جدولها المعتاد. "
            "ولفت المتحدث إلى أن الهيئة أرسلت تعميما إلى جميع شركات الطيران العاملة في الدولة.")
    a = article(text, {"سلطان الحمادي": "PER", "هيئة الطيران المدني": "ORG"})
    q1, q2 = find_quotes(a)
    assert speaker(a, q1) == speaker(a, q2) == "سلطان الحمادي"
    assert q2.speaker_text == "المتحدث"
    # the tagger's "person" باسم هيئة ... holds no role of its own
    a = article(text, {"سلطان الحمادي": "PER", "باسم هيئة الطيران المدني": "PER"})
    q1, q2 = find_quotes(a)
    assert speaker(a, q2) == "سلطان الحمادي"


def test_long_role_before_a_name_resolves_a_later_bare_role_iraqi_style():
    text = ("وقال المتحدث الرسمي باسم قيادة عمليات بغداد في وزارة الدفاع العميد سعد معن إن القوات أحبطت الهجوم. "
            "وأكد المتحدث الرسمي أن الطريق الدولي أعيد فتحه أمام المسافرين.")
    a = article(text, {"سعد معن": "PER", "وزارة الدفاع": "ORG"})
    q1, q2 = find_quotes(a)
    assert speaker(a, q2) == "سعد معن"


def test_a_bare_role_written_as_one_persons_role_is_his_though_another_role_shares_its_head():
    """"الرئيس" is the president's role as written; "رئيس مجلس الوزراء" shares the head word, not the role."""
    text = ("استقبل الرئيس عبد الفتاح السيسي رئيس مجلس الوزراء مصطفى مدبولي. وقال رئيس الوزراء إن الخطة جاهزة. "
            "وأكد الرئيس \"أهمية الالتزام بالجداول الزمنية المحددة\".")
    a = article(text, {"عبد الفتاح السيسي": "PER", "مصطفى مدبولي": "PER"})
    quotes = find_quotes(a)
    assert speaker(a, quotes[-1]) == "عبد الفتاح السيسي"


def test_bare_role_shared_by_two_people_stays_unresolved_levantine_style():
    text = ("واستقبل المتحدث باسم الحكومة رامي حداد المتحدث باسم البلدية جورج نصار. "
            "وقال المتحدث إن اللقاء تناول خطة النقل العام في العاصمة.")
    a = article(text, {"رامي حداد": "PER", "جورج نصار": "PER"})
    [q] = find_quotes(a)
    assert q.speaker_mention is None


def test_role_with_a_place_inside_is_not_the_place_egyptian_style():
    text = "وقال خطيب مسجد النور بالمنصورة: إن أعداد المصلين تضاعفت في الأيام الأخيرة من الشهر الكريم."
    a = article(text, {"مسجد النور": "ORG", "المنصورة": "LOC"})
    [q] = find_quotes(a)
    assert q.speaker_mention is None and q.speaker_text.startswith("خطيب مسجد")
    text = "وأوضح عميد كلية الطب بجامعة الملك سعود أن الكلية ستقبل مئتي طالب في العام المقبل."
    a = article(text, {"سعود": "PER"})
    [q] = find_quotes(a)
    assert q.speaker_mention is None
    # an organisation as the subject itself is still the speaker
    a = article("وقالت وزارة الصحة إن حملة التطعيم ستشمل جميع المحافظات.", {"وزارة الصحة": "ORG"})
    [q] = find_quotes(a)
    assert speaker(a, q) == "وزارة الصحة"


def test_the_statement_is_from_whoever_issued_it_just_before_gulf_style():
    text = ("وقالت شرطة دبي في بيان صحفي اليوم إنها أوقفت أربعة متهمين بالاحتيال الإلكتروني. "
            "وأضاف البيان أن المتهمين استهدفوا حسابات مصرفية في عدة دول.")
    a = article(text, {"شرطة دبي": "ORG"})
    q1, q2 = find_quotes(a)
    assert speaker(a, q1) == speaker(a, q2) == "شرطة دبي"


def test_statement_author_named_without_a_mention_egyptian_style():
    a = article("وقال بيان هيئة سلامة الغذاء إن الحملات أسفرت عن ضبط أطنان من اللحوم الفاسدة بالأسواق.")
    [q] = find_quotes(a)
    assert q.speaker_mention is None and q.speaker_text == "هيئة سلامة الغذاء"
    a = article("وقال بيان مشترك إن الطرفين اتفقا على استئناف المفاوضات الشهر المقبل.")
    [q] = find_quotes(a)
    assert q.speaker_text == "بيان"


def test_a_columnists_own_first_person_is_no_attribution_gulf_style():
    text = ("وأقول: إن الأندية التي تنفق الملايين على اللاعبين الأجانب تنسى أكاديمياتها. "
            "وقد قلت هذا الكلام مرارا في هذه الزاوية.")
    assert find_quotes(article(text)) == []


def test_a_joined_verb_shares_the_role_subject_of_its_sentence_maghrebi_style():
    text = ("وقال الناطق باسم الحكومة مصطفى الخلفي إن الحكومة ستواصل الحوار. وسرعان ما ندد الوزير الأول خلال "
            "زيارته إلى مدينة طنجة بالهجوم وقال للصحافيين «إننا لن نتسامح مع من يهدد أمن المواطنين».")
    a = article(text, {"مصطفى الخلفي": "PER", "طنجة": "LOC"})
    q1, q2 = find_quotes(a)
    assert speaker(a, q1) == "مصطفى الخلفي"
    assert q2.speaker_mention is None and q2.speaker_text.startswith("الوزير الأول")


# --- round 3: news no round had seen (SaudiNewsNet 2015-08-04, Omani culture pages) ----------------------

def test_a_first_person_clause_after_a_verb_with_its_own_speaker_omani_style():
    a = article("وقال الروائي سالم الهنائي إنني أكتب للقارئ الذي يبحث عن نفسه في الحكاية.", {"سالم الهنائي": "PER"})
    [q] = find_quotes(a)
    assert q.kind == "reported" and q.text == "أكتب للقارئ الذي يبحث عن نفسه في الحكاية"
    assert speaker(a, q) == "سالم الهنائي"
    a = article("وأضاف إننا نعمل على توسيع المشروع ليشمل جميع الولايات. وقال ناصر البلوشي ذلك أمس.",
                {"ناصر البلوشي": "PER"})
    [q] = find_quotes(a)
    assert q.text == "نعمل على توسيع المشروع ليشمل جميع الولايات"


def test_a_first_person_clause_after_the_writers_own_verb_is_no_quotation_gulf_style():
    # أعترف and أكدتُ are spelled as the third person اعترف / أكدتْ: with إنني they are the writer speaking
    assert find_quotes(article("أعترف للقارئ مرة أخرى أنني لم أقرأ الرواية كاملة قبل الكتابة عنها.")) == []
    assert find_quotes(article("وقد أكدت مرارا في هذه الزاوية أنني لا أبحث عن منصب ولا عن شهرة.")) == []
    # a present verb with a subject that is no one: a description
    assert find_quotes(article("تؤكد الأرقام الأخيرة أننا أمام أزمة حقيقية في سوق العمل.")) == []


def test_a_colon_quote_ends_where_the_narration_opens_a_sentence_omani_style():
    text = ("وقال وكيل وزارة الثقافة :إن الوزارة بصدد مراجعة قوانين الملكية الفكرية. جاء ذلك في كلمته خلال الندوة "
            "التي نظمها الاتحاد أمس وحضرها عدد من المختصين.")
    [q] = find_quotes(article(text))
    assert q.kind == "direct" and q.text == "إن الوزارة بصدد مراجعة قوانين الملكية الفكرية"
    text = ("واختتم سالم الغافري كلمته قائلا: لقد نجحت الكلية في ترسيخ تجربة الأنشطة الطلابية. بعد ذلك ألقى "
            "الطلاب قصائد وطنية وقدمت الطالبات مسرحية اجتماعية.")
    a = article(text, {"سالم الغافري": "PER"})
    [q] = find_quotes(a)
    assert q.text == "لقد نجحت الكلية في ترسيخ تجربة الأنشطة الطلابية" and speaker(a, q) == "سالم الغافري"


def test_a_participle_after_kana_x_qad_is_said_by_x_yemeni_style():
    text = ("ذكرت مصادر أمنية أن اشتباكات عنيفة تدور قرب القاعدة الجوية. وكان قائد عملية استعادة قاعدة العند "
            "الجوية، اللواء فضل حسن، قد تحدث قائلا إن المقاتلين سيطروا على القاعدة الجوية، مضيفا أن العملية ستحسم قريبا.")
    a = article(text, {"فضل حسن": "PER"})
    q1, q2, q3 = find_quotes(a)
    assert q1.speaker_text == "مصادر" and q1.speaker_mention is None
    assert speaker(a, q2) == speaker(a, q3) == "فضل حسن"


def test_a_colon_quote_in_parentheses_ends_at_its_closing_parenthesis_maghrebi_style():
    text = ("واعتبر رئيس الاتحاد حسن نجمي أن قائمة الأعضاء الجدد كانت عادية. وقال: ( مازال هناك أكثر من 140 طلب عضوية "
            "ستبت فيها اللجنة) ، ودحض الإدعاء القائل بأن اللجنة تتساهل كثيرا في قبول الطلبات.")
    a = article(text, {"حسن نجمي": "PER"})
    q1, q2 = find_quotes(a)
    assert q2.kind == "direct" and q2.text == "مازال هناك أكثر من 140 طلب عضوية ستبت فيها اللجنة"
    assert speaker(a, q2) == "حسن نجمي"
    # an aside in parentheses followed by words is no quote mark
    a = article("وقال: (ضاحكا) إن الفريق سيفوز في المباراة المقبلة مهما كانت الظروف.")
    [q] = find_quotes(a)
    assert q.text.startswith("(ضاحكا) إن الفريق")


def test_a_relatives_statement_is_not_the_named_persons_levantine_style():
    text = ("أعلنت عائلة الفنان التشكيلي شفيق عبود أمس انه توفي عن ثمانية وسبعين عاما بعد صراع طويل مع المرض.")
    a = article(text, {"شفيق عبود": "PER"})
    [q] = find_quotes(a)
    assert q.speaker_mention is None and q.speaker_text == "عائلة الفنان التشكيلي"
    a = article("وأشارت والدة فانينج إلى أنها لم تصدق ما كانت تراه بعينيها.", {"فانينج": "PER"})
    [q] = find_quotes(a)
    assert q.speaker_mention is None and q.speaker_text == "والدة فانينج"


def test_an_indefinite_spokesman_is_no_one_named_inside_the_phrase_omani_style():
    # the publisher is tagged as a person; "متحدثة باسم" (a spokeswoman) is nobody the article names
    text = "وقالت متحدثة باسم دار هاربر كولينز التي نشرت سيرته: «كان العام الماضي فترة عصيبة بالنسبة للطفل»."
    a = article(text, {"هاربر كولينز": "PER"})
    [q] = find_quotes(a)
    assert q.speaker_mention is None and q.speaker_text.startswith("متحدثة باسم")
    # ... unless the article gave one person that role before
    text = ("وكان المتحدث باسم الشركة كريس فيليرز قد نفى وقوع إصابات. وقال متحدث باسم الشركة إن الطائرات "
            "ستعود إلى الخدمة خلال أسبوع.")
    a = article(text, {"كريس فيليرز": "PER"})
    assert speaker(a, find_quotes(a)[-1]) == "كريس فيليرز"


def test_a_role_of_a_named_body_is_the_person_who_holds_it_maghrebi_style():
    text = ("ونفى حسن نجمي رئيس اتحاد كتاب المغرب أن يكون قد جرى تأجيل الجائزة. واعتبر رئيس اتحاد كتاب المغرب "
            "أن إعلان الاتحاد عن قائمة الأعضاء الجدد كان عاديا.")
    a = article(text, {"حسن نجمي": "PER", "اتحاد كتاب المغرب": "ORG"})
    q1, q2 = find_quotes(a)
    assert speaker(a, q1) == speaker(a, q2) == "حسن نجمي"


def test_an_ambiguous_verb_with_waw_and_its_preposition_ends_a_clause_gulf_style():
    text = ("وأكد المبتعث عارف السحيمي أن المؤتمر يعد من المؤتمرات العالمية التي تحتاج إلى جهد مضاعف وعبر عن "
            "شكره وامتنانه لوزير التعليم على رعاية المبتعثين.")
    a = article(text, {"عارف السحيمي": "PER"})
    q1, q2 = find_quotes(a)
    assert q1.text == "المؤتمر يعد من المؤتمرات العالمية التي تحتاج إلى جهد مضاعف"
    assert q2.text == "شكره وامتنانه لوزير التعليم على رعاية المبتعثين"
    assert speaker(a, q1) == speaker(a, q2) == "عارف السحيمي"


def test_a_clause_ends_before_the_source_the_article_adds_wire_style():
    text = "وقال ناطق باسم الحرس المدني إنه أراد تهريب شقيقه الأصغر بإخفائه في السيارة، حسب وكالة الصحافة الفرنسية."
    [q] = find_quotes(article(text))
    assert q.text == "أراد تهريب شقيقه الأصغر بإخفائه في السيارة"
    # "ووفق" with its و, or no source after it, is part of what was said
    text = "وأوضح المدير أن المشروع سينفذ خلال عامين، ووفق أرقى المعايير العالمية في البناء."
    [q] = find_quotes(article(text))
    assert q.text.endswith("ووفق أرقى المعايير العالمية في البناء")


def test_a_present_verb_after_a_relative_pronoun_and_a_thing_is_no_attribution_column_style():
    assert find_quotes(article("وارتفعت الصادرات بنسبة كبيرة، الأمر الذي يشير إلى استمرار تعافي الاقتصاد الوطني.")) == []
    assert find_quotes(article("ورفض الكاتب الفكرة التي تقول إن الإنترنت يقوي عزلة الناس ويجعل وحدتهم تتفاقم.")) == []
    # a past verb is an event, and a subject after the verb is the speaker
    text = "ونفت الرواية القوات الأميركية التي قالت للصحافيين إن القتلى من مسلحي الحركة."
    assert len(find_quotes(article(text))) == 1
    text = "في الوقت الذي تشير فيه مصادر مطلعة إلى أن المفاوضات ستستأنف الأسبوع المقبل."
    [q] = find_quotes(article(text))
    assert q.speaker_mention is None and "مصادر" in q.speaker_text


def test_qailan_closes_its_verb_phrase_after_a_comma_omani_style():
    text = ("يقول أحد علماء العرب انه خرج من بلده وهو يحمل ذكريات مرة عن سنين دراسته، ويورد على سبيل الظرف "
            "قائلا: خرجت أحمل أسماء وألقاب حديقة الحيوانات.")
    q1, q2 = find_quotes(article(text))
    assert q1.text == "خرج من بلده وهو يحمل ذكريات مرة عن سنين دراسته"
    assert q2.kind == "direct" and q2.text == "خرجت أحمل أسماء وألقاب حديقة الحيوانات"


def test_said_in_it_is_said_by_the_author_of_the_speech_omani_style():
    text = ("بدأ الحفل بكلمة من الدكتور هاشل الغافري مساعد عميد الكلية قال فيها: لقد حاولت الكلية أن يكون "
            "أسبوعها الثقافي بوابة على المجتمع.")
    a = article(text, {"هاشل الغافري": "PER"})
    [q] = find_quotes(a)
    assert speaker(a, q) == "هاشل الغافري"
    text = "وألقى المهندس زياد المغربل كلمة أوضح فيها أن مشاركة البلدية في المهرجان تهدف إلى خدمة الزوار."
    a = article(text, {"زياد المغربل": "PER"})
    [q] = find_quotes(a)
    assert speaker(a, q) == "زياد المغربل"


def test_a_verb_form_after_a_preposition_is_a_noun_omani_style():
    text = ("قال الروائي باولو كويلو ردا على وصف لغته بانها بسيطة انه يتعمد التقشف فيها لان وراء كل تعقيد فراغا "
            "مرعبا.")
    a = article(text, {"باولو كويلو": "PER"})
    [q] = find_quotes(a)
    assert speaker(a, q) == "باولو كويلو" and q.text.endswith("وراء كل تعقيد فراغا مرعبا")
    # a verb written with و after "إليّ" is a verb, and "قوله تعالى" names its speaker
    text = "وما كاد يلمحني حتى التفت إلي وقال: «تعالي هنا يا عروسة الفصل كلها»."
    assert len(find_quotes(article(text))) == 1


def test_a_long_colon_lead_after_the_speakers_name_yemeni_style():
    # the name right after the verb: the rest of the lead is a role and where it was said
    text = ("وقال خالد العنسي مدير عام مكتب الآثار بمحافظة اب في تصريحات صحفية لوسائل الإعلام : إنه تم اكتشاف "
            "قبر صخري في جبل حود بالمحافظة.")
    a = article(text, {"خالد العنسي": "PER"})
    [q] = find_quotes(a)
    assert q.kind == "direct" and q.text == "إنه تم اكتشاف قبر صخري في جبل حود بالمحافظة"
    assert speaker(a, q) == "خالد العنسي"
    # ... but not a list after منها:
    text = ("وقال سامي العلي مدير الإدارة العامة للتخطيط في الهيئة العامة للمعارض في المنطقة الشرقية إن "
            "هناك فعاليات كثيرة في الصيف. وأضاف فهد الشمري مدير عام الشركة الوطنية للخدمات الفنية في المنطقة "
            "وتشمل أنشطة عديدة منها: الرسم، والخط، والتصوير.")
    a = article(text, {"سامي العلي": "PER", "فهد الشمري": "PER"})
    assert [q.kind for q in find_quotes(a)] == ["reported"]


def test_a_colon_quote_ends_at_a_comma_and_a_verb_with_waw_that_takes_a_clause_gulf_style():
    text = ("وقال رجل الأعمال زكي الزاير: إن ما حققته الأجهزة الأمنية يبعث الطمأنينة في نفوس المواطنين، ويؤكد أن "
            "وطنهم في أيد أمينة.")
    a = article(text, {"زكي الزاير": "PER"})
    q1, q2 = find_quotes(a)
    assert q1.kind == "direct" and q1.text == "إن ما حققته الأجهزة الأمنية يبعث الطمأنينة في نفوس المواطنين"
    assert q2.kind == "reported" and q2.text == "وطنهم في أيد أمينة"
    assert speaker(a, q1) == speaker(a, q2) == "زكي الزاير"


def test_a_masculine_verb_does_not_point_back_at_plural_sources_yemeni_style():
    text = ("وقال خالد العنسي مدير مكتب الآثار: إنه تم اكتشاف قبر صخري في جبل حود. وأكدت المصادر أن السلطات "
            "شكلت لجنة من الباحثين. وأضاف إن المؤشرات الأولية تشير إلى أن القبر يعود إلى ما قبل الاسلام.")
    a = article(text, {"خالد العنسي": "PER"})
    q1, q2, q3 = find_quotes(a)
    assert q2.speaker_mention is None and q2.speaker_text == "المصادر"
    assert speaker(a, q3) == "خالد العنسي"
    # a feminine verb does: "وأضافت" goes on with المصادر
    a = article(text.replace("وأضاف إن", "وأضافت أن"), {"خالد العنسي": "PER"})
    assert find_quotes(a)[2].speaker_text == "المصادر"


def test_what_indicates_is_no_one_speaking_wire_style():
    text = "وتراجعت مبيعات السيارات للشهر الرابع، وهو ما يشير إلى أن الاقتصاد فقد بعضا من قوة دفعه."
    assert find_quotes(article(text)) == []


def test_more_speech_verbs_and_the_one_spoken_to_is_no_speaker_levant_style():
    # أبلغ before quoted words, جدد التأكيد على أن, لوّح بأن after a word with ل and the article
    text = ("وأبلغ المتحدث باسم الحكومة سمير الخطيب الصحفيين: «لن نرفع الأسعار هذا العام». "
            "وجدد رئيس البلدية كريم حداد التأكيد على أن المشروع سينجز قبل الشتاء. "
            "ويلوح النائب فادي عون للحكومة بأن رفض الموازنة سيقود إلى أزمة.")
    a = article(text, {"سمير الخطيب": "PER", "كريم حداد": "PER", "فادي عون": "PER"})
    q1, q2, q3 = find_quotes(a)
    check_offsets(a, [q1, q2, q3])
    assert q1.text == "لن نرفع الأسعار هذا العام" and speaker(a, q1) == "سمير الخطيب"
    assert q2.text.startswith("المشروع سينجز") and speaker(a, q2) == "كريم حداد"
    assert q3.text.startswith("رفض الموازنة") and speaker(a, q3) == "فادي عون"
    # no named subject after the verb: the one spoken to (للبرلمان) is still not the speaker
    text = "وكان الرئيس جورج بدر قد تحدث أمس. ولوح للبرلمان بأن رفض الاتفاق سيقود إلى حرب."
    a = article(text, {"جورج بدر": "PER"})
    (q,) = find_quotes(a)
    assert q.speaker_text != "للبرلمان" and speaker(a, q) == "جورج بدر"


def test_an_interviews_answers_are_the_interviewees_words_kuwaiti_style():
    text = ("أكد وزير التجارة سالم العنزي أن الحكومة تستهدف نموا بنسبة 3% العام المقبل.\n\n"
            "وفيما يلي نص الحوار:\n\n"
            "س: ما أبرز التحديات؟\n\n"
            "ج: التحدي الأكبر هو الاعتماد على النفط، وقال رئيس الوزراء إن التنويع أولوية.\n\n"
            "س/ متى ينتهي المشروع؟\n\n"
            "ج/ نتوقع الانتهاء منه بحلول عام 2026.")
    a = article(text, {"سالم العنزي": "PER"})
    quotes = find_quotes(a)
    check_offsets(a, quotes)
    answers = [q for q in quotes if q.start > text.index("س:")]
    assert [q.text for q in answers] == ["التحدي الأكبر هو الاعتماد على النفط، وقال رئيس الوزراء إن التنويع أولوية.",
                                         "نتوقع الانتهاء منه بحلول عام 2026."]
    assert all(q.kind == "direct" and speaker(a, q) == "سالم العنزي" for q in answers)
    # no question marked: a "ج:" line is no answer
    assert find_quotes(article("ج: التحدي الأكبر هو الاعتماد على النفط.")) == []


def test_an_interviewee_named_only_in_the_lead_answers():
    text = ("التقينا المهندسة ريم الخطيب مديرة مشروع المترو.\n\n"
            "س: متى يبدأ التشغيل؟\n\nج: في الربع الأول من العام المقبل، إن شاء الله.")
    a = article(text, {"ريم الخطيب": "PER"})
    (q,) = find_quotes(a)
    assert q.text.startswith("في الربع الأول") and speaker(a, q) == "ريم الخطيب"


def test_a_sentence_that_opens_on_its_source_reports_it_wire_style():
    text = ("وبحسب رئيس الوزراء بشر الخصاونة، فإن الحكومة ستقدم خطة إنعاش اقتصادي الشهر المقبل. "
            "ووفقا للمتحدث باسم الجيش، فإن القوات استعادت السيطرة على البلدة، حيث قال قائد الفوج «انتهت المعركة». "
            "ووفقا لتقديرات الهيئة، فإن النمو بلغ 2.75 في المائة في العام الماضي. "
            "وبحسب الإحصاءات فإن عدد السكان ارتفع.")
    a = article(text, {"بشر الخصاونة": "PER"})
    quotes = find_quotes(a)
    check_offsets(a, quotes)
    reported = [q for q in quotes if q.kind == "reported"]
    assert [q.text for q in reported] == ["الحكومة ستقدم خطة إنعاش اقتصادي الشهر المقبل",
                                          "القوات استعادت السيطرة على البلدة",      # the next attribution ends it
                                          "النمو بلغ 2.75 في المائة في العام الماضي"]  # a decimal point ends nothing
    assert speaker(a, reported[0]) == "بشر الخصاونة"
    assert reported[1].speaker_text == "المتحدث باسم الجيش" and reported[2].speaker_text.startswith("تقديرات")


def test_an_aside_between_commas_does_not_hide_the_verbs_preposition():
    text = "وأشار المصدر، الذي طلب عدم الكشف عن اسمه، إلى أن القرار سيصدر خلال أيام."
    (q,) = find_quotes(article(text))
    assert q.text == "القرار سيصدر خلال أيام" and q.speaker_text == "المصدر"
    assert find_quotes(article("وأكد عزم حكومته على أن تمضي في الإصلاح.")) == []   # without the comma: no


def test_a_speaker_named_after_a_definite_epithet_is_not_the_last_one_gulf_style():
    text = ("وقال رئيس الوزراء بشر الخصاونة إن الحكومة ماضية في خطتها. "
            "من ناحيته، رأى المحلل السياسي عامر السبايلة أن «التصعيد مرشح للاستمرار». "
            "وكتب الخصاونة على منصة إكس: 'الأردن سيبقى سندا لأشقائه'.")
    a = article(text, {"بشر الخصاونة": "PER", "الخصاونة": "PER", "إكس": "ORG"})
    q1, q2, q3 = find_quotes(a)
    assert speaker(a, q2) is None and "عامر" in q2.speaker_text      # a new person the tagger missed
    assert speaker(a, q3) == "الخصاونة"                             # not the platform after his name


def test_a_verb_of_the_other_gender_does_not_point_at_the_person_in_focus_sudan_style():
    text = ("وقال المتحدث باسم المنظمة الدولية ستيفان دوجاريك للصحفيين: «نشعر بقلق بالغ إزاء التقارير».\n"
            "من جهته، اتهم الجيش القوات بارتكاب مجزرة في المخيم، فيما نفت الأخيرة ذلك، وقالت إنها حررت المخيم "
            "من مجموعات مسلحة كانت تتحصن فيه.\n"
            "وأضاف دوجاريك أن الوكالات الإنسانية لم تصل إلى المخيم بعد.")
    a = article(text, {"ستيفان دوجاريك": "PER", "دوجاريك": "PER"})
    q1, q2, q3 = find_quotes(a)
    assert speaker(a, q1) == "ستيفان دوجاريك"
    assert q2.text.startswith("حررت") and speaker(a, q2) is None     # a she, not Dujarric
    assert speaker(a, q3) == "دوجاريك"


def test_the_same_gender_goes_on_with_the_person_in_focus_whatever_the_verb_agrees_with():
    text = ("وقالت وزيرة التخطيط هالة السعيد إن معدل النمو بلغ أربعة في المئة خلال العام.\n"
            "وجاء في كلمتها أن الحكومة ماضية في خطة الإصلاح.\n"
            "وأضافت أن الاستثمارات العامة سترتفع العام المقبل، منوهةً بأن القطاع الخاص شريك.\n"
            "ولفت إلى أن البطالة تراجعت إلى أدنى مستوى لها.")
    a = article(text, {"هالة السعيد": "PER"})
    quotes = find_quotes(a)
    assert [speaker(a, q) for q in quotes[:3]] == ["هالة السعيد"] * 3
    assert quotes[-1].text.startswith("البطالة") and speaker(a, quotes[-1]) is None   # لفت: a he


def test_verb_agreement_reads_masculine_roots_ending_like_feminine_forms():
    from marsad.quotes import _agreement, _lexicon
    lex = _lexicon()
    assert [_agreement(w, lex) for w in ("لفت", "ونوّه", "منوّهًا", "قوله", "يلفت")] == ["m"] * 5
    assert [_agreement(w, lex) for w in ("قالت", "وأضافت", "مشيرةً", "تأكيدها", "تقول")] == ["f"] * 5
    assert [_agreement(w, lex) for w in ("قالوا", "مضيفين")] == ["p", "p"]


def test_an_aside_naming_the_platform_does_not_hide_the_reported_clause():
    for aside in ("في تدوينة على منصة إكس،", "في تدوينة عبر منصة إكس،", "في بيان عبر موقعها الرسمي،"):
        text = f"وأوضح حاكم الإقليم مني مناوي، {aside} أن أكثر من 400 ألف شخص فروا من المخيم خلال ثلاثة أيام."
        a = article(text, {"مني مناوي": "PER", "إكس": "ORG"})
        [q] = find_quotes(a)
        assert (q.verb, speaker(a, q)) == ("أوضح", "مني مناوي"), aside
        assert q.text.startswith("أكثر من 400 ألف")
    # "على أن" right before its connector is still "provided that", and عبر after a noun is still a verb
    a = article("ووافق الطرفان على تمديد الهدنة على أن تبدأ المفاوضات الأسبوع المقبل في جنيف.", {})
    assert find_quotes(a) == []
    text = "وفي ختام اللقاء عبر الوزير عن أمله في أن تتعزز العلاقات بين البلدين في كل المجالات."
    [q] = find_quotes(article(text, {}))
    assert q.verb == "عبر"


def test_an_impersonal_verb_before_an_aside_quotes_nobody():
    text = "ويرجح، حتى الآن على الأقل، أن تكون الجريمة من تنفيذ خلية صغيرة تعمل بمفردها في المنطقة."
    assert find_quotes(article(text, {})) == []


def test_an_interviewee_named_only_in_the_headline_answers():
    text = ("س: هل تنوي الحكومة رفع أسعار الكهرباء؟\n"
            "ج: لا توجد أي نية لرفع أسعار الكهرباء على المستهلكين خلال العام الحالي.\n"
            "س: ماذا عن الربط مع العراق؟\n"
            "ج: نزود العراق حاليا بنحو 40 ميغاواط، ويؤكد الوزير صالح الخرابشة أن الكمية سترتفع.")
    a = article(text, {"صالح الخرابشة": "PER", "العراق": "LOC"})
    a.title = 'وزير الطاقة الأردني صالح الخرابشة لـ"الدستور": لا رفع لأسعار الكهرباء هذا العام'
    answers = [q for q in find_quotes(a) if q.kind == "direct"]
    assert len(answers) == 2
    assert all(q.speaker_text == "صالح الخرابشة" for q in answers)
    assert all(speaker(a, q) == "صالح الخرابشة" for q in answers)          # linked to the body's mention
    a = article(text.replace("ويؤكد الوزير صالح الخرابشة أن", "ونتوقع أن"), {"العراق": "LOC"})
    a.title = 'وزير الطاقة الأردني صالح الخرابشة لـ"الدستور": لا رفع لأسعار الكهرباء هذا العام'
    answers = [q for q in find_quotes(a) if q.kind == "direct"]
    assert [(q.speaker_text, q.speaker_mention) for q in answers] == [("صالح الخرابشة", None)] * 2


def test_the_one_spoken_to_and_a_replys_particles_are_not_the_speaker():
    text = "وقال لي وزير الصحة خالد العبدالله إن المستشفى سيفتتح الشهر المقبل في العاصمة."
    [q] = find_quotes(article(text, {"خالد العبدالله": "PER"}))
    assert q.speaker_text == "خالد العبدالله"
    text = "وسألته عن علاقته بالإنترنت فقال آه نعم بل إن العلاقة الوطيدة لا تكفي لوصف ما بيننا."
    [q] = find_quotes(article(text, {}))
    assert q.speaker_text is None
    text = "كانت المبادرة تدعو للإصلاح ولذا لم يكن غريبا أن تسخر الفئات المختلفة منها باعتبارها مفروضة."
    assert find_quotes(article(text, {})) == []


def test_a_chain_of_roles_ends_on_the_speakers_name_gulf_style():
    text = ("وقال رئيس أرامكو السعودية وكبير إدارييها التنفيذيين المهندس أمين الناصر: "
            "\"حققنا أداء تشغيليا قويا رغم انخفاض الأسعار\".")
    a = article(text, {"أرامكو السعودية": "ORG", "أمين الناصر": "PER"}, titles={"أمين الناصر": "المهندس"})
    [q] = find_quotes(a)
    assert speaker(a, q) == "أمين الناصر"


def test_an_unnamed_subject_between_kana_and_qad_is_the_speaker_tunisian_style():
    text = ("واعتبرت جبهة الخلاص الوطني المعارضة أن نسبة المشاركة \"فشل ذريع\" لمسار الرئيس.\n"
            "وكان الاتحاد العام التونسي للشغل قد دعا في وقت سابق إلى حوار وطني شامل بين كل الأطراف.\n"
            "وكان قد أكد أيضا أن الحوار هو الحل الوحيد للأزمة.")
    a = article(text, {"جبهة الخلاص الوطني": "ORG"})
    q1, q2, q3 = find_quotes(a)
    assert speaker(a, q1) == "جبهة الخلاص الوطني"
    assert (q2.speaker_mention, q2.speaker_text) == (None, "الاتحاد العام التونسي للشغل")
    assert q3.speaker_text == "الاتحاد العام التونسي للشغل"           # the same body goes on


def test_the_agency_told_is_not_the_speaker_iraqi_style():
    text = ('أفاد مصدر أمني في محافظة ديالى بمقتل جنديين.\n'
            'وقال المصدر لوكالة شفق نيوز، إن "مسلحين هاجموا نقطة للجيش العراقي في قرية السعدية".')
    a = article(text, {"شفق نيوز": "ORG"})
    [q] = find_quotes(a)
    assert (q.speaker_mention, q.speaker_text) == (None, "المصدر")


def test_a_short_quoted_name_told_or_telling_is_no_quotation():
    """Outlets quote names: the outlet told ("لـ\\"سكاي نيوز عربية\\" إن") and the body whose words the
    clause reports ("أعلن “الدفاع المدني السوري” أن"). The quotation is the clause after إن/أن."""
    a = article('وقالت مصادر دبلوماسية لـ"سكاي نيوز عربية" إن المباحثات تركزت على الهدنة في غزة.')
    [q] = find_quotes(a)
    assert (q.kind, q.text) == ("reported", "المباحثات تركزت على الهدنة في غزة")
    a = article("وأعلن “الدفاع المدني السوري” أن فرقه تعاملت مع أكثر من 40 هجوما خلال الأسبوع.",
                {"الدفاع المدني السوري": "ORG"})
    [q] = find_quotes(a)
    assert (q.kind, speaker(a, q)) == ("reported", "الدفاع المدني السوري")
    assert q.text.startswith("فرقه تعاملت")
    a = article('وقال الوزير سالم عمر: "نحن مستعدون للحوار" إن توفرت الظروف.', {"سالم عمر": "PER"})
    assert [(q.kind, q.text) for q in find_quotes(a)] == [("direct", "نحن مستعدون للحوار")]


def test_a_gulf_honorific_chain_ends_on_the_speakers_name():
    a = article("أعلن صاحب السمو الملكي الأمير عبدالعزيز بن سلمان وزير الطاقة، اليوم، أن المملكة ستمدد "
                "التخفيض الطوعي لإنتاج النفط. وأوضح سموه أن القرار يأتي بالتنسيق مع الدول الأعضاء.",
                {"عبدالعزيز بن سلمان": "PER"}, {"عبدالعزيز بن سلمان": "الأمير"})
    quotes = find_quotes(a)
    assert [speaker(a, q) for q in quotes] == ["عبدالعزيز بن سلمان", "عبدالعزيز بن سلمان"]


def test_via_is_not_the_reporting_verb_when_a_verb_comes_before_it():
    """"عبر" is a verb (expressed) or a preposition (via): "وكتب X عبر حسابه:" is written by X."""
    a = article('وانتهت المباراة بفوز الأهلي. وكتب محمد الشناوي حارس الأهلي عبر حسابه على إنستجرام: '
                '"الهدف واحد والطريق ما زال طويلا أمامنا".', {"محمد الشناوي": "PER", "الأهلي": "ORG"})
    [q] = find_quotes(a)
    assert (speaker(a, q), q.verb) == ("محمد الشناوي", "كتب")


def test_the_agency_told_inside_an_aside_is_not_the_speaker():
    a = article("وقال المدير التنفيذي للوكالة فاتح بيرول، في تصريحات لوكالة رويترز، إن السوق قد تكون "
                "أكثر شحا مما كان متوقعا.", {"رويترز": "ORG"})
    [q] = find_quotes(a)
    assert speaker(a, q) is None and q.speaker_text.startswith("المدير التنفيذي")


def test_a_platform_is_not_the_speaker_of_a_subjectless_verb():
    a = article('وقال يوسف عزت مستشار قائد القوات إن الحرب طالت كثيرا. وكتب على منصة إكس أن قواته مستعدة '
                '"للعودة إلى جدة غدا إذا توفرت الإرادة".', {"يوسف عزت": "PER", "إكس": "ORG", "جدة": "LOC"})
    assert [speaker(a, q) for q in find_quotes(a)] == ["يوسف عزت", "يوسف عزت"]


def test_a_preposition_inside_the_subjects_role_is_not_the_verbs():
    """"دعا المبعوث الخاص إلى السودان توم بيرييلو ... إلى العودة": the first إلى belongs to the envoy's title."""
    a = article("دعا المبعوث الأميركي الخاص إلى السودان توم بيرييلو طرفي الحرب إلى العودة فورا إلى طاولة "
                "المفاوضات.", {"السودان": "LOC", "توم بيرييلو": "PER"})
    [q] = find_quotes(a)
    assert (speaker(a, q), q.text) == ("توم بيرييلو", "العودة فورا إلى طاولة المفاوضات")
    a = article("ونوه الوزير إلى دعم الأمير فيصل بن سلمان للمهرجان منذ انطلاقته.", {"فيصل بن سلمان": "PER"})
    [q] = find_quotes(a)
    assert q.text.startswith("دعم الأمير")


def test_ali_with_ya_is_a_name_where_the_text_writes_the_preposition_with_alef_maqsura():
    a = article("وقال الوزير إن العمل مستمر على مدار الساعة. من جهته، أكد والي تيارت، علي بوقرة، أن مصالحه "
                "جندت 90 شاحنة صهريج لتزويد الأحياء.")
    quotes = find_quotes(a)
    assert quotes[-1].text == "مصالحه جندت 90 شاحنة صهريج لتزويد الأحياء"
    a = article("من جهته، أكد مدير منتخب الشباب علي الشعيلان أن إدارة المنتخبات سخرت كل الإمكانات. "
                "وجلس اللاعبون على مقاعد البدلاء.")
    [q] = find_quotes(a)
    assert q.text == "إدارة المنتخبات سخرت كل الإمكانات"


def test_a_short_quoted_source_after_according_to_is_a_name():
    a = article("وارتفع عدد النازحين إلى 1200 عائلة، بحسب أرقام “منسقو استجابة سوريا”.")
    assert find_quotes(a) == []


def test_a_long_aside_before_the_verbs_own_inna_and_the_quote_marks():
    a = article('من جهته، قال الرئيس التركي رجب طيب أردوغان، في تصريحات للصحفيين على متن الطائرة لدى عودته '
                'من أذربيجان، إن "مشكلات الحزب الداخلية شأن يخصه ولا علاقة للحكومة بها".',
                {"رجب طيب أردوغان": "PER", "أذربيجان": "LOC"})
    [q] = find_quotes(a)
    assert (q.kind, speaker(a, q), q.verb) == ("direct", "رجب طيب أردوغان", "قال")


def test_a_persons_name_after_a_definite_description_may_run_past_three_words():
    a = article('وأشار الخبير الاقتصادي الليبي عمران البرعصي، في تصريح لـ"بوابة الوسط"، إلى أن "ليبيا تعتمد '
                'على النفط في أكثر من 95% من إيراداتها".', {"عمران البرعصي": "PER", "بوابة الوسط": "ORG"})
    [q] = find_quotes(a)
    assert speaker(a, q) == "عمران البرعصي"
    a = article("قال الرئيس الجديد لشركة هوندا موتور ثالث أكبر شركة سيارات في اليابان تاكاهيرو هاشيجو أنه "
                "لا يمتلك سيارة خاصة.", {"هوندا موتور": "ORG", "اليابان": "LOC", "تاكاهيرو هاشيجو": "PER"})
    [q] = find_quotes(a)
    assert speaker(a, q) == "تاكاهيرو هاشيجو"


def test_a_quoted_paper_after_lesahifa_is_told_not_telling():
    a = article("وقالت كاغان واغنر لصحيفة «تشاتانوغا تايمز»: «كان محبا ومضحكا وطيبا مع الجميع دائما».",
                {"تشاتانوغا تايمز": "ORG"})
    [q] = find_quotes(a)
    assert speaker(a, q) is None and q.speaker_text == "كاغان واغنر"


def test_an_abbreviated_title_does_not_end_the_sentence_or_become_the_speaker():
    a = article("وأقر المجلس القانون. قال وزير المالية د. ناصر الفهد: «لسنا ضد زيادة الرواتب لكننا نريد مصادر "
                "تمويل مستدامة». ويوضح د.القحطاني أن علاج الأسنان لا يفطر الصائم.",
                {"ناصر الفهد": "PER", "ماجد القحطاني": "PER", "القحطاني": "PER"})
    quotes = find_quotes(a)
    assert [speaker(a, q) for q in quotes] == ["ناصر الفهد", "القحطاني"]


def test_ala_hamish_is_an_adverbial_not_the_verbs_preposition():
    a = article("وأكد الوزير في تصريح للصحافة على هامش التدشين أن هذه المحطة ستوفر آلاف فرص العمل للشباب.")
    [q] = find_quotes(a)
    assert q.text == "هذه المحطة ستوفر آلاف فرص العمل للشباب"


def test_a_verb_going_on_with_wa_speaks_for_the_person_its_sentence_opened_with():
    text = ("وقال الفرنسي لوران بلان، مدرب الاتحاد: «قدمنا شوطا ثانيا رائعا». في المقابل، أرجع الألماني ماتياس "
            "يايسله، مدرب الأهلي، الخسارة إلى النقص العددي، وقال: «كنا الطرف الأفضل حتى الدقيقة 60».")
    a = article(text, {"لوران بلان": "PER", "ماتياس يايسله": "PER", "الاتحاد": "ORG", "الأهلي": "ORG"})
    quotes = find_quotes(a)
    assert [speaker(a, q) for q in quotes] == ["لوران بلان", "ماتياس يايسله"]
    # a plural verb is not the named person's: "أصدقاء عبد العزيز ... وقالوا"
    text = ("وقال المتحدث باسم الشرطة إن التحقيق مستمر. وأصيب أصدقاء عبد العزيز بصدمة مما حدث، وقالوا إنه "
            "كان هادئا ولم يظهر أي علامة على العنف.")
    a = article(text, {"عبد العزيز": "PER"})
    assert [speaker(a, q) for q in find_quotes(a) if "هادئا" in q.text] == [None]


def test_an_expert_named_right_after_the_word_is_the_speaker_not_an_anonymous_expert():
    text = "وقال الخبير النفطي نبيل المرسومي إن الزيادة محدودة ولن تؤثر كثيرا في الأسعار. وقال خبير آخر إن الأسعار ستبقى مستقرة."
    a = article(text, {"نبيل المرسومي": "PER"}, titles={"نبيل المرسومي": "الخبير النفطي"})
    quotes = find_quotes(a)
    assert [speaker(a, q) for q in quotes] == ["نبيل المرسومي", None]
    assert quotes[1].speaker_text == "خبير"


def test_what_a_verb_describes_is_not_its_speaker():
    text = "وزار وزير البيئة ناصر ياسين موقع الحريق، ووصف ما حصل بأنه «كارثة بيئية حقيقية لا سابق لها»."
    a = article(text, {"ناصر ياسين": "PER"}, titles={"ناصر ياسين": "وزير البيئة"})
    [q] = find_quotes(a)
    assert (speaker(a, q), q.speaker_text) == ("ناصر ياسين", "ناصر ياسين")


def test_words_said_through_someone_are_that_persons_and_start_after_the_connector():
    text = "وأكدت الوزارة على لسان المتحدث باسمها أحمد سالم أن «الامتحانات ستجرى في موعدها دون أي تأجيل»."
    a = article(text, {"أحمد سالم": "PER"}, titles={"أحمد سالم": "المتحدث باسمها"})
    [q] = find_quotes(a)
    assert speaker(a, q) == "أحمد سالم"
    assert q.text.startswith("«الامتحانات") or q.text.startswith("الامتحانات")


def test_the_people_a_body_calls_on_are_not_its_name_gulf_style():
    """"دعت وزارة الصحة الحجاج إلى": the pilgrims are the call's object; after a definite word an audience
    noun ends the unnamed subject, while after an indefinite one it belongs to it ("اتحاد الطلاب")."""
    a = article("ودعت وزارة الصحة الحجاج إلى الالتزام بالتعليمات الصادرة عن الجهات المختصة وعدم الخروج.\n"
                "وحذرت السلطات السكان من الاقتراب من مجاري السيول والأودية خلال الأيام المقبلة.\n"
                "ودعا اتحاد الطلاب إلى مقاطعة الامتحانات حتى تستجيب الإدارة لمطالبهم المشروعة.")
    q1, q2, q3 = find_quotes(a)
    assert (q1.speaker_mention, q1.speaker_text) == (None, "وزارة الصحة")
    assert q2.speaker_text == "السلطات"
    assert q3.speaker_text == "اتحاد الطلاب"


def test_a_relayed_clause_is_the_words_of_whom_the_outlet_cites_levant_style():
    """"ونقلت الوكالة عن X أن": the words are X's, the outlet only passes them on; "على لسان" works the same,
    and نقل with no عن carries people, it reports nothing (nor does it end another clause)."""
    text = ("ونقلت وكالة الأنباء الرسمية عن وزير الداخلية أحمد الفلاحي أن الوضع الأمني في العاصمة مستقر ولا داعي للقلق.\n"
            "ونقلت صحيفة الغارديان عن مصادر دبلوماسية غربية أن المفاوضات ستستأنف الأسبوع المقبل في جنيف.\n"
            "ونقل التلفزيون الرسمي على لسان وزير الداخلية أحمد الفلاحي أن الحدود ستفتح أمام المسافرين غدا.\n"
            "وأوضح مدير الدفاع المدني أن امرأتين لقيتا حتفهما بالحادث فيما نقل السائق بحالة خطرة إلى المستشفى.")
    a = article(text, {"أحمد الفلاحي": "PER", "الغارديان": "ORG"})
    q1, q2, q3, q4 = find_quotes(a)
    assert speaker(a, q1) == speaker(a, q3) == "أحمد الفلاحي"
    assert (q2.speaker_mention, q2.speaker_text) == (None, "مصادر دبلوماسية غربية")
    assert q4.verb == "أوضح" and q4.text.endswith("نقل السائق بحالة خطرة إلى المستشفى")


def test_the_outlet_a_source_speaks_to_is_not_the_speaker_sudanese_style():
    """"وقال وزير الصحة لـ "سودان تربيون" إن": the paper is told (the name after لـ is no name of the
    minister's), and "لصحيفة «الرأي»" likewise; the quoted paper is an organisation, not a man."""
    text = ('وقال وزير الصحة لـ "سودان تربيون" إن الزيارة تأتي في وقت بالغ الحرج بالنسبة للقطاع الصحي.\n'
            "وقال المصدر لصحيفة «الرأي» في عددها الصادر اليوم إن السلطات الأمنية أوقفت ثلاثة أشخاص آخرين.")
    a = article(text, {"سودان تربيون": "PER", "الرأي": "ORG"})
    q1, q2 = find_quotes(a)
    assert (q1.speaker_mention, q1.speaker_text) == (None, "وزير الصحة")
    assert (q2.speaker_mention, q2.speaker_text) == (None, "المصدر")


def test_speakers_of_maghrebi_and_sudanese_constructions():
    """A role opening the sentence before a bare verb ("وزير الري قال مؤخرا إن"; the adverb is no subject),
    "لكنها شددت" (the sentence's own agent, not the last speaker), a participle after a role phrase whose
    body is named ("ونفى المستشار الإعلامي لقائد قوات ...، قائلا"), and "إذ قالت" opening a new attribution
    ("عبّرت الأمهات عن قلقهن، إذ قالت" is no reported clause of عبّرت)."""
    text = ('وكان النائب محمد الحلوي قد قال إن "البرنامج جاء متأخرا جدا ولا يستجيب لانتظارات النساء".\n'
            'وثمنت النائبة ليلى بنعمر الخطوة، لكنها شددت على ضرورة "تعميم مراكز الإيواء على كل الأقاليم دون استثناء".\n'
            'وزير الري قال مؤخرا إن "مشاريع التحلية ستغطي نصف حاجيات الشرب بحلول 2030 على الأقل".\n'
            'ونفى المستشار الإعلامي لقائد قوات الدعم السريع الاتهامات، قائلا إن "الجيش هو من يستخدم المدنيين دروعا".\n'
            'وعبّرت الأمهات عن قلقهن، إذ قالت أم محمد: "لا نعرف متى سيعود أبناؤنا إلى المدارس".')
    a = article(text, {"محمد الحلوي": "PER", "ليلى بنعمر": "PER", "قوات الدعم السريع": "ORG", "أم محمد": "PER"})
    q1, q2, q3, q4, q5 = find_quotes(a)
    assert speaker(a, q1) == "محمد الحلوي" and speaker(a, q2) == "ليلى بنعمر"
    assert (q3.speaker_mention, q3.speaker_text) == (None, "وزير الري")
    assert q4.speaker_mention is None and q4.speaker_text.startswith("المستشار الإعلامي")
    assert speaker(a, q5) == "أم محمد"


def test_an_interview_printed_as_bare_question_lines_algerian_style():
    """No س/ج markers: the page says it is an interview (حاورها) and asks its questions on lines of their
    own; each paragraph under a question is the interviewee's (named in the lead), not the outlet's (the
    outlet that interviews her is no speaker), while a quotation inside a question keeps its own speaker."""
    text = ("حاورها: كريم بلقاسم\n\n"
            "تطرح الخبيرة نجلاء بن عيسى في هذا الحوار مع «الخبر» قراءتها للاستراتيجية الوطنية للماء.\n\n"
            "هل تكفي المحطات الجديدة لضمان الأمن المائي؟\n\n"
            "لا، لا تكفي. التحلية حل ضروري للمدن الساحلية لكنها مكلفة وتنتج كميات كبيرة من المحلول الملحي.\n\n"
            'وزير الري قال مؤخرا إن "أزمة الماء أصبحت وراءنا تماما ولن تعود". هل تشاطرينه الرأي؟\n\n'
            "أحترم تصريح السيد الوزير، لكن الأزمة مستمرة ما دامت السدود لا تتجاوز ربع طاقتها.\n\n"
            "كلمة أخيرة؟\n\n"
            "الماء ليس قضية تقنية فقط، إنه قضية سيادة.")
    a = article(text, {"نجلاء بن عيسى": "PER", "الخبر": "ORG"})
    got = [(q.text.split()[0], q.speaker_text) for q in find_quotes(a)]
    assert got == [("لا،", "نجلاء بن عيسى"), ("أزمة", "وزير الري"), ("أحترم", "نجلاء بن عيسى"),
                   ("الماء", "نجلاء بن عيسى")]
    plain = article(text.replace("حاورها: كريم بلقاسم\n\n", "").replace("في هذا الحوار مع", "لـ"),
                    {"نجلاء بن عيسى": "PER", "الخبر": "ORG"})
    assert [q.text.split()[0] for q in find_quotes(plain)] == ["أزمة"]        # no interview: no answers


def test_the_role_a_relayed_quote_is_taken_from_speaks_when_no_name_is_given_egyptian_style():
    a = article("ونقل المتحدث باسم الوزارة عن الوزير قوله: «هدفنا أن تصل الخدمة الصحية إلى كل مواطن في كل قرية».\n"
                "ونقلت الوكالة عن مسؤول بوزارة الدفاع قوله إن سيول طلبت إرسال وفد عسكري إلى الاجتماع المقبل.")
    q1, q2 = find_quotes(a)
    assert (q1.speaker_mention, q1.speaker_text) == (None, "الوزير")
    assert q2.speaker_text.startswith("مسؤول")


def test_a_caveat_verb_reports_words():
    a = article('وقال الخبير بول هوبكنز إن الطلب سيرتفع، لكن هوبكنز يستدرك بأن "الأسعار قد تنخفض إذا زاد المعروض بسرعة".\n'
                "وأشاد الوزير بالنتائج، مستدركا أن الطريق ما زال طويلا أمام تحقيق الأهداف المرسومة للقطاع.",
                {"بول هوبكنز": "PER", "هوبكنز": "PER"})
    verbs = [(q.verb, q.text.split()[0]) for q in find_quotes(a)]
    assert ("يستدرك", "الأسعار") in verbs and ("مستدركا", "الطريق") in verbs


def test_the_subject_written_after_the_verb_speaks_even_when_the_tagger_missed_its_name():
    """A clause with its own subject right after the verb (a role phrase, a relative with a possessive, a body)
    is that subject's, named or not -- never the person an earlier sentence named."""
    a = article("سجل المهاجم خالد يوسف هدف الفوز في الدقيقة الأخيرة.\n\n"
                "وعبّر مدرب الفريق سامر علي عن سعادته بالفوز، مؤكدا أن «اللاعبين قدموا مباراة كبيرة وسنواصل العمل».",
                {"خالد يوسف": "PER"})
    [q] = find_quotes(a)
    assert q.speaker_mention is None and q.speaker_text.startswith("مدرب الفريق")
    a = article("وقالت الفنانة سلمى الحايك إن الراحل كان صديقا وفيا للجميع.\n\n"
                "وقالت ابنته الصحفية ليلى حداد إن والدها كان يكتب كل يوم حتى أيامه الأخيرة.",
                {"سلمى الحايك": "PER"})
    q1, q2 = find_quotes(a)
    assert speaker(a, q1) == "سلمى الحايك"
    assert q2.speaker_mention is None and q2.speaker_text == "ابنته الصحفية ليلى حداد"
    named = article("وقالت ابنته الصحفية ليلى حداد إن والدها كان يكتب كل يوم حتى أيامه الأخيرة.",
                    {"ليلى حداد": "PER"})
    assert speaker(named, find_quotes(named)[0]) == "ليلى حداد"
    a = article("ونعى وزير الثقافة سمير داود الراحل في بيان، قائلا إن الساحة فقدت صوتا أصيلا.\n\n"
                "كما نعاه اتحاد الناشرين العرب، معتبراً أن رحيله خسارة كبيرة للثقافة العربية كلها.",
                {"سمير داود": "PER"})
    q1, q2 = find_quotes(a)
    assert speaker(a, q1) == "سمير داود"
    assert q2.speaker_mention is None and q2.speaker_text == "اتحاد الناشرين العرب"
    # "والدة X" is X's mother (ة and ه normalise alike): not a possessive
    a = article("وقالت الوزيرة هدى سالم إن الخطة جاهزة للتنفيذ منذ شهرين.\n\nوقالت والدة فانينج إنها لم تصدق ما رأته بعينيها.",
                {"هدى سالم": "PER", "فانينج": "PER"})
    assert find_quotes(a)[1].speaker_text == "والدة فانينج"


def test_an_opening_subject_is_not_taken_across_other_clauses():
    """The body that opens a sentence is not the speaker of a participle several clauses later, after
    another agent ("فكان الطارق هو البواب الذي رحب بي قائلا")."""
    a = article("وصل الوفد إلى المطار مساء أمس.\n\nوسهرت الأسرة كلها معنا حتى الفجر، واستيقظت صباحا، فكان الطارق "
                "هو البواب الطيب الذي رحب بي قائلا: «الحمد لله على السلامة يا سيدتي».")
    [q] = find_quotes(a)
    assert q.speaker_text is None or "الأسرة" not in q.speaker_text


def test_the_outlet_that_received_a_statement_is_not_its_speaker():
    """"في بيان تلقته وكالة X" / "حصلت عليه صحيفة X" / "نقلتها وكالة X": X got the words, the subject said them
    (a bare "الوزارة" is the ministry the article named, when it named one)."""
    a = article("أعلنت وزارة التربية العمانية اليوم إطلاق حملة توعية جديدة في المدارس.\n\n"
                "وقالت الوزارة في بيان صحفي تلقته وكالة الأنباء العمانية إن الحملة تستهدف جميع المدارس الحكومية.",
                {"وزارة التربية العمانية": "ORG", "وكالة الأنباء العمانية": "ORG"})
    [q] = find_quotes(a)
    assert speaker(a, q) == "وزارة التربية العمانية" and q.speaker_text == "الوزارة"
    a = article("وقال الحزب في بيان حصلت عليه صحيفة الأيام إن قيادته سترفض المشاركة في الحكومة المقبلة.",
                {"صحيفة الأيام": "ORG"})
    [q] = find_quotes(a)
    assert q.speaker_mention is None and q.speaker_text == "الحزب"
    a = article("وقال المحافظ سالم ناصر إن الطريق أغلق منذ الصباح الباكر بسبب السيول.\n"
                "وأضاف في تصريحات نقلتها وكالة الأنباء الفرنسية أن فرق الإنقاذ تعمل على فتحه قبل المساء.",
                {"سالم ناصر": "PER", "وكالة الأنباء الفرنسية": "ORG"})
    assert [speaker(a, q) for q in find_quotes(a)] == ["سالم ناصر", "سالم ناصر"]


def test_a_name_glued_to_lam_after_the_verb_is_the_one_spoken_to():
    """"وقال لزاغروس:" -- the tagger read the outlet with its ل as a person; the article writes it without the ل
    elsewhere, so it is whom he spoke to, and the speaker is the subject carried from before; a name that
    merely starts with ل ("لافروف") still speaks."""
    a = article("وتابعت شبكة زاغروس الزيارة منذ بدايتها.\n\nوفي أربيل، رحّب المتحدث باسم الحكومة كامران جلال بنتائج "
                "اللقاء، وقال لزاغروس: \"الحوار هو الطريق الوحيد لحل الخلافات بين الطرفين\".",
                {"كامران جلال": "PER", "لزاغروس": "PER", "زاغروس": "ORG"})
    [q] = find_quotes(a)
    assert speaker(a, q) == "كامران جلال"
    a = article("وقال لافروف: \"الحوار هو الطريق الوحيد لحل الخلافات بين الطرفين\".", {"لافروف": "PER"})
    [q] = find_quotes(a)
    assert speaker(a, q) == "لافروف"


def test_a_surname_after_the_verb_is_the_person_the_article_tags_by_it_elsewhere():
    """"وقال قعدان لـ«الوطن»:" where the tagger missed this occurrence but tagged the surname (or the full
    name) elsewhere, before or after: that person; a title or a word two people end on is nobody."""
    text = ("انتقد رئيس اتحاد المعلمين ناصر قعدان قرار الوزارة.\n\n"
            "وقال قعدان لـ\"الوطن\": \"المعلم لا يستطيع الاستمرار بهذه الرواتب المتدنية\".\n\n"
            "وطالب قعدان الحكومة بزيادة الرواتب.")
    a = article(text, {"الوطن": "ORG", "قعدان": "PER"})
    a.mentions = [m for m in a.mentions if not (m.text == "قعدان" and m.start < text.index("وطالب"))]
    [q] = find_quotes(a)
    assert speaker(a, q) == "قعدان" and a.mentions[q.speaker_mention].start > q.end
    two = article(text.replace("وطالب قعدان", "وطالب سامي قعدان") + "\nوقال خالد قعدان إن الأمر لا يعنيه.",
                  {"الوطن": "ORG", "سامي قعدان": "PER", "خالد قعدان": "PER"})
    assert find_quotes(two)[0].speaker_mention is None


def test_a_body_phrase_cut_on_a_noun_with_lam_keeps_its_genitive():
    """"المكتب الإعلامي لرئيس الوزراء" is the author, not "المكتب الإعلامي لرئيس"."""
    a = article("وذكر بيان للمكتب الإعلامي لرئيس الوزراء أن الاجتماع بحث تطورات الأوضاع في المنطقة.")
    [q] = find_quotes(a)
    assert q.speaker_mention is None and q.speaker_text == "المكتب الإعلامي لرئيس الوزراء"
    a = article("وقال المرصد الوطني لحقوق الإنسان إن عدد المعتقلين ارتفع خلال الشهر الماضي.")
    [q] = find_quotes(a)
    assert q.speaker_text == "المرصد الوطني لحقوق الإنسان"


def test_a_connector_inside_a_quoted_name_opens_no_clause():
    """'لشبكة "سي إن إن" بأن': the إن of the quoted outlet's name is no connector; the clause starts after بأن."""
    a = article("وكان المبعوث قد صرّح، الأحد الماضي، لشبكة \"سي إن إن\" بأن لديه \"مقترحا جسريا\" لتمديد المرحلة "
                "الأولى حتى ما بعد العيد.")
    [q] = find_quotes(a)
    assert q.text.startswith("لديه \"مقترحا جسريا\"") and q.speaker_text == "المبعوث"


def test_a_reporting_verb_nested_in_a_reported_clause_is_still_the_outer_speakers_report():
    """"وأضاف القاضي أن المحكمة اعتبرت أن «...»": one reported quotation of the judge's, not a fragment
    "المحكمة اعتبرت أن" plus a direct quotation of the court's."""
    a = article("وأضاف القاضي أن المحكمة اعتبرت أن \"ذنب المتهم ثابت بالأدلة والشهادات ولا مجال للشك فيه\".")
    [q] = find_quotes(a)
    assert q.kind == "reported" and q.verb == "أضاف" and q.speaker_text == "القاضي"
    assert q.text.startswith("المحكمة اعتبرت أن") and q.text.endswith("للشك فيه\"")


def test_the_outlet_named_after_lamahatta_is_the_one_spoken_to():
    """'وقال السفير لمحطة التلفزيون الكينية «كي تي إن»:' -- the channel (even tagged as a person and given the
    role words before it) heard the words; the ambassador said them."""
    a = article("وسيبقى الرئيس في العاصمة نيروبي. وقال السفير لمحطة التلفزيون الكينية «كي تي إن»: «بوسعي أن أؤكد أن "
                "الرئيس لن يتمكن من التوجه إلى القرية أثناء زيارته».", {"كي تي إن": "PER"})
    [q] = find_quotes(a)
    assert q.speaker_mention is None and q.speaker_text == "السفير"


def test_interview_answers_labeled_with_the_interviewees_name():
    """Questions under the outlet's label and ending in ؟, answers opening on the interviewee's name or
    surname and a colon: the label is the speaker and no part of the words; a photo caption's person is not
    the interviewee, a question's own quotation keeps its speaker, and a related headline with a colon after
    the interview is no answer."""
    text = ("مبنى المصرف في العاصمة - 3 آذار 2025 (الأفق/ سامي الخطيب)\n\n"
            "حاورت الأفق الخبير الاقتصادي الدكتور مروان القاسم حول مستقبل العملة.\n\n"
            "الأفق: كيف تقرأ التحسن الأخير في سعر الصرف؟\n\n"
            "مروان القاسم: هو تحسن مؤقت سببه تقييد السحوبات وليس تحسن الإنتاج أو الصادرات.\n\n"
            "الأفق: وزير المالية سمير داود قال إن الحكومة ستحرر السعر قريبا، هل هذا ممكن؟\n\n"
            "القاسم: التحرير ممكن من حيث المبدأ لكن الاحتياطيات لا تسمح به الآن.\n\n"
            "الأفق: ما نصيحتك لصانع القرار؟\n\n"
            "القاسم: الشفافية أولا ثم دعم الإنتاج المحلي والصادرات.\n\n"
            "مقالات متعلقة\n"
            "تجار العاصمة: الأسواق راكدة رغم انخفاض الأسعار")
    a = article(text, {"سامي الخطيب": "PER", "مروان القاسم": "PER", "الأفق": "ORG", "سمير داود": "PER"})
    got = [(q.text.split()[0], speaker(a, q), q.speaker_text) for q in find_quotes(a)]
    assert got == [("هو", "مروان القاسم", "مروان القاسم"), ("الحكومة", "سمير داود", "سمير داود"),
                   ("التحرير", "مروان القاسم", "القاسم"), ("الشفافية", "مروان القاسم", "القاسم")]


def test_a_known_outlets_name_glued_to_lam_is_the_one_spoken_to_even_when_never_written_alone():
    """"وقال لروداو:" on a page that never writes روداو without its ل: a one-word outlet's name is still
    whom he spoke to."""
    a = article("وفي أربيل، رحّب المتحدث باسم الحكومة كامران جلال بنتائج اللقاء، وقال لروداو: \"الحوار هو الطريق "
                "الوحيد لحل الخلافات بين الطرفين\".", {"كامران جلال": "PER", "لروداو": "PER"})
    [q] = find_quotes(a)
    assert speaker(a, q) == "كامران جلال"


@pytest.mark.parametrize("opening", [
    "في المقابل، أبدى المدير الفني للزمالك، البرتغالي جوزيه غوميز، تحفظه على قرار الحكم",
    "أبدى جوزيه غوميز، المدير الفني للزمالك، تحفظه على قرار الحكم",
])
def test_verb_after_idh_continues_the_person_the_sentence_opens_with(opening):
    text = ("وكان الزمالك قد خسر المباراة الماضية أمام منافسه.\n\n" + opening
            + "، إذ قال بعد اللقاء: \"لم نحصل على ركلة جزاء واضحة في الشوط الثاني\".")
    a = article(text, {"لزمالك": "ORG", "الزمالك": "ORG", "جوزيه غوميز": "PER"})
    [q] = find_quotes(a)
    assert speaker(a, q) == "جوزيه غوميز"


def test_platform_named_after_its_possessive_is_not_the_writer():
    text = ("وهاجم الرئيس سامر الخطيب خصومه مجددا.\n\n"
            "وكتب على منصته «صدى نت» في مارس: «الإعلام الكاذب هو عدو الشعب الحقيقي».")
    a = article(text, {"سامر الخطيب": "PER", "صدى نت": "ORG"})
    [q] = find_quotes(a)
    assert speaker(a, q) == "سامر الخطيب"


def test_unnamed_sources_are_not_the_outlet_they_spoke_to():
    text = "وبحسب مصادر حكومية تحدثت لـ\"الوطن اليوم\"، فإن الوزير رفض الاقتراح المقدم من المعارضة."
    a = article(text, {"الوطن اليوم": "ORG"})
    [q] = find_quotes(a)
    assert q.text == "الوزير رفض الاقتراح المقدم من المعارضة"
    assert speaker(a, q) is None
    assert q.speaker_text.startswith("مصادر")


def test_a_word_quoted_by_itself_after_the_verb_is_its_subject_not_a_verb():
    # آفاد (a Turkish agency) reads like the verb أفاد once hamza is folded
    text = ("أنقرة (وكالة الشمال)-- ضرب زلزال قوي شرق البلاد فجر اليوم.\n\n"
            "وقالت \"آفاد\" في بيان إن الزلزال وقع على عمق عشرة كيلومترات تحت سطح الأرض.")
    a = article(text, {"وكالة الشمال": "ORG"})
    [q] = find_quotes(a)
    assert q.verb == "قالت"
    assert speaker(a, q) is None
    assert q.speaker_text == "آفاد"


def test_quoted_name_after_via_is_not_a_quote():
    text = "صور الفيلم في الجنوب، وشاركت في إنتاجه تونس وقطر عبر \"صندوق الجنوب للسينما\" العام الماضي."
    assert [q.text for q in find_quotes(article(text)) if q.kind == "direct"] == []


def test_photo_credit_after_a_colon_is_not_a_quote():
    text = ("فرق الإنقاذ تبحث بين أنقاض مبنى منهار في المدينة Credit: JOHN SMITH/AFP via Getty Images\n\n"
            "وقال المحافظ إن عمليات البحث ستستمر طوال الليل في الأحياء المتضررة.")
    assert [q.kind for q in find_quotes(article(text))] == ["reported"]


def test_new_verb_with_colon_and_mark_ends_the_reported_clause():
    text = ("وقالت الوزيرة هيلين مارتن للصحفيين إن الحكومة تعمل على خطة جديدة للإسكان، "
            "وتابعت: «لن نترك أي أسرة دون سكن لائق».")
    a = article(text, {"هيلين مارتن": "PER"})
    quotes = find_quotes(a)
    assert [(q.kind, q.text, q.verb, speaker(a, q)) for q in quotes] == [
        ("reported", "الحكومة تعمل على خطة جديدة للإسكان", "قالت", "هيلين مارتن"),
        ("direct", "لن نترك أي أسرة دون سكن لائق", "تابعت", "هيلين مارتن"),
    ]


def test_amma_topic_is_the_subject_of_the_verb_with_fa():
    text = ("وشارك في القمة المستشار الألماني هانس فيبر ورئيس الوزراء البولندي.\n\n"
            "وقالت رئيسة المفوضية إن الدعم سيستمر.\n\n"
            "أما فيبر فقال إن «أوروبا يجب أن تعتمد على نفسها في الدفاع».")
    a = article(text, {"هانس فيبر": "PER"})
    q = find_quotes(a)[-1]
    assert q.text == "أوروبا يجب أن تعتمد على نفسها في الدفاع"
    assert speaker(a, q) == "هانس فيبر"
    assert q.speaker_text == "فيبر"


def test_amma_about_something_is_no_subject():
    text = ("وتحدثت الممثلة ليلى سمعان عن أعمالها الجديدة.\n\n"
            "أما عن أول تعاون لها مع الممثلة رنا حداد فقالت: «هي فنانة موهوبة وأحب العمل معها كثيرا».")
    a = article(text, {"ليلى سمعان": "PER", "رنا حداد": "PER"})
    q = find_quotes(a)[-1]
    assert speaker(a, q) != "رنا حداد"


def test_commenting_participle_introduces_the_subjects_quote():
    text = ("وكان اللاعب سامي حداد قد نشر عبر حسابه صورة له بقميص الفريق، معلقًا: \"شكرًا لكل جمهور النادي\".")
    a = article(text, {"سامي حداد": "PER"})
    [q] = find_quotes(a)
    assert q.text == "شكرًا لكل جمهور النادي"
    assert speaker(a, q) == "سامي حداد"


def test_hanging_participle_does_not_cut_the_clause():
    text = ("وتقول السيدة فاطمة، وهي تقف في واجهة المحل، حيث تبدو صورة ابنها معلقة على الباب، "
            "إنها لا تستطيع أن تنسى ذلك اليوم أبدا.")
    a = article(text, {"فاطمة": "PER"})
    [q] = find_quotes(a)
    assert q.text.startswith("إنها لا تستطيع") or q.text.startswith("لا تستطيع")


def test_role_phrase_keeps_the_untagged_name_after_the_body():
    text = ("وحقق الفريق فوزا مهما على منافسه.\n\n"
            "وعبّر مدرب الرمثا نزار علي عن سعادته بالفوز، مؤكدا أن اللاعبين قدموا مباراة كبيرة.")
    a = article(text, {"الرمثا": "ORG"})
    [q] = find_quotes(a)
    assert speaker(a, q) is None
    assert q.speaker_text == "مدرب الرمثا نزار علي"


def test_body_inside_a_role_phrase_is_not_the_participles_speaker():
    text = "وعبّر مدرب الرمثا نزار حمدان عن سعادته بالفوز، مؤكدا أن اللاعبين قدموا مباراة كبيرة."
    a = article(text, {"الرمثا": "ORG", "نزار حمدان": "PER"})
    [q] = find_quotes(a)
    assert speaker(a, q) == "نزار حمدان"


def test_participle_after_min_janibiha_goes_to_the_sentences_own_subject():
    text = ("وقالت اللاعبة منى سالم إن الفريق جاهز للمباراة.\n\n"
            "من جانبها، أكدت إدارة النادي دعمها الكامل للجهاز الفني، قائلة إن الثقة كاملة في المدرب.")
    a = article(text, {"منى سالم": "PER"})
    q = find_quotes(a)[-1]
    assert q.verb == "قائلة"
    assert speaker(a, q) is None
    assert q.speaker_text == "إدارة النادي"


def test_dateline_outlet_is_never_the_subject_a_pronoun_points_at():
    text = ("عمّان، الأردن (أخبار الشرق)-- قتل خمسة أشخاص على الأقل في انهيار مبنى سكني فجر اليوم.\n\n"
            "وأضافت في بيان أن فرق الإنقاذ ما زالت تبحث عن ناجين تحت الأنقاض.")
    a = article(text, {"أخبار الشرق": "ORG", "عمّان": "LOC", "الأردن": "LOC"})
    [q] = find_quotes(a)
    assert speaker(a, q) is None


def test_anaphor_opening_the_sentence_is_the_one_person_named_before():
    text = ("لم يكن قرار المنظمة مفاجئا لمن تابع تصريحات وزير المالية كريم داود خلال الأشهر الماضية. "
            "فالرجل قالها صراحة في مؤتمر صحافي العام الماضي: «لن نقبل بخفض الإنفاق على التعليم».")
    a = article(text, {"كريم داود": "PER"})
    [q] = find_quotes(a)
    assert q.verb == "قالها"
    assert speaker(a, q) == "كريم داود"


def test_anaphor_with_two_people_before_names_nobody():
    text = ("اجتمع كريم داود مع سامي يوسف أمس في العاصمة. "
            "فالرجل قالها صراحة في مؤتمر صحافي العام الماضي: «لن نقبل بخفض الإنفاق على التعليم».")
    a = article(text, {"كريم داود": "PER", "سامي يوسف": "PER"})
    [q] = find_quotes(a)
    assert speaker(a, q) is None
    assert q.speaker_text == "الرجل"


def test_anaphor_after_a_role_and_a_counterpart_names_nobody():
    text = ("التقى وزير المالية كريم داود نظيره سامي يوسف أمس. "
            "فالرجل قالها صراحة في مؤتمر صحافي العام الماضي: «لن نقبل بخفض الإنفاق على التعليم».")
    a = article(text, {"كريم داود": "PER", "سامي يوسف": "PER"})
    [q] = find_quotes(a)
    assert speaker(a, q) is None


def test_role_phrase_keeps_a_compound_given_name():
    text = "وقال محافظ البنك حسن عبد الله إن القرار يهدف إلى احتواء التضخم المرتفع."
    [q] = find_quotes(article(text))
    assert q.speaker_text == "محافظ البنك حسن عبد الله"


def test_participle_after_a_verb_with_a_role_subject_is_not_the_previous_speaker():
    text = ("وقال وزير المالية خالد العبدالله إن الميزانية ستعلن قريبا.\n\n"
            "وفي بند الأسئلة، رد وزير الإسكان والتخطيط العمراني على سؤال النائبة منيرة السالم بشأن "
            "الطلبات المتأخرة، موضحاً أن الوزارة ستوزع ألفي وحدة سكنية خلال العام المقبل.")
    a = article(text, {"خالد العبدالله": "PER", "منيرة السالم": "PER"})
    q = find_quotes(a)[-1]
    assert q.verb == "موضحاً"
    assert speaker(a, q) is None                # neither العبدالله nor the one who asked
    assert q.speaker_text.startswith("وزير الإسكان")


def test_participle_after_a_role_subject_and_its_preposition_is_not_the_one_asking():
    text = ("وقال وزير المالية خالد العبدالله إن الميزانية ستعلن قريبا.\n\n"
            "ورد وزير الصحة على سؤال النائب سالم الهاجري حول المستشفيات، موضحا أن الوزارة "
            "ستفتتح ثلاثة مستشفيات جديدة.")
    a = article(text, {"خالد العبدالله": "PER", "سالم الهاجري": "PER"})
    q = find_quotes(a)[-1]
    assert speaker(a, q) is None
    assert q.speaker_text == "وزير الصحة"


def test_participle_after_a_role_subject_and_its_preposition_is_the_named_role_holder():
    text = ("زار وزير الصحة فهد المطيري مستشفى المدينة أمس. وقال وزير المالية خالد العبدالله إن الميزانية "
            "ستعلن قريبا.\n\nوفي الجلسة، رد وزير الصحة على سؤال النائب سالم الهاجري حول المستشفيات، موضحا أن "
            "الوزارة ستفتتح ثلاثة مستشفيات جديدة.")
    a = article(text, {"فهد المطيري": "PER", "خالد العبدالله": "PER", "سالم الهاجري": "PER"},
                {"فهد المطيري": "وزير الصحة"})
    q = find_quotes(a)[-1]
    assert speaker(a, q) == "فهد المطيري"
    assert q.speaker_text == "وزير الصحة"


def test_described_her_as_introduces_the_subjects_words():
    text = ("ونعت نقابة الفنانين الممثلة الراحلة، ووصفها وزير الثقافة سمير الحلبي بأنها \"واحدة من الأصوات التي "
            "حملت ذاكرة المسرح في أصعب أيامه\".")
    a = article(text, {"سمير الحلبي": "PER"})
    [q] = find_quotes(a)
    assert q.verb == "وصفها"
    assert speaker(a, q) == "سمير الحلبي"


def test_described_it_keeps_a_masculine_speaker_in_focus():
    text = ("وأشاد الرئيس كريم داود بالاتفاق ووصفه بأنه «انتصار سياسي واقتصادي كبير». "
            "وقال إنه «لا يوجد اتفاق كامل في السياسة»، مضيفا أن العمل سيستمر.")
    a = article(text, {"كريم داود": "PER"})
    quotes = find_quotes(a)
    assert [q.verb for q in quotes][:2] == ["وصفه", "قال"]
    assert all(speaker(a, q) == "كريم داود" for q in quotes)


def test_role_word_taking_a_preposition_keeps_the_name_after_it():
    text = ("وقال وزير المالية خالد العبدالله إن الميزانية ستعلن قريبا. وثمن مدير المستشفى المشرف على القطاع "
            "الصحي صالح الراشد زيارة الوزير للمرضى، مشيراً إلى أن تلك الزيارة أسعدت المرضى كثيرا.")
    a = article(text, {"خالد العبدالله": "PER", "صالح الراشد": "PER"})
    q = find_quotes(a)[-1]
    assert speaker(a, q) == "صالح الراشد"


def test_role_of_the_body_a_person_chairs_is_that_person():
    text = ("قضت محكمة جنايات الجيزة، المنعقدة بمجمع المحاكم، برئاسة المستشار سامي فؤاد الدسوقي، بالسجن خمس سنوات "
            "للمتهم. وقال الدسوقي في كلمته: \"إن القانون لا يحمي المحتالين مهما طال الزمن\". "
            "وأضاف رئيس المحكمة أن \"العدالة تأخذ مجراها في كل القضايا دون استثناء\".")
    a = article(text, {"سامي فؤاد الدسوقي": "PER", "الدسوقي": "PER"})
    q = find_quotes(a)[-1]
    assert q.speaker_text == "رئيس المحكمة"
    assert speaker(a, q) == "سامي فؤاد الدسوقي"


def test_role_holder_named_in_two_tagged_pieces_is_the_later_piece():
    text = ("قضت محكمة جنايات الجيزة، برئاسة المستشار سامي فؤاد الدسوقي، بالسجن خمس سنوات للمتهم. "
            "وأضاف رئيس المحكمة أن \"العدالة تأخذ مجراها في كل القضايا دون استثناء\".")
    a = article(text, {"سامي فؤاد": "PER", "الدسوقي": "PER"})
    q = find_quotes(a)[-1]
    assert speaker(a, q) == "الدسوقي"


def test_demand_with_its_own_connector_before_the_quoted_words():
    text = ("من جانبها، طالبت النائبة سعاد المنصوري بأن \"تشمل الزيادة المتقاعدين من القطاع الخاص\"، فيما رأى "
            "النائب فهد الشمري أن \"الكلفة تحتاج إلى دراسة\".")
    a = article(text, {"سعاد المنصوري": "PER", "فهد الشمري": "PER"})
    q = find_quotes(a)[0]
    assert q.verb == "طالبت"
    assert q.text == "تشمل الزيادة المتقاعدين من القطاع الخاص"
    assert speaker(a, q) == "سعاد المنصوري"


def test_demand_before_an_except_clause_does_not_own_its_quote():
    text = ("وكان سامي يوسف قد طالب المحكمة العليا بتشكيل لجنة مستقلة، إلا أنه «قرر الانسحاب من القناة مباشرة»، "
            "حسب تغريدة على موقع تويتر.")
    a = article(text, {"سامي يوسف": "PER"})
    assert all(q.verb != "طالب" for q in find_quotes(a))


def test_according_to_a_role_and_the_name_set_off_by_commas():
    text = ("وبحسب رئيس لجنة الاقتصاد النيابية، النائب ماجد العتيبي، فإن اللجنة ستجتمع الأسبوع المقبل مع وزير "
            "المالية \"للوقوف على تفاصيل القرار وأثره\".")
    a = article(text, {"ماجد العتيبي": "PER"})
    [q] = find_quotes(a)
    assert q.kind == "reported"
    assert q.text.startswith("اللجنة ستجتمع") and q.text.endswith("وأثره\"")
    assert speaker(a, q) == "ماجد العتيبي"


def test_marked_interview_question_is_the_interviewers_not_a_quote():
    text = ("التقت «الصباح» المهندسة سلمى الراشد في مقر شركتها، وكان هذا الحوار:\n\n"
            "■ كيف بدأت فكرة المنصة؟\n\n"
            "سلمى الراشد: بدأت من قرية والدي حين رأيت المزارعين يبيعون محصولهم بنصف ثمنه.\n\n"
            "■ هناك من يرى أن الشركات الناشئة في البلاد تعاني من هجرة المواهب..\n\n"
            "الراشد: هذا صحيح جزئيا. خسرنا مطورين انتقلوا إلى شركات في الخارج.\n\n"
            "■ وماذا عن خطط التوسع؟\n\n"
            "الراشد: نستهدف الوصول إلى مئة ألف مزارع بنهاية العام المقبل.")
    a = article(text, {"سلمى الراشد": "PER", "الراشد": "PER"})
    quotes = find_quotes(a)
    assert not any("هجرة المواهب" in q.text for q in quotes)
    assert any(q.text.startswith("هذا صحيح جزئيا") for q in quotes)
    assert all(speaker(a, q) in ("سلمى الراشد", "الراشد") for q in quotes)


def test_untagged_name_after_titles_stays_in_speaker_text():
    text = "وقالت وزيرة النقل الدكتورة سناء الحمدان إن مشروع القانون يعالج الثغرات التي كشفها التطبيق."
    [q] = find_quotes(article(text))
    assert q.speaker_mention is None
    assert q.speaker_text == "وزيرة النقل الدكتورة سناء الحمدان"


def test_name_after_titles_links_once_tagged():
    text = "وقالت وزيرة النقل الدكتورة سناء الحمدان إن مشروع القانون يعالج الثغرات التي كشفها التطبيق."
    a = article(text, {"سناء الحمدان": "PER"})
    [q] = find_quotes(a)
    assert speaker(a, q) == "سناء الحمدان"


def test_possessed_noun_after_a_title_is_no_name():
    text = "واختتم سمو الأمير مقاله بقوله: «النظام القادر هو الذي يجعل من نفسه نموذجا للجميع»."
    [q] = find_quotes(article(text))
    assert "مقاله" not in (q.speaker_text or "")


def test_epithet_before_a_compound_abd_name_is_a_new_person():
    text = ("وقال وزير الدفاع سامي يوسف إن الصفقة مهمة. وقال الخبير العسكري اللواء طيار عبد الحكيم شلبي إن "
            "الطائرات الجديدة تمثل إضافة كبيرة لسلاح الجو.")
    a = article(text, {"سامي يوسف": "PER"})
    q = find_quotes(a)[-1]
    assert speaker(a, q) != "سامي يوسف"


# --- a role naming a body, a name after the body, a surname the tagger cut off --------------------------------

def test_spokesman_of_another_body_is_not_the_ministry_spokesman():
    a = article("وأفاد الناطق الرسمي باسم الوزارة العميد سامي العلي بأن القوات أحبطت الهجوم. "
                "وقال الناطق الرسمي باسم هيئة مكافحة الفساد، إن النيابة أذنت بفتح تحقيق في القضية.",
                {"سامي العلي": "PER", "هيئة مكافحة الفساد": "ORG"},
                {"سامي العلي": "الناطق الرسمي باسم الوزارة العميد"})
    first, second = find_quotes(a)
    assert speaker(a, first) == "سامي العلي"
    assert speaker(a, second) is None


def test_spokesman_of_the_same_body_is_its_spokesman():
    a = article("وأفاد الناطق الرسمي باسم وزارة الدفاع العميد سامي العلي بأن القوات أحبطت الهجوم. "
                "وقال الناطق الرسمي باسم الوزارة، إن العملية أسفرت عن حجز أسلحة وذخيرة.",
                {"سامي العلي": "PER", "وزارة الدفاع": "ORG"},
                {"سامي العلي": "الناطق الرسمي باسم وزارة الدفاع العميد"})
    assert [speaker(a, q) for q in find_quotes(a)] == ["سامي العلي", "سامي العلي"]


def test_member_named_after_his_party_is_not_the_speaker_of_parliament():
    a = article("وصوت 150 نائب على القانون في جلسة ترأسها رئيس المجلس خالد العمري. "
                "وقال النائب عن الحزب الاشتراكي اليمني نبيل الصالح إن \"القانون لا يضمن حقوق الموظفين في المحافظات\".",
                {"خالد العمري": "PER", "الحزب الاشتراكي اليمني نبيل الصالح": "ORG"},
                {"خالد العمري": "رئيس المجلس"})
    [q] = find_quotes(a)
    assert speaker(a, q) is None
    assert q.speaker_text == "نبيل الصالح"


def test_surname_of_a_name_the_tagger_cut_short():
    a = article("التقى وزير المالية أحمد سعيد الحلبي وفدا من البنك الدولي في مقر الوزارة. "
                "وأكد الحلبي أن الحكومة ماضية في خطة الإصلاح المالي.",
                {"أحمد سعيد": "PER", "البنك الدولي": "ORG"}, {"أحمد سعيد": "وزير المالية"})
    [q] = find_quotes(a)
    assert speaker(a, q) == "أحمد سعيد"


def test_object_after_a_name_is_no_surname():
    a = article("استقبل وزير المالية أحمد سعيد الوفد المرافق لرئيس البنك الدولي في مقر الوزارة. "
                "وأكد الوفد أن البنك ماض في دعم خطة الإصلاح المالي.",
                {"أحمد سعيد": "PER", "البنك الدولي": "ORG"}, {"أحمد سعيد": "وزير المالية"})
    [q] = find_quotes(a)
    assert speaker(a, q) is None


# --- speakers named inside the clause, by role only, or by the sentence's own clause -----------------------

def test_ali_inside_a_name_does_not_end_the_subject_iraqi_style():
    a = article("من جانبه، أعلن محافظ البصرة علي حسين تعطيل الدوام في المدارس، داعياً الأهالي إلى "
                "\"البقاء في منازلهم وعدم الخروج إلا للضرورة القصوى\".",
                {"علي حسين": "PER", "البصرة": "LOC"}, {"علي حسين": "محافظ البصرة"})
    [q] = find_quotes(a)
    assert speaker(a, q) == "علي حسين"


def test_surname_written_with_the_article_ali_is_the_subject_syrian_style():
    a = article("سجلت مديرية الصحة 20 إصابة بالكوليرا، بحسب ما قاله مديرها، الدكتور سامي العلي.\n\n"
                "وأوضح العلي أن الإصابات تركزت في القرى الشرقية، مرجحاً أن يكون السبب \"تلوث مياه الآبار بعد "
                "الأمطار الغزيرة\".\n\nوأضاف: \"نعمل على إيصال أقراص الكلور إلى كل القرى المتضررة\".",
                {"سامي العلي": "PER", "مديرية الصحة": "ORG"})
    quotes = [q for q in find_quotes(a) if q.start > a.text.index("وأوضح")]
    assert quotes[0].text.startswith("الإصابات تركزت")
    assert [speaker(a, q) for q in quotes] == ["سامي العلي"] * 3


def test_the_subject_of_a_fima_clause_goes_on_writing_kurdish_style():
    a = article("ووجّه رئيس الوزراء خالد منصور الوزارات بتقديم المساعدة، فيما قدّم وزير الخارجية سالم راشد "
                "تعازيه لذوي الضحايا، وكتب على منصة إكس: \"قلوبنا مع أهلنا في المدن المنكوبة\".",
                {"خالد منصور": "PER", "سالم راشد": "PER", "إكس": "ORG"},
                {"خالد منصور": "رئيس الوزراء", "سالم راشد": "وزير الخارجية"})
    [q] = find_quotes(a)
    assert speaker(a, q) == "سالم راشد"


def test_office_statement_goes_to_the_person_its_clause_names_yemeni_style():
    a = article("التقى وزير الطاقة سمير داود السفير الياباني في العاصمة.\n\n"
                "وقال مكتب الوزير في بيان نشره على منصة «إكس» إن داود بحث مع السفير «سبل تعزيز التعاون في "
                "مجالات الطاقة والنقل»، مؤكداً أهمية «تسريع تنفيذ الاتفاقيات الموقعة».",
                {"سمير داود": "PER", "إكس": "ORG"}, {"سمير داود": "وزير الطاقة"})
    quotes = find_quotes(a)
    assert [speaker(a, q) for q in quotes] == ["سمير داود", "سمير داود"]


def test_a_clause_naming_who_says_the_quoted_words_is_no_quotation_libyan_style():
    a = article("استقبل الرئيس كمال حداد وفد البعثة الأممية في طرابلس.\n\n"
                "وقال المكتب الإعلامي للرئاسة، في بيان، إن حداد أكد خلال اللقاء \"ضرورة الالتزام بالجدول "
                "الزمني المتفق عليه\"، مشددا على \"رفض أي تدخل خارجي في الانتخابات\".",
                {"كمال حداد": "PER", "طرابلس": "LOC"}, {"كمال حداد": "الرئيس"})
    quotes = find_quotes(a)
    assert [q.text for q in quotes] == ["ضرورة الالتزام بالجدول الزمني المتفق عليه",
                                        "رفض أي تدخل خارجي في الانتخابات"]
    assert [speaker(a, q) for q in quotes] == ["كمال حداد", "كمال حداد"]


def test_relative_clause_verb_before_according_to_a_statement_omani_style():
    a = article("والتقى الوفد وزير الخارجية سالم راشد، الذي جدّد بحسب بيان للخارجية الأردنية \"دعم بلاده "
                "لكل الجهود الرامية إلى إحلال السلام في المنطقة\".",
                {"سالم راشد": "PER", "الخارجية الأردنية": "ORG"}, {"سالم راشد": "وزير الخارجية"})
    [q] = find_quotes(a)
    assert speaker(a, q) == "سالم راشد"


def test_quoted_words_after_a_second_inna_joined_by_wa_keep_the_speaker():
    a = article("من جهته، قال المبعوث سامي نادر إنه \"أجرى نقاشات بنّاءة\" مع الوفد، وإنه يواصل \"العمل مع "
                "جميع الأطراف للتوصل إلى وقف شامل لإطلاق النار في البلاد\".",
                {"سامي نادر": "PER"})
    quotes = find_quotes(a)
    assert [speaker(a, q) for q in quotes] == ["سامي نادر", "سامي نادر"]


def test_going_on_with_a_role_only_is_the_coach_just_quoted_gulf_style():
    a = article("وقال مدرب الفيصلي ماركو بيريز إن فريقه \"كان الأفضل في أغلب فترات اللقاء\".\n\n"
                "أما مدرب الوحدات جورج سامي فقال إن لاعبيه \"قدموا مباراة كبيرة أمام منافس قوي\".\n\n"
                "وتابع المدرب البرازيلي: «نعرف أن المهمة المقبلة لن تكون سهلة أبدا».",
                {"ماركو بيريز": "PER", "جورج سامي": "PER", "الفيصلي": "ORG", "الوحدات": "ORG"})
    quotes = find_quotes(a)
    assert [speaker(a, q) for q in quotes] == ["ماركو بيريز", "جورج سامي", "جورج سامي"]


def test_a_when_clause_speaks_for_the_sentences_person_not_the_last_speaker():
    a = article("وقال النائب عمر حسن إن \"الحكومة لم تقدم أي خطة واضحة حتى الآن\".\n\n"
                "وتأتي زيارة الوزير سالم راشد بعد أسبوع من كلمته أمام البرلمان، حين حذّر من أن \"الأزمة "
                "الاقتصادية تتفاقم يوما بعد يوم\".",
                {"عمر حسن": "PER", "سالم راشد": "PER"}, {"سالم راشد": "الوزير"})
    quotes = find_quotes(a)
    assert [speaker(a, q) for q in quotes] == ["عمر حسن", "سالم راشد"]


# --- round V: attributions beyond "verb + name before the quote" ------------------------------------------

def test_quote_opening_the_article_takes_the_speaker_named_after_it():
    text = ("«خسرنا أمام فريق كبير يملك إمكانيات هائلة، لكن لاعبينا قدموا مباراة مشرفة». بهذه الكلمات علق "
            "الإسباني فيليكس سانشيز، المدير الفني لفريق السد، على خروج الفريق.")
    a = article(text, {"فيليكس سانشيز": "PER", "السد": "ORG"})
    [q] = find_quotes(a)
    assert speaker(a, q) == "فيليكس سانشيز" and q.verb == "علق"
    # without the pointing phrase a sentence after the quote is no attribution
    b = article(text.replace("بهذه الكلمات علق", "وعلق"), {"فيليكس سانشيز": "PER", "السد": "ORG"})
    assert [speaker(b, q) for q in find_quotes(b)] == [None]


def test_reply_by_saying_colon_is_an_attribution():
    text = ("وقال النائب جورج عقيص إن الحكومة تطلب المال.\n\nوردّ رئيس المجلس نبيه بري على مداخلة عقيص بالقول: "
            "\"الجنوب ليس ملفاً للمزايدة، وأهله دفعوا الثمن عن كل لبنان\".")
    a = article(text, {"جورج عقيص": "PER", "نبيه بري": "PER"}, {"نبيه بري": "رئيس المجلس"})
    quotes = find_quotes(a)
    assert [speaker(a, q) for q in quotes] == ["جورج عقيص", "نبيه بري"]


def test_role_before_a_name_brought_in_by_bihudur_is_not_that_persons():
    # the tagger missed the woman the role belongs to: the man named after "بحضور" does not hold it
    text = ("استقبل الرئيس عبد الفتاح السيسي كريستالينا جورجيفا المديرة العامة لصندوق النقد الدولي، بحضور "
            "الدكتور مصطفى مدبولي رئيس مجلس الوزراء.\n\nوأكد مصطفى مدبولي أن الحكومة نجحت في خفض التضخم.\n\n"
            "وأضافت المديرة العامة للصندوق أن استمرار الدعم مرتبط بتسريع برنامج الطروحات الحكومية.")
    a = article(text, {"عبد الفتاح السيسي": "PER", "مصطفى مدبولي": "PER"})
    quotes = find_quotes(a)
    assert [speaker(a, q) for q in quotes] == ["مصطفى مدبولي", None]
    assert quotes[1].speaker_text == "المديرة العامة للصندوق"


def test_participle_after_a_role_of_a_named_body_is_not_the_last_speaker():
    text = ("وقال مدرب الهلال سيموني انزاجي إن السد كان خصما عنيدا ومنظما.\n\nوأكد رئيس نادي السد الشيخ محمد "
            "بن خليفة آل ثاني، في تصريح للصحيفة، ثقته في الجهاز الفني، مشيرا إلى أن الإدارة ستجتمع الأسبوع المقبل.")
    a = article(text, {"سيموني انزاجي": "PER", "محمد بن خليفة آل ثاني": "PER", "السد": "ORG",
                       "الهلال": "ORG"})
    assert [speaker(a, q) for q in find_quotes(a)] == ["سيموني انزاجي", "محمد بن خليفة آل ثاني"]
    # the tagger ran the club into the name: the role, unnamed, never the coach before
    b = article(text, {"سيموني انزاجي": "PER", "نادي السد الشيخ محمد بن خليفة آل ثاني": "ORG",
                       "الهلال": "ORG"})
    quotes = find_quotes(b)
    assert speaker(b, quotes[1]) is None and quotes[1].speaker_text.startswith("رئيس نادي السد")


def test_definite_statement_points_back_at_the_statement_named_before():
    text = ("ونفذت العملية في الميناء. وحسب بلاغ للمديرية العامة للأمن الوطني، فقد أسفرت العملية عن توقيف خمسة "
            "أشخاص.\n\nوأضاف البلاغ أن الشحنة كانت موجهة إلى ميناء الجزيرة الخضراء، مشيرا إلى أن المخدرات "
            "كانت مخبأة بعناية.\n\nوتعمل المديرية العامة للأمن الوطني مع الشرطة في مدريد.")
    a = article(text, {"المديرية العامة للأمن الوطني": "ORG", "مدريد": "LOC"})
    quotes = find_quotes(a)
    assert [speaker(a, q) for q in quotes] == ["المديرية العامة للأمن الوطني"] * 2
    # no statement named before: nobody
    b = article(text.replace("وحسب بلاغ للمديرية العامة للأمن الوطني، فقد", "وقد"),
                {"المديرية العامة للأمن الوطني": "ORG"})
    assert [speaker(b, q) for q in find_quotes(b)] == [None, None]


def test_parents_called_on_are_not_part_of_the_subject():
    text = ("أعلنت وزارة الصحة تسجيل إصابات جديدة.\n\nودعت الوزارة أولياء الأمور إلى مراجعة أقرب مركز صحي، "
            "مؤكدة أن المطعوم مجاني لجميع الأطفال المقيمين.")
    a = article(text, {"وزارة الصحة": "ORG"})
    quotes = find_quotes(a)
    assert [q.speaker_text for q in quotes] == ["الوزارة", "الوزارة"]


def test_person_a_body_is_named_after_is_not_its_researcher():
    text = ("في المقابل، يرى الباحث في مركز مالكوم كير-كارنيغي للشرق الأوسط يزيد صايغ أن \"المؤسسة العسكرية "
            "لا تزال تحتفظ بقبضتها على قطاعات واسعة من الاقتصاد\".")
    a = article(text, {"مالكوم كير": "PER"})
    [q] = find_quotes(a)
    assert speaker(a, q) is None


def test_verb_joined_by_wa_after_a_comma_keeps_its_sentences_subject():
    text = ("وأكد المستشار ناصر الحيدر أن الحكم نهائي.\n\nفي المقابل، رحب النائب السابق مهلهل المضف بالحكم، وكتب "
            "عبر حسابه في منصة «إكس»: «اليوم انتصر القضاء الكويتي للمال العام، ولا أحد فوق القانون».")
    a = article(text, {"ناصر الحيدر": "PER"})
    quotes = find_quotes(a)
    assert speaker(a, quotes[-1]) is None and quotes[-1].speaker_text.startswith("النائب السابق")
