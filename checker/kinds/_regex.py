"""Regular expressions from rule packs: screened when a pack loads, and run under a time limit.

A pack is data anyone can write, so its patterns are untrusted:

- **at load**, a pattern with a nested quantifier (a repeat inside a repeat, where the inner
  one can match a variable number of times: ``(a+)+``, ``([{han}]+)+！``, ``(?:x*y?)*``)
  is refused with the rule's file and line: such patterns backtrack exponentially;
- **when it runs**, the pattern is compiled by the `regex` package (a drop-in for ``re`` whose
  matching takes a timeout; ``re`` cannot be interrupted at all), and every search gets the
  time left for the current file (checker/limits.py).  Whatever backtracking the screen
  misses (``(a|aa)*c``) ends as one FZ904 finding for that file.  Without the `regex`
  package, ``re`` is used and the screen is the only guard.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..limits import TimeLimitExceeded, remaining

try:  # Python 3.11+
    import re._constants as _c
    import re._parser as _parser
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

try:
    import regex as _engine

    _TIMEOUT = True
except ImportError:  # pragma: no cover - the dependency is declared; a dev venv may lack it
    _engine = re  # type: ignore[assignment]
    _TIMEOUT = False

_REPEATS = tuple(op for op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)) if op is not None)


def nested_quantifier(pattern: str, flags: int = 0) -> bool:
    """Whether a variable repeat sits inside a repeat that may run more than once."""
    try:
        tree = _parser.parse(pattern, flags)
    except re.error:
        return False  # the caller reports the syntax error
    stack: list[tuple[object, bool]] = [(tree, False)]
    while stack:
        items, inside = stack.pop()
        for op, av in items:  # type: ignore[attr-defined]
            if op in _REPEATS:
                low, high, sub = av
                if inside and high != low:
                    return True
                stack.append((sub, inside or (high > 1 and high != low)))
            elif op is _c.SUBPATTERN:
                stack.append((av[-1], inside))
            elif op is _c.BRANCH:
                stack.extend((branch, inside) for branch in av[1])
            elif op in (_c.ASSERT, _c.ASSERT_NOT):
                stack.append((av[1], inside))
            elif op is _c.GROUPREF_EXISTS:
                stack.extend((branch, inside) for branch in av[1:] if branch is not None)
    return False


class TimedPattern:
    """A compiled pack pattern whose every search is bounded by the current file's time limit."""

    __slots__ = ("code", "compiled")

    def __init__(self, compiled, code: str = "") -> None:
        self.compiled = compiled
        self.code = code

    def _timeout(self) -> dict:
        if not _TIMEOUT:
            return {}
        left = remaining()
        return {} if left is None else {"timeout": max(left, 0.001)}

    def _timed_out(self) -> TimeLimitExceeded:
        which = f"规则 {self.code} 的" if self.code else "规则包中的"
        return TimeLimitExceeded(f"{which}正则表达式在此文件上匹配超时，已停止检查此文件；请检查规则包中的 pattern（避免可以大量回溯的写法）")

    def search(self, text: str, pos: int = 0):
        try:
            return self.compiled.search(text, pos, **self._timeout())
        except TimeoutError:
            raise self._timed_out() from None

    def finditer(self, text: str, pos: int = 0):
        try:
            yield from self.compiled.finditer(text, pos, **self._timeout())
        except TimeoutError:
            raise self._timed_out() from None

    def match(self, text: str):
        return self.compiled.match(text)

    def sub(self, replacement: str, text: str) -> str:
        return self.compiled.sub(replacement, text)


@lru_cache(maxsize=256)
def compile_pack_pattern(pattern: str, ignore_case: bool = False) -> TimedPattern:
    """Compile with the time-limited engine; raises ``re.error`` (or the engine's error) when invalid."""
    flags = _engine.IGNORECASE if ignore_case else 0
    try:
        return TimedPattern(_engine.compile(pattern, flags))
    except re.error:
        raise
    except Exception as exc:  # regex.error is not re.error
        raise re.error(str(exc)) from None
