"""Benchmark: the Spark engine in local[2] mode against the local engine with 2 workers, same input.

Input: SaudiNewsNet day files (default two of them, ~2,700 articles), read as the zips they ship in. Each
engine analyses them into a fresh store; the exports must be identical (checked, `identical` in the
output). Reported: wall seconds of each engine and their ratio, and where the Spark run's time goes:

- session start (JVM and SparkContext), then the wall time of each phase (marsad.spark: read + line stats,
  per-article stages, entities, story edges, story grouping on the driver, stories + Parquet, load);
- from Spark's own stage metrics (REST API of the UI, enabled for this run only): executor run time,
  executor CPU time, task deserialisation, result serialisation, JVM GC, and shuffle bytes written/read;
- serialisation cost in Python: a pickle round trip of every analysed article (text and annotations) with
  its features, measured on the driver; the Spark job pickles each article ~5 times (cache of the
  documents, repartition, cache of the results, the story group-by, the write), so ~5x this figure is
  spent on (de)serialisation across the executors.
- driver-side corpus stages: entity resolution and story grouping (inside the phases above).

Run: nice -n 10 .venv/bin/python benchmarks/spark.py [--zips 2015-07-23,2015-07-27] [--master local[2]]
"""
from __future__ import annotations

import argparse
import io
import json
import pickle
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DATA = Path("/work/shared/data/news/saudinewsnet/dataset")


def export_of(store_path: Path) -> dict:
    from marsad.export import export_store
    from marsad.store import Store
    with Store(store_path) as store:
        buf = io.StringIO()
        export_store(store, buf)
    doc = json.loads(buf.getvalue())
    doc.pop("generated")
    return doc


def run_local(paths: list[str], folder: Path, workers: int) -> dict:
    from marsad.pipeline import analyze
    from marsad.store import Store
    t = time.perf_counter()
    with Store(folder / "local.sqlite") as store:
        summary = analyze(paths, store, workers=workers)
    wall = time.perf_counter() - t
    return {"wall_s": round(wall, 1), "articles": summary.stored, "rejected": len(summary.rejected),
            "articles_per_s": round(summary.stored / wall, 1),
            "stage_s": {k: round(v, 1) for k, v in summary.stage_seconds.most_common()}}


def stage_metrics(spark) -> dict:
    """Spark's own per-stage metrics, summed over the run's stages."""
    import httpx
    url = spark.sparkContext.uiWebUrl
    app = httpx.get(f"{url}/api/v1/applications", timeout=30).json()[0]["id"]
    stages = httpx.get(f"{url}/api/v1/applications/{app}/stages", timeout=30).json()
    total = Counter()
    for st in stages:
        for key in ("executorRunTime", "executorCpuTime", "executorDeserializeTime", "resultSerializationTime",
                    "jvmGcTime", "shuffleWriteBytes", "shuffleReadBytes", "numCompleteTasks"):
            total[key] += st.get(key, 0) or 0
    return {"stages": len(stages), "tasks": total["numCompleteTasks"],
            "executor_run_s": round(total["executorRunTime"] / 1000, 1),
            "executor_cpu_s": round(total["executorCpuTime"] / 1e9, 1),
            "task_deserialize_s": round(total["executorDeserializeTime"] / 1000, 1),
            "result_serialize_s": round(total["resultSerializationTime"] / 1000, 2),
            "jvm_gc_s": round(total["jvmGcTime"] / 1000, 1),
            "shuffle_write_mb": round(total["shuffleWriteBytes"] / 1e6, 1),
            "shuffle_read_mb": round(total["shuffleReadBytes"] / 1e6, 1)}


def pickle_round_trip(store_path: Path) -> dict:
    """What (de)serialising every analysed article once costs in Python (the Spark job does it ~5 times)."""
    from marsad.store import Store
    with Store(store_path) as store:
        rows = [(a, features) for a, (_, _, features) in zip(store.iter_articles(), store.iter_features())]
    t = time.perf_counter()
    blob = pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL)
    pickle.loads(blob)
    return {"articles": len(rows), "seconds": round(time.perf_counter() - t, 2), "mb": round(len(blob) / 1e6, 1)}


def run_spark(paths: list[str], folder: Path, master: str) -> dict:
    from marsad import spark as engine
    from marsad.store import Store
    t = time.perf_counter()
    session, _ = engine.spark_session(master, {"spark.ui.enabled": "true"})
    started = time.perf_counter() - t
    try:
        with Store(folder / "spark.sqlite") as store:
            summary = engine.analyze_into_store(paths, store, parquet_dir=str(folder / "parquet"), spark=session)
        wall = time.perf_counter() - t
        metrics = stage_metrics(session)
    finally:
        session.stop()
    phases = dict(summary.stage_seconds)
    phases["spark start"] = started
    return {"wall_s": round(wall, 1), "articles": summary.stored, "partitions": summary.partitions,
            "edges": summary.edges, "articles_per_s": round(summary.stored / wall, 1),
            "phase_s": {k: round(v, 1) for k, v in sorted(phases.items(), key=lambda kv: -kv[1])},
            "per_article_cpu_s": round(sum(summary.cpu_seconds.values()), 1), "spark_metrics": metrics}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--zips", default="2015-07-23,2015-07-27", help="SaudiNewsNet day files, comma-separated")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    paths = [str(DATA / f"{name}.zip") for name in args.zips.split(",")]
    with tempfile.TemporaryDirectory(prefix="marsad-bench-") as tmp:
        folder = Path(tmp)
        local = run_local(paths, folder, args.workers)
        on_spark = run_spark(paths, folder, args.master)
        identical = export_of(folder / "local.sqlite") == export_of(folder / "spark.sqlite")
        serialisation = pickle_round_trip(folder / "local.sqlite")
    print(json.dumps({"input": args.zips, "local_workers": args.workers, "spark_master": args.master,
                      "local": local, "spark": on_spark, "identical": identical,
                      "spark_to_local_wall": round(on_spark["wall_s"] / local["wall_s"], 2),
                      "pickle_round_trip": serialisation}, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
