"""Score entity merging: pairwise precision and recall of "same entity" decisions.

    .venv/bin/python evaluation/entities.py [--anetac PATH] [--pairs evaluation/entity_pairs.tsv]

Two gold sets:
  * ANETAC held-out pairs (the test fifth of training/entity_threshold.py: spelling variants of one English
    name as positives, the most similar blocked name of a clearly different English name as negatives),
    scored at each of the module's thresholds with `marsad.entities.parts_match`.
  * evaluation/entity_pairs.tsv: hand-written Arabic must-merge / must-not-merge pairs (people, organisations,
    places). Each pair goes through the whole resolver (`collect`-style stats with one mention of each name,
    then `resolve_entities`), so titles, compounds, seeds and the never-merge rules all take part.
A pair counts as merged when both names get the same entity id. Prints one line per set and every
hand-written pair the resolver gets wrong.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from marsad import entities  # noqa: E402
from marsad.entities import NameCount, NameStats, match_form, resolve_entities  # noqa: E402

PAIRS = Path(__file__).with_name("entity_pairs.tsv")


def read_pairs(path: Path) -> list[tuple[str, str, str, str]]:
    """(label, type, name A, name B) rows; label is "merge" or "apart"."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        label, type, a, b = line.split("\t")
        rows.append((label, type, a, b))
    return rows


def merged(type: str, a: str, b: str) -> bool:
    """Whether the resolver puts a and b (one mention each) in one entity."""
    stats = NameStats()
    for name in (a, b):
        stats.names[(type, match_form(name))] = NameCount(1, Counter({name: 1}))
    resolution = resolve_entities(stats)
    ea, eb = resolution.entity_of(type, a), resolution.entity_of(type, b)
    return ea is not None and ea == eb


def score(decisions: list[tuple[bool, bool]]) -> dict:
    """decisions: (gold says merge, system merged) per pair."""
    tp = sum(g and s for g, s in decisions)
    fp = sum(s and not g for g, s in decisions)
    fn = sum(g and not s for g, s in decisions)
    return {"pairs": len(decisions), "precision": tp / (tp + fp) if tp + fp else 1.0,
            "recall": tp / (tp + fn) if tp + fn else 1.0, "false_merges": fp, "missed": fn}


def evaluate_pairs(path: Path = PAIRS) -> tuple[dict, list[tuple[str, str, str, str]]]:
    rows = read_pairs(path)
    decisions, wrong = [], []
    for label, type, a, b in rows:
        got = merged(type, a, b)
        decisions.append((label == "merge", got))
        if got != (label == "merge"):
            wrong.append((label, type, a, b))
    return score(decisions), wrong


def evaluate_anetac(path: Path) -> dict[str, dict]:
    from training.entity_threshold import anetac_pairs
    test = anetac_pairs(path)["test"]
    out = {}
    for name in ("SINGLE_THRESHOLD", "PART_THRESHOLD", "SUPPORTED_THRESHOLD"):
        t, supported = getattr(entities, name), name == "SUPPORTED_THRESHOLD"
        decisions = [(True, entities.parts_match(a, b, t, supported)) for a, b in test["pos"]]
        decisions += [(False, entities.parts_match(a, c, t, supported)) for a, c in test["neg"]]
        out[f"{name}={t}"] = score(decisions)
    # One differing part of a foreign name, the rest identical (`entities._foreign_variant`): the threshold's
    # test or the foreign letter equivalences (`entities.foreign_parts_match`), for parts that are not Arabic.
    def foreign(a: str, b: str) -> bool:
        arabic = any(entities._native(x) or entities._given_name(x) for x in (a, b))
        return entities.parts_match(a, b) or (not arabic and entities.foreign_parts_match(a, b, last=True))
    decisions = [(True, foreign(a, b)) for a, b in test["pos"]] + [(False, foreign(a, c)) for a, c in test["neg"]]
    out[f"PART_THRESHOLD={entities.PART_THRESHOLD} + foreign variants"] = score(decisions)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--anetac", type=Path, default=Path("/work/shared/data/gazetteers/anetac/"
                                                            "en-ar-named-entities.txt"))
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    args = parser.parse_args()
    result, wrong = evaluate_pairs(args.pairs)
    print(f"hand-written pairs: {result['pairs']} pairs, precision {result['precision']:.3f}, "
          f"recall {result['recall']:.3f} ({result['false_merges']} false merges, {result['missed']} missed)")
    for label, type, a, b in wrong:
        print(f"  wrong: {label} {type} {a} | {b}")
    if args.anetac.exists():
        for name, r in evaluate_anetac(args.anetac).items():
            print(f"ANETAC held-out, {name}: {r['pairs']} pairs, precision {r['precision']:.3f}, "
                  f"recall {r['recall']:.3f}")
    else:
        print(f"ANETAC not found at {args.anetac}; skipped")


if __name__ == "__main__":
    main()
