"""A regex of many words written as a trie, shared by the look-alike scan (analyze) and the
text-scanning rules (kinds).

``(?:法治政府|法治社会|法制)`` tries every word in turn at every column where the scan stops;
the trie ``法(?:治(?:政府|社会)|制)`` follows one path: the words that share a beginning share
its branch.  At each column it matches the longest word that starts there (a branch that goes
on is tried before the word that ends earlier: ``(?:…)?``), as the alternation of the words
longest first does; the branches of a node open with different characters, so at most one of
them can match and their order does not matter (they are written sorted, so equal word lists
give equal patterns).
"""

from __future__ import annotations

import re


def trie_pattern(words) -> str:
    """The trie regex of ``words`` (empty words are ignored; none left: an empty pattern)."""
    trie: dict = {}
    for word in words:
        if word:
            node = trie
            for ch in word:
                node = node.setdefault(ch, {})
            node[""] = {}  # a word ends here
    return _branches(trie)


def _branches(node: dict) -> str:
    branches = []
    for ch, child in sorted(node.items()):
        if not ch:
            continue
        run = re.escape(ch)
        while len(child) == 1 and "" not in child:  # a run of characters without a choice: no group
            ((next_ch, child),) = child.items()
            run += re.escape(next_ch)
        branches.append(run + _branches(child))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
