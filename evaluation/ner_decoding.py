"""Decoding variants for the CRF tagger, scored on an honest split: the figures behind the model card's
"Decoding" section, and why the shipped decoding is still crfsuite's Viterbi.

    .venv/bin/python evaluation/ner_decoding.py                          # dev model, both dev sets
    .venv/bin/python evaluation/ner_decoding.py --neural build/ner-neural-dev-lstm128d5.npz   # + ensemble
    .venv/bin/python evaluation/ner_decoding.py --train-fold build/ner-fold80.crfsuite   # ~4 min, once
    .venv/bin/python evaluation/ner_decoding.py --fold build/ner-fold80.crfsuite          # + a third carve

Each variant has one knob. It is chosen on the first half of the ANERcorp dev carve's sentences ("A") and
judged on the second half ("B"), on the whole carve per sentence and in 100-sentence documents with
`propagate_names` (as `find_mentions` runs), and on AQMAR dev (wiki mode), which must not drop. `--fold`
adds a third carve, ANERcorp train sentences 80-90% ("C"), scored with a model trained without them
(`--train-fold` trains it on the rest of ANERcorp train plus AQMAR train, the dev model's settings).

Every variant works on crfsuite's per-token marginals (`Tagger.marginal`), computed once per sentence,
so the whole table takes seconds once the models are loaded.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from evaluation.ner import (ANERCORP_TRAIN, AQMAR_DEV, AQMAR_TRAIN, DATA, Score, Sentence, anercorp_split,
                            read_conll)
from marsad import ner

# One tagged sentence: words, gold labels, crfsuite's Viterbi labels, (T, L) marginals in `labels` order.
Tagged = tuple[list[str], list[str], list[str], np.ndarray]


def crf_marginals(model: Path, sentences: list[Sentence], domain: str) -> tuple[list[str], list[Tagged]]:
    import pycrfsuite
    features = ner.FeatureCache(ner.load_lexicons())
    crf = pycrfsuite.Tagger()
    crf.open(str(model))
    labels = crf.labels()
    out = []
    for words, gold in sentences:
        crf.set(ner.domain_features(ner.sentence_features(words, features), domain))
        viterbi = crf.tag()
        out.append((words, gold, viterbi,
                    np.array([[crf.marginal(y, t) for y in labels] for t in range(len(words))])))
    return labels, out


def neural_marginals(path: Path, sentences: list[Sentence], domain: str, labels: list[str]) -> list[np.ndarray]:
    """Per-token label marginals of a `marsad.ner_neural` network (forward-backward over its emissions and
    CRF transitions, IOB2-invalid pairs forbidden), columns in the CRF's `labels` order."""
    from marsad import ner_neural as nn
    net = nn.read_network(path)
    a = net.arrays
    trans, start, end = (a[f"{domain}_{p}"].astype(np.float64) for p in ("trans", "start", "end"))
    order = [nn.LABELS.index(y) for y in labels]
    out = []
    for words, _ in sentences:
        inputs = [nn.word_inputs(w, net.vocabulary, net.alphabet, net.seen) for w in words]
        s = net.emissions(net.word_vectors(inputs), domain).astype(np.float64)
        alpha, beta = np.zeros_like(s), np.zeros_like(s)
        alpha[0] = start + s[0]
        for t in range(1, len(s)):
            alpha[t] = np.logaddexp.reduce(alpha[t - 1][:, None] + trans, axis=0) + s[t]
        beta[-1] = end
        for t in range(len(s) - 2, -1, -1):
            beta[t] = np.logaddexp.reduce(trans + (s[t + 1] + beta[t + 1])[None, :], axis=1)
        z = np.logaddexp.reduce(alpha[-1] + end)
        out.append(np.exp(alpha + beta - z)[:, order])
    return out


class Decoders:
    """The variants, over one label set."""

    def __init__(self, labels: list[str]) -> None:
        self.labels = labels
        self.o = labels.index("O")
        self.b_per, self.i_per = labels.index("B-PER"), labels.index("I-PER")
        n = len(labels)
        self.invalid = np.array([[y.startswith("I-") and x[2:] != y[2:] for y in labels] for x in labels])
        self.bad_start = np.array([y.startswith("I-") for y in labels])
        self.entity = np.array([i != self.o for i in range(n)])

    def posterior(self, m: np.ndarray, bonus: float = 0.0) -> list[str]:
        """The IOB2-valid path maximising the summed log-marginals, `bonus` added to every entity label
        (a recall bias: 0 is plain posterior decoding)."""
        score_t = np.log(np.maximum(m, 1e-12)) + bonus * self.entity
        pen = np.where(self.invalid, -1e9, 0.0)
        score = np.where(self.bad_start, -1e9, score_t[0])
        back = []
        for t in range(1, len(m)):
            cand = score[:, None] + pen
            best = cand.argmax(0)
            back.append(best)
            score = cand[best, np.arange(len(self.labels))] + score_t[t]
        path = [int(score.argmax())]
        for best in reversed(back):
            path.append(int(best[path[-1]]))
        return [self.labels[i] for i in reversed(path)]

    def redecide(self, viterbi: list[str], m: np.ndarray, threshold: float) -> list[str]:
        """Viterbi, but a token it left O whose O marginal is below `threshold` takes its best entity label."""
        out = list(viterbi)
        for t, label in enumerate(out):
            if label == "O" and m[t, self.o] < threshold:
                best = self.labels[max((i for i in range(len(self.labels)) if i != self.o), key=lambda i: m[t, i])]
                if best.startswith("I-") and (t == 0 or out[t - 1][2:] != best[2:]):
                    best = "B-" + best[2:]
                out[t] = best
        return out

    def extend_person(self, words: list[str], labels: list[str], m: np.ndarray, threshold: float,
                      side: str) -> list[str]:
        """PER span repair: the untagged word before ("first") or after ("last") a PER span joins it when its
        PER marginal (B+I for the word before, I for the word after) reaches `threshold`; never punctuation,
        a number, a word with the article, a trigger or function word, or a clitic-bearing first word of the
        sentence (a verb: "وذكرت")."""
        out = list(labels)
        lex = ner.load_lexicons()
        for start, end, kind in ner._spans(labels):
            i = start - 1 if side == "first" else end
            if kind != "PER" or i < 0 or i >= len(out) or out[i] != "O":
                continue
            form = ner.feature_form(words[i])
            if len(form) < 2 or not form.isalpha():
                continue
            clitics, stem = ner._stem(form, lex.clusters)
            if form[len(clitics):].startswith("ال") and side == "first" or form.startswith("لل") \
                    or stem in FUNCTION_WORDS or stem in ner.TRIGGER_OF or (clitics and i == 0):
                continue
            p = m[i, self.b_per] + m[i, self.i_per] if side == "first" else m[i, self.i_per]
            if p >= threshold:
                if side == "first":
                    out[i], out[start] = "B-PER", "I-PER"
                else:
                    out[i] = "I-PER"
        return out


FUNCTION_WORDS = frozenset(ner.normalize_for_matching(w) for w in """
    في من على الى إلى عن مع ان أن إن لا لم لن ما هذا هذه ذلك تلك التي الذي الذين قد كان كانت او أو ثم حتى
    بعد قبل عند بين خلال منذ حول لدى كل بعض غير هو هي هم انه أنه إنه قال اكد أكد أضاف اليوم أمس فيما كما بها
    به له لها عليه منه يوم السيد السيدة يا أول ثاني ركن""".split())


def score(tagged: list[Tagged], predicted: list[list[str]], window: int = 0) -> float:
    if window:
        key = ner.load_tagger().match_key
        predicted = [labels for s in range(0, len(tagged), window)
                     for labels in ner.propagate_names([t[0] for t in tagged[s:s + window]],
                                                       predicted[s:s + window], key)]
    result = Score()
    for (_, gold, _, _), labels in zip(tagged, predicted):
        result.add(gold, labels)
    return result.prf()[2]


def variants(dec: Decoders, neural: dict[str, list[np.ndarray]]):
    """(name, function(set name, index, words, viterbi, marginals) -> labels or None) for every variant; the
    neural mixes give None on a set without neural marginals."""
    yield "viterbi (shipped)", lambda s, k, w, v, m: v
    for bonus in (0.0, 0.5, 1.0, 1.5, 2.0):
        yield f"posterior, entity bonus {bonus}", lambda s, k, w, v, m, b=bonus: dec.posterior(m, b)
    for th in (0.3, 0.4, 0.5, 0.6):
        yield f"viterbi, re-decide O below {th}", lambda s, k, w, v, m, th=th: dec.redecide(v, m, th)
    for side in ("first", "last"):
        for th in (0.15, 0.2, 0.25, 0.3):
            yield f"PER {side} name, marginal {th}", \
                lambda s, k, w, v, m, th=th, side=side: dec.extend_person(w, v, m, th, side)
    if neural:
        for x in (0.3, 0.4, 0.5, 0.6, 0.7):
            yield f"neural mix {x}", lambda s, k, w, v, m, x=x: \
                dec.posterior((1 - x) * m + x * neural[s][k]) if s in neural else None


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--model", type=Path, default=ROOT / "build" / "ner-dev.crfsuite")
    parser.add_argument("--neural", type=Path, default=None, help="a dev .npz of marsad.ner_neural to mix in")
    parser.add_argument("--fold", type=Path, default=None, help="a CRF trained without ANERcorp train 80-90%%")
    parser.add_argument("--train-fold", type=Path, default=None, help="train that model to this path and stop")
    args = parser.parse_args(argv)
    train, dev = anercorp_split(read_conll(args.data / ANERCORP_TRAIN))
    rest, carve_c = train[:len(train) - len(dev)], train[len(train) - len(dev):]
    if args.train_fold:
        from training.train_ner import C1, C2, train_model
        train_model(rest, read_conll(args.data / AQMAR_TRAIN), ner.load_lexicons(), args.train_fold, C1, C2)
        return
    aqmar_dev = read_conll(args.data / AQMAR_DEV)
    labels, aner = crf_marginals(args.model, dev, "news")
    sets = {"aner": aner, "aqmar": crf_marginals(args.model, aqmar_dev, "wiki")[1]}
    if args.fold:
        sets["fold"] = crf_marginals(args.fold, carve_c, "news")[1]
    neural = {}
    if args.neural:         # not on carve C: the neural dev model was trained on it
        neural = {"aner": neural_marginals(args.neural, dev, "news", labels),
                  "aqmar": neural_marginals(args.neural, aqmar_dev, "wiki", labels)}
    dec = Decoders(labels)
    half = len(aner) // 2
    print(f"{'variant':36} {'A':>6} {'B':>6} {'A+B':>6} {'w100':>6} {'AQMAR':>6}" + ("      C" if args.fold else ""))
    for name, fn in variants(dec, neural):
        out = {s: [fn(s, k, w, v, m) for k, (w, _, v, m) in enumerate(data)] for s, data in sets.items()}
        p = out["aner"]
        figures = [score(aner[:half], p[:half]), score(aner[half:], p[half:]), score(aner, p),
                   score(aner, p, 100)]
        figures += [score(sets[s], out[s]) if out[s][0] is not None else float("nan")
                    for s in ("aqmar", "fold") if s in sets]
        print(f"{name:36} " + " ".join(f"{f:6.2f}" for f in figures), flush=True)


if __name__ == "__main__":
    main()
