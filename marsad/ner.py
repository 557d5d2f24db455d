"""Named-entity mentions (PER, ORG, LOC, MISC) from clean Arabic text, with a shipped CRF model.

Why a CRF: it runs on one CPU core at tens of thousands of tokens per second, loads in well under a second and
ships as a few megabytes; BERT-size taggers score higher on ANERcorp (82-83 F1 published) at hundreds of
megabytes and far lower speed. Figures for this model are in the model card. The model, its feature lexicons and how they were trained are
described in `marsad/models/MODEL_CARD.md`; `training/train_ner.py` rebuilds them.

Training and tagging share `sentence_features`, so the features the model learned are exactly the ones it
sees at run time. Per-word features are computed once per distinct word and cached: that keeps the per-token
cost to a few list concatenations, which is what makes the tagger fast.

Spans: the model tags whole tokens as written ("والعراق" is one token in ANERcorp), so a mention's start is
moved past proclitics (و ف ب ك ل) that are separate morphemes, decided by `clitic_length`; a hashtag's "#" and
underscores are dropped before tagging so "#مصطفى_الكاظمي" reads like the two words it stands for.
"""
from __future__ import annotations

import os
import re
import sys
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import pycrfsuite

from marsad import MarsadError
from marsad.arabic import normalize_for_matching, strip_article, tokenize
from marsad.records import Mention

MODEL_FILE = "ner.crfsuite"
NAMES_FILE = "ner_names.tsv"
CLUSTERS_FILE = "ner_clusters.tsv"
RATES_FILE = "ner_name_rates.tsv"
TYPES = ("PER", "ORG", "LOC", "MISC")
DOMAINS = ("news", "wiki")

# Words that announce a name of a given type next to them. The model learns each word's own weight from the
# training data; this list lets it also generalise to trigger words it saw rarely (the "t=PER" feature is shared).
# Stored without ال and normalised at import, so "الوزير", "ووزير" and "بوزارة" all find their entry.
TRIGGER_WORDS = {
    "PER": """رئيس وزير ملك امير أمير شيخ سيد سيدة دكتور د مستشار لواء عميد عقيد فريق نائب ناطق متحدث سفير
        أمين مدرب لاعب فنان فنانة كاتب شاعر إمام بابا قائد مدير محافظ عهد خادم رئيسة وزيرة مبعوث مندوب
        مراسل زعيم حاكم قاضي مفتي سلطان نجم مهاجم حارس الرئيسان""",
    "ORG": """شركة وزارة حزب جامعة مجلس منظمة هيئة جمعية بنك مصرف اتحاد نادي وكالة صحيفة قناة حركة جبهة
        مؤسسة مركز معهد محكمة جيش برلمان مجموعة تنظيم لجنة صندوق رابطة مستشفى مدرسة كلية إذاعة""",
    "LOC": """مدينة محافظة ولاية دولة بلدة قرية منطقة عاصمة إقليم جزيرة جزر نهر بحر جبل شارع حي مطار ميناء
        مخيم قضاء بلاد جمهورية مملكة إمارة ساحل خليج""",
}

SENTENCE_END = frozenset(".!?؟…")
MAX_SENTENCE_TOKENS = 120          # longer runs are cut so one 50,000-character line costs no more than its words
MAX_FEATURE_WORD = 40              # a longer "word" is junk (URL, base64); its features use this prefix
_CACHE_LIMIT = 150_000             # distinct words kept in the feature cache (~2 KB each) before it is cleared
_QUOTES = str.maketrans({c: '"' for c in "«»“”„‟″'‘’"})
# Feature variants a dev run can switch on (training/train_ner.py --experiment NAME); none ships, see the
# model card. "ngram": character 3-grams of the stem and a long-vowel density (transliterated names).
EXPERIMENTS: set[str] = set()


class NerModelError(MarsadError):
    """The shipped NER model or one of its lexicons is missing or unreadable (a broken installation)."""


@dataclass(frozen=True)
class Lexicons:
    """Word lists the tagger consults, keyed by `feature_form`.

    `clusters` (features, and the vocabulary that guides `_stem`) come from unlabelled news; `names` are the
    name tokens of the training labels, without article and clitics, used only to decide whether a leading
    letter is a clitic (`clitic_length`) and never as features, so the model cannot learn to trust them.
    `rates` (features) say how often a form lies inside a name of each type in news tagged by a model trained
    without them (training/name_rates.py)."""

    clusters: dict[str, tuple[str, ...]]   # form -> cluster ids, coarse to fine
    names: frozenset[str] = frozenset()
    rates: dict[str, tuple[str, ...]] = field(default_factory=dict)   # form -> ("PER3", "ORG1"), name-type rates


def feature_form(word: str) -> str:
    """The key under which a word is looked up in the lexicons: normalised (`normalize_for_matching`), quote
    marks unified, every digit written 0 (a year is a year), at most MAX_FEATURE_WORD characters. The
    lexicon files are written with the same function."""
    form = normalize_for_matching(word[: MAX_FEATURE_WORD * 2]).translate(_QUOTES)[:MAX_FEATURE_WORD]
    if _SURROGATE.search(form):           # a lone surrogate cannot reach crfsuite, which takes UTF-8
        form = _SURROGATE.sub("?", form)
    return _DIGIT_RUN.sub(_zeros, form) if _HAS_DIGIT.search(form) else form


_DIGIT_RUN = re.compile(r"[0-9]+")
_SURROGATE = re.compile("[\ud800-\udfff]")
_HAS_DIGIT = re.compile(r"[0-9]")


def _zeros(match: re.Match) -> str:
    return "0" * len(match.group())


def _triggers() -> dict[str, str]:
    table = {}
    for kind, words in TRIGGER_WORDS.items():
        for word in words.split():
            table[strip_article(feature_form(word))] = kind
    return table


TRIGGER_OF = _triggers()       # normalised word without article -> trigger class


@lru_cache(maxsize=1)
def _gazetteer_words() -> dict[str, str]:
    """Feature form without article -> "L" (a one-word place of marsad/data/places.json), "Lc" (one that is
    also an ordinary word), "Lp" (a word of a place of several words), "G" (a given name of
    person_names.json): the `gz=` features, which tell the tagger about towns and names its training
    sentences never show. Both lists are written by hand for marsad (no third-party data)."""
    import json
    data_dir = resources.files("marsad").joinpath("data")
    places = json.loads(data_dir.joinpath("places.json").read_text(encoding="utf-8"))
    common = {feature_form(w) for w in places.get("common_words", ())}
    out: dict[str, str] = {}
    for names in places["places"].values():
        for name in names:
            parts = [feature_form(w) for w in name.split()]
            if len(parts) == 1:
                out[strip_article(parts[0])] = "Lc" if parts[0] in common else "L"
            else:
                for part in parts:
                    out.setdefault(strip_article(part), "Lp")
    people = json.loads(data_dir.joinpath("person_names.json").read_text(encoding="utf-8"))
    for name in people["given_names"]:
        out.setdefault(strip_article(feature_form(name)), "G")
    return out


def word_shape(word: str) -> str:
    """A coarse class of the token's characters: Arabic word, Latin (capitalised or not), number, punctuation,
    mixed. The neural tagger feeds the same classes."""
    if not word:
        return "punct"
    if word.isdigit():
        return "num"
    if word[0].isdigit():
        return "numx"
    if word[0].isascii() and word[0].isalpha():
        return "LAT" if word[0].isupper() else "lat"
    if word.isalpha():
        return "ar"
    if not word[0].isalnum():
        return "punct"
    return "mix"


def _stem(form: str, known: dict | frozenset = frozenset()) -> tuple[str, str]:
    """Split a normalised word into (proclitics, stem): و/ف, then ب/ك/ل, then ال.

    Among the possible cuts, the deepest whose remainder is a word of the news vocabulary (`known`, the
    clustered forms) wins, so "وبريطانيا" -> "و" + "بريطانيا" and "بغداد" stays whole; a remainder starting
    with ال always counts as a word. A word none of whose cuts is known gets the deepest surface cut."""
    cuts = [0]
    i = 0
    if len(form) > 3 and form[0] in "وف":
        i = 1
        cuts.append(1)
    if len(form) - i > 3 and form[i] in "بكل":
        if form.startswith("لل", i):      # لل = ل + ال with the alef dropped
            return form[: i + 1], form[i + 2:]
        cuts.append(i + 1)
    for cut in reversed(cuts):
        rest = form[cut:]
        if rest.startswith("ال") and len(rest) > 3:
            return form[:cut], rest[2:]
        if rest in known:
            return form[:cut], rest
    return form[:cuts[-1]], form[cuts[-1]:]


def _word_features(word: str, lex: Lexicons) -> tuple[list[str], list[str], list[str], list[str], list[str]]:
    """Every feature that depends on the word alone: its own, and those it lends to its neighbours at
    offsets -2, -1, +1, +2 (as seen from the neighbour). Cached per distinct word by the caller."""
    form = feature_form(word) or word[:1]
    shape = word_shape(form)
    clitics, stem = _stem(form, lex.clusters)
    bare = strip_article(form)
    own = ["b", "w=" + form, "sh=" + shape]
    if shape in ("ar", "mix"):
        own += ["st=" + stem, "cl=" + clitics, "len=" + str(min(len(stem), 9))]
        for n in (1, 2, 3, 4):
            if len(form) > n:
                own.append(f"p{n}=" + form[:n])
                own.append(f"s{n}=" + form[-n:])
        if len(stem) > 3:
            own.append("sp3=" + stem[:3])
            own.append("ss2=" + stem[-2:])
        if "ngram" in EXPERIMENTS:
            padded = "<" + stem[:20] + ">"
            own += ["g3=" + padded[i:i + 3] for i in range(len(padded) - 2)]
            long_vowels = sum(c in "اوي" for c in stem)
            own.append("lv=" + str(min(round(4 * long_vowels / max(len(stem), 1)), 3)))
    elif shape in ("LAT", "lat"):
        own.append("s3=" + form[-3:])
    trig = TRIGGER_OF.get(bare) or TRIGGER_OF.get(stem)
    if trig:
        own.append("t=" + trig)
    clusters = lex.clusters.get(form) or lex.clusters.get(stem)
    if clusters:
        own += [f"c{i}={c}" for i, c in enumerate(clusters)]
    elif shape == "ar":
        own.append("c=none")
    mid = clusters[1] if clusters else "-"        # the 256-cluster id
    rates = lex.rates.get(form) or lex.rates.get(stem) or () if lex.rates else ()
    own += ["ty=" + r for r in rates]
    gaz = None if "no-gaz" in EXPERIMENTS else \
        _gazetteer_words().get(bare) or _gazetteer_words().get(strip_article(stem))
    if gaz == "G" and "no-gaz-names" in EXPERIMENTS:
        gaz = None
    if gaz:
        own.append("gz=" + gaz)
    neighbour = []
    for k in ("-2", "-1", "+1", "+2"):
        feats = [f"w{k}=" + form]
        if k in ("-1", "+1"):
            feats += [f"st{k}=" + stem, f"c{k}=" + mid, f"sh{k}=" + shape]
            if trig:
                feats.append(f"t{k}=" + trig)
        feats += [f"ty{k}=" + r for r in rates]
        if gaz and k in ("-1", "+1"):
            feats.append(f"gz{k}=" + gaz)
        neighbour.append(_interned(feats))
    return _interned(own), neighbour[0], neighbour[1], neighbour[2], neighbour[3]


def _interned(features: list[str]) -> list[str]:
    """One string object per distinct feature: most ("p1=ا", "c1=17", "sh-1=ar") are shared by thousands of
    cached words, and keeping a copy per word made the cache several times larger."""
    return [sys.intern(f) for f in features]


class FeatureCache:
    """Per-word features, computed once. Thread-safe enough: a race computes a word twice, never wrongly."""

    def __init__(self, lex: Lexicons) -> None:
        self.lex = lex
        self.table: dict[str, tuple] = {}

    def __call__(self, word: str) -> tuple:
        hit = self.table.get(word)
        if hit is None:
            if len(self.table) >= _CACHE_LIMIT:
                self.table.clear()
            hit = self.table[word] = _word_features(word, self.lex)
        return hit


def sentence_features(words: list[str], lookup) -> list[list[str]]:
    """CRF features for one sentence of words, given a per-word lookup (a `FeatureCache`)."""
    info = [lookup(w) for w in words]
    n = len(words)
    out = []
    for i in range(n):
        feats = list(info[i][0])
        if i >= 2:
            feats += info[i - 2][1]
        if i >= 1:                          # own[1] is "w=<form>", the neighbour lists start "w±k=<form>"
            feats += info[i - 1][2]
            feats.append("w-1|w0=" + info[i - 1][2][0][4:] + "|" + info[i][0][1][2:])
        else:
            feats.append("BOS")
        if i + 1 < n:
            feats += info[i + 1][3]
        else:
            feats.append("EOS")
        if i + 2 < n:
            feats += info[i + 2][4]
        out.append(feats)
    return out


def domain_features(xseq: list[list[str]], domain: str) -> list[list[str]]:
    """Add the domain's twin of every feature ("wiki:w=...") unless the domain is news.

    The model is trained on newswire (ANERcorp) and Wikipedia (AQMAR) with Daume's feature augmentation:
    Wikipedia tokens carry each feature twice, plain and "wiki:"-prefixed, news tokens only plain. What only
    holds for AQMAR (its MISC covers sciences and software: "اليورانيوم", "لينكس") is learned on the twins,
    so news tagging is not taught it (+3.4 F1 on our ANERcorp dev), while encyclopaedic text tagged with
    domain="wiki" gets it back."""
    if domain == "news":
        return xseq
    if domain not in DOMAINS:
        raise ValueError(f"unknown NER domain {domain!r}; expected one of {DOMAINS}")
    prefix = domain + ":"
    return [f + [prefix + x for x in f] for f in xseq]


def read_lexicons(names_text: str, clusters_text: str, rates_text: str = "") -> Lexicons:
    """Parse the lexicon files written by `training/train_ner.py`: names, one `form` per line; clusters,
    `form<TAB>id id id` (coarse to fine); name-type rates, `form<TAB>PER3 ORG1`."""
    names = frozenset(line.strip() for line in names_text.splitlines() if line.strip())
    return Lexicons(_table(clusters_text), names, rates=_table(rates_text))


def _table(text: str) -> dict[str, tuple[str, ...]]:
    table = {}
    for line in text.splitlines():
        form, _, values = line.partition("\t")
        if values:
            table[form] = tuple(values.split())
    return table


@dataclass
class Tagger:
    """A loaded model with its lexicons and feature cache. One per process (see `load_tagger`); crfsuite
    taggers are not thread-safe, so `tag` holds a lock."""

    crf: pycrfsuite.Tagger
    lexicons: Lexicons
    features: FeatureCache
    lock: threading.Lock
    keys: dict[str, str] = field(default_factory=dict)

    def match_key(self, word: str) -> str:
        """A word as `propagate_names` compares it: normalised, proclitics off ("وبركات" -> "بركات"), and
        ل + ال read back as ال ("للبنك" -> "البنك") unless the rest is a name from the training data
        (للبنان). ANERcorp dev carve 79.33 -> 79.85, carve C 80.74 -> 80.81, AQMAR unchanged."""
        key = self.keys.get(word)
        if key is None:
            if len(self.keys) >= _CACHE_LIMIT:
                self.keys.clear()
            cut = clitic_length(word, self.lexicons.names, self.lexicons.clusters, self.lexicons.rates) \
                if word[:1] in "وفبكل" else 0
            key = normalize_for_matching(word[cut:])
            if cut and word[cut - 1] == "ل" and key[:1] == "ل" and key not in self.lexicons.names \
                    and "ا" + key in self.lexicons.clusters:
                key = "ا" + key          # ل + ال writes لل: "للبنك التجاري" recurs "البنك التجاري"
            self.keys[word] = key
        return key

    def tag(self, words: list[str], domain: str = "news") -> list[str]:
        """BIO labels for one sentence; `domain` as in `domain_features`."""
        if not words:
            return []
        xseq = domain_features(sentence_features(words, self.features), domain)
        with self.lock:
            return self.crf.tag(xseq)

    def tag_sentences(self, sentences: list[list[str]], domain: str = "news") -> list[list[str]]:
        """BIO labels for each sentence of a text (the neural tagger batches them)."""
        return [self.tag(words, domain) for words in sentences]


def _read_model_text(name: str, required: bool) -> str:
    path = resources.files("marsad") / "models" / name
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        if required:
            raise NerModelError(f"NER lexicon {name} missing from marsad/models") from None
        return ""


@lru_cache(maxsize=1)
def load_lexicons() -> Lexicons:
    """The shipped lexicons (names required; clusters and name-type rates optional: a model trained without
    SaudiNewsNet ships without those files)."""
    return read_lexicons(_read_model_text(NAMES_FILE, True), _read_model_text(CLUSTERS_FILE, False),
                         _read_model_text(RATES_FILE, False))


@lru_cache(maxsize=1)
def load_tagger() -> Tagger:
    """The shipped model, loaded once per process from the installed package (never from the network or
    the training data). Raises NerModelError when the package is incomplete."""
    lex = load_lexicons()
    crf = pycrfsuite.Tagger()
    resource = resources.files("marsad") / "models" / MODEL_FILE
    try:
        with resources.as_file(resource) as path:
            crf.open(str(path))
    except (OSError, ValueError) as exc:
        raise NerModelError(f"cannot open NER model {MODEL_FILE}: {exc}") from exc
    return Tagger(crf, lex, FeatureCache(lex), threading.Lock())


def active_tagger():
    """The tagger `find_mentions` uses: the CRF, or with MARSAD_NER=neural the numpy network of
    `marsad.ner_neural` (same `tag`, `tag_sentences`, `match_key`, `lexicons`)."""
    if os.environ.get("MARSAD_NER", "crf") == "neural":
        from marsad import ner_neural
        return ner_neural.load_tagger()
    return load_tagger()


@dataclass
class _Word:
    text: str
    start: int
    end: int
    hashtag: bool = False


def _is_word(token: str) -> bool:
    return len(token) > 1 or token.isalnum()


def _words(text: str) -> list[_Word]:
    """Tokens to tag, with offsets. Punctuation stays (the model was trained with it), but a hashtag's "#"
    and the "_" joining its words are dropped so "#مصطفى_الكاظمي" reads as the two words it stands for."""
    tokens = tokenize(text)
    words: list[_Word] = []
    i, n = 0, len(tokens)
    while i < n:
        tok, start, end = tokens[i]
        if tok == "#" and i + 1 < n and tokens[i + 1][1] == end and _is_word(tokens[i + 1][0]):
            i += 1
            words.append(_Word(*tokens[i], hashtag=True))
            while i + 2 < n and tokens[i + 1][0] == "_" and tokens[i + 1][1] == tokens[i][2] \
                    and tokens[i + 2][1] == tokens[i + 1][2] and _is_word(tokens[i + 2][0]):
                i += 2
                words.append(_Word(*tokens[i], hashtag=True))
        else:
            words.append(_Word(tok, start, end))
        i += 1
    return words


def _glued_stop(text: str, word: _Word) -> bool:
    return word.text == "." and 0 < word.start and word.end < len(text) and text[word.start - 1].isalpha() \
        and text[word.end].isalpha()


def _sentences(text: str, words: list[_Word]) -> list[tuple[int, int]]:
    """[start, end) word ranges: cut after sentence-final punctuation, at line breaks, and every
    MAX_SENTENCE_TOKENS words so tagging cost stays linear however long a line is. A full stop glued to a
    letter on both sides ("بي.بي.سي", "د.محمد") ends no sentence."""
    ranges = []
    begin = 0
    for i, w in enumerate(words):
        last = i + 1 == len(words)
        cut = last or w.text in SENTENCE_END and not _glued_stop(text, w) \
            or i + 1 - begin >= MAX_SENTENCE_TOKENS or "\n" in text[w.end:words[i + 1].start]
        if cut:
            ranges.append((begin, i + 1))
            begin = i + 1
    return ranges


def _spans(labels: list[str]) -> list[tuple[int, int, str]]:
    """(first, last + 1, type) from BIO labels; an I- without a matching B- opens a span."""
    spans = []
    start, kind = -1, ""
    for i, label in enumerate(labels + ["O"]):
        if label == "O" or label.startswith("B-") or label[2:] != kind:
            if start >= 0:
                spans.append((start, i, kind))
                start, kind = -1, ""
            if label != "O":
                start, kind = i, label[2:]
    return spans


_LAM_BEFORE_HAMZA = re.compile(r"[وف]?ل(?=[أإ]\w{2})")


def clitic_length(word: str, names: frozenset[str] = frozenset(), vocabulary=frozenset(), rates=None) -> int:
    """How many leading letters of a tagged word are proclitics to leave outside the mention.

    و/ف then ب/ك/ل come off when what remains starts with ال ("والعراق", "بالكاظمي", "وللناتو" keeps "لناتو"
    whose name is "الناتو"), or when the remainder is a known name and the whole word is not ("وبغداد",
    "ولندن"); otherwise the word stays whole, since the letter may be the name's own ("وليد", "بغداد",
    "فيصل", "كركوك"; two clitics before a name of three letters only when the news does not know the whole
    word: "وليام", "وكميل"; nor when news writes the whole word as a name of a type it never writes the rest
    as, by the name-type `rates` (`_own_name`): "بكين" is Beijing, not ب + كين (Kane), "كابل" Kabul). A name that merely starts like an article after a clitic ("كاليفورنيا", "بالتيمور",
    "فالنسيا") stays whole when the news `vocabulary` (or `names`) knows the whole word and not what the cut
    would leave; ك + ال needs the remainder known, since "like the ..." rarely comes before a name."""
    form = normalize_for_matching(word)
    if len(form) != len(word):            # diacritics or tatweel: work on a length-preserving view
        return _clitic_length_marked(word, names, vocabulary, rates)
    lam = _LAM_BEFORE_HAMZA.match(word)
    if lam:                               # ل before a written hamza on alef is the preposition: لأرامكو
        return lam.end()                  # (لأن, لأول alike); a root ل has no hamza after it
    best = 0
    whole_known = form in names or form in vocabulary
    for n in _clitic_candidates(form):
        rest = form[n:]
        if rest.startswith("ال"):
            if len(rest) <= 3:
                continue                # the article and one letter is no name: "وكالة" is not و + ك + "الة"
            rest_known = rest in vocabulary or strip_article(rest) in names or strip_article(rest) in vocabulary
            if rest_known or not (whole_known or form[n - 1] == "ك"):
                return n
            continue
        if rest.startswith("ل") and n and form[n - 1] == "ل" and len(rest) > 3:   # لل = ل + ال
            return n
        if strip_article(rest) in names and form not in names and strip_article(form) not in names:
            if n == 2 and len(rest) <= 3 and whole_known:   # a three-letter name after two clitics:
                best = 1 if form[1] in "بك" else best       # "وكميل" is و + كميل, "وليام" William, and
                continue                                    # neither و + ك/ل + a short name ("ميل", "يام")
            if rates and _own_name(form, rest, rates):
                continue                                    # "بكين": Beijing (LOC), not ب + كين (PER)
            best = n
        elif rest in TRIGGER_OF and form not in TRIGGER_OF:   # "لوكالة", "بمحافظة": a head noun, never a name's
            best = n                                           # own letter, however common the whole word
        elif rest in vocabulary and not whole_known and len(rest) > 3:
            best = n
    return best


def _own_name(form: str, rest: str, rates) -> bool:
    """Whether news mostly writes the whole word, opening on ب/ك/ل/ف, as a name of a type (level 3) it never
    writes the rest as: then the first letter is the name's own ("بكين" LOC, كين PER; "فورد" ORG, ورد none).
    A rest written as that type at all ("ريال" ORG2 for "بريال") is the name after its clitic; و, by far the
    most frequent clitic, always comes off here (names opening on و are in the names list)."""
    if form[0] not in "بكلف":
        return False
    whole = {r[:-1] for r in rates.get(form, ()) if r.endswith("3")}
    return bool(whole - {r[:-1] for r in rates.get(rest, ())})


def _clitic_candidates(form: str) -> list[int]:
    out = []
    i = 0
    if len(form) > 3 and form[0] in "وف":
        i = 1
        out.append(1)
    if len(form) - i > 3 and form[i] in "بكل":
        out.append(i + 1)
    return out


def _clitic_length_marked(word: str, names: frozenset[str], vocabulary=frozenset(), rates=None) -> int:
    """`clitic_length` for a word with diacritics/tatweel: decide on letters, map back to the position in
    the word after the same number of letters (marks after a clitic stay with the clitic)."""
    letters = [i for i, c in enumerate(word) if normalize_for_matching(c)]
    plain = "".join(word[i] for i in letters)
    n = clitic_length(plain, names, vocabulary, rates) if len(normalize_for_matching(plain)) == len(plain) else 0
    if n == 0 or n >= len(letters):
        return 0
    return letters[n]


def find_mentions(text: str) -> list[Mention]:
    """Named-entity mentions in `text`, in order, with offsets into `text` (`text[m.start:m.end] == m.text`).

    `text` is one document (an article): a name the model recognised in one sentence is also marked where it
    recurs untagged elsewhere in the text (`propagate_names`). Clitics and a hashtag's "#" are outside the
    span; `name` is the form to match on (a hashtag's underscores become spaces, "لناتو" from "للناتو" becomes
    "الناتو"). `title` and `entity` are left for the entity stage. Raises NerModelError only when the model
    cannot be loaded."""
    if not text or not text.strip():
        return []
    tagger = active_tagger()
    words = _words(text)
    sentences = [[w.text for w in words[begin:end]] for begin, end in _sentences(text, words)]
    labels = propagate_names(sentences, tagger.tag_sentences(sentences), tagger.match_key)
    labels = [split_coordinated(sentence, join_name_parts(sentence, tags)) for sentence, tags in zip(sentences, labels)]
    mentions: list[Mention] = []
    offset = 0
    for sentence, tags in zip(sentences, labels):
        _join_hyphenated(words[offset:offset + len(sentence)], tags)
        for first, last, kind in _spans(tags):
            mention = _mention(text, words[offset + first:offset + last], kind, tagger.lexicons)
            if mention is not None:
                mentions.append(mention)
        offset += len(sentence)
    return mentions


def _common_word(key: str, lexicons: Lexicons) -> bool:
    """A frequent news word that news almost never writes inside a name (no name-type rate): "المشهد",
    "الهرمونات". The tagger's one slip on it must not spread to every recurrence."""
    form = feature_form(key)
    return form in lexicons.clusters and not lexicons.rates.get(form)


def propagate_names(sentences: list[list[str]], labels: list[list[str]], key) -> list[list[str]]:
    """Make a document's names consistent: recurrences get the name's majority type, and untagged
    recurrences are tagged.

    A newspaper names someone in full once and the tagger may miss a later bare "بركات" or "البنك التجاري"
    whose context is weaker, or tag "العراق" ORG once among ten LOC. Words are compared by `key`
    (normalised, clitics off), longest name first, and names under 4 letters are left alone, as are
    recurrences of a one-word name that is a common news word (`_common_word`: a film review's "المشهد",
    tagged once, was a place ten times; on the dev sets this moves F1 by 0.1 at most either way). On our
    ANERcorp dev carve cut into 100-sentence documents: 73.85 -> 75.81 F1 (tagging recurrences +1.6,
    retyping +0.3).
    Tried and dropped: letting a person's surname alone ("الكاظمي") stand for the full name (-0.3: it
    spreads span errors such as "مها أحمد برنامجا")."""
    votes: dict[tuple[str, ...], dict[str, int]] = {}
    keyed = [[key(w) for w in sentence] for sentence in sentences]
    spans = [_spans(tags) for tags in labels]
    for keys, found in zip(keyed, spans):
        for first, last, kind in found:
            name = tuple(keys[first:last])
            if sum(len(k) for k in name) >= 4:
                count = votes.setdefault(name, {})
                count[kind] = count.get(kind, 0) + 1
    if not votes:
        return labels
    lexicons = load_lexicons()
    common = {name for name in votes if len(name) == 1 and _common_word(name[0], lexicons)}
    known = {name: max(sorted(count), key=count.get) for name, count in votes.items()}
    longest = max(len(name) for name in known)
    firsts = {name[0] for name in known}
    out = []
    for keys, tags, found in zip(keyed, labels, spans):
        tags = list(tags)
        for first, last, kind in found:
            major = known.get(tuple(keys[first:last]), kind)
            if major != kind:
                tags[first:last] = ["B-" + major] + ["I-" + major] * (last - first - 1)
        i = 0
        while i < len(keys):
            hit = 0
            if tags[i] == "O" and keys[i] in firsts:
                for size in range(min(longest, len(keys) - i), 0, -1):
                    name = tuple(keys[i:i + size])
                    if name in known and name not in common and all(t == "O" for t in tags[i:i + size]) \
                            and (i + size == len(tags) or not tags[i + size].startswith("I-")):
                        kind = known[name]
                        tags[i:i + size] = ["B-" + kind] + ["I-" + kind] * (size - 1)
                        hit = size
                        break
            i += hit or 1
        out.append(tags)
    return out


# Name words that never end a person's name: the word after them belongs to it ("عبد الأمير", "أبو بكر",
# "بن سلمان", "آل نهيان"). The first four also start a name the tagger began one word late ("عبد [الله]").
_JOINS_NEXT = frozenset({"عبد", "ابو", "ابي", "ابا", "بن", "ابن", "بنت", "ال"})
_STARTS_NAME = frozenset({"عبد", "ابو", "ابي", "ابا"})


def split_coordinated(words: list[str], labels: list[str]) -> list[str]:
    """Cut a body or place span where و joins a second one: "[الاتحاد الأوروبي وجامعة الدول العربية]" is two
    bodies, "[مدينة الرياض ومحافظة جدة]" two places. The second starts at a word that is و + an institution
    or place head (`TRIGGER_WORDS`, with or without ال) and takes that head's type. A name's own words after
    و (وزارة التجارة والصناعة، وكالة غوث وتشغيل اللاجئين) are no heads, so they stay inside."""
    labels = list(labels)
    for i in range(1, len(words)):
        if not labels[i].startswith("I-") or labels[i] == "I-PER" or words[i][:1] != "و" or len(words[i]) < 4:
            continue
        kind = _head_kind(words[i][1:])
        if kind in ("ORG", "LOC"):
            labels[i] = "B-" + kind
            j = i + 1
            while j < len(words) and labels[j].startswith("I-"):
                labels[j] = "I-" + kind
                j += 1
    return labels


def _head_kind(word: str) -> str | None:
    """The `TRIGGER_WORDS` class of a word written after و, article off: "جامعة" -> ORG, "محافظة" -> LOC."""
    return TRIGGER_OF.get(strip_article(feature_form(word)))


def join_name_parts(words: list[str], labels: list[str]) -> list[str]:
    """Repair person spans the tagger cut inside a name: a PER span ending in عبد/أبو/بن/آل takes the next word
    (and the PER span right after it: "[عبد] الأمير [رشيد يار الله]" is one man); بن/ابن between two
    PER spans joins them; an untagged عبد/أبو right before a PER span opens it. These words are never a
    whole name in Arabic, so the rule holds on any text; the labels of other types are left alone."""
    if "B-PER" not in labels and "I-PER" not in labels:
        return labels
    labels = list(labels)
    forms = [_short_form(w) for w in words]
    n = len(words)
    i = 0
    while i < n:
        label = labels[i]
        if label == "B-PER" and i > 0 and labels[i - 1] == "O" and forms[i - 1] in _STARTS_NAME:
            labels[i - 1], labels[i] = "B-PER", "I-PER"
        if label.endswith("-PER") or (label == "O" and forms[i] in ("بن", "ابن", "بنت") and i > 0
                                      and labels[i - 1].endswith("-PER")):
            if forms[i] in _JOINS_NEXT and i + 1 < n and _is_word(words[i + 1]) and labels[i + 1] != "I-PER" \
                    and (label != "O" or labels[i + 1] in ("O", "B-PER")):
                if label == "O":
                    labels[i] = "I-PER"
                j = i + 1
                labels[j] = "I-PER"
                j += 1
                while j < n and labels[j].startswith("I-") and labels[j] != "I-PER":
                    labels[j] = "I-PER"                 # the rest of a span of another type taken over
                    j += 1
                if j < n and labels[j] == "B-PER":
                    labels[j] = "I-PER"
        i += 1
    return labels


_HYPHENS = frozenset("-‐–")


def _join_hyphenated(words: list[_Word], labels: list[str]) -> None:
    """A one-word person span glued by a hyphen to a person span of two words or more is one hyphenated
    first name ("ماري-هيلين بيرنار", "جان-مارك إيرولت"). Only glued: "عطالله – أسامة هوساوي" is a line-up
    and "معاذ -رضي الله عنه-" a blessing."""
    for i in range(1, len(words) - 2):
        if (labels[i] == "O" and words[i].text in _HYPHENS and labels[i - 1] == "B-PER"
                and labels[i + 1] == "B-PER" and labels[i + 2] == "I-PER"
                and words[i - 1].end == words[i].start and words[i].end == words[i + 1].start):
            labels[i] = labels[i + 1] = "I-PER"


_BARE_CLITICS = frozenset(("ل", "ب", "و", "ف", "ك", "لل"))


@lru_cache(maxsize=65_536)
def _short_form(word: str) -> str:
    """The matching form of a word short enough to be one of the joining words (diacritics included), else ""."""
    return normalize_for_matching(word) if len(word) <= 8 else ""


def _mention(text: str, span: list[_Word], kind: str, lexicons: Lexicons) -> Mention | None:
    """Turn tagged words into a Mention: trim punctuation at either end, move the start past proclitics."""
    while span and not any(c.isalnum() for c in span[0].text):
        span = span[1:]
    while span and (not any(c.isalnum() for c in span[-1].text) or span[-1].text.rstrip("ـ") in _BARE_CLITICS):
        span = span[:-1]                     # a last "لـ" is the clitic of a quoted word after the name
    if not span:
        return None
    start, end = span[0].start, span[-1].end
    names = lexicons.names
    cut = 0 if span[0].hashtag else clitic_length(span[0].text, names, lexicons.clusters, lexicons.rates)
    if not cut and not span[0].hashtag and _rated_after_conjunction(span[0].text, kind, lexicons):
        cut = 1                              # "وعسير", "وجازان": news writes the rest as a name of this type
    if cut and kind == "PER":
        cut = _person_letters_kept(span[0].text, cut, lexicons)
    if cut and span[0].end - span[0].start - cut >= 2:
        start += cut
    if kind == "ORG" and text[end:end + 1] == "+" and not text[end + 1:end + 2].isalnum():
        end += 1                             # "أوبك+" (OPEC+) is another body than أوبك
    surface = text[start:end]
    if sum(c.isalpha() for c in surface) < 2:
        return None                          # a lone letter ("س:" of an interview, "د." alone) names no one
    if _latin_prose(surface):
        return None                          # "The meeting lasted two hours" inside Arabic text is no name
    name = surface.replace("_", " ") if any(w.hashtag for w in span) else surface
    if cut and surface.startswith("ل") and text[start - 1] == "ل" and _lost_alef(span[0].text[cut:], names):
        name = "ا" + surface                 # "للناتو": the mention is "لناتو", its name "الناتو"
    return Mention(start=start, end=end, text=surface, type=kind, name=name)


def _rated_after_conjunction(word: str, kind: str, lexicons: Lexicons) -> bool:
    """A word written with و/ف whose rest news writes inside names of this type (level 2 or 3; after ف,
    rarer before a name, level 3) while the whole word has no name rate of its own: a list's "وعسير
    وجازان" (known news words whole, so the vocabulary rule of `clitic_length` keeps them), never "وليد"
    (rated a name itself), nor "فيدان" (a name news had not seen; "يدان" is level 2)."""
    if len(word) < 4 or word[0] not in "وف" or not lexicons.rates:
        return False
    form = feature_form(word)
    if lexicons.rates.get(form):
        return False
    levels = "23" if form[0] == "و" else "3"
    return any(r[:-1] == kind and r[-1] in levels for r in lexicons.rates.get(form[1:], ()))


def _person_level(form: str, lexicons: Lexicons) -> int:
    return max((int(r[-1]) for r in lexicons.rates.get(form, ()) if r[:-1] == "PER"), default=0)


def _person_letters_kept(word: str, cut: int, lexicons: Lexicons) -> int:
    """A shallower cut of a person's first word when what it leaves is a news word written as a name
    (level 3) and the deeper cut's rest is less of one: "بسام" is a name, not ب + "سام"; "وكريم" is
    و + "كريم", not و + ك + "ريم"; "لبنى", "كمال" stay whole. "لمحمد" still loses its ل ("محمد" is as much
    a name), and a conjunction always comes off: the rates count "وجهاد" inside names as often as "جهاد"."""
    form = normalize_for_matching(word)
    if len(form) != len(word) or not lexicons.rates or form[cut:].startswith("ال"):
        return cut
    if _person_level(form[cut:], lexicons) >= 3:
        return cut
    if cut >= 2 and len(form) - cut <= 3 and _person_level(form[cut:], lexicons) < 2:
        return 1 if form[0] == "و" else 0    # "فليكس" is no ف + ل + "يكس", "وكميل" is و + "كميل": three
                                             # letters no one is named
    shallower = cut - 1
    if form[shallower] in "بكل" and form[shallower:] in lexicons.clusters \
            and _person_level(form[shallower:], lexicons) >= 3:
        return shallower
    return cut


_ARABIC_CHAR = re.compile("[\u0600-\u06ff]")


def _latin_prose(surface: str) -> bool:
    """A Latin-script span of three or more words, most of them written in lower case: an English sentence
    quoted in the text, not a name (names capitalise their words; van, der, de are the exceptions)."""
    words = surface.split()
    if len(words) < 3 or _ARABIC_CHAR.search(surface):
        return False
    return sum(1 for w in words if w[:1].islower()) * 2 > len(words)


def _lost_alef(rest: str, names: frozenset[str]) -> bool:
    """After a ل clitic, is the next ل an article that lost its alef ("للناتو" = ل + الناتو) rather than
    the name's own first letter ("للبنان" = ل + لبنان)? The own-letter reading wins only for a known name."""
    form = normalize_for_matching(rest)
    return form[1:] in names or form not in names
