"""JSON Lines: one line per file, each the file's entry of the JSON format (DESIGN.md §3), written
as soon as the file is checked; no summary line (count the lines, or use ``--format json``)."""

from __future__ import annotations

import json

from .common import LineSink, no_extras
from .json import file_dict


def chunk(result, ctx) -> str:
    return json.dumps(file_dict(result), ensure_ascii=False) + "\n"


extras = no_extras
Sink = LineSink
