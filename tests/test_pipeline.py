"""The main job end to end, on articles written for these tests (tests/fixtures/pipeline): the contract
holds, re-runs change nothing, batches add up to the whole, workers change nothing, bad input is recorded."""
import io
import json
import shutil
from pathlib import Path

import pytest

from marsad.export import export_store
from marsad.pipeline import analyze
from marsad.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "pipeline"
SAME_EVENT = {"petra_visit.txt", "cairo_paper.txt", "gulf_site.txt"}


def run(paths, store_path, workers=1):
    with Store(store_path) as store:
        summary = analyze([str(p) for p in paths], store, workers=workers)
        buf = io.StringIO()
        export_store(store, buf)
    doc = json.loads(buf.getvalue())
    doc.pop("generated")
    return summary, doc


def name_of(doc, article_id):
    return next(Path(a["source"]).name for a in doc["articles"] if a["id"] == article_id)


def check_contract(doc):
    texts = {a["id"]: a["text"] for a in doc["articles"]}
    for entity in doc["entities"]:
        assert entity["type"] in {"PER", "ORG", "LOC", "MISC"} and entity["mentions"]
        for m in entity["mentions"]:
            assert texts[m["article"]][m["start"]:m["end"]] == m["text"]
    ids = {e["id"] for e in doc["entities"]}
    for q in doc["quotes"]:
        assert 0 <= q["start"] <= q["end"] <= len(texts[q["article"]])
        assert q["speaker"] is None or q["speaker"] in ids
    for v in doc["events"]:
        assert texts[v["article"]][v["start"]:v["end"]] == v["sentence"]
        assert all(p in ids for p in v["participants"])
    seen = [a for s in doc["stories"] for a in s["articles"]]
    assert sorted(seen) == sorted(texts), "every article is in exactly one story"


@pytest.fixture(scope="module")
def first_run(tmp_path_factory):
    store = tmp_path_factory.mktemp("run") / "s.sqlite"
    summary, doc = run([FIXTURES], store)
    return store, summary, doc


def test_contract_and_stories(first_run):
    _, summary, doc = first_run
    assert summary.stored == 5 and not summary.rejected
    check_contract(doc)
    by_story = {}
    for a in doc["articles"]:
        by_story.setdefault(a["story"], set()).add(Path(a["source"]).name)
    groups = sorted(by_story.values(), key=len)
    assert SAME_EVENT in groups, "one event told by three outlets with other spellings is one story"
    assert {"earlier_year.txt"} in groups, "the same people two years earlier are another story"


def test_spellings_merge_into_one_person(first_run):
    _, _, doc = first_run
    shoukry = [e for e in doc["entities"] if e["type"] == "PER" and "شكري" in e["name"].replace("ى", "ي")]
    assert len(shoukry) == 1
    articles = {m["article"] for m in shoukry[0]["mentions"]}
    assert len(articles) >= 4                      # سامح شكري / سامح شكرى / شكرى across outlets


def test_metadata_on_unseen_styles(first_run):
    _, _, doc = first_run
    by_name = {Path(a["source"]).name: a for a in doc["articles"]}
    assert by_name["petra_visit.txt"]["published"] == "2024-04-14T15:15"
    assert by_name["petra_visit.txt"]["dateline"] == "عمان"
    assert by_name["gulf_site.txt"]["published"] == "2024-04-15"
    assert "شارك الخبر" not in by_name["petra_visit.txt"]["text"]
    assert "اضف تعليق" not in by_name["cairo_paper.txt"]["text"]
    assert not by_name["petra_visit.txt"]["text"].startswith("الصفدي وشكري يبحثان")   # the title is not body


def test_rerun_changes_nothing(first_run):
    store, _, doc = first_run
    summary, again = run([FIXTURES], store)
    assert summary.stored == 0 and summary.already == 5
    assert again == doc


def test_batches_add_up_to_the_whole(first_run, tmp_path):
    _, _, whole = first_run
    store = tmp_path / "inc.sqlite"
    names = sorted(p.name for p in FIXTURES.iterdir())
    part_a, part_b = tmp_path / "a", tmp_path / "b"
    part_a.mkdir(), part_b.mkdir()
    for i, name in enumerate(names):
        shutil.copy(FIXTURES / name, (part_a if i % 2 else part_b) / name)
    run([part_a], store)
    summary, doc = run([part_b], store)
    assert summary.stored == len(list(part_b.iterdir()))

    def shape(d):
        return (sorted((a["id"], a["story"], a["duplicate_of"]) for a in d["articles"]),
                sorted((e["id"], e["name"], len(e["mentions"])) for e in d["entities"]),
                sorted((s["id"], tuple(s["articles"])) for s in d["stories"]))
    assert shape(doc) == shape(whole)


def test_two_workers_give_the_same_store(first_run, tmp_path):
    _, _, one = first_run
    _, two = run([FIXTURES], tmp_path / "w2.sqlite", workers=2)
    assert two == one


def test_bad_input_is_recorded_and_the_rest_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(FIXTURES / "morocco_economy.txt", folder / "good.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "windows.txt").write_bytes((FIXTURES / "earlier_year.txt").read_text(encoding="utf-8").encode("cp1256"))
    summary, doc = run([folder, tmp_path / "missing.txt"], tmp_path / "s.sqlite")
    reasons = {Path(r.source).name: r.reason for r in summary.rejected}
    assert set(reasons) == {"empty.txt", "image.txt", "missing.txt"}
    assert all(reason and "\n" not in reason for reason in reasons.values())
    stored = {Path(a["source"]).name: a for a in doc["articles"]}
    assert set(stored) == {"good.txt", "windows.txt"}
    assert stored["windows.txt"]["encoding"] == "cp1256"
    assert "الصفدي" in stored["windows.txt"]["text"]
    with Store(tmp_path / "s.sqlite") as store:
        assert {Path(r.source).name for r in store.rejected()} == set(reasons)


def test_an_article_in_another_language_is_kept_and_flagged_without_arabic_extraction(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(FIXTURES / "morocco_economy.txt", folder / "good.txt")
    (folder / "english.txt").write_text(
        "The Central Bank of Jordan said on Sunday that inflation slowed to 1.6 percent in May, "
        "according to a statement by Governor Adel Sharkas in Amman.\n", encoding="utf-8")
    summary, doc = run([folder], tmp_path / "s.sqlite")
    check_contract(doc)
    stored = {Path(a["source"]).name: a for a in doc["articles"]}
    assert stored["english.txt"]["language"] == "en" and stored["good.txt"]["language"] == "ar"
    english = stored["english.txt"]["id"]
    assert not any(m["article"] == english for e in doc["entities"] for m in e["mentions"])
    assert not any(x["article"] == english for x in doc["quotes"] + doc["events"])
    assert any(m["article"] == stored["good.txt"]["id"] for e in doc["entities"] for m in e["mentions"])


def test_same_export_whatever_the_process_hash_seed(tmp_path):
    """Set and dict order follow each process's string-hash seed; no stage may let it decide a result (ties
    between near-copies are where it shows)."""
    import os
    import subprocess
    import sys
    from tests.test_faults import make_corpus
    corpus = make_corpus(tmp_path / "corpus", 12)
    exports = []
    for seed in ("1", "2", "3"):
        store = tmp_path / f"s{seed}.sqlite"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "marsad", "analyze", str(corpus), "--workers", "1",
                        "--store", str(store)], check=True, capture_output=True, env=env)
        out = subprocess.run([sys.executable, "-m", "marsad", "export", "--store", str(store), "--out", "-"],
                             check=True, capture_output=True, text=True, env=env).stdout
        doc = json.loads(out)
        doc.pop("generated")
        exports.append(doc)
    assert exports[0] == exports[1] == exports[2]


def test_a_month_name_inside_a_date_is_no_entity():
    """Levantine months are also names: نيسان (Nissan), تموز; inside a date they are the month."""
    from marsad.pipeline import annotate
    from marsad.records import Article
    article = Article(id="a", source="a.txt", published="2024-03-24",
                      text="ويعود الموفد الفرنسي جان إيف لودريان إلى بيروت مطلع نيسان المقبل، "
                           "فيما أعلنت شركة نيسان اليابانية عن سيارة جديدة.")
    annotate(article)
    month = article.text.index("نيسان")
    assert not any(m.start <= month < m.end for m in article.mentions)
    assert [t.text for t in article.timexes] == ["نيسان المقبل"]


def test_the_bundled_corpus_tells_one_visit_as_one_story(tmp_path):
    """examples/corpus (what the README's main command runs): three outlets' pieces on one Brussels visit
    -- two undated, one leading with the guest's statement, which tells the talks in the first person inside
    a quotation -- are one story; the 2021 and 2025 pieces on other meetings are their own."""
    corpus = Path(__file__).parents[1] / "examples" / "corpus"
    _, doc = run([corpus], tmp_path / "s.sqlite")
    check_contract(doc)
    by_story = {}
    for a in doc["articles"]:
        by_story.setdefault(a["story"], set()).add(Path(a["source"]).name[:3])
    assert sorted(map(sorted, by_story.values())) == [["000", "002", "003"], ["001"], ["004"]]
