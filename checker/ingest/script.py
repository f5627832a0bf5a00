"""Reports in traditional characters are read through a one-to-one character map.

The parser and the rules match simplified keywords (存在的不足, 第一责任人 …); a
report published in traditional characters (存在的不足 → 存在的不足, 第一責任人)
would otherwise lose every part.  Converting character by character keeps every
offset, so positions still point into the original text, which stays untouched
in ``Document.text`` (and in the source lines shown to the user).

The table (``rules/traditional-chars.txt``) is loaded only when a cheap probe of
frequent traditional-only characters finds enough of them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..resources import default_rules_dir

# Frequent characters that exist only in traditional writing (never in simplified text).
_PROBE = frozenset("們個這為與說時國會來對發動後經進將關體實現當還報權設計劃責務單題從問區鄉鎮縣員規門開義")
_MIN_HITS = 5


_PROBE_RE = re.compile("[" + "".join(sorted(_PROBE)) + "]")


def looks_traditional(text: str) -> bool:
    found = _PROBE_RE.finditer(text)
    return sum(1 for _ in zip(range(_MIN_HITS), found)) >= _MIN_HITS


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    path = default_rules_dir() / "traditional-chars.txt"
    table: dict[int, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if len(line) == 2 and not line.startswith("#"):
            table[ord(line[0])] = line[1]
    return table


def to_simplified(text: str) -> str:
    """Character-by-character conversion: the result has exactly the length of ``text``."""
    return text.translate(_table())
