from __future__ import annotations


class InputError(Exception):
    """An input that cannot be read; ``message`` is Chinese and says what to do."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message
