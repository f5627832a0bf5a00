"""The Starlette app: the page (static files shipped in this package) and the JSON API.

Every request is handled in memory and forgotten: no upload, result or log of
content is kept.  Checking runs in a worker thread through the same library call
as ``fzcheck check`` (``checker.api.check_bytes`` / ``check_text``) with the
server's configuration.
"""

from __future__ import annotations

import logging
import time
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..api import check_bytes, check_text, input_failure, ruleset_for
from ..config import Config
from ..engine import active_rules
from ..formats.payload import check_payload as payload_of
from ..ingest import InputError
from ..ingest.errors import CHECKER_FAILURE
from ..parts import parts_of, role_labels
from . import review as web_review
from .guard import Guard, within_request_time
from .uploads import MB, Submission, UploadError, parse_submission, read_body

log = logging.getLogger("fzcheck.web")
STATIC = Path(__file__).resolve().parent / "static"
DEFAULT_MAX_UPLOAD = 20 * MB
DEFAULT_MAX_FILES = 200
INTERNAL_ERROR = "服务器内部错误，这次检查没有完成。请重试；如仍出错，请把文件交给维护人员。"
FILE_ERROR = "检查此文件时出现内部错误。请确认文件没有损坏；如仍出错，请把文件交给维护人员。"
WARM_UP = "某乡2024年法治政府建设情况报告\n一、主要举措和成效\n开展学法活动。\n二、存在的不足和原因\n一是宣传不足。\n"

SECURITY_HEADERS = [
    (
        b"content-security-policy",
        (
            b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; "
            b"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
        ),
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-store"),
]


class _SecurityHeaders:
    """Pure ASGI middleware: the page loads nothing from elsewhere and nothing is cached."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def _attachment(name: str) -> str:
    ascii_name = "".join(ch if ch.isascii() and ch.isprintable() and ch not in '"\\;' else "_" for ch in name)
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"


def _stem(name: str) -> str:
    return name.rsplit(".", 1)[0] if "." in name.strip(".") else name


def fixes_available() -> bool:
    try:
        from ..fixes import fix_document, rebuild_text  # noqa: F401
    except ImportError:
        return False
    return True


DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def fixed_text(result, config: Config) -> tuple[str, int]:
    """The report's text with every safe fix applied to a fixed point (as ``fzcheck check --fix``
    does), and how many fixes were applied."""
    from ..api import check_document
    from ..fixes import fix_document, rebuild_text

    doc = result.document
    outcome = fix_document(doc, lambda d: check_document(d, config, True), rebuild_text)
    text = outcome.document.text
    if doc.source in ("text", "markdown") and doc.newline != "\n":
        text = text.replace("\n", doc.newline)
    return text, sum(outcome.applied.values())


def fixed_file(result, data: bytes | str, config: Config) -> tuple[bytes, str, str, int]:
    """(bytes, media type, file suffix, fixes applied): a Word upload comes back as a fixed .docx
    with its formatting kept (as ``fzcheck check --fix`` writes 报告.fixed.docx); text as UTF-8 text."""
    if result.document.source == "docx" and isinstance(data, bytes):
        from ..api import check_document
        from ..fixmode import fix_docx_bytes

        fixed, outcome = fix_docx_bytes(data, result.document, lambda d: check_document(d, config, True))
        return fixed, DOCX_TYPE, ".docx", sum(outcome.applied.values())
    text, applied = fixed_text(result, config)
    return text.encode("utf-8"), "text/plain; charset=utf-8", ".txt", applied


def unique_names(names: list[str]) -> list[str]:
    """Uploaded names made unique (two 报告.docx from different folders): 报告.docx, 报告(2).docx."""
    seen: set[str] = set()
    out = []
    for name in names:
        candidate, n = name, 1
        while candidate in seen:
            n += 1
            stem, dot, suffix = name.rpartition(".")
            candidate = f"{stem}({n}).{suffix}" if dot and stem else f"{name}({n})"
        seen.add(candidate)
        out.append(candidate)
    return out


class _Server:
    """What every request of one app needs: the server's configuration, what it derived from its rule
    packs once (the rules that are on, their Chinese titles, the required parts), and the limits."""

    def __init__(self, config: Config, max_upload_bytes: int, max_files: int) -> None:
        self.config = config
        ruleset = ruleset_for(config)
        self.active = frozenset(r.code for r in active_rules(ruleset, config))
        self.titles = {code: rule.title for code, rule in ruleset.rules.items() if rule.title}
        self.parts = parts_of(ruleset)
        self.role_labels = role_labels(ruleset)
        self.max_upload_bytes = max_upload_bytes
        self.max_files = max_files

    # ---------------------------------------------------------------- checking

    def check_item(self, name: str, data: bytes | str):
        try:
            if isinstance(data, str):
                return check_text(data, self.config, path=name, with_roles=True)
            return check_bytes(data, name, self.config, with_roles=True)
        except Exception:  # a reader or rule bug must not reach the user as a stack trace
            log.exception("checking %s failed", name)
            return input_failure(name, InputError(name, FILE_ERROR, CHECKER_FAILURE), self.config)

    def check_payload(self, items) -> dict:
        results = [self.check_item(name, data) for name, data in items]
        several = len(items) > 1 and web_review.available()
        review = web_review.review_results(results, self.config) if several else None
        return payload_of(results, self.active, self.titles, review, parts=self.parts)

    async def submission(self, request: Request) -> Submission:
        body = await read_body(request, self.max_upload_bytes)
        # off the event loop: a form of 100,000 parts must not stall every other request (docs/limits.md)
        content_type = request.headers.get("content-type", "")
        return await run_in_threadpool(parse_submission, body, content_type, self.max_upload_bytes, self.max_files)

    # ---------------------------------------------------------------- endpoints

    async def index(self, request: Request) -> Response:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    async def info(self, request: Request) -> Response:
        from .. import __version__

        return JSONResponse(
            {
                "version": __version__,
                "max_upload_bytes": self.max_upload_bytes,
                "max_files": self.max_files,
                "config": self.config.source or None,
                "rules": len(self.active),
                "roles": self.role_labels,
                "features": {
                    "xlsx": web_review.available() and web_review.workbook_available(),
                    "review": web_review.available(),
                    "fixed": fixes_available(),
                },
            }
        )

    async def api_check(self, request: Request) -> Response:
        sub = await self.submission(request)
        started = time.perf_counter()
        payload = await run_in_threadpool(within_request_time, self.check_payload, items_of(sub))
        payload["elapsed_ms"] = round((time.perf_counter() - started) * 1000, 1)
        return JSONResponse(payload, status_code=422 if "error" in payload else 200)

    async def api_xlsx(self, request: Request) -> Response:
        if not (web_review.available() and web_review.workbook_available()):
            return _error(501, "此服务器不能导出 XLSX：请安装 fzcheck 的完整版本（pip install 'fzcheck[web]'）")
        items = items_of(await self.submission(request))
        data = await run_in_threadpool(
            lambda: web_review.workbook(web_review.review_results([self.check_item(n, d) for n, d in items], self.config))
        )
        name = (_stem(items[0][0]) if len(items) == 1 else "fzcheck") + "-检查结果.xlsx"
        return Response(
            data,
            media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            headers={"content-disposition": _attachment(name)},
        )

    async def api_fixed(self, request: Request) -> Response:
        if not fixes_available():
            return _error(501, "此版本尚不能自动修正")
        items = items_of(await self.submission(request))
        if len(items) != 1:
            return _error(400, "一次只能下载一份报告的修正文本，请只提交一个文件或一段文本")
        result = await run_in_threadpool(self.check_item, *items[0])
        if result.error:
            return _error(422, f"{result.path}：{result.error}")
        body, media_type, suffix, applied = await run_in_threadpool(fixed_file, result, items[0][1], self.config)
        return Response(
            body,
            media_type=media_type,
            headers={
                "content-disposition": _attachment(_stem(result.path) + "-修正" + suffix),
                "x-fzcheck-applied": str(applied),
            },
        )

    async def openapi(self, request: Request) -> Response:
        from .openapi import openapi_document

        return JSONResponse(openapi_document(self.max_upload_bytes))


def items_of(sub: Submission) -> list[tuple[str, bytes | str]]:
    """(unique name, bytes of a file or str of pasted text) in the order given."""
    raw: list[tuple[str, bytes | str]] = [(f.name, f.data) for f in sub.files]
    if sub.text is not None and sub.text.strip():
        raw.append((sub.text_name, sub.text))
    return list(zip(unique_names([n for n, _ in raw]), [d for _, d in raw]))


def guarded(handler):
    """An endpoint whose upload errors become their Chinese message and any other error a 500 in Chinese."""

    async def endpoint(request: Request) -> Response:
        try:
            return await handler(request)
        except UploadError as exc:
            return _error(exc.status, exc.message)
        except Exception:
            log.exception("request %s failed", request.url.path)
            return _error(500, INTERNAL_ERROR)

    return endpoint


async def _not_found(request: Request, exc: HTTPException) -> Response:
    if exc.status_code == 405:
        return _error(405, "请用 POST 提交报告")
    return _error(exc.status_code, "没有这个页面或接口" if exc.status_code == 404 else "请求无法处理")


async def _server_error(request: Request, exc: Exception) -> Response:
    return _error(500, INTERNAL_ERROR)


def create_app(
    config: Config | None = None,
    *,
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD,
    max_files: int = DEFAULT_MAX_FILES,
    warm_up: bool = True,
    allowed_hosts: frozenset[str] | None = None,
) -> Starlette:
    """The web app for ``config`` (the server's fzcheck.toml, or defaults).

    ``allowed_hosts``: the Host names accepted (``guard.allowed_hosts(--host)``; None: any);
    cross-site posts are refused either way (checker/web/guard.py).

    Raises ConfigError now, not on the first request, when a rule pack is bad.
    """
    server = _Server(config or Config(), max_upload_bytes, max_files)

    @asynccontextmanager
    async def lifespan(app):
        if warm_up:  # load the rule packs and jieba now, so the first report answers fast
            await run_in_threadpool(check_text, WARM_UP, server.config, "<预热>", True)
        yield

    routes = [
        Route("/", server.index),
        Route("/api/info", server.info),
        Route("/api/check", guarded(server.api_check), methods=["POST"]),
        Route("/api/xlsx", guarded(server.api_xlsx), methods=["POST"]),
        Route("/api/fixed", guarded(server.api_fixed), methods=["POST"]),
        Route("/openapi.json", server.openapi),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={HTTPException: _not_found, Exception: _server_error},
        lifespan=lifespan,
    )
    app.add_middleware(_SecurityHeaders)
    app.add_middleware(Guard, hosts=allowed_hosts)
    return app
