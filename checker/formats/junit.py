"""JUnit XML for CI test reports: one ``<testsuite>`` per file, one failing ``<testcase>`` per
diagnostic (its type is the severity), one passing test case for a file without findings,
and an ``<error>`` for a file that could not be read.

The totals stand on the root element, before the suites: the suites are kept in a spooled
temporary file (memory up to a few megabytes, then disk) until the last file is checked."""

from __future__ import annotations

import tempfile
import xml.etree.ElementTree as ET

from ..positions import LineIndex
from .common import Totals, no_extras

_WRAP_START, _WRAP_END = "<r>\n  ", "\n</r>"


def _suite(result) -> ET.Element:
    doc = result.document
    index = LineIndex(doc.text) if doc is not None else None
    suite = ET.Element("testsuite", name=result.path)
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
    return suite


def chunk(result, ctx) -> str:
    """The file's ``<testsuite>`` indented as it stands under the root."""
    wrapper = ET.Element("r")
    wrapper.append(_suite(result))
    ET.indent(wrapper)
    return ET.tostring(wrapper, encoding="unicode")[len(_WRAP_START) : -len(_WRAP_END)]


extras = no_extras


class Sink:
    def __init__(self, out, ctx) -> None:
        self.out, self.totals = out, Totals()
        self.body = tempfile.SpooledTemporaryFile(max_size=8 << 20, mode="w+", encoding="utf-8")
        self.tests = self.failures = self.errors = 0

    def add(self, piece) -> None:
        text, record = piece
        self.body.write(text if self.totals.files == 0 else "\n  " + text)
        self.totals.add(record)
        errs, fails = int(bool(record.error)), len(record.diagnostics)
        self.tests += (errs + fails) or 1
        self.failures += fails
        self.errors += errs

    def finish(self) -> None:
        root = ET.Element("testsuites", name="fzcheck")
        root.set("tests", str(self.tests))
        root.set("failures", str(self.failures))
        root.set("errors", str(self.errors))
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        if self.totals.files == 0:
            self.out.write(ET.tostring(root, encoding="unicode") + "\n")
            return
        self.out.write(ET.tostring(root, encoding="unicode").replace(" />", ">\n  ", 1))
        self.body.seek(0)
        while block := self.body.read(1 << 16):
            self.out.write(block)
        self.body.close()
        self.out.write("\n</testsuites>\n")
