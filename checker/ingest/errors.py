from __future__ import annotations

UNREADABLE = "FZ901"  # the file cannot be read: broken, not a report format, refused, over a limit
EMPTY = "FZ902"  # the file was read and holds no text to check
CHECKER_FAILURE = "FZ903"  # a bug of fzcheck's met while reading or checking


class InputError(Exception):
    """An input that cannot be read; ``message`` is Chinese and says what to do, ``code`` is the
    finding it becomes (FZ901 unreadable unless the raise site says otherwise)."""

    def __init__(self, path: str, message: str, code: str = UNREADABLE) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message
        self.code = code
