"""Run the per-article stages on every core, in order, surviving a worker that dies.

`run_ordered(fn, items, workers)` yields `fn(item)` for each item in input order, like `map`, but spread over
worker processes. A bounded window of chunks is in flight, so memory stays flat however long the input. If a
worker process dies (a segfault in a C extension, the OOM killer, `os._exit`) the pool is rebuilt and the chunk
it was working on is retried one item at a time; the item that kills a worker again is given to `on_crash`
instead, so one poisonous document is recorded as rejected and the run goes on.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any

_worker_fn: Callable | None = None


def _init(fn: Callable) -> None:
    global _worker_fn
    _worker_fn = fn


def _run_chunk(chunk: list) -> list:
    return [_worker_fn(item) for item in chunk]


def run_ordered(fn: Callable[[Any], Any], items: Iterable[Any], workers: int, *,
                on_crash: Callable[[Any, str], Any], chunk_size: int = 8) -> Iterator[Any]:
    """Yield fn(item) for every item, in input order. `fn` must be picklable (a module-level function or a
    functools.partial of one). With workers <= 1 everything runs here, in this process."""
    if workers <= 1:
        for item in items:
            yield fn(item)
        return
    context = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_init, initargs=(fn,))
    window: deque[tuple[list, Future]] = deque()
    source = iter(items)
    try:
        while True:
            while len(window) < workers * 3:
                chunk = list(islice(source, chunk_size))
                if not chunk:
                    break
                window.append((chunk, pool.submit(_run_chunk, chunk)))
            if not window:
                return
            chunk, future = window.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                pool.shutdown(wait=False, cancel_futures=True)
                pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_init, initargs=(fn,))
                results = []
                for item in chunk:          # find the item that kills a worker, one at a time
                    try:
                        results.append(pool.submit(_run_chunk, [item]).result()[0])
                    except BrokenProcessPool:
                        pool.shutdown(wait=False, cancel_futures=True)
                        pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_init, initargs=(fn,))
                        results.append(on_crash(item, "worker process died while processing this document"))
                pending = [c for c, _ in window]           # everything in flight died with the pool: resubmit
                window.clear()
                yield from results
                for c in pending:
                    window.append((c, pool.submit(_run_chunk, c)))
                continue
            yield from results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
