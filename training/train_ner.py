"""Rebuild the shipped NER model and its lexicons from /work/shared/data, deterministically, in one command:

    .venv/bin/python training/train_ner.py

Steps: (1) the names file from the training entity tokens (clitic decisions only, not features);
(2) word clusters over SaudiNewsNet (training/word_clusters.py; skip with --no-clusters); (3) name-type rates
(training/name_rates.py): a dev model without them is trained on ANERcorp train minus its last 10% plus AQMAR
train, scored, and tags SaudiNewsNet (skip with --no-rates); (4) the dev model with the rates, trained on the
same sentences, scored on both dev sets and written to build/ner-dev.crfsuite; (5) the shipped model trained
on everything (ANERcorp train, AQMAR train and dev) with the same settings and lexicons, written to
marsad/models/ner.crfsuite. Prints the figures the model card quotes.
`--grid` scores a few c1/c2 pairs on dev instead (that is how the defaults were chosen); `--experiment NAME`
switches on a feature variant listed in `marsad.ner.EXPERIMENTS` for a dev run.
"""
from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")   # one thread: reproducible sums, fair to shared cores
os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse
import hashlib
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pycrfsuite

from evaluation.ner import (AQMAR_DEV, AQMAR_TRAIN, ANERCORP_TRAIN, DATA, Sentence, anercorp_split,
                            entities, evaluate, read_conll)
from marsad import ner
from marsad.arabic import strip_article

MODELS = ROOT / "marsad" / "models"
BUILD = ROOT / "build"
NEWS = "news/saudinewsnet/dataset"
C1, C2 = 0.05, 0.05               # chosen with --grid on the dev sets (see MODEL_CARD.md)
MAX_ITERATIONS = 300
FEATURE_MINFREQ = 1


def name_lines(sentences: list[Sentence]) -> list[str]:
    """The names file: each token inside a training entity, normalised, without article, once. A token
    that is a clitic plus another listed token ("وبريطانيا" beside "بريطانيا") is left out, so the list
    can tell `clitic_length` that in "وبغداد" the و is a clitic and in "وليد" it is not."""
    forms = set()
    for words, tags in sentences:
        for start, end, _ in entities(tags):
            for word in words[start:end]:
                form = strip_article(ner.feature_form(word))
                if len(form) >= 2 and any(c.isalpha() for c in form):
                    forms.add(form)

    def has_clitic(form: str) -> bool:
        return any(strip_article(form[cut:]) in forms for cut in (1, 2) if len(form) - cut >= 3
                   and form[0] in "وفبكل" and (cut == 1 or form[1] in "بكل"))
    return sorted(form for form in forms if not has_clitic(form))


def item_sequence(words: list[str], features: ner.FeatureCache, domain: str) -> list[list[str]]:
    return ner.domain_features(ner.sentence_features(words, features), domain)


def train_model(news: list[Sentence], wiki: list[Sentence], lexicons: ner.Lexicons, path: Path,
                c1: float, c2: float, adapt: bool = True, iterations: int = MAX_ITERATIONS) -> None:
    """Train on newswire plus Wikipedia sentences; with `adapt` the Wikipedia ones carry their "wiki:"
    feature twins (see `ner.domain_features`), without it the two corpora are simply mixed."""
    features = ner.FeatureCache(lexicons)
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, tags in news:
        trainer.append(item_sequence(words, features, "news"), tags)
    for words, tags in wiki:
        trainer.append(item_sequence(words, features, "wiki" if adapt else "news"), tags)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations,
                        "feature.minfreq": FEATURE_MINFREQ, "feature.possible_transitions": True})
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))


def dev_scores(path: Path, lexicons: ner.Lexicons, devs: dict[str, tuple[list[Sentence], str]]) -> dict:
    """Score a model file on each dev set, tagging it as the given domain."""
    crf = pycrfsuite.Tagger()
    crf.open(str(path))
    features = ner.FeatureCache(lexicons)
    scores = {}
    for name, (sentences, domain) in devs.items():
        tag = lambda words: crf.tag(item_sequence(words, features, domain))  # noqa
        scores[name] = evaluate(tag, sentences)
    return scores


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--no-clusters", action="store_true", help="no SaudiNewsNet word clusters (no NC licence)")
    parser.add_argument("--reuse-clusters", action="store_true", help="keep the existing clusters file")
    parser.add_argument("--clusters-file", type=Path, help="use this clusters file (experiments)")
    parser.add_argument("--no-aqmar", action="store_true", help="train on ANERcorp only")
    parser.add_argument("--no-adapt", dest="adapt", action="store_false", help="mix AQMAR without wiki: twins")
    parser.add_argument("--grid", action="store_true", help="score c1/c2 pairs on dev, write nothing shipped")
    parser.add_argument("--dev-only", action="store_true", help="stop after the dev model")
    parser.add_argument("--dev-model", type=Path, default=BUILD / "ner-dev.crfsuite")
    parser.add_argument("--iterations", type=int, default=MAX_ITERATIONS)
    parser.add_argument("--news-copies", type=int, default=1, help="repeat ANERcorp sentences to weigh news up")
    parser.add_argument("--experiment", action="append", default=[],
                        help="switch on a feature variant of marsad.ner.EXPERIMENTS (experiments only)")
    parser.add_argument("--no-rates", action="store_true", help="no name-type rates from tagged news")
    parser.add_argument("--reuse-rates", action="store_true", help="keep the existing name-type rates file")
    parser.add_argument("--rates-file", type=Path, help="use this name-type rates file (experiments)")
    parser.add_argument("--c1", type=float, default=C1)
    parser.add_argument("--c2", type=float, default=C2)
    args = parser.parse_args(argv)
    t0 = time.time()
    ner.EXPERIMENTS.update(args.experiment)

    aner_train, aner_dev = anercorp_split(read_conll(args.data / ANERCORP_TRAIN))
    aqmar_train = [] if args.no_aqmar else read_conll(args.data / AQMAR_TRAIN)
    aqmar_dev = read_conll(args.data / AQMAR_DEV)
    devs = {"ANERcorp dev": (aner_dev, "news"), "AQMAR dev (news mode)": (aqmar_dev, "news")}
    if args.adapt:
        devs["AQMAR dev (wiki mode)"] = (aqmar_dev, "wiki")

    names = "\n".join(name_lines(aner_train + aner_dev + aqmar_train + aqmar_dev)) + "\n"
    clusters_path = MODELS / ner.CLUSTERS_FILE
    if args.no_clusters:
        clusters = ""
    elif args.clusters_file:
        clusters = args.clusters_file.read_text(encoding="utf-8")
    elif args.reuse_clusters and clusters_path.exists():
        clusters = clusters_path.read_text(encoding="utf-8")
    else:
        from training.word_clusters import build_clusters
        clusters = build_clusters(args.data / NEWS)
    lexicons = ner.read_lexicons(names, clusters)
    rates_path = MODELS / ner.RATES_FILE
    rates = ""
    if args.no_clusters or args.no_rates:      # the rates come from SaudiNewsNet too (NC licence)
        pass
    elif args.rates_file:
        rates = args.rates_file.read_text(encoding="utf-8")
    elif args.reuse_rates and rates_path.exists():
        rates = rates_path.read_text(encoding="utf-8")
    else:                                      # a dev model without rates tags the news (honest dev figures)
        base = BUILD / "ner-dev-base.crfsuite"
        train_model(aner_train * args.news_copies, aqmar_train, lexicons, base, args.c1, args.c2, args.adapt,
                    args.iterations)
        scores = dev_scores(base, lexicons, devs)
        print("without rates: " + "  ".join(f"{name} F1 {s.prf()[2]:.2f}" for name, s in scores.items())
              + f" ({time.time() - t0:.0f}s)", flush=True)
        from training.name_rates import build_rates
        rates = build_rates(base, lexicons, args.data / NEWS)
    lexicons = ner.read_lexicons(names, clusters, rates)
    print(f"lexicons: {len(lexicons.names)} name tokens, {len(lexicons.clusters)} clustered words, "
          f"{len(lexicons.rates)} name-type rates ({time.time() - t0:.0f}s)", flush=True)

    pairs = [(0.02, 0.02), (0.05, 0.05), (0.1, 0.02), (0.1, 0.1), (0.2, 0.05), (0.05, 0.2)] if args.grid \
        else [(args.c1, args.c2)]
    for c1, c2 in pairs:
        dev_model = args.dev_model
        train_model(aner_train * args.news_copies, aqmar_train, lexicons, dev_model, c1, c2, args.adapt,
                    args.iterations)
        scores = dev_scores(dev_model, lexicons, devs)
        print(f"c1={c1} c2={c2}: " + "  ".join(f"{name} F1 {s.prf()[2]:.2f}" for name, s in scores.items())
              + f" ({time.time() - t0:.0f}s)", flush=True)
        if not args.grid:
            for name, score in scores.items():
                print(score.table(name))
    if args.grid or args.dev_only:
        return

    (MODELS / ner.NAMES_FILE).write_text(names, encoding="utf-8")
    for path, text in ((clusters_path, clusters), (rates_path, rates)):
        if text:
            path.write_text(text, encoding="utf-8")
        else:
            path.unlink(missing_ok=True)
    model = MODELS / ner.MODEL_FILE
    train_model((aner_train + aner_dev) * args.news_copies, aqmar_train + aqmar_dev, lexicons, model,
                args.c1, args.c2, args.adapt, args.iterations)
    digest = hashlib.sha256(model.read_bytes()).hexdigest()
    print(f"shipped model: {model.relative_to(ROOT)} {model.stat().st_size / 1e6:.2f} MB sha256 {digest}")
    for name in (ner.NAMES_FILE, ner.CLUSTERS_FILE, ner.RATES_FILE):
        path = MODELS / name
        if path.exists():
            print(f"  {name}: {path.stat().st_size / 1e6:.2f} MB sha256 {hashlib.sha256(path.read_bytes()).hexdigest()}")
    print(f"done in {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
