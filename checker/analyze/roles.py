"""Section roles: measures, shortcomings, first_responsible, plan, other — from position and content.

A heading is segmented with jieba and matched, token-aligned, against the
keyword sets of ``[roles.*]`` in the packs.  A heading may carry two roles
(存在的问题及2025年度工作计划).  The words of a heading are a claim that the
position and the text must bear out:

- a **sub-heading** keeps a role only when it fits its parent's role (a
  “（二）存在问题” inside “主要做法和存在问题”), or when its own text evidences
  the role; otherwise it belongs to its parent's part (evidence "parent").  A
  “（五）2025年工作思路” inside the measures never makes a plan part;
- the **plan** role needs next-year evidence (下一年度, 明年, 下一步, the year
  after the report's year … in its heading or text, or the place of the closing
  part) and a place after the measures;
- a heading that speaks of the principal's duty in other words (主体责任,
  关键少数 … ``heading_maybe``) makes a first-responsible part only when its
  text reports the principal's own acts (evidence "content"): a principal
  (``principals``) doing something (``acts``) in one sentence, not the words
  side by side (组织各村书记述法 is someone else's act);
- a top-level heading that names no part gets its role from the weight of its
  text (sentences with the role's ``body_any`` words, or the principal's acts),
  and the untitled parts before the shortcomings and plan are the measures
  (evidence "position"): many reports open with thematic headings such as
  强化组织保障，夯实法治建设根基.

The roles are returned beside the outline (:class:`OutlineRoles`), never written
into the parser's sections: each section's roles, how they were decided
(``evidence``) and the words and lines that decided them (``words``), shown by
``fzcheck outline``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from ..model import Outline, Section
from .tokens import Segmenter

# Headings whose role words are kept (roles._Judge.words_of_heading): a few hundred distinct headings
# make up a thousand reports; each kept entry is a few hundred bytes.
HEADING_WORDS_KEPT = 2048


@dataclass(frozen=True, slots=True)
class RoleDef:
    """What makes a section one of the report's parts (a pack's ``[roles.*]`` table): heading words and evidence."""
    name: str
    label: str
    heading_any: tuple[str, ...] = ()
    heading_not: tuple[str, ...] = ()
    heading_maybe: tuple[str, ...] = ()  # heading words that give the role only with evidence in the text
    content_all: tuple[tuple[str, ...], ...] = ()  # any inner tuple fully present in one sentence
    content_not: tuple[str, ...] = ()  # sentences containing one of these are not evidence
    ignore_inside: tuple[str, ...] = ()  # bracket pairs whose content is no evidence, e.g. "《》"
    short_label: str = ""  # the part's name in a table column (举措成效); default: label
    checklist_label: str = ""  # the part's line in the web page's checklist; default: label
    principals: tuple[str, ...] = ()  # who must act (党政主要负责人, 党委书记, 镇长 …)
    principal_not_before: tuple[str, ...] = ()  # just before a principal: someone else's (各村, 组织, 督促 …)
    principal_not_after: tuple[str, ...] = ()  # right after a principal: a post, not an act (为组长 …)
    acts: tuple[str, ...] = ()  # what the principal does (主持, 部署, 带头学法 …), soon after the principal
    next_year: tuple[str, ...] = ()  # words that place the text in the next year (下一步, 明年 …)
    body_any: tuple[str, ...] = ()  # words whose sentences weigh toward the role for an untitled part


_YEAR_RE = re.compile(r"(\d{4})\s*年")
_SENTENCE_RE = re.compile(r"[^。；;！？!?]+[。；;！？!?]?")
_NO_ROLE = ((), ("other",))
_NAMES_NONE: tuple[tuple[str, ...], tuple[tuple[str, int], ...]] = ((), ())  # a heading that names no part
ACT_WINDOW = 16  # characters after a principal where the act must stand
MIN_WEIGHT = 2  # sentences of evidence an untitled top-level part needs to take a role from its text


@dataclass(frozen=True, slots=True, init=False)
class SectionRole:
    """The parts one section plays, how that was decided and the (word, line) pairs that decided it."""

    roles: tuple[str, ...] = ()
    evidence: str = ""  # heading | content | position | parent | ""
    words: tuple[tuple[str, int], ...] = ()

    def __init__(self, roles: tuple[str, ...] = (), evidence: str = "", words: tuple[tuple[str, int], ...] = ()) -> None:
        # each slot set through its descriptor, as model.Span's (a frozen dataclass's own __init__ calls
        # object.__setattr__ per field, twice the cost): a few per report (tests/parse/test_heading_match_init.py)
        _SR_ROLES(self, roles)
        _SR_EVIDENCE(self, evidence)
        _SR_WORDS(self, words)


_SR_ROLES, _SR_EVIDENCE, _SR_WORDS = SectionRole.roles.__set__, SectionRole.evidence.__set__, SectionRole.words.__set__  # type: ignore[attr-defined]


NO_ROLE = SectionRole()
# SectionRoles without words, shared (they are frozen): a run keeps every report's roles to its end
_WORDLESS: dict[tuple[tuple[str, ...], str], SectionRole] = {}


class OutlineRoles:
    """The roles analyze gave the sections of one outline, held beside it (the outline is not changed).
    A section without roles (roles not assigned, or another outline's section) has ``NO_ROLE``."""

    __slots__ = ("_sections", "_by_id")

    def __init__(self, outline: Outline | None = None, found: Mapping[int, SectionRole] | None = None) -> None:
        found = found or {}
        self._sections = tuple(outline.walk()) if outline is not None else ()
        get = found.get
        self._by_id = {id(s): get(id(s), NO_ROLE) for s in self._sections}  # the sections are kept alive

    def __reduce__(self):
        return (_outline_roles, (self._sections, tuple(self._by_id[id(s)] for s in self._sections)))

    def of(self, section: Section) -> SectionRole:
        return self._by_id.get(id(section), NO_ROLE)

    def roles(self, section: Section) -> tuple[str, ...]:
        return self._by_id.get(id(section), NO_ROLE).roles

    def by_section(self) -> Mapping[int, SectionRole]:
        """Each section's roles by ``id(section)`` (the sections are kept alive by this object)."""
        return self._by_id


def _outline_roles(sections: tuple[Section, ...], found: tuple[SectionRole, ...]) -> OutlineRoles:
    """Unpickle: the sections in walk order with their roles."""
    made = OutlineRoles()
    made._sections = sections
    made._by_id = {id(s): role for s, role in zip(sections, found)}
    return made


def assign_roles(outline: Outline, roles: dict[str, RoleDef], segmenter: Segmenter, year: int | None) -> OutlineRoles:
    """The roles of every section of ``outline``, from its headings, their place and their text."""
    judge = _Judge(outline, roles, segmenter, year)
    for section in outline.sections:
        judge.heading_roles(section)
    judge.untitled_top_level()
    for section in outline.sections:
        for child in section.children:
            judge.sub_sections(child)
    return OutlineRoles(outline, judge.found)


class _Judge:
    def __init__(self, outline: Outline, roles: dict[str, RoleDef], segmenter: Segmenter, year: int | None) -> None:
        self.outline = outline
        self.roles = roles
        self.seg = segmenter
        self.year = year
        self._texts: dict[int, list[tuple[int, str]]] = {}
        self._sentences: dict[str, list[str]] = {}
        self._evidence: dict[tuple[str, int, bool], list[tuple[str, int]]] = {}
        self._met: dict[tuple[str, int, bool], tuple[list[tuple[str, int]], Iterator[tuple[str, int]]]] = {}
        self.found: dict[int, SectionRole] = {}  # by id(section)
        self._roles_at: dict[int, tuple[str, ...]] = {}  # the same roles by the section's line (one per section)
        plan = roles.get("plan")
        self._next_year = plan.next_year if plan else ()
        self._next_year_digits = str(year + 1) if year is not None else ""
        kept = segmenter.memo.get("heading_words")
        if kept is None or kept[0] is not roles:  # the memo belongs to one ruleset's roles
            tests = [(role, _any_word(role.heading_any)) for role in roles.values() if role.heading_any]
            kept = segmenter.memo["heading_words"] = (roles, {}, tests)
        self._heading_memo: dict[tuple[str, int | None], tuple[tuple[str, ...], tuple[str, ...]]] = kept[1]
        self._heading_tests = kept[2]

    def roles_of(self, section: Section) -> tuple[str, ...]:
        return self._roles_at.get(section.line, ())

    def settle(self, section: Section, roles: tuple[str, ...], evidence: str = "", words: tuple[tuple[str, int], ...] = ()) -> None:
        self._roles_at[section.line] = roles
        if words:
            self.found[id(section)] = SectionRole(roles, evidence, words)
            return
        shared = _WORDLESS.get((roles, evidence))  # a part of its parent's, "other": the same for many parts
        if shared is None:
            shared = _WORDLESS[(roles, evidence)] = SectionRole(roles, evidence)
        self.found[id(section)] = shared

    # --- evidence in the text -------------------------------------------------------------
    def text_lines(self, section: Section) -> list[tuple[int, str]]:
        """(line, text) of the section's run-in text and body lines, sub-parts included."""
        found = self._texts.get(id(section))
        if found is None:
            found = []
            lines, kinds = self.outline.lines, self.outline.kinds
            if section.body_start_col >= 0:
                found.append((section.line, lines[section.line - 1].text[section.body_start_col :]))
            for n in range(section.line + 1, section.end_line + 1):
                if kinds[n - 1] in ("BODY", "H"):
                    found.append((n, lines[n - 1].text))
            self._texts[id(section)] = found
        return found

    def sentences_of(self, text: str) -> list[str]:
        """The sentences of a line's text (split once: a sub-part's lines are its parent's too)."""
        found = self._sentences.get(text)
        if found is None:
            found = self._sentences[text] = _split(text)
        return found

    def next_year_words(self, text: str) -> str:
        for word in self._next_year:
            if word in text:
                return word
        if self.year is not None and self._next_year_digits in text:  # the year after, as digits, or no match
            years = [int(y) for y in _YEAR_RE.findall(text)]
            if years and self.year + 1 in years:
                return f"{self.year + 1}年"
        return ""

    def evidence(self, role_name: str, section: Section, with_heading: bool = True) -> list[tuple[str, int]]:
        """(word, line) pairs in the section's text that evidence ``role_name`` (worked out once: the
        plan's evidence is asked for where the plan is settled and again for its words)."""
        key = (role_name, id(section), with_heading)
        found = self._evidence.get(key)
        if found is None:
            found = self._evidence[key] = self._find_evidence(role_name, section, with_heading)
        return found

    def first_evidence(self, role_name: str, section: Section, skip: frozenset[str] = frozenset()) -> tuple[str, int] | None:
        """The first pair of ``evidence(role_name, section)`` whose word is not in ``skip``, or None: the
        sentences after it are not judged (the plan's place and its word need no more than the first)."""
        key = (role_name, id(section), True)
        known = self._evidence.get(key)
        if known is not None:
            return next((pair for pair in known if pair[0] not in skip), None)
        met = self._met.get(key)  # the pairs judged so far and the judging, where it stopped
        if met is None:
            met = self._met[key] = ([], self._evidence_pairs(role_name, section, True))
        seen, rest = met
        for pair in seen:
            if pair[0] not in skip:
                return pair
        for pair in rest:  # judged on from where the last question stopped (the plan is asked about twice)
            seen.append(pair)
            if pair[0] not in skip:
                return pair
        return None

    def _find_evidence(self, role_name: str, section: Section, with_heading: bool) -> list[tuple[str, int]]:
        return list(self._evidence_pairs(role_name, section, with_heading))

    def _evidence_pairs(self, role_name: str, section: Section, with_heading: bool) -> Iterator[tuple[str, int]]:
        """(word, line) of each sentence that evidences ``role_name``, in order, judged as they are asked for."""
        role = self.roles.get(role_name)
        if role is None:
            return
        may_hold = self._may_hold(role_name, role)
        if with_heading and may_hold(section.heading):  # the heading whole, as one sentence
            word = self._evidence_in(role_name, role, section.heading)
            if word:
                yield word, section.line
        for line, text in self.text_lines(section):
            if not may_hold(text):
                continue  # none of the words any of its sentences would need
            for sentence in self.sentences_of(text):
                word = self._evidence_in(role_name, role, sentence)
                if word:
                    yield word, line

    def _evidence_in(self, role_name: str, role: RoleDef, sentence: str) -> str:
        if role_name == "plan":
            return self.next_year_words(sentence)
        if role.principals:
            return principal_act(sentence, role)
        return next((w for w in role.body_any if w in sentence), "")

    def _may_hold(self, role_name: str, role: RoleDef):
        """A test of a whole line before its sentences are judged one by one: false only where no sentence
        of it can evidence the role (a sentence's words are the line's words): one regex search for any of
        the words (the plan's: the next year's digits or a next-year word)."""
        if role_name == "plan":
            digits = self._next_year_digits
            words = (digits, *self._next_year) if digits else self._next_year
        else:
            words = role.principals or role.body_any
        return _any_word(words).search if words else _never

    # --- headings -------------------------------------------------------------------------
    def words_of_heading(self, section: Section) -> tuple[tuple[str, ...], tuple[tuple[str, int], ...]]:
        """The roles ``section``'s heading names and their words on its line: worked out once per heading
        text and year (many reports' headings read alike) and kept beside the segmenter, the newest
        HEADING_WORDS_KEPT of them (most headings name no part: one answer shared by them all)."""
        key = (section.heading, self.year)
        known = self._heading_memo.get(key)
        if known is None:
            known = self._heading_words_in(section.heading)
            memo = self._heading_memo
            if len(memo) >= HEADING_WORDS_KEPT:  # the oldest goes: memory stays flat in the number of files
                del memo[next(iter(memo))]
            memo[key] = known
        found, words = known
        if not found:  # most headings name no part
            return _NAMES_NONE
        line = section.line
        return found, tuple([(word, line) for word in words])

    def _heading_words_in(self, heading: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The roles a heading names and the word that names each (the plain work behind words_of_heading)."""
        found: list[str] = []
        words: list[str] = []
        for role, any_word in self._heading_tests:
            if any_word.search(heading) is None:
                continue  # none of its words, token-aligned or not
            word = self.seg.contains_any(heading, role.heading_any)
            if word and not self.seg.contains_any(heading, role.heading_not):
                found.append(role.name)
                words.append(word)
        if (
            "plan" in self.roles
            and "plan" not in found
            and self.year is not None
            and self._next_year_digits in heading  # else no year or another year: not the next year's work
            and _names_next_year_work(heading, self.year)
        ):
            found.append("plan")
            words.append(f"{self.year + 1}年")
        return tuple(found), tuple(words)

    def heading_roles(self, section: Section) -> None:
        """A top-level part: the roles its heading names, the plan only where the text bears it out."""
        found, words = self.words_of_heading(section)
        if found:
            self._settle(section, found, words, "heading")
        else:
            self._maybe_first_responsible(section)

    def _maybe_first_responsible(self, section: Section) -> bool:
        role = self.roles.get("first_responsible")
        if role is None or not role.heading_maybe:
            return False
        word = self.seg.contains_any(section.heading, role.heading_maybe) or next(
            (w for w in role.heading_maybe if w in section.heading), ""
        )
        if not word:
            return False
        acts = self.evidence("first_responsible", section, with_heading=False)
        if not acts:
            return False
        self.settle(section, ("first_responsible",), "content", ((word, section.line), *acts[:3]))
        return True

    def _settle(self, section: Section, found: Sequence[str], words: Sequence[tuple[str, int]], how: str) -> None:
        if "plan" in found and not self._plan_holds(section, found):
            keep = [i for i, r in enumerate(found) if r != "plan"]
            found = [found[i] for i in keep]
            words = [words[i] for i in keep]
        if not found:
            return
        extra: list[tuple[str, int]] = []
        if "plan" in found:
            first = self.first_evidence("plan", section, frozenset(x[0] for x in words))
            extra = [first] if first is not None else []
        self.settle(section, tuple(found), how, tuple(dict.fromkeys([*words, *extra])))

    def _plan_holds(self, section: Section, found: Sequence[str]) -> bool:
        """Next-year evidence and a place after the measures."""
        if any(section.line <= s.end_line and section.line >= s.line for s in self._measures_parts() if s is not section):
            return False  # inside a measures part
        if self.first_evidence("plan", section) is not None:
            return True
        if section.parent is None and _YEAR_RE.search(section.heading):
            return True  # “二、2024年重点工作” in a 2024 report: a plan with the wrong year, for FZ107 to judge
        # no next-year words: a closing top-level part (no measures or shortcomings part after it) still is the plan
        if section.parent is None:
            later = [s for s in self.outline.sections if s.line > section.line]
            return not any(set(self.words_of_heading(s)[0]) & {"measures", "shortcomings"} for s in later)
        return False

    def _measures_parts(self) -> list[Section]:
        roles_at = self._roles_at
        return [s for s in self.outline.sections if "measures" in roles_at.get(s.line, ())]

    # --- untitled top-level parts ---------------------------------------------------------
    def untitled_top_level(self) -> None:
        sections = self.outline.sections
        roles_at = self._roles_at
        untitled = [s for s in sections if not roles_at.get(s.line)]
        for section in untitled:
            weights = {}
            for name in ("shortcomings", "plan", "first_responsible"):
                ev = self.evidence(name, section, with_heading=False)
                if name == "plan" and ev and not self._after_measures(section):
                    ev = []
                weights[name] = ev
            best = max(weights, key=lambda n: len(weights[n]))
            count = len(weights[best])
            others = sorted((len(v) for n, v in weights.items() if n != best), reverse=True)
            if count < MIN_WEIGHT or count <= 2 * others[0]:
                continue  # the measures' weight is not asked for (most untitled parts: its words are everywhere)
            if count * 2 > len(self.evidence("measures", section, with_heading=False)):
                self.settle(section, (best,), "content", tuple(weights[best][:3]))
        if "measures" not in self.roles:
            return
        for section in sections:
            roles = roles_at.get(section.line, ())
            if "shortcomings" in roles or "plan" in roles:
                break
            if not roles and (section.children or section.end_line > section.line or section.body_start_col >= 0):
                self.settle(section, ("measures",), "position")
        for section in sections:
            if not roles_at.get(section.line):
                self.settle(section, ("other",))

    def _after_measures(self, section: Section) -> bool:
        parts = self._measures_parts()
        return not parts or section.line > min(s.line for s in parts)

    # --- sub-headings ---------------------------------------------------------------------
    def sub_sections(self, section: Section) -> None:
        parent = section.parent
        assert parent is not None
        found, words = self.words_of_heading(section)
        if not found:  # most sub-headings name no part: they belong to their parent's
            self._belongs_to_parent(section, parent)
            return
        kept: list[str] = []
        kept_words: list[tuple[str, int]] = []
        for role, word in zip(found, words):
            if self._fits(role, parent) or self._evidenced(role, section):
                kept.append(role)
                kept_words.append(word)
        if kept:
            self._settle(section, kept, kept_words, "heading")
        if self.roles_of(section):
            for child in section.children:
                self.sub_sections(child)
        else:
            self._belongs_to_parent(section, parent)

    def _belongs_to_parent(self, section: Section, parent: Section) -> None:
        """A sub-part whose heading gave it no role: its parent's roles (or other), then its own sub-parts."""
        roles_at = self._roles_at
        parent_roles = roles_at.get(parent.line, ())  # roles_of without the call
        if parent_roles in _NO_ROLE:
            parent_roles, evidence = ("other",), ""
        else:
            evidence = "parent"
        # settle() without the call: no words, so the SectionRole shared by every part settled alike
        roles_at[section.line] = parent_roles
        shared = _WORDLESS.get((parent_roles, evidence))
        if shared is None:
            shared = _WORDLESS[(parent_roles, evidence)] = SectionRole(parent_roles, evidence)
        self.found[id(section)] = shared
        for child in section.children:
            self.sub_sections(child)

    def _fits(self, role: str, parent: Section) -> bool:
        parent_roles = self.roles_of(parent)
        return role in parent_roles or parent_roles in _NO_ROLE

    def _evidenced(self, role: str, section: Section) -> bool:
        if role == "plan":
            return self.first_evidence("plan", section) is not None  # the place is checked when it is settled
        if role == "measures":
            return False  # a sub-part of another part is that part's own work, not the year's measures
        return bool(self.evidence(role, section, with_heading=False))


def _never(text: str) -> None:
    return None


def _split(text: str) -> list[str]:
    return [m.group() for m in _SENTENCE_RE.finditer(text) if m.group().strip()]


def principal_act(sentence: str, role: RoleDef) -> str:
    """The principal and the act (“镇党委书记…主持”) when the principal acts in ``sentence``, else ''."""
    tests = _word_tests(role)
    if not tests.principals(sentence):  # a third of the sentences asked about
        return ""  # masking only hides words: no principal in the sentence, none in its masked text
    text = _mask(sentence, role.ignore_inside)
    if tests.content_not(text):
        return ""
    for principal in role.principals:
        start = text.find(principal)
        while start != -1:
            before = text[max(0, start - 6) : start]
            after = text[start + len(principal) : start + len(principal) + ACT_WINDOW]
            if not tests.not_before(before) and not after.startswith(role.principal_not_after) and tests.acts(after):
                act = next((a for a in role.acts if a in after), "")  # the first act in the table's order
                if act:
                    return f"{principal}…{act}"
            start = text.find(principal, start + 1)
    return ""


class _WordTests(NamedTuple):
    """principal_act's tests of a role's word lists, each one regex search (or never true for no words)."""

    role: RoleDef  # kept: its id stays its own while the entry is cached
    principals: Callable[[str], object]
    content_not: Callable[[str], object]
    not_before: Callable[[str], object]
    acts: Callable[[str], object]


_WORD_TESTS: dict[int, _WordTests] = {}  # by id of a role


def _word_tests(role: RoleDef) -> _WordTests:
    tests = _WORD_TESTS.get(id(role))
    if tests is None or tests.role is not role:
        if len(_WORD_TESTS) >= CACHED_TABLES:  # a long-lived web page may load many pack sets
            _WORD_TESTS.clear()
        words = (role.principals, role.content_not, role.principal_not_before, role.acts)
        tests = _WORD_TESTS[id(role)] = _WordTests(role, *(_any_word(w).search if w else _never for w in words))
    return tests


CACHED_TABLES = 256  # word lists whose regexes are kept: a few per role, per pack set in use
_ANY_WORD: dict[tuple[str, ...], re.Pattern] = {}


def _any_word(words: tuple[str, ...]) -> re.Pattern:
    """A regex that finds any of ``words`` (a quick test before the token-aligned search of each)."""
    regex = _ANY_WORD.get(words)
    if regex is None:
        if len(_ANY_WORD) >= CACHED_TABLES:  # a long-lived web page may load many pack sets
            _ANY_WORD.clear()
        regex = _ANY_WORD[words] = re.compile("|".join(re.escape(w) for w in words))
    return regex


_MASKS: dict[tuple[str, ...], tuple[re.Pattern, tuple[str, ...]]] = {}


def _mask(text: str, pairs: tuple[str, ...]) -> str:
    """``text`` with what each bracket pair (《》, “”) encloses, the brackets included, written over with □
    (the columns stay): a text holding none of the opening brackets is returned as it is (a search for a
    character costs less than the regex's scan)."""
    if not pairs:
        return text
    known = _MASKS.get(pairs)
    if known is None:
        pairs2 = [p for p in pairs if len(p) == 2]
        alternatives = "|".join(f"{re.escape(p[0])}[^{re.escape(p[0])}{re.escape(p[1])}]*{re.escape(p[1])}" for p in pairs2)
        if len(_MASKS) >= CACHED_TABLES:
            _MASKS.clear()
        known = _MASKS[pairs] = (re.compile(alternatives), tuple(p[0] for p in pairs2))
    regex, openers = known
    for opener in openers:
        if opener in text:
            return regex.sub(_boxed, text)
    return text  # every match opens with an opener


def _boxed(m: re.Match) -> str:
    return "□" * len(m.group())


def _names_next_year_work(heading: str, year: int) -> bool:
    years = [int(y) for y in _YEAR_RE.findall(heading)]
    return bool(years) and all(y == year + 1 for y in years) and any(w in heading for w in ("工作", "任务", "打算", "目标"))
