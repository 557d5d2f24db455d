"""Mentions and role phrases that name a person (marsad/referents.py)."""
from __future__ import annotations

from marsad.records import Article, Mention
from marsad.referents import find_referents


def art(text: str, *names: tuple[str, str], title: dict[str, str] | None = None) -> Article:
    mentions = []
    for name, typ in names:
        start = text.find(name)
        while start >= 0:
            mentions.append(Mention(start, start + len(name), name, typ, title=(title or {}).get(name)))
            start = text.find(name, start + len(name))
    mentions.sort(key=lambda m: m.start)
    return Article(id="a", source="t", text=text, mentions=mentions)


def test_title_before_name_is_one_referent_and_later_title_resolves():
    text = ("قال الأمين العام لحلف شمال الأطلسي (ناتو) ينس ستولتينبرغ إن الحلف مستعد.\n"
            "وأعرب الأمين العام للحلف عن ارتياحه.")
    a = art(text, ("ينس ستولتينبرغ", "PER"))
    first, second = find_referents(a)
    assert first.mention == second.mention == 0
    assert first.text == "ينس ستولتينبرغ" and text[first.start:].startswith("الأمين العام لحلف")
    assert second.text == "الأمين العام للحلف"


def test_object_marking_by_preposition_and_attached_clitic():
    text = "التقى سالم العلي بالكاظمي ومع رئيس الوزراء"
    a = art(text, ("سالم العلي", "PER"), ("الكاظمي", "PER"), title={"الكاظمي": "رئيس الوزراء"})
    refs = find_referents(a)
    assert [(r.text, r.object) for r in refs] == [("سالم العلي", False), ("الكاظمي", True),
                                                  ("رئيس الوزراء", True)]


def test_conflicting_continuation_and_two_holders_do_not_resolve():
    text = ("وزير الخارجية العراقي فؤاد حسين ووزير الخارجية الإيراني حسين أمير.\n"
            "وقال وزير الخارجية إن اللقاء مثمر، ووزير الخارجية الإيراني غادر.")
    a = art(text, ("فؤاد حسين", "PER"), ("حسين أمير", "PER"))
    refs = find_referents(a)
    resolved = [r for r in refs if r.start > text.index("\n")]
    assert [(r.text, r.mention) for r in resolved] == [("وزير الخارجية الإيراني", 1)]


def test_locations_and_bad_mentions_are_skipped():
    text = "زار الوزير بغداد"
    a = art(text, ("بغداد", "LOC"))
    a.mentions.append(Mention(3, 9, "خطأ", "PER"))
    assert find_referents(a) == []
    assert find_referents(Article(id="a", source="t", text="")) == []


def test_a_common_noun_with_an_adjective_of_origin_names_the_one_person_whose_title_has_it():
    text = ("استقبل الرئيس اللبناني نبيل حداد رئيسة المفوضية الأوروبية كارين ليندستروم، وأكدت المسؤولة "
            "الأوروبية دعم الاتحاد. وقال الضيف الأوروبي إن الزيارة مثمرة، فيما شكر المسؤول اللبناني الوفد.")
    a = art(text, ("نبيل حداد", "PER"), ("كارين ليندستروم", "PER"),
            title={"نبيل حداد": "الرئيس اللبناني", "كارين ليندستروم": "رئيسة المفوضية الأوروبية"})
    later = [(r.text, a.mentions[r.mention].text) for r in find_referents(a) if r.start > text.index("وأكدت")]
    assert later == [("المسؤولة الأوروبية", "كارين ليندستروم"), ("الضيف الأوروبي", "كارين ليندستروم"),
                     ("المسؤول اللبناني", "نبيل حداد")]


def test_a_title_noun_with_an_adjective_of_origin_needs_that_office_and_one_holder():
    names = [("حسام رضوان", "PER"), ("عادل فهمي", "PER"), ("سامح عبده", "PER")]
    titles = {"حسام رضوان": "الرئيس المصري", "عادل فهمي": "وزير الخارجية المصري", "سامح عبده": "وزير الري المصري"}
    one = ("التقى الرئيس المصري حسام رضوان وزير الخارجية المصري عادل فهمي.\n"
           "وقال الوزير المصري إن المحادثات بناءة.")
    a = art(one, *names, title=titles)
    later = [(r.text, a.mentions[r.mention].text) for r in find_referents(a) if r.start > one.index("\n")]
    assert later == [("الوزير المصري", "عادل فهمي")]          # the minister, not the president
    two = one.replace("\n", " وحضر وزير الري المصري سامح عبده.\n")
    a = art(two, *names, title=titles)
    assert [r for r in find_referents(a) if r.start > two.index("\n")] == []    # two Egyptian ministers


def test_a_reference_by_origin_that_goes_on_is_another_title():
    text = ("وصل وزير الخارجية الروسي يوري كاشين إلى تونس.\n"
            "وانتقد الوزير الروسي السابق القرار، فيما رحب الوزير الروسي بالاتفاق.")
    a = art(text, ("يوري كاشين", "PER"), title={"يوري كاشين": "وزير الخارجية الروسي"})
    later = [(r.text, r.start) for r in find_referents(a) if r.start > text.index("\n")]
    assert later == [("الوزير الروسي", text.rindex("الوزير الروسي"))]     # not the former minister


def test_spokesman_for_another_body_is_another_title():
    text = ("وأفاد الناطق الرسمي باسم الوزارة العميد سامي العلي بأن القوات أحبطت الهجوم. "
            "وقال الناطق الرسمي باسم هيئة مكافحة الفساد إن التحقيق بدأ.")
    start = text.find("سامي العلي")
    a = Article(id="a", source="t", text=text,
                mentions=[Mention(start, start + len("سامي العلي"), "سامي العلي", "PER",
                                  title="الناطق الرسمي باسم الوزارة العميد")])
    refs = find_referents(a)
    assert [r.text for r in refs] == ["سامي العلي"]     # the second role phrase names nobody
