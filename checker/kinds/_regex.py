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

from ..limits import TimeLimitExceeded, remaining, watchdog_armed

try:  # Python 3.11+
    import re._compiler as _compiler
    import re._constants as _c
    import re._parser as _parser
except ImportError:  # pragma: no cover - Python 3.10
    import sre_compile as _compiler  # type: ignore[no-redef]
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

from ..regex_cache import compiled_from_store, load_stored_regex

# The `regex` package is imported only for a pattern no earlier run stored (checker/regex_cache.py):
# a check of known patterns builds them with the package's engine alone.
_STORED = load_stored_regex()
_package = None
if not _STORED:
    try:
        import regex as _package
    except ImportError:  # pragma: no cover - the dependency is declared; a dev venv may lack it
        _package = re  # type: ignore[assignment]
_TIMEOUT = _package is not re


def _engine_compile(pattern: str, flags: int = 0):
    """``pattern`` compiled by the `regex` engine: from its stored form when an earlier run stored
    one, else by the package, imported then (``re`` without the package)."""
    global _package
    compiled = compiled_from_store(pattern, flags) if _STORED else None
    if compiled is not None:
        return compiled
    if _package is None:
        import regex as _package  # once, for the first pattern not stored
    return _package.compile(pattern, flags)

@lru_cache(maxsize=512)
def _parsed(pattern: str, flags: int = 0):
    """``pattern`` parsed by ``re``'s parser, once for the helpers here (each read it: whether it repeats
    a repeat, what it needs, how it opens, whether a whole scan finds its lines): a pattern using
    {han} takes ``re``'s parser about a million instructions, and a pack's pattern rule asked it up
    to six times when it was loaded.  Raises ``re.error`` for an invalid pattern (not kept).  The
    trees are read, never changed."""
    return _parser.parse(pattern, flags)


_REPEATS = tuple(op for op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)) if op is not None)


def nested_quantifier(pattern: str, flags: int = 0) -> bool:
    """Whether a variable repeat sits inside a repeat that may run more than once."""
    try:
        tree = _parsed(pattern, flags)
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
        """The engine's timeout for one search: the time left for the file, unless the SIGALRM
        watchdog rings then anyway (the engine, which checks for signals as it matches, stops at it;
        a timeout costs five clock readings, system calls, per search)."""
        if not _TIMEOUT or watchdog_armed():
            return {}
        left = remaining()
        return {} if left is None else {"timeout": max(left, 0.001)}

    def _timed_out(self) -> TimeLimitExceeded:
        which = f"规则 {self.code} 的" if self.code else "规则包中的"
        return TimeLimitExceeded(f"{which}正则表达式在此文件上匹配超时，已停止检查此文件；请检查规则包中的 pattern（避免可以大量回溯的写法）")

    def search(self, text: str, pos: int = 0):
        try:
            return self.compiled.search(text, pos, **self._timeout())
        except (TimeoutError, TimeLimitExceeded):  # the engine's timeout, or the watchdog's alarm in it
            raise self._timed_out() from None

    def finditer(self, text: str, pos: int = 0):
        try:
            yield from self.compiled.finditer(text, pos, **self._timeout())
        except (TimeoutError, TimeLimitExceeded):
            raise self._timed_out() from None

    def scan(self, text: str, pos: int = 0):
        """The engine's own iterator of the matches (no generator around it, for a caller that reads
        many lines): running out of time raises ``TimeoutError`` from it, which the caller turns
        into its own ``TimeLimitExceeded``."""
        return self.compiled.finditer(text, pos, **self._timeout())

    def match(self, text: str):
        return self.compiled.match(text)

    def sub(self, replacement: str, text: str) -> str:
        return self.compiled.sub(replacement, text)


@lru_cache(maxsize=256)
def compile_pack_pattern(pattern: str, ignore_case: bool = False, multiline: bool = False) -> TimedPattern:
    """Compile with the time-limited engine; raises ``re.error`` (or the engine's error) when invalid.
    ``multiline``: ``^`` and ``$`` at every line (for a scan of the whole text, see ``finds_every_line``)."""
    flags = (re.IGNORECASE if ignore_case else 0) | (re.MULTILINE if multiline else 0)  # the same numbers in `regex`
    try:
        return TimedPattern(_engine_compile(pattern, int(flags)))
    except re.error:
        raise
    except Exception as exc:  # regex.error is not re.error
        raise re.error(str(exc)) from None


def literal_prefix(pattern: str, flags: int = 0) -> str:
    """The literal string every match of ``pattern`` opens with ("" for none, or with IGNORECASE)."""
    if flags & re.IGNORECASE:
        return ""
    try:
        tree = _parsed(pattern, flags)
        prefix = _compiler._get_literal_prefix(tree, tree.state.flags)[0]
    except (re.error, AttributeError, TypeError):  # AttributeError, TypeError: another Python's internals
        return ""
    return "".join(map(chr, prefix))


def opens_with_a_literal(pattern: str, ignore_case: bool = False) -> bool:
    """Whether every match of ``pattern`` opens with one literal string (``\\(``, ``截止``): a scan
    for it skips to the next place that string stands, fast, in either engine."""
    try:
        tree = _parsed(pattern, re.IGNORECASE if ignore_case else 0)
        return bool(_compiler._get_literal_prefix(tree, tree.state.flags)[0])
    except (re.error, AttributeError, TypeError):  # AttributeError, TypeError: another Python's internals
        return False


# --- the checker's own scans for ASCII digits -------------------------------------------------------

# What ``\\s`` matches in a ``re`` pattern of text (the characters ``str.isspace`` accepts), written out:
# the `regex` engine's ``\\s`` leaves out U+001C–U+001F.  Tested against ``re``.
SPACE_CLASS = "\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"


def digit_scan(pattern: str):
    """One of the checker's own patterns (not a pack's) that opens with ASCII digits, compiled by the
    `regex` engine when it is installed: it finds a run of digits in a report's text about twice as
    fast as ``re``, which tests a class at every position (for a class of Chinese characters ``re`` is
    the faster one).  Write ``[0-9]`` and :data:`SPACE_CLASS`, never ``\\d``, ``\\s`` or ``\\w``: the two
    engines give those different sets of characters."""
    return _engine_compile(pattern)


# --- a pattern opening with a class of a few characters: one scan per character -------------------
_MOST_OPENERS = 6


def opening_class(pattern: str, flags: int = 0) -> tuple[tuple[str, str], ...] | None:
    """When every match of ``pattern`` opens with one of a few characters written as a class at its
    start (``[ \\u3000\\u00a0](?:(?<=…))``): for each character, a pattern matching what ``pattern``
    matches where that character stands, opening with it as a literal (the class replaced by it).
    The `regex` engine tests a class at every character of a text (about 100 instructions a character
    for FZ406's three spaces) but skips to a literal character with a fast search: a scan per
    character costs a fraction of the scan for the class.  None for any other pattern."""
    if not pattern.startswith("[") or flags & re.IGNORECASE:
        return None
    try:
        items = list(_parsed(pattern, flags))
    except re.error:
        return None
    if not items or items[0][0] is not _c.IN:  # a repeated class, an alternation: not this
        return None
    chars = _class_chars(items[0][1])
    end = _class_end(pattern)
    if not chars or len(chars) > _MOST_OPENERS or end is None:
        return None
    try:
        head = list(_parser.parse(pattern[:end], flags))  # the class alone: a check of where it ends
    except re.error:
        return None
    if len(head) != 1 or head[0][0] is not _c.IN or _class_chars(head[0][1]) != chars:
        return None
    # the pattern is the class and then the rest of its sequence: the rest, after a literal character
    # in the class's place, matches what the pattern matches where that character stands
    return tuple((ch, re.escape(ch) + pattern[end:]) for ch in sorted(chars))


def _class_end(pattern: str) -> int | None:
    """Where the class ``pattern`` opens with ends (one past its ``]``): a ``]`` first in it (or after
    ``^``) is a member, an escaped character is passed over."""
    at = 1
    if pattern[at : at + 1] == "^":
        at += 1
    if pattern[at : at + 1] == "]":
        at += 1
    while at < len(pattern):
        if pattern[at] == "\\":
            at += 2
        elif pattern[at] == "]":
            return at + 1
        else:
            at += 1
    return None


# --- a quick look before the search: literal strings one of which every match needs ---------------

_CAP = 64  # most strings in one set (a product of small classes grows fast)
_ZERO_WIDTH = (_c.AT, _c.ASSERT, _c.ASSERT_NOT)


def required_strings(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Strings of which the text around any match of ``pattern`` contains at least one (its literal
    characters, small classes expanded: ``党的(?:1[5-9]|2[0-2])大`` needs one of 党的15 … 党的22), or
    None when the pattern offers none worth looking for.  ``s in text`` for a few strings is much
    cheaper than a search, and a text holding none of them cannot match: the search is skipped."""
    found = _sets(pattern, flags, looks=False)
    return max(found, key=_worth) if found else None


def required_sets(pattern: str, flags: int = 0) -> list[frozenset[str]]:
    """Every set of strings of which the text around a match holds one, not only the best one of
    ``required_strings``: also what the pattern's look-arounds require (empty: none found)."""
    return _sets(pattern, flags, looks=True)


def _sets(pattern: str, flags: int, looks: bool) -> list[frozenset[str]]:
    if flags & re.IGNORECASE or "(?i" in pattern:
        return []
    try:
        tree = _parsed(pattern, flags)
    except re.error:
        return []
    return [frozenset(c) for c in _runs(list(tree), {}, looks) if c and "" not in c]


def _worth(strings) -> tuple[int, int]:
    """Longer strings are rarer, and fewer are found sooner: the set to look for first."""
    return min(map(len, strings)), -len(strings)


def _required(items: list, groups: dict) -> set[str] | None:
    """The best set of strings one of which a match of the sequence ``items`` contains."""
    good = [c for c in _runs(items, groups) if c and "" not in c]
    return max(good, key=_worth) if good else None


def _runs(items: list, groups: dict, looks: bool = False) -> list[set[str]]:
    """Candidate sets of a sequence: its runs of consecutive literal items (classes expanded), each
    run cut where something of variable content comes, and what its parts require (with ``looks``,
    also what its look-arounds require: a set to look for besides, not in place of, the others).
    ``groups``: the strings each numbered group seen so far can match (for a back-reference)."""
    candidates: list[set[str]] = []
    current = _START  # the run so far: (its text, the text each group captured in it took)
    for op, av in items:
        exact = _exact([(op, av)], groups)
        if exact is not None and len(current) * len(exact) <= _CAP:
            current = _then(current, op, av, exact)
            continue
        texts = _texts(current)
        if op is _c.ASSERT:  # a look-around's text is in the text too
            inner = _required(list(av[1]), groups) if looks else None
            if inner:
                candidates.append(inner)
            ahead = _prefixes(list(av[1]), groups) if av[0] == 1 and texts != {""} else None
            if ahead and len(texts) * len(ahead) <= _CAP:  # a look-ahead: what follows the run
                candidates.append({s + t for s in texts for t in ahead})
            continue
        if op in _ZERO_WIDTH:  # consumes nothing: the characters either side stay next to each other
            continue
        if op in _REPEATS and av[0] >= 1:
            once = _exact(list(av[2]), groups)
            if once is not None and texts != {""} and len(current) * len(once) <= _CAP:
                # the run and the first round of the repeat
                first = av[2][0] if len(av[2]) == 1 else (None, None)
                texts = _texts(_then(current, *first, once))
        if texts != {""}:
            candidates.append(texts)
        current = _START
        candidates.extend(_parts_required(op, av, groups))
    if _texts(current) != {""}:
        candidates.append(_texts(current))
    return candidates


_START: set[tuple[str, tuple]] = {("", ())}


def _texts(run: set[tuple[str, tuple]]) -> set[str]:
    return {text for text, _captured in run}


def _then(run: set[tuple[str, tuple]], op, av, exact: set[str]) -> set[tuple[str, tuple]]:
    """Each text of ``run`` followed by each string of ``exact`` (what the next item, ``op`` ``av``,
    can match).  A back-reference to a group captured in the run repeats the text that group took
    there (``([，。])\\1`` matches ，， and 。。, never ，。), and a capturing group notes the text it
    takes; a back-reference to any other group may be any string its group can match."""
    out = set()
    for text, captured in run:
        took = dict(captured)
        if op is _c.GROUPREF and av in took:
            out.add((text + took[av], captured))
        elif op is _c.SUBPATTERN and av[0] is not None:
            out.update((text + t, (*captured, (av[0], t))) for t in exact)
        else:
            out.update((text + t, captured) for t in exact)
    return out


def _parts_required(op, av, groups: dict) -> list[set[str]]:
    """What a group, an alternation or a repeat of variable content requires."""
    if op is _c.SUBPATTERN and not av[1] and not av[2]:
        inner = _required(list(av[-1]), groups)
        return [inner] if inner else []
    if op is _c.BRANCH:
        either = [_required(list(branch), groups) for branch in av[1]]
        return [set().union(*either)] if all(either) and sum(map(len, either)) <= _CAP else []
    if op in _REPEATS and av[0] >= 1:
        inner = _required(list(av[2]), groups)
        return [inner] if inner else []
    return []


def _prefixes(items: list, groups: dict) -> set[str] | None:
    """The strings a match of ``items`` starts with (its leading literal run), or None."""
    current = {""}
    for op, av in items:
        exact = _exact([(op, av)], groups)
        if exact is None or len(current) * len(exact) > _CAP:
            break
        current = {s + t for s in current for t in exact}
    return current if current != {""} else None


def _exact(items: list, groups: dict) -> set[str] | None:
    """Every string the sequence ``items`` can match, when that is a small set of literal strings
    (a back-reference: any string its group can match)."""
    out = {""}
    for op, av in items:
        if op is _c.LITERAL:
            step = {chr(av)}
        elif op is _c.IN:
            step = _class_chars(av)
        elif op is _c.SUBPATTERN and not av[1] and not av[2]:
            step = _exact(list(av[-1]), groups)
            if av[0] is not None and step is not None:
                groups[av[0]] = step
        elif op is _c.BRANCH:
            alternatives = [_exact(list(branch), groups) for branch in av[1]]
            step = set().union(*alternatives) if all(a is not None for a in alternatives) else None
        elif op is _c.GROUPREF:
            step = groups.get(av)
        else:
            step = None
        if step is None or not step or len(out) * len(step) > _CAP:
            return None
        out = {s + t for s in out for t in step}
    return out


def _class_chars(members) -> set[str] | None:
    chars: set[str] = set()
    for op, av in members:
        if op is _c.LITERAL:
            chars.add(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < 16:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:  # a negated class, a category (\d, \s), a wide range: not a small set of characters
            return None
    return chars if len(chars) <= 16 else None


# --- one scan of the whole text instead of one per line ---------------------------------------------

_NEWLINE = ord("\n")
_NEWLINE_CATEGORIES = (_c.CATEGORY_SPACE, _c.CATEGORY_NOT_DIGIT, _c.CATEGORY_NOT_WORD)
_SAFE_CATEGORIES = (_c.CATEGORY_DIGIT, _c.CATEGORY_WORD, _c.CATEGORY_NOT_SPACE)
_CONSUMING = (_c.LITERAL, _c.NOT_LITERAL, _c.ANY, _c.IN, _c.CATEGORY)


def finds_every_line(pattern: str, flags: int = 0) -> bool:
    """Whether one scan of the lines joined by newlines, compiled with MULTILINE, has a match on
    (or spanning) every line on which a scan of that line alone, from any column, finds one.

    Such a scan may find more (a match may run over a newline), never less, when nothing whose
    outcome would change with the text beyond the line's end can tell a newline from the end of the
    text: no ``\\A`` or ``\\Z`` (``^`` and ``$`` hold at every line with MULTILINE), and nothing that
    could match a newline inside a negative look-around, an atomic group or a possessive repeat
    (there, more text could mean fewer matches).  Elsewhere a newline only adds ways to match.
    Conservative: whatever the check does not know makes it answer False."""
    try:
        tree = _parsed(pattern, flags)
    except re.error:
        return False
    return _whole_scan_safe(list(tree), tree.state.flags, strict=False)


def _whole_scan_safe(items: list, flags: int, strict: bool) -> bool:
    for op, av in items:
        if op is _c.AT:
            if av in (_c.AT_BEGINNING_STRING, _c.AT_END_STRING):
                return False
        elif op in _CONSUMING:
            if strict and _may_match_newline(op, av, flags):
                return False
        elif not _whole_scan_safe_group(op, av, flags, strict):
            return False
    return True


def _whole_scan_safe_group(op, av, flags: int, strict: bool) -> bool:
    """The check for a node holding other nodes (anything else unknown: False)."""
    if op is _c.ASSERT:
        return _whole_scan_safe(list(av[1]), flags, strict)
    if op is _c.ASSERT_NOT:
        return _whole_scan_safe(list(av[1]), flags, strict=True)
    if op is _c.SUBPATTERN:
        _group, add, delete, sub = av
        return _whole_scan_safe(list(sub), (flags | add) & ~delete, strict)
    if op is _c.BRANCH:
        return all(_whole_scan_safe(list(branch), flags, strict) for branch in av[1])
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        return _whole_scan_safe(list(av[2]), flags, strict)
    if op is getattr(_c, "POSSESSIVE_REPEAT", None):
        return _whole_scan_safe(list(av[2]), flags, strict=True)
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _whole_scan_safe(list(av), flags, strict=True)
    if op is _c.GROUPREF:
        return not strict  # the group's text is checked where the group stands
    if op is _c.GROUPREF_EXISTS:
        return not strict and all(_whole_scan_safe(list(b), flags, strict) for b in av[1:] if b is not None)
    return False


def _may_match_newline(op, av, flags: int) -> bool:
    if op is _c.LITERAL:
        return av == _NEWLINE
    if op is _c.NOT_LITERAL:
        return av != _NEWLINE
    if op is _c.ANY:
        return bool(flags & re.DOTALL)
    if op is _c.CATEGORY:
        return av not in _SAFE_CATEGORIES
    negate = False
    hit = False
    for member_op, member in av:
        if member_op is _c.NEGATE:
            negate = True
        elif member_op is _c.LITERAL:
            hit = hit or member == _NEWLINE
        elif member_op is _c.RANGE:
            hit = hit or member[0] <= _NEWLINE <= member[1]
        elif member_op is _c.CATEGORY and member in _NEWLINE_CATEGORIES:
            hit = True
        elif member_op is not _c.CATEGORY or member not in _SAFE_CATEGORIES:
            return True  # unknown: it may
    return hit != negate
