from __future__ import annotations


class ConfigError(Exception):
    """A bad rule pack or configuration; the message is Chinese and names file and line."""
