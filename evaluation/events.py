"""Score `marsad.events.find_events` against a hand-judged sample of SaudiNewsNet articles.

    .venv/bin/marsad analyze ../shared/data/news/saudinewsnet/dataset/2015-08-11.zip \\
        --store /tmp/ev/d11.sqlite -w 1
    .venv/bin/python evaluation/events.py                   # both sets, from /tmp/ev/d11.sqlite
    .venv/bin/python evaluation/events.py --set dev --show  # one set, each miss, spurious event, wrong attribute
    .venv/bin/python evaluation/events.py --draw dev        # a set's articles laid out for judging

The store gives the articles' clean text, mentions, timexes and quotes as the other stages found them when it
was built; the events are computed afresh by the current code, so only marsad.events is measured (the NER,
the dates and the quotes are frozen in the store).

Sets: articles drawn at random from SaudiNewsNet 2015-08-11 (a day no earlier stage was tuned on) among the
Arabic, non-duplicate articles under 3,500 characters in which the code found an event or that hold a dated
timex (`eligible`): `dev` (samples 0-19, seed 1), read to find the error classes the fixes were made from, so
its "after" figures flatter the code; `check` (samples 100-119, seed 2, never one of dev's), judged on the code
as it stood before the fixes and not read again while making them: the honest estimate.

Data: evaluation/events_judged.jsonl, one judgement a line. One engineer read each article and wrote down what
a careful analyst would want on a timeline:

- `wanted`: a happening -- something done or suffered by someone, or that occurred, at a time: a meeting, a
  visit (an arrival, a trip), a call, an agreement signed or reached, a statement (an announcement or
  declaration that is news itself, or any statement the sentence dates), a milestone (appointment, resignation,
  founding, decision, launch, the start of a scheme, a result), or other (a match, an attack, a raid, deaths,
  an exhibition or race held). Scheduled happenings count (a match tomorrow); intentions, forecasts, plans
  without a fixed day, hypotheticals, habits, opinions and figures (market indices, prices, statistics) do
  not. The article's own news is wanted even when undated; any other happening when the sentence gives its
  date (background with its own date, "بدأ التحالف حملة جوية في 26 مارس", is a dated happening); undated
  background ("وكان ... قد") is not. Fields: `spans`, the sentences (offsets into the clean text) that tell it,
  any of which may carry it; `types`, the acceptable types; `dates`, the acceptable ISO dates resolved against
  the publication date (null: the sentence gives none); `places`, the acceptable place names (null: none
  named); `participants`, one list of acceptable names per person or organisation taking part (places and
  countries are never participants; marsad gives them as the place); `also`, names acceptable as
  participants but not required (a source, an attendee).
- `spurious`: an event the code gave that is no wanted event (`date`: the found date it concerns, "*" any),
  with its class in `error`.
- `none`: an article with nothing to find.

`found` records what the code at the base commit gave for the item, `error` the class of its mistake then
(for a wanted item: why it was missed or which attribute was wrong), `excerpt` at most 80 characters of the
first sentence (SaudiNewsNet is CC BY-NC-SA). Lines with `"later": true` judge an event only a later version
of the code gave (they were read when it appeared, with the same rules).

Matching (`match`): a found event belongs to a wanted event when its sentence overlaps one of the wanted
event's sentences -- first one of the found date not yet taken, then a spurious judgement of that date, then
any wanted event not yet taken, then a spurious judgement of any date; a second event for a wanted event
already taken is a `duplicate`. A found event that overlaps no judgement is UNJUDGED: printed, counted, left
out of the figures, and to be judged.

Figures, per set:
- precision: true / (true + spurious + duplicate); recall: wanted events found, also split into dated and
  undated ones (the code gives a weak trigger an event only when the sentence is dated);
- entries right: found events that are true with an acceptable type and date / judged found events -- the
  share of timeline entries an analyst can take as they are;
- among true events: type, date and place accuracy (the place is the mention's text, null when none);
  participant precision (found participant names that are wanted or `also` names) and recall (wanted
  participants found). Date accuracy is near 1 by construction: a found event is matched to the wanted event
  of its date first, so a wrongly dated event mostly shows as spurious or as another wanted event.

Results (no found event is unjudged on either set):

                         precision  recall (dated, undated)  entries right  type   place  participants P / R
    dev   before f61926a   0.781    0.625 (0.706, 0.167)        0.531       0.680  0.760     0.564 / 0.607
    dev   after  3cc84ed   0.933    0.700 (0.794, 0.167)        0.900       0.964  0.929     0.684 / 0.677
    check before f61926a   0.643    0.333 (0.500, 0.154)        0.357       0.556  0.778     0.765 / 0.750
    check after  bf65476   0.769    0.370 (0.571, 0.154)        0.538       0.800  0.700     0.667 / 0.500
    check after  3cc84ed   0.714    0.370 (0.571, 0.154)        0.571       0.800  0.700     0.667 / 0.500
    dev   after  lead      0.903    0.700 (0.794, 0.167)        0.839       0.964  0.929     0.684 / 0.677
    check after  lead      0.789    0.556 (0.714, 0.385)        0.632       0.800  0.667     0.722 / 0.500

The honest estimate is check after bf65476: its details were read only after that commit, for the report;
3cc84ed fixes a bug seen there (a date's own words counted as distance to a trigger after it), so its check
figures are no longer blind. On check, the fixes removed statements dated by figures, comparisons and
reported content, typed two sentences by the trigger of their own date (a contract "تم توقيعه في التاسع من
يوليو" is an agreement, a dividend "اعتبارا من ... سيبدأ" a milestone), and found a match "ستقام غدا";
they cost one place (a region named only in a title, "محافظ بلجرشي", is no longer taken as
the place) and participant recall (a trigger of reported content takes no participant from the reporting
clause: the bank that announces a dividend is not its participant any more).

"lead" is the later change taken from the "what is left" list below, so neither set is blind to it: the
lead's weak verb gives an undated event of the article's own news unless the article dates an event of its
type (`marsad.events._lead_verb`), and داهم، طرد، اعتمد، أوصى became triggers. Dev loses one duplicate
(an undated lead statement next to the dated meeting it announces) and one date. Read, not scored: 25
undated lead events (strong and weak triggers) of random articles of SaudiNewsNet 2015-08-10: 22 tell the
article's news ("أدان وكيل إمارة الباحة ...", "قتل 14 شخصا ..."), one is a critics' opinion ("أكد نقاد أن
الفيلم ..."), and the two wrong ones seen first ("في أوضح صور الهزيمة", "ذكر بحث جديد") are now excluded
(a verb form after a preposition; a meeting word without its partner).

Side effects were read, not scored: random samples of the events that changed between the base code and
the fixed code on SaudiNewsNet 2015-08-10 and 2015-08-11 (check articles left out) and on the 50 Omani
articles in /tmp/oman (about a third of the ~1,500 events of a day change); the regressions seen there
(bare وقع read as "signed" in "وقع الحادث", "في المعرض" caught by the fixed expression "في معرض", a year
opening the sentence too far from its verb) were fixed before the commits.

What is left, by class (dev and check together):
- no trigger word for the happening (the largest class of misses: سحب، خلصت، نفذ، اختار، قطع رحلة ...): a list cannot hold every verb of news; an undated one is then lost for good;
- undated weak triggers in the article's own news outside its lead (غادروا، باتت، أنهت، افتتاح) and
  milestones in the lead: weak triggers give an undated event only as the lead's verb;
- nobody and nowhere named by a mention (صحة المنطقة, الوزارة): an event must name someone or somewhere;
- a match called لقاء is typed as a meeting; a far date in a long clause is lost (the 16-word limit);
- errors of other stages: the tagger misses places and names (بجدة, الحوثيين, مورا) or tags boilerplate
  (تويتر فيسبوك ... in okaz articles) and places as organisations (مركز هارليننقتون); the dates stage reads
  "صباح السبت" after "ستبدأ" as last Saturday and the newspaper "لـ(اليوم)" as today; a sentence glued to
  the next without a space after its full stop ("أمس.وتشهد") is one sentence.
"""
from __future__ import annotations

import argparse
import collections
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from marsad.arabic import normalize_for_matching, split_sentences  # noqa: E402
from marsad.events import DATE_KINDS, find_events  # noqa: E402
from marsad.records import Article  # noqa: E402
from marsad.store import Store  # noqa: E402

JUDGED = ROOT / "evaluation" / "events_judged.jsonl"
STORE = "/tmp/ev/d11.sqlite"
MAX_DRAW_CHARS = 3500
EXCERPT = 80
# set -> (first sample number, size, seed)
DRAWS = {"dev": (0, 20, 1), "check": (100, 20, 2)}


def eligible(store_path: str) -> list[str]:
    """Ids of the store's Arabic, non-duplicate articles under MAX_DRAW_CHARS characters that the code as
    stored in the store found an event in or that hold a dated timex, sorted."""
    out = []
    with Store(store_path, readonly=True) as store:
        for a in store.iter_articles():
            if a.language != "ar" or a.duplicate_of or len(a.text) >= MAX_DRAW_CHARS:
                continue
            if a.events or any(t.kind in DATE_KINDS and t.value for t in a.timexes):
                out.append(a.id)
    return sorted(out)


def draw(store_path: str, subset: str) -> list[tuple[int, str]]:
    """(sample number, article id) of a set: a seeded sample of `eligible`, never an article of an earlier set."""
    ids = eligible(store_path)
    taken: set[str] = set()
    for name, (first, size, seed) in DRAWS.items():
        pool = [i for i in ids if i not in taken]
        picked = random.Random(seed).sample(pool, size)
        if name == subset:
            return [(first + k, aid) for k, aid in enumerate(picked)]
        taken |= set(picked)
    raise KeyError(subset)


def show(article: Article) -> None:
    """An article laid out for judging: its sentences with offsets, timexes, mentions and the events found."""
    print(f"### {article.id} published={article.published} outlet={article.outlet} chars={len(article.text)}")
    print(f"title: {article.title}")
    for s, e in split_sentences(article.text):
        print(f"[{s}-{e}] {article.text[s:e]}")
        for t in article.timexes:
            if s <= t.start < e:
                print(f"      T {t.start}-{t.end} {t.kind} {t.text!r} -> {t.value}")
        ms = [f"{m.text}/{m.type}" + (f"({m.title})" if m.title else "") for m in article.mentions if s <= m.start < e]
        if ms:
            print("      M " + " | ".join(ms))
    for ev in find_events(article):
        place = article.mentions[ev.place_mention].text if ev.place_mention is not None else None
        people = [article.mentions[i].text for i in ev.participant_mentions]
        print(f"  EVENT {ev.start}-{ev.end} {ev.type} date={ev.date} ({ev.date_text!r}) trigger={ev.trigger!r} "
              f"place={place!r} people={people}")
    print()


# --- scoring --------------------------------------------------------------------------------------------------

SETS = {"dev": lambda j: j["set"] == "dev", "check": lambda j: j["set"] == "check", "all": lambda j: True}
_CLITIC = "وفبلك"


def _norm(text: str | None) -> str:
    return normalize_for_matching(text or "").strip()


def same_name(found: str | None, wanted: str | None) -> bool:
    """A found name is a wanted one after normalisation, or the wanted one with a clitic the tagger kept."""
    if found is None or wanted is None:
        return found is None and wanted is None
    f, w = _norm(found), _norm(wanted)
    return f == w or (len(f) > 2 and f[0] in _CLITIC and f[1:] == w)


def _overlaps(event, spans) -> int:
    return max((min(event.end, e) - max(event.start, s) for s, e in spans), default=0)


def _read_judged() -> list[dict]:
    return [json.loads(line) for line in JUDGED.read_text(encoding="utf-8").splitlines() if line.strip()]


def match(events, judged: list[dict]) -> list[tuple[object, str, dict | None]]:
    """Each found event with its verdict ("true", "spurious", "duplicate", "unjudged") and judgement.

    A found event belongs to a wanted event when its sentence overlaps one of the wanted event's sentences;
    in order: a wanted event of the found date not yet taken; a spurious judgement naming that date; a
    wanted event not yet taken (the date is then wrong); a spurious judgement of any date; a wanted event
    already taken (a duplicate)."""
    wanted = [j for j in judged if j["verdict"] == "wanted"]
    spurious = [j for j in judged if j["verdict"] == "spurious"]
    taken: set[int] = set()
    out = []
    for ev in events:
        near = sorted((k for k, w in enumerate(wanted) if _overlaps(ev, w["spans"]) > 0),
                      key=lambda k: -_overlaps(ev, wanted[k]["spans"]))
        bad = [s for s in spurious if _overlaps(ev, s["spans"]) > 0]
        any_date = [s for s in bad if s["date"] == "*"]
        free = [k for k in near if k not in taken]
        dated = [k for k in free if ev.date in wanted[k]["dates"]]
        named_bad = [s for s in bad if s["date"] == ev.date]
        if dated:
            taken.add(dated[0])
            out.append((ev, "true", wanted[dated[0]]))
        elif named_bad:
            out.append((ev, "spurious", named_bad[0]))
        elif free:
            taken.add(free[0])
            out.append((ev, "true", wanted[free[0]]))
        elif any_date:
            out.append((ev, "spurious", any_date[0]))
        elif near:
            out.append((ev, "duplicate", wanted[near[0]]))
        else:
            out.append((ev, "unjudged", None))
    return out


def score(store_path: str, subset: str, show: bool = False) -> dict:
    judged = [j for j in _read_judged() if SETS[subset](j)]
    by_article: dict[str, list[dict]] = collections.defaultdict(list)
    for j in judged:
        by_article[j["article"]].append(j)
    c = collections.Counter()
    errors = collections.Counter()
    with Store(store_path, readonly=True) as store:
        articles = {a.id: a for a in store.get_articles(sorted(by_article))}
    for aid in sorted(by_article, key=lambda a: by_article[a][0]["sample"]):
        article, items = articles[aid], by_article[aid]
        sample = items[0]["sample"]
        wanted = [j for j in items if j["verdict"] == "wanted"]
        c["wanted"] += len(wanted)
        c["wanted_dated"] += sum(1 for w in wanted if None not in w["dates"])
        hit = []
        for ev, verdict, j in match(find_events(article), items):
            c[verdict] += 1
            place = article.mentions[ev.place_mention].text if ev.place_mention is not None else None
            people = [article.mentions[i].text for i in ev.participant_mentions]
            what = f"{ev.type} {ev.date} ({ev.date_text}) place={place} people={people}"
            if verdict == "unjudged":
                print(f"UNJUDGED {subset} #{sample} {aid} {ev.start}-{ev.end} {what}: "
                      f"{' '.join(ev.sentence.split())[:EXCERPT]}")
                continue
            if verdict == "spurious":
                errors[f"spurious: {j['error']}"] += 1
                if show:
                    print(f"SPURIOUS #{sample} {ev.start} {what} [{j['error']}]")
                continue
            if verdict == "duplicate":
                errors["duplicate: a second entry for one wanted event"] += 1
                if show:
                    print(f"DUPLICATE #{sample} {ev.start} {what}")
                continue
            hit.append(id(j))
            ok_type = ev.type in j["types"]
            ok_date = ev.date in j["dates"]
            ok_place = any(same_name(place, p) for p in j["places"])
            c["type_ok"] += ok_type
            c["date_ok"] += ok_date
            c["place_ok"] += ok_place
            c["entry_ok"] += ok_type and ok_date
            names = j["participants"] + j["also"]
            c["people_found"] += len(people)
            c["people_right"] += sum(1 for p in people if any(same_name(p, n) for group in names for n in group))
            c["people_wanted"] += len(j["participants"])
            c["people_recalled"] += sum(1 for group in j["participants"]
                                        if any(same_name(p, n) for p in people for n in group))
            wrong = [p for p in people if not any(same_name(p, n) for group in names for n in group)]
            lost = [group[0] for group in j["participants"]
                    if not any(same_name(p, n) for p in people for n in group)]
            if show and (wrong or lost):
                print(f"PEOPLE #{sample} {ev.start} {ev.type} {ev.date}: wrong {wrong}, not found {lost}")
            for ok, name in ((ok_type, "type"), (ok_date, "date"), (ok_place, "place")):
                if not ok:
                    errors[f"wrong {name}"] += 1
                    if show:
                        want = {"type": j["types"], "date": j["dates"], "place": j["places"]}[name]
                        print(f"WRONG {name.upper()} #{sample} {ev.start} {what}; want {want}")
        for w in wanted:
            if id(w) not in hit:
                errors["missed" + (" (undated)" if None in w["dates"] else "")] += 1
                if show:
                    print(f"MISSED #{sample} {w['spans'][0]} {w['types']} {w['dates']}: "
                          f"{w['note'] or w['excerpt'][:60]}")
            else:
                c["recalled"] += 1
                c["recalled_dated"] += None not in w["dates"]
    judged_found = c["true"] + c["spurious"] + c["duplicate"]
    true = c["true"]

    def ratio(a, b):
        return a / b if b else 0.0
    return {
        "articles": len(by_article), "wanted": c["wanted"], "wanted_dated": c["wanted_dated"],
        "found": judged_found + c["unjudged"], "true": true, "spurious": c["spurious"],
        "duplicate": c["duplicate"], "unjudged": c["unjudged"],
        "precision": ratio(true, judged_found),
        "entry_precision": ratio(c["entry_ok"], judged_found),
        "recall": ratio(c["recalled"], c["wanted"]),
        "recall_dated": ratio(c["recalled_dated"], c["wanted_dated"]),
        "recall_undated": ratio(c["recalled"] - c["recalled_dated"], c["wanted"] - c["wanted_dated"]),
        "type_acc": ratio(c["type_ok"], true), "date_acc": ratio(c["date_ok"], true),
        "place_acc": ratio(c["place_ok"], true),
        "participant_precision": ratio(c["people_right"], c["people_found"]),
        "participant_recall": ratio(c["people_recalled"], c["people_wanted"]),
        "errors": dict(errors.most_common()),
    }


def report(subset: str, r: dict) -> None:
    print(f"== {subset}: {r['articles']} articles, {r['wanted']} wanted events ({r['wanted_dated']} dated); "
          f"found {r['found']} = {r['true']} true + {r['spurious']} spurious + {r['duplicate']} duplicate "
          f"+ {r['unjudged']} unjudged")
    print(f"precision {r['precision']:.3f}  recall {r['recall']:.3f} (dated {r['recall_dated']:.3f}, undated "
          f"{r['recall_undated']:.3f})  entries right (true, type and date right) {r['entry_precision']:.3f}")
    print(f"among true events: type {r['type_acc']:.3f}  date {r['date_acc']:.3f}  place {r['place_acc']:.3f}  "
          f"participant precision {r['participant_precision']:.3f}  recall {r['participant_recall']:.3f}")
    for name, n in r["errors"].items():
        print(f"  {n:3d}  {name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", default=STORE)
    parser.add_argument("--set", choices=sorted(SETS), default=None, help="one set only (default: each)")
    parser.add_argument("--show", action="store_true", help="print each miss, spurious event and wrong attribute")
    parser.add_argument("--draw", choices=sorted(DRAWS), help="lay out a set's articles for judging")
    args = parser.parse_args()
    if args.draw:
        with Store(args.store, readonly=True) as store:
            for number, aid in draw(args.store, args.draw):
                print(f"SAMPLE {number}")
                [article] = store.get_articles([aid])
                show(article)
        return
    for subset in [args.set] if args.set else ["dev", "check"]:
        report(subset, score(args.store, subset, args.show))


if __name__ == "__main__":
    main()
