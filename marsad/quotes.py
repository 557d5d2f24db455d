"""Quotations and who said them.

Two kinds, as the export contract defines them:

- direct: the words between quotation marks (« », “ ”, " ", „ “, ″ ″), or after a reporting verb and a colon
  ("قال ستولينبيرج: لقد أجريت ...") up to the end of the paragraph, or an interview's answer paragraph
  ("ج: ..." after a "س: ..." question), the words of the person the lead quoted or named;
- reported: the clause after إن/أن (or after the preposition some verbs take: شدد على، أعرب عن، أشار إلى)
  up to the end of the sentence, or up to the next attribution in it ("، مؤكداً أن ...", "، وعبر عن",
  "، ويورد على سبيل الظرف قائلا"), or up to the source the article adds at its end ("، حسب وكالة ...").
  Quoted words inside the clause are part of it ("وقال الدماطي إن العثور على ... «قد يعد دليلا ...»" is one
  reported quotation). A first-person clause (قال إنني، وأضاف إننا) is one when its verb has a speaker of its
  own, not the writer's own first person (أعترف للقارئ أنني). Not speech: a present verb describing
  something after a relative pronoun and a thing or after ما ("الأمر الذي يشير إلى", "وهو ما يؤكد أن"), and
  a verb form right after a preposition, its verbal noun ("ردا على وصف لغته").

A colon quote ends at the paragraph end or where the narration takes over: a sentence opening with a new
attribution, a participle (". منوهاً بأن") or a narration opener (". جاء ذلك في كلمته", ". بعد ذلك ألقى"),
or a participle or a verb with و/ف and its clause after a comma ("؛ مشيراً إلى أن", "، ويؤكد أن"); one that
opens with "(" ends at its closing parenthesis (outlets that quote in parentheses).

Which quoted words are quotations. Arabic news puts quote marks around names and terms as often as around
speech ("الناتو", “الكاظمي”, "بعثة غير قتالية"). A quoted span is a quotation when it has at least
MIN_ATTRIBUTED_WORDS words and an attribution: a reporting verb or "بحسب/وفق ..." shortly before its opening
mark (at most LEAD_WORDS words back, same sentence), or one right after its closing mark
(«...»، قال “الكاظمي”). Without attribution it needs MIN_UNATTRIBUTED_WORDS words: eight quoted words are
speech far more often than a name or a slogan. A quoted span that is exactly a mention, or a short one
followed by a colon (وتابع “الكاظمي”: «...»), is a name, and so is one after a title word (تحت عنوان «...»,
حملة "...") unless that word is definite and closes a speech verb's lead-in with a colon ("وقال X في كلمة
خلال المؤتمر: «...»"), or one after a bare ambiguous verb form without a colon (عبر "مؤسسة ..." = via). A
word quoted by itself ('وقالت "آفاد"') is never a verb; a colon quote with no Arabic letter (a photo credit)
is none. Quote marks pair within a paragraph; a « » quote
may run over several paragraphs when its closing mark comes before the next opening one, and a paragraph that
reopens the same mark continues the quote (the English convention some outlets follow).

Speakers. The name next to the verb, after it ("قال الكاظمي إن") or, in a sentence that starts with it,
before it ("أمّا ستولتينبرغ، فأعرب عن"); a role phrase that names one person in the article (see
marsad.referents); a statement of an office ("بيان لمكتب الكاظمي" -> الكاظمي, "بيان لمكتبه" -> the person
being discussed, "بيان رئاسي" -> the person titled رئيس الجمهورية, "وفق البيان" -> the last statement's
author; "وقالت الوزارة في بيان" makes الوزارة that author); "وكان X ... قد أعلن" -> X; a role phrase as the
subject is a person, never the body or place named inside it ("مؤذن مسجد الهداية"), and a bare role
("ولفت المتحدث") is the one person the article named with those role words; a verb with no subject (وأضاف،
وأشار إلى أن) or a participle (مُردفاً، مؤكداً) -> the person the discourse is about: the last speaker, or the
first agent named in the latest sentence (a "وقال" joined to an earlier verb shares its role subject: "ندد
الرئيس التركي ... وقال"), never an anonymous source the verb cannot agree with ("وأكدت المصادر ... وأضاف"
goes on with the person named before); "وكان X ... قد تحدث قائلا" -> X; "بكلمة من X ... قال فيها" -> X;
"، إذ/حيث قال" -> the person the sentence opens with, past a body inside the role phrase ("المدير الفني
للأهلي، الإسباني X"); "أما X فقال" -> X (not "أما عن ..."); "فالرجل قالها" -> the one person the sentence
before names; "من جانبها، أكدت إدارة النادي ...، قائلة" -> إدارة النادي; "وفي بند الأسئلة، رد وزير الإسكان على سؤال
النائبة X، موضحاً" -> the minister (the subject ends at the preposition its verb takes), never X; a role phrase is
also the person the article said chairs or leads its body ("محكمة ... برئاسة المستشار X" -> رئيس المحكمة); a
subject phrase ending on a title keeps the untagged name after it ("وزيرة النقل الدكتورة وسام التهتموني").
"بحسب ROLE، NAME، فإن ..." -> NAME. A quotation opening the article is attributed by the sentence after it
when that sentence points back at it ("«...». بهذه الكلمات علق X"); "ردّ X على ... بالقول: «...»" -> X; "وأضاف
البلاغ" with no statement quoted before -> the body the last "بلاغ لـ..."/"بيان لـ..." named; a role phrase
written before a name that "بحضور" brings in is not that person's; a body named after a person ("مركز مالكوم
كير") gives no speaker; "...، وكتب/وقال" -> the subject of the verb the sentence opened with. In an interview, a paragraph opening on a question marker (■ ●) or س:, or
ending on ؟, is the interviewer's: no quotation in it is the interviewee's. A platform ("على منصته «...»"), an
outlet told ("تحدثت لـ\"X\"") and the outlet credited in a dateline ("(CNN)--") are never speakers;
"بحسب مصادر ..." is the unnamed sources.
An anonymous or unknown subject ("وقالت مصادر", "وقالت المسؤولة الأوروبية"), a relative ("عائلة الفنان X",
not X) or a spokesman without the article ("متحدثة باسم دار X", not X) gives speaker None with its words kept
in speaker_text: a missing speaker is better than a wrong one.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.lexicon import (
    PhraseTable,
    Token,
    canonical,
    conjunction_variants,
    exact_set,
    in_set,
    is_word,
    load_data,
    normal,
    positions,
    tokenized,
    word_set,
    word_variants,
)
from marsad.records import Article, Quote, content_id
from marsad.referents import Referent, referents_of

MIN_ATTRIBUTED_WORDS = 3       # "بعثة غير قتالية" after a verb is a quote; “الناتو” never is
MIN_UNATTRIBUTED_WORDS = 8
MIN_CLAUSE_WORDS = 3           # a reported clause shorter than this is a fragment, not a statement
MIN_COLON_WORDS = 2
LABEL_WORDS = 4                # quoted words followed by ":" and at most this long are a speaker label
LEAD_WORDS = 14                # reporting verb to opening mark: "وأكد رئيس الجمهورية، بحسب البيان، «"
COLON_LEAD_WORDS = 24          # the same when a colon comes right before the mark
CONNECTOR_WORDS = 20           # reporting verb to إن/أن: "وقالت وزارة الدفاع في بيان، إن"
PREPOSITION_WORDS = 6          # reporting verb to على/عن/إلى: "أعرب الأمين العام لحلف شمال الأطلسي عن"
AMBIGUOUS_WORDS = 4            # بين، عبر، تابع، جاء are verbs only when the connector follows closely
COLON_WORDS = 10
NAME_BEFORE_COLON_WORDS = 2
OPENING_WORDS = 3              # a sentence whose first words hold a reporting verb or a colon is a new attribution
TRAILER_WORDS = 6              # «...»، قال “الكاظمي” مُختتماً
SOURCE_WORDS = 8               # "بيان صادر عن مكتب رئيس الوزراء"
SUBJECT_PHRASE_WORDS = 3       # speaker_text kept for an unresolved subject ("المسؤولة الأوروبية")
FOCUS_SENTENCES = 2            # "he" refers to someone named at most this many sentences back
SUBJECT_START_WORDS = 6        # a sentence names its agent in its first words; a name deeper in is an object
EXPLAINED_SUBJECT_WORDS = 8    # "في المقابل، أبدى المدير الفني للأهلي، الإسباني X، تحفظه ...، إذ قال": an opener and a role
TOPIC_WORDS = 8                # "أما القارئ \"النسيم\" فعلق قائلاً": أما at most this many tokens before
TOPIC_PHRASE_TOKENS = 16       # "أما مسؤولة السياسة الخارجية في الاتحاد الأوروبي كايا كالاس، فقالت": a verb with ف
ROLE_BEFORE_WORDS = 12         # "المتحدث الرسمي لهيئة الهلال الأحمر السعودي بمنطقة المدينة المنورة خالد السهلي"
ROLE_AFTER_WORDS = 4           # "كريس فيليرز المتحدث باسم بوينغ"
KANA_WORDS = 16                # "وكان فاجيت اليكبيروف رئيس شركة \"لوكويل\" العملاقة للنفط قد أعلن"
RELATIVE_WORDS = 6             # a person named at most this many words before الذي قال is its antecedent
PARTICIPLE_PHRASE_WORDS = 4    # "، ويورد على سبيل الظرف قائلا": the phrase a participle closes
SUBJECT_BEFORE_WORDS = 4       # "مصادر مقربة من النادي تؤكد أن": a subject opening the sentence
MAX_QUOTE_PARAGRAPHS = 6
NAME_QUOTE_WORDS = 5           # quoted words this short after ل or before إن/أن name the one told or telling
NESTED_CHARS = 60              # a name quoted inside a straight quote: “... منصة "دليل رمضان" ...”
MAX_QUOTE_CHARS = 8000

_CLITIC_LETTERS = frozenset("وفبلك")
_FAMILY = {"«": "«", "»": "«", "“": "“", "”": "“", "„": "“", '"': '"', "″": '"'}
_OPENERS = frozenset("«“”„\"″")
_MARKS = re.compile("[«»“”„\"″\n]")
_SENTENCE_PUNCT = frozenset(".!?؟…")


def _ends_sentence(tokens: list[Token], k: int) -> bool:
    """Token k is a sentence's end mark, not the period of an initial or a title ("د. سالم", "أ.د")."""
    if tokens[k].text not in _SENTENCE_PUNCT:
        return False
    return not (tokens[k].text == "." and k > 0 and len(tokens[k - 1].text) == 1 and is_word(tokens[k - 1])
                and tokens[k - 1].end == tokens[k].start)
_CLAUSE_TRIM = " \t\r\n،,.:;؛-–—"
_COMMA = frozenset("،,")
_AROUND_NAME = frozenset("«»“”„\"″#_()")
_RELATIVES = frozenset({"الذي", "والذي", "التي", "والتي", "الذين", "والذين"})
_NEXT_SPEAKER = frozenset({"كما", "فيما", "بينما", "حيث", "اذ"})   # "..., كما أوضح فلان أن": a new attribution
_TURN_PUNCT = frozenset("،,؛;")
_ISSUED_BY = frozenset({"صادر", "صادره", "عن", "من"})
_CLITIC_ONLY = re.compile("[وفبلك]")
_OFFICE_HEADS = word_set(("مكتب", "ديوان"))   # a person's office speaks for them ("مكتب الرئيس الفرنسي X")
# a person named after these comes with someone named before them: the role before them is the other's
_IN_PRESENCE_OF = frozenset(normal(w) for w in ("بحضور", "وبحضور", "بمشاركة", "وبمشاركة", "برفقة", "وبرفقة",
                                                "يرافقه", "ويرافقه", "يرافقها", "ويرافقها"))
_KANA = frozenset({"كان", "كانت", "وكان", "وكانت", "فكان", "فكانت", "كانوا", "وكانوا"})
def _quoted_word(tokens: list[Token], i: int) -> bool:
    """Token i is a word quoted by itself ('وقالت "آفاد" في بيان'): a name, never a verb."""
    return (0 < i < len(tokens) - 1 and tokens[i - 1].text in _OPENERS and tokens[i + 1].text in _OPENERS
            and tokens[i - 1].end == tokens[i].start and tokens[i].end == tokens[i + 1].start)


def _verbal_noun(tokens: list[Token], i: int, verb: "_Verb", lex: "_Lexicon",
                 named: list[tuple[int, int]]) -> bool:
    """A finite verb form written bare right after a preposition is its verbal noun ("ردا على وصف لغته",
    "في وصف جدة"); "عليّ قائلا" (a participle), "إليّ وقال" (a new verb with و), "في قوله تعالى" (a
    verbal noun that names its speaker) and a verb after the name علي ("والمخرج محمد علي قالت") stay."""
    if i == 0 or verb.participle or verb.subject_before or normal(tokens[i].text) not in lex.verb_forms:
        return False
    prev = tokens[i - 1]
    if normal(prev.text) not in _GOVERNING:
        return False
    k = bisect.bisect_right(named, (prev.start, len(tokens) + 1)) - 1
    return not (k >= 0 and named[k][0] <= prev.start < named[k][1])


_LIST_WORDS = frozenset(normal(w) for w in ("منها", "ومنها", "هي", "وهي", "هما", "وهما", "التالي", "التالية",
                                             "الآتي", "الآتية", "كالتالي", "كالآتي", "أبرزها", "أهمها"))
_GOVERNING = frozenset(normal(w) for w in ("على", "في", "فى", "عن", "إلى", "الى", "حول", "خلال", "لدى", "مع",
                                           "دون", "بدون", "نحو"))
_NEGATIONS = frozenset({"لم", "ولم", "فلم", "لا", "ولا", "فلا", "لن", "ولن"})   # "، ولم يستبعد أن"



@dataclass(frozen=True)
class _Verb:
    participle: bool = False
    prepositions: frozenset[str] = frozenset()
    direct_only: bool = False
    ambiguous: bool = False
    subject_before: bool = False
    impersonal: bool = False
    source_after: bool = False      # نقل: the words are those of whom it names after عن, not its subject's


@dataclass(frozen=True)
class _Lexicon:
    verbs: PhraseTable[_Verb]
    verb_forms: frozenset[str]            # exact normalised forms, to tell "قال" from "وقال"
    connectors: frozenset[str]
    first_person: frozenset[str]          # إنني، إننا: connectors only after a verb with a speaker of its own
    writer_forms: frozenset[str]          # أعترف، أكدتُ: also the writer's own first person
    blockers: frozenset[str]
    fillers: frozenset[str]
    anonymous: frozenset[str]
    statements: frozenset[str]
    receivers: frozenset[str]
    title_markers: frozenset[str]
    possessives: PhraseTable[bool]
    offices: PhraseTable[tuple[str, ...]]
    according: frozenset[str]
    according_exact: frozenset[str]       # the same as written, without و/ف ("ووفق" is no source)
    epithets: frozenset[str]
    epithets_words: frozenset[str]        # the same as a word_set, for in_set
    role_heads: frozenset[str]
    namesake_titles: frozenset[str]
    name_of_words: frozenset[str]
    statement_adjectives: frozenset[str]
    narration: PhraseTable[bool]          # "جاء ذلك", "بعد ذلك" opening a sentence: the narration again
    kin_heads: frozenset[str]             # "عائلة الفنان X": the relative speaks, not X
    kin_possessed: frozenset[str]         # "قالت ابنته الروائية X": his daughter speaks, named or not
    body_heads: frozenset[str]            # "كما نعاه اتحاد الكتاب، معتبرا": the body opening the sentence
    speech_nouns: frozenset[str]          # "بكلمة من X ... قال فيها": said in X's speech
    addressees: frozenset[str]            # "دعت الوزارة المواطنين": whom the words are for, not who spoke


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = load_data("reporting_verbs.json")
    phrases = []
    forms = set()
    for entry in data.get("verbs", []):
        verb = _Verb(
            participle=bool(entry.get("participle")),
            prepositions=frozenset(canonical(p) for p in entry.get("prepositions", [])),
            direct_only=bool(entry.get("direct_only")),
            ambiguous=bool(entry.get("ambiguous")),
            subject_before=bool(entry.get("subject_before")),
            impersonal=bool(entry.get("impersonal")),
            source_after=bool(entry.get("source_after")),
        )
        for form in entry.get("forms", []):
            phrases.append((form, verb))
            forms.add(normal(form))
    return _Lexicon(
        verbs=PhraseTable(phrases, conjunction_variants),
        verb_forms=frozenset(forms),
        connectors=exact_set(data.get("connectors", []) + data.get("first_person_connectors", [])),
        first_person=exact_set(data.get("first_person_connectors", [])),
        writer_forms=exact_set(data.get("writer_forms", [])),
        blockers=word_set(data.get("not_speech_before_connector", [])),
        fillers=word_set(data.get("fillers", [])),
        anonymous=word_set(data.get("anonymous_sources", [])),
        statements=word_set(data.get("statement_nouns", [])),
        receivers=word_set(data.get("statement_receivers", [])),
        title_markers=word_set(data.get("title_markers", [])),
        possessives=PhraseTable((p, True) for p in data.get("office_possessives", [])),
        offices=PhraseTable((k, tuple(v)) for k, v in data.get("office_adjectives", {}).items()),
        according=word_set(data.get("according_to", [])),
        according_exact=exact_set(data.get("according_to", [])),
        epithets=frozenset(normal(w) for w in data.get("epithets", [])),
        epithets_words=word_set(data.get("epithets", [])),
        role_heads=word_set(data.get("role_heads", [])),
        namesake_titles=frozenset(normal(w) for w in data.get("namesake_titles", [])),
        name_of_words=frozenset(normal(w) for w in data.get("name_of_words", [])),
        statement_adjectives=word_set(data.get("statement_adjectives", [])),
        narration=PhraseTable(((p, True) for p in data.get("narration_openers", [])), conjunction_variants),
        kin_heads=word_set(data.get("kin_heads", [])),
        kin_possessed=exact_set(data.get("kin_possessed", [])),
        body_heads=word_set(data.get("body_heads", [])),
        speech_nouns=word_set(data.get("speech_nouns", []) + data.get("statement_nouns", [])),
        addressees=frozenset(normal(w) for w in data.get("addressees", [])),
    )


# ---------------------------------------------------------------------------------------------------------
# Quote marks


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Outermost quoted spans as (opening mark index, closing mark index); nested pairs are inside them.

    « » nest and may cross paragraphs (see module docstring); “ ” and " " pair within a paragraph, a mark of
    the family closing the innermost open one (writers mix “ and ” either way round in right-to-left text).
    A straight quote that can only be closing (letter before, space after) and has nothing to close is
    dropped rather than opening a quote that would swallow the paragraph.
    """
    spans: list[tuple[int, int]] = []
    stack: list[list] = []                  # [family, position, paragraphs crossed]
    skip: set[int] = set()
    closers = [m.start() for m in re.finditer("»", text)]
    openers = [m.start() for m in re.finditer("«", text)]
    straight = [m.start() for m in re.finditer('"', text)]
    for m in _MARKS.finditer(text):
        pos, ch = m.start(), m.group()
        if pos in skip:
            continue
        if ch == "\n":
            if stack and (pos == 0 or text[pos - 1] != "\n"):
                stack = _carry_over(text, pos, stack, skip, closers, openers)
            continue
        family = _FAMILY[ch]
        if ch in "«„":
            stack.append([family, pos, 0])
            continue
        k = _innermost(stack, family)
        if k is not None and ch == '"':
            inner_close = _nested_name(text, pos, straight)
            if inner_close is not None:         # "نتمنى أن توفر منصة "دليل رمضان" المساعدة"
                skip.add(inner_close)
                continue
        if k is not None and ch != "„":
            spans.append((stack[k][1], pos))
            del stack[k:]
        elif ch == "»" or (family == '"' and _only_closing(text, pos)):
            continue
        else:
            stack.append([family, pos, 0])
    spans.sort()
    outer: list[tuple[int, int]] = []
    for span in spans:
        if not outer or span[0] > outer[-1][1]:
            outer.append(span)
    return outer


def _innermost(stack: list[list], family: str) -> int | None:
    for k in range(len(stack) - 1, -1, -1):
        if stack[k][0] == family:
            return k
    return None


def _nested_name(text: str, pos: int, straight: list[int]) -> int | None:
    """The closing mark of a short name quoted inside an open straight quote, or None. The mark at `pos` must
    be opening-shaped (space before, or a clitic letter written on the name: و"لوكويل"; letter after), the
    next one close by (NESTED_CHARS) and closing-shaped, and the one after it -- the outer quote's end -- in the same sentence; anything less keeps the plain
    pairing, so one stray mark cannot shift every pair of a long line."""
    before = text[pos - 1] if pos else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    if before in _CLITIC_LETTERS and (pos < 2 or text[pos - 2].isspace()):
        before = " "                            # و"لوكويل", ب"الناتو"
    if not before.isspace() or not after.isalpha():
        return None
    k = bisect.bisect_right(straight, pos)
    if k + 1 >= len(straight):
        return None
    close, outer = straight[k], straight[k + 1]
    if close - pos > NESTED_CHARS or text[close - 1].isspace() or "\n" in text[pos:outer]:
        return None
    if any(c in _SENTENCE_PUNCT for c in text[close:outer]):
        return None
    return close


def _only_closing(text: str, pos: int) -> bool:
    before = text[pos - 1] if pos else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or after in "،,.:;؛!?؟)")


def _carry_over(text: str, pos: int, stack: list[list], skip: set[int], closers: list[int],
                openers: list[int]) -> list[list]:
    """Which open quotes survive a paragraph break (see `quote_spans`)."""
    nxt = pos
    while nxt < len(text) and text[nxt].isspace():
        nxt += 1
    first = text[nxt] if nxt < len(text) else ""
    kept: list[list] = []
    reopened = False
    for item in stack:
        family, start, crossed = item
        if crossed + 1 > MAX_QUOTE_PARAGRAPHS:
            continue
        if first and _FAMILY.get(first) == family and first != "»" and not reopened:
            skip.add(nxt)
            reopened = True
            kept.append([family, start, crossed + 1])
            continue
        if family == "«":
            c = bisect.bisect_right(closers, pos)
            o = bisect.bisect_right(openers, pos)
            close = closers[c] if c < len(closers) else None
            nxt_open = openers[o] if o < len(openers) else None
            if close is not None and close - start <= MAX_QUOTE_CHARS and (nxt_open is None or close < nxt_open):
                kept.append([family, start, crossed + 1])
    return kept


# ---------------------------------------------------------------------------------------------------------
# The article as tokens, sentences and referents


class _Text:
    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text
        read = tokenized(self.text)
        self.tokens: list[Token] = read.tokens
        tokens = self.tokens
        self.starts = read.starts
        self.words_before = read.words_before
        lex = _lexicon()
        self.verbs: dict[int, _Verb] = {}          # token index -> reporting verb written there
        self.relays: dict[int, _Verb] = {}         # the same for نقل, which reports only with عن after it
        named = sorted((m.start, m.end) for m in article.mentions)
        for i in positions(tokens, lex.verbs.first_words(read.words)):
            if tokens[i].text[0].isalpha():
                hit = lex.verbs.match(tokens, i)
                if (hit is not None and hit.last == i and not _verbal_noun(tokens, i, hit.value, lex, named)
                        and not _quoted_word(tokens, i)):
                    (self.relays if hit.value.source_after else self.verbs)[i] = hit.value
        self.verb_list = sorted(self.verbs)
        self.sentences = read.sentences
        self.sentence_starts = [s for s, _ in self.sentences]
        found = referents_of(article)
        self.mentions = found.mentions
        self.referents: list[Referent] = found.referents
        self.ref_starts = [r.start for r in self.referents]
        self.ref_by_end = {r.end: r for r in self.referents}
        self.titles = found.titles
        self.surnames = _surnames(article, self.mentions)
        self.names = sorted((article.mentions[i].start, article.mentions[i].end) for i in self.mentions)
        self.name_starts = [s for s, _ in self.names]
        self.byline_end = _byline_end(self.text, self.referents)
        times = sorted((t.start, t.end) for t in article.timexes if 0 <= t.start < t.end <= len(self.text))
        self.timex_starts = [s for s, _ in times]
        self.timexes = times
        self._role_windows: list | None = None
        self.word_forms: frozenset[str] | None = None     # every word's normal form, built on first use
        self.marks: _Spans | None = None          # the quote-mark pairs, set by find_quotes
        self._mention_starts: list[tuple[int, int]] | None = None

    def token_index(self, pos: int) -> int:
        """Index of the first token starting at or after `pos`."""
        return bisect.bisect_left(self.starts, pos)

    def sentence(self, pos: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.sentence_starts, pos) - 1
        if k < 0:
            return (0, 0)
        return self.sentences[k]

    def line_break(self, a: int, b: int) -> bool:
        """A line break between tokens a and b (a < b)."""
        return "\n" in self.text[self.tokens[a].end:self.tokens[b].start]

    def in_timex(self, pos: int) -> bool:
        k = bisect.bisect_right(self.timex_starts, pos) - 1
        return k >= 0 and self.timexes[k][0] <= pos < self.timexes[k][1]

    def referents_in(self, start: int, end: int) -> list[Referent]:
        k = bisect.bisect_left(self.ref_starts, start)
        out = []
        while k < len(self.referents) and self.referents[k].start < end:
            if self.referents[k].end <= end:
                out.append(self.referents[k])
            k += 1
        return out

    def in_name(self, pos: int) -> bool:
        """Inside a tagged name (a mention, not a role phrase)."""
        k = bisect.bisect_right(self.name_starts, pos) - 1
        return k >= 0 and self.names[k][0] <= pos < self.names[k][1]

    def in_referent(self, pos: int) -> bool:
        k = bisect.bisect_right(self.ref_starts, pos) - 1
        return k >= 0 and self.referents[k].start <= pos < self.referents[k].end

    def role_windows(self) -> list[tuple[int, tuple[int, int, list[str]]]]:
        """For each PER mention in text order: (index, (start, end, words)) of the role phrase written next
        to it -- ROLE_BEFORE_WORDS words before the name and ROLE_AFTER_WORDS after it, within its sentence,
        never across another person's name, plus its title. A "person" that starts with باسم ("المتحدث
        باسم بوينغ" tagged as a name) holds no role. Built on first use: only unresolved role subjects need it."""
        if self._role_windows is None:
            name_of = _lexicon().name_of_words
            self._role_windows = [(i, self._role_window(i)) for i in self.mentions
                                  if self.article.mentions[i].type == "PER"
                                  and normal(self.article.mentions[i].text.split()[0]) not in name_of]
            self._role_windows.sort(key=lambda item: self.article.mentions[item[0]].start)
        return self._role_windows

    def _role_window(self, i: int) -> tuple[int, int, list[str]]:
        m = self.article.mentions[i]
        s_start, s_end = self.sentence(m.start)
        words = list(m.title.split()) if m.title else []
        start = self._role_side(self.token_index(m.start) - 1, -1, ROLE_BEFORE_WORDS, s_start, s_end, words, m.start)
        end = self._role_side(self.token_index(m.end), 1, ROLE_AFTER_WORDS, s_start, s_end, words, m.end)
        return start, end, words

    def _role_side(self, k: int, step: int, limit: int, s_start: int, s_end: int, words: list[str],
                   edge: int) -> int:
        """Walk from token `k` in direction `step` over at most `limit` words of the sentence, adding them to
        `words`, up to another person's name or punctuation other than a comma or quote mark; the window's
        edge offset on that side (`edge` when no word was taken)."""
        count = 0
        while 0 <= k < len(self.tokens) and count < limit and s_start <= self.tokens[k].start < s_end:
            tok = self.tokens[k]
            if self.in_name(tok.start) and self.article.mentions[self._mention_at(tok.start)].type == "PER":
                break                           # another person's name ends this one's role phrase
            if not is_word(tok):
                if tok.text not in _COMMA and tok.text not in _AROUND_NAME:
                    break
            elif step < 0 and normal(tok.text) in _IN_PRESENCE_OF:
                break                           # "X المديرة العامة للصندوق، بحضور الدكتور Y": X's role, not Y's
            else:
                words.append(tok.text)
                count += 1
                edge = tok.start if step < 0 else tok.end
            k += step
        return edge

    def _mention_at(self, pos: int) -> int:
        """Index into article.mentions of the valid mention covering `pos` (`in_name(pos)` must be True)."""
        if self._mention_starts is None:
            self._mention_starts = sorted((self.article.mentions[i].start, i) for i in self.mentions)
        k = bisect.bisect_right(self._mention_starts, (pos, len(self.article.mentions))) - 1
        return self._mention_starts[k][1]

    def paragraph_end(self, pos: int) -> int:
        end = self.text.find("\n", pos)
        return len(self.text) if end < 0 else end


def _surnames(article: Article, valid: list[int]) -> dict[str, list[int]]:
    """Last word of each person's name -> the indexes of that person's first mention, for a later "المهنا",
    "اللواء التركي" or "الدكتور \"الغانمي\"" the tagger did not mark. Names with the same first and last
    word are one person ("فهد الغانمي", "فهد بن حميد الغانمي"): one entry for them."""
    out: dict[str, list[int]] = {}
    seen: set[tuple[str, str]] = set()
    for i in valid:
        m = article.mentions[i]
        words = m.name.split()
        if m.type != "PER" or len(words) < 2:
            continue
        last = normal(words[-1])
        key = (normal(words[0]), last)
        if key in seen or len(last) < 3:
            continue
        seen.add(key)
        out.setdefault(last, []).append(i)
    return out


def _byline_end(text: str, referents: list[Referent]) -> int:
    """End of a reporter's byline opening the text ("عيسى الحربي- سبق- الرياض:"), or 0. The reporter is
    never the person a later subject-less "وقال" points at."""
    if not referents or text[:referents[0].start].strip():
        return 0
    after = text[referents[0].end:referents[0].end + 3].lstrip(" ")
    return referents[0].end if after[:1] in ("-", "–", "—", "/", "|") else 0


class _Spans:
    """Sorted, non-overlapping character intervals with a fast membership test."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def containing(self, pos: int) -> tuple[int, int] | None:
        k = bisect.bisect_right(self.starts, pos) - 1
        if k >= 0 and self.spans[k][0] <= pos <= self.spans[k][1]:
            return self.spans[k]
        return None

    def first_in(self, start: int, end: int) -> tuple[int, int] | None:
        k = bisect.bisect_left(self.starts, start)
        if k < len(self.spans) and self.spans[k][0] < end:
            return self.spans[k]
        return None


# ---------------------------------------------------------------------------------------------------------
# Finding quotations


@dataclass
class _Found:
    kind: str                 # direct | reported
    start: int
    end: int
    anchor: int               # where the attribution is, for ordering the discourse
    how: str                  # verb | according | continuation | answer | none
    verb_tok: int | None = None
    verb: _Verb | None = None
    region: tuple[int, int] = (0, 0)     # tokens [a, b) that may hold the speaker
    outer: tuple[int, int] | None = None # the span with its quote marks, when it has them
    label: tuple[int, int] | None = None # an interview answer's speaker label ("ديمة الحلبي:"), when it has one


def find_quotes(article: Article) -> list[Quote]:
    """Direct and reported quotations in `article.text`, sorted by start, with speakers resolved to indexes
    into `article.mentions` where the article says who spoke (see the module docstring for the rules)."""
    if not article.text or not article.text.strip():
        return []
    lex = _lexicon()
    doc = _Text(article)
    found: list[_Found] = []
    marks = _Spans(quote_spans(doc.text))
    doc.marks = marks
    candidates, direct = _direct_quotes(doc, lex, marks)
    found.extend(direct)
    accepted = _Spans([f.outer or (f.start, f.end) for f in direct])
    colon = _colon_quotes(doc, lex, candidates, accepted)
    found.extend(colon)
    taken = _Spans([(f.start, f.end) for f in found])
    reported, absorbed = _reported_quotes(doc, lex, candidates, accepted, taken, direct)
    found = [f for f in found if (f.start, f.end) not in absorbed] + reported
    taken = _Spans([(f.start, f.end) for f in found])
    found += [f for f in _according_clauses(doc, lex) if taken.containing(f.start) is None]
    answers = _interview_answers(doc.text)
    if answers:                                 # an answer is the interviewee's words, whatever it quotes
        spans = _Spans([(f.start, f.end) for f in answers])
        found = [f for f in found if spans.containing(f.start) is None] + answers
    found = _without_overlaps(found)
    quotes = _attribute(doc, lex, found)
    if answers:                                 # the interviewer's questions are nobody's quotation there,
        asked = _Spans(_question_paragraphs(doc.text))   # unless they quote someone they name in them
        quotes = [q for q in quotes if asked.containing(q.start) is None or (
            q.speaker_mention is None and q.speaker_text is not None) or (
            q.speaker_mention is not None
            and asked.containing(article.mentions[q.speaker_mention].start) == asked.containing(q.start))]
    return quotes


_MARKED_QUESTION = re.compile(r"^[ \t]*[■●▪◾◼►•][^\n]*$", re.MULTILINE)   # "■ كيف بدأت الفكرة؟"


def _question_paragraphs(text: str) -> list[tuple[int, int]]:
    """An interview's question paragraphs: those that open on a question marker (■, ●, س:, سؤال:) or end on
    a question mark."""
    spans = {(m.start(), m.end()) for m in _MARKED_QUESTION.finditer(text)}
    spans |= {(m.start(), m.end()) for m in _QUESTION_LINE.finditer(text)}
    for m in _QUESTION.finditer(text):
        end = text.find("\n", m.end())
        spans.add((m.start(), len(text) if end < 0 else end))
    return sorted(spans)


def _without_lam(phrase: str) -> str:
    """A phrase written with the preposition ل, without it: "لتقديرات" -> "تقديرات"; ل + the article drops
    the article's alef, so "للمتحدث" is المتحدث and "للائحة" is اللائحة: the news vocabulary decides which."""
    if not normal(phrase).startswith("لل"):
        return phrase[1:]
    first = phrase.split()[0]
    from marsad.ner import feature_form, load_lexicons
    known = load_lexicons().clusters
    if feature_form("ال" + first[1:]) in known:  # "اللجنة" over "الجنة": a source is more often a body
        return "ال" + phrase[1:]
    return "ا" + phrase[1:]


APPOSITION_WORDS = 4       # the name after a role set off by commas in an according source
_TAKES_LAM = frozenset({"وفقا", "طبقا", "ووفقا", "وطبقا"})   # sources written with ل: وفقا لتقديرات ...
_SO_THAT = frozenset({"فان", "فانه", "فانها", "فانهم"})    # normalised فإن and its forms


def _according_clauses(doc: _Text, lex: _Lexicon) -> list[_Found]:
    """A sentence that opens on its source: "وبحسب رئيس الوزراء فلان، فإن الحكومة ستقدم ..." / "ووفقا
    للمتحدث ...، فإن ...": the clause after فإن is reported speech of the source between the two (at most
    SOURCE_WORDS words, up to a comma). The clause runs to the end of the sentence or to a new attribution."""
    tokens = doc.tokens
    out = []
    boundaries: list[int] | None = None
    for s_start, s_end in doc.sentences:
        i = doc.token_index(s_start)
        while i < len(tokens) and tokens[i].start < s_end and not is_word(tokens[i]):
            i += 1
        if i >= len(tokens) or tokens[i].start >= s_end or not in_set(tokens[i].text, lex.according):
            continue
        j, words = i + 1, 0
        while j < len(tokens) and tokens[j].start < s_end and words <= SOURCE_WORDS + APPOSITION_WORDS:
            if tokens[j].text in _COMMA and (words > SOURCE_WORDS or (
                    j + 1 < len(tokens) and normal(tokens[j + 1].text) in _SO_THAT)):
                break                           # "وبحسب رئيس اللجنة، النائب فلان، فإن": a name set off by commas
            words += is_word(tokens[j])
            j += 1
        k = j + 1
        if (j >= len(tokens) or tokens[j].text not in _COMMA or k >= len(tokens) or tokens[k].start >= s_end
                or normal(tokens[k].text) not in _SO_THAT or words == 0):
            continue
        if boundaries is None:                  # a new attribution inside ends it ("، حيث قالت الشركة")
            boundaries = _attribution_boundaries(doc, lex)
        end = min(s_end, _clause_end_after(doc, tokens[k].end, boundaries))
        start, end = _strip(doc.text, tokens[k].end, end, " \t\r\n.،,")
        if _words_between(doc, start, end) >= 3:
            out.append(_Found("reported", start, end, tokens[i].start, "according", region=(i + 1, j)))
    return out


_QUESTION = re.compile(r"^[ \t]*(?:س|سؤال|السؤال)[ \t]*[:/\-–—][ \t]*(?=\S)", re.MULTILINE)
_ANSWER = re.compile(r"^[ \t]*(?:ج|جواب|الجواب)[ \t]*[:/\-–—][ \t]*(?=\S)", re.MULTILINE)


def _interview_answers(text: str) -> list[_Found]:
    """The answers of an interview printed as questions and answers ("س: ... ج: ..."): each answer paragraph
    is a direct quotation of the interviewee, anchored at its marker. Only when the text also marks a
    question before the answer, so a lone "ج:" of a list is no answer. An interview without the markers
    (`_unmarked_answers`) is read from its question lines."""
    first_question = _QUESTION.search(text)
    if first_question is None:
        return _unmarked_answers(text)
    out = []
    for m in _ANSWER.finditer(text, first_question.end()):
        end = text.find("\n", m.end())
        start, end = _strip(text, m.end(), len(text) if end < 0 else end)
        if end > start:
            out.append(_Found("direct", start, end, m.start(), "answer"))
    return out


_INTERVIEW_CUE = re.compile(r"حوار|حاور|مقابلة|[اأ]جرى\s*(?:معه|معها)")
_QUESTION_LINE = re.compile(r"^[^\n]{3,300}[؟?][ \t»\"”)]*$", re.MULTILINE)
INTERVIEW_CUE_CHARS = 800      # the cue that the page is an interview sits in its headline or first lines
MIN_QUESTIONS = 2              # question lines needed before any answer is read as the interviewee's words


def _unmarked_answers(text: str) -> list[_Found]:
    """The answers of an interview printed as bare question lines, each answered by the paragraph under it
    (El Khabar's "ما حجم التسربات اليوم؟" then the expert's answer): only on a page that says it is an
    interview near its top (حوار، حاورها، مقابلة) and asks at least MIN_QUESTIONS such questions, so an
    explainer's lone rhetorical question is not one. Each answer, up to the next question, is anchored at
    the end of its question."""
    if not _INTERVIEW_CUE.search(text, 0, INTERVIEW_CUE_CHARS):
        return []
    questions = [m for m in _QUESTION_LINE.finditer(text) if len(m.group(0).split()) <= 40]
    questions = sorted(questions + [m for m in _MARKED_QUESTION.finditer(text) if not any(
        q.start() == m.start() for q in questions)], key=lambda m: m.start())
    if len(questions) < MIN_QUESTIONS:
        return []
    labeled = _labeled_answers(text, questions)
    if labeled:
        return labeled
    out = []
    for k, question in enumerate(questions):
        if k + 1 < len(questions):
            end = questions[k + 1].start()
        else:                                   # the last answer is the paragraph under its question
            begin = len(text) - len(text[question.end():].lstrip())
            end = text.find("\n", begin)
            end = len(text) if end < 0 else end
        start, end = _strip(text, question.end(), end)
        if end > start and not _QUESTION_LINE.fullmatch(text, start, end):
            out.append(_Found("direct", start, end, question.end(), "answer"))
    return out


_LABEL = re.compile(r"[ \t]*((?:[^\W\d_]+[ \t]+){0,3}[^\W\d_]+)[ \t]*:[ \t]*(?=\S)")
MIN_LABELED_ANSWERS = 2        # answer lines opening on a speaker label before the page's answers are read so


def _labeled_answers(text: str, questions: list[re.Match]) -> list[_Found]:
    """An interview whose answers open on the interviewee's name and a colon ("ديمة الحلبي: هو استقرار هش",
    "الحلبي: ..."), its questions on the interviewer's ("عنب بلدي: كيف تقرئين ...؟"): each line right after
    a question that opens on a label other than the questions' own is an answer, its words after the label
    (the label is no part of them) and the label its speaker; a question is never part of an answer. Empty when fewer than MIN_LABELED_ANSWERS lines do,
    so the plain reading applies."""
    askers = set()
    for q in questions:
        m = _LABEL.match(text, q.start())
        if m is not None:
            askers.add(normalize_label(m.group(1)))
    out = []
    pos = questions[0].end()
    after_question = True
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        if not text[pos:end].strip():
            pos = end + 1
            continue
        m = _LABEL.match(text, pos, end)
        question = bool(_QUESTION_LINE.fullmatch(text, pos, end) or _MARKED_QUESTION.match(text, pos, end)) or (
            m is not None and normalize_label(m.group(1)) in askers)
        if m is not None and not question and after_question:
            start, stop = _strip(text, m.end(), end)
            if stop > start:
                out.append(_Found("direct", start, stop, m.start(1), "answer", label=(m.start(1), m.end(1))))
        after_question = question
        pos = end + 1
    return out if len(out) >= MIN_LABELED_ANSWERS else []


def normalize_label(label: str) -> str:
    return " ".join(normal(w) for w in label.split())


def _words_between(doc: _Text, start: int, end: int) -> int:
    return max(0, doc.words_before[doc.token_index(end)] - doc.words_before[doc.token_index(start)])


def _strip(text: str, start: int, end: int, chars: str = " \t\r\n") -> tuple[int, int]:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def _direct_quotes(doc: _Text, lex: _Lexicon, marks: _Spans) -> tuple[_Spans, list[_Found]]:
    """Quoted spans that are quotations. Returns the spans long enough to be speech (verbs inside them are
    the quoted person's words, not attributions) and the accepted quotations."""
    text = doc.text
    mention_spans = {(doc.article.mentions[i].start, doc.article.mentions[i].end) for i in doc.mentions}
    long_spans = []
    shaped = []
    for open_pos, close_pos in marks.spans:
        start, end = _strip(text, open_pos + 1, close_pos)
        if start >= end:
            continue
        words = _words_between(doc, start, end)
        if words < MIN_ATTRIBUTED_WORDS or (start, end) in mention_spans:
            continue
        after = text[close_pos + 1:close_pos + 4].lstrip()
        if after.startswith(":") and words <= LABEL_WORDS:
            continue
        if _after_title_marker(doc, lex, doc.token_index(open_pos)):
            continue
        if words <= NAME_QUOTE_WORDS and _quoted_name(doc, lex, open_pos, close_pos):
            continue
        long_spans.append((open_pos, close_pos))
        shaped.append((open_pos, close_pos, start, end, words))
    candidates = _Spans(long_spans)
    out = []
    for open_pos, close_pos, start, end, words in shaped:
        o = doc.token_index(open_pos)
        c = doc.token_index(close_pos)
        lead = _lead_in(doc, lex, o, candidates)
        if lead is not None and lead[0] == "according" and words <= NAME_QUOTE_WORDS:
            continue                            # "بحسب أرقام “منسقو استجابة سوريا”": a source's name
        if lead is not None and lead[0] == "verb" and _via_name(doc, lex, lead[1], o, words):
            continue
        if lead is not None:
            how, j, verb = lead
            out.append(_Found("direct", start, end, doc.tokens[j].start, how, j, verb, (j + 1, o),
                              (open_pos, close_pos)))
            continue
        trail = _trailer(doc, lex, c, candidates)
        if trail is not None:
            how, j, verb, b = trail
            out.append(_Found("direct", start, end, doc.tokens[j].start, how, j, verb, (j + 1, b),
                              (open_pos, close_pos)))
            continue
        if words >= MIN_UNATTRIBUTED_WORDS:
            line_start = text.rfind("\n", 0, open_pos) + 1
            how = "continuation" if not text[line_start:open_pos].strip() else "none"
            out.append(_Found("direct", start, end, open_pos, how, outer=(open_pos, close_pos)))
    return candidates, out


_ARABIC_LETTER = re.compile("[\u0621-\u064a]")


def _via_name(doc: _Text, lex: _Lexicon, j: int, o: int, words: int) -> bool:
    """A short quoted span right after an ambiguous verb form written bare, no colon between ('وشاركت قطر
    عبر "مؤسسة الدوحة للأفلام"'): the preposition (عبر = via, بين = between) and a name, not speech."""
    return (doc.verbs.get(j, _BY_SAYING).ambiguous and words <= NAME_QUOTE_WORDS and normal(doc.tokens[j].text)[:1] not in "وف"
            and all(not is_word(doc.tokens[k]) and doc.tokens[k].text != ":" for k in range(j + 1, o)))


_TOLD = re.compile(r"(?:^|[^\w\u0640])لـ?$")     # the preposition ل alone (or with a tatweel) before a mark


def _quoted_name(doc: _Text, lex: _Lexicon, open_pos: int, close_pos: int) -> bool:
    """A short quoted span that is told something or says something is a name: after the preposition ل
    ("وقالت مصادر لـ\"سكاي نيوز عربية\" إن": the outlet told), or right before إن/أن ("أعلن “الدفاع المدني
    السوري” أن فرقه": the body whose words the clause reports)."""
    text = doc.text
    before = text[max(0, open_pos - 3):open_pos].rstrip()
    if before.endswith(":"):
        return False                    # "وقال الوزير: \"نحن مستعدون\" إن توفرت الظروف": a colon opens speech
    if _TOLD.search(before):
        return True
    c = doc.token_index(close_pos) + 1
    while c < len(doc.tokens) and doc.tokens[c].text in _COMMA:
        c += 1
    return c < len(doc.tokens) and normal(doc.tokens[c].text) in lex.connectors


def _after_title_marker(doc: _Text, lex: _Lexicon, o: int) -> bool:
    """The word before the opening mark names a title: "تحت عنوان «...»", "حملة \"...\"", "بعنوان “...”".
    Not a definite one closing a speech verb's lead-in with a colon ("وقال X في كلمة خلال المؤتمر: «",
    "في تصريح للموقع: «", "بعد فوزها بالجائزة: «"): the colon hands over to the speaker's words; an
    indefinite one still names ("ستنظم مؤتمرا بعنوان: «...»")."""
    j = o - 1
    colon = False
    while j >= 0 and not is_word(doc.tokens[j]) and doc.tokens[j].text in "ـ:،,":
        colon = colon or doc.tokens[j].text == ":"
        j -= 1
    if not (j >= 0 and is_word(doc.tokens[j]) and in_set(doc.tokens[j].text, lex.title_markers)):
        return False
    return not (colon and _definite_word(doc.tokens[j].text) and _speech_verb_before(doc, j))


def _definite_word(word: str) -> bool:
    """The word has the article, after و/ف and a preposition glued to it: المؤتمر، للموقع، بالجائزة."""
    w = normal(word)
    if len(w) > 3 and w[0] in "وف":
        w = w[1:]
    return w.startswith("ال") or (len(w) > 3 and w[0] in "بك" and w[1:].startswith("ال")) or w.startswith("لل")


def _speech_verb_before(doc: _Text, j: int) -> bool:
    """A reporting verb (not an ambiguous one) at most COLON_LEAD_WORDS words before token j, same sentence."""
    words = 0
    k = j - 1
    while k >= 0 and words < COLON_LEAD_WORDS and not doc.line_break(k, k + 1):
        tok = doc.tokens[k]
        if not is_word(tok):
            if _ends_sentence(doc.tokens, k):
                return False
        else:
            words += 1
            verb = doc.verbs.get(k)
            if verb is not None and not verb.ambiguous:
                return True
        k -= 1
    return False


def _lead_in(doc: _Text, lex: _Lexicon, o: int, candidates: _Spans) -> tuple[str, int, _Verb | None] | None:
    """The reporting verb (or بحسب/وفق) shortly before the opening mark at token `o`."""
    tokens = doc.tokens
    words = 0
    according = ambiguous = None
    j = o - 1
    # a colon right before the mark closes the lead-in, so a long name and role may sit in it:
    # "وقالت زين كمال المصري، مديرة المنتجات في الشركة في منطقة الشرق الأوسط وشمال إفريقيا: \""
    # and so may a quote that opens with إن/أن, the verb's own clause: "وقالت إيرينا بوكوفا المدير العام
    # لليونسكو لعمال البناء خلال زيارة للموقع ... \"إن عملكم ...\""
    opens_clause = o + 1 < len(tokens) and normal(tokens[o + 1].text) in lex.connectors
    # ... and so may one right after the verb's own إن/أن: "قال الرئيس التركي رجب طيب أردوغان، في تصريحات
    # للصحفيين على متن الطائرة لدى عودته من أذربيجان، إن «...»"
    after_clause = j >= 0 and is_word(tokens[j]) and normal(tokens[j].text) in lex.connectors
    own_clause = after_clause and j > 0 and not in_set(tokens[j - 1].text, lex.blockers)   # not "إلا أنه «"
    limit = COLON_LEAD_WORDS if (j >= 0 and tokens[j].text == ":") or opens_clause or after_clause else LEAD_WORDS
    while j >= 0:
        tok = tokens[j]
        if (doc.line_break(j, j + 1) and tok.text != ":") or candidates.containing(tok.start):
            break
        if not is_word(tok):
            if _ends_sentence(tokens, j):
                break
            j -= 1
            continue
        words += 1
        if words > limit:
            break
        verb = doc.verbs.get(j)
        if verb is not None and (not verb.ambiguous or _verb_before_colon(doc, lex, j)):
            return "verb", j, verb              # "وأكد رئيس الجمهورية، بحسب البيان، «": the verb's subject wins
        if verb is not None and (words <= AMBIGUOUS_WORDS or (own_clause and verb.direct_only)) and ambiguous is None:
            # (a quoting-only verb may have its own بأن right before the mark: "وطالب النائب فلان بأن \"...\"")
            ambiguous = j                       # "عبر" may be the verb, or "via": "وكتب X عبر حسابه:"
        if according is None and in_set(tok.text, lex.according):
            according = j
        j -= 1
    if ambiguous is not None:
        return "verb", ambiguous, doc.verbs[ambiguous]
    if according is None:
        saying = _by_saying(doc, o)
        if saying is not None:                  # "وردّ رئيس المجلس فلان على مداخلة النائب بالقول: «"
            return "verb", saying, _BY_SAYING
    return ("according", according, None) if according is not None else None


# "ردّ ... بالقول:", "ومضت بالقول": the quotation's verb is the one the sentence opened with, whatever it is;
# its speaker is that verb's subject, as a participle's is
_BY_SAYING = _Verb(participle=True, direct_only=True)
_BY_SAYING_FORMS = frozenset(normal(w) for w in ("بالقول", "وبالقول"))


def _by_saying(doc: _Text, o: int) -> int | None:
    """The token of "بالقول" right before the opening mark at token `o` (a colon or comma between), else None."""
    j = o - 1
    while j >= 0 and not is_word(doc.tokens[j]) and doc.tokens[j].text in ":،,":
        j -= 1
    if j >= 0 and is_word(doc.tokens[j]) and normal(doc.tokens[j].text) in _BY_SAYING_FORMS \
            and not doc.line_break(j, o):
        return j
    return None


def _verb_before_colon(doc: _Text, lex: _Lexicon, j: int) -> bool:
    """An ambiguous form written with و/ف right before a colon ("وتابعت: «") is the verb."""
    return (normal(doc.tokens[j].text) not in lex.verb_forms and j + 1 < len(doc.tokens)
            and doc.tokens[j + 1].text == ":")


def _trailer(doc: _Text, lex: _Lexicon, c: int, candidates: _Spans) -> tuple[str, int, _Verb | None, int] | None:
    """An attribution right after the closing mark at token `c`: «...»، قال فلان / «...»، وفق البيان."""
    tokens = doc.tokens
    j = c + 1
    pointed = False
    while j < len(tokens) and not is_word(tokens[j]):
        if tokens[j].text in _SENTENCE_PUNCT and not doc.line_break(j - 1, j) and _points_back(doc, j + 1):
            j, pointed = _points_back(doc, j + 1), True     # «...». بهذه الكلمات علق فلان
            break
        if tokens[j].text not in "،,-–—" or doc.line_break(j - 1, j):
            return None
        j += 1
    if j >= len(tokens) or doc.line_break(c, j):
        return None
    tok = tokens[j]
    if pointed:
        verb = doc.verbs.get(j)
        if verb is None or verb.participle:
            return None
        how = "verb"
    elif in_set(tok.text, lex.according):
        how, verb = "according", None
    else:
        verb = doc.verbs.get(j)
        if verb is None or verb.ambiguous or normal(tok.text) not in lex.verb_forms:
            return None
        how = "verb"
    k = j + 1
    words = 0
    while k < len(tokens) and not doc.line_break(k - 1, k):
        t = tokens[k]
        if not is_word(t):
            if t.text in _SENTENCE_PUNCT or (t.text in _COMMA and how == "according") or t.text == ":":
                break
            if t.text in _OPENERS and candidates.containing(t.start):
                return None
            k += 1
            continue
        if normal(t.text) in lex.connectors:
            return None
        words += 1
        if words > (SOURCE_WORDS if how == "according" else TRAILER_WORDS):
            break
        k += 1
    return how, j, verb, k


# "«...». بهذه الكلمات علق فلان": the next sentence opens by pointing back at the quotation
_POINTING = frozenset(normal(w) for w in ("بهذه", "بتلك", "بهذا", "بذلك", "هكذا", "وهكذا"))
_POINTED_AT = frozenset(normal(w) for w in ("الكلمات", "الكلمة", "العبارات", "العبارة", "الجملة", "الجمل",
                                            "الكلام", "الحروف", "التصريحات", "التصريح"))


def _points_back(doc: _Text, j: int) -> int | None:
    """The token of the verb after a sentence opener pointing back at the quotation before it ("بهذه الكلمات",
    "بهذه العبارات", "هكذا"), when token j opens one and a verb follows it; else None."""
    tokens = doc.tokens
    if j >= len(tokens) or not is_word(tokens[j]) or normal(tokens[j].text) not in _POINTING:
        return None
    k = j + 1
    if k < len(tokens) and is_word(tokens[k]) and normal(tokens[k].text) in _POINTED_AT:
        k += 1
    elif normal(tokens[j].text) not in ("هكذا", "وهكذا"):
        return None
    return k if k < len(tokens) and k in doc.verbs else None


def _colon_quotes(doc: _Text, lex: _Lexicon, candidates: _Spans, accepted: _Spans) -> list[_Found]:
    """"قال فلان: كلام ..." — the words after the colon to the end of the paragraph."""
    tokens = doc.tokens
    text = doc.text
    out = []
    for i, verb in doc.verbs.items():
        tok = tokens[i]
        if candidates.containing(tok.start) or accepted.containing(tok.start):
            continue
        if out and out[-1].start <= tok.start < out[-1].end:
            continue                                # a verb inside the previous colon quote
        colon = _colon_after(doc, lex, i, candidates)
        if colon is None:
            continue
        start = tokens[colon].end
        while start < len(text) and text[start] in " \t":
            start += 1
        if start < len(text) and text[start] == "\n":
            while start < len(text) and text[start].isspace():
                start += 1
        if start >= len(text) or text[start] in _OPENERS:
            continue                                # a quoted quotation: the direct pass has it
        end = _next_attribution(doc, lex, start, doc.paragraph_end(start), candidates)
        close = _closing_parenthesis(text, start, doc.paragraph_end(start))
        if close is not None:                       # "وقال: ( مازال هناك ... ينتظر قليلا) ، ودحض"
            start, end = start + 1, min(end, close)
        inner = accepted.first_in(start, end)
        if inner is not None:
            end = inner[0]
        start, end = _strip(text, start, end, _CLAUSE_TRIM)
        if start >= end or _words_between(doc, start, end) < MIN_COLON_WORDS:
            continue
        if not _ARABIC_LETTER.search(text, start, end):
            continue                                # "... في ملاطية Credit: OZAN KOSE/AFP via Getty Images"
        out.append(_Found("direct", start, end, tok.start, "verb", i, verb, (i + 1, colon)))
    return out


def _closing_parenthesis(text: str, start: int, end: int) -> int | None:
    """Outlets that quote in parentheses ("وقال: ( ... )"): when a colon quote opens with "(", the index of
    the ")" that closes it before `end`, if punctuation or the paragraph end follows it -- an aside
    ("(ضاحكا) إن ...") is followed by words and is no quote mark."""
    if start >= end or text[start] != "(":
        return None
    depth = 0
    for k in range(start, end):
        if text[k] == "(":
            depth += 1
        elif text[k] == ")":
            depth -= 1
            if depth == 0:
                after = text[k + 1:end].lstrip(" \t")
                return k if not after or not after[0].isalnum() else None
    return None


def _next_attribution(doc: _Text, lex: _Lexicon, start: int, end: int, candidates: _Spans) -> int:
    """Where an unmarked colon quote stops: the paragraph end, or an earlier sentence that opens with a new
    attribution or the narration -- a narration opener ("جاء ذلك في كلمته", "بعد ذلك ألقى"), a finite
    reporting verb or a label and colon in its first OPENING_WORDS words ("وتابع:",
    "وأضاف أن", "ولفت المواطن ... إلى أن", "وللاستفسار:"), a participle as its first word ("منوهاً بأن",
    "مستبعداً ..."), or an ambiguous verb (بيّن) there that takes a clause ("وبيّن المتحدث ... أن"); or,
    inside a sentence, a participle after a
    comma or semicolon that takes a clause ("...؛ مشيراً إلى أن"): the narration has taken over again.
    Outlets that flatten an article into one paragraph would otherwise have the first colon quote swallow
    every later quotation and the narration between."""
    end = _participle_turn(doc, lex, start, end, candidates)
    tokens = doc.tokens
    k = bisect.bisect_right(doc.sentence_starts, start)
    while k < len(doc.sentences) and doc.sentences[k][0] < end:
        j = doc.token_index(doc.sentences[k][0])
        first = j
        while first < len(tokens) and not is_word(tokens[first]) and tokens[first].start < end:
            first += 1
        if first < len(tokens) and lex.narration.match(tokens, first) is not None:
            return doc.sentences[k][0]              # ". جاء ذلك في كلمته", ". بعد ذلك ألقى"
        words = 0
        while j < len(tokens) and words < OPENING_WORDS:
            tok = tokens[j]
            if not is_word(tok):
                if tok.text == ":":
                    return doc.sentences[k][0]
                if tok.text in _SENTENCE_PUNCT:
                    break
                j += 1
                continue
            verb = doc.verbs.get(j)
            if verb is not None and not verb.participle and not verb.ambiguous:
                return doc.sentences[k][0]
            if verb is not None and verb.participle and not verb.ambiguous and words == 0:
                return doc.sentences[k][0]          # ". مستبعداً ...": the narration again
            if verb is not None and _takes_clause(doc, lex, j, verb, candidates):
                return doc.sentences[k][0]
            words += 1
            j += 1
        k += 1
    return end


def _takes_clause(doc: _Text, lex: _Lexicon, j: int, verb: _Verb, candidates: _Spans) -> bool:
    """A participle or ambiguous verb that opens a sentence and is followed by its إن/أن (or preposition):
    at a sentence start "وبيّن" is the verb, so the names between may be long."""
    if verb.direct_only:
        return False
    plain = _Verb(participle=verb.participle, prepositions=verb.prepositions)
    return _clause_start(doc, lex, j, plain, candidates) is not None


def _participle_turn(doc: _Text, lex: _Lexicon, start: int, end: int, candidates: _Spans) -> int:
    """The start of the first "، مشيراً إلى أن" / "؛ مضيفاً أن" / "، وأكدت المصادر أن" (a verb with و/ف) in
    [start, end), else `end`."""
    k = bisect.bisect_left(doc.verb_list, doc.token_index(start))
    while k < len(doc.verb_list):
        j = doc.verb_list[k]
        k += 1
        if doc.tokens[j].start >= end:
            break
        verb = doc.verbs[j]
        joined = verb.participle or normal(doc.tokens[j].text) not in lex.verb_forms    # مشيراً / وأكدت
        if (joined and not verb.ambiguous and j > 0 and doc.tokens[j - 1].text in _TURN_PUNCT
                and _takes_clause(doc, lex, j, verb, candidates)):
            return doc.tokens[j - 1].start
    return end


def _colon_after(doc: _Text, lex: _Lexicon, i: int, candidates: _Spans) -> int | None:
    """Token index of the colon that ends a verb's lead-in ("وأضاف ستوليبنبيرج بحسب بيان الحلف:"): at most
    COLON_WORDS words, or COLON_LEAD_WORDS when a name ends at most NAME_BEFORE_COLON_WORDS words before the
    colon ("وقال المتحدث الرسمي لهيئة الهلال الأحمر بمنطقة المدينة المنورة خالد السهلي:", "... النائب أحمد
    المساري لـ\"الوطن\":") or the name comes right after the verb, so the rest is its role and where it was
    said ("وقال خالد العنسي مدير عام مكتب الآثار بمحافظة اب في تصريحات صحفية :")."""
    tokens = doc.tokens
    words = 0
    named_at = -NAME_BEFORE_COLON_WORDS - 1     # word count at the last word of a name
    k = i + 1
    after_connector = False
    name_first = False                          # the subject's name right after the verb
    while k < len(tokens) and not doc.line_break(k - 1, k):
        t = tokens[k]
        if not is_word(t):
            if t.text == ":":
                if words <= COLON_WORDS or words - named_at <= NAME_BEFORE_COLON_WORDS:
                    return k
                if name_first and normal(tokens[k - 1].text) not in _LIST_WORDS:
                    return k                        # not "... منها:" (a list), nor a quoted title
                return None
            if t.text in _SENTENCE_PUNCT or (t.text in _OPENERS and candidates.containing(t.start)):
                return None
            if t.text in _OPENERS:
                name_first = False
            k += 1
            continue
        if after_connector or k in doc.verbs:
            return None
        if normal(t.text) in lex.connectors:
            after_connector = True                  # only "قال إن:" — a connector followed by words is a clause
        words += 1
        if doc.in_name(t.start):
            named_at = words
            name_first = name_first or words == 1
        if words > COLON_LEAD_WORDS:
            return None
        k += 1
    return None


def _attribution_boundaries(doc: _Text, lex: _Lexicon) -> list[int]:
    """Sorted token indexes where a new attribution starts inside running text ("، مضيفاً أن", "، وأضاف"):
    a reported clause ends at the first one after it (`_clause_end_after`)."""
    relays = ((i, v) for i, v in doc.relays.items()          # "، ونقلت عن مسؤول أن", not "ونقل الجثث"
              if _relay_source(doc, i + 1, min(len(doc.tokens), i + 1 + RELAY_SOURCE_WORDS)) is not None)
    return sorted(_boundary(doc, lex, i, v) for i, v in [*doc.verbs.items(), *relays]
                  if _opens_attribution(doc, lex, i, v))


def _reported_quotes(doc: _Text, lex: _Lexicon, candidates: _Spans, accepted: _Spans,
                     taken: _Spans, direct: list[_Found]) -> tuple[list[_Found], set[tuple[int, int]]]:
    """Reported clauses, and the (start, end) of the direct quotations they absorbed: quoted words inside
    a clause of the same verb ("وقال الدماطي إن العثور على ... «قد يعد دليلا ...»") or with no attribution
    of their own are part of the clause, not a quotation of their own that cuts it short."""
    by_outer = {f.outer: f for f in direct if f.outer is not None}
    absorbed: set[tuple[int, int]] = set()
    tokens = doc.tokens
    text = doc.text
    boundaries = _attribution_boundaries(doc, lex)
    out = []
    for i, verb in sorted({**doc.verbs, **doc.relays}.items()):
        pos = tokens[i].start
        if verb.direct_only or candidates.containing(pos) or taken.containing(pos):
            continue
        if verb.ambiguous and _opens_sentence(doc, i):
            verb = _Verb(participle=verb.participle, prepositions=verb.prepositions)   # "وبيّن المتحدث ... أن"
        elif verb.ambiguous and _after_statement_noun(doc, lex, i):
            continue                            # "في تدوينة عبر منصة إكس، أن": via, not expressed
        clause_tok = _clause_start(doc, lex, i, verb, candidates)
        if clause_tok is None or (verb.impersonal and not _after_lam(doc, i)
                                  and (clause_tok <= i + 2 or tokens[i + 1].text in _COMMA)):
            continue                            # "ويتوقع أن", "ويرجح، حتى الآن، أن": nobody's words
        if _thing_relative(doc, lex, i, clause_tok, verb):
            continue                            # "الأمر الذي يشير إلى", "الفكرة التي تقول إن": nobody speaks
        start = tokens[clause_tok].start if clause_tok < len(tokens) else len(text)
        while start < len(text) and text[start] in " \t:،,":
            start += 1
        if start >= len(text) or accepted.containing(start) or accepted.first_in(start, start + 1):
            continue
        _, sentence_end = doc.sentence(tokens[clause_tok - 1].start)
        end = sentence_end
        nested = _nested_verbs(doc, lex, clause_tok, candidates)
        k = bisect.bisect_right(boundaries, clause_tok - 1)
        while k < len(boundaries) and (boundaries[k] in nested or boundaries[k] + 1 in nested):
            k += 1                              # "أن المحكمة اعتبرت أن ...": the clause reports on
        if k < len(boundaries) and tokens[boundaries[k]].start < end:
            end = tokens[boundaries[k]].start
        end = _trailing_source(doc, lex, start, end)
        own: list[_Found] = []
        inner = accepted.first_in(start, end)
        lead_in = False
        while inner is not None:
            f = by_outer.get(inner)
            if f is None or not (f.how == "none" or f.verb_tok == i or f.verb_tok in nested):
                end = inner[0]
                # "إن المنفي أكد خلال اللقاء «...»": the clause only names who says the quoted words
                lead_in = (not own and f is not None and f.how == "verb" and f.verb_tok is not None
                           and clause_tok < f.verb_tok and tokens[f.verb_tok].start < inner[0]
                           and _words_between(doc, start, tokens[f.verb_tok].start) <= LEAD_IN_SUBJECT_WORDS
                           and _clause_person(doc, clause_tok, f.verb_tok + 1) is not None)
                break
            own.append(f)
            end = _clause_end_after(doc, inner[1] + 1, boundaries)
            inner = accepted.first_in(inner[1] + 1, end)
        inner = taken.first_in(start, end)
        while inner is not None and any((f.start, f.end) == inner for f in own):
            inner = taken.first_in(inner[1] + 1, end)
        if inner is not None:
            end = inner[0]
        start, end = _strip(text, start, end, _CLAUSE_TRIM)
        if start >= end or _words_between(doc, start, end) < MIN_CLAUSE_WORDS or lead_in:
            continue
        absorbed.update((f.start, f.end) for f in own if f.start < end)
        # the subject sits between the verb and the connector (or the preposition before it)
        b = clause_tok - 1
        while b > i and not is_word(tokens[b]):
            b -= 1
        while b > i + 1 and (normal(tokens[b - 1].text) in lex.connectors
                             or canonical(tokens[b - 1].text) in verb.prepositions):
            b -= 1
        if verb.source_after and (_relay_source(doc, i + 1, b) is None
                                  or any(j in doc.verbs for j in range(i + 1, clause_tok))):
            continue                            # "نقل الجرحى إلى المستشفى بعد أن": carried, not reported;
                                                # "نقلت عن مسؤول قوله إن": قوله's quotation
        out.append(_Found("reported", start, end, pos, "verb", i, verb, (i + 1, b)))
    return out, absorbed


def _in_quoted_name(doc: _Text, pos: int, candidates: _Spans) -> bool:
    """`pos` lies inside a short quoted span that is no quotation -- a name or a title ('لشبكة "سي إن إن"')."""
    span = doc.marks.containing(pos) if doc.marks is not None else None
    return (span is not None and candidates.containing(pos) is None
            and _words_between(doc, span[0], span[1]) <= NAME_QUOTE_WORDS
            and _words_between(doc, span[0], pos) > 0)      # a name opens on no إن/أن: '” إن الخطاب “'


LEAD_IN_SUBJECT_WORDS = 4 # "إن رئيس المجلس المنفي أكد «...»": a clause that is only a person and their verb
NESTED_VERB_WORDS = 3     # "وأضاف القاضي أن المحكمة اعتبرت أن": a verb this close after the connector


def _nested_verbs(doc: _Text, lex: _Lexicon, clause_tok: int, candidates: _Spans) -> set[int]:
    """Reporting verbs nested in a reported clause: a bare finite verb (no و/ف, no participle) among the
    clause's first NESTED_VERB_WORDS words, no punctuation before it, that takes its own إن/أن ("وأضاف
    القاضي أن المحكمة اعتبرت أن «...»"): what follows is still the outer speaker's report, not a new
    attribution."""
    tokens = doc.tokens
    out: set[int] = set()
    words = 0
    k = clause_tok
    while k < len(tokens) and words < NESTED_VERB_WORDS:
        if not is_word(tokens[k]):
            break
        words += 1
        verb = doc.verbs.get(k)
        if verb is not None:
            if (not verb.participle and not verb.direct_only and normal(tokens[k].text) in lex.verb_forms
                    and words > 1 and _clause_start(doc, lex, k, verb, candidates) is not None):
                out.add(k)
            break
        k += 1
    return out


def _boundary(doc: _Text, lex: _Lexicon, i: int, verb: _Verb) -> int:
    """The token where a new attribution at verb i starts: the verb, a negation or كما/فيما before it, or
    for قائلاً the comma opening the verb phrase it closes ("، ويورد على سبيل الظرف قائلا"، "، وأنهى حديثه
    قائلا": a word with و/ف after the comma, at most PARTICIPLE_PHRASE_WORDS words back, no إن/أن or
    reporting verb between)."""
    tokens = doc.tokens
    if i > 0 and normal(tokens[i - 1].text) in _NEGATIONS | _NEXT_SPEAKER:
        return i - 1
    if verb.participle and normal(tokens[i].text).startswith("قائل"):
        j = i - 1
        while j >= 0 and i - j <= PARTICIPLE_PHRASE_WORDS + 1 and not doc.line_break(j, j + 1):
            tok = tokens[j]
            if not is_word(tok):
                first = tokens[j + 1].text
                return j if tok.text in _TURN_PUNCT and j < i - 1 and first[0] in "وف" else i
            if normal(tok.text) in lex.connectors or j in doc.verbs:
                break
            j -= 1
    return i


def _trailing_source(doc: _Text, lex: _Lexicon, start: int, end: int) -> int:
    """A clause's end before the source the article adds at the end of its sentence ("..., حسب وكالة الصحافة
    الفرنسية", "، نقلا عن مصادر طبية"): a comma, then بحسب/وفق/نقلاً as written (not "ووفق أرقى المعايير")
    and a source -- ما/عن, a name, a statement, an anonymous source or an outlet word -- with at most
    SOURCE_WORDS words to the end."""
    tokens = doc.tokens
    k = doc.token_index(end) - 1
    words = 0
    while k >= 0 and tokens[k].start >= start and words <= SOURCE_WORDS:
        tok = tokens[k]
        if is_word(tok):
            words += 1
        elif tok.text in _COMMA and words >= 2 and normal(tokens[k + 1].text) in lex.according_exact:
            src = tokens[k + 2]
            if (canonical(src.text) in ("ما", "لما", "عن") or doc.in_referent(src.start)
                    or any(in_set(src.text, words_) for words_ in
                           (lex.statements, lex.anonymous, lex.title_markers))):
                return tok.start
            return end
        k -= 1
    return end


_WHAT = frozenset({"ما", "مما"})
_PAST_WITH_TA = frozenset(normal(w) for w in ("توقع", "توقعت", "توقعوا", "تابع", "تابعت", "تطرق", "تطرقت",
                                               "تساءل", "تساءلت"))


def _thing_relative(doc: _Text, lex: _Lexicon, i: int, clause_tok: int, verb: _Verb) -> bool:
    """A present verb right after a relative pronoun, with no subject of its own before its clause, whose
    antecedent is a thing: "الأمر الذي يشير إلى", "الفكرة التي تقول إن", "الحركات المتطرفة التي تدعو الى",
    or after ما/مما, whose antecedent is what was just told ("مما يشير إلى أن").
    It describes (indicates, holds, advocates); nobody speaks. A past verb is an event ("القوات التي قالت
    للصحافيين إن"), a subject after the verb is the speaker ("الوقت الذي أفاد فيه مصدر بأن"), and a
    name, role, source or statement before the pronoun is the speaker ("المصادر التي تؤكد أن")."""
    tokens = doc.tokens
    if i < 2 or normal(tokens[i - 1].text) not in _RELATIVES | _WHAT:
        return False
    word = normal(tokens[i].text)
    if not word.startswith(("ي", "ت")) or word in _PAST_WITH_TA:
        return False
    for k in range(i + 1, clause_tok):
        t = tokens[k]
        if is_word(t) and not (normal(t.text) in lex.connectors or canonical(t.text) in verb.prepositions
                               or in_set(t.text, lex.fillers)):
            return False
    if normal(tokens[i - 1].text) in _WHAT:
        return True                             # "مما يشير إلى أن", "وهو ما يؤكد أن": what was just told
    noun = tokens[i - 2]
    if not is_word(noun) or not normal(noun.text).startswith("ال") or doc.in_referent(noun.start):
        return False                            # "بوجهة نظر بلاده التي ترى أن": the country speaks
    return not any(in_set(noun.text, words) for words in
                   (lex.anonymous, lex.statements, lex.role_heads, lex.epithets_words, lex.kin_heads))


_CLAUSE_STOP = re.compile(r"(?<!\d)\.|\.(?!\d)|[!?؟…\n]")     # not the point of 2.75


def _clause_end_after(doc: _Text, pos: int, boundaries: list[int]) -> int:
    """Where a reported clause that goes on after quoted words ends: the next sentence mark or line break
    after `pos`, or an earlier new attribution (", مضيفاً أن")."""
    stop = _CLAUSE_STOP.search(doc.text, pos)
    end = stop.start() if stop else len(doc.text)
    k = bisect.bisect_left(boundaries, doc.token_index(pos))
    if k < len(boundaries) and doc.tokens[boundaries[k]].start < end:
        end = doc.tokens[boundaries[k]].start
    return end


def _after_statement_noun(doc: _Text, lex: _Lexicon, i: int) -> bool:
    """The word before token i is a statement or speech ("في بيان عبر موقعها", "في كلمة عبر الفيديو")."""
    j = i - 1
    if j < 0 or not is_word(doc.tokens[j]) or normal(doc.tokens[i].text) not in lex.verb_forms:
        return False
    word = doc.tokens[j].text
    return in_set(word, lex.statements) or in_set(word, lex.speech_nouns)


# an adjective right before إن/أن that makes the clause impersonal: "لم يكن غريبا أن" (it was no surprise that)
_IT_IS = frozenset(normal(w) for w in (
    "غريبا", "غريب", "الغريب", "المستغرب", "طبيعيا", "طبيعي", "الطبيعي", "الواضح", "واضحا", "المهم",
    "الضروري", "المفترض", "المنتظر", "الممكن", "المستحيل", "المعروف", "المعلوم", "المؤسف", "المستبعد"))

# words that cannot open a speaker's description: a preposition with its pronoun ("وكما توضح لي بأنه",
# the one spoken to or about) and a reply's particles ("فقال آه نعم بل إن")
_TO_HIM = frozenset(normal(p + s) for p in ("ل", "ب", "علي", "الي", "من", "عن", "في", "مع")
                    for s in ("ي", "ه", "ها", "هم", "هما", "هن", "نا", "ك", "كم"))
_NO_SUBJECT = _TO_HIM | frozenset(normal(w) for w in ("آه", "اه", "نعم", "بل", "لا", "كلا", "أجل", "بلى", "حسنا",
                                                      # "ووصفت ما حصل بأنه": what is described, never who speaks
                                                      "ما"))


def _headline_person(article: Article) -> _Speaker | None:
    """The first person the headline names, as the article's mention of that name when the body has one,
    else as speaker_text alone (the headline is not in the text, so it has no offsets)."""
    if not article.title:
        return None
    from marsad import ner                      # the tagger, only for an interview with no one named
    people = [m for m in ner.find_mentions(article.title) if m.type == "PER"]
    if not people:
        return None
    name = people[0].name or people[0].text
    key = normal(name)
    for i, m in enumerate(article.mentions):
        if m.type == "PER" and key in (normal(m.name or m.text), normal(m.text)):
            return i, m.text
    return None, name


def _opens_sentence(doc: _Text, i: int) -> bool:
    """Token i is the first word of its sentence."""
    s_start, _ = doc.sentence(doc.tokens[i].start)
    j = i - 1
    while j >= 0 and doc.tokens[j].start >= s_start:
        if is_word(doc.tokens[j]):
            return False
        j -= 1
    return True


def _after_lam(doc: _Text, i: int) -> bool:
    """The verb follows لم: "ولم يستبعد أن" is someone not ruling out, never the passive "لا يُستبعد أن"."""
    return i > 0 and normal(doc.tokens[i - 1].text) in ("لم", "ولم", "فلم")


def _opens_attribution(doc: _Text, lex: _Lexicon, i: int, verb: _Verb) -> bool:
    """A verb that starts a new attribution inside a running clause: a participle, or a verb after a comma
    or written with و/ف ("، مؤكداً أن", "، وأضاف أن"); an ambiguous one (عبر، بين) only written with و/ف and
    right before its preposition or إن/أن ("وعبر عن شكره")."""
    tok = doc.tokens[i]
    if verb.ambiguous:                          # "... ، وعبر عن شكره": بين/عبر/تابع as a verb only so
        nxt = i + 1
        if (normal(tok.text) not in lex.verb_forms and nxt + 1 < len(doc.tokens) and doc.tokens[nxt].text == ":"
                and doc.tokens[nxt + 1].text in _OPENERS):
            return True                         # "... على موسكو، وتابعت: «لا يمكن ...»": a new quote
        return (normal(tok.text) not in lex.verb_forms and nxt < len(doc.tokens) and is_word(doc.tokens[nxt])
                and (canonical(doc.tokens[nxt].text) in verb.prepositions
                     or normal(doc.tokens[nxt].text) in lex.connectors))
    if verb.participle:
        return True
    if normal(tok.text) not in lex.verb_forms:
        return True
    return i > 0 and (doc.tokens[i - 1].text in _COMMA or normal(doc.tokens[i - 1].text) in _NEGATIONS
                      or normal(doc.tokens[i - 1].text) in _NEXT_SPEAKER)


def _clause_start(doc: _Text, lex: _Lexicon, i: int, verb: _Verb, candidates: _Spans) -> int | None:
    """Token index where a reported clause starts: after إن/أن, or after the verb's preposition."""
    tokens = doc.tokens
    limit = AMBIGUOUS_WORDS if verb.ambiguous else CONNECTOR_WORDS
    prep_limit = min(PREPOSITION_WORDS, limit)
    words = 0
    free = 0                                    # words outside names and titles
    prev_words: list[str] = []
    prev_free: list[str] = []                   # the same, without the words of names
    prev_in_name = False
    comma = False                               # a comma right before the word now read
    last_after_comma = False                    # ... and before the last word kept in prev_words
    k = i + 1
    while k < len(tokens) and not doc.line_break(k - 1, k):
        t = tokens[k]
        if not is_word(t):
            if _ends_sentence(tokens, k) or t.text == ":":
                return None
            if t.text in _OPENERS and candidates.containing(t.start):
                return None
            comma = comma or t.text in _COMMA
            k += 1
            continue
        after_comma, comma = comma, False
        words += 1
        if not doc.in_referent(t.start):
            free += 1
        # an ambiguous verb counts only words outside names: "وبين من جهته محمود عبد الشكور أن"
        if (free if verb.ambiguous else words) > limit:
            return None
        norm = normal(t.text)
        if norm in lex.first_person and not _own_speaker(doc, lex, i, k):
            return None                         # "أعترف للقارئ أنني", "المعطيات تؤكد أننا": no one quoted
        if norm in lex.connectors and _in_quoted_name(doc, t.start, candidates):
            prev_words.append(t.text)           # 'لشبكة "سي إن إن" بأن': a quoted name's word, no connector
            last_after_comma = after_comma
            prev_in_name = True
            k += 1
            continue
        if norm in lex.connectors:
            if (prev_words and canonical(prev_words[-1]) in verb.prepositions and not prev_in_name
                    and not (len(prev_words) > 1 and _possessed(prev_words[-2]) and not last_after_comma)):
                return k + 1                    # "وأشار الدعيلج في بيان وزعته الأمانة إلى أن"; a comma
                                                # closes an aside: "وأشار المصدر، الذي طلب ... اسمه، إلى أن"
            if not after_comma and any(in_set(w, lex.blockers) and not _name_ali(doc, w) for w in prev_free[-2:]):
                return None                     # "على أن" (provided that), not "على منصة إكس، أن"
            if prev_words and not prev_in_name and normal(prev_words[-1]) in _IT_IS:
                return None                     # "ولم يكن غريبا أن", "من الطبيعي أن": nobody's words
            return k + 1
        if doc.in_name(t.start):                # "وأكد الشيخ علي الحرقان أن": علي is a name, not على
            prev_words.append(t.text)
            last_after_comma = after_comma
            prev_in_name = True
            k += 1
            continue
        prev_in_name = False
        prev_free.append(t.text)
        if (free <= prep_limit and canonical(t.text) in verb.prepositions
                and not (prev_words and _possessed(prev_words[-1]))    # "عزم حكومته على" is not "أكد على"
                and not _name_ali(doc, t.text)
                and not (k + 1 < len(tokens) and in_set(tokens[k + 1].text, _ADVERBIAL_AFTER_PREPOSITION))
                and not (prev_free and in_set(prev_free[0], lex.role_heads) and _subject_name_ahead(doc, i, k))):
            n = k + 1
            if n < len(tokens) and is_word(tokens[n]) and normal(tokens[n].text) in lex.connectors:
                return n + 1
            return n
        if k in doc.verbs and not (doc.verbs[k].ambiguous and _after_statement_noun(doc, lex, k)) and not (
                doc.verbs[k].ambiguous and doc.verbs[k].direct_only):   # "صورة ... معلقة على الباب، إنها"
            return None
        prev_words.append(t.text)
        last_after_comma = after_comma
        k += 1
    return None


# "على هامش التدشين", "على خلفية", "على متن الطائرة": a preposition opening an adverbial, not the verb's own
_ADVERBIAL_AFTER_PREPOSITION = word_set(("هامش", "خلفية", "متن", "صعيد", "مستوى", "رأس", "حد", "ضوء", "وقع",
                                         "غرار", "مدار", "امتداد", "هامشه", "لسان"))


def _name_ali(doc: _Text, word: str) -> bool:
    """"علي" written with ya in a text that writes the preposition "على" with alef maqsura is the name Ali
    ("أكد والي تيارت، علي بوقرة، أن"), not the verb's preposition. Texts that write both alike (much
    Egyptian print) leave it to the other rules."""
    if normal(word) in _ALI_WITH_ARTICLE:
        return True                             # "وأوضح العلي أن": the preposition never takes the article
    return word.endswith("علي") and len(word) <= 4 and _WRITES_ALA.search(doc.text) is not None


_ALI_WITH_ARTICLE = frozenset(normal(w) for w in ("العلي", "والعلي", "فالعلي"))


_WRITES_ALA = re.compile(r"(?<![\w])على(?![\w])")


def _subject_name_ahead(doc: _Text, i: int, k: int) -> bool:
    """The preposition at token k belongs to the subject's role phrase, not to the verb at i, when no person
    is named between them and the preposition's object is a place or body followed by a person's name:
    "دعا المبعوث الأميركي الخاص إلى [السودان] [توم بيرييلو] طرفي الحرب إلى العودة" (the caller checks that
    a role word opens the subject; in "ونوه الوزير إلى دعم الأمير فيصل" a noun comes first)."""
    mentions = doc.article.mentions
    if any(m.type == "PER" and doc.tokens[i].end <= m.start < doc.tokens[k].start for m in mentions):
        return False
    j = k + 1
    others = 0
    while j < len(doc.tokens):
        if not doc.in_name(doc.tokens[j].start):
            return False
        m = doc._mention_at(doc.tokens[j].start)
        if mentions[m].type == "PER":
            return others > 0
        others += 1
        while j < len(doc.tokens) and doc.tokens[j].start < mentions[m].end:
            j += 1
    return False


def _own_speaker(doc: _Text, lex: _Lexicon, i: int, k: int) -> bool:
    """The verb at token i can take a first-person clause at token k ("قال إنني", "وأضاف إننا", "ويقول
    غودمان إننا"): it has a named subject before the connector, or its form is not also the writer's own
    first person (أعترف، أكدتُ) and it is right before the connector or written with و/ف -- not a present
    verb describing something ("تؤكد أننا", "يرى بوضوح أننا")."""
    if any(doc.in_referent(doc.tokens[j].start) for j in range(i + 1, k)):
        return True                             # "واعتبر رئيس الاتحاد أننا"
    word = normal(doc.tokens[i].text)
    if word in lex.writer_forms or (word not in lex.verb_forms and word[1:] in lex.writer_forms):
        return False
    return word not in lex.verb_forms or not any(is_word(doc.tokens[j]) for j in range(i + 1, k))


def _without_overlaps(found: list[_Found]) -> list[_Found]:
    found.sort(key=lambda f: (f.start, -f.end))
    out: list[_Found] = []
    for f in found:
        if out and f.start < out[-1].end:
            continue
        out.append(f)
    return out


# ---------------------------------------------------------------------------------------------------------
# Speakers

_Speaker = tuple[int | None, str | None]     # (mention index, speaker_text)


class _Discourse:
    """Who the text is about: the last speaker, or the first agent named in the latest sentence."""

    def __init__(self) -> None:
        self._focus: _Speaker | None = None
        self.focus_sentence = -1
        self.focus_agreement: str | None = None      # "m"/"f"/"p": the verb the focus last spoke with, if any
        self.sentence = 0
        self.statement: _Speaker | None = None
        self.in_sentence: _Speaker | None = None
        self.last_quote: tuple[int, _Speaker | None] | None = None     # (end, speaker) of the last quote
        self.named: tuple[_Speaker, int] | None = None     # the last speaker given as a mention, and where
        self._interviewee: _Speaker | None = None
        self._interviewee_set = False

    def pronoun(self, doc: _Text, lex: _Lexicon, verb_tok: int) -> _Speaker | None:
        """Who a verb with no subject of its own points at: the focus, unless the verb cannot agree with it --
        a masculine singular verb ("وأضاف") after an anonymous plural source ("وأكدت المصادر"), which goes on
        with the person named as a speaker just before, if recently enough (else nobody) -- and a verb whose
        gender differs from the one the person in focus last spoke with ("وقال دوجاريك" then "وقالت إنها"),
        which points at someone else (nobody, rather than the wrong person)."""
        focus = self.focus
        if focus is not None and focus[0] is not None:
            said = _speaker_agreement(doc.tokens[verb_tok].text, lex)
            if {said, self.focus_agreement} == {"m", "f"} and doc.article.mentions[focus[0]].type == "PER":
                return None                     # (a body's verbs vary: "قالت حماس" then "وأضاف")
            return focus
        if focus is None or focus[1] is None:
            return focus
        if _agreement(doc.tokens[verb_tok].text, lex) == _source_agreement(focus[1], lex):
            return focus
        if _source_agreement(focus[1], lex) is None:
            return focus
        if (_agreement(doc.tokens[verb_tok].text, lex) == "m" and self.named is not None
                and self.sentence - self.named[1] <= FOCUS_SENTENCES):
            return self.named[0]
        return None

    def interviewee(self, doc: _Text, anchor: int) -> _Speaker | None:
        """Who answers an interview's questions: fixed at the first answer as the last person (PER) named as a
        speaker before it (the lead: "أكد الوزير فلان في حواره أن ..."), else the first person the text
        names before the questions, else the person the headline names ("وزير الطاقة صالح الخرابشة
        لـ«الدستور»: ..."); None when none is there."""
        if not self._interviewee_set:
            self._interviewee_set = True
            named = self.named[0] if self.named is not None else None
            if named is not None and doc.article.mentions[named[0]].type == "PER":
                self._interviewee = named           # (not the outlet: "قال خلال حوار أجرته معه «الشرق الأوسط»")
            else:
                first_question = _QUESTION.search(doc.text)
                limit = first_question.start() if first_question else anchor
                for ref in doc.referents_in(0, limit):
                    if ref.mention is not None and doc.article.mentions[ref.mention].type == "PER":
                        self._interviewee = (ref.mention, ref.text)
                        break
                else:
                    self._interviewee = _headline_person(doc.article)
        return self._interviewee

    @property
    def focus(self) -> _Speaker | None:
        """The person the text is about, if named recently enough for a pronoun to point at them."""
        if self.sentence - self.focus_sentence > FOCUS_SENTENCES:
            return None
        return self._focus

    @focus.setter
    def focus(self, speaker: _Speaker | None) -> None:
        self._focus = speaker
        self.focus_sentence = self.sentence
        self.focus_agreement = None


def _attribute(doc: _Text, lex: _Lexicon, found: list[_Found]) -> list[Quote]:
    article = doc.article
    quoted = _Spans([(f.start, f.end) for f in found])
    by_anchor = sorted(found, key=lambda f: f.anchor)
    state = _Discourse()
    quotes: list[Quote] = []
    k = 0
    for number, (s_start, s_end) in enumerate(doc.sentences or [(0, len(doc.text))]):
        state.sentence = number
        state.in_sentence = None
        here = []
        while k < len(by_anchor) and by_anchor[k].anchor < s_end:
            here.append(by_anchor[k])
            k += 1
        for f in here:
            speaker = _speaker(doc, lex, f, (s_start, s_end), state, quoted)
            mention, speaker_text = speaker if speaker else (None, None)
            if speaker is not None:
                known = state.focus_agreement if state.focus == speaker else None
                state.focus = speaker
                verb = f.verb if f.how == "verb" else None
                if known is not None:
                    state.focus_agreement = known       # the same speaker goes on: the first verb told
                elif (verb is not None and not (verb.subject_before or verb.source_after or verb.participle
                                                or verb.ambiguous)
                        and not _statement_subject(doc, lex, f)):
                    # the gender of a finite verb with the speaker as subject ("داعية" is also a preacher,
                    # عبر a preposition, and "وذكر التقرير الصادر عن الشركة" agrees with the report)
                    state.focus_agreement = _speaker_agreement(doc.tokens[f.verb_tok].text, lex)
                state.in_sentence = speaker
                if speaker[0] is not None:
                    state.named = (speaker, number)
                if f.how == "verb" and _mentions_statement(doc, lex, f):
                    state.statement = speaker      # "وقالت الوزارة في بيان ..." then "وأضاف البيان أن"
            state.last_quote = (f.end, speaker)
            verb = _verb_as_written(doc, lex, f.verb_tok) if f.how == "verb" else None
            quotes.append(Quote(
                id=content_id("q", article.id, f.start, f.end),
                article=article.id,
                kind=f.kind,
                text=doc.text[f.start:f.end],
                start=f.start,
                end=f.end,
                verb=verb,
                speaker_text=speaker_text,
                speaker_mention=mention,
            ))
        if not here:
            inside = quoted.containing(s_start)
            if inside is not None and inside[1] >= s_end - 1:
                state.focus_sentence = number       # the speaker's own sentences keep them in focus
                continue
            subject = _sentence_subject(doc, s_start, s_end, quoted)
            if subject is not None:
                state.focus = (subject.mention, subject.text)
    while k < len(by_anchor):                   # anchors past the last sentence (whitespace-only tail)
        f = by_anchor[k]
        quotes.append(Quote(content_id("q", article.id, f.start, f.end), article.id, f.kind,
                            doc.text[f.start:f.end], f.start, f.end))
        k += 1
    quotes.sort(key=lambda q: q.start)
    return quotes


def _paragraph_breaks(text: str, start: int, end: int) -> int:
    """Runs of line breaks between two offsets."""
    return len(re.findall(r"\n\s*", text[start:end]))


def _verb_as_written(doc: _Text, lex: _Lexicon, j: int | None) -> str | None:
    """The verb without a leading و/ف ("وقال" -> "قال", "فأعرب" -> "أعرب")."""
    if j is None:
        return None
    word = doc.tokens[j].text
    if normal(word) not in lex.verb_forms and len(word) > 2 and word[0] in "وف":
        return word[1:]
    return word


def _speaker(doc: _Text, lex: _Lexicon, f: _Found, sentence: tuple[int, int], state: _Discourse,
             quoted: _Spans) -> _Speaker | None:
    if f.how == "none":
        return _coordinated_clause(doc, lex, f, state)
    if f.how == "answer" and f.label is not None:
        return _label_speaker(doc, f.label)
    if f.how == "answer":
        return state.interviewee(doc, f.anchor)
    if f.how == "continuation":
        # a paragraph that is only a quotation goes on with the quotation just before it, if any
        if state.last_quote is None or _paragraph_breaks(doc.text, state.last_quote[0], f.start) > 1:
            return None
        return state.last_quote[1]
    a, b = f.region
    if f.how == "according":
        ref = _relative_before_source(doc, f.verb_tok, sentence[0])
        if ref is not None:                     # "البوسعيدي، الذي جدّد بحسب بيان للخارجية «...»"
            return ref.mention, ref.text
        return _source(doc, lex, a, b, state)
    if f.verb_tok is not None:                  # between the verb and the words: "وأكدت الوزارة على لسان
        mouth = _mouthpiece(doc, doc.tokens[f.verb_tok].start, f.start)     # المتحدث باسمها أحمد سالم أن"
        if mouth is not None:
            return mouth.mention, mouth.text
    verb = f.verb
    assert verb is not None and f.verb_tok is not None
    if verb.source_after:                       # "ونقلت الوكالة عن وزير الداخلية أحمد الفلاحي أن"
        k = _relay_source(doc, a, b)
        return _source(doc, lex, k + 1, b, state) if k is not None else None
    if verb.subject_before:                    # "نقلت الوكالة عن مسؤول عراقي قوله إن"
        ref = _referent_before(doc, f.verb_tok, sentence[0], any_position=True)
        if ref is not None:
            return ref.mention, ref.text
        for j in range(f.verb_tok - 1, max(-1, f.verb_tok - 4), -1):
            if in_set(doc.tokens[j].text, lex.anonymous):
                return None, _bare(doc.tokens[j].text, lex.anonymous)
        k = _relay_source(doc, max(doc.token_index(sentence[0]), f.verb_tok - SOURCE_WORDS),
                          f.verb_tok)
        if k is not None and k + 1 < f.verb_tok and in_set(doc.tokens[k + 1].text, lex.role_heads):
            # "ونقل المتحدث عن الوزير قوله": the role named after عن, or who holds it
            return _role_person(doc, k + 1, f.verb_tok, f.verb_tok), _phrase(doc, lex, k + 1, f.verb_tok)
        return None
    if verb.participle:
        return _clause_subject(doc, f.verb_tok, sentence, state, quoted)
    found = _subject(doc, lex, f.verb_tok, a, b, sentence, state)
    if f.kind == "direct" and (found is None or found[0] is None
                               or doc.article.mentions[found[0]].type != "PER"):
        # "وقال مكتب المبعوث في بيان إن جروندبيرج ناقش مع عبدالسلام «...»": the office speaks for him
        named = _named_in_clause(doc, lex, a, b)
        if named is not None:
            return named
    return found


COORDINATED_WORDS = 6      # "«...» مع وفد أنصار الله، وإنه يواصل «...»": from the last quotation to the next


def _coordinated_clause(doc: _Text, lex: _Lexicon, f: _Found, state: _Discourse) -> _Speaker | None:
    """The speaker of quoted words with no verb of their own that a second إن/أن joined by و hangs on, in
    the sentence of the last quotation ("قال المبعوث إنه «أجرى نقاشات» مع الوفد، وإنه يواصل «العمل ...»"):
    the speaker of that quotation. None otherwise."""
    if state.in_sentence is None or state.last_quote is None or state.last_quote[1] != state.in_sentence:
        return None
    tokens = doc.tokens
    open_pos = f.outer[0] if f.outer is not None else f.start
    k, o = doc.token_index(state.last_quote[0]), doc.token_index(open_pos)
    words = [t for t in tokens[k:o] if is_word(t)]
    if not words or len(words) > COORDINATED_WORDS or any(_ends_sentence(tokens, j) for j in range(k, o)):
        return None
    if any(j in doc.verbs for j in range(k, o)):
        return None
    joined = [w for w in words if normal(w.text)[:1] == "و" and normal(w.text)[1:] in lex.connectors]
    return state.in_sentence if joined else None


def _relative_before_source(doc: _Text, j: int | None, sentence_start: int) -> Referent | None:
    """The person a relative clause's verb right before بحسب/وفق stands for ("وزير الخارجية بدر
    البوسعيدي، الذي جدّد بحسب بيان للخارجية «...»"): the source only tells where the words were read, the
    antecedent said them. None when no relative pronoun and verb come right before the source."""
    if j is None or j < 2:
        return None
    k = j - 1
    while k > 0 and not is_word(doc.tokens[k]) and doc.tokens[k].text in _COMMA:
        k -= 1
    if not is_word(doc.tokens[k]) or doc.in_referent(doc.tokens[k].start):
        return None
    ref = _relative_antecedent(doc, k, sentence_start)
    if ref is None or doc.article.mentions[ref.mention].type != "PER":
        return None
    return ref


def _label_speaker(doc: _Text, label: tuple[int, int]) -> _Speaker:
    """Who an answer's label names: the person tagged in it, else the one person whose surname it ends on
    ("الحلبي:" after "ديمة الحلبي"), else nobody, with the label kept."""
    start, end = label
    text = doc.text[start:end]
    k = bisect.bisect_left(doc.name_starts, start)
    while k < len(doc.names) and doc.names[k][0] < end:
        if doc.names[k][1] <= end:
            i = doc._mention_at(doc.names[k][0])
            if doc.article.mentions[i].type == "PER":
                return i, text
        k += 1
    person = _name_part_mention(doc, text.split()[-1])
    return person, text


def _relay_source(doc: _Text, a: int, b: int) -> int | None:
    """The عن (or the لسان of "على لسان") among tokens [a, b) after which a relaying verb names whose words it
    passes on ("نقلت الوكالة عن مسؤول"), or None: without one, نقل carries people or goods, it reports nobody."""
    tokens = doc.tokens
    return next((j for j in range(a, b) if canonical(tokens[j].text) == "عن"
                 or (normal(tokens[j].text) == _BY_THE_MOUTH_OF and j > a
                     and normal(tokens[j - 1].text) in ("علي", "وعلي"))), None)


_BY_THE_MOUTH_OF = normal("لسان")
RELAY_SOURCE_WORDS = 4    # "ونقلت صحيفة نيويورك تايمز عن": the عن of a relaying verb that ends a running clause
MOUTHPIECE_WORDS = 6      # the person "على لسان" names comes within this many words (a role may come first)


def _mouthpiece(doc: _Text, start: int, end: int) -> Referent | None:
    """The person a sentence speaks through before the quotation ("على لسان المتحدث باسمها أحمد سالم", "دعت
    على لسان عضوة لجنتها الوطنية نزهة مجدي"): whoever the body is, the words are that person's."""
    tokens = doc.tokens
    k = doc.token_index(start)
    while k < len(tokens) and tokens[k].start < end:
        if (normal(tokens[k].text) == _BY_THE_MOUTH_OF and k > 0
                and normal(tokens[k - 1].text) in ("علي", "وعلي")):
            limit = tokens[min(len(tokens) - 1, k + 2 * MOUTHPIECE_WORDS)].end
            for ref in doc.referents_in(tokens[k].end, min(limit, end)):
                if doc.article.mentions[ref.mention].type == "PER" \
                        and _words_between(doc, tokens[k].end, ref.start) <= MOUTHPIECE_WORDS:
                    return ref
            return None
        k += 1
    return None


def _subject(doc: _Text, lex: _Lexicon, verb_tok: int, a: int, b: int, sentence: tuple[int, int],
             state: _Discourse) -> _Speaker | None:
    """The speaker of a finite reporting verb whose subject may sit in tokens [a, b)."""
    tokens = doc.tokens
    ref = _kana_subject(doc, verb_tok, sentence[0])
    if ref is not None:
        return ref.mention, ref.text
    phrase = _kana_phrase(doc, verb_tok, sentence[0])
    if phrase is not None:                      # "وكان الاتحاد العام للشغل قد دعا إلى": that body, unnamed
        return None, phrase
    h = _first_content_word(doc, lex, a, b)
    if h is not None and _told(doc, lex, tokens[h].start):
        h = None                                # "وكتب على منصة إكس أن": no subject written, إكس is no subject
    if h is not None and (in_set(tokens[h].text, lex.receivers) or _received(doc, lex, tokens[h].start)):
        h = None                                # "وأضاف في تصريحات نقلتها وكالة ...": no subject written
    if h is not None and _kin_word(tokens[h].text, lex):
        return _kin_subject(doc, lex, h, b)     # "وقالت ابنته الروائية فلانة إن": the relative, named or not
    if h is not None and b > h + 1 and normal(tokens[h].text).startswith("ال") and not doc.in_name(tokens[h].start):
        # "وتوقع الخبير يوسف بنجلون أن": the name right after a definite description (not "مصادر حماس")
        near = tokens[min(b, h + 4) - 1].end       # a person's name starts within three words and may end
        for ref in (r for r in doc.referents_in(tokens[h + 1].start, tokens[b - 1].end)   # later; another
                    if r.end <= near or (r.start < near and r.mention is not None       # name ends in them
                                         and doc.article.mentions[r.mention].type == "PER")):
            before = doc.token_index(ref.start) - 1
            if (not ref.object and ref.start >= tokens[h].end
                    and not in_set(tokens[before].text, lex.fillers)    # "وقال المصدر لوكالة شفق نيوز"
                    and not (in_set(tokens[before].text, lex.body_heads)    # "الباحث في مركز مالكوم
                             and not in_set(tokens[before].text, _OFFICE_HEADS)   # كير": the body's name
                             and not _definite_word(tokens[before].text))):
                if _words_between(doc, tokens[h].end, ref.start) <= 2:
                    return ref.mention, ref.text
            break
    if h is not None and in_set(tokens[h].text, lex.role_heads) and b > h + 1:
        # "وقال رئيس أرامكو وكبير إدارييها التنفيذيين المهندس أمين الناصر:": the name the roles end on
        for ref in doc.referents_in(tokens[h + 1].start, tokens[b - 1].end):
            if (not ref.object and ref.mention is not None and not _told(doc, lex, ref.start)
                    and doc.article.mentions[ref.mention].type == "PER" and ref.start >= tokens[h].end
                    and normal(tokens[doc.token_index(ref.start) - 1].text) not in lex.namesake_titles):
                return ref.mention, ref.text        # (not "عميد كلية الطب بجامعة الملك سعود")
        swallowed = _name_after_body(doc, lex, h, b)
        if swallowed is not None:
            return swallowed
    unnamed = _unnamed_role(doc, lex, h, b, verb_tok) if h is not None else None
    if unnamed is not None:
        return unnamed
    role = _role_subject(doc, lex, h, b, verb_tok) if h is not None else None
    if role is not None:
        return role
    if (h is not None and normal(tokens[h].text) in lex.epithets and state.focus is not None
            and state.focus[0] is not None and not _names_someone(doc, h + 1, b)):
        return state.focus[0], _phrase(doc, lex, h, b)     # "ورأى الخبير السياسي المصري أن": the expert just named
    if h is not None and in_set(tokens[h].text, lex.anonymous):
        named = next((r for r in doc.referents_in(tokens[h].start, tokens[b - 1].end)
                      if r.start == tokens[h].start and not r.object
                      and doc.article.mentions[r.mention].type == "PER"
                      and doc.article.mentions[r.mention].start > tokens[h].start), None)
        if named is not None:                   # "قال الخبير النفطي نبيل المرسومي إن": the expert, named
            return named.mention, named.text
        return None, _bare(tokens[h].text, lex.anonymous)
    if h is not None and in_set(tokens[h].text, lex.statements):
        return _statement(doc, lex, h, b, state)
    if b > a:
        end = tokens[b - 1].end
        for ref in doc.referents_in(tokens[a].start, end):
            if _received(doc, lex, ref.start):
                break                           # "في بيان تلقته وكالة الأنباء الكويتية (كونا)": the outlet's
            before = doc.token_index(ref.start) - 1
            if (before >= a and ref.mention is not None and doc.article.mentions[ref.mention].type == "PER"
                    and in_set(tokens[before].text, lex.body_heads)
                    and not in_set(tokens[before].text, _OFFICE_HEADS)     # "مكتب الرئيس X": X speaks
                    and not _definite_word(tokens[before].text)):
                break                           # "يرى الباحث في مركز مالكوم كير-كارنيغي ... يزيد صايغ": the
                # person a body is named after is not its researcher, nor the body speaking
            if (not ref.object and normal(ref.text) not in _NO_SUBJECT and not _told(doc, lex, ref.start)
                    and not (ref.mention is not None and ref.start < doc.article.mentions[ref.mention].start
                             and _told(doc, lex, doc.article.mentions[ref.mention].start))
                    and not _visited(doc, ref.start, a)):
                return ref.mention, ref.text
    if (h is not None and not in_set(tokens[h].text, lex.according) and not _possessed(tokens[h].text)
            and normal(tokens[h].text) not in _NO_SUBJECT):
        phrase = _phrase(doc, lex, h, b)
        person = _surname_mention(doc, h, b, verb_tok)
        if person is None and phrase == tokens[h].text:
            person = _named_body(doc, lex, h, verb_tok)
        if person is None and in_set(tokens[h].text, lex.role_heads) and _definite(doc, h, b):
            person = _role_person(doc, h, b, verb_tok)
            if person is None:
                person = _continuing_holder(doc, lex, h, verb_tok, state)
        if person is not None:
            return person, phrase
        return None, phrase
    named = _connector_subject(doc, lex, verb_tok)
    if named is not None:                       # "إن المنفي أكد «...»": the person the clause opens on
        return named
    topic = _topic_subject(doc, lex, verb_tok, sentence[0], state)
    if topic is not None:
        return topic
    anaphor = _anaphor_subject(doc, lex, verb_tok, sentence[0], state)
    if anaphor is not None:
        return anaphor
    ref = _referent_before(doc, verb_tok, sentence[0])
    if ref is not None:
        return ref.mention, ref.text
    ref = _speech_author(doc, lex, verb_tok, sentence[0])
    if ref is not None:                         # "بكلمة من الدكتور X ... قال فيها:"
        return ref.mention, ref.text
    ref = _relative_antecedent(doc, verb_tok, sentence[0])
    if ref is not None:
        return ref.mention, ref.text
    opening = _unnamed_subject_before(doc, lex, verb_tok, sentence[0], state)
    if opening is not None:
        return opening
    role = _sentence_role(doc, lex, verb_tok, sentence[0])
    if role is not None:
        return role
    if _joined_verb(doc, lex, verb_tok):
        opening = _opening_subject(doc, lex, verb_tok, sentence, state)
        if opening is not None:                 # "رحب النائب السابق فلان بالحكم، وكتب عبر حسابه: «": the
            if opening[0] is None and opening[1]:   # subject of the verb it is joined to, not the last speaker
                words = opening[1].split()      # (a definite subject ends before the object after it:
                if normal(words[0]).startswith("ال"):   # "باعت الحكومة حصة ...، وقالت" -> الحكومة)
                    cut = next((n for n in range(1, len(words)) if not normal(words[n]).startswith("ال")),
                               len(words))
                    opening = (None, " ".join(words[:cut]))
            return opening
    agent = _own_agent(doc, lex, verb_tok, sentence[0], state)
    if agent is not None:
        return agent.mention, agent.text
    return state.pronoun(doc, lex, verb_tok)


_BARE_CONNECTORS = frozenset(normal(w) for w in ("إن", "أن", "بأن", "إنّ", "أنّ"))   # not إنه: "he" is the subject


def _clause_person(doc: _Text, k: int, until: int) -> int | None:
    """The person whose name opens the clause at token `k` and is followed by a verb-like word before token
    `until` ("إن جروندبيرج ناقش", "إن المنفي أكد"): a PER name (a role phrase naming one) starting at `k`, or
    a single word that is the surname of the one person of the article (`_surname_mention`), then a word
    that is neither definite nor part of a name. None otherwise."""
    tokens = doc.tokens
    if k >= until or not is_word(tokens[k]):
        return None
    person, after = None, k + 1
    ref = next((r for r in doc.referents_in(tokens[k].start, tokens[until - 1].end)
                if r.start == tokens[k].start), None)
    if ref is not None and not ref.object:
        if ref.mention is None or doc.article.mentions[ref.mention].type != "PER":
            return None
        person, after = ref.mention, doc.token_index(ref.end)
    elif not doc.in_referent(tokens[k].start):
        person = _surname_mention(doc, k, k + 1, until)
    if person is None or after >= until or not is_word(tokens[after]):
        return None
    word = normal(tokens[after].text)
    if word.startswith("ال") or doc.in_referent(tokens[after].start) or word in _BARE_CONNECTORS:
        return None
    return person


def _connector_subject(doc: _Text, lex: _Lexicon, verb_tok: int) -> Referent | _Speaker | None:
    """The subject of a verb written right after a person named at the start of an إن/أن clause: "وقال
    المكتب الإعلامي، في بيان، إن المنفي أكد «...»" -- المنفي says the quoted words, not the office (nor
    whoever spoke before)."""
    tokens = doc.tokens
    j = verb_tok - 1
    k = j
    while k > 0 and is_word(tokens[k]) and not (normal(tokens[k - 1].text) in _BARE_CONNECTORS):
        if j - k >= 3:                         # a name of at most four words
            return None
        k -= 1
    if k <= 0 or normal(tokens[k - 1].text) not in _BARE_CONNECTORS:
        return None
    person = _clause_person(doc, k, verb_tok + 1)
    if person is None:
        return None
    ref = next((r for r in doc.referents_in(tokens[k].start, tokens[j].end) if r.start == tokens[k].start), None)
    if ref is not None and ref.end != tokens[j].end:
        return None                             # the name must end right before the verb
    if ref is None and k != j:
        return None
    return person, doc.text[tokens[k].start:tokens[j].end]


def _named_in_clause(doc: _Text, lex: _Lexicon, a: int, b: int) -> _Speaker | None:
    """A direct quotation whose lead-in says, after the verb's إن/أن, that a named person did something
    with those words ("وقال مكتب المبعوث في بيان إن جروندبيرج ناقش مع عبدالسلام «...»"): that person, whose
    office or body issued the statement. None when the lead-in [a, b) has no such clause."""
    tokens = doc.tokens
    for k in range(a, b - 1):
        if is_word(tokens[k]) and normal(tokens[k].text) in _BARE_CONNECTORS:
            person = _clause_person(doc, k + 1, b)
            if person is not None:
                end = next((r.end for r in doc.referents_in(tokens[k + 1].start, tokens[b - 1].end)
                            if r.start == tokens[k + 1].start), tokens[k + 1].end)
                return person, doc.text[tokens[k + 1].start:end]
            return None
    return None


_BUT_HE = frozenset(normal(w) for w in ("لكنه", "لكنها", "ولكنه", "ولكنها", "أنه", "أنها"))
# "..، إذ قال": the sentence's subject explains; "جولة المبعوث ... بعد إحاطته، حين حذّر": it tells when
_AS_HE = frozenset(normal(w) for w in ("إذ", "حيث", "حين", "حينما", "عندما"))


def _sentence_person(doc: _Text, start: int, end: int) -> Referent | None:
    """The person among the agents a sentence opens with, past a body inside the role phrase before or
    after the name ("المدير الفني للأهلي، الإسباني X" / "X، المدير الفني للأهلي"); None when the first
    agent is a body standing alone or the opening words name no person."""
    for ref in doc.referents_in(start, end):
        if ref.end <= doc.byline_end or ref.object:
            continue
        if _words_between(doc, start, ref.start) > EXPLAINED_SUBJECT_WORDS:
            return None
        if doc.article.mentions[ref.mention].type == "PER":
            return ref
        tok = doc.tokens[doc.token_index(ref.start)]
        glued = tok.start < ref.start and normal(doc.text[tok.start:ref.start]).endswith("ل")   # "للأهلي"
        if not glued and not _after_lam_word(doc, ref.start):
            return None                         # "أصدرت الوزارة بيانا، إذ قالت": the body itself
    return None


def _own_agent(doc: _Text, lex: _Lexicon, verb_tok: int, sentence_start: int, state: _Discourse) -> Referent | None:
    """The person a sentence opened with, for a verb that goes on with و or ف and has no subject of its own:
    "أرجع الألماني ماتياس يايسله، مدرب الأهلي، الخسارة إلى النقص العددي، وقال:" is Jaissle speaking, not the
    coach quoted before him; so does a verb after لكنه/لكنها ("ثمنت النائبة X الخطوة، لكنها شددت على"). None
    when the verb opens its sentence, the sentence names no person first, the
    verb is plural ("وأصيب أصدقاء عبد العزيز بصدمة وقالوا") or someone already spoke in this sentence."""
    verb = normal(doc.tokens[verb_tok].text)
    after_pronoun = verb_tok > 0 and normal(doc.tokens[verb_tok - 1].text) in _BUT_HE
    explaining = verb_tok > 0 and normal(doc.tokens[verb_tok - 1].text) in _AS_HE
    if ((verb[:1] not in ("و", "ف") and not after_pronoun and not explaining) or state.in_sentence is not None
            or _agreement(doc.tokens[verb_tok].text, lex) == "p"):
        return None
    if explaining:                              # "أبدى المدير الفني للأهلي، الإسباني X، تحفظه ...، إذ قال":
        end = doc.tokens[verb_tok].start        # X, not the club; "..، كما أكد الشاعر X في رثائية، إذ يقول":
        for k in range(verb_tok - 1, doc.token_index(sentence_start) - 1, -1):     # the subject of the verb
            if k in doc.verbs and not doc.verbs[k].ambiguous:                        # the clause hangs on
                person = _sentence_person(doc, doc.tokens[k].end, end)
                if person is not None:
                    return person
                break
        return _sentence_person(doc, sentence_start, end)
    start = _last_clause_opener(doc, verb_tok, sentence_start)
    agent = _sentence_subject(doc, start, doc.tokens[verb_tok].start, _Spans([]))
    if agent is None or doc.article.mentions[agent.mention].type != "PER":
        return None
    return agent


_CLAUSE_OPENERS = frozenset(normal(w) for w in ("فيما", "بينما", "وفيما", "وبينما"))


def _last_clause_opener(doc: _Text, verb_tok: int, sentence_start: int) -> int:
    """Where the clause a subject-less "وكتب"/"وقال" goes on from opens: after the last فيما/بينما before
    it in the sentence ("وجّه X الوزارة ...، فيما قدّم Y تعازيه، وكتب:" is Y writing), else the sentence start."""
    tokens = doc.tokens
    for k in range(verb_tok - 1, doc.token_index(sentence_start) - 1, -1):
        if is_word(tokens[k]) and normal(tokens[k].text) in _CLAUSE_OPENERS and not doc.in_referent(tokens[k].start):
            return tokens[k].end
    return sentence_start


KIN_PHRASE_WORDS = 5     # "ابنته الروائية كارلا مخول": the relative with the name the tagger may have missed


def _kin_word(word: str, lex: _Lexicon) -> bool:
    """A kinship noun with a possessive suffix, bare or after و/ف ("ابنته", "وزوجها"), never after ل/ب (the
    one spoken to: "قال لابنته")."""
    if word.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652").endswith("ة"):
        return False                    # "والدة فانينج": the relative of the name after it (ة and ه read alike)
    form = normal(word)
    return form in lex.kin_possessed or (form[:1] in ("و", "ف") and form[1:] in lex.kin_possessed)


def _kin_subject(doc: _Text, lex: _Lexicon, h: int, b: int) -> _Speaker:
    """The speaker of a subject that opens with a relative ("ابنته الروائية كارلا مخول"): the person named in
    its next words (before any comma), else nobody named, with the phrase kept -- never someone named before."""
    tokens = doc.tokens
    stop = h + 1
    while stop < b and stop <= h + KIN_PHRASE_WORDS and tokens[stop].text not in _COMMA:
        stop += 1
    if stop > h + 1:
        for ref in doc.referents_in(tokens[h + 1].start, tokens[stop - 1].end):
            if not ref.object and ref.mention is not None and doc.article.mentions[ref.mention].type == "PER":
                return ref.mention, ref.text
    return None, _phrase(doc, lex, h, b, KIN_PHRASE_WORDS)


OPENING_CLAUSE_WORDS = 14  # "كما نعاه اتحاد الكتاب اللبنانيين، معتبرا": the subject's clause up to its participle
_OPENING_SKIP = frozenset(normal(w) for w in ("كما", "وكما", "ثم", "قد", "وقد", "فقد", "بدوره", "بدورها"))


_ON_PART = frozenset(normal(w) for w in ("جانبه", "جانبها", "جهته", "جهتها", "ناحيته", "ناحيتها"))


def _on_its_part(tokens: list[Token], k: int) -> bool:
    """"من جانبها،" / "ومن جهته،": an opener that points at the subject to come, not a subject."""
    return (normal(tokens[k].text) in ("من", "ومن") and k + 1 < len(tokens)
            and normal(tokens[k + 1].text) in _ON_PART)


def _opening_subject(doc: _Text, lex: _Lexicon, verb_tok: int, sentence: tuple[int, int],
                     state: _Discourse) -> _Speaker | None:
    """The subject written right after the verb that opens a participle's sentence ("وعبّر مدرب الفريق سامر
    علي عن سعادته، مؤكدا أن", "كما نعاه اتحاد الكتاب، معتبرا أن", "وقالت ابنته ..."): a role phrase, a relative
    or a body's name the tagger did not mark is the participle's speaker (or its phrase, with nobody named),
    never a person named in an earlier sentence. None when the sentence opens otherwise (a preposition, a
    date, a noun) or the word after its first word heads no such phrase."""
    found = _opening_phrase(doc, lex, verb_tok, sentence)
    if found is None:
        return None
    v, h, b = found
    return _subject(doc, lex, v, h, b, sentence, state)


OPENER_PHRASE_WORDS = 4    # "وفي بند الأسئلة، رد وزير الإسكان": a circumstance before the comma, then the verb
_SUBJECT_ENDS = frozenset(normal(w) for w in ("على", "عن", "إلى", "الى", "حول", "مع", "خلال", "لدى", "أمام",
                                              "بشأن", "نحو"))
# role words that take a preposition inside the role phrase ("مدير المستشفى المشرف على القطاع الصحي فلان")
_ROLE_PREPOSITION_WORDS = frozenset(normal(w) for w in (
    "المشرف", "المشرفة", "المسؤول", "المسؤولة", "القائم", "القائمة", "المكلف", "المكلفة", "المنتدب",
    "المنتدبة", "المفوض", "المفوضة", "المعني", "المعنية", "المختص", "المختصة", "الوصي"))


def _opening_phrase(doc: _Text, lex: _Lexicon, verb_tok: int,
                    sentence: tuple[int, int]) -> tuple[int, int, int] | None:
    """`_opening_subject`'s verb v and the subject tokens [h, b) written right after it, past the openers
    (كما، من جانبه، and a circumstance closed by a comma: "وفي بند الأسئلة،", "وخلال الجلسة،"). The subject
    ends at a comma or at the preposition its verb takes: in "رد وزير الإسكان على سؤال النائبة فلانة" the
    one asking is the object, never the participle's speaker."""
    tokens = doc.tokens
    k = doc.token_index(sentence[0])
    while k < verb_tok and (not is_word(tokens[k]) or normal(tokens[k].text) in _OPENING_SKIP
                            or _on_its_part(tokens, k)):
        k += 2 if _on_its_part(tokens, k) else 1
    if k < verb_tok and (in_set(tokens[k].text, lex.fillers) or normal(tokens[k].text) in _GOVERNING):
        comma = next((j for j in range(k + 1, min(verb_tok, k + OPENER_PHRASE_WORDS + 1))
                      if tokens[j].text in _COMMA), None)
        if comma is not None and not any(doc.in_referent(tokens[j].start) for j in range(k, comma)):
            k = comma + 1                       # (not "وفي تصريح لوزير الصحة فلان،": a name is no circumstance)
    v, h = k, k + 1
    if h >= verb_tok or not is_word(tokens[h]) or doc.line_break(v, h):
        return None
    first = normal(tokens[v].text)
    first = first[1:] if first[:1] in ("و", "ف") and len(first) > 3 else first
    if v not in doc.verbs and (first.startswith("ال") or in_set(tokens[v].text, lex.fillers) or in_set(tokens[v].text, lex.according)
            or first in _GOVERNING or doc.in_timex(tokens[v].start) or doc.in_referent(tokens[v].start)):
        return None
    word = tokens[h].text
    if normal(word)[:1] in ("ل", "ب") and not _kin_word(word, lex):
        return None
    if not (_kin_word(word, lex) or in_set(word, lex.kin_heads) or in_set(word, lex.role_heads)
            or in_set(word, lex.body_heads)):
        return None
    b = h + 1
    while (b < verb_tok and tokens[b].text not in _COMMA and tokens[b].text not in _SENTENCE_PUNCT
           and not (normal(tokens[b].text) in _SUBJECT_ENDS and not _ali_before_preposition(doc, b)
                    and not doc.in_name(tokens[b].start)       # "محافظ دهوك علي تتر": the name Ali
                    and normal(tokens[b - 1].text) not in _ROLE_PREPOSITION_WORDS)):
        b += 1
    commas = sum(1 for j in range(h, verb_tok) if tokens[j].text in _COMMA or tokens[j].text in _TURN_PUNCT)
    if commas > 1 or _words_between(doc, tokens[h].start, tokens[verb_tok].start) > OPENING_CLAUSE_WORDS:
        return None                             # clauses in between: the participle may follow another agent
    return v, h, b


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """The common given names of marsad/data/person_names.json, normalised (عبد... names are all given)."""
    return frozenset(normal(w) for w in load_data("person_names.json").get("given_names", []))


def _given_name(word: str) -> bool:
    form = normal(word)
    form = form[1:] if form[:1] in ("و", "ف") and form[1:] in _given_names() else form
    return form in _given_names() or (form.startswith("عبد") and len(form) > 4)


def _names_someone(doc: _Text, lo: int, hi: int) -> bool:
    """A given name among tokens [lo, hi): "ورأى المحلل السياسي عامر السبايلة أن" names a new person even
    when the tagger missed him, so the epithet is not the person just named."""
    return any(is_word(doc.tokens[j]) and (_given_name(doc.tokens[j].text) or (
        normal(doc.tokens[j].text) == "عبد" and j + 1 < hi and is_word(doc.tokens[j + 1])))   # "عبد الحكيم"
        for j in range(lo, hi))


_GOES_ON = frozenset(normal(w) for w in ("تابع", "تابعت", "أضاف", "أضافت", "أردف", "أردفت", "استطرد",
                                          "استطردت", "واصل", "واصلت"))


def _continuing_holder(doc: _Text, lex: _Lexicon, h: int, verb_tok: int, state: _Discourse) -> int | None:
    """"وتابع المدرب البرتغالي: «...»" right after "أما مدرب شباب الأهلي باولو سوسا فقال": a verb that goes on
    (تابع، أضاف، أردف) with a definite role the article ties to nobody in all its words is the person in
    focus when the role's head word is in the role phrase written next to that person or their title (the
    other words, a nationality, are new to the reader). None otherwise."""
    word = normal(doc.tokens[verb_tok].text)
    word = word[1:] if word[:1] in ("و", "ف") and word[1:] in _GOES_ON else word
    focus = state.focus
    if word not in _GOES_ON or focus is None or focus[0] is None:
        return None
    m = doc.article.mentions[focus[0]]
    if m.type != "PER":
        return None
    head = canonical(doc.tokens[h].text)
    words = list(m.title.split()) if m.title else []
    for idx, span in doc.role_windows():
        if doc.article.mentions[idx].name == m.name:
            words += span[2]
    return focus[0] if any(_same_word(head, canonical(w)) for w in words) else None


def _unnamed_role(doc: _Text, lex: _Lexicon, h: int, b: int, verb_tok: int) -> _Speaker | None:
    """A subject that names its speaker only by a relation to someone else: a relative ("عائلة الفنان
    التشكيلي شفيق عبود" -- the family, not the artist) or a spokesman written without the article
    ("متحدثة باسم دار هاربر كولينز" -- a spokeswoman, not the publisher). The speaker is then nobody named:
    (None, the phrase) -- or, for a spokesman, the one person the article gave that role before. None when the
    subject is no such phrase."""
    tokens = doc.tokens
    word = tokens[h].text
    if in_set(word, lex.kin_heads) and not _possessed(word) and not doc.in_name(tokens[h].start):
        return None, _phrase(doc, lex, h, b)
    if (in_set(word, lex.role_heads) and not normal(word).startswith("ال") and h + 1 < b
            and is_word(tokens[h + 1]) and normal(tokens[h + 1].text) in lex.name_of_words):
        # what follows باسم is what the spokesman speaks for ("باسم دار هاربر كولينز"); a name after a
        # definite noun there is the spokesman himself ("متحدث باسم الحكومة لامبرت ميندي"): the old rules
        for k in range(h + 2, min(b, h + 5)):
            if not is_word(tokens[k]):
                break
            if doc.in_name(tokens[k].start):
                return _role_person(doc, h, b, verb_tok), _phrase(doc, lex, h, b)
            if normal(tokens[k].text).startswith("ال"):
                return None if doc.referents_in(tokens[k].end, tokens[b - 1].end) else (
                    _role_person(doc, h, b, verb_tok), _phrase(doc, lex, h, b))
        return _role_person(doc, h, b, verb_tok), _phrase(doc, lex, h, b)
    return None


def _sentence_role(doc: _Text, lex: _Lexicon, verb_tok: int, sentence_start: int) -> _Speaker | None:
    """A verb joined by و to an earlier verb of its sentence shares that verb's subject: "وسرعان ما ندد
    الرئيس التركي ... بالهجوم وقال أمام الصحافيين «...»". That subject is a definite role phrase in the
    sentence's first SUBJECT_START_WORDS words (names are `_sentence_subject`'s); the person holding it
    when the article says who, else the phrase."""
    tokens = doc.tokens
    if verb_tok == 0 or normal(tokens[verb_tok].text) in lex.verb_forms or _opens_sentence(doc, verb_tok):
        return None                             # only "وقال", never a verb opening its sentence
    return _opening_role(doc, lex, verb_tok, sentence_start)


def _joined_verb(doc: _Text, lex: _Lexicon, verb_tok: int) -> bool:
    """The verb is written with و and follows a comma inside its sentence ("...، وكتب"), so it goes on with
    the subject of the verb its sentence opened with."""
    tokens = doc.tokens
    return (verb_tok > 0 and normal(tokens[verb_tok].text) not in lex.verb_forms
            and normal(tokens[verb_tok].text)[:1] == "و" and tokens[verb_tok - 1].text in _COMMA
            and not _opens_sentence(doc, verb_tok))


def _opening_role(doc: _Text, lex: _Lexicon, verb_tok: int, sentence_start: int,
                  own_verb: bool = False) -> _Speaker | None:
    """A definite role phrase among the sentence's first SUBJECT_START_WORDS words before the verb, with no
    name or other reporting verb before it (`own_verb`: but for the verb opening the sentence, whose subject
    it is): (the person holding it when the article says who, the phrase)."""
    tokens = doc.tokens
    k = doc.token_index(sentence_start)
    words = 0
    while k < verb_tok and words < SUBJECT_START_WORDS:
        tok = tokens[k]
        if is_word(tok):
            words += 1
            if doc.in_referent(tok.start) or (k in doc.verbs and not (own_verb and words == 1)):
                return None
            if in_set(tok.text, lex.role_heads) and (normal(tok.text).startswith("ال") or (
                    own_verb and words == 2 and _definite(doc, k, verb_tok))):
                # (and the verb's own role subject of a named body: "وأكد رئيس نادي السد ...، مشيرا")
                person = _role_person(doc, k, verb_tok, verb_tok)
                return person, _phrase(doc, lex, k, verb_tok)
        k += 1
    return None


def _definite(doc: _Text, h: int, b: int) -> bool:
    """A role phrase that points at someone known: "المتحدث", "مدير الجامعتين" (a definite noun after it),
    "رئيس اتحاد كتاب المغرب" (a named body after it), never the indefinite "متحدث باسم القصر" (a spokesman)."""
    if normal(doc.tokens[h].text).startswith("ال"):
        return True
    if h + 1 < b and _starts_referent(doc, doc.tokens[h + 1].start):
        return True                             # "رئيس اتحاد كتاب المغرب": a role of a named body
    return h + 1 < b and is_word(doc.tokens[h + 1]) and normal(doc.tokens[h + 1].text).startswith("ال")


def _role_subject(doc: _Text, lex: _Lexicon, h: int, b: int, verb_tok: int) -> _Speaker | None:
    """A subject that is a role phrase with a name inside it: "مؤذن مسجد الهداية", "مدير جامعتي الملك عبد
    العزيز وجدة المكلف". The speaker is the person holding the role (`_role_person`), or nobody named --
    never the mosque, the university or the king in its name. None when the subject is no such phrase."""
    tokens = doc.tokens
    if not in_set(tokens[h].text, lex.role_heads) or doc.in_referent(tokens[h].start):
        return None
    if b <= h + 1:
        return None
    ref = next((r for r in doc.referents_in(tokens[h + 1].start, tokens[b - 1].end) if not r.object), None)
    if ref is None or any(tokens[k].text in _COMMA for k in range(h + 1, doc.token_index(ref.start))):
        return None                             # no name, or the name after a comma is the person: "، فلان"
    if doc.token_index(ref.start) == h + 1 and doc.article.mentions[ref.mention].type == "PER":
        return None                             # "وقال الوزير فلان": the name right after the role
    if doc.article.mentions[ref.mention].type == "PER" and all(
            normal(tokens[k].text) in _honorific_words() for k in range(h, doc.token_index(ref.start))):
        return ref.mention, ref.text            # "أعلن صاحب السمو الملكي الأمير عبدالعزيز بن سلمان": honorifics
    phrase = _phrase(doc, lex, h, b)
    person = _role_person(doc, h, b, verb_tok) if _definite(doc, h, b) else None
    if person is not None:
        return person, phrase
    k = doc.token_index(ref.start) - 1
    if doc.article.mentions[ref.mention].type == "PER" and normal(tokens[k].text) not in lex.namesake_titles:
        return None                             # "وقال مساعد المدير فلان": the old rules decide
    return None, phrase


_PLATFORMS = word_set(("منصة", "منصته", "منصتها", "حساب", "حسابه", "حسابها", "صفحة", "صفحته", "صفحتها",
                       "تطبيق"))
_PLATFORM_ADJECTIVES = word_set(("الرسمي", "الرسمية", "الشخصي", "الشخصية", "الخاص", "الخاصة"))


def _told(doc: _Text, lex: _Lexicon, start: int) -> bool:
    """A name the words were said to or carried by: after لوكالة/لصحيفة/للصحفيين, written with the
    preposition ل ("في تصريحات لوكالة رويترز، إن", "قال لرويترز"), or a platform's name ("على منصة إكس").
    The speaker is someone else."""
    i = doc.token_index(start)
    if i < len(doc.tokens) and doc.tokens[i].start < start and doc.text[start - 1] == "ل":
        return True
    if i < len(doc.tokens) and doc.tokens[i].start == start and _lam_glued(doc, doc.tokens[i].text):
        return True
    j = i - 1
    while j >= 0 and not is_word(doc.tokens[j]) and doc.tokens[j].text in _AROUND_NAME:
        j -= 1                          # 'لوكالة "فرانس برس"': the name's own quotation mark
    if j > 0 and in_set(doc.tokens[j].text, _PLATFORM_ADJECTIVES):
        j -= 1                          # "على حسابه الرسمي «...»"
    if j >= 0 and in_set(doc.tokens[j].text, _PLATFORMS):
        return True                     # "وكتب على منصة إكس أن", "على منصته «تروث سوشال»": the platform
    if j >= 0 and in_set(doc.tokens[j].text, lex.fillers) and normal(doc.tokens[j].text).startswith("ل"):
        return True
    words = 0                           # 'وقال السفير لمحطة التلفزيون الكينية «كي تي إن»': the outlet's name
    while j >= 0 and words < 3 and is_word(doc.tokens[j]):
        if normal(doc.tokens[j].text) in _TO_OUTLET:
            return True
        words += 1
        j -= 1
    return False


_TO_OUTLET = frozenset(normal(w) for w in ("لمحطة", "لقناة", "لوكالة", "لصحيفة", "لموقع", "لإذاعة", "لتلفزيون",
                                            "لشبكة", "لمجلة", "لراديو", "لجريدة", "لبرنامج"))


def _named_body(doc: _Text, lex: _Lexicon, h: int, verb_tok: int) -> int | None:
    """The body a bare definite head stands for ("وقالت الوزارة في بيان" after "أعلنت وزارة الصحة الكويتية"):
    the organisation named before the verb whose name opens with that word, when exactly one does."""
    word = normal(doc.tokens[h].text)
    word = word[1:] if word[:1] in ("و", "ف") and word[1:3] == "ال" else word
    if not word.startswith("ال") or not in_set(word, lex.body_heads):
        return None
    head = word[2:]
    until = doc.tokens[verb_tok].start
    found: dict[str, int] = {}
    for i in doc.mentions:
        m = doc.article.mentions[i]
        if m.type == "ORG" and m.start < until and len(m.name.split()) > 1 and normal(m.name.split()[0]) == head:
            found.setdefault(normal(m.name), i)
    return next(iter(found.values())) if len(found) == 1 else None


def _lam_glued(doc: _Text, word: str) -> bool:
    """A name written with ل glued to it ("وقال لروداو:") that the article also writes without the ل
    ("شبكة روداو") or that is a one-word outlet's name (outlets.json): the one spoken to, though the tagger
    took the whole word for a name; never a given name that starts with ل (ليلى، لؤي)."""
    form = normal(word)
    if len(form) < 5 or form[0] != "ل" or form[1] == "ل" or _given_name(word):
        return False
    if form[1:] in _outlet_words():
        return True                     # "وقال لروداو:" on a page that never writes روداو alone
    if doc.word_forms is None:
        doc.word_forms = frozenset(normal(t.text) for t in doc.tokens if is_word(t))
    return form[1:] in doc.word_forms


@lru_cache(maxsize=1)
def _outlet_words() -> frozenset[str]:
    """One-word outlet names of marsad/data/outlets.json (روداو، الجزيرة), normalised."""
    return frozenset(normal(n) for o in load_data("outlets.json").get("outlets", [])
                     for n in o.get("names", []) if len(n.split()) == 1 and len(normal(n)) >= 4)


_ON_IT = frozenset(normal(w) for w in ("عليه", "عليها", "منه", "منها", "نسخة", "نسخه"))


def _received(doc: _Text, lex: _Lexicon, start: int) -> bool:
    """A name after a verb of receiving or publishing a statement ("في بيان تلقته وكالة الأنباء الكويتية",
    "بيان حصلت عليه الجزيرة", "تلقت نسخة منه صحيفة ..."): the outlet that got the words, not who said them."""
    j = doc.token_index(start) - 1
    words = 0
    while j >= 0 and words < 3:
        tok = doc.tokens[j]
        if is_word(tok):
            if in_set(tok.text, lex.receivers):
                return True
            if normal(tok.text) not in _ON_IT:
                return False
            words += 1
        elif tok.text not in _AROUND_NAME:
            return False
        j -= 1
    return False


@lru_cache(maxsize=1)
def _honorific_words() -> frozenset[str]:
    """The words of the honorifics before a name (titles.json: صاحب السمو، معالي، الأمير ...) and the Gulf
    chain's adjectives ("صاحب السمو الملكي"), normalised."""
    words = {w for phrase in load_data("titles.json").get("honorifics", []) for w in phrase.split()}
    words |= {"صاحب", "صاحبة", "الملكي", "الملكية", "المعالي", "الفخامة", "الجلالة", "السعادة", "السماحة",
              "حضرة", "سيادة"}
    return frozenset(normal(w) for w in words)


def _role_person(doc: _Text, h: int, b: int, verb_tok: int) -> int | None:
    """The person a role phrase without a name stands for ("ولفت المتحدث إلى أن", "وأكد مدير الجامعتين أن"):
    each of the phrase's words (at most SUBJECT_PHRASE_WORDS, up to a preposition or filler) is a word of the
    role phrase written next to exactly one person's name before the verb (before it: "المتحدث الرسمي لهيئة
    الهلال الأحمر ... خالد السهلي"; after it: "كريس فيليرز المتحدث باسم بوينغ"; or the mention's title), so
    "الأمين العام للأمم المتحدة" is not NATO's secretary general. Several people: nobody."""
    lex = _lexicon()
    wanted = [w for w in _phrase(doc, lex, h, max(b, h + 1), name=False).split()
              if not _CLITIC_ONLY.fullmatch(w)]
    if not wanted or len(canonical(wanted[0])) < 3:
        return None
    body = _role_body(doc, lex, h, b)
    if body is not None and not any(_same_word(body, w) for w in wanted):
        wanted.append(body)                     # "الناطق الرسمي باسم القطب القضائي" is not the ministry's
    until = doc.tokens[verb_tok].start
    found = []
    for idx, span in doc.role_windows():
        m = doc.article.mentions[idx]
        if m.start >= until:
            break
        words = span[2] + [_LED_BY[normal(x)] for x in span[2] if normal(x) in _LED_BY]
        if all(any(_same_word(w, x) for x in words) for w in wanted):
            found.append((idx, span))
    if not found:
        return None
    found = [(_name_continued(doc, idx), span) for idx, span in found]
    lasts = {normal(doc.article.mentions[idx].name.split()[-1]) for idx, _ in found}
    if len(lasts) > 1:
        # "وأكد الرئيس" after "الرئيس عبد الفتاح السيسي" and "رئيس مجلس الوزراء مصطفى مدبولي": the role written
        # the same way, article and all, is the president's; "رئيس" heads another office
        found = [(idx, span) for idx, span in found if span[2] and normal(span[2][0]) == normal(wanted[0])]
        lasts = {normal(doc.article.mentions[idx].name.split()[-1]) for idx, _ in found}
    return found[-1][0] if len(lasts) == 1 else None


ROLE_BODY_WORDS = 4            # "الناطق الرسمي باسم القطب": the body a role speaks for or sits for, this far in


def _role_body(doc: _Text, lex: _Lexicon, h: int, b: int) -> str | None:
    """The body a role phrase names after باسم or عن ("الناطق الرسمي باسم القطب القضائي", "النائب عن الحزب
    الديمقراطي"): the word opening it. A person holds that role only when his own role phrase names the same
    body; None when the phrase names none so (a verb's own preposition is outside [h, b))."""
    tokens = doc.tokens
    words = 0
    for k in range(h + 1, min(b, len(tokens))):
        if not is_word(tokens[k]):
            return None
        words += 1
        if words > ROLE_BODY_WORDS:
            return None
        form = normal(tokens[k].text)
        if form in lex.name_of_words or form == "عن":
            n = k + 1
            while n < b and tokens[n].text in _AROUND_NAME:
                n += 1
            return tokens[n].text if n < b and is_word(tokens[n]) else None
    return None


def _name_after_body(doc: _Text, lex: _Lexicon, h: int, b: int) -> _Speaker | None:
    """The person named right after the body a role phrase sits for, when the tagger ran the body's name on
    into his ("وقال النائب عن الحزب الديمقراطي الكردستاني شيروان الدوبرداني إن" tagged as one organisation):
    the words after the body's last definite adjective of origin, two to four of them, the first without the
    article and no role or body word. He is the speaker, never an earlier holder of a like title: the one
    person of the article whose name ends on that surname, else nobody linked, with his name as written."""
    if _role_body(doc, lex, h, b) is None:
        return None
    for ref in doc.referents_in(doc.tokens[h + 1].start, doc.tokens[b - 1].end):
        m = doc.article.mentions[ref.mention]
        if m.type != "ORG" or ref.start != m.start:
            continue
        words = m.text.split()
        for i in range(1, len(words) - 1):
            before, first = normal(words[i - 1]), normal(words[i])
            if (before.startswith("ال") and _origin_word(before) and not first.startswith("ال")
                    and 2 <= len(words) - i <= NAME_AFTER_TITLE_WORDS and not _title_word("ال" + first, lex)
                    and not in_set(words[i], lex.body_heads) and not in_set(words[i], lex.role_heads)):
                name = " ".join(words[i:])
                return _name_part_mention(doc, words[-1]), name
        return None
    return None


def _origin_word(form: str) -> bool:
    """A normalised adjective of origin or kind with the article (الكردستاني, الديمقراطي, الوطنية)."""
    bare = form[2:]
    return len(bare) >= 4 and (bare.endswith("ي") or bare.endswith("يه"))


def _name_continued(doc: _Text, idx: int) -> int:
    """The PER mention that goes on right after mention idx when the tagger split one name in two ("محمد
    السعيد" + "الشربيني"): the later part, the one the text goes on calling the person by; else idx."""
    m = doc.article.mentions[idx]
    k = bisect.bisect_left(doc.name_starts, m.end)
    if k < len(doc.names) and not doc.text[m.end:doc.names[k][0]].strip():
        j = doc._mention_at(doc.names[k][0])
        if doc.article.mentions[j].type == "PER" and doc.article.mentions[j].start > m.start:
            return j
    return idx


# "محكمة جنايات القاهرة برئاسة المستشار فلان": who chairs a body is its رئيس, who leads a force its قائد
_LED_BY = {normal(w): role for w, role in (("برئاسة", "رئيس"), ("رئاسة", "رئيس"), ("برئاسته", "رئيس"),
                                           ("بقيادة", "قائد"), ("قيادة", "قائد"))}


@lru_cache(maxsize=20_000)
def _stems(word: str) -> tuple[str, ...]:
    return tuple(v for v in word_variants(word) if len(v) >= 3)


def _same_word(a: str, b: str) -> bool:
    """Two written words of a role phrase are the same word: a shared form after clitics and article, or a
    dual/plural ending on the same stem ("الجامعتين" and "جامعتي")."""
    va, vb = _stems(a), _stems(b)
    if not set(va).isdisjoint(vb):
        return True
    return any(len(x) >= 4 and len(y) >= 4 and (x.startswith(y) or y.startswith(x)) and abs(len(x) - len(y)) <= 2
               for x in va for y in vb)


def _kana_subject(doc: _Text, verb_tok: int, sentence_start: int) -> Referent | None:
    """The subject of "وكان X ... قد أعلن أن": a verb after قد whose sentence put its subject between كان and
    قد has no subject after it (what follows is "في نيسان", not a speaker). The first name there that no
    preposition governs, at most KANA_WORDS words back."""
    tokens = doc.tokens
    if verb_tok < 2 or normal(tokens[verb_tok - 1].text) != "قد":
        return None
    words = 0
    j = verb_tok - 2
    while j >= 0 and tokens[j].start >= sentence_start and words < KANA_WORDS:
        if is_word(tokens[j]):
            words += 1
            if normal(tokens[j].text) in _KANA:
                for ref in doc.referents_in(tokens[j].end, tokens[verb_tok - 1].start):
                    if not ref.object:
                        return ref
                return None
        j -= 1
    return None


def _kana_phrase(doc: _Text, verb_tok: int, sentence_start: int) -> str | None:
    """The words between كان and قد before the verb when no name is there ("وكان الاتحاد العام التونسي للشغل
    قد دعا"): the subject, which the tagger did not name; None when كان stands right before قد or is not
    within KANA_WORDS words."""
    tokens = doc.tokens
    if verb_tok < 2 or normal(tokens[verb_tok - 1].text) != "قد":
        return None
    j = verb_tok - 2
    words: list[str] = []
    while j >= 0 and tokens[j].start >= sentence_start and len(words) < KANA_WORDS:
        tok = tokens[j]
        if is_word(tok):
            if normal(tok.text) in _KANA:
                return " ".join(reversed(words)) or None
            words.append(tok.text)
        elif tok.text not in "\"«»“”":
            return None                         # a comma or a bracket: no plain subject phrase
        j -= 1
    return None


def _surname_mention(doc: _Text, h: int, b: int, verb_tok: int) -> int | None:
    """A person named earlier by full name, now by the last word of it ("وأضاف المهنا", "وقال اللواء
    التركي", "وأضاف الدكتور \"الغانمي\"") in the subject's first few words; only when one person has that
    last word."""
    tokens = doc.tokens
    words = 0
    for j in range(h, min(b, h + 2 * SUBJECT_PHRASE_WORDS)):
        tok = tokens[j]
        if not is_word(tok):
            if tok.text in _AROUND_NAME:
                continue
            return None
        words += 1
        if words > SUBJECT_PHRASE_WORDS:
            return None
        found = doc.surnames.get(normal(tok.text))
        if found is not None:
            if len(found) == 1 and doc.article.mentions[found[0]].start < tokens[verb_tok].start:
                return found[0]
            return None
        if words == 1:
            person = _name_part_mention(doc, tok.text)
            if person is None:
                person = _cut_name_mention(doc, tok.text, tokens[verb_tok].start)
            if person is not None:
                return person
    return None


def _cut_name_mention(doc: _Text, word: str, until: int) -> int | None:
    """The person whose name, written after his title, ends on `word` where the tagger cut the name short:
    "وزير الاقتصاد والصناعة محمد نضال الشعار" tagged "محمد نضال", then "وأكد الشعار أن". A titled PER
    mention before offset `until` followed by nothing but a space and that word (not an adjective's noun:
    no definite word right after it, "الوفد المرافق"); never a given name, title, role, body or group word.
    None when no person or several people fit."""
    form = normal(word)
    lex = _lexicon()
    if (len(form) < 4 or _given_name(word) or form in _honorific_words() or _title_word(word, lex)
            or form in lex.addressees or form in _NO_SUBJECT
            or any(in_set(word, group) for group in (lex.role_heads, lex.epithets_words, lex.kin_heads,
                                                     lex.body_heads, lex.anonymous, lex.statements))):
        return None
    found = set()
    for i in doc.mentions:
        m = doc.article.mentions[i]
        if m.type != "PER" or not m.title or m.end >= until:
            continue
        k = doc.token_index(m.end)
        if (k + 1 >= len(doc.tokens) or normal(doc.tokens[k].text) != form
                or doc.text[m.end:doc.tokens[k].start].strip() or doc.in_name(doc.tokens[k].start)):
            continue
        after = doc.tokens[k + 1]
        if is_word(after) and normal(after.text).startswith("ال"):
            continue                            # "استقبل الوزير فلان الوفد المرافق": the object's noun
        found.add(i)
    return found.pop() if len(found) == 1 else None


def _name_part_mention(doc: _Text, word: str) -> int | None:
    """The one person whose surname is `word`, for a subject the tagger missed right after the verb ("وقال
    عنساوي لـ«معا»" where the article tags "عنساوي" -- or "معين عنساوي" -- elsewhere, before or after): a PER
    mention anywhere in the article that is that one word or ends on it (at least four letters, never a given
    name, a title or a role word). None when no person or several people (other given names) have it."""
    form = normal(word)
    lex = _lexicon()
    if (len(form) < 4 or _given_name(word) or form in _honorific_words() or in_set(word, lex.role_heads)
            or in_set(word, lex.epithets_words) or in_set(word, lex.kin_heads)):
        return None
    people: dict[str, int] = {}
    for i in doc.mentions:
        m = doc.article.mentions[i]
        parts = [normal(w) for w in m.name.split()]
        if m.type == "PER" and parts and parts[-1] == form:
            people.setdefault(parts[0] if len(parts) > 1 else "", i)
    full = [k for k in people if k]
    if not people or len(full) > 1:
        return None
    return people[full[0]] if full else people[""]


def _unnamed_subject_before(doc: _Text, lex: _Lexicon, verb_tok: int, sentence_start: int,
                            state: _Discourse) -> _Speaker | None:
    """An anonymous source or a statement opening the sentence before its verb ("مصادر مقربة من النادي تؤكد
    أن", "كما أن تقريرا أمميا أشار إلى أن"), or a role phrase opening it right before a verb written without
    و ("وزير الري قال مؤخرا إن")."""
    words = []
    j = verb_tok - 1
    while j >= 0 and doc.tokens[j].start >= sentence_start:
        if is_word(doc.tokens[j]):
            words.append(j)
            if len(words) > SUBJECT_BEFORE_WORDS:
                return None
        j -= 1
    for k in reversed(words):
        word = doc.tokens[k].text
        if in_set(word, lex.anonymous):
            return None, _bare(word, lex.anonymous)
        if in_set(word, lex.statements):
            return _statement(doc, lex, k, verb_tok, state)
    if (words and in_set(doc.tokens[words[-1]].text, lex.role_heads) and _definite(doc, words[-1], verb_tok)
            and normal(doc.tokens[verb_tok].text) in lex.verb_forms):
        k = words[-1]                           # "وزير الري قال مؤخرا إن": a role opens the sentence, then
        phrase = _phrase(doc, lex, k, verb_tok)  # its bare verb, nothing else between them
        if len(phrase.split()) == len(words):
            return _role_person(doc, k, verb_tok, verb_tok), phrase
    return None


def _first_content_word(doc: _Text, lex: _Lexicon, a: int, b: int) -> int | None:
    """The first word of a verb's lead-in that could be its subject: adverbs, dates and prepositional
    phrases ("في كلمة له خلال ...،", "أمس") are skipped, a phrase up to its closing comma, and so is a word
    written with ل and the article, the one spoken to ("يلوح للكونجرس بأن"), never the speaker."""
    tokens = doc.tokens
    j = a
    while j < b:
        tok = tokens[j]
        if (not is_word(tok) or doc.in_timex(tok.start) or normal(tok.text).startswith("لل")
                or normal(tok.text) in _TO_HIM):
            j += 1                              # "قال لي الوزير إن": the one spoken to is no subject
            continue
        if len(tok.text) == 1 and j + 1 < b and tokens[j + 1].text == "." and tokens[j + 1].start == tok.end:
            j += 2                              # "يقول د. علي": an abbreviated title, the name follows
            continue
        if ((in_set(tok.text, lex.fillers) and normal(tok.text) not in _ALI_WITH_ARTICLE)   # "وأوضح العلي"
                or normal(tok.text) in lex.connectors):
            j += 1
            while j < b and tokens[j].text not in _COMMA and not (
                    _starts_referent(doc, tokens[j].start) and not _visited(doc, tokens[j].start, a)):
                j += 1
            continue
        return j
    return None


_TIME_PREPOSITIONS = frozenset(normal(w) for w in ("بعد", "قبل", "عقب", "إثر", "خلال", "أثناء", "لدى"))


def _visited(doc: _Text, pos: int, a: int) -> bool:
    """The name at `pos` follows a time preposition and a verbal noun with his pronoun, after token `a`:
    "بعد زيارته الملك سلمان" names whom he visited, not who speaks ("من جهته فلان" does name the speaker)."""
    k = doc.token_index(pos) - 1
    return (k - 1 >= a and _possessed(doc.tokens[k].text)
            and normal(doc.tokens[k - 1].text) in _TIME_PREPOSITIONS)


def _starts_referent(doc: _Text, pos: int) -> bool:
    k = bisect.bisect_left(doc.ref_starts, pos)
    return k < len(doc.referents) and doc.referents[k].start == pos and not doc.referents[k].object


def _bare(word: str, words: frozenset[str]) -> str:
    """A list word without the و/ف/ل/ب written on it ("ومصادر" -> "مصادر", "لبيان" -> "بيان"), when the
    rest is still the list word (so "وزارة" keeps its و)."""
    for n in (2, 1):
        if len(word) - n >= 3 and all(c in "وفلب" for c in word[:n]) and canonical(word[n:]) in words:
            return word[n:]
    return word


def _possessed(word: str) -> bool:
    """A noun with a possessive suffix ("حرصه", "استعدادها") is the verb's object, not its subject."""
    return len(word) > 3 and (word.endswith(("ه", "ها", "هم", "هما")) and not word.endswith(("الله", "اللـه")))


def _phrase(doc: _Text, lex: _Lexicon, h: int, b: int, limit: int = SUBJECT_PHRASE_WORDS,
            name: bool = True) -> str:
    """Up to SUBJECT_PHRASE_WORDS words from token h, stopping at punctuation, a preposition or filler, or
    at the people addressed: after a definite word, "المواطنين" is no genitive but the verb's object ("دعت
    وزارة الصحة المواطنين إلى"), while after an indefinite one it is ("دعا اتحاد الطلاب إلى")."""
    tokens = doc.tokens
    end = h
    words = 0
    j = h
    while j < b and is_word(tokens[j]) and words < limit:
        if j > h and (in_set(tokens[j].text, lex.fillers) or in_set(tokens[j].text, lex.according)
                      or normal(tokens[j].text) in lex.connectors or normal(tokens[j].text) in _TO_OUTLET):
            break
        prev = normal(tokens[j - 1].text)
        if j > h and prev.startswith("ال") and len(prev) > 2 and (normal(tokens[j].text) in lex.addressees or (
                _possessed(tokens[j].text) and normal(tokens[j].text)[:1] not in ("و", "ف"))):
            break                               # "فنفت شركة الاتصالات مسؤوليتها": its object
        word = normal(tokens[j].text)
        if (j > h and prev.startswith("ال") and len(prev) > 2 and word[:1] == "ب" and word[1:3] != "ال"
                and len(word) > 3 and word not in lex.name_of_words and not _given_name(tokens[j].text)
                and not doc.in_name(tokens[j].start) and not in_set(tokens[h].text, lex.role_heads)):
            break                               # "توعدت الحكومة السودانية بتطبيق القانون": what it does
            # (after a role, ب may start a name: "وزير النفط بيجن زنغنه")
        end = j
        words += 1
        j += 1
    if words == limit and in_set(tokens[h].text, lex.role_heads) and _name_started(tokens, h, end):
        # "مدرب الوحدات رأفت علي": a name after the role's definite genitive runs on past the limit
        while j < b and j <= end + 2 and is_word(tokens[j]) and (
                not normal(tokens[j].text).startswith("ال") or normal(tokens[j - 1].text) == "عبد") and (
                _ali_before_preposition(doc, j) or not (
                    in_set(tokens[j].text, lex.fillers) or normal(tokens[j].text) in lex.connectors
                    or normal(tokens[j].text) in lex.verb_forms or _lam_or_ba(tokens[j].text)
                    or normal(tokens[j].text) in _GOVERNING)):
            end = j
            j += 1
    last = normal(tokens[end].text)
    if words == limit and end > h and last[:1] == "ل" and last[:2] != "لل" and last[:3] not in _LAM_WORDS:
        # "المكتب الإعلامي لرئيس الوزراء", "المديرة العامة لمنظمة الأمم المتحدة": the ل-noun's genitive too
        while (j < b and j <= end + 2 and is_word(tokens[j]) and normal(tokens[j].text).startswith("ال")
               and not in_set(tokens[j].text, lex.fillers) and normal(tokens[j].text) not in lex.addressees):
            end = j
            j += 1
    if name and end > h and _title_word(tokens[end].text, lex):
        end = _untagged_name(doc, lex, end, b)  # "وزيرة النقل الدكتورة وسام التهتموني": the name after the title
    return doc.text[tokens[h].start:tokens[end].end]


NAME_AFTER_TITLE_WORDS = 4


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    data = load_data("titles.json")
    return word_set(w for key in ("honorifics", "ranks") for phrase in data.get(key, []) for w in phrase.split()
                    if len(normal(w)) > 2)


def _title_word(word: str, lex: _Lexicon) -> bool:
    """A definite title or role word a person's name follows ("الدكتورة", "المهندس", "النائبة", "اللواء")."""
    w = normal(word)
    if not w.startswith("ال") or len(w) < 5:     # (not "صلى الله")
        return False
    return (in_set(word, _title_words()) or in_set(word, lex.role_heads)
            or (w.endswith("ه") and in_set(w[:-1], lex.role_heads)))       # النائبة, المستشارة


def _untagged_name(doc: _Text, lex: _Lexicon, end: int, b: int) -> int:
    """The last token of a name the tagger missed right after the title at token `end` ("الدكتورة وسام
    التهتموني إن"): a first word without the article, then up to NAME_AFTER_TITLE_WORDS words in all, up to
    punctuation, a connector, a preposition or filler, a verb or a word with ل/ب; `end` when none follows."""
    tokens = doc.tokens
    j = end + 1
    last = end
    while j < b and j <= end + NAME_AFTER_TITLE_WORDS and is_word(tokens[j]):
        word = normal(tokens[j].text)
        if (in_set(tokens[j].text, lex.fillers) or word in lex.connectors or word in lex.verb_forms
                or word in _GOVERNING or _lam_or_ba(tokens[j].text) or in_set(tokens[j].text, lex.according)
                or doc.line_break(j - 1, j) or (j == end + 1 and (word.startswith("ال") or (
                    _possessed(tokens[j].text) and not _given_name(tokens[j].text))))):   # "الأمير مقاله"
            break
        last = j
        j += 1
    return last


def _name_started(tokens: list[Token], h: int, end: int) -> bool:
    """The phrase [h, end] ends on a word without the article after one with it ("مدرب الوحدات رأفت")."""
    return (end > h + 1 and not normal(tokens[end].text).startswith("ال")
            and normal(tokens[end - 1].text).startswith("ال") and not _lam_or_ba(tokens[end].text))


def _lam_or_ba(word: str) -> bool:
    w = normal(word)
    return len(w) > 3 and w[0] in "لب" and w[1:3] == "ال" or w.startswith("لل")


def _ali_before_preposition(doc: _Text, j: int) -> bool:
    """"علي" (with ya) right before a preposition is the name: "رأفت علي عن سعادته" (never "على عن")."""
    tokens = doc.tokens
    return (tokens[j].text.endswith("علي") and j + 1 < len(tokens) and is_word(tokens[j + 1])
            and normal(tokens[j + 1].text) in _GOVERNING)


_LAM_WORDS = frozenset({"لان", "لكن", "لكي", "لذل", "لعل", "لما", "لقد", "لهذ", "لتل"})   # ل opening no noun


def _statement(doc: _Text, lex: _Lexicon, h: int, b: int, state: _Discourse) -> _Speaker | None:
    """Who a statement is from: "بيان لمكتب الكاظمي", "بيان لمكتبه", "بيان رئاسي", "البيان" (the last one)."""
    tokens = doc.tokens
    limit = min(len(tokens), max(b, h + 1), h + 1 + SOURCE_WORDS * 2)
    found = _statement_source(doc, lex, h + 1, limit, state)
    if found is not None:
        state.statement = found
        return found
    norm = normal(_bare(tokens[h].text, lex.statements))
    if norm.startswith("ال") and state.statement is not None:
        return state.statement
    if norm.startswith("ال"):                   # "وحسب بلاغ للمديرية العامة ..." then "وأضاف البلاغ أن"
        issued = _earlier_statement(doc, lex, h, norm[2:], state)
        if issued is not None:
            state.statement = issued
            return issued
    author = _statement_author(doc, lex, h + 1, limit)
    if author is not None:                      # "وقال بيان إدارة الأغذية والعقاقير إنه"
        return None, author
    return None, _bare(tokens[h].text, lex.statements)


EARLIER_STATEMENT_PARAGRAPHS = 3    # "البلاغ" points back at "بلاغ لـX" at most this many paragraphs before


def _earlier_statement(doc: _Text, lex: _Lexicon, h: int, noun: str, state: _Discourse) -> _Speaker | None:
    """Who issued the statement a definite "البلاغ"/"البيان" at token h points back at, when the article named
    it before without quoting it ("وحسب بلاغ للمديرية العامة للأمن الوطني، فقد أسفرت ..." then "وأضاف البلاغ
    أن"): the last indefinite same noun before h, within EARLIER_STATEMENT_PARAGRAPHS paragraphs, and its
    author -- the office or body named after it, linked to that body's mention elsewhere in the article when
    one has the same name. None when no such statement names its author."""
    tokens = doc.tokens
    paragraphs = 0
    for k in range(h - 1, -1, -1):
        if doc.line_break(k, k + 1):
            paragraphs += 1
            if paragraphs > EARLIER_STATEMENT_PARAGRAPHS:
                return None
        tok = tokens[k]
        if not is_word(tok) or normal(_bare(tok.text, lex.statements)) != noun:
            continue
        a = k + 1
        while a < len(tokens) and a < k + 3 and is_word(tokens[a]) and canonical(tokens[a].text) in _ISSUED_BY:
            a += 1                              # "بيان صادر عن الوزارة"
        if a >= len(tokens) or not is_word(tokens[a]):
            return None
        word = normal(tokens[a].text)
        if a == k + 1 and not (word[:1] == "ل" and len(word) >= 5):
            return None                         # "تقرير مؤشرات الأداء", "البيان الذي أصدرته": no author
        end = a
        limit = min(len(tokens), a + SOURCE_WORDS)
        while end < limit and (is_word(tokens[end]) or tokens[end].text in _AROUND_NAME):
            end += 1                            # the author's words run to the first punctuation
        found = _statement_source(doc, lex, a, end, state)
        if found is not None:                   # "بيان لمكتب السوداني", "بيان لوزارة الخارجية" tagged
            return found
        author = _statement_author(doc, lex, a, end) if a == k + 1 else _phrase(doc, lex, a, end)
        if author is not None and author[:1] == "ل" and normal(author)[:2] != "ال":
            author = _without_lam(author)
        head = author.split()[0] if author else ""
        if not head or not in_set(head, lex.body_heads) or in_set(head, _OFFICE_HEADS):
            return None                         # "بيان لوفد تركماني": a body's statement only (an office
            # speaks for the person it names, whom _statement_source found, or for nobody named)
        body = _body_named(doc, author)
        return body, (doc.article.mentions[body].text if body is not None else author)
    return None


def _body_named(doc: _Text, phrase: str) -> int | None:
    """The last organisation mention of the article whose name is `phrase`, or starts with it, when all such
    mentions have one name."""
    want = normal(phrase)
    found = [i for i in doc.mentions if doc.article.mentions[i].type == "ORG"
             and (normal(doc.article.mentions[i].text) == want
                  or normal(doc.article.mentions[i].text).startswith(want + " "))]
    if len({normal(doc.article.mentions[i].text) for i in found}) != 1:
        return None
    return found[-1]


def _statement_author(doc: _Text, lex: _Lexicon, a: int, b: int) -> str | None:
    """The words naming a statement's author when no mention does: the noun phrase right after "بيان"
    ("بيان إدارة الأغذية", "بيان صادر عن هيئة الدواء"), up to SUBJECT_PHRASE_WORDS words; None when what
    follows is no author (a word describing the statement: "بيان مشترك"; a filler: "بيان اليوم"; a
    definite word: "البيان الختامي")."""
    tokens = doc.tokens
    j = a
    while j < b and is_word(tokens[j]) and canonical(tokens[j].text) in _ISSUED_BY:
        j += 1
    if j >= b or not is_word(tokens[j]) or normal(tokens[j].text).startswith("ال"):
        return None
    word = tokens[j].text
    if (in_set(word, lex.statement_adjectives) or in_set(word, lex.fillers) or in_set(word, lex.receivers)
            or normal(word) in lex.connectors or doc.verbs.get(j) is not None):
        return None
    phrase = _phrase(doc, lex, j, b)
    # "بيان للوزارة" -> "الوزارة", "بيان لهيئة الدواء" -> "هيئة الدواء"; a short rest keeps its ل (لجنة)
    if phrase.startswith("لل") and len(word) >= 6:
        return "ال" + phrase[2:]
    if phrase.startswith("ل") and len(word) >= 5:
        return phrase[1:]
    return phrase


def _mentions_statement(doc: _Text, lex: _Lexicon, f: _Found) -> bool:
    """The verb's lead-in says it was a statement ("وقالت الوزارة في بيان نشرته الوكالة إنه")."""
    a, b = f.region
    return any(is_word(doc.tokens[k]) and in_set(doc.tokens[k].text, lex.statements) for k in range(a, min(b, a + 12)))


def _statement_subject(doc: _Text, lex: _Lexicon, f: _Found) -> bool:
    """The verb's first word after it is a statement ("وذكر التقرير", "وأضاف البيان")."""
    a, b = f.region
    first = next((k for k in range(a, b) if is_word(doc.tokens[k])), None)
    return first is not None and in_set(doc.tokens[first].text, lex.statements)


def _statement_source(doc: _Text, lex: _Lexicon, a: int, b: int, state: _Discourse) -> _Speaker | None:
    tokens = doc.tokens
    words = 0
    for k in range(a, b):
        tok = tokens[k]
        if not is_word(tok):
            if tok.text in _SENTENCE_PUNCT:
                return None
            continue
        words += 1
        if words > SOURCE_WORDS or in_set(tok.text, lex.receivers):
            return None
        if lex.possessives.match(tokens, k) is not None:
            return state.focus
        office = lex.offices.match(tokens, k)
        if office is not None:
            for title in office.value:
                person = doc.titles.person(title, tok.start)
                if person is not None:
                    phrase_start = tokens[a - 1].start if a > 0 else tok.start
                    return person, doc.text[phrase_start:tokens[office.last].end]
            return None, doc.text[(tokens[a - 1].start if a > 0 else tok.start):tokens[office.last].end]
        ref_k = bisect.bisect_left(doc.ref_starts, tok.start)
        if ref_k < len(doc.referents) and doc.referents[ref_k].start < tok.end:
            ref = doc.referents[ref_k]
            return ref.mention, ref.text
    return None


def _source(doc: _Text, lex: _Lexicon, a: int, b: int, state: _Discourse) -> _Speaker | None:
    """The source after بحسب/وفق/نقلاً عن: a statement, a named person or body, or unknown words."""
    tokens = doc.tokens
    j = a
    while j < b and (not is_word(tokens[j]) or canonical(tokens[j].text) in ("ل", "عن", "الي", "ما")):
        j += 1
    if j >= b:
        return None
    if in_set(tokens[j].text, lex.statements):
        return _statement(doc, lex, j, b, state)
    # 'بحسب مصادر دبلوماسية تحدثت لـ"العربي الجديد"': unnamed sources, whatever is named after them
    unnamed = in_set(tokens[j].text, lex.anonymous)
    for ref in doc.referents_in(tokens[j].start, tokens[b - 1].end):
        if unnamed or _told(doc, lex, ref.start):
            continue                            # the outlet spoken to is never the source
        return ref.mention, ref.text
    phrase = _phrase(doc, lex, j, b)
    if phrase and phrase[0] == "ل" and a > 0 and normal(tokens[a - 1].text) in _TAKES_LAM:
        # "وفقا للمتحدث باسم الجيش", "وفقا لتقديرات الهيئة": the source is المتحدث, تقديرات الهيئة
        phrase = _without_lam(phrase)
    return None, phrase


def _referent_before(doc: _Text, verb_tok: int, sentence_start: int, any_position: bool = False) -> Referent | None:
    """The name just before the verb (only punctuation between) when it opens the sentence (at most two
    words before it: "أمّا ستولتينبرغ، فأعرب"); with `any_position`, wherever it is ("عن مسؤول قوله")."""
    tokens = doc.tokens
    j = verb_tok - 1
    while j >= 0 and not is_word(tokens[j]) and tokens[j].text in _AROUND_NAME | _COMMA:
        j -= 1
    if j < 0 or not is_word(tokens[j]) or tokens[j].start < sentence_start:
        return None
    ref = doc.ref_by_end.get(tokens[j].end)
    if ref is None:
        return None
    if any_position:
        return ref
    if ref.object:
        return None
    if _words_between(doc, sentence_start, ref.start) > 2:
        return None
    return ref


_IN_IT = frozenset({"فيها", "فيه", "خلالها", "خلاله"})


def _speech_author(doc: _Text, lex: _Lexicon, verb_tok: int, sentence_start: int) -> Referent | None:
    """Who a subject-less verb followed by فيها/فيه ("قال فيها:", said in it) quotes: the author of the
    nearest speech or statement before it in the sentence -- a person named right after it ("بكلمة من الدكتور
    X"), else the first person the sentence names before it as an agent ("ألقى X كلمة أوضح فيها"). None when
    the verb is not so followed or the sentence names no such person."""
    tokens = doc.tokens
    nxt = verb_tok + 1
    if nxt >= len(tokens) or normal(tokens[nxt].text) not in _IN_IT:
        return None
    k = verb_tok - 1
    while k >= 0 and tokens[k].start >= sentence_start:
        if is_word(tokens[k]) and in_set(tokens[k].text, lex.speech_nouns) and not doc.in_referent(tokens[k].start):
            break
        k -= 1
    if k < 0 or tokens[k].start < sentence_start:
        return None
    for ref in doc.referents_in(tokens[k].end, tokens[verb_tok].start):
        if _words_between(doc, tokens[k].end, ref.start) <= 3 and doc.article.mentions[ref.mention].type == "PER":
            return ref                          # "بكلمة من الدكتور هاشل الغافري", "كلمة ألقاها X"
        break
    subject = _sentence_subject(doc, sentence_start, tokens[k].start, _Spans([]))
    if subject is not None and doc.article.mentions[subject.mention].type == "PER":
        return subject
    return None


def _relative_antecedent(doc: _Text, verb_tok: int, sentence_start: int) -> Referent | None:
    """The person a relative pronoun right before the verb stands for: "الملياردير يوري ميلنر الذي أعلن أنه",
    "والتقت بنايف العتيبي والذي ذكر أن", "إيلون ماسك مؤسس شركة سبيس إكس الذي قال إنه". The nearest person
    named in the RELATIVE_WORDS words before the pronoun, object or not (the pronoun makes them the agent)."""
    tokens = doc.tokens
    j = verb_tok - 1
    if j < 0 or normal(tokens[j].text) not in _RELATIVES:
        return None
    start = tokens[max(0, j - 2 * RELATIVE_WORDS)].start
    start = max(start, sentence_start)
    people = [r for r in doc.referents_in(start, tokens[j].start)
              if doc.article.mentions[r.mention].type == "PER"
              and _words_between(doc, r.end, tokens[j].start) <= RELATIVE_WORDS]
    return people[-1] if people else None


def _clause_subject(doc: _Text, verb_tok: int, sentence: tuple[int, int], state: _Discourse,
                    quoted: _Spans) -> _Speaker | None:
    """A participle's speaker: whoever spoke earlier in the sentence, else the subject of "وكان X ... قد
    تحدث قائلا", else the sentence's first agent before it, else the person the discourse is about. "أما X ف..." between the last quotation and the participle
    turns to a new subject X: "أما القارئ \"النسيم\" فعلق قائلاً" is not the previous reader speaking."""
    topic = _topic_after(doc, verb_tok, sentence[0], state)
    if topic is not None:
        subject = _sentence_subject(doc, doc.tokens[topic].start, doc.tokens[verb_tok].start, quoted)
        if subject is not None:
            return subject.mention, subject.text
        return None, _phrase(doc, _lexicon(), topic + 1, verb_tok)
    if state.in_sentence is not None:
        return state.in_sentence
    host = _host_after_qad(doc, verb_tok, sentence[0])
    if host is not None:                        # "وكان قائد العملية، اللواء فضل حسن، قد تحدث قائلا إن"
        ref = _kana_subject(doc, host, sentence[0])
        if ref is not None:
            return ref.mention, ref.text
    subject = _sentence_subject(doc, sentence[0], doc.tokens[verb_tok].start, quoted)
    opening_at = _opening_phrase(doc, _lexicon(), verb_tok, sentence)
    if (opening_at is not None and opening_at[2] < verb_tok
            and normal(doc.tokens[opening_at[2]].text) in _SUBJECT_ENDS
            and (subject is None or doc.article.mentions[subject.mention].start >= doc.tokens[opening_at[2]].start)):
        # "رد وزير الإسكان على سؤال النائبة فلانة، موضحا": the minister, never the one who asked
        opening = _opening_subject(doc, _lexicon(), verb_tok, sentence, state)
        if opening is not None:
            return opening
    if subject is not None:
        return subject.mention, subject.text
    role = _opening_role(doc, _lexicon(), verb_tok, sentence[0], own_verb=True)
    if role is not None:                        # "ونفى المستشار الإعلامي لقائد القوات ...، قائلا إن"
        return role
    opening = _opening_subject(doc, _lexicon(), verb_tok, sentence, state)
    if opening is not None:                     # "كما نعاه اتحاد الكتاب، معتبرا أن": that body
        return opening
    return state.pronoun(doc, _lexicon(), verb_tok)


def _agreement(word: str, lex: _Lexicon) -> str:
    """The subject a verb form agrees with: "f" (feminine singular, also what a non-human plural takes:
    قالت، تقول، مشيرة), "p" (a human plural: قالوا، يقولون، مشيرين) or "m" (masculine singular)."""
    form = normal(word)
    if form not in lex.verb_forms and form[:1] in ("و", "ف"):
        form = form[1:]
    if form.endswith(("وا", "ون", "ين")):
        return "p"
    if form.endswith("ها") and not form.startswith("م") and form not in _MASCULINE_FORMS:   # تأكيدها: her
        # words; منوّهًا is a participle; قالها: he said it
        return "f"
    if form.startswith("ي") or form in _MASCULINE_FORMS:
        return "m"
    if form.endswith(("ت", "ه", "ة")) or (form.startswith("ت") and form not in _PAST_WITH_TA):
        return "f"
    return "m"


# masculine forms that end like feminine ones: a root ending in ت or ه (لفت، نوّه), his words (قوله)
_MASCULINE_FORMS = frozenset(normal(w) for w in ("لفت", "نوه", "نبه", "وجه", "قوله", "تأكيده", "تصريحه", "قالها",
                                                  "وصفه", "وصفها"))     # (he described him/her)


def _speaker_agreement(word: str, lex: _Lexicon) -> str | None:
    """The agreement a reporting verb shows its speaker: None for a verb that agrees with what was said
    ("وجاء في التقرير أن", "وورد في البيان")."""
    form = normal(word)
    if form not in lex.verb_forms and form[:1] in ("و", "ف"):
        form = form[1:]
    return None if form in _CONTENT_VERBS else _agreement(word, lex)


_CONTENT_VERBS = frozenset(normal(w) for w in ("جاء", "ورد", "يأتي", "تضمن"))


def _source_agreement(text: str, lex: _Lexicon) -> str | None:
    """The verb agreement an anonymous source takes when a later verb points back at it: "m" for one
    (مصدر، مسؤول), "f" for a plural of things (مصادر، تقارير، أوساط), "p" for people (مسؤولون، شهود);
    None for anything else."""
    words = text.split()
    if not words or not in_set(words[0], lex.anonymous):
        return None
    word = normal(_bare(words[0], lex.anonymous))
    word = word[2:] if word.startswith("ال") else word
    if word in _ONE_SOURCE:
        return "m"
    if word in _THING_SOURCES:
        return "f"
    return "p"


_ONE_SOURCE = frozenset(normal(w) for w in ("مصدر", "مسؤول", "شاهد", "خبير", "ناشط", "دبلوماسي", "مصدرا"))
_THING_SOURCES = frozenset(normal(w) for w in ("مصادر", "تقارير", "أنباء", "وسائل", "أوساط", "جهات"))


def _host_after_qad(doc: _Text, verb_tok: int, sentence_start: int) -> int | None:
    """The finite verb right after قد that a participle hangs on ("قد تحدث قائلا"), at most two words back."""
    j = verb_tok - 1
    words = 0
    while j > 0 and doc.tokens[j].start >= sentence_start and words < 2:
        if is_word(doc.tokens[j]):
            words += 1
            if normal(doc.tokens[j - 1].text) == "قد":
                return j
        j -= 1
    return None


_TOPIC_PREPOSITIONS = frozenset(canonical(w) for w in ("عن", "في", "فيما", "بالنسبة", "على", "إلى", "الى", "من",
                                                        "حول", "بخصوص", "بشأن"))


_ANAPHORS = {"الرجل": "m", "المراه": "f"}     # normalised: "فالرجل قالها", "والمرأة قالت"


def _anaphor_subject(doc: _Text, lex: _Lexicon, verb_tok: int, sentence_start: int,
                     state: _Discourse) -> _Speaker | None:
    """"فالرجل قالها صراحة ...: «...»": an anaphor opening the sentence right before its verb is the one person
    the sentence before named, or the person in focus when that sentence named none, and the verb agrees;
    else nobody, with the word kept. None when the sentence does not open so."""
    tokens = doc.tokens
    j = verb_tok - 1
    k = doc.token_index(sentence_start)
    while k < j and not is_word(tokens[k]):
        k += 1
    if j < 0 or k != j or not is_word(tokens[j]):
        return None
    word = normal(tokens[j].text)
    word = word[1:] if word[:1] in ("و", "ف") and word[1:] in _ANAPHORS else word
    if word not in _ANAPHORS or _agreement(tokens[verb_tok].text, lex) != _ANAPHORS[word]:
        return None
    kept = (None, tokens[j].text.lstrip("وف") if normal(tokens[j].text) not in _ANAPHORS else tokens[j].text)
    people = doc.article.mentions
    before = doc.sentence(sentence_start - 1) if sentence_start > 0 else (0, 0)
    named = [m for m in doc.mentions if people[m].type == "PER" and before[0] <= people[m].start < before[1]]
    if len({people[m].text for m in named}) == 1:
        return named[0], people[named[0]].text
    focus = state.focus
    if not named and focus is not None and focus[0] is not None and people[focus[0]].type == "PER":
        return focus
    return kept


def _topic_subject(doc: _Text, lex: _Lexicon, verb_tok: int, sentence_start: int,
                   state: _Discourse) -> _Speaker | None:
    """The subject of a verb with ف after an أما phrase and no subject of its own ("أما X فقال إن"; "أما
    مسؤولة السياسة الخارجية في الاتحاد X، فقالت"): the person the phrase ends on (not a body inside its
    role), else the one name in it, else its words, linked to a person the article named by that surname
    when there is one (the tagger may miss the name there)."""
    if not normal(doc.tokens[verb_tok].text).startswith("ف"):
        return None
    topic = _topic_after(doc, verb_tok, sentence_start, state, limit=TOPIC_PHRASE_TOKENS)
    if topic is None or canonical(doc.tokens[topic + 1].text) in _TOPIC_PREPOSITIONS:
        return None                             # "أما عن أول تعاون لها مع X فقالت": what is talked about
    ref = _referent_before(doc, verb_tok, doc.tokens[topic].start, any_position=True)
    if ref is not None and ref.mention is not None and doc.article.mentions[ref.mention].type == "PER":
        return ref.mention, ref.text
    refs = [r for r in doc.referents_in(doc.tokens[topic + 1].start, doc.tokens[verb_tok - 1].end) if not r.object]
    if len(refs) == 1 and refs[0].start == doc.tokens[topic + 1].start:
        return refs[0].mention, refs[0].text
    if refs:
        return None
    return _surname_mention(doc, topic + 1, verb_tok, verb_tok), _phrase(doc, lex, topic + 1, verb_tok)


def _topic_after(doc: _Text, verb_tok: int, sentence_start: int, state: _Discourse,
                 limit: int = TOPIC_WORDS) -> int | None:
    """Token index of an أما/وأما after the last quotation (or in this sentence) and before the verb."""
    since = sentence_start
    if state.last_quote is not None:
        since = max(since, state.last_quote[0])
    j = verb_tok - 1
    while j >= 0 and doc.tokens[j].start >= since and verb_tok - j <= limit:
        if normal(doc.tokens[j].text) in ("اما", "واما"):
            return j if j + 1 < verb_tok else None
        j -= 1
    return None


_CREDIT = re.compile(r"\s*\)\s*[-–—:]")


def _dateline_credit(doc: _Text, ref: Referent) -> bool:
    """The outlet credited in a dateline's parentheses ("دبي، الإمارات (CNN)-- قتل", "بيروت (رويترز) -"):
    the agency that carried the story, never an agent of it."""
    return doc.text[:ref.start].rstrip().endswith("(") and _CREDIT.match(doc.text, ref.end) is not None


def _sentence_subject(doc: _Text, start: int, end: int, quoted: _Spans) -> Referent | None:
    for ref in doc.referents_in(start, end):
        if ref.end <= doc.byline_end or _dateline_credit(doc, ref):
            continue
        if _words_between(doc, start, ref.start) > SUBJECT_START_WORDS:
            return None                         # "ناشد والد الطفل ... وزيرَ الصحة فلان": the minister is no agent
        if not ref.object and quoted.containing(ref.start) is None and not (
                (_after_lam_word(doc, ref.start) or _after_role_head(doc, ref.start))
                and doc.article.mentions[ref.mention].type != "PER"):
            return ref
    return None


def _after_role_head(doc: _Text, pos: int) -> bool:
    """The word before `pos` heads a role ("مدرب [الوحدات]", "رئيس [النادي]"): the body named there is part
    of a person's role phrase, never its subject."""
    k = doc.token_index(pos) - 1
    heads = _lexicon().role_heads
    if k >= 0 and is_word(doc.tokens[k]) and in_set(doc.tokens[k].text, heads):
        return True
    # "رئيس نادي [السد]": the body's own head word between
    return (k >= 1 and is_word(doc.tokens[k]) and in_set(doc.tokens[k].text, _lexicon().body_heads)
            and is_word(doc.tokens[k - 1]) and in_set(doc.tokens[k - 1].text, heads))


def _after_lam_word(doc: _Text, pos: int) -> bool:
    """The word before `pos` carries ل ("لقائد [قوات الدعم السريع]"): a body named there completes that
    word's phrase and is nobody's subject (a person there is often the phrase's apposition: "الزائر
    للفعاليات مطلق البقمي")."""
    k = doc.token_index(pos) - 1
    if k < 0 or not is_word(doc.tokens[k]):
        return False
    word = normal(doc.tokens[k].text)
    return len(word) > 3 and word[0] == "ل" and word not in _lexicon().verb_forms and word[:2] != "لا"
