"""limits.time_limit sets its SIGALRM handler through _signal.signal (signal.signal's C function, without
the wrapper's enum conversions): the watchdog still interrupts running Python code with the limit's
message, and whatever handler was there before is there again afterwards."""

from __future__ import annotations

import signal
import threading

import pytest

from checker.limits import TimeLimitExceeded, time_limit, time_message

pytestmark = pytest.mark.skipif(
    not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread(),
    reason="SIGALRM watchdog: POSIX main thread only",
)


def _own(signum, frame):  # a handler of the caller's, to be restored
    pass


@pytest.mark.parametrize("before", [signal.SIG_DFL, signal.SIG_IGN, _own])
def test_the_handler_before_is_restored(before):
    previous = signal.signal(signal.SIGALRM, before)
    try:
        with time_limit(30):
            assert signal.getsignal(signal.SIGALRM) not in (signal.SIG_DFL, signal.SIG_IGN, _own)
        assert signal.getsignal(signal.SIGALRM) == before
        assert signal.getitimer(signal.ITIMER_REAL)[0] == 0
    finally:
        signal.signal(signal.SIGALRM, previous)


def test_the_watchdog_interrupts_a_busy_loop():
    before = signal.getsignal(signal.SIGALRM)
    with pytest.raises(TimeLimitExceeded) as raised, time_limit(0.05):
        while True:
            pass
    assert str(raised.value) == time_message(0.05)
    assert signal.getsignal(signal.SIGALRM) == before


def test_the_watchdog_interrupts_the_regex_engine_mid_match():
    """What lets the pack patterns go without a timeout of their own while the watchdog is armed:
    the `regex` engine checks for signals as it matches, so the alarm stops a backtracking search."""
    import regex

    backtracking = regex.compile("(a|aa)*c")  # about 2**60 ways to fail on the text below
    with pytest.raises(TimeLimitExceeded), time_limit(0.2):
        backtracking.search("a" * 60 + "bc")


class _Recorded:
    """A compiled pattern that records the keyword arguments of each search."""

    def __init__(self) -> None:
        self.kwargs: list[dict] = []

    def search(self, text, pos=0, **kwargs):
        self.kwargs.append(kwargs)


def _timeouts_given(run) -> list[bool]:
    from checker.kinds._regex import TimedPattern

    compiled = _Recorded()
    run(lambda: TimedPattern(compiled).search("文字"))
    return ["timeout" in kwargs for kwargs in compiled.kwargs]


def test_a_pattern_gets_a_timeout_only_where_no_watchdog_rings_at_the_deadline():
    from checker.limits import paused, watchdog_armed

    def main_thread(search):
        with time_limit(30):
            assert watchdog_armed()
            search()  # the alarm rings at the deadline: no timeout
            with time_limit(60):  # nested, not earlier: the same deadline, the same alarm
                search()
            with time_limit(5):  # nested and earlier: the alarm rings too late for it
                assert not watchdog_armed()
                search()
            assert watchdog_armed()
            with paused():
                assert not watchdog_armed()
        assert not watchdog_armed()
        search()  # no limit at all: no timeout

    assert _timeouts_given(main_thread) == [False, False, True, False]

    def other_thread(search):
        def work():
            with time_limit(30):
                assert not watchdog_armed()
                search()  # no signal in this thread: the engine's own timeout

        worker = threading.Thread(target=work)
        worker.start()
        worker.join()

    assert _timeouts_given(other_thread) == [True]
