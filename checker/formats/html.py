"""The review dashboard: one self-contained HTML file (no network, no CDN, inline CSS and JS).

It holds the same table as the workbook (sortable by any column, filterable
by text and status), a bar chart of the most common problems (inline SVG),
the cross-report findings, and per report a drill-down with its outline
beside each diagnostic and the quoted text.  The summary, chart, cross-report
findings and the table's first ``PAGE`` rows are HTML, so they read without
JavaScript.  The rest is data, drawn when it is needed: the table's rows are
one small JSON block (sorted and filtered over every report, shown ``PAGE``
rows at a time), and a report's drill-down — created when it is opened — comes
from a second block that is parsed only then, where every report's outline and
findings are kept once, compactly (each distinct text — a message, a hint, a
basis, a quotation — stored once and referred to by number).  A browser lays
out a few hundred rows instead of thousands of rows and drill-downs, so the
page stays small (about 3 MB per 1,000 reports) and opens in about a second
at 5,000 reports.  ``build_html(...) -> str`` is pure (results held in memory, joined in one string).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from html import escape
from typing import IO

from ..model import Diagnostic
from ..parts import Part, columns
from .summary import FOLLOW_COLUMN, SEVERITY_LABELS, STATUS_LABELS, has_followthrough

CHART_BARS = 10

CSS = """
:root{--red:#c0392b;--red-bg:#fde2e0;--green:#1e7b34;--green-bg:#dff3e3;--amber:#8a6100;--amber-bg:#fff1c2;
--grey:#666;--grey-bg:#eee;--line:#d9d9d9;--accent:#1f4e79}
*{box-sizing:border-box}
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Source Han Sans SC",sans-serif;margin:0;
color:#222;background:#fafafa;line-height:1.5}
header{background:var(--accent);color:#fff;padding:16px 24px}
header h1{margin:0 0 4px;font-size:22px}
main{padding:16px 24px;max-width:1400px}
section{background:#fff;border:1px solid var(--line);border-radius:6px;padding:12px 16px;margin-bottom:16px}
h2{font-size:18px;margin:4px 0 12px}
.cards{display:flex;gap:12px;flex-wrap:wrap}
.card{padding:8px 14px;border-radius:6px;background:var(--grey-bg);min-width:96px}
.card b{display:block;font-size:22px}
.card.pass{background:var(--green-bg)}.card.warn{background:var(--amber-bg)}.card.fail{background:var(--red-bg)}
.controls{display:flex;gap:8px;margin-bottom:8px;flex-wrap:wrap}
.controls input,.controls select{padding:4px 8px;font-size:14px}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
th{background:#eef3f9;cursor:pointer;user-select:none;position:sticky;top:0}
th.asc::after{content:" ▲"}th.desc::after{content:" ▼"}
td.ok{background:var(--green-bg);color:var(--green);text-align:center}
td.no{background:var(--red-bg);color:var(--red);text-align:center;font-weight:bold}
td.na{background:var(--grey-bg);color:var(--grey);text-align:center}
td.num{text-align:right}
.status{display:inline-block;padding:0 8px;border-radius:10px;font-size:13px}
.status.pass{background:var(--green-bg);color:var(--green)}.status.warn{background:var(--amber-bg);color:var(--amber)}
.status.fail{background:var(--red-bg);color:var(--red)}.status.unreadable{background:var(--grey-bg);color:var(--grey)}
details.report{border:1px solid var(--line);border-radius:6px;margin:8px 0;background:#fff}
details.report>summary{padding:8px 12px;cursor:pointer;font-weight:bold}
.cols{display:grid;grid-template-columns:minmax(220px,1fr) 3fr;gap:16px;padding:0 12px 12px}
.outline ul{list-style:none;padding-left:0;margin:0;font-size:14px}
.outline li{padding:1px 0}.outline .roles{color:var(--grey);font-size:12px}
.diags ol{padding-left:20px;margin:0}
.diags li{margin-bottom:10px}
.diag-head{font-weight:bold}.sev-error .code{color:var(--red)}.sev-warning .code{color:var(--amber)}.sev-info .code{color:var(--accent)}
blockquote{margin:4px 0;padding:4px 8px;border-left:3px solid var(--line);background:#f6f6f6;white-space:pre-wrap}
mark{background:#ffe08a}
.hint,.basis,.where{font-size:13px;color:#444}.basis{color:var(--grey)}
.cross li{margin-bottom:8px}
details.places>summary{cursor:pointer;color:var(--accent);font-size:13px}
svg text{font-size:12px;font-family:inherit}
.muted{color:var(--grey)}
"""

JS = """
(function(){
  var table=document.getElementById('reports');if(!table)return;
  var R=JSON.parse(document.getElementById('fz-rows').textContent),rows=R.rows,cols=R.cols,ST=R.status;
  var body=table.tBodies[0],heads=table.tHead.rows[0].cells,more=document.getElementById('more');
  var order=rows.map(function(_,i){return i;}),shown=order,limit=R.page,texts=[];
  var MARK={'true':['✓','ok'],'false':['✗','no'],'null':['—','na']};
  function shownText(k,v){
    if(k==='mark')return MARK[String(v)][0];if(k==='status')return ST[v][0];
    if(k==='follow')return v||'—';return v==null?'':String(v);
  }
  function td(k,v,i){
    if(k==='file')return '<td><a class="open" href="#r'+i+'">'+esc(v)+'</a></td>';
    if(k==='text')return '<td>'+esc(v==null?'':v)+'</td>';
    if(k==='mark'){var m=MARK[String(v)];return '<td class="'+m[1]+'">'+m[0]+'</td>';}
    if(k==='status')return '<td data-v="'+ST[v][1]+'"><span class="status '+v+'">'+esc(ST[v][0])+'</span></td>';
    return '<td class="num">'+esc(shownText(k,v))+'</td>';
  }
  function tr(i){
    var r=rows[i],h=[];for(var c=0;c<cols.length;c++)h.push(td(cols[c],r[c],i));
    return '<tr data-status="'+r[cols.length-1]+'">'+h.join('')+'</tr>';
  }
  function render(){
    body.innerHTML=shown.slice(0,limit).map(tr).join('');
    var rest=shown.length-limit;more.hidden=rest<=0;
    if(rest>0)more.textContent='再显示 '+Math.min(rest,R.page)+' 份（还有 '+rest+' 份）';
    document.getElementById('shown').textContent=shown.length;
  }
  function text(i){
    if(texts[i]===undefined){var r=rows[i],t='';for(var c=0;c<cols.length;c++)t+=shownText(cols[c],r[c]);texts[i]=t.toLowerCase();}
    return texts[i];
  }
  var filter=document.getElementById('filter'),status=document.getElementById('status-filter');
  function apply(){
    var q=filter.value.trim().toLowerCase(),s=status.value;
    shown=order.filter(function(i){return (!q||text(i).indexOf(q)>=0)&&(!s||rows[i][cols.length-1]===s);});
    limit=R.page;render();
  }
  var collator=new Intl.Collator('zh-CN');
  function key(k,v){return k==='status'?String(ST[v][1]):shownText(k,v);}
  Array.prototype.forEach.call(heads,function(th,c){
    th.addEventListener('click',function(){
      var asc=!th.classList.contains('asc'),k=cols[c];
      Array.prototype.forEach.call(heads,function(h){h.classList.remove('asc','desc');});
      th.classList.add(asc?'asc':'desc');
      var keys=rows.map(function(r){return key(k,r[c]);}),nums=keys.map(parseFloat);
      order=order.slice().sort(function(a,b){
        var d=(!isNaN(nums[a])&&!isNaN(nums[b]))?nums[a]-nums[b]:collator.compare(keys[a],keys[b]);
        return asc?d:-d;
      });
      apply();
    });
  });
  filter.addEventListener('input',apply);status.addEventListener('change',apply);
  more.addEventListener('click',function(){limit+=R.page;render();});
  more.hidden=rows.length<=limit;if(!more.hidden)more.textContent='再显示 '+Math.min(rows.length-limit,R.page)+' 份（还有 '+(rows.length-limit)+' 份）';
  function report(i){
    var d=document.getElementById('r'+i);if(d||!rows[i])return d;
    var r=rows[i],n=cols.length,s=r[n-1];
    d=document.createElement('details');d.className='report';d.id='r'+i;
    d.innerHTML='<summary>'+esc(r[0])+' — '+esc(r[1]||'单位未识别')+' <span class="status '+s+'">'+esc(ST[s][0])+'</span> '
      +'<span class="muted">错误 '+r[n-4]+'，警告 '+r[n-3]+'，提示 '+r[n-2]+'</span></summary>'
      +(r[n]?'<p class="hint">'+esc(r[n])+'</p>':'')+'<div class="cols"></div>';
    var box=document.getElementById('details'),next=null;
    for(var k=0;k<box.children.length;k++){if(+box.children[k].id.slice(1)>i){next=box.children[k];break;}}
    box.insertBefore(d,next);return d;
  }
  function open(i){var d=report(i);if(d){d.open=true;draw(d);}return d;}
  document.addEventListener('click',function(e){
    var a=e.target.closest&&e.target.closest('a.open');if(!a)return;
    open(+a.getAttribute('href').slice(2));
  });
  var m=/^#r(\\d+)$/.exec(location.hash);if(m){var d=open(+m[1]);if(d)d.scrollIntoView();}
})();
"""

# Draws a report's drill-down, or the places of a cross-report finding, from the JSON block
# when it is first opened (the data is parsed then, not when the page loads).  The data: {"s": [texts], "sev": [severity
# keys], "sevl": [their labels], "r": [[outline, findings] per report in table order], "x":
# [places per cross-report finding]}; outline is a flat list of OUTLINE_FIELDS numbers per
# heading, findings of DIAGNOSTIC_FIELDS numbers per finding, places of PLACE_FIELDS numbers
# per place; a number standing for a text is its index in "s" (0: none).
DRAW_JS = """
var FZ=null;
function fzData(){if(!FZ)FZ=JSON.parse(document.getElementById('fz-data').textContent);return FZ;}
function esc(t){return String(t).replace(/[&<>"']/g,function(c){return {'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;',"'":'&#39;'}[c];});}
function draw(d){
  if(d.getAttribute('data-drawn'))return;d.setAttribute('data-drawn','1');
  var D=fzData(),S=D.s,rep=D.r[+d.id.slice(1)],o=rep[0],g=rep[1],h=[],i;
  for(i=0;i<o.length;i+=6){
    h.push('<li style="padding-left:'+(o[i]-1)*16+'px">'+esc(S[o[i+1]])+esc(S[o[i+2]])+' <span class="roles">['+esc(S[o[i+3]])+'] 第'+o[i+4]+'–'+o[i+5]+'行</span></li>');
  }
  var outline=h.length?'<ul>'+h.join('')+'</ul>':'<p class="muted">未识别到层次标题。</p>';
  h=[];
  for(i=0;i<g.length;i+=10){
    var code=S[Math.floor(g[i]/3)],sev=g[i]%3,where='第'+g[i+2]+'行第'+g[i+3]+'列'+(g[i+4]?'（'+esc(S[g[i+4]])+'）':''),q=S[g[i+5]],a=g[i+6],b=g[i+7],quote='';
    if(q){a=Math.max(0,Math.min(a,q.length));b=Math.max(0,Math.min(b,q.length));
      quote='<blockquote>'+(b>a?esc(q.slice(0,a))+'<mark>'+esc(q.slice(a,b))+'</mark>'+esc(q.slice(b)):esc(q))+'</blockquote>';}
    h.push('<li class="diag sev-'+D.sev[sev]+'" data-code="'+esc(code)+'"><div class="diag-head"><span class="code">'+esc(code)+'</span> ['+esc(D.sevl[sev])+'] '+esc(S[g[i+1]])+' <span class="where">'+where+'</span></div>'+quote
      +(g[i+8]?'<div class="hint">修改建议：'+esc(S[g[i+8]])+'</div>':'')+(g[i+9]?'<div class="basis">依据：'+esc(S[g[i+9]])+'</div>':'')+'</li>');
  }
  var diags=h.length?'<ol>'+h.join('')+'</ol>':'<p class="muted">未发现问题。</p>';
  var body=d.querySelector('.cols');
  body.innerHTML='<div class="outline"><h3>结构</h3>'+outline+'</div><div class="diags"><h3>问题</h3>'+diags+'</div>';
}
function drawPlaces(d){
  if(d.getAttribute('data-drawn'))return;d.setAttribute('data-drawn','1');
  var D=fzData(),S=D.s,g=D.x[+d.getAttribute('data-f')],h=[],i;
  for(i=0;i<g.length;i+=5){
    var where=esc(S[g[i+1]])+' 第'+g[i+2]+'行';
    if(g[i]>=0)where='<a class="open" href="#r'+g[i]+'">'+where+'</a>';
    h.push('<li>'+(g[i+3]?esc(S[g[i+3]])+'，':'')+where+'：'+esc(S[g[i+4]])+'</li>');
  }
  d.querySelector('ul').innerHTML=h.join('');
}
document.addEventListener('toggle',function(e){
  var d=e.target;if(!d.classList||!d.open)return;
  if(d.classList.contains('report'))draw(d);else if(d.classList.contains('places'))drawPlaces(d);
},true);
"""

MARK = {True: ("✓", "ok"), False: ("✗", "no"), None: ("—", "na")}
NO_SCRIPT = '<noscript><p class="muted">逐份报告的结构和问题、跨报告发现的各处位置需要浏览器启用 JavaScript 才能显示。</p></noscript>'
PAGE = 200  # table rows shown at a time (and written as HTML for a reader without JavaScript)
STATUS_RANK = {"fail": 3, "unreadable": 4, "warn": 2, "pass": 1}  # the 结论 column sorts by it



def _e(value) -> str:
    return escape("" if value is None else str(value), quote=True)


def _anchor(index: int) -> str:
    return f"r{index}"


def _text_width(text: str, size: int = 12) -> int:
    """Pixels a label needs at ``size`` px: a Chinese character is one em, ASCII about half."""
    return sum(size if ord(ch) > 0x2E7F else round(size * 0.6) for ch in text)


def chart_svg(rules: list[dict], total_reports: int, bars: int = CHART_BARS) -> str:
    """A horizontal bar chart: how many reports break each of the most common rules.  Every label
    is measured, so neither the rule names on the left nor the counts on the right are cut off."""
    top = rules[:bars]
    if not top:
        return '<p class="muted">没有发现问题。</p>'
    labels = [f'{r["code"]} {r.get("title") or r["name"]}' for r in top]
    counts = [f'{r["reports"]} 份（{round(100 * r["reports"] / max(1, total_reports))}%）' for r in top]
    label_w = max(_text_width(label) for label in labels) + 14
    count_w = max(_text_width(c) for c in counts) + 12
    bar_w, row_h, pad = 420, 26, 8
    width = label_w + bar_w + count_w
    height = row_h * len(top) + 2 * pad
    most = max(r["reports"] for r in top) or 1
    parts = [
        f'<svg role="img" aria-label="最常见的问题" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-size="12" style="max-width:100%;height:auto">'
    ]
    colors = {"error": "#c0392b", "warning": "#d39e00", "info": "#1f4e79"}
    for i, r in enumerate(top):
        y = pad + i * row_h
        w = max(2, round(bar_w * r["reports"] / most))
        parts.append(
            f'<g class="bar" data-code="{_e(r["code"])}"><title>{_e(labels[i])}：{r["reports"]} 份报告</title>'
            f'<text x="{label_w - 6}" y="{y + 17}" text-anchor="end">{_e(labels[i])}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{w}" height="{row_h - 8}" fill="{colors.get(r["severity"], "#666")}"/>'
            f'<text x="{label_w + w + 6}" y="{y + 17}">{_e(counts[i])}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _summary_cards(rows: list[dict], findings: list[dict]) -> str:
    counts = {s: sum(1 for r in rows if r["status"] == s) for s in STATUS_LABELS}
    cards = [f'<div class="card"><b>{len(rows)}</b>份报告</div>']
    for status, label in STATUS_LABELS.items():
        cards.append(f'<div class="card {status}"><b>{counts[status]}</b>{_e(label)}</div>')
    cards.append(f'<div class="card"><b>{len(findings)}</b>跨报告发现</div>')
    return f'<div class="cards">{"".join(cards)}</div>'


def _table(rows: list[dict], anchors: dict[str, str], parts: Sequence[Part]) -> str:
    """The table's head and its first ``PAGE`` rows (the script draws the others from ``_rows_data``)."""
    follow = has_followthrough(rows)
    heads = ["文件", "单位", "年度", *(p.column for p in columns(parts)), *([FOLLOW_COLUMN] if follow else []), "错误", "警告", "提示", "结论"]
    out = ['<table id="reports"><thead><tr>', "".join(f"<th>{_e(h)}</th>" for h in heads), "</tr></thead><tbody>"]
    for row in rows[:PAGE]:
        cells = [
            f'<td><a class="open" href="#{anchors[row["file"]]}">{_e(row["file"])}</a></td>',
            f'<td>{_e(row["entity"])}</td>',
            f'<td class="num">{_e(row["year"])}</td>',
        ]
        for part in columns(parts):
            mark, cls = MARK[row[part.key]]
            cells.append(f'<td class="{cls}">{mark}</td>')
        if follow:
            cells.append(f'<td class="num">{_e(row.get("followthrough") or "—")}</td>')
        for key in ("errors", "warnings", "infos"):
            cells.append(f'<td class="num">{row[key]}</td>')
        status = row["status"]
        cells.append(f'<td data-v="{STATUS_RANK[status]}"><span class="status {status}">{_e(STATUS_LABELS[status])}</span></td>')
        out.append(f'<tr data-status="{status}">{"".join(cells)}</tr>')
    out.append('</tbody></table><p><button id="more" type="button" hidden></button></p>')
    if len(rows) > PAGE:
        out.append(
            f'<noscript><p class="muted">未启用 JavaScript 时只列出前 {PAGE} 份；全部 {len(rows)} 份见审查工作簿或 CSV。</p></noscript>'
        )
    return "".join(out)


def _rows_data(rows: list[dict], parts: Sequence[Part]) -> Iterator[str]:
    """The table's rows as data: per row its cells' values in column order, then its status key and
    its reader's message (``cols`` names how each column is drawn).  Written a block of rows at a
    time: the same JSON as one ``_json(payload)``, never all of it in memory."""
    follow = has_followthrough(rows)
    marks = [p.key for p in columns(parts)]
    cols = ["file", "text", "year", *(["mark"] * len(marks)), *(["follow"] if follow else []), "count", "count", "count", "status"]
    status = {s: [label, STATUS_RANK[s]] for s, label in STATUS_LABELS.items()}
    head = _json({"page": PAGE, "cols": cols, "status": status, "rows": []})
    yield f'<script type="application/json" id="fz-rows">{head[:-3]}['
    for at in range(0, len(rows), BLOCK):
        cells = [_row_cells(row, marks, follow) for row in rows[at : at + BLOCK]]
        yield ("," if at else "") + _json(cells)[1:-1]
    yield "]}</script>"


BLOCK = 256  # rows or texts made into JSON at a time


def _row_cells(row: dict, marks: list[str], follow: bool) -> list:
    cells = [row["file"], row["entity"], row["year"], *(row[k] for k in marks)]
    if follow:
        cells.append(row.get("followthrough"))
    cells += [row["errors"], row["warnings"], row["infos"], row["status"], row.get("error") or ""]
    return cells


def _followthrough(rows: list[dict], findings: list[dict], anchors: dict[str, str]) -> str:
    """Last year's plan, unit by unit: how many items this year's report accounts for, and which not."""
    if not has_followthrough(rows):
        return ""
    missed: dict[str, list[str]] = {}
    for f in findings:
        if f["code"] == "FZ705" and len(f["places"]) > 1:
            missed.setdefault(f["places"][0]["file"], []).append(f["places"][1]["excerpt"])
    items = []
    for row in rows:
        if "followthrough" not in row:
            continue
        name = _e(row["entity"] or row["file"])
        link = f'<a class="open" href="#{anchors[row["file"]]}">{name}</a>' if row["file"] in anchors else name
        gaps = "".join(f"<li>{_e(x)}</li>" for x in missed.get(row["file"], []))
        note = f'<ul class="gaps">{gaps}</ul>' if gaps else '<div class="muted">各项安排均有落实情况</div>'
        items.append(f'<li data-file="{_e(row["file"])}">{link}：落实 <b>{_e(row["followthrough"])}</b>{note}</li>')
    return (
        f'<section id="followthrough"><h2>{FOLLOW_COLUMN}情况</h2><p class="muted">上年报告“主要安排”中的每一项，'
        "今年的举措和成效是否有所交代（按关键词对照）；未见落实的各项列在下面。</p>"
        f'<ol class="cross">{"".join(items)}</ol></section>'
    )


def _cross(findings: list[dict]) -> str:
    """The findings' headings; their places (often hundreds in a county) are drawn from the data."""
    if not findings:
        return '<p class="muted">未发现跨报告的雷同段落、他单位名称或照搬上年的内容。</p>'
    items = []
    for k, f in enumerate(findings):
        items.append(
            f'<li class="sev-{_e(f["severity"])}"><span class="diag-head"><span class="code">{_e(f["code"])}</span> '
            f'[{_e(SEVERITY_LABELS[f["severity"]])}] {_e(f["message"])}</span>'
            f'<details class="places" data-f="{k}"><summary>共 {len(f["places"])} 处</summary><ul></ul></details></li>'
        )
    return f'<ol class="cross">{"".join(items)}</ol>'


def _shared(shared: list[dict], anchors: dict[str, str]) -> str:
    """The shared formulas: paragraphs most units write alike, listed so a reviewer sees why they are not copies."""
    if not shared:
        return ""
    items = []
    for f in shared:
        files = "、".join(
            f'<a class="open" href="#{anchors[p["file"]]}">{_e(p["entity"] or p["file"])}</a>' if p["file"] in anchors
            else _e(p["entity"] or p["file"])
            for p in f["places"][:12]
        )
        more = f"等 {len(f['places'])} 处" if len(f["places"]) > 12 else ""
        items.append(f'<li>“{_e(f["excerpt"])}”<div class="muted">{f["units"]} 个单位：{files}{more}</div></li>')
    return (
        '<section id="shared"><h2>共用套话（不算照抄）</h2><p class="muted">多数单位都这样写的段落（如开头的'
        '“现将……报告如下”、结尾的表态）：从本次审查的报告中学得，不报告为照抄。</p>'
        f'<ol class="cross">{"".join(items)}</ol></section>'
    )


class _Texts:
    """Every distinct text once; a text is referred to by its number (0: none)."""

    def __init__(self) -> None:
        self.items: list[str] = [""]
        self.index: dict[str, int] = {"": 0}

    def __call__(self, text) -> int:
        text = "" if text is None else str(text)
        found = self.index.get(text)
        if found is None:
            found = self.index[text] = len(self.items)
            self.items.append(text)
        return found


SEVERITIES = ("error", "warning", "info")
OUTLINE_FIELDS = ("level", "marker", "heading", "roles", "line", "end_line")
# "code" is 3 × the code's text number + the severity's index (one number for two)
DIAGNOSTIC_FIELDS = ("code", "message", "line", "column", "where", "quote", "mark_start", "mark_end", "hint", "basis")


def _outline_data(outline: list[dict], text: _Texts, labels: Mapping[str, str]) -> list[int]:
    out: list[int] = []
    for s in outline:
        roles = "、".join(labels.get(r, r) for r in s["roles"])
        out += (s["level"], text(s["marker"]), text(s["heading"]), text(roles), s["line"], s["end_line"])
    return out


def _diagnostics_data(diags: list[Diagnostic], text: _Texts) -> list[int]:
    out: list[int] = []
    for d in diags:
        p = d.location
        quote = p.excerpt or ""
        a, b = p.mark or (0, len(quote))
        out += (
            3 * text(d.code) + SEVERITIES.index(d.severity), text(d.message), p.line, p.column, text(p.where),
            text(quote), a, b, text(d.hint), text(d.basis),
        )  # fmt: skip
    return out


def _finding_places(f: dict, index: dict[str, int], text: _Texts) -> list[int]:
    """PLACE_FIELDS numbers per place of one finding; ``report`` is the place's row (-1: not in the table)."""
    flat: list[int] = []
    for p in f["places"]:
        flat += (index.get(p["file"], -1), text(p["file"]), p["line"], text(p.get("entity")), text(p["excerpt"]))
    return flat


def _places_json(findings: list[dict], rows: list[dict], text: _Texts, out: IO[str]) -> None:
    """Every finding's places as one JSON list per finding, written to ``out`` one finding at a time
    (a county's findings name tens of thousands of places)."""
    index = {row["file"]: i for i, row in enumerate(rows)}
    out.write("[")
    for k, f in enumerate(findings):
        out.write(("," if k else "") + _json(_finding_places(f, index, text)))
    out.write("]")


PLACE_FIELDS = ("report", "file", "line", "entity", "excerpt")


def _data_block(
    rows: list[dict], reports: Iterable[tuple[list[dict], list[Diagnostic]]], findings: list[dict], labels: Mapping[str, str]
):
    """The drill-downs' JSON, in pieces: each report's numbers go to a temporary file as the report
    is read (``reports``: its outline and diagnostics, in the order of ``rows``), then the texts they
    refer to, the reports and the places are written out."""
    import tempfile

    text = _Texts()
    spooled = tempfile.SpooledTemporaryFile
    with spooled(max_size=1 << 20, mode="w+", encoding="utf-8") as spool, spooled(
        max_size=1 << 20, mode="w+", encoding="utf-8"
    ) as places:
        for k, (outline, diagnostics) in enumerate(reports):
            entry = [_outline_data(outline, text, labels), _diagnostics_data(diagnostics, text)]
            spool.write(("," if k else "") + _json(entry))
        _places_json(findings, rows, text, places)
        yield '<script type="application/json" id="fz-data">{"s":['
        for at in range(0, len(text.items), BLOCK):
            yield ("," if at else "") + _json(text.items[at : at + BLOCK])[1:-1]
        tail = {"sev": list(SEVERITIES), "sevl": [SEVERITY_LABELS[s] for s in SEVERITIES]}
        yield "]," + _json(tail)[1:-1] + ',"r":['
        yield from _read_back(spool)
        yield '],"x":'
        yield from _read_back(places)
        yield "}</script>"


def _read_back(spool: IO[str]) -> Iterator[str]:
    spool.seek(0)
    while chunk := spool.read(1 << 16):
        yield chunk


def _json(value) -> str:
    # no "<" inside the script element at all ("</script" would end it, "<!--" change how it is read)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def build_html(
    rows: list[dict],
    diagnostics: list[Diagnostic],
    rules: list[dict],
    outlines: dict[str, list[dict]] | None = None,
    *args,
    **kwargs,
) -> str:
    """The dashboard as one string from results held in memory: ``outlines`` maps a file to its
    ``outline_rows``; the other arguments are :func:`iter_review_html`'s (``findings``, ``title``,
    ``subtitle``, ``parts``, ``labels``, ``shared``).  A review streams ``iter_review_html`` instead."""
    outlines = outlines or {}
    by_file: dict[str, list[Diagnostic]] = {}
    for d in diagnostics:
        by_file.setdefault(d.location.path, []).append(d)
    reports = ((outlines.get(row["file"], []), by_file.get(row["file"], [])) for row in rows)
    return "".join(iter_review_html(rows, reports, rules, *args, **kwargs))


def iter_review_html(
    rows: list[dict],
    reports: Iterable[tuple[list[dict], list[Diagnostic]]],
    rules: list[dict],
    findings: list[dict] | None = None,
    title: str = "法治政府建设年度报告审查结果",
    subtitle: str = "",
    *,
    parts: Sequence[Part],
    labels: Mapping[str, str],
    shared: list[dict] | None = None,
):
    """The dashboard in pieces from ``reports``: each report's outline and diagnostics, in the order of
    ``rows``, read once (a review reads them back from its spool one report at a time)."""
    findings = findings or []
    anchors = {row["file"]: _anchor(i) for i, row in enumerate(rows)}
    options = "".join(f'<option value="{s}">{_e(label)}</option>' for s, label in STATUS_LABELS.items())
    yield (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{CSS}</style></head><body>"
        f'<header><h1>{_e(title)}</h1><div>{_e(subtitle)}</div></header><main>'
        f'<section id="summary"><h2>概况</h2>{_summary_cards(rows, findings)}</section>'
        f'<section id="chart"><h2>最常见的问题（涉及报告数）</h2>{chart_svg(rules, len(rows))}</section>'
        '<section id="table"><h2>报告一览</h2><div class="controls">'
        '<input id="filter" type="search" placeholder="按文件、单位筛选…" aria-label="筛选">'
        f'<select id="status-filter" aria-label="结论"><option value="">全部结论</option>{options}</select>'
        f'<span class="muted">显示 <span id="shown">{len(rows)}</span> / {len(rows)} 份</span></div>'
    )
    yield _table(rows, anchors, parts)
    yield f'</section><section id="cross-report"><h2>跨报告发现</h2>{_cross(findings)}</section>'
    yield _shared(shared or [], anchors)
    yield _followthrough(rows, findings, anchors)
    # a report's drill-down is created when it is opened (from fz-rows), drawn from fz-data
    yield f'<section id="reports-detail"><h2>逐份报告</h2>{NO_SCRIPT}<div id="details"></div>'
    yield "</section></main>"
    yield from _rows_data(rows, parts)
    yield from _data_block(rows, reports, findings, labels)
    yield f"<script>{DRAW_JS}{JS}</script></body></html>\n"
