"""Output equality before/after: every output format over the seeds, a small benchmark corpus
and the review fixture folder, compared with stored digests (tests/golden/outputs.json).

A restructuring must leave every byte of output as it was.  When a rule change is meant to
change findings, regenerate the digests and say so in the commit message::

    FZ_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py

To see what changed, dump the outputs before and after and diff the folders::

    FZ_GOLDEN_DUMP=/tmp/before python -m pytest tests/test_golden.py   # on the old commit
    FZ_GOLDEN_DUMP=/tmp/after  python -m pytest tests/test_golden.py   # on the new one
    diff -r /tmp/before /tmp/after
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker import __version__
from checker.cli import app

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "outputs.json"
CHECK_FORMATS = ("text", "json", "sarif", "junit", "github")
CORPUS_SIZE = 24


def _normalise(text: str, tmp: Path) -> str:
    return text.replace(tmp.as_uri(), "<TMP-URI>").replace(str(tmp), "<TMP>").replace(__version__, "<VERSION>")


def _workbook_text(data: bytes) -> str:
    """The workbook's sheets, cell values and fills as text (the .xlsx bytes carry a timestamp)."""
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(data))
    out = []
    for ws in wb.worksheets:
        out.append(f"## {ws.title} {ws.freeze_panes} {ws.auto_filter.ref}")
        for row in ws.iter_rows():
            cells = []
            for c in row:
                fill = c.fill.start_color.rgb if c.fill is not None and c.fill.fill_type else ""
                cells.append(f"{c.value!r}{'/' + fill if fill else ''}{'/b' if c.font and c.font.b else ''}")
            out.append("\t".join(cells))
    return "\n".join(out) + "\n"


def _outputs(tmp: Path) -> dict[str, str]:
    """Every output of every front end over the work folder ``tmp`` (run from inside it)."""
    runner = CliRunner()
    outputs: dict[str, str] = {}

    def run(name: str, *args: str) -> None:
        res = runner.invoke(app, list(args))
        # a crash is an output too (CliRunner would turn it into exit 1, the same as findings)
        assert res.exception is None or isinstance(res.exception, SystemExit), (name, repr(res.exception))
        outputs[name] = f"exit {res.exit_code}\n" + res.stdout

    for fmt in CHECK_FORMATS:
        run(f"check/{fmt}", "check", "--no-config", "--no-color", "-f", fmt, "seeds", "corpus")
    run("check/text-statistics", "check", "--no-config", "--no-color", "--statistics", "seeds")
    for path in sorted([*Path("seeds").glob("*.txt"), *Path("corpus").glob("*.txt")]):
        for fmt in ("text", "json"):
            run(f"outline/{fmt}/{path.as_posix()}", "outline", "--no-config", "-f", fmt, path.as_posix())
    for name, folder, extra in (
        ("all", "seeds", ["corpus"]),
        ("county", "county", ["--previous", "previous"]),
    ):
        for fmt in ("text", "json"):
            run(
                f"review/{name}/{fmt}", "review", "--no-config", "--no-color", "--no-progress", "-j", "1",
                "-f", fmt, folder, *extra,
            )
        run(
            f"review/{name}/stdout-with-files", "review", "--no-config", "--no-color", "--no-progress", "-j", "1",
            "--csv", f"{name}.csv", "--html", f"{name}.html", "--xlsx", f"{name}.xlsx", folder, *extra,
        )
        outputs[f"review/{name}/csv"] = Path(f"{name}.csv").read_text(encoding="utf-8")
        outputs[f"review/{name}/html"] = Path(f"{name}.html").read_text(encoding="utf-8")
        outputs[f"review/{name}/xlsx"] = _workbook_text(Path(f"{name}.xlsx").read_bytes())
    outputs.update(_web_outputs(tmp))
    return {k: _normalise(v, tmp) for k, v in outputs.items()}


def _web_outputs(tmp: Path) -> dict[str, str]:
    pytest.importorskip("starlette")
    from starlette.testclient import TestClient

    from checker.config import Config
    from checker.web import create_app

    out = {}
    uploads = [
        *sorted(Path("seeds").glob("*.txt")),
        *sorted(Path("county").glob("*.txt")),
    ]
    with TestClient(create_app(Config(), warm_up=False)) as client:
        for label, paths in (("one", uploads[:1]), ("all", uploads)):
            files = [("file", (p.name, p.read_bytes(), "application/octet-stream")) for p in paths]
            res = client.post("/api/check", files=files)
            payload = res.json()
            payload.pop("elapsed_ms", None)
            out[f"web/check/{label}"] = f"{res.status_code}\n" + json.dumps(payload, ensure_ascii=False, indent=1)
            res = client.post("/api/xlsx", files=files)
            out[f"web/xlsx/{label}"] = f"{res.status_code}\n" + _workbook_text(res.content)
    return out


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import corpus
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    tmp = tmp_path_factory.mktemp("golden")
    shutil.copytree(ROOT / "fixtures" / "seeds", tmp / "seeds", ignore=shutil.ignore_patterns("*.expected", "*.md"))
    shutil.copytree(ROOT / "fixtures" / "review" / "county", tmp / "county")
    shutil.copytree(ROOT / "fixtures" / "review" / "previous", tmp / "previous")
    corpus.build(count=CORPUS_SIZE, seed=0, out=tmp / "corpus")
    (tmp / "corpus" / "manifest.tsv").unlink(missing_ok=True)
    old = Path.cwd()
    os.chdir(tmp)
    try:
        return _outputs(tmp)
    finally:
        os.chdir(old)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def test_outputs_unchanged(outputs):
    dump = os.environ.get("FZ_GOLDEN_DUMP")
    if dump:
        for name, text in outputs.items():
            target = Path(dump) / (name.replace("/", "__") + ".out")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    actual = {name: _digest(text) for name, text in sorted(outputs.items())}
    if os.environ.get("FZ_UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(json.dumps(actual, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    changed = sorted(k for k in expected.keys() | actual.keys() if expected.get(k) != actual.get(k))
    assert not changed, (
        f"{len(changed)} outputs differ from tests/golden/outputs.json: {changed[:12]} … "
        "(FZ_GOLDEN_DUMP=dir to see them; FZ_UPDATE_GOLDEN=1 when a rule change is meant to change them)"
    )


def test_outputs_cover_every_front_end(outputs):
    """The comparison is not vacuous: findings, cross-report findings and every format are in it."""
    assert {"check/" + f for f in CHECK_FORMATS} <= outputs.keys()
    assert "FZ101" in outputs["check/text"] and "FZ701" in outputs["review/county/json"]
    assert "FZ703" in outputs["review/county/html"] and "FZ702" in outputs["review/county/xlsx"]
    assert '"review"' in outputs["web/check/all"] and "FZ701" in outputs["web/check/all"]
    assert len([k for k in outputs if k.startswith("outline/")]) == 2 * (5 + CORPUS_SIZE)
