"""Report facts: year, entity, document type and look-alike documents."""

from __future__ import annotations

import re

from ..model import Facts, Outline
from ..parse.numerals import cn_year_to_int
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


def title_entity(title: str) -> str:
    text = _YEAR_RE.sub("", title)
    m = _ENTITY_CUT.search(text)
    head = text[: m.start()] if m else ""
    head = head.strip(" \u3000")
    return head if len(head) >= 2 else ""


def derive_facts(outline: Outline, lookalikes: dict[str, LookalikeDef], year_override: int | None = None) -> Facts:
    title = outline.title
    year, source = None, ""
    if year_override:
        year, source = year_override, "config"
    elif title and (y := find_year(title)):
        year, source = y, "title"
    else:
        for n in outline.preamble[:3]:
            y = find_year(outline.lines[n - 1].text[:60])
            if y:
                year, source = y, "preamble"
                break
    entity = title_entity(title) if title else ""
    if not entity:
        for n in outline.preamble[:2] + outline.signature:
            m = _ENTITY_RE.search(outline.lines[n - 1].text[:80])
            if m:
                entity = m.group(1)
                break
    if "报告" in title or "汇报" in title:
        doc_type = "report"
    elif "总结" in title:
        doc_type = "summary"
    else:
        doc_type = "other" if title else ""
    lookalike = find_lookalike(outline, title, lookalikes)
    return Facts(title=title, year=year, year_source=source, entity=entity, doc_type=doc_type, lookalike=lookalike)
