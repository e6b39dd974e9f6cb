"""collector_paused: no cyclic garbage collection inside the block, the collector as it was
after the last block, whatever the nesting, errors or threads."""

import gc
import threading

import pytest

from thidua.core.batching import collector_paused


def test_the_collector_is_paused_inside_and_back_after_nested_blocks():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_comes_back_after_an_error():
    with pytest.raises(ZeroDivisionError), collector_paused():
        1 / 0  # noqa: B018
    assert gc.isenabled()


def test_a_collector_disabled_before_stays_disabled():
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_overlapping_blocks_in_two_threads_enable_it_once_both_ended():
    entered, release, seen = threading.Event(), threading.Event(), []

    def other():
        with collector_paused():
            entered.set()
            release.wait(10)
        seen.append(gc.isenabled())

    thread = threading.Thread(target=other)
    with collector_paused():
        thread.start()
        entered.wait(10)
    assert not gc.isenabled()  # the other thread's block is still open
    release.set()
    thread.join(10)
    assert seen == [True] and gc.isenabled()
