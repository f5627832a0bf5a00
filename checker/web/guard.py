"""What the local web page accepts from a browser: only its own names, only its own page's posts.

``fzcheck serve`` listens on 127.0.0.1, and any website the user visits can make the browser send
requests there.  Two checks keep other sites out (a pure ASGI middleware, before any route):

- **Host**: a request must name the server as it was started — a loopback name (``127.0.0.1``,
  ``localhost``, ``[::1]``) or the ``--host`` given.  A site that rebinds its own DNS name to
  127.0.0.1 sends its own name, and is refused (421).  ``--host 0.0.0.0`` (the whole local
  network) accepts any name: the administrator chose to be reached by the machine's address.
- **Origin**: a POST (or any other method that is not GET/HEAD/OPTIONS) from another site is
  refused (403): ``Sec-Fetch-Site`` must be ``same-origin`` or ``none`` when the browser sends
  it, and ``Origin``, when sent, must be this server's own origin.  Requests from tools (curl,
  scripts) send neither header and are accepted.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
ANY_INTERFACE = frozenset({"0.0.0.0", "::", "[::]", ""})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
BAD_HOST = "请求的主机名不是本检查网页的地址，已拒绝。请用 fzcheck serve 启动时显示的网址打开本页。"
CROSS_SITE = "不接受来自其他网站的提交，已拒绝。请直接在 fzcheck 检查网页上上传或粘贴报告。"


def allowed_hosts(host: str) -> frozenset[str] | None:
    """The Host names accepted for a server started with ``--host host``; None: any name."""
    if host in ANY_INTERFACE:
        return None
    return LOOPBACK_NAMES | {host.lower(), f"[{host.lower()}]"}


def _host_name(value: str) -> str:
    """The name part of a Host header: ``127.0.0.1:8000`` → ``127.0.0.1``, ``[::1]:8000`` → ``[::1]``."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[: value.find("]") + 1] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class Guard:
    """Pure ASGI middleware: refuse foreign Host names and cross-site posts before any route runs."""

    def __init__(self, app, hosts: frozenset[str] | None = LOOPBACK_NAMES) -> None:
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        host = headers.get("host", "")
        if self.hosts is not None and _host_name(host) not in self.hosts:
            await _refuse(send, 421, BAD_HOST)
            return
        if scope.get("method", "GET").upper() not in SAFE_METHODS and _cross_site(headers, host):
            await _refuse(send, 403, CROSS_SITE)
            return
        await self.app(scope, receive, send)


def _cross_site(headers: dict[str, str], host: str) -> bool:
    fetch_site = headers.get("sec-fetch-site")
    if fetch_site is not None and fetch_site.lower() not in ("same-origin", "none"):
        return True
    origin = headers.get("origin")
    if origin is None:
        return False
    if origin == "null":
        return True
    parts = urlsplit(origin)
    return parts.netloc.lower() != host.strip().lower()


async def _refuse(send, status: int, message: str) -> None:
    body = json.dumps({"error": message}, ensure_ascii=False).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


def within_request_time(work, *args):
    """Run ``work(*args)`` (in a worker thread) under the request's time limit: every file in it
    still has its own, and once the request's is used up the remaining files end at once, each
    with its FZ904 — so work stops soon after a client has gone."""
    from ..limits import REQUEST_SECONDS, time_limit

    with time_limit(REQUEST_SECONDS):
        return work(*args)
