"""Teachers' corrections: edit records, re-attachment after re-extraction, and the corrected timeline.

Pure logic, no storage and no UI: the store keeps the edit rows (``timeline.store``), the pages draw the
forms (``timeline.ui``).
"""

from timeline.corrections.anchors import EventIndex, anchor_of, mention_anchor, sentence_key
from timeline.corrections.apply import Corrected, active_edits, apply_edits, current_value
from timeline.corrections.edits import EVENT_FIELDS, Anchor, Edit, EditError, clean_value

__all__ = [
    "EVENT_FIELDS",
    "Anchor",
    "Corrected",
    "Edit",
    "EditError",
    "EventIndex",
    "active_edits",
    "anchor_of",
    "apply_edits",
    "clean_value",
    "current_value",
    "mention_anchor",
    "sentence_key",
]
