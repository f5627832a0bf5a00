"""Word automatic numbering (numbering.xml + styles.xml) rendered the way Word shows it.

A numbered paragraph points at a numbering instance (``w:num``) by ``numId`` and
a level (``ilvl``), either in its own ``w:numPr`` or through its paragraph
style.  The instance refers to an abstract definition (``w:abstractNum``, maybe
through a numbering style: ``w:numStyleLink``) whose ``w:lvl`` gives, per level,
``w:start``, ``w:numFmt``, ``w:lvlText`` (``%1、``, ``（%2）``), ``w:lvlRestart``,
``w:isLgl`` and ``w:suff``; the instance may override a level (``w:lvlOverride``
with ``w:startOverride`` or a whole ``w:lvl``).

Counting follows Word (as documented by Microsoft's Open-XML-PowerTools
``ListItemRetriever``): instances of one abstract definition share counters
within a story (the body, one text box, the notes), a ``startOverride``
restarts the count the first time its instance is used at that level, a level
restarts when a higher level is used (or as ``w:lvlRestart`` says, ``0`` meaning
never), and ``%n`` for a level not used yet shows that level's start value.
The Chinese counting forms follow Word's zh-CN output (十一, 二十, 一百〇一 …).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from ..limits import MAX_LIST_NUMBER, LimitExceeded

_CN = "〇一二三四五六七八九"
_CN_CIRCLE = "○一二三四五六七八九"  # Word's chineseCounting uses ○ for zero above 99
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TRADITIONAL = "甲乙丙丁戊己庚辛壬癸"
_ZODIAC = "子丑寅卯辰巳午未申酉戌亥"
# Private-use bullet glyphs of the Symbol/Wingdings fonts and what they look like.
_BULLET_GLYPHS = {
    "\uf0b7": "•",
    "\uf0a7": "▪",
    "\uf06c": "●",
    "\uf06e": "■",
    "\uf075": "◆",
    "\uf076": "❖",
    "\uf0d8": "➢",
    "\uf0fc": "✓",
    "\uf0a8": "◆",
    "\uf0e0": "➢",
    "\uf0d2": "●",
    "\uf09f": "•",
}


def _chinese_counting(n: int) -> str:
    if 1 <= n <= 9:
        return _CN_CIRCLE[n]
    if 10 <= n <= 19:
        return "十" + (_CN_CIRCLE[n % 10] if n % 10 else "")
    if 20 <= n <= 99:
        return _CN_CIRCLE[n // 10] + "十" + (_CN_CIRCLE[n % 10] if n % 10 else "")
    if 100 <= n <= 9999:
        return "".join(_CN_CIRCLE[int(d)] for d in str(n))
    return str(n)


def _chinese_thousand(n: int, digits: str = _CN, units: str = "十百千") -> str:
    """一, 十, 十一, 二十一, 一百, 一百〇一, 一百一十 … as Word's chineseCountingThousand."""
    if n <= 0 or n > 9999:
        return str(n)
    if n < 10:
        return digits[n]
    if n < 20 and units[0] == "十":
        return "十" + (digits[n % 10] if n % 10 else "")
    out = ""
    parts = [(n // 1000, units[2]), (n // 100 % 10, units[1]), (n // 10 % 10, units[0]), (n % 10, "")]
    zero = False
    started = False
    for value, unit in parts:
        if value == 0:
            zero = started
            continue
        if zero:
            out += digits[0]
            zero = False
        out += digits[value] + unit
        started = True
    return out


def _letters(n: int, upper: bool) -> str:
    if n <= 0:
        return str(n)
    base = "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if upper else "abcdefghijklmnopqrstuvwxyz"
    # Word repeats the letter: 27 → AA, 53 → AAA
    return base[(n - 1) % 26] * ((n - 1) // 26 + 1)


def _roman(n: int, upper: bool) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    out = ""
    for value, sym in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out += sym
            n -= value
    return out if upper else out.lower()


def _enclosed(n: int, first: int, last: int, fallback: str) -> str:
    if 1 <= n <= last - first + 1:
        return chr(first + n - 1)
    return fallback.format(n)


def _circled(n: int) -> str:
    if 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if 21 <= n <= 35:
        return chr(0x3251 + n - 21)
    if 36 <= n <= 50:
        return chr(0x32B1 + n - 36)
    return str(n)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _formats() -> dict[str, Callable[[int], str]]:
    """Word's number formats (w:numFmt): the text shown for a counter value; unknown formats as decimal."""
    table: dict[tuple[str, ...], Callable[[int], str]] = {
        ("decimal", "", "arabicAbjad", "decimalHalfWidth"): str,
        ("none",): lambda n: "",
        ("decimalZero",): lambda n: f"{n:02d}",
        ("chineseCounting", "japaneseCounting", "taiwaneseCounting", "koreanCounting"): _chinese_counting,
        ("chineseCountingThousand", "taiwaneseCountingThousand", "japaneseDigitalTenThousand"): _chinese_thousand,
        ("chineseLegalSimplified", "japaneseLegal"): lambda n: _chinese_thousand(n, _LEGAL, "拾佰仟"),
        ("ideographDigital", "taiwaneseDigital", "koreanDigital"): lambda n: "".join(_CN[int(d)] for d in str(n)),
        ("ideographTraditional",): lambda n: _TRADITIONAL[n - 1] if 1 <= n <= 10 else str(n),
        ("ideographZodiac",): lambda n: _ZODIAC[n - 1] if 1 <= n <= 12 else str(n),
        ("ideographEnclosedCircle",): lambda n: _enclosed(n, 0x3280, 0x3289, "{}"),
        ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"): _circled,
        ("decimalEnclosedParen",): lambda n: _enclosed(n, 0x2474, 0x2487, "({})"),
        ("decimalEnclosedFullstop",): lambda n: _enclosed(n, 0x2488, 0x249B, "{}."),
        ("decimalFullWidth", "decimalFullWidth2"): lambda n: "".join(chr(0xFF10 + int(d)) for d in str(n)),
        ("upperLetter",): lambda n: _letters(n, True),
        ("lowerLetter",): lambda n: _letters(n, False),
        ("upperRoman",): lambda n: _roman(n, True),
        ("lowerRoman",): lambda n: _roman(n, False),
        ("ordinal",): _ordinal,
    }
    return {name: show for names, show in table.items() for name in names}


_FORMATS = _formats()


def format_number(n: int, fmt: str) -> str:
    """The text Word shows for counter value ``n`` in number format ``fmt``."""
    if abs(n) > MAX_LIST_NUMBER:  # letters repeat n / 26 times: 2,000,000,000 would take gigabytes
        raise LimitExceeded(
            f"Word 自动编号的数值 {n} 超过上限 {MAX_LIST_NUMBER:,}，已停止读取；请在 Word 中重新设置编号的起始值"
        )
    return _FORMATS.get(fmt, str)(n)


def _int(value: str | None, default: int | None = None) -> int | None:
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        return default


@dataclass(frozen=True, slots=True)
class Level:
    """One level of a Word list definition (``w:lvl``): start, number format, text, restart."""
    start: int = 1
    fmt: str = "decimal"
    text: str | None = None  # lvlText; None: the level shows nothing
    restart: int | None = None  # lvlRestart (1-based level; 0 never); None: default
    legal: bool = False  # isLgl
    suffix: str = "tab"  # tab | space | nothing
    style: str = ""  # pStyle that this level is bound to


@dataclass(slots=True)
class Style:
    """A Word paragraph style as far as numbering and outline levels go."""
    name: str = ""
    based_on: str = ""
    num_id: int | None = None
    ilvl: int | None = None
    outline: int | None = None  # 0-based outline level, 9 = body text


@dataclass
class StoryState:
    """Counters of one story (the body, a text box, the notes)."""

    values: dict[int, dict[int, int]] = field(default_factory=dict)  # abstract id → level → value
    overrides_used: set[tuple[int, int]] = field(default_factory=set)  # (numId, level)


class Numbering:
    """Paragraph styles and numbering definitions of one .docx."""

    def __init__(self, w: str, styles_root: Element | None, numbering_root: Element | None) -> None:
        self.w = w
        self.styles: dict[str, Style] = {}
        self.default_style = ""
        self._abstract: dict[int, dict[int, Level]] = {}
        self._abstract_link: dict[int, str] = {}  # numStyleLink
        self._abstract_single: set[int] = set()
        self._num_abstract: dict[int, int] = {}
        self._num_levels: dict[int, dict[int, Level]] = {}
        self._num_start: dict[int, dict[int, int]] = {}
        if styles_root is not None:
            self._read_styles(styles_root)
        if numbering_root is not None:
            self._read_numbering(numbering_root)

    # -- reading -----------------------------------------------------------
    def _q(self, tag: str) -> str:
        return f"{{{self.w}}}{tag}"

    def _val(self, el: Element | None, child: str) -> str | None:
        if el is None:
            return None
        c = el.find(self._q(child))
        return None if c is None else c.get(self._q("val"))

    def _read_styles(self, root: Element) -> None:
        q = self._q
        for st in root.iter(q("style")):
            if st.get(q("type")) not in ("paragraph", "numbering"):
                continue
            sid = st.get(q("styleId")) or ""
            style = Style(name=(self._val(st, "name") or ""), based_on=(self._val(st, "basedOn") or ""))
            ppr = st.find(q("pPr"))
            if ppr is not None:
                numpr = ppr.find(q("numPr"))
                if numpr is not None:
                    style.num_id = _int(self._val(numpr, "numId"))
                    style.ilvl = _int(self._val(numpr, "ilvl"))
                style.outline = _int(self._val(ppr, "outlineLvl"))
            self.styles[sid] = style
            if (
                st.get(q("type")) == "paragraph"
                and st.get(q("default")) in ("1", "true", "on")
                and not self.default_style
            ):
                self.default_style = sid

    def _level(self, el: Element) -> Level:
        text_el = el.find(self._q("lvlText"))
        text = None if text_el is None else (text_el.get(self._q("val")) or "")
        fmt = self._val(el, "numFmt")
        if fmt is None:  # Word 2010+: <mc:AlternateContent><mc:Choice><w:numFmt w:val="custom" w:format="001, 002"/>
            for node in el.iter(self._q("numFmt")):
                fmt = node.get(self._q("val"))
                if fmt == "custom":
                    fmt = _custom_format(node.get(self._q("format")) or "")
                break
        return Level(
            start=_int(self._val(el, "start"), 0) if el.find(self._q("start")) is not None else 0,
            fmt=fmt or "decimal",
            text=text,
            restart=_int(self._val(el, "lvlRestart")),
            legal=el.find(self._q("isLgl")) is not None and self._val(el, "isLgl") not in ("0", "false", "off"),
            suffix=self._val(el, "suff") or "tab",
            style=self._val(el, "pStyle") or "",
        )

    def _read_numbering(self, root: Element) -> None:
        q = self._q
        for an in root.iter(q("abstractNum")):
            aid = _int(an.get(q("abstractNumId")))
            if aid is None:
                continue
            levels = {}
            for lvl in an.findall(q("lvl")):
                ilvl = _int(lvl.get(q("ilvl")), 0)
                levels[ilvl] = self._level(lvl)
            self._abstract[aid] = levels
            link = self._val(an, "numStyleLink")
            if link:
                self._abstract_link[aid] = link
            if self._val(an, "multiLevelType") == "singleLevel":
                self._abstract_single.add(aid)
        for num in root.iter(q("num")):
            nid = _int(num.get(q("numId")))
            aid = _int(self._val(num, "abstractNumId"))
            if nid is None or aid is None:
                continue
            self._num_abstract[nid] = aid
            for ov in num.findall(q("lvlOverride")):
                ilvl = _int(ov.get(q("ilvl")), 0)
                start = _int(self._val(ov, "startOverride"))
                if start is not None:
                    self._num_start.setdefault(nid, {})[ilvl] = start
                lvl = ov.find(q("lvl"))
                if lvl is not None:
                    self._num_levels.setdefault(nid, {})[ilvl] = self._level(lvl)

    # -- styles --------------------------------------------------------------
    def style_chain(self, style_id: str):
        seen = set()
        sid = style_id or self.default_style
        while sid and sid in self.styles and sid not in seen:
            seen.add(sid)
            yield sid, self.styles[sid]
            sid = self.styles[sid].based_on

    def style_outline(self, style_id: str) -> int | None:
        """0-based outline level that the style gives (heading 1 → 0), or None."""
        for _sid, style in self.style_chain(style_id):
            level = _heading_name_level(style.name)
            if level is not None:
                return level
            if style.outline is not None:
                return style.outline if style.outline < 9 else None
        return None

    def _style_numbering(self, style_id: str) -> tuple[int | None, int | None]:
        """numId and ilvl a style gives, each from the nearest style in the basedOn chain that sets it."""
        num_id = ilvl = None
        for _sid, style in self.style_chain(style_id):
            if num_id is None:
                num_id = style.num_id
            if ilvl is None:
                ilvl = style.ilvl
        return num_id, ilvl

    # -- numbering -----------------------------------------------------------
    def _abstract_id(self, num_id: int) -> int | None:
        aid = self._num_abstract.get(num_id)
        for _ in range(4):  # follow numStyleLink → style → numId → abstractNum
            if aid is None or aid not in self._abstract_link:
                return aid
            linked_num, _ = self._style_numbering(self._abstract_link[aid])
            if linked_num is None or linked_num == num_id:
                return aid
            aid = self._num_abstract.get(linked_num)
        return aid

    def _lvl(self, num_id: int, aid: int, ilvl: int) -> Level | None:
        over = self._num_levels.get(num_id, {}).get(ilvl)
        if over is not None:
            return over
        levels = self._abstract.get(aid, {})
        for i in range(ilvl, -1, -1):
            if i in levels:
                return levels[i]
        return None

    def resolve(self, style_id: str, num_id: int | None, ilvl: int | None) -> tuple[int, int] | None:
        """(numId, ilvl) in effect for a paragraph, or None when it is not numbered."""
        if num_id is None:
            num_id, style_ilvl = self._style_numbering(style_id)
            if num_id is None:
                return None
            if ilvl is None:
                ilvl = style_ilvl
            if ilvl is None:
                aid = self._abstract_id(num_id)
                styles = {sid for sid, _ in self.style_chain(style_id)}
                ilvl = next((i for i, lv in sorted(self._abstract.get(aid, {}).items()) if lv.style in styles), 0)
        if num_id == 0 or num_id not in self._num_abstract:
            return None
        ilvl = max(0, min(ilvl or 0, 8))
        aid = self._abstract_id(num_id)
        if aid is None:
            return None
        if aid in self._abstract_single:
            ilvl = 0
        return num_id, ilvl

    def label(self, num_id: int, ilvl: int, state: StoryState) -> tuple[str, str]:
        """Advance the counters for one numbered paragraph; return (label text, suffix)."""
        aid = self._abstract_id(num_id)
        if aid is None:
            return "", "nothing"
        lvl = self._lvl(num_id, aid, ilvl)
        if lvl is None:
            return "", "nothing"
        values = state.values.setdefault(aid, {})
        # levels below restart when a higher one is used (or as lvlRestart says)
        for deeper in [d for d in values if d > ilvl]:
            deeper_lvl = self._lvl(num_id, aid, deeper)
            restart = deeper_lvl.restart if deeper_lvl is not None else None
            if restart is None or (restart != 0 and ilvl < restart):
                del values[deeper]
        override = self._num_start.get(num_id, {}).get(ilvl)
        if override is not None and (num_id, ilvl) not in state.overrides_used:
            state.overrides_used.add((num_id, ilvl))
            values[ilvl] = override
        elif ilvl in values:
            values[ilvl] += 1
        else:
            values[ilvl] = override if override is not None else lvl.start
        if lvl.text is None:
            return "", lvl.suffix
        return self._render(lvl, num_id, aid, values), lvl.suffix

    def _render(self, lvl: Level, num_id: int, aid: int, values: dict[int, int]) -> str:
        if lvl.fmt == "bullet":
            return "".join(_BULLET_GLYPHS.get(ch, "•" if "\ue000" <= ch <= "\uf8ff" else ch) for ch in lvl.text or "")
        out: list[str] = []
        text = lvl.text or ""
        i = 0
        while i < len(text):
            ch = text[i]
            if ch == "%" and i + 1 < len(text) and text[i + 1] in "0123456789":
                level = int(text[i + 1]) - 1
                i += 2
                if level < 0:
                    continue
                ref = self._lvl(num_id, aid, level)
                value = values.get(level, ref.start if ref is not None else 1)
                fmt = ref.fmt if ref is not None else "decimal"
                if lvl.legal and fmt not in ("none", "decimalZero"):
                    fmt = "decimal"
                out.append(format_number(value, fmt))
                continue
            out.append("•" if "\ue000" <= ch <= "\uf8ff" else ch)
            i += 1
        return "".join(out)


def _custom_format(fmt: str) -> str:
    """Word 2010 custom formats such as "001, 002, 003": keep the zero padding as decimalZero."""
    return "decimalZero" if fmt.startswith("0") else "decimal"


def _heading_name_level(name: str) -> int | None:
    """Built-in heading styles by name: "heading 1" (Word stores this even in Chinese), "标题 1", "Heading1"."""
    n = name.strip().lower().replace(" ", "")
    for prefix in ("heading", "标题"):
        if n.startswith(prefix) and n[len(prefix) :].isdigit():
            level = int(n[len(prefix) :])
            if 1 <= level <= 9:
                return level - 1
    return None
