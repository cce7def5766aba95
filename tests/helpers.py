"""Small helpers for tests that are not fixtures."""

import time
from collections.abc import Callable


def wait_for(predicate: Callable[[], bool], timeout: float = 30, interval: float = 0.1) -> bool:
    """Poll until the predicate holds (for effects of a worker process); False when the time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return predicate()
