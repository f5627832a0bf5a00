"""``fzcheck review`` trusts only the reviewer's configuration.

A township could otherwise put ``ignore = ["FZ"]`` in a fzcheck.toml beside its report and come
out clean in the county's review.  So the review uses the configuration of the folder it is run
from and the command line, never a fzcheck.toml, .fzcheck.toml or ``[tool.fzcheck]`` found inside
the reviewed folders; each such file is listed instead, as one FZ907 finding on every report in
its folder (and below), so the reviewer sees who sent one.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..config import CONFIG_NAMES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def _is_fzcheck_pyproject(path: Path) -> bool:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    tool = data.get("tool")
    return isinstance(tool, dict) and "fzcheck" in tool


def foreign_configs(paths, trusted: str = "") -> tuple[str, ...]:
    """fzcheck configuration files inside the reviewed folders (hidden folders and links not
    followed, as the review's own file search), except ``trusted`` (the one in use)."""
    trusted_path = os.path.realpath(trusted) if trusted else ""
    found: list[str] = []
    for raw in paths:
        if not os.path.isdir(raw):
            continue
        for folder, dirs, files in os.walk(raw):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if name not in CONFIG_NAMES and name != "pyproject.toml":
                    continue
                path = os.path.join(folder, name)
                if trusted_path and os.path.realpath(path) == trusted_path:
                    continue
                if name == "pyproject.toml" and not _is_fzcheck_pyproject(Path(path)):
                    continue
                found.append(path)
    return tuple(found)


def configs_over(report: str, configs: tuple[str, ...]) -> list[str]:
    """The ignored configuration files whose folder holds ``report`` (directly or further down)."""
    where = os.path.abspath(os.path.dirname(report))
    return [c for c in configs if _inside(where, os.path.abspath(os.path.dirname(c)))]


def _inside(folder: str, root: str) -> bool:
    return folder == root or folder.startswith(root.rstrip(os.sep) + os.sep)


def note_ignored_configs(result, configs: tuple[str, ...], config) -> None:
    """Add one FZ907 to ``result`` naming the ignored configuration files over its folder."""
    over = configs_over(result.path, configs)
    if not over:
        return
    from ..api import input_note

    result.diagnostics = [*result.diagnostics, *input_note("FZ907", "、".join(over), config)]
