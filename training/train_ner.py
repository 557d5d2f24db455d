"""Rebuild the shipped NER model and its lexicons from /work/shared/data, deterministically, in one command:

    .venv/bin/python training/train_ner.py

Steps: (1) the gazetteer file from ANETAC (features) and the training entity tokens (clitic decisions only);
(2) word clusters over SaudiNewsNet (training/word_clusters.py; skip with --no-clusters); (3) a dev model
trained on ANERcorp train minus its last 10% plus AQMAR train, scored on both dev sets and written to
build/ner-dev.crfsuite; (4) the shipped model trained on everything (ANERcorp train, AQMAR train and dev)
with the same settings, written to marsad/models/ner.crfsuite. Prints the figures the model card quotes.
`--grid` scores a few c1/c2 pairs on dev instead (that is how the defaults were chosen).
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
ANETAC = "gazetteers/anetac/en-ar-named-entities.txt"
NEWS = "news/saudinewsnet/dataset"
ANETAC_CLASSES = {"PERSON": "PER", "LOCATION": "LOC", "ORGANIZATION": "ORG"}
C1, C2 = 0.05, 0.05               # chosen with --grid on the dev sets (see MODEL_CARD.md)
MAX_ITERATIONS = 300
FEATURE_MINFREQ = 1


def gazetteer_lines(data: Path, train: list[Sentence]) -> list[str]:
    """`form<TAB>classes<TAB>source` rows. ANETAC rows feed the `g=` features; rows from the training
    entities only tell `clitic_length` which words are names (as features they would teach the model to
    trust its own training labels)."""
    anetac: dict[str, set[str]] = {}
    for line in (data / ANETAC).read_text(encoding="utf-8").splitlines():
        parts = line.split(" ")
        if len(parts) == 3 and parts[0] in ANETAC_CLASSES:
            form = strip_article(ner.feature_form(parts[2]))
            if len(form) >= 2:
                anetac.setdefault(form, set()).add(ANETAC_CLASSES[parts[0]])
    trained: dict[str, set[str]] = {}
    for words, tags in train:
        for start, end, kind in entities(tags):
            for word in words[start:end]:
                form = strip_article(ner.feature_form(word))
                if len(form) >= 2 and form not in anetac:
                    trained.setdefault(form, set()).add(kind)
    rows = [f"{form}\t{'|'.join(sorted(kinds))}\tanetac" for form, kinds in anetac.items()]
    rows += [f"{form}\t{'|'.join(sorted(kinds))}\ttrain" for form, kinds in trained.items()]
    return sorted(rows)


def train_model(sentences: list[Sentence], lexicons: ner.Lexicons, path: Path, c1: float, c2: float) -> None:
    features = ner._FeatureCache(lexicons)
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, tags in sentences:
        trainer.append(ner.sentence_features(words, features), tags)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": MAX_ITERATIONS,
                        "feature.minfreq": FEATURE_MINFREQ, "feature.possible_transitions": True})
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))


def dev_scores(path: Path, lexicons: ner.Lexicons, devs: dict[str, list[Sentence]]) -> dict[str, object]:
    crf = pycrfsuite.Tagger()
    crf.open(str(path))
    features = ner._FeatureCache(lexicons)
    tag = lambda words: crf.tag(ner.sentence_features(words, features))  # noqa: E731
    return {name: evaluate(tag, sents) for name, sents in devs.items()}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--no-clusters", action="store_true", help="no SaudiNewsNet word clusters (no NC licence)")
    parser.add_argument("--reuse-clusters", action="store_true", help="keep the existing clusters file")
    parser.add_argument("--no-aqmar", action="store_true", help="train on ANERcorp only")
    parser.add_argument("--grid", action="store_true", help="score c1/c2 pairs on dev, write nothing shipped")
    parser.add_argument("--dev-only", action="store_true", help="stop after the dev model")
    parser.add_argument("--c1", type=float, default=C1)
    parser.add_argument("--c2", type=float, default=C2)
    args = parser.parse_args(argv)
    t0 = time.time()

    aner_train, aner_dev = anercorp_split(read_conll(args.data / ANERCORP_TRAIN))
    aqmar_train = [] if args.no_aqmar else read_conll(args.data / AQMAR_TRAIN)
    aqmar_dev = read_conll(args.data / AQMAR_DEV)
    devs = {"ANERcorp dev": aner_dev, "AQMAR dev": aqmar_dev}

    gazetteer = "\n".join(gazetteer_lines(args.data, aner_train + aner_dev + aqmar_train + aqmar_dev)) + "\n"
    clusters_path = MODELS / ner.CLUSTERS_FILE
    if args.no_clusters:
        clusters = ""
        clusters_path.unlink(missing_ok=True)
    elif args.reuse_clusters and clusters_path.exists():
        clusters = clusters_path.read_text(encoding="utf-8")
    else:
        from training.word_clusters import build_clusters
        clusters = build_clusters(args.data / NEWS)
        clusters_path.write_text(clusters, encoding="utf-8")
    (MODELS / ner.GAZETTEER_FILE).write_text(gazetteer, encoding="utf-8")
    lexicons = ner.read_lexicons(gazetteer, clusters)
    print(f"lexicons: {len(lexicons.gazetteer)} gazetteer forms, {len(lexicons.clusters)} clustered words "
          f"({time.time() - t0:.0f}s)", flush=True)

    pairs = [(0.02, 0.02), (0.05, 0.05), (0.1, 0.02), (0.1, 0.1), (0.2, 0.05), (0.05, 0.2)] if args.grid \
        else [(args.c1, args.c2)]
    for c1, c2 in pairs:
        dev_model = BUILD / "ner-dev.crfsuite"
        train_model(aner_train + aqmar_train, lexicons, dev_model, c1, c2)
        scores = dev_scores(dev_model, lexicons, devs)
        print(f"c1={c1} c2={c2}: " + "  ".join(f"{name} F1 {s.prf()[2]:.2f}" for name, s in scores.items())
              + f" ({time.time() - t0:.0f}s)", flush=True)
        if not args.grid:
            for name, score in scores.items():
                print(score.table(name))
    if args.grid or args.dev_only:
        return

    model = MODELS / ner.MODEL_FILE
    train_model(aner_train + aner_dev + aqmar_train + aqmar_dev, lexicons, model, args.c1, args.c2)
    digest = hashlib.sha256(model.read_bytes()).hexdigest()
    print(f"shipped model: {model.relative_to(ROOT)} {model.stat().st_size / 1e6:.2f} MB sha256 {digest}")
    for name in (ner.GAZETTEER_FILE, ner.CLUSTERS_FILE):
        path = MODELS / name
        if path.exists():
            print(f"  {name}: {path.stat().st_size / 1e6:.2f} MB sha256 {hashlib.sha256(path.read_bytes()).hexdigest()}")
    print(f"done in {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
