from checker.api import check_bytes, check_path, check_text


def test_missing_file_is_fz901(tmp_path):
    result = check_path(tmp_path / "没有.txt", discover=False)
    assert result.error == "文件不存在"
    assert [(d.code, d.severity, d.message) for d in result.diagnostics] == [("FZ901", "error", "无法读取：文件不存在")]


def test_empty_file_is_fz902(tmp_path):
    empty = tmp_path / "空.txt"
    empty.write_bytes(b"")
    assert [d.code for d in check_path(empty, discover=False).diagnostics] == ["FZ902"]


def test_whitespace_only_text_is_fz902():
    assert [d.code for d in check_text(" \n\u3000\n").diagnostics] == ["FZ902"]


def test_binary_is_refused():
    result = check_bytes(b"\x00\x01\x02binary" * 50, "x.txt")
    assert [d.code for d in result.diagnostics] == ["FZ901"]
    assert "不是文本文件" in result.error


def test_readable_text_near_miss(report):
    assert [d for d in check_text(report).diagnostics if d.code.startswith("FZ9")] == []


def test_a_crashing_rule_becomes_fz903_for_that_file_only(tmp_path, monkeypatch, report):
    from checker import api
    from checker.kinds import required_role

    def boom(report, rule):
        raise RuntimeError("规则出错")
        yield

    monkeypatch.setattr(required_role, "check", boom)
    path = tmp_path / "r.txt"
    path.write_text(report, encoding="utf-8")
    result = api.check_path(path, discover=False)
    assert [(d.code, d.message) for d in result.diagnostics] == [
        ("FZ903", "检查此文件时出错，结果不完整：RuntimeError: 规则出错")
    ]
