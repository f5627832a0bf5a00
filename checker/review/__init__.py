"""County bulk review (``fzcheck review DIR``): parallel checking, copy detection across
reports, and the review outputs (text, JSON, CSV, XLSX workbook, HTML dashboard).

For other front ends (the local web page): :func:`checker.review.summary.report_row`
turns a checked :class:`~checker.api.Result` into a table row, and the writers
``checker.review.xlsx.build_workbook`` and ``checker.review.html.build_html`` turn
rows into bytes/str.  Nothing here is imported by ``fzcheck check``.
"""
