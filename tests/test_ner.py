"""Tests for marsad/ner.py on sentences written for these tests in the style of Arab outlets (not taken from
the training corpora)."""
from __future__ import annotations

import unicodedata

import pytest

from marsad import MarsadError, ner
from marsad.records import Mention


def _check_offsets(text: str, mentions: list[Mention]) -> None:
    for m in mentions:
        assert text[m.start:m.end] == m.text
        assert m.type in ner.TYPES
        assert m.text and m.text[0] not in "#_"
        assert unicodedata.category(m.text[-1])[0] not in "PS"   # no trailing punctuation or symbol


def _found(text: str) -> dict[str, str]:
    mentions = ner.find_mentions(text)
    _check_offsets(text, mentions)
    return {m.text: m.type for m in mentions}


def test_model_loads_once_from_the_package():
    tagger = ner.load_tagger()
    assert tagger is ner.load_tagger()
    assert "بغداد" in tagger.lexicons.names          # the shipped names list was read
    assert tagger.lexicons.clusters
    assert set(tagger.crf.labels()) >= {"O", "B-PER", "I-PER", "B-LOC", "B-ORG"}


def test_minister_city_and_organisation():
    text = ("قال وزير الخارجية المصري سامح شكري خلال مؤتمر صحفي في القاهرة إن جامعة الدول العربية "
            "ستعقد اجتماعا طارئا الأسبوع المقبل.")
    found = _found(text)
    assert found.get("سامح شكري") == "PER"
    assert found.get("القاهرة") == "LOC"
    assert found.get("جامعة الدول العربية") == "ORG"


def test_gulf_sentence_person_and_place():
    text = "استقبل الأمير محمد بن سلمان في الرياض أمس رئيس الوزراء الياباني."
    found = _found(text)
    assert found.get("محمد بن سلمان") == "PER"
    assert found.get("الرياض") == "LOC"


def test_conjunction_clitic_stays_outside_the_mention():
    text = "زار الوفد الأردني سوريا والعراق الأسبوع الماضي."
    mentions = ner.find_mentions(text)
    _check_offsets(text, mentions)
    iraq = [m for m in mentions if m.text == "العراق"]
    assert iraq and iraq[0].start == text.index("العراق") and iraq[0].type == "LOC"


def test_clitic_length_rules():
    names = frozenset({"بغداد", "وليد", "فيصل"})
    assert ner.clitic_length("بالكاظمي", names) == 1
    assert ner.clitic_length("وبالعاصمة", names) == 2
    assert ner.clitic_length("والعراق", names) == 1
    assert ner.clitic_length("وبغداد", names) == 1          # a known name after و
    assert ner.clitic_length("بغداد", names) == 0           # ب is the name's own letter
    assert ner.clitic_length("وليد", names) == 0
    assert ner.clitic_length("فيصل", names) == 0
    assert ner.clitic_length("للناتو", names) == 1          # ل + (ا)لناتو
    assert ner.clitic_length("وَالعِراق", names) == 2        # the fatha stays with the clitic


def test_a_name_opening_on_a_clitic_letter_stays_whole_when_news_writes_it_as_another_type_than_the_rest():
    """"بكين" is Beijing (a place) and "كين" a surname; "كابل" is Kabul, "ابل" Apple; "فورد" the company,
    "ورد" no name: the name-type rates keep these whole. "لعدن" and "بمصر" still lose their clitic."""
    rates = {"بكين": ("LOC3",), "كين": ("PER3",), "فورد": ("ORG3", "PER2"), "عدن": ("LOC3",),
             "بريال": ("ORG3",), "ريال": ("MISC2", "ORG2")}
    names = frozenset({"كين", "عدن", "ورد", "ريال"})
    assert ner.clitic_length("بكين", names, rates=rates) == 0
    assert ner.clitic_length("فورد", names, rates=rates) == 0
    assert ner.clitic_length("لعدن", names, rates=rates) == 1
    assert ner.clitic_length("بريال", names, rates=rates) == 1          # ريال is written as a club too
    mentions = ner.find_mentions("وتوجه المبعوث إلى بكين ثم إلى كابل، وقال ممثل شركة فورد إن المصنع "
                                 "سيغلق، فيما عين الرئيس محافظا لعدن.")
    assert {"بكين", "كابل", "فورد", "عدن"} <= {m.text for m in mentions}


def test_two_clitics_are_not_cut_before_a_three_letter_name_when_the_news_knows_the_whole_word():
    names, vocabulary = frozenset({"يام", "علي"}), frozenset({"وليام", "وعلي"})
    assert ner.clitic_length("وليام", names, vocabulary) == 0    # William, not و + ل + "يام"
    assert ner.clitic_length("وعلي", names, vocabulary) == 1     # one clitic: and Ali
    assert ner.clitic_length("وليام", names) == 2                # an unknown whole word still splits
    assert ner.clitic_length("وكميل", frozenset({"ميل"}), frozenset({"وكميل", "كميل"})) == 1   # و + كميل
    mentions = ner.find_mentions("والتقى مدير المخابرات وليام بيرنز برئيس الوزراء في الدوحة.")
    assert "وليام بيرنز" in {m.text for m in mentions if m.type == "PER"}


def test_a_clitic_before_a_head_noun_comes_off_even_when_the_whole_word_is_frequent():
    # "لوكالة" and "بمحافظة" are frequent news words themselves, yet a body's or place's head noun never
    # starts with the preposition: the mention is "وكالة ...", "محافظة ...".
    vocabulary = frozenset({"لوكاله", "وكاله", "بمحافظه", "محافظه", "ووكاله", "وكالة"})
    assert ner.clitic_length("لوكالة", vocabulary=vocabulary) == 1
    assert ner.clitic_length("بمحافظة", vocabulary=vocabulary) == 1
    assert ner.clitic_length("ووكالة", vocabulary=vocabulary) == 1
    assert ner.clitic_length("وبولاية", vocabulary=vocabulary) == 2
    assert ner.clitic_length("وكالة", vocabulary=vocabulary) == 0          # the head noun itself stays whole


def test_lam_before_a_written_hamza_is_the_preposition_even_when_the_whole_word_is_frequent():
    # "لأرامكو" is frequent news vocabulary itself, yet ل before أ/إ is always ل + the word (لأن, لأول)
    vocabulary = frozenset({"لارامكو", "ارامكو", "لاعب"})
    assert ner.clitic_length("لأرامكو", vocabulary=vocabulary) == 1
    assert ner.clitic_length("ولإسرائيل", vocabulary=vocabulary) == 2
    assert ner.clitic_length("لاعب", vocabulary=vocabulary) == 0          # no hamza: ل is the root's
    assert ner.clitic_length("لؤي", vocabulary=vocabulary) == 0           # the name Luay


def test_a_name_that_starts_like_clitic_and_article_stays_whole():
    names = frozenset({"كاليفورنيا", "عراق"})
    vocabulary = {"كاليفورنيا": (), "بالتيمور": (), "العراق": (), "بالعراق": (), "فالنسيا": ()}
    assert ner.clitic_length("كاليفورنيا", names, vocabulary) == 0       # not ك + "اليفورنيا"
    assert ner.clitic_length("بالتيمور", names, vocabulary) == 0
    assert ner.clitic_length("وفالنسيا", names, vocabulary) == 1          # the و still comes off
    assert ner.clitic_length("بالعراق", names, vocabulary) == 1           # both known: a clitic
    assert ner.clitic_length("كالعراق", names, vocabulary) == 1
    assert ner.clitic_length("كالياري", names, vocabulary) == 0           # ك + an unknown remainder
    assert ner.clitic_length("بالكاظمي", names, vocabulary) == 1          # ب + an unknown remainder
    assert ner.clitic_length("كَالِيفورنيا", names, vocabulary) == 0       # with diacritics too


def test_preposition_clitic_and_double_lam(monkeypatch):
    text = "التقى الرئيس بالكاظمي ثم توجه للناتو في بروكسل."
    monkeypatch.setattr(ner.Tagger, "tag", lambda self, words, domain="news": [
        "B-PER" if w == "بالكاظمي" else "B-ORG" if w == "للناتو" else "B-LOC" if w == "بروكسل" else "O"
        for w in words])
    mentions = ner.find_mentions(text)
    _check_offsets(text, mentions)
    by_text = {m.text: m for m in mentions}
    assert "الكاظمي" in by_text and by_text["الكاظمي"].start == text.index("الكاظمي")
    assert "لناتو" in by_text and by_text["لناتو"].name == "الناتو"
    assert "بروكسل" in by_text                              # ب of بروكسل is not a clitic


def test_hashtag_offsets_and_name():
    text = "أكد رئيس الحكومة العراقية #مصطفى_الكاظمي أهمية الشراكة مع #الناتو في العاصمة #بروكسل"
    mentions = ner.find_mentions(text)
    _check_offsets(text, mentions)
    person = [m for m in mentions if m.text == "مصطفى_الكاظمي"]
    assert person, [m.text for m in mentions]
    assert person[0].start == text.index("#مصطفى") + 1
    assert person[0].name == "مصطفى الكاظمي"
    assert person[0].title is None and person[0].entity is None


def test_trailing_punctuation_is_trimmed(monkeypatch):
    text = "وصل الوفد إلى دمشق، صباح اليوم."
    monkeypatch.setattr(ner.Tagger, "tag", lambda self, words, domain="news": [
        "B-LOC" if w == "دمشق" else "I-LOC" if w == "،" else "O" for w in words])
    mentions = ner.find_mentions(text)
    assert [(m.text, m.end) for m in mentions] == [("دمشق", text.index("،"))]


def test_plain_sentence_and_empty_text():
    assert ner.find_mentions("") == []
    assert ner.find_mentions("   \n\t ") == []
    mentions = ner.find_mentions("ارتفعت درجات الحرارة اليوم وسط توقعات بهطول أمطار خفيفة مساء.")
    assert all(m.type in ner.TYPES for m in mentions)


def test_very_long_line_is_tagged_in_chunks():
    sentence = "وقال الرئيس اللبناني ميشال عون في بيروت إن الحكومة ستجتمع غدا "
    text = (sentence * (50_000 // len(sentence) + 1))[:50_000]
    mentions = ner.find_mentions(text)
    _check_offsets(text, mentions)
    assert sum(m.text == "بيروت" for m in mentions) > 100


def test_single_huge_token_does_not_crash():
    text = "ب" * 50_000 + " في عمّان"
    _check_offsets(text, ner.find_mentions(text))


def test_latin_and_arabic_indic_digits_inside_arabic():
    text = "أعلنت شركة Apple في ٢٠٢١ عن افتتاح مكتب في دبي بحضور Tim Cook ومسؤولين من الإمارات."
    found = _found(text)
    assert found.get("دبي") == "LOC"
    assert found.get("الإمارات") == "LOC"


def test_diacritics_keep_words_whole():
    text = "وَصَلَ الرَّئِيسُ إِلَى القاهرةِ."
    words = [w.text for w in ner._words(text)]
    assert "الرَّئِيسُ" in words and "القاهرةِ" in words
    _check_offsets(text, ner.find_mentions(text))


def test_sentences_cut_at_line_breaks_and_length():
    text = "كلمة " * 300 + "\nسطر ثان"
    words = ner._words(text)
    ranges = ner._sentences(text, words)
    assert all(end - start <= ner.MAX_SENTENCE_TOKENS for start, end in ranges)
    assert ranges[-1] == (300, 302)
    assert [w for s, e in ranges for w in range(s, e)] == list(range(len(words)))


def test_a_full_stop_glued_between_letters_ends_no_sentence():
    text = "قال لقناة بي.بي.سي إن د.محمد علي وصل. ثم غادر."
    words = ner._words(text)
    sentences = [" ".join(w.text for w in words[a:b]) for a, b in ner._sentences(text, words)]
    assert sentences == ["قال لقناة بي . بي . سي إن د . محمد علي وصل .", "ثم غادر ."]


def test_spans_from_bio_labels():
    assert ner._spans(["B-PER", "I-PER", "O", "I-LOC", "B-ORG", "I-LOC"]) == [
        (0, 2, "PER"), (3, 4, "LOC"), (4, 5, "ORG"), (5, 6, "LOC")]


def test_missing_model_raises_a_marsad_error(monkeypatch):
    monkeypatch.setattr(ner, "MODEL_FILE", "no-such-model.crfsuite")
    ner.load_tagger.cache_clear()
    try:
        with pytest.raises(MarsadError):
            ner.load_tagger()
    finally:
        monkeypatch.undo()
        ner.load_tagger.cache_clear()
    assert ner.load_tagger()


def test_propagate_names_marks_untagged_recurrences():
    key = ner.load_tagger().match_key
    sentences = [["قال", "المدرب", "حسام", "البدري", "إن", "الفريق", "جاهز"],
                 ["وأضاف", "والبدري", "أن", "البدري", "سعيد"],
                 ["ذهب", "إلى", "دبي"]]
    labels = [["O", "O", "B-PER", "I-PER", "O", "O", "O"],
              ["O", "O", "O", "O", "O"],
              ["O", "O", "O"]]
    out = ner.propagate_names(sentences, labels, key)
    assert out == labels                                    # the two-word name does not recur whole
    labels[1][1] = "B-LOC"
    out = ner.propagate_names(sentences, labels, key)
    assert out[0] == labels[0]                              # tagged words are never relabelled
    assert out[1] == ["O", "B-LOC", "O", "B-LOC", "O"]
    labels[1][1] = "O"
    labels[0][2:4] = ["O", "B-PER"]                         # only "البدري" was tagged
    out = ner.propagate_names(sentences, labels, key)
    assert out[1] == ["O", "B-PER", "O", "B-PER", "O"]      # "والبدري" matches through its clitic


def test_propagate_names_reads_li_plus_article():
    """ل + ال is written لل: "للبنك التجاري" is a recurrence of "البنك التجاري", "للبنان" stays لبنان."""
    key = ner.load_tagger().match_key
    assert key("للبنك") == key("البنك") == key("والبنك")
    assert key("لليمن") == key("اليمن")
    assert key("للبنان") == key("لبنان")
    sentences = [["أدرك", "البنك", "التجاري", "أهمية", "الخطة"],
                 ["وافقت", "الجمعية", "العمومية", "للبنك", "التجاري", "أمس"]]
    labels = [["O", "B-ORG", "I-ORG", "O", "O"], ["O"] * 6]
    out = ner.propagate_names(sentences, labels, key)
    assert out[1] == ["O", "O", "O", "B-ORG", "I-ORG", "O"]


def test_wiki_domain_adds_feature_twins():
    xseq = [["w=a", "b"]]
    assert ner.domain_features(xseq, "news") is xseq
    assert ner.domain_features(xseq, "wiki") == [["w=a", "b", "wiki:w=a", "wiki:b"]]
    with pytest.raises(ValueError):
        ner.domain_features(xseq, "tweets")
    words = ["درس", "العالم", "ألبرت", "أينشتاين", "الفيزياء", "في", "ألمانيا"]
    assert len(ner.load_tagger().tag(words, "wiki")) == len(words)


def test_propagate_names_gives_each_name_its_majority_type():
    key = ner.load_tagger().match_key
    sentences = [["زار", "العراق"], ["في", "العراق"], ["من", "العراق"]]
    labels = [["O", "B-LOC"], ["O", "B-LOC"], ["O", "B-ORG"]]
    assert ner.propagate_names(sentences, labels, key)[2] == ["O", "B-LOC"]


@pytest.mark.parametrize("text", [
    "قال \x00 مسؤول في القاهرة",            # NUL inside the text
    "زار \ud800 الوفد القاهرة",              # a lone surrogate from a broken decoder
    "\u200f\u200e القاهرة \u200c ﻻ ﷺ",      # direction marks, presentation forms
    "الـعـراق و" + "\u0651" * 30,             # tatweel, a run of shadda
])
def test_odd_characters_do_not_crash(text):
    _check_offsets(text, ner.find_mentions(text))


@pytest.mark.parametrize("words, labels, expected", [
    ("الفريق عبد الأمير رشيد يار الله ،", "O B-PER O B-PER I-PER I-PER O", "O B-PER I-PER I-PER I-PER I-PER O"),
    ("قال عبد الله الثاني", "O O B-PER I-PER", "O B-PER I-PER I-PER"),
    ("الأمير محمد بن سلمان اليوم", "O B-PER O B-PER O", "O B-PER I-PER I-PER O"),
    ("الأمير محمد بن سلمان اليوم", "O B-PER O O O", "O B-PER I-PER I-PER O"),
    ("الشيخ محمد بن راشد آل مكتوم", "O B-PER I-PER I-PER I-PER O", "O B-PER I-PER I-PER I-PER I-PER"),
    ("عبد الله بن زايد في", "B-PER B-LOC I-LOC I-LOC O", "B-PER I-PER I-PER I-PER O"),
    ("زار عبد", "O B-PER", "O B-PER"),                              # nothing after it to take
    ("وصل الوفد إلى بغداد", "O O O B-LOC", "O O O B-LOC"),            # other types untouched
    ("ابن خلدون ابن تونس", "O B-PER O B-LOC", "O B-PER O B-LOC"),     # ابن after a name joins only PER
])
def test_name_parts_the_tagger_cut_are_joined(words, labels, expected):
    assert ner.join_name_parts(words.split(), labels.split()) == expected.split()


def test_compound_and_lineage_names_come_out_whole():
    text = "وبحث رئيس الأركان الفريق الركن عبد الأمير رشيد يار الله مع الوفد، واستقبل الأمير محمد بن سلمان في الرياض الضيوف."
    names = [m.text for m in ner.find_mentions(text) if m.type == "PER"]
    assert "عبد الأمير رشيد يار الله" in names and "محمد بن سلمان" in names
    assert not any(n in ("عبد", "رشيد يار الله") for n in names)


def test_name_type_rates_round_trip_into_features():
    from training.name_rates import rates_text
    total = {"رجاء": 60, "نيسان": 400, "الخميس": 900, "نادر": 2}
    typed = {"رجاء": {"PER": 31}, "نيسان": {"ORG": 260, "LOC": 20}, "الخميس": {"MISC": 5}, "نادر": {"PER": 2}}
    text = rates_text(total, typed)
    assert text.splitlines() == ["رجاء\tPER3", "نيسان\tLOC1 ORG3"]   # rare and near-zero forms dropped
    lex = ner.read_lexicons("", "", text)
    assert lex.rates["نيسان"] == ("LOC1", "ORG3")
    own, before2, before, after, after2 = ner._word_features("ورجاء", lex)   # found through its stem
    assert "ty=PER3" in own
    assert "ty-1=PER3" in before and "ty+1=PER3" in after      # as seen by the next and previous word
    assert "ty-2=PER3" in before2 and "ty+2=PER3" in after2
    xseq = ner.sentence_features(["قالت", "رجاء", "الجداوي"], ner.FeatureCache(lex))
    assert "ty-1=PER3" in xseq[2] and "ty+2=PER3" not in xseq[2]
    plain = ner._word_features("ورجاء", ner.read_lexicons("", ""))
    assert not any(f.startswith("ty") for part in plain for f in part)


def test_shipped_lexicons_include_name_type_rates():
    lex = ner.load_lexicons()
    assert len(lex.rates) > 1000
    assert all(r[:-1] in ner.TYPES and r[-1] in "123" for rates in list(lex.rates.values())[:500] for r in rates)


def test_evaluation_scores_the_shipped_decoding():
    """evaluation/ner.py --model must decode exactly as `Tagger.tag` does, or its figures describe another
    tagger: the model file the package ships, read through the evaluation path, gives the same labels."""
    from importlib import resources

    from evaluation.ner import model_tagger
    words = "وقالت الفنانة رغدة الشامي إن فرقة المسرح القومي تزور عمان وبيروت الشهر المقبل .".split()
    with resources.as_file(resources.files("marsad") / "models" / ner.MODEL_FILE) as path:
        via_evaluation = model_tagger(path)
        assert via_evaluation(words) == ner.load_tagger().tag(words)
        assert via_evaluation([]) == []


def test_evaluation_scores_what_marsad_outputs_with_the_entity_repairs():
    """By default evaluation/ner.py scores the tagger plus what marsad does after it; per sentence that is
    name-part joining and the entity stage's repairs: a name right after a person's title is a person with
    its first name (the tagger's labels are a stub here)."""
    from evaluation.ner import as_marsad_outputs
    words = "رحب الأمين العام لمنظمة التعاون الرقمي أوديلفرد شتراومبورغ بالوفد .".split()
    stub = ["O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "B-LOC", "O", "O"]
    assert as_marsad_outputs(words, stub) == \
        ["O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "B-PER", "I-PER", "O", "O"]
    assert as_marsad_outputs([], []) == []
    words = "وقال عبد الأمير رشيد يار الله إن".split()
    assert as_marsad_outputs(words, ["O", "B-PER", "B-PER", "I-PER", "I-PER", "I-PER", "O"]) == \
        ["O", "B-PER", "I-PER", "I-PER", "I-PER", "I-PER", "O"]           # عبد never ends a name


def test_evaluation_scores_bodies_known_by_name_but_not_state_bodies_by_default():
    """A quoted outlet the tagger read as a place and a listed world body it missed are organisations in the
    default scores (the corpora tag them); a state body named by what it is ("الجيش اللبناني") only with
    --institutions, since the corpora write it as plain words."""
    import evaluation.ner as scorer
    words = "وقال لـ « الشرق الأوسط » إن صندوق النقد الدولي والجيش اللبناني اتفقا .".split()
    stub = ["O"] * len(words)
    stub[3:5] = ["B-LOC", "I-LOC"]
    got = scorer.as_marsad_outputs(words, stub)
    assert got[3:5] == ["B-ORG", "I-ORG"] and got[7:10] == ["B-ORG", "I-ORG", "I-ORG"]
    assert got[10:12] == ["O", "O"]
    scorer.INSTITUTIONS = True
    try:
        assert scorer.as_marsad_outputs(words, stub)[10:12] == ["B-ORG", "I-ORG"]
    finally:
        scorer.INSTITUTIONS = False


def test_evaluation_finds_clubs_in_a_match_report_document():
    """Clubs need the whole report to be known as one (three kinds of sport word): the scorer runs
    `sports_clubs` over each document, as marsad does over an article; "فريق اللاعب" names no club."""
    from evaluation.ner import document_outputs
    sentences = ["واصل فريق اتحاد طنجة تحضيراته لمباراة الدوري أمام الرجاء .".split(),
                 "وقال مدرب الفريق إن اللاعبين جاهزون لتسجيل الأهداف في الشوط الأول .".split(),
                 "ويحصل فريق اللاعب الخصم على ركلة جزاء .".split()]
    labels = [["O"] * len(words) for words in sentences]
    got = document_outputs(sentences, labels)
    assert got[0] == ["O", "O", "B-ORG", "I-ORG", "O", "O", "O", "O", "B-ORG", "O"]
    assert got[1] == labels[1] and got[2] == labels[2]


def test_evaluation_scores_the_document_repairs_too():
    """In documents, the scorer also runs the entity stage's whole-article repairs: a surname left untagged
    after a verb, and one typed as a place, are the person the document names in full."""
    from evaluation.ner import document_outputs
    sentences = ["وصل المدرب هورست كوبلينغ إلى المدينة .".split(), "وقال كوبلينغ إن الفريق جاهز .".split(),
                 "وأشاد كوبلينغ باللاعبين في هامبورغ .".split()]
    labels = [["O", "O", "B-PER", "I-PER", "O", "O", "O"], ["O"] * 6,
              ["O", "B-LOC", "O", "O", "B-LOC", "O"]]
    assert document_outputs(sentences, labels) == [
        ["O", "O", "B-PER", "I-PER", "O", "O", "O"], ["O", "B-PER", "O", "O", "O", "O"],
        ["O", "B-PER", "O", "O", "B-LOC", "O"]]


def test_evaluation_reads_document_boundaries(tmp_path):
    from evaluation.ner import read_conll
    path = tmp_path / "t.txt"
    path.write_text("-DOCSTART- O\n\nزار B-PER\nبغداد B-LOC\n-DOCSTART- O\nقال O\n", encoding="utf-8")
    assert read_conll(path) == [(["زار", "بغداد"], ["B-PER", "B-LOC"]), (["قال"], ["O"])]


def test_scored_output_keeps_a_token_whose_name_starts_after_a_clitic():
    """The entity stage starts "وابتسام عبد الله" after its و; the corpora tag the whole token, and so must
    the scorer, or a right name would count as a miss."""
    from evaluation.ner import as_marsad_outputs
    words = "وشاركت الفنانة ليلى سليمان ، وابتسام عبد الله".split()
    labels = ["O", "O", "B-PER", "I-PER", "O", "B-PER", "I-PER", "I-PER"]
    assert as_marsad_outputs(words, labels) == labels


def test_two_bodies_joined_by_waw_are_two_mentions():
    words = "ممثلون عن الاتحاد الأوروبي وجامعة الدول العربية في القاهرة".split()
    labels = ["O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-LOC"]
    assert ner.split_coordinated(words, labels) == \
        ["O", "O", "B-ORG", "I-ORG", "B-ORG", "I-ORG", "I-ORG", "O", "B-LOC"]
    # a place head after و opens a place; a name's own words after و stay inside it
    words = "زار مدينة الرياض ومحافظة جدة".split()
    assert ner.split_coordinated(words, ["O", "B-LOC", "I-LOC", "I-LOC", "I-LOC"]) == \
        ["O", "B-LOC", "I-LOC", "B-LOC", "I-LOC"]
    for name in ("وزارة التجارة والصناعة", "وكالة غوث وتشغيل اللاجئين"):
        words = name.split()
        labels = ["B-ORG"] + ["I-ORG"] * (len(words) - 1)
        assert ner.split_coordinated(words, labels) == labels
    # persons are left to join_name_parts
    assert ner.split_coordinated(["محمد", "ووزير"], ["B-PER", "I-PER"]) == ["B-PER", "I-PER"]


def test_a_word_that_only_looks_like_clitics_and_an_article_stays_whole():
    # وكالة is not و + ك + "الة": the article and one letter is no name
    found = [(m.text, m.type) for m in ner.find_mentions("ذكرت وكالة الأنباء السعودية أن الوفد وصل إلى جدة.")]
    assert found[0][0].startswith("وكالة") and all(not t.startswith("الة") for t, _ in found)
    assert ner.clitic_length("وكالة", frozenset({"اله"}), frozenset({"وكاله", "اله"})) == 0
    assert ner.clitic_length("والعراق") == 1 and ner.clitic_length("بالكاظمي") == 1


def test_a_span_never_ends_on_the_clitic_of_the_quoted_word_after_it():
    # 'لـ"الشرق"': the tagger may run a name on into the ل of the outlet quoted after it
    text = 'وفق ما قاله فهد العتيبي لـ"الشرق".'
    words = [ner._Word("فهد", 12, 15), ner._Word("العتيبي", 16, 23), ner._Word("لـ", 24, 26)]
    mention = ner._mention(text, words, "PER", ner.load_tagger().lexicons)
    assert (mention.text, mention.end) == ("فهد العتيبي", 23)
    assert ner._mention(text, [ner._Word("لـ", 24, 26)], "ORG", ner.load_tagger().lexicons) is None


def test_a_person_keeps_two_letters_that_would_leave_no_name():
    # "فليكس" is no ف + ل + "يكس": three letters no one is named; a conjunction alone still comes off
    lexicons = ner.load_tagger().lexicons
    assert ner._person_letters_kept("فليكس", 2, lexicons) == 0
    assert ner._person_letters_kept("وعلي", 1, lexicons) == 1
    assert ner._person_letters_kept("وكميل", 2, lexicons) == 1


def test_a_lone_letter_is_never_a_mention():
    # the shipped model tags this "س" (an interview's question mark-up) MISC
    text = "س: متى تنتهي مشاريع البنية التحتية الكبرى؟\nج: نتوقع الانتهاء من المشروع بحلول عام 2026."
    assert all(sum(c.isalpha() for c in m.text) >= 2 for m in ner.find_mentions(text))


def test_an_english_sentence_inside_arabic_text_is_no_mention():
    assert ner._latin_prose("The meeting lasted two hours")
    assert not ner._latin_prose("Ursula von der Leyen") and not ner._latin_prose("Joe Biden")
    assert not ner._latin_prose("Elon Musk") and not ner._latin_prose("the New York Times")
    text = "وقال بايدن إن المحادثات كانت مثمرة. The meeting lasted two hours. وغادر الوفد بعد ذلك."
    assert all(not ner._latin_prose(m.text) for m in ner.find_mentions(text))


def test_a_common_word_tagged_once_does_not_spread_to_its_recurrences():
    key = ner.load_tagger().match_key
    sentences = [["في", "المشهد", "الأول", "نرى", "البطل"],
                 ["وقبل", "نهاية", "المشهد", "الأخير", "يظهر", "بركات"],
                 ["ويعود", "بركات", "في", "المشهد", "الثالث"]]
    labels = [["O", "B-LOC", "O", "O", "O"],
              ["O", "O", "O", "O", "O", "B-PER"],
              ["O", "O", "O", "O", "O"]]
    out = ner.propagate_names(sentences, labels, key)
    assert out[0] == labels[0]                              # the tagger's own label stays
    assert out[1] == ["O", "O", "O", "O", "O", "B-PER"]     # "المشهد" (the scene) is no name elsewhere
    assert out[2] == ["O", "B-PER", "O", "O", "O"]          # a name still spreads


def test_a_list_of_places_loses_its_conjunctions():
    text = "هطول أمطار على أجزاء من مناطق مكة المكرمة والباحة وعسير وجازان، وقال وليد إن الطرق مغلقة."
    found = [(m.text, m.type) for m in ner.find_mentions(text) if m.type in ("LOC", "PER")]
    assert ("عسير", "LOC") in found and ("جازان", "LOC") in found
    assert not any(t.startswith("و") and t != "وليد" for t, _ in found)
    assert ("وليد", "PER") in found                          # a name of its own keeps its و


def test_a_first_names_own_first_letter_is_not_cut_as_a_clitic():
    """بسام, كريم, فيدان begin with letters that are also clitics (ب, ك, ف); news writes them whole as names
    far more often than what a cut would leave (سام, ريم, يدان)."""
    mentions = ner.find_mentions("وسجل الهدف الثاني كريم فؤاد بعد تمريرة من بسام الخطيب، وقال فيدان إن بلاده "
                             "ترحب بالفوز.")
    names = {m.text for m in mentions if m.type == "PER"}
    assert {"كريم فؤاد", "بسام الخطيب", "فيدان"} <= names, names
    assert not names & {"ريم فؤاد", "سام الخطيب", "يدان"}
    conjunction = ner.find_mentions("وسجل الأهداف حسين الشحات وكريم فؤاد.")
    assert [m.text for m in conjunction if m.type == "PER"] == ["حسين الشحات", "كريم فؤاد"]


def test_a_hyphenated_first_name_is_one_person():
    names = [m.text for m in ner.find_mentions("وقالت ماري-هيلين بيرنار إن الوضع خطير، وأيدها جان-مارك إيرولت.")
             if m.type == "PER"]
    assert names == ["ماري-هيلين بيرنار", "جان-مارك إيرولت"]
    spaced = [m.text for m in ner.find_mentions("وشارك في التشكيلة عطالله – أسامة هوساوي – تيسير الجاسم.")
              if m.type == "PER"]
    assert not any("–" in name for name in spaced)


def test_a_plus_written_on_an_organisation_belongs_to_its_name():
    text = "وقرر تحالف أوبك+ زيادة الإنتاج في اجتماعه الأخير، بينما رفعت أوبك توقعاتها للطلب."
    got = [(m.text, text[m.start:m.end]) for m in ner.find_mentions(text) if m.type == "ORG"]
    assert ("أوبك+", "أوبك+") in got and ("أوبك", "أوبك") in got


def test_gazetteer_features_mark_listed_towns_and_given_names():
    """The tagger is told which words are towns of places.json (gz=L; gz=Lc for one that is also an ordinary
    word; gz=Lp for a word of a longer place) or given names of person_names.json (gz=G), and so are its
    neighbours; an ordinary word gets none."""
    lexicons = ner.load_lexicons()
    own, _, before, after, _ = ner._word_features("وهران", lexicons)
    assert "gz=L" in own and "gz-1=L" in before and "gz+1=L" in after
    assert "gz=Lc" in ner._word_features("معان", lexicons)[0]
    assert "gz=Lp" in ner._word_features("زويد", lexicons)[0]
    assert "gz=G" in ner._word_features("محمد", lexicons)[0]
    assert not any(f.startswith("gz") for f in ner._word_features("الاقتصاد", lexicons)[0])
