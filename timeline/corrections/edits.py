"""A teacher's correction as a record: which event, which field, the value seen and the value given.

Edits are never overwrites: each is a row (who, when, old and new value), the shown record is the
extracted one with its edits applied in order, and an undo is one more edit that cancels an earlier one.
Values are JSON-friendly (dates as ISO strings, actors as lists) so the store keeps them as JSON text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal, get_args

from timeline.model import PRECISION_ORDER

FieldName = Literal[
    "title",
    "start",
    "end",
    "precision",
    "actors",
    "category",
    "planned",
    "hidden",
    "hide_article",
    "create",
    "merge",
    "split",
    "undo",
]
EVENT_FIELDS: tuple[FieldName, ...] = ("title", "start", "end", "precision", "actors", "category", "planned")
"""The fields of an event a teacher can set directly (the display date follows the date fields)."""
FIELD_LABELS: dict[str, str] = {
    "title": "title",
    "start": "start date",
    "end": "end date",
    "precision": "precision",
    "actors": "actors",
    "category": "category",
    "planned": "planned or past",
    "hidden": "hidden",
    "hide_article": "article hidden",
    "create": "added by hand",
    "merge": "merged",
    "split": "split",
    "undo": "undo",
}
MAX_TITLE_CHARS = 200
MAX_ACTORS = 20
MAX_ACTOR_CHARS = 60


class EditError(ValueError):
    """A correction that cannot be saved as given; the message says why, for the teacher."""


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where an event is reported, robust to re-extraction: its article, sentence and time expression.

    Event ids follow character offsets, which move when an article is edited; the sentence's words and
    the time expression's words do not, so an edit re-attaches by them.
    """

    doc: str
    sentence_key: str
    time_text: str

    def to_json(self) -> dict[str, str]:
        return {"doc": self.doc, "sentence_key": self.sentence_key, "time_text": self.time_text}

    @classmethod
    def from_json(cls, data: Any) -> Anchor | None:
        if not isinstance(data, dict) or not data.get("doc"):
            return None
        return cls(str(data["doc"]), str(data.get("sentence_key", "")), str(data.get("time_text", "")))


@dataclass(frozen=True, slots=True)
class Edit:
    """One correction. ``event_id`` and ``anchor`` name the event (or, for ``hide_article``, the
    article in ``anchor.doc``); ``old`` is the value the editor saw, ``new`` the value given."""

    field: FieldName
    new: Any
    event_id: str = ""
    anchor: Anchor | None = None
    old: Any = None
    author: str = ""
    created_at: str = ""
    id: int | None = None
    note: str = ""
    """Why, in the editor's words (optional), or the source note of an event added by hand."""

    def describe(self) -> str:
        """One line for the history list: "title: 'A' -> 'B'"."""
        label = FIELD_LABELS.get(self.field, self.field)
        if self.field in ("create", "merge", "split", "undo", "hide_article", "hidden"):
            return label if self.field != "undo" else f"undo of change #{self.new}"
        return f"{label}: {_short(self.old)} → {_short(self.new)}"


def _short(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "planned" if value else "past"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value) or "—"
    text = str(value)
    return text if len(text) <= 60 else text[:59] + "…"


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def loads(text: str | None) -> Any:
    return json.loads(text) if text else None


def clean_value(field_name: str, value: Any) -> Any:
    """The value as stored: checked and normalised; EditError (a readable reason) when it makes no sense."""
    if field_name not in get_args(FieldName):
        raise EditError(f"{field_name!r} is not a field that can be corrected.")
    if field_name == "title":
        text = " ".join(str(value or "").split())
        if not text:
            raise EditError("A title cannot be empty.")
        if len(text) > MAX_TITLE_CHARS:
            raise EditError(f"A title can have at most {MAX_TITLE_CHARS} characters.")
        return text
    if field_name in ("start", "end"):
        if value in (None, ""):
            return None
        try:
            return (value if isinstance(value, date) else date.fromisoformat(str(value))).isoformat()
        except ValueError:
            raise EditError(f"{value!r} is not a date (write it as YYYY-MM-DD).") from None
    if field_name == "precision":
        if value not in PRECISION_ORDER:
            raise EditError(f"{value!r} is not a precision ({', '.join(PRECISION_ORDER)}).")
        return value
    if field_name == "actors":
        return _actors(value)
    if field_name == "category":
        text = " ".join(str(value or "").split()).lower()
        if not text or len(text) > MAX_ACTOR_CHARS:
            raise EditError("A category needs a short name.")
        return text
    if field_name in ("planned", "hidden", "hide_article"):
        if not isinstance(value, bool):
            raise EditError(f"{field_name} is yes or no.")
        return value
    return value


def _actors(value: Any) -> list[str]:
    if not isinstance(value, list | tuple):
        raise EditError("Actors are a list of names.")
    actors: list[str] = []
    for item in value:
        name = " ".join(str(item).split())
        if not name:
            continue
        if len(name) > MAX_ACTOR_CHARS:
            raise EditError(f"An actor's name can have at most {MAX_ACTOR_CHARS} characters.")
        if name.casefold() not in {known.casefold() for known in actors}:
            actors.append(name)
    if len(actors) > MAX_ACTORS:
        raise EditError(f"An event can have at most {MAX_ACTORS} actors.")
    return actors
