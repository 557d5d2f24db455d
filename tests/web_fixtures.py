"""A small store built from hand-made records, for the search, API, web and browser tests.

Five short articles in the manner of Egyptian, Gulf, Levantine, Iraqi and Maghrebi outlets (written for these
tests), two stories, entities merged across spellings, quotes, events, and one article whose title, text and
an entity name carry HTML/JS payloads. Offsets are computed from the text, so they always hold.
"""
from __future__ import annotations

from pathlib import Path

from marsad.records import Article, Entity, Event, Mention, Quote, Removed, Story, SummarySentence
from marsad.store import Store

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = '"><img src=x onerror=alert(1)>'

TEXTS = {
    "a-eg0000000001": (
        "youm7", "2021-07-01T10:43", "الأمين العام لحلف الناتو يزور بغداد",
        "وصل الأمين العام لحلف شمال الأطلسى ينس ستولتينبرغ إلى بغداد اليوم الخميس.\n"
        "وقال ستولتينبرغ: «نعمل على تعزيز شراكتنا مع العراق ولن نسمح بعودة الإرهاب».\n"
        "والتقى رئيس الوزراء مصطفى الكاظمي في بغداد لبحث مهمة الناتو."),
    "a-gulf00000002": (
        "alriyadh", "2021-07-01T14:05", "ستولينبيرج: بعثة الحلف في العراق ستتوسع",
        "أكد يانس ستولينبيرج أن بعثة الحلف للتدريب في العراق ستتوسع خلال الأشهر المقبلة.\n"
        "وأضاف ستولينبيرج أن الحلف يدعم الحكومة العراقية، وكان قد التقى الكاظمي في بغداد."),
    "a-lev00000003": (
        "annahar", "2021-07-02", "الكاظمي يستقبل وفدا من الناتو",
        "استقبل رئيس الحكومة العراقية مصطفى الكاظمي في بغداد وفدا من حلف الناتو.\n"
        "وقال الكاظمي إن بلاده «ترحب بكل دعم» لقواتها."),
    "a-iq000000004": (
        "alsumaria", "2021-06-15", "أمطار غزيرة في البصرة",
        "شهدت محافظة البصرة أمطارا غزيرة يوم الثلاثاء، وقالت مديرية الدفاع المدني إن فرقها تعمل بلا توقف."),
    "a-xss00000005": (
        "hespress", "2021-07-03", f"عنوان {XSS_SCRIPT} مريب",
        f"نص فيه {XSS_SCRIPT} وأيضا {XSS_IMG} ثم ذكر المغرب وعاصمته الرباط."),
}


def _at(text: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def _mention(text, needle, type_, entity, occurrence=0, title=None) -> Mention:
    s, e = _at(text, needle, occurrence)
    return Mention(s, e, needle, type_, title=title, entity=entity)


def build_articles() -> list[Article]:
    arts = {}
    for aid, (outlet, published, title, text) in TEXTS.items():
        arts[aid] = Article(id=aid, source=f"{outlet}/{aid}.txt", text=text, url=f"https://{outlet}.example/{aid}",
                            outlet=outlet, title=title, published=published, language="ar")
    eg = arts["a-eg0000000001"]
    eg.removed = [Removed("اضف تعليقا واقرأ تعليقات القراء", "comment prompt"), Removed(XSS_IMG, "share prompt")]
    eg.mentions = [
        _mention(eg.text, "حلف شمال الأطلسى", "ORG", "e-nato"),
        _mention(eg.text, "ينس ستولتينبرغ", "PER", "e-stolt", title="الأمين العام لحلف شمال الأطلسى"),
        _mention(eg.text, "بغداد", "LOC", "e-baghdad"),
        _mention(eg.text, "ستولتينبرغ", "PER", "e-stolt", occurrence=1),
        _mention(eg.text, "العراق", "LOC", "e-iraq"),
        _mention(eg.text, "مصطفى الكاظمي", "PER", "e-kadhimi", title="رئيس الوزراء"),
        _mention(eg.text, "بغداد", "LOC", "e-baghdad", occurrence=1),
        _mention(eg.text, "الناتو", "ORG", "e-nato"),
    ]
    qs, qe = _at(eg.text, "نعمل على تعزيز شراكتنا مع العراق ولن نسمح بعودة الإرهاب")
    eg.quotes = [Quote("q-eg1", eg.id, "direct", eg.text[qs:qe], qs, qe, verb="قال", speaker_text="ستولتينبرغ",
                       speaker_mention=3, speaker="e-stolt")]
    s1, e1 = 0, eg.text.index("\n")
    eg.events = [Event("v-eg1", eg.id, "visit", eg.text[s1:e1], s1, e1, date="2021-07-01", date_text="اليوم الخميس",
                       trigger="وصل", place="e-baghdad", participants=["e-stolt"])]
    eg.story = "s-natoiraq001"

    gulf = arts["a-gulf00000002"]
    gulf.mentions = [
        _mention(gulf.text, "يانس ستولينبيرج", "PER", "e-stolt"),
        _mention(gulf.text, "العراق", "LOC", "e-iraq"),
        _mention(gulf.text, "ستولينبيرج", "PER", "e-stolt", occurrence=1),
        _mention(gulf.text, "الكاظمي", "PER", "e-kadhimi"),
        _mention(gulf.text, "بغداد", "LOC", "e-baghdad"),
    ]
    qs, qe = _at(gulf.text, "بعثة الحلف للتدريب في العراق ستتوسع خلال الأشهر المقبلة")
    gulf.quotes = [Quote("q-gulf1", gulf.id, "reported", gulf.text[qs:qe], qs, qe, verb="أكد",
                         speaker_text="يانس ستولينبيرج", speaker_mention=0, speaker="e-stolt")]
    s2 = gulf.text.index("\n") + 1
    gulf.events = [Event("v-gulf1", gulf.id, "meeting", gulf.text[s2:], s2, len(gulf.text), date="2021-07-01",
                         trigger="التقى", place="e-baghdad", participants=["e-stolt", "e-kadhimi"],
                         same_as=None)]
    gulf.story = "s-natoiraq001"

    lev = arts["a-lev00000003"]
    lev.mentions = [
        _mention(lev.text, "مصطفى الكاظمي", "PER", "e-kadhimi", title="رئيس الحكومة العراقية"),
        _mention(lev.text, "بغداد", "LOC", "e-baghdad"),
        _mention(lev.text, "حلف الناتو", "ORG", "e-nato"),
        _mention(lev.text, "الكاظمي", "PER", "e-kadhimi", occurrence=1),
    ]
    qs, qe = _at(lev.text, "ترحب بكل دعم")
    lev.quotes = [Quote("q-lev1", lev.id, "direct", lev.text[qs:qe], qs, qe, verb="قال", speaker_text="الكاظمي",
                        speaker_mention=3, speaker="e-kadhimi")]
    lev.story = "s-natoiraq001"

    iq = arts["a-iq000000004"]
    iq.mentions = [_mention(iq.text, "البصرة", "LOC", "e-basra")]
    iq.story = "s-basrarain01"

    xss = arts["a-xss00000005"]
    xss.mentions = [_mention(xss.text, "المغرب", "LOC", "e-xss"), _mention(xss.text, "الرباط", "LOC", None)]
    return list(arts.values())


ENTITIES = [
    Entity("e-stolt", "PER", "ينس ستولتينبرغ", aliases=["ستولتينبرغ", "يانس ستولينبيرج", "ستولينبيرج"],
           titles=["الأمين العام لحلف شمال الأطلسي"]),
    Entity("e-kadhimi", "PER", "مصطفى الكاظمي", aliases=["الكاظمي"], titles=["رئيس الوزراء العراقي"]),
    Entity("e-nato", "ORG", "حلف شمال الأطلسي", aliases=["الناتو", "حلف الناتو", "حلف شمال الأطلسى"]),
    Entity("e-baghdad", "LOC", "بغداد"),
    Entity("e-iraq", "LOC", "العراق"),
    Entity("e-basra", "LOC", "البصرة"),
    Entity("e-xss", "LOC", f"المغرب {XSS_IMG}", aliases=[XSS_SCRIPT]),
]


def build_stories(articles: list[Article]) -> list[Story]:
    eg = next(a for a in articles if a.id == "a-eg0000000001")
    gulf = next(a for a in articles if a.id == "a-gulf00000002")
    s1 = eg.text[:eg.text.index("\n")]
    s2 = gulf.text[:gulf.text.index("\n")]
    return [
        Story("s-natoiraq001", "الناتو يعزز شراكته مع العراق",
              ["a-eg0000000001", "a-gulf00000002", "a-lev00000003"], first="2021-07-01", last="2021-07-02",
              outlets=["youm7", "alriyadh", "annahar"], entities=["e-stolt", "e-kadhimi", "e-nato", "e-baghdad"],
              summary=[SummarySentence(s1, eg.id, 0, len(s1)), SummarySentence(s2, gulf.id, 0, len(s2))]),
        Story("s-basrarain01", "أمطار البصرة", ["a-iq000000004"], first="2021-06-15", last="2021-06-15",
              outlets=["alsumaria"], entities=["e-basra"]),
    ]


def build_store(path: str | Path, *, corpus_stages: bool = True) -> Path:
    """Write the fixture store at `path`. Without `corpus_stages` only the articles are saved (no entities,
    stories, quotes' speakers resolved by later stages), as after the per-article stages alone."""
    path = Path(path)
    articles = build_articles()
    if not corpus_stages:
        for a in articles:
            a.story = None
            a.quotes, a.events = [], []
            for m in a.mentions:
                m.entity = None
    with Store(path) as store:
        store.save_articles(articles)
        if corpus_stages:
            with store.transaction():
                counts = {}
                for a in articles:
                    for m in a.mentions:
                        if m.entity:
                            counts[m.entity] = counts.get(m.entity, 0) + 1
                store.replace_entities(ENTITIES, [], counts)
                store.replace_stories(build_stories(articles))
    return path
