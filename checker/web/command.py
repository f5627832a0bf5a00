"""``fzcheck serve``: start the local web page.  Typer only at import time; the web stack
(Starlette, uvicorn, python-multipart) is imported inside the command."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

MISSING_EXTRA = "网页功能需要额外的组件，请先安装：pip install 'fzcheck[web]'"
LOOPBACK = ("127.0.0.1", "localhost", "::1")


def _fail(message: str) -> None:
    typer.echo(f"fzcheck: {message}", err=True)
    raise typer.Exit(2)


def _web_stack_missing() -> str:
    """The name of the first missing web module, or ''."""
    for module in ("starlette", "uvicorn", "python_multipart"):
        try:
            __import__(module)
        except ImportError:
            return module
    return ""


def _bind(host: str, port: int):
    import socket

    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror:
        _fail(f"无法识别地址 “{host}”，请用 IP 地址，如 --host 127.0.0.1")
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as exc:
        sock.close()
        if exc.errno in (98, 48, 10048):  # EADDRINUSE on Linux, macOS, Windows
            _fail(f"端口 {port} 已被占用，请换一个端口，例如：fzcheck serve --port {port + 1 if port else 8001}")
        _fail(f"无法在 {host}:{port} 上启动（{exc.strerror or exc}）")
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def _url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="监听地址；默认只允许本机访问，0.0.0.0 允许局域网访问"),
    port: int = typer.Option(8000, "--port", help="端口；0 表示自动选一个空闲端口"),
    max_upload_mb: float = typer.Option(20, "--max-upload-mb", help="每次上传的大小上限（MB）"),
    config: str | None = typer.Option(
        None, "--config", help="使用此配置文件（默认：从当前文件夹向上查找 fzcheck.toml）"
    ),
    no_config: bool = typer.Option(False, "--no-config", help="不读取 fzcheck.toml / pyproject.toml"),
) -> None:
    """启动本地检查网页：在浏览器中上传或粘贴报告，查看结构和每个问题。"""
    missing = _web_stack_missing()
    if missing:
        _fail(MISSING_EXTRA)
    if not 0 <= port <= 65535:
        _fail("端口应在 0–65535 之间")
    if not max_upload_mb > 0:
        _fail("--max-upload-mb 应大于 0")

    from ..api import config_for
    from ..config import Config, load_config
    from ..errors import ConfigError
    from .app import create_app

    try:
        if config:
            path = Path(config)
            if not path.is_file():
                _fail(f"配置文件不存在：{config}")
            cfg = load_config(path.resolve())
        elif no_config:
            cfg = Config()
        else:
            cfg = config_for(Path.cwd(), None, discover=True)
        from .guard import allowed_hosts

        app = create_app(cfg, max_upload_bytes=int(max_upload_mb * 1024 * 1024), allowed_hosts=allowed_hosts(host))
    except ConfigError as exc:
        _fail(str(exc))

    import uvicorn

    sock = _bind(host, port)
    url = _url(host, sock.getsockname()[1])
    typer.echo(f"fzcheck 检查网页已启动：{url}  （按 Ctrl+C 停止）")
    if cfg.source:
        typer.echo(f"使用配置：{cfg.source}")
    if host not in LOOPBACK:
        typer.echo("注意：已允许其他电脑访问；请在本单位内网使用，并用本机的 IP 地址打开上面的网址。")
    sys.stdout.flush()
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, server_header=False))
    server.run(sockets=[sock])
