"""Symbolic links met while searching a folder: kept as what they are, checked as one FZ961 finding.

Its own module (below run.py, batch.py and fixmode.py, which all need it) so that no two of them
import each other.
"""

from __future__ import annotations


class SkippedLink(str):
    """A symbolic link met while searching a folder and not followed: the path, with ``reason``.
    Checking it gives one FZ961 finding instead of reading the file it points to."""

    reason: str = ""

    def __new__(cls, path: str, reason: str):
        self = super().__new__(cls, path)
        self.reason = reason
        return self

    def __reduce__(self):  # crosses to worker processes with its reason
        return (SkippedLink, (str(self), self.reason))


def skipped_link_result(path: SkippedLink, config):
    """The result for a link the folder search did not follow: one FZ961 finding."""
    from .api import Result, _input_diagnostic, ruleset_for
    from .engine import postprocess

    return Result(str(path), diagnostics=postprocess([_input_diagnostic(ruleset_for(config), "FZ961", path.reason)], config))
