"""The briefings' colours, as hex RGB, shared by the PDF and Word renderers."""

from __future__ import annotations

INK = "1A1A1A"
NAVY = "1F3864"
GREY = "5F6368"
RULE = "B7C0CC"
HEAD_BG = "E8EDF5"
LABEL_BG = "F3F5F9"
OVERDUE_BG = "FBE3E1"
OVERDUE_INK = "9C1C13"
MARKING = "C00000"
GRID = "E3E7ED"
SERIES = ("1F3864", "2E75B6", "70AD47", "A5A5A5", "ED7D31", "C00000", "7030A0", "FFC000")

# One colour per agreement status, whatever is shown (a filter must not recolour a status).
STATUS = {
    "draft": "A5A5A5",  # grey: not yet anything
    "negotiating": "ED7D31",  # orange: in progress
    "signed": "2E75B6",  # blue
    "in_force": "2E8B57",  # green: the live ones
    "expired": "7F6000",  # brown
    "terminated": "C00000",  # red
}
