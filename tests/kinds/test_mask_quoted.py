"""_strings.mask_quoted: every quoted stretch of the pairs asked for, marks included, masked with □ of
its length, pair by pair in QUOTE_PAIRS' order (the masks made once per set of pairs)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.kinds._strings import MASK, QUOTE_PAIRS, mask_quoted


def _plain(text: str, pairs) -> str:
    for a, b in QUOTE_PAIRS:
        if a + b in pairs:
            text = re.sub(f"{re.escape(a)}[^{re.escape(a)}{re.escape(b)}\\n]*{re.escape(b)}", lambda m: MASK * len(m.group()), text)
    return text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="《》“”‘’「」『』\"〈〉a法\n", max_size=30), st.sets(st.sampled_from(QUOTE_PAIRS)))
def test_mask_quoted_masks_what_each_pair_quotes(text, pairs):
    masked = mask_quoted(text, tuple(pairs))
    assert masked == _plain(text, pairs)
    assert len(masked) == len(text)


def test_every_pair_by_default():
    assert mask_quoted("见《纲要》和“放管服”。") == "见□□□□和□□□□□。"
