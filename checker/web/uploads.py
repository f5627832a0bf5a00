"""Reading a request body into memory under a size cap, and parsing it (multipart or JSON).

Nothing touches the disk: the body is read chunk by chunk into memory and refused
with HTTP 413 as soon as it passes the cap; python-multipart's streaming parser
then splits it into parts held as ``bytes``.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass, field

MB = 1024 * 1024
# Multipart boundaries and part headers on top of the files themselves.
BODY_OVERHEAD = 64 * 1024
# Form parts beyond the files: the pasted text and its name, and room for what browsers add.
EXTRA_PARTS = 16


class UploadError(Exception):
    """A request the page cannot use; ``message`` is Chinese and says what to do."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Upload:
    """One file sent to the web page."""
    name: str
    data: bytes


@dataclass
class Submission:
    """What one request to the web page sent: its files, or pasted text."""
    files: list[Upload] = field(default_factory=list)
    text: str | None = None
    text_name: str = "粘贴的文本"


def format_size(size: int) -> str:
    """20 MB, 1.5 MB, 352 KB: how the page says a size."""
    if size < MB:
        return f"{max(1, -(-size // 1024))} KB"
    value = size / MB
    return (f"{value:.1f}".rstrip("0").rstrip(".") if value < 10 else str(round(value))) + " MB"


def too_large(size: int | None, limit: int) -> UploadError:
    got = f"（{format_size(size)}）" if size else ""
    return UploadError(
        413,
        f"上传的内容过大{got}，上限为 {format_size(limit)}。"
        "请删去报告中的图片后再试，或分批上传；管理员可用 fzcheck serve --max-upload-mb 调高上限。",
    )


async def read_body(request, limit: int) -> bytes:
    """The whole body, or UploadError(413) as soon as it is larger than ``limit`` + overhead."""
    cap = limit + BODY_OVERHEAD
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        raise too_large(int(declared), limit)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > cap:
            raise too_large(None, limit)
    return bytes(body)


def clean_name(raw: str) -> str:
    """The file's own name, without any folder a browser may send; never empty."""
    name = posixpath.basename(raw.replace("\\", "/")).strip()
    name = "".join(ch for ch in name if ch.isprintable())[:200]
    return name or "未命名文件"


def parse_submission(body: bytes, content_type: str, limit: int, max_files: int) -> Submission:
    """Split a request body into uploaded files and pasted text."""
    kind = content_type.split(";", 1)[0].strip().lower()
    if kind == "multipart/form-data":
        sub = _parse_multipart(body, content_type, max_files)
    elif kind in ("application/json", ""):
        sub = _parse_json(body)
    elif kind == "application/x-www-form-urlencoded":
        sub = _parse_urlencoded(body)
    else:
        raise UploadError(415, '请以 multipart/form-data 上传文件，或以 JSON 提交 {"text": "…"}')
    total = sum(len(f.data) for f in sub.files) + len((sub.text or "").encode("utf-8"))
    if total > limit:
        raise too_large(total, limit)
    if not sub.files and not (sub.text or "").strip():
        raise UploadError(400, "请选择要检查的报告文件，或粘贴报告全文")
    return sub


def _parse_json(body: bytes) -> Submission:
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise UploadError(400, '请求内容不是有效的 JSON；应为 {"text": "报告全文"}') from None
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise UploadError(400, 'JSON 中缺少 text 字段；应为 {"text": "报告全文"}')
    name = data.get("name")
    return Submission(text=data["text"], text_name=clean_name(name) if isinstance(name, str) and name else "粘贴的文本")


def _parse_urlencoded(body: bytes) -> Submission:
    from urllib.parse import parse_qs

    try:
        fields = parse_qs(body.decode("ascii"), keep_blank_values=True, max_num_fields=10)
    except (UnicodeDecodeError, ValueError):
        raise UploadError(400, "表单内容无法识别，请重新提交") from None
    name = (fields.get("name") or [""])[0]
    return Submission(
        text=(fields.get("text") or [None])[0], text_name=clean_name(name) if name.strip() else "粘贴的文本"
    )


def _parse_multipart(body: bytes, content_type: str, max_files: int) -> Submission:
    from python_multipart.exceptions import FormParserError
    from python_multipart.multipart import MultipartParser, parse_options_header

    _, params = parse_options_header(content_type)
    boundary = params.get(b"boundary")
    if not boundary:
        raise UploadError(400, "上传内容不完整（缺少 multipart 分隔符），请重新选择文件上传")
    parts = _Parts(max_files, parse_options_header)
    parser = MultipartParser(boundary, parts.callbacks())
    try:
        parser.write(body)
        parser.finalize()
    except FormParserError:
        parts.ended = False
    if not parts.ended:
        raise UploadError(400, "上传内容不完整或已损坏，请重新选择文件上传")
    return _submission(parts.found)


class _Parts:
    """The parts of a multipart body as python-multipart's callbacks hand them over, refused as soon
    as there are more than the files and a few fields (text, name): docs/limits.md."""

    def __init__(self, max_files: int, parse_options_header) -> None:
        self.max_files = max_files
        self.max_parts = max_files + EXTRA_PARTS
        self.options = parse_options_header
        self.found: list[dict] = []
        self.ended = False
        self.files = 0
        self.headers: dict[bytes, bytes] = {}
        self.field, self.value, self.data = b"", b"", bytearray()

    def callbacks(self) -> dict:
        return {
            "on_part_begin": self.on_part_begin,
            "on_header_field": self.on_header_field,
            "on_header_value": self.on_header_value,
            "on_header_end": self.on_header_end,
            "on_part_data": self.on_part_data,
            "on_part_end": self.on_part_end,
            "on_end": self.on_end,
        }

    def on_part_begin(self) -> None:
        if len(self.found) >= self.max_parts:
            raise UploadError(
                413, f"表单内容过多（超过 {self.max_parts} 个部分），已拒绝；一次最多上传 {self.max_files} 个文件"
            )
        self.headers, self.field, self.value, self.data = {}, b"", b"", bytearray()

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self.field += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self.value += data[start:end]

    def on_header_end(self) -> None:
        self.headers[self.field.lower()] = self.value
        self.field, self.value = b"", b""

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        self.data += data[start:end]

    def on_part_end(self) -> None:
        _, options = self.options(self.headers.get(b"content-disposition", b""))
        self.found.append({"name": options.get(b"name"), "filename": options.get(b"filename"), "data": bytes(self.data)})
        self.files += options.get(b"filename") is not None  # counted as they come: no rescan per part
        if self.files > self.max_files:
            raise UploadError(413, f"一次最多检查 {self.max_files} 个文件，请分批上传")

    def on_end(self) -> None:
        self.ended = True


def _submission(parts: list[dict]) -> Submission:
    """The uploaded files, the pasted text and its name, from the form's parts."""
    sub = Submission()
    for part in parts:
        field_name = _decode(part["name"] or b"")
        if part["filename"] is not None:
            if not part["filename"] and not part["data"]:
                continue  # an empty <input type=file> sends a nameless empty part
            sub.files.append(Upload(clean_name(_decode(part["filename"])), part["data"]))
        elif field_name == "text":
            sub.text = _decode(part["data"])
        elif field_name == "name" and part["data"].strip():
            sub.text_name = clean_name(_decode(part["data"]))
    return sub


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gb18030", errors="replace")
