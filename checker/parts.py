"""The parts of a report as the outputs name them: short labels of the section roles."""

from __future__ import annotations

# Short labels of the section roles (table columns, the outline, messages); the packs' [roles.*]
# ``label`` is the long name a report's heading uses.
ROLE_LABELS = {
    "measures": "举措成效",
    "shortcomings": "不足原因",
    "first_responsible": "第一责任人",
    "plan": "下年安排",
    "other": "其他",
}
PLACE_LABELS = {**ROLE_LABELS, "preamble": "开头"}  # also the text before the first heading
