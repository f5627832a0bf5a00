"""The OpenAPI 3.1 description of the JSON API (``GET /openapi.json``).

Written out by hand because the API is small and its shapes are the CLI's JSON
contract (DESIGN.md §3); ``tests/web/test_openapi.py`` validates real responses
against these schemas so the two cannot drift apart.
"""

from __future__ import annotations

from .. import __version__
from ..formats.common import DIAGNOSTIC_FIELDS

SEVERITY = {"type": "string", "enum": ["error", "warning", "info"]}
NULLABLE_STR = {"type": ["string", "null"]}

SCHEMAS: dict = {
    "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {"error": {"type": "string", "description": "给用户看的中文说明"}},
    },
    "Edit": {
        "type": "object",
        "required": ["line", "column", "end_line", "end_column", "content"],
        "properties": {
            "line": {"type": "integer"},
            "column": {"type": "integer"},
            "end_line": {"type": "integer"},
            "end_column": {"type": "integer"},
            "content": {"type": "string"},
        },
    },
    "Fix": {
        "type": ["object", "null"],
        "required": ["applicability", "message", "edits"],
        "properties": {
            "applicability": {"type": "string", "enum": ["safe", "unsafe"]},
            "message": {"type": "string"},
            "edits": {"type": "array", "items": {"$ref": "#/components/schemas/Edit"}},
        },
    },
    "Diagnostic": {
        "type": "object",
        "required": [*DIAGNOSTIC_FIELDS, "fix", "start", "end"],
        "properties": {
            "code": {"type": "string", "pattern": "^FZ\\d{3}$"},
            "name": {"type": "string"},
            "severity": SEVERITY,
            "message": {"type": "string"},
            "line": {"type": "integer", "minimum": 1},
            "column": {"type": "integer", "minimum": 1},
            "end_line": {"type": "integer", "minimum": 1},
            "end_column": {"type": "integer", "minimum": 1},
            "hint": {"type": "string"},
            "basis": {"type": "string"},
            "fix": {"$ref": "#/components/schemas/Fix"},
            "location": {"type": "string", "description": "Word/PDF 中的位置，如“第3段”"},
            "title": {"type": "string", "description": "规则的中文名称（给用户看）"},
            "part": {
                "type": "string",
                "description": "这条问题说的是缺少某个必备部分：该部分在 checklist 中的 key（页面在该部分应在之处显示提示）",
            },
            "start": {"type": "integer", "minimum": 0, "description": "在 text 中的起始位置（按 Unicode 字符计）"},
            "end": {"type": "integer", "minimum": 0, "description": "在 text 中的结束位置（不含）"},
        },
    },
    "Section": {
        "type": "object",
        "required": ["role", "level", "number", "marker", "heading", "line", "end_line"],
        "properties": {
            "role": {"type": "array", "items": {"type": "string"}},
            "level": {"type": "integer", "minimum": 1, "maximum": 4},
            "number": {"type": "string"},
            "marker": {"type": "string"},
            "heading": {"type": "string"},
            "line": {"type": "integer"},
            "end_line": {"type": "integer"},
        },
    },
    "OutlineNode": {
        "allOf": [{"$ref": "#/components/schemas/Section"}],
        "type": "object",
        "required": ["role_evidence", "canonical", "items", "children"],
        "properties": {
            "role_evidence": {"type": "string"},
            "recovered": {
                "type": "string",
                "enum": ["numbered", "style", "shape", "split"],
                "description": "标题如何识别：按序号、Word 标题样式、版式，或在连成一段的原文中按序号拆分",
            },
            "column": {"type": "integer", "description": "标题在原文该行的第几个字（原文连成一段时有意义）"},
            "role_words": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["word", "line"],
                    "properties": {"word": {"type": "string"}, "line": {"type": "integer"}},
                },
            },
            "canonical": {"type": "boolean"},
            "items": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["number", "line"],
                    "properties": {"number": {"type": "string"}, "line": {"type": "integer"}},
                },
            },
            "children": {"type": "array", "items": {"$ref": "#/components/schemas/OutlineNode"}},
        },
    },
    "ChecklistItem": {
        "type": "object",
        "required": ["key", "label", "status", "codes", "notes", "sections"],
        "properties": {
            "key": {"type": "string", "enum": ["measures", "shortcomings", "causes", "first_responsible", "plan"]},
            "label": {"type": "string"},
            "status": {
                "type": "string",
                "enum": ["ok", "warn", "missing", "unchecked", "na"],
                "description": "ok 已写；warn 已写但有问题；missing 缺少；unchecked 规则被配置关闭；na 不是年度报告",
            },
            "codes": {"type": "array", "items": {"type": "string"}},
            "notes": {"type": "array", "items": {"type": "string"}},
            "expected_before": {
                "type": ["integer", "null"],
                "description": "缺少的部分应在第几行之前（行数加一表示在末尾）；未缺少时为 null",
            },
            "sections": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["marker", "heading", "line"],
                    "properties": {
                        "marker": {"type": "string"},
                        "heading": {"type": "string"},
                        "line": {"type": "integer"},
                    },
                },
            },
        },
    },
    "FileResult": {
        "type": "object",
        "required": [
            "path",
            "encoding",
            "title",
            "entity",
            "year",
            "sections",
            "diagnostics",
            "text",
            "counts",
            "fixable",
            "facts",
            "outline",
            "checklist",
        ],
        "properties": {
            "path": {"type": "string", "description": "上传时的文件名"},
            "encoding": NULLABLE_STR,
            "source": NULLABLE_STR,
            "title": NULLABLE_STR,
            "entity": NULLABLE_STR,
            "year": {"type": ["integer", "null"]},
            "error": {"type": "string", "description": "文件无法读取时的说明"},
            "sections": {"type": "array", "items": {"$ref": "#/components/schemas/Section"}},
            "diagnostics": {"type": "array", "items": {"$ref": "#/components/schemas/Diagnostic"}},
            "text": {"type": "string", "description": "检查所用的全文（换行统一为 \\n）"},
            "counts": {
                "type": "object",
                "required": ["errors", "warnings", "infos"],
                "properties": {k: {"type": "integer"} for k in ("errors", "warnings", "infos")},
            },
            "fixable": {"type": "integer", "description": "可安全自动修正的问题数"},
            "facts": {
                "type": ["object", "null"],
                "required": ["title", "year", "year_source", "entity", "doc_type", "lookalike"],
                "properties": {
                    "title": {"type": "string"},
                    "year": {"type": ["integer", "null"]},
                    "year_source": {"type": "string"},
                    "entity": {"type": "string"},
                    "doc_type": {"type": "string"},
                    "lookalike": {"type": "string"},
                },
            },
            "outline": {
                "type": ["object", "null"],
                "required": ["title_lines", "preamble_lines", "sections", "signature_lines"],
                "properties": {
                    "split": {
                        "type": "string",
                        "enum": ["", "split", "unsplit"],
                        "description": "原文连成一段时：split 已按序号拆分来看，unsplit 无法可靠拆分（FZ308）",
                    },
                    "title_lines": {"type": "array", "items": {"type": "integer"}},
                    "preamble_lines": {"type": "array", "items": {"type": "integer"}},
                    "sections": {"type": "array", "items": {"$ref": "#/components/schemas/OutlineNode"}},
                    "signature_lines": {"type": "array", "items": {"type": "integer"}},
                },
            },
            "checklist": {"type": "array", "items": {"$ref": "#/components/schemas/ChecklistItem"}},
        },
    },
    "Review": {
        "type": "object",
        "description": "多份报告时的汇总表（与 fzcheck review 及其工作簿“报告一览”相同的数字）",
        "required": ["columns", "rows", "status_labels", "summary"],
        "properties": {
            "columns": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["key", "label"],
                    "properties": {"key": {"type": "string"}, "label": {"type": "string"}},
                },
            },
            "rows": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["file", "entity", "year", "errors", "warnings", "infos", "status", "error"],
                    "properties": {
                        "file": {"type": "string"},
                        "entity": {"type": "string"},
                        "year": {"type": ["integer", "null"]},
                        "title": {"type": "string"},
                        "errors": {"type": "integer"},
                        "warnings": {"type": "integer"},
                        "infos": {"type": "integer"},
                        "status": {"type": "string", "enum": ["pass", "warn", "fail", "unreadable"]},
                        "error": {"type": "string"},
                    },
                    "additionalProperties": {"type": ["boolean", "null", "string", "integer"]},
                    "description": "各必备部分一列：true 有、false 缺、null 未能检查",
                },
            },
            "status_labels": {"type": "object", "additionalProperties": {"type": "string"}},
            "summary": {"type": "object", "additionalProperties": {"type": "integer"}},
        },
    },
    "CheckResponse": {
        "type": "object",
        "required": ["version", "files", "summary", "elapsed_ms"],
        "properties": {
            "version": {"const": 1},
            "files": {"type": "array", "items": {"$ref": "#/components/schemas/FileResult"}},
            "summary": {
                "type": "object",
                "required": ["files", "errors", "warnings", "infos"],
                "properties": {k: {"type": "integer"} for k in ("files", "errors", "warnings", "infos")},
            },
            "review": {"$ref": "#/components/schemas/Review"},
            "elapsed_ms": {"type": "number"},
            "error": {"type": "string", "description": "所有文件都无法读取时的说明（HTTP 422）"},
        },
    },
    "Info": {
        "type": "object",
        "required": ["version", "max_upload_bytes", "max_files", "config", "rules", "roles", "features"],
        "properties": {
            "version": {"type": "string"},
            "max_upload_bytes": {"type": "integer"},
            "max_files": {"type": "integer"},
            "config": NULLABLE_STR,
            "rules": {"type": "integer", "description": "启用的规则数"},
            "roles": {
                "type": "object",
                "additionalProperties": {"type": "string"},
                "description": "各部分（规则包的 [roles.*]）的简称，结构中每个标题所属部分按此显示",
            },
            "features": {
                "type": "object",
                "properties": {k: {"type": "boolean"} for k in ("xlsx", "review", "fixed")},
            },
        },
    },
}


def _request_body(multi: bool) -> dict:
    files = (
        {
            "type": "array",
            "items": {"type": "string", "format": "binary"},
            "description": "报告文件（.txt、.md、.docx），可多个",
        }
        if multi
        else {"type": "string", "format": "binary", "description": "一份报告文件"}
    )
    return {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "file": files,
                        "text": {"type": "string", "description": "粘贴的报告全文"},
                        "name": {"type": "string", "description": "粘贴文本的名称（显示用）"},
                    },
                },
                "encoding": {"file": {"contentType": "application/octet-stream"}},
            },
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["text"],
                    "properties": {"text": {"type": "string"}, "name": {"type": "string"}},
                }
            },
        },
    }


def _errors(*codes: int) -> dict:
    text = {
        400: "请求不完整（没有文件或文本）",
        413: "上传内容超过上限",
        415: "不支持的请求格式",
        422: "文件无法读取（已损坏、格式不支持、疑似压缩炸弹等）",
        500: "服务器内部错误",
        501: "此版本不支持该功能",
    }
    ref = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    return {str(c): {"description": text[c], "content": ref} for c in codes}


def openapi_document(max_upload_bytes: int) -> dict:
    limit = f"上传总量上限 {max_upload_bytes // (1024 * 1024)} MB（fzcheck serve --max-upload-mb）。"
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "fzcheck 报告检查接口",
            "version": __version__,
            "description": "检查法治政府建设年度报告：与命令行 fzcheck check 相同的规则与配置。"
            "服务器不保存任何上传内容。文件类型按内容判断，不看扩展名。" + limit,
        },
        "paths": {
            "/api/check": {
                "post": {
                    "summary": "检查一份或多份报告",
                    "description": "返回每份报告的要素、必备部分清单、结构、全文和每个问题的位置；多份时另附汇总表。",
                    "requestBody": _request_body(multi=True),
                    "responses": {
                        "200": {
                            "description": "检查结果",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CheckResponse"}}},
                        },
                        "422": {
                            "description": "所有文件都无法读取；正文与 200 相同，另有 error",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CheckResponse"}}},
                        },
                        **_errors(400, 413, 415, 500),
                    },
                }
            },
            "/api/xlsx": {
                "post": {
                    "summary": "下载问题清单（XLSX 工作簿）",
                    "requestBody": _request_body(multi=True),
                    "responses": {
                        "200": {
                            "description": "工作簿",
                            "content": {
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                                    "schema": {"type": "string", "format": "binary"}
                                }
                            },
                        },
                        **_errors(400, 413, 415, 500, 501),
                    },
                }
            },
            "/api/fixed": {
                "post": {
                    "summary": "下载安全修正后的报告",
                    "description": "只应用标记为安全的修正；一次一份报告。Word 文档返回修正后的 .docx（保留格式），其余返回 UTF-8 文本。",
                    "requestBody": _request_body(multi=False),
                    "responses": {
                        "200": {
                            "description": "修正后的报告：文本（UTF-8）或 Word 文档",
                            "content": {
                                "text/plain": {"schema": {"type": "string"}},
                                "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
                                    "schema": {"type": "string", "format": "binary"}
                                },
                            },
                        },
                        **_errors(400, 413, 415, 422, 500, 501),
                    },
                }
            },
            "/api/info": {
                "get": {
                    "summary": "服务器设置",
                    "responses": {
                        "200": {
                            "description": "版本、上传上限、所用配置",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Info"}}},
                        }
                    },
                }
            },
        },
        "components": {"schemas": SCHEMAS},
    }
