"""A county pack written in TOML alone (fixtures/packs/county/, shown in the README)."""

from pathlib import Path

from checker.api import check_path
from checker.packs import load_ruleset
from checker.positions import LineIndex

COUNTY = Path(__file__).resolve().parent.parent / "fixtures" / "packs" / "county"


def _found(name):
    result = check_path(COUNTY / name)
    index = LineIndex(result.document.text)
    return [(*index.line_col(d.span.start), d.code, d.message) for d in result.diagnostics]


def test_county_requirements_fire():
    assert _found("不合要求.txt") == [
        (1, 1, "FZ801", "缺少“行政执法工作情况”部分"),
        (7, 3, "FZ802", "“2024年度推进法治政府建设存在的不足和原因”只列出2个问题，本县要求至少3个"),
    ]


def test_report_meeting_the_county_requirements():
    assert _found("符合要求.txt") == []


def test_pack_disables_fz105_and_its_examples_work():
    from checker.api import check_text
    from checker.config import Config

    pack = COUNTY / "本县规则" / "county.toml"
    ruleset = load_ruleset([pack])
    assert ruleset.rules["FZ105"].enabled is False
    for code in ("FZ801", "FZ802"):
        rule = ruleset.rules[code]
        config = Config(select=(code,), packs=(pack,))
        assert code in {d.code for d in check_text(rule.example_fires, config).diagnostics}
        assert code not in {d.code for d in check_text(rule.example_passes, config).diagnostics}


def test_readme_shows_this_pack():
    readme = (COUNTY.parent.parent.parent / "README.md").read_text(encoding="utf-8")
    pack = (COUNTY / "本县规则" / "county.toml").read_text(encoding="utf-8")
    assert pack.split("\n", 1)[1] in readme


def test_county_role_is_a_column_of_the_review_and_the_workbook(tmp_path, monkeypatch):
    """The pack's [roles.enforcement] and its required_role rule FZ801 give a review column, with no code.

    The review is run from the county's folder: a review applies only the reviewer's configuration
    (the folder it runs in), never one found inside the reviewed folders (docs/limits.md)."""
    import io

    monkeypatch.chdir(COUNTY)

    import openpyxl
    from typer.testing import CliRunner

    from checker.cli import app

    out = tmp_path / "审查.xlsx"
    csv_out = tmp_path / "审查.csv"
    html_out = tmp_path / "审查.html"
    res = CliRunner().invoke(
        app,
        ["review", "--no-progress", "-j", "1", "--xlsx", str(out), "--csv", str(csv_out), "--html", str(html_out), str(COUNTY)],
    )
    assert res.exit_code == 1, res.output  # 不合要求.txt misses the county's part: an error
    head = res.stdout.splitlines()[0].split()
    assert head[3:9] == ["举措成效", "存在不足", "不足的原因", "第一责任人", "下年安排", "行政执法工作情况"]
    rows = {line.split()[0].rsplit("/", 1)[-1]: line.split() for line in res.stdout.splitlines()[1:3]}
    assert rows["不合要求.txt"][8] == "✗" and rows["符合要求.txt"][8] == "✓"
    sheet = openpyxl.load_workbook(io.BytesIO(out.read_bytes()))["报告一览"]
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert values[0][3:9] == ["举措成效", "存在不足", "不足的原因", "第一责任人", "下年安排", "行政执法工作情况"]
    assert [r[8] for r in values[1:]] == ["✗", "✓"]  # 不合要求.txt, 符合要求.txt
    assert csv_out.read_text(encoding="utf-8-sig").splitlines()[0].split(",")[3:9] == [
        "measures", "shortcomings", "causes", "first_responsible", "plan", "enforcement",
    ]
    page = html_out.read_text(encoding="utf-8")
    assert "<th>下年安排</th><th>行政执法工作情况</th><th>错误</th>" in page
    assert '"举措成效、行政执法工作情况"' in page  # the outline of 符合要求.txt names the county's part by its label


def test_county_role_is_a_line_of_the_web_checklist():
    from starlette.testclient import TestClient

    from checker.api import config_for
    from checker.web import create_app

    with TestClient(create_app(config_for(COUNTY / "不合要求.txt"), warm_up=False)) as client:
        files = [("file", (p.name, p.read_bytes(), "text/plain")) for p in sorted(COUNTY.glob("*.txt"))]
        payload = client.post("/api/check", files=files).json()
        roles = client.get("/api/info").json()["roles"]  # what the page calls each heading's part
    by_name = {f["path"]: {i["key"]: (i["label"], i["status"]) for i in f["checklist"]} for f in payload["files"]}
    assert by_name["不合要求.txt"]["enforcement"] == ("行政执法工作情况", "missing")
    assert by_name["符合要求.txt"]["enforcement"] == ("行政执法工作情况", "ok")
    assert list(by_name["符合要求.txt"]) == ["measures", "shortcomings", "causes", "first_responsible", "plan", "enforcement"]
    columns = [c["label"] for c in payload["review"]["columns"]]
    assert "行政执法工作情况" in columns
    assert roles["enforcement"] == "行政执法工作情况" and roles["measures"] == "举措成效"


def test_county_role_is_named_by_its_label_in_the_outline(monkeypatch):
    """``fzcheck outline`` names a heading's parts by the packs' [roles.*] labels; near miss: without the
    county's pack the same heading is only the measures."""
    from typer.testing import CliRunner

    from checker.cli import app

    monkeypatch.chdir(COUNTY)
    heading = "├─ 四、2024年度行政执法工作情况  "
    county = CliRunner().invoke(app, ["outline", "符合要求.txt"]).stdout
    assert heading + "[举措成效、行政执法工作情况（依据：“工作情况”第11行、“行政执法”第11行）] 第11–12行" in county
    plain = CliRunner().invoke(app, ["outline", "--no-config", "符合要求.txt"]).stdout
    assert heading + "[举措成效（依据：“工作情况”第11行）] 第11–12行" in plain


def test_default_packs_have_no_county_column():
    """Near miss: without the county pack there is no such column or line."""
    from checker.parts import columns, parts_of

    assert [p.key for p in columns(parts_of(load_ruleset()))] == ["measures", "shortcomings", "causes", "first_responsible", "plan"]
