"""POST /api/check: the same library call as the CLI, in memory, capped, isolated, in Chinese."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path

import pytest

from checker.api import check_bytes, check_path, check_text
from checker.config import Config
from checker.formats.json import file_dict
from checker.web import create_app
from checker.web.app import FILE_ERROR, INTERNAL_ERROR

SEED_FILES = sorted((Path(__file__).resolve().parents[2] / "fixtures" / "seeds").glob("*.txt"))
SEED_000 = SEED_FILES[0]


def _contract(entry: dict) -> dict:
    """The --format json part of a file entry (what the CLI prints), without the path."""
    keys = ("encoding", "source", "title", "entity", "year", "sections", "diagnostics")
    out = {k: entry[k] for k in keys}
    page_only = ("start", "end", "title", "part")
    out["diagnostics"] = [{k: v for k, v in d.items() if k not in page_only} for d in entry["diagnostics"]]
    return out


def test_findings_carry_the_rules_chinese_title_and_missing_parts_their_place(client, upload):
    entry = upload(client, SEED_000).json()["files"][0]
    by_code = {d["code"]: d for d in entry["diagnostics"]}
    assert by_code["FZ104"]["title"] == "缺少第一责任人履职情况"
    assert by_code["FZ501"]["title"] == "旧提法"
    # the two findings that say a part is missing name that part; the others do not
    assert {d["code"]: d.get("part") for d in entry["diagnostics"] if "part" in d} == {
        "FZ104": "first_responsible",
        "FZ103": "causes",
    }
    places = {i["key"]: i["expected_before"] for i in entry["checklist"]}
    # 四、存在的问题及2025年度工作计划 (lines 15–19) holds the shortcomings and the plan: the causes and the
    # first-responsible part belong after it, not on the title
    assert places == {
        "measures": None,
        "shortcomings": None,
        "causes": 20,
        "first_responsible": 20,
        "plan": None,
    }


def test_a_deleted_part_is_expected_between_its_neighbours(client, upload):
    path = Path(__file__).resolve().parents[2] / "fixtures" / "cases" / "shortcomings-deleted.txt"
    entry = upload(client, path).json()["files"][0]
    lines = entry["text"].split("\n")
    places = {i["key"]: i["expected_before"] for i in entry["checklist"] if i["status"] == "missing"}
    assert places == {"shortcomings": 7, "causes": 7}
    assert lines[6].startswith("二、2024年度党政主要负责人")  # the part that follows the shortcomings


@pytest.mark.parametrize("path", SEED_FILES, ids=[p.name[:3] for p in SEED_FILES])
def test_each_seed_gives_what_the_cli_gives(client, path, upload, seed_checklists):
    res = upload(client, path)
    assert res.status_code == 200
    entry = res.json()["files"][0]
    expected = file_dict(check_path(path, Config(), with_roles=True, discover=False))
    assert entry["path"] == path.name
    assert _contract(entry) == _contract(expected)
    statuses = {item["key"]: item["status"] for item in entry["checklist"]}
    assert statuses == seed_checklists[path.name[:3]]


def test_seed_000_facts_checklist_offsets_and_counts(client, upload):
    body = upload(client, SEED_000).json()
    entry = body["files"][0]
    assert entry["facts"] == {
        "title": "湟中区群加藏族乡2024年法治政府建设情况报告",
        "year": 2024,
        "year_source": "title",
        "entity": "湟中区群加藏族乡",
        "doc_type": "report",
        "lookalike": "",
    }
    text = entry["text"]
    fz104 = next(d for d in entry["diagnostics"] if d["code"] == "FZ104")
    assert (fz104["line"], fz104["column"], fz104["severity"]) == (1, 1, "error")
    assert text[fz104["start"] : fz104["end"]] == "湟中区群加藏族乡\n2024年法治政府建设情况报告"
    fz103 = next(d for d in entry["diagnostics"] if d["code"] == "FZ103")
    assert (fz103["line"], fz103["column"]) == (15, 3)
    assert text[fz103["start"] : fz103["end"]] == "存在的问题及2025年度工作计划"
    assert fz103["message"] == "“存在的问题及2025年度工作计划”只列问题，未分析原因"
    causes = next(i for i in entry["checklist"] if i["key"] == "causes")
    assert causes == {
        "key": "causes",
        "label": "不足的原因",
        "status": "missing",
        "codes": ["FZ103"],
        "notes": ["“存在的问题及2025年度工作计划”只列问题，未分析原因"],
        "sections": [{"marker": "四、", "heading": "存在的问题及2025年度工作计划", "line": 15}],
        "expected_before": 20,
    }
    counts = {s: sum(1 for d in entry["diagnostics"] if d["severity"] == s) for s in ("error", "warning", "info")}
    assert entry["counts"] == {"errors": counts["error"], "warnings": counts["warning"], "infos": counts["info"]}
    assert body["summary"] == {"files": 1, **entry["counts"]}
    tree = entry["outline"]["sections"]
    assert [(s["marker"], s["line"], s["end_line"]) for s in tree] == [
        ("一、", 6, 7),
        ("二、", 9, 10),
        ("三、", 12, 13),
        ("四、", 15, 19),
    ]
    assert tree[3]["role"] == ["shortcomings", "plan"]
    assert entry["outline"]["title_lines"] == [1, 2]


def test_pasted_text_multipart_and_json_give_check_text(client, report):
    expected = file_dict(check_text(report, Config(), path="粘贴的文本", with_roles=True))
    by_form = client.post("/api/check", data={"text": report})
    by_json = client.post("/api/check", json={"text": report, "name": "示例乡.txt"})
    assert by_form.status_code == by_json.status_code == 200
    assert by_form.json()["files"][0]["path"] == "粘贴的文本"
    assert by_json.json()["files"][0]["path"] == "示例乡.txt"
    for res in (by_form, by_json):
        entry = res.json()["files"][0]
        assert _contract(entry) == _contract(expected)
        assert [i["status"] for i in entry["checklist"]] == ["ok"] * 5


def test_several_files_are_checked_in_order(client, upload, seed):
    res = upload(client, seed("003"), seed("000"), seed("001"))
    body = res.json()
    assert [f["path"] for f in body["files"]] == [seed("003").name, seed("000").name, seed("001").name]
    assert body["summary"]["files"] == 3
    assert body["summary"]["errors"] == sum(f["counts"]["errors"] for f in body["files"])


def test_size_cap_gives_413_with_a_chinese_message(upload):
    with_cap = create_app(Config(), max_upload_bytes=100 * 1024, warm_up=False)
    from starlette.testclient import TestClient

    with TestClient(with_cap) as small:
        ok = upload(small, SEED_000)
        assert ok.status_code == 200
        res = upload(small, ("大文件.txt", "法治".encode() * 60_000))  # 360 000 bytes
        assert res.status_code == 413
        assert res.json() == {
            "error": "上传的内容过大（352 KB），上限为 100 KB。请删去报告中的图片后再试，或分批上传；"
            "管理员可用 fzcheck serve --max-upload-mb 调高上限。"
        }
        # Two files each under the cap but together over it.
        together = upload(small, ("a.txt", b"a" * 60 * 1024), ("b.txt", b"b" * 60 * 1024))
        assert together.status_code == 413
        assert together.json()["error"].startswith("上传的内容过大（120 KB），上限为 100 KB。")

        # A body without Content-Length is counted while it streams in.
        def chunks():
            for _ in range(40):
                yield b"x" * 8192

        streamed = small.post("/api/check", content=chunks(), headers={"content-type": "application/json"})
        assert streamed.status_code == 413
        assert streamed.json()["error"].startswith("上传的内容过大，上限为 100 KB。")


def test_declared_length_over_the_cap_is_refused_before_reading():
    from starlette.testclient import TestClient

    app = create_app(Config(), max_upload_bytes=1024 * 1024, warm_up=False)
    with TestClient(app) as c:
        res = c.post(
            "/api/check",
            content=b"{}",
            headers={"content-length": str(30 * 1024 * 1024), "content-type": "application/json"},
        )
    assert res.status_code == 413
    assert res.json()["error"].startswith("上传的内容过大（30 MB），上限为 1 MB。")


def test_type_is_decided_by_content_not_by_name(client, upload):
    data = SEED_000.read_bytes()
    as_txt = upload(client, ("报告.txt", data)).json()["files"][0]
    as_docx = upload(client, ("报告.docx", data)).json()["files"][0]
    as_pdf = upload(client, ("报告.pdf", data)).json()["files"][0]
    assert as_docx["source"] == as_pdf["source"] == "text"
    assert as_docx["encoding"] == "utf-8"
    assert _contract(as_docx) == _contract(as_txt) == _contract(as_pdf)
    gbk = upload(client, ("报告.docx", SEED_000.read_text(encoding="utf-8").encode("gb18030"))).json()["files"][0]
    assert gbk["encoding"] == "gb18030"
    assert gbk["entity"] == "湟中区群加藏族乡"


def test_binary_file_under_a_text_name_gives_the_readers_message(client, upload):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    res = upload(client, ("报告.txt", png))
    assert res.status_code == 422
    body = res.json()
    expected = check_bytes(png, "报告.txt").error  # the reader's own message, passed through unchanged
    assert expected
    assert body["error"] == f"报告.txt：{expected}"
    entry = body["files"][0]
    assert entry["error"] == expected
    assert [d["code"] for d in entry["diagnostics"]] == ["FZ901"]
    assert entry["checklist"] == [] and entry["facts"] is None and entry["outline"] is None


def test_empty_file_is_named_and_explained(client, upload):
    res = upload(client, ("空.txt", b"  \n"))
    assert res.status_code == 422
    assert res.json()["error"] == "空.txt：文件为空，没有可检查的内容"


def test_one_bad_file_among_good_ones_does_not_fail_the_request(client, upload):
    res = upload(client, SEED_000, ("坏.txt", b"\x00\x01\x02" * 100))
    assert res.status_code == 200
    files = res.json()["files"]
    assert "error" not in files[0]
    assert files[1]["error"].startswith("这不是文本文件")


def test_a_reader_crash_is_a_chinese_message_not_a_stack_trace(client, monkeypatch, upload):
    import checker.web.app as web_app

    def boom(*args, **kwargs):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(web_app, "check_bytes", boom)
    res = upload(client, SEED_000)
    assert res.status_code == 422
    assert res.json()["files"][0]["error"] == FILE_ERROR
    assert [d["code"] for d in res.json()["files"][0]["diagnostics"]] == ["FZ903"]  # a bug, not an empty file
    assert "secret" not in res.text and "Traceback" not in res.text


def test_an_unexpected_server_error_is_a_chinese_message(client, monkeypatch, upload):
    import checker.web.app as web_app

    monkeypatch.setattr(web_app, "payload_of", lambda *a, **k: 1 / 0)
    res = upload(client, SEED_000)
    assert res.status_code == 500
    assert res.json() == {"error": INTERNAL_ERROR}


@pytest.mark.parametrize(
    "kwargs,status,message",
    [
        ({"data": {"text": "   "}}, 400, "请选择要检查的报告文件，或粘贴报告全文"),
        ({"json": {"txt": "x"}}, 400, 'JSON 中缺少 text 字段；应为 {"text": "报告全文"}'),
        (
            {"content": b"{oops", "headers": {"content-type": "application/json"}},
            400,
            '请求内容不是有效的 JSON；应为 {"text": "报告全文"}',
        ),
        (
            {"content": b"abc", "headers": {"content-type": "text/csv"}},
            415,
            '请以 multipart/form-data 上传文件，或以 JSON 提交 {"text": "…"}',
        ),
        (
            {"content": b"--x\r\nbroken", "headers": {"content-type": "multipart/form-data; boundary=x"}},
            400,
            "上传内容不完整或已损坏，请重新选择文件上传",
        ),
    ],
    ids=["blank", "no-text", "bad-json", "csv", "broken-multipart"],
)
def test_bad_requests_get_chinese_messages(client, kwargs, status, message):
    res = client.post("/api/check", **kwargs)
    assert res.status_code == status
    assert res.json() == {"error": message}


def test_unknown_paths_and_methods(client):
    assert client.get("/api/nothing").json() == {"error": "没有这个页面或接口"}
    res = client.get("/api/check")
    assert res.status_code == 405
    assert res.json() == {"error": "请用 POST 提交报告"}


def test_too_many_files(upload):
    from starlette.testclient import TestClient

    with TestClient(create_app(Config(), max_files=2, warm_up=False)) as c:
        res = upload(c, ("a.txt", b"a"), ("b.txt", b"b"), ("c.txt", b"c"))
    assert res.status_code == 413
    assert res.json() == {"error": "一次最多检查 2 个文件，请分批上传"}


def test_folder_names_sent_by_a_browser_are_dropped(client, upload):
    res = upload(client, ("C:\\Users\\张三\\桌面\\报告.txt", SEED_000.read_bytes()))
    assert res.json()["files"][0]["path"] == "报告.txt"


def test_uploads_never_touch_the_disk(client, monkeypatch, upload):
    import tempfile

    def refuse(*args, **kwargs):
        raise AssertionError("an upload was written to a temporary file")

    for name in ("TemporaryFile", "NamedTemporaryFile", "SpooledTemporaryFile", "mkstemp", "mkdtemp"):
        monkeypatch.setattr(tempfile, name, refuse)
    big = SEED_000.read_bytes() + "\n".join(["一是继续加强学法用法。" * 16] * 5_000).encode()  # ~2.6 MB, under the line limit
    res = upload(client, ("大报告.txt", big))
    assert res.status_code == 200
    assert res.json()["files"][0]["entity"] == "湟中区群加藏族乡"
    several = upload(client, *SEED_FILES[:3])  # the review of several uploads stays in memory too
    assert several.status_code == 200 and len(several.json()["review"]["rows"]) == 3


def test_security_headers_and_no_caching(client):
    res = client.get("/")
    assert res.status_code == 200
    assert res.headers["content-type"] == "text/html; charset=utf-8"
    assert "default-src 'self'" in res.headers["content-security-policy"]
    assert res.headers["x-content-type-options"] == "nosniff"
    assert res.headers["cache-control"] == "no-store"
    assert "<title>fzcheck 法治政府建设年度报告检查</title>" in res.text


def test_page_loads_nothing_from_elsewhere(client):
    page = client.get("/").text
    script = client.get("/static/app.js")
    style = client.get("/static/app.css")
    assert script.status_code == style.status_code == 200
    for text in (page, script.text, style.text):
        assert "http://" not in text and "https://" not in text and "//cdn" not in text


def test_config_applies_to_every_check(upload):
    from starlette.testclient import TestClient

    config = Config(ignore=("FZ104",), severity={"FZ103": "error"}, source="/county/fzcheck.toml")
    with TestClient(create_app(config, warm_up=False)) as c:
        info = c.get("/api/info").json()
        entry = upload(c, SEED_000).json()["files"][0]
    assert info["config"] == "/county/fzcheck.toml"
    codes = {d["code"]: d["severity"] for d in entry["diagnostics"]}
    assert "FZ104" not in codes and codes["FZ103"] == "error"
    statuses = {i["key"]: i["status"] for i in entry["checklist"]}
    assert statuses["first_responsible"] == "unchecked"
    assert statuses["causes"] == "missing"


def test_concurrent_requests_see_only_their_own_results():
    """Twenty checks of five different reports at once, in threads: each answer is its own report's."""
    import httpx2

    app = create_app(Config(), warm_up=False)
    expected = {
        p.name: _contract(file_dict(check_path(p, Config(), with_roles=True, discover=False))) for p in SEED_FILES
    }
    order = [SEED_FILES[i % len(SEED_FILES)] for i in range(20)]

    async def main():
        transport = httpx2.ASGITransport(app=app)
        async with httpx2.AsyncClient(transport=transport, base_url="http://test") as c:

            async def one(path, k):
                name = f"{k:02d}-{path.name}"
                res = await c.post("/api/check", files={"file": (name, path.read_bytes())})
                return path, name, res

            return await asyncio.gather(*(one(p, k) for k, p in enumerate(order)))

    answers = asyncio.run(main())
    assert len(answers) == 20
    for path, name, res in answers:
        assert res.status_code == 200
        files = res.json()["files"]
        assert [f["path"] for f in files] == [name]
        assert _contract(files[0]) == expected[path.name]


def test_a_typical_report_answers_in_under_half_a_second_when_warm(client, upload, seed):
    data = seed("003").read_bytes()  # the longest seed, 11.6 kB
    upload(client, ("warm.txt", data))
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        res = upload(client, ("003.txt", data))
        timings.append(time.perf_counter() - started)
        assert res.status_code == 200
    assert sorted(timings)[2] < 0.5, timings


def test_info_describes_the_server(client):
    info = client.get("/api/info").json()
    assert info["max_upload_bytes"] == 20 * 1024 * 1024
    assert info["config"] is None
    assert info["rules"] > 10
    assert set(info["features"]) == {"xlsx", "review", "fixed"}
    assert json.dumps(info, ensure_ascii=False)


ROOT = Path(__file__).resolve().parents[2]
BROKEN = sorted((ROOT / "fixtures" / "broken").glob("*"))


@pytest.mark.parametrize("path", BROKEN, ids=[p.name for p in BROKEN])
def test_broken_files_are_refused_with_the_readers_message(client, upload, path):
    """Zip bombs, XML entities, encrypted and corrupt files: the reader's Chinese message, HTTP 422."""
    expected = check_path(path, Config(), discover=False)
    assert expected.error  # the fixture really is unreadable
    res = upload(client, ("上传的文件.txt", path.read_bytes()))  # the name does not matter
    assert res.status_code == 422
    body = res.json()
    assert body["error"] == f"上传的文件.txt：{expected.error}"
    assert [d["code"] for d in body["files"][0]["diagnostics"]] == [d.code for d in expected.diagnostics]
    assert "Traceback" not in res.text


def test_zip_bomb_and_xml_entities_are_named(client, upload):
    bomb = upload(client, ROOT / "fixtures" / "broken" / "zipbomb.docx").json()
    xxe = upload(client, ROOT / "fixtures" / "broken" / "xxe.docx").json()
    assert "压缩炸弹" in bomb["error"]
    assert "实体声明" in xxe["error"]


def test_docx_is_read_by_content_even_under_a_txt_name(client, upload):
    docx = ROOT / "fixtures" / "docx" / "seed_000.docx"
    expected = file_dict(check_path(docx, Config(), with_roles=True, discover=False))
    entry = upload(client, ("报告.txt", docx.read_bytes())).json()["files"][0]
    assert entry["source"] == "docx"
    assert _contract(entry) == _contract(expected)
    fz104 = next(d for d in entry["diagnostics"] if d["code"] == "FZ104")
    assert fz104["location"] == "第1段"
    assert [i["status"] for i in entry["checklist"]] == ["ok", "ok", "missing", "missing", "ok"]


REVIEW_KEYS = (
    "entity",
    "year",
    "title",
    "measures",
    "shortcomings",
    "first_responsible",
    "plan",
    "errors",
    "warnings",
    "infos",
    "status",
    "error",
)


def test_several_files_give_the_same_table_as_fzcheck_review(client, upload):
    from typer.testing import CliRunner

    from checker.cli import app

    cli = CliRunner().invoke(app, ["review", str(SEED_000.parent), "--format", "json", "--no-config", "--jobs", "1"])
    assert cli.exit_code in (0, 1), cli.output
    expected = {Path(r["file"]).name: {k: r[k] for k in REVIEW_KEYS} for r in json.loads(cli.stdout)["reports"]}
    body = upload(client, *SEED_FILES).json()
    review = body["review"]
    assert [c["label"] for c in review["columns"]] == [
        "文件",
        "单位",
        "年度",
        "举措成效",
        "存在不足",
        "不足的原因",
        "第一责任人",
        "下年安排",
        "错误",
        "警告",
        "提示",
        "结论",
        "说明",
    ]
    got = {r["file"]: {k: r[k] for k in REVIEW_KEYS} for r in review["rows"]}
    assert got == expected
    # Each report's own view counts the same findings as its row.
    for entry, row in zip(body["files"], review["rows"]):
        assert entry["path"] == row["file"]
        assert entry["counts"] == {k: row[k] for k in ("errors", "warnings", "infos")}
    assert review["status_labels"]["fail"] == "有错误"


COPIED = "一是强化组织领导。成立以乡党委书记为组长、乡长为副组长的法治政府建设工作领导小组，统筹协调全乡法治建设工作，全年召开专题会议2次。"


def _township(name: str, body: str) -> bytes:
    return (
        f"{name}2024年法治政府建设年度报告\n一、2024年度推进法治政府建设的主要举措和成效\n{body}\n"
        "二、存在的不足和原因\n一是普法形式单一。究其原因，主要是人员不足。\n"
        "三、党政主要负责人履行推进法治建设第一责任人职责情况\n党委书记亲自部署法治工作。\n"
        "四、2025年度推进法治政府建设的主要安排\n一是加强学法。\n"
    ).encode()


def test_a_paragraph_copied_between_uploads_is_found_and_highlighted_in_both(client, upload):
    a = _township("甲乡", COPIED)
    b = _township("乙镇", COPIED.replace("2次", "3次"))
    body = upload(client, ("甲乡.txt", a), ("乙镇.txt", b)).json()
    for entry, row in zip(body["files"], body["review"]["rows"]):
        copied = [d for d in entry["diagnostics"] if d["code"] == "FZ701"]
        assert len(copied) == 1, entry["path"]
        d = copied[0]
        assert (d["line"], d["column"]) == (3, 1)
        assert entry["text"][d["start"] : d["end"]].startswith("一是强化组织领导")
        assert entry["counts"]["warnings"] == row["warnings"]
    assert (
        "乙镇"
        in body["files"][0]["diagnostics"][[d["code"] for d in body["files"][0]["diagnostics"]].index("FZ701")][
            "message"
        ]
    )


def test_two_uploads_with_the_same_name_stay_apart(client, upload):
    body = upload(client, ("报告.txt", SEED_000.read_bytes()), ("报告.txt", SEED_FILES[4].read_bytes())).json()
    assert [f["path"] for f in body["files"]] == ["报告.txt", "报告(2).txt"]
    assert [r["file"] for r in body["review"]["rows"]] == ["报告.txt", "报告(2).txt"]
    assert body["files"][1]["entity"] == body["review"]["rows"][1]["entity"] == "措美县哲古镇"


def test_the_workbook_is_the_review_workbook(client, upload):
    import io

    import openpyxl

    res = upload(client, SEED_000, SEED_FILES[1], url="/api/xlsx")
    assert res.status_code == 200
    assert res.headers["content-type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert (
        res.headers["content-disposition"]
        == "attachment; filename=\"fzcheck-____.xlsx\"; filename*=UTF-8''fzcheck-%E6%A3%80%E6%9F%A5%E7%BB%93%E6%9E%9C.xlsx"
    )
    wb = openpyxl.load_workbook(io.BytesIO(res.content), read_only=True)
    assert wb.sheetnames == ["报告一览", "全部问题", "规则统计", "说明"]
    overview = list(wb["报告一览"].iter_rows(values_only=True))
    assert [r[0] for r in overview[1:]] == [SEED_000.name, SEED_FILES[1].name]
    checked = upload(client, SEED_000, SEED_FILES[1]).json()
    findings = list(wb["全部问题"].iter_rows(values_only=True))
    header = list(findings[0])
    got = [
        (r[header.index("文件")], r[header.index("行")], r[header.index("列")], r[header.index("代码")])
        for r in findings[1:]
    ]
    assert got == [(f["path"], d["line"], d["column"], d["code"]) for f in checked["files"] for d in f["diagnostics"]]


def test_one_report_workbook_is_named_after_it(client, upload):
    res = upload(client, SEED_000, url="/api/xlsx")
    assert res.status_code == 200
    assert (
        "filename*=UTF-8''000_0c2af4e7f0c2d5ea-%E6%A3%80%E6%9F%A5%E7%BB%93%E6%9E%9C.xlsx"
        in res.headers["content-disposition"]
    )


def test_fixed_word_file_applies_the_safe_fixes_only_and_stays_word(client, upload):
    fixable = ROOT / "fixtures" / "docx" / "fixable.docx"
    checked = upload(client, fixable).json()["files"][0]
    safe = [d for d in checked["diagnostics"] if d["fix"] and d["fix"]["applicability"] == "safe"]
    assert checked["fixable"] == len(safe) > 0
    res = upload(client, fixable, url="/api/fixed")
    assert res.status_code == 200
    assert res.headers["content-type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert "-%E4%BF%AE%E6%AD%A3.docx" in res.headers["content-disposition"]  # fixable-修正.docx
    assert res.headers["x-fzcheck-applied"] == str(len(safe))
    assert res.content[:4] == b"PK\x03\x04"
    after = upload(client, ("fixed.docx", res.content)).json()["files"][0]
    assert after["source"] == "docx"
    assert not [d for d in after["diagnostics"] if d["fix"] and d["fix"]["applicability"] == "safe"]
    remaining = {d["code"] for d in checked["diagnostics"]} - {d["code"] for d in safe}
    assert remaining <= {d["code"] for d in after["diagnostics"]}
    assert after["text"].split("\n", 1)[0] == checked["text"].split("\n", 1)[0]


def test_fixed_text_for_a_text_upload(client, upload):
    text = "示例乡2024年法治政府建设年度报告\n一、主要举措和成效\n全年办理案件9件 。\n"
    res = upload(client, ("t.txt", text.encode("utf-8")), url="/api/fixed")
    assert res.status_code == 200 and res.headers["content-type"] == "text/plain; charset=utf-8"
    assert res.text == text.replace("9件 。", "9件。")


def test_fixed_text_keeps_windows_line_ends(client, upload):
    text = "示例乡2024年法治政府建设年度报告\r\n一、主要举措和成效\r\n全年办理行政复议案件（含撤回）9件 。\r\n"
    res = upload(client, ("crlf.txt", text.encode("utf-8")), url="/api/fixed")
    assert res.status_code == 200
    assert "\r\n" in res.text and "\n" not in res.text.replace("\r\n", "")


def test_fixed_text_wants_exactly_one_report(client, upload):
    res = upload(client, SEED_000, SEED_FILES[1], url="/api/fixed")
    assert res.status_code == 400
    assert res.json() == {"error": "一次只能下载一份报告的修正文本，请只提交一个文件或一段文本"}
    bad = upload(client, ("坏.txt", b"\x00" * 50), url="/api/fixed")
    assert bad.status_code == 422
    assert bad.json()["error"].startswith("坏.txt：")
