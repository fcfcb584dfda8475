"""What a corrected event says about its edits, and events a teacher adds by hand.

``edited_fields`` reads the tags ``apply_edits`` leaves (``edited:<field>``, ``added by hand``) so every
page and export can say what was changed by hand. ``manual_event`` and ``cited_event`` build the record
of an event a teacher adds: free (with a source note) or from a sentence of an article (cited: the
sentence and its article). Pure: no storage, no UI.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from timeline.corrections.apply import EDITED_TAG, MANUAL_TAG
from timeline.corrections.edits import FIELD_LABELS, EditError, clean_value
from timeline.events.display import display_date
from timeline.model import Event, Mention, Precision, Source

MANUAL_OUTLET = "Added by hand"
"""The outlet a free event added by hand cites (its note is the source's title)."""
MAX_NOTE_CHARS = 500

_DATE_FIELDS = ("start", "end", "precision")


def edited_fields(event: Event) -> list[str]:
    """What was changed by hand, in words: ``["title", "date", "actors"]``; ``["added by hand"]`` for an
    event a teacher added; ``[]`` for an event as extracted."""
    if EDITED_TAG not in event.tags and MANUAL_TAG not in event.tags:
        return []
    fields: list[str] = [MANUAL_TAG] if MANUAL_TAG in event.tags else []
    prefix = EDITED_TAG + ":"
    for tag in event.tags:
        if not tag.startswith(prefix):
            continue
        name = tag[len(prefix) :]
        label = "date" if name in _DATE_FIELDS else FIELD_LABELS.get(name, name)
        if label not in fields:
            fields.append(label)
    return fields


def edited_text(event: Event, separator: str = ", ") -> str:
    """``edited_fields`` as one line ("" for an event as extracted)."""
    return separator.join(edited_fields(event))


def _dated(start: date | None, end: date | None, precision: str) -> tuple[date, date, Precision]:
    if start is None:
        raise EditError("An event added by hand needs a start date.")
    clean: Precision = clean_value("precision", precision)
    last = end or period_end(start, clean)
    if last < start:
        raise EditError("The end date is before the start date.")
    return start, last, clean


def period_end(start: date, precision: Precision) -> date:
    """The last day of the period ``precision`` names from ``start`` (a month: its last day)."""
    months = {"month": 1, "season": 3, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}
    if precision == "day":
        return start
    if precision == "week":
        return start + timedelta(days=6)
    count = months.get(precision, 1)
    month_index = start.year * 12 + start.month - 1 + count
    year, month = divmod(month_index, 12)
    if year > date.max.year:
        return date.max
    return date(year, month + 1, 1) - timedelta(days=1)


def _value(start: date, precision: Precision) -> str:
    if precision == "day":
        return start.isoformat()
    if precision in ("week", "month", "season", "quarter", "half"):
        return f"{start:%Y-%m}"
    return str(start.year)


def manual_event(
    title: str,
    start: date | None,
    end: date | None,
    precision: str,
    *,
    note: str,
    actors: list[str] | tuple[str, ...] = (),
    category: str = "other",
    planned: bool = False,
    event_id: str | None = None,
    source: Source | None = None,
    mention: Mention | None = None,
) -> Event:
    """An event added by hand (EditError with a reason when a value makes no sense).

    Free: ``note`` says where it comes from (a textbook, a lesson), cited as the source's title with the
    outlet "Added by hand". Cited: ``source`` and ``mention`` name the article and its sentence.
    """
    first, last, chosen = _dated(start, end, precision)
    note_text = " ".join(str(note or "").split())
    if mention is None and not note_text:
        raise EditError("Say where this event comes from (a source note).")
    if len(note_text) > MAX_NOTE_CHARS:
        raise EditError(f"A source note can have at most {MAX_NOTE_CHARS} characters.")
    identifier = event_id or "hand-" + uuid.uuid4().hex[:12]
    cited = source or Source(f"hand:{identifier}", note_text, MANUAL_OUTLET, None, None)
    value = _value(first, chosen)
    return Event(
        id=identifier,
        start=first,
        end=last,
        precision=chosen,
        value=value,
        display_date=display_date(first, last, chosen, value),
        title=clean_value("title", title),
        sentence=mention.sentence if mention else "",
        mentions=(mention,) if mention else (),
        sources=(cited,),
        actors=tuple(clean_value("actors", list(actors))),
        category=clean_value("category", category or "other"),
        planned=planned,
        confidence=1.0,
    )


def cited_mention(doc_id: str, sentence: str, sentence_span: tuple[int, int]) -> Mention:
    """A report of an event added from a sentence: the whole sentence, no time expression in it marked
    (an empty span at the sentence's start, so the article's own date marks stay as they are)."""
    return Mention(doc_id, (sentence_span[0], sentence_span[0]), "", sentence, sentence_span)
