"""The worker pool: order kept, same results as one process, a dying worker costs only its document."""
import os

from marsad.workers import run_ordered


def square_or_die(x):
    if x == 13:
        os._exit(1)          # a worker killed mid-document (segfault, OOM killer)
    return x * x


def crashed(item, reason):
    return ("crashed", item, reason)


def test_same_results_in_order_as_one_process():
    items = list(range(50))
    one = list(run_ordered(abs, items, 1, on_crash=crashed))
    two = list(run_ordered(abs, items, 2, on_crash=crashed, chunk_size=3))
    assert one == two == items


def test_a_worker_dying_on_one_item_rejects_only_that_item():
    results = list(run_ordered(square_or_die, range(40), 2, on_crash=crashed, chunk_size=4))
    assert len(results) == 40
    assert results[13][0] == "crashed" and results[13][1] == 13
    assert [r for i, r in enumerate(results) if i != 13] == [i * i for i in range(40) if i != 13]
