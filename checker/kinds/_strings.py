"""Small string helpers shared by the wording, number, layout and quality kinds (not a kind).

Every mask here keeps lengths unchanged, so offsets found in a masked string are
offsets in the original.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..report import Segment
from ._textscan import sections

# Quoted titles and quotations: text inside them is cited, not written by the report's author.
QUOTE_PAIRS = ("《》", "“”", "‘’", "「」", "『』", '""', "〈〉")
_QUOTED_RES = tuple(
    re.compile(f"{re.escape(a)}[^{re.escape(a)}{re.escape(b)}\\n]*{re.escape(b)}") for a, b in QUOTE_PAIRS
)
MASK = "□"
HAN_RE = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")
# Space characters other than the ordinary space, the tab and the ideographic space U+3000.
SPECIAL_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"
ALL_SPACES = " \t\u3000" + SPECIAL_SPACES

SPACE_NAMES = {
    " ": "半角空格",
    "\t": "制表符",
    "\u3000": "全角空格",
    "\u00a0": "不间断空格（NBSP）",
    "\u202f": "窄不间断空格",
    "\u2009": "窄空格",
    "\u200a": "细空格",
    "\u2002": "短空格（en space）",
    "\u2003": "长空格（em space）",
}


def mask_quoted(text: str, pairs: Iterable[str] = QUOTE_PAIRS) -> str:
    """``text`` with every quoted stretch (marks included) replaced by □ of equal length."""
    for opener, regex in _quote_masks(tuple(pairs)):
        if opener in text:
            text = regex.sub(_masked, text)
    return text


@lru_cache(maxsize=32)
def _quote_masks(pairs: tuple[str, ...]) -> tuple[tuple[str, re.Pattern], ...]:
    """(opener, regex of a quoted stretch) of the pairs of ``pairs`` that :data:`QUOTE_PAIRS` knows, in its order."""
    return tuple((a, regex) for (a, b), regex in zip(QUOTE_PAIRS, _QUOTED_RES) if a + b in pairs)


def _masked(m: re.Match) -> str:
    return MASK * (m.end() - m.start())


def describe_spaces(run: str) -> str:
    """半角空格×2、不间断空格（NBSP）×1 — what an invisible run of whitespace is made of."""
    counts: dict[str, int] = {}
    for ch in run:
        counts[ch] = counts.get(ch, 0) + 1
    return "、".join(f"{SPACE_NAMES.get(ch, f'U+{ord(ch):04X} 空白')}×{n}" for ch, n in counts.items())


# jieba's re_han_default: jieba cuts each run of these characters on its own, and makes every other
# character a token by itself (a \r\n pair one); tests check it is jieba's
JIEBA_BLOCK = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)", re.U)

_HAN_RUN_RE = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]+")


def han_count(text: str) -> int:
    return sum(map(len, _HAN_RUN_RE.findall(text)))


_CLAUSE = re.compile(r"[^，,；;。！？!?：:]+")


def clauses(text: str) -> list[tuple[int, str]]:
    """(offset, clause) pieces of ``text`` split at ，；。！？： and their ASCII forms."""
    return [(m.start(), m.group()) for m in _CLAUSE.finditer(text)]


def report_segments(report) -> Iterable:
    """The title lines, then every heading and body text (``Report.all_body_segments``); once per report."""
    found = report._memo.get("report_segments")
    if found is None:
        title = [report.line(n) for n in report.outline.title_lines]
        found = (*(Segment(line, 0, line.text) for line in title if line.text.strip(ALL_SPACES)), *report.all_body_segments())
        report._memo["report_segments"] = found
    return iter(found)


def segments_on(report, lines: frozenset[int]) -> tuple:
    """The segments of :func:`report_segments` on ``lines``, in that order (once per report and lines:
    the rules of a kind often read the same lines).  Made for those lines alone (:class:`_LineSegments`)
    when the outline allows, instead of filtering every segment of the report."""
    return _on(report, lines, with_title=True)


def body_segments_on(report, lines: frozenset[int]) -> tuple:
    """The segments of ``Report.all_body_segments`` on ``lines``, in that order (no title lines)."""
    return _on(report, lines, with_title=False)


def _on(report, lines: frozenset[int], with_title: bool) -> tuple:
    if not lines:
        return ()
    key = ("segments_on", lines, with_title)
    found = report._memo.get(key)
    if found is None:
        index = _LineSegments.of(report)
        if index.plain:
            found = index.on(report, lines, with_title)
        else:  # an outline the index does not know: every segment, filtered
            every = report_segments(report) if with_title else report.all_body_segments()
            found = tuple(s for s in every if s.line.number in lines)
        report._memo[key] = found
    return found


class _LineSegments:
    """Where the segments of :func:`report_segments` lie, to make those of a few lines without making
    every one (``Report.all_body_segments`` walks every line and section of the report).

    That walk gives the title lines, the preamble's, then each section in document order: its heading
    text, its run-in text, then each line of its range either as a child section (the same, in turn)
    or, when a BODY line with text, as a whole.  In a *plain* outline (each section's children after it
    on lines of their own, in order, each range inside its parent's and after the previous sibling's,
    and the top sections likewise), every line of a top section's range after its heading is either a
    section's heading line or read as a body line by the innermost section holding it: a line's
    segments then follow from the line alone, and come in line order.  Any other outline is not
    plain: its segments are filtered from the walk itself."""

    __slots__ = ("headings", "plain", "preamble", "ranges", "title")

    @classmethod
    def of(cls, report) -> _LineSegments:
        found = report._memo.get("line_segments")
        if found is None:
            found = report._memo["line_segments"] = cls(report.outline, sections(report))
        return found

    def __init__(self, outline, all_sections: tuple) -> None:
        self.title = frozenset(outline.title_lines)
        self.preamble = frozenset(outline.preamble)
        self.ranges = [(s.line, s.end_line) for s in outline.sections]
        self.headings = {}
        self.plain = _plain_siblings(outline.sections, 0, len(outline.lines))
        for section in all_sections if self.plain else ():
            self.headings[section.line] = section
            if section.children and not _plain_siblings(section.children, section.line, section.end_line):
                self.plain = False
                break

    def on(self, report, lines: frozenset[int], with_title: bool) -> tuple:
        found = []
        doc_lines, kinds = report.doc.lines, report.outline.kinds
        wanted = sorted(lines)
        if with_title:
            found += [Segment(doc_lines[n - 1], 0, doc_lines[n - 1].text) for n in report.outline.title_lines if n in lines and doc_lines[n - 1].text.strip(ALL_SPACES)]
        found += [Segment(doc_lines[n - 1], 0, doc_lines[n - 1].text) for n in report.outline.preamble if n in lines and doc_lines[n - 1].text.strip()]
        for n in wanted:
            section = self.headings.get(n)
            line = doc_lines[n - 1] if 0 < n <= len(doc_lines) else None
            if section is not None:
                found.append(Segment(line, section.heading_col, section.heading))
                if section.body_start_col >= 0:
                    found.append(Segment(line, section.body_start_col, line.text[section.body_start_col :]))
            elif line is not None and kinds[n - 1] == "BODY" and line.text.strip() and self._in_a_body(n):
                found.append(Segment(line, 0, line.text))
        return tuple(found)

    def _in_a_body(self, n: int) -> bool:
        for start, end in self.ranges:
            if start < n <= end:
                return True
        return False


def _plain_siblings(sections, after: int, last: int) -> bool:
    """Whether ``sections`` lie in order on lines of their own after line ``after``, each range inside
    ``last`` and after the one before."""
    for section in sections:
        if section.line <= after or section.end_line > last or section.end_line < section.line:
            return False
        after = section.end_line
    return True


_NOT_FIGURES = re.compile(
    r"(?:19|20)\d{2}\s*(?:[—–\-－~～至]\s*(?:19|20)?\d{2,4}\s*)?年(?:度)?"  # years and year ranges
    r"|\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?"  # months and dates
    r"|\d{1,2}\s*日"
)
_ARABIC = re.compile(r"\d")


def has_figure(text: str, classifiers: tuple[str, ...]) -> bool:
    """Whether ``text`` states a figure: an Arabic digit that is not a year or a date (outside 《》),
    or a Chinese number before one of ``classifiers`` (三场, 十余次)."""
    scan = _NOT_FIGURES.sub(lambda m: "□" * len(m.group()), mask_quoted(text, ("《》",)))
    if _ARABIC.search(scan):
        return True
    if not classifiers:
        return False
    alt = "|".join(map(re.escape, classifiers))
    return re.search(rf"(?<![第一二两三四五六七八九十百千万])(?:[两二三四五六七八九]|[一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九][百千万])[余多]?(?:{alt})", scan) is not None
