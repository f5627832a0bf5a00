"""Build a corpus of varied reports from ``fixtures/seeds/*.txt`` for the benchmarks.

Each report starts from one seed and gets a random but reproducible set of
variations (the random generator is seeded with ``--seed`` and the report's
index, so the same command always writes the same bytes):

* entity name replaced, years shifted, the plan's year shifted (last year's plan);
* heading forms: 一、/一．/一 and （一）/(一)/（一/一）, second level as 1./1、;
* parts deleted, reordered, renumbered or not; a part borrowed from another seed;
* title split over two or three lines (with or without a blank line), dropped,
  or renamed 工作总结; metadata lines, a salutation, a signature and a date;
* Word leftovers ([bookmark: _GoBack], 错误！未找到引用源。, zero-width spaces);
* paragraphs shuffled, duplicated (long reports) or cut to one sentence (short
  ones), whole parts run into one line, full-width indents, NBSP, CRLF, BOM.

Usage::

    python benchmarks/corpus.py                 # 1,000 reports into benchmarks/corpus/
    python benchmarks/corpus.py --count 200 --seed 7 --out /tmp/corpus

The output folder is git-ignored; only ``r*.txt`` and ``manifest.tsv`` in it are
rewritten.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent / "fixtures" / "seeds"
DEFAULT_OUT = HERE / "corpus"

CN = "一二三四五六七八九十"
_LEFTOVER = re.compile(r"\[bookmark:[^\]\n]*\]|[\u200b\ufeff]")
_H1 = re.compile(rf"^[\s\u3000]*(?P<n>[{CN}]+)、")
_H2 = re.compile(rf"^(?P<lead>[\s\u3000]*)[（(](?P<n>[{CN}]+)[）)]")
_YEAR = re.compile(r"(?<!\d)(20[12]\d)(?=\s*年)")
_ENTITY = re.compile(
    r"(?:[\u4e00-\u9fff]{2,3}(?:县|市|区))?(?P<core>[\u4e00-\u9fff]{2,5}?)(?P<tail>藏族乡|回族乡|乡|镇|街道)"
)
_PLAN_WORDS = ("计划", "安排", "打算", "重点工作", "下一步", "下一年度", "思路")

_SYLLABLES = "青石河东西南北安和平永宁新兴华阳山岭泉林桥湾沟坪岗塘溪川堡营集庄寨台"
_COUNTIES = ("平安县", "长宁县", "东川区", "西和县", "临泉县", "兴隆县", "安远市", "和平区")
_SENTENCE = re.compile(r"[^。；！？]+[。；！？]?")


def cn_number(value: int) -> str:
    if value <= 10:
        return CN[value - 1]
    tens, ones = divmod(value, 10)
    return ("" if tens == 1 else CN[tens - 1]) + "十" + (CN[ones - 1] if ones else "")


@dataclass
class Seed:
    name: str
    title: list[str]
    preamble: list[str]
    parts: list[list[str]]  # each part: its 一、 heading line, then its lines
    core: str  # the entity's short name (群加, 哲古 …)
    tail: str  # 乡 | 镇 | 街道 …


def load_seed(path: Path) -> Seed:
    text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    lines = [_LEFTOVER.sub("", ln).rstrip() for ln in text.split("\n")]
    lines = [ln for ln in lines if ln.strip(" \u3000\u00a0\t")]
    title: list[str] = []
    i = 0
    while i < len(lines) and len(title) < 3 and "。" not in lines[i] and not _H1.match(lines[i]):
        title.append(lines[i].strip())
        i += 1
    preamble: list[str] = []
    while i < len(lines) and not _H1.match(lines[i]):
        preamble.append(lines[i])
        i += 1
    parts: list[list[str]] = []
    for line in lines[i:]:
        if _H1.match(line) or not parts:
            parts.append([line])
        else:
            parts[-1].append(line)
    m = _ENTITY.search("".join(title)) or _ENTITY.search("".join(preamble[:1]))
    core, tail = (m.group("core"), m.group("tail")) if m else ("", "乡")
    return Seed(path.stem, title, preamble, parts, core, tail)


@dataclass
class Variant:
    title: list[str]
    preamble: list[str]
    parts: list[list[str]]
    before: list[str] = field(default_factory=list)  # metadata lines, salutation
    after: list[str] = field(default_factory=list)  # signature, date
    ops: list[str] = field(default_factory=list)


def _replace_all(v: Variant, old: str, new: str) -> None:
    v.title = [ln.replace(old, new) for ln in v.title]
    v.preamble = [ln.replace(old, new) for ln in v.preamble]
    v.parts = [[ln.replace(old, new) for ln in part] for part in v.parts]


def _map_lines(v: Variant, fn) -> None:
    v.title = [fn(ln) for ln in v.title]
    v.preamble = [fn(ln) for ln in v.preamble]
    v.parts = [[fn(ln) for ln in part] for part in v.parts]


def _report_year(v: Variant) -> int | None:
    for line in (*v.title, *v.preamble[:1]):
        m = _YEAR.search(line)
        if m:
            return int(m.group(1))
    return None


def _new_name(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.choice((2, 2, 2, 3, 4))))


def vary(seed: Seed, others: list[Seed], rng: random.Random) -> Variant:
    v = Variant(list(seed.title), list(seed.preamble), [list(p) for p in seed.parts])
    entity = seed.core
    if seed.core and rng.random() < 0.8:
        entity = _new_name(rng)
        _replace_all(v, seed.core, entity)
        v.ops.append("entity")
    if rng.random() < 0.5:
        delta = rng.choice((-3, -2, -1, 1))
        _map_lines(v, lambda ln: _YEAR.sub(lambda m: str(int(m.group(1)) + delta), ln))
        v.ops.append(f"years{delta:+d}")
    if rng.random() < 0.2 and len(others) > 0:
        donor = rng.choice(others)
        middle = [p for p in donor.parts[:-1]] or donor.parts
        part = list(rng.choice(middle))
        if donor.core:
            part = [ln.replace(donor.core, entity or donor.core) for ln in part]
        v.parts.insert(max(0, len(v.parts) - 1), part)
        v.ops.append("borrow")
    if len(v.parts) > 2 and rng.random() < 0.2:
        del v.parts[rng.randrange(len(v.parts))]
        v.ops.append("delete-part")
    if len(v.parts) > 2 and rng.random() < 0.15:
        a, b = rng.sample(range(len(v.parts)), 2)
        v.parts[a], v.parts[b] = v.parts[b], v.parts[a]
        v.ops.append("reorder")
    if rng.random() < 0.8:
        for k, part in enumerate(v.parts, start=1):
            part[0] = _H1.sub(
                lambda m, k=k: m.group(0).replace(m.group("n") + "、", cn_number(k) + "、", 1), part[0], count=1
            )
    else:
        v.ops.append("no-renumber")
    year = _report_year(v)
    if year and rng.random() < 0.15:
        for part in v.parts:
            if any(w in part[0] for w in _PLAN_WORDS):
                wrong = str(rng.choice((year, year - 1)))
                part[:] = [ln.replace(str(year + 1), wrong) for ln in part]
                v.ops.append("plan-year")
                break
    _vary_paragraphs(v, rng)
    _vary_headings(v, rng)
    _vary_title(v, rng, seed)
    _vary_frame(v, rng, entity or seed.core, seed.tail, year)
    _vary_leftovers(v, rng)
    return v


def _vary_paragraphs(v: Variant, rng: random.Random) -> None:
    if rng.random() < 0.3:
        for part in v.parts:
            body = part[1:]
            runs, run = [], []
            for line in body:  # shuffle only runs of body lines between sub-headings
                if _H2.match(line):
                    runs.append(run)
                    runs.append([line])
                    run = []
                else:
                    run.append(line)
            runs.append(run)
            for r in runs:
                if len(r) > 1 and not _H2.match(r[0]):
                    rng.shuffle(r)
            part[1:] = [ln for r in runs for ln in r]
        v.ops.append("shuffle")
    roll = rng.random()
    if roll < 0.15:
        times = rng.choice((2, 3, 4))
        for part in v.parts:
            extra = [ln for ln in part[1:] if not _H2.match(ln)]
            part.extend(extra * (times - 1))
        v.ops.append(f"long-x{times}")
    elif roll < 0.3:
        for part in v.parts:
            part[1:] = [_first_sentence(ln) if not _H2.match(ln) else ln for ln in part[1:]]
        v.preamble = [_first_sentence(ln) for ln in v.preamble]
        v.ops.append("short")
    if rng.random() < 0.08 and v.parts:
        k = rng.randrange(len(v.parts))
        v.parts[k] = ["".join(ln.strip(" \u3000") for ln in v.parts[k])]
        v.ops.append("run-on-part")


def _first_sentence(line: str) -> str:
    m = _SENTENCE.match(line.strip(" \u3000"))
    return m.group() if m else line


def _vary_headings(v: Variant, rng: random.Random) -> None:
    h1 = rng.choices(("一、", "一．", "一 ", "一.", "一，"), weights=(80, 6, 6, 5, 3))[0]
    h2 = rng.choices(
        ("（一）", "(一)", "（一", "一）", "(一) ", "1.", "1、", "1．"), weights=(60, 12, 4, 4, 5, 8, 5, 2)
    )[0]
    if h1 != "一、":
        sep = h1[1:]

        def fix1(line: str) -> str:
            return _H1.sub(lambda m: m.group(0)[:-1] + sep, line, count=1)

        for part in v.parts:
            part[0] = fix1(part[0])
        v.ops.append(f"h1={h1.strip() or 'space'}")
    if h2 != "（一）":

        def fix2(line: str) -> str:
            m = _H2.match(line)
            if not m:
                return line
            n = m.group("n")
            value = CN.index(n[-1]) + 1 + (10 if len(n) > 1 else 0)
            marker = {
                "(一)": f"({n})",
                "（一": f"（{n}",
                "一）": f"{n}）",
                "(一) ": f"({n}) ",
                "1.": f"{value}.",
                "1、": f"{value}、",
                "1．": f"{value}．",
            }[h2]
            return m.group("lead") + marker + line[m.end() :]

        for part in v.parts:
            part[1:] = [fix2(ln) for ln in part[1:]]
        v.ops.append(f"h2={h2.strip()}")


def _vary_title(v: Variant, rng: random.Random, seed: Seed) -> None:
    joined = "".join(v.title)
    roll = rng.random()
    if not joined:
        return
    if roll < 0.07:
        v.title = []
        v.ops.append("no-title")
        return
    if rng.random() < 0.05:
        joined = joined.replace("情况报告", "工作总结").replace("年度报告", "工作总结").replace("的报告", "的工作总结")
        v.ops.append("title-summary")
    # break lines where a clerk would (GB/T 9704 回行 keeps words whole): after the place, before 关于/the year
    breaks = [
        i
        for i in range(3, len(joined) - 2)
        if (joined[i - 1] in "县区市乡镇府度设" and not joined[i].isdigit() and joined[i] != "人")
        or joined.startswith(("关于", "20"), i)
    ]
    if roll < 0.4 and breaks:
        cuts = sorted(rng.sample(breaks, min(len(breaks), rng.choice((1, 1, 2)))))
        pieces = [joined[a:b] for a, b in zip([0, *cuts], [*cuts, len(joined)])]
        v.title = pieces
        if rng.random() < 0.4:
            v.title = [pieces[0], "", *pieces[1:]]
            v.ops.append("title-split-blank")
        else:
            v.ops.append(f"title-split{len(pieces)}")
    else:
        v.title = [joined]


def _vary_frame(v: Variant, rng: random.Random, entity: str, tail: str, year: int | None) -> None:
    place = rng.choice(_COUNTIES) + entity + tail
    if rng.random() < 0.1:
        v.before += [
            f"索引号：{rng.randrange(10**8):08d}/2025-{rng.randrange(1000):05d}",
            f"发布机构：{place}人民政府",
            "",
        ]
        v.ops.append("meta")
    if rng.random() < 0.1:
        v.preamble.insert(0, rng.choice(("县委、县政府：", "区委依法治区办：", "县委全面依法治县委员会办公室：")))
        v.ops.append("salutation")
    if rng.random() < 0.4:
        y = (year or 2024) + 1
        v.after += ["", f"{place}人民政府", f"{y}年{rng.randint(1, 3)}月{rng.randint(1, 28)}日"]
        v.ops.append("signature")


def _vary_leftovers(v: Variant, rng: random.Random) -> None:
    if rng.random() < 0.2 and v.parts:
        part = rng.choice(v.parts)
        part[0] = "[bookmark: _GoBack]" + part[0]
        v.ops.append("bookmark")
    if rng.random() < 0.08 and v.parts:
        part = rng.choice(v.parts)
        if len(part) > 1:
            k = rng.randrange(1, len(part))
            part[k] = part[k] + "（详见附件错误！未找到引用源。）"
            v.ops.append("broken-ref")
    if rng.random() < 0.05:
        v.preamble = [ln.replace("，", "，\u200b", 1) for ln in v.preamble]
        v.ops.append("zwsp")


def render(v: Variant, rng: random.Random) -> str:
    indent = rng.random() < 0.25
    gaps = rng.random() < 0.3
    nbsp = rng.random() < 0.05

    def body(line: str) -> str:
        if indent and not _H1.match(line) and not _H2.match(line):
            line = "\u3000\u3000" + line.lstrip(" \u3000")
        if nbsp:
            line = line.replace("，", "，\u00a0", 1)
        return line

    out = [*v.before, *v.title, *([""] if v.title else [])]
    out += [body(ln) for ln in v.preamble]
    for part in v.parts:
        if gaps:
            out.append("")
        out.append(part[0])
        for line in part[1:]:
            out.append(body(line))
            if gaps and rng.random() < 0.5:
                out.append("")
    out += v.after
    text = "\n".join(out) + "\n"
    if rng.random() < 0.15:
        text = text.replace("\n", "\r\n")
        v.ops.append("crlf")
    if rng.random() < 0.05:
        text = "\ufeff" + text
        v.ops.append("bom")
    if indent:
        v.ops.append("indent")
    if gaps:
        v.ops.append("blank-lines")
    if nbsp:
        v.ops.append("nbsp")
    return text


def build(count: int = 1000, seed: int = 0, out: Path = DEFAULT_OUT, seeds_dir: Path = SEEDS) -> list[Path]:
    seeds = [load_seed(p) for p in sorted(seeds_dir.glob("*.txt"))]
    if not seeds:
        raise SystemExit(f"corpus: no seed reports in {seeds_dir}")
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("r*.txt"):
        old.unlink()
    written: list[Path] = []
    manifest = ["file\tseed\tbytes\tops"]
    for i in range(count):
        rng = random.Random(f"{seed}:{i}")
        base = seeds[i % len(seeds)]
        variant = vary(base, [s for s in seeds if s is not base], rng)
        data = render(variant, rng).encode("utf-8")
        path = out / f"r{i:04d}.txt"
        path.write_bytes(data)
        written.append(path)
        manifest.append(f"{path.name}\t{base.name}\t{len(data)}\t{','.join(variant.ops)}")
    (out / "manifest.tsv").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build a corpus of varied reports from the seed fixtures.")
    parser.add_argument("--count", type=int, default=1000, help="number of reports (default 1000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default benchmarks/corpus)")
    args = parser.parse_args(argv)
    files = build(args.count, args.seed, args.out)
    size = sum(p.stat().st_size for p in files)
    print(f"wrote {len(files)} reports ({size / 1e6:.1f} MB) to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
