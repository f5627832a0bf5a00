"""The outline tree the checker sees, as text or JSON (``fzcheck outline``)."""

from __future__ import annotations

import json
from collections.abc import Mapping

from .common import Places
from .json import section_dict


def outline_dict(result) -> dict:
    o, f, doc = result.outline, result.facts, result.document
    where = Places(result)

    def node(section) -> dict:
        found = result.outline_roles.of(section)
        d = section_dict(section, found.roles)
        d["line"], d["column"] = where.at(section.line)
        d["end_line"] = where.line(section.end_line)
        d["role_evidence"] = found.evidence
        d["recovered"] = section.recovered
        d["role_words"] = [{"word": w, "line": where.line(n)} for w, n in found.words]
        d["canonical"] = section.canonical
        d["items"] = [{"number": i.number, "line": where.line(i.line)} for i in section.items]
        d["children"] = [node(c) for c in section.children]
        return d

    return {
        "path": result.path,
        "encoding": doc.encoding,
        "source": doc.source,
        "title": f.title,
        "split": o.split,
        "title_lines": sorted({where.line(n) for n in o.title_lines}),
        "year": f.year,
        "year_source": f.year_source,
        "entity": f.entity,
        "doc_type": f.doc_type,
        "lookalike": f.lookalike,
        "preamble_lines": sorted({where.line(n) for n in o.preamble}),
        "sections": [node(s) for s in o.sections],
        "signature_lines": sorted({where.line(n) for n in o.signature}),
    }


def render_text(result, labels: Mapping[str, str]) -> str:
    """The outline as text; ``labels``: the roles' short names (``parts.role_labels`` of the packs in use)."""
    o, f = result.outline, result.facts
    where = Places(result)
    _span = where.span
    lines = [f"文件：{result.path}（{result.document.encoding}）"]
    if o.title_lines:
        lines.append(f"标题：{f.title}（{_span(o.title_lines[0], o.title_lines[-1])}）")
    else:
        lines.append("标题：（未识别）")
    source = {
        "title": "来自标题", "preamble": "来自开头", "config": "来自配置", "signature": "按落款日期推断", "plan": "按工作安排年份推断"
    }.get(f.year_source, "")
    lines.append(f"年度：{f.year or '（未识别）'}{'（' + source + '）' if source else ''}")
    lines.append(f"单位：{f.entity or '（未识别）'}")
    kind = {"report": "报告", "summary": "总结", "other": "其他"}.get(f.doc_type, "（未识别）")
    lines.append(f"文种：{kind}" + (f"；疑似{f.lookalike}" if f.lookalike else ""))
    if o.preamble:
        lines.append(f"开头：{_span(o.preamble[0], o.preamble[-1])}")

    def walk(sections, prefix: str) -> None:
        for i, s in enumerate(sections):
            last = i == len(sections) - 1
            found = result.outline_roles.of(s)
            roles = "、".join(labels.get(r, r) for r in found.roles)
            evidence = {"position": "（按位置推断）", "content": "（按内容推断）", "parent": "（随上级）"}.get(found.evidence, "")
            if found.words and found.evidence != "parent":
                words = "、".join(f"“{w}”第{where.line(n)}行" for w, n in found.words[:3])
                evidence += f"（依据：{words}）"
            items = f"，{len(s.items)} 个“X是”分项" if s.items else ""
            flag = "" if s.canonical else "  ⚠ 序号不规范"
            flag += {
                "style": "  （无序号，按Word标题样式识别）", "shape": "  （无序号，按版式识别）", "split": "  （原文未分段，按序号拆分）"
            }.get(s.recovered, "")
            lines.append(
                f"{prefix}{'└─ ' if last else '├─ '}{s.marker}{s.heading}  [{roles}{evidence}] "
                f"{_span(s.line, s.end_line)}{items}{flag}"
            )
            walk(s.children, prefix + ("   " if last else "│  "))

    if o.split == "split":
        lines.append("分段：原文没有分段，已按“一、”“（一）”等序号拆分来看（原文未改动）")
    elif o.split == "unsplit":
        lines.append("分段：原文没有分段，且无法按序号可靠拆分（见 FZ308）")
    lines.append("结构：")
    walk(o.sections, "")
    if not o.sections:
        lines.append("（未识别到“一、”“（一）”等层次标题）")
    if o.signature:
        lines.append(f"落款：{_span(o.signature[0], o.signature[-1])}")
    return "\n".join(lines) + "\n"


def render_json(result) -> str:
    return json.dumps(outline_dict(result), ensure_ascii=False, indent=2) + "\n"
