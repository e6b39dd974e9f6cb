"""Helpers for reads and checks over thousands of records in one request or task.

`collector_paused()`: no cyclic garbage collection inside the block. Checking a round of 2,000
lines makes about half a million short-lived dicts, tuples and model instances; CPython's
collector then runs hundreds of times, and several full passes over every object of the
process took a quarter to a third of the check. These objects are freed by their reference
counts when the block ends; the few cycles among them are collected by the next pass after it.
Blocks may nest and run in several threads at once: the collector is enabled again (if it was
enabled) when the last block ends.
"""

import gc
import threading
from contextlib import contextmanager

_LOCK = threading.Lock()
_state = {"holders": 0, "was_enabled": False}


@contextmanager
def collector_paused():
    with _LOCK:
        if _state["holders"] == 0:
            _state["was_enabled"] = gc.isenabled()
            gc.disable()
        _state["holders"] += 1
    try:
        yield
    finally:
        with _LOCK:
            _state["holders"] -= 1
            if _state["holders"] == 0 and _state["was_enabled"]:
                gc.enable()
