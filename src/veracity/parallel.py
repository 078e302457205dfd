"""Per-document work on every core: extraction is pure Python, so threads would not help.

Documents are independent until lineage and reconciliation, so the per-document stages map over
a pool of forked worker processes, in order, a chunk at a time. Small inputs stay in-process:
starting workers costs more than a few documents take.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")
K = TypeVar("K")

# below this many documents one process is faster than starting others
MIN_PARALLEL_DOCUMENTS = 200


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def worker_count(requested: int | None, items: int) -> int:
    """How many processes to use: `requested`, else $VERACITY_WORKERS, else every usable core;
    one for small inputs or where processes cannot be forked."""
    if requested is None:
        env = os.environ.get("VERACITY_WORKERS", "").strip()
        requested = int(env) if env.isdigit() and int(env) > 0 else usable_cores()
    if requested <= 1 or items < MIN_PARALLEL_DOCUMENTS:
        return 1
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return min(requested, items)


_worker_state: dict[str, object] = {}


def _init_worker(state: dict[str, object]) -> None:
    _worker_state.update(state)


def worker_state(key: str) -> object:
    """What the parent handed every worker (the profile, for one), by name."""
    return _worker_state[key]


def ordered_map(
    func: Callable[[T], R],
    items: Sequence[T],
    *,
    workers: int,
    state: dict[str, object] | None = None,
) -> Iterator[R]:
    """`map(func, items)` in order, over `workers` processes when there are several.

    `func` must be a module-level function; what it needs besides its item goes in `state`
    and is read in the worker with `worker_state(key)` (in this process too when workers == 1).
    """
    state = state or {}
    if workers <= 1:
        _worker_state.update(state)
        yield from map(func, items)
        return
    # a chunk big enough that the pickling round trip is cheap, small enough that progress moves
    chunksize = max(1, min(64, len(items) // (workers * 8)))
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_init_worker, initargs=(state,)
    ) as pool:
        yield from pool.map(func, items, chunksize=chunksize)


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """`items` in lists of `size` (the last may be shorter)."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def map_batches(
    func: Callable[[T], R],
    batches: Iterable[tuple[K, list[T]]],
    *,
    workers: int,
    chunksize: int,
) -> Iterator[tuple[K, list[R]]]:
    """(key, `[func(item) for item in items]`) for every (key, items) of a stream, in order, on
    `workers` forked processes.

    One batch is worked on while this process reads the next and takes the last one's results:
    waiting for each batch in turn left the workers idle a third of the time. At most two
    batches are in flight, so a stream of any length is never read further ahead than that.
    With one worker, or where processes cannot be forked, the batches are mapped here.
    """
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        for key, items in batches:
            yield key, [func(item) for item in items]
        return
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        waiting: tuple[K, Any] | None = None
        for key, items in batches:
            job = pool.map_async(func, items, chunksize)
            if waiting is not None:
                yield waiting[0], waiting[1].get()
            waiting = key, job
        if waiting is not None:
            yield waiting[0], waiting[1].get()
