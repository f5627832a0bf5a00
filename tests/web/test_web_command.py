"""``fzcheck serve``: its options, the missing-extra message, a busy port, a bad config."""

from __future__ import annotations

import socket
import sys

import pytest
from typer.testing import CliRunner

from checker.cli import app

runner = CliRunner()


@pytest.fixture
def served(monkeypatch):
    """Run ``serve`` without blocking: capture the app, the socket and uvicorn's settings."""
    import uvicorn

    seen: dict = {}

    def fake_run(self, sockets=None):
        seen["config"] = self.config
        seen["names"] = [s.getsockname()[:2] for s in sockets or ()]
        for s in sockets or ():
            s.close()

    monkeypatch.setattr(uvicorn.Server, "run", fake_run)
    return seen


def test_binds_localhost_by_default_and_prints_the_address(served):
    result = runner.invoke(app, ["serve", "--port", "0", "--no-config"])
    assert result.exit_code == 0, result.output
    host, port = served["names"][0]
    assert host == "127.0.0.1" and port > 0
    assert result.output.splitlines()[0] == f"fzcheck 检查网页已启动：http://127.0.0.1:{port}/  （按 Ctrl+C 停止）"
    assert "其他电脑" not in result.output


def test_other_hosts_are_told_they_are_reachable(served):
    result = runner.invoke(app, ["serve", "--host", "0.0.0.0", "--port", "0", "--no-config"])
    assert result.exit_code == 0, result.output
    assert "注意：已允许其他电脑访问" in result.output


def test_upload_cap_option_reaches_the_app(served):
    result = runner.invoke(app, ["serve", "--port", "0", "--max-upload-mb", "2.5", "--no-config"])
    assert result.exit_code == 0, result.output
    from starlette.testclient import TestClient

    with TestClient(served["config"].app, base_url="http://127.0.0.1:8000") as c:  # the server takes its own names only
        assert c.get("/api/info").json()["max_upload_bytes"] == int(2.5 * 1024 * 1024)


def test_config_file_is_used_and_named(served, tmp_path):
    cfg = tmp_path / "fzcheck.toml"
    cfg.write_text('ignore = ["FZ104"]\n', encoding="utf-8")
    result = runner.invoke(app, ["serve", "--port", "0", "--config", str(cfg)])
    assert result.exit_code == 0, result.output
    assert f"使用配置：{cfg.resolve()}" in result.output


def test_config_is_found_from_the_working_folder(served, tmp_path, monkeypatch):
    (tmp_path / "fzcheck.toml").write_text('ignore = ["FZ104"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["serve", "--port", "0"])
    assert result.exit_code == 0, result.output
    assert f"使用配置：{(tmp_path / 'fzcheck.toml').resolve()}" in result.output


def test_bad_config_is_a_chinese_message(served, tmp_path):
    cfg = tmp_path / "fzcheck.toml"
    cfg.write_text('ignroe = ["FZ104"]\n', encoding="utf-8")
    result = runner.invoke(app, ["serve", "--port", "0", "--config", str(cfg)])
    assert result.exit_code == 2
    assert f"{cfg.resolve()}:1: 未知的配置项 “ignroe”（是否应为 “ignore”？）" in result.output
    missing = runner.invoke(app, ["serve", "--config", str(tmp_path / "nope.toml")])
    assert missing.exit_code == 2
    assert "配置文件不存在" in missing.output


def test_busy_port_is_a_chinese_message(served):
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen(1)
    port = busy.getsockname()[1]
    try:
        result = runner.invoke(app, ["serve", "--port", str(port), "--no-config"])
    finally:
        busy.close()
    assert result.exit_code == 2
    assert f"fzcheck: 端口 {port} 已被占用，请换一个端口，例如：fzcheck serve --port {port + 1}" in result.output


@pytest.mark.parametrize(
    "args,message",
    [(["--port", "70000"], "端口应在 0–65535 之间"), (["--max-upload-mb", "0"], "--max-upload-mb 应大于 0")],
)
def test_bad_options(served, args, message):
    result = runner.invoke(app, ["serve", *args, "--no-config"])
    assert result.exit_code == 2
    assert message in result.output


@pytest.mark.parametrize("module", ["starlette", "uvicorn", "python_multipart"])
def test_missing_web_extra_says_how_to_install_it(monkeypatch, module):
    monkeypatch.setitem(sys.modules, module, None)  # import now raises ImportError
    result = runner.invoke(app, ["serve"])
    assert result.exit_code == 2
    assert result.output == "fzcheck: 网页功能需要额外的组件，请先安装：pip install 'fzcheck[web]'\n"


def test_check_does_not_import_the_web_stack():
    import subprocess

    code = "import sys, checker.cli; print(any(m in sys.modules for m in ('starlette', 'uvicorn', 'python_multipart', 'checker.web.app')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
