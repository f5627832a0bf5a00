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
