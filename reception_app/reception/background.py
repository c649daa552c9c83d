"""Background work that must not hold up the day's reception (照会番号 registration, re-confirmations)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait

log = logging.getLogger(__name__)


class ThreadBackground:
    """A small thread pool; failures are logged (the jobs audit their own outcome)."""

    def __init__(self, workers: int = 2) -> None:
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="reception-bg")
        self._futures: list[Future[None]] = []

    def submit(self, name: str, fn: Callable[[], None]) -> None:
        def run() -> None:
            try:
                fn()
            except Exception:
                log.exception("background job %s failed", name)

        self._futures = [f for f in self._futures if not f.done()]
        self._futures.append(self._pool.submit(run))

    def drain(self, timeout: float = 30.0) -> bool:
        """Waits for the jobs submitted so far; True when all finished in time (tests, shutdown)."""
        _, pending = wait(list(self._futures), timeout=timeout)
        return not pending

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=False)
