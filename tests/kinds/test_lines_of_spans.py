"""lines_of_spans skips the bisections for a span within the lines already taken: property test
that it gives what the plain computation (every span's lines, bisected, in a set) gives."""

import random
import re
from bisect import bisect_right
from itertools import accumulate

from checker.kinds._textscan import lines_of_spans


def _plain(starts, spans):
    found = set()
    for start, end in spans:
        first, last = bisect_right(starts, start), bisect_right(starts, max(start, end - 1))
        found.update(range(first, last + 1))
    return sorted(found)


def _random_text(rng):
    return "".join(rng.choice("ab\n\n ") for _ in range(rng.randrange(0, 60)))


def _starts(text):
    return [0, *(i + 1 for i, ch in enumerate(text) if ch == "\n")]


def test_lines_of_regex_matches_are_those_of_the_plain_computation():
    rng = random.Random(13)
    patterns = ["a", "a+", "b?", r"a\s*b", r"[ab]\n?[ab]", "(?=a)", "$", "^", r"\n", "a[^b]*b", "(?<=\n)"]
    for _ in range(3000):
        text = _random_text(rng)
        regex = re.compile(rng.choice(patterns), re.MULTILINE)
        spans = [m.span() for m in regex.finditer(text)]
        starts = _starts(text)
        assert lines_of_spans(starts, spans) == _plain(starts, spans), (text, regex.pattern)


def test_spans_in_any_order_give_the_same_lines():
    rng = random.Random(11)
    for _ in range(3000):
        starts = list(accumulate((rng.randrange(1, 6) for _ in range(rng.randrange(1, 8))), initial=0))
        size = starts[-1] + 5
        spans = []
        for _ in range(rng.randrange(0, 8)):
            start = rng.randrange(0, size)
            spans.append((start, rng.randrange(start, size + 1)))
        if rng.random() < 0.5:
            spans.sort()
        assert lines_of_spans(starts, spans) == _plain(starts, spans), (starts, spans)


def test_one_span_over_several_lines_and_many_on_one():
    starts = [0, 4, 8, 12]  # lines 1..4 of a text of lines 3 characters long
    assert lines_of_spans(starts, [(1, 2), (2, 3), (5, 10), (9, 10), (10, 10), (13, 14)]) == [1, 2, 3, 4]
    assert lines_of_spans(starts, [(3, 3)]) == [1]  # an empty match at a line's end belongs to it
    assert lines_of_spans(starts, [(4, 4)]) == [2]
    assert lines_of_spans(starts, []) == []
