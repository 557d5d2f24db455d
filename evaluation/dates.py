"""Score `marsad.dates.find_timexes` against TIMEX3 tags: span P/R/F1 and normalised value accuracy.

    .venv/bin/python evaluation/dates.py                          # the silver Omani news TimeML set
    .venv/bin/python evaluation/dates.py --published 2015-12-24 --examples 30
    .venv/bin/python evaluation/dates.py --dir some/Corpus_test   # any folder of inline-TIMEX3 .tml files

Data: /work/shared/data/news/timeml-arabic-heideltime-silver/Corpus_test/*.tml, 50 Al-Watan (Oman) culture
articles of late 2015 tagged by the HeidelTime demo plus a few manual additions -- silver, not gold (see its
SOURCE.md). Files carry no document creation time; their values are relative to a reference near
2015-12-24 (the tag on "اليوم" says so), which we pass as `published`. Byte-identical duplicates (doc7 =
doc8, doc18 = doc19) are scored once.

Method:
- Spans: a prediction and a gold tag match when they overlap (one-to-one, in text order); exact-span
  agreement is reported too. Scores are given over all tags and over DATE/TIME tags only, because the module
  does not extract durations (لمدة عامين, P2Y) or sets (كل عام), which are not ISO-prefix dates.
- Values: on matched pairs whose gold value is a concrete ISO date prefix (2015, 2015-12, 2015-12-22; the
  date part of 2015-12-23TNI), the share where our value equals it. Pairs where we give None are counted
  apart. Gold values such as PRESENT_REF, P2Y, 19 (a century) or 2015-W52 are not scored.
"""
from __future__ import annotations

import argparse
import hashlib
import re
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from marsad.dates import find_timexes  # noqa: E402

SILVER = Path("/work/shared/data/news/timeml-arabic-heideltime-silver/Corpus_test")
REFERENCE = "2015-12-24"
CONCRETE = re.compile(r"^\d{4}(?:-\d\d(?:-\d\d)?)?")
DATE_TYPES = {"DATE", "TIME"}


@dataclass
class Gold:
    start: int
    end: int
    text: str
    type: str
    value: str


def read_tml(path: Path) -> tuple[str, list[Gold]]:
    """Plain text and TIMEX3 spans of an inline TimeML file (the stray U+FEFF removed)."""
    root = ET.fromstring(path.read_text(encoding="utf-8").replace("\ufeff", "").encode("utf-8"))
    parts: list[str] = [root.text or ""]
    gold: list[Gold] = []
    size = len(parts[0])
    for el in root:
        inner = "".join(el.itertext())
        if el.tag == "TIMEX3":
            gold.append(Gold(size, size + len(inner), inner, el.get("type", ""), el.get("value", "")))
        parts.append(inner)
        size += len(inner)
        parts.append(el.tail or "")
        size += len(el.tail or "")
    return "".join(parts), gold


def match(pred: list, gold: list[Gold]) -> list[tuple[int, int]]:
    """One-to-one overlap matching: each prediction, in text order, takes the free gold tag it overlaps
    most (so "العامين 1910" goes to the tag on 1910, not to the DURATION tag on العامين)."""
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for i, p in enumerate(pred):
        overlaps = [(min(p.end, g.end) - max(p.start, g.start), j) for j, g in enumerate(gold)
                    if j not in used and p.start < g.end and g.start < p.end]
        if overlaps:
            j = max(overlaps)[1]
            pairs.append((i, j))
            used.add(j)
    return pairs


def prf(tp_p: int, n_pred: int, tp_g: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_g / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def context(text: str, start: int, end: int, width: int = 30) -> str:
    left = text[max(0, start - width):start].replace("\n", " ")
    right = text[end:end + width].replace("\n", " ")
    return f"…{left}[{text[start:end]}]{right}…"


def evaluate(files: list[Path], published: str, n_examples: int) -> None:
    seen: set[str] = set()
    totals = dict(pred=0, gold=0, gold_date=0, tp=0, tp_date_gold=0, exact=0,
                  val_scored=0, val_ok=0, val_none=0)
    examples: dict[str, list[str]] = {"missed": [], "spurious": [], "value": []}
    chars = 0
    elapsed = 0.0
    for path in files:
        raw = path.read_bytes()
        digest = hashlib.sha256(raw).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        text, gold = read_tml(path)
        chars += len(text)
        t0 = time.process_time()
        pred = find_timexes(text, published)
        elapsed += time.process_time() - t0
        pairs = match(pred, gold)
        matched_p = {i for i, _ in pairs}
        matched_g = {j for _, j in pairs}
        totals["pred"] += len(pred)
        totals["gold"] += len(gold)
        totals["gold_date"] += sum(g.type in DATE_TYPES for g in gold)
        totals["tp"] += len(pairs)
        totals["tp_date_gold"] += sum(gold[j].type in DATE_TYPES for _, j in pairs)
        for i, j in pairs:
            p, g = pred[i], gold[j]
            totals["exact"] += (p.start, p.end) == (g.start, g.end)
            concrete = CONCRETE.match(g.value)
            if not concrete:
                continue
            if p.value is None:
                totals["val_none"] += 1
                continue
            totals["val_scored"] += 1
            if p.value.split("T")[0] == concrete.group():
                totals["val_ok"] += 1
            else:
                examples["value"].append(f"{path.name}: {context(text, p.start, p.end)} ours={p.value} "
                                         f"silver={g.value} ({g.type} '{g.text}')")
        for j, g in enumerate(gold):
            if j not in matched_g and g.type in DATE_TYPES:
                examples["missed"].append(
                    f"{path.name}: {context(text, g.start, g.end)} silver={g.value} {g.type}")
        for i, p in enumerate(pred):
            if i not in matched_p:
                examples["spurious"].append(f"{path.name}: {context(text, p.start, p.end)} ours={p.value}")

    n_pred, n_gold, n_gold_date, tp = totals["pred"], totals["gold"], totals["gold_date"], totals["tp"]
    print(f"{len(seen)} distinct files, {chars:,} characters, reference date (published) = {published}")
    print(f"predicted {n_pred}, silver {n_gold} (DATE/TIME {n_gold_date}), matched {tp} "
          f"({totals['exact']} with the exact span)")
    p, r, f = prf(tp, n_pred, tp, n_gold)
    print(f"spans, all silver tags:       P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    on_other_tags = tp - totals["tp_date_gold"]          # our spans on a DURATION/SET silver tag
    p, r, f = prf(totals["tp_date_gold"], n_pred - on_other_tags, totals["tp_date_gold"], n_gold_date)
    print(f"spans, DATE/TIME silver tags: P {p:.3f}  R {r:.3f}  F1 {f:.3f}"
          "  (predictions matching a DURATION/SET tag left out of both counts)")
    scored = totals["val_scored"]
    acc = totals["val_ok"] / scored if scored else 0.0
    print(f"values on matched pairs with a concrete silver value: {totals['val_ok']}/{scored} = {acc:.3f}"
          f"  (+{totals['val_none']} where we gave None)")
    print(f"speed: {chars / max(elapsed, 1e-9) / 3000:,.0f} articles/s of 3,000 characters (CPU time)")
    per_kind = max(1, n_examples // 3)
    for kind, lines in examples.items():
        print(f"\n-- {kind} ({len(lines)}), first {min(per_kind, len(lines))}:")
        for line in lines[:per_kind]:
            print("  " + line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, default=SILVER)
    parser.add_argument("--published", default=REFERENCE, help="reference date passed as `published`")
    parser.add_argument("--examples", type=int, default=15, help="how many disagreements to print")
    args = parser.parse_args(argv)
    files = sorted(args.dir.glob("*.tml"), key=lambda p: int(re.sub(r"\D", "", p.stem) or 0))
    if not files:
        print(f"no .tml files in {args.dir}", file=sys.stderr)
        return 1
    evaluate(files, args.published, args.examples)
    return 0


if __name__ == "__main__":
    sys.exit(main())
