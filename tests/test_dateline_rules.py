"""The publication date from the right line (issue 6, section 6): a blog's byline, not a reader comment's
time stamp, a photo's "Picture taken ..." or a citation's date."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.documents.dateline import parse_dateline
from timeline.documents.load import load_text

BODY = (
    "Iraqi and Kurdish officials met in Erbil to discuss the budget dispute, which has delayed salaries "
    "for months, and agreed to meet again."
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # Bylines: the author's name is no word around the date.
        ("Posted by John Smith on March 3, 2017", (date(2017, 3, 3), "published")),
        (
            "Posted by Dr. Amal al-Rashid bin Saleh on Friday, March 3, 2017 at 4:12 pm",
            (date(2017, 3, 3), "published"),
        ),
        ("Written by Maria van der Berg-Hoffman on 3 March 2015", (date(2015, 3, 3), "published")),
        ("By John Smith | March 3, 2017", (date(2017, 3, 3), "plain")),
        ("posted by jsmith_77 at 3 March 2015 10:02", (date(2015, 3, 3), "published")),
        ("(28 May 2015)", (date(2015, 5, 28), "plain")),
        # Dates of something else.
        ("Picture taken March 3, 2017.", None),
        ("Photo taken on 3 March 2017", None),
        ("File photo: 3 March 2017", None),
        ("Retrieved 3 March 2015.", None),
        ("Accessed on 3 March 2015", None),
        ("(Nature, 28 May 2015)", None),
        ("Journal of Peace Research 52(3), 3 March 2015", None),
        ("Smith et al., 3 March 2015", None),
        ("Ahmed K. says: March 5, 2017 at 4:12 pm", None),
    ],
)
def test_dateline_line(line: str, expected: tuple[date, str] | None) -> None:
    assert parse_dateline(line) == expected


def _published(text: str) -> tuple[date | None, str | None]:
    document = load_text("t.txt", text)
    span = document.dateline
    return document.published, (document.text[span[0] : span[1]] if span else None)


@pytest.mark.parametrize(
    ("text", "published", "dateline"),
    [
        (
            f"Notes from Erbil\n\nPosted by Maria van der Berg-Hoffman on Tuesday, 3 March 2015\n\n{BODY}\n\n"
            f"{BODY}\n\n12 comments\n\nAhmed K. says:\n\n5 March 2015 at 4:12 pm\n\nGreat piece.\n\nReply\n",
            date(2015, 3, 3),
            "Posted by Maria van der Berg-Hoffman on Tuesday, 3 March 2015",
        ),
        # Only comments carry dates: the article has none.
        (
            f"Notes from Erbil\n\n{BODY}\n\n{BODY}\n\n{BODY}\n\nAhmed K. says:\n\nMarch 5, 2017 at 4:12 pm\n\n"
            "Great piece.\n\nReply\n",
            None,
            None,
        ),
        (
            f"Notes from Erbil\n\n{BODY}\n\n{BODY}\n\n{BODY}\n\nAhmed K.\n\nMarch 5, 2017 at 4:12 pm\n\n"
            "Great piece, thanks.\n\nReply\n",
            None,
            None,
        ),
        (
            f"Notes from Erbil\n\n{BODY}\n\n{BODY}\n\nLeave a reply\n\nSara\n\n6 March 2017\n\nAgreed.\n",
            None,
            None,
        ),
        # The article's own dateline wins over a comment's that comes first in the tail.
        (
            f"Notes from Erbil\n\n{BODY}\n\n{BODY}\n\nPublished 3 March 2017\n\nAhmed K. says:\n\n"
            "5 March 2017 at 4:12 pm\n\nReply\n",
            date(2017, 3, 3),
            "Published 3 March 2017",
        ),
        # A comment's stamp on one line with its name and links (stamps.py), at the bottom: not the article's.
        (
            f"Notes from Erbil\n\n{BODY}\n\n{BODY}\n\nAgreed.\n\n"
            "Posted by: riverfan | March 5, 2017 3:45 PM | Report abuse\n",
            None,
            None,
        ),
        (
            f"Notes from Erbil\n\n{BODY}\n\n{BODY}\n\nComment by Jo Smith on March 5, 2017 at 4:12 pm\n",
            None,
            None,
        ),
        (
            f"Notes from Erbil\n\nPosted by Maria van Berg on Tuesday, 3 March 2015\n\n{BODY}\n\n{BODY}\n\n"
            "Posted by: riverfan | March 5, 2015 3:45 PM | Report abuse\n",
            date(2015, 3, 3),
            "Posted by Maria van Berg on Tuesday, 3 March 2015",
        ),
        (
            f"Notes from Erbil\n\n{BODY}\n\n{BODY}\n\nPublished 3 March 2017\n\n"
            "At 18:20 5th Mar 2017, quietreader wrote: Too late.\n",
            date(2017, 3, 3),
            "Published 3 March 2017",
        ),
        (f"Talks in Erbil\n\nPicture taken March 3, 2017.\n\n{BODY}\n\n{BODY}\n", None, None),
        (f"Talks in Erbil\n\n{BODY}\n\n{BODY}\n\n(Nature, 28 May 2015)\n", None, None),
        (f"Talks in Erbil\n\n{BODY}\n\n{BODY}\n\nRetrieved 3 March 2015.\n", None, None),
        (
            f"Talks in Erbil\n\n4 March 2017\n\nPicture taken March 3, 2017.\n\n{BODY}\n",
            date(2017, 3, 4),
            "4 March 2017",
        ),
    ],
)
def test_publication_date_line(text: str, published: date | None, dateline: str | None) -> None:
    assert _published(text) == (published, dateline)


def test_a_comment_stamp_is_chrome_not_an_event() -> None:
    text = f"Notes from Erbil\n\n{BODY}\n\n{BODY}\n\nAhmed K. says:\n\nMarch 5, 2017 at 4:12 pm\n\nReply\n"
    document = load_text("t.txt", text)
    stamp = text.index("March 5, 2017")
    assert any(start <= stamp < end for start, end in document.excluded)


@pytest.mark.parametrize(
    ("text", "published", "dateline"),
    [
        # A wire dateline opening the story gives the date; only its place, date and dash are the dateline.
        (
            "Troops leave\n\nBAGHDAD, March 3, 2004 — American troops withdrew on Tuesday.",
            date(2004, 3, 3),
            "BAGHDAD, March 3, 2004 — ",
        ),
        (
            "Kabul, Afghanistan, 3 March 2004 (AP) - Troops withdrew on Tuesday.",
            date(2004, 3, 3),
            "Kabul, Afghanistan, 3 March 2004 (AP) - ",
        ),
        (
            "NAJAF, Iraq, Sunday, April 4, 2004 -- Clashes erupted on Sunday.",
            date(2004, 4, 4),
            "NAJAF, Iraq, Sunday, April 4, 2004 -- ",
        ),
        (
            "TEHRAN (Reuters), 8 January 2020: Missiles were fired overnight.",
            date(2020, 1, 8),
            "TEHRAN (Reuters), 8 January 2020: ",
        ),
        # No year: never a guess. A name and a date with a dash is no dateline. A date inside a sentence neither.
        ("WASHINGTON, Jan. 8 (Reuters) - Iran fired missiles on Wednesday.", None, None),
        ("Mr Smith, 12 May 2003 — a note on the war.", None, None),
        ("The summit, on 3 March 2004 — a big day — ended early.", None, None),
        ("BAGHDAD, Picture taken March 3, 2004 — a caption.", None, None),
    ],
)
def test_wire_dateline(text: str, published: date | None, dateline: str | None) -> None:
    document = load_text("wire.txt", text)
    assert document.published == published
    assert (text[document.dateline[0] : document.dateline[1]] if document.dateline else None) == dateline


def test_the_story_after_a_wire_dateline_keeps_its_events() -> None:
    from timeline.events import extract_events

    document = load_text(
        "wire.txt",
        "BAGHDAD, March 3, 2004 — American troops withdrew from the city on Tuesday after weeks of fighting.",
    )
    events = extract_events(document)
    assert [event.start for event in events] == [date(2004, 3, 2)]
