"""JUnit XML for CI test reports: one ``<testsuite>`` per file, one failing ``<testcase>`` per
diagnostic (its type is the severity), one passing test case for a file without findings,
and an ``<error>`` for a file that could not be read."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..positions import LineIndex


def render(results, ctx) -> str:
    root = ET.Element("testsuites", name="fzcheck")
    total = failures = errors = 0
    for result in results:
        doc = result.document
        index = LineIndex(doc.text) if doc is not None else None
        suite = ET.SubElement(root, "testsuite", name=result.path)
        cases = fails = errs = 0
        if result.error:
            case = ET.SubElement(suite, "testcase", name="读取文件", classname=result.path, file=result.path)
            ET.SubElement(case, "error", message=result.error, type="input-error").text = result.error
            cases += 1
            errs += 1
        for d in result.diagnostics:
            line, col = index.line_col(d.span.start) if index is not None else (1, 1)
            case = ET.SubElement(
                suite, "testcase", name=f"{d.code} {d.name}", classname=result.path, file=result.path, line=str(line)
            )
            body = f"{result.path}:{line}:{col}: {d.code} [{d.severity}] {d.message}"
            if d.hint:
                body += f"\n提示：{d.hint}"
            if d.basis:
                body += f"\n依据：{d.basis}"
            ET.SubElement(case, "failure", message=f"第{line}行第{col}列：{d.message}", type=d.severity).text = body
            cases += 1
            fails += 1
        if cases == 0:
            ET.SubElement(suite, "testcase", name="fzcheck", classname=result.path, file=result.path)
            cases = 1
        suite.set("tests", str(cases))
        suite.set("failures", str(fails))
        suite.set("errors", str(errs))
        suite.set("skipped", "0")
        total, failures, errors = total + cases, failures + fails, errors + errs
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", str(errors))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
