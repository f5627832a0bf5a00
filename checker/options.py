"""The command-line options that several commands share, declared once (typer ``Annotated`` types).

``fzcheck check``, ``outline``, ``review`` and ``serve`` take the same rule packs, selection,
configuration and output switches; each is written here with its help text, so that the
commands cannot drift apart.
"""

from __future__ import annotations

from typing import Annotated, List, Optional

import typer

Rules = Annotated[
    Optional[List[str]], typer.Option("--rules", help="追加或覆盖规则包（TOML 文件或文件夹），可多次使用")
]
Select = Annotated[Optional[List[str]], typer.Option("--select", help="只启用这些规则代码或前缀，如 FZ1,FZ203")]
Ignore = Annotated[Optional[List[str]], typer.Option("--ignore", help="忽略这些规则代码或前缀")]
FailOn = Annotated[Optional[str], typer.Option("--fail-on", help="达到此级别即返回 1：error、warning、info、never")]
Year = Annotated[Optional[int], typer.Option("--year", help="报告年度（默认从标题或开头识别）")]
NoConfig = Annotated[bool, typer.Option("--no-config", help="不读取 fzcheck.toml / pyproject.toml")]
Color = Annotated[Optional[bool], typer.Option("--color/--no-color", help="彩色输出（默认：终端上开启）")]
Jobs = Annotated[int, typer.Option("--jobs", "-j", help="并行进程数（默认：可用的 CPU 核数；1 表示不并行）")]
FollowLinks = Annotated[
    bool, typer.Option("--follow-links", help="检查文件夹时跟随指向该文件夹内的符号链接（指向文件夹外的链接从不跟随）")
]
