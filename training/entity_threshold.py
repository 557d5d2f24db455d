"""Choose the name-part similarity thresholds of marsad/entities.py on data (ANETAC), not by eye.

    .venv/bin/python training/entity_threshold.py [--anetac PATH] [--json OUT]

Data. ANETAC (/work/shared/data/gazetteers/anetac/en-ar-named-entities.txt, lines "CLASS English Arabic",
single words, automatically extracted and noisy) never lists one English name twice, so "same English name"
is taken after folding English spelling variants (case, doubled letters, ph/f, ck/k, c/k, y/i, sch/sh):
Rolston/Rollston, Mohamed/Mohammed. Two different Arabic spellings under one folded English name are a
POSITIVE pair. Two Arabic forms whose English names differ even under a lenient consonant key (vowels and
h/w dropped, final vowel kept: Armand != Armando, Harek != Harkey) are a NEGATIVE pair; pairs in between
(Frankel/Frankl: probably one name) are left out rather than guessed. Only pairs that share a block
(`marsad.entities._blocks`) are used, since the resolver never compares others; `blocking recall` says how
many positives blocking loses.

Split. A pair is held out (test) when a hash of its English key(s) falls in the test fifth; thresholds are
chosen on the other four fifths only.

Protocol. For every positive pair (a, b) the hardest negative (a, c) -- the blocked name c of a clearly
different English name most similar to a -- is added for each side, so each query tests "merge the variant,
not the look-alike". Clearly different: lenient English keys differ (Armand != Armando) and the English
spellings are less than 0.75 similar; pairs whose Arabic phonetic keys are equal are left out of the
negatives, since no Arabic spelling tells them apart (they count as the same name in Arabic text). On that
set the script sweeps `parts_match` thresholds and picks, on train only, by F-beta (beta < 1 weighs
precision more, "a wrong merge is worse than a missed one"):
  * SINGLE_THRESHOLD, F0.25: a single word against a single word, with nothing else to confirm it.
  * PART_THRESHOLD, F0.5: one differing name part decides (the other parts are identical, or a lone surname
    is matched to a full name's surname). An identical common first name (محمد) is no evidence, so this is
    the token-level decision.
  * SUPPORTED_THRESHOLD, F1: two or more parts of the names differ and each must match; two independent
    fuzzy matches multiply the chance of a false merge away (يانس ستولينبيرج ~ ينس ستولتينبرغ).
It also reports, for a sample of 4,000 query names, how many blocked names of clearly different English
names `parts_match` accepts per query name. ANETAC is dense (67k distinct Arabic names), so this is a
pessimistic bound for one news corpus. `blocking recall` counts the positives that share a block; blocks
carry the first and last phonetic letter, which the matcher requires anyway.

Results are printed and (with --json) written as JSON; the chosen numbers go into marsad/entities.py by hand,
with these figures in its docstring.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import zlib
from collections import defaultdict
from pathlib import Path

from rapidfuzz.distance import Indel

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from marsad import entities  # noqa: E402
from marsad.entities import match_form, part_similarity, person_parts  # noqa: E402

ANETAC = Path("/work/shared/data/gazetteers/anetac/en-ar-named-entities.txt")
THRESHOLDS = [round(0.70 + 0.01 * i, 2) for i in range(30)]
NATURAL_QUERIES = 4000
BETAS = {"SINGLE_THRESHOLD": 0.25, "PART_THRESHOLD": 0.5, "SUPPORTED_THRESHOLD": 1.0}


def strict_english(name: str) -> str:
    """English spelling variants of one name fold together: Mohammed/Mohamed, Phillips/Filips."""
    e = name.lower().replace("ph", "f").replace("ck", "k").replace("sch", "sh")
    e = re.sub(r"c(?=[aoukrlt]|$)", "k", e).replace("y", "i")
    return re.sub(r"(.)\1+", r"\1", e)


def lenient_english(name: str) -> str:
    """A looser key: different lenient keys mean clearly different names (consonants and final vowel)."""
    e = strict_english(name).replace("q", "k").replace("z", "s").replace("v", "f").replace("j", "g")
    final = "V" if e[-1:] in tuple("aeiou") else ""
    return e[:1] + re.sub("[aeiouhw]", "", e[1:]) + final


def held_out(key: str) -> bool:
    return zlib.crc32(key.encode("utf-8")) % 5 == 0


def read_anetac(path: Path) -> list[tuple[str, str, str]]:
    """(class, English, Arabic part) for each single-part Arabic name."""
    rows = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            fields = line.split()
            if len(fields) != 3:
                continue
            parts = person_parts(match_form(fields[2]))
            if len(parts) == 1:
                rows.append((fields[0], fields[1], parts[0]))
    return rows


def anetac_pairs(path: Path = ANETAC) -> dict:
    """Positive pairs, hardest negatives and a sample of all blocked negatives, split train/test."""
    rows = read_anetac(path)
    strict: dict[str, set] = defaultdict(set)
    lenient: dict[str, set] = defaultdict(set)
    groups: dict[tuple, set] = defaultdict(set)
    for cls, english, arabic in rows:
        strict[arabic].add((cls, strict_english(english)))
        lenient[arabic].add((cls, lenient_english(english)))
        groups[(cls, strict_english(english))].add(arabic)
    blocks: dict[str, set] = defaultdict(set)
    for arabic in strict:
        for b in entities._blocks(arabic):
            blocks[b].add(arabic)

    def neighbours(a: str) -> set:
        return set().union(*(blocks[b] for b in entities._blocks(a))) - {a}

    def different(a: str, c: str) -> bool:
        """Clearly different names that an Arabic spelling can still tell apart (see module docstring)."""
        if lenient[a] & lenient[c] or entities.phonetic_key(a) == entities.phonetic_key(c):
            return False
        return max(Indel.normalized_similarity(x[1], y[1]) for x in strict[a] for y in strict[c]) < 0.75

    out = {"train": {"pos": [], "neg": []}, "test": {"pos": [], "neg": []}, "blocked": 0, "positives": 0}
    seen = set()
    for (cls, key), names in sorted(groups.items()):
        names = sorted(names)
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                if (a, b) in seen:
                    continue
                seen.add((a, b))
                out["positives"] += 1
                if b not in neighbours(a):
                    continue
                out["blocked"] += 1
                split = "test" if held_out(key) else "train"
                out[split]["pos"].append((a, b))
                for query in (a, b):
                    negatives = [c for c in neighbours(query) if different(query, c)]
                    if negatives:
                        c = max(sorted(negatives), key=lambda c: part_similarity(query, c))
                        out[split]["neg"].append((query, c))
    rng = random.Random(7)
    names = sorted(strict)
    sample = []
    out["natural_queries"] = min(NATURAL_QUERIES, len(names))
    for a in rng.sample(names, out["natural_queries"]):
        for c in sorted(neighbours(a)):
            if different(a, c):
                sample.append((a, c))
    out["natural"] = sample
    return out


def sweep(pos: list, neg: list, matcher) -> list[dict]:
    rows = []
    for t in THRESHOLDS:
        tp = sum(matcher(a, b, t) for a, b in pos)
        fp = sum(matcher(a, b, t) for a, b in neg)
        rows.append({"threshold": t, "precision": tp / (tp + fp) if tp + fp else 1.0,
                     "recall": tp / len(pos) if pos else 0.0, "tp": tp, "fp": fp})
    return rows


def f_beta(row: dict, beta: float) -> float:
    p, r = row["precision"], row["recall"]
    return (1 + beta * beta) * p * r / (beta * beta * p + r) if p + r else 0.0


def choose(rows: list[dict], beta: float) -> dict:
    """The threshold with the best F-beta (ties: the higher, more precise threshold)."""
    return max(rows, key=lambda r: (round(f_beta(r, beta), 4), r["threshold"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--anetac", type=Path, default=ANETAC)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    data = anetac_pairs(args.anetac)
    def matcher(a: str, b: str, t: float) -> bool:
        return entities.parts_match(a, b, t)

    def supported(a: str, b: str, t: float) -> bool:       # another differing part matched too
        return entities.parts_match(a, b, t, supported=True)

    score_only = lambda a, b, t: part_similarity(a, b) >= t  # noqa: E731 - the bare score, for comparison
    report = {"positives": data["positives"], "blocking_recall": data["blocked"] / max(1, data["positives"])}
    for split in ("train", "test"):
        pos, neg = data[split]["pos"], data[split]["neg"]
        report[split] = {"pos": len(pos), "neg": len(neg), "rules": sweep(pos, neg, matcher),
                         "supported": sweep(pos, neg, supported), "score_only": sweep(pos, neg, score_only)}
    rows = {name: "supported" if name == "SUPPORTED_THRESHOLD" else "rules" for name in BETAS}
    chosen = {name: choose(report["train"][rows[name]], beta)["threshold"] for name, beta in BETAS.items()}
    report["chosen"] = chosen
    natural = data["natural"]
    report["natural_pairs"] = len(natural)
    report["natural_false_matches_per_name"] = {
        name: sum((supported if rows[name] == "supported" else matcher)(a, c, chosen[name]) for a, c in natural)
        / max(1, data["natural_queries"]) for name in chosen}
    print(f"positives {report['positives']}, blocking recall {report['blocking_recall']:.3f}")
    for split in ("train", "test"):
        r = report[split]
        print(f"\n{split}: {r['pos']} positive pairs, {r['neg']} hardest negatives")
        print(" thr   rules P/R      F0.25  F0.5   supported P/R  F1     score-only P/R")
        for a, s, b in zip(r["rules"], r["supported"], r["score_only"]):
            print(f" {a['threshold']:.2f}  {a['precision']:.3f}/{a['recall']:.3f}  {f_beta(a, .25):.3f}  "
                  f"{f_beta(a, .5):.3f}  {s['precision']:.3f}/{s['recall']:.3f}    {f_beta(s, 1):.3f}  "
                  f"{b['precision']:.3f}/{b['recall']:.3f}")
    print()
    for name, t in chosen.items():
        test = next(r for r in report["test"][rows[name]] if r["threshold"] == t)
        print(f"{name} = {t:.2f} (F{BETAS[name]} on train): held-out precision {test['precision']:.3f} "
              f"recall {test['recall']:.3f}; look-alikes accepted per name "
              f"{report['natural_false_matches_per_name'][name]:.3f} ({data['natural_queries']} names, "
              f"{len(natural)} blocked pairs)")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
