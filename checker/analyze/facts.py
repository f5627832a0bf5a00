"""Report facts: year, entity, document type and look-alike documents."""

from __future__ import annotations

import re

from ..model import Facts, Outline
from ..parse.numerals import cn_to_int, cn_year_to_int
from .lookalike import LookalikeDef, find_lookalike

_YEAR_RE = re.compile(r"((?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*(?:年度|年)")
_ENTITY_CUT = re.compile(r"(?:关于|法治政府|法治建设|依法行政|推进法治|年度?法治|工作总结|工作报告|情况报告)")
_ENTITY_RE = re.compile(r"([\u4e00-\u9fff]{2,16}?(?:人民政府|街道办事处|街道|乡|镇|县|区|市|局|委员会|办公室))")


def find_year(text: str) -> int | None:
    for m in _YEAR_RE.finditer(text):
        raw = m.group(1)
        value = int(raw) if raw.isdigit() else cn_year_to_int(raw)
        if 1990 <= value <= 2100:
            return value
    return None


def _year_from_the_text(outline: Outline) -> tuple[int | None, str]:
    """The opening's year, else the 落款 date (a report dated early in a year reports on the year before),
    else the year before the plan's year."""
    for n in outline.preamble[:3]:
        y = find_year(outline.lines[n - 1].text[:60])
        if y:
            return y, "preamble"
    for n in outline.signature:
        m = _DATE_YEAR.match(outline.lines[n - 1].text)
        if m:
            raw, month = m.group(1), m.group(2)
            value = int(raw) if raw.isdigit() else cn_year_to_int(raw)
            months = int(month) if month.isdigit() else cn_to_int(month)
            if 1990 <= value <= 2100:
                return (value - 1 if 0 < months <= _MONTHS_OF_REPORTING else value), "signature"
    for section in outline.sections:
        m = _PLAN_HEADING.search(section.heading)
        if m and section is not outline.sections[0]:
            return int(m.group(1)) - 1, "plan"
    return None, ""


def _entity(outline: Outline, title: str) -> str:
    """Who reports: the title's head, a title line that is a name (某市司法局 under the title), the
    落款 signature, the subject of the opening sentence; never the addressee line (县委、县政府：)."""
    entity = title_entity(title) if title else ""
    if entity:
        return entity
    for n in outline.title_lines:
        line = outline.lines[n - 1].text.strip(" \u3000")
        if _WHOLE_ENTITY.match(line):
            return line
    for n in outline.signature:
        line = outline.lines[n - 1].text.strip(" \u3000")
        if _WHOLE_ENTITY.match(line):
            return line
    for n in outline.preamble[:2]:
        m = _OPENING_ENTITY.match(outline.lines[n - 1].text.strip(" \u3000"))
        if m:
            return m.group(1)
    return ""


def title_entity(title: str) -> str:
    text = _YEAR_RE.sub("", title)
    m = _ENTITY_CUT.search(text)
    head = text[: m.start()] if m else ""
    head = head.strip(" \u3000")
    return head if len(head) >= 2 else ""


_WHOLE_ENTITY = re.compile(r"^[\u4e00-\u9fff（）]{2,24}?(?:人民政府|街道办事处|街道|乡|镇|县|区|市|局|委员会|办公室|中心|司法所)$")
# the author at the start of the opening: “2024年，某镇坚持…”, “在县委、县政府的领导下，某乡党委…”;
# never “根据市…”
_OPENING_ENTITY = re.compile(
    r"^(?:(?:19|20)\d{2}\s*年(?:度|以来)?[，,]?\s*)?(?:今年以来[，,]?)?(?:在[^，。]{0,30}下[，,]\s*)?"
    r"(?!根据|按照|在|经|为|对|关于|全|我|本)([\u4e00-\u9fff]{2,12}?(?:人民政府|街道办事处|街道|乡|镇|县|区|市|局))"
    r"(?:坚持|在|深入|紧紧|始终|以|认真|全面|按照|围绕|立足|持续|扎实|牢固|党委|党工委|政府)"
)
_DATE_YEAR = re.compile(r"^\s*((?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年\s*([\d一二三四五六七八九十]{1,3})\s*月")
_PLAN_HEADING = re.compile(r"((?:19|20)\d{2})\s*年度?.{0,20}(?:安排|计划|打算|思路|重点工作|工作要点)")
_MONTHS_OF_REPORTING = 6  # a report dated January–June reports on the year before


def derive_facts(outline: Outline, lookalikes: dict[str, LookalikeDef], year_override: int | None = None) -> Facts:
    title = outline.title
    year, source = None, ""
    if year_override:
        year, source = year_override, "config"
    elif title and (y := find_year(title)):
        year, source = y, "title"
    else:
        year, source = _year_from_the_text(outline)
    entity = _entity(outline, title)
    if "报告" in title or "汇报" in title:
        doc_type = "report"
    elif "总结" in title:
        doc_type = "summary"
    else:
        doc_type = "other" if title else ""
    lookalike = find_lookalike(outline, title, lookalikes)
    return Facts(title=title, year=year, year_source=source, entity=entity, doc_type=doc_type, lookalike=lookalike)
