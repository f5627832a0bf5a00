"""County bulk review (``fzcheck review DIR``): a front end like cli.py.

``command.py`` is the typer command (inputs, terminal, exit codes); ``runner.py`` checks the
files in parallel, keeps each report's located Diagnostics and what the cross-report kinds need
(``kinds/_crossreport.py``), then runs the cross-report kinds (``engine.run_cross``).  Every
output (text, JSON, CSV, XLSX, HTML dashboard) is rendered by ``checker/formats/``.  Nothing
here is imported by ``fzcheck check``.
"""
