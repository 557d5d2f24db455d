"""Score the NER tagger: CoNLL entity-level precision, recall and F1 per type and micro-averaged.

A predicted entity counts only when its type and its exact token span match a gold entity (the CoNLL-2003
rule), so a name found with one token too many is both a false positive and a false negative.

    .venv/bin/python evaluation/ner.py                       # shipped model on the two dev sets
    .venv/bin/python evaluation/ner.py --model build/ner-dev.crfsuite
    .venv/bin/python evaluation/ner.py --file some_test.txt  # any `token TAG` file, blank line between sentences
    .venv/bin/python evaluation/ner.py --file ar.testb.iob2 --domain wiki   # Wikipedia text (AQMAR)
    .venv/bin/python evaluation/ner.py --window 0            # each sentence alone
    .venv/bin/python evaluation/ner.py --raw --window 0      # the tagger alone, each sentence alone
    .venv/bin/python evaluation/ner.py --tagger neural --model build/ner-neural-dev.npz   # the neural tagger

By default the figures are those of what marsad outputs for an article: the file's sentences are read in
order as documents of WINDOW consecutive sentences (-DOCSTART- lines are skipped), and each document's
labels go through what `marsad.ner.find_mentions` does after tagging (`propagate_names`: a name found in one
sentence is marked where it recurs untagged, with its majority type; `join_name_parts`) and then through the
entity stage's repairs that need no other sentence (`marsad.entities.repair_mentions`: a name after a
person's title is a person, with a first name the tagger missed; a royal name after an institution word
names the institution; `named_bodies`: organisations known by their name), and last through those that need the whole document (`marsad.entities.
document_repairs`: a surname the document names as a person is one wherever it recurs). Newswire test sets keep their articles' sentence order (ANERcorp's CAMeL split is
sequential), so this is the product's behaviour on them. `--window 0` scores each sentence alone and `--raw`
skips everything after the tagger; the model card gives all of them.

The dev sets are the last 10% of ANERcorp train sentences and AQMAR dev (ar.testa). The shipped model is
retrained on them, so its scores there are optimistic; the honest dev figures come from the model
`training/train_ner.py` trains on the rest (written to build/ner-dev.crfsuite) and are in the model card.
The model has two modes (`marsad.ner.domain_features`): news, what `find_mentions` uses, and wiki, for
encyclopaedic text like AQMAR; both are reported on AQMAR dev.
"""
from __future__ import annotations

import argparse
import bisect
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DATA = Path("/work/shared/data")
ANERCORP_TRAIN = "ner/anercorp-camel/train.txt"
AQMAR_TRAIN = "ner/aqmar-ntunlp-split/ar.train.iob2"
AQMAR_DEV = "ner/aqmar-ntunlp-split/ar.testa.iob2"
DEV_SHARE = 0.10                   # last 10% of ANERcorp train sentences are our dev carve
TYPE_NAMES = {"PERS": "PER"}       # ANERcorp says PERS, everyone else PER
WINDOW = 25                        # sentences per "document": ANERcorp averages about 15 per article, so a
                                   # window holds one or two (15, 25, 50 and 100 all score within 0.4 F1)
DOCSTART = "-DOCSTART-"

Sentence = tuple[list[str], list[str]]


def read_conll(path: Path) -> list[Sentence]:
    """`token TAG` lines, blank line between sentences. Tags are mapped to PER/ORG/LOC/MISC in IOB2
    (an IOB1-style I- that opens an entity becomes B-)."""
    sentences: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        parts = line.split()
        if not parts or parts[0] == DOCSTART:
            if words:
                sentences.append((words, tags))
            words, tags = [], []
            continue
        word, tag = parts[0], parts[-1] if len(parts) > 1 else "O"
        if tag != "O":
            prefix, _, kind = tag.partition("-")
            kind = TYPE_NAMES.get(kind, kind)
            if prefix == "I" and (not tags or tags[-1] == "O" or tags[-1][2:] != kind):
                prefix = "B"
            tag = f"{prefix}-{kind}"
        words.append(word)
        tags.append(tag)
    return sentences


def anercorp_split(sentences: list[Sentence]) -> tuple[list[Sentence], list[Sentence]]:
    """(train, dev): the last DEV_SHARE of sentences are dev, as the corpus itself was split sequentially."""
    cut = len(sentences) - round(len(sentences) * DEV_SHARE)
    return sentences[:cut], sentences[cut:]


def entities(tags: list[str]) -> set[tuple[int, int, str]]:
    """(start, end, type) token spans from IOB2 tags; an I- of another type than the open span starts one."""
    found = set()
    start, kind = -1, ""
    for i, tag in enumerate(list(tags) + ["O"]):
        if tag == "O" or tag.startswith("B-") or tag[2:] != kind:
            if start >= 0:
                found.add((start, i, kind))
            start, kind = (i, tag[2:]) if tag != "O" else (-1, "")
    return found


@dataclass
class Score:
    """Counts per type; P/R/F1 derived."""

    tp: dict[str, int] = field(default_factory=dict)
    fp: dict[str, int] = field(default_factory=dict)
    fn: dict[str, int] = field(default_factory=dict)

    def add(self, gold: list[str], predicted: list[str]) -> None:
        g, p = entities(gold), entities(predicted)
        for _, _, kind in g & p:
            self.tp[kind] = self.tp.get(kind, 0) + 1
        for _, _, kind in p - g:
            self.fp[kind] = self.fp.get(kind, 0) + 1
        for _, _, kind in g - p:
            self.fn[kind] = self.fn.get(kind, 0) + 1

    def prf(self, kind: str | None = None) -> tuple[float, float, float]:
        """Precision, recall, F1 in percent for one type, or micro-averaged over all when kind is None."""
        def total(d: dict[str, int]) -> int:
            return d.get(kind, 0) if kind else sum(d.values())
        tp, fp, fn = total(self.tp), total(self.fp), total(self.fn)
        p = 100 * tp / (tp + fp) if tp + fp else 0.0
        r = 100 * tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def table(self, title: str) -> str:
        kinds = sorted(set(self.tp) | set(self.fp) | set(self.fn))
        lines = [f"{title}", f"  {'type':6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}"]
        for kind in kinds + [None]:
            p, r, f = self.prf(kind)
            gold = self.tp.get(kind, 0) + self.fn.get(kind, 0) if kind else sum(self.tp.values()) + sum(self.fn.values())
            lines.append(f"  {kind or 'micro':6} {p:6.2f} {r:6.2f} {f:6.2f} {gold:6d}")
        return "\n".join(lines)


def evaluate(tag, sentences: list[Sentence], window: int = 0, finish=None) -> Score:
    """Score a tagging function (words -> BIO labels) on gold sentences. With `window`, every `window`
    consecutive sentences are treated as one document and `marsad.ner.propagate_names` runs over it, as
    `find_mentions` does over an article (the corpora have no document boundaries). `finish(words, labels)`,
    if given, then changes each sentence's labels (`as_marsad_outputs`)."""
    predicted = [tag(words) for words, _ in sentences]
    if window:
        from marsad import ner
        key = ner.load_tagger().match_key
        predicted = [labels for start in range(0, len(sentences), window)
                     for labels in ner.propagate_names([w for w, _ in sentences[start:start + window]],
                                                       predicted[start:start + window], key)]
    if finish is not None:
        predicted = [finish(words, labels) for (words, _), labels in zip(sentences, predicted)]
        if window and finish is as_marsad_outputs:
            predicted = [labels for start in range(0, len(sentences), window)
                         for labels in document_outputs([w for w, _ in sentences[start:start + window]],
                                                        predicted[start:start + window])]
    score = Score()
    for (_, gold), labels in zip(sentences, predicted):
        score.add(gold, labels)
    return score


def model_tagger(model: Path | None, domain: str = "news", kind: str = "crf"):
    """A words -> labels function over a model file (the shipped one when None), using the shipped lexicons;
    `domain` "wiki" switches on the model's Wikipedia feature twins (see `marsad.ner.domain_features`).
    `kind` "neural" reads a `marsad.ner_neural` .npz instead of a .crfsuite file."""
    from marsad import ner
    if kind == "neural":
        from marsad import ner_neural
        tagger = ner_neural.load_tagger() if model is None else \
            ner_neural.NeuralTagger(ner_neural.read_network(model), ner.load_lexicons())
        return lambda words: tagger.tag(words, domain)
    if model is None:
        tagger = ner.load_tagger()
        return lambda words: tagger.tag(words, domain)
    import threading

    import pycrfsuite
    lexicons = ner.load_lexicons()
    crf = pycrfsuite.Tagger()
    crf.open(str(model))
    tagger = ner.Tagger(crf, lexicons, ner.FeatureCache(lexicons), threading.Lock())   # decodes as shipped
    return lambda words: tagger.tag(words, domain)


INSTITUTIONS = False    # --institutions: also the state bodies the corpora leave untagged (add_institutions)


def as_marsad_outputs(words: list[str], labels: list[str]) -> list[str]:
    """One sentence's labels as marsad outputs them once tagged and propagated: name parts joined and
    coordinated bodies split (`marsad.ner.join_name_parts`, `split_coordinated`, as `find_mentions`), then the entity stage's repairs that need no other
    sentence (`marsad.entities.repair_mentions`) and the organisations known by their name
    (`marsad.entities.named_bodies`: listed world bodies and outlets, "قناة «المسيرة»"), run on the sentence
    as a text of its words. Not the state bodies marsad names by what they are (`marsad.entities.
    add_institutions`: "الجيش اللبناني"), which the corpora often write as plain words, unless --institutions.
    (Scoring the named bodies too was measured: ANERcorp dev 78.63 -> 78.94, carve C 78.74 -> 78.97, AQMAR
    unchanged; the corpora do write "مجلس التعاون الخليجي" as plain words, but tag far more of the listed
    bodies and quoted outlets than they leave out.)"""
    from marsad.entities import add_institutions, named_bodies, repair_mentions
    from marsad.ner import join_name_parts, split_coordinated
    from marsad.records import Article, Mention

    if not words:
        return []
    labels = split_coordinated(words, join_name_parts(words, list(labels)))
    offsets, position = [], 0
    for word in words:
        offsets.append((position, position + len(word)))
        position += len(word) + 1
    text = " ".join(words)
    mentions = [Mention(offsets[a][0], offsets[b - 1][1], text[offsets[a][0]:offsets[b - 1][1]], kind,
                        name=text[offsets[a][0]:offsets[b - 1][1]]) for a, b, kind in sorted(entities(labels))]
    article = Article(id="s", source="s", text=text, mentions=mentions)
    repair_mentions(article)
    named_bodies(article)
    if INSTITUTIONS:
        add_institutions(article)
    return _labels_of(article.mentions, offsets)


def _token_offsets(sentences: list[list[str]]) -> tuple[str, list[list[tuple[int, int]]]]:
    """The text of a document whose sentences are lines of their words, and each word's (start, end)."""
    offsets, position = [], 0
    for words in sentences:
        row = []
        for word in words:
            row.append((position, position + len(word)))
            position += len(word) + 1
        offsets.append(row)
    return "\n".join(" ".join(words) for words in sentences), offsets


def _labels_of(mentions, offsets: list[tuple[int, int]]) -> list[str]:
    """One sentence's IOB2 labels from mentions over its words' offsets; a span that starts after a clitic
    ("وابتسام" -> "ابتسام") still covers its token, since the corpora tag whole tokens."""
    out = ["O"] * len(offsets)
    if not offsets:
        return out
    token_starts = [a for a, _ in offsets]
    ends = {b: i for i, (_, b) in enumerate(offsets)}
    for m in mentions:
        first = bisect.bisect_right(token_starts, m.start) - 1
        if first >= 0 and m.start < offsets[first][1] and m.end in ends:
            last = ends[m.end]
            out[first:last + 1] = [f"B-{m.type}"] + [f"I-{m.type}"] * (last - first)
    return out


def document_outputs(sentences: list[list[str]], labels: list[list[str]]) -> list[list[str]]:
    """A document's labels after what the entity stage does with a whole article's mentions: clubs in a match
    report (`marsad.entities.sports_clubs`, which needs the whole report to know it is one: "فريق اتحاد
    طنجة", "الوداد الرياضي"; ANERcorp dev 78.94 -> 79.24, carve C 78.97 -> 79.93, AQMAR wiki unchanged when
    it was added), then `marsad.entities.document_repairs` (a surname typed as a place or body is the
    person the document names, a surname left untagged after a verb is that person)."""
    from marsad.entities import document_repairs, sports_clubs
    from marsad.records import Article, Mention

    text, offsets = _token_offsets(sentences)
    mentions = [Mention(row[a][0], row[b - 1][1], text[row[a][0]:row[b - 1][1]], kind,
                        name=text[row[a][0]:row[b - 1][1]])
                for row, tags in zip(offsets, labels) for a, b, kind in sorted(entities(tags))]
    article = Article(id="d", source="d", text=text, mentions=mentions)
    sports_clubs(article)
    document_repairs(article)
    rows = []
    for row in offsets:
        inside = [m for m in article.mentions if row and row[0][0] <= m.start < row[-1][1] + 1]
        rows.append(_labels_of(inside, row))
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="root holding ner/ (default %(default)s)")
    parser.add_argument("--model", type=Path, default=None,
                        help="a .crfsuite file, or .npz with --tagger neural (default: the shipped model)")
    parser.add_argument("--tagger", choices=("crf", "neural"), default="crf",
                        help="which tagger to score: the CRF (marsad/ner.py) or the neural one (marsad/ner_neural.py)")
    parser.add_argument("--file", type=Path, action="append", default=[], help="extra CoNLL file(s) to score")
    parser.add_argument("--domain", choices=("news", "wiki"), default="news",
                        help="how to tag the --file sets: news (what find_mentions does) or wiki (encyclopaedic)")
    parser.add_argument("--window", type=int, default=WINDOW,
                        help="score N consecutive sentences as one document, with name propagation "
                             "(default %(default)s; 0: each sentence alone)")
    parser.add_argument("--raw", action="store_true",
                        help="the tagger's labels as they are: no name-part joining, no entity-stage repairs")
    parser.add_argument("--institutions", action="store_true",
                        help="also name state bodies with their country (الجيش اللبناني), which the gold "
                             "corpora often leave untagged and marsad's entity output includes")
    args = parser.parse_args(argv)
    global INSTITUTIONS
    INSTITUTIONS = args.institutions
    sets = []
    if not args.file:
        sets.append(("ANERcorp dev (last 10% of train)", "news",
                     anercorp_split(read_conll(args.data / ANERCORP_TRAIN))[1]))
        aqmar = read_conll(args.data / AQMAR_DEV)
        sets.append(("AQMAR dev (ar.testa), news mode", "news", aqmar))
        sets.append(("AQMAR dev (ar.testa), wiki mode", "wiki", aqmar))
    sets += [(str(path), args.domain, read_conll(path)) for path in args.file]
    if not args.file and args.model is None:
        print("note: the shipped model was trained on these dev sets too, so these scores are not estimates;"
              " score build/ner-dev.crfsuite (--model) for honest dev figures")
    taggers = {}
    for title, domain, sentences in sets:
        tag = taggers.setdefault(domain, model_tagger(args.model, domain, args.tagger))
        finish = None if args.raw else as_marsad_outputs
        mode = f"documents of {args.window} sentences" if args.window else "each sentence alone"
        print(evaluate(tag, sentences, args.window, finish).table(
            f"{title}: {len(sentences)} sentences, {mode}{', tagger alone' if args.raw else ''}"))


if __name__ == "__main__":
    main()
