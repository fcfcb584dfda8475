"""What a corrected event says about its edits, and the records of events added by hand."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from timeline.corrections import EditError
from timeline.corrections.shown import cited_mention, edited_fields, edited_text, manual_event, period_end
from timeline.model import Precision, Source


@pytest.mark.parametrize(
    ("tags", "fields"),
    [
        ((), []),
        (("merged-across-articles",), []),
        (("edited", "edited:title"), ["title"]),
        (("edited", "edited:start", "edited:end", "edited:precision"), ["date"]),
        (("edited", "edited:actors", "edited:planned"), ["actors", "planned or past"]),
        (("edited", "edited:hidden", "hidden"), ["hidden"]),
        (("added by hand", "edited"), ["added by hand"]),
        (("added by hand", "edited", "edited:title"), ["added by hand", "title"]),
    ],
)
def test_edited_fields_come_from_the_tags(tags: tuple[str, ...], fields: list[str]) -> None:
    event = manual_event("Talks", date(2020, 1, 1), None, "day", note="a note")
    assert edited_fields(replace(event, tags=tags)) == fields
    assert edited_text(replace(event, tags=tags), " | ") == " | ".join(fields)


@pytest.mark.parametrize(
    ("start", "precision", "end"),
    [
        (date(2020, 2, 10), "day", date(2020, 2, 10)),
        (date(2020, 2, 10), "week", date(2020, 2, 16)),
        (date(2020, 2, 1), "month", date(2020, 2, 29)),  # a leap year's February
        (date(2019, 2, 1), "month", date(2019, 2, 28)),
        (date(2020, 10, 1), "quarter", date(2020, 12, 31)),
        (date(2020, 7, 1), "half", date(2020, 12, 31)),
        (date(2014, 1, 1), "year", date(2014, 12, 31)),
        (date(1980, 1, 1), "decade", date(1989, 12, 31)),
    ],
)
def test_an_event_added_without_an_end_lasts_its_period(start: date, precision: Precision, end: date) -> None:
    assert period_end(start, precision) == end
    event = manual_event("Something happened", start, None, precision, note="textbook")
    assert (event.start, event.end, event.precision) == (start, end, precision)


def test_a_free_event_cites_its_note_and_a_cited_one_its_sentence() -> None:
    free = manual_event(
        "Iraq invades Iran", date(1980, 9, 22), None, "day", note=" History  book ", actors=["Iraq"]
    )
    assert free.sources[0].title == "History book" and free.sources[0].outlet == "Added by hand"
    assert free.mentions == () and free.actors == ("Iraq",) and free.id.startswith("hand-")
    assert free.to_json()["source"]["doc"] == free.sources[0].doc  # exports need a source
    source = Source("gazette", "Talks resume", "Gazette", None, date(2021, 4, 7))
    mention = cited_mention("gazette", "Negotiators first met in October 2015.", (40, 78))
    cited = manual_event(
        "First talks", date(2015, 10, 1), None, "month", note="", source=source, mention=mention
    )
    assert cited.sentence == "Negotiators first met in October 2015." and cited.sources == (source,)
    assert cited.mentions[0].span == (40, 40)  # marks no date expression in the article


@pytest.mark.parametrize(
    ("title", "start", "end", "precision", "note", "reason"),
    [
        ("", date(2020, 1, 1), None, "day", "n", "cannot be empty"),
        ("T", None, None, "day", "n", "needs a start date"),
        ("T", date(2020, 1, 2), date(2020, 1, 1), "day", "n", "before the start"),
        ("T", date(2020, 1, 1), None, "fortnight", "n", "is not a precision"),
        ("T", date(2020, 1, 1), None, "day", "  ", "source note"),
    ],
)
def test_a_bad_event_by_hand_is_refused_with_its_reason(
    title: str, start: date | None, end: date | None, precision: str, note: str, reason: str
) -> None:
    with pytest.raises(EditError, match=reason):
        manual_event(title, start, end, precision, note=note)
