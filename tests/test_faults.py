"""Crash safety and store faults: a run killed with SIGKILL resumes to exactly the store an uninterrupted run
gives; a full disk or a read-only store is a clear error, a non-zero exit, and nothing corrupted."""
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from marsad.pipeline import analyze
from marsad.store import Store, StoreError

FIXTURES = Path(__file__).parent / "fixtures" / "pipeline"
PLACES = ["عمان", "القاهرة", "بغداد", "الرباط", "تونس", "بيروت", "الدوحة", "الكويت", "مسقط", "الجزائر"]


def make_corpus(folder: Path, n: int) -> Path:
    """n distinct articles: the fixture articles with a different closing paragraph each."""
    folder.mkdir()
    bases = sorted(FIXTURES.glob("*.txt"))
    for i in range(n):
        base = bases[i % len(bases)].read_text(encoding="utf-8")
        extra = (f"\n\nوفي سياق متصل، عقد مسؤولون اجتماعا في {PLACES[i % len(PLACES)]} لمتابعة الملف رقم {i + 1}، "
                 f"بحضور {i + 3} من الخبراء.\n")
        (folder / f"article_{i:03d}.txt").write_text(base + extra, encoding="utf-8")
    return folder


def marsad(*args, **kw):
    return subprocess.Popen([sys.executable, "-m", "marsad", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kw)


def exported(store: Path) -> dict:
    out = subprocess.run([sys.executable, "-m", "marsad", "export", "--store", str(store), "--out", "-"],
                         capture_output=True, text=True, check=True).stdout
    doc = json.loads(out)
    doc.pop("generated")
    return doc


def test_kill_9_then_the_same_command_gives_the_uninterrupted_store(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", 60)
    common = ["analyze", str(corpus), "--workers", "1", "--batch", "4"]
    started = time.perf_counter()
    ref = marsad(*common, "--store", str(tmp_path / "ref.sqlite"))
    assert ref.wait(timeout=300) == 0, ref.stderr.read()
    duration = time.perf_counter() - started

    seed = random.randrange(1_000_000)
    rng = random.Random(seed)
    victim = marsad(*common, "--store", str(tmp_path / "killed.sqlite"))
    deadline = time.perf_counter() + rng.uniform(0.3, 0.9) * duration
    while time.perf_counter() < deadline and victim.poll() is None:
        time.sleep(0.02)
    victim.send_signal(signal.SIGKILL)
    victim.wait()

    # what a reader sees after the kill: only whole articles, each with all of its mentions
    if (tmp_path / "killed.sqlite").exists():
        reference = sqlite3.connect(tmp_path / "ref.sqlite")
        partial = sqlite3.connect(tmp_path / "killed.sqlite")
        want = dict(reference.execute("SELECT article, count(*) FROM mentions GROUP BY article"))
        tables = {name for (name,) in partial.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        # killed before the schema was written: an empty store, nothing half-written to see
        have = dict(partial.execute("SELECT article, count(*) FROM mentions GROUP BY article")) \
            if "mentions" in tables else {}
        for article, n in have.items():
            assert want[article] == n, f"half-written article {article} (kill seed {seed})"
        partial.close()
        reference.close()

    again = marsad(*common, "--store", str(tmp_path / "killed.sqlite"))
    assert again.wait(timeout=300) == 0, again.stderr.read()
    assert exported(tmp_path / "killed.sqlite") == exported(tmp_path / "ref.sqlite"), f"kill seed {seed}"


def test_a_full_disk_is_a_clear_error_and_keeps_what_was_stored(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", 12)
    first, rest = tmp_path / "first", tmp_path / "rest"
    first.mkdir(), rest.mkdir()
    for i, f in enumerate(sorted(corpus.iterdir())):
        f.rename((first if i < 3 else rest) / f.name)
    path = tmp_path / "s.sqlite"
    with Store(path) as store:
        analyze([str(first)], store)
        pages = store.db.execute("PRAGMA page_count").fetchone()[0]
        store.db.execute(f"PRAGMA max_page_count = {pages + 2}")   # the disk is full from here on
        with pytest.raises(StoreError, match="full"):
            analyze([str(rest)], store, batch_size=2)
    with Store(path) as store:
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.count("articles") == 3


def test_a_read_only_store_is_a_clear_error(tmp_path):
    path = tmp_path / "s.sqlite"
    Store(path).close()
    with Store(path, readonly=True) as store:
        with pytest.raises(StoreError):
            analyze([str(FIXTURES)], store)
    proc = marsad("analyze", str(FIXTURES), "--workers", "1", "--store", "/proc/marsad-test.sqlite")
    assert proc.wait(timeout=120) != 0
    err = proc.stderr.read()
    assert "cannot open store" in err and "Traceback" not in err
